//! [`View`]s restrict which interactions count; a [`GraphView`] answers
//! every scoring query on the interactions its view keeps.

use chrono::{DateTime, TimeDelta, Utc};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::flat::AHEAD;
use crate::graph::{RelationshipGraph, TieId, secs, time};
use crate::model::{Mode, Person, PersonId};

use super::eval::{Ctx, DAY, Eval, R};
use super::model::ScoringModel;
use super::strength::{Side, State, Strength};

/// At most this many ties in one piece of a parallel scoring pass.
pub(crate) const SCORE_PIECE: usize = 4096;

/// Which interactions count: a mode, a set of channels, a time window
/// `[start, end)`; all optional and combined with "and". Connections
/// always count. The model applies unchanged, online-only cap included.
///
/// ```
/// use tiegraph::{Mode, View};
/// let v = View::online().with_channels(["email", "direct_message"]);
/// assert_eq!(v.mode, Some(Mode::Online));
/// assert_eq!(View::all(), View::default());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// Keep only this mode's channels.
    pub mode: Option<Mode>,
    /// Keep only these channels (names).
    pub channels: Option<Vec<String>>,
    /// Keep interactions at or after this time.
    pub start: Option<DateTime<Utc>>,
    /// Keep interactions strictly before this time.
    pub end: Option<DateTime<Utc>>,
}

impl View {
    /// Every interaction.
    pub fn all() -> View {
        View::default()
    }

    /// Online channels only.
    pub fn online() -> View {
        View {
            mode: Some(Mode::Online),
            ..View::default()
        }
    }

    /// Offline channels only.
    pub fn offline() -> View {
        View {
            mode: Some(Mode::Offline),
            ..View::default()
        }
    }

    /// Restricts to these channels.
    pub fn with_channels<I, S>(mut self, channels: I) -> View
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.channels = Some(channels.into_iter().map(Into::into).collect());
        self
    }

    /// Restricts to interactions in `[start, end)`.
    pub fn between(mut self, start: DateTime<Utc>, end: DateTime<Utc>) -> View {
        self.start = Some(start);
        self.end = Some(end);
        self
    }
}

/// One scored tie of a bulk query. `a` sorts before `b` by key, except
/// that a query for one person's ties puts that person in `a`.
#[derive(Debug, Clone, Copy)]
pub struct TieScore<'g> {
    /// One person.
    pub a: &'g Person,
    /// The other.
    pub b: &'g Person,
    /// The score, with `effort` in (a, b) order.
    pub strength: Strength,
}

/// Which ties a bulk query returns.
///
/// ```
/// let f = tiegraph::TieFilter { min_strength: 0.2, ..Default::default() };
/// assert!(f.person.is_none() && !f.with_peak);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TieFilter {
    /// Only this person's ties.
    pub person: Option<String>,
    /// Only ties at least this strong.
    pub min_strength: f64,
    /// Compute every tie's peak (one more pass per meaningful interaction).
    pub with_peak: bool,
}

/// A graph seen through a [`View`] with a [`ScoringModel`]: every scoring
/// query of the crate.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph, View};
/// let mut g = RelationshipGraph::new();
/// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
/// g.add_interaction(Interaction::new("ana", "lee", day(2), "email"))?;
/// g.add_interaction(Interaction::new("lee", "ana", day(3), "email"))?;
/// g.add_interaction(Interaction::new("lee", "ana", day(9), "in_person"))?;
/// let online = g.view(&View::online())?.strength("ana", "lee", day(10))?;
/// let all = g.strength("ana", "lee", day(10))?;
/// assert!(online.online_only && !all.online_only);
/// assert!(online.value < all.value);
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct GraphView<'g> {
    g: &'g RelationshipGraph,
    pub(crate) ctx: Ctx,
}

impl RelationshipGraph {
    /// The graph through a view, scored with the graph's model.
    pub fn view(&self, view: &View) -> Result<GraphView<'_>> {
        GraphView::new(self, view, self.model().clone())
    }

    /// Every interaction, scored with the graph's model.
    pub fn full_view(&self) -> GraphView<'_> {
        GraphView {
            g: self,
            ctx: Ctx::new(self.model().clone(), self.channels(), |_, _| true),
        }
    }
}

