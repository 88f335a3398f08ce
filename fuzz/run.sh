#!/usr/bin/env bash
# Runs the decode + analyze fuzz target for a set time (default 10 minutes).
#
#   fuzz/run.sh [SECONDS]
#
# Needs cargo-fuzz (cargo install cargo-fuzz). The machine has only stable
# Rust; RUSTC_BOOTSTRAP lets it take the nightly flags cargo fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install --quiet cargo-fuzz
mkdir -p fuzz/corpus/decode_analyze
# Seed with every input fixture and the sample.
cp -n tests/fixtures/input/* www/samples/*.txt fuzz/corpus/decode_analyze/ 2>/dev/null || true
RUSTC_BOOTSTRAP=1 cargo fuzz run decode_analyze fuzz/corpus/decode_analyze -- \
  -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=4096 -print_final_stats=1
