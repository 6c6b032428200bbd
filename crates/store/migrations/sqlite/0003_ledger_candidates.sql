-- The forecast judgments the ledger copies (crates/judgment/src/ledger.rs `sync`), one row each, with the
-- columns of `ledger`. A view per engine keeps the JSON access out of the ledger's SQL.
CREATE VIEW ledger_candidates AS
    SELECT a.doc_id, a.start, a."end", coalesce(a.text, '') AS text,
           coalesce(a.data ->> '$.cue.text', '') AS cue, a.data ->> '$.class' AS class,
           coalesce(a.data ->> '$.polarity', 'positive') AS polarity,
           coalesce(a.data ->> '$.holder', 'author') AS holder, s.data ->> '$.speaker_entity' AS holder_entity,
           a.data ->> '$.probability.yardstick' AS yardstick, a.data ->> '$.probability.term' AS term,
           a.data ->> '$.probability.low' AS p_low, a.data ->> '$.probability.high' AS p_high,
           a.data ->> '$.probability.point' AS p_point, a.data ->> '$.due' AS due,
           a.data ->> '$.due_source' AS due_source
    FROM annotations a
    LEFT JOIN annotations s ON s.doc_id = a.doc_id AND s.layer = 'statements'
        AND s.idx = a.data ->> '$.statement'
    WHERE a.layer = 'judgments' AND a.data ->> '$.kind' = 'forecast' AND a.start IS NOT NULL;
