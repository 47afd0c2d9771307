//! [`Standardizer`]: features rescaled to mean 0 and standard deviation 1
//! per column, fitted on the training data.

use ndarray::{Array1, Array2};

use super::dataset::{Dataset, validate};
use crate::error::{Error, Result};
use crate::net_input::check_finite_2d;

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
        check_finite_2d("x", x)?;
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
    use crate::data::generators::moons;
    use crate::data::test_support::message;
    use ndarray::array;

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
