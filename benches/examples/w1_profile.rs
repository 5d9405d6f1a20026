//! Times the phases of W1 once, for profiling:
//! `cargo run --release -p tiegraph-benches --example w1_profile [N] [PEOPLE] [RUNS] [--no-floor] [--no-spare]`.
//!
//! Dropped graphs' records are kept for the next load, as the Python package
//! keeps them ([`tiegraph::memory`]); `--no-spare` turns that off.
//!
//! Each phase prints its wall time and the CPU time of the whole process
//! over it (all threads): on a shared machine the CPU time moves less
//! than the wall time when others take the cores.

use std::time::Instant;

use tiegraph::{ArrowColumns, OnError, RelationshipGraph, StrengthGraph};
use tiegraph_benches::{AS_OF, floor, generate};

/// User plus system CPU seconds of this process so far (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // the fields after the command name, which is in parentheses
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here; 100 ticks a second
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs `f`, printing its wall and CPU time after `label`.
fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let (t, c) = (Instant::now(), cpu_seconds());
    let out = f();
    print!(
        "{label:<12} {:>7.3} s  cpu {:>6.2} s  ",
        t.elapsed().as_secs_f64(),
        cpu_seconds() - c
    );
    out
}

fn main() {
    let no_floor = std::env::args().any(|a| a == "--no-floor");
    tiegraph::memory::keep_spare(!std::env::args().any(|a| a == "--no-spare"));
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (n, people, runs) = (
        args.first().copied().unwrap_or(1_000_000),
        args.get(1).copied().unwrap_or(20_000),
        args.get(2).copied().unwrap_or(1),
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
    let as_of = chrono::DateTime::from_timestamp(AS_OF, 0).expect("valid");
    for _ in 0..runs {
        if !no_floor {
            let sum = timed("floor", || floor(&batch));
            println!("checksum {sum:.6}");
        }
        let g = timed("ingest", || {
            let mut g = RelationshipGraph::new();
            g.add_interactions_arrow([&batch], &cols, OnError::Raise)
                .expect("valid");
            g
        });
        println!("{} ties", g.tie_count());
        println!(
            "graph        {:>7.1} bytes per interaction ({} interactions, {:.0} MB on the heap)",
            g.heap_bytes() as f64 / g.interaction_count() as f64,
            g.interaction_count(),
            g.heap_bytes() as f64 / 1e6
        );
        let w = timed("score_all", || {
            StrengthGraph::new(&g.full_view(), as_of).expect("ok")
        });
        println!("{} ties > 0", w.edge_count());
        let top = timed("top10_all", || g.strongest_ties_all(10, as_of).expect("ok"));
        let sum: f64 = top.iter().map(|r| r.strength).sum();
        println!("checksum {sum:.6}");
        drop((w, top));
        timed("drop", || drop(g));
        println!();
    }
}
