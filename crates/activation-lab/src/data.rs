//! Datasets: a validated table of 2-class data, toy generators, CSV input and
//! output, a train/test split and a standardiser.
//!
//! A [`Dataset`] holds `n` rows of `d` finite features (`[n, d]`) and one
//! label per row, 0 or 1. It is checked once, when it is built, so every
//! model and figure downstream can trust it.
//!
//! # Which data?
//!
//! The article's own datasets are not published. Raschka's related material
//! uses half-moons (scikit-learn's `make_moons`), XOR and concentric circles
//! for the non-linear case, and two blobs (or an Iris subset) for the linear
//! case. The generators here follow those conventions:
//!
//! | generator | linearly separable? | default noise |
//! |---|---|---|
//! | [`blobs`] | yes (almost, at the default noise) | 0.6 |
//! | [`moons`] | no | 0.2 |
//! | [`circles`] | no | 0.1 |
//! | [`xor`] | no | 0.0 |
//! | [`spirals`] | no (an extension, harder) | 0.05 |
//!
//! Every generator takes a seed: the same seed gives the same rows, on every
//! platform. Rows are shuffled and the classes are balanced (`n / 2` rows of
//! class 0, the rest class 1).
//!
//! ```
//! # fn main() -> activation_lab::Result<()> {
//! use activation_lab::data::{moons, Standardizer};
//!
//! let data = moons(200, 0.2, 42)?;
//! let (train, test) = data.split(0.25, 7)?;
//! let scaler = Standardizer::fit_dataset(&train)?;
//! let train = scaler.transform_dataset(&train)?;
//! assert_eq!((train.n_samples(), test.n_samples()), (150, 50));
//! assert_eq!(train.class_counts(), [75, 75]);
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::io::{Read, Write};
use std::path::Path;
use std::str::FromStr;

use ndarray::{Array1, Array2, Axis};
use rand::Rng;
use rand::seq::SliceRandom;

use crate::error::{Error, Result};
use crate::rng::{seeded, standard_normal};

/// Longest cell text quoted in an error message before it is cut short.
const MAX_QUOTED_CHARS: usize = 40;

/// A validated table of 2-class data: `[n, d]` finite features and `n`
/// labels in {0, 1}, with names for the features, the classes and the data.
///
/// Zero rows are allowed (an empty test split); models reject empty data
/// themselves, see [`Dataset::check_trainable`].
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// `[n, d]`, all finite, `d ≥ 1`.
    features: Array2<f64>,
    /// `[n]`, each 0 or 1.
    labels: Array1<u8>,
    /// `d` names, default `x1 … xd`.
    feature_names: Vec<String>,
    /// Default `"class 0"`, `"class 1"`.
    class_names: [String; 2],
    /// Default `"data"`.
    name: String,
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
    /// let data = activation_lab::data::circles(10, 0.0, 0.4, 1)?;
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

    /// The rows at the given indices, in that order (repeats allowed), with
    /// the same names.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] (`"row index"`) for an index `≥ n`.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.0], [1.0], [2.0]], array![0, 1, 0])?;
    /// let picked = data.select(&[2, 0])?;
    /// assert_eq!(picked.features(), array![[2.0], [0.0]]);
    /// assert!(data.select(&[3]).is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn select(&self, rows: &[usize]) -> Result<Dataset> {
        let n = self.n_samples();
        if let Some(&bad) = rows.iter().find(|&&i| i >= n) {
            return Err(Error::param(
                "row index",
                bad,
                &format!("an index below {n} (the number of rows)"),
            ));
        }
        Ok(Dataset {
            features: self.features.select(Axis(0), rows),
            labels: self.labels.select(Axis(0), rows),
            feature_names: self.feature_names.clone(),
            class_names: self.class_names.clone(),
            name: self.name.clone(),
        })
    }

    /// Splits into `(train, test)`, stratified by class and seeded.
    ///
    /// For each class `c` with `n_c` rows, the test set receives
    ///
    /// ```text
    /// n_test_c = round(test_fraction · n_c)     (halves round away from zero)
    /// ```
    ///
    /// rows and the training set the rest, so both keep the class balance.
    /// The steps, all with one ChaCha8 generator seeded by `seed`: shuffle
    /// the row indices of class 0, then those of class 1; the first
    /// `n_test_c` of each go to the test set; finally shuffle the training
    /// order, then the test order. Both parts keep the names.
    ///
    /// `test_fraction = 0` returns the data unchanged (same row order) and
    /// an empty test set.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] (`"test_fraction"`) if `test_fraction` is
    /// not in `[0, 1)`, or if rounding would move every row of a class to the
    /// test set, leaving the training set without that class.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::moons(100, 0.2, 1)?;
    /// let (train, test) = data.split(0.3, 42)?;
    /// assert_eq!(train.class_counts(), [35, 35]);
    /// assert_eq!(test.class_counts(), [15, 15]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn split(&self, test_fraction: f64, seed: u64) -> Result<(Dataset, Dataset)> {
        if !(0.0..1.0).contains(&test_fraction) {
            return Err(Error::param(
                "test_fraction",
                test_fraction,
                "a fraction in [0, 1), e.g. 0.25",
            ));
        }
        if test_fraction == 0.0 {
            return Ok((self.clone(), self.select(&[])?));
        }
        let mut rng = seeded(seed);
        let mut train = Vec::with_capacity(self.n_samples());
        let mut test = Vec::new();
        for class in 0..=1u8 {
            let mut rows: Vec<usize> = (0..self.n_samples())
                .filter(|&i| self.labels[i] == class)
                .collect();
            rows.shuffle(&mut rng);
            let n_c = rows.len();
            // a float-to-int `as` saturates, so this cannot overflow
            let n_test = ((test_fraction * n_c as f64).round() as usize).min(n_c);
            if n_c > 0 && n_test == n_c {
                return Err(Error::param(
                    "test_fraction",
                    test_fraction,
                    &format!(
                        "a smaller fraction: class {class} has {n_c} {} and \
                         round({test_fraction} × {n_c}) = {n_test} would leave none for training",
                        plural(n_c, "row", "rows")
                    ),
                ));
            }
            test.extend_from_slice(&rows[..n_test]);
            train.extend_from_slice(&rows[n_test..]);
        }
        train.shuffle(&mut rng);
        test.shuffle(&mut rng);
        Ok((self.select(&train)?, self.select(&test)?))
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

    /// Reads a CSV file; see [`Dataset::from_csv_reader`] for the format.
    /// The dataset is named after the file stem (`moons.csv` → `"moons"`).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if the file cannot be read; otherwise as
    /// [`Dataset::from_csv_reader`].
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let path = std::env::temp_dir().join("activation_lab_doc_xor.csv");
    /// let data = activation_lab::data::xor(20, 0.1, 3)?;
    /// data.to_csv_path(&path)?;
    /// let back = activation_lab::Dataset::from_csv_path(&path, None)?;
    /// assert_eq!(back.name(), "activation_lab_doc_xor");
    /// assert_eq!(back.features(), data.features());
    /// # std::fs::remove_file(&path).ok();
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_csv_path(path: impl AsRef<Path>, label: Option<&str>) -> Result<Self> {
        Dataset::from_csv_path_with_classes(path, label, None)
    }

    /// [`Dataset::from_csv_path`] for a label column that holds two class
    /// names instead of 0 and 1: `positive` names class 1, the other name
    /// is class 0, and both become the dataset's class names (see
    /// [`Dataset::from_csv_reader_with_classes`]). `positive = None` reads
    /// 0/1 labels.
    ///
    /// # Errors
    /// As [`Dataset::from_csv_reader_with_classes`], plus [`Error::Io`].
    pub fn from_csv_path_with_classes(
        path: impl AsRef<Path>,
        label: Option<&str>,
        positive: Option<&str>,
    ) -> Result<Self> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            action: "read",
            path: path.display().to_string(),
            source,
        })?;
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| "data".to_string());
        Ok(Dataset::from_csv_bytes(&bytes, label, positive)?.with_name(name))
    }

    /// Reads CSV text: a header row, then one row per sample.
    ///
    /// ```text
    /// x1,x2,y
    /// 0.25,-1.5,0
    /// 1.0,0.75,1
    /// ```
    ///
    /// The label column is the one named `label`, or the last column when
    /// `label` is `None`; every other column is a numeric feature, named by
    /// the header. Whitespace around cells is trimmed and blank lines are
    /// skipped. A label cell must be a number equal to 0 or 1 (`0`, `1`,
    /// `0.0`, `1.0`, …). The name is `"data"`.
    ///
    /// The separator is the header's: a comma when the header has one, else
    /// a semicolon, else a tab, as spreadsheets export CSV in languages that
    /// write decimals with a comma; in a file separated by semicolons or tabs
    /// a decimal comma is read as a point (`1,5` is 1.5). A byte-order mark
    /// before the header is skipped.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] with the 1-based line number (the header is line 1)
    /// and, where it applies, the column name, when:
    /// - the input is empty or blank (`"no header row"`, line 1);
    /// - the header has fewer than 2 columns, an empty or a repeated name;
    /// - a row has more or fewer fields than the header;
    /// - a feature cell is empty, not a number, or not finite (`NaN`, `inf`,
    ///   `1e999`);
    /// - a label cell is not 0 or 1;
    /// - the text is not UTF-8.
    ///
    /// [`Error::UnknownName`] (kind `"column"`) if `label` names no column;
    /// [`Error::Empty`] if there is a header but no data row.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    ///
    /// let text = "y, a, b\n1, 0.5, 2\n0, -1, 3\n";
    /// let data = Dataset::from_csv_reader(text.as_bytes(), Some("y"))?;
    /// assert_eq!(data.feature_names(), ["a", "b"]);
    /// assert_eq!(data.labels().to_vec(), vec![1, 0]);
    ///
    /// let err = Dataset::from_csv_reader("x1,x2,y\n1,abc,0\n".as_bytes(), None).unwrap_err();
    /// assert_eq!(err.to_string(), "CSV line 2, column x2: \"abc\" is not a number");
    ///
    /// // from a spreadsheet set to a language with decimal commas
    /// let data = Dataset::from_csv_reader("x1;x2;y\n1,5;2;0\n-0,25;4;1\n".as_bytes(), None)?;
    /// assert_eq!(data.features(), ndarray::array![[1.5, 2.0], [-0.25, 4.0]]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_csv_reader(reader: impl Read, label: Option<&str>) -> Result<Self> {
        Dataset::from_csv_reader_with_classes(reader, label, None)
    }

    /// [`Dataset::from_csv_reader`] for a label column that holds two class
    /// names (`versicolor`, `virginica`) or two other values (`1`, `2`)
    /// instead of 0 and 1: the rows labelled `positive` are class 1, the
    /// rows with the column's other value class 0, and the dataset's class
    /// names are `[other, positive]`. `positive = None` reads 0/1 labels, as
    /// [`Dataset::from_csv_reader`] does.
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    ///
    /// let text = "species,petal_length,petal_width\n\
    ///             versicolor,4.7,1.4\nvirginica,6.0,2.5\nversicolor,4.5,1.5\n";
    /// let data = Dataset::from_csv_reader_with_classes(text.as_bytes(), Some("species"), Some("virginica"))?;
    /// assert_eq!(data.labels().to_vec(), vec![0, 1, 0]);
    /// assert_eq!(data.class_names(), &["versicolor".to_string(), "virginica".to_string()]);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// As [`Dataset::from_csv_reader`], and [`Error::Csv`] when the label
    /// column holds more than two values, or `positive` is not one of them.
    pub fn from_csv_reader_with_classes(
        mut reader: impl Read,
        label: Option<&str>,
        positive: Option<&str>,
    ) -> Result<Self> {
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return Err(csv_error(
                1 + count_line_breaks(&bytes),
                None,
                &format!("cannot read the input: {e}"),
            ));
        }
        Dataset::from_csv_bytes(&bytes, label, positive)
    }

    /// [`Dataset::from_csv_reader`] on text already in memory. The line
    /// numbers are computed here from byte offsets: the `csv` crate's own
    /// line count does not see the blank lines it skips.
    fn from_csv_bytes(bytes: &[u8], label: Option<&str>, positive: Option<&str>) -> Result<Self> {
        let delimiter = sniff_delimiter(bytes);
        let mut reader = csv_reader(bytes, delimiter);
        let mut record = csv::StringRecord::new();

        let (header_line, header) = read_header(&mut reader, &mut record, bytes, delimiter)?;
        let n_columns = header.len();
        if n_columns < 2 {
            return Err(csv_error(
                header_line,
                None,
                &format!(
                    "found {n_columns} column: expected at least one feature column and a label column{}",
                    separator_hint(&header[0])
                ),
            ));
        }
        let label_column = match label {
            None => n_columns - 1,
            Some(wanted) => header
                .iter()
                .position(|name| name == wanted)
                .ok_or_else(|| Error::UnknownName {
                    kind: "column".to_string(),
                    name: wanted.to_string(),
                    expected: header.join(", "),
                })?,
        };

        // rows
        let mut values = Vec::new();
        let mut labels = Vec::new();
        // with `positive`: the label column's other value (class 0)
        let mut negative: Option<String> = None;
        while next_record(&mut reader, &mut record, bytes)? {
            if is_blank(&record) {
                continue;
            }
            let line = record_line(&record, bytes);
            if record.len() != n_columns {
                return Err(csv_error(
                    line,
                    None,
                    &format!(
                        "expected {n_columns} fields (as in the header), found {}{}",
                        record.len(),
                        separator_note(delimiter)
                    ),
                ));
            }
            for (j, cell) in record.iter().enumerate() {
                let column = Some(header[j].as_str());
                if j == label_column {
                    if let Some(p) = positive {
                        if cell == p {
                            labels.push(1u8);
                        } else {
                            match &negative {
                                Some(other) if other != cell && !labels.contains(&1) => {
                                    return Err(csv_error(
                                        line,
                                        column,
                                        &format!(
                                            "positive = {} names no label seen so far, and this column \
                                             holds {} and {}: expected one of them",
                                            quoted(p),
                                            quoted(other),
                                            quoted(cell)
                                        ),
                                    ));
                                }
                                Some(other) if other != cell => {
                                    return Err(csv_error(
                                        line,
                                        column,
                                        &format!(
                                            "label {} is a third class (the others are {} and {}): \
                                             expected two classes",
                                            quoted(cell),
                                            quoted(other),
                                            quoted(p)
                                        ),
                                    ));
                                }
                                Some(_) => {}
                                None => negative = Some(cell.to_string()),
                            }
                            labels.push(0u8);
                        }
                        continue;
                    }
                    match cell.parse::<f64>() {
                        Ok(0.0) => labels.push(0u8),
                        Ok(1.0) => labels.push(1u8),
                        _ => {
                            return Err(csv_error(
                                line,
                                column,
                                &format!(
                                    "label {} is not a class: expected 0 or 1{}",
                                    quoted(cell),
                                    label_hint(cell, label.is_some())
                                ),
                            ));
                        }
                    }
                } else {
                    values.push(parse_feature_cell(cell, line, column, delimiter)?);
                }
            }
        }
        if labels.is_empty() {
            return Err(Error::empty("the CSV data", "data row"));
        }

        let n = labels.len();
        let d = n_columns - 1;
        let found = values.len();
        let features = Array2::from_shape_vec((n, d), values)
            .map_err(|_| Error::shape("feature values", n.saturating_mul(d), found))?;
        let header_label = header[label_column].clone();
        let feature_names = header
            .into_iter()
            .enumerate()
            .filter(|&(j, _)| j != label_column)
            .map(|(_, name)| name)
            .collect();
        let data =
            Dataset::new(features, Array1::from(labels))?.with_feature_names(feature_names)?;
        match positive {
            None => Ok(data),
            Some(p) if !data.labels().iter().any(|&y| y == 1) => Err(csv_error(
                header_line,
                Some(&header_label),
                &format!(
                    "no row has the label {}: the labels are {}; expected the name of one of them",
                    quoted(p),
                    negative.as_deref().map_or("none".to_string(), quoted)
                ),
            )),
            Some(p) => {
                let other = negative.unwrap_or_else(|| format!("not {p}"));
                Ok(data.with_class_names([other.as_str(), p]))
            }
        }
    }

    /// Writes the data as CSV: a header of the feature names then the label
    /// column, one row per sample.
    ///
    /// The label column is named `y` (or, if a feature is already called
    /// `y`, the first free name of `label`, `class`, `target`, `y_`, `y__`, …).
    /// Numbers use Rust's shortest round-trip formatting (`{}`), so reading
    /// the file back gives bit-identical features.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] (action `"write"`, path `"the CSV output"`) if the
    /// writer fails.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.1, -2.0]], array![1])?;
    /// let mut out = Vec::new();
    /// data.to_csv_writer(&mut out)?;
    /// assert_eq!(String::from_utf8_lossy(&out), "x1,x2,y\n0.1,-2,1\n");
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_csv_writer(&self, w: impl Write) -> Result<()> {
        self.write_csv(w).map_err(|e| Error::Io {
            action: "write",
            path: "the CSV output".to_string(),
            source: e.into(),
        })
    }

    /// Writes the data to a CSV file, in the format of [`Dataset::to_csv_writer`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`] (action `"write"`) if the file cannot be written.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let path = std::env::temp_dir().join("activation_lab_doc_moons.csv");
    /// activation_lab::data::moons(10, 0.1, 1)?.to_csv_path(&path)?;
    /// assert!(std::fs::read_to_string(&path).unwrap().starts_with("x1,x2,y\n"));
    /// # std::fs::remove_file(&path).ok();
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_csv_path(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        std::fs::write(path, self.to_csv_string()).map_err(|source| Error::Io {
            action: "write",
            path: path.display().to_string(),
            source,
        })
    }

    /// The data as CSV text, in the format of [`Dataset::to_csv_writer`].
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[1.5], [-0.0]], array![0, 1])?;
    /// assert_eq!(data.to_csv_string(), "x1,y\n1.5,0\n-0,1\n");
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_csv_string(&self) -> String {
        let mut buffer = Vec::new();
        // writing to a Vec cannot fail
        let _ = self.write_csv(&mut buffer);
        String::from_utf8_lossy(&buffer).into_owned()
    }

    fn write_csv(&self, w: impl Write) -> std::result::Result<(), csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(w);
        let mut header = self.feature_names.clone();
        header.push(self.label_column_name());
        writer.write_record(&header)?;
        let mut row = Vec::with_capacity(self.n_features() + 1);
        for (x, y) in self.features.rows().into_iter().zip(&self.labels) {
            row.clear();
            row.extend(x.iter().map(|v| v.to_string()));
            row.push(y.to_string());
            writer.write_record(&row)?;
        }
        writer.flush()?;
        Ok(())
    }

    fn label_column_name(&self) -> String {
        let taken = |name: &str| self.feature_names.iter().any(|f| f == name);
        for candidate in ["y", "label", "class", "target"] {
            if !taken(candidate) {
                return candidate.to_string();
            }
        }
        let mut name = "y_".to_string();
        while taken(&name) {
            name.push('_');
        }
        name
    }
}

