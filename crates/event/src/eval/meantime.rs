//! Scoring on MEANTIME English (`events/meantime-en/intra-doc_annotation`, CAT XML).
//!
//! The document is rebuilt from the gold tokens (tokens joined by spaces, one sentence per line; the gold
//! tokenization and sentence split are used so that only event detection is measured), with the gold DCT
//! and the gold timexes. [`run_with`] adds the other layers as the caller says (`dossier eval meantime`:
//! the standard pipeline after segmentation and time tagging, so the parse and the entities feed the coder);
//! [`run`] runs the event component alone. Only the title and first sentences of each article are
//! annotated, so predictions after the last sentence holding a gold mention are not scored.
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
use dossier_time::normalize::first_day;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use dossier_model::{Dct, Document, EventStatus, Sentence, Span, Timex, TimexType, Token};

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
        // Ties in name order, so that runs print the same line.
        conf.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
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
    /// The most specific date the gold TLINKs put the event in ("2009-05-14": the event is included in,
    /// or simultaneous with, that DATE or TIME timex, the creation time included), if any.
    anchor: Option<String>,
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

/// Parses one CAT file into a document (gold tokens and sentences, the creation time as its DCT), its gold
/// event mentions and its other gold timexes (in text order).
fn parse(xml: &str) -> (Document, Vec<GoldEvent>, Vec<Timex>) {
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
    // Markables with their tokens as indexes into `doc.tokens`.
    let indexed = |name: &str| -> Vec<(String, Vec<usize>)> {
        markables(xml, name)
            .into_iter()
            .map(|(tag, ids)| {
                let ix = ids
                    .iter()
                    .filter_map(|i| id_index.get(*i).copied())
                    .collect();
                (tag.to_string(), ix)
            })
            .collect()
    };
    // Timexes: the creation time goes to the document, the others to `timexes` (by m_id).
    let mut timexes: HashMap<String, (Timex, bool)> = HashMap::new();
    for (tag, ids) in indexed("TIMEX3") {
        let (Some(m), Some(value)) = (attr(&tag, "m_id"), attr(&tag, "value")) else {
            continue;
        };
        let kind = match attr(&tag, "type") {
            Some("TIME") => TimexType::Time,
            Some("DURATION") => TimexType::Duration,
            Some("SET") => TimexType::Set,
            _ => TimexType::Date,
        };
        let dct = attr(&tag, "functionInDocument") == Some("CREATION_TIME");
        if dct {
            doc.meta.dct = Dct::given(value);
        }
        let span = match (ids.iter().min(), ids.iter().max()) {
            (Some(&a), Some(&b)) => Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end),
            _ => Span::new(0, 0),
        };
        let timex = Timex {
            span,
            kind,
            value: value.to_string(),
            modifier: None,
            range: None,
            anchor: None,
        };
        timexes.insert(m.to_string(), (timex, dct));
    }
    let anchors = date_anchors(xml, &timexes);
    let mut gold = Vec::new();
    for (tag, ids) in indexed("EVENT_MENTION") {
        if ids.is_empty() {
            continue;
        }
        gold.push(GoldEvent {
            tokens: ids,
            lemma: attr(&tag, "pred").unwrap_or("").to_lowercase(),
            class: gold_class(
                attr(&tag, "polarity").unwrap_or(""),
                attr(&tag, "certainty").unwrap_or(""),
                attr(&tag, "time").unwrap_or(""),
            ),
            noun: attr(&tag, "pos") == Some("NOUN"),
            anchor: attr(&tag, "m_id").and_then(|m| anchors.get(m).cloned()),
        });
    }
    let mut in_text: Vec<Timex> = timexes
        .into_values()
        .filter(|(t, dct)| !dct && !t.span.is_empty())
        .map(|(t, _)| t)
        .collect();
    in_text.sort_by_key(|t| (t.span.start, t.span.end));
    (doc, gold, in_text)
}

/// Runs the evaluation over every `.xml` file under `dir` (recursively) with the event component alone (no
/// tags, parse or entities: its window rules only); `filter` selects files by index in sorted order.
pub fn run(dir: &Path, filter: impl Fn(usize) -> bool) -> std::io::Result<MeantimeReport> {
    let comp = EventComponent::with_options(Options {
        keep_bare_nominals: true,
    });
    run_with(dir, filter, &|doc: &mut Document| {
        dossier_model::Component::process(&comp, doc)
    })
}

