//! The net input: the weighted sum that every unit computes before its
//! activation function.
//!
//! ```text
//! z = b + x1·w1 + x2·w2 + … + xm·wm = b + x·w
//! ```
//!
//! Linear regression stops here; logistic regression and every neuron of a
//! multilayer network pass z through an activation function.

use ndarray::{Array1, Array2, ArrayView1};

use crate::error::{Error, Result, short};

/// The net input of one sample: `z = b + x·w`.
///
/// ```text
/// z = b + Σ_j x_j · w_j
/// ```
///
/// The sum is computed so that finite numbers never give NaN: when the
/// plain sum overflows (`1e300·1e10 − 1e300·1e10` is `∞ − ∞` term by term),
/// it is recomputed with `x` and `w` scaled by powers of two, which is
/// exact up to rounding.
///
/// # Errors
/// [`Error::ShapeMismatch`] when `x` and `w` have different lengths,
/// [`Error::Empty`] when they are empty, [`Error::NonFinite`] when any
/// number is NaN or infinite, [`Error::TooLarge`] when z itself is beyond
/// `±f64::MAX`.
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
    check_finite_1d("w (the weights)", w)?;
    check_finite_1d("x (the inputs)", x)?;
    if !b.is_finite() {
        return Err(Error::param("b (the bias)", b, "a finite number"));
    }
    let z = stable_net_input(x.view(), w.view(), b);
    if !z.is_finite() {
        return Err(overflow("x", &[x.view()], 0, "net input"));
    }
    Ok(z)
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
/// is NaN or infinite, [`Error::TooLarge`] naming the first row whose z is
/// beyond `±f64::MAX` (computed as in [`net_input`]).
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
    check_finite_1d("w (the weights)", w)?;
    check_finite_2d("x (the features)", x)?;
    if !b.is_finite() {
        return Err(Error::param("b (the bias)", b, "a finite number"));
    }
    // [n, m] · [m] → [n]
    let mut z = x.dot(w) + b;
    for (i, zi) in z.iter_mut().enumerate() {
        if !zi.is_finite() {
            *zi = stable_net_input(x.row(i), w.view(), b);
            if !zi.is_finite() {
                return Err(overflow("x", &[x.row(i)], i, "net input"));
            }
        }
    }
    Ok(z)
}

/// `b + x·w` for finite numbers, without the NaN of `∞ − ∞`: when the
/// plain sum is not finite, `x` and `w` are scaled by powers of two (exact)
/// so that no product overflows, summed, and scaled back. The result is
/// infinite only when the true value is beyond `±f64::MAX`.
pub(crate) fn stable_net_input(x: ArrayView1<'_, f64>, w: ArrayView1<'_, f64>, b: f64) -> f64 {
    let plain = b + x.dot(&w);
    if plain.is_finite() {
        return plain;
    }
    // 2^-e with 2^e ≤ max |v|: scaled values lie within ±2
    let scale = |v: &ArrayView1<'_, f64>| {
        let m = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        if m > 1.0 {
            // in two halves: 2^-1024 itself is subnormal, 2^1024 is not a number
            let e = m.log2().floor() as i32;
            2f64.powi(-(e / 2)) * 2f64.powi(-(e - e / 2))
        } else {
            1.0
        }
    };
    let (sx, sw) = (scale(&x), scale(&w));
    let scaled: f64 = x.iter().zip(w).map(|(xi, wi)| (xi * sx) * (wi * sw)).sum();
    // the bias added after scaling back keeps a small b; added before, it
    // can cancel a dot product beyond f64::MAX (2·MAX − MAX = MAX)
    let after = scaled / sx / sw + b;
    if after.is_finite() {
        return after;
    }
    (scaled + b * sx * sw) / sx / sw
}

/// [`Error::TooLarge`] for finite inputs whose result overflows `f64`:
/// names `name` and row `row` with its values written short.
pub(crate) fn overflow(name: &str, rows: &[ArrayView1<'_, f64>], row: usize, what: &str) -> Error {
    overflow_with(
        name,
        rows,
        row,
        what,
        "rescale the inputs, for example standardise them",
    )
}

/// As [`overflow`], with its own advice.
pub(crate) fn overflow_with(
    name: &str,
    rows: &[ArrayView1<'_, f64>],
    row: usize,
    what: &str,
    fix: &str,
) -> Error {
    let values: Vec<String> = rows
        .first()
        .map(|r| r.iter().map(|v| short(*v)).collect())
        .unwrap_or_default();
    Error::too_large(
        &format!("{name} row {row}"),
        format!("({})", values.join(", ")),
        format!("inputs whose {what} stays within ±1.8e308 (this row's overflows): {fix}"),
    )
}

/// [`Error::TooLarge`] naming the first row of `x` whose entry of `out`
/// (one per row) is not finite although `x` is.
pub(crate) fn check_no_overflow(
    name: &str,
    x: &Array2<f64>,
    out: &Array1<f64>,
    what: &str,
) -> Result<()> {
    match out.iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(i) => Err(overflow(name, &[x.row(i)], i, what)),
    }
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
            "x (the features) has a non-finite value (NaN) at row 0, column 1: expected finite numbers"
        );
    }

    #[test]
    fn finite_numbers_never_give_nan() {
        // ∞ − ∞ term by term; the exact value is the bias
        let z = net_input(&array![1e300, 1e300], &array![1e10, -1e10], 1.0).unwrap();
        assert_eq!(z, 1.0);
        let z = net_input_batch(
            &array![[1e300, 1e300], [1.0, 2.0]],
            &array![1e10, -1e10],
            1.0,
        )
        .unwrap();
        assert_eq!(z, array![1.0, 1.0 - 1e10]);
        // 2·MAX − MAX = MAX is representable
        let m = f64::MAX;
        assert_eq!(net_input(&array![m, m], &array![1.0, 1.0], -m).unwrap(), m);
        // a true value beyond f64 is an error naming the row
        let err = net_input_batch(&array![[0.0, 0.0], [m, m]], &array![m, m], 0.0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x row 1 = (1.7976931348623157e308, 1.7976931348623157e308) is too large: expected inputs whose \
             net input stays within ±1.8e308 (this row's overflows): rescale the inputs, for example standardise them"
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
