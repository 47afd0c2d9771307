//! `activation-lab fit`: reports, JSON, reproducibility, saved models.

mod common;

use common::{moons_csv, run_in, tempdir, write};

#[test]
fn json_is_one_object_with_settings_metrics_history_weights_and_time() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 100);
    let r = run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--hidden-units",
            "8",
            "--epochs",
            "40",
            "--test-fraction",
            "0.2",
            "--json",
        ],
    );
    assert_eq!(r.stdout.trim().lines().count(), 1, "one line of JSON");
    let report = r.json();
    let s = &report["settings"];
    assert_eq!(s["model"], "mlp");
    assert_eq!(s["hidden_units"], 8);
    assert_eq!(s["activation"], "sigmoid");
    assert_eq!(s["optimizer"], "adam");
    assert_eq!(s["learning_rate"], 0.03);
    assert_eq!(s["epochs"], 40);
    assert_eq!(s["batch_size"], 32);
    assert_eq!(s["l2"], 0.0001);
    assert_eq!(s["standardize"], true);
    assert_eq!(s["test_fraction"], 0.2);
    assert_eq!(report["train"]["rows"], 80);
    assert_eq!(report["test"]["rows"], 20);
    for part in ["train", "test"] {
        let acc = report[part]["accuracy"].as_f64().unwrap();
        let loss = report[part]["loss"].as_f64().unwrap();
        assert!((0.5..=1.0).contains(&acc), "{part} accuracy {acc}");
        assert!(loss > 0.0 && loss < 0.7, "{part} loss {loss}");
    }
    let history = &report["history"];
    for key in ["train_loss", "train_accuracy", "test_loss", "test_accuracy"] {
        assert_eq!(history[key].as_array().unwrap().len(), 40, "{key}");
    }
    let w = &report["weights"];
    assert_eq!(w["hidden_weights"].as_array().unwrap().len(), 2);
    assert_eq!(w["hidden_weights"][0].as_array().unwrap().len(), 8);
    assert_eq!(w["output_weights"].as_array().unwrap().len(), 8);
    assert!(report["training_seconds"].as_f64().unwrap() >= 0.0);
    assert_eq!(report["data"]["features"], serde_json::json!(["x1", "x2"]));
    assert_eq!(report["data"]["class_counts"], serde_json::json!([50, 50]));
}

#[test]
fn test_fraction_0_trains_on_every_row_and_reports_no_test_metrics() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 50);
    let report = run_in(
        dir.path(),
        &["fit", "--data", &data, "--model", "logistic", "--json"],
    )
    .json();
    assert_eq!(report["train"]["rows"], 50);
    assert!(report["test"].is_null());
    assert_eq!(report["history"]["test_loss"].as_array().unwrap().len(), 0);
    assert_eq!(report["settings"]["test_fraction"], 0.0);
    assert_eq!(report["settings"]["optimizer"], "gd");
    assert_eq!(report["weights"]["weights"].as_array().unwrap().len(), 2);
}

#[test]
fn same_seed_same_weights_other_seed_other_weights() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 60);
    let fit = |seed: &str| {
        run_in(
            dir.path(),
            &[
                "fit",
                "--data",
                &data,
                "--hidden-units",
                "5",
                "--epochs",
                "10",
                "--seed",
                seed,
                "--test-fraction",
                "0.25",
                "--json",
            ],
        )
        .json()
    };
    let (a, b, c) = (fit("1"), fit("1"), fit("2"));
    assert_eq!(a["weights"], b["weights"]);
    assert_eq!(a["history"], b["history"]);
    assert_ne!(a["weights"], c["weights"]);
}

#[test]
fn summary_names_the_model_data_and_metrics_and_stderr_stays_empty() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 80);
    let r = run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--hidden-units",
            "6",
            "--epochs",
            "20",
            "--test-fraction",
            "0.25",
        ],
    );
    let out = r.ok();
    assert!(
        out.contains("MLP 2-6-1, sigmoid hidden units (adam, learning rate 0.03, 20 epochs"),
        "{out}"
    );
    assert!(
        out.contains("80 rows (40 of class 0, 40 of class 1), features x1, x2"),
        "{out}"
    );
    assert!(out.contains("on 60 rows"), "{out}");
    assert!(out.contains("on 20 rows"), "{out}");
    // stderr is not a terminal here: no progress bar, no other noise
    assert_eq!(r.stderr, "");
}

