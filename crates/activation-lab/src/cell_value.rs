//! How a notebook cell shows its last value, in one compile.
//!
//! The Rust kernel (evcxr) turns a cell ending in an expression `x` into
//! `(x).evcxr_display();`. Figures, [`Html`](crate::notebook::Html) and
//! [`Markdown`](crate::notebook::Markdown) have such a method; for any other
//! value (a number, a tuple, a `Vec`) that compile fails, and the kernel
//! compiles the cell a second time printing `{:?}`, which costs about 0.15 s
//! per cell. The prelude brings [`CellValue`], whose `evcxr_display` prints
//! the value's `Debug` form exactly as the kernel's second compile would, so
//! the first compile succeeds.
//!
//! Types with their own `evcxr_display` keep it (an inherent method comes
//! before a trait's). Number literals whose type is still open
//! (`let b = 2; b`) cannot call any method, so the kernel falls back as
//! before. The kernel's `:fmt` setting does not apply to values shown this
//! way; they always print with `{:?}`.

use std::fmt::Debug;
use std::io::Write;

/// Shows a value as a notebook cell's output (`text/plain`, its `Debug`
/// form); see the [module documentation](self).
///
/// ```
/// use activation_lab::prelude::*;
/// assert_eq!(cell_output(&(0.5, true)), "EVCXR_BEGIN_CONTENT text/plain\n(0.5, true)\nEVCXR_END_CONTENT\n");
/// ```
pub trait CellValue {
    /// Prints the value for the kernel, as `text/plain`.
    fn evcxr_display(&self);
}

impl<T: Debug + ?Sized> CellValue for T {
    fn evcxr_display(&self) {
        let text = cell_output(self);
        // a closed stdout (the kernel gone) has no one left to tell
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
    }
}

/// The text [`CellValue::evcxr_display`] prints for `value`: the kernel's
/// `text/plain` block around `format!("{value:?}")`.
pub fn cell_output<T: Debug + ?Sized>(value: &T) -> String {
    format!("EVCXR_BEGIN_CONTENT text/plain\n{value:?}\nEVCXR_END_CONTENT\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_the_debug_form_in_a_text_plain_block() {
        assert_eq!(
            cell_output(&vec![1.5, -2.0]),
            "EVCXR_BEGIN_CONTENT text/plain\n[1.5, -2.0]\nEVCXR_END_CONTENT\n"
        );
        assert_eq!(
            cell_output("moons"),
            "EVCXR_BEGIN_CONTENT text/plain\n\"moons\"\nEVCXR_END_CONTENT\n"
        );
    }
}
