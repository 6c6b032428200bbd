#!/usr/bin/env bash
# spaCy en_core_web_sm side by side with Dossier on re3d and UNER English-EWT (dev, test), same texts,
# same scorer (crates/entity/src/eval.rs). Creates bench/.venv on first use.
#   bash bench/spacy_ner.sh [SHARED_EVAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL="${1:-../shared/eval}"
source bench/spacy_venv.sh
cargo build -q --release -p dossier-entity --example eval_ner
BIN=target/release/examples/eval_ner
TMP=$(mktemp -d)
"$BIN" export re3d "$EVAL/entities/re3d" "$TMP/re3d.jsonl"
nice -n 10 "$VENV/bin/python" bench/spacy_ner.py re3d "$TMP/re3d.jsonl" "$TMP/re3d.pred.jsonl"
"$BIN" score re3d "$EVAL/entities/re3d" "$TMP/re3d.pred.jsonl" "spaCy en_core_web_sm"
for split in dev test; do
  G="$EVAL/entities/uner-en-ewt/en_ewt-ud-$split.iob2"
  "$BIN" export uner "$G" "$TMP/uner-$split.jsonl"
  nice -n 10 "$VENV/bin/python" bench/spacy_ner.py uner "$TMP/uner-$split.jsonl" "$TMP/uner-$split.pred.jsonl"
  "$BIN" score uner "$G" "$TMP/uner-$split.pred.jsonl" "spaCy en_core_web_sm"
done
"$BIN" "$EVAL"
rm -rf "$TMP"
