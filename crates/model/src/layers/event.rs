use serde::{Deserialize, Serialize};

use crate::Span;

/// Whether and how an event happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    #[default]
    Occurred,
    Planned,
    Announced,
    Reported,
    Hypothetical,
    Negated,
}

/// A PLOVER-coded event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The trigger word or phrase.
    #[serde(flatten)]
    pub span: Span,
    /// PLOVER type: AGREE, CONSULT, …, ASSAULT.
    pub event_type: String,
    pub mode: Option<String>,
    pub context: Option<String>,
    /// Entity ids of the actors and recipients.
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    pub location: Option<String>,
    /// A TIMEX3 value (or `begin/end` range) for when it happened.
    pub time: Option<String>,
    pub status: EventStatus,
}
