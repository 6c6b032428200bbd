//! `dossier bench`: throughput per core and peak memory of the pipeline on the demo corpus.

use std::time::{Duration, Instant};

use dossier_pipeline::{Config, Pipeline};

#[derive(clap::Args)]
pub struct Args {
    /// Megabytes of text to process (the demo corpus repeated)
    #[arg(long, default_value_t = 50)]
    mb: usize,
    /// Stop the pipeline after this component (e.g. `segment`)
    #[arg(long, value_name = "COMPONENT")]
    until: Option<String>,
    /// Parse every sentence, not only those with an event trigger
    #[arg(long)]
    parse_all: bool,
}

/// Peak resident memory of this process in MiB (Linux), if known.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let pipeline = Pipeline::standard(&Config {
        until: args.until.clone(),
        parse_all: args.parse_all,
        ..Config::default()
    });
    let docs: Vec<_> = crate::demo::demo_documents()
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(anyhow::Error::msg)?;
    let target = args.mb * 1_000_000;
    let mut timings: Vec<Duration> = Vec::new();
    let (mut bytes, mut count) = (0usize, 0usize);
    let start = Instant::now();
    while bytes < target {
        // In batches, as `dossier ingest` runs the pipeline (the demo documents are small).
        for chunk in docs.chunks(dossier_pipeline::BATCH_DOCS) {
            let mut batch = chunk.to_vec();
            pipeline.run_batch_timed(&mut batch, &mut timings);
            bytes += batch.iter().map(|d| d.text.len()).sum::<usize>();
            count += batch.len();
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let busy: f64 = timings.iter().map(Duration::as_secs_f64).sum();
    let mb = bytes as f64 / 1e6;
    println!("processed {mb:.1} MB in {count} documents on 1 core (single thread)");
    println!("pipeline: {}", pipeline.names().join(" → "));
    for (name, t) in pipeline.names().iter().zip(&timings) {
        println!(
            "  {name:<10} {:>8.2} s  {:>9.1} MB/s",
            t.as_secs_f64(),
            mb / t.as_secs_f64().max(1e-9)
        );
    }
    println!(
        "all components: {:.1} MB/s per core ({busy:.2} s thread CPU time, {wall:.2} s wall incl. copying)",
        mb / busy.max(1e-9)
    );
    match peak_rss_mib() {
        Some(m) => println!("peak memory: {m:.1} MiB"),
        None => println!("peak memory: unknown on this platform"),
    }
    Ok(())
}
