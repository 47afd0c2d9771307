//! Activation functions: the non-linearity that makes a network more than
//! linear regression.
//!
//! A neuron first computes its net input `z = b + x·w`, a linear function of
//! the inputs; the activation `φ(z)` then bends it. Without that bend, any
//! stack of layers collapses to one linear map and the decision boundary
//! stays a straight line (a hyperplane); with a non-linear `φ` such as the
//! logistic sigmoid, a hidden layer can combine the weighted inputs
//! non-linearly and draw curved boundaries (half-moons, circles, XOR).
//!
//! This module holds the 7 functions of the article's cheat sheet, the
//! classifier's threshold rule, and 5 modern additions. [`catalogue`] is the
//! single source for the cheat-sheet tables ([`cheat_sheet_markdown`],
//! [`cheat_sheet_html`]) and figures.
//!
//! ```
//! use activation_lab::activation::{sigmoid, Activation};
//! assert_eq!(sigmoid(0.0), 0.5);
//! let relu: Activation = "relu".parse()?;
//! assert_eq!(relu.value(-2.0), 0.0);
//! assert_eq!(relu.derivative(3.0), 1.0);
//! # Ok::<(), activation_lab::Error>(())
//! ```
//!
//! Every function returns a finite number for every finite input, and NaN
//! for NaN (a diverged training run stays visible).

use std::fmt;
use std::str::FromStr;

use ndarray::{Array, ArrayBase, Data, DataMut, Dimension};

use crate::error::Error;

/// Slope `α` of [`Activation::LeakyRelu`] for `z < 0`.
pub const LEAKY_RELU_SLOPE: f64 = 0.01;

/// Scale `α` of [`Activation::Elu`]: the negative saturation level is `−α`.
pub const ELU_ALPHA: f64 = 1.0;

/// One activation function `φ`, applied to a net input `z`.
///
/// The first rows follow the article's cheat sheet; [`Activation::Threshold`]
/// (the classifier's rule) and the modern functions from
/// [`Activation::LeakyRelu`] on are additions. Serialised and displayed as
/// its [`key`](Activation::key), e.g. `"leaky_relu"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    /// Linear (identity): `φ(z) = z`.
    Identity,
    /// Unit step (Heaviside) as in the article's table: 0, 0.5 at `z = 0`, 1.
    UnitStep,
    /// The classifier's rule: 1 if `z ≥ 0`, else 0.
    Threshold,
    /// Sign (signum): −1, 0 at `z = 0`, 1.
    Sign,
    /// Piece-wise linear ramp from 0 at `z = −½` to 1 at `z = ½`.
    PiecewiseLinear,
    /// Logistic sigmoid `σ(z) = 1 / (1 + e^(−z))`.
    Sigmoid,
    /// Hyperbolic tangent.
    Tanh,
    /// Rectified linear unit `max(0, z)`.
    Relu,
    /// Leaky ReLU with slope [`LEAKY_RELU_SLOPE`] for `z < 0`.
    LeakyRelu,
    /// Exponential linear unit with `α =` [`ELU_ALPHA`].
    Elu,
    /// Softplus `ln(1 + e^z)`, a smooth ReLU.
    Softplus,
    /// Gaussian error linear unit `z·Φ(z)`: the exact form, not the tanh
    /// approximation; Φ is [`normal_cdf`] (relative error below 3e-14).
    Gelu,
    /// Sigmoid linear unit (swish) `z·σ(z)`.
    Silu,
}

impl Activation {
    /// Every activation: the article's table, the threshold rule next to the
    /// unit step, then the modern additions.
    pub const ALL: [Activation; 13] = [
        Activation::Identity,
        Activation::UnitStep,
        Activation::Threshold,
        Activation::Sign,
        Activation::PiecewiseLinear,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Elu,
        Activation::Softplus,
        Activation::Gelu,
        Activation::Silu,
    ];

    /// The activation's value `φ(z)`.
    ///
    /// Finite for every finite `z`; NaN for NaN. The formulas are in
    /// [`info`](Activation::info) and on each variant.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert_eq!(Activation::UnitStep.value(0.0), 0.5);
    /// assert_eq!(Activation::Threshold.value(0.0), 1.0);
    /// assert_eq!(Activation::Tanh.value(0.0), 0.0);
    /// ```
    pub fn value(self, z: f64) -> f64 {
        match self {
            Activation::Identity => z,
            Activation::UnitStep => unit_step(z),
            Activation::Threshold => threshold(z),
            Activation::Sign => sign(z),
            Activation::PiecewiseLinear => piecewise_linear(z),
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => z.tanh(),
            Activation::Relu => relu(z),
            Activation::LeakyRelu => leaky_relu(z),
            Activation::Elu => elu(z),
            Activation::Softplus => softplus(z),
            Activation::Gelu => gelu(z),
            Activation::Silu => silu(z),
        }
    }

    /// The derivative `φ'(z)`.
    ///
    /// Where `φ` has a kink or a jump the derivative is undefined; the value
    /// returned there is stated in
    /// [`ActivationInfo::kink_convention`] (ReLU: 0 at `z = 0`, as in
    /// PyTorch and scikit-learn). Finite for every finite `z`; NaN for NaN.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert_eq!(Activation::Sigmoid.derivative(0.0), 0.25);
    /// assert_eq!(Activation::Relu.derivative(0.0), 0.0);
    /// assert_eq!(Activation::UnitStep.derivative(1.0), 0.0);
    /// ```
    pub fn derivative(self, z: f64) -> f64 {
        if z.is_nan() {
            return z;
        }
        match self {
            Activation::Identity => 1.0,
            Activation::UnitStep | Activation::Threshold | Activation::Sign => 0.0,
            Activation::PiecewiseLinear => {
                if z > -0.5 && z < 0.5 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Sigmoid => sigmoid_derivative(z),
            Activation::Tanh => {
                // sech²(z) = 1/cosh²(z): no cancellation, never above 1; cosh overflow gives 0
                let c = z.cosh();
                1.0 / (c * c)
            }
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu => {
                if z > 0.0 {
                    1.0
                } else {
                    LEAKY_RELU_SLOPE
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    1.0
                } else {
                    ELU_ALPHA * z.exp()
                }
            }
            Activation::Softplus => sigmoid(z),
            // at ±∞ the products are ∞·0; their limits are 1 and 0
            Activation::Gelu | Activation::Silu if z.is_infinite() => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Gelu => normal_cdf(z) + z * normal_pdf(z),
            Activation::Silu => {
                // 1 − σ(z) = σ(−z), without cancellation for large z
                sigmoid(z) * (1.0 + z * sigmoid(-z))
            }
        }
    }

    /// The derivative `φ'(z)` given both `z` and the output `a = φ(z)`, as
    /// in backpropagation where `a` is already stored.
    ///
    /// ```text
    /// sigmoid: σ'(z) = a(1 − a)
    /// tanh:    tanh'(z) = 1 − a²
    /// ELU:     φ'(z) = a + α   for z ≤ 0
    /// others:  derivative(z)
    /// ```
    ///
    /// Agrees with [`derivative`](Activation::derivative) to within a few
    /// units of 1e-16 in absolute terms. Where `φ'` is tiny the relative
    /// agreement is lost, because `a` rounds to the saturation level (at
    /// `z = 40`, `σ(z)` is exactly 1 in f64, so `a(1 − a)` is 0 while
    /// `σ'(40) ≈ 4e-18`).
    ///
    /// ```
    /// use activation_lab::Activation;
    /// let s = Activation::Sigmoid;
    /// let z = 0.7;
    /// let a = s.value(z);
    /// assert!((s.derivative_given_output(z, a) - s.derivative(z)).abs() < 1e-16);
    /// ```
    pub fn derivative_given_output(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Elu if z <= 0.0 => a + ELU_ALPHA,
            _ => self.derivative(z),
        }
    }

