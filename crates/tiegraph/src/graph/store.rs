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
pub(crate) fn sort_log(log: &mut [Record], mults: &Mults) {
    let cmp = |a: &Record, b: &Record| a.canonical_cmp(b, mults);
    // on one core, rayon's parallel sort is only slower than the standard one
    if log.len() >= PARALLEL_SORT && rayon::current_num_threads() > 1 {
        log.par_sort_unstable_by(cmp);
    } else {
        log.sort_unstable_by(cmp);
    }
}

/// The duration of a record without one.
pub(crate) const NO_DURATION: u32 = u32::MAX;

/// A record's weight multiplier m, in 32 bits ([`Mults`]): the bits of
/// an `f32` that holds it exactly (1, 0.5, 3: every weight of a log
/// without weights or with round ones), or, with the top bit set, its
/// place in the graph's table of the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Mult(u32);

impl Mult {
    /// The top bit: the rest is a place in the table.
    const TABLED: u32 = 1 << 31;
    #[cfg(test)]
    pub(crate) const ONE: Mult = Mult(0x3f80_0000);

    /// The code of a multiplier that an `f32` holds exactly; `None` for
    /// the others (a negative zero among them: its `f32` has the top bit).
    #[inline]
    pub(crate) fn exact(m: f64) -> Option<Mult> {
        let f = m as f32;
        let bits = f.to_bits();
        (f64::from(f).to_bits() == m.to_bits() && bits & Mult::TABLED == 0).then_some(Mult(bits))
    }

    #[inline]
    fn tabled(self) -> Option<usize> {
        (self.0 & Mult::TABLED != 0).then_some((self.0 & !Mult::TABLED) as usize)
    }
}

/// The weight multipliers of a graph's records that an `f32` does not
/// hold exactly (a weight of 0.3, an event's 1/√(n−1) dilution), each
/// once: a record keeps 32 bits of its multiplier, not 64, and takes 16
/// bytes instead of 20. Each value has one code, so equal records have
/// equal bits.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mults {
    values: Vec<f64>,
    places: std::collections::HashMap<u64, u32>,
}

impl Mults {
    /// The most values the table holds: beyond, a multiplier is kept to
    /// an `f32`'s precision (more distinct inexact weights than a graph of
    /// 2^31 records can have; no machine this runs on holds such a graph).
    const MAX: usize = 1 << 31;

    /// The multiplier of a code. Scoring reads one a record: the tabled
    /// ones, rare, are read out of line.
    #[inline(always)]
    pub(crate) fn get(&self, m: Mult) -> f64 {
        if m.0 & Mult::TABLED == 0 {
            f64::from(f32::from_bits(m.0))
        } else {
            self.get_tabled(m)
        }
    }

    #[cold]
    #[inline(never)]
    fn get_tabled(&self, m: Mult) -> f64 {
        self.values[(m.0 & !Mult::TABLED) as usize]
    }

    /// The code of `m`, if it has one already.
    #[inline]
    pub(crate) fn find(&self, m: f64) -> Option<Mult> {
        Mult::exact(m).or_else(|| self.places.get(&m.to_bits()).map(|&at| Mult(at | Mult::TABLED)))
    }

    /// The code of `m`, given one if it has none yet.
    #[inline]
    pub(crate) fn code(&mut self, m: f64) -> Mult {
        if let Some(c) = Mult::exact(m) {
            return c;
        }
        self.code_tabled(0, m)
    }

    /// The code of `m`, tabled here with codes from `base` on: a load's
    /// own table ([`LoadMults`]) starts where the graph's ended.
    #[cold]
    fn code_tabled(&mut self, base: usize, m: f64) -> Mult {
        let next = base + self.values.len();
        if next >= Mults::MAX {
            return Mult((m as f32).abs().to_bits());
        }
        let at = *self.places.entry(m.to_bits()).or_insert_with(|| next as u32);
        if at as usize == next {
            self.values.push(m);
        }
        Mult(at | Mult::TABLED)
    }

