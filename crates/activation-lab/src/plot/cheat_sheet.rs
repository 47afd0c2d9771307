//! The activation cheat sheet as a figure, generated from the catalogue.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::layout::cells;
use super::legend::{Key, legend_sized};
use super::style::{AXIS, BLUE, GRID, GUIDE, INK, MUTED, VERMILLION};
use super::text::{text, tick, titled, wrap, wrap_formula};
use super::theme::Theme;
use crate::activation::{ActivationInfo, catalogue};
use crate::error::Result;
use crate::figure::{Area, Figure, plot_err};

/// Samples `f` on `[lo, hi]` and splits the curve where it jumps.
fn pieces(f: impl Fn(f64) -> f64, (lo, hi): (f64, f64), n: usize) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    let mut prev: Option<f64> = None;
    for i in 0..=n {
        let z = lo + (hi - lo) * i as f64 / n as f64;
        // never sample exactly at 0: the value there is drawn as a dot
        let z = if z.abs() < 1e-12 { 1e-9 } else { z };
        let v = f(z);
        if let Some(p) = prev
            && (v - p).abs() > 0.3
        {
            out.push(Vec::new());
        }
        if let Some(last) = out.last_mut() {
            last.push((z, v));
        }
        prev = Some(v);
    }
    out.retain(|p| p.len() >= 2);
    out
}