    /// `φ` applied to every element; the same bits as [`value`](Activation::value)
    /// element by element.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// use ndarray::array;
    /// let z = array![[-1.0, 0.0], [2.0, 3.0]];
    /// assert_eq!(Activation::Relu.apply(&z), array![[0.0, 0.0], [2.0, 3.0]]);
    /// ```
    pub fn apply<S, D>(self, z: &ArrayBase<S, D>) -> Array<f64, D>
    where
        S: Data<Elem = f64>,
        D: Dimension,
    {
        z.mapv(|v| self.value(v))
    }

    /// `φ` applied to every element, in place.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// use ndarray::array;
    /// let mut z = array![-1.0, 0.0, 1.0];
    /// Activation::Sign.apply_inplace(&mut z);
    /// assert_eq!(z, array![-1.0, 0.0, 1.0]);
    /// Activation::Threshold.apply_inplace(&mut z);
    /// assert_eq!(z, array![0.0, 1.0, 1.0]);
    /// ```
    pub fn apply_inplace<S, D>(self, z: &mut ArrayBase<S, D>)
    where
        S: DataMut<Elem = f64>,
        D: Dimension,
    {
        z.mapv_inplace(|v| self.value(v));
    }

    /// `φ'` applied to every element; the same bits as
    /// [`derivative`](Activation::derivative) element by element.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// use ndarray::array;
    /// let z = array![-1.0, 0.0, 1.0];
    /// assert_eq!(Activation::Relu.derivative_array(&z), array![0.0, 0.0, 1.0]);
    /// ```
    pub fn derivative_array<S, D>(self, z: &ArrayBase<S, D>) -> Array<f64, D>
    where
        S: Data<Elem = f64>,
        D: Dimension,
    {
        z.mapv(|v| self.derivative(v))
    }

    /// The activation's row of the cheat sheet: name, formulas, range,
    /// typical use, kink convention.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// let info = Activation::Sigmoid.info();
    /// assert_eq!(info.name, "Logistic (sigmoid)");
    /// assert_eq!(info.range, (0.0, 1.0));
    /// ```
    pub fn info(self) -> &'static ActivationInfo {
        // CATALOGUE is in declaration order (checked by a test)
        &CATALOGUE[self as usize]
    }

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

    /// Whether gradient-based training makes sense: false for the unit
    /// step, the threshold rule and the sign function, whose derivative is
    /// 0 almost everywhere.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert!(Activation::Sigmoid.is_trainable());
    /// assert!(!Activation::UnitStep.is_trainable());
    /// ```
    pub fn is_trainable(self) -> bool {
        !matches!(
            self,
            Activation::UnitStep | Activation::Threshold | Activation::Sign
        )
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

/// One row of the cheat sheet: everything a table or a figure shows about
/// an activation. All rows live in one static table, [`catalogue`].
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ActivationInfo {
    /// The activation this row describes.
    pub activation: Activation,
    /// Display name, e.g. `"Logistic (sigmoid)"`.
    pub name: &'static str,
    /// `φ(z)` in LaTeX (no `$` delimiters, no `|`).
    pub formula_latex: &'static str,
    /// `φ(z)` as a plain Unicode one-liner for figures and terminals.
    pub formula_text: &'static str,
    /// `φ'(z)` in LaTeX (no `$` delimiters, no `|`).
    pub derivative_latex: &'static str,
    /// `φ'(z)` as a plain Unicode one-liner.
    pub derivative_text: &'static str,
    /// Bounds of the output, possibly infinite. Bounds are inclusive in
    /// f64 (σ rounds to exactly 0 or 1 for large `|z|`); the minima of GELU
    /// and SiLU are rounded outward.
    pub range: (f64, f64),
    /// The range as written in the table, e.g. `"(0, 1)"` or `"{0, 0.5, 1}"`.
    pub range_text: &'static str,
    /// Where the function is typically used.
    pub typical_use: &'static str,
    /// Where the derivative is undefined: what this crate returns, and why.
    /// `None` for smooth functions.
    pub kink_convention: Option<&'static str>,
    /// True for the 7 rows of the article's cheat sheet.
    pub in_original_table: bool,
    /// One sentence for teaching.
    pub note: &'static str,
}

/// Every activation's cheat-sheet row, in [`Activation::ALL`] order.
///
/// ```
/// use activation_lab::activation::catalogue;
/// let rows = catalogue();
/// assert_eq!(rows.len(), 13);
/// assert_eq!(rows.iter().filter(|r| r.in_original_table).count(), 7);
/// ```
pub fn catalogue() -> &'static [ActivationInfo] {
    &CATALOGUE
}

const STEP_KINK: &str = "the derivative is 0 everywhere except at z = 0, where the jump \
    leaves it undefined; this crate returns 0 there too";

