//! `activation-lab predict`: with and without a label column, labels or
//! probabilities, and the errors.

mod common;

use common::{run_in, tempdir, write};

/// class 1 when x1 > x2
const MODEL: &str = r#"{"weights": [4.0, -4.0], "bias": 0.0}"#;

#[test]
fn unlabelled_rows_get_a_prediction_each() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", MODEL);
    let data = write(dir.path(), "x.csv", "a,b\n1,0\n0,1\n2,-1\n");
    let r = run_in(dir.path(), &["predict", "--model", &model, "--data", &data]);
    assert_eq!(r.ok(), "prediction\n1\n0\n1\n");
    assert_eq!(r.stderr, "", "no accuracy without labels");
}

#[test]
fn proba_prints_sigmoid_of_the_net_input() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", MODEL);
    let data = write(dir.path(), "x.csv", "a,b\n0,0\n1,0.5\n");
    let r = run_in(
        dir.path(),
        &["predict", "--model", &model, "--data", &data, "--proba"],
    );
    let lines: Vec<&str> = r.ok().lines().collect();
    assert_eq!(lines[0], "probability");
    assert_eq!(lines[1].parse::<f64>().unwrap(), 0.5);
    let p: f64 = lines[2].parse().unwrap();
    assert!((p - 1.0 / (1.0 + (-2.0f64).exp())).abs() < 1e-15, "{p}");
}

#[test]
fn a_label_column_is_left_out_and_scored() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", MODEL);
    let data = write(dir.path(), "xy.csv", "a,b,y\n1,0,1\n0,1,0\n2,-1,0\n3,1,1\n");
    let r = run_in(dir.path(), &["predict", "--model", &model, "--data", &data]);
    assert_eq!(r.ok(), "prediction\n1\n0\n1\n1\n");
    assert!(
        r.stderr
            .starts_with("accuracy 0.7500 on 4 labelled rows (logistic regression)"),
        "{}",
        r.stderr
    );
    let quiet = run_in(
        dir.path(),
        &["predict", "--model", &model, "--data", &data, "--quiet"],
    );
    assert_eq!(quiet.stderr, "");
    // the label may stand anywhere when named
    let data = write(dir.path(), "yx.csv", "y,a,b\n1,1,0\n0,0,1\n");
    let r = run_in(
        dir.path(),
        &[
            "predict", "--model", &model, "--data", &data, "--label", "y",
        ],
    );
    assert_eq!(r.ok(), "prediction\n1\n0\n");
}

#[test]
fn an_mlp_model_is_recognised_by_its_keys() {
    let dir = tempdir();
    let model = write(
        dir.path(),
        "mlp.json",
        r#"{"hidden_weights": [[10.0, -10.0]], "hidden_bias": [0.0, 0.0],
            "output_weights": [5.0, -5.0], "output_bias": 0.0, "activation": "sigmoid"}"#,
    );
    let data = write(dir.path(), "x.csv", "x\n1\n-1\n");
    let r = run_in(dir.path(), &["predict", "--model", &model, "--data", &data]);
    assert_eq!(r.ok(), "prediction\n1\n0\n");
}

#[test]
fn wrong_column_count_says_what_is_expected() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", MODEL);
    let data = write(dir.path(), "wide.csv", "a,b,c,d\n1,2,3,4\n");
    run_in(dir.path(), &["predict", "--model", &model, "--data", &data]).fails_with(&format!(
        "{data} has 4 columns (a, b, c, d): the model in {model} expects 2 feature columns, \
         optionally followed by a 0/1 label column"
    ));
    let data = write(dir.path(), "two.csv", "a,b\n1,2\n");
    run_in(
        dir.path(),
        &[
            "predict", "--model", &model, "--data", &data, "--label", "b",
        ],
    )
    .fails_with("--label b: ");
}

#[test]
fn bad_labels_and_cells_name_line_and_column() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", MODEL);
    let data = write(dir.path(), "bad.csv", "a,b,y\n1,0,1\n0,1,7\n");
    run_in(dir.path(), &["predict", "--model", &model, "--data", &data])
        .fails_with("CSV line 3, column y: label \"7\" is not a class: expected 0 or 1");
    let data = write(dir.path(), "text.csv", "a,b\n1,0\nx,1\n");
    run_in(dir.path(), &["predict", "--model", &model, "--data", &data])
        .fails_with("CSV line 3, column a: \"x\" is not a number");
    let data = write(dir.path(), "empty.csv", "");
    run_in(dir.path(), &["predict", "--model", &model, "--data", &data])
        .fails_with("CSV line 1: no header row");
}

