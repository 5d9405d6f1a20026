//! Ties to revive: those that faded ([`GraphView::reconnect`]) and those
//! overdue on a contact cadence ([`GraphView::due_for_contact`]).

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use super::recommend::{DAY, by_other, by_pair, check_k, facts, invalid, live_ties, mode_index, top_k};
use crate::error::Result;
use crate::graph::{RelationshipGraph, TieId, secs, time};
use crate::model::{Mode, Person, PersonId};
use crate::score::{GraphView, State, ago};

// ----- reconnect --------------------------------------------------------

/// A tie that faded, from [`GraphView::reconnect`] and
/// [`GraphView::reconnect_all`]: `Dormant` or `Cooling`, ranked by what
/// was lost (peak − now).
///
/// ```
/// use chrono::{TimeDelta, TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph, State};
/// let mut g = RelationshipGraph::new();
/// let t0 = Utc.with_ymd_and_hms(2025, 1, 6, 10, 0, 0).unwrap();
/// for w in 0..26 {
///     g.add_interaction(Interaction::new("ana", "lee", t0 + TimeDelta::weeks(w), "in_person"))?;
/// }
/// let last = t0 + TimeDelta::weeks(25);
/// let rows = g.reconnect("ana", 5, last + TimeDelta::days(400))?;
/// assert_eq!(rows[0].other.key, "lee");
/// assert_eq!(rows[0].state, State::Dormant);
/// assert_eq!(rows[0].peaked_at, last); // the last weekly meeting
/// assert_eq!(rows[0].lost, rows[0].peak - rows[0].strength);
/// assert_eq!(
///     rows[0].reason,
///     "dormant: peaked 13 months ago at 0.76, now 0.37 (lost 0.40); last contact 13 months ago (in_person)"
/// );
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Reconnection<'g> {
    /// The person asked for ([`reconnect`](GraphView::reconnect)), or the
    /// one of the pair whose key sorts first.
    pub person: &'g Person,
    /// The other person.
    pub other: &'g Person,
    /// 1 for the largest loss.
    pub rank: usize,
    /// `Dormant` or `Cooling`.
    pub state: State,
    /// The strength now.
    pub strength: f64,
    /// The highest strength at the times of the pair's meaningful
    /// interactions and now (the model's peak).
    pub peak: f64,
    /// When the peak was first reached.
    pub peaked_at: DateTime<Utc>,
    /// peak − strength.
    pub lost: f64,
    /// The latest meaningful interaction, either side, either mode.
    pub last_contact: Option<DateTime<Utc>>,
    /// Its channel.
    pub last_channel: Option<&'g str>,
    /// E.g. `"dormant: peaked 14 months ago at 0.71, now 0.12 (lost 0.59); last contact 9 months ago (email)"`.
    pub reason: String,
}

