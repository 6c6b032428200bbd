//! Evaluation against a hand-made gold file (JSON).
//!
//! Gold items are anchored by a short, unique quotation of the text (`anchor`), which must contain the cue.
//! A predicted statement matches a gold one when its cue lies inside the anchor and the cue words agree; a
//! predicted judgment matches when its cue lies inside the anchor and the kind agrees. Attributes (speaker,
//! holder, addressee, due date, yardstick term) are then scored on the matched pairs.

use std::fmt;

use dossier_model::{Document, Span};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    /// Text file the gold refers to (informative).
    #[serde(default)]
    pub source: String,
    /// DCT to annotate with (the text's own date line is absent).
    #[serde(default)]
    pub dct: Option<String>,
    pub statements: Vec<GoldStatement>,
    pub judgments: Vec<GoldJudgment>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldStatement {
    pub anchor: String,
    pub cue: String,
    /// `null` for agentless passives.
    pub speaker: Option<String>,
    #[serde(default)]
    pub direct: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldJudgment {
    pub anchor: String,
    pub kind: String,
    pub cue: String,
    pub holder: String,
    #[serde(default)]
    pub class: Option<String>,
    /// Yardstick term expected under ICD 203, when the cue is a yardstick phrase.
    #[serde(default)]
    pub term: Option<String>,
    #[serde(default)]
    pub addressee: Option<String>,
    /// Expected due date (`YYYY-MM-DD`) or `default`.
    #[serde(default)]
    pub due: Option<String>,
}

pub use dossier_eval::Prf;

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Correct / scored counts of one attribute on matched pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Acc {
    pub correct: usize,
    pub total: usize,
}

impl Acc {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += ok as usize;
    }
    pub fn rate(&self) -> f64 {
        ratio(self.correct, self.total)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub statements: Prf,
    pub speaker: Acc,
    pub judgments: Prf,
    pub forecasts: Prf,
    pub assessments: Prf,
    pub recommendations: Prf,
    pub holder: Acc,
    pub addressee: Acc,
    pub due: Acc,
    pub term: Acc,
    /// Human-readable list of misses, false positives and wrong attributes.
    pub errors: Vec<String>,
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Loose name agreement: equal, or one contains the other ("Shoigu" vs "Russian Defence Minister Shoigu").
fn same_name(gold: Option<&str>, pred: Option<&str>) -> bool {
    match (gold, pred) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            let (g, p) = (norm(g), norm(p));
            !g.is_empty() && !p.is_empty() && (g.contains(&p) || p.contains(&g))
        }
        _ => false,
    }
}

fn anchor_span(doc: &Document, anchor: &str) -> Option<Span> {
    doc.text
        .find(anchor)
        .map(|s| Span::new(s, s + anchor.len()))
}

/// Compares `doc`'s statements and judgments with `gold`.
pub fn compare(doc: &Document, gold: &Gold) -> Report {
    let mut rep = Report::default();
    let short = |sp: Span| {
        let t = doc.slice(sp);
        let t: String = t.chars().take(90).collect();
        t
    };
    // Statements.
    let mut used = vec![false; doc.statements.len()];
    for g in &gold.statements {
        let Some(a) = anchor_span(doc, &g.anchor) else {
            rep.errors
                .push(format!("gold anchor not found: {:?}", g.anchor));
            rep.statements.fn_ += 1;
            continue;
        };
        let hit = doc.statements.iter().enumerate().position(|(i, s)| {
            !used[i] && a.contains(s.cue) && norm(doc.slice(s.cue)) == norm(&g.cue)
        });
        match hit {
            Some(i) => {
                used[i] = true;
                rep.statements.tp += 1;
                let s = &doc.statements[i];
                let ok = same_name(g.speaker.as_deref(), s.speaker.as_deref());
                rep.speaker.add(ok);
                if !ok {
                    rep.errors.push(format!(
                        "statement speaker: gold {:?}, got {:?} in {:?}",
                        g.speaker, s.speaker, g.anchor
                    ));
                }
            }
            None => {
                rep.statements.fn_ += 1;
                rep.errors
                    .push(format!("missed statement ({}): {:?}", g.cue, g.anchor));
            }
        }
    }
    for (i, s) in doc.statements.iter().enumerate() {
        if !used[i] {
            rep.statements.fp += 1;
            rep.errors.push(format!(
                "spurious statement ({}; speaker {:?}): {:?}",
                doc.slice(s.cue),
                s.speaker,
                short(s.span)
            ));
        }
    }
    // Judgments.
    let mut used = vec![false; doc.judgments.len()];
    for g in &gold.judgments {
        let per_kind = match g.kind.as_str() {
            "forecast" => &mut rep.forecasts,
            "assessment" => &mut rep.assessments,
            _ => &mut rep.recommendations,
        };
        let Some(a) = anchor_span(doc, &g.anchor) else {
            rep.errors
                .push(format!("gold anchor not found: {:?}", g.anchor));
            rep.judgments.fn_ += 1;
            per_kind.fn_ += 1;
            continue;
        };
        let hit = doc
            .judgments
            .iter()
            .enumerate()
            .position(|(i, j)| !used[i] && a.contains(j.cue) && j.kind == g.kind);
        let Some(i) = hit else {
            rep.judgments.fn_ += 1;
            per_kind.fn_ += 1;
            rep.errors
                .push(format!("missed {} ({}): {:?}", g.kind, g.cue, g.anchor));
            continue;
        };
        used[i] = true;
        rep.judgments.tp += 1;
        per_kind.tp += 1;
        let j = &doc.judgments[i];
        let ok = same_name(Some(&g.holder), Some(&j.holder));
        rep.holder.add(ok);
        if !ok {
            rep.errors.push(format!(
                "holder: gold {:?}, got {:?} in {:?}",
                g.holder, j.holder, g.anchor
            ));
        }
        if g.kind == "recommendation" {
            let ok = same_name(g.addressee.as_deref(), j.addressee.as_deref());
            rep.addressee.add(ok);
            if !ok {
                rep.errors.push(format!(
                    "addressee: gold {:?}, got {:?} in {:?}",
                    g.addressee, j.addressee, g.anchor
                ));
            }
        }
        if let Some(gd) = &g.due {
            let ok = if gd == "default" {
                j.due_source.as_deref() == Some("default")
            } else {
                j.due.as_deref() == Some(gd.as_str()) && j.due_source.as_deref() == Some("text")
            };
            rep.due.add(ok);
            if !ok {
                rep.errors.push(format!(
                    "due: gold {gd}, got {:?} ({:?}) in {:?}",
                    j.due, j.due_source, g.anchor
                ));
            }
        }
        if let Some(gt) = &g.term {
            let got = j.probability.as_ref().and_then(|p| p.term.clone());
            let ok = got.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(gt));
            rep.term.add(ok);
            if !ok {
                rep.errors
                    .push(format!("term: gold {gt}, got {got:?} in {:?}", g.anchor));
            }
        }
    }
    for (i, j) in doc.judgments.iter().enumerate() {
        if !used[i] {
            rep.judgments.fp += 1;
            match j.kind.as_str() {
                "forecast" => rep.forecasts.fp += 1,
                "assessment" => rep.assessments.fp += 1,
                _ => rep.recommendations.fp += 1,
            }
            rep.errors.push(format!(
                "spurious {} ({}; holder {}): {:?}",
                j.kind,
                doc.slice(j.cue),
                j.holder,
                short(j.span)
            ));
        }
    }
    rep
}

