//! Both models: every setting, every optimiser and activation, fitting on
//! bad data, hand-set weights, and prediction on extreme inputs.

use crate::cases::{Case, bad, either, finite};
use crate::data::tiny;
use activation_lab::prelude::*;

const BAD_RATES: [f64; 6] = [f64::NAN, f64::INFINITY, -f64::INFINITY, 0.0, -0.1, -1e-300];
const BAD_L2: [f64; 4] = [f64::NAN, f64::INFINITY, -1.0, -1e-300];
const BAD_UNIT: [f64; 6] = [f64::NAN, 1.0, 1.5, -0.1, f64::INFINITY, -f64::INFINITY];

fn moons64() -> Dataset {
    moons(64, 0.1, 1).unwrap()
}

pub fn cases(out: &mut Vec<Case>) {
    settings_cases(out);
    optimiser_cases(out);
    data_cases(out);
    weights_cases(out);
}

fn settings_cases(out: &mut Vec<Case>) {
    for lr in BAD_RATES {
        bad(
            out,
            "models",
            format!("Mlp.learning_rate({lr:e})"),
            &["learning_rate"],
            move || Mlp::new().learning_rate(lr).epochs(1).fit(&tiny()),
        );
        bad(
            out,
            "models",
            format!("LogisticRegression.learning_rate({lr:e})"),
            &["learning_rate"],
            move || {
                LogisticRegression::new()
                    .learning_rate(lr)
                    .epochs(1)
                    .fit(&tiny())
            },
        );
    }
    for l2 in BAD_L2 {
        bad(
            out,
            "models",
            format!("Mlp.l2({l2:e})"),
            &["l2"],
            move || Mlp::new().l2(l2).epochs(1).fit(&tiny()),
        );
        bad(
            out,
            "models",
            format!("LogisticRegression.l2({l2:e})"),
            &["l2"],
            move || LogisticRegression::new().l2(l2).epochs(1).fit(&tiny()),
        );
    }
    for m in BAD_UNIT {
        bad(
            out,
            "models",
            format!("Mlp.momentum({m:e})"),
            &["momentum"],
            move || {
                Mlp::new()
                    .optimizer(Optimizer::Momentum)
                    .momentum(m)
                    .epochs(1)
                    .fit(&tiny())
            },
        );
        bad(
            out,
            "models",
            format!("Mlp.adam_betas({m:e}, 0.999)"),
            &["beta1"],
            move || Mlp::new().adam_betas(m, 0.999).epochs(1).fit(&tiny()),
        );
        bad(
            out,
            "models",
            format!("Mlp.adam_betas(0.9, {m:e})"),
            &["beta2"],
            move || Mlp::new().adam_betas(0.9, m).epochs(1).fit(&tiny()),
        );
    }
    for e in [f64::NAN, 0.0, -1e-8, f64::INFINITY] {
        bad(
            out,
            "models",
            format!("Mlp.adam_epsilon({e:e})"),
            &["epsilon"],
            move || Mlp::new().adam_epsilon(e).epochs(1).fit(&tiny()),
        );
    }
    for epochs in [0usize, 10_000_001, 1 << 40, usize::MAX] {
        bad(
            out,
            "models",
            format!("Mlp.epochs({epochs})"),
            &["epochs"],
            move || Mlp::new().epochs(epochs).fit(&tiny()),
        );
        bad(
            out,
            "models",
            format!("LogisticRegression.epochs({epochs})"),
            &["epochs"],
            move || LogisticRegression::new().epochs(epochs).fit(&tiny()),
        );
    }
    for h in [0usize, 100_001, 1 << 40, usize::MAX] {
        bad(
            out,
            "models",
            format!("Mlp.hidden_units({h})"),
            &["hidden_units"],
            move || Mlp::new().hidden_units(h).epochs(1).fit(&tiny()),
        );
    }
    for b in [usize::MAX, 1 << 40, 5, 1] {
        finite(out, "models", format!("Mlp.batch_size({b})"), move || {
            Mlp::new()
                .hidden_units(4)
                .batch_size(b)
                .epochs(2)
                .fit(&tiny())
        });
        finite(
            out,
            "models",
            format!("LogisticRegression.batch_size({b})"),
            move || {
                LogisticRegression::new()
                    .batch_size(b)
                    .epochs(2)
                    .fit(&tiny())
            },
        );
    }
    for a in [
        Activation::UnitStep,
        Activation::Threshold,
        Activation::Sign,
    ] {
        bad(
            out,
            "models",
            format!("Mlp.activation({a:?})"),
            &["activation"],
            move || Mlp::new().activation(a).epochs(1).fit(&tiny()),
        );
    }
    // memory that grows with settings: a full batch of many rows × many units
    bad(
        out,
        "models",
        "hidden_activations(100 000 units × 20 000 rows)",
        &["x", "memory"],
        || {
            let m = MlpModel::from_weights(
                Array2::zeros((2, 100_000)),
                Array1::zeros(100_000),
                Array1::zeros(100_000),
                0.0,
                Activation::Relu,
            )?;
            m.hidden_activations(&Array2::zeros((20_000, 2)))
        },
    );
    bad(
        out,
        "models",
        "fit_recording(every = 1, 10 000 000 epochs)",
        &["every", "memory"],
        || {
            Mlp::new()
                .hidden_units(200)
                .epochs(10_000_000)
                .fit_recording(&tiny(), 1)
                .map(|(m, _)| m)
        },
    );
    bad(
        out,
        "models",
        "fit_with(3-feature validation, observe_every usize::MAX)",
        &["validation"],
        || {
            let mut seen = 0usize;
            let mut observer = |_: usize, _: &MlpModel| seen += 1;
            let validation = Dataset::new(Array2::zeros((2, 3)), array![0, 1])?;
            Mlp::new().hidden_units(3).epochs(2).fit_with(
                &tiny(),
                FitOptions {
                    validation: Some(&validation),
                    init: None,
                    observe_every: usize::MAX,
                    observer: Some(&mut observer),
                },
            )
        },
    );
    finite(out, "models", "fit_with(observe_every usize::MAX)", || {
        let mut seen = 0usize;
        let mut observer = |_: usize, _: &MlpModel| seen += 1;
        let m = Mlp::new().hidden_units(3).epochs(2).fit_with(
            &tiny(),
            FitOptions {
                validation: None,
                init: None,
                observe_every: usize::MAX,
                observer: Some(&mut observer),
            },
        )?;
        Ok(vec![m.output_bias(), seen as f64])
    });
    bad(
        out,
        "models",
        "Mlp(100 000 units, full batch of 1 000 000 rows)",
        &["batch_size", "memory", "minibatches"],
        || {
            Mlp::new()
                .hidden_units(100_000)
                .batch_size(0)
                .epochs(1)
                .fit(&moons(1_000_000, 0.1, 1)?)
        },
    );
    bad(
        out,
        "models",
        "Mlp(100 000 units on 50 000 feature columns)",
        &["hidden_units", "memory", "feature columns"],
        || {
            let d = Dataset::new(Array2::zeros((2, 50_000)), array![0, 1])?;
            Mlp::new().hidden_units(100_000).epochs(1).fit(&d)
        },
    );
    bad(
        out,
        "models",
        "loss_and_gradient(100 000 units, 1 000 000 rows)",
        &["data", "memory"],
        || {
            let m = MlpModel::from_weights(
                Array2::zeros((2, 100_000)),
                Array1::zeros(100_000),
                Array1::zeros(100_000),
                0.0,
                Activation::Tanh,
            )?;
            m.loss_and_gradient(&moons(1_000_000, 0.1, 1)?, 0.0)
                .map(|(l, _)| l)
        },
    );
    finite(
        out,
        "models",
        "seeded(u64::MAX) draws finite numbers",
        || {
            let mut rng = seeded(u64::MAX);
            Ok((0..100).map(|_| rng.random::<f64>()).collect::<Vec<f64>>())
        },
    );
    bad(
        out,
        "models",
        "fit_recording(every = 0)",
        &["every"],
        || {
            Mlp::new()
                .epochs(2)
                .fit_recording(&tiny(), 0)
                .map(|(m, _)| m)
        },
    );
    finite(out, "models", "fit_recording(every = usize::MAX)", || {
        Mlp::new()
            .hidden_units(3)
            .epochs(3)
            .fit_recording(&tiny(), usize::MAX)
            .map(|(m, f)| {
                let mut v = vec![f.len() as f64];
                v.extend(m.output_weights().iter());
                v
            })
    });
    for seed in [0, u64::MAX] {
        finite(out, "models", format!("Mlp.seed({seed})"), move || {
            Mlp::new().hidden_units(5).epochs(3).seed(seed).fit(&tiny())
        });
    }
    for (shuffle, standardize) in [(false, false), (true, false), (false, true)] {
        finite(
            out,
            "models",
            format!("Mlp.shuffle({shuffle}).standardize({standardize})"),
            move || {
                Mlp::new()
                    .hidden_units(5)
                    .epochs(3)
                    .shuffle(shuffle)
                    .standardize(standardize)
                    .batch_size(2)
                    .fit(&tiny())
            },
        );
        finite(
            out,
            "models",
            format!("LogisticRegression.shuffle({shuffle}).standardize({standardize})"),
            move || {
                LogisticRegression::new()
                    .epochs(3)
                    .shuffle(shuffle)
                    .standardize(standardize)
                    .batch_size(2)
                    .fit(&tiny())
            },
        );
    }
}