impl<'g> GraphView<'g> {
    /// The scored row of a faded tie, `None` for any other.
    fn faded(&self, id: TieId, first: PersonId, t: i64) -> Option<Reconnection<'g>> {
        let g = self.graph();
        let s = self.score(id, t, first, false, None);
        if !matches!(s.state, State::Dormant | State::Cooling) {
            return None;
        }
        let (peak, peaked_at) = self.peak_at(id, t, s.value);
        let last = facts(self, id, t).last_any();
        let last_channel = last.map(|(_, c)| g.channels()[c as usize].name.as_str());
        let mut reason = format!(
            "{}: peaked {} at {peak:.2}, now {:.2} (lost {:.2})",
            s.state.name(),
            ago(t - peaked_at),
            s.value,
            peak - s.value
        );
        if let (Some((at, _)), Some(ch)) = (last, last_channel) {
            reason.push_str(&format!("; last contact {} ({ch})", ago(t - at)));
        }
        Some(Reconnection {
            person: g.person_at(first),
            other: g.person_at(g.other(id, first)),
            rank: 0,
            state: s.state,
            strength: s.value,
            peak,
            peaked_at: time(peaked_at),
            lost: peak - s.value,
            last_contact: last.map(|(at, _)| time(at)),
            last_channel,
            reason,
        })
    }

    /// The `k` faded ties of a person most worth reviving: `Dormant` or
    /// `Cooling` ties, largest loss (peak − now) first, equal losses in the
    /// other person's key order. See [`Reconnection`] for an example.
    ///
    /// Errors: an unknown person, `k` = 0.
    pub fn reconnect(&self, person: &str, k: usize, as_of: DateTime<Utc>) -> Result<Vec<Reconnection<'g>>> {
        check_k(k)?;
        let g = self.graph();
        let p = g.id(person)?;
        let t = secs(as_of);
        let mut rows: Vec<(TieId, Reconnection<'g>)> = g
            .tie_ids_of(p)
            .into_par_iter()
            .filter_map(|id| self.faded(id, p, t).map(|r| (id, r)))
            .collect();
        top_k(&mut rows, k, |x, y| {
            y.1.lost
                .total_cmp(&x.1.lost)
                .then_with(|| by_other(g, p, x.0, y.0))
        });
        Ok(ranked(rows))
    }

    /// The `k` faded ties of the whole graph with the largest loss (see
    /// [`reconnect`](Self::reconnect)); `person` is the one of the pair
    /// whose key sorts first, equal losses in key order of the pair.
    ///
    /// Errors: `k` = 0.
    pub fn reconnect_all(&self, k: usize, as_of: DateTime<Utc>) -> Result<Vec<Reconnection<'g>>> {
        check_k(k)?;
        let g = self.graph();
        let t = secs(as_of);
        let mut rows: Vec<(TieId, Reconnection<'g>)> = live_ties(g)
            .into_par_iter()
            .filter_map(|id| self.faded(id, g.tie_data(id).a, t).map(|r| (id, r)))
            .collect();
        top_k(&mut rows, k, |x, y| {
            y.1.lost.total_cmp(&x.1.lost).then_with(|| by_pair(g, x.0, y.0))
        });
        Ok(ranked(rows))
    }
}

/// Numbers the rows from 1 in their order.
fn ranked<'g>(rows: Vec<(TieId, Reconnection<'g>)>) -> Vec<Reconnection<'g>> {
    rows.into_iter()
        .enumerate()
        .map(|(i, (_, r))| Reconnection { rank: i + 1, ..r })
        .collect()
}

// ----- due for contact --------------------------------------------------

/// How often a person wants to be in touch with each of their ties, per
/// mode: online every `online_days`, offline (in person) every
/// `offline_days`. At least one must be set, and each must be > 0.
///
/// ```
/// use tiegraph::Cadence;
/// let c = Cadence::online(30.0).with_offline(90.0);
/// assert_eq!((c.online_days, c.offline_days), (Some(30.0), Some(90.0)));
/// assert_eq!(Cadence::offline(60.0).online_days, None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Cadence {
    /// Days between online contacts.
    pub online_days: Option<f64>,
    /// Days between offline contacts.
    pub offline_days: Option<f64>,
    /// Only meaningful interactions reset a clock (default: any interaction
    /// on a channel of the mode does, likes and newsletters included).
    pub meaningful_only: bool,
}

impl Cadence {
    /// Online every `days`, no offline cadence.
    pub fn online(days: f64) -> Cadence {
        Cadence {
            online_days: Some(days),
            ..Cadence::default()
        }
    }

    /// Offline every `days`, no online cadence.
    pub fn offline(days: f64) -> Cadence {
        Cadence {
            offline_days: Some(days),
            ..Cadence::default()
        }
    }

    /// Lets only meaningful interactions reset the clocks, so that a like
    /// or a newsletter does not count as keeping in touch.
    pub fn meaningful_only(mut self) -> Cadence {
        self.meaningful_only = true;
        self
    }

    /// Adds an online cadence.
    pub fn with_online(mut self, days: f64) -> Cadence {
        self.online_days = Some(days);
        self
    }

    /// Adds an offline cadence.
    pub fn with_offline(mut self, days: f64) -> Cadence {
        self.offline_days = Some(days);
        self
    }

    fn validate(&self) -> Result<()> {
        if self.online_days.is_none() && self.offline_days.is_none() {
            return Err(invalid(
                "cadence",
                "set an online period, an offline period or both",
            ));
        }
        for (name, d) in [
            ("cadence.online_days", self.online_days),
            ("cadence.offline_days", self.offline_days),
        ] {
            if let Some(d) = d {
                if !(d.is_finite() && d > 0.0) {
                    return Err(invalid(name, format!("must be finite and > 0, got {d}")));
                }
            }
        }
        Ok(())
    }
}

