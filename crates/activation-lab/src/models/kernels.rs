//! The MLP's inner loops, one input row at a time, with the hidden layer
//! kept in small buffers that stay in the L1 cache:
//!
//! ```text
//! z_hidden = x_i·W1 + b1        [d] · [d, h] → [h]
//! a_hidden = φ(z_hidden)        elementwise
//! z_out    = a_hidden·w2 + b2   [h] · [h] → scalar
//! ```
//!
//! and, for training, the backward pass of the same row accumulated into
//! the gradient. Every loop runs over the hidden units, so the compiler
//! vectorises it; the activation is a type parameter, so there is no
//! per-unit `match`. Sums over hidden units use eight fixed lanes, so the
//! results are the same bit for bit whatever the vector width: the same
//! code is compiled for AVX-512, AVX2 and baseline x86-64 and chosen at
//! run time.
//!
//! The sigmoid uses [`exp_non_positive`], a branch-free exponential
//! within about one unit in the last place of `f64::exp`.

use ndarray::{ArrayView1, ArrayView2};

use crate::activation::Activation;

// ---------------------------------------------------------------------------
// a vectorisable exponential and sigmoid
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// hidden activations as types
// ---------------------------------------------------------------------------

/// A hidden activation φ and its derivative, for the kernels.
pub(crate) trait Hidden: Copy + Send + Sync {
    /// φ(z).
    fn value(self, z: f64) -> f64;
    /// φ'(z), given z and a = φ(z).
    fn derivative(self, z: f64, a: f64) -> f64;
    /// Whether [`derivative`](Hidden::derivative) reads z (otherwise only a).
    const NEEDS_Z: bool;
}

/// The logistic sigmoid: φ' = a(1 − a).
#[derive(Clone, Copy)]
pub(crate) struct Sigmoid;

impl Hidden for Sigmoid {
    #[inline(always)]
    fn value(self, z: f64) -> f64 {
        sigmoid_lane(z)
    }
    #[inline(always)]
    fn derivative(self, _z: f64, a: f64) -> f64 {
        a * (1.0 - a)
    }
    const NEEDS_Z: bool = false;
}

/// Any activation of the catalogue, through [`Activation::value`] and
/// [`Activation::derivative_given_output`]; with a constant `Activation`
/// the compiler removes the `match`.
#[derive(Clone, Copy)]
pub(crate) struct Catalogue(pub Activation);

impl Hidden for Catalogue {
    #[inline(always)]
    fn value(self, z: f64) -> f64 {
        self.0.value(z)
    }
    #[inline(always)]
    fn derivative(self, z: f64, a: f64) -> f64 {
        self.0.derivative_given_output(z, a)
    }
    const NEEDS_Z: bool = true;
}

/// Calls `$body` with `$h` bound to a [`Hidden`] specialised for
/// `$activation`: the sigmoid's fast path, the common activations as
/// constants, the rest through the catalogue's `match`.
macro_rules! with_hidden {
    ($activation:expr, $h:ident => $body:expr) => {{
        use $crate::activation::Activation as A;
        use $crate::models::kernels::{Catalogue, Sigmoid};
        match $activation {
            A::Sigmoid => {
                let $h = Sigmoid;
                $body
            }
            A::Identity => {
                let $h = Catalogue(A::Identity);
                $body
            }
            A::Tanh => {
                let $h = Catalogue(A::Tanh);
                $body
            }
            A::Relu => {
                let $h = Catalogue(A::Relu);
                $body
            }
            other => {
                let $h = Catalogue(other);
                $body
            }
        }
    }};
}
pub(crate) use with_hidden;

// ---------------------------------------------------------------------------
// the kernels
// ---------------------------------------------------------------------------

/// The parameters of a 2-layer network: W1 row-major `[d, h]`, b1, w2 `[h]`, b2.
#[derive(Clone, Copy)]
pub(crate) struct Params<'a> {
    pub w1: &'a [f64],
    pub b1: &'a [f64],
    pub w2: &'a [f64],
    pub b2: f64,
}

impl Params<'_> {
    fn hidden(&self) -> usize {
        self.b1.len()
    }
}

