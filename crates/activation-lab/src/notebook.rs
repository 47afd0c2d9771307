//! Small helpers for the notebooks: self-checks that print `PASS`/`FAIL`,
//! rich HTML and Markdown output for the evcxr kernel, and version info.
//!
//! ```
//! use activation_lab::prelude::*;
//! assert!(check("σ(0) is one half", sigmoid(0.0) == 0.5));
//! assert!(check_close("σ(2)", sigmoid(2.0), 0.8807970779778823, 1e-12));
//! ```

use std::fmt;

/// Prints `PASS name` when `ok` holds, else `FAIL name`, and returns `ok`.
///
/// The notebooks' exercise cells end with such checks; the test suite
/// fails on any line that starts with `FAIL`.
///
/// ```
/// use activation_lab::notebook::check;
/// assert!(!check("two is odd", 2 % 2 == 1)); // prints "FAIL two is odd"
/// ```
pub fn check(name: &str, ok: bool) -> bool {
    if ok {
        println!("PASS {name}");
    } else {
        println!("FAIL {name}");
    }
    ok
}

/// Compares `got` with `expected` and prints `PASS`/`FAIL` with the
/// absolute difference; passes when `|got − expected| ≤ tolerance`
/// (NaN never passes).
///
/// ```text
/// PASS σ(2): |got − expected| = 0.0e0 ≤ 1.0e-12
/// ```
///
/// ```
/// use activation_lab::notebook::check_close;
/// assert!(check_close("one third", 1.0 / 3.0, 0.3333, 1e-4));
/// assert!(!check_close("not a number", f64::NAN, 0.0, 1.0));
/// ```
pub fn check_close(name: &str, got: f64, expected: f64, tolerance: f64) -> bool {
    let diff = (got - expected).abs();
    let ok = diff <= tolerance;
    if ok {
        println!("PASS {name}: |got − expected| = {diff:.1e} ≤ {tolerance:.1e}");
    } else {
        println!(
            "FAIL {name}: got {got}, expected {expected} (|difference| = {diff:.1e} > {tolerance:.1e})"
        );
    }
    ok
}

/// HTML shown as rich output when it is the last value of a notebook cell.
///
/// ```
/// use activation_lab::prelude::*;
/// let table = Html(cheat_sheet_html());
/// assert!(table.to_string().contains("<table"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Html(pub String);

impl Html {
    /// Sends the HTML to the evcxr kernel as `text/html`.
    pub fn evcxr_display(&self) {
        println!(
            "EVCXR_BEGIN_CONTENT text/html\n{}\nEVCXR_END_CONTENT",
            self.0
        );
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Markdown shown as rich output when it is the last value of a notebook
/// cell (rendered by Jupyter, including `$…$` maths).
///
/// ```
/// use activation_lab::prelude::*;
/// let table = Markdown(cheat_sheet_markdown());
/// assert!(table.to_string().starts_with('|'));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown(pub String);

impl Markdown {
    /// Sends the Markdown to the evcxr kernel as `text/markdown`.
    pub fn evcxr_display(&self) {
        println!(
            "EVCXR_BEGIN_CONTENT text/markdown\n{}\nEVCXR_END_CONTENT",
            self.0
        );
    }
}

impl fmt::Display for Markdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The version line of the `rustc` on the `PATH` (the compiler the
/// notebook kernel uses), or a sentence saying it could not be run.
pub fn rustc_version() -> String {
    match std::process::Command::new("rustc")
        .arg("--version")
        .output()
    {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(out) => format!(
            "rustc --version failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(e) => format!("rustc could not be run: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_close_passes_within_tolerance_only() {
        assert!(check_close("exact", 1.0, 1.0, 0.0));
        assert!(check_close("near", 1.0, 1.0 + 1e-13, 1e-12));
        assert!(!check_close("far", 1.0, 1.1, 1e-3));
        assert!(!check_close("nan", f64::NAN, f64::NAN, 1.0));
    }

    #[test]
    fn check_returns_its_condition() {
        assert!(check("true", true));
        assert!(!check("false", false));
    }

    #[test]
    fn rustc_version_names_the_compiler() {
        let v = rustc_version();
        assert!(v.starts_with("rustc"), "{v}");
    }
}
