//! An index from names (person keys, channel names) to ids that keeps
//! short names inline.

use crate::flat::{FlatKey, FlatMap, GOLDEN, Id};

/// Keys this long or shorter are stored inline.
const INLINE: usize = 15;

/// A key of at most [`INLINE`] bytes in two words: its bytes, zero-padded,
/// and its length in the last byte. Equal packs mean equal keys, so a
/// lookup compares two words, not bytes behind a pointer; and a pack with
/// its id takes 24 bytes of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Packed([u64; 2]);

impl Packed {
    /// The packed key's [`key_head`]: its first eight bytes, big-endian,
    /// zero-padded, which a pack holds little-endian in its first word.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn head(self) -> u64 {
        self.0[0].swap_bytes()
    }

    /// Whether this is a key's pack: the empty key's, which is also the
    /// default, is the one pack of length 0.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn is_key(self) -> bool {
        self.0[1] >> 56 != 0
    }
}

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
/// first, middle and last bytes, which are all of them, each at its place.
/// A pack is the key's bytes as a little-endian integer, zero-padded, with
/// the length in the top byte: [`pack_padded`] makes the same from a
/// 16-byte window.
fn pack(key: &str) -> Option<Packed> {
    let b = key.as_bytes();
    let n = b.len();
    let [lo, hi] = match n {
        0 => [0, 0],
        1..=3 => [
            u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1)),
            0,
        ],
        4..=8 => [load4(b) | (load4(&b[n - 4..]) >> (8 * (8 - n))) << 32, 0],
        9..=INLINE => [load8(b), load8(&b[n - 8..]) >> (8 * (16 - n))],
        _ => return None,
    };
    Some(Packed([lo, hi | (n as u64) << 56]))
}

/// The pack of a key of `n` bytes given 16 bytes that start with it (the
/// rest are anything): no branch on the length, where [`pack`] has three.
/// `None` for keys too long to pack.
#[cfg(any(feature = "arrow", test))]
#[inline]
pub(crate) fn pack_padded(window: [u8; 16], n: usize) -> Option<Packed> {
    if n > INLINE {
        return None;
    }
    // a mask from a table: a 128-bit shift by a variable count compiled
    // to branches, and a bulk load packs three keys a row (source,
    // destination, channel); callgrind on the Rust-generated W1 rows: 45
    // instructions a row for the three, against 23
    let [lo, hi] = KEEP_BYTES[n];
    let bytes = u128::from_le_bytes(window);
    Some(Packed([
        bytes as u64 & lo,
        (bytes >> 64) as u64 & hi | (n as u64) << 56,
    ]))
}

/// `KEEP_BYTES[n]` keeps the first `n` bytes of a 16-byte window read as a
/// little-endian integer, as its low word and its high word.
#[cfg(any(feature = "arrow", test))]
const KEEP_BYTES: [[u64; 2]; INLINE + 1] = {
    let mut masks = [[0u64; 2]; INLINE + 1];
    let mut n = 0;
    while n <= INLINE {
        masks[n] = if n < 8 {
            [(1 << (8 * n)) - 1, 0]
        } else {
            [u64::MAX, (1 << (8 * (n - 8))) - 1]
        };
        n += 1;
    }
    masks
};

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

/// The position of a name among the first [`FewNames::MAX`] of a list,
/// found in one probe of a table where none of them collide. A bulk load
/// resolves a channel name on every row of a plain string column, among a
/// handful of names in random order. At W1's 10M rows, leaving the lookup
/// out saved 0.07 s of the load; a general hash index mispredicted its
/// probes, and comparing with all sixteen names took 130 instructions.
#[derive(Debug, Clone)]
pub(crate) struct FewNames {
    packs: Vec<Packed>,
    /// The multiplier that spreads the names over `slots` without a
    /// collision; 0 when none was found (every lookup then says `None`).
    mult: u64,
    /// The position of the name in each slot, or [`FewNames::EMPTY`].
    slots: [u8; FewNames::SLOTS],
}

impl Default for FewNames {
    fn default() -> Self {
        FewNames {
            packs: Vec::new(),
            mult: 0,
            slots: [FewNames::EMPTY; FewNames::SLOTS],
        }
    }
}

impl FewNames {
    pub(crate) const MAX: usize = 16;
    const SLOTS: usize = 64;
    const EMPTY: u8 = u8::MAX;
    /// The pack of no key (its length byte is 255): stands for a name too
    /// long to pack.
    const NONE: Packed = Packed([u64::MAX; 2]);

