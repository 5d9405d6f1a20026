//! [`Explanation`]: a strength with the interactions behind it, in plain words.

use chrono::{DateTime, Utc};

use crate::error::Result;
use crate::graph::{Record, RelationshipGraph, TieData, secs, time};
use crate::model::{ChannelClass, ConnectionKind};

use super::eval::DAY;
use super::strength::{Side, State, Strength};
use super::view::GraphView;

/// One interaction named in an explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// When.
    pub at: DateTime<Utc>,
    /// Channel name.
    pub channel: String,
    /// Key of the initiator.
    pub from: String,
    /// Its effective weight W = w_c × m × g.
    pub weight: f64,
    /// Its share of the pair's decayed intensity (S_a + S_b), in [0, 1].
    pub share: f64,
}

/// A strength and why: the contacts that weigh most and plain sentences.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", day(1, 5), "email"))?;
/// g.add_interaction(Interaction::new("lee", "ana", day(1, 6), "email"))?;
/// let e = g.explain("ana", "lee", day(2, 16))?;
/// // two-way since both wrote; the earlier of their last contacts was ana's email
/// assert_eq!(e.reasons[0], "last two-way contact 42 days ago (email)");
/// assert!(e.reasons.iter().any(|r| r == "never met in person or by call"));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The score.
    pub strength: Strength,
    /// The latest contact that made it two-way (the earlier side's last).
    pub last_two_way: Option<Contact>,
    /// The latest meaningful in-person or offline contact.
    pub last_met: Option<Contact>,
    /// The contacts that contribute most to intensity, largest first (at most 5).
    pub top: Vec<Contact>,
    /// Plain sentences, most important first.
    pub reasons: Vec<String>,
}

/// "41 days ago", "3 months ago", "2 years ago".
pub(crate) fn ago(seconds: i64) -> String {
    let days = (seconds as f64 / DAY).floor() as i64;
    match days {
        0 => "today".to_string(),
        1 => "1 day ago".to_string(),
        2..=60 => format!("{days} days ago"),
        61..=730 => format!("{} months ago", (days as f64 / 30.44).round() as i64),
        _ => format!("{} years ago", (days as f64 / 365.25).round() as i64),
    }
}

/// How many contacts [`Explanation::top`] lists.
const TOP: usize = 5;

/// The places of the `k` largest of `weights` (decayed weight, time), the
/// largest first, the later first among equal weights, and in the list's
/// order among equal weights and times: the order of a stable sort of the
/// whole list, without sorting more than `k`.
fn top_shares(weights: &[(f64, i64)], k: usize) -> Vec<usize> {
    let order = |&p: &usize, &q: &usize| {
        let ((wp, tp), (wq, tq)) = (weights[p], weights[q]);
        wq.total_cmp(&wp).then(tq.cmp(&tp)).then(p.cmp(&q))
    };
    let mut places: Vec<usize> = (0..weights.len()).collect();
    if places.len() > k && k > 0 {
        places.select_nth_unstable_by(k - 1, order);
    }
    places.truncate(k);
    places.sort_unstable_by(order);
    places
}

