//! The per-hidden-unit gallery: single units' outputs with their straight
//! lines, and the network's output built from its first k units.

use plotters::style::text_anchor::{HPos, VPos};

use super::checks::{check_model, check_plane_data};
use super::contour::{Grid, default_cells};
use super::decision_surface::surface_panel;
use super::hidden_units::{partial_sum, partial_sum_sizes};
use super::layout::cells;
use super::panel::Panel;
use super::ranges::padded_ranges;
use super::scatter::points_of;
use super::style::{BLUE, MUTED, VERMILLION, tint};
use super::text::{fitted, percent, signed, text, tick, titled, wrap};
use super::theme::Theme;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::figure::Figure;
use crate::models::{Classifier, MlpModel};

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
    gallery(model, data, units, None)
}

/// [`hidden_unit_gallery`] with another title (for a network whose
/// boundary does not bend, where "add up to a curve" would not be true).
pub(crate) fn hidden_unit_gallery_titled(
    model: &MlpModel,
    data: &Dataset,
    units: &[usize],
    title: String,
) -> Result<Figure> {
    gallery(model, data, units, Some(title))
}

fn gallery(
    model: &MlpModel,
    data: &Dataset,
    units: &[usize],
    title: Option<String>,
) -> Result<Figure> {
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
    let title = title.unwrap_or_else(|| {
        format!(
            "{} {} units: straight lines that add up to a curve",
            h,
            model.activation()
        )
    });
    let note =
        "Top: single units' outputs aₖ over (x₁, x₂), stronger colour = larger; dashed: each \
                unit's straight line zₖ = 0; vermillion units push towards class 1, blue \
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
        let areas = cells(&grid_area, rows, cols, theme.px(1.2));
        for (r, c, panel, title) in &placed {
            let cell = &areas[r * cols + c];
            let (cw, _) = cell.dim_in_pixel();
            let th = theme.px(Theme::SMALL * 1.5);
            let style = fitted(
                cell,
                title,
                f64::from(cw) - theme.u * 0.4,
                Theme::SMALL,
                |k| theme.bold(k),
            )?;
            text(
                cell,
                title,
                (cw as i32 / 2, 0),
                style,
                HPos::Center,
                VPos::Top,
            )?;
            panel.draw(&cell.margin(th, 0, 0, 0), &theme)?;
        }
        Ok(())
    }))
}
