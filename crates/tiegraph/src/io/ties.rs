//! CSV export of the tie table: every tie's strength and components at a date.

use std::io::Write;

use chrono::{DateTime, Utc};

use super::export::{CHUNK, write_error};
use crate::error::{Error, Result};
use crate::graph::{RelationshipGraph, secs};
use crate::score::{GraphView, TieFilter};

impl GraphView<'_> {
    /// Writes the ties [`ties_with`](Self::ties_with) returns as CSV: one
    /// row per tie, scored as of a date with this view's interactions and
    /// model, in the same order (by the keys of the two people, or with
    /// [`TieFilter::person`] that person first and the others by key).
    ///
    /// Columns, in this order:
    ///
    /// | column | value |
    /// |---|---|
    /// | `a`, `b` | the two keys: the smaller first, or the person filtered on |
    /// | `strength` | in [0, 1] |
    /// | `recency`, `intensity`, `duration`, `regularity`, `reciprocity`, `multiplexity`, `connection` | the seven [`Components`](crate::Components), each in [0, 1] |
    /// | `structural` | only when the model has S on |
    /// | `state` | [`State::name`](crate::State::name): `active`, `cooling`, `dormant`, `one_sided`, `passive`, `connected`, `none` |
    /// | `online_only` | `true` or `false`: two-way but never met or called |
    /// | `capped` | `true` or `false`: the online-only cap lowered the strength |
    /// | `peak` | only with [`TieFilter::with_peak`]: the highest strength so far |
    ///
    /// Rows are those with strength ≥ [`TieFilter::min_strength`] (so, by
    /// default, every tie, strength 0 included). Numbers are written in
    /// Rust's shortest form that reads back to the same `f64`; keys are
    /// quoted when they need it.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Connection, Interaction, RelationshipGraph, TieFilter};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_connection(Connection::mutual("ana", "lee", "linkedin"))?;
    /// g.add_interaction(Interaction::new("lee", "bo", day(2), "email"))?; // never answered
    /// let mut out = Vec::new();
    /// g.write_ties_csv(&mut out, day(10), &TieFilter::default())?;
    /// assert_eq!(
    ///     String::from_utf8(out).unwrap(),
    ///     "a,b,strength,recency,intensity,duration,regularity,reciprocity,multiplexity,connection,state,online_only,capped\n\
    ///      ana,lee,0.05,0,0,0,0,0.5,0,1,connected,false,false\n\
    ///      bo,lee,0,0,0,0,0,0.4347826086956522,0.25,0,one_sided,false,false\n"
    /// );
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn write_ties_csv<W: Write>(
        &self,
        writer: W,
        as_of: DateTime<Utc>,
        filter: &TieFilter,
    ) -> Result<()> {
        let t = secs(as_of);
        let scope = self.tie_scope(filter.person.as_deref())?;
        let mut w = ::csv::Writer::from_writer(writer);
        let csv_error = |e: ::csv::Error| match e.into_kind() {
            ::csv::ErrorKind::Io(source) => write_error(source),
            other => write_error(std::io::Error::other(format!("{other:?}"))),
        };
        let mut header: Vec<&str> = vec!["a", "b", "strength"];
        header.extend(self.component_names());
        header.extend(["state", "online_only", "capped"]);
        if filter.with_peak {
            header.push("peak");
        }
        w.write_record(&header).map_err(csv_error)?;
        let mut record: Vec<String> = Vec::with_capacity(header.len());
        for chunk in scope.chunks(CHUNK) {
            let rows = self.export_rows(chunk, t, filter.with_peak, |s| s.value >= filter.min_strength);
            for r in rows {
                let s = &r.strength;
                record.clear();
                record.push(r.a.key.clone());
                record.push(r.b.key.clone());
                record.push(s.value.to_string());
                record.extend(s.components.named().into_iter().map(|(_, v)| v.to_string()));
                record.push(s.state.name().to_string());
                record.push(s.online_only.to_string());
                record.push(s.capped.to_string());
                if filter.with_peak {
                    record.push(s.peak.unwrap_or(s.value).to_string());
                }
                w.write_record(&record).map_err(csv_error)?;
            }
        }
        w.flush().map_err(|source| Error::Io {
            path: "<writer>".into(),
            source,
        })
    }
}

impl RelationshipGraph {
    /// [`GraphView::write_ties_csv`] on every interaction: the tie table as
    /// CSV, scored as of a date with the graph's model.
    pub fn write_ties_csv<W: Write>(
        &self,
        writer: W,
        as_of: DateTime<Utc>,
        filter: &TieFilter,
    ) -> Result<()> {
        self.full_view().write_ties_csv(writer, as_of, filter)
    }
}
