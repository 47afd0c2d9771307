//! The options every figure-writing command shares: `--theme`,
//! `--svg-text`, `--scale` and `--dpi`.

use activation_lab::{FigureSize, ImageOptions, Palette, SvgText};
use clap::Args;

/// How figure files are drawn: theme, SVG text, PNG resolution.
#[derive(Debug, Clone, Args)]
pub struct ImageStyle {
    /// Colours: light (dark ink on white) or dark (light ink on near-black, for dark slides).
    #[arg(long, value_name = "THEME", default_value = "light", value_parser = parse_palette)]
    pub theme: Palette,

    /// How SVGs carry their text: embed (text in an embedded font subset;
    /// browsers, notebooks, Inkscape) or outline (glyphs as paths, for
    /// programs that ignore embedded fonts, such as PowerPoint).
    #[arg(long, value_name = "MODE", default_value = "embed", value_parser = parse_svg_text)]
    pub svg_text: SvgText,

    /// PNG pixels per figure pixel (2 for high-density screens); the layout stays.
    #[arg(
        long,
        value_name = "X",
        conflicts_with = "dpi",
        allow_hyphen_values = true
    )]
    pub scale: Option<f64>,

    /// PNG resolution in dots per inch at the figure's PDF size (a figure
    /// pixel is 1/96 in, so --dpi 192 is --scale 2).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub dpi: Option<f64>,
}

impl ImageStyle {
    /// Checks that PNGs at `size` with this scale stay within the pixel
    /// limits, naming the flag the lecturer typed.
    pub fn check_png_size(
        &self,
        size: FigureSize,
        options: &ImageOptions,
    ) -> Result<(), crate::error::CliError> {
        if size.check_scale(options.png_scale).is_ok() {
            return Ok(());
        }
        size.validate()?;
        let flag = match (self.scale, self.dpi) {
            (Some(s), _) => format!("--scale {s}"),
            (None, Some(d)) => format!("--dpi {d}"),
            (None, None) => "the size".to_string(),
        };
        let (w, h) = match size {
            FigureSize::Notebook => (1200, 1000),
            other => other.pixels((0, 0)),
        };
        let max = f64::from(activation_lab::figure::MAX_PIXELS);
        let min = f64::from(activation_lab::figure::MIN_PIXELS);
        let most = (max / f64::from(w.max(h))).min(16.0);
        let least = (min / f64::from(w.min(h))).max(0.1);
        Err(crate::error::CliError::Usage(format!(
            "{flag}: PNGs of {w}x{h} at that scale leave the {}..{} pixels a side PNGs can have: \
             expected --scale from {least:.2} to {most:.2} (--dpi from {:.0} to {:.0}) at size {size}",
            activation_lab::figure::MIN_PIXELS,
            activation_lab::figure::MAX_PIXELS,
            (least * ImageOptions::BASE_DPI).ceil(),
            (most * ImageOptions::BASE_DPI).floor(),
        )))
    }

    /// The library's options, the scale checked.
    pub fn options(&self) -> Result<ImageOptions, crate::error::CliError> {
        let png_scale = match (self.scale, self.dpi) {
            (Some(scale), _) => {
                if !(scale.is_finite() && (0.1..=16.0).contains(&scale)) {
                    return Err(crate::error::CliError::Usage(format!(
                        "--scale {scale}: expected a number from 0.1 to 16 (2 doubles the PNG's pixels)"
                    )));
                }
                scale
            }
            (None, Some(dpi)) => ImageOptions::scale_for_dpi(dpi)?,
            (None, None) => 1.0,
        };
        Ok(ImageOptions {
            palette: self.theme,
            svg_text: self.svg_text,
            png_scale,
        })
    }
}

fn parse_palette(s: &str) -> Result<Palette, String> {
    s.parse().map_err(|e: activation_lab::Error| e.to_string())
}

fn parse_svg_text(s: &str) -> Result<SvgText, String> {
    s.parse().map_err(|e: activation_lab::Error| e.to_string())
}
