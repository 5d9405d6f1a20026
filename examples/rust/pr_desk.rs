//! A PR person's Monday report: whom to meet this month, which ties are
//! cooling or dormant, who is overdue for contact (online every 30 days,
//! in person every 90), and who can introduce them to reporters they do
//! not know yet — each with its reason.
//!
//! `cargo run -p tiegraph-examples --example pr_desk`
//!
//! Uses the sample data in `examples/data/` (see its README) and reports
//! for Ana Reyes, account director at Brightside PR (or, if the data has no
//! Ana, for the agency's person with the most ties); says so and exits
//! without the data.

use chrono::{DateTime, TimeZone, Utc};
use tiegraph::{Cadence, RelationshipGraph, StrengthGraph, TieFilter};
use tiegraph_examples::BoxError;
use tiegraph_examples::agency::{self, ANA, name};

/// Rows per section.
const ROWS: usize = 8;

fn main() -> Result<(), BoxError> {
    let Some(g) = agency::load()? else {
        agency::not_found();
        return Ok(());
    };
    let monday: DateTime<Utc> = Utc
        .with_ymd_and_hms(2026, 11, 23, 8, 0, 0)
        .single()
        .ok_or("2026-11-23 08:00 is not a time")?;
    let me = desk_owner(&g, monday)?;
    let person = g.person(&me)?;
    let live = g
        .ties_with(
            monday,
            &TieFilter {
                person: Some(me.clone()),
                min_strength: f64::MIN_POSITIVE,
                ..TieFilter::default()
            },
        )?
        .len();
    println!(
        "Monday report for {} ({}, {}), {}: {} ties with strength > 0.",
        name(person),
        person.role.as_deref().unwrap_or("-"),
        person.organisation.as_deref().unwrap_or("-"),
        monday.date_naive(),
        live
    );

    heading("Meet in person this month: strong online, not met lately");
    for m in g.meet_in_person(&me, ROWS, monday)? {
        println!(
            "{:>3}. {:<20} {:<22} priority {:.2}  {}",
            m.rank,
            name(m.other),
            org(m.other),
            m.priority,
            m.reason
        );
    }

    heading("Cooling or dormant: worth a message");
    let fading = g.reconnect(&me, ROWS, monday)?;
    if fading.is_empty() {
        println!("  none");
    }
    for r in &fading {
        println!(
            "{:>3}. {:<20} {:<22} {}",
            r.rank,
            name(r.other),
            org(r.other),
            r.reason
        );
    }

    heading("Overdue: online every 30 days, in person every 90");
    let cadence = Cadence::online(30.0).with_offline(90.0);
    let due = g.due_for_contact(&me, &cadence, monday)?;
    for d in due.iter().take(ROWS) {
        println!(
            "{:>3}. {:<20} {:<22} {}",
            d.rank,
            name(d.other),
            org(d.other),
            d.reason
        );
    }
    let (online, offline) = (
        due.iter().filter(|d| d.online.is_some()).count(),
        due.iter().filter(|d| d.offline.is_some()).count(),
    );
    println!(
        "  {} ties overdue in all ({online} online, {offline} in person); the {} most overdue above.",
        due.len(),
        ROWS.min(due.len())
    );

    heading("Reporters to meet through someone: who can introduce them");
    // One strength graph for every path question: the ties as of Monday.
    let strengths = StrengthGraph::new(&g.full_view(), monday)?;
    let mut paths = Vec::new();
    for reporter in g.people().filter(|p| p.tags.iter().any(|t| t == "press")) {
        if g.strength(&me, &reporter.key, monday)?.value > 0.0 {
            continue; // already known
        }
        // two hops: one person who knows both
        if let Some(path) = strengths.introduction_path(&me, &reporter.key, 2)? {
            paths.push(path);
        }
    }
    // the strongest weakest link first, then the product (a stable sort:
    // equal paths stay in the reporters' key order)
    paths.sort_by(|x, y| {
        y.bottleneck
            .total_cmp(&x.bottleneck)
            .then(y.product.total_cmp(&x.product))
    });
    println!(
        "  {} reporters with no tie to {} yet share a contact with them. The best introductions:",
        paths.len(),
        name(person)
    );
    for p in paths.iter().take(ROWS) {
        let [_, via, target] = p.people[..] else {
            continue;
        };
        let (v, t) = (first_name(via), first_name(target));
        let weakest = if p.weakest == 0 {
            format!("you–{v}")
        } else {
            format!("{v}–{t}")
        };
        println!(
            "  {:<20} {:<22} ask {:<16} you–{v} {:.2}, {v}–{t} {:.2}; weakest link {weakest}",
            name(target),
            org(target),
            name(via),
            p.strengths[0],
            p.strengths[1],
        );
    }
    Ok(())
}

/// Ana, or the agency person with the most ties with strength > 0.
fn desk_owner(g: &RelationshipGraph, at: DateTime<Utc>) -> Result<String, BoxError> {
    if g.contains_person(ANA) {
        return Ok(ANA.to_string());
    }
    let mut best: Option<(usize, String)> = None;
    for p in g.people().filter(|p| p.tags.iter().any(|t| t == "agency")) {
        let n = g.strongest_ties(&p.key, usize::MAX, at)?.len();
        if best.as_ref().is_none_or(|(m, _)| n > *m) {
            best = Some((n, p.key.clone()));
        }
    }
    best.map(|(_, k)| k)
        .ok_or_else(|| "no agency staff in the sample data".into())
}

fn heading(title: &str) {
    println!("\n== {title}");
}

fn first_name(p: &tiegraph::Person) -> &str {
    name(p).split_whitespace().next().unwrap_or(&p.key)
}

fn org(p: &tiegraph::Person) -> &str {
    p.organisation.as_deref().unwrap_or("-")
}