static CATALOGUE: [ActivationInfo; 13] = [
    ActivationInfo {
        activation: Activation::Identity,
        name: "Linear (identity)",
        formula_latex: r"\phi(z) = z",
        formula_text: "φ(z) = z",
        derivative_latex: r"\phi'(z) = 1",
        derivative_text: "φ'(z) = 1",
        range: (f64::NEG_INFINITY, f64::INFINITY),
        range_text: "(−∞, ∞)",
        typical_use: "Adaline, linear regression",
        kink_convention: None,
        in_original_table: true,
        note: "Layers of identity units compose to one linear map, so such a network \
            is no more expressive than linear regression.",
    },
    ActivationInfo {
        activation: Activation::UnitStep,
        name: "Unit step (Heaviside)",
        formula_latex: r"\phi(z) = \begin{cases} 0 & z < 0 \\ 0.5 & z = 0 \\ 1 & z > 0 \end{cases}",
        formula_text: "φ(z) = 0 if z < 0, 0.5 if z = 0, 1 if z > 0",
        derivative_latex: r"\phi'(z) = 0 \quad (z \neq 0)",
        derivative_text: "φ'(z) = 0 for z ≠ 0, undefined at 0",
        range: (0.0, 1.0),
        range_text: "{0, 0.5, 1}",
        typical_use: "Perceptron variant",
        kink_convention: Some(STEP_KINK),
        in_original_table: true,
        note: "Its gradient is 0 almost everywhere, so gradient descent cannot train \
            through it; the perceptron uses its own update rule instead.",
    },
    ActivationInfo {
        activation: Activation::Threshold,
        name: "Threshold rule (classifier)",
        formula_latex: r"\phi(z) = \begin{cases} 0 & z < 0 \\ 1 & z \ge 0 \end{cases}",
        formula_text: "φ(z) = 0 if z < 0, 1 if z ≥ 0",
        derivative_latex: r"\phi'(z) = 0 \quad (z \neq 0)",
        derivative_text: "φ'(z) = 0 for z ≠ 0, undefined at 0",
        range: (0.0, 1.0),
        range_text: "{0, 1}",
        typical_use: "Class label from the net input (z ≥ 0, i.e. σ(z) ≥ 0.5)",
        kink_convention: Some(STEP_KINK),
        in_original_table: false,
        note: "The classifier's rule: class 1 when z ≥ 0, so 1 at z = 0, unlike the \
            table's unit step which gives 0.5.",
    },
    ActivationInfo {
        activation: Activation::Sign,
        name: "Sign (signum)",
        formula_latex: r"\phi(z) = \begin{cases} -1 & z < 0 \\ 0 & z = 0 \\ 1 & z > 0 \end{cases}",
        formula_text: "φ(z) = −1 if z < 0, 0 if z = 0, 1 if z > 0",
        derivative_latex: r"\phi'(z) = 0 \quad (z \neq 0)",
        derivative_text: "φ'(z) = 0 for z ≠ 0, undefined at 0",
        range: (-1.0, 1.0),
        range_text: "{−1, 0, 1}",
        typical_use: "Perceptron variant",
        kink_convention: Some(STEP_KINK),
        in_original_table: true,
        note: "Gives the labels −1 and 1 of Rosenblatt's perceptron; unlike Rust's \
            f64::signum, it returns 0 at z = 0.",
    },
    ActivationInfo {
        activation: Activation::PiecewiseLinear,
        name: "Piece-wise linear",
        formula_latex: r"\phi(z) = \begin{cases} 0 & z \le -\tfrac{1}{2} \\ z + \tfrac{1}{2} & -\tfrac{1}{2} \le z \le \tfrac{1}{2} \\ 1 & z \ge \tfrac{1}{2} \end{cases}",
        formula_text: "φ(z) = 0 if z ≤ −½, z + ½ if −½ ≤ z ≤ ½, 1 if z ≥ ½",
        derivative_latex: r"\phi'(z) = \begin{cases} 1 & -\tfrac{1}{2} < z < \tfrac{1}{2} \\ 0 & z < -\tfrac{1}{2} \text{ or } z > \tfrac{1}{2} \end{cases}",
        derivative_text: "φ'(z) = 1 if −½ < z < ½, 0 if z < −½ or z > ½",
        range: (0.0, 1.0),
        range_text: "[0, 1]",
        typical_use: "Support vector machine",
        kink_convention: Some(
            "at z = ±½ the one-sided slopes are 0 and 1; this crate returns 0 there \
            (1 only strictly inside, where the ramp rises, as ReLU returns 0 at its corner)",
        ),
        in_original_table: true,
        note: "A linear ramp clipped to [0, 1]: the simplest squashing function, with \
            flat regions where the gradient is 0.",
    },
    ActivationInfo {
        activation: Activation::Sigmoid,
        name: "Logistic (sigmoid)",
        formula_latex: r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        formula_text: "σ(z) = 1 / (1 + e^(−z))",
        derivative_latex: r"\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)",
        derivative_text: "σ'(z) = σ(z)(1 − σ(z)), max 0.25 at z = 0",
        range: (0.0, 1.0),
        range_text: "(0, 1)",
        typical_use: "Logistic regression, multilayer NN",
        kink_convention: None,
        in_original_table: true,
        note: "Squashes z into a probability P(y = 1 | x); its slope is at most 0.25 and \
            vanishes for large |z| (saturation), which slows the training of deep stacks.",
    },
    ActivationInfo {
        activation: Activation::Tanh,
        name: "Hyperbolic tangent",
        formula_latex: r"\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}",
        formula_text: "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
        derivative_latex: r"\tanh'(z) = 1 - \tanh^2(z)",
        derivative_text: "tanh'(z) = 1 − tanh²(z), max 1 at z = 0",
        range: (-1.0, 1.0),
        range_text: "(−1, 1)",
        typical_use: "Multilayer NN, RNNs",
        kink_convention: None,
        in_original_table: true,
        note: "A rescaled sigmoid, tanh(z) = 2σ(2z) − 1: zero-centred outputs and a slope \
            of up to 1 usually train hidden layers faster than σ.",
    },
    ActivationInfo {
        activation: Activation::Relu,
        name: "ReLU",
        formula_latex: r"\phi(z) = \max(0, z) = \begin{cases} 0 & z < 0 \\ z & z > 0 \end{cases}",
        formula_text: "φ(z) = max(0, z): 0 if z < 0, z if z > 0",
        derivative_latex: r"\phi'(z) = \begin{cases} 0 & z < 0 \\ 1 & z > 0 \end{cases}",
        derivative_text: "φ'(z) = 0 if z < 0, 1 if z > 0 (0 at z = 0 here)",
        range: (0.0, f64::INFINITY),
        range_text: "[0, ∞)",
        typical_use: "Multilayer NN, CNNs",
        kink_convention: Some(
            "at z = 0 the derivative is taken as 0 (as in PyTorch and scikit-learn)",
        ),
        in_original_table: true,
        note: "Cheap and not saturating for z > 0, so gradients pass through deep networks; \
            a unit whose z stays negative gets no gradient and stops learning (dying ReLU).",
    },
    ActivationInfo {
        activation: Activation::LeakyRelu,
        name: "Leaky ReLU",
        formula_latex: r"\phi(z) = \begin{cases} \alpha z & z < 0 \\ z & z \ge 0 \end{cases}, \quad \alpha = 0.01",
        formula_text: "φ(z) = αz if z < 0, z if z ≥ 0 (α = 0.01)",
        derivative_latex: r"\phi'(z) = \begin{cases} \alpha & z < 0 \\ 1 & z > 0 \end{cases}",
        derivative_text: "φ'(z) = α if z < 0, 1 if z > 0 (α at z = 0 here)",
        range: (f64::NEG_INFINITY, f64::INFINITY),
        range_text: "(−∞, ∞)",
        typical_use: "CNNs and GAN discriminators, where ReLU units die",
        kink_convention: Some(
            "at z = 0 the derivative is taken as α = 0.01, the left slope (as in PyTorch)",
        ),
        in_original_table: false,
        note: "A small slope α for z < 0 keeps a gradient flowing where ReLU would give \
            exactly 0.",
    },
    ActivationInfo {
        activation: Activation::Elu,
        name: "ELU",
        formula_latex: r"\phi(z) = \begin{cases} \alpha\,(e^{z} - 1) & z \le 0 \\ z & z > 0 \end{cases}, \quad \alpha = 1",
        formula_text: "φ(z) = α(e^z − 1) if z ≤ 0, z if z > 0 (α = 1)",
        derivative_latex: r"\phi'(z) = \begin{cases} \alpha e^{z} & z \le 0 \\ 1 & z > 0 \end{cases}",
        derivative_text: "φ'(z) = αe^z = φ(z) + α if z ≤ 0, 1 if z > 0",
        range: (-ELU_ALPHA, f64::INFINITY),
        range_text: "(−α, ∞) = (−1, ∞)",
        typical_use: "Deep feed-forward and convolutional networks",
        kink_convention: Some(
            "none needed with α = 1: both one-sided slopes at z = 0 are 1, so ELU is \
            differentiable there and the derivative returned is 1",
        ),
        in_original_table: false,
        note: "Saturates smoothly at −α for negative z, which pushes mean activations \
            towards 0 and can speed up learning (Clevert et al., 2015).",
    },
    ActivationInfo {
        activation: Activation::Softplus,
        name: "Softplus",
        formula_latex: r"\phi(z) = \ln\bigl(1 + e^{z}\bigr)",
        formula_text: "φ(z) = ln(1 + e^z)",
        derivative_latex: r"\phi'(z) = \sigma(z) = \frac{1}{1 + e^{-z}}",
        derivative_text: "φ'(z) = σ(z)",
        range: (0.0, f64::INFINITY),
        range_text: "(0, ∞)",
        typical_use: "Smooth ReLU; outputs that must be positive (scales, rates)",
        kink_convention: None,
        in_original_table: false,
        note: "A smooth ReLU whose derivative is the sigmoid; computed as \
            max(z, 0) + ln(1 + e^(−|z|)) so that it never overflows.",
    },
    ActivationInfo {
        activation: Activation::Gelu,
        name: "GELU",
        formula_latex: r"\phi(z) = z\,\Phi(z) = \frac{z}{2}\left(1 + \operatorname{erf}\frac{z}{\sqrt{2}}\right)",
        formula_text: "φ(z) = z·Φ(z), Φ = standard normal CDF",
        derivative_latex: r"\phi'(z) = \Phi(z) + \frac{z}{\sqrt{2\pi}}\,e^{-z^2/2}",
        derivative_text: "φ'(z) = Φ(z) + z·e^(−z²/2)/√(2π)",
        range: (-0.169_971_207_5, f64::INFINITY),
        range_text: "[≈ −0.17, ∞)",
        typical_use: "Transformers (BERT, GPT)",
        kink_convention: None,
        in_original_table: false,
        note: "Weights z by Φ(z), the probability that a standard normal variable is below z \
            (Hendrycks & Gimpel, 2016); smooth, and slightly negative for z < 0 (minimum ≈ −0.170 \
            at z ≈ −0.752).",
    },
    ActivationInfo {
        activation: Activation::Silu,
        name: "SiLU (swish)",
        formula_latex: r"\phi(z) = z\,\sigma(z) = \frac{z}{1 + e^{-z}}",
        formula_text: "φ(z) = z·σ(z) = z / (1 + e^(−z))",
        derivative_latex: r"\phi'(z) = \sigma(z)\,\bigl(1 + z\,(1 - \sigma(z))\bigr)",
        derivative_text: "φ'(z) = σ(z)(1 + z(1 − σ(z)))",
        range: (-0.278_464_542_8, f64::INFINITY),
        range_text: "[≈ −0.28, ∞)",
        typical_use: "EfficientNet, YOLO; LLM feed-forward layers (SwiGLU in LLaMA)",
        kink_convention: None,
        in_original_table: false,
        note: "GELU with the logistic CDF σ in place of the normal Φ (Ramachandran et al., \
            2017, named it swish); minimum ≈ −0.278 at z ≈ −1.278.",
    },
];

