#!/usr/bin/env python3
"""Check that a KnowledgeLoop sample data set shows the gaps its ground truth says were planted.

Recomputes everything from the CSV files with DESIGN.md's definitions (follow-up = same customer, same
category, created within 7 days after an earlier ticket's resolution; failure = first contact reopened,
escalated or followed up; deflection = session not followed by a ticket from the same customer within 72 h)
and compares per-topic figures. Stdlib only.

usage: python3 samples/check_planted_gaps.py [DIR]     (DIR defaults to samples/demo; exit 1 if a check fails)
"""
import bisect
import csv
import json
import os
import re
import sys
from collections import defaultdict
from datetime import datetime, timedelta

WINDOW = timedelta(days=7)
DEFLECTION_WINDOW = timedelta(hours=72)


def ts(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def main(directory):
    gt = json.load(open(os.path.join(directory, "ground_truth.json"), encoding="utf-8"))
    topic_of = {}
    with open(os.path.join(directory, "ticket_topics.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            topic_of[row["ticket_id"]] = row["topic"]
    tickets = []
    with open(os.path.join(directory, "tickets.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            row["created"] = ts(row["created_at"])
            row["resolved"] = ts(row["resolved_at"])
            row["topic"] = topic_of[row["id"]]
            tickets.append(row)
    tickets.sort(key=lambda t: (t["created"], t["id"]))
    as_of = max(max(t["created"], t["resolved"] or t["created"]) for t in tickets)

    # Follow-ups by the metric's rule, not by the ground truth: what an analyzer would see.
    by_key = defaultdict(list)
    for t in tickets:
        by_key[(t["customer_id"], t["category"])].append(t)
    followed_up = set()
    is_follow_up = set()
    for group in by_key.values():
        for i, t in enumerate(group):
            for earlier in group[:i]:
                if earlier["resolved"] and earlier["resolved"] < t["created"] <= earlier["resolved"] + WINDOW:
                    is_follow_up.add(t["id"])
                    followed_up.add(earlier["id"])
    first = [t for t in tickets if t["id"] not in is_follow_up]

    def failed(t):
        return int(t["reopen_count"] or 0) > 0 or t["escalated"] == "true" or t["id"] in followed_up or t["resolved"] is None

    def mature(t):
        return (t["resolved"] + WINDOW <= as_of) if t["resolved"] else (t["created"] + WINDOW <= as_of)

    mature_first = [t for t in first if mature(t)]
    fcr = sum(1 for t in mature_first if not failed(t)) / len(mature_first)

    # Sessions and deflection.
    session_topic = {}
    with open(os.path.join(directory, "session_topics.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            session_topic[row["session_id"]] = row["topic"]
    tickets_by_customer = defaultdict(list)
    for t in tickets:
        tickets_by_customer[t["customer_id"]].append(t["created"])
    sessions = defaultdict(lambda: [0, 0, 0])  # topic -> [mature sessions, deflected, viewed own article]
    articles_of = {t["id"]: set(t["article_ids"]) for t in gt["topics"]}
    with open(os.path.join(directory, "sessions.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            started = ts(row["started_at"])
            if started + DEFLECTION_WINDOW > as_of:
                continue
            topic = session_topic[row["id"]]
            times = tickets_by_customer.get(row["customer_id"], [])
            k = bisect.bisect_right(times, started)
            deflected = not (k < len(times) and times[k] <= started + DEFLECTION_WINDOW)
            viewed = set(filter(None, row["viewed_article_ids"].split(";")))
            s = sessions[topic]
            s[0] += 1
            s[1] += deflected
            s[2] += bool(viewed & articles_of[topic])

    # Per-topic figures.
    stats = {}
    end = ts(gt["period"]["end_exclusive"] + "T00:00:00Z")
    window_start = end - timedelta(days=30)
    published = ts(gt["period"]["article_published_mid_period_at"])
    for topic in gt["topics"]:
        tid = topic["id"]
        mine = [t for t in mature_first if t["topic"] == tid]
        fails = [t for t in mine if failed(t)]
        linked = [t for t in mine if t["linked_article_ids"]]
        own_linked = [t for t in mine if set(t["linked_article_ids"].split(";")) & articles_of[tid]]
        before = [t for t in mine if t["created"] < published]
        after = [t for t in mine if t["created"] >= published]
        all_first = [t for t in first if t["topic"] == tid]
        s = sessions[tid]
        stats[tid] = {
            "n": len(mine),
            "fail": len(fails) / max(1, len(mine)),
            "esc_share": sum(1 for t in fails if t["escalated"] == "true") / max(1, len(fails)),
            "link": len(own_linked) / max(1, len(mine)),
            "any_link": len(linked) / max(1, len(mine)),
            "fail_before": sum(map(failed, before)) / max(1, len(before)),
            "fail_after": sum(map(failed, after)) / max(1, len(after)),
            "n_after": len(after),
            "last30": sum(1 for t in all_first if t["created"] >= window_start),
            "prev30": sum(1 for t in all_first if window_start - timedelta(days=30) <= t["created"] < window_start),
            "sessions": s[0],
            "deflection": s[1] / max(1, s[0]),
            "viewed_own": s[2] / max(1, s[0]),
            "role": topic["role"],
        }

    covered = [v for v in stats.values() if v["role"] == "covered"]
    covered_fail = sum(v["fail"] * v["n"] for v in covered) / sum(v["n"] for v in covered)
    covered_defl = sum(v["deflection"] * v["sessions"] for v in covered) / max(1, sum(v["sessions"] for v in covered))

    print(f"data set: {directory}")
    print(f"tickets {len(tickets)}, first contacts {len(first)} (mature {len(mature_first)}), follow-ups by rule {len(is_follow_up)}, "
          f"as_of {as_of:%Y-%m-%d %H:%M}, FCR {fcr:.3f} (failure {1 - fcr:.3f})")
    print(f"covered topics: failure {covered_fail:.3f}, session deflection {covered_defl:.3f}")
    print()
    print(f"{'topic':26} {'role':21} {'n':>5} {'fail':>5} {'esc%':>5} {'link':>5} {'defl':>5} {'view':>5} {'last30':>6} {'prev30':>6}")
    for tid, v in stats.items():
        print(f"{tid:26} {v['role']:21} {v['n']:5d} {v['fail']:5.2f} {v['esc_share']:5.2f} {v['link']:5.2f} {v['deflection']:5.2f} {v['viewed_own']:5.2f} {v['last30']:6d} {v['prev30']:6d}")
    print()

    checks = []

    def check(name, ok, detail):
        checks.append(ok)
        print(f"[{'PASS' if ok else 'FAIL'}] {name}: {detail}")

    article_files = [f for f in os.listdir(os.path.join(directory, "articles")) if f.endswith(".md")]
    months = (tickets[-1]["created"].year - tickets[0]["created"].year) * 12 + tickets[-1]["created"].month - tickets[0]["created"].month + 1
    check("size", len(article_files) >= 40 and months >= 4, f"{len(tickets)} tickets, {len(article_files)} articles, {months} months")
    check("planted follow-ups are follow-ups by the metric's rule",
          all(r in is_follow_up for r in (t for t, tp in planted_follow_ups(directory))),
          f"{len(is_follow_up)} found by rule")
    for gap in gt["planted_gaps"]:
        tid, v = gap["topic"], stats[gap["topic"]]
        role = gap["role"]
        if role in ("missing", "emerging"):
            check(f"missing {tid}", v["fail"] >= 2 * covered_fail and v["deflection"] <= 0.45,
                  f"failure {v['fail']:.2f} vs covered {covered_fail:.2f}, deflection {v['deflection']:.2f}")
        if role == "emerging":
            check(f"emerging {tid}", v["last30"] >= 5 * max(1, v["prev30"]), f"{v['last30']} first contacts in the last 30 days vs {v['prev30']} in the 30 before")
        if role == "ineffective":
            check(f"ineffective {tid}", v["link"] >= 0.5 and v["fail"] >= 2 * covered_fail, f"link {v['link']:.2f}, failure {v['fail']:.2f}")
        if role == "findability":
            check(f"findability {tid}", v["link"] <= 0.1 and v["viewed_own"] <= 0.25 and v["fail"] >= 1.8 * covered_fail,
                  f"link {v['link']:.2f}, sessions viewing it {v['viewed_own']:.2f}, failure {v['fail']:.2f}")
            check(f"findability vocabulary {tid}", vocabulary_overlap(directory, gt, tid) < 0.25,
                  f"share of ticket words found in the article: {vocabulary_overlap(directory, gt, tid):.2f}")
        if role == "process":
            check(f"process {tid}", v["esc_share"] >= 0.7 and v["link"] >= 0.5, f"escalations {v['esc_share']:.2f} of failures, link {v['link']:.2f}")
        if role == "duplicate":
            ids = gap["article_ids"]
            counts = {a: sum(1 for t in first if t["topic"] == tid and a in t["linked_article_ids"].split(";")) for a in ids}
            total = sum(counts.values())
            check(f"duplicate {tid}", len(ids) == 2 and all(c >= 0.25 * total for c in counts.values()), f"links {counts}")
        if role == "published_mid_period":
            front = front_matter(directory, gap["article_ids"][0])
            check(f"published mid-period {tid}", v["fail_before"] >= 2 * v["fail_after"] and v["n_after"] >= 30
                  and front.get("created_at") == gt["period"]["article_published_mid_period_at"][:10],
                  f"failure {v['fail_before']:.2f} before vs {v['fail_after']:.2f} after {front.get('created_at')} (n after {v['n_after']})")
    for control in gt["controls"]:
        v = stats[control["topic"]]
        check(f"control {control['topic']}", v["fail"] <= 0.6 * covered_fail and v["deflection"] >= covered_defl,
              f"failure {v['fail']:.2f}, deflection {v['deflection']:.2f}")
    check("deflection covered vs missing", covered_defl >= 0.6, f"covered {covered_defl:.2f}")
    print()
    print("all checks passed" if all(checks) else f"{checks.count(False)} check(s) failed")
    return 0 if all(checks) else 1


def planted_follow_ups(directory):
    with open(os.path.join(directory, "ticket_topics.csv"), newline="", encoding="utf-8") as f:
        return [(r["ticket_id"], r["topic"]) for r in csv.DictReader(f) if r["is_follow_up"] == "true"]


def front_matter(directory, article_id):
    for name in os.listdir(os.path.join(directory, "articles")):
        if name.startswith(article_id.lower() + "-"):
            text = open(os.path.join(directory, "articles", name), encoding="utf-8").read()
            head = text.split("---")[1]
            return dict(line.split(": ", 1) for line in head.strip().splitlines())
    return {}


WORD = re.compile(r"[a-z]{4,}")
STOP = set("this that with have from they what does your there been when will just only about into them then than some their were after still every would could should shows seem seems says said".split())


def vocabulary_overlap(directory, gt, topic):
    """Share of the topic's distinctive ticket words (top 20 by frequency) that appear in its article."""
    topic_ids = {tid for tid, tp in read_topics(directory) if tp == topic}
    counts = defaultdict(int)
    with open(os.path.join(directory, "tickets.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["id"] in topic_ids:
                for w in set(WORD.findall((row["subject"] + " " + row["description"].split("\nOn ")[0]).lower())):
                    if w not in STOP:
                        counts[w] += 1
    top = [w for w, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:20]]
    article = [a for a in gt["topics"] if a["id"] == topic][0]["article_ids"][0]
    text = ""
    for name in os.listdir(os.path.join(directory, "articles")):
        if name.startswith(article.lower() + "-"):
            text = open(os.path.join(directory, "articles", name), encoding="utf-8").read().lower()
    return sum(1 for w in top if w in text) / max(1, len(top))


def read_topics(directory):
    with open(os.path.join(directory, "ticket_topics.csv"), newline="", encoding="utf-8") as f:
        return [(r["ticket_id"], r["topic"]) for r in csv.DictReader(f)]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "demo")))
