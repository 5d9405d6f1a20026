//! Validation of input rows and all-or-nothing bulk loading.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::RelationshipGraph;
use super::store::{NO_DURATION, Record, pair_key};
use crate::error::{Error, Result};
use crate::model::{ChannelId, Interaction, Person, PersonId};

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
    Id(ChannelId),
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

    /// Checks the row and turns it into a record (with `side` still 0).
    pub(crate) fn validate(
        &self,
        g: &RelationshipGraph,
        f: &Fields<'_>,
    ) -> Result<(&'a str, &'a str, Record)> {
        super::check_key(self.src, f.src)?;
        super::check_key(self.dst, f.dst)?;
        // one comparison both rejects a self-interaction and orients the tie
        let side = match key_cmp(self.src, self.dst) {
            std::cmp::Ordering::Equal => {
                return Err(Error::SelfInteraction {
                    key: self.src.to_string(),
                });
            }
            std::cmp::Ordering::Less => 0,
            std::cmp::Ordering::Greater => 1,
        };
        let ch = match self.channel {
            ChannelRef::Name(name) => g.channels.id(name)?,
            ChannelRef::Id(id) => id,
        };
        if !(self.weight.is_finite() && self.weight >= 0.0) {
            return Err(Error::InvalidWeight {
                field: f.weight.to_string(),
                value: self.weight,
            });
        }
        let dur = match self.duration {
            None => NO_DURATION,
            // whole seconds, like times: exact, and the same in every implementation
            Some(d) if d.is_finite() && (0.0..=MAX_DURATION).contains(&d) => d.round() as u32,
            Some(d) => {
                return Err(Error::InvalidDuration {
                    field: f.duration.to_string(),
                    value: d,
                });
            }
        };
        Ok((
            self.src,
            self.dst,
            Record {
                t: self.t,
                mult: self.weight,
                dur,
                ch: ch.0,
                side,
            },
        ))
    }
}

/// The order of two keys, as `str::cmp`, comparing their first eight bytes
/// as one integer first: bulk loads orient every row by key, and most keys
/// differ early.
#[inline]
pub(crate) fn key_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn head(s: &[u8]) -> u64 {
        let mut buf = [0u8; 8];
        let n = s.len().min(8);
        buf[..n].copy_from_slice(&s[..n]);
        u64::from_be_bytes(buf)
    }
    let (x, y) = (a.as_bytes(), b.as_bytes());
    head(x).cmp(&head(y)).then_with(|| x.cmp(y))
}

/// Rows validated and held aside until the whole input is known to be good.
///
/// Each row is grouped by its pair as it arrives (one hash lookup), so the
/// commit needs no global sort: it appends each group to its tie and sorts
/// every touched tie once, in parallel.
pub(crate) struct Staging {
    on_error: OnError,
    base: u32,
    new_keys: Vec<String>,
    new_index: FxHashMap<String, u32>,
    /// Pair key → group, and the pair of each group.
    groups: FxHashMap<u64, u32>,
    group_pairs: Vec<u64>,
    group_sizes: Vec<u32>,
    recs: Vec<(u32, Record)>,
    report: LoadReport,
}

impl Staging {
    pub(crate) fn new(g: &RelationshipGraph, on_error: OnError) -> Staging {
        Staging {
            on_error,
            base: g.people.len() as u32,
            new_keys: Vec::new(),
            new_index: FxHashMap::default(),
            groups: FxHashMap::default(),
            group_pairs: Vec::new(),
            group_sizes: Vec::new(),
            recs: Vec::new(),
            report: LoadReport::default(),
        }
    }

    /// Reserves room for `n` more rows.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.recs.reserve(n);
    }

    fn provisional(&mut self, g: &RelationshipGraph, key: &str) -> PersonId {
        // a first load into an empty graph skips one hash lookup per key
        if !g.index.is_empty() {
            if let Some(&id) = g.index.get(key) {
                return id;
            }
        }
        if let Some(&i) = self.new_index.get(key) {
            return PersonId(i);
        }
        let id = self.base + self.new_keys.len() as u32;
        self.new_keys.push(key.to_string());
        self.new_index.insert(key.to_string(), id);
        PersonId(id)
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
        self.push_validated(g, row_no, line, row.and_then(|r| r.validate(g, f)))
    }

    /// Stages one row already validated (bulk loads validate in parallel,
    /// then stage in order, since interning is sequential).
    pub(crate) fn push_validated(
        &mut self,
        g: &RelationshipGraph,
        row_no: u64,
        line: Option<u64>,
        row: Result<(&str, &str, Record)>,
    ) -> Result<()> {
        self.report.rows += 1;
        match row {
            Ok((src, dst, rec)) => {
                let side = rec.side;
                let (ka, kb) = if side == 0 { (src, dst) } else { (dst, src) };
                let (a, b) = (self.provisional(g, ka), self.provisional(g, kb));
                let next = self.group_pairs.len() as u32;
                let group = *self.groups.entry(pair_key(a, b)).or_insert(next);
                if group == next {
                    self.group_pairs.push(pair_key(a, b));
                    self.group_sizes.push(0);
                }
                self.group_sizes[group as usize] += 1;
                self.recs.push((group, Record { side, ..rec }));
                Ok(())
            }
            Err(e) => match self.on_error {
                OnError::Raise => Err(e.at_row(row_no, line)),
                OnError::Skip => {
                    self.report.skipped.push(SkippedRow {
                        row: row_no,
                        line,
                        error: e,
                    });
                    Ok(())
                }
            },
        }
    }

    /// Adds every staged row: new people first, then each touched tie gets
    /// its rows appended, and is sorted once.
    pub(crate) fn commit(self, g: &mut RelationshipGraph) -> LoadReport {
        debug_assert_eq!(g.people.len() as u32, self.base, "graph changed while staging");
        let Staging {
            new_keys,
            new_index,
            group_pairs,
            group_sizes,
            recs,
            mut report,
            ..
        } = self;
        for key in new_keys {
            g.insert_person(Person::new(key));
        }
        let mut tie_of = Vec::with_capacity(group_pairs.len());
        for (&k, &n) in group_pairs.iter().zip(&group_sizes) {
            let (a, b) = (PersonId((k >> 32) as u32), PersonId(k as u32));
            let tie = g.tie_mut_or_new(a, b);
            tie.log.reserve_exact(n as usize);
            tie_of.push(g.pairs[&k]);
        }
        for &(group, rec) in &recs {
            g.ties[tie_of[group as usize].0 as usize]
                .as_mut()
                .expect("live tie")
                .log
                .push(rec);
        }
        let mut touched = vec![false; g.ties.len()];
        for t in &tie_of {
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
        g.add_committed(recs.len());
        report.added = recs.len() as u64;
        report.new_people = new_index.len() as u64;
        report.ties_touched = group_pairs.len() as u64;
        report
    }
}
