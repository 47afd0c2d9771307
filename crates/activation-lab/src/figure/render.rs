//! The [`Figure`] type: a picture's drawing code, rendered to SVG or PNG,
//! saved to a file or shown inline in a notebook.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use plotters::prelude::{BitMapBackend, IntoDrawingArea, SVGBackend};

use super::canvas::{Area, Canvas, plot_err};
use super::encode::{downsample, encode_png};
use super::fonts::{FONT_FAMILY, SVG_FONT_STACK, ensure_fonts};
use super::format::ImageFormat;
use super::size::{FigureSize, MIN_PIXELS};
use crate::error::{Error, Result};
use crate::limits::MAX_PIXELS;

type DrawFn = dyn for<'a> Fn(&Area<'a>) -> Result<()> + Send + Sync;

/// One picture: its drawing code, title and size.
///
/// Cheap to clone (the drawing code and its data are shared). See the
/// [module docs](crate::figure) for the outputs.
#[derive(Clone)]
pub struct Figure {
    title: String,
    size: FigureSize,
    notebook: (u32, u32),
    draw: Arc<DrawFn>,
}

impl fmt::Debug for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (w, h) = self.pixel_size();
        f.debug_struct("Figure")
            .field("title", &self.title)
            .field("size", &self.size)
            .field("pixels", &format_args!("{w}x{h}"))
            .finish_non_exhaustive()
    }
}

impl Figure {
    /// A figure from drawing code; `notebook` is its default size.
    pub(crate) fn new(
        title: impl Into<String>,
        notebook: (u32, u32),
        draw: impl for<'a> Fn(&Area<'a>) -> Result<()> + Send + Sync + 'static,
    ) -> Self {
        Figure {
            title: title.into(),
            size: FigureSize::Notebook,
            notebook,
            draw: Arc::new(draw),
        }
    }

    /// The figure's title (also drawn on it).
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The size it is drawn at.
    pub fn size(&self) -> FigureSize {
        self.size
    }

    /// The same figure at another size.
    pub fn with_size(mut self, size: FigureSize) -> Self {
        self.size = size;
        self
    }

    /// Width and height in pixels (of the SVG, and of the PNG at scale 1).
    pub fn pixel_size(&self) -> (u32, u32) {
        self.size.pixels(self.notebook)
    }

    fn checked_pixels(&self, scale: f64) -> Result<(u32, u32)> {
        self.size.validate()?;
        if !(scale.is_finite() && scale > 0.0) {
            return Err(Error::param("scale", scale, "a finite number > 0"));
        }
        let (w, h) = self.pixel_size();
        let (sw, sh) = (
            (f64::from(w) * scale).round(),
            (f64::from(h) * scale).round(),
        );
        let max = f64::from(MAX_PIXELS);
        let min = f64::from(MIN_PIXELS);
        if sw > max || sh > max || sw < min || sh < min {
            return Err(Error::param(
                "scale",
                scale,
                &format!(
                    "a factor that keeps {w}x{h} between {MIN_PIXELS} and {MAX_PIXELS} pixels a side"
                ),
            ));
        }
        Ok((sw as u32, sh as u32))
    }

    /// The figure as an SVG document.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a size outside
    /// [`MIN_PIXELS`]..=[`MAX_PIXELS`], [`Error::Figure`] when drawing fails.
    pub fn to_svg(&self) -> Result<String> {
        ensure_fonts()?;
        let (w, h) = self.checked_pixels(1.0)?;
        let mut svg = String::new();
        {
            let area = Canvas::Svg(SVGBackend::with_string(&mut svg, (w, h))).into_drawing_area();
            (self.draw)(&area)?;
            area.present().map_err(plot_err)?;
        }
        Ok(svg.replace(
            &format!("font-family=\"{FONT_FAMILY}\""),
            &format!("font-family=\"{SVG_FONT_STACK}\""),
        ))
    }

    /// Renders to packed RGB pixels at `scale` × the figure's size, drawn at
    /// `ss` times that resolution and averaged down (anti-aliasing).
    pub(crate) fn to_rgb_with(&self, scale: f64, ss: u32) -> Result<(u32, u32, Vec<u8>)> {
        ensure_fonts()?;
        let (w, h) = self.checked_pixels(scale)?;
        let ss = ss.clamp(1, 4);
        let (bw, bh) = (w * ss, h * ss);
        let mut big = vec![255u8; bw as usize * bh as usize * 3];
        {
            let area =
                Canvas::Bitmap(BitMapBackend::with_buffer(&mut big, (bw, bh))).into_drawing_area();
            (self.draw)(&area)?;
            area.present().map_err(plot_err)?;
        }
        if ss == 1 {
            return Ok((w, h, big));
        }
        Ok((w, h, downsample(&big, bw, bh, ss)))
    }

    /// The figure as PNG bytes at its pixel size.
    ///
    /// # Errors
    /// As [`to_svg`](Self::to_svg).
    pub fn to_png(&self) -> Result<Vec<u8>> {
        self.to_png_scaled(1.0)
    }

    /// The figure as PNG bytes with `scale` × its pixels (2.0 for a crisp
    /// slide on a high-density screen); everything scales, the layout stays.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a non-positive `scale` or a result
    /// outside [`MIN_PIXELS`]..=[`MAX_PIXELS`] a side, [`Error::Figure`] when
    /// drawing or encoding fails.
    pub fn to_png_scaled(&self, scale: f64) -> Result<Vec<u8>> {
        let (w, h, rgb) = self.to_rgb_with(scale, 2)?;
        encode_png(w, h, &rgb)
    }

    /// The figure in `format`, as bytes.
    ///
    /// # Errors
    /// As [`to_svg`](Self::to_svg) and [`to_png`](Self::to_png).
    pub fn to_bytes(&self, format: ImageFormat) -> Result<Vec<u8>> {
        match format {
            ImageFormat::Svg => Ok(self.to_svg()?.into_bytes()),
            ImageFormat::Png => self.to_png(),
        }
    }

    /// Saves the figure, choosing SVG or PNG by the path's extension.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for another extension, [`Error::Io`] when the
    /// file cannot be written, and the errors of [`to_svg`](Self::to_svg).
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        self.save_as(path, ImageFormat::from_path(path)?)
    }

    /// Saves the figure in `format`, whatever the path's extension.
    ///
    /// # Errors
    /// As [`save`](Self::save), without the extension check.
    pub fn save_as(&self, path: impl AsRef<Path>, format: ImageFormat) -> Result<()> {
        crate::files::write(path.as_ref(), self.to_bytes(format)?)
    }

    /// Shows the figure inline in an evcxr (Rust Jupyter kernel) notebook as
    /// `image/svg+xml`. evcxr calls this method on a cell's final value; in
    /// other programs it prints the SVG wrapped in evcxr's markers.
    pub fn evcxr_display(&self) {
        match self.to_svg() {
            Ok(svg) => println!("EVCXR_BEGIN_CONTENT image/svg+xml\n{svg}\nEVCXR_END_CONTENT"),
            Err(e) => println!("EVCXR_BEGIN_CONTENT text/plain\n{e}\nEVCXR_END_CONTENT"),
        }
    }
}