/// The gradient being accumulated, laid out like [`Params`].
pub(crate) struct Grads<'a> {
    pub w1: &'a mut [f64],
    pub b1: &'a mut [f64],
    pub w2: &'a mut [f64],
    pub b2: &'a mut f64,
}

/// Per-row buffers of `h` numbers each.
#[derive(Debug, Clone)]
pub(crate) struct RowBuffers {
    z: Vec<f64>,
    a: Vec<f64>,
}

impl RowBuffers {
    pub fn new(h: usize) -> Self {
        RowBuffers {
            z: vec![0.0; h],
            a: vec![0.0; h],
        }
    }
}

/// Σ_k u_k·v_k in eight fixed lanes, added up in a fixed order.
#[inline(always)]
fn dot(u: &[f64], v: &[f64]) -> f64 {
    let mut lanes = [0.0; 8];
    let (u8s, u_rest) = u.as_chunks::<8>();
    let (v8s, v_rest) = v.as_chunks::<8>();
    for (cu, cv) in u8s.iter().zip(v8s) {
        for l in 0..8 {
            lanes[l] += cu[l] * cv[l];
        }
    }
    for (l, (a, b)) in u_rest.iter().zip(v_rest).enumerate() {
        lanes[l] += a * b;
    }
    ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
        + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
}

/// Forward pass of one row: fills `buf.z` and `buf.a`, returns z_out.
#[inline(always)]
fn forward_row<H: Hidden>(act: H, p: Params<'_>, x: &[f64], buf: &mut RowBuffers) -> f64 {
    let h = p.hidden();
    let z = &mut buf.z[..h];
    let a = &mut buf.a[..h];
    // [d] · [d, h] → [h], then + b1
    let mut rows = p.w1.chunks_exact(h);
    if let (Some(w_row), Some(&xj)) = (rows.next(), x.first()) {
        for (zk, &w) in z.iter_mut().zip(w_row) {
            *zk = xj * w;
        }
    } else {
        z.fill(0.0);
    }
    for (w_row, &xj) in rows.zip(&x[1..]) {
        for (zk, &w) in z.iter_mut().zip(w_row) {
            *zk += xj * w;
        }
    }
    for ((zk, ak), &b) in z.iter_mut().zip(a.iter_mut()).zip(p.b1) {
        *zk += b;
        *ak = act.value(*zk);
    }
    // [h] · [h] → scalar
    dot(a, p.w2) + p.b2
}

/// Forward pass of one row with `D` features known at compile time: one
/// fused loop over the hidden units, then the dot product with w2.
/// Computes the same numbers as [`forward_row`].
#[inline(always)]
fn forward_row_fixed<H: Hidden, const D: usize>(
    act: H,
    p: Params<'_>,
    x: &[f64; D],
    buf: &mut RowBuffers,
) -> f64 {
    let h = p.hidden();
    let w: [&[f64]; D] = std::array::from_fn(|j| &p.w1[j * h..][..h]);
    let (b1, z, a) = (&p.b1[..h], &mut buf.z[..h], &mut buf.a[..h]);
    for k in 0..h {
        // [D] · [D, h] → [h], then + b1
        let mut zk = x[0] * w[0][k];
        for j in 1..D {
            zk += x[j] * w[j][k];
        }
        zk += b1[k];
        if H::NEEDS_Z {
            z[k] = zk;
        }
        a[k] = act.value(zk);
    }
    // [h] · [h] → scalar
    dot(a, p.w2) + p.b2
}

/// Backward pass of one row with `D` features known at compile time, in
/// one fused loop: the same numbers as the general loop in
/// [`forward_backward_rows`].
#[inline(always)]
fn backward_row_fixed<H: Hidden, const D: usize>(
    act: H,
    p: Params<'_>,
    x: &[f64; D],
    d_z_out: f64,
    g: &mut Grads<'_>,
    buf: &RowBuffers,
) {
    let h = p.hidden();
    let (z, a, w2) = (&buf.z[..h], &buf.a[..h], &p.w2[..h]);
    let (gb1, gw2) = (&mut g.b1[..h], &mut g.w2[..h]);
    let gw: [&mut [f64]; D] = {
        let mut rows = g.w1.chunks_exact_mut(h);
        std::array::from_fn(|_| rows.next().expect("W1 has D rows"))
    };
    for k in 0..h {
        let ak = a[k];
        gw2[k] += d_z_out * ak;
        let dphi = if H::NEEDS_Z {
            act.derivative(z[k], ak)
        } else {
            act.derivative(0.0, ak)
        };
        // d_z_hidden = d_z_out·w2 ∘ φ'(z_hidden)
        let dz = d_z_out * w2[k] * dphi;
        gb1[k] += dz;
        // [D] ⊗ [h] → [D, h]
        for j in 0..D {
            gw[j][k] += x[j] * dz;
        }
    }
}

