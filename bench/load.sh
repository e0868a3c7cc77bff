#!/usr/bin/env bash
# Load run (issue 7): N generated tickets (default 100,000) imported and analyzed into a store, the real service on
# Kestrel at 127.0.0.1, then wrk drives a mix of /api/similar, /api/metrics and /api/gaps for 60 s at 64 connections.
# Prints requests/s, p50/p99, errors, and the server's resident memory warm (after a warm-up), right after the run,
# and after 10 s idle; exits non-zero when any request failed or memory did not come back within 20% of warm.
#   bench/load.sh [N]
#   KL_LOAD_SECONDS=60  KL_LOAD_CONNECTIONS=64  KL_LOAD_THREADS=2  KL_LOAD_PORT=5191  KL_BENCH_DATA=DIR  KL_BENCH_STORE=FILE
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
tmp=${TMPDIR:-/tmp}
data=${KL_BENCH_DATA:-$tmp/kl-bench-$n}
store=${KL_BENCH_STORE:-$tmp/kl-bench-http-$n.db}
seconds=${KL_LOAD_SECONDS:-60}
connections=${KL_LOAD_CONNECTIONS:-64}
threads=${KL_LOAD_THREADS:-2}
port=${KL_LOAD_PORT:-5191}
. bench/lib/serve-analyzed-store.sh

rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$server/status"; }
export KL_QUERIES="$queries"
export KL_CONNECTIONS="$connections"
echo "memory at start: $(rss) MiB" >&2
echo "warm-up (10 s) ..." >&2
wrk -t"$threads" -c"$connections" -d10s -s bench/load-mixed.lua "$url" > /dev/null
sleep 5
warm=$(rss)
echo "measuring: $seconds s at $connections connections (similar:metrics:gaps = 2:1:1) ..." >&2
result=$(timeout $((seconds + 60)) wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -s bench/load-mixed.lua "$url")
after=$(rss)
sleep 10
settled=$(rss)
echo "$result"
figures=$(echo "$result" | tail -n 1)
errors=$(echo "$figures" | sed -n 's/.*"errors":\([0-9]*\).*/\1/p')
echo "{\"bench\":\"http-load-memory\",\"rss_warm_mib\":$warm,\"rss_after_mib\":$after,\"rss_settled_mib\":$settled}"
if [ "${errors:-1}" != 0 ]; then echo "FAIL: $errors errors" >&2; exit 1; fi
if [ "$settled" -gt $((warm * 12 / 10)) ]; then echo "FAIL: memory $settled MiB is more than 20% above warm $warm MiB" >&2; exit 1; fi
echo "ok: zero errors, memory back within 20% of warm" >&2
