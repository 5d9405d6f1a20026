//! Suggestions: people someone has no tie with yet, ranked by the contacts
//! they share, weighted by tie strength.
//!
//! With s_xz the strength between x and z, N(x) the people x has a tie
//! with and S_z = Σ_w s_zw the strength of z (the sum of z's ties), the
//! score of y for x sums over the shared contacts z ∈ N(x) ∩ N(y):
//!
//! - [`SuggestMethod::AdamicAdar`]: Σ_z ((s_xz + s_zy) / 2) / ln(1 + S_z), the
//!   weighted generalisation of Murata & Moriyasu (2007) of Adamic & Adar's
//!   Σ_z 1 / ln k_z (2003): a shared contact counts by how strongly it links
//!   the two, less when it is tied to many;
//! - [`SuggestMethod::ResourceAllocation`]: Σ_z s_xz s_zy / S_z, the share of a
//!   unit of resource that x spreads over its ties in proportion to their
//!   strength and that reaches y through z in one more such step, times
//!   S_x (the same for every y); with every strength 1 it is Zhou, Lü &
//!   Zhang's Σ_z 1 / k_z (2009).
//!
//! Both are ≥ 0 and finite (S_z ≥ s_xz > 0), and 0 exactly when there is no
//! shared contact.

use chrono::{DateTime, Utc};

use crate::error::{Error, Result};
use crate::graph::RelationshipGraph;
use crate::model::Person;
use crate::score::GraphView;

use super::brokers::{Contributor, for_each_common};
use super::weighted::StrengthGraph;

/// How [`suggest`](GraphView::suggest) scores a person through the contacts
/// they share.
///
/// ```
/// use tiegraph::SuggestMethod;
/// assert_eq!(SuggestMethod::default(), SuggestMethod::AdamicAdar);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SuggestMethod {
    /// Σ_z ((s_xz + s_zy) / 2) / ln(1 + S_z): weighted Adamic–Adar.
    #[default]
    AdamicAdar,
    /// Σ_z s_xz s_zy / S_z: weighted resource allocation.
    ResourceAllocation,
}

impl SuggestMethod {
    /// What shared contact `z` adds, given its ties to the two people and
    /// its strength.
    #[inline]
    fn contribution(self, s_xz: f64, s_zy: f64, s_z: f64) -> f64 {
        match self {
            SuggestMethod::AdamicAdar => (s_xz + s_zy) / 2.0 / s_z.ln_1p(),
            SuggestMethod::ResourceAllocation => s_xz * s_zy / s_z,
        }
    }
}

/// Someone to get to know, and why.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph, SuggestMethod};
/// let mut g = RelationshipGraph::new();
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "sam", at, "in_person"))?;
/// g.add_interaction(Interaction::new("sam", "lee", at, "in_person"))?;
/// let s = &g.suggest("ana", 5, at, SuggestMethod::ResourceAllocation)?[0];
/// assert_eq!((s.person.key.as_str(), s.shared), ("lee", 1));
/// assert_eq!(s.via[0].person.key, "sam");
/// assert!(s.reason.starts_with("1 shared contact: sam ("));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion<'g> {
    /// The person suggested.
    pub person: &'g Person,
    /// The score of the method asked for, > 0.
    pub score: f64,
    /// Number of shared contacts.
    pub shared: usize,
    /// The shared contacts that add most to the score, most first (then by
    /// key), at most three, with what each adds.
    pub via: Vec<Contributor<'g>>,
    /// The suggestion in words: `2 shared contacts: sam (0.31), kim (0.12)`.
    pub reason: String,
}

