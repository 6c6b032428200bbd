use serde::{Deserialize, Serialize};

use crate::Span;

/// One occurrence of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    #[serde(flatten)]
    pub span: Span,
}

/// An entity of this document, with all its mentions; `kb_id` links it to the knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Document-local id (`e1`, `e2`, …) or the KB id when linked.
    pub id: String,
    pub kb_id: Option<String>,
    pub name: String,
    /// PERSON, STATE, ORG, PLACE, WEAPON, EXERCISE, FORMATION, …
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3 code.
    pub country: Option<String>,
    /// PLOVER sector: GOV, MIL, LEG, …
    pub sector: Option<String>,
    pub mentions: Vec<Mention>,
}
