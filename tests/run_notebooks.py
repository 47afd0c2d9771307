#!/usr/bin/env python3
"""Execute every notebook of the series, in each of its course editions, in a
fresh `rust` (evcxr) kernel.

The committed notebooks are the source; tools/editions.py writes three
editions of each to editions/<edition>/ (solutions, student, wrong), and each
is run. Every check prints one line: `PASS …`, `FAIL …` (then an indented
`hint: …` line) or `not answered yet: …` (then its hint). Cells tagged
`self-check` are the exercises' checks; cells tagged `claim` assert what the
notebook says.

A notebook fails when, in any edition:
  * a cell gets an error reply, or prints a panic, an `Err(...)` value or
    evcxr's compile/runtime error text on stderr (evcxr does not mark such a
    cell as failed, so the outputs are inspected);
  * a cell tagged `figure` shows no image (SVG, PNG or GIF);
  * a cell tagged `widget` shows no interactive widget (`text/html` with a
    `data-widget` root) or not its static picture (`image/png`) beside it;
  * a cell tagged `claim` prints no `PASS` line, or any `FAIL` or
    `not answered yet` line; other cells print either;
  * a cell tagged `self-check`, in the edition
      solutions: prints no `PASS` line, or a `FAIL` or `not answered yet` line;
      student:   prints no `not answered yet` line, or a `PASS` or `FAIL` line
                 (a check that passes without an answer tests nothing);
      wrong:     prints no `FAIL` line, or a `PASS` or `not answered yet` line
                 (every exercise's check must catch its wrong answer);
    or a `FAIL`/`not answered yet` line comes without its hint, or the
    editions print different numbers of check lines in the same cell;
  * the committed file carries outputs or execution counts, its kernelspec
    is not the series' `rust` kernel, or its markers are malformed.

Each run's execution time (fresh kernel), its first cell and its median
later cell are reported. The last line reads "notebooks: N passed,
N failed" (a notebook passes when all its editions do).

Usage: run_notebooks.py [--edition NAME]... [--save-executed DIR] [NOTEBOOK ...]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "rust"

sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402  (tools/editions.py)

# the one line each check prints, and the hint line under a FAIL or an unanswered check
PASS, FAIL, UNANSWERED = "PASS", "FAIL", "not answered yet:"
HINT = re.compile(r"^\s+hint: \S")

# per edition, what a self-check cell must print (at least one), and must not print
SELF_CHECK_RULES = {
    "solutions": (PASS, {FAIL: "a check fails with the solution", UNANSWERED: "a check is not answered"}),
    "student": (
        UNANSWERED,
        {
            PASS: "a check passes without the student's answer (it tests nothing)",
            FAIL: "a check fails before the student has answered",
        },
    ),
    "wrong": (
        FAIL,
        {
            PASS: "a check passes with the wrong answer (it cannot catch it)",
            UNANSWERED: "a check reports the wrong answer as not answered",
        },
    ),
}

# stderr or text output that means a cell went wrong
BAD_PATTERNS = [
    (re.compile(r"panicked at"), "a panic"),
    (re.compile(r"^\s*Err\(", re.M), "an Err(...) value"),
    (re.compile(r"^Error: ", re.M), "a top-level error"),
    (re.compile(r"^error(\[E\d+\])?: ", re.M), "a compile error"),
    (re.compile(r"Segmentation fault|Child process terminated"), "a crashed kernel"),
]


def static_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Problems with the committed file itself."""
    problems = []
    spec = nb.metadata.get("kernelspec", {})
    if spec.get("name") != "rust" or spec.get("language") != "rust":
        problems.append(f"kernelspec is {spec!r}: expected name 'rust', language 'rust'")
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {i} has committed outputs: strip them")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {i} has an execution count: strip it")
    return problems


