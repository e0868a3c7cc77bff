#!/usr/bin/env bash
# Import benchmark: generates N tickets once (default 1,000,000) with the sample generator, then imports
# them into a fresh SQLite store and prints one JSON object (rows/s, peak memory). Figures, never asserts.
#   bench/import.sh [N]          KL_BENCH_DATA=DIR to choose where the generated set is kept
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
data=${KL_BENCH_DATA:-${TMPDIR:-/tmp}/kl-bench-$n}
dotnet build bench/KnowledgeLoop.Bench -c Release -nologo -v quiet >&2
dotnet build samples/KnowledgeLoop.Samples -c Release -nologo -v quiet >&2
if [ ! -f "$data/tickets.csv" ]; then
  dotnet samples/KnowledgeLoop.Samples/bin/Release/net10.0/KnowledgeLoop.Samples.dll --out "$data" --tickets "$n" >&2
fi
dotnet bench/KnowledgeLoop.Bench/bin/Release/net10.0/KnowledgeLoop.Bench.dll import "$data/tickets.csv"
dotnet bench/KnowledgeLoop.Bench/bin/Release/net10.0/KnowledgeLoop.Bench.dll import "$data/sessions.csv" --kind sessions
