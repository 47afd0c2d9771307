//! Charts of functions of one variable: axes with light grid lines, curves,
//! dashed guides, dots and notes at data coordinates.

use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{AXIS, GRID};
use super::text::{anchored, tick};
use super::theme::Theme;
use crate::error::Result;
use crate::figure::{Area, Canvas, plot_err};

type Chart<'a, 'b> = ChartContext<'a, Canvas<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A chart with light grid lines, ticks and axis labels.
pub(crate) fn function_chart<'a, 'b>(
    area: &'a Area<'b>,
    theme: &Theme,
    caption: Option<&str>,
    xr: (f64, f64),
    yr: (f64, f64),
    labels: (&str, &str),
) -> Result<Chart<'a, 'b>> {
    // the last x tick can sit on the right edge, centred: leave room for
    // half of its label (so "20000" is not cut to "2000")
    let (last_w, _) = area
        .estimate_text_size(&tick(&xr.1), &theme.font(Theme::TICK))
        .map_err(plot_err)?;
    let right = theme.px(1.8).max(last_w as i32 / 2 + theme.px(0.4));
    let mut builder = ChartBuilder::on(area);
    builder
        .margin_top(theme.px(0.8))
        .margin_left(theme.px(0.6))
        .margin_right(right)
        .x_label_area_size(theme.px(6.0))
        .y_label_area_size(theme.px(8.8));
    if let Some(c) = caption {
        builder.caption(c, theme.bold(Theme::LABEL));
    }
    let mut chart = builder
        .build_cartesian_2d(xr.0..xr.1, yr.0..yr.1)
        .map_err(plot_err)?;
    chart
        .configure_mesh()
        .bold_line_style(GRID.stroke_width(theme.w(0.1)))
        .light_line_style(TRANSPARENT)
        .x_desc(labels.0)
        .y_desc(labels.1)
        .x_labels(7)
        .y_labels(6)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .label_style(theme.font(Theme::TICK))
        .axis_desc_style(theme.font(Theme::LABEL))
        .axis_style(AXIS.stroke_width(theme.w(0.12)))
        .set_all_tick_mark_size(theme.px(0.6))
        .draw()
        .map_err(plot_err)?;
    Ok(chart)
}

pub(super) fn sample(f: impl Fn(f64) -> f64, (lo, hi): (f64, f64), n: usize) -> Vec<(f64, f64)> {
    (0..=n)
        .map(|i| {
            let z = lo + (hi - lo) * i as f64 / n as f64;
            (z, f(z))
        })
        .collect()
}

pub(super) fn dashed(
    chart: &Chart<'_, '_>,
    pts: Vec<(f64, f64)>,
    theme: &Theme,
    color: RGBColor,
) -> Result<()> {
    chart
        .plotting_area()
        .draw(&DashedPathElement::new(
            pts,
            theme.w(0.9),
            theme.w(0.6),
            color.stroke_width(theme.w(0.15)),
        ))
        .map_err(plot_err)
}

pub(super) fn curve(
    chart: &mut Chart<'_, '_>,
    pts: Vec<(f64, f64)>,
    style: ShapeStyle,
) -> Result<()> {
    chart
        .draw_series(std::iter::once(PathElement::new(pts, style)))
        .map_err(plot_err)?;
    Ok(())
}

/// A filled (closed) or white (open) dot at a point of a graph.
pub(super) fn dot(
    chart: &Chart<'_, '_>,
    at: (f64, f64),
    color: RGBColor,
    closed: bool,
    theme: &Theme,
) -> Result<()> {
    let r = theme.px(0.75).max(3);
    let pa = chart.plotting_area();
    if closed {
        pa.draw(&Circle::new(at, r, color.filled()))
    } else {
        pa.draw(
            &(EmptyElement::at(at)
                + Circle::new((0, 0), r, WHITE.filled())
                + Circle::new((0, 0), r, color.stroke_width(theme.w(0.3)))),
        )
    }
    .map_err(plot_err)
}

/// `style_of(k)` at the largest `k` up to `k0` (at most a quarter less)
/// with which `s` fits between data x positions `from` and `to`.
pub(super) fn fitted_between(
    chart: &Chart<'_, '_>,
    s: &str,
    (from, to): (f64, f64),
    k0: f64,
    style_of: impl Fn(f64) -> TextStyle<'static>,
) -> Result<TextStyle<'static>> {
    let pa = chart.plotting_area();
    let width = f64::from(pa.map_coordinate(&(to, 0.0)).0 - pa.map_coordinate(&(from, 0.0)).0);
    super::text::fitted(&pa.strip_coord_spec(), s, width, k0, style_of)
}

/// Text inside a chart at data coordinates.
pub(super) fn note(
    chart: &Chart<'_, '_>,
    s: &str,
    at: (f64, f64),
    style: TextStyle<'static>,
    h: HPos,
    v: VPos,
) -> Result<()> {
    chart
        .plotting_area()
        .draw(&Text::new(s.to_string(), at, anchored(style, h, v)))
        .map_err(plot_err)
}
