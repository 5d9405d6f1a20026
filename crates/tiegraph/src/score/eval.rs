//! One pass over one tie's log: the features of the model at a time T.

use std::sync::LazyLock;

use crate::graph::{ConnRecord, NO_DURATION, Record, TieData};
use crate::model::{Channel, ChannelClass, ConnectionKind};

use super::model::ScoringModel;

pub(crate) const DAY: f64 = 86_400.0;
const WEEK: i64 = 7 * 86_400;
/// No time yet.
const NONE: i64 = i64::MIN;

/// Feature indices in `Eval::f`.
pub(crate) const R: usize = 0;
pub(crate) const I: usize = 1;
pub(crate) const D: usize = 2;
pub(crate) const F: usize = 3;
pub(crate) const B: usize = 4;
pub(crate) const M: usize = 5;
pub(crate) const K: usize = 6;
pub(crate) const S: usize = 7;

/// Classes that count for multiplexity.
const MULTIPLEX: u8 = (1 << ChannelClass::Offline as u8)
    | (1 << ChannelClass::Synchronous as u8)
    | (1 << ChannelClass::PrivateWritten as u8)
    | (1 << ChannelClass::PublicDirected as u8);

/// What scoring needs of a channel, precomputed.
#[derive(Debug, Clone, Copy)]
struct Chan {
    weight: f64,
    /// Typical duration in seconds; 0 when the channel has none.
    typical: f64,
    class_bit: u8,
    mutual: bool,
    /// Offline or synchronous: lifts the online-only cap.
    lifts_cap: bool,
    /// Kept by the view.
    keep: bool,
}

/// The model's constants in the units of the store (seconds), the channel
/// table, and the view's filter: everything one evaluation reads.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub model: ScoringModel,
    chans: Vec<Chan>,
    /// Records with `start <= t < end` are kept.
    pub start: i64,
    pub end: i64,
    h_r: f64,
    h_i: f64,
    tau: f64,
    window: f64,
    weeks: i64,
    ln_weeks: f64,
    pub w: [f64; 8],
    pub w_sum: f64,
}

/// The per-side sums of one pass.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Acc {
    /// Latest meaningful time per side.
    pub last: [i64; 2],
    /// Earliest meaningful time per side.
    pub first: [i64; 2],
    /// Decayed intensity S_x.
    pub s: [f64; 2],
    /// Weight within the window, X_x.
    pub x: [f64; 2],
    /// Distinct recent weeks with meaningful contact.
    pub weeks: [u32; 2],
    last_week: [i64; 2],
    /// Classes with a meaningful interaction in the window.
    pub classes: u8,
    /// A meaningful offline or synchronous interaction, ever.
    pub met: bool,
    /// Any interaction at all.
    pub any: bool,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            last: [NONE; 2],
            first: [NONE; 2],
            s: [0.0; 2],
            x: [0.0; 2],
            weeks: [0; 2],
            last_week: [-1; 2],
            classes: 0,
            met: false,
            any: false,
        }
    }

    pub(crate) fn meaningful(&self, side: usize) -> bool {
        self.last[side] != NONE
    }

    pub(crate) fn two_way(&self) -> bool {
        self.meaningful(0) && self.meaningful(1)
    }
}

/// The features and strength of one tie at one time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Eval {
    pub acc: Acc,
    /// R, I, D, F, B, M, K, S (S is 0 when the model has it off).
    pub f: [f64; 8],
    pub value: f64,
    pub online_only: bool,
    pub capped: bool,
}

