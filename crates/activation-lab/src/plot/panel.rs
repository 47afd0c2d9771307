//! A chart over the input plane: shading, isolines, data points, an arrow
//! and a note beside the plot.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::contour::{Pt, Shading};
use super::marker::marker;
use super::scatter::{Point, distinct_points};
use super::style::{AXIS, INK};
use super::text::{text, tick};
use super::theme::Theme;
use crate::error::Result;
use crate::figure::{Area, plot_err};

/// Everything one chart over the input plane shows.
#[derive(Debug, Clone)]
pub(crate) struct Panel {
    pub xr: (f64, f64),
    pub yr: (f64, f64),
    pub shading: Option<Shading>,
    pub colors: Vec<RGBColor>,
    pub points: Vec<Point>,
    /// Axis labels; `None` draws a bare framed panel (for grids).
    pub labels: Option<(String, String)>,
    /// A note on the panel (accuracy), right-aligned in a strip of its own
    /// outside the plot: above it for a panel with axes, below it in grids.
    pub corner: Option<String>,
    /// Point radius in units of `u`.
    pub point_size: f64,
    /// Dashed isolines instead of solid.
    pub dashed_lines: bool,
    /// An arrow from one point to another, with a label at its head.
    pub arrow: Option<(Pt, Pt, String)>,
    /// Draw one unit of x1 as long as one unit of x2 (the plot shrinks in
    /// one direction and is centred), so right angles look right.
    pub equal_aspect: bool,
}

/// Pixels per data unit of a drawn panel, along x1 and x2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PanelScale {
    pub x: f64,
    pub y: f64,
}

impl Panel {
    pub fn new(xr: (f64, f64), yr: (f64, f64)) -> Self {
        Panel {
            xr,
            yr,
            shading: None,
            colors: Vec::new(),
            points: Vec::new(),
            labels: None,
            corner: None,
            point_size: 0.75,
            dashed_lines: false,
            arrow: None,
            equal_aspect: false,
        }
    }

    pub fn draw(&self, area: &Area<'_>, theme: &Theme) -> Result<PanelScale> {
        let axes = self.labels.is_some();
        // the note gets a strip of its own, so it never covers data
        let noted;
        let area = match &self.corner {
            Some(note) => {
                let (w, h) = area.dim_in_pixel();
                let size = if axes { Theme::TICK } else { Theme::SMALL };
                let strip = theme.px(size * 1.6);
                let (plot, note_area, right) = if axes {
                    let (top, rest) = area.split_vertically(strip);
                    (rest, top, theme.px(1.5))
                } else {
                    let (rest, bottom) = area.split_vertically(h as i32 - strip);
                    (rest, bottom, 1)
                };
                text(
                    &note_area,
                    note,
                    (w as i32 - right, strip / 2),
                    theme.font(size),
                    HPos::Right,
                    VPos::Center,
                )?;
                noted = plot;
                &noted
            }
            None => area,
        };
        let shrunk;
        let area = if self.equal_aspect {
            shrunk = self.equal_aspect_area(area, theme);
            &shrunk
        } else {
            area
        };
        let mut builder = ChartBuilder::on(area);
        if axes {
            builder
                .margin_top(theme.px(0.8))
                .margin_left(theme.px(0.6))
                .margin_right(theme.px(1.5))
                .x_label_area_size(theme.px(6.0))
                .y_label_area_size(theme.px(8.2));
        }
        let mut chart = builder
            .build_cartesian_2d(self.xr.0..self.xr.1, self.yr.0..self.yr.1)
            .map_err(plot_err)?;
        if let Some((xl, yl)) = &self.labels {
            chart
                .configure_mesh()
                .disable_mesh()
                .x_desc(xl.as_str())
                .y_desc(yl.as_str())
                .x_labels(6)
                .y_labels(6)
                .x_label_formatter(&tick)
                .y_label_formatter(&tick)
                .label_style(theme.font(Theme::TICK))
                .axis_desc_style(theme.font(Theme::LABEL))
                .axis_style(AXIS.stroke_width(theme.w(0.12)))
                .set_all_tick_mark_size(theme.px(0.6))
                .draw()
                .map_err(plot_err)?;
        }
        let pa = chart.plotting_area();
        if let Some(shading) = &self.shading {
            for (band, ring) in &shading.rings {
                let color = self.colors.get(*band).copied().unwrap_or(WHITE);
                pa.draw(&Polygon::new(ring.clone(), color.filled()))
                    .map_err(plot_err)?;
            }
            let line = INK.stroke_width(theme.w(0.32));
            for l in &shading.lines {
                if self.dashed_lines {
                    pa.draw(&DashedPathElement::new(
                        l.clone(),
                        theme.w(1.0),
                        theme.w(0.7),
                        line,
                    ))
                    .map_err(plot_err)?;
                } else {
                    pa.draw(&PathElement::new(l.clone(), line))
                        .map_err(plot_err)?;
                }
            }
        }
        let r = theme.px(self.point_size).max(2);
        // points at exactly the same place (ties in measured data) are
        // drawn once, with the marker's area growing with their number
        let (unique, counts) = distinct_points(&self.points);
        // filled (training) points first, hollow test points on top
        for hollow in [false, true] {
            for (p, &n) in unique
                .iter()
                .zip(&counts)
                .filter(|(p, _)| p.hollow == hollow)
            {
                let rn = if n > 1 {
                    (f64::from(r) * (n as f64).sqrt().min(2.5)).round() as i32
                } else {
                    r
                };
                marker(pa, p.class, (p.x, p.y), rn, p.hollow, theme)?;
            }
        }
        // frame
        let (px, py) = pa.dim_in_pixel();
        let frame_area = pa.strip_coord_spec();
        frame_area
            .draw(&Rectangle::new(
                [(0, 0), (px as i32 - 1, py as i32 - 1)],
                AXIS.stroke_width(theme.w(0.12)),
            ))
            .map_err(plot_err)?;
        if let Some((p, q, label)) = &self.arrow {
            let base = pa.get_base_pixel();
            let rel = |c: (i32, i32)| (c.0 - base.0, c.1 - base.1);
            draw_arrow(
                &frame_area,
                theme,
                rel(pa.map_coordinate(p)),
                rel(pa.map_coordinate(q)),
                label,
            )?;
        }
        let (a, b) = (
            pa.map_coordinate(&(self.xr.0, self.yr.0)),
            pa.map_coordinate(&(self.xr.1, self.yr.1)),
        );
        Ok(PanelScale {
            x: f64::from(b.0 - a.0) / (self.xr.1 - self.xr.0),
            y: f64::from(a.1 - b.1) / (self.yr.1 - self.yr.0),
        })
    }

