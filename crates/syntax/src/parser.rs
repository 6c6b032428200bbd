//! Greedy arc-eager dependency parser (root token at the end of the buffer) with an averaged perceptron,
//! trained with a dynamic oracle and exploration (Goldberg & Nivre 2012), using rich non-local features
//! in the style of Zhang & Nivre (2011).

use std::collections::HashMap;

use crate::conllu::Sentence;
use crate::hash::{f1, f2, f3, hash_lower, hash_str, mix, Rng};
use crate::io::{Reader, Writer};
use crate::perceptron::{Model, Trainer};

/// Version 2 adds a flags byte (bit 0: at most one subject per head); version 1 files still load.
const MAGIC: &[u8] = b"DOSSIER-PARSER-2";
const MAGIC_V1: &[u8] = b"DOSSIER-PARSER-1";
const SHIFT: usize = 0;
const REDUCE: usize = 1;

/// Parser state over words `1..=n`; `n + 1` is the root token, at the end of the buffer.
#[derive(Default)]
pub(crate) struct State {
    n: usize,
    stack: Vec<u32>,
    b: usize,
    head: Vec<u32>,
    label: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

const NONE: u32 = 0;

impl State {
    fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 2, NONE);
        }
        for v in [&mut self.label, &mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 2, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 2, 0);
        }
    }
    fn root(&self) -> usize {
        self.n + 1
    }
    fn done(&self) -> bool {
        self.b > self.n && self.stack.is_empty()
    }
    fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }
    fn add_arc(&mut self, h: usize, d: usize, l: u8) {
        self.head[d] = h as u32;
        self.label[d] = l + 1;
        if d < h {
            self.lc2[h] = self.lc1[h];
            self.lc1[h] = d as u32;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1u64 << (l % 64);
        } else {
            self.rc2[h] = self.rc1[h];
            self.rc1[h] = d as u32;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1u64 << (l % 64);
        }
    }
}

/// The trained parser.
pub struct Parser {
    model: Model,
    pub labels: Vec<String>,
    root_label: usize,
    /// Whether a head may take at most one `nsubj`/`nsubj:pass` dependent (applied in training too).
    one_subject: bool,
    /// Label bits of the subject relations when `one_subject` holds, else 0.
    subj_mask: u64,
}

/// Label bit mask (as in `State::lset`) of `nsubj` and `nsubj:pass`.
fn subject_mask(labels: &[String]) -> u64 {
    labels
        .iter()
        .enumerate()
        .filter(|(_, l)| *l == "nsubj" || *l == "nsubj:pass")
        .fold(0, |m, (i, _)| m | 1u64 << (i % 64))
}

/// Reusable buffers for parsing without allocation.
#[derive(Default)]
pub struct ParseScratch {
    st: State,
    words: Vec<u64>,
    tags: Vec<u64>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    /// The features of [`BUFFER_FEATS`], and the rest.
    part: Vec<u64>,
    /// Scores of the buffer features for the buffer front `base_b` (0: none yet).
    base: Vec<i32>,
    base_b: usize,
}

/// Positions in [`features`]' output of the features that depend only on the buffer front `b` (the
/// words and tags of n0, n1, n2) or on nothing (the bias). REDUCE and LEFT leave `b` unchanged, so the
/// parser scores these once per buffer position and adds the rest.
const BUFFER_FEATS: [usize; 12] = [0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21];
const NFEATS: usize = 78;

/// Whether feature `i` of [`features`] is in [`BUFFER_FEATS`].
const fn is_buffer_feat(i: usize) -> bool {
    let mut k = 0;
    while k < BUFFER_FEATS.len() {
        if BUFFER_FEATS[k] == i {
            return true;
        }
        k += 1;
    }
    false
}

/// The other positions, in order.
const REST_FEATS: [usize; NFEATS - BUFFER_FEATS.len()] = {
    let mut out = [0; NFEATS - BUFFER_FEATS.len()];
    let (mut i, mut k) = (0, 0);
    while i < NFEATS {
        if !is_buffer_feat(i) {
            out[k] = i;
            k += 1;
        }
        i += 1;
    }
    out
};

#[derive(Clone, Debug)]
pub struct ParserOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Probability of following the model's own (possibly wrong) transition after the first epoch.
    pub explore: f64,
    /// Folds for jackknifed training tags (0 or 1: gold tags).
    pub jackknife: usize,
    pub tagger: crate::TaggerOptions,
    /// Final pruning: weights below this many quantisation steps (of 32767 for the largest) are dropped.
    pub prune: i16,
    /// At most one `nsubj`/`nsubj:pass` per head, in training and parsing.
    pub one_subject: bool,
}

