//! Recommendations on one view at one date: each person's strongest ties.
//!
//! The helpers at the top are shared with the other recommendation files
//! (`meet.rs`, `reconnect.rs`, `layers.rs`, `lift.rs`).

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::graph::{RelationshipGraph, TieId, secs, time};
use crate::model::{Mode, Person, PersonId};
use crate::score::{GraphView, State, Strength, View, ago};

pub(super) const DAY: f64 = 86_400.0;

// ----- shared helpers ---------------------------------------------------

pub(super) fn invalid(argument: &str, reason: impl Into<String>) -> Error {
    Error::InvalidArgument {
        argument: argument.to_string(),
        reason: reason.into(),
    }
}

pub(super) fn check_k(k: usize) -> Result<()> {
    if k == 0 {
        return Err(invalid("k", "must be at least 1, got 0"));
    }
    Ok(())
}

/// Splits `0..n` people, whose entries start at `offsets` (`n + 1` of
/// them, the last the total), into at most `parts` nonempty ranges of
/// about as many entries each; the ranges' bounds, from 0 to `n`.
fn even_ranges(offsets: &[usize], parts: usize) -> Vec<usize> {
    let n = offsets.len() - 1;
    let total = offsets[n];
    let parts = parts.clamp(1, n.max(1));
    let mut bounds = vec![0];
    for j in 1..parts {
        // the person starting nearest the share's end
        let target = total * j / parts;
        let mut at = offsets.partition_point(|&o| o < target).min(n);
        if at > 0 && target - offsets[at - 1] < offsets[at] - target {
            at -= 1;
        }
        if at > *bounds.last().expect("starts with 0") {
            bounds.push(at);
        }
    }
    if *bounds.last().expect("starts with 0") < n || bounds.len() == 1 {
        bounds.push(n);
    }
    bounds
}

/// Live tie ids in slot order (memory order: the fastest to score).
pub(super) fn live_ties(g: &RelationshipGraph) -> Vec<TieId> {
    g.ties
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_some())
        .map(|(i, _)| TieId(i as u32))
        .collect()
}

/// Keeps the `k` first elements of `v` under `cmp` (a total order), sorted,
/// without sorting the rest.
/// Below this many ties, one person's ties are scored on the calling
/// thread. Handing work to rayon's pool and waiting for it costs a wake-up
/// and a context switch on each side, about 15 µs when the call comes from
/// a thread outside the pool (Python's, say) and the workers are asleep;
/// scoring a tie costs about 80 ns, so two cores only win it back past a
/// couple of thousand ties.
const PARALLEL_TIES: usize = 2048;

pub(super) fn top_k<T>(v: &mut Vec<T>, k: usize, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() > k {
        v.select_nth_unstable_by(k - 1, &cmp);
        v.truncate(k);
    }
    v.sort_unstable_by(cmp);
}

/// Orders two ties of one person by the other person's key.
pub(super) fn by_other(g: &RelationshipGraph, p: PersonId, x: TieId, y: TieId) -> Ordering {
    g.key(g.other(x, p)).cmp(g.key(g.other(y, p)))
}

/// Orders two ties by their people's keys (`a` sorts first in both).
pub(super) fn by_pair(g: &RelationshipGraph, x: TieId, y: TieId) -> Ordering {
    let (tx, ty) = (g.tie_data(x), g.tie_data(y));
    (g.key(tx.a), g.key(tx.b)).cmp(&(g.key(ty.a), g.key(ty.b)))
}

/// What the recommendations read of one tie, from one pass over the
/// records the view keeps at or before `t`. "Met" means a meaningful
/// interaction on an offline-mode channel.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Facts {
    /// Earliest and latest meaningful offline-mode interaction.
    pub first_met: Option<i64>,
    pub last_met: Option<i64>,
    /// Any offline-mode interaction, meaningful or not.
    pub any_offline: bool,
    /// Earliest meaningful online-mode interaction.
    pub first_online: Option<i64>,
    /// Earliest meaningful interaction of either mode.
    pub first: Option<i64>,
    /// Latest meaningful interaction of each mode (online, offline), with its channel.
    pub last: [Option<(i64, u16)>; 2],
    /// Latest interaction of each mode, meaningful or not, with its channel.
    pub last_seen: [Option<(i64, u16)>; 2],
}

impl Facts {
    /// Latest meaningful interaction of either mode, with its channel.
    pub(super) fn last_any(&self) -> Option<(i64, u16)> {
        match self.last {
            [Some(x), Some(y)] => Some(if y.0 >= x.0 { y } else { x }),
            [x, y] => x.or(y),
        }
    }
}

