//! `dossier`: the command-line front end. Each subcommand lives in its own module; this file only parses
//! arguments, dispatches, and turns every error into one line on stderr with a non-zero exit.

mod bench;
mod demo;
mod entity;
mod eval;
mod export;
mod extract;
mod ledger;
mod library;
mod serve;
mod timeline;
mod train;
mod watch;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dossier",
    version,
    about = "Turns geopolitical reports into a sourced, time-anchored knowledge base",
    long_about = "Dossier reads reports and keeps their time expressions, entities, quantities, events, \
                  statements and judgments, each pointing back to its document and span."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the store lives: `--db`, else `DOSSIER_DB`, else the platform data directory.
#[derive(clap::Args, Clone)]
struct DbArg {
    /// SQLite database file, or a PostgreSQL URL (postgres://user:password@host/dbname)
    /// [default: dossier.db in the platform data directory]
    #[arg(long, env = "DOSSIER_DB", value_name = "FILE|URL")]
    db: Option<String>,
}

impl DbArg {
    /// The `--db` value, or the default SQLite file.
    fn location(&self) -> anyhow::Result<String> {
        if let Some(p) = &self.db {
            return Ok(p.clone());
        }
        let dirs = directories::ProjectDirs::from("", "", "dossier").ok_or_else(|| {
            anyhow::anyhow!("no home directory; pass --db FILE or set DOSSIER_DB")
        })?;
        Ok(dirs
            .data_dir()
            .join("dossier.db")
            .to_string_lossy()
            .into_owned())
    }

    fn open(&self) -> anyhow::Result<dossier_store::Store> {
        let location = self.location()?;
        dossier_store::Store::open_location(&location)
            .map_err(|e| anyhow::anyhow!("{}: {e}", dossier_store::display_location(&location)))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Annotate files (or stdin) and print the result; nothing is stored
    Extract(extract::Args),
    /// Annotate files or directories and keep them in the store
    Ingest(library::IngestArgs),
    /// Full-text search over the stored sentences
    Search(library::SearchArgs),
    /// List stored documents with their date and layer counts
    Docs(library::DocsArgs),
    /// Print one stored document's layers as JSON
    Show(library::ShowArgs),
    /// Run a read-only SQL query on the store and print tab-separated rows
    Sql(library::SqlArgs),
    /// Ingest the bundled demo corpus into a fresh store and show what Dossier finds
    Demo(demo::Args),
    /// Write the stored documents, or one layer, as JSONL or CSV
    Export(export::Args),

    /// Show a knowledge-base entity (aliases, roles) and every stored mention, newest first
    Entity(entity::Args),
    /// Measure an annotator against external gold data
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Measure throughput (MB/s per core) and peak memory on the demo corpus
    Bench(bench::Args),
    /// Print the stored events, merged across documents, in time order
    Timeline(timeline::Args),
    /// Train a statistical model (part-of-speech tagger + lemmatizer, or dependency parser)
    #[command(subcommand)]
    Train(train::TrainCommand),
    /// Forecast ledger: list, resolve and score the stored forecasts
    Ledger(ledger::Args),
    /// Serve the web UI over the store (documents, search, timeline, entities, ledger)
    Serve(serve::Args),
    /// Keep the store in step with folders of reports; print new documents' events and forecasts come due
    Watch(watch::Args),
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Ingest(a) => library::ingest(a),
        Command::Search(a) => library::search(a),
        Command::Docs(a) => library::docs(a),
        Command::Show(a) => library::show(a),
        Command::Sql(a) => library::sql(a),
        Command::Demo(a) => demo::run(a),
        Command::Export(a) => export::run(a),

        Command::Entity(a) => entity::run(a),
        Command::Eval(c) => eval::run(c),
        Command::Bench(a) => bench::run(a),
        Command::Timeline(a) => timeline::run(a),
        Command::Train(c) => train::run(c),
        Command::Ledger(a) => ledger::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Watch(a) => watch::run(a),
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                c.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("dossier: internal error: {info} (please report this)");
    }));
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        die_quietly_on_closed_pipe();
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`dossier … | head`) is not an error worth reporting.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dossier: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `dossier eval … | head`: once the reader has gone, the next write to stdout should end the process
/// silently, as for other Unix filters, rather than panic inside `println!`. Rust starts programs with
/// SIGPIPE ignored; this restores the default action. Not for the server, whose clients may hang up.
fn die_quietly_on_closed_pipe() {
    #[cfg(unix)]
    {
        extern "C" {
            fn signal(signum: i32, handler: usize) -> usize;
        }
        const SIGPIPE: i32 = 13;
        const SIG_DFL: usize = 0;
        // SAFETY: setting a signal's disposition to its default has no memory-safety preconditions, and
        // runs before any thread is started.
        unsafe {
            signal(SIGPIPE, SIG_DFL);
        }
    }
}
