//! Typed access to the columns of one record batch: strings of any layout
//! (dictionaries resolved once per batch), times as seconds, numbers as `f64`.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, DurationMicrosecondType, DurationMillisecondType, DurationNanosecondType,
    DurationSecondType, Float16Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType,
    UInt8Type, UInt16Type, UInt32Type, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, Float64Array, GenericStringArray, LargeStringArray, OffsetSizeTrait, RecordBatch,
    StringArray, StringViewArray,
};
use arrow_buffer::NullBuffer;
use arrow_schema::{DataType, TimeUnit as ArrowUnit};

use crate::error::{Error, Result};
use crate::graph::RelationshipGraph;
use crate::io::csv::time_in_range;
use crate::model::ChannelId;

/// What the string accessor promises, for type errors.
const STRINGS: &str = "Utf8, LargeUtf8, Utf8View or a Dictionary of them";
const NUMBERS: &str = "an integer or float column";
const DURATIONS: &str = "Duration (any unit), or an integer or float column of seconds";

fn wrong_type(column: &str, expected: &str, found: &DataType) -> Error {
    Error::WrongColumnType {
        column: column.to_string(),
        expected: expected.to_string(),
        found: found.to_string(),
    }
}

pub(super) fn column<'b>(batch: &'b RecordBatch, name: &str) -> Result<&'b dyn Array> {
    batch
        .column_by_name(name)
        .map(|a| a.as_ref())
        .ok_or_else(|| Error::MissingColumn {
            column: name.to_string(),
            available: batch
                .schema_ref()
                .fields()
                .iter()
                .map(|f| f.name().clone())
                .collect(),
        })
}

