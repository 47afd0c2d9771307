//! The bad-input table: every misuse ends with exit code 1, nothing on
//! stdout, and one line on stderr that says what was wrong.

mod common;

use common::{moons_csv, run_in, tempdir, write};

fn fit(dir: &std::path::Path, data: &str, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "fit",
        "--data",
        data,
        "--epochs",
        "2",
        "--hidden-units",
        "3",
    ];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

#[test]
fn missing_file_names_the_path() {
    let dir = tempdir();
    run_in(dir.path(), &["fit", "--data", "no_such.csv"])
        .fails_with("cannot read no_such.csv: No such file or directory");
}

#[test]
fn empty_file_has_no_header() {
    let dir = tempdir();
    let data = write(dir.path(), "empty.csv", "");
    fit(dir.path(), &data, &[]).fails_with("empty.csv: CSV line 1: no header row");
}

#[test]
fn header_only_has_no_data_row() {
    let dir = tempdir();
    let data = write(dir.path(), "header.csv", "x1,x2,y\n");
    fit(dir.path(), &data, &[]).fails_with("the CSV data is empty: expected at least one data row");
}

#[test]
fn ragged_row_names_its_line() {
    let dir = tempdir();
    let data = write(dir.path(), "ragged.csv", "x1,x2,y\n1,2,0\n3,1\n0,0,1\n");
    fit(dir.path(), &data, &[])
        .fails_with("CSV line 3: expected 3 fields (as in the header), found 2");
}

#[test]
fn non_numeric_cell_names_line_and_column() {
    let dir = tempdir();
    let data = write(dir.path(), "text.csv", "x1,x2,y\n1,2,0\n3,abc,1\n");
    fit(dir.path(), &data, &[])
        .fails_with("text.csv: CSV line 3, column x2: \"abc\" is not a number");
}

#[test]
fn nan_and_infinity_are_rejected() {
    let dir = tempdir();
    let data = write(dir.path(), "nan.csv", "x1,x2,y\n1,2,0\nNaN,1,1\n");
    fit(dir.path(), &data, &[])
        .fails_with("CSV line 3, column x1: \"NaN\" is not finite: expected a finite number");
    let data = write(dir.path(), "inf.csv", "x1,x2,y\n1,-inf,0\n2,1,1\n");
    fit(dir.path(), &data, &[])
        .fails_with("CSV line 2, column x2: \"-inf\" is not finite: expected a finite number");
}

#[test]
fn labels_other_than_0_and_1_are_rejected() {
    let dir = tempdir();
    let data = write(dir.path(), "labels.csv", "x1,x2,y\n1,2,0\n3,4,2\n");
    fit(dir.path(), &data, &[])
        .fails_with("CSV line 3, column y: label \"2\" is not a class: expected 0 or 1");
}

#[test]
fn a_single_class_cannot_be_learned() {
    let dir = tempdir();
    let data = write(dir.path(), "one.csv", "x1,x2,y\n1,2,1\n3,4,1\n");
    fit(dir.path(), &data, &[])
        .fails_with("the training data holds only class 1: expected both classes 0 and 1");
}

#[test]
fn a_label_column_that_does_not_exist_lists_the_columns() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    fit(dir.path(), &data, &["--label", "target"])
        .fails_with("unknown column \"target\": expected one of x1, x2, y");
}

#[test]
fn plot_needs_exactly_two_features() {
    let dir = tempdir();
    let data = write(dir.path(), "three.csv", "a,b,c,y\n1,2,3,0\n3,4,5,1\n");
    fit(dir.path(), &data, &["--plot", "out.svg"]).fails_with(&format!(
        "--plot draws a decision surface over 2 feature columns, but {data} has 3 (a, b, c)"
    ));
    assert!(!dir.path().join("out.svg").exists());
}

#[test]
fn plot_needs_an_svg_png_or_pdf_name() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    fit(dir.path(), &data, &["--plot", "out.jpg"])
        .fails_with("--plot out.jpg: expected a file name ending in .svg, .png or .pdf");
}

