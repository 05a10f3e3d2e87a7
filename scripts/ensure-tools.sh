#!/usr/bin/env bash
# Installs every tool the build and the tests need, each only if missing or at the wrong
# version, so a second run installs nothing. Only the crates, npm and Debian registries are
# used; nothing is downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# fonts-noto-cjk: the demo page and its screenshots show Chinese text.
# webkit2gtk-driver: WebKitWebDriver and WebKitGTK's MiniBrowser, the WebKit engine of the
# three; xvfb: the virtual display it needs (xvfb-run -a, started and stopped per suite).
DEBIAN_PACKAGES=(chromium chromium-driver firefox-esr fonts-noto-cjk webkit2gtk-driver xvfb xauth)

say() { printf 'ensure-tools: %s\n' "$*"; }
cargo_bin() { echo "${CARGO_HOME:-$HOME/.cargo}/bin/$1"; }

# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  [[ "$(rustup target list --installed)" == *wasm32-unknown-unknown* ]] && return
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
}

ensure_cargo_tool() { # binary, crate, version, version-output, extra args...
  local bin=$1 crate=$2 version=$3 expect=$4
  shift 4
  local found
  found=$("$(cargo_bin "$bin")" --version 2>/dev/null || true)
  [[ "$found" == *"$expect"* ]] && return
  say "installing $crate $version (cargo install; several minutes on 2 cores)"
  cargo install "$crate" --version "$version" "$@"
}

ensure_debian_packages() {
  local missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm tools (wasm-opt from binaryen, esbuild, playwright-core, puppeteer-core, axe-core) live in node_modules,
# pinned by package-lock.json; a stamp of the lock file makes the check instant.
ensure_npm_tools() {
  local stamp=node_modules/.lock-stamp
  if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then return; fi
  say "installing npm tools (binaryen wasm-opt, esbuild, playwright-core, puppeteer-core, axe-core)"
  (npm ci --no-audit --no-fund --loglevel=error)
  cp package-lock.json "$stamp"
}

ensure_wasm_target
ensure_debian_packages
ensure_npm_tools
wbg=$(wasm_bindgen_version)
ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$wbg" "wasm-bindgen $wbg"
ensure_cargo_tool geckodriver geckodriver "$GECKODRIVER_VERSION" "geckodriver $GECKODRIVER_VERSION" --locked
ensure_cargo_tool trunk trunk "$TRUNK_VERSION" "trunk $TRUNK_VERSION" --locked
# Builds run offline afterwards (trunk --offline), so every crate must be in the cache now.
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