/// The checks of [`Dataset::new`].
/// The column names of a CSV file's header (checked as every reader checks
/// it: a name for every column, none repeated), without reading its rows:
/// to decide how to read a file whose label column may hold class names.
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let path = std::env::temp_dir().join("activation_lab_doc_header.csv");
/// std::fs::write(&path, "species;x1\nsetosa;1,5\n").unwrap();
/// assert_eq!(activation_lab::data::csv_column_names(&path)?, ["species", "x1"]);
/// # std::fs::remove_file(&path).ok();
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Io`] if the file cannot be read, [`Error::Csv`] for a missing or
/// malformed header.
pub fn csv_column_names(path: impl AsRef<Path>) -> Result<Vec<String>> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        action: "read",
        path: path.display().to_string(),
        source,
    })?;
    let delimiter = sniff_delimiter(&bytes);
    let mut reader = csv_reader(&bytes, delimiter);
    let mut record = csv::StringRecord::new();
    Ok(read_header(&mut reader, &mut record, &bytes, delimiter)?.1)
}

/// Reads a CSV file of features only: a header row, then one row of
/// numbers per sample, with no label column (the inputs to classify with a
/// saved model). Returns the column names and the `[n, d]` matrix.
///
/// The format and checks are those of [`Dataset::from_csv_reader`] without
/// the label column: at least one column, every cell a finite number.
///
/// # Errors
///
/// [`Error::Io`] if the file cannot be read; otherwise as
/// [`features_from_csv_reader`].
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let path = std::env::temp_dir().join("activation_lab_doc_inputs.csv");
/// std::fs::write(&path, "x1,x2\n0.5,1\n-2,3\n").unwrap();
/// let (names, x) = activation_lab::data::features_from_csv_path(&path)?;
/// assert_eq!(names, ["x1", "x2"]);
/// assert_eq!(x, ndarray::array![[0.5, 1.0], [-2.0, 3.0]]);
/// # std::fs::remove_file(&path).ok();
/// # Ok(())
/// # }
/// ```
pub fn features_from_csv_path(path: impl AsRef<Path>) -> Result<(Vec<String>, Array2<f64>)> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        action: "read",
        path: path.display().to_string(),
        source,
    })?;
    features_from_csv_bytes(&bytes)
}

/// Reads CSV text of features only (see [`features_from_csv_path`]).
///
/// # Errors
///
/// [`Error::Csv`] with the 1-based line number and, where it applies, the
/// column name, when the input has no header, an empty or repeated column
/// name, a row with more or fewer fields than the header, or a cell that
/// is empty, not a number or not finite; [`Error::Empty`] if there is a
/// header but no data row.
///
/// # Example
///
/// ```
/// use activation_lab::data::features_from_csv_reader;
///
/// let err = features_from_csv_reader("a,b\n1,2\n3,nan\n".as_bytes()).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "CSV line 3, column b: \"nan\" is not finite: expected a finite number"
/// );
/// ```
pub fn features_from_csv_reader(mut reader: impl Read) -> Result<(Vec<String>, Array2<f64>)> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Err(csv_error(
            1 + count_line_breaks(&bytes),
            None,
            &format!("cannot read the input: {e}"),
        ));
    }
    features_from_csv_bytes(&bytes)
}

