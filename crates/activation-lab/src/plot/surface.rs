//! Scatter plots, decision surfaces and hidden-unit maps: everything drawn
//! over the input plane (x1, x2).
//!
//! Shading is made of filled contour polygons from the `contour` crate (a
//! few dozen paths, not one rectangle per grid cell), so a slide-size SVG
//! stays small; the p = 0.5 boundary is the isoline at 0.5.

use contour::ContourBuilder;
use ndarray::{Array1, Array2};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    AXIS, BLUE, INK, MUTED, Theme, VERMILLION, check_range, marker, percent, signed, text, tick,
    tint, titled, wrap,
};
use crate::data::Dataset;
use crate::error::short;
use crate::figure::{Area, Figure, FigureSize, plot_err};
use crate::models::{Classifier, MlpModel};
use crate::{Error, Result};

// ---------------------------------------------------------------------------
// grids and contour shading
// ---------------------------------------------------------------------------

/// A point in data coordinates.
pub(crate) type Pt = (f64, f64);

/// Values of a function on an `nx × ny` grid of cell centres covering
/// `xr × yr`; `values[j·nx + i]` is at `(x0 + (i + ½)·dx, y0 + (j + ½)·dy)`.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub xr: (f64, f64),
    pub yr: (f64, f64),
    pub nx: usize,
    pub ny: usize,
    pub values: Vec<f64>,
}

/// The largest grid accepted along one axis.
use crate::limits::MAX_CELLS;

impl Grid {
    /// The grid's cell centres as rows `(x1, x2)`, `[nx·ny, 2]`.
    pub fn points(xr: (f64, f64), yr: (f64, f64), nx: usize, ny: usize) -> Array2<f64> {
        let dx = (xr.1 - xr.0) / nx as f64;
        let dy = (yr.1 - yr.0) / ny as f64;
        Array2::from_shape_fn((nx * ny, 2), |(k, c)| {
            if c == 0 {
                xr.0 + ((k % nx) as f64 + 0.5) * dx
            } else {
                yr.0 + ((k / nx) as f64 + 0.5) * dy
            }
        })
    }

    /// Evaluates `f` on the grid; non-finite results are an error.
    pub fn evaluate(
        xr: (f64, f64),
        yr: (f64, f64),
        nx: usize,
        ny: usize,
        f: impl FnOnce(&Array2<f64>) -> Result<Array1<f64>>,
    ) -> Result<Grid> {
        check_cells("resolution", nx)?;
        check_cells("resolution (rows)", ny)?;
        let values = f(&Self::points(xr, yr, nx, ny))
            .map_err(|e| match e {
                // a grid point the caller never passed: name the region
                Error::TooLarge { name, .. } if name.starts_with("x row") => Error::Figure(format!(
                    "the model's net input is too large to draw: it overflows f64 (±1.8e308) on the \
                     plotted region x1 from {} to {}, x2 from {} to {}; draw a smaller region \
                     (x_range, y_range), or rescale the data and fit again",
                    short(xr.0),
                    short(xr.1),
                    short(yr.0),
                    short(yr.1)
                )),
                other => other,
            })?
            .to_vec();
        Self::from_values(xr, yr, nx, ny, values)
    }

    pub fn from_values(
        xr: (f64, f64),
        yr: (f64, f64),
        nx: usize,
        ny: usize,
        values: Vec<f64>,
    ) -> Result<Grid> {
        if values.len() != nx * ny {
            return Err(Error::shape("grid values", nx * ny, values.len()));
        }
        if let Some(k) = values.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what: "the model's output on the plotting grid".into(),
                row: k,
                column: 0,
                value: values[k],
            });
        }
        Ok(Grid {
            xr,
            yr,
            nx,
            ny,
            values,
        })
    }

    fn to_data(&self, (gx, gy): (f64, f64)) -> (f64, f64) {
        (
            self.xr.0 + gx * (self.xr.1 - self.xr.0) / self.nx as f64,
            self.yr.0 + gy * (self.yr.1 - self.yr.0) / self.ny as f64,
        )
    }

    /// Filled regions for the bands between `thresholds` (ascending) and the
    /// isolines at `line_level`.
    ///
    /// Band 0 lies below `thresholds[0]`, band `i + 1` between
    /// `thresholds[i]` and `thresholds[i + 1]`. Each ring of the region
    /// `value ≥ t` is filled with the band just inside it; drawn in order of
    /// decreasing area (parents before the rings they contain), the rings
    /// paint every band correctly, with no seams between neighbours.
    pub fn shade(&self, thresholds: &[f64], line_level: Option<f64>) -> Result<Shading> {
        let builder = ContourBuilder::new(self.nx, self.ny, true);
        let contours = builder
            .contours(&self.values, thresholds)
            .map_err(plot_err)?;
        let mut rings: Vec<(f64, usize, Vec<Pt>)> = vec![(
            f64::INFINITY,
            0,
            vec![
                (self.xr.0, self.yr.0),
                (self.xr.1, self.yr.0),
                (self.xr.1, self.yr.1),
                (self.xr.0, self.yr.1),
            ],
        )];
        for (i, c) in contours.iter().enumerate() {
            for poly in c.geometry() {
                let mut push = |pts: Vec<(f64, f64)>, band: usize| {
                    let area = ring_area(&pts).abs();
                    let pts = simplify(&pts, 0.2);
                    if pts.len() >= 3 {
                        rings.push((
                            area,
                            band,
                            pts.into_iter().map(|p| self.to_data(p)).collect(),
                        ));
                    }
                };
                push(
                    poly.exterior().0.iter().map(|p| (p.x, p.y)).collect(),
                    i + 1,
                );
                for hole in poly.interiors() {
                    push(hole.0.iter().map(|p| (p.x, p.y)).collect(), i);
                }
            }
        }
        // stable: equal areas keep threshold order, so the higher band wins
        rings.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut lines = Vec::new();
        if let Some(level) = line_level {
            for line in builder.lines(&self.values, &[level]).map_err(plot_err)? {
                for ring in line.geometry() {
                    let pts: Vec<(f64, f64)> = ring.0.iter().map(|p| (p.x, p.y)).collect();
                    for run in self.inner_runs(&pts) {
                        let run = simplify(&run, 0.1);
                        if run.len() >= 2 {
                            lines.push(run.into_iter().map(|p| self.to_data(p)).collect());
                        }
                    }
                }
            }
        }
        Ok(Shading {
            rings: rings.into_iter().map(|(_, b, r)| (b, r)).collect(),
            lines,
        })
    }

    /// Splits a closed ring (grid units) into its runs of interior points
    /// (the parts that follow the grid's border are dropped) and extends
    /// each run's ends straight to the border, which lies half a cell
    /// beyond the outermost samples.
    fn inner_runs(&self, ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let (nx, ny) = (self.nx as f64, self.ny as f64);
        let e = 1e-9;
        let on_border = |p: (f64, f64)| p.0 <= e || p.0 >= nx - e || p.1 <= e || p.1 >= ny - e;
        // a closed ring repeats its first point at the end
        let pts = if ring.len() > 1 && ring.first() == ring.last() {
            &ring[..ring.len() - 1]
        } else {
            ring
        };
        let n = pts.len();
        if n < 2 {
            return Vec::new();
        }
        let start = pts.iter().position(|&p| on_border(p));
        let mut runs = Vec::new();
        let mut run: Vec<(f64, f64)> = Vec::new();
        match start {
            None => {
                // a closed loop inside the plot
                let mut closed = pts.to_vec();
                closed.push(pts[0]);
                return vec![closed];
            }
            Some(s0) => {
                for step in 1..=n {
                    let p = pts[(s0 + step) % n];
                    if on_border(p) {
                        if run.len() >= 2 {
                            runs.push(std::mem::take(&mut run));
                        }
                        run.clear();
                    } else {
                        run.push(p);
                    }
                }
            }
        }
        if run.len() >= 2 {
            runs.push(run);
        }
        for r in &mut runs {
            let k = r.len();
            let head = extend(r[1], r[0], nx, ny);
            let tail = extend(r[k - 2], r[k - 1], nx, ny);
            if let Some(h) = head {
                r.insert(0, h);
            }
            if let Some(t) = tail {
                r.push(t);
            }
        }
        runs
    }
}

