//! Dossier's time-expression component: finds DATE, TIME, DURATION and SET expressions, normalizes them
//! to TIMEX3 values, anchors relative ones on the document creation time (DCT) or on the narrative
//! reference time, infers the DCT when it is unknown, and reads/writes TimeML.
//!
//! Design for speed: one scanner pass over the text (one lexicon lookup per word), rules indexed by
//! the token classes they start with, and generic normalization driven by the data tables in
//! `resources/time/` (`lexicon.tsv`, `rules.txt`, `modifiers.tsv`, `tense.tsv`).

pub mod eval;
pub mod lexicon;
pub mod normalize;
pub mod rules;
pub mod scan;
pub mod timeml;

use std::sync::OnceLock;

use dossier_model::{Component, Dct, DctSource, Document, Span, Timex, TimexRange, TimexType};

use crate::lexicon::Lexicon;
use crate::normalize::{frames, normalize, Ctx, Frame, Gran, Pt, Tense};
use crate::rules::{Match, Rules};
use crate::scan::Scan;

pub use timeml::{read_timeml, write_timeml, TimemlDoc};

/// How relative expressions are anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchoring {
    /// News: deictic expressions ("yesterday", "last year", "in March") resolve against the DCT;
    /// only anaphoric ones ("the following day", "that year") use the last mentioned date.
    #[default]
    News,
    /// Narrative/history: everything relative resolves against the last mentioned date.
    Narrative,
}

impl Anchoring {
    pub fn parse(s: &str) -> Option<Anchoring> {
        match s {
            "news" => Some(Anchoring::News),
            "narrative" => Some(Anchoring::Narrative),
            _ => None,
        }
    }
}

pub(crate) struct Tables {
    pub lex: Lexicon,
    pub rules: Rules,
}

static TABLES: OnceLock<Result<Tables, String>> = OnceLock::new();

/// The parsed data tables (loaded once, on first use).
pub(crate) fn tables() -> Result<&'static Tables, &'static str> {
    TABLES
        .get_or_init(|| {
            let mut lex = Lexicon::load()?;
            let rules = Rules::load(&mut lex)?;
            Ok(Tables { lex, rules })
        })
        .as_ref()
        .map_err(|e| e.as_str())
}

/// Checks that the embedded data tables parse; returns the number of rules.
pub fn check_tables() -> Result<usize, String> {
    tables()
        .map(|t| t.rules.rules.len())
        .map_err(|e| e.to_string())
}

/// The time-expression component.
#[derive(Debug, Clone, Default)]
pub struct TimeTagger {
    pub anchoring: Anchoring,
    /// Infer the DCT from the text when the document has none (on by default).
    pub infer_dct: bool,
}

impl TimeTagger {
    pub fn new(anchoring: Anchoring) -> TimeTagger {
        TimeTagger {
            anchoring,
            infer_dct: true,
        }
    }

    /// Tags `text` against an explicit DCT (ISO date), without touching a document.
    pub fn tag_text(&self, text: &str, dct: Option<&str>) -> Vec<Timex> {
        let Ok(t) = tables() else { return Vec::new() };
        let scan = scan::scan(text, &t.lex);
        let matches = t
            .rules
            .find(&scan, &t.lex, self.anchoring == Anchoring::Narrative);
        let dct = dct.and_then(Pt::parse);
        resolve(
            t,
            &scan,
            &matches,
            dct,
            self.anchoring == Anchoring::Narrative,
        )
        .into_iter()
        .map(|r| r.timex)
        .collect()
    }

    fn run(&self, doc: &mut Document) -> Result<(), String> {
        let t = tables().map_err(|e| format!("time: data tables: {e}"))?;
        let scan = scan::scan(&doc.text, &t.lex);
        let matches = t
            .rules
            .find(&scan, &t.lex, self.anchoring == Anchoring::Narrative);
        let mut dct = doc.meta.dct.value.as_deref().and_then(Pt::parse);
        if dct.is_none() && self.infer_dct {
            if let Some((v, lo, hi)) = infer_dct(t, &scan, &matches) {
                dct = Pt::parse(&v);
                doc.meta.dct = Dct {
                    value: Some(v),
                    source: DctSource::Inferred,
                    bracket: Some((lo, hi)),
                };
            }
        }
        doc.timexes = resolve(
            t,
            &scan,
            &matches,
            dct,
            self.anchoring == Anchoring::Narrative,
        )
        .into_iter()
        .map(|r| r.timex)
        .collect();
        Ok(())
    }
}

