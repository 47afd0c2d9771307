//! The one CSV row reader of the crate, which every reader of CSV text
//! goes through: the separator, the checked header, then the rows after it
//! with their line numbers (blank lines skipped, the number of fields
//! checked), and the feature cells.

use std::io::Read;

use super::csv_messages::{csv_error, quoted, separator_note};
use crate::error::Result;

/// The rows of CSV text after its header, one at a time, each with the
/// 1-based line it starts on. The line numbers are computed from byte
/// offsets: the `csv` crate's own line count does not see the blank lines
/// it skips.
pub(super) struct CsvRows<'a> {
    /// The whole text, for line numbers.
    bytes: &'a [u8],
    /// The separator, found in the header.
    delimiter: u8,
    /// The number of columns of the header: every row must have as many.
    n_columns: usize,
    reader: csv::Reader<&'a [u8]>,
    record: csv::StringRecord,
}

impl<'a> CsvRows<'a> {
    /// Opens CSV text: finds its separator, checks the text and reads the
    /// header (see [`read_header`]). Returns the header's line, its column
    /// names and the rows after it.
    pub(super) fn open(bytes: &'a [u8]) -> Result<(u64, Vec<String>, CsvRows<'a>)> {
        let delimiter = sniff_delimiter(bytes);
        let mut reader = csv_reader(bytes, delimiter);
        let mut record = csv::StringRecord::new();
        let (header_line, header) = read_header(&mut reader, &mut record, bytes, delimiter)?;
        let rows = CsvRows {
            bytes,
            delimiter,
            n_columns: header.len(),
            reader,
            record,
        };
        Ok((header_line, header, rows))
    }

    /// The separator: a comma, a semicolon or a tab (see [`parse_feature_cell`]).
    pub(super) fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The next row that is not blank, with its line; `None` at the end of
    /// the input.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a row with more or fewer fields than the header,
    /// text that is not UTF-8 or that the `csv` reader rejects.
    pub(super) fn next_row(&mut self) -> Result<Option<(u64, &csv::StringRecord)>> {
        loop {
            if !next_record(&mut self.reader, &mut self.record, self.bytes)? {
                return Ok(None);
            }
            if !is_blank(&self.record) {
                break;
            }
        }
        let line = record_line(&self.record, self.bytes);
        let n_columns = self.n_columns;
        if self.record.len() != n_columns {
            return Err(csv_error(
                line,
                None,
                &format!(
                    "expected {n_columns} fields (as in the header), found {}{}",
                    self.record.len(),
                    separator_note(self.delimiter)
                ),
            ));
        }
        Ok(Some((line, &self.record)))
    }
}

/// Reads all of `reader`; a failure is an [`Error::Csv`] on the line it
/// stopped at.
pub(super) fn read_input(mut reader: impl Read) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return Err(csv_error(
            1 + count_line_breaks(&bytes),
            None,
            &format!("cannot read the input: {e}"),
        ));
    }
    Ok(bytes)
}

/// Reads the header row (skipping blank lines before it) and checks that
/// every column has a name and no name repeats. Returns its line and names.
fn read_header(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    bytes: &[u8],
    delimiter: u8,
) -> Result<(u64, Vec<String>)> {
    check_csv_text(bytes, delimiter)?;
    let (header_line, header) = loop {
        if !next_record(reader, record, bytes)? {
            return Err(csv_error(1, None, "no header row"));
        }
        if !is_blank(record) {
            let mut names: Vec<String> = record.iter().map(str::to_string).collect();
            if let Some(first) = names.first_mut()
                && let Some(rest) = first.strip_prefix('\u{feff}')
            {
                *first = rest.trim().to_string();
            }
            break (record_line(record, bytes), names);
        }
    };
    for (j, name) in header.iter().enumerate() {
        if name.is_empty() {
            return Err(csv_error(
                header_line,
                Some(&(j + 1).to_string()),
                if j == 0 {
                    "empty column name: expected a name for every column (an unnamed first \
                     column is often a saved index, as pandas writes by default: drop it, or \
                     save with index=False)"
                } else {
                    "empty column name: expected a name for every column"
                },
            ));
        }
        if header[..j].contains(name) {
            return Err(csv_error(
                header_line,
                Some(name),
                "repeated column name: expected unique names",
            ));
        }
    }
    Ok((header_line, header))
}

/// The separator of a file: a comma when its header line has one (outside
/// quotes), else a semicolon, else a tab (as spreadsheets export), else a
/// comma.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let header = text
        .split(|&b| b == b'\n' || b == b'\r')
        .find(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .unwrap_or(&[]);
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    match counts {
        [c, _, _] if c > 0 => b',',
        [_, s, _] if s > 0 => b';',
        [_, _, t] if t > 0 => b'\t',
        _ => b',',
    }
}

/// The one CSV reader of the crate: no header handling (the header is read
/// and checked by [`read_header`]), rows of any length (checked against the
/// header with their line), cells trimmed.
fn csv_reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter)
        .from_reader(bytes)
}