    #[inline]
    fn slot(mult: u64, p: Packed) -> usize {
        let [lo, hi] = p.0;
        ((lo ^ hi.rotate_left(29)).wrapping_mul(mult) >> (64 - Self::SLOTS.trailing_zeros())) as usize
    }

    /// Appends the next name of the list; past [`MAX`](Self::MAX) names,
    /// does nothing.
    pub(crate) fn push(&mut self, name: &str) {
        if self.packs.len() == FewNames::MAX {
            return;
        }
        self.packs.push(pack(name).unwrap_or(FewNames::NONE));
        // 16 names in 64 slots: about one multiplier in seven has no
        // collision; the odd multipliers of a fixed sequence, so that a
        // list always gets the same table
        let mut next = crate::flat::GOLDEN;
        for _ in 0..4096 {
            let mult = next | 1;
            next = next.wrapping_add(crate::flat::GOLDEN).rotate_left(17);
            let mut slots = [FewNames::EMPTY; FewNames::SLOTS];
            let free = self
                .packs
                .iter()
                .enumerate()
                .filter(|(_, p)| **p != FewNames::NONE)
                .all(|(i, &p)| {
                    let s = &mut slots[FewNames::slot(mult, p)];
                    let free = *s == FewNames::EMPTY;
                    *s = i as u8;
                    free
                });
            if free {
                self.mult = mult;
                self.slots = slots;
                return;
            }
        }
        *self = FewNames {
            packs: std::mem::take(&mut self.packs),
            ..FewNames::default()
        };
    }

    /// The name's position, when it is one of the first names (and short);
    /// `None` says nothing of the rest of the list.
    #[inline]
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.position_packed(pack(name)?)
    }

    /// [`position`](Self::position) of a name's pack.
    #[inline]
    pub(crate) fn position_packed(&self, p: Packed) -> Option<usize> {
        let i = self.slots[FewNames::slot(self.mult, p)];
        (i != FewNames::EMPTY && self.packs[i as usize] == p).then_some(i as usize)
    }
}

/// Person key → id. A bulk load looks up two keys per row. Keys of up to
/// [`INLINE`] bytes (ids, handles) are kept inline in a flat table, which
/// saves the cache misses of following a `String`'s pointer and of a
/// separate control array on every lookup; longer ones (most email
/// addresses) in [`LongKeys`], a flat table of their hashes beside one
/// block of their bytes.
#[derive(Debug, Clone)]
pub(crate) struct KeyIndex<V> {
    short: FlatMap<Packed, V>,
    /// Boxed: most indexes hold no long key, and the short keys' table
    /// is what a bulk load reads on every row.
    long: Box<LongKeys<V>>,
}

impl<V> Default for KeyIndex<V> {
    fn default() -> Self {
        KeyIndex {
            short: FlatMap::default(),
            long: Box::default(),
        }
    }
}

/// A 64-bit hash of a key longer than [`INLINE`] bytes, eight bytes at a
/// time (the last eight overlapping the others), its top bits mixed.
#[inline]
fn hash_long(b: &[u8]) -> u64 {
    debug_assert!(b.len() > INLINE, "a long key");
    let mut h = b.len() as u64;
    let mut words = b.chunks_exact(8);
    for w in &mut words {
        h = (h.rotate_left(23) ^ load8(w)).wrapping_mul(GOLDEN);
    }
    h = (h.rotate_left(23) ^ load8(&b[b.len() - 8..])).wrapping_mul(GOLDEN);
    (h ^ (h >> 32)).wrapping_mul(GOLDEN)
}

/// A key of [`LongKeys`]: its hash and where its bytes are. Two keys in
/// one table never share a place, so equal places mean equal keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct LongKey {
    hash: u64,
    at: usize,
    len: usize,
}

impl FlatKey for LongKey {
    #[inline]
    fn hash(&self) -> u64 {
        self.hash
    }
}

/// Keys longer than [`INLINE`] bytes (emails, URLs) → values: a
/// [`FlatMap`] whose keys are each key's full hash and its place in one
/// block of key bytes, so a lookup reads its slot (asked for ahead, like a
/// short key's) and the key's bytes, and compares them only when the
/// hashes are equal. A `HashMap<Box<str>, _>` read a control byte, a
/// bucket and the key behind its pointer, none asked for ahead: a bulk
/// load of W1's rows with email keys of 18 to 42 bytes spent a third of
/// its time there.
///
/// A removed key's bytes stay in the block until the removed ones
/// outweigh the rest; then the block is rebuilt.
#[derive(Debug, Clone)]
struct LongKeys<V> {
    map: FlatMap<LongKey, V>,
    bytes: Vec<u8>,
    /// Bytes of the keys in the map (the rest of `bytes` is removed keys').
    live: usize,
}

