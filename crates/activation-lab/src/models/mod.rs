//! The two models of the series: logistic regression (a straight decision
//! boundary) and a one-hidden-layer perceptron (a curved one).
//!
//! Both follow the same pattern: settings (checked before any work) →
//! `fit` → a fitted model. Both minimise scikit-learn's loss, so results can
//! be compared with `LogisticRegression`/`MLPClassifier` and NumPy code:
//!
//! ```text
//! loss = −(1/n) Σ_i [ y_i ln σ(z_i) + (1 − y_i) ln(1 − σ(z_i)) ]  +  l2/(2n) · Σ w²
//! ```
//!
//! where the penalty sums the weights only (biases are not penalised).

mod json;
mod kernels;
mod logistic;
mod mlp;
mod train;

pub use logistic::{LogisticGradients, LogisticModel, LogisticRegression};
pub use mlp::{FitOptions, Mlp, MlpGradients, MlpModel};

use std::fmt;
use std::str::FromStr;

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use crate::activation::sigmoid;
use crate::data::Dataset;
use crate::net_input::check_finite_2d;
use crate::{Error, Result};

/// A fitted binary classifier whose output unit computes a net input z and
/// passes it through the sigmoid.
///
/// Figures draw decision surfaces for anything that implements it: only
/// [`n_features`](Classifier::n_features) and
/// [`decision_function`](Classifier::decision_function) are required.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let model = LogisticModel::from_weights(array![1.0, -1.0], 0.0)?;
/// let x = array![[2.0, 1.0], [0.0, 3.0]];
/// assert_eq!(model.predict(&x)?, array![1, 0]);
/// assert!(model.predict_proba(&x)?[0] > 0.5);
/// # Ok(())
/// # }
/// ```
pub trait Classifier {
    /// Number of input features the model expects.
    fn n_features(&self) -> usize;

    /// The output unit's net input z for each row of `x` (`[n, d] → [n]`).
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] when `x` has the wrong number of columns,
    /// [`Error::NonFinite`] when it holds NaN or infinity.
    fn decision_function(&self, x: &Array2<f64>) -> Result<Array1<f64>>;

    /// A short description for titles and legends: "logistic regression".
    fn describe(&self) -> String {
        "classifier".to_string()
    }

    /// P(y = 1 | x) = σ(z) for each row of `x`.
    ///
    /// # Errors
    /// As [`decision_function`](Classifier::decision_function).
    fn predict_proba(&self, x: &Array2<f64>) -> Result<Array1<f64>> {
        Ok(self.decision_function(x)?.mapv(sigmoid))
    }

    /// Class labels by the threshold rule: 1 when z ≥ 0 (that is,
    /// σ(z) ≥ 0.5), else 0.
    ///
    /// # Errors
    /// As [`decision_function`](Classifier::decision_function).
    fn predict(&self, x: &Array2<f64>) -> Result<Array1<u8>> {
        Ok(self.decision_function(x)?.mapv(|z| u8::from(z >= 0.0)))
    }

    /// Fraction of the rows of `data` classified correctly.
    ///
    /// # Errors
    /// [`Error::Empty`] for a dataset without rows, and the errors of
    /// [`decision_function`](Classifier::decision_function).
    fn accuracy(&self, data: &Dataset) -> Result<f64> {
        if data.is_empty() {
            return Err(Error::empty("the data", "row"));
        }
        crate::metrics::accuracy(data.labels(), &self.predict(data.features())?)
    }

    /// Mean binary cross-entropy on `data` (without any L2 penalty),
    /// computed stably from z.
    ///
    /// # Errors
    /// [`Error::Empty`] for a dataset without rows, and the errors of
    /// [`decision_function`](Classifier::decision_function).
    fn log_loss(&self, data: &Dataset) -> Result<f64> {
        if data.is_empty() {
            return Err(Error::empty("the data", "row"));
        }
        crate::metrics::log_loss_from_logits(
            data.labels(),
            &self.decision_function(data.features())?,
        )
    }
}

/// Per-epoch record of a training run.
///
/// Every column is measured the same way: after epoch `e`'s last update,
/// on the whole data set, as the mean binary cross-entropy (no L2 penalty)
/// and the accuracy of the class rule z ≥ 0. Training and validation
/// curves therefore start at the same point in time, and the last training
/// entry is the fitted model's cross-entropy on its training data. The
/// validation columns stay empty when no validation data is given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Training loss per epoch.
    pub train_loss: Vec<f64>,
    /// Training accuracy per epoch.
    pub train_accuracy: Vec<f64>,
    /// Validation loss per epoch (empty without validation data).
    pub test_loss: Vec<f64>,
    /// Validation accuracy per epoch (empty without validation data).
    pub test_accuracy: Vec<f64>,
}

impl History {
    /// Number of epochs recorded.
    pub fn epochs(&self) -> usize {
        self.train_loss.len()
    }