/// Where the ray from `a` through `b` leaves `[0, nx] × [0, ny]`, if that
/// is within 1.5 cells of `b`.
fn extend(a: (f64, f64), b: (f64, f64), nx: f64, ny: f64) -> Option<(f64, f64)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-12 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let mut t = f64::INFINITY;
    if ux > 1e-12 {
        t = t.min((nx - b.0) / ux);
    } else if ux < -1e-12 {
        t = t.min(-b.0 / ux);
    }
    if uy > 1e-12 {
        t = t.min((ny - b.1) / uy);
    } else if uy < -1e-12 {
        t = t.min(-b.1 / uy);
    }
    (t.is_finite() && (0.0..=1.5).contains(&t)).then_some((b.0 + t * ux, b.1 + t * uy))
}

fn check_cells(name: &str, n: usize) -> Result<()> {
    if n > MAX_CELLS {
        // a square grid: n² model outputs and their contours, ~24 bytes each
        crate::limits::check_count(name, n, MAX_CELLS, "cells", (n as u128).saturating_mul(24))
    } else if n >= 2 {
        Ok(())
    } else {
        Err(Error::param(
            name,
            n,
            &format!("a number of grid cells from 2 to {MAX_CELLS}"),
        ))
    }
}

/// Shoelace area of a ring.
fn ring_area(pts: &[(f64, f64)]) -> f64 {
    let mut a = 0.0;
    for w in pts.windows(2) {
        a += w[0].0 * w[1].1 - w[1].0 * w[0].1;
    }
    if let (Some(f), Some(l)) = (pts.first(), pts.last()) {
        a += l.0 * f.1 - f.0 * l.1;
    }
    0.5 * a
}

