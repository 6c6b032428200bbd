//! Part-of-speech tagging (UPOS + Penn XPOS), lemmatization and dependency parsing for Dossier.
//!
//! Three statistical components, all pure Rust and trained here from UD English-EWT (see
//! `resources/models/en-ewt/README.md`):
//! - [`Tagger`]: greedy left-to-right averaged-perceptron tagger over joint UPOS+XPOS classes, with
//!   headline-aware case features (Title-Case lines do not derail it);
//! - [`lemma::Lemmatizer`]: lookup table plus suffix-rewrite rules per XPOS;
//! - [`Parser`]: greedy arc-eager dependency parser, averaged perceptron with rich non-local features,
//!   trained with a dynamic oracle.
//!
//! Features are hashed into 64-bit keys and looked up in a compact open-addressing table, so tagging and
//! parsing allocate nothing per token once the scratch buffers have grown. [`SyntaxComponent`] fills
//! [`dossier_model::Document::syntax`].

pub mod conllu;
pub mod eval;
pub mod hash;
pub mod io;
pub mod lemma;
pub mod parser;
pub mod perceptron;
mod table;
pub mod tagger;

use std::borrow::Cow;
use std::sync::OnceLock;

use dossier_model::{Component, Document, Label, Sentence, TokenSyntax};

pub use parser::{tag_key, train_parser, ParseScratch, Parser, ParserOptions};
pub use tagger::{train_tagger, TagScratch, Tagger, TaggerOptions};

/// The tagger + lemmatizer model shipped in the binary (CC BY-SA 4.0, see the folder's README).
pub static TAGGER_MODEL: &[u8] = include_bytes!("../../../resources/models/en-ewt/tagger.bin");
/// The parser model shipped in the binary (CC BY-SA 4.0).
pub static PARSER_MODEL: &[u8] = include_bytes!("../../../resources/models/en-ewt/parser.bin");

/// Tagger, lemmatizer and parser together.
pub struct Syntax {
    pub tagger: Tagger,
    pub parser: Parser,
    /// [`tag_key`] of each tagger class, computed once.
    tag_keys: Vec<u64>,
    /// The UPOS and XPOS of each tagger class and the name of each parser label (then `dep`, for a label
    /// id the parser does not know), interned so that labelling a token allocates nothing.
    upos: Vec<&'static str>,
    xpos: Vec<&'static str>,
    deprels: Vec<&'static str>,
}

/// Reusable buffers for [`Syntax::annotate`].
#[derive(Default)]
pub struct Scratch {
    tag: TagScratch,
    parse: ParseScratch,
    classes: Vec<u16>,
    tags: Vec<u64>,
    heads: Vec<Option<usize>>,
    labels: Vec<u8>,
    /// Lemmas by (form, tag class, sentence start): the lemmatizer's rules cost more than a lookup, and
    /// most words recur.
    lemmas: perceptron::KeyMap<Box<str>>,
    /// The tagger whose lemmas `lemmas` holds.
    lemmas_owner: u64,
}

/// Lemmas kept per thread before the cache starts over (a few MB).
const LEMMA_CACHE_MAX: usize = 50_000;

/// Runs `f` with this thread's scratch buffers, so the tagger's per-word score caches carry over from one
/// document to the next (most words of a report recur in the next).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    thread_local! {
        static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
    }
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        // Re-entered on this thread (not done by the pipeline): use fresh buffers.
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Maps typographic quotes and dashes to the ASCII forms the treebank mostly uses.
pub fn normalize(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        return Cow::Borrowed(w);
    }
    let mapped = |c: char| match c {
        '‘' | '’' | '‛' | '′' => Some("'"),
        '“' | '”' | '„' | '″' | '«' | '»' => Some("\""),
        '—' | '―' => Some("--"),
        '–' => Some("-"),
        '…' => Some("..."),
        _ => None,
    };
    if !w.chars().any(|c| mapped(c).is_some()) {
        return Cow::Borrowed(w);
    }
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        match mapped(c) {
            Some(r) => s.push_str(r),
            None => s.push(c),
        }
    }
    Cow::Owned(s)
}

/// Replaces the contents of `dst` without giving up its buffer.
fn set(dst: &mut String, src: &str) {
    dst.clear();
    dst.push_str(src);
}

