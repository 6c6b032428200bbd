#!/usr/bin/env python3
"""Span recall of Dossier's time expressions against re3d's Temporal entities (defence and foreign-office texts,
../shared/eval/entities/re3d). re3d has no values and its own span conventions ("early hours of Sunday",
"Ramadan"; no "now"), so only recall is meaningful: prints each missed span with context and the count.

usage: python3 bench/re3d_time_spans.py [RE3D_DIR]   (needs `cargo build --release -p dossier-cli`)
"""
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RE3D = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "../shared/eval/entities/re3d")


def records(name):
    for path in glob.glob(os.path.join(RE3D, "*", name)):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                yield json.loads(line)


def main():
    docs = {d["_id"]: d["text"] for d in records("documents.json")}
    gold = {}
    for e in records("entities.json"):
        if e["type"] == "Temporal":
            gold.setdefault(e["documentId"], []).append((e["begin"], e["end"]))
    found = total = 0
    for doc_id, spans in sorted(gold.items()):
        text = docs[doc_id]
        run = subprocess.run([os.path.join(ROOT, "target/release/dossier"), "extract", "--format", "jsonl", "-"],
                             input=text, capture_output=True, text=True, check=True)
        timexes = json.loads(run.stdout.splitlines()[0])["timexes"]
        for s, e in spans:
            total += 1
            if any(t["start"] < e and s < t["end"] for t in timexes):
                found += 1
            else:
                print(f"MISS {text[s:e]!r} | {text[max(0, s - 50):e + 30]!r}")
    print(f"re3d Temporal spans overlapped: {found}/{total} ({100 * found / total:.1f} %)")


main()
