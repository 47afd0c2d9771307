//! Schematics drawn with plotters primitives: the logistic-regression unit
//! and the feed-forward network with 200 hidden units.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::panel::draw_arrow;
use super::style::{AXIS, BLUE, GUIDE, INK, MUTED, VERMILLION, tint};
use super::text::{text, titled};
use super::theme::Theme;
use crate::activation::sigmoid;
use crate::error::{Error, Result};
use crate::figure::{Area, Figure, plot_err};

/// `n` in Unicode subscript digits: 12 → "₁₂".
fn sub(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

/// Drawing helpers in pixel coordinates.
struct Sketch<'x, 'a> {
    area: &'x Area<'a>,
    theme: Theme,
}

impl Sketch<'_, '_> {
    fn node(
        &self,
        (x, y): (i32, i32),
        r: i32,
        label: &str,
        fill: RGBColor,
        size: f64,
    ) -> Result<()> {
        self.area
            .draw(&Circle::new((x, y), r, fill.filled()))
            .map_err(plot_err)?;
        self.area
            .draw(&Circle::new(
                (x, y),
                r,
                INK.stroke_width(self.theme.w(0.22)),
            ))
            .map_err(plot_err)?;
        text(
            self.area,
            label,
            (x, y),
            self.theme.font(size),
            HPos::Center,
            VPos::Center,
        )
    }

    fn edge(&self, p: (i32, i32), q: (i32, i32), color: RGBColor, k: f64) -> Result<()> {
        self.area
            .draw(&PathElement::new(
                vec![p, q],
                color.stroke_width(self.theme.w(k)),
            ))
            .map_err(plot_err)
    }

    fn arrow(&self, p: (i32, i32), q: (i32, i32)) -> Result<()> {
        draw_arrow(self.area, &self.theme, p, q, "")
    }

    /// Point on the segment from `p` towards `q`, `d` pixels from `p`.
    fn towards(p: (i32, i32), q: (i32, i32), d: f64) -> (i32, i32) {
        let (dx, dy) = (f64::from(q.0 - p.0), f64::from(q.1 - p.1));
        let len = (dx * dx + dy * dy).sqrt().max(1e-9);
        (
            (f64::from(p.0) + dx * d / len).round() as i32,
            (f64::from(p.1) + dy * d / len).round() as i32,
        )
    }

    /// A box with a small graph of `f` over z ∈ [−6, 6] (values in [0, 1]).
    fn graph_box(
        &self,
        (x, y): (i32, i32),
        half: (i32, i32),
        f: impl Fn(f64) -> f64,
        step: bool,
    ) -> Result<()> {
        let (hw, hh) = half;
        self.area
            .draw(&Rectangle::new(
                [(x - hw, y - hh), (x + hw, y + hh)],
                WHITE.filled(),
            ))
            .map_err(plot_err)?;
        self.area
            .draw(&Rectangle::new(
                [(x - hw, y - hh), (x + hw, y + hh)],
                INK.stroke_width(self.theme.w(0.22)),
            ))
            .map_err(plot_err)?;
        let pad = (f64::from(hw) * 0.2, f64::from(hh) * 0.25);
        let to_px = |z: f64, v: f64| {
            (
                (f64::from(x - hw) + pad.0 + (z + 6.0) / 12.0 * (2.0 * f64::from(hw) - 2.0 * pad.0))
                    .round() as i32,
                (f64::from(y + hh) - pad.1 - v * (2.0 * f64::from(hh) - 2.0 * pad.1)).round()
                    as i32,
            )
        };
        self.edge(to_px(-6.0, 0.5), to_px(6.0, 0.5), GUIDE, 0.1)?;
        self.edge(to_px(0.0, -0.1), to_px(0.0, 1.1), GUIDE, 0.1)?;
        let style = BLUE.stroke_width(self.theme.w(0.35));
        if step {
            for seg in [[(-6.0, 0.0), (0.0, 0.0)], [(0.0, 1.0), (6.0, 1.0)]] {
                self.area
                    .draw(&PathElement::new(
                        seg.iter().map(|&(z, v)| to_px(z, v)).collect::<Vec<_>>(),
                        style,
                    ))
                    .map_err(plot_err)?;
            }
            let r = self.theme.px(0.45).max(2);
            self.area
                .draw(&Circle::new(to_px(0.0, 1.0), r, BLUE.filled()))
                .map_err(plot_err)?;
            self.area
                .draw(&Circle::new(to_px(0.0, 0.0), r, WHITE.filled()))
                .map_err(plot_err)?;
            self.area
                .draw(&Circle::new(
                    to_px(0.0, 0.0),
                    r,
                    BLUE.stroke_width(self.theme.w(0.2)),
                ))
                .map_err(plot_err)?;
        } else {
            let pts: Vec<(i32, i32)> = (0..=48)
                .map(|i| {
                    let z = -6.0 + 12.0 * f64::from(i) / 48.0;
                    to_px(z, f(z))
                })
                .collect();
            self.area
                .draw(&PathElement::new(pts, style))
                .map_err(plot_err)?;
        }
        Ok(())
    }

    /// Centred lines of text starting at `y`.
    fn caption(&self, x: i32, y: i32, lines: &[&str], bold_first: bool) -> Result<()> {
        let lh = self.theme.px(Theme::SMALL * 1.35);
        for (i, l) in lines.iter().enumerate() {
            let style = if i == 0 && bold_first {
                self.theme.bold(Theme::SMALL)
            } else {
                self.theme.font(Theme::SMALL).color(&MUTED)
            };
            text(
                self.area,
                l,
                (x, y + i as i32 * lh),
                style,
                HPos::Center,
                VPos::Top,
            )?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
/// The largest hidden layer a schematic is drawn for (as for [`crate::Mlp`]).
use crate::limits::MAX_HIDDEN_UNITS;

// ---------------------------------------------------------------------------
// 4. logistic regression
// ---------------------------------------------------------------------------

/// The logistic-regression unit, as in the article: inputs 1, x₁ … xₘ →
/// weights b (on the bias unit 1), w₁ … wₘ → Σ net input z = b + x·w →
/// sigmoid σ(z) → threshold on z → ŷ (the crate's notation: the bias is `b`).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let svg = logistic_regression_schematic()?.to_svg()?;
/// assert!(svg.contains("Σ") && svg.contains("ŷ") && svg.contains("z = b + Σ wᵢxᵢ"));
/// assert!(svg.contains("1 if z ≥ 0") && !svg.contains("w₀"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Figure`] only if drawing fails.
pub fn logistic_regression_schematic() -> Result<Figure> {
    let title = "Logistic regression: weighted sum, sigmoid, threshold";
    Ok(Figure::new(title, (900, 460), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, title)?;
        let (w, h) = body.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        let s = Sketch { area: &body, theme };
        let px = |fx: f64, fy: f64| ((fx * w).round() as i32, (fy * h).round() as i32);
        let r = theme.px(2.6);
        let mid = 0.42;
        let inputs: [(&str, f64); 5] = [
            ("1", 0.08),
            ("x₁", 0.26),
            ("x₂", 0.44),
            ("⋮", 0.6),
            ("xₘ", 0.76),
        ];
        let weights = ["b", "w₁", "w₂", "", "wₘ"];
        let sum = px(0.4, mid);
        for ((label, fy), wl) in inputs.iter().zip(weights) {
            let p = px(0.09, *fy);
            if *label == "⋮" {
                text(
                    &body,
                    "⋮",
                    p,
                    theme.font(Theme::LABEL),
                    HPos::Center,
                    VPos::Center,
                )?;
                continue;
            }
            let fill = if *label == "1" {
                tint(GUIDE, 0.3)
            } else {
                WHITE
            };
            let a = Sketch::towards(p, sum, f64::from(r));
            let b = Sketch::towards(sum, p, f64::from(theme.px(3.4)));
            s.edge(a, b, AXIS, 0.18)?;
            s.node(p, r, label, fill, Theme::LABEL)?;
            let at = Sketch::towards(p, sum, f64::from(r) + 0.33 * w * 0.31);
            text(
                &body,
                wl,
                (at.0, at.1 - theme.px(1.2)),
                theme.font(Theme::TICK).color(&VERMILLION),
                HPos::Center,
                VPos::Bottom,
            )?;
        }
        s.node(sum, theme.px(3.4), "Σ", tint(SKY_LIGHT, 1.0), Theme::TITLE)?;
        let sig = px(0.6, mid);
        let step = px(0.78, mid);
        let out = px(0.94, mid);
        let half = (theme.px(5.0), theme.px(3.8));
        s.arrow((sum.0 + theme.px(3.4), sum.1), (sig.0 - half.0, sig.1))?;
        s.graph_box(sig, half, sigmoid, false)?;
        s.arrow((sig.0 + half.0, sig.1), (step.0 - half.0, step.1))?;
        s.graph_box(step, half, |z| if z >= 0.0 { 1.0 } else { 0.0 }, true)?;
        s.arrow((step.0 + half.0, step.1), (out.0 - r, out.1))?;
        s.node(out, r, "ŷ", WHITE, Theme::LABEL)?;
        let below = sum.1 + theme.px(5.2);
        s.caption(sum.0, below, &["net input", "z = b + Σ wᵢxᵢ"], true)?;
        s.caption(sig.0, below, &["sigmoid", "σ(z) = P(y = 1 | x)"], true)?;
        s.caption(
            step.0,
            below,
            &["threshold", "1 if z ≥ 0", "(σ(z) ≥ ½)"],
            true,
        )?;
        s.caption(out.0, below, &["output", "class label"], true)?;
        s.caption(
            px(0.09, 0.0).0,
            (0.86 * h) as i32,
            &["inputs", "1: bias unit"],
            true,
        )?;
        Ok(())
    }))
}

const SKY_LIGHT: RGBColor = RGBColor(214, 236, 249);

// ---------------------------------------------------------------------------
// 7. feed-forward network
// ---------------------------------------------------------------------------

/// The multilayer perceptron of the article: the bias unit 1 (the
/// article's x₀), x₁, x₂ → a hidden layer of `hidden_units` sigmoid units
/// (a few drawn, the rest elided with "⋮" and counted) → one sigmoid output
/// unit, which has a bias unit of its own → threshold on z_out → ŷ. The
/// bias units' weights are drawn as b₁ and b₂, as in the formulas
/// `a = σ(x·W₁ + b₁)` and `z_out = a·w₂ + b₂`.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let svg = mlp_schematic(200)?.to_svg()?;
/// assert!(svg.contains("200 sigmoid units") && svg.contains("a₂₀₀"));
/// assert!(svg.contains("b₁") && svg.contains("b₂") && svg.contains("1 if zₒᵤₜ ≥ 0"));
/// assert!(mlp_schematic(0).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for 0 or more than
/// 100 000 hidden units (the largest layer [`Mlp`](crate::Mlp) accepts).
pub fn mlp_schematic(hidden_units: usize) -> Result<Figure> {
    if !(1..=MAX_HIDDEN_UNITS).contains(&hidden_units) {
        return Err(Error::param(
            "hidden_units",
            hidden_units,
            &format!("a whole number from 1 to {MAX_HIDDEN_UNITS}"),
        ));
    }
    let title = format!("The MLP: inputs x₁, x₂, {hidden_units} hidden sigmoid units, 1 output");
    let t = title.clone();
    Ok(Figure::new(title, (900, 500), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &t)?;
        let (w, h) = body.dim_in_pixel();
        let (w, h) = (f64::from(w), f64::from(h));
        let s = Sketch { area: &body, theme };
        let px = |fx: f64, fy: f64| ((fx * w).round() as i32, (fy * h).round() as i32);
        let r = theme.px(2.6);
        // hidden units drawn: all when few, else 1, 2, 3, ⋮, n
        let shown: Vec<Option<usize>> = if hidden_units <= 5 {
            (1..=hidden_units).map(Some).collect()
        } else {
            vec![Some(1), Some(2), Some(3), None, Some(hidden_units)]
        };
        let (top, bottom) = (0.06, 0.74);
        let ys = |n: usize, pad: f64| -> Vec<f64> {
            (0..n)
                .map(|i| {
                    if n == 1 {
                        0.5 * (top + bottom)
                    } else {
                        top + pad + (bottom - top - 2.0 * pad) * i as f64 / (n - 1) as f64
                    }
                })
                .collect()
        };
        let inputs: Vec<(i32, i32)> = ys(3, 0.12).iter().map(|&y| px(0.08, y)).collect();
        let hidden_y = ys(shown.len(), 0.0);
        let hidden: Vec<Option<(i32, i32)>> = shown
            .iter()
            .zip(&hidden_y)
            .map(|(u, &y)| u.map(|_| px(0.38, y)))
            .collect();
        let out = px(0.62, 0.5 * (top + bottom));
        // the output unit's bias unit, between the layers
        let bias2 = px(0.5, top);
        for (i, p) in inputs.iter().enumerate() {
            // the bias unit's edges carry b₁, the others W₁
            let color = if i == 0 {
                tint(VERMILLION, 0.55)
            } else {
                GUIDE
            };
            for q in hidden.iter().flatten() {
                s.edge(
                    Sketch::towards(*p, *q, f64::from(r)),
                    Sketch::towards(*q, *p, f64::from(r)),
                    color,
                    0.12,
                )?;
            }
        }
        for q in hidden.iter().flatten() {
            s.edge(
                Sketch::towards(*q, out, f64::from(r)),
                Sketch::towards(out, *q, f64::from(r)),
                GUIDE,
                0.12,
            )?;
        }
        s.edge(
            Sketch::towards(bias2, out, f64::from(r)),
            Sketch::towards(out, bias2, f64::from(r)),
            tint(VERMILLION, 0.55),
            0.12,
        )?;
        for (i, p) in inputs.iter().enumerate() {
            let label = if i == 0 {
                "1".to_string()
            } else {
                format!("x{}", sub(i))
            };
            let fill = if i == 0 { tint(GUIDE, 0.3) } else { WHITE };
            s.node(*p, r, &label, fill, Theme::LABEL)?;
        }
        s.node(bias2, r, "1", tint(GUIDE, 0.3), Theme::LABEL)?;
        let weight_label = |at: (i32, i32), label: &str| {
            text(
                &body,
                label,
                at,
                theme.font(Theme::TICK).color(&VERMILLION),
                HPos::Center,
                VPos::Bottom,
            )
        };
        weight_label(
            (inputs[0].0 + theme.px(6.0), inputs[0].1 - theme.px(1.6)),
            "b₁",
        )?;
        // below x₂'s edges: the edges around x₁ fan out in every direction
        weight_label(
            (inputs[2].0 + theme.px(5.5), inputs[2].1 + theme.px(4.2)),
            "W₁",
        )?;
        weight_label(
            (
                (bias2.0 + out.0) / 2 + theme.px(2.0),
                (bias2.1 + out.1) / 2 - theme.px(0.8),
            ),
            "b₂",
        )?;
        weight_label(((px(0.38, 0.0).0 + out.0) / 2, out.1 + theme.px(7.5)), "w₂")?;
        for (u, (q, &y)) in shown.iter().zip(hidden.iter().zip(&hidden_y)) {
            match (u, q) {
                (Some(k), Some(q)) => s.node(
                    *q,
                    r,
                    &format!("a{}", sub(*k)),
                    tint(SKY_LIGHT, 1.0),
                    Theme::SMALL,
                )?,
                _ => {
                    let p = px(0.38, y);
                    text(
                        &body,
                        "⋮",
                        p,
                        theme.bold(Theme::LABEL),
                        HPos::Center,
                        VPos::Center,
                    )?;
                    text(
                        &body,
                        &format!("{} more", hidden_units - 4),
                        (p.0 + theme.px(2.2), p.1),
                        theme.font(Theme::SMALL).color(&MUTED),
                        HPos::Left,
                        VPos::Center,
                    )?;
                }
            }
        }
        s.node(
            out,
            r + theme.px(0.4),
            "σ",
            tint(SKY_LIGHT, 1.0),
            Theme::LABEL,
        )?;
        let step = px(0.81, 0.5 * (top + bottom));
        let half = (theme.px(4.2), theme.px(3.2));
        let yhat = px(0.94, 0.5 * (top + bottom));
        s.arrow(
            (out.0 + r + theme.px(0.4), out.1),
            (step.0 - half.0, step.1),
        )?;
        s.graph_box(step, half, |z| if z >= 0.0 { 1.0 } else { 0.0 }, true)?;
        s.arrow((step.0 + half.0, step.1), (yhat.0 - r, yhat.1))?;
        s.node(yhat, r, "ŷ", WHITE, Theme::LABEL)?;
        let below = px(0.0, bottom).1 + theme.px(3.6);
        let units = format!("{hidden_units} sigmoid units");
        s.caption(
            inputs[0].0,
            below,
            &["inputs", "x₁, x₂ and", "the bias unit 1"],
            true,
        )?;
        s.caption(
            px(0.38, 0.0).0,
            below,
            &["hidden layer", &units, "a = σ(x·W₁ + b₁)"],
            true,
        )?;
        s.caption(
            out.0,
            below,
            &["output unit", "zₒᵤₜ = a·w₂ + b₂", "σ(zₒᵤₜ) = P(y = 1 | x)"],
            true,
        )?;
        s.caption(step.0, below, &["threshold", "1 if zₒᵤₜ ≥ 0"], true)?;
        s.caption(yhat.0, below, &["output", "class label"], true)?;
        Ok(())
    }))
}
