//! Helpers shared by the integration tests: run the binary, write files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The result of one run of `activation-lab`.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `activation-lab` with `args` in `dir`, stdin closed.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_activation-lab"))
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A fresh temporary folder.
pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Writes `text` to `dir/name` and returns the path as a string.
pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, text).expect("write a test file");
    path.display().to_string()
}

impl Run {
    /// Asserts success (exit 0) and returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        &self.stdout
    }

    /// Asserts a clean failure: exit code 1, nothing on stdout, and exactly
    /// one line on stderr, `error: …` containing `message`.
    pub fn fails_with(&self, message: &str) {
        assert_eq!(
            self.code,
            Some(1),
            "stdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        assert_eq!(self.stdout, "", "stdout should be empty");
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        assert_eq!(
            self.stderr.lines().count(),
            1,
            "one line: {:?}",
            self.stderr
        );
        assert!(self.stderr.starts_with("error: "), "{}", self.stderr);
        assert!(
            self.stderr.contains(message),
            "expected {message:?} in {:?}",
            self.stderr
        );
    }

    /// Parses stdout as one JSON value.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok()).expect("stdout is one JSON value")
    }
}

/// A small, noisy two-class CSV (x1,x2,y) made by the tool itself.
pub fn moons_csv(dir: &Path, samples: usize) -> String {
    let path = dir.join("moons.csv");
    let p = path.display().to_string();
    run_in(
        dir,
        &[
            "data",
            "moons",
            "--samples",
            &samples.to_string(),
            "--seed",
            "3",
            "--out",
            &p,
        ],
    )
    .ok();
    p
}