def cell_text(cell: nbformat.NotebookNode) -> tuple[str, str, set[str]]:
    """(stdout+plain text, stderr, mime types) of a cell's outputs."""
    out, err, mimes = [], [], set()
    for o in cell.get("outputs", []):
        if o.output_type == "stream":
            (err if o.name == "stderr" else out).append(o.text)
        elif o.output_type in ("display_data", "execute_result"):
            mimes.update(o.data.keys())
            if "text/plain" in o.data:
                out.append(o.data["text/plain"])
        elif o.output_type == "error":
            err.append(f"{o.ename}: {o.evalue}")
    return "".join(out), "".join(err), mimes


def shows_widget(cell: nbformat.NotebookNode) -> bool:
    """One display bundle with the widget (`text/html`, a `data-widget` root)
    and its static picture (`image/png`)."""
    return any(
        o.output_type in ("display_data", "execute_result")
        and 'data-widget="' in o.data.get("text/html", "")
        and "image/png" in o.data
        for o in cell.get("outputs", [])
    )


def status_of(line: str) -> str | None:
    for status in (PASS, FAIL, UNANSWERED):
        if line.startswith(status):
            return status
    return None


def check_lines(edition: str, tags: set[str], out: str, where: str) -> tuple[list[str], int]:
    """Problems with a cell's check lines in this edition, and how many it printed."""
    problems = []
    lines = out.splitlines()
    statuses = [(i, status_of(line)) for i, line in enumerate(lines)]
    statuses = [(i, s) for i, s in statuses if s is not None]
    found = {s for _, s in statuses}
    for i, status in statuses:
        if status in (FAIL, UNANSWERED) and not (i + 1 < len(lines) and HINT.match(lines[i + 1])):
            problems.append(f"{where}: no hint under {lines[i]!r}")
    if "self-check" in tags:
        required, forbidden = SELF_CHECK_RULES[edition]
        if required not in found:
            problems.append(f"{where}: self-check printed no {required.rstrip(':')!r} line ({edition} edition)")
        for i, status in statuses:
            if status in forbidden:
                problems.append(f"{where}: {forbidden[status]} ({edition} edition): {lines[i]}")
    else:
        if "claim" in tags and PASS not in found:
            problems.append(f"{where}: tagged 'claim' but printed no PASS line")
        for i, status in statuses:
            if status == FAIL:
                problems.append(f"{where}: check failed: {lines[i]}")
            elif status == UNANSWERED:
                problems.append(f"{where}: a check outside the self-checks is not answered: {lines[i]}")
    return problems, len(statuses)


def seconds(cell: nbformat.NotebookNode) -> float | None:
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not start or not end:
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def run(path: Path, edition: str, save_to: Path | None) -> tuple[list[str], dict, dict[int, int]]:
    """Runs one edition of a notebook: its problems, timings and the number
    of check lines per self-check cell."""
    nb = nbformat.read(path, as_version=4)
    problems = []
    counts: dict[int, int] = {}
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=900,
        startup_timeout=600,
        allow_errors=True,
        record_timing=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.monotonic()
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        problems.append(f"execution stopped: {type(e).__name__}: {str(e)[:500]}")
    total = time.monotonic() - start

    times = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        t = seconds(cell)
        if t is not None:
            times.append(t)
        out, err, mimes = cell_text(cell)
        tags = set(cell.metadata.get("tags", []))
        head = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
        where = f"{edition}: cell {i} ({head!r})"
        for o in cell.get("outputs", []):
            if o.output_type == "error":
                problems.append(f"{where}: error reply {o.ename}: {o.evalue[:300]}")
        for pattern, what in BAD_PATTERNS:
            for text in (err, out):
                m = pattern.search(text)
                if m:
                    snippet = text[max(0, m.start() - 100) : m.end() + 300].strip()
                    problems.append(f"{where}: {what}:\n      {snippet}")
                    break
        if "figure" in tags and not any(m.startswith("image/") for m in mimes):
            problems.append(f"{where}: tagged 'figure' but shows no image")
        if "widget" in tags and not shows_widget(cell):
            problems.append(f"{where}: tagged 'widget' but shows no widget with its static picture")
        cell_problems, n_checks = check_lines(edition, tags, out, where)
        problems.extend(cell_problems)
        if "self-check" in tags:
            counts[i] = n_checks

    if save_to is not None:
        save_to.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, save_to / path.name)
    stats = {
        "total": total,
        "first": times[0] if times else float("nan"),
        "median_rest": statistics.median(times[1:]) if len(times) > 1 else float("nan"),
        "max_rest": max(times[1:]) if len(times) > 1 else float("nan"),
        "cells": len(times),
    }
    return problems, stats, counts


