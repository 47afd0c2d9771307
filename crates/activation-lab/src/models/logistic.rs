//! Logistic regression: net input → sigmoid → unit step.
//!
//! ```text
//! z = b + x·w,    P(y = 1 | x) = σ(z),    ŷ = 1 if z ≥ 0 else 0
//! ```
//!
//! Its weights combine the inputs linearly, so its decision boundary
//! (z = 0) is a straight line: it is a generalised linear model.

use std::path::Path;

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use serde::{Deserialize, Serialize};

use super::train::{
    self, GroupVisitor, LoopSettings, Network, sum_of_squares, weights_to_raw,
    weights_to_standardized,
};
use super::{
    Classifier, History, Optimizer, UpdateRule, check_epochs, check_input, check_non_negative,
    check_validation,
};
use crate::activation::{sigmoid, softplus};
use crate::data::{Dataset, Standardizer};
use crate::net_input::{check_finite_1d, check_no_overflow, stable_net_input};
use crate::{Error, Result};

/// Settings for training logistic regression; [`fit`](Self::fit) checks them
/// before any work and returns a [`LogisticModel`].
///
/// Defaults: `learning_rate` 0.1, `epochs` 200, full-batch (`batch_size` 0)
/// gradient descent, no L2, `seed` 0, shuffled minibatches, inputs
/// standardised during training (the fitted weights act on raw inputs).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = blobs(200, 0.6, 1)?;
/// let model = LogisticRegression::new().learning_rate(0.5).epochs(100).fit(&data)?;
/// assert!(model.accuracy(&data)? > 0.95);
/// assert_eq!(model.history().epochs(), 100);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticRegression {
    learning_rate: f64,
    epochs: usize,
    batch_size: usize,
    l2: f64,
    seed: u64,
    shuffle: bool,
    standardize: bool,
    optimizer: Optimizer,
}

impl Default for LogisticRegression {
    fn default() -> Self {
        LogisticRegression {
            learning_rate: 0.1,
            epochs: 200,
            batch_size: 0,
            l2: 0.0,
            seed: 0,
            shuffle: true,
            standardize: true,
            optimizer: Optimizer::GradientDescent,
        }
    }
}

impl LogisticRegression {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    /// Step size η of gradient descent (must be a finite number > 0).
    pub fn learning_rate(mut self, learning_rate: f64) -> Self {
        self.learning_rate = learning_rate;
        self
    }

    /// Number of passes over the training data (≥ 1).
    pub fn epochs(mut self, epochs: usize) -> Self {
        self.epochs = epochs;
        self
    }

    /// Rows per gradient step; 0 (the default) means the full batch.
    pub fn batch_size(mut self, batch_size: usize) -> Self {
        self.batch_size = batch_size;
        self
    }

    /// L2 strength λ (≥ 0): the loss gains `λ/(2n)·Σw²`, bias excluded.
    pub fn l2(mut self, l2: f64) -> Self {
        self.l2 = l2;
        self
    }

    /// Seed of the minibatch order.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Whether minibatches are drawn in a new random order each epoch.
    pub fn shuffle(mut self, shuffle: bool) -> Self {
        self.shuffle = shuffle;
        self
    }

    /// Whether to standardise the inputs while training (the fitted weights
    /// are rewritten to act on raw inputs either way).
    pub fn standardize(mut self, standardize: bool) -> Self {
        self.standardize = standardize;
        self
    }

    /// The update rule (plain gradient descent by default).
    pub fn optimizer(mut self, optimizer: Optimizer) -> Self {
        self.optimizer = optimizer;
        self
    }

