//! The command-line tool's adversarial table: bad values for every flag and
//! bad files for every input, each run as its own process under a memory
//! limit and a watchdog. Every run must end by itself, without a panic or a
//! signal, with a failure exit code (1 for the tool's errors, 2 for flags
//! clap refuses), nothing on stdout, and one line on stderr that names the
//! flag or the file and what it held.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{moons_csv, tempdir, write};

/// A run that has not ended after this long is a hang.
const HANG: Duration = Duration::from_secs(60);

struct Case {
    args: Vec<String>,
    /// Words stderr must contain (case-insensitive).
    words: Vec<String>,
}

fn case(args: &[&str], words: &[&str]) -> Case {
    Case {
        args: args.iter().map(|s| s.to_string()).collect(),
        words: words.iter().map(|s| s.to_lowercase()).collect(),
    }
}

/// Runs one case; `Err` says what went wrong.
fn run(dir: &Path, c: &Case) -> Result<(), String> {
    let mut child = Command::new("/bin/sh")
        .arg("-c")
        .arg("ulimit -v 4194304 2>/dev/null; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_activation-lab"))
        .args(&c.args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start: {e}"))?;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            return Err(format!("hang: no exit after {} s", HANG.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (mut out, mut err) = (String::new(), String::new());
    child.stdout.take().unwrap().read_to_string(&mut out).ok();
    child.stderr.take().unwrap().read_to_string(&mut err).ok();
    let code = status.code();
    if code.is_none() {
        return Err(format!("killed by a signal ({status}): {err}"));
    }
    if err.contains("panicked") || code == Some(101) {
        return Err(format!("panicked: {err}"));
    }
    if !matches!(code, Some(1 | 2)) {
        return Err(format!(
            "exit code {code:?}, expected 1 or 2; stderr: {err:?}"
        ));
    }
    if !out.is_empty() {
        return Err(format!("wrote to stdout on failure: {out:?}"));
    }
    if err.lines().count() != 1 {
        return Err(format!("the error is not one line: {err:?}"));
    }
    let lower = err.to_lowercase();
    if let Some(w) = c.words.iter().find(|w| !lower.contains(w.as_str())) {
        return Err(format!("stderr does not mention {w:?}: {err:?}"));
    }
    if err.chars().filter(|c| c.is_ascii_digit()).count() > 0 {
        let mut run = 0;
        for ch in err.chars() {
            run = if ch.is_ascii_digit() { run + 1 } else { 0 };
            if run > 20 {
                return Err(format!(
                    "stderr writes a number of more than 20 digits: {err:?}"
                ));
            }
        }
    }
    Ok(())
}