/// Every optimiser with every trainable activation, at learning rates
/// from tiny to absurd: a finite model, or a `Diverged` error that says
/// to lower the learning rate.
fn optimiser_cases(out: &mut Vec<Case>) {
    for opt in Optimizer::ALL {
        for act in Activation::ALL.into_iter().filter(|a| a.is_trainable()) {
            finite(
                out,
                "optimisers",
                format!("Mlp({opt}, {act:?}, lr 1e-300)"),
                move || {
                    Mlp::new()
                        .optimizer(opt)
                        .activation(act)
                        .hidden_units(6)
                        .learning_rate(1e-300)
                        .epochs(3)
                        .fit(&moons64())
                },
            );
            for lr in [1e3, 1e308] {
                either(
                    out,
                    "optimisers",
                    format!("Mlp({opt}, {act:?}, lr {lr:e})"),
                    &["learning_rate"],
                    move || {
                        Mlp::new()
                            .optimizer(opt)
                            .activation(act)
                            .hidden_units(6)
                            .learning_rate(lr)
                            .epochs(3)
                            .fit(&moons64())
                    },
                );
            }
        }
        for batch in [0, 7] {
            finite(
                out,
                "optimisers",
                format!("LogisticRegression({opt}, lr 1e-300, batch {batch})"),
                move || {
                    LogisticRegression::new()
                        .optimizer(opt)
                        .learning_rate(1e-300)
                        .batch_size(batch)
                        .epochs(3)
                        .fit(&moons64())
                },
            );
        }
        for lr in [1e3, 1e308] {
            for batch in [0, 7] {
                either(
                    out,
                    "optimisers",
                    format!("LogisticRegression({opt}, lr {lr:e}, batch {batch})"),
                    &["learning_rate"],
                    move || {
                        LogisticRegression::new()
                            .optimizer(opt)
                            .learning_rate(lr)
                            .batch_size(batch)
                            .epochs(3)
                            .fit(&moons64())
                    },
                );
            }
        }
        for l2 in [1e6, 1e300] {
            either(
                out,
                "optimisers",
                format!("Mlp({opt}, l2 {l2:e})"),
                &["l2"],
                move || {
                    Mlp::new()
                        .optimizer(opt)
                        .hidden_units(6)
                        .l2(l2)
                        .epochs(3)
                        .fit(&moons64())
                },
            );
        }
    }
}

