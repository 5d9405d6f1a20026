//! The recommendation methods of `tg.Graph` (declared in `graph.rs`):
//! strongest ties, meet in person, invite list, reconnect, due for
//! contact, ego layers, offline lift; and the `tg.EgoLayers` and
//! `tg.LiftReport` classes.
//!
//! Each table has one column per field of the core's row type, in the
//! field order, nested structs flattened with a prefix (`online_due`),
//! built inside `Query::run` (see `columns.rs`). The column lists are
//! documented in the methods' docstrings (`graph.rs`, `_tiegraph.pyi`).

use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::sync::OnceLock;

use tiegraph::arrow_array::RecordBatch;
use tiegraph::arrow_schema::SchemaRef;
use tiegraph::{
    Cadence, DueContact, LiftOptions, LiftRow, LiftSummary, MeetSuggestion, Overdue, Reconnection,
};

use crate::columns::Columns;
use crate::conv::{count, repr};
use crate::graph::Graph;
use crate::score::Query;
use crate::table::Table;

fn table(batch: RecordBatch) -> Table {
    Table::from_batch(batch)
}

// ----- strongest ties ---------------------------------------------------

/// `Graph.strongest_ties`: other, rank, strength, state, reason.
pub fn strongest_ties(graph: &Graph, person: &str, k: i64, q: Query<'_, '_>) -> PyResult<Table> {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    let k = count(k, "k")?;
    q.run(graph, |v, t| {
        let rows = v.strongest_ties(person, k, t)?;
        Columns::new(&rows)
            .str("other", |r| r.other.key.as_str())
            .rank("rank", |r| r.rank)
            .f64("strength", |r| r.strength.value)
            .str("state", |r| r.state.name())
            .str("reason", |r| r.reason.as_str())
            .finish_cached(&SCHEMA)
    })
    .map(table)
}

/// `Graph.strongest_ties_all`: person, other, rank, strength. W1's output:
/// a million rows for 100,000 people, so four arrays sized up front and
/// no Python object per row.
pub fn strongest_ties_all(graph: &Graph, k: i64, q: Query<'_, '_>) -> PyResult<Table> {
    let k = count(k, "k")?;
    q.run(graph, |v, t| {
        let rows = v.strongest_ties_all(k, t)?;
        Columns::new(&rows)
            .par_str("person", |r| r.person.key.as_str())
            .par_str("other", |r| r.other.key.as_str())
            .rank("rank", |r| r.rank)
            .f64("strength", |r| r.strength)
            .finish()
    })
    .map(table)
}

// ----- meet in person, invite list --------------------------------------

