//! The graph-analytics methods of `tg.Graph` (declared in `graph.rs`) on
//! the graph of tie strengths: introduction paths, brokerage, communities,
//! modularity, suggestions; and the `tg.Path`, `tg.Brokerage` and
//! `tg.Communities` classes.

use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use tiegraph::arrow_array::{Array, RecordBatch, StringArray, UInt32Array};
use tiegraph::arrow_schema::{DataType, Field, Schema};
use tiegraph::{Brokerage, IntroductionPath};

use crate::columns::{Columns, arrow_error};
use crate::conv::{self, count, repr};
use crate::errors::err;
use crate::graph::Graph;
use crate::score::Query;
use crate::table::Table;

// ----- introduction paths -----------------------------------------------

/// A way for one person to reach another through people they know.
///
/// Returned by :meth:`Graph.introduction_path` and
/// :meth:`Graph.introduction_paths`. Paths compare by value.
///
/// Attributes
/// ----------
/// people : list of str
///     The keys of the people on the path, from the person asking to the
///     person to reach.
/// strengths : list of float
///     ``strengths[i]`` is the strength of the tie between ``people[i]``
///     and ``people[i + 1]``.
/// bottleneck : float
///     The weakest strength on the path: an introduction is only as good as
///     its weakest link.
/// product : float
///     The product of the strengths, multiplied from the first tie on.
/// weakest : int
///     Index in ``strengths`` of the weakest tie (the first of equals).
/// reason : str
///     The path in words, e.g. ``"ana → sam (0.71) → lee (0.43): weakest
///     link sam–lee"`` or ``"ana → lee (0.50): a direct tie"``.
/// hops : int
///     Number of ties on the path.
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Path")]
#[derive(Clone, PartialEq)]
pub struct PyPath {
    /// The keys of the people on the path, from the person asking to the person to reach.
    #[pyo3(get)]
    people: Vec<String>,
    /// The strength of each tie on the path, in order.
    ///
    /// ``strengths[i]`` is the strength of the tie between ``people[i]`` and
    /// ``people[i + 1]``.
    #[pyo3(get)]
    strengths: Vec<f64>,
    /// The weakest strength on the path: an introduction is only as good as its weakest link.
    #[pyo3(get)]
    bottleneck: f64,
    /// The product of the strengths, multiplied from the first tie on.
    #[pyo3(get)]
    product: f64,
    /// The index in ``strengths`` of the weakest tie (the first of equals).
    #[pyo3(get)]
    weakest: usize,
    /// The path in words.
    ///
    /// For example ``"ana → sam (0.71) → lee (0.43): weakest link sam–lee"``
    /// or ``"ana → lee (0.50): a direct tie"``.
    #[pyo3(get)]
    reason: String,
}

impl From<IntroductionPath<'_>> for PyPath {
    fn from(p: IntroductionPath<'_>) -> Self {
        PyPath {
            people: p.people.iter().map(|x| x.key.clone()).collect(),
            strengths: p.strengths,
            bottleneck: p.bottleneck,
            product: p.product,
            weakest: p.weakest,
            reason: p.reason,
        }
    }
}

#[pymethods]
impl PyPath {
    /// The number of ties on the path.
    #[getter]
    fn hops(&self) -> usize {
        self.strengths.len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Path(people={}, bottleneck={:.4}, product={:.4})",
            repr(py, &self.people)?,
            self.bottleneck,
            self.product
        ))
    }
}

/// `Graph.introduction_path`.
pub fn introduction_path(
    graph: &Graph,
    (from, to): (&str, &str),
    max_hops: i64,
    q: Query<'_, '_>,
) -> PyResult<Option<PyPath>> {
    let max_hops = count(max_hops, "max_hops")?;
    q.run(graph, |v, t| {
        Ok(v.introduction_path(from, to, t, max_hops)?.map(PyPath::from))
    })
}