impl Component for TimeTagger {
    fn name(&self) -> &'static str {
        "time"
    }
    fn process(&self, doc: &mut Document) {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.run(doc)));
        match r {
            Ok(Ok(())) => {}
            Ok(Err(e)) => doc.warnings.push(e),
            Err(_) => {
                doc.timexes.clear();
                doc.warnings
                    .push("time: internal error; no time expressions".into());
            }
        }
    }
}

pub(crate) struct Resolved {
    pub timex: Timex,
    pub tense: Tense,
    /// Has an explicit year (not anchored).
    pub absolute: bool,
}

/// The tense of the clause around a match: the nearest cue before it in the sentence, else after it.
fn tense_of(scan: &Scan, m: &Match) -> Tense {
    let toks = &scan.toks;
    let sent = toks[m.start].sent;
    let conv = |t: i8| if t > 0 { Tense::Future } else { Tense::Past };
    let before: Vec<&scan::Tok> = toks[..m.ext_start]
        .iter()
        .rev()
        .take_while(|t| t.sent == sent)
        .collect();
    if let Some(t) = before
        .first()
        .and_then(|t| t.entry)
        .filter(|e| e.tense_next != 0)
    {
        return conv(t.tense_next);
    }
    if let Some(k) = before.iter().position(|t| t.tense != 0) {
        // A passive participle ("will be held", "may be signed", "to be held") is not past; an auxiliary
        // future cue before "have" ("will have signed") makes it future.
        let aux = |i: usize| before.get(i).map(|t| t.text.to_ascii_lowercase());
        if before[k].tense < 0
            && (aux(k + 1).as_deref() == Some("be")
                || (aux(k + 1).as_deref() == Some("have")
                    && before[k + 2..].iter().take(2).any(|t| t.tense > 0)))
        {
            return Tense::Future;
        }
        return conv(before[k].tense);
    }
    for t in toks[m.end..].iter().take_while(|t| t.sent == sent) {
        if t.tense != 0 {
            return conv(t.tense);
        }
    }
    // "requires ByteDance to sell TikTok by January 19": a deadline in a clause without tense is ahead.
    if before
        .first()
        .and_then(|t| t.entry)
        .is_some_and(|e| e.deadline)
    {
        return Tense::Future;
    }
    Tense::Present
}

fn is_relative(f: &Frame) -> bool {
    f.rel.is_some()
        || f.dir.is_some()
        || f.deictic.is_some()
        || (f.year.is_none()
            && f.decade.is_none()
            && f.literal.is_none()
            && (f.month.is_some() || f.day.is_some() || f.weekday.is_some() || f.season.is_some()))
}

/// Normalizes the matches in document order, tracking the narrative reference time.
fn resolve(
    t: &Tables,
    scan: &Scan,
    matches: &[Match],
    dct: Option<Pt>,
    narrative: bool,
) -> Vec<Resolved> {
    resolve_with(t, scan, matches, dct, narrative, false)
}

/// "June and July of 1973", "on 3 May and 5 June 2021": a month (or a day of one) without a year, joined by
/// "and"/"or" to the next expression, is in that expression's written year.
fn coordinated_year(
    t: &Tables,
    toks: &[scan::Tok],
    m: &Match,
    f: &normalize::Frame,
    next: Option<&Match>,
) -> Option<i32> {
    let next = next?;
    if f.year.is_some()
        || f.decade.is_some()
        || f.month.is_none()
        || f.rel.is_some()
        || f.deictic.is_some()
    {
        return None;
    }
    let joined = next.ext_start == m.end + 1
        && toks[m.end].sent == toks[next.ext_start].sent
        && matches!(toks[m.end].key(), Some("and" | "or" | "&"));
    if !joined {
        return None;
    }
    let rule = &t.rules.rules[next.rule];
    let (g, _) = frames(next, rule, &t.rules.rules, toks);
    g.year.filter(|_| g.month.is_some())
}

