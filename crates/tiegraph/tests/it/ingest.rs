//! Values that ingestion keeps: people, ties and their orientation,
//! interactions, group events and connections.

use chrono::{DateTime, Duration, Utc};
use tiegraph::{
    Channel, Connection, ConnectionKind, GroupEvent, Interaction, OnError, Person, RelationshipGraph,
};

use crate::common::{TestResult, at, day, email, interactions, people, podcast, sample};

fn log() -> Vec<Interaction> {
    vec![
        email("lee", "ana", day(3)),
        email("ana", "lee", day(2)),
        email("ana", "lee", day(2)), // the same email logged twice counts twice
        Interaction::new("bo", "ana", day(1), "phone_call").with_duration(600.0),
        Interaction::new("ana", "bo", day(1), "phone_call").with_duration(600.0),
        Interaction::new("kim", "lee", day(4), "reaction").with_weight(0.25),
        Interaction::new("lee", "kim", day(4), "in_person").with_duration(5400.0),
        email("zed", "ana", day(9)),
        email("ana", "zed", day(8)).with_weight(0.0),
    ]
}

#[test]
fn bulk_and_one_by_one_give_equal_graphs() -> TestResult {
    let mut one = RelationshipGraph::new();
    for it in log() {
        one.add_interaction(it)?;
    }
    let mut bulk = RelationshipGraph::new();
    let report = bulk.add_interactions(log())?;
    assert_eq!(
        (report.rows, report.added, report.new_people, report.ties_touched),
        (9, 9, 5, 4)
    );
    assert!(report.skipped.is_empty());
    assert_eq!(one, bulk);

    // In two chunks, the second touching ties the first created.
    let mut chunks = RelationshipGraph::new();
    let all = log();
    let (first, second) = all.split_at(4);
    let r1 = chunks.add_interactions(first.to_vec())?;
    let r2 = chunks.add_interactions_with(second.to_vec(), OnError::Skip)?;
    assert_eq!((r1.new_people, r2.new_people), (3, 2));
    assert_eq!(chunks, one);

    for g in [&one, &bulk, &chunks] {
        assert_eq!(
            (g.person_count(), g.tie_count(), g.interaction_count()),
            (5, 4, 9)
        );
        assert_eq!(people(g), ["ana", "bo", "kim", "lee", "zed"]);
    }
    // Equal graphs hold the same interactions in the same order.
    assert_eq!(interactions(&one), interactions(&bulk));
    // A graph with one interaction fewer is not equal.
    let mut fewer = RelationshipGraph::new();
    fewer.add_interactions(log().into_iter().skip(1))?;
    assert_ne!(fewer, one);
    Ok(())
}

