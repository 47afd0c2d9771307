//! The defaults must work on a student's first run: the 200-unit MLP
//! learns moons, circles and XOR, and logistic regression visibly fails on
//! them (the failure the series shows).

use activation_lab::prelude::*;

fn series_data() -> Vec<(Dataset, f64, f64)> {
    // (data, MLP training accuracy at least, logistic regression at most)
    vec![
        (moons(1000, 0.2, 0).unwrap(), 0.95, 0.90),
        (circles(1000, 0.1, 0.4, 0).unwrap(), 0.97, 0.60),
        (xor(1000, 0.0, 0).unwrap(), 0.97, 0.60),
    ]
}

#[test]
fn default_mlp_learns_every_non_linear_dataset() {
    for (data, at_least, _) in series_data() {
        let model = Mlp::new().fit(&data).unwrap();
        assert_eq!(model.hidden_units(), 200);
        let acc = model.accuracy(&data).unwrap();
        assert!(acc >= at_least, "{}: MLP training accuracy {acc} < {at_least}", data.name());
    }
}

#[test]
fn default_logistic_regression_fails_on_every_non_linear_dataset() {
    for (data, _, at_most) in series_data() {
        let model = LogisticRegression::new().fit(&data).unwrap();
        let acc = model.accuracy(&data).unwrap();
        assert!(acc <= at_most, "{}: logistic accuracy {acc} > {at_most}", data.name());
    }
}

#[test]
fn default_mlp_generalises_on_held_out_moons() {
    let (train, test) = moons(1000, 0.2, 1).unwrap().split(0.3, 1).unwrap();
    let model = Mlp::new().fit_validated(&train, &test).unwrap();
    assert!(model.accuracy(&test).unwrap() >= 0.93);
    assert_eq!(model.history().test_accuracy.len(), model.history().epochs());
}

#[test]
fn identity_activation_collapses_to_a_linear_boundary() {
    let data = circles(600, 0.1, 0.4, 2).unwrap();
    let model = Mlp::new().activation(Activation::Identity).epochs(100).fit(&data).unwrap();
    let acc = model.accuracy(&data).unwrap();
    assert!(acc <= 0.6, "identity MLP accuracy {acc}: should be no better than a line");
}