fn meet_batch(rows: &[MeetSuggestion<'_>]) -> tiegraph::Result<RecordBatch> {
    Columns::new(rows)
        .str("person", |r| r.person.key.as_str())
        .str("other", |r| r.other.key.as_str())
        .rank("rank", |r| r.rank)
        .f64("priority", |r| r.priority)
        .f64("online_strength", |r| r.online_strength)
        .f64("offline_recency", |r| r.offline_recency)
        .opt_time("last_met", |r| r.last_met)
        .strs("channels", |r| r.channels.as_slice())
        .str("reason", |r| r.reason.as_str())
        .finish()
}

/// `Graph.meet_in_person`.
pub fn meet_in_person(graph: &Graph, person: &str, k: i64, q: Query<'_, '_>) -> PyResult<Table> {
    let k = count(k, "k")?;
    q.run(graph, |v, t| meet_batch(&v.meet_in_person(person, k, t)?))
        .map(table)
}

/// `Graph.meet_in_person_all`.
pub fn meet_in_person_all(graph: &Graph, k: i64, q: Query<'_, '_>) -> PyResult<Table> {
    let k = count(k, "k")?;
    q.run(graph, |v, t| meet_batch(&v.meet_in_person_all(k, t)?))
        .map(table)
}

/// `Graph.invite_list`.
pub fn invite_list(graph: &Graph, person: &str, k: i64, q: Query<'_, '_>) -> PyResult<Table> {
    let k = count(k, "k")?;
    q.run(graph, |v, t| {
        let rows = v.invite_list(person, k, t)?;
        Columns::new(&rows)
            .str("other", |r| r.other.key.as_str())
            .rank("rank", |r| r.rank)
            .f64("score", |r| r.score)
            .str("category", |r| r.category.name())
            .f64("strength", |r| r.strength)
            .f64("priority", |r| r.priority)
            .str("state", |r| r.state.name())
            .opt_time("last_met", |r| r.last_met)
            .str("reason", |r| r.reason.as_str())
            .finish()
    })
    .map(table)
}

// ----- reconnect, due for contact ---------------------------------------

fn reconnect_batch(rows: &[Reconnection<'_>]) -> tiegraph::Result<RecordBatch> {
    Columns::new(rows)
        .str("person", |r| r.person.key.as_str())
        .str("other", |r| r.other.key.as_str())
        .rank("rank", |r| r.rank)
        .str("state", |r| r.state.name())
        .f64("strength", |r| r.strength)
        .f64("peak", |r| r.peak)
        .time("peaked_at", |r| r.peaked_at)
        .f64("lost", |r| r.lost)
        .opt_time("last_contact", |r| r.last_contact)
        .opt_str("last_channel", |r| r.last_channel)
        .str("reason", |r| r.reason.as_str())
        .finish()
}

/// `Graph.reconnect`.
pub fn reconnect(graph: &Graph, person: &str, k: i64, q: Query<'_, '_>) -> PyResult<Table> {
    let k = count(k, "k")?;
    q.run(graph, |v, t| reconnect_batch(&v.reconnect(person, k, t)?))
        .map(table)
}

/// `Graph.reconnect_all`.
pub fn reconnect_all(graph: &Graph, k: i64, q: Query<'_, '_>) -> PyResult<Table> {
    let k = count(k, "k")?;
    q.run(graph, |v, t| reconnect_batch(&v.reconnect_all(k, t)?))
        .map(table)
}

/// The columns of one mode's [`Overdue`], prefixed with the mode; null
/// where that mode is not overdue. The mode and the period are the
/// prefix and the argument, so they get no column.
fn overdue_columns<'r, 'g>(
    c: Columns<'r, DueContact<'g>>,
    prefix: &str,
    pick: fn(&DueContact<'g>) -> Option<Overdue<'g>>,
) -> Columns<'r, DueContact<'g>> {
    c.opt_time(format!("{prefix}_last"), |r| pick(r).and_then(|o| o.last))
        .opt_str(format!("{prefix}_last_channel"), |r| {
            pick(r).and_then(|o| o.last_channel)
        })
        .opt_time(format!("{prefix}_since"), |r| pick(r).map(|o| o.since))
        .opt_time(format!("{prefix}_due"), |r| pick(r).map(|o| o.due))
        .opt_f64(format!("{prefix}_days_overdue"), |r| {
            pick(r).map(|o| o.days_overdue)
        })
        .opt_f64(format!("{prefix}_ratio"), |r| pick(r).map(|o| o.ratio))
}

/// `Graph.due_for_contact`.
pub fn due_for_contact(graph: &Graph, person: &str, cadence: Cadence, q: Query<'_, '_>) -> PyResult<Table> {
    q.run(graph, |v, t| {
        let rows = v.due_for_contact(person, &cadence, t)?;
        let c = Columns::new(&rows)
            .str("other", |r| r.other.key.as_str())
            .rank("rank", |r| r.rank);
        let c = overdue_columns(c, "online", |r| r.online);
        let c = overdue_columns(c, "offline", |r| r.offline);
        c.f64("ratio", |r| r.ratio)
            .f64("days_overdue", |r| r.days_overdue)
            .str("reason", |r| r.reason.as_str())
            .finish()
    })
    .map(table)
}

// ----- ego layers -------------------------------------------------------

/// A person's ties cut into circles of growing size, from :meth:`Graph.ego_layers`.
///
/// Ties with strength > 0 are ranked (strongest first, equal strengths in
/// key order) and cut at cumulative sizes (Dunbar's 5, 15, 50, 150 by
/// default): layer 1 holds ranks 1 to ``sizes[0]``, layer 2 the ranks after
/// it up to ``sizes[1]``, and so on. Ties ranked past the last size are
/// only counted, in ``outside``.
///
/// Attributes
/// ----------
/// person : str
///     The person at the centre.
/// sizes : list of int
///     The cumulative sizes used.
/// outside : int
///     Ties with strength > 0 ranked past the last size.
/// members : Table
///     One row per tie in a layer, innermost layer and strongest tie
///     first. Columns ``layer`` (uint32, 1 for the innermost), ``other``
///     (string), ``rank`` (uint32, among all the person's ties),
///     ``strength``, ``online_strength``, ``offline_strength`` (float64:
///     the strength on the view's online or offline channels only),
///     ``met`` (bool: ever a meaningful offline interaction) and
///     ``reason`` (string, e.g. ``"strength 0.61 (online 0.40, offline
///     0.55); last met 12 days ago"``).
/// layers : Table
///     One row per non-empty layer, innermost first. Columns ``layer``
///     (uint32), ``size`` (int64, its cumulative size), ``ties`` (int64,
///     its number of members), ``met_share``, ``mean_strength``,
///     ``mean_online``, ``mean_offline`` (float64) and ``reason`` (string,
///     e.g. ``"layer 1 (ranks 1-5): 5 ties, 4 met in person (80%); mean
///     strength 0.71, online 0.48, offline 0.52"``).
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "EgoLayers")]
pub struct PyEgoLayers {
    /// The key of the person at the centre.
    #[pyo3(get)]
    person: String,
    /// The cumulative layer sizes used.
    #[pyo3(get)]
    sizes: Vec<usize>,
    /// The number of ties with strength > 0 ranked past the last size.
    #[pyo3(get)]
    outside: usize,
    /// The ties in a layer, one row each, innermost layer and strongest tie first.
    ///
    /// See :class:`EgoLayers` for the columns.
    #[pyo3(get)]
    members: Py<Table>,
    /// The non-empty layers, one row each, innermost first.
    ///
    /// See :class:`EgoLayers` for the columns.
    #[pyo3(get)]
    layers: Py<Table>,
}

#[pymethods]
impl PyEgoLayers {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "EgoLayers(person={}, sizes={}, layers={}, members={}, outside={})",
            repr(py, &self.person)?,
            repr(py, &self.sizes)?,
            self.layers.get().rows(),
            self.members.get().rows(),
            self.outside,
        ))
    }
}

