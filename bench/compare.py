#!/usr/bin/env python3
"""Times the same workloads in Activation Lab (Rust), NumPy and scikit-learn
on the same data, and prints a side-by-side table with ratios.

The data is the crate's CSV export (`activation-lab data moons --samples 1000
--seed 0`). The workloads:

  full-batch epoch   2-200-1 sigmoid MLP, plain gradient descent (eta = 0.5),
                     mean cross-entropy, no L2, raw inputs, 1000 points
  minibatch epoch    the same with minibatches of 32, reshuffled every epoch
  grid 500x500       P(y = 1 | x) for 250,000 points through the trained MLP

The per-epoch time is the time of a run of EPOCHS epochs divided by EPOCHS;
every number is the median of REPEATS runs. The Rust numbers come from the
`workloads` benchmark binary (built in release mode), started from here.

    python bench/compare.py [--epochs 200] [--repeats 5] [--csv PATH]

Run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (see BENCHMARKS.md);
the BLAS kernel NumPy uses is printed with the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_info

ROOT = Path(__file__).resolve().parent.parent
HIDDEN = 200
LEARNING_RATE = 0.5
GRID = 500


def median_time(run, repeats: int) -> float:
    """Median wall time of `run()` in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def export_csv(path: Path) -> None:
    subprocess.run(
        ["cargo", "run", "--release", "--locked", "-q", "-p", "activation-lab-cli", "--",
         "data", "moons", "--samples", "1000", "--seed", "0", "--out", str(path)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )


def load_csv(path: Path) -> tuple[np.ndarray, np.ndarray]:
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return np.ascontiguousarray(data[:, :2]), data[:, 2]


def grid_points(x: np.ndarray) -> np.ndarray:
    """The 500 x 500 cell centres over the data's range (as the Rust side)."""
    lo, hi = x.min(axis=0), x.max(axis=0)
    i = (np.arange(GRID) + 0.5) / GRID
    gx = lo[0] + i * (hi[0] - lo[0])
    gy = lo[1] + i * (hi[1] - lo[1])
    xx, yy = np.meshgrid(gx, gy)
    return np.column_stack([xx.ravel(), yy.ravel()])


# ---------------------------------------------------------------------------
# NumPy: a from-scratch 2-200-1 sigmoid MLP
# ---------------------------------------------------------------------------

def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def glorot(rng: np.random.Generator, d: int, h: int):
    r1, r2 = np.sqrt(2.0 / (d + h)), np.sqrt(2.0 / (h + 1))
    return (rng.uniform(-r1, r1, (d, h)), rng.uniform(-r1, r1, h),
            rng.uniform(-r2, r2, h), rng.uniform(-r2, r2))


def numpy_train(x, y, epochs: int, batch: int | None, seed: int = 0):
    """Gradient descent; returns the weights and the last epoch's loss."""
    rng = np.random.default_rng(seed)
    w1, b1, w2, b2 = glorot(rng, x.shape[1], HIDDEN)
    n = len(x)
    batch = batch or n
    order = np.arange(n)
    loss = float("nan")
    for _ in range(epochs):
        if batch < n:
            rng.shuffle(order)
        total = 0.0
        for start in range(0, n, batch):
            idx = order[start:start + batch] if batch < n else slice(None)
            xb, yb = x[idx], y[idx]
            m = len(xb)
            # forward: [m, 2] @ [2, h] -> [m, h] -> [m]
            a_hidden = sigmoid(xb @ w1 + b1)
            z_out = a_hidden @ w2 + b2
            total += float(np.sum(np.logaddexp(0.0, np.where(yb == 1.0, -z_out, z_out))))
            # backward
            d_z_out = (sigmoid(z_out) - yb) / m
            d_w2 = a_hidden.T @ d_z_out
            d_b2 = d_z_out.sum()
            d_z_hidden = np.outer(d_z_out, w2) * a_hidden * (1.0 - a_hidden)
            d_w1 = xb.T @ d_z_hidden
            d_b1 = d_z_hidden.sum(axis=0)
            # update
            w1 -= LEARNING_RATE * d_w1
            b1 -= LEARNING_RATE * d_b1
            w2 -= LEARNING_RATE * d_w2
            b2 -= LEARNING_RATE * d_b2
        loss = total / n
    return (w1, b1, w2, b2), loss


def numpy_predict(weights, x):
    w1, b1, w2, b2 = weights
    return sigmoid(sigmoid(x @ w1 + b1) @ w2 + b2)


# ---------------------------------------------------------------------------
# scikit-learn: MLPClassifier doing the same update
# ---------------------------------------------------------------------------

def sklearn_model(epochs: int, batch_size: int) -> MLPClassifier:
    return MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), activation="logistic", solver="sgd",
        learning_rate="constant", learning_rate_init=LEARNING_RATE, momentum=0.0,
        nesterovs_momentum=False, alpha=0.0, batch_size=batch_size, max_iter=epochs,
        shuffle=batch_size < 1000, tol=0.0, n_iter_no_change=epochs + 1, random_state=0,
    )


