//! A single left-to-right scanner: splits the text into word, number and punctuation tokens, looks each
//! word up once in the lexicon, classifies digit shapes (years, days, ISO dates, clock times, decades),
//! and tracks sentence boundaries and tense cues.

use crate::lexicon::{Class, Cv, Entry, Lexicon, BEFORE_DECADE};

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// First character is upper case.
    pub cap: bool,
    pub entry: Option<&'static Entry>,
    pub cvs: Vec<Cv<'a>>,
    /// Bit set of the classes in `cvs` (bit = class discriminant), for fast rule matching.
    pub mask: u64,
    pub sent: u32,
    /// Tense cue: 1 future, -1 past, 0 none.
    pub tense: i8,
}

impl Tok<'_> {
    pub fn key(&self) -> Option<&'static str> {
        self.entry.map(|e| e.key)
    }
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_alphabetic())
    }
}

/// Per-sentence tense cues.
#[derive(Debug, Clone, Copy, Default)]
pub struct SentInfo {
    pub future: bool,
    pub past: bool,
    pub start_tok: u32,
}

pub struct Scan<'a> {
    pub toks: Vec<Tok<'a>>,
    pub sents: Vec<SentInfo>,
}

fn lower_key<'b>(w: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    for (i, &c) in b.iter().enumerate() {
        buf[i] = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// Length of a plural "s" at `at` ("s", "'s" or "’s") that ends the word, if there is one.
fn plural_s_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let len = if rest.starts_with('s') {
        1
    } else if rest.starts_with("'s") {
        2
    } else if rest.starts_with("’s") {
        4
    } else {
        return None;
    };
    (!is_alpha_at(text, at + len)).then_some(len)
}

fn is_alpha_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(|c| c.is_alphabetic())
}

/// `s` right after an apostrophe starts a possessive ending ("year's", "Monday’s"), kept out of the word.
fn is_possessive(rest: &str) -> bool {
    let mut it = rest.chars();
    matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(|c| c.is_alphanumeric())
}

/// Does `rest` (right after a number) start with an am/pm marker that ends the word ("pm", "a.m.", "am,")?
fn ampm_glued(rest: &str) -> bool {
    let r = rest.as_bytes();
    let low = |k: usize| r.get(k).map(|c| c.to_ascii_lowercase());
    let ends = |k: usize| !r.get(k).is_some_and(|c| c.is_ascii_alphanumeric());
    matches!(low(0), Some(b'a' | b'p'))
        && ((low(1) == Some(b'm') && ends(2)) || (low(1) == Some(b'.') && low(2) == Some(b'm')))
}

