//! Greedy left-to-right part-of-speech tagger (joint UPOS+XPOS classes) with an averaged perceptron.

use std::collections::HashMap;

use crate::conllu::Sentence;
use crate::hash::{f1, f2, f3, hash_lower, hash_prefix, hash_shape, hash_str, hash_suffix, Rng};
use crate::io::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::perceptron::{KeyMap, Model, Trainer};

/// Version 2 adds the lemmatizer's tag-independent form lookup, version 3 its capitalised and known lemmas;
/// version 1 and 2 files still load.
const MAGIC: &[u8] = b"DOSSIER-TAGGER-3";
const MAGIC_V2: &[u8] = b"DOSSIER-TAGGER-2";
const MAGIC_V1: &[u8] = b"DOSSIER-TAGGER-1";

/// [`Tok::amb`] of a word seen fewer than 5 times in training (any case).
const RARE_AMB: u64 = 3;

/// Per-token features computed once per sentence.
#[derive(Clone, Copy, Default)]
pub(crate) struct Tok {
    raw: u64,
    low: u64,
    shape: u64,
    pre: [u64; 3],
    suf: [u64; 4],
    /// Ambiguity class: the set of tags the (lower-cased) word had in training.
    amb: u64,
}

impl Tok {
    fn new(w: &str, amb: &KeyMap<u64>) -> Tok {
        let low = hash_lower(w);
        let raw = hash_str(w);
        Tok {
            amb: amb.get(&low).copied().unwrap_or(RARE_AMB),
            raw,
            low,
            shape: hash_shape(w),
            pre: [hash_prefix(w, 1), hash_prefix(w, 2), hash_prefix(w, 3)],
            suf: [
                hash_suffix(w, 1),
                hash_suffix(w, 2),
                hash_suffix(w, 3),
                hash_suffix(w, 4),
            ],
        }
    }
}

const PAD: Tok = Tok {
    raw: 1,
    low: 1,
    shape: 1,
    pre: [1; 3],
    suf: [1; 4],
    amb: 1,
};
const PAD2: Tok = Tok {
    raw: 2,
    low: 2,
    shape: 2,
    pre: [2; 3],
    suf: [2; 4],
    amb: 2,
};

/// Whether a sentence looks like a headline (most words capitalised), where case says little.
pub fn is_headline<S: AsRef<str>>(words: &[S]) -> bool {
    let mut alpha = 0;
    let mut upper = 0;
    for w in words {
        if let Some(c) = w.as_ref().chars().next() {
            if c.is_alphabetic() {
                alpha += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            }
        }
    }
    alpha >= 3 && upper * 10 >= alpha * 7
}

/// Feature extraction for position `i`; `p1`, `p2` are the two previous tags (or start symbols); `first`
/// holds the first pass's tags of the whole sentence when this is the second pass. With `ctx_only`, the
/// features of the word alone ([`word_features`]) are left out (the tagger caches their scores per word).
#[allow(clippy::too_many_arguments)]
fn features(
    toks: &[Tok],
    i: usize,
    p1: u64,
    p2: u64,
    headline: bool,
    first: Option<&[u16]>,
    ctx_only: bool,
    out: &mut Vec<u64>,
) {
    out.clear();
    let at = |j: isize| -> &Tok {
        let k = i as isize + j;
        if k < 0 {
            if k == -1 {
                &PAD
            } else {
                &PAD2
            }
        } else if k as usize >= toks.len() {
            if k as usize == toks.len() {
                &PAD
            } else {
                &PAD2
            }
        } else {
            &toks[k as usize]
        }
    };
    let (w0, wm1, wm2, wp1, wp2) = (at(0), at(-1), at(-2), at(1), at(2));
    // Case-bearing templates are split by the headline flag.
    let h = if headline { 100 } else { 0 };
    if !ctx_only {
        // (Training sums weights as f32 in this order, so the order stays as it was.)
        word_features_head(w0, headline, out);
    }
    out.push(f1(11, wm1.low));
    out.push(f1(12, wm2.low));
    out.push(f1(13, wp1.low));
    out.push(f1(14, wp2.low));
    out.push(f1(15, p1));
    out.push(f1(16, p2));
    out.push(f2(17, p1, p2));
    out.push(f2(18, p1, w0.low));
    out.push(f1(19, wm1.suf[2]));
    out.push(f1(20, wp1.suf[2]));
    out.push(f1(21 + h, wm1.shape));
    out.push(f1(22 + h, wp1.shape));
    out.push(f2(23, wm1.low, w0.low));
    out.push(f2(24, w0.low, wp1.low));
    if !ctx_only {
        out.push(f2(25 + h, w0.shape, (i == 0) as u64));
    }
    out.push(f2(26, p1, w0.suf[2]));
    out.push(f2(27, w0.suf[1], wp1.low));
    out.push(f3(28 + h, wm1.shape, w0.shape, wp1.shape));
    out.push(f2(29, p1, wp1.low));
    if !ctx_only {
        out.push(f1(30, w0.amb));
    }
    out.push(f1(31, wp1.amb));
    out.push(f1(32, wm1.amb));
    out.push(f2(33, w0.amb, wp1.amb));
    out.push(f2(34, p1, w0.amb));
    out.push(f1(35, wp2.amb));
    out.push(f3(36, p1, w0.amb, wp1.amb));
    if let Some(first) = first {
        // Second pass: the first pass's tags here and to the right.
        let r = |j: usize| first.get(i + j).map_or(END + j as u64, |&c| c as u64);
        let (c0, r1, r2) = (r(0), r(1), r(2));
        out.push(f1(50, c0));
        out.push(f1(51, r1));
        out.push(f2(52, r1, r2));
        out.push(f2(53, c0, r1));
        out.push(f2(54, w0.low, r1));
        out.push(f2(55, p1, r1));
        out.push(f3(56, p1, c0, r1));
        out.push(f2(57 + h, w0.shape, r1));
        out.push(f2(58, w0.suf[2], r1));
        // The first pass's tag to the left: a second opinion when that pass ran right to left.
        let l1 = if i > 0 { first[i - 1] as u64 } else { START1 };
        out.push(f1(59, l1));
        out.push(f2(60, l1, c0));
        out.push(f2(61, c0, w0.low));
        out.push(f2(62, r1, wp1.low));
        out.push(f3(63, c0, r1, r2));
    }
}

