//! The scoring methods of `tg.Graph` (declared in `graph.rs`), `tg.View`,
//! and the Arrow tables of bulk results.
//!
//! Each method extracts its arguments with the interpreter attached, then
//! scores inside `Graph::read` with `Cost::Heavy`, i.e. detached from the
//! interpreter: the closures build plain Rust values (and Arrow arrays for
//! tables), never Python objects.

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple, PyType};
use tiegraph::arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, TimestampMicrosecondArray,
};
use tiegraph::arrow_schema::{DataType, Field, Schema};
use tiegraph::{Error, GraphView, Mode, RelationshipGraph, ScoringModel, TieFilter, TieScore, View};

use crate::columns::arrow_error;
use crate::conv::{self, repr};
use crate::errors::{err, invalid_argument};
use crate::graph::{Cost, Graph};
use crate::model::PyScoringModel;
use crate::strength::{PyExplanation, PyStrength, one_sided_from};
use crate::table::Table;

/// Which interactions count: a mode, a set of channels, a time window.
///
/// Every part is optional and they combine with "and"; declared
/// connections always count. The model applies unchanged to what a view
/// keeps, online-only cap included. Wherever a query takes ``view=``, the
/// strings ``"online"`` and ``"offline"`` stand for ``View(mode=...)``.
///
/// Parameters
/// ----------
/// mode : {"online", "offline"}, optional
///     Keep only this mode's channels.
/// channels : sequence of str, optional
///     Keep only these channels (an unknown name fails at query time with
///     :class:`UnknownChannelError`).
/// start, end : datetime.datetime or datetime.date, optional
///     Keep interactions in ``[start, end)`` (naive = UTC).
///
/// Raises
/// ------
/// InvalidValueError
///     A ``mode`` other than ``"online"`` or ``"offline"``.
///
/// Examples
/// --------
/// >>> import datetime as dt
/// >>> View(channels=["email"], start=dt.datetime(2026, 1, 1))
/// View(channels=['email'], start=datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "View")]
#[derive(Clone, PartialEq)]
pub struct PyView(pub View);

#[pymethods]
impl PyView {
    /// A view; every part is optional and they combine with "and".
    #[new]
    #[pyo3(signature = (*, mode=None, channels=None, start=None, end=None))]
    fn new(
        mode: Option<&str>,
        channels: Option<&Bound<'_, PyAny>>,
        start: Option<&Bound<'_, PyAny>>,
        end: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyView> {
        let channels = match channels {
            Some(c) if !c.is_none() => {
                if c.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(
                        "channels must be a sequence of channel names, not a str",
                    ));
                }
                Some(c.extract::<Vec<String>>()?)
            }
            _ => None,
        };
        Ok(PyView(View {
            mode: mode.map(conv::mode).transpose()?,
            channels,
            start: conv::opt_time(start, "start")?,
            end: conv::opt_time(end, "end")?,
        }))
    }

    /// A view of the online channels only.
    ///
    /// Returns
    /// -------
    /// View
    ///     ``View(mode="online")``, what ``view="online"`` stands for.
    ///
    /// Examples
    /// --------
    /// >>> View.online() == View(mode="online")
    /// True
    #[classmethod]
    fn online(_cls: &Bound<'_, PyType>) -> PyView {
        PyView(View::online())
    }

    /// A view of the offline channels only.
    ///
    /// Returns
    /// -------
    /// View
    ///     ``View(mode="offline")``, what ``view="offline"`` stands for.
    #[classmethod]
    fn offline(_cls: &Bound<'_, PyType>) -> PyView {
        PyView(View::offline())
    }

    /// The mode kept, ``"online"`` or ``"offline"``, or None for both.
    #[getter]
    fn mode(&self) -> Option<&'static str> {
        self.0.mode.map(|m| m.as_str())
    }

    /// The names of the channels kept, or None for all.
    #[getter]
    fn channels(&self) -> Option<Vec<String>> {
        self.0.channels.clone()
    }

    /// The start of the window (aware, UTC), or None: interactions at or after it count.
    #[getter]
    fn start(&self) -> Option<DateTime<Utc>> {
        self.0.start
    }

    /// The end of the window (aware, UTC), or None: interactions strictly before it count.
    #[getter]
    fn end(&self) -> Option<DateTime<Utc>> {
        self.0.end
    }

    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        let kw = PyDict::new(py);
        kw.set_item("mode", self.mode())?;
        kw.set_item("channels", self.channels())?;
        kw.set_item("start", self.0.start)?;
        kw.set_item("end", self.0.end)?;
        Ok((PyTuple::empty(py), kw))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = Vec::new();
        if let Some(m) = self.mode() {
            parts.push(format!("mode={}", repr(py, m)?));
        }
        if let Some(c) = &self.0.channels {
            parts.push(format!("channels={}", repr(py, c)?));
        }
        if let Some(s) = self.0.start {
            parts.push(format!("start={}", repr(py, s)?));
        }
        if let Some(e) = self.0.end {
            parts.push(format!("end={}", repr(py, e)?));
        }
        Ok(format!("View({})", parts.join(", ")))
    }
}

