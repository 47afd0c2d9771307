//! A figure drawn once into a list of shapes and texts (a [`Scene`]), then
//! replayed to every output: the PNG rasteriser, the SVG writer and the
//! PDF writer all draw the same list, and the layout checks read it.

use std::cell::RefCell;
use std::rc::Rc;

use plotters::style::{FontDesc, FontFamily, TextStyle};
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

use super::canvas::CanvasError;
use super::fonts::FONT_FAMILY;
use super::glyphs::{Face, TextLayout, layout};
use super::palette::Palette;
use crate::error::Result;

/// One drawing call, as the figure code made it (colours already mapped
/// to the palette).
#[derive(Clone)]
pub(crate) enum Op {
    /// One pixel.
    Pixel {
        /// Where.
        at: BackendCoord,
        /// Its colour.
        color: BackendColor,
    },
    /// A straight line.
    Line {
        /// Start.
        from: BackendCoord,
        /// End.
        to: BackendCoord,
        /// Colour.
        color: BackendColor,
        /// Stroke width.
        width: u32,
    },
    /// A rectangle, filled or outlined.
    Rect {
        /// Upper left corner.
        from: BackendCoord,
        /// Bottom right corner.
        to: BackendCoord,
        /// Colour.
        color: BackendColor,
        /// Stroke width (outlined rectangles).
        width: u32,
        /// Filled?
        fill: bool,
    },
    /// A polyline.
    Path {
        /// Its vertices.
        points: Vec<BackendCoord>,
        /// Colour.
        color: BackendColor,
        /// Stroke width.
        width: u32,
    },
    /// A circle, filled or outlined.
    Circle {
        /// Centre.
        center: BackendCoord,
        /// Radius.
        radius: u32,
        /// Colour.
        color: BackendColor,
        /// Stroke width (outlined circles).
        width: u32,
        /// Filled?
        fill: bool,
    },
    /// A filled polygon.
    Polygon {
        /// Its vertices.
        points: Vec<BackendCoord>,
        /// Colour.
        color: BackendColor,
    },
    /// A text.
    Text(TextOp),
}

/// A text drawing call.
#[derive(Clone)]
pub(crate) struct TextOp {
    /// The text.
    pub text: String,
    /// The face.
    pub face: Face,
    /// plotters' font size (ab_glyph's pixel scale).
    pub size: f64,
    /// How the text hangs from `pos`.
    pub anchor: Pos,
    /// Rotation.
    pub transform: FontTransform,
    /// Colour.
    pub color: BackendColor,
    /// The anchor point.
    pub pos: BackendCoord,
}

impl TextOp {
    /// Where its glyphs land (as the PNG draws them).
    pub fn layout(&self) -> Result<TextLayout> {
        layout(
            &self.text,
            self.face,
            self.size,
            self.anchor,
            self.transform.clone(),
            self.pos,
        )
    }

    fn style(&self) -> TextStyle<'static> {
        let style = match self.face {
            Face::Regular => plotters_backend::FontStyle::Normal,
            Face::Bold => plotters_backend::FontStyle::Bold,
            Face::Oblique => plotters_backend::FontStyle::Oblique,
        };
        TextStyle {
            font: FontDesc::new(FontFamily::Name(FONT_FAMILY), self.size, style)
                .transform(self.transform.clone()),
            color: self.color,
            pos: self.anchor,
        }
    }
}

/// A whole figure: its size and its drawing calls in order.
#[derive(Clone)]
pub(crate) struct Scene {
    /// Width and height in pixels.
    pub size: (u32, u32),
    /// The drawing calls.
    pub ops: Vec<Op>,
}

/// The backend that records a [`Scene`]; the calls land in a list that
/// the caller keeps a handle to (the drawing area owns the backend).
pub(crate) struct Recorder {
    size: (u32, u32),
    palette: Palette,
    ops: Rc<RefCell<Vec<Op>>>,
}

impl Recorder {
    /// A recorder for a canvas of `size`, and the handle to its calls.
    pub fn new(size: (u32, u32), palette: Palette) -> (Self, Rc<RefCell<Vec<Op>>>) {
        let ops = Rc::new(RefCell::new(Vec::new()));
        (
            Recorder {
                size,
                palette,
                ops: Rc::clone(&ops),
            },
            ops,
        )
    }

    fn map(&self, c: BackendColor) -> BackendColor {
        self.palette.map(c)
    }

    fn push(&self, op: Op) {
        self.ops.borrow_mut().push(op);
    }
}