// ---------------------------------------------------------------------------
// scalar helpers
// ---------------------------------------------------------------------------

/// The logistic sigmoid, stable for every `z`.
///
/// ```text
/// σ(z) = 1 / (1 + e^(−z))      computed as
///        1 / (1 + e^(−z))      for z ≥ 0
///        e^z / (1 + e^z)       for z < 0   (e^(−z) would overflow)
/// ```
///
/// For `|z| > 37` the result rounds to exactly 1 (or underflows towards 0).
///
/// ```
/// use activation_lab::activation::sigmoid;
/// assert_eq!(sigmoid(0.0), 0.5);
/// assert!((sigmoid(2.0) + sigmoid(-2.0) - 1.0).abs() < 1e-15);
/// assert_eq!(sigmoid(-1e4), 0.0);
/// assert_eq!(sigmoid(1e4), 1.0);
/// ```
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// The derivative of the logistic sigmoid, stable for every `z`.
///
/// ```text
/// σ'(z) = σ(z)(1 − σ(z)) = 1 / (4 cosh²(z/2))      max 0.25 at z = 0
/// ```
///
/// The cosh form has no cancellation and, as `cosh ≥ 1`, never rounds
/// above 0.25.
///
/// ```
/// use activation_lab::activation::sigmoid_derivative;
/// assert_eq!(sigmoid_derivative(0.0), 0.25);
/// assert_eq!(sigmoid_derivative(3.0), sigmoid_derivative(-3.0));
/// assert_eq!(sigmoid_derivative(1e300), 0.0);
/// ```
pub fn sigmoid_derivative(z: f64) -> f64 {
    let c = (0.5 * z).cosh();
    0.25 / (c * c)
}

/// Softplus, stable for every `z`.
///
/// ```text
/// softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|))
/// ```
///
/// ```
/// use activation_lab::activation::softplus;
/// assert_eq!(softplus(0.0), std::f64::consts::LN_2);
/// assert_eq!(softplus(1e4), 1e4);
/// assert!(softplus(-50.0) > 0.0);
/// ```
pub fn softplus(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp().ln_1p()
}

/// The logarithm of the sigmoid, stable for every `z` (the building block of
/// a stable cross-entropy).
///
/// ```text
/// ln σ(z) = −softplus(−z) = −ln(1 + e^(−z))
/// ```
///
/// ```
/// use activation_lab::activation::log_sigmoid;
/// assert_eq!(log_sigmoid(0.0), -std::f64::consts::LN_2);
/// assert_eq!(log_sigmoid(-1e4), -1e4);
/// assert!(log_sigmoid(50.0) <= 0.0);
/// ```
pub fn log_sigmoid(z: f64) -> f64 {
    -softplus(-z)
}

/// The unit step (Heaviside) of the article's table: one half at 0.
///
/// ```text
///            ⎧ 0    z < 0
/// step(z) =  ⎨ 0.5  z = 0
///            ⎩ 1    z > 0
/// ```
///
/// ```
/// use activation_lab::activation::unit_step;
/// assert_eq!(unit_step(-3.0), 0.0);
/// assert_eq!(unit_step(0.0), 0.5);
/// assert_eq!(unit_step(1e-300), 1.0);
/// ```
pub fn unit_step(z: f64) -> f64 {
    if z > 0.0 {
        1.0
    } else if z < 0.0 {
        0.0
    } else if z == 0.0 {
        0.5
    } else {
        z
    }
}

/// The classifier's rule: class 1 when `z ≥ 0`, so 1 at `z = 0` (unlike
/// [`unit_step`], which gives 0.5 there).
///
/// ```text
///                 ⎧ 1  z ≥ 0
/// threshold(z) =  ⎨
///                 ⎩ 0  z < 0
/// ```
///
/// ```
/// use activation_lab::activation::threshold;
/// assert_eq!(threshold(0.0), 1.0);
/// assert_eq!(threshold(-1e-300), 0.0);
/// ```
pub fn threshold(z: f64) -> f64 {
    if z >= 0.0 {
        1.0
    } else if z < 0.0 {
        0.0
    } else {
        z
    }
}

