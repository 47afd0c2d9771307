//! The workloads of the NumPy / scikit-learn comparison, timed on a CSV
//! file, printed as one JSON object (milliseconds, median of `repeats`).
//!
//! ```text
//! cargo bench -p activation-lab --bench workloads -- DATA.csv [epochs] [repeats]
//! ```
//!
//! The same update as the peers: a 2-200-1 sigmoid MLP, plain gradient
//! descent (η = 0.5) on raw inputs, no L2, weights from a seeded Glorot
//! initialisation; then `predict_proba` on a 500 × 500 grid over the data.

use std::time::Instant;

use activation_lab::prelude::*;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn settings(batch_size: usize, epochs: usize) -> Mlp {
    Mlp::new()
        .hidden_units(200)
        .optimizer(Optimizer::GradientDescent)
        .learning_rate(0.5)
        .batch_size(batch_size)
        .l2(0.0)
        .standardize(false)
        .shuffle(batch_size != 0)
        .epochs(epochs)
        .seed(0)
}

fn main() {
    // `cargo bench` adds `--bench`; everything else is positional
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: workloads DATA.csv [epochs] [repeats]");
        std::process::exit(2);
    };
    let epochs: usize = args.get(1).map_or(200, |s| s.parse().unwrap());
    let repeats: usize = args.get(2).map_or(5, |s| s.parse().unwrap());
    let data = Dataset::from_csv_path(path, None).unwrap();

    let per_epoch = |batch_size: usize| {
        let s = settings(batch_size, epochs);
        let times = (0..repeats)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(s.fit(&data).unwrap());
                t.elapsed().as_secs_f64() * 1e3 / epochs as f64
            })
            .collect();
        median(times)
    };
    let full = per_epoch(0);
    let mini = per_epoch(32);
    let model = settings(0, epochs).fit(&data).unwrap();
    let final_loss = model.history().final_train_loss().unwrap();

    let r = data.feature_ranges();
    let n = 500;
    let grid = Array2::from_shape_fn((n * n, 2), |(k, c)| {
        let (lo, hi) = r[c];
        let i = if c == 0 { k % n } else { k / n };
        lo + (i as f64 + 0.5) * (hi - lo) / n as f64
    });
    let grid_ms = median(
        (0..repeats)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(model.predict_proba(&grid).unwrap());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    );
    println!(
        "{{\"n\": {}, \"epochs\": {epochs}, \"repeats\": {repeats}, \"threads\": {}, \
         \"full_batch_epoch_ms\": {full:.6}, \"minibatch_32_epoch_ms\": {mini:.6}, \
         \"grid_500x500_ms\": {grid_ms:.4}, \"final_loss\": {final_loss:.10}}}",
        data.n_samples(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
    );
}