#[test]
fn ties_are_oriented_by_key_whoever_started() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.add_interaction(email("zed", "ana", day(2)))?;
    g.add_interaction(email("bo", "zed", day(3)))?;
    g.add_interaction(email("bo", "ana", day(4)))?;
    for (x, y) in [("ana", "zed"), ("zed", "ana")] {
        let t = g.tie(x, y)?;
        assert_eq!((t.a().key.as_str(), t.b().key.as_str()), ("ana", "zed"));
        let first = t.interactions().next().expect("one interaction");
        assert_eq!((first.src.as_str(), first.dst.as_str()), ("zed", "ana"));
    }
    let pairs: Vec<_> = g
        .iter_ties()
        .map(|t| (t.a().key.clone(), t.b().key.clone()))
        .collect();
    assert_eq!(
        pairs,
        [("ana", "bo"), ("ana", "zed"), ("bo", "zed")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let others: Vec<_> = g
        .ties_of("zed")?
        .map(|t| if t.a().key == "zed" { t.b() } else { t.a() }.key.clone())
        .collect();
    assert_eq!(others, ["ana", "bo"]);
    let others: Vec<_> = g.ties_of("ana")?.map(|t| t.b().key.clone()).collect();
    assert_eq!(others, ["bo", "zed"]);
    Ok(())
}

#[test]
fn interactions_come_back_exactly() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.register_channel(podcast())?;
    let nanos = |t: DateTime<Utc>, n: i64| t + Duration::nanoseconds(n);
    let given = vec![
        // sub-second times are floored to the second, before the epoch too
        email("ana", "lee", nanos(day(2), 999_999_999)),
        Interaction::new(
            "lee",
            "ana",
            nanos(at(1969, 12, 31, 23, 59, 59), 500_000_000),
            "email",
        ),
        Interaction::new("lee", "ana", day(3), "in_person")
            .with_duration(5400.0)
            .with_weight(0.37),
        Interaction::new("ana", "lee", day(4), "podcast")
            .with_duration(90.25)
            .with_weight(2.5),
        Interaction::new("ana", "lee", day(5), "phone_call")
            .with_duration(0.0)
            .with_weight(0.0),
        Interaction::new("ana", "lee", day(6), "reaction").with_weight(1e-9),
    ];
    g.add_interactions(given.clone())?;
    let back = interactions(&g);
    let mut want = given;
    want[0].at = day(2);
    want[1].at = at(1969, 12, 31, 23, 59, 59);
    want[3].duration = Some(90.0); // durations are whole seconds, like times
    want.swap(0, 1); // time order
    assert_eq!(back, want);
    assert_eq!(back[0].at.timestamp(), -1);
    let t = g.tie("lee", "ana")?;
    assert_eq!((t.len(), t.is_empty()), (6, false));
    assert_eq!(t.first_at(), Some(at(1969, 12, 31, 23, 59, 59)));
    assert_eq!(t.last_at(), Some(day(6)));

    // Durations are stored in whole seconds, rounded to the nearest: exact
    // up to the ten-year limit, and the same in every implementation.
    let mut h = RelationshipGraph::new();
    for d in [0.1, 0.5, 59.5, 86_400.0 * 400.0 + 0.4] {
        h.add_interaction(Interaction::new("ana", "lee", day(2), "phone_call").with_duration(d))?;
    }
    let got: Vec<_> = interactions(&h).into_iter().map(|i| i.duration).collect();
    assert_eq!(got, vec![Some(0.0), Some(1.0), Some(60.0), Some(34_560_000.0)]);
    Ok(())
}

#[test]
fn interactions_at_the_extremes_of_time_are_kept() -> TestResult {
    let mut g = RelationshipGraph::new();
    let (lo, hi) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    g.add_interactions([email("ana", "lee", hi), email("ana", "lee", lo)])?;
    let t = g.tie("ana", "lee")?;
    assert_eq!(t.first_at().map(|t| t.timestamp()), Some(-8_334_601_228_800));
    assert_eq!(t.last_at().map(|t| t.timestamp()), Some(8_210_266_876_799));
    Ok(())
}

