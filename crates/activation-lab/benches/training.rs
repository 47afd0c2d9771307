//! Training and evaluation speed of the 2-200-1 sigmoid MLP, one benchmark
//! per target (release build, f64):
//!
//! ```text
//! mlp_full_batch_epoch      n = 1000, full-batch gradient descent   ≤ 0.25 ms per epoch
//! mlp_minibatch_32_epoch    n = 1000, minibatches of 32             within 2× of full batch
//! decision_grid_500x500     250 000 points through the trained MLP  ≤ 50 ms
//! ```
//!
//! Each training benchmark runs `EPOCHS` epochs per iteration (so the
//! one-off set-up is amortised); divide the time by `EPOCHS`, or read the
//! epochs/s throughput. Run with `cargo bench -p activation-lab --bench training`.

use activation_lab::prelude::*;
use divan::Bencher;
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

/// Epochs per timed training run.
const EPOCHS: usize = 20;

/// The comparison data: `activation-lab data moons --samples 1000 --seed 0`.
fn data() -> Dataset {
    moons(1000, 0.2, 0).unwrap()
}

/// Plain gradient descent on raw inputs without L2: the update that NumPy
/// and scikit-learn's `MLPClassifier(solver="sgd", momentum=0)` perform.
fn plain_gd(batch_size: usize) -> Mlp {
    Mlp::new()
        .hidden_units(200)
        .activation(Activation::Sigmoid)
        .optimizer(Optimizer::GradientDescent)
        .learning_rate(0.5)
        .batch_size(batch_size)
        .l2(0.0)
        .standardize(false)
        .epochs(EPOCHS)
        .seed(0)
}

#[divan::bench(sample_count = 30)]
fn mlp_full_batch_epoch(bencher: Bencher) {
    let data = data();
    let settings = plain_gd(0).shuffle(false);
    bencher
        .counter(ItemsCount::new(EPOCHS))
        .bench_local(|| settings.fit(divan::black_box(&data)).unwrap());
}

#[divan::bench(sample_count = 30)]
fn mlp_minibatch_32_epoch(bencher: Bencher) {
    let data = data();
    let settings = plain_gd(32);
    bencher
        .counter(ItemsCount::new(EPOCHS))
        .bench_local(|| settings.fit(divan::black_box(&data)).unwrap());
}

/// The 500 × 500 cell centres over the data's range, `[250 000, 2]`.
fn grid_500x500(data: &Dataset) -> Array2<f64> {
    let r = data.feature_ranges();
    let n = 500;
    Array2::from_shape_fn((n * n, 2), |(k, c)| {
        let (lo, hi) = r[c];
        let i = if c == 0 { k % n } else { k / n };
        lo + (i as f64 + 0.5) * (hi - lo) / n as f64
    })
}

#[divan::bench(sample_count = 20)]
fn decision_grid_500x500(bencher: Bencher) {
    let data = data();
    let model = plain_gd(0).epochs(200).fit(&data).unwrap();
    let grid = grid_500x500(&data);
    bencher
        .counter(ItemsCount::new(grid.nrows()))
        .bench_local(|| model.predict_proba(divan::black_box(&grid)).unwrap());
}
