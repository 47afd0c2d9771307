//! Grids of a function's values over the input plane and their contour
//! shading.
//!
//! Shading is made of filled contour polygons from the `contour` crate (a
//! few dozen paths, not one rectangle per grid cell), so a slide-size SVG
//! stays small; the p = 0.5 boundary is the isoline at 0.5.

use contour::ContourBuilder;
use ndarray::{Array1, Array2};
use plotters::prelude::*;

use super::style::{BLUE, VERMILLION, tint};
use crate::error::{Error, Result, short};
use crate::figure::plot_err;

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

pub(super) fn check_cells(name: &str, n: usize) -> Result<()> {
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

/// Grid cells across a plot `plot_px` pixels wide (about one per 5 px,
/// 24 to 320), and down a plot of the given aspect.
pub(crate) fn default_cells(plot_w_px: f64, plot_h_px: f64) -> (usize, usize) {
    let nx = (plot_w_px / 5.0).round().clamp(24.0, 320.0);
    let ny = (nx * plot_h_px / plot_w_px.max(1.0))
        .round()
        .clamp(16.0, 320.0);
    (nx as usize, ny as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

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
