//! Held-out proxy evaluation on MEANTIME (NewsReader, English Wikinews; `shared/eval/events/meantime-en`).
//!
//! MEANTIME has no statement or judgment layer, but two of its annotations come close:
//! - **Statements**: event mentions of class `SPEECH_COGNITIVE` with part of speech VERB (said, announced,
//!   expects, believes, …) and their PropBank `Arg0` participant. A statement cue of ours is right when it
//!   overlaps such a mention; its speaker is right when it overlaps the `Arg0` entity mention. Cognitive
//!   verbs (expect, believe, plan) are not statements for Dossier, so recall here is a lower bound.
//! - **Forecasts**: event mentions with `time="FUTURE"`. Scored per sentence: a sentence with a gold future
//!   event should hold one of our forecasts (any holder), and vice versa. MEANTIME also marks as future
//!   the objects of plans and intentions ("plans to build"), which are not forecasts for Dossier.
//!   Hedging agreement: on sentences both mark, gold `certainty` POSSIBLE/PROBABLE versus our class
//!   vague/estimative.
//!
//! Titles (sentence 0) are left out on both sides, and so are the sentences after the last annotated one
//! (MEANTIME annotates the first sentences of each article only).

use dossier_eval::xml::attr;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use dossier_model::{Block, BlockKind, Dct, Document, Span};

use crate::eval::Prf;

#[derive(Default)]
struct Mention {
    tokens: Vec<usize>,
    attrs: HashMap<String, String>,
}

/// A MEANTIME document rebuilt as a [`Document`] (one block per sentence) with its gold items.
pub struct GoldDoc {
    pub doc: Document,
    /// Byte span and sentence of each speech/cognitive verb mention, with its Arg0 spans.
    pub speech: Vec<(Span, usize, Vec<Span>)>,
    /// Sentences with a future event, and whether any of them is hedged (POSSIBLE/PROBABLE).
    pub future: HashMap<usize, bool>,
    /// Sentence index of each byte offset range.
    pub sentence_spans: Vec<Span>,
    /// MEANTIME annotates the first sentences of each article only: the last sentence with a markable.
    pub annotated_upto: usize,
}

