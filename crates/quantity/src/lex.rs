//! A single-pass lexer: digit runs, letter runs and single symbols, each with whether whitespace precedes it.
//!
//! Separators inside numbers ("1,000.5"), hyphens and unit exponents stay separate tokens; the parser joins
//! them by looking at the `gap` flags, so one token stream serves numbers, units and designations alike.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// ASCII digits only.
    Num,
    /// Letters (any script).
    Word,
    /// One other character.
    Sym,
}

#[derive(Clone, Copy, Debug)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace (or the start of the text) precedes the token.
    pub gap: bool,
    /// The token is the first on its line.
    pub line_start: bool,
}

pub fn lex(text: &str, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut gap = true;
    let mut line_start = true;
    while i < n {
        let c = b[i];
        let (start, kind) = if c < 0x80 {
            if c == b'\n' || c == b'\r' {
                line_start = true;
                gap = true;
                i += 1;
                continue;
            }
            if c.is_ascii_whitespace() {
                gap = true;
                i += 1;
                continue;
            }
            let start = i;
            let kind = if c.is_ascii_digit() {
                i += 1;
                while i < n && b[i].is_ascii_digit() {
                    i += 1;
                }
                TokKind::Num
            } else if c.is_ascii_alphabetic() {
                i += 1;
                while i < n && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                if i < n && b[i] >= 0x80 {
                    i = word_end(text, i);
                }
                TokKind::Word
            } else {
                i += 1;
                TokKind::Sym
            };
            (start, kind)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                gap = true;
                if ch == '\u{2028}' || ch == '\u{2029}' {
                    line_start = true;
                }
                i += len;
                continue;
            }
            let start = i;
            let kind = if ch.is_alphabetic() {
                i = word_end(text, i + len);
                TokKind::Word
            } else {
                i += len;
                TokKind::Sym
            };
            (start, kind)
        };
        out.push(Tok {
            start,
            end: i,
            kind,
            gap,
            line_start,
        });
        gap = false;
        line_start = false;
    }
}

fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_alphabetic() {
                i += 1;
            } else {
                break;
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphabetic() || is_mark(ch) {
                i += ch.len_utf8();
            } else {
                break;
            }
        }
    }
    i
}

/// Combining marks that belong to the word before them (Tamil vowel signs in "ரூ", accents).
fn is_mark(ch: char) -> bool {
    matches!(ch as u32, 0x0300..=0x036F | 0x0900..=0x0DFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, TokKind, bool)> {
        let mut v = Vec::new();
        lex(s, &mut v);
        v.iter()
            .map(|t| (s[t.start..t.end].to_string(), t.kind, t.gap))
            .collect()
    }

    #[test]
    fn splits_digits_letters_symbols() {
        let k = kinds("$128.50 for 1,000 m³ S-400");
        let texts: Vec<&str> = k.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            texts,
            ["$", "128", ".", "50", "for", "1", ",", "000", "m", "³", "S", "-", "400"]
        );
        assert!(k[0].2 && !k[1].2 && k[4].2 && !k[9].2);
        assert_eq!(k[8].1, TokKind::Word);
        assert_eq!(k[9].1, TokKind::Sym);
    }

    #[test]
    fn line_starts_and_unicode() {
        let mut v = Vec::new();
        lex("x\n1. £5 μg", &mut v);
        assert!(v[1].line_start && !v[2].line_start);
        assert_eq!(v.len(), 6);
        assert_eq!(v[5].kind, TokKind::Word);
    }
}
