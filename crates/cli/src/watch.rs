//! `dossier watch DIR…`: keeps the store in step with folders of reports and tells what is new — the
//! events of each new document or version (optionally only some actors or types) and the forecasts of the
//! ledger that have come due. Restarting is harmless: files the store already holds are `unchanged`.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use dossier_ingest::Options;
use dossier_judgment::ledger;
use dossier_store::PutOutcome;

use crate::extract::{parse_dct, ConfigArgs};
use crate::DbArg;

#[derive(clap::Args)]
pub struct Args {
    /// Folders (recursive) or files to watch
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Seconds between two looks at the folders
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    interval: u64,
    /// Look once, report, and exit (for cron jobs and scripts)
    #[arg(long)]
    once: bool,
    /// Report only events with this actor or recipient (a word of its name, or a country code)
    #[arg(long)]
    actor: Option<String>,
    /// Report only events of this PLOVER type
    #[arg(long = "type")]
    event_type: Option<String>,
    /// Date forecasts are due against (default: today)
    #[arg(long, value_name = "DATE", value_parser = parse_dct)]
    as_of: Option<String>,
    /// Refuse documents larger than this many bytes
    #[arg(long, default_value_t = dossier_ingest::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    max_bytes: usize,
    #[command(flatten)]
    db: DbArg,
    #[command(flatten)]
    config: ConfigArgs,
}

/// What a file looked like when last read: a file whose length and modification time are unchanged is
/// not read again.
type Seen = HashMap<PathBuf, (u64, Option<SystemTime>)>;

pub fn run(args: Args) -> anyhow::Result<()> {
    let mut store = args.db.open()?;
    let pipeline = args.config.pipeline();
    let opts = Options {
        max_bytes: args.max_bytes,
        dct: None,
    };
    let filter = dossier_event::timeline::Filter {
        actor: args.actor.clone(),
        event_type: args.event_type.clone(),
        ..Default::default()
    };
    let mut seen = Seen::new();
    // Forecasts already reported as due, so that each is announced once per run.
    let mut announced: Vec<i64> = Vec::new();
    loop {
        let mut out = std::io::stdout().lock();
        let mut files = Vec::new();
        for p in &args.paths {
            // A folder that vanishes or cannot be read is reported and watched again next time.
            match dossier_ingest::list_files(p) {
                Ok(f) => files.extend(f),
                Err(e) => eprintln!("dossier: error: {e}"),
            }
        }
        let mut changed = 0;
        for f in files {
            let Ok(meta) = std::fs::metadata(&f) else {
                continue;
            };
            let stamp = (meta.len(), meta.modified().ok());
            if seen.get(&f) == Some(&stamp) {
                continue;
            }
            seen.insert(f.clone(), stamp);
            let mut doc = match dossier_ingest::read_file(&f, &opts) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("dossier: error: {e}");
                    continue;
                }
            };
            pipeline.run(&mut doc);
            let what = match store.put(&doc) {
                Ok(PutOutcome::Unchanged) => continue,
                Ok(PutOutcome::Inserted { version: 1 }) => "new".to_string(),
                Ok(PutOutcome::Inserted { version }) => format!("version {version} of"),
                Err(e) => {
                    eprintln!("dossier: error: {}: {e}", f.display());
                    continue;
                }
            };
            changed += 1;
            let events = dossier_event::timeline::timeline(std::slice::from_ref(&doc), &filter);
            writeln!(
                out,
                "== {what} {} — {} ({}), {} matching event(s), {} forecast(s)",
                f.display(),
                doc.meta.title.as_deref().unwrap_or("(untitled)"),
                doc.meta.dct.value.as_deref().unwrap_or("undated"),
                events.len(),
                doc.judgments
                    .iter()
                    .filter(|j| j.kind == "forecast")
                    .count()
            )?;
            write!(out, "{}", dossier_event::timeline::format(&events))?;
        }
        ledger::sync(&store)?;
        let today = args
            .as_of
            .clone()
            .unwrap_or_else(|| chrono::Local::now().format("%Y-%m-%d").to_string());
        let due: Vec<_> = ledger::list(
            &store,
            &ledger::Filter {
                status: Some("open".into()),
                due_before: Some(today.clone()),
                ..Default::default()
            },
        )?
        .into_iter()
        .filter(|e| !announced.contains(&e.id))
        .collect();
        if !due.is_empty() {
            writeln!(
                out,
                "== {} open forecast(s) due by {today} (resolve with `dossier ledger resolve ID …`)",
                due.len()
            )?;
            write!(out, "{}", ledger::table(&due))?;
            announced.extend(due.iter().map(|e| e.id));
        }
        if changed == 0 && due.is_empty() && args.once {
            writeln!(out, "nothing new")?;
        }
        out.flush()?;
        if args.once {
            return Ok(());
        }
        drop(out);
        std::thread::sleep(Duration::from_secs(args.interval.max(1)));
    }
}
