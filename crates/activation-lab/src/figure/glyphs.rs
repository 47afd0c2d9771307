//! Where every glyph of a figure's text lands, computed exactly as the PNG
//! rasteriser places it, so that the SVG and PDF outputs draw the same
//! glyphs at the same places as the PNG.
//!
//! plotters draws bitmap text glyph by glyph: the pen advances by the
//! glyph's advance (plus kerning), each glyph's ink box is snapped to whole
//! pixels, and the baseline sits half the text size below the text's top.
//! [`layout`] reproduces those rules in continuous coordinates; the vector
//! writers then place each glyph's outline (or the glyph itself, in an
//! embedded font) at the positions it returns.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, GlyphId, OutlineCurve, PxScale, ScaleFont, point};
use plotters_backend::FontTransform;
use plotters_backend::text_anchor::{HPos, Pos, VPos};

use crate::error::{Error, Result};

/// One of the three embedded DejaVu Sans faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// DejaVu Sans Oblique.
    Oblique,
}

impl Face {
    /// Every face, in a fixed order.
    #[cfg(test)]
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Oblique];

    /// The face plotters uses for a font style.
    pub fn from_style(style: plotters_backend::FontStyle) -> Self {
        match style {
            plotters_backend::FontStyle::Bold => Face::Bold,
            plotters_backend::FontStyle::Oblique | plotters_backend::FontStyle::Italic => {
                Face::Oblique
            }
            plotters_backend::FontStyle::Normal => Face::Regular,
        }
    }

    /// The font file's bytes.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => dejavu::sans::regular(),
            Face::Bold => dejavu::sans::bold(),
            Face::Oblique => dejavu::sans::oblique(),
        }
    }

    /// The PostScript name of the face (PDF's `BaseFont`).
    pub fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "DejaVuSans",
            Face::Bold => "DejaVuSans-Bold",
            Face::Oblique => "DejaVuSans-Oblique",
        }
    }

    /// A short name, unique per face (used in CSS and PDF resource names).
    pub fn key(self) -> &'static str {
        match self {
            Face::Regular => "r",
            Face::Bold => "b",
            Face::Oblique => "o",
        }
    }

    /// The parsed font.
    pub fn font(self) -> Result<&'static FontRef<'static>> {
        static FONTS: OnceLock<std::result::Result<[FontRef<'static>; 3], String>> =
            OnceLock::new();
        let fonts = FONTS
            .get_or_init(|| {
                let parse = |f: Face| {
                    FontRef::try_from_slice(f.bytes())
                        .map_err(|_| "the embedded DejaVu Sans font could not be read".to_string())
                };
                Ok([
                    parse(Face::Regular)?,
                    parse(Face::Bold)?,
                    parse(Face::Oblique)?,
                ])
            })
            .as_ref()
            .map_err(|e| Error::Figure(e.clone()))?;
        Ok(&fonts[self as usize])
    }
}

/// One glyph of a laid-out text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlacedGlyph {
    /// The character.
    pub ch: char,
    /// Its glyph in the full font.
    pub id: GlyphId,
    /// The glyph's origin (pen point on the baseline) in the text's own
    /// frame, in pixels, y down.
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// The glyph's ink box in the text's frame (left, top, right, bottom),
    /// as the rasteriser sees it (whole pixels), when it has ink.
    pub ink: Option<[f64; 4]>,
}

/// A text laid out the way the PNG draws it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextLayout {
    /// The face.
    pub face: Face,
    /// Pixels per font unit (ab_glyph's scale factor).
    pub scale: f64,
    /// The em size in pixels (what CSS calls `font-size`).
    pub em: f64,
    /// The glyphs, in text order.
    pub glyphs: Vec<PlacedGlyph>,
    /// Maps the text's frame to the canvas: `[a, b, c, d, e, f]` with
    /// `x' = a·x + c·y + e`, `y' = b·x + d·y + f` (SVG's `matrix`).
    pub matrix: [f64; 6],
}