/// Ramer–Douglas–Peucker simplification with tolerance `eps` (grid units).
fn simplify(pts: &[(f64, f64)], eps: f64) -> Vec<(f64, f64)> {
    if pts.len() < 3 {
        return pts.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0usize, pts.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (p, q) = (pts[a], pts[b]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len = (dx * dx + dy * dy).sqrt();
        let mut far = (0.0, a);
        for (k, r) in pts.iter().enumerate().take(b).skip(a + 1) {
            let d = if len < 1e-12 {
                ((r.0 - p.0).powi(2) + (r.1 - p.1).powi(2)).sqrt()
            } else {
                ((r.0 - p.0) * dy - (r.1 - p.1) * dx).abs() / len
            };
            if d > far.0 {
                far = (d, k);
            }
        }
        if far.0 > eps {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    pts.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// Filled rings (band, points in data coordinates) in drawing order, and
/// isolines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shading {
    pub rings: Vec<(usize, Vec<(f64, f64)>)>,
    pub lines: Vec<Vec<(f64, f64)>>,
}

/// Thresholds 0.1, 0.2, …, 0.9 for probabilities.
pub(crate) const PROBABILITY_LEVELS: [f64; 9] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// The colour of probability band `b` (0 = below 0.1 … 9 = above 0.9):
/// blue towards class 0, vermillion towards class 1, white-ish near 0.5.
pub(crate) fn probability_color(b: usize) -> RGBColor {
    let mid = (b as f64 + 0.5) / 10.0;
    let strength = 0.07 + 0.40 * (2.0 * (mid - 0.5).abs());
    if mid < 0.5 {
        tint(BLUE, strength)
    } else {
        tint(VERMILLION, strength)
    }
}

// ---------------------------------------------------------------------------
// a panel over the input plane
// ---------------------------------------------------------------------------

/// One data point to draw.
/// The legend row that explains larger markers, when some points share a
/// place.
fn ties_note(points: &[Point]) -> Option<(Key, String)> {
    distinct_points(points).1.iter().any(|&n| n > 1).then(|| {
        (
            Key::Text,
            "larger marker: several points at one place".to_string(),
        )
    })
}

/// The points once each, in their first order, with how many times each
/// one occurs (same place, class and kind).
fn distinct_points(points: &[Point]) -> (Vec<Point>, Vec<usize>) {
    let mut index: std::collections::HashMap<(u64, u64, u8, bool), usize> =
        std::collections::HashMap::new();
    let (mut unique, mut counts) = (Vec::new(), Vec::new());
    for p in points {
        // +0.0 turns −0 into 0, so the two are one place
        let key = (
            (p.x + 0.0).to_bits(),
            (p.y + 0.0).to_bits(),
            p.class,
            p.hollow,
        );
        match index.get(&key) {
            Some(&i) => counts[i] += 1,
            None => {
                index.insert(key, unique.len());
                unique.push(*p);
                counts.push(1);
            }
        }
    }
    (unique, counts)
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    pub x: f64,
    pub y: f64,
    pub class: u8,
    pub hollow: bool,
}

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
    /// Text for the lower-right corner (accuracy).
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
        if let Some(c) = &self.corner {
            corner_box(&frame_area, theme, c, axes)?;
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

/// A white box with `s` in the lower-right corner of `area`.
fn corner_box(area: &Area<'_>, theme: &Theme, s: &str, large: bool) -> Result<()> {
    let size = if large { Theme::TICK } else { Theme::SMALL };
    let font = theme.font(size);
    let (tw, _) = area.estimate_text_size(s, &font).map_err(plot_err)?;
    let (w, h) = area.dim_in_pixel();
    let pad = theme.px(0.6);
    let bh = theme.px(size * 1.5);
    let (x1, y1) = (w as i32 - theme.px(0.6), h as i32 - theme.px(0.6));
    let x0 = x1 - tw as i32 - 2 * pad;
    area.draw(&Rectangle::new(
        [(x0, y1 - bh), (x1, y1)],
        WHITE.mix(0.85).filled(),
    ))
    .map_err(plot_err)?;
    text(
        area,
        s,
        (x1 - pad, y1 - bh / 2),
        font,
        HPos::Right,
        VPos::Center,
    )
}

// ---------------------------------------------------------------------------
// checks and ranges
// ---------------------------------------------------------------------------

/// Checks that `data` has rows and exactly two features.
pub(crate) fn check_plane_data(data: &Dataset, what: &str) -> Result<()> {
    if data.is_empty() {
        return Err(Error::empty(what, "row"));
    }
    if data.n_features() != 2 {
        return Err(Error::shape(
            &format!("feature columns in {what} (figures show the plane x1, x2)"),
            2,
            data.n_features(),
        ));
    }
    check_drawable(data, what)
}

/// Checks that every value of `data` lies within a figure's reach,
/// ±[`MAX_AXIS`](crate::limits::MAX_AXIS), naming the data and its column.
pub(crate) fn check_drawable(data: &Dataset, what: &str) -> Result<()> {
    let max = crate::limits::MAX_AXIS;
    for (c, column) in data.features().columns().into_iter().enumerate() {
        if let Some(v) = column.iter().copied().find(|v| v.abs() > max) {
            return Err(Error::too_large(
                &format!("{what}'s {}", data.feature_names()[c]),
                short(v),
                format!(
                    "values within ±{max:e} to draw on a figure's axes: rescale the data, for example standardise it"
                ),
            ));
        }
    }
    Ok(())
}

/// Checks that a model reads the two plotted features.
pub(crate) fn check_model(model: &dyn Classifier) -> Result<()> {
    if model.n_features() != 2 {
        return Err(Error::shape(
            "model input features (figures show the plane x1, x2)",
            2,
            model.n_features(),
        ));
    }
    Ok(())
}

/// The data's bounding box, padded by `padding` × its span on each side.
pub(crate) fn padded_ranges(sets: &[&Dataset], padding: f64) -> ((f64, f64), (f64, f64)) {
    let mut r = [(f64::INFINITY, f64::NEG_INFINITY); 2];
    for d in sets {
        for row in d.features().rows() {
            // data of one column spans x1 only
            for c in 0..row.len().min(2) {
                r[c].0 = r[c].0.min(row[c]);
                r[c].1 = r[c].1.max(row[c]);
            }
        }
    }
    (pad_range(r[0], padding), pad_range(r[1], padding))
}

/// `(lo, hi)` widened by `padding` × its span on each side, always finite
/// with `lo < hi`: no data gives (−1, 1); one value a span of 1, or (when
/// that is less than a billionth of its size) of a millionth of its size;
/// data near ±`f64::MAX` is padded in halves and kept within ±`f64::MAX`.
pub(crate) fn pad_range((lo, hi): (f64, f64), padding: f64) -> (f64, f64) {
    if lo > hi || !lo.is_finite() || !hi.is_finite() {
        return (-1.0, 1.0);
    }
    let magnitude = lo.abs().max(hi.abs());
    let span = if hi - lo > 1e-12 { hi - lo } else { 1.0 };
    let padded = (lo - padding * span, hi + padding * span);
    // the fallback only where the plain padding is not drawable (as
    // `check_range` says): not finite, or narrower than a billionth of its size
    let relative_min = magnitude * 1e-6;
    if padded.0.is_finite() && padded.1.is_finite() && padded.1 - padded.0 > magnitude * 1e-9 {
        return padded;
    }
    // in halves, so that neither the span nor the padding overflows
    let mid = lo / 2.0 + hi / 2.0;
    let half = (hi / 2.0 - lo / 2.0).max(relative_min / 2.0) * (1.0 + 2.0 * padding);
    let (a, b) = ((mid - half).max(-f64::MAX), (mid + half).min(f64::MAX));
    if a < b { (a, b) } else { (a - 1.0, b + 1.0) }
}

pub(crate) fn points_of(data: &Dataset, hollow: bool) -> Vec<Point> {
    data.features()
        .rows()
        .into_iter()
        .zip(data.labels())
        .map(|(row, &class)| Point {
            x: row[0],
            y: row[1],
            class,
            hollow,
        })
        .collect()
}

fn check_padding(padding: f64) -> Result<()> {
    if padding.is_finite() && (0.0..=5.0).contains(&padding) {
        Ok(())
    } else {
        Err(Error::param(
            "padding",
            padding,
            "a fraction of the data's span from 0 to 5",
        ))
    }
}

/// Grid cells across a plot `plot_px` pixels wide (about one per 5 px,
/// 24 to 320), and down a plot of the given aspect.
pub(crate) fn default_cells(plot_w_px: f64, plot_h_px: f64) -> (usize, usize) {
    let nx = (plot_w_px / 5.0).round().clamp(24.0, 320.0);
    let ny = (nx * plot_h_px / plot_w_px.max(1.0))
        .round()
        .clamp(16.0, 320.0);
    (nx as usize, ny as usize)
}

// ---------------------------------------------------------------------------
// legends
// ---------------------------------------------------------------------------

/// One legend row.
pub(crate) enum Key {
    Marker {
        class: u8,
        hollow: bool,
    },
    /// No key: the label alone.
    Text,
    Line {
        color: RGBColor,
        dashed: bool,
    },
    Swatch(RGBColor),
}

/// Draws a legend (rows of key + label) starting at `(x, y)`; returns the
/// y below it.
pub(crate) fn legend(
    area: &Area<'_>,
    theme: &Theme,
    (x, y): (i32, i32),
    rows: &[(Key, String)],
    max_width: f64,
) -> Result<i32> {
    legend_sized(area, theme, (x, y), rows, max_width, Theme::TICK)
}

/// [`legend`] with type of `k · u` pixels.
pub(crate) fn legend_sized(
    area: &Area<'_>,
    theme: &Theme,
    (x, y): (i32, i32),
    rows: &[(Key, String)],
    max_width: f64,
    k: f64,
) -> Result<i32> {
    let font = theme.font(k);
    let line_h = theme.px(k * 1.35);
    let key_w = theme.px(1.6 * k);
    let mut yy = y;
    for (key, label) in rows {
        let lines = wrap(area, label, &font, max_width - f64::from(key_w))?;
        let cy = yy + line_h / 2;
        let cx = x + key_w / 2 - theme.px(0.4);
        match key {
            Key::Text => {}
            Key::Marker { class, hollow } => {
                marker(area, *class, (cx, cy), theme.px(0.85), *hollow, theme)?;
            }
            Key::Line { color, dashed } => {
                let style = color.stroke_width(theme.w(0.32));
                let pts = vec![(x, cy), (x + key_w - theme.px(1.0), cy)];
                if *dashed {
                    area.draw(&DashedPathElement::new(
                        pts,
                        theme.w(0.8),
                        theme.w(0.5),
                        style,
                    ))
                } else {
                    area.draw(&PathElement::new(pts, style))
                }
                .map_err(plot_err)?;
            }
            Key::Swatch(c) => {
                let s = theme.px(0.9);
                area.draw(&Rectangle::new(
                    [(cx - s, cy - s), (cx + s, cy + s)],
                    c.filled(),
                ))
                .map_err(plot_err)?;
                area.draw(&Rectangle::new(
                    [(cx - s, cy - s), (cx + s, cy + s)],
                    AXIS.stroke_width(1),
                ))
                .map_err(plot_err)?;
            }
        }
        for (i, l) in lines.iter().enumerate() {
            text(
                area,
                l,
                (x + key_w, cy + i as i32 * line_h),
                font.clone(),
                HPos::Left,
                VPos::Center,
            )?;
        }
        yy += line_h * lines.len().max(1) as i32 + theme.px(0.5);
    }
    Ok(yy)
}

/// A vertical colour bar with a label on top: `edges` (ascending, one more
/// than `colors`) bound the bands; `ticks` are `(value, label)`; a thick
/// line marks `mark`. Returns the y below it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn color_bar(
    area: &Area<'_>,
    theme: &Theme,
    (x, y): (i32, i32),
    height: i32,
    label: &str,
    edges: &[f64],
    colors: &[RGBColor],
    ticks: &[(f64, String)],
    mark: Option<f64>,
) -> Result<i32> {
    text(
        area,
        label,
        (x, y),
        theme.font(Theme::TICK),
        HPos::Left,
        VPos::Top,
    )?;
    let top = y + theme.px(Theme::TICK * 1.6);
    let bw = theme.px(2.2);
    let h = height.max(theme.px(6.0));
    let (lo, hi) = (edges[0], edges[edges.len() - 1]);
    let to_y = |v: f64| top + h - (f64::from(h) * (v - lo) / (hi - lo)).round() as i32;
    for (b, c) in colors.iter().enumerate() {
        area.draw(&Rectangle::new(
            [(x, to_y(edges[b + 1])), (x + bw, to_y(edges[b]))],
            c.filled(),
        ))
        .map_err(plot_err)?;
    }
    area.draw(&Rectangle::new(
        [(x, top), (x + bw, top + h)],
        AXIS.stroke_width(theme.w(0.1)),
    ))
    .map_err(plot_err)?;
    for (v, label) in ticks {
        let yy = to_y(*v);
        area.draw(&PathElement::new(
            vec![(x + bw, yy), (x + bw + theme.px(0.6), yy)],
            AXIS.stroke_width(theme.w(0.1)),
        ))
        .map_err(plot_err)?;
        text(
            area,
            label,
            (x + bw + theme.px(0.9), yy),
            theme.font(Theme::SMALL),
            HPos::Left,
            VPos::Center,
        )?;
    }
    if let Some(m) = mark {
        let yy = to_y(m);
        area.draw(&PathElement::new(
            vec![(x, yy), (x + bw, yy)],
            INK.stroke_width(theme.w(0.32)),
        ))
        .map_err(plot_err)?;
    }
    Ok(top + h)
}

/// The colour bar of P(y = 1 | x).
fn probability_bar(area: &Area<'_>, theme: &Theme, at: (i32, i32), height: i32) -> Result<i32> {
    let edges: Vec<f64> = (0..=10).map(|i| f64::from(i) / 10.0).collect();
    let colors: Vec<RGBColor> = (0..10).map(probability_color).collect();
    let ticks = vec![
        (0.0, "0".to_string()),
        (0.5, "0.5 boundary".to_string()),
        (1.0, "1".to_string()),
    ];
    color_bar(
        area,
        theme,
        at,
        height,
        "P(y = 1 | x)",
        &edges,
        &colors,
        &ticks,
        Some(0.5),
    )
}

/// Splits a figure body into the chart (left) and a side panel (right).
pub(crate) fn split_side<'a>(body: &Area<'a>, theme: &Theme) -> (Area<'a>, Area<'a>) {
    let (w, _) = body.dim_in_pixel();
    let side = (f64::from(w) * 0.25)
        .max(theme.u * 22.0)
        .min(f64::from(w) * 0.4) as u32;
    let (chart, side_area) = body.split_horizontally(w - side);
    (
        chart,
        side_area.margin(theme.px(1.0), 0, theme.px(1.0), theme.px(1.0)),
    )
}

// ---------------------------------------------------------------------------
// 5. scatter
// ---------------------------------------------------------------------------

/// A scatter plot of a two-feature dataset: classes by colour and marker,
/// a legend with the class names and counts.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(100, 0.2, 1)?.with_class_names(["lower moon", "upper moon"]);
/// let svg = scatter(&data)?.to_svg()?;
/// assert!(svg.contains("lower moon") && svg.contains("upper moon"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for data without rows, [`Error::ShapeMismatch`] unless
/// it has exactly two features.
pub fn scatter(data: &Dataset) -> Result<Figure> {
    check_plane_data(data, "the data")?;
    let (xr, yr) = padded_ranges(&[data], 0.08);
    let mut panel = Panel::new(xr, yr);
    panel.points = points_of(data, false);
    panel.labels = Some((
        data.feature_names()[0].clone(),
        data.feature_names()[1].clone(),
    ));
    let counts = data.class_counts();
    let names = data.class_names().clone();
    let title = format!(
        "The {} data: {} points, two classes",
        data.name(),
        data.n_samples()
    );
    let t = title.clone();
    Ok(Figure::new(title, (800, 500), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &t)?;
        let (chart, side) = split_side(&body, &theme);
        panel.draw(&chart, &theme)?;
        let (sw, _) = side.dim_in_pixel();
        let mut rows = (0..2)
            .map(|c| {
                (
                    Key::Marker {
                        class: c as u8,
                        hollow: false,
                    },
                    format!("{} (n = {})", names[c], counts[c]),
                )
            })
            .collect::<Vec<_>>();
        rows.extend(ties_note(&panel.points));
        legend(&side, &theme, (0, theme.px(1.0)), &rows, f64::from(sw))?;
        Ok(())
    }))
}

