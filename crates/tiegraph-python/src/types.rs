//! Read-only value classes handed to Python: copies of core values, so that
//! holding one never holds the graph's lock.

use chrono::{DateTime, Utc};
use pyo3::prelude::*;

use crate::conv::repr;

/// A person: a key and optional details.
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Person")]
#[derive(Clone, PartialEq)]
pub struct PyPerson {
    #[pyo3(get)]
    key: String,
    #[pyo3(get)]
    name: Option<String>,
    #[pyo3(get)]
    organisation: Option<String>,
    #[pyo3(get)]
    role: Option<String>,
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
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Channel")]
#[derive(Clone, PartialEq)]
pub struct PyChannel {
    #[pyo3(get)]
    name: String,
    /// `"online"` or `"offline"`.
    #[pyo3(get)]
    mode: &'static str,
    /// `"offline"`, `"synchronous"`, `"private_written"`, `"public_directed"`,
    /// `"broadcast"` or `"one_click"`.
    #[pyo3(get)]
    class_: &'static str,
    #[pyo3(get)]
    weight: f64,
    #[pyo3(get)]
    mutual: bool,
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

/// One stored interaction.
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Interaction")]
#[derive(Clone, PartialEq)]
pub struct PyInteraction {
    #[pyo3(get)]
    src: String,
    #[pyo3(get)]
    dst: String,
    /// Aware, in UTC.
    #[pyo3(get)]
    at: DateTime<Utc>,
    #[pyo3(get)]
    channel: String,
    #[pyo3(get)]
    duration: Option<f64>,
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

/// A declared platform link.
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Connection")]
#[derive(Clone, PartialEq)]
pub struct PyConnection {
    #[pyo3(get)]
    a: String,
    #[pyo3(get)]
    b: String,
    #[pyo3(get)]
    platform: String,
    /// `"mutual"` or `"follows"` (a follows b).
    #[pyo3(get)]
    kind: &'static str,
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
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "LoadReport")]
pub struct PyLoadReport {
    /// Rows read.
    #[pyo3(get)]
    rows: u64,
    /// Rows added.
    #[pyo3(get)]
    added: u64,
    /// `(row, message)` of each row left out with `on_error="skip"`.
    #[pyo3(get)]
    skipped: Vec<(u64, String)>,
    /// People created because a row named them.
    #[pyo3(get)]
    new_people: u64,
    /// Ties that received at least one row.
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
