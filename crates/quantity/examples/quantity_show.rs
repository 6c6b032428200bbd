//! Prints the quantities of stdin (one JSON object per line): `cargo run --example quantity_show < file.txt`.
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("read stdin");
    for q in dossier_quantity::extract(&text) {
        let mut v = serde_json::to_value(&q).expect("json");
        v["text"] = text[q.span.start..q.span.end].into();
        println!("{v}");
    }
}