// ---------------------------------------------------------------------------
// 6. decision surface
// ---------------------------------------------------------------------------

/// The decision surface of any fitted [`Classifier`]: P(y = 1 | x) as
/// shading, the p = 0.5 boundary, the training points (filled) and test
/// points (hollow), accuracy in the corner, a legend with class names.
///
/// The grid resolution follows the figure size (about one cell per 5
/// pixels) unless set; the plotted region is the data's bounding box plus
/// `padding` (a fraction of its span, default 0.1) unless ranges are given.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 7)?;
/// let (train, test) = data.split(0.25, 7)?;
/// let model = Mlp::new().hidden_units(20).epochs(60).fit(&train)?;
/// let fig = DecisionSurface::new(&model, &train)
///     .test(&test)
///     .title("A 20-unit MLP on moons")
///     .build()?;
/// let svg = fig.to_svg()?;
/// assert!(svg.contains("A 20-unit MLP on moons"));
/// assert!(svg.contains("test"));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct DecisionSurface<'a> {
    model: &'a dyn Classifier,
    train: &'a Dataset,
    test: Option<&'a Dataset>,
    title: Option<&'a str>,
    size: FigureSize,
    resolution: Option<usize>,
    padding: f64,
    x_range: Option<(f64, f64)>,
    y_range: Option<(f64, f64)>,
}

impl std::fmt::Debug for DecisionSurface<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecisionSurface")
            .field("model", &self.model.describe())
            .field("train", &self.train.name())
            .field("size", &self.size)
            .field("resolution", &self.resolution)
            .field("padding", &self.padding)
            .finish_non_exhaustive()
    }
}

impl<'a> DecisionSurface<'a> {
    /// The surface of `model` over its training data `train`.
    pub fn new(model: &'a dyn Classifier, train: &'a Dataset) -> Self {
        DecisionSurface {
            model,
            train,
            test: None,
            title: None,
            size: FigureSize::Notebook,
            resolution: None,
            padding: 0.1,
            x_range: None,
            y_range: None,
        }
    }

    /// Test points, drawn hollow; their accuracy is shown too.
    pub fn test(mut self, test: &'a Dataset) -> Self {
        self.test = Some(test);
        self
    }

    /// The title (default: the model's description and the data's name).
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = Some(title);
        self
    }

    /// The figure size; the grid resolution follows it.
    pub fn size(mut self, size: FigureSize) -> Self {
        self.size = size;
        self
    }

    /// Grid cells across the x1 axis (2 to 1000; rows follow the plot's
    /// aspect).
    pub fn resolution(mut self, cells: usize) -> Self {
        self.resolution = Some(cells);
        self
    }

    /// Margin around the data, as a fraction of its span (0 to 5;
    /// default 0.1). Larger values zoom out.
    pub fn padding(mut self, fraction: f64) -> Self {
        self.padding = fraction;
        self
    }

    /// The plotted x1 range (overrides the padding for x1).
    pub fn x_range(mut self, low: f64, high: f64) -> Self {
        self.x_range = Some((low, high));
        self
    }

    /// The plotted x2 range (overrides the padding for x2).
    pub fn y_range(mut self, low: f64, high: f64) -> Self {
        self.y_range = Some((low, high));
        self
    }

    /// Evaluates the model on the grid and returns the figure.
    ///
    /// # Errors
    /// [`Error::Empty`] for training data without rows,
    /// [`Error::ShapeMismatch`] when the data or the model does not have
    /// two features, or the test data differs from the training data,
    /// [`Error::InvalidParameter`] for a bad size, resolution, padding or
    /// range, [`Error::NonFinite`] when the model's output is not finite.
    pub fn build(&self) -> Result<Figure> {
        check_plane_data(self.train, "the training data")?;
        if let Some(t) = self.test
            && t.n_features() != 2
        {
            return Err(Error::shape(
                "feature columns in the test data",
                2,
                t.n_features(),
            ));
        }
        if let Some(t) = self.test.filter(|t| !t.is_empty()) {
            check_drawable(t, "the test data")?;
        }
        check_model(self.model)?;
        check_padding(self.padding)?;
        self.size.validate()?;
        let (w, h) = self.size.pixels((800, 500));
        let mut sets = vec![self.train];
        sets.extend(self.test.filter(|t| !t.is_empty()));
        // ranges the caller set must be drawable; the padded data range is
        // (finite and ordered by construction)
        if let Some(r) = self.x_range {
            check_range("x_range", r)?;
        }
        if let Some(r) = self.y_range {
            check_range("y_range", r)?;
        }
        let (xr, yr) = padded_ranges(&sets, self.padding);
        let xr = self.x_range.unwrap_or(xr);
        let yr = self.y_range.unwrap_or(yr);
        let (plot_w, plot_h) = (f64::from(w) * 0.66, f64::from(h) * 0.72);
        let (nx, ny) = match self.resolution {
            Some(n) => {
                check_cells("resolution", n)?;
                (
                    n,
                    ((n as f64 * plot_h / plot_w).round() as usize).clamp(2, MAX_CELLS),
                )
            }
            None => default_cells(plot_w, plot_h),
        };
        let title = self.title.map_or_else(
            || {
                format!(
                    "Decision surface: {} on {}",
                    self.model.describe(),
                    self.train.name()
                )
            },
            str::to_string,
        );
        let panel = surface_panel(self.model, self.train, self.test, xr, yr, (nx, ny), true)?;
        let names = self.train.class_names().clone();
        let has_test = self.test.is_some_and(|t| !t.is_empty());
        Ok(full_surface_figure(title, panel, names, has_test).with_size(self.size))
    }
}

