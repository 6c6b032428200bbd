//! The quantity parser: one left-to-right pass over the token stream of [`crate::lex`].
//!
//! At each token that can open a quantity (a digit run, a number word, a currency sign or code, a bound cue)
//! the parser tries, in order: bound cue, currency prefix, sign, number (digits with separators, fractions,
//! number words, vague amounts), scale word, currency or unit suffix, a range's second half, a rate ("per",
//! "/", "a", "for" + amount + unit), a relative comparison ("three times less"), then what a bare number counts.
//! Designations, years, dates, times of day and list markers are recognized on the way and skipped.

use std::borrow::Cow;

use dossier_model::{Bound, Per, Quantity, Span};

use crate::lex::{lex, Tok, TokKind};
use crate::lexicon::{
    lexicon, Cue, Entry, Lexicon, NumWord, Pos, W_MONEY, W_MONTH, W_PLURAL, W_REF, W_STOP,
};

/// Extracts the quantities of `text`, in text order, without overlaps.
pub fn extract(text: &str) -> Vec<Quantity> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    lex(text, &mut toks);
    let p = Parser {
        text,
        toks: &toks,
        lx: lexicon(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !p.can_start(i) {
            i += 1;
            continue;
        }
        match p.try_at(i) {
            Outcome::Found(c) => {
                i = c.e.max(i + 1);
                out.push(p.finish(c));
            }
            Outcome::Skip(e) => i = e.max(i + 1),
            Outcome::No => i += 1,
        }
    }
    out
}

enum Outcome {
    Found(Cand),
    /// Not a quantity (a year, a designation, a date, a duration…): resume after this token.
    Skip(usize),
    No,
}

#[derive(Debug)]
struct Cand {
    s: usize,
    e: usize,
    value: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
    bound: Bound,
    per: Option<Per>,
    counted: Option<String>,
    kind: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    None,
    Unit,
    Ten,
    Hundred,
    Scale,
}

#[derive(Debug, Clone, Default)]
struct NumP {
    value: Option<f64>,
    end: usize,
    words: bool,
    ordinal: bool,
    vague: bool,
    /// A plain digit run: no separators, decimals or fraction.
    raw: bool,
    /// Only the word "one".
    only_one: bool,
    /// A version, date or code ("1.2.3", "12/25"): not a quantity.
    code: bool,
}

/// What follows a number: currency or unit, with the token after it.
#[derive(Clone, Debug)]
struct Suffix {
    unit: Option<String>,
    dimension: Option<String>,
    factor: f64,
    money: bool,
    time: bool,
    end: usize,
}

const COMPARATIVES: &[&str] = &[
    "more", "less", "higher", "lower", "greater", "larger", "bigger", "smaller", "fewer",
    "cheaper", "as", "over", "faster", "slower", "longer", "shorter", "stronger", "weaker",
    "lighter", "heavier",
];
const PER_NOUNS: &[&str] = &[
    "share", "head", "person", "capita", "piece", "unit", "barrel", "tonne", "ton", "dozen",
];
const YEAR_PREPS: &[&str] = &[
    "in", "since", "until", "by", "from", "of", "the", "to", "before", "after", "during", "early",
    "late", "mid", "and", "or", "through", "till", "spring", "summer", "autumn", "fall", "winter",
    "year", "fiscal", "fy", "between", "around", "about", "circa", "for",
];
const DETERMINERS: &[&str] = &[
    "the", "this", "that", "each", "every", "any", "no", "another", "which", "a", "an", "only",
    "last", "first", "new", "old", "other", "such", "same", "its", "his", "her", "their", "our",
    "my", "your",
];

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Tok],
    lx: &'static Lexicon,
}

fn unicode_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

fn looks_plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
}

