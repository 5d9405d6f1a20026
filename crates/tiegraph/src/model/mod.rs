//! The domain model: people, channels, interactions, connections and group events.

mod channel;
mod interaction;
mod person;

pub(crate) use channel::Channels;
pub use channel::{Channel, ChannelClass, ChannelId, Mode};
pub use interaction::{Connection, ConnectionKind, GroupEvent, Interaction, InteractionRef};
pub use person::{Person, PersonId};
