//! The interactive widgets: self-contained pages that keep the test
//! contract, what their controls and marks claim, their errors. (The
//! browser test, tests/test_widgets.py, drives the pages in Chromium.)

use activation_lab::prelude::*;
use serde_json::{Value, json};

const SEED: u64 = 42;

fn spec(widget: &Widget) -> Value {
    serde_json::from_str(&widget.spec_json()).unwrap()
}

fn small_mlp() -> Mlp {
    Mlp::new().hidden_units(30).epochs(40).seed(SEED)
}

fn all_widgets() -> Result<Vec<Widget>> {
    let data = moons(200, 0.2, SEED)?;
    let (train, test) = data.split(0.3, SEED)?;
    let mlp = small_mlp().fit(&train)?;
    Ok(vec![
        explore_net_input([0.5, 1.5], 0.25, (-3.0, 3.0), (-3.0, 3.0))?,
        explore_sigmoid(1.0)?,
        explore_logistic(&data, &LogisticRegression::new().fit(&data)?)?,
        explore_training(&small_mlp(), &train, &test, 5)?,
        explore_hidden_units(&mlp, &train, &test)?,
        explore_activations_grid(&fit_activations_by_widths(
            &data,
            &[Activation::Identity, Activation::Relu],
            &[1, 4],
            20,
            SEED,
        )?)?,
    ])
}

#[test]
fn every_page_is_self_contained_and_keeps_the_test_contract() -> Result<()> {
    let widgets = all_widgets()?;
    let kinds: Vec<WidgetKind> = widgets.iter().map(Widget::kind).collect();
    assert_eq!(kinds, WidgetKind::ALL);
    for w in &widgets {
        let page = w.to_html();
        let kind = w.kind().name();
        assert!(page.starts_with("<!DOCTYPE html>"), "{kind}");
        assert_eq!(
            page.matches(&format!("data-widget=\"{kind}\"")).count(),
            1,
            "{kind}"
        );
        assert!(page.contains("window.activationLab"), "{kind}");
        // nothing is fetched: no address, no external script, style or font
        for outside in [
            "http://", "https://", "<link", "src=\"//", "@import", "url(",
        ] {
            assert!(!page.contains(outside), "{kind} page contains {outside}");
        }
        // the JSON inside its script element is the widget's spec
        let open = "<script type=\"application/json\">";
        let start = page.find(open).unwrap() + open.len();
        let end = start + page[start..].find("</script>").unwrap();
        let parsed: Value = serde_json::from_str(&page[start..end]).unwrap();
        assert_eq!(parsed, spec(w), "{kind}");
        assert_eq!(parsed["title"], w.title(), "{kind}");
        // the notebook output carries the static picture and how to make it live
        let inline = w.inline_html()?;
        assert!(
            inline.contains("<img src=\"data:image/png;base64,"),
            "{kind}"
        );
        assert!(inline.contains("trust the notebook"), "{kind}");
        assert!(!inline.contains("https://"), "{kind}");
    }
    Ok(())
}

#[test]
fn the_same_inputs_give_the_same_page_bytes() -> Result<()> {
    let a = all_widgets()?;
    let b = all_widgets()?;
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.to_html(), y.to_html(), "{}", x.kind());
        assert_eq!(x.inline_html()?, y.inline_html()?, "{}", x.kind());
    }
    Ok(())
}

