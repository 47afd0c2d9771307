//! Files a student or lecturer hands in: CSV text and model JSON.

use crate::cases::{Case, bad, either, finite};
use activation_lab::data::features_from_csv_reader;
use activation_lab::prelude::*;

/// CSV texts that are not a dataset, and the words their error must say.
const BAD_CSV: &[(&str, &str, &[&str])] = &[
    ("empty file", "", &["header"]),
    ("only a newline", "\n", &["header"]),
    ("header only", "x1,x2,y\n", &["empty"]),
    ("one column", "y\n0\n1\n", &["column"]),
    ("ragged row", "x1,x2,y\n1,2,0\n3,1\n", &["line 3", "fields"]),
    (
        "long row",
        "x1,x2,y\n1,2,0\n3,1,1,9\n",
        &["line 3", "fields"],
    ),
    (
        "text cell",
        "x1,x2,y\n1,abc,0\n2,1,1\n",
        &["line 2", "x2", "not a number"],
    ),
    (
        "NaN cell",
        "x1,x2,y\nNaN,1,0\n2,1,1\n",
        &["line 2", "x1", "finite"],
    ),
    (
        "inf cell",
        "x1,x2,y\n1,inf,0\n2,1,1\n",
        &["line 2", "x2", "finite"],
    ),
    (
        "overflowing number",
        "x1,x2,y\n1e999,1,0\n2,1,1\n",
        &["line 2", "x1", "finite"],
    ),
    (
        "label 2",
        "x1,x2,y\n1,2,0\n3,4,2\n",
        &["line 3", "label", "0 or 1"],
    ),
    (
        "label -1",
        "x1,x2,y\n1,2,-1\n3,4,1\n",
        &["line 2", "label", "0 or 1"],
    ),
    (
        "label 0.5",
        "x1,x2,y\n1,2,0.5\n3,4,1\n",
        &["line 2", "label", "0 or 1"],
    ),
    (
        "label text",
        "x1,x2,y\n1,2,cat\n3,4,1\n",
        &["line 2", "label", "0 or 1"],
    ),
    (
        "empty label",
        "x1,x2,y\n1,2,\n3,4,1\n",
        &["line 2", "label"],
    ),
    ("empty cell", "x1,x2,y\n1,,0\n3,4,1\n", &["line 2", "x2"]),
    (
        "empty header name",
        "x1,,y\n1,2,0\n3,4,1\n",
        &["line 1", "name"],
    ),
    (
        "duplicate header",
        "x1,x1,y\n1,2,0\n3,4,1\n",
        &["line 1", "x1"],
    ),
    (
        "unterminated quote",
        "x1,x2,y\n\"1,2,0\n3,4,1\n",
        &["line 2", "quote"],
    ),
    (
        "unterminated quote in header",
        "\"x1,x2,y\n1,2,0\n3,4,1\n",
        &["line 1", "quote"],
    ),
    (
        "unterminated quote on the last line",
        "x1,x2,y\n1,2,0\n3,4,\"1\n",
        &["line 3", "quote"],
    ),
    (
        "vertical bars",
        "x1|x2|y\n1|2|0\n3|4|1\n",
        &["column", "vertical bars", "separated by '|'"],
    ),
    (
        "ragged semicolon row",
        "x1;x2;y\n1;2;0\n3;4\n",
        &["line 3", "fields separated by ';'"],
    ),
    (
        "two decimal commas in a semicolon cell",
        "x1;x2;y\n1,5,5;2;0\n3;4,5;1\n",
        &["line 2", "x1", "not a number"],
    ),
    (
        "replacement character",
        "x1,x2,y\n1,2,0\n\u{FFFD},4,1\n",
        &["line 3", "x1"],
    ),
    ("a JSON file", "{\"hidden_weights\": [[1, 2]]}", &["CSV"]),
    ("blank lines only", "x1,x2,y\n\n\n", &["empty"]),
];