/// Lays out `text` as plotters' bitmap backend draws it: `size` is the
/// plotters font size (ab_glyph's pixel scale), `pos` the anchor point.
pub(crate) fn layout(
    text: &str,
    face: Face,
    size: f64,
    anchor: Pos,
    transform: FontTransform,
    pos: (i32, i32),
) -> Result<TextLayout> {
    let font = face.font()?;
    let scaled = font.as_scaled(PxScale::from(size as f32));
    // The layout box plotters anchors with (estimate_layout).
    let mut width = 0f32;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        width += scaled.h_advance(id);
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        prev = Some(id);
    }
    let (width, height) = (width as i32, (size / 1.24) as i32);
    let dx = match anchor.h_pos {
        HPos::Left => 0,
        HPos::Right => -width,
        HPos::Center => -width / 2,
    };
    let dy = match anchor.v_pos {
        VPos::Top => 0,
        VPos::Center => -height / 2,
        VPos::Bottom => -height,
    };
    let h = f64::from(scaled.h_scale_factor());
    let v = f64::from(scaled.v_scale_factor());
    let mut glyphs = Vec::with_capacity(text.len());
    let mut pen = 0f32;
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            pen += scaled.kern(scaled.glyph_id(p), scaled.glyph_id(c));
        }
        prev = Some(c);
        let glyph = scaled.scaled_glyph(c);
        let id = glyph.id;
        let (x, y, ink) = match font.outline(id) {
            Some(outline) => {
                let b = outline.px_bounds(scaled.scale_factor(), point(0.0, 0.0));
                let y_shift = ((size as f32) / 2.0 + b.min.y) as i32;
                let left = f64::from((pen as i32) + dx);
                let top = f64::from(y_shift + dy);
                let (w, hh) = (f64::from(b.width()), f64::from(b.height()));
                (
                    left - f64::from(b.min.x),
                    top - f64::from(b.min.y),
                    Some([left, top, left + w, top + hh]),
                )
            }
            None => (
                f64::from((pen as i32) + dx),
                size / 2.0 + f64::from(dy),
                None,
            ),
        };
        glyphs.push(PlacedGlyph {
            ch: c,
            id,
            x,
            y,
            ink,
        });
        pen += scaled.h_advance(id);
    }
    let (px, py) = (f64::from(pos.0), f64::from(pos.1));
    // The bitmap rotates whole pixels: pixel (x, y) goes to (y, -x) for a
    // quarter turn anticlockwise, so in continuous coordinates the turn is
    // followed by a one-pixel shift.
    let matrix = match transform {
        FontTransform::None => [1.0, 0.0, 0.0, 1.0, px, py],
        FontTransform::Rotate90 => [0.0, 1.0, -1.0, 0.0, px + 1.0, py],
        FontTransform::Rotate180 => [-1.0, 0.0, 0.0, -1.0, px + 1.0, py + 1.0],
        FontTransform::Rotate270 => [0.0, -1.0, 1.0, 0.0, px, py + 1.0],
    };
    let upem = f64::from(font.units_per_em().unwrap_or(2048.0));
    Ok(TextLayout {
        face,
        scale: h,
        em: upem * h,
        glyphs,
        matrix: {
            debug_assert!((h - v).abs() < 1e-9);
            matrix
        },
    })
}

impl TextLayout {
    /// Maps a point of the text's frame to the canvas.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.matrix;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// The union of the glyphs' ink boxes on the canvas (left, top, right,
    /// bottom), or `None` for text without ink.
    pub fn ink_box(&self) -> Option<[f64; 4]> {
        let mut out: Option<[f64; 4]> = None;
        for g in &self.glyphs {
            let Some([l, t, r, b]) = g.ink else { continue };
            for (x, y) in [(l, t), (r, t), (l, b), (r, b)] {
                let (x, y) = self.apply(x, y);
                out = Some(match out {
                    None => [x, y, x, y],
                    Some([l0, t0, r0, b0]) => [l0.min(x), t0.min(y), r0.max(x), b0.max(y)],
                });
            }
        }
        out
    }

