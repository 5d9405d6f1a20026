//! Bulk loads: Arrow streams (pyarrow, polars, pandas, DuckDB...), CSV and
//! Parquet files, read batch by batch without a Python loop per row.
//!
//! A stream is read detached from the interpreter, one batch at a time;
//! each batch is validated under a short read lock (so other threads keep
//! reading), and the rows are added under one write lock at the end. No
//! lock is held while the stream is pulled, since pulling may run Python
//! code (a generator behind a `RecordBatchReader`).

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyString;
use pyo3_arrow::input::AnyRecordBatch;
use tiegraph::arrow_array::{RecordBatch, RecordBatchReader};
use tiegraph::arrow_schema::ArrowError;
use tiegraph::{ArrowColumns, ConnectionColumns, CsvOptions, Error, LoadReport, OnError, TimeFormat};

use crate::errors::{err, invalid_argument};
use crate::graph::{Cost, Graph, replaced};
use crate::types::PyLoadReport;

type Reader = Box<dyn RecordBatchReader + Send>;

/// What `data` turned out to be.
enum Input {
    Csv(PathBuf),
    Arrow(Reader),
}

fn helpers(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    PyModule::import(py, intern!(py, "tiegraph._inputs"))
}

/// Sorts `data` into a CSV path or an Arrow stream. Paths other than CSV
/// and objects without the Arrow PyCapsule interface (older pandas) are
/// turned into Arrow by `tiegraph._inputs`, in Python.
///
/// `dictionary` names the string columns a Parquet file is asked to give as
/// dictionaries when its pages store them so (see `read_path`).
fn input(data: &Bound<'_, PyAny>, dictionary: &[&str]) -> PyResult<Input> {
    let py = data.py();
    let is_path = data.is_instance_of::<PyString>() || data.hasattr(intern!(py, "__fspath__"))?;
    let arrow = if is_path {
        let path: PathBuf = data.extract()?;
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        if ext.as_deref() == Some("csv") {
            return Ok(Input::Csv(path));
        }
        helpers(py)?.call_method1(intern!(py, "read_path"), (path, dictionary.to_vec()))?
    } else if data.hasattr(intern!(py, "__arrow_c_stream__"))?
        || data.hasattr(intern!(py, "__arrow_c_array__"))?
    {
        data.clone()
    } else {
        helpers(py)?.call_method1(intern!(py, "to_arrow"), (data,))?
    };
    let any: AnyRecordBatch = arrow.extract()?;
    Ok(Input::Arrow(any.into_reader()?))
}

/// `progress=`: False, True (a default printer) or a callable taking the
/// number of rows read so far, called after each batch; its `close()`, if
/// it has one, is called at the end.
pub enum Progress<'py> {
    Off,
    Call(Bound<'py, PyAny>),
}

