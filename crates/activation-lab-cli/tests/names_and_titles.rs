//! `--class-names` and `--title`: a lecturer's own words on the figures,
//! and nowhere else (a saved model keeps the file's labels).

mod common;

use common::{moons_csv, run_in, tempdir};

#[test]
fn class_names_and_title_reach_the_plot_and_not_the_model() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 120);
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
            "--plot",
            "plot.svg",
            "--class-names",
            "upper crescent,lower crescent",
            "--title",
            "Six sigmoid units on the moons",
            "--save-model",
            "model.json",
            "-q",
        ],
    );
    r.ok();
    let svg = std::fs::read_to_string(dir.path().join("plot.svg")).unwrap();
    for text in [
        "Six sigmoid units on the moons",
        "upper crescent",
        "lower crescent",
    ] {
        assert!(svg.contains(text), "the plot does not say {text:?}");
    }
    assert!(
        !svg.contains("upper moon"),
        "the legend still uses the data's names"
    );
    let model = std::fs::read_to_string(dir.path().join("model.json")).unwrap();
    assert!(
        !model.contains("crescent"),
        "the legend's names leaked into the model: {model}"
    );
}

#[test]
fn bad_class_names_are_refused_before_training() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 60);
    for names in ["a", "a,b,c", "same,same"] {
        run_in(
            dir.path(),
            &[
                "fit",
                "--data",
                &data,
                "--class-names",
                names,
                "--plot",
                "p.svg",
            ],
        )
        .fails_with(&format!(
            "--class-names {names}: expected two different names, class 0 first"
        ));
    }
    assert!(!dir.path().join("p.svg").exists());
    // an empty name, and a title without a plot, are refused by the parser
    let r = run_in(dir.path(), &["fit", "--data", &data, "--class-names", "a,"]);
    assert!(
        r.code != Some(0) && r.stderr.contains("a class name cannot be empty"),
        "{}",
        r.stderr
    );
    let r = run_in(dir.path(), &["fit", "--data", &data, "--title", "x"]);
    assert!(
        r.code != Some(0) && r.stderr.contains("--plot"),
        "{}",
        r.stderr
    );
}

#[test]
fn figures_with_own_data_name_the_classes_as_asked() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 120);
    run_in(
        dir.path(),
        &[
            "figures",
            "--data",
            &data,
            "--class-names",
            "top,bottom",
            "--out",
            "slides",
            "-q",
        ],
    )
    .ok();
    let scatter = std::fs::read_to_string(dir.path().join("slides/05-scatter-moons.svg")).unwrap();
    assert!(
        scatter.contains("top (n = ") && scatter.contains("bottom (n = "),
        "legend names"
    );
    let r = run_in(dir.path(), &["figures", "--class-names", "a,b"]);
    assert!(
        r.code != Some(0) && r.stderr.contains("--data"),
        "{}",
        r.stderr
    );
}
