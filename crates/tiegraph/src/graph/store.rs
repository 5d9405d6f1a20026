//! How one tie's interactions and connections are held in memory.

use std::cmp::Ordering;

use rayon::slice::ParallelSliceMut;

use super::blocks::Log;

use crate::model::{ChannelId, ConnectionKind, PersonId};

/// A log at least this long is sorted on all cores.
pub(crate) const PARALLEL_SORT: usize = 1 << 15;

/// Puts records in canonical order ([`Record::canonical_cmp`]), a long log
/// on all cores: one pair can hold a third of a load (W1's 10M rows have a
/// pair of 3.1M), and its shard's logs took 0.29 s on one core, against
/// 0.02-0.06 s for each other shard, while the other core waited.
pub(crate) fn sort_log(log: &mut [Record]) {
    // on one core, rayon's parallel sort is only slower than the standard one
    if log.len() >= PARALLEL_SORT && rayon::current_num_threads() > 1 {
        log.par_sort_unstable_by(Record::canonical_cmp);
    } else {
        log.sort_unstable_by(Record::canonical_cmp);
    }
}

/// The duration of a record without one.
pub(crate) const NO_DURATION: u32 = u32::MAX;

/// One stored interaction: 20 bytes, kept time-sorted in its tie's log.
///
/// A record, not columns: every scoring pass reads every field of every
/// record it visits, so one contiguous allocation per tie is both the most
/// compact and the most cache-friendly layout.
///
/// The time, the channel and the side share one integer, [`Record::when`],
/// whose order is theirs: the log's order is mostly one comparison, and a
/// record takes 20 bytes instead of the 24 that the fields apart took with
/// their padding (the logs are most of a graph's memory: 40 MB less at W1's
/// 10M rows). Packed to four bytes, so that a log's records lie 20 bytes
/// apart; x86-64 and 64-bit ARM read the unaligned integers at little or
/// no cost.
#[derive(Clone, Copy, PartialEq)]
#[repr(C, packed(4))]
pub(crate) struct Record {
    /// The time in seconds since the Unix epoch, offset by
    /// [`Record::EPOCH`], then the channel id, then the side, from the high
    /// bits down.
    when: u64,
    /// Weight multiplier m, group dilution included.
    pub mult: f64,
    /// Duration in whole seconds; [`NO_DURATION`] when unknown.
    pub dur: u32,
}

/// At the epoch, with every other field zero, as the fields' own defaults
/// made it before they were packed (a zero `when` is a time out of range).
impl Default for Record {
    fn default() -> Record {
        Record::new(0, 0, 0, 0.0, 0)
    }
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("t", &self.t())
            .field("mult", &{ self.mult })
            .field("dur", &{ self.dur })
            .field("ch", &self.ch())
            .field("side", &self.side())
            .finish()
    }
}

impl Record {
    /// Times are within chrono's range, about ±2^43 seconds, and every
    /// path that makes a record checks that: offset by this, they fit in
    /// the 44 bits above the channel's 16 and the side's 4.
    const EPOCH: i64 = 1 << 43;
    /// Where the channel and the time start in `when`; the side is below.
    const CH_AT: u32 = 4;
    const T_AT: u32 = 20;
    /// The bits of `when` that hold the side.
    const SIDE_BITS: u64 = (1 << Record::CH_AT) - 1;

    /// A record of an interaction at `t` (seconds since the epoch, within
    /// chrono's range) on channel `ch`, started by `side` (0 for the tie's
    /// `a`, 1 for `b`).
    #[inline]
    pub(crate) fn new(t: i64, ch: u16, side: u8, mult: f64, dur: u32) -> Record {
        debug_assert!((-Record::EPOCH..Record::EPOCH).contains(&t), "time out of range");
        debug_assert!(side <= 1, "a side is 0 or 1");
        Record {
            when: ((t + Record::EPOCH) as u64) << Record::T_AT
                | u64::from(ch) << Record::CH_AT
                | u64::from(side),
            mult,
            dur,
        }
    }

    /// Seconds since the Unix epoch.
    #[inline]
    pub(crate) fn t(&self) -> i64 {
        (self.when >> Record::T_AT) as i64 - Record::EPOCH
    }

    /// The channel's id, as a number.
    #[inline]
    pub(crate) fn ch(&self) -> u16 {
        (self.when >> Record::CH_AT) as u16
    }

    /// 0 when the tie's `a` initiated it, 1 when `b` did.
    #[inline]
    pub(crate) fn side(&self) -> u8 {
        (self.when & Record::SIDE_BITS) as u8
    }

    /// The same record, started by `side`.
    #[inline]
    pub(crate) fn with_side(self, side: u8) -> Record {
        debug_assert!(side <= 1, "a side is 0 or 1");
        Record {
            when: self.when & !Record::SIDE_BITS | u64::from(side),
            ..self
        }
    }

    /// The same record, with weight multiplier `mult`.
    pub(crate) fn with_mult(self, mult: f64) -> Record {
        Record { mult, ..self }
    }

