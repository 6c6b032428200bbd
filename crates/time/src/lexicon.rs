//! The data tables of `resources/time/`: lexicon, modifiers and tense cues, parsed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) const LEXICON: &str = include_str!("../../../resources/time/lexicon.tsv");
pub(crate) const MODIFIERS: &str = include_str!("../../../resources/time/modifiers.tsv");
pub(crate) const TENSE: &str = include_str!("../../../resources/time/tense.tsv");

/// A small fast hasher for short keys (word-at-a-time multiply-rotate, FxHash style).
#[derive(Default)]
pub struct FastHasher(u64);
impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517cc1b727220a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x517cc1b727220a95);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x517cc1b727220a95);
    }
}
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Token classes: lexicon classes plus the ones the scanner assigns to digit shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Month,
    Weekday,
    Wdays,
    Season,
    Part,
    Unit,
    Num,
    Ord,
    Rel,
    Dir,
    Deictic,
    Val,
    Setw,
    Every,
    Bc,
    Ampm,
    Clock,
    Oclock,
    Holiday,
    Day,
    Year,
    Int,
    Numf,
    Iso,
    Slash,
    Decade,
    /// A decade in words ("nineties"), only a date after "the".
    DecadeW,
    Clockt,
    Ctx,
    Tz,
    Qtr,
    /// A word after which a number is an identifier ("section", "U.S.C."), never a year.
    IdRef,
}

impl Class {
    pub fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "MONTH" => Class::Month,
            "WEEKDAY" => Class::Weekday,
            "WDAYS" => Class::Wdays,
            "SEASON" => Class::Season,
            "PART" => Class::Part,
            "UNIT" => Class::Unit,
            "NUM" => Class::Num,
            "ORD" => Class::Ord,
            "REL" => Class::Rel,
            "DIR" => Class::Dir,
            "DEICTIC" => Class::Deictic,
            "VAL" => Class::Val,
            "SETW" => Class::Setw,
            "EVERY" => Class::Every,
            "BC" => Class::Bc,
            "AMPM" => Class::Ampm,
            "CLOCK" => Class::Clock,
            "OCLOCK" => Class::Oclock,
            "HOLIDAY" => Class::Holiday,
            "DAY" => Class::Day,
            "YEAR" => Class::Year,
            "INT" => Class::Int,
            "NUMF" => Class::Numf,
            "ISO" => Class::Iso,
            "SLASH" => Class::Slash,
            "DECADE" => Class::Decade,
            "DECADEW" => Class::DecadeW,
            "CLOCKT" => Class::Clockt,
            "CTX" => Class::Ctx,
            "TZ" => Class::Tz,
            "QTR" => Class::Qtr,
            "IDREF" => Class::IdRef,
            _ => return None,
        })
    }
}

/// One class reading of a token, with its value: `n` for numeric values, `s` for symbolic ones.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cv<'a> {
    pub class: Class,
    pub n: f64,
    pub s: &'a str,
    /// Anaphoric: resolved on the narrative reference time rather than the DCT.
    pub anaph: bool,
    /// Only valid when the token is capitalized.
    pub cap: bool,
}

/// [`Entry::before`]: "1990's" after the word is the decade, not the year's possessive ("the 1990's").
pub const BEFORE_DECADE: u8 = 1;
/// A four-digit number after the word is a year even before a plural noun ("In 1974 investors …").
pub const BEFORE_YEAR: u8 = 2;
/// A lone season after the word is a time ("for the winter", "all summer").
pub const BEFORE_SEASON: u8 = 4;
/// "this time" after the word is a time ("at this time"), not an occasion ("but this time she is the boss").
pub const BEFORE_THIS_TIME: u8 = 8;
/// "a quarter" after the word is a share ("about a quarter, of its dealers"), not three months.
pub const BEFORE_SHARE: u8 = 16;
/// [`Entry::after`]: a four-digit number right before the word is a year even though the word is a plural
/// noun ("at 1990 levels", "the 2012 elections"), where before other plurals it is a count ("2000 troops").
pub const AFTER_YEAR: u8 = 1;
/// A part of the day right before the word modifies a thing it names ("the morning session", "the evening
/// news"), not a time.
pub const AFTER_PART_NOUN: u8 = 2;
/// A duration joined to the word by a hyphen is an age ("the 6-year-old boy"), which news TimeML leaves out.
pub const AFTER_AGE: u8 = 4;

