//! The project's sample data, a fictional PR agency (`examples/data/`, see
//! its README): where the files are, readers for the two of them that are
//! not in a format the core library reads itself (`people.csv` and
//! `events.csv`), and [`load`], which builds the whole graph.
//!
//! The examples that use it say "sample data not found" and exit 0 when the
//! files are not there, so that a checkout without them still runs them.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use tiegraph::{ConnectionColumns, CsvOptions, GroupEvent, InteractionColumns, Person, RelationshipGraph};

use crate::BoxError;

/// Maya Chen, TechWire's senior AI reporter, who is leaving her outlet.
pub const MAYA: &str = "maya.chen@techwire.example";

/// Ana Reyes, account director at Brightside PR.
pub const ANA: &str = "ana.reyes@brightside-pr.example";

/// The four files of the sample data, in the order [`load`] reads them.
pub const FILES: [&str; 4] = ["people.csv", "interactions.csv", "connections.csv", "events.csv"];

/// The path of `examples/data/NAME`, whatever directory the example runs in.
///
/// ```
/// let people = tiegraph_examples::agency::sample_data("people.csv");
/// assert!(people.ends_with("data/people.csv"));
/// ```
pub fn sample_data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(name)
}

/// The sample files that are not there (empty when all four are).
pub fn missing_files() -> Vec<PathBuf> {
    FILES
        .iter()
        .map(|f| sample_data(f))
        .filter(|p| !p.is_file())
        .collect()
}

/// The whole sample graph: people with their details, interactions,
/// connections and group events. `Ok(None)` when a file is missing; an
/// error when one is there but cannot be read.
///
/// ```
/// use tiegraph_examples::agency::{MAYA, load};
/// if let Some(g) = load()? {
///     assert!(g.person(MAYA)?.tags.iter().any(|t| t == "leaving"));
/// }
/// # Ok::<(), tiegraph_examples::BoxError>(())
/// ```
pub fn load() -> Result<Option<RelationshipGraph>, BoxError> {
    if !missing_files().is_empty() {
        return Ok(None);
    }
    let mut g = RelationshipGraph::new();
    // people first, with their details: a row of interactions.csv naming
    // someone new would create them with nothing but a key
    for person in read_people(&sample_data("people.csv"))? {
        g.add_person(person)?;
    }
    let columns = InteractionColumns {
        duration: Some("duration".into()),
        weight: Some("weight".into()),
        ..InteractionColumns::default()
    };
    g.load_interactions_csv(sample_data("interactions.csv"), &columns, &CsvOptions::default())?;
    let columns = ConnectionColumns {
        kind: Some("kind".into()),
        since: Some("since".into()),
        ..ConnectionColumns::default()
    };
    g.load_connections_csv(sample_data("connections.csv"), &columns, &CsvOptions::default())?;
    for event in read_events(&sample_data("events.csv"))? {
        g.add_event(event)?;
    }
    Ok(Some(g))
}

/// Says which sample files are missing (the examples then exit 0).
pub fn not_found() {
    let missing: Vec<&str> = FILES
        .iter()
        .copied()
        .filter(|f| !sample_data(f).is_file())
        .collect();
    println!(
        "sample data not found: {} missing from {} (the repository's examples/data/); nothing to show",
        missing.join(", "),
        sample_data("").display()
    );
}

/// The display name of a person, else their key.
pub fn name(p: &Person) -> &str {
    p.name.as_deref().unwrap_or(&p.key)
}

/// A CSV file with a header row, read record by record with its cells
/// addressed by column name.
struct Table {
    path: PathBuf,
    columns: csv::StringRecord,
    reader: csv::Reader<std::fs::File>,
}

impl Table {
    fn open(path: &Path) -> Result<Table, BoxError> {
        let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let columns = reader.headers()?.clone();
        Ok(Table {
            path: path.to_path_buf(),
            columns,
            reader,
        })
    }

    /// The positions of the named columns.
    fn columns<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], BoxError> {
        let mut positions = [0; N];
        for (pos, name) in positions.iter_mut().zip(names) {
            *pos = self.columns.iter().position(|c| c == name).ok_or_else(|| {
                format!(
                    "{}: no column {name:?} among {:?}",
                    self.path.display(),
                    self.columns
                )
            })?;
        }
        Ok(positions)
    }

    /// Calls `row` with each record; its errors get the file and line in front.
    fn each(
        &mut self,
        mut row: impl FnMut(&csv::StringRecord) -> Result<(), BoxError>,
    ) -> Result<(), BoxError> {
        for record in self.reader.records() {
            let record = record.map_err(|e| format!("{}: {e}", self.path.display()))?;
            let line = record.position().map_or(0, |p| p.line());
            row(&record).map_err(|e| format!("{}: line {line}: {e}", self.path.display()))?;
        }
        Ok(())
    }
}

/// Splits a `;`-separated cell, dropping empty parts.
fn list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `None` for an empty cell.
fn optional(cell: &str) -> Option<String> {
    let cell = cell.trim();
    (!cell.is_empty()).then(|| cell.to_string())
}

/// The people of a file with columns `key,name,organisation,role,tags`
/// (tags separated by `;`, empty cells for unknown details).
pub fn read_people(path: &Path) -> Result<Vec<Person>, BoxError> {
    let mut table = Table::open(path)?;
    let [key, name, organisation, role, tags] =
        table.columns(["key", "name", "organisation", "role", "tags"])?;
    let mut people = Vec::new();
    table.each(|r| {
        people.push(Person {
            key: r[key].trim().to_string(),
            name: optional(&r[name]),
            organisation: optional(&r[organisation]),
            role: optional(&r[role]),
            tags: list(&r[tags]),
        });
        Ok(())
    })?;
    Ok(people)
}

/// The group events of a file with columns
/// `name,time,channel,duration,participants`: time in RFC 3339, an empty
/// channel for `event`, duration in seconds or empty, participants
/// separated by `;`.
pub fn read_events(path: &Path) -> Result<Vec<GroupEvent>, BoxError> {
    let mut table = Table::open(path)?;
    let [name, time, channel, duration, participants] =
        table.columns(["name", "time", "channel", "duration", "participants"])?;
    let mut events = Vec::new();
    table.each(|r| {
        let at = DateTime::parse_from_rfc3339(r[time].trim())
            .map_err(|e| format!("time {:?}: {e}", &r[time]))?
            .with_timezone(&Utc);
        let mut event = GroupEvent::new(list(&r[participants]), at);
        if let Some(n) = optional(&r[name]) {
            event = event.with_name(n);
        }
        if let Some(c) = optional(&r[channel]) {
            event = event.with_channel(c);
        }
        if let Some(d) = optional(&r[duration]) {
            let seconds: f64 = d.parse().map_err(|e| format!("duration {d:?}: {e}"))?;
            event = event.with_duration(seconds);
        }
        events.push(event);
        Ok(())
    })?;
    Ok(events)
}
