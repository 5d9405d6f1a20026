//! GEXF 1.3 export with the ties' life over time, for Gephi's timeline.

use std::fmt::Write as _;
use std::io::Write;

use chrono::{DateTime, Datelike, Months, TimeZone, Utc};
use rayon::prelude::*;

use super::export::{CHUNK, ExportOptions, Out, Sampling, TieRow, escape, xsd_time};
use crate::error::{Error, Result};
use crate::graph::{RelationshipGraph, TieId, secs};
use crate::model::{Person, PersonId};
use crate::score::GraphView;

/// At most this many samples of the dynamic strength per tie.
const MAX_SAMPLES: usize = 100_000;

/// What one edge carries over time: the strength samples as
/// (value, start, end) intervals, and the spells it was active.
struct Life {
    strength: Vec<(f64, i64, i64)>,
    spells: Vec<(i64, i64)>,
}

impl<'g> GraphView<'g> {
    /// Writes the graph as of a date as dynamic GEXF 1.3, for Gephi's
    /// timeline: the nodes and edges of
    /// [`write_graphml`](Self::write_graphml) (ties with strength > 0, or
    /// all of them with [`ExportOptions::all_ties`]), each edge with the
    /// periods it was active and its strength sampled over time.
    ///
    /// # What is written
    ///
    /// `<graph mode="dynamic" defaultedgetype="undirected"
    /// timeformat="dateTime" timerepresentation="interval">`, with `start`
    /// the first sample and `end` the date asked. Times are xsd:dateTime in
    /// UTC (`2026-03-01T00:00:00Z`); GEXF 1.3 intervals include both ends.
    ///
    /// | element | attribute (id = title) | type | value |
    /// |---|---|---|---|
    /// | `<node id label>` | | | the person's key; the display name, else the key |
    /// | node, static | `name`, `organisation`, `role` | string | the person's details (left out when unknown) |
    /// | node, static | `tags` | string | tags joined with `;` (left out when there are none) |
    /// | `<edge id source target weight>` | | | ids `0`, `1`, ... in the order written; the two keys as in GraphML; `weight` = strength at the date |
    /// | edge, static | `recency`, `intensity`, `duration`, `regularity`, `reciprocity`, `multiplexity`, `connection` (and `structural` when the model has S on) | double | the components at the date |
    /// | edge, static | `state` | string | [`State::name`](crate::State::name) at the date |
    /// | edge, static | `online_only`, `capped` | boolean | as in [`Strength`](crate::Strength) |
    /// | edge, static | `interactions` | long | interactions the view keeps at or before the date |
    /// | edge, static | `first_contact`, `last_contact` | string | the first and last of them (left out without any) |
    /// | edge, **dynamic** | `strength` | double | the strength sampled over time (below) |
    /// | edge `<spells>` | `<spell start end>` | | the periods the tie was active (below) |
    ///
    /// **Samples.** The grid starts at [`ExportOptions::start`] (by
    /// default the first day of the month, or for [`Sampling::Every`] the
    /// day, 00:00 UTC, of the earliest interaction the view keeps at or
    /// before the date on the ties in scope) and steps by
    /// [`ExportOptions::sampling`] while before the date; the date itself is
    /// the last point. Each edge gets, from the grid point at or before its
    /// first interaction on, the strength at each point *p* (the model as of
    /// *p*, like [`timeline`](Self::timeline)) as an `<attvalue for="strength">`
    /// over [*p*, next point − 1 s], the last one over [date, date].
    /// Consecutive equal values are written as one interval.
    ///
    /// **Spells.** Each meaningful interaction the view keeps at or before
    /// the date makes the tie active from its time to its time +
    /// [`ExportOptions::active_days`] (at most to the date); overlapping or
    /// touching periods are merged. A tie without a meaningful interaction
    /// (a bare connection, or likes only with `all_ties`) has no
    /// `<spells>`, so Gephi shows it throughout. Nodes have no spells.
    ///
    /// Text is escaped as in [`write_graphml`](Self::write_graphml).
    ///
    /// Errors: an unknown [`ExportOptions::person`]; `active_days` not
    /// finite and > 0; a sampling step of zero; a `start` after the date;
    /// more than 100,000 samples per tie.
    ///
    /// Gephi reads it as is. networkx 3.6 reads GEXF 1.3 but has no parser
    /// for `timeformat="dateTime"` (`read_gexf(path, version="1.3")` fails
    /// with `KeyError: 'dateTime'`); teaching its reader to keep such times
    /// as strings loads everything, dynamic strength and spells included:
    ///
    /// ```python
    /// from networkx.readwrite.gexf import GEXFReader
    /// reader = GEXFReader(version="1.3")
    /// reader.python_type["dateTime"] = str
    /// G = reader(open("ties.gexf", "rb"))
    /// ```
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{ExportOptions, Interaction, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", day(1, 5), "in_person"))?;
    /// g.add_interaction(Interaction::new("lee", "ana", day(6, 1), "email"))?;
    /// let mut out = Vec::new();
    /// g.write_gexf(&mut out, day(7, 1), &ExportOptions::default())?;
    /// let xml = String::from_utf8(out).unwrap();
    /// assert!(xml.contains(r#"start="2026-01-01T00:00:00Z" end="2026-07-01T10:00:00Z""#));
    /// // active 90 days after each meeting or email
    /// assert!(xml.contains(concat!(
    ///     r#"<spell start="2026-01-05T10:00:00Z" end="2026-04-05T10:00:00Z"/>"#,
    ///     r#"<spell start="2026-06-01T10:00:00Z" end="2026-07-01T10:00:00Z"/>"#,
    /// )));
    /// // the strength as of January 1 (0, before they met), then monthly
    /// assert!(xml.contains(r#"<attvalue for="strength" value="0" start="2026-01-01T00:00:00Z" end="2026-01-31T23:59:59Z"/>"#));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn write_gexf<W: Write>(
        &self,
        writer: W,
        as_of: DateTime<Utc>,
        options: &ExportOptions,
    ) -> Result<()> {
        options.validate()?;
        let t = secs(as_of);
        let person = options.person.as_deref();
        let scope = self.tie_scope(person)?;
        let grid = self.sample_grid(&scope, t, options)?;
        let keep = |s: &crate::Strength| options.all_ties || s.value > 0.0;
        let mut out = Out::new(writer);
        out.put(&self.gexf_head(&grid, t))?;

        let mut buf = String::new();
        let mut next_id = 0usize;
        match person {
            // one person's ties are few: score them first, to know the nodes
            Some(_) => {
                let rows = self.export_rows(&scope, t, false, keep);
                buf.push_str("    <nodes>\n");
                for p in self.export_people(person, &rows)? {
                    node(&mut buf, p)?;
                }
                buf.push_str("    </nodes>\n    <edges>\n");
                self.edges(&mut buf, &rows, &grid, t, options, &mut next_id)?;
                out.put(&buf)?;
            }
            None => {
                buf.push_str("    <nodes>\n");
                for p in self.graph().people() {
                    node(&mut buf, p)?;
                    if buf.len() > 1 << 16 {
                        out.put(&buf)?;
                        buf.clear();
                    }
                }
                buf.push_str("    </nodes>\n    <edges>\n");
                for chunk in scope.chunks(CHUNK) {
                    let rows = self.export_rows(chunk, t, false, keep);
                    self.edges(&mut buf, &rows, &grid, t, options, &mut next_id)?;
                    out.put(&buf)?;
                    buf.clear();
                }
                out.put(&buf)?;
            }
        }
        out.put("    </edges>\n  </graph>\n</gexf>\n")?;
        out.finish()
    }

