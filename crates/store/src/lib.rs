//! Dossier's store: documents, their versions and layers, full-text search, on one of two engines
//! behind one interface: SQLite (bundled; one file, write-ahead log; the default) or PostgreSQL (a
//! server, for teams: [`Store::connect`] with a `postgres://` URL).
//!
//! Documents are keyed by content hash, so storing the same content twice is a no-op; a changed file
//! at the same source becomes a new version and the old one is kept. One transaction per document.
//! Sentences are indexed for full-text search (FTS5 on SQLite, a `tsvector` on PostgreSQL). Every item
//! of every layer is a row of `annotations` in its interchange JSON form, with one SQL view per layer
//! (`timexes`, `quantities`, `entity_mentions`, `events`, `statements`, `judgments`), so analysts can
//! query the store with plain SQL on either engine.
//!
//! Schema changes are numbered SQL files in `crates/store/migrations/{sqlite,postgres}/`, one twin per
//! engine, applied in order and recorded in `PRAGMA user_version` (SQLite) or `dossier_schema`
//! (PostgreSQL). Crates that keep their own tables here (the forecast ledger) use the same small SQL
//! interface: [`Store::query`], [`Store::execute`], [`Store::transaction`].

mod db;

use std::path::Path;

use dossier_model::{CharMap, Document};
use serde_json::Value;

use db::Db;
pub use db::{Engine, Rows, SqlValue};

/// Numbered schema migrations, applied in order: (name, SQLite SQL, PostgreSQL SQL). Append; never
/// edit one that has shipped.
const MIGRATIONS: &[(&str, &str, &str)] = &[
    (
        "0001_documents",
        include_str!("../migrations/sqlite/0001_documents.sql"),
        include_str!("../migrations/postgres/0001_documents.sql"),
    ),
    // The forecast ledger of crates/judgment.
    (
        "0002_ledger",
        include_str!("../migrations/sqlite/0002_ledger.sql"),
        include_str!("../migrations/postgres/0002_ledger.sql"),
    ),
    (
        "0003_ledger_candidates",
        include_str!("../migrations/sqlite/0003_ledger_candidates.sql"),
        include_str!("../migrations/postgres/0003_ledger_candidates.sql"),
    ),
];

/// The layers stored as rows of `annotations`.
pub const LAYERS: &[&str] = &[
    "timexes",
    "entities",
    "quantities",
    "events",
    "statements",
    "judgments",
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("stored layers are unreadable: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What [`Store::put`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PutOutcome {
    /// New content; `version` is 1 for a new source, more for a changed one.
    Inserted { version: u32 },
    /// The same content is already stored.
    Unchanged,
}

/// One row of the document list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSummary {
    pub id: String,
    pub source: Option<String>,
    pub version: u32,
    pub title: Option<String>,
    pub dct: Option<String>,
    pub dct_source: String,
    pub sentences: u64,
    /// Item count per layer, in [`LAYERS`] order.
    pub layer_counts: Vec<(String, u64)>,
}

/// One full-text search hit.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub doc_id: String,
    pub title: Option<String>,
    pub dct: Option<String>,
    /// Character offsets of the sentence in its document.
    pub start: u64,
    pub end: u64,
    /// The sentence with each match between [`Hit::MATCH_START`] and [`Hit::MATCH_END`].
    pub marked: String,
}

impl Hit {
    /// Opens a match in [`Hit::marked`] (a control character, so that no text can be mistaken for it).
    pub const MATCH_START: char = '\u{2}';
    /// Closes a match in [`Hit::marked`].
    pub const MATCH_END: char = '\u{3}';

    /// The sentence with matches between `open` and `close` (e.g. `[` and `]`, or HTML tags applied
    /// after escaping the text with `escape`). Tags always balance, even if the text itself held a marker
    /// character.
    pub fn snippet(&self, open: &str, close: &str, escape: impl Fn(&str) -> String) -> String {
        let mut out = String::with_capacity(self.marked.len() + 16);
        let mut inside = false;
        let mut rest = self.marked.as_str();
        while let Some(k) = rest.find([Hit::MATCH_START, Hit::MATCH_END]) {
            out.push_str(&escape(&rest[..k]));
            let opens = rest[k..].starts_with(Hit::MATCH_START);
            if opens != inside {
                out.push_str(if opens { open } else { close });
                inside = opens;
            }
            rest = &rest[k + 1..];
        }
        out.push_str(&escape(rest));
        if inside {
            out.push_str(close);
        }
        out
    }
}

