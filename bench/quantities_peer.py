#!/usr/bin/env python3
"""Peer comparison for the quantity extractor: quantulum3 scored with Dossier's own protocol.

Usage (from the repository root):  python3 bench/quantities_peer.py
Creates bench/.venv, pip-installs quantulum3 there, asks the Rust evaluation for every input text
(`--dump-inputs`), runs quantulum3 on them, converts its output to Dossier's quantity schema (byte spans,
units through resources/quantity/eval_units.tsv), and scores it with `--predictions`. Nothing of quantulum3 is
committed; outputs go to bench/out/.
Note: quantulum3's own test sentences are its development set, so its score there is not comparable.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "bench", ".venv")
OUT = os.path.join(ROOT, "bench", "out")
PY = os.path.join(VENV, "bin", "python")


def ensure_venv():
    if not os.path.exists(PY):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    try:
        subprocess.check_call([PY, "-c", "import quantulum3"], stderr=subprocess.DEVNULL)
    except subprocess.CalledProcessError:
        # Plain quantulum3: with the `classifier` extra (scikit-learn), its bundled model fails to load with the
        # current scikit-learn ("No module named '_loss'") and parse() raises on every ambiguous unit.
        subprocess.check_call([PY, "-m", "pip", "install", "-q", "quantulum3"])


def cargo_eval(*args):
    cmd = ["cargo", "run", "-q", "--release", "-p", "dossier-quantity", "--example", "eval", "--"]
    return subprocess.run(cmd + list(args), cwd=ROOT, check=True, capture_output=True, text=True).stdout


def unit_table():
    table = {}
    with open(os.path.join(ROOT, "resources", "quantity", "eval_units.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            suite, gold, acc = line.rstrip("\n").split("\t")[:3]
            if suite != "quantulum":
                continue
            first = acc.split("|")[0]
            unit, _, factor = first.partition("*")
            table[gold] = (None if unit == "-" else unit, float(factor or 1))
    return table


def run_peer():
    """Runs inside the venv: reads inputs, writes predictions."""
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import parser

    table = unit_table()
    src, dst = sys.argv[2], sys.argv[3]
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            text = json.loads(line)["text"]
            qs = []
            try:
                found = parser.parse(text)
            except Exception:  # the peer may fail on odd input; score it as finding nothing
                found = []
            for q in found:
                name = q.unit.name
                entity = q.unit.entity.name
                unit, factor = table.get(name, (None, 1.0))
                if name not in table:
                    code = getattr(q.unit, "currency_code", None)
                    unit = code if code else (None if entity == "dimensionless" else name)
                kind = "money" if entity == "currency" else "percent" if name == "percentage" else (
                    "cardinal" if unit is None else "dimension")
                s, e = q.span
                item = {
                    "start": len(text[:s].encode("utf-8")),
                    "end": len(text[:e].encode("utf-8")),
                    "value": float(q.value) * factor,
                    "unit": unit,
                    "bound": "exact",
                    "kind": kind,
                }
                if q.uncertainty:
                    item["value"] = (float(q.value) - float(q.uncertainty)) * factor
                    item["high"] = (float(q.value) + float(q.uncertainty)) * factor
                    item["bound"] = "range"
                qs.append(item)
            out.write(json.dumps({"text": text, "quantities": qs}) + "\n")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--peer":
        run_peer()
        return
    os.makedirs(OUT, exist_ok=True)
    ensure_venv()
    inputs = os.path.join(OUT, "quantity_inputs.jsonl")
    preds = os.path.join(OUT, "quantulum3_predictions.jsonl")
    subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "dossier-quantity", "--example", "eval", "--",
         "--dump-inputs", inputs], cwd=ROOT, check=True)
    subprocess.check_call([PY, os.path.abspath(__file__), "--peer", inputs, preds])
    print("== quantulum3 (peer), Dossier protocol ==")
    print(cargo_eval("--predictions", preds))
    print("== dossier-quantity ==")
    print(cargo_eval())


if __name__ == "__main__":
    main()
