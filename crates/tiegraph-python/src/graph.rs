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

/// A relationship graph: people addressed by key, and their ties.
///
/// Interactions (contacts on a channel), group events and declared
/// connections tie people; every score is taken ``as_of`` a date, since
/// tiegraph never reads a clock. A graph can be shared between threads:
/// reads run side by side, writes wait for them, and heavy calls release
/// the GIL. Graphs compare by value, pickle (through a versioned JSON
/// snapshot) and save with :meth:`save`. A graph of 65,536 interactions
/// and ties or more is freed on a thread of its own when its last
/// reference goes, so that ``del g`` returns at once; its memory is back
/// some milliseconds later, except its bulk-loaded interactions (20 bytes
/// each), which the next bulk load stages its rows in when it comes
/// within five seconds, and which are freed after that.
///
/// Examples
/// --------
/// >>> import datetime as dt
/// >>> g = Graph()
/// >>> g.add_person("ana", name="Ana Reyes")
/// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
/// >>> g
/// Graph(people=2, ties=1, interactions=1)
/// >>> g.strength("ana", "lee", as_of=dt.date(2026, 3, 10)).state
/// 'active'
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "Graph")]
pub struct Graph {
    state: RwLock<State>,
}

impl Drop for Graph {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(PoisonError::into_inner);
        crate::reaper::hand_over(&mut state.graph);
    }
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
    ///
    /// People an interaction, event or connection names are created as they
    /// come; add them first to give their details.
    ///
    /// Parameters
    /// ----------
    /// key : str
    ///     The person's key (an email address, a handle).
    /// name, organisation, role : str, optional
    ///     Their details.
    /// tags : sequence of str, optional
    ///     Their tags.
    ///
    /// Raises
    /// ------
    /// PersonExistsError
    ///     A person with this key already exists (see :meth:`update_person`).
    /// EmptyKeyError
    ///     ``key`` is empty.
    ///
    /// Examples
    /// --------
    /// >>> g = Graph()
    /// >>> g.add_person("lee@daily.example", name="Lee Park", tags=["press", "ai"])
    /// >>> g.person("lee@daily.example").tags
    /// ['press', 'ai']
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

    /// Changes the details given of a person; those left as None are kept.
    ///
    /// Parameters
    /// ----------
    /// key : str
    ///     The key of the person to change.
    /// name, organisation, role : str, optional
    ///     The new details; None keeps the current one (a detail cannot be
    ///     cleared this way).
    /// tags : sequence of str, optional
    ///     The new tags, replacing the current ones; None keeps them.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     No person has this key.
    ///
    /// Examples
    /// --------
    /// >>> g = Graph()
    /// >>> g.add_person("lee", name="Lee Park")
    /// >>> g.update_person("lee", organisation="The Daily Example")
    /// >>> (g.person("lee").name, g.person("lee").organisation)
    /// ('Lee Park', 'The Daily Example')
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
    ///
    /// Parameters
    /// ----------
    /// key : str
    ///     The person's key.
    ///
    /// Returns
    /// -------
    /// Person
    ///     A copy of the person's details.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     No person has this key.
    fn person(&self, py: Python<'_>, key: &str) -> PyResult<PyPerson> {
        self.with(py, |g| g.person(key).cloned()).map(PyPerson::from)
    }

    /// Every person, in key order.
    ///
    /// Returns
    /// -------
    /// list of Person
    ///     Copies of everyone's details.
    fn people(&self, py: Python<'_>) -> Vec<PyPerson> {
        let people: Vec<Person> = self.read(py, Cost::Heavy, |s| s.graph.people().cloned().collect());
        people.into_iter().map(PyPerson::from).collect()
    }

    /// Removes a person and their ties; returns the person removed.
    ///
    /// They are also taken out of every group event, whose remaining pairs are
    /// re-diluted as if they had never been there.
    ///
    /// Parameters
    /// ----------
    /// key : str
    ///     The person's key.
    ///
    /// Returns
    /// -------
    /// Person
    ///     The person removed.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     No person has this key.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> g.remove_person("lee").key
    /// 'lee'
    /// >>> (g.person_count, g.tie_count, g.interaction_count)
    /// (1, 0, 0)
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

    /// The number of people.
    #[getter]
    fn person_count(&self, py: Python<'_>) -> usize {
        self.read(py, Cost::Cheap, |s| s.graph.person_count())
    }

    /// The number of ties (pairs with an interaction or a connection).
    #[getter]
    fn tie_count(&self, py: Python<'_>) -> usize {
        self.read(py, Cost::Cheap, |s| s.graph.tie_count())
    }

    /// The number of stored interactions (a group event counts once per pair).
    #[getter]
    fn interaction_count(&self, py: Python<'_>) -> usize {
        self.read(py, Cost::Cheap, |s| s.graph.interaction_count())
    }

    // ----- interactions, events, connections ----------------------------

    /// Adds one interaction; people it names are created if new.
    ///
    /// Parameters
    /// ----------
    /// src : str
    ///     The key of the person who initiated it (who wrote, called, invited).
    /// dst : str
    ///     The key of the other person.
    /// at : datetime.datetime or datetime.date
    ///     When it happened: a naive datetime is UTC, an aware one is
    ///     converted; a date is its midnight UTC. Numbers are refused: their
    ///     unit would be a guess.
    /// channel : str
    ///     A built-in channel (``"in_person"``, ``"event"``, ``"video_call"``,
    ///     ``"phone_call"``, ``"email"``, ``"direct_message"``,
    ///     ``"public_reply"``, ``"broadcast"``, ``"reaction"``) or one
    ///     registered with :meth:`register_channel`.
    /// duration : float, optional
    ///     How long it lasted, in seconds (kept in whole seconds: rounded to
    ///     the nearest). On a channel with a typical duration
    ///     it scales the weight by √(duration / typical), clamped.
    /// weight : float, default 1
    ///     A multiplier of the channel's weight.
    ///
    /// Raises
    /// ------
    /// UnknownChannelError
    ///     ``channel`` is neither built in nor registered (the message lists
    ///     the known ones).
    /// SelfInteractionError
    ///     ``src == dst``.
    /// EmptyKeyError
    ///     An empty key.
    /// InvalidDurationError, InvalidWeightError
    ///     A duration or weight that is negative, NaN or infinite (or a
    ///     duration longer than ten years).
    /// TypeError
    ///     ``at`` is not a datetime or a date.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 4, 2, 10), channel="in_person", duration=5400)
    /// >>> (g.person_count, g.tie_count, g.interaction_count)
    /// (2, 1, 1)
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
    ///
    /// Equal means the same people in the same order, time to the second,
    /// channel, duration and weight. A tie left with nothing is removed too;
    /// the people stay.
    ///
    /// Parameters
    /// ----------
    /// src, dst, at, channel, duration, weight
    ///     The interaction, as :meth:`add_interaction` took it.
    ///
    /// Raises
    /// ------
    /// InteractionNotFoundError
    ///     No stored interaction is equal to this one (unknown people
    ///     included).
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> g.remove_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> (g.person_count, g.tie_count)
    /// (2, 0)
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

    /// Adds a group event: one interaction per pair of participants.
    ///
    /// A dinner, a conference, a send-off: each pair of the n participants gets
    /// one interaction on ``channel``, with weight ``weight / sqrt(n - 1)``, so
    /// that a crowd counts less per pair than a small table.
    ///
    /// Parameters
    /// ----------
    /// participants : sequence of str
    ///     The keys of the people there: at least two, each once. People new
    ///     to the graph are created.
    /// at : datetime.datetime or datetime.date
    ///     When it took place (naive = UTC; a date is its midnight UTC).
    /// channel : str, default "event"
    ///     The channel of the pairwise interactions.
    /// duration : float, optional
    ///     How long it lasted, in seconds.
    /// weight : float, default 1
    ///     The weight multiplier before the dilution.
    /// name : str, optional
    ///     The event's name (``"product launch"``).
    ///
    /// Raises
    /// ------
    /// InvalidEventError
    ///     Fewer than two distinct people, or one listed twice.
    /// UnknownChannelError, EmptyKeyError, InvalidDurationError, InvalidWeightError
    ///     As in :meth:`add_interaction`.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_event(["lee", "ana", "sam", "bo", "kim"], at=dt.datetime(2026, 6, 12, 19), name="send-off")
    /// >>> (g.tie_count, g.interaction_count)
    /// (10, 10)
    /// >>> g.interactions("ana", "lee")[0].weight
    /// 0.5
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

    /// Adds a declared connection on a platform; the same one twice is kept once.
    ///
    /// A connection is a link, not contact: it only feeds the model's
    /// ``connection`` feature (1 for a mutual link or follows both ways, 0.5 for
    /// a one-way follow).
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     The two people's keys (created if new); with ``kind="follows"``,
    ///     ``a`` follows ``b``.
    /// platform : str
    ///     The platform (``"linkedin"``, ``"x"``).
    /// kind : {"mutual", "follows"}, default "mutual"
    ///     A mutual link (friends, contacts) or a one-way follow.
    /// since : datetime.datetime or datetime.date, optional
    ///     Since when the link exists (naive = UTC).
    ///
    /// Raises
    /// ------
    /// InvalidValueError
    ///     A ``kind`` other than ``"mutual"`` or ``"follows"``.
    /// SelfInteractionError
    ///     ``a == b``.
    /// EmptyKeyError
    ///     An empty key.
    ///
    /// Examples
    /// --------
    /// >>> g = Graph()
    /// >>> g.add_connection("ana", "lee", platform="linkedin")
    /// >>> g.add_connection("lee", "ana", platform="linkedin")
    /// >>> len(g.connections("ana", "lee"))
    /// 1
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
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     The two people's keys, in either order.
    ///
    /// Returns
    /// -------
    /// list of Interaction
    ///     Both directions, each with its own ``src`` and ``dst``; a group
    ///     event's pairwise interaction included.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     A key the graph does not know.
    /// TieNotFoundError
    ///     The two have no tie.
    fn interactions(&self, py: Python<'_>, a: &str, b: &str) -> PyResult<Vec<PyInteraction>> {
        let v: Vec<Interaction> = self.with(py, |g| Ok(g.tie(a, b)?.interactions().collect()))?;
        Ok(v.into_iter().map(PyInteraction::from).collect())
    }

    /// The declared connections of a tie, by platform.
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     The two people's keys, in either order.
    ///
    /// Returns
    /// -------
    /// list of Connection
    ///     One per platform (and direction, for follows).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     A key the graph does not know.
    /// TieNotFoundError
    ///     The two have no tie.
    fn connections(&self, py: Python<'_>, a: &str, b: &str) -> PyResult<Vec<PyConnection>> {
        let v: Vec<Connection> = self.with(py, |g| Ok(g.tie(a, b)?.connections().collect()))?;
        Ok(v.into_iter().map(PyConnection::from).collect())
    }

    // ----- channels -----------------------------------------------------

    /// Registers a channel so that interactions can use it.
    ///
    /// Registering an identical definition again is a no-op; a different one
    /// with the name of a known channel (a built-in one included) is an error.
    ///
    /// Parameters
    /// ----------
    /// name : str
    ///     The channel's name, as interactions will give it.
    /// mode : {"online", "offline"}
    ///     Its mode.
    /// class_ : {"offline", "synchronous", "private_written", "public_directed", "broadcast", "one_click"}
    ///     Its class, for multiplexity and the online-only cap; ``"offline"``
    ///     goes with mode ``"offline"``, and only with it.
    /// weight : float
    ///     The weight w_c of one interaction of typical length, finite and >= 0
    ///     (the built-in channels go from 1 for ``in_person`` to 0.03 for
    ///     ``reaction``).
    /// mutual : bool, default False
    ///     Whether an interaction counts for both sides, whoever logged it (as
    ///     a call does).
    /// typical_duration : float, optional
    ///     The typical duration in seconds; interactions with a duration then
    ///     weigh √(duration / typical) times more, clamped.
    ///
    /// Returns
    /// -------
    /// Channel
    ///     The channel registered.
    ///
    /// Raises
    /// ------
    /// InvalidChannelError
    ///     An empty name, a weight or typical duration out of range, a class
    ///     that does not go with the mode, or a different channel of this name.
    /// InvalidValueError
    ///     An unknown ``mode`` or ``class_``.
    ///
    /// Examples
    /// --------
    /// >>> g = Graph()
    /// >>> g.register_channel("podcast_guest", mode="online", class_="synchronous", weight=0.7, typical_duration=2700)
    /// Channel(name='podcast_guest', mode='online', class_='synchronous', weight=0.7, mutual=False, typical_duration=2700.0)
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
    ///
    /// Parameters
    /// ----------
    /// name : str
    ///     The channel's name.
    ///
    /// Returns
    /// -------
    /// Channel
    ///     Its definition.
    ///
    /// Raises
    /// ------
    /// UnknownChannelError
    ///     No channel has this name; the message lists the known ones.
    ///
    /// Examples
    /// --------
    /// >>> Graph().channel("in_person").typical_duration
    /// 3600.0
    fn channel(&self, py: Python<'_>, name: &str) -> PyResult<PyChannel> {
        self.with(py, |g| g.channel(name).map(PyChannel::from))
    }

    /// Every channel the graph knows, built-in first.
    ///
    /// Returns
    /// -------
    /// list of Channel
    ///     The nine built-in channels, then the registered ones in the order
    ///     they were registered.
    ///
    /// Examples
    /// --------
    /// >>> [c.name for c in Graph().channels()][:4]
    /// ['in_person', 'event', 'video_call', 'phone_call']
    fn channels(&self, py: Python<'_>) -> Vec<PyChannel> {
        self.read(py, Cost::Cheap, |s| {
            s.graph.channels().iter().map(PyChannel::from).collect()
        })
    }

    // ----- bulk loads ---------------------------------------------------

    /// Loads interactions in bulk from a table or a file, all or nothing.
    ///
    /// The rows are read batch by batch, without a Python object per row, and
    /// added together at the end: a bad row anywhere leaves the graph as it was
    /// (unless ``on_error="skip"``). People the rows name are created.
    ///
    /// Parameters
    /// ----------
    /// data : table, stream or path
    ///     Anything that speaks the Arrow PyCapsule interface (a pyarrow
    ///     ``Table``, ``RecordBatch`` or ``RecordBatchReader``, a polars or
    ///     pandas DataFrame, a DuckDB relation), an older pandas DataFrame
    ///     (through pyarrow), or the path of a ``.csv`` or ``.parquet`` file.
    /// src, dst : str, default "src" and "dst"
    ///     The columns of the initiator's and the other person's keys.
    /// time : str, default "time"
    ///     The column of the times. In Arrow, a timestamp of any unit (naive =
    ///     UTC) or a date, never integers; in a CSV file, RFC 3339 text (taken
    ///     as UTC without an offset) or, with ``time_unit``, integers. Times
    ///     are floored to the second.
    /// channel : str, default "channel"
    ///     The column of the channel names.
    /// duration : str, optional
    ///     The column of the durations: seconds (any number) or an Arrow
    ///     duration; null is none.
    /// weight : str, optional
    ///     The column of the weight multipliers; null is 1.
    /// on_error : {"raise", "skip"}, default "raise"
    ///     What a bad row does: ``"raise"`` adds nothing and raises its error
    ///     (``exc.row`` is its 0-based position across batches, ``exc.line``
    ///     its line in a CSV file); ``"skip"`` adds the good rows and reports
    ///     the bad ones in :attr:`LoadReport.skipped`.
    /// progress : bool or callable, optional
    ///     ``True`` reports the rows read on standard error (with tqdm when
    ///     installed); a callable is called with the number of rows read after
    ///     each batch, and its ``close()``, if it has one, at the end.
    /// time_unit : {"s", "ms", "us", "ns"}, optional
    ///     The unit of integer times since the Unix epoch in a CSV file;
    ///     integers are never guessed to be seconds or milliseconds.
    ///
    /// Returns
    /// -------
    /// LoadReport
    ///     The rows read, added and skipped, the people created and the ties
    ///     touched.
    ///
    /// Raises
    /// ------
    /// MissingColumnError, ColumnTypeError
    ///     A column that is absent, or whose type cannot hold what it should.
    /// TiegraphError
    ///     The first bad row, as the subclass of its problem
    ///     (``TimestampError``, ``UnknownChannelError``,
    ///     ``SelfInteractionError``, ``EmptyKeyError``...), with ``exc.row``
    ///     set.
    /// InvalidArgumentError
    ///     ``time_unit`` for an Arrow input, a path that is neither ``.csv``
    ///     nor ``.parquet``, or a graph changed under the load (its people, or
    ///     unpickled into).
    /// InvalidValueError
    ///     An unknown ``on_error`` or ``time_unit``.
    /// OSError
    ///     The input cannot be read: ``TiegraphIOError`` for a CSV file or
    ///     a failing Arrow stream, pyarrow's own error for a Parquet file.
    /// TypeError
    ///     ``data`` is neither a path nor a table.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> import pyarrow as pa
    /// >>> t = pa.table({
    /// ...     "from": ["ana", "lee"],
    /// ...     "to": ["lee", "ana"],
    /// ...     "ts": [dt.datetime(2026, 3, 2, 10), dt.datetime(2026, 3, 3, 11)],
    /// ...     "kind": ["email", "email"],
    /// ... })
    /// >>> Graph().load_interactions(t, src="from", dst="to", time="ts", channel="kind")
    /// LoadReport(rows=2, added=2, skipped=0, new_people=2, ties_touched=1)
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

    /// Loads declared connections in bulk from a table or a file, all or nothing.
    ///
    /// As :meth:`load_interactions`, for connections: the same inputs, the same
    /// handling of bad rows. Connections already there are kept once.
    ///
    /// Parameters
    /// ----------
    /// data : table, stream or path
    ///     As in :meth:`load_interactions`.
    /// a, b : str, default "a" and "b"
    ///     The columns of the two people's keys (``a`` follows ``b`` in a
    ///     ``"follows"`` row).
    /// platform : str, default "platform"
    ///     The column of the platform names.
    /// kind : str, optional
    ///     The column of the kinds, ``"mutual"`` or ``"follows"``; without it
    ///     every row is mutual.
    /// since : str, optional
    ///     The column of the times since when each link exists (read as
    ///     ``time`` is in :meth:`load_interactions`); null is unknown.
    /// on_error : {"raise", "skip"}, default "raise"
    ///     What a bad row does, as in :meth:`load_interactions`.
    /// time_unit : {"s", "ms", "us", "ns"}, optional
    ///     The unit of integer times in a CSV file.
    ///
    /// Returns
    /// -------
    /// LoadReport
    ///     The rows read, added and skipped, the people created and the ties
    ///     touched.
    ///
    /// Raises
    /// ------
    /// MissingColumnError, ColumnTypeError, TiegraphError, InvalidArgumentError, InvalidValueError, OSError, TypeError
    ///     As in :meth:`load_interactions`.
    ///
    /// Examples
    /// --------
    /// >>> import pyarrow as pa
    /// >>> t = pa.table({"a": ["ana", "bo"], "b": ["lee", "ana"], "platform": ["linkedin", "x"], "kind": ["mutual", "follows"]})
    /// >>> g = Graph()
    /// >>> g.load_connections(t, kind="kind").added
    /// 2
    /// >>> g.connections("ana", "bo")
    /// [Connection(a='bo', b='ana', platform='x', kind='follows', since=None)]
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
    // Bodies in `score.rs`.

    /// The scoring model queries use when given none (a copy; the default unless set).
    #[getter]
    fn model(&self, py: Python<'_>) -> PyScoringModel {
        PyScoringModel(self.read(py, Cost::Cheap, |s| s.graph.model().clone()))
    }

    /// Sets the scoring model queries use; it is saved and pickled with the graph.
    ///
    /// Parameters
    /// ----------
    /// model : ScoringModel
    ///     The model, used by every query given no ``model=``.
    ///
    /// Examples
    /// --------
    /// >>> g = Graph()
    /// >>> g.set_model(ScoringModel(structural=True))
    /// >>> g.model.structural
    /// True
    fn set_model(&self, py: Python<'_>, model: &PyScoringModel) -> PyResult<()> {
        let m = model.0.clone();
        self.with_mut(py, |g| g.set_model(m))
    }

    /// The strength of the relationship between ``a`` and ``b`` as of a date.
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     Person keys; the effort and ``one_sided_from`` follow this order.
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the score: only what happened at or before it counts.
    ///     A naive datetime is UTC, an aware one is converted; a date is its
    ///     midnight UTC (the same instant ``at=`` takes for a date, so
    ///     interactions added with that date count). Required: tiegraph
    ///     never reads a clock.
    /// view : None, "online", "offline" or View
    ///     Which interactions count (all by default).
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// Strength
    ///     With components, contributions, state and each side's effort
    ///     (``peak`` only when the state needed it: see :meth:`peak`). People
    ///     without a tie get a zero strength in state ``"none"``.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     Either key is unknown.
    /// SelfInteractionError
    ///     ``a == b``.
    /// UnknownChannelError, InvalidArgumentError
    ///     A view naming an unknown channel, or with ``end <= start``.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> s = g.strength("ana", "lee", as_of=dt.datetime(2026, 3, 10))
    /// >>> (s.value, s.state, s.one_sided_from)
    /// (0.0, 'one_sided', 'ana')
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

    /// The pair's highest strength and when it was first reached.
    ///
    /// The peak is the best strength at the times of the pair's meaningful
    /// interactions (each as its own date) and at ``as_of``. ``strength``
    /// leaves ``peak`` unset unless its state needed it, because this costs
    /// one more sweep over the pair's history.
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     Person keys.
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC).
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// tuple of (float, datetime.datetime) or None
    ///     The peak and its time (UTC); None when the pair has no tie.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     When a key is unknown.
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

    /// The strength counting online interactions only (``view="online"``).
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     Person keys; the effort and ``one_sided_from`` follow this order.
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the score (naive = UTC; see :meth:`strength`).
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// Strength
    ///     As :meth:`strength` gives it with ``view="online"``.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     Either key is unknown.
    /// SelfInteractionError
    ///     ``a == b``.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.online_strength("ana", "lee", as_of=dt.datetime(2026, 3, 10)).value
    /// 0.0
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

    /// The strength counting offline interactions only (``view="offline"``).
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     Person keys; the effort and ``one_sided_from`` follow this order.
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the score (naive = UTC; see :meth:`strength`).
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// Strength
    ///     As :meth:`strength` gives it with ``view="offline"``.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     Either key is unknown.
    /// SelfInteractionError
    ///     ``a == b``.
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

    /// The strength of the pair with the contacts behind it, in plain words.
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     Person keys; the effort and ``one_sided_from`` follow this order.
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the score (naive = UTC; see :meth:`strength`).
    /// view : None, "online", "offline" or View
    ///     Which interactions count (all by default).
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// Explanation
    ///     The strength (with its peak), the contacts that weigh most, and the
    ///     reasons; ``str()`` of it reads, one reason a line, e.g.::
    ///
    ///         last two-way contact 41 days ago (public_reply)
    ///         never met in person or by call
    ///         ana follows lee on x
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     Either key is unknown.
    /// SelfInteractionError
    ///     ``a == b``.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 3), channel="email")
    /// >>> print(g.explain("ana", "lee", as_of=dt.datetime(2026, 3, 10)))
    /// last two-way contact 8 days ago (email)
    /// never met in person or by call
    /// each side reached out in at least 1 of the last 52 weeks
    /// first meaningful contact 8 days ago
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
    ///
    /// The scoring runs in parallel in Rust with the GIL released, and the
    /// table is built from Arrow arrays: no Python object per row.
    ///
    /// Parameters
    /// ----------
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores (see :meth:`strength`).
    /// person : str, optional
    ///     Only this person's ties, with the person in column ``a`` and the
    ///     others in key order; by default every tie, ``a`` before ``b`` by key.
    /// min_strength : float, default 0
    ///     Only ties at least this strong.
    /// with_peak : bool, default False
    ///     Add a ``peak`` column (one more pass per meaningful interaction).
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``a``, ``b`` (string), ``strength``, ``recency``,
    ///     ``intensity``, ``duration``, ``regularity``, ``reciprocity``,
    ///     ``multiplexity``, ``connection`` (float64), ``structural``
    ///     (float64, when the model has it on), ``state`` (string),
    ///     ``one_sided_from`` (string, null unless one-sided),
    ///     ``online_only``, ``capped`` (bool), ``peak`` (float64, with
    ///     ``with_peak``).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``min_strength`` is NaN.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> t = g.ties(as_of=dt.datetime(2026, 3, 10))
    /// >>> (len(t), t.column("state").to_pylist())
    /// (1, ['active'])
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

    /// The strength between ``a`` and ``b`` at ``start``, ``start + step``, ... up to ``end`` included.
    ///
    /// Parameters
    /// ----------
    /// a, b : str
    ///     Person keys.
    /// start, end : datetime.datetime or datetime.date
    ///     The first and last dates (naive = UTC).
    /// step : datetime.timedelta
    ///     At least one second; whole seconds count.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``at`` (timestamp[us, tz=UTC]) and ``strength`` (float64).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     Either key is unknown.
    /// InvalidArgumentError
    ///     ``step`` under a second, ``end`` before ``start``, or more than ten
    ///     million points.
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
    // Bodies in `recommend.rs` and `network.rs`.

    /// A person's ``k`` strongest ties as of a date, strongest first.
    ///
    /// Only ties with a strength above 0; equal strengths in the other
    /// person's key order.
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person's key.
    /// k : int, default 10
    ///     At most this many rows (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores (naive = UTC; see :meth:`strength`). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``other`` (string), ``rank`` (uint32, 1 for the
    ///     strongest), ``strength`` (float64), ``state`` (string) and
    ///     ``reason`` (string: the state, the two largest contributions and
    ///     the last meeting, e.g. ``"active; strength 0.62, mostly recency
    ///     (0.21) and intensity (0.15); last met 12 days ago"``).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``k`` below 1.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.add_interaction("ana", "bo", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> g.add_interaction("bo", "ana", at=dt.datetime(2026, 3, 3), channel="email")
    /// >>> t = g.strongest_ties("ana", as_of=dt.datetime(2026, 3, 10)).to_pandas()
    /// >>> t[["other", "rank", "state"]].values.tolist()
    /// [['lee', 1, 'active'], ['bo', 2, 'active']]
    /// >>> t.loc[1, "reason"]
    /// 'active; strength 0.37, mostly recency (0.24) and reciprocity (0.06); never met'
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

    /// Every person's ``k`` strongest ties at once, as one table.
    ///
    /// One row per (person, tie) for the ties with strength > 0: people in
    /// key order, each person's strongest first, equal strengths in the
    /// other person's key order. The same rows as :meth:`strongest_ties`
    /// for each person, without reasons. Every tie is scored once, in
    /// parallel and with the GIL released, and the table is built from
    /// Arrow arrays: no Python object per row.
    ///
    /// Parameters
    /// ----------
    /// k : int, default 10
    ///     At most this many ties per person (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``person``, ``other`` (string), ``rank`` (uint32, 1 for
    ///     the person's strongest) and ``strength`` (float64).
    ///
    /// Raises
    /// ------
    /// InvalidArgumentError
    ///     ``k`` below 1.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.strongest_ties_all(as_of=dt.datetime(2026, 3, 10)).to_pandas()[["person", "other", "rank"]].values.tolist()
    /// [['ana', 'lee', 1], ['lee', 'ana', 1]]
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

    /// The ``k`` people a person should most meet in person.
    ///
    /// Strong online ties who never met, or not recently: priority =
    /// online strength × (1 − offline recency), where the online strength is
    /// the model on the view's online channels only and offline recency =
    /// 2^(−days since the last meaningful offline interaction / h_R), 0 if
    /// they never met. Only pairs with two-way online contact and a
    /// priority > 0; highest priority first, then the other person's key.
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person's key.
    /// k : int, default 10
    ///     At most this many rows (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``person``, ``other`` (string), ``rank`` (uint32),
    ///     ``priority``, ``online_strength``, ``offline_recency``
    ///     (float64), ``last_met`` (timestamp[us, UTC], null if they never
    ///     met), ``channels`` (list of string: the at most two online
    ///     channels that weigh most, largest first) and ``reason``
    ///     (string, e.g. ``"strong by email and replies (online 0.62), never
    ///     met"``).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``k`` below 1.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> for m in range(1, 7):
    /// ...     g.add_interaction("ana", "lee", at=dt.datetime(2026, m, 2, 10), channel="email")
    /// ...     g.add_interaction("lee", "ana", at=dt.datetime(2026, m, 3, 10), channel="public_reply")
    /// >>> row = g.meet_in_person("ana", as_of=dt.datetime(2026, 6, 10, 10)).to_arrow().to_pylist()[0]
    /// >>> row["other"], row["offline_recency"], row["channels"], row["last_met"]
    /// ('lee', 0.0, ['email', 'public_reply'], None)
    /// >>> row["reason"]
    /// 'strong by email and replies (online 0.51), never met'
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

    /// The ``k`` pairs of the whole graph that should most meet in person.
    ///
    /// As :meth:`meet_in_person`, over every tie: ``person`` is the one of
    /// the pair whose key sorts first; highest priority first, then the
    /// pair's keys.
    ///
    /// Parameters
    /// ----------
    /// k : int, default 10
    ///     At most this many rows (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     The columns of :meth:`meet_in_person`.
    ///
    /// Raises
    /// ------
    /// InvalidArgumentError
    ///     ``k`` below 1.
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

    /// Who to invite to a group event around a person (a send-off, a launch).
    ///
    /// At most ``k`` people with a tie to ``person``, ranked by score =
    /// max(strength, meet-in-person priority), so that online ties worth
    /// taking offline come in with the strong ones; highest first, then by
    /// key. Ties with score 0 (one-sided, likes only) are left out.
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person at the centre of the event.
    /// k : int, default 10
    ///     At most this many rows (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``other`` (string), ``rank`` (uint32), ``score``
    ///     (float64), ``category`` (string, the first that applies:
    ///     ``"worth_converting"`` when the priority is > 0 and at least the
    ///     strength, ``"strong"`` from strength 0.5, ``"fading"`` when
    ///     dormant or cooling, else ``"weak"``), ``strength``, ``priority``
    ///     (float64), ``state`` (string), ``last_met`` (timestamp[us, UTC],
    ///     null if they never met) and ``reason`` (string).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``k`` below 1.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> for m in range(1, 7):
    /// ...     g.add_interaction("lee", "ana", at=dt.datetime(2026, m, 2, 10), channel="in_person")
    /// ...     g.add_interaction("lee", "bo", at=dt.datetime(2026, m, 2, 10), channel="email")
    /// ...     g.add_interaction("bo", "lee", at=dt.datetime(2026, m, 3, 10), channel="email")
    /// >>> t = g.invite_list("lee", as_of=dt.datetime(2026, 6, 10, 10))
    /// >>> list(zip(t.column("other").to_pylist(), t.column("category").to_pylist()))
    /// [('ana', 'strong'), ('bo', 'worth_converting')]
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

    /// A person's ``k`` faded ties most worth reviving.
    ///
    /// ``"dormant"`` or ``"cooling"`` ties, largest loss (peak − now)
    /// first, then the other person's key.
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person's key.
    /// k : int, default 10
    ///     At most this many rows (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``person``, ``other`` (string), ``rank`` (uint32),
    ///     ``state`` (string), ``strength``, ``peak`` (float64),
    ///     ``peaked_at`` (timestamp[us, UTC], when the peak was first
    ///     reached), ``lost`` (float64, peak − strength), ``last_contact``
    ///     (timestamp[us, UTC]), ``last_channel`` (string; both null
    ///     without a meaningful interaction) and ``reason`` (string, e.g.
    ///     ``"dormant: peaked 14 months ago at 0.71, now 0.12 (lost 0.59);
    ///     last contact 9 months ago (email)"``).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``k`` below 1.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> t0 = dt.datetime(2025, 1, 6, 10)
    /// >>> for w in range(26):
    /// ...     g.add_interaction("ana", "lee", at=t0 + dt.timedelta(weeks=w), channel="in_person")
    /// >>> t = g.reconnect("ana", as_of=t0 + dt.timedelta(weeks=25, days=400))
    /// >>> t.column("reason").to_pylist()
    /// ['dormant: peaked 13 months ago at 0.76, now 0.37 (lost 0.40); last contact 13 months ago (in_person)']
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

    /// The ``k`` faded ties of the whole graph with the largest loss.
    ///
    /// As :meth:`reconnect`, over every tie: ``person`` is the one of the
    /// pair whose key sorts first, equal losses in key order of the pair.
    ///
    /// Parameters
    /// ----------
    /// k : int, default 10
    ///     At most this many rows (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     The columns of :meth:`reconnect`.
    ///
    /// Raises
    /// ------
    /// InvalidArgumentError
    ///     ``k`` below 1.
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

    /// The two-way ties of a person that are overdue for contact on a cadence.
    ///
    /// Each mode has a clock, reset by any interaction (either side) on a
    /// channel of that mode, or with ``meaningful_only=True`` by a
    /// meaningful one only, so that a like or a newsletter does not count.
    /// A mode never used starts its clock at the tie's first meaningful
    /// interaction. A mode is overdue when more than its period has passed.
    /// Ranked by the largest ratio (elapsed / period, so that 30- and
    /// 90-day cadences compare), then the most days past due, then the
    /// other person's key.
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person's key.
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// online_days, offline_days : float, optional
    ///     The cadence of each mode, in days (finite and > 0); give one or
    ///     both.
    /// meaningful_only : bool, default False
    ///     Only meaningful interactions reset a clock.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``other`` (string), ``rank`` (uint32); for each mode,
    ///     prefixed ``online_`` then ``offline_`` and null where that mode
    ///     is not overdue: ``last`` (timestamp[us, UTC], the interaction
    ///     that last reset the clock, null also when there was none),
    ///     ``last_channel`` (string), ``since`` (when the clock started),
    ///     ``due`` (``since`` + the period; both timestamp[us, UTC]),
    ///     ``days_overdue`` and ``ratio`` (float64); then ``ratio``,
    ///     ``days_overdue`` (float64, of the most overdue mode) and
    ///     ``reason`` (string, one clause per overdue mode, e.g.
    ///     ``"online: last contact 45 days ago (email), due every 30 days,
    ///     15 days overdue"``).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     Neither period given, or one that is not finite and > 0.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 1, 1, 10), channel="in_person")
    /// >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 1, 10), channel="email")
    /// >>> t = g.due_for_contact("ana", as_of=dt.datetime(2026, 3, 11, 10), online_days=30, offline_days=30)
    /// >>> t.column("reason").to_pylist()
    /// ['offline: last met 69 days ago (in_person), due every 30 days, 39 days overdue']
    /// >>> t.column("online_ratio").to_pylist()
    /// [None]
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

    /// A person's ties cut into circles of growing size (Dunbar's layers).
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person at the centre.
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// sizes : sequence of int, optional
    ///     Cumulative layer sizes, strictly increasing from at least 1;
    ///     Dunbar's ``[5, 15, 50, 150]`` by default.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// EgoLayers
    ///     The members with their layer (``.members``), one row per layer
    ///     with its online/offline mix (``.layers``), and the ties left
    ///     outside.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``sizes`` empty, starting below 1 or not strictly increasing.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> for d, friend in enumerate(["bo", "cy", "di"], start=1):
    /// ...     g.add_interaction("ana", friend, at=dt.datetime(2026, 3, d, 10), channel="in_person")
    /// >>> g.add_interaction("ana", "ed", at=dt.datetime(2026, 3, 1, 10), channel="email")
    /// >>> g.add_interaction("ed", "ana", at=dt.datetime(2026, 3, 2, 10), channel="email")
    /// >>> e = g.ego_layers("ana", as_of=dt.datetime(2026, 3, 10, 10), sizes=[2, 3])
    /// >>> e.members.to_pandas()[["layer", "other", "rank"]].values.tolist()
    /// [[1, 'di', 1], [1, 'cy', 2], [2, 'bo', 3]]
    /// >>> e.outside
    /// 1
    /// >>> e.layers.column("met_share").to_pylist()
    /// [1.0, 1.0]
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

    /// Online contact before and after a first meeting, against ties that never met.
    ///
    /// See :class:`LiftReport` for the groups and the matching.
    ///
    /// Parameters
    /// ----------
    /// as_of : datetime.datetime or datetime.date
    ///     The date (naive = UTC). Required.
    /// person : str, optional
    ///     Only this person's ties (both groups); all ties by default.
    /// history_days : float, default 90
    ///     A treated tie needs its first meaningful online interaction at
    ///     least this many days before the first meeting.
    /// window_days : float, default 90
    ///     Length of the windows before and after the split, and so the
    ///     follow-up a tie needs before ``as_of``.
    /// rate_days : float, default 30
    ///     Rates are per this many days.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// LiftReport
    ///     ``.treated`` and ``.control`` tables, and ``.summary``.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     A number of days that is not finite and > 0.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> t0 = dt.datetime(2025, 1, 6, 10)
    /// >>> for d in range(0, 300, 15):
    /// ...     g.add_interaction("ana", "lee", at=t0 + dt.timedelta(days=d), channel="email")
    /// ...     g.add_interaction("bo", "kim", at=t0 + dt.timedelta(days=d), channel="email")
    /// ...     g.add_interaction("kim", "bo", at=t0 + dt.timedelta(days=d + 1), channel="email")
    /// ...     if d >= 120:
    /// ...         for extra in (5, 10):
    /// ...             g.add_interaction("lee", "ana", at=t0 + dt.timedelta(days=d + extra), channel="email")
    /// >>> g.add_interaction("ana", "lee", at=t0 + dt.timedelta(days=120), channel="in_person")
    /// >>> lift = g.offline_lift(as_of=t0 + dt.timedelta(days=300))
    /// >>> lift.treated.to_pandas()[["a", "b", "before", "after", "ratio", "matched_a"]].values.tolist()
    /// [['ana', 'lee', 6, 18, 3.0, 'bo']]
    /// >>> lift.summary["control"]["median_ratio"]
    /// 1.0
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

    /// The best way for ``from_`` to reach ``to`` through people they know.
    ///
    /// The path of at most ``max_hops`` ties (with strength > 0 as of the
    /// date) whose weakest tie is strongest, then with the highest product
    /// of strengths, then with the fewest hops, then whose people come
    /// first in key order, compared position by position. A direct tie is a
    /// path of one hop. The search is exact for this order, hop limit
    /// included.
    ///
    /// Parameters
    /// ----------
    /// from_, to : str
    ///     The person asking and the person to reach (different keys).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the strengths (naive = UTC). Required.
    /// max_hops : int, default 3
    ///     At most this many ties (at least 1).
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Path or None
    ///     None when no path within ``max_hops`` exists.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     Either key is unknown.
    /// InvalidArgumentError
    ///     ``max_hops`` below 1, or ``to == from_``.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "sam", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 3), channel="email")
    /// >>> g.add_interaction("lee", "sam", at=dt.datetime(2026, 3, 4), channel="email")
    /// >>> p = g.introduction_path("ana", "lee", as_of=dt.datetime(2026, 3, 10))
    /// >>> p.people, p.hops, p.weakest
    /// (['ana', 'sam', 'lee'], 2, 1)
    /// >>> p.reason
    /// 'ana → sam (0.42) → lee (0.37): weakest link sam–lee'
    /// >>> g.introduction_path("ana", "lee", as_of=dt.datetime(2026, 3, 10), view="offline") is None
    /// True
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

    /// The ``k`` best loopless paths from ``from_`` to ``to``, best first.
    ///
    /// In the order of :meth:`introduction_path` (whose path comes first),
    /// enumerated with Yen's algorithm: the second path is the best one that
    /// differs from the first in at least one person or tie, and so on.
    /// Fewer when there are fewer such paths, none when there is no path.
    ///
    /// Parameters
    /// ----------
    /// from_, to : str
    ///     The person asking and the person to reach (different keys).
    /// k : int, default 3
    ///     At most this many paths (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the strengths (naive = UTC). Required.
    /// max_hops : int, default 3
    ///     At most this many ties on a path (at least 1).
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// list of Path
    ///     Best first; empty when there is no path.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     Either key is unknown.
    /// InvalidArgumentError
    ///     ``k`` or ``max_hops`` below 1, or ``to == from_``.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> g.add_interaction("ana", "sam", at=dt.datetime(2026, 3, 3), channel="in_person")
    /// >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 4), channel="in_person")
    /// >>> [p.people for p in g.introduction_paths("ana", "lee", as_of=dt.datetime(2026, 3, 10))]
    /// [['ana', 'sam', 'lee'], ['ana', 'lee']]
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

    /// Burt's constraint and effective size of one person's ties, as of a date.
    ///
    /// On the graph of tie strengths, exactly as networkx defines
    /// ``constraint(G, weight=...)`` and ``effective_size(G, weight=...)``
    /// for an undirected weighted graph; see :class:`Brokerage`.
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person's key.
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the strengths (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Brokerage
    ///     The person's degree, strength, constraint, effective sizes, the
    ///     contacts that constrain most, and the position in words.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("sam", "ana", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> b = g.brokerage("sam", as_of=dt.datetime(2026, 3, 2))
    /// >>> b.degree, b.effective_size, b.constraint, b.constrained_by
    /// (2, 2.0, 0.5, [('ana', 0.25), ('lee', 0.25)])
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

    /// :meth:`brokerage` of every person, in key order, as a table.
    ///
    /// Parameters
    /// ----------
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the strengths (naive = UTC). Required.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``person`` (string), ``degree`` (int64), ``strength``,
    ///     ``constraint``, ``effective_size``,
    ///     ``unweighted_effective_size`` (float64, NaN without ties),
    ///     ``constrained_by`` (list of struct ``person`` (string), ``value``
    ///     (float64)) and ``reason`` (string).
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

    /// Communities of people as of a date: Louvain on the graph of tie strengths.
    ///
    /// Louvain (Blondel et al. 2008) visits people in an order shuffled by
    /// the seed, moves each to the neighbouring community that raises the
    /// modularity most until nobody moves, merges communities into single
    /// nodes and repeats. The same seed gives the same partition, bit for
    /// bit, on every run and machine.
    ///
    /// Parameters
    /// ----------
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the strengths (naive = UTC). Required.
    /// resolution : float, default 1
    ///     γ, finite and > 0; above 1 favours smaller communities.
    /// seed : int, default 0
    ///     Seed of the visiting order (0 to 2**64 - 1).
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Communities
    ///     Every person's community, numbered by smallest member key, and
    ///     the partition's modularity.
    ///
    /// Raises
    /// ------
    /// InvalidArgumentError
    ///     ``resolution`` not finite and > 0.
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

    /// The modularity of a partition of people, as of a date.
    ///
    /// Newman's modularity on the strength-weighted graph,
    /// Q = Σ_c [L_c / m − γ (K_c / 2m)²], with m the sum of all strengths,
    /// L_c the strengths of the ties inside community c and K_c the summed
    /// strengths of its members: networkx's ``modularity(G, communities,
    /// weight="weight", resolution=γ)``. A view without ties has Q = 0.
    ///
    /// Parameters
    /// ----------
    /// partition : list of lists of keys, dict key -> label, or Communities
    ///     The communities; people not listed are each a community of
    ///     their own.
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the strengths (naive = UTC). Required.
    /// resolution : float, default 1
    ///     γ, finite and > 0.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// float
    ///     Q; 0 for a view without ties.
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     A key the graph does not know.
    /// InvalidArgumentError
    ///     A key in two communities, or ``resolution`` not finite and > 0.
    /// TypeError
    ///     A partition that is a str, or a community that is one.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.modularity([["ana"], ["lee"]], as_of=dt.datetime(2026, 3, 2))
    /// -0.5
    /// >>> g.modularity({"ana": 1, "lee": 1}, as_of=dt.datetime(2026, 3, 2))
    /// 0.0
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

    /// People ``person`` has no tie with yet, ranked by the contacts they share.
    ///
    /// With s the strengths and S_z the sum of z's ties, the score of y
    /// sums over the shared contacts z: ``"adamic_adar"``
    /// Σ_z ((s_xz + s_zy) / 2) / ln(1 + S_z) (Murata & Moriyasu 2007, after
    /// Adamic & Adar 2003); ``"resource_allocation"`` Σ_z s_xz s_zy / S_z
    /// (after Zhou, Lü & Zhang 2009). Scores are > 0; best first, then by
    /// key.
    ///
    /// Parameters
    /// ----------
    /// person : str
    ///     The person's key.
    /// k : int, default 10
    ///     At most this many rows (at least 1).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the strengths (naive = UTC). Required.
    /// method : {"adamic_adar", "resource_allocation"}
    ///     The score.
    /// view, model
    ///     As in :meth:`strength`.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``person`` (string, the person suggested), ``score``
    ///     (float64), ``shared`` (int64, shared contacts), ``via`` (list of
    ///     struct ``person`` (string), ``value`` (float64): the at most
    ///     three shared contacts that add most, with what each adds) and
    ///     ``reason`` (string, e.g. ``"2 shared contacts: sam (0.31), kim
    ///     (0.12)"``).
    ///
    /// Raises
    /// ------
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``k`` below 1.
    /// InvalidValueError
    ///     An unknown ``method``.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "sam", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> g.suggest("ana", as_of=dt.datetime(2026, 3, 2), method="resource_allocation").to_arrow().to_pylist()[0]["person"]
    /// 'lee'
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

    /// Adds everything ``other`` holds: its people, ties, events and channels.
    ///
    /// The result is the graph of both logs ingested together. People in both
    /// keep the details set here and take the missing ones (and extra tags)
    /// from ``other``.
    ///
    /// Parameters
    /// ----------
    /// other : Graph
    ///     The graph to add; it is left unchanged.
    ///
    /// Raises
    /// ------
    /// InvalidChannelError
    ///     The two graphs define a channel differently; nothing changes.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> x, y = Graph(), Graph()
    /// >>> x.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> y.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 3), channel="email")
    /// >>> x.merge(y)
    /// >>> x.interaction_count
    /// 2
    fn merge(&self, py: Python<'_>, other: &Graph) -> PyResult<()> {
        // Copy `other` first so that no two locks are ever held together
        // (a.merge(b) and b.merge(a) on two threads, or g.merge(g)).
        let theirs = other.read(py, Cost::Heavy, |s| s.graph.clone());
        self.write(py, Cost::Heavy, |s| s.graph.merge(&theirs))
            .map_err(err)
    }

    /// Writes a versioned JSON snapshot of the graph, keyed by person key.
    ///
    /// Everything is saved: people, channels, interactions, connections,
    /// events and the model. :meth:`load` reads it back.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    ///
    /// Raises
    /// ------
    /// TiegraphIOError
    ///     The file cannot be written.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt, os, tempfile
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    /// >>> path = os.path.join(tempfile.mkdtemp(), "graph.json")
    /// >>> g.save(path)
    /// >>> Graph.load(path) == g
    /// True
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        self.read(py, Cost::Heavy, |s| s.graph.save(&path)).map_err(err)
    }

    /// Reads a graph from a snapshot written by :meth:`save`.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The snapshot file.
    ///
    /// Returns
    /// -------
    /// Graph
    ///     A new graph, equal to the one saved.
    ///
    /// Raises
    /// ------
    /// TiegraphIOError
    ///     The file cannot be read.
    /// SnapshotVersionError
    ///     The snapshot was written by a format version this build cannot read.
    /// CorruptSnapshotError
    ///     The file is not a snapshot.
    #[classmethod]
    fn load(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<Graph> {
        let g = py.detach(|| RelationshipGraph::load(&path)).map_err(err)?;
        Ok(Graph::from_graph(g))
    }

    // ----- exports ------------------------------------------------------
    // Bodies in `export.rs`.

    /// Writes the ties scored as of a date as GraphML.
    ///
    /// Nodes are people (``name``, ``organisation``, ``role``, ``tags``);
    /// edges are ties with ``strength``, the components (``recency`` ...
    /// ``connection``, and ``structural`` when the model has it on),
    /// ``state``, ``online_only``, ``capped``, ``interactions`` and
    /// ``first_contact`` / ``last_contact``. ``networkx.read_graphml``
    /// and Gephi read it. Written in Rust with the GIL released.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores (see :meth:`strength`).
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    /// all_ties : bool, default False
    ///     Also write the ties whose strength is 0 at the date (unanswered
    ///     pitches, likes only, bare connections).
    /// person : str, optional
    ///     Only this person's ties, and as nodes only them and the people
    ///     at the other ends of those ties.
    ///
    /// Raises
    /// ------
    /// TiegraphIOError
    ///     The file cannot be written.
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidValueError
    ///     A key or detail holds a character XML 1.0 cannot represent.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt, os, tempfile
    /// >>> g = Graph()
    /// >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    /// >>> path = os.path.join(tempfile.mkdtemp(), "ties.graphml")
    /// >>> g.write_graphml(path, as_of=dt.datetime(2026, 3, 10))
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

    /// Writes the ties scored as of a date as dynamic GEXF 1.3, for Gephi.
    ///
    /// Nodes and edge attributes are those of :meth:`write_graphml`. Each
    /// edge also holds its strength sampled over time (an ``attvalue`` per
    /// sample, from ``start`` to ``as_of``) and, as ``spells``, the periods
    /// it was active: each meaningful interaction makes the tie active for
    /// ``active_days`` (at most up to ``as_of``), overlapping periods
    /// merged. A tie with no meaningful interaction has no spells.
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
    ///     Also write the ties whose strength is 0 at the date.
    /// person : str, optional
    ///     Only this person's ties (and the people at their other ends).
    /// active_days : float, default 90
    ///     How long a meaningful interaction keeps a tie active, in days;
    ///     finite and > 0.
    /// sampling : int or datetime.timedelta, optional
    ///     Sample the strength every this many calendar months (from the
    ///     first day of a month), or at this fixed step (from midnight).
    ///     By default monthly (``1``).
    /// start : datetime.datetime or datetime.date, optional
    ///     The first sample. By default the start of the month (or, with
    ///     a timedelta step, of the day) of the earliest interaction of the
    ///     ties in scope, written or not.
    ///
    /// Raises
    /// ------
    /// TiegraphIOError
    ///     The file cannot be written.
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``active_days`` not finite and > 0, a sampling of 0 months or
    ///     a step under a second, ``start`` after ``as_of``, or more than
    ///     100,000 samples per tie.
    ///
    /// Notes
    /// -----
    /// networkx cannot parse GEXF's ``timeformat="dateTime"`` by default;
    /// ``GEXFReader(version="1.3")`` with
    /// ``reader.python_type["dateTime"] = str`` reads it.
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

    /// Writes the tie table of :meth:`ties` as CSV, without ``one_sided_from``.
    ///
    /// Columns, in order: ``a``, ``b``, ``strength``, ``recency``,
    /// ``intensity``, ``duration``, ``regularity``, ``reciprocity``,
    /// ``multiplexity``, ``connection``, ``structural`` (only when the
    /// model has it on), ``state``, ``online_only``, ``capped`` (``true``
    /// or ``false``), ``peak`` (only with ``with_peak``). Rows and their
    /// order are those of :meth:`ties`; numbers are written in the
    /// shortest form that reads back to the same float.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores.
    /// person : str, optional
    ///     Only this person's ties, with the person in column ``a``.
    /// min_strength : float, default 0
    ///     Only ties at least this strong.
    /// with_peak : bool, default False
    ///     Add a ``peak`` column.
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Raises
    /// ------
    /// TiegraphIOError
    ///     The file cannot be written.
    /// PersonNotFoundError
    ///     ``person`` is unknown.
    /// InvalidArgumentError
    ///     ``min_strength`` is NaN.
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

    /// Writes every interaction as CSV, by tie then time.
    ///
    /// Columns ``src``, ``dst``, ``time`` (RFC 3339, UTC), ``channel``,
    /// ``duration`` (seconds, empty when none), ``weight``.
    /// ``load_interactions(path, duration="duration", weight="weight")``
    /// reads it back to the same interactions.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    ///
    /// Raises
    /// ------
    /// TiegraphIOError
    ///     The file cannot be written.
    fn write_interactions_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        export::whole(self, py, path, |g, w| g.write_interactions_csv(w))
    }

    /// Writes every declared connection as CSV.
    ///
    /// Columns ``a``, ``b``, ``platform``, ``kind`` (``mutual`` or
    /// ``follows``, ``a`` following ``b``), ``since`` (RFC 3339, empty
    /// when unknown). ``load_connections(path, kind="kind", since="since")``
    /// reads it back.
    ///
    /// Parameters
    /// ----------
    /// path : str or os.PathLike
    ///     The file to write (replaced if it exists).
    ///
    /// Raises
    /// ------
    /// TiegraphIOError
    ///     The file cannot be written.
    fn write_connections_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        export::whole(self, py, path, |g, w| g.write_connections_csv(w))
    }

    /// Every interaction as a table, by tie then time.
    ///
    /// Built in Rust from Arrow arrays with the GIL released: no Python
    /// object per row. Write it as Parquet with
    /// ``pyarrow.parquet.write_table(g.interactions_table().to_arrow(), path)``;
    /// ``load_interactions(table, duration="duration", weight="weight")``
    /// (or the Parquet path) reads it back to the same interactions.
    ///
    /// Returns
    /// -------
    /// Table
    ///     Columns ``src``, ``dst`` (string), ``time`` (timestamp[us, UTC]),
    ///     ``channel`` (string), ``duration`` (float64 seconds, null when
    ///     none), ``weight`` (float64).
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 2), channel="phone_call", duration=600)
    /// >>> g.interactions_table().to_arrow().to_pylist()[0]["duration"]
    /// 600.0
    fn interactions_table(&self, py: Python<'_>) -> PyResult<Table> {
        export::interactions_table(self, py)
    }

    /// The graph as a ``networkx.Graph`` scored as of a date.
    ///
    /// Nodes are people (keyed by person key, with their details); edges are
    /// ties at or above ``min_strength`` with the strength, the seven
    /// components, the state and the online and offline strength. networkx
    /// is imported only here: this is :func:`tiegraph.networkx.to_networkx`,
    /// whose documentation lists the attributes.
    ///
    /// Parameters
    /// ----------
    /// as_of : datetime.datetime or datetime.date
    ///     The date of the scores (naive = UTC; a date is its midnight UTC).
    /// min_strength : float, default 0
    ///     Only ties at least this strong become edges (people without one
    ///     are still nodes).
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    /// model : ScoringModel, optional
    ///     A model to use instead of the graph's.
    ///
    /// Returns
    /// -------
    /// networkx.Graph
    ///     Undirected, one node per person and one edge per tie kept.
    ///
    /// Raises
    /// ------
    /// ImportError
    ///     networkx is not installed.
    /// InvalidArgumentError
    ///     ``min_strength`` is NaN.
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

    /// A graph from a networkx graph whose edges are interactions.
    ///
    /// Each edge is one interaction from its first node to its second; node
    /// attributes ``name``, ``organisation``, ``role`` and ``tags`` become
    /// the person's details. This is :func:`tiegraph.networkx.from_networkx`,
    /// whose documentation has the details; networkx itself is not needed.
    ///
    /// Parameters
    /// ----------
    /// nxg : networkx.MultiDiGraph, MultiGraph, DiGraph or Graph
    ///     Nodes are person keys (strings).
    /// at : str, default "at"
    ///     Edge attribute of the time (a datetime, a date or an ISO 8601
    ///     string). Required on every edge.
    /// channel : str, default "channel"
    ///     Edge attribute of the channel name; required unless
    ///     ``default_channel`` is given.
    /// duration : str, default "duration"
    ///     Edge attribute of the duration, in seconds or as a timedelta;
    ///     optional.
    /// weight : str, default "weight"
    ///     Edge attribute of the weight multiplier; optional.
    /// default_channel : str, optional
    ///     The channel of edges without one.
    ///
    /// Returns
    /// -------
    /// Graph
    ///     Every node is a person (isolated ones too).
    ///
    /// Raises
    /// ------
    /// TiegraphError
    ///     A bad edge, as the subclass of its problem, with ``exc.row`` its
    ///     position in ``nxg.edges(...)`` order.
    /// TypeError
    ///     A node that is not a string, or a person detail of the wrong type.
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
