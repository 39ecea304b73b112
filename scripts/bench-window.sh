#!/usr/bin/env bash
# Window benchmark: start-up time to the first frame, resident memory, and CPU over 30 s idle,
# for the game (on the board) and for examples/bare_ui.rs (a bare Bevy UI app built the same way).
# Needs Xvfb and Mesa (scripts/install-deps.sh). Usage: scripts/bench-window.sh [runs] [profile]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
profile=${2:-release}
flag=$([ "$profile" = release ] && echo --release || echo "")
cargo build $flag --bin lost-order --example bare_ui >/dev/null
dir=${CARGO_TARGET_DIR:-target}/$([ "$profile" = release ] && echo release || echo debug)
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :98 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!; trap 'kill $xvfb' EXIT; export DISPLAY=:98; sleep 1
fi
home=$(mktemp -d)
ticks=$(getconf CLK_TCK)

measure() { # name command...
  local name=$1; shift
  for i in $(seq "$runs"); do
    log=$(mktemp)
    LOST_ORDER_BENCH=1 LOST_ORDER_HOME=$home "$@" 2>"$log" >/dev/null &
    pid=$!
    for _ in $(seq 600); do grep -q "board-ready" "$log" && break; sleep 0.1; done
    first=$(grep -o "first-frame-ms [0-9]*" "$log" | awk '{print $2}')
    sleep 5
    rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    t0=$(awk '{print $14+$15}' /proc/$pid/stat)
    sleep 30
    t1=$(awk '{print $14+$15}' /proc/$pid/stat)
    kill $pid; wait $pid 2>/dev/null || true
    cpu=$(echo "scale=2; ($t1-$t0)*100/$ticks/30" | bc)
    echo "$name run $i: first frame ${first} ms, RSS $((rss/1024)) MiB, idle CPU ${cpu}% of a core"
    rm -f "$log"
  done
}

measure bare "$dir/examples/bare_ui"
measure game "$dir/lost-order"
rm -rf "$home"
