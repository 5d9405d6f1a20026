//! `tg.Graph`: the core `RelationshipGraph` behind a lock.
//!
//! Locking rules, so that Python threads can read while one writes and
//! nothing deadlocks:
//! - the lock is only ever held inside [`Graph::read`] / [`Graph::write`]
//!   closures, which are pure Rust (they are `Send`, so they cannot touch a
//!   Python object) and so never call back into Python;
//! - a lock that is free is taken without detaching (cheap calls stay
//!   cheap); a contended lock, and every heavy call, is waited for and held
//!   detached from the interpreter, so other Python threads run meanwhile.

use std::path::PathBuf;
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard, TryLockError};

use chrono::TimeDelta;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyType};
use tiegraph::{
    ArrowColumns, Cadence, Channel, Connection, ConnectionColumns, Error, ExportOptions, GroupEvent,
    Interaction, LiftOptions, Person, RelationshipGraph, TieFilter,
};

use crate::errors::err;
use crate::model::PyScoringModel;
use crate::network::{self, PyBrokerage, PyCommunities, PyPath};
use crate::recommend::{self, PyEgoLayers, PyLiftReport};
use crate::score::{self, Query, Which};
use crate::strength::{PyExplanation, PyStrength};
use crate::table::Table;
use crate::types::{PyChannel, PyConnection, PyInteraction, PyLoadReport, PyPerson};
use crate::{conv, export, load};

/// The graph and a count of wholesale replacements (unpickling into it),
/// which a bulk load in progress must notice.
pub struct State {
    pub graph: RelationshipGraph,
    pub epoch: u64,
}

/// A relationship graph: people addressed by key, and the interactions and
/// connections that tie them.
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "Graph")]
pub struct Graph {
    state: RwLock<State>,
}

/// Whether a call may take long enough to be worth detaching for even when
/// the lock is free.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Cost {
    Cheap,
    Heavy,
}

impl Graph {
    fn from_graph(graph: RelationshipGraph) -> Graph {
        Graph {
            state: RwLock::new(State { graph, epoch: 0 }),
        }
    }

