//! A [`Scene`] as an SVG document whose text does not depend on the
//! viewer's fonts: either the text stays text, in a subset of DejaVu Sans
//! embedded in the file ([`SvgText::Embed`]), or every glyph becomes a
//! path ([`SvgText::Outline`]). In both, each glyph sits where the PNG
//! draws it.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use plotters_backend::BackendColor;

use super::encode::base64;
use super::glyphs::{Face, PathCmd, TextLayout};
use super::scene::{Op, Scene, TextOp};
use super::subset::subset;
use crate::error::{Error, Result};

/// How an SVG carries its text.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let fig = sigmoid_curve(SigmoidPanels::SigmoidOnly)?;
/// let embedded = fig.to_svg_with(SvgText::Embed)?;
/// assert!(embedded.contains("@font-face") && embedded.contains("<text"));
/// let outlined = fig.to_svg_with(SvgText::Outline)?;
/// assert!(!outlined.contains("<text") && outlined.contains("<path"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SvgText {
    /// Text stays text (selectable, searchable, editable), drawn in a subset
    /// of DejaVu Sans embedded in the file: browsers, notebooks, Inkscape
    /// (the default).
    #[default]
    Embed,
    /// Every glyph is a filled path: the same in any program that reads
    /// SVG, including those that ignore embedded fonts (PowerPoint,
    /// LibreOffice Impress); the text is kept only as each path's
    /// `aria-label`.
    Outline,
}

impl SvgText {
    /// Both ways.
    pub const ALL: [SvgText; 2] = [SvgText::Embed, SvgText::Outline];

    /// The name `--svg-text` takes.
    pub fn name(self) -> &'static str {
        match self {
            SvgText::Embed => "embed",
            SvgText::Outline => "outline",
        }
    }
}

impl fmt::Display for SvgText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SvgText {
    type Err = Error;

    /// Parses `embed` or `outline`, ignoring case.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any other name.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "embed" => Ok(SvgText::Embed),
            "outline" => Ok(SvgText::Outline),
            _ => Err(Error::UnknownName {
                kind: "SVG text mode".into(),
                name: s.to_string(),
                expected: "embed, outline".into(),
            }),
        }
    }
}

/// The family name the embedded faces are declared under; viewers that
/// ignore `@font-face` fall back to an installed DejaVu Sans.
const FAMILY: &str = "Activation Lab DejaVu Sans";
const FALLBACK: &str = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif";

fn color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("#{r:02X}{g:02X}{b:02X}")
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with at most two decimals, no trailing zeros.
fn num(v: f64) -> String {
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn points(p: &[(i32, i32)]) -> String {
    p.iter().fold(String::new(), |mut s, (x, y)| {
        let _ = write!(s, "{x},{y} ");
        s
    })
}

/// The SVG document of `scene`.
pub(crate) fn write(scene: &Scene, mode: SvgText) -> Result<String> {
    let (w, h) = scene.size;
    let texts = scene.texts()?;
    let mut out = String::with_capacity(64 * scene.ops.len() + 1024);
    let _ = writeln!(
        out,
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    if mode == SvgText::Embed && !texts.is_empty() {
        out.push_str(&font_faces(&texts)?);
    }
    // Shapes sit on pixel centres, as the PNG rasteriser puts them: pixel
    // (x, y) covers x..x + 1. Text positions are already continuous.
    out.push_str("<g transform=\"translate(0.5 0.5)\">\n");
    let mut layouts = texts.into_iter().map(|(_, l)| l);
    for op in &scene.ops {
        match op {
            Op::Pixel { at, color: c } => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"1\" height=\"1\" stroke=\"none\" opacity=\"{}\" fill=\"{}\"/>",
                    num(f64::from(at.0) - 0.5),
                    num(f64::from(at.1) - 0.5),
                    c.alpha,
                    color(*c)
                );
            }
            Op::Line {
                from,
                to,
                color: c,
                width,
            } => {
                let _ = writeln!(
                    out,
                    "<line opacity=\"{}\" stroke=\"{}\" stroke-width=\"{width}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                    c.alpha,
                    color(*c),
                    from.0,
                    from.1,
                    to.0,
                    to.1
                );
            }
            Op::Rect {
                from,
                to,
                color: c,
                fill,
                ..
            } => {
                let (f, s) = if *fill {
                    (color(*c), "none".to_string())
                } else {
                    ("none".to_string(), color(*c))
                };
                // a filled rectangle covers its corner pixels
                let (x, y, grow) = if *fill {
                    (f64::from(from.0) - 0.5, f64::from(from.1) - 0.5, 1)
                } else {
                    (f64::from(from.0), f64::from(from.1), 0)
                };
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" opacity=\"{}\" fill=\"{f}\" stroke=\"{s}\"/>",
                    num(x),
                    num(y),
                    to.0 - from.0 + grow,
                    to.1 - from.1 + grow,
                    c.alpha
                );
            }
            Op::Path {
                points: p,
                color: c,
                width,
            } => {
                let _ = writeln!(
                    out,
                    "<polyline fill=\"none\" opacity=\"{}\" stroke=\"{}\" stroke-width=\"{width}\" points=\"{}\"/>",
                    c.alpha,
                    color(*c),
                    points(p)
                );
            }
            Op::Circle {
                center,
                radius,
                color: c,
                width,
                fill,
            } => {
                let (s, f) = if *fill {
                    ("none".to_string(), color(*c))
                } else {
                    (color(*c), "none".to_string())
                };
                let _ = writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{radius}\" opacity=\"{}\" fill=\"{f}\" stroke=\"{s}\" stroke-width=\"{width}\"/>",
                    center.0, center.1, c.alpha
                );
            }
            Op::Polygon {
                points: p,
                color: c,
            } => {
                let _ = writeln!(
                    out,
                    "<polygon opacity=\"{}\" fill=\"{}\" points=\"{}\"/>",
                    c.alpha,
                    color(*c),
                    points(p)
                );
            }
            Op::Text(t) => {
                let l = layouts
                    .next()
                    .ok_or_else(|| Error::Figure("text layouts out of step".into()))?;
                match mode {
                    SvgText::Embed => embedded_text(&mut out, t, &l),
                    SvgText::Outline => outlined_text(&mut out, t, &l)?,
                }
            }
        }
    }
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}

