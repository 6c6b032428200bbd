//! Held-out proxy evaluation on MEANTIME: `cargo run --release -p dossier-judgment --example meantime [DIR]`.

use std::path::PathBuf;

use dossier_judgment::{meantime, JudgmentAnnotator};
use dossier_model::Component;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|a| a.join("shared/eval/events/meantime-en/intra-doc_annotation"))
                .find(|p| p.exists())
                .expect("MEANTIME folder (shared/eval/events/meantime-en) or a path argument")
        });
    let comp = JudgmentAnnotator::default();
    // The segmenter on main panics on some non-ASCII words; such documents are counted and left
    // unannotated (they then count as misses) rather than aborting the run.
    let failed = std::sync::atomic::AtomicUsize::new(0);
    std::panic::set_hook(Box::new(|_| {}));
    let rep = meantime::evaluate(&dir, &|d| {
        let ok =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dossier_segment::segment(d)))
                .is_ok();
        if ok {
            comp.process(d);
        } else {
            d.tokens.clear();
            d.sentences.clear();
            failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    })
    .expect("readable corpus");
    print!("{rep}");
    if std::env::var_os("MEANTIME_ERRORS").is_some() {
        for e in &rep.errors {
            println!("{e}");
        }
    }
    println!(
        "  documents the segmenter failed on (left unannotated): {}",
        failed.into_inner()
    );
}
