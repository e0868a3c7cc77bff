#!/usr/bin/python3
"""Writes the peer's synthetic corpus (peer_bench.synthetic_corpus, same seed) as CSV text,topic, so that ours and
the peer read the very same documents.  Usage: synthetic_csv.py PEER_BENCH_DIR N OUT.csv"""
import csv
import sys

sys.path.insert(0, sys.argv[1])
from peer_bench import synthetic_corpus  # noqa: E402

texts, labels = synthetic_corpus(int(sys.argv[2]), seed=42)
with open(sys.argv[3], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["text", "topic"])
    for t, l in zip(texts, labels):
        w.writerow([t, "t%d" % l])
