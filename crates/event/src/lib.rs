//! PLOVER event coding for Dossier.
//!
//! [`EventComponent`] finds event triggers (verbs and nouns from `resources/events/triggers.tsv`), codes them
//! with the 16 PLOVER types plus mode and context, extracts actors and recipients (from the dependency parse
//! when the syntax layer is filled, else from clause windows), location, time (a timex of the sentence, a year
//! in the event's name, an earlier mention of the same event, or the narrative time) and status (occurred,
//! planned, announced, reported, hypothetical, negated). [`merge`] joins the same event reported by several
//! documents; [`export`] writes PLOVER JSON and CSV with a CAMEO root code; [`eval`] scores the coder on the
//! PLOVER gold records, MEANTIME and the PETRARCH2 unit tests.

pub mod eval;
pub mod export;
mod extract;
pub mod lexicon;
pub mod merge;
pub mod timeline;

use dossier_model::{Component, Document};

pub use extract::{factuality, Options};
pub use lexicon::{cameo_root, PLOVER_TYPES};
pub use merge::{merge, MergedEvent, SourcedEvent};

/// The event annotator.
#[derive(Default)]
pub struct EventComponent {
    pub options: Options,
}

impl EventComponent {
    pub fn new() -> EventComponent {
        // Parse the embedded tables now rather than on the first document.
        let _ = lexicon::Lexicon::get();
        EventComponent::default()
    }
    pub fn with_options(options: Options) -> EventComponent {
        EventComponent { options }
    }
}

impl Component for EventComponent {
    fn name(&self) -> &'static str {
        "event"
    }

    fn process(&self, doc: &mut Document) {
        if doc.sentences.is_empty() || doc.tokens.is_empty() {
            return;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extract::extract(doc, self.options)
        }));
        match result {
            Ok(events) => doc.events = events,
            Err(_) => {
                doc.events.clear();
                doc.warnings.push(
                    "event: extraction failed on this document; events layer left empty".into(),
                );
            }
        }
    }
}

/// Annotates `doc` with events (convenience wrapper around [`EventComponent`]).
pub fn annotate(doc: &mut Document) {
    EventComponent::default().process(doc);
}