/// Output z_out for each row of `x` into `out` (one row at a time).
#[inline(always)]
fn decision_rows<H: Hidden>(act: H, p: Params<'_>, x: ArrayView2<'_, f64>, out: &mut [f64]) {
    let d = x.ncols();
    let mut buf = RowBuffers::new(p.hidden());
    match d {
        2 => {
            for (row, o) in x.rows().into_iter().zip(out.iter_mut()) {
                *o = forward_row_fixed(act, p, &[row[0], row[1]], &mut buf);
            }
        }
        1 => {
            for (row, o) in x.rows().into_iter().zip(out.iter_mut()) {
                *o = forward_row_fixed(act, p, &[row[0]], &mut buf);
            }
        }
        _ => {
            let mut xi = vec![0.0; d];
            for (row, o) in x.rows().into_iter().zip(out.iter_mut()) {
                for (v, &r) in xi.iter_mut().zip(row) {
                    *v = r;
                }
                *o = forward_row(act, p, &xi, &mut buf);
            }
        }
    }
}

/// The output unit of one row: its loss term, whether it is right, and
/// `d_z_out = (σ(z_out) − y)·scale`.
#[inline(always)]
fn output_row(z_out: f64, y: f64, scale: f64) -> (f64, bool, f64) {
    // softplus(±z_out) and σ(z_out) from one exponential
    let e = (-z_out.abs()).exp();
    let signed = if y == 1.0 { -z_out } else { z_out };
    let loss = signed.max(0.0) + e.ln_1p();
    let a_out = (if z_out >= 0.0 { 1.0 } else { e }) / (1.0 + e);
    let right = (z_out >= 0.0) == (y == 1.0);
    (loss, right, (a_out - y) * scale)
}

/// Loss sum, number correct: the forward and backward pass over the rows
/// of one batch, accumulating `d_z_out = (σ(z_out) − y)·scale` into the
/// gradient (which the caller zeroes first).
#[inline(always)]
fn forward_backward_rows<H: Hidden>(
    act: H,
    p: Params<'_>,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
    scale: f64,
    g: &mut Grads<'_>,
    buf: &mut RowBuffers,
) -> (f64, usize) {
    if x.ncols() == 2 {
        return forward_backward_fixed::<H, 2>(act, p, x, y, scale, g, buf);
    }
    forward_backward_general(act, p, x, y, scale, g, buf)
}

/// [`forward_backward_rows`] for `D` features known at compile time.
#[inline(always)]
fn forward_backward_fixed<H: Hidden, const D: usize>(
    act: H,
    p: Params<'_>,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
    scale: f64,
    g: &mut Grads<'_>,
    buf: &mut RowBuffers,
) -> (f64, usize) {
    let mut loss = 0.0;
    let mut correct = 0usize;
    for (row, &yi) in x.rows().into_iter().zip(y) {
        let xi: [f64; D] = std::array::from_fn(|j| row[j]);
        // forward
        let z_out = forward_row_fixed(act, p, &xi, buf);
        let (l, right, d_z_out) = output_row(z_out, yi, scale);
        loss += l;
        correct += usize::from(right);
        // backward
        *g.b2 += d_z_out;
        backward_row_fixed(act, p, &xi, d_z_out, g, buf);
    }
    (loss, correct)
}

