//! Every error a CSV file can hold, with the row and line it names: an
//! all-or-nothing read changes nothing, a skipping read reports each bad
//! row and adds the rest.

use tiegraph::{
    Connection, ConnectionColumns, CsvOptions, Error, Interaction, InteractionColumns, OnError,
    RelationshipGraph, TimeFormat, TimeUnit,
};

use crate::common::{
    BUILTIN_NAMES, DAY2, TestResult, connection_columns, day, email, err, full_columns, row_of, sample, skip,
};

const HEADER: &str = "src,dst,time,channel,duration,weight";

fn good_time(format: TimeFormat) -> String {
    match format {
        TimeFormat::Rfc3339 => "2026-03-02T10:00:00Z".into(),
        TimeFormat::Unix(TimeUnit::Seconds) => DAY2.to_string(),
        TimeFormat::Unix(TimeUnit::Milliseconds) => (DAY2 * 1_000).to_string(),
        TimeFormat::Unix(TimeUnit::Microseconds) => (DAY2 * 1_000_000).to_string(),
        TimeFormat::Unix(TimeUnit::Nanoseconds) => (DAY2 * 1_000_000_000).to_string(),
    }
}

/// Reads a file whose data rows 1 and 3 (lines 3 and 5) are `bad`: an
/// all-or-nothing read must fail on row 1 and leave the graph as it was;
/// a skipping read must report both rows and add the two good ones.
/// Returns the error of the all-or-nothing read.
fn bad_row(bad: &str, format: TimeFormat, expected: &str) -> Error {
    let t = good_time(format);
    let text = format!("{HEADER}\nana,lee,{t},email,,\n{bad}\nzed,ana,{t},phone_call,60,0.5\n{bad}\n");
    let options = CsvOptions {
        time_format: format,
        ..CsvOptions::default()
    };
    let mut g = sample();
    let before = g.clone();
    let e = err(g.read_interactions_csv(text.as_bytes(), &full_columns(), &options));
    assert_eq!(row_of(&e), (1, Some(3)), "{e}");
    assert_eq!(e.to_string(), format!("row 1 (line 3): {expected}"));
    assert_eq!(e.root().to_string(), expected);
    assert_eq!(g, before);
    assert_eq!(g.interaction_count(), before.interaction_count());

    let options = CsvOptions {
        on_error: OnError::Skip,
        ..options
    };
    let report = g
        .read_interactions_csv(text.as_bytes(), &full_columns(), &options)
        .expect("a skipping read does not fail on bad rows");
    assert_eq!(
        (report.rows, report.added, report.new_people, report.ties_touched),
        (4, 2, 1, 2)
    );
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.line, s.error.to_string()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (1, Some(3), expected.to_string()),
            (3, Some(5), expected.to_string())
        ]
    );
    let mut want = before;
    want.add_interactions([
        email("ana", "lee", day(2)),
        Interaction::new("zed", "ana", day(2), "phone_call")
            .with_duration(60.0)
            .with_weight(0.5),
    ])
    .expect("good rows");
    assert_eq!(g, want);
    e
}