impl Syntax {
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> anyhow::Result<Syntax> {
        let tagger = Tagger::from_bytes(tagger)?;
        let tag_keys = tagger
            .upos
            .iter()
            .zip(&tagger.xpos)
            .map(|(u, x)| tag_key(u, x))
            .collect();
        let parser = Parser::from_bytes(parser)?;
        let interned = |v: &[String]| v.iter().map(|l| dossier_model::intern(l)).collect();
        let mut deprels: Vec<&'static str> = interned(&parser.labels);
        deprels.push("dep");
        Ok(Syntax {
            upos: interned(&tagger.upos),
            xpos: interned(&tagger.xpos),
            deprels,
            tagger,
            parser,
            tag_keys,
        })
    }

    /// Loads the models embedded in the binary.
    pub fn embedded() -> anyhow::Result<Syntax> {
        Syntax::from_bytes(TAGGER_MODEL, PARSER_MODEL)
    }

    /// The embedded models, loaded once per process.
    pub fn shared() -> Result<&'static Syntax, &'static str> {
        static CELL: OnceLock<Result<Syntax, String>> = OnceLock::new();
        CELL.get_or_init(|| Syntax::embedded().map_err(|e| format!("syntax models: {e}")))
            .as_ref()
            .map_err(|e| e.as_str())
    }

    /// Tags, lemmatizes and parses one sentence; `out[i].head` is an index into `words`.
    pub fn annotate<S: AsRef<str>>(
        &self,
        words: &[S],
        out: &mut Vec<TokenSyntax>,
        scratch: &mut Scratch,
    ) {
        self.annotate_with(words, true, out, scratch)
    }

    /// Like [`Self::annotate`]; with `parse == false` only tags and lemmas are filled (every `head` is
    /// `None` and every `deprel` empty).
    pub fn annotate_with<S: AsRef<str>>(
        &self,
        words: &[S],
        parse: bool,
        out: &mut Vec<TokenSyntax>,
        scratch: &mut Scratch,
    ) {
        let norm: Vec<Cow<str>> = words.iter().map(|w| normalize(w.as_ref())).collect();
        self.tagger
            .tag(&norm, &mut scratch.classes, &mut scratch.tag);
        if parse {
            scratch.tags.clear();
            scratch
                .tags
                .extend(scratch.classes.iter().map(|&c| self.tag_keys[c as usize]));
            self.parse_scratch_tags(&norm, scratch);
        }
        // Overwrite the previous call's entries in place, so their string buffers are reused.
        out.truncate(norm.len());
        out.resize_with(norm.len(), TokenSyntax::default);
        for (i, (w, o)) in norm.iter().zip(out.iter_mut()).enumerate() {
            let c = scratch.classes[i] as usize;
            let xpos = self.xpos[c];
            o.upos = Label::Borrowed(self.upos[c]);
            o.xpos = Label::Borrowed(xpos);
            let key = hash::mix(hash::hash_str(w), 2 * c as u64 + (i == 0) as u64);
            if scratch.lemmas.len() >= LEMMA_CACHE_MAX || scratch.lemmas_owner != self.tagger.id() {
                scratch.lemmas_owner = self.tagger.id();
                scratch.lemmas.clear();
            }
            let l = scratch.lemmas.entry(key).or_insert_with(|| {
                self.tagger
                    .lemmatizer
                    .lemma(w, xpos, i == 0)
                    .into_boxed_str()
            });
            // Keep typographic characters when the lemma is the (normalised) form itself.
            if matches!(w, Cow::Owned(_)) && **l == **w {
                set(&mut o.lemma, words[i].as_ref());
            } else {
                set(&mut o.lemma, l);
            }
            if parse {
                o.head = scratch.heads[i];
                o.deprel = self.deprel(scratch.labels[i]);
            } else {
                o.head = None;
                o.deprel = Label::Borrowed("");
            }
        }
    }

    /// Parses one sentence that is already tagged: `syntax[i]` holds the tags of `words[i]` (as
    /// [`Self::annotate_with`] left them); fills `head` (an index into `words`) and `deprel`. Gives the
    /// same relations as [`Self::annotate`], so tagging and parsing may run as separate pipeline stages.
    pub fn parse_tagged<S: AsRef<str>>(
        &self,
        words: &[S],
        syntax: &mut [TokenSyntax],
        scratch: &mut Scratch,
    ) {
        if words.len() != syntax.len() {
            return;
        }
        let norm: Vec<Cow<str>> = words.iter().map(|w| normalize(w.as_ref())).collect();
        scratch.tags.clear();
        scratch
            .tags
            .extend(syntax.iter().map(|t| tag_key(&t.upos, &t.xpos)));
        self.parse_scratch_tags(&norm, scratch);
        for (i, o) in syntax.iter_mut().enumerate() {
            o.head = scratch.heads[i];
            o.deprel = self.deprel(scratch.labels[i]);
        }
    }