/// [`forward_backward_rows`] for any number of features.
#[inline(always)]
fn forward_backward_general<H: Hidden>(
    act: H,
    p: Params<'_>,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
    scale: f64,
    g: &mut Grads<'_>,
    buf: &mut RowBuffers,
) -> (f64, usize) {
    let h = p.hidden();
    let d = x.ncols();
    let mut xi = [0.0; 8];
    let mut xi_heap = Vec::new();
    let mut loss = 0.0;
    let mut correct = 0usize;
    for (row, &yi) in x.rows().into_iter().zip(y) {
        let xi: &mut [f64] = if d <= 8 {
            &mut xi[..d]
        } else {
            xi_heap.resize(d, 0.0);
            &mut xi_heap
        };
        for (v, &r) in xi.iter_mut().zip(row) {
            *v = r;
        }
        // forward
        let z_out = forward_row(act, p, xi, buf);
        let (l, right, d_z_out) = output_row(z_out, yi, scale);
        loss += l;
        correct += usize::from(right);
        // backward, output layer
        *g.b2 += d_z_out;
        let (z, a) = (&mut buf.z[..h], &buf.a[..h]);
        // backward, hidden layer: d_z_hidden = d_z_out·w2 ∘ φ'(z_hidden), in place of z
        for (((zk, &ak), &wk), gw2) in z.iter_mut().zip(a).zip(p.w2).zip(g.w2.iter_mut()) {
            *gw2 += d_z_out * ak;
            let dphi = if H::NEEDS_Z {
                act.derivative(*zk, ak)
            } else {
                act.derivative(0.0, ak)
            };
            let dz = d_z_out * wk * dphi;
            *zk = dz;
        }
        for (gb, &dz) in g.b1.iter_mut().zip(z.iter()) {
            *gb += dz;
        }
        // [d] ⊗ [h] → [d, h]
        for (g_row, &xj) in g.w1.chunks_exact_mut(h).zip(xi.iter()) {
            for (gw, &dz) in g_row.iter_mut().zip(z.iter()) {
                *gw += xj * dz;
            }
        }
    }
    (loss, correct)
}

// ---------------------------------------------------------------------------
// run-time choice of the instruction set
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Isa {
    Baseline,
    #[cfg(target_arch = "x86_64")]
    Avx2,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

fn isa() -> Isa {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            return Isa::Avx512;
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            return Isa::Avx2;
        }
    }
    Isa::Baseline
}

/// Defines `$name`, which runs `$generic` compiled for the best
/// instruction set the processor has. The kernels use no fused
/// multiply-add, so every version computes the same numbers.
macro_rules! dispatch {
    ($name:ident, $generic:ident, ($($arg:ident: $ty:ty),*) -> $ret:ty) => {
        pub(crate) fn $name<H: Hidden>(act: H, $($arg: $ty),*) -> $ret {
            #[cfg(target_arch = "x86_64")]
            mod versions {
                use super::*;
                #[target_feature(enable = "avx512f")]
                pub(super) fn avx512<H: Hidden>(act: H, $($arg: $ty),*) -> $ret {
                    $generic(act, $($arg),*)
                }
                #[target_feature(enable = "avx2")]
                pub(super) fn avx2<H: Hidden>(act: H, $($arg: $ty),*) -> $ret {
                    $generic(act, $($arg),*)
                }
            }
            match isa() {
                // SAFETY: the processor has the instruction set (checked by `isa`).
                #[cfg(target_arch = "x86_64")]
                Isa::Avx512 => unsafe { versions::avx512(act, $($arg),*) },
                // SAFETY: as above.
                #[cfg(target_arch = "x86_64")]
                Isa::Avx2 => unsafe { versions::avx2(act, $($arg),*) },
                Isa::Baseline => $generic(act, $($arg),*),
            }
        }
    };
}