/// `Graph.ego_layers`.
pub fn ego_layers(
    graph: &Graph,
    py: Python<'_>,
    person: &str,
    sizes: Option<Vec<i64>>,
    q: Query<'_, '_>,
) -> PyResult<PyEgoLayers> {
    let sizes: Vec<usize> = match sizes {
        Some(s) => s
            .into_iter()
            .map(|n| count(n, "sizes"))
            .collect::<PyResult<_>>()?,
        None => tiegraph::EgoLayers::DUNBAR.to_vec(),
    };
    let (person, outside, members, layers) = q.run(graph, |v, t| {
        let e = v.ego_layers_with(person, &sizes, t)?;
        let members: Vec<_> = e
            .layers
            .iter()
            .flat_map(|l| l.members.iter().map(move |m| (l.number, m)))
            .collect();
        let member_batch = Columns::new(&members)
            .rank("layer", |r| r.0)
            .str("other", |r| r.1.other.key.as_str())
            .rank("rank", |r| r.1.rank)
            .f64("strength", |r| r.1.strength)
            .f64("online_strength", |r| r.1.online_strength)
            .f64("offline_strength", |r| r.1.offline_strength)
            .bool("met", |r| r.1.met)
            .str("reason", |r| r.1.reason.as_str())
            .finish()?;
        let layer_batch = Columns::new(&e.layers)
            .rank("layer", |l| l.number)
            .count("size", |l| l.size)
            .count("ties", |l| l.members.len())
            .f64("met_share", |l| l.met_share)
            .f64("mean_strength", |l| l.mean_strength)
            .f64("mean_online", |l| l.mean_online)
            .f64("mean_offline", |l| l.mean_offline)
            .str("reason", |l| l.reason.as_str())
            .finish()?;
        Ok((e.person.key.clone(), e.outside, member_batch, layer_batch))
    })?;
    Ok(PyEgoLayers {
        person,
        sizes,
        outside,
        members: Py::new(py, table(members))?,
        layers: Py::new(py, table(layers))?,
    })
}

// ----- offline lift -----------------------------------------------------

