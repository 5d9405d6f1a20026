//! Communities: Louvain on the graph of tie strengths, reproducible for a
//! given seed, and the modularity of any partition.
//!
//! Modularity with resolution γ is Newman's, on the weighted graph:
//! Q = Σ_c [ L_c / m − γ (K_c / 2m)² ], where m is the sum of all
//! strengths, L_c the sum of the strengths of ties inside community c and
//! K_c the sum of the strengths of its members (each person's strength is
//! the sum of their ties). This is networkx's `modularity(G, communities,
//! weight="weight", resolution=γ)`. A view without ties has Q = 0.
//!
//! Louvain (Blondel et al. 2008): visit the people in an order shuffled by
//! the seed, move each to the neighbouring community that raises Q most
//! (ties between communities broken by their smallest member), and sweep
//! again until nobody moves; then merge each community into one node and
//! repeat on that graph until a level moves nobody. The random numbers come
//! from the crate's own splitmix64, every loop runs in node (key) order and
//! every sum in a fixed order, so one seed gives the same partition, bit for
//! bit, on every run and machine.

use std::fmt;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::graph::RelationshipGraph;
use crate::model::Person;
use crate::score::GraphView;

use super::weighted::StrengthGraph;

/// A partition of everyone into communities, and its modularity.
///
/// Communities are numbered from 0 in the key order of their smallest
/// member; a person without ties is a community of their own.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
/// for (a, b) in [("ana", "bo"), ("bo", "cy"), ("cy", "ana"), ("lee", "max"), ("max", "sam"), ("sam", "lee")] {
///     g.add_interaction(Interaction::new(a, b, at, "in_person"))?;
/// }
/// let c = g.communities(at, 1.0, 7)?;
/// assert_eq!(c.community, [0, 0, 0, 1, 1, 1]); // ana bo cy | lee max sam
/// assert_eq!(c.count, 2);
/// assert_eq!(c.of("max"), Some(1));
/// assert!((c.modularity - 0.5).abs() < 1e-12); // 2 · (3/6 − (6/12)²)
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Communities<'g> {
    /// Every person of the graph, in key order.
    pub people: Vec<&'g Person>,
    /// `community[i]` is the community of `people[i]`.
    pub community: Vec<usize>,
    /// Number of communities.
    pub count: usize,
    /// Modularity of the partition at `resolution`.
    pub modularity: f64,
    /// The resolution γ it was found with.
    pub resolution: f64,
}

impl<'g> Communities<'g> {
    /// The community of a person, `None` for an unknown key.
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use tiegraph::{Interaction, RelationshipGraph};
    /// # let mut g = RelationshipGraph::new();
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// let c = g.communities(at, 1.0, 0)?;
    /// assert_eq!((c.of("lee"), c.of("bo")), (Some(0), None));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn of(&self, key: &str) -> Option<usize> {
        self.people
            .binary_search_by(|p| p.key.as_str().cmp(key))
            .ok()
            .map(|i| self.community[i])
    }

    /// The members of community `c`, in key order (none when `c` is out of range).
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use tiegraph::{Interaction, Person, RelationshipGraph};
    /// # let mut g = RelationshipGraph::new();
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("bo", "lee", at, "in_person"))?;
    /// g.add_person(Person::new("ana"))?;
    /// let c = g.communities(at, 1.0, 0)?;
    /// assert_eq!(c.members(0)[0].key, "ana"); // alone
    /// assert_eq!(c.members(1).len(), 2);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn members(&self, c: usize) -> Vec<&'g Person> {
        self.people
            .iter()
            .zip(&self.community)
            .filter(|&(_, &x)| x == c)
            .map(|(p, _)| *p)
            .collect()
    }

    /// Every community's members, in community order; the shape
    /// [`modularity`](GraphView::modularity) takes back.
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use tiegraph::{Interaction, RelationshipGraph};
    /// # let mut g = RelationshipGraph::new();
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// let c = g.communities(at, 1.0, 0)?;
    /// let groups: Vec<Vec<&str>> = c.groups().iter().map(|m| m.iter().map(|p| p.key.as_str()).collect()).collect();
    /// assert_eq!(groups, [["ana", "lee"]]);
    /// assert_eq!(g.modularity(&groups, at, 1.0)?, c.modularity);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn groups(&self) -> Vec<Vec<&'g Person>> {
        let mut out = vec![Vec::new(); self.count];
        for (p, &c) in self.people.iter().zip(&self.community) {
            out[c].push(*p);
        }
        out
    }
}

impl fmt::Display for Communities<'_> {
    /// One line per community: `0: ana, bo, cy`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (c, members) in self.groups().iter().enumerate() {
            let keys: Vec<&str> = members.iter().map(|p| p.key.as_str()).collect();
            writeln!(f, "{c}: {}", keys.join(", "))?;
        }
        Ok(())
    }
}

