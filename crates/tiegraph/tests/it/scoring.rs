//! Small scenarios whose every number is derived by hand from the model page.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tiegraph::{Connection, Interaction, RelationshipGraph, ScoringModel, Side, State, TieFilter, View};

const DAY: f64 = 86_400.0;
const TOL: f64 = 1e-12;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0)
        .single()
        .expect("valid date")
}

fn days(d: f64) -> DateTime<Utc> {
    t0() + TimeDelta::seconds((d * DAY) as i64)
}

fn close(what: &str, got: f64, want: f64) {
    assert!(
        (got - want).abs() <= TOL,
        "{what}: got {got}, want {want} (diff {})",
        (got - want).abs()
    );
}

/// The default model's weighted sum, for two-way pairs.
fn combine(f: [f64; 7]) -> f64 {
    let w = [0.25, 0.25, 0.15, 0.10, 0.10, 0.10, 0.05];
    w.iter().zip(f).map(|(w, f)| w * f).sum::<f64>() / w.iter().sum::<f64>()
}

#[test]
fn an_unanswered_pitch_is_one_sided_and_scores_zero() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    for d in [0.0, 7.0, 14.0] {
        g.add_interaction(Interaction::new("ana", "lee", days(d), "email"))?;
    }
    let s = g.strength("lee", "ana", days(20.0))?;
    close("value", s.value, 0.0);
    assert!(!s.two_way);
    assert_eq!(s.state, State::OneSided { from: Side::B }); // ana, the second asked
    // effort in the order asked: lee first, who put in nothing
    let h = 180.0;
    let sa: f64 = [20.0, 13.0, 6.0]
        .iter()
        .map(|age: &f64| 0.3 * (-age / h).exp2())
        .sum();
    close("effort of lee", s.effort.a, 0.0);
    close("effort of ana", s.effort.b, sa);
    let c = s.components;
    close("R", c.recency, 0.0);
    close("I", c.intensity, 0.0);
    close("D", c.duration, 0.0);
    close("F", c.regularity, 0.0);
    close("B", c.reciprocity, (0.0 + 1.0) / (0.9 + 2.0));
    close("M", c.multiplexity, 0.25);
    close("K", c.connection, 0.0);
    Ok(())
}

#[test]
fn likes_only_are_passive_and_a_follow_gives_at_most_the_connection_share() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    for d in 0..10 {
        g.add_interaction(Interaction::new("bo", "lee", days(f64::from(d)), "reaction"))?;
        g.add_interaction(Interaction::new(
            "lee",
            "bo",
            days(f64::from(d) + 0.5),
            "reaction",
        ))?;
    }
    let s = g.strength("bo", "lee", days(30.0))?;
    assert_eq!(s.state, State::Passive);
    close("value", s.value, 0.0);
    close("M", s.components.multiplexity, 0.0);
    close("B", s.components.reciprocity, (2.0 * 0.3 + 1.0) / (0.6 + 2.0));
    g.add_connection(Connection::follows("bo", "lee", "x"))?;
    let s = g.strength("bo", "lee", days(30.0))?;
    close("K", s.components.connection, 0.5);
    close("value", s.value, 0.05 * 0.5);
    assert_eq!(s.state, State::Passive);
    g.add_connection(Connection::follows("lee", "bo", "instagram"))?;
    close("value", g.strength("bo", "lee", days(30.0))?.value, 0.05);
    Ok(())
}

#[test]
fn a_connection_alone_counts_from_its_since() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    g.add_connection(Connection::mutual("ana", "kim", "linkedin").since(days(10.0)))?;
    let before = g.strength("ana", "kim", days(9.0))?;
    assert_eq!((before.state, before.value), (State::None, 0.0));
    let after = g.strength("ana", "kim", days(10.0))?;
    assert_eq!(after.state, State::Connected);
    close("value", after.value, 0.05);
    Ok(())
}

