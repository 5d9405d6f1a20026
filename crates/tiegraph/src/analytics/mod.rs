//! The questions users ask of a relationship graph: strongest ties, who to
//! meet in person, who to reconnect with, who can introduce whom, layers,
//! brokers, communities, suggestions, offline lift.
//!
//! Every function takes `as_of`, runs on any [`GraphView`](crate::GraphView)
//! (so on a time window, a mode or a channel set unchanged), breaks ties by
//! person key, and says why in words a person can read.

mod brokers;
mod communities;
mod paths;
mod suggest;
mod weighted;

pub use brokers::{Brokerage, Contributor};
pub use communities::Communities;
pub use paths::IntroductionPath;
pub use suggest::{SuggestMethod, Suggestion};
pub use weighted::StrengthGraph;