impl<'g> GraphView<'g> {
    /// A view of `graph` scored with `model` (validated).
    pub fn new(graph: &'g RelationshipGraph, view: &View, model: ScoringModel) -> Result<GraphView<'g>> {
        model.validate()?;
        let mut keep = vec![true; graph.channels().len()];
        if let Some(names) = &view.channels {
            keep.fill(false);
            for name in names {
                keep[graph.channels.id(name)?.index()] = true;
            }
        }
        if let (Some(s), Some(e)) = (view.start, view.end) {
            if e <= s {
                return Err(Error::InvalidArgument {
                    argument: "view".into(),
                    reason: format!("the window is empty: end {e} is not after start {s}"),
                });
            }
        }
        let mut ctx = Ctx::new(model, graph.channels(), |i, c| {
            keep[i] && view.mode.is_none_or(|m| m == c.mode)
        });
        ctx.start = view.start.map_or(i64::MIN, secs);
        ctx.end = view.end.map_or(i64::MAX, secs);
        Ok(GraphView { g: graph, ctx })
    }

    /// The same view scored with another model (validated).
    pub fn with_model(mut self, model: ScoringModel) -> Result<GraphView<'g>> {
        model.validate()?;
        let (start, end) = (self.ctx.start, self.ctx.end);
        let keep: Vec<bool> = (0..self.g.channels().len()).map(|i| self.ctx.keeps(i)).collect();
        self.ctx = Ctx::new(model, self.g.channels(), |i, _| keep[i]);
        self.ctx.start = start;
        self.ctx.end = end;
        Ok(self)
    }

