//! Sentence splitting and tokenization.
//!
//! Rule-based and allocation-light: tokens follow Universal Dependencies (English) conventions where they
//! do not hurt names ("do" + "n't", "Putin" + "’s", "$" + "128.50", "60" + "%", "26" + "-" + "27"), but
//! keep designations and names whole ("Iskander-M", "S-400", "SS-26", "U.S."). Sentences never cross
//! layout blocks. The abbreviation lexicon is `resources/segment/abbreviations.txt`.

use std::collections::HashMap;
use std::sync::OnceLock;

use dossier_model::{BlockKind, Component, Document, Sentence, Span, Token};

/// Whether a known abbreviation usually ends a sentence when followed by a capitalized word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AbbrevKind {
    Inner,
    MayEnd,
    BeforeNumber,
}

fn abbreviations() -> &'static HashMap<String, AbbrevKind> {
    static LEX: OnceLock<HashMap<String, AbbrevKind>> = OnceLock::new();
    LEX.get_or_init(|| {
        parse_abbreviations(include_str!("../../../resources/segment/abbreviations.txt"))
    })
}

fn parse_abbreviations(src: &str) -> HashMap<String, AbbrevKind> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            if let Some(a) = l.strip_suffix('*') {
                (a.to_lowercase(), AbbrevKind::MayEnd)
            } else if let Some(a) = l.strip_suffix('+') {
                (a.to_lowercase(), AbbrevKind::BeforeNumber)
            } else {
                (l.to_lowercase(), AbbrevKind::Inner)
            }
        })
        .collect()
}

/// Words that, capitalized after a sentence-final-looking abbreviation such as "U.S.", start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The", "This", "That", "These", "Those", "It", "He", "She", "We", "They", "I", "In", "On",
    "At", "But", "And", "However", "There", "A", "An", "As", "If", "When", "Its", "His", "Her",
    "Their", "Our",
];

/// The segmentation pipeline component: fills `tokens` and `sentences` from `blocks`.
#[derive(Default)]
pub struct Segmenter;

impl Component for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn process(&self, doc: &mut Document) {
        segment(doc);
    }
}

/// Splits `doc` into tokens and sentences, block by block (the whole text if there are no blocks).
pub fn segment(doc: &mut Document) {
    doc.tokens.clear();
    doc.sentences.clear();
    let blocks: Vec<(Span, BlockKind)> = if doc.blocks.is_empty() {
        vec![(Span::new(0, doc.text.len()), BlockKind::Paragraph)]
    } else {
        doc.blocks.iter().map(|b| (b.span, b.kind)).collect()
    };
    for (span, kind) in blocks {
        let first = doc.tokens.len();
        tokenize(&doc.text, span, &mut doc.tokens);
        if kind == BlockKind::Paragraph {
            split_sentences(&doc.text, first, &doc.tokens, &mut doc.sentences);
        } else if doc.tokens.len() > first {
            // Titles and headings are one sentence each, whatever their punctuation.
            let toks = &doc.tokens[first..];
            let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
            doc.sentences.push(Sentence {
                span,
                tokens: first..doc.tokens.len(),
            });
        }
    }
}

const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '{', '«', '„', '<', '¿', '¡'];
const CLOSERS: &[char] = &[
    '"', '”', '’', '\'', ')', ']', '}', '»', '>', ',', ';', ':', '!', '?', '.', '…',
];
const CURRENCY: &[char] = &['$', '€', '£', '₽', '¥', '₴', '#'];

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

/// Appends the tokens of `text[span]` to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = span.start;
    while i < span.end {
        // Skip white space (ASCII fast path, then Unicode).
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut j = i;
        while j < span.end {
            if bytes[j] < 0x80 {
                if bytes[j].is_ascii_whitespace() {
                    break;
                }
                j += 1;
            } else {
                let ch = text[j..].chars().next().unwrap_or(' ');
                if ch.is_whitespace() {
                    break;
                }
                j += ch.len_utf8();
            }
        }
        let rest = text[j..span.end].trim_start();
        let next_is_number = rest.starts_with(|c: char| c.is_ascii_digit());
        tokenize_chunk(text, i, j, next_is_number, out);
        i = j;
    }
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if end > start {
        out.push(Token {
            span: Span::new(start, end),
        });
    }
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn last_char(s: &str) -> char {
    s.chars().next_back().unwrap_or(' ')
}

