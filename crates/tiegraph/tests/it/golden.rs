//! Golden scenarios: the scorer against a second, independent implementation
//! of the model page.
//!
//! `python/tests/make_golden.py` runs `python/tests/reference_model.py`
//! (written from `scoring-model.md` alone) over small scenarios and writes
//! each one, inputs and expected per-pair outputs, to `tests/it/golden/*.json`.
//! The page asks two independent implementations to agree to 1e-9 on every
//! tie; this replays every scenario through [`RelationshipGraph`] and checks
//! every pair, with [`RelationshipGraph::strength`] (both orders), with
//! [`RelationshipGraph::ties`] and with `ties_with` asking for every peak.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Deserialize;
use tiegraph::{
    Components, Connection, GroupEvent, Interaction, RelationshipGraph, ScoringModel, Side, State, Strength,
    TieFilter, TieScore,
};

const TOLERANCE: f64 = 1e-9;

#[derive(Debug, Deserialize)]
struct Scenario {
    name: String,
    as_of: i64,
    model: ModelOptions,
    connections: Vec<ConnectionRow>,
    events: Vec<EventRow>,
    expected: Vec<Expected>,
    interactions: Vec<InteractionRow>,
}

#[derive(Debug, Deserialize)]
struct ModelOptions {
    structural: bool,
}

#[derive(Debug, Deserialize)]
struct InteractionRow {
    src: String,
    dst: String,
    t: i64,
    channel: String,
    duration: Option<f64>,
    weight: f64,
}

