//! `fit --init` with plain full-batch gradient descent (no standardising,
//! no shuffling, no L2) must compute what any correct implementation
//! computes from the same weights. The reference here is written from the
//! formulas with plain loops, independently of the library.

mod common;

use common::{run_in, tempdir, write};
use serde_json::{Value, json};

/// A small deterministic dataset (two overlapping clouds), written with
/// round-trip float formatting so both sides read the same numbers.
fn dataset(n: usize) -> (Vec<[f64; 2]>, Vec<f64>, String) {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut uniform = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut x = Vec::new();
    let mut y = Vec::new();
    let mut csv = String::from("x1,x2,y\n");
    for i in 0..n {
        let label = (i % 2) as f64;
        let centre = if label == 1.0 { 0.8 } else { -0.6 };
        let row = [
            centre + 2.0 * uniform() - 1.0,
            0.5 * centre + 2.0 * uniform() - 1.0,
        ];
        csv.push_str(&format!("{},{},{}\n", row[0], row[1], label));
        x.push(row);
        y.push(label);
    }
    (x, y, csv)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn cross_entropy(p: f64, y: f64) -> f64 {
    -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())
}

struct Mlp {
    w1: Vec<Vec<f64>>, // [d][h]
    b1: Vec<f64>,
    w2: Vec<f64>,
    b2: f64,
}

/// Full-batch gradient descent on mean cross-entropy; returns the loss at
/// the end of each epoch (after its update), as the history records it.
fn reference_mlp(
    m: &mut Mlp,
    x: &[[f64; 2]],
    y: &[f64],
    phi: fn(f64) -> f64,
    dphi: fn(f64) -> f64,
    lr: f64,
    epochs: usize,
) -> Vec<f64> {
    let n = x.len();
    let h = m.b1.len();
    let mut losses = Vec::new();
    // pass e computes the loss at the weights of the end of epoch e
    for e in 0..=epochs {
        let mut loss = 0.0;
        let mut d_w1 = vec![vec![0.0; h]; 2];
        let mut d_b1 = vec![0.0; h];
        let mut d_w2 = vec![0.0; h];
        let mut d_b2 = 0.0;
        for i in 0..n {
            // forward
            let z: Vec<f64> = (0..h)
                .map(|k| m.b1[k] + x[i][0] * m.w1[0][k] + x[i][1] * m.w1[1][k])
                .collect();
            let a: Vec<f64> = z.iter().map(|&v| phi(v)).collect();
            let z_out = m.b2 + (0..h).map(|k| a[k] * m.w2[k]).sum::<f64>();
            let p = sigmoid(z_out);
            loss += cross_entropy(p, y[i]) / n as f64;
            // backward
            let delta = (p - y[i]) / n as f64;
            d_b2 += delta;
            for k in 0..h {
                d_w2[k] += a[k] * delta;
                let delta_h = delta * m.w2[k] * dphi(z[k]);
                d_b1[k] += delta_h;
                d_w1[0][k] += x[i][0] * delta_h;
                d_w1[1][k] += x[i][1] * delta_h;
            }
        }
        if e > 0 {
            losses.push(loss);
        }
        if e == epochs {
            break;
        }
        // update
        for k in 0..h {
            m.w1[0][k] -= lr * d_w1[0][k];
            m.w1[1][k] -= lr * d_w1[1][k];
            m.b1[k] -= lr * d_b1[k];
            m.w2[k] -= lr * d_w2[k];
        }
        m.b2 -= lr * d_b2;
    }
    losses
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

fn numbers(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(items) => items.iter().flat_map(numbers).collect(),
        Value::Number(n) => vec![n.as_f64().expect("a number")],
        other => panic!("expected numbers, found {other}"),
    }
}

fn assert_all_close(what: &str, found: &[f64], expected: &[f64]) {
    assert_eq!(found.len(), expected.len(), "{what}: length");
    let worst = found
        .iter()
        .zip(expected)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    assert!(
        found.iter().zip(expected).all(|(&a, &b)| close(a, b)),
        "{what}: max difference {worst:e}"
    );
}

const PLAIN_GD: [&str; 9] = [
    "--optimizer",
    "gd",
    "--batch-size",
    "0",
    "--no-standardize",
    "--no-shuffle",
    "--l2",
    "0",
    "--json",
];

