//! A flat hash map from small keys to `u32` values, for the maps a bulk
//! load reads once or twice per row: person keys to ids, pairs to their
//! number in a shard.
//!
//! Open addressing with linear probing: a key's slot is found from its hash
//! alone, and the key and its value sit side by side, so a lookup usually
//! costs one cache line. A general-purpose map (`hashbrown`) reads a control
//! byte array first and the bucket second: on W1's 100,000 person keys,
//! 20 million lookups took 0.48 s with `FxHashMap<u64, u32>` and 0.14 s to
//! 0.18 s with this layout (`benches`' ingest is dominated by them).
//!
//! Values are ids and counts below `u32::MAX`, which marks a free slot.
//! Removal shifts the following entries back (no tombstones), so lookups
//! stay short after people are removed.

/// A key of a [`FlatMap`]: copied, compared whole, and hashed to 64 bits
/// whose high bits are well mixed (the slot is taken from them).
pub(crate) trait FlatKey: Copy + Eq + Default {
    fn hash(&self) -> u64;
}

/// Fibonacci hashing's multiplier: 2^64 divided by the golden ratio.
pub(crate) const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

impl FlatKey for u64 {
    #[inline]
    fn hash(&self) -> u64 {
        // fold the high half in first: pair keys put one id in each half
        (self ^ (self >> 32)).wrapping_mul(GOLDEN)
    }
}

/// How many rows ahead a bulk load asks for the memory a row will touch:
/// far enough for a fetch from memory to arrive, near enough that the line
/// is still in cache when the row comes.
pub(crate) const AHEAD: usize = 8;

/// A hint to bring the cache line of `value` in. The crate's one use of
/// `unsafe`: prefetching hid most of the cache misses of a bulk load's
/// lookups (W1's checking pass took 27% less time), and std has no safe
/// way to ask for it.
#[allow(unsafe_code)]
#[inline(always)]
pub(crate) fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it cannot fault or change memory, and
    // the pointer comes from a reference anyway.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>((value as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// The values of a [`FlatMap`]: ids and numbers that fit in a `u32`
/// below `u32::MAX`.
pub(crate) trait Id: Copy {
    fn raw(self) -> u32;
    fn from_raw(raw: u32) -> Self;
}

impl Id for u32 {
    fn raw(self) -> u32 {
        self
    }
    fn from_raw(raw: u32) -> Self {
        raw
    }
}

impl Id for u16 {
    fn raw(self) -> u32 {
        u32::from(self)
    }
    fn from_raw(raw: u32) -> Self {
        raw as u16
    }
}

impl Id for crate::model::PersonId {
    fn raw(self) -> u32 {
        self.0
    }
    fn from_raw(raw: u32) -> Self {
        crate::model::PersonId(raw)
    }
}

impl Id for crate::graph::TieId {
    fn raw(self) -> u32 {
        self.0
    }
    fn from_raw(raw: u32) -> Self {
        crate::graph::TieId(raw)
    }
}

/// The value of a free slot.
const FREE: u32 = u32::MAX;

/// The most a table holds, as a fraction of its slots: linear probing
/// stays short below three quarters.
const LOAD_NUM: usize = 3;
const LOAD_DEN: usize = 4;

#[derive(Clone)]
pub(crate) struct FlatMap<K, V = u32> {
    /// A power of two of slots, or none.
    slots: Vec<(K, u32)>,
    len: usize,
    /// 64 minus the log2 of the number of slots: a hash's home slot is its
    /// top bits.
    shift: u32,
    values: std::marker::PhantomData<V>,
}

impl<K, V> std::fmt::Debug for FlatMap<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlatMap")
            .field("len", &self.len)
            .field("slots", &self.slots.len())
            .finish()
    }
}

impl<K, V> Default for FlatMap<K, V> {
    fn default() -> Self {
        FlatMap {
            slots: Vec::new(),
            len: 0,
            shift: 64,
            values: std::marker::PhantomData,
        }
    }
}

