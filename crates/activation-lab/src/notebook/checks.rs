//! The self-checks of the exercises, one per kind of answer.

use std::fmt;

use super::answer::Answer;
use super::report::{Outcome, num, number_hint, percent, report};

/// Prints `PASS name` when `ok` holds, else `FAIL name` with a hint, and
/// returns whether it passed; an unanswered `ok` prints `not answered yet`.
///
/// For statements that need no answer from the student, such as the claims
/// the notebooks make about their figures. An exercise's check should say
/// more than "the condition is false": use [`check_eq`] or [`check_that`],
/// which print the student's answer and a specific hint.
///
/// ```text
/// FAIL two is odd: got false, expected true
///       hint: the statement checked here does not hold: run the cells above again …
/// ```
///
/// ```
/// use activation_lab::notebook::check;
/// assert!(check("σ(0) is one half", activation_lab::activation::sigmoid(0.0) == 0.5));
/// assert!(!check("two is odd", 2 % 2 == 1));
/// ```
pub fn check(name: &str, ok: impl Into<Answer<bool>>) -> bool {
    let hint = "the statement checked here does not hold: run the cells above again, from the \
                top, and compare your changes with the text";
    let outcome = match ok.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: "replace unanswered() with true or false".to_string(),
        },
        Answer::Given(true) => Outcome::Pass(String::new()),
        Answer::Given(false) => Outcome::Fail {
            detail: "got false, expected true".to_string(),
            hint: hint.to_string(),
        },
    };
    report(name, outcome)
}

/// Passes when `|got − expected| ≤ tolerance` (an absolute tolerance; NaN
/// never passes), printing the difference, or on failure what it got, what
/// it expected and by how much it is off.
///
/// For numbers computed to machine precision or expected near zero; for a
/// number the student rounds by hand use [`check_relative`].
///
/// ```text
/// PASS σ(2): |got − expected| = 0.0e0 ≤ 1.0e-12
/// FAIL one third: got 0.3, expected 0.3333333333333333 (|difference| = 3.3e-2 > 1.0e-4)
///       hint: your value is 0.033 too small: compare your formula with the text above
/// ```
///
/// ```
/// use activation_lab::notebook::check_close;
/// assert!(check_close("one third", 1.0 / 3.0, 0.3333, 1e-4));
/// assert!(!check_close("one third", 0.3, 1.0 / 3.0, 1e-4));
/// assert!(!check_close("not a number", f64::NAN, 0.0, 1.0));
/// ```
pub fn check_close(name: &str, got: impl Into<Answer<f64>>, expected: f64, tolerance: f64) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: "replace unanswered() with your number".to_string(),
        },
        Answer::Given(got) => {
            let diff = (got - expected).abs();
            if diff <= tolerance || got == expected {
                Outcome::Pass(format!("|got − expected| = {diff:.1e} ≤ {tolerance:.1e}"))
            } else {
                Outcome::Fail {
                    detail: format!(
                        "got {}, expected {} (|difference| = {diff:.1e} > {tolerance:.1e})",
                        num(got),
                        num(expected)
                    ),
                    hint: number_hint(got, expected),
                }
            }
        }
    };
    report(name, outcome)
}

/// Passes when the answer equals `expected` exactly: for counts, classes,
/// `true`/`false` answers and other values that are either right or wrong.
///
/// ```text
/// FAIL classes of z = (−2, 0, 3): got [0.0, 0.0, 1.0], expected [0.0, 1.0, 1.0]
///       hint: the threshold rule puts z = 0 in class 1
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let hint = "the threshold rule puts z = 0 in class 1";
/// assert!(check_eq("classes", [0.0, 1.0, 1.0], [0.0, 1.0, 1.0], hint));
/// assert!(!check_eq("classes", [0.0, 0.0, 1.0], [0.0, 1.0, 1.0], hint));
/// assert!(!check_eq("collapses", unanswered(), false, "try it"));
/// ```
pub fn check_eq<T: PartialEq + fmt::Debug>(
    name: &str,
    got: impl Into<Answer<T>>,
    expected: T,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) if got == expected => Outcome::Pass(format!("got {got:?}")),
        Answer::Given(got) => Outcome::Fail {
            detail: format!("got {got:?}, expected {expected:?}"),
            hint: hint.to_string(),
        },
    };
    report(name, outcome)
}

