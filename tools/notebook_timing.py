#!/usr/bin/env python3
"""How long a student waits: the Rust kernel's latency, measured as a
classroom sees it (wall-clock time from sending a cell to its reply).

Two measurements, each in a fresh kernel started exactly as Jupyter starts it
(the `rust` kernelspec of .venv):

  probe       kernel start (until it answers kernel_info), the setup cell,
              the first real cell (`let a = sigmoid(0.5); a`), then a trivial
              cell (`let b = 2; b`) and a one-call cell, each a few times;
  notebooks   every code cell of the given notebooks (solutions edition),
              the median later cell, and the notebook end to end including
              the kernel's start.

Prints Markdown tables (the ones in BENCHMARKS.md). Timings are never a test:
this script fails only if a cell fails.

Usage: notebook_timing.py [--probe-runs N] [--skip-probe | --probe-only] [NOTEBOOK ...]
       (default notebooks: 04, 05 and 06)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import KernelManager

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
sys.path.insert(0, str(ROOT / "tools"))
import editions  # noqa: E402  (tools/editions.py)

SETUP = ':dep activation-lab = { path = "../crates/activation-lab" }\nuse activation_lab::prelude::*;\nconst SEED: u64 = 42;'
FIRST = "let a = sigmoid(0.5);\na"
TRIVIAL = "let b = 2;\nb"
ONE_CALL = "let c = sigmoid(a + 1.0);\nc"

# the Python version of notebooks 04, 05, 06 (NumPy, scikit-learn, Matplotlib),
# executed the same way on this kind of machine
PYTHON_FIGURES = {
    "kernel start": 0.75,
    "imports cell": 2.5,
    "first result": 3.3,
    "04": 5.8,
    "05": 13.9,
    "06": 28.9,
}


class Kernel:
    """One fresh kernel, started as Jupyter starts it, in `cwd`."""

    def __init__(self, cwd: Path = NOTEBOOKS) -> None:
        t0 = time.monotonic()
        self.km = KernelManager(kernel_name="rust")
        self.km.start_kernel(cwd=str(cwd))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=600)
        self.start_seconds = time.monotonic() - t0

    def run(self, code: str, timeout: float = 900) -> tuple[float, str]:
        """Executes one cell; its wall-clock time and its text output. Raises
        on an error reply or evcxr's error text."""
        t0 = time.monotonic()
        msg_id = self.kc.execute(code)
        texts = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                texts.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                texts.append(content["data"].get("text/plain", ""))
            elif kind == "error":
                raise RuntimeError(f"cell failed: {content['ename']}: {content['evalue'][:500]}")
            elif kind == "status" and content["execution_state"] == "idle":
                break
        reply = self.kc.get_shell_msg(timeout=timeout)
        elapsed = time.monotonic() - t0
        text = "".join(texts)
        if reply["content"]["status"] != "ok" or "panicked at" in text or "\nerror" in text:
            raise RuntimeError(f"cell failed: {code[:80]!r}: {text[:500]}")
        return elapsed, text

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def probe(runs: int) -> list[dict]:
    rows = []
    for i in range(runs):
        t_all = time.monotonic()
        k = Kernel()
        try:
            setup, _ = k.run(SETUP)
            first, out = k.run(FIRST)
            if "0.62" not in out:
                raise RuntimeError(f"unexpected output of the first cell: {out!r}")
            first_result = time.monotonic() - t_all
            trivial = [k.run(TRIVIAL)[0] for _ in range(5)]
            one_call = [k.run(ONE_CALL)[0] for _ in range(5)]
        finally:
            k.close()
        rows.append(
            {
                "start": k.start_seconds,
                "setup": setup,
                "first": first,
                "first_result": first_result,
                "trivial": statistics.median(trivial),
                "one_call": statistics.median(one_call),
            }
        )
        print(
            f"  probe {i + 1}: start {k.start_seconds:.2f} s, setup {setup:.2f} s, first cell {first:.2f} s, "
            f"first result after {first_result:.2f} s; trivial {statistics.median(trivial):.2f} s, "
            f"one call {statistics.median(one_call):.2f} s",
            flush=True,
        )
    return rows


def notebook(path: Path) -> dict:
    nb = nbformat.read(path, as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    t_all = time.monotonic()
    k = Kernel(path.parent)
    try:
        times = [k.run(src)[0] for src in cells]
    finally:
        k.close()
    total = time.monotonic() - t_all
    return {
        "start": k.start_seconds,
        "setup": times[0],
        "first_result": k.start_seconds + times[0] + (times[1] if len(times) > 1 else 0.0),
        "median": statistics.median(times[1:]),
        "max": max(times[1:]),
        "cells": len(times),
        "total": total,
    }


def load() -> str:
    try:
        one, five, _ = os.getloadavg()
        return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"
    except OSError:
        return "load average unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks (default: 04, 05, 06)")
    parser.add_argument("--probe-runs", type=int, default=3, help="fresh kernels for the probe (default 3)")
    parser.add_argument("--skip-probe", action="store_true", help="time the notebooks only")
    parser.add_argument("--probe-only", action="store_true", help="run the probe only, no notebooks")
    args = parser.parse_args()
    paths = [p.resolve() for p in args.notebooks] or [
        p for p in editions.default_sources() if p.name[:2] in ("04", "05", "06")
    ]
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"# notebook timing: {rustc}; {load()}", flush=True)

    if not args.skip_probe:
        rows = probe(args.probe_runs)
        med = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
        print("\n| step (median of %d fresh kernels) | Rust (s) | Python (s) |" % len(rows))
        print("|---|---|---|")
        print(f"| kernel start (until it answers) | {med['start']:.2f} | {PYTHON_FIGURES['kernel start']} |")
        print(f"| setup cell (`:dep` + `use`) | {med['setup']:.2f} | {PYTHON_FIGURES['imports cell']} |")
        print(f"| first real cell (`let a = sigmoid(0.5); a`) | {med['first']:.2f} | |")
        print(f"| kernel start to the first result | {med['first_result']:.2f} | {PYTHON_FIGURES['first result']} |")
        print(f"| a trivial later cell (`let b = 2; b`) | {med['trivial']:.2f} | |")
        print(f"| a one-call later cell (`let c = sigmoid(a + 1.0); c`) | {med['one_call']:.2f} | |")

    if args.probe_only:
        print(f"\n{load()}")
        return 0
    results = []
    out_dir = ROOT / "target" / "notebook-timing"
    written = editions.write_editions(paths, out_dir, ("solutions",))
    for source, path in zip(paths, written["solutions"]):
        print(f"timing {source.name} in a fresh kernel ...", flush=True)
        results.append((source.name, notebook(path)))
    print(
        "\n| notebook (solutions, fresh kernel) | end to end (s) | Python (s) | kernel start (s) "
        "| setup cell (s) | median later cell (s) | slowest later cell (s) | cells |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, r in results:
        py = PYTHON_FIGURES.get(name[:2], "")
        print(
            f"| {name} | {r['total']:.1f} | {py} | {r['start']:.2f} | {r['setup']:.2f} | {r['median']:.2f} "
            f"| {r['max']:.2f} | {r['cells']} |"
        )
    print(f"\n{load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
