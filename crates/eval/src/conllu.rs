//! A CoNLL-U reader: sentences with their words, syntax, and the document/paragraph structure needed to
//! rebuild raw text from `# text` lines.

use std::io::BufRead;

/// One syntactic word (not a multi-word token range line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head index within the sentence; 0 for the root.
    pub head: usize,
    pub deprel: String,
}

/// A surface token: one word, or a multi-word token ("don't" can be one token of two words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Surface {
    pub form: String,
    /// Range of word indices (0-based, half-open) this token covers.
    pub words: std::ops::Range<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    pub id: String,
    pub text: String,
    pub newdoc: bool,
    pub newpar: bool,
    pub words: Vec<Word>,
    pub tokens: Vec<Surface>,
}

/// Reads all sentences; malformed lines are reported with their line number.
pub fn read(input: impl BufRead) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut mwt_end = 0usize;
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            mwt_end = 0;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = t.trim().to_string();
            } else if let Some(t) = c.strip_prefix("sent_id =") {
                cur.id = t.trim().to_string();
            } else if c.starts_with("newdoc") {
                cur.newdoc = true;
                cur.newpar = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!(
                "line {}: expected 10 columns, found {}",
                n + 1,
                cols.len()
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node of the enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return Err(format!("line {}: bad token range {id}", n + 1)),
            };
            cur.tokens.push(Surface {
                form: cols[1].to_string(),
                words: a - 1..b,
            });
            mwt_end = b;
            continue;
        }
        let idx: usize = id
            .parse()
            .map_err(|_| format!("line {}: bad word id {id}", n + 1))?;
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| format!("line {}: bad head", n + 1))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
        if idx > mwt_end {
            cur.tokens.push(Surface {
                form: cols[1].to_string(),
                words: idx - 1..idx,
            });
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Raw text rebuilt from `# text` lines: sentences joined by a space within a paragraph, paragraphs by a
/// blank line, one string per document.
#[derive(Clone, Debug, Default)]
pub struct RawDoc {
    pub text: String,
    /// Paragraph byte spans.
    pub paragraphs: Vec<(usize, usize)>,
    /// Gold sentence byte spans.
    pub sentences: Vec<(usize, usize)>,
    /// Gold surface-token byte spans ("don't" is one surface token).
    pub tokens: Vec<(usize, usize)>,
    /// Gold syntactic-word byte spans ("do" + "n't"), where a multi-word token's words spell its surface
    /// form; otherwise the surface token's span.
    pub words: Vec<(usize, usize)>,
    /// Index into the sentence list given to [`rebuild`] of each gold sentence.
    pub sentence_index: Vec<usize>,
    pub unaligned_tokens: usize,
}

pub fn rebuild(sentences: &[Sentence]) -> Vec<RawDoc> {
    let mut docs: Vec<RawDoc> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if s.newdoc || docs.is_empty() {
            docs.push(RawDoc::default());
        }
        let d = docs.last_mut().expect("a document exists");
        if s.newpar || d.paragraphs.is_empty() {
            if !d.text.is_empty() {
                d.text.push_str("\n\n");
            }
            d.paragraphs.push((d.text.len(), d.text.len()));
        } else {
            d.text.push(' ');
        }
        let start = d.text.len();
        d.text.push_str(&s.text);
        let end = d.text.len();
        d.sentences.push((start, end));
        d.sentence_index.push(si);
        if let Some(p) = d.paragraphs.last_mut() {
            p.1 = end;
        }
        let mut cursor = start;
        for t in &s.tokens {
            match d.text[cursor..end].find(t.form.as_str()) {
                Some(off) => {
                    let a = cursor + off;
                    d.tokens.push((a, a + t.form.len()));
                    cursor = a + t.form.len();
                    let forms: Vec<&str> = s.words[t.words.clone()]
                        .iter()
                        .map(|w| w.form.as_str())
                        .collect();
                    if forms.len() > 1 && forms.concat() == t.form {
                        let mut w = a;
                        for f in forms {
                            d.words.push((w, w + f.len()));
                            w += f.len();
                        }
                    } else {
                        d.words.push((a, a + t.form.len()));
                    }
                }
                None => d.unaligned_tokens += 1,
            }
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar id = p1\n# sent_id = s1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n# sent_id = s2\n# text = Yes.\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_tokens_and_rebuilds_text() {
        let s = read(SAMPLE.as_bytes()).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].tokens.len(), 4);
        assert_eq!(s[0].tokens[1].words, 1..3);
        assert_eq!(s[0].words[3].head, 0);
        let docs = rebuild(&s);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "I don't know. Yes.");
        assert_eq!(docs[0].sentences, [(0, 13), (14, 18)]);
        assert_eq!(docs[0].tokens[1], (2, 7));
        assert_eq!(docs[0].words[1..3], [(2, 4), (4, 7)]);
        assert_eq!(docs[0].unaligned_tokens, 0);
    }

    #[test]
    fn malformed_line_is_an_error() {
        assert!(read("1\tonly\ttwo\n".as_bytes())
            .unwrap_err()
            .contains("line 1"));
    }
}
