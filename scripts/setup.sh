#!/usr/bin/env bash
# Installs what building, serving and testing Report Explorer need, and only what is missing
# or at the wrong version: the wasm32 target, Trunk, wasm-bindgen-cli (the version pinned in
# Cargo.toml), wasm-opt (binaryen), and Debian's Chromium + ChromeDriver for the browser tests.
# Safe to run again and again: each step checks first.
set -euo pipefail

TRUNK_VERSION=0.21.14
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

ensure_target
ensure_apt wasm-opt:binaryen chromium:chromium chromedriver:chromium-driver
ensure_cargo_tool trunk trunk "$TRUNK_VERSION"
ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$(bindgen_version)"
say "toolchain ready"
