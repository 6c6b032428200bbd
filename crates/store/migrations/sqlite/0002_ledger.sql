-- The forecast ledger (crates/judgment/src/ledger.rs, docs/ledger.md): one row per forecast judgment,
-- copied from the `judgments` layer, with its resolution status. Character offsets as in `annotations`.
CREATE TABLE ledger (
    id            INTEGER PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    text          TEXT NOT NULL,
    cue           TEXT NOT NULL,
    class         TEXT,
    polarity      TEXT NOT NULL DEFAULT 'positive',
    -- `author` or the speaker as written; `holder_entity` is the speaker's entity id when linked.
    holder        TEXT NOT NULL,
    holder_entity TEXT,
    yardstick     TEXT,
    term          TEXT,
    p_low         REAL,
    p_high        REAL,
    p_point       REAL,
    due           TEXT,
    due_source    TEXT,
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'true', 'false', 'annulled')),
    added_at      TEXT NOT NULL,
    UNIQUE (doc_id, start, "end")
);
CREATE INDEX ledger_holder ON ledger(holder);
CREATE INDEX ledger_status_due ON ledger(status, due);

-- Every resolution recorded, oldest first; `ledger.status` is the latest.
CREATE TABLE ledger_resolutions (
    id          INTEGER PRIMARY KEY,
    entry_id    INTEGER NOT NULL REFERENCES ledger(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('open', 'true', 'false', 'annulled')),
    evidence    TEXT,
    note        TEXT,
    resolved_at TEXT NOT NULL
);
CREATE INDEX ledger_resolutions_entry ON ledger_resolutions(entry_id);