    /// Each glyph's outline on the canvas as closed contours of path
    /// commands, in the order the font stores them.
    pub fn outlines(&self) -> Result<Vec<Vec<PathCmd>>> {
        let font = self.face.font()?;
        let mut out = Vec::new();
        for g in &self.glyphs {
            let Some(outline) = font.outline(g.id) else {
                continue;
            };
            let to_canvas = |p: ab_glyph::Point| {
                self.apply(
                    g.x + f64::from(p.x) * self.scale,
                    g.y - f64::from(p.y) * self.scale,
                )
            };
            let mut cmds: Vec<PathCmd> = Vec::new();
            let mut last: Option<ab_glyph::Point> = None;
            for curve in &outline.curves {
                let start = match curve {
                    OutlineCurve::Line(a, _)
                    | OutlineCurve::Quad(a, _, _)
                    | OutlineCurve::Cubic(a, _, _, _) => *a,
                };
                if last != Some(start) {
                    if !cmds.is_empty() {
                        cmds.push(PathCmd::Close);
                    }
                    cmds.push(PathCmd::Move(to_canvas(start)));
                }
                match curve {
                    OutlineCurve::Line(_, b) => {
                        cmds.push(PathCmd::Line(to_canvas(*b)));
                        last = Some(*b);
                    }
                    OutlineCurve::Quad(_, c, b) => {
                        cmds.push(PathCmd::Quad(to_canvas(*c), to_canvas(*b)));
                        last = Some(*b);
                    }
                    OutlineCurve::Cubic(_, c1, c2, b) => {
                        cmds.push(PathCmd::Cubic(
                            to_canvas(*c1),
                            to_canvas(*c2),
                            to_canvas(*b),
                        ));
                        last = Some(*b);
                    }
                }
            }
            if !cmds.is_empty() {
                cmds.push(PathCmd::Close);
                out.push(cmds);
            }
        }
        Ok(out)
    }
}

/// One command of a glyph outline, in canvas pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PathCmd {
    /// Start a contour.
    Move((f64, f64)),
    /// A straight edge.
    Line((f64, f64)),
    /// A quadratic Bézier: control point, end point.
    Quad((f64, f64), (f64, f64)),
    /// A cubic Bézier: two control points, end point.
    Cubic((f64, f64), (f64, f64), (f64, f64)),
    /// Close the contour.
    Close,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top_left() -> Pos {
        Pos::new(HPos::Left, VPos::Top)
    }

    #[test]
    fn glyphs_advance_left_to_right_and_ink_sits_around_half_the_size() {
        let l = layout(
            "Az",
            Face::Regular,
            40.0,
            top_left(),
            FontTransform::None,
            (10, 20),
        )
        .unwrap();
        assert_eq!(l.glyphs.len(), 2);
        assert!(l.glyphs[1].x > l.glyphs[0].x);
        let [_, top, _, bottom] = l.ink_box().unwrap();
        // The baseline is half the size below the anchor; capitals rise
        // above it by about 0.63 of the size.
        assert!((39.0..=41.0).contains(&bottom), "{bottom}");
        assert!(top < 20.0, "{top}");
        assert!(
            (l.em - 40.0 * 2048.0 / (1901.0 + 483.0)).abs() < 0.2,
            "{}",
            l.em
        );
    }

    #[test]
    fn right_and_centre_anchors_end_and_centre_the_text_on_the_point() {
        let left = layout(
            "Loss",
            Face::Bold,
            30.0,
            top_left(),
            FontTransform::None,
            (100, 0),
        )
        .unwrap();
        let right = layout(
            "Loss",
            Face::Bold,
            30.0,
            Pos::new(HPos::Right, VPos::Top),
            FontTransform::None,
            (100, 0),
        )
        .unwrap();
        let [l0, _, r0, _] = left.ink_box().unwrap();
        let [l1, _, r1, _] = right.ink_box().unwrap();
        assert!((r0 - l0 - (r1 - l1)).abs() < 1e-9);
        assert!(l0 >= 100.0 && r1 <= 100.5);
    }

    #[test]
    fn a_quarter_turn_makes_the_text_run_upwards() {
        let l = layout(
            "epochs",
            Face::Regular,
            30.0,
            top_left(),
            FontTransform::Rotate270,
            (50, 300),
        )
        .unwrap();
        let [left, top, right, bottom] = l.ink_box().unwrap();
        assert!(bottom - top > right - left, "{left} {top} {right} {bottom}");
        assert!(bottom <= 301.0);
    }

    #[test]
    fn outlines_close_every_contour_and_stay_in_the_ink_box() {
        let l = layout(
            "o8 x₁",
            Face::Regular,
            50.0,
            top_left(),
            FontTransform::None,
            (0, 0),
        )
        .unwrap();
        let outlines = l.outlines().unwrap();
        assert_eq!(outlines.len(), 4, "the space has no outline");
        let [left, top, right, bottom] = l.ink_box().unwrap();
        for contour in &outlines {
            assert!(matches!(contour[0], PathCmd::Move(_)));
            assert_eq!(contour.last(), Some(&PathCmd::Close));
            for cmd in contour {
                if let PathCmd::Line((x, y)) | PathCmd::Move((x, y)) = cmd {
                    assert!(*x >= left - 1e-6 && *x <= right + 1e-6);
                    assert!(*y >= top - 1e-6 && *y <= bottom + 1e-6);
                }
            }
        }
    }
}