#[test]
fn a_png_scale_too_large_for_the_size_fails_before_training() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    fit(dir.path(), &data, &["--plot", "out.png", "--plot-size", "slide", "--dpi", "2000"])
        .fails_with("--dpi 2000: PNGs of 1920x1080 at that scale leave the 64..8192 pixels a side PNGs can have: expected --scale from 0.10 to 4.27 (--dpi from 10 to 409) at size slide");
    assert!(!dir.path().join("out.png").exists());
    fit(dir.path(), &data, &["--plot", "out.png", "--scale", "0"])
        .fails_with("--scale 0: expected a number from 0.1 to 16 (2 doubles the PNG's pixels)");
}

#[test]
fn zero_or_negative_learning_rate_is_rejected() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    for bad in ["0", "-0.1"] {
        fit(dir.path(), &data, &["--learning-rate", bad]).fails_with(&format!(
            "invalid learning_rate = {bad}: expected a finite number > 0"
        ));
    }
    fit(dir.path(), &data, &["--learning-rate", "inf"])
        .fails_with("invalid learning_rate = inf: expected a finite number > 0");
}

#[test]
fn zero_or_negative_epochs_are_rejected() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    for bad in ["0", "-5"] {
        run_in(dir.path(), &["fit", "--data", &data, "--epochs", bad]).fails_with(&format!(
            "invalid epochs = {bad}: expected a whole number from 1 to 10000000"
        ));
    }
}

#[test]
fn bad_settings_are_reported_before_the_data_is_read() {
    let dir = tempdir();
    run_in(
        dir.path(),
        &["fit", "--data", "missing.csv", "--learning-rate", "-1"],
    )
    .fails_with("invalid learning_rate = -1");
}

#[test]
fn test_fraction_must_be_in_0_1() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    for bad in ["1", "-0.1", "1.5", "NaN"] {
        fit(dir.path(), &data, &["--test-fraction", bad]).fails_with(&format!(
            "invalid test_fraction = {bad}: expected a fraction in [0, 1)"
        ));
    }
}

#[test]
fn test_fraction_that_leaves_a_class_without_training_rows_is_rejected() {
    let dir = tempdir();
    let data = write(dir.path(), "tiny.csv", "x1,y\n1,0\n2,1\n");
    fit(dir.path(), &data, &["--test-fraction", "0.6"]).fails_with("would leave none for training");
}

#[test]
fn init_with_the_wrong_number_of_features_is_rejected() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    let init = write(
        dir.path(),
        "init3.json",
        r#"{"hidden_weights": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
            "hidden_bias": [0, 0], "output_weights": [1, -1], "output_bias": 0}"#,
    );
    run_in(dir.path(), &["fit", "--data", &data, "--init", &init]).fails_with(&format!(
        "{init}: expected 2 rows in hidden_weights (one per feature column of {data}), found 3"
    ));
    let init = write(
        dir.path(),
        "log3.json",
        r#"{"weights": [1, 2, 3], "bias": 0}"#,
    );
    run_in(dir.path(), &["fit", "--data", &data, "--init", &init]).fails_with(&format!(
        "{init}: expected 2 weights (one per feature column of {data}), found 3"
    ));
}

#[test]
fn init_whose_parts_disagree_is_rejected() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    let init = write(
        dir.path(),
        "bad.json",
        r#"{"hidden_weights": [[0.1, 0.2], [0.3, 0.4]],
            "hidden_bias": [0, 0, 0], "output_weights": [1, -1], "output_bias": 0}"#,
    );
    run_in(dir.path(), &["fit", "--data", &data, "--init", &init])
        .fails_with("expected 2 hidden_bias entries (one per hidden unit), found 3");
    let init = write(
        dir.path(),
        "ragged.json",
        r#"{"hidden_weights": [[0.1, 0.2], [0.3]],
            "hidden_bias": [0, 0], "output_weights": [1, -1], "output_bias": 0}"#,
    );
    run_in(dir.path(), &["fit", "--data", &data, "--init", &init])
        .fails_with("hidden_weights row 1 has 1 entries: expected 2");
}

