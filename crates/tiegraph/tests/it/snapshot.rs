//! The JSON snapshot: round trips, its exact form, and every way a file
//! can be bad.

use tiegraph::{Connection, Error, GroupEvent, Interaction, Person, RelationshipGraph, SNAPSHOT_VERSION};

use crate::common::{TestResult, at, day, dinner, email, err, json, podcast, sample};

fn rich() -> tiegraph::Result<RelationshipGraph> {
    let mut g = sample();
    g.register_channel(dinner())?;
    g.add_person(
        Person::new("lee@daily.example")
            .with_name("Lee Park")
            .with_organisation("The Daily Example")
            .with_role("reporter")
            .with_tags(["press", "ai"]),
    )?;
    g.add_person(Person::new("nobody"))?;
    g.add_interactions([
        Interaction::new("lee@daily.example", "ana", day(6), "dinner")
            .with_duration(0.1)
            .with_weight(0.1),
        email("ana", "lee@daily.example", at(-4000, 1, 1, 0, 0, 0)),
        email("ana", "lee@daily.example", at(40000, 1, 1, 0, 0, 0)),
    ])?;
    g.add_event(
        GroupEvent::new(["kim", "ana", "lee@daily.example", "gone"], day(7))
            .with_channel("in_person")
            .with_duration(5400.0)
            .with_weight(1.5)
            .with_name("dinner \"party\" ✓"),
    )?;
    g.add_connection(Connection::mutual("ana", "lee@daily.example", "linkedin").since(day(1)))?;
    g.remove_person("gone")?;
    Ok(g)
}

#[test]
fn snapshot_round_trip_is_the_identity() -> TestResult {
    let g = rich()?;
    let bytes = json(&g);
    let back = RelationshipGraph::read_json(&bytes[..])?;
    assert_eq!(back, g);
    assert_eq!(json(&back), bytes);
    assert_eq!(
        (back.person_count(), back.tie_count(), back.interaction_count()),
        (g.person_count(), g.tie_count(), g.interaction_count())
    );
    assert_eq!(back.events(), g.events());
    // Registered channels come back in name order, so their ids may change.
    let names = |g: &RelationshipGraph| {
        let mut v: Vec<_> = g.channels().to_vec();
        v.sort_by(|x, y| x.name.cmp(&y.name));
        v
    };
    assert_eq!(names(&back), names(&g));
    assert_eq!(back.channels()[..9], g.channels()[..9]);
    assert_eq!(back.person("lee@daily.example")?, g.person("lee@daily.example")?);
    assert!(!back.contains_person("gone"));
    Ok(())
}

#[test]
fn snapshot_has_a_fixed_form() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.register_channel(podcast())?;
    g.add_person(Person::new("lee").with_name("Lee"))?;
    g.add_interaction(Interaction::new("lee", "ana", day(2), "podcast").with_duration(60.0))?;
    g.add_interaction(email("ana", "lee", day(2)).with_weight(0.5))?;
    g.add_connection(Connection::follows("lee", "ana", "x").since(day(1)))?;
    g.add_event(GroupEvent::new(["lee", "bo", "ana"], day(3)).with_name("launch"))?;
    let text = String::from_utf8(json(&g))?;
    let want = concat!(
        r#"{"format":"tiegraph","version":1,"#,
        r#""channels":[{"name":"podcast","mode":"online","class":"synchronous","weight":0.7,"mutual":true}],"#,
        r#""channel_names":["broadcast","direct_message","email","event","in_person","phone_call","podcast","public_reply","reaction","video_call"],"#,
        r#""people":[{"key":"ana"},{"key":"bo"},{"key":"lee","name":"Lee"}],"#,
        r#""ties":["#,
        r#"{"a":"ana","b":"bo","interactions":[[1772532000,3,1,0.7071067811865475,null]],"connections":[]},"#,
        r#"{"a":"ana","b":"lee","interactions":[[1772445600,2,0,0.5,null],[1772445600,6,1,1.0,60],[1772532000,3,1,0.7071067811865475,null]],"#,
        r#""connections":[{"platform":"x","kind":"follows","side":1,"since":1772359200}]},"#,
        r#"{"a":"bo","b":"lee","interactions":[[1772532000,3,1,0.7071067811865475,null]],"connections":[]}],"#,
        r#""events":[{"participants":["lee","bo","ana"],"at":"2026-03-03T10:00:00Z","channel":"event","weight":1.0,"name":"launch"}],"#,
        r#""model":{"recency_half_life_days":90.0,"intensity_half_life_days":180.0,"intensity_scale":3.0,"#,
        r#""duration_scale_days":365.0,"regularity_weeks":52,"window_days":365.0,"meaningful_threshold":0.1,"#,
        r#""duration_gain_min":0.5,"duration_gain_max":2.0,"online_only_cap":0.75,"#,
        r#""weights":{"recency":0.25,"intensity":0.25,"duration":0.15,"regularity":0.1,"reciprocity":0.1,"#,
        r#""multiplexity":0.1,"connection":0.05,"structural":0.05},"structural":false,"dormant_recency":0.1,"#,
        r#""dormant_drop":0.3,"cooling_lookback_days":90.0,"cooling_drop":0.1}}"#,
    );
    assert_eq!(text, want);
    assert_eq!(SNAPSHOT_VERSION, 1);
    Ok(())
}