    /// The same record, on channel `ch`.
    pub(crate) fn with_ch(self, ch: u16) -> Record {
        Record::new(self.t(), ch, self.side(), self.mult, self.dur)
    }

    pub(crate) fn duration(&self) -> Option<f64> {
        (self.dur != NO_DURATION).then_some(f64::from(self.dur))
    }

    pub(crate) fn channel(&self) -> ChannelId {
        ChannelId(self.ch())
    }

    /// A total order on records, so that a tie's log (and every sum over
    /// it) is the same whatever order the interactions arrived in: by time,
    /// channel, side (all three in `when`), weight and duration.
    #[inline]
    pub(crate) fn canonical_cmp(&self, other: &Record) -> Ordering {
        ({ self.when }, self.mult.to_bits(), { self.dur })
            .cmp(&({ other.when }, other.mult.to_bits(), { other.dur }))
    }

    pub(crate) fn same(&self, other: &Record) -> bool {
        self.canonical_cmp(other) == Ordering::Equal
    }
}

/// A declared connection as stored on a tie.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ConnRecord {
    pub platform: String,
    pub kind: ConnectionKind,
    /// For `Follows`: 0 when the tie's `a` follows `b`, 1 when `b` follows `a`.
    /// Always 0 for `Mutual`.
    pub side: u8,
    /// Seconds since the epoch; `None` counts at any date.
    pub since: Option<i64>,
}

/// Everything the graph knows about one unordered pair. `a` is the person
/// whose key sorts first, so that the orientation, and with it the order of
/// the log, never depends on insertion order.
#[derive(Debug, Clone)]
pub(crate) struct TieData {
    pub a: PersonId,
    pub b: PersonId,
    pub log: Log,
    pub conns: Conns,
    pub edge: petgraph::stable_graph::EdgeIndex,
}

/// A tie's declared connections, ordered. Most ties have none (every
/// bulk-loaded tie until a connection is declared on it), so the list is
/// held apart and an empty one takes one word, not a vector's three: a
/// tie's data takes 48 bytes instead of 64, 10 MB less at W1's 654,484
/// ties.
#[derive(Debug, Clone, Default)]
// a box of a vector, not a boxed slice: one word, where a slice's pointer
// takes two
#[allow(clippy::box_collection)]
pub(crate) struct Conns(Option<Box<Vec<ConnRecord>>>);

impl std::ops::Deref for Conns {
    type Target = [ConnRecord];
    fn deref(&self) -> &[ConnRecord] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<'a> IntoIterator for &'a Conns {
    type Item = &'a ConnRecord;
    type IntoIter = std::slice::Iter<'a, ConnRecord>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Conns {
    /// Adds a connection unless an equal one is already there.
    fn add(&mut self, conn: ConnRecord) {
        if let Err(at) = self.binary_search(&conn) {
            self.0.get_or_insert_default().insert(at, conn);
        }
    }

    /// The heap bytes held, the platforms' names included.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.0.as_ref().map_or(0, |v| {
            size_of::<Vec<ConnRecord>>()
                + v.capacity() * size_of::<ConnRecord>()
                + v.iter().map(|c| c.platform.capacity()).sum::<usize>()
        })
    }
}

impl TieData {
    /// A tie of `a` and `b`, whose edge in the graph's network is `edge`,
    /// with nothing in it yet.
    pub(crate) fn new(a: PersonId, b: PersonId, edge: petgraph::stable_graph::EdgeIndex) -> TieData {
        TieData {
            a,
            b,
            log: Log::default(),
            conns: Conns::default(),
            edge,
        }
    }

    /// Inserts one record at its place in the sorted log.
    pub(crate) fn insert(&mut self, rec: Record) {
        let at = self
            .log
            .partition_point(|r| r.canonical_cmp(&rec) != Ordering::Greater);
        self.log.to_mut().insert(at, rec);
    }

    /// Removes one record equal to `rec`; false when there is none.
    pub(crate) fn remove(&mut self, rec: &Record) -> bool {
        let start = self
            .log
            .partition_point(|r| r.canonical_cmp(rec) == Ordering::Less);
        match self.log.get(start) {
            Some(r) if r.same(rec) => {
                self.log.to_mut().remove(start);
                true
            }
            _ => false,
        }
    }

    pub(crate) fn sort(&mut self) {
        sort_log(self.log.to_mut());
    }

    /// Adds a connection unless an equal one is already there.
    pub(crate) fn add_conn(&mut self, conn: ConnRecord) {
        self.conns.add(conn);
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.log.is_empty() && self.conns.is_empty()
    }
}

