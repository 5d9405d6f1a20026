//! Validation of input rows and all-or-nothing bulk loading.

use rayon::prelude::*;

use super::RelationshipGraph;
use super::TieId;
use super::blocks::{Block, Log};
use super::store::{NO_DURATION, Record, pair_key, sort_log};
use crate::error::{Error, Result};
use crate::flat::{AHEAD, FlatMap};
#[cfg(feature = "arrow")]
use crate::keys::Packed;
use crate::keys::{KeyIndex, key_head};
use crate::model::{ChannelId, Interaction, PersonId};

/// What a bad row does to a bulk load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnError {
    /// Stop at the first bad row and add nothing.
    #[default]
    Raise,
    /// Add the good rows; report each bad one in [`LoadReport::skipped`].
    Skip,
}

/// A row a bulk load left out, and why.
#[derive(Debug)]
pub struct SkippedRow {
    /// 0-based position of the row in the input.
    pub row: u64,
    /// 1-based line in a CSV file, when reading one.
    pub line: Option<u64>,
    /// What was wrong with it.
    pub error: Error,
}

/// What a bulk load did.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Rows read.
    pub rows: u64,
    /// Rows added.
    pub added: u64,
    /// Rows left out (only with [`OnError::Skip`]).
    pub skipped: Vec<SkippedRow>,
    /// People created because a row named them.
    pub new_people: u64,
    /// Ties that received at least one row.
    pub ties_touched: u64,
}

/// The names of the input fields, for error messages.
#[derive(Debug, Clone)]
pub(crate) struct Fields<'a> {
    pub src: &'a str,
    pub dst: &'a str,
    pub time: &'a str,
    /// Only Arrow input has rows without a channel to name.
    #[cfg_attr(not(feature = "arrow"), allow(dead_code))]
    pub channel: &'a str,
    pub duration: &'a str,
    pub weight: &'a str,
}

impl Default for Fields<'_> {
    fn default() -> Self {
        Fields {
            src: "src",
            dst: "dst",
            time: "at",
            channel: "channel",
            duration: "duration",
            weight: "weight",
        }
    }
}

impl Fields<'_> {
    pub(crate) fn event() -> Self {
        Fields {
            src: "participants",
            dst: "participants",
            ..Fields::default()
        }
    }
}

/// A channel given by name, or already resolved.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ChannelRef<'a> {
    Name(&'a str),
    /// From an Arrow dictionary column, resolved once per value.
    #[cfg_attr(not(feature = "arrow"), allow(dead_code))]
    Id(ChannelId),
    /// A name and its pack, read from a string column without a branch on
    /// its length.
    #[cfg(feature = "arrow")]
    Packed(crate::keys::Packed, &'a str),
}

/// One interaction row as any input format yields it, before validation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'a> {
    pub src: &'a str,
    pub dst: &'a str,
    /// Seconds since the epoch, already checked to be a valid time.
    pub t: i64,
    pub channel: ChannelRef<'a>,
    pub duration: Option<f64>,
    pub weight: f64,
}

/// Durations past ten years are taken for a unit mistake.
const MAX_DURATION: f64 = 10.0 * 365.0 * 86_400.0;

/// A duration as stored: whole seconds, like times (exact, and the same in
/// every implementation); the value back when it is not a duration.
#[inline]
fn stored_duration(d: Option<f64>) -> std::result::Result<u32, f64> {
    match d {
        None => Ok(NO_DURATION),
        Some(d) if d.is_finite() && (0.0..=MAX_DURATION).contains(&d) => Ok(round_seconds(d)),
        Some(d) => Err(d),
    }
}

/// `d.round() as u32` for `d` in `0.0..=MAX_DURATION`, half away from
/// zero, without the call to `round` that x86-64's baseline makes of it
/// (no SSE4.1): the fraction `d - trunc(d)` is exact below 2^52.
/// callgrind on the Rust-generated W1 rows (a fifth with a duration): 9
/// instructions a row fewer.
#[inline]
fn round_seconds(d: f64) -> u32 {
    let whole = d as u32;
    whole + u32::from(d - f64::from(whole) >= 0.5)
}

/// The side of a row's tie that `src` is: 0 when its key sorts first, 1
/// when `dst`'s does; `None` for a self-interaction. One comparison both
/// rejects the row and orients the tie.
#[inline]
fn side_of(src: &str, dst: &str) -> Option<u8> {
    match key_cmp(src, dst) {
        std::cmp::Ordering::Less => Some(0),
        std::cmp::Ordering::Greater => Some(1),
        std::cmp::Ordering::Equal => None,
    }
}

#[inline]
fn good_weight(w: f64) -> bool {
    // finite and not below zero: below +infinity's bits, or -0. LLVM
    // turned `w.is_finite() && w >= 0.0` into a test of the float's class
    // that x86-64 has no instruction for, done in 20 integer instructions
    // (callgrind on the Rust-generated W1 rows: 10 fewer a row)
    let bits = w.to_bits();
    bits < f64::INFINITY.to_bits() || bits == (-0.0f64).to_bits()
}

/// The fields of a [`PlainRow`] besides its keys: what
/// [`People::check_keyed`] takes.
#[cfg(feature = "arrow")]
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlainFields {
    pub t: i64,
    pub ch: ChannelId,
    pub duration: Option<f64>,
    pub weight: f64,
}

#[cfg(feature = "arrow")]
impl PlainFields {
    /// The record of these fields, on `side`; `None` for a weight or a
    /// duration the full check turns down.
    #[inline(always)]
    fn record(self, side: u8) -> Option<Record> {
        if !good_weight(self.weight) {
            return None;
        }
        let dur = stored_duration(self.duration).ok()?;
        Some(Record::new(self.t, self.ch.0, side, self.weight, dur))
    }
}

/// A row read from typed columns with nothing missing: every field there,
/// its time in range, its channel known by id. What
/// [`People::check_plain`] takes.
#[cfg(feature = "arrow")]
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlainRow<'a> {
    pub src: &'a str,
    pub dst: &'a str,
    pub fields: PlainFields,
}

impl<'a> Row<'a> {
    pub(crate) fn from_interaction(it: &'a Interaction) -> Row<'a> {
        Row {
            src: &it.src,
            dst: &it.dst,
            t: super::secs(it.at),
            channel: ChannelRef::Name(&it.channel),
            duration: it.duration,
            weight: it.weight,
        }
    }

    /// Checks the row and turns it into a record whose side is `src`'s by
    /// key order ([`side_of`]); callers that orient the tie by person id
    /// set it again.
    pub(crate) fn validate(
        &self,
        g: &RelationshipGraph,
        f: &Fields<'_>,
    ) -> Result<(&'a str, &'a str, Record)> {
        super::check_key(self.src, f.src)?;
        super::check_key(self.dst, f.dst)?;
        let Some(side) = side_of(self.src, self.dst) else {
            return Err(Error::SelfInteraction {
                key: self.src.to_string(),
            });
        };
        let ch = match self.channel {
            ChannelRef::Name(name) => g.channels.id(name)?,
            ChannelRef::Id(id) => id,
            #[cfg(feature = "arrow")]
            ChannelRef::Packed(packed, name) => g.channels.id_packed(packed, name)?,
        };
        if !good_weight(self.weight) {
            return Err(Error::InvalidWeight {
                field: f.weight.to_string(),
                value: self.weight,
            });
        }
        let dur = stored_duration(self.duration).map_err(|value| Error::InvalidDuration {
            field: f.duration.to_string(),
            value,
        })?;
        Ok((
            self.src,
            self.dst,
            Record::new(self.t, ch.0, side, self.weight, dur),
        ))
    }
}

/// The order of two keys, as `str::cmp`, comparing their first eight bytes
/// as one integer first: bulk loads orient every row by key, and most keys
/// differ early.
#[inline]
pub(crate) fn key_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    key_head(x).cmp(&key_head(y)).then_with(|| x.cmp(y))
}

