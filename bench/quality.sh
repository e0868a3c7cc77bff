#!/usr/bin/env bash
# Embed + cluster quality and speed, side by side with the scikit-learn/FAISS peer (../shared/bench/peer_bench.py),
# in one run on the same files: BANKING77 (labelled; k = 77 and auto) and N generated tickets (default 100,000).
# Prints JSON lines: ours, the peer's, and ratios. Needs ../shared and the peers (see ../shared/bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
shared=${KL_SHARED:-../shared}
data=${KL_BENCH_DATA:-${TMPDIR:-/tmp}/kl-bench-$n}
dotnet build bench/KnowledgeLoop.Bench -c Release -nologo -v quiet >&2
dotnet build samples/KnowledgeLoop.Samples -c Release -nologo -v quiet >&2
bench="dotnet bench/KnowledgeLoop.Bench/bin/Release/net10.0/KnowledgeLoop.Bench.dll"
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 "$shared/bench/peer_bench.py" "$@" 2>/dev/null; }
compare() { python3 - "$1" "$2" <<'PY'
import json, sys
ours, peer = json.loads(sys.argv[1]), json.loads(sys.argv[2])
k = peer.get("quality", {}).get("kmeans", {}) or {}
t = peer.get("timings_s", {}) or {}
peer_embed = t.get("pipeline_A_embed_total")
peer_kmeans = t.get("kmeans")
row = {"file": ours["file"], "k": ours["k"], "ours_ari": ours.get("ari"), "peer_kmeans_ari": k.get("ari"),
       "ours_nmi": ours.get("nmi"), "peer_kmeans_nmi": k.get("nmi"),
       "ours_embed_cluster_s": ours["total_seconds"], "peer_tfidf_svd_kmeans_s": (peer_embed + peer_kmeans) if peer_embed and peer_kmeans else None}
if row["peer_tfidf_svd_kmeans_s"]:
    row["speed_ratio_peer_over_ours"] = round(row["peer_tfidf_svd_kmeans_s"] / row["ours_embed_cluster_s"], 2)
print(json.dumps(row))
PY
}
b77="$shared/data/banking77/test.csv"
ours=$($bench embed-cluster "$b77" --text-col text --label-col category --k 77); echo "$ours"
theirs=$(peer --tickets "$b77" --text-col text --label-col category --k 77 --nn-queries 10 --single-queries 1); echo "$theirs" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"peer": "banking77", "quality": d.get("quality"), "timings_s": d.get("timings_s")}))'
compare "$ours" "$theirs"
$bench embed-cluster "$b77" --text-col text --label-col category --k auto
if [ ! -f "$data/tickets.csv" ]; then
  dotnet samples/KnowledgeLoop.Samples/bin/Release/net10.0/KnowledgeLoop.Samples.dll --out "$data" --tickets "$n" >&2
fi
ours=$($bench embed-cluster "$data/tickets.csv" --text-col description --k 40); echo "$ours"
theirs=$(peer --tickets "$data/tickets.csv" --text-col description --k 40 --nn-queries 10 --single-queries 1); echo "$theirs" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(json.dumps({"peer": "tickets", "quality": d.get("quality"), "timings_s": d.get("timings_s")}))'
compare "$ours" "$theirs"
$bench analyze "$data"
