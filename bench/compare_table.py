#!/usr/bin/python3
"""Prints the ours ÷ peer table of bench/compare.sh from the two JSON objects (same field names, peer_bench.py's)."""
import json
import sys

ours, peer = (json.load(open(p)) for p in sys.argv[1:3])


def get(d, *path):
    for p in path:
        if not isinstance(d, dict) or p not in d:
            return None
        d = d[p]
    return d


rows = []


def row(stage, unit, o, p, goal=None, better="lower", goal_abs=None):
    """goal: bound on the ratio ours/peer (<= when better is lower, >= when higher); goal_abs: (op, value) on ours."""
    ratio = (o / p) if (o is not None and p not in (None, 0)) else None
    verdict = ""
    if goal is not None and ratio is not None:
        ok = ratio <= goal if better == "lower" else ratio >= goal
        verdict = ("met" if ok else "MISSED") + (" (≤ %.2f)" % goal if better == "lower" else " (≥ %.2f)" % goal)
    if goal_abs is not None and o is not None:
        op, v = goal_abs
        ok = o >= v if op == ">=" else o <= v
        verdict = (verdict + "; " if verdict else "") + ("met" if ok else "MISSED") + " (%s %s)" % (op, v)
    rows.append((stage, unit, o, p, ratio, verdict))


T, PT = ours["timings_s"], peer["timings_s"]
Q, PQ = ours["quality"], peer["quality"]
row("TF-IDF fit+transform", "s", T.get("tfidf_fit_transform"), PT.get("tfidf_fit_transform"))
row("SVD fit+transform (+L2)", "s", (T.get("svd_fit_transform") or 0) + (T.get("l2_normalize") or 0),
    (PT.get("svd_fit_transform") or 0) + (PT.get("l2_normalize") or 0))
row("embed total (TF-IDF+SVD+L2) vs scikit-learn", "s", T.get("pipeline_A_embed_total"), PT.get("pipeline_A_embed_total"), 0.5)
row("own vectors: k-means Lloyd (k-means++) vs sklearn KMeans", "s", T.get("kmeans"), PT.get("kmeans"))
row("own vectors: k-means Lloyd vs FAISS train+assign", "s", T.get("kmeans"), PT.get("faiss_kmeans_total"))
row("own vectors: k-means inertia vs sklearn KMeans (different spaces)", "", get(Q, "kmeans", "inertia"), get(PQ, "kmeans", "inertia"))
row("own vectors: k-means inertia vs FAISS (different spaces)", "", get(Q, "kmeans", "inertia"), get(PQ, "faiss_kmeans", "inertia"))
row("k-means ARI vs sklearn KMeans", "", get(Q, "kmeans", "ari"), get(PQ, "kmeans", "ari"), 1.0, "higher")
row("k-means NMI vs sklearn KMeans", "", get(Q, "kmeans", "nmi"), get(PQ, "kmeans", "nmi"), 1.0, "higher")
OK, PK = ours.get("kmeans_same_vectors") or {}, peer.get("kmeans_same_vectors") or {}
if OK and PK:
    row("same vectors: k-means Lloyd vs FAISS (best of 3)", "s", get(OK, "lloyd_seeded_on_20k", "best_seconds"), get(PK, "faiss_kmeans", "seconds"), 1.0)
    row("same vectors: k-means Lloyd vs sklearn KMeans", "s", get(OK, "lloyd_seeded_on_20k", "best_seconds"), get(PK, "sklearn_kmeans", "seconds"))
    row("same vectors: inertia vs sklearn KMeans", "", get(OK, "lloyd_seeded_on_20k", "inertia"), get(PK, "sklearn_kmeans", "inertia"), 1.0)
    row("same vectors: inertia vs FAISS", "", get(OK, "lloyd_seeded_on_20k", "inertia"), get(PK, "faiss_kmeans", "inertia"))
    row("same vectors: mini-batch vs sklearn MiniBatchKMeans", "s", get(OK, "minibatch", "best_seconds"), get(PK, "sklearn_minibatch", "seconds"))
    row("same vectors: mini-batch inertia vs sklearn MiniBatchKMeans", "", get(OK, "minibatch", "inertia"), get(PK, "sklearn_minibatch", "inertia"))
