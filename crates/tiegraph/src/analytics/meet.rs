//! Who to meet in person ([`GraphView::meet_in_person`]) and who to invite
//! to an event around someone ([`GraphView::invite_list`]).

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::recommend::{
    DAY, and_list, by_other, by_pair, channel_phrase, check_k, last_met, live_ties, met_phrase, mode_view,
    top_k,
};
use crate::error::Result;
use crate::graph::{RelationshipGraph, TieId, secs, time};
use crate::model::{Mode, Person, PersonId};
use crate::score::{GraphView, State, Strength};

// ----- meet in person ---------------------------------------------------

/// A pair worth meeting in person, from [`GraphView::meet_in_person`] and
/// [`GraphView::meet_in_person_all`].
///
/// priority = online strength × (1 − offline recency), where the online
/// strength is the model on the view's online channels only, and offline
/// recency = 2^(−days since the last meaningful offline-mode interaction /
/// h_R), 0 if they never met. Only pairs with two-way online contact and a
/// priority > 0 are listed.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
/// for m in 1..=6 {
///     g.add_interaction(Interaction::new("ana", "lee", day(m, 2), "email"))?;
///     g.add_interaction(Interaction::new("lee", "ana", day(m, 3), "public_reply"))?;
/// }
/// let meet = g.meet_in_person("ana", 3, day(6, 10))?;
/// assert_eq!(meet[0].other.key, "lee");
/// assert_eq!(meet[0].offline_recency, 0.0); // never met
/// assert_eq!(meet[0].priority, meet[0].online_strength);
/// assert_eq!(meet[0].channels, ["email", "public_reply"]);
/// assert_eq!(meet[0].reason, "strong by email and replies (online 0.51), never met");
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MeetSuggestion<'g> {
    /// The person asked for ([`meet_in_person`](GraphView::meet_in_person)),
    /// or the one of the pair whose key sorts first.
    pub person: &'g Person,
    /// The other person.
    pub other: &'g Person,
    /// 1 for the highest priority.
    pub rank: usize,
    /// online strength × (1 − offline recency).
    pub priority: f64,
    /// The strength on the view's online channels only.
    pub online_strength: f64,
    /// 2^(−days since they last met / h_R); 0 if they never met.
    pub offline_recency: f64,
    /// The last meaningful offline-mode interaction.
    pub last_met: Option<DateTime<Utc>>,
    /// The (at most two) online channels that contribute most to the
    /// pair's online intensity, largest first.
    pub channels: Vec<&'g str>,
    /// E.g. `"strong by email and replies (online 0.62), never met"` or
    /// `"moderate by direct messages (online 0.31), last met 14 months ago"`:
    /// strong from online strength 0.5, moderate from 0.25, weak below.
    pub reason: String,
}

/// What meeting would add to one tie, before reasons.
#[derive(Debug, Clone, Copy)]
struct Meet {
    priority: f64,
    online: f64,
    recency: f64,
    last_met: Option<i64>,
}

/// The meet-in-person terms of a tie; `None` without two-way online contact.
fn meet_terms(view: &GraphView<'_>, online: &GraphView<'_>, id: TieId, t: i64) -> Option<Meet> {
    let g = view.graph();
    if !online.ctx.two_way(&g.tie_data(id).log, t) {
        return None;
    }
    let value = online.value_at(id, t);
    let last_met = last_met(view, id, t);
    let h_r = view.model().recency_half_life_days * DAY;
    let recency = last_met.map_or(0.0, |m| (-((t - m) as f64) / h_r).exp2());
    Some(Meet {
        priority: value * (1.0 - recency),
        online: value,
        recency,
        last_met,
    })
}

