//! Figures: valid SVG (parsed by usvg) and PNG (decoded), expected elements
//! present, byte-stable output, and errors (not panics) for bad input.

use std::path::PathBuf;

use activation_lab::prelude::*;

/// A small size keeps the PNG tests fast in debug builds.
const SMALL: FigureSize = FigureSize::Pixels {
    width: 480,
    height: 300,
};

/// Parses the SVG with usvg (a real SVG parser) and returns the text of
/// every `<text>` element, read with roxmltree.
fn svg_texts(svg: &str) -> Vec<String> {
    usvg::Tree::from_str(svg, &usvg::Options::default()).expect("usvg parses the SVG");
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect()
}

/// Decodes a PNG and returns its size.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    (info.width, info.height)
}

/// Checks a figure in both formats: parses, title and `expected` texts
/// present, PNG of the right size.
fn check_figure(fig: &Figure, expected: &[&str]) -> String {
    let svg = fig.to_svg().unwrap();
    let texts = svg_texts(&svg);
    // wrapped lines joined again
    let all = texts.join(" ");
    for e in expected {
        assert!(
            all.contains(e),
            "{:?}: missing {e:?} in {texts:?}",
            fig.title()
        );
    }
    // the title may be wrapped over lines
    let first_word = fig.title().split_whitespace().next().unwrap();
    assert!(all.contains(first_word), "{}", fig.title());
    let small = fig.clone().with_size(SMALL);
    assert_eq!(png_size(&small.to_png().unwrap()), (480, 300));
    svg
}

