//! Allocation-free hashing of strings and feature templates into 64-bit keys.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Final avalanche (splitmix64 finaliser).
#[inline]
pub fn fin(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Combines a running hash with one value.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

#[inline]
fn push_char(h: u64, c: char) -> u64 {
    mix(h, c as u64)
}

/// Hash of a string, character by character.
pub fn hash_str(s: &str) -> u64 {
    let mut h = 0x51_7cc1_b727_220a;
    for c in s.chars() {
        h = push_char(h, c);
    }
    fin(h)
}

/// Hashes ASCII bytes lower-cased, as the char-by-char loops below do for ASCII text (the common case,
/// about three times faster: no UTF-8 decoding or Unicode case tables).
#[inline]
fn push_ascii_lower(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = mix(h, b.to_ascii_lowercase() as u64);
    }
    h
}

/// Hash of the lower-cased string, equal to `hash_str(&s.to_lowercase())` for single-char lowercase maps.
pub fn hash_lower(s: &str) -> u64 {
    if s.is_ascii() {
        return fin(push_ascii_lower(0x51_7cc1_b727_220a, s.as_bytes()));
    }
    let mut h = 0x51_7cc1_b727_220a;
    for c in s.chars() {
        for l in c.to_lowercase() {
            h = push_char(h, l);
        }
    }
    fin(h)
}

/// Hash of the last `n` characters of `s`, lower-cased (the whole string if shorter).
pub fn hash_suffix(s: &str, n: usize) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d ^ n as u64;
    if s.is_ascii() {
        let b = s.as_bytes();
        return fin(push_ascii_lower(h, &b[b.len().saturating_sub(n)..]));
    }
    let count = s.chars().count();
    let skip = count.saturating_sub(n);
    for c in s.chars().skip(skip) {
        for l in c.to_lowercase() {
            h = push_char(h, l);
        }
    }
    fin(h)
}

/// Hash of the first `n` characters of `s`, lower-cased.
pub fn hash_prefix(s: &str, n: usize) -> u64 {
    let mut h = 0x6a09_e667_f3bc_c908 ^ n as u64;
    if s.is_ascii() {
        let b = s.as_bytes();
        return fin(push_ascii_lower(h, &b[..n.min(b.len())]));
    }
    for c in s.chars().take(n) {
        for l in c.to_lowercase() {
            h = push_char(h, l);
        }
    }
    fin(h)
}

/// Hash of the word shape: upper → X, lower → x, digit → d, other characters kept; runs longer than
/// two are collapsed, and at most 8 shape characters are used.
pub fn hash_shape(s: &str) -> u64 {
    let mut h = 0xbb67_ae85_84ca_a73b;
    let mut last = '\0';
    let mut run = 0;
    let mut len = 0;
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if m == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = m;
        }
        h = push_char(h, m);
        len += 1;
        if len >= 8 {
            break;
        }
    }
    fin(h)
}

/// Feature key of a template with one value.
#[inline]
pub fn f1(t: u64, a: u64) -> u64 {
    fin(mix(mix(K, t), a)) | 1
}
/// Feature key of a template with two values.
#[inline]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    fin(mix(mix(mix(K, t), a), b)) | 1
}
/// Feature key of a template with three values.
#[inline]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    fin(mix(mix(mix(mix(K, t), a), b), c)) | 1
}

/// Small deterministic PRNG (xorshift64*), for reproducible shuffling and exploration.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(fin(seed) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `[0, n)`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn lower_hash_matches_lowercased_string() {
        assert_eq!(hash_lower("Belarus"), hash_str("belarus"));
        assert_ne!(hash_str("Belarus"), hash_str("belarus"));
        assert_eq!(hash_suffix("Signed", 3), hash_suffix("signed", 3));
        assert_eq!(hash_shape("Minsk"), hash_shape("Moscow"));
        assert_ne!(hash_shape("Minsk"), hash_shape("minsk"));
    }

    /// The ASCII shortcuts give the hashes of the general char-by-char path (which the models were
    /// trained with).
    #[test]
    fn ascii_shortcuts_match_the_general_path() {
        let general = |s: &str, seed: u64, take: &dyn Fn(usize) -> (usize, usize)| {
            let chars: Vec<char> = s.chars().collect();
            let (a, b) = take(chars.len());
            let mut h = seed;
            for c in &chars[a..b] {
                for l in c.to_lowercase() {
                    h = push_char(h, l);
                }
            }
            fin(h)
        };
        let words = [
            "",
            "a",
            "Minsk",
            "SS-26",
            "Lukashenka's",
            "1,000",
            "x",
            "ABCDEFGH",
            "q2",
        ];
        for w in words {
            assert_eq!(
                hash_lower(w),
                general(w, 0x51_7cc1_b727_220a, &|n| (0, n)),
                "{w}"
            );
            for n in 1..=4 {
                let suf = general(w, 0x2545_f491_4f6c_dd1d ^ n as u64, &|len| {
                    (len.saturating_sub(n), len)
                });
                assert_eq!(hash_suffix(w, n), suf, "{w} {n}");
                let pre = general(w, 0x6a09_e667_f3bc_c908 ^ n as u64, &|len| (0, n.min(len)));
                assert_eq!(hash_prefix(w, n), pre, "{w} {n}");
            }
        }
        // Non-ASCII words take the general path: "İ" lower-cases to two chars.
        assert_eq!(hash_lower("İstanbul"), hash_str(&"İstanbul".to_lowercase()));
    }
}
