//! Metrics and the net input: lengths, labels, empty inputs and numbers at
//! the edges of f64.

use crate::cases::{Case, bad, either, finite};
use activation_lab::prelude::*;

pub fn cases(out: &mut Vec<Case>) {
    let m = f64::MAX;
    // accuracy, the confusion matrix
    for (t, p, words) in [
        (vec![], vec![], &["y_true", "empty"][..]),
        (vec![0, 1], vec![0], &["predictions"][..]),
        (vec![0], vec![0, 1], &["predictions"][..]),
        (vec![0, 2], vec![0, 1], &["label", "0 or 1"][..]),
        (vec![0, 1], vec![0, 7], &["label", "0 or 1"][..]),
    ] {
        let (t2, p2) = (t.clone(), p.clone());
        bad(
            out,
            "metrics",
            format!("accuracy({t:?}, {p:?})"),
            words,
            move || accuracy(&Array1::from(t.clone()), &Array1::from(p.clone())),
        );
        if !t2.is_empty() {
            bad(
                out,
                "metrics",
                format!("ConfusionMatrix::new({t2:?}, {p2:?})"),
                words,
                move || {
                    ConfusionMatrix::new(&Array1::from(t2.clone()), &Array1::from(p2.clone()))
                        .map(|c| c.total())
                },
            );
        }
    }
    finite(
        out,
        "metrics",
        "ConfusionMatrix::new(empty): no ratios",
        || {
            let c = ConfusionMatrix::new(&Array1::zeros(0), &Array1::zeros(0))?;
            Ok([c.accuracy(), c.precision(), c.recall(), c.f1()]
                .into_iter()
                .flatten()
                .collect::<Vec<f64>>())
        },
    );
    finite(out, "metrics", "ConfusionMatrix: all predicted 0", || {
        let c = ConfusionMatrix::new(&array![0, 1, 1], &array![0, 0, 0])?;
        Ok([c.accuracy(), c.precision(), c.recall(), c.f1()]
            .into_iter()
            .flatten()
            .collect::<Vec<f64>>())
    });
    // log loss of probabilities
    for p in [f64::NAN, -0.1, 1.1, f64::INFINITY, -f64::INFINITY, 1e300] {
        bad(
            out,
            "metrics",
            format!("log_loss(proba = {p:e})"),
            &["proba", "[0, 1]"],
            move || log_loss(&array![0, 1], &array![0.5, p]),
        );
    }
    for p in [0.0, 1.0, 5e-324, 1.0 - f64::EPSILON / 2.0] {
        finite(
            out,
            "metrics",
            format!("log_loss(proba = {p:e})"),
            move || log_loss(&array![0, 1, 0, 1], &array![p, p, 1.0 - p, 1.0 - p]),
        );
    }
    bad(out, "metrics", "log_loss(empty)", &["empty"], || {
        log_loss(&Array1::zeros(0), &Array1::zeros(0))
    });
    bad(
        out,
        "metrics",
        "log_loss(lengths differ)",
        &["probabilities"],
        || log_loss(&array![0, 1], &array![0.5]),
    );
    bad(out, "metrics", "log_loss(label 3)", &["label"], || {
        log_loss(&array![0, 3], &array![0.5, 0.5])
    });
    // log loss of logits: finite logits give a finite mean, however large
    for z in [m, -m, 1e300, -1e300, 5e-324, 0.0] {
        finite(
            out,
            "metrics",
            format!("log_loss_from_logits(z = {z:e})"),
            move || log_loss_from_logits(&array![0, 1, 0, 1], &array![z, z, -z, -z]),
        );
        finite(
            out,
            "metrics",
            format!("log_loss_from_logits(1000 × z = {z:e})"),
            move || {
                log_loss_from_logits(
                    &Array1::from_shape_fn(1000, |i| (i % 2) as u8),
                    &Array1::from_elem(1000, z),
                )
            },
        );
    }
    for z in [f64::NAN, f64::INFINITY, -f64::INFINITY] {
        bad(
            out,
            "metrics",
            format!("log_loss_from_logits(z = {z})"),
            &["z[1]"],
            move || log_loss_from_logits(&array![0, 1], &array![0.0, z]),
        );
    }
    bad(
        out,
        "metrics",
        "log_loss_from_logits(empty)",
        &["empty"],
        || log_loss_from_logits(&Array1::zeros(0), &Array1::zeros(0)),
    );
    bad(
        out,
        "metrics",
        "log_loss_from_logits(lengths differ)",
        &["logits"],
        || log_loss_from_logits(&array![0], &array![0.0, 1.0]),
    );

    // the net input
    for (x, w, b) in [
        ([m, m], [m, m], 0.0),
        ([m, -m], [m, m], 0.0),
        ([m, m], [1.0, -1.0], m),
        ([m, m], [1.0, 1.0], m),
        ([1e300, 1e300], [1e10, -1e10], 1.0),
        ([1e200, 1e200], [1e200, 1e200], -1e300),
        ([5e-324, 5e-324], [5e-324, 5e-324], 5e-324),
    ] {
        either(
            out,
            "net input",
            format!("net_input(x = {x:?}, w = {w:?}, b = {b:e})"),
            &["too large"],
            move || net_input(&Array1::from(x.to_vec()), &Array1::from(w.to_vec()), b),
        );
        either(
            out,
            "net input",
            format!("net_input_batch(x = {x:?}, w = {w:?}, b = {b:e})"),
            &["too large"],
            move || {
                net_input_batch(
                    &Array2::from_shape_vec((1, 2), x.to_vec()).unwrap(),
                    &Array1::from(w.to_vec()),
                    b,
                )
            },
        );
    }
    finite(
        out,
        "net input",
        "net input(MAX + (−MAX) cancels exactly)",
        move || {
            let z = net_input(&array![m, m], &array![1.0, -1.0], 2.0)?;
            Ok(if z == 2.0 { z } else { f64::NAN })
        },
    );
    for v in [f64::NAN, f64::INFINITY] {
        bad(
            out,
            "net input",
            format!("net_input(x with {v})"),
            &["x (the inputs)"],
            move || net_input(&array![1.0, v], &array![1.0, 1.0], 0.0),
        );
        bad(
            out,
            "net input",
            format!("net_input(w with {v})"),
            &["w (the weights)"],
            move || net_input(&array![1.0, 1.0], &array![v, 1.0], 0.0),
        );
        bad(
            out,
            "net input",
            format!("net_input(b = {v})"),
            &["b (the bias)"],
            move || net_input(&array![1.0, 1.0], &array![1.0, 1.0], v),
        );
        bad(
            out,
            "net input",
            format!("net_input_batch(x with {v})"),
            &["x (the features)", "row 1"],
            move || net_input_batch(&array![[1.0, 1.0], [v, 1.0]], &array![1.0, 1.0], 0.0),
        );
    }
    bad(
        out,
        "net input",
        "net_input(lengths differ)",
        &["input"],
        || net_input(&array![1.0], &array![1.0, 1.0], 0.0),
    );
    bad(
        out,
        "net input",
        "net_input(no weights)",
        &["weight"],
        || net_input(&Array1::zeros(0), &Array1::zeros(0), 0.0),
    );
    bad(
        out,
        "net input",
        "net_input_batch(columns differ)",
        &["feature columns"],
        || net_input_batch(&Array2::zeros((2, 3)), &array![1.0, 1.0], 0.0),
    );
    finite(out, "net input", "net_input_batch(0 rows)", || {
        net_input_batch(&Array2::zeros((0, 2)), &array![1.0, 1.0], 0.0)
    });
}
