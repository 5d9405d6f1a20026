//! The invariants of the model page, checked on random logs.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use proptest::prelude::*;
use tiegraph::{Channel, Connection, Interaction, RelationshipGraph, ScoringModel, Side, State, Strength};

/// The state as seen from the other person.
fn flip(s: State) -> State {
    match s {
        State::OneSided { from: Side::A } => State::OneSided { from: Side::B },
        State::OneSided { from: Side::B } => State::OneSided { from: Side::A },
        other => other,
    }
}

const PEOPLE: [&str; 5] = ["ana", "bo", "kim", "lee", "sam"];
const SPAN: i64 = 2 * 365 * 86_400;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 11, 25, 0, 0, 0)
        .single()
        .expect("valid date")
}

fn at(s: i64) -> DateTime<Utc> {
    start() + TimeDelta::seconds(s)
}

fn interaction() -> impl Strategy<Value = Interaction> {
    let names: Vec<String> = Channel::builtin().into_iter().map(|c| c.name).collect();
    (
        0..PEOPLE.len(),
        1..PEOPLE.len(),
        0..SPAN,
        proptest::sample::select(names),
        proptest::option::of(0.0..20_000.0f64),
        proptest::sample::select(vec![1.0, 1.0, 0.5, 2.0, 0.0]),
    )
        .prop_map(|(i, d, t, ch, dur, w)| {
            let j = (i + d) % PEOPLE.len();
            let mut it = Interaction::new(PEOPLE[i], PEOPLE[j], at(t), ch).with_weight(w);
            it.duration = dur.map(f64::round);
            it
        })
}

fn connection() -> impl Strategy<Value = Connection> {
    (
        0..PEOPLE.len(),
        1..PEOPLE.len(),
        any::<bool>(),
        proptest::option::of(0..SPAN),
    )
        .prop_map(|(i, d, mutual, since)| {
            let j = (i + d) % PEOPLE.len();
            let c = if mutual {
                Connection::mutual(PEOPLE[i], PEOPLE[j], "p")
            } else {
                Connection::follows(PEOPLE[i], PEOPLE[j], "p")
            };
            match since {
                Some(s) => c.since(at(s)),
                None => c,
            }
        })
}

fn log() -> impl Strategy<Value = (Vec<Interaction>, Vec<Connection>)> {
    (
        prop::collection::vec(interaction(), 0..60),
        prop::collection::vec(connection(), 0..4),
    )
}

fn graph(its: &[Interaction], conns: &[Connection], structural: bool) -> RelationshipGraph {
    let mut g = RelationshipGraph::new();
    g.add_interactions(its.to_vec()).expect("valid interactions");
    g.add_connections(conns.to_vec()).expect("valid connections");
    g.set_model(ScoringModel {
        structural,
        ..ScoringModel::default()
    })
    .expect("valid model");
    g
}

/// W = w_c × m × g of the model page, from the public API.
fn effective_weight(g: &RelationshipGraph, it: &Interaction) -> f64 {
    let c = g.channel(&it.channel).expect("known channel");
    let gain = match (c.typical_duration, it.duration) {
        (Some(typ), Some(d)) => (d / typ).sqrt().clamp(0.5, 2.0),
        _ => 1.0,
    };
    c.weight * it.weight * gain
}