impl Default for ParserOptions {
    fn default() -> Self {
        ParserOptions {
            epochs: 12,
            seed: 7,
            explore: 0.9,
            jackknife: 4,
            tagger: crate::TaggerOptions::default(),
            prune: 600,
            one_subject: true,
        }
    }
}

/// Hash of a (UPOS, XPOS) tag pair as the parser sees it.
pub fn tag_key(upos: &str, xpos: &str) -> u64 {
    mix(hash_str(upos), hash_str(xpos)) | 2
}

const ROOT_WORD: u64 = 0x0000_0000_0000_0007;

fn features(st: &State, words: &[u64], tags: &[u64], out: &mut Vec<u64>) {
    out.clear();
    let w = |i: u32| words[i as usize];
    let p = |i: u32| tags[i as usize];
    let l = |i: u32| st.label[i as usize] as u64;
    let s0 = st.s0();
    let s1 = if st.stack.len() >= 2 {
        st.stack[st.stack.len() - 2]
    } else {
        NONE
    };
    let n0 = if st.b <= st.root() { st.b as u32 } else { NONE };
    let nx = |k: usize| -> u32 {
        if n0 != NONE && st.b + k <= st.root() {
            (st.b + k) as u32
        } else {
            NONE
        }
    };
    let (n1, n2) = (nx(1), nx(2));
    let s0h = st.head[s0 as usize];
    let s0h2 = st.head[s0h as usize];
    let (s0l, s0l2, s0r, s0r2) = (
        st.lc1[s0 as usize],
        st.lc2[s0 as usize],
        st.rc1[s0 as usize],
        st.rc2[s0 as usize],
    );
    let (n0l, n0l2) = (st.lc1[n0 as usize], st.lc2[n0 as usize]);
    let (s0w, s0p, n0w, n0p) = (w(s0), p(s0), w(n0), p(n0));
    let s0wp = mix(s0w, s0p);
    let n0wp = mix(n0w, n0p);
    let d = if s0 != NONE && n0 != NONE {
        if n0 as usize == st.root() {
            99
        } else {
            ((n0 - s0) as u64).min(10)
        }
    } else {
        0
    };
    let (vr, vl, n0vl) = (
        st.nr[s0 as usize] as u64,
        st.nl[s0 as usize] as u64,
        st.nl[n0 as usize] as u64,
    );
    let (sr, sl, n0sl) = (
        st.rset[s0 as usize],
        st.lset[s0 as usize],
        st.lset[n0 as usize],
    );
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, s0w),
        f1(2, s0p),
        f1(3, s0wp),
        f1(4, n0w),
        f1(5, n0p),
        f1(6, n0wp),
        f1(7, w(n1)),
        f1(8, p(n1)),
        f2(9, w(n1), p(n1)),
        f1(10, w(n2)),
        f1(11, p(n2)),
        f2(12, w(n2), p(n2)),
        f2(13, s0wp, n0wp),
        f2(14, s0wp, n0w),
        f2(15, s0w, n0wp),
        f2(16, s0wp, n0p),
        f2(17, s0p, n0wp),
        f2(18, s0w, n0w),
        f2(19, s0p, n0p),
        f2(20, n0p, p(n1)),
        f3(21, n0p, p(n1), p(n2)),
        f3(22, s0p, n0p, p(n1)),
        f3(23, p(s0h), s0p, n0p),
        f3(24, s0p, p(s0l), n0p),
        f3(25, s0p, p(s0r), n0p),
        f3(26, s0p, n0p, p(n0l)),
        f2(27, s0w, d),
        f2(28, s0p, d),
        f2(29, n0w, d),
        f2(30, n0p, d),
        f3(31, s0w, n0w, d),
        f3(32, s0p, n0p, d),
        f2(33, s0w, vr),
        f2(34, s0p, vr),
        f2(35, s0w, vl),
        f2(36, s0p, vl),
        f2(37, n0w, n0vl),
        f2(38, n0p, n0vl),
        f1(39, w(s0h)),
        f1(40, p(s0h)),
        f1(41, l(s0)),
        f1(42, w(s0l)),
        f1(43, p(s0l)),
        f1(44, l(s0l)),
        f1(45, w(s0r)),
        f1(46, p(s0r)),
        f1(47, l(s0r)),
        f1(48, w(n0l)),
        f1(49, p(n0l)),
        f1(50, l(n0l)),
        f1(51, w(s0h2)),
        f1(52, p(s0h2)),
        f1(53, l(s0h)),
        f1(54, w(s0l2)),
        f1(55, p(s0l2)),
        f1(56, l(s0l2)),
        f1(57, w(s0r2)),
        f1(58, p(s0r2)),
        f1(59, l(s0r2)),
        f1(60, w(n0l2)),
        f1(61, p(n0l2)),
        f1(62, l(n0l2)),
        f3(63, s0p, p(s0l), p(s0l2)),
        f3(64, s0p, p(s0r), p(s0r2)),
        f3(65, s0p, p(s0h), p(s0h2)),
        f3(66, n0p, p(n0l), p(n0l2)),
        f2(67, s0w, sr),
        f2(68, s0p, sr),
        f2(69, s0w, sl),
        f2(70, s0p, sl),
        f2(71, n0w, n0sl),
        f2(72, n0p, n0sl),
        f1(73, w(s1)),
        f1(74, p(s1)),
        f3(75, p(s1), s0p, n0p),
        f3(76, p(s1), l(s1), s0p),
        f3(77, s0p, l(s0), n0p),
    ]);
}

