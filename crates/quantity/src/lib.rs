//! Quantities: cardinal and ordinal numbers, percentages, money, physical units, rates, ranges and bounds,
//! vague amounts and relative comparisons, with what a bare number counts.
//!
//! The extractor is a single left-to-right pass over a light token stream ([`lex`]); vocabularies (number
//! words, bound cues, currencies, units, word classes) are data files in `resources/quantity/`. Units are
//! normalized: ISO 4217 codes for money, SI symbols where SI applies, customary symbols otherwise (see
//! `resources/quantity/units.tsv` and `docs/schema.md`).
//!
//! Years, dates, times of day and durations belong to the time component: the extractor skips them on its own,
//! and when it runs after the time component it also drops anything overlapping `doc.timexes`, so every span
//! has one owner whichever order the components run in.

pub mod eval;
mod lex;
mod lexicon;
mod parse;

use dossier_model::{Component, Document, Quantity};

pub use parse::extract;

/// The quantity pipeline component: fills `doc.quantities`.
#[derive(Default)]
pub struct Quantities;

impl Component for Quantities {
    fn name(&self) -> &'static str {
        "quantity"
    }
    fn process(&self, doc: &mut Document) {
        let text = doc.text.as_str();
        match std::panic::catch_unwind(|| extract(text)) {
            Ok(mut qs) => {
                drop_timex_overlaps(&mut qs, doc);
                doc.quantities = qs;
            }
            Err(_) => {
                doc.quantities.clear();
                doc.warnings
                    .push("quantity: extractor failed on this document; layer left empty".into());
            }
        }
    }
}

/// Removes quantities that overlap a time expression (the time component owns those spans). A rate whose
/// denominator the time component tagged ("$28 an hour", "300 million a year") keeps its value and `per`, and
/// its span ends before the time expression.
fn drop_timex_overlaps(qs: &mut Vec<Quantity>, doc: &Document) {
    if doc.timexes.is_empty() {
        return;
    }
    let mut spans: Vec<_> = doc.timexes.iter().map(|t| t.span).collect();
    spans.sort();
    let text = doc.text.as_str();
    qs.retain_mut(|q| {
        let i = spans.partition_point(|s| s.end <= q.span.start);
        let Some(t) = spans.get(i).filter(|t| t.overlaps(q.span)) else {
            return true;
        };
        if q.per.is_none() || t.start <= q.span.start {
            return false;
        }
        let head = text.get(q.span.start..t.start).unwrap_or("");
        let head = head.trim_end().trim_end_matches(['/', '-']);
        let head = head.trim_end();
        let head = head
            .strip_suffix(" per")
            .or_else(|| head.strip_suffix(" a"))
            .or_else(|| head.strip_suffix(" an"))
            .or_else(|| head.strip_suffix(" each"))
            .unwrap_or(head)
            .trim_end();
        if head.is_empty()
            || !head
                .chars()
                .any(|c| c.is_ascii_digit() || c.is_alphabetic())
        {
            return false;
        }
        q.span.end = q.span.start + head.len();
        true
    });
}