/// Length in pixels of the `points` of an SVG polyline element.
fn polyline_length(el: &str) -> f64 {
    let pts: Vec<(f64, f64)> = el
        .split("points=\"")
        .nth(1)
        .unwrap_or_default()
        .split('"')
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| {
            let (x, y) = p.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect();
    pts.windows(2)
        .map(|w| ((w[1].0 - w[0].0).powi(2) + (w[1].1 - w[0].1).powi(2)).sqrt())
        .sum()
}

fn moons_split() -> (Dataset, Dataset) {
    moons(160, 0.2, 3)
        .unwrap()
        .with_class_names(["lower moon", "upper moon"])
        .split(0.25, 3)
        .unwrap()
}

fn small_mlp(train: &Dataset) -> MlpModel {
    Mlp::new()
        .hidden_units(12)
        .learning_rate(0.03)
        .epochs(40)
        .fit(train)
        .unwrap()
}

#[test]
fn function_figures_show_their_formulas() {
    check_figure(
        &net_input_map([1.0, -1.0], 0.5, (-3.0, 3.0), (-3.0, 3.0)).unwrap(),
        &["z = 0", "class 1", "class 0", "net input z", "w"],
    );
    check_figure(
        &sigmoid_curve(SigmoidPanels::WithDerivative).unwrap(),
        &["σ(z) = 1 / (1 + e⁻ᶻ)", "max 0.25 at z = 0", "σ(0) = 0.5"],
    );
    check_figure(
        &sigmoid_curve(SigmoidPanels::SigmoidOnly).unwrap(),
        &["σ(z) = 1 / (1 + e⁻ᶻ)"],
    );
    check_figure(
        &step_and_threshold().unwrap(),
        &[
            "Unit step",
            "Threshold rule",
            "φ(0) = 0.5",
            "φ(0) = 1",
            "class 0",
        ],
    );
}

#[test]
fn schematics_are_labelled() {
    check_figure(
        &logistic_regression_schematic().unwrap(),
        &[
            "Σ",
            "ŷ",
            "b",
            "wₘ",
            "x₁",
            "sigmoid",
            "threshold",
            "1 if z ≥ 0",
        ],
    );
    let svg = check_figure(
        &mlp_schematic(200).unwrap(),
        &[
            "b₁",
            "b₂",
            "a₁",
            "a₂₀₀",
            "196 more",
            "200 sigmoid units",
            "ŷ",
        ],
    );
    assert!(!svg.contains("a₄<"), "only a few hidden units are drawn");
    check_figure(&mlp_schematic(3).unwrap(), &["a₁", "a₃", "3 sigmoid units"]);
}

#[test]
fn scatter_has_a_legend_with_class_names() {
    let (train, _) = moons_split();
    check_figure(
        &scatter(&train).unwrap(),
        &["lower moon (n = ", "upper moon (n = ", "x1", "x2"],
    );
}

#[test]
fn decision_surface_has_shading_boundary_points_and_accuracy() {
    let (train, test) = moons_split();
    let model = small_mlp(&train);
    let fig = DecisionSurface::new(&model, &train)
        .test(&test)
        .title("Surface under test")
        .build()
        .unwrap();
    let svg = check_figure(
        &fig,
        &[
            "Surface under test",
            "lower moon (train)",
            "upper moon (test)",
            "P(y = 1 | x)",
            "train ",
            "test ",
        ],
    );
    // the p = 0.5 boundary: a dark polyline crossing much of the plot
    let boundary = svg
        .split("<polyline")
        .skip(1)
        .map(|el| el.split("/>").next().unwrap_or_default())
        .filter(|el| el.contains("stroke=\"#222222\""))
        .map(polyline_length)
        .fold(0.0, f64::max);
    assert!(boundary > 200.0, "no boundary path found ({boundary} px)");
    // shading: filled polygons, far fewer than grid cells
    let polygons = svg.matches("<polygon").count();
    assert!(polygons > 5 && polygons < 2000, "{polygons} polygons");
    // the logistic model and the convenience function work too
    let linear = LogisticRegression::new().fit(&train).unwrap();
    check_figure(
        &decision_surface(&linear, &train, None).unwrap(),
        &["logistic regression"],
    );
}

#[test]
fn decision_surface_options_change_the_grid_and_range() {
    let (train, _) = moons_split();
    let model = small_mlp(&train);
    let coarse = DecisionSurface::new(&model, &train)
        .resolution(20)
        .build()
        .unwrap()
        .to_svg()
        .unwrap();
    let fine = DecisionSurface::new(&model, &train)
        .resolution(200)
        .padding(0.5)
        .build()
        .unwrap()
        .to_svg()
        .unwrap();
    assert_ne!(coarse, fine);
    let zoomed = DecisionSurface::new(&model, &train)
        .x_range(-5.0, 5.0)
        .y_range(-5.0, 5.0)
        .build()
        .unwrap()
        .to_svg()
        .unwrap();
    assert!(svg_texts(&zoomed).iter().any(|t| t == "4"));
}

#[test]
fn slide_size_decision_surface_svg_stays_small() {
    let data = moons(400, 0.2, 7).unwrap();
    let model = small_mlp(&data);
    let svg = DecisionSurface::new(&model, &data)
        .size(FigureSize::Slide)
        .build()
        .unwrap()
        .to_svg()
        .unwrap();
    assert!(svg.len() < 300_000, "{} bytes", svg.len());
    assert!(svg.starts_with("<svg") && svg.contains("width=\"1920\""));
}

#[test]
fn cheat_sheet_has_every_activation_from_the_catalogue() {
    let expected: Vec<&str> = catalogue().iter().map(|i| i.name).collect();
    let fig = cheat_sheet().unwrap();
    let svg = check_figure(&fig, &expected);
    for info in catalogue() {
        assert!(svg.contains(info.typical_use.split(' ').next().unwrap()));
    }
    // tables from the same source
    assert!(cheat_sheet_markdown().contains("Logistic (sigmoid)"));
}

#[test]
fn training_curves_show_train_and_test() {
    let (train, test) = moons_split();
    let model = Mlp::new()
        .hidden_units(8)
        .epochs(12)
        .fit_validated(&train, &test)
        .unwrap();
    check_figure(
        &training_curves(model.history()).unwrap(),
        &["loss (cross-entropy)", "accuracy", "train", "test", "epoch"],
    );
    let no_test = Mlp::new().hidden_units(4).epochs(3).fit(&train).unwrap();
    let svg = training_curves(no_test.history())
        .unwrap()
        .to_svg()
        .unwrap();
    assert!(!svg_texts(&svg).iter().any(|t| t == "test"));
}

/// Decodes a PNG into its size and RGB bytes.
fn png_rgb(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    (info.width as usize, info.height as usize, buf)
}

/// A PNG of the curves of a long run keeps every curve inside its plot: no
/// pixel of the curves' colours in the title band or below the axes. (The
/// bitmap backend used to mitre the joins of a curve that turns back on
/// itself, thousands of epochs on a few hundred pixels, into spikes that
/// reached the title.)
#[test]
fn long_training_curves_stay_inside_their_plots_in_png() {
    let epochs = 5000;
    // accuracy and loss that step back and forth every few epochs
    let step = |i: usize, a: f64, b: f64| if (i / 7).is_multiple_of(2) { a } else { b };
    let history = History {
        train_loss: (0..epochs)
            .map(|i| step(i, 0.30, 0.29) - 1e-5 * i as f64)
            .collect(),
        train_accuracy: (0..epochs).map(|i| step(i, 0.90, 0.93)).collect(),
        validation_loss: (0..epochs).map(|i| step(i, 0.35, 0.33)).collect(),
        validation_accuracy: (0..epochs).map(|i| step(i, 0.88, 0.91)).collect(),
    };
    let figure = training_curves(&history)
        .unwrap()
        .with_size(FigureSize::Slide);
    let (w, h, rgb) = png_rgb(&figure.to_png().unwrap());
    let curve_coloured = |x: usize, y: usize| {
        let p = &rgb[3 * (y * w + x)..3 * (y * w + x) + 3];
        let near = |c: [i32; 3]| (0..3).map(|k| (i32::from(p[k]) - c[k]).abs()).sum::<i32>() < 90;
        near([0, 114, 178]) || near([213, 94, 0])
    };
    for (band, rows) in [
        ("title", 0..h * 8 / 100),
        ("below the axes", h * 97 / 100..h),
    ] {
        let stray = rows
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| curve_coloured(x, y))
            .count();
        assert_eq!(stray, 0, "{stray} curve-coloured pixels in the {band} band");
    }
}

