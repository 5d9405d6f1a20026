//! Offline lift: does meeting in person change how much two people talk
//! online? Online rates before and after a first meeting, against ties
//! that never met, split at a matched point.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::recommend::{DAY, by_pair, facts, invalid, live_ties};
use crate::error::Result;
use crate::graph::{RelationshipGraph, TieId, secs, time};
use crate::model::{Mode, Person};
use crate::score::GraphView;

/// The windows of [`GraphView::offline_lift_with`], in days, and an
/// optional person to restrict it to.
///
/// ```
/// use tiegraph::LiftOptions;
/// let o = LiftOptions::default();
/// assert_eq!((o.history_days, o.window_days, o.rate_days), (90.0, 90.0, 30.0));
/// let mine = LiftOptions { person: Some("ana".into()), window_days: 60.0, ..LiftOptions::default() };
/// assert_eq!(mine.history_days, 90.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LiftOptions {
    /// Only this person's ties (both groups); all ties when `None`.
    pub person: Option<String>,
    /// A treated tie needs its first meaningful online interaction at
    /// least this many days before the first meeting (90).
    pub history_days: f64,
    /// Length of the windows before and after the split, and so the
    /// follow-up a tie needs before the date asked (90).
    pub window_days: f64,
    /// Rates are per this many days (30).
    pub rate_days: f64,
}

impl Default for LiftOptions {
    fn default() -> Self {
        LiftOptions {
            person: None,
            history_days: 90.0,
            window_days: 90.0,
            rate_days: 30.0,
        }
    }
}

impl LiftOptions {
    fn validate(&self) -> Result<()> {
        for (name, v) in [
            ("history_days", self.history_days),
            ("window_days", self.window_days),
            ("rate_days", self.rate_days),
        ] {
            if !(v.is_finite() && v > 0.0) {
                return Err(invalid(name, format!("must be finite and > 0, got {v}")));
            }
        }
        Ok(())
    }
}

/// One tie of a [`LiftReport`]: its meaningful online interactions (both
/// directions) in the window before and the window after its split.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let t0 = Utc.with_ymd_and_hms(2025, 1, 6, 10, 0, 0).unwrap();
/// let at = |d: i64| t0 + TimeDelta::days(d);
/// // two emails in the 90 days before they met on day 100, none after
/// for d in [0, 30, 60] {
///     g.add_interaction(Interaction::new("ana", "lee", at(d), "email"))?;
/// }
/// g.add_interaction(Interaction::new("ana", "lee", at(100), "in_person"))?;
/// let row = &g.offline_lift(at(200))?.treated[0];
/// assert_eq!((row.split, row.online_days), (at(100), 100.0));
/// assert_eq!((row.before, row.after, row.ratio), (2, 0, 0.0));
/// assert_eq!(row.before_rate, 2.0 / 3.0); // per 30 days of a 90-day window
/// assert_eq!(
///     row.reason,
///     "first met 2025-04-16, 100 days after the first online contact; 0.67 -> 0.00 online contacts per 30 days (x0.00)"
/// );
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LiftRow<'g> {
    /// The person whose key sorts first.
    pub a: &'g Person,
    /// The other.
    pub b: &'g Person,
    /// The tie's first meaningful online interaction.
    pub first_online: DateTime<Utc>,
    /// Treated: the first meaningful offline interaction. Control: the
    /// matched split, `first_online` + the matched tie's `online_days`.
    pub split: DateTime<Utc>,
    /// Days from `first_online` to `split`.
    pub online_days: f64,
    /// Meaningful online interactions in `[split − window, split)`.
    pub before: usize,
    /// Meaningful online interactions in `[split, split + window)`.
    pub after: usize,
    /// `before` per `rate_days`.
    pub before_rate: f64,
    /// `after` per `rate_days`.
    pub after_rate: f64,
    /// after_rate / before_rate; when before_rate is 0, it is +∞ if
    /// after_rate is above 0 (a rise from nothing) and 1 if both are 0
    /// (no change).
    pub ratio: f64,
    /// The tie of the other group it was matched with (a, b), if any.
    pub matched: Option<(&'g Person, &'g Person)>,
    /// E.g. `"first met 2025-03-04, 120 days after the first online contact; 2.00 -> 3.33 online contacts per 30 days (x1.67)"`.
    pub reason: String,
}

