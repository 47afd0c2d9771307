//! The fonts every figure is drawn with: the embedded DejaVu Sans.

use std::sync::OnceLock;

use plotters::style::FontStyle;

use crate::error::{Error, Result};

/// The font family name under which the embedded DejaVu Sans is registered.
pub(crate) const FONT_FAMILY: &str = "DejaVu Sans";

/// Registers the embedded fonts with plotters, once per process.
pub(crate) fn ensure_fonts() -> Result<()> {
    static REGISTERED: OnceLock<std::result::Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            for (style, bytes) in [
                (FontStyle::Normal, dejavu::sans::regular()),
                (FontStyle::Bold, dejavu::sans::bold()),
                (FontStyle::Oblique, dejavu::sans::oblique()),
                (FontStyle::Italic, dejavu::sans::oblique()),
            ] {
                plotters::style::register_font(FONT_FAMILY, style, bytes)
                    .map_err(|_| "the embedded DejaVu Sans font could not be loaded".to_string())?;
            }
            Ok(())
        })
        .clone()
        .map_err(Error::Figure)
}
