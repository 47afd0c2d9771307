//! Datasets: the generators, `Dataset::new`, names, `select`, `split` and
//! the standardiser.

use crate::cases::{Case, bad, either, finite};
use activation_lab::prelude::*;

/// Sample counts no machine should be asked to allocate.
const HUGE_COUNTS: [usize; 4] = [1_000_000_000, 1 << 40, usize::MAX / 2, usize::MAX];
/// Noise levels that are not a noise level.
const BAD_NOISE: [f64; 7] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -1.0,
    -1e-300,
    1e308,
    f64::MAX,
];
/// Seeds at the edges (every one is valid).
const SEEDS: [u64; 3] = [0, 1, u64::MAX];

type Generator = fn(usize, f64, u64) -> Result<Dataset>;

fn generators() -> Vec<(&'static str, Generator)> {
    vec![
        ("blobs", blobs as Generator),
        ("moons", moons),
        ("circles", |n, noise, seed| circles(n, noise, seed)),
        ("xor", xor),
        ("spirals", spirals),
    ]
}

/// A valid two-feature dataset with both classes.
pub fn tiny() -> Dataset {
    Dataset::new(
        array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
        array![0, 1, 1, 0],
    )
    .unwrap()
}

pub fn cases(out: &mut Vec<Case>) {
    generator_cases(out);
    dataset_cases(out);
    split_cases(out);
    standardizer_cases(out);
}

fn generator_cases(out: &mut Vec<Case>) {
    for (name, make) in generators() {
        for n in HUGE_COUNTS {
            bad(
                out,
                "datasets",
                format!("{name}(n_samples = {n})"),
                &["n_samples", "at most"],
                move || make(n, 0.1, 1),
            );
        }
        for n in [0, 1] {
            bad(
                out,
                "datasets",
                format!("{name}(n_samples = {n})"),
                &["n_samples"],
                move || make(n, 0.1, 1),
            );
        }
        for noise in BAD_NOISE {
            bad(
                out,
                "datasets",
                format!("{name}(noise = {noise:e})"),
                &["noise"],
                move || make(100, noise, 1),
            );
        }
        for seed in SEEDS {
            finite(
                out,
                "datasets",
                format!("{name}(seed = {seed})"),
                move || make(50, 0.2, seed),
            );
        }
        for (n, noise) in [(2, 0.0), (3, 1e-300), (101, 5.0), (2, 1000.0)] {
            finite(
                out,
                "datasets",
                format!("{name}(n_samples = {n}, noise = {noise:e})"),
                move || make(n, noise, 3),
            );
        }
    }
    for factor in [
        f64::NAN,
        0.0,
        1.0,
        -0.5,
        1.5,
        f64::INFINITY,
        -f64::INFINITY,
        1e308,
    ] {
        bad(
            out,
            "datasets",
            format!("circles(factor = {factor:e})"),
            &["factor"],
            move || circles_with_factor(100, 0.1, 1, factor),
        );
    }
    for factor in [1e-300, 0.5, 1.0 - f64::EPSILON] {
        finite(
            out,
            "datasets",
            format!("circles(factor = {factor:e})"),
            move || circles_with_factor(100, 0.1, 1, factor),
        );
    }
    for kind in [
        DatasetKind::Blobs,
        DatasetKind::Moons,
        DatasetKind::Circles,
        DatasetKind::Xor,
        DatasetKind::Spirals,
    ] {
        bad(
            out,
            "datasets",
            format!("{kind:?}.generate(n_samples = usize::MAX)"),
            &["n_samples"],
            move || kind.generate(usize::MAX, 0.1, 1),
        );
        bad(
            out,
            "datasets",
            format!("{kind:?}.generate(noise = NaN)"),
            &["noise"],
            move || kind.generate(10, f64::NAN, 1),
        );
    }
}

