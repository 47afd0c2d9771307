//! The update rules: gradient descent, momentum and Adam.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::settings::{check_positive, check_unit_interval};
use crate::error::{Error, Result};

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
}