/// The features of [`features`] that depend on the word alone (and the headline and sentence-start flags).
fn word_features(w0: &Tok, headline: bool, start: bool, out: &mut Vec<u64>) {
    word_features_head(w0, headline, out);
    let h = if headline { 100 } else { 0 };
    out.push(f2(25 + h, w0.shape, start as u64));
    out.push(f1(30, w0.amb));
}

/// The first eleven features of [`features`], all of the word alone.
fn word_features_head(w0: &Tok, headline: bool, out: &mut Vec<u64>) {
    let h = if headline { 100 } else { 0 };
    out.push(f1(0, 0));
    out.push(f1(1, w0.low));
    out.push(f1(2 + h, w0.raw));
    for k in 0..4 {
        out.push(f1(3 + k, w0.suf[k as usize]));
    }
    for k in 0..3 {
        out.push(f1(7 + k, w0.pre[k as usize]));
    }
    out.push(f1(10 + h, w0.shape));
}

/// Per-thread cache of the summed weights of [`word_features`] per (word, headline, sentence start): the
/// scores are exact integer sums, so adding the cached part to the context part ranks exactly as scoring
/// all features at once.
#[derive(Default)]
struct WordCache {
    index: KeyMap<u32>,
    scores: Vec<i32>,
    feats: Vec<u64>,
}

/// Words kept per cache (and pass) before it starts over: about 2 MB for 50 classes.
const WORD_CACHE_MAX: usize = 10_000;

impl WordCache {
    /// Adds the cached word-feature scores of `tok` to `scores`, computing them with `model` if needed.
    fn add(&mut self, model: &Model, tok: &Tok, headline: bool, start: bool, scores: &mut [i32]) {
        let n = scores.len();
        let key = crate::hash::mix(tok.raw, 2 * headline as u64 + start as u64);
        let at = match self.index.get(&key) {
            Some(&at) => at as usize,
            None => {
                if self.index.len() >= WORD_CACHE_MAX {
                    self.index.clear();
                    self.scores.clear();
                }
                let at = self.scores.len();
                self.feats.clear();
                word_features(tok, headline, start, &mut self.feats);
                self.scores.resize(at + n, 0);
                model.score(&self.feats, &mut self.scores[at..at + n]);
                self.index.insert(key, at as u32);
                at
            }
        };
        for (s, c) in scores.iter_mut().zip(&self.scores[at..at + n]) {
            *s += c;
        }
    }
}

/// The part-of-speech tagger plus the lemmatizer.
pub struct Tagger {
    /// Identity of this tagger's current models (renewed whenever they change), for [`TagScratch`] caches.
    id: u64,
    model: Model,
    /// Second pass (format version 2), which also sees the first pass's tags to the right.
    model2: Option<Model>,
    /// Whether the first pass runs right to left (when there is a second pass).
    first_reversed: bool,
    /// First-pass score margin (best over runner-up) above which the second pass keeps the first tag
    /// without scoring: a speed/accuracy trade-off set at run time ([`PASS2_MARGIN`]).
    pub pass2_margin: i32,
    /// How far below a noun's score a verb reading may be for a sentence without a verb to take it
    /// ([`VERB_MARGIN`]); 0 turns off that repair and the one after modals ([`Tagger::tag`]).
    pub verb_margin: i32,
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    /// Unambiguous frequent words: exact form hash → class.
    dict: KeyMap<u16>,
    /// Lower-cased word hash → ambiguity class.
    amb: KeyMap<u64>,
    pub lemmatizer: Lemmatizer,
}