    /// How many values are tabled.
    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<f64>() + self.places.capacity() * (size_of::<(u64, u32)>() + 1)
    }
}

/// The multipliers a load codes while it stages its rows, before the
/// graph takes them at the commit: the graph's codes for the values it
/// had when the load began, and codes of the load's own from there on.
/// The check runs on many cores and codes nothing; the staging, on one,
/// codes each row.
#[derive(Debug, Default)]
pub(crate) struct LoadMults {
    /// The graph's table's length when the load began.
    base: usize,
    more: Mults,
}

impl LoadMults {
    /// For a load into a graph whose table is `graph`.
    pub(crate) fn new(graph: &Mults) -> LoadMults {
        LoadMults {
            base: graph.len(),
            more: Mults::default(),
        }
    }

    /// The code of `m`, `graph` being the table the load began with (or
    /// that table grown since: what it gained is not read).
    #[inline]
    pub(crate) fn code(&mut self, graph: &Mults, m: f64) -> Mult {
        if let Some(c) = Mult::exact(m) {
            return c;
        }
        match graph.places.get(&m.to_bits()) {
            Some(&at) if (at as usize) < self.base => Mult(at | Mult::TABLED),
            _ => self.more.code_tabled(self.base, m),
        }
    }

    /// Gives the load's values to the graph's table. When the table is
    /// still as the load began, the codes stay; when the graph tabled
    /// values of its own meanwhile (an interaction added between two
    /// pushes), the load's codes from the table's old end on are
    /// replaced: returns the new code of each, by place.
    pub(crate) fn commit(&mut self, graph: &mut Mults) -> Option<Vec<Mult>> {
        let more = std::mem::take(&mut self.more);
        if graph.len() == self.base {
            graph.places.extend(more.places);
            graph.values.extend(more.values);
            return None;
        }
        Some(more.values.iter().map(|&m| graph.code(m)).collect())
    }

    /// The code to keep for `m` after [`commit`](Self::commit) returned
    /// `new`.
    #[inline]
    pub(crate) fn recode(&self, new: &[Mult], m: Mult) -> Mult {
        match m.tabled() {
            Some(at) if at >= self.base => new[at - self.base],
            _ => m,
        }
    }
}

/// One stored interaction: 16 bytes, kept time-sorted in its tie's log.
///
/// A record, not columns: every scoring pass reads every field of every
/// record it visits, so one contiguous allocation per tie is both the most
/// compact and the most cache-friendly layout.
///
/// The time, the channel and the side share one integer, [`Record::when`],
/// whose order is theirs: the log's order is mostly one comparison. The
/// weight multiplier is coded in 32 bits ([`Mults`]): the logs are most
/// of a graph's memory, and a record of 16 bytes instead of 20 takes 40
/// MB less at W1's 10M rows, in the graph and again in a load's staging.
#[derive(Clone, Copy, PartialEq)]
pub(crate) struct Record {
    /// The time in seconds since the Unix epoch, offset by
    /// [`when::EPOCH`], then the channel id, then the side, from the high
    /// bits down.
    when: u64,
    /// Weight multiplier m, group dilution included, coded.
    pub m: Mult,
    /// Duration in whole seconds; [`NO_DURATION`] when unknown.
    pub dur: u32,
}

/// At the epoch, with every other field zero, as the fields' own defaults
/// made it before they were packed (a zero `when` is a time out of range).
impl Default for Record {
    fn default() -> Record {
        Record::new(0, 0, 0, Mult(0), 0)
    }
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("t", &self.t())
            .field("m", &self.m)
            .field("dur", &self.dur)
            .field("ch", &self.ch())
            .field("side", &self.side())
            .finish()
    }
}