    fn read_guard(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write_guard(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` with the graph locked for reading.
    pub fn read<R, F>(&self, py: Python<'_>, cost: Cost, f: F) -> R
    where
        F: FnOnce(&State) -> R + Send,
        R: Send,
    {
        if cost == Cost::Cheap {
            match self.state.try_read() {
                Ok(g) => return f(&g),
                Err(TryLockError::Poisoned(p)) => return f(&p.into_inner()),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        py.detach(|| f(&self.read_guard()))
    }

    /// Runs `f` with the graph locked for writing.
    pub fn write<R, F>(&self, py: Python<'_>, cost: Cost, f: F) -> R
    where
        F: FnOnce(&mut State) -> R + Send,
        R: Send,
    {
        if cost == Cost::Cheap {
            match self.state.try_write() {
                Ok(mut g) => return f(&mut g),
                Err(TryLockError::Poisoned(p)) => return f(&mut p.into_inner()),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        py.detach(|| f(&mut self.write_guard()))
    }

    /// A core call on the graph for reading, its error raised.
    fn with<R, F>(&self, py: Python<'_>, f: F) -> PyResult<R>
    where
        F: FnOnce(&RelationshipGraph) -> tiegraph::Result<R> + Send,
        R: Send,
    {
        self.read(py, Cost::Cheap, |s| f(&s.graph)).map_err(err)
    }

    /// A core call on the graph for writing, its error raised.
    fn with_mut<R, F>(&self, py: Python<'_>, f: F) -> PyResult<R>
    where
        F: FnOnce(&mut RelationshipGraph) -> tiegraph::Result<R> + Send,
        R: Send,
    {
        self.write(py, Cost::Cheap, |s| f(&mut s.graph)).map_err(err)
    }

    fn snapshot(&self, py: Python<'_>) -> PyResult<Vec<u8>> {
        self.read(py, Cost::Heavy, |s| {
            let mut buf = Vec::new();
            s.graph.write_json(&mut buf).map(|()| buf)
        })
        .map_err(err)
    }
}

fn person(
    key: String,
    name: Option<String>,
    organisation: Option<String>,
    role: Option<String>,
    tags: Option<Vec<String>>,
) -> Person {
    Person {
        key,
        name,
        organisation,
        role,
        tags: tags.unwrap_or_default(),
    }
}

#[pymethods]
impl Graph {
    /// An empty graph that knows the nine built-in channels.
    #[new]
    fn new() -> Graph {
        Graph::from_graph(RelationshipGraph::new())
    }

    // ----- people -------------------------------------------------------

    /// Adds a person; the key must be new and non-empty.
    #[pyo3(signature = (key, *, name=None, organisation=None, role=None, tags=None))]
    fn add_person(
        &self,
        py: Python<'_>,
        key: String,
        name: Option<String>,
        organisation: Option<String>,
        role: Option<String>,
        tags: Option<Vec<String>>,
    ) -> PyResult<()> {
        let p = person(key, name, organisation, role, tags);
        self.with_mut(py, |g| g.add_person(p).map(|_| ()))
    }

    /// Changes the details given (those left as None are kept).
    #[pyo3(signature = (key, *, name=None, organisation=None, role=None, tags=None))]
    fn update_person(
        &self,
        py: Python<'_>,
        key: String,
        name: Option<String>,
        organisation: Option<String>,
        role: Option<String>,
        tags: Option<Vec<String>>,
    ) -> PyResult<()> {
        self.with_mut(py, |g| {
            let old = g.person(&key)?.clone();
            g.update_person(Person {
                key,
                name: name.or(old.name),
                organisation: organisation.or(old.organisation),
                role: role.or(old.role),
                tags: tags.unwrap_or(old.tags),
            })
        })
    }

    /// The person with this key.
    fn person(&self, py: Python<'_>, key: &str) -> PyResult<PyPerson> {
        self.with(py, |g| g.person(key).cloned()).map(PyPerson::from)
    }

    /// Every person, in key order.
    fn people(&self, py: Python<'_>) -> Vec<PyPerson> {
        let people: Vec<Person> = self.read(py, Cost::Heavy, |s| s.graph.people().cloned().collect());
        people.into_iter().map(PyPerson::from).collect()
    }

    /// Removes a person and their ties; returns the person removed.
    fn remove_person(&self, py: Python<'_>, key: &str) -> PyResult<PyPerson> {
        self.with_mut(py, |g| g.remove_person(key)).map(PyPerson::from)
    }

    fn __contains__(&self, py: Python<'_>, key: &str) -> bool {
        self.read(py, Cost::Cheap, |s| s.graph.contains_person(key))
    }

    /// Number of people.
    fn __len__(&self, py: Python<'_>) -> usize {
        self.person_count(py)
    }

    /// Number of people.
    #[getter]
    fn person_count(&self, py: Python<'_>) -> usize {
        self.read(py, Cost::Cheap, |s| s.graph.person_count())
    }

    /// Number of ties (pairs with an interaction or a connection).
    #[getter]
    fn tie_count(&self, py: Python<'_>) -> usize {
        self.read(py, Cost::Cheap, |s| s.graph.tie_count())
    }

    /// Number of stored interactions (a group event counts once per pair).
    #[getter]
    fn interaction_count(&self, py: Python<'_>) -> usize {
        self.read(py, Cost::Cheap, |s| s.graph.interaction_count())
    }

    // ----- interactions, events, connections ----------------------------

    /// Adds one interaction; people it names are created if new.
    #[pyo3(signature = (src, dst, *, at, channel, duration=None, weight=1.0))]
    #[allow(clippy::too_many_arguments)]
    fn add_interaction(
        &self,
        py: Python<'_>,
        src: String,
        dst: String,
        at: &Bound<'_, PyAny>,
        channel: String,
        duration: Option<f64>,
        weight: f64,
    ) -> PyResult<()> {
        let it = interaction(src, dst, at, channel, duration, weight)?;
        self.with_mut(py, |g| g.add_interaction(it))
    }

    /// Removes one stored interaction equal to this one.
    #[pyo3(signature = (src, dst, *, at, channel, duration=None, weight=1.0))]
    #[allow(clippy::too_many_arguments)]
    fn remove_interaction(
        &self,
        py: Python<'_>,
        src: String,
        dst: String,
        at: &Bound<'_, PyAny>,
        channel: String,
        duration: Option<f64>,
        weight: f64,
    ) -> PyResult<()> {
        let it = interaction(src, dst, at, channel, duration, weight)?;
        self.with_mut(py, |g| g.remove_interaction(&it))
    }

    /// Adds a group event: one interaction per pair of participants, each
    /// with weight `weight / sqrt(n - 1)`.
    #[pyo3(signature = (participants, *, at, channel="event", duration=None, weight=1.0, name=None))]
    #[allow(clippy::too_many_arguments)]
    fn add_event(
        &self,
        py: Python<'_>,
        participants: Vec<String>,
        at: &Bound<'_, PyAny>,
        channel: &str,
        duration: Option<f64>,
        weight: f64,
        name: Option<String>,
    ) -> PyResult<()> {
        let event = GroupEvent {
            participants,
            at: conv::time(at, "at")?,
            channel: channel.to_string(),
            duration,
            weight,
            name,
        };
        self.with_mut(py, |g| g.add_event(event))
    }

    /// Adds a declared connection (`kind="follows"`: a follows b).
    #[pyo3(signature = (a, b, *, platform, kind="mutual", since=None))]
    fn add_connection(
        &self,
        py: Python<'_>,
        a: String,
        b: String,
        platform: String,
        kind: &str,
        since: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let c = Connection {
            a,
            b,
            platform,
            kind: conv::connection_kind(kind)?,
            since: conv::opt_time(since, "since")?,
        };
        self.with_mut(py, |g| g.add_connection(c))
    }

    /// The interactions of a tie, in time order.
    fn interactions(&self, py: Python<'_>, a: &str, b: &str) -> PyResult<Vec<PyInteraction>> {
        let v: Vec<Interaction> = self.with(py, |g| Ok(g.tie(a, b)?.interactions().collect()))?;
        Ok(v.into_iter().map(PyInteraction::from).collect())
    }

    /// The declared connections of a tie, by platform.
    fn connections(&self, py: Python<'_>, a: &str, b: &str) -> PyResult<Vec<PyConnection>> {
        let v: Vec<Connection> = self.with(py, |g| Ok(g.tie(a, b)?.connections().collect()))?;
        Ok(v.into_iter().map(PyConnection::from).collect())
    }

    // ----- channels -----------------------------------------------------

    /// Registers a channel; the same definition again is a no-op.
    #[pyo3(signature = (name, *, mode, class_, weight, mutual=false, typical_duration=None))]
    #[allow(clippy::too_many_arguments)]
    fn register_channel(
        &self,
        py: Python<'_>,
        name: String,
        mode: &str,
        class_: &str,
        weight: f64,
        mutual: bool,
        typical_duration: Option<f64>,
    ) -> PyResult<PyChannel> {
        let c = Channel {
            name,
            mode: conv::mode(mode)?,
            class: conv::channel_class(class_)?,
            weight,
            mutual,
            typical_duration,
        };
        let out = PyChannel::from(&c);
        self.with_mut(py, |g| g.register_channel(c).map(|_| ()))?;
        Ok(out)
    }

    /// A channel by name.
    fn channel(&self, py: Python<'_>, name: &str) -> PyResult<PyChannel> {
        self.with(py, |g| g.channel(name).map(PyChannel::from))
    }

    /// Every channel, built-in first.
    fn channels(&self, py: Python<'_>) -> Vec<PyChannel> {
        self.read(py, Cost::Cheap, |s| {
            s.graph.channels().iter().map(PyChannel::from).collect()
        })
    }

    // ----- bulk loads ---------------------------------------------------

    /// Loads interactions from an Arrow stream, a DataFrame, or a `.csv` /
    /// `.parquet` path, all or nothing unless `on_error="skip"`.
    #[pyo3(signature = (
        data, *, src="src", dst="dst", time="time",
        channel="channel", duration=None, weight=None, on_error="raise",
        progress=None, time_unit=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn load_interactions(
        &self,
        data: &Bound<'_, PyAny>,
        src: &str,
        dst: &str,
        time: &str,
        channel: &str,
        duration: Option<String>,
        weight: Option<String>,
        on_error: &str,
        progress: Option<&Bound<'_, PyAny>>,
        time_unit: Option<&str>,
    ) -> PyResult<PyLoadReport> {
        let cols = ArrowColumns {
            src: src.to_string(),
            dst: dst.to_string(),
            time: time.to_string(),
            channel: channel.to_string(),
            duration,
            weight,
        };
        let on_error = conv::on_error(on_error)?;
        let progress = match progress {
            Some(p) => load::Progress::new(p)?,
            None => load::Progress::Off,
        };
        load::interactions(self, data, cols, on_error, &progress, time_unit)
    }

    /// Loads declared connections from an Arrow stream, a DataFrame, or a
    /// `.csv` / `.parquet` path.
    #[pyo3(signature = (
        data, *, a="a", b="b", platform="platform",
        kind=None, since=None, on_error="raise", time_unit=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn load_connections(
        &self,
        data: &Bound<'_, PyAny>,
        a: &str,
        b: &str,
        platform: &str,
        kind: Option<String>,
        since: Option<String>,
        on_error: &str,
        time_unit: Option<&str>,
    ) -> PyResult<PyLoadReport> {
        let cols = ConnectionColumns {
            a: a.to_string(),
            b: b.to_string(),
            platform: platform.to_string(),
            kind,
            since,
        };
        load::connections(self, data, cols, conv::on_error(on_error)?, time_unit)
    }

    // ----- scoring ------------------------------------------------------
    // Bodies in `score.rs`; documentation in `_tiegraph.pyi`.

    /// The scoring model queries use (a copy).
    #[getter]
    fn model(&self, py: Python<'_>) -> PyScoringModel {
        PyScoringModel(self.read(py, Cost::Cheap, |s| s.graph.model().clone()))
    }

    /// Sets the scoring model queries use.
    fn set_model(&self, py: Python<'_>, model: &PyScoringModel) -> PyResult<()> {
        let m = model.0.clone();
        self.with_mut(py, |g| g.set_model(m))
    }

    /// The strength of the relationship between `a` and `b` as of a date.
    #[pyo3(signature = (a, b, *, as_of, view=None, model=None))]
    fn strength(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyStrength> {
        score::strength(self, py, (a, b), as_of, Which::Scoped, view, model.as_deref())
    }

    /// The pair's peak strength and when it was reached, or None without a tie.
    #[pyo3(signature = (a, b, *, as_of, view=None, model=None))]
    fn peak(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Option<(f64, chrono::DateTime<chrono::Utc>)>> {
        score::peak(self, py, (a, b), as_of, view, model.as_deref())
    }

    /// The strength counting online interactions only.
    #[pyo3(signature = (a, b, *, as_of, model=None))]
    fn online_strength(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        as_of: &Bound<'_, PyAny>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyStrength> {
        score::strength(self, py, (a, b), as_of, Which::Online, None, model.as_deref())
    }

    /// The strength counting offline interactions only.
    #[pyo3(signature = (a, b, *, as_of, model=None))]
    fn offline_strength(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        as_of: &Bound<'_, PyAny>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyStrength> {
        score::strength(self, py, (a, b), as_of, Which::Offline, None, model.as_deref())
    }

    /// The strength with the interactions behind it, in plain words.
    #[pyo3(signature = (a, b, *, as_of, view=None, model=None))]
    fn explain(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyExplanation> {
        score::explain(self, py, (a, b), as_of, view, model.as_deref())
    }

    /// Every tie (or one person's) with its strength, as a table.
    #[pyo3(signature = (*, as_of, person=None, min_strength=0.0, with_peak=false, view=None, model=None))]
    #[allow(clippy::too_many_arguments)]
    fn ties(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyAny>,
        person: Option<String>,
        min_strength: f64,
        with_peak: bool,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        let args = score::TiesArgs {
            as_of,
            person,
            min_strength,
            with_peak,
        };
        score::ties(self, py, args, view, model.as_deref())
    }

    /// The strength between `a` and `b` from `start` to `end` (included)
    /// every `step`, as a table.
    #[pyo3(signature = (a, b, *, start, end, step, view=None, model=None))]
    #[allow(clippy::too_many_arguments)]
    fn timeline(
        &self,
        py: Python<'_>,
        a: &str,
        b: &str,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        step: TimeDelta,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        score::timeline(self, py, (a, b), start, end, step, view, model.as_deref())
    }

    // ----- analytics ----------------------------------------------------
    // Bodies in `recommend.rs` and `network.rs`; documentation (with the
    // columns of every table) in `_tiegraph.pyi`.

    /// A person's `k` strongest ties, as a table.
    #[pyo3(signature = (person, k=10, *, as_of, view=None, model=None))]
    fn strongest_ties(
        &self,
        person: &str,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        recommend::strongest_ties(
            self,
            person,
            k,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// Every person's `k` strongest ties, as one table.
    #[pyo3(signature = (k=10, *, as_of, view=None, model=None))]
    fn strongest_ties_all(
        &self,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        recommend::strongest_ties_all(
            self,
            k,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// The `k` people a person should most meet in person.
    #[pyo3(signature = (person, k=10, *, as_of, view=None, model=None))]
    fn meet_in_person(
        &self,
        person: &str,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        recommend::meet_in_person(
            self,
            person,
            k,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// The `k` pairs of the graph that should most meet in person.
    #[pyo3(signature = (k=10, *, as_of, view=None, model=None))]
    fn meet_in_person_all(
        &self,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        recommend::meet_in_person_all(
            self,
            k,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// Who to invite to a group event around a person.
    #[pyo3(signature = (person, k=10, *, as_of, view=None, model=None))]
    fn invite_list(
        &self,
        person: &str,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        recommend::invite_list(
            self,
            person,
            k,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// A person's `k` faded ties most worth reviving.
    #[pyo3(signature = (person, k=10, *, as_of, view=None, model=None))]
    fn reconnect(
        &self,
        person: &str,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        recommend::reconnect(
            self,
            person,
            k,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// The `k` faded ties of the graph with the largest loss.
    #[pyo3(signature = (k=10, *, as_of, view=None, model=None))]
    fn reconnect_all(
        &self,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        recommend::reconnect_all(
            self,
            k,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// A person's two-way ties overdue for contact on a cadence.
    #[pyo3(signature = (
        person, *, as_of, online_days=None, offline_days=None, meaningful_only=false,
        view=None, model=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn due_for_contact(
        &self,
        person: &str,
        as_of: &Bound<'_, PyAny>,
        online_days: Option<f64>,
        offline_days: Option<f64>,
        meaningful_only: bool,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        let cadence = Cadence {
            online_days,
            offline_days,
            meaningful_only,
        };
        recommend::due_for_contact(
            self,
            person,
            cadence,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// A person's ties cut into layers of cumulative sizes (Dunbar's by default).
    #[pyo3(signature = (person, *, as_of, sizes=None, view=None, model=None))]
    fn ego_layers(
        &self,
        py: Python<'_>,
        person: &str,
        as_of: &Bound<'_, PyAny>,
        sizes: Option<Vec<i64>>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyEgoLayers> {
        recommend::ego_layers(
            self,
            py,
            person,
            sizes,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// Online contact before and after a first meeting, against matched
    /// ties that never met.
    #[pyo3(signature = (
        *, as_of, person=None, history_days=90.0, window_days=90.0, rate_days=30.0,
        view=None, model=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn offline_lift(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyAny>,
        person: Option<String>,
        history_days: f64,
        window_days: f64,
        rate_days: f64,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyLiftReport> {
        let options = LiftOptions {
            person,
            history_days,
            window_days,
            rate_days,
        };
        recommend::offline_lift(
            self,
            py,
            options,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// The best way for `from_` to reach `to` through people they know, or None.
    #[pyo3(signature = (from_, to, *, as_of, max_hops=3, view=None, model=None))]
    #[allow(clippy::too_many_arguments)]
    fn introduction_path(
        &self,
        from_: &str,
        to: &str,
        as_of: &Bound<'_, PyAny>,
        max_hops: i64,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Option<PyPath>> {
        network::introduction_path(
            self,
            (from_, to),
            max_hops,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// The `k` best loopless paths from `from_` to `to`, best first.
    #[pyo3(signature = (from_, to, k=3, *, as_of, max_hops=3, view=None, model=None))]
    #[allow(clippy::too_many_arguments)]
    fn introduction_paths(
        &self,
        from_: &str,
        to: &str,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        max_hops: i64,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Vec<PyPath>> {
        let q = Query {
            as_of,
            view,
            model: model.as_deref(),
        };
        network::introduction_paths(self, (from_, to), k, max_hops, q)
    }

    /// Burt's constraint and effective size of one person's ties.
    #[pyo3(signature = (person, *, as_of, view=None, model=None))]
    fn brokerage(
        &self,
        person: &str,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyBrokerage> {
        network::brokerage(
            self,
            person,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// The brokerage of every person, as a table.
    #[pyo3(signature = (*, as_of, view=None, model=None))]
    fn brokerage_all(
        &self,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        network::brokerage_all(
            self,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// Communities (Louvain on tie strengths, reproducible for a seed).
    #[pyo3(signature = (*, as_of, resolution=1.0, seed=0, view=None, model=None))]
    #[allow(clippy::too_many_arguments)]
    fn communities(
        &self,
        py: Python<'_>,
        as_of: &Bound<'_, PyAny>,
        resolution: f64,
        seed: u64,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<PyCommunities> {
        network::communities(
            self,
            py,
            resolution,
            seed,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// The modularity of a partition of people.
    #[pyo3(signature = (partition, *, as_of, resolution=1.0, view=None, model=None))]
    fn modularity(
        &self,
        partition: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
        resolution: f64,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<f64> {
        network::modularity(
            self,
            partition,
            resolution,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    /// People `person` has no tie with yet, ranked by the contacts they share.
    #[pyo3(signature = (person, k=10, *, as_of, method="adamic_adar", view=None, model=None))]
    #[allow(clippy::too_many_arguments)]
    fn suggest(
        &self,
        person: &str,
        k: i64,
        as_of: &Bound<'_, PyAny>,
        method: &str,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<Table> {
        network::suggest(
            self,
            person,
            k,
            method,
            Query {
                as_of,
                view,
                model: model.as_deref(),
            },
        )
    }

    // ----- whole graph --------------------------------------------------

    /// Adds everything `other` holds (its people, ties, events, channels).
    fn merge(&self, py: Python<'_>, other: &Graph) -> PyResult<()> {
        // Copy `other` first so that no two locks are ever held together
        // (a.merge(b) and b.merge(a) on two threads, or g.merge(g)).
        let theirs = other.read(py, Cost::Heavy, |s| s.graph.clone());
        self.write(py, Cost::Heavy, |s| s.graph.merge(&theirs))
            .map_err(err)
    }

    /// Writes a versioned JSON snapshot keyed by person key.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        self.read(py, Cost::Heavy, |s| s.graph.save(&path)).map_err(err)
    }

    /// Reads a snapshot written by `save`.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Graph> {
        let g = py.detach(|| RelationshipGraph::load(&path)).map_err(err)?;
        Ok(Graph::from_graph(g))
    }

    // ----- exports ------------------------------------------------------
    // Bodies in `export.rs`; full documentation in `_tiegraph.pyi`.

    /// Writes the ties scored as of a date as GraphML.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores.
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    /// all_ties : bool, default False
    ///     Also write the ties whose strength is 0.
    /// person : str, optional
    ///     Only this person's ties (and the people at their other ends).
    ///
    /// Returns
    /// -------
    /// None
    #[pyo3(signature = (path, *, as_of, view=None, model=None, all_ties=false, person=None))]
    #[allow(clippy::too_many_arguments)]
    fn write_graphml(
        &self,
        path: PathBuf,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
        all_ties: bool,
        person: Option<String>,
    ) -> PyResult<()> {
        let options = ExportOptions {
            all_ties,
            person,
            ..ExportOptions::default()
        };
        let scoped = export::Scoped {
            as_of,
            view,
            model: model.as_deref(),
        };
        export::graphml(self, path, scoped, options)
    }

    /// Writes the ties scored as of a date as GEXF 1.3, with the strength
    /// sampled over time and the periods each tie was active.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores.
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    /// all_ties : bool, default False
    ///     Also write the ties whose strength is 0.
    /// person : str, optional
    ///     Only this person's ties (and the people at their other ends).
    /// active_days : float, default 90
    ///     How long a meaningful interaction keeps a tie active, in days.
    /// sampling : int or datetime.timedelta, optional
    ///     Sample the strength every this many months, or at this step
    ///     (default: monthly).
    /// start : datetime.datetime or datetime.date, optional
    ///     The first sample (default: the start of the month, or day, of
    ///     the earliest interaction written).
    ///
    /// Returns
    /// -------
    /// None
    #[pyo3(signature = (
        path, *, as_of, view=None, model=None, all_ties=false, person=None,
        active_days=90.0, sampling=None, start=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn write_gexf(
        &self,
        path: PathBuf,
        as_of: &Bound<'_, PyAny>,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
        all_ties: bool,
        person: Option<String>,
        active_days: f64,
        sampling: Option<export::SamplingArg>,
        start: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let args = export::GexfArgs {
            all_ties,
            person,
            active_days,
            sampling: sampling.unwrap_or(export::SamplingArg::Months(1)),
            start,
        };
        let scoped = export::Scoped {
            as_of,
            view,
            model: model.as_deref(),
        };
        export::gexf(self, path, scoped, args)
    }

    /// Writes the tie table (`ties`) as CSV.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores.
    /// person : str, optional
    ///     Only this person's ties, the person in column ``a``.
    /// min_strength : float, default 0
    ///     Only ties at least this strong.
    /// with_peak : bool, default False
    ///     Add a ``peak`` column.
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// None
    #[pyo3(signature = (path, *, as_of, person=None, min_strength=0.0, with_peak=false, view=None, model=None))]
    #[allow(clippy::too_many_arguments)]
    fn write_ties_csv(
        &self,
        path: PathBuf,
        as_of: &Bound<'_, PyAny>,
        person: Option<String>,
        min_strength: f64,
        with_peak: bool,
        view: Option<&Bound<'_, PyAny>>,
        model: Option<PyRef<'_, PyScoringModel>>,
    ) -> PyResult<()> {
        let filter = TieFilter {
            person,
            min_strength,
            with_peak,
        };
        let scoped = export::Scoped {
            as_of,
            view,
            model: model.as_deref(),
        };
        export::ties_csv(self, path, scoped, filter)
    }

    /// Writes every interaction as CSV (``src,dst,time,channel,duration,weight``).
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    ///
    /// Returns
    /// -------
    /// None
    fn write_interactions_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        export::whole(self, py, path, |g, w| g.write_interactions_csv(w))
    }

    /// Writes every declared connection as CSV (``a,b,platform,kind,since``).
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    ///
    /// Returns
    /// -------
    /// None
    fn write_connections_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        export::whole(self, py, path, |g, w| g.write_connections_csv(w))
    }

    /// Every interaction as a table, by tie then time.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``src``, ``dst``, ``time`` (timestamp[us, UTC]),
    ///     ``channel``, ``duration`` (float64, null when none), ``weight``.
    ///     ``pyarrow.parquet.write_table(g.interactions_table().to_arrow(), path)``
    ///     writes it as Parquet; ``load_interactions`` reads it back.
    fn interactions_table(&self, py: Python<'_>) -> PyResult<Table> {
        export::interactions_table(self, py)
    }

    /// The graph as a `networkx.Graph` scored as of a date: see
    /// `tiegraph.networkx.to_networkx` (networkx is imported only here).
    // The keywords are those of `tiegraph.networkx.to_networkx`, which
    // checks them; the text signature shows them to `help()`.
    #[pyo3(
        signature = (**kwargs),
        text_signature = "($self, /, *, as_of, min_strength=0.0, view=None, model=None)"
    )]
    fn to_networkx<'py>(
        slf: &Bound<'py, Self>,
        kwargs: Option<&Bound<'py, pyo3::types::PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let convert = slf.py().import("tiegraph.networkx")?.getattr("to_networkx")?;
        convert.call((slf,), kwargs)
    }

    /// A graph from a networkx interaction (multi)graph: see
    /// `tiegraph.networkx.from_networkx`.
    // As `to_networkx`: the keywords of `tiegraph.networkx.from_networkx`.
    #[classmethod]
    #[pyo3(
        signature = (nxg, **kwargs),
        text_signature = "($cls, nxg, *, at=\"at\", channel=\"channel\", duration=\"duration\", \
                          weight=\"weight\", default_channel=None)"
    )]
    fn from_networkx<'py>(
        cls: &Bound<'py, PyType>,
        nxg: &Bound<'py, PyAny>,
        kwargs: Option<&Bound<'py, pyo3::types::PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let convert = cls.py().import("tiegraph.networkx")?.getattr("from_networkx")?;
        convert.call((nxg,), kwargs)
    }

    fn __getstate__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        Ok(PyBytes::new(py, &self.snapshot(py)?))
    }

    fn __setstate__(&self, py: Python<'_>, state: Vec<u8>) -> PyResult<()> {
        let g = py
            .detach(|| RelationshipGraph::read_json(&state[..]))
            .map_err(err)?;
        self.write(py, Cost::Cheap, |s| {
            s.graph = g;
            s.epoch += 1;
        });
        Ok(())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let (p, t, i) = self.read(py, Cost::Cheap, |s| {
            (
                s.graph.person_count(),
                s.graph.tie_count(),
                s.graph.interaction_count(),
            )
        });
        format!("Graph(people={p}, ties={t}, interactions={i})")
    }

    /// Two graphs are equal when they hold the same people, channels,
    /// interactions, connections and events.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> bool {
        let Ok(other) = other.cast::<Graph>() else {
            return false;
        };
        let other = other.get();
        if std::ptr::eq(self, other) {
            return true;
        }
        let theirs = other.read(py, Cost::Heavy, |s| s.graph.clone());
        self.read(py, Cost::Heavy, |s| s.graph == theirs)
    }
}

fn interaction(
    src: String,
    dst: String,
    at: &Bound<'_, PyAny>,
    channel: String,
    duration: Option<f64>,
    weight: f64,
) -> PyResult<Interaction> {
    Ok(Interaction {
        src,
        dst,
        at: conv::time(at, "at")?,
        channel,
        duration,
        weight,
    })
}

/// The error of a bulk load that saw the graph replaced under it.
pub fn replaced() -> Error {
    Error::InvalidArgument {
        argument: "graph".to_string(),
        reason: "the graph was replaced (unpickled into) while loading; nothing was added".to_string(),
    }
}
