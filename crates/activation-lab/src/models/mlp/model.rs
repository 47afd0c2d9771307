//! A fitted (or hand-set) one-hidden-layer perceptron.

use ndarray::{Array1, Array2, ArrayView1};

use super::dense::Dense;
use super::maths;
use crate::activation::Activation;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::models::checks::{check_input, loss_overflow, row_major};
use crate::models::classifier::Classifier;
use crate::models::history::History;
use crate::models::settings::check_non_negative;
use crate::models::train::Network;
use crate::net_input::{
    check_finite_1d, check_finite_2d, check_no_overflow, overflow, stable_net_input,
};

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
    pub(super) hidden_weights: Array2<f64>,
    pub(super) hidden_bias: Array1<f64>,
    pub(super) output_weights: Array1<f64>,
    pub(super) output_bias: f64,
    pub(super) activation: Activation,
    pub(super) history: History,
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
            hidden_weights: row_major(hidden_weights),
            hidden_bias: row_major(hidden_bias),
            output_weights: row_major(output_weights),
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
        let mut z = maths::hidden_net_input(self, x.view());
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
    /// w2) on `data` and its gradient, by the readable forward and backward
    /// passes of `maths.rs` (training runs the same equations in fused
    /// kernels; a test shows the two agree to 1e-12).
    ///
    /// # Errors
    /// [`Error::Empty`] for no rows, [`Error::ShapeMismatch`] for the wrong
    /// number of features, [`Error::InvalidParameter`] for a negative or
    /// non-finite `l2`, [`Error::TooLarge`] when the loss or gradient
    /// overflows or the arrays would not fit in memory.
    pub fn loss_and_gradient(&self, data: &Dataset, l2: f64) -> Result<(f64, MlpGradients)> {
        check_non_negative("l2", l2)?;
        if data.is_empty() {
            return Err(Error::empty("the data", "row"));
        }
        check_input(data.features(), self.n_features())?;
        // four [n, h] arrays (z and a of the hidden layer, their gradients)
        // and one more while computing
        let (n, h) = (data.n_samples() as u128, self.hidden_units() as u128);
        crate::limits::check_memory(
            "data",
            format!("{n} rows"),
            n * h * 8 * 5 + (self.n_features() as u128 + 2) * h * 8,
            &format!("the forward and backward pass through {h} hidden units"),
            "compute the loss and gradient on fewer rows at a time",
        )?;
        let (x, y) = (data.features().view(), data.labels_f64());
        let (loss, gradients) = maths::backward(self, x, y.view(), l2, &maths::forward(self, x));
        let finite = loss.is_finite()
            && gradients.output_bias.is_finite()
            && gradients
                .hidden_weights
                .iter()
                .chain(&gradients.hidden_bias)
                .chain(&gradients.output_weights)
                .all(|v| v.is_finite());
        if !finite {
            return Err(loss_overflow(data, loss));
        }
        Ok((loss, gradients))
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
