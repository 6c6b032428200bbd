//! The forecast ledger: every forecast judgment in the store becomes an entry (source document, span,
//! holder, probability range, point estimate, due date, status), which a user resolves as true, false or
//! annulled with evidence; [`crate::score`] then scores the resolved ones. Tables: `ledger` and
//! `ledger_resolutions`, filled from the view `ledger_candidates` (store migrations `0002_ledger.sql`,
//! `0003_ledger_candidates.sql`). The SQL here runs unchanged on SQLite and PostgreSQL. See
//! `docs/ledger.md`.

use std::fmt::Write as _;

use anyhow::{anyhow, bail, Context, Result};
use dossier_store::{SqlValue, Store};

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

fn entry(row: Vec<SqlValue>) -> Entry {
    let mut c = row.into_iter();
    let mut next = || c.next().unwrap_or(SqlValue::Null);
    let text = |v: SqlValue| v.into_string().unwrap_or_default();
    Entry {
        id: next().as_i64().unwrap_or(0),
        doc_id: text(next()),
        source: next().into_string(),
        publisher: next().into_string(),
        start: next().as_i64().unwrap_or(0),
        end: next().as_i64().unwrap_or(0),
        text: text(next()),
        cue: text(next()),
        class: next().into_string(),
        polarity: text(next()),
        holder: text(next()),
        holder_entity: next().into_string(),
        yardstick: next().into_string(),
        term: next().into_string(),
        p_low: next().as_f64(),
        p_high: next().as_f64(),
        p_point: next().as_f64(),
        due: next().into_string(),
        due_source: next().into_string(),
        status: text(next()),
        evidence: next().into_string(),
        note: next().into_string(),
        resolved_at: next().into_string(),
    }
}

/// The current time as the ledger records it.
fn now() -> SqlValue {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
        .into()
}

/// Copies forecast judgments of stored documents that are not in the ledger yet; returns how many.
/// Entries are keyed by document and span, so re-running is harmless and resolutions are kept.
pub fn sync(store: &Store) -> Result<usize> {
    let n = store.execute(
        "INSERT INTO ledger (doc_id, start, \"end\", text, cue, class, polarity, holder,
             holder_entity, yardstick, term, p_low, p_high, p_point, due, due_source, added_at)
         SELECT doc_id, start, \"end\", text, cue, class, polarity, holder, holder_entity, yardstick,
             term, p_low, p_high, p_point, due, due_source, CAST(?1 AS TEXT)
         FROM ledger_candidates WHERE true ORDER BY doc_id, start
         ON CONFLICT (doc_id, start, \"end\") DO NOTHING",
        &[now()],
    )?;
    Ok(n as usize)
}

/// Entries matching `filter`, by due date (none last) then id.
pub fn list(store: &Store, filter: &Filter) -> Result<Vec<Entry>> {
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
    let args: Vec<SqlValue> = args.into_iter().map(SqlValue::from).collect();
    Ok(store
        .query(&sql, &args)?
        .rows
        .into_iter()
        .map(entry)
        .collect())
}

/// One entry by id.
pub fn get(store: &Store, id: i64) -> Result<Option<Entry>> {
    let rows = store.query(&format!("{SELECT} WHERE l.id = ?1"), &[id.into()])?;
    Ok(rows.rows.into_iter().next().map(entry))
}

/// Records a resolution. `evidence` (a document id or URL) is required to resolve as true or false.
pub fn resolve(
    store: &mut Store,
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
    let found = store.transaction(|s| {
        let n = s.execute(
            "UPDATE ledger SET status = ?1 WHERE id = ?2",
            &[status.as_str().into(), id.into()],
        )?;
        if n > 0 {
            s.execute(
                "INSERT INTO ledger_resolutions (entry_id, status, evidence, note, resolved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                &[
                    id.into(),
                    status.as_str().into(),
                    evidence.into(),
                    note.into(),
                    now(),
                ],
            )?;
        }
        Ok(n > 0)
    })?;
    if !found {
        bail!("no ledger entry {id}");
    }
    get(store, id)?.ok_or_else(|| anyhow!("no ledger entry {id}"))
}

