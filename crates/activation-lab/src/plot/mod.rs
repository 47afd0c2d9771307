//! The figures of the series, one function per picture.
//!
//! Every function returns a [`Figure`](crate::Figure) (shown inline in a
//! notebook, saved as SVG or PNG) and checks its input first: empty data, a
//! model expecting another number of features, a bad size or a NaN give an
//! [`Error`](crate::Error), never a panic.
//!
//! | # | figure | function |
//! |---|---|---|
//! | 1 | net input z over (x1, x2) | [`net_input_map`] |
//! | 2 | sigmoid and its derivative | [`sigmoid_curve`] |
//! | 3 | unit step, threshold rule, sigmoid + threshold | [`step_and_threshold`] |
//! | 4 | logistic-regression schematic | [`logistic_regression_schematic`] |
//! | 5 | scatter of a dataset | [`scatter`] |
//! | 6 | decision surface of any [`Classifier`](crate::Classifier) | [`decision_surface`], [`DecisionSurface`] |
//! | 7 | feed-forward network schematic | [`mlp_schematic`] |
//! | 8 | activation cheat sheet | [`cheat_sheet`] |
//! | 9 | loss and accuracy per epoch | [`training_curves`] |
//! | 10 | per-hidden-unit gallery | [`hidden_unit_gallery`] |
//! | 11 | comparison grids | [`models_by_datasets`], [`activations_by_widths`] |
//! | 12 | training animation (GIF) | [`training_animation`] |
//!
//! [`export_all`] writes the whole set for slides, with an index.
//!
//! Colours follow the Okabe-Ito palette (safe for colour-blind readers);
//! class 0 is blue circles, class 1 vermillion triangles.

mod animation;
mod cheat_sheet;
mod curves;
mod export;
mod grids;
mod schematic;
mod surface;

pub use animation::{Animation, training_animation};
pub use cheat_sheet::cheat_sheet;
pub use curves::{net_input_map, sigmoid_curve, step_and_threshold, training_curves};
pub use export::{ExportedFigure, SERIES_SEED, Series, export_all};
pub use grids::{
    GridCell, GridModel, ModelGrid, activations_by_widths, fit_activations_by_widths,
    fit_models_by_datasets, models_by_datasets,
};
pub use schematic::{logistic_regression_schematic, mlp_schematic};
pub use surface::{
    DecisionSurface, MIN_LINE_ANGLE_DEG, decision_surface, distinct_hidden_units,
    hidden_unit_gallery, line_angle_between, partial_sum, partial_sum_accuracies,
    partial_sum_sizes, scatter, strongest_hidden_units, unit_order,
};
pub(crate) use surface::{check_drawable, padded_ranges};

use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use plotters::coord::CoordTranslate;

use crate::error::short;
use crate::figure::{Area, Canvas, FONT_FAMILY, plot_err};
use crate::{Error, Result};

// ---------------------------------------------------------------------------
// palette (Okabe-Ito: orange, sky blue, bluish green, yellow, blue,
// vermillion, reddish purple, black; the figures use blue and vermillion)
// ---------------------------------------------------------------------------

/// Okabe-Ito blue.
pub(crate) const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Okabe-Ito vermillion.
pub(crate) const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// Text.
pub(crate) const INK: RGBColor = RGBColor(34, 34, 34);
/// Secondary text.
pub(crate) const MUTED: RGBColor = RGBColor(100, 100, 100);
/// Axis lines.
pub(crate) const AXIS: RGBColor = RGBColor(90, 90, 90);
/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(228, 228, 228);
/// Guide lines.
pub(crate) const GUIDE: RGBColor = RGBColor(150, 150, 150);

/// Colour of class 0 and class 1.
pub(crate) const CLASS_COLORS: [RGBColor; 2] = [BLUE, VERMILLION];

/// `a` mixed with white: `t = 0` white, `t = 1` the colour.
pub(crate) fn tint(c: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |v: u8| (255.0 - (255.0 - f64::from(v)) * t).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

// ---------------------------------------------------------------------------
// theme: sizes that scale with the canvas
// ---------------------------------------------------------------------------

/// Type, line and marker sizes for a canvas; everything is a multiple of
/// `u`, 1 % of `min(width, 1.6 · height)`, so a figure keeps its layout
/// at any size and a slide gets large type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Theme {
    pub u: f64,
}

impl Theme {
    pub fn for_area(area: &Area<'_>) -> Self {
        let (w, h) = area.dim_in_pixel();
        Theme {
            u: (f64::from(w).min(1.6 * f64::from(h)) / 100.0).max(0.5),
        }
    }

    /// `k · u` pixels, rounded.
    pub fn px(&self, k: f64) -> i32 {
        (k * self.u).round() as i32
    }

    /// `k · u` pixels as a width (at least 1).
    pub fn w(&self, k: f64) -> u32 {
        ((k * self.u).round() as u32).max(1)
    }

