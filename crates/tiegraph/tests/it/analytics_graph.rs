//! Graph analytics on the strength graph: introductions, brokerage,
//! communities, suggestions. Small graphs with answers worked out by hand,
//! and a generated graph for invariants and determinism.
//!
//! The hand-built graphs score ties with a model that weighs multiplexity
//! only, so that a tie's strength is exactly the number of channel classes
//! it used over 4: 0.25, 0.5, 0.75 or 1 (see `tie`), and every expected
//! number below is plain arithmetic on those.

use std::time::Instant;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tiegraph::{
    Error, Interaction, Person, RelationshipGraph, ScoringModel, StrengthGraph, SuggestMethod, View, Weights,
};

const TOL: f64 = 1e-12;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0)
        .single()
        .expect("valid date")
}

fn day(d: i64) -> DateTime<Utc> {
    at() + TimeDelta::days(d)
}

fn close(what: &str, got: f64, want: f64) {
    assert!(
        (got - want).abs() <= TOL,
        "{what}: got {got}, want {want} (diff {})",
        (got - want).abs()
    );
}

/// Strength = f_M = (classes used) / 4.
fn multiplexity_only() -> ScoringModel {
    ScoringModel {
        weights: Weights::from_array([0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0]),
        ..ScoringModel::default()
    }
}

/// The interactions that give `a`–`b` strength `quarters / 4` under
/// [`multiplexity_only`]: a meeting (offline, two-way on its own), then a
/// call, an email and a public reply, each one more class.
fn tie(a: &str, b: &str, quarters: u32) -> Vec<Interaction> {
    ["in_person", "phone_call", "email", "public_reply"]
        .iter()
        .take(quarters as usize)
        .map(|ch| Interaction::new(a, b, day(-1), *ch))
        .collect()
}

/// A graph of ties given as (a, b, strength in quarters).
fn quarters(ties: &[(&str, &str, u32)]) -> RelationshipGraph {
    let mut g = RelationshipGraph::new();
    g.set_model(multiplexity_only()).expect("valid model");
    let rows: Vec<Interaction> = ties.iter().flat_map(|&(a, b, q)| tie(a, b, q)).collect();
    g.add_interactions(rows).expect("valid rows");
    g
}

// ----- introductions -------------------------------------------------------

#[test]
fn the_tie_strengths_are_the_quarters() -> tiegraph::Result<()> {
    let g = quarters(&[
        ("ana", "bo", 1),
        ("ana", "cy", 2),
        ("ana", "dee", 3),
        ("ana", "eve", 4),
    ]);
    for (other, want) in [("bo", 0.25), ("cy", 0.5), ("dee", 0.75), ("eve", 1.0)] {
        assert_eq!(g.strength("ana", other, at())?.value, want);
    }
    Ok(())
}

#[test]
fn the_weakest_link_decides() -> tiegraph::Result<()> {
    // ana–bo–lee: 1.0 then 0.25; ana–cy–lee: 0.75 then 0.5
    let g = quarters(&[
        ("ana", "bo", 4),
        ("bo", "lee", 1),
        ("ana", "cy", 3),
        ("cy", "lee", 2),
    ]);
    let p = g.introduction_path("ana", "lee", at(), 3)?.expect("a path");
    assert_eq!(p.keys(), ["ana", "cy", "lee"]);
    assert_eq!(p.strengths, [0.75, 0.5]);
    close("bottleneck", p.bottleneck, 0.5);
    close("product", p.product, 0.75 * 0.5);
    assert_eq!(p.weakest, 1);
    assert_eq!(p.reason, "ana → cy (0.75) → lee (0.50): weakest link cy–lee");
    // the other way round, the same ties
    let q = g.introduction_path("lee", "ana", at(), 3)?.expect("a path");
    assert_eq!(q.keys(), ["lee", "cy", "ana"]);
    assert_eq!((q.weakest, q.bottleneck), (0, 0.5));
    assert_eq!(q.reason, "lee → cy (0.50) → ana (0.75): weakest link lee–cy");
    // both, in order
    let all = g.introduction_paths("ana", "lee", at(), 3, 5)?;
    let keys: Vec<Vec<&str>> = all.iter().map(|p| p.keys()).collect();
    assert_eq!(keys, [vec!["ana", "cy", "lee"], vec!["ana", "bo", "lee"]]);
    close("second bottleneck", all[1].bottleneck, 0.25);
    close("second product", all[1].product, 0.25);
    Ok(())
}

#[test]
fn a_higher_bottleneck_early_does_not_hide_a_better_product() -> tiegraph::Result<()> {
    // Reaching dee: ana–bo–cy–dee has bottleneck 0.75 and product 0.421875,
    // ana–dee has 0.5 and 0.5. One label per person would keep the first.
    // Through dee–lee (0.5) both end with bottleneck 0.5, and the direct
    // prefix has the better product: 0.5 · 0.5 = 0.25 > 0.75³ · 0.5.
    let g = quarters(&[
        ("ana", "bo", 3),
        ("bo", "cy", 3),
        ("cy", "dee", 3),
        ("ana", "dee", 2),
        ("dee", "lee", 2),
    ]);
    let p = g.introduction_path("ana", "lee", at(), 4)?.expect("a path");
    assert_eq!(p.keys(), ["ana", "dee", "lee"]);
    close("bottleneck", p.bottleneck, 0.5);
    close("product", p.product, 0.25);
    let all = g.introduction_paths("ana", "lee", at(), 4, 5)?;
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].keys(), ["ana", "bo", "cy", "dee", "lee"]);
    close("second bottleneck", all[1].bottleneck, 0.5);
    close("second product", all[1].product, 0.75 * 0.75 * 0.75 * 0.5);
    assert_eq!(all[1].weakest, 3);
    Ok(())
}