/// Tokenizes one white-space-free chunk `text[s..e]`.
fn tokenize_chunk(
    text: &str,
    mut s: usize,
    mut e: usize,
    next_is_number: bool,
    out: &mut Vec<Token>,
) {
    // Split at dashes inside the chunk ("seventy-—74th", "2020–2022" is handled as a range below).
    if let Some((pos, ch)) = text[s..e].char_indices().find(|&(_, c)| is_dash(c)) {
        let d = s + pos;
        let dl = ch.len_utf8();
        tokenize_chunk(text, s, d, false, out);
        push(out, d, d + dl);
        tokenize_chunk(text, d + dl, e, next_is_number, out);
        return;
    }
    // Leading punctuation.
    while e - s > 1 {
        let c = first_char(&text[s..e]);
        let rest = &text[s + c.len_utf8()..e];
        let split = OPENERS.contains(&c) && !(matches!(c, '\'' | '’') && is_clitic(rest))
            || (CURRENCY.contains(&c) && first_char(rest).is_ascii_digit());
        if !split {
            break;
        }
        push(out, s, s + c.len_utf8());
        s += c.len_utf8();
    }
    // Trailing punctuation, emitted after the core.
    let mut trailing: Vec<(usize, usize)> = Vec::new();
    while e - s > 1 {
        let chunk = &text[s..e];
        // A run of sentence punctuation ("!!!", "?!", "..", "...") is one token.
        let run = chunk.len() - chunk.trim_end_matches(['.', '!', '?']).len();
        if run >= 2 && run < chunk.len() {
            trailing.push((e - run, e));
            e -= run;
            continue;
        }
        let c = last_char(chunk);
        if !CLOSERS.contains(&c) && c != '%' {
            break;
        }
        if c == '.' && keeps_period(chunk, next_is_number) {
            break;
        }
        if c == '%' && !text[s..e - 1].ends_with(|ch: char| ch.is_ascii_digit()) {
            break;
        }
        trailing.push((e - c.len_utf8(), e));
        e -= c.len_utf8();
    }
    split_core(text, s, e, out);
    for &(a, b) in trailing.iter().rev() {
        push(out, a, b);
    }
}

/// Splits the core of a chunk: clitics, numeric ranges, lowercase hyphen compounds, slashes.
fn split_core(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    let core = &text[s..e];
    if core.is_empty() {
        return;
    }
    // Clitics: "don't" -> "do" "n't"; "Putin’s" -> "Putin" "’s".
    if let Some(cut) = clitic_cut(core) {
        split_core(text, s, s + cut, out);
        push(out, s + cut, e);
        return;
    }
    if core.contains("://") || core.starts_with("www.") || core.contains('@') {
        push(out, s, e);
        return;
    }
    // Numeric ranges and lowercase compounds split at the hyphen; slashes between words split.
    for (pos, c) in core.char_indices() {
        if pos == 0 || pos + 1 >= core.len() || !matches!(c, '-' | '/') {
            continue;
        }
        let (left, right) = (&core[..pos], &core[pos + 1..]);
        let split = match c {
            '-' => {
                (is_number(left) && is_number(right))
                    || (is_lower_word(left) && is_lower_word(right.split('-').next().unwrap_or("")))
            }
            '/' => is_word(left) && is_word(right.split('/').next().unwrap_or("")),
            _ => false,
        };
        if split {
            push(out, s, s + pos);
            push(out, s + pos, s + pos + 1);
            split_core(text, s + pos + 1, e, out);
            return;
        }
    }
    push(out, s, e);
}