#[test]
fn hidden_unit_gallery_shows_the_chosen_units_and_the_output() {
    let (train, _) = moons_split();
    let model = small_mlp(&train);
    let units = strongest_hidden_units(&model, 4);
    assert_eq!(units.len(), 4);
    let labels: Vec<String> = units.iter().map(|u| format!("unit {u}: w = ")).collect();
    let mut expected: Vec<&str> = labels.iter().map(String::as_str).collect();
    let width = format!("output, all {} units", model.hidden_units());
    expected.extend([
        "output, first unit",
        "output, first 2 units",
        width.as_str(),
    ]);
    check_figure(
        &hidden_unit_gallery(&model, &train, &units).unwrap(),
        &expected,
    );
}

#[test]
fn comparison_grids_label_rows_and_columns() {
    let sets = [blobs(80, 0.6, 1).unwrap(), xor(80, 0.0, 1).unwrap()];
    check_figure(
        &models_by_datasets(&sets, 10, 1).unwrap(),
        &["blobs", "xor", "data", "logistic regression", "test "],
    );
    let data = moons(80, 0.2, 1).unwrap();
    check_figure(
        &activations_by_widths(
            &data,
            &[
                Activation::Identity,
                Activation::Sigmoid,
                Activation::Tanh,
                Activation::Relu,
            ],
            &[1, 2, 4],
            5,
            1,
        )
        .unwrap(),
        &["identity", "sigmoid", "tanh", "relu", "1 unit", "4 units"],
    );
}

#[test]
fn training_animation_is_a_looping_gif_with_one_frame_per_snapshot() {
    let (train, _) = moons_split();
    let (_, frames) = Mlp::new()
        .hidden_units(6)
        .epochs(6)
        .fit_recording(&train, 2)
        .unwrap();
    let anim = training_animation(&frames, &train)
        .unwrap()
        .with_size(FigureSize::Pixels {
            width: 200,
            height: 125,
        });
    assert_eq!(anim.len(), 4);
    assert!(anim.frames()[3].title().contains("epoch 6 of 6"));
    let gif = anim.to_gif().unwrap();
    assert_eq!(&gif[..6], b"GIF89a");
    assert_eq!(u16::from_le_bytes([gif[6], gif[7]]), 200);
    assert_eq!(u16::from_le_bytes([gif[8], gif[9]]), 125);
    assert_eq!(gif, anim.to_gif().unwrap(), "GIF bytes differ between runs");
    let mut decoder = gif::DecodeOptions::new();
    decoder.set_color_output(gif::ColorOutput::Indexed);
    let mut reader = decoder.read_info(std::io::Cursor::new(&gif)).unwrap();
    let mut n = 0;
    while reader.read_next_frame().unwrap().is_some() {
        n += 1;
    }
    assert_eq!(n, 4);
}

