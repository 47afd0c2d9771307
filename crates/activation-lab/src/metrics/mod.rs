//! How good is a classifier? Accuracy, the log loss (binary cross-entropy)
//! and the confusion matrix, for labels in {0, 1}.
//!
//! The conventions follow scikit-learn (`accuracy_score`, `log_loss`,
//! `confusion_matrix`, `precision_recall_fscore_support`), so numbers can be
//! compared with Python code.
//!
//! ```
//! # fn main() -> activation_lab::Result<()> {
//! use activation_lab::metrics::{accuracy, ConfusionMatrix};
//! use ndarray::array;
//!
//! let y_true = array![0, 0, 1, 1];
//! let y_pred = array![0, 1, 1, 1];
//! assert_eq!(accuracy(&y_true, &y_pred)?, 0.75);
//! let cm = ConfusionMatrix::new(&y_true, &y_pred)?;
//! assert_eq!(cm.false_positives, 1);
//! # Ok(())
//! # }
//! ```

mod confusion;
mod scores;
#[cfg(test)]
mod test_support;

pub use confusion::ConfusionMatrix;
pub use scores::{accuracy, cross_entropy_from_logit, log_loss, log_loss_from_logits};
