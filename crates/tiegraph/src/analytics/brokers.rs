//! Brokerage: Burt's constraint and effective size of each person's ties,
//! on the graph of tie strengths.
//!
//! The definitions are networkx's `constraint(G, weight=...)` and
//! `effective_size(G, weight=...)` for an undirected weighted graph, with
//! the strength of each tie as its weight. With w_ij the strength between
//! i and j (0 without a tie) and N(i) the people i has a tie with:
//!
//! - normalised mutual weight p_ij = (w_ij + w_ji) / Σ_k (w_ik + w_ki) =
//!   w_ij / Σ_k w_ik;
//! - local constraint c_ij = (p_ij + Σ_{q ∈ N(i)} p_iq p_qj)², and
//!   constraint C_i = Σ_{j ∈ N(i)} c_ij (Burt 1992): high when i's
//!   contacts are few, strong and tied to each other;
//! - effective size E_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq), with
//!   m_jq = w_jq / max_k w_jk (Burt's weighted formula): the number of
//!   contacts, less their redundancy;
//! - unweighted effective size n − 2t/n (Borgatti 1997), with n = |N(i)|
//!   and t the number of ties among i's contacts: what networkx returns
//!   without a weight.
//!
//! A person without ties has all three NaN, as in networkx.

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::error::Result;
use crate::graph::RelationshipGraph;
use crate::model::Person;
use crate::score::GraphView;

use super::weighted::StrengthGraph;

/// A person and how much they count towards a score: a contact's share of
/// a constraint, a shared contact's share of a suggestion.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
/// let b = g.brokerage("ana", at)?;
/// assert_eq!(b.constrained_by[0].person.key, "lee");
/// assert_eq!(b.constrained_by[0].value, 1.0); // one contact constrains fully
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Contributor<'g> {
    /// Who.
    pub person: &'g Person,
    /// How much.
    pub value: f64,
}

/// One person's position between others: Burt's constraint and effective
/// size on the strength-weighted graph (see
/// [`GraphView::brokerage`] for the definitions).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
/// // sam is the only link between ana and lee, who do not know each other
/// g.add_interaction(Interaction::new("sam", "ana", at, "in_person"))?;
/// g.add_interaction(Interaction::new("sam", "lee", at, "in_person"))?;
/// let b = g.brokerage("sam", at)?;
/// assert_eq!((b.degree, b.effective_size, b.constraint), (2, 2.0, 0.5));
/// assert_eq!(b.reason, "ties to 2 people, 2.00 of them non-redundant; constraint 0.50, most from ana (0.25)");
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Brokerage<'g> {
    /// The person.
    pub person: &'g Person,
    /// Number of ties with strength > 0.
    pub degree: usize,
    /// Sum of the strengths of those ties.
    pub strength: f64,
    /// Burt's constraint C_i; NaN without ties.
    pub constraint: f64,
    /// Burt's weighted effective size E_i; NaN without ties.
    pub effective_size: f64,
    /// Borgatti's n − 2t/n, ignoring strengths; NaN without ties.
    pub unweighted_effective_size: f64,
    /// The contacts with the largest local constraint c_ij, largest first
    /// (then by key), at most three.
    pub constrained_by: Vec<Contributor<'g>>,
    /// The position in words.
    pub reason: String,
}