fn dataset_cases(out: &mut Vec<Case>) {
    let values = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
    for v in values {
        for (r, c) in [(0, 0), (1, 1), (2, 0)] {
            bad(
                out,
                "datasets",
                format!("Dataset::new(features[{r}][{c}] = {v})"),
                &["features", "row"],
                move || {
                    let mut x = Array2::<f64>::zeros((3, 2));
                    x[[r, c]] = v;
                    Dataset::new(x, array![0, 1, 0])
                },
            );
        }
    }
    for huge in [f64::MAX, -f64::MAX, 1e300, f64::MIN_POSITIVE, 5e-324] {
        finite(
            out,
            "datasets",
            format!("Dataset::new(features = {huge:e})"),
            move || Dataset::new(array![[huge, 0.0], [0.0, huge]], array![0, 1]),
        );
    }
    for label in [2u8, 3, 255] {
        bad(
            out,
            "datasets",
            format!("Dataset::new(label = {label})"),
            &["label", "0 or 1"],
            move || Dataset::new(array![[0.0, 0.0], [1.0, 1.0]], array![0, label]),
        );
    }
    for label in [2.0, -1.0, 0.5, f64::NAN, f64::INFINITY, 1e300] {
        bad(
            out,
            "datasets",
            format!("Dataset::from_labels_f64(label = {label:e})"),
            &["label", "0 or 1"],
            move || Dataset::from_labels_f64(array![[0.0, 0.0], [1.0, 1.0]], array![0.0, label]),
        );
    }
    for (rows, cols, labels, word) in [
        (3, 2, 2, "label"),
        (3, 2, 4, "label"),
        (0, 2, 1, "label"),
        (2, 0, 2, "features"),
        (0, 0, 0, "features"),
    ] {
        either(
            out,
            "datasets",
            format!("Dataset::new({rows}×{cols} features, {labels} labels)"),
            &[word],
            move || Dataset::new(Array2::zeros((rows, cols)), Array1::zeros(labels)),
        );
    }
    for names in [
        vec![],
        vec!["a"],
        vec!["a", "b", "c"],
        vec!["", "b"],
        vec!["a", "a"],
    ] {
        bad(
            out,
            "datasets",
            format!("with_feature_names({names:?})"),
            &["feature"],
            move || tiny().with_feature_names(names.iter().map(|s| s.to_string()).collect()),
        );
    }
    for rows in [vec![4usize], vec![0, 1, usize::MAX], vec![1 << 40]] {
        bad(
            out,
            "datasets",
            format!("select({rows:?})"),
            &["row"],
            move || tiny().select(&rows),
        );
    }
    finite(out, "datasets", "select([])", || tiny().select(&[]));
    finite(out, "datasets", "select(repeated rows)", || {
        tiny().select(&[0, 0, 0, 3])
    });
    either(
        out,
        "datasets",
        "check_trainable(one class)",
        &["class"],
        || {
            let d = Dataset::new(array![[0.0, 0.0], [1.0, 1.0]], array![1, 1])?;
            d.check_trainable("the training data").map(|_| 0.0)
        },
    );
    finite(out, "datasets", "feature_ranges(empty data)", || {
        let d = Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0))?;
        Ok(d.feature_ranges()
            .into_iter()
            .flat_map(|(a, b)| [a, b])
            .filter(|v| v.is_finite())
            .collect::<Vec<f64>>())
    });
}

fn split_cases(out: &mut Vec<Case>) {
    for f in [
        f64::NAN,
        -0.1,
        1.0,
        1.5,
        f64::INFINITY,
        -f64::INFINITY,
        1e308,
        -1e-300,
    ] {
        bad(
            out,
            "datasets",
            format!("split(test_fraction = {f:e})"),
            &["test_fraction"],
            move || tiny().split(f, 1),
        );
    }
    for f in [0.0, 1e-300, 0.5, 1.0 - f64::EPSILON] {
        either(
            out,
            "datasets",
            format!("split(test_fraction = {f:e})"),
            &["test_fraction"],
            move || tiny().split(f, u64::MAX),
        );
    }
    either(out, "datasets", "split(one row)", &["row"], || {
        Dataset::new(array![[0.0, 1.0]], array![1])?.split(0.5, 1)
    });
}

