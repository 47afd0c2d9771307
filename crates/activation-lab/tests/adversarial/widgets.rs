//! The interactive widgets on bad and extreme inputs: every builder
//! answers with an error naming the argument, or a page whose numbers are
//! finite.

use crate::cases::{Case, bad, finite};
use crate::data::tiny;
use crate::figures::mlp;
use activation_lab::prelude::*;

/// Builds the page and the notebook output, and returns the numbers the
/// widget starts with (as the crate computes them).
fn page(w: Result<Widget>) -> Result<Vec<f64>> {
    let w = w?;
    let html = w.to_html();
    let inline = w.inline_html()?;
    // the static picture is base64, whose letters may spell anything
    let text = inline
        .split("data:image/png;base64,")
        .next()
        .unwrap_or_default();
    if html.contains("NaN") || text.contains("NaN") || html.contains("Infinity") {
        return Ok(vec![f64::NAN]);
    }
    let state = w.reference_state(&json!({}))?;
    Ok(state
        .as_object()
        .map(|o| o.values().filter_map(serde_json::Value::as_f64).collect())
        .unwrap_or_default())
}

fn far(scale: f64) -> Dataset {
    Dataset::new(
        array![
            [0.0, 0.0],
            [scale, 0.0],
            [0.0, scale],
            [scale, scale],
            [0.5 * scale, 0.2 * scale],
            [0.1 * scale, 0.9 * scale]
        ],
        array![0, 1, 1, 0, 1, 0],
    )
    .unwrap()
}

