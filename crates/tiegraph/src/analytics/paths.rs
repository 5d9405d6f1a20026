//! Who can introduce whom: the widest (bottleneck) path between two people
//! on the graph of tie strengths, and its best loopless alternatives.
//!
//! The order of paths and why the search is exact are documented on
//! [`IntroductionPath`], where users read them.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fmt::Write as _;

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::graph::RelationshipGraph;
use crate::model::Person;
use crate::score::GraphView;

use super::weighted::StrengthGraph;

/// A way for one person to reach another through people they know: the
/// people on it, the strength of each tie, and why it was chosen.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "sam", day(2), "in_person"))?;
/// g.add_interaction(Interaction::new("sam", "lee", day(3), "video_call"))?;
/// let p = g.introduction_path("ana", "lee", day(10), 3)?.expect("a path");
/// assert_eq!(p.hops(), 2);
/// assert_eq!(p.keys(), ["ana", "sam", "lee"]);
/// assert_eq!(p.bottleneck, p.strengths[p.weakest]);
/// # Ok::<(), tiegraph::Error>(())
/// ```
///
/// # The order of paths
///
/// A path is better when its weakest tie is stronger (the *bottleneck*: an
/// introduction is only as good as its weakest link); then when the product
/// of its strengths is higher (each hop loses some goodwill); then when it
/// has fewer hops; then when its people come first in key order, compared
/// one position at a time from the start.
///
/// # Why the search is exact
///
/// A Dijkstra that keeps one label (bottleneck, product, hops) per person is
/// *not* exact for this order, for two reasons. The order is not preserved
/// by extension: (0.9, 0.5) beats (0.8, 0.8), but after a tie of 0.7 they
/// become (0.7, 0.35) and (0.7, 0.56). And with a hop limit, a better label
/// with more hops can hide a worse one that is the only one still able to
/// reach the target in time. So the search runs in two phases, each of them
/// a label-setting search whose labels are compared in an order that *is*
/// preserved by extension, and keeps every label that no other label at the
/// same person dominates (at least as good **and** no more hops):
///
/// 1. the best bottleneck B* within the hop limit, with labels (bottleneck,
///    hops): min(b, w) keeps the order of b;
/// 2. among paths using only ties ≥ B* (so every one of them has bottleneck
///    exactly B*), the best (product, hops, key order), with labels
///    compared in that order: multiplying by the same strength keeps the
///    order of products, and appending the same person keeps the key order
///    of two paths of the same length.
///
/// At most `max_hops` labels per person survive, and a label is only made
/// when the hop distance left to the target (a breadth-first search from
/// the target) fits in the limit. The best walk is always a simple path:
/// cutting a cycle out never lowers the product (strengths are at most 1)
/// and saves hops. Products are computed left to right from the first
/// person, the same way for every path, so the reported product is the one
/// compared; two paths whose products differ only in the last bits of a
/// rounding may be ordered by that rounding rather than by key.
///
/// [`introduction_paths`](GraphView::introduction_paths) lists the k
/// best *loopless* paths in this order with Yen's algorithm: each new path
/// leaves an earlier one at some person (the spur), after the same people
/// (the root), by a tie that no earlier path with that root took. The spur
/// search starts from the root's bottleneck, product and hops, so the best
/// completion of a root is the best whole path with that root.
#[derive(Debug, Clone, PartialEq)]
pub struct IntroductionPath<'g> {
    /// The people on the path, from the person asking to the person to reach.
    pub people: Vec<&'g Person>,
    /// `strengths[i]` is the strength of the tie between `people[i]` and
    /// `people[i + 1]`.
    pub strengths: Vec<f64>,
    /// The weakest strength on the path.
    pub bottleneck: f64,
    /// The product of the strengths, multiplied from the first tie on.
    pub product: f64,
    /// Index in `strengths` of the weakest tie (the first one when several
    /// are equally weak).
    pub weakest: usize,
    /// The path in words: `ana → sam (0.71) → lee (0.43): weakest link sam–lee`.
    pub reason: String,
}