    /// The part of `area`, centred, in which the plotting area has equal
    /// scales on both axes (the label areas keep their sizes).
    fn equal_aspect_area<'a>(&self, area: &Area<'a>, theme: &Theme) -> Area<'a> {
        let (w, h) = area.dim_in_pixel();
        let (extra_w, extra_h) = if self.labels.is_some() {
            (
                theme.px(0.6) + theme.px(1.5) + theme.px(8.2),
                theme.px(0.8) + theme.px(6.0),
            )
        } else {
            (0, 0)
        };
        let pw = f64::from((w as i32 - extra_w).max(1));
        let ph = f64::from((h as i32 - extra_h).max(1));
        let (sx, sy) = (self.xr.1 - self.xr.0, self.yr.1 - self.yr.0);
        let scale = (pw / sx).min(ph / sy);
        let cut_w = (pw - scale * sx).round().max(0.0) as i32;
        let cut_h = (ph - scale * sy).round().max(0.0) as i32;
        area.margin(cut_h / 2, cut_h - cut_h / 2, cut_w / 2, cut_w - cut_w / 2)
    }
}

/// An arrow from `p` to `q` (pixels) with `label` beyond its head.
pub(crate) fn draw_arrow(
    area: &Area<'_>,
    theme: &Theme,
    p: (i32, i32),
    q: (i32, i32),
    label: &str,
) -> Result<()> {
    let (dx, dy) = (f64::from(q.0 - p.0), f64::from(q.1 - p.1));
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let (hl, hw) = (theme.u * 1.5, theme.u * 0.65);
    let base = (f64::from(q.0) - ux * hl, f64::from(q.1) - uy * hl);
    let shaft_end = (base.0.round() as i32, base.1.round() as i32);
    area.draw(&PathElement::new(
        vec![p, shaft_end],
        INK.stroke_width(theme.w(0.3)),
    ))
    .map_err(plot_err)?;
    let head = vec![
        q,
        (
            (base.0 - uy * hw).round() as i32,
            (base.1 + ux * hw).round() as i32,
        ),
        (
            (base.0 + uy * hw).round() as i32,
            (base.1 - ux * hw).round() as i32,
        ),
    ];
    area.draw(&Polygon::new(head, INK.filled()))
        .map_err(plot_err)?;
    if !label.is_empty() {
        let at = (
            (f64::from(q.0) + ux * theme.u * 1.8).round() as i32,
            (f64::from(q.1) + uy * theme.u * 1.8).round() as i32,
        );
        text(
            area,
            label,
            at,
            theme.bold(Theme::LABEL),
            HPos::Center,
            VPos::Center,
        )?;
    }
    Ok(())
}
