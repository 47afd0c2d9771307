//! Writes every interactive widget of the series as a standalone page and
//! as a notebook output, with the numbers the crate computes for fixed
//! parameters: the fixtures of the browser test (`tests/test_widgets.py`),
//! which drives each page in headless Chromium and compares what it shows
//! with these numbers.
//!
//! ```text
//! cargo run -p activation-lab --example widget_fixtures -- OUT_DIR
//! ```
//!
//! Writes `OUT_DIR/KIND.html` (standalone), `OUT_DIR/KIND.inline.html` (the
//! notebook output in a bare page, as nbconvert and JupyterLab embed it)
//! `OUT_DIR/KIND.bundle.json` (the display bundle a notebook cell gets) and
//! `OUT_DIR/KIND.expected.json` (`[{params, state}, …]`) for every kind.

use std::path::PathBuf;

use activation_lab::prelude::*;
use serde_json::{Value, json};

const SEED: u64 = 42;

fn main() -> Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "widget-fixtures".into()),
    );
    std::fs::create_dir_all(&out).map_err(|e| Error::io("create", &out, e))?;

    let blobs_data = blobs(300, 0.7, SEED)?;
    let (moons_train, moons_test) = moons(1000, 0.2, SEED)?.split(0.3, SEED)?;
    let trained_line = LogisticRegression::new().seed(SEED).fit(&blobs_data)?;
    let mlp = Mlp::new().hidden_units(200).seed(SEED).fit(&moons_train)?;
    let order = strongest_hidden_units(&mlp, 200);

    let mut cases: Vec<(Widget, Vec<Value>)> = vec![
        (
            explore_net_input([0.5, 1.5], 0.25, (-3.0, 3.0), (-3.0, 3.0))?,
            vec![
                json!({"w1": 0.5, "w2": 1.5, "b": 0.25, "point": [1.0, 2.0]}),
                json!({"w1": -2.3, "w2": 0.7, "b": 1.1, "point": [-2.5, 0.3]}),
                json!({"w1": 0.0, "w2": 0.0, "b": -0.4, "point": [0.0, 0.0]}),
                json!({"w1": 2.95, "w2": -3.0, "b": 3.0, "point": null}),
            ],
        ),
        (
            explore_sigmoid(1.0)?,
            [-8.0, -1.3, 0.0, 0.37, 2.197, 8.0]
                .iter()
                .map(|z| json!({ "z": z }))
                .collect(),
        ),
        (
            explore_logistic(&blobs_data, &trained_line)?,
            vec![
                json!({"w1": 1.0, "w2": -1.0, "b": 0.0, "point": [0.5, 0.5]}),
                json!({"w1": trained_line.weights()[0], "w2": trained_line.weights()[1],
                       "b": trained_line.bias(), "point": [-1.0, 2.0]}),
                json!({"w1": -3.0, "w2": 2.5, "b": 1.7, "point": [2.0, -2.0]}),
                json!({"w1": 3.0, "w2": 3.0, "b": -3.0, "point": null}),
                json!({"w1": 0.0, "w2": 0.0, "b": 0.0, "point": [0.0, 0.0]}),
            ],
        ),
        (
            explore_training(
                &Mlp::new().hidden_units(200).seed(SEED),
                &moons_train,
                &moons_test,
                5,
            )?,
            [0, 5, 60, 150, 300]
                .iter()
                .map(|e| json!({ "epoch": e }))
                .collect(),
        ),
        (
            explore_hidden_units(&mlp, &moons_train, &moons_test)?,
            vec![
                json!({"k": 1, "off": [], "point": [0.5, 0.25]}),
                json!({"k": 5, "off": [order[0]], "point": [-1.0, 0.5]}),
                json!({"k": 20, "off": [], "point": [1.5, -0.5]}),
                json!({"k": 200, "off": [order[0], order[3], order[150]], "point": [0.0, 0.0]}),
                json!({"k": 200, "off": [], "point": [2.0, 0.6]}),
            ],
        ),
    ];
    let grid_data = moons(300, 0.1, SEED)?;
    let activations = explore_activations(&grid_data, SEED)?;
    let mut activation_params = Vec::new();
    for a in ["identity", "sigmoid", "tanh", "relu"] {
        for w in [1, 2, 4, 200] {
            activation_params.push(json!({"activation": a, "width": w}));
        }
    }
    cases.push((activations, activation_params));

    for (widget, params) in &cases {
        let kind = widget.kind().name();
        widget.save(out.join(format!("{kind}.html")))?;
        let inline = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{kind}</title></head><body>{}</body></html>",
            widget.inline_html()?
        );
        write(&out.join(format!("{kind}.inline.html")), inline.as_bytes())?;
        // the display bundle evcxr_display sends, for notebooks built by the tests
        let bundle = widget.display_bundle()?;
        write(
            &out.join(format!("{kind}.bundle.json")),
            bundle.to_string().as_bytes(),
        )?;
        let expected: Vec<Value> = params
            .iter()
            .map(|p| Ok(json!({"params": p, "state": widget.reference_state(p)?})))
            .collect::<Result<_>>()?;
        write(
            &out.join(format!("{kind}.expected.json")),
            serde_json::to_string_pretty(&expected)
                .map_err(|e| Error::Json(e.to_string()))?
                .as_bytes(),
        )?;
        println!("{kind}: {} parameter sets", params.len());
    }
    Ok(())
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io("write", path, e))
}