impl<'py> Progress<'py> {
    pub fn new(ob: &Bound<'py, PyAny>) -> PyResult<Progress<'py>> {
        let py = ob.py();
        if let Ok(flag) = ob.extract::<bool>() {
            if !flag {
                return Ok(Progress::Off);
            }
            return Ok(Progress::Call(
                helpers(py)?.call_method0(intern!(py, "default_progress"))?,
            ));
        }
        if ob.is_callable() {
            return Ok(Progress::Call(ob.clone()));
        }
        Err(PyTypeError::new_err(format!(
            "progress must be a bool or a callable taking the number of rows read, not {}",
            ob.get_type().name()?
        )))
    }

    fn report(&self, rows: u64) -> PyResult<()> {
        if let Progress::Call(f) = self {
            f.call1((rows,))?;
        }
        Ok(())
    }

    fn close(&self) -> PyResult<()> {
        if let Progress::Call(f) = self {
            let py = f.py();
            if f.hasattr(intern!(py, "close"))? {
                f.call_method0(intern!(py, "close"))?;
            }
        }
        Ok(())
    }
}

/// An error of the Arrow stream itself: the Python exception when a Python
/// iterator raised it, else an I/O error with the stream's message.
fn stream_error(e: ArrowError) -> PyErr {
    match e {
        ArrowError::ExternalError(inner) => match inner.downcast::<PyErr>() {
            Ok(py_err) => *py_err,
            Err(other) => stream_io_error(other.to_string()),
        },
        other => stream_io_error(other.to_string()),
    }
}

fn stream_io_error(message: String) -> PyErr {
    err(Error::Io {
        path: "<arrow stream>".into(),
        source: std::io::Error::other(message),
    })
}

/// Pulls the next batch detached from the interpreter, between checks for
/// Ctrl-C.
fn next_batch(py: Python<'_>, reader: &mut Reader) -> PyResult<Option<RecordBatch>> {
    py.check_signals()?;
    match py.detach(|| reader.next()) {
        None => Ok(None),
        Some(Ok(b)) => Ok(Some(b)),
        Some(Err(e)) => Err(stream_error(e)),
    }
}

fn csv_options(time_unit: Option<&str>, on_error: OnError) -> PyResult<CsvOptions> {
    let time_format = match time_unit {
        None => TimeFormat::Rfc3339,
        Some(u) => TimeFormat::Unix(crate::conv::time_unit(u)?),
    };
    Ok(CsvOptions {
        time_format,
        on_error,
        ..CsvOptions::default()
    })
}

fn arrow_only(time_unit: Option<&str>) -> PyResult<()> {
    match time_unit {
        Some(_) => Err(invalid_argument(
            "time_unit",
            "applies to CSV files only: Arrow timestamps carry their own unit",
        )),
        None => Ok(()),
    }
}

/// `Graph.load_interactions`.
pub fn interactions(
    graph: &Graph,
    data: &Bound<'_, PyAny>,
    cols: ArrowColumns,
    on_error: OnError,
    progress: &Progress<'_>,
    time_unit: Option<&str>,
) -> PyResult<PyLoadReport> {
    let py = data.py();
    // keys and channel names read as dictionaries resolve once per value
    let dictionary = [cols.src.as_str(), cols.dst.as_str(), cols.channel.as_str()];
    let report = match input(data, &dictionary)? {
        Input::Csv(path) => {
            let opts = csv_options(time_unit, on_error)?;
            graph
                .write(py, Cost::Heavy, |s| {
                    s.graph.load_interactions_csv(&path, &cols, &opts)
                })
                .map_err(err)?
        }
        Input::Arrow(reader) => {
            arrow_only(time_unit)?;
            interaction_stream(graph, py, reader, &cols, on_error, progress)?
        }
    };
    progress.report(report.rows)?;
    progress.close()?;
    Ok(report.into())
}

fn interaction_stream(
    graph: &Graph,
    py: Python<'_>,
    mut reader: Reader,
    cols: &ArrowColumns,
    on_error: OnError,
    progress: &Progress<'_>,
) -> PyResult<LoadReport> {
    let schema = reader.schema();
    let (mut loader, epoch) = graph
        .read(py, Cost::Cheap, |s| {
            let loader = s.graph.interaction_loader(cols, on_error);
            loader.check_schema(&s.graph, &schema).map(|()| (loader, s.epoch))
        })
        .map_err(err)?;
    while let Some(batch) = next_batch(py, &mut reader)? {
        graph
            .read(py, Cost::Heavy, |s| {
                if s.epoch != epoch {
                    return Err(replaced());
                }
                loader.push(&s.graph, &batch)
            })
            .map_err(err)?;
        progress.report(loader.rows())?;
    }
    graph
        .write(py, Cost::Heavy, |s| {
            if s.epoch != epoch {
                return Err(replaced());
            }
            loader.commit(&mut s.graph)
        })
        .map_err(err)
}

/// `Graph.load_connections`.
pub fn connections(
    graph: &Graph,
    data: &Bound<'_, PyAny>,
    cols: ConnectionColumns,
    on_error: OnError,
    time_unit: Option<&str>,
) -> PyResult<PyLoadReport> {
    let py = data.py();
    let report = match input(data, &[])? {
        Input::Csv(path) => {
            let opts = csv_options(time_unit, on_error)?;
            graph
                .write(py, Cost::Heavy, |s| {
                    s.graph.load_connections_csv(&path, &cols, &opts)
                })
                .map_err(err)?
        }
        Input::Arrow(mut reader) => {
            arrow_only(time_unit)?;
            // Connections are checked without the graph: no lock until the commit.
            let mut loader = tiegraph::ConnectionLoader::new(&cols, on_error);
            loader.check_schema(&reader.schema()).map_err(err)?;
            while let Some(batch) = next_batch(py, &mut reader)? {
                py.detach(|| loader.push(&batch)).map_err(err)?;
            }
            graph
                .write(py, Cost::Heavy, |s| loader.commit(&mut s.graph))
                .map_err(err)?
        }
    };
    Ok(report.into())
}