/// The number of shards a load's rows are grouped in, by a hash of their
/// pair: a power of two, enough to keep two to eight cores busy, few
/// enough that each shard's work on a flush is worth a task.
const SHARDS: usize = 16;

fn shard_of(pair: u64) -> usize {
    (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SHARDS.trailing_zeros())) as usize
}

/// Rows held by shard before the shards take them (see [`Rows::stage`]):
/// a shard visited with many rows at once reuses
/// its pair map from cache. At 10M rows, taking 64k rows at a time left
/// the shard step 1.7x slower than taking 1M.
#[cfg(feature = "arrow")]
const FLUSH_ROWS: usize = 1 << 20;

/// A person id not resolved yet: the key is new to the graph and to the load.
#[cfg(feature = "arrow")]
const UNRESOLVED: u32 = u32::MAX;

/// One row checked, oriented, and resolved as far as it can be without
/// changing anything (see [`People::check`]): 32 bytes, so that a block of
/// them stays in cache between the parallel check and the staging.
#[cfg(feature = "arrow")]
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Checked {
    /// The ids of the tie's two people (the one whose key sorts first
    /// first), [`UNRESOLVED`] for people the load has not seen yet.
    ids: [u32; 2],
    rec: Record,
}

#[cfg(feature = "arrow")]
const _: () = assert!(std::mem::size_of::<Checked>() == 28);

#[cfg(feature = "arrow")]
impl Checked {
    /// Whether the row names someone the check did not know: the staging
    /// must name them before the row can be staged.
    #[inline]
    pub(crate) fn names_someone_new(&self) -> bool {
        self.ids.contains(&UNRESOLVED)
    }
}

/// A shard's staged rows as the commit takes them: each pair's count, the
/// records, and each record's pair.
type Staged = (Vec<u32>, Vec<Record>, Vec<u32>);

/// The staged rows of the pairs whose hash falls in one shard.
///
/// Rows are appended as they come, with the number of their pair in the
/// shard: one sequential write per row, no allocation per pair until the
/// commit, which knows every pair's count and so places each pair's rows
/// together in one block.
#[derive(Debug, Default)]
struct Shard {
    index: FlatMap<u64, u32>,
    /// The shard's pairs, by number, and the position of each one's first
    /// row in the input: ties are created in order of first appearance,
    /// as one-by-one adds would create them.
    pairs: Vec<u64>,
    first: Vec<u64>,
    counts: Vec<u32>,
    /// The staged records, and each one's pair, by number.
    recs: Vec<Record>,
    nums: Vec<u32>,
}

impl Shard {
    fn push(&mut self, pair: u64, row: u64, rec: Record) {
        let (at, new) = self.index.get_or_insert(pair, self.pairs.len() as u32);
        if new {
            self.pairs.push(pair);
            self.first.push(row);
            self.counts.push(0);
        }
        self.counts[at as usize] += 1;
        self.recs.push(rec);
        self.nums.push(at);
    }

    /// Makes room for `n` more rows (see [`Shard::stage_in_spare`]).
    fn reserve(&mut self, no: usize, n: usize) {
        self.stage_in_spare(no);
        self.recs.reserve(n);
        self.nums.reserve(n);
    }

    /// Before its first row, the shard (number `no`) takes for its records
    /// the block a dropped graph's shard of the same number left, when
    /// [`crate::memory::keep_spare`] kept one: its pages are in memory
    /// already, where fresh ones are handed over by the kernel one fault at
    /// a time (W1 10M: 85,000-105,000 faults a load before, 37,000-56,000
    /// after).
    fn stage_in_spare(&mut self, no: usize) {
        if self.recs.capacity() == 0 {
            if let Some(spare) = super::blocks::take_spare(no) {
                self.recs = spare;
            }
        }
    }

    /// Each pair's log, by number, sorted, all in one block of exactly the
    /// records staged. The block is written into staged records that
    /// `done` holds when some fit, then the shard's own go there for
    /// another shard's block; else into fresh memory, or, from
    /// `in_place_from` records on, into the shard's own staged records,
    /// grouped in place (see [`Done`] and [`group_in_place`]).
    fn into_logs(
        no: usize,
        counts: Vec<u32>,
        recs: Vec<Record>,
        nums: Vec<u32>,
        done: &Done,
        in_place_from: usize,
    ) -> Vec<Log> {
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0usize;
        starts.push(0);
        for &n in &counts {
            at += n as usize;
            starts.push(at);
        }
        drop(counts);
        let mut block = match done.take(recs.len(), in_place_from) {
            Some(mut block) => {
                block.resize(recs.len(), Record::default());
                let mut next = starts.clone();
                // rows land at random places: ask for each destination ahead
                for i in 0..recs.len() {
                    if let Some(&p) = nums.get(i + AHEAD) {
                        if let Some(slot) = block.get(next[p as usize]) {
                            crate::flat::prefetch(slot);
                        }
                    }
                    let p = nums[i] as usize;
                    block[next[p]] = recs[i];
                    next[p] += 1;
                }
                done.give(recs);
                block
            }
            None => {
                let mut recs = recs;
                group_in_place(&mut recs, &nums, &starts);
                recs
            }
        };
        drop(nums);
        block.shrink_to_fit();
        // in parallel too, so that a shard holding a long log shares its
        // sorting with the cores done with theirs
        let mut logs: Vec<&mut [Record]> = Vec::with_capacity(starts.len() - 1);
        let mut rest = block.as_mut_slice();
        for w in starts.windows(2) {
            let (log, after) = rest.split_at_mut(w[1] - w[0]);
            logs.push(log);
            rest = after;
        }
        logs.par_iter_mut().for_each(|log| sort_log(log));
        drop(logs);
        Log::split(Block::new(block, no), &starts)
    }

    /// Every shard's logs ([`into_logs`](Shard::into_logs)), by shard. The
    /// largest shards go first, one at a time to each core, so that a
    /// shard's block finds room in the staged records of a larger one
    /// done before it.
    fn all_into_logs(shards: Vec<Staged>) -> Vec<Vec<Log>> {
        use std::sync::{Mutex, PoisonError};
        let count = shards.len();
        let rows: usize = shards.iter().map(|s| s.1.len()).sum();
        // a shard of more than twice its share: no other shard's records
        // can hold its block
        let in_place_from = 2 * rows / count.max(1) + 1;
        let mut queue: Vec<(usize, Staged)> = shards.into_iter().enumerate().collect();
        // taken from the end: the largest first
        queue.sort_by_key(|(_, s)| s.1.len());
        let queue = Mutex::new(queue);
        let done = Done(Mutex::new(Vec::new()));
        let made = Mutex::new(Vec::with_capacity(count));
        rayon::broadcast(|_| {
            while let Some((no, (counts, recs, nums))) = queue.lock().ok().and_then(|mut q| q.pop()) {
                let logs = Shard::into_logs(no, counts, recs, nums, &done, in_place_from);
                made.lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push((no, logs));
            }
        });
        let mut made = made.into_inner().unwrap_or_else(PoisonError::into_inner);
        made.sort_unstable_by_key(|(no, _)| *no);
        made.into_iter().map(|(_, logs)| logs).collect()
    }
}