/// What the lexicon knows about one lower-cased word.
#[derive(Debug, Default)]
pub struct Entry {
    pub key: &'static str,
    pub cvs: Vec<Cv<'static>>,
    /// 1 = future cue, -1 = past cue, 0 = none.
    pub tense: i8,
    /// The same, only for the expression right after the word ("since March": the last March).
    pub tense_next: i8,
    /// The expression right after the word is a deadline, ahead when no cue gives a tense ("to sell TikTok
    /// by January 19"; `DEADLINE_NEXT`).
    pub deadline: bool,
    /// Capitalized inside a sentence, the word belongs to a name ("the Future of Babylon"; `NAME_WORD`).
    pub name_word: bool,
    /// What the word introduces when it comes right before it (`BEFORE` rows: bits [`BEFORE_DECADE`],
    /// [`BEFORE_YEAR`], [`BEFORE_SEASON`], [`BEFORE_THIS_TIME`], [`BEFORE_SHARE`]).
    pub before: u8,
    /// What the word says of an expression right before it (`AFTER` rows: bits [`AFTER_YEAR`],
    /// [`AFTER_PART_NOUN`], [`AFTER_AGE`]).
    pub after: u8,
}

#[derive(Debug)]
pub struct Modifier {
    pub words: Vec<&'static str>,
    pub tag: &'static str,
    pub in_span: bool,
    /// "DATE", "DURATION" or "ANY".
    pub applies: &'static str,
}

pub struct Lexicon {
    pub words: FastMap<&'static str, Entry>,
    /// `may_have[len]` has bit `b & 63` set when some key of that byte length starts with byte `b`:
    /// a cheap test that skips the hash lookup for most words.
    pub may_have: [u64; 33],
    pub modifiers: Vec<Modifier>,
    pub past_suffixes: Vec<&'static str>,
}

fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn parse_value(class: Class, v: &'static str) -> (f64, &'static str, bool) {
    let (v, anaph) = match v.strip_suffix('a') {
        Some(rest) if rest.parse::<f64>().is_ok() => (rest, true),
        _ => (v, false),
    };
    let n = match class {
        Class::Num if v == "X" => f64::NAN,
        _ => v.parse::<f64>().unwrap_or(0.0),
    };
    (n, v, anaph)
}

