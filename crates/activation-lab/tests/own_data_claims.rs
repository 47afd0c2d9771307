//! The series on a lecturer's own data ([`Series::fit_on`],
//! [`export_series`]): what the titles and descriptions say is measured on
//! the very models the figures show, for data a line separates and data no
//! line separates.

use activation_lab::plot::MIN_LINE_ANGLE_DEG;
use activation_lab::prelude::*;

fn exported(series: &Series, tag: &str) -> Vec<ExportedFigure> {
    let dir = std::env::temp_dir().join(format!(
        "activation-lab-own-data-{tag}-{}",
        std::process::id()
    ));
    let written = export_series(&dir, &[ImageFormat::Svg], FigureSize::Notebook, series).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    written
}

fn figure<'a>(written: &'a [ExportedFigure], name: &str) -> &'a ExportedFigure {
    written
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no figure {name}"))
}

#[test]
fn what_the_figures_say_about_own_data_is_measured_on_their_models() {
    let separable = blobs(160, 0.3, 5).unwrap().with_name("My Blobs");
    let crossed = xor(240, 0.0, 5).unwrap().with_name("my xor");
    let mut seen_separable = false;
    for (data, slug) in [(&separable, "my-blobs"), (&crossed, "my-xor")] {
        let series = Series::fit_on(data, 5).unwrap();
        let written = exported(&series, slug);

        // 05: whether a straight line separates the data
        let best = best_line_accuracy(data, 360).unwrap();
        let scatter = figure(&written, &format!("05-scatter-{slug}"));
        let says_separable = scatter
            .description
            .contains("a straight line separates the classes");
        assert_eq!(
            says_separable,
            best >= 1.0,
            "{}: best line {best}",
            scatter.description
        );
        seen_separable |= says_separable;

        // 06a is straight; 06b says curved exactly when its boundary bends
        let lr = figure(&written, &format!("06a-decision-surface-logistic-{slug}"));
        assert!(lr.title.ends_with("a straight boundary"), "{}", lr.title);
        assert!(
            boundary_bend(&series.logistic, &series.train)
                .unwrap()
                .max_deviation
                < 1e-9
        );
        let bend = boundary_bend(&series.mlp, &series.train).unwrap();
        let mlp = figure(&written, &format!("06b-decision-surface-mlp-{slug}"));
        assert_eq!(
            mlp.title.ends_with("a curved boundary"),
            bend.is_curved(),
            "{}: {bend:?}",
            mlp.title
        );
        assert_eq!(series.mlp_is_curved, bend.is_curved());

        // 10: as many units as it says, with distinct directions
        let gallery = figure(&written, "10-hidden-units");
        let n = series.gallery_units.len();
        assert!((1..=5).contains(&n), "{n} units");
        let words = [
            "",
            "One hidden unit ",
            "Two hidden units ",
            "Three hidden units ",
            "Four hidden units ",
            "Five hidden units ",
        ];
        assert!(
            gallery.description.starts_with(words[n]),
            "{} ({n} units)",
            gallery.description
        );
        for (i, &u) in series.gallery_units.iter().enumerate() {
            for &v in &series.gallery_units[..i] {
                assert!(line_angle_between(&series.mlp, u, v).unwrap() >= MIN_LINE_ANGLE_DEG);
            }
        }

        // 11a puts the data first, beside the built-in sets; 11b is trained on it
        assert_eq!(
            series.models_by_datasets.columns,
            [data.name(), "moons", "circles", "xor"]
        );
        assert_eq!(
            series.activations_by_widths.cells[0].train.name(),
            data.name()
        );
    }
    assert!(seen_separable, "one of the datasets is separated by a line");
    // XOR is never: its description says so
    let best = best_line_accuracy(&crossed, 360).unwrap();
    assert!(best < 0.8, "{best}");
}

#[test]
fn own_data_that_cannot_be_drawn_or_trained_is_refused() {
    let three = Dataset::new(ndarray::Array2::zeros((4, 3)), ndarray::array![0, 1, 0, 1]).unwrap();
    assert!(
        Series::fit_on(&three, 1)
            .unwrap_err()
            .to_string()
            .contains("feature columns")
    );
    let one_class = Dataset::new(
        ndarray::array![[0.0, 1.0], [1.0, 0.0], [2.0, 2.0]],
        ndarray::array![1, 1, 1],
    )
    .unwrap();
    assert!(matches!(
        Series::fit_on(&one_class, 1),
        Err(Error::SingleClass { .. })
    ));
    let big = moons(20_001, 0.1, 1).unwrap();
    let err = Series::fit_on(&big, 1).unwrap_err().to_string();
    assert!(
        err.contains("20001 rows") && err.contains("at most 20000 rows"),
        "{err}"
    );
}