/// Whose mentions [`Store::entity_mentions`] lists.
#[derive(Clone, Copy, Debug)]
pub enum MentionsOf<'a> {
    /// A knowledge-base entity by id.
    Kb(&'a str),
    /// A name outside the knowledge base, optionally of one entity type.
    Name {
        name: &'a str,
        kind: Option<&'a str>,
    },
}

/// A stored mention of an entity with its document and sentence, as `dossier entity` lists them.
#[derive(Clone, Debug, PartialEq)]
pub struct MentionHit {
    pub doc_id: String,
    pub dct: Option<String>,
    pub title: Option<String>,
    /// Character offsets of the mention in its document.
    pub start: u64,
    pub end: u64,
    pub text: String,
    /// The sentence the mention stands in.
    pub sentence: String,
}

pub struct Store {
    db: Db,
}

impl Store {
    /// Opens (creating if needed) the SQLite database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Invalid(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
        let conn = rusqlite::Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Store::init_sqlite(conn)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::init_sqlite(rusqlite::Connection::open_in_memory()?)
    }

    /// Connects to a PostgreSQL database (`postgres://user:password@host:port/dbname`, or libpq's
    /// `host=… user=… dbname=…` form) and brings its schema up to date.
    pub fn connect(params: &str) -> Result<Store> {
        let mut store = Store {
            db: Db::connect_postgres(params)?,
        };
        store.migrate()?;
        Ok(store)
    }

    /// A PostgreSQL URL or connection string (see [`Store::connect`]), else a SQLite file path.
    pub fn open_location(location: &str) -> Result<Store> {
        if is_postgres_location(location) {
            Store::connect(location)
        } else {
            Store::open(Path::new(location))
        }
    }

    fn init_sqlite(conn: rusqlite::Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let mut store = Store {
            db: Db::Sqlite(conn),
        };
        store.migrate()?;
        Ok(store)
    }

    pub fn engine(&self) -> Engine {
        self.db.engine()
    }

    fn migrate(&mut self) -> Result<()> {
        // PostgreSQL: one process migrates at a time (an advisory lock held to the end of the
        // transaction), and the version lives in a table.
        if self.engine() == Engine::Postgres {
            self.db.batch(
                "CREATE TABLE IF NOT EXISTS dossier_schema (version BIGINT NOT NULL);
                 INSERT INTO dossier_schema SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM dossier_schema);",
            )?;
        }
        loop {
            let done = self.transaction(|s| {
                if s.engine() == Engine::Postgres {
                    s.execute("SELECT pg_advisory_xact_lock(4242424242)", &[])?;
                }
                let current = s.schema_version()? as usize;
                if current > MIGRATIONS.len() {
                    return Err(StoreError::Invalid(format!(
                        "database schema version {current} is newer than this dossier ({}); upgrade dossier",
                        MIGRATIONS.len()
                    )));
                }
                let Some((_, sqlite, postgres)) = MIGRATIONS.get(current) else {
                    return Ok(true);
                };
                match s.engine() {
                    Engine::Sqlite => {
                        s.db.batch(sqlite)?;
                        s.db.batch(&format!("PRAGMA user_version = {}", current + 1))?;
                    }
                    Engine::Postgres => {
                        s.db.batch(postgres)?;
                        s.execute(
                            "UPDATE dossier_schema SET version = ?1",
                            &[SqlValue::Int(current as i64 + 1)],
                        )?;
                    }
                }
                Ok(false)
            })?;
            if done {
                return Ok(());
            }
        }
    }

    pub fn schema_version(&self) -> Result<u32> {
        let sql = match self.engine() {
            Engine::Sqlite => "PRAGMA user_version",
            Engine::Postgres => "SELECT version FROM dossier_schema",
        };
        Ok(self
            .query_one(sql, &[])?
            .and_then(|v| v.as_i64())
            .unwrap_or(0) as u32)
    }

    /// Runs one statement and returns its rows. Placeholders are `?1`, `?2`, … on both engines.
    pub fn query(&self, sql: &str, params: &[SqlValue]) -> Result<Rows> {
        self.db.query(sql, params)
    }

    /// The first cell of the first row, if any.
    pub fn query_one(&self, sql: &str, params: &[SqlValue]) -> Result<Option<SqlValue>> {
        Ok(self
            .query(sql, params)?
            .rows
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next()))
    }

    /// Runs one statement; returns the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &[SqlValue]) -> Result<u64> {
        self.db.execute(sql, params)
    }

    /// Runs `f` in a transaction: committed if it returns `Ok`, rolled back otherwise.
    pub fn transaction<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.db.batch("BEGIN")?;
        match f(self) {
            Ok(v) => {
                self.db.batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                // The error that caused the rollback is the one to report.
                let _ = self.db.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Runs an analyst's query without letting it change anything; every cell comes back as the engine
    /// prints it.
    pub fn query_read_only(&mut self, sql: &str) -> Result<Rows> {
        match self.engine() {
            Engine::Sqlite => {
                self.db.batch("PRAGMA query_only = ON")?;
                let rows = self.db.query_text(sql);
                self.db.batch("PRAGMA query_only = OFF")?;
                rows
            }
            Engine::Postgres => {
                self.db.batch("BEGIN READ ONLY")?;
                let rows = self.db.query_text(sql);
                self.db.batch("ROLLBACK")?;
                rows
            }
        }
    }

    /// Stores a document and all its layers in one transaction.
    pub fn put(&mut self, doc: &Document) -> Result<PutOutcome> {
        self.transaction(|s| s.put_in(doc))
    }

    /// Loads a document with all its layers.
    pub fn get(&self, id: &str) -> Result<Option<Document>> {
        let rows = self.query(
            "SELECT text, layers FROM documents WHERE id = ?1",
            &[id.into()],
        )?;
        let Some(mut row) = rows.rows.into_iter().next() else {
            return Ok(None);
        };
        let layers = row
            .pop()
            .and_then(SqlValue::into_string)
            .unwrap_or_default();
        let text = row
            .pop()
            .and_then(SqlValue::into_string)
            .unwrap_or_default();
        let mut value: Value = serde_json::from_str(&layers)?;
        value["text"] = Value::String(text);
        Ok(Some(serde_json::from_value(value)?))
    }

    /// Resolves a document id prefix (as printed by `dossier docs`) to the full id.
    pub fn resolve_id(&self, prefix: &str) -> Result<String> {
        let ids = self.query(
            "SELECT id FROM documents WHERE id LIKE ?1 || '%' LIMIT 2",
            &[prefix.into()],
        )?;
        let mut ids: Vec<String> = ids
            .rows
            .into_iter()
            .filter_map(|r| r.into_iter().next().and_then(SqlValue::into_string))
            .collect();
        match ids.len() {
            1 => Ok(ids.pop().unwrap_or_default()),
            0 => Err(StoreError::Invalid(format!("no document with id {prefix}"))),
            _ => Err(StoreError::Invalid(format!(
                "document id {prefix} is ambiguous"
            ))),
        }
    }

    /// The latest version of every document, by DCT (unknown last) then source.
    pub fn documents(&self) -> Result<Vec<DocSummary>> {
        let rows = self.query(
            "SELECT d.id, d.source, d.version, d.title, d.dct, d.dct_source,
                    (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)
             FROM documents d WHERE d.superseded_by IS NULL
             ORDER BY d.dct IS NULL, d.dct, d.source",
            &[],
        )?;
        let mut docs = Vec::new();
        for r in rows.rows {
            let mut c = Cells(r.into_iter());
            let id = c.text();
            let counts = self.query(
                "SELECT layer, count(*) FROM annotations WHERE doc_id = ?1 GROUP BY layer",
                &[id.as_str().into()],
            )?;
            let counts: Vec<(String, u64)> = counts
                .rows
                .into_iter()
                .map(|r| {
                    let mut c = Cells(r.into_iter());
                    (c.text(), c.int() as u64)
                })
                .collect();
            docs.push(DocSummary {
                id,
                source: c.opt_text(),
                version: c.int() as u32,
                title: c.opt_text(),
                dct: c.opt_text(),
                dct_source: c.text(),
                sentences: c.int() as u64,
                layer_counts: LAYERS
                    .iter()
                    .map(|l| {
                        let n = counts.iter().find(|(n, _)| n == l).map_or(0, |(_, c)| *c);
                        (l.to_string(), n)
                    })
                    .collect(),
            });
        }
        Ok(docs)
    }

    /// Full-text search over the sentences of the latest document versions, best matches first.
    ///
    /// Plain words are matched as words (all must occur), ignoring case and diacritics. On SQLite a
    /// query with FTS5 syntax (`"…"`, `AND`, `OR`, `NOT`, `NEAR`, `*`) is passed through; on
    /// PostgreSQL, web-search syntax applies (`"…"`, `OR`, `-word`).
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        if query.trim().is_empty() {
            return Err(StoreError::Invalid("empty search query".into()));
        }
        let limit = SqlValue::Int(limit.min(i64::MAX as usize) as i64);
        let rows = match self.engine() {
            Engine::Sqlite => self
                .query(
                    "SELECT s.doc_id, d.title, d.dct, s.start, s.\"end\",
                            highlight(sentences_fts, 0, char(2), char(3))
                     FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
                     JOIN documents d ON d.id = s.doc_id
                     WHERE sentences_fts MATCH ?1 AND d.superseded_by IS NULL
                     ORDER BY bm25(sentences_fts), d.dct DESC LIMIT ?2",
                    &[fts_query(query).into(), limit],
                )
                .map_err(|e| match e {
                    // SQLITE_ERROR from MATCH: the query did not parse ("unterminated string", …).
                    StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, msg))
                        if f.code == rusqlite::ErrorCode::Unknown =>
                    {
                        StoreError::Invalid(format!(
                            "bad search query {query:?}: {}",
                            msg.unwrap_or_default()
                        ))
                    }
                    e => e,
                })?,
            Engine::Postgres => {
                let folded = dossier_model::fold::fold(query);
                let mut rows = self.query(
                    "SELECT s.doc_id, d.title, d.dct, s.start, s.\"end\", s.text
                     FROM sentences s JOIN documents d ON d.id = s.doc_id
                     WHERE s.fts @@ websearch_to_tsquery('simple', ?1) AND d.superseded_by IS NULL
                     ORDER BY ts_rank(s.fts, websearch_to_tsquery('simple', ?1)) DESC, d.dct DESC
                     LIMIT ?2",
                    &[folded.as_str().into(), limit],
                )?;
                for r in &mut rows.rows {
                    if let Some(SqlValue::Text(t)) = r.last_mut() {
                        *t = mark_words(t, &folded);
                    }
                }
                rows
            }
        };
        Ok(rows
            .rows
            .into_iter()
            .map(|r| {
                let mut c = Cells(r.into_iter());
                Hit {
                    doc_id: c.text(),
                    title: c.opt_text(),
                    dct: c.opt_text(),
                    start: c.int() as u64,
                    end: c.int() as u64,
                    marked: c.text(),
                }
            })
            .collect())
    }

    /// Mentions of a knowledge-base entity (`kb_id`), or of a name outside the knowledge base (`name`,
    /// case-insensitive, optionally of one entity `kind`), in the latest document versions: newest
    /// document first, at most `limit`.
    pub fn entity_mentions(&self, who: MentionsOf<'_>, limit: usize) -> Result<Vec<MentionHit>> {
        let limit = SqlValue::Int(limit.min(i64::MAX as usize) as i64);
        let (filter, params) = match who {
            MentionsOf::Kb(id) => ("m.kb_id = ?1", vec![id.into(), limit]),
            MentionsOf::Name { name, kind: None } => (
                "m.kb_id IS NULL AND lower(m.name) = lower(?1)",
                vec![name.into(), limit],
            ),
            MentionsOf::Name {
                name,
                kind: Some(kind),
            } => (
                "m.kb_id IS NULL AND lower(m.name) = lower(?1) AND m.type = ?3",
                vec![name.into(), limit, kind.into()],
            ),
        };
        let sql = format!(
            "SELECT m.doc_id, d.dct, d.title, m.start, m.\"end\", m.text,
                    (SELECT s.text FROM sentences s WHERE s.doc_id = m.doc_id AND s.start <= m.start
                     AND m.\"end\" <= s.\"end\" LIMIT 1)
             FROM entity_mentions m JOIN documents d ON d.id = m.doc_id
             WHERE d.superseded_by IS NULL AND {filter}
             ORDER BY d.dct IS NULL, d.dct DESC, m.doc_id, m.start LIMIT ?2"
        );
        Ok(self
            .query(&sql, &params)?
            .rows
            .into_iter()
            .map(|r| {
                let mut c = Cells(r.into_iter());
                MentionHit {
                    doc_id: c.text(),
                    dct: c.opt_text(),
                    title: c.opt_text(),
                    start: c.int() as u64,
                    end: c.int() as u64,
                    text: c.text(),
                    sentence: c.text(),
                }
            })
            .collect())
    }

    fn put_in(&mut self, doc: &Document) -> Result<PutOutcome> {
        let m = &doc.meta;
        if !self
            .query(
                "SELECT 1 FROM documents WHERE id = ?1",
                &[m.id.as_str().into()],
            )?
            .rows
            .is_empty()
        {
            return Ok(PutOutcome::Unchanged);
        }
        let previous: Option<(String, u32)> = match &m.source {
            Some(src) => self
                .query(
                    "SELECT id, version FROM documents WHERE source = ?1 AND superseded_by IS NULL",
                    &[src.as_str().into()],
                )?
                .rows
                .into_iter()
                .next()
                .map(|r| {
                    let mut c = Cells(r.into_iter());
                    (c.text(), c.int() as u32)
                }),
            None => None,
        };
        let version = previous.as_ref().map_or(1, |(_, v)| v + 1);
        let mut layers = serde_json::to_value(doc)?;
        if let Value::Object(map) = &mut layers {
            map.remove("text");
        }
        self.execute(
            "INSERT INTO documents (id, source, version, title, publisher, dct, dct_source, ingested_at, text, layers)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            &[
                m.id.as_str().into(),
                m.source.as_deref().into(),
                SqlValue::Int(version.into()),
                m.title.as_deref().into(),
                m.publisher.as_deref().into(),
                m.dct.value.as_deref().into(),
                m.dct.source.as_str().into(),
                chrono::Utc::now().to_rfc3339().into(),
                doc.text.as_str().into(),
                serde_json::to_string(&layers)?.into(),
            ],
        )?;
        if let Some((old, _)) = previous {
            self.execute(
                "UPDATE documents SET superseded_by = ?1 WHERE id = ?2",
                &[m.id.as_str().into(), old.into()],
            )?;
        }
        let chars = CharMap::new(&doc.text);
        let postgres = self.engine() == Engine::Postgres;
        for (i, s) in doc.sentences.iter().enumerate() {
            let text = doc.slice(s.span);
            let mut row = vec![
                m.id.as_str().into(),
                SqlValue::Int(i as i64),
                SqlValue::Int(chars.char_of(s.span.start) as i64),
                SqlValue::Int(chars.char_of(s.span.end) as i64),
                text.into(),
            ];
            if postgres {
                // PostgreSQL indexes the folded text (SQLite's FTS5 tokenizer folds by itself).
                row.push(dossier_model::fold::fold(text).into());
                self.execute(
                    "INSERT INTO sentences (doc_id, idx, start, \"end\", text, folded)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    &row,
                )?;
            } else {
                self.execute(
                    "INSERT INTO sentences (doc_id, idx, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
                    &row,
                )?;
            }
        }
        if !postgres {
            self.execute(
                "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE doc_id = ?1",
                &[m.id.as_str().into()],
            )?;
        }
        let json = doc.to_json(false);
        for layer in LAYERS {
            let Some(items) = json[*layer].as_array() else {
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                self.execute(
                    "INSERT INTO annotations (doc_id, layer, idx, start, \"end\", text, data)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    &[
                        m.id.as_str().into(),
                        (*layer).into(),
                        SqlValue::Int(i as i64),
                        item["start"].as_i64().into(),
                        item["end"].as_i64().into(),
                        item["text"].as_str().into(),
                        serde_json::to_string(item)?.into(),
                    ],
                )?;
            }
        }
        Ok(PutOutcome::Inserted { version })
    }
}

