//! An index from names (person keys, channel names) to ids that keeps
//! short names inline.

use rustc_hash::FxHashMap;

/// Keys this long or shorter are stored inline.
const INLINE: usize = 16;

/// A key of at most [`INLINE`] bytes as two words and its length: equal
/// packs mean equal keys, so a lookup compares words, not bytes behind a
/// pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Packed {
    words: [u64; 2],
    len: u64,
}

impl std::hash::Hash for Packed {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // one word to hash: the map's hasher mixes it again
        let [a, b] = self.words;
        state.write_u64(a ^ b.rotate_left(29).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ self.len);
    }
}

fn load8(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[..8]);
    u64::from_le_bytes(w)
}

fn load4(b: &[u8]) -> u64 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[..4]);
    u64::from(u32::from_le_bytes(w))
}

/// Reads a short key with fixed-size loads, overlapping where the length
/// is not a multiple of the load: with the length kept beside them, the
/// loads cover every byte, so different keys give different packs.
fn pack(key: &str) -> Option<Packed> {
    let b = key.as_bytes();
    let n = b.len();
    let words = match n {
        0 => [0, 0],
        1..=3 => [
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        ],
        4..=8 => [load4(b) | load4(&b[n - 4..]) << 32, 0],
        9..=INLINE => [load8(b), load8(&b[n - 8..])],
        _ => return None,
    };
    Some(Packed { words, len: n as u64 })
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
            "abc",
            "acc",
            "abcd",
            "abdc",
            "sixteen-bytes-ok",
            "sixteen-bytes-ok!",
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
        assert_eq!(ix.get("abb"), None);
        assert_eq!(ix.remove("sixteen-bytes-ok!"), Some(10));
        assert_eq!(ix.get("sixteen-bytes-ok!"), None);
        assert_eq!(ix.get("sixteen-bytes-ok"), Some(9));
        let mut values: Vec<usize> = ix.values().collect();
        values.sort_unstable();
        assert_eq!(values, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    }

    proptest::proptest! {
        // a small alphabet makes keys that differ in one byte, or only in
        // length, common: exactly where overlapping loads could collide
        #[test]
        fn packs_are_equal_exactly_when_keys_are(a in "[ab\\x00é]{0,18}", b in "[ab\\x00é]{0,18}") {
            proptest::prop_assert_eq!(pack(&a) == pack(&b) && pack(&a).is_some(), a == b && a.len() <= INLINE);
        }
    }
}
