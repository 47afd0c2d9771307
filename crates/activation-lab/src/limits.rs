//! The limits on every size a caller chooses, in one place, and the one
//! guard that checks a size against memory before anything is allocated.
//!
//! A notebook cell that asks for 10⁹ samples, or a gallery of a
//! 100 000-unit model on a fine grid, must get an error that says what to
//! change, not abort the kernel (and every variable the student had) with
//! a failed allocation. Each function whose memory grows with a number the
//! caller passes estimates its need up front and refuses anything above
//! [`MEMORY_BUDGET`]:
//!
//! ```
//! use activation_lab::prelude::*;
//! let err = moons(1_000_000_000, 0.1, 7).unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "n_samples = 1e9 is too large: expected at most 1e7 samples \
//!      (1e9 would need about 40 GB of memory)"
//! );
//! ```

use crate::error::{Error, Result, short_count};

/// The most memory one call may ask for: 2 GiB, a quarter of a small
/// laptop's RAM.
pub const MEMORY_BUDGET: u64 = 2 << 30;

/// The most samples a generator draws.
pub const MAX_SAMPLES: usize = 10_000_000;

/// The most hidden units of an MLP (and of its schematic).
pub const MAX_HIDDEN_UNITS: usize = 100_000;

/// The most training epochs.
pub const MAX_EPOCHS: usize = 10_000_000;

/// The largest width or height of a figure, in pixels.
pub const MAX_PIXELS: u32 = 8192;

/// The most grid cells across a decision surface.
pub const MAX_CELLS: usize = 1000;

/// The most frames of an animation.
pub const MAX_FRAMES: usize = 200;

/// The most rows of a lecturer's data the whole series is trained on
/// ([`Series::fit_on`](crate::plot::Series::fit_on)): about 19 networks are
/// trained on it, so this keeps an export within minutes.
pub const MAX_SERIES_ROWS: usize = 20_000;

/// The most rows or columns of a figure grid.
pub const MAX_SIDE: usize = 8;

/// The largest magnitude a figure's axis can show: data beyond ±1e100 is
/// out of any plot's reach (and of its tick labels).
pub const MAX_AXIS: f64 = 1e100;

/// Bytes as a reader says them: "512 B", "3.2 MB", "40 GB", "2e10 GB".
pub(crate) fn bytes(b: u128) -> String {
    let b = b as f64;
    let units = [("B", 1.0), ("kB", 1e3), ("MB", 1e6), ("GB", 1e9)];
    let (unit, size) = units
        .iter()
        .rev()
        .find(|(_, s)| b >= *s)
        .copied()
        .unwrap_or(("B", 1.0));
    let v = b / size;
    if v >= 1e4 {
        // two significant digits: "1.5e11"
        let s = format!("{v:.1e}");
        format!("{} {unit}", s.replace(".0e", "e"))
    } else if v >= 10.0 || unit == "B" {
        format!("{v:.0} {unit}")
    } else {
        format!("{v:.1} {unit}")
    }
}

/// Checks a count against its limit: `n` items of `bytes_each` bytes. The
/// error names `name` and the limit in `unit`s, and, when `n` would need
/// more than [`MEMORY_BUDGET`], about how much memory.
pub(crate) fn check_count(
    name: &str,
    n: usize,
    max: usize,
    unit: &str,
    bytes_each: u128,
) -> Result<()> {
    if n <= max {
        return Ok(());
    }
    let need = (n as u128).saturating_mul(bytes_each);
    let memory = if need > u128::from(MEMORY_BUDGET) {
        format!(
            " ({} would need about {} of memory)",
            short_count(n as u128),
            bytes(need)
        )
    } else {
        String::new()
    };
    Err(Error::too_large(
        name,
        short_count(n as u128),
        format!("at most {} {unit}{memory}", short_count(max as u128)),
    ))
}

/// Checks that a computation of `total` bytes fits [`MEMORY_BUDGET`]; the
/// error names `name` = `value` and says what the computation is and how to
/// make it smaller.
pub(crate) fn check_memory(
    name: &str,
    value: impl std::fmt::Display,
    total: u128,
    what: &str,
    fix: &str,
) -> Result<()> {
    if total <= u128::from(MEMORY_BUDGET) {
        return Ok(());
    }
    Err(Error::too_large(
        name,
        value,
        format!(
            "{what} within {} of memory, not about {}: {fix}",
            bytes(u128::from(MEMORY_BUDGET)),
            bytes(total)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_like_a_person_writes_them() {
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(3_200_000), "3.2 MB");
        assert_eq!(bytes(40_000_000_000), "40 GB");
        assert_eq!(bytes(u128::from(u64::MAX) * 8), "1.5e11 GB");
    }

    #[test]
    fn a_count_above_its_limit_names_the_memory_it_would_need() {
        assert!(check_count("n_samples", MAX_SAMPLES, MAX_SAMPLES, "samples", 40).is_ok());
        let e = check_count("hidden_units", 100_001, 100_000, "hidden units", 128).unwrap_err();
        assert_eq!(
            e.to_string(),
            "hidden_units = 100001 is too large: expected at most 100000 hidden units"
        );
        let e = check_count("n_samples", usize::MAX, MAX_SAMPLES, "samples", 40).unwrap_err();
        assert_eq!(
            e.to_string(),
            "n_samples = 1.84e19 is too large: expected at most 1e7 samples (1.84e19 would need about 7.4e11 GB of memory)"
        );
    }

    #[test]
    fn memory_above_the_budget_is_refused_with_the_fix() {
        assert!(check_memory("k", 1, 1 << 20, "a grid", "fewer").is_ok());
        let e = check_memory(
            "units",
            5,
            1 << 40,
            "the gallery's grids",
            "draw fewer units",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "units = 5 is too large: expected the gallery's grids within 2.1 GB of memory, not about 1100 GB: draw fewer units"
        );
    }
}
