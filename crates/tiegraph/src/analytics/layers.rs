//! Dunbar's layers: a person's ties cut into circles of growing size, with
//! the online/offline mix of each.

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::recommend::{by_other, invalid, last_met, met_phrase, mode_view, top_k};
use crate::error::Result;
use crate::graph::{RelationshipGraph, TieId, secs};
use crate::model::{Mode, Person};
use crate::score::GraphView;

/// A person's ties with strength > 0, ranked (strongest first, equal
/// strengths in key order) and cut into circles of cumulative sizes
/// ([`EgoLayers::DUNBAR`] by default: 5, 15, 50, 150), from
/// [`GraphView::ego_layers`]. Ties ranked past the last size are only
/// counted, in `outside`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// for (i, friend) in ["bo", "cy", "di"].iter().enumerate() {
///     g.add_interaction(Interaction::new("ana", *friend, day(1 + i as u32), "in_person"))?;
/// }
/// g.add_interaction(Interaction::new("ana", "ed", day(1), "email"))?;
/// g.add_interaction(Interaction::new("ed", "ana", day(2), "email"))?;
/// let layers = g.ego_layers_with("ana", &[2, 3], day(10))?;
/// assert_eq!(layers.layers.len(), 2);
/// let inner: Vec<&str> = layers.layers[0].members.iter().map(|m| m.other.key.as_str()).collect();
/// assert_eq!(inner, ["di", "cy"]); // the most recent meetings first
/// assert_eq!(layers.layers[1].members[0].other.key, "bo");
/// assert_eq!(layers.outside, 1); // ed
/// assert_eq!(layers.layers[0].met_share, 1.0);
/// assert!(layers.layers[0].reason.starts_with("layer 1 (ranks 1-2): 2 ties, 2 met in person (100%)"));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EgoLayers<'g> {
    /// The person at the centre.
    pub person: &'g Person,
    /// The cumulative sizes used.
    pub sizes: Vec<usize>,
    /// The non-empty layers, innermost first.
    pub layers: Vec<Layer<'g>>,
    /// Ties with strength > 0 ranked past the last size.
    pub outside: usize,
}

impl EgoLayers<'_> {
    /// Dunbar's cumulative layer sizes: 5, 15, 50, 150.
    pub const DUNBAR: [usize; 4] = [5, 15, 50, 150];
}

/// One circle of an [`EgoLayers`]: its members and their online/offline mix.
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// # use tiegraph::{Interaction, RelationshipGraph};
/// # let mut g = RelationshipGraph::new();
/// # let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "bo", day(1), "in_person"))?;
/// let layer = &g.ego_layers("ana", day(10))?.layers[0];
/// assert_eq!((layer.number, layer.size, layer.members.len()), (1, 5, 1));
/// assert_eq!(layer.mean_online, 0.0); // they only ever met
/// assert_eq!(layer.mean_offline, layer.mean_strength);
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Layer<'g> {
    /// 1 for the innermost.
    pub number: usize,
    /// Its cumulative size: members are ranked up to this.
    pub size: usize,
    /// The members, strongest first.
    pub members: Vec<LayerMember<'g>>,
    /// Share of members that ever met (a meaningful offline-mode interaction).
    pub met_share: f64,
    /// Mean strength of the members.
    pub mean_strength: f64,
    /// Mean strength on the view's online channels only.
    pub mean_online: f64,
    /// Mean strength on the view's offline channels only.
    pub mean_offline: f64,
    /// E.g. `"layer 1 (ranks 1-5): 5 ties, 4 met in person (80%); mean strength 0.71, online 0.48, offline 0.52"`.
    pub reason: String,
}

/// One tie in a [`Layer`].
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// # use tiegraph::{Interaction, RelationshipGraph};
/// # let mut g = RelationshipGraph::new();
/// # let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "bo", day(1), "in_person"))?;
/// let m = &g.ego_layers("ana", day(10))?.layers[0].members[0];
/// assert_eq!((m.other.key.as_str(), m.rank, m.met), ("bo", 1, true));
/// assert!(m.reason.ends_with("; last met 9 days ago"));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LayerMember<'g> {
    /// The other person.
    pub other: &'g Person,
    /// Rank among all the person's ties, 1 for the strongest.
    pub rank: usize,
    /// Strength.
    pub strength: f64,
    /// Strength on the view's online channels only.
    pub online_strength: f64,
    /// Strength on the view's offline channels only.
    pub offline_strength: f64,
    /// Whether they ever met (a meaningful offline-mode interaction).
    pub met: bool,
    /// E.g. `"strength 0.61 (online 0.40, offline 0.55); last met 12 days ago"`.
    pub reason: String,
}