impl GraphView<'_> {
    /// The strength of the pair with the contacts behind it and plain
    /// sentences ("last two-way contact 41 days ago (email)", "never met in
    /// person or by call", ...).
    pub fn explain(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Explanation> {
        let g = self.graph();
        let strength = self.strength_with(a, b, as_of, true)?;
        let (x, y) = (g.id(a)?, g.id(b)?);
        let Some(id) = g.tie_id(x, y) else {
            return Ok(Explanation {
                strength,
                last_two_way: None,
                last_met: None,
                top: Vec::new(),
                reasons: vec![format!("{a:?} and {b:?} have no interaction or connection")],
            });
        };
        let tie = g.tie_data(id);
        let t = secs(as_of);
        let recs = self.ctx.slice(&tie.log, t);
        let ctx = &self.ctx;
        let contact = |r: &Record, share: f64| Contact {
            at: time(r.t()),
            channel: g.channels()[r.ch() as usize].name.clone(),
            from: g.key(if r.side() == 0 { tie.a } else { tie.b }).to_string(),
            weight: ctx.weight(r).0,
            share,
        };
        let kept = |r: &&Record| ctx.weight(r).1;
        let meaningful = |r: &&Record| ctx.counts_meaningful(r);
        // the last two-way contact is the last meaningful one of the side whose last is earlier
        let last_of = |side: u8| {
            recs.iter()
                .rev()
                .filter(meaningful)
                .find(|r| ctx.is_mutual(r) || r.side() == side)
        };
        let last_two_way = match (last_of(0), last_of(1)) {
            (Some(p), Some(q)) => Some(contact(if p.t() <= q.t() { p } else { q }, 0.0)),
            _ => None,
        };
        let offline = |r: &&Record| g.channels()[r.ch() as usize].class == ChannelClass::Offline;
        let last_met = recs
            .iter()
            .rev()
            .filter(meaningful)
            .find(offline)
            .map(|r| contact(r, 0.0));
        let last_sync = recs.iter().rev().filter(meaningful).find(|r| ctx.lifts_cap(r));

        let h = self.model().intensity_half_life_days * DAY;
        let decayed = |r: &Record| {
            let copies = if ctx.is_mutual(r) { 2.0 } else { 1.0 };
            copies * ctx.weight(r).0 * (-((t - r.t()) as f64) / h).exp2()
        };
        // each kept record's decayed weight once, in log order: a sort
        // that computed it in each comparison took 3.7 s of the call on
        // W1's heaviest tie at 10M rows (3.1M records)
        let kept_recs: Vec<&Record> = recs.iter().filter(kept).collect();
        let weights: Vec<(f64, i64)> = kept_recs.iter().map(|r| (decayed(r), r.t())).collect();
        let total: f64 = weights.iter().map(|w| w.0).sum();
        let top = top_shares(&weights, TOP)
            .into_iter()
            .map(|i| {
                let share = if total > 0.0 { weights[i].0 / total } else { 0.0 };
                contact(kept_recs[i], share)
            })
            .collect();

        let reasons = self.reasons(
            g,
            tie,
            (a, b),
            t,
            &strength,
            &last_two_way,
            &last_met,
            last_sync.is_some(),
            recs,
        );
        Ok(Explanation {
            strength,
            last_two_way,
            last_met,
            top,
            reasons,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn reasons(
        &self,
        g: &RelationshipGraph,
        tie: &TieData,
        (first, second): (&str, &str),
        t: i64,
        s: &Strength,
        last_two_way: &Option<Contact>,
        last_met: &Option<Contact>,
        synchronous: bool,
        recs: &[Record],
    ) -> Vec<String> {
        let mut out = Vec::new();
        match last_two_way {
            Some(c) => out.push(format!(
                "last two-way contact {} ({})",
                ago(t - secs(c.at)),
                c.channel
            )),
            None => out.push("no two-way contact yet".to_string()),
        }
        match (last_met, synchronous) {
            (Some(c), _) => out.push(format!("last met {} ({})", ago(t - secs(c.at)), c.channel)),
            (None, true) => out.push("never met in person, but has called".to_string()),
            (None, false) if !recs.is_empty() => out.push("never met in person or by call".to_string()),
            _ => {}
        }
        if s.capped {
            out.push(format!(
                "online only: capped at {} (would be {:.2})",
                self.model().online_only_cap,
                s.contributions.named().iter().map(|(_, v)| v).sum::<f64>()
            ));
        }
        match s.state {
            State::Dormant => out.push(format!(
                "dormant: peaked at {:.2}, now {:.2}",
                s.peak.unwrap_or(s.value),
                s.value
            )),
            State::Cooling => out.push(format!(
                "cooling: weaker than {} days ago",
                self.model().cooling_lookback_days
            )),
            State::OneSided { from } => {
                let n = recs.iter().filter(|r| self.ctx.counts_meaningful(r)).count();
                let who = if from == Side::A { first } else { second };
                out.push(format!(
                    "one-sided: only {who} reached out ({n} meaningful contacts, none returned)"
                ));
            }
            State::Passive => {
                out.push("only likes, broadcasts or big-group contact: nothing meaningful".to_string())
            }
            State::Connected => out.push("a declared connection and no interaction".to_string()),
            State::Active | State::None => {}
        }
        if s.two_way {
            let weeks = (s.components.regularity * (1.0 + f64::from(self.model().regularity_weeks)).ln())
                .exp_m1()
                .round();
            out.push(format!(
                "each side reached out in at least {weeks} of the last {} weeks",
                self.model().regularity_weeks
            ));
            let first = recs
                .iter()
                .find(|r| self.ctx.counts_meaningful(r))
                .map(|r| r.t())
                .unwrap_or(t);
            out.push(format!("first meaningful contact {}", ago(t - first)));
        }
        for c in &tie.conns {
            if c.since.is_some_and(|x| x > t) {
                continue;
            }
            match c.kind {
                ConnectionKind::Mutual => out.push(format!("connected on {}", c.platform)),
                ConnectionKind::Follows => {
                    let (p, q) = if c.side == 0 {
                        (tie.a, tie.b)
                    } else {
                        (tie.b, tie.a)
                    };
                    out.push(format!("{} follows {} on {}", g.key(p), g.key(q), c.platform));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::top_shares;

    proptest! {
        /// The selection is the head of a stable sort of the whole list by
        /// weight, then time, both descending: equal weights and times are
        /// common here, as on a busy tie.
        #[test]
        fn the_top_shares_are_the_head_of_a_stable_sort(
            weights in prop::collection::vec((0u8..4, 0i64..4), 0..40),
            k in 0usize..8,
        ) {
            let weights: Vec<(f64, i64)> = weights.into_iter().map(|(w, t)| (f64::from(w) / 2.0, t)).collect();
            let mut sorted: Vec<usize> = (0..weights.len()).collect();
            sorted.sort_by(|&p, &q| weights[q].0.total_cmp(&weights[p].0).then(weights[q].1.cmp(&weights[p].1)));
            sorted.truncate(k);
            prop_assert_eq!(top_shares(&weights, k), sorted);
        }
    }
}
