//! CSV import and export of interactions and connections.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};

use crate::error::{Error, Result};
use crate::graph::{ChannelRef, Fields, LoadReport, OnError, RelationshipGraph, Row, SkippedRow, secs};
use crate::model::{Connection, ConnectionKind};

/// The unit of integer timestamps. Integers are never guessed to be seconds
/// or milliseconds: the caller says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Seconds since the Unix epoch.
    Seconds,
    /// Milliseconds since the Unix epoch.
    Milliseconds,
    /// Microseconds since the Unix epoch.
    Microseconds,
    /// Nanoseconds since the Unix epoch.
    Nanoseconds,
}

impl TimeUnit {
    /// Seconds (floored) of an integer count of this unit.
    pub(crate) fn to_secs(self, v: i64) -> i64 {
        match self {
            TimeUnit::Seconds => v,
            TimeUnit::Milliseconds => v.div_euclid(1_000),
            TimeUnit::Microseconds => v.div_euclid(1_000_000),
            TimeUnit::Nanoseconds => v.div_euclid(1_000_000_000),
        }
    }
}

/// How timestamps are written in a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeFormat {
    /// RFC 3339 (`2026-03-02T10:00:00Z`, any offset); text without an
    /// offset (`2026-03-02T10:00:00` or `2026-03-02 10:00:00`) is taken as UTC.
    #[default]
    Rfc3339,
    /// Integers since the Unix epoch in the given unit.
    Unix(TimeUnit),
}

/// The columns of an interaction CSV file. Defaults: `src`, `dst`, `time`,
/// `channel`, no duration, no weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionColumns {
    /// Initiator key.
    pub src: String,
    /// Other party key.
    pub dst: String,
    /// Timestamp.
    pub time: String,
    /// Channel name.
    pub channel: String,
    /// Duration in seconds (empty cell: none).
    pub duration: Option<String>,
    /// Weight multiplier (empty cell: 1).
    pub weight: Option<String>,
}

impl Default for InteractionColumns {
    fn default() -> Self {
        InteractionColumns {
            src: "src".into(),
            dst: "dst".into(),
            time: "time".into(),
            channel: "channel".into(),
            duration: None,
            weight: None,
        }
    }
}

/// The columns of a connection CSV file. Defaults: `a`, `b`, `platform`,
/// no kind (all mutual), no since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionColumns {
    /// One person (the follower for `follows`).
    pub a: String,
    /// The other.
    pub b: String,
    /// Platform name.
    pub platform: String,
    /// `mutual` or `follows` (absent column: mutual).
    pub kind: Option<String>,
    /// Since when (empty cell: always).
    pub since: Option<String>,
}

impl Default for ConnectionColumns {
    fn default() -> Self {
        ConnectionColumns {
            a: "a".into(),
            b: "b".into(),
            platform: "platform".into(),
            kind: None,
            since: None,
        }
    }
}

/// Options shared by the CSV readers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvOptions {
    /// How timestamps are written.
    pub time_format: TimeFormat,
    /// Field delimiter (default `,`).
    pub delimiter: u8,
    /// What a bad row does.
    pub on_error: OnError,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            time_format: TimeFormat::Rfc3339,
            delimiter: b',',
            on_error: OnError::Raise,
        }
    }
}

fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The line a CSV reader error is at, or `line` (where the record being
/// read starts) when the error carries no position.
fn error_line(e: &::csv::Error, line: u64) -> u64 {
    e.position().map_or(line, |p| p.line())
}

fn csv_error(e: &::csv::Error, line: u64) -> Error {
    let line = error_line(e, line);
    Error::Csv {
        line,
        message: e.to_string(),
    }
}

/// Positions of the named columns in a header.
fn column(headers: &::csv::StringRecord, name: &str) -> Result<usize> {
    headers
        .iter()
        .position(|h| h == name)
        .ok_or_else(|| Error::MissingColumn {
            column: name.to_string(),
            available: headers.iter().map(str::to_string).collect(),
        })
}

pub(crate) fn parse_time(text: &str, format: TimeFormat, field: &str) -> Result<i64> {
    let bad = |reason: &str| Error::InvalidTimestamp {
        field: field.into(),
        value: text.into(),
        reason: reason.into(),
    };
    let text = text.trim();
    match format {
        TimeFormat::Rfc3339 => {
            if let Ok(t) = DateTime::parse_from_rfc3339(text) {
                return Ok(secs(t.with_timezone(&Utc)));
            }
            // RFC 3339 has four-digit years only; chrono's own form (which
            // the writers use) has signed years beyond them: `+12000-01-01T00:00:00Z`.
            if let Ok(t) = text.parse::<DateTime<FixedOffset>>() {
                return Ok(secs(t.with_timezone(&Utc)));
            }
            for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
                if let Ok(t) = NaiveDateTime::parse_from_str(text, f) {
                    return Ok(secs(t.and_utc()));
                }
            }
            Err(bad("expected RFC 3339, e.g. 2026-03-02T10:00:00Z"))
        }
        TimeFormat::Unix(unit) => {
            let v: i64 = text.parse().map_err(|_| bad("expected an integer"))?;
            let s = unit.to_secs(v);
            checked_time(s, field, || text.to_string())
        }
    }
}

/// Whether `s` seconds since the epoch is a time chrono can hold: a range
/// check, not a date conversion, as bulk loads call it once per row.
#[inline]
pub(crate) fn time_in_range(s: i64) -> bool {
    (DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp()).contains(&s)
}

/// Checks that `s` seconds since the epoch is a time chrono can hold.
/// `text` is only built on error: bulk loads call this once per row.
fn checked_time(s: i64, field: &str, text: impl FnOnce() -> String) -> Result<i64> {
    match time_in_range(s) {
        true => Ok(s),
        false => Err(Error::TimestampOutOfRange {
            field: field.into(),
            value: text(),
        }),
    }
}

fn parse_f64(text: &str, field: &str) -> Result<Option<f64>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(v) => Ok(Some(v)),
        Err(_) => Err(Error::InvalidValue {
            field: field.into(),
            value: text.into(),
            expected: vec!["a number".into()],
        }),
    }
}