dispatch!(decision, decision_rows, (p: Params<'_>, x: ArrayView2<'_, f64>, out: &mut [f64]) -> ());
dispatch!(
    forward_backward,
    forward_backward_rows,
    (
        p: Params<'_>,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, f64>,
        scale: f64,
        g: &mut Grads<'_>,
        buf: &mut RowBuffers
    ) -> (f64, usize)
);

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

    #[test]
    fn dot_sums_in_fixed_lanes() {
        let u: Vec<f64> = (0..21).map(f64::from).collect();
        let v = vec![1.0; 21];
        assert_eq!(dot(&u, &v), 210.0);
        assert_eq!(dot(&[], &[]), 0.0);
    }

    type Network = (
        Vec<f64>,
        Vec<f64>,
        Vec<f64>,
        ndarray::Array2<f64>,
        ndarray::Array1<f64>,
    );

    /// A small network with h not a multiple of 8 and `d` features.
    fn network(d: usize) -> Network {
        let (h, m) = (21, 17);
        let wave = |k: usize, f: f64| ((k as f64) * f).sin();
        let w1 = (0..d * h).map(|k| wave(k, 0.7)).collect();
        let b1 = (0..h).map(|k| wave(k, 1.3) * 0.5).collect();
        let w2 = (0..h).map(|k| wave(k, 2.1)).collect();
        let x = ndarray::Array2::from_shape_fn((m, d), |(i, j)| wave(i * d + j, 0.37) * 3.0);
        let y = ndarray::Array1::from_shape_fn(m, |i| f64::from(u8::from(i % 3 == 0)));
        (w1, b1, w2, x, y)
    }

    #[test]
    fn every_instruction_set_computes_the_same_bits() {
        let (w1, b1, w2, x, y) = network(3);
        let p = Params {
            w1: &w1,
            b1: &b1,
            w2: &w2,
            b2: 0.3,
        };
        let h = b1.len();
        for activation in [Activation::Sigmoid, Activation::Tanh, Activation::Gelu] {
            let run = |dispatched: bool| {
                let (mut gw1, mut gb1, mut gw2, mut gb2) =
                    (vec![0.0; w1.len()], vec![0.0; h], vec![0.0; h], 0.0);
                let mut g = Grads {
                    w1: &mut gw1,
                    b1: &mut gb1,
                    w2: &mut gw2,
                    b2: &mut gb2,
                };
                let mut buf = RowBuffers::new(h);
                let mut out = vec![0.0; x.nrows()];
                let (loss, correct) = with_hidden!(activation, act => {
                    if dispatched {
                        decision(act, p, x.view(), &mut out);
                        forward_backward(act, p, x.view(), y.view(), 0.1, &mut g, &mut buf)
                    } else {
                        decision_rows(act, p, x.view(), &mut out);
                        forward_backward_rows(act, p, x.view(), y.view(), 0.1, &mut g, &mut buf)
                    }
                });
                let bits = |v: &[f64]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
                (
                    loss.to_bits(),
                    correct,
                    bits(&gw1),
                    bits(&gb1),
                    bits(&gw2),
                    gb2.to_bits(),
                    bits(&out),
                )
            };
            assert_eq!(run(true), run(false), "{activation}");
        }
    }

    #[test]
    fn two_feature_kernels_match_the_general_ones_bit_for_bit() {
        let (w1, b1, w2, x, y) = network(2);
        let p = Params {
            w1: &w1,
            b1: &b1,
            w2: &w2,
            b2: -0.2,
        };
        let h = b1.len();
        for activation in [Activation::Sigmoid, Activation::Relu, Activation::Elu] {
            let run = |fixed: bool| {
                let (mut gw1, mut gb1, mut gw2, mut gb2) =
                    (vec![0.0; w1.len()], vec![0.0; h], vec![0.0; h], 0.0);
                let mut g = Grads {
                    w1: &mut gw1,
                    b1: &mut gb1,
                    w2: &mut gw2,
                    b2: &mut gb2,
                };
                let mut buf = RowBuffers::new(h);
                let (loss, correct) = with_hidden!(activation, act => {
                    if fixed {
                        forward_backward_rows(act, p, x.view(), y.view(), 0.1, &mut g, &mut buf)
                    } else {
                        forward_backward_general(act, p, x.view(), y.view(), 0.1, &mut g, &mut buf)
                    }
                });
                let bits = |v: &[f64]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
                (
                    loss.to_bits(),
                    correct,
                    bits(&gw1),
                    bits(&gb1),
                    bits(&gw2),
                    gb2.to_bits(),
                )
            };
            assert_eq!(run(true), run(false), "{activation}");
            let mut fixed = vec![0.0; x.nrows()];
            with_hidden!(activation, act => decision_rows(act, p, x.view(), &mut fixed));
            let mut buf = RowBuffers::new(h);
            for (row, &f) in x.rows().into_iter().zip(&fixed) {
                let general =
                    with_hidden!(activation, act => forward_row(act, p, &row.to_vec(), &mut buf));
                assert_eq!(f.to_bits(), general.to_bits(), "{activation}");
            }
        }
    }
}
