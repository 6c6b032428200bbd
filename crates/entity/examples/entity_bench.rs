//! Throughput of KB matching + linking (the whole entity annotator, without segmentation), single thread:
//! `cargo run --release -p dossier-entity --example entity_bench -- [FILE ...]` (default: the re3d and UNER texts
//! under ../shared/eval, else a built-in sample). Prints MB/s per core.

use std::time::Instant;

use dossier_model::Document;

/// Nanoseconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`), so the figure is per
/// core even when other processes share the machine.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut texts: Vec<String> = args
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        let base = dossier_entity::eval::shared_dir().join("eval/entities");
        if let Ok(docs) = dossier_entity::eval::read_re3d(&base.join("re3d")) {
            texts.extend(docs.into_iter().map(|d| d.text));
        }
        for s in ["dev", "test"] {
            if let Ok(docs) = dossier_entity::eval::read_uner(
                &base.join(format!("uner-en-ewt/en_ewt-ud-{s}.iob2")),
            ) {
                texts.extend(docs.iter().map(|d| d.text()));
            }
        }
    }
    if texts.is_empty() {
        texts.push("On 3 December, defence ministers Viktar Khrenin and Sergei Shoigu signed a protocol in Minsk. Both countries will hold Zapad 2023; the Iskander-M (NATO: SS-26 Stone) entered service. ".repeat(200));
    }
    let docs: Vec<Document> = texts.into_iter().map(Document::new).collect();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    // Warm up (builds the KB and matcher once).
    let t0 = Instant::now();
    let _ = dossier_entity::annotate(&docs[0]);
    let init = t0.elapsed();
    let mut total = 0usize;
    let mut n_ents = 0usize;
    let t = Instant::now();
    let c0 = cpu_ns();
    let mut rounds = 0;
    while t.elapsed().as_secs_f64() < 3.0 || rounds < 2 {
        for d in &docs {
            n_ents += dossier_entity::annotate(d).len();
            total += d.text.len();
        }
        rounds += 1;
    }
    let wall = t.elapsed().as_secs_f64();
    let secs = match (c0, cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
        _ => wall,
    };
    println!(
        "entity: {:.1} MB/s per core of CPU time ({:.1} MB/s wall; {} docs, {:.2} MB per round, {} rounds, {} entities/round; KB+matcher init {:.0} ms)",
        total as f64 / secs / 1e6,
        total as f64 / wall / 1e6,
        docs.len(),
        bytes as f64 / 1e6,
        rounds,
        n_ents / rounds,
        init.as_secs_f64() * 1e3
    );
}