/// The fields of `when`, shared by [`Record`] and [`RawRecord`].
mod when {
    /// Times are within chrono's range, about ±2^43 seconds, and every
    /// path that makes a record checks that: offset by this, they fit in
    /// the 44 bits above the channel's 16 and the side's 4.
    pub(super) const EPOCH: i64 = 1 << 43;
    /// Where the channel and the time start in `when`; the side is below.
    pub(super) const CH_AT: u32 = 4;
    pub(super) const T_AT: u32 = 20;
    /// The bits of `when` that hold the side.
    pub(super) const SIDE_BITS: u64 = (1 << CH_AT) - 1;

    #[inline]
    pub(super) fn pack(t: i64, ch: u16, side: u8) -> u64 {
        debug_assert!((-EPOCH..EPOCH).contains(&t), "time out of range");
        debug_assert!(side <= 1, "a side is 0 or 1");
        ((t + EPOCH) as u64) << T_AT | u64::from(ch) << CH_AT | u64::from(side)
    }

    #[inline]
    pub(super) fn t(when: u64) -> i64 {
        (when >> T_AT) as i64 - EPOCH
    }

    #[inline]
    pub(super) fn with_side(when: u64, side: u8) -> u64 {
        debug_assert!(side <= 1, "a side is 0 or 1");
        when & !SIDE_BITS | u64::from(side)
    }
}

impl Record {
    /// A record of an interaction at `t` (seconds since the epoch, within
    /// chrono's range) on channel `ch`, started by `side` (0 for the tie's
    /// `a`, 1 for `b`).
    #[inline]
    pub(crate) fn new(t: i64, ch: u16, side: u8, m: Mult, dur: u32) -> Record {
        Record {
            when: when::pack(t, ch, side),
            m,
            dur,
        }
    }

    /// Seconds since the Unix epoch.
    #[inline]
    pub(crate) fn t(&self) -> i64 {
        when::t(self.when)
    }

    /// The channel's id, as a number.
    #[inline]
    pub(crate) fn ch(&self) -> u16 {
        (self.when >> when::CH_AT) as u16
    }

    /// 0 when the tie's `a` initiated it, 1 when `b` did.
    #[inline]
    pub(crate) fn side(&self) -> u8 {
        (self.when & when::SIDE_BITS) as u8
    }

    /// The same record, started by `side`.
    #[cfg(test)]
    pub(crate) fn with_side(self, side: u8) -> Record {
        Record {
            when: when::with_side(self.when, side),
            ..self
        }
    }

    /// The same record, with weight multiplier `m`.
    pub(crate) fn with_mult(self, m: Mult) -> Record {
        Record { m, ..self }
    }

    /// The same record, on channel `ch`.
    pub(crate) fn with_ch(self, ch: u16) -> Record {
        Record::new(self.t(), ch, self.side(), self.m, self.dur)
    }

    pub(crate) fn duration(&self) -> Option<f64> {
        (self.dur != NO_DURATION).then_some(f64::from(self.dur))
    }

    pub(crate) fn channel(&self) -> ChannelId {
        ChannelId(self.ch())
    }

    /// A total order on records, so that a tie's log (and every sum over
    /// it) is the same whatever order the interactions arrived in: by time,
    /// channel, side (all three in `when`), the bits of the weight
    /// multiplier as an `f64` and duration. `mults` holds the multipliers
    /// of the codes that are not an `f32`'s bits; an `f32`'s own order is
    /// the `f64`'s for the codes that are (none is negative).
    #[inline]
    pub(crate) fn canonical_cmp(&self, other: &Record, mults: &Mults) -> Ordering {
        self.when.cmp(&other.when).then_with(|| {
            let m = if self.m == other.m {
                Ordering::Equal
            } else if self.m.tabled().is_none() && other.m.tabled().is_none() {
                self.m.0.cmp(&other.m.0)
            } else {
                mults.get(self.m).to_bits().cmp(&mults.get(other.m).to_bits())
            };
            m.then(self.dur.cmp(&other.dur))
        })
    }
}