    /// The name of parser label `l` (as [`Parser::label_name`]).
    fn deprel(&self, l: u8) -> Label {
        Label::Borrowed(self.deprels[(l as usize).min(self.deprels.len() - 1)])
    }

    /// Parses `norm` with the tag keys in `scratch.tags` into `scratch.heads` and `scratch.labels`.
    fn parse_scratch_tags(&self, norm: &[Cow<str>], scratch: &mut Scratch) {
        self.parser.parse(
            norm,
            &scratch.tags,
            &mut scratch.heads,
            &mut scratch.labels,
            &mut scratch.parse,
        );
    }

    /// Annotates every sentence of `doc` (which must be segmented); heads become document token indices.
    pub fn process_doc(&self, doc: &mut Document) {
        self.process_doc_with(doc, |_, _| true)
    }

    /// Parses the sentences of a tagged `doc` (see [`SyntaxComponent::tagging_only`]) whose entry in
    /// `select` is true (all when `select` is `None`); heads become document token indices.
    pub fn parse_doc(&self, doc: &mut Document, select: Option<&[bool]>) {
        if doc.syntax.len() != doc.tokens.len() {
            return;
        }
        with_scratch(|scratch| {
            for (k, s) in doc.sentences.iter().enumerate() {
                let range = s.tokens.clone();
                if range.end > doc.tokens.len()
                    || range.is_empty()
                    || !select.is_none_or(|m| m.get(k).copied().unwrap_or(false))
                {
                    continue;
                }
                let words: Vec<&str> = doc.tokens[range.clone()]
                    .iter()
                    .map(|t| doc.text.get(t.span.start..t.span.end).unwrap_or(""))
                    .collect();
                let syntax = &mut doc.syntax[range.clone()];
                self.parse_tagged(&words, syntax, scratch);
                for t in syntax {
                    t.head = t.head.map(|h| h + range.start);
                }
            }
        })
    }

    /// Tags every sentence of `doc` and parses those for which `parse(doc, sentence)` is true.
    pub fn process_doc_with(
        &self,
        doc: &mut Document,
        parse: impl Fn(&Document, &Sentence) -> bool,
    ) {
        let mut syntax = vec![TokenSyntax::default(); doc.tokens.len()];
        let mut out = Vec::new();
        with_scratch(|scratch| {
            for s in &doc.sentences {
                let range = s.tokens.clone();
                if range.end > doc.tokens.len() || range.is_empty() {
                    continue;
                }
                let words: Vec<&str> = doc.tokens[range.clone()]
                    .iter()
                    .map(|t| doc.slice(t.span))
                    .collect();
                self.annotate_with(&words, parse(doc, s), &mut out, scratch);
                for (k, mut ts) in out.drain(..).enumerate() {
                    ts.head = ts.head.map(|h| h + range.start);
                    syntax[range.start + k] = ts;
                }
            }
        });
        doc.syntax = syntax;
    }
}

/// Chooses the sentences of a tagged document that a pipeline needs parsed (one flag per sentence);
/// see [`ParseComponent::selecting`].
pub type ParseFilter = fn(&Document) -> Vec<bool>;

/// The pipeline component that fills `doc.syntax` (run it right after segmentation): every token gets
/// its tags and lemma and, unless built with [`Self::tagging_only`], every sentence its dependencies.
#[derive(Default)]
pub struct SyntaxComponent {
    tag_only: bool,
}

impl SyntaxComponent {
    /// Tags and parses every sentence.
    pub fn new() -> SyntaxComponent {
        SyntaxComponent::default()
    }

    /// Tags and lemmatizes only (`head` `None`, empty `deprel`); a later [`ParseComponent`] adds the
    /// dependencies. Parsing costs about four times as much as tagging, and the other annotators read
    /// only tags and lemmas, so a pipeline can parse late and only where dependencies are read.
    pub fn tagging_only() -> SyntaxComponent {
        SyntaxComponent { tag_only: true }
    }
}

impl Component for SyntaxComponent {
    fn name(&self) -> &'static str {
        "syntax"
    }
    fn process(&self, doc: &mut Document) {
        guarded(doc, "syntax: annotation failed", |s, doc| {
            s.process_doc_with(doc, |_, _| !self.tag_only)
        })
    }
}

