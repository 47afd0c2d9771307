//! The multilayer perceptron of the article: one hidden layer of (by
//! default) 200 logistic sigmoid units and one sigmoid output unit,
//! followed by the unit step.
//!
//! ```text
//! z_hidden = x·W1 + b1          [n, d] · [d, h] → [n, h]
//! a_hidden = φ(z_hidden)        φ = sigmoid by default
//! z_out    = a_hidden·w2 + b2   [n, h] · [h] → [n]
//! a_out    = σ(z_out) = P(y = 1 | x),   ŷ = 1 if z_out ≥ 0
//! ```
//!
//! With φ = identity the two layers collapse into one linear map,
//! `w2ᵀ(W1ᵀx + b1) + b2 = wᵀx + b`, and the boundary is a straight line
//! again: the activation function is what bends it.

use std::path::Path;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, s};
use rand::Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::kernels::{self, Grads, Params, RowBuffers};
use super::logistic::{read_text, write_text};
use super::train::{
    self, GroupVisitor, LoopSettings, Network, sum_of_squares, weights_to_raw,
    weights_to_standardized,
};
use super::{
    Classifier, History, Optimizer, UpdateRule, check_epochs, check_input, check_non_negative,
    check_validation,
};
use crate::activation::Activation;
use crate::data::{Dataset, Standardizer};
use crate::net_input::{
    check_finite_1d, check_finite_2d, check_no_overflow, overflow, stable_net_input,
};
use crate::{Error, Result};

/// Rows per parallel task when evaluating many inputs (decision surfaces).
const PARALLEL_BLOCK: usize = 2048;

/// The largest hidden layer accepted (guards against typos like `2e9`).
pub use crate::limits::MAX_HIDDEN_UNITS;

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
    optimizer: Optimizer,
    learning_rate: f64,
    momentum: f64,
    beta1: f64,
    beta2: f64,
    epsilon: f64,
    epochs: usize,
    batch_size: usize,
    l2: f64,
    seed: u64,
    shuffle: bool,
    standardize: bool,
}

impl Default for Mlp {
    fn default() -> Self {
        Mlp {
            hidden_units: 200,
            activation: Activation::Sigmoid,
            optimizer: Optimizer::Adam,
            learning_rate: 0.03,
            momentum: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            epochs: 300,
            batch_size: 32,
            l2: 1e-4,
            seed: 0,
            shuffle: true,
            standardize: true,
        }
    }
}

/// Options for [`Mlp::fit_with`]: validation data, starting weights, and an
/// observer called every `observe_every` epochs.
#[derive(Default)]
pub struct FitOptions<'a> {
    /// Data on which loss and accuracy are recorded after every epoch.
    pub validation: Option<&'a Dataset>,
    /// Weights to start from instead of a seeded initialisation.
    pub init: Option<&'a MlpModel>,
    /// Call the observer every this many epochs (0 = never); it is also
    /// called for the starting weights (epoch 0) and the last epoch.
    pub observe_every: usize,
    /// Receives `(epoch, model so far)`; the model acts on raw inputs.
    #[allow(clippy::type_complexity)]
    pub observer: Option<&'a mut dyn FnMut(usize, &MlpModel)>,
}

impl Mlp {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
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

    /// The update rule (default Adam).
    pub fn optimizer(mut self, optimizer: Optimizer) -> Self {
        self.optimizer = optimizer;
        self
    }

    /// Step size η (a finite number > 0).
    pub fn learning_rate(mut self, learning_rate: f64) -> Self {
        self.learning_rate = learning_rate;
        self
    }

    /// Momentum μ in [0, 1) for [`Optimizer::Momentum`] (default 0.9).
    pub fn momentum(mut self, momentum: f64) -> Self {
        self.momentum = momentum;
        self
    }

    /// Adam's decay rates β1 and β2, each in [0, 1) (default 0.9, 0.999).
    pub fn adam_betas(mut self, beta1: f64, beta2: f64) -> Self {
        self.beta1 = beta1;
        self.beta2 = beta2;
        self
    }

    /// Adam's ε > 0 (default 1e-8).
    pub fn adam_epsilon(mut self, epsilon: f64) -> Self {
        self.epsilon = epsilon;
        self
    }

