//! Analytic yardsticks: phrase → probability band, from the tables in `resources/judgments/`.
//!
//! The band tables (`yardstick_us_nic.csv` = ICD 203, `yardstick_uk.csv` = UK PHIA, `yardstick_nato.csv`) and
//! the readers' quantiles (`summary_quantiles.csv`) are byte-exact copies of the CAPphrase files (CC BY 4.0).
//! `phrases.tsv` maps the surface phrases Dossier recognizes to a term of each table and to a reader phrase.

use std::collections::HashMap;
use std::sync::OnceLock;

use dossier_model::Probability;

pub const ICD203_CSV: &str = include_str!("../../../resources/judgments/yardstick_us_nic.csv");
pub const UK_CSV: &str = include_str!("../../../resources/judgments/yardstick_uk.csv");
pub const NATO_CSV: &str = include_str!("../../../resources/judgments/yardstick_nato.csv");
pub const QUANTILES_CSV: &str = include_str!("../../../resources/judgments/summary_quantiles.csv");
pub const PHRASES_TSV: &str = include_str!("../../../resources/judgments/phrases.tsv");

/// Which official yardstick translates estimative phrases into probability bands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Yardstick {
    /// US Intelligence Community Directive 203 (the default).
    #[default]
    Icd203,
    /// UK Professional Head of Intelligence Assessment probability yardstick.
    UkPhia,
    /// NATO (AJP-2.1) likelihood scale.
    Nato,
}

impl Yardstick {
    pub const ALL: [Yardstick; 3] = [Yardstick::Icd203, Yardstick::UkPhia, Yardstick::Nato];

    pub fn as_str(self) -> &'static str {
        match self {
            Yardstick::Icd203 => "icd203",
            Yardstick::UkPhia => "uk-phia",
            Yardstick::Nato => "nato",
        }
    }

    /// Accepts `icd203` (also `icd-203`, `us`, `nic`), `uk-phia` (also `uk`, `phia`), `nato`.
    pub fn parse(s: &str) -> Option<Yardstick> {
        Some(match s.to_ascii_lowercase().as_str() {
            "icd203" | "icd-203" | "icd" | "us" | "nic" | "us-nic" => Yardstick::Icd203,
            "uk-phia" | "uk" | "phia" | "ukphia" => Yardstick::UkPhia,
            "nato" => Yardstick::Nato,
            _ => return None,
        })
    }

    fn column(self) -> usize {
        match self {
            Yardstick::Icd203 => 1,
            Yardstick::UkPhia => 2,
            Yardstick::Nato => 3,
        }
    }

    /// The table's rows in file order: (term, low %, high %).
    pub fn bands(self) -> &'static [Band] {
        &tables().bands[self.column() - 1]
    }

    /// The band of a term of this yardstick (case-insensitive).
    pub fn band(self, term: &str) -> Option<&'static Band> {
        self.bands()
            .iter()
            .find(|b| b.term.eq_ignore_ascii_case(term))
    }
}

/// One row of a yardstick table, in percent as in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub term: String,
    pub low: f64,
    pub high: f64,
}

/// Readers' quantiles of one CAPphrase phrase (percent), `trimmed_4sd` subset.
#[derive(Clone, Debug, PartialEq)]
pub struct Readers {
    pub term: String,
    pub n: u32,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
}

/// A recognized estimative phrase and what it maps to.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    /// Lowercase surface tokens.
    pub tokens: Vec<String>,
    /// Term per yardstick (ICD 203, UK, NATO); `None` for vague phrases.
    pub terms: [Option<String>; 3],
    /// CAPphrase reader phrase for the point estimate.
    pub readers: String,
}

impl Phrase {
    pub fn is_vague(&self) -> bool {
        self.terms.iter().all(Option::is_none)
    }

    /// The probability this phrase conveys under `yardstick` (0–1).
    pub fn probability(&self, yardstick: Yardstick) -> Option<Probability> {
        let readers = readers(&self.readers)?;
        match &self.terms[yardstick.column() - 1] {
            None => Some(Probability {
                low: readers.p25 / 100.0,
                high: readers.p75 / 100.0,
                point: readers.p50 / 100.0,
                yardstick: "readers".into(),
                term: Some(readers.term.clone()),
            }),
            Some(term) => {
                let band = yardstick.band(term)?;
                Some(Probability {
                    low: band.low / 100.0,
                    high: band.high / 100.0,
                    point: readers.p50.clamp(band.low, band.high) / 100.0,
                    yardstick: yardstick.as_str().into(),
                    term: Some(band.term.clone()),
                })
            }
        }
    }
}

