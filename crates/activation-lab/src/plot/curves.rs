//! Function plots: the net input over the plane, the sigmoid, the step and
//! threshold rule, and training curves.

use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::surface::{Grid, Key, Panel, PanelScale, color_bar, legend, split_side};
use super::{
    AXIS, BLUE, GRID, GUIDE, INK, MUTED, Theme, VERMILLION, cells, check_finite, check_range,
    line_style, text, tick, tint, titled, wrap,
};
use crate::activation::{sigmoid, sigmoid_derivative};
use crate::error::short;
use crate::figure::{Area, Canvas, Figure, plot_err};
use crate::models::History;
use crate::{Error, Result};

type Pt = (f64, f64);

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

fn sample(f: impl Fn(f64) -> f64, (lo, hi): (f64, f64), n: usize) -> Vec<(f64, f64)> {
    (0..=n)
        .map(|i| {
            let z = lo + (hi - lo) * i as f64 / n as f64;
            (z, f(z))
        })
        .collect()
}

fn dashed(
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

fn curve(chart: &mut Chart<'_, '_>, pts: Vec<(f64, f64)>, style: ShapeStyle) -> Result<()> {
    chart
        .draw_series(std::iter::once(PathElement::new(pts, style)))
        .map_err(plot_err)?;
    Ok(())
}

/// A filled (closed) or white (open) dot at a point of a graph.
fn dot(
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

/// Text inside a chart at data coordinates.
fn note(
    chart: &Chart<'_, '_>,
    s: &str,
    at: (f64, f64),
    style: TextStyle<'static>,
    h: HPos,
    v: VPos,
) -> Result<()> {
    chart
        .plotting_area()
        .draw(&Text::new(s.to_string(), at, super::anchored(style, h, v)))
        .map_err(plot_err)
}

// ---------------------------------------------------------------------------
// 1. net input
// ---------------------------------------------------------------------------

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
    panel.labels = Some(("x1".into(), "x2".into()));
    // equal scales, so that w meets the line z = 0 at a right angle on screen
    panel.equal_aspect = true;
    let formula = format!(
        "z = {} {} x1 {} x2",
        tick(&bias),
        signed_term(w1),
        signed_term(w2)
    );
    let title = "Net input z = b + w1·x1 + w2·x2: the line z = 0 splits the plane".to_string();
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
        for line in wrap(&side, formula, &theme.font(Theme::TICK), f64::from(sw))? {
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

// ---------------------------------------------------------------------------
// 2. sigmoid
// ---------------------------------------------------------------------------

/// The logistic sigmoid `σ(z) = 1 / (1 + e^(−z))` with guides at σ = 0,
/// 0.5, 1 and z = 0, and its formula; with `with_derivative`, a second
/// panel shows `σ'(z) = σ(z)(1 − σ(z))` and its maximum 0.25 at z = 0.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let svg = sigmoid_curve(true)?.to_svg()?;
/// assert!(svg.contains("σ(z) = 1 / (1 + e^(−z))"));
/// assert!(svg.contains("max 0.25"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Figure`] only if drawing fails.
pub fn sigmoid_curve(with_derivative: bool) -> Result<Figure> {
    let title = "The logistic sigmoid squashes the net input z into (0, 1)";
    let size = if with_derivative {
        (900, 460)
    } else {
        (800, 500)
    };
    Ok(Figure::new(title, size, move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, title)?;
        let panels = if with_derivative {
            cells(&body, 1, 2, theme.px(2.0))
        } else {
            vec![body.clone()]
        };
        let zr = (-7.0, 7.0);
        {
            let mut chart = function_chart(
                &panels[0],
                &theme,
                with_derivative.then_some("σ(z)"),
                zr,
                (-0.08, 1.1),
                ("net input z", "σ(z)"),
            )?;
            for y in [0.0, 0.5, 1.0] {
                dashed(&chart, vec![(zr.0, y), (zr.1, y)], &theme, GUIDE)?;
            }
            dashed(&chart, vec![(0.0, -0.08), (0.0, 1.1)], &theme, GUIDE)?;
            curve(
                &mut chart,
                sample(sigmoid, zr, 200),
                line_style(BLUE, &theme, 0.45),
            )?;
            dot(&chart, (0.0, 0.5), BLUE, true, &theme)?;
            note(
                &chart,
                "σ(z) = 1 / (1 + e^(−z))",
                (zr.0 + 0.4, 0.93),
                theme.font(Theme::LABEL),
                HPos::Left,
                VPos::Top,
            )?;
            note(
                &chart,
                "σ(0) = 0.5",
                (0.4, 0.47),
                theme.font(Theme::TICK),
                HPos::Left,
                VPos::Top,
            )?;
        }
        if with_derivative {
            let mut chart = function_chart(
                &panels[1],
                &theme,
                Some("its derivative σ'(z)"),
                zr,
                (-0.01, 0.28),
                ("net input z", "σ'(z)"),
            )?;
            dashed(&chart, vec![(zr.0, 0.25), (zr.1, 0.25)], &theme, GUIDE)?;
            dashed(&chart, vec![(0.0, -0.01), (0.0, 0.28)], &theme, GUIDE)?;
            curve(
                &mut chart,
                sample(sigmoid_derivative, zr, 200),
                line_style(VERMILLION, &theme, 0.45),
            )?;
            dot(&chart, (0.0, 0.25), VERMILLION, true, &theme)?;
            note(
                &chart,
                "σ'(z) = σ(z)(1 − σ(z))",
                (zr.0 + 0.4, 0.2),
                theme.font(Theme::LABEL),
                HPos::Left,
                VPos::Top,
            )?;
            note(
                &chart,
                "max 0.25 at z = 0",
                (0.5, 0.262),
                theme.font(Theme::TICK),
                HPos::Left,
                VPos::Bottom,
            )?;
        }
        Ok(())
    }))
}

// ---------------------------------------------------------------------------
// 3. step and threshold
// ---------------------------------------------------------------------------

/// The unit step of the cheat sheet (0.5 at z = 0), the classifier's
/// threshold rule (1 at z = 0), each drawn with open and closed points at
/// the jump, and the sigmoid with the 0.5 threshold giving the same classes
/// as z ≥ 0.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let svg = step_and_threshold()?.to_svg()?;
/// assert!(svg.contains("Unit step") && svg.contains("σ(z) ≥ 0.5"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Figure`] only if drawing fails.
pub fn step_and_threshold() -> Result<Figure> {
    let title = "Step, threshold rule, and sigmoid + threshold";
    Ok(Figure::new(title, (1000, 460), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, title)?;
        let (bw, bh) = body.dim_in_pixel();
        let foot = "The table's unit step gives 0.5 at z = 0; the classifier's rule gives class 1 \
                    there. Filled dot: the value at z = 0; open dot: a value approached but not taken.";
        let foot_lines = wrap(
            &body,
            foot,
            &theme.font(Theme::SMALL),
            f64::from(bw) - theme.u * 4.0,
        )?;
        let line_h = theme.px(Theme::SMALL * 1.35);
        let foot_h = line_h * foot_lines.len() as i32 + theme.px(1.0);
        for (i, l) in foot_lines.iter().enumerate() {
            text(
                &body,
                l,
                (
                    bw as i32 / 2,
                    bh as i32 - foot_h + theme.px(0.5) + i as i32 * line_h,
                ),
                theme.font(Theme::SMALL).color(&MUTED),
                HPos::Center,
                VPos::Top,
            )?;
        }
        let panels = cells(&body.margin(0, foot_h, 0, 0), 1, 3, theme.px(1.5));
        let zr = (-4.0, 4.0);
        let yr = (-0.12, 1.15);
        let step_panel =
            |area: &Area<'_>, caption: &str, at_zero: f64, color: RGBColor| -> Result<()> {
                let mut chart =
                    function_chart(area, &theme, Some(caption), zr, yr, ("net input z", "φ(z)"))?;
                dashed(&chart, vec![(0.0, yr.0), (0.0, yr.1)], &theme, GUIDE)?;
                let style = line_style(color, &theme, 0.45);
                curve(&mut chart, vec![(zr.0, 0.0), (0.0, 0.0)], style)?;
                curve(&mut chart, vec![(0.0, 1.0), (zr.1, 1.0)], style)?;
                for y in [0.0, 1.0] {
                    dot(&chart, (0.0, y), color, y == at_zero, &theme)?;
                }
                if at_zero != 0.0 && at_zero != 1.0 {
                    dot(&chart, (0.0, at_zero), color, true, &theme)?;
                }
                let (y, v) = if at_zero >= 1.0 {
                    (0.9, VPos::Top)
                } else {
                    (at_zero, VPos::Center)
                };
                note(
                    &chart,
                    &format!("φ(0) = {}", tick(&at_zero)),
                    (0.35, y),
                    theme.font(Theme::TICK),
                    HPos::Left,
                    v,
                )?;
                Ok(())
            };
        step_panel(&panels[0], "Unit step (cheat sheet)", 0.5, PURPLE_DARK)?;
        step_panel(&panels[1], "Threshold rule: 1 if z ≥ 0", 1.0, INK)?;
        let mut chart = function_chart(
            &panels[2],
            &theme,
            Some("σ(z) ≥ 0.5 ⇔ z ≥ 0"),
            zr,
            yr,
            ("net input z", "σ(z)"),
        )?;
        let pa = chart.plotting_area();
        pa.draw(&Rectangle::new(
            [(zr.0, yr.0), (0.0, yr.1)],
            tint(BLUE, 0.14).filled(),
        ))
        .map_err(plot_err)?;
        pa.draw(&Rectangle::new(
            [(0.0, yr.0), (zr.1, yr.1)],
            tint(VERMILLION, 0.14).filled(),
        ))
        .map_err(plot_err)?;
        dashed(&chart, vec![(zr.0, 0.5), (zr.1, 0.5)], &theme, GUIDE)?;
        dashed(&chart, vec![(0.0, yr.0), (0.0, yr.1)], &theme, GUIDE)?;
        curve(
            &mut chart,
            sample(sigmoid, zr, 160),
            line_style(BLUE, &theme, 0.45),
        )?;
        dot(&chart, (0.0, 0.5), BLUE, true, &theme)?;
        note(
            &chart,
            "class 0",
            (-2.0, 0.82),
            theme.bold(Theme::TICK).color(&BLUE),
            HPos::Center,
            VPos::Center,
        )?;
        note(
            &chart,
            "class 1",
            (2.0, 0.18),
            theme.bold(Theme::TICK).color(&VERMILLION_DARK),
            HPos::Center,
            VPos::Center,
        )?;
        Ok(())
    }))
}