/// Passes when the answer is within `relative` of `expected`, relative to
/// `|expected|`: `|got − expected| ≤ relative·|expected|`. For numbers
/// the student rounds by hand: `relative = 1e-3` accepts any answer with
/// four significant digits (ln 9 = 2.197…: 2.197 passes, 2.2 does not).
///
/// An expected value of 0 accepts only 0; use [`check_close`] near zero.
/// NaN never passes.
///
/// ```text
/// FAIL σ(z) = 0.9: got 2.2, expected 2.1972245773362196 (off by 0.13 %, allowed 0.1 %)
///       hint: invert the formula: z = ln(p / (1 − p))
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let z_90 = (0.9f64 / 0.1).ln();
/// let hint = "invert the formula: z = ln(p / (1 − p))";
/// assert!(check_relative("σ(z) = 0.9", 2.197, z_90, 1e-3, hint));
/// assert!(!check_relative("σ(z) = 0.9", 2.2, z_90, 1e-3, hint));
/// assert!(!check_relative("σ(z) = 0.9", f64::NAN, z_90, 1e-3, hint));
/// ```
pub fn check_relative(
    name: &str,
    got: impl Into<Answer<f64>>,
    expected: f64,
    relative: f64,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) => {
            let diff = (got - expected).abs();
            let allowed = relative * expected.abs();
            if got == expected || diff <= allowed {
                Outcome::Pass(format!(
                    "got {} (expected {} ± {})",
                    num(got),
                    num(expected),
                    percent(relative)
                ))
            } else {
                let off = if expected == 0.0 || diff.is_nan() {
                    format!("|difference| = {diff:.1e}")
                } else {
                    format!("off by {}", percent(diff / expected.abs()))
                };
                Outcome::Fail {
                    detail: format!(
                        "got {}, expected {} ({off}, allowed {})",
                        num(got),
                        num(expected),
                        percent(relative)
                    ),
                    hint: hint.to_string(),
                }
            }
        }
    };
    report(name, outcome)
}

/// Passes when `low ≤ answer ≤ high`: for estimates checked against a band,
/// and for accuracies or losses the answer must reach. NaN never passes.
///
/// ```text
/// FAIL best straight line on circles: got 0.5, expected between 0.64 and 0.72
///       hint: a line can keep the inner disc on one side and cut off a cap of the ring
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let hint = "more hidden units";
/// assert!(check_between("accuracy", 0.98, 0.97, 1.0, hint));
/// assert!(!check_between("accuracy", 0.5, 0.97, 1.0, hint));
/// assert!(!check_between("accuracy", f64::NAN, 0.97, 1.0, hint));
/// ```
pub fn check_between(
    name: &str,
    got: impl Into<Answer<f64>>,
    low: f64,
    high: f64,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) if (low..=high).contains(&got) => Outcome::Pass(format!(
            "got {} (expected {} to {})",
            num(got),
            num(low),
            num(high)
        )),
        Answer::Given(got) => Outcome::Fail {
            detail: format!(
                "got {}, expected between {} and {}",
                num(got),
                num(low),
                num(high)
            ),
            hint: hint.to_string(),
        },
    };
    report(name, outcome)
}

/// Passes when the answer holds exactly the items of `expected`, in any
/// order (repeats do not count); on failure it names the missing items and
/// those that do not belong.
///
/// ```text
/// FAIL bounded activations: got ["sigmoid", "tanh", "relu"], expected 3 items (missing: ["sign"]; should not be there: ["relu"])
///       hint: bounded means neither end of the range is ∞
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let hint = "read the range column";
/// assert!(check_set("bounded", ["tanh", "sigmoid"], ["sigmoid", "tanh"], hint));
/// assert!(!check_set("bounded", vec!["tanh"], ["sigmoid", "tanh"], hint));
/// assert!(!check_set("bounded", ["tanh", "sigmoid", "relu"], ["sigmoid", "tanh"], hint));
/// ```
pub fn check_set<T: PartialEq + fmt::Debug>(
    name: &str,
    got: impl Into<Answer<Vec<T>>>,
    expected: impl IntoIterator<Item = T>,
    hint: &str,
) -> bool {
    let expected: Vec<T> = expected.into_iter().collect();
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) => {
            let missing: Vec<&T> = unique(&expected)
                .into_iter()
                .filter(|e| !got.contains(e))
                .collect();
            let extra: Vec<&T> = unique(&got)
                .into_iter()
                .filter(|g| !expected.contains(g))
                .collect();
            if missing.is_empty() && extra.is_empty() {
                Outcome::Pass(format!("got {got:?}"))
            } else {
                let n = unique(&expected).len();
                Outcome::Fail {
                    detail: format!(
                        "got {got:?}, expected {n} {} (missing: {missing:?}; should not be there: {extra:?})",
                        if n == 1 { "item" } else { "items" }
                    ),
                    hint: hint.to_string(),
                }
            }
        }
    };
    report(name, outcome)
}

