#!/usr/bin/env bash
# Installs what building, serving and testing Report Explorer need, and only what is missing
# or at the wrong version: the wasm32 target, Trunk, wasm-bindgen-cli (the version pinned in
# Cargo.toml), wasm-opt (binaryen from npm, into target/tools), Debian's Chromium for the
# browser tests, the end-to-end tests' playwright-core, and for fuzzing a pinned nightly
# toolchain and cargo-fuzz. Safe to run again and again: each
# step checks first. Scripts that build put target/tools/node_modules/.bin first on PATH.
set -euo pipefail

TRUNK_VERSION=0.21.14
# cargo-fuzz needs a nightly compiler (sanitizers); pinned so that a new nightly cannot break
# the tests. scripts/fuzz.sh uses the same.
FUZZ_TOOLCHAIN=nightly-2026-10-30
CARGO_FUZZ_VERSION=0.13.2
# Debian's binaryen 108 breaks the reference-types table rustc 1.95 emits ("Table.set():
# Argument 1 is invalid"); binaryen 132 from npm handles it.
BINARYEN_VERSION=132.0.0
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }

# The wasm-bindgen CLI must equal the crate version exactly; Cargo.toml pins it with '='.
bindgen_version() {
  sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1
}

ensure_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_cargo_tool() { # binary, crate, version, version-probe
  local bin=$1 crate=$2 version=$3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -q " $version\$\| $version "; then
    return
  fi
  say "installing $crate $version (builds from source; takes minutes the first time)"
  # --locked reproduces the crate's own lock file; when a locked dependency has left the
  # registry (seen with wasm-bindgen-cli 0.2.130), fall back to the newest compatible ones.
  cargo install --quiet "$crate" --version "$version" --locked \
    || cargo install --quiet "$crate" --version "$version"
}

ensure_apt() { # packages whose binaries are missing: pairs of binary:package
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_npm_package() { # folder, package, version
  local folder=$1 package=$2 version=$3
  if [ "$(node -p "require('./$folder/node_modules/$package/package.json').version" 2>/dev/null)" != "$version" ]; then
    say "installing $package $version from npm into $folder"
    mkdir -p "$folder"
    npm install --prefix "$folder" --no-audit --no-fund --loglevel=error "$package@$version" >/dev/null
  fi
}

ensure_nightly() {
  if ! rustup toolchain list | grep -q "^$FUZZ_TOOLCHAIN"; then
    say "adding the $FUZZ_TOOLCHAIN toolchain (for fuzzing)"
    rustup toolchain install "$FUZZ_TOOLCHAIN" --profile minimal
  fi
}

ensure_target
ensure_nightly
ensure_apt chromium:chromium chromedriver:chromium-driver node:nodejs npm:npm
ensure_npm_package target/tools binaryen "$BINARYEN_VERSION"
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  say "installing the end-to-end tests' playwright-core"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
ensure_cargo_tool trunk trunk "$TRUNK_VERSION"
ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$(bindgen_version)"
ensure_cargo_tool cargo-fuzz cargo-fuzz "$CARGO_FUZZ_VERSION"
say "toolchain ready"
