//! Named word lists kept as data files under `resources/` rather than as code constants.
//!
//! Format: a line `[name]` opens a list; every other non-blank line that does not start with `#` is one
//! entry of the list opened last, with surrounding white space trimmed. An entry may carry a value after a
//! tab (`defence minister<TAB>defence-minister`); [`WordLists::pairs`] splits it. The parser rejects what
//! is almost certainly an editing mistake: an entry before any header, a list opened twice, an entry
//! repeated within a list.

/// Word lists in file order.
#[derive(Clone, Debug, Default)]
pub struct WordLists {
    lists: Vec<(String, Vec<String>)>,
}

impl WordLists {
    /// Reads the format described in the module documentation; errors name the 1-based line.
    pub fn parse(text: &str) -> Result<WordLists, String> {
        let mut lists: Vec<(String, Vec<String>)> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                if lists.iter().any(|(l, _)| l == name) {
                    return Err(format!("line {}: list [{name}] opened twice", n + 1));
                }
                lists.push((name.to_string(), Vec::new()));
                continue;
            }
            let Some((name, entries)) = lists.last_mut() else {
                return Err(format!("line {}: entry {line:?} before any [list]", n + 1));
            };
            if entries.iter().any(|e| e == line) {
                return Err(format!("line {}: {line:?} repeated in [{name}]", n + 1));
            }
            entries.push(line.to_string());
        }
        Ok(WordLists { lists })
    }

    /// The entries of list `name` (empty if there is no such list).
    pub fn get(&self, name: &str) -> &[String] {
        self.lists
            .iter()
            .find(|(l, _)| l == name)
            .map_or(&[], |(_, e)| e.as_slice())
    }

    /// The entries of list `name` split at their first tab into (key, value); the value is empty for
    /// an entry without a tab.
    pub fn pairs(&self, name: &str) -> impl Iterator<Item = (&str, &str)> {
        self.get(name).iter().map(|e| match e.split_once('\t') {
            Some((k, v)) => (k.trim_end(), v.trim_start()),
            None => (e.as_str(), ""),
        })
    }

    /// The names of the lists, in file order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.lists.iter().map(|(l, _)| l.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lists_entries_and_pairs() {
        let w = WordLists::parse(
            "# titles first\n[titles]\npresident\n  minister \n\n[roles]\ndefence minister\tdefence-minister\nchief\n",
        )
        .unwrap();
        assert_eq!(w.names().collect::<Vec<_>>(), ["titles", "roles"]);
        assert_eq!(w.get("titles"), ["president", "minister"]);
        assert!(w.get("absent").is_empty());
        let pairs: Vec<_> = w.pairs("roles").collect();
        assert_eq!(
            pairs,
            [("defence minister", "defence-minister"), ("chief", "")]
        );
    }

    #[test]
    fn rejects_editing_mistakes_with_the_line() {
        let e = WordLists::parse("stray\n[a]\n").unwrap_err();
        assert!(e.starts_with("line 1:"), "{e}");
        let e = WordLists::parse("[a]\nx\n[a]\n").unwrap_err();
        assert!(e.contains("line 3") && e.contains("opened twice"), "{e}");
        let e = WordLists::parse("[a]\nx\ny\nx\n").unwrap_err();
        assert!(e.contains("line 4") && e.contains("repeated"), "{e}");
    }
}
