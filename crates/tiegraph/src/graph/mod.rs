//! [`RelationshipGraph`]: people, their ties, and the interactions that make them.

mod ingest;
mod store;
mod tie;

use chrono::{DateTime, Utc};
use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use rustc_hash::FxHashMap;

pub(crate) use ingest::{ChannelRef, Fields, Row, Staging};
pub use ingest::{LoadReport, OnError, SkippedRow};
pub(crate) use store::{ConnRecord, NO_DURATION, Record, TieData};
pub use tie::Tie;

use crate::error::{Error, Result};
use crate::model::{
    Channel, ChannelId, Channels, Connection, ConnectionKind, GroupEvent, Interaction, Person, PersonId,
};
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
/// interactions (time-sorted, 24 bytes each) and connections.
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
    pub(crate) index: FxHashMap<String, PersonId>,
    /// Ties by id; `None` for free slots, listed in `free_ties`.
    pub(crate) ties: Vec<Option<TieData>>,
    free_ties: Vec<TieId>,
    pub(crate) pairs: FxHashMap<u64, TieId>,
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

    // ----- people -------------------------------------------------------

    /// Adds a person; the key must be new and non-empty.
    ///
    /// ```
    /// use tiegraph::{Person, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// g.add_person(Person::new("lee").with_name("Lee Park"))?;
    /// assert!(g.add_person(Person::new("lee")).is_err());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_person(&mut self, person: Person) -> Result<PersonId> {
        check_key(&person.key, "key")?;
        if self.index.contains_key(&person.key) {
            return Err(Error::PersonExists { key: person.key });
        }
        Ok(self.insert_person(person))
    }

    pub(crate) fn insert_person(&mut self, person: Person) -> PersonId {
        let id = PersonId(self.people.len() as u32);
        self.index.insert(person.key.clone(), id);
        self.people.push(Some(person));
        self.node_of.push(self.net.add_node(id));
        id
    }

    /// The id of the person with this key, creating them if new.
    pub(crate) fn intern(&mut self, key: &str) -> PersonId {
        match self.index.get(key) {
            Some(&id) => id,
            None => self.insert_person(Person::new(key)),
        }
    }

    /// Replaces the details of an existing person (matched by key).
    ///
    /// ```
    /// use tiegraph::{Person, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// g.add_person(Person::new("lee"))?;
    /// g.update_person(Person::new("lee").with_organisation("The Daily Example"))?;
    /// assert_eq!(g.person("lee")?.organisation.as_deref(), Some("The Daily Example"));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn update_person(&mut self, person: Person) -> Result<()> {
        let id = self.id(&person.key)?;
        self.people[id.index()] = Some(person);
        Ok(())
    }

    /// The person with this key.
    pub fn person(&self, key: &str) -> Result<&Person> {
        self.id(key).map(|id| self.person_at(id))
    }

    /// Whether a person with this key exists.
    pub fn contains_person(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// The id of the person with this key.
    pub fn person_id(&self, key: &str) -> Result<PersonId> {
        self.id(key)
    }

    pub(crate) fn id(&self, key: &str) -> Result<PersonId> {
        self.index
            .get(key)
            .copied()
            .ok_or_else(|| Error::PersonNotFound { key: key.to_string() })
    }

    /// The person with this id (ids come from this graph).
    ///
    /// # Panics
    /// When the id is not one of this graph's live people.
    pub fn person_at(&self, id: PersonId) -> &Person {
        self.people[id.index()]
            .as_ref()
            .expect("a live person id of this graph")
    }

    pub(crate) fn key(&self, id: PersonId) -> &str {
        &self.person_at(id).key
    }

    /// Every person, in key order.
    pub fn people(&self) -> impl Iterator<Item = &Person> {
        let mut v: Vec<&Person> = self.people.iter().flatten().collect();
        v.sort_unstable_by(|x, y| x.key.cmp(&y.key));
        v.into_iter()
    }

    /// Number of people.
    pub fn person_count(&self) -> usize {
        self.index.len()
    }

    /// Number of ties (pairs with an interaction or a connection).
    pub fn tie_count(&self) -> usize {
        self.pairs.len()
    }

    /// Number of stored interactions (a group event counts once per pair).
    pub fn interaction_count(&self) -> usize {
        self.interaction_count
    }

    /// The bytes the graph holds on the heap: every table at its allocated
    /// capacity, hash maps by bucket count (an estimate for them: one control
    /// byte and one entry per bucket), strings by capacity.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let rows: Vec<_> = (0..1000).map(|i| Interaction::new("ana", format!("p{}", i % 10), at, "email")).collect();
    /// g.add_interactions(rows)?;
    /// let per = g.heap_bytes() as f64 / g.interaction_count() as f64;
    /// assert!(per > 24.0 && per < 40.0, "{per} bytes per interaction");
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        fn map<K, V>(m: &FxHashMap<K, V>) -> usize {
            m.capacity() * (size_of::<(K, V)>() + 1)
        }
        let people: usize = self.people.capacity() * size_of::<Option<Person>>()
            + self
                .people
                .iter()
                .flatten()
                .map(|p| {
                    p.key.capacity()
                        + p.name.as_ref().map_or(0, String::capacity)
                        + p.organisation.as_ref().map_or(0, String::capacity)
                        + p.role.as_ref().map_or(0, String::capacity)
                        + p.tags
                            .iter()
                            .map(|t| t.capacity() + size_of::<String>())
                            .sum::<usize>()
                })
                .sum::<usize>();
        let index = map(&self.index) + self.index.keys().map(String::capacity).sum::<usize>();
        let ties: usize = self.ties.capacity() * size_of::<Option<TieData>>()
            + self
                .ties
                .iter()
                .flatten()
                .map(|t| {
                    t.log.capacity() * size_of::<Record>()
                        + t.conns.capacity() * size_of::<ConnRecord>()
                        + t.conns.iter().map(|c| c.platform.capacity()).sum::<usize>()
                })
                .sum::<usize>();
        // petgraph's stable graph: a node or edge slot is its weight plus two links
        let net = self.net.capacity().0 * (size_of::<PersonId>() + 8 + 4)
            + self.net.capacity().1 * (size_of::<TieId>() + 16 + 4);
        people
            + index
            + ties
            + map(&self.pairs)
            + self.free_ties.capacity() * 4
            + net
            + self.node_of.capacity() * 4
    }

    /// Removes a person, their ties, and them from every group event (whose
    /// remaining pairs are re-diluted as if they had never been there).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "email"))?;
    /// g.remove_person("lee")?;
    /// assert_eq!((g.person_count(), g.tie_count(), g.interaction_count()), (1, 0, 0));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn remove_person(&mut self, key: &str) -> Result<Person> {
        let id = self.id(key)?;
        let node = self.node_of[id.index()];
        let tie_ids: Vec<TieId> = self.net.edges(node).map(|e| *e.weight()).collect();
        for t in tie_ids {
            self.drop_tie(t);
        }
        self.net.remove_node(node);
        self.index.remove(key);
        let person = self.people[id.index()].take().expect("live person");
        self.remove_from_events(id);
        Ok(person)
    }

    fn remove_from_events(&mut self, id: PersonId) {
        let mut events = std::mem::take(&mut self.events);
        events.retain_mut(|ev| {
            let Some(pos) = ev.participants.iter().position(|&p| p == id) else {
                return true;
            };
            let old = ev.weight / ((ev.participants.len() - 1) as f64).sqrt();
            ev.participants.remove(pos);
            if ev.participants.len() < 2 {
                return false;
            }
            let new = ev.weight / ((ev.participants.len() - 1) as f64).sqrt();
            for (i, &x) in ev.participants.iter().enumerate() {
                for &y in &ev.participants[i + 1..] {
                    let (a, b, side) = self.orient(x, y);
                    let Some(&tid) = self.pairs.get(&pair_key(a, b)) else {
                        continue;
                    };
                    let tie = self.ties[tid.0 as usize].as_mut().expect("live tie");
                    let old_rec = Record {
                        t: ev.t,
                        mult: old,
                        dur: ev.dur,
                        ch: ev.ch,
                        side,
                    };
                    if tie.remove(&old_rec) {
                        tie.insert(Record { mult: new, ..old_rec });
                    }
                }
            }
            true
        });
        self.events = events;
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
        self.pairs.get(&pair_key(a, b)).copied()
    }

    pub(crate) fn tie_data(&self, id: TieId) -> &TieData {
        self.ties[id.0 as usize].as_ref().expect("a live tie id")
    }

    /// The tie of an oriented pair, created empty if new.
    pub(crate) fn tie_mut_or_new(&mut self, a: PersonId, b: PersonId) -> &mut TieData {
        let key = pair_key(a, b);
        let id = match self.pairs.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.free_ties.pop().unwrap_or(TieId(self.ties.len() as u32));
                let edge = self
                    .net
                    .add_edge(self.node_of[a.index()], self.node_of[b.index()], id);
                let data = TieData {
                    a,
                    b,
                    log: Vec::new(),
                    conns: Vec::new(),
                    edge,
                };
                if id.0 as usize == self.ties.len() {
                    self.ties.push(Some(data));
                } else {
                    self.ties[id.0 as usize] = Some(data);
                }
                self.pairs.insert(key, id);
                id
            }
        };
        self.ties[id.0 as usize].as_mut().expect("live tie")
    }

    fn drop_tie(&mut self, id: TieId) {
        if let Some(t) = self.ties[id.0 as usize].take() {
            self.interaction_count -= t.log.len();
            self.pairs.remove(&pair_key(t.a, t.b));
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
    pub(crate) fn sorted_tie_ids(&self) -> Vec<TieId> {
        let mut ids: Vec<TieId> = self.pairs.values().copied().collect();
        ids.sort_unstable_by(|&x, &y| {
            let (tx, ty) = (self.tie_data(x), self.tie_data(y));
            (self.key(tx.a), self.key(tx.b)).cmp(&(self.key(ty.a), self.key(ty.b)))
        });
        ids
    }

    // ----- interactions -------------------------------------------------

    /// Adds one interaction; people it names are created if new.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person").with_duration(5400.0))?;
    /// let err = g.add_interaction(Interaction::new("ana", "lee", at, "fax")).unwrap_err();
    /// assert!(err.to_string().starts_with(r#"unknown channel "fax"; known channels: in_person, event"#));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_interaction(&mut self, interaction: Interaction) -> Result<()> {
        let row = Row::from_interaction(&interaction);
        let (src, dst, rec) = row.validate(self, &Fields::default())?;
        let (x, y) = (self.intern(src), self.intern(dst));
        let (a, b, side) = self.orient(x, y);
        self.tie_mut_or_new(a, b).insert(Record { side, ..rec });
        self.interaction_count += 1;
        Ok(())
    }

    /// Adds many interactions at once: all of them, or none and the error of
    /// the first bad row. Each touched tie is sorted once.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let rows = vec![
    ///     Interaction::new("ana", "lee", at, "email"),
    ///     Interaction::new("lee", "lee", at, "email"),
    /// ];
    /// let err = g.add_interactions(rows).unwrap_err();
    /// assert_eq!(err.to_string(), r#"row 1: self-interaction: "lee" cannot interact with themself"#);
    /// assert_eq!(g.interaction_count(), 0); // nothing was added
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_interactions<I>(&mut self, rows: I) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Interaction>,
    {
        self.add_interactions_with(rows, OnError::Raise)
    }

    /// Like [`add_interactions`](Self::add_interactions), choosing what a bad row does:
    /// with [`OnError::Skip`] the good rows are added and every bad one is
    /// reported with its error.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, OnError, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let rows = vec![
    ///     Interaction::new("ana", "lee", at, "email"),
    ///     Interaction::new("ana", "lee", at, "email").with_weight(-1.0),
    /// ];
    /// let report = g.add_interactions_with(rows, OnError::Skip)?;
    /// assert_eq!((report.added, report.skipped.len()), (1, 1));
    /// assert_eq!(report.skipped[0].row, 1);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_interactions_with<I>(&mut self, rows: I, on_error: OnError) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Interaction>,
    {
        let fields = Fields::default();
        let mut staging = Staging::new(self, on_error);
        for (i, it) in rows.into_iter().enumerate() {
            staging.push(self, &fields, i as u64, None, Ok(Row::from_interaction(&it)))?;
        }
        Ok(staging.commit(self))
    }

    pub(crate) fn add_committed(&mut self, n: usize) {
        self.interaction_count += n;
    }

    /// Removes one stored interaction equal to this one (same people, time
    /// to the second, channel, duration and weight). A tie left with nothing
    /// is removed too; the people stay.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let email = Interaction::new("ana", "lee", at, "email");
    /// g.add_interaction(email.clone())?;
    /// g.remove_interaction(&email)?;
    /// assert_eq!(g.tie_count(), 0);
    /// assert!(g.remove_interaction(&email).is_err());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn remove_interaction(&mut self, interaction: &Interaction) -> Result<()> {
        let row = Row::from_interaction(interaction);
        let (src, dst, rec) = row.validate(self, &Fields::default())?;
        let not_found = || Error::InteractionNotFound {
            src: interaction.src.clone(),
            dst: interaction.dst.clone(),
            channel: interaction.channel.clone(),
            at: interaction.at.to_rfc3339(),
        };
        let (x, y) = match (self.index.get(src), self.index.get(dst)) {
            (Some(&x), Some(&y)) => (x, y),
            _ => return Err(not_found()),
        };
        let (a, b, side) = self.orient(x, y);
        let Some(&id) = self.pairs.get(&pair_key(a, b)) else {
            return Err(not_found());
        };
        let tie = self.ties[id.0 as usize].as_mut().expect("live tie");
        if !tie.remove(&Record { side, ..rec }) {
            return Err(not_found());
        }
        self.interaction_count -= 1;
        if tie.is_empty() {
            self.drop_tie(id);
        }
        Ok(())
    }

    // ----- connections --------------------------------------------------

    /// Adds a declared connection; adding the same one twice keeps one.
    ///
    /// ```
    /// use tiegraph::{Connection, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// g.add_connection(Connection::mutual("ana", "lee", "linkedin"))?;
    /// g.add_connection(Connection::mutual("lee", "ana", "linkedin"))?;
    /// assert_eq!(g.tie("ana", "lee")?.connections().count(), 1);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_connection(&mut self, connection: Connection) -> Result<()> {
        let c = connection;
        validate_connection(&c, ["a", "b", "platform"])?;
        self.insert_connection(&c.a, &c.b, &c.platform, c.kind, c.since.map(secs));
        Ok(())
    }

    /// Adds many connections: all of them, or none and the first bad row's error.
    pub fn add_connections<I>(&mut self, connections: I) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Connection>,
    {
        self.add_connections_with(connections, OnError::Raise)
    }

    /// Like [`add_connections`](Self::add_connections), choosing what a bad row does.
    pub fn add_connections_with<I>(&mut self, connections: I, on_error: OnError) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Connection>,
    {
        let mut report = LoadReport::default();
        let mut good = Vec::new();
        for (i, c) in connections.into_iter().enumerate() {
            report.rows += 1;
            match validate_connection(&c, ["a", "b", "platform"]) {
                Ok(()) => good.push(c),
                Err(e) => match on_error {
                    OnError::Raise => return Err(e.at_row(i as u64, None)),
                    OnError::Skip => report.skipped.push(SkippedRow {
                        row: i as u64,
                        line: None,
                        error: e,
                    }),
                },
            }
        }
        let before = self.person_count();
        for c in good {
            self.insert_connection(&c.a, &c.b, &c.platform, c.kind, c.since.map(secs));
            report.added += 1;
        }
        report.new_people = (self.person_count() - before) as u64;
        Ok(report)
    }

    pub(crate) fn insert_connection(
        &mut self,
        a: &str,
        b: &str,
        platform: &str,
        kind: ConnectionKind,
        since: Option<i64>,
    ) {
        let (x, y) = (self.intern(a), self.intern(b));
        let (a, b, side) = self.orient(x, y);
        let side = if kind == ConnectionKind::Mutual { 0 } else { side };
        self.tie_mut_or_new(a, b).add_conn(ConnRecord {
            platform: platform.to_string(),
            kind,
            side,
            since,
        });
    }

    // ----- group events -------------------------------------------------

    /// Adds a group event: one interaction per pair of participants, each
    /// with multiplier `weight / √(n − 1)`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{GroupEvent, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 6, 12, 19, 0, 0).unwrap();
    /// g.add_event(GroupEvent::new(["lee", "ana", "sam", "bo", "kim"], at))?;
    /// assert_eq!((g.tie_count(), g.interaction_count()), (10, 10));
    /// let w = g.tie("ana", "lee")?.interactions().next().unwrap().weight;
    /// assert_eq!(w, 0.5); // 1 / √(5 − 1)
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_event(&mut self, event: GroupEvent) -> Result<()> {
        let invalid = |reason: String| Error::InvalidEvent {
            name: event.name.clone(),
            reason,
        };
        let n = event.participants.len();
        if n < 2 {
            return Err(invalid(format!("it needs at least two participants, got {n}")));
        }
        for (i, p) in event.participants.iter().enumerate() {
            check_key(p, "participants")?;
            if event.participants[..i].contains(p) {
                return Err(invalid(format!("{p:?} is listed twice")));
            }
        }
        let mult = event.weight / ((n - 1) as f64).sqrt();
        let template = Row {
            src: &event.participants[0],
            dst: &event.participants[1],
            t: secs(event.at),
            channel: ingest::ChannelRef::Name(&event.channel),
            duration: event.duration,
            weight: event.weight,
        };
        let (_, _, rec) = template.validate(self, &Fields::event())?;
        let ids: Vec<PersonId> = event.participants.iter().map(|p| self.intern(p)).collect();
        for (i, &x) in ids.iter().enumerate() {
            for &y in &ids[i + 1..] {
                let (a, b, side) = self.orient(x, y);
                self.tie_mut_or_new(a, b).insert(Record { side, mult, ..rec });
            }
        }
        self.interaction_count += n * (n - 1) / 2;
        self.events.push(EventRecord {
            name: event.name,
            t: rec.t,
            ch: rec.ch,
            dur: rec.dur,
            weight: event.weight,
            participants: ids,
        });
        Ok(())
    }

    /// The group events added so far, in time order, then by name.
    pub fn events(&self) -> Vec<GroupEvent> {
        let mut out: Vec<GroupEvent> = self.events.iter().map(|e| self.event_out(e)).collect();
        out.sort_by(|x, y| {
            (x.at, &x.name, &x.channel, &x.participants)
                .cmp(&(y.at, &y.name, &y.channel, &y.participants))
                .then(x.weight.total_cmp(&y.weight))
                .then_with(|| match (x.duration, y.duration) {
                    (Some(dx), Some(dy)) => dx.total_cmp(&dy),
                    (dx, dy) => dx.is_some().cmp(&dy.is_some()),
                })
        });
        out
    }

    pub(crate) fn event_out(&self, e: &EventRecord) -> GroupEvent {
        GroupEvent {
            participants: e.participants.iter().map(|&p| self.key(p).to_string()).collect(),
            at: time(e.t),
            channel: self.channels.get(ChannelId(e.ch)).name.clone(),
            duration: (e.dur != NO_DURATION).then_some(f64::from(e.dur)),
            weight: e.weight,
            name: e.name.clone(),
        }
    }

    // ----- merge --------------------------------------------------------

    /// Adds everything `other` holds, so that the result is the graph of
    /// both logs ingested together. People in both keep the details set
    /// here and take the missing ones (and extra tags) from `other`.
    /// Fails, changing nothing, when the two define a channel differently.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let (mut x, mut y, mut both) = (RelationshipGraph::new(), RelationshipGraph::new(), RelationshipGraph::new());
    /// let e1 = Interaction::new("ana", "lee", at, "email");
    /// let e2 = Interaction::new("lee", "ana", at, "email");
    /// x.add_interaction(e1.clone())?;
    /// y.add_interaction(e2.clone())?;
    /// both.add_interactions([e1, e2])?;
    /// x.merge(&y)?;
    /// assert_eq!(x, both);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn merge(&mut self, other: &RelationshipGraph) -> Result<()> {
        let mut channels = self.channels.clone();
        for c in other.channels.registered() {
            channels.register(c.clone())?;
        }
        self.channels = channels;
        // channel ids of `other` in this graph
        let ch_map: Vec<u16> = other
            .channels
            .all()
            .iter()
            .map(|c| self.channels.id(&c.name).map(|id| id.0))
            .collect::<Result<_>>()?;
        let same_ids = ch_map.iter().enumerate().all(|(i, &c)| i == c as usize);
        let mut id_map = vec![PersonId(u32::MAX); other.people.len()];
        for p in other.people.iter().flatten() {
            let id = match self.index.get(&p.key) {
                Some(&id) => {
                    self.people[id.index()].as_mut().expect("live").fill_from(p);
                    id
                }
                None => self.insert_person(p.clone()),
            };
            id_map[other.index[&p.key].index()] = id;
        }
        for t in other.ties.iter().flatten() {
            // orientation is by key, the same in both graphs
            let (a, b) = (id_map[t.a.index()], id_map[t.b.index()]);
            let tie = self.tie_mut_or_new(a, b);
            let had = tie.log.len();
            tie.log.extend(t.log.iter().map(|r| Record {
                ch: ch_map[r.ch as usize],
                ..*r
            }));
            if had > 0 || !same_ids {
                tie.sort();
            }
            for c in &t.conns {
                tie.add_conn(c.clone());
            }
            self.interaction_count += t.log.len();
        }
        for e in &other.events {
            self.events.push(EventRecord {
                ch: ch_map[e.ch as usize],
                participants: e.participants.iter().map(|p| id_map[p.index()]).collect(),
                ..e.clone()
            });
        }
        Ok(())
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