/// Darker variants for text and thin lines on white.
const PURPLE_DARK: RGBColor = RGBColor(150, 60, 120);
const VERMILLION_DARK: RGBColor = RGBColor(180, 75, 0);

// ---------------------------------------------------------------------------
// 9. training curves
// ---------------------------------------------------------------------------

/// The most epochs drawn point by point; longer runs are drawn from the
/// lowest and highest value of each of `MAX_CURVE_POINTS / 2` equal runs of
/// epochs, which keeps every spike and dip of the curve at a bounded size
/// (a 10⁷-epoch history is not 10⁷ SVG points).
const MAX_CURVE_POINTS: usize = 4001;

/// `(epoch, value)` for epochs 1, 2, …, thinned as [`MAX_CURVE_POINTS`] says.
fn curve_points(v: &[f64]) -> Vec<Pt> {
    let n = v.len();
    if n <= MAX_CURVE_POINTS {
        return v
            .iter()
            .enumerate()
            .map(|(i, &y)| ((i + 1) as f64, y))
            .collect();
    }
    let buckets = MAX_CURVE_POINTS / 2;
    let mut out = Vec::with_capacity(MAX_CURVE_POINTS);
    for b in 0..buckets {
        let (lo, hi) = (b * n / buckets, (b + 1) * n / buckets);
        let (mut imin, mut imax) = (lo, lo);
        for i in lo..hi {
            if v[i] < v[imin] {
                imin = i;
            }
            if v[i] > v[imax] {
                imax = i;
            }
        }
        for i in [imin.min(imax), imin.max(imax)] {
            if out.last().is_none_or(|p: &Pt| p.0 < (i + 1) as f64) {
                out.push(((i + 1) as f64, v[i]));
            }
        }
    }
    // the curve always reaches the last epoch
    if out.last().is_some_and(|p| p.0 < n as f64) {
        out.push((n as f64, v[n - 1]));
    }
    out
}