/// The online channels of a tie by their share of its decayed intensity
/// (S_a + S_b, a mutual channel counting for both sides), largest first.
fn top_channels<'g>(online: &GraphView<'g>, id: TieId, t: i64, n: usize) -> Vec<&'g str> {
    let g = online.graph();
    let h_i = online.model().intensity_half_life_days * DAY;
    let mut sums = vec![0.0f64; g.channels().len()];
    for r in online.ctx.slice(&g.tie_data(id).log, t) {
        let (w, keep) = online.ctx.weight(r);
        if keep {
            let copies = if online.ctx.is_mutual(r) { 2.0 } else { 1.0 };
            sums[r.ch() as usize] += copies * w * (-((t - r.t()) as f64) / h_i).exp2();
        }
    }
    let mut ranked: Vec<(usize, f64)> = sums.into_iter().enumerate().filter(|(_, s)| *s > 0.0).collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    ranked
        .into_iter()
        .take(n)
        .map(|(c, _)| g.channels()[c].name.as_str())
        .collect()
}

fn strength_word(v: f64) -> &'static str {
    if v >= 0.5 {
        "strong"
    } else if v >= 0.25 {
        "moderate"
    } else {
        "weak"
    }
}

fn meet_reason(m: &Meet, channels: &[&str], t: i64) -> String {
    let names: Vec<String> = channels.iter().map(|c| channel_phrase(c)).collect();
    format!(
        "{} by {} (online {:.2}), {}",
        strength_word(m.online),
        and_list(&names),
        m.online,
        met_phrase(m.last_met, t)
    )
}

impl<'g> GraphView<'g> {
    fn meet_row(
        &self,
        online: &GraphView<'g>,
        (id, m): (TieId, Meet),
        person: PersonId,
        rank: usize,
        t: i64,
    ) -> MeetSuggestion<'g> {
        let g = self.graph();
        let channels = top_channels(online, id, t, 2);
        MeetSuggestion {
            person: g.person_at(person),
            other: g.person_at(g.other(id, person)),
            rank,
            priority: m.priority,
            online_strength: m.online,
            offline_recency: m.recency,
            last_met: m.last_met.map(time),
            reason: meet_reason(&m, &channels, t),
            channels,
        }
    }

    /// The `k` people a person should most meet in person: strong online
    /// ties who never met, or not recently (see [`MeetSuggestion`] for the
    /// priority and an example). Highest priority first, equal priorities
    /// in the other person's key order.
    ///
    /// Errors: an unknown person, `k` = 0.
    pub fn meet_in_person(
        &self,
        person: &str,
        k: usize,
        as_of: DateTime<Utc>,
    ) -> Result<Vec<MeetSuggestion<'g>>> {
        check_k(k)?;
        let g = self.graph();
        let p = g.id(person)?;
        let t = secs(as_of);
        let online = mode_view(self, Mode::Online);
        let mut rows: Vec<(TieId, Meet)> = g
            .tie_ids_of(p)
            .into_par_iter()
            .filter_map(|id| meet_terms(self, &online, id, t).map(|m| (id, m)))
            .filter(|(_, m)| m.priority > 0.0)
            .collect();
        top_k(&mut rows, k, |x, y| {
            y.1.priority
                .total_cmp(&x.1.priority)
                .then_with(|| by_other(g, p, x.0, y.0))
        });
        Ok(rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| self.meet_row(&online, row, p, i + 1, t))
            .collect())
    }

    /// The `k` pairs of the whole graph that should most meet in person
    /// (see [`MeetSuggestion`]); `person` is the one whose key sorts
    /// first. Highest priority first, equal priorities in key order of the
    /// pair.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("lee", "ana", day(2), "direct_message"))?;
    /// g.add_interaction(Interaction::new("ana", "lee", day(3), "direct_message"))?;
    /// g.add_interaction(Interaction::new("bo", "kim", day(2), "in_person"))?;
    /// let pairs = g.meet_in_person_all(10, day(10))?;
    /// assert_eq!(pairs.len(), 1); // bo and kim just met
    /// assert_eq!((pairs[0].person.key.as_str(), pairs[0].other.key.as_str()), ("ana", "lee"));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    ///
    /// Errors: `k` = 0.
    pub fn meet_in_person_all(&self, k: usize, as_of: DateTime<Utc>) -> Result<Vec<MeetSuggestion<'g>>> {
        check_k(k)?;
        let g = self.graph();
        let t = secs(as_of);
        let online = mode_view(self, Mode::Online);
        let mut rows: Vec<(TieId, Meet)> = live_ties(g)
            .into_par_iter()
            .filter_map(|id| meet_terms(self, &online, id, t).map(|m| (id, m)))
            .filter(|(_, m)| m.priority > 0.0)
            .collect();
        top_k(&mut rows, k, |x, y| {
            y.1.priority
                .total_cmp(&x.1.priority)
                .then_with(|| by_pair(g, x.0, y.0))
        });
        Ok(rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let a = g.tie_data(row.0).a;
                self.meet_row(&online, row, a, i + 1, t)
            })
            .collect())
    }
}

