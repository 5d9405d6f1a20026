//! Merging graphs gives the graph of both logs ingested together.

use tiegraph::{Connection, Error, GroupEvent, Interaction, Person, RelationshipGraph};

use crate::common::{Entry, TestResult, day, dinner, email, err, interactions, one_by_one, podcast, sample};

fn left() -> Vec<Entry> {
    vec![
        Entry::Interaction(email("ana", "lee", day(2))),
        Entry::Interaction(Interaction::new("lee", "bo", day(3), "podcast").with_duration(1800.0)),
        Entry::Interaction(Interaction::new("kim", "ana", day(4), "dinner")),
        Entry::Event(GroupEvent::new(["ana", "bo", "kim"], day(5)).with_name("launch")),
        Entry::Connection(Connection::follows("lee", "ana", "x")),
    ]
}

fn right() -> Vec<Entry> {
    vec![
        // the channels used in the other order, so their ids differ
        Entry::Interaction(Interaction::new("ana", "lee", day(2), "dinner").with_weight(0.5)),
        Entry::Interaction(Interaction::new("bo", "lee", day(3), "podcast")),
        Entry::Interaction(email("ana", "lee", day(2))), // also in `left`: counts twice
        Entry::Event(GroupEvent::new(["zed", "ana", "lee", "bo"], day(6))),
        Entry::Connection(Connection::follows("lee", "ana", "x")), // also in `left`: kept once
        Entry::Connection(Connection::mutual("zed", "bo", "linkedin")),
    ]
}

#[test]
fn merge_equals_ingesting_both_logs() -> TestResult {
    let (x, y) = (one_by_one(&left())?, one_by_one(&right())?);
    assert_eq!(x.channels()[9].name, "podcast");
    assert_eq!(y.channels()[9].name, "dinner");
    let union = one_by_one(&[left(), right()].concat())?;

    let mut xy = x.clone();
    xy.merge(&y)?;
    let mut yx = y.clone();
    yx.merge(&x)?;
    assert_eq!(xy, union);
    assert_eq!(yx, union);
    assert_eq!(xy.interaction_count(), 3 + 3 + 3 + 6);
    assert_eq!(xy.tie("lee", "ana")?.connections().count(), 1);
    // The channels were matched by name, not by id.
    let on_ana_lee: Vec<_> = xy
        .tie("ana", "lee")?
        .interactions()
        .map(|i| (i.channel, i.weight))
        .collect();
    let want = [
        ("email", 1.0),
        ("email", 1.0),
        ("dinner", 0.5),
        ("event", 0.5773502691896258),
    ];
    assert_eq!(on_ana_lee, want.map(|(c, w)| (c.to_string(), w)));
    Ok(())
}

#[test]
fn merged_interactions_keep_their_channels() -> TestResult {
    let (x, y) = (one_by_one(&left())?, one_by_one(&right())?);
    let mut xy = x.clone();
    xy.merge(&y)?;
    let mut got: Vec<_> = interactions(&xy)
        .into_iter()
        .filter(|i| i.channel == "podcast" || i.channel == "dinner")
        .map(|i| (i.src, i.dst, i.channel))
        .collect();
    got.sort();
    let want = [
        ("ana", "lee", "dinner"),
        ("bo", "lee", "podcast"),
        ("kim", "ana", "dinner"),
        ("lee", "bo", "podcast"),
    ]
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
    assert_eq!(got, want);
    assert_eq!(xy.channel("podcast")?, &podcast());
    assert_eq!(xy.channel("dinner")?, &dinner());
    Ok(())
}

#[test]
fn merge_with_an_empty_graph_changes_nothing() -> TestResult {
    let g = sample();
    let mut into_empty = RelationshipGraph::new();
    into_empty.merge(&g)?;
    assert_eq!(into_empty, g);
    assert_eq!(into_empty.interaction_count(), g.interaction_count());
    let mut from_empty = g.clone();
    from_empty.merge(&RelationshipGraph::new())?;
    assert_eq!(from_empty, g);
    // Merging a graph into itself doubles its interactions but not its
    // connections, people or events' participants.
    let mut twice = g.clone();
    twice.merge(&g)?;
    assert_eq!(twice.interaction_count(), 2 * g.interaction_count());
    assert_eq!(twice.person_count(), g.person_count());
    assert_eq!(twice.events().len(), 2);
    Ok(())
}

#[test]
fn a_conflicting_channel_fails_the_merge_and_changes_nothing() -> TestResult {
    let mut x = sample();
    let before = x.clone();
    let mut y = RelationshipGraph::new();
    y.register_channel(dinner())?;
    y.register_channel(podcast().mutual(false))?;
    y.add_interaction(Interaction::new("ana", "new", day(9), "podcast"))?;
    let e = err(x.merge(&y));
    assert!(matches!(&e, Error::InvalidChannel { name, .. } if name == "podcast"));
    assert_eq!(
        e.to_string(),
        r#"invalid channel "podcast": a different channel with this name is already registered"#
    );
    assert_eq!(x, before);
    assert!(x.channel("dinner").is_err(), "no channel was registered");
    assert!(!x.contains_person("new"));
    Ok(())
}

#[test]
fn people_in_both_keep_details_set_here_and_take_the_rest() -> TestResult {
    let mut x = RelationshipGraph::new();
    x.add_person(Person::new("ana").with_name("Ana").with_tags(["press"]))?;
    x.add_interaction(email("ana", "lee", day(2)))?;
    let mut y = RelationshipGraph::new();
    y.add_person(
        Person::new("ana")
            .with_name("Ana B.")
            .with_organisation("Agency")
            .with_tags(["ai", "press"]),
    )?;
    y.add_person(Person::new("lee").with_role("reporter"))?;
    y.add_person(Person::new("solo").with_name("Solo"))?;
    x.merge(&y)?;
    assert_eq!(
        x.person("ana")?,
        &Person::new("ana")
            .with_name("Ana")
            .with_organisation("Agency")
            .with_tags(["press", "ai"])
    );
    assert_eq!(x.person("lee")?, &Person::new("lee").with_role("reporter"));
    // A person with no ties comes along too.
    assert_eq!(x.person("solo")?, &Person::new("solo").with_name("Solo"));
    assert_eq!(x.tie_count(), 1);
    Ok(())
}

#[test]
fn removed_people_leave_no_trace_in_a_merge() -> TestResult {
    let mut y = one_by_one(&right())?;
    y.remove_person("zed")?;
    let mut x = one_by_one(&left())?;
    x.merge(&y)?;
    assert!(!x.contains_person("zed"));
    let union = one_by_one(&[left(), crate::common::without(&right(), "zed")].concat())?;
    assert_eq!(x, union);
    Ok(())
}

#[test]
fn events_from_both_sides_are_rediluted_after_a_merge() -> TestResult {
    let (x, y) = (one_by_one(&left())?, one_by_one(&right())?);
    let mut xy = x.clone();
    xy.merge(&y)?;
    xy.remove_person("ana")?;
    let log = crate::common::without(&[left(), right()].concat(), "ana");
    // ana was the only one to use "dinner", which stays registered
    let without = crate::common::with_people(&crate::common::keys(&log), &log)?;
    assert_eq!(xy, without);
    Ok(())
}
