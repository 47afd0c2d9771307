//! Every activation, its derivative and the scalar functions of the
//! prelude, at the edges of f64: finite input gives a finite answer, and
//! ±∞ gives the function's limit (never NaN).

use crate::cases::{Case, finite};
use activation_lab::prelude::*;

/// Finite inputs at the edges of f64 and of each function's regions.
const FINITE: [f64; 16] = [
    0.0,
    -0.0,
    5e-324,
    -5e-324,
    f64::MIN_POSITIVE,
    1e-300,
    1.0,
    -1.0,
    36.8,
    -36.8,
    709.8,
    -745.2,
    1e300,
    -1e300,
    f64::MAX,
    -f64::MAX,
];

type Scalar = fn(f64) -> f64;

pub fn cases(out: &mut Vec<Case>) {
    for act in Activation::ALL {
        for z in FINITE {
            finite(
                out,
                "activations",
                format!("{act:?}.value({z:e})"),
                move || Ok(act.value(z)),
            );
            finite(
                out,
                "activations",
                format!("{act:?}.derivative({z:e})"),
                move || Ok(act.derivative(z)),
            );
            finite(
                out,
                "activations",
                format!("{act:?}.derivative_given_output({z:e})"),
                move || Ok(act.derivative_given_output(z, act.value(z))),
            );
        }
        for z in [f64::INFINITY, f64::NEG_INFINITY] {
            // the limit: finite for bounded functions, ±∞ for unbounded ones,
            // never NaN
            finite(
                out,
                "activations",
                format!("{act:?}.value({z}) is its limit"),
                move || {
                    let v = act.value(z);
                    Ok(if v.is_nan() { f64::NAN } else { 0.0 })
                },
            );
            finite(
                out,
                "activations",
                format!("{act:?}.derivative({z}) is its limit"),
                move || Ok(act.derivative(z)),
            );
        }
        finite(
            out,
            "activations",
            format!("{act:?}.apply(edges)"),
            move || Ok(act.apply(&Array1::from(FINITE.to_vec()))),
        );
        finite(
            out,
            "activations",
            format!("{act:?}.derivative_array(edges)"),
            move || Ok(act.derivative_array(&Array1::from(FINITE.to_vec()))),
        );
        finite(
            out,
            "activations",
            format!("{act:?}.apply(empty)"),
            move || Ok(act.apply(&Array1::<f64>::zeros(0))),
        );
    }
    let scalar: [(&str, Scalar); 4] = [
        ("sigmoid", sigmoid),
        ("sigmoid_derivative", sigmoid_derivative),
        ("softplus", softplus),
        ("log_sigmoid", log_sigmoid),
    ];
    for (name, f) in scalar {
        for z in FINITE {
            // softplus(MAX) and log_sigmoid(-MAX) are ±MAX: finite
            finite(out, "activations", format!("{name}({z:e})"), move || {
                Ok(f(z))
            });
        }
        for z in [f64::INFINITY, f64::NEG_INFINITY] {
            finite(
                out,
                "activations",
                format!("{name}({z}) is its limit"),
                move || {
                    let v = f(z);
                    Ok(if v.is_nan() { f64::NAN } else { 0.0 })
                },
            );
        }
    }
    for z in FINITE {
        finite(
            out,
            "activations",
            format!("unit_step({z:e}) and threshold({z:e}, 0)"),
            move || Ok(vec![unit_step(z), threshold(z)]),
        );
    }
    finite(out, "activations", "catalogue and cheat sheets", || {
        let n = catalogue().len();
        let md = cheat_sheet_markdown();
        let html = cheat_sheet_html();
        Ok(
            if n == Activation::ALL.len() && !md.contains("NaN") && !html.contains("NaN") {
                0.0
            } else {
                f64::NAN
            },
        )
    });
    for name in ["", "relu ", "ReLU", "swish", "sigmoid\0", "🙂"] {
        crate::cases::either(
            out,
            "activations",
            format!("parse activation {name:?}"),
            &["activation", "sigmoid"],
            move || name.parse::<Activation>().map(|_| 0.0),
        );
    }
}
