//! CSV import and export: values, round trips and timestamps.

use chrono::{DateTime, Duration, Utc};
use tiegraph::{
    Connection, ConnectionColumns, CsvOptions, Error, Interaction, InteractionColumns, RelationshipGraph,
    TimeFormat, TimeUnit,
};

use crate::common::{
    DAY2, TestResult, at, connection_columns, connections, day, email, err, full_columns, interactions,
    podcast, sample,
};

fn read(text: &str, format: TimeFormat) -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    let options = CsvOptions {
        time_format: format,
        ..CsvOptions::default()
    };
    g.read_interactions_csv(text.as_bytes(), &InteractionColumns::default(), &options)?;
    Ok(g)
}

/// The times of the interactions of a graph, in order.
fn times(g: &RelationshipGraph) -> Vec<DateTime<Utc>> {
    interactions(g).into_iter().map(|i| i.at).collect()
}

#[test]
fn interactions_are_written_in_a_fixed_format() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.register_channel(podcast())?;
    g.add_interactions([
        Interaction::new("lee", "ana", day(3), "phone_call").with_duration(600.0),
        email("ana", "lee", day(2) + Duration::milliseconds(500)).with_weight(0.1),
        Interaction::new("bo", "ana", at(12026, 1, 1, 0, 0, 0), "podcast")
            .with_duration(90.25)
            .with_weight(0.0),
        email("zed, jr", "ana", at(-50, 6, 1, 0, 0, 0)),
    ])?;
    let mut out = Vec::new();
    g.write_interactions_csv(&mut out)?;
    assert_eq!(
        String::from_utf8(out)?,
        "src,dst,time,channel,duration,weight\n\
         bo,ana,+12026-01-01T00:00:00Z,podcast,90,0\n\
         ana,lee,2026-03-02T10:00:00Z,email,,0.1\n\
         lee,ana,2026-03-03T10:00:00Z,phone_call,600,1\n\
         \"zed, jr\",ana,-0050-06-01T00:00:00Z,email,,1\n"
    );
    Ok(())
}

#[test]
fn interactions_round_trip_through_csv() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.register_channel(podcast())?;
    g.add_interactions([
        Interaction::new("lee", "ana", day(3), "phone_call").with_duration(600.0),
        email("ana", "lee", day(2) + Duration::nanoseconds(1)).with_weight(0.1),
        email("ana", "lee", day(2)).with_weight(0.1),
        Interaction::new("ana", "bo", day(4), "podcast")
            .with_duration(0.1)
            .with_weight(1e-300),
        Interaction::new("bo", "ana", day(4), "reaction").with_weight(123_456.789_012_345_6),
        email("kim \"the pen\"", "bo", DateTime::<Utc>::MIN_UTC),
        email("bo", "kim \"the pen\"", DateTime::<Utc>::MAX_UTC),
        email("bo", "kim \"the pen\"", at(1, 1, 1, 0, 0, 0)),
        email("bo", "kim \"the pen\"", at(1969, 12, 31, 23, 59, 59)),
    ])?;
    let mut out = Vec::new();
    g.write_interactions_csv(&mut out)?;
    let mut back = RelationshipGraph::new();
    back.register_channel(podcast())?;
    let report = back.read_interactions_csv(&out[..], &full_columns(), &CsvOptions::default())?;
    assert_eq!((report.rows, report.added, report.new_people), (9, 9, 4));
    assert_eq!(back, g);
    assert_eq!(interactions(&back), interactions(&g));
    Ok(())
}