impl Ctx {
    pub(crate) fn new(
        model: ScoringModel,
        channels: &[Channel],
        keep: impl Fn(usize, &Channel) -> bool,
    ) -> Ctx {
        let chans = channels
            .iter()
            .enumerate()
            .map(|(i, c)| Chan {
                weight: c.weight,
                typical: c.typical_duration.unwrap_or(0.0),
                class_bit: c.class.bit(),
                mutual: c.mutual,
                lifts_cap: matches!(c.class, ChannelClass::Offline | ChannelClass::Synchronous),
                keep: keep(i, c),
            })
            .collect();
        let mut w = model.weights.to_array();
        if !model.structural {
            w[S] = 0.0;
        }
        let weeks = i64::from(model.regularity_weeks);
        Ctx {
            chans,
            start: i64::MIN,
            end: i64::MAX,
            h_r: model.recency_half_life_days * DAY,
            h_i: model.intensity_half_life_days * DAY,
            tau: model.duration_scale_days * DAY,
            window: model.window_days * DAY,
            weeks,
            ln_weeks: (1.0 + weeks as f64).ln(),
            w_sum: model.weight_sum(),
            w,
            model,
        }
    }

    /// The records of a log that the view keeps and that happened at or before `t`.
    pub(crate) fn slice<'l>(&self, log: &'l [Record], t: i64) -> &'l [Record] {
        let hi = t.min(self.end.saturating_sub(1));
        let (Some(first), Some(last)) = (log.first(), log.last()) else {
            return log;
        };
        // most logs lie wholly inside, and most of the rest start inside
        // (every log when the view has no start, as at an earlier date):
        // a read, not a binary search whose every probe is a cache miss
        // on a log not read yet
        let lo = if first.t() >= self.start {
            0
        } else {
            log.partition_point(|r| r.t() < self.start)
        };
        let hi = if last.t() <= hi {
            log.len()
        } else {
            log.partition_point(|r| r.t() <= hi)
        };
        if lo >= hi { &[] } else { &log[lo..hi] }
    }

    /// Effective weight W = w_c × m × g of a record, and whether the view keeps it.
    #[inline]
    pub(crate) fn weight(&self, r: &Record) -> (f64, bool) {
        let c = &self.chans[r.ch() as usize];
        let g = if c.typical > 0.0 && r.dur != NO_DURATION {
            (f64::from(r.dur) / c.typical)
                .sqrt()
                .clamp(self.model.duration_gain_min, self.model.duration_gain_max)
        } else {
            1.0
        };
        (c.weight * r.mult * g, c.keep)
    }

    /// Whether the view keeps channel `i`.
    pub(crate) fn keeps(&self, i: usize) -> bool {
        self.chans[i].keep
    }

    pub(crate) fn is_mutual(&self, r: &Record) -> bool {
        self.chans[r.ch() as usize].mutual
    }

    pub(crate) fn lifts_cap(&self, r: &Record) -> bool {
        self.chans[r.ch() as usize].lifts_cap
    }

    pub(crate) fn meaningful(&self, w: f64) -> bool {
        w >= self.model.meaningful_threshold
    }

    /// Whether the view keeps this record and it is meaningful.
    pub(crate) fn counts_meaningful(&self, r: &Record) -> bool {
        let (w, keep) = self.weight(r);
        keep && self.meaningful(w)
    }

    /// The one pass: per-side sums over the records at or before `t`.
    pub(crate) fn accumulate(&self, log: &[Record], t: i64) -> Acc {
        let mut acc = Acc::new();
        for r in self.slice(log, t) {
            let c = &self.chans[r.ch() as usize];
            if !c.keep {
                continue;
            }
            let (w, _) = self.weight(r);
            self.add(&mut acc, r, c, w, t);
        }
        acc
    }

    /// [`accumulate`](Self::accumulate) at `t` and at `back <= t` in one
    /// pass: the records at or before `back` are the first of those at or
    /// before `t`, and each is added to both sums as each pass would add
    /// it, so both are the same numbers as two passes.
    fn accumulate_two(&self, log: &[Record], t: i64, back: i64) -> (Acc, Acc) {
        debug_assert!(back <= t);
        let (mut now, mut before) = (Acc::new(), Acc::new());
        for r in self.slice(log, t) {
            let c = &self.chans[r.ch() as usize];
            if !c.keep {
                continue;
            }
            let (w, _) = self.weight(r);
            self.add(&mut now, r, c, w, t);
            if r.t() <= back {
                self.add(&mut before, r, c, w, back);
            }
        }
        (now, before)
    }

    /// Adds one kept record of effective weight `w` to the sums at `t`.
    #[inline(always)]
    fn add(&self, acc: &mut Acc, r: &Record, c: &Chan, w: f64, t: i64) {
        let age = t - r.t();
        let delta = age as f64;
        let meaningful = w >= self.model.meaningful_threshold;
        let in_window = delta < self.window;
        let decayed = w * (-delta / self.h_i).exp2();
        let week = age / WEEK;
        acc.any = true;
        // the initiator's side, and the other's too on a mutual
        // channel: each side's sums are its own, so the order of the
        // two does not matter
        let mut add = |x: usize| {
            acc.s[x] += decayed;
            if in_window {
                acc.x[x] += w;
            }
            if meaningful {
                acc.last[x] = r.t();
                if acc.first[x] == NONE {
                    acc.first[x] = r.t();
                }
                if week < self.weeks && week != acc.last_week[x] {
                    acc.weeks[x] += 1;
                    acc.last_week[x] = week;
                }
            }
        };
        let side = usize::from(r.side());
        add(side);
        if c.mutual {
            add(1 - side);
        }
        if meaningful {
            if in_window {
                acc.classes |= c.class_bit & MULTIPLEX;
            }
            acc.met |= c.lifts_cap;
        }
    }

    /// Whether the pair has two-way contact at `t` (cheaper than a full pass).
    pub(crate) fn two_way(&self, log: &[Record], t: i64) -> bool {
        let mut seen = [false; 2];
        for r in self.slice(log, t).iter().rev() {
            if self.counts_meaningful(r) {
                if self.is_mutual(r) {
                    return true;
                }
                seen[r.side() as usize] = true;
                if seen[0] && seen[1] {
                    return true;
                }
            }
        }
        false
    }

    /// K: 1 for a mutual link or follows both ways, 0.5 for a one-way
    /// follow, counting links whose `since` is at or before `t`.
    pub(crate) fn connection(conns: &[ConnRecord], t: i64) -> f64 {
        let mut follows = [false; 2];
        for c in conns.iter().filter(|c| c.since.is_none_or(|s| s <= t)) {
            match c.kind {
                ConnectionKind::Mutual => return 1.0,
                ConnectionKind::Follows => follows[c.side as usize] = true,
            }
        }
        match follows {
            [true, true] => 1.0,
            [false, false] => 0.0,
            _ => 0.5,
        }
    }

    /// Features and strength of a tie at `t`, given its structural overlap
    /// (ignored when the model has S off).
    pub(crate) fn evaluate(&self, tie: &TieData, t: i64, structural: f64) -> Eval {
        self.combine(self.accumulate(&tie.log, t), &tie.conns, t, structural)
    }

    /// [`evaluate`](Self::evaluate) at `t`, with the strength at
    /// `back <= t` from the same pass over the log: what the state's
    /// cooling rule compares. The model must have S off.
    pub(crate) fn evaluate_and_value_at(&self, tie: &TieData, t: i64, back: i64) -> (Eval, f64) {
        debug_assert!(!self.model.structural);
        let (now, before) = self.accumulate_two(&tie.log, t, back);
        (
            self.combine(now, &tie.conns, t, 0.0),
            self.combine(before, &tie.conns, back, 0.0).value,
        )
    }

    /// The features and strength at `t` from the per-side sums.
    fn combine(&self, acc: Acc, conns: &[ConnRecord], t: i64, structural: f64) -> Eval {
        let mut f = [0.0; 8];
        let two_way = acc.two_way();
        if two_way {
            let last = acc.last[0].min(acc.last[1]);
            f[R] = (-((t - last) as f64) / self.h_r).exp2();
            let first = acc.first[0].max(acc.first[1]);
            f[D] = 1.0 - (-((t - first) as f64) / self.tau).exp();
            if self.model.structural {
                f[S] = structural;
            }
        }
        f[I] = one_minus_exp(-(acc.s[0] * acc.s[1]).sqrt() / self.model.intensity_scale);
        f[F] = ln_1p_weeks(acc.weeks[0].min(acc.weeks[1])) / self.ln_weeks;
        f[B] = (2.0 * acc.x[0].min(acc.x[1]) + 1.0) / (acc.x[0] + acc.x[1] + 2.0);
        f[M] = f64::from(acc.classes.count_ones()) / 4.0;
        f[K] = Ctx::connection(conns, t);
        let raw = if two_way {
            self.w.iter().zip(&f).map(|(w, x)| w * x).sum::<f64>() / self.w_sum
        } else {
            self.w[K] * f[K] / self.w_sum
        };
        let online_only = two_way && !acc.met;
        let value = if online_only {
            raw.min(self.model.online_only_cap)
        } else {
            raw
        };
        Eval {
            acc,
            f,
            value,
            online_only,
            capped: value < raw,
        }
    }
}

