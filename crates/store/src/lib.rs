//! The embedded store: SQLite (bundled), one file, write-ahead log, one transaction per document.
//!
//! Documents are keyed by content hash, so storing the same content twice is a no-op; a changed file
//! at the same source becomes a new version and the old one is kept. Sentences are indexed for
//! full-text search (FTS5). Every item of every layer is a row of `annotations` in its interchange JSON
//! form, with one SQL view per layer (`timexes`, `quantities`, `entity_mentions`, `events`,
//! `statements`, `judgments`), so analysts can query the store with plain SQL.
//!
//! Schema changes are numbered SQL files in `crates/store/migrations/`, applied in order and recorded
//! in `PRAGMA user_version`.

use std::path::Path;

use dossier_model::{CharMap, Document};
pub use rusqlite;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde_json::Value;

/// Numbered schema migrations, applied in order. Append; never edit one that has shipped.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_documents",
        include_str!("../migrations/0001_documents.sql"),
    ),
    // The forecast ledger of crates/judgment.
    ("0002_ledger", include_str!("../migrations/0002_ledger.sql")),
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
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::Invalid(format!("cannot create {}: {e}", dir.display()))
            })?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Store::init(conn)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let current: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let current = current.max(0) as usize;
        if current > MIGRATIONS.len() {
            return Err(StoreError::Invalid(format!(
                "database schema version {current} is newer than this dossier ({}); upgrade dossier",
                MIGRATIONS.len()
            )));
        }
        for (i, (_, sql)) in MIGRATIONS.iter().enumerate().skip(current) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The connection, for SQL queries and for crates that keep their own tables here.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Stores a document and all its layers in one transaction.
    pub fn put(&mut self, doc: &Document) -> Result<PutOutcome> {
        let tx = self.conn.transaction()?;
        let outcome = put_in(&tx, doc)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Loads a document with all its layers.
    pub fn get(&self, id: &str) -> Result<Option<Document>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT text, layers FROM documents WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((text, layers)) = row else {
            return Ok(None);
        };
        let mut value: Value = serde_json::from_str(&layers)?;
        value["text"] = Value::String(text);
        Ok(Some(serde_json::from_value(value)?))
    }

    /// Resolves a document id prefix (as printed by `dossier docs`) to the full id.
    pub fn resolve_id(&self, prefix: &str) -> Result<String> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE id LIKE ?1 || '%' LIMIT 2")?;
        let ids: Vec<String> = stmt
            .query_map([prefix], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids.len() {
            1 => Ok(ids.into_iter().next().unwrap_or_default()),
            0 => Err(StoreError::Invalid(format!("no document with id {prefix}"))),
            _ => Err(StoreError::Invalid(format!(
                "document id {prefix} is ambiguous"
            ))),
        }
    }

    /// The latest version of every document, by DCT (unknown last) then source.
    pub fn documents(&self) -> Result<Vec<DocSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.source, d.version, d.title, d.dct, d.dct_source,
                    (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)
             FROM documents d WHERE d.superseded_by IS NULL
             ORDER BY d.dct IS NULL, d.dct, d.source",
        )?;
        let mut docs: Vec<DocSummary> = stmt
            .query_map([], |r| {
                Ok(DocSummary {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    version: r.get(2)?,
                    title: r.get(3)?,
                    dct: r.get(4)?,
                    dct_source: r.get(5)?,
                    sentences: r.get::<_, i64>(6)? as u64,
                    layer_counts: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut count = self
            .conn
            .prepare("SELECT layer, count(*) FROM annotations WHERE doc_id = ?1 GROUP BY layer")?;
        for d in &mut docs {
            let counts: Vec<(String, u64)> = count
                .query_map([&d.id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
                .collect::<rusqlite::Result<_>>()?;
            d.layer_counts = LAYERS
                .iter()
                .map(|l| {
                    (
                        l.to_string(),
                        counts.iter().find(|(n, _)| n == l).map_or(0, |(_, c)| *c),
                    )
                })
                .collect();
        }
        Ok(docs)
    }

    /// Full-text search over the sentences of the latest document versions, best matches first.
    ///
    /// Plain words are matched as words (all must occur); a query with FTS5 syntax (`"…"`, `AND`, `OR`,
    /// `NOT`, `NEAR`, `*`) is passed through.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let fts = fts_query(query);
        if fts.is_empty() {
            return Err(StoreError::Invalid("empty search query".into()));
        }
        let mut stmt = self.conn.prepare(
            "SELECT s.doc_id, d.title, d.dct, s.start, s.\"end\",
                    highlight(sentences_fts, 0, char(2), char(3))
             FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
             JOIN documents d ON d.id = s.doc_id
             WHERE sentences_fts MATCH ?1 AND d.superseded_by IS NULL
             ORDER BY bm25(sentences_fts), d.dct DESC LIMIT ?2",
        )?;
        let hits = stmt
            .query_map(params![fts, limit as i64], |r| {
                Ok(Hit {
                    doc_id: r.get(0)?,
                    title: r.get(1)?,
                    dct: r.get(2)?,
                    start: r.get::<_, i64>(3)? as u64,
                    end: r.get::<_, i64>(4)? as u64,
                    marked: r.get(5)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>());
        hits.map_err(|e| match e {
            // SQLITE_ERROR from MATCH means the query did not parse ("unterminated string", "syntax error").
            rusqlite::Error::SqliteFailure(f, msg) if f.code == rusqlite::ErrorCode::Unknown => {
                StoreError::Invalid(format!(
                    "bad search query {query:?}: {}",
                    msg.unwrap_or_default()
                ))
            }
            e => StoreError::Sqlite(e),
        })
    }

    /// Mentions of a knowledge-base entity (`kb_id`), or of a name outside the knowledge base (`name`,
    /// case-insensitive, optionally of one entity `kind`), in the latest document versions: newest
    /// document first, at most `limit`.
    pub fn entity_mentions(&self, who: MentionsOf<'_>, limit: usize) -> Result<Vec<MentionHit>> {
        let (filter, key, kind) = match who {
            MentionsOf::Kb(id) => ("m.kb_id = ?1 AND ?2 = ?2", id, ""),
            MentionsOf::Name { name, kind } => (
                "m.kb_id IS NULL AND lower(m.name) = lower(?1) AND (?2 = '' OR m.type = ?2)",
                name,
                kind.unwrap_or(""),
            ),
        };
        let sql = format!(
            "SELECT m.doc_id, d.dct, d.title, m.start, m.\"end\", m.text,
                    (SELECT s.text FROM sentences s WHERE s.doc_id = m.doc_id AND s.start <= m.start
                     AND m.\"end\" <= s.\"end\" LIMIT 1)
             FROM entity_mentions m JOIN documents d ON d.id = m.doc_id
             WHERE d.superseded_by IS NULL AND {filter}
             ORDER BY d.dct IS NULL, d.dct DESC, m.doc_id, m.start LIMIT ?3"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![key, kind, limit as i64], |r| {
            Ok(MentionHit {
                doc_id: r.get(0)?,
                dct: r.get(1)?,
                title: r.get(2)?,
                start: r.get::<_, i64>(3)? as u64,
                end: r.get::<_, i64>(4)? as u64,
                text: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                sentence: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
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

fn put_in(tx: &Transaction<'_>, doc: &Document) -> Result<PutOutcome> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM documents WHERE id = ?1)",
        [&doc.meta.id],
        |r| r.get(0),
    )?;
    if exists {
        return Ok(PutOutcome::Unchanged);
    }
    let previous: Option<(String, u32)> = match &doc.meta.source {
        Some(src) => tx
            .query_row(
                "SELECT id, version FROM documents WHERE source = ?1 AND superseded_by IS NULL",
                [src],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?,
        None => None,
    };
    let version = previous.as_ref().map_or(1, |(_, v)| v + 1);
    let mut layers = serde_json::to_value(doc)?;
    if let Value::Object(map) = &mut layers {
        map.remove("text");
    }
    let m = &doc.meta;
    tx.execute(
        "INSERT INTO documents (id, source, version, title, publisher, dct, dct_source, ingested_at, text, layers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            m.id,
            m.source,
            version,
            m.title,
            m.publisher,
            m.dct.value,
            m.dct.source.as_str(),
            chrono::Utc::now().to_rfc3339(),
            doc.text,
            serde_json::to_string(&layers)?,
        ],
    )?;
    if let Some((old, _)) = previous {
        tx.execute(
            "UPDATE documents SET superseded_by = ?1 WHERE id = ?2",
            [&m.id, &old],
        )?;
    }
    let chars = CharMap::new(&doc.text);
    let mut sent = tx.prepare_cached(
        "INSERT INTO sentences (doc_id, idx, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut fts = tx.prepare_cached("INSERT INTO sentences_fts (rowid, text) VALUES (?1, ?2)")?;
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = doc.slice(s.span);
        sent.execute(params![
            m.id,
            i as i64,
            chars.char_of(s.span.start) as i64,
            chars.char_of(s.span.end) as i64,
            text
        ])?;
        fts.execute(params![tx.last_insert_rowid(), text])?;
    }
    let json = doc.to_json(false);
    let mut ann = tx.prepare_cached(
        "INSERT INTO annotations (doc_id, layer, idx, start, \"end\", text, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for layer in LAYERS {
        let Some(items) = json[*layer].as_array() else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            ann.execute(params![
                m.id,
                layer,
                i as i64,
                item["start"].as_i64(),
                item["end"].as_i64(),
                item["text"].as_str(),
                serde_json::to_string(item)?,
            ])?;
        }
    }
    Ok(PutOutcome::Inserted { version })
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

    #[test]
    fn put_is_idempotent_and_versions_changed_sources() {
        let mut s = Store::open_in_memory().unwrap();
        let a = doc("Putin visited Minsk. Łukaszenka met him.", "a.txt");
        assert_eq!(s.put(&a).unwrap(), PutOutcome::Inserted { version: 1 });
        assert_eq!(s.put(&a).unwrap(), PutOutcome::Unchanged);
        let a2 = doc("Putin visited Minsk again. Lukashenka met him.", "a.txt");
        assert_eq!(s.put(&a2).unwrap(), PutOutcome::Inserted { version: 2 });
        let docs = s.documents().unwrap();
        assert_eq!(docs.len(), 1, "only the latest version is listed");
        assert_eq!(docs[0].version, 2);
        assert!(s.get(&a.meta.id).unwrap().is_some(), "old version kept");
        let n: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2);
    }

    #[test]
    fn round_trip_and_layer_views() {
        let mut s = Store::open_in_memory().unwrap();
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
        let (start, value): (i64, String) = s
            .conn()
            .query_row("SELECT start, value FROM timexes", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!(
            (start, value.as_str()),
            (4, "2023"),
            "character offsets, not bytes"
        );
        assert_eq!(
            s.documents().unwrap()[0].layer_counts[0],
            ("timexes".to_string(), 1)
        );
    }

    #[test]
    fn search_words_designations_and_diacritics() {
        let mut s = Store::open_in_memory().unwrap();
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
        assert!(matches!(
            s.search("\"unbalanced", 10),
            Err(StoreError::Invalid(_))
        ));
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
        let mut s = Store::open_in_memory().unwrap();
        let mut d = doc("A sentence. Another.", "y");
        // Two sentences with the same index cannot be stored: the whole document must roll back.
        s.conn().execute_batch("CREATE TRIGGER boom BEFORE INSERT ON sentences WHEN NEW.idx = 1 BEGIN SELECT RAISE(ABORT, 'boom'); END;").unwrap();
        d.meta.title = Some("t".into());
        assert!(s.put(&d).is_err());
        let n: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        let n: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM sentences", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }
}
