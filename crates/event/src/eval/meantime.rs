//! Scoring on MEANTIME English (`events/meantime-en/intra-doc_annotation`, CAT XML).
//!
//! The document is rebuilt from the gold tokens (tokens joined by spaces, one sentence per line; the gold
//! tokenization and sentence split are used so that only event detection is measured), with the gold DCT.
//! No time or entity layer is given. Only the title and first sentences of each article are annotated, so
//! predictions after the last sentence holding a gold mention are not scored.
//!
//! - **Trigger P/R/F1**: a predicted event matches a gold EVENT_MENTION when their token sets overlap.
//!   MEANTIME annotates every event (including "say", "be", "rise"), while Dossier codes only the
//!   PLOVER-relevant ones, so recall is bounded by the lexicon's coverage; the report also gives the recall
//!   over gold mentions whose `pred` lemma is a lexicon trigger.
//! - **Factuality agreement on matched events**: gold (polarity, certainty, time) → one of
//!   negated / possible / future / occurred; predicted status → negated; hypothetical → possible;
//!   planned and announced → future; occurred, reported → occurred (future if the event's time is after the DCT).
//! - **Factuality with gold triggers**: the same agreement measured over all gold mentions, with the status
//!   the coder's cue rules give to that mention ([`crate::factuality`]).

use dossier_eval::xml::attr;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use dossier_model::{Dct, Document, EventStatus, Sentence, Span, Token};

use crate::lexicon::Lexicon;
use crate::{EventComponent, Options};

#[derive(Debug, Default, Clone)]
pub struct MeantimeReport {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Predicted events that overlap a gold mention.
    pub pred_matched: usize,
    /// Gold mentions overlapped by a predicted event.
    pub gold_matched: usize,
    /// Gold mentions whose lemma is in the trigger lexicon, and how many of those were found.
    pub gold_in_lexicon: usize,
    pub gold_in_lexicon_matched: usize,
    pub fact_total: usize,
    pub fact_agree: usize,
    pub all_fact_total: usize,
    pub all_fact_agree: usize,
    /// (gold class, predicted class) → count over all gold mentions.
    pub confusion: HashMap<(String, String), usize>,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

impl MeantimeReport {
    pub fn precision(&self) -> f64 {
        pct(self.pred_matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        pct(self.gold_matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn factuality_agreement(&self) -> f64 {
        pct(self.fact_agree, self.fact_total)
    }
    pub fn factuality_all(&self) -> f64 {
        pct(self.all_fact_agree, self.all_fact_total)
    }
}

impl fmt::Display for MeantimeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "MEANTIME en: {} documents, {} gold event mentions, {} predicted",
            self.documents, self.gold, self.predicted
        )?;
        writeln!(
            f,
            "  trigger P {:.1}% ({}/{}) R {:.1}% ({}/{}) F1 {:.1}%; recall on lexicon lemmas {:.1}% ({}/{})",
            self.precision(),
            self.pred_matched,
            self.predicted,
            self.recall(),
            self.gold_matched,
            self.gold,
            self.f1(),
            pct(self.gold_in_lexicon_matched, self.gold_in_lexicon),
            self.gold_in_lexicon_matched,
            self.gold_in_lexicon
        )?;
        writeln!(
            f,
            "  factuality agreement on matched events {:.1}% ({}/{})",
            self.factuality_agreement(),
            self.fact_agree,
            self.fact_total
        )?;
        writeln!(
            f,
            "  factuality agreement with gold triggers (all mentions) {:.1}% ({}/{})",
            self.factuality_all(),
            self.all_fact_agree,
            self.all_fact_total
        )?;
        let mut conf: Vec<_> = self.confusion.iter().filter(|((g, p), _)| g != p).collect();
        conf.sort_by(|a, b| b.1.cmp(a.1));
        let s: Vec<String> = conf
            .iter()
            .take(8)
            .map(|((g, p), n)| format!("{g}→{p} {n}"))
            .collect();
        writeln!(
            f,
            "  top factuality confusions (gold→pred): {}",
            s.join(", ")
        )
    }
}

/// A gold event mention: token ids (document order indexes), lemma, factuality class, part of speech.
struct GoldEvent {
    tokens: Vec<usize>,
    lemma: String,
    class: &'static str,
    noun: bool,
}

fn gold_class(polarity: &str, certainty: &str, time: &str) -> &'static str {
    if polarity == "NEG" {
        "negated"
    } else if matches!(certainty, "POSSIBLE" | "PROBABLE") {
        "possible"
    } else if time == "FUTURE" {
        "future"
    } else {
        "occurred"
    }
}

