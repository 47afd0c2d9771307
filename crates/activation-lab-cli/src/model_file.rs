//! Saved models: reading weights JSON of either kind, told apart by its keys.

use std::path::Path;

use activation_lab::{Activation, Classifier, History, LogisticModel, MlpModel};
use serde_json::Value;

use crate::cli::ModelKind;
use crate::error::{CliError, Result};

/// A fitted or loaded model of either kind.
#[derive(Debug, Clone)]
pub enum Model {
    /// Logistic regression: `{"weights": [..], "bias": b}`.
    Logistic(LogisticModel),
    /// The one-hidden-layer perceptron: `{"hidden_weights": .., ..}`.
    Mlp(MlpModel),
}

/// A model read from a file, and whether the file named the activation.
#[derive(Debug, Clone)]
pub struct LoadedModel {
    /// The model.
    pub model: Model,
    /// `true` when an MLP file had an `"activation"` key (otherwise the
    /// activation is the default, sigmoid).
    pub names_activation: bool,
    /// The feature columns the model was trained on, in order, when the
    /// file says (files written by `fit --save-model` do).
    pub feature_names: Option<Vec<String>>,
    /// The labels of class 0 and class 1, when the model was trained with
    /// `--positive`.
    pub class_names: Option<[String; 2]>,
}

impl Model {
    /// Which kind of model this is.
    pub fn kind(&self) -> ModelKind {
        match self {
            Model::Logistic(_) => ModelKind::Logistic,
            Model::Mlp(_) => ModelKind::Mlp,
        }
    }

    /// The model as a [`Classifier`], for predictions and metrics.
    pub fn classifier(&self) -> &dyn Classifier {
        match self {
            Model::Logistic(m) => m,
            Model::Mlp(m) => m,
        }
    }

    /// The loss and accuracy per epoch of the training that produced it.
    pub fn history(&self) -> &History {
        match self {
            Model::Logistic(m) => m.history(),
            Model::Mlp(m) => m.history(),
        }
    }

    /// The weights as pretty-printed JSON, the shape `--init` and `predict` read.
    pub fn to_json(&self) -> String {
        match self {
            Model::Logistic(m) => m.to_json(),
            Model::Mlp(m) => m.to_json(),
        }
    }

    /// The weights as pretty-printed JSON with the names of the feature
    /// columns they take, in order, and the labels of class 0 and class 1
    /// when they are names (what `fit --save-model` writes, so that
    /// `predict` can check a CSV's columns and read its labels).
    pub fn to_json_with_names(&self, names: &[String], classes: Option<&[String; 2]>) -> String {
        match serde_json::from_str::<Value>(&self.to_json()) {
            Ok(Value::Object(mut map)) => {
                map.insert("feature_names".to_string(), Value::from(names.to_vec()));
                if let Some(c) = classes {
                    map.insert("class_names".to_string(), Value::from(c.to_vec()));
                }
                serde_json::to_string_pretty(&Value::Object(map)).unwrap_or_default()
            }
            _ => self.to_json(),
        }
    }

    /// "logistic regression" or "MLP 2-200-1, sigmoid hidden units".
    pub fn describe(&self) -> String {
        self.classifier().describe()
    }

    /// Reads a weights file of either kind.
    ///
    /// # Errors
    /// I/O errors naming the file; otherwise the file's path followed by
    /// what is wrong with its JSON.
    pub fn load(path: &Path) -> Result<LoadedModel> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| CliError::Lib(activation_lab::Error::io("read", path, source)))?;
        Model::from_json(&text).map_err(|e| CliError::in_file(path, e))
    }

    /// Parses weights JSON of either kind. The output of `fit --json` is
    /// accepted too: its `"weights"` object is used.
    ///
    /// # Errors
    /// [`activation_lab::Error::Json`] when the text is not JSON, not an
    /// object, or has the keys of neither model; otherwise the errors of
    /// `LogisticModel::from_json` and `MlpModel::from_json`.
    pub fn from_json(text: &str) -> activation_lab::Result<LoadedModel> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| activation_lab::Error::Json(format!("{e}; expected a JSON object")))?;
        let Value::Object(top) = &value else {
            return Err(activation_lab::Error::Json(
                "expected a JSON object with the model's weights".to_string(),
            ));
        };
        let mut map = match top.get("weights") {
            Some(Value::Object(inner)) => inner.clone(),
            _ => top.clone(),
        };
        let class_names = match map.remove("class_names") {
            None => None,
            Some(Value::Array(v)) if v.len() == 2 && v.iter().all(Value::is_string) => Some([
                v[0].as_str().unwrap_or_default().to_string(),
                v[1].as_str().unwrap_or_default().to_string(),
            ]),
            Some(other) => {
                return Err(activation_lab::Error::Json(format!(
                    "class_names holds {other}: expected the labels of class 0 and class 1, [\"…\", \"…\"]"
                )));
            }
        };
        let feature_names = match map.remove("feature_names") {
            None => None,
            Some(Value::Array(names)) if names.iter().all(Value::is_string) => Some(
                names
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect::<Vec<String>>(),
            ),
            Some(other) => {
                return Err(activation_lab::Error::Json(format!(
                    "feature_names holds {other}: expected an array of column names"
                )));
            }
        };
        let inner_text = Value::Object(map.clone()).to_string();
        if map.contains_key("hidden_weights") {
            let names_activation = map.contains_key("activation");
            Ok(LoadedModel {
                model: Model::Mlp(MlpModel::from_json(&inner_text)?),
                names_activation,
                feature_names,
                class_names,
            })
        } else if map.contains_key("weights") {
            Ok(LoadedModel {
                model: Model::Logistic(LogisticModel::from_json(&inner_text)?),
                names_activation: false,
                feature_names,
                class_names,
            })
        } else {
            let keys: Vec<&str> = map.keys().map(String::as_str).collect();
            Err(activation_lab::Error::Json(format!(
                "found the keys [{}]: expected \"weights\" and \"bias\" (logistic regression) \
                 or \"hidden_weights\", \"hidden_bias\", \"output_weights\" and \"output_bias\" (MLP)",
                keys.join(", ")
            )))
        }
    }
}