fn standardizer_cases(out: &mut Vec<Case>) {
    bad(
        out,
        "standardizer",
        "Standardizer::fit(0 rows)",
        &["empty"],
        || Standardizer::fit(&Array2::zeros((0, 2))),
    );
    bad(
        out,
        "standardizer",
        "Standardizer::fit(0 columns)",
        &["empty"],
        || Standardizer::fit(&Array2::zeros((3, 0))),
    );
    for v in [f64::NAN, f64::INFINITY] {
        bad(
            out,
            "standardizer",
            format!("Standardizer::fit(x with {v})"),
            &["x has a non-finite value"],
            move || Standardizer::fit(&array![[1.0, v], [2.0, 3.0]]),
        );
    }
    for x in [f64::MAX, 1e300, -f64::MAX] {
        either(
            out,
            "standardizer",
            format!("Standardizer::fit(x = ±{x:e})"),
            &["x row"],
            move || Standardizer::fit(&array![[x, 1.0], [-x, 2.0], [0.0, 3.0]]),
        );
    }
    finite(
        out,
        "standardizer",
        "Standardizer::fit(constant column)",
        || Standardizer::fit(&array![[1.0, 5.0], [1.0, 6.0]]),
    );
    finite(out, "standardizer", "Standardizer::fit(one row)", || {
        Standardizer::fit(&array![[1.0, 5.0]])
    });
    finite(
        out,
        "standardizer",
        "Standardizer::fit(tiny spread)",
        || Standardizer::fit(&array![[1.0, 5e-324], [1.0, 0.0]]),
    );
    let s = || Standardizer::fit(&array![[0.0, 0.0], [2.0, 4.0]]).unwrap();
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        bad(
            out,
            "standardizer",
            format!("transform(x with {v})"),
            &["x", "row"],
            move || s().transform(&array![[1.0, v]]),
        );
        bad(
            out,
            "standardizer",
            format!("inverse_transform(x with {v})"),
            &["x", "row"],
            move || s().inverse_transform(&array![[v, 1.0]]),
        );
    }
    for v in [f64::MAX, -f64::MAX] {
        either(
            out,
            "standardizer",
            format!("transform(x = {v:e})"),
            &["x row 0"],
            move || {
                Standardizer::from_parts(array![-f64::MAX, 0.0], array![1e-300, 1.0])?
                    .transform(&array![[v, 1.0]])
            },
        );
        either(
            out,
            "standardizer",
            format!("inverse_transform(x = {v:e})"),
            &["x row 0"],
            move || {
                Standardizer::from_parts(array![f64::MAX, 0.0], array![1e300, 1.0])?
                    .inverse_transform(&array![[v, 1.0]])
            },
        );
    }
    for cols in [0, 1, 3] {
        bad(
            out,
            "standardizer",
            format!("transform({cols} columns)"),
            &["column"],
            move || s().transform(&Array2::zeros((2, cols))),
        );
    }
    for (mean, scale, word) in [
        (vec![f64::NAN, 0.0], vec![1.0, 1.0], "mean"),
        (vec![0.0, 0.0], vec![0.0, 1.0], "scale"),
        (vec![0.0, 0.0], vec![-1.0, 1.0], "scale"),
        (vec![0.0, 0.0], vec![f64::INFINITY, 1.0], "scale"),
        (vec![0.0, 0.0], vec![f64::NAN, 1.0], "scale"),
        (vec![0.0], vec![1.0, 1.0], "scale"),
        (vec![], vec![], "mean"),
    ] {
        bad(
            out,
            "standardizer",
            format!("from_parts({mean:?}, {scale:?})"),
            &[word],
            move || {
                Standardizer::from_parts(Array1::from(mean.clone()), Array1::from(scale.clone()))
            },
        );
    }
    bad(
        out,
        "standardizer",
        "transform_dataset(3 features)",
        &["column"],
        move || s().transform_dataset(&Dataset::new(Array2::zeros((2, 3)), array![0, 1])?),
    );
    finite(out, "standardizer", "fit_dataset(moons)", || {
        Standardizer::fit_dataset(&moons(100, 0.1, 1)?)
    });
}
