//! A TrueType subset of an embedded font: only the glyphs a figure uses,
//! renumbered from 1, with hinting removed. SVGs embed it as a web font
//! and PDFs as their `FontFile2`, so text draws the same with no fonts
//! installed, and a figure carries a few kilobytes of font, not 700.

use std::collections::BTreeMap;

use ab_glyph::GlyphId;

use crate::error::{Error, Result};

/// A subset font and how its glyphs are numbered.
#[derive(Debug, Clone)]
pub(crate) struct Subset {
    /// The TrueType file.
    pub bytes: Vec<u8>,
    /// Old glyph id → new glyph id, for the glyphs that were asked for.
    pub ids: BTreeMap<u16, u16>,
    /// Advance width of each new glyph, in font units.
    pub advances: Vec<u16>,
    /// Font units per em.
    pub units_per_em: u16,
    /// `head` bounding box: x min, y min, x max, y max (font units).
    pub bbox: [i16; 4],
    /// `hhea` ascender and descender (font units).
    pub ascent: i16,
    /// See `ascent`.
    pub descent: i16,
}

impl Subset {
    /// The new id of an old glyph (0, the missing glyph, if not kept).
    pub fn id(&self, old: GlyphId) -> u16 {
        self.ids.get(&old.0).copied().unwrap_or(0)
    }
}

fn bad(what: &str) -> Error {
    Error::Figure(format!("the embedded font could not be subset: {what}"))
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn u16(&self, at: usize) -> Result<u16> {
        self.0
            .get(at..at + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(|| bad("a table ends early"))
    }
    fn u32(&self, at: usize) -> Result<u32> {
        self.0
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| bad("a table ends early"))
    }
    fn slice(&self, at: usize, len: usize) -> Result<&'a [u8]> {
        self.0
            .get(at..at + len)
            .ok_or_else(|| bad("a table ends early"))
    }
}

fn tables(font: &[u8]) -> Result<BTreeMap<[u8; 4], &[u8]>> {
    let r = Reader(font);
    let n = usize::from(r.u16(4)?);
    let mut out = BTreeMap::new();
    for i in 0..n {
        let rec = 12 + 16 * i;
        let tag: [u8; 4] = r.slice(rec, 4)?.try_into().map_err(|_| bad("table tag"))?;
        let offset = r.u32(rec + 8)? as usize;
        let len = r.u32(rec + 12)? as usize;
        out.insert(tag, r.slice(offset, len)?);
    }
    Ok(out)
}

const ARG_WORDS: u16 = 0x0001;
const HAS_SCALE: u16 = 0x0008;
const MORE: u16 = 0x0020;
const XY_SCALE: u16 = 0x0040;
const TWO_BY_TWO: u16 = 0x0080;
const HAS_INSTRUCTIONS: u16 = 0x0100;

