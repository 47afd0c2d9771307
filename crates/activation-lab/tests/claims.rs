//! What every exported figure says, asserted on the very data, seed and
//! models it is drawn from ([`Series`], the models behind `export_all`).
//!
//! Set `CLAIMS_SEEDS` (e.g. `CLAIMS_SEEDS=1-12`) to check the same claims
//! for other seeds too, so that a claim does not hang on one lucky split.

use activation_lab::plot::SERIES_SEED;
use activation_lab::prelude::*;

/// The figures say "beats logistic regression": by at least this much.
const MARGIN: f64 = 0.10;

/// Every claim of the exported series that fails for `seed`, in words.
fn broken_claims(seed: u64) -> Vec<String> {
    let s = Series::fit_seeded(seed).unwrap();
    let mut broken = Vec::new();
    let mut claim = |ok: bool, what: String| {
        if !ok {
            broken.push(format!("seed {seed}: {what}"));
        }
    };
    let acc = |m: &dyn Classifier, d: &Dataset| m.accuracy(d).unwrap();
    let bend = |m: &dyn Classifier, d: &Dataset| boundary_bend(m, d).unwrap();

    // 05, 06a, 06b, 12: the legend's names match the data
    let [upper, lower] = class_means(&s.data).unwrap();
    claim(
        s.data.class_names()[0] == "upper moon" && upper[1] > lower[1],
        format!(
            "class 0 is called {:?} and has mean x2 {:.2} against {:.2}",
            s.data.class_names()[0],
            upper[1],
            lower[1]
        ),
    );

    // 06a: logistic regression draws a straight line
    let b = bend(&s.logistic, &s.train);
    claim(
        b.crossings > 0 && b.max_deviation < 1e-9,
        format!("06a's boundary is not a straight line: {b:?}"),
    );

    // 06b: the MLP's boundary is curved and beats logistic regression on
    // the training and the test accuracy the figure prints
    let b = bend(&s.mlp, &s.train);
    claim(
        b.is_curved(),
        format!("06b's boundary is not curved: {b:?}"),
    );
    for (split, d) in [("train", &s.train), ("test", &s.test)] {
        let (mlp, lr) = (acc(&s.mlp, d), acc(&s.logistic, d));
        claim(
            mlp >= lr + MARGIN - 1e-12,
            format!(
                "06b {split}: MLP {mlp:.3} does not beat logistic regression {lr:.3} by 10 points"
            ),
        );
    }

    // 09: the curves' last points are the fitted model's losses
    let h = s.mlp.history();
    let (train_loss, test_loss) = (
        s.mlp.log_loss(&s.train).unwrap(),
        s.mlp.log_loss(&s.test).unwrap(),
    );
    claim(
        (h.train_loss.last().unwrap() - train_loss).abs() < 1e-12
            && (h.validation_loss.last().unwrap() - test_loss).abs() < 1e-12,
        format!(
            "09's last losses {:?}/{:?} are not the model's {train_loss}/{test_loss}",
            h.train_loss.last(),
            h.validation_loss.last()
        ),
    );

    // 12: the animation starts at epoch 0 and ends at 06b's model, curved
    let (first, _) = s.frames.first().unwrap();
    let (last_epoch, last) = s.frames.last().unwrap();
    claim(
        *first == 0,
        format!("the animation starts at epoch {first}"),
    );
    claim(
        last.to_json() == s.mlp.to_json() && *last_epoch == h.epochs(),
        format!("the animation's last frame (epoch {last_epoch}) is not 06b's model"),
    );
    claim(
        bend(last, &s.train).is_curved()
            && acc(last, &s.train) >= acc(&s.logistic, &s.train) + MARGIN - 1e-12,
        "the animation's last frame is not curved or does not beat logistic regression".into(),
    );

    // 10: units with distinct directions; partial sums that build the curve
    let units = &s.gallery_units;
    for (i, &u) in units.iter().enumerate() {
        for &v in &units[..i] {
            let angle = line_angle_between(&s.mlp, u, v).unwrap();
            claim(
                angle >= MIN_LINE_ANGLE_DEG,
                format!("10: units {u} and {v} are only {angle:.1}° apart"),
            );
        }
    }
    let sums = partial_sum_accuracies(&s.mlp, &s.train).unwrap();
    let (k_last, a_last) = *sums.last().unwrap();
    claim(
        k_last == 200 && a_last == acc(&s.mlp, &s.train),
        "10: the last partial sum is not the whole network".into(),
    );
    claim(
        a_last >= sums[0].1 + 0.10,
        format!("10: the partial sums do not climb: {sums:?}"),
    );
    for w in sums.windows(2) {
        claim(
            w[1].1 >= w[0].1 - 0.02,
            format!(
                "10: accuracy drops from {} to {} units: {sums:?}",
                w[0].0, w[1].0
            ),
        );
    }
    let losses: Vec<f64> = partial_sum_sizes(200)
        .into_iter()
        .map(|k| {
            partial_sum(&s.mlp, &s.train, k)
                .unwrap()
                .log_loss(&s.train)
                .unwrap()
        })
        .collect();
    for w in losses.windows(2) {
        claim(
            w[1] <= w[0] + 1e-12,
            format!("10: the loss rises as units are added: {losses:?}"),
        );
    }

    // 11a: on the non-linear datasets the MLP bends and beats the line
    let grid = &s.models_by_datasets;
    for data in ["moons", "circles", "xor"] {
        let lr = grid.cell("logistic regression", data).unwrap();
        let mlp = grid.cell("MLP, 200 sigmoid units", data).unwrap();
        let (lr_m, mlp_m) = (
            lr.model.as_ref().unwrap().classifier(),
            mlp.model.as_ref().unwrap().classifier(),
        );
        claim(
            bend(lr_m, &lr.train).max_deviation < 1e-9,
            format!("11a {data}: logistic regression is not straight"),
        );
        let b = bend(mlp_m, &mlp.train);
        claim(
            b.is_curved(),
            format!("11a {data}: the MLP is not curved: {b:?}"),
        );
        let (a_lr, a_mlp) = (
            lr.test_accuracy().unwrap().unwrap(),
            mlp.test_accuracy().unwrap().unwrap(),
        );
        claim(
            a_mlp >= a_lr + MARGIN - 1e-12,
            format!("11a {data}: MLP test {a_mlp:.3} vs logistic regression {a_lr:.3}"),
        );
    }

    // 11b: identity rows collapse to a line at every width; the
    // non-linear rows at 200 units bend and beat logistic regression
    let grid = &s.activations_by_widths;
    for width in ["1 unit", "2 units", "4 units", "200 units"] {
        let cell = grid.cell("identity", width).unwrap();
        let Some(GridModel::Mlp(net)) = &cell.model else {
            panic!("11b identity {width}: no MLP")
        };
        let gap =
            max_net_input_gap(net, &collapsed_line(net).unwrap(), cell.train.features()).unwrap();
        claim(
            gap < 1e-9,
            format!("11b identity {width}: collapse gap {gap:e}"),
        );
        let b = bend(net, &cell.train);
        claim(
            b.max_deviation < 1e-9,
            format!("11b identity {width}: boundary not straight: {b:?}"),
        );
    }
    for activation in ["sigmoid", "tanh", "relu"] {
        let cell = grid.cell(activation, "200 units").unwrap();
        let model = cell.model.as_ref().unwrap().classifier();
        let lr = LogisticRegression::new()
            .seed(seed)
            .fit(&cell.train)
            .unwrap();
        let (a, a_lr) = (cell.test_accuracy().unwrap().unwrap(), acc(&lr, &cell.test));
        let b = bend(model, &cell.train);
        claim(
            b.is_curved(),
            format!("11b {activation} 200: not curved: {b:?}"),
        );
        claim(
            a >= a_lr + MARGIN - 1e-12,
            format!("11b {activation} 200: test {a:.3} vs logistic regression {a_lr:.3}"),
        );
    }
    broken
}

