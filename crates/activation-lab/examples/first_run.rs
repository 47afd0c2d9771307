//! Trains the default models on the series' datasets and prints accuracy
//! and training time: `cargo run --release --example first_run`.

use std::time::Instant;

use activation_lab::prelude::*;

fn main() -> activation_lab::Result<()> {
    let series = [
        moons(1000, 0.2, 0)?,
        circles(1000, 0.1, 0)?,
        xor(1000, 0.0, 0)?,
    ];
    println!("| data | MLP 2-200-1 train acc | MLP time | logistic train acc | logistic time |");
    println!("|---|---|---|---|---|");
    for data in &series {
        let start = Instant::now();
        let mlp = Mlp::new().fit(data)?;
        let t_mlp = start.elapsed();
        let start = Instant::now();
        let logistic = LogisticRegression::new().fit(data)?;
        let t_log = start.elapsed();
        println!(
            "| {} | {:.3} | {:.0} ms | {:.3} | {:.1} ms |",
            data.name(),
            mlp.accuracy(data)?,
            t_mlp.as_secs_f64() * 1e3,
            logistic.accuracy(data)?,
            t_log.as_secs_f64() * 1e3
        );
    }
    Ok(())
}
