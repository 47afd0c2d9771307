//! The training settings both models share, their defaults and their
//! checks.

use super::optimizer::{Optimizer, UpdateRule};
use crate::error::{Error, Result};
use crate::limits::MAX_EPOCHS;

/// How a model is trained: the settings [`Mlp`](crate::Mlp) and
/// [`LogisticRegression`](crate::LogisticRegression) share.
///
/// Each model starts from its own defaults ([`Training::MLP`],
/// [`Training::LOGISTIC`]) and changes them with its builder methods
/// (`Mlp::new().learning_rate(0.01)`), or takes a whole `Training` with
/// `with_training`. The command-line tool prints these defaults in its
/// help.
///
/// | setting | [`Training::MLP`] | [`Training::LOGISTIC`] |
/// |---|---|---|
/// | optimizer | Adam | gradient descent |
/// | learning_rate | 0.03 | 0.1 |
/// | epochs | 300 | 200 |
/// | batch_size (0 = full batch) | 32 | 0 |
/// | l2 | 1e-4 (scikit-learn's `alpha`) | 0 |
/// | momentum, beta1, beta2, epsilon | 0.9, 0.9, 0.999, 1e-8 | the same |
/// | seed, shuffle, standardize | 0, yes, yes | the same |
///
/// ```
/// use activation_lab::prelude::*;
/// let mlp = Mlp::new().learning_rate(0.01);
/// assert_eq!(mlp.training().learning_rate, 0.01);
/// assert_eq!(mlp.training().epochs, Training::MLP.epochs);
/// assert_eq!(LogisticRegression::new().training(), &Training::LOGISTIC);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Training {
    /// The update rule.
    pub optimizer: Optimizer,
    /// Step size η, a finite number > 0.
    pub learning_rate: f64,
    /// Momentum μ in [0, 1), for [`Optimizer::Momentum`].
    pub momentum: f64,
    /// Adam's decay rate of the mean, in [0, 1).
    pub beta1: f64,
    /// Adam's decay rate of the squares, in [0, 1).
    pub beta2: f64,
    /// Adam's ε > 0.
    pub epsilon: f64,
    /// Passes over the training data, 1 to 10 000 000.
    pub epochs: usize,
    /// Rows per gradient step; 0 means the full batch.
    pub batch_size: usize,
    /// L2 strength λ ≥ 0: the loss gains `λ/(2n)·Σw²` over the weights,
    /// biases excluded (scikit-learn's `alpha`).
    pub l2: f64,
    /// Seed of the initial weights (MLP) and of the minibatch order.
    pub seed: u64,
    /// Whether minibatches are drawn in a new random order each epoch.
    pub shuffle: bool,
    /// Whether the inputs are standardised while training. The fitted
    /// weights are rewritten to act on raw inputs either way; with it on,
    /// the optimiser and the L2 penalty work in standardised coordinates,
    /// as in scikit-learn's `make_pipeline(StandardScaler(), …)`.
    pub standardize: bool,
}

impl Training {
    /// The MLP's defaults, chosen so that a first run works on moons,
    /// circles and XOR: Adam, learning rate 0.03, 300 epochs, minibatches
    /// of 32, L2 = 1e-4.
    pub const MLP: Training = Training {
        optimizer: Optimizer::Adam,
        learning_rate: 0.03,
        epochs: 300,
        batch_size: 32,
        l2: 1e-4,
        ..Training::SHARED
    };

    /// Logistic regression's defaults: full-batch gradient descent,
    /// learning rate 0.1, 200 epochs, no L2.
    pub const LOGISTIC: Training = Training {
        optimizer: Optimizer::GradientDescent,
        learning_rate: 0.1,
        epochs: 200,
        batch_size: 0,
        l2: 0.0,
        ..Training::SHARED
    };

    /// What both models' defaults have in common.
    const SHARED: Training = Training {
        optimizer: Optimizer::GradientDescent,
        learning_rate: 0.1,
        momentum: 0.9,
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
        epochs: 200,
        batch_size: 0,
        l2: 0.0,
        seed: 0,
        shuffle: true,
        standardize: true,
    };