/// The `view=` and `model=` arguments of a query, read with the
/// interpreter attached and applied to the graph under its lock.
pub struct Scope {
    view: View,
    model: Option<ScoringModel>,
}

impl Scope {
    /// `view`: None, `"online"`, `"offline"` or a `tg.View`; `model`: a
    /// `tg.ScoringModel` that overrides the graph's.
    pub fn new(view: Option<&Bound<'_, PyAny>>, model: Option<&PyScoringModel>) -> PyResult<Scope> {
        let view = match view {
            None => View::all(),
            Some(v) if v.is_none() => View::all(),
            Some(v) => {
                if let Ok(v) = v.cast::<PyView>() {
                    v.get().0.clone()
                } else if let Ok(s) = v.cast::<PyString>() {
                    match s.to_str()? {
                        "online" => View::online(),
                        "offline" => View::offline(),
                        other => {
                            return Err(err(Error::InvalidValue {
                                field: "view".into(),
                                value: other.into(),
                                expected: vec!["online".into(), "offline".into()],
                            }));
                        }
                    }
                } else {
                    return Err(PyTypeError::new_err(format!(
                        "view must be None, \"online\", \"offline\" or a tiegraph.View, not {}",
                        v.get_type().name()?
                    )));
                }
            }
        };
        Ok(Scope {
            view,
            model: model.map(|m| m.0.clone()),
        })
    }

    /// A scope of one mode.
    fn mode(mode: Mode, model: Option<&PyScoringModel>) -> Scope {
        Scope {
            view: View {
                mode: Some(mode),
                ..View::default()
            },
            model: model.map(|m| m.0.clone()),
        }
    }

    /// The graph through this scope (the model validated).
    pub fn graph_view<'g>(&self, g: &'g RelationshipGraph) -> tiegraph::Result<GraphView<'g>> {
        let model = self.model.clone().unwrap_or_else(|| g.model().clone());
        GraphView::new(g, &self.view, model)
    }
}

/// The `as_of=`, `view=` and `model=` arguments of an analytics query
/// (`recommend.rs`, `network.rs`), read with the interpreter attached.
pub struct Query<'a, 'py> {
    pub as_of: &'a Bound<'py, PyAny>,
    pub view: Option<&'a Bound<'py, PyAny>>,
    pub model: Option<&'a PyScoringModel>,
}

impl Query<'_, '_> {
    /// Runs `f` on the graph through the query's view and model at its
    /// date, under the read lock and detached from the interpreter: `f`
    /// builds plain Rust values (Arrow arrays for tables), never Python
    /// objects.
    pub fn run<R, F>(&self, graph: &Graph, f: F) -> PyResult<R>
    where
        F: for<'g> FnOnce(&GraphView<'g>, DateTime<Utc>) -> tiegraph::Result<R> + Send,
        R: Send,
    {
        let t = conv::time(self.as_of, "as_of")?;
        let scope = Scope::new(self.view, self.model)?;
        graph
            .read(self.as_of.py(), Cost::Heavy, |st| {
                f(&scope.graph_view(&st.graph)?, t)
            })
            .map_err(err)
    }
}

