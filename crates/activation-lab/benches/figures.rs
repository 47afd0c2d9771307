//! Figure speed, one benchmark per target (release build):
//!
//! ```text
//! decision_surface_slide_svg   model → grid → drawing → SVG at 1920×1080   ≤ 150 ms
//! decision_surface_slide_png   the same, rasterised to PNG                 ≤ 250 ms
//! export_all_figures           the whole `figures` export (SVG + PNG, slide size)   ≤ 5 s
//! training_gif_100_frames      train, 100 decision surfaces, GIF at 1280×720        ≤ 10 s
//! ```
//!
//! Run with `cargo bench -p activation-lab --bench figures`.

use activation_lab::prelude::*;
use divan::Bencher;

fn main() {
    divan::main();
}

/// The figures' data and model: moons (400 points, 25 % held out) and the
/// default MLP (200 sigmoid units, Adam) after 150 epochs.
fn model_and_data() -> (MlpModel, Dataset, Dataset) {
    let data = moons(400, 0.2, 7).unwrap();
    let (train, test) = data.split(0.25, 7).unwrap();
    let model = Mlp::new().epochs(150).seed(7).fit(&train).unwrap();
    (model, train, test)
}

#[divan::bench(sample_count = 20)]
fn decision_surface_slide_svg(bencher: Bencher) {
    let (model, train, test) = model_and_data();
    bencher.bench_local(|| {
        DecisionSurface::new(&model, &train)
            .test(&test)
            .size(FigureSize::Slide)
            .build()
            .unwrap()
            .to_svg()
            .unwrap()
    });
}

#[divan::bench(sample_count = 20)]
fn decision_surface_slide_png(bencher: Bencher) {
    let (model, train, test) = model_and_data();
    bencher.bench_local(|| {
        DecisionSurface::new(&model, &train)
            .test(&test)
            .size(FigureSize::Slide)
            .build()
            .unwrap()
            .to_png()
            .unwrap()
    });
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn export_all_figures(bencher: Bencher) {
    let dir = std::env::temp_dir().join(format!("activation-lab-bench-{}", std::process::id()));
    bencher.bench_local(|| {
        export_all(&dir, &ImageFormat::ALL, FigureSize::Slide).unwrap();
    });
    std::fs::remove_dir_all(&dir).unwrap();
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn training_gif_100_frames(bencher: Bencher) {
    let data = moons(400, 0.2, 7).unwrap();
    bencher.bench_local(|| {
        // epochs 0..=99: 100 frames
        let (_, frames) = Mlp::new()
            .epochs(99)
            .seed(7)
            .fit_recording(&data, 1)
            .unwrap();
        assert_eq!(frames.len(), 100);
        training_animation(&frames, &data)
            .unwrap()
            .with_size(FigureSize::Pixels {
                width: 1280,
                height: 720,
            })
            .to_gif()
            .unwrap()
    });
}