/// The staged records of the shards whose blocks are written, each
/// emptied, for the blocks of the shards still to write: the block of
/// logs is written into memory the load has already, not beside it.
///
/// A load's staged records and its blocks are the same size. Written into
/// fresh memory, each block was there beside the staged records until
/// they were freed; glibc kept that memory, and the next load staged its
/// rows in the last graph's blocks (see [`crate::memory`]) and wrote its
/// blocks into what glibc kept: two loads' worth of records held from the
/// second load on. W1 10M from Python, eight alternating pairs of
/// processes of three W1 after a warm-up: the peak over a process 1483
/// MiB against 1568, W1 0.95x (a third fewer page faults).
struct Done(std::sync::Mutex<Vec<Vec<Record>>>);

impl Done {
    /// Records of at least `n` and at most twice as many, when some are
    /// held (the fewest that fit), empty; else fresh memory for `n`, or
    /// `None` from `in_place_from` records on: the block is then grouped
    /// in its own staged records.
    fn take(&self, n: usize, in_place_from: usize) -> Option<Vec<Record>> {
        let found = self.0.lock().ok().and_then(|mut held| {
            let fit = (0..held.len())
                .filter(|&i| (n..=n.saturating_mul(2)).contains(&held[i].capacity()))
                .min_by_key(|&i| held[i].capacity())?;
            Some(held.swap_remove(fit))
        });
        match found {
            Some(mut recs) => {
                recs.clear();
                Some(recs)
            }
            None => (n < in_place_from).then(|| Vec::with_capacity(n)),
        }
    }

    fn give(&self, recs: Vec<Record>) {
        if let Ok(mut held) = self.0.lock() {
            held.push(recs);
        }
    }
}

/// Moves each record to its pair's run, `starts[p]..starts[p + 1]` for
/// pair `nums[i]`, in place.
///
/// Each pair in turn takes its next unplaced record; one of another pair
/// is carried to that pair's next free place, and the record it displaces
/// onwards, until one of the first pair comes back into hand. A place is
/// written once it is final and read only before: `nums` is only read.
/// Each move waits on the read before it, where a scatter into a second
/// block asks for its places ahead: 4-5 times the scatter's time in a
/// shard of 150,000 records among 10,000 pairs, but most of a shard held
/// by one heavy pair is in place already.
fn group_in_place(recs: &mut [Record], nums: &[u32], starts: &[usize]) {
    let pairs = starts.len() - 1;
    let mut next: Vec<usize> = starts[..pairs].to_vec();
    for p in 0..pairs {
        let end = starts[p + 1];
        while next[p] < end {
            let hole = next[p];
            let mut to = nums[hole] as usize;
            if to != p {
                let mut carried = recs[hole];
                while to != p {
                    let at = next[to];
                    next[to] = at + 1;
                    carried = std::mem::replace(&mut recs[at], carried);
                    to = nums[at] as usize;
                }
                recs[hole] = carried;
            }
            next[p] = hole + 1;
        }
    }
}

/// The shard of each pair, in order of the pairs' first rows, given each
/// shard's first rows: each shard's pairs are in that order already, so
/// this merges them rather than sorting them all.
///
/// Large inputs are split at a pivot row into the pairs first seen
/// before it and after it, merged on two cores: the merge was 22-26 ms
/// on one core at W1's 10M (654,484 pairs) while the other waited.
fn by_first_row(firsts: &[Vec<u64>]) -> Vec<u8> {
    const _: () = assert!(SHARDS <= 256, "a shard's number fits in a byte");
    let firsts: Vec<&[u64]> = firsts.iter().map(Vec::as_slice).collect();
    merge_first_rows(&firsts)
}

/// [`by_first_row`] of slices of each shard's first rows.
fn merge_first_rows(firsts: &[&[u64]]) -> Vec<u8> {
    /// Below this many pairs, one core merges.
    const SPLIT: usize = 1 << 16;
    let total: usize = firsts.iter().map(|f| f.len()).sum();
    if total >= SPLIT {
        // the median of the shards' middle rows splits the pairs about evenly
        let mut middles: Vec<u64> = firsts
            .iter()
            .filter(|f| !f.is_empty())
            .map(|f| f[f.len() / 2])
            .collect();
        middles.sort_unstable();
        let pivot = middles[middles.len() / 2];
        let (before, after): (Vec<&[u64]>, Vec<&[u64]>) = firsts
            .iter()
            .map(|f| f.split_at(f.partition_point(|&row| row < pivot)))
            .unzip();
        // the pivot itself is after it: both sides are smaller unless
        // every pair came at or after it
        if before.iter().any(|f| !f.is_empty()) {
            let (mut order, rest) = rayon::join(|| merge_first_rows(&before), || merge_first_rows(&after));
            order.extend_from_slice(&rest);
            return order;
        }
    }
    use std::cmp::Reverse;
    let mut heads: std::collections::BinaryHeap<Reverse<(u64, u8)>> = firsts
        .iter()
        .enumerate()
        .filter_map(|(s, first)| Some(Reverse((*first.first()?, s as u8))))
        .collect();
    let mut next = vec![1usize; firsts.len()];
    let mut order = Vec::with_capacity(total);
    while let Some(Reverse((_, s))) = heads.pop() {
        order.push(s);
        let i = &mut next[s as usize];
        if let Some(&first) = firsts[s as usize].get(*i) {
            heads.push(Reverse((first, s)));
            *i += 1;
        }
    }
    order
}

impl RelationshipGraph {
    /// A first load's ties (the graph has never had one): every staged
    /// pair (`pairs[s][p]` in shard `s`, first seen at row `firsts[s][p]`,
    /// its sorted log `logs[s][p]`) becomes a tie with its log, numbered
    /// in order of first appearance. Returns the number of records.
    fn first_ties(&mut self, pairs: &[Vec<u64>], firsts: &[Vec<u64>], logs: Vec<Vec<Log>>) -> usize {
        debug_assert!(self.ties.is_empty(), "a first load");
        let order = by_first_row(firsts);
        // each shard's pairs and logs are taken in turn, in that order
        let mut shard_pairs: Vec<std::slice::Iter<'_, u64>> = pairs.iter().map(|p| p.iter()).collect();
        let in_order: Vec<u64> = order
            .iter()
            .map(|&s| *shard_pairs[s as usize].next().expect("a pair for each place"))
            .collect();
        let added = logs.iter().flatten().map(|log| log.len()).sum();
        // each log is moved into its tie as the tie is made, on the core
        // that makes the table, beside the pair map and the edges: moving
        // them into a list first took 14 ms on one core while the other
        // waited
        let mut shard_logs: Vec<std::vec::IntoIter<Log>> = logs.into_iter().map(Vec::into_iter).collect();
        let in_order_logs = order
            .iter()
            .map(move |&s| shard_logs[s as usize].next().expect("a log a pair"));
        self.new_ties(&in_order, in_order_logs);
        added
    }