/// Whether a `--db` location names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_location(location: &str) -> bool {
    location.starts_with("postgres://")
        || location.starts_with("postgresql://")
        || (location.contains('=')
            && location.split_whitespace().all(|kv| {
                kv.split_once('=').is_some_and(|(k, _)| {
                    !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                })
            }))
}

/// A store location fit to print or log: a PostgreSQL password is masked, in URL
/// (`postgres://user:secret@host/db`) and in key=value form (`password=secret`).
pub fn display_location(location: &str) -> String {
    if !is_postgres_location(location) {
        return location.to_string();
    }
    if let (Some(scheme), Some(at)) = (location.find("://"), location.rfind('@')) {
        if let Some(colon) = location[scheme + 3..at].find(':') {
            let colon = scheme + 3 + colon;
            return format!("{}:***{}", &location[..colon], &location[at..]);
        }
        return location.to_string();
    }
    location
        .split_whitespace()
        .map(|kv| match kv.split_once('=') {
            Some(("password", _)) => "password=***".to_string(),
            _ => kv.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads the cells of one row in order.
struct Cells(std::vec::IntoIter<SqlValue>);

impl Cells {
    fn opt_text(&mut self) -> Option<String> {
        self.0.next().and_then(SqlValue::into_string)
    }
    fn text(&mut self) -> String {
        self.opt_text().unwrap_or_default()
    }
    fn int(&mut self) -> i64 {
        self.0.next().and_then(|v| v.as_i64()).unwrap_or(0)
    }
}

/// Turns a user query into an FTS5 query: bare words become quoted terms so that "Iskander-M" or
/// "S-400" search as written instead of as FTS operators.
fn fts_query(query: &str) -> String {
    let q = query.trim();
    let has_syntax = q.contains('"')
        || q.ends_with('*')
        || q.split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT") || w.starts_with("NEAR("));
    if has_syntax {
        return q.to_string();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Puts [`Hit::MATCH_START`] / [`Hit::MATCH_END`] around the words of `text` whose folded form is a word
/// of the (folded) query: PostgreSQL's own highlighter would mark the folded text, not the original.
fn mark_words(text: &str, folded_query: &str) -> String {
    let terms: Vec<&str> = folded_query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "or" | "and"))
        .collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(i, _)| i);
        if word_len == 0 {
            let c = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..c]);
            rest = &rest[c..];
            continue;
        }
        let word = &rest[..word_len];
        if terms.contains(&dossier_model::fold::fold(word).as_str()) {
            out.push(Hit::MATCH_START);
            out.push_str(word);
            out.push(Hit::MATCH_END);
        } else {
            out.push_str(word);
        }
        rest = &rest[word_len..];
    }
    // Matched parts of one designation ("Iskander-M", "S-400") make one match.
    for joiner in ["-", "'", "’", ".", "/"] {
        let split = format!("{}{joiner}{}", Hit::MATCH_END, Hit::MATCH_START);
        if out.contains(&split) {
            out = out.replace(&split, joiner);
        }
    }
    out
}