#[test]
fn init_that_contradicts_the_options_is_rejected() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    let init = write(
        dir.path(),
        "init.json",
        r#"{"hidden_weights": [[0.1, 0.2], [0.3, 0.4]],
            "hidden_bias": [0, 0], "output_weights": [1, -1], "output_bias": 0,
            "activation": "tanh"}"#,
    );
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--init",
            &init,
            "--hidden-units",
            "5",
        ],
    )
    .fails_with("--hidden-units 5 does not match --init");
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--init",
            &init,
            "--activation",
            "relu",
        ],
    )
    .fails_with("--activation relu does not match --init");
    run_in(
        dir.path(),
        &[
            "fit", "--data", &data, "--init", &init, "--model", "logistic",
        ],
    )
    .fails_with("--model logistic does not match --init");
}

#[test]
fn init_that_is_not_model_json_is_rejected() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    let init = write(dir.path(), "w.json", r#"{"w": [1, 2]}"#);
    run_in(dir.path(), &["fit", "--data", &data, "--init", &init])
        .fails_with("model JSON: found the keys [w]: expected \"weights\" and \"bias\"");
    let init = write(dir.path(), "broken.json", "{\"weights\": [1, 2");
    run_in(dir.path(), &["fit", "--data", &data, "--init", &init]).fails_with("model JSON: ");
    run_in(
        dir.path(),
        &["fit", "--data", &data, "--init", "nowhere.json"],
    )
    .fails_with("cannot read nowhere.json");
}

#[test]
fn hidden_layer_options_do_not_apply_to_logistic_regression() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--model",
            "logistic",
            "--hidden-units",
            "4",
        ],
    )
    .fails_with("--hidden-units applies to --model mlp only");
}

#[test]
fn a_learning_rate_that_diverges_is_reported() {
    let dir = tempdir();
    let data = write(dir.path(), "far.csv", "x1,y\n1e150,0\n-1e150,1\n2e150,0\n");
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--model",
            "logistic",
            "--no-standardize",
            "--learning-rate",
            "1e200",
            "--epochs",
            "5",
        ],
    )
    .fails_with("training diverged at epoch");
}

#[test]
fn unknown_names_are_usage_errors_with_the_accepted_names() {
    let dir = tempdir();
    let r = run_in(
        dir.path(),
        &["fit", "--data", "a.csv", "--activation", "sigmod"],
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("unknown activation \"sigmod\": expected one of"),
        "{}",
        r.stderr
    );
    let r = run_in(dir.path(), &["data", "moon"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("expected one of blobs, moons, circles, xor, spirals"),
        "{}",
        r.stderr
    );
    let r = run_in(
        dir.path(),
        &["fit", "--data", "a.csv", "--optimizer", "rmsprop"],
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("expected one of gd, momentum, adam"),
        "{}",
        r.stderr
    );
}

#[test]
fn data_rejects_bad_sizes_and_noise() {
    let dir = tempdir();
    run_in(dir.path(), &["data", "moons", "--samples", "1"])
        .fails_with("invalid n_samples = 1: expected at least 2");
    run_in(dir.path(), &["data", "xor", "--noise", "-0.5"])
        .fails_with("invalid noise = -0.5: expected a finite number >= 0");
}

#[test]
fn unwritable_output_is_an_error_not_a_panic() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 20);
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--epochs",
            "1",
            "--save-model",
            "no/such/dir/m.json",
        ],
    )
    .fails_with(
        "--save-model no/such/dir/m.json: the folder no/such/dir does not exist: create it first, or write somewhere else",
    );
    run_in(dir.path(), &["data", "moons", "--out", "no/such/dir/m.csv"])
        .fails_with("cannot write no/such/dir/m.csv");
}
