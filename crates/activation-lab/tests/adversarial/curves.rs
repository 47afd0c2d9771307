//! Training curves of any history a student can build, and animations.

use crate::cases::{Case, bad, finite};
use crate::data::tiny;
use crate::figures::{mlp, svg};
use activation_lab::prelude::*;

pub fn cases(out: &mut Vec<Case>) {
    curve_cases(out);
}

/// Training curves of any history a student can build, and animations.
fn curve_cases(out: &mut Vec<Case>) {
    let hist = move |train: Vec<f64>, acc: Vec<f64>| History {
        train_loss: train,
        train_accuracy: acc,
        ..History::default()
    };
    let m = f64::MAX;
    for (name, loss) in [
        ("±MAX", vec![m, -m]),
        ("1e308", vec![1e308, 1e307]),
        ("1e300", vec![1e300, 2e300]),
        ("negative", vec![-1.0, -2.0]),
    ] {
        bad(
            out,
            "curves",
            format!("training_curves(losses {name})"),
            &["history.train_loss"],
            move || svg(training_curves(&hist(loss.clone(), vec![0.5, 0.6]))),
        );
    }
    for (name, loss) in [
        ("1e100", vec![1e100, 1.0]),
        ("all equal", vec![0.7, 0.7]),
        ("one epoch", vec![0.7]),
        ("5e-324", vec![5e-324, 0.0]),
    ] {
        let n = loss.len();
        finite(
            out,
            "curves",
            format!("training_curves(losses {name})"),
            move || svg(training_curves(&hist(loss.clone(), vec![0.5; n]))),
        );
    }
    for (name, acc) in [
        ("above 1", vec![1.5, 2.0]),
        ("below 0", vec![-0.5, 0.0]),
        ("1e300", vec![1e300, 0.0]),
    ] {
        bad(
            out,
            "curves",
            format!("training_curves(accuracy {name})"),
            &["history.train_accuracy"],
            move || svg(training_curves(&hist(vec![0.5, 0.4], acc.clone()))),
        );
    }
    for v in [f64::NAN, f64::INFINITY] {
        bad(
            out,
            "curves",
            format!("training_curves(loss {v})"),
            &["history.train_loss"],
            move || svg(training_curves(&hist(vec![0.5, v], vec![0.5, 0.5]))),
        );
    }
    bad(
        out,
        "curves",
        "training_curves(empty)",
        &["history", "empty"],
        || svg(training_curves(&History::default())),
    );
    bad(
        out,
        "curves",
        "training_curves(ragged)",
        &["history.train_accuracy"],
        move || svg(training_curves(&hist(vec![0.5, 0.4], vec![0.5]))),
    );
    bad(
        out,
        "curves",
        "training_curves(ragged validation columns)",
        &["history.validation"],
        move || {
            svg(training_curves(&History {
                validation_loss: vec![0.5],
                ..hist(vec![0.5, 0.4], vec![0.5, 0.6])
            }))
        },
    );
    finite(out, "curves", "training_curves(20 000 epochs)", move || {
        svg(training_curves(&hist(
            (0..20_000).map(|i| 1.0 / (1.0 + i as f64)).collect(),
            vec![0.5; 20_000],
        )))
    });
    finite(
        out,
        "curves",
        "training_curves(10 000 000 epochs)",
        move || {
            let n = 10_000_000;
            let f = training_curves(&hist(
                (0..n).map(|i| 1.0 / (1.0 + i as f64)).collect(),
                vec![0.5; n],
            ))?;
            let svg = f.to_svg()?;
            // bounded: not 10⁷ points
            Ok(if svg.len() < 2_000_000 {
                vec![]
            } else {
                vec![f64::NAN]
            })
        },
    );
    let frames = |n: usize| -> Vec<(usize, MlpModel)> { (0..n).map(|i| (i, mlp(3))).collect() };
    bad(
        out,
        "curves",
        "training_animation(no frames)",
        &["frames"],
        move || training_animation(&[], &tiny()).map(|a| a.len()),
    );
    bad(
        out,
        "curves",
        "training_animation(201 frames)",
        &["frames"],
        move || training_animation(&frames(201), &tiny()).map(|a| a.len()),
    );
    bad(
        out,
        "curves",
        "training_animation(empty data)",
        &["data", "empty"],
        move || {
            training_animation(
                &frames(2),
                &Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0))?,
            )
            .map(|a| a.len())
        },
    );
    bad(
        out,
        "curves",
        "animation of 200 frames at 8192×8192",
        &["frames", "memory"],
        move || {
            training_animation(&frames(200), &tiny())?
                .with_size(FigureSize::Pixels {
                    width: 8192,
                    height: 8192,
                })
                .to_gif()
                .map(|_| 0.0)
        },
    );
    finite(
        out,
        "curves",
        "animation of 2 frames, frame delay u32::MAX",
        move || {
            training_animation(&frames(2), &tiny())?
                .with_frame_delay(u32::MAX)
                .with_size(FigureSize::Pixels {
                    width: 64,
                    height: 64,
                })
                .to_gif()
                .map(|_| 0.0)
        },
    );
    bad(
        out,
        "curves",
        "save_gif(missing directory)",
        &["no-such-dir"],
        move || {
            training_animation(&frames(1), &tiny())?
                .with_size(FigureSize::Pixels {
                    width: 64,
                    height: 64,
                })
                .save_gif("no-such-dir/a.gif")
        },
    );
}