    /// The graph underneath.
    pub fn graph(&self) -> &'g RelationshipGraph {
        self.g
    }

    /// The model in use.
    pub fn model(&self) -> &ScoringModel {
        &self.ctx.model
    }

    /// The strength of the relationship between `a` and `b` as of a date,
    /// with its components, state and each side's effort (in the order
    /// asked). The peak is set only when the state rules needed it; ask
    /// [`peak`](Self::peak) or [`explain`](Self::explain) for it. People
    /// without a tie get a zero strength in state `None`; unknown people
    /// are an error.
    pub fn strength(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Strength> {
        self.strength_with(a, b, as_of, false)
    }

    pub(crate) fn strength_with(
        &self,
        a: &str,
        b: &str,
        as_of: DateTime<Utc>,
        with_peak: bool,
    ) -> Result<Strength> {
        let (x, y) = (self.g.id(a)?, self.g.id(b)?);
        if x == y {
            return Err(Error::SelfInteraction { key: a.to_string() });
        }
        let t = secs(as_of);
        Ok(match self.g.tie_id(x, y) {
            Some(id) => self.score(id, t, x, with_peak, None),
            None => self.no_tie(),
        })
    }

    /// The highest strength of the pair at the times of its meaningful
    /// interactions (each as its own date) and at `as_of`, with the first
    /// time it was reached; `None` when the pair has no tie.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", day(1, 5), "in_person"))?;
    /// let (peak, at) = g.peak("ana", "lee", day(6, 1))?.unwrap();
    /// assert_eq!(at, day(1, 5));
    /// assert_eq!(peak, g.strength("ana", "lee", day(1, 5))?.value);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn peak(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Option<(f64, DateTime<Utc>)>> {
        let (x, y) = (self.g.id(a)?, self.g.id(b)?);
        let t = secs(as_of);
        Ok(self.g.tie_id(x, y).map(|id| {
            let now = self.value_at(id, t);
            let (v, at) = self.peak_at(id, t, now);
            (v, time(at))
        }))
    }

    pub(crate) fn no_tie(&self) -> Strength {
        let ev = self.ctx.evaluate(&empty_tie(), 0, 0.0);
        Strength::from_eval(&ev, self.ctx.model.structural, &self.ctx.w, self.ctx.w_sum, false)
    }

    /// Scores one tie at `t`, effort ordered with `first` first.
    pub(crate) fn score(
        &self,
        id: TieId,
        t: i64,
        first: PersonId,
        with_peak: bool,
        s_now: Option<f64>,
    ) -> Strength {
        let tie = self.g.tie_data(id);
        // with S off, the strength the cooling rule compares comes from
        // the same pass over the log (Graph.ties at W1's 10M: two passes
        // and a binary search for the earlier date were a third of it)
        let (ev, before) = if self.ctx.model.structural {
            let s_now = s_now.unwrap_or_else(|| self.structural_at(id, t));
            (self.ctx.evaluate(tie, t, s_now), None)
        } else {
            let (ev, before) = self.ctx.evaluate_and_value_at(tie, t, self.cooling_back(t));
            (ev, Some(before))
        };
        let mut out = Strength::from_eval(
            &ev,
            self.ctx.model.structural,
            &self.ctx.w,
            self.ctx.w_sum,
            tie.a != first,
        );
        let mut peak = with_peak.then(|| self.peak_value(id, t, ev.value));
        out.state = self.state(id, t, &ev, first, &mut peak, before);
        out.peak = peak;
        out
    }

    /// The strength value at `t`, structural overlap at `t` included.
    pub(crate) fn value_at(&self, id: TieId, t: i64) -> f64 {
        self.ctx
            .evaluate(self.g.tie_data(id), t, self.structural_at(id, t))
            .value
    }

    /// The strength values of many ties at `t`, in parallel: no state, no
    /// peak, the structural overlap computed once for all.
    pub(crate) fn values(&self, ids: &[TieId], t: i64) -> Vec<f64> {
        self.values_with(ids, t, |_, v| v)
    }

    /// Like [`values`](Self::values), each value passed with its tie's
    /// data through `f`: what a caller needs of the tie is read while the
    /// scoring has it in cache, not in a second pass over the ties.
    pub(crate) fn values_with<R: Send>(
        &self,
        ids: &[TieId],
        t: i64,
        f: impl Fn(&crate::graph::TieData, f64) -> R + Sync,
    ) -> Vec<R> {
        let structural = self.ctx.model.structural.then(|| self.structural_all(t));
        // in pieces small enough for a core that is done to take over: a
        // tie's cost is its log's length, and one tie can hold a third of
        // the records (W1 at 10M); rayon's default pieces left the core
        // that drew the long log with 45 ms more work than the other
        ids.par_iter()
            .with_max_len(SCORE_PIECE)
            .enumerate()
            .map(|(i, &id)| {
                // a log is an allocation of its own or a range of its
                // shard's block, anywhere: ask for a later tie's records
                // while this one is scored
                if let Some(&ahead) = ids.get(i + AHEAD) {
                    if let Some(first) = self.g.tie_data(ahead).log.first() {
                        crate::flat::prefetch(first);
                    }
                }
                let s = structural.as_ref().map_or(0.0, |s| s.overlap(self.g, id));
                let tie = self.g.tie_data(id);
                f(tie, self.ctx.evaluate(tie, t, s).value)
            })
            .collect()
    }

    /// The highest strength at the times of the tie's meaningful
    /// interactions (each as its own date) and at `t`, with the first time
    /// it was reached.
    pub(crate) fn peak_at(&self, id: TieId, t: i64, now: f64) -> (f64, i64) {
        let tie = self.g.tie_data(id);
        let before = if self.ctx.model.structural {
            // the overlap at each time depends on the neighbours: evaluate directly
            let mut best: Option<(f64, i64)> = None;
            let mut prev = i64::MIN;
            for r in self.ctx.slice(&tie.log, t) {
                if self.ctx.counts_meaningful(r) && r.t() != prev {
                    prev = r.t();
                    let v = self.value_at(id, r.t());
                    if best.is_none_or(|(b, _)| v > b) {
                        best = Some((v, r.t()));
                    }
                }
            }
            best
        } else {
            self.ctx.peak(tie, t)
        };
        match before {
            Some((v, at)) if v >= now => (v, at),
            _ => (now, t),
        }
    }

    pub(crate) fn peak_value(&self, id: TieId, t: i64, now: f64) -> f64 {
        self.peak_at(id, t, now).0
    }

    /// The date the cooling rule compares `t` with.
    fn cooling_back(&self, t: i64) -> i64 {
        t.saturating_sub((self.ctx.model.cooling_lookback_days * DAY).round() as i64)
    }

    /// The model's ordered state rules; `before` is the strength at
    /// [`cooling_back`](Self::cooling_back) when the caller has it.
    fn state(
        &self,
        id: TieId,
        t: i64,
        ev: &Eval,
        first: PersonId,
        peak: &mut Option<f64>,
        before: Option<f64>,
    ) -> State {
        let m = &self.ctx.model;
        if ev.acc.two_way() {
            if ev.f[R] < m.dormant_recency {
                let p = *peak.get_or_insert_with(|| self.peak_value(id, t, ev.value));
                if p - ev.value > m.dormant_drop {
                    return State::Dormant;
                }
            }
            let before = before.unwrap_or_else(|| self.value_at(id, self.cooling_back(t)));
            if ev.value < before - m.cooling_drop {
                return State::Cooling;
            }
            return State::Active;
        }
        // side 0 of the accumulator is the tie's `a`; `swap` when the query asked for `b` first
        let swap = self.g.tie_data(id).a != first;
        let side = |s0: bool| if s0 != swap { Side::A } else { Side::B };
        match (ev.acc.meaningful(0), ev.acc.meaningful(1)) {
            (true, false) => State::OneSided { from: side(true) },
            (false, true) => State::OneSided { from: side(false) },
            _ if ev.acc.any => State::Passive,
            _ if ev.f[super::eval::K] > 0.0 => State::Connected,
            _ => State::None,
        }
    }

    /// Onnela's overlap of a two-way pair on the graph of two-way ties at
    /// `t`; 0 when the model has S off or the pair is not two-way.
    pub(crate) fn structural_at(&self, id: TieId, t: i64) -> f64 {
        if !self.ctx.model.structural {
            return 0.0;
        }
        let tie = self.g.tie_data(id);
        if !self.ctx.two_way(&tie.log, t) {
            return 0.0;
        }
        let neighbours = |p: PersonId| {
            let mut v: Vec<PersonId> = self
                .g
                .tie_ids_of(p)
                .into_iter()
                .filter(|&e| self.ctx.two_way(&self.g.tie_data(e).log, t))
                .map(|e| self.g.other(e, p))
                .collect();
            v.sort_unstable();
            v
        };
        overlap(&neighbours(tie.a), &neighbours(tie.b))
    }

    /// Every tie (or one person's) with its strength, in key order.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, TieFilter};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", day(2), "in_person"))?;
    /// g.add_interaction(Interaction::new("bo", "lee", day(3), "reaction"))?;
    /// let all = g.ties(day(10))?;
    /// assert_eq!(all.len(), 2);
    /// assert_eq!((all[0].a.key.as_str(), all[0].b.key.as_str()), ("ana", "lee"));
    /// let lee = g.ties_with(day(10), &TieFilter { person: Some("lee".into()), min_strength: 0.1, ..Default::default() })?;
    /// assert_eq!(lee.len(), 1);
    /// assert_eq!(lee[0].b.key, "ana");
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn ties(&self, as_of: DateTime<Utc>) -> Result<Vec<TieScore<'g>>> {
        self.ties_with(as_of, &TieFilter::default())
    }

    /// [`ties`](Self::ties) with a filter.
    pub fn ties_with(&self, as_of: DateTime<Utc>, filter: &TieFilter) -> Result<Vec<TieScore<'g>>> {
        let t = secs(as_of);
        let g = self.g;
        let pairs = self.tie_scope(filter.person.as_deref())?;
        let structural = self.ctx.model.structural.then(|| self.structural_all(t));
        // every tie scored into its place, then the weak ones dropped in
        // place: a list of `Option`s flattened into a second list held
        // both at once (136 MB each at W1's 10M rows: 654,484 ties of 208 bytes)
        let mut scores: Vec<TieScore<'g>> = pairs
            .par_iter()
            .with_max_len(SCORE_PIECE)
            .enumerate()
            .map(|(i, &(id, first))| {
                self.prefetch_scope(&pairs, i);
                let s_now = structural.as_ref().map(|s| s.overlap(g, id));
                TieScore {
                    a: g.person_at(first),
                    b: g.person_at(g.other(id, first)),
                    strength: self.score(id, t, first, filter.with_peak, s_now.or(Some(0.0))),
                }
            })
            .collect();
        scores.retain(|s| s.strength.value >= filter.min_strength);
        Ok(scores)
    }

    /// The ties of one person (each with that person first, by the other's
    /// key) or every tie (by the keys of its two people, `a` first): the
    /// order of [`ties_with`](Self::ties_with) and the exports.
    pub(crate) fn tie_scope(&self, person: Option<&str>) -> Result<Vec<(TieId, PersonId)>> {
        let g = self.g;
        Ok(match person {
            Some(key) => {
                let p = g.id(key)?;
                let mut ids = g.tie_ids_of(p);
                ids.sort_unstable_by(|&x, &y| g.key(g.other(x, p)).cmp(g.key(g.other(y, p))));
                ids.into_iter().map(|id| (id, p)).collect()
            }
            None => g
                .sorted_tie_ids()
                .into_iter()
                .map(|id| (id, g.tie_data(id).a))
                .collect(),
        })
    }

    /// Asks for what scoring reads of the ties after the `i`th of a
    /// scope: scopes come in key order, the ties' data and people in the
    /// order they were made, so each tie was three or four cache misses in
    /// a row (its slot, its log, both people), a third of `Graph.ties` at
    /// 10M. The slot of the tie 2 × [`AHEAD`] on, then the log and people
    /// of the one [`AHEAD`] on, whose slot has come by then.
    #[inline]
    pub(crate) fn prefetch_scope(&self, scope: &[(TieId, PersonId)], i: usize) {
        let g = self.g;
        if let Some(&(far, _)) = scope.get(i + 2 * AHEAD) {
            crate::flat::prefetch(&g.ties[far.0 as usize]);
        }
        if let Some(&(ahead, _)) = scope.get(i + AHEAD) {
            let tie = g.tie_data(ahead);
            if let Some(first) = tie.log.first() {
                crate::flat::prefetch(first);
            }
            crate::flat::prefetch(&g.people[tie.a.index()]);
            crate::flat::prefetch(&g.people[tie.b.index()]);
        }
    }

    /// Each person's two-way neighbours at `t`, for the structural overlap of every tie.
    fn structural_all(&self, t: i64) -> TwoWayNeighbours {
        let g = self.g;
        let ids: Vec<TieId> = g.pairs.values().collect();
        let two_way: Vec<bool> = ids
            .par_iter()
            .map(|&id| self.ctx.two_way(&g.tie_data(id).log, t))
            .collect();
        let mut nbrs: Vec<Vec<PersonId>> = vec![Vec::new(); g.people.len()];
        for (&id, _) in ids.iter().zip(&two_way).filter(|(_, w)| **w) {
            let tie = g.tie_data(id);
            nbrs[tie.a.index()].push(tie.b);
            nbrs[tie.b.index()].push(tie.a);
        }
        nbrs.par_iter_mut().for_each(|v| v.sort_unstable());
        TwoWayNeighbours { nbrs }
    }

    /// The strength between `a` and `b` at each of `start`, `start + step`,
    /// ... up to `end` included.
    ///
    /// ```
    /// use chrono::{TimeDelta, TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", day(2), "in_person"))?;
    /// let series = g.timeline("ana", "lee", day(1), day(5), TimeDelta::days(2))?;
    /// assert_eq!(series.len(), 3);
    /// assert_eq!(series[0], (day(1), 0.0));
    /// assert!(series[1].1 > 0.4);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn timeline(
        &self,
        a: &str,
        b: &str,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        step: TimeDelta,
    ) -> Result<Vec<(DateTime<Utc>, f64)>> {
        let (x, y) = (self.g.id(a)?, self.g.id(b)?);
        let step_s = step.num_seconds();
        if step_s <= 0 {
            return Err(Error::InvalidArgument {
                argument: "step".into(),
                reason: format!("must be at least one second, got {step}"),
            });
        }
        if end < start {
            return Err(Error::InvalidArgument {
                argument: "end".into(),
                reason: format!("{end} is before start {start}"),
            });
        }
        let n = (secs(end) - secs(start)) / step_s + 1;
        if n > 10_000_000 {
            return Err(Error::InvalidArgument {
                argument: "step".into(),
                reason: format!("{n} points is too many; use a larger step"),
            });
        }
        let id = self.g.tie_id(x, y);
        let times: Vec<i64> = (0..n).map(|i| secs(start) + i * step_s).collect();
        Ok(times
            .par_iter()
            .map(|&t| (time(t), id.map_or(0.0, |id| self.value_at(id, t))))
            .collect())
    }
}

/// Two-way neighbours of every person at one date, sorted.
struct TwoWayNeighbours {
    nbrs: Vec<Vec<PersonId>>,
}

impl TwoWayNeighbours {
    fn overlap(&self, g: &RelationshipGraph, id: TieId) -> f64 {
        let tie = g.tie_data(id);
        let (na, nb) = (&self.nbrs[tie.a.index()], &self.nbrs[tie.b.index()]);
        if na.binary_search(&tie.b).is_err() {
            return 0.0;
        }
        overlap(na, nb)
    }
}

/// n_ab / ((k_a − 1) + (k_b − 1) − n_ab) for two sorted neighbour lists
/// (each containing the other end); 0 when the denominator is 0.
fn overlap(na: &[PersonId], nb: &[PersonId]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < na.len() && j < nb.len() {
        match na[i].cmp(&nb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let den = (na.len() as f64 - 1.0) + (nb.len() as f64 - 1.0) - common as f64;
    if den > 0.0 { common as f64 / den } else { 0.0 }
}

fn empty_tie() -> crate::graph::TieData {
    crate::graph::TieData::new(
        PersonId(0),
        PersonId(1),
        petgraph::stable_graph::EdgeIndex::new(0),
    )
}