    /// Number of passes over the training data (≥ 1).
    pub fn epochs(mut self, epochs: usize) -> Self {
        self.epochs = epochs;
        self
    }

    /// Rows per gradient step; 0 means the full batch.
    pub fn batch_size(mut self, batch_size: usize) -> Self {
        self.batch_size = batch_size;
        self
    }

    /// L2 strength λ ≥ 0: the loss gains `λ/(2n)·Σw²` over both weight
    /// matrices, biases excluded (scikit-learn's `alpha`).
    pub fn l2(mut self, l2: f64) -> Self {
        self.l2 = l2;
        self
    }

    /// Seed of the initial weights and the minibatch order.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Whether minibatches are drawn in a new random order each epoch.
    pub fn shuffle(mut self, shuffle: bool) -> Self {
        self.shuffle = shuffle;
        self
    }

    /// Whether to standardise the inputs while training. The fitted
    /// weights are rewritten to act on raw inputs either way; with it on,
    /// the optimiser and the L2 penalty work in standardised coordinates,
    /// as in scikit-learn's `make_pipeline(StandardScaler(), MLPClassifier())`.
    pub fn standardize(mut self, standardize: bool) -> Self {
        self.standardize = standardize;
        self
    }

    fn rule(&self) -> UpdateRule {
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
        self.rule().validate()?;
        check_epochs(self.epochs)?;
        check_non_negative("l2", self.l2)
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
        if every == 0 {
            return Err(Error::param("every", every, "a whole number ≥ 1"));
        }
        self.validate()?;
        // one model kept per `every` epochs, plus the first and the last
        let snapshots = (self.epochs / every) as u128 + 2;
        let per_model = (self.hidden_units as u128) * (train.n_features() as u128 + 2) * 8 + 256;
        let budget = u128::from(crate::limits::MEMORY_BUDGET);
        if snapshots * per_model > budget {
            let fits = (budget / per_model).saturating_sub(2).max(1);
            let least = (self.epochs as u128).div_ceil(fits);
            return Err(Error::param(
                "every",
                every,
                &format!(
                    "at least {least} for {} epochs of {} hidden units: every {every} epochs \
                     records {snapshots} models, about {} of memory, more than the {} a call may use",
                    self.epochs,
                    self.hidden_units,
                    crate::limits::bytes(snapshots * per_model),
                    crate::limits::bytes(budget)
                ),
            ));
        }
        let mut frames = Vec::new();
        let mut record = |epoch: usize, model: &MlpModel| frames.push((epoch, model.clone()));
        let model = self.fit_with(
            train,
            FitOptions {
                observe_every: every,
                observer: Some(&mut record),
                ..FitOptions::default()
            },
        )?;
        Ok((model, frames))
    }