/// A string column of any of the accepted layouts.
pub(super) enum Strs<'b> {
    Utf8(&'b StringArray),
    Large(&'b LargeStringArray),
    View(&'b StringViewArray),
    /// A dictionary: each row's key into `values`, resolved once per batch.
    /// `keys` is empty when the dictionary has no values (every row null).
    Dict {
        keys: Vec<usize>,
        /// Which rows are null, when any are: read directly, not through
        /// the key array's dynamic `is_null`.
        key_nulls: Option<&'b NullBuffer>,
        values: Vec<Option<&'b str>>,
        /// The dictionary itself, to tell when batches share it.
        dictionary: ArrayRef,
    },
}

impl<'b> Strs<'b> {
    fn plain(array: &'b dyn Array) -> Option<Strs<'b>> {
        match array.data_type() {
            DataType::Utf8 => Some(Strs::Utf8(array.as_string::<i32>())),
            DataType::LargeUtf8 => Some(Strs::Large(array.as_string::<i64>())),
            DataType::Utf8View => Some(Strs::View(array.as_string_view())),
            _ => None,
        }
    }

    pub(super) fn new(array: &'b dyn Array, column: &str) -> Result<Strs<'b>> {
        if let Some(s) = Strs::plain(array) {
            return Ok(s);
        }
        let bad = || wrong_type(column, STRINGS, array.data_type());
        let DataType::Dictionary(_, _) = array.data_type() else {
            return Err(bad());
        };
        let dict = array.as_any_dictionary_opt().ok_or_else(bad)?;
        let values = Strs::plain(dict.values().as_ref()).ok_or_else(bad)?;
        let n = dict.values().len();
        let values: Vec<Option<&'b str>> = (0..n).map(|i| values.get(i)).collect();
        // `normalized_keys` needs at least one value; with none, every row is null.
        let keys = if n == 0 {
            Vec::new()
        } else {
            dict.normalized_keys()
        };
        Ok(Strs::Dict {
            keys,
            key_nulls: dict.keys().nulls(),
            values,
            dictionary: dict.values().clone(),
        })
    }

    pub(super) fn get(&self, i: usize) -> Option<&'b str> {
        match self {
            Strs::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Strs::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strs::View(a) => a.is_valid(i).then(|| a.value(i)),
            Strs::Dict { values, .. } => self.dict_key(i).and_then(|k| values[k]),
        }
    }

    /// Row `i`'s string as the 16 bytes from its start and its length,
    /// when the column's data holds 16 bytes from there (all but the last
    /// rows of a plain column), and the row is not null.
    ///
    /// Always inlined, as are [`Times::get_plain`] and [`Nums::get`]: the
    /// check calls each on every row, and out of line each call passed its
    /// result through memory (callgrind, W1 at 1M rows: 41 instructions a
    /// row fewer, about 3% of the load and top ten).
    #[inline(always)]
    pub(super) fn window(&self, i: usize) -> Option<([u8; 16], usize)> {
        fn of(values: &[u8], start: usize, end: usize) -> Option<([u8; 16], usize)> {
            let window = values.get(start..start + 16)?;
            Some((window.try_into().ok()?, end - start))
        }
        match self {
            Strs::Utf8(a) if a.is_valid(i) => {
                let o = a.value_offsets();
                of(a.values(), o[i] as usize, o[i + 1] as usize)
            }
            Strs::Large(a) if a.is_valid(i) => {
                let o = a.value_offsets();
                of(a.values(), o[i] as usize, o[i + 1] as usize)
            }
            Strs::View(a) if a.is_valid(i) => view_window(a, i),
            _ => None,
        }
    }

    /// Asks for the bytes of row `i`'s string in a plain column, to be
    /// read some rows later.
    #[inline]
    pub(super) fn prefetch(&self, i: usize) {
        fn at<O: OffsetSizeTrait>(a: &GenericStringArray<O>, i: usize) {
            let start = a.value_offsets().get(i).and_then(|o| o.to_usize());
            if let Some(b) = start.and_then(|s| a.values().get(s)) {
                crate::flat::prefetch(b);
            }
        }
        match self {
            Strs::Utf8(a) => at(a, i),
            Strs::Large(a) => at(a, i),
            _ => {}
        }
    }

    /// How often [`prefetch`](Self::prefetch) needs asking for a run of
    /// rows to have each cache line of their bytes asked for: a mask, row
    /// `i` asks when `i & mask == 0`; `None` for a column whose bytes are
    /// not read in order (a view or a dictionary), which it never asks for.
    ///
    /// Rows whose strings take 16 bytes or fewer on average need asking
    /// for one row in four, or fewer, to reach every line (every one when
    /// their lengths are even; the hardware prefetcher takes the rest):
    /// W1's keys take 8 bytes, its channel names 5 to 14, and asking for
    /// every row took 65 of the check's 360 instructions a row in its
    /// main loop (callgrind, W1 at 300,000 rows).
    pub(super) fn prefetch_mask(&self) -> Option<usize> {
        /// A cache line.
        const LINE: usize = 64;
        let (bytes, rows) = self.offset_bytes()?;
        // the largest power of two of rows whose bytes fit in a line, on
        // average, at most 8
        let per_line = (LINE * rows.max(1)) / bytes.max(1);
        Some((1usize << per_line.clamp(1, 8).ilog2()) - 1)
    }

    /// The bytes of all the column's strings and its number of rows, for a
    /// column whose offsets tell them at once (`Utf8`, `LargeUtf8`); what
    /// null rows hold (usually nothing) counts too.
    pub(super) fn offset_bytes(&self) -> Option<(usize, usize)> {
        fn of<O: OffsetSizeTrait>(a: &GenericStringArray<O>) -> (usize, usize) {
            let o = a.value_offsets();
            ((o[o.len() - 1] - o[0]).as_usize(), a.len())
        }
        match self {
            Strs::Utf8(a) => Some(of(a)),
            Strs::Large(a) => Some(of(a)),
            _ => None,
        }
    }

    /// The dictionary's key of row `i`, when the column is a dictionary and
    /// the row is not null.
    pub(super) fn dict_key(&self, i: usize) -> Option<usize> {
        match self {
            Strs::Dict { keys, key_nulls, .. } if !key_nulls.is_some_and(|n| n.is_null(i)) => {
                keys.get(i).copied()
            }
            _ => None,
        }
    }

    /// The dictionary of a dictionary column, and its values.
    pub(super) fn dictionary(&self) -> Option<(&ArrayRef, &[Option<&'b str>])> {
        match self {
            Strs::Dict {
                dictionary, values, ..
            } => Some((dictionary, values)),
            _ => None,
        }
    }

    /// For a dictionary column of channel names: each name's channel id
    /// (`None` for unknown names and nulls), looked up once per batch.
    pub(super) fn channel_ids(&self, graph: &RelationshipGraph) -> Vec<Option<ChannelId>> {
        match self {
            Strs::Dict { values, .. } => values
                .iter()
                .map(|v| v.and_then(|name| graph.channels.id(name).ok()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// [`Strs::window`] of row `i` of a view column: a string of up to 12
/// bytes is in its view (the length in the low 32 bits, then the bytes,
/// zero-padded); a longer one in a data buffer, which the view names with
/// the string's offset in it.
#[inline(always)]
fn view_window(a: &StringViewArray, i: usize) -> Option<([u8; 16], usize)> {
    let view = a.views()[i];
    let n = view as u32 as usize;
    if n <= 12 {
        return Some(((view >> 32).to_le_bytes(), n));
    }
    let (buffer, offset) = ((view >> 64) as u32 as usize, (view >> 96) as u32 as usize);
    let window = a
        .data_buffers()
        .get(buffer)?
        .as_slice()
        .get(offset..offset + 16)?;
    Some((window.try_into().ok()?, n))
}

/// A time column, as seconds since the epoch.
pub(super) struct Times<'b> {
    values: TimeValues<'b>,
    /// Which rows are null, when any are: read directly, not through the
    /// array's dynamic `is_null`.
    nulls: Option<&'b NullBuffer>,
}

/// A unit per variant, so that each division is by a constant (a multiply,
/// not a `div` instruction, on every row).
enum TimeValues<'b> {
    Seconds(&'b [i64]),
    Millis(&'b [i64], &'static str),
    Micros(&'b [i64]),
    Nanos(&'b [i64]),
    /// Days since the epoch (Date32).
    Days(&'b [i32]),
}

impl<'b> Times<'b> {
    pub(super) fn new(array: &'b dyn Array, column: &str) -> Result<Times<'b>> {
        let values = match array.data_type() {
            DataType::Timestamp(ArrowUnit::Second, _) => {
                TimeValues::Seconds(array.as_primitive::<TimestampSecondType>().values())
            }
            DataType::Timestamp(ArrowUnit::Millisecond, _) => {
                TimeValues::Millis(array.as_primitive::<TimestampMillisecondType>().values(), "ms")
            }
            DataType::Timestamp(ArrowUnit::Microsecond, _) => {
                TimeValues::Micros(array.as_primitive::<TimestampMicrosecondType>().values())
            }
            DataType::Timestamp(ArrowUnit::Nanosecond, _) => {
                TimeValues::Nanos(array.as_primitive::<TimestampNanosecondType>().values())
            }
            DataType::Date64 => {
                TimeValues::Millis(array.as_primitive::<Date64Type>().values(), "ms (Date64)")
            }
            DataType::Date32 => TimeValues::Days(array.as_primitive::<Date32Type>().values()),
            other => {
                let hint = if other.is_integer() || other.is_floating() {
                    "; numbers are never guessed to be seconds or milliseconds: \
                     convert them to a timestamp with an explicit unit first"
                } else {
                    ""
                };
                return Err(wrong_type(
                    column,
                    &format!("Timestamp (any unit, with or without time zone), Date32 or Date64{hint}"),
                    other,
                ));
            }
        };
        Ok(Times {
            values,
            nulls: array.nulls(),
        })
    }

    fn is_null(&self, i: usize) -> bool {
        self.nulls.is_some_and(|n| n.is_null(i))
    }

    pub(super) fn get(&self, i: usize, field: &str) -> Result<i64> {
        if let Some(s) = self.get_plain(i) {
            return Ok(s);
        }
        if self.is_null(i) {
            return Err(Error::InvalidTimestamp {
                field: field.to_string(),
                value: "null".to_string(),
                reason: "the time is missing".to_string(),
            });
        }
        // out of range: the error names the value as the column holds it
        let value = match self.values {
            TimeValues::Seconds(v) => format!("{} s", v[i]),
            TimeValues::Millis(v, unit) => format!("{} {unit}", v[i]),
            TimeValues::Micros(v) => format!("{} us", v[i]),
            TimeValues::Nanos(v) => format!("{} ns", v[i]),
            TimeValues::Days(d) => format!("{} days (Date32)", d[i]),
        };
        Err(Error::TimestampOutOfRange {
            field: field.to_string(),
            value,
        })
    }

    /// The time of row `i` in seconds, floored, when it is there and in
    /// range; `None` otherwise, without building an error.
    #[inline(always)]
    pub(super) fn get_plain(&self, i: usize) -> Option<i64> {
        if self.is_null(i) {
            return None;
        }
        let s = match self.values {
            TimeValues::Seconds(v) => v[i],
            TimeValues::Millis(v, _) => v[i].div_euclid(1_000),
            TimeValues::Micros(v) => v[i].div_euclid(1_000_000),
            TimeValues::Nanos(v) => v[i].div_euclid(1_000_000_000),
            TimeValues::Days(d) => i64::from(d[i]) * 86_400,
        };
        time_in_range(s).then_some(s)
    }

    /// Like [`get`](Self::get), with null meaning no time.
    pub(super) fn get_opt(&self, i: usize, field: &str) -> Result<Option<i64>> {
        if self.is_null(i) {
            return Ok(None);
        }
        self.get(i, field).map(Some)
    }
}

/// A numeric column read as `f64` (durations in seconds): `Float64`, the
/// common case, read directly; any other type through a closure.
pub(super) enum Nums<'b> {
    F64(&'b Float64Array),
    Other(Box<dyn Fn(usize) -> Option<f64> + Send + Sync + 'b>),
}

impl Nums<'_> {
    #[inline(always)]
    pub(super) fn get(&self, i: usize) -> Option<f64> {
        match self {
            Nums::F64(a) => a.is_valid(i).then(|| a.value(i)),
            Nums::Other(f) => f(i),
        }
    }
}

pub(super) fn numbers<'b>(array: &'b dyn Array, column: &str, durations: bool) -> Result<Nums<'b>> {
    macro_rules! read {
        ($t:ty, $scale:expr) => {{
            let a = array.as_primitive::<$t>();
            Nums::Other(Box::new(move |i| {
                a.is_valid(i).then(|| a.value(i) as f64 / $scale)
            }))
        }};
    }
    Ok(match array.data_type() {
        DataType::Int8 => read!(Int8Type, 1.0),
        DataType::Int16 => read!(Int16Type, 1.0),
        DataType::Int32 => read!(Int32Type, 1.0),
        DataType::Int64 => read!(Int64Type, 1.0),
        DataType::UInt8 => read!(UInt8Type, 1.0),
        DataType::UInt16 => read!(UInt16Type, 1.0),
        DataType::UInt32 => read!(UInt32Type, 1.0),
        DataType::UInt64 => read!(UInt64Type, 1.0),
        DataType::Float16 => {
            let a = array.as_primitive::<Float16Type>();
            Nums::Other(Box::new(move |i| a.is_valid(i).then(|| a.value(i).to_f64())))
        }
        DataType::Float32 => read!(Float32Type, 1.0),
        DataType::Float64 => Nums::F64(array.as_primitive::<Float64Type>()),
        DataType::Duration(unit) if durations => match unit {
            ArrowUnit::Second => read!(DurationSecondType, 1.0),
            ArrowUnit::Millisecond => read!(DurationMillisecondType, 1e3),
            ArrowUnit::Microsecond => read!(DurationMicrosecondType, 1e6),
            ArrowUnit::Nanosecond => read!(DurationNanosecondType, 1e9),
        },
        other => {
            let expected = if durations { DURATIONS } else { NUMBERS };
            return Err(wrong_type(column, expected, other));
        }
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{DictionaryArray, LargeStringArray, StringViewArray, types::Int32Type};

    use super::*;

    fn mask_of(array: &dyn Array) -> Option<usize> {
        Strs::new(array, "k").expect("a string column").prefetch_mask()
    }

    #[test]
    fn rows_ask_for_their_bytes_about_once_a_cache_line() {
        let of_len = |n: usize, rows: usize| StringArray::from(vec!["x".repeat(n); rows]);
        // eight bytes a row: a line holds eight rows
        assert_eq!(mask_of(&of_len(8, 100)), Some(7));
        // fewer bytes still ask every eighth row at most
        assert_eq!(mask_of(&of_len(1, 100)), Some(7));
        assert_eq!(mask_of(&of_len(14, 100)), Some(3));
        assert_eq!(mask_of(&of_len(16, 100)), Some(3));
        assert_eq!(mask_of(&of_len(17, 100)), Some(1));
        assert_eq!(mask_of(&of_len(40, 100)), Some(0));
        assert_eq!(mask_of(&of_len(200, 100)), Some(0));
        assert_eq!(mask_of(&of_len(8, 0)), Some(7));
        // a slice counts its own bytes only
        let mixed = StringArray::from(vec!["x".repeat(100), "y".repeat(8), "z".repeat(8)]);
        assert_eq!(mask_of(&mixed.slice(1, 2)), Some(7));
        assert_eq!(mask_of(&mixed), Some(0));
        let large = LargeStringArray::from(vec!["x".repeat(16); 10]);
        assert_eq!(mask_of(&large), Some(3));
        // views and dictionaries are not read in order: never asked for
        assert_eq!(mask_of(&StringViewArray::from(vec!["ab"; 10])), None);
        let dict: DictionaryArray<Int32Type> = vec!["a", "b", "a"].into_iter().collect();
        assert_eq!(mask_of(&(Arc::new(dict) as ArrayRef)), None);
    }
}
