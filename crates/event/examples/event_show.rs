//! Prints the events of a text file (debugging aid): `cargo run -p dossier-event --example event_show -- FILE`.
use dossier_model::Document;

fn main() {
    let path = std::env::args().nth(1).expect("usage: show FILE");
    let text = std::fs::read_to_string(path).expect("read");
    let mut doc = Document::new(text);
    dossier_segment::segment(&mut doc);
    dossier_event::annotate(&mut doc);
    for e in &doc.events {
        println!(
            "{}",
            serde_json::to_string(&dossier_event::export::plover_record(&doc, e, 0)).unwrap()
        );
    }
}
