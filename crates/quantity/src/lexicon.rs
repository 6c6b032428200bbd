//! The data files of `resources/quantity/`, parsed once into lookup tables.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use dossier_model::Bound;

use crate::lex::lex;

const NUMBERS: &str = include_str!("../../../resources/quantity/numbers.tsv");
const BOUNDS: &str = include_str!("../../../resources/quantity/bounds.tsv");
const CURRENCIES: &str = include_str!("../../../resources/quantity/currencies.tsv");
const UNITS: &str = include_str!("../../../resources/quantity/units.tsv");
const LEXICON: &str = include_str!("../../../resources/quantity/lexicon.tsv");

/// A number word; a word can be in several classes ("third": ordinal and fraction).
/// A small multiply-rotate hasher for short word keys (SipHash dominated the profile).
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// String-keyed map with [`Fx`] hashing.
pub type Map<V> = HashMap<String, V, BuildHasherDefault<Fx>>;

#[derive(Clone, Copy, Debug, Default)]
pub struct NumWord {
    pub unit: Option<f64>,
    pub ten: Option<f64>,
    pub hundred: bool,
    pub scale: Option<f64>,
    pub abbr: Option<f64>,
    pub abbr_cur: Option<f64>,
    pub dozen: bool,
    pub ordinal: Option<f64>,
    pub frac: Option<f64>,
    pub vague: bool,
}

/// Bound cue, or the start of "between X and Y".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    Bound(Bound),
    Between,
}

/// Where a currency surface stands relative to the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    Pre,
    Post,
    Both,
}

/// A unit or currency surface, split into tokens like the text.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Token texts (lower case unless `cs`) and whether a gap precedes each (ignored for the first).
    pub toks: Vec<(String, bool)>,
    pub symbol: String,
    pub factor: f64,
    pub dimension: String,
    pub pos: Pos,
    pub cs: bool,
    pub upper: bool,
    pub tight: bool,
    pub time: bool,
    pub pound: bool,
}

/// Word classes of `lexicon.tsv`, as bits.
pub const W_STOP: u8 = 1;
pub const W_MONTH: u8 = 2;
pub const W_REF: u8 = 4;
pub const W_PLURAL: u8 = 8;
pub const W_MONEY: u8 = 16;

pub struct Lexicon {
    pub numbers: Map<NumWord>,
    /// Phrases keyed by first word: (remaining words, cue), longest first.
    pub cues: Map<Vec<(Vec<String>, Cue)>>,
    pub currencies: Map<Vec<Entry>>,
    pub units: Map<Vec<Entry>>,
    pub words: Map<u8>,
    /// Lower-cased first tokens that can open a quantity (number words, cues, currencies, articles, signs).
    pub starters: Map<()>,
    /// Length in bytes of the longest starter.
    pub starter_max: usize,
    /// Bit filter over (first two bytes, length) of the starters: most words are rejected without hashing.
    pub starter_bits: Vec<u64>,
}

/// The filter slot of a word: its first two bytes (ASCII-lower-cased) and its length.
pub fn shape(s: &str) -> usize {
    let b = s.as_bytes();
    let b0 = b.first().map_or(0, |c| c.to_ascii_lowercase()) as usize;
    let b1 = b.get(1).map_or(0, |c| c.to_ascii_lowercase()) as usize;
    ((b0 * 31 + b1) * 37 + b.len().min(63)) & 0xFFFF
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut numbers: Map<NumWord> = Map::default();
        for r in rows(NUMBERS) {
            if r.len() < 3 {
                continue;
            }
            let v: f64 = r[2].trim().parse().unwrap_or(0.0);
            let e = numbers.entry(r[0].to_string()).or_default();
            match r[1] {
                "unit" => e.unit = Some(v),
                "ten" => e.ten = Some(v),
                "hundred" => e.hundred = true,
                "scale" => e.scale = Some(v),
                "abbr" => e.abbr = Some(v),
                "abbrcur" => e.abbr_cur = Some(v),
                "dozen" => e.dozen = true,
                "ordinal" => e.ordinal = Some(v),
                "frac" => e.frac = Some(v),
                "vague" => e.vague = true,
                _ => {}
            }
        }
        let mut cues: Map<Vec<(Vec<String>, Cue)>> = Map::default();
        for r in rows(BOUNDS) {
            if r.len() < 2 {
                continue;
            }
            let cue = match r[1].trim() {
                "approx" => Cue::Bound(Bound::Approx),
                "greater" => Cue::Bound(Bound::Greater),
                "at_least" => Cue::Bound(Bound::AtLeast),
                "less" => Cue::Bound(Bound::Less),
                "at_most" => Cue::Bound(Bound::AtMost),
                "range_start" => Cue::Between,
                _ => continue,
            };
            // Split like the text, so "ca." is two tokens.
            let toks = split(r[0]);
            if toks.is_empty() {
                continue;
            }
            let rest: Vec<String> = toks[1..].iter().map(|t| t.0.clone()).collect();
            cues.entry(toks[0].0.clone()).or_default().push((rest, cue));
        }
        for v in cues.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        let mut currencies: Map<Vec<Entry>> = Map::default();
        for r in rows(CURRENCIES) {
            if r.len() < 4 {
                continue;
            }
            let flags = r.get(4).copied().unwrap_or("");
            let pos = match r[3].trim() {
                "pre" => Pos::Pre,
                "post" => Pos::Post,
                _ => Pos::Both,
            };
            add_entry(&mut currencies, r[0], r[1], r[2], "money", pos, flags);
        }
        let mut units: Map<Vec<Entry>> = Map::default();
        for r in rows(UNITS) {
            if r.len() < 4 {
                continue;
            }
            let flags = r.get(4).copied().unwrap_or("");
            add_entry(&mut units, r[0], r[1], r[2], r[3], Pos::Post, flags);
        }
        for m in [&mut currencies, &mut units] {
            for v in m.values_mut() {
                v.sort_by_key(|e| std::cmp::Reverse(e.toks.len()));
            }
        }
        let mut words: Map<u8> = Map::default();
        for r in rows(LEXICON) {
            if r.len() < 2 {
                continue;
            }
            let bit = match r[1].trim() {
                "stop" => W_STOP,
                "month" => W_MONTH,
                "ref" => W_REF,
                "plural" => W_PLURAL,
                "money" => W_MONEY,
                _ => continue,
            };
            *words.entry(r[0].to_string()).or_default() |= bit;
        }
        let mut starters: Map<()> = Map::default();
        for k in numbers
            .keys()
            .chain(cues.keys())
            .chain(currencies.keys())
            .map(String::as_str)
            .chain(["a", "an", "half", "quarter", "minus", "negative"])
        {
            starters.insert(k.to_lowercase(), ());
        }
        let starter_max = starters.keys().map(String::len).max().unwrap_or(0);
        let mut starter_bits = vec![0u64; 1024];
        for k in starters.keys() {
            let h = shape(k);
            starter_bits[h >> 6] |= 1 << (h & 63);
        }
        Lexicon {
            starters,
            starter_max,
            starter_bits,
            numbers,
            cues,
            currencies,
            units,
            words,
        }
    }

    #[cfg(test)]
    pub fn word(&self, lower: &str) -> u8 {
        self.words.get(lower).copied().unwrap_or(0)
    }
}