impl<'g> IntroductionPath<'g> {
    /// Number of ties on the path.
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use tiegraph::{Interaction, RelationshipGraph};
    /// # let mut g = RelationshipGraph::new();
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// let p = g.introduction_path("ana", "lee", at, 2)?.expect("a direct tie");
    /// assert_eq!(p.hops(), 1);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn hops(&self) -> usize {
        self.strengths.len()
    }

    /// The keys of the people on the path.
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use tiegraph::{Interaction, RelationshipGraph};
    /// # let mut g = RelationshipGraph::new();
    /// # let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// let p = g.introduction_path("lee", "ana", at, 2)?.expect("a direct tie");
    /// assert_eq!(p.keys(), ["lee", "ana"]);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn keys(&self) -> Vec<&'g str> {
        self.people.iter().map(|p| p.key.as_str()).collect()
    }

    fn new(g: &StrengthGraph<'g>, nodes: &[u32]) -> IntroductionPath<'g> {
        let people: Vec<&'g Person> = nodes.iter().map(|&v| g.person(v as usize)).collect();
        let strengths: Vec<f64> = nodes
            .windows(2)
            .map(|e| g.strength(e[0] as usize, e[1] as usize))
            .collect();
        let (bottleneck, product) = bottleneck_product(&strengths);
        let weakest = strengths.iter().position(|&s| s == bottleneck).unwrap_or(0);
        let mut reason = people[0].key.clone();
        for (p, s) in people[1..].iter().zip(&strengths) {
            let _ = write!(reason, " → {} ({s:.2})", p.key);
        }
        if strengths.len() == 1 {
            reason.push_str(": a direct tie");
        } else {
            let _ = write!(
                reason,
                ": weakest link {}–{}",
                people[weakest].key,
                people[weakest + 1].key
            );
        }
        IntroductionPath {
            people,
            strengths,
            bottleneck,
            product,
            weakest,
            reason,
        }
    }
}

/// The argument errors of a path query that need no scoring.
fn check_path_args(from: &str, to: &str, max_hops: usize, k: Option<usize>) -> Result<()> {
    if max_hops == 0 {
        return Err(Error::InvalidArgument {
            argument: "max_hops".into(),
            reason: "must be at least 1".into(),
        });
    }
    if from == to {
        return Err(Error::InvalidArgument {
            argument: "to".into(),
            reason: format!("{to:?} is the person the path starts from"),
        });
    }
    if k == Some(0) {
        return Err(Error::InvalidArgument {
            argument: "k".into(),
            reason: "must be at least 1".into(),
        });
    }
    Ok(())
}

/// The bottleneck and the left-to-right product of a path's strengths.
fn bottleneck_product(strengths: &[f64]) -> (f64, f64) {
    strengths
        .iter()
        .fold((f64::INFINITY, 1.0), |(b, p), &s| (b.min(s), p * s))
}

