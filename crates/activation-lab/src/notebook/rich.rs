//! Rich output for the evcxr kernel: [`Html`] and [`Markdown`].

use std::fmt;

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

/// `text` with `&`, `<`, `>` and `"` written as HTML entities, for text
/// and attribute values in generated HTML.
pub(crate) fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