fn features_from_csv_bytes(bytes: &[u8]) -> Result<(Vec<String>, Array2<f64>)> {
    let delimiter = sniff_delimiter(bytes);
    let mut reader = csv_reader(bytes, delimiter);
    let mut record = csv::StringRecord::new();
    let (_, header) = read_header(&mut reader, &mut record, bytes, delimiter)?;
    let d = header.len();
    let mut values = Vec::new();
    let mut n = 0usize;
    while next_record(&mut reader, &mut record, bytes)? {
        if is_blank(&record) {
            continue;
        }
        let line = record_line(&record, bytes);
        if record.len() != d {
            return Err(csv_error(
                line,
                None,
                &format!(
                    "expected {d} fields (as in the header), found {}{}",
                    record.len(),
                    separator_note(delimiter)
                ),
            ));
        }
        for (j, cell) in record.iter().enumerate() {
            values.push(parse_feature_cell(
                cell,
                line,
                Some(header[j].as_str()),
                delimiter,
            )?);
        }
        n += 1;
    }
    if n == 0 {
        return Err(Error::empty("the CSV data", "data row"));
    }
    let found = values.len();
    let x = Array2::from_shape_vec((n, d), values)
        .map_err(|_| Error::shape("feature values", n.saturating_mul(d), found))?;
    Ok((header, x))
}

/// Reads the header row (skipping blank lines before it) and checks that
/// every column has a name and no name repeats. Returns its line and names.
fn read_header(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    bytes: &[u8],
    delimiter: u8,
) -> Result<(u64, Vec<String>)> {
    check_csv_text(bytes, delimiter)?;
    let (header_line, header) = loop {
        if !next_record(reader, record, bytes)? {
            return Err(csv_error(1, None, "no header row"));
        }
        if !is_blank(record) {
            let mut names: Vec<String> = record.iter().map(str::to_string).collect();
            if let Some(first) = names.first_mut()
                && let Some(rest) = first.strip_prefix('\u{feff}')
            {
                *first = rest.trim().to_string();
            }
            break (record_line(record, bytes), names);
        }
    };
    for (j, name) in header.iter().enumerate() {
        if name.is_empty() {
            return Err(csv_error(
                header_line,
                Some(&(j + 1).to_string()),
                if j == 0 {
                    "empty column name: expected a name for every column (an unnamed first \
                     column is often a saved index, as pandas writes by default: drop it, or \
                     save with index=False)"
                } else {
                    "empty column name: expected a name for every column"
                },
            ));
        }
        if header[..j].contains(name) {
            return Err(csv_error(
                header_line,
                Some(name),
                "repeated column name: expected unique names",
            ));
        }
    }
    Ok((header_line, header))
}

/// What a label that is not 0 or 1 suggests: class names (name the
/// positive one), classes numbered otherwise, or a measurement (so the
/// label column is another one). `named`: the caller chose the column.
fn label_hint(cell: &str, named: bool) -> String {
    let positive = format!(
        "name the one that is class 1: positive = {} (--positive {cell} in the command-line tool)",
        quoted(cell)
    );
    match cell.parse::<f64>() {
        Err(_) => format!(", or two class names: {positive}"),
        Ok(v) if v.fract() == 0.0 => format!("; for classes numbered otherwise, {positive}"),
        Ok(_) if named => String::new(),
        Ok(_) => "; this looks like a measurement: if the labels are in another column, name it \
                  (label, or --label in the command-line tool)"
            .to_string(),
    }
}

/// The separator of a file: a comma when its header line has one (outside
/// quotes), else a semicolon, else a tab (as spreadsheets export), else a
/// comma.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let header = text
        .split(|&b| b == b'\n' || b == b'\r')
        .find(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .unwrap_or(&[]);
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    match counts {
        [c, _, _] if c > 0 => b',',
        [_, s, _] if s > 0 => b';',
        [_, _, t] if t > 0 => b'\t',
        _ => b',',
    }
}

/// The one CSV reader of the crate: no header handling (the header is read
/// and checked by [`read_header`]), rows of any length (checked against the
/// header with their line), cells trimmed.
fn csv_reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(bytes)
}

/// Names the separator in a message about fields, unless it is a comma.
fn separator_note(delimiter: u8) -> String {
    match delimiter {
        b';' => " (fields separated by ';', as the header is)".to_string(),
        b'\t' => " (fields separated by tabs, as the header is)".to_string(),
        _ => String::new(),
    }
}

/// For a header that is one column: the separator it seems to use instead
/// of commas, and what to do about it.
fn separator_hint(header: &str) -> String {
    let candidates = [(';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars")];
    match candidates.iter().find(|(c, _)| header.contains(*c)) {
        Some((c, name)) => format!(
            ", separated by commas (the header has {name} instead: the file looks separated by {c:?}; \
             save it as comma-separated CSV{})",
            if *c == ';' {
                ", with decimal points rather than decimal commas"
            } else {
                ""
            }
        ),
        None => String::new(),
    }
}

/// Checks the whole text before it is split into records: a file that is
/// JSON rather than CSV, and a quote that is never closed (which would
/// swallow every line after it into one field), each named with its line.
fn check_csv_text(bytes: &[u8], delimiter: u8) -> Result<()> {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(i) = start
        && (text[i] == b'{' || text[i..].starts_with(b"[{") || text[i..].starts_with(b"[["))
    {
        return Err(csv_error(
            1 + count_line_breaks(&text[..i]),
            None,
            "this looks like JSON (it starts with a bracket), not CSV: expected a header line \
             such as x1,x2,y and one comma-separated row per line",
        ));
    }
    // the csv crate's rule: a quote opens a quoted field only at the start
    // of a field; inside it, "" is a quote and " followed by anything else
    // closes it
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let (mut state, mut opened) = (State::FieldStart, 0usize);
    for (i, &b) in text.iter().enumerate() {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart, b'"') => {
                opened = i;
                State::Quoted
            }
            (_, b'\n' | b'\r') => State::FieldStart,
            (_, d) if d == delimiter => State::FieldStart,
            _ => State::Unquoted,
        };
    }
    if let State::Quoted = state {
        return Err(csv_error(
            1 + count_line_breaks(&text[..opened]),
            None,
            "a quote (\") opened on this line is never closed: expected a closing \" \
             before the end of the file",
        ));
    }
    Ok(())
}

/// Parses one feature cell: a finite number.
fn parse_feature_cell(cell: &str, line: u64, column: Option<&str>, delimiter: u8) -> Result<f64> {
    if cell.is_empty() {
        return Err(csv_error(line, column, "empty cell: expected a number"));
    }
    // a file separated by semicolons or tabs may write decimals with a
    // comma, as spreadsheets in many languages do: "1,5" is 1.5
    let decimal_comma = delimiter != b',' && cell.matches(',').count() == 1 && !cell.contains('.');
    let parsed = if decimal_comma {
        cell.replace(',', ".").parse::<f64>()
    } else {
        cell.parse::<f64>()
    };
    match parsed {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(csv_error(
            line,
            column,
            &format!("{} is not finite: expected a finite number", quoted(cell)),
        )),
        Err(_) => Err(csv_error(
            line,
            column,
            &format!("{} is not a number", quoted(cell)),
        )),
    }
}

fn validate(features: &Array2<f64>, labels: &Array1<u8>) -> Result<()> {
    if labels.len() != features.nrows() {
        return Err(Error::shape("labels", features.nrows(), labels.len()));
    }
    if features.ncols() == 0 {
        return Err(Error::empty("features", "feature column"));
    }
    if let Some(((row, column), &value)) = features.indexed_iter().find(|(_, v)| !v.is_finite()) {
        return Err(Error::NonFinite {
            what: "features".to_string(),
            row,
            column,
            value,
        });
    }
    if let Some((row, &y)) = labels.iter().enumerate().find(|&(_, &y)| y > 1) {
        return Err(Error::InvalidLabel {
            row,
            value: y.to_string(),
        });
    }
    Ok(())
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// A cell in quotes for a message, cut short if long.
fn quoted(cell: &str) -> String {
    if cell.chars().count() <= MAX_QUOTED_CHARS {
        format!("\"{cell}\"")
    } else {
        let head: String = cell.chars().take(MAX_QUOTED_CHARS).collect();
        format!("\"{head}…\"")
    }
}

fn csv_error(line: u64, column: Option<&str>, message: &str) -> Error {
    Error::Csv {
        line,
        column: column.map(str::to_string),
        message: message.to_string(),
    }
}

/// Reads the next record; `false` at the end of the input.
fn next_record(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    bytes: &[u8],
) -> Result<bool> {
    reader.read_record(record).map_err(|e| {
        let start = e.position().map_or(0, |p| p.byte());
        let message = match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "invalid UTF-8: expected text".to_string(),
            csv::ErrorKind::Io(io) => format!("cannot read the input: {io}"),
            _ => e.to_string(),
        };
        csv_error(line_at(bytes, start), None, &message)
    })
}

/// The 1-based line a record starts on.
fn record_line(record: &csv::StringRecord, bytes: &[u8]) -> u64 {
    line_at(bytes, record.position().map_or(0, |p| p.byte()))
}

/// The 1-based line of the first byte at or after `offset` that is not a
/// line break (the `csv` reader reports a record's offset before the blank
/// lines it skips).
fn line_at(bytes: &[u8], offset: u64) -> u64 {
    let mut start = usize::try_from(offset).map_or(bytes.len(), |o| o.min(bytes.len()));
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    1 + count_line_breaks(&bytes[..start])
}

/// Line breaks in `bytes`: `\n`, `\r\n` (counted once) and a lone `\r`.
fn count_line_breaks(bytes: &[u8]) -> u64 {
    let mut breaks = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if b == b'\n' || lone_cr {
            breaks += 1;
        }
    }
    breaks
}

/// A line holding nothing but whitespace.
fn is_blank(record: &csv::StringRecord) -> bool {
    record.is_empty() || (record.len() == 1 && record[0].is_empty())
}

// ---------------------------------------------------------------- generators

/// The largest noise a generator adds: far beyond any useful level, and
/// small enough that every drawn point is finite.
const MAX_NOISE: f64 = 1e6;

/// Checks the arguments every generator shares.
fn check_size_and_noise(n_samples: usize, noise: f64) -> Result<()> {
    // features, labels and the generator's own rows: about 40 bytes a sample
    crate::limits::check_count(
        "n_samples",
        n_samples,
        crate::limits::MAX_SAMPLES,
        "samples",
        40,
    )?;
    if n_samples < 2 {
        return Err(Error::param(
            "n_samples",
            n_samples,
            "at least 2 (one row per class)",
        ));
    }
    if !(noise.is_finite() && noise >= 0.0) {
        return Err(Error::param("noise", noise, "a finite number >= 0"));
    }
    if noise > MAX_NOISE {
        return Err(Error::param(
            "noise",
            noise,
            &format!(
                "a standard deviation from 0 to {MAX_NOISE:e} (the data lies within about ±2; 0.1 to 0.5 is typical)"
            ),
        ));
    }
    Ok(())
}

