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
url="http://127.0.0.1:$port"

command -v wrk >/dev/null || apt-get install -y wrk >&2
for project in bench/KnowledgeLoop.Bench samples/KnowledgeLoop.Samples src/KnowledgeLoop.Cli src/KnowledgeLoop.Api; do
  dotnet build "$project" -c Release -nologo -v quiet >&2
done
bench=bench/KnowledgeLoop.Bench/bin/Release/net10.0/KnowledgeLoop.Bench.dll
cli=src/KnowledgeLoop.Cli/bin/Release/net10.0/knowledgeloop.dll
api=src/KnowledgeLoop.Api/bin/Release/net10.0/KnowledgeLoop.Api.dll

if [ ! -f "$data/tickets.csv" ]; then
  dotnet samples/KnowledgeLoop.Samples/bin/Release/net10.0/KnowledgeLoop.Samples.dll --out "$data" --tickets "$n" >&2
fi
if [ ! -f "$store" ]; then
  echo "importing and analyzing $n tickets into $store ..." >&2
  dotnet "$cli" analyze --tickets "$data/tickets.csv" --articles "$data/articles" --sessions "$data/sessions.csv" \
    --store "$store" --out "$tmp/kl-bench-http-report-$n" >&2
fi

queries=$(mktemp "$tmp/kl-queries-XXXXXX")
dotnet "$bench" queries "$data/tickets.csv" 1000 > "$queries"

KnowledgeLoop__Store__Path="$store" \
KnowledgeLoop__RateLimit__PermitLimit=1000000000 \
KnowledgeLoop__RateLimit__WindowSeconds=1 \
Logging__LogLevel__Default=Warning \
  dotnet "$api" --urls "$url" >&2 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$queries"' EXIT

for _ in $(seq 1 240); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; then break; fi
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ] || { echo "the service did not get ready" >&2; exit 1; }

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
