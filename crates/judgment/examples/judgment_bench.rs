//! Throughput of the judgment component alone (segmentation done beforehand), one thread.
//! `cargo run --release -p dossier-judgment --example judgment_bench [-- FILE...]`
//! Without files it uses the seed brief from the shared folder, repeated to about 10 MB.

use std::path::PathBuf;
use std::time::Instant;

use dossier_judgment::eval::line_blocks;
use dossier_judgment::JudgmentAnnotator;
use dossier_model::{Component, Dct, Document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = if args.is_empty() {
        let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let seed = here
            .ancestors()
            .map(|a| a.join("shared/seeds/000_11c1b68eb0c62326.txt"))
            .find(|p| p.exists())
            .expect("seed text (shared/seeds) or files on the command line");
        vec![std::fs::read_to_string(seed).unwrap()]
    } else {
        args.iter()
            .map(|p| std::fs::read_to_string(p).expect("readable file"))
            .collect()
    };
    // Documents of the input size, repeated until ~10 MB.
    let unit: usize = texts.iter().map(String::len).sum();
    let reps = (10_000_000 / unit.max(1)).max(1);
    let mut docs: Vec<Document> = Vec::new();
    for _ in 0..reps {
        for t in &texts {
            let mut d = Document::new(t.clone());
            d.meta.dct = Dct::given("2023-01-01");
            line_blocks(&mut d);
            dossier_segment::segment(&mut d);
            docs.push(d);
        }
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let comp = JudgmentAnnotator::default();
    // Warm-up (lexicons load once).
    comp.process(&mut docs[0]);
    let mut best = f64::INFINITY;
    let mut counts = (0, 0);
    for _ in 0..3 {
        let t = Instant::now();
        for d in docs.iter_mut() {
            comp.process(d);
        }
        best = best.min(t.elapsed().as_secs_f64());
        counts = docs.iter().fold((0, 0), |(s, j), d| {
            (s + d.statements.len(), j + d.judgments.len())
        });
    }
    println!(
        "judgment: {:.1} MB in {:.3} s (best of 3, 1 thread) = {:.1} MB/s per core; {} statements, {} judgments",
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best,
        counts.0,
        counts.1
    );
}