    /// The tie of each staged pair (`pairs[s][p]` in shard `s`, first
    /// seen at row `firsts[s][p]`), by shard and number: found, or created
    /// with an empty log, in order of first appearance.
    fn staged_ties(&mut self, pairs: &[Vec<u64>], firsts: &[Vec<u64>]) -> Vec<Vec<TieId>> {
        let order = by_first_row(firsts);
        let mut ids: Vec<Vec<TieId>> = pairs.iter().map(|p| Vec::with_capacity(p.len())).collect();
        self.reserve_ties(pairs.iter().map(Vec::len).sum());
        // the next pair of each shard to ask the pair map's slot of
        let mut ahead = vec![0usize; pairs.len()];
        for &s in order.iter().take(AHEAD) {
            ahead[s as usize] += 1;
        }
        for (i, &s) in order.iter().enumerate() {
            if let Some(&t) = order.get(i + AHEAD) {
                let t = t as usize;
                self.pairs.prefetch(pairs[t][ahead[t]]);
                ahead[t] += 1;
            }
            let s = s as usize;
            let pair = pairs[s][ids[s].len()];
            let tie = match self.pairs.get(pair) {
                Some(tie) => tie,
                None => self.new_tie(PersonId((pair >> 32) as u32), PersonId(pair as u32)),
            };
            ids[s].push(tie);
        }
        ids
    }
}

/// Rows validated and held aside until the whole input is known to be good.
///
/// Each row goes, by its pair, to one of [`SHARDS`] shards, which number
/// their pairs and keep the rows in arrival order; the commit turns each
/// shard's rows into exactly sized, sorted logs, in parallel, and moves
/// them into the ties: no global sort. Bulk loads take a block of rows at
/// a time: [`check`](People::check) every row in parallel (validation,
/// orientation, and the ids of the people already known), then
/// [`resolve_block`](Self::resolve_block) names the people first seen in
/// the block, in input order, and [`stage_block`](Self::stage_block) sorts
/// its rows by shard while the next block is checked; once [`FLUSH_ROWS`]
/// rows wait, every shard takes its own, in parallel.
pub(crate) struct Staging {
    people: People,
    rows: Rows,
}

/// The people a load names that the graph does not know yet.
pub(crate) struct People {
    base: u32,
    new_keys: Vec<String>,
    new_index: KeyIndex<u32>,
}

/// The staged rows, by shard, and what the load reports.
struct Rows {
    on_error: OnError,
    shards: Vec<Shard>,
    /// Rows sorted by shard and not yet taken by it, and how many.
    parts: Vec<Vec<(u64, u64, Record)>>,
    parts_rows: usize,
    report: LoadReport,
}

impl People {
    /// The id of a person the graph or this load already knows.
    fn known(&self, g: &RelationshipGraph, key: &str) -> Option<u32> {
        // a first load into an empty graph skips one hash lookup per key
        if !g.index.is_empty() {
            if let Some(id) = g.index.get(key) {
                return Some(id.0);
            }
        }
        self.new_index.get(key)
    }

    /// Asks for the cache lines where `key` would be found.
    #[inline]
    #[cfg(feature = "arrow")]
    pub(crate) fn prefetch(&self, g: &RelationshipGraph, key: &str) {
        if !g.index.is_empty() {
            g.index.prefetch(key);
        }
        self.new_index.prefetch(key);
    }

    fn intern(&mut self, g: &RelationshipGraph, key: &str) -> u32 {
        if let Some(id) = self.known(g, key) {
            return id;
        }
        let id = self.base + self.new_keys.len() as u32;
        self.new_keys.push(key.to_string());
        self.new_index.insert(key, id);
        id
    }

    /// Validates a row and resolves the people already known, changing
    /// nothing: bulk loads call it from many threads at once. `ids` gives
    /// the source's and destination's ids when the caller knows them
    /// already (a dictionary column resolves each value once), with
    /// [`UNRESOLVED`] for people not known yet; `None` looks the key up.
    #[cfg(feature = "arrow")]
    pub(crate) fn check(
        &self,
        g: &RelationshipGraph,
        f: &Fields<'_>,
        row: Result<Row<'_>>,
        ids: [Option<u32>; 2],
    ) -> Result<Checked> {
        let (src, dst, rec) = row.and_then(|r| r.validate(g, f))?;
        Ok(self.resolved(g, [src, dst], ids, rec))
    }

    /// [`check`](Self::check) of a plain row whose fields are all good, as
    /// `check` gives it; `None` when one is not, for `check` to say which.
    ///
    /// No `Result` is built: perf put a fifth of the check on reading the
    /// `Result`s that `check` and `validate` pass through memory (the loads
    /// waited on the stores that wrote them field by field).
    #[cfg(feature = "arrow")]
    #[inline(always)]
    pub(crate) fn check_plain(
        &self,
        g: &RelationshipGraph,
        row: PlainRow<'_>,
        ids: [Option<u32>; 2],
    ) -> Option<Checked> {
        let PlainRow { src, dst, fields } = row;
        if src.is_empty() || dst.is_empty() {
            return None;
        }
        let rec = fields.record(side_of(src, dst)?)?;
        Some(self.resolved(g, [src, dst], ids, rec))
    }

    /// [`check_plain`](Self::check_plain) of a row whose keys are known by
    /// their ids (`src`, then `dst`) and whether `src`'s key sorts after
    /// `dst`'s: neither empty, nor the same key.
    #[cfg(feature = "arrow")]
    #[inline(always)]
    pub(crate) fn check_keyed(
        &self,
        row: PlainFields,
        [src, dst]: [u32; 2],
        src_after: bool,
    ) -> Option<Checked> {
        let rec = row.record(u8::from(src_after))?;
        let ids = if src_after { [dst, src] } else { [src, dst] };
        Some(Checked { ids, rec })
    }

    /// [`check_plain`](Self::check_plain) of a row whose keys, of at most
    /// 15 bytes each, come packed with their hashes (source, then
    /// destination), as a plain key column's reader prepared them once for
    /// both the prefetch and the lookup. `None` when the keys' first eight
    /// bytes are the same (the full comparison is the general path's) or a
    /// field is bad.
    #[cfg(feature = "arrow")]
    #[inline(always)]
    pub(crate) fn check_packed(
        &self,
        g: &RelationshipGraph,
        fields: PlainFields,
        [(src, src_hash), (dst, dst_hash)]: [(Packed, u64); 2],
    ) -> Option<Checked> {
        // the heads order the keys as `key_cmp` does when they differ
        let (src_head, dst_head) = (src.head(), dst.head());
        if src_head == dst_head {
            return None;
        }
        let ids = [
            self.known_packed(g, src, src_hash),
            self.known_packed(g, dst, dst_hash),
        ];
        self.check_keyed(fields, ids, src_head > dst_head)
    }

    /// [`known`](Self::known) of a packed key, [`UNRESOLVED`] for nobody.
    #[cfg(feature = "arrow")]
    #[inline(always)]
    fn known_packed(&self, g: &RelationshipGraph, key: Packed, hash: u64) -> u32 {
        // no test of the graph's index as a whole first: the table of
        // packed keys answers at once when it is empty, and the test cost
        // two loads from its other table on every key
        if let Some(id) = g.index.get_packed(key, hash) {
            return id.0;
        }
        self.new_index.get_packed(key, hash).unwrap_or(UNRESOLVED)
    }

