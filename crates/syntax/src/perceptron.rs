//! Averaged multiclass perceptron over hashed sparse features, and its compact frozen form.
//!
//! Training keeps, per feature key, a short list of (class, weight, running total) entries. Freezing
//! averages the weights, drops near-zero ones, quantises the rest to 16 bits and lays the features out in
//! an open-addressing table keyed by a 32-bit fingerprint, so scoring is one probe per feature plus a
//! few adds, with no allocation.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::io::{Reader, Writer};
use crate::table::Table;

/// Identity hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub struct KeyHasher(u64);
impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("KeyHasher only hashes u64 keys")
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// A perceptron being trained.
pub struct Trainer {
    pub nclasses: usize,
    index: KeyMap<u32>,
    rows: Vec<Vec<Entry>>,
    time: u32,
}

impl Trainer {
    pub fn new(nclasses: usize) -> Trainer {
        Trainer {
            nclasses,
            index: KeyMap::default(),
            rows: Vec::new(),
            time: 0,
        }
    }

    /// Adds the current weights of `feats` to `scores` (which must have `nclasses` entries).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Advances the averaging clock by one training instance.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Standard perceptron update: promote `truth`, demote `guess`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth, 1.0);
            self.bump(f, guess, -1.0);
        }
    }

    fn bump(&mut self, f: u64, class: usize, delta: f32) {
        let n = self.rows.len() as u32;
        let r = *self.index.entry(f).or_insert(n) as usize;
        if r == self.rows.len() {
            self.rows.push(Vec::with_capacity(2));
        }
        let time = self.time;
        let row = &mut self.rows[r];
        let e = match row.iter_mut().position(|e| e.class as usize == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(Entry {
                    class: class as u16,
                    w: 0.0,
                    total: 0.0,
                    stamp: time,
                });
                row.last_mut().unwrap()
            }
        };
        e.total += (time - e.stamp) as f64 * e.w as f64;
        e.stamp = time;
        e.w += delta;
    }

    /// Number of features with at least one weight.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Averages and freezes the weights; weights with `|w| < prune` are dropped.
    pub fn freeze(&self, prune: f32) -> Model {
        let time = self.time.max(1) as f64;
        let mut feats: Vec<(u32, Vec<(u8, f32)>)> = Vec::new();
        let mut maxw = 0f32;
        let mut keys: Vec<(&u64, &u32)> = self.index.iter().collect();
        keys.sort_unstable();
        for (&k, &r) in keys {
            let mut ws = Vec::new();
            for e in &self.rows[r as usize] {
                let avg = ((e.total + (self.time - e.stamp) as f64 * e.w as f64) / time) as f32;
                if avg.abs() >= prune {
                    maxw = maxw.max(avg.abs());
                    ws.push((e.class as u8, avg));
                }
            }
            if !ws.is_empty() {
                ws.sort_by_key(|w| w.0);
                feats.push((fingerprint(k), ws));
            }
        }
        Model::build(self.nclasses, feats, maxw)
    }
}

/// 32-bit fingerprint of a key (never 0, which marks an empty slot).
#[inline]
fn fingerprint(k: u64) -> u32 {
    ((k >> 32) as u32) | 1
}

/// Weight lists at least this long are stored as dense rows (one `i16` per class), summed with vector
/// adds instead of one scattered add per entry. They are few (the frequent features: bias, common tag
/// pairs) but hold most of the weights read per token.
const DENSE_MIN: usize = 12;
/// Slot value flag: the rest is a dense row index.
const DENSE: u32 = 1 << 31;
/// Slot value of a sparse list: length in the bits from here up, offset into `entries` below.
const LEN_SHIFT: u32 = 23;
const OFF_MASK: u32 = (1 << LEN_SHIFT) - 1;

/// One feature's weights in file order: (class, quantised weight).
type List = Vec<(u8, i16)>;

/// Weight lists in slot order, flat as in the file: per list (slot, fingerprint, entry count), then the
/// classes and quantised weights of all lists, concatenated.
#[derive(Default)]
struct Flat {
    heads: Vec<[u32; 3]>,
    classes: Vec<u8>,
    weights: Vec<i16>,
}

