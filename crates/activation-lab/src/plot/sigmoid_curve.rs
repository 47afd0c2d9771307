//! The sigmoid and its derivative; the unit step, the threshold rule and
//! the sigmoid with its 0.5 threshold.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::function_chart::{curve, dashed, dot, fitted_between, function_chart, note, sample};
use super::layout::cells;
use super::style::{BLUE, GUIDE, INK, MUTED, VERMILLION, tint};
use super::text::{text, tick, titled, wrap};
use super::theme::{Theme, line_style};
use crate::activation::{sigmoid, sigmoid_derivative};
use crate::error::Result;
use crate::figure::{Area, Figure, plot_err};

/// What [`sigmoid_curve`] draws: the sigmoid alone, or with a second
/// panel for its derivative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigmoidPanels {
    /// σ(z) only.
    SigmoidOnly,
    /// σ(z) and, beside it, σ'(z) = σ(z)(1 − σ(z)) with its maximum 0.25.
    WithDerivative,
}

/// The logistic sigmoid `σ(z) = 1 / (1 + e^(−z))` with guides at σ = 0,
/// 0.5, 1 and z = 0, and its formula; with [`SigmoidPanels::WithDerivative`],
/// a second panel shows `σ'(z) = σ(z)(1 − σ(z))` and its maximum 0.25 at
/// z = 0.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let svg = sigmoid_curve(SigmoidPanels::WithDerivative)?.to_svg()?;
/// assert!(svg.contains("σ(z) = 1 / (1 + e⁻ᶻ)"));
/// assert!(svg.contains("max 0.25"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Figure`](crate::error::Error::Figure) only if drawing fails.
pub fn sigmoid_curve(panels: SigmoidPanels) -> Result<Figure> {
    let with_derivative = panels == SigmoidPanels::WithDerivative;
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
            // above the curve, left of the z = 0 guide
            let formula = "σ(z) = 1 / (1 + e⁻ᶻ)";
            let style = fitted_between(&chart, formula, (zr.0 + 0.4, -0.4), Theme::LABEL, |k| {
                theme.font(k)
            })?;
            note(
                &chart,
                formula,
                (zr.0 + 0.4, 0.93),
                style,
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
                Some("its derivative σ′(z)"),
                zr,
                (-0.01, 0.28),
                ("net input z", "σ′(z)"),
            )?;
            dashed(&chart, vec![(zr.0, 0.25), (zr.1, 0.25)], &theme, GUIDE)?;
            dashed(&chart, vec![(0.0, -0.01), (0.0, 0.28)], &theme, GUIDE)?;
            curve(
                &mut chart,
                sample(sigmoid_derivative, zr, 200),
                line_style(VERMILLION, &theme, 0.45),
            )?;
            dot(&chart, (0.0, 0.25), VERMILLION, true, &theme)?;
            // above the 0.25 guide, left of z = 0 (the maximum's note is
            // on the right)
            let formula = "σ′(z) = σ(z)(1 − σ(z))";
            let style = fitted_between(&chart, formula, (zr.0 + 0.3, -0.4), Theme::LABEL, |k| {
                theme.font(k)
            })?;
            note(
                &chart,
                formula,
                (zr.0 + 0.3, 0.262),
                style,
                HPos::Left,
                VPos::Bottom,
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
/// [`Error::Figure`](crate::error::Error::Figure) only if drawing fails.
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
