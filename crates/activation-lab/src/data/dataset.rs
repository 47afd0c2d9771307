//! The [`Dataset`] type: a validated table of 2-class data, how it is
//! built and named, and what it holds.

use ndarray::{Array1, Array2};

use crate::error::{Error, Result};
use crate::net_input::check_finite_2d;

/// A validated table of 2-class data: `[n, d]` finite features and `n`
/// labels in {0, 1}, with names for the features, the classes and the data.
///
/// Zero rows are allowed (an empty test split); models reject empty data
/// themselves, see [`Dataset::check_trainable`].
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// `[n, d]`, all finite, `d ≥ 1`.
    pub(super) features: Array2<f64>,
    /// `[n]`, each 0 or 1.
    pub(super) labels: Array1<u8>,
    /// `d` names, default `x1 … xd`.
    pub(super) feature_names: Vec<String>,
    /// Default `"class 0"`, `"class 1"`.
    pub(super) class_names: [String; 2],
    /// Default `"data"`.
    pub(super) name: String,
}

impl Dataset {
    /// Builds a dataset from a `[n, d]` feature matrix and `n` labels.
    ///
    /// Feature names default to `x1 … xd`, class names to `"class 0"` and
    /// `"class 1"`, the name to `"data"`. Zero rows are allowed.
    ///
    /// # Errors
    ///
    /// Checked in this order:
    /// - [`Error::ShapeMismatch`] (`"labels"`) if the label count differs
    ///   from the number of rows;
    /// - [`Error::Empty`] if there is no feature column (`d = 0`);
    /// - [`Error::NonFinite`] naming the first NaN or infinite feature;
    /// - [`Error::InvalidLabel`] naming the first label that is not 0 or 1.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.0, 1.0], [2.0, 3.0]], array![0, 1])?;
    /// assert_eq!((data.n_samples(), data.n_features()), (2, 2));
    /// assert_eq!(data.feature_names(), ["x1", "x2"]);
    ///
    /// let err = Dataset::new(array![[0.0], [1.0]], array![0, 2]).unwrap_err();
    /// assert_eq!(err.to_string(), "label 2 at row 1 is not a class: expected 0 or 1");
    /// # Ok(())
    /// # }
    /// ```
    pub fn new(features: Array2<f64>, labels: Array1<u8>) -> Result<Self> {
        validate(&features, &labels)?;
        let d = features.ncols();
        Ok(Dataset {
            features,
            labels,
            feature_names: (1..=d).map(|j| format!("x{j}")).collect(),
            class_names: ["class 0".to_string(), "class 1".to_string()],
            name: "data".to_string(),
        })
    }

    /// Returns the dataset with a new name (used in figure titles).
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.0]], array![1])?.with_name("mine");
    /// assert_eq!(data.name(), "mine");
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Returns the dataset with new feature names, one per column.
    ///
    /// # Errors
    ///
    /// - [`Error::ShapeMismatch`] (`"feature names"`) if the count differs
    ///   from the number of feature columns;
    /// - [`Error::InvalidParameter`] (`"feature_names"`) if a name is empty
    ///   or repeated (the names become a CSV header, which must be unique).
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[5.1, 3.5]], array![0])?
    ///     .with_feature_names(vec!["sepal length".into(), "sepal width".into()])?;
    /// assert_eq!(data.feature_names()[1], "sepal width");
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_feature_names(mut self, names: Vec<String>) -> Result<Self> {
        if names.len() != self.n_features() {
            return Err(Error::shape(
                "feature names",
                self.n_features(),
                names.len(),
            ));
        }
        for (j, name) in names.iter().enumerate() {
            if name.is_empty() {
                return Err(Error::param(
                    "feature_names",
                    format!("\"\" at position {j}"),
                    "non-empty names",
                ));
            }
            if names[..j].contains(name) {
                return Err(Error::param(
                    "feature_names",
                    format!("\"{name}\" (repeated)"),
                    "unique names",
                ));
            }
        }
        self.feature_names = names;
        Ok(self)
    }

    /// Returns the dataset with new class names (used in legends):
    /// `[name of class 0, name of class 1]`.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.0]], array![1])?.with_class_names(["setosa", "versicolor"]);
    /// assert_eq!(data.class_names()[1], "versicolor");
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_class_names(mut self, names: [&str; 2]) -> Self {
        self.class_names = names.map(str::to_string);
        self
    }

    /// The `[n, d]` feature matrix.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[1.0, 2.0]], array![0])?;
    /// assert_eq!(data.features(), array![[1.0, 2.0]]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn features(&self) -> &Array2<f64> {
        &self.features
    }

    /// The `n` labels, each 0 or 1.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[1.0], [2.0]], array![0, 1])?;
    /// assert_eq!(data.labels(), array![0, 1]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn labels(&self) -> &Array1<u8> {
        &self.labels
    }

    /// The number of rows, `n`.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::xor(10, 0.0, 1)?;
    /// assert_eq!(data.n_samples(), 10);
    /// # Ok(())
    /// # }
    /// ```
    pub fn n_samples(&self) -> usize {
        self.features.nrows()
    }

    /// The number of feature columns, `d` (at least 1).
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::xor(10, 0.0, 1)?;
    /// assert_eq!(data.n_features(), 2);
    /// # Ok(())
    /// # }
    /// ```
    pub fn n_features(&self) -> usize {
        self.features.ncols()
    }

    /// Whether the dataset has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::xor(10, 0.0, 1)?;
    /// assert!(!data.is_empty());
    /// assert!(data.select(&[])?.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn is_empty(&self) -> bool {
        self.n_samples() == 0
    }

    /// The `d` feature names (default `x1 … xd`).
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::moons(10, 0.1, 1)?;
    /// assert_eq!(data.feature_names(), ["x1", "x2"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn feature_names(&self) -> &[String] {
        &self.feature_names
    }

    /// The names of class 0 and class 1.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::circles(10, 0.0, 1)?;
    /// assert_eq!(data.class_names(), &["outer circle", "inner circle"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn class_names(&self) -> &[String; 2] {
        &self.class_names
    }

    /// The dataset's name (default `"data"`; generators use their own).
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::moons(10, 0.1, 1)?;
    /// assert_eq!(data.name(), "moons");
    /// # Ok(())
    /// # }
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The `(min, max)` of each feature column; an empty vector if there
    /// are no rows.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.0, 5.0], [2.0, -1.0]], array![0, 1])?;
    /// assert_eq!(data.feature_ranges(), vec![(0.0, 2.0), (-1.0, 5.0)]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn feature_ranges(&self) -> Vec<(f64, f64)> {
        if self.is_empty() {
            return Vec::new();
        }
        self.features
            .columns()
            .into_iter()
            .map(|column| {
                column
                    .iter()
                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                        (lo.min(v), hi.max(v))
                    })
            })
            .collect()
    }
}

