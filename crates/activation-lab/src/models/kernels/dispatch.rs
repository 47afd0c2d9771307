//! The run-time choice of the instruction set: each kernel compiled for
//! AVX-512, AVX2 and baseline x86-64.

use ndarray::{ArrayView1, ArrayView2};

use super::hidden::Hidden;
use super::rows::{Grads, Params, RowBuffers, decision_rows, forward_backward_rows};

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
    use crate::activation::Activation;
    use crate::models::kernels::hidden::with_hidden;
    use crate::models::kernels::rows::{forward_backward_general, forward_row};

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
