//! The widgets whose weights the student sets: the net input, the sigmoid
//! and logistic regression over a dataset.

use ndarray::array;
use serde_json::json;

use super::reference::Reference;
use super::spec::{self, LIVE_CELLS};
use super::widget::{Widget, WidgetKind};
use crate::data::Dataset;
use crate::error::{Error, Result, short};
use crate::models::{Classifier, LogisticModel};
use crate::plot::{DecisionSurface, SigmoidPanels, net_input_map, sigmoid_curve};

/// The largest |weight| or |bias| a widget's `set()` takes (the logistic
/// widget's trained weights included).
const MAX_WEIGHT: f64 = 1e6;

/// Where the logistic widget's sliders start: w1, w2, b.
const START: [f64; 3] = [1.0, -1.0, 0.0];

/// The largest |weight| or |bias| a slider offers by default.
const SLIDER_REACH: f64 = 3.0;

/// A slider's reach: `base`, or more (a whole number) when `values` lie
/// beyond it, so that every given value can be shown.
fn reach(base: f64, values: &[f64]) -> f64 {
    values
        .iter()
        .fold(base, |r, v| r.max((v.abs() * 1.2).ceil()))
}

fn check_finite(name: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::param(name, v, "a finite number"))
    }
}

/// The net input z = b + w1·x1 + w2·x2 as a live map: sliders for w1, w2
/// and b move the shading, the line z = 0 and the weight vector w at once;
/// clicking the map shows z at that point.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let w = explore_net_input([0.5, 1.5], 0.25, (-3.0, 3.0), (-3.0, 3.0))?;
/// assert!(w.to_html().contains("data-widget=\"net-input\""));
/// assert!(explore_net_input([f64::NAN, 1.0], 0.0, (-3.0, 3.0), (-3.0, 3.0)).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// As [`net_input_map`]: a non-finite weight or bias, a range that is not
/// `(low, high)` with finite `low < high`.
pub fn explore_net_input(
    weights: [f64; 2],
    bias: f64,
    x1_range: (f64, f64),
    x2_range: (f64, f64),
) -> Result<Widget> {
    let fallback = net_input_map(weights, bias, x1_range, x2_range)?;
    let [w1, w2] = weights;
    let r = reach(SLIDER_REACH, &[w1, w2, bias]);
    let title = "The net input z = b + w₁x₁ + w₂x₂: move the weights".to_string();
    let spec = json!({
        "title": title,
        "w1": w1, "w2": w2, "b": bias,
        "reach": r,
        "max_weight": MAX_WEIGHT,
        "x": [x1_range.0, x1_range.1],
        "y": [x2_range.0, x2_range.1],
        "cells": LIVE_CELLS,
        "palette": spec::palette(),
    });
    Ok(Widget {
        kind: WidgetKind::NetInput,
        title,
        spec,
        fallback,
        reference: Reference::Formula,
    })
}

/// A point on the sigmoid: a slider for z shows σ(z), σ′(z) and the
/// predicted class, with the threshold at σ = 0.5, z = 0.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let w = explore_sigmoid(1.5)?;
/// assert_eq!(w.kind(), WidgetKind::Sigmoid);
/// assert!(explore_sigmoid(20.0).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a `z` outside −8 to 8 (the plotted
/// range).
pub fn explore_sigmoid(z: f64) -> Result<Widget> {
    if !(-8.0..=8.0).contains(&z) {
        return Err(Error::param("z", short(z), "a number from -8 to 8"));
    }
    let title = "The sigmoid σ(z) and its slope σ′(z): move z".to_string();
    let spec = json!({
        "title": title,
        "z": z,
        "range": [-8.0, 8.0],
        "palette": spec::palette(),
    });
    Ok(Widget {
        kind: WidgetKind::Sigmoid,
        title,
        spec,
        fallback: sigmoid_curve(SigmoidPanels::WithDerivative)?,
        reference: Reference::Formula,
    })
}

/// Logistic regression set by hand over `data`: sliders for w1, w2 and b
/// move the shading of P(y = 1 | x) and the straight boundary; training
/// accuracy and log-loss follow live. A button moves the sliders to
/// `trained`'s weights. The sliders start at w = (1, −1), b = 0: the line
/// x₂ = x₁, for the student to turn and shift.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = xor(200, 0.0, 1)?;
/// let w = explore_logistic(&data, &LogisticRegression::new().fit(&data)?)?;
/// assert!(w.spec_json().contains("\"trained\""));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for no rows, [`Error::ShapeMismatch`] unless `data`
/// has two feature columns and `trained` two weights,
/// [`Error::TooLarge`] for more than [`MAX_WIDGET_ROWS`] rows, values a
/// figure cannot draw, or trained weights beyond ±10⁶.
pub fn explore_logistic(data: &Dataset, trained: &LogisticModel) -> Result<Widget> {
    spec::check_data(data, "the data")?;
    check_rows(data)?;
    if trained.weights().len() != 2 {
        return Err(Error::shape(
            "weights of the trained model (one per feature)",
            2,
            trained.weights().len(),
        ));
    }
    let (tw1, tw2, tb) = (trained.weights()[0], trained.weights()[1], trained.bias());
    for (name, v) in [("trained w1", tw1), ("trained w2", tw2), ("trained b", tb)] {
        check_finite(name, v)?;
        if v.abs() > MAX_WEIGHT {
            return Err(Error::too_large(
                name,
                short(v),
                format!("a weight within ±{MAX_WEIGHT:e}, which the widget's sliders can reach"),
            ));
        }
    }
    let start = LogisticModel::from_weights(array![START[0], START[1]], START[2])?;
    let fallback_title = format!(
        "Logistic regression by hand on {}: w₁ = 1, w₂ = −1, b = 0 ({} training accuracy)",
        data.name(),
        crate::plot::text::percent(start.accuracy(data)?)
    );
    let fallback = DecisionSurface::new(&start, data)
        .title(&fallback_title)
        .build()?;
    let title = format!(
        "Logistic regression by hand on {}: find a good line",
        data.name()
    );
    let spec = json!({
        "title": title,
        "w1": START[0], "w2": START[1], "b": START[2],
        "trained": {"w1": tw1, "w2": tw2, "b": tb},
        "reach": reach(SLIDER_REACH, &[tw1, tw2]),
        "bias_reach": reach(SLIDER_REACH, &[tb]),
        "max_weight": MAX_WEIGHT,
        "range": spec::ranges(&[data]),
        "points": spec::points(data),
        "names": spec::names(data),
        "cells": LIVE_CELLS,
        "palette": spec::palette(),
    });
    Ok(Widget {
        kind: WidgetKind::Logistic,
        title,
        spec,
        fallback,
        reference: Reference::Logistic { data: data.clone() },
    })
}

/// The most rows a widget carries (its page holds every point).
pub const MAX_WIDGET_ROWS: usize = 5000;

/// [`Error::TooLarge`] above [`MAX_WIDGET_ROWS`] rows.
pub(super) fn check_rows(data: &Dataset) -> Result<()> {
    if data.n_samples() > MAX_WIDGET_ROWS {
        return Err(Error::too_large(
            "the data",
            format!("{} rows", data.n_samples()),
            format!(
                "at most {MAX_WIDGET_ROWS} rows: the page holds every point; draw a sample (Dataset::select)"
            ),
        ));
    }
    Ok(())
}
