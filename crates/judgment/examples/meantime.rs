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
    std::panic::set_hook(Box::new(|_| {}));
    let rep = meantime::evaluate(&dir, &|d| {
        dossier_segment::segment(d);
        comp.process(d);
    })
    .expect("readable corpus");
    print!("{rep}");
    if std::env::var_os("MEANTIME_ERRORS").is_some() {
        for e in &rep.errors {
            println!("{e}");
        }
    }
}
