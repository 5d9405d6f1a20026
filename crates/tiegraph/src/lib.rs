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
//! into files. Interactions are stored per tie, time-sorted, 20 bytes each.
//!
//! ## Scoring
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use tiegraph::{Interaction, RelationshipGraph, State};
//!
//! let mut g = RelationshipGraph::new();
//! let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
//! g.add_interaction(Interaction::new("ana", "lee", day(1, 5), "email"))?;
//! g.add_interaction(Interaction::new("lee", "ana", day(1, 6), "email"))?;
//! let s = g.strength("ana", "lee", day(2, 16))?;
//! assert_eq!(s.state, State::Active);
//! assert!(s.online_only); // never met: capped at 0.75 whatever happens online
//! let why = g.explain("ana", "lee", day(2, 16))?;
//! assert_eq!(why.reasons[0], "last two-way contact 42 days ago (email)");
//! # Ok::<(), tiegraph::Error>(())
//! ```
//!
//! [`ScoringModel::default`] is the model of `design/scoring-model.md`: for a
//! pair {a, b} at a date T, seven features in [0, 1] — recency of two-way
//! contact R, intensity I, duration D, regularity F, reciprocity B,
//! multiplexity M, declared connection K (and optionally structural overlap
//! S) — weighted 0.25, 0.25, 0.15, 0.10, 0.10, 0.10, 0.05; pairs without
//! two-way contact score at most ω_K/Σω; pairs that never met or called are
//! capped at 0.75. Every query takes its date (`as_of`); nothing reads a
//! clock. A [`View`] applies the model to part of the interactions (online
//! only, offline only, some channels, a time window); [`GraphView`] answers
//! every query on it.
//!
//! Where the model page leaves room, tiegraph reads it as follows (an
//! independent implementation written from the page alone,
//! `python/tests/reference_model.py`, reads it the same way and agrees to
//! 1e-15 on the golden scenarios of `tests/it/golden/`):
//!
//! - **Resolution.** Times and durations are whole seconds (times floored,
//!   durations rounded at ingest); Δ = T − t in seconds, half-lives and
//!   windows are days × 86 400 s, the week index is ⌊Δ / 604 800⌋, and
//!   "Δ < L" is strict.
//! - **One side silent.** R and D are 0 when a side has no meaningful
//!   interaction (then F is 0 by its own formula); I, B and M are computed
//!   and reported for every pair but count only for two-way pairs.
//! - **Structural overlap.** S is 0 for a pair that is not two-way, and at
//!   any date is computed on the graph of pairs two-way at that date.
//! - **Flags.** `online_only` is set only for two-way pairs; `capped` means
//!   the cap actually lowered the value.
//! - **Peak** is taken over meaningful interactions at or before T (kept by
//!   the view), each as its own date, with the whole model (cap included).
//!   The Cooling rule re-evaluates everything — interactions and connections
//!   — at T − 90 d.
//! - **Connections.** "Follows both ways" counts across platforms; a link
//!   counts from its `since` (or always, without one); equal links are kept
//!   once. Views keep every connection.
//! - **Group events** give each pair the multiplier m/√(n − 1), the pair's
//!   first listed participant as initiator.
//! - **Monotonicity** (invariant 4) holds for an interaction from the side
//!   that *stays* the less active one in the reciprocity window: an addition
//!   that overshoots the other side lowers B by design of the page.
//!
//! The evidence behind each default is in `docs/model.md`.

mod analytics;
mod error;
mod flat;
mod graph;
mod io;
mod keys;
pub mod memory;
mod model;
mod score;

pub use analytics::StrengthGraph;
pub use analytics::{Brokerage, Communities, Contributor, IntroductionPath, SuggestMethod, Suggestion};
pub use analytics::{
    Cadence, DueContact, EgoLayers, InviteCategory, Invitee, Layer, LayerMember, LiftOptions, LiftReport,
    LiftRow, LiftSummary, MeetSuggestion, Overdue, Reconnection, StrongTie, TopTie,
};
pub use error::{Error, Result};
pub use graph::{LoadReport, OnError, RelationshipGraph, SkippedRow, Tie};
#[cfg(feature = "arrow")]
pub use io::{ArrowColumns, ConnectionLoader, InteractionLoader};
pub use io::{
    ConnectionColumns, CsvOptions, ExportOptions, InteractionColumns, SNAPSHOT_VERSION, Sampling, TimeFormat,
    TimeUnit,
};
pub use model::{
    Channel, ChannelClass, ChannelId, Connection, ConnectionKind, GroupEvent, Interaction, InteractionRef,
    Mode, Person, PersonId,
};
pub use score::{
    Components, Contact, Effort, Explanation, Fit, FitOptions, GraphView, Label, ScoringModel, Side, State,
    Strength, TieFilter, TieScore, View, Weights, roc_auc,
};

/// petgraph, re-exported so that users of [`RelationshipGraph`]'s graph
/// algorithms never fight a version skew.
pub use petgraph;

/// arrow-array, re-exported so that the record batches given to the
/// `*_arrow` loaders are always of the version tiegraph reads.
#[cfg(feature = "arrow")]
pub use arrow_array;
/// arrow-schema, re-exported for the same reason as [`arrow_array`].
#[cfg(feature = "arrow")]
pub use arrow_schema;
