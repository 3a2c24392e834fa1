#!/usr/bin/env bash
# Runs each fuzz target (tests/fuzz, cargo-fuzz on nightly) for SECONDS (default 20), seeded
# with the development set and the Word and PDF fixtures. The corpus grows in
# target/fuzz/corpus/TARGET (kept between runs); a crash is written to
# target/fuzz/artifacts/TARGET/ and fails the run (copy it into tests/data/ as a regression
# test). To fuzz longer: scripts/fuzz.sh 3600
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
SECONDS_EACH=${1:-20}
# The nightly that cargo-fuzz builds with, pinned (scripts/setup.sh installs it).
TOOLCHAIN=nightly-2026-10-30
export CARGO_TARGET_DIR="$PWD/target/fuzz/build"

seeds() {
  case $1 in
    engine | text_files) echo tests/data/seeds tests/data/real ;;
    docx) echo tests/data/docx/text tests/data/docx/tables ;;
    pdf) echo tests/data/pdf/text tests/data/pdf/bad ;;
  esac
}

for target in engine text_files docx pdf; do
  corpus=target/fuzz/corpus/$target
  artifacts=target/fuzz/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  # shellcheck disable=SC2046 # the seed folders are words
  cargo +"$TOOLCHAIN" fuzz run --fuzz-dir tests/fuzz "$target" "$corpus" $(seeds "$target") -- \
    -max_total_time="$SECONDS_EACH" -timeout=30 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 2>&1 \
    | grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done|==|SUMMARY|thread|panicked|artifact|Test unit)' \
    | sed "s/^/fuzz $target: /"
done