    /// The last training loss, if any epoch ran.
    pub fn final_train_loss(&self) -> Option<f64> {
        self.train_loss.last().copied()
    }
}

/// How the weights are updated from the gradient.
///
/// ```text
/// gd:        w ← w − η·g
/// momentum:  v ← μ·v − η·g;  w ← w + v
/// adam:      m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²
///            w ← w − η·√(1 − β2^t)/(1 − β1^t) · m / (√v + ε)
/// ```
///
/// (Adam's step size is corrected as in scikit-learn's `AdamOptimizer`.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Optimizer {
    /// Plain gradient descent (full batch or minibatch).
    #[serde(rename = "gd")]
    GradientDescent,
    /// Gradient descent with classical momentum.
    Momentum,
    /// Adam (Kingma & Ba, 2015).
    Adam,
}

impl Optimizer {
    /// Every optimiser, in the order of increasing sophistication.
    pub const ALL: [Optimizer; 3] = [
        Optimizer::GradientDescent,
        Optimizer::Momentum,
        Optimizer::Adam,
    ];

    /// The short name used by the command-line tool: "gd", "momentum", "adam".
    pub fn key(self) -> &'static str {
        match self {
            Optimizer::GradientDescent => "gd",
            Optimizer::Momentum => "momentum",
            Optimizer::Adam => "adam",
        }
    }
}

impl fmt::Display for Optimizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Optimizer {
    type Err = Error;

    /// Parses "gd" (also "sgd", "gradient_descent"), "momentum" or "adam".
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any other name.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "gd" | "sgd" | "gradient_descent" => Ok(Optimizer::GradientDescent),
            "momentum" => Ok(Optimizer::Momentum),
            "adam" => Ok(Optimizer::Adam),
            _ => Err(Error::UnknownName {
                kind: "optimizer".into(),
                name: s.to_string(),
                expected: "gd, momentum, adam".into(),
            }),
        }
    }
}

/// Hyperparameters of the update rule, shared by both models.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UpdateRule {
    pub optimizer: Optimizer,
    pub learning_rate: f64,
    pub momentum: f64,
    pub beta1: f64,
    pub beta2: f64,
    pub epsilon: f64,
}

/// Optimiser state for one parameter group (a contiguous slice).
#[derive(Debug, Clone)]
pub(crate) struct SlotState {
    first: Vec<f64>,
    second: Vec<f64>,
}

impl SlotState {
    pub fn new(len: usize, rule: &UpdateRule) -> Self {
        let second_len = if rule.optimizer == Optimizer::Adam {
            len
        } else {
            0
        };
        let first_len = if rule.optimizer == Optimizer::GradientDescent {
            0
        } else {
            len
        };
        SlotState {
            first: vec![0.0; first_len],
            second: vec![0.0; second_len],
        }
    }
}

impl UpdateRule {
    /// Applies one update to `param` from `grad`; `t` is the 1-based step.
    pub fn step(&self, param: &mut [f64], grad: &[f64], state: &mut SlotState, t: u64) {
        let lr = self.learning_rate;
        match self.optimizer {
            Optimizer::GradientDescent => {
                for (p, g) in param.iter_mut().zip(grad) {
                    *p -= lr * g;
                }
            }
            Optimizer::Momentum => {
                let mu = self.momentum;
                for ((p, g), v) in param.iter_mut().zip(grad).zip(state.first.iter_mut()) {
                    *v = mu * *v - lr * g;
                    *p += *v;
                }
            }
            Optimizer::Adam => {
                let (b1, b2) = (self.beta1, self.beta2);
                let t = t.min(i32::MAX as u64) as i32;
                let lr_t = lr * (1.0 - b2.powi(t)).sqrt() / (1.0 - b1.powi(t));
                let eps = self.epsilon;
                for (((p, g), m), v) in param
                    .iter_mut()
                    .zip(grad)
                    .zip(state.first.iter_mut())
                    .zip(state.second.iter_mut())
                {
                    *m = b1 * *m + (1.0 - b1) * g;
                    *v = b2 * *v + (1.0 - b2) * g * g;
                    *p -= lr_t * *m / (v.sqrt() + eps);
                }
            }
        }
    }

    /// Checks every number against its valid range.
    pub fn validate(&self) -> Result<()> {
        check_positive("learning_rate", self.learning_rate)?;
        match self.optimizer {
            Optimizer::GradientDescent => {}
            Optimizer::Momentum => check_unit_interval("momentum", self.momentum)?,
            Optimizer::Adam => {
                check_unit_interval("beta1", self.beta1)?;
                check_unit_interval("beta2", self.beta2)?;
                check_positive("epsilon", self.epsilon)?;
            }
        }
        Ok(())
    }
}

pub(crate) fn check_positive(name: &str, v: f64) -> Result<()> {
    if v.is_finite() && v > 0.0 {
        Ok(())
    } else {
        Err(Error::param(name, v, "a finite number > 0"))
    }
}

