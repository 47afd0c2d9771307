//! The confusion matrix of a 2-class prediction and the rates derived from
//! it: accuracy, precision, recall, F1.

use std::fmt;

use ndarray::Array1;

use super::scores::check_labels;
use crate::error::{Error, Result};

/// Counts of the four outcomes of a 2-class prediction (class 1 = positive).
///
/// ```text
///            pred 0            pred 1
/// true 0     true_negatives    false_positives
/// true 1     false_negatives   true_positives
/// ```
///
/// Displayed as that table, with the counts right-aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ConfusionMatrix {
    /// True label 0, predicted 0.
    pub true_negatives: usize,
    /// True label 0, predicted 1.
    pub false_positives: usize,
    /// True label 1, predicted 0.
    pub false_negatives: usize,
    /// True label 1, predicted 1.
    pub true_positives: usize,
}

impl ConfusionMatrix {
    /// Counts the outcomes of `y_pred` against `y_true`. Empty input gives
    /// all zeros (and `None` for every rate).
    ///
    /// # Errors
    ///
    /// - [`Error::ShapeMismatch`] (`"predictions"`) if the lengths differ;
    /// - [`Error::InvalidLabel`] if a true or predicted label is not 0 or 1.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::ConfusionMatrix;
    /// use ndarray::array;
    ///
    /// let cm = ConfusionMatrix::new(&array![0, 0, 1, 1, 1], &array![0, 1, 0, 1, 1])?;
    /// assert_eq!(
    ///     (cm.true_negatives, cm.false_positives, cm.false_negatives, cm.true_positives),
    ///     (1, 1, 1, 2)
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(y_true: &Array1<u8>, y_pred: &Array1<u8>) -> Result<Self> {
        if y_pred.len() != y_true.len() {
            return Err(Error::shape("predictions", y_true.len(), y_pred.len()));
        }
        check_labels(y_true)?;
        check_labels(y_pred)?;
        let mut cm = ConfusionMatrix::default();
        for (&t, &p) in y_true.iter().zip(y_pred) {
            match (t, p) {
                (0, 0) => cm.true_negatives += 1,
                (0, _) => cm.false_positives += 1,
                (_, 0) => cm.false_negatives += 1,
                _ => cm.true_positives += 1,
            }
        }
        Ok(cm)
    }

    /// The number of samples counted.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::ConfusionMatrix;
    /// use ndarray::array;
    ///
    /// let cm = ConfusionMatrix::new(&array![0, 1, 1], &array![1, 1, 0])?;
    /// assert_eq!(cm.total(), 3);
    /// # Ok(())
    /// # }
    /// ```
    pub fn total(&self) -> usize {
        self.true_negatives + self.false_positives + self.false_negatives + self.true_positives
    }

