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

/// A frozen averaged perceptron.
pub struct Model {
    pub nclasses: usize,
    mask: usize,
    /// Per slot: [fingerprint, first entry]; one extra slot at the end holds the total entry count.
    slots: Table<[u32; 2]>,
    /// Per entry: class (high 16 bits) and quantised weight (low 16 bits, as i16).
    entries: Table<u32>,
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

impl Model {
    fn build(nclasses: usize, mut feats: Vec<(u32, Vec<(u8, f32)>)>, maxw: f32) -> Model {
        let size = (feats.len() * 10 / 7 + 1).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slot_of: Vec<Option<usize>> = vec![None; size];
        let mut keys = vec![0u32; size];
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
        for (i, (k, _)) in feats.iter().enumerate() {
            let mut s = home(*k, mask);
            while keys[s] != 0 {
                s = (s + 1) & mask;
            }
            keys[s] = *k;
            slot_of[s] = Some(i);
        }
        let scale = if maxw > 0.0 { maxw / 32767.0 } else { 1.0 };
        let mut slots = Vec::with_capacity(size + 1);
        let mut entries = Vec::new();
        for (s, at) in slot_of.iter().enumerate() {
            slots.push([keys[s], entries.len() as u32]);
            if let Some(i) = at {
                for &(c, w) in &feats[*i].1 {
                    entries.push(pack(c, (w / scale).round() as i16));
                }
            }
        }
        slots.push([0, entries.len() as u32]);
        Model {
            nclasses,
            mask,
            slots: Table::from_slice(&slots),
            entries: Table::from_slice(&entries),
            scale,
        }
    }

    #[inline(always)]
    fn slot(&self, f: u64) -> Option<usize> {
        let k = fingerprint(f);
        let mut s = home(k, self.mask);
        loop {
            let at = self.slots[s][0];
            if at == k {
                return Some(s);
            }
            if at == 0 {
                return None;
            }
            s = (s + 1) & self.mask;
        }
    }

    /// Sets `scores` to the summed weights of `feats` in quantisation units (exact integer sums: only the
    /// ranking matters).
    ///
    /// Memory latency dominates, so the lookups run in three passes that prefetch the slots, then the
    /// entries, before summing.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        const CHUNK: usize = 128;
        for chunk in feats.chunks(CHUNK) {
            for &f in chunk {
                prefetch(
                    self.slots
                        .as_ptr()
                        .wrapping_add(home(fingerprint(f), self.mask)),
                );
            }
            let mut ranges = [(0u32, 0u32); CHUNK];
            let mut n = 0;
            for &f in chunk {
                if let Some(s) = self.slot(f) {
                    let (a, b) = (self.slots[s][1], self.slots[s + 1][1]);
                    let base = self.entries.as_ptr();
                    prefetch(base.wrapping_add(a as usize));
                    // Long weight lists (the parser's many classes) span more than one cache line.
                    if b > a + 16 {
                        prefetch(base.wrapping_add(b as usize - 1));
                    }
                    ranges[n] = (a, b);
                    n += 1;
                }
            }
            for &(a, b) in &ranges[..n] {
                for &e in &self.entries[a as usize..b as usize] {
                    scores[(e >> 16) as usize] += (e as u16 as i16) as i32;
                }
            }
        }
    }

    /// A copy without the weights whose magnitude is below `min` quantisation steps.
    pub fn pruned(&self, min: i16) -> Model {
        let size = self.slots.len() - 1;
        let mut feats = Vec::new();
        let mut maxw = 0f32;
        for s in 0..size {
            let k = self.slots[s][0];
            if k == 0 {
                continue;
            }
            let (a, b) = (self.slots[s][1] as usize, self.slots[s + 1][1] as usize);
            let ws: Vec<(u8, f32)> = self.entries[a..b]
                .iter()
                .map(|&e| ((e >> 16) as u8, (e as u16 as i16) as f32 * self.scale))
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
        (
            self.slots.iter().filter(|s| s[0] != 0).count(),
            self.entries.len(),
        )
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.nclasses as u32);
        w.f32(self.scale);
        let size = self.slots.len() - 1;
        w.u32(size as u32);
        // Only occupied slots are stored: (slot index delta, key, entry count).
        let occupied: Vec<usize> = (0..size).filter(|&s| self.slots[s][0] != 0).collect();
        w.u32(occupied.len() as u32);
        let mut last = 0usize;
        for &s in &occupied {
            w.varint((s - last) as u64);
            last = s;
            w.u32(self.slots[s][0]);
            w.varint((self.slots[s + 1][1] - self.slots[s][1]) as u64);
        }
        w.u32(self.entries.len() as u32);
        for &e in self.entries.iter() {
            w.u8((e >> 16) as u8);
        }
        for &e in self.entries.iter() {
            w.i16(e as u16 as i16);
        }
    }

    pub fn read(r: &mut Reader) -> anyhow::Result<Model> {
        let nclasses = r.u32()? as usize;
        let scale = r.f32()?;
        let size = r.u32()? as usize;
        anyhow::ensure!(size.is_power_of_two(), "bad table size");
        let n = r.u32()? as usize;
        let mut slots = Table::<[u32; 2]>::zeroed(size + 1);
        let mut counts = vec![0u32; size];
        let mut s = 0usize;
        for _ in 0..n {
            s += r.varint()? as usize;
            anyhow::ensure!(s < size, "bad slot");
            slots[s][0] = r.u32()?;
            counts[s] = r.varint()? as u32;
        }
        let mut acc = 0u32;
        for (slot, c) in slots[..size].iter_mut().zip(&counts) {
            slot[1] = acc;
            acc += c;
        }
        slots[size][1] = acc;
        let ne = r.u32()? as usize;
        anyhow::ensure!(ne == acc as usize, "entry count mismatch");
        let classes = r.take(ne)?;
        anyhow::ensure!(
            classes.iter().all(|&c| (c as usize) < nclasses),
            "bad class"
        );
        let raw = r.take(ne * 2)?;
        let mut entries = Table::<u32>::zeroed(ne);
        for ((e, &c), b) in entries.iter_mut().zip(classes).zip(raw.chunks_exact(2)) {
            *e = pack(c, i16::from_le_bytes([b[0], b[1]]));
        }
        Ok(Model {
            nclasses,
            mask: size - 1,
            slots,
            entries,
            scale,
        })
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