/// Reusable buffers for tagging without allocation.
#[derive(Default)]
pub struct TagScratch {
    toks: Vec<Tok>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    /// First-pass tags.
    first: Vec<u16>,
    /// Tokens in reverse order, for a right-to-left first pass.
    rtoks: Vec<Tok>,
    /// Dictionary class of each token ([`UNKNOWN`] if none), and the same reversed.
    known: Vec<u16>,
    rknown: Vec<u16>,
    /// First-pass decisions sure enough to skip the second pass.
    sure: Vec<bool>,
    /// Word-feature scores per pass.
    cache1: WordCache,
    cache2: WordCache,
    /// [`Tagger::id`] of the tagger whose scores the caches hold (0: none).
    owner: u64,
}

/// A fresh [`Tagger::id`].
fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

#[derive(Clone, Debug)]
pub struct TaggerOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Share of training sentences shown a second time in headline (Title Case) form.
    pub headline_rate: f64,
    /// Final pruning: weights below this many quantisation steps (of 32767 for the largest) are dropped.
    pub prune: i16,
    /// Train a second pass that also sees the first pass's (jackknifed) tags to the right.
    pub second_pass: bool,
    /// With a second pass: the first pass tags right to left.
    pub reverse_first: bool,
}

impl Default for TaggerOptions {
    fn default() -> Self {
        TaggerOptions {
            epochs: 10,
            seed: 1,
            headline_rate: 0.08,
            prune: 300,
            second_pass: true,
            reverse_first: true,
        }
    }
}

fn argmax<T: PartialOrd>(s: &[T]) -> usize {
    let mut b = 0;
    for i in 1..s.len() {
        if s[i] > s[b] {
            b = i;
        }
    }
    b
}

/// Title-cases a sentence's words (most of them), as headlines do.
fn titlecase(words: &[String], rng: &mut Rng) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) if c.is_lowercase() && rng.unit() < 0.85 => {
                    c.to_uppercase().chain(cs).collect()
                }
                _ => w.clone(),
            }
        })
        .collect()
}

const START1: u64 = 0xffff_0001;
const START2: u64 = 0xffff_0002;
/// End-of-sentence symbols for the first pass's tags to the right (`END + 1`, `END + 2`).
const END: u64 = 0xffff_0010;

/// Default [`Tagger::pass2_margin`], in quantisation steps (a model's largest weight is 32767): on EWT dev the
/// second pass then scores only the less certain tokens, at no loss of accuracy (UPOS 95.15 when every token is
/// rescored, 95.17 at this margin); the saving keeps tag + parse above 150,000 tokens/s per core.
pub const PASS2_MARGIN: i32 = 5000;

/// [`TagScratch::known`] entry of a word the dictionary does not hold.
const UNKNOWN: u16 = u16::MAX;

/// The index of the first highest score (as [`argmax`]) and the highest score among the others, in two
/// vectorisable passes.
fn best_and_runner_up(s: &[i32]) -> (usize, i32) {
    let top = s.iter().copied().max().unwrap_or(i32::MIN);
    let b = s.iter().position(|&x| x == top).unwrap_or(0);
    let others = |part: &[i32]| part.iter().copied().max().unwrap_or(i32::MIN);
    (b, others(&s[..b]).max(others(&s[(b + 1).min(s.len())..])))
}

/// Scores every class for token `i` given the two previous tags `prev` (see [`features`]).
#[allow(clippy::too_many_arguments)]
fn score_at(
    model: &Model,
    toks: &[Tok],
    i: usize,
    prev: (u64, u64),
    headline: bool,
    first: Option<&[u16]>,
    feats: &mut Vec<u64>,
    scores: &mut [i32],
    cache: Option<&mut WordCache>,
) {
    features(
        toks,
        i,
        prev.0,
        prev.1,
        headline,
        first,
        cache.is_some(),
        feats,
    );
    model.score(feats, scores);
    if let Some(c) = cache {
        c.add(model, &toks[i], headline, i == 0, scores);
    }
}

/// The two tags before position `i` of `tags`, or the start symbols, as [`greedy`] sees them.
fn previous_tags(tags: &[u16], i: usize) -> (u64, u64) {
    match i {
        0 => (START1, START2),
        1 => (tags[0] as u64, START1),
        _ => (tags[i - 1] as u64, tags[i - 2] as u64),
    }
}

/// Default [`Tagger::verb_margin`], in quantisation steps. Measured with a tagger trained on EWT train
/// alone: on EWT dev UPOS and XPOS are unchanged up to 15,000 and fall by 0.01–0.04 points from 20,000.
pub const VERB_MARGIN: i32 = 15_000;

