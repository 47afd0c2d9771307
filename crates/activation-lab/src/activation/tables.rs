//! The cheat sheet as a Markdown or HTML table, built from the catalogue.

use super::catalogue::catalogue;
use crate::notebook::html_escape;

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

#[cfg(test)]
mod tests {
    use super::*;

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