fn data_cases(out: &mut Vec<Case>) {
    let empty = || Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0)).unwrap();
    let one_class = || Dataset::new(array![[0.0, 0.0], [1.0, 1.0]], array![1, 1]).unwrap();
    let huge = || {
        Dataset::new(
            array![[f64::MAX, -f64::MAX], [-f64::MAX, f64::MAX], [0.0, 0.0]],
            array![0, 1, 0],
        )
        .unwrap()
    };
    let constant = || Dataset::new(array![[1.0, 1.0], [1.0, 1.0]], array![0, 1]).unwrap();
    bad(
        out,
        "models",
        "Mlp.fit(empty data)",
        &["empty"],
        move || Mlp::new().epochs(1).fit(&empty()),
    );
    bad(
        out,
        "models",
        "LogisticRegression.fit(empty data)",
        &["empty"],
        move || LogisticRegression::new().epochs(1).fit(&empty()),
    );
    bad(out, "models", "Mlp.fit(one class)", &["class"], move || {
        Mlp::new().epochs(1).fit(&one_class())
    });
    bad(
        out,
        "models",
        "LogisticRegression.fit(one class)",
        &["class"],
        move || LogisticRegression::new().epochs(1).fit(&one_class()),
    );
    for standardize in [true, false] {
        either(
            out,
            "models",
            format!("Mlp.fit(features at ±MAX, standardize {standardize})"),
            &["features"],
            move || {
                Mlp::new()
                    .hidden_units(4)
                    .epochs(2)
                    .standardize(standardize)
                    .fit(&huge())
            },
        );
        either(
            out,
            "models",
            format!("LogisticRegression.fit(features at ±MAX, standardize {standardize})"),
            &["learning_rate"],
            move || {
                LogisticRegression::new()
                    .epochs(2)
                    .standardize(standardize)
                    .fit(&huge())
            },
        );
        finite(
            out,
            "models",
            format!("Mlp.fit(constant features, standardize {standardize})"),
            move || {
                Mlp::new()
                    .hidden_units(4)
                    .epochs(2)
                    .standardize(standardize)
                    .fit(&constant())
            },
        );
    }
    bad(
        out,
        "models",
        "Mlp.fit_validated(3-feature validation)",
        &["feature"],
        || {
            Mlp::new()
                .hidden_units(3)
                .epochs(1)
                .fit_validated(&tiny(), &Dataset::new(Array2::zeros((2, 3)), array![0, 1])?)
        },
    );
    finite(
        out,
        "models",
        "Mlp.fit_validated(empty validation)",
        move || {
            Mlp::new()
                .hidden_units(3)
                .epochs(1)
                .fit_validated(&tiny(), &empty())
        },
    );
    bad(
        out,
        "models",
        "LogisticRegression.fit_validated(3-feature validation)",
        &["feature"],
        || {
            LogisticRegression::new()
                .epochs(1)
                .fit_validated(&tiny(), &Dataset::new(Array2::zeros((2, 3)), array![0, 1])?)
        },
    );
    bad(
        out,
        "models",
        "Mlp.fit_from(3-input model)",
        &["feature"],
        || {
            let init = MlpModel::from_weights(
                Array2::zeros((3, 2)),
                Array1::zeros(2),
                Array1::zeros(2),
                0.0,
                Activation::Sigmoid,
            )?;
            Mlp::new().epochs(1).fit_from(&init, &tiny())
        },
    );
    bad(
        out,
        "models",
        "LogisticRegression.fit_from(3-weight model)",
        &["starting model"],
        || {
            LogisticRegression::new().epochs(1).fit_from(
                &LogisticModel::from_weights(Array1::zeros(3), 0.0)?,
                &tiny(),
            )
        },
    );
    bad(
        out,
        "models",
        "Mlp.fit_from(step-activation model)",
        &["activation"],
        || {
            let init = MlpModel::from_weights(
                Array2::zeros((2, 2)),
                Array1::zeros(2),
                Array1::zeros(2),
                0.0,
                Activation::UnitStep,
            )?;
            Mlp::new().epochs(1).fit_from(&init, &tiny())
        },
    );
}