fn check_resolution(resolution: f64) -> Result<()> {
    if resolution.is_finite() && resolution > 0.0 {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            argument: "resolution".into(),
            reason: format!("must be finite and > 0, got {resolution}"),
        })
    }
}

impl<'g> StrengthGraph<'g> {
    /// [`GraphView::communities`] on this strength graph.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, StrengthGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// let w = StrengthGraph::new(&g.full_view(), at)?;
    /// assert_eq!(w.communities(1.0, 42)?.count, 1);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn communities(&self, resolution: f64, seed: u64) -> Result<Communities<'g>> {
        check_resolution(resolution)?;
        let labels = louvain(self, resolution, seed);
        let (community, count) = number_by_first(&labels);
        Ok(Communities {
            people: (0..self.len()).map(|i| self.person(i)).collect(),
            modularity: modularity_of(self, &community, count, resolution),
            community,
            count,
            resolution,
        })
    }

    /// [`GraphView::modularity`] on this strength graph.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, StrengthGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// let w = StrengthGraph::new(&g.full_view(), at)?;
    /// // apart: no tie inside, each has half the strength: −2 · (1/2)²
    /// assert_eq!(w.modularity(&[["ana"], ["lee"]], 1.0)?, -0.5);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn modularity<C, S>(&self, communities: &[C], resolution: f64) -> Result<f64>
    where
        C: AsRef<[S]>,
        S: AsRef<str>,
    {
        check_resolution(resolution)?;
        let mut label = vec![usize::MAX; self.len()];
        for (c, members) in communities.iter().enumerate() {
            for key in members.as_ref() {
                let key = key.as_ref();
                let i = self.node_of(key)?;
                if label[i] != usize::MAX {
                    return Err(Error::InvalidArgument {
                        argument: "communities".into(),
                        reason: format!("{key:?} is in more than one community"),
                    });
                }
                label[i] = c;
            }
        }
        let mut next = communities.len();
        for l in label.iter_mut().filter(|l| **l == usize::MAX) {
            *l = next;
            next += 1;
        }
        Ok(modularity_of(self, &label, next, resolution))
    }
}

impl<'g> GraphView<'g> {
    /// Communities of people as of a date: Louvain on the graph of tie
    /// strengths with resolution γ (> 0; above 1 favours smaller
    /// communities) and a seed for the order people are visited in.
    ///
    /// The same seed gives the same partition bit for bit; communities are
    /// numbered by their smallest member key. Modularity is Newman's on the
    /// weighted graph, Q = Σ_c [L_c / m − γ (K_c / 2m)²] (m the sum of all
    /// strengths, L_c the strengths inside c, K_c the summed strengths of
    /// c's members), as networkx computes it. Louvain visits people in a
    /// seeded order, moves each to the neighbouring community that raises Q
    /// most until nobody moves, merges communities into single nodes and
    /// repeats until a level moves nobody.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// for (a, b) in [("ana", "bo"), ("bo", "cy"), ("cy", "ana"), ("lee", "max"), ("max", "sam"), ("sam", "lee")] {
    ///     g.add_interaction(Interaction::new(a, b, at, "in_person"))?;
    /// }
    /// g.add_interaction(Interaction::new("cy", "lee", at, "public_reply"))?;
    /// g.add_interaction(Interaction::new("lee", "cy", at, "public_reply"))?; // a weak bridge
    /// let c = g.full_view().communities(at, 1.0, 1)?;
    /// assert_eq!(c.to_string(), "0: ana, bo, cy\n1: lee, max, sam\n");
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn communities(&self, as_of: DateTime<Utc>, resolution: f64, seed: u64) -> Result<Communities<'g>> {
        check_resolution(resolution)?;
        StrengthGraph::new(self, as_of)?.communities(resolution, seed)
    }

    /// The modularity of a partition at resolution γ as of a date (see
    /// [`communities`](Self::communities)): `communities` lists the keys
    /// of each community's members; people not listed are each a community
    /// of their own. An unknown key is [`Error::PersonNotFound`], a key in
    /// two communities [`Error::InvalidArgument`]. A view without ties has
    /// modularity 0.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// for (a, b) in [("ana", "bo"), ("bo", "cy"), ("cy", "ana")] {
    ///     g.add_interaction(Interaction::new(a, b, at, "in_person"))?;
    /// }
    /// let v = g.full_view();
    /// assert_eq!(v.modularity(&[vec!["ana", "bo", "cy"]], at, 1.0)?, 0.0); // 3/3 − 1²
    /// assert!((v.modularity(&[vec!["ana", "bo", "cy"]], at, 0.5)? - 0.5).abs() < 1e-15);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn modularity<C, S>(&self, communities: &[C], as_of: DateTime<Utc>, resolution: f64) -> Result<f64>
    where
        C: AsRef<[S]>,
        S: AsRef<str>,
    {
        check_resolution(resolution)?;
        for members in communities {
            for key in members.as_ref() {
                self.ensure_people(&[key.as_ref()])?;
            }
        }
        StrengthGraph::new(self, as_of)?.modularity(communities, resolution)
    }
}