impl<V> Default for LongKeys<V> {
    fn default() -> Self {
        LongKeys {
            map: FlatMap::default(),
            bytes: Vec::new(),
            live: 0,
        }
    }
}

impl<V: Id> LongKeys<V> {
    /// The stored key equal to `key`, with its value.
    #[inline]
    fn find(&self, key: &[u8], hash: u64) -> Option<(LongKey, V)> {
        self.map.get_by(hash, |k| {
            k.hash == hash && k.len == key.len() && self.bytes[k.at..k.at + k.len] == *key
        })
    }

    // out of line: the short keys' lookup, beside it in
    // `KeyIndex::get`, stays small enough to inline into a bulk load's loop
    #[inline(never)]
    fn get(&self, key: &[u8]) -> Option<V> {
        self.find(key, hash_long(key)).map(|(_, v)| v)
    }

    #[cfg(feature = "arrow")]
    #[inline(never)]
    fn prefetch(&self, key: &[u8]) {
        self.map.prefetch(LongKey {
            hash: hash_long(key),
            ..LongKey::default()
        });
    }

    fn insert(&mut self, key: &[u8], value: V) -> Option<V> {
        let hash = hash_long(key);
        if let Some((stored, _)) = self.find(key, hash) {
            return self.map.insert(stored, value);
        }
        if self.bytes.len() - self.live > self.live {
            self.compact();
        }
        let stored = LongKey {
            hash,
            at: self.bytes.len(),
            len: key.len(),
        };
        self.bytes.extend_from_slice(key);
        self.live += key.len();
        self.map.insert(stored, value)
    }

    /// Rebuilds the block of bytes with the map's keys only.
    fn compact(&mut self) {
        let mut bytes = Vec::with_capacity(self.live);
        for k in self.map.keys_mut() {
            bytes.extend_from_slice(&self.bytes[k.at..k.at + k.len]);
            k.at = bytes.len() - k.len;
        }
        self.bytes = bytes;
    }

    fn remove(&mut self, key: &[u8]) -> Option<V> {
        let (stored, _) = self.find(key, hash_long(key))?;
        self.live -= stored.len;
        self.map.remove(stored)
    }

    fn len(&self) -> usize {
        self.map.len()
    }

    #[cfg(test)]
    fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.map.values()
    }

    fn into_ids<W: Id>(self) -> LongKeys<W> {
        LongKeys {
            map: self.map.into_ids(),
            bytes: self.bytes,
            live: self.live,
        }
    }

    fn heap_bytes(&self) -> usize {
        self.map.heap_bytes() + self.bytes.capacity()
    }
}

impl<V: Id> KeyIndex<V> {
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<V> {
        match pack(key) {
            Some(p) => self.short.get(p),
            None => self.long.get(key.as_bytes()),
        }
    }

