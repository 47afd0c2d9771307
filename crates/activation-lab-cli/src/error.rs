//! The tool's error: a library error (with the file it came from, when that
//! helps), a combination of options that cannot work, or a failed write to
//! stdout.

use std::fmt;
use std::path::Path;

/// Everything that ends a command early; `main` prints it as one line.
#[derive(Debug)]
pub enum CliError {
    /// An error from the library, whose message says what was expected.
    Lib(activation_lab::Error),
    /// A library error about the contents of a file, prefixed by its path.
    InFile {
        /// The file as the user named it.
        path: String,
        /// What was wrong inside it.
        source: activation_lab::Error,
    },
    /// Options that contradict each other or do not apply.
    Usage(String),
    /// Writing the results to stdout failed.
    Output(std::io::Error),
}

/// The tool's `Result`.
pub type Result<T, E = CliError> = std::result::Result<T, E>;

impl CliError {
    /// Attaches `path` to a library error about a file's contents (I/O
    /// errors already name the file and are left as they are).
    pub fn in_file(path: &Path, source: activation_lab::Error) -> Self {
        match source {
            activation_lab::Error::Io { .. } => CliError::Lib(source),
            source => CliError::InFile {
                path: path.display().to_string(),
                source,
            },
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Lib(e) => write!(f, "{e}"),
            CliError::InFile { path, source } => write!(f, "{path}: {source}"),
            CliError::Usage(message) => f.write_str(message),
            CliError::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<activation_lab::Error> for CliError {
    fn from(e: activation_lab::Error) -> Self {
        CliError::Lib(e)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Output(e)
    }
}