impl RelationshipGraph {
    /// [`GraphView::communities`] on every interaction.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// assert_eq!(g.communities(at, 1.0, 3)?, g.communities(at, 1.0, 3)?);
    /// assert!(matches!(g.communities(at, 0.0, 3), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn communities(&self, as_of: DateTime<Utc>, resolution: f64, seed: u64) -> Result<Communities<'_>> {
        self.full_view().communities(as_of, resolution, seed)
    }

    /// [`GraphView::modularity`] on every interaction.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// assert_eq!(g.modularity(&[["ana", "lee"]], at, 1.0)?, 0.0);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn modularity<C, S>(&self, communities: &[C], as_of: DateTime<Utc>, resolution: f64) -> Result<f64>
    where
        C: AsRef<[S]>,
        S: AsRef<str>,
    {
        self.full_view().modularity(communities, as_of, resolution)
    }
}

// ----- modularity --------------------------------------------------------

/// Q of a labelling with `count` labels, each tie's strength counted once
/// inside and once in each end's strength; every sum in node order.
fn modularity_of(g: &StrengthGraph<'_>, label: &[usize], count: usize, resolution: f64) -> f64 {
    let mut inside = vec![0.0; count];
    let mut total = vec![0.0; count];
    let mut two_m = 0.0;
    for (i, &c) in label.iter().enumerate() {
        let (nbrs, ws) = g.neighbours(i);
        let k: f64 = ws.iter().sum();
        total[c] += k;
        two_m += k;
        for (&j, &w) in nbrs.iter().zip(ws) {
            if j as usize > i && label[j as usize] == c {
                inside[c] += w;
            }
        }
    }
    if two_m == 0.0 {
        return 0.0;
    }
    let m = two_m / 2.0;
    inside
        .iter()
        .zip(&total)
        .map(|(l, k)| l / m - resolution * (k / two_m) * (k / two_m))
        .sum()
}

/// Renumbers labels 0.. in the order of their first node.
fn number_by_first(labels: &[u32]) -> (Vec<usize>, usize) {
    let mut new = vec![usize::MAX; labels.len()];
    let mut count = 0;
    let out = labels
        .iter()
        .map(|&l| {
            let slot = &mut new[l as usize];
            if *slot == usize::MAX {
                *slot = count;
                count += 1;
            }
            *slot
        })
        .collect();
    (out, count)
}

// ----- Louvain -----------------------------------------------------------

/// splitmix64 (Steele, Lea & Flood 2014): a tiny, well-mixed generator that
/// is the same everywhere (also the crate's unit tests' random numbers).
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (multiply-shift; the bias is below 2⁻³² for any n here).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// One level of the Louvain hierarchy: a weighted graph whose nodes may
/// carry a self-loop (the strength inside the community they stand for).
#[derive(Debug, Clone)]
struct Level {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    /// Twice the strength inside each node.
    loops: Vec<f64>,
}

impl Level {
    fn len(&self) -> usize {
        self.loops.len()
    }

    fn neighbours(&self, i: usize) -> (&[u32], &[f64]) {
        let r = self.offsets[i]..self.offsets[i + 1];
        (&self.targets[r.clone()], &self.weights[r])
    }

    fn from_strengths(g: &StrengthGraph<'_>) -> Level {
        let n = g.len();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut targets = Vec::with_capacity(2 * g.edge_count());
        let mut weights = Vec::with_capacity(2 * g.edge_count());
        for i in 0..n {
            let (nbrs, ws) = g.neighbours(i);
            targets.extend_from_slice(nbrs);
            weights.extend_from_slice(ws);
            offsets.push(targets.len());
        }
        Level {
            offsets,
            targets,
            weights,
            loops: vec![0.0; n],
        }
    }

    /// Each node's strength: its loop plus its ties.
    fn strengths(&self) -> Vec<f64> {
        (0..self.len())
            .map(|i| self.loops[i] + self.neighbours(i).1.iter().sum::<f64>())
            .collect()
    }

