//! Scoring on the PLOVER gold-standard records (`events/plover-gsr/PLOVER_GSR_CAMEO.txt`).
//!
//! Each record is one sentence coded with one event. The coder runs on the sentence alone (segmenter +
//! events; the entity layer when `with_layers` fills it); its primary event is the first event with the most
//! evidence (participants, a verb trigger). Labels from PLOVER 0.5b1 are mapped to the 2021 ontology
//! (DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT). Country accuracy counts a record
//! as correct when a predicted actor (recipient) country is among the gold source (target) codes; records
//! whose gold side has no code are not counted for that side.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde_json::Value;

use dossier_model::{Document, Event};

use crate::lexicon::{Lexicon, WordSet};
use crate::EventComponent;

/// Results of a PLOVER GSR run.
#[derive(Debug, Default, Clone)]
pub struct PloverReport {
    pub records: usize,
    /// Records with any predicted event.
    pub coded: usize,
    pub type_correct: usize,
    pub source_total: usize,
    pub source_correct: usize,
    pub target_total: usize,
    pub target_correct: usize,
    /// Gold type → (records, correct).
    pub per_type: BTreeMap<String, (usize, usize)>,
    /// (gold, predicted) → count, for errors.
    pub confusions: BTreeMap<(String, String), usize>,
    /// A few misses for inspection: id, gold, predicted, text.
    pub misses: Vec<String>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl PloverReport {
    pub fn type_accuracy(&self) -> f64 {
        pct(self.type_correct, self.records)
    }
    pub fn source_accuracy(&self) -> f64 {
        pct(self.source_correct, self.source_total)
    }
    pub fn target_accuracy(&self) -> f64 {
        pct(self.target_correct, self.target_total)
    }
}

impl fmt::Display for PloverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PLOVER GSR: {} records, {} coded; event type accuracy {:.1}% ({}/{})",
            self.records,
            self.coded,
            self.type_accuracy(),
            self.type_correct,
            self.records
        )?;
        writeln!(
            f,
            "  source country accuracy {:.1}% ({}/{}); target country accuracy {:.1}% ({}/{})",
            self.source_accuracy(),
            self.source_correct,
            self.source_total,
            self.target_accuracy(),
            self.target_correct,
            self.target_total
        )?;
        for (t, (n, c)) in &self.per_type {
            writeln!(f, "  {t:<10} {c:>3}/{n:<3} {:.0}%", pct(*c, *n))?;
        }
        let mut conf: Vec<_> = self.confusions.iter().collect();
        conf.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = conf
            .iter()
            .take(12)
            .map(|((g, p), n)| format!("{g}→{p} {n}"))
            .collect();
        writeln!(f, "  top confusions: {}", top.join(", "))
    }
}

/// Maps a PLOVER 0.5b1 label to the 2021 ontology.
pub fn map_label(label: &str) -> &str {
    match label {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// Normalizes the few non-ISO country codes of the GSR (CAMEO leftovers).
fn norm_code(c: &str) -> String {
    let c = c.trim();
    let c3 = c.get(..3).unwrap_or(c);
    match c3 {
        "JAP" => "JPN".into(),
        "ITL" => "ITA".into(),
        "UAF" => "UAF".into(),
        other => other.to_string(),
    }
}

fn gold_codes(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.get("code").and_then(|c| c.as_str()))
                .filter(|c| !c.trim().is_empty() && *c != "***")
                .map(norm_code)
                .collect()
        })
        .unwrap_or_default()
}