impl<'g> StrengthGraph<'g> {
    /// The best path from `from` to `to` of at most `max_hops` ties, in the
    /// order of [`IntroductionPath`]: strongest weakest tie, then highest product, then fewest hops, then key order.
    /// `None` when no such path exists.
    ///
    /// Build the strength graph once and ask many questions of it:
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, StrengthGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "sam", day(2), "in_person"))?;
    /// g.add_interaction(Interaction::new("sam", "lee", day(3), "in_person"))?;
    /// let w = StrengthGraph::new(&g.full_view(), day(10))?;
    /// assert_eq!(w.introduction_path("ana", "lee", 2)?.expect("a path").hops(), 2);
    /// assert!(w.introduction_path("ana", "lee", 1)?.is_none());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn introduction_path(
        &self,
        from: &str,
        to: &str,
        max_hops: usize,
    ) -> Result<Option<IntroductionPath<'g>>> {
        let (s, t, h) = self.path_args(from, to, max_hops)?;
        let search = Search::new(self, h);
        Ok(search
            .best(&Root::start(s), t)
            .map(|nodes| IntroductionPath::new(self, &nodes)))
    }

    /// The `k` best loopless paths from `from` to `to` of at most `max_hops`
    /// ties, best first (Yen's algorithm in the order of
    /// [`introduction_path`](Self::introduction_path)); fewer when there are
    /// fewer such paths.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, StrengthGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// for via in ["bo", "sam"] {
    ///     g.add_interaction(Interaction::new("ana", via, day(2), "in_person"))?;
    ///     g.add_interaction(Interaction::new(via, "lee", day(3), "in_person"))?;
    /// }
    /// let w = StrengthGraph::new(&g.full_view(), day(10))?;
    /// let paths = w.introduction_paths("ana", "lee", 2, 5)?;
    /// // equally strong: key order decides
    /// assert_eq!(paths.iter().map(|p| p.keys()[1]).collect::<Vec<_>>(), ["bo", "sam"]);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn introduction_paths(
        &self,
        from: &str,
        to: &str,
        max_hops: usize,
        k: usize,
    ) -> Result<Vec<IntroductionPath<'g>>> {
        check_path_args(from, to, max_hops, Some(k))?;
        let (s, t, h) = self.path_args(from, to, max_hops)?;
        Ok(yen(self, s, t, h, k)
            .iter()
            .map(|nodes| IntroductionPath::new(self, nodes))
            .collect())
    }

    /// Checks the arguments of a path query: the two nodes and the hop
    /// limit, capped at the longest simple path.
    fn path_args(&self, from: &str, to: &str, max_hops: usize) -> Result<(u32, u32, u32)> {
        let s = self.node_of(from)?;
        let t = self.node_of(to)?;
        check_path_args(from, to, max_hops, None)?;
        let h = max_hops
            .min(self.len().saturating_sub(1))
            .min(u32::MAX as usize - 1) as u32;
        Ok((s as u32, t as u32, h))
    }

    /// The node of a key, or [`Error::PersonNotFound`].
    pub(crate) fn node_of(&self, key: &str) -> Result<usize> {
        self.node(key)
            .ok_or_else(|| Error::PersonNotFound { key: key.to_string() })
    }
}

