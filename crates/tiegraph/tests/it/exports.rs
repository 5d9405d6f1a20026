//! The scored exports: GraphML, dynamic GEXF and the tie table (CSV).
//!
//! Golden outputs of a tiny graph pin the formats byte for byte; a small
//! strict XML reader below parses what is written back, to check escaping
//! and that every value is the one the scoring API gives.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tiegraph::{
    Connection, Error, ExportOptions, GroupEvent, Interaction, Person, RelationshipGraph, Sampling,
    ScoringModel, TieFilter, View,
};

use crate::common::{TestResult, err};

fn at(m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0)
        .single()
        .expect("a valid test time")
}

/// A PR person who met a reporter and got an email back, a bare LinkedIn
/// connection, and an unanswered pitch.
fn tiny() -> tiegraph::Result<RelationshipGraph> {
    let mut g = RelationshipGraph::new();
    g.add_person(
        Person::new("lee@daily.example")
            .with_name("Lee Park")
            .with_organisation("The Daily")
            .with_role("reporter")
            .with_tags(["press", "ai"]),
    )?;
    g.add_interaction(
        Interaction::new("ana@agency.example", "lee@daily.example", at(1, 5), "in_person")
            .with_duration(3600.0),
    )?;
    g.add_interaction(Interaction::new(
        "lee@daily.example",
        "ana@agency.example",
        at(2, 20),
        "email",
    ))?;
    g.add_connection(Connection::mutual(
        "ana@agency.example",
        "kim@wire.example",
        "linkedin",
    ))?;
    g.add_interaction(Interaction::new(
        "bo@agency.example",
        "lee@daily.example",
        at(2, 2),
        "email",
    ))?;
    Ok(g)
}

fn graphml(g: &RelationshipGraph, as_of: DateTime<Utc>, o: &ExportOptions) -> tiegraph::Result<String> {
    let mut out = Vec::new();
    g.write_graphml(&mut out, as_of, o)?;
    Ok(String::from_utf8(out).expect("UTF-8"))
}

fn gexf(g: &RelationshipGraph, as_of: DateTime<Utc>, o: &ExportOptions) -> tiegraph::Result<String> {
    let mut out = Vec::new();
    g.write_gexf(&mut out, as_of, o)?;
    Ok(String::from_utf8(out).expect("UTF-8"))
}

fn ties_csv(g: &RelationshipGraph, as_of: DateTime<Utc>, f: &TieFilter) -> tiegraph::Result<String> {
    let mut out = Vec::new();
    g.write_ties_csv(&mut out, as_of, f)?;
    Ok(String::from_utf8(out).expect("UTF-8"))
}

// ----- a small strict XML reader --------------------------------------

/// An element: its name, attributes in document order, children, text.
#[derive(Debug, Clone, PartialEq)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn get(&self, name: &str) -> &str {
        self.attr(name)
            .unwrap_or_else(|| panic!("<{}> has no attribute {name}", self.name))
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn one<'a>(&'a self, name: &'a str) -> &'a Element {
        let mut it = self.all(name);
        let first = it
            .next()
            .unwrap_or_else(|| panic!("<{}> has no <{name}>", self.name));
        assert!(it.next().is_none(), "<{}> has more than one <{name}>", self.name);
        first
    }
}

