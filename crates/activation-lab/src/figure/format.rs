//! The image file formats a figure can be saved in: [`ImageFormat`].

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::palette::Palette;
use super::svg::SvgText;
use crate::error::{Error, Result};

/// How figures are written, beyond their size: the palette, how SVGs carry
/// their text, and how many PNG pixels per figure pixel.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let options = ImageOptions { palette: Palette::Dark, png_scale: ImageOptions::scale_for_dpi(192.0)?, ..ImageOptions::default() };
/// assert_eq!(options.png_scale, 2.0);
/// let fig = sigmoid_curve(SigmoidPanels::SigmoidOnly)?.with_size(FigureSize::Pixels { width: 400, height: 250 });
/// let png = fig.to_bytes_with(ImageFormat::Png, &options)?;
/// // 800 px wide: the width sits in bytes 16..20 of the PNG header
/// assert_eq!(u32::from_be_bytes([png[16], png[17], png[18], png[19]]), 800);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImageOptions {
    /// Light (the default) or dark.
    pub palette: Palette,
    /// SVG text: embedded font (the default) or outlined glyphs.
    pub svg_text: SvgText,
    /// PNG pixels per figure pixel (1 by default; 2 for a high-density
    /// screen). SVG and PDF are vector and ignore it.
    pub png_scale: f64,
}

impl Default for ImageOptions {
    fn default() -> Self {
        ImageOptions {
            palette: Palette::Light,
            svg_text: SvgText::Embed,
            png_scale: 1.0,
        }
    }
}

impl ImageOptions {
    /// The pixel density figures are laid out at: one figure pixel is a
    /// CSS pixel, 1/96 in (a PDF page is sized to match).
    pub const BASE_DPI: f64 = 96.0;

    /// The PNG scale that gives `dpi` dots per inch when the figure is
    /// printed at its PDF size (`dpi / 96`).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `dpi` is finite and within 10–2400.
    pub fn scale_for_dpi(dpi: f64) -> Result<f64> {
        if !(dpi.is_finite() && (10.0..=2400.0).contains(&dpi)) {
            return Err(Error::param("dpi", dpi, "a number from 10 to 2400"));
        }
        Ok(dpi / Self::BASE_DPI)
    }
}

/// An image file format a [`Figure`](super::render::Figure) can be saved in.
///
/// ```
/// use activation_lab::ImageFormat;
/// assert_eq!("PNG".parse::<ImageFormat>()?, ImageFormat::Png);
/// assert_eq!(ImageFormat::Svg.extension(), "svg");
/// assert_eq!("pdf".parse::<ImageFormat>()?, ImageFormat::Pdf);
/// assert!("jpeg".parse::<ImageFormat>().is_err());
/// # Ok::<(), activation_lab::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImageFormat {
    /// Scalable vector graphics: small, sharp at any zoom, text stays text.
    Svg,
    /// A PNG raster rendered with the embedded font.
    Png,
    /// A one-page vector PDF with the font embedded (LaTeX/Beamer).
    Pdf,
}

impl ImageFormat {
    /// Every format.
    pub const ALL: [ImageFormat; 3] = [ImageFormat::Svg, ImageFormat::Png, ImageFormat::Pdf];

    /// The file extension, without a dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }

    /// The format a path's extension names.
    ///
    /// # Errors
    /// [`Error::UnknownName`] when the extension is not `svg`, `png` or `pdf`.
    pub fn from_path(path: &Path) -> Result<Self> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        ext.parse().map_err(|_| Error::UnknownName {
            kind: "image file extension".into(),
            name: path.display().to_string(),
            expected: "svg, png, pdf".into(),
        })
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for ImageFormat {
    type Err = Error;

    /// Parses `"svg"`, `"png"` or `"pdf"`, ignoring case and a leading dot.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any other name.
    fn from_str(s: &str) -> Result<Self> {
        match s
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "svg" => Ok(ImageFormat::Svg),
            "png" => Ok(ImageFormat::Png),
            "pdf" => Ok(ImageFormat::Pdf),
            _ => Err(Error::UnknownName {
                kind: "image format".into(),
                name: s.to_string(),
                expected: "svg, png, pdf".into(),
            }),
        }
    }
}