/// The components of a composite glyph: (offset of the glyph index, id).
fn components(glyph: &[u8]) -> Result<(Vec<(usize, u16)>, usize)> {
    let r = Reader(glyph);
    let mut at = 10;
    let mut out = Vec::new();
    loop {
        let flags = r.u16(at)?;
        out.push((at + 2, r.u16(at + 2)?));
        at += 4 + if flags & ARG_WORDS != 0 { 4 } else { 2 };
        at += if flags & TWO_BY_TWO != 0 {
            8
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & HAS_SCALE != 0 {
            2
        } else {
            0
        };
        if flags & MORE == 0 {
            return Ok((out, at));
        }
    }
}

/// A glyph's data without hinting instructions, components renumbered.
fn rewrite_glyph(glyph: &[u8], ids: &BTreeMap<u16, u16>) -> Result<Vec<u8>> {
    if glyph.is_empty() {
        return Ok(Vec::new());
    }
    let r = Reader(glyph);
    let contours = r.u16(0)? as i16;
    if contours >= 0 {
        let n = contours as usize;
        let ins_at = 10 + 2 * n;
        let ins_len = usize::from(r.u16(ins_at)?);
        let rest = glyph
            .get(ins_at + 2 + ins_len..)
            .ok_or_else(|| bad("glyph data"))?;
        let mut out = glyph[..ins_at].to_vec();
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Ok(out);
    }
    let (comps, end) = components(glyph)?;
    let mut out = glyph[..end].to_vec();
    let mut at = 10;
    for (idx_at, old) in comps {
        let new = ids.get(&old).copied().ok_or_else(|| bad("component"))?;
        out[idx_at..idx_at + 2].copy_from_slice(&new.to_be_bytes());
        let flags = u16::from_be_bytes([out[at], out[at + 1]]) & !HAS_INSTRUCTIONS;
        out[at..at + 2].copy_from_slice(&flags.to_be_bytes());
        at = next_component(&out, at)?;
    }
    Ok(out)
}

fn next_component(glyph: &[u8], at: usize) -> Result<usize> {
    let flags = Reader(glyph).u16(at)?;
    Ok(at
        + 4
        + if flags & ARG_WORDS != 0 { 4 } else { 2 }
        + if flags & TWO_BY_TWO != 0 {
            8
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & HAS_SCALE != 0 {
            2
        } else {
            0
        })
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

fn cmap(chars: &BTreeMap<char, u16>) -> Vec<u8> {
    // Format 4, one segment per character plus the closing 0xFFFF segment.
    let bmp: Vec<(u16, u16)> = chars
        .iter()
        .filter_map(|(&c, &g)| u16::try_from(u32::from(c)).ok().map(|c| (c, g)))
        .filter(|&(c, _)| c != 0xFFFF)
        .collect();
    let segs = bmp.len() + 1;
    let mut sub = Vec::new();
    let len = 16 + 8 * segs;
    let p = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_be_bytes());
    p(&mut sub, 4);
    p(&mut sub, len as u16);
    p(&mut sub, 0);
    p(&mut sub, (2 * segs) as u16);
    let mut pow = 1usize;
    let mut log = 0u16;
    while pow * 2 <= segs {
        pow *= 2;
        log += 1;
    }
    p(&mut sub, (2 * pow) as u16);
    p(&mut sub, log);
    p(&mut sub, (2 * segs - 2 * pow) as u16);
    for &(c, _) in &bmp {
        p(&mut sub, c);
    }
    p(&mut sub, 0xFFFF);
    p(&mut sub, 0);
    for &(c, _) in &bmp {
        p(&mut sub, c);
    }
    p(&mut sub, 0xFFFF);
    for &(c, g) in &bmp {
        p(&mut sub, g.wrapping_sub(c));
    }
    p(&mut sub, 1);
    for _ in 0..segs {
        p(&mut sub, 0);
    }
    let mut out = Vec::new();
    p(&mut out, 0);
    p(&mut out, 2);
    for (platform, encoding) in [(0u16, 3u16), (3, 1)] {
        p(&mut out, platform);
        p(&mut out, encoding);
        out.extend_from_slice(&20u32.to_be_bytes());
    }
    out.extend_from_slice(&sub);
    out
}

/// The `name` table with only its Windows (platform 3) records: the same
/// names, copyright and licence as the full font, once instead of twice.
fn windows_names(name: &[u8]) -> Result<Vec<u8>> {
    let r = Reader(name);
    let count = usize::from(r.u16(2)?);
    let strings = usize::from(r.u16(4)?);
    let mut records: Vec<([u16; 4], &[u8])> = Vec::new();
    for i in 0..count {
        let at = 6 + 12 * i;
        let ids = [r.u16(at)?, r.u16(at + 2)?, r.u16(at + 4)?, r.u16(at + 6)?];
        let (len, off) = (usize::from(r.u16(at + 8)?), usize::from(r.u16(at + 10)?));
        if ids[0] == 3 {
            records.push((ids, r.slice(strings + off, len)?));
        }
    }
    if records.is_empty() {
        return Ok(name.to_vec());
    }
    let mut out = Vec::new();
    let header = 6 + 12 * records.len();
    for v in [0u16, records.len() as u16, header as u16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut data: Vec<u8> = Vec::new();
    for (ids, text) in &records {
        for v in ids {
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.extend_from_slice(&(text.len() as u16).to_be_bytes());
        out.extend_from_slice(&(data.len() as u16).to_be_bytes());
        data.extend_from_slice(text);
    }
    out.extend_from_slice(&data);
    Ok(out)
}

/// Subsets `font` to the glyphs of `chars` (each with its old glyph id).
pub(crate) fn subset(font: &[u8], chars: &BTreeMap<char, GlyphId>) -> Result<Subset> {
    let t = tables(font)?;
    let get = |tag: &[u8; 4]| {
        t.get(tag)
            .copied()
            .ok_or_else(|| bad(&String::from_utf8_lossy(tag)))
    };
    let (head, hhea, maxp, hmtx, loca, glyf) = (
        get(b"head")?,
        get(b"hhea")?,
        get(b"maxp")?,
        get(b"hmtx")?,
        get(b"loca")?,
        get(b"glyf")?,
    );
    let num_glyphs = usize::from(Reader(maxp).u16(4)?);
    let long_loca = Reader(head).u16(50)? == 1;
    let glyph = |id: u16| -> Result<&[u8]> {
        let i = usize::from(id);
        if i >= num_glyphs {
            return Err(bad("glyph id"));
        }
        let (a, b) = if long_loca {
            (
                Reader(loca).u32(4 * i)? as usize,
                Reader(loca).u32(4 * i + 4)? as usize,
            )
        } else {
            (
                2 * usize::from(Reader(loca).u16(2 * i)?),
                2 * usize::from(Reader(loca).u16(2 * i + 2)?),
            )
        };
        glyf.get(a..b).ok_or_else(|| bad("glyph offsets"))
    };
    // The glyphs to keep: .notdef, the asked-for ones, their components.
    let mut keep: Vec<u16> = vec![0];
    let mut ids: BTreeMap<u16, u16> = BTreeMap::from([(0, 0)]);
    let mut queue: Vec<u16> = chars.values().map(|g| g.0).collect();
    while let Some(old) = queue.pop() {
        if ids.contains_key(&old) {
            continue;
        }
        ids.insert(old, keep.len() as u16);
        keep.push(old);
        let data = glyph(old)?;
        if data.len() >= 10 && (Reader(data).u16(0)? as i16) < 0 {
            queue.extend(components(data)?.0.into_iter().map(|(_, id)| id));
        }
    }
    let n_metrics = usize::from(Reader(hhea).u16(34)?);
    let metric = |id: u16| -> Result<(u16, u16)> {
        let i = usize::from(id);
        let adv = Reader(hmtx).u16(4 * i.min(n_metrics - 1))?;
        let lsb = if i < n_metrics {
            Reader(hmtx).u16(4 * i + 2)?
        } else {
            Reader(hmtx).u16(4 * n_metrics + 2 * (i - n_metrics))?
        };
        Ok((adv, lsb))
    };
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::new();
    let mut new_hmtx = Vec::new();
    let mut advances = Vec::new();
    for &old in &keep {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        new_glyf.extend(rewrite_glyph(glyph(old)?, &ids)?);
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
        let (adv, lsb) = metric(old)?;
        advances.push(adv);
        new_hmtx.extend_from_slice(&adv.to_be_bytes());
        new_hmtx.extend_from_slice(&lsb.to_be_bytes());
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
    let n = keep.len() as u16;
    let mut new_head = head.to_vec();
    new_head[8..12].copy_from_slice(&[0; 4]);
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes());
    let mut new_hhea = hhea.to_vec();
    new_hhea[34..36].copy_from_slice(&n.to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    new_maxp[4..6].copy_from_slice(&n.to_be_bytes());
    let mut post = get(b"post")?.get(..32).ok_or_else(|| bad("post"))?.to_vec();
    post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let char_ids: BTreeMap<char, u16> = chars
        .iter()
        .map(|(&c, g)| (c, ids.get(&g.0).copied().unwrap_or(0)))
        .collect();
    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = vec![
        (*b"OS/2", get(b"OS/2")?.to_vec()),
        (*b"cmap", cmap(&char_ids)),
        (*b"glyf", new_glyf),
        (*b"head", new_head),
        (*b"hhea", new_hhea),
        (*b"hmtx", new_hmtx),
        (*b"loca", new_loca),
        (*b"maxp", new_maxp),
        (*b"name", windows_names(get(b"name")?)?),
        (*b"post", post),
    ];
    out_tables.sort_by_key(|(tag, _)| *tag);
    let num = out_tables.len();
    let mut pow = 1usize;
    let mut log = 0u16;
    while pow * 2 <= num {
        pow *= 2;
        log += 1;
    }
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    bytes.extend_from_slice(&(num as u16).to_be_bytes());
    bytes.extend_from_slice(&((pow * 16) as u16).to_be_bytes());
    bytes.extend_from_slice(&log.to_be_bytes());
    bytes.extend_from_slice(&((num * 16 - pow * 16) as u16).to_be_bytes());
    let mut offset = 12 + 16 * num;
    let mut head_at = 0;
    for (tag, data) in &out_tables {
        if tag == b"head" {
            head_at = offset;
        }
        bytes.extend_from_slice(tag);
        bytes.extend_from_slice(&checksum(data).to_be_bytes());
        bytes.extend_from_slice(&(offset as u32).to_be_bytes());
        bytes.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &out_tables {
        bytes.extend_from_slice(data);
        while bytes.len() % 4 != 0 {
            bytes.push(0);
        }
    }
    let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&bytes));
    bytes[head_at + 8..head_at + 12].copy_from_slice(&adjust.to_be_bytes());
    let hr = Reader(head);
    let s16 = |r: &Reader<'_>, at: usize| r.u16(at).map(|v| v as i16);
    Ok(Subset {
        bytes,
        ids,
        advances,
        units_per_em: hr.u16(18)?,
        bbox: [s16(&hr, 36)?, s16(&hr, 38)?, s16(&hr, 40)?, s16(&hr, 42)?],
        ascent: s16(&Reader(hhea), 4)?,
        descent: s16(&Reader(hhea), 6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::glyphs::Face;
    use ab_glyph::{Font, FontRef};

    fn chars_of(font: &FontRef<'_>, text: &str) -> BTreeMap<char, GlyphId> {
        text.chars().map(|c| (c, font.glyph_id(c))).collect()
    }

    #[test]
    fn a_subset_keeps_the_outlines_and_advances_of_its_glyphs() {
        for face in Face::ALL {
            let full = face.font().unwrap();
            let text = "Loss σ′(z) = e⁻ᶻ x₁ zₒᵤₜ Å é";
            let s = subset(face.bytes(), &chars_of(full, text)).unwrap();
            assert!(s.bytes.len() < 40_000, "{} bytes", s.bytes.len());
            let small = FontRef::try_from_slice(&s.bytes).unwrap();
            for c in text.chars() {
                let (old, new) = (full.glyph_id(c), small.glyph_id(c));
                assert_eq!(new.0, s.id(old), "{c}");
                assert_eq!(full.h_advance_unscaled(old), small.h_advance_unscaled(new));
                let (a, b) = (full.outline(old), small.outline(new));
                assert_eq!(a.is_some(), b.is_some(), "{c}");
                if let (Some(a), Some(b)) = (a, b) {
                    assert_eq!(a.bounds, b.bounds, "{c}");
                    assert_eq!(a.curves.len(), b.curves.len(), "{c}");
                }
            }
        }
    }

    #[test]
    fn the_subset_keeps_the_fonts_names_and_licence() {
        let full = Face::Regular.font().unwrap();
        let s = subset(Face::Regular.bytes(), &chars_of(full, "abc")).unwrap();
        let text = String::from_utf16_lossy(
            &s.bytes
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect::<Vec<_>>(),
        );
        assert!(text.contains("DejaVu Sans"), "family name");
        assert!(text.contains("Bitstream"), "copyright and licence");
        assert!(s.bytes.len() < 16_000, "{} bytes", s.bytes.len());
    }

    #[test]
    fn the_whole_file_checksum_is_the_magic_number() {
        let full = Face::Regular.font().unwrap();
        let s = subset(Face::Regular.bytes(), &chars_of(full, "abc")).unwrap();
        assert_eq!(checksum(&s.bytes), 0xB1B0_AFBA);
        assert_eq!(s.units_per_em, 2048);
    }
}
