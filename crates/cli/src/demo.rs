//! `dossier demo`: the bundled corpus, ingested into a fresh store, and what a newcomer should see first.

use std::io::Write;
use std::path::PathBuf;

use dossier_ingest::{Format, Options};
use dossier_model::Document;
use dossier_store::Store;

use crate::extract::ConfigArgs;
use crate::library::{print_docs, store_documents};

include!(concat!(env!("OUT_DIR"), "/demo_docs.rs"));

#[derive(clap::Args)]
pub struct Args {
    /// Where to write the demo store (replaced if it exists)
    #[arg(long, default_value = "dossier-demo.db", value_name = "FILE")]
    db: PathBuf,
    #[command(flatten)]
    config: ConfigArgs,
}

/// The demo documents as ingest reads them (layout and sidecar metadata), before annotation.
pub fn demo_documents() -> Vec<Result<Document, String>> {
    DEMO_DOCS
        .iter()
        .map(|(name, text, sidecar)| {
            let source = format!("demo/{name}");
            let mut doc = dossier_ingest::from_bytes(
                text.as_bytes(),
                &source,
                Format::Text,
                &Options::default(),
            )
            .map_err(|e| e.to_string())?;
            if let Some(json) = sidecar {
                let sc =
                    dossier_ingest::parse_sidecar(json).map_err(|e| format!("{source}: {e}"))?;
                dossier_ingest::apply_sidecar(&mut doc, sc);
            }
            Ok(doc)
        })
        .collect()
}

pub fn run(args: Args) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = args.db.clone().into_os_string();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => anyhow::bail!("cannot replace {}: {e}", PathBuf::from(p).display()),
        }
    }
    let mut store = Store::open(&args.db)?;
    let pipeline = args.config.pipeline();
    let docs = demo_documents();
    let report = store_documents(&mut store, &pipeline, docs.into_iter());
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Dossier demo: {} bundled documents ({report}) stored in {}",
        DEMO_DOCS.len(),
        args.db.display()
    )?;
    writeln!(out, "Pipeline: {}\n", pipeline.names().join(" → "))?;
    writeln!(
        out,
        "== Documents (oldest first; dct = document date, from = where the date came from) =="
    )?;
    print_docs(&store, &mut out)?;
    writeln!(out, "\n== Search: Iskander ==")?;
    for h in store.search("Iskander", 3)? {
        writeln!(
            out,
            "{}  {}\n    {}",
            h.dct.as_deref().unwrap_or("????-??-??"),
            h.title.as_deref().unwrap_or(""),
            h.snippet("[", "]", str::to_string)
        )?;
    }
    // The seed's timeline: its events merged and in time order.
    let mut seed_docs = Vec::new();
    for d in store.documents()? {
        if d.source
            .as_deref()
            .is_some_and(|s| s.starts_with("demo/seed/"))
        {
            if let Some(doc) = store.get(&d.id)? {
                seed_docs.push(doc);
            }
        }
    }
    let events = dossier_event::timeline::timeline(&seed_docs, &Default::default());
    writeln!(
        out,
        "\n== Timeline of the seed ({} events) ==",
        events.len()
    )?;
    write!(out, "{}", dossier_event::timeline::format(&events))?;
    let db = args.db.display();
    writeln!(
        out,
        "\nNext: dossier search --db {db} \"Union State\"   ·   dossier docs --db {db}"
    )?;
    writeln!(
        out,
        "      dossier sql --db {db} \"SELECT layer, count(*) FROM annotations GROUP BY layer\""
    )?;
    writeln!(
        out,
        "      dossier serve --db {db}   (web UI at http://127.0.0.1:8400/)"
    )?;
    Ok(())
}