pub(crate) fn check_non_negative(name: &str, v: f64) -> Result<()> {
    if v.is_finite() && v >= 0.0 {
        Ok(())
    } else {
        Err(Error::param(name, v, "a finite number ≥ 0"))
    }
}

pub(crate) fn check_unit_interval(name: &str, v: f64) -> Result<()> {
    if v.is_finite() && (0.0..1.0).contains(&v) {
        Ok(())
    } else {
        Err(Error::param(name, v, "a number in [0, 1)"))
    }
}

/// Checks that `x` has `n_features` columns and only finite values.
/// [`Error::TooLarge`] for a loss or gradient that overflows on finite
/// data: names the data by its largest feature.
pub(crate) fn loss_overflow(data: &Dataset, loss: f64) -> Error {
    let largest = data.features().iter().fold(0.0f64, |m, v| m.max(v.abs()));
    Error::too_large(
        "the data",
        format!("features up to ±{}", crate::error::short(largest)),
        format!(
            "data on which the loss and its gradient stay finite at these weights (the loss is {}): \
             rescale the features, for example standardise them",
            crate::error::short(loss)
        ),
    )
}

pub(crate) fn check_input(x: &Array2<f64>, n_features: usize) -> Result<()> {
    if x.ncols() != n_features {
        return Err(Error::shape("feature columns", n_features, x.ncols()));
    }
    check_finite_2d("x (the features)", x)
}

/// Checks a validation set against the training set's feature count.
pub(crate) fn check_validation(validation: Option<&Dataset>, n_features: usize) -> Result<()> {
    if let Some(v) = validation
        && v.n_features() != n_features
    {
        return Err(Error::shape(
            "feature columns in the validation data",
            n_features,
            v.n_features(),
        ));
    }
    Ok(())
}

/// The upper bound on epochs: generous, but stops a typo like `1e12` from
/// hanging a notebook.
pub(crate) use crate::limits::MAX_EPOCHS;

pub(crate) fn check_epochs(epochs: usize) -> Result<()> {
    if (1..=MAX_EPOCHS).contains(&epochs) {
        Ok(())
    } else {
        Err(Error::param(
            "epochs",
            epochs,
            "a whole number from 1 to 10000000",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optimizer_names_round_trip_and_unknown_names_are_rejected() {
        for o in Optimizer::ALL {
            assert_eq!(o.key().parse::<Optimizer>().unwrap(), o);
        }
        assert_eq!(
            "SGD".parse::<Optimizer>().unwrap(),
            Optimizer::GradientDescent
        );
        let err = "rmsprop".parse::<Optimizer>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown optimizer \"rmsprop\": expected one of gd, momentum, adam"
        );
    }

    #[test]
    fn adam_first_step_moves_each_weight_by_about_the_learning_rate() {
        let rule = UpdateRule {
            optimizer: Optimizer::Adam,
            learning_rate: 0.01,
            momentum: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        };
        let mut p = vec![1.0, -1.0];
        let mut state = SlotState::new(2, &rule);
        rule.step(&mut p, &[3.0, -0.5], &mut state, 1);
        assert!(
            (p[0] - 0.99).abs() < 1e-6 && (p[1] + 0.99).abs() < 1e-6,
            "{p:?}"
        );
    }

    #[test]
    fn momentum_accumulates_velocity() {
        let rule = UpdateRule {
            optimizer: Optimizer::Momentum,
            learning_rate: 0.1,
            momentum: 0.5,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        };
        let mut p = vec![0.0];
        let mut state = SlotState::new(1, &rule);
        rule.step(&mut p, &[1.0], &mut state, 1); // v = −0.1
        rule.step(&mut p, &[1.0], &mut state, 2); // v = −0.05 − 0.1
        assert!((p[0] + 0.25).abs() < 1e-15);
    }

    #[test]
    fn rejects_out_of_range_update_settings() {
        let mut rule = UpdateRule {
            optimizer: Optimizer::Adam,
            learning_rate: 0.0,
            momentum: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        };
        assert_eq!(
            rule.validate().unwrap_err().to_string(),
            "invalid learning_rate = 0: expected a finite number > 0"
        );
        rule.learning_rate = 0.1;
        rule.beta2 = 1.0;
        assert_eq!(
            rule.validate().unwrap_err().to_string(),
            "invalid beta2 = 1: expected a number in [0, 1)"
        );
        rule.beta2 = 0.999;
        rule.epsilon = -1.0;
        assert!(rule.validate().is_err());
        rule.optimizer = Optimizer::Momentum;
        rule.momentum = f64::NAN;
        assert!(rule.validate().is_err());
    }

    #[test]
    fn rejects_zero_and_absurd_epoch_counts() {
        assert!(check_epochs(0).is_err());
        assert!(check_epochs(MAX_EPOCHS + 1).is_err());
        assert!(check_epochs(1).is_ok());
    }
}