/// Checks the whole text before it is split into records: a file that is
/// JSON rather than CSV, and a quote that is never closed (which would
/// swallow every line after it into one field), each named with its line.
fn check_csv_text(bytes: &[u8], delimiter: u8) -> Result<()> {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(i) = start
        && (text[i] == b'{' || text[i..].starts_with(b"[{") || text[i..].starts_with(b"[["))
    {
        return Err(csv_error(
            1 + count_line_breaks(&text[..i]),
            None,
            "this looks like JSON (it starts with a bracket), not CSV: expected a header line \
             such as x1,x2,y and one comma-separated row per line",
        ));
    }
    // the csv crate's rule: a quote opens a quoted field only at the start
    // of a field; inside it, "" is a quote and " followed by anything else
    // closes it
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let (mut state, mut opened) = (State::FieldStart, 0usize);
    for (i, &b) in text.iter().enumerate() {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart, b'"') => {
                opened = i;
                State::Quoted
            }
            (_, b'\n' | b'\r') => State::FieldStart,
            (_, d) if d == delimiter => State::FieldStart,
            _ => State::Unquoted,
        };
    }
    if let State::Quoted = state {
        return Err(csv_error(
            1 + count_line_breaks(&text[..opened]),
            None,
            "a quote (\") opened on this line is never closed: expected a closing \" \
             before the end of the file",
        ));
    }
    Ok(())
}

/// Parses one feature cell: a finite number.
pub(super) fn parse_feature_cell(
    cell: &str,
    line: u64,
    column: Option<&str>,
    delimiter: u8,
) -> Result<f64> {
    if cell.is_empty() {
        return Err(csv_error(line, column, "empty cell: expected a number"));
    }
    // a file separated by semicolons or tabs may write decimals with a
    // comma, as spreadsheets in many languages do: "1,5" is 1.5
    let decimal_comma = delimiter != b',' && cell.matches(',').count() == 1 && !cell.contains('.');
    let parsed = if decimal_comma {
        cell.replace(',', ".").parse::<f64>()
    } else {
        cell.parse::<f64>()
    };
    match parsed {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(csv_error(
            line,
            column,
            &format!("{} is not finite: expected a finite number", quoted(cell)),
        )),
        Err(_) => Err(csv_error(
            line,
            column,
            &format!("{} is not a number", quoted(cell)),
        )),
    }
}

/// Reads the next record; `false` at the end of the input.
fn next_record(
    reader: &mut csv::Reader<&[u8]>,
    record: &mut csv::StringRecord,
    bytes: &[u8],
) -> Result<bool> {
    reader.read_record(record).map_err(|e| {
        let start = e.position().map_or(0, |p| p.byte());
        let message = match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "invalid UTF-8: expected text".to_string(),
            csv::ErrorKind::Io(io) => format!("cannot read the input: {io}"),
            _ => e.to_string(),
        };
        csv_error(line_at(bytes, start), None, &message)
    })
}

/// The 1-based line a record starts on.
fn record_line(record: &csv::StringRecord, bytes: &[u8]) -> u64 {
    line_at(bytes, record.position().map_or(0, |p| p.byte()))
}

/// The 1-based line of the first byte at or after `offset` that is not a
/// line break (the `csv` reader reports a record's offset before the blank
/// lines it skips).
fn line_at(bytes: &[u8], offset: u64) -> u64 {
    let mut start = usize::try_from(offset).map_or(bytes.len(), |o| o.min(bytes.len()));
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    1 + count_line_breaks(&bytes[..start])
}

/// Line breaks in `bytes`: `\n`, `\r\n` (counted once) and a lone `\r`.
fn count_line_breaks(bytes: &[u8]) -> u64 {
    let mut breaks = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if b == b'\n' || lone_cr {
            breaks += 1;
        }
    }
    breaks
}

