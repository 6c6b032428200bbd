-- Documents, one row per version. `id` is the content hash; a changed file at the same `source`
-- becomes a new row whose `version` is one more, and the old row gets `superseded_by`.
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    source        TEXT,
    version       INTEGER NOT NULL DEFAULT 1,
    superseded_by TEXT REFERENCES documents(id),
    title         TEXT,
    publisher     TEXT,
    dct           TEXT,
    dct_source    TEXT NOT NULL,
    ingested_at   TEXT NOT NULL,
    text          TEXT NOT NULL,
    -- The document's layers as serialized by dossier-model (byte spans), without the text.
    layers        TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);

-- Sentences with character offsets, for full-text search.
CREATE TABLE sentences (
    id      INTEGER PRIMARY KEY,
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    UNIQUE (doc_id, idx)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

-- Every item of every typed layer, as in the JSON interchange format (character offsets, text, and
-- the item's whole JSON object in `data`). The views below give each layer its own columns.
CREATE TABLE annotations (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer   TEXT NOT NULL,
    idx     INTEGER NOT NULL,
    start   INTEGER,
    "end"   INTEGER,
    text    TEXT,
    data    TEXT NOT NULL,
    PRIMARY KEY (doc_id, layer, idx)
);
CREATE INDEX annotations_layer ON annotations(layer);

CREATE VIEW timexes AS
    SELECT doc_id, start, "end", text, data ->> '$.type' AS type, data ->> '$.value' AS value,
           data ->> '$.mod' AS mod
    FROM annotations WHERE layer = 'timexes';
CREATE VIEW quantities AS
    SELECT doc_id, start, "end", text, data ->> '$.value' AS value, data ->> '$.unit' AS unit,
           data ->> '$.bound' AS bound, data ->> '$.counted' AS counted
    FROM annotations WHERE layer = 'quantities';
CREATE VIEW entity_mentions AS
    SELECT a.doc_id, m.value ->> '$.start' AS start, m.value ->> '$.end' AS "end", m.value ->> '$.text' AS text,
           a.data ->> '$.kb_id' AS kb_id, a.data ->> '$.name' AS name, a.data ->> '$.type' AS type,
           a.data ->> '$.country' AS country
    FROM annotations a, json_each(a.data, '$.mentions') m WHERE a.layer = 'entities';
CREATE VIEW events AS
    SELECT doc_id, start, "end", text, data ->> '$.event_type' AS event_type, data ->> '$.mode' AS mode,
           data ->> '$.time' AS time, data ->> '$.status' AS status
    FROM annotations WHERE layer = 'events';
CREATE VIEW statements AS
    SELECT doc_id, start, "end", text, data ->> '$.speaker' AS speaker, data ->> '$.cue.text' AS cue
    FROM annotations WHERE layer = 'statements';
CREATE VIEW judgments AS
    SELECT doc_id, start, "end", text, data ->> '$.kind' AS kind, data ->> '$.cue.text' AS cue,
           data ->> '$.probability.low' AS p_low, data ->> '$.probability.high' AS p_high,
           data ->> '$.holder' AS holder, data ->> '$.due' AS due
    FROM annotations WHERE layer = 'judgments';