pub(super) fn mode_index(mode: Mode) -> usize {
    match mode {
        Mode::Online => 0,
        Mode::Offline => 1,
    }
}

pub(super) fn facts(view: &GraphView<'_>, id: TieId, t: i64) -> Facts {
    let g = view.graph();
    let chans = g.channels();
    let mut f = Facts::default();
    for r in view.ctx.slice(&g.tie_data(id).log, t) {
        let (w, keep) = view.ctx.weight(r);
        if !keep {
            continue;
        }
        let mode = chans[r.ch() as usize].mode;
        if mode == Mode::Offline {
            f.any_offline = true;
        }
        f.last_seen[mode_index(mode)] = Some((r.t(), r.ch()));
        if !view.ctx.meaningful(w) {
            continue;
        }
        f.first.get_or_insert(r.t());
        f.last[mode_index(mode)] = Some((r.t(), r.ch()));
        match mode {
            Mode::Offline => {
                f.first_met.get_or_insert(r.t());
                f.last_met = Some(r.t());
            }
            Mode::Online => {
                f.first_online.get_or_insert(r.t());
            }
        }
    }
    f
}

/// The latest meaningful offline-mode interaction the view keeps at or
/// before `t`: a backward scan that stops at the first one.
pub(super) fn last_met(view: &GraphView<'_>, id: TieId, t: i64) -> Option<i64> {
    let g = view.graph();
    let chans = g.channels();
    view.ctx
        .slice(&g.tie_data(id).log, t)
        .iter()
        .rev()
        .find(|r| view.ctx.counts_meaningful(r) && chans[r.ch() as usize].mode == Mode::Offline)
        .map(|r| r.t())
}

/// The same view restricted to one mode's channels (window and channel set kept).
pub(super) fn mode_view<'g>(view: &GraphView<'g>, mode: Mode) -> GraphView<'g> {
    let g = view.graph();
    let channels: Vec<String> = g
        .channels()
        .iter()
        .enumerate()
        .filter(|(i, c)| view.ctx.keeps(*i) && c.mode == mode)
        .map(|(_, c)| c.name.clone())
        .collect();
    let restricted = View {
        mode: Some(mode),
        channels: Some(channels),
        start: (view.ctx.start != i64::MIN).then(|| time(view.ctx.start)),
        end: (view.ctx.end != i64::MAX).then(|| time(view.ctx.end)),
    };
    GraphView::new(g, &restricted, view.model().clone()).expect("a restriction of a valid view is valid")
}

/// "never met" or "last met 14 months ago".
pub(super) fn met_phrase(last_met: Option<i64>, t: i64) -> String {
    match last_met {
        Some(m) => format!("last met {}", ago(t - m)),
        None => "never met".to_string(),
    }
}

/// "a", "a and b", "a, b and c".
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// How a reason names a channel: "email", "direct messages", "replies"...
pub(super) fn channel_phrase(name: &str) -> String {
    match name {
        "in_person" => "meetings in person".to_string(),
        "event" => "events".to_string(),
        "video_call" => "video calls".to_string(),
        "phone_call" => "phone calls".to_string(),
        "direct_message" => "direct messages".to_string(),
        "public_reply" => "replies".to_string(),
        "broadcast" => "broadcasts".to_string(),
        "reaction" => "likes".to_string(),
        other => other.replace('_', " "),
    }
}

// ----- strongest ties ---------------------------------------------------

/// One of a person's strongest ties, from
/// [`GraphView::strongest_ties`]: the other person, their rank (1 is the
/// strongest), the full score and why.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph, State};
/// let mut g = RelationshipGraph::new();
/// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", day(2), "in_person"))?;
/// g.add_interaction(Interaction::new("ana", "bo", day(2), "email"))?;
/// g.add_interaction(Interaction::new("bo", "ana", day(3), "email"))?;
/// let top = g.strongest_ties("ana", 5, day(10))?;
/// assert_eq!(top.len(), 2);
/// assert_eq!((top[0].other.key.as_str(), top[0].rank), ("lee", 1));
/// assert_eq!(top[0].state, State::Active);
/// assert!(top[0].reason.starts_with("active; strength 0."));
/// assert!(top[0].reason.ends_with("; last met 8 days ago"));
/// assert!(top[1].reason.ends_with("; never met"));
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct StrongTie<'g> {
    /// The other person.
    pub other: &'g Person,
    /// 1 for the strongest.
    pub rank: usize,
    /// The score, with effort in (person asked, other) order.
    pub strength: Strength,
    /// Where the relationship stands (the same as `strength.state`).
    pub state: State,
    /// The state, the two largest contributions and the last meeting, e.g.
    /// `"active; strength 0.62, mostly recency (0.21) and intensity (0.15); last met 12 days ago"`.
    pub reason: String,
}

