//! Ingest: turns bytes from files, directories, stdin or HTML into [`Document`]s.
//!
//! This stage decides what the document text *is* (plain text and Markdown are kept byte for byte; HTML
//! is reduced to its main text), finds the layout blocks (title, headings, paragraphs) and reads the
//! metadata it can see: an HTML `<title>` and date meta tags, a date line at the top, or a
//! `NAME.meta.json` sidecar next to a file. It never annotates language; that is the pipeline's job.

mod html;
mod layout;

use std::fs;
use std::path::{Path, PathBuf};

use dossier_model::{Dct, DctSource, Document};
use serde::Deserialize;

pub use layout::{find_blocks, header_date};

/// Largest document accepted by default (bytes). Larger inputs are refused with [`IngestError::TooLarge`].
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{source_name}: empty document")]
    Empty { source_name: String },
    #[error("{source_name}: not a text document (binary content)")]
    Binary { source_name: String },
    #[error("{source_name}: {size} bytes exceeds the size limit of {limit} bytes (raise it with --max-bytes)")]
    TooLarge {
        source_name: String,
        size: u64,
        limit: usize,
    },
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{path}: bad metadata sidecar: {error}")]
    Sidecar { path: String, error: String },
}

/// How to read input bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// Guesses the format from a file name and the first bytes.
    pub fn detect(name: &str, bytes: &[u8]) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return Format::Html;
        }
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            return Format::Markdown;
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)])
            .trim_start()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    pub max_bytes: usize,
    /// A DCT that overrides whatever the document says (`--dct`).
    pub dct: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            dct: None,
        }
    }
}

/// Optional metadata next to a file: `report.txt.meta.json`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub dct: Option<String>,
    pub url: Option<String>,
    pub licence: Option<String>,
}

/// Builds a document from raw bytes.
///
/// Refuses empty input and binary input (any NUL byte). Invalid UTF-8 is decoded with U+FFFD replacement
/// and a warning in `doc.warnings`, so a mostly-good file is not lost. Text that is not in Unicode NFC is
/// kept as is (normalizing would move byte offsets away from the original), with a warning.
pub fn from_bytes(
    bytes: &[u8],
    source_name: &str,
    format: Format,
    opts: &Options,
) -> Result<Document, IngestError> {
    if bytes.len() > opts.max_bytes {
        return Err(IngestError::TooLarge {
            source_name: source_name.into(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    if bytes.contains(&0) {
        return Err(IngestError::Binary {
            source_name: source_name.into(),
        });
    }
    let mut warnings = Vec::new();
    let decoded = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes);
            let bad = s.matches('\u{FFFD}').count();
            warnings.push(format!(
                "invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"
            ));
            s
        }
    };
    let decoded = decoded.strip_prefix('\u{FEFF}').unwrap_or(&decoded);
    if decoded.trim().is_empty() {
        return Err(IngestError::Empty {
            source_name: source_name.into(),
        });
    }
    let mut doc = match format {
        Format::Html => html::to_document(decoded),
        Format::Text | Format::Markdown => {
            let mut doc = Document::new(decoded);
            doc.blocks = find_blocks(&doc.text, format == Format::Markdown);
            doc
        }
    };
    if doc.text.trim().is_empty() {
        return Err(IngestError::Empty {
            source_name: source_name.into(),
        });
    }
    if !unicode_normalization::is_nfc(&doc.text) {
        warnings.push(
            "text is not in Unicode NFC; kept unnormalized so offsets match the original".into(),
        );
    }
    doc.warnings.extend(warnings);
    doc.meta.source = Some(source_name.to_string());
    if doc.meta.title.is_none() {
        doc.meta.title = doc
            .blocks
            .iter()
            .find(|b| b.kind == dossier_model::BlockKind::Title)
            .map(|b| doc.slice(b.span).trim_start_matches('#').trim().to_string());
    }
    if doc.meta.dct.value.is_none() {
        if let Some(date) = header_date(&doc) {
            doc.meta.dct = Dct {
                value: Some(date),
                source: DctSource::Header,
                bracket: None,
            };
        }
    }
    if let Some(dct) = &opts.dct {
        doc.meta.dct = Dct::given(dct.clone());
    }
    Ok(doc)
}

/// Reads text from stdin-like input already in memory (plain text).
pub fn from_text(text: &str, source_name: &str, opts: &Options) -> Result<Document, IngestError> {
    from_bytes(text.as_bytes(), source_name, Format::Text, opts)
}

/// Reads one file, applying its sidecar metadata if present.
pub fn read_file(path: &Path, opts: &Options) -> Result<Document, IngestError> {
    let io = |error| IngestError::Io {
        path: path.display().to_string(),
        error,
    };
    let size = fs::metadata(path).map_err(io)?.len();
    if size > opts.max_bytes as u64 {
        return Err(IngestError::TooLarge {
            source_name: path.display().to_string(),
            size,
            limit: opts.max_bytes,
        });
    }
    let bytes = fs::read(path).map_err(io)?;
    let name = path.display().to_string();
    let mut doc = from_bytes(&bytes, &name, Format::detect(&name, &bytes), opts)?;
    if let Some(sidecar) = read_sidecar(path)? {
        apply_sidecar(&mut doc, sidecar);
        if let Some(dct) = &opts.dct {
            doc.meta.dct = Dct::given(dct.clone());
        }
    }
    Ok(doc)
}

fn sidecar_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".meta.json");
    PathBuf::from(name)
}