/// The probability of an unhedged "will": an assertion, 0.95–1, point = readers' median of "Will Happen".
pub fn assertion() -> Probability {
    let point = readers("Will Happen")
        .map_or(100.0, |r| r.p50)
        .clamp(95.0, 100.0)
        / 100.0;
    Probability {
        low: 0.95,
        high: 1.0,
        point,
        yardstick: "assertion".into(),
        term: Some("Will Happen".into()),
    }
}

struct Tables {
    bands: [Vec<Band>; 3],
    readers: Vec<Readers>,
    phrases: Vec<Phrase>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| Tables {
        bands: [
            parse_bands(ICD203_CSV),
            parse_bands(UK_CSV),
            parse_bands(NATO_CSV),
        ],
        readers: parse_readers(QUANTILES_CSV),
        phrases: parse_phrases(PHRASES_TSV),
    })
}

/// Parses a `term,low,high[,source]` table (CRLF tolerated).
pub fn parse_bands(csv: &str) -> Vec<Band> {
    csv.lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.trim_end_matches('\r').split(',');
            let term = f.next()?.trim().to_string();
            let low = f.next()?.trim().parse().ok()?;
            let high = f.next()?.trim().parse().ok()?;
            Some(Band { term, low, high })
        })
        .collect()
}

/// Parses `summary_quantiles.csv`, keeping the `trimmed_4sd` rows.
pub fn parse_readers(csv: &str) -> Vec<Readers> {
    csv.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.trim_end_matches('\r').split(',').collect();
            if f.len() < 12 || f[1] != "trimmed_4sd" {
                return None;
            }
            Some(Readers {
                term: f[0].to_string(),
                n: f[2].parse().ok()?,
                p25: f[7].parse().ok()?,
                p50: f[8].parse().ok()?,
                p75: f[9].parse().ok()?,
            })
        })
        .collect()
}

fn parse_phrases(tsv: &str) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() != 5 {
                return None;
            }
            let term = |s: &str| (s != "-").then(|| s.to_string());
            Some(Phrase {
                tokens: f[0].split(' ').map(str::to_string).collect(),
                terms: [term(f[1]), term(f[2]), term(f[3])],
                readers: f[4].to_string(),
            })
        })
        .collect();
    // Longest first, so that "highly likely" wins over "likely".
    out.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
    out
}

/// All readers' rows (`trimmed_4sd`).
pub fn all_readers() -> &'static [Readers] {
    &tables().readers
}

/// Readers' quantiles of a CAPphrase phrase (case-insensitive).
pub fn readers(term: &str) -> Option<&'static Readers> {
    tables()
        .readers
        .iter()
        .find(|r| r.term.eq_ignore_ascii_case(term))
}

/// All recognized phrases, longest first.
pub fn phrases() -> &'static [Phrase] {
    &tables().phrases
}

/// Phrases indexed by their first token.
pub fn phrase_index() -> &'static HashMap<String, Vec<usize>> {
    static I: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    I.get_or_init(|| {
        let mut m: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in phrases().iter().enumerate() {
            m.entry(p.tokens[0].clone()).or_default().push(i);
        }
        m
    })
}

/// The probability of a phrase given as text ("very likely"), if it is recognized.
pub fn phrase_probability(text: &str, yardstick: Yardstick) -> Option<Probability> {
    let lower = text.to_ascii_lowercase();
    let toks: Vec<&str> = lower.split_whitespace().collect();
    phrases()
        .iter()
        .find(|p| p.tokens.iter().map(String::as_str).eq(toks.iter().copied()))?
        .probability(yardstick)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_fully() {
        assert_eq!(Yardstick::Icd203.bands().len(), 8);
        assert_eq!(Yardstick::UkPhia.bands().len(), 8);
        assert_eq!(Yardstick::Nato.bands().len(), 5);
        assert_eq!(all_readers().len(), 19);
    }

    #[test]
    fn every_phrase_maps_to_existing_terms() {
        for p in phrases() {
            assert!(readers(&p.readers).is_some(), "reader term {}", p.readers);
            for y in Yardstick::ALL {
                if let Some(t) = &p.terms[y.column() - 1] {
                    assert!(y.band(t).is_some(), "{t} missing from {}", y.as_str());
                }
                let pr = p.probability(y).unwrap();
                assert!(pr.low <= pr.point && pr.point <= pr.high, "{:?}", p.tokens);
            }
        }
    }

    #[test]
    fn vague_modals_use_reader_quartiles() {
        let p = phrase_probability("may", Yardstick::Icd203).unwrap();
        assert_eq!(p.yardstick, "readers");
        assert_eq!((p.low, p.point, p.high), (0.30, 0.40, 0.51));
    }

    #[test]
    fn assertion_is_at_least_95() {
        let a = assertion();
        assert_eq!((a.low, a.high), (0.95, 1.0));
        assert!(a.point >= 0.95);
    }
}
