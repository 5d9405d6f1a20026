//! Read-only value classes handed to Python: copies of core values, so that
//! holding one never holds the graph's lock.

use chrono::{DateTime, Utc};
use pyo3::prelude::*;

use crate::conv::repr;

/// A person: a key and optional details.
///
/// Returned by :meth:`Graph.person`, :meth:`Graph.people` and
/// :meth:`Graph.remove_person`: a copy, so holding one never holds the
/// graph. People compare by value.
///
/// Examples
/// --------
/// >>> g = Graph()
/// >>> g.add_person("lee@daily.example", name="Lee Park", tags=["press"])
/// >>> g.person("lee@daily.example")
/// Person(key='lee@daily.example', name='Lee Park', organisation=None, role=None, tags=['press'])
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Person")]
#[derive(Clone, PartialEq)]
pub struct PyPerson {
    /// The person's key (an email address, a handle): unique and non-empty.
    #[pyo3(get)]
    key: String,
    /// Their name, or None.
    #[pyo3(get)]
    name: Option<String>,
    /// The organisation they belong to, or None.
    #[pyo3(get)]
    organisation: Option<String>,
    /// Their role (``"reporter"``, ``"account director"``), or None.
    #[pyo3(get)]
    role: Option<String>,
    /// Their tags, in the order given (empty when none).
    #[pyo3(get)]
    tags: Vec<String>,
}

impl From<tiegraph::Person> for PyPerson {
    fn from(p: tiegraph::Person) -> Self {
        PyPerson {
            key: p.key,
            name: p.name,
            organisation: p.organisation,
            role: p.role,
            tags: p.tags,
        }
    }
}

#[pymethods]
impl PyPerson {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Person(key={}, name={}, organisation={}, role={}, tags={})",
            repr(py, &self.key)?,
            repr(py, &self.name)?,
            repr(py, &self.organisation)?,
            repr(py, &self.role)?,
            repr(py, &self.tags)?,
        ))
    }
}

/// A channel of contact and its place in the scoring model.
///
/// Returned by :meth:`Graph.channel`, :meth:`Graph.channels` and
/// :meth:`Graph.register_channel`; channels compare by value.
///
/// Examples
/// --------
/// >>> Graph().channel("email")
/// Channel(name='email', mode='online', class_='private_written', weight=0.3, mutual=False, typical_duration=None)
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Channel")]
#[derive(Clone, PartialEq)]
pub struct PyChannel {
    /// The channel's name, as interactions give it (``"email"``).
    #[pyo3(get)]
    name: String,
    /// The mode: ``"online"`` or ``"offline"``.
    #[pyo3(get)]
    mode: &'static str,
    /// The class, for multiplexity and the online-only cap.
    ///
    /// ``"offline"``, ``"synchronous"``, ``"private_written"``,
    /// ``"public_directed"``, ``"broadcast"`` or ``"one_click"``.
    #[pyo3(get)]
    class_: &'static str,
    /// The weight w_c of one interaction of typical length.
    #[pyo3(get)]
    weight: f64,
    /// Whether an interaction counts for both sides, whoever logged it.
    #[pyo3(get)]
    mutual: bool,
    /// The typical duration in seconds, or None.
    ///
    /// When set, an interaction with a duration d weighs √(d / typical) times
    /// more, clamped to the model's ``duration_gain_min`` and
    /// ``duration_gain_max``.
    #[pyo3(get)]
    typical_duration: Option<f64>,
}

impl From<&tiegraph::Channel> for PyChannel {
    fn from(c: &tiegraph::Channel) -> Self {
        PyChannel {
            name: c.name.clone(),
            mode: c.mode.as_str(),
            class_: c.class.as_str(),
            weight: c.weight,
            mutual: c.mutual,
            typical_duration: c.typical_duration,
        }
    }
}

#[pymethods]
impl PyChannel {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Channel(name={}, mode={}, class_={}, weight={}, mutual={}, typical_duration={})",
            repr(py, &self.name)?,
            repr(py, self.mode)?,
            repr(py, self.class_)?,
            repr(py, self.weight)?,
            repr(py, self.mutual)?,
            repr(py, self.typical_duration)?,
        ))
    }
}

/// One stored interaction, as :meth:`Graph.interactions` returns it.
///
/// A copy; interactions compare by value.
///
/// Examples
/// --------
/// >>> import datetime as dt
/// >>> g = Graph()
/// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2, 10), channel="phone_call", duration=600)
/// >>> g.interactions("ana", "lee")[0]
/// Interaction(src='ana', dst='lee', at=datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.timezone.utc), channel='phone_call', duration=600.0, weight=1.0)
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Interaction")]
#[derive(Clone, PartialEq)]
pub struct PyInteraction {
    /// The key of the person who initiated it.
    #[pyo3(get)]
    src: String,
    /// The key of the other person.
    #[pyo3(get)]
    dst: String,
    /// When it happened (aware, in UTC), to the second.
    #[pyo3(get)]
    at: DateTime<Utc>,
    /// The channel's name.
    #[pyo3(get)]
    channel: String,
    /// How long it lasted, in seconds, or None.
    #[pyo3(get)]
    duration: Option<f64>,
    /// The weight multiplier m (1 unless given).
    #[pyo3(get)]
    weight: f64,
}

