#!/usr/bin/env bash
# Ours against the peers (scikit-learn, FAISS, hnswlib: ../shared/bench/peer_bench.py) on the same documents, one
# after the other, then a table of ratios (ours ÷ peer) per stage with the goals of issue 6. Figures, never asserts.
#
#   bench/compare.sh [N]                              N synthetic documents (default 100,000), the peer's own generator
#   bench/compare.sh --csv FILE --text-col C [--label-col L] [--k K]
#
# Extra arguments after `--` go to both programs (e.g. `-- --nn-db 50000 --hnsw-ef 128`). Needs the peers
# (../shared/bench/README.md: python3-sklearn python3-faiss python3-hnswlib libopenblas0-pthread). The peer runs with
# the system Python and with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for its command only, so OpenBLAS picks the
# processor's best kernel. KL_SHARED (default ../shared) and KL_BENCH_OUT (default $TMPDIR/kl-compare) set where
# things are; KL_OURS_ARGS adds arguments to ours only (e.g. --unigrams: scikit-learn's feature set, single words).
# The JSON of both runs is kept in KL_BENCH_OUT; `bench/compare.sh --table OURS.json PEER.json` re-prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${KL_SHARED:-$root/../shared}
out=${KL_BENCH_OUT:-${TMPDIR:-/tmp}/kl-compare}
mkdir -p "$out"

table() { python3 "$root/bench/compare_table.py" "$1" "$2"; }

if [ "${1:-}" = "--table" ]; then
  table "$2" "$3"
  exit 0
fi

n=100000
csv="" text_col=text label_col="" k=""
while [ $# -gt 0 ]; do
  case "$1" in
    --csv) csv=$2; shift 2 ;;
    --text-col) text_col=$2; shift 2 ;;
    --label-col) label_col=$2; shift 2 ;;
    --k) k=$2; shift 2 ;;
    --) shift; break ;;
    *) n=$1; shift ;;
  esac
done
extra=("$@")

if [ -z "$csv" ]; then
  csv="$out/synthetic-$n.csv"
  label_col=topic
  if [ ! -f "$csv" ]; then
    /usr/bin/python3 "$root/bench/synthetic_csv.py" "$shared/bench" "$n" "$csv"
  fi
fi

args=(--tickets "$csv" --text-col "$text_col")
ours_args=("$csv" --text-col "$text_col")
if [ -n "$label_col" ]; then args+=(--label-col "$label_col"); ours_args+=(--label-col "$label_col"); fi
if [ -n "$k" ]; then args+=(--k "$k"); ours_args+=(--k "$k"); fi

dotnet build bench/KnowledgeLoop.Bench -c Release -nologo -v quiet >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Ours first, then the peer; /usr/bin/time -v gives both the same peak-memory measure (maximum resident set).
/usr/bin/time -v -o "$out/ours.time" dotnet bench/KnowledgeLoop.Bench/bin/Release/net10.0/KnowledgeLoop.Bench.dll peer \
  "${ours_args[@]}" "${extra[@]}" ${KL_OURS_ARGS:-} --save-vectors "$out/vectors.f32" > "$out/ours.json"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/time -v -o "$out/peer.time" /usr/bin/python3 "$shared/bench/peer_bench.py" \
  "${args[@]}" "${extra[@]}" > "$out/peer.json"
# k-means once more, on the same points for everyone (our vectors): ours, then scikit-learn's and FAISS's, best of three.
dotnet bench/KnowledgeLoop.Bench/bin/Release/net10.0/KnowledgeLoop.Bench.dll kmeans "$out/vectors.f32" > "$out/ours-kmeans.json"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$root/bench/kmeans_peer.py" "$out/vectors.f32" > "$out/peer-kmeans.json"
python3 - "$out" <<'PY'
import json, re, sys
out = sys.argv[1]
for who in ("ours", "peer"):
    text = open(f"{out}/{who}.time").read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    path = f"{out}/{who}.json"
    data = json.load(open(path))
    data["peak_rss_mb"] = round(rss / 1024)
    data["kmeans_same_vectors"] = json.load(open(f"{out}/{who}-kmeans.json"))
    json.dump(data, open(path, "w"), indent=1)
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
table "$out/ours.json" "$out/peer.json"