/// `num` evenly spaced numbers from `start`, like NumPy's `linspace`:
/// `start + i · step`, with `step = (stop − start) / (num − 1)` and the last
/// one exactly `stop` when `endpoint`, else `step = (stop − start) / num`.
fn linspace(start: f64, stop: f64, num: usize, endpoint: bool) -> Vec<f64> {
    let divisions = if endpoint { num.saturating_sub(1) } else { num };
    if divisions == 0 {
        return vec![start; num];
    }
    let step = (stop - start) / divisions as f64;
    let mut values: Vec<f64> = (0..num).map(|i| start + i as f64 * step).collect();
    if endpoint && let Some(last) = values.last_mut() {
        *last = stop;
    }
    values
}

/// Shuffles the clean points, adds `N(0, noise²)` to each coordinate and
/// builds the named dataset.
fn finish(
    mut rows: Vec<([f64; 2], u8)>,
    noise: f64,
    rng: &mut impl Rng,
    name: &str,
    class_names: [&str; 2],
) -> Result<Dataset> {
    rows.shuffle(rng);
    let n = rows.len();
    let mut values = Vec::with_capacity(2 * n);
    let mut labels = Vec::with_capacity(n);
    for ([x1, x2], y) in rows {
        values.push(x1 + noise * standard_normal(rng));
        values.push(x2 + noise * standard_normal(rng));
        labels.push(y);
    }
    let features = Array2::from_shape_vec((n, 2), values)
        .map_err(|_| Error::shape("feature values", n.saturating_mul(2), 2 * n))?;
    Ok(Dataset::new(features, Array1::from(labels))?
        .with_name(name)
        .with_class_names(class_names))
}

/// Two Gaussian blobs, the linearly separable case.
///
/// ```text
/// class 0 ~ N((−1.5, −1.5), noise² I)     n / 2 rows       "lower-left blob"
/// class 1 ~ N(( 1.5,  1.5), noise² I)     n − n / 2 rows   "upper-right blob"
/// ```
///
/// The centres are `3√2 ≈ 4.24` apart, so with the default noise 0.6 the
/// classes overlap in about 1 row in 5000, and at noise 1.0 in about 1 in 60.
/// Rows are shuffled; the same seed gives the same data.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::blobs(100, 0.6, 1)?;
/// assert_eq!(data.class_counts(), [50, 50]);
/// # Ok(())
/// # }
/// ```
pub fn blobs(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_0 = n_samples / 2;
    let rows = (0..n_samples)
        .map(|i| {
            if i < n_0 {
                ([-1.5, -1.5], 0)
            } else {
                ([1.5, 1.5], 1)
            }
        })
        .collect();
    finish(
        rows,
        noise,
        &mut rng,
        "blobs",
        ["lower-left blob", "upper-right blob"],
    )
}

/// Two interleaving half circles, the geometry of scikit-learn's
/// `make_moons`.
///
/// ```text
/// class 0 (upper moon), n / 2 rows:       (cos t, sin t)              t = linspace(0, π)
/// class 1 (lower moon), n − n / 2 rows:   (1 − cos t, 1 − sin t − ½)  t = linspace(0, π)
/// then N(0, noise²) added to every coordinate
/// ```
///
/// Rows are shuffled; the same seed gives the same data (scikit-learn's
/// random stream is not reproduced, only its geometry).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::moons(200, 0.0, 7)?;
/// // without noise, every class-0 point lies on the unit circle
/// for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
///     if y == 0 {
///         assert!((x[0].hypot(x[1]) - 1.0).abs() < 1e-12);
///     }
/// }
/// # Ok(())
/// # }
/// ```
pub fn moons(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_out = n_samples / 2;
    let n_in = n_samples - n_out;
    let outer = linspace(0.0, std::f64::consts::PI, n_out, true)
        .into_iter()
        .map(|t| ([t.cos(), t.sin()], 0));
    let inner = linspace(0.0, std::f64::consts::PI, n_in, true)
        .into_iter()
        .map(|t| ([1.0 - t.cos(), 1.0 - t.sin() - 0.5], 1));
    finish(
        outer.chain(inner).collect(),
        noise,
        &mut rng,
        "moons",
        ["upper moon", "lower moon"],
    )
}

/// A small circle inside a large one, the geometry of scikit-learn's
/// `make_circles`.
///
/// ```text
/// class 0 (outer circle), n / 2 rows:       (cos t, sin t)                    t = linspace(0, 2π, endpoint = false)
/// class 1 (inner circle), n − n / 2 rows:   (factor · cos t, factor · sin t)  t = linspace(0, 2π, endpoint = false)
/// then N(0, noise²) added to every coordinate
/// ```
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2`, a `noise` that is
/// negative or not finite, or a `factor` outside `(0, 1)`;
/// [`Error::NonFinite`] if the noise is so large that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::circles(100, 0.0, 0.4, 1)?;
/// for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
///     let radius = if y == 0 { 1.0 } else { 0.4 };
///     assert!((x[0].hypot(x[1]) - radius).abs() < 1e-12);
/// }
/// # Ok(())
/// # }
/// ```
pub fn circles(n_samples: usize, noise: f64, factor: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    if !(factor > 0.0 && factor < 1.0) {
        return Err(Error::param(
            "factor",
            factor,
            "a number in (0, 1), e.g. 0.4",
        ));
    }
    let mut rng = seeded(seed);
    let n_out = n_samples / 2;
    let n_in = n_samples - n_out;
    let tau = std::f64::consts::TAU;
    let outer = linspace(0.0, tau, n_out, false)
        .into_iter()
        .map(|t| ([t.cos(), t.sin()], 0));
    let inner = linspace(0.0, tau, n_in, false)
        .into_iter()
        .map(|t| ([factor * t.cos(), factor * t.sin()], 1));
    finish(
        outer.chain(inner).collect(),
        noise,
        &mut rng,
        "circles",
        ["outer circle", "inner circle"],
    )
}

/// The XOR problem: points uniform in the square `[−1, 1]²`, labelled by
/// whether the two coordinates have opposite signs.
///
/// ```text
/// y = (x1 > 0) XOR (x2 > 0)
/// ```
///
/// Class 0 (`n / 2` rows, "same signs") fills the first and third
/// quadrants, class 1 (`n − n / 2` rows, "opposite signs") the second and
/// fourth: each row picks one of its class's two quadrants with a fair coin
/// and is uniform inside it. Then `N(0, noise²)` is added to the features;
/// the labels keep the clean quadrant, so with noise some points cross an
/// axis. Noise 0 gives perfectly clean data.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::xor(100, 0.0, 1)?;
/// for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
///     assert_eq!((x[0] > 0.0) ^ (x[1] > 0.0), y == 1);
/// }
/// # Ok(())
/// # }
/// ```
pub fn xor(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_0 = n_samples / 2;
    let rows = (0..n_samples)
        .map(|i| {
            let y = u8::from(i >= n_0);
            let sign = if rng.random::<bool>() { 1.0 } else { -1.0 };
            // magnitudes in (0, 1], so no point sits on an axis
            let m1 = 1.0 - rng.random::<f64>();
            let m2 = 1.0 - rng.random::<f64>();
            let x1 = sign * m1;
            let x2 = if y == 0 { sign * m2 } else { -sign * m2 };
            ([x1, x2], y)
        })
        .collect();
    finish(
        rows,
        noise,
        &mut rng,
        "xor",
        ["same signs", "opposite signs"],
    )
}

/// Two interleaved Archimedean spirals of one and a half turns each; class 1
/// is class 0 rotated by π (a harder extension beyond the article).
///
/// ```text
/// θ = linspace(0, 3π)          (one and a half turns)
/// r = 0.1 + 0.9 · θ / (3π)     (from 0.1 to 1)
/// class 0, n / 2 rows:         ( r cos θ,  r sin θ)
/// class 1, n − n / 2 rows:     (−r cos θ, −r sin θ)
/// then N(0, noise²) added to every coordinate
/// ```
///
/// Neighbouring arms of the two classes are 0.3 apart, so noise above
/// about 0.1 starts to blur them (default 0.05).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::spirals(100, 0.0, 1)?;
/// let max_radius = data
///     .features()
///     .rows()
///     .into_iter()
///     .map(|x| x[0].hypot(x[1]))
///     .fold(0.0, f64::max);
/// assert!((max_radius - 1.0).abs() < 1e-12);
/// # Ok(())
/// # }
/// ```
pub fn spirals(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_0 = n_samples / 2;
    let n_1 = n_samples - n_0;
    let turns = 3.0 * std::f64::consts::PI;
    let arm = |theta: f64| {
        let r = 0.1 + 0.9 * theta / turns;
        [r * theta.cos(), r * theta.sin()]
    };
    let class_0 = linspace(0.0, turns, n_0, true)
        .into_iter()
        .map(|theta| (arm(theta), 0));
    let class_1 = linspace(0.0, turns, n_1, true).into_iter().map(|theta| {
        let [x1, x2] = arm(theta);
        ([-x1, -x2], 1)
    });
    finish(
        class_0.chain(class_1).collect(),
        noise,
        &mut rng,
        "spirals",
        ["spiral A", "spiral B"],
    )
}

/// The built-in toy datasets, by name.
///
/// Serialised (and parsed) as its [`key`](DatasetKind::key): `"blobs"`,
/// `"moons"`, `"circles"`, `"xor"`, `"spirals"`.
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// use activation_lab::DatasetKind;
///
/// let kind: DatasetKind = "moons".parse()?;
/// let data = kind.generate(100, kind.default_noise(), 42)?;
/// assert_eq!(data.name(), "moons");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    /// Two Gaussian blobs, see [`blobs`].
    Blobs,
    /// Two half-moons, see [`moons`].
    Moons,
    /// Concentric circles, see [`circles`].
    Circles,
    /// The XOR quadrants, see [`xor`].
    Xor,
    /// Two interleaved spirals, see [`spirals`].
    Spirals,
}

impl DatasetKind {
    /// Every kind, in the order the notebooks introduce them.
    pub const ALL: [DatasetKind; 5] = [
        DatasetKind::Blobs,
        DatasetKind::Moons,
        DatasetKind::Circles,
        DatasetKind::Xor,
        DatasetKind::Spirals,
    ];

    /// The kind's name: `"blobs"`, `"moons"`, `"circles"`, `"xor"` or `"spirals"`.
    ///
    /// # Example
    ///
    /// ```
    /// use activation_lab::DatasetKind;
    /// assert_eq!(DatasetKind::Xor.key(), "xor");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            DatasetKind::Blobs => "blobs",
            DatasetKind::Moons => "moons",
            DatasetKind::Circles => "circles",
            DatasetKind::Xor => "xor",
            DatasetKind::Spirals => "spirals",
        }
    }

    /// A noise level that shows the shape clearly: blobs 0.6, moons 0.2,
    /// circles 0.1, xor 0.0, spirals 0.05.
    ///
    /// # Example
    ///
    /// ```
    /// use activation_lab::DatasetKind;
    /// assert_eq!(DatasetKind::Moons.default_noise(), 0.2);
    /// ```
    pub fn default_noise(self) -> f64 {
        match self {
            DatasetKind::Blobs => 0.6,
            DatasetKind::Moons => 0.2,
            DatasetKind::Circles => 0.1,
            DatasetKind::Xor => 0.0,
            DatasetKind::Spirals => 0.05,
        }
    }

    /// Whether a straight line can (almost) separate the classes: true only
    /// for blobs (at moderate noise), the case where logistic regression
    /// suffices.
    ///
    /// # Example
    ///
    /// ```
    /// use activation_lab::DatasetKind;
    /// assert!(DatasetKind::Blobs.is_linearly_separable());
    /// assert!(!DatasetKind::Moons.is_linearly_separable());
    /// ```
    pub fn is_linearly_separable(self) -> bool {
        matches!(self, DatasetKind::Blobs)
    }

    /// Generates this kind of data; circles use `factor = 0.4`.
    ///
    /// # Errors
    ///
    /// As the generator: [`Error::InvalidParameter`] for `n_samples < 2` or
    /// a `noise` that is negative or not finite.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::DatasetKind;
    ///
    /// for kind in DatasetKind::ALL {
    ///     let data = kind.generate(50, kind.default_noise(), 1)?;
    ///     assert_eq!(data.class_counts(), [25, 25]);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn generate(self, n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
        match self {
            DatasetKind::Blobs => blobs(n_samples, noise, seed),
            DatasetKind::Moons => moons(n_samples, noise, seed),
            DatasetKind::Circles => circles(n_samples, noise, 0.4, seed),
            DatasetKind::Xor => xor(n_samples, noise, seed),
            DatasetKind::Spirals => spirals(n_samples, noise, seed),
        }
    }
}