/// The decision surface of `model` with training (and optionally test)
/// points, at the notebook size; see [`DecisionSurface`] for the options.
///
/// # Errors
/// As [`DecisionSurface::build`].
pub fn decision_surface(
    model: &dyn Classifier,
    train: &Dataset,
    test: Option<&Dataset>,
) -> Result<Figure> {
    let mut s = DecisionSurface::new(model, train);
    if let Some(t) = test {
        s = s.test(t);
    }
    s.build()
}

/// The panel of a decision surface: shading, boundary, points, accuracy.
pub(crate) fn surface_panel(
    model: &dyn Classifier,
    train: &Dataset,
    test: Option<&Dataset>,
    xr: (f64, f64),
    yr: (f64, f64),
    (nx, ny): (usize, usize),
    axes: bool,
) -> Result<Panel> {
    let grid = Grid::evaluate(xr, yr, nx, ny, |x| model.predict_proba(x))?;
    let mut shading = grid.shade(&PROBABILITY_LEVELS, Some(0.5))?;
    let cell = ((xr.1 - xr.0) / nx as f64, (yr.1 - yr.0) / ny as f64);
    refine_boundary(&mut shading.lines, model, cell, (xr, yr))?;
    let mut panel = Panel::new(xr, yr);
    panel.shading = Some(shading);
    panel.colors = (0..10).map(probability_color).collect();
    panel.points = points_of(train, false);
    let mut corner = format!("train {}", percent(model.accuracy(train)?));
    if let Some(t) = test.filter(|t| !t.is_empty()) {
        panel.points.extend(points_of(t, true));
        corner.push_str(&format!("   test {}", percent(model.accuracy(t)?)));
    }
    panel.corner = Some(corner);
    if axes {
        panel.labels = Some((
            train.feature_names()[0].clone(),
            train.feature_names()[1].clone(),
        ));
    } else {
        panel.point_size = 0.38;
    }
    Ok(panel)
}

/// Halvings used to put each drawn boundary vertex on the model's z = 0.
const BOUNDARY_BISECTIONS: usize = 30;

/// Moves each vertex of the drawn p = 0.5 lines onto the model's true
/// boundary z = 0: a search across the line (one and a half cells either
/// side, along the polyline's normal) refined by bisection on the model
/// itself, all vertices at once. Interpolating between grid samples can
/// misplace the line by up to a cell where the surface is flat on one side
/// (a ReLU unit that is off, say); a straight boundary is then drawn
/// straight. A line's ends on the plot's edge move along the edge.
/// Vertices without a sign change nearby, or whose refined place would
/// leave the plot, stay where they are.
fn refine_boundary(
    lines: &mut [Vec<(f64, f64)>],
    model: &dyn Classifier,
    (dx, dy): (f64, f64),
    (xr, yr): ((f64, f64), (f64, f64)),
) -> Result<()> {
    // (line, vertex, end a, end b) with z(a) < 0 ≤ z(b) once ordered
    let mut probes: Vec<(usize, usize, Pt, Pt)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let n = line.len();
        for (vi, &(x, y)) in line.iter().enumerate() {
            let prev = line[vi.saturating_sub(1)];
            let next = line[(vi + 1).min(n - 1)];
            // the normal, in cell units so that both axes count alike
            let (tx, ty) = ((next.0 - prev.0) / dx, (next.1 - prev.1) / dy);
            let len = tx.hypot(ty);
            if len < 1e-12 {
                continue;
            }
            // across the line, or along the plot's edge for an end on it
            let eps = 1e-9 * (dx + dy);
            let (nx, ny) = if (x - xr.0).abs() < eps || (x - xr.1).abs() < eps {
                (0.0, 1.5 * dy)
            } else if (y - yr.0).abs() < eps || (y - yr.1).abs() < eps {
                (1.5 * dx, 0.0)
            } else {
                (-ty / len * 1.5 * dx, tx / len * 1.5 * dy)
            };
            probes.push((li, vi, (x - nx, y - ny), (x + nx, y + ny)));
        }
    }
    if probes.is_empty() {
        return Ok(());
    }
    let eval = |pts: &[(Pt, Pt)], pick: fn(&(Pt, Pt)) -> Pt| {
        let mut x = Array2::<f64>::zeros((pts.len(), 2));
        for (k, p) in pts.iter().enumerate() {
            let (px, py) = pick(p);
            x[[k, 0]] = px;
            x[[k, 1]] = py;
        }
        model.decision_function(&x)
    };
    let mut ends: Vec<(Pt, Pt)> = probes.iter().map(|p| (p.2, p.3)).collect();
    let za = eval(&ends, |e| e.0)?;
    let zb = eval(&ends, |e| e.1)?;
    let mut keep = Vec::with_capacity(ends.len());
    for (k, e) in ends.iter_mut().enumerate() {
        let crosses = za[k].is_finite() && zb[k].is_finite() && (za[k] >= 0.0) != (zb[k] >= 0.0);
        if crosses && za[k] >= 0.0 {
            *e = (e.1, e.0);
        }
        keep.push(crosses);
    }
    for _ in 0..BOUNDARY_BISECTIONS {
        let zm = eval(&ends, |e| (0.5 * (e.0.0 + e.1.0), 0.5 * (e.0.1 + e.1.1)))?;
        for (k, e) in ends.iter_mut().enumerate() {
            let m = (0.5 * (e.0.0 + e.1.0), 0.5 * (e.0.1 + e.1.1));
            if zm[k] >= 0.0 {
                e.1 = m;
            } else {
                e.0 = m;
            }
        }
    }
    let inside = |(x, y): (f64, f64)| x >= xr.0 && x <= xr.1 && y >= yr.0 && y <= yr.1;
    for ((&(li, vi, _, _), e), ok) in probes.iter().zip(&ends).zip(keep) {
        let p = (0.5 * (e.0.0 + e.1.0), 0.5 * (e.0.1 + e.1.1));
        if ok && inside(p) {
            lines[li][vi] = p;
        }
    }
    Ok(())
}

