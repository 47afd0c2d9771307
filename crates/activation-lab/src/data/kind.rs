//! [`DatasetKind`]: the built-in toy datasets by name, as the notebooks
//! and the command-line tool choose them.

use std::fmt;
use std::str::FromStr;

use super::dataset::Dataset;
use super::generators::{blobs, circles, moons, spirals, xor};
use crate::error::{Error, Result};

/// The built-in toy datasets, by name.
///
/// Serialised (and parsed) as its [`key`](DatasetKind::key): `"blobs"`,
/// `"moons"`, `"circles"`, `"xor"`, `"spirals"`.
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// use activation_lab::DatasetKind;
///
/// let kind: DatasetKind = "moons".parse()?;
/// let data = kind.generate(100, kind.default_noise(), 42)?;
/// assert_eq!(data.name(), "moons");
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    /// Two Gaussian blobs, see [`blobs`].
    Blobs,
    /// Two half-moons, see [`moons`].
    Moons,
    /// Concentric circles, see [`circles`].
    Circles,
    /// The XOR quadrants, see [`xor`].
    Xor,
    /// Two interleaved spirals, see [`spirals`].
    Spirals,
}

impl DatasetKind {
    /// Every kind, in the order the notebooks introduce them.
    pub const ALL: [DatasetKind; 5] = [
        DatasetKind::Blobs,
        DatasetKind::Moons,
        DatasetKind::Circles,
        DatasetKind::Xor,
        DatasetKind::Spirals,
    ];

    /// The kind's name: `"blobs"`, `"moons"`, `"circles"`, `"xor"` or `"spirals"`.
    ///
    /// # Example
    ///
    /// ```
    /// use activation_lab::DatasetKind;
    /// assert_eq!(DatasetKind::Xor.key(), "xor");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            DatasetKind::Blobs => "blobs",
            DatasetKind::Moons => "moons",
            DatasetKind::Circles => "circles",
            DatasetKind::Xor => "xor",
            DatasetKind::Spirals => "spirals",
        }
    }

    /// A noise level that shows the shape clearly: blobs 0.6, moons 0.2,
    /// circles 0.1, xor 0.0, spirals 0.05.
    ///
    /// # Example
    ///
    /// ```
    /// use activation_lab::DatasetKind;
    /// assert_eq!(DatasetKind::Moons.default_noise(), 0.2);
    /// ```
    pub fn default_noise(self) -> f64 {
        match self {
            DatasetKind::Blobs => 0.6,
            DatasetKind::Moons => 0.2,
            DatasetKind::Circles => 0.1,
            DatasetKind::Xor => 0.0,
            DatasetKind::Spirals => 0.05,
        }
    }

    /// Whether a straight line can (almost) separate the classes: true only
    /// for blobs (at moderate noise), the case where logistic regression
    /// suffices.
    ///
    /// # Example
    ///
    /// ```
    /// use activation_lab::DatasetKind;
    /// assert!(DatasetKind::Blobs.is_linearly_separable());
    /// assert!(!DatasetKind::Moons.is_linearly_separable());
    /// ```
    pub fn is_linearly_separable(self) -> bool {
        matches!(self, DatasetKind::Blobs)
    }

    /// Generates this kind of data; circles use `factor = 0.4`.
    ///
    /// # Errors
    ///
    /// As the generator: [`Error::InvalidParameter`] for `n_samples < 2` or
    /// a `noise` that is negative or not finite.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::DatasetKind;
    ///
    /// for kind in DatasetKind::ALL {
    ///     let data = kind.generate(50, kind.default_noise(), 1)?;
    ///     assert_eq!(data.class_counts(), [25, 25]);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn generate(self, n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
        match self {
            DatasetKind::Blobs => blobs(n_samples, noise, seed),
            DatasetKind::Moons => moons(n_samples, noise, seed),
            DatasetKind::Circles => circles(n_samples, noise, seed),
            DatasetKind::Xor => xor(n_samples, noise, seed),
            DatasetKind::Spirals => spirals(n_samples, noise, seed),
        }
    }
}

impl FromStr for DatasetKind {
    type Err = Error;

    /// Parses a key, ignoring case and surrounding whitespace.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownName`] (kind `"dataset"`) listing the keys.
    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim();
        DatasetKind::ALL
            .into_iter()
            .find(|kind| kind.key().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| Error::UnknownName {
                kind: "dataset".to_string(),
                name: s.to_string(),
                expected: DatasetKind::ALL.map(DatasetKind::key).join(", "),
            })
    }
}

impl fmt::Display for DatasetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::test_support::message;

    #[test]
    fn dataset_kind_parses_keys_and_rejects_unknown_names() {
        for kind in DatasetKind::ALL {
            assert_eq!(kind.key().parse::<DatasetKind>().unwrap(), kind);
            assert_eq!(kind.to_string(), kind.key());
        }
        assert_eq!(
            " Moons ".parse::<DatasetKind>().unwrap(),
            DatasetKind::Moons
        );
        assert_eq!(
            message("moon".parse::<DatasetKind>()),
            "unknown dataset \"moon\": expected one of blobs, moons, circles, xor, spirals"
        );
    }

    #[test]
    fn dataset_kind_serialises_as_its_key() {
        for kind in DatasetKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.key()));
            assert_eq!(serde_json::from_str::<DatasetKind>(&json).unwrap(), kind);
        }
    }

    #[test]
    fn only_blobs_are_linearly_separable() {
        let separable: Vec<_> = DatasetKind::ALL
            .into_iter()
            .filter(|k| k.is_linearly_separable())
            .collect();
        assert_eq!(separable, vec![DatasetKind::Blobs]);
    }
}
