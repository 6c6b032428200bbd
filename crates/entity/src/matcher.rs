//! Multi-pattern matching of KB names over words: a trie keyed by folded words, longest match first,
//! with case rules (acronyms must be written in capitals; names must start with a capital unless the
//! alias itself is lower case).

use crate::kb::Kb;
use crate::norm::{name_words, FxMap, Word};

/// What a pattern stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Name,
    Demonym,
}

#[derive(Clone, Copy, Debug)]
pub struct Pattern {
    pub entry: u32,
    pub form: Form,
    /// Written all in capitals in the KB (NATO, CIS): the text must be too.
    pub acronym: bool,
    /// Written in lower case in the KB (sarin): any case is fine.
    pub lower_ok: bool,
}

/// A match: words `[first, last)` and the patterns that end there (best first).
#[derive(Clone, Debug)]
pub struct Match {
    pub first: usize,
    pub last: usize,
    pub pattern: Pattern,
}

const ROOT: u32 = 0;
const NO_WORD: u32 = u32::MAX;

#[derive(Default)]
pub struct Matcher {
    vocab: FxMap<String, u32>,
    trans: FxMap<(u32, u32), u32>,
    terminals: FxMap<u32, Vec<Pattern>>,
    nodes: u32,
    /// First words of lower-case patterns: the only lower-case words a match may start with.
    lower_starts: crate::norm::FxSet<String>,
}

impl Matcher {
    pub fn build(kb: &Kb) -> Matcher {
        let mut m = Matcher {
            nodes: 1,
            ..Matcher::default()
        };
        for (i, e) in kb.entries.iter().enumerate() {
            for a in std::iter::once(&e.name).chain(&e.aliases) {
                m.add(a, i as u32, Form::Name);
            }
            for d in e.get("demonym") {
                m.add(d, i as u32, Form::Demonym);
            }
        }
        // Best pattern first: curated before gazetteers, names before demonyms, and a sovereign state
        // before a territory that shares its demonym ("French": France, not the French Southern and
        // Antarctic Lands; "Dutch": the Netherlands, not Caribbean Netherlands).
        for pats in m.terminals.values_mut() {
            pats.sort_by_key(|p| {
                let e = &kb.entries[p.entry as usize];
                (e.rank, p.form == Form::Demonym, e.kind != "STATE")
            });
        }
        m
    }

    fn add(&mut self, alias: &str, entry: u32, form: Form) {
        let words = name_words(alias);
        let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
        if words.is_empty() || letters.len() < 2 && !alias.chars().any(|c| c.is_numeric()) {
            return;
        }
        if words.iter().all(|w| w.chars().all(|c| c.is_numeric())) {
            return;
        }
        let acronym = letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase());
        let lower_ok = letters.first().is_some_and(|c| c.is_lowercase());
        if lower_ok {
            self.lower_starts.insert(words[0].clone());
        }
        let mut node = ROOT;
        for w in words {
            let next_id = self.vocab.len() as u32;
            let wid = *self.vocab.entry(w).or_insert(next_id);
            node = match self.trans.get(&(node, wid)) {
                Some(&n) => n,
                None => {
                    let n = self.nodes;
                    self.nodes += 1;
                    self.trans.insert((node, wid), n);
                    n
                }
            };
        }
        let pats = self.terminals.entry(node).or_default();
        if !pats.iter().any(|p| p.entry == entry && p.form == form) {
            pats.push(Pattern {
                entry,
                form,
                acronym,
                lower_ok,
            });
        }
    }

    fn id(&self, w: &Word) -> u32 {
        self.vocab.get(w.norm.as_str()).copied().unwrap_or(NO_WORD)
    }

    /// Longest non-overlapping matches, left to right. Only capitalised words (or the first words of
    /// lower-case patterns) can start a match, so most words are never looked up.
    pub fn find(&self, text: &str, words: &[Word]) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if !words[i].cap && !self.lower_starts.contains(words[i].norm.as_str()) {
                i += 1;
                continue;
            }
            let mut best: Option<Match> = None;
            let mut node = ROOT;
            let mut j = i;
            while j < words.len() && (j == i || !words[j].break_before) {
                let id = self.id(&words[j]);
                if id == NO_WORD {
                    break;
                }
                match self.trans.get(&(node, id)) {
                    Some(&n) => node = n,
                    None => break,
                }
                j += 1;
                if let Some(pats) = self.terminals.get(&node) {
                    if let Some(p) = pats.iter().find(|p| case_ok(text, &words[i..j], p)) {
                        best = Some(Match {
                            first: i,
                            last: j,
                            pattern: *p,
                        });
                    }
                }
            }
            match best {
                Some(m) => {
                    i = m.last;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }
}

fn case_ok(text: &str, words: &[Word], p: &Pattern) -> bool {
    if p.acronym {
        let s = &text[words[0].start..words[words.len() - 1].end];
        return s
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
    }
    p.lower_ok || words[0].cap
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Entry;
    use crate::norm::words;

    fn kb() -> Kb {
        let mut kb = Kb::default();
        for line in [
            "o:nato\tORG\tNATO\tNorth Atlantic Treaty Organization",
            "w:s-400\tWEAPON\tS-400\tS-400 Triumf",
            "iso:BLR\tSTATE\tBelarus\t\t\t\t\t\tdemonym=Belarusian",
            "o:us\tORG\tUnion State\tUnion State Parliamentary Assembly",
        ] {
            kb.push(Entry::parse_line(line, 0).unwrap());
        }
        kb
    }

    #[test]
    fn longest_match_case_and_hyphen() {
        let kb = kb();
        let m = Matcher::build(&kb);
        let text = "The Union State Parliamentary Assembly met; nato and NATO, the S 400 and Belarusian troops.";
        let w = words(text);
        let found: Vec<(&str, u32, Form)> = m
            .find(text, &w)
            .iter()
            .map(|x| {
                (
                    &text[w[x.first].start..w[x.last - 1].end],
                    x.pattern.entry,
                    x.pattern.form,
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("Union State Parliamentary Assembly", 3, Form::Name),
                ("NATO", 0, Form::Name),
                ("S 400", 1, Form::Name),
                ("Belarusian", 2, Form::Demonym),
            ]
        );
    }
}