/// Like [`run`], with `annotate` adding the layers to the gold tokens, sentences, creation time and
/// timexes (e.g. the standard pipeline without segmentation and time tagging); it must run the event
/// component, keeping bare nominal events (MEANTIME annotates them).
pub fn run_with(
    dir: &Path,
    filter: impl Fn(usize) -> bool,
    annotate: &dyn Fn(&mut Document),
) -> std::io::Result<MeantimeReport> {
    let files = dossier_eval::cat_files(dir)?;
    let lex = Lexicon::get();
    let lexicon_lemmas: HashSet<&str> = lex
        .triggers
        .iter()
        // One-word triggers only: a verb–object pattern's verb ("launch" of "launch assault") is no
        // trigger on its own.
        .filter(|t| t.words.len() == 1)
        .map(|t| t.words[0].as_str())
        .collect();
    let mut rep = MeantimeReport::default();
    for (fi, path) in files.iter().enumerate() {
        if !filter(fi) {
            continue;
        }
        let xml = std::fs::read_to_string(path)?;
        let (mut doc, gold, timexes) = parse(&xml);
        doc.timexes = timexes;
        annotate(&mut doc);
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
                // An event time (a value or a `begin/end` range) is ahead when it starts after the
                // creation day.
                let start = |v: &str| first_day(v.split('/').next().unwrap_or(v));
                let future_time = match (e.time.as_deref(), dct.as_deref()) {
                    (Some(t), Some(d)) => start(t).zip(start(d)).is_some_and(|(t, d)| t > d),
                    _ => false,
                };
                rep.fact_total += 1;
                if pred_class(e.status, future_time) == gold[gi].class {
                    rep.fact_agree += 1;
                } else if std::env::var_os("DOSSIER_DEBUG").is_some() {
                    let si = doc.sentence_at(e.span.start).unwrap_or(0);
                    eprintln!(
                        "MATCHED {}→{} ({}, {})\t[{}]\t{}",
                        gold[gi].class,
                        pred_class(e.status, future_time),
                        e.status.as_str(),
                        e.time.as_deref().unwrap_or("-"),
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

/// The `<NAME …>` markables of a CAT file: each one's opening tag and the `t_id`s it anchors to.
fn markables<'a>(xml: &'a str, name: &str) -> Vec<(&'a str, Vec<&'a str>)> {
    let open = format!("<{name} ");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let r = &rest[i..];
        let Some(gt) = r.find('>') else { break };
        let tag = &r[..gt];
        let body = if tag.ends_with('/') {
            ""
        } else {
            &r[gt..r.find(&close).unwrap_or(gt)]
        };
        let mut ids = Vec::new();
        let mut b = body;
        while let Some(j) = b.find("t_id=\"") {
            let bb = &b[j + 6..];
            let q = bb.find('"').unwrap_or(0);
            ids.push(&bb[..q]);
            b = &bb[q..];
        }
        out.push((tag, ids));
        rest = &r[gt..];
    }
    out
}

/// For each event mention (by m_id) that a TLINK puts inside or at the same time as a DATE or TIME timex,
/// the most specific such timex's value (the longest, e.g. a day over its month; of two equally long, a
/// timex of the text over the creation time).
fn date_anchors(xml: &str, timexes: &HashMap<String, (Timex, bool)>) -> HashMap<String, String> {
    // Per event: (value length, whether a timex of the text, value).
    let mut best: HashMap<String, (usize, bool, String)> = HashMap::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<TLINK ") {
        let r = &rest[i..];
        let end = r.find("</TLINK>").unwrap_or(r.len());
        let link = &r[..end];
        rest = &r[end..];
        let end_id = |role: &str| {
            let k = link.find(&format!("<{role} m_id=\""))? + role.len() + 8;
            let v = &link[k..];
            Some(&v[..v.find('"')?])
        };
        let (Some(rel), Some(src), Some(tgt)) =
            (attr(link, "reltype"), end_id("source"), end_id("target"))
        else {
            continue;
        };
        // (event, timex) when the timex contains the event or they coincide.
        let pair = match (rel, timexes.contains_key(src), timexes.contains_key(tgt)) {
            ("IS_INCLUDED" | "SIMULTANEOUS", false, true) => (src, tgt),
            ("INCLUDES" | "SIMULTANEOUS", true, false) => (tgt, src),
            _ => continue,
        };
        let (t, dct) = &timexes[pair.1];
        let dated = matches!(t.kind, TimexType::Date | TimexType::Time)
            && t.value.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if !dated {
            continue;
        }
        let candidate = (t.value.len(), !dct, t.value.clone());
        let b = best.entry(pair.0.to_string()).or_default();
        if (candidate.0, candidate.1) > (b.0, b.1) {
            *b = candidate;
        }
    }
    best.into_iter().map(|(k, (_, _, v))| (k, v)).collect()
}

/// How a predicted event time compares with the gold date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeMatch {
    /// Same value (or a range holding it).
    Exact,
    /// A value that contains the gold one ("2009" for "2009-05-14").
    Coarser,
    /// A value inside the gold one ("2009-05-14" for "2009-05").
    Finer,
    Wrong,
    Missing,
}