/// 1 − e^x, with x raised to −40 below it, where 1 − e^x is already
/// exactly 1 (e^−40 is under half an ulp of 1). Far enough out the C
/// library's e^x takes its underflow path (which also sets `errno`):
/// 6% of `peak` on W1's heaviest tie, whose intensity is that far out
/// at every instant. A branch around the call would not do: the
/// compiler calls it anyway and selects the result.
fn one_minus_exp(x: f64) -> f64 {
    // a comparison, not `max`, so that NaN stays NaN
    let x = if x < -40.0 { -40.0 } else { x };
    1.0 - x.exp()
}

/// ln(1 + k) for a count of weeks, from a table for the counts of the
/// usual windows: the logarithm was 9% of `peak` on W1's heaviest tie,
/// which counts at every instant. The table holds the same values.
fn ln_1p_weeks(k: u32) -> f64 {
    static TABLE: LazyLock<[f64; 256]> = LazyLock::new(|| std::array::from_fn(|k| (k as f64).ln_1p()));
    TABLE
        .get(k as usize)
        .copied()
        .unwrap_or_else(|| f64::from(k).ln_1p())
}

/// One side's history during a sweep.
#[derive(Default)]
struct SideSweep {
    /// Meaningful times so far, ascending.
    meaningful: Vec<i64>,
    /// (time, W) of every record counted for this side, ascending.
    window: Vec<(i64, f64)>,
    /// First entry of `window` still inside the reciprocity window.
    lo: usize,
    /// Σ W of `window[lo..]`.
    sum: f64,
    /// The distinct recent weeks of `meaningful`, kept as the sweep goes.
    weeks: WeekEdges,
}

