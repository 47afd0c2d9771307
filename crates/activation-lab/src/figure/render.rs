//! The [`Figure`] type: a picture's drawing code, recorded once into a
//! scene and written as SVG, PNG or PDF, saved to a file or shown inline
//! in a notebook.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use plotters::prelude::{BitMapBackend, IntoDrawingArea};

use super::canvas::{Area, Canvas, plot_err};
use super::encode::{downsample, encode_png};
use super::fonts::ensure_fonts;
use super::format::{ImageFormat, ImageOptions};
use super::palette::Palette;
use super::scene::{Recorder, Scene};
#[cfg(doc)]
use super::size::MIN_PIXELS;
use super::size::{FigureSize, scaled_pixels};
use super::svg::SvgText;
use crate::error::Result;
#[cfg(doc)]
use crate::{error::Error, limits::MAX_PIXELS};

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
    palette: Palette,
    draw: Arc<DrawFn>,
}

impl fmt::Debug for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (w, h) = self.pixel_size();
        f.debug_struct("Figure")
            .field("title", &self.title)
            .field("size", &self.size)
            .field("palette", &self.palette)
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
            palette: Palette::Light,
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

    /// The palette it is drawn in.
    pub fn palette(&self) -> Palette {
        self.palette
    }

    /// The same figure in another palette (dark slides: [`Palette::Dark`]).
    pub fn with_palette(mut self, palette: Palette) -> Self {
        self.palette = palette;
        self
    }

    /// Width and height in pixels (of the SVG, and of the PNG at scale 1).
    pub fn pixel_size(&self) -> (u32, u32) {
        self.size.pixels(self.notebook)
    }

    fn checked_pixels(&self, scale: f64) -> Result<(u32, u32)> {
        self.size.validate()?;
        let (w, h) = self.pixel_size();
        scaled_pixels(w, h, scale)
    }

    /// Runs the drawing code once at `w`×`h` pixels and keeps its calls.
    pub(crate) fn scene_at(&self, w: u32, h: u32) -> Result<Scene> {
        ensure_fonts()?;
        let (recorder, ops) = Recorder::new((w, h), self.palette);
        {
            let area = Canvas::Record(recorder).into_drawing_area();
            (self.draw)(&area)?;
            area.present().map_err(plot_err)?;
        }
        let ops = ops.take();
        Ok(Scene { size: (w, h), ops })
    }

    /// The figure's drawing calls at its pixel size.
    pub(crate) fn scene(&self) -> Result<Scene> {
        let (w, h) = self.checked_pixels(1.0)?;
        self.scene_at(w, h)
    }

    /// The figure as an SVG document, its text in an embedded subset of
    /// DejaVu Sans ([`SvgText::Embed`]).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a size outside
    /// [`MIN_PIXELS`]..=[`MAX_PIXELS`], [`Error::Figure`] when drawing fails.
    pub fn to_svg(&self) -> Result<String> {
        self.to_svg_with(SvgText::Embed)
    }

    /// The figure as an SVG document with its text carried as `text`
    /// says: embedded font or outlined glyphs. Either way every glyph sits
    /// where the PNG draws it, whatever fonts the viewer has.
    ///
    /// # Errors
    /// As [`to_svg`](Self::to_svg).
    pub fn to_svg_with(&self, text: SvgText) -> Result<String> {
        super::svg::write(&self.scene()?, text)
    }

    /// Where the figure's text collides with something, measured on its
    /// drawing calls at its size: texts overlapping each other, a visible
    /// line, curve, marker or frame running through a text, text beyond
    /// the canvas, an opaque box (legend, score) over data points. Empty
    /// for a clean layout; every exported figure is checked in tests.
    ///
    /// ```
    /// use activation_lab::prelude::*;
    /// # fn main() -> activation_lab::Result<()> {
    /// let fig = step_and_threshold()?;
    /// assert_eq!(fig.collisions()?, vec![]);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// As [`to_svg`](Self::to_svg).
    pub fn collisions(&self) -> Result<Vec<super::collisions::Collision>> {
        super::collisions::collisions(&self.scene()?)
    }

    /// The figure as a one-page vector PDF (1 pixel = 0.75 pt), its text in
    /// embedded subsets of DejaVu Sans.
    ///
    /// # Errors
    /// As [`to_svg`](Self::to_svg).
    pub fn to_pdf(&self) -> Result<Vec<u8>> {
        super::pdf::write(&self.scene()?, &self.title)
    }

    /// Renders to packed RGB pixels at `scale` × the figure's size, drawn at
    /// `ss` times that resolution and averaged down (anti-aliasing).
    pub(crate) fn to_rgb_with(&self, scale: f64, ss: u32) -> Result<(u32, u32, Vec<u8>)> {
        let (w, h) = self.checked_pixels(scale)?;
        let ss = ss.clamp(1, 4);
        let (bw, bh) = (w * ss, h * ss);
        // the figure is laid out once, at its own size (as in the SVG and
        // the PDF), and rasterised at scale × the anti-aliasing factor
        let scene = self.scene()?;
        let k = f64::from(bw) / f64::from(scene.size.0);
        let mut big = vec![255u8; bw as usize * bh as usize * 3];
        {
            let mut canvas = Canvas::Bitmap(BitMapBackend::with_buffer(&mut big, (bw, bh)));
            scene.replay(&mut canvas, k).map_err(plot_err)?;
            plotters_backend::DrawingBackend::present(&mut canvas).map_err(plot_err)?;
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
            ImageFormat::Pdf => self.to_pdf(),
        }
    }

    /// The figure in `format`, as bytes, drawn as `options` say (palette,
    /// SVG text, PNG scale).
    ///
    /// # Errors
    /// As [`to_png_scaled`](Self::to_png_scaled) and [`to_svg`](Self::to_svg).
    pub fn to_bytes_with(&self, format: ImageFormat, options: &ImageOptions) -> Result<Vec<u8>> {
        let fig = self.clone().with_palette(options.palette);
        match format {
            ImageFormat::Svg => Ok(fig.to_svg_with(options.svg_text)?.into_bytes()),
            ImageFormat::Png => fig.to_png_scaled(options.png_scale),
            ImageFormat::Pdf => fig.to_pdf(),
        }
    }

    /// Saves the figure in `format`, drawn as `options` say.
    ///
    /// # Errors
    /// As [`to_bytes_with`](Self::to_bytes_with), plus [`Error::Io`].
    pub fn save_with(
        &self,
        path: impl AsRef<Path>,
        format: ImageFormat,
        options: &ImageOptions,
    ) -> Result<()> {
        crate::files::write(path.as_ref(), self.to_bytes_with(format, options)?)
    }

    /// Saves the figure, choosing SVG, PNG or PDF by the path's extension.
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

    /// Shows the figure inline in an evcxr (Rust Jupyter kernel) notebook:
    /// one display bundle with `image/svg+xml` and `image/png`. Trusted
    /// notebooks, VS Code and the HTML export show the SVG; an untrusted
    /// notebook in JupyterLab (which does not show SVG from untrusted
    /// outputs) and viewers without SVG show the PNG. evcxr calls this
    /// method on a cell's final value; in other programs it prints the
    /// bundle wrapped in evcxr's markers.
    pub fn evcxr_display(&self) {
        match (self.to_svg(), self.to_bytes(ImageFormat::Png)) {
            (Ok(svg), Ok(png)) => {
                println!("EVCXR_BEGIN_CONTENT image/svg+xml\n{svg}\nEVCXR_END_CONTENT");
                println!(
                    "EVCXR_BEGIN_CONTENT image/png\n{}\nEVCXR_END_CONTENT",
                    super::encode::base64(&png)
                );
            }
            (Err(e), _) | (_, Err(e)) => {
                println!("EVCXR_BEGIN_CONTENT text/plain\n{e}\nEVCXR_END_CONTENT")
            }
        }
    }
}