/// The same MLP weights with another activation (for `--init` files that
/// do not name one).
///
/// # Errors
/// None in practice: the weights were valid already.
pub fn with_activation(m: &MlpModel, activation: Activation) -> activation_lab::Result<MlpModel> {
    MlpModel::from_weights(
        m.hidden_weights().clone(),
        m.hidden_bias().clone(),
        m.output_weights().clone(),
        m.output_bias(),
        activation,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_two_kinds_apart_by_their_keys() {
        let logistic = Model::from_json(r#"{"weights": [1.0, 2.0], "bias": 0.5}"#).unwrap();
        assert_eq!(logistic.model.kind(), ModelKind::Logistic);
        let mlp = Model::from_json(
            r#"{"hidden_weights": [[1.0, 2.0]], "hidden_bias": [0.0, 0.0],
                "output_weights": [1.0, -1.0], "output_bias": 0.0}"#,
        )
        .unwrap();
        assert_eq!(mlp.model.kind(), ModelKind::Mlp);
        assert!(!mlp.names_activation);
        assert_eq!(mlp.model.classifier().n_features(), 1);
    }

    #[test]
    fn accepts_the_weights_object_of_fit_json_output() {
        let loaded =
            Model::from_json(r#"{"settings": {}, "weights": {"weights": [3.0], "bias": -1.0}}"#)
                .unwrap();
        let Model::Logistic(m) = loaded.model else {
            panic!("expected logistic regression");
        };
        assert_eq!(m.bias(), -1.0);
    }

    #[test]
    fn unknown_keys_and_non_objects_are_clear_errors() {
        let err = Model::from_json(r#"{"w": [1.0]}"#).unwrap_err().to_string();
        assert!(
            err.starts_with("model JSON: found the keys [w]: expected"),
            "{err}"
        );
        let err = Model::from_json("[1, 2]").unwrap_err().to_string();
        assert_eq!(
            err,
            "model JSON: expected a JSON object with the model's weights"
        );
        let err = Model::from_json("{").unwrap_err().to_string();
        assert!(err.starts_with("model JSON: EOF while parsing"), "{err}");
    }

    #[test]
    fn round_trips_through_to_json() {
        let m = MlpModel::from_weights(
            ndarray_array(),
            activation_lab::prelude::array![0.1, 0.2],
            activation_lab::prelude::array![1.0, -1.0],
            0.3,
            Activation::Tanh,
        )
        .unwrap();
        let loaded = Model::from_json(&Model::Mlp(m.clone()).to_json()).unwrap();
        assert!(loaded.names_activation);
        let Model::Mlp(back) = loaded.model else {
            panic!("expected an MLP");
        };
        assert_eq!(back.hidden_weights(), m.hidden_weights());
        assert_eq!(back.activation(), Activation::Tanh);
    }

    #[test]
    fn feature_names_are_written_and_read_back() {
        let m = Model::Logistic(
            LogisticModel::from_weights(activation_lab::prelude::array![1.0, 2.0], 0.5).unwrap(),
        );
        let text = m.to_json_with_names(
            &["petal_length".to_string(), "petal_width".to_string()],
            None,
        );
        let loaded = Model::from_json(&text).unwrap();
        assert_eq!(
            loaded.feature_names.unwrap(),
            vec!["petal_length".to_string(), "petal_width".to_string()]
        );
        let err =
            Model::from_json(r#"{"weights": [1], "bias": 0, "feature_names": 3}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "model JSON: feature_names holds 3: expected an array of column names"
        );
    }

    fn ndarray_array() -> activation_lab::prelude::Array2<f64> {
        activation_lab::prelude::array![[1.0, 2.0], [3.0, 4.0]]
    }
}
