//! Typed annotation layers. Each file belongs to one annotator; `docs/schema.md` documents the JSON form.
//!
//! Every struct that carries a text position flattens a [`crate::Span`] (`start`, `end`) into its JSON
//! object; [`crate::Document::to_json`] turns those into character offsets and adds the `text`.

mod entity;
mod event;
mod judgment;
mod quantity;
mod timex;

pub use entity::*;
pub use event::*;
pub use judgment::*;
pub use quantity::*;
pub use timex::*;
