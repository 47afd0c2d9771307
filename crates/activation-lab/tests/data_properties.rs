//! Properties of the data module: no input panics, validation errors exactly
//! when the input is invalid, splits partition the rows, CSV round-trips.

use activation_lab::{Dataset, Error, Standardizer};
use ndarray::{Array1, Array2};
use proptest::prelude::*;

/// Any f64, NaN and infinities included, with the special values common.
fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => -1e6..1e6f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => prop::num::f64::ANY,
    ]
}

/// Mostly valid labels, sometimes not.
fn any_label() -> impl Strategy<Value = u8> {
    prop_oneof![8 => 0..=1u8, 1 => any::<u8>()]
}

/// A valid dataset whose single feature is the row index, so rows can be
/// traced through a split.
fn traceable_dataset() -> impl Strategy<Value = Dataset> {
    prop::collection::vec(0..=1u8, 0..60).prop_map(|labels| {
        let n = labels.len();
        let features = Array2::from_shape_fn((n, 1), |(i, _)| i as f64);
        Dataset::new(features, Array1::from(labels)).unwrap()
    })
}

/// Finite features (any magnitude) and valid labels.
fn finite_dataset() -> impl Strategy<Value = Dataset> {
    (1..8usize, 1..4usize).prop_flat_map(|(n, d)| {
        (
            prop::collection::vec(
                prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
                n * d,
            ),
            prop::collection::vec(0..=1u8, n),
        )
            .prop_map(move |(values, labels)| {
                Dataset::new(
                    Array2::from_shape_vec((n, d), values).unwrap(),
                    Array1::from(labels),
                )
                .unwrap()
            })
    })
}

/// Text that looks like CSV often enough to reach the deeper checks.
fn csv_like_text() -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just(String::new()),
        Just("0".to_string()),
        Just("1".to_string()),
        Just("1.0".to_string()),
        Just("x1".to_string()),
        Just("y".to_string()),
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("\"q\"".to_string()),
        Just("\"a,\nb\"".to_string()),
        Just(" 2 ".to_string()),
        Just("\u{feff}".to_string()),
        "[a-z0-9.eE+-]{0,6}",
        "\\PC{0,4}",
    ];
    let line = prop::collection::vec(cell, 0..5).prop_map(|cells| cells.join(","));
    let ending = prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("")];
    prop::collection::vec((line, ending), 0..8).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(line, end)| line + end)
            .collect::<String>()
    })
}

