# Activation Lab. The two commands: `make lab` and `make test`.
# Every target sets up what it needs first and skips what is already done.

SHELL := /bin/bash
CARGO ?= cargo
VENV := .venv
PY := $(VENV)/bin/python
FIGURES_DIR ?= figures
FIGURE_FORMATS ?= svg,png,pdf
FIGURE_SIZE ?= slide
FIGURE_THEME ?= light
# Jupyter refuses to run as root unless told to (containers, lab machines set up as root)
JUPYTER_ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help lab setup viewers test test-rust test-notebooks lint figures html strip clean bench bench-crate bench-kernel bench-widgets student editions

help:
	@grep -E '^## ' Makefile | sed 's/^## /  make /'

## lab: set up everything (Rust kernel, JupyterLab) and open the notebooks
lab:
	@bash tools/setup.sh --warm
	$(VENV)/bin/jupyter lab $(JUPYTER_ROOT_FLAG) --notebook-dir=notebooks notebooks/00-environment-check.ipynb

## setup: Rust components, evcxr kernel 0.22.0, .venv with JupyterLab, kernelspec
setup:
	@bash tools/setup.sh

## viewers: chromium and poppler-utils for the figure viewer tests (apt, as root)
viewers: setup
	@bash tools/setup.sh --viewers

## test: set up, check formatting and lints, run the crate's tests and every notebook
test: setup viewers lint test-rust test-notebooks

## lint: rustfmt, clippy (warnings as errors) and the source layout (tools/check_layout.py)
lint:
	python3 tools/check_layout.py
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

## test-rust: unit, integration, property and doc tests
test-rust:
	$(CARGO) test --workspace --locked

## test-notebooks: execute every notebook's solutions, student and wrong editions in a fresh rust kernel
test-notebooks: setup
	$(PY) -m unittest discover -s tests -p 'test_*.py'
	$(PY) tests/run_notebooks.py

## student: write the student edition (each answer replaced by unanswered()) to editions/student (EDITIONS_DIR)
EDITIONS_DIR ?= editions
student:
	python3 tools/editions.py --edition student --out $(EDITIONS_DIR)

## editions: write the solutions, student and wrong editions to editions/ (EDITIONS_DIR)
editions:
	python3 tools/editions.py --out $(EDITIONS_DIR)

## figures: export every figure of the series for slides (FIGURES_DIR, FIGURE_FORMATS, FIGURE_SIZE, FIGURE_THEME)
figures:
	$(CARGO) run --release --locked -q -p activation-lab-cli -- figures --out $(FIGURES_DIR) --format $(FIGURE_FORMATS) --size $(FIGURE_SIZE) --theme $(FIGURE_THEME)
	@echo "figures written to $(FIGURES_DIR)/ (open $(FIGURES_DIR)/index.html)"

## html: executed notebooks as HTML in notebooks/html, interactive and offline (for readers without Rust)
html: setup
	$(PY) tests/run_notebooks.py --edition solutions --save-executed notebooks/html/executed
	$(PY) tools/export_html.py notebooks/html/executed/*.ipynb --out notebooks/html
	@echo "HTML written to notebooks/html/ (open notebooks/html/index.html; it works offline)"

## strip: remove outputs and execution counts from the notebooks before committing
strip: setup
	$(PY) tools/strip_notebooks.py notebooks/*.ipynb

## bench: speed benchmarks, the NumPy/scikit-learn comparison, the kernel's latency and the widgets' redraw (see BENCHMARKS.md)
BENCH_VENV := target/bench-venv
bench: bench-crate bench-kernel bench-widgets

bench-crate:
	$(CARGO) bench --locked -p activation-lab --bench training --bench figures --bench peak_memory
	@test -x $(BENCH_VENV)/bin/python || { python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q -r bench/requirements.txt; }
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(BENCH_VENV)/bin/python bench/compare.py

## bench-widgets: how fast the interactive widgets redraw in headless Chromium
bench-widgets: setup viewers
	$(PY) tools/widget_timing.py

## bench-kernel: the classroom latency of the Rust kernel (fresh kernels, notebooks 04-06)
bench-kernel: setup
	$(PY) tools/notebook_timing.py

## clean: remove build output, the virtualenv and exported files
clean:
	$(CARGO) clean
	rm -rf $(VENV) $(FIGURES_DIR) notebooks/html editions