#[test]
fn claim_every_exported_figure_shows_what_its_title_says() {
    let broken = broken_claims(SERIES_SEED);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn claims_hold_for_other_seeds_when_asked() {
    let Ok(spec) = std::env::var("CLAIMS_SEEDS") else {
        return;
    };
    let (lo, hi) = spec.split_once('-').unwrap_or((&spec, &spec));
    let (lo, hi): (u64, u64) = (lo.trim().parse().unwrap(), hi.trim().parse().unwrap());
    let broken: Vec<String> = (lo..=hi).flat_map(broken_claims).collect();
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn claim_the_exported_moons_legend_is_not_swapped() {
    // every moons dataset the series draws names its classes by the data
    for data in [
        moons(400, 0.2, SERIES_SEED).unwrap(),
        moons(160, 0.1, 1).unwrap(),
    ] {
        let [c0, c1] = class_means(&data).unwrap();
        let upper = usize::from(c1[1] > c0[1]);
        assert_eq!(data.class_names()[upper], "upper moon");
    }
    let data = circles(200, 0.05, 2).unwrap();
    let [c0, c1] = class_means(&data).unwrap();
    let radius = |c: usize| {
        let (x, y): (Vec<f64>, Vec<f64>) = data
            .features()
            .rows()
            .into_iter()
            .zip(data.labels())
            .filter(|(_, l)| usize::from(**l) == c)
            .map(|(r, _)| (r[0] - [c0[0], c1[0]][c], r[1] - [c0[1], c1[1]][c]))
            .unzip();
        x.iter().zip(&y).map(|(a, b)| a.hypot(*b)).sum::<f64>() / x.len() as f64
    };
    let outer = usize::from(radius(1) > radius(0));
    assert_eq!(data.class_names()[outer], "outer circle");
}

#[test]
fn claim_helpers_refuse_what_they_cannot_measure() {
    let one_input = MlpModel::from_weights(
        array![[1.0, 2.0]],
        array![0.0, 0.0],
        array![1.0, 1.0],
        0.0,
        Activation::Tanh,
    )
    .unwrap();
    let data = Dataset::new(array![[0.0], [1.0]], array![0, 1]).unwrap();
    assert!(line_angle_between(&one_input, 0, 1).is_err());
    assert!(distinct_hidden_units(&one_input, &data, usize::MAX).is_err());
    assert!(boundary_bend(&one_input, &data).is_err());
    let plane = moons(50, 0.1, 1).unwrap();
    let net = Mlp::new().hidden_units(4).epochs(2).fit(&plane).unwrap();
    assert!(
        distinct_hidden_units(&net, &plane, usize::MAX)
            .unwrap()
            .len()
            <= 4
    );
    assert!(partial_sum(&net, &plane, usize::MAX).is_ok());
    assert!(line_angle_between(&net, 0, 4).is_err());
    assert!(
        l2_study(
            |s| moons(40, 0.1, s),
            0.5,
            &Mlp::new().epochs(2),
            f64::NAN,
            &[1]
        )
        .is_err()
    );
    assert!(l2_study(|s| moons(40, 0.1, s), 0.5, &Mlp::new().epochs(2), 0.1, &[]).is_err());
}
