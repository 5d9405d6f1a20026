//! Interactions and connections: adding and removing them, one or in bulk.

use super::store::pair_key;
use super::{
    ConnRecord, Fields, LoadReport, OnError, RelationshipGraph, Row, SkippedRow, Staging, secs,
    validate_connection,
};
use crate::error::{Error, Result};
use crate::model::{Connection, ConnectionKind, Interaction};

impl RelationshipGraph {
    /// Adds one interaction; people it names are created if new.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", at, "in_person").with_duration(5400.0))?;
    /// let err = g.add_interaction(Interaction::new("ana", "lee", at, "fax")).unwrap_err();
    /// assert!(err.to_string().starts_with(r#"unknown channel "fax"; known channels: in_person, event"#));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_interaction(&mut self, interaction: Interaction) -> Result<()> {
        let row = Row::from_interaction(&interaction);
        let (src, dst, rec) = row.validate(self, &Fields::default())?;
        let (x, y) = (self.intern(src), self.intern(dst));
        let (a, b, side) = self.orient(x, y);
        self.tie_mut_or_new(a, b).insert(rec.with_side(side));
        self.interaction_count += 1;
        Ok(())
    }

    /// Adds many interactions at once: all of them, or none and the error of
    /// the first bad row. Each touched tie is sorted once.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Error, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let rows = vec![
    ///     Interaction::new("ana", "lee", at, "email"),
    ///     Interaction::new("lee", "lee", at, "email"),
    /// ];
    /// let err = g.add_interactions(rows).unwrap_err();
    /// assert_eq!(err.to_string(), r#"row 1: self-interaction: "lee" cannot interact with themself"#);
    /// assert_eq!(g.interaction_count(), 0); // nothing was added
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_interactions<I>(&mut self, rows: I) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Interaction>,
    {
        self.add_interactions_with(rows, OnError::Raise)
    }

    /// Like [`add_interactions`](Self::add_interactions), choosing what a bad row does:
    /// with [`OnError::Skip`] the good rows are added and every bad one is
    /// reported with its error.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, OnError, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let rows = vec![
    ///     Interaction::new("ana", "lee", at, "email"),
    ///     Interaction::new("ana", "lee", at, "email").with_weight(-1.0),
    /// ];
    /// let report = g.add_interactions_with(rows, OnError::Skip)?;
    /// assert_eq!((report.added, report.skipped.len()), (1, 1));
    /// assert_eq!(report.skipped[0].row, 1);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_interactions_with<I>(&mut self, rows: I, on_error: OnError) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Interaction>,
    {
        let fields = Fields::default();
        let mut staging = Staging::new(self, on_error);
        for (i, it) in rows.into_iter().enumerate() {
            staging.push(self, &fields, i as u64, None, Ok(Row::from_interaction(&it)))?;
        }
        Ok(staging.commit(self))
    }

    pub(crate) fn add_committed(&mut self, n: usize) {
        self.interaction_count += n;
    }

    /// Removes one stored interaction equal to this one (same people, time
    /// to the second, channel, duration and weight). A tie left with nothing
    /// is removed too; the people stay.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
    /// let email = Interaction::new("ana", "lee", at, "email");
    /// g.add_interaction(email.clone())?;
    /// g.remove_interaction(&email)?;
    /// assert_eq!(g.tie_count(), 0);
    /// assert!(g.remove_interaction(&email).is_err());
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn remove_interaction(&mut self, interaction: &Interaction) -> Result<()> {
        let row = Row::from_interaction(interaction);
        let (src, dst, rec) = row.validate(self, &Fields::default())?;
        let not_found = || Error::InteractionNotFound {
            src: interaction.src.clone(),
            dst: interaction.dst.clone(),
            channel: interaction.channel.clone(),
            at: interaction.at.to_rfc3339(),
        };
        let (x, y) = match (self.index.get(src), self.index.get(dst)) {
            (Some(x), Some(y)) => (x, y),
            _ => return Err(not_found()),
        };
        let (a, b, side) = self.orient(x, y);
        let Some(id) = self.pairs.get(pair_key(a, b)) else {
            return Err(not_found());
        };
        let tie = self.ties[id.0 as usize].as_mut().expect("live tie");
        if !tie.remove(&rec.with_side(side)) {
            return Err(not_found());
        }
        self.interaction_count -= 1;
        if tie.is_empty() {
            self.drop_tie(id);
        }
        Ok(())
    }

    /// Adds a declared connection; adding the same one twice keeps one.
    ///
    /// ```
    /// use tiegraph::{Connection, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// g.add_connection(Connection::mutual("ana", "lee", "linkedin"))?;
    /// g.add_connection(Connection::mutual("lee", "ana", "linkedin"))?;
    /// assert_eq!(g.tie("ana", "lee")?.connections().count(), 1);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_connection(&mut self, connection: Connection) -> Result<()> {
        let c = connection;
        validate_connection(&c, ["a", "b", "platform"])?;
        self.insert_connection(&c.a, &c.b, &c.platform, c.kind, c.since.map(secs));
        Ok(())
    }

    /// Adds many connections: all of them, or none and the first bad row's error.
    pub fn add_connections<I>(&mut self, connections: I) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Connection>,
    {
        self.add_connections_with(connections, OnError::Raise)
    }

    /// Like [`add_connections`](Self::add_connections), choosing what a bad row does.
    pub fn add_connections_with<I>(&mut self, connections: I, on_error: OnError) -> Result<LoadReport>
    where
        I: IntoIterator<Item = Connection>,
    {
        let mut report = LoadReport::default();
        let mut good = Vec::new();
        for (i, c) in connections.into_iter().enumerate() {
            report.rows += 1;
            match validate_connection(&c, ["a", "b", "platform"]) {
                Ok(()) => good.push(c),
                Err(e) => match on_error {
                    OnError::Raise => return Err(e.at_row(i as u64, None)),
                    OnError::Skip => report.skipped.push(SkippedRow {
                        row: i as u64,
                        line: None,
                        error: e,
                    }),
                },
            }
        }
        let before = self.person_count();
        let mut touched = rustc_hash::FxHashSet::default();
        for c in good {
            touched.insert(self.insert_connection(&c.a, &c.b, &c.platform, c.kind, c.since.map(secs)));
            report.added += 1;
        }
        report.new_people = (self.person_count() - before) as u64;
        report.ties_touched = touched.len() as u64;
        Ok(report)
    }

    pub(crate) fn insert_connection(
        &mut self,
        a: &str,
        b: &str,
        platform: &str,
        kind: ConnectionKind,
        since: Option<i64>,
    ) -> u64 {
        let (x, y) = (self.intern(a), self.intern(b));
        let (a, b, side) = self.orient(x, y);
        let side = if kind == ConnectionKind::Mutual { 0 } else { side };
        self.tie_mut_or_new(a, b).add_conn(ConnRecord {
            platform: platform.to_string(),
            kind,
            side,
            since,
        });
        pair_key(a, b)
    }
}