/// How overdue one mode of a tie is, in a [`DueContact`].
///
/// ```
/// use tiegraph::{Cadence, Interaction, Mode, RelationshipGraph};
/// use chrono::{TimeZone, Utc};
/// let mut g = RelationshipGraph::new();
/// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", day(1, 1), "email"))?;
/// g.add_interaction(Interaction::new("lee", "ana", day(1, 11), "email"))?;
/// let due = g.due_for_contact("ana", &Cadence::online(30.0), day(3, 2))?;
/// let o = due[0].online.as_ref().unwrap();
/// assert_eq!((o.mode, o.last, o.due), (Mode::Online, Some(day(1, 11)), day(2, 10)));
/// assert_eq!((o.days_overdue, o.ratio), (20.0, 50.0 / 30.0));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overdue<'g> {
    /// Online or offline.
    pub mode: Mode,
    /// The cadence of this mode, in days.
    pub period_days: f64,
    /// The latest meaningful interaction on a channel of this mode;
    /// `None` if there was none.
    pub last: Option<DateTime<Utc>>,
    /// Its channel.
    pub last_channel: Option<&'g str>,
    /// When the mode's clock started: `last`, or the tie's first meaningful
    /// interaction when the mode was never used.
    pub since: DateTime<Utc>,
    /// `since` + the period.
    pub due: DateTime<Utc>,
    /// Days from `due` to the date asked (> 0).
    pub days_overdue: f64,
    /// Days since `since` / the period (> 1).
    pub ratio: f64,
}

/// A tie overdue for contact on a [`Cadence`], from
/// [`GraphView::due_for_contact`]; `online` and `offline` are set for the
/// modes that are overdue.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Cadence, Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", day(1, 1), "in_person"))?;
/// g.add_interaction(Interaction::new("lee", "ana", day(3, 1), "email"))?;
/// let due = g.due_for_contact("ana", &Cadence::online(30.0).with_offline(30.0), day(3, 11))?;
/// assert_eq!(due.len(), 1);
/// assert!(due[0].online.is_none()); // the email of March 1 is 10 days old
/// assert_eq!(due[0].reason, "offline: last met 69 days ago (in_person), due every 30 days, 39 days overdue");
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DueContact<'g> {
    /// The other person.
    pub other: &'g Person,
    /// 1 for the most overdue.
    pub rank: usize,
    /// Set when the online clock is past due.
    pub online: Option<Overdue<'g>>,
    /// Set when the offline clock is past due.
    pub offline: Option<Overdue<'g>>,
    /// The largest ratio of the overdue modes: what the list is ranked by.
    pub ratio: f64,
    /// The days overdue of that mode.
    pub days_overdue: f64,
    /// One clause per overdue mode, e.g. `"online: last contact 45 days ago
    /// (email), due every 30 days, 15 days overdue"`.
    pub reason: String,
}

fn days_text(d: f64) -> String {
    let n = d.floor() as i64;
    if n == 1 {
        "1 day".to_string()
    } else {
        format!("{n} days")
    }
}

/// "today", "1 day ago", "69 days ago": cadences are counted in days.
fn days_ago(seconds: i64) -> String {
    match days_text(seconds as f64 / DAY).as_str() {
        "0 days" => "today".to_string(),
        d => format!("{d} ago"),
    }
}

fn overdue_clause(o: &Overdue<'_>, t: i64) -> String {
    let last = match (o.mode, o.last, o.last_channel) {
        (Mode::Online, Some(at), Some(ch)) => format!("last contact {} ({ch})", days_ago(t - secs(at))),
        (Mode::Offline, Some(at), Some(ch)) => format!("last met {} ({ch})", days_ago(t - secs(at))),
        (Mode::Online, ..) => format!(
            "no online contact since first contact {}",
            days_ago(t - secs(o.since))
        ),
        (Mode::Offline, ..) => format!("never met since first contact {}", days_ago(t - secs(o.since))),
    };
    format!(
        "{}: {last}, due every {} days, {} overdue",
        o.mode.as_str(),
        o.period_days,
        days_text(o.days_overdue)
    )
}