#[test]
fn the_hop_limit_is_exact() -> tiegraph::Result<()> {
    // dee is best reached by ana–bo–cy–dee (all 1.0, 3 hops), but with at
    // most 3 hops to lee only the weak direct ana–dee (0.25) leaves room.
    let g = quarters(&[
        ("ana", "bo", 4),
        ("bo", "cy", 4),
        ("cy", "dee", 4),
        ("ana", "dee", 1),
        ("dee", "lee", 4),
    ]);
    let p = g.introduction_path("ana", "lee", at(), 3)?.expect("a path");
    assert_eq!(p.keys(), ["ana", "dee", "lee"]);
    close("bottleneck", p.bottleneck, 0.25);
    close("product", p.product, 0.25);
    let p = g.introduction_path("ana", "lee", at(), 4)?.expect("a path");
    assert_eq!(p.keys(), ["ana", "bo", "cy", "dee", "lee"]);
    close("bottleneck", p.bottleneck, 1.0);
    assert!(g.introduction_path("ana", "lee", at(), 1)?.is_none());
    Ok(())
}

#[test]
fn the_hop_limit_is_exact_for_products_too() -> tiegraph::Result<()> {
    // Every path has bottleneck 0.5. Within 4 hops the long one has the
    // better product (1 · 1 · 1 · 0.5); within 3 only the short one fits.
    let g = quarters(&[
        ("ana", "bo", 4),
        ("bo", "cy", 4),
        ("cy", "dee", 4),
        ("ana", "dee", 2),
        ("dee", "lee", 2),
    ]);
    let p = g.introduction_path("ana", "lee", at(), 4)?.expect("a path");
    assert_eq!(p.keys(), ["ana", "bo", "cy", "dee", "lee"]);
    close("product", p.product, 0.5);
    let p = g.introduction_path("ana", "lee", at(), 3)?.expect("a path");
    assert_eq!(p.keys(), ["ana", "dee", "lee"]);
    close("product", p.product, 0.25);
    Ok(())
}

#[test]
fn fewer_hops_then_key_order_break_the_remaining_ties() -> tiegraph::Result<()> {
    // three paths with bottleneck 0.5 and product 0.5: direct, via cy, via bo
    let g = quarters(&[
        ("ana", "lee", 2),
        ("ana", "cy", 4),
        ("cy", "lee", 2),
        ("ana", "bo", 4),
        ("bo", "lee", 2),
    ]);
    let all = g.introduction_paths("ana", "lee", at(), 2, 10)?;
    let keys: Vec<Vec<&str>> = all.iter().map(|p| p.keys()).collect();
    assert_eq!(
        keys,
        [
            vec!["ana", "lee"],
            vec!["ana", "bo", "lee"],
            vec!["ana", "cy", "lee"]
        ]
    );
    for p in &all {
        close("bottleneck", p.bottleneck, 0.5);
        close("product", p.product, 0.5);
    }
    assert_eq!(all[0].reason, "ana → lee (0.50): a direct tie");
    // key order compares position by position: ana–bo–zed–lee before ana–cy–al–lee
    let g = quarters(&[
        ("ana", "bo", 4),
        ("bo", "zed", 4),
        ("zed", "lee", 4),
        ("ana", "cy", 4),
        ("cy", "al", 4),
        ("al", "lee", 4),
    ]);
    let all = g.introduction_paths("ana", "lee", at(), 3, 10)?;
    assert_eq!(all[0].keys(), ["ana", "bo", "zed", "lee"]);
    assert_eq!(all[1].keys(), ["ana", "cy", "al", "lee"]);
    Ok(())
}

#[test]
fn no_path_unknown_people_and_bad_arguments() -> tiegraph::Result<()> {
    let mut g = quarters(&[("ana", "bo", 4), ("lee", "max", 4)]);
    g.add_interaction(Interaction::new("bo", "lee", day(-1), "email"))?; // one-sided: strength 0
    assert!(g.introduction_path("ana", "lee", at(), 5)?.is_none());
    assert!(g.introduction_paths("ana", "lee", at(), 5, 3)?.is_empty());
    for (from, to) in [("ana", "nobody"), ("nobody", "ana")] {
        let err = g.introduction_path(from, to, at(), 3).expect_err("an error");
        assert!(
            matches!(err, Error::PersonNotFound { ref key } if key == "nobody"),
            "{err}"
        );
    }
    let err = g.introduction_path("ana", "bo", at(), 0).expect_err("an error");
    assert_eq!(err.to_string(), "invalid argument max_hops: must be at least 1");
    let err = g
        .introduction_paths("ana", "bo", at(), 2, 0)
        .expect_err("an error");
    assert_eq!(err.to_string(), "invalid argument k: must be at least 1");
    assert!(matches!(
        g.introduction_path("ana", "ana", at(), 2),
        Err(Error::InvalidArgument { .. })
    ));
    // before anyone met: no ties at all
    assert!(g.introduction_path("ana", "bo", day(-2), 3)?.is_none());
    Ok(())
}