#[test]
fn a_first_coffee() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    g.add_interaction(Interaction::new("ana", "lee", days(0.0), "in_person").with_duration(1800.0))?;
    let s = g.strength("ana", "lee", days(1.0))?;
    let w = (0.5f64).sqrt(); // 1.0 × √(1800 / 3600)
    let sx = w * (-1.0f64 / 180.0).exp2();
    let f = [
        (-1.0f64 / 90.0).exp2(),
        1.0 - (-sx / 3.0).exp(),
        1.0 - (-1.0f64 / 365.0).exp(),
        2f64.ln() / 53f64.ln(),
        (2.0 * w + 1.0) / (2.0 * w + 2.0),
        0.25,
        0.0,
    ];
    let c = s.components;
    for (name, got, want) in [
        ("R", c.recency, f[0]),
        ("I", c.intensity, f[1]),
        ("D", c.duration, f[2]),
        ("F", c.regularity, f[3]),
        ("B", c.reciprocity, f[4]),
        ("M", c.multiplexity, f[5]),
        ("K", c.connection, f[6]),
    ] {
        close(name, got, want);
    }
    close("value", s.value, combine(f));
    assert_eq!(s.state, State::Active);
    assert!(s.two_way && !s.online_only && !s.capped);
    close(
        "peak",
        g.explain("ana", "lee", days(1.0))?
            .strength
            .peak
            .expect("explain sets the peak"),
        s.value.max(g.strength("ana", "lee", days(0.0))?.value),
    );
    // the sum of the contributions is the value
    let sum: f64 = s.contributions.named().iter().map(|(_, v)| v).sum();
    close("contributions", sum, s.value);
    Ok(())
}

/// 26 weeks of DMs both ways, never met: the online-only cap binds once a
/// mutual connection lifts the raw score above it.
#[test]
fn online_only_weekly_dms_hit_the_cap() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    for k in 0..26 {
        let d = 7.0 * f64::from(k);
        g.add_interaction(Interaction::new("ana", "lee", days(d), "direct_message"))?;
        g.add_interaction(Interaction::new("lee", "ana", days(d + 1.0), "direct_message"))?;
    }
    let t = 7.0 * 25.0 + 2.0; // the day after lee's last reply
    let ages_a: Vec<f64> = (0..26).map(|k| t - 7.0 * f64::from(k)).collect();
    let ages_b: Vec<f64> = ages_a.iter().map(|a| a - 1.0).collect();
    let s_a: f64 = ages_a.iter().map(|a| 0.3 * (-a / 180.0).exp2()).sum();
    let s_b: f64 = ages_b.iter().map(|a| 0.3 * (-a / 180.0).exp2()).sum();
    let x = 26.0 * 0.3;
    let f = [
        (-2.0f64 / 90.0).exp2(), // ana's last DM is 2 days old
        1.0 - (-(s_a * s_b).sqrt() / 3.0).exp(),
        1.0 - (-(t - 1.0) / 365.0).exp(), // lee's first DM started it both ways
        27f64.ln() / 53f64.ln(),          // 26 distinct weeks on each side
        (2.0 * x + 1.0) / (2.0 * x + 2.0),
        0.25,
        0.0,
    ];
    let s = g.strength("ana", "lee", days(t))?;
    close("I", s.components.intensity, f[1]);
    close("F", s.components.regularity, f[3]);
    close("value", s.value, combine(f));
    assert!(
        s.online_only && !s.capped,
        "raw {} stays under the cap",
        combine(f)
    );

    g.add_connection(Connection::mutual("ana", "lee", "linkedin"))?;
    let mut f2 = f;
    f2[6] = 1.0;
    assert!(combine(f2) > 0.75);
    let s = g.strength("ana", "lee", days(t))?;
    close("capped value", s.value, 0.75);
    assert!(s.capped && s.online_only);

    // one phone call lifts the cap
    g.add_interaction(Interaction::new("lee", "ana", days(t - 0.5), "phone_call"))?;
    let s = g.strength("ana", "lee", days(t))?;
    assert!(!s.online_only && s.value > 0.75);
    Ok(())
}