/// Packs an oriented pair of ids into one hash key.
pub(crate) fn pair_key(a: PersonId, b: PersonId) -> u64 {
    (u64::from(a.0) << 32) | u64::from(b.0)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn record_is_20_bytes() {
        assert_eq!(std::mem::size_of::<Record>(), 20);
    }

    #[test]
    fn a_ties_data_is_48_bytes_and_a_free_slot_no_more() {
        assert_eq!(std::mem::size_of::<TieData>(), 48);
        assert_eq!(std::mem::size_of::<Option<TieData>>(), 48);
    }

    #[test]
    fn connections_are_kept_ordered_once_each() {
        let conn = |platform: &str, kind, side| ConnRecord {
            platform: platform.to_string(),
            kind,
            side,
            since: None,
        };
        let mut conns = Conns::default();
        assert!(conns.is_empty() && conns.heap_bytes() == 0);
        conns.add(conn("x", ConnectionKind::Follows, 1));
        conns.add(conn("linkedin", ConnectionKind::Mutual, 0));
        conns.add(conn("x", ConnectionKind::Follows, 1));
        conns.add(conn("x", ConnectionKind::Follows, 0));
        let got: Vec<(&str, u8)> = (&conns)
            .into_iter()
            .map(|c| (c.platform.as_str(), c.side))
            .collect();
        assert_eq!(got, [("linkedin", 0), ("x", 0), ("x", 1)]);
        let held = conns.0.as_ref().expect("held").capacity();
        assert_eq!(
            conns.heap_bytes(),
            24 + held * size_of::<ConnRecord>() + "linkedin".len() + 2
        );
    }

    #[test]
    fn the_default_record_is_at_the_epoch() {
        assert_eq!(fields(&Record::default()), (0, 0, 0, 0, 0));
    }

    fn rec(t: i64, ch: u16, side: u8) -> Record {
        Record::new(t, ch, side, 1.0, NO_DURATION)
    }

    fn fields(r: &Record) -> (i64, u16, u8, u64, u32) {
        (r.t(), r.ch(), r.side(), r.mult.to_bits(), r.dur)
    }

    /// chrono's first and last second: the times a record can hold.
    const FIRST: i64 = chrono::DateTime::<chrono::Utc>::MIN_UTC.timestamp();
    const LAST: i64 = chrono::DateTime::<chrono::Utc>::MAX_UTC.timestamp();

    #[test]
    fn a_record_gives_back_its_fields_at_the_ends_of_each() {
        for t in [FIRST, FIRST + 1, -1, 0, 1, 1_764_028_800, LAST - 1, LAST] {
            for (ch, side) in [(0, 0), (0, 1), (u16::MAX, 0), (u16::MAX, 1), (7, 1)] {
                for dur in [0, 1, NO_DURATION] {
                    let r = Record::new(t, ch, side, 0.25, dur);
                    assert_eq!(fields(&r), (t, ch, side, 0.25f64.to_bits(), dur));
                    let other = 1 - side;
                    assert_eq!(
                        fields(&r.with_side(other)),
                        (t, ch, other, 0.25f64.to_bits(), dur)
                    );
                    assert_eq!(fields(&r.with_ch(3)), (t, 3, side, 0.25f64.to_bits(), dur));
                }
            }
        }
    }

    proptest! {
        #[test]
        fn records_keep_their_fields_and_order_by_them(
            t in FIRST..=LAST,
            ch in any::<u16>(),
            side in 0u8..=1,
            mult in any::<f64>(),
            dur in any::<u32>(),
            // a second record near the first, so that equal fields are common
            dt in -2i64..=2,
            other_ch in any::<bool>(),
            other_side in 0u8..=1,
            other_mult in any::<bool>(),
            other_dur in any::<bool>(),
        ) {
            let a = Record::new(t, ch, side, mult, dur);
            prop_assert_eq!(fields(&a), (t, ch, side, mult.to_bits(), dur));
            let u = (t + dt).clamp(FIRST, LAST);
            let v = if other_ch { ch.wrapping_add(1) } else { ch };
            let m = if other_mult { f64::from_bits(mult.to_bits() ^ 1) } else { mult };
            let d = if other_dur { dur.wrapping_sub(1) } else { dur };
            let b = Record::new(u, v, other_side, m, d);
            prop_assert_eq!(
                a.canonical_cmp(&b),
                fields(&a).cmp(&fields(&b)),
                "time, channel, side, weight, duration"
            );
        }
    }

    #[test]
    fn insert_keeps_the_log_sorted_and_remove_takes_one_copy() {
        let mut tie = TieData::new(
            PersonId(0),
            PersonId(1),
            petgraph::stable_graph::EdgeIndex::new(0),
        );
        for r in [
            rec(5, 0, 0),
            rec(1, 4, 1),
            rec(5, 0, 0),
            rec(3, 2, 0),
            rec(5, 0, 1),
        ] {
            tie.insert(r);
        }
        let ts: Vec<_> = tie.log.iter().map(|r| (r.t(), r.side())).collect();
        assert_eq!(ts, vec![(1, 1), (3, 0), (5, 0), (5, 0), (5, 1)]);
        assert!(tie.remove(&rec(5, 0, 0)));
        assert_eq!(tie.log.len(), 4);
        assert!(!tie.remove(&rec(4, 0, 0)));
    }
}