#[test]
fn a_window_view_changes_the_path() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    let jan = Utc.with_ymd_and_hms(2026, 1, 15, 10, 0, 0).unwrap();
    let jun = Utc.with_ymd_and_hms(2026, 6, 15, 10, 0, 0).unwrap();
    let as_of = Utc.with_ymd_and_hms(2026, 7, 1, 0, 0, 0).unwrap();
    g.add_interactions(vec![
        Interaction::new("ana", "bo", jan, "in_person"),
        Interaction::new("bo", "lee", jan, "in_person"),
        Interaction::new("ana", "cy", jun, "in_person"),
        Interaction::new("cy", "lee", jun, "in_person"),
    ])?;
    let all = g.introduction_path("ana", "lee", as_of, 3)?.expect("a path");
    assert_eq!(all.keys(), ["ana", "cy", "lee"]); // the recent meetings are stronger
    let january = g.view(&View::all().between(jan - TimeDelta::days(1), jan + TimeDelta::days(30)))?;
    let p = january
        .introduction_path("ana", "lee", as_of, 3)?
        .expect("a path");
    assert_eq!(p.keys(), ["ana", "bo", "lee"]);
    close(
        "bottleneck",
        p.bottleneck,
        january.strength("bo", "lee", as_of)?.value,
    );
    // the same through a strength graph built on the view
    let w = StrengthGraph::new(&january, as_of)?;
    assert_eq!(w.introduction_path("ana", "lee", 3)?, Some(p));
    // online only: nobody met online
    assert!(
        g.view(&View::online())?
            .introduction_path("ana", "lee", as_of, 3)?
            .is_none()
    );
    Ok(())
}

