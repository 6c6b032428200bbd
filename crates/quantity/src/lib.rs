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

/// Removes quantities that overlap a time expression (the time component owns those spans).
fn drop_timex_overlaps(qs: &mut Vec<Quantity>, doc: &Document) {
    if doc.timexes.is_empty() {
        return;
    }
    let mut spans: Vec<_> = doc.timexes.iter().map(|t| t.span).collect();
    spans.sort();
    qs.retain(|q| {
        let i = spans.partition_point(|s| s.end <= q.span.start);
        !(i < spans.len() && spans[i].overlaps(q.span))
    });
}