    /// The graph of communities: `comm` numbered 0..count in node order.
    fn aggregate(&self, comm: &[u32], count: usize) -> Level {
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); count];
        for (i, &c) in comm.iter().enumerate() {
            members[c as usize].push(i as u32);
        }
        let mut offsets = Vec::with_capacity(count + 1);
        offsets.push(0);
        let mut targets = Vec::new();
        let mut weights = Vec::new();
        let mut loops = vec![0.0; count];
        let mut acc = vec![0.0; count];
        let mut touched: Vec<u32> = Vec::new();
        for (c, nodes) in members.iter().enumerate() {
            for &i in nodes {
                loops[c] += self.loops[i as usize];
                let (nbrs, ws) = self.neighbours(i as usize);
                for (&j, &w) in nbrs.iter().zip(ws) {
                    let d = comm[j as usize];
                    if d as usize == c {
                        loops[c] += w;
                    } else {
                        if acc[d as usize] == 0.0 {
                            touched.push(d);
                        }
                        acc[d as usize] += w;
                    }
                }
            }
            touched.sort_unstable();
            for &d in &touched {
                targets.push(d);
                weights.push(acc[d as usize]);
                acc[d as usize] = 0.0;
            }
            touched.clear();
            offsets.push(targets.len());
        }
        Level {
            offsets,
            targets,
            weights,
            loops,
        }
    }
}

/// The best community of every node of the strength graph, as labels.
fn louvain(g: &StrengthGraph<'_>, resolution: f64, seed: u64) -> Vec<u32> {
    let mut rng = SplitMix64(seed);
    let mut level = Level::from_strengths(g);
    let mut label: Vec<u32> = (0..g.len() as u32).collect();
    loop {
        let comm = move_nodes(&level, resolution, &mut rng);
        let (comm, count) = number_by_first(&comm);
        if count == level.len() {
            return label;
        }
        let comm: Vec<u32> = comm.into_iter().map(|c| c as u32).collect();
        for l in &mut label {
            *l = comm[*l as usize];
        }
        level = level.aggregate(&comm, count);
    }
}

/// Most sweeps over the nodes of one level; a sweep always moves somebody
/// who raises Q, so this only guards against rounding ping-pong.
const MAX_SWEEPS: usize = 1_000;

/// The local-moving phase on one level: each node's community label.
fn move_nodes(level: &Level, resolution: f64, rng: &mut SplitMix64) -> Vec<u32> {
    let n = level.len();
    let k = level.strengths();
    let two_m: f64 = k.iter().sum();
    let mut comm: Vec<u32> = (0..n as u32).collect();
    if two_m == 0.0 {
        return comm;
    }
    let mut total = k.clone();
    let mut order: Vec<u32> = (0..n as u32).collect();
    rng.shuffle(&mut order);
    let mut to_comm = vec![0.0; n];
    let mut seen = vec![false; n];
    let mut touched: Vec<u32> = Vec::new();
    for _ in 0..MAX_SWEEPS {
        let mut moved = 0usize;
        for &i in &order {
            let i = i as usize;
            let own = comm[i];
            let (nbrs, ws) = level.neighbours(i);
            for (&j, &w) in nbrs.iter().zip(ws) {
                let c = comm[j as usize];
                if !seen[c as usize] {
                    seen[c as usize] = true;
                    touched.push(c);
                }
                to_comm[c as usize] += w;
            }
            total[own as usize] -= k[i];
            // gain of joining c, times m, less what is the same for every c:
            // k_i,c − γ K_c k_i / 2m
            let scale = resolution * k[i] / two_m;
            let gain = |c: u32| to_comm[c as usize] - total[c as usize] * scale;
            let stay = gain(own);
            let mut best: Option<(f64, u32)> = None;
            for &c in &touched {
                if c == own {
                    continue;
                }
                let g = gain(c);
                if best.is_none_or(|(bg, bc)| g > bg || (g == bg && c < bc)) {
                    best = Some((g, c));
                }
            }
            let tolerance = 1e-12 * k[i] * (1.0 + resolution);
            let target = match best {
                Some((g, c)) if g > stay + tolerance => c,
                _ => own,
            };
            total[target as usize] += k[i];
            if target != own {
                comm[i] = target;
                moved += 1;
            }
            for &c in &touched {
                to_comm[c as usize] = 0.0;
                seen[c as usize] = false;
            }
            touched.clear();
        }
        if moved == 0 {
            break;
        }
    }
    comm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // first outputs for seed 1234567 of the reference C implementation
        let mut r = SplitMix64(1_234_567);
        assert_eq!(r.next(), 6_457_827_717_110_365_317);
        assert_eq!(r.next(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn shuffle_is_a_permutation_and_depends_on_the_seed() {
        let mut a: Vec<u32> = (0..100).collect();
        let mut b = a.clone();
        SplitMix64(1).shuffle(&mut a);
        SplitMix64(2).shuffle(&mut b);
        assert_ne!(a, b);
        a.sort_unstable();
        assert_eq!(a, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn numbering_follows_first_appearance() {
        assert_eq!(number_by_first(&[4, 2, 4, 0, 2]), (vec![0, 1, 0, 2, 1], 3));
    }
}