impl<'g> GraphView<'g> {
    /// A person's ties cut into Dunbar's layers of cumulative sizes 5, 15,
    /// 50, 150; see [`EgoLayers`].
    ///
    /// Errors: an unknown person.
    pub fn ego_layers(&self, person: &str, as_of: DateTime<Utc>) -> Result<EgoLayers<'g>> {
        self.ego_layers_with(person, &EgoLayers::DUNBAR, as_of)
    }

    /// [`ego_layers`](Self::ego_layers) with other cumulative sizes (each
    /// layer holds the ranks after the previous size up to its own).
    ///
    /// Errors: an unknown person; `sizes` empty, starting at 0 or not
    /// strictly increasing.
    pub fn ego_layers_with(
        &self,
        person: &str,
        sizes: &[usize],
        as_of: DateTime<Utc>,
    ) -> Result<EgoLayers<'g>> {
        match sizes.first() {
            None => return Err(invalid("sizes", "give at least one layer size")),
            Some(0) => return Err(invalid("sizes", "layer sizes must be at least 1, got 0")),
            Some(_) => {}
        }
        if let Some(w) = sizes.windows(2).find(|w| w[1] <= w[0]) {
            return Err(invalid(
                "sizes",
                format!(
                    "cumulative sizes must be strictly increasing, got {} after {}",
                    w[1], w[0]
                ),
            ));
        }
        let g = self.graph();
        let p = g.id(person)?;
        let t = secs(as_of);
        let mut ranked: Vec<(TieId, f64)> = g
            .tie_ids_of(p)
            .into_par_iter()
            .map(|id| (id, self.value_at(id, t)))
            .filter(|(_, v)| *v > 0.0)
            .collect();
        let total = ranked.len();
        let last = *sizes.last().expect("checked non-empty");
        top_k(&mut ranked, last, |x, y| {
            y.1.total_cmp(&x.1).then_with(|| by_other(g, p, x.0, y.0))
        });
        let (online, offline) = (mode_view(self, Mode::Online), mode_view(self, Mode::Offline));
        let members: Vec<LayerMember<'g>> = ranked
            .par_iter()
            .enumerate()
            .map(|(i, &(id, v))| {
                let on = online.value_at(id, t);
                let off = offline.value_at(id, t);
                let met = last_met(self, id, t);
                LayerMember {
                    other: g.person_at(g.other(id, p)),
                    rank: i + 1,
                    strength: v,
                    online_strength: on,
                    offline_strength: off,
                    met: met.is_some(),
                    reason: format!(
                        "strength {v:.2} (online {on:.2}, offline {off:.2}); {}",
                        met_phrase(met, t)
                    ),
                }
            })
            .collect();
        let mut layers = Vec::new();
        let mut rest = members.into_iter();
        let mut from = 0;
        for (i, &size) in sizes.iter().enumerate() {
            let members: Vec<LayerMember<'g>> = rest.by_ref().take(size - from).collect();
            if members.is_empty() {
                break;
            }
            layers.push(layer(i + 1, from, size, members));
            from = size;
        }
        Ok(EgoLayers {
            person: g.person_at(p),
            sizes: sizes.to_vec(),
            layers,
            outside: total.saturating_sub(last),
        })
    }
}

fn layer<'g>(number: usize, from: usize, size: usize, members: Vec<LayerMember<'g>>) -> Layer<'g> {
    let n = members.len() as f64;
    let mean = |f: fn(&LayerMember<'g>) -> f64| members.iter().map(f).sum::<f64>() / n;
    let met = members.iter().filter(|m| m.met).count();
    let (mean_strength, mean_online, mean_offline) = (
        mean(|m| m.strength),
        mean(|m| m.online_strength),
        mean(|m| m.offline_strength),
    );
    let reason = format!(
        "layer {number} (ranks {}-{size}): {} {}, {met} met in person ({:.0}%); mean strength {mean_strength:.2}, online {mean_online:.2}, offline {mean_offline:.2}",
        from + 1,
        members.len(),
        if members.len() == 1 { "tie" } else { "ties" },
        100.0 * met as f64 / n,
    );
    Layer {
        number,
        size,
        met_share: met as f64 / n,
        mean_strength,
        mean_online,
        mean_offline,
        members,
        reason,
    }
}

/// See [`GraphView`]'s methods of the same names.
impl RelationshipGraph {
    /// A person's Dunbar layers; see [`GraphView::ego_layers`].
    pub fn ego_layers(&self, person: &str, as_of: DateTime<Utc>) -> Result<EgoLayers<'_>> {
        self.full_view().ego_layers(person, as_of)
    }

    /// A person's layers with other sizes; see [`GraphView::ego_layers_with`].
    pub fn ego_layers_with(
        &self,
        person: &str,
        sizes: &[usize],
        as_of: DateTime<Utc>,
    ) -> Result<EgoLayers<'_>> {
        self.full_view().ego_layers_with(person, sizes, as_of)
    }
}