/// `Graph.introduction_paths`.
pub fn introduction_paths(
    graph: &Graph,
    (from, to): (&str, &str),
    k: i64,
    max_hops: i64,
    q: Query<'_, '_>,
) -> PyResult<Vec<PyPath>> {
    let k = count(k, "k")?;
    let max_hops = count(max_hops, "max_hops")?;
    q.run(graph, |v, t| {
        Ok(v.introduction_paths(from, to, t, max_hops, k)?
            .into_iter()
            .map(PyPath::from)
            .collect())
    })
}

// ----- brokerage --------------------------------------------------------

/// One person's position between others, from :meth:`Graph.brokerage`.
///
/// Burt's constraint and effective size on the graph of tie strengths, as
/// networkx computes ``constraint(G, weight=...)`` and
/// ``effective_size(G, weight=...)`` on an undirected weighted graph. Low
/// constraint and high effective size mark a broker: someone whose
/// contacts do not know each other.
///
/// Attributes
/// ----------
/// person : str
///     The person's key.
/// degree : int
///     Number of ties with strength > 0.
/// strength : float
///     Sum of the strengths of those ties.
/// constraint : float
///     C_i = Σ_j (p_ij + Σ_q p_iq p_qj)² with p_ij = w_ij / Σ_k w_ik; NaN
///     without ties.
/// effective_size : float
///     Burt's Σ_j (1 − Σ_q p_iq m_jq) with m_jq = w_jq / max_k w_jk; NaN
///     without ties.
/// unweighted_effective_size : float
///     Borgatti's n − 2t/n, t the ties among the n contacts; NaN without ties.
/// constrained_by : list of (str, float)
///     The (at most three) contacts with the largest local constraint
///     (p_ij + Σ_q p_iq p_qj)², largest first, then by key.
/// reason : str
///     The position in words, e.g. ``"ties to 2 people, 2.00 of them
///     non-redundant; constraint 0.50, most from ana (0.25)"``.
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Brokerage")]
#[derive(Clone, PartialEq)]
pub struct PyBrokerage {
    /// The person's key.
    #[pyo3(get)]
    person: String,
    /// The number of their ties with strength > 0.
    #[pyo3(get)]
    degree: usize,
    /// The sum of the strengths of those ties.
    #[pyo3(get)]
    strength: f64,
    /// Burt's constraint, NaN without ties.
    ///
    /// C_i = Σ_j (p_ij + Σ_q p_iq p_qj)² with p_ij = w_ij / Σ_k w_ik.
    #[pyo3(get)]
    constraint: f64,
    /// Burt's weighted effective size, NaN without ties.
    ///
    /// Σ_j (1 − Σ_q p_iq m_jq) with m_jq = w_jq / max_k w_jk.
    #[pyo3(get)]
    effective_size: f64,
    /// Borgatti's effective size n − 2t/n, NaN without ties.
    ///
    /// t is the number of ties among the n contacts.
    #[pyo3(get)]
    unweighted_effective_size: f64,
    /// The contacts that constrain most, as ``(key, local constraint)``.
    ///
    /// At most three, largest local constraint (p_ij + Σ_q p_iq p_qj)²
    /// first, then by key.
    #[pyo3(get)]
    constrained_by: Vec<(String, f64)>,
    /// The position in words.
    ///
    /// For example ``"ties to 2 people, 2.00 of them non-redundant;
    /// constraint 0.50, most from ana (0.25)"``.
    #[pyo3(get)]
    reason: String,
}

impl From<Brokerage<'_>> for PyBrokerage {
    fn from(b: Brokerage<'_>) -> Self {
        PyBrokerage {
            person: b.person.key.clone(),
            degree: b.degree,
            strength: b.strength,
            constraint: b.constraint,
            effective_size: b.effective_size,
            unweighted_effective_size: b.unweighted_effective_size,
            constrained_by: b
                .constrained_by
                .iter()
                .map(|c| (c.person.key.clone(), c.value))
                .collect(),
            reason: b.reason,
        }
    }
}

#[pymethods]
impl PyBrokerage {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Brokerage(person={}, degree={}, constraint={:.4}, effective_size={:.4})",
            repr(py, &self.person)?,
            self.degree,
            self.constraint,
            self.effective_size
        ))
    }
}

