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

/// The event whose trigger is exactly `trigger`.
pub fn event<'a>(doc: &'a Document, trigger: &str) -> &'a Event {
    doc.events
        .iter()
        .find(|e| doc.slice(e.span) == trigger)
        .unwrap_or_else(|| panic!("no event on {trigger:?}: {:?}", doc.events))
}