/// A full decision-surface figure: title, chart, side legend and colour bar.
pub(crate) fn full_surface_figure(
    title: String,
    panel: Panel,
    names: [String; 2],
    has_test: bool,
) -> Figure {
    let t = title.clone();
    Figure::new(title, (800, 500), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &t)?;
        let (chart, side) = split_side(&body, &theme);
        panel.draw(&chart, &theme)?;
        let (sw, sh) = side.dim_in_pixel();
        let mut rows = Vec::new();
        for c in 0..2u8 {
            let suffix = if has_test { " (train)" } else { "" };
            rows.push((
                Key::Marker {
                    class: c,
                    hollow: false,
                },
                format!("{}{suffix}", names[usize::from(c)]),
            ));
        }
        if has_test {
            for c in 0..2u8 {
                rows.push((
                    Key::Marker {
                        class: c,
                        hollow: true,
                    },
                    format!("{} (test)", names[usize::from(c)]),
                ));
            }
        }
        rows.extend(ties_note(&panel.points));
        let y = legend(&side, &theme, (0, theme.px(1.0)), &rows, f64::from(sw))?;
        let bar_h = (sh as i32 - y - theme.px(8.0)).min(theme.px(16.0));
        if bar_h > theme.px(5.0) {
            probability_bar(&side, &theme, (0, y + theme.px(1.5)), bar_h)?;
        }
        Ok(())
    })
}

// ---------------------------------------------------------------------------
// 10. hidden-unit gallery
// ---------------------------------------------------------------------------

/// The `k` hidden units with the largest |output weight|, strongest first
/// (ties by index).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let model = MlpModel::from_weights(
///     array![[1.0, 0.0, 2.0]], array![0.0, 0.0, 0.0], array![0.5, -3.0, 1.0], 0.0,
///     Activation::Sigmoid,
/// )?;
/// assert_eq!(strongest_hidden_units(&model, 2), vec![1, 2]);
/// # Ok(())
/// # }
/// ```
pub fn strongest_hidden_units(model: &MlpModel, k: usize) -> Vec<usize> {
    let w = model.output_weights();
    let mut idx: Vec<usize> = (0..w.len()).collect();
    idx.sort_by(|&a, &b| w[b].abs().total_cmp(&w[a].abs()).then(a.cmp(&b)));
    idx.truncate(k);
    idx
}

/// The largest number of units [`unit_order`] chooses greedily; the rest
/// follow by |output weight|.
const GREEDY_UNITS: usize = 20;

/// Hidden units in the order in which they best build the network's output
/// on `data`: start from the output with every unit held at its mean
/// activation (a constant), then repeatedly let the one unit vary that
/// lowers the cross-entropy on `data` most. The first 20 are chosen that
/// way, the others follow by |output weight|. [`partial_sum`] of the
/// first k units is the network's best approximation with k of its units.
///
/// # Errors
/// The errors of [`MlpModel::hidden_activations`] on `data`.
pub fn unit_order(model: &MlpModel, data: &Dataset) -> Result<Vec<usize>> {
    let a = model.hidden_activations(data.features())?;
    let w = model.output_weights();
    let h = model.hidden_units();
    let n = data.n_samples().max(1) as f64;
    let means: Vec<f64> = a.columns().into_iter().map(|c| c.sum() / n).collect();
    // every unit at its mean: z = b₂ + Σ w_j·m_j
    let base = model.output_bias() + (0..h).map(|j| w[j] * means[j]).sum::<f64>();
    let mut z = vec![base; data.n_samples()];
    let y = data.labels();
    // cross-entropy of the output with unit j let vary as well
    let loss_with = |z: &[f64], j: usize| -> f64 {
        z.iter()
            .zip(a.column(j))
            .zip(y)
            .map(|((&zi, &aj), &yi)| {
                let zj = zi + w[j] * (aj - means[j]);
                crate::activation::softplus(if yi == 1 { -zj } else { zj })
            })
            .sum()
    };
    let mut order = Vec::with_capacity(h);
    let mut used = vec![false; h];
    for _ in 0..GREEDY_UNITS.min(h) {
        let best = (0..h)
            .filter(|&j| !used[j])
            .map(|j| (j, loss_with(&z, j)))
            .min_by(|p, q| p.1.total_cmp(&q.1).then(p.0.cmp(&q.0)));
        let Some((j, _)) = best else { break };
        used[j] = true;
        order.push(j);
        for (zi, &aj) in z.iter_mut().zip(a.column(j)) {
            *zi += w[j] * (aj - means[j]);
        }
    }
    order.extend(
        strongest_hidden_units(model, h)
            .into_iter()
            .filter(|&j| !used[j]),
    );
    Ok(order)
}

/// The network built from its first `k` units of [`unit_order`]: the other
/// units are held at their mean activation on `data`, which moves into the
/// output bias. `k` at least the width gives the network itself.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 3)?;
/// let model = Mlp::new().hidden_units(12).epochs(60).fit(&data)?;
/// let all = partial_sum(&model, &data, 12)?;
/// assert_eq!(all.accuracy(&data)?, model.accuracy(&data)?);
/// let one = partial_sum(&model, &data, 1)?;
/// assert_eq!(one.output_weights().iter().filter(|w| **w != 0.0).count(), 1);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// The errors of [`MlpModel::hidden_activations`] on `data`.
pub fn partial_sum(model: &MlpModel, data: &Dataset, k: usize) -> Result<MlpModel> {
    let h = model.hidden_units();
    if k >= h {
        return Ok(model.clone());
    }
    let order = unit_order(model, data)?;
    let a = model.hidden_activations(data.features())?;
    let n = data.n_samples().max(1) as f64;
    let w = model.output_weights();
    let mut w_out = Array1::<f64>::zeros(h);
    let mut b_out = model.output_bias();
    for (rank, &j) in order.iter().enumerate() {
        if rank < k {
            w_out[j] = w[j];
        } else {
            b_out += w[j] * a.column(j).sum() / n;
        }
    }
    MlpModel::from_weights(
        model.hidden_weights().clone(),
        model.hidden_bias().clone(),
        w_out,
        b_out,
        model.activation(),
    )
}

/// The same network without the hidden units whose output weight is 0
/// (they add exactly nothing to z); at least one unit is kept.
fn without_silent_units(model: &MlpModel) -> Result<MlpModel> {
    let w = model.output_weights();
    let mut keep: Vec<usize> = (0..w.len()).filter(|&j| w[j] != 0.0).collect();
    if keep.len() == w.len() {
        return Ok(model.clone());
    }
    if keep.is_empty() {
        keep.push(0);
    }
    MlpModel::from_weights(
        model.hidden_weights().select(ndarray::Axis(1), &keep),
        model.hidden_bias().select(ndarray::Axis(0), &keep),
        w.select(ndarray::Axis(0), &keep),
        model.output_bias(),
        model.activation(),
    )
}

