//! Cyrillic → Latin transliteration driven by scheme tables: iuliia JSON schemas (Russian: BGN/PCGN,
//! Wikipedia, ICAO Doc 9303, ISO 9 / GOST 7.79) and the simple rules of a CLDR transform (Belarusian
//! BGN/PCGN). Used by the KB generator to produce spelling variants of Russian and Belarusian names.

use std::collections::HashMap;

/// A transliteration scheme: base letter mapping plus optional context rules.
#[derive(Clone, Debug, Default)]
pub struct Scheme {
    pub name: String,
    mapping: HashMap<char, String>,
    /// key = previous char + current char (lower case); `^` + char for word-initial.
    prev: HashMap<(char, char), String>,
    /// key = current char + next char.
    next: HashMap<(char, char), String>,
    /// word endings (lower case) → replacement.
    ending: Vec<(Vec<char>, String)>,
    /// Two-letter sequences replaced as a unit (CLDR `зг → z·h`).
    pairs: HashMap<(char, char), String>,
}

fn two(s: &str) -> Option<(char, char)> {
    let mut c = s.chars();
    let a = c.next()?;
    let b = c.next()?;
    c.next().is_none().then_some((a, b))
}

impl Scheme {
    /// Reads an iuliia schema (`{name, mapping, prev_mapping, next_mapping, ending_mapping}`).
    pub fn from_iuliia(json: &str) -> Result<Scheme, String> {
        let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let obj = |k: &str| -> Vec<(String, String)> {
            v.get(k)
                .and_then(|m| m.as_object())
                .map(|m| {
                    m.iter()
                        .filter_map(|(a, b)| Some((a.to_lowercase(), b.as_str()?.to_string())))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut s = Scheme {
            name: v
                .get("name")
                .and_then(|n| n.as_str())
                .unwrap_or("")
                .to_string(),
            ..Scheme::default()
        };
        for (k, b) in obj("mapping") {
            if let Some(c) = k.chars().next() {
                s.mapping.insert(c, b);
            }
        }
        for (k, b) in obj("prev_mapping") {
            if let Some(p) = two(&k) {
                s.prev.insert(p, b);
            } else if let Some(c) = k.chars().next() {
                s.prev.insert(('^', c), b);
            }
        }
        for (k, b) in obj("next_mapping") {
            if let Some(p) = two(&k) {
                s.next.insert(p, b);
            }
        }
        for (k, b) in obj("ending_mapping") {
            s.ending.push((k.chars().collect(), b));
        }
        s.ending.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        Ok(s)
    }

    /// Reads the context-free lower-case rules (`x → y ;`, `xy → z ;`) of a CLDR transform; rules
    /// with a context written `$wordBoundary{x → y` become word-initial rules. `$prime` etc. map to
    /// nothing (they are dropped in matching anyway).
    pub fn from_cldr(xml: &str, name: &str) -> Scheme {
        let mut s = Scheme {
            name: name.to_string(),
            ..Scheme::default()
        };
        for line in xml.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((lhs, rhs)) = line.split_once('→') else {
                continue;
            };
            let rhs = rhs.trim().trim_end_matches(';').trim();
            let rhs = if rhs.starts_with('$') {
                String::new()
            } else {
                rhs.replace(['\'', '"', ' '], "")
            };
            let lhs = lhs.trim();
            let (initial, lhs) = match lhs.strip_prefix("$wordBoundary{") {
                Some(r) => (true, r.trim()),
                None => (false, lhs),
            };
            if lhs.contains(['{', '}', '$', '[', ':']) {
                continue;
            }
            // Lower-case rules only.
            if !lhs.chars().all(|c| c.is_lowercase()) {
                continue;
            }
            let cs: Vec<char> = lhs.chars().collect();
            match (cs.len(), initial) {
                (1, false) => {
                    s.mapping.entry(cs[0]).or_insert(rhs);
                }
                (1, true) => {
                    s.prev.insert(('^', cs[0]), rhs);
                }
                (2, false) => {
                    s.pairs.insert((cs[0], cs[1]), rhs);
                }
                _ => {}
            }
        }
        s
    }

    /// Transliterates `text`; non-Cyrillic characters pass through. Words keep their initial capital.
    pub fn apply(&self, text: &str) -> String {
        let mut out = String::new();
        for (k, word) in text.split(' ').enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&self.word(word));
        }
        out
    }

    fn word(&self, word: &str) -> String {
        let orig: Vec<char> = word.chars().collect();
        let lower: Vec<char> = word.chars().flat_map(|c| c.to_lowercase()).collect();
        if lower.len() != orig.len() {
            return word.to_string();
        }
        let mut out = String::new();
        let n = lower.len();
        let mut end = n;
        let mut tail = String::new();
        for (k, rep) in &self.ending {
            if n > k.len() && lower[n - k.len()..] == k[..] {
                end = n - k.len();
                tail = rep.clone();
                break;
            }
        }
        let mut i = 0;
        while i < end {
            let c = lower[i];
            let before = if i == 0 { '^' } else { lower[i - 1] };
            let after = lower.get(i + 1).copied();
            let rep = if let Some(r) = after.and_then(|a| self.pairs.get(&(c, a))) {
                i += 1;
                Some(r.clone())
            } else if let Some(r) = self
                .prev
                .get(&(before, c))
                .or_else(|| (i == 0).then(|| self.prev.get(&('^', c))).flatten())
            {
                Some(r.clone())
            } else if let Some(r) = after.and_then(|a| self.next.get(&(c, a))) {
                Some(r.clone())
            } else {
                self.mapping.get(&c).cloned()
            };
            match rep {
                Some(r) => out.push_str(&r),
                None => out.push(c),
            }
            i += 1;
        }
        out.push_str(&tail);
        // Drop apostrophe-like marks for soft/hard signs and separators.
        let out: String = out
            .chars()
            .filter(|c| !matches!(c, '’' | '”' | 'ʹ' | 'ʺ' | '·' | '\'' | '"' | 'ʼ'))
            .collect();
        if orig.first().is_some_and(|c| c.is_uppercase()) {
            let mut cs = out.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs).collect(),
                None => out,
            }
        } else {
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iuliia_context_rules() {
        let json = r#"{"name":"t","mapping":{"а":"a","л":"l","е":"e","к":"k","с":"s","й":"y","и":"i"},
            "prev_mapping":{"е":"ye"},"next_mapping":null,"ending_mapping":{"ий":"y"}}"#;
        let s = Scheme::from_iuliia(json).unwrap();
        assert_eq!(s.apply("Алексей"), "Aleksey");
        assert_eq!(s.apply("Еле"), "Yele");
        assert_eq!(s.apply("Аликий"), "Aliky");
    }
}
