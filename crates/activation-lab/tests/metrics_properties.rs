//! Properties of the metrics: no input panics, results in range.

use activation_lab::ConfusionMatrix;
use activation_lab::metrics::{accuracy, log_loss, log_loss_from_logits};
use ndarray::Array1;
use proptest::prelude::*;

fn labels(max_len: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop_oneof![8 => 0..=1u8, 1 => any::<u8>()], 0..max_len)
}

proptest! {
    #[test]
    fn accuracy_and_confusion_matrix_never_panic_and_agree(
        y_true in labels(12),
        y_pred in labels(12),
    ) {
        let (t, p) = (Array1::from(y_true), Array1::from(y_pred));
        let acc = accuracy(&t, &p);
        let cm = ConfusionMatrix::new(&t, &p);
        if let Ok(a) = acc {
            prop_assert!((0.0..=1.0).contains(&a));
            prop_assert_eq!(Some(a), cm.unwrap().accuracy());
        }
    }

    #[test]
    fn log_loss_is_finite_and_non_negative_when_ok(
        y in prop::collection::vec(0..=1u8, 1..10),
        p in prop::collection::vec(prop_oneof![0.0..=1.0f64, prop::num::f64::ANY], 1..10),
    ) {
        if let Ok(loss) = log_loss(&Array1::from(y), &Array1::from(p)) {
            prop_assert!(loss.is_finite() && loss >= 0.0);
            prop_assert!(loss <= -f64::EPSILON.ln() + 1e-9);
        }
    }

    #[test]
    fn log_loss_from_logits_is_finite_for_finite_logits(
        y in prop::collection::vec(0..=1u8, 1..10),
        z in prop::collection::vec(prop::num::f64::NORMAL | prop::num::f64::ZERO, 10),
    ) {
        let n = y.len();
        let loss = log_loss_from_logits(&Array1::from(y), &Array1::from(z[..n].to_vec())).unwrap();
        prop_assert!(loss.is_finite() && loss >= 0.0);
    }

    #[test]
    fn log_loss_from_logits_never_panics(
        y in labels(6),
        z in prop::collection::vec(prop::num::f64::ANY, 0..6),
    ) {
        let _ = log_loss_from_logits(&Array1::from(y), &Array1::from(z));
    }
}
