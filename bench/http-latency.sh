#!/usr/bin/env bash
# HTTP latency benchmark (figures, never asserts): N generated tickets (default 100,000) imported and analyzed into a
# store, the real service started with Kestrel on 127.0.0.1, then GET /api/similar driven by wrk for 30 s at 32
# connections with queries rotated from the tickets' own text. Prints wrk's summary and one JSON line
# (requests/s, p50, p90, p99, errors). The rate limit is raised so it can't turn load into 429s.
#   bench/http-latency.sh [N]
#   KL_BENCH_DATA=DIR  KL_BENCH_STORE=FILE  KL_BENCH_SECONDS=30  KL_BENCH_CONNECTIONS=32  KL_BENCH_THREADS=2  KL_BENCH_PORT=5190
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
tmp=${TMPDIR:-/tmp}
data=${KL_BENCH_DATA:-$tmp/kl-bench-$n}
store=${KL_BENCH_STORE:-$tmp/kl-bench-http-$n.db}
seconds=${KL_BENCH_SECONDS:-30}
connections=${KL_BENCH_CONNECTIONS:-32}
threads=${KL_BENCH_THREADS:-2}
port=${KL_BENCH_PORT:-5190}
. bench/lib/serve-analyzed-store.sh

export KL_QUERIES="$queries"
export KL_CONNECTIONS="$connections"
echo "warm-up (5 s) ..." >&2
wrk -t"$threads" -c"$connections" -d5s -s bench/http-similar.lua "$url" > /dev/null
echo "measuring: $seconds s at $connections connections, $threads wrk threads, $(wc -l < "$queries") rotating queries" >&2
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s bench/http-similar.lua "$url"
# One connection: the latency of a request alone, without queueing behind the others.
echo "one connection, 10 s (latency without queueing) ..." >&2
KL_CONNECTIONS=1 wrk -t1 -c1 -d10s -s bench/http-similar.lua "$url" | tail -n 1
