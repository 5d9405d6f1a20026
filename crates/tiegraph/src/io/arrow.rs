//! Bulk ingestion straight from Arrow record batches.
//!
//! Loaders take batches **one at a time** and apply them all at once at the
//! end, so that a stream of any length (a Python `RecordBatchReader`, one
//! Spark partition after another) is read without holding it whole, and a
//! bad row anywhere leaves the graph as it was.
//!
//! The columns are named with the same structs as for CSV:
//! [`ArrowColumns`] (an alias of [`InteractionColumns`]) and
//! [`ConnectionColumns`]. One set of names for both formats means one set of
//! defaults and one place to document them.

mod columns;

use std::borrow::Borrow;

use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::SchemaRef;
use rayon::prelude::*;

use self::columns::{Nums, Strs, Times, column, numbers};
use super::{ConnectionColumns, InteractionColumns};
use crate::error::{Error, Result};
use crate::flat::{AHEAD, FlatKey};
use crate::graph::{
    ChannelRef, Checked, Fields, LoadReport, OnError, People, PlainFields, PlainRow, RelationshipGraph, Row,
    SkippedRow, Staging,
};
use crate::keys::{Packed, pack_padded};
use crate::model::{ChannelId, Connection, ConnectionKind};

/// The columns of an interaction table in Arrow: the same struct as for CSV.
///
/// Defaults: `src`, `dst`, `time`, `channel`, no duration, no weight.
///
/// | column | Arrow types | null |
/// |---|---|---|
/// | `src`, `dst` | `Utf8`, `LargeUtf8`, `Utf8View`, `Dictionary(int, Utf8 / LargeUtf8 / Utf8View)`; a dictionary with no more values than its batch has rows is looked up once per value, not once per row, and once for the batches after it that hold the same values | row error ([`Error::EmptyKey`]) |
/// | `channel` | as keys; a dictionary's names are resolved once per batch | row error ([`Error::InvalidValue`]) |
/// | `time` | `Timestamp(any unit, any or no time zone)` (naive = UTC), `Date32`, `Date64`; **not** integers | row error ([`Error::InvalidTimestamp`]) |
/// | `duration` | `Duration(any unit)`, or any integer or float (seconds) | no duration |
/// | `weight` | any integer or float | weight 1 |
///
/// Times are floored to the second (`…:59.999` stays in its second).
pub type ArrowColumns = InteractionColumns;

/// The interaction columns of one batch, resolved.
struct InteractionBatch<'b> {
    src: Strs<'b>,
    dst: Strs<'b>,
    time: Times<'b>,
    channel: Strs<'b>,
    channel_ids: Vec<Option<ChannelId>>,
    duration: Option<Nums<'b>>,
    weight: Option<Nums<'b>>,
}

impl<'b> InteractionBatch<'b> {
    fn new(
        batch: &'b RecordBatch,
        cols: &InteractionColumns,
        graph: &RelationshipGraph,
    ) -> Result<InteractionBatch<'b>> {
        let src = Strs::new(column(batch, &cols.src)?, &cols.src)?;
        let dst = Strs::new(column(batch, &cols.dst)?, &cols.dst)?;
        let time = Times::new(column(batch, &cols.time)?, &cols.time)?;
        let channel = Strs::new(column(batch, &cols.channel)?, &cols.channel)?;
        let duration = match &cols.duration {
            Some(c) => Some(numbers(column(batch, c)?, c, true)?),
            None => None,
        };
        let weight = match &cols.weight {
            Some(c) => Some(numbers(column(batch, c)?, c, false)?),
            None => None,
        };
        Ok(InteractionBatch {
            channel_ids: channel.channel_ids(graph),
            src,
            dst,
            time,
            channel,
            duration,
            weight,
        })
    }

    /// Row `i` when none of its fields needs an error's path: `None` for a
    /// null, a time out of range, or a channel outside the first few names
    /// (a dictionary's unknown names included), which [`row`](Self::row)
    /// and the full check handle.
    #[inline(always)]
    fn plain_row(&self, i: usize, graph: &RelationshipGraph) -> Option<PlainRow<'b>> {
        Some(PlainRow {
            fields: self.plain_fields(i, graph)?,
            src: self.src.get(i)?,
            dst: self.dst.get(i)?,
        })
    }

    /// [`plain_row`](Self::plain_row) without the keys.
    #[inline(always)]
    fn plain_fields(&self, i: usize, graph: &RelationshipGraph) -> Option<PlainFields> {
        let ch = match self.channel.dict_key(i) {
            Some(k) => self.channel_ids[k]?,
            None => {
                let (window, n) = self.channel.window(i)?;
                graph.channels.few_id(pack_padded(window, n)?)?
            }
        };
        Some(PlainFields {
            t: self.time.get_plain(i)?,
            ch,
            duration: self.duration.as_ref().and_then(|d| d.get(i)),
            weight: self.weight.as_ref().and_then(|w| w.get(i)).unwrap_or(1.0),
        })
    }

    fn row(&self, i: usize, f: &Fields<'_>) -> Result<Row<'b>> {
        let channel = match (self.channel.dict_key(i), self.channel.get(i)) {
            (_, None) => {
                return Err(Error::InvalidValue {
                    field: f.channel.to_string(),
                    value: "null".to_string(),
                    expected: vec!["a channel name".to_string()],
                });
            }
            (Some(k), Some(name)) => match self.channel_ids[k] {
                Some(id) => ChannelRef::Id(id),
                // unknown: let validation report it with the known names
                None => ChannelRef::Name(name),
            },
            (None, Some(name)) => match self.channel.window(i).and_then(|(w, n)| pack_padded(w, n)) {
                Some(packed) => ChannelRef::Packed(packed, name),
                None => ChannelRef::Name(name),
            },
        };
        Ok(Row {
            src: self.src.get(i).unwrap_or(""),
            dst: self.dst.get(i).unwrap_or(""),
            t: self.time.get(i, f.time)?,
            channel,
            duration: self.duration.as_ref().and_then(|d| d.get(i)),
            weight: self.weight.as_ref().and_then(|w| w.get(i)).unwrap_or(1.0),
        })
    }
}

fn fields(cols: &InteractionColumns) -> Fields<'_> {
    Fields {
        src: &cols.src,
        dst: &cols.dst,
        time: &cols.time,
        channel: &cols.channel,
        duration: cols.duration.as_deref().unwrap_or("duration"),
        weight: cols.weight.as_deref().unwrap_or("weight"),
    }
}

/// What ties staged rows to the graph they were validated against: new
/// people get ids from `slots` on, and every known key must still exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    slots: usize,
    people: usize,
}

impl Stamp {
    fn of(g: &RelationshipGraph) -> Stamp {
        Stamp {
            slots: g.people.len(),
            people: g.person_count(),
        }
    }

    fn check(self, g: &RelationshipGraph) -> Result<()> {
        if Stamp::of(g) == self {
            return Ok(());
        }
        Err(Error::InvalidArgument {
            argument: "graph".to_string(),
            reason: "people were added to or removed from the graph while loading; \
                     nothing was added, start the load again"
                .to_string(),
        })
    }
}

/// Loads interactions from Arrow record batches pushed one at a time, and
/// adds them all at once on [`commit`](Self::commit).
///
/// [`push`](Self::push) validates a batch against the graph and holds its
/// rows aside; `commit` adds them (each touched tie sorted once). With
/// [`OnError::Raise`] the first bad row stops the load: drop the loader and
/// the graph is unchanged. With [`OnError::Skip`] bad rows are reported by
/// their position counted across all batches.
///
/// The graph may be read between pushes, but people must not be added or
/// removed until the commit (that is reported as [`Error::InvalidArgument`]).
///
/// ```
/// use std::sync::Arc;
/// use tiegraph::arrow_array::{RecordBatch, StringArray, TimestampMillisecondArray};
/// use tiegraph::{ArrowColumns, OnError, RelationshipGraph};
///
/// let batch = |src: &str, dst: &str, ms: i64| {
///     RecordBatch::try_from_iter([
///         ("src", Arc::new(StringArray::from(vec![src])) as _),
///         ("dst", Arc::new(StringArray::from(vec![dst])) as _),
///         ("time", Arc::new(TimestampMillisecondArray::from(vec![ms])) as _),
///         ("channel", Arc::new(StringArray::from(vec!["email"])) as _),
///     ])
///     .unwrap()
/// };
/// let mut g = RelationshipGraph::new();
/// let mut loader = g.interaction_loader(&ArrowColumns::default(), OnError::Raise);
/// loader.push(&g, &batch("ana", "lee", 1_772_445_600_000))?;
/// loader.push(&g, &batch("lee", "ana", 1_772_532_000_000))?;
/// let report = loader.commit(&mut g)?;
/// assert_eq!((report.rows, report.added, report.new_people), (2, 2, 2));
/// assert_eq!(g.tie("ana", "lee")?.len(), 2);
/// # Ok::<(), tiegraph::Error>(())
/// ```
pub struct InteractionLoader {
    cols: InteractionColumns,
    staging: Staging,
    stamp: Stamp,
    rows: u64,
    /// For dictionary columns of keys (source, destination).
    key_dicts: [KeyDict; 2],
    /// Two blocks' checked rows, kept from batch to batch: a Parquet file
    /// comes in batches of about 100,000 rows, and fresh buffers for each
    /// cost page faults.
    blocks: [Vec<Checked>; 2],
    /// A batch's last block, resolved but not staged: it is staged while
    /// the next batch's first block is checked (or at the commit), so that
    /// a stream of batches keeps both cores busy across batches.
    pending: Option<Pending>,
}

