//! Removal leaves no trace: removing a person gives the graph of the log
//! without them, and removing every interaction gives back the people.

use tiegraph::{Connection, GroupEvent, Interaction, RelationshipGraph};

use crate::common::{
    Entry, TestResult, day, email, interactions, keys, one_by_one, people, with_people, without,
};

fn log() -> Vec<Entry> {
    vec![
        Entry::Interaction(email("ana", "lee", day(2))),
        Entry::Interaction(email("lee", "ana", day(3)).with_weight(0.5)),
        Entry::Interaction(Interaction::new("pat", "lee", day(3), "phone_call").with_duration(300.0)),
        Entry::Interaction(Interaction::new("ana", "pat", day(4), "podcast")),
        Entry::Interaction(email("bo", "kim", day(4))),
        // pat at a dinner of four, at a party of two and at a drink with a
        // third person; one event without pat
        Entry::Event(GroupEvent::new(["lee", "pat", "ana", "bo"], day(5)).with_name("dinner")),
        Entry::Event(GroupEvent::new(["pat", "kim"], day(6)).with_name("party")),
        Entry::Event(
            GroupEvent::new(["ana", "pat", "bo"], day(7))
                .with_channel("dinner")
                .with_weight(2.0),
        ),
        Entry::Event(GroupEvent::new(["bo", "kim", "lee"], day(8))),
        // the same event twice: both copies are re-diluted
        Entry::Event(GroupEvent::new(["kim", "pat", "lee"], day(9))),
        Entry::Event(GroupEvent::new(["kim", "pat", "lee"], day(9))),
        Entry::Connection(Connection::follows("pat", "ana", "x")),
        Entry::Connection(Connection::mutual("kim", "pat", "linkedin")),
        Entry::Connection(Connection::mutual("kim", "lee", "linkedin")),
    ]
}

#[test]
fn removing_a_person_equals_never_adding_them() -> TestResult {
    let all = keys(&log());
    for key in &all {
        let mut g = with_people(&all, &log())?;
        let removed = g.remove_person(key)?;
        assert_eq!(&removed.key, key);
        let others: Vec<_> = all.iter().filter(|k| *k != key).collect();
        let want = with_people(others, &without(&log(), key))?;
        assert_eq!(g, want, "removing {key}");
        assert_eq!(
            (g.person_count(), g.tie_count(), g.interaction_count()),
            (want.person_count(), want.tie_count(), want.interaction_count()),
            "removing {key}"
        );
        assert_eq!(g.events(), want.events());
    }
    Ok(())
}

#[test]
fn removal_redilutes_the_events_left() -> TestResult {
    let mut g = one_by_one(&log())?;
    g.remove_person("pat")?;
    // The dinner of four is now of three: 1 / √2 for each pair left.
    let w: Vec<_> = g
        .tie("ana", "lee")?
        .interactions()
        .filter(|i| i.at == day(5))
        .map(|i| i.weight)
        .collect();
    assert_eq!(w, [0.7071067811865475]);
    // The dinner of four also holds ana and bo; the weighted event of
    // three is now of two: 2 / √1.
    let w: Vec<_> = g
        .tie("ana", "bo")?
        .interactions()
        .map(|i| (i.weight, i.channel))
        .collect();
    assert_eq!(
        w,
        [
            (0.7071067811865475, "event".to_string()),
            (2.0, "dinner".to_string())
        ]
    );
    // The party of two is gone; the doubled event is two events of two.
    let events = g.events();
    assert_eq!(events.len(), 5);
    assert!(
        events
            .iter()
            .all(|e| !e.participants.contains(&"pat".to_string()))
    );
    assert!(!events.iter().any(|e| e.name.as_deref() == Some("party")));
    let kim_lee: Vec<_> = g
        .tie("kim", "lee")?
        .interactions()
        .filter(|i| i.at == day(9))
        .map(|i| (i.src, i.weight))
        .collect();
    assert_eq!(kim_lee, vec![("kim".to_string(), 1.0); 2]);
    // Nobody else lost anything.
    assert_eq!(people(&g), ["ana", "bo", "kim", "lee"]);
    assert_eq!(g.tie("bo", "kim")?.len(), 2);
    Ok(())
}