/// `Graph.brokerage`.
pub fn brokerage(graph: &Graph, person: &str, q: Query<'_, '_>) -> PyResult<PyBrokerage> {
    q.run(graph, |v, t| Ok(v.brokerage(person, t)?.into()))
}

/// `Graph.brokerage_all`: one row per person, in key order.
pub fn brokerage_all(graph: &Graph, q: Query<'_, '_>) -> PyResult<Table> {
    q.run(graph, |v, t| {
        let rows = v.brokerage_all(t)?;
        Columns::new(&rows)
            .str("person", |r| r.person.key.as_str())
            .count("degree", |r| r.degree)
            .f64("strength", |r| r.strength)
            .f64("constraint", |r| r.constraint)
            .f64("effective_size", |r| r.effective_size)
            .f64("unweighted_effective_size", |r| r.unweighted_effective_size)
            .contributors("constrained_by", |r| r.constrained_by.as_slice())
            .str("reason", |r| r.reason.as_str())
            .finish()
    })
    .map(Table::from_batch)
}

// ----- communities ------------------------------------------------------

/// A partition of everyone into communities, from :meth:`Graph.communities`.
///
/// Communities are numbered from 0 in the key order of their smallest
/// member; a person without ties is a community of their own.
///
/// Attributes
/// ----------
/// table : Table
///     Every person of the graph, in key order: columns ``person``
///     (string) and ``community`` (uint32).
/// count : int
///     Number of communities.
/// modularity : float
///     Newman's modularity of the partition on the strength-weighted graph,
///     at ``resolution``.
/// resolution : float
///     The resolution γ it was found with.
///
/// Examples
/// --------
/// >>> import datetime as dt
/// >>> g = Graph()
/// >>> for a, b in [("ana", "bo"), ("bo", "cy"), ("cy", "ana"), ("lee", "max"), ("max", "sam"), ("sam", "lee")]:
/// ...     g.add_interaction(a, b, at=dt.datetime(2026, 3, 2), channel="in_person")
/// >>> c = g.communities(as_of=dt.datetime(2026, 3, 2), seed=7)
/// >>> c.count, round(c.modularity, 6), c.of("max")
/// (2, 0.5, 1)
/// >>> c.groups()
/// [['ana', 'bo', 'cy'], ['lee', 'max', 'sam']]
/// >>> c.table.column("community").to_pylist()
/// [0, 0, 0, 1, 1, 1]
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "Communities")]
pub struct PyCommunities {
    people: StringArray,
    community: UInt32Array,
    /// The number of communities.
    #[pyo3(get)]
    count: usize,
    /// Newman's modularity of the partition at ``resolution``, on the strength-weighted graph.
    #[pyo3(get)]
    modularity: f64,
    /// The resolution γ the partition was found with.
    #[pyo3(get)]
    resolution: f64,
    /// Every person's community, as a table.
    ///
    /// Every person of the graph, in key order: columns ``person`` (string)
    /// and ``community`` (uint32).
    #[pyo3(get)]
    table: Py<Table>,
}

impl PyCommunities {
    fn groups_of(&self) -> Vec<Vec<String>> {
        let mut out = vec![Vec::new(); self.count];
        for (key, c) in self.people.iter().zip(self.community.values()) {
            if let (Some(key), Some(group)) = (key, out.get_mut(*c as usize)) {
                group.push(key.to_string());
            }
        }
        out
    }
}

#[pymethods]
impl PyCommunities {
    /// The community of a person; None for a key the partition does not hold.
    ///
    /// Parameters
    /// ----------
    /// key : str
    ///     The person's key.
    ///
    /// Returns
    /// -------
    /// int or None
    ///     The community's number.
    fn of(&self, key: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.people.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.people.value(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.community.value(mid)),
            }
        }
        None
    }

    /// The keys of community ``c``'s members, in key order (none when out of range).
    ///
    /// Parameters
    /// ----------
    /// c : int
    ///     The community's number, from 0.
    ///
    /// Returns
    /// -------
    /// list of str
    ///     The members' keys; empty when there is no community ``c``.
    fn members(&self, c: i64) -> Vec<String> {
        self.people
            .iter()
            .zip(self.community.values())
            .filter(|(_, x)| i64::from(**x) == c)
            .filter_map(|(key, _)| key.map(str::to_string))
            .collect()
    }

    /// Every community's member keys, in community order.
    ///
    /// Returns
    /// -------
    /// list of list of str
    ///     One list of keys per community, in key order: the shape
    ///     :meth:`Graph.modularity` takes back.
    fn groups(&self) -> Vec<Vec<String>> {
        self.groups_of()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Communities(count={}, modularity={:.4}, resolution={})",
            self.count,
            self.modularity,
            repr(py, self.resolution)?
        ))
    }
}

