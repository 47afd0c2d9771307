//! The adversarial suite: a table of bad and extreme inputs across the
//! prelude's public functions, each run in a child process with a memory
//! limit and a watchdog, so that a panic, an abort (a failed allocation) or
//! a hang is caught and reported as a failure of that case.
//!
//! Every case asserts:
//! - no panic and no abort;
//! - the call returns within [`BAD_INPUT_SECONDS`] when the input is bad (a
//!   case the watchdog kills after [`HANG_SECONDS`] is a hang);
//! - no NaN or infinity in what a call on finite input returns;
//! - an error message names the argument the caller passed, and its numbers
//!   are short (`1e300`, not 301 digits).
//!
//! `cargo test --test adversarial` runs every case; `ADVERSARIAL_FILTER=csv`
//! runs the cases whose family or name contains `csv`, and
//! `ADVERSARIAL_LIST=1` prints the table without running it. Running the
//! test binary as `adversarial --child 0` runs the cases in this process
//! and prints each one's verdict and error message (to read the messages).

mod activations;
mod cases;
mod curves;
mod data;
mod figures;
mod formats;
mod gallery;
mod metrics;
mod models;
mod notebook;
mod predict;
mod widgets;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use cases::Case;

/// A call on bad input must come back within this many seconds.
const BAD_INPUT_SECONDS: f64 = 1.0;
/// A call that has not come back after this many seconds is a hang.
const HANG_SECONDS: u64 = 60;
/// The child's address-space limit: an allocation the size of the machine
/// fails (and aborts) instead of swapping.
const MEMORY_LIMIT_KIB: u64 = 4 * 1024 * 1024;

fn all_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    data::cases(&mut cases);
    formats::cases(&mut cases);
    models::cases(&mut cases);
    predict::cases(&mut cases);
    activations::cases(&mut cases);
    metrics::cases(&mut cases);
    figures::cases(&mut cases);
    gallery::cases(&mut cases);
    curves::cases(&mut cases);
    notebook::cases(&mut cases);
    widgets::cases(&mut cases);
    cases
}

fn selected() -> Vec<(usize, Case)> {
    let filter = std::env::var("ADVERSARIAL_FILTER").unwrap_or_default();
    all_cases()
        .into_iter()
        .enumerate()
        .filter(|(_, c)| {
            filter.is_empty() || c.family.contains(&filter) || c.name.contains(&filter)
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(pos) = args.iter().position(|a| a == "--child") {
        let start: usize = args[pos + 1].parse().expect("child start index");
        child(start);
        return;
    }
    // `cargo test` passes harness flags (--list for listing tests, a name
    // filter); answer --list with nothing so tools that enumerate tests
    // are not confused.
    if args.iter().any(|a| a == "--list") {
        return;
    }
    if std::env::var_os("ADVERSARIAL_LIST").is_some() {
        for (i, c) in selected() {
            println!("{i:5} {:12} {}", c.family, c.name);
        }
        return;
    }
    std::process::exit(parent());
}

/// Runs the selected cases in order, from `start`, printing one line per
/// case: `start <i>` before the call, `done <i> <ms> <verdict>` after it.
fn child(start: usize) {
    std::panic::set_hook(Box::new(|_| {}));
    let mut out = std::io::stdout().lock();
    for (i, case) in selected().into_iter().skip(start) {
        writeln!(out, "start\t{i}").unwrap();
        out.flush().unwrap();
        let t = Instant::now();
        let verdict = case.evaluate();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        writeln!(
            out,
            "done\t{i}\t{ms:.3}\t{}\t{}",
            verdict.line(),
            verdict.message()
        )
        .unwrap();
        out.flush().unwrap();
    }
}

enum Line {
    Start(usize),
    Done(usize, f64, String),
}

fn parent() -> i32 {
    let cases = selected();
    let by_index: BTreeMap<usize, &Case> = cases.iter().map(|(i, c)| (*i, c)).collect();
    let positions: BTreeMap<usize, usize> = cases
        .iter()
        .enumerate()
        .map(|(p, (i, _))| (*i, p))
        .collect();
    let exe = std::env::current_exe().expect("own path");
    let mut results: BTreeMap<usize, Result<f64, String>> = BTreeMap::new();
    let mut next = 0usize; // position in `cases` where the next child starts
    let started = Instant::now();
    while next < cases.len() {
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg(format!(
                "ulimit -v {MEMORY_LIMIT_KIB} 2>/dev/null; exec \"$0\" \"$@\""
            ))
            .arg(&exe)
            .arg("--child")
            .arg(next.to_string())
            .env("RUST_BACKTRACE", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the child");
        let stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
                let parts: Vec<&str> = line.splitn(5, '\t').collect();
                let msg = match parts.as_slice() {
                    ["start", i] => Line::Start(i.parse().unwrap()),
                    ["done", i, ms, verdict, _message] => {
                        Line::Done(i.parse().unwrap(), ms.parse().unwrap(), verdict.to_string())
                    }
                    _ => continue,
                };
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        let mut current: Option<usize> = None;
        let mut hung = false;
        loop {
            match rx.recv_timeout(Duration::from_secs(HANG_SECONDS)) {
                Ok(Line::Start(i)) => current = Some(i),
                Ok(Line::Done(i, ms, verdict)) => {
                    current = None;
                    next = positions[&i] + 1;
                    let case = by_index[&i];
                    let mut outcome = if verdict == "ok" {
                        Ok(ms)
                    } else {
                        Err(verdict)
                    };
                    if outcome.is_ok() && case.is_bad_input() && ms > BAD_INPUT_SECONDS * 1e3 {
                        outcome = Err(format!(
                            "took {:.2} s on bad input: expected an answer within {BAD_INPUT_SECONDS} s",
                            ms / 1e3
                        ));
                    }
                    results.insert(i, outcome);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    hung = current.is_some();
                    let _ = child.kill();
                    break;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        let status = child.wait().expect("wait for the child");
        let _ = reader.join();
        let mut err_text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut err_text);
        if let Some(i) = current {
            let why = if hung {
                format!("hang: no answer after {HANG_SECONDS} s")
            } else {
                let tail: Vec<&str> = err_text.lines().rev().take(3).collect();
                format!(
                    "the process died ({status}): {}",
                    tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
                )
            };
            results.insert(i, Err(why));
            next = positions[&i] + 1;
        } else if !status.success() && next < cases.len() {
            eprintln!("child failed outside a case ({status}): {err_text}");
            return 2;
        }
    }

    // Report: failures first, then counts per family.
    let mut per_family: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = 0;
    for (i, case) in &cases {
        let entry = per_family.entry(case.family).or_default();
        entry.0 += 1;
        match &results[i] {
            Ok(_) => {}
            Err(why) => {
                failures += 1;
                entry.1 += 1;
                println!("FAIL [{}] {}: {why}", case.family, case.name);
            }
        }
    }
    let slowest = results
        .iter()
        .filter_map(|(i, r)| r.as_ref().ok().map(|ms| (*ms, *i)))
        .fold((0.0, 0), |a, b| if b.0 > a.0 { b } else { a });
    println!(
        "\nadversarial suite: {} cases in {:.1} s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    println!("{:<14} {:>6} {:>7}", "family", "cases", "failed");
    for (family, (n, failed)) in &per_family {
        println!("{family:<14} {n:>6} {failed:>7}");
    }
    if let Some(c) = by_index.get(&slowest.1) {
        println!("slowest case: {:.1} ms ({})", slowest.0, c.name);
    }
    if failures > 0 {
        println!("{failures} of {} cases failed", cases.len());
        1
    } else {
        println!("all {} cases passed", cases.len());
        0
    }
}
