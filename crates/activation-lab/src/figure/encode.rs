//! Turning rendered pixels into bytes and files: PNG encoding, the
//! anti-aliasing downsample, base64 for inline images, and writing a file.

use super::canvas::plot_err;
use crate::error::Result;

/// Averages `ss`×`ss` blocks of an RGB image.
pub(super) fn downsample(big: &[u8], bw: u32, bh: u32, ss: u32) -> Vec<u8> {
    let (w, h) = ((bw / ss) as usize, (bh / ss) as usize);
    let (bw, ss) = (bw as usize, ss as usize);
    let n = (ss * ss) as u32;
    let mut out = vec![0u8; w * h * 3];
    let mut acc = vec![0u32; w * 3];
    for y in 0..h {
        acc.iter_mut().for_each(|a| *a = 0);
        for sy in 0..ss {
            let row = &big[(y * ss + sy) * bw * 3..(y * ss + sy + 1) * bw * 3];
            for x in 0..w {
                for sx in 0..ss {
                    let p = (x * ss + sx) * 3;
                    acc[x * 3] += u32::from(row[p]);
                    acc[x * 3 + 1] += u32::from(row[p + 1]);
                    acc[x * 3 + 2] += u32::from(row[p + 2]);
                }
            }
        }
        let dst = &mut out[y * w * 3..(y + 1) * w * 3];
        for (d, a) in dst.iter_mut().zip(&acc) {
            *d = ((a + n / 2) / n) as u8;
        }
    }
    out
}

/// Encodes packed RGB pixels as a PNG (8-bit RGB, no metadata).
pub(crate) fn encode_png(w: u32, h: u32, rgb: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header().map_err(plot_err)?;
        writer.write_image_data(rgb).map_err(plot_err)?;
        writer.finish().map_err(plot_err)?;
    }
    Ok(out)
}

/// Standard base64 (for inline notebook images).
pub(crate) fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= c.len() {
                s.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_values() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn downsample_averages_blocks() {
        let big = [0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255];
        assert_eq!(downsample(&big, 2, 2, 2), vec![128, 128, 128]);
    }
}