fn is_number(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

fn is_lower_word(s: &str) -> bool {
    s.len() >= 2 && s.chars().all(|c| c.is_lowercase())
}

fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

const CLITICS: &[&str] = &["s", "re", "ll", "ve", "m", "d"];

fn is_clitic(rest: &str) -> bool {
    CLITICS.iter().any(|c| rest.eq_ignore_ascii_case(c))
}

/// Byte offset where a clitic starts in `core`, if it ends in one.
fn clitic_cut(core: &str) -> Option<usize> {
    let lower = core.to_ascii_lowercase();
    for nt in ["n't", "n’t"] {
        if lower.ends_with(nt) && core.len() > nt.len() {
            return Some(core.len() - nt.len());
        }
    }
    let apos = core.rfind(['\'', '’'])?;
    if apos == 0 {
        return None;
    }
    let after = &core[apos + core[apos..].chars().next()?.len_utf8()..];
    (is_clitic(after)
        && core[..apos]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.'))
    .then_some(apos)
}

/// Whether a chunk ending in "." keeps the period (abbreviation, initial, dotted acronym).
fn keeps_period(chunk: &str, next_is_number: bool) -> bool {
    let word = chunk.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(body) = word.strip_suffix('.') else {
        return false;
    };
    if body.is_empty() {
        return false;
    }
    // Dotted acronyms and initials: "U.S.", "e.g.", "A."
    let dotted = body
        .split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    if dotted {
        return true;
    }
    match abbreviations().get(&body.to_lowercase()) {
        Some(AbbrevKind::BeforeNumber) => next_is_number,
        Some(_) => true,
        None => false,
    }
}

fn is_terminator(tok: &str) -> bool {
    !tok.is_empty() && tok.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closer(tok: &str) -> bool {
    matches!(tok, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

/// Whether `next` can begin a sentence.
fn starts_sentence(next: &str) -> bool {
    let c = first_char(next);
    c.is_uppercase()
        || c.is_ascii_digit()
        || OPENERS.contains(&c)
        || CURRENCY.contains(&c)
        || is_dash(c)
}

/// Groups `tokens[first..]` (one paragraph) into sentences.
fn split_sentences(text: &str, first: usize, tokens: &[Token], out: &mut Vec<Sentence>) {
    let n = tokens.len();
    if first >= n {
        return;
    }
    let tok = |k: usize| tokens[k].span.text(text);
    let mut start = first;
    let mut k = first;
    while k < n {
        let t = tok(k);
        let mut end_here = false;
        let mut last = k;
        if is_terminator(t) {
            // Absorb repeated terminators and closing quotes/brackets.
            while last + 1 < n && (is_terminator(tok(last + 1)) || is_closer(tok(last + 1))) {
                last += 1;
            }
            // "?" and "!" end a sentence even before a lowercase word (informal text); "." does not,
            // since a lowercase word after a period usually means an abbreviation we do not know.
            let emphatic = t.contains(['!', '?']);
            end_here = last + 1 == n || emphatic || starts_sentence(tok(last + 1));
        } else if t.ends_with('.') && t.len() > 1 && k + 1 < n {
            // An abbreviation that may also end the sentence: "etc. The", "U.S. They".
            let next = tok(k + 1);
            let body = t[..t.len() - 1].to_lowercase();
            let may_end = abbreviations().get(&body) == Some(&AbbrevKind::MayEnd);
            let dotted = body.contains('.');
            end_here = first_char(next).is_uppercase()
                && (may_end || (dotted && SENTENCE_STARTERS.contains(&next)));
        }
        if end_here {
            let span = Span::new(tokens[start].span.start, tokens[last].span.end);
            out.push(Sentence {
                span,
                tokens: start..last + 1,
            });
            start = last + 1;
        }
        k = last + 1;
    }
    if start < n {
        let span = Span::new(tokens[start].span.start, tokens[n - 1].span.end);
        out.push(Sentence {
            span,
            tokens: start..n,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| t.span.text(text)).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        let mut doc = Document::new(text);
        segment(&mut doc);
        doc.sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn money_numbers_and_percent() {
        assert_eq!(
            toks("paid $128.50 for 1,000 m3"),
            ["paid", "$", "128.50", "for", "1,000", "m3"]
        );
        assert_eq!(toks("more than 60% of"), ["more", "than", "60", "%", "of"]);
    }

    #[test]
    fn ranges_split_designations_kept() {
        assert_eq!(
            toks("on 26-27 December"),
            ["on", "26", "-", "27", "December"]
        );
        assert_eq!(toks("for 2024-2026."), ["for", "2024", "-", "2026", "."]);
        assert_eq!(
            toks("Iskander-M (NATO: SS-26 Stone) and S-400"),
            [
                "Iskander-M",
                "(",
                "NATO",
                ":",
                "SS-26",
                "Stone",
                ")",
                "and",
                "S-400"
            ]
        );
        assert_eq!(toks("two-year cycle"), ["two", "-", "year", "cycle"]);
        assert_eq!(
            toks("joint Belarusian-Russian training"),
            ["joint", "Belarusian-Russian", "training"]
        );
    }

    #[test]
    fn clitics_and_quotes() {
        assert_eq!(toks("Putin’s visit"), ["Putin", "’s", "visit"]);
        assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(
            toks("a “common defence space”."),
            ["a", "“", "common", "defence", "space", "”", "."]
        );
        assert_eq!(toks("countries’ armies"), ["countries", "’", "armies"]);
        assert_eq!(
            toks("help now!?! really.."),
            ["help", "now", "!?!", "really", ".."]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Between the U.S. and Russia. It was Dec. 3 and No. 5 e.g. here. Then Mr. Smith left."),
            ["Between the U.S. and Russia.", "It was Dec. 3 and No. 5 e.g. here.", "Then Mr. Smith left."]
        );
    }

    #[test]
    fn sentence_ends_with_quotes_and_may_end_abbreviations() {
        assert_eq!(
            sents("He said “no.” Then he left. Tanks, guns, etc. The end"),
            [
                "He said “no.”",
                "Then he left.",
                "Tanks, guns, etc.",
                "The end"
            ]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            sents("It cost $128.50 in 2022. J. R. Smith came."),
            ["It cost $128.50 in 2022.", "J. R. Smith came."]
        );
    }

    #[test]
    fn sentences_stay_inside_blocks() {
        let text = "A heading\nFirst paragraph ends here";
        let mut doc = Document::new(text);
        doc.blocks = vec![
            dossier_model::Block {
                kind: BlockKind::Heading,
                span: Span::new(0, 9),
            },
            dossier_model::Block {
                kind: BlockKind::Paragraph,
                span: Span::new(10, text.len()),
            },
        ];
        segment(&mut doc);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[1].tokens, 2..6);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "", ".", "...", "'", "’s", "$", "%", "—", "-", "a-", "-a", "U.", "“”", "\u{0}", "é.’",
        ] {
            let mut doc = Document::new(text);
            segment(&mut doc);
            for t in &doc.tokens {
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            }
        }
    }
}