#[test]
fn csv_rows_failing_validation_name_row_and_line() {
    let rfc = TimeFormat::Rfc3339;
    let t = good_time(rfc);
    let e = bad_row(
        &format!("lee,lee,{t},email,,"),
        rfc,
        r#"self-interaction: "lee" cannot interact with themself"#,
    );
    assert!(matches!(e.root(), Error::SelfInteraction { .. }));
    let e = bad_row(
        &format!("ana,lee,{t},fax,,"),
        rfc,
        &format!(r#"unknown channel "fax"; known channels: {BUILTIN_NAMES}, podcast"#),
    );
    assert!(matches!(e.root(), Error::UnknownChannel { .. }));
    for (w, shown) in [
        ("-1", "-1"),
        ("NaN", "NaN"),
        ("inf", "inf"),
        ("-infinity", "-inf"),
        ("1e999", "inf"),
    ] {
        let e = bad_row(
            &format!("ana,lee,{t},email,,{w}"),
            rfc,
            &format!(r#"invalid weight {shown} in field "weight": must be finite and >= 0"#),
        );
        assert!(matches!(e.root(), Error::InvalidWeight { .. }));
    }
    for (d, shown) in [
        ("-5", "-5"),
        ("nan", "NaN"),
        ("inf", "inf"),
        ("315360001", "315360001"),
    ] {
        let e = bad_row(
            &format!("ana,lee,{t},phone_call,{d},"),
            rfc,
            &format!(
                r#"invalid duration {shown} s in field "duration": must be finite, >= 0 and at most 10 years"#
            ),
        );
        assert!(matches!(e.root(), Error::InvalidDuration { .. }));
    }
    let e = bad_row(
        &format!(",lee,{t},email,,"),
        rfc,
        r#"empty person key in field "src""#,
    );
    assert!(matches!(e.root(), Error::EmptyKey { field } if field == "src"));
    bad_row(
        &format!("ana,,{t},email,,"),
        rfc,
        r#"empty person key in field "dst""#,
    );
    let e = bad_row(
        &format!("ana,lee,{t},email,ten,"),
        rfc,
        r#"invalid value "ten" in field "duration"; expected one of: a number"#,
    );
    assert!(matches!(e.root(), Error::InvalidValue { .. }));
    bad_row(
        &format!("ana,lee,{t},email,,heavy"),
        rfc,
        r#"invalid value "heavy" in field "weight"; expected one of: a number"#,
    );
}

#[test]
fn invalid_timestamp_text_is_named() {
    let rfc_reason = "expected RFC 3339, e.g. 2026-03-02T10:00:00Z";
    for text in ["yesterday", "2026-02-30T10:00:00Z", "2026-03-02", "10:00", ""] {
        let e = bad_row(
            &format!("ana,lee,{text},email,,"),
            TimeFormat::Rfc3339,
            &format!(r#"invalid timestamp "{text}" in field "time": {rfc_reason}"#),
        );
        assert!(matches!(e.root(), Error::InvalidTimestamp { field, value, .. }
            if field == "time" && value == text));
    }
    for text in ["1.5", "2026-03-02T10:00:00Z", "", "9223372036854775808", "0x10"] {
        bad_row(
            &format!("ana,lee,{text},email,,"),
            TimeFormat::Unix(TimeUnit::Seconds),
            &format!(r#"invalid timestamp "{text}" in field "time": expected an integer"#),
        );
    }
}

#[test]
fn timestamps_out_of_range_are_named() {
    let cases = [
        (TimeUnit::Seconds, "8210266876800"),
        (TimeUnit::Seconds, "-8334601228801"),
        (TimeUnit::Seconds, "9223372036854775807"),
        (TimeUnit::Milliseconds, "9223372036854775807"),
        (TimeUnit::Milliseconds, "-9223372036854775808"),
        (TimeUnit::Microseconds, "9223372036854775807"),
    ];
    for (unit, text) in cases {
        let e = bad_row(
            &format!("ana,lee,{text},email,,"),
            TimeFormat::Unix(unit),
            &format!(r#"timestamp {text} in field "time" is out of range"#),
        );
        assert!(matches!(e.root(), Error::TimestampOutOfRange { field, value }
            if field == "time" && value == text));
    }
}

#[test]
fn errors_name_the_callers_columns() -> TestResult {
    let columns = InteractionColumns {
        src: "from".into(),
        dst: "to".into(),
        time: "when".into(),
        channel: "how".into(),
        duration: Some("secs".into()),
        weight: Some("w".into()),
    };
    let cases = [
        (
            ",lee,2026-03-02T10:00:00Z,email,,",
            r#"empty person key in field "from""#,
        ),
        (
            "ana,,2026-03-02T10:00:00Z,email,,",
            r#"empty person key in field "to""#,
        ),
        (
            "ana,lee,noon,email,,",
            r#"invalid timestamp "noon" in field "when": expected RFC 3339, e.g. 2026-03-02T10:00:00Z"#,
        ),
        (
            "ana,lee,2026-03-02T10:00:00Z,email,-1,",
            r#"invalid duration -1 s in field "secs": must be finite, >= 0 and at most 10 years"#,
        ),
        (
            "ana,lee,2026-03-02T10:00:00Z,email,,-1",
            r#"invalid weight -1 in field "w": must be finite and >= 0"#,
        ),
        (
            "ana,lee,2026-03-02T10:00:00Z,email,x,",
            r#"invalid value "x" in field "secs"; expected one of: a number"#,
        ),
    ];
    for (row, want) in cases {
        let mut g = RelationshipGraph::new();
        let text = format!("from,to,when,how,secs,w\n{row}\n");
        let e = err(g.read_interactions_csv(text.as_bytes(), &columns, &CsvOptions::default()));
        assert_eq!(e.to_string(), format!("row 0 (line 2): {want}"));
        assert_eq!(g.person_count(), 0);
    }
    let mut g = RelationshipGraph::new();
    let columns = ConnectionColumns {
        a: "follower".into(),
        b: "followed".into(),
        platform: "network".into(),
        kind: Some("type".into()),
        since: Some("from".into()),
    };
    let cases = [
        (",lee,x,follows,", r#"empty person key in field "follower""#),
        ("ana,,x,follows,", r#"empty person key in field "followed""#),
        (
            "ana,lee,,follows,",
            r#"invalid value "" in field "network"; expected one of: a non-empty platform name"#,
        ),
        (
            "ana,lee,x,friend,",
            r#"invalid value "friend" in field "type"; expected one of: mutual, follows"#,
        ),
        (
            "ana,lee,x,follows,then",
            r#"invalid timestamp "then" in field "from": expected RFC 3339, e.g. 2026-03-02T10:00:00Z"#,
        ),
    ];
    for (row, want) in cases {
        let text = format!("follower,followed,network,type,from\n{row}\n");
        let e = err(g.read_connections_csv(text.as_bytes(), &columns, &CsvOptions::default()));
        assert_eq!(e.to_string(), format!("row 0 (line 2): {want}"));
        assert_eq!(g.person_count(), 0);
    }
    Ok(())
}

#[test]
fn malformed_lines_name_their_line() -> TestResult {
    let t = good_time(TimeFormat::Rfc3339);
    let short = format!("ana,lee,{t},email");
    let long = format!("ana,lee,{t},email,,,extra");
    let text =
        format!("{HEADER}\nana,lee,{t},email,,\n{short}\nzed,ana,{t},email,,\n{long}\nbo,ana,{t},email,,\n");
    let byte = |line: &str| {
        text.find(&format!("\n{line}\n"))
            .map(|i| i + 1)
            .expect("in the text")
    };
    let short_msg = format!(
        "malformed CSV at line 3: CSV error: record 2 (line: 3, byte: {}): found record with 4 fields, but the previous record has 6 fields",
        byte(&short)
    );
    let long_msg = format!(
        "malformed CSV at line 5: CSV error: record 4 (line: 5, byte: {}): found record with 7 fields, but the previous record has 6 fields",
        byte(&long)
    );

    let mut g = sample();
    let before = g.clone();
    let e = err(g.read_interactions_csv(text.as_bytes(), &full_columns(), &CsvOptions::default()));
    assert_eq!(e.to_string(), format!("row 1 (line 3): {short_msg}"));
    assert!(matches!(e.root(), Error::Csv { line: 3, .. }));
    assert_eq!(g, before);

    let report = g.read_interactions_csv(text.as_bytes(), &full_columns(), &skip())?;
    assert_eq!((report.rows, report.added), (5, 3));
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.line, s.error.to_string()))
        .collect();
    assert_eq!(skipped, vec![(1, Some(3), short_msg), (3, Some(5), long_msg)]);
    let mut want = before;
    want.add_interactions([
        email("ana", "lee", day(2)),
        email("zed", "ana", day(2)),
        email("bo", "ana", day(2)),
    ])?;
    assert_eq!(g, want);

    // Bytes that are not UTF-8.
    let mut bytes = format!("{HEADER}\nana,lee,{t},email,,\n").into_bytes();
    bytes.extend_from_slice(b"ana,l\xffe,2026-03-02T10:00:00Z,email,,\n");
    let mut g = RelationshipGraph::new();
    let e = err(g.read_interactions_csv(&bytes[..], &full_columns(), &CsvOptions::default()));
    assert_eq!(row_of(&e), (1, Some(3)));
    assert!(
        e.to_string()
            .starts_with("row 1 (line 3): malformed CSV at line 3: "),
        "{e}"
    );
    assert!(e.to_string().contains("invalid utf-8"), "{e}");
    assert_eq!(g.person_count(), 0);
    Ok(())
}

#[test]
fn malformed_connection_lines_name_their_line() -> TestResult {
    let text = "a,b,platform\nana,lee,x\nana,lee\nbo,bo,x\nbo,lee,x,extra\nbo,zed,x\n";
    let mut g = sample();
    let before = g.clone();
    let e = err(g.read_connections_csv(
        text.as_bytes(),
        &ConnectionColumns::default(),
        &CsvOptions::default(),
    ));
    assert_eq!(
        e.to_string(),
        "row 1 (line 3): malformed CSV at line 3: CSV error: record 2 (line: 3, byte: 23): found record with 2 fields, but the previous record has 3 fields"
    );
    assert_eq!(g, before);

    let report = g.read_connections_csv(text.as_bytes(), &ConnectionColumns::default(), &skip())?;
    assert_eq!((report.rows, report.added, report.new_people), (5, 2, 1));
    let skipped: Vec<_> = report.skipped.iter().map(|s| (s.row, s.line)).collect();
    assert_eq!(skipped, vec![(1, Some(3)), (2, Some(4)), (3, Some(5))]);
    assert_eq!(
        report.skipped[1].error.to_string(),
        r#"self-interaction: "bo" cannot interact with themself"#
    );
    assert!(matches!(report.skipped[2].error, Error::Csv { line: 5, .. }));
    let mut want = before;
    want.add_connections([
        Connection::mutual("ana", "lee", "x"),
        Connection::mutual("bo", "zed", "x"),
    ])?;
    assert_eq!(g, want);
    Ok(())
}

#[test]
fn connection_rows_failing_validation_name_row_and_line() -> TestResult {
    let text = "a,b,platform,kind,since\n\
                ana,lee,x,follows,\n\
                ana,lee,x,friend,\n\
                ana,bo,x,follows,8210266876800\n\
                ana,kim,x,follows,2026-03-02T10:00:00Z\n";
    let options = CsvOptions {
        time_format: TimeFormat::Unix(TimeUnit::Seconds),
        ..CsvOptions::default()
    };
    let mut g = sample();
    let before = g.clone();
    let e = err(g.read_connections_csv(text.as_bytes(), &connection_columns(), &options));
    assert_eq!(
        e.to_string(),
        r#"row 1 (line 3): invalid value "friend" in field "kind"; expected one of: mutual, follows"#
    );
    assert_eq!(g, before);
    let options = CsvOptions {
        on_error: OnError::Skip,
        ..options
    };
    let report = g.read_connections_csv(text.as_bytes(), &connection_columns(), &options)?;
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.row, s.line, s.error.to_string()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (
                1,
                Some(3),
                r#"invalid value "friend" in field "kind"; expected one of: mutual, follows"#.to_string()
            ),
            (
                2,
                Some(4),
                r#"timestamp 8210266876800 in field "since" is out of range"#.to_string()
            ),
            (
                3,
                Some(5),
                r#"invalid timestamp "2026-03-02T10:00:00Z" in field "since": expected an integer"#
                    .to_string()
            ),
        ]
    );
    assert_eq!((report.rows, report.added, report.new_people), (4, 1, 0));
    let mut want = before;
    want.add_connection(Connection::follows("ana", "lee", "x"))?;
    assert_eq!(g, want);
    Ok(())
}

#[test]
fn missing_columns_list_the_available_ones() {
    let text = format!("{HEADER}\nana,lee,2026-03-02T10:00:00Z,email,,\n");
    let mut g = sample();
    let before = g.clone();
    let cases = [
        (
            InteractionColumns {
                time: "when".into(),
                ..full_columns()
            },
            "when",
        ),
        (
            InteractionColumns {
                src: "from".into(),
                ..InteractionColumns::default()
            },
            "from",
        ),
        (
            InteractionColumns {
                duration: Some("secs".into()),
                ..InteractionColumns::default()
            },
            "secs",
        ),
        (
            InteractionColumns {
                weight: Some("Weight".into()),
                ..InteractionColumns::default()
            },
            "Weight",
        ),
    ];
    for (columns, missing) in cases {
        for options in [CsvOptions::default(), skip()] {
            let e = err(g.read_interactions_csv(text.as_bytes(), &columns, &options));
            assert_eq!(
                e.to_string(),
                format!(
                    r#"missing column "{missing}"; available columns: src, dst, time, channel, duration, weight"#
                )
            );
            assert!(
                matches!(&e, Error::MissingColumn { column, available } if column == missing && available.len() == 6)
            );
            assert_eq!(g, before);
        }
    }
    let e = err(g.read_connections_csv(
        "a,b,platform\nana,lee,x\n".as_bytes(),
        &connection_columns(),
        &CsvOptions::default(),
    ));
    assert_eq!(
        e.to_string(),
        r#"missing column "kind"; available columns: a, b, platform"#
    );
    // An empty file has no columns at all.
    let e = err(g.read_interactions_csv(&b""[..], &InteractionColumns::default(), &CsvOptions::default()));
    assert_eq!(e.to_string(), r#"missing column "src"; available columns: "#);
    assert_eq!(g, before);
}
