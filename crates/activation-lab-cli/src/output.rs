//! Writing results: to a file when one is named, else to stdout.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{CliError, Result};

/// Runs `write` on a buffered writer to `path`, or to stdout when `path`
/// is `None`, and flushes it.
///
/// # Errors
/// [`CliError::Lib`] naming the file when it cannot be created or written;
/// [`CliError::Output`] when stdout cannot be written.
pub fn with_output(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    match path {
        Some(path) => {
            let file_error =
                |source| CliError::Lib(activation_lab::Error::io("write", path, source));
            let mut w = BufWriter::new(File::create(path).map_err(file_error)?);
            write(&mut w).map_err(file_error)?;
            w.flush().map_err(file_error)
        }
        None => {
            let mut w = BufWriter::new(io::stdout().lock());
            write(&mut w)?;
            w.flush()?;
            Ok(())
        }
    }
}