/// A summary of one group of a [`LiftReport`].
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::RelationshipGraph;
/// let g = RelationshipGraph::new();
/// let at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
/// let empty = g.offline_lift(at)?.treated_summary;
/// assert_eq!((empty.ties, empty.median_ratio, empty.share_rose), (0, None, None));
/// assert_eq!(empty.reason, "no ties");
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LiftSummary {
    /// Number of ties.
    pub ties: usize,
    /// The median of the ratios (the mean of the two middle ones for an
    /// even count); `None` without ties.
    pub median_ratio: Option<f64>,
    /// Share of ties whose rate rose (after > before); `None` without ties.
    pub share_rose: Option<f64>,
    /// Mean rate before; `None` without ties.
    pub mean_before_rate: Option<f64>,
    /// Mean rate after; `None` without ties.
    pub mean_after_rate: Option<f64>,
    /// E.g. `"12 ties: median ratio 1.50, 67% rose; mean 2.10 -> 3.00 online contacts per 30 days"`.
    pub reason: String,
}

/// The offline lift of a graph (or of one person's ties), from
/// [`GraphView::offline_lift`].
///
/// **Treated** ties met for the first time (first meaningful offline-mode
/// interaction, time m) after at least `history_days` of online history
/// (first meaningful online interaction ≤ m − history) and at least
/// `window_days` before the date asked (m + window ≤ as_of). Their split is m.
///
/// **Control** ties had no offline-mode interaction at all (meaningful or
/// not) at or before the date asked. Matching, deterministic: each treated
/// tie, in key order of its pair, takes the unused control tie whose first
/// meaningful online interaction is nearest in time to its own (the
/// earlier on equal distance, then the first in key order), among those
/// that, split the same number of days after their first meaningful online
/// interaction as the treated tie, still have a full window after the split
/// by the date asked. That control tie is split there. So the two groups
/// have the same online age at the split, and started at about the same
/// time. Treated ties left without a match stay in the treated group.
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let t0 = Utc.with_ymd_and_hms(2025, 1, 6, 10, 0, 0).unwrap();
/// let at = |d: i64| t0 + TimeDelta::days(d);
/// for d in (0..300).step_by(15) {
///     // ana and lee: an email exchange every 15 days, then every 5 once they met on day 120
///     g.add_interaction(Interaction::new("ana", "lee", at(d), "email"))?;
///     g.add_interaction(Interaction::new("bo", "kim", at(d), "email"))?;
///     g.add_interaction(Interaction::new("kim", "bo", at(d + 1), "email"))?;
///     if d >= 120 {
///         g.add_interaction(Interaction::new("lee", "ana", at(d + 5), "email"))?;
///         g.add_interaction(Interaction::new("lee", "ana", at(d + 10), "email"))?;
///     }
/// }
/// g.add_interaction(Interaction::new("ana", "lee", at(120), "in_person"))?;
/// let lift = g.offline_lift(at(300))?;
/// assert_eq!(lift.treated.len(), 1);
/// assert_eq!((lift.treated[0].before, lift.treated[0].after), (6, 18));
/// assert_eq!(lift.treated[0].ratio, 3.0);
/// assert_eq!(lift.control[0].a.key, "bo"); // split at day 120 too
/// assert_eq!(lift.control[0].ratio, 1.0);
/// assert_eq!(lift.treated_summary.share_rose, Some(1.0));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LiftReport<'g> {
    /// The options used.
    pub options: LiftOptions,
    /// Ties that met, in key order of the pair.
    pub treated: Vec<LiftRow<'g>>,
    /// Matched ties that never met, in key order of the pair.
    pub control: Vec<LiftRow<'g>>,
    /// Summary of `treated`.
    pub treated_summary: LiftSummary,
    /// Summary of `control`.
    pub control_summary: LiftSummary,
}

/// Where a tie stands for the lift.
#[derive(Debug, Clone, Copy)]
enum Group {
    Treated(Split),
    /// A control candidate: its first meaningful online time.
    Candidate(i64, TieId),
    Neither,
}

/// A tie before its row: the tie, its first meaningful online time, its split.
#[derive(Debug, Clone, Copy)]
struct Split {
    id: TieId,
    first_online: i64,
    split: i64,
}

