//! Class markers: a circle for class 0, a triangle for class 1, filled or
//! hollow.

use plotters::coord::CoordTranslate;
use plotters::prelude::*;

use super::style::CLASS_COLORS;
use super::theme::Theme;
use crate::error::Result;
use crate::figure::{Canvas, plot_err};

/// Draws a class marker at `at`: a circle for class 0, a triangle for
/// class 1; filled markers get a thin white rim, hollow ones (test points)
/// are outlines up to a quarter of the radius thick.
pub(crate) fn marker<C>(
    area: &DrawingArea<Canvas<'_>, C>,
    class: u8,
    at: C::From,
    r: i32,
    hollow: bool,
    theme: &Theme,
) -> Result<()>
where
    C: CoordTranslate,
    C::From: Clone + 'static,
{
    let color = CLASS_COLORS[usize::from(class.min(1))];
    // hollow outlines at most a quarter of the radius thick, so that small
    // test markers still read as hollow
    let stroke = theme.w(0.3).min((r / 4).max(1) as u32);
    let rim = WHITE.stroke_width(theme.w(0.12));
    let result = if class == 0 {
        if hollow {
            area.draw(&(EmptyElement::at(at) + Circle::new((0, 0), r, color.stroke_width(stroke))))
        } else {
            area.draw(
                &(EmptyElement::at(at)
                    + Circle::new((0, 0), r, color.filled())
                    + Circle::new((0, 0), r, rim)),
            )
        }
    } else {
        let pts = triangle((0, 0), r);
        let mut closed = pts.to_vec();
        closed.push(pts[0]);
        if hollow {
            area.draw(
                &(EmptyElement::at(at) + PathElement::new(closed, color.stroke_width(stroke))),
            )
        } else {
            area.draw(
                &(EmptyElement::at(at)
                    + Polygon::new(pts.to_vec(), color.filled())
                    + PathElement::new(closed, rim)),
            )
        }
    };
    result.map_err(plot_err)
}

/// An upward triangle around `(x, y)` with about the area of a circle of
/// radius `r`.
pub(crate) fn triangle((x, y): (i32, i32), r: i32) -> [(i32, i32); 3] {
    let r = f64::from(r) * 1.3;
    let (xf, yf) = (f64::from(x), f64::from(y));
    let p = |a: f64| {
        let a = a.to_radians();
        (
            (xf + r * a.cos()).round() as i32,
            (yf - r * a.sin()).round() as i32,
        )
    };
    [p(90.0), p(210.0), p(330.0)]
}