/// CSV texts that are unusual but fine.
const GOOD_CSV: &[(&str, &str)] = &[
    ("semicolons", "x1;x2;y\n1;2;0\n3;4;1\n"),
    ("tabs", "x1\tx2\ty\n1\t2\t0\n3\t4\t1\n"),
    (
        "decimal commas in a semicolon file",
        "x1;x2;y\n1,5;2;0\n3;4,5;1\n",
    ),
    (
        "decimal commas in a tab file",
        "x1\tx2\ty\n-1,5e3\t2\t0\n3\t4,5\t1\n",
    ),
    ("byte-order mark", "\u{FEFF}x1,x2,y\n1,2,0\n3,4,1\n"),
    ("CRLF line ends", "x1,x2,y\r\n1,2,0\r\n3,4,1\r\n"),
    ("no final newline", "x1,x2,y\n1,2,0\n3,4,1"),
    (
        "quoted cells",
        "\"x1\",\"x2\",\"y\"\n\"1\",\"2\",\"0\"\n3,4,1\n",
    ),
    ("spaces around numbers", "x1,x2,y\n 1 , 2 , 0\n3,4,1\n"),
    ("blank line in the middle", "x1,x2,y\n1,2,0\n\n3,4,1\n"),
    (
        "huge finite numbers",
        "x1,x2,y\n1.7976931348623157e308,-1e308,0\n3,4,1\n",
    ),
    ("subnormal numbers", "x1,x2,y\n5e-324,0,0\n3,4,1\n"),
    ("labels written 0.0 and 1.0", "x1,x2,y\n1,2,0.0\n3,4,1.0\n"),
    (
        "one class (a dataset, though not trainable)",
        "x1,x2,y\n1,2,1\n3,4,1\n",
    ),
];

/// Model JSON that is not a model, and the words its error must say.
const BAD_MLP_JSON: &[(&str, &str, &[&str])] = &[
    ("empty", "", &["EOF while parsing"]),
    ("not JSON", "hello", &["expected value at line 1 column 1"]),
    ("a number", "3", &["found the number 3, not an object"]),
    ("an array", "[1, 2]", &["not an object"]),
    (
        "truncated",
        "{\"hidden_weights\": [[1, 2]",
        &["EOF while parsing", "(in hidden_weights)"],
    ),
    ("missing fields", "{}", &["hidden_weights"]),
    (
        "activation 3",
        "{\"hidden_weights\": [[1]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0, \"activation\": 3}",
        &["activation", "sigmoid"],
    ),
    (
        "unknown activation",
        "{\"hidden_weights\": [[1]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0, \"activation\": \"swish2\"}",
        &["activation", "sigmoid"],
    ),
    (
        "weights as text",
        "{\"hidden_weights\": \"abc\", \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0}",
        &["hidden_weights"],
    ),
    (
        "bias as text",
        "{\"hidden_weights\": [[1]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": \"0\"}",
        &["output_bias"],
    ),
    (
        "a weight that overflows",
        "{\"hidden_weights\": [[1e999]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0}",
        &["hidden_weights"],
    ),
    (
        "NaN literal",
        "{\"hidden_weights\": [[NaN]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0}",
        &["(in hidden_weights)", "JSON has no NaN"],
    ),
    (
        "null weight",
        "{\"hidden_weights\": [[null]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0}",
        &["hidden_weights"],
    ),
    (
        "ragged rows",
        "{\"hidden_weights\": [[1, 2], [3]], \"hidden_bias\": [0, 0], \"output_weights\": [1, 1], \"output_bias\": 0}",
        &["hidden_weights", "row 1"],
    ),
    (
        "no rows",
        "{\"hidden_weights\": [], \"hidden_bias\": [], \"output_weights\": [], \"output_bias\": 0}",
        &["hidden_weights"],
    ),
    (
        "no units",
        "{\"hidden_weights\": [[]], \"hidden_bias\": [], \"output_weights\": [], \"output_bias\": 0}",
        &["hidden"],
    ),
    (
        "short bias",
        "{\"hidden_weights\": [[1, 2]], \"hidden_bias\": [0], \"output_weights\": [1, 1], \"output_bias\": 0}",
        &["hidden_bias"],
    ),
    (
        "short output weights",
        "{\"hidden_weights\": [[1, 2]], \"hidden_bias\": [0, 0], \"output_weights\": [1], \"output_bias\": 0}",
        &["output_weights"],
    ),
    (
        "deep nesting",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        &["recursion limit"],
    ),
    (
        "a logistic model",
        "{\"weights\": [1, 2], \"bias\": 0}",
        &["hidden_weights"],
    ),
    (
        "trailing text",
        "{\"hidden_weights\": [[1]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0} extra",
        &["trailing characters"],
    ),
    (
        "a CSV file",
        "x1,x2,y\n1,2,0\n",
        &["expected value at line 1 column 1"],
    ),
];

