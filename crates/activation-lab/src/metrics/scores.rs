//! Scores of predictions against true labels: accuracy and the log loss,
//! from probabilities or from logits, with the checks of their input.

use ndarray::Array1;

use crate::activation::softplus;
use crate::error::{Error, Result};

/// The smallest probability `log_loss` uses, as scikit-learn does for
/// `f64` input: probabilities are clipped to `[ε, 1 − ε]`.
const EPS: f64 = f64::EPSILON;

/// Checks that two arrays pair up (same length) and that there is at least
/// one pair. `what` names the second array in the plural.
fn check_pairs(n_true: usize, n_other: usize, what: &str) -> Result<()> {
    if n_other != n_true {
        return Err(Error::shape(what, n_true, n_other));
    }
    if n_true == 0 {
        return Err(Error::empty("y_true", "label"));
    }
    Ok(())
}

/// Checks that every label is 0 or 1.
pub(super) fn check_labels(labels: &Array1<u8>) -> Result<()> {
    match labels.iter().enumerate().find(|&(_, &y)| y > 1) {
        Some((row, y)) => Err(Error::InvalidLabel {
            row,
            value: y.to_string(),
        }),
        None => Ok(()),
    }
}

/// The fraction of predictions that equal the true label.
///
/// ```text
/// accuracy = (1/n) Σ_i [ŷ_i = y_i]
/// ```
///
/// # Errors
///
/// - [`Error::ShapeMismatch`] (`"predictions"`) if the lengths differ;
/// - [`Error::Empty`] if there are no labels;
/// - [`Error::InvalidLabel`] if a true or predicted label is not 0 or 1.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// use activation_lab::metrics::accuracy;
/// use ndarray::array;
///
/// assert_eq!(accuracy(&array![0, 1, 1, 0], &array![0, 1, 0, 0])?, 0.75);
/// # Ok(())
/// # }
/// ```
pub fn accuracy(y_true: &Array1<u8>, y_pred: &Array1<u8>) -> Result<f64> {
    check_pairs(y_true.len(), y_pred.len(), "predictions")?;
    check_labels(y_true)?;
    check_labels(y_pred)?;
    let correct = y_true.iter().zip(y_pred).filter(|(t, p)| t == p).count();
    Ok(correct as f64 / y_true.len() as f64)
}

/// The mean binary cross-entropy of predicted probabilities `P(y = 1 | x)`.
///
/// ```text
/// p_i      = clip(proba_i, ε, 1 − ε)          ε = f64::EPSILON ≈ 2.2e-16
/// log loss = −(1/n) Σ_i [ y_i ln p_i + (1 − y_i) ln(1 − p_i) ]
/// ```
///
/// The clipping keeps the loss finite when a model is certain and wrong;
/// like current scikit-learn (which uses the machine epsilon of the input's
/// float type), the largest loss per sample is `−ln ε ≈ 36.04`. For a model
/// that outputs the net input `z`, prefer [`log_loss_from_logits`], which
/// needs no clipping.
///
/// # Errors
///
/// - [`Error::ShapeMismatch`] (`"probabilities"`) if the lengths differ;
/// - [`Error::Empty`] if there are no labels;
/// - [`Error::InvalidLabel`] if a label is not 0 or 1;
/// - [`Error::InvalidParameter`] (`"proba[i]"`) if a probability is NaN or
///   outside `[0, 1]`.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// use activation_lab::metrics::log_loss;
/// use ndarray::array;
///
/// // a coin flip costs ln 2 per sample
/// let loss = log_loss(&array![0, 1], &array![0.5, 0.5])?;
/// assert!((loss - std::f64::consts::LN_2).abs() < 1e-15);
/// # Ok(())
/// # }
/// ```
pub fn log_loss(y_true: &Array1<u8>, proba: &Array1<f64>) -> Result<f64> {
    check_pairs(y_true.len(), proba.len(), "probabilities")?;
    check_labels(y_true)?;
    if let Some((i, p)) = proba
        .iter()
        .enumerate()
        .find(|(_, p)| !(0.0..=1.0).contains(*p))
    {
        return Err(Error::param(
            &format!("proba[{i}]"),
            p,
            "a probability in [0, 1]",
        ));
    }
    let n = y_true.len() as f64;
    let total: f64 = y_true
        .iter()
        .zip(proba)
        .map(|(&y, &p)| {
            let p = p.clamp(EPS, 1.0 - EPS);
            if y == 1 { -p.ln() } else { -(1.0 - p).ln() }
        })
        .sum();
    Ok(total / n)
}

