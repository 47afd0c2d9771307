//! Arbitrary shapes and values passed to `fit`/`predict` give a result or
//! an error, never a panic.

use activation_lab::prelude::*;
use proptest::prelude::*;

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => -1e3..1e3f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(-1e300),
        1 => Just(1e300),
    ]
}

fn matrix(max_rows: usize, max_cols: usize) -> impl Strategy<Value = Array2<f64>> {
    (0..max_rows, 0..max_cols).prop_flat_map(|(r, c)| {
        proptest::collection::vec(any_f64(), r * c)
            .prop_map(move |v| Array2::from_shape_vec((r, c), v).unwrap())
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mlp_fit_and_predict_never_panic(
        x in matrix(12, 4),
        labels in proptest::collection::vec(0u8..3, 0..12),
        hidden in 0usize..6,
        lr in prop_oneof![Just(-1.0), Just(0.0), Just(f64::NAN), 1e-3..10.0f64],
        epochs in 0usize..4,
        batch in 0usize..5,
        l2 in prop_oneof![Just(-1.0), 0.0..1.0f64],
        query in matrix(5, 4),
    ) {
        let labels = Array1::from(labels);
        if let Ok(data) = Dataset::new(x, labels) {
            let settings = Mlp::new().hidden_units(hidden).learning_rate(lr).epochs(epochs)
                .batch_size(batch).l2(l2);
            if let Ok(model) = settings.fit(&data) {
                let _ = model.predict(&query);
                let _ = model.predict_proba(&query);
                let _ = model.hidden_activations(&query);
            }
            let _ = LogisticRegression::new().learning_rate(lr).epochs(epochs).batch_size(batch).l2(l2).fit(&data);
        }
    }

    #[test]
    fn hand_set_models_never_panic(
        w1 in matrix(4, 4),
        b1 in proptest::collection::vec(any_f64(), 0..5),
        w2 in proptest::collection::vec(any_f64(), 0..5),
        b2 in any_f64(),
        query in matrix(5, 5),
    ) {
        if let Ok(m) = MlpModel::from_weights(w1, Array1::from(b1), Array1::from(w2), b2, Activation::Tanh) {
            let _ = m.predict(&query);
            let _ = MlpModel::from_json(&m.to_json());
        }
    }

    #[test]
    fn arbitrary_json_never_panics(s in "\\PC{0,200}") {
        let _ = MlpModel::from_json(&s);
        let _ = LogisticModel::from_json(&s);
    }
}

#[test]
fn ragged_and_mismatched_json_give_clear_errors() {
    let ragged = r#"{"hidden_weights": [[1, 2], [3]], "hidden_bias": [0, 0], "output_weights": [1, 1], "output_bias": 0}"#;
    let err = MlpModel::from_json(ragged).unwrap_err();
    assert_eq!(
        err.to_string(),
        "model JSON: hidden_weights row 1 has 1 entries: expected 2 (one per hidden unit) in every row"
    );
    let short = r#"{"hidden_weights": [[1, 2]], "hidden_bias": [0], "output_weights": [1, 1], "output_bias": 0}"#;
    let err = MlpModel::from_json(short).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected 2 hidden_bias entries (one per hidden unit), found 1"
    );
}

#[test]
fn step_activations_are_rejected_for_training_with_a_reason() {
    let data = xor(50, 0.0, 1).unwrap();
    let err = Mlp::new()
        .activation(Activation::UnitStep)
        .fit(&data)
        .unwrap_err();
    assert!(
        err.to_string().starts_with(
            "invalid activation = unit_step: expected an activation with a useful derivative"
        ),
        "{err}"
    );
}

#[test]
fn a_model_for_two_features_rejects_three() {
    let data = xor(50, 0.0, 1).unwrap();
    let model = Mlp::new().hidden_units(3).epochs(1).fit(&data).unwrap();
    let err = model.predict(&array![[1.0, 2.0, 3.0]]).unwrap_err();
    assert_eq!(err.to_string(), "expected 2 feature columns, found 3");
}

#[test]
fn strided_and_reversed_weight_arrays_are_accepted() {
    // Owned arrays need not be contiguous (sliced or reversed in place); a
    // model built from them must predict and train like any other.
    let mut b1 = array![0.1, 9.0, -0.2, 9.0, 0.3, 9.0];
    b1.slice_collapse(s![..;2]);
    let mut w2 = array![1.0, -1.0, 0.5];
    w2.invert_axis(Axis(0));
    let mut w1 = array![[1.0, 0.0, -1.0], [0.5, 2.0, 1.0]];
    w1.invert_axis(Axis(1));
    let model = MlpModel::from_weights(w1, b1, w2, 0.1, Activation::Sigmoid).unwrap();
    let data = xor(64, 0.0, 1).unwrap();
    assert_eq!(model.predict(data.features()).unwrap().len(), 64);
    assert!(model.loss_and_gradient(&data, 0.1).is_ok());
    let trained = Mlp::new().epochs(2).fit_from(&model, &data).unwrap();
    assert_eq!(trained.hidden_units(), 3);
}

#[test]
fn divergence_on_the_last_update_is_an_error_not_infinite_weights() {
    // one epoch, a learning rate that throws the weights to infinity on its
    // only update: the loss after that update is measured, so the fit fails
    let data = moons(64, 0.1, 1).unwrap();
    for batch in [0, 16] {
        let lr = LogisticRegression::new()
            .optimizer(Optimizer::GradientDescent)
            .learning_rate(1e308)
            .batch_size(batch)
            .epochs(1)
            .fit(&data);
        assert!(
            matches!(lr, Err(Error::Diverged { .. })),
            "logistic, batch {batch}: {lr:?}"
        );
        let mlp = Mlp::new()
            .optimizer(Optimizer::GradientDescent)
            .learning_rate(1e308)
            .batch_size(batch)
            .epochs(1)
            .fit(&data);
        assert!(
            matches!(mlp, Err(Error::Diverged { .. })),
            "MLP, batch {batch}: {mlp:?}"
        );
    }
}