fn line(f: &mut fmt::Formatter<'_>, name: &str, p: &Prf) -> fmt::Result {
    writeln!(
        f,
        "{name:<16} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
        p.precision(),
        p.recall(),
        p.f1(),
        p.tp,
        p.fp,
        p.fn_
    )
}

fn acc(f: &mut fmt::Formatter<'_>, name: &str, a: &Acc) -> fmt::Result {
    writeln!(f, "{name:<16} {:.3}  ({}/{})", a.rate(), a.correct, a.total)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        line(f, "statements", &self.statements)?;
        acc(f, "  speaker", &self.speaker)?;
        line(f, "judgments", &self.judgments)?;
        line(f, "  forecasts", &self.forecasts)?;
        line(f, "  assessments", &self.assessments)?;
        line(f, "  recommendations", &self.recommendations)?;
        acc(f, "  holder", &self.holder)?;
        acc(f, "  addressee", &self.addressee)?;
        acc(f, "  due", &self.due)?;
        acc(f, "  yardstick term", &self.term)?;
        for e in &self.errors {
            writeln!(f, "  - {e}")?;
        }
        Ok(())
    }
}

/// Splits a plain-text document into blocks, one per non-empty line: the first line is the title, a short
/// line without final punctuation a heading, anything else a paragraph. (Stand-in for the ingest crate in
/// tests, benchmarks and examples.)
pub fn line_blocks(doc: &mut Document) {
    use dossier_model::{Block, BlockKind};
    doc.blocks.clear();
    let mut pos = 0;
    for line in doc.text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let t = line.trim_end();
        let lead = t.len() - t.trim_start().len();
        if t.trim().is_empty() {
            continue;
        }
        let span = Span::new(start + lead, start + t.len());
        let ends = t.ends_with(['.', '!', '?', '"', '”', ':', ';']);
        let kind = if doc.blocks.is_empty() && !ends {
            BlockKind::Title
        } else if !ends && t.split_whitespace().count() <= 12 {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        doc.blocks.push(Block { kind, span });
    }
}

/// The seed brief shipped in `demo/seed/` and its hand-made gold (`tests/data/seed_gold.json`).
pub const SEED_TEXT: &str =
    include_str!("../../../demo/seed/pism-belarus-russia-next-stage-of-integration.txt");
pub const SEED_GOLD: &str = include_str!("../tests/data/seed_gold.json");

/// Annotates the seed (blocks by line, segmenter, this component with ICD 203) and compares it with its gold.
pub fn seed_report() -> Report {
    use dossier_model::Component;
    seed_report_with(&|doc: &mut Document| {
        dossier_segment::segment(doc);
        crate::JudgmentAnnotator::default().process(doc);
    })
}

/// The seed evaluation with another annotation pipeline (e.g. the standard one, with time and entities
/// before this component). `annotate` gets the seed with its DCT and line blocks.
pub fn seed_report_with(annotate: &dyn Fn(&mut Document)) -> Report {
    use dossier_model::Dct;
    let gold: Gold = match serde_json::from_str(SEED_GOLD) {
        Ok(g) => g,
        Err(e) => {
            return Report {
                errors: vec![format!("seed gold unreadable: {e}")],
                ..Report::default()
            }
        }
    };
    let mut doc = Document::new(SEED_TEXT);
    if let Some(d) = &gold.dct {
        doc.meta.dct = Dct::given(d.clone());
    }
    line_blocks(&mut doc);
    annotate(&mut doc);
    let mut rep = compare(&doc, &gold);
    let linked = doc
        .statements
        .iter()
        .filter(|s| s.speaker_entity.is_some())
        .count();
    if !doc.entities.is_empty() {
        rep.errors.push(format!(
            "(info) speakers linked to entities: {linked} of {}",
            doc.statements
                .iter()
                .filter(|s| s.speaker.is_some())
                .count()
        ));
    }
    rep
}