/// A frozen averaged perceptron.
///
/// The file format stores, per occupied slot of an open-addressing table, the fingerprint and its weight
/// list; in memory, long lists become dense rows and short ones stay sparse, and [`Model::write`]
/// reproduces the file byte for byte.
pub struct Model {
    pub nclasses: usize,
    mask: usize,
    /// Per slot: [fingerprint (0 = empty), value]; the value is `DENSE | row` or
    /// `len << LEN_SHIFT | offset` into `entries`.
    slots: Table<[u32; 2]>,
    /// Sparse entries: class (high 16 bits) and quantised weight (low 16 bits, as i16).
    entries: Table<u32>,
    /// Dense rows, `width` weights each (classes padded to a multiple of 32, so a row is whole cache lines).
    dense: Table<i16>,
    width: usize,
    /// Whether the CPU has AVX2, and AVX-512 F + BW (checked once, at load time).
    avx2: bool,
    avx512: bool,
    /// Quantisation step: stored weight = round(w / scale) as i16.
    scale: f32,
}

#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint and never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[inline(always)]
fn home(k: u32, mask: usize) -> usize {
    ((k as usize).wrapping_mul(0x9E37_79B1) >> 3) & mask
}

fn pack(class: u8, q: i16) -> u32 {
    ((class as u32) << 16) | (q as u16 as u32)
}

/// Whether a list can be a dense row: long, classes strictly increasing, no zero weight (so the row
/// gives the list back exactly).
fn dense_ok(classes: &[u8], weights: &[i16]) -> bool {
    classes.len() >= DENSE_MIN
        && classes.windows(2).all(|p| p[0] < p[1])
        && weights.iter().all(|&w| w != 0)
}

/// Adds a dense row to the accumulators (vectorised by the compiler).
#[inline(always)]
fn add_row(acc: &mut [i32], row: &[i16]) {
    for (a, &r) in acc.iter_mut().zip(row) {
        *a += r as i32;
    }
}

#[repr(align(64))]
struct Acc([i32; 256]);

impl Model {
    fn build(nclasses: usize, mut feats: Vec<(u32, Vec<(u8, f32)>)>, maxw: f32) -> Model {
        let size = (feats.len() * 10 / 7 + 1).next_power_of_two().max(16);
        let mask = size - 1;
        // Feature keys are fingerprints; two features with the same fingerprint are merged.
        feats.sort_by_key(|f| f.0);
        feats.dedup_by(|b, a| {
            if a.0 == b.0 {
                let extra = std::mem::take(&mut b.1);
                a.1.extend(extra);
                true
            } else {
                false
            }
        });
        let scale = if maxw > 0.0 { maxw / 32767.0 } else { 1.0 };
        let mut slot_of: Vec<Option<usize>> = vec![None; size];
        for (i, (k, _)) in feats.iter().enumerate() {
            let mut s = home(*k, mask);
            while slot_of[s].is_some() {
                s = (s + 1) & mask;
            }
            slot_of[s] = Some(i);
        }
        let mut flat = Flat::default();
        for (s, at) in slot_of.iter().enumerate() {
            if let Some(i) = at {
                let (k, ws) = &feats[*i];
                flat.heads.push([s as u32, *k, ws.len() as u32]);
                for &(c, w) in ws {
                    flat.classes.push(c);
                    flat.weights.push((w / scale).round() as i16);
                }
            }
        }
        Model::from_flat(nclasses, size, scale, &flat).expect("model layout")
    }

    /// Lays out the lists at their slot positions in a table of `size` slots.
    fn from_flat(nclasses: usize, size: usize, scale: f32, flat: &Flat) -> anyhow::Result<Model> {
        anyhow::ensure!(nclasses <= 256, "too many classes");
        anyhow::ensure!(
            flat.classes.iter().all(|&c| (c as usize) < nclasses),
            "bad class"
        );
        let width = nclasses.div_ceil(32) * 32;
        // Each list's range in the flat arrays, and whether it becomes a dense row.
        let lists = || {
            let mut at = 0usize;
            flat.heads.iter().map(move |&[s, k, n]| {
                let (a, b) = (at, at + n as usize);
                at = b;
                let (cs, ws) = (&flat.classes[a..b], &flat.weights[a..b]);
                (s as usize, k, cs, ws, dense_ok(cs, ws))
            })
        };
        let total: usize = flat.heads.iter().map(|h| h[2] as usize).sum();
        anyhow::ensure!(
            total == flat.classes.len() && total == flat.weights.len(),
            "entry count mismatch"
        );
        let (mut nrows, mut nsparse) = (0usize, 0usize);
        for (_, _, cs, _, is_dense) in lists() {
            if is_dense {
                nrows += 1;
            } else {
                nsparse += cs.len();
            }
        }
        anyhow::ensure!(nsparse <= OFF_MASK as usize, "too many weights");
        let mut slots = Table::<[u32; 2]>::zeroed(size);
        let mut dense = Table::<i16>::zeroed(nrows * width);
        let mut entries = Table::<u32>::zeroed(nsparse);
        let (mut row, mut off) = (0usize, 0usize);
        for (s, k, cs, ws, is_dense) in lists() {
            anyhow::ensure!(s < size && k != 0 && slots[s][0] == 0, "bad slot");
            if is_dense {
                for (&c, &w) in cs.iter().zip(ws) {
                    dense[row * width + c as usize] = w;
                }
                slots[s] = [k, DENSE | row as u32];
                row += 1;
            } else {
                anyhow::ensure!(cs.len() < 256, "weight list too long");
                for (i, (&c, &w)) in cs.iter().zip(ws).enumerate() {
                    entries[off + i] = pack(c, w);
                }
                slots[s] = [k, ((cs.len() as u32) << LEN_SHIFT) | off as u32];
                off += cs.len();
            }
        }
        Ok(Model {
            nclasses,
            mask: size - 1,
            slots,
            entries,
            dense,
            width,
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
            #[cfg(not(target_arch = "x86_64"))]
            avx2: false,
            #[cfg(target_arch = "x86_64")]
            avx512: std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512bw"),
            #[cfg(not(target_arch = "x86_64"))]
            avx512: false,
            scale,
        })
    }