impl<'g> GraphView<'g> {
    /// The best way for `from` to reach `to` through people they know, as of
    /// a date: the path of at most `max_hops` ties whose weakest tie is
    /// strongest, then with the highest product of strengths, then with the
    /// fewest hops, then whose people come first in key order. A direct tie
    /// is a path of one hop.
    ///
    /// `Ok(None)` when no path within `max_hops` exists; an unknown person is
    /// [`Error::PersonNotFound`]; `max_hops` of 0 or `to == from` is
    /// [`Error::InvalidArgument`]. The search is exact for this order, hop
    /// limit included; see the notes of
    /// [`introduction_paths`](Self::introduction_paths).
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, View};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "sam", day(2), "in_person"))?;
    /// g.add_interaction(Interaction::new("sam", "lee", day(3), "email"))?;
    /// g.add_interaction(Interaction::new("lee", "sam", day(4), "email"))?;
    /// let p = g.introduction_path("ana", "lee", day(10), 3)?.expect("a path");
    /// assert_eq!(p.keys(), ["ana", "sam", "lee"]);
    /// assert_eq!((p.weakest, p.bottleneck), (1, g.strength("sam", "lee", day(10))?.value));
    /// assert!(p.reason.starts_with("ana → sam ("));
    /// assert!(p.reason.ends_with("): weakest link sam–lee"));
    /// // offline only, sam and lee never met: no way through
    /// assert!(g.view(&View::offline())?.introduction_path("ana", "lee", day(10), 3)?.is_none());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn introduction_path(
        &self,
        from: &str,
        to: &str,
        as_of: DateTime<Utc>,
        max_hops: usize,
    ) -> Result<Option<IntroductionPath<'g>>> {
        self.ensure_people(&[from, to])?;
        check_path_args(from, to, max_hops, None)?;
        StrengthGraph::new(self, as_of)?.introduction_path(from, to, max_hops)
    }

    /// The `k` best loopless paths from `from` to `to` of at most `max_hops`
    /// ties, best first, in the order of
    /// [`introduction_path`](Self::introduction_path) (whose path comes
    /// first); fewer when there are fewer such paths, none when there is no
    /// path. `k` of 0 is [`Error::InvalidArgument`].
    ///
    /// An *alternative* is any other loopless path: they are enumerated with
    /// Yen's algorithm, so the second path is the best one that differs from
    /// the first in at least one person or tie, and so on. The search behind
    /// each one is exact for the order, hop limit included: a first phase
    /// finds the best weakest link with labels (bottleneck, hops), a second
    /// one the best (product, hops, key order) among paths that use only
    /// ties at least that strong, keeping at each person every label that no
    /// other one beats on both value and hops.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", day(2), "email"))?;
    /// g.add_interaction(Interaction::new("lee", "ana", day(2), "email"))?;
    /// g.add_interaction(Interaction::new("ana", "sam", day(3), "in_person"))?;
    /// g.add_interaction(Interaction::new("sam", "lee", day(4), "in_person"))?;
    /// let paths = g.introduction_paths("ana", "lee", day(10), 2, 3)?;
    /// assert_eq!(paths.len(), 2);
    /// assert_eq!(paths[0].keys(), ["ana", "sam", "lee"]); // two meetings beat one email thread
    /// assert_eq!(paths[1].keys(), ["ana", "lee"]);
    /// assert!(paths[0].bottleneck > paths[1].bottleneck);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn introduction_paths(
        &self,
        from: &str,
        to: &str,
        as_of: DateTime<Utc>,
        max_hops: usize,
        k: usize,
    ) -> Result<Vec<IntroductionPath<'g>>> {
        self.ensure_people(&[from, to])?;
        check_path_args(from, to, max_hops, Some(k))?;
        StrengthGraph::new(self, as_of)?.introduction_paths(from, to, max_hops, k)
    }

    /// [`Error::PersonNotFound`] for the first unknown key, before any scoring.
    pub(crate) fn ensure_people(&self, keys: &[&str]) -> Result<()> {
        keys.iter().try_for_each(|k| self.graph().person(k).map(|_| ()))
    }
}

impl RelationshipGraph {
    /// [`GraphView::introduction_path`] on every interaction.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "sam", day(2), "in_person"))?;
    /// g.add_interaction(Interaction::new("lee", "kim", day(2), "in_person"))?;
    /// assert!(g.introduction_path("ana", "lee", day(3), 4)?.is_none());
    /// assert!(matches!(g.introduction_path("ana", "bo", day(3), 4), Err(Error::PersonNotFound { .. })));
    /// assert!(matches!(g.introduction_path("ana", "lee", day(3), 0), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn introduction_path(
        &self,
        from: &str,
        to: &str,
        as_of: DateTime<Utc>,
        max_hops: usize,
    ) -> Result<Option<IntroductionPath<'_>>> {
        self.full_view().introduction_path(from, to, as_of, max_hops)
    }

    /// [`GraphView::introduction_paths`] on every interaction.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "sam", day(2), "in_person"))?;
    /// g.add_interaction(Interaction::new("sam", "lee", day(2), "in_person"))?;
    /// let paths = g.introduction_paths("ana", "lee", day(3), 4, 10)?;
    /// assert_eq!(paths.len(), 1);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn introduction_paths(
        &self,
        from: &str,
        to: &str,
        as_of: DateTime<Utc>,
        max_hops: usize,
        k: usize,
    ) -> Result<Vec<IntroductionPath<'_>>> {
        self.full_view().introduction_paths(from, to, as_of, max_hops, k)
    }
}