#[test]
fn claim_the_training_widgets_dots_lie_on_its_loss_curves() -> Result<()> {
    // the dots are the recorded models' losses, the curves the history's
    // losses after each epoch: the same numbers
    let (train, test) = moons(200, 0.2, SEED)?.split(0.3, SEED)?;
    let w = explore_training(&small_mlp(), &train, &test, 5)?;
    let s = spec(&w);
    let curves = &s["curves"];
    let frames = s["frames"].as_array().unwrap();
    assert_eq!(frames.len(), 9, "epochs 0, 5, …, 40");
    assert_eq!(frames.last().unwrap()["epoch"], 40);
    for f in frames.iter().skip(1) {
        let e = f["epoch"].as_u64().unwrap() as usize;
        for (dot, curve) in [("train_loss", "train_loss"), ("test_loss", "test_loss")] {
            let on_curve = curves[curve][e - 1].as_f64().unwrap();
            let at_dot = f[dot].as_f64().unwrap();
            assert!(
                (on_curve - at_dot).abs() < 1e-9,
                "epoch {e} {dot}: {at_dot} vs {on_curve}"
            );
        }
        assert_eq!(
            w.reference_state(&json!({"epoch": e}))?["train_loss"],
            f["train_loss"]
        );
    }
    // the last frame is the trained model
    let model = small_mlp().fit_validated(&train, &test)?;
    let last = frames.last().unwrap();
    assert_eq!(
        last["test_accuracy"].as_f64().unwrap(),
        model.accuracy(&test)?
    );
    Ok(())
}

#[test]
fn claim_the_trained_weights_button_shows_the_trained_model() -> Result<()> {
    let data = xor(200, 0.0, SEED)?;
    let trained = LogisticRegression::new().seed(SEED).fit(&data)?;
    let w = explore_logistic(&data, &trained)?;
    let s = spec(&w);
    assert_eq!(s["trained"]["w1"].as_f64().unwrap(), trained.weights()[0]);
    assert_eq!(s["trained"]["w2"].as_f64().unwrap(), trained.weights()[1]);
    assert_eq!(s["trained"]["b"].as_f64().unwrap(), trained.bias());
    let state = w.reference_state(&s["trained"])?;
    assert_eq!(
        state["accuracy"].as_f64().unwrap(),
        trained.accuracy(&data)?
    );
    // the sliders reach the trained weights
    let reach = s["reach"].as_f64().unwrap();
    assert!(trained.weights().iter().all(|v| v.abs() <= reach));
    // the start: the line x2 = x1, no better than chance on XOR
    let start = w.reference_state(&json!({}))?;
    assert_eq!(
        (start["w1"].clone(), start["w2"].clone(), start["b"].clone()),
        (json!(1.0), json!(-1.0), json!(0.0))
    );
    assert!(start["accuracy"].as_f64().unwrap() < 0.6);
    Ok(())
}

#[test]
fn claim_all_hidden_units_kept_is_the_model_and_fewer_units_follow_keep_hidden_units() -> Result<()>
{
    let (train, test) = moons(200, 0.2, SEED)?.split(0.3, SEED)?;
    let mlp = small_mlp().fit(&train)?;
    let w = explore_hidden_units(&mlp, &train, &test)?;
    let s = spec(&w);
    let order: Vec<usize> = serde_json::from_value(s["order"].clone()).unwrap();
    assert_eq!(order, strongest_hidden_units(&mlp, 30));
    let all = w.reference_state(&json!({"k": 30}))?;
    assert_eq!(
        all["train_accuracy"].as_f64().unwrap(),
        mlp.accuracy(&train)?
    );
    assert_eq!(all["test_accuracy"].as_f64().unwrap(), mlp.accuracy(&test)?);
    let three = w.reference_state(&json!({"k": 3, "off": [order[1]]}))?;
    let mut used = vec![order[0], order[2]];
    used.sort_unstable();
    assert_eq!(three["used"], json!(used));
    let kept = keep_hidden_units(&mlp, &train, &used)?;
    assert_eq!(
        three["test_accuracy"].as_f64().unwrap(),
        kept.accuracy(&test)?
    );
    // the means the page adds for units left out are the crate's
    let means = mlp.hidden_activations(train.features())?;
    let m0 = means.column(0).sum() / train.n_samples() as f64;
    assert_eq!(s["means"][0].as_f64().unwrap(), m0);
    Ok(())
}

