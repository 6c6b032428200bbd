//! Held-out proxy evaluation on MEANTIME:
//! `cargo run --release -p dossier-judgment --example meantime -- DIR...` (default: the whole corpus).
//! Set MEANTIME_ERRORS=1 to print every miss and false positive.

use std::path::PathBuf;

use dossier_judgment::{meantime, JudgmentAnnotator};
use dossier_model::Component;

fn main() {
    let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        dirs.push(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|a| a.join("shared/eval/events/meantime-en/intra-doc_annotation"))
                .find(|p| p.exists())
                .expect("MEANTIME folder (shared/eval/events/meantime-en) or path arguments"),
        );
    }
    let comp = JudgmentAnnotator::default();
    // Documents an upstream component panics on are counted in the report; keep stderr quiet.
    std::panic::set_hook(Box::new(|_| {}));
    let mut total = meantime::Report::default();
    for dir in &dirs {
        let rep = meantime::evaluate(dir, &|d| {
            dossier_segment::segment(d);
            comp.process(d);
        })
        .expect("readable corpus");
        total.add(rep);
    }
    print!("{total}");
    if std::env::var_os("MEANTIME_ERRORS").is_some() {
        for e in &total.errors {
            println!("{e}");
        }
    }
}
