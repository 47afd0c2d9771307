//! A fitted (or hand-set) logistic-regression model.

use std::path::Path;

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use super::unit::LinearUnit;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::files::{read_text, write};
use crate::models::checks::{check_input, loss_overflow, row_major};
use crate::models::classifier::Classifier;
use crate::models::history::History;
use crate::models::json::ModelFields;
use crate::models::settings::check_non_negative;
use crate::models::train::Network;
use crate::net_input::{check_finite_1d, check_no_overflow, stable_net_input};

/// The gradient of the logistic-regression loss.
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticGradients {
    /// ∂loss/∂w, one per weight.
    pub weights: Array1<f64>,
    /// ∂loss/∂b.
    pub bias: f64,
}

/// A fitted (or hand-set) logistic-regression model.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// // weights set by hand: class 1 above the line x2 = x1
/// let model = LogisticModel::from_weights(array![-1.0, 1.0], 0.0)?;
/// let x = array![[0.0, 1.0], [1.0, 0.0]];
/// assert_eq!(model.decision_function(&x)?, array![1.0, -1.0]); // z = b + x·w
/// assert_eq!(model.predict(&x)?, array![1, 0]);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticModel {
    pub(super) weights: Array1<f64>,
    pub(super) bias: f64,
    pub(super) history: History,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LogisticJson {
    weights: Vec<f64>,
    bias: f64,
}

impl LogisticModel {
    /// A model with the given weights (one per feature) and bias.
    ///
    /// # Errors
    /// [`Error::Empty`] for no weights, [`Error::NonFinite`] or
    /// [`Error::InvalidParameter`] for NaN or infinite numbers.
    pub fn from_weights(weights: Array1<f64>, bias: f64) -> Result<Self> {
        if weights.is_empty() {
            return Err(Error::empty("the weight vector", "weight"));
        }
        check_finite_1d("weights", &weights)?;
        if !bias.is_finite() {
            return Err(Error::param("bias", bias, "a finite number"));
        }
        Ok(LogisticModel {
            weights: row_major(weights),
            bias,
            history: History::default(),
        })
    }

    /// The weights w, one per feature.
    pub fn weights(&self) -> &Array1<f64> {
        &self.weights
    }

    /// The bias b.
    pub fn bias(&self) -> f64 {
        self.bias
    }

    /// Loss and accuracy per epoch of the training that produced the model
    /// (empty for hand-set weights).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// For two features, the decision boundary z = 0 as a line
    /// `x2 = slope·x1 + intercept`; `None` when the line is vertical (w2 = 0,
    /// or so small next to w1 or b that the slope or intercept is beyond
    /// `f64`) or the model does not have two features.
    ///
    /// ```text
    /// b + w1·x1 + w2·x2 = 0  ⇔  x2 = −(w1/w2)·x1 − b/w2
    /// ```
    pub fn boundary_line(&self) -> Option<(f64, f64)> {
        if self.weights.len() != 2 || self.weights[1] == 0.0 {
            return None;
        }
        let (w1, w2) = (self.weights[0], self.weights[1]);
        let (slope, intercept) = (-w1 / w2, -self.bias / w2);
        (slope.is_finite() && intercept.is_finite()).then_some((slope, intercept))
    }

    /// The training loss (mean cross-entropy + `l2/(2n)·Σw²`) on `data`
    /// and its gradient, by the same code that training uses.
    ///
    /// ```text
    /// ∂loss/∂w = Xᵀ(σ(z) − y)/n + (l2/n)·w,   ∂loss/∂b = mean(σ(z) − y)
    /// ```
    ///
    /// # Errors
    /// [`Error::Empty`] for no rows, [`Error::ShapeMismatch`] for the
    /// wrong number of features, [`Error::InvalidParameter`] for a negative
    /// or non-finite `l2`.
    pub fn loss_and_gradient(&self, data: &Dataset, l2: f64) -> Result<(f64, LogisticGradients)> {
        check_non_negative("l2", l2)?;
        if data.is_empty() {
            return Err(Error::empty("the data", "row"));
        }
        check_input(data.features(), self.weights.len())?;
        let net = LinearUnit::of(self);
        let mut ws = net.workspace(data.n_samples());
        let (cross_entropy, penalty, _) = net.forward_backward(
            data.features().view(),
            data.labels_f64().view(),
            l2,
            &mut ws,
        );
        let loss = cross_entropy + penalty;
        if !(loss.is_finite()
            && ws.d_bias[0].is_finite()
            && ws.d_weights.iter().all(|v| v.is_finite()))
        {
            return Err(loss_overflow(data, loss));
        }
        Ok((
            loss,
            LogisticGradients {
                weights: ws.d_weights,
                bias: ws.d_bias[0],
            },
        ))
    }