/// The items of `items`, first occurrences only.
fn unique<T: PartialEq>(items: &[T]) -> Vec<&T> {
    let mut seen: Vec<&T> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// Passes when `test` holds for the answer; prints the answer, and on
/// failure `expected` (what `test` asks for, in words) and the hint. For
/// answers with more than one right value.
///
/// Name the answer's type in the closure (`|&[w1, w2]: &[f64; 2]| …`), so
/// that the placeholder compiles too.
///
/// ```text
/// FAIL z = 0 is a vertical line: got [1.0, 1.0], expected w₁ ≠ 0 and w₂ = 0
///       hint: a vertical line is x₁ = constant: z must not change with x₂
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let vertical = |&[w1, w2]: &[f64; 2]| w1 != 0.0 && w2 == 0.0;
/// let hint = "z must not change with x₂";
/// assert!(check_that("vertical", [2.0, 0.0], vertical, "w₁ ≠ 0 and w₂ = 0", hint));
/// assert!(!check_that("vertical", [1.0, 1.0], vertical, "w₁ ≠ 0 and w₂ = 0", hint));
/// assert!(!check_that("vertical", unanswered(), vertical, "w₁ ≠ 0 and w₂ = 0", hint));
/// ```
pub fn check_that<T: fmt::Debug>(
    name: &str,
    got: impl Into<Answer<T>>,
    test: impl FnOnce(&T) -> bool,
    expected: &str,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) => {
            if test(&got) {
                Outcome::Pass(format!("got {got:?}"))
            } else {
                Outcome::Fail {
                    detail: format!("got {got:?}, expected {expected}"),
                    hint: hint.to_string(),
                }
            }
        }
    };
    report(name, outcome)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::answer::unanswered;
    use crate::notebook::report::printed;

    #[test]
    fn a_failure_prints_got_expected_and_the_hint() {
        let (ok, text) = printed(|| check_relative("z", 2.2, 9f64.ln(), 1e-3, "invert σ"));
        assert!(!ok);
        assert_eq!(
            text,
            "FAIL z: got 2.2, expected 2.1972245773362196 (off by 0.13 %, allowed 0.1 %)\n      hint: invert σ"
        );
        let (_, text) = printed(|| check_eq("classes", [0.0, 0.5], [0.0, 1.0], "threshold"));
        assert_eq!(
            text,
            "FAIL classes: got [0.0, 0.5], expected [0.0, 1.0]\n      hint: threshold"
        );
        let (_, text) = printed(|| check_between("estimate", 0.5, 0.62, 0.72, "a cap"));
        assert_eq!(
            text,
            "FAIL estimate: got 0.5, expected between 0.62 and 0.72\n      hint: a cap"
        );
        let (_, text) = printed(|| check_set("keys", ["tanh", "relu"], ["tanh", "sign"], "ranges"));
        assert_eq!(
            text,
            "FAIL keys: got [\"tanh\", \"relu\"], expected 2 items (missing: [\"sign\"]; \
             should not be there: [\"relu\"])\n      hint: ranges"
        );
        let (_, text) = printed(|| {
            check_that(
                "w",
                [1.0, 1.0],
                |&[_, w2]: &[f64; 2]| w2 == 0.0,
                "w₂ = 0",
                "x₂",
            )
        });
        assert_eq!(
            text,
            "FAIL w: got [1.0, 1.0], expected w₂ = 0\n      hint: x₂"
        );
    }

    #[test]
    fn the_generic_checks_print_a_hint_of_their_own() {
        let (_, text) = printed(|| check_close("third", 0.3, 1.0 / 3.0, 1e-4));
        assert!(
            text.starts_with("FAIL third: got 0.3, expected 0.3333333333333333"),
            "{text}"
        );
        assert!(
            text.contains("hint: your value is 0.033 too small"),
            "{text}"
        );
        let (_, text) = printed(|| check_close("nan", f64::NAN, 0.0, 1.0));
        assert!(text.contains("hint: your value is NaN"), "{text}");
        let (_, text) = printed(|| check("odd", false));
        assert!(
            text.starts_with("FAIL odd: got false, expected true\n      hint: "),
            "{text}"
        );
    }

    #[test]
    fn an_unanswered_exercise_prints_not_answered_yet_and_the_hint() {
        let (ok, text) =
            printed(|| check_relative("net input", unanswered(), 3.75, 1e-3, "z = b + x·w"));
        assert!(!ok);
        assert_eq!(text, "not answered yet: net input\n      hint: z = b + x·w");
        let (_, text) = printed(|| check_close("gap", unanswered(), 0.0, 1e-15));
        assert!(
            text.starts_with("not answered yet: gap\n      hint: "),
            "{text}"
        );
    }

    #[test]
    fn a_pass_prints_one_line() {
        let (ok, text) = printed(|| check_relative("z", 2.197, 9f64.ln(), 1e-3, "h"));
        assert!(ok);
        assert_eq!(
            text,
            "PASS z: got 2.197 (expected 2.1972245773362196 ± 0.1 %)"
        );
        let (_, text) = printed(|| check("statement", true));
        assert_eq!(text, "PASS statement");
    }

    #[test]
    fn check_close_passes_within_tolerance_only() {
        assert!(check_close("exact", 1.0, 1.0, 0.0));
        assert!(check_close("near", 1.0, 1.0 + 1e-13, 1e-12));
        assert!(!check_close("far", 1.0, 1.1, 1e-3));
        assert!(!check_close("nan", f64::NAN, f64::NAN, 1.0));
        assert!(check_close("infinite", f64::INFINITY, f64::INFINITY, 0.0));
    }

    #[test]
    fn check_returns_its_condition() {
        assert!(check("true", true));
        assert!(!check("false", false));
        assert!(!check("unanswered", unanswered()));
    }

    #[test]
    fn unanswered_never_passes_any_check() {
        assert!(!check_close("close", unanswered(), 0.0, f64::INFINITY));
        assert!(!check_relative(
            "relative",
            unanswered(),
            1.0,
            f64::INFINITY,
            "h"
        ));
        assert!(!check_between(
            "between",
            unanswered(),
            f64::NEG_INFINITY,
            f64::INFINITY,
            "h"
        ));
        assert!(!check_eq::<usize>("eq", unanswered(), 0, "h"));
        assert!(!check_set::<&str>("set", unanswered(), [], "h"));
        assert!(!check_that(
            "that",
            unanswered(),
            |_: &u8| true,
            "anything",
            "h"
        ));
    }

    #[test]
    fn relative_tolerance_accepts_hand_rounded_answers() {
        let z_90 = 9f64.ln(); // 2.1972245773…
        assert!(check_relative("4 digits", 2.197, z_90, 1e-3, "h"));
        assert!(check_relative("5 digits", 2.1972, z_90, 1e-3, "h"));
        assert!(!check_relative("2 digits", 2.2, z_90, 1e-3, "h"));
        assert!(!check_relative("sign", -2.197, z_90, 1e-3, "h"));
        assert!(check_relative(
            "negative expected",
            -0.2500,
            -0.25,
            1e-3,
            "h"
        ));
        assert!(check_relative(
            "zero expected, zero given",
            0.0,
            0.0,
            1e-3,
            "h"
        ));
        assert!(!check_relative("zero expected", 1e-9, 0.0, 1e-3, "h"));
        assert!(!check_relative("nan", f64::NAN, 1.0, 1.0, "h"));
    }

    #[test]
    fn integer_answers_count_as_numbers() {
        assert!(check_relative("integer", 4, 4.0, 1e-3, "h"));
        assert!(check_between("integer", 1, 0.0, 1.0, "h"));
    }

    #[test]
    fn between_is_inclusive_and_rejects_nan() {
        assert!(check_between("low end", 0.9, 0.9, 1.0, "h"));
        assert!(check_between("high end", 1.0, 0.9, 1.0, "h"));
        assert!(!check_between("below", 0.0, 0.6, 0.7, "h"));
        assert!(!check_between(
            "nan",
            f64::NAN,
            f64::NEG_INFINITY,
            f64::INFINITY,
            "h"
        ));
    }

    #[test]
    fn check_set_ignores_order_and_repeats_but_not_missing_or_extra_items() {
        let expected = ["sigmoid", "tanh", "step"];
        assert!(check_set(
            "order",
            ["step", "tanh", "sigmoid"],
            expected,
            "h"
        ));
        assert!(check_set(
            "repeats",
            ["step", "tanh", "sigmoid", "tanh"],
            expected,
            "h"
        ));
        assert!(!check_set("missing", ["step", "tanh"], expected, "h"));
        assert!(!check_set(
            "extra",
            ["step", "tanh", "sigmoid", "relu"],
            expected,
            "h"
        ));
        assert!(!check_set("empty", Vec::<&str>::new(), expected, "h"));
        assert!(check_set("both empty", Vec::<&str>::new(), [], "h"));
    }

    #[test]
    fn check_eq_compares_exactly() {
        assert!(check_eq("count", 1usize, 1, "h"));
        assert!(!check_eq("count", 2usize, 1, "h"));
        assert!(check_eq("bool", false, false, "h"));
        assert!(!check_eq("classes", [0.0, 0.5, 1.0], [0.0, 1.0, 1.0], "h"));
    }
}