/// Decodes the five predefined entities and character references; a bare
/// `&` or `<`, or an unknown entity, is an error.
fn unescape(raw: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '<']) {
        out.push_str(&rest[..i]);
        if rest[i..].starts_with('<') {
            return Err(format!("raw '<' in {raw:?}"));
        }
        let end = rest[i..]
            .find(';')
            .ok_or(format!("unterminated entity in {raw:?}"))?
            + i;
        let name = &rest[i + 1..end];
        let c = match name {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ if name.starts_with("#x") => u32::from_str_radix(&name[2..], 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or(format!("bad reference &{name};"))?,
            _ if name.starts_with('#') => name[1..]
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .ok_or(format!("bad reference &{name};"))?,
            _ => return Err(format!("unknown entity &{name};")),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Parses a document made of an XML declaration and one element tree
/// (no comments, CDATA or doctypes: the exports write none). Checks that
/// tags nest, attributes are quoted and unique, and text is escaped;
/// attribute values are normalised as XML requires (raw tab, CR and LF
/// become spaces), so that only character references keep them.
fn parse(doc: &str) -> Result<Element, String> {
    let body = doc
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .ok_or("no XML declaration")?;
    let mut stack: Vec<Element> = vec![Element {
        name: String::new(),
        attrs: vec![],
        children: vec![],
        text: String::new(),
    }];
    let mut rest = body;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = unescape(&rest[..lt])?;
        stack.last_mut().expect("a parent").text.push_str(&text);
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').ok_or("unterminated tag")?;
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let done = stack.pop().ok_or("stray end tag")?;
            if done.name != name {
                return Err(format!("</{name}> closes <{}>", done.name));
            }
            stack.last_mut().ok_or("stray end tag")?.children.push(done);
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || ":_.-".contains(c)) {
            return Err(format!("bad element name {name:?}"));
        }
        let mut attrs: Vec<(String, String)> = Vec::new();
        let mut a = tag[name_end..].trim_start();
        while !a.is_empty() {
            let eq = a
                .find('=')
                .ok_or(format!("attribute without value in <{name}>"))?;
            let key = a[..eq].trim();
            let quoted = &a[eq + 1..];
            let q = quoted.chars().next().ok_or("no value")?;
            if q != '"' && q != '\'' {
                return Err(format!("unquoted attribute {key} in <{name}>"));
            }
            let close = quoted[1..].find(q).ok_or("unterminated attribute")? + 1;
            let raw = quoted[1..close].replace(['\t', '\n', '\r'], " ");
            if attrs.iter().any(|(k, _)| k == key) {
                return Err(format!("attribute {key} twice in <{name}>"));
            }
            attrs.push((key.to_string(), unescape(&raw)?));
            a = quoted[close + 1..].trim_start();
        }
        let el = Element {
            name: name.to_string(),
            attrs,
            children: vec![],
            text: String::new(),
        };
        if empty {
            stack.last_mut().expect("a parent").children.push(el);
        } else {
            stack.push(el);
        }
    }
    let mut root = stack.pop().ok_or("no document")?;
    if !stack.is_empty() {
        return Err(format!("<{}> is not closed", root.name));
    }
    if root.children.len() != 1 || !root.text.trim().is_empty() {
        return Err("not exactly one root element".into());
    }
    Ok(root.children.remove(0))
}

#[test]
fn the_reader_rejects_malformed_xml() {
    let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    for bad in [
        "<a><b></a></b>",
        "<a x=1/>",
        "<a x=\"1\" x=\"2\"/>",
        "<a>1 < 2</a>",
        "<a>R&D</a>",
        "<a>&nbsp;</a>",
        "<a>",
        "<a/><b/>",
    ] {
        assert!(parse(&format!("{decl}{bad}")).is_err(), "accepted {bad}");
    }
    let ok = parse(&format!("{decl}<a x=\"&lt;&#9;\t&#x41;\">R&amp;D<b/></a>")).expect("well-formed");
    assert_eq!(
        (ok.get("x"), ok.text.as_str(), ok.children.len()),
        ("<\t A", "R&D", 1)
    );
}

// ----- GraphML ----------------------------------------------------------

const GRAPHML_KEYS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="as_of" for="graph" attr.name="as_of" attr.type="string"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="organisation" for="node" attr.name="organisation" attr.type="string"/>
  <key id="role" for="node" attr.name="role" attr.type="string"/>
  <key id="tags" for="node" attr.name="tags" attr.type="string"/>
  <key id="strength" for="edge" attr.name="strength" attr.type="double"/>
  <key id="recency" for="edge" attr.name="recency" attr.type="double"/>
  <key id="intensity" for="edge" attr.name="intensity" attr.type="double"/>
  <key id="duration" for="edge" attr.name="duration" attr.type="double"/>
  <key id="regularity" for="edge" attr.name="regularity" attr.type="double"/>
  <key id="reciprocity" for="edge" attr.name="reciprocity" attr.type="double"/>
  <key id="multiplexity" for="edge" attr.name="multiplexity" attr.type="double"/>
  <key id="connection" for="edge" attr.name="connection" attr.type="double"/>
  <key id="state" for="edge" attr.name="state" attr.type="string"/>
  <key id="online_only" for="edge" attr.name="online_only" attr.type="boolean"/>
  <key id="capped" for="edge" attr.name="capped" attr.type="boolean"/>
  <key id="interactions" for="edge" attr.name="interactions" attr.type="long"/>
  <key id="first_contact" for="edge" attr.name="first_contact" attr.type="string"/>
  <key id="last_contact" for="edge" attr.name="last_contact" attr.type="string"/>
"#;

#[test]
fn graphml_of_a_tiny_graph_is_exactly_this() -> TestResult {
    let g = tiny()?;
    let expected = GRAPHML_KEYS.to_string()
        + r#"  <graph id="tiegraph" edgedefault="undirected">
    <data key="as_of">2026-03-10T10:00:00Z</data>
    <node id="ana@agency.example"/>
    <node id="bo@agency.example"/>
    <node id="kim@wire.example"/>
    <node id="lee@daily.example"><data key="name">Lee Park</data><data key="organisation">The Daily</data><data key="role">reporter</data><data key="tags">press;ai</data></node>
    <edge source="ana@agency.example" target="kim@wire.example">
      <data key="strength">0.05</data>
      <data key="recency">0</data>
      <data key="intensity">0</data>
      <data key="duration">0</data>
      <data key="regularity">0</data>
      <data key="reciprocity">0.5</data>
      <data key="multiplexity">0</data>
      <data key="connection">1</data>
      <data key="state">connected</data>
      <data key="online_only">false</data>
      <data key="capped">false</data>
      <data key="interactions">0</data>
    </edge>
    <edge source="ana@agency.example" target="lee@daily.example">
      <data key="strength">0.37952578756869476</data>
      <data key="recency">0.6108495036238286</data>
      <data key="intensity">0.2618522580155328</data>
      <data key="duration">0.1608304152905653</data>
      <data key="regularity">0.1745834300480449</data>
      <data key="reciprocity">0.6976744186046512</data>
      <data key="multiplexity">0.5</data>
      <data key="connection">0</data>
      <data key="state">active</data>
      <data key="online_only">false</data>
      <data key="capped">false</data>
      <data key="interactions">2</data>
      <data key="first_contact">2026-01-05T10:00:00Z</data>
      <data key="last_contact">2026-02-20T10:00:00Z</data>
    </edge>
  </graph>
</graphml>
"#;
    assert_eq!(graphml(&g, at(3, 10), &ExportOptions::default())?, expected);
    // the numbers are the model's: recency 2^(-64/90), duration 1 - e^(-64/365)
    let s = g.strength("ana@agency.example", "lee@daily.example", at(3, 10))?;
    assert_eq!(s.value, 0.379_525_787_568_694_76);
    assert!((s.components.recency - (-64.0f64 / 90.0).exp2()).abs() < 1e-15);
    assert!((s.components.duration - (1.0 - (-64.0f64 / 365.0).exp())).abs() < 1e-15);
    Ok(())
}

#[test]
fn graphml_with_all_ties_adds_the_zero_ones() -> TestResult {
    let g = tiny()?;
    let all = parse(&graphml(
        &g,
        at(3, 10),
        &ExportOptions {
            all_ties: true,
            ..ExportOptions::default()
        },
    )?)?;
    let edges: Vec<(&str, &str)> = all
        .one("graph")
        .all("edge")
        .map(|e| (e.get("source"), e.get("target")))
        .collect();
    assert_eq!(
        edges,
        [
            ("ana@agency.example", "kim@wire.example"),
            ("ana@agency.example", "lee@daily.example"),
            ("bo@agency.example", "lee@daily.example"),
        ]
    );
    Ok(())
}

/// The `<data>` of an element, by key.
fn data(e: &Element) -> Vec<(&str, &str)> {
    e.all("data").map(|d| (d.get("key"), d.text.as_str())).collect()
}

#[test]
fn graphml_round_trips_every_value_of_the_scoring_api() -> TestResult {
    let mut g = RelationshipGraph::new();
    let day = |d: i64| at(1, 1) + TimeDelta::days(d);
    let keys = ["ana", "bo", "kim", "lee", "sam", "zoe"];
    for (i, a) in keys.iter().enumerate() {
        for (j, b) in keys.iter().enumerate().skip(i + 1) {
            for k in 0..(i + j) as i64 {
                let channel = [
                    "email",
                    "direct_message",
                    "public_reply",
                    "reaction",
                    "phone_call",
                ][(k as usize) % 5];
                let (src, dst) = if k % 3 == 0 { (b, a) } else { (a, b) };
                g.add_interaction(Interaction::new(*src, *dst, day(7 * k + i as i64), channel))?;
            }
        }
    }
    g.add_event(GroupEvent::new(["ana", "lee", "zoe"], day(40)))?;
    let as_of = day(120);
    let doc = parse(&graphml(&g, as_of, &ExportOptions::default())?)?;
    let graph = doc.one("graph");
    assert_eq!(data(graph), [("as_of", "2026-05-01T10:00:00Z")]);
    let nodes: Vec<&str> = graph.all("node").map(|n| n.get("id")).collect();
    assert_eq!(nodes, keys);
    let expected = g.ties(as_of)?;
    let expected: Vec<_> = expected.iter().filter(|t| t.strength.value > 0.0).collect();
    let edges: Vec<&Element> = graph.all("edge").collect();
    assert_eq!(edges.len(), expected.len());
    for (e, t) in edges.iter().zip(&expected) {
        assert_eq!(
            (e.get("source"), e.get("target")),
            (t.a.key.as_str(), t.b.key.as_str())
        );
        let d = data(e);
        let value = |k: &str| d.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
        let num = |k: &str| value(k).map(|v| v.parse::<f64>().expect("a number"));
        let s = &t.strength;
        assert_eq!(num("strength"), Some(s.value));
        for (name, v) in s.components.named() {
            assert_eq!(num(name), Some(v), "{name}");
        }
        assert_eq!(value("state"), Some(s.state.name()));
        assert_eq!(
            value("online_only"),
            Some(if s.online_only { "true" } else { "false" })
        );
        assert_eq!(value("capped"), Some(if s.capped { "true" } else { "false" }));
        let tie = g.tie(&t.a.key, &t.b.key)?;
        let upto: Vec<_> = tie.interactions().filter(|i| i.at <= as_of).collect();
        assert_eq!(value("interactions"), Some(upto.len().to_string().as_str()));
        let rfc = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        assert_eq!(value("first_contact"), upto.first().map(|i| rfc(i.at)).as_deref());
        assert_eq!(value("last_contact"), upto.last().map(|i| rfc(i.at)).as_deref());
    }
    Ok(())
}

#[test]
fn graphml_of_one_persons_ties_and_of_a_view() -> TestResult {
    let g = tiny()?;
    let lee = ExportOptions {
        person: Some("lee@daily.example".into()),
        all_ties: true,
        ..ExportOptions::default()
    };
    let doc = parse(&graphml(&g, at(3, 10), &lee)?)?;
    let graph = doc.one("graph");
    let nodes: Vec<&str> = graph.all("node").map(|n| n.get("id")).collect();
    assert_eq!(
        nodes,
        ["ana@agency.example", "bo@agency.example", "lee@daily.example"]
    );
    // the person asked for comes first, the others by key
    let edges: Vec<(&str, &str)> = graph
        .all("edge")
        .map(|e| (e.get("source"), e.get("target")))
        .collect();
    assert_eq!(
        edges,
        [
            ("lee@daily.example", "ana@agency.example"),
            ("lee@daily.example", "bo@agency.example")
        ]
    );
    // offline only: ana and lee met, so that tie stays, weaker
    let mut out = Vec::new();
    g.view(&View::offline())?
        .write_graphml(&mut out, at(3, 10), &ExportOptions::default())?;
    let doc = parse(&String::from_utf8(out)?)?;
    let offline = g.offline_strength("ana@agency.example", "lee@daily.example", at(3, 10))?;
    let e = doc.one("graph").all("edge").nth(1).expect("two edges");
    assert_eq!(e.get("target"), "lee@daily.example");
    assert_eq!(data(e)[0], ("strength", offline.value.to_string().as_str()));
    assert_eq!(data(e)[11], ("interactions", "1"));
    assert!(matches!(
        err(graphml(
            &g,
            at(3, 10),
            &ExportOptions {
                person: Some("nobody".into()),
                ..ExportOptions::default()
            }
        )),
        Error::PersonNotFound { .. }
    ));
    Ok(())
}

/// Keys and details with every character XML escapes.
fn awkward() -> tiegraph::Result<(RelationshipGraph, [&'static str; 2])> {
    let (a, b) = ("\"ana\" <&> co", "'lee'\t<b>\nR&D\r");
    let mut g = RelationshipGraph::new();
    g.add_person(
        Person::new(b)
            .with_name("Lee \"The <Pen>\" O'Park & co")
            .with_organisation("R&D <Lab>")
            .with_role("a\tb\nc")
            .with_tags(["x&y", "<z>"]),
    )?;
    g.add_interaction(Interaction::new(a, b, at(1, 5), "in_person"))?;
    Ok((g, [a, b]))
}

#[test]
fn graphml_escapes_keys_and_details_and_reads_back_the_same_text() -> TestResult {
    let (g, [a, b]) = awkward()?;
    let text = graphml(&g, at(2, 1), &ExportOptions::default())?;
    assert!(text.contains(r#"<node id="&quot;ana&quot; &lt;&amp;&gt; co"/>"#));
    assert!(text.contains(r#"<data key="name">Lee &quot;The &lt;Pen&gt;&quot; O&apos;Park &amp; co</data>"#));
    let doc = parse(&text)?;
    let graph = doc.one("graph");
    let nodes: Vec<&Element> = graph.all("node").collect();
    assert_eq!((nodes[0].get("id"), nodes[1].get("id")), (a, b));
    assert_eq!(
        data(nodes[1]),
        [
            ("name", "Lee \"The <Pen>\" O'Park & co"),
            ("organisation", "R&D <Lab>"),
            ("role", "a\tb\nc"),
            ("tags", "x&y;<z>"),
        ]
    );
    let e = graph.one("edge");
    assert_eq!((e.get("source"), e.get("target")), (a, b));
    Ok(())
}

#[test]
fn text_xml_cannot_hold_is_an_error_that_names_it() -> TestResult {
    let mut g = RelationshipGraph::new();
    g.add_person(Person::new("lee").with_name("bell\u{7}"))?;
    let e = err(graphml(&g, at(1, 1), &ExportOptions::default()));
    assert!(
        matches!(&e, Error::InvalidValue { field, value, .. } if field == "name" && value == "bell\u{7}"),
        "{e:?}"
    );
    let mut g = RelationshipGraph::new();
    g.add_interaction(Interaction::new("a\u{1}", "b", at(1, 5), "in_person"))?;
    assert!(matches!(
        err(gexf(&g, at(2, 1), &ExportOptions::default())),
        Error::InvalidValue { field, .. } if field == "key"
    ));
    Ok(())
}

// ----- GEXF -------------------------------------------------------------

#[test]
fn gexf_of_a_tiny_graph_is_exactly_this() -> TestResult {
    let g = tiny()?;
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta>
    <creator>tiegraph</creator>
    <description>tie strengths as of 2026-03-10T10:00:00Z</description>
  </meta>
  <graph mode="dynamic" defaultedgetype="undirected" timeformat="dateTime" timerepresentation="interval" start="2026-01-01T00:00:00Z" end="2026-03-10T10:00:00Z">
    <attributes class="node" mode="static">
      <attribute id="name" title="name" type="string"/>
      <attribute id="organisation" title="organisation" type="string"/>
      <attribute id="role" title="role" type="string"/>
      <attribute id="tags" title="tags" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="recency" title="recency" type="double"/>
      <attribute id="intensity" title="intensity" type="double"/>
      <attribute id="duration" title="duration" type="double"/>
      <attribute id="regularity" title="regularity" type="double"/>
      <attribute id="reciprocity" title="reciprocity" type="double"/>
      <attribute id="multiplexity" title="multiplexity" type="double"/>
      <attribute id="connection" title="connection" type="double"/>
      <attribute id="state" title="state" type="string"/>
      <attribute id="online_only" title="online_only" type="boolean"/>
      <attribute id="capped" title="capped" type="boolean"/>
      <attribute id="interactions" title="interactions" type="long"/>
      <attribute id="first_contact" title="first_contact" type="string"/>
      <attribute id="last_contact" title="last_contact" type="string"/>
    </attributes>
    <attributes class="edge" mode="dynamic">
      <attribute id="strength" title="strength" type="double"/>
    </attributes>
    <nodes>
      <node id="ana@agency.example" label="ana@agency.example"/>
      <node id="bo@agency.example" label="bo@agency.example"/>
      <node id="kim@wire.example" label="kim@wire.example"/>
      <node id="lee@daily.example" label="Lee Park">
        <attvalues>
          <attvalue for="name" value="Lee Park"/>
          <attvalue for="organisation" value="The Daily"/>
          <attvalue for="role" value="reporter"/>
          <attvalue for="tags" value="press;ai"/>
        </attvalues>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="ana@agency.example" target="kim@wire.example" weight="0.05">
        <attvalues>
          <attvalue for="recency" value="0"/>
          <attvalue for="intensity" value="0"/>
          <attvalue for="duration" value="0"/>
          <attvalue for="regularity" value="0"/>
          <attvalue for="reciprocity" value="0.5"/>
          <attvalue for="multiplexity" value="0"/>
          <attvalue for="connection" value="1"/>
          <attvalue for="state" value="connected"/>
          <attvalue for="online_only" value="false"/>
          <attvalue for="capped" value="false"/>
          <attvalue for="interactions" value="0"/>
          <attvalue for="strength" value="0.05" start="2026-01-01T00:00:00Z" end="2026-03-10T10:00:00Z"/>
        </attvalues>
      </edge>
      <edge id="1" source="ana@agency.example" target="lee@daily.example" weight="0.37952578756869476">
        <attvalues>
          <attvalue for="recency" value="0.6108495036238286"/>
          <attvalue for="intensity" value="0.2618522580155328"/>
          <attvalue for="duration" value="0.1608304152905653"/>
          <attvalue for="regularity" value="0.1745834300480449"/>
          <attvalue for="reciprocity" value="0.6976744186046512"/>
          <attvalue for="multiplexity" value="0.5"/>
          <attvalue for="connection" value="0"/>
          <attvalue for="state" value="active"/>
          <attvalue for="online_only" value="false"/>
          <attvalue for="capped" value="false"/>
          <attvalue for="interactions" value="2"/>
          <attvalue for="first_contact" value="2026-01-05T10:00:00Z"/>
          <attvalue for="last_contact" value="2026-02-20T10:00:00Z"/>
          <attvalue for="strength" value="0" start="2026-01-01T00:00:00Z" end="2026-01-31T23:59:59Z"/>
          <attvalue for="strength" value="0.3966723476051062" start="2026-02-01T00:00:00Z" end="2026-02-28T23:59:59Z"/>
          <attvalue for="strength" value="0.38978022362757964" start="2026-03-01T00:00:00Z" end="2026-03-10T09:59:59Z"/>
          <attvalue for="strength" value="0.37952578756869476" start="2026-03-10T10:00:00Z" end="2026-03-10T10:00:00Z"/>
        </attvalues>
        <spells><spell start="2026-01-05T10:00:00Z" end="2026-03-10T10:00:00Z"/></spells>
      </edge>
    </edges>
  </graph>
</gexf>
"#;
    assert_eq!(gexf(&g, at(3, 10), &ExportOptions::default())?, expected);
    Ok(())
}

/// (value, start, end) of one sample of the dynamic strength.
type Sample = (f64, String, String);

/// The dynamic strength of an edge, and its spells (start, end).
fn life(e: &Element) -> (Vec<Sample>, Vec<(String, String)>) {
    let strength = e
        .one("attvalues")
        .all("attvalue")
        .filter(|a| a.get("for") == "strength")
        .map(|a| {
            (
                a.get("value").parse().expect("a number"),
                a.get("start").to_string(),
                a.get("end").to_string(),
            )
        })
        .collect();
    let spells = e
        .all("spells")
        .flat_map(|s| s.all("spell"))
        .map(|s| (s.get("start").to_string(), s.get("end").to_string()))
        .collect();
    (strength, spells)
}

fn parse_time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("xsd:dateTime")
        .with_timezone(&Utc)
}

#[test]
fn gexf_samples_are_the_timeline_and_spells_follow_meaningful_contact() -> TestResult {
    let mut g = RelationshipGraph::new();
    let day = |d: i64| at(1, 1) + TimeDelta::days(d);
    for d in [3, 40, 45, 200, 320] {
        g.add_interaction(Interaction::new("ana", "lee", day(d), "email"))?;
        g.add_interaction(Interaction::new("lee", "ana", day(d + 1), "direct_message"))?;
    }
    g.add_interaction(Interaction::new("ana", "lee", day(100), "reaction"))?; // not meaningful
    g.add_interaction(Interaction::new("ana", "lee", day(250), "in_person"))?;
    let as_of = day(330);
    let options = ExportOptions {
        sampling: Sampling::Every(TimeDelta::days(14)),
        active_days: 30.0,
        ..ExportOptions::default()
    };
    let doc = parse(&gexf(&g, as_of, &options)?)?;
    let graph = doc.one("graph");
    assert_eq!(graph.get("start"), "2026-01-04T00:00:00Z"); // the day of the first email
    let e = graph.one("edges").one("edge");
    let (strength, spells) = life(e);
    // each sample is the strength at its start; intervals tile the time without overlap
    let series = g.timeline(
        "ana",
        "lee",
        parse_time("2026-01-04T00:00:00Z"),
        as_of,
        TimeDelta::days(14),
    )?;
    let mut expected: Vec<(f64, DateTime<Utc>)> = Vec::new();
    for &(t, v) in &series {
        if t < as_of && expected.last().is_none_or(|l| l.0 != v) {
            expected.push((v, t));
        }
    }
    expected.push((g.strength("ana", "lee", as_of)?.value, as_of));
    let got: Vec<(f64, DateTime<Utc>)> = strength.iter().map(|(v, s, _)| (*v, parse_time(s))).collect();
    assert_eq!(got, expected);
    for w in strength.windows(2) {
        assert_eq!(parse_time(&w[0].2) + TimeDelta::seconds(1), parse_time(&w[1].1));
    }
    assert_eq!(e.get("weight"), strength.last().expect("samples").0.to_string());
    // 30 days from each meaningful contact, merged; the like of day 100 starts none
    let rfc = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert_eq!(
        spells,
        [
            (rfc(day(3)), rfc(day(34))),
            (rfc(day(40)), rfc(day(76))),
            (rfc(day(200)), rfc(day(231))),
            (rfc(day(250)), rfc(day(280))),
            (rfc(day(320)), rfc(as_of)),
        ]
    );
    Ok(())
}

#[test]
fn gexf_escapes_like_graphml_and_takes_a_start() -> TestResult {
    let (g, [a, b]) = awkward()?;
    let options = ExportOptions {
        start: Some(
            Utc.with_ymd_and_hms(2025, 12, 15, 0, 0, 0)
                .single()
                .expect("valid"),
        ),
        ..ExportOptions::default()
    };
    let doc = parse(&gexf(&g, at(2, 1), &options)?)?;
    let graph = doc.one("graph");
    let nodes: Vec<&Element> = graph.one("nodes").all("node").collect();
    assert_eq!((nodes[0].get("id"), nodes[0].get("label")), (a, a));
    assert_eq!(
        (nodes[1].get("id"), nodes[1].get("label")),
        (b, "Lee \"The <Pen>\" O'Park & co")
    );
    let values: Vec<(&str, &str)> = nodes[1]
        .one("attvalues")
        .all("attvalue")
        .map(|v| (v.get("for"), v.get("value")))
        .collect();
    assert_eq!(values[2..], [("role", "a\tb\nc"), ("tags", "x&y;<z>")]);
    let e = graph.one("edges").one("edge");
    assert_eq!((e.get("source"), e.get("target")), (a, b));
    let (strength, _) = life(e);
    let starts: Vec<&str> = strength.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2025-12-15T00:00:00Z",
            "2026-01-15T00:00:00Z",
            "2026-02-01T10:00:00Z"
        ]
    );
    Ok(())
}

#[test]
fn gexf_options_are_checked() -> TestResult {
    let g = tiny()?;
    let bad = |o: ExportOptions| match err(gexf(&g, at(3, 10), &o)) {
        Error::InvalidArgument { argument, .. } => argument,
        other => panic!("{other:?}"),
    };
    let d = ExportOptions::default;
    assert_eq!(
        bad(ExportOptions {
            active_days: 0.0,
            ..d()
        }),
        "active_days"
    );
    assert_eq!(
        bad(ExportOptions {
            active_days: f64::NAN,
            ..d()
        }),
        "active_days"
    );
    assert_eq!(
        bad(ExportOptions {
            sampling: Sampling::Months(0),
            ..d()
        }),
        "sampling"
    );
    assert_eq!(
        bad(ExportOptions {
            sampling: Sampling::Every(TimeDelta::zero()),
            ..d()
        }),
        "sampling"
    );
    assert_eq!(
        bad(ExportOptions {
            sampling: Sampling::Every(TimeDelta::seconds(1)),
            ..d()
        }),
        "sampling"
    );
    assert_eq!(
        bad(ExportOptions {
            start: Some(at(4, 1)),
            ..d()
        }),
        "start"
    );
    Ok(())
}

// ----- the tie table ----------------------------------------------------

#[test]
fn the_tie_table_of_a_tiny_graph_is_exactly_this() -> TestResult {
    let g = tiny()?;
    assert_eq!(
        ties_csv(&g, at(3, 10), &TieFilter::default())?,
        "a,b,strength,recency,intensity,duration,regularity,reciprocity,multiplexity,connection,state,online_only,capped\n\
         ana@agency.example,kim@wire.example,0.05,0,0,0,0,0.5,0,1,connected,false,false\n\
         ana@agency.example,lee@daily.example,0.37952578756869476,0.6108495036238286,0.2618522580155328,\
         0.1608304152905653,0.1745834300480449,0.6976744186046512,0.5,0,active,false,false\n\
         bo@agency.example,lee@daily.example,0,0,0,0,0,0.4347826086956522,0.25,0,one_sided,false,false\n"
    );
    let lee = TieFilter {
        person: Some("lee@daily.example".into()),
        min_strength: 0.1,
        with_peak: true,
    };
    assert_eq!(
        ties_csv(&g, at(3, 10), &lee)?,
        "a,b,strength,recency,intensity,duration,regularity,reciprocity,multiplexity,connection,state,online_only,capped,peak\n\
         lee@daily.example,ana@agency.example,0.37952578756869476,0.6108495036238286,0.2618522580155328,\
         0.1608304152905653,0.1745834300480449,0.6976744186046512,0.5,0,active,false,false,0.4383255153613572\n"
    );
    assert_eq!(
        g.peak("lee@daily.example", "ana@agency.example", at(3, 10))?
            .map(|p| p.0),
        Some(0.438_325_515_361_357_2)
    );
    Ok(())
}

#[test]
fn the_tie_table_matches_ties_with_and_quotes_awkward_keys() -> TestResult {
    let (mut g, [a, b]) = awkward()?;
    g.add_interaction(Interaction::new("x,y", "lee", at(1, 7), "email"))?;
    g.add_interaction(Interaction::new("lee", "x,y", at(1, 8), "email"))?;
    g.set_model(ScoringModel {
        structural: true,
        ..ScoringModel::default()
    })?;
    let text = ties_csv(&g, at(2, 1), &TieFilter::default())?;
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rdr.headers()?.iter().map(str::to_string).collect();
    assert_eq!(header[10], "structural");
    let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>()?;
    let expected = g.ties_with(at(2, 1), &TieFilter::default())?;
    assert_eq!(rows.len(), expected.len());
    for (row, t) in rows.iter().zip(&expected) {
        assert_eq!((&row[0], &row[1]), (t.a.key.as_str(), t.b.key.as_str()));
        assert_eq!(row[2].parse::<f64>()?, t.strength.value);
        for (i, (_, v)) in t.strength.components.named().into_iter().enumerate() {
            assert_eq!(row[3 + i].parse::<f64>()?, v);
        }
        assert_eq!(&row[11], t.strength.state.name());
    }
    assert_eq!((&rows[0][0], &rows[0][1]), (a, b));
    Ok(())
}

/// A writer that fails after some bytes.
struct Broken(usize);

impl std::io::Write for Broken {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0 < buf.len() {
            return Err(std::io::Error::other("disk full"));
        }
        self.0 -= buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_writer_is_an_io_error() -> TestResult {
    let g = tiny()?;
    let o = ExportOptions::default();
    let io = |e: Error| matches!(e, Error::Io { ref source, .. } if source.to_string() == "disk full");
    assert!(io(err(g.write_graphml(Broken(10), at(3, 10), &o))));
    assert!(io(err(g.write_gexf(Broken(10), at(3, 10), &o))));
    assert!(io(err(g.write_ties_csv(
        Broken(10),
        at(3, 10),
        &TieFilter::default()
    ))));
    Ok(())
}
