//! The defaults must work on a student's first run: the 200-unit MLP
//! learns moons, circles and XOR, and logistic regression visibly fails on
//! them (the failure the series shows).

use activation_lab::prelude::*;

fn series_data() -> Vec<(Dataset, f64, f64)> {
    // (data, MLP training accuracy at least, logistic regression at most)
    vec![
        (moons(1000, 0.2, 0).unwrap(), 0.95, 0.90),
        (circles(1000, 0.1, 0).unwrap(), 0.97, 0.60),
        (xor(1000, 0.0, 0).unwrap(), 0.97, 0.60),
    ]
}

#[test]
fn default_mlp_learns_every_non_linear_dataset() {
    for (data, at_least, _) in series_data() {
        let model = Mlp::new().fit(&data).unwrap();
        assert_eq!(model.hidden_units(), 200);
        let acc = model.accuracy(&data).unwrap();
        assert!(
            acc >= at_least,
            "{}: MLP training accuracy {acc} < {at_least}",
            data.name()
        );
    }
}

#[test]
fn default_logistic_regression_fails_on_every_non_linear_dataset() {
    for (data, _, at_most) in series_data() {
        let model = LogisticRegression::new().fit(&data).unwrap();
        let acc = model.accuracy(&data).unwrap();
        assert!(
            acc <= at_most,
            "{}: logistic accuracy {acc} > {at_most}",
            data.name()
        );
    }
}

#[test]
fn default_mlp_generalises_on_held_out_moons() {
    let (train, test) = moons(1000, 0.2, 1).unwrap().split(0.3, 1).unwrap();
    let model = Mlp::new().fit_validated(&train, &test).unwrap();
    assert!(model.accuracy(&test).unwrap() >= 0.93);
    assert_eq!(
        model.history().validation_accuracy.len(),
        model.history().epochs()
    );
}

#[test]
fn identity_activation_collapses_to_a_linear_model() {
    // W2(W1x + b1) + b2 = (W1·w2)ᵀx + (b1·w2 + b2): one straight boundary.
    let data = circles(600, 0.1, 2).unwrap();
    let model = Mlp::new()
        .activation(Activation::Identity)
        .epochs(100)
        .fit(&data)
        .unwrap();
    let w = model.hidden_weights().dot(model.output_weights());
    let b = model.hidden_bias().dot(model.output_weights()) + model.output_bias();
    let linear = LogisticModel::from_weights(w, b).unwrap();
    let z_mlp = model.decision_function(data.features()).unwrap();
    let z_lin = linear.decision_function(data.features()).unwrap();
    for (a, b) in z_mlp.iter().zip(&z_lin) {
        assert!((a - b).abs() <= 1e-9 * (1.0 + a.abs()), "{a} vs {b}");
    }
    let acc = model.accuracy(&data).unwrap();
    let sigmoid_acc = Mlp::new()
        .epochs(100)
        .fit(&data)
        .unwrap()
        .accuracy(&data)
        .unwrap();
    assert!(
        acc < 0.7 && sigmoid_acc > 0.95,
        "identity {acc}, sigmoid {sigmoid_acc}"
    );
}
