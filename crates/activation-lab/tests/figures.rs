//! Figures: valid SVG and PNG, expected elements, byte-stable output, and
//! errors (not panics) for bad input.

use std::path::PathBuf;

use activation_lab::prelude::*;

/// Writes the whole set at notebook and slide size into `$FIGURES_OUT`
/// (default `target/figures-review`) for looking at them:
/// `cargo test -p activation-lab --test figures -- --ignored`.
#[test]
#[ignore = "writes files for review"]
fn export_for_review() {
    let out = std::env::var_os("FIGURES_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/figures-review"));
    for size in [FigureSize::Notebook, FigureSize::Slide] {
        let dir = out.join(size.key());
        let start = std::time::Instant::now();
        let written = export_all(&dir, &[ImageFormat::Svg, ImageFormat::Png], size).unwrap();
        eprintln!(
            "{size}: {} figures in {:.2?}",
            written.len(),
            start.elapsed()
        );
    }
}
