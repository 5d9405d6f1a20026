//! Invariants of the graph on random logs: ingestion order, bulk loads,
//! merges, snapshots, CSV and removal never change what the graph holds.

use chrono::{DateTime, Utc};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::subsequence;
use tiegraph::{Connection, CsvOptions, GroupEvent, Interaction, RelationshipGraph};

use crate::common::{
    Entry, bulk, connection_columns, connections, full_columns, interactions, json, one_by_one, people,
    with_people, without,
};

const POOL: [&str; 6] = ["ana", "bo", "cy", "di", "ed", "fay"];

const CHANNELS: [&str; 11] = [
    "in_person",
    "event",
    "video_call",
    "phone_call",
    "email",
    "direct_message",
    "public_reply",
    "broadcast",
    "reaction",
    "podcast",
    "dinner",
];

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

/// Mostly a narrow window, so that several interactions share a second;
/// sometimes anywhere chrono can go; always with sub-second noise.
fn time() -> impl Strategy<Value = DateTime<Utc>> {
    let (lo, hi) = (
        DateTime::<Utc>::MIN_UTC.timestamp(),
        DateTime::<Utc>::MAX_UTC.timestamp(),
    );
    (
        prop_oneof![
            4 => 1_772_445_600i64..1_772_445_630,
            1 => lo..=hi,
        ],
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    )
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).expect("in range"))
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1.0), Just(0.0), Just(0.1), 0.0..5.0f64]
}

fn duration() -> impl Strategy<Value = Option<f64>> {
    proptest::option::of(prop_oneof![
        (0u32..10_000).prop_map(f64::from),
        0.0..100_000.0f64,
        Just(0.1),
    ])
}

/// Two different people of the pool.
fn pair() -> impl Strategy<Value = (&'static str, &'static str)> {
    (0..POOL.len(), 1..POOL.len()).prop_map(|(a, d)| (POOL[a], POOL[(a + d) % POOL.len()]))
}

fn interaction() -> impl Strategy<Value = Entry> {
    (
        pair(),
        time(),
        proptest::sample::select(&CHANNELS[..]),
        duration(),
        weight(),
    )
        .prop_map(|((src, dst), at, channel, duration, weight)| {
            Entry::Interaction(Interaction {
                duration,
                ..Interaction::new(src, dst, at, channel).with_weight(weight)
            })
        })
}

fn event() -> impl Strategy<Value = Entry> {
    (
        subsequence(POOL.to_vec(), 2..=5).prop_shuffle(),
        time(),
        proptest::sample::select(&["event", "in_person", "dinner"][..]),
        duration(),
        weight(),
        proptest::sample::select(&[None, Some("launch"), Some("dinner")][..]),
    )
        .prop_map(|(people, at, channel, duration, weight, name)| {
            Entry::Event(GroupEvent {
                duration,
                name: name.map(str::to_string),
                ..GroupEvent::new(people, at)
                    .with_channel(channel)
                    .with_weight(weight)
            })
        })
}

fn connection() -> impl Strategy<Value = Entry> {
    (
        pair(),
        any::<bool>(),
        proptest::sample::select(&["x", "linkedin"][..]),
        proptest::option::of(time()),
    )
        .prop_map(|((a, b), follows, platform, since)| {
            let c = if follows {
                Connection::follows(a, b, platform)
            } else {
                Connection::mutual(a, b, platform)
            };
            Entry::Connection(Connection { since, ..c })
        })
}

fn log() -> impl Strategy<Value = Vec<Entry>> {
    vec(
        prop_oneof![6 => interaction(), 1 => event(), 2 => connection()],
        0..32,
    )
}