/// Parses one CAT XML file.
pub fn read(xml: &str) -> Option<GoldDoc> {
    // Tokens.
    let mut tokens: Vec<(usize, usize, String)> = Vec::new(); // (t_id, sentence, text)
    for t in dossier_eval::cat_tokens(xml) {
        tokens.push((t.id.parse().ok()?, t.sentence?, t.text));
    }
    if tokens.is_empty() {
        return None;
    }
    // Text: tokens joined by spaces, one line per sentence.
    let mut text = String::new();
    let mut tok_span: HashMap<usize, (Span, usize)> = HashMap::new();
    let mut sentence_spans: Vec<Span> = Vec::new();
    let mut cur = usize::MAX;
    for (t_id, s, t) in &tokens {
        if *s != cur {
            if cur != usize::MAX {
                text.push('\n');
            }
            cur = *s;
            while sentence_spans.len() <= *s {
                sentence_spans.push(Span::new(text.len(), text.len()));
            }
            sentence_spans[*s].start = text.len();
        } else {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(t);
        tok_span.insert(*t_id, (Span::new(start, text.len()), *s));
        sentence_spans[*s].end = text.len();
    }
    // Markables and relations.
    let mut mentions: HashMap<String, Mention> = HashMap::new();
    let mut instance_class: HashMap<String, String> = HashMap::new();
    let mut refers: Vec<(Vec<String>, String)> = Vec::new();
    let mut participants: Vec<(String, String, String)> = Vec::new();
    let mut dct = None;
    let markables = xml.find("<Markables>").map_or("", |i| &xml[i..]);
    let mut rest = markables;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        let name = tag.split([' ', '/']).next().unwrap_or("");
        match name {
            "EVENT_MENTION" | "ENTITY_MENTION" => {
                let m_id = attr(tag, "m_id").unwrap_or("").to_string();
                let end = rest.find(&format!("</{name}>")).unwrap_or(close);
                let body = &rest[close..end];
                let mut m = Mention::default();
                for piece in body.split("<token_anchor").skip(1) {
                    if let Some(t) = attr(piece, "t_id").and_then(|t| t.parse().ok()) {
                        m.tokens.push(t);
                    }
                }
                for a in ["certainty", "time", "pos", "pred", "polarity"] {
                    if let Some(v) = attr(tag, a) {
                        m.attrs.insert(a.into(), v.into());
                    }
                }
                m.attrs.insert("kind".into(), name.into());
                mentions.insert(m_id, m);
            }
            "EVENT" => {
                if let (Some(id), Some(c)) = (attr(tag, "m_id"), attr(tag, "class")) {
                    instance_class.insert(id.into(), c.into());
                }
            }
            "TIMEX3" if attr(tag, "functionInDocument") == Some("CREATION_TIME") => {
                dct = attr(tag, "value").map(|v| v.get(..10).unwrap_or(v).to_string());
            }
            "REFERS_TO" | "HAS_PARTICIPANT" => {
                let end = rest.find(&format!("</{name}>")).unwrap_or(close);
                let body = &rest[close..end];
                let ids = |k: &str| -> Vec<String> {
                    body.split(&format!("<{k}"))
                        .skip(1)
                        .filter_map(|p| attr(p, "m_id").map(str::to_string))
                        .collect()
                };
                let (src, tgt) = (ids("source"), ids("target"));
                if let Some(t) = tgt.first() {
                    if name == "REFERS_TO" {
                        refers.push((src, t.clone()));
                    } else if let Some(s) = src.first() {
                        let role = attr(tag, "sem_role").unwrap_or("").to_string();
                        participants.push((s.clone(), t.clone(), role));
                    }
                }
            }
            _ => {}
        }
        rest = &rest[close..];
    }
    let mut mention_class: HashMap<&str, &str> = HashMap::new();
    for (srcs, t) in &refers {
        if let Some(c) = instance_class.get(t) {
            for s in srcs {
                mention_class.insert(s.as_str(), c.as_str());
            }
        }
    }
    let span_of = |m: &Mention| -> Option<(Span, usize)> {
        let mut it = m.tokens.iter().filter_map(|t| tok_span.get(t));
        let (first, s) = it.next()?;
        let sp = it.fold(*first, |acc, (x, _)| acc.cover(*x));
        Some((sp, *s))
    };
    let mut speech = Vec::new();
    let mut future: HashMap<usize, bool> = HashMap::new();
    for (id, m) in &mentions {
        if m.attrs.get("kind").map(String::as_str) != Some("EVENT_MENTION") {
            continue;
        }
        let Some((sp, s)) = span_of(m) else { continue };
        if s == 0 {
            continue;
        }
        let is_verb = m.attrs.get("pos").map(String::as_str) == Some("VERB");
        if is_verb && mention_class.get(id.as_str()) == Some(&"SPEECH_COGNITIVE") {
            let arg0: Vec<Span> = participants
                .iter()
                .filter(|(src, _, role)| src == id && role == "Arg0")
                .filter_map(|(_, t, _)| mentions.get(t).and_then(span_of).map(|x| x.0))
                .collect();
            speech.push((sp, s, arg0));
        }
        if m.attrs.get("time").map(String::as_str) == Some("FUTURE") {
            let hedged = matches!(
                m.attrs.get("certainty").map(String::as_str),
                Some("POSSIBLE" | "PROBABLE")
            );
            *future.entry(s).or_insert(false) |= hedged;
        }
    }
    speech.sort_by_key(|x| x.0);
    let annotated_upto = mentions
        .values()
        .filter_map(|m| span_of(m).map(|x| x.1))
        .max()
        .unwrap_or(0);
    let mut doc = Document::new(text);
    if let Some(d) = dct {
        doc.meta.dct = Dct::given(d);
    }
    for (i, sp) in sentence_spans.iter().enumerate() {
        if sp.end > sp.start {
            doc.blocks.push(Block {
                kind: if i == 0 {
                    BlockKind::Title
                } else {
                    BlockKind::Paragraph
                },
                span: *sp,
            });
        }
    }
    Some(GoldDoc {
        doc,
        speech,
        future,
        sentence_spans,
        annotated_upto,
    })
}

