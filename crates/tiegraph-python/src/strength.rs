//! The value classes of scoring results: `tg.Strength`, `tg.Contact`,
//! `tg.Explanation`. Copies of core values, so that holding one never holds
//! the graph's lock.

use chrono::{DateTime, Utc};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use tiegraph::{Components, Contact, Explanation, Side, State, Strength};

use crate::conv::repr;

/// The key of the person a `OneSided` state names, in the order asked.
pub fn one_sided_from<'k>(state: State, a: &'k str, b: &'k str) -> Option<&'k str> {
    match state {
        State::OneSided { from: Side::A } => Some(a),
        State::OneSided { from: Side::B } => Some(b),
        _ => None,
    }
}

/// The strength of one relationship at one date, and why.
///
/// Attributes
/// ----------
/// value : float
///     The strength, in [0, 1].
/// components : dict of str to float
///     The features ``recency``, ``intensity``, ``duration``, ``regularity``,
///     ``reciprocity``, ``multiplexity``, ``connection`` (and
///     ``structural`` when the model has it on), each in [0, 1].
/// contributions : dict of str to float
///     ω·f / Σω per feature; they sum to the value before the online-only
///     cap (only ``connection`` contributes when the pair is not two-way).
/// state : str
///     ``"dormant"``, ``"cooling"``, ``"active"``, ``"one_sided"``,
///     ``"passive"``, ``"connected"`` or ``"none"``.
/// one_sided_from : str or None
///     The key of the side that reached out when the state is ``"one_sided"``.
/// peak : float or None
///     The highest strength at the times of the pair's meaningful
///     interactions and at the date: set by ``Graph.explain``, by
///     ``Graph.ties(with_peak=True)`` and whenever the dormant rule needed
///     it; ``Graph.peak`` gives it with its time.
/// effort : tuple of (float, float)
///     What each side put in (decayed intensity sums), in the order asked.
/// two_way : bool
///     Both sides have a meaningful interaction at or before the date.
/// online_only : bool
///     Two-way but never met or called (meaningfully).
/// capped : bool
///     The online-only cap lowered the value.
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Strength")]
#[derive(Clone, PartialEq)]
pub struct PyStrength {
    /// The strength, in [0, 1].
    #[pyo3(get)]
    value: f64,
    components: Components,
    contributions: Components,
    /// The state of the tie.
    ///
    /// ``"dormant"``, ``"cooling"``, ``"active"``, ``"one_sided"``,
    /// ``"passive"``, ``"connected"`` or ``"none"``.
    #[pyo3(get)]
    state: &'static str,
    /// The key of the side that reached out when the state is ``"one_sided"``, else None.
    #[pyo3(get)]
    one_sided_from: Option<String>,
    /// The pair's peak strength, or None when it was not computed.
    ///
    /// The highest strength at the times of the pair's meaningful
    /// interactions and at the date: set by ``Graph.explain``, by
    /// ``Graph.ties(with_peak=True)`` and whenever the dormant rule needed
    /// it; ``Graph.peak`` gives it with its time.
    #[pyo3(get)]
    peak: Option<f64>,
    /// What each side put in (decayed intensity sums), in the order asked.
    #[pyo3(get)]
    effort: (f64, f64),
    /// Whether both sides have a meaningful interaction at or before the date.
    #[pyo3(get)]
    two_way: bool,
    /// Whether the pair is two-way but never met or called (meaningfully).
    #[pyo3(get)]
    online_only: bool,
    /// Whether the online-only cap lowered the value.
    #[pyo3(get)]
    capped: bool,
}

impl PyStrength {
    /// The Python copy of a score of `a` and `b` (in the order asked).
    pub fn new(s: &Strength, a: &str, b: &str) -> PyStrength {
        PyStrength {
            value: s.value,
            components: s.components,
            contributions: s.contributions,
            state: s.state.name(),
            one_sided_from: one_sided_from(s.state, a, b).map(str::to_string),
            peak: s.peak,
            effort: (s.effort.a, s.effort.b),
            two_way: s.two_way,
            online_only: s.online_only,
            capped: s.capped,
        }
    }
}

fn named<'py>(py: Python<'py>, c: &Components) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for (name, v) in c.named() {
        d.set_item(name, v)?;
    }
    Ok(d)
}