impl<'g> StrengthGraph<'g> {
    /// [`GraphView::brokerage`] on this strength graph.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, StrengthGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// let w = StrengthGraph::new(&g.full_view(), at)?;
    /// assert_eq!(w.brokerage("lee")?.constraint, 1.0);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn brokerage(&self, person: &str) -> Result<Brokerage<'g>> {
        let i = self.node_of(person)?;
        Ok(self.brokerage_at(i, |v| self.sum_and_max(v)))
    }

    /// [`GraphView::brokerage_all`] on this strength graph.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, Person, RelationshipGraph, StrengthGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// g.add_person(Person::new("bo"))?;
    /// let w = StrengthGraph::new(&g.full_view(), at)?;
    /// let all = w.brokerage_all();
    /// assert_eq!(all.iter().map(|b| b.person.key.as_str()).collect::<Vec<_>>(), ["ana", "bo", "lee"]);
    /// assert!(all[1].constraint.is_nan());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn brokerage_all(&self) -> Vec<Brokerage<'g>> {
        let stats: Vec<(f64, f64)> = (0..self.len())
            .into_par_iter()
            .map(|v| self.sum_and_max(v))
            .collect();
        (0..self.len())
            .into_par_iter()
            .map(|i| self.brokerage_at(i, |v| stats[v]))
            .collect()
    }

    /// A node's strength (the sum of its ties) and its strongest tie.
    fn sum_and_max(&self, v: usize) -> (f64, f64) {
        let ws = self.neighbours(v).1;
        (ws.iter().sum(), ws.iter().copied().fold(0.0, f64::max))
    }

    /// One person's row; `stat` gives [`sum_and_max`](Self::sum_and_max)
    /// of any node, precomputed or not.
    fn brokerage_at(&self, i: usize, stat: impl Fn(usize) -> (f64, f64)) -> Brokerage<'g> {
        let person = self.person(i);
        let (ni, wi) = self.neighbours(i);
        let d = ni.len();
        if d == 0 {
            return Brokerage {
                person,
                degree: 0,
                strength: 0.0,
                constraint: f64::NAN,
                effective_size: f64::NAN,
                unweighted_effective_size: f64::NAN,
                constrained_by: Vec::new(),
                reason: "no ties in this view: brokerage is undefined".to_string(),
            };
        }
        let sum_i = stat(i).0;
        // sum and strongest tie of each contact, by position in N(i)
        let stats: Vec<(f64, f64)> = ni.iter().map(|&j| stat(j as usize)).collect();
        let p: Vec<f64> = wi.iter().map(|w| w / sum_i).collect();
        // for each contact j (by position in N(i)): Σ_q p_iq p_qj, Σ_q p_iq m_jq, |N(i) ∩ N(j)|
        let mut indirect = vec![0.0; d];
        let mut redundancy = vec![0.0; d];
        let mut shared = 0usize;
        for ((&q, &p_iq), &(sum_q, _)) in ni.iter().zip(&p).zip(&stats) {
            let (nq, wq) = self.neighbours(q as usize);
            for_each_common(ni, nq, |b, c| {
                indirect[b] += p_iq * (wq[c] / sum_q);
                redundancy[b] += p_iq * (wq[c] / stats[b].1);
                shared += 1;
            });
        }
        let local: Vec<f64> = p
            .iter()
            .zip(&indirect)
            .map(|(p_ij, ind)| (p_ij + ind) * (p_ij + ind))
            .collect();
        let constraint = local.iter().sum::<f64>();
        let effective_size = redundancy.iter().map(|r| 1.0 - r).sum::<f64>();
        // Σ_j |N(i) ∩ N(j)| counts every tie among the contacts twice: n − 2t/n = n − shared/n
        let unweighted_effective_size = d as f64 - shared as f64 / d as f64;
        let mut order: Vec<usize> = (0..d).collect();
        order.sort_by(|&a, &b| local[b].total_cmp(&local[a]).then(a.cmp(&b)));
        let constrained_by: Vec<Contributor<'g>> = order
            .iter()
            .take(3)
            .map(|&b| Contributor {
                person: self.person(ni[b] as usize),
                value: local[b],
            })
            .collect();
        let top = &constrained_by[0];
        let reason = format!(
            "ties to {d} {}, {effective_size:.2} of them non-redundant; constraint {constraint:.2}, most from {} ({:.2})",
            if d == 1 { "person" } else { "people" },
            top.person.key,
            top.value
        );
        Brokerage {
            person,
            degree: d,
            strength: sum_i,
            constraint,
            effective_size,
            unweighted_effective_size,
            constrained_by,
            reason,
        }
    }
}

/// Calls `f(position in a, position in b)` for every value in both sorted
/// slices, in increasing order: a merge when the slices are of similar
/// length, binary searches into the longer one otherwise.
pub(super) fn for_each_common(a: &[u32], b: &[u32], mut f: impl FnMut(usize, usize)) {
    if a.len() > 8 * b.len() {
        search_each(a, b, &mut f);
    } else if b.len() > 8 * a.len() {
        search_each(b, a, |j, i| f(i, j));
    } else {
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    f(i, j);
                    i += 1;
                    j += 1;
                }
            }
        }
    }
}

