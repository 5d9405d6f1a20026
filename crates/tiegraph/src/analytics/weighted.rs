//! The graph of tie strengths at one date, in compressed adjacency form.

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::error::Result;
use crate::graph::{TieId, secs};
use crate::model::{Person, PersonId};
use crate::score::GraphView;

/// Every person and their ties with strength > 0 at one date, as compressed
/// adjacency lists (neighbours of each node sorted by node index). Nodes
/// are numbered in person-key order, so that algorithms iterating over
/// them break ties by key for free.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph, StrengthGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("lee", "ana", day(2), "in_person"))?;
/// g.add_interaction(Interaction::new("bo", "ana", day(2), "reaction"))?; // strength 0: left out
/// let w = StrengthGraph::new(&g.full_view(), day(3))?;
/// assert_eq!(w.len(), 3);
/// assert_eq!(w.node("ana"), Some(0));
/// let (nbrs, strengths) = w.neighbours(0);
/// assert_eq!(nbrs, &[2]); // lee
/// assert_eq!(strengths[0], g.strength("ana", "lee", day(3))?.value);
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct StrengthGraph<'g> {
    people: Vec<&'g Person>,
    ids: Vec<PersonId>,
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl<'g> StrengthGraph<'g> {
    /// Scores every tie of the view at `as_of` (in parallel) and keeps those
    /// with strength > 0.
    pub fn new(view: &GraphView<'g>, as_of: DateTime<Utc>) -> Result<StrengthGraph<'g>> {
        let g = view.graph();
        let t = secs(as_of);
        let order = g.key_order();
        let node_of = g.key_ranks(&order);
        let ties: Vec<TieId> = g.pairs.values().collect();
        let values = view.values(&ties, t);
        let mut degree = vec![0usize; order.len() + 1];
        let mut edges = Vec::with_capacity(ties.len());
        for (&id, &v) in ties.iter().zip(&values) {
            if v > 0.0 {
                let tie = g.tie_data(id);
                let (a, b) = (node_of[tie.a.index()], node_of[tie.b.index()]);
                degree[a as usize] += 1;
                degree[b as usize] += 1;
                edges.push((a, b, v));
            }
        }
        let mut offsets = vec![0usize; order.len() + 1];
        for i in 0..order.len() {
            offsets[i + 1] = offsets[i] + degree[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; offsets[order.len()]];
        let mut weights = vec![0.0; offsets[order.len()]];
        for &(a, b, v) in &edges {
            for (x, y) in [(a, b), (b, a)] {
                let slot = fill[x as usize];
                targets[slot] = y;
                weights[slot] = v;
                fill[x as usize] += 1;
            }
        }
        // sort each adjacency list by neighbour index
        let mut chunks: Vec<(&mut [u32], &mut [f64])> = Vec::with_capacity(order.len());
        {
            let (mut t_rest, mut w_rest) = (&mut targets[..], &mut weights[..]);
            for i in 0..order.len() {
                let n = offsets[i + 1] - offsets[i];
                let (t_head, t_tail) = t_rest.split_at_mut(n);
                let (w_head, w_tail) = w_rest.split_at_mut(n);
                chunks.push((t_head, w_head));
                t_rest = t_tail;
                w_rest = w_tail;
            }
        }
        chunks.par_iter_mut().for_each(|(t, w)| {
            let mut pairs: Vec<(u32, f64)> = t.iter().copied().zip(w.iter().copied()).collect();
            pairs.sort_unstable_by_key(|p| p.0);
            for (k, (n, v)) in pairs.into_iter().enumerate() {
                t[k] = n;
                w[k] = v;
            }
        });
        Ok(StrengthGraph {
            people: order.iter().map(|&p| g.person_at(p)).collect(),
            ids: order,
            offsets,
            targets,
            weights,
        })
    }

    /// Number of nodes (every person of the graph, tied or not).
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// Whether there is no one.
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The node of a person.
    pub fn node(&self, key: &str) -> Option<usize> {
        self.people.binary_search_by(|p| p.key.as_str().cmp(key)).ok()
    }

    /// The person of a node.
    pub fn person(&self, node: usize) -> &'g Person {
        self.people[node]
    }

    /// The graph id of a node's person.
    pub fn id(&self, node: usize) -> PersonId {
        self.ids[node]
    }

    /// The neighbours of a node (sorted) and the strengths of those ties.
    pub fn neighbours(&self, node: usize) -> (&[u32], &[f64]) {
        let r = self.offsets[node]..self.offsets[node + 1];
        (&self.targets[r.clone()], &self.weights[r])
    }

    /// The strength between two nodes, 0 when they have no tie.
    pub fn strength(&self, a: usize, b: usize) -> f64 {
        let (n, w) = self.neighbours(a);
        n.binary_search(&(b as u32)).map_or(0.0, |i| w[i])
    }

    /// Number of ties with strength > 0.
    pub fn edge_count(&self) -> usize {
        self.targets.len() / 2
    }
}
