//! GraphML export: people and their scored ties, for networkx, igraph,
//! Gephi, yEd and Cytoscape.

use std::fmt::Write as _;
use std::io::Write;

use chrono::{DateTime, Utc};

use super::export::{CHUNK, ExportOptions, Out, TieRow, escape, xsd_time};
use crate::error::Result;
use crate::graph::{RelationshipGraph, secs};
use crate::model::Person;
use crate::score::GraphView;

impl<'g> GraphView<'g> {
    /// Writes the graph as of a date as GraphML: one node per person, one
    /// undirected edge per tie with strength > 0 (every tie with
    /// [`ExportOptions::all_ties`]), scored with this view's interactions
    /// and model. Loads as is in `networkx.read_graphml`, igraph, Gephi,
    /// yEd and Cytoscape.
    ///
    /// # What is written
    ///
    /// Every `<key>` below is declared with its `attr.type`; a value that
    /// is unknown (a person without a name, a tie without interactions) is
    /// left out rather than written empty.
    ///
    /// | for | id (= `attr.name`) | `attr.type` | value |
    /// |---|---|---|---|
    /// | graph | `as_of` | string | the date asked, `2026-11-20T00:00:00Z` |
    /// | node | (the node's `id`) | | the person's key |
    /// | node | `name` | string | display name |
    /// | node | `organisation` | string | organisation or outlet |
    /// | node | `role` | string | role |
    /// | node | `tags` | string | tags joined with `;` (left out when there are none) |
    /// | edge | (`source`, `target`) | | the two keys, the smaller first (the person asked for first with [`ExportOptions::person`]) |
    /// | edge | `strength` | double | strength in [0, 1] at the date |
    /// | edge | `recency`, `intensity`, `duration`, `regularity`, `reciprocity`, `multiplexity`, `connection` | double | the seven [`Components`](crate::Components), each in [0, 1] |
    /// | edge | `structural` | double | only when the model has S on |
    /// | edge | `state` | string | [`State::name`](crate::State::name): `active`, `cooling`, `dormant`, `one_sided`, `passive`, `connected`, `none` |
    /// | edge | `online_only` | boolean | two-way but never met or called |
    /// | edge | `capped` | boolean | the online-only cap lowered the strength |
    /// | edge | `interactions` | long | interactions the view keeps at or before the date, meaningful or not |
    /// | edge | `first_contact`, `last_contact` | string | the first and last of them (xsd:dateTime, UTC) |
    ///
    /// Nodes come in key order (everyone, or with
    /// [`ExportOptions::person`] that person and the other ends of the ties
    /// written); edges in key order of their two people (or of the other
    /// person). Numbers are written in Rust's shortest form that reads back
    /// to the same `f64`. Text is escaped (`& < > " '`, and tab, line feed
    /// and carriage return as character references); a key or detail holding
    /// a control character XML 1.0 cannot represent is an
    /// [`Error::InvalidValue`](crate::Error::InvalidValue). The GEXF options
    /// of [`ExportOptions`] are not used.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{ExportOptions, Interaction, Person, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 3, d, 10, 0, 0).unwrap();
    /// g.add_person(Person::new("lee").with_name("Lee <Park>"))?;
    /// g.add_interaction(Interaction::new("ana", "lee", day(2), "in_person"))?;
    /// g.add_interaction(Interaction::new("bo", "lee", day(3), "email"))?; // unanswered: left out
    /// let mut out = Vec::new();
    /// g.write_graphml(&mut out, day(10), &ExportOptions::default())?;
    /// let xml = String::from_utf8(out).unwrap();
    /// assert!(xml.contains(r#"<node id="lee"><data key="name">Lee &lt;Park&gt;</data></node>"#));
    /// assert!(xml.contains(r#"<edge source="ana" target="lee">"#));
    /// assert!(!xml.contains(r#"source="bo""#));
    /// assert!(xml.contains(r#"<data key="state">active</data>"#));
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn write_graphml<W: Write>(
        &self,
        writer: W,
        as_of: DateTime<Utc>,
        options: &ExportOptions,
    ) -> Result<()> {
        let t = secs(as_of);
        let person = options.person.as_deref();
        let scope = self.tie_scope(person)?;
        let keep = |s: &crate::Strength| options.all_ties || s.value > 0.0;
        let mut out = Out::new(writer);
        let names = self.component_names();

        let mut head = String::from(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
            " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
            " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
            " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        ));
        let mut key = |what: &str, id: &str, ty: &str| {
            let _ = writeln!(
                head,
                "  <key id=\"{id}\" for=\"{what}\" attr.name=\"{id}\" attr.type=\"{ty}\"/>"
            );
        };
        key("graph", "as_of", "string");
        for id in ["name", "organisation", "role", "tags"] {
            key("node", id, "string");
        }
        key("edge", "strength", "double");
        for id in &names {
            key("edge", id, "double");
        }
        key("edge", "state", "string");
        key("edge", "online_only", "boolean");
        key("edge", "capped", "boolean");
        key("edge", "interactions", "long");
        key("edge", "first_contact", "string");
        key("edge", "last_contact", "string");
        let _ = write!(
            head,
            "  <graph id=\"tiegraph\" edgedefault=\"undirected\">\n    <data key=\"as_of\">{}</data>\n",
            xsd_time(t)
        );
        out.put(&head)?;

        let mut buf = String::new();
        match person {
            // one person's ties are few: score them first, to know the nodes
            Some(_) => {
                let rows = self.export_rows(&scope, t, false, keep);
                for p in self.export_people(person, &rows)? {
                    node(&mut buf, p)?;
                }
                for r in &rows {
                    edge(&mut buf, r)?;
                }
                out.put(&buf)?;
            }
            None => {
                for p in self.graph().people() {
                    node(&mut buf, p)?;
                    if buf.len() > 1 << 16 {
                        out.put(&buf)?;
                        buf.clear();
                    }
                }
                for chunk in scope.chunks(CHUNK) {
                    for r in &self.export_rows(chunk, t, false, keep) {
                        edge(&mut buf, r)?;
                    }
                    out.put(&buf)?;
                    buf.clear();
                }
                out.put(&buf)?;
            }
        }
        out.put("  </graph>\n</graphml>\n")?;
        out.finish()
    }
}

fn node(buf: &mut String, p: &Person) -> Result<()> {
    let _ = write!(buf, "    <node id=\"{}\"", escape("key", &p.key)?);
    let mut data = String::new();
    let details = [
        ("name", p.name.as_deref()),
        ("organisation", p.organisation.as_deref()),
        ("role", p.role.as_deref()),
    ];
    for (key, value) in details {
        if let Some(v) = value {
            let _ = write!(data, "<data key=\"{key}\">{}</data>", escape(key, v)?);
        }
    }
    if !p.tags.is_empty() {
        let _ = write!(
            data,
            "<data key=\"tags\">{}</data>",
            escape("tags", &p.tags.join(";"))?
        );
    }
    if data.is_empty() {
        buf.push_str("/>\n");
    } else {
        let _ = writeln!(buf, ">{data}</node>");
    }
    Ok(())
}

fn edge(buf: &mut String, r: &TieRow<'_>) -> Result<()> {
    let s = &r.strength;
    let _ = writeln!(
        buf,
        "    <edge source=\"{}\" target=\"{}\">",
        escape("key", &r.a.key)?,
        escape("key", &r.b.key)?
    );
    let mut data = |key: &str, value: &dyn std::fmt::Display| {
        let _ = writeln!(buf, "      <data key=\"{key}\">{value}</data>");
    };
    data("strength", &s.value);
    for (name, v) in r.attributes() {
        data(name, &v);
    }
    buf.push_str("    </edge>\n");
    Ok(())
}

impl RelationshipGraph {
    /// [`GraphView::write_graphml`] on every interaction: the graph as
    /// GraphML, scored as of a date with the graph's model.
    pub fn write_graphml<W: Write>(
        &self,
        writer: W,
        as_of: DateTime<Utc>,
        options: &ExportOptions,
    ) -> Result<()> {
        self.full_view().write_graphml(writer, as_of, options)
    }
}