/// A record as a row's check makes it, its multiplier not coded yet: the
/// check runs on many cores at once and codes nothing ([`Mults::code`]
/// may add to a table); the staging codes it ([`RawRecord::coded`]).
#[derive(Clone, Copy, PartialEq, Default)]
#[repr(C, packed(4))]
pub(crate) struct RawRecord {
    when: u64,
    /// Weight multiplier m, group dilution included.
    pub mult: f64,
    pub dur: u32,
}

impl std::fmt::Debug for RawRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawRecord")
            .field("t", &self.t())
            .field("mult", &{ self.mult })
            .field("dur", &{ self.dur })
            .field("side", &self.side())
            .finish()
    }
}

impl RawRecord {
    /// See [`Record::new`].
    #[inline]
    pub(crate) fn new(t: i64, ch: u16, side: u8, mult: f64, dur: u32) -> RawRecord {
        RawRecord {
            when: when::pack(t, ch, side),
            mult,
            dur,
        }
    }

    #[inline]
    pub(crate) fn t(&self) -> i64 {
        when::t(self.when)
    }

    #[inline]
    pub(crate) fn ch(&self) -> u16 {
        (self.when >> when::CH_AT) as u16
    }

    #[inline]
    pub(crate) fn side(&self) -> u8 {
        (self.when & when::SIDE_BITS) as u8
    }

    #[inline]
    pub(crate) fn with_side(self, side: u8) -> RawRecord {
        RawRecord {
            when: when::with_side(self.when, side),
            ..self
        }
    }

    /// The same record, with weight multiplier `mult`.
    pub(crate) fn with_mult(self, mult: f64) -> RawRecord {
        RawRecord { mult, ..self }
    }

    /// The record, its multiplier coded in `mults`.
    #[inline]
    pub(crate) fn coded(self, mults: &mut Mults) -> Record {
        Record {
            when: self.when,
            m: mults.code(self.mult),
            dur: self.dur,
        }
    }

    /// The record, its multiplier coded by a load ([`LoadMults::code`]).
    #[inline]
    pub(crate) fn coded_in_load(self, graph: &Mults, load: &mut LoadMults) -> Record {
        Record {
            when: self.when,
            m: load.code(graph, self.mult),
            dur: self.dur,
        }
    }

    /// The record, when its multiplier has a code in `mults` already.
    pub(crate) fn find(self, mults: &Mults) -> Option<Record> {
        Some(Record {
            when: self.when,
            m: mults.find(self.mult)?,
            dur: self.dur,
        })
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
    pub(crate) fn insert(&mut self, rec: Record, mults: &Mults) {
        let at = self
            .log
            .partition_point(|r| r.canonical_cmp(&rec, mults) != Ordering::Greater);
        self.log.to_mut().insert(at, rec);
    }

    /// Removes one record equal to `rec`; false when there is none.
    pub(crate) fn remove(&mut self, rec: &Record, mults: &Mults) -> bool {
        let start = self
            .log
            .partition_point(|r| r.canonical_cmp(rec, mults) == Ordering::Less);
        match self.log.get(start) {
            Some(r) if r == rec => {
                self.log.to_mut().remove(start);
                true
            }
            _ => false,
        }
    }

    pub(crate) fn sort(&mut self, mults: &Mults) {
        sort_log(self.log.to_mut(), mults);
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
    fn record_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Record>(), 16);
    }

    #[test]
    fn multipliers_an_f32_holds_are_its_bits_and_the_rest_are_tabled_once() {
        let mut mults = Mults::default();
        for m in [
            1.0,
            0.5,
            0.0,
            3.0,
            2f64.powi(100),
            f64::from(f32::MIN_POSITIVE) / 4.0,
        ] {
            let c = mults.code(m);
            assert_eq!(c, Mult((m as f32).to_bits()), "{m}");
            assert_eq!(mults.get(c).to_bits(), m.to_bits());
        }
        assert_eq!(mults.len(), 0);
        let third = 1.0 / 3.0;
        let dilution = 1.0 / 2f64.sqrt();
        for m in [0.3, third, -0.0, dilution, 1e300, 1e-310] {
            let c = mults.code(m);
            assert!(c.tabled().is_some(), "{m}");
            assert_eq!(mults.get(c).to_bits(), m.to_bits(), "{m}");
        }
        assert_eq!(mults.len(), 6);
        // a value is tabled once, and found without adding
        assert_eq!(mults.code(third), Mult(1 | Mult::TABLED));
        assert_eq!(mults.find(dilution), Some(Mult(3 | Mult::TABLED)));
        assert_eq!(mults.find(0.7), None);
        assert_eq!(mults.find(2.0), Some(Mult(2.0f32.to_bits())));
        assert_eq!(mults.len(), 6);
    }

