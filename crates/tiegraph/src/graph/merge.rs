//! Merging two graphs: the graph of both logs ingested together.

use super::{EventRecord, RelationshipGraph};
use crate::error::Result;
use crate::model::PersonId;

impl RelationshipGraph {
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
                Some(id) => {
                    self.people[id.index()].as_mut().expect("live").fill_from(p);
                    id
                }
                None => self.insert_person(p.clone()),
            };
            id_map[other.id(&p.key).expect("a live person").index()] = id;
        }
        for t in other.ties.iter().flatten() {
            // orientation is by key, the same in both graphs
            let (a, b) = (id_map[t.a.index()], id_map[t.b.index()]);
            let tie = self.tie_mut_or_new(a, b);
            let had = tie.log.len();
            tie.log
                .to_mut()
                .extend(t.log.iter().map(|r| r.with_ch(ch_map[r.ch() as usize])));
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
