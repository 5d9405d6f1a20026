//! Times the phases of W1 once, for profiling: `cargo run --release -p tiegraph-benches --example w1_profile [N] [PEOPLE]`.

use std::time::Instant;

use tiegraph::{ArrowColumns, OnError, RelationshipGraph, StrengthGraph};
use tiegraph_benches::{AS_OF, floor, generate};

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (n, people) = (
        args.first().copied().unwrap_or(1_000_000),
        args.get(1).copied().unwrap_or(20_000),
    );
    let batch = generate(n, people, 7);
    let cols = ArrowColumns {
        src: "src".into(),
        dst: "dst".into(),
        time: "ts".into(),
        channel: "channel".into(),
        duration: Some("duration_s".into()),
        weight: Some("weight".into()),
    };
    let t = Instant::now();
    let sum = floor(&batch);
    println!(
        "floor        {:>8.3} s  checksum {sum:.6}",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let mut g = RelationshipGraph::new();
    g.add_interactions_arrow([&batch], &cols, OnError::Raise)
        .expect("valid");
    println!(
        "ingest       {:>8.3} s  {} ties",
        t.elapsed().as_secs_f64(),
        g.tie_count()
    );
    println!(
        "graph        {:>8.1} bytes per interaction ({} interactions, {:.0} MB on the heap)",
        g.heap_bytes() as f64 / g.interaction_count() as f64,
        g.interaction_count(),
        g.heap_bytes() as f64 / 1e6
    );
    let t = Instant::now();
    let w = StrengthGraph::new(
        &g.full_view(),
        chrono::DateTime::from_timestamp(AS_OF, 0).expect("valid"),
    )
    .expect("ok");
    println!(
        "score_all    {:>8.3} s  {} ties > 0",
        t.elapsed().as_secs_f64(),
        w.edge_count()
    );
    let t = Instant::now();
    let top = g
        .strongest_ties_all(10, chrono::DateTime::from_timestamp(AS_OF, 0).expect("valid"))
        .expect("ok");
    let sum: f64 = top.iter().map(|r| r.strength).sum();
    println!(
        "top10_all    {:>8.3} s  checksum {sum:.6}",
        t.elapsed().as_secs_f64()
    );
}