const BAD_LOGISTIC_JSON: &[(&str, &str, &[&str])] = &[
    ("empty", "", &["EOF while parsing"]),
    ("missing bias", "{\"weights\": [1, 2]}", &["bias"]),
    ("no weights", "{\"weights\": [], \"bias\": 0}", &["weight"]),
    (
        "weights as text",
        "{\"weights\": \"1, 2\", \"bias\": 0}",
        &["weights"],
    ),
    (
        "bias overflows",
        "{\"weights\": [1, 2], \"bias\": -1e999}",
        &["bias"],
    ),
    (
        "bias null",
        "{\"weights\": [1, 2], \"bias\": null}",
        &["bias"],
    ),
    (
        "an MLP",
        "{\"hidden_weights\": [[1]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0}",
        &["weights"],
    ),
    (
        "nested weights",
        "{\"weights\": [[1, 2]], \"bias\": 0}",
        &["weights"],
    ),
];

pub fn cases(out: &mut Vec<Case>) {
    for &(name, text, must) in BAD_CSV {
        bad(
            out,
            "csv",
            format!("Dataset::from_csv_reader({name})"),
            must,
            move || Dataset::from_csv_reader(text.as_bytes(), None),
        );
    }
    // the same files, read for prediction (no label column)
    for &(name, text, _) in BAD_CSV {
        let first_is_bad = !text.starts_with("x1,x2,y\n")
            || text.contains("abc")
            || text.contains("NaN")
            || text.contains("inf");
        if first_is_bad
            && !name.contains("label")
            && !name.contains("class")
            && name != "header only"
        {
            either(
                out,
                "csv",
                format!("features_from_csv_reader({name})"),
                &["line"],
                move || features_from_csv_reader(text.as_bytes()).map(|(_, x)| x),
            );
        }
    }
    for &(name, text) in GOOD_CSV {
        finite(
            out,
            "csv",
            format!("Dataset::from_csv_reader({name})"),
            move || Dataset::from_csv_reader(text.as_bytes(), None),
        );
        finite(
            out,
            "csv",
            format!("features_from_csv_reader({name})"),
            move || features_from_csv_reader(text.as_bytes()).map(|(_, x)| x),
        );
    }
    for label in ["z", "", "Y", "x1,x2"] {
        bad(
            out,
            "csv",
            format!("from_csv_reader(label = {label:?})"),
            &["column"],
            move || Dataset::from_csv_reader("x1,x2,y\n1,2,0\n3,4,1\n".as_bytes(), Some(label)),
        );
    }
    finite(out, "csv", "from_csv_reader(label column first)", || {
        Dataset::from_csv_reader("y,x1,x2\n0,1,2\n1,3,4\n".as_bytes(), Some("y"))
    });
    bad(
        out,
        "csv",
        "from_csv_reader(not UTF-8)",
        &["line 3"],
        || Dataset::from_csv_reader(&b"x1,x2,y\n1,2,0\n\xff,4,1\n"[..], None),
    );
    bad(
        out,
        "csv",
        "from_csv_reader(a quote inside an unquoted cell)",
        &["line 3", "x1"],
        || Dataset::from_csv_reader("x1,x2,y\n1,2,0\na\"b,4,1\n".as_bytes(), None),
    );
    bad(
        out,
        "csv",
        "from_csv_path(missing file)",
        &["no-such-file.csv"],
        || Dataset::from_csv_path("no-such-file.csv", None),
    );
    bad(out, "csv", "from_csv_path(a directory)", &["read"], || {
        Dataset::from_csv_path(".", None)
    });
    bad(
        out,
        "csv",
        "to_csv_path(into a missing directory)",
        &["no-such-dir"],
        || crate::data::tiny().to_csv_path("no-such-dir/x.csv"),
    );

    for &(name, text, must) in BAD_MLP_JSON {
        bad(
            out,
            "json",
            format!("MlpModel::from_json({name})"),
            must,
            move || MlpModel::from_json(text),
        );
    }
    for &(name, text, must) in BAD_LOGISTIC_JSON {
        bad(
            out,
            "json",
            format!("LogisticModel::from_json({name})"),
            must,
            move || LogisticModel::from_json(text),
        );
    }
    let mlp = r#"{"hidden_weights": [[1, -1]], "hidden_bias": [0, 0.5], "output_weights": [2, -2], "output_bias": 0.1, "activation": "tanh"}"#;
    finite(
        out,
        "json",
        "MlpModel::from_json(with a byte-order mark)",
        move || MlpModel::from_json(&format!("\u{FEFF}{mlp}")),
    );
    finite(
        out,
        "json",
        "MlpModel::from_json(activation spelt Tanh)",
        move || MlpModel::from_json(&mlp.replace("tanh", "Tanh")),
    );
    finite(
        out,
        "json",
        "MlpModel::from_json(no activation: sigmoid)",
        || {
            MlpModel::from_json(
                r#"{"hidden_weights": [[1]], "hidden_bias": [0], "output_weights": [1], "output_bias": 0}"#,
            )
        },
    );
    finite(
        out,
        "json",
        "MlpModel::from_json(huge finite weights)",
        || {
            MlpModel::from_json(
                r#"{"hidden_weights": [[1.7976931348623157e308]], "hidden_bias": [-1.7976931348623157e308], "output_weights": [1e308], "output_bias": -1e308}"#,
            )
        },
    );
    finite(out, "json", "MlpModel round trip", || {
        let m = MlpModel::from_weights(
            array![[1.0, 2.0]],
            array![0.0, 1.0],
            array![1.0, -1.0],
            0.5,
            Activation::Relu,
        )?;
        MlpModel::from_json(&m.to_json())
    });
    finite(
        out,
        "json",
        "from_json(a file the command-line tool wrote, with feature_names)",
        || {
            let m = MlpModel::from_json(
                r#"{"hidden_weights": [[1]], "hidden_bias": [0], "output_weights": [1], "output_bias": 0, "feature_names": ["x1"]}"#,
            )?;
            let l = LogisticModel::from_json(
                r#"{"weights": [1, 2], "bias": 0, "feature_names": ["a", "b"]}"#,
            )?;
            Ok(vec![m.output_bias(), l.bias()])
        },
    );
    finite(
        out,
        "json",
        "LogisticModel::from_json(with a byte-order mark)",
        || LogisticModel::from_json("\u{FEFF}{\"weights\": [1, 2], \"bias\": 0}"),
    );
    bad(
        out,
        "json",
        "MlpModel::load_json(missing file)",
        &["no-such-model.json"],
        || MlpModel::load_json("no-such-model.json"),
    );
    bad(
        out,
        "json",
        "LogisticModel::load_json(missing file)",
        &["no-such-model.json"],
        || LogisticModel::load_json("no-such-model.json"),
    );
}
