//! Entity recognition and linking for Dossier.
//!
//! A knowledge base ([`kb`]) of states, places, organisations, people with dated roles, weapon
//! systems, military formations and exercises is matched in the text with a word trie ([`matcher`]):
//! longest match, case/diacritic/hyphen insensitive, transliteration variants included. Unknown names
//! are found from capitalisation, titles and appositions; mentions are linked within a document
//! (surnames, demonyms, group references, capitals as metonyms) and checked against the KB's dated
//! roles ([`annotate::EntityAnnotator`]).

pub mod annotate;
pub mod kb;
pub mod matcher;
pub mod norm;
pub mod translit;

pub use annotate::{annotate, EntityAnnotator};
pub mod api;
pub mod eval;
