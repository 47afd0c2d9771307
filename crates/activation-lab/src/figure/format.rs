//! The image file formats a figure can be saved in: [`ImageFormat`].

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, Result};

/// An image file format a [`Figure`](super::render::Figure) can be saved in.
///
/// ```
/// use activation_lab::ImageFormat;
/// assert_eq!("PNG".parse::<ImageFormat>()?, ImageFormat::Png);
/// assert_eq!(ImageFormat::Svg.extension(), "svg");
/// assert!("jpeg".parse::<ImageFormat>().is_err());
/// # Ok::<(), activation_lab::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImageFormat {
    /// Scalable vector graphics: small, sharp at any zoom, text stays text.
    Svg,
    /// A PNG raster rendered with the embedded font.
    Png,
}

impl ImageFormat {
    /// Both formats.
    pub const ALL: [ImageFormat; 2] = [ImageFormat::Svg, ImageFormat::Png];

    /// The file extension, without a dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }

    /// The format a path's extension names.
    ///
    /// # Errors
    /// [`Error::UnknownName`] when the extension is neither `svg` nor `png`.
    pub fn from_path(path: &Path) -> Result<Self> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        ext.parse().map_err(|_| Error::UnknownName {
            kind: "image file extension".into(),
            name: path.display().to_string(),
            expected: "svg, png".into(),
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

    /// Parses `"svg"` or `"png"`, ignoring case and a leading dot.
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
            _ => Err(Error::UnknownName {
                kind: "image format".into(),
                name: s.to_string(),
                expected: "svg, png".into(),
            }),
        }
    }
}
