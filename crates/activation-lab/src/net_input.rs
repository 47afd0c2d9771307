//! The net input: the weighted sum that every unit computes before its
//! activation function.
//!
//! ```text
//! z = b + x1·w1 + x2·w2 + … + xm·wm = b + x·w
//! ```
//!
//! Linear regression stops here; logistic regression and every neuron of a
//! multilayer network pass z through an activation function.

use ndarray::{Array1, Array2};

use crate::{Error, Result};

/// The net input of one sample: `z = b + x·w`.
///
/// ```text
/// z = b + Σ_j x_j · w_j
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] when `x` and `w` have different lengths,
/// [`Error::Empty`] when they are empty, [`Error::NonFinite`] when any
/// number is NaN or infinite.
///
/// # Example
/// ```
/// use activation_lab::net_input::net_input;
/// use ndarray::array;
/// # fn main() -> activation_lab::Result<()> {
/// let z = net_input(&array![1.0, 2.0], &array![0.5, -1.0], 0.25)?;
/// assert_eq!(z, 0.25 + 1.0 * 0.5 + 2.0 * -1.0);
/// # Ok(())
/// # }
/// ```
pub fn net_input(x: &Array1<f64>, w: &Array1<f64>, b: f64) -> Result<f64> {
    if w.is_empty() {
        return Err(Error::empty("the weight vector", "weight"));
    }
    if x.len() != w.len() {
        return Err(Error::shape("inputs (one per weight)", w.len(), x.len()));
    }
    check_finite_1d("weights", w)?;
    check_finite_1d("inputs", x)?;
    if !b.is_finite() {
        return Err(Error::param("bias", b, "a finite number"));
    }
    Ok(b + x.dot(w))
}

/// The net input of every row of a batch: `z = b + X·w`, one z per row.
///
/// ```text
/// [n, m] · [m] → [n],   z_i = b + Σ_j X_ij · w_j
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] when `x` does not have one column per weight,
/// [`Error::Empty`] when `w` is empty, [`Error::NonFinite`] when any number
/// is NaN or infinite.
///
/// # Example
/// ```
/// use activation_lab::net_input::net_input_batch;
/// use ndarray::array;
/// # fn main() -> activation_lab::Result<()> {
/// let x = array![[1.0, 2.0], [0.0, 0.0], [-1.0, 1.0]];
/// let z = net_input_batch(&x, &array![0.5, -1.0], 0.25)?;
/// assert_eq!(z, array![-1.25, 0.25, -1.25]);
/// # Ok(())
/// # }
/// ```
pub fn net_input_batch(x: &Array2<f64>, w: &Array1<f64>, b: f64) -> Result<Array1<f64>> {
    if w.is_empty() {
        return Err(Error::empty("the weight vector", "weight"));
    }
    if x.ncols() != w.len() {
        return Err(Error::shape("feature columns", w.len(), x.ncols()));
    }
    check_finite_1d("weights", w)?;
    check_finite_2d("features", x)?;
    if !b.is_finite() {
        return Err(Error::param("bias", b, "a finite number"));
    }
    // [n, m] · [m] → [n]
    Ok(x.dot(w) + b)
}

/// [`Error::NonFinite`] naming the first non-finite entry of a vector.
pub(crate) fn check_finite_1d(what: &str, v: &Array1<f64>) -> Result<()> {
    match v.iter().position(|x| !x.is_finite()) {
        None => Ok(()),
        Some(i) => Err(Error::NonFinite {
            what: what.to_string(),
            row: i,
            column: 0,
            value: v[i],
        }),
    }
}

/// [`Error::NonFinite`] naming the first non-finite entry of a matrix.
pub(crate) fn check_finite_2d(what: &str, m: &Array2<f64>) -> Result<()> {
    for ((row, column), &value) in m.indexed_iter() {
        if !value.is_finite() {
            return Err(Error::NonFinite {
                what: what.to_string(),
                row,
                column,
                value,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn batch_matches_one_sample_at_a_time() {
        let x = array![[1.0, 2.0], [3.0, -4.0]];
        let w = array![0.5, 0.25];
        let z = net_input_batch(&x, &w, -1.0).unwrap();
        for (i, row) in x.rows().into_iter().enumerate() {
            assert_eq!(z[i], net_input(&row.to_owned(), &w, -1.0).unwrap());
        }
    }

    #[test]
    fn rejects_a_weight_vector_of_the_wrong_length() {
        let err = net_input_batch(&array![[1.0, 2.0, 3.0]], &array![1.0, 2.0], 0.0).unwrap_err();
        assert_eq!(err.to_string(), "expected 2 feature columns, found 3");
        let err = net_input(&array![1.0], &array![1.0, 2.0], 0.0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected 2 inputs (one per weight), found 1"
        );
    }

    #[test]
    fn rejects_non_finite_inputs_weights_and_bias() {
        let err = net_input(&array![f64::NAN], &array![1.0], 0.0).unwrap_err();
        assert!(matches!(err, Error::NonFinite { .. }), "{err}");
        let err = net_input(&array![1.0], &array![f64::INFINITY], 0.0).unwrap_err();
        assert!(matches!(err, Error::NonFinite { .. }), "{err}");
        let err = net_input(&array![1.0], &array![1.0], f64::NAN).unwrap_err();
        assert!(matches!(err, Error::InvalidParameter { .. }), "{err}");
        let err = net_input_batch(&array![[0.0, f64::NAN]], &array![1.0, 1.0], 0.0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "features has a non-finite value (NaN) at row 0, column 1: expected finite numbers"
        );
    }

    #[test]
    fn rejects_empty_weights() {
        let err = net_input(&array![], &array![], 0.0).unwrap_err();
        assert!(matches!(err, Error::Empty { .. }), "{err}");
    }

    #[test]
    fn an_empty_batch_gives_no_net_inputs() {
        let x = Array2::<f64>::zeros((0, 2));
        assert_eq!(
            net_input_batch(&x, &array![1.0, 2.0], 0.0).unwrap().len(),
            0
        );
    }
}
