//! Prediction, losses and gradients of both models on extreme inputs: the
//! answer is finite, or an error names the row that is too large.

use crate::cases::{Case, bad, either, finite};
use crate::data::tiny;
use activation_lab::prelude::*;

pub fn cases(out: &mut Vec<Case>) {
    prediction_cases(out);
}

/// Inputs a trained model is asked about: finite, but at the edges of f64.
fn extreme_queries() -> Vec<(&'static str, Array2<f64>)> {
    let m = f64::MAX;
    vec![
        ("(MAX, MAX)", array![[m, m]]),
        ("(MAX, -MAX)", array![[m, -m]]),
        ("(-MAX, -MAX)", array![[-m, -m]]),
        ("(1e300, -1e300)", array![[1e300, -1e300]]),
        ("(1e154, 1e154)", array![[1e154, 1e154]]),
        ("(5e-324, -5e-324)", array![[5e-324, -5e-324]]),
        ("(0, 0)", array![[0.0, 0.0]]),
    ]
}

/// A 2-2-1 network with ordinary weights and the given activation.
fn small_mlp(activation: Activation) -> MlpModel {
    MlpModel::from_weights(
        array![[1.0, -1.0], [-1.0, 1.0]],
        array![0.5, -0.5],
        array![3.0, -3.0],
        0.1,
        activation,
    )
    .unwrap()
}

/// Builds a model to ask.
type MakeModel = fn() -> Box<dyn Classifier>;