    /// Asks for the cache line where `key`'s slot would be.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn prefetch(&self, key: &str) {
        match pack(key) {
            Some(p) => self.short.prefetch(p),
            None => self.long.prefetch(key.as_bytes()),
        }
    }

    /// [`get`](Self::get) of a key of at most [`INLINE`] bytes, given its
    /// pack and the pack's hash: a bulk load computes both once, for the
    /// key's prefetch and for its lookup.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn get_packed(&self, p: Packed, hash: u64) -> Option<V> {
        self.short.get_by(hash, |k| *k == p).map(|(_, v)| v)
    }

    /// [`prefetch`](Self::prefetch) of a packed key, by its pack's hash.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn prefetch_packed(&self, hash: u64) {
        self.short.prefetch_hash(hash);
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
                self.long.insert(key.as_bytes(), value);
            }
        }
    }

    pub(crate) fn remove(&mut self, key: &str) -> Option<V> {
        match pack(key) {
            Some(p) => self.short.remove(p),
            None => self.long.remove(key.as_bytes()),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The same index with its values read as another kind of id.
    pub(crate) fn into_ids<W: Id>(self) -> KeyIndex<W> {
        KeyIndex {
            short: self.short.into_ids(),
            long: Box::new(self.long.into_ids()),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.short.is_empty() && self.long.len() == 0
    }

    pub(crate) fn reserve(&mut self, n: usize) {
        self.short.reserve(n);
    }

    #[cfg(test)]
    pub(crate) fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.short.values().chain(self.long.values())
    }

    /// Bytes held on the heap, for [`heap_bytes`](crate::RelationshipGraph::heap_bytes).
    pub(crate) fn heap_bytes(&self) -> usize {
        self.short.heap_bytes() + self.long.heap_bytes()
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
    fn few_names_are_found_by_position_among_the_first_sixteen() {
        let mut few = FewNames::default();
        let names: Vec<String> = (0..FewNames::MAX + 2)
            .map(|i| match i {
                3 => "a name well past fifteen bytes".to_string(),
                5 => String::new(),
                _ => format!("name{i}"),
            })
            .collect();
        for name in &names {
            few.push(name);
        }
        for (i, name) in names.iter().enumerate() {
            let want = (i < FewNames::MAX && i != 3).then_some(i);
            assert_eq!(few.position(name), want, "{name:?}");
        }
        // a prefix, an extension, and a name never pushed
        for name in ["name", "name10x", "name1\0", "other"] {
            assert_eq!(few.position(name), None, "{name:?}");
        }
        assert_eq!(FewNames::default().position(""), None);
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

    /// What the index does, against a `HashMap`: keys short and long,
    /// from a pool small enough that removals find their keys and the
    /// tables' runs are long (long keys share their length and most of
    /// their bytes), inserted, replaced, removed and looked up in any
    /// order, across the tables' growth.
    #[derive(Debug, Clone)]
    enum Op {
        Insert(String, u32),
        Remove(String),
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        let key = (0..40usize, 0..3usize).prop_map(|(i, kind)| match kind {
            0 => format!("k{i}"),
            1 => format!("a long key of the pool, number {i:02}"),
            _ => format!("{i}@example.org"),
        });
        prop_oneof![
            2 => (key.clone(), 0..1000u32).prop_map(|(k, v)| Op::Insert(k, v)),
            1 => key.prop_map(Op::Remove),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        #[test]
        fn the_index_holds_what_a_hash_map_holds(ops in proptest::collection::vec(op(), 0..400)) {
            let mut ix: KeyIndex<u32> = KeyIndex::default();
            let mut model = std::collections::HashMap::new();
            for op in &ops {
                match op {
                    Op::Insert(k, v) => {
                        ix.insert(k, *v);
                        model.insert(k.clone(), *v);
                    }
                    Op::Remove(k) => proptest::prop_assert_eq!(ix.remove(k), model.remove(k)),
                }
                proptest::prop_assert_eq!(ix.len(), model.len());
            }
            for op in &ops {
                let (Op::Insert(k, _) | Op::Remove(k)) = op;
                proptest::prop_assert_eq!(ix.get(k), model.get(k).copied(), "{:?}", k);
                let longer = format!("{k}a");
                proptest::prop_assert_eq!(ix.get(&longer), model.get(&longer).copied());
            }
            let mut values: Vec<u32> = ix.values().collect();
            let mut want: Vec<u32> = model.values().copied().collect();
            values.sort_unstable();
            want.sort_unstable();
            proptest::prop_assert_eq!(values, want);
            let ix: KeyIndex<u16> = ix.into_ids();
            for (k, v) in &model {
                proptest::prop_assert_eq!(ix.get(k), Some(*v as u16));
            }
        }
    }

    proptest::proptest! {
        // a small alphabet makes keys that differ in one byte, or only in
        // length, common: exactly where overlapping loads could collide
        #[test]
        fn a_window_packs_like_the_key_whatever_follows_it(key in "[ab\\x00é]{0,18}", after in proptest::collection::vec(proptest::num::u8::ANY, 16)) {
            let mut window = [0u8; 16];
            let b = key.as_bytes();
            let n = b.len().min(16);
            window[..n].copy_from_slice(&b[..n]);
            window[n..].copy_from_slice(&after[..16 - n]);
            proptest::prop_assert_eq!(pack_padded(window, b.len()), pack(&key));
        }

        #[test]
        fn packs_are_equal_exactly_when_keys_are(a in "[ab\\x00é]{0,18}", b in "[ab\\x00é]{0,18}") {
            proptest::prop_assert_eq!(pack(&a) == pack(&b) && pack(&a).is_some(), a == b && a.len() <= INLINE);
        }
    }
}