/// Results over a set of MEANTIME documents.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub docs: usize,
    /// Statement cues against SPEECH_COGNITIVE verb mentions.
    pub statements: Prf,
    /// Speaker overlaps the gold Arg0, on matched cues whose gold has an Arg0.
    pub speaker_ok: usize,
    pub speaker_total: usize,
    /// Sentences with a forecast against sentences with a FUTURE event.
    pub forecasts: Prf,
    /// Hedging agreement on sentences both mark.
    pub hedge_agree: usize,
    pub hedge_total: usize,
    /// Most frequent missed speech/cognitive verbs.
    pub missed_cues: Vec<(String, usize)>,
    /// Documents left unannotated because a component panicked on them.
    pub failed_docs: usize,
    /// Sentences of misses and false positives, for error analysis.
    pub errors: Vec<String>,
}

/// Runs `annotate` (segmentation + judgment) over every CAT file under `dir`.
pub fn evaluate(dir: &Path, annotate: &dyn Fn(&mut Document)) -> std::io::Result<Report> {
    let files = dossier_eval::cat_files(dir)?;
    let mut rep = Report::default();
    let mut missed: HashMap<String, usize> = HashMap::new();
    for f in files {
        let xml = std::fs::read_to_string(&f)?;
        let Some(mut g) = read(&xml) else { continue };
        rep.docs += 1;
        // A document an upstream component panics on stays unannotated (its items count as misses).
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| annotate(&mut g.doc))).is_err()
        {
            rep.failed_docs += 1;
            g.doc.statements.clear();
            g.doc.judgments.clear();
        }
        let doc = &g.doc;
        let sentence_of = |pos: usize| {
            g.sentence_spans
                .iter()
                .position(|s| s.start <= pos && pos < s.end.max(s.start + 1))
        };
        let in_scope =
            |pos: usize| sentence_of(pos).is_some_and(|s| s > 0 && s <= g.annotated_upto);
        // Statements.
        let mut hit = vec![false; g.speech.len()];
        for st in doc.statements.iter().filter(|st| in_scope(st.cue.start)) {
            match g.speech.iter().position(|(sp, _, _)| sp.overlaps(st.cue)) {
                Some(k) => {
                    if !hit[k] {
                        hit[k] = true;
                        rep.statements.tp += 1;
                        let arg0 = &g.speech[k].2;
                        if !arg0.is_empty() {
                            rep.speaker_total += 1;
                            if st
                                .speaker_span
                                .is_some_and(|s| arg0.iter().any(|a| a.overlaps(s)))
                            {
                                rep.speaker_ok += 1;
                            }
                        }
                    }
                }
                None => {
                    rep.statements.fp += 1;
                    rep.errors.push(format!(
                        "FP statement [{}]: {}",
                        doc.slice(st.cue),
                        doc.slice(st.span)
                    ));
                }
            }
        }
        for (k, (sp, _, _)) in g.speech.iter().enumerate() {
            if !hit[k] {
                rep.statements.fn_ += 1;
                *missed.entry(doc.slice(*sp).to_lowercase()).or_default() += 1;
                let sent = sentence_of(sp.start).map_or(Span::default(), |s| g.sentence_spans[s]);
                rep.errors.push(format!(
                    "FN statement [{}]: {}",
                    doc.slice(*sp),
                    doc.slice(sent)
                ));
            }
        }
        // Forecasts per sentence.
        let mut ours: HashMap<usize, bool> = HashMap::new();
        for j in doc.judgments.iter().filter(|j| j.kind == "forecast") {
            if let Some(s) = sentence_of(j.cue.start).filter(|_| in_scope(j.cue.start)) {
                let hedged = matches!(j.class.as_str(), "vague" | "estimative");
                *ours.entry(s).or_insert(false) |= hedged;
            }
        }
        let gold_s: HashSet<usize> = g.future.keys().copied().collect();
        let our_s: HashSet<usize> = ours.keys().copied().collect();
        rep.forecasts.tp += gold_s.intersection(&our_s).count();
        rep.forecasts.fp += our_s.difference(&gold_s).count();
        rep.forecasts.fn_ += gold_s.difference(&our_s).count();
        for s in gold_s.difference(&our_s) {
            rep.errors
                .push(format!("FN forecast: {}", doc.slice(g.sentence_spans[*s])));
        }
        for s in our_s.difference(&gold_s) {
            rep.errors
                .push(format!("FP forecast: {}", doc.slice(g.sentence_spans[*s])));
        }
        for s in gold_s.intersection(&our_s) {
            if g.future[s] != ours[s] {
                rep.errors.push(format!(
                    "hedge gold {} ours {}: {}",
                    g.future[s],
                    ours[s],
                    doc.slice(g.sentence_spans[*s])
                ));
            }
            rep.hedge_total += 1;
            rep.hedge_agree += (g.future[s] == ours[s]) as usize;
        }
    }
    let mut m: Vec<(String, usize)> = missed.into_iter().collect();
    m.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    m.truncate(12);
    rep.missed_cues = m;
    Ok(rep)
}