/// Every loopless path of at most `max_hops` from `s` to `t`, by brute
/// force, sorted in the order of `introduction_paths`.
fn all_paths(w: &StrengthGraph<'_>, s: usize, t: usize, max_hops: usize) -> Vec<(f64, f64, Vec<String>)> {
    fn walk(
        w: &StrengthGraph<'_>,
        path: &mut Vec<usize>,
        t: usize,
        max_hops: usize,
        out: &mut Vec<(f64, f64, Vec<String>)>,
    ) {
        let v = *path.last().expect("non-empty");
        if v == t {
            let (mut b, mut p) = (f64::INFINITY, 1.0);
            for e in path.windows(2) {
                let s = w.strength(e[0], e[1]);
                b = b.min(s);
                p *= s;
            }
            out.push((b, p, path.iter().map(|&i| w.person(i).key.clone()).collect()));
            return;
        }
        if path.len() > max_hops {
            return;
        }
        for &u in w.neighbours(v).0 {
            if !path.contains(&(u as usize)) {
                path.push(u as usize);
                walk(w, path, t, max_hops, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(w, &mut vec![s], t, max_hops, &mut out);
    out.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(y.1.total_cmp(&x.1))
            .then(x.2.len().cmp(&y.2.len()))
            .then_with(|| x.2.cmp(&y.2))
    });
    out
}

#[test]
fn yen_lists_every_loopless_path_in_order_like_brute_force() -> tiegraph::Result<()> {
    let mut rng = SplitMix64(11);
    for round in 0..12 {
        let n = 9 + round % 4;
        let mut ties = Vec::new();
        for a in 0..n {
            for b in a + 1..n {
                if rng.below(100) < 35 {
                    ties.push((format!("p{a:02}"), format!("p{b:02}"), 1 + rng.below(4) as u32));
                }
            }
        }
        let refs: Vec<(&str, &str, u32)> = ties
            .iter()
            .map(|(a, b, q)| (a.as_str(), b.as_str(), *q))
            .collect();
        let g = quarters(&refs);
        let w = StrengthGraph::new(&g.full_view(), at())?;
        for (s, t) in [(0, n - 1), (1, 2), (3, n - 2)] {
            let (ks, kt) = (format!("p{s:02}"), format!("p{t:02}"));
            if w.node(&ks).is_none() || w.node(&kt).is_none() {
                continue;
            }
            for max_hops in [1, 2, 3, 4] {
                let want = all_paths(
                    &w,
                    w.node(&ks).expect("a node"),
                    w.node(&kt).expect("a node"),
                    max_hops,
                );
                let got = w.introduction_paths(&ks, &kt, max_hops, want.len() + 3)?;
                assert_eq!(got.len(), want.len(), "round {round}, {ks} → {kt} in {max_hops}");
                for (p, (b, prod, keys)) in got.iter().zip(&want) {
                    assert_eq!(&p.keys(), keys, "round {round}, {ks} → {kt} in {max_hops}");
                    assert_eq!((p.bottleneck, p.product), (*b, *prod));
                }
                let best = w.introduction_path(&ks, &kt, max_hops)?;
                assert_eq!(
                    best.map(|p| p.keys().join(" ")),
                    want.first().map(|w| w.2.join(" "))
                );
            }
        }
    }
    Ok(())
}

// ----- brokerage -----------------------------------------------------------

/// ana–bo 1, ana–cy 0.5, ana–dee 0.25, bo–cy 0.75, cy–eve 1; zed alone.
fn brokerage_graph() -> RelationshipGraph {
    let mut g = quarters(&[
        ("ana", "bo", 4),
        ("ana", "cy", 2),
        ("ana", "dee", 1),
        ("bo", "cy", 3),
        ("cy", "eve", 4),
    ]);
    g.add_person(Person::new("zed")).expect("new person");
    g
}

#[test]
fn constraint_and_effective_size_by_hand() -> tiegraph::Result<()> {
    let g = brokerage_graph();
    // strengths: ana 1.75, bo 1.75, cy 2.25; strongest ties: bo 1, cy 1
    // ana: p_bo = 4/7, p_cy = 2/7, p_dee = 1/7
    //   indirect to bo via cy: p_cy · p_cy,bo = 2/7 · 0.75/2.25 = 2/21
    //   indirect to cy via bo: p_bo · p_bo,cy = 4/7 · 0.75/1.75 = 12/49
    //   C = (4/7 + 2/21)² + (2/7 + 12/49)² + (1/7)² = 4/9 + 676/2401 + 49/2401
    //   redundancy of bo: p_cy · m_bo,cy = 2/7 · 0.75/1 = 3/14
    //   redundancy of cy: p_bo · m_cy,bo = 4/7 · 0.75/1 = 3/7
    //   E = (1 − 3/14) + (1 − 3/7) + 1 = 33/14; unweighted 3 − 2·1/3 = 7/3
    let b = g.brokerage("ana", at())?;
    assert_eq!(b.degree, 3);
    close("strength", b.strength, 1.75);
    close("constraint", b.constraint, 4.0 / 9.0 + 725.0 / 2401.0);
    close("effective size", b.effective_size, 33.0 / 14.0);
    close("unweighted", b.unweighted_effective_size, 7.0 / 3.0);
    let by: Vec<(&str, f64)> = b
        .constrained_by
        .iter()
        .map(|c| (c.person.key.as_str(), c.value))
        .collect();
    assert_eq!(by.iter().map(|x| x.0).collect::<Vec<_>>(), ["bo", "cy", "dee"]);
    close("local bo", by[0].1, 4.0 / 9.0);
    close("local cy", by[1].1, 676.0 / 2401.0);
    close("local dee", by[2].1, 1.0 / 49.0);
    assert_eq!(
        b.reason,
        "ties to 3 people, 2.36 of them non-redundant; constraint 0.75, most from bo (0.44)"
    );
    // bo: p_ana = 4/7, p_cy = 3/7
    //   indirect to ana via cy: 3/7 · 0.5/2.25 = 2/21; to cy via ana: 4/7 · 0.5/1.75 = 8/49
    //   C = (4/7 + 2/21)² + (3/7 + 8/49)² = 4/9 + 841/2401
    //   redundancy of ana: p_cy · m_ana,cy = 3/7 · 0.5 = 3/14; of cy: p_ana · m_cy,ana = 4/7 · 0.5 = 2/7
    //   E = 2 − 3/14 − 2/7 = 3/2; unweighted 2 − 2·1/2 = 1
    let b = g.brokerage("bo", at())?;
    close("constraint", b.constraint, 4.0 / 9.0 + 841.0 / 2401.0);
    close("effective size", b.effective_size, 1.5);
    close("unweighted", b.unweighted_effective_size, 1.0);
    // cy: p_ana = 0.5/2.25 = 2/9, p_bo = 1/3, p_eve = 4/9
    //   indirect to ana via bo: 1/3 · 1/1.75 = 4/21; to bo via ana: 2/9 · 1/1.75 = 8/63
    //   C = (2/9 + 4/21)² + (1/3 + 8/63)² + (4/9)² = (26/63)² + (29/63)² + (28/63)²
    //   redundancy of ana: p_bo · m_ana,bo = 1/3 · 1 = 1/3; of bo: p_ana · m_bo,ana = 2/9 · 1
    //   E = 3 − 1/3 − 2/9 = 22/9; unweighted 3 − 2/3 = 7/3
    let b = g.brokerage("cy", at())?;
    close(
        "constraint",
        b.constraint,
        (26.0f64 * 26.0 + 29.0 * 29.0 + 28.0 * 28.0) / (63.0 * 63.0),
    );
    close("effective size", b.effective_size, 22.0 / 9.0);
    close("unweighted", b.unweighted_effective_size, 7.0 / 3.0);
    // one contact: fully constrained, effective size 1
    for key in ["dee", "eve"] {
        let b = g.brokerage(key, at())?;
        assert_eq!(
            (
                b.degree,
                b.constraint,
                b.effective_size,
                b.unweighted_effective_size
            ),
            (1, 1.0, 1.0, 1.0)
        );
    }
    // nobody: NaN, like networkx
    let z = g.brokerage("zed", at())?;
    assert_eq!(z.degree, 0);
    assert!(z.constraint.is_nan() && z.effective_size.is_nan() && z.unweighted_effective_size.is_nan());
    assert!(z.constrained_by.is_empty());
    assert_eq!(z.reason, "no ties in this view: brokerage is undefined");
    assert!(matches!(
        g.brokerage("nobody", at()),
        Err(Error::PersonNotFound { .. })
    ));
    Ok(())
}

#[test]
fn brokerage_of_everyone_matches_one_by_one() -> tiegraph::Result<()> {
    let g = brokerage_graph();
    let all = g.brokerage_all(at())?;
    let keys: Vec<&str> = all.iter().map(|b| b.person.key.as_str()).collect();
    assert_eq!(keys, ["ana", "bo", "cy", "dee", "eve", "zed"]);
    for b in &all[..5] {
        assert_eq!(b, &g.brokerage(&b.person.key, at())?);
    }
    // a view: offline only keeps the meetings, which every tie has: all at 0.25,
    // so the weighted and unweighted effective sizes agree
    let offline = g.view(&View::offline())?;
    for b in offline.brokerage_all(at())?.iter().filter(|b| b.degree > 0) {
        close(
            "weighted vs unweighted",
            b.effective_size,
            b.unweighted_effective_size,
        );
    }
    Ok(())
}

// ----- communities ---------------------------------------------------------

/// Two cliques of four at 1.0 (a*, b*), joined by a2–b1 at 0.25.
fn two_cliques() -> RelationshipGraph {
    let mut ties = Vec::new();
    for side in ["a", "b"] {
        for i in 1..=4 {
            for j in i + 1..=4 {
                ties.push((format!("{side}{i}"), format!("{side}{j}"), 4));
            }
        }
    }
    ties.push(("a2".into(), "b1".into(), 1));
    let refs: Vec<(&str, &str, u32)> = ties
        .iter()
        .map(|(a, b, q)| (a.as_str(), b.as_str(), *q))
        .collect();
    quarters(&refs)
}

#[test]
fn louvain_splits_two_cliques_joined_by_a_weak_tie() -> tiegraph::Result<()> {
    let g = two_cliques();
    // m = 12 · 1 + 0.25 = 12.25; each clique: L = 6, K = 12 + 0.25 = 12.25 = m
    let want = 2.0 * (6.0 / 12.25 - (12.25f64 / 24.5).powi(2));
    for seed in [0, 1, 2, 42, u64::MAX] {
        let c = g.communities(at(), 1.0, seed)?;
        assert_eq!(c.community, [0, 0, 0, 0, 1, 1, 1, 1], "seed {seed}");
        assert_eq!(c.count, 2);
        close("modularity", c.modularity, want);
        assert_eq!(c.to_string(), "0: a1, a2, a3, a4\n1: b1, b2, b3, b4\n");
    }
    close("12/12.25 − 1/2", want, 12.0 / 12.25 - 0.5);
    Ok(())
}

#[test]
fn resolution_moves_the_scale() -> tiegraph::Result<()> {
    let g = two_cliques();
    // γ = 0.01: merging the cliques gains 0.25/12.25 − 0.01 · 2 · 12.25²/24.5² > 0
    let c = g.communities(at(), 0.01, 3)?;
    assert_eq!(c.count, 1);
    close("modularity", c.modularity, 1.0 - 0.01); // L = m, K = 2m
    // γ = 3: joining a neighbour gains at most 1 − 3 · 3 · 3/24.5 < 0: everyone alone
    let c = g.communities(at(), 3.0, 3)?;
    assert_eq!(c.count, 8);
    assert_eq!(c.community, [0, 1, 2, 3, 4, 5, 6, 7]);
    let k2: f64 = 6.0 * 3.0 * 3.0 + 2.0 * 3.25 * 3.25;
    close("modularity", c.modularity, -3.0 * k2 / (24.5 * 24.5));
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(
            g.communities(at(), bad, 3),
            Err(Error::InvalidArgument { .. })
        ));
    }
    Ok(())
}