proptest! {
    #[test]
    fn csv_reader_never_panics_on_arbitrary_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        label in prop::option::of("[a-z0-9]{0,3}"),
    ) {
        let _ = Dataset::from_csv_reader(&bytes[..], label.as_deref());
    }

    #[test]
    fn csv_reader_never_panics_on_csv_like_text(
        text in csv_like_text(),
        label in prop::option::of(prop_oneof![Just("y".to_string()), Just("x1".to_string()), "[a-z]{0,2}"]),
    ) {
        if let Ok(data) = Dataset::from_csv_reader(text.as_bytes(), label.as_deref()) {
            prop_assert!(data.n_samples() > 0);
            prop_assert!(data.n_features() >= 1);
            prop_assert!(data.features().iter().all(|v| v.is_finite()));
            prop_assert!(data.labels().iter().all(|&y| y <= 1));
        }
    }

    #[test]
    fn csv_errors_name_a_line_inside_the_input(text in csv_like_text()) {
        if let Err(Error::Csv { line, .. }) = Dataset::from_csv_reader(text.as_bytes(), None) {
            let lines = 1 + text.matches('\n').count() + text.matches('\r').count();
            prop_assert!(line >= 1 && line as usize <= lines, "line {} of {}", line, lines);
        }
    }

    #[test]
    fn dataset_new_errors_exactly_when_invalid(
        n in 0..6usize,
        d in 0..4usize,
        extra_labels in prop_oneof![4 => Just(0usize), 1 => 1..3usize],
        values in prop::collection::vec(any_f64(), 24),
        labels in prop::collection::vec(any_label(), 8),
    ) {
        let features = Array2::from_shape_vec((n, d), values[..n * d].to_vec()).unwrap();
        let labels = Array1::from(labels[..n + extra_labels].to_vec());
        let valid = labels.len() == n
            && d >= 1
            && features.iter().all(|v| v.is_finite())
            && labels.iter().all(|&y| y <= 1);
        let result = Dataset::new(features.clone(), labels.clone());
        prop_assert_eq!(result.is_ok(), valid, "{:?}", result);
        let result_f64 = Dataset::from_labels_f64(features, labels.mapv(f64::from));
        prop_assert_eq!(result_f64.is_ok(), valid);
    }

    #[test]
    fn from_labels_f64_never_panics(
        labels in prop::collection::vec(any_f64(), 0..6),
    ) {
        let n = labels.len();
        let result = Dataset::from_labels_f64(Array2::zeros((n, 1)), Array1::from(labels.clone()));
        let valid = labels.iter().all(|&y| y == 0.0 || y == 1.0);
        prop_assert_eq!(result.is_ok(), valid);
    }

    #[test]
    fn split_partitions_rows_exactly(
        data in traceable_dataset(),
        test_fraction in 0.0..1.0f64,
        seed in any::<u64>(),
    ) {
        match data.split(test_fraction, seed) {
            Ok((train, test)) => {
                let mut rows: Vec<usize> = train
                    .features()
                    .iter()
                    .chain(test.features().iter())
                    .map(|&v| v as usize)
                    .collect();
                rows.sort_unstable();
                prop_assert_eq!(rows, (0..data.n_samples()).collect::<Vec<_>>());
                // labels travel with their rows
                for part in [&train, &test] {
                    for (x, &y) in part.features().iter().zip(part.labels()) {
                        prop_assert_eq!(y, data.labels()[*x as usize]);
                    }
                }
                // stratified: each class's test count is round(fraction · n_c)
                let counts = data.class_counts();
                for (c, &n_c) in counts.iter().enumerate() {
                    let expected = (test_fraction * n_c as f64).round() as usize;
                    prop_assert_eq!(test.class_counts()[c], expected);
                    if n_c > 0 {
                        prop_assert!(train.class_counts()[c] > 0);
                    }
                }
            }
            Err(err) => {
                prop_assert!(matches!(err, Error::InvalidParameter { .. }), "{}", err);
                let counts = data.class_counts();
                prop_assert!(counts.iter().any(|&n_c| n_c > 0
                    && (test_fraction * n_c as f64).round() as usize >= n_c));
            }
        }
    }

    #[test]
    fn split_never_panics_for_any_fraction(
        data in traceable_dataset(),
        test_fraction in any_f64(),
        seed in any::<u64>(),
    ) {
        let result = data.split(test_fraction, seed);
        if !(0.0..1.0).contains(&test_fraction) {
            prop_assert!(result.is_err());
        }
    }

    #[test]
    fn select_never_panics(
        data in traceable_dataset(),
        rows in prop::collection::vec(0..80usize, 0..10),
    ) {
        let result = data.select(&rows);
        prop_assert_eq!(result.is_ok(), rows.iter().all(|&i| i < data.n_samples()));
    }

    #[test]
    fn csv_round_trip_is_bit_identical_for_any_finite_data(data in finite_dataset()) {
        let back = Dataset::from_csv_reader(data.to_csv_string().as_bytes(), None).unwrap();
        prop_assert_eq!(back.labels(), data.labels());
        for (a, b) in back.features().iter().zip(data.features()) {
            prop_assert_eq!(a.to_bits(), b.to_bits());
        }
    }

    #[test]
    fn standardizer_never_panics_and_gives_positive_finite_scales(
        n in 0..6usize,
        d in 0..3usize,
        values in prop::collection::vec(any_f64(), 15),
    ) {
        let x = Array2::from_shape_vec((n, d), values[..n * d].to_vec()).unwrap();
        if let Ok(s) = Standardizer::fit(&x) {
            prop_assert!(s.scale().iter().all(|&v| v.is_finite() && v > 0.0));
            prop_assert!(s.mean().iter().all(|v| v.is_finite()));
            let z = s.transform(&x).unwrap();
            // x − mean can overflow only for values near ±f64::MAX
            if x.iter().all(|v| v.abs() <= 1e300) {
                prop_assert!(z.iter().all(|v| v.is_finite()));
            }
        } else {
            prop_assert!(n == 0 || d == 0 || x.iter().any(|v| !v.is_finite()));
        }
    }
}