/// The standard normal cumulative distribution function Φ, used by GELU.
///
/// ```text
/// Φ(z) = ½ (1 + erf(z / √2))
///      = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + z⁷/(3·5·7) + …)     |z| < 2    (Marsaglia, 2004)
/// 1 − Φ(t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …))))          t ≥ 2      (Mills ratio, continued fraction)
/// ```
///
/// No `erf` approximation is involved: both forms are summed to full double
/// precision, and the lower tail is computed directly, not as `1 − …`.
/// Against 50-digit references (mpmath, grids of step 0.001 to 0.01 over
/// `[−40, 40]`) the relative error is below 3e-14 wherever Φ(z) is a normal
/// f64 (`z > −37.5`): largest just above `z = −2`, where `½ + φ(z)·sum`
/// cancels, and below 3e-15 in the tails. Below `z = −37.5` the result is
/// subnormal (absolute error below 1e-320); it is exactly 0 below
/// `z = −40` and 1 above `z = 40`.
///
/// ```
/// use activation_lab::activation::normal_cdf;
/// assert_eq!(normal_cdf(0.0), 0.5);
/// assert!((normal_cdf(1.0) - 0.841_344_746_068_542_9).abs() < 1e-15);
/// assert!((normal_cdf(-10.0) / 7.619_853_024_160_526e-24 - 1.0).abs() < 1e-13);
/// ```
pub fn normal_cdf(z: f64) -> f64 {
    const SERIES_LIMIT: f64 = 2.0;
    if z.is_nan() {
        return z;
    }
    if z < -40.0 {
        return 0.0;
    }
    if z > 40.0 {
        return 1.0;
    }
    if z.abs() < SERIES_LIMIT {
        // Marsaglia: all terms of the sum share the sign of z, no cancellation inside it
        let z2 = z * z;
        let mut term = z;
        let mut sum = z;
        let mut k = 1.0;
        for _ in 0..200 {
            k += 2.0;
            term *= z2 / k;
            let next = sum + term;
            if next == sum {
                break;
            }
            sum = next;
        }
        0.5 + normal_pdf(z) * sum
    } else {
        let t = z.abs();
        let upper_tail = normal_pdf(t) / mills_continued_fraction(t);
        if z < 0.0 {
            upper_tail
        } else {
            1.0 - upper_tail
        }
    }
}

