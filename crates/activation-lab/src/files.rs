//! Reading and writing files, with errors that name the file
//! ([`Error::Io`](crate::error::Error::Io)).

use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path`.
pub(crate) fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<()> {
    std::fs::write(path, bytes).map_err(|source| Error::io("write", path, source))
}

/// The bytes of `path`.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|source| Error::io("read", path, source))
}

/// The text of `path` (UTF-8).
pub(crate) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::io("read", path, source))
}
