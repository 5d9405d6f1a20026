//! The story tiegraph comes from. Maya Chen, TechWire's senior AI
//! reporter, is leaving her outlet; the PR agency that has followed,
//! replied to, emailed and sometimes met her for two years throws her a
//! send-off on Friday 2026-11-20. Whom to invite? Which ties are real,
//! which online-only ones are worth taking offline, and did the party
//! take them offline?
//!
//! `cargo run -p tiegraph-examples --example send_off`
//!
//! Uses the sample data in `examples/data/` (see its README); says so and
//! exits without it.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use tiegraph::{GroupEvent, Interaction, InviteCategory, LiftOptions, TieFilter};
use tiegraph_examples::BoxError;
use tiegraph_examples::agency::{self, MAYA, name};

/// How many to invite.
const INVITES: usize = 16;

fn at(m: u32, d: u32, h: u32) -> Result<DateTime<Utc>, BoxError> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0)
        .single()
        .ok_or_else(|| format!("2026-{m}-{d} {h}:00 is not a time").into())
}

fn main() -> Result<(), BoxError> {
    let Some(mut g) = agency::load()? else {
        agency::not_found();
        return Ok(());
    };
    let maya = g.person(MAYA)?;
    println!(
        "{} ({}, {}) is leaving. {} people, {} ties, {} interactions in the log.",
        name(maya),
        maya.role.as_deref().unwrap_or("-"),
        maya.organisation.as_deref().unwrap_or("-"),
        g.person_count(),
        g.tie_count(),
        g.interaction_count()
    );

    let plan = at(11, 20, 9)?;
    heading(&format!("Maya's strongest ties as of {}", plan.date_naive()));
    for t in g.strongest_ties(MAYA, 10, plan)? {
        println!(
            "{:>3}. {:<22} {:<16} {}",
            t.rank,
            name(t.other),
            org(t.other),
            t.reason
        );
    }

    heading("Who is only ever online with her (two-way, never met or called)");
    let mine = TieFilter {
        person: Some(MAYA.into()),
        ..TieFilter::default()
    };
    let mut online_only: Vec<(String, f64)> = g
        .ties_with(plan, &mine)?
        .iter()
        .filter(|t| t.strength.online_only)
        .map(|t| (t.b.key.clone(), t.strength.value))
        .collect();
    online_only.sort_by(|x, y| y.1.total_cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
    for (key, value) in &online_only {
        let p = g.person(key)?;
        let capped = if *value >= g.model().online_only_cap {
            "  (at the online-only cap)"
        } else {
            ""
        };
        println!("  {:<22} {:<16} strength {value:.2}{capped}", name(p), org(p));
    }
    println!(
        "  {} of Maya's {} ties are online only.",
        online_only.len(),
        g.ties_of(MAYA)?.count()
    );

    heading(&format!("Invite list: the {INVITES} people to ask"));
    let invitees = g.invite_list(MAYA, INVITES, plan)?;
    for i in &invitees {
        println!(
            "{:>3}. {:<22} {:<16} {:<16} {}",
            i.rank,
            name(i.other),
            org(i.other),
            i.category.name(),
            i.reason
        );
    }
    // Who comes: deterministic stand-ins for the RSVPs. Everyone says yes
    // except every fourth on the list, who is travelling.
    let accepted: Vec<String> = invitees
        .iter()
        .filter(|i| i.rank % 4 != 0)
        .map(|i| i.other.key.clone())
        .collect();
    let declined: Vec<&str> = invitees
        .iter()
        .filter(|i| i.rank % 4 == 0)
        .map(|i| name(i.other))
        .collect();
    println!(
        "\n  {} accept; {} can't come ({}).",
        accepted.len(),
        declined.len(),
        declined.join(", ")
    );
    let worth: Vec<String> = invitees
        .iter()
        .filter(|i| i.category == InviteCategory::WorthConverting)
        .map(|i| i.other.key.clone())
        .collect();
    let worth_coming = worth.iter().filter(|k| accepted.contains(k)).count();

    // The party, then a coffee the week after with each online-only guest
    // who came: Monday and Tuesday mornings, an hour each.
    let party_at = at(11, 20, 19)?;
    let mut guests = vec![MAYA.to_string()];
    guests.extend(accepted.iter().cloned());
    let n = guests.len();
    g.add_event(
        GroupEvent::new(guests, party_at)
            .with_name("Maya's send-off")
            .with_duration(3.0 * 3600.0),
    )?;
    let converts: Vec<String> = online_only
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| accepted.contains(k))
        .collect();
    let mut coffees = Vec::new();
    for (i, key) in converts.iter().take(4).enumerate() {
        let when = at(11, 23, 9)? + TimeDelta::hours(2 * i as i64);
        g.add_interaction(Interaction::new(key.as_str(), MAYA, when, "in_person").with_duration(3600.0))?;
        coffees.push(name(g.person(key)?).to_string());
    }
    heading("The send-off, Friday 2026-11-20, 19:00");
    println!(
        "  {n} people at the party (each pair weighs 0.40/sqrt({}) = {:.3}: meaningful from 0.10 on).",
        n - 1,
        0.4 / ((n - 1) as f64).sqrt()
    );
    println!("  Coffees the Monday after: {}.", coffees.join(", "));
    if !worth.is_empty() {
        println!(
            "  Of the {} worth converting on the list, {} came.",
            worth.len(),
            worth_coming
        );
    }

    let (before, after) = (at(11, 19, 12)?, at(11, 24, 12)?);
    heading("Online-only ties, before (Nov 19) and after (Nov 24)");
    println!(
        "  {:<22} {:>6} {:>6} {:>6}  online only after, why",
        "", "before", "after", "change"
    );
    for (key, _) in &online_only {
        let b = g.strength(MAYA, key, before)?;
        let a = g.strength(MAYA, key, after)?;
        let flip = match (b.online_only, a.online_only) {
            (true, false) => "yes -> no",
            (true, true) => "yes",
            (false, _) => "no",
        };
        let why = g.explain(MAYA, key, after)?.reasons;
        println!(
            "  {:<22} {:>6.2} {:>6.2} {:>+6.2}  {:<11} {}",
            name(g.person(key)?),
            b.value,
            a.value,
            a.value - b.value,
            flip,
            why.get(1).map_or("", String::as_str)
        );
    }
    let converted = online_only
        .iter()
        .map(|(key, _)| Ok::<_, BoxError>(!g.strength(MAYA, key, after)?.online_only))
        .collect::<Result<Vec<bool>, _>>()?
        .into_iter()
        .filter(|c| *c)
        .count();
    println!(
        "  {converted} of {} online-only ties taken offline: the cap of {} no longer holds them.",
        online_only.len(),
        g.model().online_only_cap
    );

    heading("Does meeting change how much people talk online? (offline_lift)");
    let lift = g.offline_lift(after)?;
    println!(
        "  ties that met after >= 90 days online:  {}",
        lift.treated_summary.reason
    );
    println!(
        "  matched ties that never met:             {}",
        lift.control_summary.reason
    );
    let mine = g.offline_lift_with(
        &LiftOptions {
            person: Some(MAYA.into()),
            ..LiftOptions::default()
        },
        after,
    )?;
    for row in mine.treated.iter().take(5) {
        let other = if row.a.key == MAYA { row.b } else { row.a };
        println!("  Maya & {:<22} {}", name(other), row.reason);
    }
    println!(
        "  The send-off itself can be measured once 90 days have passed: from {}.",
        (party_at + TimeDelta::days(90)).date_naive()
    );
    Ok(())
}

fn heading(title: &str) {
    println!("\n== {title}");
}

fn org(p: &tiegraph::Person) -> &str {
    p.organisation.as_deref().unwrap_or("-")
}
