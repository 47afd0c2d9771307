//! Property tests of the promise "finite numbers in, finite numbers out (or
//! an error that says which input is too large)", with numbers drawn from
//! the whole range of f64, its edges included.

use activation_lab::error::short;
use activation_lab::prelude::*;
use proptest::prelude::*;

/// Any finite f64, with its edges drawn often.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -10.0..10.0f64,
        2 => -1e300..1e300f64,
        1 => prop_oneof![Just(f64::MAX), Just(-f64::MAX), Just(1e308), Just(-1e308)],
        1 => prop_oneof![Just(0.0), Just(-0.0), Just(5e-324), Just(f64::MIN_POSITIVE)],
        1 => proptest::num::f64::NORMAL,
    ]
}

fn finite_vec(len: usize) -> impl Strategy<Value = Vec<f64>> {
    proptest::collection::vec(finite(), len)
}

fn too_large(e: &Error) -> bool {
    matches!(e, Error::TooLarge { .. })
}

/// log₂ of the largest absolute value.
fn log2_max(v: &[f64]) -> f64 {
    v.iter()
        .fold(f64::NEG_INFINITY, |m, x| m.max(x.abs().log2()))
}

/// An overflow can only be real when some product of an input, a weight
/// and (for a hidden layer) an output weight, or a bias, is near 2^1024:
/// here "near" is above 2^1000, far below any rounding argument.
fn could_overflow(terms: &[f64]) -> bool {
    terms.iter().any(|&t| t > 1000.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_net_input_of_finite_numbers_is_finite_or_too_large(
        x in finite_vec(3), w in finite_vec(3), b in finite(),
    ) {
        let real = could_overflow(&[log2_max(&x) + log2_max(&w), b.abs().log2()]);
        match net_input(&Array1::from(x.clone()), &Array1::from(w.clone()), b) {
            Ok(z) => prop_assert!(z.is_finite(), "{x:?}·{w:?} + {b} = {z}"),
            Err(e) => prop_assert!(too_large(&e) && real, "{e}"),
        }
        let batch = Array2::from_shape_vec((1, 3), x).unwrap();
        match net_input_batch(&batch, &Array1::from(w), b) {
            Ok(z) => prop_assert!(z[0].is_finite()),
            Err(e) => prop_assert!(too_large(&e) && e.to_string().starts_with("x row 0 = ("), "{e}"),
        }
    }

    #[test]
    fn models_answer_finite_numbers_or_name_the_row(
        w1 in finite_vec(4), b1 in finite_vec(2), w2 in finite_vec(2), b2 in finite(),
        x in finite_vec(6),
        act in proptest::sample::select(Activation::ALL.to_vec()),
    ) {
        let model = MlpModel::from_weights(
            Array2::from_shape_vec((2, 2), w1.clone()).unwrap(),
            Array1::from(b1), Array1::from(w2), b2, act,
        ).unwrap();
        let out = log2_max(model.output_weights().as_slice().unwrap()).max(0.0);
        let real = could_overflow(&[
            log2_max(&x) + log2_max(&w1) + out,
            log2_max(model.hidden_bias().as_slice().unwrap()) + out,
            b2.abs().log2(),
            // an unbounded activation of an already huge net input
            log2_max(&x) + log2_max(&w1),
        ]);
        let x = Array2::from_shape_vec((3, 2), x).unwrap();
        for result in [model.decision_function(&x), model.predict_proba(&x)] {
            match result {
                Ok(v) => prop_assert!(v.iter().all(|z| z.is_finite()), "{v:?}"),
                Err(e) => prop_assert!(
                    too_large(&e) && e.to_string().starts_with("x row ") && real,
                    "{e}"
                ),
            }
        }
        match model.hidden_activations(&x) {
            Ok(a) => prop_assert!(a.iter().all(|v| v.is_finite()), "{a:?}"),
            Err(e) => prop_assert!(too_large(&e), "{e}"),
        }
        let line = LogisticModel::from_weights(Array1::from(w1[..2].to_vec()), b2).unwrap();
        match line.decision_function(&x) {
            Ok(v) => prop_assert!(v.iter().all(|z| z.is_finite())),
            Err(e) => prop_assert!(too_large(&e), "{e}"),
        }
        if let Some((slope, intercept)) = line.boundary_line() {
            prop_assert!(slope.is_finite() && intercept.is_finite());
        }
    }

    #[test]
    fn the_log_loss_of_finite_logits_is_finite(z in finite_vec(8), y in proptest::collection::vec(0u8..2, 8)) {
        let loss = log_loss_from_logits(&Array1::from(y), &Array1::from(z)).unwrap();
        prop_assert!(loss.is_finite() && loss >= 0.0, "{loss}");
    }

    #[test]
    fn activations_are_finite_on_finite_input_and_never_nan_at_infinity(
        z in finite(),
        act in proptest::sample::select(Activation::ALL.to_vec()),
    ) {
        prop_assert!(act.value(z).is_finite(), "{act:?}({z})");
        prop_assert!(act.derivative(z).is_finite(), "{act:?}'({z})");
        prop_assert!(act.derivative_given_output(z, act.value(z)).is_finite());
        for inf in [f64::INFINITY, f64::NEG_INFINITY] {
            prop_assert!(!act.value(inf).is_nan() && !act.derivative(inf).is_nan(), "{act:?} at {inf}");
        }
    }

    #[test]
    fn the_standardiser_gives_finite_numbers_or_names_the_row(x in finite_vec(8), q in finite_vec(2)) {
        let x = Array2::from_shape_vec((4, 2), x).unwrap();
        let s = Standardizer::fit(&x).unwrap();
        prop_assert!(s.mean().iter().chain(s.scale()).all(|v| v.is_finite()));
        let q = Array2::from_shape_vec((1, 2), q).unwrap();
        for result in [s.transform(&q), s.inverse_transform(&q)] {
            match result {
                Ok(v) => prop_assert!(v.iter().all(|z| z.is_finite())),
                Err(e) => prop_assert!(too_large(&e), "{e}"),
            }
        }
    }

    #[test]
    fn the_plotted_region_of_finite_data_is_finite_and_ordered(x in finite_vec(6)) {
        let data = Dataset::new(Array2::from_shape_vec((3, 2), x).unwrap(), array![0, 1, 0]).unwrap();
        let ((a, b), (c, d)) = plotted_region(&data);
        prop_assert!(a.is_finite() && b.is_finite() && c.is_finite() && d.is_finite());
        prop_assert!(a < b && c < d, "({a}, {b}) × ({c}, {d})");
        let [m0, m1] = class_means(&data).unwrap();
        prop_assert!(m0.iter().chain(&m1).all(|v| v.is_finite()));
    }

    #[test]
    fn numbers_in_messages_are_short_and_exact(x in finite()) {
        let s = short(x);
        prop_assert!(s.len() <= 24, "{s}");
        prop_assert_eq!(s.parse::<f64>().unwrap(), x);
    }
}
