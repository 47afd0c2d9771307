//! The two classes of a [`Dataset`]: labels given as `f64`, the count of
//! each class, and the check that a model can learn from the data.

use ndarray::{Array1, Array2};

use super::dataset::Dataset;
use crate::error::{Error, Result};

impl Dataset {
    /// Builds a dataset from labels stored as `f64`, each exactly `0.0` or `1.0`.
    ///
    /// Handy for labels that come out of a computation or another library.
    ///
    /// # Errors
    ///
    /// As [`Dataset::new`]; a label other than `0.0` or `1.0` (NaN and
    /// `0.5` included) gives [`Error::InvalidLabel`].
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::from_labels_f64(array![[0.0], [1.0]], array![1.0, 0.0])?;
    /// assert_eq!(data.labels(), array![1, 0]);
    /// assert!(Dataset::from_labels_f64(array![[0.0]], array![0.5]).is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_labels_f64(features: Array2<f64>, labels: Array1<f64>) -> Result<Self> {
        if labels.len() != features.nrows() {
            return Err(Error::shape("labels", features.nrows(), labels.len()));
        }
        let mut as_u8 = Vec::with_capacity(labels.len());
        for (row, &y) in labels.iter().enumerate() {
            if y == 0.0 {
                as_u8.push(0);
            } else if y == 1.0 {
                as_u8.push(1);
            } else {
                return Err(Error::InvalidLabel {
                    row,
                    value: crate::error::short(y),
                });
            }
        }
        Dataset::new(features, Array1::from(as_u8))
    }

    /// The labels as `f64` (0.0 or 1.0), the form the loss formulas use.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[1.0], [2.0]], array![0, 1])?;
    /// assert_eq!(data.labels_f64(), array![0.0, 1.0]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn labels_f64(&self) -> Array1<f64> {
        self.labels.mapv(f64::from)
    }

    /// The number of rows of each class: `[count of 0, count of 1]`.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::moons(11, 0.1, 1)?;
    /// assert_eq!(data.class_counts(), [5, 6]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn class_counts(&self) -> [usize; 2] {
        let ones = self.labels.iter().filter(|&&y| y == 1).count();
        [self.labels.len() - ones, ones]
    }

    /// Checks that a model can learn from this data: at least one row and
    /// both classes present. `what` names the data in the message, e.g.
    /// `"the training data"`.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] if there are no rows; [`Error::SingleClass`] if only
    /// one class is present.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.0], [1.0]], array![1, 1])?;
    /// let err = data.check_trainable("the training data").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "the training data holds only class 1: expected both classes 0 and 1"
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn check_trainable(&self, what: &str) -> Result<()> {
        match self.class_counts() {
            [0, 0] => Err(Error::empty(what, "row")),
            [_, 0] => Err(Error::SingleClass {
                what: what.to_string(),
                class: 0,
            }),
            [0, _] => Err(Error::SingleClass {
                what: what.to_string(),
                class: 1,
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::test_support::{message, small};
    use ndarray::array;

    #[test]
    fn from_labels_f64_accepts_exact_zero_and_one_only() {
        let data = Dataset::from_labels_f64(array![[0.0], [1.0]], array![1.0, 0.0]).unwrap();
        assert_eq!(data.labels(), array![1, 0]);
        let err = Dataset::from_labels_f64(array![[0.0], [1.0]], array![1.0, 0.5]);
        assert_eq!(
            message(err),
            "label 0.5 at row 1 is not a class: expected 0 or 1"
        );
        let err = Dataset::from_labels_f64(array![[0.0]], array![f64::NAN]);
        assert_eq!(
            message(err),
            "label NaN at row 0 is not a class: expected 0 or 1"
        );
        let err = Dataset::from_labels_f64(array![[0.0]], array![0.0, 1.0]);
        assert_eq!(message(err), "expected 1 labels, found 2");
    }

    #[test]
    fn labels_f64_and_class_counts() {
        let data = small();
        assert_eq!(data.labels_f64(), array![0.0, 1.0, 0.0, 1.0]);
        assert_eq!(data.class_counts(), [2, 2]);
    }

    #[test]
    fn check_trainable_rejects_empty_and_single_class() {
        let empty = small().select(&[]).unwrap();
        assert_eq!(
            message(empty.check_trainable("the training data")),
            "the training data is empty: expected at least one row"
        );
        let zeros = small().select(&[0, 2]).unwrap();
        assert_eq!(
            message(zeros.check_trainable("the training data")),
            "the training data holds only class 0: expected both classes 0 and 1"
        );
        let ones = small().select(&[1]).unwrap();
        assert!(matches!(
            ones.check_trainable("x"),
            Err(Error::SingleClass { class: 1, .. })
        ));
        assert!(small().check_trainable("x").is_ok());
    }
}
