//! One picture of the series, drawn once and shown or saved many ways.
//!
//! A [`Figure`] holds the drawing code of one picture (written once with
//! plotters) and renders it on demand:
//!
//! - inline in a notebook: evcxr calls [`Figure::evcxr_display`] on a cell's
//!   final value and shows the SVG (MIME `image/svg+xml`, which GitHub and
//!   VS Code render);
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
//! let fig = sigmoid_curve(true)?;
//! let svg = fig.to_svg()?;
//! assert!(svg.starts_with("<svg"));
//! assert!(svg.contains("The logistic sigmoid"));
//! let png = fig.with_size(FigureSize::Pixels { width: 320, height: 200 }).to_png()?;
//! assert_eq!(&png[1..4], b"PNG");
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use plotters::coord::Shift;
use plotters::prelude::{BitMapBackend, DrawingArea, IntoDrawingArea, SVGBackend};
use plotters::style::FontStyle;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use crate::{Error, Result};

/// The font family name under which the embedded DejaVu Sans is registered.
pub(crate) const FONT_FAMILY: &str = "DejaVu Sans";

/// What SVG viewers are asked for: DejaVu Sans, then metrically close fonts.
const SVG_FONT_STACK: &str = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif";

/// Largest accepted width or height in pixels (after any PNG scale).
pub use crate::limits::MAX_PIXELS;

/// Smallest accepted width or height in pixels.
pub const MIN_PIXELS: u32 = 64;

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

// ---------------------------------------------------------------------------
// sizes and formats
// ---------------------------------------------------------------------------

/// How large a figure is drawn.
///
/// Parsed from `"notebook"`, `"slide"` or `"WxH"` (e.g. `"1280x720"`), as
/// the command-line tool's `--size` option:
///
/// ```
/// use activation_lab::FigureSize;
/// assert_eq!("slide".parse::<FigureSize>()?, FigureSize::Slide);
/// assert_eq!(
///     "1280x720".parse::<FigureSize>()?,
///     FigureSize::Pixels { width: 1280, height: 720 }
/// );
/// assert_eq!(FigureSize::Slide.pixels((800, 500)), (1920, 1080));
/// assert!("0x10".parse::<FigureSize>().is_err());
/// # Ok::<(), activation_lab::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FigureSize {
    /// The figure's own notebook default (most are 800×500; grids and the
    /// cheat sheet are larger).
    #[default]
    Notebook,
    /// A 16:9 slide, 1920×1080 px, with type large enough for the back of
    /// a lecture hall.
    Slide,
    /// An exact size in pixels.
    Pixels {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
}

impl FigureSize {
    /// The slide preset's pixel size.
    pub const SLIDE: (u32, u32) = (1920, 1080);

    /// The width and height in pixels, given the figure's notebook default.
    pub fn pixels(self, notebook: (u32, u32)) -> (u32, u32) {
        match self {
            FigureSize::Notebook => notebook,
            FigureSize::Slide => Self::SLIDE,
            FigureSize::Pixels { width, height } => (width, height),
        }
    }

    /// The key used in file names and by the command-line tool:
    /// `"notebook"`, `"slide"` or `"WxH"`.
    pub fn key(self) -> String {
        match self {
            FigureSize::Notebook => "notebook".into(),
            FigureSize::Slide => "slide".into(),
            FigureSize::Pixels { width, height } => format!("{width}x{height}"),
        }
    }

    /// Checks that an exact size lies within [`MIN_PIXELS`]..=[`MAX_PIXELS`].
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a width or height outside that range.
    pub fn validate(self) -> Result<()> {
        if let FigureSize::Pixels { width, height } = self {
            check_pixels("width", width)?;
            check_pixels("height", height)?;
        }
        Ok(())
    }
}

fn check_pixels(name: &str, v: u32) -> Result<()> {
    if v > MAX_PIXELS {
        // a row (or column) of pixels at the largest other side, 4 bytes each
        crate::limits::check_count(
            name,
            v as usize,
            MAX_PIXELS as usize,
            "pixels",
            4 * u128::from(MAX_PIXELS),
        )
    } else if v >= MIN_PIXELS {
        Ok(())
    } else {
        Err(Error::param(
            name,
            v,
            &format!("a whole number of pixels from {MIN_PIXELS} to {MAX_PIXELS}"),
        ))
    }
}