#[test]
fn the_same_inputs_give_identical_bytes() {
    let (train, test) = moons_split();
    let build = || {
        let model = small_mlp(&train);
        DecisionSurface::new(&model, &train)
            .test(&test)
            .size(SMALL)
            .build()
            .unwrap()
    };
    let (a, b) = (build(), build());
    assert_eq!(a.to_svg().unwrap(), b.to_svg().unwrap());
    assert_eq!(a.to_png().unwrap(), b.to_png().unwrap());
    let c = cheat_sheet().unwrap().with_size(SMALL);
    assert_eq!(c.to_png().unwrap(), c.to_png().unwrap());
    assert_eq!(c.to_svg().unwrap(), c.to_svg().unwrap());
}

#[test]
fn sizes_and_scale_change_the_pixels_not_the_layout() {
    let fig = sigmoid_curve(SigmoidPanels::SigmoidOnly).unwrap();
    assert_eq!(fig.pixel_size(), (800, 500));
    let slide = fig.clone().with_size(FigureSize::Slide);
    assert_eq!(slide.pixel_size(), (1920, 1080));
    assert!(slide.to_svg().unwrap().contains("height=\"1080\""));
    let small = fig.with_size(FigureSize::Pixels {
        width: 200,
        height: 125,
    });
    assert_eq!(png_size(&small.to_png_scaled(2.0).unwrap()), (400, 250));
    assert!(small.to_png_scaled(0.0).is_err());
    assert!(small.to_png_scaled(f64::NAN).is_err());
    assert!(small.to_png_scaled(1000.0).is_err());
}

