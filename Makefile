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
# Brotli bytes a first visit may load: the measured total + 2 %, so the bundle cannot grow
# unnoticed; lowered as cuts land. 154,360 B after issue 24's first cuts; the RSS/Atom reader
# (issue 25: quick-xml, the RSS and Atom mappings, TextDecoder) measured +24,399 B (178,759 B);
# issue 24's second round took it to 178,370 B, so 178,370 B + 2 %. Bytes are watched, not
# worshipped (README "Sizes").
SIZE_BUDGET ?= 193336
BROWSER_RUNNER := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
# The runner's limit is per suite binary (20 s by default); a loaded 2-core CI machine runs the
# payload suite in Firefox close to that. The tests wait on conditions with their own deadlines.
export WASM_BINDGEN_TEST_TIMEOUT ?= 180

.PHONY: e2e-webkit serve serve-check dist-check test dist dist-crash tools lint host-test browser-test chrome-test firefox-test webkit-test e2e size bench screenshots memory

serve: tools
	trunk serve --offline

dist: tools
	trunk build --release --offline

test: tools lint host-test browser-test dist e2e size serve-check dist-check
	@echo "make test: all suites passed (host, Chromium, Firefox, WebKit, end-to-end, size)"

tools:
	@bash scripts/ensure-tools.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets --offline -- -D warnings
	cargo clippy --all-targets --offline $(WASM) -- -D warnings
	cargo clippy --offline $(WASM) --bin configurator-app --features configurator -- -D warnings

host-test:
	cargo test --offline
	node --test tests/scripts/

# The wasm-bindgen-test suites in all three engines.
browser-test: chrome-test firefox-test webkit-test

chrome-test:
	@echo "== wasm-bindgen-test in headless Chromium =="
	env -u GECKODRIVER -u SAFARIDRIVER $(BROWSER_RUNNER) cargo test --offline $(WASM)

firefox-test:
	@echo "== wasm-bindgen-test in headless Firefox =="
	env -u CHROMEDRIVER -u SAFARIDRIVER $(BROWSER_RUNNER) cargo test --offline $(WASM)

# WebKit: WebKitGTK's MiniBrowser, which WebKitWebDriver starts (with `--automation`) when a
# session names no browser, on a virtual display of its own ($(XVFB), below). The runner reads
# webdriver.json but sends a safaridriver session empty capabilities (wasm-bindgen-cli 0.2.130,
# headless.rs), so no browser option can close the network there. The environment does: the
# browser inherits it, and WebKitGTK (libproxy) sends every request but 127.0.0.1's to a proxy
# on the discard port, which refuses it, as webdriver.json does for Chromium and Firefox. The
# runner's own client (ureq) honours the same no_proxy and reaches the driver directly.
WEBKIT_OFFLINE := http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 no_proxy=127.0.0.1

webkit-test:
	@echo "== wasm-bindgen-test in WebKit (WebKitGTK MiniBrowser, Xvfb) =="
	env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER=/usr/bin/WebKitWebDriver $(WEBKIT_OFFLINE) \
	  $(BROWSER_RUNNER) $(XVFB) cargo test --offline $(WASM)

# WebKit needs a display: each suite gets its own virtual one (a free display number, `-a`),
# stopped when the suite ends, so nothing is left running and two runs never share one.
XVFB := xvfb-run -a -s "-screen 0 1920x1080x24"

# End-to-end: the release bundle in headless Chromium, Firefox and WebKit (embedding, CSP, iframe,
# axe audit; many widgets and long sessions; crash isolation; no inherited host style reaching
# in; a misbehaving feed server; pre-rendered widgets from `newsctl render`; RSS, Atom and
# GB2312 feeds under strict CSP; the partner configurator).
e2e: dist dist-crash
	$(XVFB) node tests/e2e/run.mjs
	$(XVFB) node --test tests/e2e/many-widgets.mjs
	$(XVFB) node --test tests/e2e/crash-isolation.mjs
	$(XVFB) node --test tests/e2e/inheritance.mjs
	$(XVFB) node --test --test-reporter=spec tests/e2e/network.mjs
	$(XVFB) node --test tests/e2e/xml-feeds.mjs
	cargo build --offline --quiet --bin newsctl
	$(XVFB) node --test tests/e2e/prerender.mjs
	$(XVFB) node --test tests/e2e/configurator.mjs
	$(XVFB) node --test tests/e2e/layouts.mjs

# The end-to-end suites in WebKit only (make e2e runs them in all three engines): for work on
# a WebKit-only failure.
e2e-webkit: dist dist-crash
	cargo build --offline --quiet --bin newsctl
	for suite in run.mjs many-widgets.mjs crash-isolation.mjs inheritance.mjs network.mjs xml-feeds.mjs prerender.mjs configurator.mjs layouts.mjs; do \
	  E2E_BROWSERS=webkit $(XVFB) node --test tests/e2e/$$suite || exit 1; done

# The same bundle with the test-only `crash-test` switch, for the crash isolation test only.
dist-crash: tools
	trunk build --release --offline --features crash-test --dist target/dist-crash

# First-visit bytes of the release bundle (loader + glue + wasm + CSS), gated in CI; then where
# the wasm's code goes, by crate and module (scripts/wasm-breakdown.mjs: the same wasm rebuilt
# with names, checked byte-identical without them), printed even when the gate fails.
size: dist
	# dist-crash builds the same cargo artifact with the crash-test switch: put the shipped
	# one back (cargo has both cached) for the breakdown to rebuild dist/'s bytes from.
	cargo build --offline --quiet --profile wasm-release $(WASM) --bin news-widget-app
	status=0; node scripts/size-report.mjs dist $(SIZE_BUDGET) || status=$$?; \
	  node scripts/wasm-breakdown.mjs dist; exit $$status

# Figures for the README (not part of `make test`, never gated): first-visit bytes, time to
# ready and to the article painted against the hand-written baseline (bench/) for the widget
# client-only, with preload hints and pre-rendered (release newsctl), two network profiles,
# cold and warm, Chromium (throttled too), Firefox and WebKit; 10,000 rotation ticks, 200 mount cycles, large feeds in
# the browser; then the host feed parsing benchmark. BENCH_RUNS=3 for a quick check (9).
bench: dist
	$(XVFB) node scripts/bench.mjs dist
	cargo bench --offline --bench feed

# The README's memory figures: 200 mount → ready → remove cycles in Chromium and Firefox.
memory: dist
	node scripts/memory-report.mjs --cycles=200

# The README's screenshots of the demo page (headless Chromium).
screenshots: dist
	node tests/e2e/screenshot.mjs docs

# Last step of `make test`: dist/ must hold the release bundle, whatever ran before.
dist-check: dist
	node scripts/dist-check.mjs dist

# What `make serve` shows, in each engine: the seed headline rendered by the wasm (not by
# static HTML). It builds into target/serve-dist, so dist/ keeps the release bundle.
serve-check: tools
	$(XVFB) node tests/e2e/serve-check.mjs