impl<'g> GraphView<'g> {
    /// The offline lift of every tie, with the default [`LiftOptions`]; see
    /// [`LiftReport`].
    pub fn offline_lift(&self, as_of: DateTime<Utc>) -> Result<LiftReport<'g>> {
        self.offline_lift_with(&LiftOptions::default(), as_of)
    }

    /// [`offline_lift`](Self::offline_lift) with other windows, or for one
    /// person's ties.
    ///
    /// Errors: an unknown person; a window that is not finite and > 0.
    pub fn offline_lift_with(&self, options: &LiftOptions, as_of: DateTime<Utc>) -> Result<LiftReport<'g>> {
        options.validate()?;
        let g = self.graph();
        let t = secs(as_of);
        let scope = match &options.person {
            Some(key) => g.tie_ids_of(g.id(key)?),
            None => live_ties(g),
        };
        let history = (options.history_days * DAY).round() as i64;
        let window = (options.window_days * DAY).round() as i64;

        let groups: Vec<Group> = scope
            .par_iter()
            .map(|&id| {
                let f = facts(self, id, t);
                let Some(first_online) = f.first_online else {
                    return Group::Neither;
                };
                match f.first_met {
                    Some(m) if m - first_online >= history && m.saturating_add(window) <= t => {
                        Group::Treated(Split {
                            id,
                            first_online,
                            split: m,
                        })
                    }
                    None if !f.any_offline => Group::Candidate(first_online, id),
                    _ => Group::Neither,
                }
            })
            .collect();
        let mut treated: Vec<Split> = Vec::new();
        let mut pool: Vec<(i64, TieId)> = Vec::new();
        for grp in groups {
            match grp {
                Group::Treated(s) => treated.push(s),
                Group::Candidate(f, id) => pool.push((f, id)),
                Group::Neither => {}
            }
        }
        treated.sort_unstable_by(|x, y| by_pair(g, x.id, y.id));
        pool.sort_unstable_by(|x, y| x.0.cmp(&y.0).then_with(|| by_pair(g, x.1, y.1)));

        // nearest first online time, exact online age at the split
        let mut free: BTreeSet<usize> = (0..pool.len()).collect();
        let mut control: Vec<(Split, usize)> = Vec::new();
        for (i, tr) in treated.iter().enumerate() {
            let age = tr.split - tr.first_online;
            let limit = t.saturating_sub(window).saturating_sub(age);
            let at = pool.partition_point(|c| c.0 < tr.first_online);
            let before = free.range(..at).next_back().map(|&j| {
                // the first free one in key order among those at the same time
                let same = pool.partition_point(|c| c.0 < pool[j].0);
                *free.range(same..).next().expect("j itself is free")
            });
            let after = free.range(at..).next().copied().filter(|&j| pool[j].0 <= limit);
            let chosen = match (before, after) {
                (Some(x), Some(y)) => Some(if tr.first_online - pool[x].0 <= pool[y].0 - tr.first_online {
                    x
                } else {
                    y
                }),
                (x, y) => x.or(y),
            };
            if let Some(j) = chosen {
                free.remove(&j);
                control.push((
                    Split {
                        id: pool[j].1,
                        first_online: pool[j].0,
                        split: pool[j].0 + age,
                    },
                    i,
                ));
            }
        }
        control.sort_unstable_by(|x, y| by_pair(g, x.0.id, y.0.id));

        let pair_of = |id: TieId| {
            let tie = g.tie_data(id);
            (g.person_at(tie.a), g.person_at(tie.b))
        };
        let mut matched_control = vec![None; treated.len()];
        for (s, i) in &control {
            matched_control[*i] = Some(pair_of(s.id));
        }
        let treated_rows: Vec<LiftRow<'g>> = treated
            .par_iter()
            .zip(matched_control)
            .map(|(s, m)| self.lift_row(s, m, true, options))
            .collect();
        let control_rows: Vec<LiftRow<'g>> = control
            .par_iter()
            .map(|(s, i)| self.lift_row(s, Some(pair_of(treated[*i].id)), false, options))
            .collect();
        Ok(LiftReport {
            options: options.clone(),
            treated_summary: summary(&treated_rows, options.rate_days),
            control_summary: summary(&control_rows, options.rate_days),
            treated: treated_rows,
            control: control_rows,
        })
    }

    fn lift_row(
        &self,
        s: &Split,
        matched: Option<(&'g Person, &'g Person)>,
        treated: bool,
        o: &LiftOptions,
    ) -> LiftRow<'g> {
        let g = self.graph();
        let window = (o.window_days * DAY).round() as i64;
        let before = self.online_count(s.id, s.split.saturating_sub(window), s.split);
        let after = self.online_count(s.id, s.split, s.split.saturating_add(window));
        let per = o.window_days / o.rate_days;
        let (before_rate, after_rate) = (before as f64 / per, after as f64 / per);
        let ratio = if before_rate > 0.0 {
            after_rate / before_rate
        } else if after_rate > 0.0 {
            f64::INFINITY
        } else {
            1.0
        };
        let online_days = (s.split - s.first_online) as f64 / DAY;
        let tie = g.tie_data(s.id);
        let start = if treated {
            format!("first met {}", time(s.split).format("%Y-%m-%d"))
        } else {
            match matched {
                Some((a, b)) => format!("never met; split like {}-{}", a.key, b.key),
                None => "never met".to_string(),
            }
        };
        let change = if before == 0 && after == 0 {
            "no change".to_string()
        } else if before == 0 {
            "up from none".to_string()
        } else {
            format!("x{ratio:.2}")
        };
        LiftRow {
            a: g.person_at(tie.a),
            b: g.person_at(tie.b),
            first_online: time(s.first_online),
            split: time(s.split),
            online_days,
            before,
            after,
            before_rate,
            after_rate,
            ratio,
            matched,
            reason: format!(
                "{start}, {} days after the first online contact; {before_rate:.2} -> {after_rate:.2} online contacts per {} days ({change})",
                online_days.floor(),
                o.rate_days
            ),
        }
    }

    /// Meaningful online interactions the view keeps in `[lo, hi)`.
    fn online_count(&self, id: TieId, lo: i64, hi: i64) -> usize {
        let g = self.graph();
        let chans = g.channels();
        let recs = self.ctx.slice(&g.tie_data(id).log, hi - 1);
        let from = recs.partition_point(|r| r.t() < lo);
        recs[from..]
            .iter()
            .filter(|r| self.ctx.counts_meaningful(r) && chans[r.ch() as usize].mode == Mode::Online)
            .count()
    }
}