/// The same margin for a noun right after a modal ("will station troops"), a stronger constraint: unchanged
/// EWT dev tags up to 25,000 (0.01 points lost at 35,000). Applies only when [`Tagger::verb_margin`] is not 0.
const MODAL_VERB_MARGIN: i32 = 25_000;
/// … and for the verb of a news title: a title's words have little context, so the verb reading scores far
/// lower (Wikinews titles in MEANTIME: 16,000–42,000 below the noun); the reading's conditions (a name
/// before, an object after) keep EWT dev tags unchanged with a tagger trained on EWT train.
const TITLE_VERB_MARGIN: i32 = 50_000;

/// One greedy left-to-right pass over `toks` with `model`; `known[i]` is the dictionary class of token `i`
/// (frequent unambiguous words, tagged without scoring) or [`UNKNOWN`].
/// `sure`, when given, receives for each token whether its best score beats the runner-up by `margin` (dictionary
/// words count as sure); in a second pass, tokens marked in `keep` keep their first-pass tag unscored.
#[allow(clippy::too_many_arguments)]
fn greedy(
    model: &Model,
    known: &[u16],
    toks: &[Tok],
    headline: bool,
    first: Option<&[u16]>,
    out: &mut Vec<u16>,
    feats: &mut Vec<u64>,
    scores: &mut Vec<i32>,
    sure: Option<(i32, &mut Vec<bool>)>,
    keep: Option<&[bool]>,
    mut cache: Option<&mut WordCache>,
) {
    out.clear();
    scores.resize(model.nclasses, 0);
    let (margin, mut sure) = match sure {
        Some((m, v)) => {
            v.clear();
            (m, Some(v))
        }
        None => (0, None),
    };
    let (mut p1, mut p2) = (START1, START2);
    for i in 0..toks.len() {
        let c = match known[i] {
            c if c != UNKNOWN => {
                if let Some(v) = sure.as_deref_mut() {
                    v.push(true);
                }
                c
            }
            _ => match (keep, first) {
                (Some(k), Some(f)) if k[i] => f[i],
                _ => {
                    score_at(
                        model,
                        toks,
                        i,
                        (p1, p2),
                        headline,
                        first,
                        feats,
                        scores,
                        cache.as_deref_mut(),
                    );
                    let (b, second) = best_and_runner_up(scores);
                    if let Some(v) = sure.as_deref_mut() {
                        v.push(scores[b].saturating_sub(second) >= margin);
                    }
                    b as u16
                }
            },
        };
        out.push(c);
        p2 = p1;
        p1 = c as u64;
    }
}