    /// A regular font whose em is `k · u` pixels.
    pub fn font(&self, k: f64) -> TextStyle<'static> {
        (FONT_FAMILY, k * self.u * 1.24).into_font().color(&INK)
    }

    /// A bold font whose em is `k · u` pixels.
    pub fn bold(&self, k: f64) -> TextStyle<'static> {
        (FONT_FAMILY, k * self.u * 1.24)
            .into_font()
            .style(FontStyle::Bold)
            .color(&INK)
    }

    /// An oblique font whose em is `k · u` pixels.
    pub fn oblique(&self, k: f64) -> TextStyle<'static> {
        (FONT_FAMILY, k * self.u * 1.24)
            .into_font()
            .style(FontStyle::Oblique)
            .color(&INK)
    }

    pub const TITLE: f64 = 2.9;
    pub const LABEL: f64 = 2.3;
    pub const TICK: f64 = 2.0;
    pub const SMALL: f64 = 1.7;
}

/// Anchors text at a point.
pub(crate) fn anchored(style: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    style.pos(Pos::new(h, v))
}

/// Draws `text` at `(x, y)` in pixel coordinates of `area`.
pub(crate) fn text(
    area: &Area<'_>,
    s: &str,
    (x, y): (i32, i32),
    style: TextStyle<'static>,
    h: HPos,
    v: VPos,
) -> Result<()> {
    area.draw(&Text::new(s.to_string(), (x, y), anchored(style, h, v)))
        .map_err(plot_err)
}

/// Fills the canvas white and draws the figure's title at the top; returns
/// the area below the title.
pub(crate) fn titled<'a>(area: &Area<'a>, theme: &Theme, title: &str) -> Result<Area<'a>> {
    area.fill(&WHITE).map_err(plot_err)?;
    let (w, _) = area.dim_in_pixel();
    let size = Theme::TITLE;
    let lines = wrap(area, title, &theme.bold(size), f64::from(w) - 4.0 * theme.u)?;
    let line_h = theme.px(size * 1.3);
    let top = theme.px(1.4);
    for (i, line) in lines.iter().enumerate() {
        text(
            area,
            line,
            ((w / 2) as i32, top + i as i32 * line_h),
            theme.bold(size),
            HPos::Center,
            VPos::Top,
        )?;
    }
    let used = top + lines.len() as i32 * line_h + theme.px(0.6);
    Ok(area.margin(used, 0, 0, 0))
}

/// Width of `s` in pixels in `style`, measured with the embedded font.
pub(crate) fn text_width(area: &Area<'_>, s: &str, style: &TextStyle<'static>) -> Result<f64> {
    let (w, _) = area.estimate_text_size(s, style).map_err(plot_err)?;
    Ok(f64::from(w))
}

/// Breaks `s` into lines no wider than `max_width` pixels (words longer
/// than a line stay whole).
pub(crate) fn wrap(
    area: &Area<'_>,
    s: &str,
    style: &TextStyle<'static>,
    max_width: f64,
) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(area, &candidate, style)? > max_width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// Tick labels: short, with a true minus sign.
pub(crate) fn tick(v: &f64) -> String {
    let v = if v.abs() < 1e-9 { 0.0 } else { *v };
    let s = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else if (v * 10.0 - (v * 10.0).round()).abs() < 1e-9 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    s.replace('-', "−")
}

/// A number with a true minus sign.
pub(crate) fn signed(v: f64, decimals: usize) -> String {
    format!("{v:+.decimals$}").replace('-', "−")
}

/// A percentage with one decimal.
pub(crate) fn percent(v: f64) -> String {
    format!("{:.1} %", 100.0 * v)
}

/// Checks that a value is finite, naming it in the error.
pub(crate) fn check_finite(name: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::param(name, v, "a finite number"))
    }
}

/// Checks that a range set by the caller can be drawn: finite `lo < hi`
/// within ±[`MAX_AXIS`](crate::limits::MAX_AXIS), and wide enough for its
/// ticks to step (at least 1e-100, and a billionth of its size).
pub(crate) fn check_range(name: &str, (lo, hi): (f64, f64)) -> Result<()> {
    let max = crate::limits::MAX_AXIS;
    let span = hi - lo;
    let drawable = lo.is_finite()
        && hi.is_finite()
        && lo < hi
        && lo.abs().max(hi.abs()) <= max
        && span >= 1e-100
        && span >= lo.abs().max(hi.abs()) * 1e-9;
    if drawable {
        Ok(())
    } else {
        Err(Error::param(
            name,
            format!("({}, {})", short(lo), short(hi)),
            &format!(
                "(low, high) with finite low < high within ±{max:e}, high − low at least 1e-100 \
                 and at least a billionth of their size"
            ),
        ))
    }
}

/// Splits an area into a `rows × cols` grid of cells with gaps of `gap` px.
pub(crate) fn cells<'a>(area: &Area<'a>, rows: usize, cols: usize, gap: i32) -> Vec<Area<'a>> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (rows_i, cols_i) = (rows as i32, cols as i32);
    let cw = (w - gap * (cols_i - 1)) / cols_i;
    let ch = (h - gap * (rows_i - 1)) / rows_i;
    let mut out = Vec::with_capacity(rows * cols);
    for r in 0..rows_i {
        for c in 0..cols_i {
            let x0 = c * (cw + gap);
            let y0 = r * (ch + gap);
            out.push(area.margin(y0, h - (y0 + ch), x0, w - (x0 + cw)));
        }
    }
    out
}

/// The line style of a plotted function.
pub(crate) fn line_style(c: RGBColor, theme: &Theme, k: f64) -> ShapeStyle {
    c.stroke_width(theme.w(k))
}

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