/// [`for_each_common`] when `long` is much longer than `short`: one binary
/// search per value of `short`, each in what is left of `long`.
fn search_each(long: &[u32], short: &[u32], mut f: impl FnMut(usize, usize)) {
    let mut lo = 0;
    for (j, x) in short.iter().enumerate() {
        match long[lo..].binary_search(x) {
            Ok(k) => {
                f(lo + k, j);
                lo += k + 1;
            }
            Err(k) => lo += k,
        }
    }
}

impl<'g> GraphView<'g> {
    /// Burt's constraint and effective size of one person's ties as of a
    /// date, on the graph of tie strengths, exactly as networkx defines
    /// `constraint(G, weight=...)` and `effective_size(G, weight=...)` for
    /// an undirected weighted graph:
    ///
    /// - p_ij = w_ij / Σ_k w_ik (networkx's normalised mutual weight
    ///   (w_ij + w_ji) / Σ_k (w_ik + w_ki) on an undirected graph);
    /// - constraint C_i = Σ_{j ∈ N(i)} (p_ij + Σ_{q ∈ N(i)} p_iq p_qj)²;
    /// - effective size E_i = Σ_{j ∈ N(i)} (1 − Σ_{q ∈ N(i)} p_iq m_jq) with
    ///   m_jq = w_jq / max_k w_jk;
    /// - unweighted effective size n − 2t/n, t the ties among the n contacts.
    ///
    /// Low constraint and high effective size mark a broker: someone whose
    /// contacts do not know each other. All three are NaN for a person
    /// without ties in the view.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// // a triangle: each person's two contacts know each other
    /// for (a, b) in [("ana", "lee"), ("lee", "sam"), ("sam", "ana")] {
    ///     g.add_interaction(Interaction::new(a, b, at, "in_person"))?;
    /// }
    /// let b = g.brokerage("ana", at)?;
    /// // p = 1/2 each, indirect 1/2 · 1/2: C = 2 · (1/2 + 1/4)²; E = 2 · (1 − 1/2)
    /// assert_eq!((b.constraint, b.effective_size, b.unweighted_effective_size), (1.125, 1.0, 1.0));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn brokerage(&self, person: &str, as_of: DateTime<Utc>) -> Result<Brokerage<'g>> {
        self.ensure_people(&[person])?;
        StrengthGraph::new(self, as_of)?.brokerage(person)
    }

    /// [`brokerage`](Self::brokerage) of every person, in key order,
    /// computed in parallel.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("sam", "ana", at, "in_person"))?;
    /// g.add_interaction(Interaction::new("sam", "lee", at, "in_person"))?;
    /// let all = g.full_view().brokerage_all(at)?;
    /// let least = all.iter().min_by(|x, y| x.constraint.total_cmp(&y.constraint)).unwrap();
    /// assert_eq!(least.person.key, "sam");
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn brokerage_all(&self, as_of: DateTime<Utc>) -> Result<Vec<Brokerage<'g>>> {
        Ok(StrengthGraph::new(self, as_of)?.brokerage_all())
    }
}

impl RelationshipGraph {
    /// [`GraphView::brokerage`] on every interaction.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "email"))?; // unanswered: strength 0
    /// assert!(g.brokerage("ana", at)?.constraint.is_nan());
    /// assert!(matches!(g.brokerage("bo", at), Err(Error::PersonNotFound { .. })));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn brokerage(&self, person: &str, as_of: DateTime<Utc>) -> Result<Brokerage<'_>> {
        self.full_view().brokerage(person, as_of)
    }

    /// [`GraphView::brokerage_all`] on every interaction.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person"))?;
    /// assert_eq!(g.brokerage_all(at)?.len(), 2);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn brokerage_all(&self, as_of: DateTime<Utc>) -> Result<Vec<Brokerage<'_>>> {
        self.full_view().brokerage_all(as_of)
    }
}
