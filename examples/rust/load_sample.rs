//! Loads the sample data of a fictional PR agency (`examples/data/`) into a
//! relationship graph and prints what the graph holds.
//!
//! ```text
//! cargo run -p tiegraph-examples --example load_sample
//! ```

use tiegraph::{ConnectionColumns, CsvOptions, InteractionColumns, RelationshipGraph};
use tiegraph_examples::BoxError;
use tiegraph_examples::agency::{read_events, read_people, sample_data};

fn main() -> Result<(), BoxError> {
    let mut g = RelationshipGraph::new();

    // People first, with their details: a row of interactions.csv that named
    // someone new would create them with nothing but a key.
    for person in read_people(&sample_data("people.csv"))? {
        g.add_person(person)?;
    }

    // One row per interaction; empty duration cells mean "unknown", the
    // weight column is a multiplier (0.5 marks a pitch the reporter was cc'd on).
    let columns = InteractionColumns {
        duration: Some("duration".into()),
        weight: Some("weight".into()),
        ..InteractionColumns::default()
    };
    let report =
        g.load_interactions_csv(sample_data("interactions.csv"), &columns, &CsvOptions::default())?;
    println!(
        "interactions.csv: {} rows, {} added, {} ties touched, {} unknown people",
        report.rows, report.added, report.ties_touched, report.new_people
    );

    // Declared links: LinkedIn connections (mutual) and X follows (one way).
    let columns = ConnectionColumns {
        kind: Some("kind".into()),
        since: Some("since".into()),
        ..ConnectionColumns::default()
    };
    let report = g.load_connections_csv(sample_data("connections.csv"), &columns, &CsvOptions::default())?;
    println!("connections.csv: {} rows, {} added", report.rows, report.added);

    // Launches, conferences and dinners: each becomes one interaction per
    // pair of participants, diluted by the size of the group.
    let events = read_events(&sample_data("events.csv"))?;
    let event_count = events.len();
    for event in events {
        g.add_event(event)?;
    }
    println!("events.csv: {event_count} group events");

    let channels = g.channels();
    let mut per_channel = vec![0usize; channels.len()];
    let mut connections = 0;
    for tie in g.iter_ties() {
        for it in tie.interactions() {
            if let Some(i) = channels.iter().position(|c| c.name == it.channel) {
                per_channel[i] += 1;
            }
        }
        connections += tie.connections().count();
    }
    println!();
    println!("people        {:>6}", g.person_count());
    println!("ties          {:>6}", g.tie_count());
    println!("interactions  {:>6}", g.interaction_count());
    println!("connections   {:>6}", connections);
    println!("\ninteractions per channel:");
    for (channel, n) in channels.iter().zip(&per_channel) {
        println!("  {:<15} {:>6}  {}", channel.name, n, channel.mode.as_str());
    }

    let maya = "maya.chen@techwire.example";
    let person = g.person(maya)?;
    println!(
        "\n{} ({}, {}): {} ties",
        person.name.as_deref().unwrap_or(maya),
        person.organisation.as_deref().unwrap_or("-"),
        person.role.as_deref().unwrap_or("-"),
        g.ties_of(maya)?.count()
    );
    Ok(())
}
