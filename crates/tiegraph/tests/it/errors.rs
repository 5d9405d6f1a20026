//! Every error of the in-memory API: its kind, its exact message, the row
//! or field it names, and that a failed call changes nothing.

use tiegraph::{
    Channel, ChannelClass, Connection, Error, GroupEvent, Interaction, Mode, OnError, Person,
    RelationshipGraph,
};

use crate::common::{TestResult, day, email, err, podcast, row_of, sample};

/// Checks one bad interaction through every way in: alone (and given to
/// `remove_interaction`), in an all-or-nothing bulk load, which must leave
/// the graph exactly as it was, and in a skipping bulk load, which must
/// report it with its row and add the rest. Returns the error of the
/// single call.
fn bad_interaction(bad: Interaction, expected: &str) -> Error {
    let mut g = sample();
    let before = g.clone();
    let e = err(g.add_interaction(bad.clone()));
    assert_eq!(e.to_string(), expected);
    assert_eq!(g, before);
    assert_eq!(err(g.remove_interaction(&bad)).to_string(), expected);
    assert_eq!(g, before);

    let good = [
        email("ana", "lee", day(10)),
        email("zed", "ana", day(11)),
        email("bo", "lee", day(12)),
    ];
    let rows = vec![
        good[0].clone(),
        good[1].clone(),
        bad.clone(),
        good[2].clone(),
        bad,
    ];
    let bulk = err(g.add_interactions(rows.clone()));
    assert_eq!(row_of(&bulk), (2, None));
    assert_eq!(bulk.to_string(), format!("row 2: {expected}"));
    assert_eq!(bulk.root().to_string(), expected);
    assert_eq!(g, before);
    assert_eq!(
        (g.interaction_count(), g.person_count(), g.tie_count()),
        (
            before.interaction_count(),
            before.person_count(),
            before.tie_count()
        )
    );

    let report = g
        .add_interactions_with(rows, OnError::Skip)
        .expect("a skipping load does not fail on bad rows");
    assert_eq!(
        (report.rows, report.added, report.new_people, report.ties_touched),
        (5, 3, 1, 3)
    );
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.line, s.error.to_string()))
        .collect();
    assert_eq!(
        skipped,
        vec![(2, None, expected.to_string()), (4, None, expected.to_string())]
    );
    let mut want = before;
    want.add_interactions(good).expect("good rows");
    assert_eq!(g, want);
    e
}

#[test]
fn self_interaction_names_the_person() {
    let e = bad_interaction(
        email("lee", "lee", day(2)),
        r#"self-interaction: "lee" cannot interact with themself"#,
    );
    assert!(matches!(e, Error::SelfInteraction { key } if key == "lee"));
}

#[test]
fn unknown_channel_lists_the_known_ones() {
    let e = bad_interaction(
        Interaction::new("ana", "lee", day(2), "fax"),
        &format!(
            r#"unknown channel "fax"; known channels: {}, podcast"#,
            crate::common::BUILTIN_NAMES
        ),
    );
    match e {
        Error::UnknownChannel { name, known } => {
            assert_eq!(name, "fax");
            assert_eq!(known.len(), 10);
            assert_eq!(known[0], "in_person");
            assert_eq!(known[9], "podcast");
        }
        other => panic!("expected UnknownChannel, got {other:?}"),
    }
    // A fresh graph knows only the built-in channels.
    let mut g = RelationshipGraph::new();
    let e = err(g.add_interaction(Interaction::new("ana", "lee", day(2), "Email")));
    assert_eq!(
        e.to_string(),
        format!(
            r#"unknown channel "Email"; known channels: {}"#,
            crate::common::BUILTIN_NAMES
        )
    );
    assert_eq!(g.person_count(), 0);
}