/// Marks valid transitions in `valid` (len = classes).
/// `subj_mask`: subject labels a head may take only once (0: no limit).
fn valid_moves(st: &State, root_label: usize, nlabels: usize, subj_mask: u64, valid: &mut [bool]) {
    valid.iter_mut().for_each(|v| *v = false);
    let has_s0 = !st.stack.is_empty();
    let s0 = st.s0() as usize;
    let at_root = st.b == st.root();
    let buffer = st.b <= st.root();
    valid[SHIFT] = buffer && !at_root;
    valid[REDUCE] = has_s0 && st.head[s0] != NONE;
    if has_s0 && buffer && st.head[s0] == NONE {
        if at_root {
            valid[2 + root_label] = true;
        } else {
            for l in 0..nlabels {
                valid[2 + l] = l != root_label;
            }
        }
    }
    if has_s0 && buffer && !at_root {
        for l in 0..nlabels {
            valid[2 + nlabels + l] = l != root_label;
        }
    }
    if subj_mask != 0 && has_s0 && buffer {
        // A second subject of the same head is not allowed (left arc: head b0; right arc: head s0).
        let taken = |h: usize| (st.lset[h] | st.rset[h]) & subj_mask != 0;
        let (left, right) = (taken(st.b), taken(s0));
        for l in 0..nlabels {
            if subj_mask & (1u64 << (l % 64)) != 0 {
                if left {
                    valid[2 + l] = false;
                }
                if right {
                    valid[2 + nlabels + l] = false;
                }
            }
        }
    }
}

/// The only valid transition, when there is just one: SHIFT on an empty stack, and REDUCE or LEFT-root once
/// the buffer holds only the root.
fn forced(st: &State, root_label: usize) -> Option<usize> {
    if st.stack.is_empty() {
        return Some(SHIFT);
    }
    if st.b == st.root() {
        return Some(if st.head[st.s0() as usize] != NONE {
            REDUCE
        } else {
            2 + root_label
        });
    }
    None
}

fn apply(st: &mut State, t: usize, nlabels: usize) {
    if t == SHIFT {
        st.stack.push(st.b as u32);
        st.b += 1;
    } else if t == REDUCE {
        st.stack.pop();
    } else if t < 2 + nlabels {
        let s0 = st.stack.pop().unwrap() as usize;
        st.add_arc(st.b, s0, (t - 2) as u8);
    } else {
        let s0 = st.s0() as usize;
        st.add_arc(s0, st.b, (t - 2 - nlabels) as u8);
        st.stack.push(st.b as u32);
        st.b += 1;
    }
}