fn read_sidecar(path: &Path) -> Result<Option<Sidecar>, IngestError> {
    let sc = sidecar_path(path);
    match fs::read_to_string(&sc) {
        Ok(s) => parse_sidecar(&s)
            .map(Some)
            .map_err(|error| IngestError::Sidecar {
                path: sc.display().to_string(),
                error,
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(IngestError::Io {
            path: sc.display().to_string(),
            error,
        }),
    }
}

pub fn parse_sidecar(json: &str) -> Result<Sidecar, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// Applies sidecar metadata: it is the publisher's own record, so it wins over what ingest guessed.
pub fn apply_sidecar(doc: &mut Document, sc: Sidecar) {
    if sc.title.is_some() {
        doc.meta.title = sc.title;
    }
    if sc.publisher.is_some() {
        doc.meta.publisher = sc.publisher;
    }
    if let Some(dct) = sc.dct {
        doc.meta.dct = Dct::given(dct);
    }
    if sc.licence.is_some() {
        doc.meta.licence = sc.licence;
    }
    if let Some(url) = sc.url {
        doc.meta.source = Some(url);
    }
}

/// Whether a directory entry looks like a document to ingest.
fn is_document_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.ends_with(".meta.json") {
        return false;
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        None => true,
        Some(ext) => matches!(
            ext.as_str(),
            "txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml"
        ),
    }
}

/// Lists the document files under `path` (itself if it is a file), recursively, in name order.
pub fn list_files(path: &Path) -> Result<Vec<PathBuf>, IngestError> {
    fn io(p: &Path) -> impl Fn(std::io::Error) -> IngestError + '_ {
        move |error| IngestError::Io {
            path: p.display().to_string(),
            error,
        }
    }
    let meta = fs::metadata(path).map_err(io(path))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(io(&dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if p.is_dir() {
                if !hidden {
                    stack.push(p);
                }
            } else if is_document_file(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::BlockKind;

    const SEED_HEAD: &str = "Belarus And Russia Move to The Next Stage Of Integration\nIn December 2022, Belarus and Russia agreed to create a “common defence space”. The talks also concerned gas prices.\nOn 19 December 2022, Vladimir Putin paid his first visit to Minsk.\nArrangements in the Area of Security\nDuring Putin’s visit to Minsk, the creation of a space was announced.";

    #[test]
    fn seed_layout_title_headings_paragraphs() {
        let doc = from_text(SEED_HEAD, "seed", &Options::default()).unwrap();
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(kinds, [Title, Paragraph, Paragraph, Heading, Paragraph]);
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Belarus And Russia Move to The Next Stage Of Integration")
        );
        assert_eq!(
            doc.slice(doc.blocks[3].span),
            "Arrangements in the Area of Security"
        );
        assert_eq!(doc.meta.dct.source, DctSource::Unknown);
    }

    #[test]
    fn text_is_never_rewritten() {
        let text = "Title line\r\n\r\nA paragraph that is\r\nhard wrapped.\r\n";
        let doc = from_text(text, "t", &Options::default()).unwrap();
        assert_eq!(doc.text, text);
        assert_eq!(
            doc.slice(doc.blocks[1].span),
            "A paragraph that is\r\nhard wrapped."
        );
    }

    #[test]
    fn refuses_empty_and_binary() {
        let o = Options::default();
        assert!(matches!(
            from_bytes(b"", "e", Format::Text, &o),
            Err(IngestError::Empty { .. })
        ));
        assert!(matches!(
            from_bytes(b"  \n\t", "e", Format::Text, &o),
            Err(IngestError::Empty { .. })
        ));
        let err = from_bytes(b"PK\x03\x04\x00\x00binary", "b.zip", Format::Text, &o).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.zip: not a text document (binary content)"
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let doc = from_bytes(
            b"Caf\xe9 in Minsk.",
            "latin1.txt",
            Format::Text,
            &Options::default(),
        )
        .unwrap();
        assert_eq!(doc.text, "Caf\u{FFFD} in Minsk.");
        assert!(doc.warnings[0].contains("invalid UTF-8"));
    }

    #[test]
    fn size_limit() {
        let o = Options {
            max_bytes: 10,
            dct: None,
        };
        let err = from_bytes(b"0123456789abc", "big", Format::Text, &o).unwrap_err();
        assert!(err.to_string().contains("exceeds the size limit"));
    }

    #[test]
    fn header_date_line_sets_dct() {
        let doc = from_text(
            "Statement on Belarus\nAugust 9, 2021\nToday I signed an order.",
            "s",
            &Options::default(),
        )
        .unwrap();
        assert_eq!(doc.meta.dct.value.as_deref(), Some("2021-08-09"));
        assert_eq!(doc.meta.dct.source, DctSource::Header);
        let doc = from_text(
            "Portal:Current events/2023 March 25\n\nA thing happened.",
            "p",
            &Options::default(),
        )
        .unwrap();
        assert_eq!(doc.meta.dct.value.as_deref(), Some("2023-03-25"));
        let o = Options {
            dct: Some("2020-01-01".into()),
            ..Options::default()
        };
        let doc = from_text("Statement\nAugust 9, 2021\nText.", "s", &o).unwrap();
        assert_eq!(doc.meta.dct, Dct::given("2020-01-01"));
    }

    #[test]
    fn sidecar_overrides() {
        let mut doc = from_text("Some title\nBody text.", "x", &Options::default()).unwrap();
        apply_sidecar(
            &mut doc,
            parse_sidecar(r#"{"title":"T","publisher":"PISM","dct":"2023-01-10"}"#).unwrap(),
        );
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.dct, Dct::given("2023-01-10"));
        assert!(parse_sidecar(r#"{"titel":"typo"}"#).is_err());
    }
}
