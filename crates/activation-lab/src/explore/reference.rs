//! What a widget shows for given parameters, computed by the crate: the
//! oracle the browser tests compare the page's `state()` with.

use ndarray::{Array2, array};
use serde_json::{Value, json};

use super::widget::{Widget, WidgetKind};
use crate::activation::{predicted_class, sigmoid, sigmoid_derivative};
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::models::{Classifier, LogisticModel, MlpModel};
use crate::net_input::net_input;
use crate::plot::{ModelGrid, keep_hidden_units, strongest_hidden_units};

/// The models and data behind a widget, kept to compute its numbers.
#[derive(Debug, Clone)]
pub(super) enum Reference {
    /// net-input and sigmoid: formulas only.
    Formula,
    /// logistic: the data the accuracy and loss are measured on.
    Logistic { data: Dataset },
    /// training: every recorded model by epoch, and the splits.
    Training {
        frames: Vec<(usize, MlpModel)>,
        train: Dataset,
        test: Dataset,
    },
    /// hidden-units: the network and its splits.
    HiddenUnits {
        model: Box<MlpModel>,
        train: Dataset,
        test: Dataset,
    },
    /// activations: the trained grid.
    Activations { grid: ModelGrid },
}

/// [`Error::InvalidParameter`] for a key the widget's `set()` does not take.
fn known_keys(params: &Value, known: &[&str]) -> Result<()> {
    match params {
        Value::Object(map) => match map.keys().find(|k| !known.contains(&k.as_str())) {
            Some(k) => Err(Error::param(
                "params",
                format!("{k:?}"),
                &format!("the widget's parameters: {}", known.join(", ")),
            )),
            None => Ok(()),
        },
        other => Err(Error::param("params", other, "an object")),
    }
}

fn number(params: &Value, key: &str, default: f64) -> Result<f64> {
    match params.get(key) {
        None => Ok(default),
        Some(v) => v.as_f64().ok_or_else(|| Error::param(key, v, "a number")),
    }
}

fn point(params: &Value) -> Result<Option<[f64; 2]>> {
    match params.get("point") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v
            .as_array()
            .map(|a| a.iter().map(Value::as_f64).collect::<Vec<_>>())
        {
            Some(p) if p.len() == 2 && p.iter().all(Option::is_some) => {
                Ok(Some([p[0].unwrap_or_default(), p[1].unwrap_or_default()]))
            }
            _ => Err(Error::param("point", v, "[x1, x2] or null")),
        },
    }
}

fn probability(model: &dyn Classifier, p: Option<[f64; 2]>) -> Result<Value> {
    Ok(match p {
        Some([x1, x2]) => json!(
            model.predict_proba(
                &Array2::from_shape_vec((1, 2), vec![x1, x2])
                    .map_err(|e| Error::param("point", e, "[x1, x2]"))?
            )?[0]
        ),
        None => Value::Null,
    })
}