/// `t + 1/(t + 2/(t + 3/(t + …)))` by the modified Lentz algorithm; `t ≥ 2`
/// (about 100 steps at `t = 2`, 12 at `t = 10`).
fn mills_continued_fraction(t: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut f = t;
    let mut c = t;
    let mut d = 0.0;
    for n in 1..=500 {
        let a = f64::from(n);
        d = t + a * d;
        if d == 0.0 {
            d = TINY;
        }
        c = t + a / c;
        if c == 0.0 {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() <= f64::EPSILON / 2.0 {
            break;
        }
    }
    f
}

/// The standard normal density φ, accurate in the tails.
///
/// ```text
/// φ(z) = e^(−z²/2) / √(2π)
/// ```
///
/// `z²` is split as `h² + (z − h)(z + h)` with `h` the leading 26 bits of
/// `z`, so `h²` is exact and the rounding of `z²` does not grow into a
/// relative error of `z²·ε` in the tails.
///
/// ```
/// use activation_lab::activation::normal_pdf;
/// assert!((normal_pdf(0.0) - 0.398_942_280_401_432_7).abs() < 1e-16);
/// assert_eq!(normal_pdf(1e300), 0.0);
/// ```
pub fn normal_pdf(z: f64) -> f64 {
    const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;
    let z = z.abs();
    if z > 40.0 {
        // e^(−800) is below the smallest subnormal
        return 0.0;
    }
    let high = f64::from_bits(z.to_bits() & 0xFFFF_FFFF_F800_0000);
    let low = z - high;
    FRAC_1_SQRT_2PI * (-0.5 * high * high).exp() * (-0.5 * low * (z + high)).exp()
}

// the other activations, private: `Activation::value` is their public face

fn sign(z: f64) -> f64 {
    // f64::signum gives ±1 at ±0; the table's sign gives 0
    if z > 0.0 {
        1.0
    } else if z < 0.0 {
        -1.0
    } else if z == 0.0 {
        0.0
    } else {
        z
    }
}

fn piecewise_linear(z: f64) -> f64 {
    if z <= -0.5 {
        0.0
    } else if z >= 0.5 {
        1.0
    } else {
        z + 0.5
    }
}

fn relu(z: f64) -> f64 {
    // written out rather than z.max(0.0), which turns NaN into 0
    if z > 0.0 || z.is_nan() { z } else { 0.0 }
}

fn leaky_relu(z: f64) -> f64 {
    if z > 0.0 { z } else { LEAKY_RELU_SLOPE * z }
}

fn elu(z: f64) -> f64 {
    if z > 0.0 { z } else { ELU_ALPHA * z.exp_m1() }
}

/// `z·Φ(z)`; its limit 0 at −∞ (where the product would be `−∞·0`).
fn gelu(z: f64) -> f64 {
    if z == f64::NEG_INFINITY {
        return 0.0;
    }
    z * normal_cdf(z)
}

/// `z·σ(z)`; its limit 0 at −∞ (where the product would be `−∞·0`).
fn silu(z: f64) -> f64 {
    if z == f64::NEG_INFINITY {
        return 0.0;
    }
    z * sigmoid(z)
}

// ---------------------------------------------------------------------------
// cheat-sheet tables
// ---------------------------------------------------------------------------

const ADDITION_MARK: &str = "†";
const ADDITION_FOOTNOTE: &str = "not in the original table (the threshold rule is the \
    classifier's; the others are modern additions)";

/// The cheat sheet as a Markdown table (name, `φ(z)`, `φ'(z)`, range,
/// typical use), formulas as `$…$` LaTeX, which Jupyter renders as maths.
/// Rows not in the article's table are marked `†`, with a footnote.
///
/// ```
/// use activation_lab::activation::cheat_sheet_markdown;
/// let md = cheat_sheet_markdown();
/// assert!(md.starts_with("| Activation |"));
/// assert!(md.contains(r"| Logistic (sigmoid) | $\sigma(z) = \frac{1}{1 + e^{-z}}$ |"));
/// ```
pub fn cheat_sheet_markdown() -> String {
    let mut md = String::from(
        "| Activation | φ(z) | φ′(z) | Range | Typical use |\n|---|---|---|---|---|\n",
    );
    for info in catalogue() {
        let mark = if info.in_original_table {
            String::new()
        } else {
            format!(" {ADDITION_MARK}")
        };
        md.push_str(&format!(
            "| {}{} | ${}$ | ${}$ | {} | {} |\n",
            info.name,
            mark,
            markdown_cell(info.formula_latex),
            markdown_cell(info.derivative_latex),
            markdown_cell(info.range_text),
            markdown_cell(info.typical_use),
        ));
    }
    md.push_str(&format!("\n{ADDITION_MARK} {ADDITION_FOOTNOTE}\n"));
    md
}

/// The cheat sheet as an HTML `<table>` with the same content as
/// [`cheat_sheet_markdown`], formulas as `\( … \)` LaTeX for MathJax; for a
/// notebook's `text/html` output.
///
/// ```
/// use activation_lab::activation::cheat_sheet_html;
/// let html = cheat_sheet_html();
/// assert!(html.starts_with("<table>"));
/// assert_eq!(html.matches("<tr>").count(), 1 + 13);
/// ```
pub fn cheat_sheet_html() -> String {
    let mut html = String::from(
        "<table>\n<thead>\n<tr><th>Activation</th><th>φ(z)</th><th>φ′(z)</th>\
         <th>Range</th><th>Typical use</th></tr>\n</thead>\n<tbody>\n",
    );
    for info in catalogue() {
        let mark = if info.in_original_table {
            String::new()
        } else {
            format!(" <sup>{ADDITION_MARK}</sup>")
        };
        html.push_str(&format!(
            "<tr><td>{}{}</td><td>\\({}\\)</td><td>\\({}\\)</td><td>{}</td><td>{}</td></tr>\n",
            html_escape(info.name),
            mark,
            html_escape(info.formula_latex),
            html_escape(info.derivative_latex),
            html_escape(info.range_text),
            html_escape(info.typical_use),
        ));
    }
    html.push_str(&format!(
        "</tbody>\n</table>\n<p><sup>{ADDITION_MARK}</sup> {}</p>\n",
        html_escape(ADDITION_FOOTNOTE)
    ));
    html
}

/// A `|` would end the table cell; in LaTeX, `\vert` draws the same bar.
fn markdown_cell(text: &str) -> String {
    text.replace('|', r"\vert ")
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {

    #[test]
    fn gelu_and_silu_reach_their_limits_at_infinity() {
        for a in [Activation::Gelu, Activation::Silu] {
            assert_eq!(a.value(f64::NEG_INFINITY), 0.0, "{a:?}");
            assert_eq!(a.value(f64::INFINITY), f64::INFINITY, "{a:?}");
            assert_eq!(a.derivative(f64::NEG_INFINITY), 0.0, "{a:?}");
            assert_eq!(a.derivative(f64::INFINITY), 1.0, "{a:?}");
        }
    }

    use super::*;
    use ndarray::{Array2, array, s};

    const KINKS: [f64; 3] = [-0.5, 0.0, 0.5];

    const EXTREMES: [f64; 12] = [
        0.0,
        -0.0,
        1e4,
        -1e4,
        1e300,
        -1e300,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        745.2,
        -745.2,
    ];

    fn rel_err(a: f64, b: f64, floor: f64) -> f64 {
        let scale = a.abs().max(b.abs()).max(floor);
        (a - b).abs() / scale
    }

    /// z = −8, …, 8 in irregular steps, never within 0.01 of a kink.
    fn grid_away_from_kinks() -> Vec<f64> {
        (0..=1600)
            .map(|i| -8.0 + 0.01 * f64::from(i) + 0.003_7)
            .filter(|z| KINKS.iter().all(|k| (z - k).abs() > 0.01))
            .collect()
    }

    #[test]
    fn sigmoid_is_stable_at_large_magnitudes() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(1e4), 1.0);
        assert_eq!(sigmoid(-1e4), 0.0);
        assert_eq!(sigmoid(1e300), 1.0);
        assert_eq!(sigmoid(-1e300), 0.0);
        assert_eq!(sigmoid(f64::MAX), 1.0);
        assert_eq!(sigmoid(f64::MIN), 0.0);
        assert_eq!(sigmoid(f64::MIN_POSITIVE), 0.5);
        // still positive deep in the tail (subnormal), not rounded to 0 early
        assert!(sigmoid(-745.0) > 0.0);
        assert!(sigmoid(-40.0) > 0.0);
    }

    #[test]
    fn sigmoid_matches_reference_values() {
        // references from mpmath (50 digits), rounded to f64
        let cases = [
            (-745.0, 5e-324),
            (-40.0, 4.248_354_255_291_589e-18),
            (-30.0, 9.357_622_968_839_299e-14),
            (-5.0, 0.006_692_850_924_284_855_6),
            (-1.0, 0.268_941_421_369_995_1),
            (0.5, 0.622_459_331_201_854_6),
            (1.0, 0.731_058_578_630_004_9),
            (5.0, 0.993_307_149_075_715),
            (30.0, 0.999_999_999_999_906_4),
        ];
        for (z, expected) in cases {
            let got = sigmoid(z);
            if expected < 1e-300 {
                assert!((got - expected).abs() <= 5e-324, "σ({z}) = {got}");
            } else {
                assert!(rel_err(got, expected, 0.0) < 1e-14, "σ({z}) = {got}");
            }
        }
    }

    #[test]
    fn sigmoid_derivative_peaks_at_a_quarter() {
        assert_eq!(sigmoid_derivative(0.0), 0.25);
        for z in grid_away_from_kinks() {
            let d = sigmoid_derivative(z);
            assert!(d > 0.0 && d < 0.25, "σ'({z}) = {d}");
            assert_eq!(d, sigmoid_derivative(-z));
        }
        // relative accuracy where σ(1 − σ) would cancel: σ'(30) = e^(−30)/(1 + e^(−30))²
        let expected = 9.357_622_968_838_423e-14;
        assert!(rel_err(sigmoid_derivative(30.0), expected, 0.0) < 1e-14);
    }

    #[test]
    fn softplus_and_log_sigmoid_are_stable() {
        assert_eq!(softplus(0.0), std::f64::consts::LN_2);
        assert_eq!(softplus(1e300), 1e300);
        assert_eq!(softplus(f64::MAX), f64::MAX);
        assert_eq!(softplus(-1e300), 0.0);
        assert!(softplus(-700.0) > 0.0);
        // ln(1 + e^(−40)) = e^(−40) to 17 digits
        assert!(rel_err(softplus(-40.0), 4.248_354_255_291_589e-18, 0.0) < 1e-14);
        assert_eq!(log_sigmoid(-1e300), -1e300);
        assert_eq!(log_sigmoid(f64::MIN), f64::MIN);
        assert_eq!(log_sigmoid(1e300), 0.0);
        assert!(rel_err(log_sigmoid(40.0), -4.248_354_255_291_589e-18, 0.0) < 1e-14);
        for z in grid_away_from_kinks() {
            // ln σ(z) is accurate where σ(z) < ½; ln(1 + e^(−z)) elsewhere
            let reference = if z < 0.0 {
                sigmoid(z).ln()
            } else {
                -(-z).exp().ln_1p()
            };
            assert!(rel_err(log_sigmoid(z), reference, 0.0) < 1e-14, "z = {z}");
        }
    }

    #[test]
    fn unit_step_is_half_at_zero_but_threshold_is_one() {
        assert_eq!(unit_step(0.0), 0.5);
        assert_eq!(unit_step(-0.0), 0.5);
        assert_eq!(threshold(0.0), 1.0);
        assert_eq!(threshold(-0.0), 1.0);
        for z in [-2.0, -f64::MIN_POSITIVE] {
            assert_eq!(unit_step(z), 0.0);
            assert_eq!(threshold(z), 0.0);
        }
        for z in [f64::MIN_POSITIVE, 2.0] {
            assert_eq!(unit_step(z), 1.0);
            assert_eq!(threshold(z), 1.0);
        }
        assert_eq!(Activation::UnitStep.value(0.0), 0.5);
        assert_eq!(Activation::Threshold.value(0.0), 1.0);
    }

    #[test]
    fn sign_is_zero_at_zero_unlike_f64_signum() {
        let sign = Activation::Sign;
        assert_eq!(sign.value(0.0), 0.0);
        assert_eq!(sign.value(-0.0), 0.0);
        assert_eq!(0.0_f64.signum(), 1.0);
        assert_eq!(sign.value(-3.0), -1.0);
        assert_eq!(sign.value(f64::MIN_POSITIVE), 1.0);
    }

    #[test]
    fn piecewise_linear_follows_the_table() {
        let pl = Activation::PiecewiseLinear;
        let cases = [
            (-1.0, 0.0),
            (-0.5, 0.0),
            (-0.25, 0.25),
            (0.0, 0.5),
            (0.25, 0.75),
            (0.5, 1.0),
            (3.0, 1.0),
        ];
        for (z, expected) in cases {
            assert_eq!(pl.value(z), expected, "z = {z}");
        }
        // derivative: 1 strictly inside, 0 outside and at the corners
        assert_eq!(pl.derivative(0.0), 1.0);
        assert_eq!(pl.derivative(0.499), 1.0);
        assert_eq!(pl.derivative(-0.5), 0.0);
        assert_eq!(pl.derivative(0.5), 0.0);
        assert_eq!(pl.derivative(-0.7), 0.0);
    }

    #[test]
    fn kink_conventions_match_the_catalogue() {
        assert_eq!(Activation::Relu.derivative(0.0), 0.0);
        assert_eq!(Activation::Relu.derivative(-0.0), 0.0);
        assert_eq!(Activation::LeakyRelu.derivative(0.0), LEAKY_RELU_SLOPE);
        assert_eq!(Activation::Elu.derivative(0.0), 1.0);
        for step in [
            Activation::UnitStep,
            Activation::Threshold,
            Activation::Sign,
        ] {
            assert_eq!(step.derivative(0.0), 0.0);
        }
        let smooth = [
            Activation::Identity,
            Activation::Sigmoid,
            Activation::Tanh,
            Activation::Softplus,
            Activation::Gelu,
            Activation::Silu,
        ];
        for a in Activation::ALL {
            assert_eq!(
                a.info().kink_convention.is_none(),
                smooth.contains(&a),
                "{a}"
            );
        }
    }

    #[test]
    fn elu_is_continuous_and_differentiable_at_zero() {
        let elu = Activation::Elu;
        let h = 1e-9;
        assert_eq!(elu.value(0.0), 0.0);
        assert!((elu.value(-h) + h).abs() < 1e-17);
        assert!(((elu.value(h) - elu.value(-h)) / (2.0 * h) - 1.0).abs() < 1e-6);
        assert_eq!(elu.value(-1e300), -ELU_ALPHA);
        assert_eq!(elu.derivative(-1e300), 0.0);
    }

    #[test]
    fn normal_cdf_matches_reference_values() {
        // references from mpmath (50 digits), rounded to f64
        let cases = [
            (-30.0, 4.906_713_927_148_187e-198),
            (-20.0, 2.753_624_118_606_233_7e-89),
            (-10.0, 7.619_853_024_160_526e-24),
            (-8.0, 6.220_960_574_271_784e-16),
            (-5.0, 2.866_515_718_791_939e-7),
            (-3.5, 2.326_290_790_355_250_4e-4),
            (-3.0, 1.349_898_031_630_094_5e-3),
            (-2.9, 1.865_813_300_384_038e-3),
            (-2.0, 0.022_750_131_948_179_21),
            (-1.0, 0.158_655_253_931_457_05),
            (-0.5, 0.308_537_538_725_986_9),
            (-1e-8, 0.499_999_996_010_577_2),
            (0.0, 0.5),
            (0.3, 0.617_911_422_188_952_6),
            (1.0, 0.841_344_746_068_542_9),
            (2.5, 0.993_790_334_674_224),
            (3.0, 0.998_650_101_968_369_9),
            (3.5, 0.999_767_370_920_964_5),
            (5.0, 0.999_999_713_348_428_1),
            (8.0, 0.999_999_999_999_999_4),
        ];
        for (z, expected) in cases {
            let got = normal_cdf(z);
            assert!(
                rel_err(got, expected, 0.0) < 5e-14,
                "Φ({z}) = {got:e}, expected {expected:e}, rel err {:e}",
                rel_err(got, expected, 0.0)
            );
        }
        // subnormal: only absolute accuracy is possible
        assert!((normal_cdf(-38.0) - 2.885_428_35e-316).abs() < 1e-320);
        assert_eq!(normal_cdf(-1e300), 0.0);
        assert_eq!(normal_cdf(1e300), 1.0);
    }

    #[test]
    fn normal_cdf_is_continuous_where_the_method_changes() {
        for edge in [-2.0_f64, 2.0] {
            let below = normal_cdf(edge.next_down());
            let at = normal_cdf(edge);
            assert!(
                rel_err(below, at, 0.0) < 1e-14,
                "at {edge}: {below} vs {at}"
            );
        }
    }

    #[test]
    fn normal_cdf_is_symmetric_and_monotone() {
        let zs: Vec<f64> = (0..=1000).map(|i| f64::from(i) * 0.01).collect();
        for &z in &zs {
            assert!(
                (normal_cdf(z) + normal_cdf(-z) - 1.0).abs() <= f64::EPSILON,
                "z = {z}"
            );
        }
        for pair in zs.windows(2) {
            assert!(normal_cdf(pair[0]) <= normal_cdf(pair[1]), "at {}", pair[0]);
            assert!(
                normal_cdf(-pair[1]) <= normal_cdf(-pair[0]),
                "at {}",
                -pair[1]
            );
        }
    }

    #[test]
    fn gelu_matches_reference_values() {
        let gelu = Activation::Gelu;
        // (z, GELU(z), GELU'(z)), references from mpmath (50 digits), rounded to f64
        let cases = [
            (
                -30.0,
                -1.472_014_178_144_456e-196,
                -4.416_031_690_708_495e-195,
            ),
            (
                -10.0,
                -7.619_853_024_160_526e-23,
                -7.618_400_096_464_814e-22,
            ),
            (
                -3.0,
                -0.004_049_694_094_890_283_6,
                -0.011_945_647_204_183_927,
            ),
            (-1.0, -0.158_655_253_931_457_05, -0.083_315_470_587_686_3),
            (-0.5, -0.154_268_769_362_993_45, 0.132_504_875_343_837_16),
            (0.5, 0.345_731_230_637_006_55, 0.867_495_124_656_162_8),
            (1.0, 0.841_344_746_068_542_9, 1.083_315_470_587_686_3),
            (3.0, 2.995_950_305_905_11, 1.011_945_647_204_184),
            (10.0, 10.0, 1.0),
        ];
        for (z, value, derivative) in cases {
            assert!(rel_err(gelu.value(z), value, 0.0) < 1e-13, "GELU({z})");
            assert!(
                rel_err(gelu.derivative(z), derivative, 0.0) < 1e-13,
                "GELU'({z})"
            );
        }
        // minimum ≈ −0.16997 at z ≈ −0.75179, inside the catalogue's range
        let min = gelu.value(-0.751_791_524_693_564_5);
        assert!((min + 0.169_971_207_479_903_66).abs() < 1e-15);
        assert!(min >= gelu.info().range.0);
    }

    #[test]
    fn derivatives_match_central_differences_away_from_kinks() {
        // five-point central difference, h = 1e-3: truncation ~h⁴, rounding ~ε/h
        let h = 1e-3;
        for a in Activation::ALL {
            for z in grid_away_from_kinks() {
                let f = |x: f64| a.value(x);
                let numeric = (f(z - 2.0 * h) - 8.0 * f(z - h) + 8.0 * f(z + h) - f(z + 2.0 * h))
                    / (12.0 * h);
                let analytic = a.derivative(z);
                let err = rel_err(numeric, analytic, 1e-6);
                assert!(
                    err < 1e-6,
                    "{a}'({z}): analytic {analytic:e}, numeric {numeric:e}, rel err {err:e}"
                );
            }
        }
    }

    #[test]
    fn derivative_given_output_matches_derivative() {
        let mut zs = grid_away_from_kinks();
        zs.extend(EXTREMES);
        zs.extend([-0.5, 0.5, 40.0, -40.0]);
        for a in Activation::ALL {
            for &z in &zs {
                let d = a.derivative(z);
                let d_given = a.derivative_given_output(z, a.value(z));
                assert!(
                    (d - d_given).abs() <= 4.0 * f64::EPSILON * d.abs().max(1.0),
                    "{a} at {z}: {d:e} vs {d_given:e}"
                );
            }
        }
    }

    #[test]
    fn every_activation_is_finite_for_extreme_inputs() {
        for a in Activation::ALL {
            for z in EXTREMES {
                let v = a.value(z);
                let d = a.derivative(z);
                assert!(v.is_finite(), "{a}({z}) = {v}");
                assert!(d.is_finite(), "{a}'({z}) = {d}");
                assert!(a.derivative_given_output(z, v).is_finite(), "{a} at {z}");
            }
        }
        for z in EXTREMES {
            for f in [
                sigmoid,
                sigmoid_derivative,
                softplus,
                log_sigmoid,
                normal_cdf,
                normal_pdf,
            ] {
                assert!(f(z).is_finite(), "at {z}");
            }
        }
    }

    #[test]
    fn nan_propagates_through_value_and_derivative() {
        for a in Activation::ALL {
            assert!(a.value(f64::NAN).is_nan(), "{a}");
            assert!(a.derivative(f64::NAN).is_nan(), "{a}'");
        }
        for f in [
            sigmoid,
            softplus,
            log_sigmoid,
            unit_step,
            threshold,
            normal_cdf,
        ] {
            assert!(f(f64::NAN).is_nan());
        }
    }

    #[test]
    fn ranges_hold_on_a_grid() {
        let mut zs: Vec<f64> = (-4000..=4000).map(|i| f64::from(i) * 0.01).collect();
        zs.extend(EXTREMES);
        zs.extend([-0.751_791_524_693_564_5, -1.278_464_542_761_074]);
        for a in Activation::ALL {
            let (low, high) = a.info().range;
            for &z in &zs {
                let v = a.value(z);
                assert!(
                    low <= v && v <= high,
                    "{a}({z}) = {v} outside {low}..{high}"
                );
            }
        }
        // discrete ranges take only the listed values
        for z in [-1.0, 0.0, 1.0] {
            assert!([0.0, 0.5, 1.0].contains(&unit_step(z)));
            assert!([0.0, 1.0].contains(&threshold(z)));
            assert!([-1.0, 0.0, 1.0].contains(&Activation::Sign.value(z)));
        }
    }

    #[test]
    fn apply_matches_value_elementwise() {
        let z = Array2::from_shape_fn((7, 5), |(i, j)| {
            let k = i * 5 + j;
            if k < EXTREMES.len() {
                EXTREMES[k]
            } else {
                (k as f64 - 20.0) * 0.37
            }
        });
        let strided = z.slice(s![..;2, ..;-1]);
        for a in Activation::ALL {
            for input in [z.view(), strided, z.t()] {
                let applied = a.apply(&input);
                let derived = a.derivative_array(&input);
                let mut in_place = input.to_owned();
                a.apply_inplace(&mut in_place);
                assert_eq!(applied.shape(), input.shape());
                for (idx, &v) in input.indexed_iter() {
                    assert_eq!(applied[idx].to_bits(), a.value(v).to_bits(), "{a}");
                    assert_eq!(in_place[idx].to_bits(), a.value(v).to_bits(), "{a}");
                    assert_eq!(derived[idx].to_bits(), a.derivative(v).to_bits(), "{a}'");
                }
            }
        }
        assert_eq!(Activation::Relu.apply(&array![-1.0, 2.0]), array![0.0, 2.0]);
    }

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

    #[test]
    fn catalogue_is_in_all_order_and_complete() {
        let rows = catalogue();
        assert_eq!(rows.len(), Activation::ALL.len());
        for (row, a) in rows.iter().zip(Activation::ALL) {
            assert_eq!(row.activation, a);
            assert!(std::ptr::eq(a.info(), row));
            for text in [
                row.name,
                row.formula_latex,
                row.formula_text,
                row.derivative_latex,
                row.derivative_text,
                row.range_text,
                row.typical_use,
                row.note,
            ] {
                assert!(!text.is_empty(), "{a}");
            }
            assert!(!row.formula_latex.contains('|'), "{a}");
            assert!(!row.derivative_latex.contains('|'), "{a}");
            assert!(row.range.0 < row.range.1, "{a}");
        }
        let originals: Vec<Activation> = rows
            .iter()
            .filter(|r| r.in_original_table)
            .map(|r| r.activation)
            .collect();
        assert_eq!(
            originals,
            [
                Activation::Identity,
                Activation::UnitStep,
                Activation::Sign,
                Activation::PiecewiseLinear,
                Activation::Sigmoid,
                Activation::Tanh,
                Activation::Relu,
            ]
        );
        let mut keys: Vec<&str> = Activation::ALL.iter().map(|a| a.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 13);
    }

    #[test]
    fn is_trainable_only_excludes_the_step_functions() {
        let untrainable: Vec<Activation> = Activation::ALL
            .into_iter()
            .filter(|a| !a.is_trainable())
            .collect();
        assert_eq!(
            untrainable,
            [
                Activation::UnitStep,
                Activation::Threshold,
                Activation::Sign
            ]
        );
    }

    #[test]
    fn markdown_table_has_a_row_per_activation() {
        let md = cheat_sheet_markdown();
        let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| ")).skip(1).collect();
        assert_eq!(rows.len(), 13);
        for (row, info) in rows.iter().zip(catalogue()) {
            // five cells: six bars, none inside the LaTeX
            assert_eq!(row.matches('|').count(), 6, "{row}");
            assert!(row.starts_with(&format!("| {}", info.name)), "{row}");
            assert_eq!(row.contains('†'), !info.in_original_table, "{row}");
            assert!(row.contains(&format!("${}$", info.formula_latex)), "{row}");
            assert!(row.contains(info.typical_use), "{row}");
        }
        assert!(
            md.lines()
                .any(|l| l.starts_with("† not in the original table"))
        );
    }

    #[test]
    fn markdown_cells_escape_bars() {
        assert_eq!(markdown_cell(r"|z|"), r"\vert z\vert ");
    }

    #[test]
    fn html_table_has_a_row_per_activation_and_escapes_markup() {
        let html = cheat_sheet_html();
        assert!(html.starts_with("<table>"));
        assert_eq!(html.matches("<tr>").count(), 14);
        assert_eq!(html.matches("</tr>").count(), 14);
        assert_eq!(html.matches("<sup>†</sup>").count(), 6 + 1);
        for info in catalogue() {
            assert!(html.contains(&html_escape(info.name)), "{}", info.name);
        }
        // "z < 0" and "&" column separators of cases are escaped
        assert!(html.contains(r"0 &amp; z &lt; 0"));
        assert!(!html.contains(" < "));
        assert!(html.contains(r"\(\sigma(z) = \frac{1}{1 + e^{-z}}\)"));
    }
}