/// The cheat sheet of activation functions: one small panel per entry of
/// [`catalogue`], with its name (†: added to the article's table), formula,
/// graph of φ (solid) and φ' (dashed), and typical use. Jumps are drawn
/// with a filled dot for the value at z = 0 and open dots for the limits.
///
/// The table forms are [`cheat_sheet_markdown`](crate::activation::cheat_sheet_markdown)
/// and [`cheat_sheet_html`](crate::activation::cheat_sheet_html).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let svg = cheat_sheet()?.to_svg()?;
/// for info in catalogue() {
///     // a long name may wrap over two lines
///     for word in info.name.split(' ') {
///         assert!(svg.contains(word), "{}", info.name);
///     }
/// }
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Figure`](crate::Error::Figure) only if drawing fails.
pub fn cheat_sheet() -> Result<Figure> {
    let title = "Activation functions: a cheat sheet";
    Ok(Figure::new(title, (1200, 1000), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, title)?;
        let (w, h) = body.dim_in_pixel();
        let rows_all = catalogue();
        let n = rows_all.len() + 1;
        let cols = if f64::from(w) / f64::from(h) >= 1.5 {
            5
        } else {
            4
        };
        let rows = n.div_ceil(cols);
        let areas = cells(
            &body.margin(0, theme.px(0.8), theme.px(1.0), theme.px(1.0)),
            rows,
            cols,
            theme.px(1.2),
        );
        for (area, info) in areas.iter().zip(rows_all) {
            panel(area, &theme, info)?;
        }
        if let Some(key_area) = areas.get(rows_all.len()) {
            let (kw, _) = key_area.dim_in_pixel();
            let keys = vec![
                (
                    Key::Line {
                        color: BLUE,
                        dashed: false,
                    },
                    "φ(z), the activation".to_string(),
                ),
                (
                    Key::Line {
                        color: VERMILLION,
                        dashed: true,
                    },
                    "φ′(z), its derivative".to_string(),
                ),
                (
                    Key::Text,
                    "● value at z = 0, ○ a limit not taken".to_string(),
                ),
                (Key::Text, "† added to the article's table".to_string()),
            ];
            legend_sized(
                key_area,
                &theme,
                (theme.px(1.0), theme.px(2.0)),
                &keys,
                f64::from(kw) - theme.u * 2.0,
                1.45,
            )?;
        }
        Ok(())
    }))
}

fn panel(area: &Area<'_>, theme: &Theme, info: &ActivationInfo) -> Result<()> {
    let (w, h) = area.dim_in_pixel();
    area.draw(&Rectangle::new(
        [(0, 0), (w as i32 - 1, h as i32 - 1)],
        GRID.stroke_width(theme.w(0.1)),
    ))
    .map_err(plot_err)?;
    let inner = f64::from(w) - theme.u * 1.6;
    let x0 = theme.px(0.8);
    let mut y = theme.px(0.6);
    let name = if info.in_original_table {
        info.name.to_string()
    } else {
        format!("{} †", info.name)
    };
    let name_style = theme.bold(1.55);
    for l in wrap(area, &name, &name_style, inner)? {
        text(area, &l, (x0, y), name_style.clone(), HPos::Left, VPos::Top)?;
        y += theme.px(1.55 * 1.3);
    }
    let formula_style = theme.font(1.3);
    for l in wrap_formula(area, info.formula_text, &formula_style, inner)? {
        text(
            area,
            &l,
            (x0, y),
            formula_style.clone(),
            HPos::Left,
            VPos::Top,
        )?;
        y += theme.px(1.3 * 1.3);
    }
    let use_style = theme.oblique(1.25).color(&MUTED);
    let use_lines = wrap(area, info.typical_use, &use_style, inner)?;
    let use_h = theme.px(1.25 * 1.3) * use_lines.len() as i32;
    let bottom = h as i32 - theme.px(0.6) - use_h;
    for (i, l) in use_lines.iter().enumerate() {
        text(
            area,
            l,
            (x0, bottom + theme.px(0.3) + i as i32 * theme.px(1.25 * 1.3)),
            use_style.clone(),
            HPos::Left,
            VPos::Top,
        )?;
    }
    let plot_area = area.margin(
        y + theme.px(0.3),
        h as i32 - bottom + theme.px(0.2),
        theme.px(0.3),
        theme.px(1.2),
    );
    graph(&plot_area, theme, info)
}

fn graph(area: &Area<'_>, theme: &Theme, info: &ActivationInfo) -> Result<()> {
    let a = info.activation;
    let zr = (-3.0, 3.0);
    let f = pieces(|z| a.value(z), zr, 240);
    let d = pieces(|z| a.derivative(z), zr, 240);
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for p in f.iter().chain(&d).flatten() {
        lo = lo.min(p.1);
        hi = hi.max(p.1);
    }
    let pad = 0.1 * (hi - lo);
    let yr = (lo - pad, hi + pad);
    // as many y ticks as fit with a label's height of space between them
    // (a short panel gets three, not four crammed together)
    let (_, h) = area.dim_in_pixel();
    let plot_h = f64::from(h) - f64::from(theme.px(2.0));
    let y_ticks = ((plot_h / (theme.u * 1.15 * 2.8)) as usize).clamp(3, 4);
    let mut chart = ChartBuilder::on(area)
        .x_label_area_size(theme.px(2.0))
        .y_label_area_size(theme.px(3.2))
        .build_cartesian_2d(zr.0..zr.1, yr.0..yr.1)
        .map_err(plot_err)?;
    chart
        .configure_mesh()
        .bold_line_style(GRID.stroke_width(theme.w(0.08)))
        .light_line_style(TRANSPARENT)
        .x_labels(3)
        .y_labels(y_ticks)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .label_style(theme.font(1.15))
        .axis_style(AXIS.stroke_width(theme.w(0.08)))
        .set_all_tick_mark_size(theme.px(0.3))
        .draw()
        .map_err(plot_err)?;
    let pa = chart.plotting_area();
    let guide = GUIDE.stroke_width(theme.w(0.08));
    pa.draw(&PathElement::new(vec![(zr.0, 0.0), (zr.1, 0.0)], guide))
        .map_err(plot_err)?;
    pa.draw(&PathElement::new(vec![(0.0, yr.0), (0.0, yr.1)], guide))
        .map_err(plot_err)?;
    let dstyle = VERMILLION.stroke_width(theme.w(0.25));
    for p in d {
        pa.draw(&DashedPathElement::new(
            p,
            theme.w(0.7),
            theme.w(0.45),
            dstyle,
        ))
        .map_err(plot_err)?;
    }
    let fstyle = BLUE.stroke_width(theme.w(0.32));
    let jumps = f.len() > 1;
    for p in f {
        pa.draw(&PathElement::new(p, fstyle)).map_err(plot_err)?;
    }
    if jumps {
        let r = theme.px(0.42).max(2);
        let at0 = a.value(0.0);
        for limit in [a.value(-1e-9), a.value(1e-9)] {
            if (limit - at0).abs() > 1e-12 {
                pa.draw(
                    &(EmptyElement::at((0.0, limit))
                        + Circle::new((0, 0), r, WHITE.filled())
                        + Circle::new((0, 0), r, BLUE.stroke_width(theme.w(0.2)))),
                )
                .map_err(plot_err)?;
            }
        }
        pa.draw(&Circle::new((0.0, at0), r, INK.filled()))
            .map_err(plot_err)?;
    }
    Ok(())
}
