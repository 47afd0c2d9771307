//! A vectorisable exponential and sigmoid for the kernels.

/// e^x for x ≤ 0, branch-free so that loops over it vectorise.
///
/// ```text
/// x = n·ln 2 + r,  |r| ≤ ln(2)/2      (n = round(x / ln 2), Cody–Waite split of ln 2)
/// e^r = 1 + r + r²·q(r)               (Taylor to r¹³: truncation < 1e-17,
///                                      q by Estrin's scheme)
/// e^x = e^r · 2^(n + 54) · 2^(−54)    (both scalings exact unless the result is subnormal)
/// ```
///
/// Below −746 it returns 0 (e^x rounds to 0 there); NaN propagates. For
/// x > 0 the result is wrong: callers pass −|z|.
#[inline(always)]
pub(crate) fn exp_non_positive(x: f64) -> f64 {
    const LOG2E: f64 = std::f64::consts::LOG2_E;
    // ln 2 = LN2_HI + LN2_LO; n·LN2_HI is exact for |n| < 2^11
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000); // 6.93147180369123816490e-1
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76); // 1.90821492927058770002e-10
    // adding 1.5·2^52 rounds to an integer held in the low mantissa bits
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    const SHIFT_BITS: u64 = 0x4338_0000_0000_0000;
    const TWO_POW_MINUS_54: f64 = 5.551_115_123_125_783e-17;
    // 1/k! for k = 2..=13
    const C: [f64; 12] = [
        1.0 / 2.0,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5_040.0,
        1.0 / 40_320.0,
        1.0 / 362_880.0,
        1.0 / 3_628_800.0,
        1.0 / 39_916_800.0,
        1.0 / 479_001_600.0,
        1.0 / 6_227_020_800.0,
    ];
    // a comparison, not `max`, so that NaN passes through
    let x = if x < -746.0 { -746.0 } else { x };
    let t = x * LOG2E + SHIFT;
    let n = t - SHIFT;
    let r = (x - n * LN2_HI) - n * LN2_LO;
    // q(r) = Σ C[i]·r^i by Estrin's scheme: a dependency chain of depth 4
    // instead of Horner's 11, so the processor overlaps many lanes' work
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    let q01 = C[0] + C[1] * r;
    let q23 = C[2] + C[3] * r;
    let q45 = C[4] + C[5] * r;
    let q67 = C[6] + C[7] * r;
    let q89 = C[8] + C[9] * r;
    let q1011 = C[10] + C[11] * r;
    let q0_3 = q01 + q23 * r2;
    let q4_7 = q45 + q67 * r2;
    let q8_11 = q89 + q1011 * r2;
    let q = (q0_3 + q4_7 * r4) + q8_11 * r8;
    let p = 1.0 + (r + r2 * q);
    // n ∈ [−1077, 0] → biased exponent of 2^(n + 54) in [0, 1077]
    let n_plus_bias = t.to_bits().wrapping_sub(SHIFT_BITS).wrapping_add(1023 + 54);
    let scale = f64::from_bits(n_plus_bias << 52);
    (p * scale) * TWO_POW_MINUS_54
}

/// The logistic sigmoid, stable and branch-free:
///
/// ```text
/// e = e^(−|z|);   σ(z) = 1/(1 + e) for z ≥ 0,   e/(1 + e) for z < 0
/// ```
///
/// (the same formula as [`crate::activation::sigmoid`], with
/// [`exp_non_positive`] for the exponential).
#[inline(always)]
pub(crate) fn sigmoid_lane(z: f64) -> f64 {
    let e = exp_non_positive(-z.abs());
    let numerator = if z >= 0.0 { 1.0 } else { e };
    numerator / (1.0 + e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::sigmoid;

    /// Distance in units in the last place between two finite numbers of
    /// the same sign.
    fn ulps(a: f64, b: f64) -> u64 {
        a.to_bits().abs_diff(b.to_bits())
    }

    #[test]
    fn exp_is_within_one_ulp_of_the_standard_library() {
        let mut worst = 0;
        let mut x = 0.0f64;
        // a dense sweep of [−708, 0] plus the subnormal range
        while x > -708.0 {
            worst = worst.max(ulps(exp_non_positive(x), x.exp()));
            x -= 0.000_731_1;
        }
        assert!(worst <= 1, "worst error {worst} ulp");
        for x in [-708.5, -720.0, -740.0, -745.0] {
            let (fast, std) = (exp_non_positive(x), x.exp());
            assert!((fast - std).abs() <= 1e-3 * std, "{x}: {fast} vs {std}");
        }
    }

    #[test]
    fn exp_handles_the_ends_and_nan() {
        assert_eq!(exp_non_positive(0.0), 1.0);
        assert_eq!(exp_non_positive(-0.0), 1.0);
        assert_eq!(exp_non_positive(-746.0), 0.0);
        assert_eq!(exp_non_positive(-1e300), 0.0);
        assert_eq!(exp_non_positive(f64::NEG_INFINITY), 0.0);
        assert!(exp_non_positive(f64::NAN).is_nan());
    }

    #[test]
    fn sigmoid_lane_matches_the_catalogue_sigmoid() {
        let mut worst = 0.0f64;
        let mut z = -40.0;
        while z < 40.0 {
            let (fast, reference) = (sigmoid_lane(z), sigmoid(z));
            worst = worst.max((fast - reference).abs() / reference);
            z += 0.001_37;
        }
        assert!(worst < 5e-16, "worst relative error {worst}");
        assert_eq!(sigmoid_lane(0.0), 0.5);
        assert_eq!(sigmoid_lane(1e4), 1.0);
        assert_eq!(sigmoid_lane(-1e4), 0.0);
        assert_eq!(sigmoid_lane(f64::INFINITY), 1.0);
        assert_eq!(sigmoid_lane(f64::NEG_INFINITY), 0.0);
        assert!(sigmoid_lane(f64::NAN).is_nan());
    }
}
