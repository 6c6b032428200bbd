//! Tags text from stdin and prints the time expressions: `tag [DCT] [news|narrative]`.
use std::io::Read;

use dossier_model::{Component, Document};
use dossier_time::{Anchoring, TimeTagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let mut doc = Document::new(text);
    if let Some(d) = args.first().filter(|d| d.as_str() != "-") {
        doc.meta.dct = dossier_model::Dct::given(d.clone());
    }
    let mode = args
        .get(1)
        .and_then(|m| Anchoring::parse(m))
        .unwrap_or_default();
    TimeTagger::new(mode).process(&mut doc);
    println!(
        "DCT {:?} {:?} {:?}",
        doc.meta.dct.value, doc.meta.dct.source, doc.meta.dct.bracket
    );
    for t in &doc.timexes {
        println!(
            "{:?}\t{:?}\t{}\t{:?}\t{:?}\t{:?}",
            doc.slice(t.span),
            t.kind,
            t.value,
            t.modifier,
            t.range.as_ref().map(|r| (&r.begin, &r.end)),
            t.anchor
        );
    }
    for w in &doc.warnings {
        println!("WARNING {w}");
    }
}
