//! Evaluation on CoNLL-U gold data: with gold tokenization, and with Dossier's own segmentation aligned
//! to the gold words by character span (CoNLL 2018 shared-task style).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use dossier_model::{Block, BlockKind, Document, Span};

use crate::conllu::Sentence;
use crate::Syntax;

/// Match counts for one evaluation setting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub gold_words: usize,
    pub system_words: usize,
    pub aligned_words: usize,
    pub gold_sentences: usize,
    pub system_sentences: usize,
    pub matched_sentences: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    /// Head and full label (with subtype, e.g. `nmod:poss`) correct.
    pub las: usize,
    /// Head and universal label (subtype ignored, as the CoNLL 2018 script does) correct.
    pub las_universal: usize,
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        return 0.0;
    }
    200.0 * correct as f64 / (gold + system) as f64
}

impl Scores {
    /// F1 (equal to accuracy when the tokenization is gold) of a count, in percent.
    pub fn f1(&self, correct: usize) -> f64 {
        f1(correct, self.gold_words, self.system_words)
    }
    pub fn upos_f1(&self) -> f64 {
        self.f1(self.upos)
    }
    pub fn xpos_f1(&self) -> f64 {
        self.f1(self.xpos)
    }
    pub fn lemma_f1(&self) -> f64 {
        self.f1(self.lemma)
    }
    pub fn uas_f1(&self) -> f64 {
        self.f1(self.uas)
    }
    pub fn las_f1(&self) -> f64 {
        self.f1(self.las)
    }
    pub fn las_universal_f1(&self) -> f64 {
        self.f1(self.las_universal)
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "  words      {:6.2}  ({} gold, {} system, {} aligned)",
            self.f1(self.aligned_words),
            self.gold_words,
            self.system_words,
            self.aligned_words
        )?;
        writeln!(
            f,
            "  sentences  {:6.2}  ({} gold, {} system, {} matched)",
            f1(
                self.matched_sentences,
                self.gold_sentences,
                self.system_sentences
            ),
            self.gold_sentences,
            self.system_sentences,
            self.matched_sentences
        )?;
        writeln!(f, "  UPOS       {:6.2}", self.upos_f1())?;
        writeln!(f, "  XPOS       {:6.2}", self.xpos_f1())?;
        writeln!(f, "  lemma      {:6.2}", self.lemma_f1())?;
        writeln!(f, "  UAS        {:6.2}", self.uas_f1())?;
        writeln!(
            f,
            "  LAS        {:6.2}  (universal deprel, as CoNLL 2018 scores it)",
            self.las_universal_f1()
        )?;
        writeln!(f, "  LAS full   {:6.2}  (with subtypes)", self.las_f1())
    }
}

/// Evaluation report for one CoNLL-U file.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub file: String,
    pub gold_tokenization: Scores,
    pub own_segmentation: Scores,
    /// Tag + lemma + parse throughput on gold tokens (one thread).
    pub tokens_per_second: f64,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.file)?;
        writeln!(f, "gold tokenization (accuracy, %):")?;
        write!(f, "{}", self.gold_tokenization)?;
        writeln!(f, "Dossier segmentation (F1 over span-aligned words, %):")?;
        write!(f, "{}", self.own_segmentation)?;
        writeln!(
            f,
            "throughput: {:.0} tokens/s (tag + lemma + parse, per core: thread CPU time)",
            self.tokens_per_second
        )
    }
}

fn universal(l: &str) -> &str {
    l.split(':').next().unwrap_or(l)
}

/// Scores the models on gold tokenization; returns the scores and the tokens/s.
pub fn gold_tokenization(syntax: &Syntax, sents: &[Sentence]) -> (Scores, f64) {
    let mut sc = Scores::default();
    let mut scratch = crate::Scratch::default();
    let mut out = Vec::new();
    let mut secs = 0.0;
    for s in sents {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let t = crate::thread_cpu_seconds();
        syntax.annotate(&words, &mut out, &mut scratch);
        secs += crate::thread_cpu_seconds() - t;
        sc.gold_sentences += 1;
        sc.system_sentences += 1;
        sc.matched_sentences += 1;
        for (w, o) in s.words.iter().zip(&out) {
            sc.gold_words += 1;
            sc.system_words += 1;
            sc.aligned_words += 1;
            sc.upos += (o.upos == w.upos) as usize;
            sc.xpos += (o.xpos == w.xpos) as usize;
            sc.lemma += (o.lemma == w.lemma) as usize;
            if o.head.map(|h| h + 1).unwrap_or(0) == w.head {
                sc.uas += 1;
                sc.las += (o.deprel == w.deprel) as usize;
                sc.las_universal += (universal(&o.deprel) == universal(&w.deprel)) as usize;
            }
        }
    }
    let n = sc.gold_words as f64;
    (sc, if secs > 0.0 { n / secs } else { 0.0 })
}

/// Gold words placed in a raw text rebuilt from the `# text` comments.
struct RawGold {
    text: String,
    paragraphs: Vec<Span>,
    /// Per gold word: its span (None when it cannot be placed on its own) and its global head.
    words: Vec<(Option<Span>, Option<usize>, usize)>,
    sentences: Vec<Span>,
}

