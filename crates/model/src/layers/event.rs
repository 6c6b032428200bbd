use serde::{Deserialize, Serialize};

use crate::Span;

/// Whether and how an event happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

impl EventStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Occurred => "occurred",
            EventStatus::Planned => "planned",
            EventStatus::Announced => "announced",
            EventStatus::Reported => "reported",
            EventStatus::Hypothetical => "hypothetical",
            EventStatus::Negated => "negated",
        }
    }
}

/// An actor or recipient of an event: the mention in the event's sentence, the entity it refers to when the
/// entity layer linked it, and its PLOVER country and sector codes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventArgument {
    #[serde(flatten)]
    pub span: Span,
    /// Entity id (`doc.entities[..].id`) when the mention belongs to an entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Canonical name (the entity name, or the mention text).
    pub name: String,
    /// ISO 3166-1 alpha-3 code, or an IGO/NGO code.
    pub country: Option<String>,
    /// PLOVER sector: GOV, MIL, LEG, COP, REB, CVL, …
    pub sector: Option<String>,
}

/// A PLOVER-coded event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The trigger word or phrase.
    #[serde(flatten)]
    pub span: Span,
    /// PLOVER type: AGREE, CONSULT, …, ASSAULT.
    pub event_type: String,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub actors: Vec<EventArgument>,
    pub recipients: Vec<EventArgument>,
    pub location: Option<String>,
    /// ISO 3166-1 alpha-3 code of the location's country, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_country: Option<String>,
    /// A TIMEX3 value (or `begin/end` range) for when it happened or is to happen.
    pub time: Option<String>,
    /// Where `time` came from: `sentence` (a timex in the event's sentence), `trigger` (a year inside the
    /// event's name, "Zapad 2023"), `coreference` (an earlier mention of the same event), `document` (the
    /// document's date, for a verb in the present tense: "Police arrest …"), `narrative` (the last date of
    /// the preceding text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_source: Option<String>,
    pub status: EventStatus,
    /// For `announced` events: when the announcement was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<String>,
    /// For `reported` / `announced` events: who said or announced it (mention text or entity id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    /// CAMEO code the trigger corresponds to (the root is its first two digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
}
