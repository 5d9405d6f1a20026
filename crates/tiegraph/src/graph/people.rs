//! People: adding, updating, looking up and removing them.

use rayon::slice::ParallelSliceMut;

use super::store::pair_key;
use super::{Record, RelationshipGraph, TieData, TieId, check_key};
use crate::error::{Error, Result};
use crate::keys::{KeyIndex, key_head};
use crate::model::{Person, PersonId};

impl RelationshipGraph {
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
        self.index.insert(&person.key, id);
        self.people.push(Some(person));
        self.node_of.push(self.net.add_node(id));
        id
    }

    /// Adds the people a load named, in order (their ids follow the last
    /// person's), with the load's index of their keys (key to id).
    ///
    /// A graph without people takes that index as its own: inserting
    /// W1's 100,000 keys into a fresh one again was 20-30 ms on one core
    /// while the other waited, and built a second 6 MB table.
    pub(crate) fn insert_loaded_people(&mut self, keys: Vec<String>, index: KeyIndex<u32>) {
        if !self.index.is_empty() {
            self.reserve_people(keys.len());
            for key in keys {
                self.insert_person(Person::new(key));
            }
            return;
        }
        debug_assert_eq!(index.len(), keys.len(), "one index entry a person");
        // no room reserved in the index it replaces: at 100,000 keys that
        // was a 6 MB table written and dropped
        self.reserve_person_slots(keys.len());
        self.index = index.into_ids();
        for key in keys {
            let id = PersonId(self.people.len() as u32);
            debug_assert_eq!(self.index.get(&key), Some(id), "the load's id");
            self.people.push(Some(Person::new(key)));
            self.node_of.push(self.net.add_node(id));
        }
    }

    /// The id of the person with this key, creating them if new.
    pub(crate) fn intern(&mut self, key: &str) -> PersonId {
        match self.index.get(key) {
            Some(id) => id,
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
        self.key_order().into_iter().map(|id| self.person_at(id))
    }

    /// Live people sorted by key.
    ///
    /// Sorting 100,000 keys through their `Person`s is mostly cache misses;
    /// comparing the first eight bytes as an integer first settles most
    /// comparisons without touching the strings, and both cores share the sort.
    pub(crate) fn key_order(&self) -> Vec<PersonId> {
        let mut keyed: Vec<(u64, &str, PersonId)> = self
            .people
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().map(|p| (&p.key, PersonId(i as u32))))
            .map(|(key, id)| (key_head(key.as_bytes()), key.as_str(), id))
            .collect();
        keyed.par_sort_unstable_by(|x, y| x.0.cmp(&y.0).then_with(|| x.1.cmp(y.1)));
        keyed.into_iter().map(|(_, _, id)| id).collect()
    }

    /// Each person's place in `order` ([`key_order`](Self::key_order)),
    /// by id: comparing two places compares the two keys. `u32::MAX` for
    /// an id no longer in use.
    pub(crate) fn key_ranks(&self, order: &[PersonId]) -> Vec<u32> {
        let mut rank = vec![u32::MAX; self.people.len()];
        for (i, p) in order.iter().enumerate() {
            rank[p.index()] = i as u32;
        }
        rank
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
    /// assert!(per > 20.0 && per < 40.0, "{per} bytes per interaction");
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
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
        let index = self.index.heap_bytes();
        let ties: usize = self.ties.capacity() * size_of::<Option<TieData>>()
            + self
                .ties
                .iter()
                .flatten()
                .map(|t| t.log.own_bytes() + t.conns.heap_bytes())
                .sum::<usize>();
        // a bulk load's block counts once, however many ties read from it
        let blocks: usize = self
            .ties
            .iter()
            .flatten()
            .filter_map(|t| t.log.block())
            .map(|b| (std::sync::Arc::as_ptr(b), b.heap_bytes()))
            .collect::<std::collections::HashMap<_, _>>()
            .values()
            .sum();
        // petgraph's stable graph: a node or edge slot is its weight plus two links
        let net = self.net.capacity().0 * (size_of::<PersonId>() + 8 + 4)
            + self.net.capacity().1 * (size_of::<TieId>() + 16 + 4);
        people
            + index
            + ties
            + blocks
            + self.pairs.heap_bytes()
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
                    let Some(tid) = self.pairs.get(pair_key(a, b)) else {
                        continue;
                    };
                    let tie = self.ties[tid.0 as usize].as_mut().expect("live tie");
                    let old_rec = Record::new(ev.t, ev.ch, side, old, ev.dur);
                    if tie.remove(&old_rec) {
                        tie.insert(old_rec.with_mult(new));
                    }
                }
            }
            true
        });
        self.events = events;
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use proptest::prelude::*;

    use crate::{Interaction, RelationshipGraph};

    proptest! {
        /// Ties and people come out in the keys' string order, whatever
        /// the keys' first eight bytes share and whoever was removed.
        #[test]
        fn ties_and_people_come_in_key_order(
            // keys that often share their first eight bytes, or differ
            // only past them, or in a multi-byte character
            keys in prop::collection::vec("(abcdefgh)?[ab\\x00é]{1,3}", 2..24),
            pairs in prop::collection::vec((0usize..24, 0usize..24), 1..60),
            removed in prop::collection::vec(0usize..24, 0..4),
        ) {
            let mut g = RelationshipGraph::new();
            let at = DateTime::from_timestamp(1_700_000_000, 0).expect("valid");
            for (x, y) in pairs {
                let (a, b) = (&keys[x % keys.len()], &keys[y % keys.len()]);
                if a != b {
                    g.add_interaction(Interaction::new(a.as_str(), b.as_str(), at, "email")).expect("a good row");
                }
            }
            for r in removed {
                // an id left empty, which the ranks must skip
                let _ = g.remove_person(&keys[r % keys.len()]);
            }
            let people: Vec<&str> = g.people().map(|p| p.key.as_str()).collect();
            prop_assert_eq!(people.len(), g.person_count());
            prop_assert!(people.windows(2).all(|w| w[0] < w[1]), "{:?}", people);
            let ties: Vec<(&str, &str)> = g
                .sorted_tie_ids()
                .into_iter()
                .map(|id| {
                    let t = g.tie_data(id);
                    (g.key(t.a), g.key(t.b))
                })
                .collect();
            prop_assert_eq!(ties.len(), g.tie_count());
            prop_assert!(ties.windows(2).all(|w| w[0] < w[1]), "{:?}", ties);
        }
    }
}