fn rebuild(sents: &[Sentence]) -> RawGold {
    let mut text = String::new();
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut par_start = 0;
    let mut words = Vec::new();
    let mut sentences = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let stext = match &s.text {
            Some(t) => t.clone(),
            None => s
                .words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        };
        if si > 0 {
            if s.newpar {
                paragraphs.push(Span::new(par_start, text.len()));
                text.push_str("\n\n");
                par_start = text.len();
            } else {
                text.push(' ');
            }
        }
        let base = text.len();
        text.push_str(&stext);
        let first_word = words.len();
        // Surface tokens: multiword tokens or plain words.
        let mut cursor = 0;
        let mut id = 1;
        while id <= s.words.len() {
            let mw = s.multiwords.iter().find(|m| m.first == id);
            let (surface, last) = match mw {
                Some(m) => (m.form.as_str(), m.last.min(s.words.len())),
                None => (s.words[id - 1].form.as_str(), id),
            };
            let found = stext[cursor..].find(surface).map(|p| cursor + p);
            let span = found.map(|p| Span::new(base + p, base + p + surface.len()));
            if let Some(p) = found {
                cursor = p + surface.len();
            }
            // Words of a multiword token get sub-spans when their forms spell the surface exactly.
            let parts: Vec<&str> = (id..=last).map(|k| s.words[k - 1].form.as_str()).collect();
            let spells = parts.concat() == surface;
            let mut off = 0;
            for (k, part) in (id..=last).zip(&parts) {
                let w = &s.words[k - 1];
                let wspan = match span {
                    Some(sp) if last == id => Some(sp),
                    Some(sp) if spells => {
                        let a = sp.start + off;
                        off += part.len();
                        Some(Span::new(a, a + part.len()))
                    }
                    _ => None,
                };
                let head = (w.head > 0 && w.head <= s.words.len()).then(|| first_word + w.head - 1);
                words.push((wspan, head, first_word + k - 1));
            }
            id = last + 1;
        }
        let spans: Vec<Span> = words[first_word..].iter().filter_map(|w| w.0).collect();
        if let (Some(a), Some(b)) = (spans.first(), spans.last()) {
            sentences.push(Span::new(a.start, b.end));
        }
    }
    paragraphs.push(Span::new(par_start, text.len()));
    RawGold {
        text,
        paragraphs,
        words,
        sentences,
    }
}

/// Scores the whole pipeline from raw text: Dossier's segmenter, then the syntax models, aligned to the
/// gold words by exact character span.
pub fn own_segmentation(syntax: &Syntax, sents: &[Sentence]) -> Scores {
    let gold = rebuild(sents);
    let gw: Vec<&crate::conllu::Word> = sents.iter().flat_map(|s| s.words.iter()).collect();
    let mut doc = Document::new(gold.text.clone());
    doc.blocks = gold
        .paragraphs
        .iter()
        .filter(|p| !p.is_empty())
        .map(|&span| Block {
            kind: BlockKind::Paragraph,
            span,
        })
        .collect();
    dossier_segment::segment(&mut doc);
    syntax.process_doc(&mut doc);
    let mut by_span: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, (span, _, _)) in gold.words.iter().enumerate() {
        if let Some(sp) = span {
            by_span.insert((sp.start, sp.end), i);
        }
    }
    let align: Vec<Option<usize>> = doc
        .tokens
        .iter()
        .map(|t| by_span.get(&(t.span.start, t.span.end)).copied())
        .collect();
    let mut sc = Scores {
        gold_words: gw.len(),
        system_words: doc.tokens.len(),
        gold_sentences: gold.sentences.len(),
        system_sentences: doc.sentences.len(),
        ..Scores::default()
    };
    let gold_sents: std::collections::HashSet<(usize, usize)> =
        gold.sentences.iter().map(|s| (s.start, s.end)).collect();
    for s in &doc.sentences {
        let toks = &doc.tokens[s.tokens.clone()];
        if let (Some(a), Some(b)) = (toks.first(), toks.last()) {
            sc.matched_sentences += gold_sents.contains(&(a.span.start, b.span.end)) as usize;
        }
    }
    for (j, a) in align.iter().enumerate() {
        let Some(g) = *a else { continue };
        let (o, w) = (&doc.syntax[j], gw[g]);
        sc.aligned_words += 1;
        sc.upos += (o.upos == w.upos) as usize;
        sc.xpos += (o.xpos == w.xpos) as usize;
        sc.lemma += (o.lemma == w.lemma) as usize;
        let gold_head = gold.words[g].1;
        let head_ok = match o.head {
            None => gold_head.is_none(),
            Some(h) => gold_head.is_some() && align[h] == gold_head,
        };
        if head_ok {
            sc.uas += 1;
            sc.las += (o.deprel == w.deprel) as usize;
            sc.las_universal += (universal(&o.deprel) == universal(&w.deprel)) as usize;
        }
    }
    sc
}

/// Evaluates the models on a CoNLL-U file (gold tokenization and Dossier's own segmentation).
pub fn conllu(path: &Path, syntax: &Syntax) -> anyhow::Result<Report> {
    let sents = crate::conllu::read(path)?;
    let (gold_tokenization, tokens_per_second) = gold_tokenization(syntax, &sents);
    let own_segmentation = own_segmentation(syntax, &sents);
    Ok(Report {
        file: path.display().to_string(),
        gold_tokenization,
        own_segmentation,
        tokens_per_second,
    })
}
