//! Attributed statements, estimative judgments, recommendations — and the maths to score forecasts.
//!
//! - [`JudgmentAnnotator`] is the pipeline [`Component`]: it fills `doc.statements` and `doc.judgments`
//!   from a segmented document (rules and lexicons in `resources/judgments/`).
//! - [`yardstick`] maps estimative phrases to probability bands (ICD 203 by default; UK PHIA, NATO).
//! - [`score`] computes Brier and log scores and calibration tables for resolved forecasts.
//! - [`ledger`] keeps forecasts in the store, records resolutions and scores them (`dossier ledger`).
//! - [`eval`] compares the output with a hand-made gold file.

pub mod due;
pub mod eval;
pub mod extract;
pub mod ledger;
pub mod lexicon;
pub mod meantime;
pub mod score;
pub mod yardstick;

use dossier_model::{Component, Document};

pub use yardstick::Yardstick;

/// The pipeline component.
#[derive(Clone, Copy, Debug, Default)]
pub struct JudgmentAnnotator {
    pub yardstick: Yardstick,
}

impl JudgmentAnnotator {
    pub fn new(yardstick: Yardstick) -> JudgmentAnnotator {
        JudgmentAnnotator { yardstick }
    }
}

impl Component for JudgmentAnnotator {
    fn name(&self) -> &'static str {
        "judgment"
    }

    fn process(&self, doc: &mut Document) {
        let yard = self.yardstick;
        let text_len = doc.text.len();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extract::annotate(doc, yard)
        }));
        debug_assert_eq!(doc.text.len(), text_len);
        if result.is_err() {
            doc.statements.clear();
            doc.judgments.clear();
            doc.warnings
                .push("judgment: internal error; statements and judgments left empty".into());
        }
    }
}
