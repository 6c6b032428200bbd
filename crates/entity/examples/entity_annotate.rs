//! Prints the entities of a text file: `cargo run -p dossier-entity --example entity_annotate -- FILE [DCT] [--json]`.

use dossier_model::{Component, Dct, Document};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: annotate FILE [DCT] [--json]");
    let text = std::fs::read_to_string(path).expect("readable file");
    let mut doc = Document::new(text);
    if let Some(d) = args.get(2).filter(|a| !a.starts_with("--")) {
        doc.meta.dct = Dct::given(d.clone());
    }
    dossier_segment::segment(&mut doc);
    dossier_entity::EntityAnnotator::new().process(&mut doc);
    if args.iter().any(|a| a == "--json") {
        let v = doc.to_json(false);
        println!("{}", serde_json::to_string_pretty(&v["entities"]).unwrap());
        return;
    }
    for e in &doc.entities {
        let ms: Vec<String> = e
            .mentions
            .iter()
            .map(|m| {
                format!(
                    "{}[{}{}]",
                    doc.slice(m.span),
                    m.form,
                    if m.actor { ",actor" } else { "" }
                )
            })
            .collect();
        println!(
            "{:<28} {:<9} {:<40} {:<4} {:<4} {}",
            e.id,
            e.kind,
            e.name,
            e.country.as_deref().unwrap_or("-"),
            e.sector.as_deref().unwrap_or("-"),
            ms.join(" | ")
        );
        for r in &e.text_roles {
            println!(
                "    text role: {} {:?} org={:?} agrees={:?}",
                doc.slice(r.span),
                r.role,
                r.org,
                r.agrees
            );
        }
        if !e.members.is_empty() {
            println!("    members: {:?}", e.members);
        }
        for f in &e.flags {
            println!("    FLAG {f}");
        }
    }
}
