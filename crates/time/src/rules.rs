//! The pattern rules of `resources/time/rules.txt` and the matcher that runs them over the scanned tokens.
//!
//! Rules are indexed by the classes and literals their first element can match, so each token only
//! tries the few rules that can start on it; the longest match at a position wins.

use dossier_model::TimexType;

use crate::lexicon::{
    Class, FastMap, Lexicon, AFTER_AGE, AFTER_PART_NOUN, AFTER_YEAR, BEFORE_SEASON, BEFORE_SHARE,
    BEFORE_THIS_TIME, BEFORE_YEAR,
};
use crate::scan::{Scan, Tok};

/// How many tokens from a rule's first token `near` looks at.
const W: usize = 8;

pub(crate) const RULES: &str = include_str!("../../../resources/time/rules.txt");

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Alt {
    Class(Class, Option<&'static str>),
    Lit(&'static str),
}

#[derive(Debug, Clone)]
pub struct Elem {
    pub alts: Vec<Alt>,
    pub opt: bool,
    /// Context: must match, stays outside the span.
    pub ctx: bool,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub line: usize,
    pub group: &'static str,
    pub source: &'static str,
    pub elems: Vec<Elem>,
    /// Index of the first element of the range's second end.
    pub split: Option<usize>,
    pub ty: TimexType,
    pub bare: bool,
    pub plural: bool,
    /// Only under narrative anchoring (TIMEX2-style adjectival references such as "former").
    pub narrative: bool,
    /// The count must be a number, not the article ("two long years", not "a long day").
    pub counted: bool,
    pub sets: Vec<(&'static str, &'static str)>,
    /// Classes of up to three required elements ("UNIT", "MONTH"…) among the first W: a rule can only match
    /// where, for each, a token of one of its classes is near (0 = no such element).
    pub need: [u64; 3],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Class(Class),
    Lit(&'static str),
}

pub struct Rules {
    pub rules: Vec<Rule>,
    index: FastMap<Key, Vec<u16>>,
}

/// One captured token: which element, which token, which alternative.
#[derive(Debug, Clone, Copy)]
pub struct Cap {
    pub elem: u16,
    pub tok: u32,
    pub alt: u16,
}

#[derive(Debug, Clone)]
pub struct Match {
    pub rule: usize,
    /// Core token range (context excluded), half-open.
    pub start: usize,
    pub end: usize,
    pub caps: Vec<Cap>,
    /// Tokens added in front by an in-span modifier.
    pub ext_start: usize,
    pub modifier: Option<&'static str>,
    /// A year written as part of a name ("Zapad 2023", "WWDC 2005"): tagged, but it does not move the
    /// narrative reference time.
    pub name_year: bool,
    /// Set when a TIME and a DATE next to each other were merged into this match.
    pub merged: Option<Box<Match>>,
}

impl Rules {
    pub fn load(lex: &mut Lexicon) -> Result<Rules, String> {
        let mut rules = Vec::new();
        let mut group = "";
        for (i, raw) in RULES.lines().enumerate() {
            let line = raw.trim();
            if let Some(g) = line.strip_prefix("## group:") {
                group = g.trim();
                continue;
            }
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (pat, rhs) = line
                .split_once("=>")
                .ok_or_else(|| format!("rules.txt:{}: missing =>", i + 1))?;
            let mut rhs = rhs.split_whitespace();
            let ty = match rhs.next() {
                Some("DATE") => TimexType::Date,
                Some("TIME") => TimexType::Time,
                Some("DURATION") => TimexType::Duration,
                Some("SET") => TimexType::Set,
                t => return Err(format!("rules.txt:{}: bad type {t:?}", i + 1)),
            };
            let mut rule = Rule {
                line: i + 1,
                group,
                source: line,
                elems: Vec::new(),
                split: None,
                ty,
                bare: false,
                plural: false,
                narrative: false,
                counted: false,
                sets: Vec::new(),
                need: [0; 3],
            };
            for f in rhs {
                match f {
                    "bare" => rule.bare = true,
                    "plural" => rule.plural = true,
                    "narrative" => rule.narrative = true,
                    "counted" => rule.counted = true,
                    kv => {
                        let (k, v) = kv
                            .split_once('=')
                            .ok_or_else(|| format!("rules.txt:{}: bad flag {kv}", i + 1))?;
                        rule.sets.push((k, v));
                    }
                }
            }
            for tok in pat.split_whitespace() {
                if tok == "~" {
                    rule.split = Some(rule.elems.len());
                    continue;
                }
                let (tok, ctx) = match tok.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                    Some(t) => (t, true),
                    None => (tok, false),
                };
                let (tok, opt) = match tok.strip_suffix('?') {
                    Some(t) if !t.is_empty() => (t, true),
                    _ => (tok, false),
                };
                let mut alts = Vec::new();
                for a in tok.split('|') {
                    let (name, val) = match a.split_once(':') {
                        Some((n, v)) if n.chars().all(|c| c.is_ascii_uppercase()) => (n, Some(v)),
                        _ => (a, None),
                    };
                    if name.len() > 1 && name.chars().all(|c| c.is_ascii_uppercase()) {
                        let c = Class::parse(name)
                            .ok_or_else(|| format!("rules.txt:{}: unknown class {name}", i + 1))?;
                        alts.push(Alt::Class(c, val));
                    } else {
                        lex.add_literal(a);
                        // Intern: the scanner's tokens point at the lexicon's key, so literals compare by address.
                        let key = lex.words.get(a).map_or(a, |e| e.key);
                        alts.push(Alt::Lit(key));
                    }
                }
                rule.elems.push(Elem { alts, opt, ctx });
            }
            // Up to three required elements within the first W positions (each element takes one token,
            // so they fall inside the `near` window of the first token).
            let mut k = 0;
            for e in rule.elems[..rule.elems.len().min(W)]
                .iter()
                .filter(|e| !e.opt && !e.ctx)
            {
                let mut m = 0u64;
                let mut all_core = true;
                for a in &e.alts {
                    match a {
                        Alt::Class(c, _)
                            if !matches!(
                                c,
                                Class::Num
                                    | Class::Int
                                    | Class::Numf
                                    | Class::Ord
                                    | Class::Day
                                    | Class::Ctx
                            ) =>
                        {
                            m |= 1u64 << (*c as u8)
                        }
                        _ => all_core = false,
                    }
                }
                if all_core && m != 0 {
                    rule.need[k] = m;
                    k += 1;
                    if k == rule.need.len() {
                        break;
                    }
                }
            }
            if rule.elems.iter().all(|e| e.opt) {
                return Err(format!("rules.txt:{}: every element is optional", i + 1));
            }
            rules.push(rule);
        }
        let mut index: FastMap<Key, Vec<u16>> = FastMap::default();
        for (ri, r) in rules.iter().enumerate() {
            for e in &r.elems {
                for a in &e.alts {
                    let k = match *a {
                        Alt::Class(c, _) => Key::Class(c),
                        Alt::Lit(l) => Key::Lit(l),
                    };
                    let v = index.entry(k).or_default();
                    if v.last() != Some(&(ri as u16)) {
                        v.push(ri as u16);
                    }
                }
                if !e.opt {
                    break;
                }
            }
        }
        Ok(Rules { rules, index })
    }

    fn alt_ok(alt: &Alt, t: &Tok) -> bool {
        match *alt {
            Alt::Class(c, None) => t.mask & (1u64 << (c as u8)) != 0,
            // A two-digit number ("April of 87": a year).
            Alt::Class(Class::Int, Some("2D")) => {
                t.mask & (1u64 << (Class::Int as u8)) != 0 && t.text.len() == 2
            }
            Alt::Class(c, Some(v)) => {
                t.mask & (1u64 << (c as u8)) != 0
                    && t.cvs.iter().any(|cv| cv.class == c && cv.s == v)
            }
            Alt::Lit(l) => t.key().is_some_and(|k| std::ptr::eq(k, l)),
        }
    }

    fn go(
        rule: &Rule,
        ei: usize,
        ti: usize,
        toks: &[Tok],
        sent: u32,
        caps: &mut Vec<Cap>,
    ) -> Option<usize> {
        if ei == rule.elems.len() {
            return Some(ti);
        }
        let e = &rule.elems[ei];
        if let Some(t) = toks.get(ti) {
            if t.sent == sent {
                for (ai, a) in e.alts.iter().enumerate() {
                    if Self::alt_ok(a, t) {
                        caps.push(Cap {
                            elem: ei as u16,
                            tok: ti as u32,
                            alt: ai as u16,
                        });
                        if let Some(end) = Self::go(rule, ei + 1, ti + 1, toks, sent, caps) {
                            return Some(end);
                        }
                        caps.pop();
                    }
                }
            }
        }
        if e.opt {
            return Self::go(rule, ei + 1, ti, toks, sent, caps);
        }
        // A right context that allows a full stop also matches the end of the sentence or text ("week 31"
        // as the last words).
        if e.ctx
            && ei > 0
            && toks.get(ti).is_none_or(|t| t.sent != sent)
            && e.alts.iter().any(|a| matches!(a, Alt::Lit(".")))
        {
            return Self::go(rule, ei + 1, ti, toks, sent, caps);
        }
        None
    }

    /// Tries rule `ri` at token `i`; returns the match with its core range.
    pub fn try_rule(
        &self,
        ri: usize,
        toks: &[Tok],
        i: usize,
        caps: &mut Vec<Cap>,
    ) -> Option<Match> {
        let rule = &self.rules[ri];
        caps.clear();
        Self::go(rule, 0, i, toks, toks[i].sent, caps)?;
        let mut caps = caps.clone();
        let (first, last) = {
            let mut core = caps.iter().filter(|c| !rule.elems[c.elem as usize].ctx);
            let first = core.next()?.tok as usize;
            let last = core.next_back().map_or(first, |c| c.tok as usize);
            (first, last)
        };
        let mut start = first;
        // "a five-year plan": the article is no part of the number.
        if matches!(toks[start].key(), Some("a" | "an"))
            && toks.get(start + 1).is_some_and(|n| {
                n.cvs
                    .iter()
                    .any(|c| matches!(c.class, Class::Num | Class::Int) && !c.n.is_nan())
            })
        {
            start += 1;
            caps.retain(|c| c.tok as usize != start - 1);
        }
        let mut end = last + 1;
        // An optional comma or period that ended up last ("April 19," before a missing year) is not part.
        while end > start + 1 && matches!(toks[end - 1].text, "," | "." | "-" | "–") {
            end -= 1;
            caps.retain(|c| (c.tok as usize) < end || rule.elems[c.elem as usize].ctx);
        }
        // "two weeks after the armistice": before/after introduce an event, so they are no part of it.
        if let Some(last) = toks.get(end - 1) {
            let is_dir = rule.elems.iter().zip(0..).any(|(e, k)| {
                caps.iter()
                    .any(|c| c.elem as usize == k && c.tok as usize == end - 1)
                    && e.alts
                        .iter()
                        .any(|a| matches!(a, Alt::Class(Class::Dir, _)))
            });
            // "a month earlier than usual": a comparison, not a shift.
            if is_dir
                && toks
                    .get(end)
                    .is_some_and(|n| n.text.eq_ignore_ascii_case("than"))
            {
                return None;
            }
            if is_dir
                && matches!(last.key(), Some("after" | "before" | "prior"))
                && toks.get(end).is_some_and(|n| {
                    n.sent == last.sent
                        && (n.is_word() || n.text.starts_with(|c: char| c.is_ascii_digit()))
                })
            {
                return None;
            }
        }
        Some(Match {
            rule: ri,
            start,
            end,
            caps,
            ext_start: start,
            modifier: None,
            name_year: false,
            merged: None,
        })
    }

    /// All non-overlapping matches, left to right, longest first.
    /// Finds the matches; rules flagged `narrative` only compete under narrative anchoring.
    pub fn find(&self, scan: &Scan, lex: &Lexicon, narrative: bool) -> Vec<Match> {
        let toks = &scan.toks;
        let mut out: Vec<Match> = Vec::new();
        let mut cands: Vec<u16> = Vec::new();
        let mut scratch: Vec<Cap> = Vec::with_capacity(16);
        // near[i]: the classes of tokens i..i+8 in the same sentence.
        let mut near = vec![0u64; toks.len()];
        for i in (0..toks.len()).rev() {
            let mut m = toks[i].mask;
            for t in toks[i + 1..toks.len().min(i + W)].iter() {
                if t.sent != toks[i].sent {
                    break;
                }
                m |= t.mask;
            }
            near[i] = m;
        }
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if t.cvs.is_empty() && t.entry.is_none() {
                i += 1;
                continue;
            }
            cands.clear();
            for cv in &t.cvs {
                if let Some(v) = self.index.get(&Key::Class(cv.class)) {
                    cands.extend_from_slice(v);
                }
            }
            if let Some(k) = t.key() {
                if let Some(v) = self.index.get(&Key::Lit(k)) {
                    cands.extend_from_slice(v);
                }
            }
            if cands.is_empty() {
                i += 1;
                continue;
            }
            cands.sort_unstable();
            cands.dedup();
            let mut best: Option<Match> = None;
            for &ri in &cands {
                let need = &self.rules[ri as usize].need;
                if need.iter().any(|&n| n != 0 && near[i] & n == 0) {
                    continue;
                }
                if self.rules[ri as usize].narrative && !narrative {
                    continue;
                }
                if let Some(m) = self.try_rule(ri as usize, toks, i, &mut scratch) {
                    if !self.accept(&m, toks, narrative) {
                        continue;
                    }
                    if best
                        .as_ref()
                        .is_none_or(|b| m.end > b.end || (m.end == b.end && m.start < b.start))
                    {
                        best = Some(m);
                    }
                }
            }
            match best {
                Some(mut m) => {
                    m.name_year = m.end - m.start == 1 && is_name_year(toks, m.start);
                    i = m.end.max(i + 1);
                    out.push(m);
                }
                None => i += 1,
            }
        }
        self.modifiers(&mut out, toks, lex);
        merge_time_date(&mut out, toks, self);
        out
    }

    /// Context checks that turn a rule's match down (false positives: "2000 troops", "Zapad 2023", "may",
    /// "four flights a week"); `narrative` is the anchoring mode (some conventions differ between news and
    /// histories).
    fn accept(&self, m: &Match, toks: &[Tok], narrative: bool) -> bool {
        let rule = &self.rules[m.rule];
        if !narrative
            && rule.ty == TimexType::Duration
            && toks.get(m.end).is_some_and(|t| t.text == "-")
            && toks
                .get(m.end + 1)
                .is_some_and(|t| t.entry.is_some_and(|e| e.after & AFTER_AGE != 0))
        {
            // "the 6-year-old boy": news TimeML (TimeBank, AQUAINT) leaves ages out; WikiWars' TIMEX2-based
            // histories mark them ("Forty-year-old"), so narrative mode keeps them.
            return false;
        }
        if rule.plural {
            // "for years", "in months": the unit must be written in the plural ("in day trading" is not).
            let unit = toks[m.start..m.end].iter().rev().find(|t| {
                t.cvs
                    .iter()
                    .any(|c| c.class == Class::Unit || c.class == Class::Part)
            });
            if let Some(u) = unit {
                let w = u.text.to_ascii_lowercase();
                if !(w.ends_with('s') || w == "millennia") {
                    return false;
                }
            }
        }
        let next_tok = toks.get(m.end).filter(|n| n.sent == toks[m.end - 1].sent);
        let prev_tok = m
            .start
            .checked_sub(1)
            .map(|p| &toks[p])
            .filter(|p| p.sent == toks[m.start].sent);
        let prev_says =
            |bit: u8| prev_tok.is_some_and(|p| p.entry.is_some_and(|e| e.before & bit != 0));
        let first = toks[m.start].text.to_ascii_lowercase();
        if rule.counted && matches!(first.as_str(), "a" | "an") {
            return false;
        }
        let last = toks[m.end - 1].text.to_ascii_lowercase();
        if rule.ty == TimexType::Duration
            && m.end - m.start == 2
            && matches!(first.as_str(), "a" | "an")
        {
            // "a second attempt", "a half", "a quarter of the army": ordinals and fractions, not durations.
            let word_next = next_tok.is_some_and(|n| n.is_word() && n.cvs.is_empty());
            if (last == "second" && word_next) || last == "half" {
                return false;
            }
            // "about a quarter, of its dealers": an approximate share, not three months.
            if last == "quarter" && prev_says(BEFORE_SHARE) {
                return false;
            }
            // "four flights a week", "700 seats a week": a rate of things, not a stretch of time.
            let plural_noun_before = prev_tok.is_some_and(|p| {
                p.is_word()
                    && !p.cap
                    && p.entry.is_none()
                    && p.text.len() > 3
                    && p.text.ends_with('s')
                    && !p.text.ends_with("ss")
            });
            if plural_noun_before {
                return false;
            }
        }
        if rule.ty == TimexType::Duration
            && rule.split.is_some()
            && toks[m.start].cvs.iter().any(|c| c.class == Class::Year)
        {
            // "the 1973-1974 year": a range of years, not of counts.
            return false;
        }
        if rule.ty == TimexType::Duration
            && (m.start + 1..m.end - 1).all(|k| toks[k].text == "-")
            && matches!(last.as_str(), "quarter" | "quarters" | "half")
            && next_tok.is_some_and(|n| n.text.eq_ignore_ascii_case("of"))
        {
            // "three quarters of the army": a fraction ("two consecutive quarters of decline" is not).
            return false;
        }
        if m.end - m.start == 1
            && toks[m.start].cvs.iter().any(|c| c.class == Class::Weekday)
            && toks[m.start].text.trim_end_matches('.').len() <= 3
            && !toks[m.start].text.ends_with('.')
            && next_tok.is_some_and(|n| n.is_word() && n.cap)
        {
            // "Sun Yat-sen", "Wed Smith": an abbreviated weekday before a name.
            return false;
        }
        if toks[m.end - 1]
            .cvs
            .iter()
            .any(|c| c.class == Class::Unit && c.s == "Q")
            && next_tok.is_some_and(|n| {
                n.key() == Some("of") || n.cvs.iter().any(|c| c.class == Class::Unit)
            })
            && rule.ty == TimexType::Date
        {
            // "the quarter of the old city", "the quarter century": a part of something else.
            return false;
        }
        if first == "that"
            && toks[m.end - 1].cvs.iter().any(|c| c.class == Class::Month)
            && next_tok.is_some_and(|n| n.cvs.iter().any(|c| c.class == Class::Day))
        {
            // "said that May 5 was…": a conjunction before a date, not "that May".
            return false;
        }
        if toks[m.end - 1].cvs.iter().any(|c| c.class == Class::Part)
            && next_tok.is_some_and(|n| n.entry.is_some_and(|e| e.after & AFTER_PART_NOUN != 0))
        {
            // "in the morning session", "the evening news": the part of the day names a session or a show.
            return false;
        }
        if m.end - m.start == 2
            && toks[m.start].key() == Some("this")
            && toks[m.start + 1].key() == Some("time")
        {
            // "at this time", "during this time" are times; "but this time she is the boss" is an occasion.
            if !prev_says(BEFORE_THIS_TIME) {
                return false;
            }
        }
        if rule.sets.contains(&("clock", "1"))
            && toks[m.start..m.end]
                .iter()
                .any(|t| t.cvs.iter().any(|c| c.class == Class::Int && c.n > 24.0))
        {
            // "died Wednesday at 86": a number that cannot be an hour is no clock time (an age here).
            return false;
        }
        if (m.start..m.end).any(|k| capitalized_reference_word(toks, k)) {
            // "the Future of Babylon project", "Portal:Current events": a name, not a time.
            return false;
        }
        if !rule.bare {
            return true;
        }
        let t = &toks[m.start];
        let prev = m
            .start
            .checked_sub(1)
            .map(|p| &toks[p])
            .filter(|p| p.sent == t.sent);
        let next = toks.get(m.end).filter(|n| n.sent == t.sent);
        if t.cvs.iter().any(|c| c.class == Class::Month) && m.end - m.start == 1 {
            // A lone month: abbreviations need a day or year; ambiguous words (May, March) need a
            // temporal preposition or modifier in front.
            let lw = t.text.trim_end_matches('.').to_ascii_lowercase();
            if lw.len() <= 4 && !matches!(lw.as_str(), "may" | "june" | "july") {
                return false;
            }
            let ambiguous = t.cvs.iter().any(|c| c.class == Class::Month && c.cap);
            if ambiguous {
                let ok = prev.is_some_and(|p| {
                    matches!(
                        p.key(),
                        Some(
                            "in" | "of"
                                | "since"
                                | "until"
                                | "till"
                                | "by"
                                | "from"
                                | "to"
                                | "through"
                                | "during"
                                | "early"
                                | "late"
                                | "mid"
                                | "last"
                                | "next"
                                | "this"
                                | "and"
                                | "or"
                                | ","
                                | "-"
                                | "–"
                                | "between"
                                | "before"
                                | "after"
                                | "each"
                                | "every"
                                | "end"
                                | "beginning"
                                | "middle"
                        )
                    )
                });
                if !ok {
                    return false;
                }
            }
        }
        let last = &toks[m.end - 1];
        if last.cvs.iter().any(|c| c.class == Class::Season) {
            // A lone season needs a temporal preposition in front ("in the fall", not "the city's fall")
            // and no "of" + non-year after it ("the summer of discontent").
            // "to" is no context for a lone season: "stocks continue to fall", "to spring back".
            let ctx_ok = prev.is_some_and(|p| {
                (p.cvs.iter().any(|c| c.class == Class::Ctx) && p.key() != Some("to"))
                    || p.entry.is_some_and(|e| e.before & BEFORE_SEASON != 0)
            });
            let of_thing = next.is_some_and(|n| n.key() == Some("of"));
            if !ctx_ok || of_thing {
                return false;
            }
        }
        if t.cvs.iter().any(|c| c.class == Class::Year) {
            if let Some(p) = prev {
                // A capitalized name right before a year ("Zapad 2023", "WWDC 2005") is kept: TimeML corpora
                // (MEANTIME) annotate the year of a named event; it is flagged `name_year` and does not move the
                // narrative reference time.
                if matches!(p.text, "$" | "€" | "£" | "¥" | "₽" | "#" | "№" | "§")
                    || p.cvs.iter().any(|c| c.class == Class::IdRef)
                {
                    return false;
                }
            }
            if let Some(n) = next {
                if matches!(n.text, "%" | "‰") {
                    return false;
                }
                // "1622(d)": a numbered provision with its subsection letter.
                let sub = toks.get(m.end + 1).filter(|x| x.sent == t.sent);
                let close = toks.get(m.end + 2).filter(|x| x.sent == t.sent);
                if n.text == "("
                    && n.start == t.end
                    && sub.is_some_and(|x| x.text.chars().count() <= 2)
                    && close.is_some_and(|x| x.text == ")")
                {
                    return false;
                }
                // "2000 troops", "1500 km": a count of things.
                if n.is_word()
                    && !n.cap
                    && n.entry.is_none()
                    && n.text.len() <= 3
                    && !n.text.contains(['a', 'e', 'i', 'o', 'u', 'y'])
                {
                    return false;
                }
                // "2000 troops", not "In 2004 and 2008 his term…" (no plural noun has under four letters),
                // nor "By late 1974 investors were dizzy" (a year right after a word that introduces one).
                let year_intro =
                    prev.is_some_and(|p| p.entry.is_some_and(|e| e.before & BEFORE_YEAR != 0));
                let year_noun = n.entry.is_some_and(|e| e.after & AFTER_YEAR != 0);
                if n.is_word()
                    && !year_intro
                    && !year_noun
                    && !n.cap
                    && n.entry.is_none()
                    && n.text.len() > 3
                    && n.text.ends_with('s')
                    && !n.text.ends_with("ss")
                    && !n.text.ends_with("'s")
                {
                    return false;
                }
            }
        }
        true
    }

    /// Applies `modifiers.tsv`: phrases right before a match set its `mod`; in-span ones extend it.
    fn modifiers(&self, out: &mut [Match], toks: &[Tok], lex: &Lexicon) {
        let mut prev_end = 0;
        for m in out.iter_mut() {
            let rule = &self.rules[m.rule];
            let ty = rule.ty;
            let s = m.start;
            // A rule's own left context ("[over] the years") is not a modifier, unless an in-span modifier
            // covers it ("the end of" + "[end] [of] the year" = "the end of the year").
            let ctx_len = m
                .caps
                .iter()
                .filter(|c| rule.elems[c.elem as usize].ctx && (c.tok as usize) < s)
                .map(|c| s - c.tok as usize)
                .max()
                .unwrap_or(0);
            for md in &lex.modifiers {
                let k = md.words.len();
                if s < k || s - k < prev_end {
                    continue;
                }
                if ctx_len > 0 && (!md.in_span || k < ctx_len) {
                    continue;
                }
                let ok = md.words.iter().enumerate().all(|(j, w)| {
                    toks[s - k + j].key() == Some(w) && toks[s - k + j].sent == toks[s].sent
                });
                if !ok {
                    continue;
                }
                let applies = match md.applies {
                    "DATE" => matches!(ty, TimexType::Date | TimexType::Time),
                    // "over the past decade": a definite period takes no amount modifier.
                    "DURATION" => ty == TimexType::Duration && toks[s].key() != Some("the"),
                    _ => true,
                };
                if !applies {
                    continue;
                }
                if md.tag != "-" {
                    m.modifier = Some(md.tag);
                }
                if md.in_span {
                    m.ext_start = s - k;
                }
                break;
            }
            prev_end = m.end;
        }
    }
}

/// A year right after a capitalized word that is not sentence-initial and not a temporal word.
fn is_name_year(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !t.cvs.iter().any(|c| c.class == Class::Year) || i == 0 {
        return false;
    }
    let p = &toks[i - 1];
    let initial = i == 1 || toks[i - 2].sent != p.sent;
    p.sent == t.sent
        && p.cap
        && p.is_word()
        && p.cvs.is_empty()
        && !initial
        && p.entry.is_none_or(|e| e.tense == 0)
}

/// Does the match name a clock time (a digit time, am/pm, o'clock, noon)?
fn has_clock(m: &Match, toks: &[Tok]) -> bool {
    toks[m.start..m.end].iter().any(|t| {
        t.cvs.iter().any(|c| {
            matches!(
                c.class,
                Class::Clockt | Class::Ampm | Class::Clock | Class::Oclock
            )
        })
    })
}

/// Does the match name a day (a weekday, day of the month, today/tomorrow, a full date, a holiday)? Only
/// those take a clock time ("next month at 6pm" stays two expressions).
fn names_day(m: &Match, toks: &[Tok]) -> bool {
    toks[m.start..m.end].iter().any(|t| {
        t.cvs.iter().any(|c| {
            matches!(
                c.class,
                Class::Weekday
                    | Class::Day
                    | Class::Deictic
                    | Class::Iso
                    | Class::Slash
                    | Class::Holiday
            )
        })
    })
}

/// Merges a TIME next to a DATE ("10:30 a.m., March 5", "Monday, 10 p.m.", "tomorrow at 8am",
/// "9am on Tuesday") or a clock time next to a part of the day ("8am this morning") into one TIME.
fn merge_time_date(out: &mut Vec<Match>, toks: &[Tok], rules: &Rules) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        // At most two words between them (checked before anything is built: most neighbours are far apart).
        if b.ext_start < a.end || b.ext_start - a.end > 2 {
            i += 1;
            continue;
        }
        let mut gap_buf = [""; 2];
        let mut lower = [[0u8; 8]; 2];
        for (k, t) in toks[a.end..b.ext_start].iter().enumerate() {
            let w = t.text.as_bytes();
            if w.len() > 8 {
                gap_buf[k] = "\u{1}";
                continue;
            }
            for (j, c) in w.iter().enumerate() {
                lower[k][j] = c.to_ascii_lowercase();
            }
        }
        for (k, t) in toks[a.end..b.ext_start].iter().enumerate() {
            if gap_buf[k].is_empty() {
                gap_buf[k] = std::str::from_utf8(&lower[k][..t.text.len()]).unwrap_or("\u{1}");
            }
        }
        let gap_l: &[&str] = &gap_buf[..b.ext_start - a.end];
        let ta = rules.rules[a.rule].ty;
        let tb = rules.rules[b.rule].ty;
        let same_sent = toks[a.start].sent == toks[b.start].sent && b.ext_start >= a.end;
        let spelled = |m: &Match| rules.rules[m.rule].sets.iter().any(|(k, _)| *k == "past");
        let (ca, cb) = (
            has_clock(a, toks) || spelled(a),
            has_clock(b, toks) || spelled(b),
        );
        let day_a = ta != TimexType::Date || names_day(a, toks);
        let day_b = tb != TimexType::Date || names_day(b, toks);
        let pair = day_a
            && day_b
            && match (ta, tb) {
                // TIME then DATE: "10:30 a.m., March 5", "9am on Tuesday", "3pm today".
                (TimexType::Time, TimexType::Date) => {
                    matches!(gap_l[..], [] | [","] | ["of"] | ["on"] | [",", "on"])
                }
                // DATE then TIME: "Monday, 10 p.m.", "tomorrow at 8am", "Tuesday in the morning".
                (TimexType::Date, TimexType::Time) => {
                    matches!(gap_l[..], [","] | [",", "at"] | ["at"] | ["@"])
                        || (cb && gap_l.is_empty())
                        // "Thursday before 5pm", "today by 4pm": the clock time of that day, with its mod.
                        || (cb
                            && matches!(
                                gap_l[..],
                                ["before"] | ["after"] | ["by"] | ["until"] | ["later", "than"]
                            ))
                        || (!cb && matches!(gap_l[..], [] | ["in"]))
                }
                // a clock time and a part of the day: "8am this morning", "this morning at 8".
                (TimexType::Time, TimexType::Time) => {
                    ca != cb && matches!(gap_l[..], [] | ["at"] | ["in"])
                }
                _ => false,
            };
        let (sa, sb) = (
            rules.rules[a.rule].split.is_some(),
            rules.rules[b.rule].split.is_some(),
        );
        // A date next to a clock-time range: "tomorrow from 7 to 8pm", "5-6pm on April 22".
        let range_pair = match (sa, sb) {
            (false, false) => pair,
            // (a part of the day counts as a day: "yesterday afternoon from 3-8pm", "this evening from 7".)
            (false, true) => {
                ((ta == TimexType::Date && day_a) || (ta == TimexType::Time && !ca))
                    && cb
                    && matches!(
                        gap_l[..],
                        [] | [","] | ["from"] | ["between"] | [",", "from"] | ["at"]
                    )
            }
            (true, false) => {
                ta == TimexType::Time
                    && ca
                    && ((tb == TimexType::Date && day_b) || (tb == TimexType::Time && !cb))
                    && matches!(gap_l[..], [] | [","] | ["on"] | ["of"])
            }
            (true, true) => false,
        };
        if same_sent && range_pair && a.merged.is_none() && b.merged.is_none() {
            if sb {
                // The range stays the main match (its two frames); the date is merged into both ends.
                let mut b = out.remove(i + 1);
                let a = out.remove(i);
                b.start = a.start;
                b.ext_start = a.ext_start;
                if b.modifier.is_none() {
                    b.modifier = a.modifier;
                }
                b.merged = Some(Box::new(a));
                out.insert(i, b);
                i += 1;
                continue;
            }
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.end = b.end;
            if a.modifier.is_none() {
                a.modifier = b.modifier;
            }
            a.merged = Some(Box::new(b));
        } else {
            i += 1;
        }
    }
}

/// Whether token `k` is a `NAME_WORD` of lexicon.tsv ("Future", "Current") capitalized inside a sentence
/// (not its first word, nor the word after a sentence-initial "The"): a word of a name.
fn capitalized_reference_word(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if !t.cap || !t.entry.is_some_and(|e| e.name_word) {
        return false;
    }
    let starts_sentence = |i: usize| i == 0 || toks[i - 1].sent != toks[i].sent;
    !(starts_sentence(k) || (k > 0 && starts_sentence(k - 1) && toks[k - 1].text == "The"))
}