impl Tagger {
    /// Identity of this tagger's current models, for caches of its output.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    pub fn nclasses(&self) -> usize {
        self.upos.len()
    }

    /// Tags `words`; `out` receives class ids (see [`Tagger::upos`], [`Tagger::xpos`]).
    pub fn tag<S: AsRef<str>>(&self, words: &[S], out: &mut Vec<u16>, scratch: &mut TagScratch) {
        scratch.toks.clear();
        scratch
            .toks
            .extend(words.iter().map(|w| Tok::new(w.as_ref(), &self.amb)));
        let headline = is_headline(words);
        let s = &mut *scratch;
        // Looked up once for both passes, and outside the sequential loop, so the misses overlap.
        s.known.clear();
        s.known.extend(s.toks.iter().map(|t| match headline {
            true => UNKNOWN,
            false => self.dict.get(&t.raw).copied().unwrap_or(UNKNOWN),
        }));
        if s.owner != self.id {
            // Cached word scores belong to one tagger's models.
            s.cache1 = WordCache::default();
            s.cache2 = WordCache::default();
            s.owner = self.id;
        }
        match &self.model2 {
            None => greedy(
                &self.model,
                &s.known,
                &s.toks,
                headline,
                None,
                out,
                &mut s.feats,
                &mut s.scores,
                None,
                None,
                Some(&mut s.cache1),
            ),
            Some(m2) => {
                let (toks1, known1) = if self.first_reversed {
                    s.rtoks.clear();
                    s.rtoks.extend(s.toks.iter().rev());
                    s.rknown.clear();
                    s.rknown.extend(s.known.iter().rev());
                    (&s.rtoks, &s.rknown)
                } else {
                    (&s.toks, &s.known)
                };
                greedy(
                    &self.model,
                    known1,
                    toks1,
                    headline,
                    None,
                    &mut s.first,
                    &mut s.feats,
                    &mut s.scores,
                    Some((self.pass2_margin, &mut s.sure)),
                    None,
                    Some(&mut s.cache1),
                );
                if self.first_reversed {
                    s.first.reverse();
                    s.sure.reverse();
                }
                greedy(
                    m2,
                    &s.known,
                    &s.toks,
                    headline,
                    Some(&s.first),
                    out,
                    &mut s.feats,
                    &mut s.scores,
                    None,
                    Some(&s.sure),
                    Some(&mut s.cache2),
                );
            }
        }
        if self.verb_margin > 0 {
            self.give_verbs(words, headline, out, s);
        }
    }

    fn is_verb(&self, class: usize) -> bool {
        self.xpos[class].starts_with("VB")
    }

    /// Two constraints greedy tagging can break: a modal governs a verb ("will station", not a noun), and a
    /// sentence that ends like a statement or a question has a verb (news summaries in the present are read
    /// as plural nouns: "Putin announces that …", "a strike on a clinic kills four civilians"; the parse then
    /// has no predicate either). A noun in such a place whose best verb reading scores within
    /// [`Self::verb_margin`] of it (after a modal, [`MODAL_VERB_MARGIN`]) becomes that verb — every noun
    /// after a modal, else the closest one — and the sentence is tagged again around it. A title line
    /// (no final punctuation) without a finite verb is read as a news title when it can be one
    /// ("Airbus announces job cuts of 10,000"), within [`TITLE_VERB_MARGIN`].
    fn give_verbs<S: AsRef<str>>(
        &self,
        words: &[S],
        headline: bool,
        out: &mut Vec<u16>,
        s: &mut TagScratch,
    ) {
        let n = out.len();
        let after_modal = |i: usize| {
            let mut k = i;
            while k > 0 && self.xpos[out[k - 1] as usize] == "RB" {
                k -= 1;
            }
            k > 0 && self.xpos[out[k - 1] as usize] == "MD"
        };
        let ends_clause = words
            .iter()
            .rev()
            .take(2)
            .any(|w| matches!(w.as_ref(), "." | "!" | "?"));
        // A title line ("Airbus announces job cuts of 10,000") ends with a word. (Not the `headline` flag,
        // which is about Title Case.)
        let unpunctuated = !ends_clause
            && words
                .last()
                .is_some_and(|w| w.as_ref().chars().any(|c| c.is_alphanumeric()));
        // (A title's participles, "in response to growing losses", are no predicate.)
        let predicate = |c: u16| match self.xpos[c as usize].as_str() {
            x if unpunctuated => matches!(x, "VBZ" | "VBP" | "VBD" | "MD"),
            x => x.starts_with("VB"),
        };
        let verbless =
            n >= 4 && (ends_clause || unpunctuated) && !out.iter().any(|&c| predicate(c));
        if !verbless && !(1..n).any(after_modal) {
            return;
        }
        let (model, first, cache) = match &self.model2 {
            Some(m2) => (m2, Some(&s.first[..]), &mut s.cache2),
            None => (&self.model, None, &mut s.cache1),
        };
        s.scores.resize(model.nclasses, 0);
        // (position, verb class) of each noun after a modal, and (margin, position, verb class) of the
        // noun of a verbless sentence closest to a verb.
        let mut forced: Vec<(usize, u16)> = Vec::new();
        let mut closest: Option<(i32, usize, usize)> = None;
        for i in 1..n {
            let c = out[i] as usize;
            let modal = after_modal(i);
            // Dictionary words were never anything else in the training data, but a modal needs a verb.
            if (s.known[i] != UNKNOWN && !modal)
                || !matches!(self.xpos[c].as_str(), "NN" | "NNS")
                || !(verbless || modal)
            {
                continue;
            }
            // A news title's verb is the first noun that can be one ("Airbus announces job cuts", not
            // "cuts"), in the present, after a name or after a capitalised first word that training saw
            // rarely (the tagger may have read "Airbus" as an adjective): not "Best meat pies", "Global
            // markets surge"; and it has an object or an infinitive after it: not a title that is a noun
            // phrase ("2022–2023 western Russia attacks", "Eritrean clashes in Tel Aviv"). (Tested before
            // scoring: most lines without final punctuation are headings.)
            let title_verb = unpunctuated && !modal;
            if title_verb {
                let before = self.xpos[out[i - 1] as usize].as_str();
                let after_name = matches!(before, "NNP" | "NNPS")
                    || (i == 1
                        && s.toks[0].amb == RARE_AMB
                        && words[0].as_ref().starts_with(|c: char| c.is_uppercase()));
                let object = out.get(i + 1).is_some_and(|&c| {
                    let x = self.xpos[c as usize].as_str();
                    x.starts_with("NN")
                        || x.starts_with("JJ")
                        || matches!(x, "DT" | "CD" | "PRP$" | "PRP" | "TO")
                });
                if closest.is_some() || !after_name || !object || !words[i].as_ref().ends_with('s')
                {
                    continue;
                }
            }
            score_at(
                model,
                &s.toks,
                i,
                previous_tags(out, i),
                headline,
                first,
                &mut s.feats,
                &mut s.scores,
                Some(&mut *cache),
            );
            // After a modal only the base form.
            let verb = (0..model.nclasses)
                .filter(|&k| self.is_verb(k) && (!modal || self.xpos[k] == "VB"))
                .max_by_key(|&k| s.scores[k]);
            let Some(verb) = verb else { continue };
            let margin = s.scores[c].saturating_sub(s.scores[verb]);
            let limit = if modal {
                MODAL_VERB_MARGIN
            } else if title_verb {
                TITLE_VERB_MARGIN
            } else {
                self.verb_margin
            };
            if margin >= limit {
                continue;
            }
            if modal {
                forced.push((i, verb as u16));
            } else if title_verb {
                if self.xpos[verb] == "VBZ" {
                    closest = Some((margin, i, verb));
                }
            } else if closest.is_none_or(|(m, _, _)| margin < m) {
                closest = Some((margin, i, verb));
            }
        }
        forced.extend(closest.map(|(_, i, verb)| (i, verb as u16)));
        if forced.is_empty() {
            return;
        }
        for &(i, verb) in &forced {
            s.known[i] = verb;
        }
        let keep = first.map(|_| &s.sure[..]);
        greedy(
            model,
            &s.known,
            &s.toks,
            headline,
            first,
            out,
            &mut s.feats,
            &mut s.scores,
            None,
            keep,
            Some(cache),
        );
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        w.u32(self.upos.len() as u32);
        for (u, x) in self.upos.iter().zip(&self.xpos) {
            w.str(u);
            w.str(x);
        }
        let mut d: Vec<(&u64, &u16)> = self.dict.iter().collect();
        d.sort();
        w.u32(d.len() as u32);
        for (k, v) in d {
            w.bytes(&k.to_le_bytes());
            w.u32(*v as u32);
        }
        let mut a: Vec<(&u64, &u64)> = self.amb.iter().collect();
        a.sort();
        w.u32(a.len() as u32);
        for (k, v) in a {
            w.bytes(&k.to_le_bytes());
            w.bytes(&v.to_le_bytes());
        }
        self.model.write(&mut w);
        // 0: one pass; 1: a second pass after a left-to-right first pass; 2: after a right-to-left one.
        w.u8(match (&self.model2, self.first_reversed) {
            (None, _) => 0,
            (Some(_), false) => 1,
            (Some(_), true) => 2,
        });
        if let Some(m) = &self.model2 {
            m.write(&mut w);
        }
        self.lemmatizer.write(&mut w);
        w.finish()
    }

    pub fn from_bytes(b: &[u8]) -> anyhow::Result<Tagger> {
        let version = if b.starts_with(MAGIC_V1) {
            1
        } else if b.starts_with(MAGIC_V2) {
            2
        } else {
            3
        };
        let mut r = Reader::new(b);
        r.magic(match version {
            1 => MAGIC_V1,
            2 => MAGIC_V2,
            _ => MAGIC,
        })?;
        let n = r.u32()? as usize;
        let mut upos = Vec::with_capacity(n);
        let mut xpos = Vec::with_capacity(n);
        for _ in 0..n {
            upos.push(r.str()?);
            xpos.push(r.str()?);
        }
        let nd = r.u32()? as usize;
        let mut dict = KeyMap::default();
        dict.reserve(nd);
        for _ in 0..nd {
            let k = u64::from_le_bytes(r.take(8)?.try_into()?);
            let v = r.u32()?;
            anyhow::ensure!((v as usize) < n, "bad dictionary class");
            dict.insert(k, v as u16);
        }
        let na = r.u32()? as usize;
        let mut amb = KeyMap::default();
        amb.reserve(na);
        for _ in 0..na {
            let k = u64::from_le_bytes(r.take(8)?.try_into()?);
            let v = u64::from_le_bytes(r.take(8)?.try_into()?);
            amb.insert(k, v);
        }
        let model = Model::read(&mut r)?;
        anyhow::ensure!(model.nclasses == n, "class count mismatch");
        let passes = if version >= 2 { r.u8()? } else { 0 };
        anyhow::ensure!(passes <= 2, "bad pass flag");
        let model2 = if passes > 0 {
            let m = Model::read(&mut r)?;
            anyhow::ensure!(m.nclasses == n, "class count mismatch");
            Some(m)
        } else {
            None
        };
        let lemmatizer = Lemmatizer::read(&mut r, version)?;
        Ok(Tagger {
            id: next_id(),
            model,
            model2,
            first_reversed: passes == 2,
            pass2_margin: PASS2_MARGIN,
            verb_margin: VERB_MARGIN,
            upos,
            xpos,
            dict,
            amb,
            lemmatizer,
        })
    }

    /// Drops weights below `min` quantisation steps (smaller, faster model).
    pub fn prune(&mut self, min: i16) {
        self.id = next_id();
        self.model = self.model.pruned(min);
        self.model2 = self.model2.as_ref().map(|m| m.pruned(min));
    }

    /// Model size statistics: (features, weights).
    pub fn stats(&self) -> (usize, usize) {
        let (f, w) = self.model.stats();
        let (f2, w2) = self.model2.as_ref().map_or((0, 0), |m| m.stats());
        (f + f2, w + w2)
    }
}