impl<'a> Parser<'a> {
    fn t(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start..t.end],
            None => "",
        }
    }
    fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }
    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }
    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }
    fn sym(&self, i: usize, s: &str) -> bool {
        self.kind(i) == Some(TokKind::Sym) && self.t(i) == s
    }
    fn sym_in(&self, i: usize, set: &[&str]) -> bool {
        self.kind(i) == Some(TokKind::Sym) && set.contains(&self.t(i))
    }
    /// No whitespace before token `i` (false past the end).
    fn att(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }
    fn low(&self, i: usize) -> Cow<'a, str> {
        let s = self.t(i);
        if s.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            Cow::Owned(s.to_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    }
    /// Looks token `i` up in `map` by its lower-cased text, without allocating for ASCII words.
    fn lookup<V>(&self, map: &'static crate::lexicon::Map<V>, i: usize) -> Option<&'static V> {
        let s = self.t(i);
        if s.is_empty() {
            return None;
        }
        let mut buf = [0u8; 48];
        if s.is_ascii() && s.len() <= buf.len() {
            let b = &mut buf[..s.len()];
            b.copy_from_slice(s.as_bytes());
            b.make_ascii_lowercase();
            map.get(std::str::from_utf8(b).unwrap_or(""))
        } else {
            map.get(s.to_lowercase().as_str())
        }
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.t(i).eq_ignore_ascii_case(w)
    }
    fn numword(&self, i: usize) -> Option<&'static NumWord> {
        if !self.is_word(i) {
            return None;
        }
        self.lookup(&self.lx.numbers, i)
    }
    fn wclass(&self, i: usize) -> u8 {
        if !self.is_word(i) {
            return 0;
        }
        self.lookup(&self.lx.words, i).copied().unwrap_or(0)
    }
    fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.t(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
    fn is_month(&self, i: usize) -> bool {
        self.capitalized(i) && self.wclass(i) & W_MONTH != 0
    }

    /// Cheap test: can a quantity start at token `i`?
    fn can_start(&self, i: usize) -> bool {
        match self.toks[i].kind {
            TokKind::Num => true,
            TokKind::Sym => {
                let s = self.t(i);
                unicode_fraction(s).is_some()
                    || s == "-"
                    || s == "−"
                    || self.lx.currencies.contains_key(s)
                    || self.lx.cues.contains_key(s)
            }
            TokKind::Word => {
                let s = self.t(i);
                if s.len() > self.lx.starter_max {
                    return false;
                }
                let h = crate::lexicon::shape(s);
                if self.lx.starter_bits[h >> 6] & (1 << (h & 63)) == 0 {
                    return false;
                }
                let mut buf = [0u8; 64];
                if s.is_ascii() && s.len() <= buf.len() {
                    let b = &mut buf[..s.len()];
                    b.copy_from_slice(s.as_bytes());
                    b.make_ascii_lowercase();
                    let l = std::str::from_utf8(b).unwrap_or("");
                    self.lx.starters.contains_key(l)
                } else {
                    self.lx.starters.contains_key(s.to_lowercase().as_str())
                }
            }
        }
    }

    fn cue_at(&self, i: usize) -> Option<(Cue, usize)> {
        if i >= self.toks.len() {
            return None;
        }
        let list = self.lookup(&self.lx.cues, i)?;
        'outer: for (rest, cue) in list {
            let mut k = i + 1;
            for w in rest {
                if !self.t(k).eq_ignore_ascii_case(w) {
                    continue 'outer;
                }
                k += 1;
            }
            return Some((*cue, k));
        }
        None
    }

    /// Matches a vocabulary entry at `i`; returns the entry and the token after it.
    fn entry_at(
        &self,
        map: &'static crate::lexicon::Map<Vec<Entry>>,
        i: usize,
        want: impl Fn(&Entry) -> bool,
    ) -> Option<(&'static Entry, usize)> {
        if i >= self.toks.len() {
            return None;
        }
        let list = self.lookup(map, i)?;
        'outer: for e in list {
            if !want(e) {
                continue;
            }
            for (n, (w, gap)) in e.toks.iter().enumerate() {
                let k = i + n;
                if k >= self.toks.len() {
                    continue 'outer;
                }
                if n > 0 && self.toks[k].gap != *gap {
                    continue 'outer;
                }
                let t = self.t(k);
                let ok = if e.cs {
                    t == w
                } else {
                    t.eq_ignore_ascii_case(w) || t.to_lowercase() == *w
                };
                if !ok {
                    continue 'outer;
                }
            }
            let end = i + e.toks.len();
            // A word surface must end at a word boundary ("m" must not match the start of "mb").
            if self.is_word(end - 1) && self.is_word(end) && self.att(end) {
                continue;
            }
            if e.upper && !self.t(i).chars().all(|c| c.is_uppercase()) {
                continue;
            }
            return Some((e, end));
        }
        None
    }

    fn currency_pre(&self, i: usize) -> Option<(&'static Entry, usize)> {
        let (e, end) = self.entry_at(&self.lx.currencies, i, |e| e.pos != Pos::Post)?;
        // The number must follow (a gap is allowed: "$ 75 million", "USD 200").
        let mut k = end;
        if self.sym_in(k, &["-", "−"]) && self.is_num(k + 1) {
            k += 1;
        }
        if self.is_num(k) || self.numword(k).is_some() || self.word_is(k, "a") {
            Some((e, end))
        } else {
            None
        }
    }

    fn number_at(&self, j: usize) -> Option<NumP> {
        match self.kind(j)? {
            TokKind::Num => Some(self.digits_at(j)),
            TokKind::Sym => {
                let f = unicode_fraction(self.t(j))?;
                Some(NumP {
                    value: Some(f),
                    end: j + 1,
                    ..NumP::default()
                })
            }
            TokKind::Word => self.words_at(j),
        }
    }

    fn digits_at(&self, j: usize) -> NumP {
        let mut s = String::with_capacity(16);
        s.push_str(self.t(j));
        let first_len = s.len();
        let mut k = j + 1;
        let mut grouped = false;
        let mut code = false;
        // "1,000,000" (and Indian "12,34,567")
        if first_len <= 3 {
            while self.sym(k, ",")
                && self.att(k)
                && self.is_num(k + 1)
                && self.att(k + 1)
                && (self.t(k + 1).len() == 3
                    || (self.t(k + 1).len() == 2 && self.sym(k + 2, ",") && self.att(k + 2)))
            {
                s.push_str(self.t(k + 1));
                k += 2;
                grouped = true;
            }
            // "10 000" (thin or plain spaces)
            if !grouped {
                while self.is_num(k)
                    && !self.att(k)
                    && self.t(k).len() == 3
                    && !(self.sym(k + 1, "/") && self.att(k + 1))
                    && !(self.sym(k + 1, "-") && self.att(k + 1))
                {
                    s.push_str(self.t(k));
                    k += 1;
                    grouped = true;
                }
            }
        }
        let mut decimals = 0;
        if self.sym(k, ".") && self.att(k) && self.is_num(k + 1) && self.att(k + 1) {
            s.push('.');
            s.push_str(self.t(k + 1));
            decimals = self.t(k + 1).len();
            k += 2;
            if self.sym_in(k, &[".", ","]) && self.att(k) && self.is_num(k + 1) && self.att(k + 1) {
                code = true; // 1.2.3, 19.12.2022, 1.111,11
                while (self.sym(k, ".") || self.sym(k, ","))
                    && self.is_num(k + 1)
                    && self.att(k + 1)
                {
                    k += 2;
                }
            }
        } else if s.len() == first_len
            && self.sym(k, ",")
            && self.att(k)
            && self.is_num(k + 1)
            && self.att(k + 1)
        {
            // "5,00", "1,3": not a grouping we trust.
            code = true;
            k += 2;
        }
        let mut value: f64 = s.parse().unwrap_or(0.0);
        let mut raw = !grouped && decimals == 0;
        let mut ordinal = false;
        if raw && self.sym(k, "/") && self.att(k) && self.is_num(k + 1) && self.att(k + 1) {
            let d: f64 = self.t(k + 1).parse().unwrap_or(0.0);
            let chained = self.sym(k + 2, "/") || self.sym(k + 2, "-");
            if !chained && (2.0..=100.0).contains(&d) && value < 1000.0 && self.t(k + 1).len() <= 3
            {
                value /= d;
                k += 2;
                raw = false;
            } else {
                code = true;
                k += 2;
            }
        } else if raw
            && self.is_num(k)
            && !self.att(k)
            && self.sym(k + 1, "/")
            && self.att(k + 1)
            && self.is_num(k + 2)
            && self.att(k + 2)
        {
            let n: f64 = self.t(k).parse().unwrap_or(0.0);
            let d: f64 = self.t(k + 2).parse().unwrap_or(0.0);
            if (2.0..=100.0).contains(&d) && n < d && !self.sym(k + 3, "/") {
                value += n / d;
                k += 3;
                raw = false;
            }
        }
        if let Some(f) = self.toks.get(k).and_then(|_| unicode_fraction(self.t(k))) {
            if self.att(k) && decimals == 0 {
                value += f;
                k += 1;
                raw = false;
            }
        }
        if raw && self.is_word(k) && self.att(k) {
            let l = self.low(k);
            let n = value as u64;
            let fits = match l.as_ref() {
                "st" => n % 10 == 1 && n % 100 != 11,
                "nd" => n % 10 == 2 && n % 100 != 12,
                "rd" => n % 10 == 3 && n % 100 != 13,
                "th" => true,
                _ => false,
            };
            if fits {
                ordinal = true;
                k += 1;
            }
        }
        // scientific notation: 1e10, 1.3e6, 9.83e-3
        if !ordinal && self.word_is(k, "e") && self.att(k) {
            let mut m = k + 1;
            let neg = self.sym_in(m, &["-", "−"]) && self.att(m);
            if neg || (self.sym(m, "+") && self.att(m)) {
                m += 1;
            }
            // "7e7" is a model name; 1e10, 4e14, 1.3e6, 9.83e-3 are numbers
            let signed = m > k + 1;
            let plausible = decimals > 0 || signed || self.t(m).len() >= 2;
            if plausible && self.is_num(m) && self.att(m) && self.t(m).len() <= 3 {
                let e: i32 = self.t(m).parse().unwrap_or(0);
                value *= 10f64.powi(if neg { -e } else { e });
                k = m + 1;
                raw = false;
            }
        }
        // 2.48×10−5, 5.5x10-3, 8x2^10
        if !ordinal
            && (self.sym(k, "×") || self.word_is(k, "x"))
            && self.att(k)
            && self.is_num(k + 1)
            && self.att(k + 1)
        {
            let base: f64 = self.t(k + 1).parse().unwrap_or(10.0);
            let mut m = k + 2;
            let caret = self.sym(m, "^") && self.att(m);
            if caret {
                m += 1;
            }
            let neg = self.sym_in(m, &["-", "−"]) && self.att(m);
            if neg {
                m += 1;
            }
            if (caret || (neg && base == 10.0)) && self.is_num(m) && self.att(m) {
                let e: i32 = self.t(m).parse().unwrap_or(0);
                value *= base.powi(if neg { -e } else { e });
                k = m + 1;
                raw = false;
            }
        }
        NumP {
            value: Some(value),
            end: k,
            ordinal,
            raw,
            code,
            ..NumP::default()
        }
    }

    fn words_at(&self, j: usize) -> Option<NumP> {
        let mut k = j;
        let mut total = 0.0;
        let mut cur = 0.0;
        let mut last = Last::None;
        let mut any = false;
        let mut ordinal = false;
        let mut frac_done = false;
        // the value of the latest unit/ten words ("three" in "one hundred and three quarters")
        let mut tail = 0.0;
        let first = self.low(j);
        // vague plurals: "dozens of", "hundreds of", "tens of thousands of"
        if matches!(
            first.as_ref(),
            "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "tens" | "scores"
        ) && self.word_is(j + 1, "of")
        {
            let mut m = j;
            while self.word_is(m + 1, "of")
                && matches!(
                    self.low(m + 2).as_ref(),
                    "thousands" | "millions" | "billions" | "hundreds"
                )
            {
                m += 2;
            }
            if first.as_ref() == "tens" && m == j {
                return None;
            }
            return Some(NumP {
                value: None,
                end: m + 1,
                words: true,
                vague: true,
                ..NumP::default()
            });
        }
        // article: "a hundred", "a dozen", "a few", "a quarter million"
        if matches!(first.as_ref(), "a" | "an") {
            // "a gallon", "a penny": one of a unit
            if self.numword(j + 1).is_none() && self.one_unit_at(j + 1) {
                return Some(NumP {
                    value: Some(1.0),
                    end: j + 1,
                    words: true,
                    ..NumP::default()
                });
            }
            let nw = self.numword(j + 1)?;
            let l1 = self.low(j + 1);
            if l1.as_ref() == "few" {
                return Some(self.vague_tail(j + 2));
            }
            if nw.hundred && l1.as_ref() == "hundred" || nw.scale.is_some() || nw.dozen {
                cur = 1.0;
                last = Last::Unit;
                any = true;
                k = j + 1;
            } else if matches!(l1.as_ref(), "half" | "quarter") {
                let d = nw.frac.unwrap_or(2.0);
                let sc = self.numword(j + 2).and_then(|n| n.scale);
                let sc = sc?;
                return Some(NumP {
                    value: Some(sc / d),
                    end: j + 3,
                    words: true,
                    ..NumP::default()
                });
            } else {
                return None;
            }
        } else if matches!(first.as_ref(), "half" | "quarter") {
            let sc = self.numword(j + 1).and_then(|n| n.scale)?;
            let d = if first.as_ref() == "half" { 2.0 } else { 4.0 };
            return Some(NumP {
                value: Some(sc / d),
                end: j + 2,
                words: true,
                ..NumP::default()
            });
        }
        if !any {
            if let Some(nw) = self.numword(j) {
                if nw.vague {
                    if first.as_ref() == "few" {
                        return None;
                    }
                    return Some(self.vague_tail(j + 1));
                }
            }
        }
        loop {
            // hyphen between tens and units: "twenty-eight", "fifty - two", "one-half"
            if self.sym_in(k, &["-", "‑"]) && any {
                let next = self.numword(k + 1);
                let ok = match next {
                    Some(n) => {
                        (last == Last::Ten && (n.unit.is_some() || n.ordinal.is_some()))
                            || (last == Last::Unit && n.frac.is_some() && self.att(k))
                    }
                    None => false,
                };
                if ok {
                    k += 1;
                    continue;
                }
                break;
            }
            if !self.is_word(k) {
                break;
            }
            let l = self.low(k);
            if l.as_ref() == "and" && any {
                // "one hundred and six", "two and a half", "three million and a quarter"
                if matches!(last, Last::Hundred | Last::Scale) {
                    if let Some(n) = self.numword(k + 1) {
                        if n.unit.is_some() || n.ten.is_some() {
                            k += 1;
                            continue;
                        }
                    }
                }
                if self.word_is(k + 1, "a") {
                    if let Some(d) = self.numword(k + 2).and_then(|n| n.frac) {
                        if matches!(self.low(k + 2).as_ref(), "half" | "quarter") {
                            cur += 1.0 / d;
                            k += 3;
                            frac_done = true;
                        }
                    }
                }
                break;
            }
            let Some(nw) = self.numword(k) else { break };
            if let (Some(u), true) = (
                nw.unit,
                matches!(last, Last::None | Last::Ten | Last::Hundred | Last::Scale),
            ) {
                if last == Last::Ten && u >= 10.0 {
                    break;
                }
                cur += u;
                tail = if last == Last::Ten { tail + u } else { u };
                last = Last::Unit;
            } else if let (Some(t), true) = (
                nw.ten,
                matches!(last, Last::None | Last::Hundred | Last::Scale),
            ) {
                cur += t;
                tail = t;
                last = Last::Ten;
            } else if nw.hundred
                && l.as_ref() == "hundred"
                && matches!(last, Last::Unit | Last::Ten)
            {
                cur *= 100.0;
                last = Last::Hundred;
            } else if let (Some(s), true) = (nw.scale, any && last != Last::Scale) {
                total += cur.max(1.0) * s;
                cur = 0.0;
                last = Last::Scale;
            } else if nw.dozen && any {
                cur = (total + cur) * 12.0;
                total = 0.0;
                k += 1;
                break;
            } else if let (Some(d), true) = (nw.frac, last == Last::Unit && any) {
                // "two thirds", "one fifth", "one hundred and three quarters" (only the last group is divided)
                if d > 1.0 {
                    cur = cur - tail + tail / d;
                    k += 1;
                    frac_done = true;
                }
                break;
            } else if let (Some(o), true) = (
                nw.ordinal,
                matches!(last, Last::None | Last::Ten | Last::Hundred | Last::Scale),
            ) {
                cur += o;
                ordinal = true;
                k += 1;
                any = true;
                break;
            } else {
                break;
            }
            any = true;
            k += 1;
        }
        if !any {
            return None;
        }
        let _ = frac_done;
        let only_one = k == j + 1 && first.as_ref() == "one";
        Some(NumP {
            value: Some(total + cur),
            end: k,
            words: true,
            ordinal,
            only_one,
            ..NumP::default()
        })
    }

    /// The minor part of a compound amount after a major unit at `k`: ("and")? N (minor unit)?, where the
    /// minor unit's symbol is in `majors` ("cents" is USD * 0.01) and N < `per`. Returns (N / per, end).
    fn subunit_at(&self, k: usize, majors: &[&str], per: f64) -> Option<(f64, usize)> {
        let mut m = k;
        if self.word_is(m, "and") {
            m += 1;
        }
        let n = self.number_at(m)?;
        if n.code || n.vague || n.ordinal {
            return None;
        }
        let v = n.value?;
        if !(v >= 0.0 && v < per && v.fract() == 0.0) {
            return None;
        }
        let e = n.end;
        if per == 100.0 {
            if let Some((c, end)) = self.entry_at(&self.lx.currencies, e, |c| c.pos != Pos::Pre) {
                if majors.contains(&c.symbol.as_str()) && (c.factor - 0.01).abs() < 1e-12 {
                    return Some((v / per, end));
                }
                return None;
            }
            // a bare minor amount only at the end of a clause: "It costs 15 dollars 50."
            if self.is_word(e) || self.is_num(e) || self.sym(e, "%") {
                return None;
            }
            return Some((v / per, e));
        }
        let (u, end) = self.entry_at(&self.lx.units, e, |_| true)?;
        if majors.contains(&u.symbol.as_str()) {
            Some((v / per, end))
        } else {
            None
        }
    }

    /// A unit word that "a"/"an" can count: a spelled-out unit of length, area, volume, mass or money.
    fn one_unit_at(&self, k: usize) -> bool {
        if !self.is_word(k) || self.t(k).len() < 4 {
            return false;
        }
        if let Some((e, _)) = self.entry_at(&self.lx.units, k, |e| !e.tight && !e.cs) {
            return matches!(e.dimension.as_str(), "length" | "area" | "volume" | "mass")
                && e.toks.len() == 1
                && self.t(k).chars().all(|c| c.is_ascii_lowercase());
        }
        if let Some((e, _)) = self.entry_at(&self.lx.currencies, k, |e| e.pos == Pos::Post) {
            return !e.pound && e.toks.len() == 1 && e.symbol != "KRW";
        }
        false
    }

    /// After "several"/"a few": optional "hundred"/"thousand"/"million".
    fn vague_tail(&self, mut k: usize) -> NumP {
        while let Some(n) = self.numword(k) {
            if (n.hundred && self.low(k).as_ref() == "hundred") || n.scale.is_some() {
                k += 1;
            } else {
                break;
            }
        }
        NumP {
            value: None,
            end: k,
            words: true,
            vague: true,
            ..NumP::default()
        }
    }

    /// Scale words after digits: "1.5 million", "5bn", "$5m" (the last only with a currency).
    fn scale_at(&self, k: usize, money: bool) -> Option<(f64, usize)> {
        let nw = self.numword(k)?;
        let l = self.low(k);
        // "322 hundred", "3 dozen(s)"
        if nw.hundred && l.as_ref() == "hundred" {
            return Some((100.0, k + 1));
        }
        if nw.dozen {
            return Some((12.0, k + 1));
        }
        if let Some(s) = nw.scale {
            if !l.ends_with('s') {
                return Some((s, k + 1));
            }
        }
        if let Some(s) = nw.abbr {
            if matches!(l.as_ref(), "thousands" | "millions" | "billions") {
                return None;
            }
            return Some((s, k + 1));
        }
        if let Some(s) = nw.abbr_cur {
            if money && (self.att(k) || !self.is_word(k + 1)) {
                return Some((s, k + 1));
            }
        }
        None
    }

    /// Unit or currency after a number at `k` (also "-meter" in "16-meter"). `pre` is the currency already
    /// written before the number, if any.
    fn suffix_at(&self, k: usize, pre: Option<&str>, ctx_start: usize) -> Option<Suffix> {
        let mut k0 = k;
        let hyph = self.sym(k, "-") && self.att(k) && self.att(k + 1) && self.is_word(k + 1);
        if hyph {
            k0 = k + 1;
        }
        let cur = self.entry_at(&self.lx.currencies, k0, |e| {
            e.pos != Pos::Pre && (!e.tight || !self.toks[k0].gap)
        });
        if let Some((e, end)) = cur {
            // "10 $ is": a sign after the number, unless another number follows ("10 $ 30")
            let sign_ok = self.kind(k0) != Some(TokKind::Sym) || !self.is_num(end);
            match pre {
                None if sign_ok => {
                    if e.pound && !self.pound_is_money(ctx_start, end) {
                        return Some(Suffix {
                            unit: Some("lb".into()),
                            dimension: Some("mass".into()),
                            factor: 1.0,
                            money: false,
                            time: false,
                            end,
                        });
                    }
                    return Some(Suffix {
                        unit: Some(e.symbol.clone()),
                        dimension: Some("money".into()),
                        factor: e.factor,
                        money: true,
                        time: false,
                        end,
                    });
                }
                // "$ 10 dollars": a redundant currency word after a symbol
                Some(p) if p == e.symbol && e.factor == 1.0 && !e.tight => {
                    return Some(Suffix {
                        unit: None,
                        dimension: None,
                        factor: 1.0,
                        money: true,
                        time: false,
                        end,
                    });
                }
                _ => {}
            }
        }
        if pre.is_some() {
            return None;
        }
        // (kg), [kg]
        let bracket = !hyph
            && self.sym_in(k, &["(", "[", "{", "<"])
            && self.entry_at(&self.lx.units, k + 1, |_| true).is_some();
        let k1 = if bracket { k + 1 } else { k0 };
        let loose = hyph || bracket || !self.toks.get(k1).is_some_and(|t| t.gap);
        let (e, mut end) = self
            .entry_at(&self.lx.units, k1, |e| !e.tight)
            .or_else(|| {
                let (e, end) = self.entry_at(&self.lx.units, k1, |e| e.tight)?;
                // a short symbol after a gap only when nothing word-like follows: "48 m.", "1 m x 1 m",
                // "2 in thick"; not "5 m people"
                let ok = loose
                    || !self.is_word(end)
                    || matches!(
                        self.low(end).as_ref(),
                        "x" | "by" | "long" | "wide" | "high" | "tall" | "deep" | "thick" | "away"
                    );
                ok.then_some((e, end))
            })?;
        // glued designations: "24703m212", "24703 L-202"
        if self.att(end) && (self.is_num(end) || (self.sym(end, "-") && self.is_num(end + 1))) {
            return None;
        }
        if bracket {
            if self.sym_in(end, &[")", "]", "}", ">"]) {
                end += 1;
            } else {
                return None;
            }
        }
        Some(Suffix {
            unit: Some(e.symbol.clone()),
            dimension: Some(e.dimension.clone()),
            factor: e.factor,
            money: false,
            time: e.time,
            end,
        })
    }

    fn pound_is_money(&self, start: usize, end: usize) -> bool {
        // money if a scale word precedes ("20 million pounds") or a money word is near
        let lo = start.saturating_sub(5);
        for i in lo..end {
            if self.wclass(i) & W_MONEY != 0 {
                return true;
            }
            if let Some(n) = self.numword(i) {
                if n.scale.is_some() || n.abbr.is_some() {
                    return true;
                }
            }
        }
        if self.word_is(end, "sterling") {
            return true;
        }
        false
    }

    /// A second amount after "-", "to" or "and": value (scaled) and optional suffix.
    fn second_at(&self, k: usize, money: bool, ctx: usize) -> Option<(f64, Option<Suffix>, usize)> {
        let mut j = k;
        let mut money2 = money;
        let mut pre2: Option<&str> = None;
        if let Some((c, e)) = self.currency_pre(j) {
            if !money {
                return None; // "2 % to $ 1.45 billion": a change, not a range
            }
            j = e;
            money2 = true;
            pre2 = Some(c.symbol.as_str());
        }
        if self.is_word(j) && matches!(self.low(j).as_ref(), "minus" | "negative") {
            j += 1;
        }
        let n = self.number_at(j)?;
        if n.code || n.vague || n.ordinal {
            return None;
        }
        let mut v = n.value?;
        let mut m = n.end;
        if !n.words {
            if let Some((s, e)) = self.scale_at(m, money2) {
                v *= s;
                m = e;
            }
        }
        let suf = self.suffix_at(m, pre2, ctx);
        if let Some(s) = &suf {
            m = s.end;
        }
        Some((v, suf, m))
    }

    fn try_at(&self, i: usize) -> Outcome {
        let mut j = i;
        let mut cue = None;
        // a cue glued to the token before it is part of something else ("U.S.C. 1701" is no "c. 1701")
        let glued = i > 0 && self.att(i);
        if let Some((c, e)) = self.cue_at(i).filter(|_| !glued) {
            cue = Some(c);
            j = e;
        }
        let mut span_start = i;
        // currency prefix
        let mut money = false;
        let mut unit: Option<String> = None;
        let mut factor = 1.0;
        if let Some((e, end)) = self.currency_pre(j) {
            money = true;
            unit = Some(e.symbol.clone());
            factor = e.factor;
            j = end;
        }
        let num_start = j;
        // sign
        let mut neg = false;
        if self.is_word(j)
            && matches!(self.low(j).as_ref(), "minus" | "negative")
            && (self.is_num(j + 1) || self.numword(j + 1).is_some())
        {
            neg = true;
            j += 1;
        }
        if self.sym_in(j, &["-", "−"])
            && self.is_num(j + 1)
            && self.att(j + 1)
            && (money || self.toks[j].gap || j == 0 || self.sym(j.wrapping_sub(1), "("))
        {
            neg = true;
            j += 1;
        }
        let Some(n) = self.number_at(j) else {
            return Outcome::No;
        };
        if n.code {
            return Outcome::Skip(n.end);
        }
        let mut k = n.end;
        let first_num = j;
        // --- designations and other non-quantities around digits
        if !n.words && self.is_num(first_num) {
            if first_num > 0 && self.att(first_num) && !money && !neg {
                let p = first_num - 1;
                if self.is_word(p) {
                    return Outcome::Skip(k);
                }
                if self.sym_in(
                    p,
                    &[
                        "-", "‑", "#", "№", "/", ".", "%", "=", "&", "?", "_", ":", "+", "@", "\\",
                        "'", "’",
                    ],
                ) {
                    return Outcome::Skip(k);
                }
            }
            if first_num > 0 && self.sym_in(first_num - 1, &["#", "№"]) {
                return Outcome::Skip(k);
            }
            // times of day
            if self.sym(k, ":") && self.att(k) && self.is_num(k + 1) && self.att(k + 1) {
                return Outcome::Skip(k + 2);
            }
            if self.is_word(k) {
                let l = self.low(k);
                if matches!(l.as_ref(), "am" | "pm" | "a" | "p" | "h" | "hrs")
                    && (matches!(l.as_ref(), "am" | "pm") || self.sym(k + 1, "."))
                {
                    return Outcome::Skip(k + 1);
                }
            }
        }
        // digits glued to letters that are no unit: "06F6", "8088B"
        if !n.words && self.is_word(k) && self.att(k) {
            let known = self
                .numword(k)
                .is_some_and(|w| w.scale.is_some() || w.abbr.is_some() || w.abbr_cur.is_some())
                || self.entry_at(&self.lx.units, k, |_| true).is_some()
                || self
                    .entry_at(&self.lx.currencies, k, |e| e.pos != Pos::Pre)
                    .is_some();
            if !known {
                return Outcome::Skip(k + 1);
            }
        }
        let mut value = n.value.map(|v| if neg { -v } else { v });
        let mut scaled = false;
        if !n.words && !n.ordinal {
            if let Some((s, e)) = self.scale_at(k, money) {
                value = value.map(|v| v * s);
                k = e;
                scaled = true;
            }
        }
        // suffix: currency or unit
        let mut dimension: Option<String> = None;
        let mut has_suffix = false;
        if !n.ordinal {
            let pre = if money { unit.clone() } else { None };
            if let Some(suf) = self.suffix_at(k, pre.as_deref(), i) {
                if suf.time {
                    // a duration ("three years", "two-year"): the time component's
                    return Outcome::Skip(suf.end);
                }
                has_suffix = true;
                k = suf.end;
                if suf.money {
                    money = true;
                    if let Some(u) = suf.unit {
                        unit = Some(u);
                        factor = suf.factor;
                    }
                    // "75 USD million"
                    if !scaled {
                        if let Some((s, e)) = self.scale_at(k, true) {
                            if self
                                .numword(k)
                                .is_some_and(|w| w.scale.is_some() || w.abbr.is_some())
                            {
                                value = value.map(|v| v * s);
                                k = e;
                            }
                        }
                    }
                } else {
                    unit = suf.unit;
                    factor = suf.factor;
                    dimension = suf.dimension;
                }
            }
        }
        // "15 dollars 50", "3 dollars 50 cents", "thirteen dollars and forty-five cents"
        if money && has_suffix && factor == 1.0 && !scaled {
            if let Some((c, e)) =
                self.subunit_at(k, &["USD", "EUR", "CAD", "AUD", "GBP", "RUB"], 100.0)
            {
                value = value.map(|v| v + c);
                k = e;
            }
        }
        // "5 feet 2 inches", "12 ft 2 in"
        if unit.as_deref() == Some("ft") {
            if let Some((c, e)) = self.subunit_at(k, &["in"], 12.0) {
                value = value.map(|v| v + c);
                k = e;
            }
        }
        let bare = !money && unit.is_none();
        // --- bare numbers that are not quantities
        if bare && !n.words && self.is_num(first_num) {
            // dates: "19 December", "December 21", "21st of December", "June 13, 2005"
            let v = value.unwrap_or(-1.0).abs();
            let day = n.raw && (1.0..=31.0).contains(&v);
            let year = n.raw && (1000.0..=2100.0).contains(&v);
            if day && (self.is_month(k) || (self.word_is(k, "of") && self.is_month(k + 1))) {
                return Outcome::Skip(k + 1);
            }
            let month_before =
                |p: usize| self.is_month(p) || (p > 0 && self.sym(p, ".") && self.is_month(p - 1));
            if num_start > 0 && (day || year) && month_before(num_start - 1) {
                // "March 24–25": the range's second day too
                if self.sym_in(k, &["-", "–", "—"]) && self.is_num(k + 1) {
                    return Outcome::Skip(k + 2);
                }
                return Outcome::Skip(k);
            }
            if year
                && num_start > 2
                && self.sym(num_start - 1, ",")
                && self.is_num(num_start - 2)
                && month_before(num_start - 3)
            {
                return Outcome::Skip(k);
            }
            // list markers: "1." / "2)" at line start; "(3)"
            if n.raw
                && (self.toks[i].line_start || i == 0)
                && self.sym_in(k, &[".", ")"])
                && self.att(k)
            {
                return Outcome::Skip(k + 1);
            }
            if n.raw
                && self.sym(k, ")")
                && value.is_some_and(|v| v < 30.0)
                && (i == 0 || self.sym(i - 1, "(") || !self.has_open_paren(i))
            {
                return Outcome::Skip(k + 1);
            }
        }
        if bare && !n.words && !n.ordinal && self.is_num(first_num) && cue.is_none() {
            // designations: "Zapad 2023", "Voyager 2", "article 5", "Resolution 2231"
            // "No. 1", "E.O. 13405", "U.S.C. 1701"
            if i > 1
                && self.sym(i - 1, ".")
                && self.att(i - 1)
                && (self.wclass(i - 2) & W_REF != 0
                    || (self.capitalized(i - 2) && self.t(i - 2).len() <= 2))
            {
                return Outcome::Skip(k);
            }
            if i > 0 && self.is_word(i - 1) {
                let p = i - 1;
                let cls = self.wclass(p);
                if cls & W_REF != 0 {
                    return Outcome::Skip(k);
                }
                // "iPhone 4", "iOS 5": capitals inside the word
                let camel = self.t(p).chars().skip(1).any(|c| c.is_uppercase());
                if (self.capitalized(p) || camel)
                    && cls & (W_STOP | W_MONTH) == 0
                    && self.numword(p).is_none()
                    && self.cue_at(p).is_none()
                {
                    return Outcome::Skip(k);
                }
            }
        }
        // --- range
        let mut bound = match cue {
            Some(Cue::Bound(b)) => b,
            _ => Bound::Exact,
        };
        let mut high = None;
        let from_before = i > 0 && self.word_is(i - 1, "from");
        let joiner = if cue == Some(Cue::Between) {
            self.word_is(k, "and").then_some(k + 1)
        } else if self.sym_in(k, &["-", "–", "—", "‑"]) && !n.vague && !n.ordinal {
            if self.word_is(k + 1, "to") {
                Some(k + 2)
            } else {
                Some(k + 1)
            }
        } else if (self.word_is(k, "to") || self.word_is(k, "through") || self.sym(k, "~"))
            && !from_before
            && !n.vague
            && !n.ordinal
        {
            Some(k + 1)
        } else {
            None
        };
        let year_like = |v: Option<f64>, raw: bool| {
            raw && v.is_some_and(|v| (1000.0..=2100.0).contains(&v) && v.fract() == 0.0)
        };
        if let Some(m) = joiner {
            if let Some((v2, suf2, end2)) = self.second_at(m, money, i) {
                let v2 = if neg && v2 > 0.0 && self.sym_in(m, &["-", "−"]) {
                    -v2
                } else {
                    v2
                };
                let first_year = year_like(n.value, n.raw);
                // "2024-2026", "2013-14": years, the time component's
                if bare && first_year && suf2.is_none() {
                    return Outcome::Skip(end2);
                }
                let unit_ok = match (&suf2, unit.is_some()) {
                    (None, _) => true,
                    (Some(s), false) => !s.money || !bare || s.unit.is_some(),
                    (Some(s), true) => s.unit.is_none() || s.unit == unit,
                };
                // "3-4 days" is a duration
                if suf2.as_ref().is_some_and(|s| s.time) {
                    return Outcome::Skip(suf2.map(|s| s.end).unwrap_or(end2));
                }
                // "a 6–3 vote", "won 3-1": a score, not a range
                if bare && unit.is_none() && suf2.is_none() && value.is_some_and(|v| v2 < v) {
                    return Outcome::Skip(end2);
                }
                if unit_ok {
                    let mut hv = v2;
                    if let Some(s) = suf2 {
                        if unit.is_none() && s.unit.is_some() {
                            unit = s.unit.clone();
                            factor = s.factor;
                            dimension = s.dimension.clone();
                            money = s.money;
                        }
                    }
                    // "1.5-2 million": the scale of the second applies to the first
                    if !scaled
                        && hv >= 1000.0
                        && value.is_some_and(|v| v < 1000.0 && v < hv / 100.0)
                    {
                        let sc = self.scale_behind(end2);
                        if let Some(sc) = sc {
                            value = value.map(|v| v * sc);
                        }
                    }
                    if hv.is_nan() {
                        hv = 0.0;
                    }
                    high = Some(hv);
                    bound = Bound::Range;
                    k = end2;
                    // Months after a range: "26-27 December"
                    if unit.is_none()
                        && (self.is_month(k) || (self.word_is(k, "of") && self.is_month(k + 1)))
                    {
                        return Outcome::Skip(k + 1);
                    }
                }
            }
        }
        if cue == Some(Cue::Between) && high.is_none() {
            // "between two minibuses": no range, and "between" is not part of the quantity
            bound = Bound::Exact;
            span_start = num_start;
        }
        // "500 or more", "20 or less"
        if bound == Bound::Exact && (self.word_is(k, "or") || self.word_is(k, "and")) {
            match self.low(k + 1).as_ref() {
                "more" | "greater" | "above" | "higher" | "over" => {
                    bound = Bound::AtLeast;
                    k += 2;
                }
                "less" | "fewer" | "below" | "lower" | "under" => {
                    bound = Bound::AtMost;
                    k += 2;
                }
                _ => {}
            }
        }
        // "greater than 100 and smaller than 300", "at most 100 and at least 20"
        if matches!(
            bound,
            Bound::Greater | Bound::AtLeast | Bound::Less | Bound::AtMost
        ) && (self.word_is(k, "and") || self.word_is(k, "but") || self.sym(k, ","))
        {
            if let Some((Cue::Bound(b2), m)) = self.cue_at(k + 1) {
                let lower_first = matches!(bound, Bound::Greater | Bound::AtLeast);
                let upper2 = matches!(b2, Bound::Less | Bound::AtMost);
                if lower_first == upper2 && b2 != Bound::Approx {
                    if let Some((v2, suf2, end2)) = self.second_at(m, money, i) {
                        let same = suf2
                            .as_ref()
                            .is_none_or(|s| s.unit == unit || unit.is_none());
                        if same && !suf2.as_ref().is_some_and(|s| s.time) {
                            if let Some(v) = value {
                                let (lo, hi) = if lower_first { (v, v2) } else { (v2, v) };
                                value = Some(lo);
                                high = Some(hi);
                                bound = Bound::Range;
                                k = end2;
                            }
                        }
                    }
                }
            }
        }
        let bare = !money && unit.is_none();
        let percent = dimension.as_deref() == Some("percent");
        // --- rates: "per", "/", "a", "for" + amount + unit
        let mut per = None;
        if !bare || n.vague {
            if let Some((p, e)) = self.per_at(k) {
                per = Some(p);
                k = e;
            }
        }
        // --- relative comparisons: "three times less", "several times more"
        let mut kind: &'static str = if money {
            "money"
        } else if percent {
            "percent"
        } else if unit.is_some() {
            "dimension"
        } else if n.ordinal {
            "ordinal"
        } else if n.vague {
            "vague"
        } else {
            "cardinal"
        };
        let mut counted = None;
        if bare && !n.ordinal && self.word_is(k, "times") {
            let nx = self.low(k + 1);
            if COMPARATIVES.contains(&nx.as_ref()) {
                kind = "relative";
                k += 2;
                if nx.as_ref() == "as" && self.is_word(k) {
                    k += 1;
                }
                unit = None;
            } else {
                counted = Some("times".to_string());
                k += 1;
                if let Some((p, e)) = self.per_at(k) {
                    per = Some(p);
                    k = e;
                }
            }
        }
        if kind == "cardinal" || kind == "vague" {
            if counted.is_none() {
                let one = value == Some(1.0);
                counted = self.counted_at(k, one, n.vague);
            }
            // years: a bare 1000-2100 is a year unless it counts something outside a date phrase
            // "since at least 2007", "around 2020": years with a cue
            if kind == "cardinal"
                && year_like(n.value, n.raw)
                && high.is_none()
                && cue.is_some()
                && value.is_some_and(|v| v >= 1800.0)
            {
                return Outcome::Skip(k);
            }
            if kind == "cardinal" && year_like(n.value, n.raw) && high.is_none() && cue.is_none() {
                let prev = if i > 0 {
                    self.low(i - 1)
                } else {
                    Cow::Borrowed("")
                };
                let s_suffix = self.word_is(k, "s") && self.att(k);
                // 1800-2100 without separator is a year even before a plural ("2023 Canadian wildfires")
                let modern = value.is_some_and(|v| v >= 1800.0);
                if modern || counted.is_none() || YEAR_PREPS.contains(&prev.as_ref()) || s_suffix {
                    return Outcome::Skip(if s_suffix { k + 1 } else { k });
                }
            }
            // "one" as a pronoun: "the Russian one", "one of them"
            if n.only_one {
                let prev = if i > 0 {
                    self.low(i - 1)
                } else {
                    Cow::Borrowed("")
                };
                if counted.is_none() || DETERMINERS.contains(&prev.as_ref()) {
                    return Outcome::Skip(k);
                }
            }
        }
        if kind == "ordinal" {
            // "the first quarter", "the second half", "the third week": periods, the time component's
            let nx = self.low(k);
            if matches!(nx.as_ref(), "quarter" | "half")
                || self
                    .entry_at(&self.lx.units, k, |e| e.time && e.toks.len() == 1)
                    .is_some()
            {
                return Outcome::Skip(k + 1);
            }
            // "21st December", "December 21st"
            if self.is_month(k)
                || (self.word_is(k, "of") && self.is_month(k + 1))
                || (i > 0 && self.is_month(i - 1))
            {
                return Outcome::Skip(k);
            }
            // "second" is mostly the time unit or the verb; keep it after a determiner only
            if n.words && self.low(first_num).as_ref() == "second" {
                let prev = if i > 0 {
                    self.low(i - 1)
                } else {
                    Cow::Borrowed("")
                };
                if !matches!(
                    prev.as_ref(),
                    "the" | "a" | "its" | "his" | "her" | "their" | "every"
                ) {
                    return Outcome::Skip(k);
                }
            }
        }
        let value = value.map(|v| v * factor);
        let high = high.map(|v| v * factor);
        Outcome::Found(Cand {
            s: span_start,
            e: k,
            value,
            high,
            unit,
            bound,
            per,
            counted,
            kind,
        })
    }

    fn has_open_paren(&self, i: usize) -> bool {
        let lo = i.saturating_sub(6);
        (lo..i).any(|p| self.sym(p, "("))
    }

    /// The scale word closing a range's second half ("1.5-2 million" -> 1e6), if any.
    fn scale_behind(&self, end: usize) -> Option<f64> {
        let p = end.checked_sub(1)?;
        let nw = self.numword(p)?;
        nw.scale.or(nw.abbr)
    }

    /// "per tonne", "/h", "a day", "for 1,000 m3", "per 100,000 people".
    fn per_at(&self, k: usize) -> Option<(Per, usize)> {
        let kw = self.low(k);
        let slash = self.sym(k, "/");
        let (strict, loose_noun) = match kw.as_ref() {
            "per" | "each" => (false, true),
            "a" | "an" if self.is_word(k) => (false, false),
            "for" if self.is_word(k) => (true, false),
            _ if slash => (false, true),
            _ => return None,
        };
        let mut m = k + 1;
        let mut pv = 1.0;
        let mut had_num = false;
        if let Some(n) = self.number_at(m) {
            if !(n.code || n.vague || n.ordinal || (n.words && matches!(kw.as_ref(), "a" | "an"))) {
                if let Some(v) = n.value {
                    pv = v;
                    had_num = true;
                    m = n.end;
                    if !n.words {
                        if let Some((s, e)) = self.scale_at(m, false) {
                            pv *= s;
                            m = e;
                        }
                    }
                }
            }
        }
        if strict && !had_num {
            return None;
        }
        if let Some((e, end)) = self.entry_at(&self.lx.units, m, |_| true) {
            if strict && e.dimension == "time" {
                return None;
            }
            // "a year earlier", "a week ago": time, not a rate
            if matches!(kw.as_ref(), "a" | "an")
                && matches!(
                    self.low(end).as_ref(),
                    "earlier" | "ago" | "later" | "before" | "after" | "from" | "on" | "since"
                )
            {
                return None;
            }
            return Some((
                Per {
                    value: pv * e.factor,
                    unit: e.symbol.clone(),
                },
                end,
            ));
        }
        if strict {
            return None;
        }
        if self.is_word(m) {
            let l = self.low(m);
            let ok = if loose_noun {
                self.wclass(m) & (W_STOP | W_MONTH) == 0 && self.numword(m).is_none()
            } else {
                PER_NOUNS.contains(&l.as_ref())
            };
            if ok {
                return Some((
                    Per {
                        value: pv,
                        unit: l.into_owned(),
                    },
                    m + 1,
                ));
            }
        }
        None
    }

    /// The noun phrase a bare number counts: words up to the last plural noun before a function word.
    fn counted_at(&self, k: usize, one: bool, vague: bool) -> Option<String> {
        let mut m = k;
        if vague && self.word_is(m, "of") {
            m += 1;
            if self.word_is(m, "the") {
                return None;
            }
        }
        let start = m;
        let mut best: Option<usize> = None;
        let mut words = 0;
        while words < 5 && self.is_word(m) && !self.toks[m].line_start {
            let cls = self.wclass(m);
            if cls & W_STOP != 0 || self.numword(m).is_some() && words > 0 {
                break;
            }
            if self.lx.units.contains_key(self.low(m).as_ref()) && words == 0 {
                break;
            }
            let l = self.low(m);
            let mut end = m + 1;
            // hyphenated compounds: "Belarusian-Russian", "air-defence"
            // hyphenated compounds and designations: "Belarusian-Russian", "Su-30SM"
            while self.sym(end, "-")
                && self.att(end)
                && self.att(end + 1)
                && (self.is_word(end + 1) || self.is_num(end + 1))
            {
                end += 2;
                while self.att(end) && (self.is_word(end) || self.is_num(end)) {
                    end += 1;
                }
            }
            let last_word = self.low(end - 1);
            if one {
                best = Some(end);
                if !self.is_word(end) || self.wclass(end) & W_STOP != 0 || words >= 2 {
                    break;
                }
            } else if (looks_plural(&last_word) && !self.capitalized(end - 1))
                || cls & W_PLURAL != 0
                || self.wclass(end - 1) & W_PLURAL != 0
            {
                best = Some(end);
            } else if !l.chars().all(|c| c.is_alphabetic()) {
                break;
            }
            words += 1;
            m = end;
        }
        let end = best?;
        if end <= start {
            return None;
        }
        let s = self.toks[start].start;
        let e = self.toks[end - 1].end;
        Some(self.text[s..e].to_string())
    }

    fn finish(&self, c: Cand) -> Quantity {
        let start = self.toks[c.s].start;
        let end = self.toks[c.e.max(c.s + 1) - 1].end;
        Quantity {
            span: Span::new(start, end),
            value: c.value.map(clean),
            high: c.high.map(clean),
            unit: c.unit,
            bound: c.bound,
            per: c.per.map(|p| Per {
                value: clean(p.value),
                unit: p.unit,
            }),
            counted: c.counted,
            kind: c.kind.to_string(),
        }
    }
}

/// Rounds away binary noise from decimal scaling (128.5 * 1e6 and 0.01 factors).
fn clean(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return if v.is_finite() { v } else { 0.0 };
    }
    let mag = v.abs().log10().floor() as i32;
    let digits = 12 - mag;
    if !(-300..=300).contains(&digits) {
        return v;
    }
    let p = 10f64.powi(digits);
    let r = (v * p).round() / p;
    if r.is_finite() {
        r
    } else {
        v
    }
}