    fn gexf_head(&self, grid: &[i64], t: i64) -> String {
        let mut head = String::from(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<gexf xmlns=\"http://gexf.net/1.3\"",
            " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            " xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
            "  <meta>\n    <creator>tiegraph</creator>\n",
        ));
        let _ = write!(
            head,
            "    <description>tie strengths as of {}</description>\n  </meta>\n",
            xsd_time(t)
        );
        let _ = writeln!(
            head,
            "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"dateTime\" \
             timerepresentation=\"interval\" start=\"{}\" end=\"{}\">",
            xsd_time(grid[0]),
            xsd_time(t)
        );
        let mut attributes = |class: &str, mode: &str, list: &[(&str, &str)]| {
            let _ = writeln!(head, "    <attributes class=\"{class}\" mode=\"{mode}\">");
            for (id, ty) in list {
                let _ = writeln!(
                    head,
                    "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
                );
            }
            head.push_str("    </attributes>\n");
        };
        attributes(
            "node",
            "static",
            &[
                ("name", "string"),
                ("organisation", "string"),
                ("role", "string"),
                ("tags", "string"),
            ],
        );
        let mut edge_static: Vec<(&str, &str)> = self
            .component_names()
            .into_iter()
            .map(|c| (c, "double"))
            .collect();
        edge_static.extend([
            ("state", "string"),
            ("online_only", "boolean"),
            ("capped", "boolean"),
            ("interactions", "long"),
            ("first_contact", "string"),
            ("last_contact", "string"),
        ]);
        attributes("edge", "static", &edge_static);
        attributes("edge", "dynamic", &[("strength", "double")]);
        head
    }

    /// The sample points: from the start, by the sampling step, while
    /// before `t`; then `t`.
    fn sample_grid(&self, scope: &[(TieId, PersonId)], t: i64, options: &ExportOptions) -> Result<Vec<i64>> {
        let start = match options.start {
            Some(s) => secs(s),
            None => {
                let g = self.graph();
                let earliest = scope
                    .par_iter()
                    .filter_map(|&(id, _)| {
                        let recs = self.ctx.slice(&g.tie_data(id).log, t);
                        recs.iter()
                            .find(|r| self.ctx.keeps(r.ch() as usize))
                            .map(|r| r.t())
                    })
                    .min()
                    .unwrap_or(t);
                let day = crate::graph::time(earliest).date_naive();
                let first = match options.sampling {
                    Sampling::Months(_) => day.with_day(1).unwrap_or(day),
                    Sampling::Every(_) => day,
                };
                Utc.from_utc_datetime(&first.and_time(chrono::NaiveTime::MIN))
                    .timestamp()
            }
        };
        if start > t {
            return Err(Error::InvalidArgument {
                argument: "start".into(),
                reason: format!("{} is after the date asked, {}", xsd_time(start), xsd_time(t)),
            });
        }
        let too_many = || Error::InvalidArgument {
            argument: "sampling".into(),
            reason: format!(
                "more than {MAX_SAMPLES} samples from {} to {}; use a larger step or a later start",
                xsd_time(start),
                xsd_time(t)
            ),
        };
        let mut grid = Vec::new();
        let mut k: i64 = 0;
        loop {
            let p = match options.sampling {
                Sampling::Months(n) => u32::try_from(k * i64::from(n))
                    .ok()
                    .and_then(|m| crate::graph::time(start).checked_add_months(Months::new(m)))
                    .map_or(i64::MAX, |d| d.timestamp()),
                Sampling::Every(step) => start.saturating_add(k.saturating_mul(step.num_seconds())),
            };
            if p >= t {
                break;
            }
            if grid.len() == MAX_SAMPLES {
                return Err(too_many());
            }
            grid.push(p);
            k += 1;
        }
        grid.push(t);
        Ok(grid)
    }

    /// What one tie carries over time (see [`write_gexf`](Self::write_gexf)).
    fn life(&self, row: &TieRow<'_>, grid: &[i64], t: i64, active: i64) -> Life {
        let from = row
            .first
            .map_or(0, |f| grid.partition_point(|&p| p <= f).saturating_sub(1));
        let mut strength: Vec<(f64, i64, i64)> = Vec::new();
        for (i, &p) in grid.iter().enumerate().skip(from) {
            let v = if p == t {
                row.strength.value
            } else {
                self.value_at(row.id, p)
            };
            let end = grid.get(i + 1).map_or(t, |next| next - 1);
            match strength.last_mut() {
                Some(last) if last.0 == v => last.2 = end,
                _ => strength.push((v, p, end)),
            }
        }
        let mut spells: Vec<(i64, i64)> = Vec::new();
        let recs = self.ctx.slice(&self.graph().tie_data(row.id).log, t);
        for r in recs {
            if !self.ctx.counts_meaningful(r) {
                continue;
            }
            let end = r.t().saturating_add(active).min(t);
            match spells.last_mut() {
                Some(last) if r.t() <= last.1 => last.1 = last.1.max(end),
                _ => spells.push((r.t(), end)),
            }
        }
        Life { strength, spells }
    }

    fn edges(
        &self,
        buf: &mut String,
        rows: &[TieRow<'_>],
        grid: &[i64],
        t: i64,
        options: &ExportOptions,
        next_id: &mut usize,
    ) -> Result<()> {
        let active = (options.active_days * 86_400.0).round() as i64;
        let lives: Vec<Life> = rows.par_iter().map(|r| self.life(r, grid, t, active)).collect();
        for (r, life) in rows.iter().zip(lives) {
            let s = &r.strength;
            let _ = writeln!(
                buf,
                "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\">\n        <attvalues>",
                next_id,
                escape("key", &r.a.key)?,
                escape("key", &r.b.key)?,
                s.value
            );
            *next_id += 1;
            let mut value = |id: &str, v: &dyn std::fmt::Display| {
                let _ = writeln!(buf, "          <attvalue for=\"{id}\" value=\"{v}\"/>");
            };
            for (name, v) in r.attributes() {
                value(name, &v);
            }
            for (v, start, end) in &life.strength {
                let _ = writeln!(
                    buf,
                    "          <attvalue for=\"strength\" value=\"{v}\" start=\"{}\" end=\"{}\"/>",
                    xsd_time(*start),
                    xsd_time(*end)
                );
            }
            buf.push_str("        </attvalues>\n");
            if !life.spells.is_empty() {
                buf.push_str("        <spells>");
                for (start, end) in &life.spells {
                    let _ = write!(
                        buf,
                        "<spell start=\"{}\" end=\"{}\"/>",
                        xsd_time(*start),
                        xsd_time(*end)
                    );
                }
                buf.push_str("</spells>\n");
            }
            buf.push_str("      </edge>\n");
        }
        Ok(())
    }
}

