//! PLOVER event coding for Dossier.
//!
//! [`EventComponent`] finds event triggers (verbs and nouns from `resources/events/triggers.tsv`), codes them
//! with the 16 PLOVER types plus mode and context, extracts actors and recipients (from the dependency parse
//! when the syntax layer is filled, else from clause windows), location, time (a timex of the sentence, a year
//! in the event's name, an earlier mention of the same event, or the narrative time) and status (occurred,
//! planned, announced, reported, hypothetical, negated). [`merge()`] joins the same event reported by several
//! documents; [`export`] writes PLOVER JSON and CSV with a CAMEO root code; [`eval`] scores the coder on the
//! PLOVER gold records, MEANTIME and the PETRARCH2 unit tests.

pub mod eval;
pub mod export;
mod extract;
pub mod lexicon;
pub mod merge;
pub mod timeline;

use dossier_model::{Component, Document, Sentence};

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

/// For each sentence of a tagged `doc` (entities too, when present), whether the coder finds an event
/// trigger in it: the sentences whose dependencies it reads. A pipeline that parses only these
/// ([`dossier_model`] layers are otherwise unchanged) codes exactly the events of a fully parsed document.
pub fn sentences_to_parse(doc: &Document) -> Vec<bool> {
    extract::sentences_with_triggers(doc)
}

/// Whether `sentence` of `doc` may contain an event trigger, from token text alone (no tags, lemmas or parse):
/// true when some token's lower-case surface form is a form a trigger of the lexicon can start with (any
/// inflection of a verb trigger, a noun trigger's singular or plural, a multiword trigger's first word).
/// Conservative: false only if the coder cannot find a trigger in the sentence, so a pipeline may skip the
/// parser for such sentences. Cheap (one hash lookup per token, no allocation for short ASCII tokens).
pub fn may_have_event(doc: &Document, sentence: &Sentence) -> bool {
    let lex = lexicon::Lexicon::get();
    let end = sentence.tokens.end.min(doc.tokens.len());
    let start = sentence.tokens.start.min(end);
    let mut buf = [0u8; 32];
    let mut owned = String::new();
    // A "must"/"should" demand needs a speech verb in the sentence as well.
    let (mut speech_only, mut speech) = (false, false);
    // Verb–object patterns: the verb and object forms seen, paired up at the end.
    let (mut verbs, mut objects): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for t in &doc.tokens[start..end] {
        let w = doc.slice(t.span);
        if w.len() < 2 || !w.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let lower: &str = if w.is_ascii() && w.len() <= buf.len() {
            let b = &mut buf[..w.len()];
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            // ASCII in, ASCII out.
            std::str::from_utf8(b).unwrap_or("")
        } else {
            owned.clear();
            owned.extend(w.chars().flat_map(char::to_lowercase));
            owned.as_str()
        };
        if lex.trigger_starts.contains(lower) {
            if !lex.speech_only_starts.contains(lower) {
                return true;
            }
            speech_only = true;
        }
        speech |= lex.speech_forms.contains(lower);
        if speech_only && speech {
            return true;
        }
        if lex.pair_verbs.contains(lower) {
            verbs.push(lower.to_string());
        }
        if lex.pair_objects.contains(lower) {
            objects.push(lower.to_string());
        }
    }
    objects.iter().any(|o| {
        lex.lemmas(o)
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(o.as_str()))
            .filter_map(|l| lex.pairs.get(l))
            .flatten()
            .any(|v| verbs.iter().any(|f| lex.lemmas(f).contains(v) || f == v))
    })
}
