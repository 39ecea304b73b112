#!/usr/bin/env bash
# Runs one fuzz target at low priority, seeding its corpus from the repository's own files.
#   fuzz/run.sh TARGET [SECONDS]      TARGET: scenario, record, script or settings
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). The corpus grows in
# fuzz/corpus/TARGET and crashes land in fuzz/artifacts/TARGET (both ignored by git).
set -euo pipefail
target=${1:?usage: fuzz/run.sh scenario|record|script|settings [SECONDS]}
seconds=${2:-1800}
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
corpus="$fuzz/corpus/$target"
mkdir -p "$corpus" "$fuzz/artifacts/$target"
seed() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$corpus/seed-$(basename "$f")"; done; return 0; }
shopt -s nullglob
case "$target" in
  scenario) seed "$root"/scenarios/*.ron "$root"/tests/malformed/*.ron ;;
  record) seed "$root"/tests/golden/*.record.ron "$root"/tests/hostile/records/*.record.ron ;;
  script) seed "$root"/tests/golden/*.script "$root"/tests/hostile/scripts/* ;;
  settings) seed "$root"/tests/hostile/settings/* ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
seed "$fuzz"/seeds/"$target"/*
cd "$fuzz"
# The fuzz crate has its own target dir (fuzz/target), apart from the stable builds'. It is
# built once, then the fuzzer is run directly, so that edits to the tree meanwhile do not make
# `cargo fuzz run` build again. No sanitizer: the code is safe Rust; the fuzzers look for
# panics, hangs and memory without bound, and run twice as fast without AddressSanitizer.
unset CARGO_TARGET_DIR
nice -n 19 cargo +nightly fuzz build --sanitizer none "$target"
triple=$(rustc +nightly -vV | sed -n 's/^host: //p')
exec nice -n 19 "$fuzz/target/$triple/release/$target" "$corpus" \
  -artifact_prefix="$fuzz/artifacts/$target/" -max_total_time="$seconds" \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