/// Scores the resolved entries matching `filter` (annulled ones are counted, not scored).
pub fn score(store: &Store, filter: &Filter) -> Result<score::Report> {
    let mut f = filter.clone();
    f.status = None;
    let entries = list(store, &f)?;
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
    let added = sync(store).context("updating the ledger")?;
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
            let e = resolve(store, id, status, evidence.as_deref(), text_note.as_deref())?;
            Ok(format!(
                "{note}entry {} is now {} (evidence: {})\n{}",
                e.id,
                e.status,
                e.evidence.as_deref().unwrap_or("-"),
                table(std::slice::from_ref(&e))
            ))
        }
        Command::Score { filter } => Ok(format!("{note}{}", score(store, &filter)?)),
        Command::List { filter, json } => {
            let entries = list(store, &filter)?;
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

    /// The ledger tests run on SQLite, and on PostgreSQL when a test server is configured.
    fn stores() -> Vec<Store> {
        let mut v = vec![Store::open_in_memory().unwrap()];
        v.extend(dossier_store::test_postgres());
        v
    }

    fn store_with(mut store: Store, texts: &[(&str, &str, Option<&str>)]) -> Store {
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
        for s in stores() {
            sync_lists_resolves_and_scores_on(s);
        }
    }

    fn sync_lists_resolves_and_scores_on(store: Store) {
        let mut store = store_with(
            store,
            &[
                (
                    "The result will probably be further unification in 2023. Exports may fall. \
                 NATO countries should act. Putin confirmed that Russia will train pilots.",
                    "a.txt",
                    Some("PISM"),
                ),
                ("Minsk will not join the war.", "b.txt", None),
            ],
        );
        let db = &store;
        assert_eq!(
            sync(db).unwrap(),
            4,
            "forecasts only, not the recommendation"
        );
        assert_eq!(sync(db).unwrap(), 0, "idempotent");
        let all = list(db, &Filter::default()).unwrap();
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
            db,
            &Filter {
                holder: Some("putin".into()),
                ..Filter::default()
            },
        )
        .unwrap();
        assert_eq!(putin.len(), 1);
        assert_eq!(putin[0].text, "Russia will train pilots");
        let due = list(
            db,
            &Filter {
                due_before: Some("2023-12-31".into()),
                ..Filter::default()
            },
        )
        .unwrap();
        assert_eq!(due.len(), 1);

        // Resolution needs evidence for true/false.
        let id = all[0].id;
        assert!(resolve(&mut store, id, Status::True, None, None).is_err());
        let e = resolve(
            &mut store,
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
        let other = all
            .iter()
            .find(|e| e.id != id && e.id != putin[0].id)
            .unwrap();
        let out = run(&mut store, resolve_cmd(other.id, Status::Annulled)).unwrap();
        assert!(out.contains("annulled"), "{out}");

        let rep = score(&store, &Filter::default()).unwrap();
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
        for s in stores() {
            resolutions_survive_resync_and_keep_history_on(s);
        }
    }

    fn resolutions_survive_resync_and_keep_history_on(store: Store) {
        let mut store = store_with(store, &[("Prices will rise.", "c.txt", None)]);
        sync(&store).unwrap();
        let id = list(&store, &Filter::default()).unwrap()[0].id;
        resolve(&mut store, id, Status::False, Some("u1"), None).unwrap();
        resolve(&mut store, id, Status::True, Some("u2"), Some("corrected")).unwrap();
        sync(&store).unwrap();
        let e = get(&store, id).unwrap().unwrap();
        assert_eq!(
            (e.status.as_str(), e.evidence.as_deref()),
            ("true", Some("u2"))
        );
        let n = store
            .query_one(
                "SELECT count(*) FROM ledger_resolutions WHERE entry_id = ?1",
                &[id.into()],
            )
            .unwrap()
            .and_then(|v| v.as_i64());
        assert_eq!(n, Some(2));
    }
}
