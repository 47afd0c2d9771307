//! One picture of the series, drawn once and shown or saved many ways.
//!
//! A [`Figure`] holds the drawing code of one picture (written once with
//! plotters) and renders it on demand:
//!
//! - inline in a notebook: evcxr calls [`Figure::evcxr_display`] on a cell's
//!   final value, which sends one bundle of `image/svg+xml` (shown by trusted
//!   notebooks, VS Code and the HTML export) and `image/png` (shown where SVG
//!   is not: an untrusted notebook in JupyterLab);
//! - as an SVG string ([`Figure::to_svg`]) or file;
//! - as a PNG ([`Figure::to_png`], [`Figure::to_png_scaled`]) rendered with
//!   the embedded DejaVu Sans font, so the bytes are the same on every
//!   machine;
//! - saved by extension ([`Figure::save`]) or by [`ImageFormat`].
//!
//! Sizes come from [`FigureSize`]: each figure's notebook default, the
//! 1920×1080 slide preset, or any `W×H`. Type, line widths and markers scale
//! with the canvas, so a slide reads from the back of the room.
//!
//! ```
//! use activation_lab::prelude::*;
//! # fn main() -> activation_lab::Result<()> {
//! let fig = sigmoid_curve(SigmoidPanels::WithDerivative)?;
//! let svg = fig.to_svg()?;
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("The logistic sigmoid"));
//! let png = fig.with_size(FigureSize::Pixels { width: 320, height: 200 }).to_png()?;
//! assert_eq!(&png[1..4], b"PNG");
//! # Ok(())
//! # }
//! ```

mod canvas;
mod collisions;
mod encode;
mod fonts;
mod format;
mod glyphs;
mod palette;
mod pdf;
mod render;
mod scene;
mod size;
mod subset;
mod svg;

pub(crate) use canvas::{Area, Canvas, plot_err};
pub use collisions::Collision;
pub(crate) use encode::base64;
pub(crate) use fonts::FONT_FAMILY;
#[cfg(test)]
pub(crate) use fonts::ensure_fonts;
pub use format::{ImageFormat, ImageOptions};
pub use palette::Palette;
pub use render::Figure;
pub use size::{FigureSize, MIN_PIXELS};
pub use svg::SvgText;

/// Largest accepted width or height in pixels (after any PNG scale).
pub use crate::limits::MAX_PIXELS;