impl fmt::Display for FigureSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl FromStr for FigureSize {
    type Err = Error;

    /// Parses `"notebook"`, `"slide"` or `"WxH"` (`x`, `X` or `×`).
    ///
    /// # Errors
    /// [`Error::UnknownName`] for anything else, [`Error::InvalidParameter`]
    /// for a width or height outside [`MIN_PIXELS`]..=[`MAX_PIXELS`].
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim().to_ascii_lowercase();
        match t.as_str() {
            "notebook" => return Ok(FigureSize::Notebook),
            "slide" | "slides" => return Ok(FigureSize::Slide),
            _ => {}
        }
        let unknown = || Error::UnknownName {
            kind: "figure size".into(),
            name: s.to_string(),
            expected: "notebook, slide, WxH (e.g. 1280x720)".into(),
        };
        let (w, h) = t
            .split_once('x')
            .or_else(|| t.split_once('×'))
            .ok_or_else(unknown)?;
        let width: u32 = w.trim().parse().map_err(|_| unknown())?;
        let height: u32 = h.trim().parse().map_err(|_| unknown())?;
        let size = FigureSize::Pixels { width, height };
        size.validate()?;
        Ok(size)
    }
}

/// An image file format a [`Figure`] can be saved in.
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

// ---------------------------------------------------------------------------
// the backend that every figure draws on
// ---------------------------------------------------------------------------

/// The error of [`Canvas`]: the underlying backend's message.
#[derive(Debug)]
pub(crate) struct CanvasError(String);

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

/// The plotters backend that figures draw on: SVG or an RGB bitmap. Each
/// figure's drawing code is written once against it.
pub(crate) enum Canvas<'a> {
    /// Vector output.
    Svg(SVGBackend<'a>),
    /// RGB raster output.
    Bitmap(BitMapBackend<'a>),
}

fn convert<E: std::error::Error + Send + Sync>(
    e: DrawingErrorKind<E>,
) -> DrawingErrorKind<CanvasError> {
    match e {
        DrawingErrorKind::DrawingError(e) => {
            DrawingErrorKind::DrawingError(CanvasError(e.to_string()))
        }
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

macro_rules! on_backend {
    ($self:expr, $b:ident => $call:expr) => {
        match $self {
            Canvas::Svg($b) => $call.map_err(convert),
            Canvas::Bitmap($b) => $call.map_err(convert),
        }
    };
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Canvas::Svg(b) => b.get_size(),
            Canvas::Bitmap(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> std::result::Result<(), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        on_backend!(self, b => b.estimate_text_size(text, style))
    }
}

/// The drawing area that figure code draws on.
pub(crate) type Area<'a> = DrawingArea<Canvas<'a>, Shift>;

/// Maps any plotters error to [`Error::Figure`].
pub(crate) fn plot_err<E: fmt::Display>(e: E) -> Error {
    Error::Figure(e.to_string())
}

type DrawFn = dyn for<'a> Fn(&Area<'a>) -> Result<()> + Send + Sync;

// ---------------------------------------------------------------------------
// the figure
// ---------------------------------------------------------------------------

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
        write_file(path.as_ref(), &self.to_bytes(format)?)
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

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|source| Error::Io {
        action: "write",
        path: path.display().to_string(),
        source,
    })
}

/// Averages `ss`×`ss` blocks of an RGB image.
fn downsample(big: &[u8], bw: u32, bh: u32, ss: u32) -> Vec<u8> {
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
    fn sizes_parse_and_reject_nonsense() {
        assert_eq!(
            " Notebook ".parse::<FigureSize>().unwrap(),
            FigureSize::Notebook
        );
        assert_eq!(
            "640×480".parse::<FigureSize>().unwrap(),
            FigureSize::Pixels {
                width: 640,
                height: 480
            }
        );
        for bad in ["", "big", "10x", "x10", "0x0", "100000x100", "-5x100"] {
            assert!(bad.parse::<FigureSize>().is_err(), "{bad}");
        }
        assert_eq!(
            FigureSize::Pixels {
                width: 3,
                height: 4
            }
            .key(),
            "3x4"
        );
    }

    #[test]
    fn downsample_averages_blocks() {
        let big = [0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255];
        assert_eq!(downsample(&big, 2, 2, 2), vec![128, 128, 128]);
    }
}