/// The mean binary cross-entropy computed from the net input `z` (the
/// logit, before the sigmoid), stable for any finite `z`.
///
/// ```text
/// loss = (1/n) Σ_i [ softplus(z_i) − y_i · z_i ]     softplus(z) = ln(1 + e^z)
///      = (1/n) Σ_i { softplus(z_i)    if y_i = 0
///                  { softplus(−z_i)   if y_i = 1
/// ```
///
/// This equals `log_loss(y, σ(z))` without its clipping: `σ(z)` rounds to
/// exactly 1 for `z > 37`, but the loss of a wrong answer keeps growing
/// with `z` (e.g. `1e4` for `y = 0, z = 1e4`). The second form is the one
/// computed, so no large terms cancel.
///
/// # Errors
///
/// - [`Error::ShapeMismatch`] (`"logits"`) if the lengths differ;
/// - [`Error::Empty`] if there are no labels;
/// - [`Error::InvalidLabel`] if a label is not 0 or 1;
/// - [`Error::InvalidParameter`] (`"z[i]"`) if a logit is NaN or infinite.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// use activation_lab::metrics::log_loss_from_logits;
/// use ndarray::array;
///
/// // z = 0 means σ(z) = 0.5: ln 2 per sample
/// let loss = log_loss_from_logits(&array![0, 1], &array![0.0, 0.0])?;
/// assert!((loss - std::f64::consts::LN_2).abs() < 1e-15);
/// // confidently wrong: the loss is about |z|, and finite
/// assert_eq!(log_loss_from_logits(&array![0], &array![1e4])?, 1e4);
/// # Ok(())
/// # }
/// ```
pub fn log_loss_from_logits(y_true: &Array1<u8>, z: &Array1<f64>) -> Result<f64> {
    check_pairs(y_true.len(), z.len(), "logits")?;
    check_labels(y_true)?;
    if let Some((i, v)) = z.iter().enumerate().find(|(_, v)| !v.is_finite()) {
        return Err(Error::param(&format!("z[{i}]"), v, "a finite number"));
    }
    let n = y_true.len() as f64;
    // each term divided first: a term can be as large as |z| ≈ f64::MAX
    Ok(y_true
        .iter()
        .zip(z)
        .map(|(&y, &z)| cross_entropy_from_logit(z, y == 1) / n)
        .sum())
}