impl Report {
    /// Adds another report's counts (missed-verb lists are merged, errors appended).
    pub fn add(&mut self, o: Report) {
        self.docs += o.docs;
        self.statements.add(o.statements);
        self.forecasts.add(o.forecasts);
        self.speaker_ok += o.speaker_ok;
        self.speaker_total += o.speaker_total;
        self.hedge_agree += o.hedge_agree;
        self.hedge_total += o.hedge_total;
        self.failed_docs += o.failed_docs;
        for (w, n) in o.missed_cues {
            match self.missed_cues.iter_mut().find(|(x, _)| *x == w) {
                Some(e) => e.1 += n,
                None => self.missed_cues.push((w, n)),
            }
        }
        self.missed_cues
            .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        self.missed_cues.truncate(12);
        self.errors.extend(o.errors);
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = |x: &Prf| {
            format!(
                "P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
                x.precision(),
                x.recall(),
                x.f1(),
                x.tp,
                x.fp,
                x.fn_
            )
        };
        writeln!(f, "MEANTIME (held out), {} documents", self.docs)?;
        writeln!(
            f,
            "statement cues vs SPEECH_COGNITIVE verbs: {}",
            p(&self.statements)
        )?;
        writeln!(
            f,
            "  speaker = gold Arg0: {:.3} ({}/{})",
            self.speaker_ok as f64 / self.speaker_total.max(1) as f64,
            self.speaker_ok,
            self.speaker_total
        )?;
        writeln!(
            f,
            "forecast sentences vs FUTURE-event sentences: {}",
            p(&self.forecasts)
        )?;
        writeln!(
            f,
            "  hedging agreement: {:.3} ({}/{})",
            self.hedge_agree as f64 / self.hedge_total.max(1) as f64,
            self.hedge_agree,
            self.hedge_total
        )?;
        let missed: Vec<String> = self
            .missed_cues
            .iter()
            .map(|(w, n)| format!("{w} {n}"))
            .collect();
        writeln!(
            f,
            "  most missed speech/cognitive verbs: {}",
            missed.join(", ")
        )?;
        writeln!(
            f,
            "  documents left unannotated (a component panicked): {}",
            self.failed_docs
        )
    }
}