impl From<tiegraph::Interaction> for PyInteraction {
    fn from(i: tiegraph::Interaction) -> Self {
        PyInteraction {
            src: i.src,
            dst: i.dst,
            at: i.at,
            channel: i.channel,
            duration: i.duration,
            weight: i.weight,
        }
    }
}

#[pymethods]
impl PyInteraction {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Interaction(src={}, dst={}, at={}, channel={}, duration={}, weight={})",
            repr(py, &self.src)?,
            repr(py, &self.dst)?,
            repr(py, self.at)?,
            repr(py, &self.channel)?,
            repr(py, self.duration)?,
            repr(py, self.weight)?,
        ))
    }
}

/// A declared link on a platform: friends, contacts, a follow.
///
/// Returned by :meth:`Graph.connections`; connections compare by value.
/// A connection is not contact: it only feeds the model's ``connection``
/// feature.
///
/// Examples
/// --------
/// >>> g = Graph()
/// >>> g.add_connection("ana", "lee", platform="x", kind="follows")
/// >>> g.connections("ana", "lee")
/// [Connection(a='ana', b='lee', platform='x', kind='follows', since=None)]
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Connection")]
#[derive(Clone, PartialEq)]
pub struct PyConnection {
    /// One person's key; the follower when ``kind`` is ``"follows"``.
    #[pyo3(get)]
    a: String,
    /// The other person's key; the one followed when ``kind`` is ``"follows"``.
    #[pyo3(get)]
    b: String,
    /// The platform (``"linkedin"``, ``"x"``).
    #[pyo3(get)]
    platform: String,
    /// The kind: ``"mutual"``, or ``"follows"`` when ``a`` follows ``b``.
    #[pyo3(get)]
    kind: &'static str,
    /// Since when the link exists (aware, UTC), or None when unknown.
    #[pyo3(get)]
    since: Option<DateTime<Utc>>,
}

impl From<tiegraph::Connection> for PyConnection {
    fn from(c: tiegraph::Connection) -> Self {
        PyConnection {
            a: c.a,
            b: c.b,
            platform: c.platform,
            kind: c.kind.as_str(),
            since: c.since,
        }
    }
}

#[pymethods]
impl PyConnection {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Connection(a={}, b={}, platform={}, kind={}, since={})",
            repr(py, &self.a)?,
            repr(py, &self.b)?,
            repr(py, &self.platform)?,
            repr(py, self.kind)?,
            repr(py, self.since)?,
        ))
    }
}

/// What a bulk load did.
///
/// Returned by :meth:`Graph.load_interactions` and
/// :meth:`Graph.load_connections`.
///
/// Examples
/// --------
/// >>> import datetime as dt
/// >>> import pyarrow as pa
/// >>> t = pa.table({
/// ...     "src": ["ana", "ana"],
/// ...     "dst": ["lee", "ana"],
/// ...     "time": [dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 3)],
/// ...     "channel": ["email", "email"],
/// ... })
/// >>> report = Graph().load_interactions(t, on_error="skip")
/// >>> (report.rows, report.added, report.new_people, report.ties_touched)
/// (2, 1, 2, 1)
/// >>> report.skipped
/// [(1, 'self-interaction: "ana" cannot interact with themself')]
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "LoadReport")]
pub struct PyLoadReport {
    /// The number of rows read.
    #[pyo3(get)]
    rows: u64,
    /// The number of rows added.
    #[pyo3(get)]
    added: u64,
    /// The rows left out with ``on_error="skip"``, as ``(row, message)``.
    ///
    /// ``row`` is 0-based across all batches; the message of a CSV row
    /// starts with its line (``"line 3: ..."``).
    #[pyo3(get)]
    skipped: Vec<(u64, String)>,
    /// The number of people created because a row named them.
    #[pyo3(get)]
    new_people: u64,
    /// The number of ties that received at least one row.
    #[pyo3(get)]
    ties_touched: u64,
}

impl From<tiegraph::LoadReport> for PyLoadReport {
    fn from(r: tiegraph::LoadReport) -> Self {
        PyLoadReport {
            rows: r.rows,
            added: r.added,
            skipped: r
                .skipped
                .into_iter()
                .map(|s| {
                    let msg = match s.line {
                        Some(line) => format!("line {line}: {}", s.error),
                        None => s.error.to_string(),
                    };
                    (s.row, msg)
                })
                .collect(),
            new_people: r.new_people,
            ties_touched: r.ties_touched,
        }
    }
}

#[pymethods]
impl PyLoadReport {
    fn __repr__(&self) -> String {
        format!(
            "LoadReport(rows={}, added={}, skipped={}, new_people={}, ties_touched={})",
            self.rows,
            self.added,
            self.skipped.len(),
            self.new_people,
            self.ties_touched
        )
    }
}