    /// The general form of [`fit`](Self::fit).
    ///
    /// # Errors
    /// As [`fit_validated`](Self::fit_validated) and [`fit_from`](Self::fit_from).
    pub fn fit_with(&self, train: &Dataset, options: FitOptions<'_>) -> Result<MlpModel> {
        let FitOptions {
            validation,
            init,
            observe_every,
            mut observer,
        } = options;
        let settings = match init {
            Some(m) => self
                .clone()
                .hidden_units(m.hidden_units())
                .activation(m.activation),
            None => self.clone(),
        };
        settings.validate()?;
        train.check_trainable("the training data")?;
        let d = train.n_features();
        check_validation(validation, d)?;
        if let Some(m) = init
            && m.n_features() != d
        {
            return Err(Error::shape(
                "feature rows in the starting model's hidden_weights",
                d,
                m.n_features(),
            ));
        }

        let n = train.n_samples();
        let rows = if settings.batch_size == 0 || settings.batch_size >= n {
            n
        } else {
            settings.batch_size
        };
        check_training_memory(
            d,
            settings.hidden_units,
            rows,
            "batch_size",
            if settings.batch_size == 0 {
                "0 (the full batch)".to_string()
            } else {
                settings.batch_size.to_string()
            },
            "train on minibatches (batch_size(32), the default) or use fewer hidden units",
        )?;

        // standardise (or not); starting weights follow the inputs
        let scaler = if settings.standardize {
            Some(Standardizer::fit_dataset(train)?)
        } else {
            None
        };
        let scale = |x: &Array2<f64>| -> Result<Array2<f64>> {
            match &scaler {
                Some(s) => s.transform(x),
                None => Ok(x.clone()),
            }
        };
        let x = scale(train.features())?;
        let xv = match validation {
            Some(v) => Some((scale(v.features())?, v.labels().clone())),
            None => None,
        };

        let mut rng = crate::rng::seeded(settings.seed);
        let mut net = match init {
            Some(m) => {
                let mut net = Dense::from_model(m);
                if let Some(s) = &scaler {
                    weights_to_standardized(&mut net.w1, &mut net.b1, s);
                }
                net
            }
            None => Dense::glorot(d, settings.hidden_units, settings.activation, &mut rng),
        };
        let to_model = |net: &Dense| {
            let mut m = net.to_model();
            if let Some(s) = &scaler {
                weights_to_raw(&mut m.hidden_weights, &mut m.hidden_bias, s);
            }
            m
        };

        let loop_settings = LoopSettings {
            rule: settings.rule(),
            epochs: settings.epochs,
            batch_size: settings.batch_size,
            shuffle: settings.shuffle,
            l2: settings.l2,
        };
        if let (Some(f), true) = (observer.as_mut(), observe_every > 0) {
            f(0, &to_model(&net));
        }
        let last = settings.epochs;
        let mut observe = |epoch: usize, net: &Dense| {
            if let Some(f) = observer.as_mut()
                && observe_every > 0
                && (epoch.is_multiple_of(observe_every) || epoch == last)
            {
                f(epoch, &to_model(net));
            }
        };
        let history = train::train(
            &mut net,
            &x,
            train.labels(),
            xv.as_ref().map(|(x, y)| (x, y)),
            &loop_settings,
            &mut rng,
            &mut observe,
        )?;
        let mut model = to_model(&net);
        model.history = history;
        Ok(model)
    }
}

/// The gradient of the MLP loss, one field per parameter group.
#[derive(Debug, Clone, PartialEq)]
pub struct MlpGradients {
    /// ∂loss/∂W1, `[n_features, hidden_units]`.
    pub hidden_weights: Array2<f64>,
    /// ∂loss/∂b1, `[hidden_units]`.
    pub hidden_bias: Array1<f64>,
    /// ∂loss/∂w2, `[hidden_units]`.
    pub output_weights: Array1<f64>,
    /// ∂loss/∂b2.
    pub output_bias: f64,
}

/// A fitted (or hand-set) one-hidden-layer perceptron.
///
/// Its weights save to and load from JSON in the shape the command-line
/// tool uses:
///
/// ```text
/// {"hidden_weights": [[…hidden_units…] × n_features], "hidden_bias": [hidden_units],
///  "output_weights": [hidden_units], "output_bias": b2, "activation": "sigmoid"}
/// ```
///
/// (`activation` is optional and defaults to `"sigmoid"`.)
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// // two hidden units by hand: "x1 > 0" and "x1 < 0"
/// let model = MlpModel::from_weights(
///     array![[10.0, -10.0]], array![0.0, 0.0], array![5.0, 5.0], -2.0, Activation::Sigmoid)?;
/// let back = MlpModel::from_json(&model.to_json())?;
/// assert_eq!(back.hidden_weights(), model.hidden_weights());
/// assert_eq!(model.hidden_activations(&array![[0.0]])?, array![[0.5, 0.5]]);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MlpModel {
    hidden_weights: Array2<f64>,
    hidden_bias: Array1<f64>,
    output_weights: Array1<f64>,
    output_bias: f64,
    activation: Activation,
    history: History,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MlpJson {
    hidden_weights: Vec<Vec<f64>>,
    hidden_bias: Vec<f64>,
    output_weights: Vec<f64>,
    output_bias: f64,
    #[serde(default = "default_activation")]
    activation: Activation,
}

fn default_activation() -> Activation {
    Activation::Sigmoid
}