/// Loss and accuracy per epoch, for training (blue) and, when recorded,
/// test data (vermillion).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let (train, test) = moons(200, 0.2, 1)?.split(0.3, 1)?;
/// let model = Mlp::new().hidden_units(10).epochs(30).fit_validated(&train, &test)?;
/// let svg = training_curves(model.history())?.to_svg()?;
/// assert!(svg.contains("loss") && svg.contains("test"));
/// assert!(training_curves(&History::default()).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for a history without epochs, [`Error::ShapeMismatch`]
/// when its columns differ in length, [`Error::NonFinite`] for NaN or
/// infinite entries (a diverged run).
pub fn training_curves(history: &History) -> Result<Figure> {
    let n = history.epochs();
    if n == 0 {
        return Err(Error::empty("the training history", "epoch"));
    }
    let has_test = !history.test_loss.is_empty();
    let columns: [(&str, &Vec<f64>); 4] = [
        ("train_loss", &history.train_loss),
        ("train_accuracy", &history.train_accuracy),
        ("test_loss", &history.test_loss),
        ("test_accuracy", &history.test_accuracy),
    ];
    for (i, (name, col)) in columns.iter().enumerate() {
        if (i < 2 || has_test) && col.len() != n {
            return Err(Error::shape(
                &format!("entries in history.{name}"),
                n,
                col.len(),
            ));
        }
        if let Some(k) = col.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFinite {
                what: format!("history.{name}"),
                row: k,
                column: 0,
                value: col[k],
            });
        }
        // a loss is a cross-entropy (≥ 0, drawable); an accuracy a fraction
        let (ok, expected): (fn(f64) -> bool, String) = if name.ends_with("loss") {
            (
                |v| (0.0..=crate::limits::MAX_AXIS).contains(&v),
                format!(
                    "losses from 0 to {:e} (a cross-entropy is never negative)",
                    crate::limits::MAX_AXIS
                ),
            )
        } else {
            (
                |v| (0.0..=1.0).contains(&v),
                "accuracies from 0 to 1".to_string(),
            )
        };
        if let Some(k) = col.iter().position(|v| !ok(*v)) {
            return Err(Error::param(
                &format!("history.{name}[{k}]"),
                col[k],
                &expected,
            ));
        }
    }
    let h = history.clone();
    let title = format!("Training: loss and accuracy over {n} epochs");
    let t = title.clone();
    Ok(Figure::new(title, (900, 460), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &t)?;
        let panels = cells(&body, 1, 2, theme.px(2.0));
        let xr = (
            if n == 1 { 0.5 } else { 1.0 },
            n as f64 + if n == 1 { 0.5 } else { 0.0 },
        );
        let series = |train: &[f64], test: &[f64]| -> (Vec<Pt>, Vec<Pt>) {
            (curve_points(train), curve_points(test))
        };
        let bounds = |a: &[f64], b: &[f64]| {
            a.iter()
                .chain(b)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
                    (l.min(v), h.max(v))
                })
        };
        for (panel, (label, train, test, lower_legend)) in panels.iter().zip([
            ("loss (cross-entropy)", &h.train_loss, &h.test_loss, false),
            ("accuracy", &h.train_accuracy, &h.test_accuracy, true),
        ]) {
            let (lo, hi) = bounds(train, test);
            let pad = ((hi - lo) * 0.08).max(1e-3);
            let yr = if label == "accuracy" {
                ((lo - pad).max(0.0), (hi + pad).min(1.02))
            } else {
                ((lo - pad).max(0.0), hi + pad)
            };
            let mut chart = function_chart(panel, &theme, Some(label), xr, yr, ("epoch", label))?;
            let (tr, te) = series(train, test);
            let key_len = theme.px(3.0);
            let style = line_style(BLUE, &theme, 0.4);
            chart
                .draw_series(std::iter::once(PathElement::new(tr, style)))
                .map_err(plot_err)?
                .label("train")
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + key_len, y)], style));
            if has_test {
                // solid: dashes break up on a curve that jumps between epochs
                let style = line_style(VERMILLION, &theme, 0.3);
                chart
                    .draw_series(std::iter::once(PathElement::new(te, style)))
                    .map_err(plot_err)?
                    .label("test")
                    .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + key_len, y)], style));
            }
            chart
                .configure_series_labels()
                .position(if lower_legend {
                    SeriesLabelPosition::LowerRight
                } else {
                    SeriesLabelPosition::UpperRight
                })
                .margin(theme.px(1.0))
                .legend_area_size(theme.px(3.6))
                .label_font(theme.font(Theme::TICK))
                .background_style(WHITE.mix(0.9))
                .border_style(AXIS.stroke_width(theme.w(0.08)))
                .draw()
                .map_err(plot_err)?;
        }
        Ok(())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws the net-input map on a bitmap of `w × h` and returns its scale.
    fn drawn_scale(map: &NetInputMap, (w, h): (u32, u32)) -> PanelScale {
        crate::figure::ensure_fonts().unwrap();
        let mut buf = vec![255u8; w as usize * h as usize * 3];
        let area = Canvas::Bitmap(BitMapBackend::with_buffer(&mut buf, (w, h))).into_drawing_area();
        map.draw(&area).unwrap()
    }

    #[test]
    fn long_histories_are_drawn_from_bounded_points_that_keep_every_spike() {
        let mut v: Vec<f64> = (0..1_000_000).map(|i| 1.0 / (1.0 + i as f64)).collect();
        v[777_777] = 5.0;
        let pts = curve_points(&v);
        assert!(pts.len() <= MAX_CURVE_POINTS);
        assert!(pts.contains(&(777_778.0, 5.0)));
        assert_eq!(pts[0], (1.0, 1.0));
        assert!(pts.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(*pts.last().unwrap(), (1e6, v[999_999]));
        let flat = vec![0.5; 100_000];
        let pts = curve_points(&flat);
        assert!(pts.len() <= MAX_CURVE_POINTS / 2 + 1 && pts.last().unwrap().0 == 1e5);
        let short: Vec<f64> = vec![0.5; 10];
        assert_eq!(curve_points(&short).len(), 10);
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