#[test]
fn modularity_of_any_partition() -> tiegraph::Result<()> {
    let g = two_cliques();
    let v = g.full_view();
    close(
        "one community",
        v.modularity(
            &[g.people().map(|p| p.key.clone()).collect::<Vec<_>>()],
            at(),
            1.0,
        )?,
        0.0,
    );
    // unlisted people are alone: here everyone
    let alone = v.modularity::<Vec<&str>, &str>(&[], at(), 1.0)?;
    close(
        "singletons",
        alone,
        -(6.0 * 9.0 + 2.0 * 3.25 * 3.25) / (24.5 * 24.5),
    );
    // a bad split: a1 a2 b1 | the rest. Inside: a1–a2 1 + a2–b1 0.25 = 1.25;
    // the rest: a3–a4 1, b2–b3–b4 3, a-rest to b-rest 0 = 4... K1 = 3 + 3.25 + 3.25 = 9.5
    let bad = [vec!["a1", "a2", "b1"], vec!["a3", "a4", "b2", "b3", "b4"]];
    let q1 = 1.25 / 12.25 - (9.5f64 / 24.5).powi(2);
    let q2 = 4.0 / 12.25 - (15.0f64 / 24.5).powi(2);
    close("bad split", g.modularity(&bad, at(), 1.0)?, q1 + q2);
    let err = g
        .modularity(&[vec!["a1", "a2"], vec!["a2"]], at(), 1.0)
        .expect_err("an error");
    assert_eq!(
        err.to_string(),
        r#"invalid argument communities: "a2" is in more than one community"#
    );
    assert!(matches!(
        g.modularity(&[["zz"]], at(), 1.0),
        Err(Error::PersonNotFound { .. })
    ));
    assert!(matches!(
        g.modularity(&[["a1"]], at(), -1.0),
        Err(Error::InvalidArgument { .. })
    ));
    // nobody tied yet: modularity 0, everyone alone
    close("no ties", g.modularity(&[["a1", "a2"]], day(-2), 1.0)?, 0.0);
    let c = g.communities(day(-2), 1.0, 0)?;
    assert_eq!((c.count, c.modularity), (8, 0.0));
    Ok(())
}