row("mini-batch k-means vs sklearn MiniBatchKMeans", "s", T.get("minibatch_kmeans"), PT.get("minibatch_kmeans"))
row("mini-batch inertia", "", get(Q, "minibatch_kmeans", "inertia"), get(PQ, "minibatch_kmeans", "inertia"))
row("mini-batch ARI", "", get(Q, "minibatch_kmeans", "ari"), get(PQ, "minibatch_kmeans", "ari"), 1.0, "higher")
for src in sorted(set(ours.get("nn", {})) & set(peer.get("nn", {}))):
    o, p = ours["nn"][src], peer["nn"][src]
    tag = "[%s %s]" % (src, "x".join(map(str, o.get("db_shape", []))))
    row("exact top-10 batched vs FAISS IndexFlatIP " + tag, "q/s", o.get("faiss_flat_qps_batch"), p.get("faiss_flat_qps_batch"), 0.8, "higher")
    row("exact top-10 single query vs FAISS " + tag, "ms", o.get("faiss_flat_single_query_ms"), p.get("faiss_flat_single_query_ms"), 1.0)
    row("  (ExactVectorIndex.Search, one query) " + tag, "ms", o.get("exact_index_single_query_ms"), p.get("faiss_flat_single_query_ms"))
    row("HNSW build vs hnswlib " + tag, "s", get(o, "timings_s", "hnsw_build"), get(p, "timings_s", "hnsw_build"), 1.5)
    row("HNSW search batched vs hnswlib " + tag, "q/s", o.get("hnsw_qps_batch"), p.get("hnsw_qps_batch"), 1.0, "higher")
    row("HNSW recall@10 (ef=%s) " % get(o, "hnsw_params", "ef") + tag, "", o.get("hnsw_recall_at_10"), p.get("hnsw_recall_at_10"),
        goal_abs=(">=", 0.95))
    row("HNSW single query vs hnswlib " + tag, "ms", o.get("hnsw_single_query_ms"), p.get("hnsw_single_query_ms"), 1.0)
    for name in ("outcome_33pct", "category_5pct"):
        row("  HNSW filtered (%s) single query, ours only " % name + tag, "ms", o.get("hnsw_filtered_%s_single_query_ms" % name), None)
    row("HNSW batched, 1 thread " + tag, "q/s", o.get("hnsw_qps_batch_1thread"), p.get("hnsw_qps_batch_1thread"), None, "higher")
    for ef in sorted(set(o.get("hnsw_ef_sweep", {})) & set(p.get("hnsw_ef_sweep", {})), key=int):
        a, b = o["hnsw_ef_sweep"][ef], p["hnsw_ef_sweep"][ef]
        row("  HNSW ef=%s q/s (recall ours %.3f, peer %.3f)" % (ef, a["recall"], b["recall"]), "q/s", a["qps_batch"], b["qps_batch"], None, "higher")
row("peak memory (max RSS, whole run)", "MB", ours.get("peak_rss_mb"), peer.get("peak_rss_mb"))
row("whole run wall time", "s", T.get("total_wall"), PT.get("total_wall"))


def fmt(v, exact=False):
    if v is None:
        return "—"
    if isinstance(v, float):
        if exact:
            return "{:,.3f}".format(v)  # inertia: the goal compares to a few ppm
        return "%.4g" % v if abs(v) < 1000 else "{:,.0f}".format(v)
    return "{:,}".format(v) if isinstance(v, int) else str(v)


print("docs: ours %s, peer %s; k=%s; load average ours %s→%s, peer %s→%s" % (
    get(ours, "corpus", "n_docs"), get(peer, "corpus", "n_docs"), get(ours, "sizes", "k"),
    get(ours, "env", "loadavg_at_start"), get(ours, "env", "loadavg_at_end"),
    [round(x, 2) for x in get(peer, "env", "loadavg_at_start") or []], [round(x, 2) for x in get(peer, "env", "loadavg_at_end") or []]))
print("vocabulary: ours %s (%s), peer %s (unigrams)" % (get(ours, "sizes", "tfidf_shape"), "unigrams" if "--unigrams" in (ours.get("argv") or []) else "words + phrases", get(peer, "sizes", "tfidf_shape")))
print()
print("| stage | unit | ours | peer | ours ÷ peer | goal |")
print("| --- | --- | ---: | ---: | ---: | --- |")
for stage, unit, o, p, ratio, verdict in rows:
    shown = "—" if ratio is None else ("%.6f" % ratio if "inertia" in stage else "%.2f" % ratio)
    exact = "inertia" in stage
    print("| %s | %s | %s | %s | %s | %s |" % (stage, unit, fmt(o, exact), fmt(p, exact), shown, verdict))
