//! The one random-number generator of the crate: ChaCha8, seeded from a
//! `u64`. It is portable (same stream on every platform and every `rand`
//! release), so the same seed gives the same data and the same weights.

use rand::SeedableRng;
pub use rand_chacha::ChaCha8Rng;

/// A ChaCha8 generator seeded from `seed`.
pub fn seeded(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// One draw from the standard normal distribution (Box–Muller, one value
/// per two uniforms; simple and the same on every platform).
pub fn standard_normal(rng: &mut impl rand::Rng) -> f64 {
    // u1 in (0, 1], so ln(u1) is finite
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}
