//! W1 (`shared/bench/W1.md`) at 1M interactions (10M with
//! `TIEGRAPH_BENCH_10M=1`), beside the floor loop, plus single queries.
//!
//! `cargo bench -p tiegraph-benches --bench w1`

use std::hint::black_box;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tiegraph::{ArrowColumns, Interaction, OnError, RelationshipGraph, StrengthGraph};
use tiegraph_benches::{AS_OF, floor, generate};

fn columns() -> ArrowColumns {
    ArrowColumns {
        src: "src".into(),
        dst: "dst".into(),
        time: "ts".into(),
        channel: "channel".into(),
        duration: Some("duration_s".into()),
        weight: Some("weight".into()),
    }
}

fn as_of() -> DateTime<Utc> {
    DateTime::from_timestamp(AS_OF, 0).expect("valid")
}

fn ingest(batch: &arrow_array::RecordBatch) -> RelationshipGraph {
    let mut g = RelationshipGraph::new();
    g.add_interactions_arrow([batch], &columns(), OnError::Raise)
        .expect("valid W1 rows");
    g
}

fn w1(c: &mut Criterion, n: usize, people: usize) {
    // as the Python package does: a dropped graph's records serve the next load
    tiegraph::memory::keep_spare(true);
    let batch = generate(n, people, 7);
    let label = if n >= 10_000_000 { "10m" } else { "1m" };
    let mut group = c.benchmark_group(format!("w1_{label}"));
    group.sample_size(10);
    group.bench_function("floor", |b| b.iter(|| black_box(floor(&batch))));
    group.bench_function("ingest", |b| b.iter(|| black_box(ingest(&batch))));
    let g = ingest(&batch);
    let view = g.full_view();
    group.bench_function("score_all", |b| {
        b.iter(|| black_box(StrengthGraph::new(&view, as_of()).expect("scores").edge_count()))
    });
    // every tie with its components and state, in key order: the table
    // `Graph.ties` returns
    group.bench_function("ties", |b| {
        b.iter(|| black_box(g.ties(as_of()).expect("scores").len()))
    });
    group.bench_function("top10_all", |b| {
        b.iter(|| black_box(g.strongest_ties_all(10, as_of()).expect("scores").len()))
    });
    group.bench_function("end_to_end", |b| {
        b.iter(|| {
            let g = ingest(&batch);
            black_box(
                g.strongest_ties_all(10, as_of())
                    .expect("scores")
                    .iter()
                    .map(|t| t.strength)
                    .sum::<f64>(),
            )
        })
    });
    group.finish();
}

fn w1_sizes(c: &mut Criterion) {
    w1(c, 1_000_000, 20_000);
    if std::env::var_os("TIEGRAPH_BENCH_10M").is_some() {
        w1(c, 10_000_000, 100_000);
    }
}

fn day(d: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).single().expect("valid") + chrono::TimeDelta::days(d)
}

fn single_queries(c: &mut Criterion) {
    let mut g = ingest(&generate(1_000_000, 20_000, 7));
    // a tie with exactly 100 interactions, of every kind
    let channels = [
        "email",
        "direct_message",
        "in_person",
        "public_reply",
        "reaction",
        "video_call",
    ];
    for k in 0..100 {
        let (s, d) = if k % 3 == 0 {
            ("bench-a", "bench-b")
        } else {
            ("bench-b", "bench-a")
        };
        let it =
            Interaction::new(s, d, day(k * 5), channels[k as usize % channels.len()]).with_duration(1200.0);
        g.add_interaction(it).expect("valid");
    }
    // a person with 1,000 ties
    for k in 0..1000 {
        let other = format!("bench-contact-{k:04}");
        g.add_interaction(Interaction::new("bench-hub", &other, day(k % 600), "email"))
            .expect("valid");
        g.add_interaction(Interaction::new(&other, "bench-hub", day(k % 600 + 1), "email"))
            .expect("valid");
    }
    let mut group = c.benchmark_group("single");
    group.bench_function("strength_100_interactions", |b| {
        b.iter(|| black_box(g.strength("bench-a", "bench-b", day(520)).expect("known")))
    });
    group.bench_function("strongest_ties_of_person_with_1000_ties", |b| {
        b.iter(|| black_box(g.strongest_ties("bench-hub", 10, day(700)).expect("known").len()))
    });
    group.bench_function("peak_100_interactions", |b| {
        b.iter(|| black_box(g.peak("bench-a", "bench-b", day(520)).expect("known")))
    });
    let mut k = 0i64;
    group.bench_function("add_interaction_to_1m_graph", |b| {
        b.iter_batched(
            || {
                k += 1;
                Interaction::new(
                    format!("p{:07}", k % 20_000),
                    format!("p{:07}", (k * 7 + 1) % 20_000),
                    day(k % 700),
                    "email",
                )
            },
            |it| g.add_interaction(it).expect("valid"),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, w1_sizes, single_queries);
criterion_main!(benches);
