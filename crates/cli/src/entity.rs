//! `dossier entity NAME`: a knowledge-base entity (any spelling) with its aliases and dated roles, and
//! every stored mention with its sentence, newest document first.

use std::io::Write;

use dossier_entity::api;

use crate::DbArg;

#[derive(clap::Args)]
pub struct Args {
    /// A name in any spelling (Lukashenka, Łukaszenka, Лукашенко), a KB id (p:lukashenka), or a name
    /// that is not in the knowledge base
    pub name: String,
    /// Entity type for a name not in the knowledge base (PERSON, ORG, PLACE, …)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Show at most this many mentions
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
    #[command(flatten)]
    pub db: DbArg,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let store = args.db.open()?;
    let out = std::io::stdout();
    let mut out = out.lock();
    let found = api::resolve(&args.name);
    let query = "SELECT m.doc_id, d.dct, d.title, m.start, m.\"end\", m.text, \
                 (SELECT s.text FROM sentences s WHERE s.doc_id = m.doc_id AND s.start <= m.start \
                  AND m.\"end\" <= s.\"end\" LIMIT 1) \
                 FROM entity_mentions m JOIN documents d ON d.id = m.doc_id \
                 WHERE d.superseded_by IS NULL AND ";
    let order = " ORDER BY d.dct IS NULL, d.dct DESC, m.doc_id, m.start LIMIT ?3";
    let (sql, key1, key2) = match found.first() {
        Some(e) => {
            write!(out, "{}", api::Card::of(e))?;
            if found.len() > 1 {
                let others: Vec<&str> = found[1..].iter().take(5).map(|e| e.id.as_str()).collect();
                writeln!(out, "  (also matches: {})", others.join(", "))?;
            }
            (
                format!("{query}m.kb_id = ?1 AND ?2 = ?2{order}"),
                e.id.clone(),
                String::new(),
            )
        }
        None => {
            writeln!(
                out,
                "{} — not in the knowledge base; stored mentions by name",
                args.name
            )?;
            let kind = args.kind.clone().unwrap_or_default();
            (
                format!(
                    "{query}m.kb_id IS NULL AND lower(m.name) = lower(?1) AND (?2 = '' OR m.type = ?2){order}"
                ),
                args.name.clone(),
                kind,
            )
        }
    };
    let mut stmt = store.conn().prepare(&sql)?;
    let rows = stmt.query_map(
        dossier_store::rusqlite::params![key1, key2, args.limit as i64],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        },
    )?;
    let mut n = 0;
    for row in rows {
        let (doc, dct, title, start, end, text, sentence) = row?;
        n += 1;
        writeln!(
            out,
            "{}  {}  {}..{}  {:?}  ({})\n    {}",
            dct.as_deref().unwrap_or("????-??-??"),
            &doc[..doc.len().min(12)],
            start,
            end,
            text.unwrap_or_default(),
            title.unwrap_or_default(),
            sentence.unwrap_or_default().replace('\n', " ")
        )?;
    }
    writeln!(out, "{n} mention(s)")?;
    Ok(())
}
