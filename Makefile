# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Every target installs what is missing first (scripts/ensure-tools.sh, idempotent).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# The npm binaryen's wasm-opt must shadow Debian's (which cannot read current rustc output).
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export GECKODRIVER ?= $(CARGO_BIN)/geckodriver
WASM := --target wasm32-unknown-unknown
BROWSER_RUNNER := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner

.PHONY: serve test dist size tools lint host-test browser-test chrome-test firefox-test

serve: tools
	trunk serve --offline

dist: tools
	trunk build --release --offline

# First-visit bytes (loader + glue + wasm + CSS), brotli q11, against the 64 kB budget.
SIZE_BUDGET ?= 65536
size: dist
	node scripts/size-report.mjs dist $(SIZE_BUDGET)

test: tools lint host-test browser-test dist
	@echo "make test: all suites passed"

tools:
	@bash scripts/ensure-tools.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets --offline -- -D warnings
	cargo clippy --all-targets --offline $(WASM) -- -D warnings

host-test:
	cargo test --offline

browser-test: chrome-test firefox-test

chrome-test:
	@echo "== wasm-bindgen-test in headless Chromium =="
	env -u GECKODRIVER $(BROWSER_RUNNER) cargo test --offline $(WASM)

firefox-test:
	@echo "== wasm-bindgen-test in headless Firefox =="
	env -u CHROMEDRIVER $(BROWSER_RUNNER) cargo test --offline $(WASM)