fn pred_class(status: EventStatus, future_time: bool) -> &'static str {
    match status {
        EventStatus::Negated => "negated",
        EventStatus::Hypothetical => "possible",
        EventStatus::Planned => "future",
        // Announcements in news are mostly of what will happen ("announced 10,000 job cuts").
        EventStatus::Announced => "future",
        _ if future_time => "future",
        _ => "occurred",
    }
}

/// Parses one CAT file into a document (gold tokens and sentences) and its gold event mentions.
fn parse(xml: &str) -> (Document, Vec<GoldEvent>) {
    // Tokens.
    let toks: Vec<(String, usize, String)> = dossier_eval::cat_tokens(xml) // (t_id, sentence, text)
        .into_iter()
        .map(|t| (t.id, t.sentence.unwrap_or(0), t.text))
        .collect();
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut id_index = HashMap::new();
    let mut cur_sent = usize::MAX;
    let mut sent_start_tok = 0;
    for (k, (id, sent, t)) in toks.iter().enumerate() {
        if *sent != cur_sent {
            if cur_sent != usize::MAX {
                let a = tokens[sent_start_tok..]
                    .first()
                    .map(|t: &Token| t.span.start)
                    .unwrap_or(0);
                let b = tokens.last().map(|t: &Token| t.span.end).unwrap_or(0);
                sentences.push(Sentence {
                    span: Span::new(a, b),
                    tokens: sent_start_tok..tokens.len(),
                });
                text.push('\n');
            }
            cur_sent = *sent;
            sent_start_tok = tokens.len();
        } else if k > 0 {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(t);
        tokens.push(Token {
            span: Span::new(start, text.len()),
        });
        id_index.insert(id.clone(), k);
    }
    if !tokens.is_empty() && sent_start_tok < tokens.len() {
        sentences.push(Sentence {
            span: Span::new(
                tokens[sent_start_tok].span.start,
                tokens.last().unwrap().span.end,
            ),
            tokens: sent_start_tok..tokens.len(),
        });
    }
    let mut doc = Document::new(text);
    doc.tokens = tokens;
    doc.sentences = sentences;
    // Markables.
    let mut gold = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<EVENT_MENTION ").or_else(|| None) {
        let r = &rest[i..];
        let Some(gt) = r.find('>') else { break };
        let tag = &r[..gt];
        let body_end = if tag.ends_with('/') {
            gt
        } else {
            r.find("</EVENT_MENTION>").unwrap_or(gt)
        };
        let body = &r[gt..body_end];
        let mut ids = Vec::new();
        let mut b = body;
        while let Some(j) = b.find("t_id=\"") {
            let bb = &b[j + 6..];
            let q = bb.find('"').unwrap_or(0);
            if let Some(&ix) = id_index.get(&bb[..q]) {
                ids.push(ix);
            }
            b = &bb[q..];
        }
        if !ids.is_empty() {
            gold.push(GoldEvent {
                tokens: ids,
                lemma: attr(tag, "pred").unwrap_or("").to_lowercase(),
                class: gold_class(
                    attr(tag, "polarity").unwrap_or(""),
                    attr(tag, "certainty").unwrap_or(""),
                    attr(tag, "time").unwrap_or(""),
                ),
                noun: attr(tag, "pos") == Some("NOUN"),
            });
        }
        rest = &r[gt..];
    }
    // DCT.
    let mut rest = xml;
    while let Some(i) = rest.find("<TIMEX3 ") {
        let r = &rest[i..];
        let gt = r.find('>').unwrap_or(r.len());
        let tag = &r[..gt];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            if let Some(v) = attr(tag, "value") {
                doc.meta.dct = Dct::given(v);
            }
            break;
        }
        rest = &r[gt..];
    }
    (doc, gold)
}