def compare_counts(counts: dict[str, dict[int, int]]) -> list[str]:
    """Every edition must print as many check lines in a self-check cell as
    the others: a check that is skipped in one edition tests nothing there."""
    problems = []
    cells = sorted({i for per_cell in counts.values() for i in per_cell})
    for i in cells:
        seen = {edition: per_cell.get(i, 0) for edition, per_cell in counts.items()}
        if len(set(seen.values())) > 1:
            text = ", ".join(f"{n} in {e}" for e, n in seen.items())
            problems.append(f"cell {i}: the editions print different numbers of check lines ({text})")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="source notebooks (default: notebooks/NN-*.ipynb)")
    parser.add_argument(
        "--edition",
        action="append",
        choices=editions.EDITIONS,
        help="run only this edition (repeatable; default: all three)",
    )
    parser.add_argument(
        "--save-executed",
        type=Path,
        default=None,
        metavar="DIR",
        help="save the executed notebooks in DIR (DIR/<edition>/ when running several editions)",
    )
    parser.add_argument(
        "--editions-dir",
        type=Path,
        default=editions.DEFAULT_OUT,
        metavar="DIR",
        help="where the editions are written before they run (default: editions/)",
    )
    args = parser.parse_args()
    paths = [p.resolve() for p in args.notebooks] or editions.default_sources()
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1
    chosen = tuple(e for e in editions.EDITIONS if not args.edition or e in args.edition)

    passed, failed = 0, 0
    rows = []
    start_all = time.monotonic()
    for path in paths:
        problems = static_problems(nbformat.read(path, as_version=4))
        try:
            written = editions.write_editions([path], args.editions_dir, chosen)
        except editions.MarkerError as e:
            written = {}
            problems.append(f"markers: {e}")
        counts = {}
        for edition, files in written.items():
            print(f"running {path.name} ({edition} edition) in a fresh {KERNEL} kernel ...", flush=True)
            save_to = None
            if args.save_executed is not None:
                save_to = args.save_executed if len(chosen) == 1 else args.save_executed / edition
            run_problems, stats, counts[edition] = run(files[0], edition, save_to)
            problems.extend(run_problems)
            rows.append((path.name, edition, stats, not run_problems))
            print(
                f"  {path.name} ({edition}): {stats['total']:.1f} s total, first cell {stats['first']:.1f} s, "
                f"median later cell {stats['median_rest']:.2f} s ({stats['cells']} cells)",
                flush=True,
            )
        if len(counts) > 1:
            problems.extend(compare_counts(counts))
        if problems:
            failed += 1
            print(f"FAILED {path.name}:")
            for p in problems:
                print(f"  - {p}")
        else:
            passed += 1

    print(
        "\n| notebook | edition | total (s) | first cell (s) | median later cell (s) "
        "| slowest later cell (s) | result |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, edition, s, ok in rows:
        print(
            f"| {name} | {edition} | {s['total']:.1f} | {s['first']:.1f} | {s['median_rest']:.2f} "
            f"| {s['max_rest']:.2f} | {'pass' if ok else 'FAIL'} |"
        )
    print(f"\n{len(rows)} runs ({', '.join(chosen)}) in {time.monotonic() - start_all:.0f} s")
    print(f"\nnotebooks: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