#[test]
#[allow(
    clippy::approx_constant,
    reason = "2 / √2 as computed is one ulp under SQRT_2; the literal is the point"
)]
fn group_events_expand_to_diluted_pairs() -> TestResult {
    let mut g = RelationshipGraph::new();
    // n = 5: 10 pairs at 1 / √4
    g.add_event(GroupEvent::new(["lee", "ana", "sam", "bo", "kim"], day(2)).with_name("launch"))?;
    assert_eq!(
        (g.person_count(), g.tie_count(), g.interaction_count()),
        (5, 10, 10)
    );
    for t in g.iter_ties() {
        let its: Vec<_> = t.interactions().collect();
        assert_eq!(its.len(), 1);
        assert_eq!(
            (its[0].weight, its[0].channel.as_str(), its[0].at),
            (0.5, "event", day(2))
        );
        assert_eq!(its[0].duration, None);
    }
    // The pair's first listed participant is the initiator.
    let it = g.tie("ana", "lee")?.interactions().next().expect("one");
    assert_eq!((it.src.as_str(), it.dst.as_str()), ("lee", "ana"));
    let it = g.tie("kim", "bo")?.interactions().next().expect("one");
    assert_eq!((it.src.as_str(), it.dst.as_str()), ("bo", "kim"));

    // n = 4: 6 pairs at 1 / √3, duration carried
    let mut g = RelationshipGraph::new();
    g.add_event(GroupEvent::new(["d", "c", "b", "a"], day(3)).with_duration(7200.0))?;
    assert_eq!((g.tie_count(), g.interaction_count()), (6, 6));
    for it in interactions(&g) {
        assert_eq!(it.weight, 0.5773502691896258);
        assert_eq!(it.duration, Some(7200.0));
        assert!(it.src > it.dst, "{it:?}: d, c, b, a initiate in that order");
    }

    // n = 3, weight 2, on another channel: 3 pairs at 2 / √2 (one ulp
    // under the nearest double to √2, as the division rounds)
    let mut g = RelationshipGraph::new();
    g.register_channel(podcast())?;
    g.add_event(
        GroupEvent::new(["a", "b", "c"], day(4))
            .with_weight(2.0)
            .with_channel("podcast"),
    )?;
    let ws: Vec<_> = interactions(&g)
        .iter()
        .map(|i| (i.weight, i.channel.clone()))
        .collect();
    assert_eq!(ws, vec![(1.414213562373095, "podcast".to_string()); 3]);

    // n = 2: no dilution
    let mut g = RelationshipGraph::new();
    g.add_event(GroupEvent::new(["a", "b"], day(4)).with_weight(0.75))?;
    assert_eq!(interactions(&g)[0].weight, 0.75);
    assert_eq!(interactions(&g)[0].src, "a");
    Ok(())
}

#[test]
fn group_events_are_listed_as_given() -> TestResult {
    let mut g = RelationshipGraph::new();
    let late = GroupEvent::new(["lee", "ana", "sam"], day(9))
        .with_name("send-off")
        .with_channel("in_person")
        .with_duration(3600.0)
        .with_weight(1.5);
    let early = GroupEvent::new(["bo", "ana"], day(1));
    g.add_event(late.clone())?;
    g.add_event(early.clone())?;
    assert_eq!(g.events(), vec![early, late]);
    // An event and a plain interaction on the same pair add up.
    g.add_interaction(email("ana", "lee", day(5)))?;
    assert_eq!(g.tie("lee", "ana")?.len(), 2);
    assert_eq!(g.interaction_count(), 5);
    Ok(())
}

#[test]
fn connections_dedupe_and_keep_direction_and_since() -> TestResult {
    let mut g = RelationshipGraph::new();
    let since = at(2020, 5, 17, 8, 30, 0);
    let report = g.add_connections([
        Connection::mutual("ana", "lee", "linkedin"),
        Connection::mutual("lee", "ana", "linkedin"), // the same link
        Connection::mutual("ana", "lee", "linkedin"),
        Connection::follows("zed", "ana", "x").since(since + Duration::milliseconds(250)),
        Connection::follows("zed", "ana", "x").since(since),
        Connection::follows("ana", "zed", "x"),
        Connection::follows("ana", "zed", "x"),
        Connection::mutual("ana", "zed", "facebook"),
    ])?;
    assert_eq!((report.rows, report.added, report.new_people), (8, 8, 3));
    assert_eq!(
        (g.person_count(), g.tie_count(), g.interaction_count()),
        (3, 2, 0)
    );

    let lee: Vec<_> = g.tie("lee", "ana")?.connections().collect();
    assert_eq!(lee, vec![Connection::mutual("ana", "lee", "linkedin")]);
    let zed: Vec<_> = g.tie("ana", "zed")?.connections().collect();
    assert_eq!(
        zed,
        vec![
            Connection::mutual("ana", "zed", "facebook"),
            Connection::follows("ana", "zed", "x"),
            // the follower keeps their place, though their key sorts last;
            // since is floored to the second like every time
            Connection::follows("zed", "ana", "x").since(since),
        ]
    );
    assert_eq!(zed[2].kind, ConnectionKind::Follows);

    // A tie made of connections only holds no interactions.
    let t = g.tie("ana", "lee")?;
    assert_eq!(
        (t.len(), t.is_empty(), t.first_at(), t.last_at()),
        (0, true, None, None)
    );
    // Adding a connection again changes nothing.
    let before = g.clone();
    g.add_connection(Connection::follows("zed", "ana", "x").since(since))?;
    assert_eq!(g, before);
    assert_eq!(g.tie("ana", "zed")?.connections().count(), 3);
    Ok(())
}

