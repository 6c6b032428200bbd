use serde::{Deserialize, Serialize};

use crate::layers::{Entity, Event, Judgment, Quantity, Statement, Timex};
use crate::Span;

/// Where a document creation time came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DctSource {
    /// Supplied by the user (`--dct`) or by a metadata sidecar.
    Given,
    /// Read from the document itself (a date line, an HTML meta tag).
    Header,
    /// Inferred from the dates the text mentions; see [`Dct::bracket`].
    Inferred,
    #[default]
    Unknown,
}

impl DctSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DctSource::Given => "given",
            DctSource::Header => "header",
            DctSource::Inferred => "inferred",
            DctSource::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Option<DctSource> {
        Some(match s {
            "given" => DctSource::Given,
            "header" => DctSource::Header,
            "inferred" => DctSource::Inferred,
            "unknown" => DctSource::Unknown,
            _ => return None,
        })
    }
}

/// Document creation time: an ISO date (`YYYY-MM-DD`, or coarser such as `2023-01`), with provenance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dct {
    pub value: Option<String>,
    pub source: DctSource,
    /// For inferred DCTs: the earliest and latest dates the document can have been written on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bracket: Option<(String, String)>,
}

impl Dct {
    pub fn given(value: impl Into<String>) -> Dct {
        Dct {
            value: Some(value.into()),
            source: DctSource::Given,
            bracket: None,
        }
    }
}

/// Document metadata. `id` is the content hash of `text` ([`crate::content_id`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: Option<String>,
    /// Where the text came from: a path, a URL, `stdin`, or an id given in batch input.
    pub source: Option<String>,
    pub dct: Dct,
    /// Publisher or author, when known (from a sidecar or HTML meta tag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Licence note for redistributed documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
}

/// A layout block: the title line, a heading, or a paragraph. A document's blocks are in text order and do
/// not overlap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// A sentence; `tokens` indexes [`Document::tokens`] (half-open).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<usize>,
}

/// A token. Syntax (tags, lemma, head) lives in the parallel [`Document::syntax`] layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
}

/// A label from a small closed set (a part-of-speech tag, a dependency relation). An annotator borrows it
/// from its model's label set ([`intern`]), so labelling a token allocates nothing; a label read back from
/// JSON is owned.
pub type Label = std::borrow::Cow<'static, str>;

/// The process-wide copy of `s`: equal strings give the same `&'static str`. For the label sets of
/// models, which are loaded once or a few times: every distinct string is kept until the process ends.
pub fn intern(s: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static SET: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set = SET
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&x) = set.get(s) {
        return x;
    }
    let x: &'static str = Box::leak(s.into());
    set.insert(x);
    x
}

/// Linguistic annotation of one token, filled by the syntax component (parallel to `tokens`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenSyntax {
    pub upos: Label,
    pub xpos: Label,
    pub lemma: String,
    /// Index of the head token in [`Document::tokens`]; `None` for the sentence root.
    pub head: Option<usize>,
    pub deprel: Label,
}

/// One document with all its layers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Meta,
    pub text: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Empty until the syntax component runs; then `syntax.len() == tokens.len()`.
    pub syntax: Vec<TokenSyntax>,
    pub timexes: Vec<Timex>,
    pub entities: Vec<Entity>,
    pub quantities: Vec<Quantity>,
    pub events: Vec<Event>,
    pub statements: Vec<Statement>,
    pub judgments: Vec<Judgment>,
    /// Problems met while reading or annotating (lossy decoding, a component that gave up, …).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with no layers; `id` is computed from `text`.
    pub fn new(text: impl Into<String>) -> Document {
        let text = text.into();
        let id = crate::content_id(&text);
        Document {
            meta: Meta {
                id,
                ..Meta::default()
            },
            text,
            ..Document::default()
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The sentence containing byte offset `pos`, by binary search.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }
}