    /// [`prefetch`](Self::prefetch) of a packed key, by its pack's hash.
    #[cfg(feature = "arrow")]
    #[inline(always)]
    pub(crate) fn prefetch_packed(&self, g: &RelationshipGraph, hash: u64) {
        // an empty table has no slot to ask for (as in `known_packed`)
        g.index.prefetch_packed(hash);
        self.new_index.prefetch_packed(hash);
    }

    /// A checked row's record, with the ids of its people (given, or found
    /// now), the tie's first person first.
    #[cfg(feature = "arrow")]
    #[inline(always)]
    fn resolved(
        &self,
        g: &RelationshipGraph,
        [src, dst]: [&str; 2],
        ids: [Option<u32>; 2],
        rec: Record,
    ) -> Checked {
        let (keys, ids) = if rec.side() == 0 {
            ([src, dst], ids)
        } else {
            ([dst, src], [ids[1], ids[0]])
        };
        let ids = [0, 1].map(|j| ids[j].unwrap_or_else(|| self.known(g, keys[j]).unwrap_or(UNRESOLVED)));
        Checked { ids, rec }
    }

    /// The id of each value of a dictionary of person keys, as far as known
    /// ([`UNRESOLVED`] for the rest, and for nulls).
    #[cfg(feature = "arrow")]
    pub(crate) fn resolve_values(&self, g: &RelationshipGraph, values: &[Option<&str>], ids: &mut Vec<u32>) {
        values
            .par_iter()
            .map(|value| value.and_then(|k| self.known(g, k)).unwrap_or(UNRESOLVED))
            .collect_into_vec(ids);
    }
}

impl Rows {
    /// Each good row of a resolved block to its shard's part, in input
    /// order; bad rows rejected at their place.
    #[cfg(feature = "arrow")]
    fn stage(&mut self, first_row: u64, rows: &[Checked], errors: Vec<(usize, Error)>) -> Result<()> {
        // The parts are put back whatever happens: the loader may be used again.
        let mut parts = std::mem::take(&mut self.parts);
        let sort = || -> Result<()> {
            let mut errors = errors.into_iter().peekable();
            for (i, c) in rows.iter().enumerate() {
                let row_no = first_row + i as u64;
                if errors.peek().is_some_and(|(at, _)| *at == i) {
                    let (_, e) = errors.next().expect("peeked");
                    self.reject(e, row_no, None)?;
                    continue;
                }
                let pair = pair_key(PersonId(c.ids[0]), PersonId(c.ids[1]));
                parts[shard_of(pair)].push((pair, row_no, c.rec));
            }
            Ok(())
        };
        let sorted = sort();
        self.parts = parts;
        sorted?;
        self.report.rows += rows.len() as u64;
        self.parts_rows += rows.len();
        if self.parts_rows >= FLUSH_ROWS {
            self.flush();
        }
        Ok(())
    }

    /// Every shard takes the rows held for it, in parallel: shards share
    /// nothing. The shards with the most rows start first: one pair can
    /// hold a third of a load (W1's heaviest, 3.1M of 10M rows), and its
    /// shard, when its turn came last, kept one core busy alone at the end
    /// of each flush.
    fn flush(&mut self) {
        let mut work: Vec<_> = self.shards.iter_mut().zip(&mut self.parts).enumerate().collect();
        work.sort_unstable_by_key(|(_, (_, part))| std::cmp::Reverse(part.len()));
        work.into_par_iter().for_each(|(no, (shard, part))| {
            shard.reserve(no, part.len());
            for i in 0..part.len() {
                if let Some(&(pair, _, _)) = part.get(i + AHEAD) {
                    shard.index.prefetch(pair);
                }
                let (pair, row, rec) = part[i];
                shard.push(pair, row, rec);
            }
            part.clear();
        });
        self.parts_rows = 0;
    }

    fn reject(&mut self, e: Error, row_no: u64, line: Option<u64>) -> Result<()> {
        match self.on_error {
            OnError::Raise => Err(e.at_row(row_no, line)),
            OnError::Skip => {
                self.report.skipped.push(SkippedRow {
                    row: row_no,
                    line,
                    error: e,
                });
                Ok(())
            }
        }
    }
}

impl Staging {
    pub(crate) fn new(g: &RelationshipGraph, on_error: OnError) -> Staging {
        Staging {
            people: People {
                base: g.people.len() as u32,
                new_keys: Vec::new(),
                new_index: KeyIndex::default(),
            },
            rows: Rows {
                on_error,
                shards: (0..SHARDS).map(|_| Shard::default()).collect(),
                parts: vec![Vec::new(); SHARDS],
                parts_rows: 0,
                report: LoadReport::default(),
            },
        }
    }

    /// Whether the first bad row stops the load.
    #[cfg(feature = "arrow")]
    pub(crate) fn raises(&self) -> bool {
        matches!(self.rows.on_error, OnError::Raise)
    }

    /// The people known so far, for checking rows (read only).
    #[cfg(feature = "arrow")]
    pub(crate) fn people(&self) -> &People {
        &self.people
    }

    /// Makes room in the shards' parts for `n` more rows: a first load
    /// would otherwise grow each part by doubling, copying what it holds
    /// each time (a third of the staging's time at 1M rows). A load that
    /// comes in large batches gets room for all the rows a flush takes at
    /// once: a stream of 125,000-row batches grew the parts at each batch.
    /// Room not written to is address space, not memory.
    #[cfg(feature = "arrow")]
    pub(crate) fn expect_rows(&mut self, n: usize) {
        const LARGE: usize = 1 << 16;
        let rows = &mut self.rows;
        let expected = if n >= LARGE {
            FLUSH_ROWS
        } else {
            rows.parts_rows + n
        };
        let per_part = expected.min(FLUSH_ROWS) / SHARDS;
        // the rows spread by hash: leave an eighth for the unlucky parts
        let want = per_part + per_part / 8 + 64;
        for part in &mut rows.parts {
            part.reserve(want.saturating_sub(part.len()));
        }
    }

    /// Names the people a block of checked rows is the first to name, in
    /// input order, and writes their ids into the rows. `errors` holds the
    /// bad rows in order (their `rows` entry is ignored): when the load
    /// stops at the first, nobody after it is named. `fresh` lists, in
    /// order, the good rows with a person the check did not know
    /// ([`UNRESOLVED`]): only they are visited, so that this step, which
    /// runs on one core while the others wait, does not read the whole
    /// block. `keys(i)` gives row `i`'s two keys as they came (source,
    /// destination), and `learned(i, ids)` is then told their ids (source,
    /// destination).
    #[cfg(feature = "arrow")]
    pub(crate) fn resolve_block<'k>(
        &mut self,
        g: &RelationshipGraph,
        rows: &mut [Checked],
        errors: &[(usize, Error)],
        fresh: &[usize],
        keys: impl Fn(usize) -> [&'k str; 2],
        mut learned: impl FnMut(usize, [u32; 2]),
    ) {
        let end = match self.rows.on_error {
            OnError::Raise => errors.first().map_or(rows.len(), |(at, _)| *at),
            OnError::Skip => rows.len(),
        };
        for &i in fresh.iter().take_while(|&&i| i < end) {
            let c = &mut rows[i];
            debug_assert!(c.names_someone_new(), "a row with someone new");
            let [src, dst] = keys(i);
            let oriented = if c.rec.side() == 0 { [src, dst] } else { [dst, src] };
            for (id, key) in c.ids.iter_mut().zip(oriented) {
                if *id == UNRESOLVED {
                    *id = self.people.intern(g, key);
                }
            }
            let ids = c.ids;
            learned(i, if c.rec.side() == 0 { ids } else { [ids[1], ids[0]] });
        }
    }

