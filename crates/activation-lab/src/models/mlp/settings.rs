//! The settings of the one-hidden-layer perceptron and its `fit`.

use super::dense::{Dense, check_training_memory};
use super::model::MlpModel;
use crate::activation::Activation;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::limits::MAX_HIDDEN_UNITS;
use crate::models::fit::{self, FitOptions, check_recording};
use crate::models::settings::{Training, training_setters};

/// Settings for training the one-hidden-layer perceptron;
/// [`fit`](Self::fit) checks them before any work and returns an
/// [`MlpModel`].
///
/// The defaults are chosen so that a first run works on moons, circles and
/// XOR: 200 sigmoid hidden units, Adam with learning rate 0.03, minibatches
/// of 32, 300 epochs, L2 = 1e-4 (scikit-learn's default `alpha`),
/// Glorot-uniform initialisation from `seed` 0, inputs standardised during
/// training (the fitted weights act on raw inputs).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = xor(400, 0.0, 3)?;
/// let model = Mlp::new().hidden_units(20).epochs(200).fit(&data)?;
/// assert!(model.accuracy(&data)? > 0.95);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp {
    hidden_units: usize,
    activation: Activation,
    training: Training,
}

impl Default for Mlp {
    fn default() -> Self {
        Mlp {
            hidden_units: Mlp::DEFAULT_HIDDEN_UNITS,
            activation: Mlp::DEFAULT_ACTIVATION,
            training: Training::MLP,
        }
    }
}

impl Mlp {
    /// Hidden units of the default network.
    pub const DEFAULT_HIDDEN_UNITS: usize = 200;

    /// Activation of the default network's hidden units.
    pub const DEFAULT_ACTIVATION: Activation = Activation::Sigmoid;

    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of hidden units the settings train.
    pub fn hidden_unit_count(&self) -> usize {
        self.hidden_units
    }

    /// The hidden units' activation the settings train.
    pub fn hidden_activation(&self) -> Activation {
        self.activation
    }

    /// Number of hidden units (1 to 100 000; default 200).
    pub fn hidden_units(mut self, hidden_units: usize) -> Self {
        self.hidden_units = hidden_units;
        self
    }

    /// Activation function of the hidden units (default sigmoid). It must
    /// be trainable: the step, threshold and sign functions have zero
    /// derivative almost everywhere.
    pub fn activation(mut self, activation: Activation) -> Self {
        self.activation = activation;
        self
    }

    training_setters!();

    /// Checks every setting against its valid range.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first bad setting.
    pub fn validate(&self) -> Result<()> {
        if self.hidden_units == 0 {
            return Err(Error::param(
                "hidden_units",
                self.hidden_units,
                "a whole number from 1 to 100000",
            ));
        }
        // per unit, for two inputs: 4 parameters (2 input weights, a bias,
        // an output weight), each with a gradient and two optimiser moments
        crate::limits::check_count(
            "hidden_units",
            self.hidden_units,
            MAX_HIDDEN_UNITS,
            "hidden units",
            4 * 4 * 8,
        )?;
        if !self.activation.is_trainable() {
            return Err(Error::param(
                "activation",
                self.activation,
                "an activation with a useful derivative (identity, sigmoid, tanh, relu, leaky_relu, elu, softplus, gelu, silu, piecewise_linear)",
            ));
        }
        self.training.validate()
    }

    /// Trains from a seeded initialisation on `train`.
    ///
    /// # Errors
    /// A bad setting ([`Error::InvalidParameter`]), empty or one-class
    /// training data ([`Error::Empty`], [`Error::SingleClass`]), or
    /// divergence ([`Error::Diverged`]).
    pub fn fit(&self, train: &Dataset) -> Result<MlpModel> {
        self.fit_with(train, FitOptions::default())
    }

    /// Trains on `train`, recording loss and accuracy on `validation` after
    /// every epoch.
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::ShapeMismatch`] when the two
    /// datasets have different numbers of features.
    pub fn fit_validated(&self, train: &Dataset, validation: &Dataset) -> Result<MlpModel> {
        self.fit_with(
            train,
            FitOptions {
                validation: Some(validation),
                ..FitOptions::default()
            },
        )
    }

    /// Continues training from `init`'s weights (its hidden-unit count and
    /// activation replace the settings').
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::ShapeMismatch`] when `init`
    /// expects a different number of features.
    pub fn fit_from(&self, init: &MlpModel, train: &Dataset) -> Result<MlpModel> {
        self.fit_with(
            train,
            FitOptions {
                init: Some(init),
                ..FitOptions::default()
            },
        )
    }

    /// Trains and returns the model together with snapshots taken every
    /// `every` epochs (epoch 0 and the last epoch included): the frames of
    /// a training animation.
    ///
    /// ```
    /// use activation_lab::prelude::*;
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = moons(200, 0.2, 0)?;
    /// let (_, frames) = Mlp::new().hidden_units(10).epochs(20).fit_recording(&data, 5)?;
    /// let epochs: Vec<usize> = frames.iter().map(|(e, _)| *e).collect();
    /// assert_eq!(epochs, vec![0, 5, 10, 15, 20]);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::InvalidParameter`] when `every`
    /// is 0.
    pub fn fit_recording(
        &self,
        train: &Dataset,
        every: usize,
    ) -> Result<(MlpModel, Vec<(usize, MlpModel)>)> {
        self.validate()?;
        let per_model = (self.hidden_units as u128) * (train.n_features() as u128 + 2) * 8 + 256;
        let what = format!(
            "{} epochs of {} hidden units",
            self.training.epochs, self.hidden_units
        );
        check_recording(every, self.training.epochs, per_model, &what)?;
        fit::fit_recording(every, |options| self.fit_with(train, options))
    }

    /// The general form of [`fit`](Self::fit).
    ///
    /// # Errors
    /// As [`fit_validated`](Self::fit_validated) and [`fit_from`](Self::fit_from).
    pub fn fit_with(&self, train: &Dataset, options: FitOptions<'_>) -> Result<MlpModel> {
        let settings = match options.init {
            Some(m) => self
                .clone()
                .hidden_units(m.hidden_units())
                .activation(m.activation()),
            None => self.clone(),
        };
        settings.validate()?;
        let (h, activation, training) = (
            settings.hidden_units,
            settings.activation,
            settings.training,
        );
        let check_size = |d: usize, n: usize| {
            let batch = training.batch_size;
            let rows = if batch == 0 || batch >= n { n } else { batch };
            check_training_memory(
                d,
                h,
                rows,
                "batch_size",
                if batch == 0 {
                    "0 (the full batch)".to_string()
                } else {
                    batch.to_string()
                },
                "train on minibatches (batch_size(32), the default) or use fewer hidden units",
            )
        };
        fit::fit(&training, train, options, check_size, |d, rng| {
            Dense::glorot(d, h, activation, rng)
        })
    }
}
