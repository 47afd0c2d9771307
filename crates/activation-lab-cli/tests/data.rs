//! `activation-lab data` and `--help`.

mod common;

use common::{run_in, tempdir};

#[test]
fn writes_a_header_and_one_row_per_sample_to_stdout() {
    let dir = tempdir();
    let r = run_in(dir.path(), &["data", "moons", "--samples", "10"]);
    let lines: Vec<&str> = r.ok().lines().collect();
    assert_eq!(lines[0], "x1,x2,y");
    assert_eq!(lines.len(), 11);
    let ones = lines[1..].iter().filter(|l| l.ends_with(",1")).count();
    assert_eq!(ones, 5);
    assert_eq!(r.stderr, "");
}

#[test]
fn same_seed_gives_the_same_bytes() {
    let dir = tempdir();
    for kind in ["blobs", "moons", "circles", "xor", "spirals"] {
        let a = run_in(dir.path(), &["data", kind, "--seed", "4"])
            .ok()
            .to_string();
        let b = run_in(dir.path(), &["data", kind, "--seed", "4"])
            .ok()
            .to_string();
        let c = run_in(dir.path(), &["data", kind, "--seed", "5"])
            .ok()
            .to_string();
        assert_eq!(a, b, "{kind}");
        assert_ne!(a, c, "{kind}");
        assert_eq!(a.lines().count(), 201, "{kind}: 200 rows by default");
    }
}

#[test]
fn out_writes_the_file_and_says_so_on_stderr() {
    let dir = tempdir();
    let r = run_in(
        dir.path(),
        &[
            "data",
            "xor",
            "--samples",
            "6",
            "--noise",
            "0",
            "--out",
            "x.csv",
        ],
    );
    assert_eq!(r.ok(), "");
    assert_eq!(r.stderr, "wrote 6 rows of xor (noise 0, seed 0) to x.csv\n");
    let text = std::fs::read_to_string(dir.path().join("x.csv")).unwrap();
    assert_eq!(text.lines().count(), 7);
}

#[test]
fn every_subcommand_has_help_with_examples() {
    let dir = tempdir();
    for command in [
        vec!["--help"],
        vec!["data", "--help"],
        vec!["fit", "--help"],
        vec!["predict", "--help"],
        vec!["figures", "--help"],
    ] {
        let r = run_in(dir.path(), &command);
        assert!(r.ok().contains("Examples:"), "{command:?}");
        assert!(r.stdout.contains("activation-lab"), "{command:?}");
    }
}