    /// The weights as JSON: `{"weights": [..], "bias": b}`.
    pub fn to_json(&self) -> String {
        let json = LogisticJson {
            weights: self.weights.to_vec(),
            bias: self.bias,
        };
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// A model from JSON of the form `{"weights": [..], "bias": b}`. A
    /// `"feature_names"` and a `"class_names"` key, which the command-line
    /// tool writes, are accepted and not used.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON or missing fields, and the
    /// errors of [`from_weights`](Self::from_weights).
    pub fn from_json(json: &str) -> Result<Self> {
        let fields = ModelFields::parse(
            json,
            &["weights", "bias", "feature_names", "class_names"],
            "{\"weights\": [w1, …, wm], \"bias\": b}",
        )?;
        let parsed = LogisticJson {
            weights: fields.get("weights", "an array of numbers, one per feature")?,
            bias: fields.get("bias", "a number")?,
        };
        Self::from_weights(Array1::from(parsed.weights), parsed.bias)
    }

    /// Writes [`to_json`](Self::to_json) to a file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be written.
    pub fn save_json(&self, path: impl AsRef<Path>) -> Result<()> {
        write(path.as_ref(), self.to_json())
    }

    /// Reads a model written by [`save_json`](Self::save_json).
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, and the errors of
    /// [`from_json`](Self::from_json).
    pub fn load_json(path: impl AsRef<Path>) -> Result<Self> {
        Self::from_json(&read_text(path.as_ref())?)
    }
}

impl Classifier for LogisticModel {
    fn n_features(&self) -> usize {
        self.weights.len()
    }

    fn decision_function(&self, x: &Array2<f64>) -> Result<Array1<f64>> {
        check_input(x, self.weights.len())?;
        // [n, d] · [d] → [n]
        let mut z = x.dot(&self.weights) + self.bias;
        for (i, zi) in z.iter_mut().enumerate() {
            if !zi.is_finite() {
                *zi = stable_net_input(x.row(i), self.weights.view(), self.bias);
            }
        }
        check_no_overflow("x", x, &z, "net input")?;
        Ok(z)
    }

    fn describe(&self) -> String {
        "logistic regression".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn rejects_inputs_with_the_wrong_number_of_features() {
        let model = LogisticModel::from_weights(array![1.0, 2.0], 0.0).unwrap();
        let err = model.predict(&array![[1.0, 2.0, 3.0]]).unwrap_err();
        assert_eq!(err.to_string(), "expected 2 feature columns, found 3");
    }

    #[test]
    fn rejects_non_finite_hand_set_weights() {
        assert!(LogisticModel::from_weights(array![f64::NAN], 0.0).is_err());
        assert!(LogisticModel::from_weights(array![1.0], f64::INFINITY).is_err());
        assert!(LogisticModel::from_weights(array![], 0.0).is_err());
    }

    #[test]
    fn predict_uses_z_at_least_zero_and_agrees_with_probability_half() {
        let model = LogisticModel::from_weights(array![1.0], 0.0).unwrap();
        let x = array![[-1.0], [0.0], [1.0]];
        assert_eq!(model.predict(&x).unwrap(), array![0, 1, 1]);
        assert_eq!(model.predict_proba(&x).unwrap()[1], 0.5);
    }

    #[test]
    fn json_round_trip_and_bad_json() {
        let model = LogisticModel::from_weights(array![0.1, -2.5], 0.3).unwrap();
        let back = LogisticModel::from_json(&model.to_json()).unwrap();
        assert_eq!(back.weights(), model.weights());
        assert_eq!(back.bias(), model.bias());
        let err = LogisticModel::from_json("{\"weights\": [1.0]}").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("model JSON: missing field `bias`"),
            "{err}"
        );
        assert!(LogisticModel::from_json("not json").is_err());
    }

    #[test]
    fn boundary_line_solves_z_equals_zero() {
        let model = LogisticModel::from_weights(array![2.0, 4.0], -8.0).unwrap();
        let (slope, intercept) = model.boundary_line().unwrap();
        let x1 = 1.5;
        let x2 = slope * x1 + intercept;
        assert!((model.decision_function(&array![[x1, x2]]).unwrap()[0]).abs() < 1e-12);
        assert!(
            LogisticModel::from_weights(array![1.0, 0.0], 0.0)
                .unwrap()
                .boundary_line()
                .is_none()
        );
    }
}
