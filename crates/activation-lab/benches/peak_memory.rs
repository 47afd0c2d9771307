//! Peak memory of training and figures on 1000 points (target: < 100 MB).
//!
//! A counting global allocator records the largest number of live heap
//! bytes during each workload; the process's peak resident set (VmHWM) is
//! printed at the end. Run with
//! `cargo bench -p activation-lab --bench peak_memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use activation_lab::prelude::*;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f` and returns the peak of live heap bytes above the level at the start.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - base)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    const LIMIT_MB: f64 = 100.0;
    let data = moons(1000, 0.2, 0).unwrap();
    let mut worst = 0usize;
    let mut report = |what: &str, bytes: usize| {
        println!("{what:<44} peak heap {:>8.2} MB", mb(bytes));
        worst = worst.max(bytes);
    };

    let (model, b) = peak_of(|| Mlp::new().fit(&data).unwrap());
    report("train, default MLP (Adam, batch 32, 300 ep.)", b);
    let (_, b) = peak_of(|| {
        Mlp::new()
            .optimizer(Optimizer::GradientDescent)
            .learning_rate(0.5)
            .batch_size(0)
            .epochs(300)
            .fit(&data)
            .unwrap()
    });
    report("train, full-batch gradient descent, 300 ep.", b);
    let grid = Array2::from_shape_fn((250_000, 2), |(k, c)| {
        let i = if c == 0 { k % 500 } else { k / 500 };
        -1.5 + 4.0 * i as f64 / 500.0
    });
    let (_, b) = peak_of(|| model.predict_proba(&grid).unwrap());
    report("decision grid 500×500 (input excluded)", b);
    let (_, b) = peak_of(|| {
        DecisionSurface::new(&model, &data)
            .size(FigureSize::Slide)
            .build()
            .unwrap()
            .to_svg()
            .unwrap()
    });
    report("decision surface, slide, SVG", b);
    let (_, b) = peak_of(|| {
        DecisionSurface::new(&model, &data)
            .size(FigureSize::Slide)
            .build()
            .unwrap()
            .to_png()
            .unwrap()
    });
    report("decision surface, slide, PNG", b);
    let (_, b) = peak_of(|| {
        let (_, frames) = Mlp::new().epochs(99).fit_recording(&data, 1).unwrap();
        training_animation(&frames, &data)
            .unwrap()
            .with_size(FigureSize::Pixels {
                width: 1280,
                height: 720,
            })
            .to_gif()
            .unwrap()
    });
    report("training GIF, 100 frames, 1280×720", b);

    let hwm = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        });
    if let Some(kb) = hwm {
        println!("{:<44} peak RSS  {:>8.2} MB", "whole process", kb / 1e3);
    }
    let verdict = if mb(worst) < LIMIT_MB { "ok" } else { "OVER" };
    println!(
        "largest peak {:.2} MB (limit {LIMIT_MB} MB): {verdict}",
        mb(worst)
    );
}