#[pymethods]
impl PyStrength {
    /// The features by name, each in [0, 1].
    ///
    /// ``recency``, ``intensity``, ``duration``, ``regularity``,
    /// ``reciprocity``, ``multiplexity``, ``connection`` (and ``structural``
    /// when the model has it on).
    #[getter]
    fn components<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        named(py, &self.components)
    }

    /// What each feature adds to the strength, ω·f / Σω, by name.
    ///
    /// They sum to the value before the online-only cap (only ``connection``
    /// contributes when the pair is not two-way).
    #[getter]
    fn contributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        named(py, &self.contributions)
    }

    /// The value.
    fn __float__(&self) -> f64 {
        self.value
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let components: Vec<String> = self
            .components
            .named()
            .iter()
            .map(|(k, v)| format!("{k}={v:.4}"))
            .collect();
        let from = match &self.one_sided_from {
            Some(k) => format!(", one_sided_from={}", repr(py, k)?),
            None => String::new(),
        };
        let peak = match self.peak {
            Some(p) => format!(", peak={p:.4}"),
            None => String::new(),
        };
        Ok(format!(
            "Strength(value={:.4}, state={}{from}{peak}, two_way={}, online_only={}, capped={}, \
             components=({}))",
            self.value,
            repr(py, self.state)?,
            py_bool(self.two_way),
            py_bool(self.online_only),
            py_bool(self.capped),
            components.join(", "),
        ))
    }
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// One interaction named in an :class:`Explanation`.
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Contact")]
#[derive(Clone, PartialEq)]
pub struct PyContact {
    /// When it happened (aware, UTC).
    #[pyo3(get)]
    at: DateTime<Utc>,
    /// The channel's name.
    #[pyo3(get)]
    channel: String,
    /// The key of the person who initiated it.
    #[pyo3(get)]
    from_: String,
    /// The effective weight W = w_c × m × g.
    #[pyo3(get)]
    weight: f64,
    /// Its share of the pair's decayed intensity, in [0, 1].
    #[pyo3(get)]
    share: f64,
}

impl From<&Contact> for PyContact {
    fn from(c: &Contact) -> Self {
        PyContact {
            at: c.at,
            channel: c.channel.clone(),
            from_: c.from.clone(),
            weight: c.weight,
            share: c.share,
        }
    }
}

#[pymethods]
impl PyContact {
    /// The same as :attr:`from_`.
    #[getter]
    fn initiator(&self) -> &str {
        &self.from_
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Contact(at={}, channel={}, from_={}, weight={}, share={:.4})",
            repr(py, self.at)?,
            repr(py, &self.channel)?,
            repr(py, &self.from_)?,
            repr(py, self.weight)?,
            self.share,
        ))
    }
}

/// A strength and why: the contacts that weigh most, and plain sentences.
///
/// ``str(explanation)`` is the reasons, one a line.
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "Explanation")]
pub struct PyExplanation {
    /// The score, with its ``peak`` set.
    #[pyo3(get)]
    strength: PyStrength,
    /// The latest contact that made the pair two-way (the earlier side's last).
    #[pyo3(get)]
    last_two_way: Option<PyContact>,
    /// The latest meaningful offline contact.
    #[pyo3(get)]
    last_met: Option<PyContact>,
    /// The contacts that contribute most to intensity, largest first (at most 5).
    #[pyo3(get)]
    top: Vec<PyContact>,
    /// Plain sentences, most important first.
    #[pyo3(get)]
    reasons: Vec<String>,
}

impl PyExplanation {
    /// The Python copy of an explanation of `a` and `b` (in the order asked).
    pub fn new(e: &Explanation, a: &str, b: &str) -> PyExplanation {
        PyExplanation {
            strength: PyStrength::new(&e.strength, a, b),
            last_two_way: e.last_two_way.as_ref().map(PyContact::from),
            last_met: e.last_met.as_ref().map(PyContact::from),
            top: e.top.iter().map(PyContact::from).collect(),
            reasons: e.reasons.clone(),
        }
    }
}

#[pymethods]
impl PyExplanation {
    /// The reasons, one a line.
    fn __str__(&self) -> String {
        self.reasons.join("\n")
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Explanation(strength={:.4}, state={}, reasons={})",
            self.strength.value,
            repr(py, self.strength.state)?,
            repr(py, &self.reasons)?,
        ))
    }
}