fn check_mlp(activation: &str, phi: fn(f64) -> f64, dphi: fn(f64) -> f64) {
    let dir = tempdir();
    let (x, y, csv) = dataset(24);
    let data = write(dir.path(), "data.csv", &csv);
    let start = Mlp {
        w1: vec![vec![0.5, -0.3, 0.8], vec![-0.7, 0.2, 0.4]],
        b1: vec![0.1, -0.2, 0.05],
        w2: vec![0.6, -0.9, 0.3],
        b2: -0.1,
    };
    let init = json!({
        "hidden_weights": start.w1, "hidden_bias": start.b1,
        "output_weights": start.w2, "output_bias": start.b2,
    });
    let init_path = write(dir.path(), "init.json", &init.to_string());
    let (lr, epochs) = (0.5, 60);
    let mut args = vec![
        "fit",
        "--data",
        &data,
        "--init",
        &init_path,
        "--activation",
        activation,
        "--learning-rate",
        "0.5",
        "--epochs",
        "60",
    ];
    args.extend_from_slice(&PLAIN_GD);
    let report = run_in(dir.path(), &args).json();

    let mut reference = start;
    let losses = reference_mlp(&mut reference, &x, &y, phi, dphi, lr, epochs);
    assert_all_close(
        "loss per epoch",
        &numbers(&report["history"]["train_loss"]),
        &losses,
    );
    let w = &report["weights"];
    assert_all_close(
        "hidden_weights",
        &numbers(&w["hidden_weights"]),
        &reference.w1.concat(),
    );
    assert_all_close("hidden_bias", &numbers(&w["hidden_bias"]), &reference.b1);
    assert_all_close(
        "output_weights",
        &numbers(&w["output_weights"]),
        &reference.w2,
    );
    assert_all_close("output_bias", &numbers(&w["output_bias"]), &[reference.b2]);
    assert_eq!(report["settings"]["activation"], activation);
    // the loss went down: the run did something
    assert!(losses[epochs - 1] < losses[0] - 0.05, "{losses:?}");
}

#[test]
fn mlp_from_init_matches_a_plain_loop_reference_with_sigmoid() {
    check_mlp("sigmoid", sigmoid, |z| sigmoid(z) * (1.0 - sigmoid(z)));
}

#[test]
fn mlp_from_init_matches_a_plain_loop_reference_with_tanh() {
    check_mlp("tanh", f64::tanh, |z| 1.0 - z.tanh().powi(2));
}

#[test]
fn logistic_from_init_matches_a_plain_loop_reference() {
    let dir = tempdir();
    let (x, y, csv) = dataset(30);
    let data = write(dir.path(), "data.csv", &csv);
    let init_path = write(
        dir.path(),
        "init.json",
        r#"{"weights": [-0.4, 0.9], "bias": 0.3}"#,
    );
    let mut args = vec![
        "fit",
        "--data",
        &data,
        "--init",
        &init_path,
        "--learning-rate",
        "0.8",
        "--epochs",
        "40",
    ];
    args.extend_from_slice(&PLAIN_GD);
    let report = run_in(dir.path(), &args).json();
    assert_eq!(report["settings"]["model"], "logistic");

    let (mut w, mut b) = ([-0.4, 0.9], 0.3);
    let n = x.len() as f64;
    let mut losses = Vec::new();
    for e in 0..=40 {
        let (mut loss, mut d_w, mut d_b) = (0.0, [0.0, 0.0], 0.0);
        for (xi, &yi) in x.iter().zip(&y) {
            let p = sigmoid(b + w[0] * xi[0] + w[1] * xi[1]);
            loss += cross_entropy(p, yi) / n;
            let delta = (p - yi) / n;
            d_w[0] += xi[0] * delta;
            d_w[1] += xi[1] * delta;
            d_b += delta;
        }
        if e > 0 {
            losses.push(loss);
        }
        if e == 40 {
            break;
        }
        w[0] -= 0.8 * d_w[0];
        w[1] -= 0.8 * d_w[1];
        b -= 0.8 * d_b;
    }
    assert_all_close(
        "loss per epoch",
        &numbers(&report["history"]["train_loss"]),
        &losses,
    );
    assert_all_close("weights", &numbers(&report["weights"]["weights"]), &w);
    assert_all_close("bias", &numbers(&report["weights"]["bias"]), &[b]);
    assert!(losses[39] < losses[0] - 0.05, "{losses:?}");
}

#[test]
fn standardised_training_from_init_starts_from_the_same_function() {
    // with --standardize, training starts from the --init weights' function
    // on the raw data (the scaler is folded in, not added): after one epoch
    // of negligible steps the loss is still the loss of the --init weights
    let dir = tempdir();
    let (x, y, csv) = dataset(20);
    let data = write(dir.path(), "data.csv", &csv);
    let init_path = write(
        dir.path(),
        "init.json",
        r#"{"weights": [1.5, -2.0], "bias": 0.25}"#,
    );
    let report = run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--init",
            &init_path,
            "--epochs",
            "1",
            "--learning-rate",
            "1e-12",
            "--json",
        ],
    )
    .json();
    let n = x.len() as f64;
    let start_loss: f64 = x
        .iter()
        .zip(&y)
        .map(|(xi, &yi)| cross_entropy(sigmoid(0.25 + 1.5 * xi[0] - 2.0 * xi[1]), yi) / n)
        .sum();
    let first = numbers(&report["history"]["train_loss"])[0];
    assert!((first - start_loss).abs() < 1e-9, "{first} vs {start_loss}");
}
