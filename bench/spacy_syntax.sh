#!/usr/bin/env bash
# spaCy en_core_web_sm side by side with Dossier's tagger/parser on UD English-EWT (gold tokenization):
# UPOS, XPOS and lemma accuracy, UAS (spaCy uses its own label set, so LAS is not comparable), tokens/s.
# Creates bench/.venv on first use.
#   bash bench/spacy_syntax.sh [SHARED_EVAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL="${1:-../shared/eval}"
source bench/spacy_venv.sh
for split in dev test; do
  F="$EVAL/corpora/ud-en-ewt/en_ewt-ud-$split.conllu"
  nice -n 10 "$VENV/bin/python" bench/spacy_syntax.py "$F"
done
cargo build -q --release -p dossier-syntax --example syntax_eval --example syntax_bench
for split in dev test; do
  target/release/examples/syntax_eval "$EVAL/corpora/ud-en-ewt/en_ewt-ud-$split.conllu"
done
target/release/examples/syntax_bench "$EVAL/corpora/ud-en-ewt/en_ewt-ud-test.conllu"
