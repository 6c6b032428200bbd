//! CoNLL-U sentences as the tagger, parser and evaluation use them: syntactic words, multiword tokens and
//! the comments needed to rebuild raw text, read by the shared reader in `dossier-eval`.

use anyhow::{Context, Result};

/// One syntactic word (the shared reader's type).
pub use dossier_eval::conllu::Word;

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

/// Parses CoNLL-U text with the shared reader (`dossier_eval::conllu`). Empty nodes (`8.1`) are skipped.
pub fn parse(src: &str) -> Result<Vec<Sentence>> {
    let sents = dossier_eval::conllu::read(src.as_bytes()).map_err(anyhow::Error::msg)?;
    Ok(sents
        .into_iter()
        .map(|s| Sentence {
            text: (!s.text.is_empty()).then_some(s.text),
            newdoc: s.newdoc,
            newpar: s.newpar,
            multiwords: s
                .tokens
                .into_iter()
                .filter(|t| t.words.len() > 1)
                .map(|t| Multiword {
                    first: t.words.start + 1,
                    last: t.words.end,
                    form: t.form,
                })
                .collect(),
            words: s.words,
        })
        .collect())
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