/// The cross-entropy of one sample from its net input z: `−ln σ(z)` for
/// class 1 and `−ln(1 − σ(z))` for class 0, computed as `softplus(∓z)` so
/// that it is exact for large |z| (the one formula every loss in the crate
/// uses).
///
/// ```
/// use activation_lab::metrics::cross_entropy_from_logit;
/// assert!((cross_entropy_from_logit(0.0, true) - std::f64::consts::LN_2).abs() < 1e-15);
/// assert_eq!(cross_entropy_from_logit(1e4, false), 1e4);
/// ```
pub fn cross_entropy_from_logit(z: f64, is_class_1: bool) -> f64 {
    softplus(if is_class_1 { -z } else { z })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::confusion::ConfusionMatrix;
    use crate::metrics::test_support::message;
    use ndarray::array;

    fn sigmoid(z: f64) -> f64 {
        1.0 / (1.0 + (-z).exp())
    }

    // ------------------------------------------------------------ accuracy

    #[test]
    fn accuracy_is_the_fraction_correct() {
        assert_eq!(
            accuracy(&array![0, 1, 1, 0], &array![0, 1, 0, 0]).unwrap(),
            0.75
        );
        assert_eq!(accuracy(&array![1], &array![1]).unwrap(), 1.0);
        assert_eq!(accuracy(&array![1, 0], &array![0, 1]).unwrap(), 0.0);
    }

    #[test]
    fn accuracy_rejects_length_mismatch() {
        assert_eq!(
            message(accuracy(&array![0, 1], &array![0])),
            "expected 2 predictions, found 1"
        );
    }

    #[test]
    fn accuracy_rejects_empty_labels() {
        assert_eq!(
            message(accuracy(&array![], &array![])),
            "y_true is empty: expected at least one label"
        );
    }

    #[test]
    fn rejects_labels_other_than_0_and_1() {
        assert_eq!(
            message(accuracy(&array![0, 2], &array![0, 1])),
            "label 2 at row 1 is not a class: expected 0 or 1"
        );
        assert_eq!(
            message(accuracy(&array![0, 1], &array![0, 255])),
            "label 255 at row 1 is not a class: expected 0 or 1"
        );
        assert!(log_loss(&array![3], &array![0.5]).is_err());
        assert!(log_loss_from_logits(&array![3], &array![0.5]).is_err());
        assert!(ConfusionMatrix::new(&array![0], &array![7]).is_err());
    }

    // ------------------------------------------------------------ log loss

    #[test]
    fn log_loss_matches_the_formula() {
        let y = array![1, 0, 1];
        let p = array![0.9, 0.2, 0.6];
        let expected = -(0.9_f64.ln() + 0.8_f64.ln() + 0.6_f64.ln()) / 3.0;
        assert!((log_loss(&y, &p).unwrap() - expected).abs() < 1e-15);
    }

    #[test]
    fn log_loss_clips_to_machine_epsilon() {
        let worst = -f64::EPSILON.ln();
        assert!((log_loss(&array![1], &array![0.0]).unwrap() - worst).abs() < 1e-12);
        assert!((log_loss(&array![0], &array![1.0]).unwrap() - worst).abs() < 1e-12);
        assert!(log_loss(&array![1, 0], &array![1.0, 0.0]).unwrap() < 1e-15);
    }

    #[test]
    fn log_loss_rejects_probabilities_outside_0_1() {
        assert_eq!(
            message(log_loss(&array![0, 1], &array![0.5, 1.5])),
            "invalid proba[1] = 1.5: expected a probability in [0, 1]"
        );
        assert_eq!(
            message(log_loss(&array![0], &array![f64::NAN])),
            "invalid proba[0] = NaN: expected a probability in [0, 1]"
        );
        assert!(log_loss(&array![0], &array![-0.1]).is_err());
    }

    #[test]
    fn log_loss_rejects_length_mismatch_and_empty() {
        assert_eq!(
            message(log_loss(&array![0, 1], &array![0.5])),
            "expected 2 probabilities, found 1"
        );
        assert!(matches!(
            log_loss(&array![], &array![]),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn log_loss_from_logits_agrees_with_log_loss_of_sigmoid() {
        let y = array![0, 1, 1, 0, 1];
        let z = array![-3.0, 2.5, -0.5, 0.0, 10.0];
        let p = z.mapv(sigmoid);
        let a = log_loss_from_logits(&y, &z).unwrap();
        let b = log_loss(&y, &p).unwrap();
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    #[test]
    fn log_loss_from_logits_is_stable_at_1e4() {
        assert_eq!(log_loss_from_logits(&array![0], &array![1e4]).unwrap(), 1e4);
        assert_eq!(
            log_loss_from_logits(&array![1], &array![-1e4]).unwrap(),
            1e4
        );
        assert_eq!(log_loss_from_logits(&array![1], &array![1e4]).unwrap(), 0.0);
        assert_eq!(
            log_loss_from_logits(&array![0], &array![-1e4]).unwrap(),
            0.0
        );
        // z = 40: the loss is e^(−40) ≈ 4.2e-18, not rounded to 0 by 1 − σ(z)
        let small = log_loss_from_logits(&array![1], &array![40.0]).unwrap();
        assert!((small - (-40.0_f64).exp()).abs() < 1e-30);
        let huge = log_loss_from_logits(&array![0, 0], &array![f64::MAX, f64::MAX]).unwrap();
        assert!(huge.is_finite());
    }

    #[test]
    fn log_loss_from_logits_rejects_non_finite_logits() {
        assert_eq!(
            message(log_loss_from_logits(
                &array![0, 1],
                &array![0.0, f64::INFINITY]
            )),
            "invalid z[1] = inf: expected a finite number"
        );
        assert!(log_loss_from_logits(&array![0], &array![f64::NAN]).is_err());
    }

    #[test]
    fn log_loss_from_logits_rejects_length_mismatch_and_empty() {
        assert_eq!(
            message(log_loss_from_logits(&array![0], &array![0.0, 1.0])),
            "expected 1 logits, found 2"
        );
        assert!(matches!(
            log_loss_from_logits(&array![], &array![]),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn softplus_is_stable_and_accurate() {
        assert_eq!(softplus(0.0), std::f64::consts::LN_2);
        assert_eq!(softplus(1e4), 1e4);
        assert_eq!(softplus(-1e4), 0.0);
        assert!((softplus(-40.0) - (-40.0_f64).exp()).abs() < 1e-30);
        assert!((softplus(1.0) - (1.0 + 1.0_f64.exp()).ln()).abs() < 1e-15);
    }
}