/// Hidden units whose straight lines z_k = 0 point in clearly different
/// directions, taken in [`unit_order`]: each next unit whose line is at
/// least 15° from every line already chosen. Units that are constant on
/// `data` (a "dead" ReLU unit, say) are skipped. Fewer than `k` come back
/// when the network has fewer distinct directions. A gallery of these shows
/// several directions instead of nearly parallel lines.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// // units 0 and 1 have the same line; unit 2 is at 90°; unit 3 is dead on the data
/// let model = MlpModel::from_weights(
///     array![[1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]],
///     array![0.0, 0.1, 0.0, -5.0],
///     array![3.0, 2.0, 1.0, 9.0],
///     0.0,
///     Activation::Relu,
/// )?;
/// let data = Dataset::new(array![[0.0, 0.0], [1.0, 1.0], [-1.0, 2.0]], array![0, 1, 1])?;
/// let units = distinct_hidden_units(&model, &data, 2)?;
/// assert!(units.contains(&2) && !units.contains(&3));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] unless the model has two inputs, and the errors
/// of [`MlpModel::hidden_activations`] on `data`.
pub fn distinct_hidden_units(model: &MlpModel, data: &Dataset, k: usize) -> Result<Vec<usize>> {
    check_two_inputs(model)?;
    let a = model.hidden_activations(data.features())?;
    let live: Vec<bool> = a
        .columns()
        .into_iter()
        .map(|col| {
            let (lo, hi) = col
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
                    (l.min(v), h.max(v))
                });
            hi - lo > 1e-9
        })
        .collect();
    let order: Vec<usize> = unit_order(model, data)?
        .into_iter()
        .filter(|&u| live[u])
        .collect();
    let mut chosen: Vec<usize> = Vec::with_capacity(k.min(model.hidden_units()));
    for &u in &order {
        if chosen.len() == k {
            break;
        }
        let mut far = true;
        for &c in &chosen {
            far &= line_angle_between(model, u, c)? >= MIN_LINE_ANGLE_DEG;
        }
        if far {
            chosen.push(u);
        }
    }
    Ok(chosen)
}

/// The smallest angle between two units' lines that counts as a distinct
/// direction in [`distinct_hidden_units`].
pub const MIN_LINE_ANGLE_DEG: f64 = 15.0;

/// The angle in degrees (0 to 90) between the straight lines z = 0 of two
/// hidden units `u` and `v` of a two-input model, in the input plane.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let model = MlpModel::from_weights(
///     array![[1.0, 0.0], [0.0, 1.0]], array![0.0, 0.0], array![1.0, 1.0], 0.0,
///     Activation::Sigmoid,
/// )?;
/// assert_eq!(line_angle_between(&model, 0, 1)?, 90.0);
/// assert!(line_angle_between(&model, 0, 2).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] unless the model has two inputs,
/// [`Error::InvalidParameter`] for a unit index out of range.
pub fn line_angle_between(model: &MlpModel, u: usize, v: usize) -> Result<f64> {
    check_two_inputs(model)?;
    let h = model.hidden_units();
    for (name, unit) in [("u", u), ("v", v)] {
        if unit >= h {
            return Err(Error::param(
                name,
                unit,
                &format!("a hidden unit index from 0 to {}", h - 1),
            ));
        }
    }
    let w = model.hidden_weights();
    let dir = |j: usize| w[[1, j]].atan2(w[[0, j]]).to_degrees().rem_euclid(180.0);
    let d = (dir(u) - dir(v)).abs();
    Ok(d.min(180.0 - d))
}

/// Lines in the input plane need a model with two inputs.
fn check_two_inputs(model: &MlpModel) -> Result<()> {
    if model.n_features() == 2 {
        Ok(())
    } else {
        Err(Error::shape("model inputs", 2, model.n_features()))
    }
}

/// The numbers of units the gallery sums: 1, 2, 5, 20 and all of them
/// (those below the width).
pub fn partial_sum_sizes(hidden_units: usize) -> Vec<usize> {
    let mut ks: Vec<usize> = [1, 2, 5, 20]
        .into_iter()
        .filter(|&k| k < hidden_units)
        .collect();
    ks.push(hidden_units);
    ks
}

/// Accuracy on `data` of each [`partial_sum`] of [`partial_sum_sizes`]:
/// the numbers the gallery's bottom row shows, `(k, accuracy)`.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 3)?;
/// let model = Mlp::new().hidden_units(30).epochs(60).fit(&data)?;
/// let sums = partial_sum_accuracies(&model, &data)?;
/// assert_eq!(sums.iter().map(|s| s.0).collect::<Vec<_>>(), vec![1, 2, 5, 20, 30]);
/// assert_eq!(sums.last().unwrap().1, model.accuracy(&data)?);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// The errors of [`Classifier::accuracy`].
pub fn partial_sum_accuracies(model: &MlpModel, data: &Dataset) -> Result<Vec<(usize, f64)>> {
    partial_sum_sizes(model.hidden_units())
        .into_iter()
        .map(|k| Ok((k, partial_sum(model, data, k)?.accuracy(data)?)))
        .collect()
}

