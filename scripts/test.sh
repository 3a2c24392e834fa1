#!/usr/bin/env bash
# Runs every test: formatting, lints (host and wasm32), unit and integration tests (the
# dev-set accuracy among them), the release web build, the end-to-end tests of the built app
# in headless Chromium, and each fuzz target for 20 s. Installs whatever is missing first
# (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/target/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "format"
cargo fmt --check
step "lints (host)"
cargo clippy --all-targets --quiet -- -D warnings
step "lints (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --bins --quiet -- -D warnings
step "unit and integration tests"
cargo test --quiet
step "dev-set accuracy (bars: F1 >= 0.95, dates >= 0.90)"
cargo test --quiet --test lib accuracy::development_set_meets_the_bars -- --exact --nocapture | grep '^figures'
step "web build"
trunk build --release --offline
step "end-to-end tests (headless Chromium)"
node --test tests/e2e/
step "fuzzing (each target 20 s; scripts/fuzz.sh SECONDS to run longer)"
scripts/fuzz.sh 20
