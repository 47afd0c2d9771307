//! The layout of every figure of the series: no text overlaps another
//! text, a visible line, curve, marker or frame, or leaves the canvas, and
//! no opaque box hides data points. Measured on the drawing calls
//! ([`Figure::collisions`]) at notebook and slide size, light and dark,
//! on the built-in series and on a lecturer-style dataset.

use activation_lab::prelude::*;

fn check(series: &Series, label: &str) {
    let mut problems = Vec::new();
    for size in [FigureSize::Notebook, FigureSize::Slide] {
        for palette in Palette::ALL {
            for f in series_figures(series, size).unwrap() {
                let fig = f.figure.with_palette(palette);
                for c in fig.collisions().unwrap() {
                    problems.push(format!("{label} {} at {size}, {palette}: {c}", f.name));
                }
            }
            // the animation's first and last frames (the others differ
            // from them only in the shading)
            let anim = training_animation(&series.frames, &series.train)
                .unwrap()
                .with_size(size)
                .with_palette(palette);
            let frames = anim.frames();
            for (i, frame) in [
                (0, &frames[0]),
                (frames.len() - 1, &frames[frames.len() - 1]),
            ] {
                for c in frame.collisions().unwrap() {
                    problems.push(format!(
                        "{label} animation frame {i} at {size}, {palette}: {c}"
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} collisions:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn no_text_collides_in_any_figure_of_the_series() {
    check(&Series::fit().unwrap(), "series");
}

#[test]
fn no_text_collides_on_a_lecturers_own_data() {
    // a small measured dataset with long names, ties and a skewed scale
    let mut csv = String::from("petal length (cm);petal width (cm);species\n");
    for i in 0..60 {
        let (l, w, s) = if i % 2 == 0 {
            (
                4.0 + f64::from(i % 7) * 0.1,
                1.2 + f64::from(i % 5) * 0.1,
                "versicolor",
            )
        } else {
            (
                5.1 + f64::from(i % 9) * 0.1,
                1.8 + f64::from(i % 4) * 0.1,
                "virginica",
            )
        };
        csv.push_str(&format!("{l:.1};{w:.1};{s}\n"));
    }
    let data =
        Dataset::from_csv_reader_with_classes(csv.as_bytes(), Some("species"), Some("virginica"))
            .unwrap()
            .with_name("Iris versicolor vs virginica");
    check(&Series::fit_on(&data, 7).unwrap(), "iris");
}