#[test]
fn people_keep_their_details() -> TestResult {
    let mut g = RelationshipGraph::new();
    let lee = Person::new("lee@daily.example")
        .with_name("Lee Park")
        .with_organisation("The Daily Example")
        .with_role("tech reporter")
        .with_tags(["press", "ai"]);
    let id = g.add_person(lee.clone())?;
    assert_eq!(g.person_id("lee@daily.example")?, id);
    assert_eq!(g.person_at(id), &lee);
    // Interactions naming an existing person do not touch their details.
    g.add_interaction(email("ana@agency.example", "lee@daily.example", day(2)))?;
    assert_eq!(g.person("lee@daily.example")?, &lee);
    assert_eq!(
        g.person("ana@agency.example")?,
        &Person::new("ana@agency.example")
    );
    assert!(g.contains_person("ana@agency.example"));
    assert_eq!(people(&g), ["ana@agency.example", "lee@daily.example"]);

    let moved = Person::new("lee@daily.example").with_organisation("The Weekly Example");
    g.update_person(moved.clone())?;
    assert_eq!(g.person("lee@daily.example")?, &moved);
    assert_eq!(g.tie("lee@daily.example", "ana@agency.example")?.len(), 1);

    // Details are part of equality.
    let mut other = g.clone();
    other.update_person(moved.clone().with_role("editor"))?;
    assert_ne!(other, g);

    let removed = g.remove_person("lee@daily.example")?;
    assert_eq!(removed, moved);
    assert_eq!(
        (g.person_count(), g.tie_count(), g.interaction_count()),
        (1, 0, 0)
    );
    // The key can be used again, for a new person without the old ties.
    g.add_person(Person::new("lee@daily.example"))?;
    assert!(g.tie("lee@daily.example", "ana@agency.example").is_err());
    Ok(())
}

#[test]
fn registered_channels_are_used_by_name() -> TestResult {
    let mut g = RelationshipGraph::new();
    let id = g.register_channel(podcast())?;
    assert_eq!(id.index(), 9);
    assert_eq!(g.channels().len(), 10);
    assert_eq!(g.channels()[..9], Channel::builtin()[..]);
    assert_eq!(g.channels()[9], podcast());
    assert_eq!(g.channel("podcast")?, &podcast());
    assert_eq!(g.channel("in_person")?.typical_duration, Some(3600.0));
    g.add_interaction(Interaction::new("ana", "lee", day(2), "podcast"))?;
    assert_eq!(interactions(&g)[0].channel, "podcast");
    // Registered channels are part of equality, even unused.
    let mut other = RelationshipGraph::new();
    other.add_interaction(Interaction::new("ana", "lee", day(3), "email"))?;
    let mut with_podcast = other.clone();
    with_podcast.register_channel(podcast())?;
    assert_ne!(other, with_podcast);
    Ok(())
}

#[test]
fn sample_graph_is_what_it_says() -> TestResult {
    // The fixture other tests compare against must itself be right.
    let g = sample();
    assert_eq!(people(&g), ["ana", "bo", "kim", "lee"]);
    assert_eq!((g.tie_count(), g.interaction_count()), (5, 6));
    assert_eq!(g.events().len(), 1);
    Ok(())
}