/// For tests of crates that use the store: the connection string of a fresh, empty schema of its own
/// on the PostgreSQL server named by `DOSSIER_TEST_PG` (a connection string of a role that may create
/// schemas), or `None` when that is unset. With `DOSSIER_REQUIRE_PG` set (as in CI) a missing or
/// unreachable server is a failure, not a skip.
#[doc(hidden)]
pub fn test_postgres_location() -> Option<String> {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let required = std::env::var_os("DOSSIER_REQUIRE_PG").is_some();
    let Some(base) = std::env::var("DOSSIER_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        assert!(
            !required,
            "DOSSIER_REQUIRE_PG is set but DOSSIER_TEST_PG is not"
        );
        eprintln!("note: DOSSIER_TEST_PG unset; PostgreSQL half of the test skipped");
        return None;
    };
    let schema = format!(
        "dossier_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos())
    );
    let created = postgres::Client::connect(&base, postgres::NoTls)
        .and_then(|mut admin| admin.batch_execute(&format!("CREATE SCHEMA {schema}")));
    if let Err(e) = created {
        panic!("PostgreSQL at DOSSIER_TEST_PG ({base}): {e}");
    }
    Some(format!("{base} options='-c search_path={schema}'"))
}

/// [`test_postgres_location`], opened.
#[doc(hidden)]
pub fn test_postgres() -> Option<Store> {
    let location = test_postgres_location()?;
    Some(Store::connect(&location).unwrap_or_else(|e| panic!("PostgreSQL at {location}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::{Sentence, Span, Timex, TimexType};

    fn doc(text: &str, source: &str) -> Document {
        let mut d = Document::new(text);
        d.meta.source = Some(source.into());
        let mut start = 0;
        for piece in text.split_inclusive(". ") {
            let t = piece.trim_end();
            d.sentences.push(Sentence {
                span: Span::new(start, start + t.len()),
                tokens: 0..0,
            });
            start += piece.len();
        }
        d
    }

    /// Every store test runs on SQLite, and on PostgreSQL when a test server is configured.
    fn stores() -> Vec<Store> {
        let mut v = vec![Store::open_in_memory().unwrap()];
        v.extend(test_postgres());
        v
    }

    fn count(s: &Store, table: &str) -> i64 {
        s.query_one(&format!("SELECT count(*) FROM {table}"), &[])
            .unwrap()
            .and_then(|v| v.as_i64())
            .unwrap()
    }

    #[test]
    fn put_is_idempotent_and_versions_changed_sources() {
        for s in stores() {
            put_is_idempotent_and_versions_changed_sources_on(s);
        }
    }

    fn put_is_idempotent_and_versions_changed_sources_on(mut s: Store) {
        let a = doc("Putin visited Minsk. Łukaszenka met him.", "a.txt");
        assert_eq!(s.put(&a).unwrap(), PutOutcome::Inserted { version: 1 });
        assert_eq!(s.put(&a).unwrap(), PutOutcome::Unchanged);
        let a2 = doc("Putin visited Minsk again. Lukashenka met him.", "a.txt");
        assert_eq!(s.put(&a2).unwrap(), PutOutcome::Inserted { version: 2 });
        let docs = s.documents().unwrap();
        assert_eq!(docs.len(), 1, "only the latest version is listed");
        assert_eq!(docs[0].version, 2);
        assert!(s.get(&a.meta.id).unwrap().is_some(), "old version kept");
        assert_eq!(count(&s, "documents"), 2);
    }

    #[test]
    fn round_trip_and_layer_views() {
        for s in stores() {
            round_trip_and_layer_views_on(s);
        }
    }

    fn round_trip_and_layer_views_on(mut s: Store) {
        let mut d = doc("In “2023” there will be drills.", "b.txt");
        let at = d.text.find("2023").unwrap();
        d.timexes.push(Timex {
            span: Span::new(at, at + 4),
            kind: TimexType::Date,
            value: "2023".into(),
            modifier: None,
            range: None,
            anchor: None,
        });
        s.put(&d).unwrap();
        assert_eq!(s.get(&d.meta.id).unwrap().unwrap(), d);
        let rows = s.query("SELECT start, value FROM timexes", &[]).unwrap();
        assert_eq!(
            rows.rows,
            [vec![SqlValue::Int(4), SqlValue::Text("2023".into())]],
            "character offsets, not bytes"
        );
        assert_eq!(
            s.documents().unwrap()[0].layer_counts[0],
            ("timexes".to_string(), 1)
        );
    }

    #[test]
    fn search_words_designations_and_diacritics() {
        for s in stores() {
            search_words_designations_and_diacritics_on(s);
        }
    }

    fn search_words_designations_and_diacritics_on(mut s: Store) {
        s.put(&doc(
            "The Iskander-M systems arrived. Cichanoŭskaja announced it.",
            "c.txt",
        ))
        .unwrap();
        let hits = s.search("Iskander-M", 10).unwrap();
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].snippet("[", "]", str::to_string),
            "The [Iskander-M] systems arrived."
        );
        // Stray or unbalanced markers never unbalance the tags.
        let odd = Hit {
            marked: "a\u{3}b\u{2}c\u{2}d".into(),
            ..hits[0].clone()
        };
        assert_eq!(odd.snippet("<m>", "</m>", str::to_string), "ab<m>cd</m>");
        assert_eq!(s.search("cichanouskaja", 10).unwrap().len(), 1);
        assert!(s.search("nothing-here", 10).unwrap().is_empty());
        assert_eq!(
            s.search("Cichanoŭskaja", 10).unwrap()[0].snippet("[", "]", str::to_string),
            "[Cichanoŭskaja] announced it."
        );
        if s.engine() == Engine::Sqlite {
            // FTS5 syntax errors are the user's: a clear message, not a database failure.
            assert!(matches!(
                s.search("\"unbalanced", 10),
                Err(StoreError::Invalid(_))
            ));
        }
    }

    #[test]
    fn reopen_keeps_data_and_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/d.db");
        {
            let mut s = Store::open(&path).unwrap();
            s.put(&doc("One. Two.", "x")).unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap() as usize, MIGRATIONS.len());
        assert_eq!(s.documents().unwrap()[0].sentences, 2);
    }

    #[test]
    fn failed_put_leaves_nothing() {
        for s in stores() {
            failed_put_leaves_nothing_on(s);
        }
    }

    fn failed_put_leaves_nothing_on(mut s: Store) {
        let mut d = doc("A sentence. Another.", "y");
        // The second sentence cannot be stored: the whole document must roll back.
        let check = match s.engine() {
            Engine::Sqlite => "CREATE TRIGGER boom BEFORE INSERT ON sentences WHEN NEW.idx = 1 BEGIN SELECT RAISE(ABORT, 'boom'); END",
            Engine::Postgres => "ALTER TABLE sentences ADD CONSTRAINT boom CHECK (idx < 1)",
        };
        s.execute(check, &[]).unwrap();
        d.meta.title = Some("t".into());
        assert!(s.put(&d).is_err());
        assert_eq!(count(&s, "documents"), 0);
        assert_eq!(count(&s, "sentences"), 0);
        // The store is usable after the failure.
        s.put(&doc("A sentence.", "z")).unwrap();
        assert_eq!(count(&s, "documents"), 1);
    }

    #[test]
    fn read_only_queries_show_every_cell_and_change_nothing() {
        for mut s in stores() {
            s.put(&doc("One. Two.", "x")).unwrap();
            let rows = s
                .query_read_only("SELECT idx, text FROM sentences ORDER BY idx")
                .unwrap();
            assert_eq!(rows.columns, ["idx", "text"]);
            assert_eq!(rows.rows.len(), 2);
            assert_eq!(rows.rows[1][1].to_string(), "Two.");
            assert!(s.query_read_only("DELETE FROM sentences").is_err());
            assert_eq!(count(&s, "sentences"), 2);
            assert_eq!(s.schema_version().unwrap() as usize, MIGRATIONS.len());
        }
    }

    #[test]
    fn printed_locations_hide_passwords() {
        assert_eq!(
            display_location("postgres://ana:s3cr@t@db.example:5432/kb"),
            "postgres://ana:***@db.example:5432/kb"
        );
        assert_eq!(
            display_location("host=db user=ana password=s3cret dbname=kb"),
            "host=db user=ana password=*** dbname=kb"
        );
        assert_eq!(
            display_location("postgres://ana@db/kb"),
            "postgres://ana@db/kb"
        );
        assert_eq!(display_location("/data/p@ss:word.db"), "/data/p@ss:word.db");
    }

    #[test]
    fn postgres_locations_are_told_from_paths() {
        assert!(is_postgres_location("postgres://u@localhost/db"));
        assert!(is_postgres_location("host=/tmp user=postgres dbname=x"));
        assert!(!is_postgres_location("dossier.db"));
        assert!(!is_postgres_location("/data/a=b.db"));
    }
}
