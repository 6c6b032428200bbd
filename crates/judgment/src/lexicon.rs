//! Cue lexicons (`resources/judgments/cues.tsv`, `agents.txt`).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub const CUES_TSV: &str = include_str!("../../../resources/judgments/cues.tsv");
pub const AGENTS_TXT: &str = include_str!("../../../resources/judgments/agents.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    Report,
    ReportNp,
    According,
    Evidential,
    Recommend,
    Future,
    Confidence,
}

impl CueClass {
    fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "report" => CueClass::Report,
            "report_np" => CueClass::ReportNp,
            "according" => CueClass::According,
            "evidential" => CueClass::Evidential,
            "recommend" => CueClass::Recommend,
            "future" => CueClass::Future,
            "confidence" => CueClass::Confidence,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct Cue {
    pub class: CueClass,
    pub tokens: Vec<String>,
    /// For confidence cues: the level.
    pub value: Option<String>,
}

pub struct Lexicon {
    pub cues: Vec<Cue>,
    /// First token → cue indexes, longest first.
    pub index: HashMap<String, Vec<usize>>,
    pub agents: HashSet<String>,
}

pub fn parse_cues(src: &str) -> Vec<Cue> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (class, phrase) = l.split_once('\t')?;
            let class = CueClass::parse(class.trim())?;
            let (phrase, value) = match phrase.split_once(':') {
                Some((p, v)) => (p, Some(v.trim().to_string())),
                None => (phrase, None),
            };
            Some(Cue {
                class,
                tokens: phrase.split_whitespace().map(str::to_string).collect(),
                value,
            })
        })
        .collect()
}

pub fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let cues = parse_cues(CUES_TSV);
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in cues.iter().enumerate() {
            index.entry(c.tokens[0].clone()).or_default().push(i);
        }
        for v in index.values_mut() {
            v.sort_by(|a, b| cues[*b].tokens.len().cmp(&cues[*a].tokens.len()));
        }
        let agents = AGENTS_TXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        Lexicon {
            cues,
            index,
            agents,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_every_class() {
        let l = lexicon();
        for c in [
            CueClass::Report,
            CueClass::ReportNp,
            CueClass::According,
            CueClass::Evidential,
            CueClass::Recommend,
            CueClass::Future,
            CueClass::Confidence,
        ] {
            assert!(l.cues.iter().any(|x| x.class == c), "{c:?}");
        }
        assert!(l.agents.contains("authorities"));
        let conf = l
            .cues
            .iter()
            .find(|c| c.class == CueClass::Confidence)
            .unwrap();
        assert_eq!(conf.value.as_deref(), Some("high"));
    }
}
