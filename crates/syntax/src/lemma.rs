//! Lemmatizer: a lookup table learned from the treebank, backed by suffix-rewrite rules per XPOS tag.

use std::collections::HashMap;

use crate::hash::{fin, hash_str, mix};
use crate::io::{Reader, Writer};
use crate::perceptron::KeyMap;

/// A suffix rewrite: drop `strip` characters, append `append`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Rule {
    strip: u8,
    append: String,
}

pub struct Lemmatizer {
    /// (form hash, xpos) → lemma, for words the rules get wrong.
    table: KeyMap<Box<str>>,
    /// (xpos, lower-cased suffix) → rule.
    rules: KeyMap<Rule>,
    /// Tags whose capitalised words (not sentence-initial) keep their case in the lemma.
    keep_case: Vec<String>,
    /// Exact form hash → lemma, for forms seen (not sentence-initially) often enough in training with a
    /// single lemma under every tag: looked up before the tag for words that do not start their sentence,
    /// so a tagging error (NN for NNP, NNPS for NNS) cannot change their lemma.
    forms: KeyMap<Box<str>>,
    /// (lower-case lemma hash, tag group) → the capitalised lemma, for lemmas that the treebank writes only
    /// capitalised under proper-noun tags (group `P`) or adjective tags (group `J`): "asia" tagged NNP →
    /// "Asia", "german" tagged JJ → "German" (format version 3).
    capital: KeyMap<Box<str>>,
    /// Lower-case lemmas seen in training (hashes), preferred among the suffix rules' outputs.
    known: KeyMap<()>,
}

/// Tag group for [`Lemmatizer::capital`]: proper nouns `P`, adjectives `J`.
fn capital_group(xpos: &str) -> Option<&'static str> {
    match xpos {
        "NNP" | "NNPS" => Some("P"),
        "JJ" => Some("J"),
        _ => None,
    }
}

/// Minimum length of an all-capitals proper noun whose lemma is title-cased ("TEHRAN" → "Tehran");
/// shorter ones are mostly acronyms and keep their case.
pub const TITLE_MIN: usize = 6;

/// Minimum training count of a form for the tag-independent lookup.
pub const FORM_MIN: usize = 2;

const MAX_SUFFIX: usize = 6;

fn key(form_hash: u64, xpos: &str) -> u64 {
    fin(mix(form_hash, hash_str(xpos)))
}

fn suffix_key(xpos: &str, lower: &[char], len: usize) -> u64 {
    let mut h = mix(0x1234_5678, hash_str(xpos));
    h = mix(h, len as u64);
    for &c in &lower[lower.len() - len..] {
        h = mix(h, c as u64);
    }
    fin(h)
}

fn is_proper(xpos: &str) -> bool {
    xpos == "NNP" || xpos == "NNPS"
}