fn table(dir: &Path) -> Vec<Case> {
    let csv = moons_csv(dir, 60);
    let files = [
        ("empty.csv", ""),
        ("header.csv", "x1,x2,y\n"),
        ("bars.csv", "x1|x2|y\n1|2|0\n3|4|1\n"),
        ("quote.csv", "x1,x2,y\n\"1,2,0\n3,4,1\n"),
        ("nan.csv", "x1,x2,y\n1,2,0\nNaN,1,1\n"),
        ("label2.csv", "x1,x2,y\n1,2,0\n3,4,2\n"),
        ("oneclass.csv", "x1,x2,y\n1,2,1\n3,4,1\n"),
        (
            "huge.csv",
            "x1,x2,y\n1e308,-1e308,0\n-1e308,1e308,1\n0,0,0\n1,1,1\n",
        ),
        ("three.csv", "a,b,c,y\n1,2,3,0\n4,5,6,1\n"),
        ("model.json", "{\"weights\": [1, 2], \"bias\": 0}"),
        (
            "mlp3.json",
            "{\"hidden_weights\": [[1], [2], [3]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0}",
        ),
        (
            "bad.json",
            "{\"hidden_weights\": [[1]], \"hidden_bias\": [0], \"output_weights\": [1], \"output_bias\": 0, \"activation\": 3}",
        ),
        ("garbage.json", "\u{1}\u{2}not json"),
        (
            "hugemodel.json",
            "{\"weights\": [1.7976931348623157e308, 1.7976931348623157e308], \"bias\": 0}",
        ),
        (
            "species.csv",
            "x1,x2,species\n1,2,setosa\n3,4,versicolor\n5,6,virginica\n",
        ),
        ("index.csv", ",x1,x2,y\n0,1,2,0\n1,3,4,1\n"),
        ("measure.csv", "x1,y,x2\n1,0,1.4\n2,1,2.5\n"),
    ];
    for (name, text) in files {
        write(dir, name, text);
    }
    std::fs::write(
        dir.join("binary.csv"),
        [0xff, 0xfe, 0x00, 0x12, b'\n', 0x80],
    )
    .unwrap();
    let fit = |extra: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = [
            "fit",
            "--data",
            &csv,
            "--epochs",
            "2",
            "--hidden-units",
            "3",
            "-q",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        v
    };
    let mut cases = Vec::new();
    let mut add_fit = |extra: &[&str], words: &[&str]| {
        let args = fit(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        cases.push(case(&args, words));
    };
    // every numeric flag of `fit`, with values that are not numbers, not
    // finite, out of range or absurd
    for (flag, values) in [
        (
            "--epochs",
            &[
                "0",
                "-5",
                "abc",
                "1e3",
                "100000000000",
                "99999999999999999999999",
            ][..],
        ),
        (
            "--hidden-units",
            &[
                "0",
                "-1",
                "abc",
                "1000000000",
                "18446744073709551615",
                "18446744073709551616",
            ][..],
        ),
        (
            "--learning-rate",
            &["0", "-1", "NaN", "inf", "-inf", "abc", "1e999"][..],
        ),
        ("--batch-size", &["-1", "abc", "1.5"][..]),
        ("--l2", &["-1", "NaN", "inf", "abc", "-1e-300"][..]),
        (
            "--test-fraction",
            &["1", "-0.1", "NaN", "2", "inf", "abc"][..],
        ),
        ("--seed", &["-1", "abc", "18446744073709551616"][..]),
        (
            "--plot-size",
            &[
                "0x0",
                "100000x100000",
                "abc",
                "1920x",
                "x1080",
                "-5x5",
                "4294967296x10",
            ][..],
        ),
    ] {
        for v in values {
            add_fit(
                &[flag, v],
                &[flag
                    .trim_start_matches('-')
                    .split('-')
                    .next()
                    .unwrap_or(flag)],
            );
        }
    }
    for (flag, v, word) in [
        ("--learning-rate", "1e308", "learning_rate"),
        ("--model", "MLP2", "--model"),
        ("--activation", "step", "activation"),
        ("--activation", "swish2", "activation"),
        ("--optimizer", "rmsprop", "optimizer"),
        ("--label", "nope", "nope"),
        ("--init", "missing.json", "missing.json"),
        ("--init", "garbage.json", "garbage.json"),
        ("--init", "bad.json", "activation"),
        ("--init", "mlp3.json", "mlp3.json"),
        ("--save-model", "no-such-dir/m.json", "no-such-dir"),
        ("--plot", "figure.bmp", "bmp"),
        ("--plot", "no-such-dir/p.svg", "no-such-dir"),
        ("--curves", "curves.txt", "txt"),
        ("--curves", "no-such-dir/c.png", "no-such-dir"),
    ] {
        add_fit(&[flag, v], &[word]);
    }
    add_fit(&["--model", "logistic", "--hidden-units", "5"], &["hidden"]);
    // bad files for `fit --data`
    for (name, word) in [
        ("missing.csv", "missing.csv"),
        (".", "cannot read ."),
        ("empty.csv", "header"),
        ("header.csv", "empty"),
        ("bars.csv", "separated by '|'"),
        ("quote.csv", "quote"),
        ("nan.csv", "finite"),
        ("label2.csv", "label"),
        ("oneclass.csv", "class"),
        ("binary.csv", "line"),
        ("model.json", "json"),
    ] {
        cases.push(case(
            &["fit", "--data", name, "--epochs", "2", "-q"],
            &[word],
        ));
    }
    // output paths are checked before training: 10⁷ epochs would take minutes
    for flag in ["--save-model", "--plot", "--curves"] {
        let target = format!(
            "no-such-dir/out.{}",
            if flag == "--save-model" {
                "json"
            } else {
                "svg"
            }
        );
        cases.push(case(
            &[
                "fit", "--data", &csv, "--epochs", "10000000", "-q", flag, &target,
            ],
            &[flag, "does not exist"],
        ));
    }
    cases.push(case(
        &[
            "fit",
            "--data",
            &csv,
            "--epochs",
            "10000000",
            "-q",
            "--save-model",
            ".",
        ],
        &["is a folder"],
    ));
    cases.push(case(
        &[
            "fit",
            "--data",
            "huge.csv",
            "--epochs",
            "2",
            "--no-standardize",
            "--plot",
            "p.svg",
            "-q",
        ],
        &["data"],
    ));
    // label columns that are not 0/1
    for (args, word) in [
        (
            &["fit", "--data", "species.csv", "-q"][..],
            "--positive setosa",
        ),
        (
            &["fit", "--data", "species.csv", "--positive", "setosa", "-q"][..],
            "third class",
        ),
        (
            &["fit", "--data", "species.csv", "--positive", "rose", "-q"][..],
            "names no label",
        ),
        (&["fit", "--data", "index.csv", "-q"][..], "saved index"),
        (&["fit", "--data", "measure.csv", "-q"][..], "--label"),
        (&["fit", "--data", "label2.csv", "-q"][..], "--positive 2"),
    ] {
        cases.push(case(args, &[word]));
    }
    // `data`
    for (args, word) in [
        (&["data", "moon"][..], "moon"),
        (&["data", ""][..], "dataset"),
        (&["data", "moons", "--samples", "1000000000"][..], "samples"),
        (
            &["data", "moons", "--samples", "18446744073709551615"][..],
            "samples",
        ),
        (&["data", "moons", "--samples", "-1"][..], "samples"),
        (&["data", "moons", "--samples", "1"][..], "samples"),
        (&["data", "moons", "--noise", "NaN"][..], "noise"),
        (&["data", "moons", "--noise", "-1"][..], "noise"),
        (&["data", "moons", "--noise", "1e308"][..], "noise"),
        (&["data", "moons", "--noise", "inf"][..], "noise"),
        (&["data", "moons", "--seed", "-3"][..], "seed"),
        (
            &["data", "moons", "--out", "no-such-dir/x.csv"][..],
            "no-such-dir",
        ),
        (&["data", "moons", "--out", "."][..], "cannot write ."),
    ] {
        cases.push(case(args, &[word]));
    }
    // `predict`
    write(
        dir,
        "mlp.json",
        "{\"hidden_weights\": [[1, -1], [-1, 1]], \"hidden_bias\": [0, 0], \"output_weights\": [1, -1], \"output_bias\": 0}",
    );
    for (model, data, word) in [
        ("missing.json", csv.as_str(), "missing.json"),
        ("garbage.json", csv.as_str(), "garbage.json"),
        ("bad.json", csv.as_str(), "activation"),
        ("mlp.json", "missing.csv", "missing.csv"),
        ("mlp.json", "three.csv", "column"),
        ("mlp.json", "nan.csv", "finite"),
        ("mlp.json", "quote.csv", "quote"),
        ("mlp.json", "binary.csv", "line"),
        ("mlp.json", "empty.csv", "header"),
        ("hugemodel.json", "huge.csv", "too large"),
    ] {
        cases.push(case(
            &["predict", "--model", model, "--data", data],
            &[word],
        ));
    }
    // `figures`
    write(dir, "a-file", "");
    for (args, word) in [
        (&["figures", "--out", "a-file", "-q"][..], "a-file"),
        (&["figures", "--format", "bmp", "-q"][..], "bmp"),
        (&["figures", "--format", "", "-q"][..], "format"),
        (&["figures", "--size", "0x0", "-q"][..], "size"),
        (&["figures", "--size", "99999x99999", "-q"][..], "size"),
        (&["figures", "--size", "huge", "-q"][..], "size"),
    ] {
        cases.push(case(args, &[word]));
    }
    // unknown subcommands and flags
    for (args, word) in [
        (&["train"][..], "train"),
        (&["fit"][..], "--data"),
        (&["fit", "--data"][..], "--data"),
        (&["predict", "--data", "x.csv"][..], "--model"),
        (&["fit", "--data", "x.csv", "--epoch", "3"][..], "--epoch"),
    ] {
        cases.push(case(args, &[word]));
    }
    cases
}

#[test]
fn every_bad_flag_and_file_fails_cleanly() {
    let dir = tempdir();
    let cases = table(dir.path());
    let mut failures = Vec::new();
    for c in &cases {
        if let Err(why) = run(dir.path(), c) {
            failures.push(format!("activation-lab {}: {why}", c.args.join(" ")));
        }
    }
    println!(
        "{} command-line cases, {} failed",
        cases.len(),
        failures.len()
    );
    assert!(cases.len() >= 100, "the table has {} cases", cases.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
