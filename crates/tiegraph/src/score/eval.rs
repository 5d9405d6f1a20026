//! One pass over one tie's log: the features of the model at a time T.

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
        // most logs lie wholly inside: two reads, not two binary searches
        // whose every probe is a cache miss on a log not read yet
        if let (Some(first), Some(last)) = (log.first(), log.last()) {
            if first.t() >= self.start && last.t() <= hi {
                return log;
            }
        }
        let lo = log.partition_point(|r| r.t() < self.start);
        let hi = log.partition_point(|r| r.t() <= hi);
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
        acc
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
        f[I] = 1.0 - (-(acc.s[0] * acc.s[1]).sqrt() / self.model.intensity_scale).exp();
        f[F] = f64::from(acc.weeks[0].min(acc.weeks[1])).ln_1p() / self.ln_weeks;
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
#[derive(Default)]
struct WeekEdges {
    at: Vec<usize>,
}

impl WeekEdges {
    /// Distinct k = ⌊(now − u) / week⌋ < `weeks` over the ascending times
    /// `u <= now`, with `now` no earlier than at the last call and `times`
    /// only grown since.
    fn count(&mut self, times: &[i64], now: i64, weeks: i64) -> u32 {
        let Some(&oldest) = times.first() else {
            return 0;
        };
        // weeks further back than the oldest time are empty
        let span = ((now - oldest) / WEEK + 1).min(weeks);
        if span > times.len() as i64 {
            // more weeks than times: jump from time to time instead, and
            // hold no place for weeks that cannot all be filled (a window
            // of 10^9 weeks over times that far apart would not fit in
            // memory); the places left behind catch up when next used
            return sparse_weeks(times, now, weeks);
        }
        let span = span as usize;
        if self.at.len() < span {
            self.at.resize(span, 0);
        }
        let mut count = 0;
        for (k, at) in self.at[..span].iter_mut().enumerate() {
            // week k holds the times in (now - (k + 1) week, now - k week]
            let newer = now - k as i64 * WEEK;
            let older = newer - WEEK;
            while *at < times.len() && times[*at] <= older {
                *at += 1;
            }
            count += u32::from(*at < times.len() && times[*at] <= newer);
        }
        count
    }
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

    use super::{WEEK, WeekEdges};

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

    proptest! {
        /// Counted as a sweep goes, the distinct weeks are those of the
        /// definition at every instant: times on a week's edges, weeks
        /// with no time, times denser than the weeks (a place a week) and
        /// sparser (binary searches), and a window of one week, of more
        /// weeks than the times span, or of u32::MAX weeks.
        #[test]
        fn weeks_counted_in_a_sweep_are_the_distinct_weeks(
            steps in prop::collection::vec((0i64..3 * WEEK, 0u8..3, any::<bool>()), 1..80),
            weeks in prop_oneof![1i64..12, Just(i64::from(u32::MAX))],
        ) {
            let (mut now, mut times, mut edges) = (-5 * WEEK, Vec::new(), WeekEdges::default());
            for (gap, kind, add) in steps {
                now += match kind {
                    // whole weeks put `now` on an edge of every earlier time's week
                    0 => gap / WEEK * WEEK,
                    // a few hours: many times a week
                    1 => gap / 100,
                    _ => gap,
                };
                if add {
                    times.push(now);
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