impl MlpModel {
    /// A model from explicit weights.
    ///
    /// # Errors
    /// [`Error::Empty`] for no features or no hidden units,
    /// [`Error::ShapeMismatch`] when the four parts disagree on the number
    /// of hidden units, [`Error::NonFinite`] for NaN or infinite weights.
    pub fn from_weights(
        hidden_weights: Array2<f64>,
        hidden_bias: Array1<f64>,
        output_weights: Array1<f64>,
        output_bias: f64,
        activation: Activation,
    ) -> Result<Self> {
        let (d, h) = hidden_weights.dim();
        if d == 0 {
            return Err(Error::empty("hidden_weights", "row (one per feature)"));
        }
        if h == 0 {
            return Err(Error::empty(
                "hidden_weights",
                "column (one per hidden unit)",
            ));
        }
        if hidden_bias.len() != h {
            return Err(Error::shape(
                "hidden_bias entries (one per hidden unit)",
                h,
                hidden_bias.len(),
            ));
        }
        if output_weights.len() != h {
            return Err(Error::shape(
                "output_weights entries (one per hidden unit)",
                h,
                output_weights.len(),
            ));
        }
        check_finite_2d("hidden_weights", &hidden_weights)?;
        check_finite_1d("hidden_bias", &hidden_bias)?;
        check_finite_1d("output_weights", &output_weights)?;
        if !output_bias.is_finite() {
            return Err(Error::param("output_bias", output_bias, "a finite number"));
        }
        Ok(MlpModel {
            // contiguous copies: the training kernels work on slices
            hidden_weights: hidden_weights.as_standard_layout().into_owned(),
            hidden_bias: hidden_bias.as_standard_layout().into_owned(),
            output_weights: output_weights.as_standard_layout().into_owned(),
            output_bias,
            activation,
            history: History::default(),
        })
    }

    /// W1, `[n_features, hidden_units]`.
    pub fn hidden_weights(&self) -> &Array2<f64> {
        &self.hidden_weights
    }

    /// b1, `[hidden_units]`.
    pub fn hidden_bias(&self) -> &Array1<f64> {
        &self.hidden_bias
    }

    /// w2, `[hidden_units]`.
    pub fn output_weights(&self) -> &Array1<f64> {
        &self.output_weights
    }

    /// b2.
    pub fn output_bias(&self) -> f64 {
        self.output_bias
    }

    /// The hidden units' activation function.
    pub fn activation(&self) -> Activation {
        self.activation
    }

    /// Number of hidden units.
    pub fn hidden_units(&self) -> usize {
        self.hidden_bias.len()
    }

    /// Loss and accuracy per epoch of the training that produced the model.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The hidden units' net inputs `z_hidden = x·W1 + b1`, `[n, h]`.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] for the wrong number of columns,
    /// [`Error::NonFinite`] for NaN or infinite inputs.
    pub fn hidden_net_input(&self, x: &Array2<f64>) -> Result<Array2<f64>> {
        check_input(x, self.n_features())?;
        // n × h values, a few copies while computing
        crate::limits::check_memory(
            "x",
            format!("{} rows", x.nrows()),
            (x.nrows() as u128) * (self.hidden_units() as u128) * 16,
            &format!("the hidden layer's {} values per row", self.hidden_units()),
            "ask for fewer rows at a time",
        )?;
        // [n, d] · [d, h] → [n, h]
        let mut z = x.dot(&self.hidden_weights) + &self.hidden_bias;
        for (i, mut row) in z.rows_mut().into_iter().enumerate() {
            for (j, v) in row.iter_mut().enumerate() {
                if !v.is_finite() {
                    *v = stable_net_input(
                        x.row(i),
                        self.hidden_weights.column(j),
                        self.hidden_bias[j],
                    );
                    if !v.is_finite() {
                        return Err(overflow(
                            "x",
                            &[x.row(i)],
                            i,
                            &format!("hidden unit {j}'s net input"),
                        ));
                    }
                }
            }
        }
        Ok(z)
    }

    /// The hidden units' outputs `a_hidden = φ(x·W1 + b1)`, `[n, h]`:
    /// column k is unit k's map over the inputs.
    ///
    /// # Errors
    /// As [`hidden_net_input`](Self::hidden_net_input).
    pub fn hidden_activations(&self, x: &Array2<f64>) -> Result<Array2<f64>> {
        let mut z = self.hidden_net_input(x)?;
        self.activation.apply_inplace(&mut z);
        Ok(z)
    }

