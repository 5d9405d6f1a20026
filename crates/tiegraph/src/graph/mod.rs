//! [`RelationshipGraph`]: people, their ties, and the interactions that make them.

pub(crate) mod blocks;
mod events;
mod ingest;
mod log;
mod merge;
mod people;
mod store;
mod tie;

use chrono::{DateTime, Utc};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableUnGraph};
use rayon::slice::ParallelSliceMut;

pub(crate) use ingest::{ChannelRef, Fields, Row, Staging};
#[cfg(feature = "arrow")]
pub(crate) use ingest::{Checked, People, PlainFields, PlainRow};
pub use ingest::{LoadReport, OnError, SkippedRow};
pub(crate) use store::{ConnRecord, NO_DURATION, Record, TieData};
pub use tie::Tie;

use crate::error::{Error, Result};
use crate::model::{Channel, ChannelId, Channels, Connection, Person, PersonId};
use crate::score::ScoringModel;
use store::pair_key;

/// A tie's slot in the graph's tie table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct TieId(pub(crate) u32);

/// A group event as stored: kept so that it can be listed, saved, and
/// re-diluted when one of its participants is removed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EventRecord {
    pub name: Option<String>,
    pub t: i64,
    pub ch: u16,
    pub dur: u32,
    pub weight: f64,
    pub participants: Vec<PersonId>,
}

/// The relationship graph: people addressed by key, and for each pair that
/// has interacted or declared a connection, a [`Tie`] holding its
/// interactions (time-sorted, 20 bytes each) and connections.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Connection, Interaction, RelationshipGraph};
///
/// let mut g = RelationshipGraph::new();
/// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", day(2), "email"))?;
/// g.add_interaction(Interaction::new("lee", "ana", day(3), "email"))?;
/// g.add_connection(Connection::follows("ana", "lee", "x"))?;
/// let tie = g.tie("lee", "ana")?;
/// assert_eq!((tie.a().key.as_str(), tie.b().key.as_str()), ("ana", "lee"));
/// assert_eq!(tie.len(), 2);
/// assert_eq!(g.person_count(), 2);
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct RelationshipGraph {
    pub(crate) channels: Channels,
    /// People by id; `None` once removed (ids are not reused).
    pub(crate) people: Vec<Option<Person>>,
    pub(crate) index: crate::keys::KeyIndex<PersonId>,
    /// Ties by id; `None` for free slots, listed in `free_ties`.
    pub(crate) ties: Vec<Option<TieData>>,
    free_ties: Vec<TieId>,
    pub(crate) pairs: crate::flat::FlatMap<u64, TieId>,
    /// Nodes are people, edges point at ties.
    pub(crate) net: StableUnGraph<PersonId, TieId>,
    pub(crate) node_of: Vec<NodeIndex>,
    pub(crate) events: Vec<EventRecord>,
    interaction_count: usize,
    model: ScoringModel,
}

/// Seconds since the epoch of a time, at one-second resolution.
pub(crate) fn secs(at: DateTime<Utc>) -> i64 {
    at.timestamp()
}

/// The time at `t` seconds since the epoch; `t` always comes from a valid time.
pub(crate) fn time(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).unwrap_or_default()
}

impl RelationshipGraph {
    /// An empty graph that knows the nine built-in channels.
    pub fn new() -> RelationshipGraph {
        RelationshipGraph::default()
    }

    // ----- channels -----------------------------------------------------