/// A resolved block left to stage: its rows are `blocks[0][..len]`.
struct Pending {
    first_row: u64,
    len: usize,
    errors: Vec<(usize, Error)>,
}

impl Pending {
    /// Stages the block with nothing beside it; `block` holds its rows.
    fn stage(self, staging: &mut Staging, block: &[Checked]) -> Result<()> {
        staging.stage(self.first_row, &block[..self.len], self.errors)
    }
}

/// The person ids of a dictionary column's values, kept from batch to batch
/// while batches share the dictionary: rows take their ids from it instead
/// of looking up their key.
#[derive(Default)]
struct KeyDict {
    /// The last dictionary seen, whether resolved or not.
    dictionary: Option<ArrayRef>,
    /// Its values' ids ([`People::check`]'s convention), when resolved.
    ids: Option<Vec<u32>>,
    /// Beside the ids, each value's [`key_head`](crate::keys::key_head), which
    /// orders two keys whose heads differ without reading them;
    /// [`NO_HEAD`] for a null or empty value.
    heads: Vec<u64>,
}

/// The head of a dictionary value no row may take as its key: no UTF-8
/// string's head is all ones (no UTF-8 byte is 0xFF).
const NO_HEAD: u64 = u64::MAX;

impl KeyDict {
    /// Resolves this batch's dictionary when that saves lookups: when it is
    /// the last batch's (the ids are kept, with what the load has learned
    /// since), or has no more values than the batch has rows. A dictionary
    /// larger than its batch is left to per-row lookups.
    ///
    /// The last batch's dictionary is this one when it is the same array
    /// or holds the same values: a Parquet reader gives each batch of a
    /// row group its own copy of the row group's dictionary (W1's file:
    /// 72,660 values in every batch of 131,072 rows), which a comparison of
    /// pointers took for a new dictionary every batch.
    fn prepare(&mut self, strs: &Strs<'_>, rows: usize, g: &RelationshipGraph, staging: &Staging) {
        let Some((dictionary, values)) = strs.dictionary() else {
            *self = KeyDict::default();
            return;
        };
        let same = self.dictionary.as_ref().is_some_and(|last| {
            last.to_data().ptr_eq(&dictionary.to_data()) || last.as_ref() == dictionary.as_ref()
        });
        if same && self.ids.is_some() {
            return;
        }
        // resolving looks each value up once, where the rows look up one
        // key each: worth it for a dictionary no larger than the batch
        self.ids = (same || values.len() <= rows).then(|| {
            let mut ids = Vec::new();
            staging.people().resolve_values(g, values, &mut ids);
            ids
        });
        self.heads.clear();
        if self.ids.is_some() {
            values
                .par_iter()
                .map(|v| match v {
                    Some(k) if !k.is_empty() => crate::keys::key_head(k.as_bytes()),
                    _ => NO_HEAD,
                })
                .collect_into_vec(&mut self.heads);
        }
        // holding the dictionary keeps its buffers from being reused for
        // another batch's, which pointer comparison would take for this one
        self.dictionary = Some(dictionary.clone());
    }

    /// Row `i`'s id as the dictionary knows it; `None` to look the key up.
    fn id(&self, strs: &Strs<'_>, i: usize) -> Option<u32> {
        let ids = self.ids.as_ref()?;
        strs.dict_key(i).map(|k| ids[k])
    }

    /// Row `i`'s id and key head, when the dictionary is resolved and the
    /// row's key is neither null nor empty.
    #[inline]
    fn keyed(&self, strs: &Strs<'_>, i: usize) -> Option<(u32, u64)> {
        let ids = self.ids.as_ref()?;
        let k = strs.dict_key(i)?;
        let head = self.heads[k];
        (head != NO_HEAD).then(|| (ids[k], head))
    }

    /// Row `i`'s person was named by the staging: its value now has an id.
    fn learn(&mut self, strs: &Strs<'_>, i: usize, id: u32) {
        if let (Some(ids), Some(k)) = (self.ids.as_mut(), strs.dict_key(i)) {
            ids[k] = id;
        }
    }
}

impl std::fmt::Debug for InteractionLoader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InteractionLoader")
            .field("cols", &self.cols)
            .field("rows", &self.rows)
            .finish_non_exhaustive()
    }
}

/// What checking a block found besides its rows, each row by its index in
/// the block, in order: the bad rows, with their errors, and the good rows
/// that name someone the check did not know yet.
struct Found {
    errors: Vec<(usize, Error)>,
    fresh: Vec<usize>,
}

/// Whether the check reads `strs`'s keys with [`packed_key`]: a plain key
/// column (`Utf8`, `LargeUtf8` or `Utf8View`) without nulls, whose keys
/// are short on average. Each key is then read once, packed and hashed,
/// for both its prefetch and its lookup, where the general path read it
/// through the column's layout twice and packed and hashed it twice.
/// callgrind: checking a row of the Rust-generated W1 log (1M rows,
/// `Utf8`) took 342 instructions instead of 682.
///
/// Longer keys (email addresses), which a pack cannot hold, would try to
/// pack on every row and take the general path anyway (W1 10M with
/// addresses of 18 to 42 bytes, fifteen loads each in alternating
/// processes, a noisy spell: load medians 1.307 s on the general path,
/// 1.393 s through this reader).
fn packs_its_keys(strs: &Strs<'_>) -> bool {
    use arrow_array::Array;
    /// The most bytes a key takes on average for the keys to be packed.
    const SHORT: usize = 15;
    let short = |bytes: usize, keys: usize| bytes <= SHORT * keys;
    match strs {
        Strs::Utf8(a) if a.null_count() == 0 => strs.offset_bytes().is_some_and(|(b, k)| short(b, k)),
        Strs::Large(a) if a.null_count() == 0 => strs.offset_bytes().is_some_and(|(b, k)| short(b, k)),
        Strs::View(a) if a.null_count() == 0 => {
            // a view's length is in its low 32 bits: a sample of them
            let views = a.views();
            let step = (views.len() / 64).max(1);
            let sample = views.iter().step_by(step);
            let bytes: usize = sample.clone().map(|&v| v as u32 as usize).sum();
            short(bytes, sample.count())
        }
        _ => false,
    }
}

/// Row `i`'s key packed, with the pack's hash; `None` for an empty key,
/// one longer than a pack holds, or one without a 16-byte window (see
/// [`Strs::window`]): the general path takes those.
#[inline(always)]
fn packed_key(strs: &Strs<'_>, i: usize) -> Option<(Packed, u64)> {
    let (window, n) = strs.window(i)?;
    if n == 0 {
        return None;
    }
    let p = pack_padded(window, n)?;
    Some((p, p.hash()))
}

/// Checks row `i`, through the general path: the dictionaries' ids when
/// they know the row's people, the plain check of a row whose fields are
/// all good, the full check (and its error) otherwise.
#[inline(always)]
fn check_row(
    graph: &RelationshipGraph,
    cols: &InteractionBatch<'_>,
    f: &Fields<'_>,
    [src_dict, dst_dict]: [&KeyDict; 2],
    people: &People,
    i: usize,
) -> std::result::Result<Checked, Box<Error>> {
    // both keys from resolved dictionaries, with heads that differ:
    // oriented and resolved without reading them
    if let (Some((src, sh)), Some((dst, dh))) = (src_dict.keyed(&cols.src, i), dst_dict.keyed(&cols.dst, i)) {
        if sh != dh {
            if let Some(checked) = cols
                .plain_fields(i, graph)
                .and_then(|row| people.check_keyed(row, [src, dst], sh > dh))
            {
                return Ok(checked);
            }
        }
    }
    let ids = [src_dict.id(&cols.src, i), dst_dict.id(&cols.dst, i)];
    match cols
        .plain_row(i, graph)
        .and_then(|row| people.check_plain(graph, row, ids))
    {
        Some(c) => Ok(c),
        None => people.check(graph, f, cols.row(i, f), ids).map_err(Box::new),
    }
}

/// A row the check reports (see [`Found`]), by its index in the block:
/// with its error (boxed: the notes of a first block are mostly of new
/// people), or `None` when it names someone new.
type Note = (usize, Option<Box<Error>>);