/// The distinct recent weeks of one side's meaningful times during a
/// sweep: for each week k back from the sweep's time, the first time past
/// the week's older edge. The sweep's time only moves forward, and so
/// does each edge: a sweep moves each place at most once past each time.
/// A binary search for each nonempty week's edge at each instant, which
/// [`sparse_weeks`] still does while the times are fewer than the weeks,
/// had put 80% of `peak`'s samples on one tie of 160,000 records (W1 at
/// 1M: 0.75 s).
///
/// A count also holds until the first instant it could change
/// ([`Held`]), and is not counted again before it: on a tie with many
/// times a week, a week's places move once a week instead of once an
/// instant.
struct WeekEdges {
    at: Vec<usize>,
    held: Option<Held>,
    /// Meaningful times a week in the window, on average, from which a
    /// count is held: [`HOLD_DENSITY`] but in tests.
    hold_density: usize,
}

impl Default for WeekEdges {
    fn default() -> WeekEdges {
        WeekEdges {
            at: Vec::new(),
            held: None,
            hold_density: HOLD_DENSITY,
        }
    }
}

/// The last count from the places, and until when it holds.
///
/// A nonempty week stays nonempty until its newest time leaves it by the
/// older edge; an empty week stays empty until the first time newer than
/// it enters by the newer edge, and a week further back than the oldest
/// time until the oldest time reaches it. Times appended later are no
/// earlier than the count's instant, so they enter at week 0: they
/// change nothing while week 0 holds a time (which then enters every
/// older empty week before they do), and call for a count when it was
/// empty.
#[derive(Clone, Copy)]
struct Held {
    /// The first instant at which some week may change.
    until: i64,
    /// The number of times counted.
    len: usize,
    weeks: i64,
    week0_empty: bool,
    count: u32,
}

