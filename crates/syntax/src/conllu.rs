//! CoNLL-U reading (syntactic words, multiword tokens, the comments needed to rebuild raw text).

use anyhow::{Context, Result};

/// One syntactic word.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head id, 0 for the root.
    pub head: usize,
    pub deprel: String,
}

/// A multiword token covering words `first..=last` (1-based ids).
#[derive(Clone, Debug, PartialEq)]
pub struct Multiword {
    pub first: usize,
    pub last: usize,
    pub form: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub text: Option<String>,
    pub newdoc: bool,
    pub newpar: bool,
    pub words: Vec<Word>,
    pub multiwords: Vec<Multiword>,
}

/// Parses CoNLL-U text. Empty nodes (`8.1`) are skipped.
pub fn parse(src: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (lineno, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            } else if c.starts_with("newdoc") {
                cur.newdoc = true;
                cur.newpar = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            anyhow::bail!("line {}: expected 10 columns", lineno + 1);
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let first: usize = a.parse().with_context(|| format!("line {}", lineno + 1))?;
            let last: usize = b.parse().with_context(|| format!("line {}", lineno + 1))?;
            cur.multiwords.push(Multiword {
                first,
                last,
                form: cols[1].to_string(),
            });
            continue;
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .with_context(|| format!("line {}: bad head", lineno + 1))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads and parses a CoNLL-U file.
pub fn read(path: &std::path::Path) -> Result<Vec<Sentence>> {
    let src =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse(&src)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn reads_words_multiwords_and_comments() {
        let src = "# newdoc id = d1\n# text = I'm here\n1-2\tI'm\t_\t_\t_\t_\t_\t_\t_\t_\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2\t'm\tbe\tAUX\tVBP\t_\t3\tcop\t_\t_\n3\there\there\tADV\tRB\t_\t0\troot\t_\t_\n\n";
        let s = parse(src).unwrap();
        assert_eq!(s.len(), 1);
        assert!(s[0].newdoc && s[0].newpar);
        assert_eq!(s[0].text.as_deref(), Some("I'm here"));
        assert_eq!(s[0].words.len(), 3);
        assert_eq!(s[0].words[1].lemma, "be");
        assert_eq!(s[0].words[2].head, 0);
        assert_eq!(s[0].multiwords[0].form, "I'm");
    }
}
