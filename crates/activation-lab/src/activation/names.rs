//! The names of an [`Activation`]: its key, `Display`, and `FromStr` with
//! its aliases.

use std::fmt;
use std::str::FromStr;

use super::kind::Activation;
use crate::error::Error;

impl Activation {
    /// The activation's key: snake_case, as used by `FromStr`, `Display`
    /// and serde.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert_eq!(Activation::LeakyRelu.key(), "leaky_relu");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            Activation::Identity => "identity",
            Activation::UnitStep => "unit_step",
            Activation::Threshold => "threshold",
            Activation::Sign => "sign",
            Activation::PiecewiseLinear => "piecewise_linear",
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::LeakyRelu => "leaky_relu",
            Activation::Elu => "elu",
            Activation::Softplus => "softplus",
            Activation::Gelu => "gelu",
            Activation::Silu => "silu",
        }
    }
}

impl fmt::Display for Activation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.key())
    }
}

impl FromStr for Activation {
    type Err = Error;

    /// Parses a key or an alias, ignoring case, surrounding spaces, and the
    /// difference between `_`, `-` and ` `.
    ///
    /// Aliases: `linear` (identity), `heaviside` and `step` (unit step),
    /// `signum`, `piecewise` and `piece-wise linear`, `logistic` (sigmoid),
    /// `hyperbolic tangent`, `leakyrelu`, `swish` (SiLU).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownName`] with `kind` `"activation"` and the list of
    /// keys when the name is neither a key nor an alias.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert_eq!("Logistic".parse::<Activation>()?, Activation::Sigmoid);
    /// assert_eq!("swish".parse::<Activation>()?, Activation::Silu);
    /// assert!("sigmod".parse::<Activation>().is_err());
    /// # Ok::<(), activation_lab::Error>(())
    /// ```
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let normalised: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let activation = match normalised.as_str() {
            "identity" | "linear" => Activation::Identity,
            "unit_step" | "heaviside" | "step" => Activation::UnitStep,
            "threshold" => Activation::Threshold,
            "sign" | "signum" => Activation::Sign,
            "piecewise_linear" | "piece_wise_linear" | "piecewise" | "piece_wise" => {
                Activation::PiecewiseLinear
            }
            "sigmoid" | "logistic" => Activation::Sigmoid,
            "tanh" | "hyperbolic_tangent" => Activation::Tanh,
            "relu" => Activation::Relu,
            "leaky_relu" | "leakyrelu" => Activation::LeakyRelu,
            "elu" => Activation::Elu,
            "softplus" => Activation::Softplus,
            "gelu" => Activation::Gelu,
            "silu" | "swish" => Activation::Silu,
            _ => {
                return Err(Error::UnknownName {
                    kind: "activation".to_string(),
                    name: name.to_string(),
                    expected: Activation::ALL.map(Activation::key).join(", "),
                });
            }
        };
        Ok(activation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_str_accepts_aliases_and_rejects_unknown_names() {
        for a in Activation::ALL {
            assert_eq!(a.key().parse::<Activation>().unwrap(), a);
            assert_eq!(a.key().to_uppercase().parse::<Activation>().unwrap(), a);
        }
        let aliases = [
            ("linear", Activation::Identity),
            ("Heaviside", Activation::UnitStep),
            ("step", Activation::UnitStep),
            ("unit-step", Activation::UnitStep),
            ("signum", Activation::Sign),
            ("piecewise", Activation::PiecewiseLinear),
            ("Piece-wise linear", Activation::PiecewiseLinear),
            ("logistic", Activation::Sigmoid),
            ("hyperbolic tangent", Activation::Tanh),
            ("LeakyReLU", Activation::LeakyRelu),
            ("leaky-relu", Activation::LeakyRelu),
            (" swish ", Activation::Silu),
        ];
        for (name, expected) in aliases {
            assert_eq!(name.parse::<Activation>().unwrap(), expected, "{name}");
        }
        let err = "sigmod".parse::<Activation>().unwrap_err();
        assert!(matches!(&err, Error::UnknownName { kind, name, .. }
            if kind == "activation" && name == "sigmod"));
        assert_eq!(
            err.to_string(),
            "unknown activation \"sigmod\": expected one of identity, unit_step, threshold, \
             sign, piecewise_linear, sigmoid, tanh, relu, leaky_relu, elu, softplus, gelu, silu"
        );
        assert!("".parse::<Activation>().is_err());
    }

    #[test]
    fn display_and_serde_use_the_key() {
        for a in Activation::ALL {
            assert_eq!(a.to_string(), a.key());
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.key()));
            assert_eq!(serde_json::from_str::<Activation>(&json).unwrap(), a);
        }
        assert_eq!(format!("{:>6}", Activation::Relu), "  relu");
    }
}
