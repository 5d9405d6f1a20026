//! The file exports of `tg.Graph` (declared in `graph.rs`): GraphML, GEXF,
//! the tie table, the interactions and connections as CSV, and the
//! interactions as a `tg.Table`.
//!
//! Each export opens its file and writes it inside `Graph::read` with
//! `Cost::Heavy`, i.e. detached from the interpreter; a write that fails
//! is a `TiegraphIOError` naming the file, and a failed export removes the
//! file it left incomplete.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use pyo3::prelude::*;
use tiegraph::arrow_array::builder::{Float64Builder, StringBuilder, TimestampMicrosecondBuilder};
use tiegraph::arrow_array::{Array, ArrayRef, RecordBatch};
use tiegraph::arrow_schema::{DataType, Field, Schema};
use tiegraph::{Error, ExportOptions, GraphView, RelationshipGraph, Sampling, TieFilter};

use crate::columns::arrow_error;
use crate::conv;
use crate::errors::{err, invalid_argument};
use crate::graph::{Cost, Graph};
use crate::model::PyScoringModel;
use crate::score::Scope;
use crate::table::Table;

/// Creates `path`, writes it with `f` and flushes it. Errors of the write
/// (which the core reports on `<writer>`) name the file; on any error the
/// incomplete file is removed.
fn to_file(
    path: &Path,
    f: impl FnOnce(&mut BufWriter<File>) -> tiegraph::Result<()>,
) -> tiegraph::Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut w = BufWriter::new(File::create(path).map_err(io)?);
    let written = f(&mut w).and_then(|()| w.flush().map_err(io));
    match written {
        Ok(()) => Ok(()),
        Err(e) => {
            drop(w);
            let _ = std::fs::remove_file(path);
            Err(match e {
                Error::Io { source, .. } => io(source),
                other => other,
            })
        }
    }
}

/// The `view=` and `model=` of an export, and its date.
pub struct Scoped<'a, 'py> {
    pub as_of: &'a Bound<'py, PyAny>,
    pub view: Option<&'a Bound<'py, PyAny>>,
    pub model: Option<&'a PyScoringModel>,
}

impl Scoped<'_, '_> {
    /// Writes `path` with `f` on the graph through the view and model at
    /// the date, detached from the interpreter.
    fn write<F>(&self, graph: &Graph, path: &Path, f: F) -> PyResult<()>
    where
        F: for<'g> FnOnce(&GraphView<'g>, DateTime<Utc>, &mut BufWriter<File>) -> tiegraph::Result<()> + Send,
    {
        let t = conv::time(self.as_of, "as_of")?;
        let scope = Scope::new(self.view, self.model)?;
        graph
            .read(self.as_of.py(), Cost::Heavy, |st| {
                let v = scope.graph_view(&st.graph)?;
                to_file(path, |w| f(&v, t, w))
            })
            .map_err(err)
    }
}

/// `Graph.write_graphml`.
pub fn graphml(graph: &Graph, path: PathBuf, scoped: Scoped<'_, '_>, options: ExportOptions) -> PyResult<()> {
    scoped.write(graph, &path, |v, t, w| v.write_graphml(w, t, &options))
}

/// The `sampling=` of `Graph.write_gexf`: a `datetime.timedelta` step or
/// a number of months.
#[derive(FromPyObject)]
pub enum SamplingArg {
    Every(TimeDelta),
    Months(i64),
}

impl SamplingArg {
    fn sampling(self) -> PyResult<Sampling> {
        match self {
            SamplingArg::Every(step) => Ok(Sampling::Every(step)),
            SamplingArg::Months(n) => u32::try_from(n).map(Sampling::Months).map_err(|_| {
                invalid_argument("sampling", format!("must be a number of months >= 1, got {n}"))
            }),
        }
    }
}

/// The GEXF-only options of `Graph.write_gexf`.
pub struct GexfArgs<'a, 'py> {
    pub all_ties: bool,
    pub person: Option<String>,
    pub active_days: f64,
    pub sampling: SamplingArg,
    pub start: Option<&'a Bound<'py, PyAny>>,
}

/// `Graph.write_gexf`.
pub fn gexf(graph: &Graph, path: PathBuf, scoped: Scoped<'_, '_>, args: GexfArgs<'_, '_>) -> PyResult<()> {
    let options = ExportOptions {
        all_ties: args.all_ties,
        person: args.person,
        active_days: args.active_days,
        sampling: args.sampling.sampling()?,
        start: conv::opt_time(args.start, "start")?,
    };
    scoped.write(graph, &path, |v, t, w| v.write_gexf(w, t, &options))
}

/// `Graph.write_ties_csv`.
pub fn ties_csv(graph: &Graph, path: PathBuf, scoped: Scoped<'_, '_>, filter: TieFilter) -> PyResult<()> {
    if filter.min_strength.is_nan() {
        return Err(invalid_argument("min_strength", "must be a number, not NaN"));
    }
    scoped.write(graph, &path, |v, t, w| v.write_ties_csv(w, t, &filter))
}

/// `Graph.write_interactions_csv` and `Graph.write_connections_csv`: a
/// whole-graph write with no date.
pub fn whole<F>(graph: &Graph, py: Python<'_>, path: PathBuf, f: F) -> PyResult<()>
where
    F: FnOnce(&RelationshipGraph, &mut BufWriter<File>) -> tiegraph::Result<()> + Send,
{
    graph
        .read(py, Cost::Heavy, |st| to_file(&path, |w| f(&st.graph, w)))
        .map_err(err)
}

/// `Graph.interactions_table`: every interaction, by tie then time.
pub fn interactions_table(graph: &Graph, py: Python<'_>) -> PyResult<Table> {
    let batch = graph
        .read(py, Cost::Heavy, |st| interaction_batch(&st.graph))
        .map_err(err)?;
    Ok(Table::from_batch(batch))
}

fn interaction_batch(g: &RelationshipGraph) -> tiegraph::Result<RecordBatch> {
    let n = g.interaction_count();
    let mut src = StringBuilder::with_capacity(n, n * 8);
    let mut dst = StringBuilder::with_capacity(n, n * 8);
    let mut time = TimestampMicrosecondBuilder::with_capacity(n).with_timezone("UTC");
    let mut channel = StringBuilder::with_capacity(n, n * 8);
    let mut duration = Float64Builder::with_capacity(n);
    let mut weight = Float64Builder::with_capacity(n);
    // borrowed, not copied: three strings a row allocated and freed took
    // a quarter of the call (W1's 1M rows: medians 0.25-0.33 s, then
    // 0.19-0.23 s)
    for tie in g.iter_ties() {
        for it in tie.interaction_refs() {
            src.append_value(it.src);
            dst.append_value(it.dst);
            time.append_value(it.at.timestamp_micros());
            channel.append_value(it.channel);
            duration.append_option(it.duration);
            weight.append_value(it.weight);
        }
    }
    let time = time.finish();
    let schema = Schema::new(vec![
        Field::new("src", DataType::Utf8, false),
        Field::new("dst", DataType::Utf8, false),
        Field::new("time", time.data_type().clone(), false),
        Field::new("channel", DataType::Utf8, false),
        Field::new("duration", DataType::Float64, true),
        Field::new("weight", DataType::Float64, false),
    ]);
    let columns: Vec<ArrayRef> = vec![
        Arc::new(src.finish()),
        Arc::new(dst.finish()),
        Arc::new(time),
        Arc::new(channel.finish()),
        Arc::new(duration.finish()),
        Arc::new(weight.finish()),
    ];
    RecordBatch::try_new(Arc::new(schema), columns).map_err(arrow_error)
}