/// Checks rows `start..start + rows.len()` of a batch of `n` rows into
/// `rows`, in parallel, against the people known so far.
#[allow(clippy::too_many_arguments)] // one call site's locals, named
fn check_block(
    graph: &RelationshipGraph,
    cols: &InteractionBatch<'_>,
    f: &Fields<'_>,
    dicts: [&KeyDict; 2],
    people: &People,
    n: usize,
    start: usize,
    rows: &mut [Checked],
) -> Found {
    // good rows of people all known need no note
    let note = |i: usize, checked: std::result::Result<Checked, Box<Error>>, slot: &mut Checked| match checked
    {
        Ok(c) => {
            *slot = c;
            c.names_someone_new().then_some((i - start, None))
        }
        Err(e) => Some((i - start, Some(e))),
    };
    let notes: Vec<Note> = if packs_its_keys(&cols.src) && packs_its_keys(&cols.dst) {
        // in pieces, each read in order with its keys prepared a few
        // rows ahead: a piece is long enough for its first rows, which
        // nothing asked for ahead, not to matter
        const PIECE: usize = 4096;
        const RING: usize = 2 * AHEAD;
        const FAR: usize = 8 * AHEAD;
        // one mask for the three, the finest they need
        let far = [&cols.src, &cols.dst, &cols.channel];
        let far_mask = far.iter().filter_map(|strs| strs.prefetch_mask()).min();
        let pieces: Vec<Vec<Note>> = rows
            .par_chunks_mut(PIECE)
            .enumerate()
            .map(|(p, piece)| {
                let first = start + p * PIECE;
                let end = first + piece.len();
                // each row's two packs and their hashes; an empty pack
                // (which no key has, see `packed_key`) for a key the
                // general path takes: 24 bytes an entry, where an
                // `Option`'s tag made 32 (callgrind on the Rust-generated
                // W1 rows: 13 instructions a row fewer)
                let mut ring = [[(Packed::default(), 0); 2]; RING];
                // row `i`'s keys, and a request for their slots
                let prepare = |i: usize, ring: &mut [[(Packed, u64); 2]; RING]| {
                    for (j, strs) in [&cols.src, &cols.dst].into_iter().enumerate() {
                        let key = packed_key(strs, i);
                        match key {
                            Some((_, hash)) => people.prefetch_packed(graph, hash),
                            None => {
                                if let Some(k) = strs.get(i) {
                                    people.prefetch(graph, k);
                                }
                            }
                        }
                        ring[i % RING][j] = key.unwrap_or_default();
                    }
                };
                for i in first..end.min(first + AHEAD) {
                    prepare(i, &mut ring);
                }
                let mut notes = Vec::new();
                for (i, slot) in (first..end).zip(piece.iter_mut()) {
                    // the strings' bytes of a row further on: perf put a
                    // tenth of W1's samples on the first reads of them
                    // (three streams of variable stride, beside six more
                    // columns); asked for, the load went 0.93x
                    if i + FAR < end && far_mask.is_some_and(|m| i & m == 0) {
                        for strs in far {
                            strs.prefetch(i + FAR);
                        }
                    }
                    if i + AHEAD < end {
                        prepare(i + AHEAD, &mut ring);
                    }
                    let [s, d] = ring[i % RING];
                    let fast = if s.0.is_key() && d.0.is_key() {
                        cols.plain_fields(i, graph)
                            .and_then(|row| people.check_packed(graph, row, [s, d]))
                    } else {
                        None
                    };
                    let checked = match fast {
                        Some(c) => Ok(c),
                        None => check_row(graph, cols, f, dicts, people, i),
                    };
                    notes.extend(note(i, checked, slot));
                }
                notes
            })
            .collect();
        pieces.into_iter().flatten().collect()
    } else {
        rows.par_iter_mut()
            .enumerate()
            .filter_map(|(i, slot)| {
                let i = start + i;
                // the person index is the one table every row reads at
                // random: ask for a later row's entries now
                let ahead = i + AHEAD;
                if ahead < n {
                    for (strs, dict) in [(&cols.src, dicts[0]), (&cols.dst, dicts[1])] {
                        if dict.id(strs, ahead).is_none() {
                            if let Some(k) = strs.get(ahead) {
                                people.prefetch(graph, k);
                            }
                        }
                    }
                }
                note(i, check_row(graph, cols, f, dicts, people, i), slot)
            })
            .collect()
    };
    let mut found = Found {
        errors: Vec::new(),
        fresh: Vec::with_capacity(notes.len()),
    };
    for (at, note) in notes {
        match note {
            Some(e) => found.errors.push((at, *e)),
            None => found.fresh.push(at),
        }
    }
    found
}

impl InteractionLoader {
    /// A loader for `graph` reading these columns.
    pub fn new(graph: &RelationshipGraph, columns: &ArrowColumns, on_error: OnError) -> InteractionLoader {
        InteractionLoader {
            cols: columns.clone(),
            staging: Staging::new(graph, on_error),
            stamp: Stamp::of(graph),
            rows: 0,
            key_dicts: Default::default(),
            blocks: Default::default(),
            pending: None,
        }
    }

    /// Checks that a schema has the columns, of accepted types, without
    /// reading any row: call it before a stream's first batch so that an
    /// empty stream with a wrong schema fails too.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use tiegraph::arrow_schema::{DataType, Field, Schema};
    /// use tiegraph::{ArrowColumns, Error, OnError, RelationshipGraph};
    /// let g = RelationshipGraph::new();
    /// let schema = Arc::new(Schema::new(vec![
    ///     Field::new("src", DataType::Utf8, false),
    ///     Field::new("dst", DataType::Utf8, false),
    ///     Field::new("time", DataType::Int64, false),
    ///     Field::new("channel", DataType::Utf8, false),
    /// ]));
    /// let err = g.interaction_loader(&ArrowColumns::default(), OnError::Raise)
    ///     .check_schema(&g, &schema)
    ///     .unwrap_err();
    /// assert!(matches!(err, Error::WrongColumnType { ref column, .. } if column == "time"));
    /// ```
    pub fn check_schema(&self, graph: &RelationshipGraph, schema: &SchemaRef) -> Result<()> {
        let empty = RecordBatch::new_empty(schema.clone());
        InteractionBatch::new(&empty, &self.cols, graph).map(|_| ())
    }

    /// Validates one batch and holds its rows until the commit.
    ///
    /// Errors: [`Error::MissingColumn`] and [`Error::WrongColumnType`] for the
    /// batch as a whole; with [`OnError::Raise`], the first bad row's error
    /// wrapped in [`Error::Row`] with its position across all batches.
    pub fn push(&mut self, graph: &RelationshipGraph, batch: &RecordBatch) -> Result<()> {
        self.stamp.check(graph)?;
        let cols = InteractionBatch::new(batch, &self.cols, graph)?;
        let f = fields(&self.cols);
        let n = batch.num_rows();
        // Reading, checking and resolving a row needs only the batch, the
        // graph and the people known so far: done in parallel, a block at
        // a time. The staging then names the block's new people, in input
        // order, and sorts its rows by shard on one core while the next
        // block is checked on the others. A block's checked rows (28 bytes
        // each) stay in cache until the staging reads them.
        const BLOCK: usize = 1 << 16;
        let len = |start: usize| (n - start).min(BLOCK);
        self.staging.expect_rows(n);
        let InteractionLoader {
            staging,
            key_dicts,
            rows: loaded,
            blocks: [cur, next],
            pending,
            ..
        } = self;
        for block in [&mut *cur, &mut *next] {
            if block.len() < n.min(BLOCK) {
                block.resize(n.min(BLOCK), Checked::default());
            }
        }
        for (dicts, strs) in key_dicts.iter_mut().zip([&cols.src, &cols.dst]) {
            dicts.prepare(strs, n, graph, staging);
        }
        let [src_dict, dst_dict] = key_dicts;
        // The block held (resolved, in `cur`) is staged while the next one
        // is checked into `next`; the last batch's last block is held too.
        let mut held = pending.take();
        for start in (0..n).step_by(BLOCK) {
            let dicts = [&*src_dict, &*dst_dict];
            let rows = &mut next[..len(start)];
            let Found { errors, fresh } = match held.take() {
                Some(Pending {
                    first_row,
                    len,
                    errors,
                }) => {
                    let (staged, found) = staging.stage_block(first_row, &cur[..len], errors, |people| {
                        check_block(graph, &cols, &f, dicts, people, n, start, rows)
                    });
                    staged?;
                    found
                }
                None => check_block(graph, &cols, &f, dicts, staging.people(), n, start, rows),
            };
            std::mem::swap(cur, next);
            let rows = &mut cur[..len(start)];
            let keys = |i: usize| {
                let i = start + i;
                [cols.src.get(i).unwrap_or(""), cols.dst.get(i).unwrap_or("")]
            };
            let learned = |i: usize, ids: [u32; 2]| {
                src_dict.learn(&cols.src, start + i, ids[0]);
                dst_dict.learn(&cols.dst, start + i, ids[1]);
            };
            staging.resolve_block(graph, rows, &errors, &fresh, keys, learned);
            held = Some(Pending {
                first_row: *loaded + start as u64,
                len: rows.len(),
                errors,
            });
        }
        // The batch's last block waits for the next batch, unless it holds
        // the row that stops the load: that error is this push's.
        if let Some(last) = held {
            if last.errors.is_empty() || !staging.raises() {
                *pending = Some(last);
            } else {
                last.stage(staging, cur)?;
            }
        }
        *loaded += n as u64;
        Ok(())
    }

    /// Rows pushed so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Adds every good row pushed, all at once.
    pub fn commit(mut self, graph: &mut RelationshipGraph) -> Result<LoadReport> {
        self.stamp.check(graph)?;
        if let Some(last) = self.pending.take() {
            last.stage(&mut self.staging, &self.blocks[0])?;
        }
        Ok(self.staging.commit(graph))
    }
}

/// The connection columns of one batch, resolved.
struct ConnectionBatch<'b> {
    a: Strs<'b>,
    b: Strs<'b>,
    platform: Strs<'b>,
    kind: Option<Strs<'b>>,
    since: Option<Times<'b>>,
}