/// Dynamic-oracle cost of each valid transition (arc-eager, Goldberg & Nivre 2012), with label errors.
fn costs(st: &State, gh: &[u32], gl: &[u8], nlabels: usize, valid: &[bool], out: &mut [u32]) {
    let root = st.root();
    let b = st.b;
    let s0 = st.s0() as usize;
    let in_stack = |k: u32| st.stack.contains(&k);
    // SHIFT: b loses heads and unattached dependents in the stack.
    let mut shift = 0;
    let mut right_deps = 0;
    if b <= root && b != root {
        for &k in &st.stack {
            if gh[k as usize] == b as u32 && st.head[k as usize] == NONE {
                shift += 1;
            }
        }
        right_deps = shift;
        if in_stack(gh[b]) {
            shift += 1;
        }
    }
    // REDUCE and LEFT both pop s0, losing its gold dependents still in the buffer.
    let s0_deps = (b..=root).filter(|&k| gh[k] == s0 as u32).count() as u32;
    for (t, c) in out.iter_mut().enumerate() {
        if !valid[t] {
            *c = u32::MAX;
            continue;
        }
        *c = if t == SHIFT {
            shift
        } else if t == REDUCE {
            s0_deps
        } else if t < 2 + nlabels {
            // LEFT: s0 gets head b and is popped.
            let l = t - 2;
            let mut c = s0_deps;
            let h = gh[s0] as usize;
            if h != b && h > b && h <= root {
                c += 1;
            }
            if h == b && gl[s0] as usize != l {
                c += 1;
            }
            c
        } else {
            // RIGHT: b gets head s0 and is pushed.
            let l = t - 2 - nlabels;
            let h = gh[b] as usize;
            let mut c = right_deps;
            if h != s0 && (in_stack(h as u32) || (h > b && h <= root)) {
                c += 1;
            }
            if h == s0 && gl[b] as usize != l {
                c += 1;
            }
            c
        };
    }
}

fn best<T: PartialOrd>(scores: &[T], ok: impl Fn(usize) -> bool) -> usize {
    let mut b = usize::MAX;
    for i in 0..scores.len() {
        if ok(i) && (b == usize::MAX || scores[i] > scores[b]) {
            b = i;
        }
    }
    b
}

impl Parser {
    fn nlabels(&self) -> usize {
        self.labels.len()
    }

    /// Parses one sentence. `tags[i]` is [`tag_key`] of word `i`. `heads` receives 0-based head indices
    /// (`None` for the root), `labels` label ids into [`Parser::labels`].
    pub fn parse<S: AsRef<str>>(
        &self,
        words: &[S],
        tags: &[u64],
        heads: &mut Vec<Option<usize>>,
        labels: &mut Vec<u8>,
        scratch: &mut ParseScratch,
    ) {
        let n = words.len();
        heads.clear();
        labels.clear();
        if n == 0 {
            return;
        }
        scratch.words.clear();
        scratch.words.push(0);
        scratch
            .words
            .extend(words.iter().map(|w| hash_lower(w.as_ref())));
        scratch.words.push(ROOT_WORD);
        scratch.tags.clear();
        scratch.tags.push(0);
        scratch.tags.extend_from_slice(tags);
        scratch.tags.push(ROOT_WORD);
        let nl = self.nlabels();
        let nc = 2 + 2 * nl;
        scratch.scores.resize(nc, 0);
        let mut valid = [false; 256];
        scratch.base.resize(nc, 0);
        scratch.base_b = 0;
        let st = &mut scratch.st;
        st.reset(n);
        while !st.done() {
            valid_moves(st, self.root_label, nl, self.subj_mask, &mut valid[..nc]);
            // Forced moves (empty stack, end of sentence) need no scoring.
            let t = match forced(st, self.root_label) {
                Some(t) => t,
                None => {
                    features(st, &scratch.words, &scratch.tags, &mut scratch.feats);
                    debug_assert_eq!(scratch.feats.len(), NFEATS);
                    if scratch.base_b != st.b {
                        scratch.part.clear();
                        scratch
                            .part
                            .extend(BUFFER_FEATS.iter().map(|&i| scratch.feats[i]));
                        self.model.score(&scratch.part, &mut scratch.base);
                        scratch.base_b = st.b;
                    }
                    scratch.part.clear();
                    scratch
                        .part
                        .extend(REST_FEATS.iter().map(|&i| scratch.feats[i]));
                    self.model
                        .score_from(Some(&scratch.base), &scratch.part, &mut scratch.scores);
                    best(&scratch.scores, |i| valid[i])
                }
            };
            if t == usize::MAX {
                break;
            }
            apply(st, t, nl);
        }
        let extra = self
            .labels
            .iter()
            .position(|l| l == "parataxis")
            .map(|i| i as u8)
            .unwrap_or(u8::MAX);
        finish(st, self.root_label, extra, heads, labels);
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes(MAGIC);
        w.u32(self.labels.len() as u32);
        for l in &self.labels {
            w.str(l);
        }
        w.u32(self.root_label as u32);
        w.u8(self.one_subject as u8);
        self.model.write(&mut w);
        w.finish()
    }

