//! # tiegraph
//!
//! A relationship graph whose ties are made of **online** interactions
//! (email, direct messages, replies, likes, calls) and **offline** ones
//! (meetings, events), with an explainable score of how strong each
//! relationship is, as of any date.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tiegraph::{Connection, GroupEvent, Interaction, RelationshipGraph};
//!
//! let mut g = RelationshipGraph::new();
//! let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
//!
//! // A PR person pitches a reporter by email; the reporter answers.
//! g.add_interaction(Interaction::new("ana@agency.example", "lee@daily.example", day(3, 2), "email"))?;
//! g.add_interaction(Interaction::new("lee@daily.example", "ana@agency.example", day(3, 3), "email"))?;
//! // They follow each other on X, and meet at a launch with two others.
//! g.add_connection(Connection::follows("ana@agency.example", "lee@daily.example", "x"))?;
//! g.add_connection(Connection::follows("lee@daily.example", "ana@agency.example", "x"))?;
//! g.add_event(GroupEvent::new(
//!     ["lee@daily.example", "ana@agency.example", "sam@agency.example", "kim@wire.example"],
//!     day(4, 14),
//! ).with_name("product launch"))?;
//!
//! assert_eq!(g.person_count(), 4);
//! assert_eq!(g.tie("lee@daily.example", "ana@agency.example")?.len(), 3);
//! # Ok::<(), tiegraph::Error>(())
//! ```
//!
//! People are addressed by **key** (the string you gave); ids never leak
//! into files. Interactions are stored per tie, time-sorted, 24 bytes each.

mod analytics;
mod error;
mod graph;
mod io;
mod model;
mod score;

pub use analytics::StrengthGraph;
pub use analytics::{
    Cadence, DueContact, EgoLayers, InviteCategory, Invitee, Layer, LayerMember, LiftOptions, LiftReport,
    LiftRow, LiftSummary, MeetSuggestion, Overdue, Reconnection, StrongTie, TopTie,
};
pub use error::{Error, Result};
pub use graph::{LoadReport, OnError, RelationshipGraph, SkippedRow, Tie};
pub use io::{ConnectionColumns, CsvOptions, InteractionColumns, SNAPSHOT_VERSION, TimeFormat, TimeUnit};
pub use model::{
    Channel, ChannelClass, ChannelId, Connection, ConnectionKind, GroupEvent, Interaction, Mode, Person,
    PersonId,
};
pub use score::{
    Components, Contact, Effort, Explanation, Fit, FitOptions, GraphView, Label, ScoringModel, Side, State,
    Strength, TieFilter, TieScore, View, Weights, roc_auc,
};

/// petgraph, re-exported so that users of [`RelationshipGraph`]'s graph
/// algorithms never fight a version skew.
pub use petgraph;