    /// The weight lists in slot order: (slot, fingerprint, list in file order).
    fn lists(&self) -> impl Iterator<Item = (usize, u32, List)> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s[0] != 0)
            .map(|(i, &[k, v])| {
                let list = if v & DENSE != 0 {
                    let r = (v & !DENSE) as usize * self.width;
                    self.dense[r..r + self.nclasses]
                        .iter()
                        .enumerate()
                        .filter(|(_, &w)| w != 0)
                        .map(|(c, &w)| (c as u8, w))
                        .collect()
                } else {
                    let (a, n) = ((v & OFF_MASK) as usize, (v >> LEN_SHIFT) as usize);
                    self.entries[a..a + n]
                        .iter()
                        .map(|&e| ((e >> 16) as u8, e as u16 as i16))
                        .collect()
                };
                (i, k, list)
            })
    }

    /// The slot value of a feature, if present.
    #[inline(always)]
    fn lookup(&self, f: u64) -> Option<u32> {
        let k = fingerprint(f);
        let mut s = home(k, self.mask);
        loop {
            let [at, v] = self.slots[s];
            if at == k {
                return Some(v);
            }
            if at == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Sets `scores` (`nclasses` long) to the summed weights of `feats` in quantisation units (exact
    /// integer sums: only the ranking matters).
    ///
    /// Memory latency dominates, so the lookups run in passes that prefetch the slots, then the weights,
    /// before summing.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        self.score_from(None, feats, scores)
    }

    /// Like [`Model::score`], starting from `base` (scores of other features, e.g. an earlier call's
    /// output for features that did not change) instead of zero; the sums are exact, so splitting a
    /// feature set into parts scored separately gives the same scores.
    #[inline]
    pub fn score_from(&self, base: Option<&[i32]>, feats: &[u64], scores: &mut [i32]) {
        #[cfg(target_arch = "x86_64")]
        if self.avx512 {
            // SAFETY: the CPU supports AVX-512 F and BW (checked at load time).
            unsafe { self.score_avx512(base, feats, scores) };
            return;
        }
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the CPU supports AVX2 (checked at load time).
            unsafe { self.score_avx2(base, feats, scores) };
            return;
        }
        self.score_any::<false>(base, feats, scores)
    }

    /// [`Model::score_from`] compiled for AVX-512 (dense rows added 16 classes at a time).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn score_avx512(&self, base: Option<&[i32]>, feats: &[u64], scores: &mut [i32]) {
        self.score_any::<true>(base, feats, scores)
    }

    /// [`Model::score_from`] compiled for AVX2 (wider dense-row adds).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_avx2(&self, base: Option<&[i32]>, feats: &[u64], scores: &mut [i32]) {
        self.score_any::<false>(base, feats, scores)
    }

    /// `WIDE_REGS`: sum 128-class dense rows in a register-sized accumulator (for AVX-512).
    #[inline(always)]
    fn score_any<const WIDE_REGS: bool>(
        &self,
        base: Option<&[i32]>,
        feats: &[u64],
        scores: &mut [i32],
    ) {
        let mut acc = Acc([0; 256]);
        let acc = &mut acc.0;
        if let Some(b) = base {
            let n = b.len().min(self.nclasses);
            acc[..n].copy_from_slice(&b[..n]);
        }
        let width = self.width;
        const CHUNK: usize = 128;
        for chunk in feats.chunks(CHUNK) {
            for &f in chunk {
                prefetch(
                    self.slots
                        .as_ptr()
                        .wrapping_add(home(fingerprint(f), self.mask)),
                );
            }
            let mut rows = [0u32; CHUNK];
            let mut ranges = [(0u32, 0u32); CHUNK];
            let (mut nr, mut ns) = (0, 0);
            for &f in chunk {
                match self.lookup(f) {
                    Some(v) if v & DENSE != 0 => {
                        let r = (v & !DENSE) as usize * width;
                        let base = self.dense.as_ptr().wrapping_add(r);
                        for line in (0..width).step_by(32) {
                            prefetch(base.wrapping_add(line));
                        }
                        rows[nr] = r as u32;
                        nr += 1;
                    }
                    Some(v) => {
                        let (a, n) = (v & OFF_MASK, v >> LEN_SHIFT);
                        let base = self.entries.as_ptr();
                        prefetch(base.wrapping_add(a as usize));
                        if n > 16 {
                            prefetch(base.wrapping_add((a + n) as usize - 1));
                        }
                        ranges[ns] = (a, a + n);
                        ns += 1;
                    }
                    None => {}
                }
            }
            if WIDE_REGS && width == 128 {
                // The common width (up to 128 classes): a fixed-size accumulator, which AVX-512 keeps in
                // 8 vector registers across rows (AVX2 has too few registers for it).
                let mut a128 = [0i32; 128];
                a128.copy_from_slice(&acc[..128]);
                for &r in &rows[..nr] {
                    let row = &self.dense[r as usize..r as usize + 128];
                    for j in 0..128 {
                        a128[j] += row[j] as i32;
                    }
                }
                acc[..128].copy_from_slice(&a128);
            } else {
                for &r in &rows[..nr] {
                    add_row(
                        &mut acc[..width],
                        &self.dense[r as usize..r as usize + width],
                    );
                }
            }
            for &(a, b) in &ranges[..ns] {
                for &e in &self.entries[a as usize..b as usize] {
                    acc[(e >> 16) as u8 as usize] += (e as u16 as i16) as i32;
                }
            }
        }
        let n = scores.len().min(self.nclasses);
        scores[..n].copy_from_slice(&acc[..n]);
    }

    /// A copy without the weights whose magnitude is below `min` quantisation steps.
    pub fn pruned(&self, min: i16) -> Model {
        let mut feats = Vec::new();
        let mut maxw = 0f32;
        for (_, k, list) in self.lists() {
            let ws: Vec<(u8, f32)> = list
                .iter()
                .map(|&(c, q)| (c, q as f32 * self.scale))
                .filter(|w| w.1.abs() >= min as f32 * self.scale)
                .collect();
            for w in &ws {
                maxw = maxw.max(w.1.abs());
            }
            if !ws.is_empty() {
                feats.push((k, ws));
            }
        }
        Model::build(self.nclasses, feats, maxw)
    }

    /// Number of stored features and weights.
    pub fn stats(&self) -> (usize, usize) {
        self.lists()
            .fold((0, 0), |(f, w), (_, _, l)| (f + 1, w + l.len()))
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.nclasses as u32);
        w.f32(self.scale);
        w.u32(self.slots.len() as u32);
        // Only occupied slots are stored: (slot index delta, key, entry count), then all classes, then
        // all weights.
        let lists: Vec<(usize, u32, List)> = self.lists().collect();
        w.u32(lists.len() as u32);
        let mut last = 0usize;
        for (s, k, l) in &lists {
            w.varint((s - last) as u64);
            last = *s;
            w.u32(*k);
            w.varint(l.len() as u64);
        }
        w.u32(lists.iter().map(|l| l.2.len()).sum::<usize>() as u32);
        for (_, _, l) in &lists {
            for &(c, _) in l {
                w.u8(c);
            }
        }
        for (_, _, l) in &lists {
            for &(_, q) in l {
                w.i16(q);
            }
        }
    }

    pub fn read(r: &mut Reader) -> anyhow::Result<Model> {
        let nclasses = r.u32()? as usize;
        let scale = r.f32()?;
        let size = r.u32()? as usize;
        anyhow::ensure!(size.is_power_of_two(), "bad table size");
        let n = r.u32()? as usize;
        let mut flat = Flat {
            heads: Vec::with_capacity(n),
            ..Flat::default()
        };
        let mut s = 0usize;
        let mut total = 0usize;
        for _ in 0..n {
            s += r.varint()? as usize;
            anyhow::ensure!(s < size, "bad slot");
            let k = r.u32()?;
            let c = r.varint()? as usize;
            total += c;
            flat.heads.push([s as u32, k, c as u32]);
        }
        let ne = r.u32()? as usize;
        anyhow::ensure!(ne == total, "entry count mismatch");
        flat.classes = r.take(ne)?.to_vec();
        flat.weights = r
            .take(ne * 2)?
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Model::from_flat(nclasses, size, scale, &flat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(3);
        let data: Vec<(Vec<u64>, usize)> = (0..60)
            .map(|i| {
                (
                    vec![crate::hash::f1(1, i % 3), crate::hash::f1(2, 7)],
                    (i % 3) as usize,
                )
            })
            .collect();
        let mut scores = vec![0.0; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.tick();
                t.score(f, &mut scores);
                let g = argmax(&scores);
                t.update(f, *y, g);
            }
        }
        let m = t.freeze(0.0);
        let mut w = Writer::default();
        m.write(&mut w);
        let bytes = w.finish();
        let m2 = Model::read(&mut Reader::new(&bytes)).unwrap();
        let mut qscores = vec![0; 3];
        for (f, y) in &data {
            m2.score(f, &mut qscores);
            let q: Vec<f32> = qscores.iter().map(|&v| v as f32).collect();
            assert_eq!(argmax(&q), *y);
        }
    }

    #[test]
    fn dense_and_sparse_lists_score_alike() {
        // 40 classes: long weight lists (stored dense) and short ones (feature 4, seen once each).
        let mut t = Trainer::new(40);
        let mut rng = crate::hash::Rng::new(5);
        for i in 0..4000u64 {
            let y = rng.below(40);
            let feats = [
                crate::hash::f1(1, 0),
                crate::hash::f1(2, i % 97),
                crate::hash::f1(3, y as u64),
                crate::hash::f1(4, i),
            ];
            t.tick();
            t.update(&feats, y, (y + 1 + rng.below(39)) % 40);
        }
        let m = t.freeze(0.0).pruned(1);
        let lists: Vec<(usize, u32, List)> = m.lists().collect();
        assert!(m.dense.len() >= m.width, "a dense row exists");
        assert!(
            lists.iter().any(|l| l.2.len() < DENSE_MIN),
            "sparse lists exist"
        );
        let mut got = vec![0; 40];
        for i in 0..200u64 {
            let feats = [
                crate::hash::f1(1, 0),
                crate::hash::f1(2, i % 97),
                crate::hash::f1(3, i % 40),
                99,
            ];
            m.score(&feats, &mut got);
            let mut want = vec![0i32; 40];
            for f in feats {
                if let Some(l) = lists.iter().find(|l| l.1 == fingerprint(f)) {
                    for &(c, q) in &l.2 {
                        want[c as usize] += q as i32;
                    }
                }
            }
            assert_eq!(got, want);
        }
        let mut w = Writer::default();
        m.write(&mut w);
        let bytes = w.finish();
        let m2 = Model::read(&mut Reader::new(&bytes)).unwrap();
        let mut w2 = Writer::default();
        m2.write(&mut w2);
        assert_eq!(bytes, w2.finish());
    }

    #[test]
    fn register_accumulator_scores_alike() {
        // 120 classes: dense rows 128 wide, the width the register accumulator handles.
        let mut t = Trainer::new(120);
        let mut rng = crate::hash::Rng::new(9);
        for i in 0..6000u64 {
            let y = rng.below(120);
            let feats = [
                crate::hash::f1(1, 0),
                crate::hash::f1(2, i % 31),
                crate::hash::f1(3, y as u64),
                crate::hash::f1(4, i),
            ];
            t.tick();
            t.update(&feats, y, (y + 1 + rng.below(119)) % 120);
        }
        let m = t.freeze(0.0);
        assert_eq!(m.width, 128);
        assert!(m.dense.len() >= m.width, "a dense row exists");
        let (mut a, mut b) = (vec![0; 120], vec![0; 120]);
        let base: Vec<i32> = (0..120).map(|c| c * 7 - 300).collect();
        for i in 0..300u64 {
            let feats = [
                crate::hash::f1(1, 0),
                crate::hash::f1(2, i % 31),
                crate::hash::f1(3, i % 120),
                crate::hash::f1(4, i * 13),
            ];
            m.score_any::<true>(Some(&base), &feats, &mut a);
            m.score_any::<false>(Some(&base), &feats, &mut b);
            assert_eq!(a, b);
            m.score(&feats, &mut a);
            m.score_any::<false>(None, &feats, &mut b);
            assert_eq!(a, b);
        }
    }

    fn argmax(s: &[f32]) -> usize {
        let mut b = 0;
        for i in 1..s.len() {
            if s[i] > s[b] {
                b = i;
            }
        }
        b
    }
}
