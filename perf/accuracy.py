#!/usr/bin/env python3
"""Accuracy per language and per style, as a Markdown table, from the
scores `score.py --json` prints and the golds' `language` and `style`.
A document the parser refuses (an error instead of a transcript) is counted
under "refused" and scores 0 overall; like score.py's own mean, the other
columns average the documents that were scored on them.

  cargo build --release --example structure
  python3 ../shared/tools/score.py --json > /tmp/scores.json
  python3 perf/accuracy.py /tmp/scores.json ../shared/corpus/dev
"""
import json
import os
import sys
from collections import defaultdict

METRICS = ["turns", "kinds", "speakers", "overall"]
# Styles with fewer documents than this are counted together.
RARE = 3


def main():
    scores = json.load(open(sys.argv[1]))["documents"]
    corpus = sys.argv[2]
    groups = {"language": defaultdict(list), "style": defaultdict(list)}
    for doc_id, s in scores.items():
        gold = json.load(open(os.path.join(corpus, doc_id + ".gold.json")))
        for key in groups:
            groups[key][gold.get(key, "?")].append(s)
    everything = list(scores.values())
    for key, by in groups.items():
        print(f"| {key} | documents | refused | " + " | ".join(METRICS) + " |")
        print("|---|---:|---:|" + "---:|" * len(METRICS))
        rows = sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        rare = [kv for kv in rows if len(kv[1]) < RARE]
        if key == "style" and len(rare) > 1:
            rows = [kv for kv in rows if len(kv[1]) >= RARE]
            docs = [d for _, ds in rare for d in ds]
            rows.append((f"{len(rare)} other styles", docs))
        rows.append(("all", everything))
        for name, docs in rows:
            cells = []
            for m in METRICS:
                vals = [d[m] for d in docs if m in d]
                cells.append(f"{sum(vals) / len(vals):.2f}" if vals else "–")
            label = f"**{name}**" if name == "all" else (name if " " in name else f"`{name}`")
            refused = sum(1 for d in docs if "error" in d)
            print(f"| {label} | {len(docs)} | {refused} | " + " | ".join(cells) + " |")
        print()


if __name__ == "__main__":
    main()