/// The event a single-sentence record is about: the one with most evidence, earliest first. With a
/// dependency parse, an event whose trigger depends on another event's trigger ("refused to lift",
/// "demanded them to allow") is part of the governing event, which takes its evidence.
pub fn primary_event(doc: &Document) -> Option<&Event> {
    let score = |e: &Event| {
        let verb = doc.slice(e.span).split_whitespace().count() == 1
            && e.cameo.as_deref().is_some_and(|_| true);
        (!e.actors.is_empty()) as u8 * 2 + (!e.recipients.is_empty()) as u8 + verb as u8
    };
    let tok = |e: &Event| {
        let i = doc.tokens.partition_point(|t| t.span.end <= e.span.start);
        (i < doc.tokens.len()).then_some(i)
    };
    let parsed = !doc.syntax.is_empty() && doc.syntax.len() == doc.tokens.len();
    // governor[k] = the event whose trigger governs event k's trigger (within three dependency steps).
    let governor = |k: usize| -> Option<usize> {
        if !parsed {
            return None;
        }
        let mut i = tok(&doc.events[k])?;
        for _ in 0..3 {
            let h = doc.syntax[i].head?;
            let rel = &*doc.syntax[i].deprel;
            // A nominal trigger inside a compound ("investigating alleged war crimes") is part of the
            // noun it modifies.
            if !(rel.starts_with("xcomp")
                || rel.starts_with("ccomp")
                || rel.starts_with("obj")
                || rel == "compound")
            {
                return None;
            }
            if let Some(g) =
                (0..doc.events.len()).find(|&g| g != k && tok(&doc.events[g]) == Some(h))
            {
                return Some(g);
            }
            i = h;
        }
        None
    };
    // Without a parse link, "demands that the government grant …": an event in a "that" clause right
    // after another event's trigger (only nominal words between "that" and it) is that event's content.
    let content_of = |k: usize| -> Option<usize> {
        let i = tok(&doc.events[k])?;
        let that = (0..i)
            .rev()
            .take(6)
            .find(|&j| doc.slice(doc.tokens[j].span).eq_ignore_ascii_case("that"))?;
        if that == 0
            || (that + 1..i).any(|j| {
                !matches!(
                    &*doc.syntax[j].upos,
                    "NOUN" | "PROPN" | "ADJ" | "DET" | "PART" | "PRON" | "NUM"
                )
            })
        {
            return None;
        }
        (0..doc.events.len()).find(|&g| g != k && tok(&doc.events[g]) == Some(that - 1))
    };
    let n = doc.events.len();
    let mut scores: Vec<Option<u8>> = doc.events.iter().map(|e| Some(score(e))).collect();
    for k in 0..n {
        if let Some(g) = governor(k).or_else(|| if parsed { content_of(k) } else { None }) {
            let sk = scores[k].unwrap_or(0);
            scores[g] = scores[g].map(|sg| sg.max(sk));
            scores[k] = None;
        }
    }
    // An event in a purpose clause ("began a hunger strike to protest …", "blocked streets … to demand
    // reforms"), in a condition ("… to defend Saudi Arabia if it is attacked") or in an adjectival
    // participle with no subject of its own, after a determiner or modifier ("an occupying army"; a
    // finite verb misparsed as a modifier, "Serbia eased emergency measures", stays) serves the main
    // clause's event.
    let lex = Lexicon::get();
    let purpose = |k: usize| -> bool {
        parsed
            && tok(&doc.events[k]).is_some_and(|i| {
                // A conjunct ("killing or wounding 50") has the clause role of the first conjunct.
                let mut i = i;
                for _ in 0..4 {
                    match doc.syntax[i].head {
                        Some(h) if doc.syntax[i].deprel == "conj" && h < i => i = h,
                        _ => break,
                    }
                }
                let rel = &*doc.syntax[i].deprel;
                let marked = |words: &WordSet| {
                    doc.syntax.iter().enumerate().any(|(c, x)| {
                        x.head == Some(i)
                            && x.deprel == "mark"
                            && words.contains(doc.slice(doc.tokens[c].span).to_lowercase().as_str())
                    })
                };
                let has_subject = || {
                    doc.syntax
                        .iter()
                        .any(|x| x.head == Some(i) && x.deprel.starts_with("nsubj"))
                };
                // "Newly appointed Prime Minister X has refused …": a participle before the subject
                // of its head, with no comma and no subject of its own, modifies that subject.
                let before_subject = || {
                    doc.syntax[i].head.is_some_and(|h| {
                        doc.syntax.iter().enumerate().any(|(c, x)| {
                            x.head == Some(h)
                                && x.deprel.starts_with("nsubj")
                                && c > i
                                && (i + 1..c).all(|j| doc.syntax[j].upos != "PUNCT")
                        })
                    })
                };
                // ", killing one person and arresting 12": a participial clause after a comma adds
                // to its main clause.
                let participial = || {
                    i > 0
                        && doc.slice(doc.tokens[i - 1].span) == ","
                        && doc.slice(doc.tokens[i].span).ends_with("ing")
                        && !has_subject()
                };
                ((rel.starts_with("advcl") || rel == "acl") && marked(&lex.purpose_marks))
                    || (rel.starts_with("advcl") && participial())
                    || (rel.starts_with("advcl") && !has_subject() && before_subject())
                    || (rel.starts_with("advcl") && marked(&lex.condition_marks))
                    // "British aircraft using missiles killed …": a reduced relative clause describes
                    // a participant of the main event.
                    || (rel == "acl"
                        && !has_subject()
                        && doc.slice(doc.tokens[i].span).ends_with("ing")
                        && doc.syntax[i].head.is_some_and(|h| {
                            h + 1 == i && matches!(&*doc.syntax[h].upos, "NOUN" | "PROPN")
                        }))
                    || (rel == "amod"
                        && !has_subject()
                        && (i == 0
                            || matches!(
                                &*doc.syntax[i - 1].upos,
                                "DET" | "ADJ" | "ADV" | "NUM" | "PRON"
                            )))
            })
    };
    let main: Vec<bool> = (0..n).map(|k| scores[k].is_some() && !purpose(k)).collect();
    if main.iter().any(|&m| m) {
        for k in 0..n {
            if !main[k] {
                scores[k] = None;
            }
        }
    }
    let best = scores.iter().flatten().max().copied()?;
    (0..n)
        .find(|&k| scores[k] == Some(best))
        .map(|k| &doc.events[k])
}