    /// Stages a resolved block (see [`resolve_block`](Self::resolve_block)):
    /// `rows[i]` is row `first_row + i` of the input. Meanwhile, on the
    /// other cores, runs `meanwhile` with the people known so far: the
    /// next block's check, which the staging's one core would otherwise
    /// leave waiting. Returns the first bad row's error, with its
    /// position, when the load must stop, and what `meanwhile` returned.
    #[cfg(feature = "arrow")]
    pub(crate) fn stage_block<R: Send>(
        &mut self,
        first_row: u64,
        rows: &[Checked],
        errors: Vec<(usize, Error)>,
        meanwhile: impl FnOnce(&People) -> R + Send,
    ) -> (Result<()>, R) {
        let Staging { people, rows: staged } = self;
        let people = &*people;
        rayon::join(|| staged.stage(first_row, rows, errors), || meanwhile(people))
    }

    /// Stages a resolved block with nothing to do beside it.
    #[cfg(feature = "arrow")]
    pub(crate) fn stage(
        &mut self,
        first_row: u64,
        rows: &[Checked],
        errors: Vec<(usize, Error)>,
    ) -> Result<()> {
        self.rows.stage(first_row, rows, errors)
    }

    /// Validates and stages one row. Returns the row's error, wrapped with
    /// its position, when the load must stop.
    pub(crate) fn push(
        &mut self,
        g: &RelationshipGraph,
        f: &Fields<'_>,
        row_no: u64,
        line: Option<u64>,
        row: Result<Row<'_>>,
    ) -> Result<()> {
        let Staging { people, rows } = self;
        rows.report.rows += 1;
        // rows must reach a shard in input order
        if rows.parts_rows > 0 {
            rows.flush();
        }
        match row.and_then(|r| r.validate(g, f)) {
            Ok((src, dst, rec)) => {
                let keys = if rec.side() == 0 { [src, dst] } else { [dst, src] };
                let [a, b] = keys.map(|k| people.intern(g, k));
                let pair = pair_key(PersonId(a), PersonId(b));
                let no = shard_of(pair);
                rows.shards[no].stage_in_spare(no);
                rows.shards[no].push(pair, row_no, rec);
                Ok(())
            }
            Err(e) => rows.reject(e, row_no, line),
        }
    }

    /// Adds every staged row: new people first, then each pair's log,
    /// sorted, becomes its new tie's log or joins its tie's.
    pub(crate) fn commit(mut self, g: &mut RelationshipGraph) -> LoadReport {
        self.rows.flush();
        debug_assert_eq!(
            g.people.len() as u32,
            self.people.base,
            "graph changed while staging"
        );
        let Staging {
            people: People {
                new_keys, new_index, ..
            },
            rows:
                Rows {
                    shards,
                    parts,
                    mut report,
                    ..
                },
        } = self;
        // what only the staging needed goes before the logs are built:
        // the commit is the load's peak of memory
        drop(parts);
        report.new_people = new_keys.len() as u64;
        g.insert_loaded_people(new_keys, new_index);
        // Each shard's rows become exactly sized, sorted logs, in parallel;
        // then the ties are found or created, in order of first appearance,
        // and take their logs. Creating the ties beside the log building
        // saved 0.06-0.12 s at 10M but raised the load's peak of memory by
        // 50-70 MiB: the ties' tables were allocated while every staged row
        // was still held.
        let (pairs, firsts, shards): (Vec<_>, Vec<_>, Vec<_>) = shards
            .into_iter()
            .map(|shard| (shard.pairs, shard.first, (shard.counts, shard.recs, shard.nums)))
            .collect();
        let logs = Shard::all_into_logs(shards);
        report.ties_touched = pairs.iter().map(Vec::len).sum::<usize>() as u64;
        if g.ties.is_empty() {
            let added = g.first_ties(&pairs, &firsts, logs);
            g.add_committed(added);
            report.added = added as u64;
            return report;
        }
        let tie_ids = g.staged_ties(&pairs, &firsts);
        let mut added = 0;
        let mut merged = Vec::new();
        let mut in_block = Vec::new();
        for (ids, logs) in tie_ids.into_iter().zip(logs) {
            let (mut rows, mut kept) = (0, 0);
            in_block.clear();
            for (i, (&tie, log)) in ids.iter().zip(logs).enumerate() {
                // the ties of a shard are anywhere in the graph's list
                if let Some(ahead) = ids.get(i + AHEAD) {
                    crate::flat::prefetch(&g.ties[ahead.0 as usize]);
                }
                rows += log.len();
                let data = g.ties[tie.0 as usize].as_mut().expect("live tie");
                if data.log.is_empty() {
                    kept += log.len();
                    data.log = log;
                    in_block.push(tie);
                } else {
                    data.log.to_mut().extend_from_slice(&log);
                    merged.push(tie);
                }
            }
            added += rows;
            // a block whose rows mostly joined older logs would be held
            // whole for the few new ties that read from it: they take
            // copies, and the block is freed
            if kept * 2 < rows {
                for tie in &in_block {
                    g.ties[tie.0 as usize].as_mut().expect("live tie").log.to_mut();
                }
            }
        }
        // ties that had rows before: one sort each, in parallel
        let mut touched = vec![false; g.ties.len()];
        for t in &merged {
            touched[t.0 as usize] = true;
        }
        g.ties
            .par_iter_mut()
            .zip(touched.par_iter())
            .for_each(|(tie, &touched)| {
                if let (Some(tie), true) = (tie, touched) {
                    tie.sort();
                }
            });
        g.add_committed(added);
        report.added = added as u64;
        report
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use proptest::prelude::*;

    #[test]
    fn a_good_weight_is_finite_and_not_below_zero() {
        use super::good_weight;
        let tiny = f64::from_bits(1); // the least subnormal
        for (w, good) in [
            (0.0, true),
            (-0.0, true),
            (tiny, true),
            (1.0, true),
            (f64::MAX, true),
            (-tiny, false),
            (-1.0, false),
            (f64::MIN, false),
            (f64::INFINITY, false),
            (f64::NEG_INFINITY, false),
            (f64::NAN, false),
            (-f64::NAN, false),
        ] {
            assert_eq!(good_weight(w), good, "{w:e} ({:#x})", w.to_bits());
            assert_eq!(good_weight(w), w.is_finite() && w >= 0.0, "{w:e}");
        }
    }

    #[test]
    fn durations_round_to_the_nearest_second_half_away_from_zero() {
        use super::{MAX_DURATION, round_seconds, stored_duration};
        let below_half = 0.5 - f64::EPSILON / 4.0; // 0.49999999999999994
        for d in [
            0.0,
            0.25,
            below_half,
            0.5,
            1.5,
            2.5,
            2.499_999_999,
            59.9,
            86_399.5,
            MAX_DURATION - 0.5,
            MAX_DURATION,
        ] {
            assert_eq!(round_seconds(d), d.round() as u32, "{d}");
        }
        assert_eq!(round_seconds(below_half), 0);
        assert_eq!(round_seconds(2.5), 3);
        assert_eq!(stored_duration(Some(90.5)), Ok(91));
        assert_eq!(stored_duration(Some(-0.1)), Err(-0.1));
    }

    /// Loads each batch into one graph in bulk and into another a row at a
    /// time, and gives both to `check` after each batch; returns the bulk
    /// one.
    fn bulk_and_one_by_one(
        batches: Vec<Vec<crate::model::Interaction>>,
        mut check: impl FnMut(&crate::RelationshipGraph, &crate::RelationshipGraph) -> crate::Result<()>,
    ) -> crate::Result<crate::RelationshipGraph> {
        let mut bulk = crate::RelationshipGraph::new();
        let mut one_by_one = crate::RelationshipGraph::new();
        for rows in batches {
            bulk.add_interactions(rows.iter().cloned())?;
            for it in rows {
                one_by_one.add_interaction(it)?;
            }
            check(&bulk, &one_by_one)?;
        }
        Ok(bulk)
    }

    /// A pair long enough to be sorted on all cores, loaded in bulk into
    /// an empty graph and then into the loaded one, holds the same log as
    /// when its rows are added one at a time: every record, in canonical
    /// order, ties of time broken by channel, side and weight.
    #[test]
    fn a_long_log_sorted_on_all_cores_is_in_canonical_order() -> crate::Result<()> {
        use crate::RelationshipGraph;
        use crate::model::Interaction;
        const N: u64 = 40_000;
        const _: () = assert!(N as usize > crate::graph::store::PARALLEL_SORT);
        let mut rng = crate::analytics::SplitMix64(0x5eed_u64);
        let mut next = move |below: u64| rng.below(below as usize) as u64;
        let start = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).expect("valid time");
        let mut batch = || -> Vec<Interaction> {
            (0..N)
                .map(|_| {
                    // few distinct seconds, so that many records share one
                    let at = start + chrono::TimeDelta::seconds(next(5_000) as i64);
                    let (src, dst) = if next(2) == 0 {
                        ("ana", "lee")
                    } else {
                        ("lee", "ana")
                    };
                    match next(3) {
                        0 => Interaction::new(src, dst, at, "email").with_weight(1.0 + next(3) as f64),
                        1 => Interaction::new(src, dst, at, "in_person")
                            .with_duration(60.0 * (1 + next(90)) as f64),
                        _ => Interaction::new(src, dst, at, "public_reply"),
                    }
                })
                .collect()
        };
        let log = |g: &RelationshipGraph| {
            let (a, b) = (g.id("ana").expect("known"), g.id("lee").expect("known"));
            g.tie_data(g.tie_id(a, b).expect("one tie")).log.clone()
        };
        let bulk = bulk_and_one_by_one(vec![batch(), batch()], |bulk, one_by_one| {
            let (got, want) = (log(bulk), log(one_by_one));
            assert_eq!(got.len(), want.len());
            assert!(
                got == want,
                "the bulk log differs from the one made a row at a time"
            );
            assert!(got.windows(2).all(|w| w[0].canonical_cmp(&w[1]).is_le()));
            Ok(())
        })?;
        assert_eq!(bulk.interaction_count(), 2 * N as usize);
        Ok(())
    }