fn person() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(&POOL[..])
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn bulk_and_one_by_one_give_identical_graphs(log in log()) {
        let one = one_by_one(&log)?;
        let many = bulk(&log)?;
        prop_assert_eq!(&one, &many);
        prop_assert_eq!(json(&one), json(&many));
        prop_assert_eq!(one.interaction_count(), many.interaction_count());
        prop_assert_eq!(one.tie_count(), many.tie_count());
    }

    #[test]
    fn ingestion_order_does_not_matter(
        (log, shuffled) in log().prop_flat_map(|l| (Just(l.clone()), Just(l).prop_shuffle()))
    ) {
        let x = one_by_one(&log)?;
        let y = one_by_one(&shuffled)?;
        prop_assert_eq!(&x, &y);
        prop_assert_eq!(json(&x), json(&y));
        prop_assert_eq!(x.interaction_count(), y.interaction_count());
    }

    #[test]
    fn merge_is_associative_order_independent_and_the_union(
        (log, parts) in log().prop_flat_map(|l| {
            let n = l.len();
            (Just(l), vec(0..3usize, n))
        }),
        removed in person(),
    ) {
        let part = |k: usize| -> Vec<Entry> {
            log.iter().zip(&parts).filter(|&(_, &p)| p == k).map(|(e, _)| e.clone()).collect()
        };
        let g: Vec<RelationshipGraph> = (0..3).map(|k| one_by_one(&part(k))).collect::<Result<_, _>>()?;
        let union = one_by_one(&log)?;
        let merged = |order: [usize; 3], left_first: bool| -> tiegraph::Result<RelationshipGraph> {
            let [i, j, k] = order;
            if left_first {
                let mut x = g[i].clone();
                x.merge(&g[j])?;
                x.merge(&g[k])?;
                Ok(x)
            } else {
                let mut yz = g[j].clone();
                yz.merge(&g[k])?;
                let mut x = g[i].clone();
                x.merge(&yz)?;
                Ok(x)
            }
        };
        let want = json(&union);
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            for left_first in [true, false] {
                let m = merged(order, left_first)?;
                prop_assert_eq!(&m, &union);
                prop_assert_eq!(json(&m), want.clone());
                prop_assert_eq!(m.interaction_count(), union.interaction_count());
            }
        }
        // Events merged from different graphs are re-diluted like the union's.
        if union.contains_person(removed) {
            let mut m = merged([0, 1, 2], true)?;
            let mut u = union.clone();
            m.remove_person(removed)?;
            u.remove_person(removed)?;
            prop_assert_eq!(m, u);
        }
    }

    #[test]
    fn snapshot_round_trip_is_the_identity(log in log(), removed in proptest::option::of(person()), later in person()) {
        let mut g = one_by_one(&log)?;
        if let Some(p) = removed.filter(|p| g.contains_person(p)) {
            g.remove_person(p)?;
        }
        let bytes = json(&g);
        let mut back = RelationshipGraph::read_json(&bytes[..])?;
        prop_assert_eq!(&back, &g);
        prop_assert_eq!(json(&back), bytes);
        prop_assert_eq!(back.interaction_count(), g.interaction_count());
        prop_assert_eq!(back.events(), g.events());
        // What was read holds the events well enough to re-dilute them.
        if g.contains_person(later) {
            back.remove_person(later)?;
            g.remove_person(later)?;
            prop_assert_eq!(back, g);
        }
    }

    #[test]
    fn csv_round_trip_keeps_interactions_and_connections(log in log()) {
        let g = one_by_one(&log)?;
        let mut back = RelationshipGraph::new();
        for c in &g.channels()[9..] {
            back.register_channel(c.clone())?;
        }
        let mut out = Vec::new();
        g.write_interactions_csv(&mut out)?;
        let report = back.read_interactions_csv(&out[..], &full_columns(), &CsvOptions::default())?;
        prop_assert_eq!(report.added as usize, g.interaction_count());
        out.clear();
        g.write_connections_csv(&mut out)?;
        back.read_connections_csv(&out[..], &connection_columns(), &CsvOptions::default())?;
        prop_assert_eq!(interactions(&back), interactions(&g));
        prop_assert_eq!(connections(&back), connections(&g));
        prop_assert_eq!(people(&back), people(&g));
        prop_assert_eq!(back.interaction_count(), g.interaction_count());
        // CSV carries no group events; without them the graphs are equal.
        prop_assert!(back.events().is_empty());
        if g.events().is_empty() {
            prop_assert_eq!(&back, &g);
        }
    }

    #[test]
    fn removing_a_person_leaves_no_trace(log in log(), removed in person()) {
        let pool: Vec<String> = POOL.iter().map(|p| p.to_string()).collect();
        let mut g = with_people(&pool, &log)?;
        g.remove_person(removed)?;
        let others: Vec<String> = pool.iter().filter(|p| *p != removed).cloned().collect();
        let want = with_people(&others, &without(&log, removed))?;
        prop_assert_eq!(&g, &want);
        prop_assert_eq!(json(&g), json(&want));
        prop_assert_eq!(g.interaction_count(), want.interaction_count());
        prop_assert_eq!(g.tie_count(), want.tie_count());
    }

    #[test]
    fn removing_every_interaction_leaves_only_connections(
        (log, order) in log().prop_flat_map(|l| (Just(l), any::<proptest::sample::Index>()))
    ) {
        let pool: Vec<String> = POOL.iter().map(|p| p.to_string()).collect();
        let mut g = with_people(&pool, &log)?;
        let mut all = interactions(&g);
        if !all.is_empty() {
            let k = order.index(all.len());
            all.rotate_left(k);
        }
        for it in &all {
            g.remove_interaction(it)?;
        }
        prop_assert_eq!(g.interaction_count(), 0);
        prop_assert!(g.iter_ties().all(|t| t.is_empty() && t.connections().count() > 0));
        let conns: Vec<Entry> = log.iter().filter(|e| matches!(e, Entry::Connection(_))).cloned().collect();
        let want = with_people(&pool, &conns)?;
        prop_assert_eq!(connections(&g), connections(&want));
        prop_assert_eq!(g.tie_count(), want.tie_count());
        // Without group events nothing else is left.
        if g.events().is_empty() {
            prop_assert_eq!(&g, &want);
        }
    }
}