type R = std::result::Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for Recorder {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> R {
        Ok(())
    }

    fn present(&mut self) -> R {
        Ok(())
    }

    fn draw_pixel(&mut self, at: BackendCoord, color: BackendColor) -> R {
        if color.alpha > 0.0 {
            let color = self.map(color);
            self.push(Op::Pixel { at, color });
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> R {
        if s.color().alpha > 0.0 {
            let color = self.map(s.color());
            let width = s.stroke_width();
            self.push(Op::Line {
                from,
                to,
                color,
                width,
            });
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        s: &S,
        fill: bool,
    ) -> R {
        if s.color().alpha > 0.0 {
            let color = self.map(s.color());
            let width = s.stroke_width();
            self.push(Op::Rect {
                from,
                to,
                color,
                width,
                fill,
            });
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> R {
        if s.color().alpha > 0.0 {
            let color = self.map(s.color());
            let width = s.stroke_width();
            self.push(Op::Path {
                points: path.into_iter().collect(),
                color,
                width,
            });
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        s: &S,
        fill: bool,
    ) -> R {
        if s.color().alpha > 0.0 {
            let color = self.map(s.color());
            let width = s.stroke_width();
            self.push(Op::Circle {
                center,
                radius,
                color,
                width,
                fill,
            });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        s: &S,
    ) -> R {
        if s.color().alpha > 0.0 {
            let color = self.map(s.color());
            self.push(Op::Polygon {
                points: vert.into_iter().collect(),
                color,
            });
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> R {
        if s.color().alpha > 0.0 {
            let color = self.map(s.color());
            self.push(Op::Text(TextOp {
                text: text.to_string(),
                face: Face::from_style(s.style()),
                size: s.size(),
                anchor: s.anchor(),
                transform: s.transform(),
                color,
                pos,
            }));
        }
        Ok(())
    }
}

/// A stroke or fill style for replaying a recorded call.
struct Style(BackendColor, u32);

impl BackendStyle for Style {
    fn color(&self) -> BackendColor {
        self.0
    }
    fn stroke_width(&self) -> u32 {
        self.1
    }
}

impl Scene {
    /// Draws the scene on another backend, call for call, every length
    /// times `k` (the PNG draws the figure's scene at its pixel scale
    /// times the anti-aliasing factor, so it keeps the SVG's layout).
    pub fn replay<B: DrawingBackend>(
        &self,
        b: &mut B,
        k: f64,
    ) -> std::result::Result<(), DrawingErrorKind<B::ErrorType>> {
        let c = |p: &BackendCoord| {
            (
                (f64::from(p.0) * k).round() as i32,
                (f64::from(p.1) * k).round() as i32,
            )
        };
        let w = |width: &u32| ((f64::from(*width) * k).round() as u32).max(1);
        for op in &self.ops {
            match op {
                Op::Pixel { at, color } => {
                    let (x, y) = c(at);
                    let n = (k.round() as i32).max(1);
                    b.draw_rect((x, y), (x + n - 1, y + n - 1), &Style(*color, 1), true)?
                }
                Op::Line {
                    from,
                    to,
                    color,
                    width,
                } => b.draw_line(c(from), c(to), &Style(*color, w(width)))?,
                Op::Rect {
                    from,
                    to,
                    color,
                    width,
                    fill,
                } => {
                    // a rectangle covers its corner pixels: scale its extent
                    let (x0, y0) = c(from);
                    let (x1, y1) = c(&(to.0 + 1, to.1 + 1));
                    b.draw_rect((x0, y0), (x1 - 1, y1 - 1), &Style(*color, w(width)), *fill)?
                }
                Op::Path {
                    points,
                    color,
                    width,
                } => b.draw_path(points.iter().map(c), &Style(*color, w(width)))?,
                Op::Circle {
                    center,
                    radius,
                    color,
                    width,
                    fill,
                } => b.draw_circle(
                    c(center),
                    (f64::from(*radius) * k).round() as u32,
                    &Style(*color, w(width)),
                    *fill,
                )?,
                Op::Polygon { points, color } => {
                    b.fill_polygon(points.iter().map(c), &Style(*color, 1))?
                }
                Op::Text(t) => {
                    let mut scaled = t.clone();
                    scaled.size = t.size * k;
                    scaled.pos = c(&t.pos);
                    b.draw_text(&scaled.text, &scaled.style(), scaled.pos)?
                }
            }
        }
        Ok(())
    }

    /// Every text call with where its glyphs land.
    pub fn texts(&self) -> Result<Vec<(&TextOp, TextLayout)>> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                Op::Text(t) => Some(t),
                _ => None,
            })
            .map(|t| Ok((t, t.layout()?)))
            .collect()
    }
}