impl FromStr for DatasetKind {
    type Err = Error;

    /// Parses a key, ignoring case and surrounding whitespace.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownName`] (kind `"dataset"`) listing the keys.
    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim();
        DatasetKind::ALL
            .into_iter()
            .find(|kind| kind.key().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| Error::UnknownName {
                kind: "dataset".to_string(),
                name: s.to_string(),
                expected: DatasetKind::ALL.map(DatasetKind::key).join(", "),
            })
    }
}

impl fmt::Display for DatasetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

// ---------------------------------------------------------------- scaling

/// Standardises features to mean 0 and standard deviation 1, per column,
/// like scikit-learn's `StandardScaler`.
///
/// ```text
/// x' = (x − mean) / scale
/// ```
///
/// Fit it on the training data only, then transform both training and
/// test data (and the plotting grid) with the same numbers.
///
/// Serialises as `{"mean": [...], "scale": [...]}`; deserialising checks the
/// numbers as [`Standardizer::from_parts`] does.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "StandardizerParts", into = "StandardizerParts")]
pub struct Standardizer {
    /// `[d]` column means.
    mean: Array1<f64>,
    /// `[d]` column scales, each finite and > 0.
    scale: Array1<f64>,
}

/// The serialised form of a [`Standardizer`].
#[derive(serde::Serialize, serde::Deserialize)]
struct StandardizerParts {
    mean: Vec<f64>,
    scale: Vec<f64>,
}

impl TryFrom<StandardizerParts> for Standardizer {
    type Error = Error;

    fn try_from(parts: StandardizerParts) -> Result<Self> {
        Standardizer::from_parts(Array1::from(parts.mean), Array1::from(parts.scale))
    }
}

impl From<Standardizer> for StandardizerParts {
    fn from(s: Standardizer) -> Self {
        StandardizerParts {
            mean: s.mean.to_vec(),
            scale: s.scale.to_vec(),
        }
    }
}

impl Standardizer {
    /// Learns the mean and the scale of each column of `x` (`[n, d]`).
    ///
    /// ```text
    /// mean_j  = (1/n) Σ_i x_ij
    /// scale_j = sqrt((1/n) Σ_i (x_ij − mean_j)²)     population std (ddof 0)
    /// ```
    ///
    /// A column whose values are all equal gets mean = that value and
    /// scale 1.0 (as in scikit-learn), so it transforms to zeros instead of
    /// dividing by zero; so does a column whose spread is too small to
    /// represent (a subnormal scale).
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] if `x` has no rows or no columns;
    /// [`Error::NonFinite`] for a NaN or infinite value.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    /// use ndarray::array;
    ///
    /// let s = Standardizer::fit(&array![[1.0, 5.0], [3.0, 5.0]])?;
    /// assert_eq!(s.mean(), array![2.0, 5.0]);
    /// assert_eq!(s.scale(), array![1.0, 1.0]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn fit(x: &Array2<f64>) -> Result<Self> {
        if x.nrows() == 0 {
            return Err(Error::empty("the data to standardise", "row"));
        }
        if x.ncols() == 0 {
            return Err(Error::empty("the data to standardise", "feature column"));
        }
        if let Some(((row, column), &value)) = x.indexed_iter().find(|(_, v)| !v.is_finite()) {
            return Err(Error::NonFinite {
                what: "x".to_string(),
                row,
                column,
                value,
            });
        }
        let n = x.nrows() as f64;
        let mut mean = Vec::with_capacity(x.ncols());
        let mut scale = Vec::with_capacity(x.ncols());
        for column in x.columns() {
            let first = column[0];
            if column.iter().all(|&v| v == first) {
                mean.push(first);
                scale.push(1.0);
                continue;
            }
            // each term divided first, so the sum cannot overflow
            let m: f64 = column.iter().map(|&v| v / n).sum();
            // halved deviations, so |x − m| up to 2·f64::MAX cannot overflow
            let half_dev = column.mapv(|v| v / 2.0 - m / 2.0);
            let largest = half_dev.iter().fold(0.0_f64, |a, &h| a.max(h.abs()));
            let s = if largest > 0.0 {
                let mean_square: f64 = half_dev.iter().map(|&h| (h / largest).powi(2) / n).sum();
                2.0 * largest * mean_square.sqrt()
            } else {
                0.0
            };
            mean.push(m);
            scale.push(if s.is_normal() { s } else { 1.0 });
        }
        Ok(Standardizer {
            mean: Array1::from(mean),
            scale: Array1::from(scale),
        })
    }

    /// Learns the mean and scale of a dataset's features, as [`Standardizer::fit`].
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] if the dataset has no rows.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    ///
    /// let data = activation_lab::data::blobs(100, 0.6, 1)?;
    /// let s = Standardizer::fit_dataset(&data)?;
    /// assert_eq!(s.n_features(), 2);
    /// # Ok(())
    /// # }
    /// ```
    pub fn fit_dataset(data: &Dataset) -> Result<Self> {
        Standardizer::fit(data.features())
    }

    /// Builds a standardiser from known means and scales (e.g. saved ones).
    ///
    /// # Errors
    ///
    /// - [`Error::Empty`] if there are no columns;
    /// - [`Error::ShapeMismatch`] (`"scale values"`) if the lengths differ;
    /// - [`Error::InvalidParameter`] (`"mean[j]"`, `"scale[j]"`) for a mean
    ///   that is not finite or a scale that is not a finite number > 0.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    /// use ndarray::array;
    ///
    /// let s = Standardizer::from_parts(array![1.0], array![2.0])?;
    /// assert_eq!(s.transform(&array![[5.0]])?, array![[2.0]]);
    /// assert!(Standardizer::from_parts(array![1.0], array![0.0]).is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_parts(mean: Array1<f64>, scale: Array1<f64>) -> Result<Self> {
        if mean.is_empty() {
            return Err(Error::empty("the standardiser's mean", "feature column"));
        }
        if scale.len() != mean.len() {
            return Err(Error::shape("scale values", mean.len(), scale.len()));
        }
        if let Some((j, m)) = mean.iter().enumerate().find(|(_, m)| !m.is_finite()) {
            return Err(Error::param(&format!("mean[{j}]"), m, "a finite number"));
        }
        if let Some((j, s)) = scale
            .iter()
            .enumerate()
            .find(|(_, s)| !(s.is_finite() && **s > 0.0))
        {
            return Err(Error::param(
                &format!("scale[{j}]"),
                s,
                "a finite number > 0",
            ));
        }
        Ok(Standardizer { mean, scale })
    }

    /// The number of feature columns it was fitted on, `d`.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    /// use ndarray::array;
    ///
    /// assert_eq!(Standardizer::fit(&array![[1.0, 2.0, 3.0]])?.n_features(), 3);
    /// # Ok(())
    /// # }
    /// ```
    pub fn n_features(&self) -> usize {
        self.mean.len()
    }

    /// The `[d]` column means.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    /// use ndarray::array;
    ///
    /// let s = Standardizer::fit(&array![[0.0], [4.0]])?;
    /// assert_eq!(s.mean(), array![2.0]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn mean(&self) -> &Array1<f64> {
        &self.mean
    }

    /// The `[d]` column scales (population standard deviations, or 1.0 for
    /// a constant column).
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    /// use ndarray::array;
    ///
    /// let s = Standardizer::fit(&array![[0.0], [4.0]])?;
    /// assert_eq!(s.scale(), array![2.0]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn scale(&self) -> &Array1<f64> {
        &self.scale
    }

    /// Standardises `x` (`[m, d]`) with the learnt numbers.
    ///
    /// ```text
    /// x'_ij = (x_ij − mean_j) / scale_j
    /// ```
    ///
    /// NaN or infinite inputs are not checked here; they pass through.
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`] (`"feature columns"`) if `x` does not have
    /// `d` columns.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    /// use ndarray::array;
    ///
    /// let s = Standardizer::fit(&array![[0.0], [4.0]])?;
    /// assert_eq!(s.transform(&array![[0.0], [2.0], [6.0]])?, array![[-1.0], [0.0], [2.0]]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn transform(&self, x: &Array2<f64>) -> Result<Array2<f64>> {
        self.check_columns(x)?;
        crate::net_input::check_finite_2d("x", x)?;
        // [m, d] − [d] → [m, d], then ÷ [d]
        let out = (x - &self.mean) / &self.scale;
        check_rescaled(x, &out)?;
        Ok(out)
    }

    /// Standardises a dataset's features; labels and names are kept.
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`] (`"feature columns"`) if the dataset does not
    /// have `d` columns; [`Error::NonFinite`] if a result overflows.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    ///
    /// let data = activation_lab::data::moons(100, 0.2, 1)?;
    /// let s = Standardizer::fit_dataset(&data)?;
    /// let scaled = s.transform_dataset(&data)?;
    /// assert!(scaled.features().column(0).mean().unwrap().abs() < 1e-12);
    /// assert_eq!(scaled.labels(), data.labels());
    /// # Ok(())
    /// # }
    /// ```
    pub fn transform_dataset(&self, data: &Dataset) -> Result<Dataset> {
        let features = self.transform(data.features())?;
        validate(&features, data.labels())?;
        Ok(Dataset {
            features,
            labels: data.labels.clone(),
            feature_names: data.feature_names.clone(),
            class_names: data.class_names.clone(),
            name: data.name.clone(),
        })
    }

    /// Undoes [`Standardizer::transform`] (e.g. to draw a boundary found in
    /// standardised space on the original axes).
    ///
    /// ```text
    /// x_ij = x'_ij · scale_j + mean_j
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::ShapeMismatch`] (`"feature columns"`) if `x` does not have
    /// `d` columns.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Standardizer;
    /// use ndarray::array;
    ///
    /// let x = array![[1.0, 10.0], [3.0, 30.0]];
    /// let s = Standardizer::fit(&x)?;
    /// assert_eq!(s.inverse_transform(&s.transform(&x)?)?, x);
    /// # Ok(())
    /// # }
    /// ```
    pub fn inverse_transform(&self, x: &Array2<f64>) -> Result<Array2<f64>> {
        self.check_columns(x)?;
        crate::net_input::check_finite_2d("x", x)?;
        // [m, d] · [d] → [m, d], then + [d]
        let out = x * &self.scale + &self.mean;
        check_rescaled(x, &out)?;
        Ok(out)
    }

    fn check_columns(&self, x: &Array2<f64>) -> Result<()> {
        if x.ncols() != self.n_features() {
            return Err(Error::shape(
                "feature columns",
                self.n_features(),
                x.ncols(),
            ));
        }
        Ok(())
    }
}

