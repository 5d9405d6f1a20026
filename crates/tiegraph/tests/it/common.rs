//! Builders and helpers shared by the test modules.

use std::collections::BTreeSet;
use std::fmt::Debug;

use chrono::{DateTime, TimeZone, Utc};
use tiegraph::{
    Channel, ChannelClass, Connection, ConnectionColumns, CsvOptions, Error, GroupEvent, Interaction,
    InteractionColumns, Mode, OnError, RelationshipGraph,
};

/// What a test returns, so that `?` works on every fallible call.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The names of the built-in channels, as an unknown-channel error lists them.
pub const BUILTIN_NAMES: &str =
    "in_person, event, video_call, phone_call, email, direct_message, public_reply, broadcast, reaction";

/// 2026-03-02T10:00:00Z (`day(2)`) in seconds since the epoch.
pub const DAY2: i64 = 1_772_445_600;

/// A UTC time.
pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
        .single()
        .expect("a valid test time")
}

/// 10:00 UTC on a day of March 2026.
pub fn day(d: u32) -> DateTime<Utc> {
    at(2026, 3, d, 10, 0, 0)
}

/// An email from `src` to `dst`.
pub fn email(src: &str, dst: &str, when: DateTime<Utc>) -> Interaction {
    Interaction::new(src, dst, when, "email")
}

/// The error of a call that must fail.
pub fn err<T: Debug>(r: tiegraph::Result<T>) -> Error {
    r.expect_err("the call should fail")
}

/// `(row, line)` of an [`Error::Row`].
pub fn row_of(e: &Error) -> (u64, Option<u64>) {
    match e {
        Error::Row { row, line, .. } => (*row, *line),
        other => panic!("expected a row error, got {other:?}"),
    }
}

/// The columns `write_interactions_csv` writes.
pub fn full_columns() -> InteractionColumns {
    InteractionColumns {
        duration: Some("duration".into()),
        weight: Some("weight".into()),
        ..InteractionColumns::default()
    }
}

/// The columns `write_connections_csv` writes.
pub fn connection_columns() -> ConnectionColumns {
    ConnectionColumns {
        kind: Some("kind".into()),
        since: Some("since".into()),
        ..ConnectionColumns::default()
    }
}

/// CSV options that skip bad rows.
pub fn skip() -> CsvOptions {
    CsvOptions {
        on_error: OnError::Skip,
        ..CsvOptions::default()
    }
}

/// The JSON snapshot of a graph.
pub fn json(g: &RelationshipGraph) -> Vec<u8> {
    let mut out = Vec::new();
    g.write_json(&mut out).expect("writing to a Vec cannot fail");
    out
}

/// Every interaction of a graph, tie by tie.
pub fn interactions(g: &RelationshipGraph) -> Vec<Interaction> {
    g.iter_ties().flat_map(|t| t.interactions()).collect()
}

/// Every connection of a graph, tie by tie.
pub fn connections(g: &RelationshipGraph) -> Vec<Connection> {
    g.iter_ties().flat_map(|t| t.connections()).collect()
}

/// Every person's key, in order.
pub fn people(g: &RelationshipGraph) -> Vec<String> {
    g.people().map(|p| p.key.clone()).collect()
}

/// A small graph with a bit of everything, to check that failed calls
/// leave a graph exactly as it was.
pub fn sample() -> RelationshipGraph {
    let mut g = RelationshipGraph::new();
    g.register_channel(podcast()).expect("valid channel");
    g.add_interactions([
        email("ana", "lee", day(2)),
        email("lee", "ana", day(3)).with_weight(0.5),
        Interaction::new("ana", "bo", day(4), "podcast").with_duration(2700.0),
    ])
    .expect("valid rows");
    g.add_connection(Connection::follows("lee", "ana", "x").since(day(1)))
        .expect("valid connection");
    g.add_event(GroupEvent::new(["lee", "bo", "kim"], day(5)).with_name("launch"))
        .expect("valid event");
    g
}