#[test]
fn a_ring_of_cliques_is_found_whatever_the_seed() -> tiegraph::Result<()> {
    // six cliques of five, each joined to the next by one weak tie
    let mut ties = Vec::new();
    for c in 0..6 {
        for i in 0..5 {
            for j in i + 1..5 {
                ties.push((format!("c{c}m{i}"), format!("c{c}m{j}"), 4));
            }
        }
        ties.push((format!("c{c}m4"), format!("c{}m0", (c + 1) % 6), 1));
    }
    let refs: Vec<(&str, &str, u32)> = ties
        .iter()
        .map(|(a, b, q)| (a.as_str(), b.as_str(), *q))
        .collect();
    let g = quarters(&refs);
    // m = 6 · 10 + 6 · 0.25 = 61.5; each clique L = 10, K = 20 + 0.5 = 20.5
    let want = 6.0 * (10.0 / 61.5 - (20.5f64 / 123.0).powi(2));
    let first = g.communities(at(), 1.0, 0)?;
    for seed in 0..20 {
        let c = g.communities(at(), 1.0, seed)?;
        assert_eq!(c.count, 6, "seed {seed}");
        let expect: Vec<usize> = (0..30).map(|i| i / 5).collect();
        assert_eq!(c.community, expect, "seed {seed}");
        close("modularity", c.modularity, want);
        assert_eq!(c.modularity.to_bits(), first.modularity.to_bits());
    }
    Ok(())
}

// ----- suggestions ---------------------------------------------------------

#[test]
fn suggestions_by_hand() -> tiegraph::Result<()> {
    // ana knows bo (1) and cy (0.5); bo knows lee (0.75); cy knows lee
    // (0.25) and max (1). Strengths: bo 1.75, cy 1.75.
    let mut g = quarters(&[
        ("ana", "bo", 4),
        ("ana", "cy", 2),
        ("bo", "lee", 3),
        ("cy", "lee", 1),
        ("cy", "max", 4),
    ]);
    // an unanswered email from ana to max: a tie of strength 0, still a suggestion
    g.add_interaction(Interaction::new("ana", "max", day(-1), "email"))?;
    let ln = 2.75f64.ln();
    let aa = g.suggest("ana", 5, at(), SuggestMethod::AdamicAdar)?;
    let keys: Vec<&str> = aa.iter().map(|s| s.person.key.as_str()).collect();
    assert_eq!(keys, ["lee", "max"]);
    // lee: via bo (1 + 0.75)/2/ln 2.75, via cy (0.5 + 0.25)/2/ln 2.75
    close("aa lee", aa[0].score, 0.875 / ln + 0.375 / ln);
    close("aa lee via bo", aa[0].via[0].value, 0.875 / ln);
    close("aa lee via cy", aa[0].via[1].value, 0.375 / ln);
    close("aa max", aa[1].score, 0.75 / ln);
    assert_eq!((aa[0].shared, aa[1].shared), (2, 1));
    let ra = g.suggest("ana", 5, at(), SuggestMethod::ResourceAllocation)?;
    // lee: 1 · 0.75/1.75 + 0.5 · 0.25/1.75 = 0.5; max: 0.5 · 1/1.75 = 2/7
    close("ra lee", ra[0].score, 0.5);
    close("ra max", ra[1].score, 2.0 / 7.0);
    assert_eq!(ra[0].reason, "2 shared contacts: bo (0.43), cy (0.07)");
    assert_eq!(ra[1].reason, "1 shared contact: cy (0.29)");
    // from lee: ana through bo and cy, max through cy (strength 1.75 each)
    let from_lee = g.suggest("lee", 1, at(), SuggestMethod::ResourceAllocation)?;
    assert_eq!(from_lee.len(), 1);
    assert_eq!(from_lee[0].person.key, "ana");
    close("ra ana", from_lee[0].score, (0.75 * 1.0 + 0.25 * 0.5) / 1.75);
    // people already tied are never suggested
    assert!(
        g.suggest("bo", 5, at(), SuggestMethod::AdamicAdar)?
            .iter()
            .all(|s| s.person.key != "ana")
    );
    assert!(matches!(
        g.suggest("nobody", 5, at(), SuggestMethod::AdamicAdar),
        Err(Error::PersonNotFound { .. })
    ));
    assert!(matches!(
        g.suggest("ana", 0, at(), SuggestMethod::AdamicAdar),
        Err(Error::InvalidArgument { .. })
    ));
    Ok(())
}