#[test]
fn removing_everyone_leaves_an_empty_graph() -> TestResult {
    let mut g = one_by_one(&log())?;
    for key in keys(&log()) {
        g.remove_person(&key)?;
    }
    let mut empty = RelationshipGraph::new();
    empty.register_channel(crate::common::podcast())?;
    empty.register_channel(crate::common::dinner())?;
    assert_eq!(g, empty);
    assert_eq!(
        (g.person_count(), g.tie_count(), g.interaction_count()),
        (0, 0, 0)
    );
    assert!(g.events().is_empty());
    assert_eq!(g.iter_ties().count(), 0);
    Ok(())
}

#[test]
fn removing_every_interaction_leaves_the_people_and_connections() -> TestResult {
    let log: Vec<Entry> = log()
        .into_iter()
        .filter(|e| !matches!(e, Entry::Event(_)))
        .collect();
    let mut g = with_people(&keys(&log), &log)?;
    let everything = interactions(&g);
    assert_eq!(everything.len(), 5);
    // Remove in reverse, so that the ties' logs shrink from the end.
    for it in everything.iter().rev() {
        g.remove_interaction(it)?;
    }
    let conns: Vec<Entry> = log
        .iter()
        .filter(|e| matches!(e, Entry::Connection(_)))
        .cloned()
        .collect();
    let want = with_people(&keys(&log), &conns)?;
    assert_eq!(g, want);
    assert_eq!((g.interaction_count(), g.tie_count()), (0, 3));
    assert!(g.iter_ties().all(|t| t.is_empty()));
    Ok(())
}

#[test]
fn removing_every_interaction_given_returns_to_no_ties() -> TestResult {
    let given = [
        email("ana", "lee", day(2)),
        email("ana", "lee", day(2)),
        email("lee", "ana", day(2)),
        Interaction::new("ana", "bo", day(3), "in_person")
            .with_duration(0.1)
            .with_weight(0.3),
        Interaction::new("bo", "kim", day(1), "reaction").with_weight(0.0),
    ];
    let mut g = RelationshipGraph::new();
    g.add_interactions(given.clone())?;
    // The interactions as given (0.1 s is stored as the nearest binary32,
    // and matched the same way).
    for it in &given {
        g.remove_interaction(it)?;
    }
    let mut want = RelationshipGraph::new();
    for k in ["ana", "bo", "kim", "lee"] {
        want.add_person(tiegraph::Person::new(k))?;
    }
    assert_eq!(g, want);
    assert_eq!(
        (g.tie_count(), g.interaction_count(), g.person_count()),
        (0, 0, 4)
    );
    Ok(())
}

#[test]
fn removing_one_of_two_equal_interactions_keeps_the_other() -> TestResult {
    let mut g = RelationshipGraph::new();
    let it = email("ana", "lee", day(2));
    g.add_interactions([it.clone(), it.clone(), email("lee", "ana", day(2))])?;
    g.remove_interaction(&it)?;
    let mut want = RelationshipGraph::new();
    want.add_interactions([it, email("lee", "ana", day(2))])?;
    assert_eq!(g, want);
    assert_eq!(g.interaction_count(), 2);
    Ok(())
}

#[test]
fn an_interaction_of_an_event_can_be_removed_by_what_the_tie_lists() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.add_event(GroupEvent::new(["ana", "bo", "lee"], day(2)).with_duration(60.0))?;
    let listed = g.tie("ana", "lee")?.interactions().next().expect("one");
    g.remove_interaction(&listed)?;
    assert!(g.tie("ana", "lee").is_err());
    assert_eq!((g.tie_count(), g.interaction_count()), (2, 2));
    Ok(())
}