    /// The fraction of correct predictions; `None` if nothing was counted.
    ///
    /// ```text
    /// accuracy = (TP + TN) / (TP + TN + FP + FN)
    /// ```
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::ConfusionMatrix;
    /// use ndarray::array;
    ///
    /// let cm = ConfusionMatrix::new(&array![0, 1, 1, 0], &array![0, 1, 0, 0])?;
    /// assert_eq!(cm.accuracy(), Some(0.75));
    /// assert_eq!(ConfusionMatrix::default().accuracy(), None);
    /// # Ok(())
    /// # }
    /// ```
    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.true_positives + self.true_negatives, self.total())
    }

    /// Of the samples predicted 1, the fraction that are 1; `None` if
    /// nothing was predicted 1.
    ///
    /// ```text
    /// precision = TP / (TP + FP)
    /// ```
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::ConfusionMatrix;
    /// use ndarray::array;
    ///
    /// let cm = ConfusionMatrix::new(&array![0, 1, 1, 0], &array![1, 1, 0, 0])?;
    /// assert_eq!(cm.precision(), Some(0.5));
    /// # Ok(())
    /// # }
    /// ```
    pub fn precision(&self) -> Option<f64> {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Of the samples that are 1, the fraction predicted 1; `None` if no
    /// sample is 1.
    ///
    /// ```text
    /// recall = TP / (TP + FN)
    /// ```
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::ConfusionMatrix;
    /// use ndarray::array;
    ///
    /// let cm = ConfusionMatrix::new(&array![1, 1, 1, 0], &array![1, 0, 0, 0])?;
    /// assert_eq!(cm.recall(), Some(1.0 / 3.0));
    /// # Ok(())
    /// # }
    /// ```
    pub fn recall(&self) -> Option<f64> {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// The harmonic mean of precision and recall; `None` only if there is
    /// no positive at all (no true 1 and no predicted 1).
    ///
    /// ```text
    /// F1 = 2·TP / (2·TP + FP + FN)  = 2 · precision · recall / (precision + recall)
    /// ```
    ///
    /// As in scikit-learn, F1 is 0 (not `None`) when there are positives
    /// but none is predicted correctly, even if precision is undefined.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::ConfusionMatrix;
    /// use ndarray::array;
    ///
    /// let cm = ConfusionMatrix::new(&array![0, 1, 1, 0], &array![1, 1, 0, 0])?;
    /// assert_eq!(cm.f1(), Some(0.5));
    /// # Ok(())
    /// # }
    /// ```
    pub fn f1(&self) -> Option<f64> {
        let tp = self.true_positives as f64;
        let denominator = 2.0 * tp + self.false_positives as f64 + self.false_negatives as f64;
        (denominator > 0.0).then(|| 2.0 * tp / denominator)
    }
}

fn ratio(numerator: usize, denominator: usize) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

impl fmt::Display for ConfusionMatrix {
    /// ```text
    ///         pred 0  pred 1
    /// true 0      50       3
    /// true 1       2      45
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cells = [
            self.true_negatives,
            self.false_positives,
            self.false_negatives,
            self.true_positives,
        ]
        .map(|c| c.to_string());
        let width = cells
            .iter()
            .map(String::len)
            .chain(["pred 0".len()])
            .max()
            .unwrap_or(0);
        writeln!(f, "{:6}  {:>width$}  {:>width$}", "", "pred 0", "pred 1")?;
        writeln!(f, "true 0  {:>width$}  {:>width$}", cells[0], cells[1])?;
        write!(f, "true 1  {:>width$}  {:>width$}", cells[2], cells[3])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::scores::accuracy;
    use crate::metrics::test_support::message;
    use ndarray::array;

    #[test]
    fn confusion_matrix_counts_the_four_outcomes() {
        let cm = ConfusionMatrix::new(&array![0, 0, 0, 1, 1, 1, 1], &array![0, 0, 1, 0, 1, 1, 1])
            .unwrap();
        assert_eq!(
            cm,
            ConfusionMatrix {
                true_negatives: 2,
                false_positives: 1,
                false_negatives: 1,
                true_positives: 3
            }
        );
        assert_eq!(cm.total(), 7);
        assert_eq!(cm.accuracy(), Some(5.0 / 7.0));
        assert_eq!(cm.precision(), Some(0.75));
        assert_eq!(cm.recall(), Some(0.75));
        assert_eq!(cm.f1(), Some(0.75));
    }

    #[test]
    fn confusion_matrix_rates_are_none_when_undefined() {
        let empty = ConfusionMatrix::new(&array![], &array![]).unwrap();
        assert_eq!(empty.total(), 0);
        assert_eq!(
            (
                empty.accuracy(),
                empty.precision(),
                empty.recall(),
                empty.f1()
            ),
            (None, None, None, None)
        );
        // positives exist but none predicted: precision undefined, F1 = 0
        let cm = ConfusionMatrix::new(&array![1, 0], &array![0, 0]).unwrap();
        assert_eq!(cm.precision(), None);
        assert_eq!(cm.recall(), Some(0.0));
        assert_eq!(cm.f1(), Some(0.0));
    }

    #[test]
    fn confusion_matrix_accuracy_agrees_with_accuracy() {
        let y = array![0, 1, 1, 0, 1, 0];
        let p = array![1, 1, 0, 0, 1, 1];
        let cm = ConfusionMatrix::new(&y, &p).unwrap();
        assert_eq!(cm.accuracy().unwrap(), accuracy(&y, &p).unwrap());
    }

    #[test]
    fn confusion_matrix_rejects_length_mismatch() {
        assert_eq!(
            message(ConfusionMatrix::new(&array![0, 1, 1], &array![0, 1])),
            "expected 3 predictions, found 2"
        );
    }

    #[test]
    fn confusion_matrix_displays_an_aligned_table() {
        let cm = ConfusionMatrix {
            true_negatives: 50,
            false_positives: 3,
            false_negatives: 2,
            true_positives: 45,
        };
        assert_eq!(
            cm.to_string(),
            "        pred 0  pred 1\n\
             true 0      50       3\n\
             true 1       2      45"
        );
        let wide = ConfusionMatrix {
            true_negatives: 12345678,
            ..ConfusionMatrix::default()
        };
        let text = wide.to_string();
        let lengths: Vec<usize> = text.lines().map(str::len).collect();
        assert!(lengths.iter().all(|&l| l == lengths[0]), "{text}");
        assert!(text.contains("12345678"));
    }

    #[test]
    fn confusion_matrix_serialises_its_counts() {
        let cm = ConfusionMatrix::new(&array![0, 1], &array![1, 1]).unwrap();
        assert_eq!(
            serde_json::to_string(&cm).unwrap(),
            r#"{"true_negatives":0,"false_positives":1,"false_negatives":0,"true_positives":1}"#
        );
    }
}