impl<'g> GraphView<'g> {
    /// The two-way ties of a person that are overdue for contact on a
    /// [`Cadence`]: online, offline or both.
    ///
    /// Each mode has a clock, reset by any interaction (either side) on a
    /// channel of that mode — or, with [`Cadence::meaningful_only`], by any
    /// meaningful one, so that a like or a newsletter does not count. A mode
    /// never used starts its clock at the tie's first meaningful
    /// interaction. A mode is overdue when more than its period has passed
    /// since its clock started.
    ///
    /// Ranked by how overdue: the largest ratio (elapsed / period, so that a
    /// 30-day and a 90-day cadence compare), then the most days past due,
    /// then the other person's key. See [`DueContact`] for an example.
    ///
    /// Errors: an unknown person; a cadence with no period, or a period
    /// that is not finite and > 0.
    pub fn due_for_contact(
        &self,
        person: &str,
        cadence: &Cadence,
        as_of: DateTime<Utc>,
    ) -> Result<Vec<DueContact<'g>>> {
        cadence.validate()?;
        let g = self.graph();
        let p = g.id(person)?;
        let t = secs(as_of);
        let chans = g.channels();
        let mut rows: Vec<(TieId, DueContact<'g>)> = g
            .tie_ids_of(p)
            .into_par_iter()
            .filter(|&id| self.ctx.two_way(&g.tie_data(id).log, t))
            .filter_map(|id| {
                let f = facts(self, id, t);
                let start = f.first?;
                let check = |mode: Mode, period: Option<f64>| {
                    let period = period?;
                    let last = if cadence.meaningful_only {
                        f.last
                    } else {
                        f.last_seen
                    }[mode_index(mode)];
                    let since = last.map_or(start, |(at, _)| at);
                    let elapsed = (t - since) as f64 / DAY;
                    (elapsed > period).then(|| Overdue {
                        mode,
                        period_days: period,
                        last: last.map(|(at, _)| time(at)),
                        last_channel: last.map(|(_, c)| chans[c as usize].name.as_str()),
                        since: time(since),
                        due: time(since + (period * DAY).round() as i64),
                        days_overdue: elapsed - period,
                        ratio: elapsed / period,
                    })
                };
                let online = check(Mode::Online, cadence.online_days);
                let offline = check(Mode::Offline, cadence.offline_days);
                let worst = match (&online, &offline) {
                    (Some(x), Some(y)) => {
                        if y.ratio
                            .total_cmp(&x.ratio)
                            .then(y.days_overdue.total_cmp(&x.days_overdue))
                            .is_gt()
                        {
                            y
                        } else {
                            x
                        }
                    }
                    (Some(x), None) | (None, Some(x)) => x,
                    (None, None) => return None,
                };
                let (ratio, days_overdue) = (worst.ratio, worst.days_overdue);
                let clauses: Vec<String> = [&online, &offline]
                    .into_iter()
                    .flatten()
                    .map(|o| overdue_clause(o, t))
                    .collect();
                Some((
                    id,
                    DueContact {
                        other: g.person_at(g.other(id, p)),
                        rank: 0,
                        online,
                        offline,
                        ratio,
                        days_overdue,
                        reason: clauses.join("; "),
                    },
                ))
            })
            .collect();
        rows.sort_unstable_by(|x, y| {
            y.1.ratio
                .total_cmp(&x.1.ratio)
                .then(y.1.days_overdue.total_cmp(&x.1.days_overdue))
                .then_with(|| by_other(g, p, x.0, y.0))
        });
        Ok(rows
            .into_iter()
            .enumerate()
            .map(|(i, (_, r))| DueContact { rank: i + 1, ..r })
            .collect())
    }
}

/// See [`GraphView`]'s methods of the same names.
impl RelationshipGraph {
    /// A person's faded ties; see [`GraphView::reconnect`].
    pub fn reconnect(&self, person: &str, k: usize, as_of: DateTime<Utc>) -> Result<Vec<Reconnection<'_>>> {
        self.full_view().reconnect(person, k, as_of)
    }

    /// The graph's faded ties; see [`GraphView::reconnect_all`].
    pub fn reconnect_all(&self, k: usize, as_of: DateTime<Utc>) -> Result<Vec<Reconnection<'_>>> {
        self.full_view().reconnect_all(k, as_of)
    }

    /// A person's ties overdue on a cadence; see [`GraphView::due_for_contact`].
    pub fn due_for_contact(
        &self,
        person: &str,
        cadence: &Cadence,
        as_of: DateTime<Utc>,
    ) -> Result<Vec<DueContact<'_>>> {
        self.full_view().due_for_contact(person, cadence, as_of)
    }
}
