//! The one error type of the crate.

use std::path::PathBuf;

/// Everything that can go wrong in tiegraph.
///
/// Each variant carries the data a caller needs to fix the problem: the key,
/// the value, the field and, for bulk input, the row it came from
/// ([`Error::Row`] wraps the error of one input row).
///
/// ```
/// use tiegraph::{Error, RelationshipGraph};
/// let g = RelationshipGraph::new();
/// let err = g.person("ann@example.org").unwrap_err();
/// assert!(matches!(err, Error::PersonNotFound { .. }));
/// assert_eq!(err.to_string(), r#"person "ann@example.org" not found"#);
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// One row of a bulk input was bad. `row` counts data rows from 0 in the
    /// order they were given; `line` is the 1-based line of a CSV file
    /// (header included) when the input was one.
    #[error("row {row}{}: {source}", line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Row {
        /// 0-based position of the row in the input.
        row: u64,
        /// 1-based line in the CSV file, when reading one.
        line: Option<u64>,
        /// What was wrong with it.
        #[source]
        source: Box<Error>,
    },
    /// An interaction or connection whose two people are the same.
    #[error("self-interaction: {key:?} cannot interact with themself")]
    SelfInteraction {
        /// The person's key.
        key: String,
    },
    /// A person key that is empty.
    #[error("empty person key in field {field:?}")]
    EmptyKey {
        /// The field (column) that held it.
        field: String,
    },
    /// A channel name that is neither built in nor registered.
    #[error("unknown channel {name:?}; known channels: {}", known.join(", "))]
    UnknownChannel {
        /// The name given.
        name: String,
        /// Every channel the graph knows, built-in first.
        known: Vec<String>,
    },
    /// A weight multiplier that is negative, NaN or infinite.
    #[error("invalid weight {value} in field {field:?}: must be finite and >= 0")]
    InvalidWeight {
        /// The field (column) that held it.
        field: String,
        /// The value given.
        value: f64,
    },
    /// A duration that is negative, NaN, infinite or too large.
    #[error("invalid duration {value} s in field {field:?}: must be finite, >= 0 and at most 10 years")]
    InvalidDuration {
        /// The field (column) that held it.
        field: String,
        /// The value given, in seconds.
        value: f64,
    },
    /// A timestamp that chrono cannot represent.
    #[error("timestamp {value} in field {field:?} is out of range")]
    TimestampOutOfRange {
        /// The field (column) that held it.
        field: String,
        /// The value given, as written.
        value: String,
    },
    /// A timestamp that could not be parsed.
    #[error("invalid timestamp {value:?} in field {field:?}: {reason}")]
    InvalidTimestamp {
        /// The field (column) that held it.
        field: String,
        /// The text given.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A value of an enumerated field that is not one of the allowed ones.
    #[error("invalid value {value:?} in field {field:?}; expected one of: {}", expected.join(", "))]
    InvalidValue {
        /// The field (column) that held it.
        field: String,
        /// The text given.
        value: String,
        /// The values allowed.
        expected: Vec<String>,
    },
    /// A column the caller named is not in the input.
    #[error("missing column {column:?}; available columns: {}", available.join(", "))]
    MissingColumn {
        /// The column asked for.
        column: String,
        /// The columns the input has.
        available: Vec<String>,
    },
    /// A column whose type cannot hold what it should.
    #[error("column {column:?} has type {found}, expected {expected}")]
    WrongColumnType {
        /// The column.
        column: String,
        /// What it should be.
        expected: String,
        /// What it is.
        found: String,
    },
    /// A CSV line that could not be read (wrong number of fields, bad UTF-8...).
    #[error("malformed CSV at line {line}: {message}")]
    Csv {
        /// 1-based line number, header included.
        line: u64,
        /// What the CSV reader reported.
        message: String,
    },
    /// A snapshot written by a format version this build cannot read.
    #[error("snapshot format version {found} is not supported (this build reads version {supported})")]
    SnapshotVersion {
        /// The version in the file.
        found: u64,
        /// The version this build reads and writes.
        supported: u64,
    },
    /// A snapshot that is not valid JSON of the expected shape.
    #[error("corrupt snapshot: {message}")]
    CorruptSnapshot {
        /// What was wrong, with the line and column when known.
        message: String,
    },
    /// Reading or writing a file failed.
    #[error("i/o error on {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// No person has this key.
    #[error("person {key:?} not found")]
    PersonNotFound {
        /// The key asked for.
        key: String,
    },
    /// A person with this key already exists (use `update_person`).
    #[error("person {key:?} already exists")]
    PersonExists {
        /// The key.
        key: String,
    },
    /// The two people have no tie.
    #[error("no tie between {a:?} and {b:?}")]
    TieNotFound {
        /// One person.
        a: String,
        /// The other.
        b: String,
    },
    /// No stored interaction matches the one to remove.
    #[error("no interaction {src:?} -> {dst:?} on {channel:?} at {at} to remove")]
    InteractionNotFound {
        /// Initiator.
        src: String,
        /// Other party.
        dst: String,
        /// Channel name.
        channel: String,
        /// Time, RFC 3339.
        at: String,
    },
    /// A channel definition that cannot be registered.
    #[error("invalid channel {name:?}: {reason}")]
    InvalidChannel {
        /// The channel name.
        name: String,
        /// Why.
        reason: String,
    },
    /// A group event with fewer than two distinct people, or a repeated one.
    #[error("invalid group event{}: {reason}", name.as_ref().map(|n| format!(" {n:?}")).unwrap_or_default())]
    InvalidEvent {
        /// The event's name, when it has one.
        name: Option<String>,
        /// Why.
        reason: String,
    },
    /// A parameter of the scoring model out of its domain.
    #[error("invalid model parameter {parameter}: {value} ({reason})")]
    InvalidParameter {
        /// The parameter's name, as in the serialised model.
        parameter: String,
        /// The value given.
        value: f64,
        /// The domain it must lie in.
        reason: String,
    },
    /// A query argument out of its domain (a step of zero, an empty window...).
    #[error("invalid argument {argument}: {reason}")]
    InvalidArgument {
        /// The argument's name.
        argument: String,
        /// Why.
        reason: String,
    },
    /// Calibration cannot run on these labels.
    #[error("cannot fit the model: {reason}")]
    Fit {
        /// Why.
        reason: String,
    },
}

/// `Result` with tiegraph's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps this error with the position of the input row it came from.
    pub(crate) fn at_row(self, row: u64, line: Option<u64>) -> Error {
        Error::Row {
            row,
            line,
            source: Box::new(self),
        }
    }

    /// The innermost error, under any [`Error::Row`] wrappers.
    ///
    /// ```
    /// # use tiegraph::{Error, Interaction, RelationshipGraph};
    /// # use chrono::{TimeZone, Utc};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    /// let err = g
    ///     .add_interactions([Interaction::new("ann", "ann", at, "email")])
    ///     .unwrap_err();
    /// assert!(matches!(err.root(), Error::SelfInteraction { .. }));
    /// ```
    pub fn root(&self) -> &Error {
        match self {
            Error::Row { source, .. } => source.root(),
            other => other,
        }
    }
}