fn weights_cases(out: &mut Vec<Case>) {
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        bad(
            out,
            "models",
            format!("MlpModel::from_weights(hidden_weights with {v})"),
            &["hidden_weights"],
            move || {
                MlpModel::from_weights(
                    array![[1.0, v]],
                    array![0.0, 0.0],
                    array![1.0, 1.0],
                    0.0,
                    Activation::Tanh,
                )
            },
        );
        bad(
            out,
            "models",
            format!("MlpModel::from_weights(hidden_bias with {v})"),
            &["hidden_bias"],
            move || {
                MlpModel::from_weights(
                    array![[1.0, 1.0]],
                    array![v, 0.0],
                    array![1.0, 1.0],
                    0.0,
                    Activation::Tanh,
                )
            },
        );
        bad(
            out,
            "models",
            format!("MlpModel::from_weights(output_weights with {v})"),
            &["output_weights"],
            move || {
                MlpModel::from_weights(
                    array![[1.0, 1.0]],
                    array![0.0, 0.0],
                    array![v, 1.0],
                    0.0,
                    Activation::Tanh,
                )
            },
        );
        bad(
            out,
            "models",
            format!("MlpModel::from_weights(output_bias = {v})"),
            &["output_bias"],
            move || {
                MlpModel::from_weights(
                    array![[1.0, 1.0]],
                    array![0.0, 0.0],
                    array![1.0, 1.0],
                    v,
                    Activation::Tanh,
                )
            },
        );
        bad(
            out,
            "models",
            format!("LogisticModel::from_weights(weights with {v})"),
            &["weights"],
            move || LogisticModel::from_weights(array![v, 1.0], 0.0),
        );
        bad(
            out,
            "models",
            format!("LogisticModel::from_weights(bias = {v})"),
            &["bias"],
            move || LogisticModel::from_weights(array![1.0, 1.0], v),
        );
    }
    for (r, c, b, o) in [
        (0, 0, 0, 0),
        (2, 0, 0, 0),
        (2, 3, 2, 3),
        (2, 3, 3, 2),
        (0, 3, 3, 3),
    ] {
        bad(
            out,
            "models",
            format!("MlpModel::from_weights({r}×{c}, {b} biases, {o} output weights)"),
            &["hidden"],
            move || {
                MlpModel::from_weights(
                    Array2::zeros((r, c)),
                    Array1::zeros(b),
                    Array1::zeros(o),
                    0.0,
                    Activation::Relu,
                )
            },
        );
    }
    bad(
        out,
        "models",
        "LogisticModel::from_weights(no weights)",
        &["weight"],
        || LogisticModel::from_weights(Array1::zeros(0), 0.0),
    );
}