impl WeekEdges {
    /// Distinct k = ⌊(now − u) / week⌋ < `weeks` over the ascending times
    /// `u <= now`, with `now` no earlier than at the last call and `times`
    /// only grown since, by times no earlier than the last call's `now`.
    fn count(&mut self, times: &[i64], now: i64, weeks: i64) -> u32 {
        let Some(&oldest) = times.first() else {
            return 0;
        };
        if let Some(h) = self.held
            && now < h.until
            && h.weeks == weeks
            && (times.len() == h.len || !h.week0_empty)
        {
            return h.count;
        }
        // weeks further back than the oldest time are empty
        let span = ((now - oldest) / WEEK + 1).min(weeks);
        if span > times.len() as i64 {
            // more weeks than times: jump from time to time instead, and
            // hold no place for weeks that cannot all be filled (a window
            // of 10^9 weeks over times that far apart would not fit in
            // memory); the places left behind catch up when next used
            return sparse_weeks(times, now, weeks);
        }
        // when the oldest time reaches the first week past the span
        let reach = if span < weeks {
            oldest.saturating_add(span.max(0) * WEEK)
        } else {
            i64::MAX
        };
        let span = span.max(0) as usize;
        if self.at.len() < span {
            self.at.resize(span, 0);
        }
        let mut count = 0;
        for (k, at) in self.at[..span].iter_mut().enumerate() {
            // week k holds the times in (now - (k + 1) week, now - k week]
            let newer = now - k as i64 * WEEK;
            let older = newer - WEEK;
            *at = past(times, *at, older);
            count += u32::from(*at < times.len() && times[*at] <= newer);
        }
        // Held only where the times are dense enough for a count to
        // outlast a few instants: finding until when costs another pass
        // over the weeks, which a tie of one or two times a week (100
        // interactions: 8% of its `peak`) would pay at every instant.
        let places = &self.at[..span];
        let recent = places.last().map_or(0, |&at| times.len() - at);
        self.held = (recent >= self.hold_density * span).then(|| Held {
            until: reach.min(holds_until(times, places, now)),
            len: times.len(),
            weeks,
            week0_empty: places.first().is_none_or(|&at| at == times.len()),
            count,
        });
        count
    }
}

