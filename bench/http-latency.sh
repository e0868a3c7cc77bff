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

# Ready = the store opens and the similar-case index is loaded into memory.
for _ in $(seq 1 240); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; then break; fi
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ] || { echo "the service did not get ready" >&2; exit 1; }

export KL_QUERIES="$queries"
export KL_CONNECTIONS="$connections"
echo "warm-up (5 s) ..." >&2
wrk -t"$threads" -c"$connections" -d5s -s bench/http-similar.lua "$url" > /dev/null
echo "measuring: $seconds s at $connections connections, $threads wrk threads, $(wc -l < "$queries") rotating queries" >&2
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s bench/http-similar.lua "$url"
# One connection: the latency of a request alone, without queueing behind the others.
echo "one connection, 10 s (latency without queueing) ..." >&2
KL_CONNECTIONS=1 wrk -t1 -c1 -d10s -s bench/http-similar.lua "$url" | tail -n 1