    fn rule(&self) -> UpdateRule {
        UpdateRule {
            optimizer: self.optimizer,
            learning_rate: self.learning_rate,
            momentum: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
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

    /// Trains from zero weights on `train`.
    ///
    /// # Errors
    /// A bad setting ([`Error::InvalidParameter`]), empty or one-class
    /// training data ([`Error::Empty`], [`Error::SingleClass`]), or a
    /// learning rate so large that training diverges ([`Error::Diverged`]).
    pub fn fit(&self, train: &Dataset) -> Result<LogisticModel> {
        self.fit_with(train, None, None)
    }

    /// Trains on `train` and records the loss and accuracy on `validation`
    /// after every epoch.
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::ShapeMismatch`] when the two
    /// datasets have different numbers of features.
    pub fn fit_validated(&self, train: &Dataset, validation: &Dataset) -> Result<LogisticModel> {
        self.fit_with(train, Some(validation), None)
    }

    /// Continues training from `init`'s weights.
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::ShapeMismatch`] when `init`
    /// has a different number of weights than `train` has features.
    pub fn fit_from(&self, init: &LogisticModel, train: &Dataset) -> Result<LogisticModel> {
        self.fit_with(train, None, Some(init))
    }

    /// The general form of [`fit`](Self::fit): optional validation data and
    /// optional starting weights.
    ///
    /// # Errors
    /// As [`fit_validated`](Self::fit_validated) and [`fit_from`](Self::fit_from).
    pub fn fit_with(
        &self,
        train: &Dataset,
        validation: Option<&Dataset>,
        init: Option<&LogisticModel>,
    ) -> Result<LogisticModel> {
        self.validate()?;
        train.check_trainable("the training data")?;
        let d = train.n_features();
        check_validation(validation, d)?;
        if let Some(init) = init
            && init.weights.len() != d
        {
            return Err(Error::shape(
                "weights in the starting model",
                d,
                init.weights.len(),
            ));
        }

        // standardise (or not); starting weights follow the inputs
        let scaler = if self.standardize {
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
        let mut w = Array2::<f64>::zeros((d, 1));
        let mut b = Array1::<f64>::zeros(1);
        if let Some(init) = init {
            w.column_mut(0).assign(&init.weights);
            b[0] = init.bias;
            if let Some(s) = &scaler {
                weights_to_standardized(&mut w, &mut b, s);
            }
        }
        let mut net = LinearUnit {
            weights: w.column(0).to_owned(),
            bias: b[0],
        };

        let settings = LoopSettings {
            rule: self.rule(),
            epochs: self.epochs,
            batch_size: self.batch_size,
            shuffle: self.shuffle,
            l2: self.l2,
        };
        let mut rng = crate::rng::seeded(self.seed);
        let history = train::train(
            &mut net,
            &x,
            train.labels(),
            xv.as_ref().map(|(x, y)| (x, y)),
            &settings,
            &mut rng,
            &mut |_, _| {},
        )?;

        // back to raw inputs
        let mut w = net.weights.insert_axis(Axis(1));
        let mut b = Array1::from_elem(1, net.bias);
        if let Some(s) = &scaler {
            weights_to_raw(&mut w, &mut b, s);
        }
        Ok(LogisticModel {
            weights: w.column(0).to_owned(),
            bias: b[0],
            history,
        })
    }
}

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
/// assert_eq!(model.net_input(&x)?, array![1.0, -1.0]);
/// assert_eq!(model.predict(&x)?, array![1, 0]);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticModel {
    weights: Array1<f64>,
    bias: f64,
    history: History,
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
            weights: weights.as_standard_layout().into_owned(),
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

    /// The net input `z = b + x·w` for each row of `x`.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] for the wrong number of columns,
    /// [`Error::NonFinite`] for NaN or infinite inputs.
    pub fn net_input(&self, x: &Array2<f64>) -> Result<Array1<f64>> {
        self.decision_function(x)
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
        let net = LinearUnit {
            weights: self.weights.clone(),
            bias: self.bias,
        };
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
            return Err(super::loss_overflow(data, loss));
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
        let fields = super::json::ModelFields::parse(
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

pub(crate) fn write_text(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|source| Error::Io {
        action: "write",
        path: path.display().to_string(),
        source,
    })
}

pub(crate) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        action: "read",
        path: path.display().to_string(),
        source,
    })
}

/// The trainable form of logistic regression: one sigmoid unit.
struct LinearUnit {
    weights: Array1<f64>,
    bias: f64,
}

struct LinearWorkspace {
    z: Array1<f64>,
    d_weights: Array1<f64>,
    d_bias: [f64; 1],
}

impl Network for LinearUnit {
    type Workspace = LinearWorkspace;

    fn workspace(&self, max_batch: usize) -> LinearWorkspace {
        LinearWorkspace {
            z: Array1::zeros(max_batch),
            d_weights: Array1::zeros(self.weights.len()),
            d_bias: [0.0],
        }
    }

    fn forward_backward(
        &self,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, f64>,
        l2: f64,
        ws: &mut LinearWorkspace,
    ) -> (f64, f64, usize) {
        let m = x.nrows();
        let inv_m = 1.0 / m as f64;
        let mut z = ws.z.slice_mut(ndarray::s![..m]);
        // forward: [m, d] · [d] → [m]
        ndarray::linalg::general_mat_vec_mul(1.0, &x, &self.weights, 0.0, &mut z);
        let mut loss = 0.0;
        let mut correct = 0;
        let mut d_bias = 0.0;
        for (zi, &yi) in z.iter_mut().zip(y) {
            let zz = *zi + self.bias;
            loss += softplus(if yi == 1.0 { -zz } else { zz });
            correct += usize::from((zz >= 0.0) == (yi == 1.0));
            // backward: ∂loss/∂z_i = (σ(z_i) − y_i)/m
            *zi = (sigmoid(zz) - yi) * inv_m;
            d_bias += *zi;
        }
        let penalty = 0.5 * l2 * inv_m * sum_of_squares(&self.weights);
        // [d, m] · [m] → [d]
        ws.d_weights.assign(&self.weights);
        ndarray::linalg::general_mat_vec_mul(1.0, &x.t(), &z, l2 * inv_m, &mut ws.d_weights);
        ws.d_bias = [d_bias];
        (loss * inv_m, penalty, correct)
    }