pub fn scan<'a>(text: &'a str, lex: &'static Lexicon) -> Scan<'a> {
    let b = text.as_bytes();
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(text.len() / 5);
    let mut sents = vec![SentInfo::default()];
    let mut buf = [0u8; 32];
    let mut i = 0;
    let n = b.len();
    let mut sent: u32 = 0;
    let mut break_pending = false;
    while i < n {
        let c = b[i];
        if c == b'\n' {
            break_pending = true;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if break_pending {
            break_pending = false;
            if toks.last().is_some_and(|t| t.sent == sent) {
                sent += 1;
                sents.push(SentInfo {
                    start_tok: toks.len() as u32,
                    ..SentInfo::default()
                });
            }
        }
        let start = i;
        let mut cvs: Vec<Cv<'a>> = Vec::new();
        let mut entry: Option<&'static Entry> = None;
        let mut tense: i8 = 0;
        if c.is_ascii_digit() {
            let d = digits_at(b, i);
            let mut end = i + d;
            let v: f64 = text[i..end].parse().unwrap_or(0.0);
            let at = |k: usize| b.get(k).copied().unwrap_or(0);
            let cv = |class, n, s| Cv {
                class,
                n,
                s,
                anaph: false,
                cap: false,
            };
            if d == 4
                && at(end) == b'-'
                && digits_at(b, end + 1) == 2
                && at(end + 3) == b'-'
                && digits_at(b, end + 4) == 2
                && digits_at(b, end + 6) == 0
            {
                end += 6;
                cvs.push(cv(Class::Iso, 0.0, &text[start..end]));
            } else if d <= 2 && at(end) == b'/' && (1..=2).contains(&digits_at(b, end + 1)) {
                let d2 = digits_at(b, end + 1);
                let e2 = end + 1 + d2;
                let d3 = if at(e2) == b'/' {
                    digits_at(b, e2 + 1)
                } else {
                    0
                };
                let md_ok = || {
                    // A month/day without a year ("on 10/1", "from 5/1 to 5/7") after a temporal preposition.
                    let mut m: u32 = text[start..start + d].parse().unwrap_or(0);
                    let mut dd: u32 = text[end + 1..e2].parse().unwrap_or(0);
                    if m > 12 && dd <= 12 {
                        // "22/04": day first.
                        std::mem::swap(&mut m, &mut dd);
                    }
                    let prev_ok = toks.last().is_some_and(|t: &Tok| {
                        let w = t.text.to_ascii_lowercase();
                        matches!(
                            w.as_str(),
                            "on" | "from"
                                | "to"
                                | "until"
                                | "till"
                                | "since"
                                | "before"
                                | "after"
                                | "between"
                                | "and"
                                | "or"
                                | "through"
                                | "-"
                                | "–"
                                | "this"
                                | "next"
                                | "last"
                                | "due"
                                | "monday"
                                | "tuesday"
                                | "wednesday"
                                | "thursday"
                                | "friday"
                                | "saturday"
                                | "sunday"
                        )
                    });
                    d3 == 0
                        && (1..=12).contains(&m)
                        && (1..=31).contains(&dd)
                        && at(e2) != b'/'
                        && !is_alpha_at(text, e2)
                        && prev_ok
                };
                if d3 == 4 || d3 == 2 {
                    end = e2 + 1 + d3;
                    cvs.push(cv(Class::Slash, 0.0, &text[start..end]));
                } else if md_ok() {
                    end = e2;
                    cvs.push(cv(Class::Slash, 0.0, &text[start..end]));
                } else {
                    cvs.push(cv(Class::Int, v, ""));
                }
            } else if d <= 2 && at(end) == b':' && digits_at(b, end + 1) == 2 && v <= 24.0 {
                end += 3;
                if at(end) == b':' && digits_at(b, end + 1) == 2 {
                    end += 3;
                }
                cvs.push(cv(Class::Clockt, 0.0, &text[start..end]));
            } else if at(end) == b',' && digits_at(b, end + 1) == 3 && d <= 3 {
                // 1,000 and 12,500,000: a grouped number, never a year or a day.
                while at(end) == b',' && digits_at(b, end + 1) == 3 {
                    end += 4;
                }
                let v: f64 = text[start..end].replace(',', "").parse().unwrap_or(0.0);
                cvs.push(cv(Class::Int, v, ""));
            } else if d <= 2
                && v <= 24.0
                && at(end) == b'.'
                && digits_at(b, end + 1) == 2
                && ampm_glued(text[end + 3..].trim_start_matches(' '))
            {
                // 8.30pm, 3.30 p.m.: a clock time written with a dot.
                end += 3;
                cvs.push(cv(Class::Clockt, 0.0, &text[start..end]));
            } else if at(end) == b'.' && digits_at(b, end + 1) > 0 {
                end += 1 + digits_at(b, end + 1);
                let v: f64 = text[start..end].parse().unwrap_or(0.0);
                cvs.push(cv(Class::Numf, v, ""));
            } else if let Some(s_len) = plural_s_at(text, end).filter(|&len| {
                // "1990s", "90s", "the 50's"; "1990's" only after a word that introduces a decade, since it
                // is also the year's possessive ("1990's first half").
                let intro = || {
                    toks.last().is_some_and(|t| {
                        t.text == "-" || t.entry.is_some_and(|e| e.before & BEFORE_DECADE != 0)
                    })
                };
                (d == 2 || (d == 4 && (len == 1 || intro()))) && v % 10.0 == 0.0
            }) {
                end += s_len;
                let dec = if d == 4 { v / 10.0 } else { 190.0 + v / 10.0 };
                cvs.push(cv(Class::Decade, dec, ""));
            } else if end + 2 <= n
                && matches!(
                    &b[end..end + 2],
                    b"st" | b"nd" | b"rd" | b"th" | b"ST" | b"ND" | b"RD" | b"TH"
                )
                && !is_alpha_at(text, end + 2)
            {
                end += 2;
                cvs.push(cv(Class::Ord, v, ""));
                if (1.0..=31.0).contains(&v) {
                    cvs.push(cv(Class::Day, v, "ORDD"));
                }
            } else if end < n && d <= 2 && v <= 24.0 && ampm_glued(&text[end..]) {
                // 8pm, 11a.m.: an hour glued to its am/pm marker (scanned next as its own token).
                cvs.push(cv(Class::Int, v, ""));
            } else if end < n && is_alpha_at(text, end) {
                // 400km, 3G, 2nd-class...: glued to letters, not a time expression.
                while end < n && (b[end].is_ascii_alphanumeric()) {
                    end += 1;
                }
            } else {
                cvs.push(cv(Class::Int, v, ""));
                if d <= 2 && (1.0..=31.0).contains(&v) {
                    cvs.push(cv(Class::Day, v, ""));
                }
                if d == 4 && (1000.0..=2199.0).contains(&v) {
                    cvs.push(cv(Class::Year, v, ""));
                }
            }
            // A number glued to a word (A4) or hyphenated to a capitalized code (S-400, SS-26) is a name.
            let k = toks.len();
            let glued = (k >= 1 && toks[k - 1].end == start && toks[k - 1].is_word())
                || (k >= 2
                    && toks[k - 1].end == start
                    && toks[k - 1].text == "-"
                    && toks[k - 2].end == toks[k - 1].start
                    && toks[k - 2].cap
                    && toks[k - 2].cvs.is_empty());
            if glued {
                cvs.clear();
            }
            // "$12", "€ 2020": an amount of money, never a day or a year.
            if toks
                .last()
                .is_some_and(|t| matches!(t.text, "$" | "€" | "£" | "¥") && start - t.end <= 1)
            {
                cvs.retain(|c| c.class == Class::Int);
            }
            i = end;
        } else if (c == b'\'' || text[i..].starts_with('’')) && {
            let q = if c == b'\'' { 1 } else { 3 };
            digits_at(b, i + q) == 2 && !b.get(i + q + 2).is_some_and(|x| x.is_ascii_digit())
        } {
            let q = if c == b'\'' { 1 } else { 3 };
            let v: f64 = text[i + q..i + q + 2].parse().unwrap_or(0.0);
            let full = if v <= 30.0 { 2000.0 + v } else { 1900.0 + v };
            let mut end = i + q + 2;
            if let Some(s_len) = plural_s_at(text, end) {
                // "'90s", "'90's".
                end += s_len;
                cvs.push(Cv {
                    class: Class::Decade,
                    n: (full / 10.0).floor(),
                    s: "",
                    anaph: false,
                    cap: false,
                });
            } else {
                cvs.push(Cv {
                    class: Class::Year,
                    n: full,
                    s: "",
                    anaph: false,
                    cap: false,
                });
            }
            i = end;
        } else if text[i..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphabetic())
        {
            let mut end = i;
            let mut chars = text[i..].char_indices().peekable();
            while let Some((k, ch)) = chars.next() {
                if ch.is_alphanumeric() {
                    end = i + k + ch.len_utf8();
                } else if (ch == '\'' || ch == '’' || ch == '.')
                    && chars.peek().is_some_and(|(_, nx)| nx.is_alphabetic())
                    && !((ch == '\'' || ch == '’') && is_possessive(&text[i + k + ch.len_utf8()..]))
                {
                    // o'clock, a.m; but not a possessive 's (kept inside the word, harmless for lookups)
                    end = i + k + ch.len_utf8();
                } else {
                    break;
                }
            }
            let w = &text[start..end];
            if let Some(lw) = lower_key(w, &mut buf) {
                if end < n && b[end] == b'.' && lw.len() < 31 {
                    let mut b2 = [0u8; 32];
                    b2[..lw.len()].copy_from_slice(lw.as_bytes());
                    b2[lw.len()] = b'.';
                    if let Ok(k2) = std::str::from_utf8(&b2[..lw.len() + 1]) {
                        if let Some(e) = lex.get(k2) {
                            entry = Some(e);
                            end += 1;
                        }
                    }
                }
                if entry.is_none() {
                    entry = lex.get(lw);
                }
            }
            let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
            if let Some(e) = entry {
                for cv in &e.cvs {
                    if !cv.cap || cap {
                        cvs.push(*cv);
                    }
                }
                if !(cap && cvs.iter().any(|c| c.class == Class::Month)) {
                    tense = e.tense;
                }
            }
            // A word known only as a rule's literal ("[arrived]") still has its tense.
            let plain = entry.is_none_or(|e| e.tense == 0 && e.cvs.is_empty());
            // "China-based", "state-owned": a participle hyphen-joined to the word before is an adjective.
            let compound = text[..i].ends_with('-');
            if plain
                && w.len() > 4
                && w.is_ascii()
                && lex.past_suffixes.iter().any(|s| w.ends_with(s))
                && !cap
                && !compound
            {
                tense = -1;
            }
            match tense {
                1 => sents[sent as usize].future = true,
                -1 => sents[sent as usize].past = true,
                _ => {}
            }
            i = end;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let end = i + ch.len_utf8();
            entry = lex.get(&text[i..end]);
            i = end;
        }
        let tok = Tok {
            start,
            end: i,
            text: &text[start..i],
            cap: text[start..]
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase()),
            entry,
            mask: cvs.iter().fold(0u64, |m, c| m | (1u64 << (c.class as u8))),
            cvs,
            sent,
            tense,
        };
        let is_stop = matches!(tok.text, "." | "!" | "?");
        toks.push(tok);
        if is_stop
            && b.get(i)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'"')
        {
            sent += 1;
            sents.push(SentInfo {
                start_tok: toks.len() as u32,
                ..SentInfo::default()
            });
        }
    }
    let toks = merge_number_words(text, toks);
    // Merging moved token indices: recompute where each sentence starts.
    let mut k = 0;
    for (si, info) in sents.iter_mut().enumerate() {
        while k < toks.len() && (toks[k].sent as usize) < si {
            k += 1;
        }
        info.start_tok = k as u32;
    }
    Scan { toks, sents }
}

