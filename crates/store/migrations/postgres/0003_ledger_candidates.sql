-- PostgreSQL twin of ../sqlite/0003_ledger_candidates.sql.
CREATE VIEW ledger_candidates AS
    SELECT a.doc_id, a.start, a."end", coalesce(a.text, '') AS text,
           coalesce(a.data::jsonb #>> '{cue,text}', '') AS cue, a.data::jsonb ->> 'class' AS class,
           coalesce(a.data::jsonb ->> 'polarity', 'positive') AS polarity,
           coalesce(a.data::jsonb ->> 'holder', 'author') AS holder,
           s.data::jsonb ->> 'speaker_entity' AS holder_entity,
           a.data::jsonb #>> '{probability,yardstick}' AS yardstick,
           a.data::jsonb #>> '{probability,term}' AS term,
           (a.data::jsonb #>> '{probability,low}')::float8 AS p_low,
           (a.data::jsonb #>> '{probability,high}')::float8 AS p_high,
           (a.data::jsonb #>> '{probability,point}')::float8 AS p_point,
           a.data::jsonb ->> 'due' AS due, a.data::jsonb ->> 'due_source' AS due_source
    FROM annotations a
    LEFT JOIN annotations s ON s.doc_id = a.doc_id AND s.layer = 'statements'
        AND s.idx = (a.data::jsonb ->> 'statement')::bigint
    WHERE a.layer = 'judgments' AND a.data::jsonb ->> 'kind' = 'forecast' AND a.start IS NOT NULL;
