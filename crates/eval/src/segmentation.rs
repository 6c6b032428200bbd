//! Segmentation quality against a CoNLL-U treebank: sentence-boundary and token F1 on exact byte spans
//! of raw text rebuilt from `# text` lines (paragraphs from `# newpar`).

use std::fmt;

use dossier_model::{Block, BlockKind, Document, Span};

use crate::conllu::{rebuild, Sentence};
use crate::Prf;

#[derive(Clone, Debug, Default)]
pub struct Report {
    pub documents: usize,
    pub sentences: Prf,
    pub tokens: Prf,
    pub words: Prf,
    pub unaligned_gold_tokens: usize,
}

pub fn evaluate(sentences: &[Sentence]) -> Report {
    let mut r = Report::default();
    for raw in rebuild(sentences) {
        let mut doc = Document::new(raw.text.clone());
        doc.blocks = raw
            .paragraphs
            .iter()
            .map(|&(a, b)| Block {
                kind: BlockKind::Paragraph,
                span: Span::new(a, b),
            })
            .collect();
        dossier_segment::segment(&mut doc);
        let sys_s: Vec<(usize, usize)> = doc
            .sentences
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        let sys_t: Vec<(usize, usize)> = doc
            .tokens
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        r.sentences.add(Prf::from_sets(&sys_s, &raw.sentences));
        r.tokens.add(Prf::from_sets(&sys_t, &raw.tokens));
        r.words.add(Prf::from_sets(&sys_t, &raw.words));
        r.unaligned_gold_tokens += raw.unaligned_tokens;
        r.documents += 1;
    }
    r
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "documents  {}", self.documents)?;
        writeln!(f, "sentences  {}", self.sentences)?;
        writeln!(
            f,
            "tokens     {}  (surface tokens: \"don't\" is one)",
            self.tokens
        )?;
        writeln!(
            f,
            "words      {}  (syntactic words: \"do\" + \"n't\"; Dossier's tokens are words)",
            self.words
        )?;
        write!(
            f,
            "gold tokens not found in the text: {}",
            self.unaligned_gold_tokens
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_on_simple_text() {
        let src = "# newdoc\n# text = It rained.\n1\tIt\tit\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\trained\train\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n# text = Then it stopped.\n1\tThen\tthen\tADV\tRB\t_\t3\tadvmod\t_\t_\n2\tit\tit\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n3\tstopped\tstop\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = crate::conllu::read(src.as_bytes()).unwrap();
        let r = evaluate(&s);
        assert_eq!(r.sentences.f1(), 1.0);
        assert_eq!(r.tokens.f1(), 1.0);
        assert_eq!(r.words.f1(), 1.0);
    }
}
