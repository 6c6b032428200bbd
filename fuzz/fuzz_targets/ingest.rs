//! Any bytes as text, Markdown or HTML: a document or a clear error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    use dossier_ingest::{from_bytes, Format, Options};
    for format in [Format::Text, Format::Markdown, Format::Html] {
        if let Ok(doc) = from_bytes(data, "fuzz", format, &Options::default()) {
            for b in &doc.blocks {
                assert!(b.span.start <= b.span.end && b.span.end <= doc.text.len());
                assert!(doc.text.is_char_boundary(b.span.start) && doc.text.is_char_boundary(b.span.end));
            }
        }
    }
});