/// Runs the evaluation over every `.xml` file under `dir` (recursively); `filter` selects files by index in
/// sorted order.
pub fn run(dir: &Path, filter: impl Fn(usize) -> bool) -> std::io::Result<MeantimeReport> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                files.push(p);
            }
        }
    }
    files.sort();
    let lex = Lexicon::get();
    let lexicon_lemmas: HashSet<&str> = lex
        .triggers
        .iter()
        // One-word triggers only: a verb–object pattern's verb ("launch" of "launch assault") is no
        // trigger on its own.
        .filter(|t| t.words.len() == 1)
        .map(|t| t.words[0].as_str())
        .collect();
    let comp = EventComponent::with_options(Options {
        keep_bare_nominals: true,
    });
    let mut rep = MeantimeReport::default();
    for (fi, path) in files.iter().enumerate() {
        if !filter(fi) {
            continue;
        }
        let xml = std::fs::read_to_string(path)?;
        let (mut doc, gold) = parse(&xml);
        dossier_model::Component::process(&comp, &mut doc);
        // Only the title and the first sentences are annotated: score predictions up to the last sentence
        // holding a gold mention.
        let last_tok = gold
            .iter()
            .flat_map(|g| g.tokens.iter().copied())
            .max()
            .unwrap_or(0);
        let last_sent_end = doc
            .sentences
            .iter()
            .find(|x| x.tokens.contains(&last_tok))
            .map(|x| x.span.end)
            .unwrap_or(0);
        doc.events.retain(|e| e.span.end <= last_sent_end);
        rep.documents += 1;
        rep.gold += gold.len();
        rep.predicted += doc.events.len();
        let dct = doc.meta.dct.value.clone();
        // Token index of each predicted event.
        let pred_tokens: Vec<Vec<usize>> = doc
            .events
            .iter()
            .map(|e| {
                (0..doc.tokens.len())
                    .filter(|&k| e.span.overlaps(doc.tokens[k].span))
                    .collect()
            })
            .collect();
        let mut gold_hit = vec![false; gold.len()];
        for (pi, pt) in pred_tokens.iter().enumerate() {
            let g = gold
                .iter()
                .position(|g| g.tokens.iter().any(|t| pt.contains(t)));
            if let Some(gi) = g {
                rep.pred_matched += 1;
                gold_hit[gi] = true;
                let e = &doc.events[pi];
                let future_time = match (&e.time, &dct) {
                    (Some(t), Some(d)) => {
                        t.get(..10).unwrap_or(t) > d.get(..t.len().min(10)).unwrap_or(d)
                    }
                    _ => false,
                };
                rep.fact_total += 1;
                if pred_class(e.status, future_time) == gold[gi].class {
                    rep.fact_agree += 1;
                } else if std::env::var_os("DOSSIER_DEBUG").is_some() {
                    let si = doc.sentence_at(e.span.start).unwrap_or(0);
                    eprintln!(
                        "MATCHED {}→{} ({})\t[{}]\t{}",
                        gold[gi].class,
                        pred_class(e.status, future_time),
                        e.status.as_str(),
                        doc.slice(e.span),
                        doc.slice(doc.sentences[si].span)
                    );
                }
            }
        }
        for (gi, g) in gold.iter().enumerate() {
            if gold_hit[gi] {
                rep.gold_matched += 1;
            }
            if lexicon_lemmas.contains(g.lemma.as_str()) {
                rep.gold_in_lexicon += 1;
                if gold_hit[gi] {
                    rep.gold_in_lexicon_matched += 1;
                }
            }
        }
        // Factuality over all gold mentions.
        let mentions: Vec<(usize, usize, bool)> = gold
            .iter()
            .map(|g| {
                let a = *g.tokens.iter().min().unwrap();
                let b = *g.tokens.iter().max().unwrap() + 1;
                (a, b, g.noun)
            })
            .collect();
        let statuses = crate::factuality(&doc, &mentions);
        for (g, st) in gold.iter().zip(statuses) {
            let p = pred_class(st, false);
            rep.all_fact_total += 1;
            if p == g.class {
                rep.all_fact_agree += 1;
            }
            *rep.confusion
                .entry((g.class.to_string(), p.to_string()))
                .or_default() += 1;
            if p != g.class && std::env::var_os("DOSSIER_DEBUG").is_some() {
                let a = *g.tokens.iter().min().unwrap();
                let si = doc
                    .sentences
                    .iter()
                    .position(|x| x.tokens.contains(&a))
                    .unwrap_or(0);
                let from = doc.tokens[a.saturating_sub(8).max(doc.sentences[si].tokens.start)]
                    .span
                    .start;
                let to = doc.tokens[(a + 3).min(doc.sentences[si].tokens.end - 1)]
                    .span
                    .end;
                eprintln!(
                    "{}→{}\t[{}]\t{}",
                    g.class,
                    p,
                    doc.slice(doc.tokens[a].span),
                    &doc.text[from..to]
                );
            }
        }
    }
    Ok(rep)
}