#[test]
fn negative_nan_and_infinite_weights_are_rejected() {
    for (w, shown) in [
        (-1.0, "-1"),
        (-0.25, "-0.25"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
    ] {
        let e = bad_interaction(
            email("ana", "lee", day(2)).with_weight(w),
            &format!(r#"invalid weight {shown} in field "weight": must be finite and >= 0"#),
        );
        assert!(
            matches!(e, Error::InvalidWeight { ref field, value } if field == "weight"
            && (value.to_bits() == w.to_bits()))
        );
    }
}

#[test]
fn negative_nan_infinite_and_huge_durations_are_rejected() {
    let ten_years = 10.0 * 365.0 * 86_400.0;
    for (d, shown) in [
        (-5.0, "-5"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (ten_years + 1.0, "315360001"),
    ] {
        let e = bad_interaction(
            Interaction::new("ana", "lee", day(2), "phone_call").with_duration(d),
            &format!(
                r#"invalid duration {shown} s in field "duration": must be finite, >= 0 and at most 10 years"#
            ),
        );
        assert!(matches!(e, Error::InvalidDuration { ref field, .. } if field == "duration"));
    }
    // The bounds themselves are fine.
    let mut g = RelationshipGraph::new();
    g.add_interaction(Interaction::new("ana", "lee", day(2), "phone_call").with_duration(0.0))
        .expect("zero duration");
    g.add_interaction(Interaction::new("ana", "lee", day(3), "phone_call").with_duration(ten_years))
        .expect("ten years");
    assert_eq!(g.interaction_count(), 2);
}

#[test]
fn empty_person_keys_name_their_field() -> TestResult {
    let e = bad_interaction(email("", "lee", day(2)), r#"empty person key in field "src""#);
    assert!(matches!(e, Error::EmptyKey { field } if field == "src"));
    let e = bad_interaction(email("ana", "", day(2)), r#"empty person key in field "dst""#);
    assert!(matches!(e, Error::EmptyKey { field } if field == "dst"));

    let mut g = sample();
    let before = g.clone();
    let e = err(g.add_person(Person::new("").with_name("Nobody")));
    assert!(matches!(&e, Error::EmptyKey { field } if field == "key"));
    assert_eq!(e.to_string(), r#"empty person key in field "key""#);
    assert_eq!(g, before);
    Ok(())
}

/// Like [`bad_interaction`], for connections.
fn bad_connection(bad: Connection, expected: &str) -> Error {
    let mut g = sample();
    let before = g.clone();
    let e = err(g.add_connection(bad.clone()));
    assert_eq!(e.to_string(), expected);
    assert_eq!(g, before);

    let good = [
        Connection::mutual("ana", "zed", "linkedin"),
        Connection::follows("zed", "bo", "x"),
    ];
    let rows = vec![good[0].clone(), bad.clone(), good[1].clone()];
    let bulk = err(g.add_connections(rows.clone()));
    assert_eq!(row_of(&bulk), (1, None));
    assert_eq!(bulk.to_string(), format!("row 1: {expected}"));
    assert_eq!(g, before);

    let report = g
        .add_connections_with(rows, OnError::Skip)
        .expect("a skipping load does not fail on bad rows");
    assert_eq!((report.rows, report.added, report.new_people), (3, 2, 1));
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.line, s.error.to_string()))
        .collect();
    assert_eq!(skipped, vec![(1, None, expected.to_string())]);
    let mut want = before;
    want.add_connections(good).expect("good rows");
    assert_eq!(g, want);
    e
}

#[test]
fn bad_connections_name_the_row_and_field() {
    let e = bad_connection(
        Connection::mutual("bo", "bo", "x"),
        r#"self-interaction: "bo" cannot interact with themself"#,
    );
    assert!(matches!(e, Error::SelfInteraction { key } if key == "bo"));
    let e = bad_connection(
        Connection::follows("", "bo", "x"),
        r#"empty person key in field "a""#,
    );
    assert!(matches!(e, Error::EmptyKey { field } if field == "a"));
    let e = bad_connection(
        Connection::follows("bo", "", "x"),
        r#"empty person key in field "b""#,
    );
    assert!(matches!(e, Error::EmptyKey { field } if field == "b"));
    let e = bad_connection(
        Connection::mutual("ana", "bo", ""),
        r#"invalid value "" in field "platform"; expected one of: a non-empty platform name"#,
    );
    assert!(matches!(e, Error::InvalidValue { field, .. } if field == "platform"));
}

#[test]
fn person_not_found_names_the_key() -> TestResult {
    let mut g = sample();
    let before = g.clone();
    let msg = r#"person "zed@x.org" not found"#;
    let cases = [
        err(g.person("zed@x.org")).to_string(),
        err(g.person_id("zed@x.org")).to_string(),
        err(g.tie("ana", "zed@x.org")).to_string(),
        err(g.tie("zed@x.org", "ana")).to_string(),
        err(g.ties_of("zed@x.org").map(Iterator::count)).to_string(),
    ];
    for c in cases {
        assert_eq!(c, msg);
    }
    assert!(!g.contains_person("zed@x.org"));
    let e = err(g.update_person(Person::new("zed@x.org").with_name("Zed")));
    assert!(matches!(&e, Error::PersonNotFound { key } if key == "zed@x.org"));
    assert_eq!(e.to_string(), msg);
    assert_eq!(err(g.remove_person("zed@x.org")).to_string(), msg);
    assert_eq!(g, before);
    // Keys are exact: no trimming, no case folding.
    assert_eq!(err(g.person("Ana")).to_string(), r#"person "Ana" not found"#);
    assert_eq!(err(g.person(" ana")).to_string(), r#"person " ana" not found"#);
    // A removed person is not found any more.
    g.remove_person("ana")?;
    assert_eq!(err(g.person("ana")).to_string(), r#"person "ana" not found"#);
    assert_eq!(
        err(g.remove_person("ana")).to_string(),
        r#"person "ana" not found"#
    );
    Ok(())
}

#[test]
fn person_exists_names_the_key() -> TestResult {
    let mut g = sample();
    let before = g.clone();
    // "ana" was created by an interaction; adding her explicitly is an error.
    let e = err(g.add_person(Person::new("ana").with_name("Ana")));
    assert!(matches!(&e, Error::PersonExists { key } if key == "ana"));
    assert_eq!(e.to_string(), r#"person "ana" already exists"#);
    assert_eq!(g, before);
    assert_eq!(g.person("ana")?.name, None);
    Ok(())
}

#[test]
fn tie_not_found_names_both_people_as_given() -> TestResult {
    let mut g = sample();
    assert!(g.tie("lee", "ana").is_ok());
    let e = err(g.tie("kim", "ana"));
    assert!(matches!(&e, Error::TieNotFound { a, b } if a == "kim" && b == "ana"));
    assert_eq!(e.to_string(), r#"no tie between "kim" and "ana""#);
    assert_eq!(
        err(g.tie("ana", "kim")).to_string(),
        r#"no tie between "ana" and "kim""#
    );
    // A person and themself never have a tie.
    assert_eq!(
        err(g.tie("ana", "ana")).to_string(),
        r#"no tie between "ana" and "ana""#
    );
    // Removing the last interaction of a tie without connections removes the tie.
    g.remove_interaction(&email("ana", "lee", day(2)))?;
    g.remove_interaction(&email("lee", "ana", day(3)).with_weight(0.5))?;
    assert!(g.tie("ana", "lee").is_ok(), "the follow keeps the tie");
    g.remove_interaction(&Interaction::new("ana", "bo", day(4), "podcast").with_duration(2700.0))?;
    assert_eq!(
        err(g.tie("bo", "ana")).to_string(),
        r#"no tie between "bo" and "ana""#
    );
    Ok(())
}

#[test]
fn interaction_not_found_says_what_was_asked() -> TestResult {
    let mut g = sample();
    let before = g.clone();
    let msg = |src: &str, dst: &str, ch: &str, when: &str| {
        format!(r#"no interaction "{src}" -> "{dst}" on "{ch}" at {when} to remove"#)
    };
    let at = "2026-03-02T10:00:00+00:00";
    let misses = [
        // unknown people
        (email("ana", "nobody", day(2)), msg("ana", "nobody", "email", at)),
        (email("nobody", "ana", day(2)), msg("nobody", "ana", "email", at)),
        // people who exist but have no tie
        (email("ana", "kim", day(2)), msg("ana", "kim", "email", at)),
        // the tie exists, but not this interaction: other direction, time,
        // channel, weight or duration
        (email("lee", "ana", day(2)), msg("lee", "ana", "email", at)),
        (
            email("ana", "lee", day(2) + chrono::Duration::seconds(1)),
            msg("ana", "lee", "email", "2026-03-02T10:00:01+00:00"),
        ),
        (
            Interaction::new("ana", "lee", day(2), "direct_message"),
            msg("ana", "lee", "direct_message", at),
        ),
        (
            email("ana", "lee", day(2)).with_weight(0.5),
            msg("ana", "lee", "email", at),
        ),
        (
            email("ana", "lee", day(2)).with_duration(60.0),
            msg("ana", "lee", "email", at),
        ),
    ];
    for (it, want) in misses {
        let e = err(g.remove_interaction(&it));
        assert_eq!(e.to_string(), want, "{it:?}");
        assert!(matches!(e, Error::InteractionNotFound { .. }));
        assert_eq!(g, before);
    }
    // Removing works once, then the same call fails.
    let it = email("ana", "lee", day(2));
    g.remove_interaction(&it)?;
    assert_eq!(
        err(g.remove_interaction(&it)).to_string(),
        msg("ana", "lee", "email", at)
    );
    Ok(())
}

#[test]
fn invalid_channel_registrations_say_why() -> TestResult {
    let mut g = sample();
    let before = g.clone();
    let on = |name: &str, w: f64| Channel::new(name, Mode::Online, ChannelClass::PrivateWritten, w);
    let cases = [
        (on("", 0.3), r#"invalid channel "": the name is empty"#),
        (
            on("fax", -0.1),
            r#"invalid channel "fax": the weight must be finite and >= 0"#,
        ),
        (
            on("fax", f64::NAN),
            r#"invalid channel "fax": the weight must be finite and >= 0"#,
        ),
        (
            on("fax", f64::INFINITY),
            r#"invalid channel "fax": the weight must be finite and >= 0"#,
        ),
        (
            on("fax", 0.3).typical_duration(0.0),
            r#"invalid channel "fax": the typical duration must be finite and > 0 seconds"#,
        ),
        (
            on("fax", 0.3).typical_duration(f64::NAN),
            r#"invalid channel "fax": the typical duration must be finite and > 0 seconds"#,
        ),
        (
            Channel::new("meetup", Mode::Online, ChannelClass::Offline, 0.5),
            r#"invalid channel "meetup": class offline goes with mode offline, and only with it"#,
        ),
        (
            Channel::new("meetup", Mode::Offline, ChannelClass::Synchronous, 0.5),
            r#"invalid channel "meetup": class offline goes with mode offline, and only with it"#,
        ),
        (
            on("email", 0.5),
            r#"invalid channel "email": a different channel with this name is already registered"#,
        ),
        (
            podcast().mutual(false),
            r#"invalid channel "podcast": a different channel with this name is already registered"#,
        ),
    ];
    for (c, want) in cases {
        let e = err(g.register_channel(c));
        assert!(matches!(e, Error::InvalidChannel { .. }));
        assert_eq!(e.to_string(), want);
        assert_eq!(g, before);
        assert_eq!(g.channels().len(), 10);
    }
    // Registering an identical definition again is a no-op, built-in or not.
    let email_id = g.register_channel(Channel::builtin()[4].clone())?;
    assert_eq!(email_id.index(), 4);
    assert_eq!(g.register_channel(podcast())?.index(), 9);
    assert_eq!(g, before);
    Ok(())
}

#[test]
fn invalid_group_events_say_why_and_add_nothing() {
    let mut g = sample();
    let before = g.clone();
    let cases = [
        (
            GroupEvent::new(["ana"], day(9)).with_name("solo"),
            r#"invalid group event "solo": it needs at least two participants, got 1"#,
        ),
        (
            GroupEvent::new(Vec::<String>::new(), day(9)),
            "invalid group event: it needs at least two participants, got 0",
        ),
        (
            GroupEvent::new(["ana", "lee", "ana"], day(9)).with_name("dinner"),
            r#"invalid group event "dinner": "ana" is listed twice"#,
        ),
        (
            GroupEvent::new(["ana", "new", "new"], day(9)),
            r#"invalid group event: "new" is listed twice"#,
        ),
        (
            GroupEvent::new(["ana", "", "lee"], day(9)),
            r#"empty person key in field "participants""#,
        ),
        (
            GroupEvent::new(["ana", "new"], day(9)).with_channel("party"),
            &format!(
                r#"unknown channel "party"; known channels: {}, podcast"#,
                crate::common::BUILTIN_NAMES
            ),
        ),
        (
            GroupEvent::new(["ana", "new"], day(9)).with_weight(-2.0),
            r#"invalid weight -2 in field "weight": must be finite and >= 0"#,
        ),
        (
            GroupEvent::new(["ana", "new"], day(9)).with_duration(f64::NAN),
            r#"invalid duration NaN s in field "duration": must be finite, >= 0 and at most 10 years"#,
        ),
    ];
    for (ev, want) in cases {
        let e = err(g.add_event(ev));
        assert_eq!(e.to_string(), want);
        assert_eq!(g, before);
        assert_eq!(g.interaction_count(), before.interaction_count());
        assert!(!g.contains_person("new"));
    }
    let e = err(g.add_event(GroupEvent::new(["a", "b", "a"], day(9)).with_name("x")));
    assert!(
        matches!(e, Error::InvalidEvent { name: Some(n), reason } if n == "x"
        && reason == r#""a" is listed twice"#)
    );
}

#[test]
fn root_unwraps_row_errors_and_leaves_others_alone() {
    let mut g = RelationshipGraph::new();
    let e = err(g.add_interactions([email("ana", "lee", day(2)), email("ana", "ana", day(2))]));
    assert!(matches!(
        e,
        Error::Row {
            row: 1,
            line: None,
            ..
        }
    ));
    assert!(matches!(e.root(), Error::SelfInteraction { key } if key == "ana"));
    let source = std::error::Error::source(&e).map(ToString::to_string);
    assert_eq!(
        source.as_deref(),
        Some(r#"self-interaction: "ana" cannot interact with themself"#)
    );
    let e = err(g.person("x"));
    assert!(matches!(e.root(), Error::PersonNotFound { .. }));
}
