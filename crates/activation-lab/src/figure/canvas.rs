//! The plotters backend every figure draws on (a recorder of its drawing
//! calls, or the bitmap the PNG is rasterised on), and the drawing area
//! figure code receives.

use std::fmt;

use plotters::coord::Shift;
use plotters::prelude::{BitMapBackend, DrawingArea};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::scene::Recorder;
use crate::error::Error;

/// The error of [`Canvas`]: the underlying backend's message.
#[derive(Debug)]
pub(crate) struct CanvasError(String);

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

/// The plotters backend that figures draw on. Figure code draws once on a
/// recorder; the recorded scene is then replayed on the bitmap (PNG) or
/// written as SVG or PDF.
pub(crate) enum Canvas<'a> {
    /// Records the drawing calls.
    Record(Recorder),
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
            Canvas::Record($b) => $call,
            Canvas::Bitmap($b) => $call.map_err(convert),
        }
    };
}

impl DrawingBackend for Canvas<'_> {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Canvas::Record(b) => b.get_size(),
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
        match self {
            Canvas::Record(b) => b.draw_path(path, style),
            Canvas::Bitmap(b) if style.stroke_width() > 1 => {
                round_joined_path(b, path, style).map_err(convert)
            }
            Canvas::Bitmap(b) => b.draw_path(path, style).map_err(convert),
        }
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
/// A thick path on the bitmap, one segment at a time with a round join at
/// every inner vertex. The bitmap backend mitres the joins of a whole
/// path, and where a curve turns back on itself (a loss curve's step
/// between two epochs, thousands of epochs on a few hundred pixels) the
/// mitre reaches far outside the plot, into the title; SVG viewers cap the
/// mitre, so the SVG never showed it.
fn round_joined_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
    b: &mut BitMapBackend<'_>,
    path: I,
    style: &S,
) -> std::result::Result<(), DrawingErrorKind<<BitMapBackend<'static> as DrawingBackend>::ErrorType>>
{
    let mut points: Vec<BackendCoord> = Vec::new();
    for p in path {
        if points.last() != Some(&p) {
            points.push(p);
        }
    }
    let radius = style.stroke_width().div_ceil(2);
    for pair in points.windows(2) {
        b.draw_path(pair.iter().copied(), style)?;
    }
    if points.len() > 2 {
        for &p in &points[1..points.len() - 1] {
            b.draw_circle(p, radius, style, true)?;
        }
    }
    Ok(())
}

pub(crate) type Area<'a> = DrawingArea<Canvas<'a>, Shift>;

/// Maps any plotters error to [`Error::Figure`].
pub(crate) fn plot_err<E: fmt::Display>(e: E) -> Error {
    Error::Figure(e.to_string())
}