def sklearn_fit(x, y, epochs: int, batch_size: int) -> MLPClassifier:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return sklearn_model(epochs, batch_size).fit(x, y)


# ---------------------------------------------------------------------------
# Rust
# ---------------------------------------------------------------------------

def rust_workloads(csv: Path, epochs: int, repeats: int) -> dict:
    out = subprocess.run(
        ["cargo", "bench", "--locked", "-q", "-p", "activation-lab", "--bench", "workloads",
         "--", str(csv), str(epochs), str(repeats)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def blas_description() -> str:
    parts = []
    for info in threadpool_info():
        if info.get("user_api") == "blas":
            parts.append(f"{info.get('internal_api')} {info.get('version')}, "
                         f"kernel {info.get('architecture')}, {info.get('num_threads')} threads")
    return "; ".join(parts) or "no BLAS found"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--csv", type=Path, help="moons CSV (default: exported with the CLI)")
    args = parser.parse_args()
    epochs, repeats = args.epochs, args.repeats

    with tempfile.TemporaryDirectory() as tmp:
        csv = args.csv or Path(tmp) / "moons-1000.csv"
        if args.csv is None:
            export_csv(csv)
        x, y = load_csv(csv)
        n = len(x)
        grid = grid_points(x)

        print("running the Rust workloads ...", file=sys.stderr)
        rust = rust_workloads(csv, epochs, repeats)

        print("running NumPy ...", file=sys.stderr)
        np_full = median_time(lambda: numpy_train(x, y, epochs, None), repeats) / epochs * 1e3
        np_mini = median_time(lambda: numpy_train(x, y, epochs, 32), repeats) / epochs * 1e3
        np_weights, np_loss = numpy_train(x, y, epochs, None)
        np_grid = median_time(lambda: numpy_predict(np_weights, grid), repeats) * 1e3

        print("running scikit-learn ...", file=sys.stderr)
        sk_full = median_time(lambda: sklearn_fit(x, y, epochs, n), repeats) / epochs * 1e3
        sk_mini = median_time(lambda: sklearn_fit(x, y, epochs, 32), repeats) / epochs * 1e3
        sk = sklearn_fit(x, y, epochs, n)
        sk_grid = median_time(lambda: sk.predict_proba(grid), repeats) * 1e3

    rows = [
        (f"MLP 2-{HIDDEN}-1 full-batch epoch (n={n})", rust["full_batch_epoch_ms"], np_full, sk_full),
        ("MLP minibatch-32 epoch", rust["minibatch_32_epoch_ms"], np_mini, sk_mini),
        (f"P(y=1) on a {GRID}x{GRID} grid", rust["grid_500x500_ms"], np_grid, sk_grid),
    ]
    print()
    print(f"{epochs} epochs per run, median of {repeats} runs, times in ms (lower is better)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} logical CPUs; "
          f"Python {platform.python_version()}, NumPy {np.__version__}, "
          f"scikit-learn {sklearn.__version__}")
    print(f"NumPy BLAS: {blas_description()}")
    print(f"Rust: {rust['threads']} threads available (grid only; training is single-threaded)")
    print()
    header = f"| {'workload':<38} | {'Rust':>9} | {'NumPy':>9} | {'NumPy/Rust':>10} | {'scikit-learn':>12} | {'sklearn/Rust':>12} |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for name, r, p, s in rows:
        print(f"| {name:<38} | {r:>9.3f} | {p:>9.3f} | {p / r:>9.1f}x | {s:>12.3f} | {s / r:>11.1f}x |")
    print()
    print(f"final training loss after {epochs} full-batch epochs (different seeded initialisations): "
          f"Rust {rust['final_loss']:.4f}, NumPy {np_loss:.4f}, scikit-learn {sk.loss_curve_[-1]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