    #[test]
    fn a_loads_multipliers_coded_apart_keep_their_codes_in_the_graph() {
        let mut graph = Mults::default();
        let old = graph.code(0.3);
        let mut load = LoadMults::new(&graph);
        assert_eq!(load.code(&graph, 0.3), old);
        let new = load.code(&graph, 0.7);
        assert_eq!(new, Mult(1 | Mult::TABLED));
        assert_eq!(load.code(&graph, 0.7), new);
        assert_eq!(load.code(&graph, 4.0), Mult(4.0f32.to_bits()));
        assert_eq!(load.commit(&mut graph), None);
        assert_eq!(
            (graph.len(), graph.get(new), graph.find(0.7)),
            (2, 0.7, Some(new))
        );
        assert_eq!(graph.code(0.9), Mult(2 | Mult::TABLED));
    }

    #[test]
    fn a_load_recodes_its_multipliers_when_the_graph_tabled_some_meanwhile() {
        let mut graph = Mults::default();
        let old = graph.code(0.3);
        let mut load = LoadMults::new(&graph);
        let seven = load.code(&graph, 0.7);
        let nine = load.code(&graph, 0.9);
        // the graph tables 0.9 and 0.11 of its own before the commit
        let graphs_nine = graph.code(0.9);
        graph.code(0.11);
        // what the graph gained is not read: 0.11 is the load's own
        let eleven = load.code(&graph, 0.11);
        assert_eq!(
            (seven, nine, eleven),
            (
                Mult(1 | Mult::TABLED),
                Mult(2 | Mult::TABLED),
                Mult(3 | Mult::TABLED)
            )
        );
        let new = load.commit(&mut graph).expect("new codes");
        let got: Vec<f64> = [old, seven, nine, eleven]
            .map(|m| graph.get(load.recode(&new, m)))
            .to_vec();
        assert_eq!(got, [0.3, 0.7, 0.9, 0.11]);
        assert_eq!(load.recode(&new, nine), graphs_nine);
        assert_eq!(graph.len(), 4, "0.3, 0.9, 0.11, then 0.7");
        assert_eq!(load.recode(&new, Mult::ONE), Mult::ONE);
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
        assert_eq!(Mults::default().get(Record::default().m), 0.0);
    }

    fn rec(t: i64, ch: u16, side: u8) -> Record {
        Record::new(t, ch, side, Mult::ONE, NO_DURATION)
    }

    fn fields(r: &Record) -> (i64, u16, u8, u32, u32) {
        (r.t(), r.ch(), r.side(), r.m.0, r.dur)
    }

    /// chrono's first and last second: the times a record can hold.
    const FIRST: i64 = chrono::DateTime::<chrono::Utc>::MIN_UTC.timestamp();
    const LAST: i64 = chrono::DateTime::<chrono::Utc>::MAX_UTC.timestamp();