    /// The optimiser and its constants.
    pub(crate) fn rule(&self) -> UpdateRule {
        UpdateRule {
            optimizer: self.optimizer,
            learning_rate: self.learning_rate,
            momentum: self.momentum,
            beta1: self.beta1,
            beta2: self.beta2,
            epsilon: self.epsilon,
        }
    }

    /// Checks every setting against its valid range.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first bad setting.
    pub fn validate(&self) -> Result<()> {
        self.rule().validate()?;
        check_epochs(self.epochs)?;
        check_non_negative("l2", self.l2)
    }
}

/// The builder methods of the [`Training`] settings, for a settings type
/// with a `training: Training` field (both models).
macro_rules! training_setters {
    () => {
        /// The update rule ([`Optimizer`](crate::Optimizer)).
        pub fn optimizer(mut self, optimizer: $crate::models::Optimizer) -> Self {
            self.training.optimizer = optimizer;
            self
        }

        /// Step size η (a finite number > 0).
        pub fn learning_rate(mut self, learning_rate: f64) -> Self {
            self.training.learning_rate = learning_rate;
            self
        }

        /// Momentum μ in [0, 1) for [`Optimizer::Momentum`](crate::Optimizer::Momentum) (default 0.9).
        pub fn momentum(mut self, momentum: f64) -> Self {
            self.training.momentum = momentum;
            self
        }

        /// Adam's decay rates β1 and β2, each in [0, 1) (default 0.9, 0.999).
        pub fn adam_betas(mut self, beta1: f64, beta2: f64) -> Self {
            self.training.beta1 = beta1;
            self.training.beta2 = beta2;
            self
        }

        /// Adam's ε > 0 (default 1e-8).
        pub fn adam_epsilon(mut self, epsilon: f64) -> Self {
            self.training.epsilon = epsilon;
            self
        }

        /// Number of passes over the training data (≥ 1).
        pub fn epochs(mut self, epochs: usize) -> Self {
            self.training.epochs = epochs;
            self
        }

        /// Rows per gradient step; 0 means the full batch.
        pub fn batch_size(mut self, batch_size: usize) -> Self {
            self.training.batch_size = batch_size;
            self
        }

        /// L2 strength λ ≥ 0: the loss gains `λ/(2n)·Σw²` over the
        /// weights, biases excluded (scikit-learn's `alpha`).
        pub fn l2(mut self, l2: f64) -> Self {
            self.training.l2 = l2;
            self
        }

        /// Seed of the initial weights (MLP) and of the minibatch order.
        pub fn seed(mut self, seed: u64) -> Self {
            self.training.seed = seed;
            self
        }

        /// Whether minibatches are drawn in a new random order each epoch.
        pub fn shuffle(mut self, shuffle: bool) -> Self {
            self.training.shuffle = shuffle;
            self
        }

        /// Whether to standardise the inputs while training. The fitted
        /// weights are rewritten to act on raw inputs either way; with it
        /// on, the optimiser and the L2 penalty work in standardised
        /// coordinates, as in scikit-learn's
        /// `make_pipeline(StandardScaler(), …)`.
        pub fn standardize(mut self, standardize: bool) -> Self {
            self.training.standardize = standardize;
            self
        }

        /// All the training settings at once.
        pub fn with_training(mut self, training: $crate::models::Training) -> Self {
            self.training = training;
            self
        }

        /// The training settings.
        pub fn training(&self) -> &$crate::models::Training {
            &self.training
        }
    };
}
pub(crate) use training_setters;

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

/// Epochs from 1 to [`MAX_EPOCHS`]: generous, but stops a typo like
/// `1e12` from hanging a notebook.
pub(crate) fn check_epochs(epochs: usize) -> Result<()> {
    if (1..=MAX_EPOCHS).contains(&epochs) {
        Ok(())
    } else {
        Err(Error::param(
            "epochs",
            epochs,
            &format!("a whole number from 1 to {MAX_EPOCHS}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
