//! The hidden-unit gallery and its helpers, the figure grids and the L2
//! study: unit indices, counts, widths and seeds at the edges, and models
//! too wide to draw unit by unit.

use crate::cases::{Case, bad, either, finite};
use crate::data::tiny;
use crate::figures::{mlp, svg};
use activation_lab::prelude::*;

pub fn cases(out: &mut Vec<Case>) {
    gallery_cases(out);
    grid_cases(out);
}

/// The hidden-unit gallery and its helpers, on wide models too.
fn gallery_cases(out: &mut Vec<Case>) {
    bad(
        out,
        "gallery",
        "hidden_unit_gallery(unit out of range)",
        &["unit", "3"],
        || svg(hidden_unit_gallery(&mlp(3), &tiny(), &[3])),
    );
    bad(
        out,
        "gallery",
        "hidden_unit_gallery(no units)",
        &["units"],
        || svg(hidden_unit_gallery(&mlp(3), &tiny(), &[])),
    );
    bad(
        out,
        "gallery",
        "hidden_unit_gallery(9 units)",
        &["units"],
        || {
            svg(hidden_unit_gallery(
                &mlp(12),
                &tiny(),
                &[0, 1, 2, 3, 4, 5, 6, 7, 8],
            ))
        },
    );
    bad(
        out,
        "gallery",
        "hidden_unit_gallery(unit usize::MAX)",
        &["unit"],
        || svg(hidden_unit_gallery(&mlp(3), &tiny(), &[usize::MAX])),
    );
    // one unit of a very wide model: only the drawn unit is computed
    finite(
        out,
        "gallery",
        "hidden_unit_gallery(1 unit of 100 000)",
        || svg(hidden_unit_gallery(&mlp(100_000), &tiny(), &[99_999])),
    );
    finite(
        out,
        "gallery",
        "strongest_hidden_units(k = usize::MAX)",
        || Ok(strongest_hidden_units(&mlp(5), usize::MAX).len()),
    );
    finite(out, "gallery", "strongest_hidden_units(k = 0)", || {
        Ok(strongest_hidden_units(&mlp(5), 0).len())
    });
    for k in [0usize, 6, usize::MAX] {
        // k = 0 holds every unit at its mean; k ≥ the width is the network
        finite(out, "gallery", format!("partial_sum(k = {k})"), move || {
            partial_sum(&mlp(5), &tiny(), k)
        });
        either(
            out,
            "gallery",
            format!("distinct_hidden_units(k = {k})"),
            &["k"],
            move || distinct_hidden_units(&mlp(5), &tiny(), k).map(|v| v.len()),
        );
    }
    for (u, v) in [(0usize, 5usize), (5, 0), (usize::MAX, 0)] {
        bad(
            out,
            "gallery",
            format!("line_angle_between({u}, {v})"),
            &["unit"],
            move || line_angle_between(&mlp(5), u, v),
        );
    }
    either(
        out,
        "gallery",
        "line_angle_between(a unit with zero weights)",
        &["weights"],
        || {
            line_angle_between(
                &MlpModel::from_weights(
                    array![[0.0, 1.0], [0.0, 1.0]],
                    array![0.0, 0.0],
                    array![1.0, 1.0],
                    0.0,
                    Activation::Tanh,
                )?,
                0,
                1,
            )
        },
    );
    for h in [0usize, 1, 100_000, usize::MAX] {
        finite(
            out,
            "gallery",
            format!("partial_sum_sizes({h})"),
            move || Ok(partial_sum_sizes(h).len()),
        );
    }
    finite(out, "gallery", "unit_order(1 000 units)", || {
        unit_order(&mlp(1000), &tiny()).map(|v| v.len())
    });
    finite(out, "gallery", "partial_sum_accuracies(200 units)", || {
        partial_sum_accuracies(&mlp(200), &tiny())
            .map(|v| v.into_iter().map(|(_, a)| a).collect::<Vec<f64>>())
    });
    bad(
        out,
        "gallery",
        "unit_order(3-feature data)",
        &["feature"],
        || {
            unit_order(&mlp(5), &Dataset::new(Array2::zeros((2, 3)), array![0, 1])?)
                .map(|v| v.len())
        },
    );
}

