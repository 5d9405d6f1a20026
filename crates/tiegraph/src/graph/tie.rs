use chrono::{DateTime, Utc};

use super::{RelationshipGraph, TieData, TieId, time};
use crate::model::{Connection, ConnectionKind, Interaction, InteractionRef, Person};

/// A read-only handle on one tie: the pair, its interactions and connections.
///
/// `a` is the person whose key sorts first.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("lee", "ana", at, "email"))?;
/// let tie = g.tie("ana", "lee")?;
/// let first = tie.interactions().next().unwrap();
/// assert_eq!((first.src.as_str(), first.dst.as_str()), ("lee", "ana"));
/// assert_eq!(tie.first_at(), Some(at));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Tie<'g> {
    graph: &'g RelationshipGraph,
    id: TieId,
}

impl std::fmt::Debug for Tie<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tie")
            .field("a", &self.a().key)
            .field("b", &self.b().key)
            .field("interactions", &self.len())
            .finish()
    }
}

impl<'g> Tie<'g> {
    pub(crate) fn new(graph: &'g RelationshipGraph, id: TieId) -> Tie<'g> {
        Tie { graph, id }
    }

    pub(crate) fn data(&self) -> &'g TieData {
        self.graph.tie_data(self.id)
    }

    /// The person whose key sorts first.
    pub fn a(&self) -> &'g Person {
        self.graph.person_at(self.data().a)
    }

    /// The other person.
    pub fn b(&self) -> &'g Person {
        self.graph.person_at(self.data().b)
    }

    /// Number of interactions.
    pub fn len(&self) -> usize {
        self.data().log.len()
    }

    /// Whether the tie holds no interaction (only connections).
    pub fn is_empty(&self) -> bool {
        self.data().log.is_empty()
    }

    /// Time of the first interaction.
    pub fn first_at(&self) -> Option<DateTime<Utc>> {
        self.data().log.first().map(|r| time(r.t()))
    }

    /// Time of the last interaction.
    pub fn last_at(&self) -> Option<DateTime<Utc>> {
        self.data().log.last().map(|r| time(r.t()))
    }

    /// The interactions, in time order.
    pub fn interactions(&self) -> impl Iterator<Item = Interaction> + use<'g> {
        self.interaction_refs().map(Interaction::from)
    }

    /// The interactions, in time order, borrowed from the graph: no string
    /// is copied (see [`InteractionRef`]).
    pub fn interaction_refs(&self) -> impl Iterator<Item = InteractionRef<'g>> + use<'g> {
        let t = self.data();
        let g = self.graph;
        let (ka, kb) = (g.key(t.a), g.key(t.b));
        t.log.iter().map(move |r| {
            let (src, dst) = if r.side() == 0 { (ka, kb) } else { (kb, ka) };
            InteractionRef {
                src,
                dst,
                at: time(r.t()),
                channel: &g.channels.get(r.channel()).name,
                duration: r.duration(),
                weight: r.mult,
            }
        })
    }

    /// The declared connections, ordered by platform.
    pub fn connections(&self) -> impl Iterator<Item = Connection> + use<'g> {
        let t = self.data();
        let g = self.graph;
        let (ka, kb) = (g.key(t.a), g.key(t.b));
        t.conns.iter().map(move |c| {
            let (a, b) = if c.kind == ConnectionKind::Follows && c.side == 1 {
                (kb, ka)
            } else {
                (ka, kb)
            };
            Connection {
                a: a.to_string(),
                b: b.to_string(),
                platform: c.platform.clone(),
                kind: c.kind,
                since: c.since.map(time),
            }
        })
    }
}