/// One row of [`GraphView::strongest_ties_all`]: a person, one of their
/// strongest ties and its strength. Borrowed from the graph and `Copy`, so
/// that a table for 100,000 people allocates nothing per row.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", day(2), "in_person"))?;
/// let rows = g.strongest_ties_all(10, day(10))?;
/// let keys: Vec<(&str, &str, usize)> =
///     rows.iter().map(|r| (r.person.key.as_str(), r.other.key.as_str(), r.rank)).collect();
/// assert_eq!(keys, [("ana", "lee", 1), ("lee", "ana", 1)]);
/// assert_eq!(rows[0].strength, g.strength("ana", "lee", day(10))?.value);
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopTie<'g> {
    /// The person whose ties these are.
    pub person: &'g Person,
    /// The other end of the tie.
    pub other: &'g Person,
    /// 1 for the person's strongest tie.
    pub rank: usize,
    /// The strength value.
    pub strength: f64,
}

impl<'g> GraphView<'g> {
    /// The `k` strongest ties of a person as of a date: ties with a
    /// strength above 0, strongest first, equal strengths in the other
    /// person's key order. See [`StrongTie`] for an example.
    ///
    /// Errors: an unknown person, `k` = 0.
    pub fn strongest_ties(&self, person: &str, k: usize, as_of: DateTime<Utc>) -> Result<Vec<StrongTie<'g>>> {
        check_k(k)?;
        let g = self.graph();
        let p = g.id(person)?;
        let t = secs(as_of);
        // values first (one pass per tie); state and reasons only for the k kept
        let ids = g.tie_ids_of(p);
        let value = |id: TieId| (id, self.value_at(id, t));
        let mut values: Vec<(TieId, f64)> = if ids.len() < PARALLEL_TIES {
            ids.into_iter().map(value).filter(|&(_, v)| v > 0.0).collect()
        } else {
            ids.into_par_iter().map(value).filter(|&(_, v)| v > 0.0).collect()
        };
        top_k(&mut values, k, |x, y| {
            y.1.total_cmp(&x.1).then_with(|| by_other(g, p, x.0, y.0))
        });
        Ok(values
            .into_iter()
            .map(|(id, _)| (id, self.score(id, t, p, false, None)))
            .enumerate()
            .map(|(i, (id, s))| StrongTie {
                other: g.person_at(g.other(id, p)),
                rank: i + 1,
                strength: s,
                state: s.state,
                reason: strong_reason(&s, last_met(self, id, t), t),
            })
            .collect())
    }

    /// Every person's `k` strongest ties at once: one row per (person, tie)
    /// for the ties with strength > 0, people in key order, each person's
    /// strongest first, equal strengths in the other person's key order.
    /// Rows carry no reason (ask [`strongest_ties`](Self::strongest_ties)
    /// for one person's); see [`TopTie`] for an example.
    ///
    /// One values-only scoring pass over every tie (parallel), then a
    /// per-person top-k selection (parallel) that sorts only the `k` kept.
    ///
    /// Errors: `k` = 0.
    pub fn strongest_ties_all(&self, k: usize, as_of: DateTime<Utc>) -> Result<Vec<TopTie<'g>>> {
        check_k(k)?;
        let g = self.graph();
        let t = secs(as_of);
        let order = g.key_order();
        let n = order.len();
        let rank = g.key_ranks(&order);
        // adjacency by key rank (a, b, strength), read as each tie is
        // scored (a second pass over the ties took 8 ms at W1's 10M)
        let mut edges: Vec<(u32, u32, f64)> = self.values_with(&live_ties(g), t, |tie, v| {
            // a tie of strength 0 is dropped below: no ranks to look up
            if v > 0.0 {
                (rank[tie.a.index()], rank[tie.b.index()], v)
            } else {
                (0, 0, v)
            }
        });
        edges.retain(|e| e.2 > 0.0);
        drop(rank);
        let mut offsets = vec![0usize; n + 1];
        for &(a, b, _) in &edges {
            offsets[a as usize + 1] += 1;
            offsets[b as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        // The lists are filled by ranges of people holding about as many
        // entries each, one task a range, each reading every edge: on one
        // core this took 11 ms at W1's 10M while the other core waited,
        // 5-6 ms on two.
        let bounds = even_ranges(&offsets, rayon::current_num_threads());
        let mut entries = vec![(0.0f64, 0u32); offsets[n]];
        {
            let mut pieces = Vec::with_capacity(bounds.len());
            let mut rest = &mut entries[..];
            for w in bounds.windows(2) {
                let (head, tail) = rest.split_at_mut(offsets[w[1]] - offsets[w[0]]);
                pieces.push((w[0]..w[1], head));
                rest = tail;
            }
            pieces.into_par_iter().for_each(|(people, piece)| {
                // each task reads every edge and writes its own people's
                let base = offsets[people.start];
                let mut fill = offsets[people.clone()].to_vec();
                for &(a, b, v) in &edges {
                    for (x, y) in [(a, b), (b, a)] {
                        if people.contains(&(x as usize)) {
                            let at = &mut fill[x as usize - people.start];
                            piece[*at - base] = (v, y);
                            *at += 1;
                        }
                    }
                }
            });
        }
        drop(edges);

        // each person's list, top k moved to its front and sorted
        let mut lists: Vec<&mut [(f64, u32)]> = Vec::with_capacity(n);
        let mut rest = &mut entries[..];
        for i in 0..n {
            let (head, tail) = rest.split_at_mut(offsets[i + 1] - offsets[i]);
            lists.push(head);
            rest = tail;
        }
        let cmp = |x: &(f64, u32), y: &(f64, u32)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
        lists.par_iter_mut().for_each(|list| {
            if list.len() > k {
                list.select_nth_unstable_by(k - 1, cmp);
            }
            let kept = list.len().min(k);
            list[..kept].sort_unstable_by(cmp);
        });

        // sequential: 32-byte rows written in order beat a parallel collect
        // of small pieces, and writing them by ranges of people in
        // parallel saved 2 of 10 ms at W1's 10M (the rows must be
        // initialised first)
        let mut rows = Vec::with_capacity(offsets.windows(2).map(|w| (w[1] - w[0]).min(k)).sum());
        let people: Vec<&'g Person> = order.iter().map(|&p| g.person_at(p)).collect();
        for i in 0..n {
            let kept = (offsets[i + 1] - offsets[i]).min(k);
            for (j, &(v, o)) in entries[offsets[i]..offsets[i] + kept].iter().enumerate() {
                rows.push(TopTie {
                    person: people[i],
                    other: people[o as usize],
                    rank: j + 1,
                    strength: v,
                });
            }
        }
        Ok(rows)
    }
}