    /// The training loss (mean cross-entropy + `l2/(2n)·Σw²` over W1 and
    /// w2) on `data` and its gradient, by the same code that training uses.
    ///
    /// # Errors
    /// [`Error::Empty`] for no rows, [`Error::ShapeMismatch`] for the wrong
    /// number of features, [`Error::InvalidParameter`] for a negative or
    /// non-finite `l2`.
    pub fn loss_and_gradient(&self, data: &Dataset, l2: f64) -> Result<(f64, MlpGradients)> {
        check_non_negative("l2", l2)?;
        if data.is_empty() {
            return Err(Error::empty("the data", "row"));
        }
        check_input(data.features(), self.n_features())?;
        check_training_memory(
            self.n_features(),
            self.hidden_units(),
            data.n_samples(),
            "data",
            format!("{} rows", data.n_samples()),
            "compute the loss and gradient on fewer rows at a time",
        )?;
        let net = Dense::from_model(self);
        let mut ws = net.workspace(data.n_samples());
        let (cross_entropy, penalty, _) = net.forward_backward(
            data.features().view(),
            data.labels_f64().view(),
            l2,
            &mut ws,
        );
        let loss = cross_entropy + penalty;
        let finite = loss.is_finite()
            && ws
                .d_w1
                .iter()
                .chain(&ws.d_b1)
                .chain(&ws.d_w2)
                .chain(&ws.d_b2)
                .all(|v| v.is_finite());
        if !finite {
            return Err(super::loss_overflow(data, loss));
        }
        Ok((
            loss,
            MlpGradients {
                hidden_weights: ws.d_w1,
                hidden_bias: ws.d_b1,
                output_weights: ws.d_w2,
                output_bias: ws.d_b2[0],
            },
        ))
    }

