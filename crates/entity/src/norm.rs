//! Text normalisation shared by the knowledge base and the matcher: case folding, Latin diacritic
//! folding (Łukaszenka → lukaszenka), Cyrillic ё → е, and a word scanner that records what separates
//! consecutive words (a name may continue across spaces, hyphens, periods and apostrophes, never
//! across commas, brackets, quotes or line breaks).

pub use dossier_model::fold::{fold, fold_char};

/// Characters that belong to a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that may separate two words of one name ("Iskander-M", "U.S. Army", "O'Brien").
#[inline]
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '-' | '\u{2010}' | '\u{2011}' | '.' | '\'' | '\u{2019}' | '\u{00A0}' | '·'
    )
}

/// A folded word, stored inline when short (most words), so scanning a text allocates little.
#[derive(Clone)]
pub enum Norm {
    Inline([u8; 23], u8),
    Heap(String),
}

impl Norm {
    fn from_string(s: String) -> Norm {
        if s.len() <= 23 {
            let mut b = [0u8; 23];
            b[..s.len()].copy_from_slice(s.as_bytes());
            Norm::Inline(b, s.len() as u8)
        } else {
            Norm::Heap(s)
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            // The bytes were copied from a `String`, so they are valid UTF-8.
            Norm::Inline(b, n) => std::str::from_utf8(&b[..*n as usize]).unwrap_or(""),
            Norm::Heap(s) => s,
        }
    }
}

impl std::ops::Deref for Norm {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<&str> for Norm {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

/// One word of a text: byte span, folded form, and how it is written.
#[derive(Clone, Debug)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub norm: Norm,
    /// True when something other than a joiner separates this word from the previous one.
    pub break_before: bool,
    /// First character is upper case (or a digit).
    pub cap: bool,
    /// Every letter is upper case and there are at least two letters.
    pub all_caps: bool,
    /// The separator before this word contains a hyphen.
    pub hyphen_before: bool,
}

/// A fast non-cryptographic hasher (FxHash) for the matcher's small string and integer keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
pub type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
pub type FxSet<K> = std::collections::HashSet<K, FxBuild>;

/// Splits `text` into words (maximal runs of alphanumeric characters).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut prev_end = 0usize;
    let mut buf = String::with_capacity(32);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_word_char(c) {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let norm_buf = &mut buf;
        norm_buf.clear();
        fold_char(c, norm_buf);
        let mut upper = 0usize;
        let mut lower = 0usize;
        if c.is_uppercase() {
            upper += 1
        } else if c.is_lowercase() {
            lower += 1
        }
        while let Some(&(j, d)) = it.peek() {
            if !is_word_char(d) {
                break;
            }
            if d.is_ascii() {
                if d.is_ascii_uppercase() {
                    upper += 1;
                    norm_buf.push(d.to_ascii_lowercase());
                } else {
                    if d.is_ascii_lowercase() {
                        lower += 1;
                    }
                    norm_buf.push(d);
                }
            } else {
                if d.is_uppercase() {
                    upper += 1
                } else if d.is_lowercase() {
                    lower += 1
                }
                fold_char(d, norm_buf);
            }
            end = j + d.len_utf8();
            it.next();
        }
        let gap = &text[prev_end..start];
        let break_before = out.is_empty() || !gap.chars().all(is_joiner) || gap.len() > 3;
        let hyphen_before =
            gap.contains('-') || gap.contains('\u{2010}') || gap.contains('\u{2011}');
        let norm = Norm::from_string(std::mem::take(norm_buf));
        out.push(Word {
            start,
            end,
            norm,
            break_before,
            cap: c.is_uppercase() || c.is_numeric(),
            all_caps: upper >= 2 && lower == 0,
            hyphen_before,
        });
        prev_end = end;
    }
    out
}

/// Folded words of a name, for building patterns.
pub fn name_words(name: &str) -> Vec<String> {
    words(name)
        .into_iter()
        .map(|w| w.norm.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_case() {
        assert_eq!(fold("Łukaszenka"), "lukaszenka");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Škoda"), "skoda");
    }

    #[test]
    fn words_record_breaks() {
        let w = words("Iskander-M (NATO: SS-26), U.S. Army");
        let n: Vec<&str> = w.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(n, ["iskander", "m", "nato", "ss", "26", "u", "s", "army"]);
        assert!(!w[1].break_before && w[1].hyphen_before);
        assert!(w[2].break_before);
        assert!(w[5].break_before && !w[6].break_before && !w[7].break_before);
        assert!(w[2].all_caps && w[0].cap && !w[0].all_caps);
    }
}