/// Compares a predicted event time (a TIMEX3 value or a `begin/end` range) with a gold date value.
pub fn compare_time(pred: Option<&str>, gold: &str) -> TimeMatch {
    let Some(p) = pred else {
        return TimeMatch::Missing;
    };
    let within = |v: &str, outer: &str| {
        v.len() > outer.len() && v.starts_with(outer) && v.as_bytes()[outer.len()] == b'-'
    };
    if p == gold {
        return TimeMatch::Exact;
    }
    if let Some((a, b)) = p.split_once('/') {
        let g = gold.get(..a.len().min(gold.len())).unwrap_or(gold);
        return if a.len() == b.len() && a <= g && g <= b {
            TimeMatch::Exact
        } else {
            TimeMatch::Wrong
        };
    }
    if within(gold, p) {
        TimeMatch::Coarser
    } else if within(p, gold) {
        TimeMatch::Finer
    } else {
        TimeMatch::Wrong
    }
}

/// Event time anchoring on MEANTIME: the time the coder gives each predicted event that overlaps a gold
/// mention dated by the gold TLINKs, against that date.
#[derive(Debug, Default, Clone)]
pub struct AnchorReport {
    pub documents: usize,
    /// Gold mentions with a date, and how many of those a predicted event overlaps.
    pub gold_dated: usize,
    pub matched: usize,
    pub exact: usize,
    pub coarser: usize,
    pub finer: usize,
    pub wrong: usize,
    pub missing: usize,
    /// The same counts restricted to the mentions dated by a timex of the text (not the creation time).
    pub in_text: usize,
    pub in_text_exact: usize,
}

impl AnchorReport {
    /// Exact values over matched dated events.
    pub fn accuracy(&self) -> f64 {
        pct(self.exact, self.matched)
    }
}

impl fmt::Display for AnchorReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "MEANTIME en event time (gold timexes, gold TLINK dates): {} documents, {} dated gold mentions, {} matched by an event",
            self.documents, self.gold_dated, self.matched
        )?;
        writeln!(
            f,
            "  exact {:.1}% ({}/{}); coarser {}, finer {}, wrong {}, no time {}",
            self.accuracy(),
            self.exact,
            self.matched,
            self.coarser,
            self.finer,
            self.wrong,
            self.missing
        )?;
        writeln!(
            f,
            "  dated by a timex in the text: exact {:.1}% ({}/{}); by the creation time only: exact {:.1}% ({}/{})",
            pct(self.in_text_exact, self.in_text),
            self.in_text_exact,
            self.in_text,
            pct(self.exact - self.in_text_exact, self.matched - self.in_text),
            self.exact - self.in_text_exact,
            self.matched - self.in_text
        )
    }
}

