//! `activation-lab figures --data`: the series redrawn on a lecturer's own
//! CSV, walked as a lecturer exports it from a spreadsheet: two Iris
//! species as class names, semicolons and decimal commas, the label column
//! first, four feature columns of which two are drawn.

mod common;

use std::path::Path;

use common::{run_in, tempdir, write};

/// Two species, 40 flowers each, petal sizes around Iris' means (versicolor
/// 4.3 × 1.3 cm, virginica 5.6 × 2.0 cm), values rounded to 0.1 cm as in the
/// real data (so several flowers share a point), written as a spreadsheet in
/// a decimal-comma locale writes it.
fn iris_csv(dir: &Path) -> String {
    let mut text = String::from("species;sepal_length;sepal_width;petal_length;petal_width\n");
    for i in 0..80 {
        let (species, pl, pw) = if i % 2 == 0 {
            ("versicolor", 4.3, 1.3)
        } else {
            ("virginica", 5.6, 2.0)
        };
        let wave = |f: f64| ((i as f64) * f).sin();
        let cell = |v: f64| format!("{:.1}", v).replace('.', ",");
        text.push_str(&format!(
            "{species};{};{};{};{}\n",
            cell(6.2 + 0.5 * wave(1.7)),
            cell(2.9 + 0.3 * wave(2.3)),
            cell(pl + 0.5 * wave(0.9)),
            cell(pw + 0.25 * wave(1.3)),
        ));
    }
    write(dir, "iris.csv", &text)
}

#[test]
fn the_iris_walk_redraws_every_data_driven_figure_on_the_file() {
    let dir = tempdir();
    let data = iris_csv(dir.path());
    let r = run_in(
        dir.path(),
        &[
            "figures",
            "--data",
            &data,
            "--label",
            "species",
            "--positive",
            "virginica",
            "--features",
            "petal_length,petal_width",
            "--out",
            "slides",
            "--format",
            "svg,png",
        ],
    );
    let listing = r.ok();
    assert!(
        r.stderr
            .contains("class 0 = versicolor, class 1 = virginica"),
        "the label mapping is printed: {}",
        r.stderr
    );
    let out = dir.path().join("slides");
    for name in [
        "05-scatter-iris",
        "06a-decision-surface-logistic-iris",
        "06b-decision-surface-mlp-iris",
        "09-training-curves",
        "10-hidden-units",
        "11a-models-by-datasets",
        "11b-activations-by-widths",
    ] {
        for ext in ["svg", "png"] {
            let file = out.join(format!("{name}.{ext}"));
            assert!(
                file.is_file(),
                "{} missing; listing:\n{listing}",
                file.display()
            );
        }
        assert!(listing.contains(name), "{name} not listed:\n{listing}");
    }
    assert!(out.join("12-training-animation.gif").is_file());
    assert!(
        !out.join("05-scatter-moons.svg").exists(),
        "no moons figure when the data is the lecturer's"
    );

    // the figures show the file's names: its classes, its columns, its name
    let scatter = std::fs::read_to_string(out.join("05-scatter-iris.svg")).unwrap();
    for text in [
        "versicolor",
        "virginica",
        "petal_length",
        "petal_width",
        "The iris data",
    ] {
        assert!(
            scatter.contains(text),
            "the scatter plot does not say {text:?}"
        );
    }
    let grid = std::fs::read_to_string(out.join("11a-models-by-datasets.svg")).unwrap();
    for column in ["iris", "moons", "circles", "xor"] {
        assert!(grid.contains(column), "11a has no column {column:?}");
    }
    let index = std::fs::read_to_string(out.join("index.md")).unwrap();
    assert!(
        index.contains("Logistic regression on iris: a straight boundary"),
        "{index}"
    );
    assert!(
        index.contains("MLP, 200 sigmoid hidden units, on iris"),
        "{index}"
    );
    assert!(
        index.contains("The iris data: a straight line separates the classes")
            || index.contains("The iris data: no straight line separates the classes"),
        "05 says whether a line separates the data:\n{index}"
    );
}

#[test]
fn own_data_mistakes_are_named_before_any_training() {
    let dir = tempdir();
    let data = iris_csv(dir.path());
    let base = ["figures", "--data", data.as_str(), "--out", "x"];
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        run_in(dir.path(), &args)
    };
    // string labels need --positive, and the message says so
    run(&["--label", "species"]).fails_with("two class names: name the one that is class 1");
    // four feature columns: choose two
    run(&["--label", "species", "--positive", "virginica"])
        .fails_with("has 4 feature columns (sepal_length, sepal_width, petal_length, petal_width): choose the two to draw with --features A,B");
    run(&[
        "--label",
        "species",
        "--positive",
        "virginica",
        "--features",
        "petal_length",
    ])
    .fails_with("--features petal_length: expected two feature columns");
    run(&["--label", "species", "--positive", "virginica", "--features", "petal_length,petal"])
        .fails_with("invalid feature = petal: expected one of the feature columns sepal_length, sepal_width, petal_length, petal_width");
    assert!(
        !dir.path().join("x").exists(),
        "nothing written for a mistake"
    );
    // the data options need --data
    let r = run_in(dir.path(), &["figures", "--label", "species"]);
    assert_ne!(r.code, Some(0));
    assert!(r.stderr.contains("--data"), "{}", r.stderr);
}