/// Which strength `Graph.strength` and friends ask for.
pub enum Which {
    Scoped,
    Online,
    Offline,
}

/// `Graph.strength`, `online_strength`, `offline_strength`.
pub fn strength(
    graph: &Graph,
    py: Python<'_>,
    (a, b): (&str, &str),
    as_of: &Bound<'_, PyAny>,
    which: Which,
    view: Option<&Bound<'_, PyAny>>,
    model: Option<&PyScoringModel>,
) -> PyResult<PyStrength> {
    let t = conv::time(as_of, "as_of")?;
    let scope = match which {
        Which::Scoped => Scope::new(view, model)?,
        Which::Online => Scope::mode(Mode::Online, model),
        Which::Offline => Scope::mode(Mode::Offline, model),
    };
    let s = graph
        .read(py, Cost::Heavy, |st| {
            scope.graph_view(&st.graph)?.strength(a, b, t)
        })
        .map_err(err)?;
    Ok(PyStrength::new(&s, a, b))
}

/// `Graph.peak`: the highest strength and when it was reached.
pub fn peak(
    graph: &Graph,
    py: Python<'_>,
    (a, b): (&str, &str),
    as_of: &Bound<'_, PyAny>,
    view: Option<&Bound<'_, PyAny>>,
    model: Option<&PyScoringModel>,
) -> PyResult<Option<(f64, chrono::DateTime<chrono::Utc>)>> {
    let t = conv::time(as_of, "as_of")?;
    let scope = Scope::new(view, model)?;
    graph
        .read(py, Cost::Heavy, |st| scope.graph_view(&st.graph)?.peak(a, b, t))
        .map_err(err)
}

/// `Graph.explain`.
pub fn explain(
    graph: &Graph,
    py: Python<'_>,
    (a, b): (&str, &str),
    as_of: &Bound<'_, PyAny>,
    view: Option<&Bound<'_, PyAny>>,
    model: Option<&PyScoringModel>,
) -> PyResult<PyExplanation> {
    let t = conv::time(as_of, "as_of")?;
    let scope = Scope::new(view, model)?;
    let e = graph
        .read(py, Cost::Heavy, |st| {
            scope.graph_view(&st.graph)?.explain(a, b, t)
        })
        .map_err(err)?;
    Ok(PyExplanation::new(&e, a, b))
}

/// The arguments of `Graph.ties` that are not the view or the model.
pub struct TiesArgs<'a, 'py> {
    pub as_of: &'a Bound<'py, PyAny>,
    pub person: Option<String>,
    pub min_strength: f64,
    pub with_peak: bool,
}

/// `Graph.ties`: every tie (or one person's) scored, as a table.
pub fn ties(
    graph: &Graph,
    py: Python<'_>,
    args: TiesArgs<'_, '_>,
    view: Option<&Bound<'_, PyAny>>,
    model: Option<&PyScoringModel>,
) -> PyResult<Table> {
    let t = conv::time(args.as_of, "as_of")?;
    if args.min_strength.is_nan() {
        return Err(invalid_argument("min_strength", "must be a number, not NaN"));
    }
    let scope = Scope::new(view, model)?;
    let filter = TieFilter {
        person: args.person,
        min_strength: args.min_strength,
        with_peak: args.with_peak,
    };
    let batch = graph
        .read(py, Cost::Heavy, |st| {
            let v = scope.graph_view(&st.graph)?;
            let ties = v.ties_with(t, &filter)?;
            tie_batch(&ties, v.model().structural, filter.with_peak)
        })
        .map_err(err)?;
    Ok(Table::from_batch(batch))
}

fn floats(ties: &[TieScore<'_>], f: impl Fn(&TieScore<'_>) -> f64) -> ArrayRef {
    Arc::new(Float64Array::from_iter_values(ties.iter().map(f)))
}

