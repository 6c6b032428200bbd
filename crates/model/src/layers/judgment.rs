use serde::{Deserialize, Serialize};

use crate::Span;

/// Speech attributed to someone other than the author.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    #[serde(flatten)]
    pub span: Span,
    /// Speaker as written.
    pub speaker: String,
    /// Entity id of the speaker, once entities are linked.
    pub speaker_entity: Option<String>,
    pub cue: Span,
    pub content: Span,
    pub direct: bool,
    pub negated: bool,
}

/// A probability range from an analytic yardstick.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probability {
    pub low: f64,
    pub high: f64,
    pub point: f64,
    pub yardstick: String,
}

/// An estimative judgment, forecast or recommendation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Judgment {
    #[serde(flatten)]
    pub span: Span,
    /// `forecast`, `assessment` or `recommendation`.
    pub kind: String,
    pub cue: Span,
    pub polarity: String,
    pub probability: Option<Probability>,
    /// `author` or the speaker of the enclosing statement.
    pub holder: String,
    pub due: Option<String>,
    pub due_source: Option<String>,
    pub addressee: Option<String>,
}
