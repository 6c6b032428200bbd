//! Prints the statements and judgments of a text file (or stdin) as JSON.
//! `cargo run -p dossier-judgment --example judgment_annotate -- FILE [DCT] [YARDSTICK]`

use std::io::Read;

use dossier_judgment::eval::line_blocks;
use dossier_judgment::{JudgmentAnnotator, Yardstick};
use dossier_model::{Component, Dct, Document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut text = String::new();
    match args.first().map(String::as_str) {
        None | Some("-") => {
            std::io::stdin().read_to_string(&mut text).expect("stdin");
        }
        Some(p) => text = std::fs::read_to_string(p).expect("readable file"),
    }
    let mut doc = Document::new(text);
    if let Some(d) = args.get(1) {
        doc.meta.dct = Dct::given(d.clone());
    }
    let yard = args
        .get(2)
        .and_then(|y| Yardstick::parse(y))
        .unwrap_or_default();
    line_blocks(&mut doc);
    dossier_segment::segment(&mut doc);
    JudgmentAnnotator::new(yard).process(&mut doc);
    let v = doc.to_json(false);
    let out = serde_json::json!({"statements": v["statements"], "judgments": v["judgments"], "warnings": v["warnings"]});
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
