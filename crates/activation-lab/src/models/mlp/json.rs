//! The MLP's model file: its weights as JSON.

use std::path::Path;

use ndarray::{Array1, Array2};
use serde::{Deserialize, Serialize};

use super::model::MlpModel;
use crate::activation::Activation;
use crate::error::{Error, Result};
use crate::files::{read_text, write};
use crate::models::json::ModelFields;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MlpJson {
    hidden_weights: Vec<Vec<f64>>,
    hidden_bias: Vec<f64>,
    output_weights: Vec<f64>,
    output_bias: f64,
    #[serde(default = "default_activation")]
    activation: Activation,
}

fn default_activation() -> Activation {
    Activation::Sigmoid
}

impl MlpModel {
    /// The weights as pretty-printed JSON (see the type's docs for the shape).
    pub fn to_json(&self) -> String {
        let json = MlpJson {
            hidden_weights: self
                .hidden_weights
                .rows()
                .into_iter()
                .map(|r| r.to_vec())
                .collect(),
            hidden_bias: self.hidden_bias.to_vec(),
            output_weights: self.output_weights.to_vec(),
            output_bias: self.output_bias,
            activation: self.activation,
        };
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// A model from JSON (see the type's docs for the shape). A
    /// `"feature_names"` and a `"class_names"` key, which the command-line
    /// tool writes so that `predict` can check a file's columns and read
    /// its labels, are accepted and not used.
    ///
    /// # Errors
    /// [`Error::Json`] for malformed JSON, missing fields or ragged
    /// `hidden_weights`, and the errors of [`from_weights`](Self::from_weights).
    pub fn from_json(json: &str) -> Result<Self> {
        let fields = super::json::ModelFields::parse(
            json,
            &[
                "hidden_weights",
                "hidden_bias",
                "output_weights",
                "output_bias",
                "activation",
                // written by the command-line tool; not part of the model
                "feature_names",
                "class_names",
            ],
            "{\"hidden_weights\": [[…] × n_features], \"hidden_bias\": […], \"output_weights\": […], \"output_bias\": b}",
        )?;
        let parsed = MlpJson {
            hidden_weights: fields
                .get("hidden_weights", "one array of numbers per input feature")?,
            hidden_bias: fields.get("hidden_bias", "an array of numbers, one per hidden unit")?,
            output_weights: fields
                .get("output_weights", "an array of numbers, one per hidden unit")?,
            output_bias: fields.get("output_bias", "a number")?,
            activation: fields.activation("activation", default_activation())?,
        };
        let d = parsed.hidden_weights.len();
        let h = parsed.hidden_weights.first().map_or(0, Vec::len);
        if let Some((i, row)) = parsed
            .hidden_weights
            .iter()
            .enumerate()
            .find(|(_, r)| r.len() != h)
        {
            return Err(Error::Json(format!(
                "hidden_weights row {i} has {} entries: expected {h} (one per hidden unit) in every row",
                row.len()
            )));
        }
        let flat: Vec<f64> = parsed.hidden_weights.into_iter().flatten().collect();
        let w1 = Array2::from_shape_vec((d, h), flat).map_err(|e| Error::Json(e.to_string()))?;
        Self::from_weights(
            w1,
            Array1::from(parsed.hidden_bias),
            Array1::from(parsed.output_weights),
            parsed.output_bias,
            parsed.activation,
        )
    }

    /// Writes [`to_json`](Self::to_json) to a file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be written.
    pub fn save_json(&self, path: impl AsRef<Path>) -> Result<()> {
        write(path.as_ref(), self.to_json())
    }

    /// Reads a model written by [`save_json`](Self::save_json).
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, and the errors of
    /// [`from_json`](Self::from_json).
    pub fn load_json(path: impl AsRef<Path>) -> Result<Self> {
        Self::from_json(&read_text(path.as_ref())?)
    }
}
