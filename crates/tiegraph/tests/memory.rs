//! Records kept between bulk loads ([`tiegraph::memory`]). A process of its
//! own: what is kept is the process's, and other tests' loads would take it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use tiegraph::{Interaction, RelationshipGraph, memory};

/// A graph of `n` interactions between the same two people: one tie, whose
/// records fill one block of `n` records.
fn one_tie(n: i64) -> tiegraph::Result<RelationshipGraph> {
    let start = DateTime::<Utc>::from_timestamp(1_772_445_600, 0).expect("valid");
    let mut g = RelationshipGraph::new();
    g.add_interactions(
        (0..n).map(|k| Interaction::new("ana", "lee", start + chrono::TimeDelta::seconds(k), "email")),
    )?;
    Ok(g)
}

#[test]
fn a_dropped_graphs_records_serve_the_next_load_and_are_released() -> tiegraph::Result<()> {
    const N: i64 = 60_000;
    const BYTES: usize = N as usize * 20;
    let as_of = DateTime::<Utc>::from_timestamp(1_773_000_000, 0).expect("valid");
    // off by default: nothing kept
    drop(one_tie(N)?);
    assert_eq!(memory::spare_bytes(), 0);

    memory::keep_spare(true);
    // blocks under 1 MiB are freed, not kept
    drop(one_tie(1_000)?);
    assert_eq!(memory::spare_bytes(), 0);
    let g = one_tie(N)?;
    let want = g.strength("ana", "lee", as_of)?;
    drop(g);
    assert_eq!(memory::spare_bytes(), BYTES);
    assert!(memory::spare_since().is_some());
    let again = one_tie(N)?;
    assert_eq!(
        memory::spare_bytes(),
        0,
        "the load staged its rows in what was kept"
    );
    assert_eq!(again.strength("ana", "lee", as_of)?, want);
    assert_eq!(again.tie("ana", "lee")?.len(), N as usize);

    // a tie changed after the load reads its own copy; the block goes back whole
    let mut again = again;
    again.add_interaction(Interaction::new("lee", "ana", as_of, "email"))?;
    assert_eq!(again.tie("ana", "lee")?.len(), N as usize + 1);
    drop(again);
    assert_eq!(memory::spare_bytes(), BYTES);

    assert_eq!(
        memory::release_spare(Duration::from_secs(3600)),
        0,
        "kept for less than that"
    );
    assert_eq!(memory::spare_bytes(), BYTES);
    assert_eq!(memory::release_spare(Duration::ZERO), BYTES);
    assert_eq!((memory::spare_bytes(), memory::spare_since()), (0, None));

    // turning it off frees what is kept, and keeps nothing more
    drop(one_tie(N)?);
    assert_eq!(memory::spare_bytes(), BYTES);
    memory::keep_spare(false);
    assert_eq!(memory::spare_bytes(), 0);
    drop(one_tie(N)?);
    assert_eq!(memory::spare_bytes(), 0);
    Ok(())
}
