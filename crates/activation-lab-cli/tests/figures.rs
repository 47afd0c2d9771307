//! Figures: `fit --plot`, `fit --curves` and `figures`.

mod common;

use common::{moons_csv, run_in, tempdir};

#[test]
fn fit_plot_and_curves_write_svg_and_png() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 60);
    let r = run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--hidden-units",
            "5",
            "--epochs",
            "10",
            "--test-fraction",
            "0.25",
            "--plot",
            "surface.png",
            "--curves",
            "curves.svg",
        ],
    );
    let out = r.ok();
    assert!(out.contains("wrote   plot to surface.png"), "{out}");
    let png = std::fs::read(dir.path().join("surface.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let svg = std::fs::read_to_string(dir.path().join("curves.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("test"), "curves show the test columns");

    run_in(
        dir.path(),
        &[
            "fit",
            "--data",
            &data,
            "--model",
            "logistic",
            "--plot",
            "line.svg",
            "--plot-size",
            "slide",
        ],
    )
    .ok();
    let svg = std::fs::read_to_string(dir.path().join("line.svg")).unwrap();
    assert!(
        svg.starts_with("<svg width=\"1920\" height=\"1080\""),
        "{}",
        &svg[..80]
    );
}

#[test]
fn same_fit_gives_the_same_figure_bytes() {
    let dir = tempdir();
    let data = moons_csv(dir.path(), 40);
    for name in ["a.svg", "b.svg"] {
        run_in(
            dir.path(),
            &[
                "fit",
                "--data",
                &data,
                "--hidden-units",
                "4",
                "--epochs",
                "5",
                "--plot",
                name,
            ],
        )
        .ok();
    }
    let a = std::fs::read(dir.path().join("a.svg")).unwrap();
    let b = std::fs::read(dir.path().join("b.svg")).unwrap();
    assert!(a == b, "figure bytes differ between identical runs");
}

#[test]
fn figures_exports_every_figure_with_an_index() {
    let dir = tempdir();
    let r = run_in(
        dir.path(),
        &[
            "figures", "--out", "figs", "--format", "svg", "--size", "640x400",
        ],
    );
    let listing = r.ok();
    assert!(listing.lines().count() >= 10, "{listing}");
    assert!(r.stderr.starts_with("wrote "), "{}", r.stderr);
    let figs = dir.path().join("figs");
    assert!(figs.join("index.html").exists() && figs.join("index.md").exists());
    for line in listing.lines() {
        for file in line.split_whitespace().skip(1) {
            let file = file.trim_end_matches(',');
            assert!(dir.path().join(file).exists(), "{file} listed but missing");
        }
    }
    let svg = std::fs::read_to_string(figs.join("01-net-input.svg")).unwrap();
    assert!(
        svg.starts_with("<svg width=\"640\" height=\"400\""),
        "{}",
        &svg[..60]
    );
    // quiet means quiet: neither the list nor the summary
    let r = run_in(
        dir.path(),
        &[
            "figures", "--out", "figs", "--format", "svg", "--size", "640x400", "-q",
        ],
    );
    assert_eq!((r.ok(), r.stderr.as_str()), ("", ""));
}

#[test]
fn figures_rejects_bad_sizes_and_formats() {
    let dir = tempdir();
    let r = run_in(dir.path(), &["figures", "--size", "0x10"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("invalid width = 0: expected a whole number of pixels"),
        "{}",
        r.stderr
    );
    let r = run_in(dir.path(), &["figures", "--format", "svg,jpeg"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("unknown image format \"jpeg\": expected one of svg, png"),
        "{}",
        r.stderr
    );
    let r = run_in(dir.path(), &["figures", "--size", "huge"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("unknown figure size \"huge\""),
        "{}",
        r.stderr
    );
}
