//! `activation-lab explore`: one widget per page, the library's widget on
//! the same data, and errors before anything is trained.

mod common;

use activation_lab::prelude::*;
use common::{moons_csv, run_in, tempdir, write};

fn page(dir: &std::path::Path, args: &[&str]) -> String {
    let r = run_in(dir, args);
    r.ok();
    assert!(r.stderr.contains("wrote the"), "{}", r.stderr);
    let out = args[args.iter().position(|a| *a == "--out").unwrap() + 1];
    std::fs::read_to_string(dir.join(out)).unwrap()
}

#[test]
fn every_kind_writes_a_standalone_page() {
    let dir = tempdir();
    for kind in [
        "net-input",
        "sigmoid",
        "logistic",
        "hidden-units",
        "activations",
    ] {
        let html = page(
            dir.path(),
            &["explore", kind, "--out", &format!("{kind}.html")],
        );
        assert!(html.starts_with("<!DOCTYPE html>"), "{kind}");
        assert!(html.contains(&format!("data-widget=\"{kind}\"")), "{kind}");
        assert!(!html.contains("https://"), "{kind}");
    }
    let html = page(
        dir.path(),
        &["explore", "training", "--every", "30", "--out", "t.html"],
    );
    assert!(html.contains("\"every\":30"));
}

#[test]
fn the_page_is_the_librarys_widget_on_the_same_data() -> Result<()> {
    let dir = tempdir();
    let html = page(dir.path(), &["explore", "logistic", "--out", "l.html"]);
    let data = blobs(300, 0.7, 42)?;
    let trained = LogisticRegression::new().seed(42).fit(&data)?;
    assert_eq!(html, explore_logistic(&data, &trained)?.to_html());
    let html = page(dir.path(), &["explore", "net-input", "--out", "n.html"]);
    assert_eq!(
        html,
        explore_net_input([0.5, 1.5], 0.25, (-3.0, 3.0), (-3.0, 3.0))?.to_html()
    );
    Ok(())
}

#[test]
fn own_data_and_a_saved_model() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 120);
    let html = page(
        dir.path(),
        &["explore", "logistic", "--data", &data, "--out", "own.html"],
    );
    assert!(html.contains("data-widget=\"logistic\""));
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--hidden-units",
            "6",
            "--epochs",
            "20",
            "--save-model",
            "mlp.json",
        ],
    )
    .ok();
    let html = page(
        dir.path(),
        &[
            "explore",
            "hidden-units",
            "--data",
            &data,
            "--model",
            "mlp.json",
            "--out",
            "u.html",
        ],
    );
    assert!(html.contains("\"units\":6"));
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--model",
            "logistic",
            "--save-model",
            "line.json",
        ],
    )
    .ok();
    let html = page(
        dir.path(),
        &[
            "explore",
            "net-input",
            "--model",
            "line.json",
            "--out",
            "z.html",
        ],
    );
    assert!(html.contains("data-widget=\"net-input\""));
}

#[test]
fn mistakes_are_one_line_errors_before_any_training() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 60);
    run_in(
        dir.path(),
        &["explore", "sigmoid", "--model", "m.json", "--out", "s.html"],
    )
    .fails_with("the sigmoid widget takes no model");
    run_in(
        dir.path(),
        &["explore", "net-input", "--data", &data, "--out", "s.html"],
    )
    .fails_with("--data: the net-input widget shows no data");
    run_in(
        dir.path(),
        &["explore", "training", "--out", "missing/t.html"],
    )
    .fails_with("the folder missing does not exist");
    run_in(
        dir.path(),
        &[
            "explore", "training", "--every", "0", "--data", &data, "--out", "t.html",
        ],
    )
    .fails_with("every");
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--model",
            "logistic",
            "--save-model",
            "line.json",
        ],
    )
    .ok();
    run_in(
        dir.path(),
        &[
            "explore",
            "hidden-units",
            "--model",
            "line.json",
            "--out",
            "u.html",
        ],
    )
    .fails_with("needs an MLP");
    let three = write(
        dir.path(),
        "three.csv",
        "a,b,c,y\n0,1,2,0\n1,0,2,1\n0,0,1,0\n1,1,1,1\n",
    );
    run_in(
        dir.path(),
        &["explore", "logistic", "--data", &three, "--out", "l.html"],
    )
    .fails_with("--features A,B");
    let r = run_in(dir.path(), &["explore", "slider", "--out", "x.html"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("net-input, sigmoid, logistic"),
        "{}",
        r.stderr
    );
    assert!(!dir.path().join("s.html").exists() && !dir.path().join("t.html").exists());
}