#[test]
fn label_option_picks_a_column_that_is_not_last() {
    let dir = tempdir();
    let data = write(
        dir.path(),
        "first.csv",
        "class,a,b\n0,0,0\n1,3,3\n0,0.5,0\n1,3,2.5\n0,0,0.5\n1,2.5,3\n",
    );
    let report = run_in(
        dir.path(),
        &[
            "fit", "--data", &data, "--label", "class", "--model", "logistic", "--json",
        ],
    )
    .json();
    assert_eq!(report["data"]["features"], serde_json::json!(["a", "b"]));
    assert_eq!(report["data"]["label"], "class");
    assert_eq!(report["train"]["accuracy"], 1.0);
}

#[test]
fn saved_model_predicts_what_fit_reported() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 100);
    let report = run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--hidden-units",
            "10",
            "--epochs",
            "50",
            "--save-model",
            "m.json",
            "--json",
        ],
    )
    .json();
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("m.json")).unwrap()).unwrap();
    assert_eq!(saved, report["weights"]);
    let r = run_in(
        dir.path(),
        &["predict", "--model", "m.json", "--data", &data],
    );
    let predictions: Vec<&str> = r.ok().lines().skip(1).collect();
    assert_eq!(predictions.len(), 100);
    let accuracy = report["train"]["accuracy"].as_f64().unwrap();
    assert!(
        r.stderr
            .starts_with(&format!("accuracy {accuracy:.4} on 100 labelled rows")),
        "{}",
        r.stderr
    );
}

#[test]
fn init_continues_from_saved_weights() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 60);
    let base = [
        "fit",
        "--data",
        &data,
        "--hidden-units",
        "4",
        "--optimizer",
        "gd",
        "--learning-rate",
        "0.3",
        "--batch-size",
        "0",
        "--json",
    ];
    let mut first = base.to_vec();
    first.extend(["--epochs", "10", "--save-model", "a.json"]);
    run_in(dir.path(), &first).ok();
    let mut second = base.to_vec();
    second.extend(["--epochs", "10", "--init", "a.json"]);
    let continued = run_in(dir.path(), &second).json();
    let mut once = base.to_vec();
    once.extend(["--epochs", "20"]);
    let straight = run_in(dir.path(), &once).json();
    // full-batch gd has no state besides the weights: 10 + 10 epochs = 20
    let a = continued["history"]["train_loss"][0].as_f64().unwrap();
    let b = straight["history"]["train_loss"][10].as_f64().unwrap();
    assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    assert_eq!(continued["settings"]["init"], "a.json");
    assert_eq!(continued["settings"]["model"], "mlp");
}

#[test]
fn identity_activation_cannot_beat_a_straight_line_on_xor() {
    let dir = tempdir();
    let xor = dir.path().join("xor.csv").display().to_string();
    run_in(
        dir.path(),
        &["data", "xor", "--samples", "200", "--out", &xor],
    )
    .ok();
    let accuracy = |activation: &str| {
        run_in(
            dir.path(),
            &[
                "fit",
                "--data",
                &xor,
                "--hidden-units",
                "16",
                "--epochs",
                "150",
                "--activation",
                activation,
                "--json",
            ],
        )
        .json()["train"]["accuracy"]
            .as_f64()
            .unwrap()
    };
    let (linear, curved) = (accuracy("identity"), accuracy("tanh"));
    assert!(linear < 0.8, "identity: {linear}");
    assert!(curved > 0.95, "tanh: {curved}");
}

#[test]
fn model_names_are_read_in_any_case_like_activations() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 40);
    let r = run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--model",
            "MLP",
            "--hidden-units",
            "3",
            "--epochs",
            "2",
            "-q",
        ],
    );
    assert!(r.ok().contains("MLP 2-3-1"), "{}", r.stdout);
    let r = run_in(
        dir.path(),
        &[
            "fit", "--data", &data, "--model", "Logistic", "--epochs", "2", "-q",
        ],
    );
    assert!(r.ok().contains("logistic regression"), "{}", r.stdout);
}
