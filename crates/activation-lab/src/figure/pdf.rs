//! A [`Scene`] as a one-page vector PDF: shapes as PDF paths, text in
//! subsets of DejaVu Sans embedded as TrueType (`FontFile2`) with a
//! `ToUnicode` map, so it prints the same everywhere and its text can be
//! selected and searched. One pixel of the figure is 0.75 pt (96 dpi),
//! so a 1920×1080 slide is a 20 × 11.25 in page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ab_glyph::GlyphId;
use plotters_backend::BackendColor;

use super::glyphs::{Face, TextLayout};
use super::scene::{Op, Scene};
use super::subset::{Subset, subset};
use crate::error::Result;

/// Points per pixel.
const PT: f64 = 0.75;

fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn rgb(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!(
        "{} {} {}",
        num(f64::from(r) / 255.0),
        num(f64::from(g) / 255.0),
        num(f64::from(b) / 255.0)
    )
}

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 9)
}

/// A PDF text string (UTF-16BE with a byte-order mark) in hex.
fn text_string(s: &str) -> String {
    let mut out = String::from("<FEFF");
    for u in s.encode_utf16() {
        let _ = write!(out, "{u:04X}");
    }
    out.push('>');
    out
}

/// Six capital letters naming a subset (PDF's `ABCDEF+Name` convention),
/// taken from a hash of its glyphs, so the same glyphs give the same name.
fn subset_tag(ids: &BTreeMap<u16, u16>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &id in ids.keys() {
        for b in id.to_be_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

struct Pdf {
    objects: Vec<Vec<u8>>,
}

impl Pdf {
    /// Reserves an object number.
    fn reserve(&mut self) -> usize {
        self.objects.push(Vec::new());
        self.objects.len()
    }

    fn set(&mut self, n: usize, body: impl Into<Vec<u8>>) {
        self.objects[n - 1] = body.into();
    }

    fn add(&mut self, body: impl Into<Vec<u8>>) -> usize {
        let n = self.reserve();
        self.set(n, body);
        n
    }

    fn stream(&mut self, dict: &str, data: &[u8]) -> usize {
        let packed = deflate(data);
        let mut body = format!(
            "<< {dict} /Length {} /Filter /FlateDecode >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        body.extend_from_slice(&packed);
        body.extend_from_slice(b"\nendstream");
        self.add(body)
    }

    fn finish(self, root: usize, info: usize) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", self.objects.len() + 1);
        for o in offsets {
            let _ = writeln!(table, "{o:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            self.objects.len() + 1
        );
        out.extend_from_slice(table.as_bytes());
        out
    }
}

/// The fonts of a page: one subset per face, and its resource name.
struct Fonts {
    subsets: BTreeMap<Face, Subset>,
}

impl Fonts {
    fn new(texts: &[TextLayout]) -> Result<Self> {
        let mut chars: BTreeMap<Face, BTreeMap<char, GlyphId>> = BTreeMap::new();
        for l in texts {
            let set = chars.entry(l.face).or_default();
            for g in &l.glyphs {
                set.insert(g.ch, g.id);
            }
        }
        let mut subsets = BTreeMap::new();
        for (face, set) in chars {
            subsets.insert(face, subset(face.bytes(), &set)?);
        }
        Ok(Fonts { subsets })
    }

    /// Writes the font objects; returns the page's `/Font` dictionary.
    fn write(&self, pdf: &mut Pdf, texts: &[TextLayout]) -> String {
        let mut dict = String::from("<<");
        for (face, s) in &self.subsets {
            let name = format!("{}+{}", subset_tag(&s.ids), face.postscript_name());
            let scale = 1000.0 / f64::from(s.units_per_em);
            let file = {
                let packed = deflate(&s.bytes);
                let mut body = format!(
                    "<< /Length {} /Length1 {} /Filter /FlateDecode >>\nstream\n",
                    packed.len(),
                    s.bytes.len()
                )
                .into_bytes();
                body.extend_from_slice(&packed);
                body.extend_from_slice(b"\nendstream");
                pdf.add(body)
            };
            let [x0, y0, x1, y1] = s.bbox.map(|v| num(f64::from(v) * scale));
            let italic = if *face == Face::Oblique { -11 } else { 0 };
            let descriptor = pdf.add(format!(
                "<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [{x0} {y0} {x1} {y1}] /ItalicAngle {italic} /Ascent {} /Descent {} /CapHeight 729 /StemV 80 /FontFile2 {file} 0 R >>",
                num(f64::from(s.ascent) * scale),
                num(f64::from(s.descent) * scale),
            ));
            let widths: Vec<String> = s
                .advances
                .iter()
                .map(|&a| num(f64::from(a) * scale))
                .collect();
            let cid = pdf.add(format!(
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /W [0 [{}]] >>",
                widths.join(" ")
            ));
            let mut to_unicode: BTreeMap<u16, char> = BTreeMap::new();
            for l in texts.iter().filter(|l| l.face == *face) {
                for g in &l.glyphs {
                    to_unicode.entry(s.id(g.id)).or_insert(g.ch);
                }
            }
            let mut cmap = String::from(
                "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
            );
            for chunk in to_unicode.iter().collect::<Vec<_>>().chunks(100) {
                let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
                for (gid, ch) in chunk {
                    let mut units = [0u16; 2];
                    let hex: String = ch
                        .encode_utf16(&mut units)
                        .iter()
                        .map(|u| format!("{u:04X}"))
                        .collect();
                    let _ = writeln!(cmap, "<{gid:04X}> <{hex}>");
                }
                cmap.push_str("endbfchar\n");
            }
            cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
            let tu = pdf.stream("", cmap.as_bytes());
            let font = pdf.add(format!(
                "<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid} 0 R] /ToUnicode {tu} 0 R >>"
            ));
            let _ = write!(dict, " /F{} {font} 0 R", face.key());
        }
        dict.push_str(" >>");
        dict
    }
}

/// Four Béziers approximating a circle.
fn circle(out: &mut String, cx: f64, cy: f64, r: f64) {
    let k = 0.552_284_749_8 * r;
    let _ = writeln!(
        out,
        "{} {} m {} {} {} {} {} {} c {} {} {} {} {} {} c {} {} {} {} {} {} c {} {} {} {} {} {} c h",
        num(cx + r),
        num(cy),
        num(cx + r),
        num(cy + k),
        num(cx + k),
        num(cy + r),
        num(cx),
        num(cy + r),
        num(cx - k),
        num(cy + r),
        num(cx - r),
        num(cy + k),
        num(cx - r),
        num(cy),
        num(cx - r),
        num(cy - k),
        num(cx - k),
        num(cy - r),
        num(cx),
        num(cy - r),
        num(cx + k),
        num(cy - r),
        num(cx + r),
        num(cy - k),
        num(cx + r),
        num(cy)
    );
}

fn poly(out: &mut String, p: &[(i32, i32)], close: bool) {
    for (i, (x, y)) in p.iter().enumerate() {
        let _ = write!(out, "{x} {y} {} ", if i == 0 { "m" } else { "l" });
    }
    if close {
        out.push('h');
    }
    out.push('\n');
}

/// The PDF of `scene`, with `title` in its document information.
pub(crate) fn write(scene: &Scene, title: &str) -> Result<Vec<u8>> {
    let (w, h) = scene.size;
    let layouts: Vec<TextLayout> = scene.texts()?.into_iter().map(|(_, l)| l).collect();
    let fonts = Fonts::new(&layouts)?;
    let mut alphas: BTreeMap<u64, usize> = BTreeMap::new();
    // pixel (x, y) covers x..x + 1, as in the PNG: shapes sit on pixel
    // centres (half a pixel in), text positions are continuous
    let mut content = format!(
        "{} 0 0 {} {} {} cm\n4 M\n",
        num(PT),
        num(-PT),
        num(0.5 * PT),
        num((f64::from(h) - 0.5) * PT)
    );
    let mut texts = layouts.iter();
    for op in &scene.ops {
        let c = match op {
            Op::Pixel { color, .. }
            | Op::Line { color, .. }
            | Op::Rect { color, .. }
            | Op::Path { color, .. }
            | Op::Circle { color, .. }
            | Op::Polygon { color, .. } => *color,
            Op::Text(t) => t.color,
        };
        let translucent = c.alpha < 1.0;
        if translucent {
            let n = alphas.len();
            let key = c.alpha.clamp(0.0, 1.0).to_bits();
            let g = *alphas.entry(key).or_insert(n);
            let _ = writeln!(content, "q /A{g} gs");
        }
        match op {
            Op::Pixel { at, .. } => {
                let _ = writeln!(
                    content,
                    "{} rg {} {} 1 1 re f",
                    rgb(c),
                    num(f64::from(at.0) - 0.5),
                    num(f64::from(at.1) - 0.5)
                );
            }
            Op::Line {
                from, to, width, ..
            } => {
                let _ = writeln!(
                    content,
                    "{} RG {width} w 0 j {} {} m {} {} l S",
                    rgb(c),
                    from.0,
                    from.1,
                    to.0,
                    to.1
                );
            }
            Op::Rect { from, to, fill, .. } => {
                let op = if *fill { "rg" } else { "RG 1 w" };
                let paint = if *fill { "f" } else { "S" };
                // a filled rectangle covers its corner pixels
                let (shift, grow) = if *fill { (0.5, 1) } else { (0.0, 0) };
                let _ = writeln!(
                    content,
                    "{} {op} {} {} {} {} re {paint}",
                    rgb(c),
                    num(f64::from(from.0) - shift),
                    num(f64::from(from.1) - shift),
                    to.0 - from.0 + grow,
                    to.1 - from.1 + grow
                );
            }
            Op::Path { points, width, .. } => {
                // The PNG joins thick polylines with round joins.
                let join = if *width > 1 { 1 } else { 0 };
                let _ = write!(content, "{} RG {width} w {join} j ", rgb(c));
                poly(&mut content, points, false);
                content.push_str("S\n");
            }
            Op::Circle {
                center,
                radius,
                width,
                fill,
                ..
            } => {
                let paint = if *fill {
                    format!("{} rg", rgb(c))
                } else {
                    format!("{} RG {width} w", rgb(c))
                };
                let _ = writeln!(content, "{paint}");
                circle(
                    &mut content,
                    f64::from(center.0),
                    f64::from(center.1),
                    f64::from(*radius),
                );
                content.push_str(if *fill { "f\n" } else { "S\n" });
            }
            Op::Polygon { points, .. } => {
                let _ = write!(content, "{} rg ", rgb(c));
                poly(&mut content, points, true);
                content.push_str("f\n");
            }
            Op::Text(_) => {
                let Some(l) = texts.next() else { continue };
                let Some(s) = fonts.subsets.get(&l.face) else {
                    continue;
                };
                let [a, b, cc, d, _, _] = l.matrix;
                let _ = writeln!(
                    content,
                    "BT {} rg /F{} {} Tf",
                    rgb(c),
                    l.face.key(),
                    num(l.em)
                );
                for g in &l.glyphs {
                    if g.ink.is_none() {
                        continue;
                    }
                    let (x, y) = l.apply(g.x, g.y);
                    let (x, y) = (x - 0.5, y - 0.5);
                    let _ = writeln!(
                        content,
                        "{} {} {} {} {} {} Tm <{:04X}> Tj",
                        num(a),
                        num(b),
                        num(-cc),
                        num(-d),
                        num(x),
                        num(y),
                        s.id(g.id)
                    );
                }
                content.push_str("ET\n");
            }
        }
        if translucent {
            content.push_str("Q\n");
        }
    }
    let mut pdf = Pdf {
        objects: Vec::new(),
    };
    let root = pdf.reserve();
    let pages = pdf.reserve();
    let page = pdf.reserve();
    let contents = pdf.stream("", content.as_bytes());
    let font_dict = fonts.write(&mut pdf, &layouts);
    let gs: String = alphas
        .iter()
        .map(|(bits, g)| {
            let a = num(f64::from_bits(*bits));
            format!(" /A{g} << /Type /ExtGState /CA {a} /ca {a} >>")
        })
        .collect();
    let info = pdf.add(format!(
        "<< /Title {} /Producer (Activation Lab {}) >>",
        text_string(title),
        crate::VERSION
    ));
    pdf.set(root, format!("<< /Type /Catalog /Pages {pages} 0 R >>"));
    pdf.set(
        pages,
        format!("<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>"),
    );
    pdf.set(
        page,
        format!(
            "<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {} {}] /Resources << /Font {font_dict} /ExtGState <<{gs} >> >> /Contents {contents} 0 R >>",
            num(f64::from(w) * PT),
            num(f64::from(h) * PT)
        ),
    );
    Ok(pdf.finish(root, info))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_names_are_six_capitals_and_stable() {
        let ids = BTreeMap::from([(0u16, 0u16), (36, 1), (68, 2)]);
        let tag = subset_tag(&ids);
        assert_eq!(tag.len(), 6);
        assert!(tag.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(tag, subset_tag(&ids));
    }

    #[test]
    fn titles_are_utf16_hex_strings() {
        assert_eq!(text_string("σ"), "<FEFF03C3>");
    }
}
