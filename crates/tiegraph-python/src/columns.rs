//! Arrow record batches from slices of core rows, one column per field.
//!
//! Every analytics table is written as a list of columns, each a name and
//! a closure that reads one field of a row: each array is filled once,
//! straight into its buffers or through a builder sized up front, and
//! never touches Python, so it runs inside `Graph::read` detached from
//! the interpreter.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use arrow_buffer::{Buffer, OffsetBuffer, ScalarBuffer};
use rayon::prelude::*;

use chrono::{DateTime, Utc};
use tiegraph::arrow_array::builder::{Float64Builder, ListBuilder, StringBuilder, StructBuilder};
use tiegraph::arrow_array::{
    ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray, TimestampMicrosecondArray,
    UInt32Array,
};
use tiegraph::arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use tiegraph::{Contributor, Error};

/// An Arrow error as a core error (the batches built here cannot fail
/// unless a column is given the wrong length, which is a bug).
pub fn arrow_error(e: tiegraph::arrow_schema::ArrowError) -> Error {
    Error::Io {
        path: "<arrow table>".into(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// A column's name: a literal, or made from a prefix.
type Name = Cow<'static, str>;

/// The columns of a table over `rows`, in the order they are added.
pub struct Columns<'r, T> {
    rows: &'r [T],
    /// Each column's name and whether it may hold nulls; its type is its
    /// array's.
    names: Vec<(Name, bool)>,
    arrays: Vec<ArrayRef>,
}

/// The fields of a `(person, value)` pair: a contributor to a score.
fn contributor_fields() -> Fields {
    Fields::from(vec![
        Field::new("person", DataType::Utf8, false),
        Field::new("value", DataType::Float64, false),
    ])
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl<'r, T> Columns<'r, T> {
    pub fn new(rows: &'r [T]) -> Self {
        Columns {
            rows,
            names: Vec::with_capacity(8),
            arrays: Vec::with_capacity(8),
        }
    }

    fn push(mut self, name: impl Into<Name>, nullable: bool, array: ArrayRef) -> Self {
        self.names.push((name.into(), nullable));
        self.arrays.push(array);
        self
    }

    /// A string column (keys, states, categories, reasons).
    pub fn str(self, name: impl Into<Name>, f: impl Fn(&T) -> &str) -> Self {
        // straight into the array's buffers: a builder's `finish` goes
        // through `ArrayData` and allocates a fresh buffer for the builder
        // it resets, a fixed cost per column that a 10-row result paid on
        // every call
        let array = Arc::new(StringArray::from_iter_values(self.rows.iter().map(f)));
        self.push(name, false, array)
    }

    /// A string column of many rows, built on all cores: each block of
    /// rows writes its strings on its own, and the blocks are then joined
    /// in order. `strongest_ties_all` on W1's 10M (a million rows, two
    /// key columns) spent about 25 ms on one core in its columns while
    /// the other waited: each row's key is behind two pointers, the
    /// person's and the string's, which are cache misses for the `other`
    /// column.
    pub fn par_str(self, name: impl Into<Name>, f: impl Fn(&T) -> &str + Sync) -> Self
    where
        T: Sync,
    {
        const BLOCK: usize = 1 << 15;
        if self.rows.len() < 2 * BLOCK {
            return self.str(name, f);
        }
        // each block's bytes and the end of each of its strings in them
        let blocks: Vec<(Vec<u8>, Vec<usize>)> = self
            .rows
            .par_chunks(BLOCK)
            .map(|rows| {
                let mut bytes = Vec::with_capacity(16 * rows.len());
                let ends = rows
                    .iter()
                    .map(|r| {
                        bytes.extend_from_slice(f(r).as_bytes());
                        bytes.len()
                    })
                    .collect();
                (bytes, ends)
            })
            .collect();
        let total: usize = blocks.iter().map(|(bytes, _)| bytes.len()).sum();
        if i32::try_from(total).is_err() {
            // more than a 32-bit offset can reach: the builder's own error
            return self.str(name, f);
        }
        let mut values = Vec::with_capacity(total);
        let mut offsets = Vec::with_capacity(self.rows.len() + 1);
        offsets.push(0i32);
        for (bytes, ends) in blocks {
            let base = values.len();
            values.extend_from_slice(&bytes);
            // below i32::MAX: checked on the total above
            offsets.extend(ends.iter().map(|end| (base + end) as i32));
        }
        let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
        let array = StringArray::try_new(offsets, Buffer::from_vec(values), None).map(Arc::new);
        match array {
            Ok(array) => self.push(name, false, array),
            // the strings are whole `&str`s: not reached
            Err(_) => self.str(name, f),
        }
    }

    /// A string column with nulls.
    pub fn opt_str(self, name: impl Into<Name>, f: impl Fn(&T) -> Option<&str>) -> Self {
        let array = Arc::new(self.rows.iter().map(f).collect::<StringArray>());
        self.push(name, true, array)
    }

    /// A float64 column.
    pub fn f64(self, name: impl Into<Name>, f: impl Fn(&T) -> f64) -> Self {
        let array = Arc::new(Float64Array::from_iter_values(self.rows.iter().map(f)));
        self.push(name, false, array)
    }

    /// A float64 column with nulls.
    pub fn opt_f64(self, name: impl Into<Name>, f: impl Fn(&T) -> Option<f64>) -> Self {
        let array = Arc::new(self.rows.iter().map(f).collect::<Float64Array>());
        self.push(name, true, array)
    }

    /// A uint32 column: ranks and numbers from 1 (layers, communities).
    pub fn rank(self, name: impl Into<Name>, f: impl Fn(&T) -> usize) -> Self {
        let array = Arc::new(UInt32Array::from_iter_values(
            self.rows.iter().map(|r| to_u32(f(r))),
        ));
        self.push(name, false, array)
    }

    /// An int64 column: counts and sizes.
    pub fn count(self, name: impl Into<Name>, f: impl Fn(&T) -> usize) -> Self {
        let array = Arc::new(Int64Array::from_iter_values(
            self.rows.iter().map(|r| to_i64(f(r))),
        ));
        self.push(name, false, array)
    }

    /// A bool column.
    pub fn bool(self, name: impl Into<Name>, f: impl Fn(&T) -> bool) -> Self {
        let array = Arc::new(BooleanArray::from_iter(self.rows.iter().map(|r| Some(f(r)))));
        self.push(name, false, array)
    }

    /// A `timestamp[us, UTC]` column.
    pub fn time(self, name: impl Into<Name>, f: impl Fn(&T) -> DateTime<Utc>) -> Self {
        let array =
            TimestampMicrosecondArray::from_iter_values(self.rows.iter().map(|r| f(r).timestamp_micros()))
                .with_timezone("UTC");
        self.push(name, false, Arc::new(array))
    }

    /// A `timestamp[us, UTC]` column with nulls.
    pub fn opt_time(self, name: impl Into<Name>, f: impl Fn(&T) -> Option<DateTime<Utc>>) -> Self {
        let array = self
            .rows
            .iter()
            .map(|r| f(r).map(|t| t.timestamp_micros()))
            .collect::<TimestampMicrosecondArray>()
            .with_timezone("UTC");
        self.push(name, true, Arc::new(array))
    }

    /// A `list<string>` column (channel names).
    pub fn strs(self, name: impl Into<Name>, f: impl Fn(&T) -> &[&str]) -> Self {
        let items = self.rows.iter().map(|r| f(r).len()).sum();
        let bytes = self
            .rows
            .iter()
            .map(|r| f(r).iter().map(|s| s.len()).sum::<usize>())
            .sum();
        let mut b = ListBuilder::with_capacity(StringBuilder::with_capacity(items, bytes), self.rows.len())
            .with_field(Field::new("item", DataType::Utf8, false));
        for r in self.rows {
            for s in f(r) {
                b.values().append_value(s);
            }
            b.append(true);
        }
        let array = Arc::new(b.finish());
        self.push(name, false, array)
    }

    /// A `list<struct<person: string, value: float64>>` column: the people
    /// behind a score and what each adds.
    pub fn contributors(self, name: impl Into<Name>, f: impl Fn(&T) -> &[Contributor<'_>]) -> Self {
        let items = self.rows.iter().map(|r| f(r).len()).sum();
        let values = StructBuilder::new(
            contributor_fields(),
            vec![
                Box::new(StringBuilder::with_capacity(items, 8 * items)),
                Box::new(Float64Builder::with_capacity(items)),
            ],
        );
        let mut b = ListBuilder::with_capacity(values, self.rows.len()).with_field(Field::new(
            "item",
            DataType::Struct(contributor_fields()),
            false,
        ));
        for r in self.rows {
            for c in f(r) {
                let s = b.values();
                if let Some(keys) = s.field_builder::<StringBuilder>(0) {
                    keys.append_value(&c.person.key);
                }
                if let Some(vals) = s.field_builder::<Float64Builder>(1) {
                    vals.append_value(c.value);
                }
                s.append(true);
            }
            b.append(true);
        }
        let array = Arc::new(b.finish());
        self.push(name, false, array)
    }

    /// The record batch.
    pub fn finish(self) -> tiegraph::Result<RecordBatch> {
        let schema = self.schema();
        RecordBatch::try_new(schema, self.arrays).map_err(arrow_error)
    }

    /// Like [`finish`](Self::finish), with the schema made once per call
    /// site and kept in `schema`: `strongest_ties` of a person with one
    /// tie, about 2 µs from Python, spent a sixth of it building the same
    /// fields and schema on every call, and more freeing them. The batch
    /// still checks its columns against the schema kept.
    pub fn finish_cached(self, schema: &OnceLock<SchemaRef>) -> tiegraph::Result<RecordBatch> {
        let schema = Arc::clone(schema.get_or_init(|| self.schema()));
        RecordBatch::try_new(schema, self.arrays).map_err(arrow_error)
    }

    fn schema(&self) -> SchemaRef {
        let fields: Vec<Field> = self
            .names
            .iter()
            .zip(&self.arrays)
            .map(|((name, nullable), array)| Field::new(name.as_ref(), array.data_type().clone(), *nullable))
            .collect();
        Arc::new(Schema::new(fields))
    }
}
