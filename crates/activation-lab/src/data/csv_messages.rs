//! How CSV errors are worded: the error with its line and column, cells
//! quoted and cut short, and what a separator other than a comma explains.

use crate::error::Error;

/// Longest cell text quoted in an error message before it is cut short.
const MAX_QUOTED_CHARS: usize = 40;

/// A cell in quotes for a message, cut short if long.
pub(super) fn quoted(cell: &str) -> String {
    if cell.chars().count() <= MAX_QUOTED_CHARS {
        format!("\"{cell}\"")
    } else {
        let head: String = cell.chars().take(MAX_QUOTED_CHARS).collect();
        format!("\"{head}…\"")
    }
}

pub(super) fn csv_error(line: u64, column: Option<&str>, message: &str) -> Error {
    Error::Csv {
        line,
        column: column.map(str::to_string),
        message: message.to_string(),
    }
}

/// Names the separator in a message about fields, unless it is a comma.
pub(super) fn separator_note(delimiter: u8) -> String {
    match delimiter {
        b';' => " (fields separated by ';', as the header is)".to_string(),
        b'\t' => " (fields separated by tabs, as the header is)".to_string(),
        _ => String::new(),
    }
}

/// For a header that is one column: the separator it seems to use instead
/// of commas, and what to do about it.
pub(super) fn separator_hint(header: &str) -> String {
    let candidates = [(';', "semicolons"), ('\t', "tabs"), ('|', "vertical bars")];
    match candidates.iter().find(|(c, _)| header.contains(*c)) {
        Some((c, name)) => format!(
            ", separated by commas (the header has {name} instead: the file looks separated by {c:?}; \
             save it as comma-separated CSV{})",
            if *c == ';' {
                ", with decimal points rather than decimal commas"
            } else {
                ""
            }
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::data::test_support::{message, read};

    #[test]
    fn csv_cuts_long_cells_short_in_messages() {
        let long = "a".repeat(100);
        let msg = message(read(&format!("x1,y\n{long},0\n")));
        assert_eq!(
            msg,
            format!(
                "CSV line 2, column x1: \"{}…\" is not a number",
                "a".repeat(40)
            )
        );
    }
}