    /// Records grouped in place land each in its pair's run, every record
    /// once: a run holds exactly its pair's records.
    #[test]
    fn records_grouped_in_place_land_in_their_pairs_runs() {
        use super::{Record, group_in_place};
        let mut rng = crate::analytics::SplitMix64(7);
        for (n, pairs) in [(0, 1), (1, 1), (50, 1), (1_000, 7), (5_000, 300)] {
            // a heavy pair 0 beside the rest, as a skewed shard holds
            let nums: Vec<u32> = (0..n)
                .map(|_| {
                    if rng.below(2) == 0 {
                        0
                    } else {
                        rng.below(pairs) as u32
                    }
                })
                .collect();
            let mut starts = vec![0usize; pairs + 1];
            for &p in &nums {
                starts[p as usize + 1] += 1;
            }
            for p in 0..pairs {
                starts[p + 1] += starts[p];
            }
            // each record names the row it came from in its duration
            let mut recs: Vec<Record> = (0..n)
                .map(|i| Record::new(i as i64, 0, 0, 1.0, i as u32))
                .collect();
            group_in_place(&mut recs, &nums, &starts);
            for p in 0..pairs {
                let mut got: Vec<u32> = recs[starts[p]..starts[p + 1]].iter().map(|r| r.dur).collect();
                got.sort_unstable();
                let want: Vec<u32> = (0..n as u32).filter(|&i| nums[i as usize] == p as u32).collect();
                assert_eq!(got, want, "pair {p} of {pairs}, {n} records");
            }
        }
    }

    /// The staged records of a shard done hold another's block when they
    /// fit it without wasting more than its size; else fresh memory, or
    /// none for a shard so large that it is grouped in place.
    #[test]
    fn a_done_shards_records_hold_a_block_that_fits() {
        use super::{Done, Record};
        let done = Done(std::sync::Mutex::new(Vec::new()));
        let held = |cap: usize| {
            let mut v: Vec<Record> = Vec::with_capacity(cap);
            v.push(Record::default());
            v
        };
        for cap in [100, 1_000, 250] {
            done.give(held(cap));
        }
        let got = done.take(200, usize::MAX).expect("records");
        assert!(got.is_empty());
        assert!(
            (250..300).contains(&got.capacity()),
            "the fewest that fit: {}",
            got.capacity()
        );
        // 100 is too few for 150, 1,000 more than twice as many
        let fresh = done.take(150, usize::MAX).expect("records");
        assert!(
            (150..250).contains(&fresh.capacity()),
            "fresh: {}",
            fresh.capacity()
        );
        assert!(done.take(150, 150).is_none(), "grouped in place from 150 on");
        assert!(
            done.take(600, 600).is_some(),
            "held records are taken at any size"
        );
        assert_eq!(done.0.lock().expect("lock").len(), 1);
    }

