//! The forecast ledger: every forecast judgment in the store becomes an entry (source document, span,
//! holder, probability range, point estimate, due date, status), which a user resolves as true, false or
//! annulled with evidence; [`crate::score`] then scores the resolved ones. Tables: `ledger` and
//! `ledger_resolutions` (store migration `0002_ledger.sql`). See `docs/ledger.md`.

use std::fmt::Write as _;

use anyhow::{anyhow, bail, Context, Result};
use dossier_store::Store;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::score::{self, Resolved};

/// Status of a ledger entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    True,
    False,
    Annulled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::True => "true",
            Status::False => "false",
            Status::Annulled => "annulled",
        }
    }

    /// `open`, `true`, `false`, `annul`/`annulled`.
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s {
            "open" | "reopen" => Status::Open,
            "true" => Status::True,
            "false" => Status::False,
            "annul" | "annulled" => Status::Annulled,
            _ => return None,
        })
    }
}

/// One ledger entry with its latest resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: i64,
    pub doc_id: String,
    pub source: Option<String>,
    pub publisher: Option<String>,
    pub start: i64,
    pub end: i64,
    pub text: String,
    pub cue: String,
    pub class: Option<String>,
    pub polarity: String,
    pub holder: String,
    pub holder_entity: Option<String>,
    pub yardstick: Option<String>,
    pub term: Option<String>,
    pub p_low: Option<f64>,
    pub p_high: Option<f64>,
    pub p_point: Option<f64>,
    pub due: Option<String>,
    pub due_source: Option<String>,
    pub status: String,
    pub evidence: Option<String>,
    pub note: Option<String>,
    pub resolved_at: Option<String>,
}

impl Entry {
    /// The holder as scored: the entity id of a linked speaker, `author (publisher)` for authors.
    pub fn holder_key(&self) -> String {
        if let Some(e) = &self.holder_entity {
            return format!("{} [{e}]", self.holder);
        }
        match (&*self.holder, &self.publisher) {
            ("author", Some(p)) => format!("author ({p})"),
            _ => self.holder.clone(),
        }
    }

    /// Yardstick band label used for calibration tables.
    pub fn band(&self) -> String {
        match (&self.yardstick, &self.term) {
            (Some(y), _) if y == "assertion" => "assertion (will)".into(),
            (Some(y), Some(t)) => format!("{y}: {t}"),
            (Some(y), None) => y.clone(),
            _ => "none".into(),
        }
    }
}

/// Which entries to list or score.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Substring of the holder (case-insensitive).
    pub holder: Option<String>,
    /// Document id or id prefix.
    pub doc: Option<String>,
    /// `open`, `true`, `false`, `annulled`, or `resolved` (true or false).
    pub status: Option<String>,
    /// Due on or before this ISO date.
    pub due_before: Option<String>,
}

const SELECT: &str = "SELECT l.id, l.doc_id, d.source, d.publisher, l.start, l.\"end\", l.text, l.cue,
    l.class, l.polarity, l.holder, l.holder_entity, l.yardstick, l.term, l.p_low, l.p_high, l.p_point,
    l.due, l.due_source, l.status,
    r.evidence, r.note, r.resolved_at
  FROM ledger l JOIN documents d ON d.id = l.doc_id
  LEFT JOIN ledger_resolutions r ON r.id = (SELECT max(id) FROM ledger_resolutions WHERE entry_id = l.id)";

fn entry(r: &Row) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        source: r.get(2)?,
        publisher: r.get(3)?,
        start: r.get(4)?,
        end: r.get(5)?,
        text: r.get(6)?,
        cue: r.get(7)?,
        class: r.get(8)?,
        polarity: r.get(9)?,
        holder: r.get(10)?,
        holder_entity: r.get(11)?,
        yardstick: r.get(12)?,
        term: r.get(13)?,
        p_low: r.get(14)?,
        p_high: r.get(15)?,
        p_point: r.get(16)?,
        due: r.get(17)?,
        due_source: r.get(18)?,
        status: r.get(19)?,
        evidence: r.get(20)?,
        note: r.get(21)?,
        resolved_at: r.get(22)?,
    })
}