#[test]
fn claim_the_activations_widget_shows_the_grids_models() -> Result<()> {
    let data = moons(200, 0.2, SEED)?;
    let grid = fit_activations_by_widths(
        &data,
        &[Activation::Identity, Activation::Tanh],
        &[2, 4],
        30,
        SEED,
    )?;
    let w = explore_activations_grid(&grid)?;
    for a in ["identity", "tanh"] {
        for (width, column) in [(2, "2 units"), (4, "4 units")] {
            let state = w.reference_state(&json!({"activation": a, "width": width}))?;
            assert_eq!(
                state["test_accuracy"].as_f64().unwrap(),
                grid.test_accuracy(a, column)?
            );
        }
    }
    assert!(
        w.reference_state(&json!({"activation": "relu", "width": 2}))
            .is_err()
    );
    Ok(())
}

#[test]
fn bad_inputs_are_errors_that_name_them() -> Result<()> {
    let data = moons(100, 0.2, SEED)?;
    let (train, test) = data.split(0.3, SEED)?;
    let msg = |r: Result<Widget>| r.unwrap_err().to_string();
    assert!(msg(explore_sigmoid(f64::NAN)).contains('z'));
    assert!(msg(explore_sigmoid(9.0)).contains("-8 to 8"));
    assert!(
        msg(explore_net_input(
            [1.0, f64::INFINITY],
            0.0,
            (-1.0, 1.0),
            (-1.0, 1.0)
        ))
        .contains("weights[1]")
    );
    assert!(msg(explore_net_input([1.0, 1.0], 0.0, (1.0, -1.0), (-1.0, 1.0))).contains("x1_range"));
    assert!(msg(explore_training(&small_mlp(), &train, &test, 0)).contains("every"));
    assert!(
        msg(explore_training(&Mlp::new().epochs(1000), &train, &test, 1))
            .contains("at most 200 frames")
    );
    let three = Dataset::new(array![[0.0, 1.0, 2.0], [1.0, 0.0, 2.0]], array![0, 1])?;
    assert!(
        msg(explore_logistic(
            &three,
            &LogisticModel::from_weights(array![1.0, 1.0], 0.0)?
        ))
        .contains("feature columns")
    );
    let wide = LogisticModel::from_weights(array![1.0, 1.0, 1.0], 0.0)?;
    assert!(msg(explore_logistic(&data, &wide)).contains("weights of the trained model"));
    let step = MlpModel::from_weights(
        array![[1.0], [1.0]],
        array![0.0],
        array![1.0],
        0.0,
        Activation::UnitStep,
    )?;
    assert!(
        msg(explore_hidden_units(&step, &train, &test)).contains("identity, sigmoid, tanh or relu")
    );
    assert!(WidgetKind::from_name("Logistic").is_err());
    let w = explore_sigmoid(0.0)?;
    assert!(
        w.reference_state(&json!({"z": "one"}))
            .unwrap_err()
            .to_string()
            .contains('z')
    );
    assert!(
        w.reference_state(&json!({"x": 1}))
            .unwrap_err()
            .to_string()
            .contains("\"x\"")
    );
    let mlp = small_mlp().fit(&train)?;
    let units = explore_hidden_units(&mlp, &train, &test)?;
    assert!(
        units
            .reference_state(&json!({"off": [30]}))
            .unwrap_err()
            .to_string()
            .contains("off")
    );
    let twice = units.reference_state(&json!({"off": [3, 3]}))?;
    assert_eq!(twice["off"], json!([3]));
    let huge = Mlp::new().hidden_units(MAX_WIDGET_UNITS + 1);
    assert!(msg(explore_training(&huge, &train, &test, 5)).contains("hidden units"));
    // the activations widget starts where its static picture does
    let grid = fit_activations_by_widths(&data, &[Activation::Relu], &[1, 2], 5, SEED)?;
    let start = explore_activations_grid(&grid)?.reference_state(&json!({}))?;
    assert_eq!(
        (start["activation"].clone(), start["width"].clone()),
        (json!("relu"), json!(2))
    );
    Ok(())
}
