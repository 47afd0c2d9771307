//! Loss and accuracy per epoch, for training and test data.

use plotters::prelude::*;

use super::contour::Pt;
use super::function_chart::function_chart;
use super::layout::cells;
use super::style::{AXIS, BLUE, VERMILLION};
use super::text::titled;
use super::theme::{Theme, line_style};
use crate::error::{Error, Result};
use crate::figure::{Figure, plot_err};
use crate::models::History;

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
    let has_test = !history.validation_loss.is_empty();
    let columns: [(&str, &Vec<f64>); 4] = [
        ("train_loss", &history.train_loss),
        ("train_accuracy", &history.train_accuracy),
        ("validation_loss", &history.validation_loss),
        ("validation_accuracy", &history.validation_accuracy),
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
            (
                "loss (cross-entropy)",
                &h.train_loss,
                &h.validation_loss,
                false,
            ),
            ("accuracy", &h.train_accuracy, &h.validation_accuracy, true),
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
}
