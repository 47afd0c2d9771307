#!/usr/bin/env bash
# Sets up everything the notebooks need, skipping what is already done:
#   1. the Rust components (rust-src for the kernel's completions, clippy, rustfmt)
#   2. the evcxr Jupyter kernel, pinned to EVCXR_VERSION
#   3. a Python virtualenv (.venv) with pinned JupyterLab and nbclient
#   4. the `rust` kernelspec, registered inside that virtualenv, starting the
#      kernel through tools/rust-kernel (a build directory that survives
#      kernel restarts, so only the first kernel compiles the dependencies)
#   5. optionally the mold linker (faster cell compiles), when it can be
#      installed without a password
#   6. with --viewers: Debian's chromium and poppler-utils, for the tests that
#      render every figure's SVG and PDF (tests/test_figure_viewers.py), when
#      they can be installed without a password
# Usage: tools/setup.sh [--warm | --viewers]   (--warm also runs notebook 00
# once, so the kernel's dependency cache is filled before the first lesson)
set -euo pipefail

EVCXR_VERSION="0.22.0"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

say() { printf '==> %s\n' "$*"; }

# --- 1. Rust ---------------------------------------------------------------
if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
        export PATH="$HOME/.cargo/bin:$PATH"
    else
        echo "error: cargo not found: install Rust with rustup (https://rustup.rs), then run this again" >&2
        exit 1
    fi
fi
if command -v rustup >/dev/null 2>&1; then
    installed="$(rustup component list --installed 2>/dev/null || true)"
    for component in rust-src clippy rustfmt; do
        if ! grep -q "^$component" <<<"$installed"; then
            say "adding Rust component $component"
            rustup component add "$component"
        fi
    done
else
    echo "warning: rustup not found; make sure the rust-src component is installed" >&2
fi

# --- 2. evcxr_jupyter --------------------------------------------------------
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
EVCXR="$CARGO_BIN/evcxr_jupyter"
if cargo install --list 2>/dev/null | grep -q "^evcxr_jupyter v$EVCXR_VERSION:"; then
    say "evcxr_jupyter $EVCXR_VERSION already installed"
else
    say "installing evcxr_jupyter $EVCXR_VERSION (about 10 minutes on 2 cores, once)"
    cargo install --locked evcxr_jupyter --version "$EVCXR_VERSION"
fi
[ -x "$EVCXR" ] || EVCXR="$(command -v evcxr_jupyter)"

# --- 3. virtualenv ------------------------------------------------------------
stamp="$VENV/.installed"
if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/requirements.txt" ] && [ "$stamp" -nt "$ROOT/constraints.txt" ]; then
    say "virtualenv .venv up to date"
else
    say "creating the virtualenv .venv with JupyterLab"
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r "$ROOT/requirements.txt" -c "$ROOT/constraints.txt"
    touch "$stamp"
fi

# --- 4. the rust kernel, inside the virtualenv ---------------------------------
kernel_dir="$VENV/share/jupyter/kernels/rust"
launcher="$ROOT/tools/rust-kernel"
if [ -f "$kernel_dir/kernel.json" ] && grep -q "\"$launcher\"" "$kernel_dir/kernel.json" &&
    grep -q "\"$EVCXR\"" "$kernel_dir/kernel.json"; then
    say "rust kernel registered"
else
    say "registering the rust kernel in .venv"
    XDG_DATA_HOME="$VENV/share" "$EVCXR" --install >/dev/null
    # Start evcxr through tools/rust-kernel (a build directory that survives
    # restarts), with absolute paths and the PATH of set-up time, so the
    # kernel finds cargo even when Jupyter is started from a desktop launcher.
    "$VENV/bin/python" - "$kernel_dir/kernel.json" "$EVCXR" "$CARGO_BIN" "$launcher" <<'PYEOF'
import json, os, sys
path, evcxr, cargo_bin, launcher = sys.argv[1:]
spec = json.load(open(path))
spec["argv"] = [launcher, "--control_file", "{connection_file}"]
spec["display_name"] = "Rust"
spec["env"] = {
    "PATH": cargo_bin + os.pathsep + os.environ.get("PATH", ""),
    "ACTIVATION_LAB_EVCXR": evcxr,
}
json.dump(spec, open(path, "w"), indent=2)
PYEOF
fi

# --- 5. mold (optional) -----------------------------------------------------------
if ! command -v mold >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        say "installing the mold linker (evcxr links each cell faster with it)"
        (apt-get install -y -qq mold >/dev/null 2>&1 ||
            (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq mold >/dev/null 2>&1)) ||
            echo "note: could not install mold; cells link with the system linker" >&2
    else
        echo "tip: install the mold linker (e.g. 'sudo apt-get install mold') for faster cells" >&2
    fi
fi

# --- 6. browser and PDF tools for the figure tests (optional) --------------------
if [ "${1:-}" = "--viewers" ]; then
    if command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 &&
        [ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]; then
        say "chromium and poppler-utils installed"
    elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        say "installing chromium and poppler-utils (the figure viewer tests)"
        apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils fonts-dejavu-core >/dev/null
    else
        echo "note: install chromium, poppler-utils and fonts-dejavu-core (e.g. 'sudo apt-get install chromium poppler-utils fonts-dejavu-core') to run the figure viewer tests; they are skipped without them" >&2
    fi
fi

# --- warm-up ---------------------------------------------------------------------
if [ "${1:-}" = "--warm" ]; then
    say "warming the kernel: running notebooks/00-environment-check.ipynb once"
    if warm_log="$("$VENV/bin/python" "$ROOT/tests/run_notebooks.py" --edition solutions "$ROOT/notebooks/00-environment-check.ipynb" 2>&1)"; then
        grep -E '^  00-environment-check' <<<"$warm_log" || true
    else
        echo "warning: the warm-up run failed; run 'make test' to see why" >&2
    fi
fi
say "set-up complete"
