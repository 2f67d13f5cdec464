# Shared set-up for scripts/serve and scripts/test: installs what is missing, skips what is there.
# Sourced, not run. Needs: rustup, cargo, node and npm; apt-get (as root) for Chromium in the test set-up.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Tools installed by `cargo install` go to $CARGO_INSTALL_ROOT/bin (default ~/.cargo/bin); binaryen's wasm-opt
# comes from node_modules and must win over any other wasm-opt (Debian's is too old).
export PATH="$ROOT/node_modules/.bin:${CARGO_INSTALL_ROOT:-$HOME/.cargo}/bin:$PATH"
command -v cargo >/dev/null 2>&1 || export PATH="$PATH:$HOME/.cargo/bin"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"
}

# The wasm-bindgen version pinned by Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust_target() {
  need_command rustup "Install Rust with rustup first (https://rustup.rs)."
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local version
  version="$(wasm_bindgen_version)"
  [ -n "$version" ] || die "Cargo.lock names no wasm-bindgen version"
  if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $version"; then
    say "installing wasm-bindgen-cli $version (about 3 minutes, once)"
    # Not --locked: the CLI's own lockfile pins a dependency the registry no longer has.
    cargo install wasm-bindgen-cli --version "$version" --force
  fi
  # Trunk.toml pins the same version; a mismatch would make Trunk try to download.
  grep -q "wasm_bindgen = \"$version\"" Trunk.toml ||
    die "Trunk.toml [tools] wasm_bindgen must be \"$version\", the version in Cargo.lock"
}

ensure_node_packages() {
  need_command node "Install Node.js 20 (Debian: apt-get install nodejs npm)."
  need_command npm "Install npm (Debian: apt-get install npm)."
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (binaryen $BINARYEN_VERSION for wasm-opt, Playwright core, axe-core)"
    npm ci --no-audit --no-fund
  fi
  wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" ||
    die "wasm-opt $BINARYEN_VERSION not found in node_modules/.bin: run 'npm ci' in $ROOT"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing Debian's chromium and chromium-driver (needs root)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium chromium-driver
  fi
}

ensure_build_tools() {
  ensure_rust_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_packages
}

# Builds the release bundle into dist/ (or $1), with optional extra cargo features ($2).
build_release() {
  local dist="${1:-dist}" features="${2:-}"
  say "building the release bundle into $dist${features:+ (features: $features)}"
  if [ -n "$features" ]; then
    trunk build --release --dist "$dist" --features "$features"
  else
    trunk build --release --dist "$dist"
  fi
}