impl<'b> ConnectionBatch<'b> {
    fn new(batch: &'b RecordBatch, cols: &ConnectionColumns) -> Result<ConnectionBatch<'b>> {
        Ok(ConnectionBatch {
            a: Strs::new(column(batch, &cols.a)?, &cols.a)?,
            b: Strs::new(column(batch, &cols.b)?, &cols.b)?,
            platform: Strs::new(column(batch, &cols.platform)?, &cols.platform)?,
            kind: match &cols.kind {
                Some(c) => Some(Strs::new(column(batch, c)?, c)?),
                None => None,
            },
            since: match &cols.since {
                Some(c) => Some(Times::new(column(batch, c)?, c)?),
                None => None,
            },
        })
    }

    fn row(&self, i: usize, cols: &ConnectionColumns) -> Result<Connection> {
        let kind = match &self.kind {
            None => ConnectionKind::Mutual,
            Some(k) => match k.get(i) {
                Some("mutual") => ConnectionKind::Mutual,
                Some("follows") => ConnectionKind::Follows,
                other => {
                    return Err(Error::InvalidValue {
                        field: cols.kind.clone().unwrap_or_default(),
                        value: other.unwrap_or("null").to_string(),
                        expected: vec!["mutual".into(), "follows".into()],
                    });
                }
            },
        };
        let since = match &self.since {
            None => None,
            Some(s) => s
                .get_opt(i, cols.since.as_deref().unwrap_or("since"))?
                .and_then(|t| chrono::DateTime::from_timestamp(t, 0)),
        };
        let c = Connection {
            a: self.a.get(i).unwrap_or("").to_string(),
            b: self.b.get(i).unwrap_or("").to_string(),
            platform: self.platform.get(i).unwrap_or("").to_string(),
            kind,
            since,
        };
        crate::graph::validate_connection(&c, [&cols.a, &cols.b, &cols.platform])?;
        Ok(c)
    }
}

/// Loads declared connections from Arrow record batches pushed one at a
/// time, and adds them all at once on [`commit`](Self::commit).
///
/// Columns ([`ConnectionColumns`], the same as for CSV): `a`, `b`,
/// `platform` as strings (as for [`ArrowColumns`]); `kind`, when named,
/// strings `mutual` or `follows`; `since`, when named, a timestamp or date
/// (null: always).
///
/// ```
/// use std::sync::Arc;
/// use tiegraph::arrow_array::{RecordBatch, StringArray};
/// use tiegraph::{ConnectionColumns, OnError, RelationshipGraph};
/// let batch = RecordBatch::try_from_iter([
///     ("a", Arc::new(StringArray::from(vec!["ana", "ana"])) as _),
///     ("b", Arc::new(StringArray::from(vec!["lee", "ana"])) as _),
///     ("platform", Arc::new(StringArray::from(vec!["linkedin", "x"])) as _),
/// ])
/// .unwrap();
/// let mut g = RelationshipGraph::new();
/// let report = g.add_connections_arrow([batch], &ConnectionColumns::default(), OnError::Skip)?;
/// assert_eq!((report.added, report.skipped[0].row), (1, 1));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug)]
pub struct ConnectionLoader {
    cols: ConnectionColumns,
    on_error: OnError,
    rows: u64,
    good: Vec<Connection>,
    skipped: Vec<SkippedRow>,
}

impl ConnectionLoader {
    /// A loader reading these columns.
    pub fn new(columns: &ConnectionColumns, on_error: OnError) -> ConnectionLoader {
        ConnectionLoader {
            cols: columns.clone(),
            on_error,
            rows: 0,
            good: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Checks that a schema has the columns, of accepted types.
    pub fn check_schema(&self, schema: &SchemaRef) -> Result<()> {
        let empty = RecordBatch::new_empty(schema.clone());
        ConnectionBatch::new(&empty, &self.cols).map(|_| ())
    }

    /// Validates one batch and holds its rows until the commit.
    pub fn push(&mut self, batch: &RecordBatch) -> Result<()> {
        let cols = ConnectionBatch::new(batch, &self.cols)?;
        let n = batch.num_rows();
        self.good.reserve(n);
        for i in 0..n {
            let row_no = self.rows + i as u64;
            match cols.row(i, &self.cols) {
                Ok(c) => self.good.push(c),
                Err(e) => match self.on_error {
                    OnError::Raise => return Err(e.at_row(row_no, None)),
                    OnError::Skip => self.skipped.push(SkippedRow {
                        row: row_no,
                        line: None,
                        error: e,
                    }),
                },
            }
        }
        self.rows += n as u64;
        Ok(())
    }

    /// Rows pushed so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Adds every good row pushed, all at once.
    pub fn commit(self, graph: &mut RelationshipGraph) -> Result<LoadReport> {
        let mut report = graph.add_connections(self.good)?;
        report.rows = self.rows;
        report.skipped = self.skipped;
        Ok(report)
    }
}

impl RelationshipGraph {
    /// A loader that takes interaction batches one at a time; see
    /// [`InteractionLoader`].
    pub fn interaction_loader(&self, columns: &ArrowColumns, on_error: OnError) -> InteractionLoader {
        InteractionLoader::new(self, columns, on_error)
    }

    /// A loader that takes connection batches one at a time; see
    /// [`ConnectionLoader`].
    pub fn connection_loader(&self, columns: &ConnectionColumns, on_error: OnError) -> ConnectionLoader {
        ConnectionLoader::new(columns, on_error)
    }

    /// Adds the interactions of Arrow record batches: all of them, or with
    /// [`OnError::Raise`] none and the first bad row's error. Row positions
    /// count across batches. See [`ArrowColumns`] for the accepted types.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use tiegraph::arrow_array::{
    ///     DictionaryArray, RecordBatch, StringArray, TimestampSecondArray, types::Int8Type,
    /// };
    /// use tiegraph::{ArrowColumns, RelationshipGraph, OnError};
    /// let channels: DictionaryArray<Int8Type> = vec!["email", "in_person", "email"].into_iter().collect();
    /// let batch = RecordBatch::try_from_iter([
    ///     ("from", Arc::new(StringArray::from(vec!["ana", "lee", "ana"])) as _),
    ///     ("to", Arc::new(StringArray::from(vec!["lee", "ana", "bo"])) as _),
    ///     ("at", Arc::new(TimestampSecondArray::from(vec![1_772_445_600, 1_772_532_000, 1_772_618_400])) as _),
    ///     ("how", Arc::new(channels) as _),
    /// ])
    /// .unwrap();
    /// let cols = ArrowColumns {
    ///     src: "from".into(), dst: "to".into(), time: "at".into(), channel: "how".into(),
    ///     ..ArrowColumns::default()
    /// };
    /// let mut g = RelationshipGraph::new();
    /// let report = g.add_interactions_arrow([batch], &cols, OnError::Raise)?;
    /// assert_eq!((report.added, report.new_people, report.ties_touched), (3, 3, 2));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_interactions_arrow<I>(
        &mut self,
        batches: I,
        columns: &ArrowColumns,
        on_error: OnError,
    ) -> Result<LoadReport>
    where
        I: IntoIterator,
        I::Item: Borrow<RecordBatch>,
    {
        let mut loader = self.interaction_loader(columns, on_error);
        for b in batches {
            loader.push(self, b.borrow())?;
        }
        loader.commit(self)
    }

    /// Adds the connections of Arrow record batches; see [`ConnectionLoader`].
    pub fn add_connections_arrow<I>(
        &mut self,
        batches: I,
        columns: &ConnectionColumns,
        on_error: OnError,
    ) -> Result<LoadReport>
    where
        I: IntoIterator,
        I::Item: Borrow<RecordBatch>,
    {
        let mut loader = ConnectionLoader::new(columns, on_error);
        for b in batches {
            loader.push(b.borrow())?;
        }
        loader.commit(self)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::types::{Int32Type, UInt16Type};
    use arrow_array::{
        ArrayRef, Date32Array, DictionaryArray, DurationMillisecondArray, Float32Array, Int32Array,
        Int64Array, LargeStringArray, StringArray, StringViewArray, TimestampMicrosecondArray,
        TimestampMillisecondArray, TimestampNanosecondArray, TimestampSecondArray, UInt8Array,
    };
    use arrow_schema::{DataType, Field, Schema, TimeUnit as ArrowUnit};
    use chrono::{TimeZone, Utc};

    use super::*;

    fn strs(v: &[Option<&str>]) -> ArrayRef {
        Arc::new(StringArray::from(v.to_vec()))
    }

    fn batch(cols: Vec<(&str, ArrayRef)>) -> RecordBatch {
        RecordBatch::try_from_iter(cols).expect("valid batch")
    }

    /// A graph as JSON, to compare two graphs whole.
    fn graph_json(g: &RelationshipGraph) -> String {
        let mut out = Vec::new();
        g.write_json(&mut out).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    /// A batch of emails at the given seconds.
    fn emails(pairs: &[(&str, &str)], secs: &[i64]) -> RecordBatch {
        emails_at(pairs, Arc::new(TimestampSecondArray::from(secs.to_vec())))
    }

    /// A batch of emails at the times of a column of any time type.
    fn emails_at(pairs: &[(&str, &str)], time: ArrayRef) -> RecordBatch {
        let src: Vec<_> = pairs.iter().map(|p| Some(p.0)).collect();
        let dst: Vec<_> = pairs.iter().map(|p| Some(p.1)).collect();
        batch(vec![
            ("src", strs(&src)),
            ("dst", strs(&dst)),
            ("time", time),
            ("channel", strs(&vec![Some("email"); pairs.len()])),
        ])
    }

    fn ts(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
            .single()
            .expect("valid date")
    }

    #[test]
    fn millisecond_timestamps_floor_to_the_second_and_keep_their_time_zone_meaning() {
        let at = ts(2026, 3, 2, 10, 0, 0).timestamp_millis();
        // 999 ms past the second stays in it; a zoned column holds UTC instants too.
        let time = TimestampMillisecondArray::from(vec![at + 999, at - 1]).with_timezone("Europe/Paris");
        let b = batch(vec![
            ("src", strs(&[Some("ana"), Some("lee")])),
            ("dst", strs(&[Some("lee"), Some("ana")])),
            ("time", Arc::new(time)),
            ("channel", strs(&[Some("email"), Some("email")])),
        ]);
        let mut g = RelationshipGraph::new();
        g.add_interactions_arrow([b], &ArrowColumns::default(), OnError::Raise)
            .expect("loads");
        let times: Vec<_> = g
            .tie("ana", "lee")
            .expect("tie")
            .interactions()
            .map(|i| i.at)
            .collect();
        assert_eq!(times, vec![ts(2026, 3, 2, 9, 59, 59), ts(2026, 3, 2, 10, 0, 0)]);
    }

    #[test]
    fn nanosecond_timestamps_before_1970_floor_downwards() {
        let b = batch(vec![
            ("src", strs(&[Some("ana")])),
            ("dst", strs(&[Some("lee")])),
            ("time", Arc::new(TimestampNanosecondArray::from(vec![-1]))),
            ("channel", strs(&[Some("email")])),
        ]);
        let mut g = RelationshipGraph::new();
        g.add_interactions_arrow([&b], &ArrowColumns::default(), OnError::Raise)
            .expect("loads");
        let it = g
            .tie("ana", "lee")
            .expect("tie")
            .interactions()
            .next()
            .expect("one");
        assert_eq!(it.at, ts(1969, 12, 31, 23, 59, 59));
    }

    /// Rows early in a batch take the check's plain path (the channel's
    /// sixteen-byte window fits in the column); these are its edge cases,
    /// in every unit, each with rows after it.
    #[test]
    fn times_before_1970_floor_downwards_on_the_plain_path() {
        let at = |s: i64| ts(1969, 12, 31, 23, 59, 59) + chrono::Duration::seconds(s + 1);
        let columns: [(ArrayRef, i64); 4] = [
            (Arc::new(TimestampSecondArray::from(vec![-1, 0, 1, 2])), 1),
            (
                Arc::new(TimestampMillisecondArray::from(vec![-1, 0, 1_000, 2_000])),
                1_000,
            ),
            (
                Arc::new(TimestampMicrosecondArray::from(vec![-1, 0, 1_000_000, 2_000_000])),
                1_000_000,
            ),
            (
                Arc::new(TimestampNanosecondArray::from(vec![
                    -1,
                    0,
                    1_000_000_000,
                    2_000_000_000,
                ])),
                1_000_000_000,
            ),
        ];
        for (time, per_second) in columns {
            let b = emails_at(&[("ana", "lee"); 4], time);
            let mut g = RelationshipGraph::new();
            g.add_interactions_arrow([&b], &ArrowColumns::default(), OnError::Raise)
                .expect("loads");
            let times: Vec<_> = g
                .tie("ana", "lee")
                .expect("tie")
                .interactions()
                .map(|i| i.at)
                .collect();
            assert_eq!(times, vec![at(-1), at(0), at(1), at(2)], "{per_second} a second");
        }
    }

    #[test]
    fn a_time_out_of_range_is_its_rows_error_on_the_plain_path() {
        // i64::MAX milliseconds is 292 million years: past chrono's range
        // too. The bad row has sixteen bytes of channel names from its own.
        let columns: [ArrayRef; 2] = [
            Arc::new(TimestampSecondArray::from(vec![0, i64::MAX, 0, 0, 0, 0])),
            Arc::new(TimestampMillisecondArray::from(vec![0, i64::MAX, 0, 0, 0, 0])),
        ];
        for time in columns {
            let b = emails_at(&[("ana", "lee"); 6], time);
            let mut g = RelationshipGraph::new();
            let e = g
                .add_interactions_arrow([&b], &ArrowColumns::default(), OnError::Raise)
                .expect_err("out of range");
            assert!(matches!(e, Error::Row { row: 1, .. }), "{e}");
            assert!(matches!(e.root(), Error::TimestampOutOfRange { .. }), "{e}");
            assert_eq!(g.interaction_count(), 0);
        }
    }

    #[test]
    fn dictionary_channels_and_keys_resolve_per_dictionary_value() {
        let channels: DictionaryArray<Int32Type> = vec!["in_person", "email", "in_person", "email"]
            .into_iter()
            .collect();
        let src: DictionaryArray<UInt16Type> = vec!["ana", "ana", "lee", "bo"].into_iter().collect();
        let b = batch(vec![
            ("src", Arc::new(src)),
            (
                "dst",
                Arc::new(LargeStringArray::from(vec!["lee", "bo", "bo", "lee"])),
            ),
            (
                "time",
                Arc::new(Date32Array::from(vec![20_514, 20_515, 20_516, 20_517])),
            ),
            ("channel", Arc::new(channels)),
            (
                "dur",
                Arc::new(DurationMillisecondArray::from(vec![
                    Some(5_400_000),
                    None,
                    Some(1_500),
                    None,
                ])),
            ),
            (
                "w",
                Arc::new(Float32Array::from(vec![Some(2.0), None, Some(0.5), None])),
            ),
        ]);
        let cols = ArrowColumns {
            duration: Some("dur".into()),
            weight: Some("w".into()),
            ..ArrowColumns::default()
        };
        let mut g = RelationshipGraph::new();
        let report = g
            .add_interactions_arrow([b], &cols, OnError::Raise)
            .expect("loads");
        assert_eq!((report.rows, report.added, report.new_people), (4, 4, 3));
        let first = g
            .tie("ana", "lee")
            .expect("tie")
            .interactions()
            .next()
            .expect("one");
        assert_eq!(first.channel, "in_person");
        assert_eq!(first.at, ts(2026, 3, 2, 0, 0, 0)); // day 20514 since 1970-01-01
        assert_eq!((first.duration, first.weight), (Some(5400.0), 2.0));
        let lee_bo = g
            .tie("bo", "lee")
            .expect("tie")
            .interactions()
            .next()
            .expect("one");
        assert_eq!(
            (lee_bo.src.as_str(), lee_bo.channel.as_str()),
            ("lee", "in_person")
        );
        // durations are kept in whole seconds: 1.5 s rounds to 2
        assert_eq!((lee_bo.duration, lee_bo.weight), (Some(2.0), 0.5));
        let ana_bo = g
            .tie("ana", "bo")
            .expect("tie")
            .interactions()
            .next()
            .expect("one");
        assert_eq!((ana_bo.duration, ana_bo.weight), (None, 1.0));
    }

    /// Four blocks, people first named in each, and a bad row in each of
    /// the last three: staging a block while the next is checked gives the
    /// graph, person ids, skipped rows and report that one row at a time
    /// gives, and the tie order of one `add_interaction` call a row; with
    /// `Raise`, the first bad row (in the second block) stops
    /// the load at its number and adds nothing.
    #[test]
    fn blocks_staged_while_the_next_is_checked_load_like_one_row_at_a_time() {
        let n = 200_000usize;
        let key = |i: usize, salt: usize| format!("k{}", (i * salt) % (30 + i / 50));
        let bad = |i: usize| i % 65_536 == 1_234 && i > 65_536; // blocks 2, 3 and 4
        let rows: Vec<(String, String, &str)> = (0..n)
            .map(|i| {
                let (src, mut dst) = (key(i, 7_919), key(i, 104_729));
                if src == dst {
                    dst.push('x');
                }
                if bad(i) {
                    dst.clone_from(&src); // a self-interaction
                }
                (src, dst, if i % 3 == 0 { "in_person" } else { "email" })
            })
            .collect();
        let secs = |i: usize| 1_772_445_600 + 60 * i as i64;
        let arrow = batch(vec![
            (
                "src",
                Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.0.as_str()))) as ArrayRef,
            ),
            (
                "dst",
                Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.1.as_str()))),
            ),
            (
                "time",
                Arc::new(TimestampSecondArray::from((0..n).map(secs).collect::<Vec<_>>())),
            ),
            (
                "channel",
                Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.2))),
            ),
        ]);
        let one_by_one: Vec<crate::Interaction> = rows
            .iter()
            .enumerate()
            .map(|(i, (s, d, c))| {
                let at = chrono::DateTime::from_timestamp(secs(i), 0).expect("valid");
                crate::Interaction::new(s.as_str(), d.as_str(), at, *c)
            })
            .collect();
        let mut blocks = RelationshipGraph::new();
        let got = blocks
            .add_interactions_arrow([&arrow], &ArrowColumns::default(), OnError::Skip)
            .expect("skips");
        // one at a time, through the incremental path, which stages nothing
        let mut incremental = RelationshipGraph::new();
        for it in &one_by_one {
            let _ = incremental.add_interaction(it.clone());
        }
        let mut single = RelationshipGraph::new();
        let want = single
            .add_interactions_with(one_by_one, OnError::Skip)
            .expect("skips");
        let skipped = |r: &LoadReport| r.skipped.iter().map(|s| s.row).collect::<Vec<_>>();
        assert_eq!(skipped(&got), [66_770, 132_306, 197_842]);
        assert_eq!(skipped(&got), skipped(&want));
        assert_eq!(
            (got.rows, got.added, got.new_people),
            (want.rows, want.added, want.new_people)
        );
        assert!(got.new_people > 2_000, "{} people", got.new_people);
        assert_eq!(graph_json(&blocks), graph_json(&single));
        // people get their ids in order of first appearance, as one by one
        let by_id = |g: &RelationshipGraph| {
            g.people
                .iter()
                .flatten()
                .map(|p| p.key.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(by_id(&blocks), by_id(&single));
        // and ties theirs, though each shard of the staging numbers its own
        assert_eq!(graph_json(&incremental), graph_json(&single));
        let ties_by_id = |g: &RelationshipGraph| {
            g.ties
                .iter()
                .flatten()
                .map(|t| (g.key(t.a).to_string(), g.key(t.b).to_string()))
                .collect::<Vec<_>>()
        };
        assert!(ties_by_id(&incremental).len() > 10_000);
        assert_eq!(ties_by_id(&single), ties_by_id(&incremental));
        assert_eq!(ties_by_id(&blocks), ties_by_id(&incremental));
        // a first load makes its ties in bulk: each is found by its pair,
        // and its edge joins its people and points back at it
        let found = |g: &RelationshipGraph| {
            for (id, t) in g.ties.iter().enumerate() {
                let t = t.as_ref().expect("no free slot after a first load");
                let tie = g.tie(g.key(t.a), g.key(t.b)).expect("found by its pair");
                assert_eq!(tie.data().log, t.log);
                assert_eq!(g.net.edge_weight(t.edge).map(|w| w.0 as usize), Some(id));
                let (x, y) = g.net.edge_endpoints(t.edge).expect("an edge");
                assert_eq!((g.net[x], g.net[y]), (t.a, t.b));
            }
            assert_eq!(g.net.edge_count(), g.ties.len());
        };
        found(&blocks);
        let mut raising = RelationshipGraph::new();
        match raising.add_interactions_arrow([&arrow], &ArrowColumns::default(), OnError::Raise) {
            Err(Error::Row { row, .. }) => assert_eq!(row, 66_770),
            other => panic!("expected the row error, got {other:?}"),
        }
        assert_eq!((raising.person_count(), raising.interaction_count()), (0, 0));
        // In batches (an empty one, one row, less and more than a block):
        // each batch's last block is staged while the next batch is checked.
        let cuts = [0, 0, 1, 30_000, 66_000, 66_771, 140_000, 150_000, n];
        let batches: Vec<RecordBatch> = cuts.windows(2).map(|w| arrow.slice(w[0], w[1] - w[0])).collect();
        let mut batched = RelationshipGraph::new();
        let report = batched
            .add_interactions_arrow(&batches, &ArrowColumns::default(), OnError::Skip)
            .expect("skips");
        assert_eq!(skipped(&report), skipped(&want));
        assert_eq!(
            (report.rows, report.added, report.new_people),
            (want.rows, want.added, want.new_people)
        );
        assert_eq!(graph_json(&batched), graph_json(&single));
        assert_eq!(by_id(&batched), by_id(&single));
        assert_eq!(ties_by_id(&batched), ties_by_id(&incremental));
        found(&batched);
        // the bad row ends the batch 66_000..66_771: its push reports it
        let g = RelationshipGraph::new();
        let mut loader = g.interaction_loader(&ArrowColumns::default(), OnError::Raise);
        for b in &batches[..4] {
            loader.push(&g, b).expect("good rows");
        }
        match loader.push(&g, &batches[4]) {
            Err(Error::Row { row, .. }) => assert_eq!(row, 66_770),
            other => panic!("expected the row error, got {other:?}"),
        }
    }

    /// A batch whose key dictionary equals the last batch's takes the ids
    /// the last one was given, though its dictionary lies elsewhere in
    /// memory (a Parquet reader copies a row group's dictionary into every
    /// batch); one of the same length with other values does not.
    #[test]
    fn a_dictionary_equal_to_the_last_keeps_its_ids_and_no_other_does() {
        let dict = |values: [&str; 2], keys: [i32; 2]| -> ArrayRef {
            Arc::new(
                DictionaryArray::<Int32Type>::try_new(
                    Int32Array::from(keys.to_vec()),
                    Arc::new(StringArray::from(values.to_vec())),
                )
                .expect("valid"),
            )
        };
        let rows = |src: [&str; 2], dst: [&str; 2]| {
            batch(vec![
                ("src", dict(src, [0, 1])),
                ("dst", dict(dst, [1, 0])),
                (
                    "time",
                    Arc::new(TimestampSecondArray::from(vec![1_772_445_600, 1_772_449_200])),
                ),
                ("channel", Arc::new(StringArray::from(vec!["email"; 2]))),
            ])
        };
        let batches = [
            rows(["ana", "lee"], ["bo", "cy"]),
            rows(["ana", "lee"], ["bo", "cy"]),
            rows(["dee", "eve"], ["bo", "cy"]),
        ];
        let mut g = RelationshipGraph::new();
        let report = g
            .add_interactions_arrow(&batches, &ArrowColumns::default(), OnError::Raise)
            .expect("loads");
        assert_eq!((report.added, report.new_people), (6, 6));
        let log_len = |a: &str, b: &str| g.tie(a, b).map(|t| t.len()).unwrap_or(0);
        // rows read ana-cy and lee-bo, then dee-cy and eve-bo
        assert_eq!(
            [
                log_len("ana", "cy"),
                log_len("lee", "bo"),
                log_len("dee", "cy"),
                log_len("eve", "bo")
            ],
            [2, 2, 1, 1]
        );
        assert_eq!(log_len("ana", "bo") + log_len("lee", "cy"), 0);
    }

    /// Dictionary keys resolve per value, and values new to the graph get
    /// their ids as the load names them: over several blocks, with people
    /// first seen late and dictionary values no row uses, the graph is the
    /// one the same rows give as plain strings.
    #[test]
    fn dictionary_keys_load_like_plain_strings_across_blocks() {
        let n = 150_000;
        // the population grows through the load: later blocks name new people
        let src: Vec<String> = (0..n)
            .map(|i| format!("p{}", (i * 7919) % (50 + i / 40)))
            .collect();
        let dst: Vec<String> = (0..n)
            .map(|i| format!("p{}", (i * 104_729 + 1) % (60 + i / 25)))
            .collect();
        let keep: Vec<usize> = (0..n).filter(|&i| src[i] != dst[i]).collect();
        let pick = |v: &[String]| keep.iter().map(|&i| v[i].clone()).collect::<Vec<_>>();
        let (src, dst) = (pick(&src), pick(&dst));
        let times = Arc::new(TimestampSecondArray::from(
            (0..keep.len() as i64)
                .map(|i| 1_772_445_600 + 3_600 * i)
                .collect::<Vec<_>>(),
        ));
        let channel: ArrayRef = Arc::new(StringArray::from(vec!["email"; keep.len()]));
        let plain_batch = batch(vec![
            ("src", Arc::new(StringArray::from(src.clone()))),
            ("dst", Arc::new(StringArray::from(dst.clone()))),
            ("time", times.clone()),
            ("channel", channel.clone()),
        ]);
        // a dictionary that also holds values no row uses
        let dict = |v: &[String]| -> ArrayRef {
            let mut values: Vec<String> = (0..7_000).map(|i| format!("p{i}")).collect();
            values.push("nobody".into());
            let index: std::collections::HashMap<&str, i32> = values
                .iter()
                .enumerate()
                .map(|(i, s)| (s.as_str(), i as i32))
                .collect();
            let keys = Int32Array::from(v.iter().map(|s| index[s.as_str()]).collect::<Vec<_>>());
            Arc::new(
                DictionaryArray::<Int32Type>::try_new(keys, Arc::new(StringArray::from(values)))
                    .expect("valid"),
            )
        };
        let dict_batch = batch(vec![
            ("src", dict(&src)),
            ("dst", dict(&dst)),
            ("time", times),
            ("channel", channel),
        ]);
        let json = |b: &[RecordBatch]| {
            let mut g = RelationshipGraph::new();
            let report = g
                .add_interactions_arrow(b, &ArrowColumns::default(), OnError::Raise)
                .expect("loads");
            (report.added, report.new_people, graph_json(&g))
        };
        let (plain, dicts) = (
            json(std::slice::from_ref(&plain_batch)),
            json(std::slice::from_ref(&dict_batch)),
        );
        assert_eq!(plain.0, keep.len() as u64);
        assert!(plain.1 > 4_000, "{} people", plain.1);
        assert_eq!((plain.0, plain.1), (dicts.0, dicts.1));
        assert!(plain.2 == dicts.2, "the graphs differ");
        // batches that share the dictionary keep its ids from one to the
        // next; batches of 2,000 rows have more values than rows / 2, and
        // only the first one resolves them
        let len = dict_batch.num_rows();
        let slices: Vec<RecordBatch> = (0..len)
            .step_by(2_000)
            .map(|at| dict_batch.slice(at, 2_000.min(len - at)))
            .collect();
        assert!(
            json(&slices).2 == plain.2,
            "the graphs differ when the dictionary is shared"
        );
        // a second load into the graph resolves the values to the people it has
        let mut g = RelationshipGraph::new();
        g.add_interactions_arrow([&plain_batch], &ArrowColumns::default(), OnError::Raise)
            .expect("loads");
        let before = g.person_count();
        let report = g
            .add_interactions_arrow([&dict_batch], &ArrowColumns::default(), OnError::Raise)
            .expect("loads");
        assert_eq!((report.new_people, g.person_count()), (0, before));
        assert_eq!(g.interaction_count(), 2 * keep.len());
    }

    /// Nulls are read from the validity bitmap at the array's offset: a
    /// slice starting mid-byte must still find each null at its row.
    #[test]
    fn null_times_are_found_in_a_slice_that_starts_mid_byte() {
        let n = 40;
        let times: Vec<Option<i64>> = (0..n)
            .map(|i| (i % 7 != 3).then_some(1_772_445_600 + i as i64))
            .collect();
        let b = batch(vec![
            ("src", strs(&vec![Some("ana"); n])),
            ("dst", strs(&vec![Some("lee"); n])),
            ("time", Arc::new(TimestampSecondArray::from(times))),
            ("channel", strs(&vec![Some("email"); n])),
        ]);
        let slice = b.slice(5, 30);
        let mut g = RelationshipGraph::new();
        let report = g
            .add_interactions_arrow([slice], &ArrowColumns::default(), OnError::Skip)
            .expect("skips");
        let skipped: Vec<u64> = report.skipped.iter().map(|s| s.row).collect();
        // rows 10, 17, 24, 31 of the batch are 5, 12, 19, 26 of the slice
        assert_eq!(skipped, [5, 12, 19, 26]);
        assert_eq!(report.added, 26);
    }

    #[test]
    fn unknown_dictionary_channel_names_the_known_ones() {
        let channels: DictionaryArray<Int32Type> = vec!["email", "fax"].into_iter().collect();
        let b = batch(vec![
            ("src", strs(&[Some("ana"), Some("ana")])),
            ("dst", strs(&[Some("lee"), Some("lee")])),
            ("time", Arc::new(TimestampSecondArray::from(vec![0, 1]))),
            ("channel", Arc::new(channels)),
        ]);
        let mut g = RelationshipGraph::new();
        let err = g
            .add_interactions_arrow([b], &ArrowColumns::default(), OnError::Raise)
            .expect_err("fails");
        assert!(
            err.to_string()
                .starts_with(r#"row 1: unknown channel "fax"; known channels: in_person, event"#),
            "{err}"
        );
        assert_eq!(g.person_count(), 0);
    }

    #[test]
    fn a_bad_row_in_the_second_batch_leaves_the_graph_unchanged() {
        let mut g = RelationshipGraph::new();
        g.add_interactions_arrow(
            [emails(&[("ana", "lee")], &[100])],
            &ArrowColumns::default(),
            OnError::Raise,
        )
        .expect("first load");
        let before = g.clone();
        let b1 = emails(&[("ana", "bo"), ("bo", "kim")], &[200, 300]);
        let b2 = emails(&[("kim", "sam"), ("sam", "sam")], &[400, 500]);
        let err = g
            .add_interactions_arrow([b1, b2], &ArrowColumns::default(), OnError::Raise)
            .expect_err("fails");
        assert!(
            matches!(
                err,
                Error::Row {
                    row: 3,
                    line: None,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(matches!(err.root(), Error::SelfInteraction { key } if key == "sam"));
        assert_eq!(g, before);
        assert_eq!((g.person_count(), g.interaction_count()), (2, 1));
    }

    #[test]
    fn a_failed_push_names_nobody_past_its_bad_row() {
        // the staging names a block's new people on its own, before the
        // block is staged: it must stop where the load stops
        let mut g = RelationshipGraph::new();
        let mut loader = g.interaction_loader(&ArrowColumns::default(), OnError::Raise);
        let b = emails(&[("ana", "lee"), ("sam", "sam"), ("bo", "kim")], &[100, 200, 300]);
        let err = loader.push(&g, &b).expect_err("sam with sam");
        assert!(matches!(err, Error::Row { row: 1, .. }), "{err:?}");
        let report = loader.commit(&mut g).expect("the rows before it");
        assert_eq!((report.new_people, report.added), (2, 1));
        let mut keys: Vec<&str> = g.people().map(|p| p.key.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["ana", "lee"]);
    }

    #[test]
    fn skip_mode_reports_rows_counted_across_batches() {
        let b1 = batch(vec![
            ("src", strs(&[Some("ana"), None])),
            ("dst", strs(&[Some("lee"), Some("lee")])),
            (
                "time",
                Arc::new(TimestampSecondArray::from(vec![Some(10), Some(20)])),
            ),
            ("channel", strs(&[Some("email"), Some("email")])),
        ]);
        let b2 = batch(vec![
            ("src", strs(&[Some("lee"), Some("ana"), Some("ana"), Some("ana")])),
            ("dst", strs(&[Some("ana"), Some("lee"), Some("lee"), Some("lee")])),
            (
                "time",
                Arc::new(TimestampSecondArray::from(vec![
                    Some(30),
                    None,
                    Some(i64::MAX),
                    Some(40),
                ])),
            ),
            (
                "channel",
                strs(&[Some("email"), Some("email"), Some("email"), None]),
            ),
        ]);
        let mut g = RelationshipGraph::new();
        let report = g
            .add_interactions_arrow([b1, b2], &ArrowColumns::default(), OnError::Skip)
            .expect("skips");
        assert_eq!((report.rows, report.added), (6, 2));
        let skipped: Vec<_> = report
            .skipped
            .iter()
            .map(|s| (s.row, s.error.to_string()))
            .collect();
        assert_eq!(
            skipped,
            vec![
                (1, r#"empty person key in field "src""#.to_string()),
                (
                    3,
                    r#"invalid timestamp "null" in field "time": the time is missing"#.to_string()
                ),
                (
                    4,
                    r#"timestamp 9223372036854775807 s in field "time" is out of range"#.to_string()
                ),
                (
                    5,
                    r#"invalid value "null" in field "channel"; expected one of: a channel name"#.to_string()
                ),
            ]
        );
        assert!(matches!(
            report.skipped[2].error,
            Error::TimestampOutOfRange { .. }
        ));
        assert_eq!(g.tie("ana", "lee").expect("tie").len(), 2);
    }

    #[test]
    fn weights_and_durations_are_validated() {
        let b = batch(vec![
            (
                "src",
                Arc::new(StringViewArray::from(vec!["ana", "ana"])) as ArrayRef,
            ),
            ("dst", Arc::new(StringViewArray::from(vec!["lee", "lee"]))),
            ("time", Arc::new(TimestampSecondArray::from(vec![0, 1]))),
            ("channel", strs(&[Some("phone_call"), Some("phone_call")])),
            ("secs", Arc::new(Int64Array::from(vec![-5, 60]))),
            ("w", Arc::new(UInt8Array::from(vec![1, 3]))),
        ]);
        let cols = ArrowColumns {
            duration: Some("secs".into()),
            weight: Some("w".into()),
            ..ArrowColumns::default()
        };
        let mut g = RelationshipGraph::new();
        let report = g
            .add_interactions_arrow([&b], &cols, OnError::Skip)
            .expect("skips");
        assert!(matches!(
            &report.skipped[0].error,
            Error::InvalidDuration { field, value } if field == "secs" && *value == -5.0
        ));
        let it = g
            .tie("ana", "lee")
            .expect("tie")
            .interactions()
            .next()
            .expect("one");
        assert_eq!((it.duration, it.weight), (Some(60.0), 3.0));
    }

    #[test]
    fn missing_columns_list_the_available_ones() {
        let b = emails(&[("ana", "lee")], &[1]);
        let cols = ArrowColumns {
            weight: Some("strength".into()),
            ..ArrowColumns::default()
        };
        let err = RelationshipGraph::new()
            .add_interactions_arrow([b], &cols, OnError::Skip)
            .expect_err("fails");
        assert_eq!(
            err.to_string(),
            r#"missing column "strength"; available columns: src, dst, time, channel"#
        );
    }

    #[test]
    fn integers_are_not_times_and_wrong_types_are_named() {
        let g = RelationshipGraph::new();
        let schema = |time: DataType, src: DataType| {
            Arc::new(Schema::new(vec![
                Field::new("src", src, true),
                Field::new("dst", DataType::Utf8, true),
                Field::new("time", time, true),
                Field::new("channel", DataType::Utf8, true),
            ]))
        };
        let loader = g.interaction_loader(&ArrowColumns::default(), OnError::Raise);
        let err = loader
            .check_schema(&g, &schema(DataType::Int64, DataType::Utf8))
            .expect_err("fails");
        let Error::WrongColumnType {
            column,
            expected,
            found,
        } = &err
        else {
            panic!("{err:?}")
        };
        assert_eq!((column.as_str(), found.as_str()), ("time", "Int64"));
        assert!(expected.contains("explicit unit"), "{expected}");
        let err = loader
            .check_schema(&g, &schema(DataType::Date64, DataType::Binary))
            .expect_err("fails");
        assert!(matches!(err, Error::WrongColumnType { column, .. } if column == "src"));
        let zoned = DataType::Timestamp(ArrowUnit::Microsecond, Some("+02:00".into()));
        let dict = DataType::Dictionary(Box::new(DataType::Int8), Box::new(DataType::LargeUtf8));
        loader.check_schema(&g, &schema(zoned, dict)).expect("accepted");
    }

    #[test]
    fn a_loader_notices_people_added_while_it_stages() {
        let mut g = RelationshipGraph::new();
        let mut loader = g.interaction_loader(&ArrowColumns::default(), OnError::Raise);
        loader.push(&g, &emails(&[("ana", "lee")], &[1])).expect("push");
        g.add_person(crate::Person::new("bo")).expect("add");
        assert!(matches!(
            loader.commit(&mut g),
            Err(Error::InvalidArgument { .. })
        ));
        assert_eq!(g.interaction_count(), 0);
    }

    #[test]
    fn empty_dictionaries_are_all_null() {
        let keys = arrow_array::Int8Array::from(vec![None::<i8>]);
        let values: ArrayRef = Arc::new(StringArray::from(Vec::<&str>::new()));
        let src = DictionaryArray::<arrow_array::types::Int8Type>::try_new(keys, values).expect("dict");
        let b = batch(vec![
            ("src", Arc::new(src)),
            ("dst", strs(&[Some("lee")])),
            ("time", Arc::new(TimestampSecondArray::from(vec![1]))),
            ("channel", strs(&[Some("email")])),
        ]);
        let err = RelationshipGraph::new()
            .add_interactions_arrow([b], &ArrowColumns::default(), OnError::Raise)
            .expect_err("fails");
        assert!(matches!(err.root(), Error::EmptyKey { field } if field == "src"));
    }

    #[test]
    fn connections_load_with_kind_and_since() {
        let b = batch(vec![
            ("a", strs(&[Some("ana"), Some("lee"), Some("ana"), Some("bo")])),
            ("b", strs(&[Some("lee"), Some("ana"), Some("bo"), Some("kim")])),
            (
                "platform",
                strs(&[Some("x"), Some("x"), Some("linkedin"), Some("x")]),
            ),
            (
                "kind",
                strs(&[Some("follows"), Some("follows"), None, Some("friends")]),
            ),
            (
                "since",
                Arc::new(TimestampSecondArray::from(vec![
                    Some(86_400),
                    None,
                    Some(0),
                    Some(0),
                ])),
            ),
        ]);
        let cols = ConnectionColumns {
            kind: Some("kind".into()),
            since: Some("since".into()),
            ..ConnectionColumns::default()
        };
        let mut g = RelationshipGraph::new();
        let report = g
            .add_connections_arrow([&b], &cols, OnError::Skip)
            .expect("skips");
        // both rows added are the one pair, one follow each way
        assert_eq!(
            (report.rows, report.added, report.new_people, report.ties_touched),
            (4, 2, 2, 1)
        );
        let skipped: Vec<_> = report
            .skipped
            .iter()
            .map(|s| (s.row, s.error.to_string()))
            .collect();
        assert_eq!(
            skipped,
            vec![
                (
                    2,
                    r#"invalid value "null" in field "kind"; expected one of: mutual, follows"#.into()
                ),
                (
                    3,
                    r#"invalid value "friends" in field "kind"; expected one of: mutual, follows"#.into()
                ),
            ]
        );
        let conns: Vec<_> = g.tie("ana", "lee").expect("tie").connections().collect();
        assert_eq!(conns.len(), 2);
        assert!(conns.contains(&Connection::follows("ana", "lee", "x").since(ts(1970, 1, 2, 0, 0, 0))));
        assert!(conns.contains(&Connection::follows("lee", "ana", "x")));

        let err = RelationshipGraph::new()
            .add_connections_arrow([&b], &cols, OnError::Raise)
            .expect_err("fails");
        assert_eq!(
            err.to_string(),
            r#"row 2: invalid value "null" in field "kind"; expected one of: mutual, follows"#
        );
    }

    /// The keys, channels, weights and durations the proptest below draws
    /// from: every rule a row has broken, channel names of four to sixteen
    /// bytes, one the prefix of another, and two keys whose first eight
    /// bytes (the head that orders keys before their bytes are compared)
    /// are the same.
    const KEYS: [&str; 9] = [
        "",
        "a",
        "b",
        "ab",
        "é",
        "a key well past sixteen bytes",
        "a key well",
        // the longest key a view holds, and one a view points to
        "twelve bytes",
        "fourteen bytes",
    ];
    const CHANNELS: [&str; 7] = [
        "email",
        "in_person",
        "direct_message",
        "public_reply",
        "reaction",
        "emai",
        "sixteen_bytes_ch",
    ];
    const WEIGHTS: [f64; 6] = [1.0, 0.0, 2.5, -1.0, f64::NAN, f64::INFINITY];
    const DURATIONS: [Option<f64>; 7] = [
        None,
        Some(0.0),
        Some(30.4),
        Some(-1.0),
        Some(f64::NAN),
        Some(f64::INFINITY),
        Some(1e12),
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// A load from Arrow checks rows in parallel blocks, by its own
        /// column readers, and names people after the check: whatever
        /// rule a row breaks, it must skip the same rows, with the same
        /// errors, and make the same graph as one row at a time.
        #[test]
        fn arrow_loads_accept_and_reject_rows_like_one_row_at_a_time(
            rows in proptest::collection::vec((0..9usize, 0..9usize, 0..7usize, 0..6usize, 0..7usize), 1..300),
            channel_layout in 0..3usize,
            key_layout in 0..4usize,
        ) {
            let mut g = RelationshipGraph::new();
            let long = crate::Channel::new("sixteen_bytes_ch", crate::Mode::Online, crate::ChannelClass::PrivateWritten, 0.2);
            g.register_channel(long).expect("registers");
            let mut one = g.clone();
            let secs = |i: usize| 1_772_445_600 + 3_600 * i as i64;
            let pick = |r: &(usize, usize, usize, usize, usize)| {
                (KEYS[r.0], KEYS[r.1], CHANNELS[r.2], WEIGHTS[r.3], DURATIONS[r.4])
            };
            let strs = |values: Vec<&str>, dictionary: bool| -> ArrayRef {
                if dictionary {
                    Arc::new(values.into_iter().collect::<DictionaryArray<Int32Type>>())
                } else {
                    Arc::new(StringArray::from(values))
                }
            };
            // keys in every layout a key column takes: each plain one has
            // a reader of its own
            let keys = |values: Vec<&str>| -> ArrayRef {
                match key_layout {
                    0 => Arc::new(StringArray::from(values)),
                    1 => Arc::new(LargeStringArray::from(values)),
                    2 => Arc::new(StringViewArray::from(values)),
                    _ => strs(values, true),
                }
            };
            // each load reads the rows twice, in two batches whose
            // dictionaries are equal but apart in memory: the second batch
            // takes the ids the first one's dictionary was given and learned
            let arrow = || batch(vec![
                ("src", keys(rows.iter().map(|r| pick(r).0).collect())),
                ("dst", keys(rows.iter().map(|r| pick(r).1).collect())),
                ("time", Arc::new(TimestampSecondArray::from((0..rows.len()).map(secs).collect::<Vec<_>>()))),
                ("channel", {
                    let names: Vec<&str> = rows.iter().map(|r| pick(r).2).collect();
                    match channel_layout {
                        0 => strs(names, false),
                        1 => Arc::new(StringViewArray::from(names)) as ArrayRef,
                        _ => strs(names, true),
                    }
                }),
                ("weight", Arc::new(arrow_array::Float64Array::from_iter_values(rows.iter().map(|r| pick(r).3)))),
                ("duration", Arc::new(rows.iter().map(|r| pick(r).4).collect::<arrow_array::Float64Array>())),
            ]);
            let batches = [arrow(), arrow()];
            let cols = ArrowColumns {
                duration: Some("duration".into()),
                weight: Some("weight".into()),
                ..ArrowColumns::default()
            };
            // twice: the second load finds its people in the graph, the
            // first names them as it goes
            let mut got = LoadReport::default();
            for _ in 0..2 {
                got = g.add_interactions_arrow(&batches, &cols, OnError::Skip).expect("skips");
            }
            let interactions = || rows.iter().enumerate().chain(rows.iter().enumerate()).map(|(i, r)| {
                let (src, dst, channel, weight, duration) = pick(r);
                let at = chrono::DateTime::from_timestamp(secs(i), 0).expect("valid");
                let it = crate::Interaction::new(src, dst, at, channel).with_weight(weight);
                match duration {
                    Some(d) => it.with_duration(d),
                    None => it,
                }
            });
            let mut want = LoadReport::default();
            for _ in 0..2 {
                want = one.add_interactions_with(interactions(), OnError::Skip).expect("skips");
            }
            let skipped = |r: &LoadReport| {
                r.skipped.iter().map(|s| (s.row, s.error.to_string())).collect::<Vec<_>>()
            };
            proptest::prop_assert_eq!(skipped(&got), skipped(&want));
            proptest::prop_assert_eq!((got.rows, got.added, got.new_people), (want.rows, want.added, want.new_people));
            proptest::prop_assert_eq!(graph_json(&g), graph_json(&one));
            // each tie oriented by key, with the same log, in the same order
            let ties = |g: &RelationshipGraph| {
                g.ties
                    .iter()
                    .flatten()
                    .map(|t| (g.key(t.a).to_string(), g.key(t.b).to_string(), t.log.clone()))
                    .collect::<Vec<_>>()
            };
            let ties = (ties(&g), ties(&one));
            proptest::prop_assert!(ties.0.iter().all(|(a, b, _)| a < b));
            proptest::prop_assert_eq!(ties.0, ties.1);
        }
    }
}