// ----- the search ----------------------------------------------------------

const UNSEEN: u32 = u32::MAX;
const NO_PARENT: u32 = u32::MAX;

/// The fixed start of a search: the people before the spur (included) and
/// the bottleneck and product of their ties.
#[derive(Debug, Clone)]
struct Root {
    nodes: Vec<u32>,
    bottleneck: f64,
    product: f64,
}

impl Root {
    fn start(s: u32) -> Root {
        Root {
            nodes: vec![s],
            bottleneck: f64::INFINITY,
            product: 1.0,
        }
    }

    fn of(g: &StrengthGraph<'_>, nodes: &[u32]) -> Root {
        let strengths: Vec<f64> = nodes
            .windows(2)
            .map(|e| g.strength(e[0] as usize, e[1] as usize))
            .collect();
        let (bottleneck, product) = bottleneck_product(&strengths);
        Root {
            nodes: nodes.to_vec(),
            bottleneck,
            product,
        }
    }

    fn spur(&self) -> u32 {
        self.nodes[self.nodes.len() - 1]
    }

    fn hops(&self) -> u32 {
        (self.nodes.len() - 1) as u32
    }
}

/// One search's constraints and scratch space.
struct Search<'a, 'g> {
    g: &'a StrengthGraph<'g>,
    max_hops: u32,
    /// People the path may not pass through (the root before the spur).
    banned: Vec<bool>,
    /// Neighbours of the spur the path may not go to first.
    banned_first: Vec<u32>,
}

/// A phase-2 label: a walk from the spur, as a parent pointer.
#[derive(Debug, Clone, Copy)]
struct Label {
    node: u32,
    hops: u32,
    product: f64,
    parent: u32,
}

impl<'a, 'g> Search<'a, 'g> {
    fn new(g: &'a StrengthGraph<'g>, max_hops: u32) -> Search<'a, 'g> {
        Search {
            g,
            max_hops,
            banned: vec![false; g.len()],
            banned_first: Vec::new(),
        }
    }

    /// Whether the tie v → u may be taken at all.
    #[inline]
    fn allowed(&self, spur: u32, v: u32, u: u32) -> bool {
        !(self.banned[u as usize] || (v == spur && self.banned_first.contains(&u)))
    }

