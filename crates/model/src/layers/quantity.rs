use serde::{Deserialize, Serialize};

use crate::Span;

/// How a quantity's value relates to the true amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    #[default]
    Exact,
    Approx,
    /// "more than", "over", "above"
    Greater,
    /// "at least"
    AtLeast,
    /// "less than", "under", "below"
    Less,
    /// "up to", "at most"
    AtMost,
    /// "between 9,000 and 13,000": `value` is the low end, `high` the high end
    Range,
}

/// A unit amount a quantity is divided by: "$128.50 for 1,000 m3" has `per` = {1000, m3}.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Per {
    pub value: f64,
    pub unit: String,
}

/// A number with unit, bound and what it counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    #[serde(flatten)]
    pub span: Span,
    /// The amount in `unit` (scale words applied: "1.5 million" = 1500000); `None` for vague amounts
    /// ("several", "hundreds of") and for relative comparisons without a factor ("several times less").
    pub value: Option<f64>,
    /// Upper end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Normalized unit (ISO 4217 code for money, `%`, SI symbols); `None` for bare counts.
    pub unit: Option<String>,
    pub bound: Bound,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<Per>,
    /// The noun phrase the number counts ("economic integration programmes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// `cardinal`, `ordinal`, `percent`, `money`, `dimension`, `relative`, `vague`.
    pub kind: String,
}