impl<'g> StrengthGraph<'g> {
    /// [`GraphView::suggest`] on this strength graph.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, StrengthGraph, SuggestMethod};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "sam", at, "in_person"))?;
    /// g.add_interaction(Interaction::new("sam", "lee", at, "in_person"))?;
    /// let w = StrengthGraph::new(&g.full_view(), at)?;
    /// assert_eq!(w.suggest("lee", 3, SuggestMethod::AdamicAdar)?[0].person.key, "ana");
    /// assert!(w.suggest("sam", 3, SuggestMethod::AdamicAdar)?.is_empty()); // knows everyone
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn suggest(&self, person: &str, k: usize, method: SuggestMethod) -> Result<Vec<Suggestion<'g>>> {
        let x = self.node_of(person)?;
        check_k(k)?;
        let (nx, wx) = self.neighbours(x);
        let sums: Vec<f64> = nx
            .iter()
            .map(|&z| self.neighbours(z as usize).1.iter().sum())
            .collect();
        // scores of everyone two steps away, each summed over z in node order
        let mut score = vec![0.0; self.len()];
        let mut touched: Vec<u32> = Vec::new();
        for ((&z, &s_xz), &s_z) in nx.iter().zip(wx).zip(&sums) {
            let (nz, wz) = self.neighbours(z as usize);
            for (&y, &s_zy) in nz.iter().zip(wz) {
                if y as usize == x {
                    continue;
                }
                if score[y as usize] == 0.0 {
                    touched.push(y);
                }
                score[y as usize] += method.contribution(s_xz, s_zy, s_z);
            }
        }
        let mut ranked: Vec<(f64, u32)> = touched
            .into_iter()
            .filter(|&y| nx.binary_search(&y).is_err())
            .map(|y| (score[y as usize], y))
            .collect();
        ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.truncate(k);
        Ok(ranked
            .into_iter()
            .map(|(score, y)| self.suggestion(x, y as usize, score, method, &sums))
            .collect())
    }

    /// The row of one suggested person: the shared contacts behind the score.
    fn suggestion(
        &self,
        x: usize,
        y: usize,
        score: f64,
        method: SuggestMethod,
        sums: &[f64],
    ) -> Suggestion<'g> {
        let (nx, wx) = self.neighbours(x);
        let (ny, wy) = self.neighbours(y);
        let mut via: Vec<(f64, usize)> = Vec::new();
        for_each_common(nx, ny, |a, b| {
            via.push((method.contribution(wx[a], wy[b], sums[a]), nx[a] as usize));
        });
        let shared = via.len();
        via.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
        let via: Vec<Contributor<'g>> = via
            .into_iter()
            .take(3)
            .map(|(value, z)| Contributor {
                person: self.person(z),
                value,
            })
            .collect();
        let named: Vec<String> = via
            .iter()
            .map(|c| format!("{} ({:.2})", c.person.key, c.value))
            .collect();
        let mut reason = format!(
            "{shared} shared contact{}: {}",
            if shared == 1 { "" } else { "s" },
            named.join(", ")
        );
        if shared > via.len() {
            reason.push_str(&format!(" and {} more", shared - via.len()));
        }
        Suggestion {
            person: self.person(y),
            score,
            shared,
            via,
            reason,
        }
    }
}

fn check_k(k: usize) -> Result<()> {
    if k == 0 {
        return Err(Error::InvalidArgument {
            argument: "k".into(),
            reason: "must be at least 1".into(),
        });
    }
    Ok(())
}

impl<'g> GraphView<'g> {
    /// Up to `k` people `person` has no tie with yet (no tie of strength > 0
    /// in the view), ranked by the contacts they share as of a date, best
    /// first, then by key. Scores are > 0: someone without a shared contact
    /// is never suggested.
    ///
    /// With s the strengths and S_z the sum of z's ties, the score of y sums
    /// over the shared contacts z:
    /// [`AdamicAdar`](SuggestMethod::AdamicAdar) Σ_z ((s_xz + s_zy) / 2) /
    /// ln(1 + S_z) (Murata & Moriyasu 2007, after Adamic & Adar 2003);
    /// [`ResourceAllocation`](SuggestMethod::ResourceAllocation)
    /// Σ_z s_xz s_zy / S_z (after Zhou, Lü & Zhang 2009). Each row names
    /// the shared contacts that add most.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, SuggestMethod};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// for (a, b) in [("ana", "sam"), ("ana", "kim"), ("sam", "lee"), ("kim", "lee"), ("kim", "bo")] {
    ///     g.add_interaction(Interaction::new(a, b, at, "in_person"))?;
    /// }
    /// let s = g.full_view().suggest("ana", 5, at, SuggestMethod::ResourceAllocation)?;
    /// let keys: Vec<&str> = s.iter().map(|s| s.person.key.as_str()).collect();
    /// assert_eq!(keys, ["lee", "bo"]); // two shared contacts beat one
    /// assert_eq!(s[0].shared, 2);
    /// // every tie has the same strength w: lee gets w·w/2w + w·w/3w
    /// let w = g.strength("ana", "sam", at)?.value;
    /// assert!((s[0].score - (w / 2.0 + w / 3.0)).abs() < 1e-15);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn suggest(
        &self,
        person: &str,
        k: usize,
        as_of: DateTime<Utc>,
        method: SuggestMethod,
    ) -> Result<Vec<Suggestion<'g>>> {
        self.ensure_people(&[person])?;
        check_k(k)?;
        StrengthGraph::new(self, as_of)?.suggest(person, k, method)
    }
}

impl RelationshipGraph {
    /// [`GraphView::suggest`] on every interaction.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph, SuggestMethod};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "sam", at, "in_person"))?;
    /// assert!(g.suggest("ana", 5, at, SuggestMethod::AdamicAdar)?.is_empty());
    /// assert!(matches!(g.suggest("ana", 0, at, SuggestMethod::AdamicAdar), Err(Error::InvalidArgument { .. })));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn suggest(
        &self,
        person: &str,
        k: usize,
        as_of: DateTime<Utc>,
        method: SuggestMethod,
    ) -> Result<Vec<Suggestion<'_>>> {
        self.full_view().suggest(person, k, as_of, method)
    }
}