#[test]
fn equal_suggestions_come_in_key_order_and_name_at_most_three_contacts() -> tiegraph::Result<()> {
    // ana and lee share four contacts; so do ana and kim; max shares one
    let mut ties = Vec::new();
    for z in ["w", "x", "y", "z"] {
        ties.push(("ana", z, 2));
        ties.push((z, "lee", 2));
        ties.push((z, "kim", 2));
    }
    ties.push(("w", "max", 2));
    let g = quarters(&ties);
    let s = g.suggest("ana", 2, at(), SuggestMethod::ResourceAllocation)?;
    let keys: Vec<&str> = s.iter().map(|s| s.person.key.as_str()).collect();
    assert_eq!(keys, ["kim", "lee"]);
    assert_eq!(s[0].score, s[1].score);
    assert_eq!(s[0].via.len(), 3);
    assert_eq!(
        s[0].reason,
        "4 shared contacts: x (0.17), y (0.17), z (0.17) and 1 more"
    );
    // w has one more tie (max): it adds least
    close("via x", s[0].via[0].value, 0.5 * 0.5 / 1.5);
    Ok(())
}

// ----- a generated graph ---------------------------------------------------

/// splitmix64, for generating test graphs without a dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `n` people in groups of 40; each makes `within` ties inside their group
/// and `across` outside it. Each tie is a meeting on a random day of the
/// past year, half of them followed by an email exchange, so strengths
/// vary with recency, intensity and multiplexity.
fn generated(n: u64, within: u64, across: u64, seed: u64) -> RelationshipGraph {
    let mut rng = SplitMix64(seed);
    let key = |i: u64| format!("p{i:06}");
    let mut rows = Vec::with_capacity((n * (within + across) * 2) as usize);
    for i in 0..n {
        let group = i / 40;
        for e in 0..within + across {
            let j = if e < within {
                (group * 40 + rng.below(40)).min(n - 1)
            } else {
                rng.below(n)
            };
            if j == i {
                continue;
            }
            let when = at() - TimeDelta::hours(rng.below(365 * 24) as i64 + 1);
            rows.push(Interaction::new(key(i), key(j), when, "in_person"));
            if rng.below(2) == 0 {
                let later = when + TimeDelta::hours(rng.below(24 * 30) as i64);
                rows.push(Interaction::new(key(i), key(j), later.min(at()), "email"));
                rows.push(Interaction::new(key(j), key(i), later.min(at()), "email"));
            }
        }
    }
    let mut g = RelationshipGraph::new();
    g.add_interactions(rows).expect("valid rows");
    g
}

