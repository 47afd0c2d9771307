//! Legends and colour bars beside a chart.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::contour::probability_color;
use super::marker::marker;
use super::style::{AXIS, INK};
use super::text::{text, wrap};
use super::theme::Theme;
use crate::error::Result;
use crate::figure::{Area, plot_err};

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
pub(super) fn probability_bar(
    area: &Area<'_>,
    theme: &Theme,
    at: (i32, i32),
    height: i32,
) -> Result<i32> {
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
