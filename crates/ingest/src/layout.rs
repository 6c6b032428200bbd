//! Layout of plain text and Markdown: the title, headings and paragraphs, as byte spans.

use dossier_model::{Block, BlockKind, Document, Span};

/// Longest line (bytes) that can be a heading; titles may be longer.
const MAX_HEADING_BYTES: usize = 100;
const MAX_HEADING_WORDS: usize = 14;
const MAX_TITLE_BYTES: usize = 300;

struct Line {
    span: Span,
    blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let raw = &text[start..start + piece.len()];
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        out.push(Line {
            span,
            blank: trimmed.is_empty(),
        });
        start += piece.len();
    }
    out
}

fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', '!', '?', ':', ';', '…', '"', '”', '’', ')'])
}

fn is_bullet(s: &str) -> bool {
    s.starts_with("- ") || s.starts_with("* ") || s.starts_with("• ") || {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && s[digits..].starts_with(". ")
    }
}

/// A line short enough, unpunctuated and capitalized like a heading.
fn heading_shaped(s: &str) -> bool {
    s.len() <= MAX_HEADING_BYTES
        && s.split_whitespace().count() <= MAX_HEADING_WORDS
        && !s.ends_with(['.', ',', ';', '!', '?', '…', '"', '”'])
        && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Finds title, heading and paragraph blocks.
///
/// Paragraphs end at blank lines and at line breaks after sentence-final punctuation (one paragraph per
/// line, as in the seed brief); hard-wrapped lines are joined. A short unpunctuated line standing between
/// paragraphs is a heading; the first block is the title when it is unpunctuated and not too long.
pub fn find_blocks(text: &str, markdown: bool) -> Vec<Block> {
    let lines = lines(text);
    let mut blocks: Vec<Block> = Vec::new();
    let mut para: Option<Span> = None;
    let flush = |para: &mut Option<Span>, blocks: &mut Vec<Block>| {
        if let Some(span) = para.take() {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                span,
            });
        }
    };
    for (i, line) in lines.iter().enumerate() {
        if line.blank {
            flush(&mut para, &mut blocks);
            continue;
        }
        let s = line.span.text(text);
        let next = lines
            .get(i + 1)
            .filter(|l| !l.blank)
            .map(|l| l.span.text(text));
        let at_boundary = para.is_none();
        let next_starts_block = next.is_none_or(|n| n.starts_with(|c: char| !c.is_lowercase()));
        let md_heading = markdown && s.starts_with('#');
        if md_heading || (at_boundary && next_starts_block && heading_shaped(s)) {
            flush(&mut para, &mut blocks);
            blocks.push(Block {
                kind: BlockKind::Heading,
                span: line.span,
            });
            continue;
        }
        if is_bullet(s) {
            flush(&mut para, &mut blocks);
        }
        para = Some(match para {
            Some(p) => p.cover(line.span),
            None => line.span,
        });
        if ends_sentence(s) && next_starts_block {
            flush(&mut para, &mut blocks);
        }
    }
    flush(&mut para, &mut blocks);
    // A trailing heading-shaped line ("Thank you") is a paragraph, not a heading of nothing.
    if blocks.len() > 1 {
        if let Some(last) = blocks.last_mut() {
            if last.kind == BlockKind::Heading
                && !(markdown && last.span.text(text).starts_with('#'))
            {
                last.kind = BlockKind::Paragraph;
            }
        }
    }
    if blocks.len() > 1 {
        let first = &mut blocks[0];
        let s = first.span.text(text);
        if first.kind == BlockKind::Heading
            || (s.len() <= MAX_TITLE_BYTES && !s.contains('\n') && !ends_sentence(s))
        {
            first.kind = BlockKind::Title;
        }
    }
    blocks
}

use dossier_model::MONTH_NAMES as MONTHS;

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() == 3 || *m == w))
        .map(|i| i as u32 + 1)
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A full calendar date in a short line: `2023-03-28`, `March 28, 2023`, `28 March 2023`, `2023 March 28`.
fn date_in_line(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let num = |w: &str| w.parse::<u32>().ok();
    for (i, w) in words.iter().enumerate() {
        let parts: Vec<&str> = w.split('-').collect();
        if parts.len() == 3 && parts[0].len() == 4 {
            if let (Some(y), Some(m), Some(d)) = (num(parts[0]), num(parts[1]), num(parts[2])) {
                if let Some(v) = valid(y, m, d) {
                    return Some(v);
                }
            }
        }
        let (Some(b), Some(c)) = (words.get(i + 1), words.get(i + 2)) else {
            continue;
        };
        let found = if let Some(m) = month_number(w) {
            num(b).zip(num(c)).and_then(|(d, y)| valid(y, m, d)) // March 28, 2023
        } else if let Some(m) = month_number(b) {
            let (x, z) = (num(w), num(c));
            x.zip(z).and_then(|(x, z)| {
                if w.len() == 4 {
                    valid(x, m, z)
                } else {
                    valid(z, m, x)
                }
            })
        } else {
            None
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A document date stated in the first few title or heading blocks ("August 9, 2021" on its own line,
/// "Portal:Current events/2023 March 25"); dates inside running text are the time component's business.
pub fn header_date(doc: &Document) -> Option<String> {
    doc.blocks
        .iter()
        .take(4)
        .filter(|b| b.kind != BlockKind::Paragraph)
        .map(|b| doc.slice(b.span))
        .filter(|s| s.split_whitespace().count() <= 8)
        .find_map(date_in_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats() {
        assert_eq!(
            date_in_line("Posted 2023-03-28").as_deref(),
            Some("2023-03-28")
        );
        assert_eq!(
            date_in_line("March 28, 2023").as_deref(),
            Some("2023-03-28")
        );
        assert_eq!(
            date_in_line("Minsk, 3 Dec. 2022").as_deref(),
            Some("2022-12-03")
        );
        assert_eq!(
            date_in_line("Portal:Current events/2024 June 6").as_deref(),
            Some("2024-06-06")
        );
        assert_eq!(date_in_line("May we meet in 2023"), None);
        assert_eq!(date_in_line("5:30 P.M. EDT"), None);
    }

    #[test]
    fn markdown_headings_and_bullets() {
        let text = "# Report\n\nIntro line one\ncontinues here.\n- item one\n- item two\n## Section\nBody.";
        let blocks = find_blocks(text, true);
        let got: Vec<(BlockKind, &str)> =
            blocks.iter().map(|b| (b.kind, b.span.text(text))).collect();
        use BlockKind::*;
        assert_eq!(
            got,
            [
                (Title, "# Report"),
                (Paragraph, "Intro line one\ncontinues here."),
                (Paragraph, "- item one"),
                (Paragraph, "- item two"),
                (Heading, "## Section"),
                (Paragraph, "Body."),
            ]
        );
    }

    #[test]
    fn transcript_lines() {
        let text = "Remarks by the President\n\nSouth Lawn\n\n5:30 P.M. EDT\n\nQ Can I follow up?\n\nTHE PRESIDENT: Well, no.\n\nThank you";
        let kinds: Vec<BlockKind> = find_blocks(text, false).iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [Title, Heading, Heading, Paragraph, Paragraph, Paragraph]
        );
    }
}
