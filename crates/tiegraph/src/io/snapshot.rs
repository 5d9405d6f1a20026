//! The versioned JSON snapshot, keyed by person key.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::csv::time_in_range;
use crate::error::{Error, Result};
use crate::graph::{EventRecord, NO_DURATION, Record, RelationshipGraph, secs};
use crate::model::{Channel, ConnectionKind, GroupEvent, Person};
use crate::score::ScoringModel;

/// The snapshot format version this build reads and writes.
pub const SNAPSHOT_VERSION: u64 = 1;
const FORMAT: &str = "tiegraph";

/// A graph as written to disk: canonical (everything sorted by key), so
/// that equal graphs give equal snapshots whatever their insertion order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    format: String,
    version: u64,
    /// Registered (not built-in) channels, by name.
    channels: Vec<Channel>,
    /// Every channel name, sorted; interactions refer to them by position.
    channel_names: Vec<String>,
    people: Vec<Person>,
    ties: Vec<SnapTie>,
    events: Vec<GroupEvent>,
    /// The graph's scoring model.
    #[serde(default)]
    model: ScoringModel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SnapTie {
    a: String,
    b: String,
    /// (time in seconds, channel position, initiator 0 = a / 1 = b, weight, duration)
    #[serde(default)]
    interactions: Vec<(i64, u32, u8, f64, Option<u32>)>,
    #[serde(default)]
    connections: Vec<SnapConn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct SnapConn {
    platform: String,
    kind: ConnectionKind,
    /// For `follows`: 0 when a follows b, 1 when b follows a.
    #[serde(default)]
    side: u8,
    #[serde(default)]
    since: Option<i64>,
}

fn corrupt(e: serde_json::Error) -> Error {
    Error::CorruptSnapshot {
        message: e.to_string(),
    }
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u64>,
}

impl Snapshot {
    pub(crate) fn of(g: &RelationshipGraph) -> Snapshot {
        let mut channels = g.channels.registered().to_vec();
        channels.sort_by(|x, y| x.name.cmp(&y.name));
        let mut channel_names: Vec<String> = g.channels().iter().map(|c| c.name.clone()).collect();
        channel_names.sort();
        let pos: Vec<u32> = g
            .channels()
            .iter()
            .map(|c| channel_names.binary_search(&c.name).unwrap_or(0) as u32)
            .collect();
        let ties = g
            .sorted_tie_ids()
            .into_iter()
            .map(|id| {
                let t = g.tie_data(id);
                let mut interactions: Vec<_> = t
                    .log
                    .iter()
                    .map(|r| {
                        (
                            r.t(),
                            pos[r.ch() as usize],
                            r.side(),
                            r.mult,
                            (r.dur != NO_DURATION).then_some(r.dur),
                        )
                    })
                    .collect();
                interactions.sort_by(|x, y| {
                    (x.0, x.1, x.2, x.3.to_bits(), x.4).cmp(&(y.0, y.1, y.2, y.3.to_bits(), y.4))
                });
                SnapTie {
                    a: g.key(t.a).to_string(),
                    b: g.key(t.b).to_string(),
                    interactions,
                    connections: t
                        .conns
                        .iter()
                        .map(|c| SnapConn {
                            platform: c.platform.clone(),
                            kind: c.kind,
                            side: c.side,
                            since: c.since,
                        })
                        .collect(),
                }
            })
            .collect();
        Snapshot {
            format: FORMAT.to_string(),
            version: SNAPSHOT_VERSION,
            channels,
            channel_names,
            people: g.people().cloned().collect(),
            ties,
            events: g.events(),
            model: g.model().clone(),
        }
    }

    /// The snapshot in `text`, or why it is not one: a wrong or missing
    /// format field, then another version, then anything else.
    ///
    /// The whole snapshot is parsed first and the header only when that
    /// fails or names another format or version: parsing the header first
    /// walked the whole text once more to skip what follows it (a third of
    /// a load's parse).
    fn parse(text: &str) -> Result<Snapshot> {
        let failed = match serde_json::from_str::<Snapshot>(text) {
            Ok(s) if s.format == FORMAT && s.version == SNAPSHOT_VERSION => return Ok(s),
            Ok(_) => None,
            Err(e) => Some(e),
        };
        let header: Header = serde_json::from_str(text).map_err(corrupt)?;
        if header.format.as_deref() != Some(FORMAT) {
            return Err(Error::CorruptSnapshot {
                message: format!("not a tiegraph snapshot (format field {:?})", header.format),
            });
        }
        match header.version {
            // the header is right, so the whole did not parse
            Some(SNAPSHOT_VERSION) => Err(failed.map_or_else(
                || Error::CorruptSnapshot {
                    message: "the header parses, the snapshot does not".into(),
                },
                corrupt,
            )),
            Some(found) => Err(Error::SnapshotVersion {
                found,
                supported: SNAPSHOT_VERSION,
            }),
            None => Err(Error::CorruptSnapshot {
                message: "missing version field".into(),
            }),
        }
    }

    fn into_graph(self) -> Result<RelationshipGraph> {
        let corrupt = |message: String| Error::CorruptSnapshot { message };
        let mut g = RelationshipGraph::new();
        g.set_model(self.model)?;
        for c in self.channels {
            g.register_channel(c)
                .map_err(|e| corrupt(format!("channels: {e}")))?;
        }
        let mut ch_ids = Vec::with_capacity(self.channel_names.len());
        for name in &self.channel_names {
            let id = g
                .channels
                .id(name)
                .map_err(|e| corrupt(format!("channel_names: {e}")))?;
            ch_ids.push(id.0);
        }
        for p in self.people {
            g.add_person(p).map_err(|e| corrupt(format!("people: {e}")))?;
        }
        let mut n = 0;
        for (i, t) in self.ties.into_iter().enumerate() {
            let here = |what: String| corrupt(format!("tie {i} ({:?}, {:?}): {what}", t.a, t.b));
            let (a, b) = match (g.index.get(&t.a), g.index.get(&t.b)) {
                (Some(a), Some(b)) if t.a < t.b => (a, b),
                _ => return Err(here("its people must exist and be in key order".into())),
            };
            if g.tie_id(a, b).is_some() {
                return Err(here("the pair is listed twice".into()));
            }
            let mut log = Vec::with_capacity(t.interactions.len());
            for &(ts, ch, side, mult, dur) in &t.interactions {
                let valid = time_in_range(ts)
                    && (ch as usize) < ch_ids.len()
                    && side <= 1
                    && mult.is_finite()
                    && mult >= 0.0
                    && dur.is_none_or(|d| d != NO_DURATION);
                if !valid {
                    return Err(here(format!(
                        "invalid interaction {:?}",
                        (ts, ch, side, mult, dur)
                    )));
                }
                log.push(Record::new(
                    ts,
                    ch_ids[ch as usize],
                    side,
                    mult,
                    dur.unwrap_or(NO_DURATION),
                ));
            }
            n += log.len();
            let tie = g.tie_mut_or_new(a, b);
            tie.log = log.into();
            tie.sort();
            for c in t.connections {
                if c.side > 1 || c.platform.is_empty() || c.since.is_some_and(|s| !time_in_range(s)) {
                    return Err(here(format!("invalid connection on {:?}", c.platform)));
                }
                tie.add_conn(crate::graph::ConnRecord {
                    platform: c.platform,
                    kind: c.kind,
                    side: c.side,
                    since: c.since,
                });
            }
        }
        g.add_committed(n);
        for (i, e) in self.events.into_iter().enumerate() {
            let here = |what: String| corrupt(format!("event {i}: {what}"));
            let n = e.participants.len();
            if n < 2 {
                return Err(here(format!("it needs at least two participants, got {n}")));
            }
            if !(e.weight.is_finite() && e.weight >= 0.0) {
                return Err(here(format!("invalid weight {}", e.weight)));
            }
            if let Some(d) = e.duration.filter(|d| !(d.is_finite() && *d >= 0.0)) {
                return Err(here(format!("invalid duration {d}")));
            }
            let mut participants = Vec::with_capacity(n);
            for p in &e.participants {
                let id = g
                    .index
                    .get(p)
                    .ok_or_else(|| here(format!("participant {p:?} is not a person")))?;
                if participants.contains(&id) {
                    return Err(here(format!("{p:?} is listed twice")));
                }
                participants.push(id);
            }
            let ch = g.channels.id(&e.channel).map_err(|err| here(err.to_string()))?;
            g.events.push(EventRecord {
                name: e.name,
                t: secs(e.at),
                ch: ch.0,
                dur: e.duration.map_or(NO_DURATION, |d| d.round() as u32),
                weight: e.weight,
                participants,
            });
        }
        Ok(g)
    }
}

impl RelationshipGraph {
    /// Writes the graph as a versioned JSON snapshot keyed by person key.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "email"))?;
    /// let mut buf = Vec::new();
    /// g.write_json(&mut buf)?;
    /// assert_eq!(RelationshipGraph::read_json(&buf[..])?, g);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn write_json<W: Write>(&self, writer: W) -> Result<()> {
        serde_json::to_writer(writer, &Snapshot::of(self)).map_err(|e| match e.io_error_kind() {
            Some(kind) => Error::Io {
                path: "<writer>".into(),
                source: std::io::Error::from(kind),
            },
            None => Error::CorruptSnapshot {
                message: e.to_string(),
            },
        })
    }

    /// Reads a snapshot written by [`write_json`](Self::write_json). A file of
    /// another format version is [`Error::SnapshotVersion`]; anything that is
    /// not a valid snapshot is [`Error::CorruptSnapshot`].
    ///
    /// ```
    /// use tiegraph::{Error, RelationshipGraph};
    /// let err = RelationshipGraph::read_json(&br#"{"format":"tiegraph","version":99}"#[..]).unwrap_err();
    /// assert!(matches!(err, Error::SnapshotVersion { found: 99, supported: 1 }));
    /// let err = RelationshipGraph::read_json(&b"{not json"[..]).unwrap_err();
    /// assert!(matches!(err, Error::CorruptSnapshot { .. }));
    /// ```
    pub fn read_json<R: Read>(mut reader: R) -> Result<RelationshipGraph> {
        let mut text = String::new();
        reader
            .read_to_string(&mut text)
            .map_err(|e| Error::CorruptSnapshot {
                message: format!("cannot read the snapshot as UTF-8 text: {e}"),
            })?;
        Snapshot::parse(&text)?.into_graph()
    }

    /// Saves a snapshot to a file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut w = BufWriter::new(File::create(path).map_err(io)?);
        self.write_json(&mut w)?;
        w.flush().map_err(io)
    }

    /// Loads a snapshot from a file.
    pub fn load(path: impl AsRef<Path>) -> Result<RelationshipGraph> {
        let path = path.as_ref();
        let f = File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        RelationshipGraph::read_json(BufReader::new(f))
    }
}
