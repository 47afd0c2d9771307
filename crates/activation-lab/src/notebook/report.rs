//! The one line every check prints (`PASS`, `FAIL` with a hint, or
//! `not answered yet`), and how numbers are written in it.

/// Indentation of the hint line under a check's result line.
const HINT_INDENT: &str = "      ";

/// The one line every check prints, with the hint under a failure.
pub(super) enum Outcome {
    Pass(String),
    Fail { detail: String, hint: String },
    Unanswered { hint: String },
}

/// Prints the outcome of the check `name` and returns whether it passed.
pub(super) fn report(name: &str, outcome: Outcome) -> bool {
    let (text, passed) = match outcome {
        Outcome::Pass(detail) if detail.is_empty() => (format!("PASS {name}"), true),
        Outcome::Pass(detail) => (format!("PASS {name}: {detail}"), true),
        Outcome::Fail { detail, hint } => (
            format!("FAIL {name}: {detail}\n{HINT_INDENT}hint: {hint}"),
            false,
        ),
        Outcome::Unanswered { hint } => (
            format!("not answered yet: {name}\n{HINT_INDENT}hint: {hint}"),
            false,
        ),
    };
    println!("{text}");
    #[cfg(test)]
    PRINTED.with(|printed| printed.borrow_mut().push(text));
    passed
}

#[cfg(test)]
thread_local! {
    /// What the checks of this test thread printed, one entry per check.
    static PRINTED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` and returns its result with what the checks it ran printed.
#[cfg(test)]
pub(super) fn printed<R>(f: impl FnOnce() -> R) -> (R, String) {
    PRINTED.with(|p| p.borrow_mut().clear());
    let r = f();
    (r, PRINTED.with(|p| p.borrow().join("\n")))
}

/// `x` in the shortest form that reads back as the same `f64`, in
/// scientific notation when it is very small or very large.
pub(super) fn num(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-4..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// A difference or tolerance in two significant digits: `0.13`, `20`,
/// `0.0033`, `1.5e-16`.
fn short(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return format!("{x}");
    }
    let magnitude = x.abs().log10().floor();
    if !(-3.0..4.0).contains(&magnitude) {
        return format!("{x:.1e}");
    }
    let decimals = (1.0 - magnitude).max(0.0) as usize;
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A fraction as a percentage in two significant digits: `0.13 %`.
pub(super) fn percent(fraction: f64) -> String {
    format!("{} %", short(100.0 * fraction))
}

/// The hint for a number that differs from the expected one by `got - expected`.
pub(super) fn number_hint(got: f64, expected: f64) -> String {
    if got.is_nan() {
        "your value is NaN (not a number): look for 0/0, ∞ − ∞ or the logarithm of a negative number"
            .to_string()
    } else if got > expected {
        format!(
            "your value is {} too large: compare your formula with the text above",
            short(got - expected)
        )
    } else {
        format!(
            "your value is {} too small: compare your formula with the text above",
            short(expected - got)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_numbers_keep_two_significant_digits() {
        assert_eq!(short(0.1263149289521131), "0.13");
        assert_eq!(short(0.1), "0.1");
        assert_eq!(short(20.0), "20");
        assert_eq!(short(1234.5), "1234");
        assert_eq!(short(-0.0333), "-0.033");
        assert_eq!(short(1.5959e-16), "1.6e-16");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(f64::INFINITY), "inf");
        assert_eq!(percent(1e-3), "0.1 %");
    }

    #[test]
    fn numbers_print_in_full_or_in_scientific_notation() {
        assert_eq!(num(0.617018835739275), "0.617018835739275");
        assert_eq!(num(1.5959455978986625e-16), "1.5959455978986625e-16");
        assert_eq!(num(-2.5e20), "-2.5e20");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(f64::NAN), "NaN");
    }
}