impl Lexicon {
    pub fn load() -> Result<Lexicon, String> {
        let mut words: FastMap<&'static str, Entry> = FastMap::default();
        fn add(
            words: &mut FastMap<&'static str, Entry>,
            key: &'static str,
            cv: Option<Cv<'static>>,
        ) {
            let e = words.entry(key).or_insert_with(|| Entry {
                key,
                ..Entry::default()
            });
            if let Some(cv) = cv {
                if !e.cvs.contains(&cv) {
                    e.cvs.push(cv);
                }
            }
        }
        for (ln, line) in data_lines(LEXICON) {
            let mut cols = line.split('\t');
            let (Some(c), Some(v), Some(ws)) = (cols.next(), cols.next(), cols.next()) else {
                return Err(format!(
                    "lexicon.tsv:{ln}: expected CLASS<TAB>VALUE<TAB>words"
                ));
            };
            if c == "NAME_WORD" || c == "BEFORE" || c == "AFTER" {
                let (before, after) = match (c, v) {
                    ("NAME_WORD", _) => (0, 0),
                    ("BEFORE", "decade") => (BEFORE_DECADE, 0),
                    ("BEFORE", "year") => (BEFORE_YEAR, 0),
                    ("BEFORE", "season") => (BEFORE_SEASON, 0),
                    ("BEFORE", "this_time") => (BEFORE_THIS_TIME, 0),
                    ("BEFORE", "share") => (BEFORE_SHARE, 0),
                    ("AFTER", "year") => (0, AFTER_YEAR),
                    ("AFTER", "part_noun") => (0, AFTER_PART_NOUN),
                    ("AFTER", "age") => (0, AFTER_AGE),
                    _ => return Err(format!("lexicon.tsv:{ln}: unknown {c} value {v}")),
                };
                for w in ws.split('|') {
                    add(&mut words, w, None);
                    let e = words.get_mut(w).expect("just added");
                    if c == "NAME_WORD" {
                        e.name_word = true;
                    }
                    e.before |= before;
                    e.after |= after;
                }
                continue;
            }
            let class =
                Class::parse(c).ok_or_else(|| format!("lexicon.tsv:{ln}: unknown class {c}"))?;
            let (n, s, anaph) = parse_value(class, v);
            for w in ws.split('|') {
                let (w, cap) = match w.strip_prefix('^') {
                    Some(w) => (w, true),
                    None => (w, false),
                };
                let cv = Cv {
                    class,
                    n,
                    s,
                    anaph,
                    cap,
                };
                add(&mut words, w, Some(cv));
                if let Some(bare) = w.strip_suffix('.') {
                    add(&mut words, bare, Some(cv));
                }
                // Ordinal words up to 31 also name days of the month ("the first of May").
                if class == Class::Ord && (1.0..=31.0).contains(&n) {
                    add(
                        &mut words,
                        w,
                        Some(Cv {
                            class: Class::Day,
                            ..cv
                        }),
                    );
                }
            }
        }
        let mut modifiers = Vec::new();
        for (ln, line) in data_lines(MODIFIERS) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            if cols.len() < 4 {
                return Err(format!("modifiers.tsv:{ln}: expected 4 columns"));
            }
            let words_: Vec<&'static str> = cols[0].split(' ').collect();
            for w in &words_ {
                add(&mut words, w, None);
            }
            modifiers.push(Modifier {
                words: words_,
                tag: cols[1],
                in_span: cols[2] == "in",
                applies: cols[3],
            });
        }
        modifiers.sort_by_key(|m| std::cmp::Reverse(m.words.len()));
        let mut past_suffixes = Vec::new();
        for (ln, line) in data_lines(TENSE) {
            let mut cols = line.split('\t');
            let (Some(cue), Some(ws)) = (cols.next(), cols.next()) else {
                return Err(format!("tense.tsv:{ln}: expected CUE<TAB>words"));
            };
            let (t, next_only) = match cue {
                "FUTURE" => (1, false),
                "PAST" => (-1, false),
                "PAST_NEXT" => (-1, true),
                "SUFFIX" => {
                    past_suffixes.extend(ws.split('|'));
                    continue;
                }
                "DEADLINE_NEXT" => {
                    for w in ws.split('|') {
                        add(&mut words, w, None);
                        words.get_mut(w).expect("just added").deadline = true;
                    }
                    continue;
                }
                _ => return Err(format!("tense.tsv:{ln}: unknown cue {cue}")),
            };
            for w in ws.split('|') {
                add(&mut words, w, None);
                let e = words.get_mut(w).expect("just added");
                if next_only {
                    e.tense_next = t;
                } else {
                    e.tense = t;
                }
            }
        }
        let mut lex = Lexicon {
            words,
            modifiers,
            past_suffixes,
            may_have: [0; 33],
        };
        lex.index_keys();
        Ok(lex)
    }

    /// Registers a literal used by a rule so the scanner can recognize it.
    pub fn add_literal(&mut self, w: &'static str) {
        self.words.entry(w).or_insert_with(|| Entry {
            key: w,
            ..Entry::default()
        });
        self.index_keys();
    }

    fn index_keys(&mut self) {
        let mut m = [0u64; 33];
        for k in self.words.keys() {
            if let Some(&b) = k.as_bytes().first() {
                m[k.len().min(32)] |= 1u64 << (b & 63);
            }
        }
        self.may_have = m;
    }

    /// The entry for a lower-cased word, if any.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&Entry> {
        let b = w.as_bytes();
        let first = *b.first()?;
        if b.len() > 32 || self.may_have[b.len()] & (1u64 << (first & 63)) == 0 {
            return None;
        }
        self.words.get(w)
    }
}
