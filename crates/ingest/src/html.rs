//! HTML to document: the main text as paragraphs and headings, `<title>` and date meta tags as metadata.
//!
//! The document text of an HTML page is the text a reader sees, one block per paragraph-like element,
//! blocks separated by a blank line. Scripts, styles, navigation, headers, footers and forms never become
//! text. When the page has an `<article>` or `<main>` element, only that is read.

use dossier_model::{Block, BlockKind, Dct, DctSource, Document, Span};
use scraper::{ElementRef, Html, Node};

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "head", "select", "option", "object", "canvas", "math",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "figcaption",
    "address",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "sailthru.date",
    "parsely-pub-date",
];

struct Builder {
    text: String,
    blocks: Vec<Block>,
    /// Inline text of the block being read, white space collapsed.
    current: String,
    heading: bool,
}

impl Builder {
    fn flush(&mut self) {
        let t = self.current.trim();
        if !t.is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(t);
            let kind = if self.heading {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            self.blocks.push(Block {
                kind,
                span: Span::new(start, self.text.len()),
            });
        }
        self.current.clear();
        self.heading = false;
    }

    fn push_text(&mut self, s: &str) {
        for (i, word) in s.split_whitespace().enumerate() {
            let space_before = i > 0 || s.starts_with(char::is_whitespace);
            if space_before && !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            self.current.push_str(word);
        }
        if s.ends_with(char::is_whitespace)
            && !self.current.is_empty()
            && !self.current.ends_with(' ')
        {
            self.current.push(' ');
        }
    }

    fn walk(&mut self, el: ElementRef<'_>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.push_text(t),
                Node::Element(e) => {
                    let name = e.name();
                    if SKIP.contains(&name) {
                        continue;
                    }
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let is_block = BLOCK.contains(&name);
                    if is_block {
                        self.flush();
                    }
                    let is_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                    self.heading |= is_heading;
                    self.walk(child_el);
                    if is_block {
                        self.flush();
                    }
                }
                _ => {}
            }
        }
    }
}

pub(crate) fn to_document(html: &str) -> Document {
    let page = Html::parse_document(html);
    let root = page.root_element();
    let mut title = None;
    let mut date = None;
    let mut main = None;
    for el in root.descendants().filter_map(ElementRef::wrap) {
        let e = el.value();
        match e.name() {
            "title" if title.is_none() => {
                let t: String = el.text().collect::<Vec<_>>().join(" ");
                let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
                title = (!t.is_empty()).then_some(t);
            }
            "meta" if date.is_none() => {
                let key = e
                    .attr("property")
                    .or(e.attr("name"))
                    .or(e.attr("itemprop"))
                    .unwrap_or("");
                if DATE_META.contains(&key.to_ascii_lowercase().as_str()) {
                    date = e.attr("content").and_then(iso_date_prefix);
                }
            }
            "article" | "main" if main.is_none() => main = Some(el),
            _ => {}
        }
    }
    let mut b = Builder {
        text: String::new(),
        blocks: Vec::new(),
        current: String::new(),
        heading: false,
    };
    b.walk(main.unwrap_or(root));
    b.flush();
    let mut doc = Document::new(b.text);
    doc.blocks = b.blocks;
    doc.meta.title = title;
    if let Some(d) = date {
        doc.meta.dct = Dct {
            value: Some(d),
            source: DctSource::Header,
            bracket: None,
        };
    }
    doc
}

/// `2023-03-28` from `2023-03-28T10:57:00-04:00`.
fn iso_date_prefix(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_without_scripts_and_navigation() {
        let html = r#"<!doctype html><html><head><title> Belarus
            brief </title><meta property="article:published_time" content="2023-01-10T08:00:00Z">
            <script>var x = "NOT TEXT";</script></head><body><nav>Home | About</nav>
            <article><h1>Belarus and Russia</h1><p>On 19 December 2022, <b>Putin</b> visited
            Minsk.<script>alert("no")</script></p><ul><li>First item</li><li>Second</li></ul></article>
            <footer>Copyright</footer></body></html>"#;
        let doc = to_document(html);
        assert_eq!(doc.text, "Belarus and Russia\n\nOn 19 December 2022, Putin visited Minsk.\n\nFirst item\n\nSecond");
        assert_eq!(doc.meta.title.as_deref(), Some("Belarus brief"));
        assert_eq!(doc.meta.dct.value.as_deref(), Some("2023-01-10"));
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
        assert_eq!(doc.blocks.len(), 4);
    }

    #[test]
    fn malformed_html_still_reads() {
        let doc = to_document(
            "<html><body><p>Unclosed <i>italic <p>Next para</div></span><p>Last & final",
        );
        assert_eq!(doc.text, "Unclosed italic\n\nNext para\n\nLast & final");
    }
}