/// `past_ref_only`: only past-tense mentions of a month or day move the reference time (DCT inference looks
/// for the latest past event; "In 2023, there will be…" or "2023 was declared the year of…" must not date
/// the past events that follow them).
fn resolve_with(
    t: &Tables,
    scan: &Scan,
    matches: &[Match],
    dct: Option<Pt>,
    narrative: bool,
    past_ref_only: bool,
) -> Vec<Resolved> {
    let toks = &scan.toks;
    let mut out = Vec::with_capacity(matches.len());
    let mut refp: Option<Pt> = None;
    let mut last_mentioned: Option<Pt> = None;
    for (i, m) in matches.iter().enumerate() {
        let rule = &t.rules.rules[m.rule];
        if rule.narrative && !narrative {
            continue;
        }
        let (mut f1, f2) = frames(m, rule, &t.rules.rules, toks);
        if let Some(year) = coordinated_year(t, toks, m, &f1, matches.get(i + 1)) {
            f1.year = Some(year);
        }
        let tense = tense_of(scan, m);
        let ctx = Ctx {
            dct,
            refp,
            last: last_mentioned,
            narrative,
            tense,
        };
        let Some((ty, value)) = normalize(&f1, rule.ty, &ctx) else {
            continue;
        };
        let span = Span::new(toks[m.ext_start].start, toks[m.end - 1].end);
        let mut range = None;
        if let (Some(f2), Some(split)) = (&f2, rule.split) {
            if let Some((_, v2)) = normalize(f2, rule.ty, &ctx) {
                let first: Vec<usize> = m
                    .caps
                    .iter()
                    .filter(|c| !rule.elems[c.elem as usize].ctx && (c.elem as usize) < split)
                    .map(|c| c.tok as usize)
                    .collect();
                let second: Vec<usize> = m
                    .caps
                    .iter()
                    .filter(|c| !rule.elems[c.elem as usize].ctx && (c.elem as usize) > split)
                    .map(|c| c.tok as usize)
                    .collect();
                if let (Some(&a1), Some(&b1)) = (first.first(), second.first()) {
                    let a2 = *first.last().unwrap_or(&a1);
                    let b2 = *second.last().unwrap_or(&b1);
                    range = Some(TimexRange {
                        begin: value.clone(),
                        end: v2,
                        begin_span: Some(Span::new(toks[a1.min(m.ext_start)].start, toks[a2].end)),
                        end_span: Some(Span::new(toks[b1].start, toks[b2].end)),
                    });
                }
            }
        }
        if ty == TimexType::Duration && range.is_none() && f2.is_none() {
            // An anchored duration ("in two weeks", "within 3 days", "the next three years", "the past
            // three months") keeps its interval, TIMEX3's beginPoint/endPoint; the TimeML export still
            // writes the DURATION alone (no spans for the two ends).
            let prev = |k: usize| {
                m.ext_start
                    .checked_sub(k)
                    .map(|i| &toks[i])
                    .filter(|t| t.sent == toks[m.start].sent)
                    .map(|t| t.text.to_ascii_lowercase())
            };
            let head = toks[m.ext_start].text.to_ascii_lowercase();
            let first_rel = f1.rel.map(|r| r.0);
            let dir = match (prev(1).as_deref(), first_rel) {
                // "will leave in two weeks"; not "for the first time in a decade".
                (Some("in"), _)
                    if tense == Tense::Future
                        && head != "the"
                        && !prev(2).is_some_and(|w| w == "time" || w.ends_with("est")) =>
                {
                    1
                }
                (Some("within"), _) if tense != Tense::Past && head != "the" => 1,
                (_, Some(1)) if tense != Tense::Past => 1,
                (_, Some(-1)) => -1,
                _ => 0,
            };
            if dir != 0 && !narrative {
                if let Some((b, e)) = normalize::duration_interval(&f1, &ctx, dir) {
                    range = Some(TimexRange {
                        begin: b,
                        end: e,
                        begin_span: None,
                        end_span: None,
                    });
                }
            }
        }
        let relative = ty != TimexType::Duration && ty != TimexType::Set && is_relative(&f1);
        let anaphoric = f1.rel.is_some_and(|r| r.1) || f1.dir.is_some_and(|d| d.1);
        // Counted from the DCT, as far as the narrative time is concerned: such expressions do not move it.
        let dct_relative =
            relative && !((narrative || anaphoric) && refp.is_some() || dct.is_none());
        // The label names the point actually counted from (`Ctx::anchor`): in news, an anaphoric expression
        // counts from the last date mentioned even when that date was itself counted from the DCT.
        let from_mention = anaphoric && !narrative && last_mentioned.is_some();
        let anchor = relative.then(|| {
            if dct_relative && !from_mention {
                "dct".to_string()
            } else {
                "narrative".to_string()
            }
        });
        if matches!(ty, TimexType::Date | TimexType::Time) {
            let last = range.as_ref().map(|r| r.end.as_str()).unwrap_or(&value);
            // Expressions anchored on the DCT ("today", "now") do not move the narrative time.
            let deictic =
                m.name_year || f1.deictic.is_some() || f1.literal.is_some() || dct_relative;
            if let Some(p) = Pt::parse(last) {
                // "the same period a year earlier" compares with a period; it is not one to compare with.
                if f1.yshift == 0 {
                    last_mentioned = Some(p);
                }
                // A date in a future clause ("a campaign planned for 1976") is not narrative time.
                let moves = if past_ref_only {
                    tense == Tense::Past && p.g >= Gran::Month
                } else {
                    tense != Tense::Future
                };
                if !deictic && moves {
                    refp = Some(p);
                }
            }
        }
        out.push(Resolved {
            timex: Timex {
                span,
                kind: ty,
                value,
                modifier: m.modifier.map(str::to_string),
                range,
                anchor,
            },
            tense,
            absolute: !relative,
        });
    }
    out
}