/// Runs the evaluation on `dir` (the `plover-gsr` folder). `filter` selects records by their position
/// (e.g. dev = odd, test = even).
pub fn run(dir: &Path, filter: impl Fn(usize) -> bool) -> std::io::Result<PloverReport> {
    let comp = EventComponent::new();
    run_with(dir, filter, &|doc: &mut Document| {
        dossier_segment::segment(doc);
        dossier_model::Component::process(&comp, doc);
    })
}

/// Like [`run`], with `annotate` filling the document's layers (e.g. the standard pipeline, so that the
/// entity layer gives persons their countries); it must run the event component.
pub fn run_with(
    dir: &Path,
    filter: impl Fn(usize) -> bool,
    annotate: &dyn Fn(&mut Document),
) -> std::io::Result<PloverReport> {
    let text = std::fs::read_to_string(dir.join("PLOVER_GSR_CAMEO.txt"))?;
    let records: Vec<Value> = serde_json::from_str(&text)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let mut rep = PloverReport::default();
    let debug = std::env::var_os("DOSSIER_DEBUG_PLOVER").is_some();
    for (i, r) in records
        .iter()
        .filter(|r| r["event"] != "DOCUMENT")
        .enumerate()
    {
        if !filter(i) {
            continue;
        }
        let Some(sentence) = r["text"].as_str() else {
            continue;
        };
        let gold = map_label(r["event"].as_str().unwrap_or("")).to_string();
        let mut doc = Document::new(sentence);
        annotate(&mut doc);
        rep.records += 1;
        let ent = rep.per_type.entry(gold.clone()).or_default();
        ent.0 += 1;
        let pred = primary_event(&doc);
        if debug {
            eprintln!(
                "{}",
                debug_dump(&doc, r["id"].as_str().unwrap_or(""), &gold, pred)
            );
        }
        if pred.is_some() {
            rep.coded += 1;
        }
        let pt = pred
            .map(|e| crate::export::plover_type(e).to_string())
            .unwrap_or_else(|| "-".into());
        if pt == gold {
            rep.type_correct += 1;
            ent.1 += 1;
        } else {
            *rep.confusions
                .entry((gold.clone(), pt.clone()))
                .or_default() += 1;
            if rep.misses.len() < 400 {
                rep.misses.push(format!(
                    "{}\t{}\t{}\t{}",
                    r["id"].as_str().unwrap_or(""),
                    gold,
                    pt,
                    sentence
                ));
            }
        }
        let gs = gold_codes(&r["source"]);
        let gt = gold_codes(&r["target"]);
        let pc = |args: &[dossier_model::EventArgument]| -> Vec<String> {
            args.iter()
                .filter_map(|a| a.country.as_deref())
                .map(norm_code)
                .collect()
        };
        let (ps, ptg) = pred
            .map(|e| {
                (
                    pc(&crate::export::plover_sources(e)),
                    pc(&crate::export::plover_targets(e)),
                )
            })
            .unwrap_or_default();
        if !gs.is_empty() {
            rep.source_total += 1;
            if ps.iter().any(|c| gs.contains(c)) {
                rep.source_correct += 1;
            } else if rep.misses.len() < 400 {
                let names: Vec<String> = pred
                    .map(|e| {
                        e.actors
                            .iter()
                            .map(|a| format!("{}[{}]", a.name, a.country.as_deref().unwrap_or("-")))
                            .collect()
                    })
                    .unwrap_or_default();
                rep.misses.push(format!(
                    "SRC {}\tgold={:?}\tpred={}\t{}",
                    r["id"].as_str().unwrap_or(""),
                    gs,
                    names.join(","),
                    sentence
                ));
            }
        }
        if !gt.is_empty() {
            rep.target_total += 1;
            if ptg.iter().any(|c| gt.contains(c)) {
                rep.target_correct += 1;
            } else if rep.misses.len() < 400 {
                let names: Vec<String> = pred
                    .map(|e| {
                        crate::export::plover_targets(e)
                            .iter()
                            .map(|a| format!("{}[{}]", a.name, a.country.as_deref().unwrap_or("-")))
                            .collect()
                    })
                    .unwrap_or_default();
                let trig = pred
                    .map(|e| doc.slice(e.span).to_string())
                    .unwrap_or_default();
                rep.misses.push(format!(
                    "TAR {}\tgold={:?}\tpred={}\ttrigger={}\t{}",
                    r["id"].as_str().unwrap_or(""),
                    gt,
                    names.join(","),
                    trig,
                    sentence
                ));
            }
        }
    }
    Ok(rep)
}

