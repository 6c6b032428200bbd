use serde::{Deserialize, Serialize};

use crate::Span;

/// TIMEX3 `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression normalized to a TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    #[serde(flatten)]
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 `value`: `2022-12-19`, `2023-Q1`, `P3Y`, `XXXX-WXX-1`, `PRESENT_REF`, …
    pub value: String,
    /// TIMEX3 `mod`: START, END, MID, APPROX, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, …
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// For ranges ("26-27 December", "2024-2026"): the first and last values, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<TimexRange>,
    /// What a relative expression was resolved against: `dct`, `narrative`, or absent for absolute values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimexRange {
    pub begin: String,
    pub end: String,
    /// Where the first end is written ("26" in "26-27 December"); the TimeML export tags it separately.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begin_span: Option<Span>,
    /// Where the last end is written ("27 December").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_span: Option<Span>,
}
