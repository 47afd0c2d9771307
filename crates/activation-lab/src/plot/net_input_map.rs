//! The net input z = b + w1·x1 + w2·x2 as a map over the plane, with the
//! line z = 0 and the weight vector.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::checks::{check_finite, check_range};
use super::contour::Grid;
use super::layout::split_side;
use super::legend::{Key, color_bar, legend};
use super::panel::{Panel, PanelScale};
use super::style::{BLUE, INK, VERMILLION, tint};
use super::text::{text, tick, titled, wrap_terms};
use super::theme::Theme;
use crate::error::{Error, Result, short};
use crate::figure::{Area, Figure};

/// A "nice" step (1, 2 or 5 × 10^k) giving about `n` intervals over `span`.
fn nice_step(span: f64, n: f64) -> f64 {
    let raw = span / n;
    let mag = 10f64.powf(raw.log10().floor());
    let r = raw / mag;
    let nice = if r < 1.5 {
        1.0
    } else if r < 3.5 {
        2.0
    } else if r < 7.5 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// The net input `z = b + w1·x1 + w2·x2` as a shaded map over the plane
/// (blue where z < 0, vermillion where z > 0), with the straight line
/// z = 0 where the classifier's prediction flips and the weight vector w,
/// which is perpendicular to it.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let fig = net_input_map([1.0, -2.0], 0.5, (-3.0, 3.0), (-3.0, 3.0))?;
/// let svg = fig.to_svg()?;
/// assert!(svg.contains("z = 0"));
/// assert!(net_input_map([f64::NAN, 1.0], 0.0, (-1.0, 1.0), (-1.0, 1.0)).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a non-finite weight or bias, or a range
/// that is not `(low, high)` with finite `low < high`.
pub fn net_input_map(
    weights: [f64; 2],
    bias: f64,
    x1_range: (f64, f64),
    x2_range: (f64, f64),
) -> Result<Figure> {
    let map = net_input_parts(weights, bias, x1_range, x2_range)?;
    Ok(Figure::new(map.title.clone(), (800, 500), move |root| {
        map.draw(root).map(|_| ())
    }))
}

/// Everything [`net_input_map`] draws, computed once.
fn net_input_parts(
    weights: [f64; 2],
    bias: f64,
    x1_range: (f64, f64),
    x2_range: (f64, f64),
) -> Result<NetInputMap> {
    check_finite("weights[0]", weights[0])?;
    check_finite("weights[1]", weights[1])?;
    check_finite("bias", bias)?;
    check_range("x1_range", x1_range)?;
    check_range("x2_range", x2_range)?;
    let [w1, w2] = weights;
    let (nx, ny) = (160, 120);
    let w = ndarray::array![w1, w2];
    let max = crate::limits::MAX_AXIS;
    let too_large = |z: f64| {
        Error::too_large(
            "the weights and bias",
            format!("({}, {}; {})", short(w1), short(w2), short(bias)),
            format!(
                "weights and bias whose net input over x1_range and x2_range stays within ±{max:e}, \
                 so that its colour bar can be drawn (here z reaches {})",
                short(z)
            ),
        )
    };
    let grid = Grid::evaluate(x1_range, x2_range, nx, ny, |x| {
        // [n, 2] · [2] → [n], without ∞ − ∞ for huge weights
        let z: ndarray::Array1<f64> = x
            .rows()
            .into_iter()
            .map(|row| crate::net_input::stable_net_input(row, w.view(), bias))
            .collect();
        match z.iter().find(|v| v.is_nan() || v.abs() > max) {
            Some(&v) => Err(too_large(v)),
            None => Ok(z),
        }
    })?;
    let (zmin, zmax) = grid
        .values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
            (l.min(v), h.max(v))
        });
    let reach = zmin.abs().max(zmax.abs()).max(1e-9);
    let step = nice_step(2.0 * reach, 10.0);
    let k = (reach / step).ceil() as i64;
    let levels: Vec<f64> = (-k + 1..k).map(|i| i as f64 * step).collect();
    let mut shading = grid.shade(&levels, Some(0.0))?;
    let mut edges = vec![-(k as f64) * step];
    edges.extend(&levels);
    edges.push(k as f64 * step);
    let colors: Vec<RGBColor> = edges
        .windows(2)
        .map(|e| {
            let mid = 0.5 * (e[0] + e[1]);
            let t = 0.06 + 0.5 * (mid.abs() / (k as f64 * step)).min(1.0);
            if mid < 0.0 {
                tint(BLUE, t)
            } else {
                tint(VERMILLION, t)
            }
        })
        .collect();
    if zmin >= 0.0 || zmax <= 0.0 {
        shading.lines.clear();
    }
    let mut panel = Panel::new(x1_range, x2_range);
    // the weight vector w, perpendicular to z = 0, from the line's point
    // nearest the centre
    let norm2 = w1 * w1 + w2 * w2;
    if norm2 > 1e-18 {
        let c = (
            0.5 * (x1_range.0 + x1_range.1),
            0.5 * (x2_range.0 + x2_range.1),
        );
        let zc = bias + w1 * c.0 + w2 * c.1;
        let p = (c.0 - zc * w1 / norm2, c.1 - zc * w2 / norm2);
        let len = 0.2 * (x1_range.1 - x1_range.0).min(x2_range.1 - x2_range.0);
        let n = norm2.sqrt();
        let q = (p.0 + len * w1 / n, p.1 + len * w2 / n);
        let inside = |q: (f64, f64)| {
            q.0 > x1_range.0 && q.0 < x1_range.1 && q.1 > x2_range.0 && q.1 < x2_range.1
        };
        if inside(p) && inside(q) {
            panel.arrow = Some((p, q, "w".to_string()));
        }
    }
    panel.colors = colors.clone();
    panel.shading = Some(shading);
    panel.labels = Some(("x₁".into(), "x₂".into()));
    // equal scales, so that w meets the line z = 0 at a right angle on screen
    panel.equal_aspect = true;
    let formula = format!(
        "z = {} {} x₁ {} x₂",
        tick(&bias),
        signed_term(w1),
        signed_term(w2)
    );
    let title = "Net input z = b + w₁x₁ + w₂x₂: the line z = 0 splits the plane".to_string();
    // ticks symmetric about z = 0, which is always labelled
    let ticks: Vec<(f64, String)> = {
        let every = (edges.len() / 5).max(1) as i64;
        edges
            .iter()
            .enumerate()
            .filter(|(i, _)| (*i as i64 - k).rem_euclid(every) == 0)
            .map(|(_, v)| (*v, tick(if v.abs() < 1e-12 { &0.0 } else { v })))
            .collect()
    };
    Ok(NetInputMap {
        title,
        panel,
        formula,
        edges,
        colors,
        ticks,
    })
}