    pub fn from_bytes(b: &[u8]) -> anyhow::Result<Parser> {
        let v1 = b.starts_with(MAGIC_V1);
        let mut r = Reader::new(b);
        r.magic(if v1 { MAGIC_V1 } else { MAGIC })?;
        let n = r.u32()? as usize;
        anyhow::ensure!(n > 0 && 2 + 2 * n <= 256, "bad label count");
        let labels = (0..n)
            .map(|_| r.str())
            .collect::<anyhow::Result<Vec<_>>>()?;
        let root_label = r.u32()? as usize;
        anyhow::ensure!(root_label < n, "bad root label");
        let flags = if v1 { 0 } else { r.u8()? };
        anyhow::ensure!(flags <= 1, "unknown parser flags");
        let model = Model::read(&mut r)?;
        anyhow::ensure!(model.nclasses == 2 + 2 * n, "class count mismatch");
        let one_subject = flags & 1 != 0;
        Ok(Parser {
            model,
            subj_mask: if one_subject {
                subject_mask(&labels)
            } else {
                0
            },
            labels,
            root_label,
            one_subject,
        })
    }

    pub fn stats(&self) -> (usize, usize) {
        self.model.stats()
    }

    /// Drops weights below `min` quantisation steps (smaller, faster model).
    pub fn prune(&mut self, min: i16) {
        self.model = self.model.pruned(min);
    }
}

/// Reads the final tree off the state: one root (the leftmost root child); other root children and any
/// word left without a head attach to it as `parataxis`/`dep`.
fn finish(
    st: &State,
    root_label: usize,
    extra: u8,
    heads: &mut Vec<Option<usize>>,
    labels: &mut Vec<u8>,
) {
    let n = st.n;
    let root = st.root() as u32;
    let first_root = (1..=n).find(|&i| st.head[i] == root);
    let main = first_root.unwrap_or(1);
    for i in 1..=n {
        let h = st.head[i];
        if i == main {
            heads.push(None);
            labels.push(root_label as u8);
        } else if h == root {
            heads.push(Some(main - 1));
            labels.push(extra);
        } else if h == NONE {
            heads.push(Some(main - 1));
            labels.push(u8::MAX);
        } else {
            heads.push(Some(h as usize - 1));
            labels.push(st.label[i] - 1);
        }
    }
}