    /// Registers a channel so that interactions can use it. Registering an
    /// identical definition again is a no-op; a different one with the same
    /// name is an error.
    ///
    /// ```
    /// use tiegraph::{Channel, ChannelClass, Mode, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// g.register_channel(Channel::new("podcast", Mode::Online, ChannelClass::Synchronous, 0.7))?;
    /// assert_eq!(g.channel("podcast")?.weight, 0.7);
    /// assert!(g.channel("fax").is_err());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn register_channel(&mut self, channel: Channel) -> Result<ChannelId> {
        self.channels.register(channel)
    }

    /// Every channel the graph knows, built-in first, indexed by [`ChannelId`].
    pub fn channels(&self) -> &[Channel] {
        self.channels.all()
    }

    /// A channel by name; unknown names are an error that lists the known ones.
    pub fn channel(&self, name: &str) -> Result<&Channel> {
        Ok(self.channels.get(self.channels.id(name)?))
    }

    // ----- model --------------------------------------------------------

    /// The scoring model queries use (the default model unless set).
    pub fn model(&self) -> &ScoringModel {
        &self.model
    }

    /// Sets the scoring model queries use, after validating it.
    ///
    /// ```
    /// use tiegraph::{RelationshipGraph, ScoringModel};
    /// let mut g = RelationshipGraph::new();
    /// g.set_model(ScoringModel { structural: true, ..ScoringModel::default() })?;
    /// assert!(g.model().structural);
    /// assert!(g.set_model(ScoringModel { window_days: -1.0, ..ScoringModel::default() }).is_err());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn set_model(&mut self, model: ScoringModel) -> Result<()> {
        model.validate()?;
        self.model = model;
        Ok(())
    }

    // ----- ties ---------------------------------------------------------

    /// Orients a pair so that `a` has the smaller key; `side` is 0 when `x`
    /// is that `a`.
    pub(crate) fn orient(&self, x: PersonId, y: PersonId) -> (PersonId, PersonId, u8) {
        if self.key(x) <= self.key(y) {
            (x, y, 0)
        } else {
            (y, x, 1)
        }
    }

    pub(crate) fn tie_id(&self, x: PersonId, y: PersonId) -> Option<TieId> {
        let (a, b, _) = self.orient(x, y);
        self.pairs.get(pair_key(a, b))
    }

    pub(crate) fn tie_data(&self, id: TieId) -> &TieData {
        self.ties[id.0 as usize].as_ref().expect("a live tie id")
    }

    /// Room for `n` more people without growing the tables one by one.
    pub(crate) fn reserve_people(&mut self, n: usize) {
        self.index.reserve(n);
        self.reserve_person_slots(n);
    }

    /// Room for `n` more people, their index of keys aside.
    pub(crate) fn reserve_person_slots(&mut self, n: usize) {
        self.people.reserve(n);
        self.node_of.reserve(n);
        self.net.reserve_nodes(n);
    }

    /// Room for up to `n` more ties.
    pub(crate) fn reserve_ties(&mut self, n: usize) {
        let n = n.saturating_sub(self.free_ties.len());
        self.ties.reserve(n);
        self.pairs.reserve(n);
        self.net.reserve_edges(n);
    }

    /// The tie of an oriented pair, created empty if new.
    pub(crate) fn tie_mut_or_new(&mut self, a: PersonId, b: PersonId) -> &mut TieData {
        let id = match self.pairs.get(pair_key(a, b)) {
            Some(id) => id,
            None => self.new_tie(a, b),
        };
        self.ties[id.0 as usize].as_mut().expect("live tie")
    }

    /// A graph that has never had a tie makes one for each of these
    /// oriented pairs, in order, each with its log (sorted), numbered from
    /// 0. Three things are made at once, each on one core: the pair map,
    /// the network's edges, and the tie table, which takes each log as it
    /// makes its tie. The edges of a network that has never had one are
    /// numbered in order too, so each tie knows its edge before the edge is
    /// made. At W1's 10M (654,484 ties) the map took 21-30 ms and the
    /// edges 23-35 ms, each on one core; the table, when it was made on
    /// all cores from a list of the logs, 4-33 ms, and making that list
    /// 14 ms more on one core while the other waited.
    pub(crate) fn new_ties(
        &mut self,
        pairs: &[u64],
        logs: impl ExactSizeIterator<Item = blocks::Log> + Send,
    ) {
        debug_assert!(self.ties.is_empty() && self.net.edge_count() == 0, "a first load");
        debug_assert_eq!(pairs.len(), logs.len(), "a log a pair");
        let RelationshipGraph {
            ties,
            pairs: map,
            net,
            node_of,
            ..
        } = self;
        map.reserve(pairs.len());
        net.reserve_edges(pairs.len());
        let tie = |(i, (&pair, log)): (usize, (&u64, blocks::Log))| {
            let (a, b) = (PersonId((pair >> 32) as u32), PersonId(pair as u32));
            Some(TieData {
                log,
                ..TieData::new(a, b, EdgeIndex::new(i))
            })
        };
        rayon::join(
            || {
                for (i, &pair) in pairs.iter().enumerate() {
                    if let Some(&ahead) = pairs.get(i + crate::flat::AHEAD) {
                        map.prefetch(ahead);
                    }
                    let fresh = map.insert(pair, TieId(i as u32)).is_none();
                    debug_assert!(fresh, "a pair with a tie already");
                }
            },
            || {
                rayon::join(
                    || {
                        for (i, &pair) in pairs.iter().enumerate() {
                            let (a, b) = (PersonId((pair >> 32) as u32), PersonId(pair as u32));
                            let edge = net.add_edge(node_of[a.index()], node_of[b.index()], TieId(i as u32));
                            debug_assert_eq!(edge, EdgeIndex::new(i), "edges numbered in order");
                        }
                    },
                    || {
                        ties.reserve_exact(pairs.len());
                        ties.extend(pairs.iter().zip(logs).enumerate().map(tie));
                    },
                )
            },
        );
    }

    /// Creates the empty tie of an oriented pair that has none.
    pub(crate) fn new_tie(&mut self, a: PersonId, b: PersonId) -> TieId {
        let id = self.free_ties.pop().unwrap_or(TieId(self.ties.len() as u32));
        let edge = self
            .net
            .add_edge(self.node_of[a.index()], self.node_of[b.index()], id);
        let data = TieData::new(a, b, edge);
        if id.0 as usize == self.ties.len() {
            self.ties.push(Some(data));
        } else {
            self.ties[id.0 as usize] = Some(data);
        }
        let fresh = self.pairs.insert(pair_key(a, b), id).is_none();
        debug_assert!(fresh, "a pair with a tie already");
        id
    }

    fn drop_tie(&mut self, id: TieId) {
        if let Some(t) = self.ties[id.0 as usize].take() {
            self.interaction_count -= t.log.len();
            self.pairs.remove(pair_key(t.a, t.b));
            self.net.remove_edge(t.edge);
            self.free_ties.push(id);
        }
    }

    /// The tie between two people, whichever order they are given in.
    ///
    /// ```
    /// use tiegraph::{Error, RelationshipGraph, Person};
    /// let mut g = RelationshipGraph::new();
    /// g.add_person(Person::new("ana"))?;
    /// g.add_person(Person::new("lee"))?;
    /// assert!(matches!(g.tie("ana", "lee"), Err(Error::TieNotFound { .. })));
    /// assert!(matches!(g.tie("ana", "bo"), Err(Error::PersonNotFound { .. })));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn tie(&self, a: &str, b: &str) -> Result<Tie<'_>> {
        let (x, y) = (self.id(a)?, self.id(b)?);
        match self.tie_id(x, y) {
            Some(id) => Ok(Tie::new(self, id)),
            None => Err(Error::TieNotFound {
                a: a.to_string(),
                b: b.to_string(),
            }),
        }
    }

    /// Every tie, ordered by the keys of its two people.
    pub fn iter_ties(&self) -> impl Iterator<Item = Tie<'_>> {
        self.sorted_tie_ids()
            .into_iter()
            .map(move |id| Tie::new(self, id))
    }

    /// The ties of one person, ordered by the other person's key.
    pub fn ties_of<'g>(&'g self, key: &str) -> Result<impl Iterator<Item = Tie<'g>> + use<'g>> {
        let id = self.id(key)?;
        let mut ids = self.tie_ids_of(id);
        ids.sort_unstable_by(|&x, &y| self.key(self.other(x, id)).cmp(self.key(self.other(y, id))));
        Ok(ids.into_iter().map(move |t| Tie::new(self, t)))
    }

    pub(crate) fn tie_ids_of(&self, id: PersonId) -> Vec<TieId> {
        self.net
            .edges(self.node_of[id.index()])
            .map(|e| *e.weight())
            .collect()
    }

    /// The other end of a tie.
    pub(crate) fn other(&self, tie: TieId, id: PersonId) -> PersonId {
        let t = self.tie_data(tie);
        if t.a == id { t.b } else { t.a }
    }

    /// Live tie ids ordered by (key of a, key of b).
    ///
    /// The people are put in key order once, and each tie is sorted by
    /// its two places in it, one integer: comparing the keys themselves,
    /// two pairs of strings a comparison, took 1.8 s of `Graph.ties`' 3.0
    /// at W1's 10M rows (654,484 ties), on one core.
    pub(crate) fn sorted_tie_ids(&self) -> Vec<TieId> {
        let rank = self.key_ranks(&self.key_order());
        let mut ids: Vec<(u64, TieId)> = self
            .pairs
            .values()
            .map(|id| {
                let t = self.tie_data(id);
                (
                    u64::from(rank[t.a.index()]) << 32 | u64::from(rank[t.b.index()]),
                    id,
                )
            })
            .collect();
        ids.par_sort_unstable_by_key(|&(places, _)| places);
        ids.into_iter().map(|(_, id)| id).collect()
    }
}

pub(crate) fn check_key(key: &str, field: &str) -> Result<()> {
    if key.is_empty() {
        return Err(Error::EmptyKey {
            field: field.to_string(),
        });
    }
    Ok(())
}

/// Checks a connection; `fields` names its `a`, `b` and `platform` fields
/// (the columns of a file) for the error.
pub(crate) fn validate_connection(c: &Connection, fields: [&str; 3]) -> Result<()> {
    let [a, b, platform] = fields;
    check_key(&c.a, a)?;
    check_key(&c.b, b)?;
    if c.a == c.b {
        return Err(Error::SelfInteraction { key: c.a.clone() });
    }
    if c.platform.is_empty() {
        return Err(Error::InvalidValue {
            field: platform.into(),
            value: String::new(),
            expected: vec!["a non-empty platform name".into()],
        });
    }
    Ok(())
}

/// Two graphs are equal when they hold the same channels, people (with
/// their details), interactions, connections and events, whatever the
/// order they were added in and whatever ids they were given.
impl PartialEq for RelationshipGraph {
    fn eq(&self, other: &Self) -> bool {
        crate::io::Snapshot::of(self) == crate::io::Snapshot::of(other)
    }
}