fn num_word(t: &Tok) -> Option<(Class, f64)> {
    const NUM_ORD: u64 = (1u64 << (Class::Num as u8)) | (1u64 << (Class::Ord as u8));
    if t.mask & NUM_ORD == 0
        || !t.is_word()
        || ["a", "an", "single"]
            .iter()
            .any(|w| t.text.eq_ignore_ascii_case(w))
    {
        return None;
    }
    t.cvs
        .iter()
        .find(|c| matches!(c.class, Class::Num | Class::Ord) && !c.n.is_nan())
        .map(|c| (c.class, c.n))
}

/// Spelled-out compound numbers become one token: "twenty five" = 25 (a count, and a day of the month up to
/// 31), "twenty second" = 22nd, "nineteen eighty six" = 1986 (a year: a teen followed by tens).
fn merge_number_words<'a>(text: &'a str, toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
    // Most texts have no two number words in a row: leave the tokens alone then.
    let any = toks
        .windows(2)
        .any(|w| num_word(&w[0]).is_some() && (num_word(&w[1]).is_some() || w[1].text == "-"));
    if !any {
        return toks;
    }
    let toks = merge_pass(text, toks, false);
    merge_pass(text, toks, true)
}

/// Marks a merged "nineteen hundred" / "two thousand" that a following number makes a year.
const BIG: &str = "BIG";