fn strong_reason(s: &Strength, last_met: Option<i64>, t: i64) -> String {
    let mut parts: Vec<(&str, f64)> = s
        .contributions
        .named()
        .into_iter()
        .filter(|(_, v)| *v > 0.0)
        .collect();
    // stable: equal contributions keep the model's order
    parts.sort_by(|x, y| y.1.total_cmp(&x.1));
    let named: Vec<String> = parts
        .iter()
        .take(2)
        .map(|(name, v)| format!("{name} ({v:.2})"))
        .collect();
    let mut out = format!(
        "{}; strength {:.2}, mostly {}",
        s.state.name(),
        s.value,
        and_list(&named)
    );
    if s.capped {
        out.push_str(", capped as online only");
    }
    out.push_str("; ");
    out.push_str(&met_phrase(last_met, t));
    out
}

// ----- on the whole graph -----------------------------------------------

/// The recommendation queries on the whole graph with the graph's model;
/// each is [`GraphView`]'s method of the same name on
/// [`RelationshipGraph::full_view`].
impl RelationshipGraph {
    /// A person's `k` strongest ties; see [`GraphView::strongest_ties`].
    pub fn strongest_ties(&self, person: &str, k: usize, as_of: DateTime<Utc>) -> Result<Vec<StrongTie<'_>>> {
        self.full_view().strongest_ties(person, k, as_of)
    }

    /// Every person's `k` strongest ties; see [`GraphView::strongest_ties_all`].
    pub fn strongest_ties_all(&self, k: usize, as_of: DateTime<Utc>) -> Result<Vec<TopTie<'_>>> {
        self.full_view().strongest_ties_all(k, as_of)
    }
}

#[cfg(test)]
mod tests {
    use super::even_ranges;

    #[test]
    fn even_ranges_split_people_by_their_entries() {
        // people 0..5 with 4, 0, 4, 1, 1 entries
        let offsets = [0, 4, 4, 8, 9, 10];
        assert_eq!(even_ranges(&offsets, 1), [0, 5]);
        assert_eq!(even_ranges(&offsets, 2), [0, 2, 5]);
        assert_eq!(even_ranges(&offsets, 3), [0, 1, 3, 5]);
        // never an empty range
        assert_eq!(even_ranges(&offsets, 64), [0, 1, 3, 5]);
        assert_eq!(even_ranges(&[0, 0, 0], 4), [0, 2]);
        assert_eq!(even_ranges(&[0, 7], 4), [0, 1]);
        // no people: one empty range
        assert_eq!(even_ranges(&[0], 4), [0, 0]);
    }
}