/// Splits a vocabulary surface into (lower-cased token, gap-before) pairs, with the text lexer.
fn split(surface: &str) -> Vec<(String, bool)> {
    let mut toks = Vec::new();
    lex(surface, &mut toks);
    toks.iter()
        .map(|t| (surface[t.start..t.end].to_string(), t.gap))
        .collect()
}

fn add_entry(
    map: &mut Map<Vec<Entry>>,
    surface: &str,
    symbol: &str,
    factor: &str,
    dimension: &str,
    pos: Pos,
    flags: &str,
) {
    let has = |f: &str| flags.split(',').any(|x| x.trim() == f);
    let cs = has("cs");
    let mut toks = split(surface);
    if toks.is_empty() {
        return;
    }
    if !cs {
        for t in &mut toks {
            t.0 = t.0.to_lowercase();
        }
    }
    let key = toks[0].0.to_lowercase();
    map.entry(key).or_default().push(Entry {
        toks,
        symbol: symbol.trim().to_string(),
        factor: factor.trim().parse().unwrap_or(1.0),
        dimension: dimension.trim().to_string(),
        pos,
        cs,
        upper: has("upper"),
        tight: has("tight"),
        time: has("time"),
        pound: has("pound"),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let l = lexicon();
        assert_eq!(l.numbers["twenty"].ten, Some(20.0));
        assert_eq!(l.numbers["third"].ordinal, Some(3.0));
        assert_eq!(l.numbers["third"].frac, Some(3.0));
        assert!(l.cues["more"]
            .iter()
            .any(|(r, c)| r == &["than"] && *c == Cue::Bound(Bound::Greater)));
        let usd = &l.currencies["us"];
        assert!(usd.iter().all(|e| e.symbol == "USD"));
        let bcm = l.units["bcm"].iter().find(|e| e.toks.len() == 1).unwrap();
        assert_eq!((bcm.symbol.as_str(), bcm.factor), ("m3", 1e9));
        assert!(l.units["m"]
            .iter()
            .any(|e| e.toks.len() == 2 && e.symbol == "m3"));
        assert!(l.word("december") & W_MONTH != 0);
        assert!(l.word("the") & W_STOP != 0);
    }

    #[test]
    fn every_data_row_is_well_formed() {
        for (name, src, cols) in [
            ("numbers.tsv", NUMBERS, 3),
            ("bounds.tsv", BOUNDS, 2),
            ("currencies.tsv", CURRENCIES, 4),
            ("units.tsv", UNITS, 4),
            ("lexicon.tsv", LEXICON, 2),
        ] {
            for r in rows(src) {
                assert!(r.len() >= cols, "{name}: short row {r:?}");
                assert!(!r[0].trim().is_empty(), "{name}: empty surface {r:?}");
            }
        }
        for r in rows(CURRENCIES) {
            let code = r[1];
            assert!(
                code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()),
                "currencies.tsv: {code} is not an ISO 4217-style code"
            );
            assert!(r[2].parse::<f64>().is_ok_and(|f| f > 0.0), "factor {r:?}");
            assert!(["pre", "post", "both"].contains(&r[3]), "position {r:?}");
        }
        for r in rows(UNITS) {
            assert!(r[2].parse::<f64>().is_ok_and(|f| f > 0.0), "factor {r:?}");
        }
        let cues = [
            "approx",
            "greater",
            "at_least",
            "less",
            "at_most",
            "range_start",
        ];
        for r in rows(BOUNDS) {
            assert!(cues.contains(&r[1].trim()), "bounds.tsv: {r:?}");
        }
    }
}