/// The checks of [`Dataset::new`].
pub(super) fn validate(features: &Array2<f64>, labels: &Array1<u8>) -> Result<()> {
    if labels.len() != features.nrows() {
        return Err(Error::shape("labels", features.nrows(), labels.len()));
    }
    if features.ncols() == 0 {
        return Err(Error::empty("features", "feature column"));
    }
    check_finite_2d("features", features)?;
    if let Some((row, &y)) = labels.iter().enumerate().find(|&(_, &y)| y > 1) {
        return Err(Error::InvalidLabel {
            row,
            value: y.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::test_support::{message, small};
    use ndarray::array;

    #[test]
    fn new_sets_default_names() {
        let data = small();
        assert_eq!(data.feature_names(), ["x1", "x2"]);
        assert_eq!(data.class_names(), &["class 0", "class 1"]);
        assert_eq!(data.name(), "data");
    }

    #[test]
    fn rejects_label_count_different_from_rows() {
        let err = Dataset::new(array![[0.0], [1.0]], array![0]);
        assert_eq!(message(err), "expected 2 labels, found 1");
    }

    #[test]
    fn rejects_zero_feature_columns() {
        let err = Dataset::new(Array2::zeros((2, 0)), array![0, 1]);
        assert_eq!(
            message(err),
            "features is empty: expected at least one feature column"
        );
    }

    #[test]
    fn rejects_non_finite_features_naming_row_and_column() {
        let err = Dataset::new(array![[0.0, 1.0], [2.0, f64::INFINITY]], array![0, 1]);
        assert_eq!(
            message(err),
            "features has a non-finite value (inf) at row 1, column 1: expected finite numbers"
        );
        let err = Dataset::new(array![[f64::NAN]], array![0]);
        assert!(matches!(
            err,
            Err(Error::NonFinite {
                row: 0,
                column: 0,
                ..
            })
        ));
    }

    #[test]
    fn rejects_labels_other_than_0_and_1() {
        let err = Dataset::new(array![[0.0], [1.0], [2.0]], array![0, 1, 2]);
        assert_eq!(
            message(err),
            "label 2 at row 2 is not a class: expected 0 or 1"
        );
    }

    #[test]
    fn accepts_zero_rows() {
        let data = Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0)).unwrap();
        assert!(data.is_empty());
        assert_eq!(data.class_counts(), [0, 0]);
        assert_eq!(data.feature_ranges(), Vec::<(f64, f64)>::new());
    }

    #[test]
    fn with_feature_names_checks_count_and_uniqueness() {
        let err = small().with_feature_names(vec!["a".into()]);
        assert_eq!(message(err), "expected 2 feature names, found 1");
        let err = small().with_feature_names(vec!["a".into(), "a".into()]);
        assert_eq!(
            message(err),
            "invalid feature_names = \"a\" (repeated): expected unique names"
        );
        let err = small().with_feature_names(vec!["a".into(), String::new()]);
        assert_eq!(
            message(err),
            "invalid feature_names = \"\" at position 1: expected non-empty names"
        );
        let data = small()
            .with_feature_names(vec!["a".into(), "b".into()])
            .unwrap()
            .with_class_names(["no", "yes"])
            .with_name("mine");
        assert_eq!(data.feature_names(), ["a", "b"]);
        assert_eq!(data.class_names(), &["no", "yes"]);
        assert_eq!(data.name(), "mine");
    }

    #[test]
    fn feature_ranges_are_min_and_max_per_column() {
        assert_eq!(small().feature_ranges(), vec![(0.0, 6.0), (1.0, 7.0)]);
    }
}
