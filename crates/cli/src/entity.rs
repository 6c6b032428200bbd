//! `dossier entity NAME`: a knowledge-base entity (any spelling) with its aliases and dated roles, and
//! every stored mention with its sentence, newest document first.

use std::io::Write;

use dossier_entity::api;
use dossier_store::MentionsOf;

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
    let kind = args.kind.as_deref();
    let who = match found.first() {
        Some(e) => {
            write!(out, "{}", api::Card::of(e))?;
            if found.len() > 1 {
                let others: Vec<&str> = found[1..].iter().take(5).map(|e| e.id.as_str()).collect();
                writeln!(out, "  (also matches: {})", others.join(", "))?;
            }
            MentionsOf::Kb(&e.id)
        }
        None => {
            writeln!(
                out,
                "{} — not in the knowledge base; stored mentions by name",
                args.name
            )?;
            MentionsOf::Name {
                name: &args.name,
                kind,
            }
        }
    };
    let mentions = store.entity_mentions(who, args.limit)?;
    let n = mentions.len();
    for m in mentions {
        writeln!(
            out,
            "{}  {}  {}..{}  {:?}  ({})\n    {}",
            m.dct.as_deref().unwrap_or("????-??-??"),
            &m.doc_id[..m.doc_id.len().min(12)],
            m.start,
            m.end,
            m.text,
            m.title.unwrap_or_default(),
            m.sentence.replace('\n', " ")
        )?;
    }
    writeln!(out, "{n} mention(s)")?;
    Ok(())
}