/// `Graph.communities`.
pub fn communities(
    graph: &Graph,
    py: Python<'_>,
    resolution: f64,
    seed: u64,
    q: Query<'_, '_>,
) -> PyResult<PyCommunities> {
    let (people, community, count, modularity) = q.run(graph, |v, t| {
        let c = v.communities(t, resolution, seed)?;
        let people = StringArray::from_iter_values(c.people.iter().map(|p| p.key.as_str()));
        let community =
            UInt32Array::from_iter_values(c.community.iter().map(|&x| u32::try_from(x).unwrap_or(u32::MAX)));
        Ok((people, community, c.count, c.modularity))
    })?;
    let schema = Schema::new(vec![
        Field::new("person", DataType::Utf8, false),
        Field::new("community", DataType::UInt32, false),
    ]);
    // the arrays share their buffers with the table's: no copy
    let batch = RecordBatch::try_new(
        Arc::new(schema),
        vec![Arc::new(people.clone()), Arc::new(community.clone())],
    )
    .map_err(|e| err(arrow_error(e)))?;
    Ok(PyCommunities {
        people,
        community,
        count,
        modularity,
        resolution,
        table: Py::new(py, Table::from_batch(batch))?,
    })
}

/// A partition argument: a `Communities`, a dict key → label, or an
/// iterable of iterables of keys.
fn partition(ob: &Bound<'_, PyAny>) -> PyResult<Vec<Vec<String>>> {
    if let Ok(c) = ob.cast::<PyCommunities>() {
        return Ok(c.get().groups_of());
    }
    let groups: Vec<Bound<'_, PyAny>> = if let Ok(d) = ob.cast::<PyDict>() {
        // group the keys by label, in the order labels first appear
        let by_label = PyDict::new(ob.py());
        for (key, label) in d.iter() {
            match by_label.get_item(&label)? {
                Some(list) => list.cast::<PyList>()?.append(key)?,
                None => by_label.set_item(label, PyList::new(ob.py(), [key])?)?,
            }
        }
        by_label.values().iter().collect()
    } else if ob.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "partition must be a list of lists of keys or a dict key -> label, not a str",
        ));
    } else {
        ob.try_iter()?.collect::<PyResult<_>>()?
    };
    groups
        .iter()
        .map(|g| {
            if g.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(format!(
                    "each community must be a list of keys, not the str {}",
                    g.repr()?
                )));
            }
            g.try_iter()?.map(|k| k?.extract::<String>()).collect()
        })
        .collect()
}

/// `Graph.modularity`.
pub fn modularity(
    graph: &Graph,
    groups: &Bound<'_, PyAny>,
    resolution: f64,
    q: Query<'_, '_>,
) -> PyResult<f64> {
    let groups = partition(groups)?;
    q.run(graph, |v, t| v.modularity(&groups, t, resolution))
}

// ----- suggestions ------------------------------------------------------

/// `Graph.suggest`: person, score, shared, via, reason.
pub fn suggest(graph: &Graph, person: &str, k: i64, method: &str, q: Query<'_, '_>) -> PyResult<Table> {
    let k = count(k, "k")?;
    let method = conv::suggest_method(method)?;
    q.run(graph, |v, t| {
        let rows = v.suggest(person, k, t, method)?;
        Columns::new(&rows)
            .str("person", |r| r.person.key.as_str())
            .f64("score", |r| r.score)
            .count("shared", |r| r.shared)
            .contributors("via", |r| r.via.as_slice())
            .str("reason", |r| r.reason.as_str())
            .finish()
    })
    .map(Table::from_batch)
}