    fn group_lens(&self) -> Vec<usize> {
        vec![self.weights.len(), 1]
    }

    fn for_each_group(&mut self, ws: &LinearWorkspace, f: &mut GroupVisitor<'_>) {
        if let (Some(w), Some(g)) = (self.weights.as_slice_mut(), ws.d_weights.as_slice()) {
            f(0, w, g);
        }
        f(1, std::slice::from_mut(&mut self.bias), &ws.d_bias);
    }

    fn decision(&self, x: ArrayView2<'_, f64>) -> Array1<f64> {
        x.dot(&self.weights) + self.bias
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{blobs, moons};
    use ndarray::array;

    fn tiny() -> Dataset {
        Dataset::new(
            array![[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [-1.0, -2.0]],
            array![1, 0, 1, 0],
        )
        .unwrap()
    }

    #[test]
    fn rejects_a_non_positive_learning_rate() {
        for lr in [0.0, -0.1, f64::NAN, f64::INFINITY] {
            let err = LogisticRegression::new()
                .learning_rate(lr)
                .fit(&tiny())
                .unwrap_err();
            assert!(
                err.to_string().starts_with("invalid learning_rate"),
                "{err}"
            );
        }
    }

    #[test]
    fn rejects_zero_epochs() {
        let err = LogisticRegression::new()
            .epochs(0)
            .fit(&tiny())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid epochs = 0: expected a whole number from 1 to 10000000"
        );
    }

    #[test]
    fn rejects_negative_l2() {
        let err = LogisticRegression::new().l2(-1.0).fit(&tiny()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid l2 = -1: expected a finite number ≥ 0"
        );
    }

    #[test]
    fn rejects_empty_and_single_class_training_data() {
        let empty = Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0)).unwrap();
        assert!(matches!(
            LogisticRegression::new().fit(&empty),
            Err(Error::Empty { .. })
        ));
        let one = Dataset::new(array![[0.0, 1.0], [1.0, 0.0]], array![1, 1]).unwrap();
        assert!(matches!(
            LogisticRegression::new().fit(&one),
            Err(Error::SingleClass { .. })
        ));
    }

    #[test]
    fn rejects_a_starting_model_of_the_wrong_size() {
        let init = LogisticModel::from_weights(array![1.0, 2.0, 3.0], 0.0).unwrap();
        let err = LogisticRegression::new()
            .fit_from(&init, &tiny())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected 2 weights in the starting model, found 3"
        );
    }

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
    fn learns_separable_blobs() {
        let data = blobs(200, 0.6, 3).unwrap();
        let model = LogisticRegression::new().fit(&data).unwrap();
        assert!(model.accuracy(&data).unwrap() > 0.97);
        let h = model.history();
        assert!(h.train_loss[h.epochs() - 1] < h.train_loss[0]);
    }

    #[test]
    fn standardising_does_not_change_what_is_learned_much() {
        let data = blobs(200, 0.6, 3).unwrap();
        let a = LogisticRegression::new().fit(&data).unwrap();
        let b = LogisticRegression::new()
            .standardize(false)
            .fit(&data)
            .unwrap();
        let pa = a.predict(data.features()).unwrap();
        let pb = b.predict(data.features()).unwrap();
        let agree = pa.iter().zip(&pb).filter(|(a, b)| a == b).count();
        assert!(agree as f64 / 200.0 > 0.97);
    }

    #[test]
    fn validation_history_has_one_entry_per_epoch() {
        let data = moons(200, 0.2, 1).unwrap();
        let (train, test) = data.split(0.25, 1).unwrap();
        let model = LogisticRegression::new()
            .epochs(7)
            .fit_validated(&train, &test)
            .unwrap();
        assert_eq!(model.history().test_loss.len(), 7);
        assert_eq!(model.history().test_accuracy.len(), 7);
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
    fn a_huge_learning_rate_is_reported_not_hidden() {
        // Non-standardised inputs far from zero and an enormous step: the
        // weights overflow; the loss must surface as an error, not NaN.
        let data = Dataset::new(array![[1e300, 1.0], [-1e300, 0.0]], array![1, 0]).unwrap();
        let err = LogisticRegression::new()
            .standardize(false)
            .learning_rate(1e300)
            .epochs(50)
            .fit(&data)
            .unwrap_err();
        assert!(matches!(err, Error::Diverged { .. }), "{err}");
    }

    #[test]
    fn boundary_line_solves_z_equals_zero() {
        let model = LogisticModel::from_weights(array![2.0, 4.0], -8.0).unwrap();
        let (slope, intercept) = model.boundary_line().unwrap();
        let x1 = 1.5;
        let x2 = slope * x1 + intercept;
        assert!((model.net_input(&array![[x1, x2]]).unwrap()[0]).abs() < 1e-12);
        assert!(
            LogisticModel::from_weights(array![1.0, 0.0], 0.0)
                .unwrap()
                .boundary_line()
                .is_none()
        );
    }
}