#[test]
fn the_snapshot_does_not_depend_on_insertion_order() -> TestResult {
    let its = [
        email("ana", "lee", day(2)),
        Interaction::new("lee", "bo", day(2), "dinner"),
        Interaction::new("lee", "bo", day(2), "podcast"),
        email("bo", "ana", day(1)),
    ];
    let mut x = RelationshipGraph::new();
    x.register_channel(podcast())?;
    x.register_channel(dinner())?;
    x.add_person(Person::new("zed"))?;
    x.add_interactions(its.clone())?;
    x.add_event(GroupEvent::new(["ana", "bo", "lee"], day(3)).with_duration(60.0))?;
    x.add_event(GroupEvent::new(["ana", "bo", "lee"], day(3)).with_duration(30.0))?;
    x.add_event(GroupEvent::new(["ana", "bo", "lee"], day(3)))?;
    let mut y = RelationshipGraph::new();
    y.register_channel(dinner())?;
    y.register_channel(podcast())?;
    for it in its.into_iter().rev() {
        y.add_interaction(it)?;
    }
    y.add_event(GroupEvent::new(["ana", "bo", "lee"], day(3)))?;
    y.add_event(GroupEvent::new(["ana", "bo", "lee"], day(3)).with_duration(30.0))?;
    y.add_event(GroupEvent::new(["ana", "bo", "lee"], day(3)).with_duration(60.0))?;
    y.add_person(Person::new("zed"))?;
    assert_eq!(x, y);
    assert_eq!(json(&x), json(&y));
    let durations: Vec<_> = x.events().iter().map(|e| e.duration).collect();
    assert_eq!(durations, [None, Some(30.0), Some(60.0)]);
    Ok(())
}