/// The tie table: one row per tie, every column built from Rust values.
fn tie_batch(ties: &[TieScore<'_>], structural: bool, with_peak: bool) -> tiegraph::Result<RecordBatch> {
    let mut fields = vec![
        Field::new("a", DataType::Utf8, false),
        Field::new("b", DataType::Utf8, false),
        Field::new("strength", DataType::Float64, false),
    ];
    let mut columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(
            ties.iter().map(|t| t.a.key.as_str()),
        )),
        Arc::new(StringArray::from_iter_values(
            ties.iter().map(|t| t.b.key.as_str()),
        )),
        floats(ties, |t| t.strength.value),
    ];
    type Pick = fn(&TieScore<'_>) -> f64;
    let components: [(&str, Pick); 7] = [
        ("recency", |t| t.strength.components.recency),
        ("intensity", |t| t.strength.components.intensity),
        ("duration", |t| t.strength.components.duration),
        ("regularity", |t| t.strength.components.regularity),
        ("reciprocity", |t| t.strength.components.reciprocity),
        ("multiplexity", |t| t.strength.components.multiplexity),
        ("connection", |t| t.strength.components.connection),
    ];
    for (name, pick) in components {
        fields.push(Field::new(name, DataType::Float64, false));
        columns.push(floats(ties, pick));
    }
    if structural {
        fields.push(Field::new("structural", DataType::Float64, false));
        columns.push(floats(ties, |t| t.strength.components.structural.unwrap_or(0.0)));
    }
    fields.push(Field::new("state", DataType::Utf8, false));
    columns.push(Arc::new(StringArray::from_iter_values(
        ties.iter().map(|t| t.strength.state.name()),
    )));
    fields.push(Field::new("one_sided_from", DataType::Utf8, true));
    columns.push(Arc::new(StringArray::from_iter(
        ties.iter()
            .map(|t| one_sided_from(t.strength.state, &t.a.key, &t.b.key)),
    )));
    fields.push(Field::new("online_only", DataType::Boolean, false));
    columns.push(Arc::new(BooleanArray::from_iter(
        ties.iter().map(|t| Some(t.strength.online_only)),
    )));
    fields.push(Field::new("capped", DataType::Boolean, false));
    columns.push(Arc::new(BooleanArray::from_iter(
        ties.iter().map(|t| Some(t.strength.capped)),
    )));
    if with_peak {
        fields.push(Field::new("peak", DataType::Float64, false));
        columns.push(floats(ties, |t| t.strength.peak.unwrap_or(t.strength.value)));
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).map_err(arrow_error)
}

/// `Graph.timeline`: the strength at `start`, `start + step`, ... `end`.
#[allow(clippy::too_many_arguments)]
pub fn timeline(
    graph: &Graph,
    py: Python<'_>,
    (a, b): (&str, &str),
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    step: TimeDelta,
    view: Option<&Bound<'_, PyAny>>,
    model: Option<&PyScoringModel>,
) -> PyResult<Table> {
    let (start, end) = (conv::time(start, "start")?, conv::time(end, "end")?);
    let scope = Scope::new(view, model)?;
    let batch = graph
        .read(py, Cost::Heavy, |st| {
            let series = scope.graph_view(&st.graph)?.timeline(a, b, start, end, step)?;
            let at =
                TimestampMicrosecondArray::from_iter_values(series.iter().map(|(t, _)| t.timestamp_micros()))
                    .with_timezone("UTC");
            let schema = Schema::new(vec![
                Field::new("at", at.data_type().clone(), false),
                Field::new("strength", DataType::Float64, false),
            ]);
            let strength = Float64Array::from_iter_values(series.iter().map(|(_, v)| *v));
            RecordBatch::try_new(Arc::new(schema), vec![Arc::new(at), Arc::new(strength)])
                .map_err(arrow_error)
        })
        .map_err(err)?;
    Ok(Table::from_batch(batch))
}