/// Infers a DCT from the text: the latest date mentioned in the past tense is a lower bound, the
/// earliest date mentioned in the future tense an upper bound. Returns (value, lower, upper); the value is
/// the lower bound; an unknown upper bound is "".
fn infer_dct(t: &Tables, scan: &Scan, matches: &[Match]) -> Option<(String, String, String)> {
    let res = resolve_with(t, scan, matches, None, true, true);
    let mut lo_fine: Option<Pt> = None;
    let mut lo_year: Option<Pt> = None;
    let mut hi: Option<Pt> = None;
    for r in &res {
        if !matches!(r.timex.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let (first, last) = match &r.timex.range {
            Some(rg) => (Pt::parse(&rg.begin), Pt::parse(&rg.end)),
            None => (Pt::parse(&r.timex.value), Pt::parse(&r.timex.value)),
        };
        let (Some(first), Some(last)) = (first, last) else {
            continue;
        };
        match r.tense {
            Tense::Past => {
                let p = match last.g {
                    Gran::Day => last,
                    _ => Pt::day(last.y, last.m, 1),
                };
                if last.g < Gran::Month {
                    if lo_year.is_none_or(|l| days(p) > days(l)) {
                        lo_year = Some(p);
                    }
                } else if lo_fine.is_none_or(|l| days(p) > days(l)) {
                    lo_fine = Some(p);
                }
            }
            Tense::Future => {
                let e = first.end_day();
                if hi.is_none_or(|h| days(e) < days(h)) {
                    hi = Some(e);
                }
            }
            Tense::Present => {}
        }
        let _ = r.absolute;
    }
    let lo = lo_fine.or(lo_year)?;
    let hi = hi.filter(|h| days(*h) >= days(lo));
    Some((lo.iso(), lo.iso(), hi.map(|h| h.iso()).unwrap_or_default()))
}

fn days(p: Pt) -> i64 {
    normalize::days_from_civil(p.y, p.m, p.d)
}
