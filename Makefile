# Activation Lab: the two commands are `make lab` and `make test`.
# Every target installs what it needs first and skips what is already done.

SHELL := /bin/bash
CARGO ?= cargo

.PHONY: test test-rust lint setup-rust

## test: set up, then check formatting, lints, and run every test
test: setup-rust lint test-rust

## setup-rust: the Rust components the crate and the kernel need
setup-rust:
	@rustup component list --installed 2>/dev/null | grep -q '^rust-src' || rustup component add rust-src
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt

## lint: formatting and clippy, warnings as errors
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

## test-rust: unit, integration, property and doc tests of the crate
test-rust:
	$(CARGO) test --workspace --locked