/// [`Error::TooLarge`] naming the first row of finite `x` that rescaling
/// took beyond `±f64::MAX`.
fn check_rescaled(x: &Array2<f64>, out: &Array2<f64>) -> Result<()> {
    match out
        .rows()
        .into_iter()
        .position(|r| r.iter().any(|v| !v.is_finite()))
    {
        None => Ok(()),
        Some(i) => Err(crate::net_input::overflow_with(
            "x",
            &[x.row(i)],
            i,
            "rescaled value",
            "this standardiser's mean and scale do not fit these inputs",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn an_unclosed_quote_is_named_by_the_line_that_opened_it() {
        let text = "x1,x2,y\n1,2,0\n\"3,4,1\n5,6,0\n";
        let err = Dataset::from_csv_reader(text.as_bytes(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 3: a quote (\") opened on this line is never closed: expected a closing \" \
             before the end of the file"
        );
        // quotes that close, and a quote inside an unquoted cell, are fine
        assert!(check_csv_text(b"\"x1\",\"x2\",y\n\"1\"\"\",2,0\n", b',').is_ok());
        assert!(check_csv_text(b"x1,x2,y\nab\"c,2,0\n", b',').is_ok());
    }

    #[test]
    fn class_names_in_the_label_column_are_read_with_the_positive_one_named() {
        let text = "species;petal_length\nversicolor;4,7\nvirginica;6\n";
        let data = Dataset::from_csv_reader_with_classes(
            text.as_bytes(),
            Some("species"),
            Some("virginica"),
        )
        .unwrap();
        assert_eq!(data.labels().to_vec(), vec![0, 1]);
        assert_eq!(
            data.class_names(),
            &["versicolor".to_string(), "virginica".to_string()]
        );
        assert_eq!(data.features(), array![[4.7], [6.0]]);
        // labels 1 and 2
        let data =
            Dataset::from_csv_reader_with_classes("x,y\n0.5,1\n2,2\n".as_bytes(), None, Some("2"))
                .unwrap();
        assert_eq!(data.labels().to_vec(), vec![0, 1]);
        let err = Dataset::from_csv_reader_with_classes(
            "x,y\n1,a\n2,b\n3,c\n".as_bytes(),
            None,
            Some("a"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 4, column y: label \"c\" is a third class (the others are \"b\" and \"a\"): expected two classes"
        );
        let err =
            Dataset::from_csv_reader_with_classes("x,y\n1,a\n2,b\n".as_bytes(), None, Some("z"))
                .unwrap_err();
        assert!(
            err.to_string().contains("positive = \"z\" names no label"),
            "{err}"
        );
        let err =
            Dataset::from_csv_reader_with_classes("x,y\n1,a\n2,a\n".as_bytes(), None, Some("z"))
                .unwrap_err();
        assert!(
            err.to_string().contains("no row has the label \"z\""),
            "{err}"
        );
        // without it, class names are explained
        let err = Dataset::from_csv_reader("x,species\n1,setosa\n".as_bytes(), None).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "expected 0 or 1, or two class names: name the one that is class 1: positive = \"setosa\" \
                 (--positive setosa in the command-line tool)"
            ),
            "{err}"
        );
        let err = Dataset::from_csv_reader("x,y,z\n1,0,1.4\n".as_bytes(), None).unwrap_err();
        assert!(
            err.to_string().contains("this looks like a measurement"),
            "{err}"
        );
        let err = Dataset::from_csv_reader(",x,y\n0,1,0\n".as_bytes(), None).unwrap_err();
        assert!(err.to_string().contains("saved index"), "{err}");
    }

    #[test]
    fn semicolon_and_tab_files_are_read_and_other_separators_are_named() {
        let data =
            Dataset::from_csv_reader("x1;x2;y\n1,5;2;0\n3;4,5;1\n".as_bytes(), None).unwrap();
        assert_eq!(data.features(), array![[1.5, 2.0], [3.0, 4.5]]);
        let data =
            Dataset::from_csv_reader("x1\tx2\ty\n1.5\t2\t0\n3\t4\t1\n".as_bytes(), None).unwrap();
        assert_eq!(data.features(), array![[1.5, 2.0], [3.0, 4.0]]);
        // a decimal comma is not a decimal in a comma-separated file
        let err = Dataset::from_csv_reader("x1,x2,y\n\"1,5\",2,0\n".as_bytes(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 2, column x1: \"1,5\" is not a number"
        );
        let err = Dataset::from_csv_reader("x1;x2;y\n1;2\n".as_bytes(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 2: expected 3 fields (as in the header), found 2 (fields separated by ';', as the header is)"
        );
        let err = Dataset::from_csv_reader("x1|x2|y\n1|2|0\n".as_bytes(), None).unwrap_err();
        assert!(
            err.to_string()
                .contains("the header has vertical bars instead"),
            "{err}"
        );
        let err = features_from_csv_reader("{\"weights\": [1]}".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("this looks like JSON"), "{err}");
    }

    fn small() -> Dataset {
        Dataset::new(
            array![[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0]],
            array![0, 1, 0, 1],
        )
        .unwrap()
    }

    fn read(text: &str) -> Result<Dataset> {
        Dataset::from_csv_reader(text.as_bytes(), None)
    }

    fn message(result: Result<impl fmt::Debug>) -> String {
        result.unwrap_err().to_string()
    }

    // ------------------------------------------------------------ Dataset::new

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

    #[test]
    fn select_keeps_names_and_rejects_out_of_range_rows() {
        let data = small().with_name("mine");
        let picked = data.select(&[3, 3, 0]).unwrap();
        assert_eq!(
            picked.features(),
            array![[6.0, 7.0], [6.0, 7.0], [0.0, 1.0]]
        );
        assert_eq!(picked.labels(), array![1, 1, 0]);
        assert_eq!(picked.name(), "mine");
        assert_eq!(
            message(data.select(&[0, 4])),
            "invalid row index = 4: expected an index below 4 (the number of rows)"
        );
    }

    #[test]
    fn feature_ranges_are_min_and_max_per_column() {
        assert_eq!(small().feature_ranges(), vec![(0.0, 6.0), (1.0, 7.0)]);
    }

    // ------------------------------------------------------------ split

    #[test]
    fn split_is_stratified_and_seeded() {
        let data = moons(101, 0.2, 3).unwrap(); // 50 of class 0, 51 of class 1
        let (train, test) = data.split(0.25, 9).unwrap();
        // round(0.25 · 50) = 13 (12.5 rounds away from zero), round(0.25 · 51) = 13
        assert_eq!(test.class_counts(), [13, 13]);
        assert_eq!(train.class_counts(), [37, 38]);
        let (train_again, test_again) = data.split(0.25, 9).unwrap();
        assert_eq!(train, train_again);
        assert_eq!(test, test_again);
        let (train_other, _) = data.split(0.25, 10).unwrap();
        assert_ne!(train, train_other);
    }

    #[test]
    fn split_partitions_the_rows() {
        let data = Dataset::new(
            Array2::from_shape_fn((30, 1), |(i, _)| i as f64),
            Array1::from_shape_fn(30, |i| u8::from(i.is_multiple_of(3))),
        )
        .unwrap();
        let (train, test) = data.split(0.4, 1).unwrap();
        let mut seen: Vec<f64> = train
            .features()
            .iter()
            .chain(test.features().iter())
            .copied()
            .collect();
        seen.sort_by(f64::total_cmp);
        assert_eq!(seen, (0..30).map(|i| i as f64).collect::<Vec<_>>());
        // labels travel with their rows
        for data in [&train, &test] {
            for (x, &y) in data.features().iter().zip(data.labels()) {
                assert_eq!(y, u8::from((*x as usize).is_multiple_of(3)));
            }
        }
    }

    #[test]
    fn split_with_zero_fraction_returns_all_and_empty() {
        let data = small();
        let (train, test) = data.split(0.0, 1).unwrap();
        assert_eq!(train, data);
        assert!(test.is_empty());
        assert_eq!(test.n_features(), 2);
    }

    #[test]
    fn split_rejects_fraction_outside_0_1() {
        for bad in [1.0, -0.1, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                small().split(bad, 1),
                Err(Error::InvalidParameter { .. })
            ));
        }
        assert_eq!(
            message(small().split(1.0, 1)),
            "invalid test_fraction = 1: expected a fraction in [0, 1), e.g. 0.25"
        );
    }

    #[test]
    fn split_rejects_a_fraction_that_empties_a_class_in_train() {
        let data = Dataset::new(array![[0.0], [1.0], [2.0], [3.0]], array![0, 0, 0, 1]).unwrap();
        assert_eq!(
            message(data.split(0.5, 1)),
            "invalid test_fraction = 0.5: expected a smaller fraction: class 1 has 1 row and \
             round(0.5 × 1) = 1 would leave none for training"
        );
        assert!(data.split(0.4, 1).is_ok());
    }

    #[test]
    fn split_of_empty_data_gives_two_empty_parts() {
        let empty = small().select(&[]).unwrap();
        let (train, test) = empty.split(0.5, 1).unwrap();
        assert!(train.is_empty() && test.is_empty());
    }

    // ------------------------------------------------------------ CSV

    #[test]
    fn csv_reads_header_features_and_last_column_label() {
        let data = read("a,b,y\n1,2,0\n3,4,1\n").unwrap();
        assert_eq!(data.feature_names(), ["a", "b"]);
        assert_eq!(data.features(), array![[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(data.labels(), array![0, 1]);
        assert_eq!(data.name(), "data");
    }

    #[test]
    fn csv_uses_named_label_column() {
        let data =
            Dataset::from_csv_reader("label,a\n1,2.5\n0,-3\n".as_bytes(), Some("label")).unwrap();
        assert_eq!(data.feature_names(), ["a"]);
        assert_eq!(data.features(), array![[2.5], [-3.0]]);
        assert_eq!(data.labels(), array![1, 0]);
    }

    #[test]
    fn csv_unknown_label_column_lists_the_header() {
        let err = Dataset::from_csv_reader("a,b,y\n1,2,0\n".as_bytes(), Some("class"));
        assert_eq!(
            message(err),
            "unknown column \"class\": expected one of a, b, y"
        );
    }

    #[test]
    fn csv_trims_whitespace_and_skips_blank_lines() {
        let data = read("\n x1 , x2 ,y\r\n\n  1.5 ,\t2, 1 \r\n   \n-1,0,0\n\n").unwrap();
        assert_eq!(data.feature_names(), ["x1", "x2"]);
        assert_eq!(data.features(), array![[1.5, 2.0], [-1.0, 0.0]]);
        assert_eq!(data.labels(), array![1, 0]);
    }

    #[test]
    fn csv_strips_a_byte_order_mark() {
        let data = read("\u{feff}x1,y\n1,0\n").unwrap();
        assert_eq!(data.feature_names(), ["x1"]);
    }

    #[test]
    fn csv_names_line_and_column_of_a_non_numeric_cell() {
        assert_eq!(
            message(read("x1,x2,y\n1,2,0\n3,abc,1\n")),
            "CSV line 3, column x2: \"abc\" is not a number"
        );
    }

    #[test]
    fn csv_line_numbers_count_blank_lines() {
        assert_eq!(
            message(read("x1,y\n\n1,0\n\nz,1\n")),
            "CSV line 5, column x1: \"z\" is not a number"
        );
    }

    #[test]
    fn csv_line_numbers_handle_crlf_and_quoted_line_breaks() {
        assert_eq!(
            message(read("x1,y\r\n\r\n1,0\r\nz,1\r\n")),
            "CSV line 4, column x1: \"z\" is not a number"
        );
        assert_eq!(
            message(read("\"x\n1\",y\n1,0\nz,1\n")),
            "CSV line 4, column x\n1: \"z\" is not a number"
        );
        assert_eq!(
            message(read("x1,y\r1,0\rz,1\r")),
            "CSV line 3, column x1: \"z\" is not a number"
        );
    }

    #[test]
    fn csv_reader_errors_become_csv_errors() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("cable unplugged"))
            }
        }
        assert_eq!(
            message(Dataset::from_csv_reader(Failing, None)),
            "CSV line 1: cannot read the input: cable unplugged"
        );
    }

    #[test]
    fn csv_rejects_empty_cell() {
        assert_eq!(
            message(read("x1,x2,y\n1,,0\n")),
            "CSV line 2, column x2: empty cell: expected a number"
        );
    }

    #[test]
    fn csv_rejects_non_finite_cells() {
        assert_eq!(
            message(read("x1,y\nNaN,0\n")),
            "CSV line 2, column x1: \"NaN\" is not finite: expected a finite number"
        );
        assert!(read("x1,y\ninf,0\n").is_err());
        assert!(read("x1,y\n1e999,0\n").is_err());
    }

    #[test]
    fn csv_cuts_long_cells_short_in_messages() {
        let long = "a".repeat(100);
        let msg = message(read(&format!("x1,y\n{long},0\n")));
        assert_eq!(
            msg,
            format!(
                "CSV line 2, column x1: \"{}…\" is not a number",
                "a".repeat(40)
            )
        );
    }

    #[test]
    fn csv_reports_ragged_rows_with_expected_and_found_fields() {
        assert_eq!(
            message(read("x1,x2,y\n1,2,0\n1,2\n")),
            "CSV line 3: expected 3 fields (as in the header), found 2"
        );
        assert_eq!(
            message(read("x1,x2,y\n1,2,0,5\n")),
            "CSV line 2: expected 3 fields (as in the header), found 4"
        );
    }

    #[test]
    fn csv_accepts_0_1_and_their_decimal_forms_as_labels() {
        let data = read("x1,y\n1,0\n2,1\n3,0.0\n4,1.0\n").unwrap();
        assert_eq!(data.labels(), array![0, 1, 0, 1]);
    }

    #[test]
    fn csv_rejects_labels_other_than_0_and_1() {
        assert_eq!(
            message(read("x1,y\n1,0\n2,2\n")),
            "CSV line 3, column y: label \"2\" is not a class: expected 0 or 1; for classes numbered otherwise, \
             name the one that is class 1: positive = \"2\" (--positive 2 in the command-line tool)"
        );
        for bad in ["yes", "0.5", "-1", "", "nan"] {
            let err = read(&format!("x1,y\n1,{bad}\n"));
            assert!(matches!(err, Err(Error::Csv { line: 2, .. })), "{bad}");
        }
    }

    #[test]
    fn csv_with_header_only_is_empty() {
        assert_eq!(
            message(read("x1,y\n\n")),
            "the CSV data is empty: expected at least one data row"
        );
    }

    #[test]
    fn csv_without_header_row_is_an_error_on_line_1() {
        assert_eq!(message(read("")), "CSV line 1: no header row");
        assert_eq!(message(read("\n\n  \n")), "CSV line 1: no header row");
    }

    #[test]
    fn csv_needs_a_feature_and_a_label_column() {
        assert_eq!(
            message(read("y\n1\n")),
            "CSV line 1: found 1 column: expected at least one feature column and a label column"
        );
    }

    #[test]
    fn csv_rejects_repeated_and_empty_column_names() {
        assert_eq!(
            message(read("x1,x1,y\n1,2,0\n")),
            "CSV line 1, column x1: repeated column name: expected unique names"
        );
        assert_eq!(
            message(read("x1,,y\n1,2,0\n")),
            "CSV line 1, column 2: empty column name: expected a name for every column"
        );
    }

    #[test]
    fn csv_rejects_invalid_utf8() {
        let err = Dataset::from_csv_reader(&b"x1,y\n\xff,0\n"[..], None);
        assert_eq!(message(err), "CSV line 2: invalid UTF-8: expected text");
    }

    #[test]
    fn csv_round_trip_is_bit_identical() {
        let tricky = array![
            [0.1, -0.0],
            [1e-300, 1.7976931348623157e308],
            [std::f64::consts::PI, -5e-324],
            [123_456_789.123_456_79, 2.0 / 3.0]
        ];
        let data = Dataset::new(tricky, array![0, 1, 1, 0]).unwrap();
        let back = read(&data.to_csv_string()).unwrap();
        assert_eq!(back, data);
        for (a, b) in back.features().iter().zip(data.features()) {
            assert_eq!(a.to_bits(), b.to_bits());
        }
        let moons = moons(50, 0.3, 5).unwrap();
        let back = read(&moons.to_csv_string()).unwrap();
        assert_eq!(back.features(), moons.features());
        assert_eq!(back.labels(), moons.labels());
    }

    #[test]
    fn csv_output_quotes_names_and_avoids_a_clash_with_y() {
        let data = small()
            .with_feature_names(vec!["y".into(), "a,b".into()])
            .unwrap();
        let text = data.to_csv_string();
        assert!(text.starts_with("y,\"a,b\",label\n"), "{text}");
        let back = read(&text).unwrap();
        assert_eq!(back.feature_names(), ["y", "a,b"]);
        assert_eq!(back.features(), data.features());
    }

    #[test]
    fn csv_writer_errors_become_io_errors() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        assert_eq!(
            message(small().to_csv_writer(Broken)),
            "cannot write the CSV output: disk full"
        );
    }

    #[test]
    fn csv_path_round_trip_names_the_data_after_the_file() {
        let path = std::env::temp_dir().join(format!(
            "activation_lab_test_{}_blobs.csv",
            std::process::id()
        ));
        let data = blobs(20, 0.5, 1).unwrap();
        data.to_csv_path(&path).unwrap();
        let back = Dataset::from_csv_path(&path, Some("y")).unwrap();
        std::fs::remove_file(&path).ok();
        assert_eq!(back.features(), data.features());
        assert!(back.name().ends_with("_blobs"));
    }

    #[test]
    fn features_csv_reads_unlabelled_rows() {
        let (names, x) = features_from_csv_reader("a, b\n\n1, 2\n-3, 4.5\n".as_bytes()).unwrap();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(x, array![[1.0, 2.0], [-3.0, 4.5]]);
        let (names, x) = features_from_csv_reader("only\n7\n".as_bytes()).unwrap();
        assert_eq!((names.len(), x.dim()), (1, (1, 1)));
    }

    #[test]
    fn features_csv_rejects_bad_tables_with_line_and_column() {
        let read = |t: &str| message(features_from_csv_reader(t.as_bytes()));
        assert_eq!(read(""), "CSV line 1: no header row");
        assert_eq!(
            read("a,b\n"),
            "the CSV data is empty: expected at least one data row"
        );
        assert_eq!(
            read("a,b\n1,2\n3\n"),
            "CSV line 3: expected 2 fields (as in the header), found 1"
        );
        assert_eq!(
            read("a,b\n1,x\n"),
            "CSV line 2, column b: \"x\" is not a number"
        );
        assert_eq!(
            read("a,a\n1,2\n"),
            "CSV line 1, column a: repeated column name: expected unique names"
        );
        assert_eq!(
            read("a,b\n1,\n"),
            "CSV line 2, column b: empty cell: expected a number"
        );
    }

    #[test]
    fn csv_missing_file_is_an_io_error() {
        let err = Dataset::from_csv_path("/no/such/dir/data.csv", None).unwrap_err();
        assert!(matches!(err, Error::Io { action: "read", .. }));
        assert!(
            err.to_string()
                .starts_with("cannot read /no/such/dir/data.csv: ")
        );
    }

    // ------------------------------------------------------------ generators

    #[test]
    fn same_seed_gives_identical_moons() {
        assert_eq!(moons(100, 0.2, 7).unwrap(), moons(100, 0.2, 7).unwrap());
        assert_ne!(moons(100, 0.2, 7).unwrap(), moons(100, 0.2, 8).unwrap());
    }

    #[test]
    fn every_generator_is_deterministic_balanced_and_named() {
        for kind in DatasetKind::ALL {
            let a = kind.generate(101, kind.default_noise(), 3).unwrap();
            let b = kind.generate(101, kind.default_noise(), 3).unwrap();
            assert_eq!(a, b, "{kind}");
            assert_eq!(a.class_counts(), [50, 51], "{kind}");
            assert_eq!(a.n_features(), 2);
            assert_eq!(a.name(), kind.key());
            assert_ne!(a.class_names()[0], "class 0");
        }
    }

    #[test]
    fn generators_shuffle_the_rows() {
        for kind in DatasetKind::ALL {
            let data = kind.generate(100, 0.0, 1).unwrap();
            let first_half_ones = data.labels().iter().take(50).filter(|&&y| y == 1).count();
            assert!(
                (10..=40).contains(&first_half_ones),
                "{kind}: {first_half_ones}"
            );
        }
    }

    #[test]
    fn moons_match_sklearn_geometry_without_noise() {
        let data = moons(200, 0.0, 1).unwrap();
        let mut outer_x = Vec::new();
        for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
            if y == 0 {
                // upper half of the unit circle
                assert!((x[0].hypot(x[1]) - 1.0).abs() < 1e-12);
                assert!(x[1] >= 0.0);
                outer_x.push(x[0]);
            } else {
                // the circle of radius 1 centred on (1, 0.5), lower half
                assert!(((x[0] - 1.0).hypot(x[1] - 0.5) - 1.0).abs() < 1e-12);
                assert!(x[1] <= 0.5 + 1e-12);
            }
        }
        // t = linspace(0, π) includes both ends
        outer_x.sort_by(f64::total_cmp);
        assert_eq!(outer_x[0], -1.0);
        assert_eq!(outer_x[99], 1.0);
    }

    #[test]
    fn circles_match_sklearn_geometry_without_noise() {
        let data = circles(8, 0.0, 0.5, 1).unwrap();
        let mut angles_outer = Vec::new();
        for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
            let r = x[0].hypot(x[1]);
            if y == 0 {
                assert!((r - 1.0).abs() < 1e-12);
                angles_outer.push(x[1].atan2(x[0]).rem_euclid(std::f64::consts::TAU));
            } else {
                assert!((r - 0.5).abs() < 1e-12);
            }
        }
        // endpoint = false: 0, π/2, π, 3π/2
        angles_outer.sort_by(f64::total_cmp);
        for (k, a) in angles_outer.iter().enumerate() {
            let expected = k as f64 * std::f64::consts::FRAC_PI_2;
            assert!((a - expected).abs() < 1e-12 || (a - std::f64::consts::TAU).abs() < 1e-12);
        }
    }

    #[test]
    fn circles_reject_factor_outside_0_1() {
        for bad in [0.0, 1.0, -0.5, f64::NAN] {
            assert!(circles(10, 0.1, bad, 1).is_err());
        }
        assert_eq!(
            message(circles(10, 0.1, 1.5, 1)),
            "invalid factor = 1.5: expected a number in (0, 1), e.g. 0.4"
        );
    }

    #[test]
    fn xor_labels_follow_the_clean_quadrant() {
        let clean = xor(400, 0.0, 5).unwrap();
        for (x, &y) in clean.features().rows().into_iter().zip(clean.labels()) {
            assert_eq!((x[0] > 0.0) ^ (x[1] > 0.0), y == 1);
            assert!(x[0].abs() <= 1.0 && x[1].abs() <= 1.0);
        }
        let noisy = xor(400, 0.5, 5).unwrap();
        let crossed = noisy
            .features()
            .rows()
            .into_iter()
            .zip(noisy.labels())
            .filter(|(x, y)| ((x[0] > 0.0) ^ (x[1] > 0.0)) != (**y == 1))
            .count();
        assert!(crossed > 0, "noise should push some points across an axis");
    }

    #[test]
    fn xor_fills_all_four_quadrants() {
        let data = xor(400, 0.0, 2).unwrap();
        let mut quadrants = [0; 4];
        for x in data.features().rows() {
            quadrants[usize::from(x[0] > 0.0) * 2 + usize::from(x[1] > 0.0)] += 1;
        }
        assert!(quadrants.iter().all(|&q| q > 60), "{quadrants:?}");
    }

    #[test]
    fn spirals_are_rotated_copies_without_noise() {
        let data = spirals(200, 0.0, 1).unwrap();
        let rows: Vec<([f64; 2], u8)> = data
            .features()
            .rows()
            .into_iter()
            .zip(data.labels())
            .map(|(x, &y)| ([x[0], x[1]], y))
            .collect();
        for &([a, b], y) in rows.iter().filter(|(_, y)| *y == 0) {
            let mirrored = rows
                .iter()
                .any(|&([c, d], z)| z == 1 - y && (a + c).abs() < 1e-12 && (b + d).abs() < 1e-12);
            assert!(mirrored);
            let r = a.hypot(b);
            assert!((0.1 - 1e-12..=1.0 + 1e-12).contains(&r));
        }
    }

    #[test]
    fn noise_has_the_requested_standard_deviation() {
        let noisy = blobs(4000, 0.6, 1).unwrap();
        // class 0 sits around (−1.5, −1.5): residuals are pure noise
        let residuals: Vec<f64> = noisy
            .features()
            .rows()
            .into_iter()
            .zip(noisy.labels())
            .map(|(x, &y)| x[0] - if y == 0 { -1.5 } else { 1.5 })
            .collect();
        let n = residuals.len() as f64;
        let mean = residuals.iter().sum::<f64>() / n;
        let std = (residuals.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / n).sqrt();
        assert!(mean.abs() < 0.05, "{mean}");
        assert!((std - 0.6).abs() < 0.03, "{std}");
    }

    #[test]
    fn generators_reject_fewer_than_two_samples() {
        for kind in DatasetKind::ALL {
            assert_eq!(
                message(kind.generate(1, 0.1, 1)),
                "invalid n_samples = 1: expected at least 2 (one row per class)"
            );
        }
        assert_eq!(moons(2, 0.0, 1).unwrap().class_counts(), [1, 1]);
    }

    #[test]
    fn generators_reject_negative_or_non_finite_noise() {
        for kind in DatasetKind::ALL {
            for bad in [-0.1, f64::NAN, f64::INFINITY] {
                assert!(
                    matches!(
                        kind.generate(10, bad, 1),
                        Err(Error::InvalidParameter { .. })
                    ),
                    "{kind} {bad}"
                );
            }
        }
        assert_eq!(
            message(moons(10, -1.0, 1)),
            "invalid noise = -1: expected a finite number >= 0"
        );
    }

    #[test]
    fn generator_with_overflowing_noise_errors_without_panic() {
        let err = moons(100, f64::MAX, 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid noise = 1.7976931348623157e308: expected a standard deviation from 0 to 1e6 \
             (the data lies within about ±2; 0.1 to 0.5 is typical)"
        );
    }

    #[test]
    fn linspace_matches_numpy() {
        assert_eq!(linspace(0.0, 1.0, 5, true), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(linspace(0.0, 1.0, 4, false), vec![0.0, 0.25, 0.5, 0.75]);
        assert_eq!(linspace(2.0, 3.0, 1, true), vec![2.0]);
        assert_eq!(linspace(2.0, 3.0, 0, true), Vec::<f64>::new());
    }

    // ------------------------------------------------------------ DatasetKind

    #[test]
    fn dataset_kind_parses_keys_and_rejects_unknown_names() {
        for kind in DatasetKind::ALL {
            assert_eq!(kind.key().parse::<DatasetKind>().unwrap(), kind);
            assert_eq!(kind.to_string(), kind.key());
        }
        assert_eq!(
            " Moons ".parse::<DatasetKind>().unwrap(),
            DatasetKind::Moons
        );
        assert_eq!(
            message("moon".parse::<DatasetKind>()),
            "unknown dataset \"moon\": expected one of blobs, moons, circles, xor, spirals"
        );
    }

    #[test]
    fn dataset_kind_serialises_as_its_key() {
        for kind in DatasetKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
            assert_eq!(serde_json::from_str::<DatasetKind>(&json).unwrap(), kind);
        }
    }

    #[test]
    fn only_blobs_are_linearly_separable() {
        let separable: Vec<_> = DatasetKind::ALL
            .into_iter()
            .filter(|k| k.is_linearly_separable())
            .collect();
        assert_eq!(separable, vec![DatasetKind::Blobs]);
    }

    // ------------------------------------------------------------ Standardizer

    #[test]
    fn standardizer_uses_population_std_and_unit_scale_for_constant_columns() {
        let x = array![
            [1.0, 0.1, 7.0],
            [2.0, 0.1, 7.0],
            [3.0, 0.1, 7.0],
            [4.0, 0.1, 7.0]
        ];
        let s = Standardizer::fit(&x).unwrap();
        assert_eq!(s.mean(), array![2.5, 0.1, 7.0]);
        // population std of 1, 2, 3, 4 is sqrt(1.25), not sqrt(5/3)
        assert!((s.scale()[0] - 1.25_f64.sqrt()).abs() < 1e-15);
        assert_eq!(s.scale()[1], 1.0);
        assert_eq!(s.scale()[2], 1.0);
        let z = s.transform(&x).unwrap();
        assert_eq!(z.column(1), array![0.0, 0.0, 0.0, 0.0]);
        let std0 = (z.column(0).mapv(|v| v * v).sum() / 4.0).sqrt();
        assert!((std0 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn standardizer_rejects_empty_and_non_finite_data() {
        assert_eq!(
            message(Standardizer::fit(&Array2::zeros((0, 2)))),
            "the data to standardise is empty: expected at least one row"
        );
        assert!(matches!(
            Standardizer::fit(&Array2::zeros((3, 0))),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            Standardizer::fit(&array![[1.0], [f64::NAN]]),
            Err(Error::NonFinite {
                row: 1,
                column: 0,
                ..
            })
        ));
    }

    #[test]
    fn standardizer_handles_extreme_values_without_overflow() {
        let x = array![[f64::MAX], [-f64::MAX]];
        let s = Standardizer::fit(&x).unwrap();
        assert_eq!(s.mean()[0], 0.0);
        assert_eq!(s.scale()[0], f64::MAX);
        let z = s.transform(&x).unwrap();
        assert_eq!(z, array![[1.0], [-1.0]]);
        // (x − mean) / scale overflows here: an error, not a panic
        let x = array![[f64::MAX], [-f64::MAX], [-f64::MAX]];
        let data = Dataset::new(x.clone(), array![0, 1, 0]).unwrap();
        let s = Standardizer::fit(&x).unwrap();
        assert!(s.scale()[0].is_finite());
        let err = s.transform_dataset(&data).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x row 0 = (1.7976931348623157e308) is too large"),
            "{err}"
        );
        // a spread too small to represent falls back to scale 1
        let tiny = Standardizer::fit(&array![[0.0], [5e-324]]).unwrap();
        assert!(tiny.scale()[0].is_normal());
    }

    #[test]
    fn standardizer_checks_feature_columns() {
        let s = Standardizer::fit(&array![[1.0, 2.0], [3.0, 5.0]]).unwrap();
        assert_eq!(
            message(s.transform(&array![[1.0, 2.0, 3.0]])),
            "expected 2 feature columns, found 3"
        );
        assert!(s.inverse_transform(&array![[1.0]]).is_err());
        let data = Dataset::new(array![[1.0]], array![0]).unwrap();
        assert!(s.transform_dataset(&data).is_err());
    }

    #[test]
    fn standardizer_inverse_undoes_transform() {
        let data = moons(100, 0.3, 2).unwrap();
        let s = Standardizer::fit_dataset(&data).unwrap();
        let scaled = s.transform_dataset(&data).unwrap();
        assert_eq!(scaled.labels(), data.labels());
        assert_eq!(scaled.name(), "moons");
        let back = s.inverse_transform(scaled.features()).unwrap();
        for (a, b) in back.iter().zip(data.features()) {
            assert!((a - b).abs() < 1e-12);
        }
    }

    #[test]
    fn standardizer_from_parts_validates() {
        assert_eq!(
            message(Standardizer::from_parts(array![0.0, 1.0], array![1.0])),
            "expected 2 scale values, found 1"
        );
        assert_eq!(
            message(Standardizer::from_parts(array![0.0, 1.0], array![1.0, 0.0])),
            "invalid scale[1] = 0: expected a finite number > 0"
        );
        assert_eq!(
            message(Standardizer::from_parts(array![f64::NAN], array![1.0])),
            "invalid mean[0] = NaN: expected a finite number"
        );
        assert!(matches!(
            Standardizer::from_parts(array![], array![]),
            Err(Error::Empty { .. })
        ));
        let s = Standardizer::from_parts(array![1.0, 2.0], array![2.0, 4.0]).unwrap();
        assert_eq!(s.n_features(), 2);
    }

    #[test]
    fn standardizer_json_round_trip_validates() {
        let s = Standardizer::from_parts(array![1.0, -2.0], array![0.5, 3.0]).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"mean":[1.0,-2.0],"scale":[0.5,3.0]}"#);
        assert_eq!(serde_json::from_str::<Standardizer>(&json).unwrap(), s);
        let bad = serde_json::from_str::<Standardizer>(r#"{"mean":[1.0],"scale":[-1.0]}"#);
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("invalid scale[0] = -1")
        );
    }
}