    /// The weights as pretty-printed JSON (see the type's docs for the shape).
    pub fn to_json(&self) -> String {
        let json = MlpJson {
            hidden_weights: self
                .hidden_weights
                .rows()
                .into_iter()
                .map(|r| r.to_vec())
                .collect(),
            hidden_bias: self.hidden_bias.to_vec(),
            output_weights: self.output_weights.to_vec(),
            output_bias: self.output_bias,
            activation: self.activation,
        };
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// A model from JSON (see the type's docs for the shape). A
    /// `"feature_names"` and a `"class_names"` key, which the command-line
    /// tool writes so that `predict` can check a file's columns and read
    /// its labels, are accepted and not used.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON, missing fields or ragged
    /// `hidden_weights`, and the errors of [`from_weights`](Self::from_weights).
    pub fn from_json(json: &str) -> Result<Self> {
        let fields = super::json::ModelFields::parse(
            json,
            &[
                "hidden_weights",
                "hidden_bias",
                "output_weights",
                "output_bias",
                "activation",
                // written by the command-line tool; not part of the model
                "feature_names",
                "class_names",
            ],
            "{\"hidden_weights\": [[…] × n_features], \"hidden_bias\": […], \"output_weights\": […], \"output_bias\": b}",
        )?;
        let parsed = MlpJson {
            hidden_weights: fields
                .get("hidden_weights", "one array of numbers per input feature")?,
            hidden_bias: fields.get("hidden_bias", "an array of numbers, one per hidden unit")?,
            output_weights: fields
                .get("output_weights", "an array of numbers, one per hidden unit")?,
            output_bias: fields.get("output_bias", "a number")?,
            activation: fields.activation("activation", default_activation())?,
        };
        let d = parsed.hidden_weights.len();
        let h = parsed.hidden_weights.first().map_or(0, Vec::len);
        if let Some((i, row)) = parsed
            .hidden_weights
            .iter()
            .enumerate()
            .find(|(_, r)| r.len() != h)
        {
            return Err(Error::Json(format!(
                "hidden_weights row {i} has {} entries: expected {h} (one per hidden unit) in every row",
                row.len()
            )));
        }
        let flat: Vec<f64> = parsed.hidden_weights.into_iter().flatten().collect();
        let w1 = Array2::from_shape_vec((d, h), flat).map_err(|e| Error::Json(e.to_string()))?;
        Self::from_weights(
            w1,
            Array1::from(parsed.hidden_bias),
            Array1::from(parsed.output_weights),
            parsed.output_bias,
            parsed.activation,
        )
    }

    /// Writes [`to_json`](Self::to_json) to a file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be written.
    pub fn save_json(&self, path: impl AsRef<Path>) -> Result<()> {
        write_text(path.as_ref(), &self.to_json())
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

impl MlpModel {
    /// The output net input of one row with every sum computed by
    /// [`stable_net_input`]: NaN only if a hidden unit's own net input is
    /// beyond f64 (then its activation is the limit, or not finite).
    fn stable_decision(&self, x: ArrayView1<'_, f64>) -> f64 {
        let a: Array1<f64> = (0..self.hidden_units())
            .map(|j| {
                let z = stable_net_input(x, self.hidden_weights.column(j), self.hidden_bias[j]);
                self.activation.value(z)
            })
            .collect();
        if a.iter().any(|v| !v.is_finite()) {
            return f64::NAN;
        }
        stable_net_input(a.view(), self.output_weights.view(), self.output_bias)
    }
}

impl Classifier for MlpModel {
    fn n_features(&self) -> usize {
        self.hidden_weights.nrows()
    }

    fn decision_function(&self, x: &Array2<f64>) -> Result<Array1<f64>> {
        check_input(x, self.n_features())?;
        let mut z = Dense::from_model(self).decision(x.view());
        // rows whose plain sums overflowed (∞ − ∞ in a hidden unit, say):
        // again with every net input summed stably
        for (i, zi) in z.iter_mut().enumerate() {
            if !zi.is_finite() {
                *zi = self.stable_decision(x.row(i));
            }
        }
        check_no_overflow("x", x, &z, "net input (in the hidden layer or the output)")?;
        Ok(z)
    }

    fn describe(&self) -> String {
        format!(
            "MLP {}-{}-1, {} hidden units",
            self.n_features(),
            self.hidden_units(),
            self.activation
        )
    }
}

/// The trainable form: parameters as contiguous arrays.
struct Dense {
    w1: Array2<f64>,
    b1: Array1<f64>,
    w2: Array1<f64>,
    b2: f64,
    activation: Activation,
}

struct DenseWorkspace {
    d_w1: Array2<f64>,
    d_b1: Array1<f64>,
    d_w2: Array1<f64>,
    d_b2: [f64; 1],
    rows: RowBuffers,
    /// Per-block partial gradients for large batches (see [`BLOCK_ROWS`]).
    blocks: Vec<BlockWork>,
}

/// Batches of at least this many rows are split into blocks whose partial
/// gradients are computed in parallel (see [`block_count`]).
const PARALLEL_MIN_ROWS: usize = 512;

/// Rows per block, at most (about).
const BLOCK_ROWS: usize = 512;

/// The number of equal blocks a batch of `m` rows is split into: at least
/// two once the batch is large enough. The blocks depend only on the batch
/// size, never on the number of threads, and their partial sums are added
/// in block order, so the result is the same on every machine and every run.
fn block_count(m: usize) -> usize {
    if m < PARALLEL_MIN_ROWS {
        1
    } else {
        m.div_ceil(BLOCK_ROWS).max(2)
    }
}

/// Checks that training `h` hidden units on `d` features with batches of
/// `rows` rows fits the memory budget: the parameters with their gradients
/// and two optimiser moments, and one partial gradient per block of a
/// large batch. `batch_name`/`batch_value` name the setting that chose the
/// batch.
pub(crate) fn check_training_memory(
    d: usize,
    h: usize,
    rows: usize,
    batch_name: &str,
    batch_value: String,
    fix: &str,
) -> Result<()> {
    let (d, h) = (d as u128, h as u128);
    let params = d * h + 2 * h + 1;
    let model = params * 8 * 4;
    crate::limits::check_memory(
        "hidden_units",
        h,
        model,
        &format!(
            "the weights of {h} hidden units on {d} features, with their gradients and optimiser state,"
        ),
        "use fewer hidden units or fewer feature columns",
    )?;
    let blocks = if rows >= PARALLEL_MIN_ROWS {
        block_count(rows) as u128
    } else {
        0
    };
    crate::limits::check_memory(
        batch_name,
        batch_value,
        model + blocks * (d * h + 4 * h) * 8,
        &format!("batches of {rows} rows ({blocks} partial gradients of {h} hidden units)"),
        fix,
    )
}

/// One block's partial loss, count and gradient.
struct BlockWork {
    d_w1: Vec<f64>,
    d_b1: Vec<f64>,
    d_w2: Vec<f64>,
    d_b2: f64,
    loss: f64,
    correct: usize,
    rows: RowBuffers,
}

impl BlockWork {
    fn new(d: usize, h: usize) -> Self {
        BlockWork {
            d_w1: vec![0.0; d * h],
            d_b1: vec![0.0; h],
            d_w2: vec![0.0; h],
            d_b2: 0.0,
            loss: 0.0,
            correct: 0,
            rows: RowBuffers::new(h),
        }
    }
}

impl Dense {
    /// Glorot-uniform initialisation as in scikit-learn: weights and biases
    /// from U(−r, r) with r = √(k / (fan_in + fan_out)), k = 2 for sigmoid
    /// units and 6 otherwise. Drawn in the order W1 (row-major), b1, w2, b2.
    fn glorot(d: usize, h: usize, activation: Activation, rng: &mut impl Rng) -> Dense {
        let k = if activation == Activation::Sigmoid {
            2.0
        } else {
            6.0
        };
        let r_hidden = (k / (d + h) as f64).sqrt();
        let r_out = (k / (h + 1) as f64).sqrt();
        let mut uniform = |r: f64| rng.random_range(-r..r);
        let w1 = Array2::from_shape_simple_fn((d, h), || uniform(r_hidden));
        let b1 = Array1::from_shape_simple_fn(h, || uniform(r_hidden));
        let w2 = Array1::from_shape_simple_fn(h, || uniform(r_out));
        let b2 = uniform(r_out);
        Dense {
            w1,
            b1,
            w2,
            b2,
            activation,
        }
    }

    fn from_model(m: &MlpModel) -> Dense {
        Dense {
            w1: m.hidden_weights.as_standard_layout().into_owned(),
            b1: m.hidden_bias.clone(),
            w2: m.output_weights.clone(),
            b2: m.output_bias,
            activation: m.activation,
        }
    }

    fn to_model(&self) -> MlpModel {
        MlpModel {
            hidden_weights: self.w1.clone(),
            hidden_bias: self.b1.clone(),
            output_weights: self.w2.clone(),
            output_bias: self.b2,
            activation: self.activation,
            history: History::default(),
        }
    }

    /// The parameters as contiguous slices for the kernels.
    fn params(&self) -> Params<'_> {
        Params {
            w1: self.w1.as_slice().expect("W1 is kept in standard layout"),
            b1: self.b1.as_slice().expect("b1 is contiguous"),
            w2: self.w2.as_slice().expect("w2 is contiguous"),
            b2: self.b2,
        }
    }
}

impl Network for Dense {
    type Workspace = DenseWorkspace;

    fn workspace(&self, max_batch: usize) -> DenseWorkspace {
        let (d, h) = self.w1.dim();
        let blocks = if max_batch >= PARALLEL_MIN_ROWS {
            block_count(max_batch)
        } else {
            0
        };
        DenseWorkspace {
            d_w1: Array2::zeros((d, h)),
            d_b1: Array1::zeros(h),
            d_w2: Array1::zeros(h),
            d_b2: [0.0],
            rows: RowBuffers::new(h),
            blocks: (0..blocks).map(|_| BlockWork::new(d, h)).collect(),
        }
    }

    fn forward_backward(
        &self,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, f64>,
        l2: f64,
        ws: &mut DenseWorkspace,
    ) -> (f64, f64, usize) {
        let m = x.nrows();
        let inv_m = 1.0 / m as f64;
        ws.d_w1.fill(0.0);
        ws.d_b1.fill(0.0);
        ws.d_w2.fill(0.0);
        let mut d_b2 = 0.0;
        let params = self.params();
        let n_blocks = block_count(m);
        let (loss_sum, correct) = if n_blocks > 1 && ws.blocks.len() >= n_blocks {
            // blocks of rows in parallel, each into its own partial gradient
            let activation = self.activation;
            ws.blocks[..n_blocks]
                .par_iter_mut()
                .enumerate()
                .for_each(|(b, work)| {
                    let rows = b * m / n_blocks..(b + 1) * m / n_blocks;
                    let (xb, yb) = (x.slice(s![rows.clone(), ..]), y.slice(s![rows]));
                    work.d_w1.fill(0.0);
                    work.d_b1.fill(0.0);
                    work.d_w2.fill(0.0);
                    work.d_b2 = 0.0;
                    let mut grads = Grads {
                        w1: &mut work.d_w1,
                        b1: &mut work.d_b1,
                        w2: &mut work.d_w2,
                        b2: &mut work.d_b2,
                    };
                    let (loss, correct) = kernels::with_hidden!(activation, act => {
                        kernels::forward_backward(act, params, xb, yb, inv_m, &mut grads, &mut work.rows)
                    });
                    work.loss = loss;
                    work.correct = correct;
                });
            // add the blocks up in block order
            let (mut loss_sum, mut correct) = (0.0, 0);
            let d_w1 = ws.d_w1.as_slice_mut().expect("contiguous");
            let d_b1 = ws.d_b1.as_slice_mut().expect("contiguous");
            let d_w2 = ws.d_w2.as_slice_mut().expect("contiguous");
            for work in &ws.blocks[..n_blocks] {
                loss_sum += work.loss;
                correct += work.correct;
                d_b2 += work.d_b2;
                for (g, &p) in d_w1.iter_mut().zip(&work.d_w1) {
                    *g += p;
                }
                for (g, &p) in d_b1.iter_mut().zip(&work.d_b1) {
                    *g += p;
                }
                for (g, &p) in d_w2.iter_mut().zip(&work.d_w2) {
                    *g += p;
                }
            }
            (loss_sum, correct)
        } else {
            let mut grads = Grads {
                w1: ws.d_w1.as_slice_mut().expect("contiguous"),
                b1: ws.d_b1.as_slice_mut().expect("contiguous"),
                w2: ws.d_w2.as_slice_mut().expect("contiguous"),
                b2: &mut d_b2,
            };
            // forward and backward, row by row: d_z_out = (σ(z_out) − y)/m
            kernels::with_hidden!(self.activation, act => {
                kernels::forward_backward(act, params, x, y, inv_m, &mut grads, &mut ws.rows)
            })
        };
        ws.d_b2 = [d_b2];
        let penalty = 0.5 * l2 * inv_m * (sum_of_squares(&self.w1) + sum_of_squares(&self.w2));
        // L2: ∂/∂w of l2/(2m)·Σw² = (l2/m)·w
        let decay = l2 * inv_m;
        ws.d_w1.scaled_add(decay, &self.w1);
        ws.d_w2.scaled_add(decay, &self.w2);
        (loss_sum * inv_m, penalty, correct)
    }

    fn group_lens(&self) -> Vec<usize> {
        vec![self.w1.len(), self.b1.len(), self.w2.len(), 1]
    }

    fn for_each_group(&mut self, ws: &DenseWorkspace, f: &mut GroupVisitor<'_>) {
        if let (Some(p), Some(g)) = (self.w1.as_slice_mut(), ws.d_w1.as_slice()) {
            f(0, p, g);
        }
        if let (Some(p), Some(g)) = (self.b1.as_slice_mut(), ws.d_b1.as_slice()) {
            f(1, p, g);
        }
        if let (Some(p), Some(g)) = (self.w2.as_slice_mut(), ws.d_w2.as_slice()) {
            f(2, p, g);
        }
        f(3, std::slice::from_mut(&mut self.b2), &ws.d_b2);
    }

    fn decision(&self, x: ArrayView2<'_, f64>) -> Array1<f64> {
        // Rows are independent: blocks of rows run in parallel, each
        // with buffers of 2·h numbers, so memory stays small however large
        // the grid is, and every row's result is the same as in one thread.
        let m = x.nrows();
        let mut out = vec![0.0; m];
        let params = self.params();
        kernels::with_hidden!(self.activation, act => {
            if m <= PARALLEL_BLOCK {
                kernels::decision(act, params, x, &mut out);
            } else {
                out.par_chunks_mut(PARALLEL_BLOCK)
                    .enumerate()
                    .for_each(|(i, block)| {
                        let start = i * PARALLEL_BLOCK;
                        let rows = x.slice(ndarray::s![start..start + block.len(), ..]);
                        kernels::decision(act, params, rows, block);
                    });
            }
        });
        Array1::from(out)
    }
}