/// The parts of [`net_input_map`]'s figure, drawn by [`NetInputMap::draw`].
struct NetInputMap {
    title: String,
    panel: Panel,
    formula: String,
    edges: Vec<f64>,
    colors: Vec<RGBColor>,
    ticks: Vec<(f64, String)>,
}

impl NetInputMap {
    /// Draws the figure; returns the map's pixels per unit on each axis.
    fn draw(&self, root: &Area<'_>) -> Result<PanelScale> {
        let NetInputMap {
            title: t,
            panel,
            formula,
            edges,
            colors,
            ticks,
        } = self;
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, t)?;
        let (chart_area, side) = split_side(&body, &theme);
        let scale = panel.draw(&chart_area, &theme)?;
        let (sw, sh) = side.dim_in_pixel();
        let mut y = theme.px(1.0);
        for line in wrap_terms(&side, formula, &theme.font(Theme::TICK), f64::from(sw))? {
            text(
                &side,
                &line,
                (0, y),
                theme.font(Theme::TICK),
                HPos::Left,
                VPos::Top,
            )?;
            y += theme.px(Theme::TICK * 1.35);
        }
        y += theme.px(0.6);
        let rows = vec![
            (
                Key::Line {
                    color: INK,
                    dashed: false,
                },
                "z = 0: the decision boundary".to_string(),
            ),
            (
                Key::Swatch(tint(VERMILLION, 0.4)),
                "z > 0: class 1".to_string(),
            ),
            (Key::Swatch(tint(BLUE, 0.4)), "z < 0: class 0".to_string()),
        ];
        y = legend(&side, &theme, (0, y), &rows, f64::from(sw))?;
        let bar_h = (sh as i32 - y - theme.px(6.0)).min(theme.px(16.0));
        if bar_h > theme.px(5.0) {
            color_bar(
                &side,
                &theme,
                (0, y + theme.px(1.0)),
                bar_h,
                "net input z",
                edges,
                colors,
                ticks,
                Some(0.0),
            )?;
        }
        Ok(scale)
    }
}

fn signed_term(w: f64) -> String {
    let s = tick(&w.abs());
    if w < 0.0 {
        format!("− {s}")
    } else {
        format!("+ {s}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::Canvas;

    /// Draws the net-input map on a bitmap of `w × h` and returns its scale.
    fn drawn_scale(map: &NetInputMap, (w, h): (u32, u32)) -> PanelScale {
        crate::figure::ensure_fonts().unwrap();
        let mut buf = vec![255u8; w as usize * h as usize * 3];
        let area = Canvas::Bitmap(BitMapBackend::with_buffer(&mut buf, (w, h))).into_drawing_area();
        map.draw(&area).unwrap()
    }

    #[test]
    fn claim_the_weight_vector_is_drawn_perpendicular_to_z_equals_zero() {
        // notebook 01's map and the exported one, at notebook and slide size
        for (weights, bias) in [([0.5, 1.5], 0.25), ([1.5, -1.0], 0.5)] {
            let map = net_input_parts(weights, bias, (-3.0, 3.0), (-3.0, 3.0)).unwrap();
            assert!(map.panel.arrow.is_some(), "the arrow w is drawn");
            for size in [(800, 500), (1920, 1080)] {
                let s = drawn_scale(&map, size);
                // w = (w1, w2) and the line's direction (−w2, w1) on screen
                let [w1, w2] = weights;
                let (ax, ay) = (w1 * s.x, w2 * s.y);
                let (lx, ly) = (-w2 * s.x, w1 * s.y);
                let cos = (ax * lx + ay * ly) / (ax.hypot(ay) * lx.hypot(ly));
                let angle = cos.acos().to_degrees();
                assert!((angle - 90.0).abs() < 0.5, "{size:?}: {angle}° ({s:?})");
            }
        }
    }

    #[test]
    fn claim_the_colour_bar_labels_zero() {
        for (weights, bias) in [([0.5, 1.5], 0.25), ([1.5, -1.0], 0.5), ([3.0, 2.0], -7.0)] {
            let map = net_input_parts(weights, bias, (-3.0, 3.0), (-3.0, 3.0)).unwrap();
            assert!(
                map.ticks.iter().any(|(v, l)| *v == 0.0 && l == "0"),
                "{:?}",
                map.ticks
            );
        }
    }
}