/// Trains the tagger and lemmatizer on `train`; prints dev accuracy per epoch to stderr when `dev` is given.
pub fn train_tagger(train: &[Sentence], dev: Option<&[Sentence]>, opts: &TaggerOptions) -> Tagger {
    // Classes: joint (UPOS, XPOS) pairs, sorted for reproducibility.
    let mut class_counts: HashMap<(String, String), usize> = HashMap::new();
    let mut form_counts: HashMap<String, HashMap<(String, String), usize>> = HashMap::new();
    for s in train {
        for w in &s.words {
            let k = (w.upos.clone(), w.xpos.clone());
            *class_counts.entry(k.clone()).or_default() += 1;
            *form_counts
                .entry(w.form.clone())
                .or_default()
                .entry(k)
                .or_default() += 1;
        }
    }
    let mut classes: Vec<(String, String)> = class_counts.into_keys().collect();
    classes.sort();
    assert!(classes.len() < 256, "too many tag classes");
    let class_id: HashMap<(String, String), u16> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.clone(), i as u16))
        .collect();
    let mut dict = KeyMap::default();
    let mut forms: Vec<(&String, &HashMap<(String, String), usize>)> = form_counts.iter().collect();
    forms.sort_by(|a, b| a.0.cmp(b.0));
    for (form, m) in forms {
        let total: usize = m.values().sum();
        let (best, n) = m
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .unwrap();
        if total >= 20 && *n as f64 / total as f64 >= 0.995 {
            dict.insert(hash_str(form), class_id[best]);
        }
    }
    // Ambiguity classes of frequent words only (rare words would leak their training tag).
    let mut amb_counts: HashMap<u64, HashMap<u16, usize>> = HashMap::new();
    for s in train {
        for w in &s.words {
            let c = class_id[&(w.upos.clone(), w.xpos.clone())];
            *amb_counts
                .entry(hash_lower(&w.form))
                .or_default()
                .entry(c)
                .or_default() += 1;
        }
    }
    let amb: KeyMap<u64> = amb_counts
        .into_iter()
        .filter_map(|(k, m)| {
            let total: usize = m.values().sum();
            if total < 5 {
                return None;
            }
            let mut set: Vec<u16> = m
                .into_iter()
                .filter(|&(_, n)| n * 20 >= total)
                .map(|(c, _)| c)
                .collect();
            set.sort_unstable();
            let h = set
                .iter()
                .fold(0x77u64, |h, &c| crate::hash::mix(h, c as u64));
            Some((k, crate::hash::fin(h)))
        })
        .collect();
    let data: Vec<(Vec<String>, Vec<u16>)> = train
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.form.clone()).collect(),
                s.words
                    .iter()
                    .map(|w| class_id[&(w.upos.clone(), w.xpos.clone())])
                    .collect(),
            )
        })
        .collect();
    let lemmatizer = Lemmatizer::train(train.iter().flat_map(|s| {
        s.words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.form.as_str(), &*w.xpos, w.lemma.as_str(), i == 0))
    }));
    let mut tagger = Tagger {
        id: next_id(),
        model: Trainer::new(classes.len()).freeze(f32::INFINITY),
        model2: None,
        first_reversed: opts.second_pass && opts.reverse_first,
        pass2_margin: PASS2_MARGIN,
        verb_margin: VERB_MARGIN,
        upos: classes.iter().map(|c| c.0.clone()).collect(),
        xpos: classes.iter().map(|c| c.1.clone()).collect(),
        dict,
        amb,
        lemmatizer,
    };
    let dev1 = if opts.second_pass { None } else { dev };
    // The first pass reads sentences backwards when it feeds a second pass (right-to-left context).
    let data1: Vec<(Vec<String>, Vec<u16>)> = if tagger.first_reversed {
        data.iter()
            .map(|(w, g)| {
                (
                    w.iter().rev().cloned().collect(),
                    g.iter().rev().copied().collect(),
                )
            })
            .collect()
    } else {
        data.clone()
    };
    tagger.model = train_pass(&mut tagger, &data1, None, dev1, opts, "tagger").pruned(opts.prune);
    tagger.id = next_id();
    if opts.second_pass {
        // Jackknifed first-pass tags, so the second pass learns how far to trust them.
        let k = 4;
        let nclasses = classes.len();
        let mut first: Vec<Vec<u16>> = vec![Vec::new(); data.len()];
        // Folds train in parallel threads; each result lands at its sentence index, so the outcome does
        // not depend on scheduling.
        let reversed = tagger.first_reversed;
        let (dict, amb, data1) = (&tagger.dict, &tagger.amb, &data1);
        let tagged: Vec<Vec<(usize, Vec<u16>)>> = std::thread::scope(|sc| {
            let handles: Vec<_> = (0..k)
                .map(|fold| {
                    sc.spawn(move || {
                        let mut ft = Tagger {
                            id: next_id(),
                            model: Trainer::new(nclasses).freeze(f32::INFINITY),
                            model2: None,
                            first_reversed: false,
                            pass2_margin: PASS2_MARGIN,
                            // Jackknifed first-pass tags are the model's own.
                            verb_margin: 0,
                            upos: Vec::new(),
                            xpos: Vec::new(),
                            dict: dict.clone(),
                            amb: amb.clone(),
                            lemmatizer: Lemmatizer::train(std::iter::empty()),
                        };
                        let rest: Vec<(Vec<String>, Vec<u16>)> = data1
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| i % k != fold)
                            .map(|(_, d)| d.clone())
                            .collect();
                        let name = format!("tagger fold {}/{}", fold + 1, k);
                        ft.model =
                            train_pass(&mut ft, &rest, None, None, opts, &name).pruned(opts.prune);
                        ft.id = next_id();
                        let mut scratch = TagScratch::default();
                        let mut out = Vec::new();
                        for (i, (words, _)) in data1.iter().enumerate() {
                            if i % k == fold {
                                let mut t = Vec::new();
                                ft.tag(words, &mut t, &mut scratch);
                                if reversed {
                                    t.reverse();
                                }
                                out.push((i, t));
                            }
                        }
                        out
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("tagger fold thread"))
                .collect()
        });
        for (i, t) in tagged.into_iter().flatten() {
            first[i] = t;
        }
        let m2 = train_pass(&mut tagger, &data, Some(&first), dev, opts, "tagger pass 2");
        tagger.model2 = Some(m2.pruned(opts.prune));
        tagger.id = next_id();
    }
    tagger
}

/// Trains one greedy pass (the second when `first` holds first-pass tags for `data`); prints progress and,
/// with `dev`, dev accuracy (of `tagger` with the model being trained in that pass).
fn train_pass(
    tagger: &mut Tagger,
    data: &[(Vec<String>, Vec<u16>)],
    first: Option<&[Vec<u16>]>,
    dev: Option<&[Sentence]>,
    opts: &TaggerOptions,
    name: &str,
) -> Model {
    let nclasses = tagger.model.nclasses;
    let mut rng = Rng::new(opts.seed + first.is_some() as u64);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut t = Trainer::new(nclasses);
    let mut scores = vec![0f32; nclasses];
    let mut feats = Vec::new();
    let mut toks = Vec::new();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let (words, gold) = &data[si];
            let title;
            let words = if rng.unit() < opts.headline_rate {
                title = titlecase(words, &mut rng);
                &title
            } else {
                words
            };
            let headline = is_headline(words);
            toks.clear();
            toks.extend(words.iter().map(|w| Tok::new(w, &tagger.amb)));
            let f = first.map(|f| f[si].as_slice());
            let (mut p1, mut p2) = (START1, START2);
            for i in 0..words.len() {
                features(&toks, i, p1, p2, headline, f, false, &mut feats);
                t.tick();
                t.score(&feats, &mut scores);
                let g = argmax(&scores);
                t.update(&feats, gold[i] as usize, g);
                right += (g == gold[i] as usize) as usize;
                total += 1;
                p2 = p1;
                p1 = g as u64;
            }
        }
        if let Some(dev) = dev {
            if epoch + 1 == opts.epochs || epoch % 3 == 2 {
                let m = t.freeze(0.0);
                if first.is_some() {
                    tagger.model2 = Some(m);
                } else {
                    tagger.model = m;
                }
                tagger.id = next_id();
                let acc = dev_accuracy(tagger, dev);
                eprintln!(
                    "{name} epoch {}: train {:.2}% dev UPOS {:.2}% XPOS {:.2}% ({} features)",
                    epoch + 1,
                    100.0 * right as f64 / total as f64,
                    acc.0,
                    acc.1,
                    t.len()
                );
                continue;
            }
        }
        eprintln!(
            "{name} epoch {}: train {:.2}% ({} features)",
            epoch + 1,
            100.0 * right as f64 / total as f64,
            t.len()
        );
    }
    t.freeze(0.0)
}

fn dev_accuracy(tagger: &Tagger, dev: &[Sentence]) -> (f64, f64) {
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let (mut u, mut x, mut n) = (0, 0, 0);
    for s in dev {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag(&words, &mut out, &mut scratch);
        for (w, &c) in s.words.iter().zip(&out) {
            u += (tagger.upos[c as usize] == w.upos) as usize;
            x += (tagger.xpos[c as usize] == w.xpos) as usize;
            n += 1;
        }
    }
    (
        100.0 * u as f64 / n.max(1) as f64,
        100.0 * x as f64 / n.max(1) as f64,
    )
}