/// A registered online channel.
pub fn podcast() -> Channel {
    Channel::new("podcast", Mode::Online, ChannelClass::Synchronous, 0.7).mutual(true)
}

/// A registered offline channel with a typical duration.
pub fn dinner() -> Channel {
    Channel::new("dinner", Mode::Offline, ChannelClass::Offline, 0.9)
        .mutual(true)
        .typical_duration(7200.0)
}

/// One entry of an input log.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// An interaction.
    Interaction(Interaction),
    /// A group event.
    Event(GroupEvent),
    /// A declared connection.
    Connection(Connection),
}

impl Entry {
    fn channel(&self) -> Option<&str> {
        match self {
            Entry::Interaction(i) => Some(&i.channel),
            Entry::Event(e) => Some(&e.channel),
            Entry::Connection(_) => None,
        }
    }

    /// The keys of the people it names.
    pub fn keys(&self) -> Vec<&str> {
        match self {
            Entry::Interaction(i) => vec![&i.src, &i.dst],
            Entry::Event(e) => e.participants.iter().map(String::as_str).collect(),
            Entry::Connection(c) => vec![&c.a, &c.b],
        }
    }
}

/// Registers the non-built-in channels the log uses, in order of first use
/// (so that graphs of different logs give them different ids).
fn register_used(g: &mut RelationshipGraph, log: &[Entry]) -> tiegraph::Result<()> {
    for e in log {
        match e.channel() {
            Some("podcast") => {
                g.register_channel(podcast())?;
            }
            Some("dinner") => {
                g.register_channel(dinner())?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Adds a log to a graph, one entry at a time.
pub fn ingest(g: &mut RelationshipGraph, log: &[Entry]) -> tiegraph::Result<()> {
    register_used(g, log)?;
    for e in log {
        match e.clone() {
            Entry::Interaction(i) => g.add_interaction(i)?,
            Entry::Event(ev) => g.add_event(ev)?,
            Entry::Connection(c) => g.add_connection(c)?,
        }
    }
    Ok(())
}

/// The graph of a log, one entry at a time.
pub fn one_by_one(log: &[Entry]) -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    ingest(&mut g, log)?;
    Ok(g)
}

/// The graph of a log, with the bulk calls: connections first, then all
/// interactions at once, then the events.
pub fn bulk(log: &[Entry]) -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    register_used(&mut g, log)?;
    g.add_connections(log.iter().filter_map(|e| match e {
        Entry::Connection(c) => Some(c.clone()),
        _ => None,
    }))?;
    g.add_interactions(log.iter().filter_map(|e| match e {
        Entry::Interaction(i) => Some(i.clone()),
        _ => None,
    }))?;
    for e in log {
        if let Entry::Event(ev) = e {
            g.add_event(ev.clone())?;
        }
    }
    Ok(g)
}

/// The log as if `key` had never been there: their interactions and
/// connections dropped, and they are left out of every group event (an
/// event left with one person is dropped).
pub fn without(log: &[Entry], key: &str) -> Vec<Entry> {
    log.iter()
        .filter_map(|e| match e {
            Entry::Event(ev) => {
                let participants: Vec<String> =
                    ev.participants.iter().filter(|p| *p != key).cloned().collect();
                (participants.len() >= 2).then(|| {
                    Entry::Event(GroupEvent {
                        participants,
                        ..ev.clone()
                    })
                })
            }
            other => (!other.keys().contains(&key)).then(|| other.clone()),
        })
        .collect()
}

/// Every key a log names.
pub fn keys(log: &[Entry]) -> BTreeSet<String> {
    log.iter()
        .flat_map(|e| e.keys().into_iter().map(str::to_string))
        .collect()
}

/// A graph that knows both registered channels, has these people (no
/// details) and then this log.
pub fn with_people<'a>(
    keys: impl IntoIterator<Item = &'a String>,
    log: &[Entry],
) -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    g.register_channel(podcast())?;
    g.register_channel(dinner())?;
    for k in keys {
        g.add_person(tiegraph::Person::new(k.clone()))?;
    }
    ingest(&mut g, log)?;
    Ok(g)
}