/// The pipeline component that adds dependencies to a document tagged by
/// [`SyntaxComponent::tagging_only`]: every sentence, or those a [`ParseFilter`] selects (the others
/// keep `head` `None` and an empty `deprel`).
#[derive(Default)]
pub struct ParseComponent {
    filter: Option<ParseFilter>,
}

impl ParseComponent {
    /// Parses every sentence.
    pub fn new() -> ParseComponent {
        ParseComponent::default()
    }

    /// Parses only the sentences `filter` selects. The filter sees every layer added so far, so it can
    /// be as precise as the one consumer of dependencies (e.g. the event coder's trigger finder).
    pub fn selecting(filter: ParseFilter) -> ParseComponent {
        ParseComponent {
            filter: Some(filter),
        }
    }
}

impl Component for ParseComponent {
    fn name(&self) -> &'static str {
        "parse"
    }
    fn process(&self, doc: &mut Document) {
        let select = self.filter.map(|f| f(doc));
        guarded(doc, "parse: annotation failed", |s, doc| {
            s.parse_doc(doc, select.as_deref())
        })
    }
}

/// Runs `f` with the shared models; a load failure or a panic becomes a warning (and no syntax layer).
fn guarded(doc: &mut Document, failure: &str, f: impl FnOnce(&Syntax, &mut Document)) {
    match Syntax::shared() {
        Ok(s) => {
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(s, doc)));
            if r.is_err() {
                doc.syntax.clear();
                doc.warnings.push(failure.to_string());
            }
        }
        Err(e) => doc.warnings.push(e.to_string()),
    }
}

/// CPU time consumed by the calling thread, in seconds (wall-clock time on non-Linux systems). Benchmarks
/// use it so that other processes competing for the cores do not distort per-core throughput.
pub fn thread_cpu_seconds() -> f64 {
    #[cfg(target_os = "linux")]
    {
        #[repr(C)]
        struct Timespec {
            sec: i64,
            nsec: i64,
        }
        extern "C" {
            fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
        }
        let mut ts = Timespec { sec: 0, nsec: 0 };
        // SAFETY: valid out-pointer; 3 = CLOCK_THREAD_CPUTIME_ID.
        if unsafe { clock_gettime(3, &mut ts) } == 0 {
            return ts.sec as f64 + ts.nsec as f64 * 1e-9;
        }
    }
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
}

/// The shared evaluation data folder (`…/shared/eval`), looked up beside the checkout (as in CI) and in
/// the ancestors of this crate; `None` when absent.
pub fn shared_eval_dir() -> Option<std::path::PathBuf> {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|a| a.join("shared").join("eval"))
        .find(|p| p.is_dir())
}

/// Path of an UD English-EWT split (`train`, `dev`, `test`) in the shared data, if present.
pub fn ewt_path(split: &str) -> Option<std::path::PathBuf> {
    let p = shared_eval_dir()?
        .join("corpora/ud-en-ewt")
        .join(format!("en_ewt-ud-{split}.conllu"));
    p.is_file().then_some(p)
}

/// Renders the tokens and syntax of a segmented, annotated document as CoNLL-U (1-based ids per
/// sentence; FEATS, DEPS and MISC left empty).
pub fn to_conllu(doc: &Document) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for s in &doc.sentences {
        let _ = writeln!(out, "# text = {}", doc.slice(s.span).replace('\n', " "));
        for i in s.tokens.clone() {
            let form = doc.slice(doc.tokens[i].span);
            let (upos, xpos, lemma, head, deprel) = match doc.syntax.get(i) {
                Some(t) => (
                    &*t.upos,
                    &*t.xpos,
                    t.lemma.as_str(),
                    // A sentence that was only tagged has no relations: `_` in both columns.
                    match (t.head, t.deprel.is_empty()) {
                        (_, true) => "_".to_string(),
                        (Some(h), false) => (h + 1 - s.tokens.start).to_string(),
                        (None, false) => "0".to_string(),
                    },
                    if t.deprel.is_empty() { "_" } else { &*t.deprel },
                ),
                None => ("_", "_", "_", "_".to_string(), "_"),
            };
            let _ = writeln!(
                out,
                "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{deprel}\t_\t_",
                i + 1 - s.tokens.start
            );
        }
        out.push('\n');
    }
    out
}
