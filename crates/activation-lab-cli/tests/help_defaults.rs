//! Every default that `--help` states is the library's: the help is
//! generated from the library's settings, and this test reads the printed
//! help back and compares each number and name with the library.

mod common;

use activation_lab::{Activation, DatasetKind, Mlp, Optimizer, Training};
use common::{run_in, tempdir};

fn help(command: &str) -> String {
    let dir = tempdir();
    let r = run_in(dir.path(), &[command, "--help"]);
    assert_eq!(r.code, Some(0), "{command} --help: {}", r.stderr);
    // clap wraps long lines: join them so that each option's help is one line
    r.stdout.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text between `start` and the next `]`.
fn after<'a>(text: &'a str, start: &str) -> &'a str {
    let i = text
        .find(start)
        .unwrap_or_else(|| panic!("the help says {start:?}:\n{text}"));
    let rest = &text[i + start.len()..];
    &rest[..rest.find(']').unwrap_or(rest.len())]
}

/// `(mlp, logistic)` from "`<what>` [default: M for mlp, L for logistic]".
fn per_model(text: &str, what: &str) -> (String, String) {
    let inside = after(text, &format!("{what} [default: "));
    let (mlp, logistic) = inside
        .split_once(" for mlp, ")
        .unwrap_or_else(|| panic!("{what}: {inside:?}"));
    let logistic = logistic
        .strip_suffix(" for logistic")
        .unwrap_or_else(|| panic!("{what}: {inside:?}"));
    (mlp.to_string(), logistic.to_string())
}

#[test]
fn every_default_in_fit_help_is_the_librarys() {
    let text = help("fit");
    let (mlp, logistic) = (Training::MLP, Training::LOGISTIC);

    let (m, l) = per_model(&text, "Passes over the training rows");
    assert_eq!(
        (m.parse::<usize>().unwrap(), l.parse::<usize>().unwrap()),
        (mlp.epochs, logistic.epochs)
    );
    let (m, l) = per_model(&text, "Step size, a number > 0");
    assert_eq!(
        (m.parse::<f64>().unwrap(), l.parse::<f64>().unwrap()),
        (mlp.learning_rate, logistic.learning_rate)
    );
    let (m, l) = per_model(&text, "Rows per gradient step; 0 = the full batch");
    assert_eq!(
        (m.parse::<usize>().unwrap(), l.parse::<usize>().unwrap()),
        (mlp.batch_size, logistic.batch_size)
    );
    let (m, l) = per_model(&text, "L2 penalty strength, ≥ 0");
    assert_eq!(
        (m.parse::<f64>().unwrap(), l.parse::<f64>().unwrap()),
        (mlp.l2, logistic.l2)
    );
    let (m, l) = per_model(&text, "Update rule: gd, momentum or adam");
    assert_eq!(
        (
            m.parse::<Optimizer>().unwrap(),
            l.parse::<Optimizer>().unwrap()
        ),
        (mlp.optimizer, logistic.optimizer)
    );

    let units = after(&text, "Number of hidden units, MLP only [default: ");
    assert_eq!(units.parse::<usize>().unwrap(), Mlp::DEFAULT_HIDDEN_UNITS);
    let activation = after(&text, "hidden units, MLP only: ");
    let (names, default) = activation.split_once(" [default: ").unwrap();
    assert_eq!(
        default.parse::<Activation>().unwrap(),
        Mlp::DEFAULT_ACTIVATION
    );
    let trainable: Vec<&str> = Activation::ALL
        .into_iter()
        .filter(|a| a.is_trainable())
        .map(|a| a.key())
        .collect();
    assert_eq!(names, trainable.join(", "));

    // the summary in the epilogue
    let summary = format!(
        "mlp {} {} hidden units, {}, learning rate {}, {} epochs, batch size {}, l2 {} \
         logistic {}, learning rate {}, {} epochs, full batch, l2 {}",
        Mlp::DEFAULT_HIDDEN_UNITS,
        Mlp::DEFAULT_ACTIVATION,
        mlp.optimizer,
        mlp.learning_rate,
        mlp.epochs,
        mlp.batch_size,
        mlp.l2,
        logistic.optimizer,
        logistic.learning_rate,
        logistic.epochs,
        logistic.l2
    );
    assert_eq!(logistic.batch_size, 0, "the summary says full batch");
    assert!(text.contains(&summary), "{summary:?} not in:\n{text}");

    // and the library's defaults are what the models use
    assert_eq!(Mlp::new().training(), &mlp);
    assert_eq!(
        activation_lab::LogisticRegression::new().training(),
        &logistic
    );
    assert_eq!(Mlp::new().hidden_unit_count(), Mlp::DEFAULT_HIDDEN_UNITS);
    assert_eq!(Mlp::new().hidden_activation(), Mlp::DEFAULT_ACTIVATION);
}

#[test]
fn every_default_noise_in_data_help_is_the_librarys() {
    let text = help("data");
    let table = after(&text, "Datasets: ");
    for kind in DatasetKind::ALL {
        let line = after(table, &format!("{} ", kind.key()));
        let noise = line
            .split("default noise ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or_else(|| panic!("{kind}: {line:?}"));
        assert_eq!(
            noise.parse::<f64>().unwrap(),
            kind.default_noise(),
            "{kind}"
        );
    }
}