#[test]
fn connections_round_trip_through_csv_with_direction_and_since() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.add_connections([
        Connection::follows("zed", "ana", "x").since(at(2019, 4, 1, 12, 0, 0)),
        Connection::follows("ana", "zed", "x"),
        Connection::mutual("lee", "ana", "linkedin").since(at(2024, 1, 2, 3, 4, 5)),
        Connection::mutual("lee", "bo", "facebook"),
    ])?;
    let mut out = Vec::new();
    g.write_connections_csv(&mut out)?;
    assert_eq!(
        String::from_utf8(out.clone())?,
        "a,b,platform,kind,since\n\
         ana,lee,linkedin,mutual,2024-01-02T03:04:05Z\n\
         ana,zed,x,follows,\n\
         zed,ana,x,follows,2019-04-01T12:00:00Z\n\
         bo,lee,facebook,mutual,\n"
    );
    let mut back = RelationshipGraph::new();
    let report = back.read_connections_csv(&out[..], &connection_columns(), &CsvOptions::default())?;
    assert_eq!((report.rows, report.added, report.new_people), (4, 4, 4));
    assert!(report.skipped.is_empty());
    assert_eq!(back, g);
    assert_eq!(connections(&back), connections(&g));

    // Without a kind column every link is mutual; without since, always.
    let mut plain = RelationshipGraph::new();
    plain.read_connections_csv(&out[..], &ConnectionColumns::default(), &CsvOptions::default())?;
    let got: Vec<_> = connections(&plain);
    assert_eq!(
        got,
        vec![
            Connection::mutual("ana", "lee", "linkedin"),
            Connection::mutual("ana", "zed", "x"),
            Connection::mutual("bo", "lee", "facebook"),
        ]
    );
    Ok(())
}

#[test]
fn connections_since_in_unix_units() -> TestResult {
    let mut g = RelationshipGraph::new();
    let options = CsvOptions {
        time_format: TimeFormat::Unix(TimeUnit::Milliseconds),
        ..CsvOptions::default()
    };
    let text = format!(
        "a,b,platform,kind,since\nana,lee,x,follows,{}\nbo,lee,x,follows,\n",
        DAY2 * 1000 + 999
    );
    g.read_connections_csv(text.as_bytes(), &connection_columns(), &options)?;
    assert_eq!(
        connections(&g),
        vec![
            Connection::follows("ana", "lee", "x").since(day(2)),
            Connection::follows("bo", "lee", "x"),
        ]
    );
    Ok(())
}

#[test]
fn integer_timestamps_in_each_unit() -> TestResult {
    let cases = [
        (TimeUnit::Seconds, DAY2.to_string(), day(2)),
        (TimeUnit::Milliseconds, format!("{}", DAY2 * 1_000 + 999), day(2)),
        (
            TimeUnit::Microseconds,
            format!("{}", DAY2 * 1_000_000 + 999_999),
            day(2),
        ),
        (
            TimeUnit::Nanoseconds,
            format!("{}", DAY2 * 1_000_000_000 + 1),
            day(2),
        ),
        // Before the epoch, times are floored too.
        (TimeUnit::Seconds, "-1".to_string(), at(1969, 12, 31, 23, 59, 59)),
        (
            TimeUnit::Milliseconds,
            "-1500".to_string(),
            at(1969, 12, 31, 23, 59, 58),
        ),
        (
            TimeUnit::Microseconds,
            "-1".to_string(),
            at(1969, 12, 31, 23, 59, 59),
        ),
        (
            TimeUnit::Nanoseconds,
            "-1000000001".to_string(),
            at(1969, 12, 31, 23, 59, 58),
        ),
        (TimeUnit::Seconds, " 0 ".to_string(), at(1970, 1, 1, 0, 0, 0)),
        // The ends of the range chrono holds.
        (
            TimeUnit::Seconds,
            "8210266876799".to_string(),
            DateTime::<Utc>::MAX_UTC - Duration::nanoseconds(999_999_999),
        ),
        (
            TimeUnit::Seconds,
            "-8334601228800".to_string(),
            DateTime::<Utc>::MIN_UTC,
        ),
        (
            TimeUnit::Nanoseconds,
            i64::MAX.to_string(),
            at(2262, 4, 11, 23, 47, 16),
        ),
        (
            TimeUnit::Nanoseconds,
            i64::MIN.to_string(),
            at(1677, 9, 21, 0, 12, 43),
        ),
    ];
    for (unit, text, want) in cases {
        let g = read(
            &format!("src,dst,time,channel\nana,lee,{text},email\n"),
            TimeFormat::Unix(unit),
        )?;
        assert_eq!(times(&g), vec![want], "{unit:?} {text}");
    }
    // The same instant in every unit gives equal graphs.
    let graphs: Vec<_> = [
        (TimeUnit::Seconds, 1),
        (TimeUnit::Milliseconds, 1_000),
        (TimeUnit::Microseconds, 1_000_000),
        (TimeUnit::Nanoseconds, 1_000_000_000),
    ]
    .into_iter()
    .map(|(unit, k)| {
        read(
            &format!("src,dst,time,channel\nana,lee,{},email\n", DAY2 * k),
            TimeFormat::Unix(unit),
        )
    })
    .collect::<tiegraph::Result<_>>()?;
    assert!(graphs.windows(2).all(|w| w[0] == w[1]));
    Ok(())
}

