# Sourced by the HTTP benchmarks (http-latency.sh, load.sh) after they set n, tmp, data, store and port: builds what
# they run, generates and analyzes N tickets once (kept for the next run), writes 1,000 rotating queries, starts the
# real service on Kestrel at 127.0.0.1 with the rate limit raised and logging at Warning, and waits until it is ready
# (the store opens and the similar-case index is in memory). Leaves $url, $server, $queries and an EXIT trap.
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
