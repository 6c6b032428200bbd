use serde::{Deserialize, Serialize};

use crate::Span;

/// Speech attributed to someone other than the author.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    #[serde(flatten)]
    pub span: Span,
    /// Speaker as written; `None` for an agentless passive ("it was announced that …").
    pub speaker: Option<String>,
    /// Where the speaker is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<Span>,
    /// Entity id of the speaker, once entities are linked.
    pub speaker_entity: Option<String>,
    /// The reporting cue: "confirmed", "according to", …
    pub cue: Span,
    /// What was said (without the complementizer "that").
    pub content: Span,
    /// Quoted speech (true) or reported speech (false).
    pub direct: bool,
    /// "did not confirm that …"
    pub negated: bool,
}

/// A probability range from an analytic yardstick (all values in 0–1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probability {
    pub low: f64,
    pub high: f64,
    /// Point estimate: the median reading of the phrase by lay readers (CAPphrase), kept inside the band.
    pub point: f64,
    /// `icd203`, `uk-phia`, `nato`; `readers` for vague modals (inter-quartile range of readers);
    /// `assertion` for unhedged "will" (0.95–1).
    pub yardstick: String,
    /// The yardstick term the cue maps to ("Likely"), or the reader phrase ("May Happen").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

/// An estimative judgment, forecast or recommendation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Judgment {
    /// The clause that holds the judgment.
    #[serde(flatten)]
    pub span: Span,
    /// `forecast`, `assessment` or `recommendation`.
    pub kind: String,
    pub cue: Span,
    /// How the likelihood is expressed: `estimative` (yardstick phrase), `vague` (may/might/could),
    /// `assertion` (unhedged "will"), `evidential` ("this indicates that"), `directive` (recommendations).
    #[serde(default)]
    pub class: String,
    /// `positive`, or `negative` when the proposition is negated ("will not").
    pub polarity: String,
    pub probability: Option<Probability>,
    /// Analytic confidence (`high`, `moderate`, `low`), kept apart from probability as ICD 203 requires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// `author` or the speaker of the enclosing statement (`unattributed` for agentless passives).
    pub holder: String,
    /// Index into `statements` when the judgment is reported speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<usize>,
    /// ISO date by which a forecast should have come true (end of the period named).
    pub due: Option<String>,
    /// `text` (from a time expression) or `default` (DCT + default horizon).
    pub due_source: Option<String>,
    /// For recommendations: who should act.
    pub addressee: Option<String>,
    /// `text` (named as the subject) or `implied` (inferred from context).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee_source: Option<String>,
    /// For recommendations: the recommended action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Span>,
    /// For conditional forecasts: the "if" clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Span>,
}