fn node(buf: &mut String, p: &Person) -> Result<()> {
    let label = p.name.as_deref().unwrap_or(&p.key);
    let _ = write!(
        buf,
        "      <node id=\"{}\" label=\"{}\"",
        escape("key", &p.key)?,
        escape("name", label)?
    );
    let mut values = String::new();
    let details = [
        ("name", p.name.as_deref()),
        ("organisation", p.organisation.as_deref()),
        ("role", p.role.as_deref()),
    ];
    for (key, value) in details {
        if let Some(v) = value {
            let _ = writeln!(
                values,
                "          <attvalue for=\"{key}\" value=\"{}\"/>",
                escape(key, v)?
            );
        }
    }
    if !p.tags.is_empty() {
        let _ = writeln!(
            values,
            "          <attvalue for=\"tags\" value=\"{}\"/>",
            escape("tags", &p.tags.join(";"))?
        );
    }
    if values.is_empty() {
        buf.push_str("/>\n");
    } else {
        let _ = write!(
            buf,
            ">\n        <attvalues>\n{values}        </attvalues>\n      </node>\n"
        );
    }
    Ok(())
}

impl RelationshipGraph {
    /// [`GraphView::write_gexf`] on every interaction: the graph as dynamic
    /// GEXF 1.3, scored as of a date with the graph's model.
    pub fn write_gexf<W: Write>(
        &self,
        writer: W,
        as_of: DateTime<Utc>,
        options: &ExportOptions,
    ) -> Result<()> {
        self.full_view().write_gexf(writer, as_of, options)
    }
}