/// Trains the parser. Training tags are predicted by jackknifed taggers (`opts.jackknife` folds) so the
/// parser learns from realistic tags; dev tags come from `tagger` when given (gold tags otherwise).
pub fn train_parser(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    tagger: Option<&crate::Tagger>,
    opts: &ParserOptions,
) -> Parser {
    let mut labels: Vec<String> = train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !labels.iter().any(|l| l == "root") {
        labels.push("root".into());
        labels.sort();
    }
    assert!(2 + 2 * labels.len() <= 256, "too many labels");
    let label_id: HashMap<&str, u8> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u8))
        .collect();
    let root_label = label_id["root"] as usize;
    let nl = labels.len();
    let nc = 2 + 2 * nl;
    let train_tags = jackknife_tags(train, opts);
    struct Ex {
        words: Vec<u64>,
        tags: Vec<u64>,
        gh: Vec<u32>,
        gl: Vec<u8>,
    }
    let data: Vec<Ex> = train
        .iter()
        .zip(&train_tags)
        .map(|(s, tags)| {
            let n = s.words.len();
            let mut words = vec![0];
            words.extend(s.words.iter().map(|w| hash_lower(&w.form)));
            words.push(ROOT_WORD);
            let mut t = vec![0];
            t.extend_from_slice(tags);
            t.push(ROOT_WORD);
            let mut gh = vec![NONE];
            gh.extend(s.words.iter().map(|w| {
                if w.head == 0 || w.head > n {
                    (n + 1) as u32
                } else {
                    w.head as u32
                }
            }));
            gh.push(NONE);
            let mut gl = vec![0];
            gl.extend(s.words.iter().map(|w| label_id[&*w.deprel]));
            gl.push(0);
            Ex {
                words,
                tags: t,
                gh,
                gl,
            }
        })
        .collect();
    let mut t = Trainer::new(nc);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; nc];
    let mut valid = vec![false; nc];
    let mut cost = vec![0u32; nc];
    let mut parser = Parser {
        model: t.freeze(f32::INFINITY),
        subj_mask: if opts.one_subject {
            subject_mask(&labels)
        } else {
            0
        },
        labels: labels.clone(),
        root_label,
        one_subject: opts.one_subject,
    };
    let subj_mask = parser.subj_mask;
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &i in &order {
            let ex = &data[i];
            let n = ex.words.len() - 2;
            st.reset(n);
            while !st.done() {
                valid_moves(&st, root_label, nl, subj_mask, &mut valid);
                features(&st, &ex.words, &ex.tags, &mut feats);
                t.tick();
                t.score(&feats, &mut scores);
                costs(&st, &ex.gh, &ex.gl, nl, &valid, &mut cost);
                let pred = best(&scores, |k| valid[k]);
                let min = cost.iter().copied().min().unwrap_or(0);
                let gold = best(&scores, |k| valid[k] && cost[k] == min);
                if pred == usize::MAX || gold == usize::MAX {
                    break;
                }
                if cost[pred] > min {
                    t.update(&feats, gold, pred);
                } else {
                    right += 1;
                }
                total += 1;
                let follow = if epoch > 0 && rng.unit() < opts.explore {
                    pred
                } else {
                    gold
                };
                apply(&mut st, follow, nl);
            }
        }
        let msg = format!(
            "parser epoch {}: train transitions {:.2}% ({} features)",
            epoch + 1,
            100.0 * right as f64 / total.max(1) as f64,
            t.len()
        );
        if let (Some(dev), true) = (dev, epoch + 1 == opts.epochs || epoch % 3 == 2) {
            parser.model = t.freeze(0.0);
            let (uas, las) = dev_scores(&parser, dev, tagger);
            eprintln!("{msg} dev UAS {uas:.2} LAS {las:.2}");
        } else {
            eprintln!("{msg}");
        }
    }
    parser.model = t.freeze(0.0).pruned(opts.prune);
    parser
}

/// Predicted (jackknifed) tag keys for the training sentences.
fn jackknife_tags(train: &[Sentence], opts: &ParserOptions) -> Vec<Vec<u64>> {
    let gold =
        |s: &Sentence| -> Vec<u64> { s.words.iter().map(|w| tag_key(&w.upos, &w.xpos)).collect() };
    if opts.jackknife < 2 {
        return train.iter().map(gold).collect();
    }
    let k = opts.jackknife;
    let mut out: Vec<Vec<u64>> = vec![Vec::new(); train.len()];
    // Two worker threads take alternate folds; each result lands at its sentence index, so the outcome
    // does not depend on scheduling.
    let run_fold = |fold: usize| -> Vec<(usize, Vec<u64>)> {
        let rest: Vec<Sentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, s)| s.clone())
            .collect();
        eprintln!("jackknife fold {}/{}", fold + 1, k);
        let mut tg = crate::train_tagger(&rest, None, &opts.tagger);
        // Training tags always come from the full second pass (no run-time shortcut), so the parser does not
        // depend on the tagger's speed setting.
        tg.pass2_margin = i32::MAX;
        let mut scratch = crate::TagScratch::default();
        let mut cls = Vec::new();
        let mut tagged = Vec::new();
        for (i, s) in train.iter().enumerate() {
            if i % k == fold {
                let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                tg.tag(&words, &mut cls, &mut scratch);
                tagged.push((
                    i,
                    cls.iter()
                        .map(|&c| tag_key(&tg.upos[c as usize], &tg.xpos[c as usize]))
                        .collect(),
                ));
            }
        }
        tagged
    };
    let results: Vec<Vec<(usize, Vec<u64>)>> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..2)
            .map(|w| {
                let run_fold = &run_fold;
                sc.spawn(move || {
                    (w..k)
                        .step_by(2)
                        .flat_map(run_fold)
                        .collect::<Vec<(usize, Vec<u64>)>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("jackknife thread"))
            .collect()
    });
    for (i, t) in results.into_iter().flatten() {
        out[i] = t;
    }
    out
}