/// Copies forecast judgments of stored documents that are not in the ledger yet; returns how many.
/// Entries are keyed by document and span, so re-running is harmless and resolutions are kept.
pub fn sync(conn: &Connection) -> Result<usize> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO ledger (doc_id, start, \"end\", text, cue, class, polarity, holder,
             holder_entity, yardstick, term, p_low, p_high, p_point, due, due_source, added_at)
         SELECT a.doc_id, a.start, a.\"end\", coalesce(a.text, ''), coalesce(a.data ->> '$.cue.text', ''),
             a.data ->> '$.class', coalesce(a.data ->> '$.polarity', 'positive'),
             coalesce(a.data ->> '$.holder', 'author'), s.data ->> '$.speaker_entity',
             a.data ->> '$.probability.yardstick', a.data ->> '$.probability.term',
             a.data ->> '$.probability.low', a.data ->> '$.probability.high',
             a.data ->> '$.probability.point', a.data ->> '$.due', a.data ->> '$.due_source',
             strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         FROM annotations a
         LEFT JOIN annotations s ON s.doc_id = a.doc_id AND s.layer = 'statements'
             AND s.idx = a.data ->> '$.statement'
         WHERE a.layer = 'judgments' AND a.data ->> '$.kind' = 'forecast' AND a.start IS NOT NULL",
        [],
    )?;
    Ok(n)
}

/// Entries matching `filter`, by due date (none last) then id.
pub fn list(conn: &Connection, filter: &Filter) -> Result<Vec<Entry>> {
    let mut sql = format!("{SELECT} WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    if let Some(h) = &filter.holder {
        args.push(format!("%{}%", h.to_lowercase()));
        let _ = write!(
            sql,
            " AND (lower(l.holder) LIKE ?{0} OR lower(coalesce(l.holder_entity, '')) LIKE ?{0}
               OR (l.holder = 'author' AND lower(coalesce(d.publisher, '')) LIKE ?{0}))",
            args.len()
        );
    }
    if let Some(d) = &filter.doc {
        args.push(format!("{d}%"));
        let _ = write!(sql, " AND l.doc_id LIKE ?{}", args.len());
    }
    match filter.status.as_deref() {
        None | Some("all") => {}
        Some("resolved") => sql.push_str(" AND l.status IN ('true', 'false')"),
        Some(s) => {
            let st = Status::parse(s).ok_or_else(|| {
                anyhow!("unknown status {s:?} (open, true, false, annulled, resolved, all)")
            })?;
            args.push(st.as_str().into());
            let _ = write!(sql, " AND l.status = ?{}", args.len());
        }
    }
    if let Some(d) = &filter.due_before {
        args.push(d.clone());
        let _ = write!(sql, " AND l.due IS NOT NULL AND l.due <= ?{}", args.len());
    }
    sql.push_str(" ORDER BY l.due IS NULL, l.due, l.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), entry)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// One entry by id.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE l.id = ?1"), [id], entry)
        .optional()?)
}

/// Records a resolution. `evidence` (a document id or URL) is required to resolve as true or false.
pub fn resolve(
    conn: &mut Connection,
    id: i64,
    status: Status,
    evidence: Option<&str>,
    note: Option<&str>,
) -> Result<Entry> {
    if matches!(status, Status::True | Status::False) && evidence.is_none_or(str::is_empty) {
        bail!(
            "resolving as {} needs --evidence DOC_OR_URL",
            status.as_str()
        );
    }
    let tx = conn.transaction()?;
    let n = tx.execute(
        "UPDATE ledger SET status = ?1 WHERE id = ?2",
        params![status.as_str(), id],
    )?;
    if n == 0 {
        bail!("no ledger entry {id}");
    }
    tx.execute(
        "INSERT INTO ledger_resolutions (entry_id, status, evidence, note, resolved_at)
         VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
        params![id, status.as_str(), evidence, note],
    )?;
    tx.commit()?;
    get(conn, id)?.ok_or_else(|| anyhow!("no ledger entry {id}"))
}

/// Scores the resolved entries matching `filter` (annulled ones are counted, not scored).
pub fn score(conn: &Connection, filter: &Filter) -> Result<score::Report> {
    let mut f = filter.clone();
    f.status = None;
    let entries = list(conn, &f)?;
    let annulled = entries.iter().filter(|e| e.status == "annulled").count();
    let resolved: Vec<Resolved> = entries
        .iter()
        .filter(|e| e.status == "true" || e.status == "false")
        .filter_map(|e| {
            Some(Resolved {
                holder: e.holder_key(),
                phrase: e.cue.to_lowercase(),
                band: e.band(),
                low: e.p_low?,
                high: e.p_high?,
                point: e.p_point?,
                outcome: e.status == "true",
            })
        })
        .collect();
    Ok(score::score(&resolved, annulled))
}