fn prediction_cases(out: &mut Vec<Case>) {
    let models: Vec<(&str, MakeModel)> = vec![
        ("sigmoid MLP", || Box::new(small_mlp(Activation::Sigmoid))),
        ("ReLU MLP", || Box::new(small_mlp(Activation::Relu))),
        ("identity MLP", || Box::new(small_mlp(Activation::Identity))),
        ("GELU MLP", || Box::new(small_mlp(Activation::Gelu))),
        ("step MLP", || Box::new(small_mlp(Activation::UnitStep))),
        ("huge-weight MLP", || {
            Box::new(
                MlpModel::from_weights(
                    array![[f64::MAX, -f64::MAX], [-f64::MAX, f64::MAX]],
                    array![f64::MAX, -f64::MAX],
                    array![f64::MAX, f64::MAX],
                    f64::MAX,
                    Activation::Elu,
                )
                .unwrap(),
            )
        }),
        ("logistic", || {
            Box::new(LogisticModel::from_weights(array![1.0, -1.0], 0.5).unwrap())
        }),
        ("huge-weight logistic", || {
            Box::new(LogisticModel::from_weights(array![f64::MAX, f64::MAX], -f64::MAX).unwrap())
        }),
    ];
    for (model_name, make) in models {
        for (q, x) in extreme_queries() {
            let x2 = x.clone();
            either(
                out,
                "predict",
                format!("{model_name}.predict_proba{q}"),
                &["x row 0", "too large"],
                move || make().predict_proba(&x),
            );
            either(
                out,
                "predict",
                format!("{model_name}.decision_function{q}"),
                &["x row 0", "too large"],
                move || make().decision_function(&x2),
            );
        }
        for v in [f64::NAN, f64::INFINITY] {
            bad(
                out,
                "predict",
                format!("{model_name}.predict(x with {v})"),
                &["x (the features)", "row 1"],
                move || make().predict(&array![[0.0, 0.0], [v, 1.0]]),
            );
        }
        for cols in [0, 1, 3] {
            bad(
                out,
                "predict",
                format!("{model_name}.predict({cols} columns)"),
                &["feature columns"],
                move || make().predict(&Array2::zeros((2, cols))),
            );
        }
        finite(
            out,
            "predict",
            format!("{model_name}.predict(0 rows)"),
            move || make().predict_proba(&Array2::zeros((0, 2))),
        );
        bad(
            out,
            "predict",
            format!("{model_name}.accuracy(empty data)"),
            &["data", "empty"],
            move || make().accuracy(&Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0))?),
        );
        bad(
            out,
            "predict",
            format!("{model_name}.log_loss(empty data)"),
            &["data", "empty"],
            move || make().log_loss(&Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0))?),
        );
        either(
            out,
            "predict",
            format!("{model_name}.log_loss(data at ±MAX)"),
            &["too large"],
            move || {
                make().log_loss(&Dataset::new(
                    array![[f64::MAX, f64::MAX], [-f64::MAX, -f64::MAX]],
                    array![0, 1],
                )?)
            },
        );
    }
    let mlp = || small_mlp(Activation::Tanh);
    for (q, x) in extreme_queries() {
        let x2 = x.clone();
        either(
            out,
            "predict",
            format!("hidden_activations{q}"),
            &["x row 0", "too large"],
            move || mlp().hidden_activations(&x),
        );
        either(
            out,
            "predict",
            format!("hidden_net_input{q}"),
            &["x row 0", "too large"],
            move || mlp().hidden_net_input(&x2),
        );
    }
    bad(
        out,
        "predict",
        "hidden_activations(x with NaN)",
        &["x (the features)"],
        move || mlp().hidden_activations(&array![[f64::NAN, 0.0]]),
    );
    for (name, words, data) in [
        (
            "empty",
            "data",
            Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0)).unwrap(),
        ),
        (
            "3 features",
            "feature columns",
            Dataset::new(Array2::zeros((2, 3)), array![0, 1]).unwrap(),
        ),
    ] {
        let d2 = data.clone();
        bad(
            out,
            "predict",
            format!("MlpModel.loss_and_gradient({name})"),
            &[words],
            move || mlp().loss_and_gradient(&data, 0.0).map(|_| 0.0),
        );
        bad(
            out,
            "predict",
            format!("LogisticModel.loss_and_gradient({name})"),
            &[words],
            move || {
                LogisticModel::from_weights(array![1.0, 1.0], 0.0)?
                    .loss_and_gradient(&d2, 0.0)
                    .map(|_| 0.0)
            },
        );
    }
    for l2 in [f64::NAN, -1.0, f64::INFINITY] {
        bad(
            out,
            "predict",
            format!("loss_and_gradient(l2 = {l2})"),
            &["l2"],
            move || mlp().loss_and_gradient(&tiny(), l2).map(|_| 0.0),
        );
    }
    for (name, act) in [
        ("ReLU", Activation::Relu),
        ("identity", Activation::Identity),
        ("tanh", Activation::Tanh),
    ] {
        for x in [1e308, f64::MAX, 1e154] {
            either(
                out,
                "predict",
                format!("{name} MlpModel.loss_and_gradient(x = ±{x:e})"),
                &["the data", "too large"],
                move || {
                    let m = small_mlp(act);
                    let d = Dataset::new(array![[x, -x], [-x, x], [0.0, 1.0]], array![0, 1, 0])?;
                    let (loss, g) = m.loss_and_gradient(&d, 0.01)?;
                    let mut v = vec![loss, g.output_bias];
                    v.extend(
                        g.hidden_weights
                            .iter()
                            .chain(&g.hidden_bias)
                            .chain(&g.output_weights),
                    );
                    Ok(v)
                },
            );
        }
    }
    for x in [1e308, f64::MAX] {
        either(
            out,
            "predict",
            format!("LogisticModel.loss_and_gradient(x = ±{x:e})"),
            &["the data", "too large"],
            move || {
                let m = LogisticModel::from_weights(array![1.0, 1.0], 0.0)?;
                let d = Dataset::new(array![[x, x], [-x, x], [0.0, 1.0]], array![0, 1, 0])?;
                let (loss, g) = m.loss_and_gradient(&d, 0.01)?;
                let mut v = vec![loss, g.bias];
                v.extend(g.weights.iter());
                Ok(v)
            },
        );
    }
    let standardize = false;
    bad(
        out,
        "predict",
        format!("Mlp.fit(features at ±MAX, ReLU, standardize {standardize})"),
        &["the training data", "standardi"],
        move || {
            let d = Dataset::new(
                array![[f64::MAX, f64::MAX], [-f64::MAX, f64::MAX], [0.0, 1.0]],
                array![0, 1, 0],
            )?;
            Mlp::new()
                .activation(Activation::Relu)
                .hidden_units(4)
                .epochs(2)
                .standardize(standardize)
                .fit(&d)
        },
    );
    finite(
        out,
        "predict",
        "LogisticModel.boundary_line(zero weights)",
        || {
            Ok(LogisticModel::from_weights(array![0.0, 0.0], 1.0)?
                .boundary_line()
                .map_or(vec![], |(a, b)| vec![a, b]))
        },
    );
    finite(
        out,
        "predict",
        "LogisticModel.boundary_line(tiny w2)",
        || {
            Ok(LogisticModel::from_weights(array![1e300, 5e-324], 1.0)?
                .boundary_line()
                .map_or(vec![], |(a, b)| vec![a, b]))
        },
    );
}