/// FNV-1a of the community labels, to pin the partition across runs.
fn fingerprint(labels: &[usize]) -> u64 {
    labels.iter().fold(0xcbf2_9ce4_8422_2325, |h, &l| {
        (h ^ l as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

fn check_invariants(g: &RelationshipGraph, samples: u64) -> tiegraph::Result<()> {
    let t0 = Instant::now();
    let w = StrengthGraph::new(&g.full_view(), at())?;
    eprintln!(
        "{} people, {} ties with strength > 0: strength graph in {:.2?}",
        w.len(),
        w.edge_count(),
        t0.elapsed()
    );
    let n = w.len() as u64;
    let mut rng = SplitMix64(99);

    // introductions
    let t0 = Instant::now();
    for _ in 0..samples {
        let (s, t) = (rng.below(n) as usize, rng.below(n) as usize);
        if s == t {
            continue;
        }
        let (ks, kt) = (&w.person(s).key, &w.person(t).key);
        let paths = w.introduction_paths(ks, kt, 4, 3)?;
        assert_eq!(
            paths.first().map(|p| p.keys()),
            w.introduction_path(ks, kt, 4)?.map(|p| p.keys())
        );
        for p in &paths {
            assert!(p.hops() <= 4 && p.keys()[0] == ks && p.keys()[p.hops()] == kt);
            let mut seen = p.keys();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), p.people.len(), "loopless");
            let (mut b, mut prod) = (f64::INFINITY, 1.0);
            for (i, pair) in p.people.windows(2).enumerate() {
                let s = w.strength(
                    w.node(&pair[0].key).expect("a node"),
                    w.node(&pair[1].key).expect("a node"),
                );
                assert_eq!(p.strengths[i], s);
                b = b.min(s);
                prod *= s;
            }
            assert_eq!((p.bottleneck, p.product), (b, prod));
        }
        for pair in paths.windows(2) {
            let (x, y) = (&pair[0], &pair[1]);
            assert!(
                x.bottleneck > y.bottleneck
                    || (x.bottleneck == y.bottleneck
                        && (x.product > y.product
                            || (x.product == y.product && (x.hops(), x.keys()) < (y.hops(), y.keys())))),
                "out of order: {} / {}",
                x.reason,
                y.reason
            );
        }
        assert_eq!(paths, w.introduction_paths(ks, kt, 4, 3)?, "deterministic");
    }
    eprintln!("{samples} × 3 introduction paths in {:.2?}", t0.elapsed());

    // brokerage
    let t0 = Instant::now();
    let all = w.brokerage_all();
    eprintln!("brokerage of everyone in {:.2?}", t0.elapsed());
    for _ in 0..samples {
        let i = rng.below(n) as usize;
        let b = &all[i];
        assert_eq!(b, &w.brokerage(&b.person.key)?);
        if b.degree == 0 {
            assert!(b.constraint.is_nan());
            continue;
        }
        let d = b.degree as f64;
        assert!(b.constraint > 0.0 && b.constraint.is_finite());
        assert!(b.effective_size >= 1.0 - 1e-9 && b.effective_size <= d + 1e-9);
        assert!(b.unweighted_effective_size >= 1.0 - 1e-9 && b.unweighted_effective_size <= d + 1e-9);
    }

    // communities
    let t0 = Instant::now();
    let c = w.communities(1.0, 7)?;
    eprintln!(
        "Louvain: {} communities, modularity {:.4}, in {:.2?}",
        c.count,
        c.modularity,
        t0.elapsed()
    );
    assert_eq!(c, w.communities(1.0, 7)?, "same seed, same partition");
    let mut next = 0;
    for &l in &c.community {
        assert!(l <= next, "numbered by smallest member key");
        if l == next {
            next += 1;
        }
    }
    assert_eq!(next, c.count);
    let groups: Vec<Vec<&str>> = c
        .groups()
        .iter()
        .map(|m| m.iter().map(|p| p.key.as_str()).collect())
        .collect();
    assert_eq!(w.modularity(&groups, 1.0)?, c.modularity);
    assert!(c.modularity > 0.3, "planted groups give a clear structure");
    let other = w.communities(1.0, 8)?;
    assert!((other.modularity - c.modularity).abs() < 0.05);

    // suggestions
    let t0 = Instant::now();
    for _ in 0..samples {
        let x = rng.below(n) as usize;
        let key = &w.person(x).key;
        for method in [SuggestMethod::AdamicAdar, SuggestMethod::ResourceAllocation] {
            let s = w.suggest(key, 10, method)?;
            for pair in s.windows(2) {
                assert!(
                    pair[0].score > pair[1].score
                        || (pair[0].score == pair[1].score && pair[0].person.key < pair[1].person.key)
                );
            }
            for row in &s {
                let y = w.node(&row.person.key).expect("a node");
                assert_eq!(w.strength(x, y), 0.0);
                // brute force, summing over shared contacts in key order
                let mut want = 0.0;
                let mut shared = 0;
                for (&z, &s_xz) in w.neighbours(x).0.iter().zip(w.neighbours(x).1) {
                    let s_zy = w.strength(z as usize, y);
                    if s_zy > 0.0 {
                        let s_z: f64 = w.neighbours(z as usize).1.iter().sum();
                        want += match method {
                            SuggestMethod::AdamicAdar => (s_xz + s_zy) / 2.0 / (1.0 + s_z).ln(),
                            SuggestMethod::ResourceAllocation => s_xz * s_zy / s_z,
                        };
                        shared += 1;
                    }
                }
                assert!((row.score - want).abs() <= 1e-12 * want.max(1.0));
                assert_eq!(row.shared, shared);
            }
        }
    }
    eprintln!("{} suggestions in {:.2?}", 2 * samples, t0.elapsed());
    Ok(())
}

#[test]
fn a_generated_graph_of_20k_people_keeps_every_invariant() -> tiegraph::Result<()> {
    let g = generated(20_000, 4, 1, 2026);
    check_invariants(&g, 20)
}

#[test]
fn louvain_is_reproducible_across_runs() -> tiegraph::Result<()> {
    // strengths of the multiplexity-only model depend on channels alone, so
    // this pins the partition itself, not the scoring model's rounding
    let mut rng = SplitMix64(5);
    let mut ties = Vec::new();
    for i in 0..2_000u64 {
        for _ in 0..3 {
            let j = if rng.below(5) == 0 {
                rng.below(2_000)
            } else {
                (i / 25) * 25 + rng.below(25)
            };
            if j != i {
                ties.push((format!("p{i:04}"), format!("p{j:04}"), 1 + rng.below(4) as u32));
            }
        }
    }
    let refs: Vec<(&str, &str, u32)> = ties
        .iter()
        .map(|(a, b, q)| (a.as_str(), b.as_str(), *q))
        .collect();
    let g = quarters(&refs);
    let c = g.communities(at(), 1.0, 12_345)?;
    let rebuilt = quarters(&refs);
    let again = rebuilt.communities(at(), 1.0, 12_345)?;
    assert_eq!(c.community, again.community);
    assert_eq!(c.modularity.to_bits(), again.modularity.to_bits());
    assert_eq!(
        (c.count, fingerprint(&c.community), c.modularity.to_bits()),
        (38, 17_664_853_515_150_553_537, 4_605_086_501_020_998_475),
        "modularity {}",
        c.modularity
    );
    Ok(())
}

#[test]
#[ignore = "100k people and about a million ties: run in release with --ignored"]
fn a_generated_graph_of_100k_people() -> tiegraph::Result<()> {
    let t0 = Instant::now();
    let g = generated(100_000, 9, 3, 2027);
    eprintln!(
        "generated {} interactions on {} ties in {:.2?}",
        g.interaction_count(),
        g.tie_count(),
        t0.elapsed()
    );
    check_invariants(&g, 20)?;
    let t0 = Instant::now();
    let p = g.introduction_path("p000001", "p099998", at(), 6)?;
    eprintln!(
        "one introduction path, strength graph included, in {:.2?}: {:?}",
        t0.elapsed(),
        p.map(|p| p.reason)
    );
    let t0 = Instant::now();
    let c = g.communities(at(), 1.0, 1)?;
    eprintln!(
        "communities, strength graph included, in {:.2?}: {} with modularity {:.4}",
        t0.elapsed(),
        c.count,
        c.modularity
    );
    Ok(())
}