/// The grids and the L2 study: counts, widths and seeds at the edges.
fn grid_cases(out: &mut Vec<Case>) {
    bad(
        out,
        "grids",
        "models_by_datasets(no datasets)",
        &["datasets"],
        || svg(models_by_datasets(&[], 5, 1)),
    );
    bad(
        out,
        "grids",
        "models_by_datasets(9 datasets)",
        &["datasets"],
        || svg(models_by_datasets(&vec![tiny(); 9], 5, 1)),
    );
    bad(
        out,
        "grids",
        "models_by_datasets(epochs 0)",
        &["epochs"],
        || svg(models_by_datasets(&[tiny()], 0, 1)),
    );
    bad(
        out,
        "grids",
        "models_by_datasets(epochs usize::MAX)",
        &["epochs"],
        || svg(models_by_datasets(&[tiny()], usize::MAX, 1)),
    );
    bad(
        out,
        "grids",
        "models_by_datasets(one-class data)",
        &["class"],
        || {
            svg(models_by_datasets(
                &[Dataset::new(array![[0.0, 0.0], [1.0, 1.0]], array![1, 1])?],
                5,
                1,
            ))
        },
    );
    bad(
        out,
        "grids",
        "activations_by_widths(no widths)",
        &["widths"],
        || {
            svg(activations_by_widths(
                &tiny(),
                &[Activation::Tanh],
                &[],
                5,
                1,
            ))
        },
    );
    bad(
        out,
        "grids",
        "activations_by_widths(no activations)",
        &["activations"],
        || svg(activations_by_widths(&tiny(), &[], &[1], 5, 1)),
    );
    bad(
        out,
        "grids",
        "activations_by_widths(width 0)",
        &["width"],
        || {
            svg(activations_by_widths(
                &tiny(),
                &[Activation::Tanh],
                &[0],
                5,
                1,
            ))
        },
    );
    bad(
        out,
        "grids",
        "activations_by_widths(width usize::MAX)",
        &["width"],
        || {
            svg(activations_by_widths(
                &tiny(),
                &[Activation::Tanh],
                &[usize::MAX],
                5,
                1,
            ))
        },
    );
    bad(
        out,
        "grids",
        "activations_by_widths(step activation)",
        &["activation"],
        || {
            svg(activations_by_widths(
                &tiny(),
                &[Activation::UnitStep],
                &[2],
                5,
                1,
            ))
        },
    );
    finite(out, "grids", "activations_by_widths(1×1)", || {
        svg(activations_by_widths(
            &tiny(),
            &[Activation::Identity],
            &[1],
            2,
            u64::MAX,
        ))
    });
    bad(
        out,
        "grids",
        "ModelGrid.cell(out of range)",
        &["no such row"],
        || {
            fit_models_by_datasets(&[tiny()], 2, 1)?
                .bend("no such row", "data")
                .map(|_| 0.0)
        },
    );
    bad(
        out,
        "grids",
        "fit_activations_by_widths(width 0)",
        &["widths[0]"],
        || fit_activations_by_widths(&tiny(), &[Activation::Tanh], &[0], 5, 1).map(|_| 0.0),
    );
    bad(
        out,
        "grids",
        "ModelGrid.test_accuracy(no such cell)",
        &["no such row"],
        || fit_models_by_datasets(&[tiny()], 2, 1)?.test_accuracy("no such row", "data"),
    );
    for seeds in [vec![1u64], vec![u64::MAX, 0]] {
        finite(
            out,
            "experiments",
            format!("l2_study(seeds {seeds:?}): every summary finite"),
            move || {
                let s = l2_study(
                    |s| moons(40, 0.1, s),
                    0.25,
                    &Mlp::new().hidden_units(3).epochs(2),
                    0.01,
                    &seeds,
                )?;
                let mut v = Vec::new();
                for (a, b) in [
                    s.gap_without(),
                    s.gap_with(),
                    s.test_without(),
                    s.test_with(),
                    s.mean_length(),
                ] {
                    v.extend([a, b]);
                }
                v.extend(
                    s.runs
                        .iter()
                        .flat_map(|r| [r.without.gap(), r.with.gap(), r.with.bend]),
                );
                Ok(v)
            },
        );
    }
    bad(out, "experiments", "l2_study(no seeds)", &["seeds"], || {
        l2_study(
            |s| moons(40, 0.1, s),
            0.25,
            &Mlp::new().hidden_units(3).epochs(2),
            0.01,
            &[],
        )
        .map(|s| s.runs.len())
    });
    for l2 in [f64::NAN, -1.0, f64::INFINITY] {
        bad(
            out,
            "experiments",
            format!("l2_study(l2 = {l2})"),
            &["l2"],
            move || {
                l2_study(
                    |s| moons(40, 0.1, s),
                    0.25,
                    &Mlp::new().hidden_units(3).epochs(2),
                    l2,
                    &[1],
                )
                .map(|s| s.runs.len())
            },
        );
    }
    for f in [f64::NAN, 1.0, -0.5] {
        bad(
            out,
            "experiments",
            format!("l2_study(test_fraction = {f})"),
            &["test_fraction"],
            move || {
                l2_study(
                    |s| moons(40, 0.1, s),
                    f,
                    &Mlp::new().hidden_units(3).epochs(2),
                    0.01,
                    &[1],
                )
                .map(|s| s.runs.len())
            },
        );
    }
    bad(
        out,
        "experiments",
        "l2_study(data that fails)",
        &["noise"],
        || {
            l2_study(
                |s| moons(40, -1.0, s),
                0.25,
                &Mlp::new().hidden_units(3).epochs(2),
                0.01,
                &[1],
            )
            .map(|s| s.runs.len())
        },
    );
    bad(
        out,
        "experiments",
        "l2_study(bad settings)",
        &["learning_rate"],
        || {
            l2_study(
                |s| moons(40, 0.1, s),
                0.25,
                &Mlp::new().learning_rate(-1.0),
                0.01,
                &[1],
            )
            .map(|s| s.runs.len())
        },
    );
    bad(
        out,
        "figures",
        "export_all(into a file)",
        &["Cargo.toml"],
        || {
            export_all(
                std::path::Path::new("Cargo.toml"),
                &[ImageFormat::Svg],
                FigureSize::Notebook,
            )
            .map(|v| v.len())
        },
    );
    bad(
        out,
        "figures",
        "export_all(no formats)",
        &["formats"],
        || {
            export_all(
                std::path::Path::new("target/never-written"),
                &[],
                FigureSize::Notebook,
            )
            .map(|v| v.len())
        },
    );
}
