//! The per-epoch record of a training run.

use serde::{Deserialize, Serialize};

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
    #[serde(alias = "test_loss")]
    pub validation_loss: Vec<f64>,
    /// Validation accuracy per epoch (empty without validation data).
    #[serde(alias = "test_accuracy")]
    pub validation_accuracy: Vec<f64>,
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