/// Scores event times on the MEANTIME files under `dir` that `filter` selects (by index in sorted order).
/// Each document gets the gold tokens, sentences, creation time and timexes (so only the attachment of
/// times to events is measured); `annotate` adds the other layers and must run the event component.
pub fn anchoring(
    dir: &Path,
    filter: impl Fn(usize) -> bool,
    annotate: &dyn Fn(&mut Document),
) -> std::io::Result<AnchorReport> {
    let debug = std::env::var_os("DOSSIER_DEBUG").is_some();
    let mut rep = AnchorReport::default();
    for (fi, path) in dossier_eval::cat_files(dir)?.iter().enumerate() {
        if !filter(fi) {
            continue;
        }
        let xml = std::fs::read_to_string(path)?;
        let (mut doc, gold, timexes) = parse(&xml);
        doc.timexes = timexes;
        annotate(&mut doc);
        rep.documents += 1;
        let dct = doc.meta.dct.value.clone().unwrap_or_default();
        for g in &gold {
            let Some(anchor) = &g.anchor else { continue };
            rep.gold_dated += 1;
            let Some(e) = doc.events.iter().find(|e| {
                g.tokens
                    .iter()
                    .any(|&t| e.span.overlaps(doc.tokens[t].span))
            }) else {
                continue;
            };
            rep.matched += 1;
            let m = compare_time(e.time.as_deref(), anchor);
            let in_text = *anchor != dct;
            if in_text {
                rep.in_text += 1;
            }
            match m {
                TimeMatch::Exact => {
                    rep.exact += 1;
                    if in_text {
                        rep.in_text_exact += 1;
                    }
                }
                TimeMatch::Coarser => rep.coarser += 1,
                TimeMatch::Finer => rep.finer += 1,
                TimeMatch::Wrong => rep.wrong += 1,
                TimeMatch::Missing => rep.missing += 1,
            }
            if debug && m != TimeMatch::Exact {
                let si = doc.sentence_at(e.span.start).unwrap_or(0);
                eprintln!(
                    "TIME {m:?} gold {anchor} pred {} ({})\t[{}]\t{}",
                    e.time.as_deref().unwrap_or("-"),
                    e.time_source.as_deref().unwrap_or("-"),
                    doc.slice(e.span),
                    doc.slice(doc.sentences[si].span)
                );
            }
        }
    }
    Ok(rep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_compare_by_value_granularity_and_range() {
        assert_eq!(
            compare_time(Some("2009-05-14"), "2009-05-14"),
            TimeMatch::Exact
        );
        assert_eq!(compare_time(Some("2009"), "2009-05-14"), TimeMatch::Coarser);
        assert_eq!(
            compare_time(Some("2009-05-14"), "2009-05"),
            TimeMatch::Finer
        );
        // A prefix that is not a whole field is another date.
        assert_eq!(compare_time(Some("2009-0"), "2009-05"), TimeMatch::Wrong);
        assert_eq!(compare_time(Some("2008"), "2009-05-14"), TimeMatch::Wrong);
        assert_eq!(
            compare_time(Some("2022-12-26/2022-12-27"), "2022-12-27"),
            TimeMatch::Exact
        );
        assert_eq!(
            compare_time(Some("2022-12-26/2022-12-27"), "2022-12-28"),
            TimeMatch::Wrong
        );
        assert_eq!(compare_time(None, "2009"), TimeMatch::Missing);
    }

    #[test]
    fn tlinks_date_events_by_their_most_specific_including_timex() {
        let xml = r#"<Document doc_id="1">
<token t_id="1" sentence="0" number="0">Talks</token>
<token t_id="2" sentence="0" number="1">began</token>
<token t_id="3" sentence="0" number="2">on</token>
<token t_id="4" sentence="0" number="3">Monday</token>
<Markables>
<EVENT_MENTION m_id="5" pred="begin" pos="VERB" certainty="CERTAIN" polarity="POS" time="NON_FUTURE"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="6" pred="talk" pos="NOUN" certainty="CERTAIN" polarity="POS" time="NON_FUTURE"><token_anchor t_id="1"/></EVENT_MENTION>
<TIMEX3 m_id="7" type="DATE" value="2009-05-11" functionInDocument="NONE"><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 m_id="8" type="DATE" value="2009-05-14" functionInDocument="CREATION_TIME"/>
<TIMEX3 m_id="9" type="DURATION" value="P1W" functionInDocument="NONE"><token_anchor t_id="3"/></TIMEX3>
</Markables>
<Relations>
<TLINK r_id="1" reltype="IS_INCLUDED"><source m_id="5"/><target m_id="8"/></TLINK>
<TLINK r_id="2" reltype="INCLUDES"><source m_id="7"/><target m_id="5"/></TLINK>
<TLINK r_id="3" reltype="BEFORE"><source m_id="6"/><target m_id="8"/></TLINK>
<TLINK r_id="4" reltype="SIMULTANEOUS"><source m_id="6"/><target m_id="9"/></TLINK>
</Relations></Document>"#;
        let (doc, gold, timexes) = parse(xml);
        assert_eq!(doc.meta.dct.value.as_deref(), Some("2009-05-14"));
        // "began": inside both the creation day and Monday, equally precise: the timex of the text wins.
        // "Talks": only BEFORE the creation time, or simultaneous with a duration: no date.
        assert_eq!(gold[0].anchor.as_deref(), Some("2009-05-11"));
        assert_eq!(gold[1].anchor, None);
        assert_eq!(timexes.len(), 2);
        assert_eq!(doc.slice(timexes[1].span), "Monday");
    }
}