/// A line holding nothing but whitespace.
fn is_blank(record: &csv::StringRecord) -> bool {
    record.is_empty() || (record.len() == 1 && record[0].is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::csv_features::features_from_csv_reader;
    use crate::data::dataset::Dataset;
    use crate::data::test_support::{message, read};
    use ndarray::array;

    #[test]
    fn an_unclosed_quote_is_named_by_the_line_that_opened_it() {
        let text = "x1,x2,y\n1,2,0\n\"3,4,1\n5,6,0\n";
        let err = Dataset::from_csv_reader(text.as_bytes(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 3: a quote (\") opened on this line is never closed: expected a closing \" \
             before the end of the file"
        );
        // quotes that close, and a quote inside an unquoted cell, are fine
        assert!(check_csv_text(b"\"x1\",\"x2\",y\n\"1\"\"\",2,0\n", b',').is_ok());
        assert!(check_csv_text(b"x1,x2,y\nab\"c,2,0\n", b',').is_ok());
    }

    #[test]
    fn semicolon_and_tab_files_are_read_and_other_separators_are_named() {
        let data =
            Dataset::from_csv_reader("x1;x2;y\n1,5;2;0\n3;4,5;1\n".as_bytes(), None).unwrap();
        assert_eq!(data.features(), array![[1.5, 2.0], [3.0, 4.5]]);
        let data =
            Dataset::from_csv_reader("x1\tx2\ty\n1.5\t2\t0\n3\t4\t1\n".as_bytes(), None).unwrap();
        assert_eq!(data.features(), array![[1.5, 2.0], [3.0, 4.0]]);
        // a decimal comma is not a decimal in a comma-separated file
        let err = Dataset::from_csv_reader("x1,x2,y\n\"1,5\",2,0\n".as_bytes(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 2, column x1: \"1,5\" is not a number"
        );
        let err = Dataset::from_csv_reader("x1;x2;y\n1;2\n".as_bytes(), None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 2: expected 3 fields (as in the header), found 2 (fields separated by ';', as the header is)"
        );
        let err = Dataset::from_csv_reader("x1|x2|y\n1|2|0\n".as_bytes(), None).unwrap_err();
        assert!(
            err.to_string()
                .contains("the header has vertical bars instead"),
            "{err}"
        );
        let err = features_from_csv_reader("{\"weights\": [1]}".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("this looks like JSON"), "{err}");
    }

    #[test]
    fn csv_trims_whitespace_and_skips_blank_lines() {
        let data = read("\n x1 , x2 ,y\r\n\n  1.5 ,\t2, 1 \r\n   \n-1,0,0\n\n").unwrap();
        assert_eq!(data.feature_names(), ["x1", "x2"]);
        assert_eq!(data.features(), array![[1.5, 2.0], [-1.0, 0.0]]);
        assert_eq!(data.labels(), array![1, 0]);
    }

    #[test]
    fn csv_strips_a_byte_order_mark() {
        let data = read("\u{feff}x1,y\n1,0\n").unwrap();
        assert_eq!(data.feature_names(), ["x1"]);
    }

    #[test]
    fn csv_names_line_and_column_of_a_non_numeric_cell() {
        assert_eq!(
            message(read("x1,x2,y\n1,2,0\n3,abc,1\n")),
            "CSV line 3, column x2: \"abc\" is not a number"
        );
    }

    #[test]
    fn csv_line_numbers_count_blank_lines() {
        assert_eq!(
            message(read("x1,y\n\n1,0\n\nz,1\n")),
            "CSV line 5, column x1: \"z\" is not a number"
        );
    }

    #[test]
    fn csv_line_numbers_handle_crlf_and_quoted_line_breaks() {
        assert_eq!(
            message(read("x1,y\r\n\r\n1,0\r\nz,1\r\n")),
            "CSV line 4, column x1: \"z\" is not a number"
        );
        assert_eq!(
            message(read("\"x\n1\",y\n1,0\nz,1\n")),
            "CSV line 4, column x\n1: \"z\" is not a number"
        );
        assert_eq!(
            message(read("x1,y\r1,0\rz,1\r")),
            "CSV line 3, column x1: \"z\" is not a number"
        );
    }

    #[test]
    fn csv_rejects_empty_cell() {
        assert_eq!(
            message(read("x1,x2,y\n1,,0\n")),
            "CSV line 2, column x2: empty cell: expected a number"
        );
    }

    #[test]
    fn csv_rejects_non_finite_cells() {
        assert_eq!(
            message(read("x1,y\nNaN,0\n")),
            "CSV line 2, column x1: \"NaN\" is not finite: expected a finite number"
        );
        assert!(read("x1,y\ninf,0\n").is_err());
        assert!(read("x1,y\n1e999,0\n").is_err());
    }

    #[test]
    fn csv_reports_ragged_rows_with_expected_and_found_fields() {
        assert_eq!(
            message(read("x1,x2,y\n1,2,0\n1,2\n")),
            "CSV line 3: expected 3 fields (as in the header), found 2"
        );
        assert_eq!(
            message(read("x1,x2,y\n1,2,0,5\n")),
            "CSV line 2: expected 3 fields (as in the header), found 4"
        );
    }

    #[test]
    fn csv_without_header_row_is_an_error_on_line_1() {
        assert_eq!(message(read("")), "CSV line 1: no header row");
        assert_eq!(message(read("\n\n  \n")), "CSV line 1: no header row");
    }

    #[test]
    fn csv_rejects_repeated_and_empty_column_names() {
        assert_eq!(
            message(read("x1,x1,y\n1,2,0\n")),
            "CSV line 1, column x1: repeated column name: expected unique names"
        );
        assert_eq!(
            message(read("x1,,y\n1,2,0\n")),
            "CSV line 1, column 2: empty column name: expected a name for every column"
        );
    }

    #[test]
    fn csv_rejects_invalid_utf8() {
        let err = Dataset::from_csv_reader(&b"x1,y\n\xff,0\n"[..], None);
        assert_eq!(message(err), "CSV line 2: invalid UTF-8: expected text");
    }
}
