//! Dividing a figure's area: a grid of cells, a chart with a side panel.

use super::theme::Theme;
use crate::figure::Area;

/// Splits an area into a `rows × cols` grid of cells with gaps of `gap` px.
pub(crate) fn cells<'a>(area: &Area<'a>, rows: usize, cols: usize, gap: i32) -> Vec<Area<'a>> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let (rows_i, cols_i) = (rows as i32, cols as i32);
    let cw = (w - gap * (cols_i - 1)) / cols_i;
    let ch = (h - gap * (rows_i - 1)) / rows_i;
    let mut out = Vec::with_capacity(rows * cols);
    for r in 0..rows_i {
        for c in 0..cols_i {
            let x0 = c * (cw + gap);
            let y0 = r * (ch + gap);
            out.push(area.margin(y0, h - (y0 + ch), x0, w - (x0 + cw)));
        }
    }
    out
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
