#!/usr/bin/env bash
# Runs a fuzz target for a set time (default: decode_analyze, 10 minutes).
#
#   fuzz/run.sh [TARGET] [SECONDS] [LIBFUZZER_FLAG...]
#
# Targets: decode_analyze (decoding and then the whole analysis) and decode
# (decoding only, with the promises of ciyan::decode checked). Further
# flags go to libFuzzer, e.g. -runs=10000000 to stop after that many runs.
#
# Needs cargo-fuzz (cargo install cargo-fuzz). The machine has only stable
# Rust; RUSTC_BOOTSTRAP lets it take the nightly flags cargo fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-decode_analyze}
seconds=${2:-600}
shift $(($# < 2 ? $# : 2))
case "$target" in
  # The analysis is slow on long inputs; short ones find more per second.
  decode_analyze)
    build=()
    flags=(-max_len=8192)
    ;;
  # Decoding is the fast part, and this target runs it twice per input:
  # without AddressSanitizer (ciyan has no unsafe code) it runs 2.5 times
  # as fast. Its own target directory, so that switching targets does not
  # rebuild everything. 16 KiB takes in a whole page or Word document and
  # more than the 4 KiB the UTF-16 and <meta charset> checks read; 64 KiB
  # was a quarter slower per run. The dictionary holds the marks, magic
  # numbers and labels the decoder looks for.
  decode)
    build=(--sanitizer none --target-dir fuzz/target/no-sanitizer)
    flags=(-max_len=16384 -dict=fuzz/decode.dict)
    ;;
  *)
    echo "unknown target: $target (decode_analyze or decode)" >&2
    exit 2
    ;;
esac
command -v cargo-fuzz >/dev/null || cargo install --quiet cargo-fuzz
mkdir -p "fuzz/corpus/$target"
# Seed with every input fixture and the sample, as they are and behind a
# zero byte. Both targets take the first byte for their choices (zero: no
# file name and no chosen encoding) and the file after it: a Word document
# whose "P" went to the choice is no zip, and in 4 million runs the fuzzer
# never put one back.
for file in tests/fixtures/input/* www/samples/*.txt; do
  cp -n "$file" "fuzz/corpus/$target/" 2>/dev/null || true
  seed="fuzz/corpus/$target/0-$(basename "$file")"
  [ -e "$seed" ] || { printf '\0' && cat "$file"; } >"$seed"
done
RUSTC_BOOTSTRAP=1 cargo fuzz run "${build[@]}" "$target" "fuzz/corpus/$target" -- \
  -max_total_time="$seconds" "${flags[@]}" -rss_limit_mb=4096 -print_final_stats=1 "$@"
