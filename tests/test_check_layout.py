#!/usr/bin/env python3
"""Tests of tools/check_layout.py on small made-up crates: each rule is
reported when broken and silent when kept.

Run: python3 -m unittest discover -s tests -p 'test_*.py' (stdlib only).
"""

from __future__ import annotations

import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import check_layout  # noqa: E402

LIB = """//! A crate.
#![deny(missing_docs)]

/// The version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod error;
pub mod plot;

pub use error::{Error, Result};
pub use plot::{
    Theme,
    scatter,
};
"""

PLOT = """//! Figures.

mod scatter;
mod theme;

pub use scatter::scatter;
pub use theme::Theme;
"""

THEME = """//! Sizes.

/// Sizes.
pub struct Theme;
"""

ERROR = """//! Errors.

/// An error.
pub struct Error;
/// A result.
pub type Result<T> = std::result::Result<T, Error>;
"""

SCATTER_GOOD = """//! A scatter plot.

use super::theme::Theme;
use crate::error::{Error, Result};

macro_rules! twice {
    () => {
        mod versions {
            use super::*;
        }
    };
}

/// Draws.
pub fn scatter(_: &Theme) -> Result<()> {
    let _ = "{ not a brace }";
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
}
"""


class CheckLayoutTest(unittest.TestCase):
    def crate(self, files: dict[str, str]) -> list[str]:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            for name, text in files.items():
                path = root / "crates" / "demo" / "src" / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text)
            return check_layout.findings(root)

    def files(self, **changes: str) -> dict[str, str]:
        files = {
            "lib.rs": LIB,
            "error.rs": ERROR,
            "plot/mod.rs": PLOT,
            "plot/theme.rs": THEME,
            "plot/scatter.rs": SCATTER_GOOD,
        }
        files.update({k.replace("__", "/") + ".rs": v for k, v in changes.items()})
        return files

    def test_a_crate_that_keeps_the_rules_has_no_findings(self):
        self.assertEqual(self.crate(self.files()), [])

    def test_a_file_over_600_lines_is_reported(self):
        long = THEME + "\n".join(f"// line {i}" for i in range(600)) + "\n"
        found = self.crate(self.files(plot__theme=long))
        self.assertEqual(len(found), 1)
        self.assertIn("plot/theme.rs: 604 lines", found[0])

    def test_a_facade_with_a_function_is_reported(self):
        found = self.crate(self.files(plot__mod=PLOT + "\npub fn helper() {}\n"))
        self.assertEqual(len(found), 1)
        self.assertIn("plot/mod.rs:9: a facade holds only `mod` and `use`", found[0])

    def test_imports_of_a_parent_facades_re_exports_are_reported(self):
        bad = SCATTER_GOOD.replace("use super::theme::Theme;", "use super::Theme;").replace(
            "use crate::error::{Error, Result};", "use crate::{Error, Result};"
        )
        found = self.crate(self.files(plot__scatter=bad))
        self.assertEqual(len(found), 3, found)
        self.assertIn("`super::Theme` is a re-export of plot/mod.rs", found[0])
        self.assertIn("`crate::Error` is a re-export of the crate root", found[1])
        self.assertIn("`crate::Result` is a re-export of the crate root", found[2])

    def test_a_glob_import_of_a_parent_facade_is_reported(self):
        bad = SCATTER_GOOD.replace("use super::theme::Theme;", "use super::*;")
        found = self.crate(self.files(plot__scatter=bad))
        self.assertEqual(len(found), 1, found)
        self.assertIn("`super::*` is a re-export of plot/mod.rs", found[0])

    def test_items_a_facade_defines_itself_may_be_imported(self):
        good = SCATTER_GOOD.replace("use super::theme::Theme;", "use super::theme::Theme;\nuse crate::VERSION;")
        self.assertEqual(self.crate(self.files(plot__scatter=good)), [])


if __name__ == "__main__":
    unittest.main()