/// The first index from `at` on whose time is past `edge`, in ascending
/// `times`: galloping, as a held count ([`Held`]) may leave a place a
/// week of times behind (30,000 on W1's heaviest tie), and a step at a
/// time had put 60% of that tie's `peak` on walking them.
fn past(times: &[i64], at: usize, edge: i64) -> usize {
    if times.get(at).is_none_or(|&u| u > edge) {
        return at;
    }
    // times[lo] <= edge, and times from `lo + step` on may be past it
    let (mut lo, mut step) = (at, 1);
    while lo + step < times.len() && times[lo + step] <= edge {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(times.len());
    lo + 1 + times[lo + 1..hi].partition_point(|&u| u <= edge)
}

/// Meaningful times a week in the window, on average, from which a count
/// is held ([`Held`]).
const HOLD_DENSITY: usize = 4;

/// The first instant after `now` at which one of the weeks whose places
/// are `places` (exact at `now`) may gain or lose its last time.
fn holds_until(times: &[i64], places: &[usize], now: i64) -> i64 {
    let mut until = i64::MAX;
    // the first time past week k's newer edge: none past `now`
    let mut past_newer = times.len();
    for (k, &at) in places.iter().enumerate() {
        let k = k as i64;
        let leaves = if at < past_newer {
            // the newest time of the week leaves by its older edge
            times[past_newer - 1].saturating_add((k + 1) * WEEK)
        } else if past_newer < times.len() {
            // the next newer time enters by its newer edge
            times[past_newer].saturating_add(k * WEEK)
        } else {
            i64::MAX
        };
        until = until.min(leaves);
        past_newer = at;
    }
    debug_assert!(until > now);
    until
}

/// [`WeekEdges::count`] by jumping from each nonempty week to the next
/// older one: a binary search a week, for times too sparse to keep a place
/// for every week.
fn sparse_weeks(times: &[i64], now: i64, weeks: i64) -> u32 {
    let mut hi = times.len();
    let mut count = 0;
    while hi > 0 {
        let k = (now - times[hi - 1]) / WEEK;
        if k >= weeks {
            break;
        }
        count += 1;
        // gallop back to the first time of an older week: usually one or two steps
        let edge = now - (k + 1) * WEEK;
        let mut step = 1;
        let mut lo = hi.saturating_sub(1);
        while lo > 0 && times[lo] > edge {
            lo = lo.saturating_sub(step);
            step *= 2;
        }
        hi = lo + times[lo..hi].partition_point(|&u| u <= edge);
    }
    count
}

impl Ctx {
    /// The highest strength at the distinct times of the tie's meaningful
    /// interactions at or before `t` (each as its own date), and the first
    /// time it is reached; `None` when there is no meaningful interaction.
    ///
    /// One forward sweep instead of one pass per time: decayed intensity is
    /// carried forward, the reciprocity window slides, and distinct recent
    /// weeks are counted with one place a week that only moves forward
    /// ([`WeekEdges`]; by binary searches while the times are fewer than
    /// the weeks), so a tie of n interactions over w weeks costs
    /// O(n · min(A, w)) rather than O(n²).
    /// The structural overlap is not part of it (callers with S on use
    /// direct evaluation).
    pub(crate) fn peak(&self, tie: &TieData, t: i64) -> Option<(f64, i64)> {
        let recs = self.slice(&tie.log, t);
        let mut sides = [SideSweep::default(), SideSweep::default()];
        let mut acc = Acc::new();
        let mut class_last = [i64::MIN; 6];
        let mut s_at = i64::MIN;
        let mut best: Option<(f64, i64)> = None;
        let mut i = 0;
        while i < recs.len() {
            // all records at this instant
            let now = recs[i].t();
            let mut j = i;
            let mut any_meaningful = false;
            if s_at != i64::MIN {
                let decay = (-((now - s_at) as f64) / self.h_i).exp2();
                acc.s[0] *= decay;
                acc.s[1] *= decay;
            }
            s_at = now;
            while j < recs.len() && recs[j].t() == now {
                let r = &recs[j];
                j += 1;
                let c = &self.chans[r.ch() as usize];
                if !c.keep {
                    continue;
                }
                let (w, _) = self.weight(r);
                let meaningful = w >= self.model.meaningful_threshold;
                acc.any = true;
                let (lo, hi) = if c.mutual {
                    (0, 2)
                } else {
                    (r.side() as usize, r.side() as usize + 1)
                };
                for (x, side) in sides.iter_mut().enumerate().take(hi).skip(lo) {
                    acc.s[x] += w;
                    side.window.push((now, w));
                    side.sum += w;
                    if meaningful {
                        if acc.first[x] == NONE {
                            acc.first[x] = now;
                        }
                        acc.last[x] = now;
                        if side.meaningful.last() != Some(&now) {
                            side.meaningful.push(now);
                        }
                    }
                }
                if meaningful {
                    any_meaningful = true;
                    class_last[c.class_bit.trailing_zeros() as usize] = now;
                    acc.met |= c.lifts_cap;
                }
            }
            i = j;
            if !any_meaningful {
                continue;
            }
            // the window sums and distinct weeks at `now`
            for (x, side) in sides.iter_mut().enumerate() {
                while side.lo < side.window.len() && ((now - side.window[side.lo].0) as f64) >= self.window {
                    side.sum -= side.window[side.lo].1;
                    side.lo += 1;
                }
                // a sliding sum drifts by a few ulps; an empty window is exactly 0
                acc.x[x] = if side.lo == side.window.len() {
                    0.0
                } else {
                    side.sum.max(0.0)
                };
                acc.weeks[x] = side.weeks.count(&side.meaningful, now, self.weeks);
            }
            acc.classes = 0;
            for (k, &last) in class_last.iter().enumerate() {
                if last != i64::MIN && ((now - last) as f64) < self.window {
                    acc.classes |= (1u8 << k) & MULTIPLEX;
                }
            }
            let v = self.combine(acc, &tie.conns, now, 0.0).value;
            if best.is_none_or(|(b, _)| v > b) {
                best = Some((v, now));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Ctx, WEEK, WeekEdges};
    use crate::graph::Record;
    use crate::score::ScoringModel;

    /// Times far apart under a window of u32::MAX weeks: counted without
    /// a place for each of the 14 million weeks between them.
    #[test]
    fn sparse_times_hold_no_place_a_week() {
        let mut edges = WeekEdges::default();
        let times = [-(1i64 << 43), -WEEK, 0];
        assert_eq!(edges.count(&times, 0, i64::from(u32::MAX)), 3);
        assert!(edges.at.is_empty(), "{} places", edges.at.len());
        // a window of two weeks holds the last two only
        assert_eq!(edges.count(&times, 0, 2), 2);
    }

    /// A count held for one window is not another window's.
    #[test]
    fn a_held_count_is_for_its_window() {
        let mut edges = WeekEdges {
            hold_density: 0,
            ..WeekEdges::default()
        };
        let times = [-WEEK, 0];
        assert_eq!(edges.count(&times, 0, 2), 2);
        assert!(edges.held.is_some());
        assert_eq!(edges.count(&times, 0, 1), 1);
    }

    /// The table's logarithms and the library's are the same numbers, and
    /// 1 − e^x is the same number with x raised to the floor.
    #[test]
    fn tabled_logarithms_and_floored_powers_keep_their_bits() {
        for k in (0..300).chain([u32::MAX]) {
            assert_eq!(
                super::ln_1p_weeks(k).to_bits(),
                f64::from(k).ln_1p().to_bits(),
                "{k}"
            );
        }
        for x in [
            -1e300,
            -4510.8,
            -746.0,
            -745.0,
            -40.0,
            -39.0,
            -37.0,
            -1.0,
            0.0,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(
                super::one_minus_exp(x).to_bits(),
                (1.0 - x.exp()).to_bits(),
                "{x}"
            );
        }
        assert!(super::one_minus_exp(-37.0) < 1.0);
        assert!(super::one_minus_exp(f64::NAN).is_nan());
    }

    proptest! {
        /// A log's slice is the records from the view's start to its end
        /// and `t`, whether the log lies inside, starts or ends outside,
        /// or has a record on either bound or a second beside it.
        #[test]
        fn a_slice_is_the_records_inside_the_view_and_before_t(
            mut times in prop::collection::vec(-20i64..20, 0..30),
            start in prop_oneof![Just(i64::MIN), -22i64..22],
            end in prop_oneof![Just(i64::MAX), -22i64..22],
            t in -22i64..22,
        ) {
            times.sort_unstable();
            let log: Vec<Record> = times.iter().map(|&u| Record::new(u, 0, 0, 1.0, 0)).collect();
            let mut ctx = Ctx::new(ScoringModel::default(), &[], |_, _| true);
            (ctx.start, ctx.end) = (start, end);
            let got: Vec<i64> = ctx.slice(&log, t).iter().map(Record::t).collect();
            let want: Vec<i64> = times.iter().copied().filter(|&u| start <= u && u < end && u <= t).collect();
            prop_assert_eq!(got, want);
        }

        /// One pass at two dates gives each date's numbers, bit for bit,
        /// as a pass at each does: every channel (mutual or not, with
        /// durations or not), records on the earlier date and after it,
        /// and a view that starts or ends inside the log.
        #[test]
        fn a_pass_at_two_dates_is_two_passes(
            recs in prop::collection::vec((0i64..400, 0u16..9, 0u8..2, 0.05f64..3.0, prop::option::of(60u32..7200)), 0..40),
            t in 0i64..450,
            lookback in 0i64..450,
            start in prop_oneof![Just(i64::MIN), 0i64..200],
            end in prop_oneof![Just(i64::MAX), 100i64..450],
        ) {
            use crate::graph::{NO_DURATION, TieData};
            use crate::model::PersonId;
            let mut tie = TieData::new(PersonId(0), PersonId(1), petgraph::stable_graph::EdgeIndex::new(0));
            for (day, ch, side, mult, dur) in recs {
                tie.insert(Record::new(day * 86_400, ch, side, mult, dur.unwrap_or(NO_DURATION)));
            }
            let channels = crate::model::Channel::builtin();
            let mut ctx = Ctx::new(ScoringModel::default(), &channels, |i, _| i != 3);
            (ctx.start, ctx.end) = (start.saturating_mul(86_400), end.saturating_mul(86_400));
            let (t, back) = (t * 86_400, (t - lookback) * 86_400);
            let (ev, before) = ctx.evaluate_and_value_at(&tie, t, back);
            let (want, want_before) = (ctx.evaluate(&tie, t, 0.0), ctx.evaluate(&tie, back, 0.0));
            prop_assert_eq!(ev.value.to_bits(), want.value.to_bits());
            prop_assert_eq!(ev.f.map(f64::to_bits), want.f.map(f64::to_bits));
            prop_assert_eq!(format!("{:?}", ev.acc), format!("{:?}", want.acc));
            prop_assert_eq!((ev.online_only, ev.capped), (want.online_only, want.capped));
            prop_assert_eq!(before.to_bits(), want_before.value.to_bits());
        }

        /// Galloping from any place not past the edge finds the first time
        /// past it, as a binary search over all the times does.
        #[test]
        fn a_place_gallops_to_the_first_time_past_the_edge(
            mut times in prop::collection::vec(-50i64..50, 0..200),
            edge in -60i64..60,
            from in 0.0f64..=1.0,
        ) {
            times.sort_unstable();
            let want = times.partition_point(|&u| u <= edge);
            let at = (from * want as f64) as usize;
            prop_assert_eq!(super::past(&times, at, edge), want);
        }

        /// Counted as a sweep goes, the distinct weeks are those of the
        /// definition at every instant: times on a week's edges (and the
        /// sweep at the instants they cross them), weeks with no time,
        /// times denser than the weeks (a place a week) and sparser
        /// (binary searches), and a window of one week, of more
        /// weeks than the times span, or of u32::MAX weeks; whether or not
        /// the instants between were counted (a count held always, from
        /// one time a week, or as `peak` holds it).
        #[test]
        fn weeks_counted_in_a_sweep_are_the_distinct_weeks(
            steps in prop::collection::vec((0i64..3 * WEEK, 0u8..4, any::<bool>(), any::<bool>()), 1..80),
            weeks in prop_oneof![1i64..12, Just(i64::from(u32::MAX))],
            hold_density in prop_oneof![Just(0usize), Just(1), Just(super::HOLD_DENSITY)],
        ) {
            let (mut now, mut times) = (-5 * WEEK, Vec::new());
            let mut edges = WeekEdges { hold_density, ..WeekEdges::default() };
            for (gap, kind, add, look) in steps {
                now += match kind {
                    // whole weeks put `now` on an edge of every earlier time's week
                    0 => gap / WEEK * WEEK,
                    // a few hours: many times a week
                    1 => gap / 100,
                    // to the next instant at which a time crosses a week's edge
                    2 => times
                        .iter()
                        .map(|&u| u + ((now - u) / WEEK + 1) * WEEK - now)
                        .min()
                        .unwrap_or(gap),
                    _ => gap,
                };
                if add {
                    times.push(now);
                }
                if !look {
                    continue;
                }
                let want = times
                    .iter()
                    .map(|&u| (now - u) / WEEK)
                    .filter(|&k| k < weeks)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len() as u32;
                prop_assert_eq!(edges.count(&times, now, weeks), want, "now {} times {:?}", now, times);
            }
        }
    }
}