impl Widget {
    /// The numbers the widget's `state()` reports after `set(params)`,
    /// computed by the crate from the same weights, data and models
    /// (parameters not given keep the widget's starting values). The
    /// browser tests compare the page with this to 1e-9.
    ///
    /// ```
    /// use activation_lab::prelude::*;
    /// # fn main() -> activation_lab::Result<()> {
    /// let w = explore_sigmoid(0.0)?;
    /// let state = w.reference_state(&serde_json::json!({"z": 0.0}))?;
    /// assert_eq!(state["sigma"], 0.5);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a parameter of the wrong type or an
    /// epoch, width or activation the widget does not have.
    pub fn reference_state(&self, params: &Value) -> Result<Value> {
        let spec = &self.spec;
        known_keys(
            params,
            match self.kind {
                WidgetKind::NetInput | WidgetKind::Logistic => &["w1", "w2", "b", "point"],
                WidgetKind::Sigmoid => &["z"],
                WidgetKind::Training => &["epoch", "frame"],
                WidgetKind::HiddenUnits => &["k", "off", "point"],
                WidgetKind::Activations => &["activation", "width"],
            },
        )?;
        let start = |k: &str| spec[k].as_f64().unwrap_or_default();
        match (&self.kind, &self.reference) {
            (WidgetKind::NetInput, _) => {
                let (w1, w2, b) = (
                    number(params, "w1", start("w1"))?,
                    number(params, "w2", start("w2"))?,
                    number(params, "b", start("b"))?,
                );
                let p = point(params)?;
                let z = match p {
                    Some([x1, x2]) => json!(net_input(&array![x1, x2], &array![w1, w2], b)?),
                    None => Value::Null,
                };
                Ok(json!({"w1": w1, "w2": w2, "b": b, "point": p, "z": z}))
            }
            (WidgetKind::Sigmoid, _) => {
                let z = number(params, "z", start("z"))?;
                Ok(
                    json!({"z": z, "sigma": sigmoid(z), "derivative": sigmoid_derivative(z),
                          "class": predicted_class(z)}),
                )
            }
            (WidgetKind::Logistic, Reference::Logistic { data }) => {
                let (w1, w2, b) = (
                    number(params, "w1", start("w1"))?,
                    number(params, "w2", start("w2"))?,
                    number(params, "b", start("b"))?,
                );
                let model = LogisticModel::from_weights(array![w1, w2], b)?;
                let p = point(params)?;
                Ok(
                    json!({"w1": w1, "w2": w2, "b": b, "accuracy": model.accuracy(data)?,
                          "loss": model.log_loss(data)?, "point": p,
                          "p": probability(&model, p)?}),
                )
            }
            (
                WidgetKind::Training,
                Reference::Training {
                    frames,
                    train,
                    test,
                },
            ) => {
                let last = frames.len().saturating_sub(1);
                let frame = number(params, "frame", last as f64)?;
                if !(0.0..=last as f64).contains(&frame) {
                    return Err(Error::param(
                        "frame",
                        frame,
                        &format!("a frame from 0 to {last}"),
                    ));
                }
                let mut i = frame.round() as usize;
                if params.get("epoch").is_some() {
                    let epoch = number(params, "epoch", 0.0)?;
                    i = frames
                        .iter()
                        .position(|(e, _)| *e as f64 == epoch)
                        .ok_or_else(|| Error::param("epoch", epoch, "a recorded epoch"))?;
                }
                let (e, m) = frames
                    .get(i)
                    .ok_or_else(|| Error::empty("the training run", "recorded frame"))?;
                Ok(
                    json!({"epoch": e, "frame": i, "train_loss": m.log_loss(train)?,
                          "test_loss": m.log_loss(test)?, "train_accuracy": m.accuracy(train)?,
                          "test_accuracy": m.accuracy(test)?}),
                )
            }
            (WidgetKind::HiddenUnits, Reference::HiddenUnits { model, train, test }) => {
                let h = model.hidden_units();
                let k = number(params, "k", h as f64)?;
                if !(1.0..=h as f64).contains(&k) || k.fract() != 0.0 {
                    return Err(Error::param(
                        "k",
                        k,
                        &format!("a whole number from 1 to {h}"),
                    ));
                }
                let mut off: Vec<usize> = match params.get("off") {
                    None => Vec::new(),
                    Some(v) => serde_json::from_value(v.clone())
                        .map_err(|_| Error::param("off", v, "a list of hidden units"))?,
                };
                if let Some(&u) = off.iter().find(|&&u| u >= h) {
                    return Err(Error::param(
                        "off",
                        u,
                        &format!("hidden units from 0 to {}", h - 1),
                    ));
                }
                // a unit listed twice is off once, as the page keeps it
                let mut seen = Vec::with_capacity(off.len());
                off.retain(|u| {
                    let new = !seen.contains(u);
                    seen.push(*u);
                    new
                });
                let mut used: Vec<usize> = strongest_hidden_units(model, k as usize)
                    .into_iter()
                    .filter(|u| !off.contains(u))
                    .collect();
                used.sort_unstable();
                let kept = keep_hidden_units(model, train, &used)?;
                let p = point(params)?;
                Ok(json!({"k": k as usize, "off": off, "used": used,
                          "train_accuracy": kept.accuracy(train)?,
                          "test_accuracy": kept.accuracy(test)?, "point": p,
                          "p": probability(&kept, p)?}))
            }
            (WidgetKind::Activations, Reference::Activations { grid }) => {
                let activation = match params.get("activation") {
                    None => spec["start"]["activation"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                    Some(v) => v
                        .as_str()
                        .ok_or_else(|| Error::param("activation", v, "a name"))?
                        .to_string(),
                };
                let start_width = spec["start"]["width"].as_f64().unwrap_or_default();
                let width = number(params, "width", start_width)?;
                let cell = grid
                    .cells
                    .iter()
                    .find(|c| {
                        c.row == activation
                            && matches!(&c.model, Some(crate::plot::GridModel::Mlp(m))
                                if m.hidden_units() as f64 == width)
                    })
                    .ok_or_else(|| {
                        Error::param(
                            "activation and width",
                            format!("{activation}, {width}"),
                            "a panel of the grid",
                        )
                    })?;
                let model = cell.model.as_ref().map(|m| m.classifier()).ok_or_else(|| {
                    Error::param("activation and width", &activation, "a panel with a model")
                })?;
                Ok(json!({"activation": activation, "width": width as usize,
                          "train_accuracy": model.accuracy(&cell.train)?,
                          "test_accuracy": model.accuracy(&cell.test)?}))
            }
            (kind, _) => Err(Error::param("widget", kind, "a widget built by the crate")),
        }
    }
}
