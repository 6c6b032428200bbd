#!/usr/bin/env python3
"""Converts the MEANTIME English corpus (CAT stand-off XML) to TE3-style TimeML for use as a *news dev set*
for the time tagger (TE3 platinum stays a test set). Text = tokens joined by single spaces, one line per
sentence. Usage: bench/meantime_to_timeml.py [MEANTIME_DIR] OUT_DIR"""
import os, sys, glob
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

src = sys.argv[1] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '../../shared/eval/events/meantime-en')
out = sys.argv[-1]
os.makedirs(out, exist_ok=True)
n = 0
for path in sorted(glob.glob(os.path.join(src, 'intra-doc_annotation', '*', '*.xml'))):
    root = ET.parse(path).getroot()
    toks = [(t.get('t_id'), int(t.get('sentence')), t.text or '') for t in root.iter('token')]
    dct, timexes, dct_toks = None, [], set()
    for tx in root.iter('TIMEX3'):
        ids = [a.get('t_id') for a in tx.findall('token_anchor')]
        if tx.get('functionInDocument') == 'CREATION_TIME':
            dct = tx.get('value')
            # One article writes its creation time day-first (03-02-2009 = 3 February 2009).
            p = (dct or '').split('-')
            if len(p) == 3 and len(p[2]) == 4 and len(p[0]) == 2:
                dct = f'{p[2]}-{p[1]}-{p[0]}'
            # The dateline under the title is the creation time itself (TE3 keeps it in <DCT>, outside <TEXT>).
            dct_toks.update(ids)
            continue
        if ids:
            timexes.append((ids[0], ids[-1], tx.get('type'), tx.get('value') or '', tx.get('mod')))
    # MEANTIME annotates only the first sentences of each article: keep those (up to the last annotated one).
    sent_of = {t[0]: t[1] for t in toks}
    marked = [sent_of[a.get('t_id')] for m in root.find('Markables') for a in m.findall('token_anchor') if a.get('t_id') in sent_of]
    last = max(marked) if marked else 0
    toks = [t for t in toks if t[1] <= last and t[0] not in dct_toks]
    starts = {t[0]: t for t in timexes}
    ends = {t[1]: t for t in timexes}
    parts, prev_s, open_ = [], None, False
    for tid, s, text in toks:
        if prev_s is not None:
            parts.append('\n' if s != prev_s else ' ')
        prev_s = s
        if tid in starts and not open_:
            t = starts[tid]
            mod = f' mod="{t[4]}"' if t[4] else ''
            parts.append(f'<TIMEX3 tid="t{len(parts)}" type="{t[2]}" value="{escape(t[3])}"{mod}>')
            open_ = True
        parts.append(escape(text))
        if tid in ends and open_:
            parts.append('</TIMEX3>')
            open_ = False
    if dct is None:
        continue
    name = os.path.basename(path).replace('.xml', '.tml')
    with open(os.path.join(out, name), 'w') as f:
        f.write(f'<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n<TEXT>\n{"".join(parts)}\n</TEXT>\n</TimeML>\n')
    n += 1
print(f'{n} documents written to {out}', file=sys.stderr)