/// Dev UAS and LAS (all words, punctuation included).
fn dev_scores(parser: &Parser, dev: &[Sentence], tagger: Option<&crate::Tagger>) -> (f64, f64) {
    let mut ps = ParseScratch::default();
    let mut ts = crate::TagScratch::default();
    let (mut heads, mut labels, mut cls) = (Vec::new(), Vec::new(), Vec::new());
    let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
    for s in dev {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let tags: Vec<u64> = match tagger {
            Some(tg) => {
                tg.tag(&words, &mut cls, &mut ts);
                cls.iter()
                    .map(|&c| tag_key(&tg.upos[c as usize], &tg.xpos[c as usize]))
                    .collect()
            }
            None => s.words.iter().map(|w| tag_key(&w.upos, &w.xpos)).collect(),
        };
        parser.parse(&words, &tags, &mut heads, &mut labels, &mut ps);
        for (i, w) in s.words.iter().enumerate() {
            let h = heads[i].map(|h| h + 1).unwrap_or(0);
            if h == w.head {
                u += 1;
                if parser.label_name(labels[i]) == w.deprel {
                    l += 1;
                }
            }
            n += 1;
        }
    }
    (
        100.0 * u as f64 / n.max(1) as f64,
        100.0 * l as f64 / n.max(1) as f64,
    )
}

impl Parser {
    /// Name of a label id returned by [`Parser::parse`] (`u8::MAX` stands for a fallback attachment).
    pub fn label_name(&self, l: u8) -> &str {
        if l == u8::MAX {
            "dep"
        } else {
            self.labels
                .get(l as usize)
                .map(|s| s.as_str())
                .unwrap_or("dep")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Parser::parse`] without the per-buffer-position cache: every transition scores all features.
    fn parse_uncached(p: &Parser, words: &[&str], tags: &[u64]) -> (Vec<Option<usize>>, Vec<u8>) {
        let n = words.len();
        let mut w = vec![0];
        w.extend(words.iter().map(|x| hash_lower(x)));
        w.push(ROOT_WORD);
        let mut t = vec![0];
        t.extend_from_slice(tags);
        t.push(ROOT_WORD);
        let nl = p.nlabels();
        let nc = 2 + 2 * nl;
        let (mut feats, mut scores, mut valid) = (Vec::new(), vec![0; nc], vec![false; nc]);
        let mut st = State::default();
        st.reset(n);
        while !st.done() {
            valid_moves(&st, p.root_label, nl, p.subj_mask, &mut valid);
            let m = match forced(&st, p.root_label) {
                Some(m) => m,
                None => {
                    features(&st, &w, &t, &mut feats);
                    p.model.score(&feats, &mut scores);
                    best(&scores, |i| valid[i])
                }
            };
            if m == usize::MAX {
                break;
            }
            apply(&mut st, m, nl);
        }
        let extra = p
            .labels
            .iter()
            .position(|l| l == "parataxis")
            .map_or(u8::MAX, |i| i as u8);
        let (mut heads, mut labels) = (Vec::new(), Vec::new());
        finish(&st, p.root_label, extra, &mut heads, &mut labels);
        (heads, labels)
    }

    #[test]
    fn buffer_feature_cache_changes_no_parse() {
        assert_eq!(BUFFER_FEATS.len() + REST_FEATS.len(), NFEATS);
        let syntax = crate::Syntax::embedded().expect("embedded models");
        let text = "On 3 December 2022 the defence ministers of Belarus and Russia signed a protocol \
            amending the 1997 agreement . Putin paid his first visit to Minsk , where he met Lukashenko \
            and they discussed the integration of the two countries . Shoigu announced that the Zapad \
            2023 drills would be held next year , and Russia will train Belarusian pilots . The talks \
            , which officials had not expected , ended without a statement .";
        let mut ps = ParseScratch::default();
        let mut ts = crate::TagScratch::default();
        let (mut heads, mut labels, mut cls) = (Vec::new(), Vec::new(), Vec::new());
        let mut checked = 0;
        for sent in text.split(" . ") {
            let words: Vec<&str> = sent.split_whitespace().collect();
            syntax.tagger.tag(&words, &mut cls, &mut ts);
            let tags: Vec<u64> = cls.iter().map(|&c| syntax.tag_keys[c as usize]).collect();
            syntax
                .parser
                .parse(&words, &tags, &mut heads, &mut labels, &mut ps);
            let (h, l) = parse_uncached(&syntax.parser, &words, &tags);
            assert_eq!((&heads, &labels), (&h, &l), "{sent}");
            checked += words.len();
        }
        assert!(checked > 50);
    }
}