#[derive(Debug, Deserialize)]
struct ConnectionRow {
    a: String,
    b: String,
    platform: String,
    kind: String,
    since: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct EventRow {
    participants: Vec<String>,
    t: i64,
    channel: String,
    duration: Option<f64>,
    weight: f64,
}

#[derive(Debug, Deserialize)]
struct Expected {
    a: String,
    b: String,
    strength: f64,
    components: ExpectedComponents,
    two_way: bool,
    online_only: bool,
    capped: bool,
    peak: f64,
    state: String,
    from: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectedComponents {
    recency: f64,
    intensity: f64,
    duration: f64,
    regularity: f64,
    reciprocity: f64,
    multiplexity: f64,
    connection: f64,
    #[serde(default)]
    structural: Option<f64>,
}

fn at(t: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(t, 0).expect("a valid timestamp")
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/golden")
}

fn load(path: &Path) -> Scenario {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn build(s: &Scenario) -> RelationshipGraph {
    let mut g = RelationshipGraph::new();
    g.set_model(ScoringModel {
        structural: s.model.structural,
        ..ScoringModel::default()
    })
    .expect("a valid model");
    let interactions = s.interactions.iter().map(|r| {
        let mut it = Interaction::new(&r.src, &r.dst, at(r.t), &r.channel).with_weight(r.weight);
        if let Some(d) = r.duration {
            it = it.with_duration(d);
        }
        it
    });
    g.add_interactions(interactions.collect::<Vec<_>>())
        .unwrap_or_else(|e| panic!("{}: interactions: {e}", s.name));
    let connections = s.connections.iter().map(|c| {
        let conn = match c.kind.as_str() {
            "mutual" => Connection::mutual(&c.a, &c.b, &c.platform),
            "follows" => Connection::follows(&c.a, &c.b, &c.platform),
            other => panic!("{}: unknown connection kind {other:?}", s.name),
        };
        match c.since {
            Some(t) => conn.since(at(t)),
            None => conn,
        }
    });
    g.add_connections(connections.collect::<Vec<_>>())
        .unwrap_or_else(|e| panic!("{}: connections: {e}", s.name));
    for e in &s.events {
        let mut event = GroupEvent::new(e.participants.clone(), at(e.t))
            .with_channel(&e.channel)
            .with_weight(e.weight);
        if let Some(d) = e.duration {
            event = event.with_duration(d);
        }
        g.add_event(event)
            .unwrap_or_else(|err| panic!("{}: event: {err}", s.name));
    }
    g
}

/// Mismatches and the largest absolute difference seen per field.
#[derive(Default)]
struct Report {
    failures: Vec<String>,
    max_diff: BTreeMap<&'static str, f64>,
}

impl Report {
    fn float(&mut self, ctx: &str, field: &'static str, got: f64, want: f64) {
        let diff = (got - want).abs();
        let entry = self.max_diff.entry(field).or_insert(0.0);
        if diff.is_nan() || diff > *entry {
            *entry = diff;
        }
        // NaN on either side fails too.
        if diff.is_nan() || diff > TOLERANCE {
            self.failures.push(format!(
                "{ctx}: {field}: got {got:?}, want {want:?} (diff {diff:.3e})"
            ));
        }
    }

    fn exact<T: PartialEq + std::fmt::Debug>(&mut self, ctx: &str, field: &'static str, got: T, want: T) {
        if got != want {
            self.failures
                .push(format!("{ctx}: {field}: got {got:?}, want {want:?}"));
        }
    }
}

/// The key of the side that reached out, from the pair as asked.
fn state_from((first, second): (&str, &str), state: State) -> Option<String> {
    match state {
        State::OneSided { from: Side::A } => Some(first.to_string()),
        State::OneSided { from: Side::B } => Some(second.to_string()),
        _ => None,
    }
}

fn check(report: &mut Report, pair: (&str, &str), ctx: &str, got: &Strength, want: &Expected) {
    report.float(ctx, "strength", got.value, want.strength);
    let Components {
        recency,
        intensity,
        duration,
        regularity,
        reciprocity,
        multiplexity,
        connection,
        structural,
    } = got.components;
    let w = &want.components;
    report.float(ctx, "recency", recency, w.recency);
    report.float(ctx, "intensity", intensity, w.intensity);
    report.float(ctx, "duration", duration, w.duration);
    report.float(ctx, "regularity", regularity, w.regularity);
    report.float(ctx, "reciprocity", reciprocity, w.reciprocity);
    report.float(ctx, "multiplexity", multiplexity, w.multiplexity);
    report.float(ctx, "connection", connection, w.connection);
    match (structural, w.structural) {
        (Some(got_s), Some(want_s)) => report.float(ctx, "structural", got_s, want_s),
        (got_s, want_s) => report.exact(ctx, "structural", got_s, want_s),
    }
    report.exact(ctx, "two_way", got.two_way, want.two_way);
    report.exact(ctx, "online_only", got.online_only, want.online_only);
    report.exact(ctx, "capped", got.capped, want.capped);
    report.exact(ctx, "state", got.state.name(), want.state.as_str());
    report.exact(ctx, "state.from", state_from(pair, got.state), want.from.clone());
    // `ties` and `strength` compute the peak only when a rule needs it; `explain` always does.
    if let Some(peak) = got.peak {
        report.float(ctx, "peak", peak, want.peak);
    }
}

fn check_scenario(report: &mut Report, s: &Scenario) {
    let g = build(s);
    let as_of = at(s.as_of);
    for want in &s.expected {
        for (x, y) in [(&want.a, &want.b), (&want.b, &want.a)] {
            let ctx = format!("{}: strength({x}, {y})", s.name);
            match g.explain(x, y, as_of).map(|e| e.strength) {
                Ok(got) => {
                    if got.peak.is_none() {
                        report.failures.push(format!("{ctx}: peak: None from explain()"));
                    }
                    check(report, (x, y), &ctx, &got, want);
                }
                Err(e) => report.failures.push(format!("{ctx}: error {e}")),
            }
        }
    }

    let with_peak = TieFilter {
        with_peak: true,
        ..TieFilter::default()
    };
    let bulk = [
        ("ties", g.ties(as_of)),
        ("ties_with(with_peak)", g.ties_with(as_of, &with_peak)),
    ];
    for (query, ties) in bulk {
        let ties = ties.unwrap_or_else(|e| panic!("{}: {query}: {e}", s.name));
        check_ties(report, s, query, &ties);
    }
}

fn check_ties(report: &mut Report, s: &Scenario, query: &str, ties: &[TieScore<'_>]) {
    let got_pairs: Vec<(&str, &str)> = ties
        .iter()
        .map(|t| (t.a.key.as_str(), t.b.key.as_str()))
        .collect();
    let want_pairs: Vec<(&str, &str)> = s.expected.iter().map(|e| (e.a.as_str(), e.b.as_str())).collect();
    if got_pairs != want_pairs {
        report.failures.push(format!(
            "{}: {query}: pairs differ: got {} {:?}..., want {} {:?}...",
            s.name,
            got_pairs.len(),
            &got_pairs[..got_pairs.len().min(5)],
            want_pairs.len(),
            &want_pairs[..want_pairs.len().min(5)],
        ));
        return;
    }
    for (tie, want) in ties.iter().zip(&s.expected) {
        let ctx = format!("{}: {query}[{}, {}]", s.name, want.a, want.b);
        if query != "ties" && tie.strength.peak.is_none() {
            report.failures.push(format!("{ctx}: peak: None"));
        }
        check(report, (&tie.a.key, &tie.b.key), &ctx, &tie.strength, want);
    }
}

#[test]
fn golden_scenarios_agree_with_the_reference_model() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .expect("the golden directory")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 12,
        "expected the golden scenarios, found {}",
        paths.len()
    );

    let mut report = Report::default();
    let mut pairs = 0;
    for path in &paths {
        let s = load(path);
        pairs += s.expected.len();
        check_scenario(&mut report, &s);
    }

    let mut summary = format!("{} scenarios, {pairs} pairs; max |diff| per field:", paths.len());
    for (field, diff) in &report.max_diff {
        let _ = write!(summary, " {field} {diff:.1e};");
    }
    println!("{summary}");
    if !report.failures.is_empty() {
        let shown: Vec<&str> = report.failures.iter().take(60).map(String::as_str).collect();
        panic!(
            "{} disagreements with the reference model (first {} below)\n{}\n{summary}",
            report.failures.len(),
            shown.len(),
            shown.join("\n")
        );
    }
}