impl Lemmatizer {
    /// Learns the rules and the exception table from (form, xpos, lemma) triples; `first` says whether the
    /// word starts its sentence.
    pub fn train<'a>(words: impl Iterator<Item = (&'a str, &'a str, &'a str, bool)>) -> Lemmatizer {
        Self::train_with(words, FORM_MIN)
    }

    /// [`Self::train`] with the minimum count for the tag-independent form lookup (0: no lookup).
    pub fn train_with<'a>(
        words: impl Iterator<Item = (&'a str, &'a str, &'a str, bool)>,
        form_min: usize,
    ) -> Lemmatizer {
        let mut form_lemmas: HashMap<String, HashMap<String, usize>> = HashMap::new();
        // Capitalised lemmas per tag group, and every lemma seen.
        let mut cap_lemmas: HashMap<(String, &'static str), HashMap<String, usize>> =
            HashMap::new();
        let mut all_lemmas: std::collections::HashSet<String> = Default::default();
        let mut counts: HashMap<(String, String, bool), HashMap<String, usize>> = HashMap::new();
        for (form, xpos, lemma, first) in words {
            if lemma == "_" {
                continue;
            }
            all_lemmas.insert(lemma.to_string());
            if let Some(g) = capital_group(xpos) {
                if lemma.chars().next().is_some_and(|c| c.is_uppercase()) {
                    *cap_lemmas
                        .entry((lemma.to_lowercase(), g))
                        .or_default()
                        .entry(lemma.to_string())
                        .or_default() += 1;
                }
            }
            if !first {
                *form_lemmas
                    .entry(form.to_string())
                    .or_default()
                    .entry(lemma.to_string())
                    .or_default() += 1;
            }
            *counts
                .entry((form.to_string(), xpos.to_string(), first))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        // Most frequent lemma per (form, xpos, first); rule statistics over types.
        let mut best: Vec<(String, String, bool, String)> = counts
            .into_iter()
            .map(|((f, x, first), m)| {
                let mut v: Vec<(String, usize)> = m.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                (f, x, first, v.swap_remove(0).0)
            })
            .collect();
        best.sort();
        let mut rule_counts: HashMap<u64, HashMap<Rule, usize>> = HashMap::new();
        for (f, x, _, l) in &best {
            let fl: Vec<char> = f.to_lowercase().chars().collect();
            let ll: Vec<char> = l.to_lowercase().chars().collect();
            let p = fl.iter().zip(&ll).take_while(|(a, b)| a == b).count();
            if fl.len() - p > 255 {
                continue;
            }
            let rule = Rule {
                strip: (fl.len() - p) as u8,
                append: ll[p..].iter().collect(),
            };
            for len in 0..=MAX_SUFFIX.min(fl.len()) {
                *rule_counts
                    .entry(suffix_key(x, &fl, len))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut rules = KeyMap::default();
        for (k, m) in rule_counts {
            let total: usize = m.values().sum();
            let mut v: Vec<(Rule, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(a.0.strip.cmp(&b.0.strip))
                    .then(a.0.append.cmp(&b.0.append))
            });
            let (r, c) = v[0].clone();
            // Keep only rules with some support.
            if c >= 2 && c * 2 > total {
                rules.insert(k, r);
            }
        }
        let mut case_votes: HashMap<&str, (usize, usize)> = HashMap::new();
        for (f, x, first, l) in &best {
            if !*first && f.chars().any(|c| c.is_uppercase()) {
                let v = case_votes.entry(x.as_str()).or_default();
                if l.chars().any(|c| c.is_uppercase()) {
                    v.0 += 1;
                } else {
                    v.1 += 1;
                }
            }
        }
        let mut keep_case: Vec<String> = case_votes
            .into_iter()
            .filter(|(_, (keep, lower))| keep > lower)
            .map(|(x, _)| x.to_string())
            .collect();
        keep_case.sort();
        let mut forms = KeyMap::default();
        if form_min > 0 {
            for (f, m) in &form_lemmas {
                let total: usize = m.values().sum();
                if m.len() == 1 && total >= form_min {
                    let l = m.keys().next().unwrap();
                    forms.insert(hash_str(f), l.as_str().into());
                }
            }
        }
        let mut capital = KeyMap::default();
        for ((low, g), m) in &cap_lemmas {
            if all_lemmas.contains(low) || !low.chars().any(|c| c.is_alphabetic()) {
                continue;
            }
            let mut v: Vec<(&String, &usize)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            capital.insert(key(hash_str(low), g), v[0].0.as_str().into());
        }
        let known = all_lemmas
            .iter()
            .map(|l| (crate::hash::hash_lower(l), ()))
            .collect();
        let mut lem = Lemmatizer {
            table: KeyMap::default(),
            rules,
            keep_case,
            forms,
            capital,
            known,
        };
        for (f, x, first, l) in &best {
            if lem.by_rule(f, x, *first) != *l {
                let k = key(hash_str(f), x);
                // Sentence-initial variants only when they differ from the non-initial one.
                lem.table.entry(k).or_insert_with(|| l.clone().into());
            }
        }
        lem
    }

    fn by_rule(&self, form: &str, xpos: &str, first: bool) -> String {
        let lower: Vec<char> = form.to_lowercase().chars().collect();
        // The rule of the longest matching suffix, unless a shorter suffix's rule yields a lemma seen in
        // training and the longest one's does not.
        let mut rule = None;
        let mut candidate = String::new();
        for len in (0..=MAX_SUFFIX.min(lower.len())).rev() {
            if let Some(r) = self.rules.get(&suffix_key(xpos, &lower, len)) {
                if (r.strip as usize) < lower.len() || (r.strip == 0 && lower.is_empty()) {
                    if rule.is_none() {
                        rule = Some(r);
                    }
                    if self.known.is_empty() {
                        break;
                    }
                    candidate.clear();
                    candidate.extend(&lower[..lower.len() - r.strip as usize]);
                    candidate.push_str(&r.append);
                    if self.known.contains_key(&hash_str(&candidate)) {
                        rule = Some(r);
                        break;
                    }
                }
            }
        }
        // Addresses (URLs, e-mail) keep their case, also at sentence start.
        let keep_case = is_proper(xpos)
            || xpos == "ADD"
            || (!first
                && form.chars().any(|c| c.is_uppercase())
                && self.keep_case.iter().any(|k| k == xpos));
        let chars: Vec<char> = if keep_case
            && is_proper(xpos)
            && lower.len() >= TITLE_MIN
            && form.chars().all(|c| c.is_uppercase())
        {
            // "TEHRAN" → "Tehran".
            let mut v = lower.clone();
            v[0] = form.chars().next().unwrap_or(v[0]);
            v
        } else if keep_case {
            form.chars().collect()
        } else {
            lower
        };
        match rule {
            Some(r) if (r.strip as usize) <= chars.len() => {
                let mut s: String = chars[..chars.len() - r.strip as usize].iter().collect();
                s.push_str(&r.append);
                if s.is_empty() {
                    form.to_string()
                } else {
                    s
                }
            }
            _ => chars.into_iter().collect(),
        }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: &str, first: bool) -> String {
        if !first {
            if let Some(l) = self.forms.get(&hash_str(form)) {
                return l.to_string();
            }
        }
        if let Some(l) = self.table.get(&key(hash_str(form), xpos)) {
            return l.to_string();
        }
        let has_upper = form.chars().any(|c| c.is_uppercase());
        if has_upper && !is_proper(xpos) {
            let lower = crate::hash::hash_lower(form);
            if let Some(l) = self.table.get(&key(lower, xpos)) {
                return l.to_string();
            }
        }
        let l = self.by_rule(form, xpos, first);
        if !has_upper {
            // A lower-case proper noun or adjective whose lemma the treebank only writes capitalised.
            if let Some(g) = capital_group(xpos) {
                if let Some(c) = self.capital.get(&key(hash_str(&l), g)) {
                    return c.to_string();
                }
            }
        }
        l
    }

    pub fn write(&self, w: &mut Writer) {
        let mut t: Vec<(&u64, &Box<str>)> = self.table.iter().collect();
        t.sort();
        w.u32(t.len() as u32);
        for (k, v) in t {
            w.bytes(&k.to_le_bytes());
            w.str(v);
        }
        let mut r: Vec<(&u64, &Rule)> = self.rules.iter().collect();
        r.sort_by_key(|x| *x.0);
        w.u32(r.len() as u32);
        for (k, v) in r {
            w.bytes(&k.to_le_bytes());
            w.u8(v.strip);
            w.str(&v.append);
        }
        w.u32(self.keep_case.len() as u32);
        for k in &self.keep_case {
            w.str(k);
        }
        let mut f: Vec<(&u64, &Box<str>)> = self.forms.iter().collect();
        f.sort();
        w.u32(f.len() as u32);
        for (k, v) in f {
            w.bytes(&k.to_le_bytes());
            w.str(v);
        }
        let mut c: Vec<(&u64, &Box<str>)> = self.capital.iter().collect();
        c.sort();
        w.u32(c.len() as u32);
        for (k, v) in c {
            w.bytes(&k.to_le_bytes());
            w.str(v);
        }
        let mut k: Vec<u64> = self.known.keys().copied().collect();
        k.sort_unstable();
        w.u32(k.len() as u32);
        for k in k {
            w.bytes(&k.to_le_bytes());
        }
    }

    /// Reads a lemmatizer; format version 1 has no form lookup, versions 1 and 2 no capitalised and known lemmas.
    pub fn read(r: &mut Reader, version: u32) -> anyhow::Result<Lemmatizer> {
        let n = r.u32()? as usize;
        let mut table = KeyMap::default();
        table.reserve(n);
        for _ in 0..n {
            let k = u64::from_le_bytes(r.take(8)?.try_into()?);
            table.insert(k, r.str()?.into_boxed_str());
        }
        let n = r.u32()? as usize;
        let mut rules = KeyMap::default();
        rules.reserve(n);
        for _ in 0..n {
            let k = u64::from_le_bytes(r.take(8)?.try_into()?);
            let strip = r.u8()?;
            let append = r.str()?;
            rules.insert(k, Rule { strip, append });
        }
        let n = r.u32()? as usize;
        let keep_case = (0..n).map(|_| r.str()).collect::<anyhow::Result<_>>()?;
        let n = if version >= 2 { r.u32()? as usize } else { 0 };
        let mut forms = KeyMap::default();
        forms.reserve(n);
        for _ in 0..n {
            let k = u64::from_le_bytes(r.take(8)?.try_into()?);
            forms.insert(k, r.str()?.into_boxed_str());
        }
        let n = if version >= 3 { r.u32()? as usize } else { 0 };
        let mut capital = KeyMap::default();
        capital.reserve(n);
        for _ in 0..n {
            let k = u64::from_le_bytes(r.take(8)?.try_into()?);
            capital.insert(k, r.str()?.into_boxed_str());
        }
        let n = if version >= 3 { r.u32()? as usize } else { 0 };
        let mut known = KeyMap::default();
        known.reserve(n);
        for _ in 0..n {
            known.insert(u64::from_le_bytes(r.take(8)?.try_into()?), ());
        }
        Ok(Lemmatizer {
            table,
            rules,
            keep_case,
            forms,
            capital,
            known,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn learns_rules_and_exceptions() {
        let data = [
            ("signed", "VBD", "sign", false),
            ("agreed", "VBD", "agree", false),
            ("walked", "VBD", "walk", false),
            ("talked", "VBD", "talk", false),
            ("jumped", "VBD", "jump", false),
            ("was", "VBD", "be", false),
            ("ministers", "NNS", "minister", false),
            ("talks", "NNS", "talk", false),
            ("cats", "NNS", "cat", false),
            ("Minsk", "NNP", "Minsk", false),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("was", "VBD", false), "be");
        assert_eq!(l.lemma("kicked", "VBD", false), "kick");
        assert_eq!(l.lemma("dogs", "NNS", false), "dog");
        assert_eq!(l.lemma("Moscow", "NNP", false), "Moscow");
        assert_eq!(l.lemma("Dogs", "NNS", true), "dog");
    }

    #[test]
    fn frequent_forms_keep_their_lemma_under_a_wrong_tag() {
        let data = [
            ("Servers", "NNS", "server", false),
            ("Servers", "NNS", "server", false),
            ("Hills", "NNPS", "Hills", false),
            ("Hills", "NNPS", "Hills", false),
            ("Minsk", "NNP", "Minsk", false),
            ("cats", "NNS", "cat", false),
            ("dogs", "NNS", "dog", false),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        // Seen twice with one lemma: the tag does not matter.
        assert_eq!(l.lemma("Servers", "NNPS", false), "server");
        assert_eq!(l.lemma("Hills", "NNS", false), "Hills");
        // Seen once: below the count, so the tag decides (NN lower-cases).
        assert_eq!(l.lemma("Minsk", "NN", false), "minsk");
        // Sentence-initial words always go by their tag.
        assert_eq!(l.lemma("Servers", "NNPS", true), "Servers");
        let without = Lemmatizer::train_with(data.iter().copied(), 0);
        assert_eq!(without.lemma("Servers", "NNPS", false), "Servers");
    }

    #[test]
    fn case_conventions_of_the_treebank() {
        let data = [
            ("Asia", "NNP", "Asia", false),
            ("German", "JJ", "German", false),
            ("Library", "NNP", "Library", false),
            ("library", "NN", "library", false),
            ("Chernobyl", "NNP", "Chernobyl", false),
            ("FBI", "NNP", "FBI", false),
            ("http://a.org/X", "ADD", "http://a.org/X", false),
            ("walked", "VBD", "walk", false),
            ("talked", "VBD", "talk", false),
            ("used", "VBD", "use", false),
            ("timed", "VBD", "time", false),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        // Lower-case proper nouns and adjectives take the capitalised lemma the treebank uses...
        assert_eq!(l.lemma("asia", "NNP", false), "Asia");
        assert_eq!(l.lemma("german", "JJ", false), "German");
        // ...unless the lower-case word is itself a lemma, or the tag is not in the group.
        assert_eq!(l.lemma("library", "NNP", false), "library");
        assert_eq!(l.lemma("asia", "NN", false), "asia");
        // Long all-capitals proper nouns are title-cased, short ones (acronyms) kept.
        assert_eq!(l.lemma("CHERNOBYL", "NNP", false), "Chernobyl");
        assert_eq!(l.lemma("NASA", "NNP", false), "NASA");
        // Addresses keep their case even at sentence start.
        assert_eq!(l.lemma("HTTP://B.ORG/Y", "ADD", true), "HTTP://B.ORG/Y");
    }

    #[test]
    fn suffix_rules_prefer_known_lemmas() {
        // The longest suffix ("-imed") strips "ed"; the shorter "-ed" strips "d" and yields a known lemma.
        let mut data = vec![
            ("used", "VBD", "use", false),
            ("fused", "VBD", "fuse", false),
            ("caused", "VBD", "cause", false),
            ("aimed", "VBD", "aim", false),
            ("claimed", "VBD", "claim", false),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("primed", "VBD", false), "prim");
        data.push(("prime", "VB", "prime", false));
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemma("primed", "VBD", false), "prime");
        assert_eq!(l.lemma("reclaimed", "VBD", false), "reclaim");
    }
}
