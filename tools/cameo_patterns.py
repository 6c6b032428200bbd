#!/usr/bin/env python3
"""Derives verb–object event triggers from the PETRARCH2 CAMEO verb dictionary.

Writes resources/events/triggers_cameo_patterns.tsv (format of triggers.tsv). A row comes from each simple
dictionary pattern "- * OBJECT [code] # VERB" (the verb named in the pattern's comment, the object one word
or a synonym set of one-word members) whose CAMEO code maps to a PLOVER type in CAMEO2PLOVER-2021, or in
resources/events/plover_conventions.tsv where the project departs from that table. Patterns for statements
(CAMEO 01) and unmapped codes are skipped, and so are verbs that are triggers on their own in the hand-made
lexicons: their type there is a decision of this project ("protest the arrest" is PROTEST, where CAMEO has
"rally support"), and the patterns only add verbs that name an event through their object ("send troops").
An object that is a trigger noun of the same type on its own ("pay a visit") is left to that noun; one of
another type stays ("start discussions": intent to negotiate, AGREE, beside the discussions, CONSULT).

usage: python3 tools/cameo_patterns.py [SHARED_DIR]   (default ../shared)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared")
DICT = os.path.join(SHARED, "eval/gazetteers/phoenix/CAMEO.2.0.txt")
TABLE = os.path.join(SHARED, "eval/events/plover-gsr/CAMEO2PLOVER-2021.txt")
OUT = os.path.join(ROOT, "resources/events/triggers_cameo_patterns.tsv")
WORD = re.compile(r"[A-Z][A-Z-]*")


def table():
    """CAMEO code -> (type, mode, context), first entry of each code."""
    out = {}
    for line in open(TABLE, encoding="utf-8"):
        line = line.split("#")[0].strip()
        code, _, rest = line.partition(":")
        if not code.strip().isdigit():
            continue
        parts = [p.strip() for p in rest.split(",")]
        if parts[0]:
            parts += [""] * (3 - len(parts))
            out.setdefault(code.strip(), (parts[0], parts[1].replace(" ", ""), parts[2].split(";")[0].strip()))
    return out


def conventions():
    """CAMEO code -> the type Dossier uses where it departs from the table (plover_conventions.tsv)."""
    out = {}
    for line in open(os.path.join(ROOT, "resources/events/plover_conventions.tsv"), encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            code, ty, _ = line.rstrip("\n").split("\t")
            out[code] = ty
    return out


def lookup(tab, code):
    for n in range(len(code), 1, -1):
        if code[:n] in tab:
            return tab[code[:n]]
    return None


def known():
    pairs, verbs, nouns = set(), set(), set()
    for name in ("triggers.tsv", "triggers_cameo.tsv"):
        for line in open(os.path.join(ROOT, "resources/events", name), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            f = line.rstrip("\n").split("\t")
            if len(f) < 6:
                continue
            pairs.add(f[0])
            if f[1] == "V" and " " not in f[0]:
                verbs.add(f[0])
            if f[1] == "N" and " " not in f[0]:
                nouns.add((f[0], f[2]))
    return pairs, verbs, nouns


def main():
    tab = table()
    own_types = conventions()
    pairs, verbs, nouns = known()
    lines = open(DICT, encoding="utf-8", errors="replace").read().split("\n")
    synsets, cur = {}, None
    for line in lines:
        if line.startswith("&"):
            cur = synsets.setdefault(line.strip(), [])
        elif line.startswith("+") and cur is not None:
            word = line[1:].split("#")[0].strip()
            if WORD.fullmatch(word):
                cur.append(word)
        elif line.startswith("---"):
            break
    # The dictionary's verbs: the unindented lines of its verb blocks ("KILL", "HANG {HANGS ...}").
    block_verbs = set()
    in_blocks = False
    for line in lines:
        in_blocks = in_blocks or line.startswith("---")
        word = line.split("#")[0].split("{")[0].split("[")[0].strip()
        if in_blocks and WORD.fullmatch(word):
            block_verbs.add(word)
    rows = {}
    for line in lines:
        m = re.match(r"^-\s+\*\s+(\S+)\s+\[(\d+)(?::\d+)?\]\s*#\s*(.*)$", line)
        if not m:
            continue
        obj, code, comment = m.groups()
        if code.startswith("01"):
            continue
        objects = synsets.get(obj, []) if obj.startswith("&") else [obj]
        if not all(WORD.fullmatch(o) for o in objects):
            continue
        mapped, own = lookup(tab, code), lookup(own_types, code)
        if own and (not mapped or mapped[0] != own):
            mapped = (own, "", mapped[2] if mapped else "")
        if not mapped:
            continue
        ty, mode, context = mapped
        # The comment names the verb(s) the pattern belongs to; phrasal verbs ("WIPE_OUT") are left out.
        for verb in re.findall(r"[A-Z_]+", comment.split("#")[0])[:3]:
            if verb not in block_verbs:
                continue
            verb = verb.lower()
            if len(verb) < 3 or verb in verbs:
                continue
            for o in objects:
                if (o.lower(), ty) in nouns or (o.lower().rstrip("s"), ty) in nouns:
                    continue
                key = f"{verb} {o.lower()}"
                if key not in pairs:
                    rows.setdefault(key, (ty, mode or "_", context or "_", code))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# Verb–object event triggers generated by tools/cameo_patterns.py (do not edit by hand) from the\n"
            "# PETRARCH2 CAMEO.2.0 verb dictionary (openeventdata/petrarch2, Copyright (c) 2015 Open Event Data\n"
            "# Alliance, MIT, see cameo.LICENSE): its simple patterns \"- * OBJECT [code] # VERB\". Each row's\n"
            "# PLOVER type, mode and context come from the CAMEO2PLOVER-2021 table (openeventdata/PLOVER, Copyright\n"
            "# Open Event Data Alliance, CC BY-SA 4.0), so this file is CC BY-SA 4.0 (share-alike: this file only).\n"
            "# Format of triggers.tsv; read after it and triggers_cameo.tsv.\n"
        )
        for key in sorted(rows):
            ty, mode, context, code = rows[key]
            out.write(f"{key}\tV\t{ty}\t{mode}\t{context}\t{code}\n")
    print(f"{len(rows)} rows -> {OUT}")


main()
