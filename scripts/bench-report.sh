#!/usr/bin/env bash
# Benchmark of `lost-order report`: a class of 1,000 and of 10,000 session records made by the
# simulator (several policies), then the report over each, timed with /usr/bin/time.
# Usage: scripts/bench-report.sh [profile]   (default: release)
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-release}
flag=$([ "$profile" = release ] && echo --release || echo "")
cargo build $flag --bin lost-order >/dev/null
bin=${CARGO_TARGET_DIR:-target}/$([ "$profile" = release ] && echo release || echo debug)/lost-order
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 1000 10000; do
  dir=$work/class-$n
  per=$((n / 4))
  for policy in full-coverage liao random greedy; do
    "$bin" simulate --policy $policy --runs $per --seed 1 --records "$dir" scenarios/lost_order.ron >/dev/null
  done
  echo "report over $(ls "$dir" | wc -l) records:"
  /usr/bin/time -f "  %e s wall, %M KiB max RSS" "$bin" report "$dir" --out "$work/out-$n" --lang en >/dev/null
done
