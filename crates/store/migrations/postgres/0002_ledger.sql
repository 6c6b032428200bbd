-- PostgreSQL twin of ../sqlite/0002_ledger.sql.
CREATE TABLE ledger (
    id            BIGSERIAL PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start         BIGINT NOT NULL,
    "end"         BIGINT NOT NULL,
    text          TEXT NOT NULL,
    cue           TEXT NOT NULL,
    class         TEXT,
    polarity      TEXT NOT NULL DEFAULT 'positive',
    holder        TEXT NOT NULL,
    holder_entity TEXT,
    yardstick     TEXT,
    term          TEXT,
    p_low         DOUBLE PRECISION,
    p_high        DOUBLE PRECISION,
    p_point       DOUBLE PRECISION,
    due           TEXT,
    due_source    TEXT,
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'true', 'false', 'annulled')),
    added_at      TEXT NOT NULL,
    UNIQUE (doc_id, start, "end")
);
CREATE INDEX ledger_holder ON ledger(holder);
CREATE INDEX ledger_status_due ON ledger(status, due);

CREATE TABLE ledger_resolutions (
    id          BIGSERIAL PRIMARY KEY,
    entry_id    BIGINT NOT NULL REFERENCES ledger(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('open', 'true', 'false', 'annulled')),
    evidence    TEXT,
    note        TEXT,
    resolved_at TEXT NOT NULL
);
CREATE INDEX ledger_resolutions_entry ON ledger_resolutions(entry_id);
