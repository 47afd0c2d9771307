//! Helpers for the notebooks: exercise self-checks, the placeholder of an
//! unanswered exercise, rich HTML and Markdown output for the evcxr kernel,
//! and version info.
//!
//! # Exercises and their self-checks
//!
//! An exercise stores its answer in a named variable, and the self-check
//! below it compares that answer with what the check computes itself. Every
//! check prints one line, `PASS <name>`, `FAIL <name>` or
//! `not answered yet: <name>`; a failure also says what it got, what it
//! expected, and gives a hint.
//!
//! In the student edition of a notebook the answer is [`unanswered()`]: it
//! compiles wherever an answer goes, and a check given it prints
//! `not answered yet` and the hint instead of `FAIL`. The student types over
//! `unanswered()` with their own expression:
//!
//! ```
//! use activation_lab::prelude::*;
//! # fn main() -> activation_lab::Result<()> {
//! let w = array![0.5, 1.5];
//! let expected = net_input(&array![1.0, 2.0], &w, 0.25)?;
//! let hint = "z = b + x₁w₁ + x₂w₂ with w = (0.5, 1.5) and b = 0.25";
//!
//! let my_z = unanswered(); // prints "not answered yet: net input" and the hint
//! assert!(!check_relative("net input", my_z, expected, 1e-3, hint));
//!
//! let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 0.5; // prints FAIL, got, expected and the hint
//! assert!(!check_relative("net input", my_z, expected, 1e-3, hint));
//!
//! let my_z = 3.75; // prints "PASS net input: …"
//! assert!(check_relative("net input", my_z, expected, 1e-3, hint));
//! # Ok(())
//! # }
//! ```
//!
//! The checks, by kind of answer:
//!
//! | answer | check |
//! |---|---|
//! | a value that must be exactly right (a count, a class, `true`/`false`) | [`check_eq`] |
//! | a number, rounded by hand | [`check_relative`] (relative tolerance) |
//! | a number near zero, or computed to machine precision | [`check_close`] (absolute tolerance) |
//! | an estimate, an accuracy to reach | [`check_between`] |
//! | a list whose order does not matter | [`check_set`] |
//! | anything else: a condition on the answer | [`check_that`] |
//! | a statement (no student answer) | [`check`] |
//!
//! An answer that must be processed before it is checked (a model whose
//! accuracy is checked, say) goes through [`Answer::try_map`] or
//! [`Answer::map`], which keep an unanswered exercise unanswered.

mod answer;
mod best_line;
mod checks;
mod report;
mod rich;
mod version;

pub use answer::{Answer, unanswered};
pub use best_line::best_line_accuracy;
pub use checks::{
    check, check_between, check_close, check_eq, check_relative, check_set, check_that,
};
pub(crate) use rich::html_escape;
pub use rich::{Html, Markdown};
pub use version::rustc_version;
