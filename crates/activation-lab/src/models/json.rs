//! Reading a model file: one JSON object whose fields are read one by one,
//! so that every error names the field, what it held and what is expected.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::activation::Activation;
use crate::error::{Error, Result};

/// The fields of a model file, checked against the ones a model has.
#[derive(Debug)]
pub(crate) struct ModelFields {
    map: Map<String, Value>,
    /// The file's expected shape, quoted at the end of every message.
    shape: &'static str,
}

impl ModelFields {
    /// Parses `json` (a UTF-8 byte-order mark is accepted, as editors on
    /// Windows write one) into an object with no fields but `fields`.
    pub(crate) fn parse(json: &str, fields: &[&str], shape: &'static str) -> Result<Self> {
        let text = json.strip_prefix('\u{feff}').unwrap_or(json);
        let value: Value = serde_json::from_str(text).map_err(|e| {
            let near = field_before(text, e.line(), e.column(), fields)
                .map(|f| format!(" (in {f})"))
                .unwrap_or_default();
            let nan = if text.contains("NaN") || text.contains("Infinity") {
                "; JSON has no NaN or Infinity: every weight must be a finite number"
            } else {
                ""
            };
            Error::Json(format!("{e}{near}{nan}; expected {shape}"))
        })?;
        let Value::Object(map) = value else {
            return Err(Error::Json(format!(
                "found {}, not an object; expected {shape}",
                kind(&value)
            )));
        };
        if let Some(unknown) = map.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(Error::Json(format!(
                "unknown field `{unknown}` (this model's fields are {}); expected {shape}",
                fields.join(", ")
            )));
        }
        Ok(ModelFields { map, shape })
    }

    /// The field `name`, which must be present.
    pub(crate) fn get<T: DeserializeOwned>(&self, name: &str, expected: &str) -> Result<T> {
        match self.map.get(name) {
            None => Err(Error::Json(format!(
                "missing field `{name}`; expected {}",
                self.shape
            ))),
            Some(v) => T::deserialize(v).map_err(|_| self.wrong(name, v, expected)),
        }
    }

    /// The activation named in the field `name` (any spelling that
    /// [`Activation`]'s `from_str` accepts), or `default` without one.
    pub(crate) fn activation(&self, name: &str, default: Activation) -> Result<Activation> {
        let names = Activation::ALL.map(Activation::key).join(", ");
        match self.map.get(name) {
            None => Ok(default),
            Some(Value::String(s)) => s.parse().map_err(|_| {
                Error::Json(format!(
                    "{name}: unknown activation \"{s}\"; expected one of {names}"
                ))
            }),
            Some(v) => Err(self.wrong(
                name,
                v,
                &format!("the name of an activation, one of {names}"),
            )),
        }
    }

    fn wrong(&self, name: &str, v: &Value, expected: &str) -> Error {
        Error::Json(format!(
            "{name} holds {}: expected {expected}; the file should be {}",
            kind(v),
            self.shape
        ))
    }
}

/// What a JSON value is, for a message: "the number 3", "a string", …
fn kind(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() <= 20 => format!("the string \"{s}\""),
        Value::String(_) => "a string".into(),
        Value::Array(a) if a.iter().any(|x| !x.is_number()) => {
            "an array with entries that are not numbers".into()
        }
        Value::Array(_) => "an array of numbers".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// The last of `fields` named before line `line`, column `column` (1-based)
/// of `text`: where a syntax error (a number out of range, say) sits.
fn field_before<'a>(text: &str, line: usize, column: usize, fields: &[&'a str]) -> Option<&'a str> {
    let offset: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + column.saturating_sub(1);
    let before = text.get(..offset.min(text.len()))?;
    fields
        .iter()
        .filter_map(|f| before.rfind(&format!("\"{f}\"")).map(|at| (at, *f)))
        .max()
        .map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPE: &str = "{\"weights\": [w1, …, wm], \"bias\": b}";

    #[test]
    fn errors_name_the_field_and_what_it_held() {
        let f = ModelFields::parse(
            "{\"weights\": \"1, 2\", \"bias\": 0}",
            &["weights", "bias"],
            SHAPE,
        )
        .unwrap();
        let e = f
            .get::<Vec<f64>>("weights", "an array of numbers")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "model JSON: weights holds the string \"1, 2\": expected an array of numbers; \
             the file should be {\"weights\": [w1, …, wm], \"bias\": b}"
        );
        let e = ModelFields::parse(
            "{\"weights\": [1e999], \"bias\": 0}",
            &["weights", "bias"],
            SHAPE,
        )
        .unwrap_err();
        assert!(e.to_string().contains("(in weights)"), "{e}");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let f = ModelFields::parse("\u{feff}{\"bias\": 2}", &["weights", "bias"], SHAPE).unwrap();
        assert_eq!(f.get::<f64>("bias", "a number").unwrap(), 2.0);
    }

    #[test]
    fn activations_are_read_in_any_accepted_spelling() {
        let f =
            ModelFields::parse("{\"activation\": \"Leaky ReLU\"}", &["activation"], SHAPE).unwrap();
        assert_eq!(
            f.activation("activation", Activation::Sigmoid).unwrap(),
            Activation::LeakyRelu
        );
        let f = ModelFields::parse("{\"activation\": 3}", &["activation"], SHAPE).unwrap();
        let e = f.activation("activation", Activation::Sigmoid).unwrap_err();
        assert!(e.to_string().starts_with("model JSON: activation holds the number 3: expected the name of an activation, one of identity,"), "{e}");
    }
}
