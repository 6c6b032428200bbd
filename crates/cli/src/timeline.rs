//! `dossier timeline`: the stored events, merged across documents, in time order.

use std::io::Write;

use crate::DbArg;

#[derive(clap::Args)]
pub struct Args {
    /// Only events with this actor or recipient (a word of its name, or a country code such as RUS)
    #[arg(long)]
    actor: Option<String>,
    /// Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long)]
    from: Option<String>,
    /// Only events on or before this date
    #[arg(long)]
    to: Option<String>,
    /// Only events of this PLOVER type (AGREE, CONSULT, …)
    #[arg(long = "type")]
    event_type: Option<String>,
    /// Also events that name no participant, place or time
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    db: DbArg,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let store = args.db.open()?;
    let mut docs = Vec::new();
    for d in store.documents()? {
        if let Some(doc) = store.get(&d.id)? {
            docs.push(doc);
        }
    }
    let filter = dossier_event::timeline::Filter {
        actor: args.actor,
        from: args.from,
        to: args.to,
        event_type: args.event_type,
        all: args.all,
    };
    let events = dossier_event::timeline::timeline(&docs, &filter);
    let mut out = std::io::stdout().lock();
    write!(out, "{}", dossier_event::timeline::format(&events))?;
    writeln!(out, "{} events", events.len())?;
    Ok(())
}
