//! The README's Rust quickstart quotes this file, from `use` to the end of
//! `main`: change one, change the other.
//!
//! A PR person (Ana) and a reporter (Lee): a pitch, an answer, a reply to
//! Lee's post, a coffee, a launch party with two others and a follow on X.
//! Prints how strong the tie is on May 1 with its components, why, and
//! Ana's strongest ties.
//!
//! `cargo run -p tiegraph-examples --example quickstart`

use chrono::{TimeZone, Utc};
use tiegraph::{Connection, GroupEvent, Interaction, Person, RelationshipGraph};

fn main() -> tiegraph::Result<()> {
    let mut g = RelationshipGraph::new();
    let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
    let (ana, lee) = ("ana@agency.example", "lee@daily.example");
    g.add_person(
        Person::new(ana)
            .with_name("Ana Reyes")
            .with_role("account director"),
    )?;
    g.add_person(Person::new(lee).with_name("Lee Park").with_tags(["press", "ai"]))?;

    // A pitch by email, Lee's answer, Ana's reply to Lee's post, then a coffee (90 minutes).
    g.add_interaction(Interaction::new(ana, lee, day(3, 2), "email"))?;
    g.add_interaction(Interaction::new(lee, ana, day(3, 3), "email"))?;
    g.add_interaction(Interaction::new(ana, lee, day(3, 20), "public_reply"))?;
    g.add_interaction(Interaction::new(ana, lee, day(4, 2), "in_person").with_duration(5400.0))?;
    // A launch party with four people: one interaction per pair, diluted by the group size.
    let party = [ana, lee, "sam@agency.example", "kim@wire.example"];
    g.add_event(GroupEvent::new(party, day(4, 14)).with_name("product launch"))?;
    // A declared link: Ana follows Lee on X.
    g.add_connection(Connection::follows(ana, lee, "x"))?;

    let as_of = day(5, 1);
    let s = g.strength(ana, lee, as_of)?;
    println!(
        "Ana and Lee on {}: strength {:.2}, {}",
        as_of.date_naive(),
        s.value,
        s.state.name()
    );
    for ((name, value), (_, part)) in s.components.named().into_iter().zip(s.contributions.named()) {
        println!("  {name:<13} {value:.2}  (adds {part:.3})");
    }
    println!("Why:");
    for reason in g.explain(ana, lee, as_of)?.reasons {
        println!("  - {reason}");
    }
    println!("Ana's strongest ties:");
    for tie in g.strongest_ties(ana, 5, as_of)? {
        println!("  {}. {:<20} {}", tie.rank, tie.other.key, tie.reason);
    }
    Ok(())
}