#[test]
fn save_and_load_a_file() -> TestResult {
    let dir = std::env::temp_dir().join(format!("tiegraph-it-snapshot-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("graph.json");
    let g = rich()?;
    g.save(&path)?;
    assert_eq!(std::fs::read(&path)?, json(&g));
    assert_eq!(RelationshipGraph::load(&path)?, g);

    let missing = dir.join("missing.json");
    let e = err(RelationshipGraph::load(&missing));
    assert!(matches!(&e, Error::Io { path, .. } if *path == missing), "{e:?}");
    assert!(
        e.to_string()
            .starts_with(&format!("i/o error on {}: ", missing.display()))
    );
    let e = err(g.save(dir.join("no-such-dir").join("graph.json")));
    assert!(matches!(&e, Error::Io { .. }), "{e:?}");
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

#[test]
fn a_loaded_graph_redilutes_events_like_the_original() -> TestResult {
    let g = rich()?;
    let mut back = RelationshipGraph::read_json(&json(&g)[..])?;
    let mut orig = g.clone();
    orig.remove_person("kim")?;
    back.remove_person("kim")?;
    assert_eq!(back, orig);
    let w: Vec<_> = back
        .tie("ana", "lee@daily.example")?
        .interactions()
        .map(|i| i.weight)
        .collect();
    // the in-person event is down to two people: 1.5 / √1
    assert!(w.contains(&1.5), "{w:?}");
    Ok(())
}

// ----- errors ---------------------------------------------------------

fn corrupt(text: &str) -> String {
    match RelationshipGraph::read_json(text.as_bytes()) {
        Err(Error::CorruptSnapshot { message }) => message,
        other => panic!("expected a corrupt snapshot for {text}, got {other:?}"),
    }
}

/// A valid snapshot with these people, ties and events (JSON fragments).
fn snap(people: &str, ties: &str, events: &str) -> String {
    format!(
        r#"{{"format":"tiegraph","version":1,"channels":[],"channel_names":["email","event"],"people":[{people}],"ties":[{ties}],"events":[{events}]}}"#
    )
}

#[test]
fn other_versions_are_refused() {
    for v in [0, 2, 99, u64::MAX] {
        let text = format!(r#"{{"format":"tiegraph","version":{v},"ties":"whatever"}}"#);
        let e = err(RelationshipGraph::read_json(text.as_bytes()));
        assert!(matches!(e, Error::SnapshotVersion { found, supported: 1 } if found == v));
        assert_eq!(
            e.to_string(),
            format!("snapshot format version {v} is not supported (this build reads version 1)")
        );
    }
}

/// Interaction times and connection dates are read from chrono's first
/// second to its last, and refused a second beyond either.
#[test]
fn snapshot_times_are_read_to_the_ends_of_the_calendar() {
    let (first, last) = (
        chrono::DateTime::<chrono::Utc>::MIN_UTC.timestamp(),
        chrono::DateTime::<chrono::Utc>::MAX_UTC.timestamp(),
    );
    let ab = r#"{"key":"a"},{"key":"b"}"#;
    for t in [first, last] {
        let text = snap(
            ab,
            &format!(r#"{{"a":"a","b":"b","interactions":[[{t},0,0,1.0,null]]}}"#),
            "",
        );
        let g = RelationshipGraph::read_json(text.as_bytes()).expect("in range");
        assert_eq!(g.interaction_count(), 1);
        let text = snap(
            ab,
            &format!(r#"{{"a":"a","b":"b","connections":[{{"platform":"x","kind":"mutual","since":{t}}}]}}"#),
            "",
        );
        assert!(RelationshipGraph::read_json(text.as_bytes()).is_ok(), "since {t}");
    }
    for t in [first - 1, last + 1] {
        let text = snap(
            ab,
            &format!(r#"{{"a":"a","b":"b","interactions":[[{t},0,0,1.0,null]]}}"#),
            "",
        );
        assert_eq!(
            corrupt(&text),
            format!(r#"tie 0 ("a", "b"): invalid interaction ({t}, 0, 0, 1.0, None)"#)
        );
        let text = snap(
            ab,
            &format!(r#"{{"a":"a","b":"b","connections":[{{"platform":"x","kind":"mutual","since":{t}}}]}}"#),
            "",
        );
        assert_eq!(corrupt(&text), r#"tie 0 ("a", "b"): invalid connection on "x""#);
    }
}

/// A snapshot whose body is version 1's but whose header names another
/// version or format is refused for its header, not read.
#[test]
fn a_well_formed_body_under_another_header_is_refused() {
    let good = snap(r#"{"key":"ana"}"#, "", "");
    assert!(RelationshipGraph::read_json(good.as_bytes()).is_ok());
    let v2 = good.replace(r#""version":1"#, r#""version":2"#);
    let e = err(RelationshipGraph::read_json(v2.as_bytes()));
    assert!(
        matches!(
            e,
            Error::SnapshotVersion {
                found: 2,
                supported: 1
            }
        ),
        "{e}"
    );
    let other = good.replace(r#""format":"tiegraph""#, r#""format":"tiegraph2""#);
    assert_eq!(
        corrupt(&other),
        r#"not a tiegraph snapshot (format field Some("tiegraph2"))"#
    );
}

#[test]
fn bad_json_is_corrupt() {
    assert_eq!(corrupt("{not json"), "key must be a string at line 1 column 2");
    assert_eq!(corrupt(""), "EOF while parsing a value at line 1 column 0");
    assert_eq!(
        err(RelationshipGraph::read_json(&b"{not json"[..])).to_string(),
        "corrupt snapshot: key must be a string at line 1 column 2"
    );
    let e = err(RelationshipGraph::read_json(
        &b"{\"format\":\"tie\xffgraph\"}"[..],
    ));
    assert!(
        matches!(&e, Error::CorruptSnapshot { message } if message.starts_with("cannot read the snapshot as UTF-8 text")),
        "{e}"
    );
    assert!(corrupt(&format!("{} trailing", snap("", "", ""))).starts_with("trailing characters"));
}

#[test]
fn every_truncation_of_a_snapshot_is_corrupt() -> TestResult {
    let bytes = json(&rich()?);
    let text = String::from_utf8(bytes)?;
    let cuts: Vec<usize> = (0..text.len()).filter(|&i| text.is_char_boundary(i)).collect();
    for &cut in &cuts {
        let message = corrupt(&text[..cut]);
        // "EOF while parsing ...", or "invalid number" for a cut after "0."
        assert!(message.contains(" at line 1 column "), "cut at {cut}: {message}");
    }
    assert!(cuts.len() > 500);
    Ok(())
}

#[test]
fn valid_json_of_the_wrong_shape_is_corrupt() {
    let cases = [
        (
            "[]",
            "invalid length 0, expected struct Header with 2 elements at line 1 column 2",
        ),
        (
            "\"graph\"",
            "invalid type: string \"graph\", expected struct Header at line 1 column 7",
        ),
        ("{}", "not a tiegraph snapshot (format field None)"),
        (
            r#"{"format":"graphml","version":1}"#,
            r#"not a tiegraph snapshot (format field Some("graphml"))"#,
        ),
        (r#"{"format":"tiegraph"}"#, "missing version field"),
        (
            r#"{"format":"tiegraph","version":"1"}"#,
            "invalid type: string \"1\", expected u64 at line 1 column 34",
        ),
        (
            r#"{"format":"tiegraph","version":1}"#,
            "missing field `channels` at line 1 column 33",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(corrupt(text), want, "{text}");
    }
    // Wrong types deep inside.
    let m = corrupt(&snap(
        r#"{"key":"a"},{"key":"b"}"#,
        r#"{"a":"a","b":"b","interactions":[["x",0,0,1.0,null]]}"#,
        "",
    ));
    assert!(m.starts_with("invalid type: string \"x\", expected i64"), "{m}");
    let m = corrupt(&snap(r#"{"key":7}"#, "", ""));
    assert!(
        m.starts_with("invalid type: integer `7`, expected a string"),
        "{m}"
    );
    let m = corrupt(&snap(
        "",
        "",
        r#"{"participants":["a","b"],"at":"yesterday","channel":"event"}"#,
    ));
    assert!(m.starts_with("input contains invalid characters"), "{m}");
}

#[test]
fn inconsistent_content_is_corrupt() {
    let ab = r#"{"key":"a"},{"key":"b"}"#;
    let cases = [
        (
            snap(r#"{"key":"a"}"#, r#"{"a":"a","b":"zed"}"#, ""),
            r#"tie 0 ("a", "zed"): its people must exist and be in key order"#,
        ),
        (
            snap(ab, r#"{"a":"b","b":"a"}"#, ""),
            r#"tie 0 ("b", "a"): its people must exist and be in key order"#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"a"}"#, ""),
            r#"tie 0 ("a", "a"): its people must exist and be in key order"#,
        ),
        (
            snap(
                ab,
                r#"{"a":"a","b":"b","interactions":[[0,0,0,1.0,null]]},{"a":"a","b":"b","interactions":[[5,0,0,1.0,null]]}"#,
                "",
            ),
            r#"tie 1 ("a", "b"): the pair is listed twice"#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"b","interactions":[[0,0,0,-1.0,null]]}"#, ""),
            r#"tie 0 ("a", "b"): invalid interaction (0, 0, 0, -1.0, None)"#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"b","interactions":[[0,2,0,1.0,null]]}"#, ""),
            r#"tie 0 ("a", "b"): invalid interaction (0, 2, 0, 1.0, None)"#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"b","interactions":[[0,0,2,1.0,null]]}"#, ""),
            r#"tie 0 ("a", "b"): invalid interaction (0, 0, 2, 1.0, None)"#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"b","interactions":[[0,0,0,1.0,4294967295]]}"#, ""),
            r#"tie 0 ("a", "b"): invalid interaction (0, 0, 0, 1.0, Some(4294967295))"#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"b","interactions":[[9000000000000,0,0,1.0,null]]}"#, ""),
            r#"tie 0 ("a", "b"): invalid interaction (9000000000000, 0, 0, 1.0, None)"#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"b","connections":[{"platform":"","kind":"mutual"}]}"#, ""),
            r#"tie 0 ("a", "b"): invalid connection on """#,
        ),
        (
            snap(ab, r#"{"a":"a","b":"b","connections":[{"platform":"x","kind":"follows","side":2}]}"#, ""),
            r#"tie 0 ("a", "b"): invalid connection on "x""#,
        ),
        (
            snap(r#"{"key":"a"},{"key":"a"}"#, "", ""),
            r#"people: person "a" already exists"#,
        ),
        (snap(r#"{"key":""}"#, "", ""), r#"people: empty person key in field "key""#),
        (
            snap(ab, "", r#"{"participants":["a","zed"],"at":"2026-03-02T10:00:00Z","channel":"event"}"#),
            r#"event 0: participant "zed" is not a person"#,
        ),
        (
            snap(ab, "", r#"{"participants":["a"],"at":"2026-03-02T10:00:00Z","channel":"event"}"#),
            "event 0: it needs at least two participants, got 1",
        ),
        (
            snap(ab, "", r#"{"participants":["a","b","a"],"at":"2026-03-02T10:00:00Z","channel":"event"}"#),
            r#"event 0: "a" is listed twice"#,
        ),
        (
            snap(ab, "", r#"{"participants":["a","b"],"at":"2026-03-02T10:00:00Z","channel":"event","weight":-1.0}"#),
            "event 0: invalid weight -1",
        ),
        (
            snap(ab, "", r#"{"participants":["a","b"],"at":"2026-03-02T10:00:00Z","channel":"fax"}"#),
            &format!(r#"event 0: unknown channel "fax"; known channels: {}"#, crate::common::BUILTIN_NAMES),
        ),
        (
            r#"{"format":"tiegraph","version":1,"channels":[],"channel_names":["fax"],"people":[],"ties":[],"events":[]}"#.to_string(),
            &format!(r#"channel_names: unknown channel "fax"; known channels: {}"#, crate::common::BUILTIN_NAMES),
        ),
        (
            r#"{"format":"tiegraph","version":1,"channels":[{"name":"email","mode":"online","class":"private_written","weight":0.9,"mutual":false}],"channel_names":[],"people":[],"ties":[],"events":[]}"#.to_string(),
            r#"channels: invalid channel "email": a different channel with this name is already registered"#,
        ),
    ];
    for (text, want) in cases {
        assert_eq!(corrupt(&text), want, "{text}");
    }
}

#[test]
fn a_minimal_handwritten_snapshot_reads() -> TestResult {
    // Optional fields may be left out.
    let text = snap(
        r#"{"key":"a"},{"key":"b"},{"key":"c"}"#,
        r#"{"a":"a","b":"b","interactions":[[1772445600,0,1,1.0,null]]},{"a":"b","b":"c","connections":[{"platform":"x","kind":"follows"}]}"#,
        "",
    );
    let g = RelationshipGraph::read_json(text.as_bytes())?;
    let mut want = RelationshipGraph::new();
    want.add_interaction(email("b", "a", day(2)))?;
    want.add_connection(Connection::follows("b", "c", "x"))?;
    assert_eq!(g, want);
    assert_eq!(g.interaction_count(), 1);
    Ok(())
}