/// Every pair of the pool (tied or not) with its strength.
fn all_pairs(g: &RelationshipGraph, t: DateTime<Utc>) -> Vec<(usize, usize, Option<Strength>)> {
    let mut out = Vec::new();
    for (i, x) in PEOPLE.iter().enumerate() {
        for (j, y) in PEOPLE.iter().enumerate().skip(i + 1) {
            let s = if g.contains_person(x) && g.contains_person(y) {
                Some(g.strength(x, y, t).expect("known people"))
            } else {
                None
            };
            out.push((i, j, s));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// 1. bounds and symmetry; 5. one-sided bound; 6. online-only cap.
    #[test]
    fn bounded_symmetric_and_capped((its, conns) in log(), t in 0..SPAN + 86_400, structural in any::<bool>()) {
        let g = graph(&its, &conns, structural);
        let m = g.model().clone();
        for (i, j, s) in all_pairs(&g, at(t)) {
            let Some(s) = s else { continue };
            prop_assert!((0.0..=1.0).contains(&s.value), "{} out of bounds", s.value);
            let r = g.strength(PEOPLE[j], PEOPLE[i], at(t)).expect("known");
            prop_assert_eq!(s.value.to_bits(), r.value.to_bits());
            prop_assert_eq!(s.components, r.components);
            prop_assert_eq!(s.state, flip(r.state));
            prop_assert_eq!((s.effort.a, s.effort.b), (r.effort.b, r.effort.a));
            if !s.two_way {
                prop_assert!(s.value <= m.one_sided_bound() + 1e-15);
            }
            if s.online_only {
                prop_assert!(s.value <= m.online_only_cap);
            }
        }
    }

    /// 2. determinism: the same log in another order gives the same bits.
    #[test]
    fn insertion_order_does_not_matter((its, conns) in log(), seed in any::<u64>(), t in 0..SPAN) {
        let g = graph(&its, &conns, true);
        let mut shuffled = its.clone();
        // a deterministic shuffle from the seed
        let mut x = seed | 1;
        for k in (1..shuffled.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(k, (x % (k as u64 + 1)) as usize);
        }
        let mut h = RelationshipGraph::new();
        h.set_model(g.model().clone()).expect("valid");
        for it in shuffled.into_iter().rev() {
            h.add_interaction(it).expect("valid");
        }
        h.add_connections(conns.iter().rev().cloned()).expect("valid");
        let (x, y) = (g.ties(at(t)).expect("ties"), h.ties(at(t)).expect("ties"));
        prop_assert_eq!(x.len(), y.len());
        for (p, q) in x.iter().zip(&y) {
            prop_assert_eq!(&p.a.key, &q.a.key);
            prop_assert_eq!(p.strength.value.to_bits(), q.strength.value.to_bits());
            prop_assert_eq!(p.strength, q.strength);
        }
    }

    /// 3. as-of: what happens after T changes nothing at T.
    #[test]
    fn later_interactions_change_nothing((its, conns) in log(), (later, _) in log(), t in 0..SPAN) {
        let g = graph(&its, &conns, true);
        let shifted: Vec<Interaction> = later
            .into_iter()
            .map(|mut it| { it.at = at(t) + TimeDelta::seconds(1) + (it.at - start()); it })
            .collect();
        let mut h = g.clone();
        h.add_interactions(shifted).expect("valid");
        for ((_, _, s), (_, _, r)) in all_pairs(&g, at(t)).into_iter().zip(all_pairs(&h, at(t))) {
            if let Some(s) = s {
                prop_assert_eq!(Some(s), r);
            }
        }
    }

    /// 4. monotone: a meaningful interaction at T from the side that stays
    /// the less active one in the window, or a mutual one, never lowers
    /// the strength at T.
    #[test]
    fn more_contact_never_hurts((its, conns) in log(), t in 0..SPAN, pick in 0..10usize, mutual in any::<bool>()) {
        let g = graph(&its, &conns, false);
        let ties = g.ties(at(t)).expect("ties");
        if ties.is_empty() { return Ok(()); }
        let tie = &ties[pick % ties.len()];
        let (a, b) = (tie.a.key.clone(), tie.b.key.clone());
        let before = tie.strength;
        // the window sums X of each side, from the effort-free route: one view per side
        let x = |who: &str| -> f64 {
            g.tie(&a, &b).expect("tie").interactions()
                .filter(|it| it.at <= at(t) && (at(t) - it.at).num_seconds() < 365 * 86_400)
                .map(|it| {
                    let mutual = g.channel(&it.channel).expect("known").mutual;
                    if mutual || it.src == who { effective_weight(&g, &it) } else { 0.0 }
                })
                .sum()
        };
        let (xa, xb) = (x(&a), x(&b));
        let mut h = g.clone();
        let added = if mutual {
            Interaction::new(&a, &b, at(t), "in_person")
        } else {
            let (from, to, xf, xt) = if xa <= xb { (&a, &b, xa, xb) } else { (&b, &a, xb, xa) };
            if xf + 0.3 > xt { return Ok(()); } // it would stop being the less active side
            Interaction::new(from, to, at(t), "email")
        };
        h.add_interaction(added).expect("valid");
        let after = h.strength(&a, &b, at(t)).expect("known");
        prop_assert!(after.value >= before.value - 1e-15, "{} -> {}", before.value, after.value);
    }

    /// The peak (computed in one sweep) is the highest strength at the
    /// times of the meaningful interactions and at T (each evaluated directly).
    #[test]
    fn peak_is_the_best_strength_at_meaningful_times((its, conns) in log(), t in 0..SPAN) {
        let g = graph(&its, &conns, false);
        for tie in g.ties(at(t)).expect("ties") {
            let (a, b) = (tie.a.key.as_str(), tie.b.key.as_str());
            let s = g.explain(a, b, at(t)).expect("known").strength;
            let mut want = s.value;
            for it in g.tie(a, b).expect("tie").interactions() {
                if it.at <= at(t) && effective_weight(&g, &it) >= 0.1 {
                    want = want.max(g.strength(a, b, it.at).expect("known").value);
                }
            }
            let got = s.peak.expect("strength sets the peak");
            prop_assert!((got - want).abs() < 1e-12, "{a}-{b}: peak {got}, want {want}");
        }
    }

    /// 7. merging two logs scores like ingesting their union.
    #[test]
    fn merge_scores_like_the_union((x, cx) in log(), (y, cy) in log(), t in 0..SPAN) {
        let mut merged = graph(&x, &cx, true);
        merged.merge(&graph(&y, &cy, true)).expect("same channels");
        let both: Vec<Interaction> = x.iter().chain(&y).cloned().collect();
        let conns: Vec<Connection> = cx.iter().chain(&cy).cloned().collect();
        let union = graph(&both, &conns, true);
        prop_assert_eq!(&merged, &union);
        let (p, q) = (merged.ties(at(t)).expect("ties"), union.ties(at(t)).expect("ties"));
        prop_assert_eq!(p.len(), q.len());
        for (s, r) in p.iter().zip(&q) {
            prop_assert_eq!(s.strength, r.strength);
        }
    }
}
