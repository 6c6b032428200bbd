//! Helpers shared by the event tests that run the standard pipeline.
#![allow(dead_code)]

use dossier_model::{Document, Event};
use dossier_pipeline::{Config, Pipeline};

/// `text` through the standard pipeline (no ingest: no blocks, no date of writing).
pub fn coded(text: &str) -> Document {
    let mut doc = Document::new(text);
    Pipeline::standard(&Config::default()).run(&mut doc);
    doc
}

/// `text` ingested like a .txt file (so that its paragraphs, titles and headings become blocks), with the
/// date of writing `dct` when given, through the standard pipeline.
pub fn ingested(text: &str, dct: Option<&str>) -> Document {
    let mut doc = dossier_ingest::from_text(text, "test.txt", &Default::default()).expect("ingest");
    if let Some(d) = dct {
        doc.meta.dct = dossier_model::Dct::given(d);
    }
    Pipeline::standard(&Config::default()).run(&mut doc);
    doc
}

/// The event whose trigger is exactly `trigger`.
pub fn event<'a>(doc: &'a Document, trigger: &str) -> &'a Event {
    doc.events
        .iter()
        .find(|e| doc.slice(e.span) == trigger)
        .unwrap_or_else(|| panic!("no event on {trigger:?}: {:?}", doc.events))
}