fn is_big(t: &Tok) -> bool {
    t.cvs.iter().any(|c| c.class == Class::Num && c.s == BIG)
}

/// One left-to-right pass: tens + units ("twenty five", "thirty-first"), or (`years`) teen + tens
/// ("nineteen eighty-six").
fn merge_pass<'a>(text: &'a str, toks: Vec<Tok<'a>>, years: bool) -> Vec<Tok<'a>> {
    let mut out: Vec<Tok<'a>> = Vec::with_capacity(toks.len());
    let cv = |class, n| Cv {
        class,
        n,
        s: "",
        anaph: false,
        cap: false,
    };
    for t in toks {
        // The word before `t`, separated by spaces or one glued hyphen token.
        let k = out.len();
        let hyph = k >= 2
            && out[k - 1].text == "-"
            && out[k - 2].end == out[k - 1].start
            && out[k - 1].end == t.start;
        // "two thousand and fifteen": the "and" after a merged hundred/thousand is skipped.
        let and_big =
            years && k >= 2 && out[k - 1].text.eq_ignore_ascii_case("and") && is_big(&out[k - 2]);
        let pi = if hyph || and_big {
            k.wrapping_sub(2)
        } else {
            k.wrapping_sub(1)
        };
        if let Some(prev) = out.get(pi) {
            let gap = &text[prev.end..t.start];
            let adjacent = prev.sent == t.sent
                && (hyph || and_big || (!gap.is_empty() && gap.chars().all(|c| c == ' ')));
            if let (true, Some((Class::Num, a)), Some((cb, b))) =
                (adjacent, num_word(prev), num_word(&t))
            {
                let tens = (20.0..=90.0).contains(&a) && a % 10.0 == 0.0;
                let merged = if !years && tens && (1.0..=9.0).contains(&b) && b.fract() == 0.0 {
                    let n = a + b;
                    let mut cvs = vec![cv(cb, n)];
                    if n <= 31.0 {
                        cvs.push(cv(Class::Day, n));
                    }
                    Some(cvs)
                } else if years
                    && !hyph
                    && (10.0..=19.0).contains(&a)
                    && cb == Class::Num
                    && (10.0..=99.0).contains(&b)
                    && !is_big(prev)
                {
                    Some(vec![cv(Class::Year, a * 100.0 + b)])
                } else if years && !hyph && cb == Class::Num && !is_big(prev) && {
                    ((10.0..=19.0).contains(&a) && b == 100.0)
                        || ((1.0..=9.0).contains(&a) && b == 1000.0)
                } {
                    // "nineteen hundred", "two thousand": a count that a year may continue.
                    Some(vec![Cv {
                        s: BIG,
                        ..cv(Class::Num, a * b)
                    }])
                } else if years
                    && is_big(prev)
                    && cb == Class::Num
                    && (1.0..=99.0).contains(&b)
                    && b.fract() == 0.0
                {
                    // "nineteen hundred ninety three" = 1993, "two thousand and fifteen" = 2015.
                    Some(vec![cv(Class::Year, a + b)])
                } else {
                    None
                };
                if let Some(cvs) = merged {
                    let start = out[pi].start;
                    let (cap, sent) = (out[pi].cap, out[pi].sent);
                    out.truncate(pi);
                    out.push(Tok {
                        start,
                        end: t.end,
                        text: &text[start..t.end],
                        cap,
                        entry: None,
                        mask: cvs.iter().fold(0u64, |m, c| m | (1u64 << (c.class as u8))),
                        cvs,
                        sent,
                        tense: 0,
                    });
                    continue;
                }
            }
        }
        out.push(t);
    }
    out
}
