//! How one tie's interactions and connections are held in memory.

use std::cmp::Ordering;

use rayon::slice::ParallelSliceMut;

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

/// One stored interaction: 24 bytes, kept time-sorted in its tie's log.
///
/// A record, not columns: every scoring pass reads every field of every
/// record it visits, so one contiguous allocation per tie is both the most
/// compact and the most cache-friendly layout.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Record {
    /// Seconds since the Unix epoch.
    pub t: i64,
    /// Weight multiplier m, group dilution included.
    pub mult: f64,
    /// Duration in whole seconds; [`NO_DURATION`] when unknown.
    pub dur: u32,
    /// Channel id.
    pub ch: u16,
    /// 0 when the tie's `a` initiated it, 1 when `b` did.
    pub side: u8,
}

impl Record {
    pub(crate) fn duration(&self) -> Option<f64> {
        (self.dur != NO_DURATION).then_some(f64::from(self.dur))
    }

    pub(crate) fn channel(&self) -> ChannelId {
        ChannelId(self.ch)
    }

    /// A total order on records, so that a tie's log (and every sum over
    /// it) is the same whatever order the interactions arrived in.
    pub(crate) fn canonical_cmp(&self, other: &Record) -> Ordering {
        (self.t, self.ch, self.side, self.mult.to_bits(), self.dur).cmp(&(
            other.t,
            other.ch,
            other.side,
            other.mult.to_bits(),
            other.dur,
        ))
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
    pub log: Vec<Record>,
    pub conns: Vec<ConnRecord>,
    pub edge: petgraph::stable_graph::EdgeIndex,
}

impl TieData {
    /// A tie of `a` and `b`, whose edge in the graph's network is `edge`,
    /// with nothing in it yet.
    pub(crate) fn new(a: PersonId, b: PersonId, edge: petgraph::stable_graph::EdgeIndex) -> TieData {
        TieData {
            a,
            b,
            log: Vec::new(),
            conns: Vec::new(),
            edge,
        }
    }

    /// Inserts one record at its place in the sorted log.
    pub(crate) fn insert(&mut self, rec: Record) {
        let at = self
            .log
            .partition_point(|r| r.canonical_cmp(&rec) != Ordering::Greater);
        self.log.insert(at, rec);
    }

    /// Removes one record equal to `rec`; false when there is none.
    pub(crate) fn remove(&mut self, rec: &Record) -> bool {
        let start = self
            .log
            .partition_point(|r| r.canonical_cmp(rec) == Ordering::Less);
        match self.log.get(start) {
            Some(r) if r.same(rec) => {
                self.log.remove(start);
                true
            }
            _ => false,
        }
    }

    pub(crate) fn sort(&mut self) {
        sort_log(&mut self.log);
    }

    /// Adds a connection unless an equal one is already there.
    pub(crate) fn add_conn(&mut self, conn: ConnRecord) {
        if let Err(at) = self.conns.binary_search(&conn) {
            self.conns.insert(at, conn);
        }
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
    use super::*;

    #[test]
    fn record_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Record>(), 24);
    }

    fn rec(t: i64, ch: u16, side: u8) -> Record {
        Record {
            t,
            mult: 1.0,
            dur: NO_DURATION,
            ch,
            side,
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
        let ts: Vec<_> = tie.log.iter().map(|r| (r.t, r.side)).collect();
        assert_eq!(ts, vec![(1, 1), (3, 0), (5, 0), (5, 0), (5, 1)]);
        assert!(tie.remove(&rec(5, 0, 0)));
        assert_eq!(tie.log.len(), 4);
        assert!(!tie.remove(&rec(4, 0, 0)));
    }
}