/// A year of weekly coffees, then 400 days of silence.
#[test]
fn a_dormant_former_strong_tie() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    for k in 0..52 {
        g.add_interaction(Interaction::new(
            "ana",
            "lee",
            days(7.0 * f64::from(k)),
            "in_person",
        ))?;
    }
    let last = 7.0 * 51.0;
    let t = last + 400.0;
    let s = g.strength("ana", "lee", days(t))?;
    let w_total = 52.0;
    let sx: f64 = (0..52).map(|k| (-(t - 7.0 * f64::from(k)) / 180.0).exp2()).sum();
    let f = [
        (-400.0f64 / 90.0).exp2(),
        1.0 - (-sx / 3.0).exp(),
        1.0 - (-t / 365.0).exp(),
        0.0, // nothing in the last 52 weeks
        1.0, // nothing in the window: (0 + 1) / (0 + 2) is 0.5...
        0.0,
        0.0,
    ];
    let _ = w_total;
    let mut f = f;
    f[4] = 0.5; // ...since X_a = X_b = 0 within 365 days
    close("value", s.value, combine(f));
    assert!(s.components.recency < 0.1);
    // the peak is at the last coffee: every feature is at its best then
    let sp: f64 = (0..52)
        .map(|k| (-(last - 7.0 * f64::from(k)) / 180.0).exp2())
        .sum();
    let fp = [
        1.0,
        1.0 - (-sp / 3.0).exp(),
        1.0 - (-last / 365.0).exp(),
        53f64.ln() / 53f64.ln(),
        (2.0 * 52.0 + 1.0) / (104.0 + 2.0),
        0.25,
        0.0,
    ];
    close(
        "peak",
        s.peak.expect("the dormant rule needed the peak"),
        combine(fp),
    );
    let (peak, at) = g.peak("ana", "lee", days(t))?.expect("a tie");
    close("peak()", peak, combine(fp));
    assert_eq!(at, days(last));
    assert_eq!(s.state, State::Dormant);
    Ok(())
}

#[test]
fn a_cooling_tie() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    // calls every three days for two years, then 90 days of silence:
    // recency halves (0.25 × 0.5 of strength) while the rest holds
    for k in 0..244 {
        g.add_interaction(Interaction::new(
            "ana",
            "lee",
            days(3.0 * f64::from(k)),
            "video_call",
        ))?;
    }
    let last = 3.0 * 243.0;
    let s = g.strength("ana", "lee", days(last + 90.0))?;
    let back = g.strength("ana", "lee", days(last))?;
    close("R", s.components.recency, 0.5);
    assert!(s.value < back.value - 0.1, "{} vs {}", s.value, back.value);
    assert!(s.components.recency > 0.1);
    assert_eq!(s.state, State::Cooling);
    Ok(())
}

#[test]
fn interactions_after_the_date_change_nothing() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    g.add_interaction(Interaction::new("ana", "lee", days(0.0), "email"))?;
    g.add_interaction(Interaction::new("lee", "ana", days(1.0), "email"))?;
    let before = g.strength("ana", "lee", days(5.0))?;
    g.add_interaction(Interaction::new(
        "lee",
        "ana",
        days(5.0) + TimeDelta::seconds(1),
        "in_person",
    ))?;
    g.add_connection(Connection::mutual("ana", "lee", "x").since(days(6.0)))?;
    assert_eq!(g.strength("ana", "lee", days(5.0))?, before);
    Ok(())
}

#[test]
fn durations_are_clamped() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    // 5 minutes of an hour's typical: √(300/3600) = 0.289 → 0.5; 10 hours: √10 → 2
    g.add_interaction(Interaction::new("ana", "lee", days(0.0), "in_person").with_duration(300.0))?;
    g.add_interaction(Interaction::new("ana", "bo", days(0.0), "in_person").with_duration(36_000.0))?;
    let short = g.explain("ana", "lee", days(0.0))?;
    let long = g.explain("ana", "bo", days(0.0))?;
    close("short W", short.top[0].weight, 0.5);
    close("long W", long.top[0].weight, 2.0);
    Ok(())
}

#[test]
fn views_apply_the_model_to_what_they_keep() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    g.add_interaction(Interaction::new("ana", "lee", days(0.0), "email"))?;
    g.add_interaction(Interaction::new("lee", "ana", days(1.0), "email"))?;
    g.add_interaction(Interaction::new("lee", "ana", days(2.0), "in_person"))?;
    let off = g.offline_strength("ana", "lee", days(3.0))?;
    // offline only: one meeting, nothing else
    let only_meeting = {
        let mut h = RelationshipGraph::new();
        h.add_interaction(Interaction::new("lee", "ana", days(2.0), "in_person"))?;
        h.strength("ana", "lee", days(3.0))?
    };
    assert_eq!(off, only_meeting);
    let on = g.online_strength("ana", "lee", days(3.0))?;
    assert!(on.online_only);
    let window = g
        .view(&View::all().between(days(1.0), days(2.0)))?
        .strength("ana", "lee", days(3.0))?;
    assert_eq!(window.state, State::OneSided { from: Side::B });
    let emails = g
        .view(&View::all().with_channels(["email"]))?
        .strength("ana", "lee", days(3.0))?;
    assert_eq!(emails, on);
    assert!(g.view(&View::all().with_channels(["fax"])).is_err());
    Ok(())
}