    #[test]
    fn a_record_gives_back_its_fields_at_the_ends_of_each() {
        let quarter = Mult::exact(0.25).expect("exact").0;
        for t in [FIRST, FIRST + 1, -1, 0, 1, 1_764_028_800, LAST - 1, LAST] {
            for (ch, side) in [(0, 0), (0, 1), (u16::MAX, 0), (u16::MAX, 1), (7, 1)] {
                for dur in [0, 1, NO_DURATION] {
                    let raw = RawRecord::new(t, ch, side, 0.25, dur);
                    let r = raw.coded(&mut Mults::default());
                    assert_eq!(fields(&r), (t, ch, side, quarter, dur));
                    assert_eq!((raw.t(), raw.ch(), raw.side()), (t, ch, side));
                    let other = 1 - side;
                    assert_eq!(fields(&r.with_side(other)), (t, ch, other, quarter, dur));
                    assert_eq!(raw.with_side(other).side(), other);
                    assert_eq!(fields(&r.with_ch(3)), (t, 3, side, quarter, dur));
                }
            }
        }
    }

    /// Weights as a load takes them (finite, not below zero, a negative
    /// zero among them): some an `f32` holds, the rest tabled.
    fn weight() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f32>()
                .prop_map(|f| f64::from(f.abs()))
                .prop_filter("finite", |m| m.is_finite()),
            0.0..1e300f64,
            Just(-0.0),
            Just(1.0 / 3.0),
        ]
    }

    proptest! {
        #[test]
        fn records_keep_their_fields_and_order_by_them(
            t in FIRST..=LAST,
            ch in any::<u16>(),
            side in 0u8..=1,
            mult in weight(),
            dur in any::<u32>(),
            // a second record near the first, so that equal fields are common
            dt in -2i64..=2,
            other_ch in any::<bool>(),
            other_side in 0u8..=1,
            other_mult in 0u8..3,
            other_dur in any::<bool>(),
        ) {
            let mut mults = Mults::default();
            let a = RawRecord::new(t, ch, side, mult, dur).coded(&mut mults);
            prop_assert_eq!(mults.get(a.m).to_bits(), mult.to_bits());
            let u = (t + dt).clamp(FIRST, LAST);
            let v = if other_ch { ch.wrapping_add(1) } else { ch };
            // the same, the next f64 (mostly tabled), or the nearest f32's
            let m = match other_mult {
                0 => mult,
                1 => f64::from_bits(mult.to_bits() ^ 1),
                _ => f64::from(mult as f32).abs(),
            };
            let d = if other_dur { dur.wrapping_sub(1) } else { dur };
            let b = RawRecord::new(u, v, other_side, m, d).coded(&mut mults);
            let full = |r: &Record| (r.t(), r.ch(), r.side(), mults.get(r.m).to_bits(), r.dur);
            prop_assert_eq!(full(&a), (t, ch, side, mult.to_bits(), dur));
            prop_assert_eq!(
                a.canonical_cmp(&b, &mults),
                full(&a).cmp(&full(&b)),
                "time, channel, side, weight, duration"
            );
            prop_assert_eq!(a == b, full(&a) == full(&b), "equal records, equal bits");
        }
    }

    #[test]
    fn insert_keeps_the_log_sorted_and_remove_takes_one_copy() {
        let mut mults = Mults::default();
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
            tie.insert(r, &mults);
        }
        let ts: Vec<_> = tie.log.iter().map(|r| (r.t(), r.side())).collect();
        assert_eq!(ts, vec![(1, 1), (3, 0), (5, 0), (5, 0), (5, 1)]);
        assert!(tie.remove(&rec(5, 0, 0), &mults));
        assert_eq!(tie.log.len(), 4);
        assert!(!tie.remove(&rec(4, 0, 0), &mults));
        // a tabled multiplier sorts by its value, after a smaller one
        let third = rec(5, 0, 1).with_mult(mults.code(1.0 / 3.0));
        let tenth = rec(5, 0, 1).with_mult(mults.code(0.1));
        tie.insert(third, &mults);
        tie.insert(tenth, &mults);
        let ms: Vec<f64> = tie.log.iter().map(|r| mults.get(r.m)).collect();
        assert_eq!(ms, [1.0, 1.0, 1.0, 0.1, 1.0 / 3.0, 1.0]);
        assert!(tie.remove(&third, &mults));
        assert!(!tie.remove(&third, &mults));
    }
}
