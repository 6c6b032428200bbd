//! Commands over the store: `ingest`, `search`, `docs`, `show`, `sql`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context};
use dossier_ingest::Options;
use dossier_pipeline::{Pipeline, BATCH_BYTES, BATCH_DOCS};
use dossier_store::{PutOutcome, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::extract::{parse_dct, ConfigArgs};
use crate::DbArg;

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files or directories (recursive) to ingest
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArg,
    /// Document creation time (YYYY-MM-DD) for all given documents
    #[arg(long, value_name = "DATE", value_parser = parse_dct)]
    dct: Option<String>,
    /// Refuse documents larger than this many bytes
    #[arg(long, default_value_t = dossier_ingest::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    max_bytes: usize,
    #[command(flatten)]
    config: ConfigArgs,
}

/// Counts of what an ingest run did.
#[derive(Default, Debug, PartialEq, Eq)]
pub struct IngestReport {
    pub new: usize,
    pub new_versions: usize,
    pub unchanged: usize,
    pub failed: usize,
}

impl std::fmt::Display for IngestReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new, {} new version(s), {} unchanged, {} failed",
            self.new, self.new_versions, self.unchanged, self.failed
        )
    }
}

/// Annotates and stores documents one transaction each; a failure loses only that document.
pub fn store_documents(
    store: &mut Store,
    pipeline: &Pipeline,
    docs: impl ExactSizeIterator<Item = Result<dossier_model::Document, String>>,
) -> IngestReport {
    let bar = ProgressBar::new(docs.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut report = IngestReport::default();
    let mut batch = Vec::with_capacity(BATCH_DOCS);
    let mut docs = docs.peekable();
    while docs.peek().is_some() {
        // Read a batch, annotate it one component at a time (see `Pipeline::run_batch`), then store it.
        batch.clear();
        let mut bytes = 0;
        for d in docs.by_ref() {
            match d {
                Ok(doc) => {
                    bytes += doc.text.len();
                    batch.push(doc);
                }
                Err(e) => {
                    bar.inc(1);
                    bar.suspend(|| eprintln!("dossier: error: {e}"));
                    report.failed += 1;
                }
            }
            if batch.len() == BATCH_DOCS || bytes >= BATCH_BYTES {
                break;
            }
        }
        pipeline.run_batch(&mut batch);
        for doc in &batch {
            bar.inc(1);
            match store.put(doc) {
                Ok(PutOutcome::Inserted { version: 1 }) => report.new += 1,
                Ok(PutOutcome::Inserted { .. }) => report.new_versions += 1,
                Ok(PutOutcome::Unchanged) => report.unchanged += 1,
                Err(e) => {
                    let src = doc.meta.source.as_deref().unwrap_or("document");
                    bar.suspend(|| eprintln!("dossier: error: {src}: {e}"));
                    report.failed += 1;
                }
            }
        }
    }
    bar.finish_and_clear();
    report
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<()> {
    let mut store = args.db.open()?;
    let opts = Options {
        max_bytes: args.max_bytes,
        dct: args.dct,
    };
    let mut files = Vec::new();
    for p in &args.paths {
        files.extend(dossier_ingest::list_files(p)?);
    }
    let pipeline = args.config.pipeline();
    let docs = files
        .iter()
        .map(|f| dossier_ingest::read_file(f, &opts).map_err(|e| e.to_string()));
    let report = store_documents(&mut store, &pipeline, docs);
    eprintln!("ingested {} file(s): {report}", files.len());
    if report.failed > 0 {
        bail!("{} file(s) were not ingested", report.failed);
    }
    Ok(())
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to find (all must occur), or an FTS5 query ("exact phrase", OR, NOT, prefix*)
    query: String,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    db: DbArg,
}

pub fn search(args: SearchArgs) -> anyhow::Result<()> {
    let store = args.db.open()?;
    let hits = store.search(&args.query, args.limit)?;
    let mut out = std::io::stdout().lock();
    if hits.is_empty() {
        eprintln!("no sentence matches {:?}", args.query);
    }
    for h in hits {
        writeln!(
            out,
            "{}  {}  {}  [{}..{}]\n    {}",
            &h.doc_id[..8.min(h.doc_id.len())],
            h.dct.as_deref().unwrap_or("????-??-??"),
            h.title.as_deref().unwrap_or("(untitled)"),
            h.start,
            h.end,
            h.snippet("[", "]", str::to_string)
        )?;
    }
    Ok(())
}

#[derive(clap::Args)]
pub struct DocsArgs {
    #[command(flatten)]
    db: DbArg,
}

/// Prints the document table (used by `docs` and `demo`).
pub fn print_docs(store: &Store, out: &mut impl Write) -> anyhow::Result<()> {
    let docs = store.documents()?;
    let layers: Vec<String> = dossier_store::LAYERS
        .iter()
        .map(|l| l[..l.len().min(5)].to_string())
        .collect();
    writeln!(
        out,
        "{:<8}  {:<10}  {:<8}  {:>5}  {}  title",
        "id",
        "dct",
        "from",
        "sents",
        layers.join("  ")
    )?;
    for d in docs {
        let counts: Vec<String> = d
            .layer_counts
            .iter()
            .map(|(_, c)| format!("{c:>5}"))
            .collect();
        let mut title = d
            .title
            .clone()
            .unwrap_or_else(|| d.source.clone().unwrap_or_default());
        if title.chars().count() > 60 {
            title = title.chars().take(59).collect::<String>() + "…";
        }
        let version = if d.version > 1 {
            format!(" (v{})", d.version)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:<8}  {:<10}  {:<8}  {:>5}  {}  {title}{version}",
            &d.id[..8.min(d.id.len())],
            d.dct.as_deref().unwrap_or("-"),
            d.dct_source,
            d.sentences,
            counts.join("  ")
        )?;
    }
    Ok(())
}

pub fn docs(args: DocsArgs) -> anyhow::Result<()> {
    let store = args.db.open()?;
    print_docs(&store, &mut std::io::stdout().lock())
}

#[derive(clap::Args)]
pub struct ShowArgs {
    /// Document id (or a unique prefix, as `dossier docs` prints it)
    id: String,
    /// Include tokens (and their syntax)
    #[arg(long)]
    tokens: bool,
    #[command(flatten)]
    db: DbArg,
}

pub fn show(args: ShowArgs) -> anyhow::Result<()> {
    let store = args.db.open()?;
    let id = store.resolve_id(&args.id)?;
    let doc = store
        .get(&id)?
        .with_context(|| format!("no document {id}"))?;
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &doc.to_json(args.tokens))?;
    writeln!(out)?;
    Ok(())
}

#[derive(clap::Args)]
pub struct SqlArgs {
    /// A read-only SQL query, e.g. "SELECT value, count(*) FROM timexes GROUP BY value"
    query: String,
    #[command(flatten)]
    db: DbArg,
}

pub fn sql(args: SqlArgs) -> anyhow::Result<()> {
    let mut store = args.db.open()?;
    let rows = store.query_read_only(&args.query).context("bad SQL")?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", rows.columns.join("\t"))?;
    for row in &rows.rows {
        let cells: Vec<String> = row.iter().map(|v| v.to_string()).collect();
        writeln!(out, "{}", cells.join("\t"))?;
    }
    Ok(())
}