#[test]
fn bad_model_files_are_reported() {
    let dir = tempdir();
    let data = write(dir.path(), "x.csv", "a,b\n1,0\n");
    run_in(
        dir.path(),
        &["predict", "--model", "none.json", "--data", &data],
    )
    .fails_with("cannot read none.json");
    let model = write(
        dir.path(),
        "m.json",
        r#"{"weights": [1.0, NaN], "bias": 0}"#,
    );
    run_in(dir.path(), &["predict", "--model", &model, "--data", &data])
        .fails_with(&format!("{model}: model JSON: "));
    let model = write(dir.path(), "nokeys.json", r#"{"bias": 0}"#);
    run_in(dir.path(), &["predict", "--model", &model, "--data", &data])
        .fails_with("found the keys [bias]");
}

/// class 1 when x1 > x2, trained on columns named x1 and x2
const NAMED: &str = r#"{"weights": [4.0, -4.0], "bias": 0.0, "feature_names": ["x1", "x2"]}"#;

#[test]
fn columns_in_another_order_are_matched_by_name() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", NAMED);
    let data = write(dir.path(), "x.csv", "x2,x1\n0,1\n1,0\n-1,2\n");
    let r = run_in(dir.path(), &["predict", "--model", &model, "--data", &data]);
    assert_eq!(r.ok(), "prediction\n1\n0\n1\n");
    assert_eq!(
        r.stderr,
        "note: columns taken in the model's order (x1, x2), not the file's (x2, x1)\n"
    );
}

#[test]
fn the_label_column_is_found_by_name_wherever_it_is() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", NAMED);
    let data = write(dir.path(), "x.csv", "y,x1,x2\n1,1,0\n0,0,1\n");
    let r = run_in(dir.path(), &["predict", "--model", &model, "--data", &data]);
    assert_eq!(r.ok(), "prediction\n1\n0\n");
    assert!(
        r.stderr.starts_with("accuracy 1.0000 on 2 labelled rows"),
        "{}",
        r.stderr
    );
}

#[test]
fn other_column_names_are_refused() {
    let dir = tempdir();
    let model = write(dir.path(), "m.json", NAMED);
    let data = write(dir.path(), "x.csv", "a,b\n0,1\n");
    run_in(dir.path(), &["predict", "--model", &model, "--data", &data])
        .fails_with("x.csv has the feature columns (a, b), but the model in ");
}

#[test]
fn fit_saves_the_feature_names_and_predict_uses_them() {
    let dir = tempdir();
    let train = write(
        dir.path(),
        "train.csv",
        "petal_length,petal_width,species\n1,0.2,0\n1.5,0.3,0\n4.5,1.5,1\n5,1.8,1\n",
    );
    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &train,
            "--model",
            "logistic",
            "--epochs",
            "50",
            "-q",
            "--save-model",
            "m.json",
        ],
    )
    .ok();
    let saved = std::fs::read_to_string(dir.path().join("m.json")).unwrap();
    assert!(saved.contains("\"feature_names\""), "{saved}");
    let swapped = write(
        dir.path(),
        "new.csv",
        "petal_width,petal_length\n0.2,1\n1.8,5\n",
    );
    let r = run_in(
        dir.path(),
        &["predict", "--model", "m.json", "--data", &swapped, "-q"],
    );
    assert_eq!(r.ok(), "prediction\n0\n1\n");
}

#[test]
fn an_iris_style_file_works_from_fit_to_predict() {
    // a spreadsheet export: semicolons, decimal commas, the label first and
    // written as class names
    let dir = tempdir();
    let train = write(
        dir.path(),
        "iris.csv",
        "species;petal_length;petal_width\nversicolor;4,7;1,4\nversicolor;4,5;1,5\nversicolor;4,9;1,5\n\
         virginica;6,0;2,5\nvirginica;5,1;1,9\nvirginica;5,9;2,1\n",
    );
    let r = run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &train,
            "--label",
            "species",
            "--positive",
            "virginica",
            "--model",
            "logistic",
            "--epochs",
            "300",
            "--save-model",
            "m.json",
        ],
    );
    assert!(
        r.ok()
            .contains("6 rows (3 of class 0 = versicolor, 3 of class 1 = virginica)"),
        "{}",
        r.stdout
    );
    let saved = std::fs::read_to_string(dir.path().join("m.json")).unwrap();
    assert!(
        saved.contains("\"class_names\"") && saved.contains("virginica"),
        "{saved}"
    );
    // new rows, columns in another order, labels by name: the saved names are used
    let new = write(
        dir.path(),
        "new.csv",
        "petal_width;petal_length;species\n1,3;4,4;versicolor\n2,3;6,1;virginica\n",
    );
    let r = run_in(
        dir.path(),
        &["predict", "--model", "m.json", "--data", &new],
    );
    assert_eq!(r.ok(), "prediction\n0\n1\n");
    assert!(
        r.stderr.contains("accuracy 1.0000 on 2 labelled rows"),
        "{}",
        r.stderr
    );
    // without --positive, class names are explained with the flag that reads them
    run_in(dir.path(), &["fit", "--data", &train, "--label", "species", "-q"])
        .fails_with("or two class names: name the one that is class 1: positive = \"versicolor\" (--positive versicolor in the command-line tool)");
}
