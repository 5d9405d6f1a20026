//! `tg.Table`: results as Arrow record batches built in Rust.
//!
//! Every bulk result (the tie table, a timeline, and the analytics to come)
//! is a schema and a list of record batches; Python reads it through the
//! Arrow PyCapsule interface (`__arrow_c_stream__`), so pyarrow, polars,
//! pandas and DuckDB take it without a per-row Python object. The batches
//! are immutable and shared, so handing out a stream copies nothing.

use std::sync::Arc;

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use pyo3_arrow::ffi::{ArrayIterator, to_schema_pycapsule, to_stream_pycapsule};
use tiegraph::Error;
use tiegraph::arrow_array::{ArrayRef, RecordBatch, StructArray};
use tiegraph::arrow_schema::{Field, SchemaRef};

use crate::errors::err;

/// A table of results: Arrow record batches built in Rust.
///
/// It speaks the Arrow PyCapsule interface, so ``pyarrow.table(t)``,
/// ``polars.DataFrame(t)``, DuckDB and pandas (>= 2.2, through pyarrow)
/// read it without a copy; :meth:`to_arrow`, :meth:`to_pandas` and
/// :meth:`to_polars` do that for you.
///
/// Examples
/// --------
/// >>> import datetime as dt
/// >>> g = Graph()
/// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
/// >>> t = g.ties(as_of=dt.datetime(2026, 3, 10))
/// >>> (t.num_rows, t.column_names[:3])
/// (1, ['a', 'b', 'strength'])
/// >>> t.to_arrow().column("b").to_pylist()
/// ['lee']
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "Table")]
pub struct Table {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

impl Table {
    /// A table of one batch.
    pub fn from_batch(batch: RecordBatch) -> Table {
        Table {
            schema: batch.schema(),
            batches: vec![batch],
        }
    }

    /// A table of several batches, all with `schema`.
    #[allow(dead_code)] // for the analytics results that come in batches
    pub fn new(schema: SchemaRef, batches: Vec<RecordBatch>) -> Table {
        Table { schema, batches }
    }

    pub fn rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    fn pyarrow<'py>(&self, py: Python<'py>, slf: &Bound<'py, Table>) -> PyResult<Bound<'py, PyAny>> {
        py.import(intern!(py, "pyarrow"))?
            .getattr(intern!(py, "table"))?
            .call1((slf,))
    }
}

#[pymethods]
impl Table {
    /// The Arrow C stream of the table (a PyCapsule).
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let field = Arc::new(Field::new_struct("", self.schema.fields().clone(), false));
        let arrays: Vec<Result<ArrayRef, _>> = self
            .batches
            .iter()
            .map(|b| Ok(Arc::new(StructArray::from(b.clone())) as ArrayRef))
            .collect();
        let reader = Box::new(ArrayIterator::new(arrays, field));
        Ok(to_stream_pycapsule(py, reader, requested_schema)?)
    }

    /// The Arrow C schema of the table (a PyCapsule).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(to_schema_pycapsule(py, self.schema.as_ref())?)
    }

    /// Number of rows.
    fn __len__(&self) -> usize {
        self.rows()
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.rows()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema.fields().iter().map(|f| f.name().clone()).collect()
    }

    /// One column as a ``pyarrow.ChunkedArray``.
    ///
    /// Parameters
    /// ----------
    /// name : str
    ///     The column's name.
    ///
    /// Returns
    /// -------
    /// pyarrow.ChunkedArray
    ///     The column, without a copy.
    ///
    /// Raises
    /// ------
    /// MissingColumnError
    ///     No column has this name; the message lists those there are.
    fn column<'py>(slf: &Bound<'py, Table>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        let me = slf.get();
        if me.schema.field_with_name(name).is_err() {
            return Err(err(Error::MissingColumn {
                column: name.to_string(),
                available: me.column_names(),
            }));
        }
        me.pyarrow(slf.py(), slf)?
            .call_method1(intern!(slf.py(), "column"), (name,))
    }

    /// The table as a ``pyarrow.Table`` (no copy).
    ///
    /// Returns
    /// -------
    /// pyarrow.Table
    ///     The same columns and rows.
    fn to_arrow<'py>(slf: &Bound<'py, Table>) -> PyResult<Bound<'py, PyAny>> {
        slf.get().pyarrow(slf.py(), slf)
    }

    /// The table as a ``pandas.DataFrame`` (through pyarrow; needs pandas).
    ///
    /// Returns
    /// -------
    /// pandas.DataFrame
    ///     One column per table column, in order.
    fn to_pandas<'py>(slf: &Bound<'py, Table>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        slf.get().pyarrow(py, slf)?.call_method0(intern!(py, "to_pandas"))
    }

    /// The table as a ``polars.DataFrame`` (needs polars).
    ///
    /// Returns
    /// -------
    /// polars.DataFrame
    ///     One column per table column, in order.
    fn to_polars<'py>(slf: &Bound<'py, Table>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let arrow = slf.get().pyarrow(py, slf)?;
        py.import(intern!(py, "polars"))?
            .getattr(intern!(py, "from_arrow"))?
            .call1((arrow,))
    }

    fn __repr__(&self) -> String {
        let columns: Vec<String> = self
            .schema
            .fields()
            .iter()
            .map(|f| format!("{}: {}", f.name(), f.data_type()))
            .collect();
        format!("Table(rows={}, columns=[{}])", self.rows(), columns.join(", "))
    }
}