#[test]
fn figures_save_by_extension_or_format() {
    let dir = std::env::temp_dir().join(format!("activation-lab-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fig = step_and_threshold().unwrap().with_size(SMALL);
    fig.save(dir.join("step.svg")).unwrap();
    fig.save(dir.join("step.PNG")).unwrap();
    fig.save_as(dir.join("step.bin"), ImageFormat::Png).unwrap();
    let svg = std::fs::read_to_string(dir.join("step.svg")).unwrap();
    svg_texts(&svg);
    assert_eq!(
        png_size(&std::fs::read(dir.join("step.PNG")).unwrap()),
        (480, 300)
    );
    assert_eq!(
        png_size(&std::fs::read(dir.join("step.bin")).unwrap()),
        (480, 300)
    );
    let err = fig.save(dir.join("step.jpg")).unwrap_err();
    assert!(err.to_string().contains("svg, png"), "{err}");
    assert!(fig.save(dir.join("no-such-dir").join("x.svg")).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_all_writes_every_figure_and_an_index() {
    let dir = std::env::temp_dir().join(format!("activation-lab-export-{}", std::process::id()));
    let size = FigureSize::Pixels {
        width: 400,
        height: 250,
    };
    let written = export_all(&dir, &[ImageFormat::Png, ImageFormat::Svg], size).unwrap();
    assert_eq!(written.len(), 14);
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let md = std::fs::read_to_string(dir.join("index.md")).unwrap();
    roxmltree::Document::parse_with_options(
        &html.replace("<!DOCTYPE html>", ""),
        roxmltree::ParsingOptions::default(),
    )
    .expect("index.html is well-formed");
    let mut names = Vec::new();
    for f in &written {
        assert!(!f.title.is_empty() && !f.description.is_empty());
        for path in &f.files {
            assert!(path.exists(), "{}", path.display());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(html.contains(&name) && md.contains(&name), "{name}");
            names.push(name);
        }
    }
    assert!(names.contains(&"01-net-input.svg".to_string()));
    assert!(names.contains(&"06b-decision-surface-mlp-moons.png".to_string()));
    assert!(names.contains(&"12-training-animation.gif".to_string()));
    // svg before png whatever the order asked for
    assert!(written[0].files[0].to_string_lossy().ends_with(".svg"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_gives_errors_not_panics() {
    let empty = Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0)).unwrap();
    let three = Dataset::new(Array2::zeros((4, 3)), array![0, 1, 0, 1]).unwrap();
    let (train, _) = moons_split();
    let model = small_mlp(&train);
    let model3 = LogisticModel::from_weights(array![1.0, 1.0, 1.0], 0.0).unwrap();

    // data
    let err = scatter(&empty).unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    let err = scatter(&three).unwrap_err();
    assert!(
        err.to_string().contains("expected 2 feature columns"),
        "{err}"
    );
    assert!(DecisionSurface::new(&model, &empty).build().is_err());
    assert!(hidden_unit_gallery(&model, &empty, &[0]).is_err());
    assert!(models_by_datasets(&[], 5, 0).is_err());
    assert!(models_by_datasets(std::slice::from_ref(&three), 5, 0).is_err());

    // model with the wrong number of features
    let err = DecisionSurface::new(&model3, &train).build().unwrap_err();
    assert!(
        err.to_string().contains("expected 2 model input features")
            && err.to_string().contains("found 3"),
        "{err}"
    );

    // sizes and options
    let bad_size = FigureSize::Pixels {
        width: 0,
        height: 0,
    };
    assert!(
        sigmoid_curve(SigmoidPanels::WithDerivative)
            .unwrap()
            .with_size(bad_size)
            .to_svg()
            .is_err()
    );
    assert!(
        sigmoid_curve(SigmoidPanels::WithDerivative)
            .unwrap()
            .with_size(bad_size)
            .to_png()
            .is_err()
    );
    assert!(
        DecisionSurface::new(&model, &train)
            .size(bad_size)
            .build()
            .is_err()
    );
    assert!(
        DecisionSurface::new(&model, &train)
            .resolution(0)
            .build()
            .is_err()
    );
    assert!(
        DecisionSurface::new(&model, &train)
            .resolution(1_000_000)
            .build()
            .is_err()
    );
    assert!(
        DecisionSurface::new(&model, &train)
            .padding(f64::NAN)
            .build()
            .is_err()
    );
    assert!(
        DecisionSurface::new(&model, &train)
            .padding(-1.0)
            .build()
            .is_err()
    );
    assert!(
        DecisionSurface::new(&model, &train)
            .x_range(1.0, -1.0)
            .build()
            .is_err()
    );
    assert!(
        DecisionSurface::new(&model, &train)
            .y_range(0.0, f64::INFINITY)
            .build()
            .is_err()
    );
    assert!("0x100".parse::<FigureSize>().is_err());
    assert!("huge".parse::<FigureSize>().is_err());
    assert!("gif".parse::<ImageFormat>().is_err());

    // NaN and other nonsense
    assert!(net_input_map([f64::NAN, 1.0], 0.0, (-1.0, 1.0), (-1.0, 1.0)).is_err());
    assert!(net_input_map([1.0, 1.0], f64::INFINITY, (-1.0, 1.0), (-1.0, 1.0)).is_err());
    assert!(net_input_map([1.0, 1.0], 0.0, (1.0, 1.0), (-1.0, 1.0)).is_err());
    let mut history = model.history().clone();
    history.train_loss[0] = f64::NAN;
    assert!(training_curves(&history).is_err());
    assert!(training_curves(&History::default()).is_err());
    assert!(hidden_unit_gallery(&model, &train, &[]).is_err());
    assert!(hidden_unit_gallery(&model, &train, &[10_000]).is_err());
    assert!(mlp_schematic(0).is_err());
    assert!(training_animation(&[], &train).is_err());
    assert!(
        activations_by_widths(&train, &[Activation::UnitStep], &[2], 3, 0).is_err(),
        "step units cannot be trained"
    );
    assert!(activations_by_widths(&train, &[Activation::Relu], &[0], 3, 0).is_err());
    assert!(activations_by_widths(&train, &[], &[2], 3, 0).is_err());
    assert!(export_all(&std::env::temp_dir(), &[], FigureSize::Notebook).is_err());
}

#[test]
fn sizes_and_formats_parse_as_the_command_line_gives_them() {
    assert_eq!(
        "notebook".parse::<FigureSize>().unwrap(),
        FigureSize::Notebook
    );
    assert_eq!("SLIDE".parse::<FigureSize>().unwrap(), FigureSize::Slide);
    assert_eq!(
        "1280x720".parse::<FigureSize>().unwrap(),
        FigureSize::Pixels {
            width: 1280,
            height: 720
        }
    );
    assert_eq!(FigureSize::Slide.to_string(), "slide");
    assert_eq!("svg".parse::<ImageFormat>().unwrap(), ImageFormat::Svg);
    assert_eq!(".png".parse::<ImageFormat>().unwrap(), ImageFormat::Png);
    let formats: Vec<ImageFormat> = "svg,png,pdf"
        .split(',')
        .map(|s| s.parse().unwrap())
        .collect();
    assert_eq!(formats, ImageFormat::ALL);
}

/// Writes the whole set at notebook and slide size into `$FIGURES_OUT`
/// (default `target/figures-review`) for looking at them:
/// `cargo test -p activation-lab --test figures -- --ignored`.
#[test]
#[ignore = "writes files for review"]
fn export_for_review() {
    let out = std::env::var_os("FIGURES_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/figures-review"));
    for size in [FigureSize::Notebook, FigureSize::Slide] {
        let dir = out.join(size.key());
        let start = std::time::Instant::now();
        let written = export_all(&dir, &[ImageFormat::Svg, ImageFormat::Png], size).unwrap();
        eprintln!(
            "{size}: {} figures in {:.2?}",
            written.len(),
            start.elapsed()
        );
    }
}

/// Prints the timings the figures are held to (run in release:
/// `cargo test --release -p activation-lab --test figures timings -- --ignored --nocapture`):
/// a slide-size decision surface (SVG ≤ 150 ms, PNG ≤ 250 ms) and the
/// whole export (≤ 5 s).
#[test]
#[ignore = "timings are measured in release builds"]
fn timings() {
    use std::time::Instant;
    let data = moons(400, 0.2, 7).unwrap();
    let (train, test) = data.split(0.25, 7).unwrap();
    let model = Mlp::new()
        .learning_rate(0.03)
        .epochs(150)
        .seed(7)
        .fit(&train)
        .unwrap();
    let best = |f: &dyn Fn() -> usize| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                let n = f();
                (t.elapsed(), n)
            })
            .min()
            .unwrap()
    };
    let build = || {
        DecisionSurface::new(&model, &train)
            .test(&test)
            .size(FigureSize::Slide)
            .build()
            .unwrap()
    };
    let (t, n) = best(&|| build().to_svg().unwrap().len());
    eprintln!("slide decision surface, build + SVG: {t:.1?} ({n} bytes)");
    let (t, n) = best(&|| build().to_png().unwrap().len());
    eprintln!("slide decision surface, build + PNG: {t:.1?} ({n} bytes)");
    let dir = std::env::temp_dir().join(format!("activation-lab-timing-{}", std::process::id()));
    for formats in [&[ImageFormat::Svg][..], &ImageFormat::ALL[..]] {
        let t = Instant::now();
        export_all(&dir, formats, FigureSize::Slide).unwrap();
        eprintln!("export_all at slide size, {formats:?}: {:.2?}", t.elapsed());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_last_epoch_tick_of_long_runs_fits_on_the_figure() {
    // a centred tick label at the right edge used to be cut ("20000" as "2000")
    for n in [1000usize, 20_000, 1_000_000] {
        let history = History {
            train_loss: (0..n).map(|i| 1.0 / (1.0 + i as f64)).collect(),
            train_accuracy: vec![0.5; n],
            ..History::default()
        };
        for size in [FigureSize::Notebook, FigureSize::Slide] {
            let fig = training_curves(&history).unwrap().with_size(size);
            let (width, _) = fig.pixel_size();
            let svg = fig.to_svg().unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
                let label = t.text().unwrap_or("").trim();
                if t.attribute("text-anchor") != Some("middle")
                    || !label.chars().all(|c| c.is_ascii_digit())
                {
                    continue;
                }
                let x: f64 = t.attribute("x").unwrap().parse().unwrap();
                let font: f64 = t.attribute("font-size").unwrap().parse().unwrap();
                // DejaVu Sans digits are 0.636 em wide
                let right = x + label.len() as f64 * 0.636 * font / 2.0;
                assert!(
                    right <= f64::from(width),
                    "{n} epochs at {size:?}: tick {label} ends at {right:.1} px of {width}"
                );
            }
        }
    }
}
