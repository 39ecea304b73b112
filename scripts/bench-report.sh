#!/usr/bin/env bash
# Benchmark of `lost-order report` (docs/performance.md, "Class report"): for each N given
# (default 10000 and 100000), N session records of the flagship made by the simulator (random
# policy, seeds 1…N, so every record is its own seed group with its own Liao's path: the worst
# case), then the report over them, timed by /usr/bin/time -v (wall time and max RSS).
# Records go to /dev/shm when it exists (no disk syncs while making them), else to $TMPDIR.
# Usage: scripts/bench-report.sh [N ...]        Build: release, with $CARGO_TARGET_DIR if set.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
cargo build --release --bin lost-order >/dev/null
bin=${CARGO_TARGET_DIR:-target}/release/lost-order
base=$([ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")
work=$(mktemp -d "$base/lost-order-bench-report.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(uname -sr); records in $base"
for n in "${sizes[@]}"; do
  dir=$work/class-$n
  "$bin" simulate --policy random --runs "$n" --seed 1 --records "$dir" scenarios/lost_order.ron >/dev/null
  echo "report over $(find "$dir" -name '*.record.ron' | wc -l) records ($(du -sh "$dir" | cut -f1)):"
  /usr/bin/time -v "$bin" report "$dir" --out "$work/out-$n" --lang en >/dev/null 2>"$work/time-$n" \
    || { cat "$work/time-$n"; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$n")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$n")
  cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$work/time-$n")
  echo "  wall $wall, max RSS $((rss / 1024)) MiB, CPU $cpu; report $(du -sh "$work/out-$n" | cut -f1)"
  rm -rf "$dir" "$work/out-$n"
done