/// The `@font-face` rules: one subset per face the figure uses.
fn font_faces(texts: &[(&TextOp, TextLayout)]) -> Result<String> {
    let mut chars: BTreeMap<Face, BTreeMap<char, ab_glyph::GlyphId>> = BTreeMap::new();
    for (_, l) in texts {
        let set = chars.entry(l.face).or_default();
        for g in &l.glyphs {
            set.insert(g.ch, g.id);
        }
    }
    let mut css = String::from("<defs><style>\n");
    for (face, set) in &chars {
        let font = subset(face.bytes(), set)?;
        let (weight, style) = match face {
            Face::Regular => ("normal", "normal"),
            Face::Bold => ("bold", "normal"),
            Face::Oblique => ("normal", "oblique"),
        };
        let _ = writeln!(
            css,
            "@font-face {{ font-family: \"{FAMILY}\"; font-weight: {weight}; font-style: {style}; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}",
            base64(&font.bytes)
        );
    }
    css.push_str("</style></defs>\n");
    Ok(css)
}

fn transform_attr(l: &TextLayout) -> String {
    let [a, b, c, d, e, f] = l.matrix;
    let (e, f) = (e - 0.5, f - 0.5);
    if (a, b, c, d) == (1.0, 0.0, 0.0, 1.0) {
        return String::new();
    }
    format!(
        " transform=\"matrix({} {} {} {} {} {})\"",
        num(a),
        num(b),
        num(c),
        num(d),
        num(e),
        num(f)
    )
}

fn embedded_text(out: &mut String, t: &TextOp, l: &TextLayout) {
    let upright = l.matrix[..4] == [1.0, 0.0, 0.0, 1.0];
    let (ox, oy) = if upright {
        (l.matrix[4] - 0.5, l.matrix[5] - 0.5)
    } else {
        (0.0, 0.0)
    };
    let xs: Vec<String> = l.glyphs.iter().map(|g| num(g.x + ox)).collect();
    let ys: Vec<String> = l.glyphs.iter().map(|g| num(g.y + oy)).collect();
    let weight = match t.face {
        Face::Bold => " font-weight=\"bold\"",
        Face::Oblique => " font-style=\"oblique\"",
        Face::Regular => "",
    };
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-family=\"&quot;{FAMILY}&quot;, {FALLBACK}\" font-size=\"{}\"{weight} opacity=\"{}\" fill=\"{}\" xml:space=\"preserve\"{}>{}</text>",
        xs.join(" "),
        ys.join(" "),
        num(l.em),
        t.color.alpha,
        color(t.color),
        transform_attr(l),
        escape(&t.text)
    );
}

fn outlined_text(out: &mut String, t: &TextOp, l: &TextLayout) -> Result<()> {
    let mut d = String::new();
    for contour in l.outlines()? {
        for cmd in contour {
            match cmd {
                PathCmd::Move((x, y)) => {
                    let _ = write!(d, "M{} {}", num(x - 0.5), num(y - 0.5));
                }
                PathCmd::Line((x, y)) => {
                    let _ = write!(d, "L{} {}", num(x - 0.5), num(y - 0.5));
                }
                PathCmd::Quad((cx, cy), (x, y)) => {
                    let _ = write!(
                        d,
                        "Q{} {} {} {}",
                        num(cx - 0.5),
                        num(cy - 0.5),
                        num(x - 0.5),
                        num(y - 0.5)
                    );
                }
                PathCmd::Cubic((ax, ay), (bx, by), (x, y)) => {
                    let (ax, ay, bx, by, x, y) =
                        (ax - 0.5, ay - 0.5, bx - 0.5, by - 0.5, x - 0.5, y - 0.5);
                    let _ = write!(
                        d,
                        "C{} {} {} {} {} {}",
                        num(ax),
                        num(ay),
                        num(bx),
                        num(by),
                        num(x),
                        num(y)
                    );
                }
                PathCmd::Close => d.push('Z'),
            }
        }
    }
    if d.is_empty() {
        return Ok(());
    }
    let _ = writeln!(
        out,
        "<path aria-label=\"{}\" opacity=\"{}\" fill=\"{}\" d=\"{d}\"/>",
        escape(&t.text),
        t.color.alpha,
        color(t.color)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact_to_a_hundredth() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(3.456), "3.46");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(12.5), "12.5");
    }

    #[test]
    fn modes_parse_and_print() {
        for m in SvgText::ALL {
            assert_eq!(m.to_string().parse::<SvgText>().unwrap(), m);
        }
        assert!("paths".parse::<SvgText>().is_err());
    }
}