// ----- invite list ------------------------------------------------------

/// Why someone is on an [`invite_list`](GraphView::invite_list): the
/// first of these rules that applies.
///
/// ```
/// use tiegraph::InviteCategory;
/// assert_eq!(InviteCategory::WorthConverting.name(), "worth_converting");
/// assert_eq!(InviteCategory::STRONG, 0.5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InviteCategory {
    /// An online tie that meeting would make: the pair is online only (two-way,
    /// never met or called meaningfully — big-group co-attendance does not
    /// count), or its meet-in-person priority is at least its strength
    /// (priority > 0 and ≥ strength: met, but long ago).
    WorthConverting,
    /// Strength at least [`InviteCategory::STRONG`].
    Strong,
    /// `Dormant` or `Cooling`: the event is a chance to reconnect.
    Fading,
    /// Any other tie with strength > 0.
    Weak,
}

impl InviteCategory {
    /// The strength from which a tie counts as strong (0.5).
    pub const STRONG: f64 = 0.5;

    /// The snake_case name.
    pub fn name(&self) -> &'static str {
        match self {
            InviteCategory::WorthConverting => "worth_converting",
            InviteCategory::Strong => "strong",
            InviteCategory::Fading => "fading",
            InviteCategory::Weak => "weak",
        }
    }
}

/// One person to invite to a group event around someone (a send-off, a
/// launch), from [`GraphView::invite_list`].
///
/// The list ranks everyone with a tie to the person by
/// score = max(strength, meet-in-person priority), so that online-only ties
/// worth converting come in with the strong ones; see [`InviteCategory`]
/// for the labels and [`MeetSuggestion`] for the priority.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, InviteCategory, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
/// for m in 1..=6 {
///     g.add_interaction(Interaction::new("lee", "ana", day(m, 2), "in_person"))?;
///     g.add_interaction(Interaction::new("lee", "bo", day(m, 2), "email"))?;
///     g.add_interaction(Interaction::new("bo", "lee", day(m, 3), "email"))?;
/// }
/// let list = g.invite_list("lee", 10, day(6, 10))?;
/// let who: Vec<(&str, InviteCategory)> = list.iter().map(|r| (r.other.key.as_str(), r.category)).collect();
/// assert_eq!(who, [("ana", InviteCategory::Strong), ("bo", InviteCategory::WorthConverting)]);
/// assert!(list[0].reason.starts_with("strong tie (0."));
/// assert!(list[1].reason.ends_with(", never met"));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Invitee<'g> {
    /// The person to invite.
    pub other: &'g Person,
    /// 1 for the first to invite.
    pub rank: usize,
    /// max(strength, priority): what the list is ranked by.
    pub score: f64,
    /// Why they are on the list.
    pub category: InviteCategory,
    /// The tie's strength.
    pub strength: f64,
    /// The meet-in-person priority (0 without two-way online contact).
    pub priority: f64,
    /// The tie's state.
    pub state: State,
    /// The last meaningful offline-mode interaction.
    pub last_met: Option<DateTime<Utc>>,
    /// E.g. `"strong tie (0.71, active); last met 12 days ago"`, or for
    /// ties worth converting the [`MeetSuggestion`] reason.
    pub reason: String,
}

