//! An index from names (person keys, channel names) to ids that keeps
//! short names inline.

use rustc_hash::FxHashMap;

/// Keys this long or shorter are stored inline, as three words.
const INLINE: usize = 23;

/// A key of at most [`INLINE`] bytes, packed with its length: equal packs
/// mean equal keys, so a lookup compares words, not bytes behind a pointer.
type Packed = [u64; 3];

fn pack(key: &str) -> Option<Packed> {
    let bytes = key.as_bytes();
    if bytes.len() > INLINE {
        return None;
    }
    let mut buf = [0u8; 24];
    buf[..bytes.len()].copy_from_slice(bytes);
    buf[INLINE] = bytes.len() as u8;
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&buf[i * 8..i * 8 + 8]);
        u64::from_le_bytes(w)
    };
    Some([word(0), word(1), word(2)])
}

/// Person key → id. Most keys (ids, handles, short emails) are short, and a
/// bulk load looks up two per row: keeping them inline saves the cache miss
/// of following a `String`'s pointer on every lookup.
#[derive(Debug, Clone)]
pub(crate) struct KeyIndex<V> {
    short: FxHashMap<Packed, V>,
    long: FxHashMap<Box<str>, V>,
}

impl<V> Default for KeyIndex<V> {
    fn default() -> Self {
        KeyIndex {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V: Copy> KeyIndex<V> {
    pub(crate) fn get(&self, key: &str) -> Option<V> {
        match pack(key) {
            Some(p) => self.short.get(&p).copied(),
            None => self.long.get(key).copied(),
        }
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub(crate) fn insert(&mut self, key: &str, value: V) {
        match pack(key) {
            Some(p) => self.short.insert(p, value),
            None => self.long.insert(key.into(), value),
        };
    }

    pub(crate) fn remove(&mut self, key: &str) -> Option<V> {
        match pack(key) {
            Some(p) => self.short.remove(&p),
            None => self.long.remove(key),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.short.is_empty() && self.long.is_empty()
    }

    pub(crate) fn reserve(&mut self, n: usize) {
        self.short.reserve(n);
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.short.values().chain(self.long.values()).copied()
    }

    /// Bytes held on the heap, for [`heap_bytes`](crate::RelationshipGraph::heap_bytes).
    pub(crate) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.short.capacity() * (size_of::<(Packed, V)>() + 1)
            + self.long.capacity() * (size_of::<(Box<str>, V)>() + 1)
            + self.long.keys().map(|k| k.len()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_keys_and_their_prefixes_stay_apart() {
        let mut ix = KeyIndex::default();
        let keys = [
            "",
            "a",
            "a\0",
            "p0000001",
            "p00000010",
            "exactly-twenty-three-by",
            "exactly-twenty-three-byt",
            "a much longer key, well past inline",
        ];
        for (i, k) in keys.iter().enumerate() {
            ix.insert(k, i);
        }
        assert_eq!(ix.len(), keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(ix.get(k), Some(i), "{k:?}");
        }
        assert_eq!(ix.get("p000000"), None);
        assert_eq!(ix.remove("exactly-twenty-three-byt"), Some(6));
        assert_eq!(ix.get("exactly-twenty-three-byt"), None);
        assert_eq!(ix.get("exactly-twenty-three-by"), Some(5));
        let mut values: Vec<usize> = ix.values().collect();
        values.sort_unstable();
        assert_eq!(values, [0, 1, 2, 3, 4, 5, 7]);
    }
}
