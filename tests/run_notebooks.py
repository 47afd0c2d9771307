#!/usr/bin/env python3
"""Execute every notebook of the series in a fresh `rust` (evcxr) kernel.

A notebook fails when:
  * a cell gets an error reply, or prints a panic, an `Err(...)` value or
    evcxr's compile/runtime error text on stderr (evcxr does not mark such a
    cell as failed, so the outputs are inspected);
  * a cell tagged `figure` shows no image (SVG, PNG or GIF);
  * a self-check prints a line starting with `FAIL`, or a cell tagged
    `self-check` prints no `PASS` line;
  * the committed file carries outputs or execution counts, or its
    kernelspec is not the series' `rust` kernel.

Each notebook's execution time (fresh kernel), its first cell and its
median later cell are reported. The last line reads "notebooks: N passed,
N failed".

Usage: run_notebooks.py [--save-executed DIR] [NOTEBOOK ...]
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


def seconds(cell: nbformat.NotebookNode) -> float | None:
    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not start or not end:
        return None
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
    return (parse(end) - parse(start)).total_seconds()


def run(path: Path, save_dir: Path | None) -> tuple[list[str], dict]:
    nb = nbformat.read(path, as_version=4)
    problems = static_problems(nb)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=900,
        startup_timeout=120,
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
        where = f"cell {i} ({head!r})"
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
        for line in out.splitlines():
            if line.startswith("FAIL"):
                problems.append(f"{where}: self-check failed: {line}")
        if "self-check" in tags and not any(l.startswith("PASS") for l in out.splitlines()):
            problems.append(f"{where}: tagged 'self-check' but printed no PASS line")

    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, save_dir / path.name)
    stats = {
        "total": total,
        "first": times[0] if times else float("nan"),
        "median_rest": statistics.median(times[1:]) if len(times) > 1 else float("nan"),
        "max_rest": max(times[1:]) if len(times) > 1 else float("nan"),
        "cells": len(times),
    }
    return problems, stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--save-executed", type=Path, default=None)
    args = parser.parse_args()
    paths = args.notebooks or sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 1

    passed, failed = 0, 0
    rows = []
    for path in paths:
        print(f"running {path.name} in a fresh {KERNEL} kernel ...", flush=True)
        problems, stats = run(path, args.save_executed)
        rows.append((path.name, stats, not problems))
        if problems:
            failed += 1
            print(f"FAILED {path.name}:")
            for p in problems:
                print(f"  - {p}")
        else:
            passed += 1
        print(
            f"  {path.name}: {stats['total']:.1f} s total, first cell {stats['first']:.1f} s, "
            f"median later cell {stats['median_rest']:.2f} s ({stats['cells']} cells)",
            flush=True,
        )

    print("\n| notebook | total (s) | first cell (s) | median later cell (s) | slowest later cell (s) | result |")
    print("|---|---|---|---|---|---|")
    for name, s, ok in rows:
        print(
            f"| {name} | {s['total']:.1f} | {s['first']:.1f} | {s['median_rest']:.2f} "
            f"| {s['max_rest']:.2f} | {'pass' if ok else 'FAIL'} |"
        )
    print(f"\nnotebooks: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