impl<'g> GraphView<'g> {
    /// Who to invite to a group event around `person` (a reporter's
    /// send-off party, say): at most `k` people with a tie to them, by
    /// score = max(strength, meet-in-person priority) (highest first, equal
    /// scores in key order), each with a category and a reason. Ties with
    /// score 0 (one-sided, likes only) are left out. See [`Invitee`] for an
    /// example.
    ///
    /// Errors: an unknown person, `k` = 0.
    pub fn invite_list(&self, person: &str, k: usize, as_of: DateTime<Utc>) -> Result<Vec<Invitee<'g>>> {
        check_k(k)?;
        let g = self.graph();
        let p = g.id(person)?;
        let t = secs(as_of);
        let online = mode_view(self, Mode::Online);
        let mut rows: Vec<(TieId, Strength, Option<Meet>, f64)> = g
            .tie_ids_of(p)
            .into_par_iter()
            .map(|id| {
                let s = self.score(id, t, p, false, None);
                let m = meet_terms(self, &online, id, t);
                let score = s.value.max(m.map_or(0.0, |m| m.priority));
                (id, s, m, score)
            })
            .filter(|r| r.3 > 0.0)
            .collect();
        top_k(&mut rows, k, |x, y| {
            y.3.total_cmp(&x.3).then_with(|| by_other(g, p, x.0, y.0))
        });
        Ok(rows
            .into_iter()
            .enumerate()
            .map(|(i, (id, s, m, score))| {
                let priority = m.map_or(0.0, |m| m.priority);
                let last = m.map_or_else(|| last_met(self, id, t), |m| m.last_met);
                let category = if s.online_only || (priority > 0.0 && priority >= s.value) {
                    InviteCategory::WorthConverting
                } else if s.value >= InviteCategory::STRONG {
                    InviteCategory::Strong
                } else if matches!(s.state, State::Dormant | State::Cooling) {
                    InviteCategory::Fading
                } else {
                    InviteCategory::Weak
                };
                let met = met_phrase(last, t);
                let reason = match (category, m) {
                    (InviteCategory::WorthConverting, Some(m)) => {
                        meet_reason(&m, &top_channels(&online, id, t, 2), t)
                    }
                    (InviteCategory::Fading, _) => format!("{} tie ({:.2}); {met}", s.state.name(), s.value),
                    (InviteCategory::Strong, _) => {
                        format!("strong tie ({:.2}, {}); {met}", s.value, s.state.name())
                    }
                    _ => format!("weaker tie ({:.2}, {}); {met}", s.value, s.state.name()),
                };
                Invitee {
                    other: g.person_at(g.other(id, p)),
                    rank: i + 1,
                    score,
                    category,
                    strength: s.value,
                    priority,
                    state: s.state,
                    last_met: last.map(time),
                    reason,
                }
            })
            .collect())
    }
}

/// See [`GraphView`]'s methods of the same names.
impl RelationshipGraph {
    /// Who a person should meet in person; see [`GraphView::meet_in_person`].
    pub fn meet_in_person(
        &self,
        person: &str,
        k: usize,
        as_of: DateTime<Utc>,
    ) -> Result<Vec<MeetSuggestion<'_>>> {
        self.full_view().meet_in_person(person, k, as_of)
    }

    /// The pairs that should most meet in person; see [`GraphView::meet_in_person_all`].
    pub fn meet_in_person_all(&self, k: usize, as_of: DateTime<Utc>) -> Result<Vec<MeetSuggestion<'_>>> {
        self.full_view().meet_in_person_all(k, as_of)
    }

    /// Who to invite to an event around a person; see [`GraphView::invite_list`].
    pub fn invite_list(&self, person: &str, k: usize, as_of: DateTime<Utc>) -> Result<Vec<Invitee<'_>>> {
        self.full_view().invite_list(person, k, as_of)
    }
}