/// Per-hidden-unit gallery. Top row: for each chosen unit k, its
/// activation `a_k = φ(x·w_k + b_k)` as a map over the input plane with its
/// straight line `z_k = 0`, coloured by the sign of its output weight
/// (vermillion: pushes towards class 1, blue: towards class 0); a unit that
/// is constant over the plot says so ("dead"). Bottom row: the network's
/// output built from its first 1, 2, 5, 20, … units ([`partial_sum`]: the
/// others held at their mean), with the accuracy on `data`, up to the whole
/// network: the curved boundary built from those straight lines.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 3)?;
/// let model = Mlp::new().hidden_units(10).epochs(40).fit(&data)?;
/// let units = distinct_hidden_units(&model, &data, 3)?;
/// let svg = hidden_unit_gallery(&model, &data, &units)?.to_svg()?;
/// assert!(svg.contains(&format!("unit {}", units[0])));
/// assert!(svg.contains("first 5 units") && svg.contains("all 10 units"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for no data rows or no units, [`Error::ShapeMismatch`]
/// unless data and model have two features, [`Error::InvalidParameter`]
/// for a unit index out of range or more than 8 units.
pub fn hidden_unit_gallery(model: &MlpModel, data: &Dataset, units: &[usize]) -> Result<Figure> {
    check_plane_data(data, "the data")?;
    check_model(model)?;
    if units.is_empty() {
        return Err(Error::empty("the list of hidden units", "unit index"));
    }
    if units.len() > 8 {
        return Err(Error::param("units", units.len(), "at most 8 units"));
    }
    let h = model.hidden_units();
    if let Some(&bad) = units.iter().find(|&&u| u >= h) {
        return Err(Error::param(
            "units",
            bad,
            &format!("hidden unit indices from 0 to {}", h - 1),
        ));
    }
    let sums = partial_sum_sizes(h);
    let cols = units.len().max(sums.len());
    let rows = 2;
    let (xr, yr) = padded_ranges(&[data], 0.1);
    let (nx, ny) = default_cells(900.0 / cols as f64, 700.0 / rows as f64);
    let pts = Grid::points(xr, yr, nx, ny);
    // only the drawn units, on the grid: [g, 2] · [2, u] + [u] → [g, u]
    let chosen = MlpModel::from_weights(
        model.hidden_weights().select(ndarray::Axis(1), units),
        model.hidden_bias().select(ndarray::Axis(0), units),
        model.output_weights().select(ndarray::Axis(0), units),
        model.output_bias(),
        model.activation(),
    )?;
    let z = chosen.hidden_net_input(&pts)?;
    let a = chosen.hidden_activations(&pts)?;
    // (row, column, panel, title)
    let mut placed: Vec<(usize, usize, Panel, String)> = Vec::new();
    let w_out = model.output_weights();
    for (c, &k) in units.iter().enumerate() {
        let values: Vec<f64> = a.column(c).to_vec();
        let grid = Grid::from_values(xr, yr, nx, ny, values)?;
        let (lo, hi) = grid
            .values
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
                (l.min(v), h.max(v))
            });
        let dead = hi - lo <= 1e-9;
        let levels: Vec<f64> = if dead {
            Vec::new()
        } else {
            (1..10)
                .map(|i| lo + (hi - lo) * f64::from(i) / 10.0)
                .collect()
        };
        let mut shading = grid.shade(&levels, None)?;
        let zgrid = Grid::from_values(xr, yr, nx, ny, z.column(c).to_vec())?;
        shading.lines = zgrid.shade(&[], Some(0.0))?.lines;
        let hue = if w_out[k] >= 0.0 { VERMILLION } else { BLUE };
        let mut panel = Panel::new(xr, yr);
        panel.colors = (0..10)
            .map(|b| tint(hue, 0.04 + 0.62 * f64::from(b) / 9.0))
            .collect();
        panel.shading = Some(shading);
        panel.points = points_of(data, false);
        panel.point_size = 0.28;
        panel.dashed_lines = true;
        if dead {
            panel.corner = Some(format!("constant {}: dead unit", tick(&lo)));
        }
        placed.push((
            0,
            c,
            panel,
            format!("unit {k}: w = {}", signed(w_out[k], 1)),
        ));
    }
    for (c, &k) in sums.iter().enumerate() {
        // the units held at their mean contribute nothing but the bias:
        // drawn without them, a partial sum of a wide model costs k units
        let partial = partial_sum(model, data, k)?;
        let mut p = surface_panel(
            &without_silent_units(&partial)?,
            data,
            None,
            xr,
            yr,
            (nx, ny),
            false,
        )?;
        // the accuracy of the partial sum itself, as partial_sum_accuracies says
        p.corner = Some(format!("train {}", percent(partial.accuracy(data)?)));
        p.point_size = 0.28;
        let title = if k == h {
            format!("output, all {h} units")
        } else if k == 1 {
            "output, first unit".to_string()
        } else {
            format!("output, first {k} units")
        };
        placed.push((1, c, p, title));
    }
    let title = format!(
        "{} {} units: straight lines that add up to a curve",
        h,
        model.activation()
    );
    let note = "Top: single units' outputs a_k over (x1, x2), darker = larger; dashed: each \
                unit's straight line z_k = 0; vermillion units push towards class 1, blue \
                towards class 0 (w = output weight). Bottom: P(y = 1 | x) built from k units \
                (the others held at their mean), with its accuracy, up to the whole network."
        .to_string();
    let t = title.clone();
    Ok(Figure::new(title, (1000, 620), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &t)?;
        let (bw, bh) = body.dim_in_pixel();
        let note_lines = wrap(
            &body,
            &note,
            &theme.font(Theme::SMALL),
            f64::from(bw) - theme.u * 4.0,
        )?;
        let note_h = theme.px(Theme::SMALL * 1.35) * note_lines.len() as i32 + theme.px(1.0);
        let grid_area = body.margin(0, note_h, theme.px(1.0), theme.px(1.0));
        for (i, line) in note_lines.iter().enumerate() {
            text(
                &body,
                line,
                (
                    bw as i32 / 2,
                    bh as i32 - note_h + theme.px(0.6) + i as i32 * theme.px(Theme::SMALL * 1.35),
                ),
                theme.font(Theme::SMALL).color(&MUTED),
                HPos::Center,
                VPos::Top,
            )?;
        }
        let areas = super::cells(&grid_area, rows, cols, theme.px(1.2));
        for (r, c, panel, title) in &placed {
            let cell = &areas[r * cols + c];
            let (cw, _) = cell.dim_in_pixel();
            let th = theme.px(Theme::SMALL * 1.5);
            text(
                cell,
                title,
                (cw as i32 / 2, 0),
                theme.bold(Theme::SMALL),
                HPos::Center,
                VPos::Top,
            )?;
            panel.draw(&cell.margin(th, 0, 0, 0), &theme)?;
        }
        Ok(())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_are_drawn_once_with_a_larger_marker_and_a_note() {
        let pt = |x: f64, y: f64, class: u8| Point {
            x,
            y,
            class,
            hollow: false,
        };
        let (unique, counts) = distinct_points(&[
            pt(1.0, 2.0, 0),
            pt(1.0, 2.0, 0),
            pt(-0.0, 0.0, 1),
            pt(0.0, 0.0, 1),
            pt(1.0, 2.0, 1),
        ]);
        assert_eq!(counts, vec![2, 2, 1]);
        assert_eq!(unique.len(), 3);
        let ties = crate::Dataset::new(
            ndarray::array![[4.7, 1.4], [4.7, 1.4], [4.7, 1.4], [6.0, 2.5], [5.1, 1.9]],
            ndarray::array![0, 0, 0, 1, 1],
        )
        .unwrap();
        let svg = scatter(&ties).unwrap().to_svg().unwrap();
        assert!(svg.contains("larger marker"), "the note is drawn");
        // the tied point is drawn once: one circle fewer than rows of class 0
        let plain = crate::Dataset::new(
            ndarray::array![[4.7, 1.4], [4.8, 1.4], [4.9, 1.4], [6.0, 2.5], [5.1, 1.9]],
            ndarray::array![0, 0, 0, 1, 1],
        )
        .unwrap();
        let svg_plain = scatter(&plain).unwrap().to_svg().unwrap();
        assert!(!svg_plain.contains("larger marker"));
        // two markers fewer, each a disc and its rim
        assert_eq!(
            svg_plain.matches("<circle").count() - svg.matches("<circle").count(),
            4
        );
    }

    #[test]
    fn data_near_f64_max_gets_a_finite_range_and_figures_refuse_it_by_name() {
        let m = f64::MAX;
        // padded in halves: finite and ordered (it was (−∞, ∞), and
        // plotters' tick loop never ended)
        let (lo, hi) = pad_range((-m, m), 0.08);
        assert!(lo.is_finite() && hi.is_finite() && lo < hi);
        // values closer than a millionth of their size still span a range
        let (lo, hi) = pad_range((1e16, 1e16 + 2.0), 0.08);
        assert!(hi - lo >= 1e10);
        // ordinary data keeps its exact padding (figures stay byte-identical)
        assert_eq!(pad_range((0.0, 1.0), 0.1), (-0.1, 1.1));
        let data = crate::Dataset::new(
            ndarray::array![[1e308, 0.0], [-1e308, 1.0]],
            ndarray::array![0, 1],
        )
        .unwrap();
        let err = scatter(&data).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the data's x1 = 1e308 is too large: expected values within ±1e100 to draw on a \
             figure's axes: rescale the data, for example standardise it"
        );
    }

    fn ramp(nx: usize, ny: usize) -> Grid {
        let values = (0..nx * ny)
            .map(|k| (k % nx) as f64 / (nx - 1) as f64)
            .collect();
        Grid::from_values((0.0, 1.0), (0.0, 1.0), nx, ny, values).unwrap()
    }

    #[test]
    fn boundary_of_a_ramp_is_one_vertical_line_without_border_segments() {
        let g = ramp(11, 7);
        let s = g.shade(&PROBABILITY_LEVELS, Some(0.5)).unwrap();
        assert_eq!(s.lines.len(), 1, "{:?}", s.lines);
        let line = &s.lines[0];
        assert!(line.len() >= 2);
        for &(x, _) in line {
            assert!((x - 0.5).abs() < 1e-9, "{line:?}");
        }
        // the background plus one ring per threshold
        assert_eq!(s.rings.len(), 1 + PROBABILITY_LEVELS.len());
        assert_eq!(s.rings[0].0, 0);
    }

    #[test]
    fn rings_are_drawn_largest_first() {
        let g = ramp(20, 10);
        let s = g.shade(&PROBABILITY_LEVELS, None).unwrap();
        let areas: Vec<f64> = s.rings.iter().map(|(_, r)| ring_area(r).abs()).collect();
        for w in areas.windows(2) {
            assert!(w[0] >= w[1] - 1e-9, "{areas:?}");
        }
    }

    #[test]
    fn simplify_drops_collinear_points() {
        let pts: Vec<(f64, f64)> = (0..10).map(|i| (f64::from(i), 0.0)).collect();
        assert_eq!(simplify(&pts, 0.1), vec![(0.0, 0.0), (9.0, 0.0)]);
    }
}