#[test]
fn structural_overlap_on_a_triangle_and_a_tail() -> tiegraph::Result<()> {
    // a-b-c triangle of two-way ties, plus c-d; S(a,b) = 1 / ((2-1) + (2-1) - 1) = 1,
    // S(a,c) = 1 / ((2-1) + (3-1) - 1) = 0.5, S(c,d) = 0 / (2 + 0 - 0) = 0
    let mut g = RelationshipGraph::new();
    for (x, y) in [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")] {
        g.add_interaction(Interaction::new(x, y, days(0.0), "in_person"))?;
    }
    g.add_interaction(Interaction::new("a", "d", days(0.0), "email"))?; // one-sided: not in the two-way graph
    g.set_model(ScoringModel {
        structural: true,
        ..ScoringModel::default()
    })?;
    let at = days(1.0);
    let s = |x, y| -> tiegraph::Result<f64> {
        Ok(g.strength(x, y, at)?.components.structural.unwrap_or(f64::NAN))
    };
    close("S(a,b)", s("a", "b")?, 1.0);
    close("S(a,c)", s("a", "c")?, 0.5);
    close("S(c,d)", s("c", "d")?, 0.0);
    close("S(a,d)", s("a", "d")?, 0.0);
    // the bulk path computes the same
    for t in g.ties(at)? {
        let single = g.strength(&t.a.key, &t.b.key, at)?;
        assert_eq!(
            t.strength.components, single.components,
            "{} {}",
            t.a.key, t.b.key
        );
    }
    Ok(())
}

#[test]
fn bulk_ties_agree_with_single_queries_and_filter() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    g.add_interaction(Interaction::new("ana", "lee", days(0.0), "in_person"))?;
    g.add_interaction(Interaction::new("ana", "bo", days(1.0), "email"))?;
    g.add_interaction(Interaction::new("bo", "ana", days(2.0), "email"))?;
    g.add_interaction(Interaction::new("kim", "ana", days(2.0), "reaction"))?;
    let at = days(3.0);
    let all = g.ties(at)?;
    let keys: Vec<(&str, &str)> = all.iter().map(|t| (t.a.key.as_str(), t.b.key.as_str())).collect();
    assert_eq!(keys, vec![("ana", "bo"), ("ana", "kim"), ("ana", "lee")]);
    for t in &all {
        let mut single = g.strength(&t.a.key, &t.b.key, at)?;
        single.peak = t.strength.peak;
        assert_eq!(t.strength, single);
    }
    let strong = g.ties_with(
        at,
        &TieFilter {
            person: Some("ana".into()),
            min_strength: 0.3,
            with_peak: true,
        },
    )?;
    let keys: Vec<&str> = strong.iter().map(|t| t.b.key.as_str()).collect();
    assert_eq!(keys, vec!["bo", "lee"]);
    assert!(
        strong
            .iter()
            .all(|t| t.a.key == "ana" && t.strength.peak.is_some())
    );
    Ok(())
}

#[test]
fn explanations_read_well() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    g.add_interaction(Interaction::new("ana", "lee", days(0.0), "email"))?;
    g.add_interaction(Interaction::new("lee", "ana", days(1.0), "public_reply"))?;
    g.add_interaction(Interaction::new("ana", "lee", days(30.0), "email"))?;
    g.add_connection(Connection::follows("ana", "lee", "x"))?;
    let e = g.explain("ana", "lee", days(42.0))?;
    assert_eq!(
        e.reasons,
        vec![
            "last two-way contact 41 days ago (public_reply)",
            "never met in person or by call",
            "each side reached out in at least 1 of the last 52 weeks",
            "first meaningful contact 42 days ago",
            "ana follows lee on x",
        ]
    );
    let last = e.last_two_way.expect("two-way");
    assert_eq!(
        (last.from.as_str(), last.channel.as_str()),
        ("lee", "public_reply")
    );
    assert_eq!(e.top[0].channel, "email");
    assert_eq!(e.top[0].at, days(30.0));
    let shares: f64 = e.top.iter().map(|c| c.share).sum();
    close("shares", shares, 1.0);
    Ok(())
}
