-- PostgreSQL twin of ../sqlite/0001_documents.sql: the same tables, columns and views, so that the same
-- queries run on both engines. Differences: integers are BIGINT; search uses a tsvector over `folded`
-- (the sentence in lower case without diacritics, folded by Dossier) instead of FTS5; `data` is JSON
-- text read through `::jsonb` in the views, whose JSON numbers come out as text.
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    source        TEXT,
    version       BIGINT NOT NULL DEFAULT 1,
    superseded_by TEXT REFERENCES documents(id),
    title         TEXT,
    publisher     TEXT,
    dct           TEXT,
    dct_source    TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,
    text          TEXT NOT NULL,
    layers        TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE sentences (
    id      BIGSERIAL PRIMARY KEY,
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     BIGINT NOT NULL,
    start   BIGINT NOT NULL,
    "end"   BIGINT NOT NULL,
    text    TEXT NOT NULL,
    folded  TEXT NOT NULL,
    fts     tsvector GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED,
    UNIQUE (doc_id, idx)
);
CREATE INDEX sentences_fts ON sentences USING gin (fts);

CREATE TABLE annotations (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer   TEXT NOT NULL,
    idx     BIGINT NOT NULL,
    start   BIGINT,
    "end"   BIGINT,
    text    TEXT,
    data    TEXT NOT NULL,
    PRIMARY KEY (doc_id, layer, idx)
);
CREATE INDEX annotations_layer ON annotations(layer);

CREATE VIEW timexes AS
    SELECT doc_id, start, "end", text, data::jsonb ->> 'type' AS type, data::jsonb ->> 'value' AS value,
           data::jsonb ->> 'mod' AS mod
    FROM annotations WHERE layer = 'timexes';
CREATE VIEW quantities AS
    SELECT doc_id, start, "end", text, data::jsonb ->> 'value' AS value, data::jsonb ->> 'unit' AS unit,
           data::jsonb ->> 'bound' AS bound, data::jsonb ->> 'counted' AS counted
    FROM annotations WHERE layer = 'quantities';
CREATE VIEW entity_mentions AS
    SELECT a.doc_id, (m ->> 'start')::bigint AS start, (m ->> 'end')::bigint AS "end", m ->> 'text' AS text,
           a.data::jsonb ->> 'kb_id' AS kb_id, a.data::jsonb ->> 'name' AS name,
           a.data::jsonb ->> 'type' AS type, a.data::jsonb ->> 'country' AS country
    FROM annotations a CROSS JOIN LATERAL jsonb_array_elements(a.data::jsonb -> 'mentions') m
    WHERE a.layer = 'entities';
CREATE VIEW events AS
    SELECT doc_id, start, "end", text, data::jsonb ->> 'event_type' AS event_type,
           data::jsonb ->> 'mode' AS mode, data::jsonb ->> 'time' AS time, data::jsonb ->> 'status' AS status
    FROM annotations WHERE layer = 'events';
CREATE VIEW statements AS
    SELECT doc_id, start, "end", text, data::jsonb ->> 'speaker' AS speaker,
           data::jsonb #>> '{cue,text}' AS cue
    FROM annotations WHERE layer = 'statements';
CREATE VIEW judgments AS
    SELECT doc_id, start, "end", text, data::jsonb ->> 'kind' AS kind, data::jsonb #>> '{cue,text}' AS cue,
           (data::jsonb #>> '{probability,low}')::float8 AS p_low,
           (data::jsonb #>> '{probability,high}')::float8 AS p_high,
           data::jsonb ->> 'holder' AS holder, data::jsonb ->> 'due' AS due
    FROM annotations WHERE layer = 'judgments';
