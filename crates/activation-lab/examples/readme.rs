//! The README's ten-line example, runnable: `cargo run --release --example readme`.

use activation_lab::prelude::*;

fn main() -> activation_lab::Result<()> {
    let data = moons(1000, 0.2, 7)?; // half-moons, seeded
    let (train, test) = data.split(0.3, 7)?; // stratified split
    let line = LogisticRegression::new().fit(&train)?; // net input → sigmoid → step
    let mlp = Mlp::new().hidden_units(200).fit(&train)?; // 200 sigmoid hidden units
    println!("logistic regression: {:.2}", line.accuracy(&test)?);
    println!("200-unit MLP:        {:.2}", mlp.accuracy(&test)?);
    let path = std::env::temp_dir().join("moons-mlp.json");
    mlp.save_json(&path)?; // weights for the command-line tool
    println!("weights saved to {}", path.display());
    Ok(())
}