impl RelationshipGraph {
    /// Loads interactions from a CSV file with a header row.
    ///
    /// ```
    /// use tiegraph::{InteractionColumns, CsvOptions, RelationshipGraph};
    /// let csv = "from,to,when,how,secs\n\
    ///            ana,lee,2026-03-02T10:00:00Z,email,\n\
    ///            lee,ana,2026-03-03T12:00:00Z,in_person,5400\n";
    /// let cols = InteractionColumns {
    ///     src: "from".into(), dst: "to".into(), time: "when".into(), channel: "how".into(),
    ///     duration: Some("secs".into()), weight: None,
    /// };
    /// let mut g = RelationshipGraph::new();
    /// let report = g.read_interactions_csv(csv.as_bytes(), &cols, &CsvOptions::default())?;
    /// assert_eq!(report.added, 2);
    /// assert_eq!(g.tie("ana", "lee")?.len(), 2);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn read_interactions_csv<R: Read>(
        &mut self,
        reader: R,
        columns: &InteractionColumns,
        options: &CsvOptions,
    ) -> Result<LoadReport> {
        let mut rdr = ::csv::ReaderBuilder::new()
            .delimiter(options.delimiter)
            .from_reader(reader);
        let headers = rdr.headers().map_err(|e| csv_error(&e, 1))?.clone();
        let src = column(&headers, &columns.src)?;
        let dst = column(&headers, &columns.dst)?;
        let tcol = column(&headers, &columns.time)?;
        let ch = column(&headers, &columns.channel)?;
        let dur = columns
            .duration
            .as_deref()
            .map(|c| column(&headers, c))
            .transpose()?;
        let wcol = columns
            .weight
            .as_deref()
            .map(|c| column(&headers, c))
            .transpose()?;
        let fields = Fields {
            src: &columns.src,
            dst: &columns.dst,
            time: &columns.time,
            channel: &columns.channel,
            duration: columns.duration.as_deref().unwrap_or("duration"),
            weight: columns.weight.as_deref().unwrap_or("weight"),
        };
        let mut staging = crate::graph::Staging::new(self, options.on_error);
        let mut rec = ::csv::StringRecord::new();
        let mut row_no = 0u64;
        loop {
            let line = rdr.position().line();
            match rdr.read_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {
                    let line = rec.position().map_or(line, |p| p.line());
                    let row = (|| {
                        let t = parse_time(&rec[tcol], options.time_format, fields.time)?;
                        let duration = match dur {
                            Some(i) => parse_f64(&rec[i], fields.duration)?,
                            None => None,
                        };
                        let weight = match wcol {
                            Some(i) => parse_f64(&rec[i], fields.weight)?.unwrap_or(1.0),
                            None => 1.0,
                        };
                        Ok(Row {
                            src: &rec[src],
                            dst: &rec[dst],
                            t,
                            channel: ChannelRef::Name(&rec[ch]),
                            duration,
                            weight,
                        })
                    })();
                    staging.push(self, &fields, row_no, Some(line), row)?;
                }
                Err(e) => {
                    let line = error_line(&e, line);
                    staging.push(self, &fields, row_no, Some(line), Err(csv_error(&e, line)))?;
                }
            }
            row_no += 1;
        }
        Ok(staging.commit(self))
    }

    /// [`read_interactions_csv`](Self::read_interactions_csv) from a file.
    pub fn load_interactions_csv(
        &mut self,
        path: impl AsRef<Path>,
        columns: &InteractionColumns,
        options: &CsvOptions,
    ) -> Result<LoadReport> {
        let f = open(path.as_ref())?;
        self.read_interactions_csv(std::io::BufReader::new(f), columns, options)
    }

    /// Writes every interaction as CSV with columns
    /// `src,dst,time,channel,duration,weight` (time RFC 3339 UTC, duration
    /// in seconds or empty), ordered by tie then time. Reading it back with
    /// the same columns gives the same interactions.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("lee", "ana", at, "phone_call").with_duration(600.0))?;
    /// let mut out = Vec::new();
    /// g.write_interactions_csv(&mut out)?;
    /// assert_eq!(
    ///     String::from_utf8(out).unwrap(),
    ///     "src,dst,time,channel,duration,weight\nlee,ana,2026-03-02T10:00:00Z,phone_call,600,1\n"
    /// );
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn write_interactions_csv<W: Write>(&self, writer: W) -> Result<()> {
        let mut w = ::csv::Writer::from_writer(writer);
        let io = |e: ::csv::Error| Error::Io {
            path: "<writer>".into(),
            source: std::io::Error::other(e.to_string()),
        };
        w.write_record(["src", "dst", "time", "channel", "duration", "weight"])
            .map_err(io)?;
        for tie in self.iter_ties() {
            for it in tie.interaction_refs() {
                let dur = it.duration.map(|d| d.to_string()).unwrap_or_default();
                let at = it.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
                w.write_record([it.src, it.dst, &at, it.channel, &dur, &it.weight.to_string()])
                    .map_err(io)?;
            }
        }
        w.flush().map_err(|source| Error::Io {
            path: "<writer>".into(),
            source,
        })
    }

    /// Loads connections from a CSV file with a header row.
    ///
    /// ```
    /// use tiegraph::{ConnectionColumns, CsvOptions, RelationshipGraph};
    /// let csv = "a,b,platform,kind\nana,lee,x,follows\nana,bo,linkedin,mutual\n";
    /// let cols = ConnectionColumns { kind: Some("kind".into()), ..ConnectionColumns::default() };
    /// let mut g = RelationshipGraph::new();
    /// g.read_connections_csv(csv.as_bytes(), &cols, &CsvOptions::default())?;
    /// assert_eq!(g.tie_count(), 2);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn read_connections_csv<R: Read>(
        &mut self,
        reader: R,
        columns: &ConnectionColumns,
        options: &CsvOptions,
    ) -> Result<LoadReport> {
        let mut rdr = ::csv::ReaderBuilder::new()
            .delimiter(options.delimiter)
            .from_reader(reader);
        let headers = rdr.headers().map_err(|e| csv_error(&e, 1))?.clone();
        let a = column(&headers, &columns.a)?;
        let b = column(&headers, &columns.b)?;
        let platform = column(&headers, &columns.platform)?;
        let kind = columns.kind.as_deref().map(|c| column(&headers, c)).transpose()?;
        let since = columns
            .since
            .as_deref()
            .map(|c| column(&headers, c))
            .transpose()?;
        let mut rows = Vec::new();
        let mut skipped = Vec::new();
        let mut rec = ::csv::StringRecord::new();
        let mut row_no = 0u64;
        loop {
            let mut line = rdr.position().line();
            let parsed = match rdr.read_record(&mut rec) {
                Ok(false) => break,
                Ok(true) => {
                    line = rec.position().map_or(line, |p| p.line());
                    let conn = (|| {
                        let kind = match kind.map(|i| rec[i].trim()) {
                            None | Some("mutual") => ConnectionKind::Mutual,
                            Some("follows") => ConnectionKind::Follows,
                            Some(other) => {
                                return Err(Error::InvalidValue {
                                    field: columns.kind.clone().unwrap_or_default(),
                                    value: other.into(),
                                    expected: vec!["mutual".into(), "follows".into()],
                                });
                            }
                        };
                        let since = match since.map(|i| rec[i].trim()) {
                            None | Some("") => None,
                            Some(text) => {
                                let s = parse_time(
                                    text,
                                    options.time_format,
                                    columns.since.as_deref().unwrap_or("since"),
                                )?;
                                DateTime::from_timestamp(s, 0)
                            }
                        };
                        Ok(Connection {
                            a: rec[a].to_string(),
                            b: rec[b].to_string(),
                            platform: rec[platform].to_string(),
                            kind,
                            since,
                        })
                    })();
                    conn.and_then(|c| {
                        let fields = [&columns.a, &columns.b, &columns.platform].map(String::as_str);
                        crate::graph::validate_connection(&c, fields).map(|()| c)
                    })
                }
                Err(e) => {
                    line = error_line(&e, line);
                    Err(csv_error(&e, line))
                }
            };
            match parsed {
                Ok(c) => rows.push(c),
                Err(e) => match options.on_error {
                    OnError::Raise => return Err(e.at_row(row_no, Some(line))),
                    OnError::Skip => skipped.push(SkippedRow {
                        row: row_no,
                        line: Some(line),
                        error: e,
                    }),
                },
            }
            row_no += 1;
        }
        let mut report = self.add_connections(rows)?;
        report.rows = row_no;
        report.skipped = skipped;
        Ok(report)
    }

    /// [`read_connections_csv`](Self::read_connections_csv) from a file.
    pub fn load_connections_csv(
        &mut self,
        path: impl AsRef<Path>,
        columns: &ConnectionColumns,
        options: &CsvOptions,
    ) -> Result<LoadReport> {
        let f = open(path.as_ref())?;
        self.read_connections_csv(std::io::BufReader::new(f), columns, options)
    }

    /// Writes every connection as CSV with columns `a,b,platform,kind,since`.
    pub fn write_connections_csv<W: Write>(&self, writer: W) -> Result<()> {
        let mut w = ::csv::Writer::from_writer(writer);
        let io = |e: ::csv::Error| Error::Io {
            path: "<writer>".into(),
            source: std::io::Error::other(e.to_string()),
        };
        w.write_record(["a", "b", "platform", "kind", "since"])
            .map_err(io)?;
        for tie in self.iter_ties() {
            for c in tie.connections() {
                let since = c
                    .since
                    .map(|s| s.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
                    .unwrap_or_default();
                w.write_record([&c.a, &c.b, &c.platform, c.kind.as_str(), &since])
                    .map_err(io)?;
            }
        }
        w.flush().map_err(|source| Error::Io {
            path: "<writer>".into(),
            source,
        })
    }
}