/// A development aid (`DOSSIER_DEBUG_PLOVER=1`): the record's parse and every coded event, the primary
/// one marked.
fn debug_dump(doc: &Document, id: &str, gold: &str, pred: Option<&Event>) -> String {
    use std::fmt::Write;
    let mut out = format!("== {id} gold={gold}\n");
    for (i, t) in doc.tokens.iter().enumerate() {
        let (upos, head, rel) = doc
            .syntax
            .get(i)
            .map(|x| (&*x.upos, x.head.map(|h| h as i64).unwrap_or(-1), &*x.deprel))
            .unwrap_or(("", -1, ""));
        let _ = write!(out, "{i}:{}/{upos}>{head}:{rel} ", doc.slice(t.span));
    }
    out.push('\n');
    for e in &doc.events {
        let names = |args: &[dossier_model::EventArgument]| -> String {
            args.iter()
                .map(|a| format!("{}[{}]", a.name, a.country.as_deref().unwrap_or("-")))
                .collect::<Vec<_>>()
                .join(",")
        };
        let mark = if pred.is_some_and(|p| std::ptr::eq(p, e)) {
            "*"
        } else {
            " "
        };
        let _ = writeln!(
            out,
            "{mark} {} '{}' {:?} actors={} recipients={}",
            crate::export::plover_type(e),
            doc.slice(e.span),
            e.status,
            names(&e.actors),
            names(&e.recipients)
        );
    }
    out
}
