//! An index from names (person keys, channel names) to ids that keeps
//! short names inline.

use rustc_hash::FxHashMap;

use crate::flat::{FlatKey, FlatMap, GOLDEN, Id};

/// Keys this long or shorter are stored inline.
const INLINE: usize = 15;

/// A key of at most [`INLINE`] bytes in two words: its bytes, zero-padded,
/// and its length in the last byte. Equal packs mean equal keys, so a
/// lookup compares two words, not bytes behind a pointer; and a pack with
/// its id takes 24 bytes of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Packed([u64; 2]);

impl FlatKey for Packed {
    #[inline]
    fn hash(&self) -> u64 {
        let [a, b] = self.0;
        let x = a ^ b.wrapping_mul(GOLDEN).rotate_left(29);
        (x ^ (x >> 32)).wrapping_mul(GOLDEN)
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

/// Reads a short key with fixed-size loads: the second load ends at the
/// key's end and is shifted down past the bytes the first one read, which
/// zero-pads without a byte loop. Keys of up to three bytes take their
/// first, middle and last bytes, which with the length are all of them.
fn pack(key: &str) -> Option<Packed> {
    let b = key.as_bytes();
    let n = b.len();
    let [lo, hi] = match n {
        0 => [0, 0],
        1..=3 => [
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        ],
        4..=8 => [load4(b) | (load4(&b[n - 4..]) >> (8 * (8 - n))) << 32, 0],
        9..=INLINE => [load8(b), load8(&b[n - 8..]) >> (8 * (16 - n))],
        _ => return None,
    };
    Some(Packed([lo, hi | (n as u64) << 56]))
}

/// The first eight bytes of a key as a big-endian integer, zero-padded, so
/// that keys compare as these first (a key sorts before its extensions),
/// then as bytes when they are equal.
///
/// Read with fixed-size loads, as [`pack`] reads keys: copying a
/// variable-length prefix into a buffer was two calls to `memcpy` on every
/// row of a bulk load. Keys of four to seven bytes take two overlapping
/// four-byte loads, the second shifted to its place; shorter ones their
/// first, middle and last bytes, which are all of them.
#[inline]
pub(crate) fn key_head(s: &[u8]) -> u64 {
    fn be4(b: &[u8]) -> u64 {
        u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    let n = s.len();
    match n {
        0 => 0,
        1..=3 => {
            u64::from(s[0]) << 56
                | u64::from(s[n / 2]) << (56 - 8 * (n / 2))
                | u64::from(s[n - 1]) << (64 - 8 * n)
        }
        4..=7 => be4(s) << 32 | be4(&s[n - 4..]) << (64 - 8 * n),
        _ => u64::from_be_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]),
    }
}

/// Person key → id. Most keys (ids, handles, short emails) are short, and a
/// bulk load looks up two per row: keeping them inline, in a flat table,
/// saves the cache misses of following a `String`'s pointer and of a
/// separate control array on every lookup.
#[derive(Debug, Clone)]
pub(crate) struct KeyIndex<V> {
    short: FlatMap<Packed, V>,
    long: FxHashMap<Box<str>, V>,
}

impl<V> Default for KeyIndex<V> {
    fn default() -> Self {
        KeyIndex {
            short: FlatMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V: Id> KeyIndex<V> {
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<V> {
        match pack(key) {
            Some(p) => self.short.get(p),
            None => self.long.get(key).copied(),
        }
    }

    /// Asks for the cache line where `key` would be (short keys only).
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn prefetch(&self, key: &str) {
        if let Some(p) = pack(key) {
            self.short.prefetch(p);
        }
    }

    pub(crate) fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub(crate) fn insert(&mut self, key: &str, value: V) {
        match pack(key) {
            Some(p) => {
                self.short.insert(p, value);
            }
            None => {
                self.long.insert(key.into(), value);
            }
        }
    }

    pub(crate) fn remove(&mut self, key: &str) -> Option<V> {
        match pack(key) {
            Some(p) => self.short.remove(p),
            None => self.long.remove(key),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The same index with its values read as another kind of id.
    pub(crate) fn into_ids<W: Id>(self) -> KeyIndex<W> {
        KeyIndex {
            short: self.short.into_ids(),
            long: self
                .long
                .into_iter()
                .map(|(k, v)| (k, W::from_raw(v.raw())))
                .collect(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.short.is_empty() && self.long.is_empty()
    }

    pub(crate) fn reserve(&mut self, n: usize) {
        self.short.reserve(n);
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.short.values().chain(self.long.values().copied())
    }

    /// Bytes held on the heap, for [`heap_bytes`](crate::RelationshipGraph::heap_bytes).
    pub(crate) fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.short.heap_bytes()
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
            "fifteen-bytes-k",
            "fifteen-bytes-k!",
            "a much longer key, well past inline",
        ];
        for (i, k) in (0u32..).zip(keys) {
            ix.insert(k, i);
        }
        assert_eq!(ix.len(), keys.len());
        for (i, k) in (0u32..).zip(keys) {
            assert_eq!(ix.get(k), Some(i), "{k:?}");
        }
        assert_eq!(ix.get("p000000"), None);
        assert_eq!(ix.get("abb"), None);
        assert_eq!(ix.remove("fifteen-bytes-k!"), Some(10));
        assert_eq!(ix.get("fifteen-bytes-k!"), None);
        assert_eq!(ix.get("fifteen-bytes-k"), Some(9));
        let mut values: Vec<u32> = ix.values().collect();
        values.sort_unstable();
        assert_eq!(values, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    }

    #[test]
    fn key_heads_are_the_first_eight_bytes_zero_padded() {
        for key in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
        ] {
            let mut want = [0u8; 8];
            let n = key.len().min(8);
            want[..n].copy_from_slice(&key.as_bytes()[..n]);
            assert_eq!(key_head(key.as_bytes()), u64::from_be_bytes(want), "{key:?}");
        }
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
