//! Validation of input rows and all-or-nothing bulk loading.

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
        if self.src == self.dst {
            return Err(Error::SelfInteraction {
                key: self.src.to_string(),
            });
        }
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
                side: 0,
            },
        ))
    }
}

/// Rows validated and held aside until the whole input is known to be good.
pub(crate) struct Staging {
    on_error: OnError,
    base: u32,
    new_keys: Vec<String>,
    new_index: FxHashMap<String, u32>,
    recs: Vec<(u64, Record)>,
    report: LoadReport,
}

impl Staging {
    pub(crate) fn new(g: &RelationshipGraph, on_error: OnError) -> Staging {
        Staging {
            on_error,
            base: g.people.len() as u32,
            new_keys: Vec::new(),
            new_index: FxHashMap::default(),
            recs: Vec::new(),
            report: LoadReport::default(),
        }
    }

    /// Reserves room for `n` more rows.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.recs.reserve(n);
    }

    fn provisional(&mut self, g: &RelationshipGraph, key: &str) -> PersonId {
        if let Some(&id) = g.index.get(key) {
            return id;
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
        self.report.rows += 1;
        match row.and_then(|r| r.validate(g, f)) {
            Ok((src, dst, rec)) => {
                let side = u8::from(src > dst);
                let (ka, kb) = if side == 0 { (src, dst) } else { (dst, src) };
                let (a, b) = (self.provisional(g, ka), self.provisional(g, kb));
                self.recs.push((pair_key(a, b), Record { side, ..rec }));
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
    /// its rows appended and is sorted once.
    pub(crate) fn commit(mut self, g: &mut RelationshipGraph) -> LoadReport {
        debug_assert_eq!(g.people.len() as u32, self.base, "graph changed while staging");
        for key in self.new_keys {
            g.insert_person(Person::new(key));
        }
        self.recs.sort_unstable_by_key(|(k, _)| *k);
        let mut ties = 0;
        for group in self.recs.chunk_by(|x, y| x.0 == y.0) {
            let k = group[0].0;
            let (a, b) = (PersonId((k >> 32) as u32), PersonId(k as u32));
            let tie = g.tie_mut_or_new(a, b);
            let had = tie.log.len();
            tie.log.extend(group.iter().map(|(_, r)| *r));
            if had > 0 || group.len() > 1 {
                tie.sort();
            }
            ties += 1;
        }
        let n = self.recs.len();
        g.add_committed(n);
        self.report.added = n as u64;
        self.report.new_people = self.new_index.len() as u64;
        self.report.ties_touched = ties;
        self.report
    }
}