    /// A bulk load whose shards group their records in every way (in
    /// place for the shard of a heavy pair, into a shard's records done
    /// before, into fresh memory) holds the logs that rows added one at a
    /// time make, in an empty graph and in one with ties.
    #[test]
    fn every_way_of_grouping_a_shard_gives_the_logs_of_one_by_one_adds() -> crate::Result<()> {
        use crate::RelationshipGraph;
        use crate::model::Interaction;
        let mut rng = crate::analytics::SplitMix64(0xb10c);
        let start = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).expect("valid time");
        let names: Vec<String> = (0..60).map(|i| format!("p{i:02}")).collect();
        let mut batch = |n: usize| -> Vec<Interaction> {
            (0..n)
                .map(|_| {
                    let at = start + chrono::TimeDelta::seconds(rng.below(100_000) as i64);
                    // half of the rows on one pair, the rest over 1,770
                    let (a, b) = if rng.below(2) == 0 {
                        (0, 1)
                    } else {
                        let a = rng.below(names.len());
                        (a, (a + 1 + rng.below(names.len() - 1)) % names.len())
                    };
                    Interaction::new(&names[a], &names[b], at, "email").with_weight(1.0 + rng.below(3) as f64)
                })
                .collect()
        };
        let log = |g: &RelationshipGraph, a: &str, b: &str| -> crate::Result<_> {
            let tie = g.tie_id(g.id(a)?, g.id(b)?);
            Ok(tie.map(|t| g.tie_data(t).log.clone()))
        };
        let batches = vec![batch(40_000), batch(20_000)];
        bulk_and_one_by_one(batches, |bulk, one_by_one| {
            assert_eq!(bulk.tie_count(), one_by_one.tie_count());
            let mut logs = 0;
            for a in &names {
                for b in &names {
                    let (got, want) = (log(bulk, a, b)?, log(one_by_one, a, b)?);
                    assert!(got == want, "the log of {a} and {b} differs");
                    logs += usize::from(got.is_some());
                }
            }
            assert_eq!(logs, 2 * bulk.tie_count());
            Ok(())
        })?;
        Ok(())
    }

    /// A load into a graph with ties gives its new ties ranges of its
    /// blocks, unless most of a block's rows joined older logs: the new
    /// ties then take copies, and nothing holds the block.
    #[test]
    fn new_ties_read_from_a_block_only_when_it_is_mostly_theirs() -> crate::Result<()> {
        use super::{pair_key, shard_of};
        use crate::RelationshipGraph;
        use crate::model::{Interaction, Person};
        let start = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).expect("valid time");
        let rows = |a: &str, b: &str, n: i64| -> Vec<Interaction> {
            (0..n)
                .map(|k| Interaction::new(a, b, start + chrono::TimeDelta::seconds(k), "email"))
                .collect()
        };
        let mut g = RelationshipGraph::new();
        let names: Vec<String> = (0..256).map(|i| format!("p{i:03}")).collect();
        for name in &names {
            g.add_person(Person::new(name.as_str()))?;
        }
        g.add_interactions(rows("ana", "lee", 100))?;
        let in_block = |g: &RelationshipGraph, a: &str, b: &str| -> crate::Result<bool> {
            let (a, b) = (g.id(a)?, g.id(b)?);
            Ok(g.tie_data(g.tie_id(a, b).expect("a tie")).log.block().is_some())
        };
        assert!(
            in_block(&g, "ana", "lee")?,
            "a first load's ties read from its blocks"
        );
        // a pair of known people in ana-lee's shard, and one in another
        let shard = |a: &str, b: &str| -> crate::Result<usize> { Ok(shard_of(pair_key(g.id(a)?, g.id(b)?))) };
        let theirs = shard("ana", "lee")?;
        let mut same = None;
        let mut other = None;
        for j in 1..names.len() {
            let s = shard(&names[0], &names[j])?;
            if s == theirs && same.is_none() {
                same = Some(j);
            } else if s != theirs && other.is_none() {
                other = Some(j);
            }
        }
        let (same, other) = (
            &names[same.expect("one in 255")],
            &names[other.expect("one in 255")],
        );
        // 1,000 rows join ana-lee's log; 10 make a tie in its shard, 10 in another
        let load: Vec<_> = [
            rows("ana", "lee", 1_000),
            rows(&names[0], same, 10),
            rows(&names[0], other, 10),
        ]
        .concat();
        g.add_interactions(load)?;
        assert_eq!(g.tie("ana", "lee")?.len(), 1_100);
        assert!(!in_block(&g, "ana", "lee")?, "a log that grew is its own");
        assert!(
            !in_block(&g, &names[0], same)?,
            "10 of the block's 1,010 rows: a copy"
        );
        assert!(in_block(&g, &names[0], other)?, "all of its block's rows");
        assert_eq!(g.tie(&names[0], same)?.len(), 10);
        assert_eq!(g.tie(&names[0], other)?.len(), 10);
        Ok(())
    }

    /// A graph without people takes a load's index of keys as its own:
    /// short and long keys are found afterwards, under the ids the load
    /// gave them, also when everyone before them was removed.
    #[test]
    fn a_first_load_keeps_its_index_of_keys() -> crate::Result<()> {
        use crate::RelationshipGraph;
        use crate::model::Interaction;
        let at = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).expect("valid time");
        let long = "a key longer than fifteen bytes";
        let rows = |keys: [&str; 3]| {
            vec![
                Interaction::new(keys[0], keys[1], at, "email"),
                Interaction::new(keys[1], keys[2], at, "email"),
            ]
        };
        // each key's id is the one its person is stored under, and the
        // ids are the next ones free
        let ids = |g: &RelationshipGraph, keys: [&str; 3]| -> crate::Result<Vec<u32>> {
            let mut ids = Vec::new();
            for key in keys {
                let id = g.id(key)?;
                assert_eq!(g.person_at(id).key, key);
                ids.push(id.0);
            }
            ids.sort_unstable();
            Ok(ids)
        };
        let mut g = RelationshipGraph::new();
        g.add_interactions(rows(["ana", long, "lee"]))?;
        assert_eq!(ids(&g, ["ana", long, "lee"])?, [0, 1, 2]);
        assert!(g.id("bo").is_err());
        // the index still grows and shrinks as a graph's own
        g.add_interaction(Interaction::new("bo", "ana", at, "email"))?;
        assert_eq!(g.id("bo")?, crate::PersonId(3));
        for key in ["ana", long, "lee", "bo"] {
            g.remove_person(key)?;
        }
        assert_eq!(g.person_count(), 0);
        // ids go on after the removed people's
        g.add_interactions(rows(["lee", "ana", long]))?;
        assert_eq!(ids(&g, ["lee", "ana", long])?, [4, 5, 6]);
        assert_eq!(
            (g.person_count(), g.tie_count(), g.interaction_count()),
            (3, 2, 2)
        );
        Ok(())
    }

    /// The merge of the shards' first rows gives the shards in order of
    /// the rows, split across cores or not: rows spread evenly, crowded at
    /// the start, all in one shard, and too few to split.
    #[test]
    fn pairs_come_in_order_of_their_first_rows() {
        let mut rng = crate::analytics::SplitMix64(7_u64);
        let mut next = move |below: u64| rng.below(below as usize) as u64;
        // (pairs, 1 to spread them over the shards or 0 for one shard,
        // where the i-th pair's first row lies given about 3i)
        type Case = (usize, u64, fn(u64) -> u64);
        let cases: [Case; 4] = [
            (300_000, 1, |r| r),
            (300_000, 1, |r| r * r / 10_000_000),
            (200_000, 0, |r| r),
            (1_000, 1, |r| r),
        ];
        for (n, spread, at) in cases {
            // distinct rows, each a pair's first, in one shard chosen at random
            let mut rows: Vec<u64> = (0..n as u64).map(|i| at(i * 3 + next(3))).collect();
            rows.dedup();
            let mut firsts = vec![Vec::new(); super::SHARDS];
            let mut want = Vec::new();
            for &row in &rows {
                let s = (next(super::SHARDS as u64) * spread) as usize;
                firsts[s].push(row);
                want.push(s as u8);
            }
            assert_eq!(super::by_first_row(&firsts), want, "{n} pairs");
        }
    }

    proptest! {
        #[test]
        fn key_order_is_str_order(a in "[ab\\x00é]{0,10}", b in "[ab\\x00é]{0,10}") {
            prop_assert_eq!(super::key_cmp(&a, &b), a.cmp(&b));
        }
    }
}