#[test]
fn rfc3339_with_offsets_and_naive_times_as_utc() -> TestResult {
    let cases = [
        ("2026-03-02T10:00:00Z", day(2)),
        ("2026-03-02T10:00:00+00:00", day(2)),
        ("2026-03-02T12:00:00+02:00", day(2)),
        ("2026-03-02T04:30:00-05:30", day(2)),
        ("2026-03-01T23:00:00-11:00", day(2)),
        ("2026-03-02T10:00:00.999999Z", day(2)),
        ("2026-03-02T12:00:00.5+02:00", day(2)),
        ("2026-03-02 10:00:00Z", day(2)),
        (" 2026-03-02T10:00:00Z ", day(2)),
        // without an offset: UTC
        ("2026-03-02T10:00:00", day(2)),
        ("2026-03-02 10:00:00", day(2)),
        ("2026-03-02T10:00:00.75", day(2)),
        ("1969-12-31T23:59:59.5Z", at(1969, 12, 31, 23, 59, 59)),
        // years beyond four digits, as the writers write them
        ("+12026-01-01T00:00:00Z", at(12026, 1, 1, 0, 0, 0)),
        ("-0050-06-01T00:00:00Z", at(-50, 6, 1, 0, 0, 0)),
    ];
    for (text, want) in cases {
        let g = read(
            &format!("src,dst,time,channel\nana,lee,{text},email\n"),
            TimeFormat::Rfc3339,
        )?;
        assert_eq!(times(&g), vec![want], "{text}");
    }
    Ok(())
}

#[test]
fn columns_can_be_named_ordered_and_delimited_freely() -> TestResult {
    let text = "note;how;secs;when;to;from;w\n\
                hi;in_person;5400;2026-03-02T10:00:00Z;lee;ana;0.5\n\
                ;email;;2026-03-03T10:00:00Z;ana;lee;\n";
    let columns = InteractionColumns {
        src: "from".into(),
        dst: "to".into(),
        time: "when".into(),
        channel: "how".into(),
        duration: Some("secs".into()),
        weight: Some("w".into()),
    };
    let options = CsvOptions {
        delimiter: b';',
        ..CsvOptions::default()
    };
    let mut g = RelationshipGraph::new();
    g.read_interactions_csv(text.as_bytes(), &columns, &options)?;
    assert_eq!(
        interactions(&g),
        vec![
            Interaction::new("ana", "lee", day(2), "in_person")
                .with_duration(5400.0)
                .with_weight(0.5),
            email("lee", "ana", day(3)),
        ]
    );
    Ok(())
}

#[test]
fn files_load_and_missing_files_are_io_errors() -> TestResult {
    let dir = std::env::temp_dir().join(format!("tiegraph-it-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let (ipath, cpath) = (dir.join("interactions.csv"), dir.join("connections.csv"));
    let g = sample();
    let mut out = Vec::new();
    g.write_interactions_csv(&mut out)?;
    std::fs::write(&ipath, &out)?;
    out.clear();
    g.write_connections_csv(&mut out)?;
    std::fs::write(&cpath, &out)?;

    let mut back = RelationshipGraph::new();
    back.register_channel(podcast())?;
    back.load_interactions_csv(&ipath, &full_columns(), &CsvOptions::default())?;
    back.load_connections_csv(&cpath, &connection_columns(), &CsvOptions::default())?;
    // Everything but the group event, which CSV does not carry.
    assert_eq!(interactions(&back), interactions(&g));
    assert_eq!(connections(&back), connections(&g));
    assert_eq!(back.events(), vec![]);

    let missing = dir.join("missing.csv");
    let before = back.clone();
    for e in [
        err(back.load_interactions_csv(&missing, &full_columns(), &CsvOptions::default())),
        err(back.load_connections_csv(&missing, &connection_columns(), &CsvOptions::default())),
    ] {
        assert!(matches!(&e, Error::Io { path, .. } if *path == missing), "{e:?}");
        assert!(
            e.to_string()
                .starts_with(&format!("i/o error on {}: ", missing.display()))
        );
    }
    assert_eq!(back, before);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