fn short(s: &str, n: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut t: String = one_line.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// Formats entries as a table.
pub fn table(entries: &[Entry]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>5}  {:<8}  {:<10}  {:<17}  {:<24}  {:<14}  {:<8}  text",
        "id", "status", "due", "probability", "holder", "cue", "doc"
    );
    for e in entries {
        let p = match (e.p_low, e.p_high, e.p_point) {
            (Some(l), Some(h), Some(p)) => format!("{:.2} ({:.2}–{:.2})", p, l, h),
            _ => "-".into(),
        };
        let due = match (&e.due, e.due_source.as_deref()) {
            (Some(d), Some("default")) => format!("{d}*"),
            (Some(d), _) => d.clone(),
            _ => "-".into(),
        };
        let _ = writeln!(
            out,
            "{:>5}  {:<8}  {:<11} {:<17}  {:<24}  {:<14}  {:<8}  {}",
            e.id,
            e.status,
            due,
            p,
            short(&e.holder_key(), 24),
            short(&e.cue, 14),
            e.doc_id.get(..8).unwrap_or(&e.doc_id),
            short(&e.text, 80)
        );
    }
    let _ = writeln!(
        out,
        "{} entries (* = default horizon: no date in the text)",
        entries.len()
    );
    out
}

/// What `dossier ledger` does once the ledger is in step with the store's forecasts.
#[derive(Clone, Debug)]
pub enum Command {
    /// List entries; `json` prints them as a JSON array instead of a table.
    List { filter: Filter, json: bool },
    /// Record an outcome with its evidence.
    Resolve {
        id: i64,
        status: Status,
        evidence: Option<String>,
        note: Option<String>,
    },
    /// Brier and log scores, calibration by band, per holder and per phrase.
    Score { filter: Filter },
}