pub fn cases(out: &mut Vec<Case>) {
    let line = || LogisticModel::from_weights(array![1.0, -1.0], 0.2);
    for (name, w, b) in [
        ("NaN weight", [f64::NAN, 1.0], 0.0),
        ("∞ bias", [1.0, 1.0], f64::INFINITY),
        ("weights 1e300", [1e300, 1e300], 0.0),
    ] {
        let must: &[&str] = if name == "weights 1e300" {
            &["weights and bias"]
        } else if name == "∞ bias" {
            &["bias"]
        } else {
            &["weights[0]"]
        };
        bad(
            out,
            "widgets",
            format!("explore_net_input({name})"),
            must,
            move || page(explore_net_input(w, b, (-3.0, 3.0), (-3.0, 3.0))),
        );
    }
    bad(
        out,
        "widgets",
        "explore_net_input(empty range)",
        &["x1_range"],
        || page(explore_net_input([1.0, 1.0], 0.0, (1.0, 1.0), (-3.0, 3.0))),
    );
    finite(out, "widgets", "explore_net_input(weights 1e6)", || {
        page(explore_net_input(
            [1e6, -1e6],
            1e6,
            (-3.0, 3.0),
            (-3.0, 3.0),
        ))
    });
    for z in [f64::NAN, f64::INFINITY, -8.000001, 1e308] {
        bad(
            out,
            "widgets",
            format!("explore_sigmoid({z})"),
            &["z", "-8 to 8"],
            move || page(explore_sigmoid(z)),
        );
    }
    finite(out, "widgets", "explore_sigmoid(-8)", || {
        page(explore_sigmoid(-8.0))
    });
    bad(
        out,
        "widgets",
        "explore_logistic(trained w1 1e300)",
        &["trained w1"],
        move || {
            page(explore_logistic(
                &tiny(),
                &LogisticModel::from_weights(array![1e300, 1.0], 0.0)?,
            ))
        },
    );
    bad(
        out,
        "widgets",
        "explore_logistic(3 weights)",
        &["weights of the trained model"],
        move || {
            page(explore_logistic(
                &tiny(),
                &LogisticModel::from_weights(array![1.0, 1.0, 1.0], 0.0)?,
            ))
        },
    );
    bad(
        out,
        "widgets",
        "explore_logistic(data 1e300)",
        &["the data"],
        move || page(explore_logistic(&far(1e300), &line()?)),
    );
    for scale in [1e-12, 1e6] {
        finite(
            out,
            "widgets",
            format!("explore_logistic(data at scale {scale:e})"),
            move || page(explore_logistic(&far(scale), &line()?)),
        );
    }
    finite(
        out,
        "widgets",
        "explore_logistic(four points, one place twice)",
        move || {
            let d = Dataset::new(
                array![[0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [1.0, 1.0]],
                array![0, 1, 0, 1],
            )?;
            page(explore_logistic(&d, &line()?))
        },
    );
    let small = || Mlp::new().hidden_units(3).epochs(4).seed(1);
    bad(
        out,
        "widgets",
        "explore_training(every 0)",
        &["every"],
        move || page(explore_training(&small(), &tiny(), &tiny(), 0)),
    );
    bad(
        out,
        "widgets",
        "explore_training(1000 epochs every 1)",
        &["every", "at most 200 frames"],
        move || page(explore_training(&small().epochs(1000), &tiny(), &tiny(), 1)),
    );
    finite(
        out,
        "widgets",
        "explore_training(every beyond the epochs)",
        move || page(explore_training(&small(), &tiny(), &tiny(), 1_000_000)),
    );
    bad(
        out,
        "widgets",
        "explore_training(test with 3 features)",
        &["test"],
        move || {
            let three = Dataset::new(array![[0.0, 1.0, 2.0], [1.0, 0.0, 2.0]], array![0, 1])?;
            page(explore_training(&small(), &tiny(), &three, 5))
        },
    );
    bad(
        out,
        "widgets",
        "explore_hidden_units(unit step)",
        &["activation", "identity, sigmoid, tanh or relu"],
        move || {
            let m = MlpModel::from_weights(
                array![[1.0], [1.0]],
                array![0.0],
                array![1.0],
                0.0,
                Activation::UnitStep,
            )?;
            page(explore_hidden_units(&m, &tiny(), &tiny()))
        },
    );
    bad(
        out,
        "widgets",
        "explore_hidden_units(3 inputs)",
        &["inputs of the model"],
        move || {
            let m = MlpModel::from_weights(
                array![[1.0], [1.0], [1.0]],
                array![0.0],
                array![1.0],
                0.0,
                Activation::Tanh,
            )?;
            page(explore_hidden_units(&m, &tiny(), &tiny()))
        },
    );
    finite(
        out,
        "widgets",
        "explore_hidden_units(tanh, 9 units)",
        move || page(explore_hidden_units(&mlp(9), &tiny(), &tiny())),
    );
    bad(
        out,
        "widgets",
        "reference_state(k 0)",
        &["k", "whole number from 1 to 9"],
        move || {
            let w = explore_hidden_units(&mlp(9), &tiny(), &tiny())?;
            Ok(w.reference_state(&json!({"k": 0}))?["k"]
                .as_f64()
                .unwrap_or(0.0))
        },
    );
    bad(
        out,
        "widgets",
        "explore_activations(3 features)",
        &["feature columns"],
        move || {
            let three = Dataset::new(array![[0.0, 1.0, 2.0], [1.0, 0.0, 2.0]], array![0, 1])?;
            page(explore_activations(&three, 1))
        },
    );
    bad(
        out,
        "widgets",
        "explore_activations_grid(a grid built by hand on one feature)",
        &["feature columns"],
        move || {
            let one = Dataset::new(array![[0.0], [1.0], [2.0], [3.0]], array![0, 1, 0, 1])?;
            let model = MlpModel::from_weights(
                array![[1.0]],
                array![0.0],
                array![1.0],
                0.0,
                Activation::Relu,
            )?;
            let grid = ModelGrid {
                title: "by hand".into(),
                note: String::new(),
                columns: vec!["1 unit".into()],
                rows: vec!["relu".into()],
                cells: vec![GridCell {
                    row: "relu".into(),
                    column: "1 unit".into(),
                    model: Some(GridModel::Mlp(model)),
                    train: one.clone(),
                    test: one,
                }],
            };
            page(explore_activations_grid(&grid))
        },
    );
    bad(
        out,
        "widgets",
        "explore_activations_grid(no trained panel)",
        &["the grid"],
        move || {
            let grid = ModelGrid {
                title: String::new(),
                note: String::new(),
                columns: vec![],
                rows: vec![],
                cells: vec![],
            };
            page(explore_activations_grid(&grid))
        },
    );
    bad(
        out,
        "widgets",
        "WidgetKind::from_name(\"\")",
        &["widget kind", "net-input"],
        || WidgetKind::from_name("").map(|_| ()),
    );
}
