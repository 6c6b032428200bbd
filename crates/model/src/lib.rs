//! The document model shared by every Dossier stage.
//!
//! A [`Document`] is the original text, never rewritten, plus standoff layers that point into it by byte
//! span: blocks, sentences, tokens, and the typed layers that annotators fill (timexes, entities,
//! quantities, events, statements, judgments). Each pipeline stage is a [`Component`] that adds or refines
//! layers. The JSON interchange form ([`Document::to_json`]) converts byte spans to Unicode character
//! offsets and attaches the covered text, as `docs/schema.md` specifies.

mod doc;
pub mod fold;
mod json;
mod layers;
mod span;
mod wordlists;
pub mod xml;

pub use doc::{
    intern, Block, BlockKind, Dct, DctSource, Document, Label, Meta, Sentence, Token, TokenSyntax,
};
pub use json::CharMap;
pub use layers::*;
pub use span::Span;
pub use wordlists::WordLists;

/// A pipeline component: adds one layer (or refines existing ones) on a document.
///
/// Components must not change `doc.text`. They must not panic on any input; a component that
/// cannot handle a document records a warning in `doc.warnings` and leaves its layer empty.
pub trait Component: Send + Sync {
    /// Short stable name, used in configuration and timing output (e.g. `"time"`).
    fn name(&self) -> &'static str;
    /// Annotates `doc` in place.
    fn process(&self, doc: &mut Document);
}

/// English month names, lower case, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, lower case, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Content hash used as a document id: the first 16 hex digits of the SHA-256 of the text.
pub fn content_id(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}
