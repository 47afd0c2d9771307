//! The kernels: one input row at a time, forward and backward.

use ndarray::{ArrayView1, ArrayView2};

use super::hidden::Hidden;
use crate::activation::predicted_class;

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
pub(super) fn dot(u: &[f64], v: &[f64]) -> f64 {
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
pub(super) fn forward_row<H: Hidden>(
    act: H,
    p: Params<'_>,
    x: &[f64],
    buf: &mut RowBuffers,
) -> f64 {
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
pub(super) fn forward_row_fixed<H: Hidden, const D: usize>(
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
pub(super) fn backward_row_fixed<H: Hidden, const D: usize>(
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
pub(super) fn decision_rows<H: Hidden>(
    act: H,
    p: Params<'_>,
    x: ArrayView2<'_, f64>,
    out: &mut [f64],
) {
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
pub(super) fn output_row(z_out: f64, y: f64, scale: f64) -> (f64, bool, f64) {
    // softplus(±z_out) and σ(z_out) from one exponential
    let e = (-z_out.abs()).exp();
    let signed = if y == 1.0 { -z_out } else { z_out };
    let loss = signed.max(0.0) + e.ln_1p();
    let a_out = (if z_out >= 0.0 { 1.0 } else { e }) / (1.0 + e);
    let right = f64::from(predicted_class(z_out)) == y;
    (loss, right, (a_out - y) * scale)
}

/// Loss sum, number correct: the forward and backward pass over the rows
/// of one batch, accumulating `d_z_out = (σ(z_out) − y)·scale` into the
/// gradient (which the caller zeroes first).
#[inline(always)]
pub(super) fn forward_backward_rows<H: Hidden>(
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
pub(super) fn forward_backward_fixed<H: Hidden, const D: usize>(
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
pub(super) fn forward_backward_general<H: Hidden>(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_sums_in_fixed_lanes() {
        let u: Vec<f64> = (0..21).map(f64::from).collect();
        let v = vec![1.0; 21];
        assert_eq!(dot(&u, &v), 210.0);
        assert_eq!(dot(&[], &[]), 0.0);
    }
}
