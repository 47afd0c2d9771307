//! The interface every fitted model offers: a net input z, σ(z) and the
//! class rule z ≥ 0.

use ndarray::{Array1, Array2};

use crate::activation::{predicted_class, sigmoid};
use crate::data::Dataset;
use crate::error::{Error, Result};

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
        Ok(self.decision_function(x)?.mapv(predicted_class))
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
