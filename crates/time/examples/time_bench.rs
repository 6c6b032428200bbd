//! Throughput of the time component alone, and the cold single-document latency.
//!
//! `cargo run --release -p dossier-time --example time_bench -- [FILE_OR_DIR ...] [--mb N]`
//! Without inputs it uses the WikiWars and TE3 texts from ../shared/eval when present, else a built-in
//! paragraph. Prints MB/s per core (one thread).
use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier_model::{Component, Document};
use dossier_time::{read_timeml, Anchoring, TimeTagger};

fn texts(paths: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for p in paths {
        let files: Vec<PathBuf> = if p.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(p)
                .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            v.sort();
            v
        } else {
            vec![p.clone()]
        };
        for f in files {
            if let Ok(s) = std::fs::read_to_string(&f) {
                if f.extension().is_some_and(|x| x == "tml") {
                    if let Ok(td) = read_timeml(&s) {
                        out.push(td.doc.text);
                    }
                } else {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// CPU time of this thread in seconds (Linux `/proc/thread-self/schedstat`), if available: the machine
/// may be shared, so wall time alone understates per-core speed.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mb: f64 = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(50.0);
    let mut paths: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--") && a.parse::<f64>().is_err())
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/time");
        let shared = std::env::var_os("DOSSIER_SHARED")
            .map(|s| PathBuf::from(s).join("eval/time"))
            .unwrap_or(shared);
        paths = vec![shared.join("wikiwars/tml"), shared.join("te3-platinum/tml")];
    }
    let mut docs = texts(&paths);
    if docs.is_empty() {
        docs.push("On 19 December 2022, Putin visited Minsk; three days later, talks resumed. In 2023 there will be exercises, and the next three years will see more. ".repeat(50));
    }
    let tagger = TimeTagger::new(Anchoring::News);
    // Cold run: the first document, including loading the data tables.
    let t0 = Instant::now();
    let mut first = Document::new(docs[0].clone());
    first.meta.dct = dossier_model::Dct::given("2013-03-22");
    tagger.process(&mut first);
    let cold = t0.elapsed();
    println!(
        "cold first document ({} bytes, tables loaded): {:.2} ms, {} timexes",
        docs[0].len(),
        cold.as_secs_f64() * 1e3,
        first.timexes.len()
    );
    let target = (mb * 1e6) as usize;
    let (mut bytes, mut n, mut found) = (0usize, 0usize, 0usize);
    let mut busy = 0.0;
    let mut cpu = 0.0;
    while bytes < target {
        for t in &docs {
            let mut d = Document::new(t.clone());
            d.meta.dct = dossier_model::Dct::given("2013-03-22");
            let c0 = thread_cpu();
            let s = Instant::now();
            tagger.process(&mut d);
            busy += s.elapsed().as_secs_f64();
            if let (Some(a), Some(b)) = (c0, thread_cpu()) {
                cpu += b - a;
            }
            bytes += t.len();
            found += d.timexes.len();
            n += 1;
        }
    }
    let mb = bytes as f64 / 1e6;
    println!("time component: {mb:.1} MB in {n} documents, {found} timexes: {:.1} MB/s wall-clock (single thread)", mb / busy);
    if cpu > 0.0 {
        println!(
            "time component: {:.1} MB/s per core of CPU time (thread CPU clock)",
            mb / cpu
        );
    }
}