impl<K: FlatKey, V: Id> FlatMap<K, V> {
    #[inline]
    fn home(&self, key: &K) -> usize {
        // shift < 64 whenever there are slots
        (key.hash() >> self.shift) as usize
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot holding `key`, or the free slot where it would go. Needs
    /// at least one free slot.
    #[inline]
    fn find(&self, key: K) -> (usize, bool) {
        self.find_by(key.hash(), |k| *k == key)
    }

    /// The slot of the key whose hash is `hash` and that `is` accepts, or
    /// the free slot where it would go: for keys that stand for bytes held
    /// elsewhere (`keys::LongKeys`), compared with those bytes.
    #[inline]
    fn find_by(&self, hash: u64, is: impl Fn(&K) -> bool) -> (usize, bool) {
        let mask = self.mask();
        let mut i = (hash >> self.shift) as usize;
        loop {
            let (k, v) = self.slots[i];
            if v == FREE {
                return (i, false);
            }
            if is(&k) {
                return (i, true);
            }
            i = (i + 1) & mask;
        }
    }

    /// The key whose hash is `hash` and that `is` accepts, with its value.
    #[inline]
    pub(crate) fn get_by(&self, hash: u64, is: impl Fn(&K) -> bool) -> Option<(K, V)> {
        if self.len == 0 {
            return None;
        }
        match self.find_by(hash, is) {
            (i, true) => Some((self.slots[i].0, V::from_raw(self.slots[i].1))),
            _ => None,
        }
    }

    #[inline]
    pub(crate) fn get(&self, key: K) -> Option<V> {
        self.get_by(key.hash(), |k| *k == key).map(|(_, v)| v)
    }

    /// The value of `key`, after inserting `value` for it if it had none;
    /// and whether it was inserted.
    #[inline]
    pub(crate) fn get_or_insert(&mut self, key: K, value: V) -> (V, bool) {
        debug_assert_ne!(value.raw(), FREE, "u32::MAX marks a free slot");
        self.reserve(1);
        match self.find(key) {
            (i, true) => (V::from_raw(self.slots[i].1), false),
            (i, false) => {
                self.slots[i] = (key, value.raw());
                self.len += 1;
                (value, true)
            }
        }
    }

    /// Sets the value of `key`; returns the one it replaces.
    pub(crate) fn insert(&mut self, key: K, value: V) -> Option<V> {
        debug_assert_ne!(value.raw(), FREE, "u32::MAX marks a free slot");
        self.reserve(1);
        let (i, found) = self.find(key);
        let old = found.then(|| V::from_raw(self.slots[i].1));
        if !found {
            self.len += 1;
        }
        self.slots[i] = (key, value.raw());
        old
    }

    pub(crate) fn remove(&mut self, key: K) -> Option<V> {
        if self.len == 0 {
            return None;
        }
        let (mut hole, found) = self.find(key);
        if !found {
            return None;
        }
        let old = self.slots[hole].1;
        // Shift back every entry of the run after the hole that may move
        // into it: an entry may, unless its home lies between the hole and
        // itself (cyclically), where a lookup starting at home would not
        // pass the hole.
        let mask = self.mask();
        let mut j = hole;
        loop {
            j = (j + 1) & mask;
            let (k, v) = self.slots[j];
            if v == FREE {
                break;
            }
            let from_home = j.wrapping_sub(self.home(&k)) & mask;
            let from_hole = j.wrapping_sub(hole) & mask;
            if from_home >= from_hole {
                self.slots[hole] = self.slots[j];
                hole = j;
            }
        }
        self.slots[hole] = (K::default(), FREE);
        self.len -= 1;
        Some(V::from_raw(old))
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The same map with its values read as another kind of id (the raw
    /// `u32`s stay as they are).
    pub(crate) fn into_ids<W: Id>(self) -> FlatMap<K, W> {
        FlatMap {
            slots: self.slots,
            len: self.len,
            shift: self.shift,
            values: std::marker::PhantomData,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Room for `n` more keys without growing.
    #[inline]
    pub(crate) fn reserve(&mut self, n: usize) {
        let need = self.len + n;
        if need * LOAD_DEN > self.slots.len() * LOAD_NUM {
            self.grow(need);
        }
    }

    #[cold]
    fn grow(&mut self, need: usize) {
        let slots = (need * LOAD_DEN).div_ceil(LOAD_NUM).next_power_of_two().max(8);
        self.resize(slots);
    }

    fn resize(&mut self, slots: usize) {
        let old = std::mem::replace(&mut self.slots, vec![(K::default(), FREE); slots]);
        self.shift = 64 - slots.trailing_zeros();
        for (k, v) in old {
            if v != FREE {
                let (i, _) = self.find(k);
                self.slots[i] = (k, v);
            }
        }
    }

    /// Asks the processor to fetch `key`'s home slot: a bulk load asks a
    /// few rows ahead of the row it reads.
    #[inline]
    pub(crate) fn prefetch(&self, key: K) {
        self.prefetch_hash(key.hash());
    }

    /// [`prefetch`](Self::prefetch) of the key whose hash is `hash`.
    #[inline]
    pub(crate) fn prefetch_hash(&self, hash: u64) {
        // no slots, no home: the shift would be 64
        if !self.slots.is_empty() {
            prefetch(&self.slots[(hash >> self.shift) as usize]);
        }
    }

    /// Every key, to change in ways that keep its hash and its equality
    /// to the other keys.
    pub(crate) fn keys_mut(&mut self) -> impl Iterator<Item = &mut K> + '_ {
        self.slots.iter_mut().filter(|s| s.1 != FREE).map(|s| &mut s.0)
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.slots
            .iter()
            .filter(|s| s.1 != FREE)
            .map(|s| V::from_raw(s.1))
    }

    /// Bytes held on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<(K, u32)>()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// A key whose hash is chosen by the test: collisions and long runs
    /// on demand.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    struct Forced {
        id: u32,
        hash: u64,
    }

    impl FlatKey for Forced {
        fn hash(&self) -> u64 {
            self.hash
        }
    }

    #[test]
    fn starts_empty_and_grows() {
        let mut m = FlatMap::<u64, u32>::default();
        assert_eq!(m.get(7), None);
        assert_eq!(m.remove(7), None);
        m.prefetch(7);
        for k in 0..1000u64 {
            assert_eq!(m.get_or_insert(k << 32 | (k * 7), k as u32), (k as u32, true));
        }
        assert_eq!(m.len(), 1000);
        assert_eq!(m.get_or_insert(3 << 32 | 21, 99), (3, false));
        assert_eq!(m.insert(3 << 32 | 21, 99), Some(3));
        assert_eq!(m.get(3 << 32 | 21), Some(99));
        assert!(m.heap_bytes() >= 1000 * 16 * 4 / 3);
        let mut values: Vec<u32> = m.values().collect();
        values.sort_unstable();
        assert_eq!(values.len(), 1000);
        assert_eq!(values[3], 4);
    }

    proptest::proptest! {
        // Every sequence of operations gives what std's map gives. Hashes
        // come from 8 values, so keys share home slots and runs wrap
        // around the end of the table.
        #[test]
        fn behaves_like_std_hashmap(ops in proptest::collection::vec((0u8..4, 0u32..40, 0u64..8, 0u32..1000), 0..400)) {
            let mut m = FlatMap::<Forced, u32>::default();
            let mut std_map: HashMap<u32, (u64, u32)> = HashMap::new();
            for (op, id, h, v) in ops {
                // the hash is part of the key's identity: one hash per id
                let hash = std_map.get(&id).map_or(h.wrapping_mul(u64::MAX / 7), |e| e.0);
                let key = Forced { id, hash };
                match op {
                    0 => {
                        let old = std_map.insert(id, (hash, v)).map(|e| e.1);
                        proptest::prop_assert_eq!(m.insert(key, v), old);
                    }
                    1 => {
                        let had = std_map.get(&id).map(|e| e.1);
                        let got = m.get_or_insert(key, v);
                        proptest::prop_assert_eq!(got, (had.unwrap_or(v), had.is_none()));
                        std_map.entry(id).or_insert((hash, v));
                    }
                    2 => {
                        proptest::prop_assert_eq!(m.remove(key), std_map.remove(&id).map(|e| e.1));
                    }
                    _ => proptest::prop_assert_eq!(m.get(key), std_map.get(&id).map(|e| e.1)),
                }
                proptest::prop_assert_eq!(m.len(), std_map.len());
            }
            for (id, (hash, v)) in &std_map {
                proptest::prop_assert_eq!(m.get(Forced { id: *id, hash: *hash }), Some(*v));
            }
            let mut got: Vec<u32> = m.values().collect();
            let mut want: Vec<u32> = std_map.values().map(|e| e.1).collect();
            got.sort_unstable();
            want.sort_unstable();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