    /// Hops from every person to `t` over allowed ties at least `threshold`
    /// strong, up to `limit` (`UNSEEN` beyond).
    fn hops_to(&self, spur: u32, t: u32, threshold: f64, limit: u32) -> Vec<u32> {
        let mut dist = vec![UNSEEN; self.g.len()];
        dist[t as usize] = 0;
        let mut frontier = vec![t];
        let mut next = Vec::new();
        for d in 1..=limit {
            for &v in &frontier {
                let (nbrs, ws) = self.g.neighbours(v as usize);
                for (&u, &w) in nbrs.iter().zip(ws) {
                    // the tie is taken u → v
                    if w >= threshold
                        && dist[u as usize] == UNSEEN
                        && !self.banned[u as usize]
                        && !(u == spur && self.banned_first.contains(&v))
                    {
                        dist[u as usize] = d;
                        // the spur is where the search starts: nothing to explore past it
                        if u != spur {
                            next.push(u);
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            std::mem::swap(&mut frontier, &mut next);
            next.clear();
        }
        dist
    }

    /// The best completion of `root` to `t` (the spur's walk, spur first).
    fn best(&self, root: &Root, t: u32) -> Option<Vec<u32>> {
        let b = self.widest(root, t)?;
        self.heaviest(root, t, b)
    }

    /// Phase 1: the best bottleneck of a whole path with this root.
    fn widest(&self, root: &Root, t: u32) -> Option<f64> {
        let spur = root.spur();
        let budget = self.max_hops.checked_sub(root.hops())?;
        let dist = self.hops_to(spur, t, f64::NEG_INFINITY, budget);
        if dist[spur as usize] == UNSEEN {
            return None;
        }
        let mut min_hops = vec![UNSEEN; self.g.len()];
        // max-heap on (bottleneck, fewer hops); bottlenecks are > 0, so their bits order them
        let mut heap = BinaryHeap::new();
        heap.push((root.bottleneck.to_bits(), std::cmp::Reverse(root.hops()), spur));
        while let Some((b, std::cmp::Reverse(h), v)) = heap.pop() {
            if h >= min_hops[v as usize] {
                continue;
            }
            min_hops[v as usize] = h;
            if v == t {
                return Some(f64::from_bits(b));
            }
            let (nbrs, ws) = self.g.neighbours(v as usize);
            for (&u, &w) in nbrs.iter().zip(ws) {
                let d = dist[u as usize];
                if d == UNSEEN || h + 1 + d > self.max_hops || h + 1 >= min_hops[u as usize] {
                    continue;
                }
                if self.allowed(spur, v, u) {
                    let nb = f64::from_bits(b).min(w);
                    heap.push((nb.to_bits(), std::cmp::Reverse(h + 1), u));
                }
            }
        }
        None
    }

    /// Phase 2: the best (product, hops, key order) completion using only
    /// ties at least `threshold` strong.
    fn heaviest(&self, root: &Root, t: u32, threshold: f64) -> Option<Vec<u32>> {
        let spur = root.spur();
        let budget = self.max_hops - root.hops();
        let dist = self.hops_to(spur, t, threshold, budget);
        let mut min_hops = vec![UNSEEN; self.g.len()];
        let mut labels = vec![Label {
            node: spur,
            hops: root.hops(),
            product: root.product,
            parent: NO_PARENT,
        }];
        let mut heap = LabelHeap::default();
        heap.push(0, &labels);
        while let Some(l) = heap.pop(&labels) {
            let Label {
                node: v,
                hops: h,
                product: p,
                ..
            } = labels[l as usize];
            if h >= min_hops[v as usize] {
                continue;
            }
            min_hops[v as usize] = h;
            if v == t {
                let mut walk = Vec::with_capacity((h - root.hops()) as usize + 1);
                let mut at = l;
                while at != NO_PARENT {
                    walk.push(labels[at as usize].node);
                    at = labels[at as usize].parent;
                }
                walk.reverse();
                return Some(walk);
            }
            let (nbrs, ws) = self.g.neighbours(v as usize);
            for (&u, &w) in nbrs.iter().zip(ws) {
                let d = dist[u as usize];
                if w < threshold || d == UNSEEN || h + 1 + d > self.max_hops || h + 1 >= min_hops[u as usize]
                {
                    continue;
                }
                if self.allowed(spur, v, u) {
                    labels.push(Label {
                        node: u,
                        hops: h + 1,
                        product: p * w,
                        parent: l,
                    });
                    heap.push((labels.len() - 1) as u32, &labels);
                }
            }
        }
        None
    }
}

/// Whether label `a` comes before label `b`: higher product, then fewer
/// hops, then the walk whose people come first in key order.
fn before(labels: &[Label], a: u32, b: u32) -> bool {
    let (x, y) = (&labels[a as usize], &labels[b as usize]);
    match y.product.total_cmp(&x.product).then(x.hops.cmp(&y.hops)) {
        Ordering::Less => true,
        Ordering::Greater => false,
        Ordering::Equal => key_order(labels, a, b) == Ordering::Less,
    }
}

/// Key order of two walks with the same number of hops from the same spur
/// label: walking both up together, the last difference seen is the first
/// from the start.
fn key_order(labels: &[Label], mut a: u32, mut b: u32) -> Ordering {
    let mut ord = Ordering::Equal;
    while a != b {
        let (x, y) = (&labels[a as usize], &labels[b as usize]);
        let c = x.node.cmp(&y.node);
        if c != Ordering::Equal {
            ord = c;
        }
        a = x.parent;
        b = y.parent;
    }
    ord
}

/// A binary heap of label ids ordered by [`before`], which needs the labels.
#[derive(Debug, Default)]
struct LabelHeap {
    ids: Vec<u32>,
}

impl LabelHeap {
    fn push(&mut self, id: u32, labels: &[Label]) {
        self.ids.push(id);
        let mut i = self.ids.len() - 1;
        while i > 0 {
            let up = (i - 1) / 2;
            if !before(labels, self.ids[i], self.ids[up]) {
                break;
            }
            self.ids.swap(i, up);
            i = up;
        }
    }

    fn pop(&mut self, labels: &[Label]) -> Option<u32> {
        let last = self.ids.len().checked_sub(1)?;
        self.ids.swap(0, last);
        let top = self.ids.pop();
        let n = self.ids.len();
        let mut i = 0;
        loop {
            let (l, r) = (2 * i + 1, 2 * i + 2);
            let mut best = i;
            if l < n && before(labels, self.ids[l], self.ids[best]) {
                best = l;
            }
            if r < n && before(labels, self.ids[r], self.ids[best]) {
                best = r;
            }
            if best == i {
                break;
            }
            self.ids.swap(i, best);
            i = best;
        }
        top
    }
}

/// A complete path with the values it is ranked by.
#[derive(Debug, Clone)]
struct Ranked {
    nodes: Vec<u32>,
    bottleneck: f64,
    product: f64,
}

impl Ranked {
    fn new(g: &StrengthGraph<'_>, nodes: Vec<u32>) -> Ranked {
        let root = Root::of(g, &nodes);
        Ranked {
            nodes,
            bottleneck: root.bottleneck,
            product: root.product,
        }
    }

    /// The order of the module docs, best first.
    fn cmp(&self, other: &Ranked) -> Ordering {
        other
            .bottleneck
            .total_cmp(&self.bottleneck)
            .then(other.product.total_cmp(&self.product))
            .then(self.nodes.len().cmp(&other.nodes.len()))
            .then_with(|| self.nodes.cmp(&other.nodes))
    }
}

/// Yen's k loopless paths, best first.
fn yen(g: &StrengthGraph<'_>, s: u32, t: u32, max_hops: u32, k: usize) -> Vec<Vec<u32>> {
    let mut search = Search::new(g, max_hops);
    let Some(first) = search.best(&Root::start(s), t) else {
        return Vec::new();
    };
    let mut found: Vec<Vec<u32>> = vec![first];
    let mut candidates: Vec<Ranked> = Vec::new();
    while found.len() < k {
        let last = found[found.len() - 1].clone();
        for i in 0..last.len() - 1 {
            let root = Root::of(g, &last[..=i]);
            for &v in &last[..i] {
                search.banned[v as usize] = true;
            }
            search.banned_first = found
                .iter()
                .filter(|p| p.len() > i + 1 && p[..=i] == last[..=i])
                .map(|p| p[i + 1])
                .collect();
            let spur_path = search.best(&root, t);
            for &v in &last[..i] {
                search.banned[v as usize] = false;
            }
            if let Some(spur_path) = spur_path {
                let mut nodes = last[..i].to_vec();
                nodes.extend_from_slice(&spur_path);
                debug_assert!(is_simple(&nodes), "a spur search returned a walk with a cycle");
                if !candidates.iter().any(|c| c.nodes == nodes) && !found.contains(&nodes) {
                    candidates.push(Ranked::new(g, nodes));
                }
            }
        }
        search.banned_first.clear();
        let Some(best) = (0..candidates.len()).min_by(|&a, &b| candidates[a].cmp(&candidates[b])) else {
            break;
        };
        found.push(candidates.swap_remove(best).nodes);
    }
    found
}

fn is_simple(nodes: &[u32]) -> bool {
    let mut v = nodes.to_vec();
    v.sort_unstable();
    v.windows(2).all(|w| w[0] != w[1])
}