/// Whether meeting in person changes how much two people talk online.
///
/// From :meth:`Graph.offline_lift`: the meaningful online interactions of
/// each tie (both directions) in a window before and a window after its
/// split, for ties that met (treated) and matched ties that never met
/// (control).
///
/// **Treated** ties met for the first time (first meaningful offline
/// interaction, time m) after at least ``history_days`` of online history
/// and at least ``window_days`` before ``as_of``; their split is m.
/// **Control** ties had no offline interaction at all by ``as_of``. Each
/// treated tie, in key order of its pair, takes the unused control tie
/// whose first meaningful online interaction is nearest its own (the
/// earlier on equal distance, then the first in key order) among those
/// that still have a full window after a split at the same online age;
/// that tie is split there. Treated ties left without a match stay.
///
/// Attributes
/// ----------
/// treated, control : Table
///     One row per tie, in key order of the pair. Columns ``a``, ``b``
///     (string, ``a`` first by key), ``first_online``, ``split``
///     (timestamp[us, UTC]), ``online_days`` (float64, from
///     ``first_online`` to ``split``), ``before``, ``after`` (int64:
///     meaningful online interactions in ``[split - window, split)`` and
///     ``[split, split + window)``), ``before_rate``, ``after_rate``
///     (float64, per ``rate_days``), ``ratio`` (float64: after / before;
///     inf for a rise from nothing, 1 when both are 0), ``matched_a``,
///     ``matched_b`` (string, null without a match: the tie of the other
///     group it was matched with) and ``reason`` (string).
/// summary : dict
///     ``{"treated": {...}, "control": {...}}``, each with ``ties`` (int),
///     ``median_ratio``, ``share_rose`` (the share whose rate rose),
///     ``mean_before_rate``, ``mean_after_rate`` (float, None without
///     ties) and ``reason`` (str, e.g. ``"12 ties: median ratio 1.50, 67%
///     rose; mean 2.10 -> 3.00 online contacts per 30 days"``).
/// options : dict
///     The options used: ``person``, ``history_days``, ``window_days``,
///     ``rate_days``.
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "LiftReport")]
pub struct PyLiftReport {
    /// The ties that met, one row each, in key order of the pair.
    ///
    /// See :class:`LiftReport` for the columns.
    #[pyo3(get)]
    treated: Py<Table>,
    /// The matched ties that never met, one row each, in key order of the pair.
    ///
    /// The columns are those of :attr:`treated`.
    #[pyo3(get)]
    control: Py<Table>,
    treated_summary: LiftSummary,
    control_summary: LiftSummary,
    options: LiftOptions,
}

fn summary_dict<'py>(py: Python<'py>, s: &LiftSummary) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("ties", s.ties)?;
    d.set_item("median_ratio", s.median_ratio)?;
    d.set_item("share_rose", s.share_rose)?;
    d.set_item("mean_before_rate", s.mean_before_rate)?;
    d.set_item("mean_after_rate", s.mean_after_rate)?;
    d.set_item("reason", &s.reason)?;
    Ok(d)
}

#[pymethods]
impl PyLiftReport {
    /// Each group's summary: ``{"treated": {...}, "control": {...}}``.
    ///
    /// See :class:`LiftReport` for the keys.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("treated", summary_dict(py, &self.treated_summary)?)?;
        d.set_item("control", summary_dict(py, &self.control_summary)?)?;
        Ok(d)
    }

    /// The options used: ``person``, ``history_days``, ``window_days``, ``rate_days``.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("person", &self.options.person)?;
        d.set_item("history_days", self.options.history_days)?;
        d.set_item("window_days", self.options.window_days)?;
        d.set_item("rate_days", self.options.rate_days)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "LiftReport(treated={}, control={}): treated {}; control {}",
            self.treated.get().rows(),
            self.control.get().rows(),
            self.treated_summary.reason,
            self.control_summary.reason,
        )
    }
}

fn lift_batch(rows: &[LiftRow<'_>]) -> tiegraph::Result<RecordBatch> {
    Columns::new(rows)
        .str("a", |r| r.a.key.as_str())
        .str("b", |r| r.b.key.as_str())
        .time("first_online", |r| r.first_online)
        .time("split", |r| r.split)
        .f64("online_days", |r| r.online_days)
        .count("before", |r| r.before)
        .count("after", |r| r.after)
        .f64("before_rate", |r| r.before_rate)
        .f64("after_rate", |r| r.after_rate)
        .f64("ratio", |r| r.ratio)
        .opt_str("matched_a", |r| r.matched.map(|(a, _)| a.key.as_str()))
        .opt_str("matched_b", |r| r.matched.map(|(_, b)| b.key.as_str()))
        .str("reason", |r| r.reason.as_str())
        .finish()
}

/// `Graph.offline_lift`.
pub fn offline_lift(
    graph: &Graph,
    py: Python<'_>,
    options: LiftOptions,
    q: Query<'_, '_>,
) -> PyResult<PyLiftReport> {
    let (treated, control, treated_summary, control_summary) = q.run(graph, |v, t| {
        let r = v.offline_lift_with(&options, t)?;
        Ok((
            lift_batch(&r.treated)?,
            lift_batch(&r.control)?,
            r.treated_summary,
            r.control_summary,
        ))
    })?;
    Ok(PyLiftReport {
        treated: Py::new(py, table(treated))?,
        control: Py::new(py, table(control))?,
        treated_summary,
        control_summary,
        options,
    })
}