fn summary(rows: &[LiftRow<'_>], rate_days: f64) -> LiftSummary {
    let n = rows.len();
    if n == 0 {
        return LiftSummary {
            ties: 0,
            median_ratio: None,
            share_rose: None,
            mean_before_rate: None,
            mean_after_rate: None,
            reason: "no ties".to_string(),
        };
    }
    let mut ratios: Vec<f64> = rows.iter().map(|r| r.ratio).collect();
    ratios.sort_unstable_by(f64::total_cmp);
    let median = if n % 2 == 1 {
        ratios[n / 2]
    } else {
        (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0
    };
    let rose = rows.iter().filter(|r| r.after_rate > r.before_rate).count() as f64 / n as f64;
    let before = rows.iter().map(|r| r.before_rate).sum::<f64>() / n as f64;
    let after = rows.iter().map(|r| r.after_rate).sum::<f64>() / n as f64;
    LiftSummary {
        ties: n,
        median_ratio: Some(median),
        share_rose: Some(rose),
        mean_before_rate: Some(before),
        mean_after_rate: Some(after),
        reason: format!(
            "{n} {}: median ratio {median:.2}, {:.0}% rose; mean {before:.2} -> {after:.2} online contacts per {rate_days} days",
            if n == 1 { "tie" } else { "ties" },
            100.0 * rose
        ),
    }
}

/// See [`GraphView`]'s methods of the same names.
impl RelationshipGraph {
    /// The offline lift of every tie; see [`GraphView::offline_lift`].
    pub fn offline_lift(&self, as_of: DateTime<Utc>) -> Result<LiftReport<'_>> {
        self.full_view().offline_lift(as_of)
    }

    /// The offline lift with other options; see [`GraphView::offline_lift_with`].
    pub fn offline_lift_with(&self, options: &LiftOptions, as_of: DateTime<Utc>) -> Result<LiftReport<'_>> {
        self.full_view().offline_lift_with(options, as_of)
    }
}