/// Runs one `dossier ledger` command: first adds the store's new forecasts to the ledger, then lists,
/// resolves or scores; returns the text to print.
pub fn run(store: &mut Store, cmd: Command) -> Result<String> {
    let added = sync(store.conn()).context("updating the ledger")?;
    let note = if added > 0 {
        format!("({added} new forecasts added to the ledger)\n")
    } else {
        String::new()
    };
    match cmd {
        Command::Resolve {
            id,
            status,
            evidence,
            note: text_note,
        } => {
            let e = resolve(
                store.conn_mut(),
                id,
                status,
                evidence.as_deref(),
                text_note.as_deref(),
            )?;
            Ok(format!(
                "{note}entry {} is now {} (evidence: {})\n{}",
                e.id,
                e.status,
                e.evidence.as_deref().unwrap_or("-"),
                table(std::slice::from_ref(&e))
            ))
        }
        Command::Score { filter } => Ok(format!("{note}{}", score(store.conn(), &filter)?)),
        Command::List { filter, json } => {
            let entries = list(store.conn(), &filter)?;
            if json {
                let v: Vec<serde_json::Value> = entries
                    .iter()
                    .map(|e| {
                        serde_json::json!({
                            "id": e.id, "doc_id": e.doc_id, "source": e.source, "start": e.start,
                            "end": e.end, "text": e.text, "cue": e.cue, "class": e.class,
                            "polarity": e.polarity, "holder": e.holder, "holder_entity": e.holder_entity,
                            "probability": {"low": e.p_low, "high": e.p_high, "point": e.p_point,
                                "yardstick": e.yardstick, "term": e.term},
                            "due": e.due, "due_source": e.due_source, "status": e.status,
                            "evidence": e.evidence, "note": e.note, "resolved_at": e.resolved_at,
                        })
                    })
                    .collect();
                Ok(serde_json::to_string_pretty(&v)? + "\n")
            } else {
                Ok(format!("{note}{}", table(&entries)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::line_blocks;
    use crate::JudgmentAnnotator;
    use dossier_model::{Component, Dct, Document};

    fn store_with(texts: &[(&str, &str, Option<&str>)]) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        for (text, src, publisher) in texts {
            let mut d = Document::new(*text);
            d.meta.source = Some(src.to_string());
            d.meta.publisher = publisher.map(str::to_string);
            d.meta.dct = Dct::given("2023-01-01");
            line_blocks(&mut d);
            dossier_segment::segment(&mut d);
            JudgmentAnnotator::default().process(&mut d);
            store.put(&d).unwrap();
        }
        store
    }

    #[test]
    fn sync_lists_resolves_and_scores() {
        let mut store = store_with(&[
            (
                "The result will probably be further unification in 2023. Exports may fall. \
                 NATO countries should act. Putin confirmed that Russia will train pilots.",
                "a.txt",
                Some("PISM"),
            ),
            ("Minsk will not join the war.", "b.txt", None),
        ]);
        let conn = store.conn();
        assert_eq!(
            sync(conn).unwrap(),
            4,
            "forecasts only, not the recommendation"
        );
        assert_eq!(sync(conn).unwrap(), 0, "idempotent");
        let all = list(conn, &Filter::default()).unwrap();
        assert_eq!(all.len(), 4);
        // Sorted by due date: "in 2023" first.
        assert_eq!(all[0].cue, "will probably");
        assert_eq!(all[0].due.as_deref(), Some("2023-12-31"));
        assert_eq!(
            (all[0].p_low, all[0].p_high, all[0].p_point),
            (Some(0.55), Some(0.8), Some(0.75))
        );
        assert_eq!(all[0].holder_key(), "author (PISM)");
        let putin = list(
            conn,
            &Filter {
                holder: Some("putin".into()),
                ..Filter::default()
            },
        )
        .unwrap();
        assert_eq!(putin.len(), 1);
        assert_eq!(putin[0].text, "Russia will train pilots");
        let due = list(
            conn,
            &Filter {
                due_before: Some("2023-12-31".into()),
                ..Filter::default()
            },
        )
        .unwrap();
        assert_eq!(due.len(), 1);

        // Resolution needs evidence for true/false.
        let id = all[0].id;
        assert!(resolve(store.conn_mut(), id, Status::True, None, None).is_err());
        let e = resolve(
            store.conn_mut(),
            id,
            Status::True,
            Some("https://example.org/report"),
            Some("law harmonised"),
        )
        .unwrap();
        assert_eq!(e.status, "true");
        assert_eq!(e.evidence.as_deref(), Some("https://example.org/report"));
        let resolve_cmd = |id, status| Command::Resolve {
            id,
            status,
            evidence: Some("doc:abc".into()),
            note: None,
        };
        let out = run(&mut store, resolve_cmd(putin[0].id, Status::False)).unwrap();
        assert!(out.contains("is now false"), "{out}");
        let out = run(&mut store, resolve_cmd(all[3].id, Status::Annulled)).unwrap();
        assert!(out.contains("annulled"), "{out}");

        let rep = score(store.conn(), &Filter::default()).unwrap();
        assert_eq!(rep.overall.n, 2);
        assert_eq!(rep.annulled, 1);
        // (0.75 − 1)² and (1.0 − 0)²
        assert!((rep.overall.brier - (0.0625 + 1.0) / 2.0).abs() < 1e-9);
        let text = run(
            &mut store,
            Command::Score {
                filter: Filter::default(),
            },
        )
        .unwrap();
        assert!(text.contains("Brier score"), "{text}");
        let by_status = |status: &str| Filter {
            status: Some(status.into()),
            ..Filter::default()
        };
        let listed = run(
            &mut store,
            Command::List {
                filter: by_status("resolved"),
                json: false,
            },
        )
        .unwrap();
        assert!(listed.contains("2 entries"), "{listed}");
        let json = run(
            &mut store,
            Command::List {
                filter: by_status("open"),
                json: true,
            },
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 1);
        assert!(run(
            &mut store,
            Command::List {
                filter: by_status("maybe"),
                json: false
            }
        )
        .is_err());
        assert!(run(&mut store, resolve_cmd(99999, Status::True)).is_err());
    }

    #[test]
    fn resolutions_survive_resync_and_keep_history() {
        let mut store = store_with(&[("Prices will rise.", "c.txt", None)]);
        sync(store.conn()).unwrap();
        let id = list(store.conn(), &Filter::default()).unwrap()[0].id;
        resolve(store.conn_mut(), id, Status::False, Some("u1"), None).unwrap();
        resolve(
            store.conn_mut(),
            id,
            Status::True,
            Some("u2"),
            Some("corrected"),
        )
        .unwrap();
        sync(store.conn()).unwrap();
        let e = get(store.conn(), id).unwrap().unwrap();
        assert_eq!(
            (e.status.as_str(), e.evidence.as_deref()),
            ("true", Some("u2"))
        );
        let n: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM ledger_resolutions WHERE entry_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 2);
    }
}
