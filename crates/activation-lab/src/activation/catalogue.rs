//! The cheat sheet's rows: [`ActivationInfo`] for every activation, in one
//! static table.

use super::kind::{Activation, ELU_ALPHA};

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

pub(super) static CATALOGUE: [ActivationInfo; 13] = [
    ActivationInfo {
        activation: Activation::Identity,
        name: "Linear (identity)",
        formula_latex: r"\phi(z) = z",
        formula_text: "φ(z) = z",
        derivative_latex: r"\phi'(z) = 1",
        derivative_text: "φ′(z) = 1",
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
        derivative_text: "φ′(z) = 0 for z ≠ 0, undefined at 0",
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
        derivative_text: "φ′(z) = 0 for z ≠ 0, undefined at 0",
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
        derivative_text: "φ′(z) = 0 for z ≠ 0, undefined at 0",
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
        derivative_text: "φ′(z) = 1 if −½ < z < ½, 0 if z < −½ or z > ½",
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
        formula_text: "σ(z) = 1 / (1 + e⁻ᶻ)",
        derivative_latex: r"\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)",
        derivative_text: "σ′(z) = σ(z)(1 − σ(z)), max 0.25 at z = 0",
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
        formula_text: "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)",
        derivative_latex: r"\tanh'(z) = 1 - \tanh^2(z)",
        derivative_text: "tanh′(z) = 1 − tanh²(z), max 1 at z = 0",
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
        derivative_text: "φ′(z) = 0 if z < 0, 1 if z > 0 (0 at z = 0 here)",
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
        derivative_text: "φ′(z) = α if z < 0, 1 if z > 0 (α at z = 0 here)",
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
        formula_text: "φ(z) = α(eᶻ − 1) if z ≤ 0, z if z > 0 (α = 1)",
        derivative_latex: r"\phi'(z) = \begin{cases} \alpha e^{z} & z \le 0 \\ 1 & z > 0 \end{cases}",
        derivative_text: "φ′(z) = αeᶻ = φ(z) + α if z ≤ 0, 1 if z > 0",
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
        formula_text: "φ(z) = ln(1 + eᶻ)",
        derivative_latex: r"\phi'(z) = \sigma(z) = \frac{1}{1 + e^{-z}}",
        derivative_text: "φ′(z) = σ(z)",
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
        derivative_text: "φ′(z) = Φ(z) + z·exp(−z²/2)/√(2π)",
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
        formula_text: "φ(z) = z·σ(z) = z / (1 + e⁻ᶻ)",
        derivative_latex: r"\phi'(z) = \sigma(z)\,\bigl(1 + z\,(1 - \sigma(z))\bigr)",
        derivative_text: "φ′(z) = σ(z)(1 + z(1 − σ(z)))",
        range: (-0.278_464_542_8, f64::INFINITY),
        range_text: "[≈ −0.28, ∞)",
        typical_use: "EfficientNet, YOLO; LLM feed-forward layers (SwiGLU in LLaMA)",
        kink_convention: None,
        in_original_table: false,
        note: "GELU with the logistic CDF σ in place of the normal Φ (Ramachandran et al., \
            2017, named it swish); minimum ≈ −0.278 at z ≈ −1.278.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::functions::{threshold, unit_step};
    use crate::activation::kind::LEAKY_RELU_SLOPE;
    use crate::activation::test_support::EXTREMES;

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
}
