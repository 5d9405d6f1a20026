use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One contact between two people: who started it, when, on which channel.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::Interaction;
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap();
/// let call = Interaction::new("ana@agency.example", "lee@daily.example", at, "phone_call")
///     .with_duration(20.0 * 60.0);
/// assert_eq!(call.duration, Some(1200.0));
/// assert_eq!(call.weight, 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    /// Key of the person who initiated it.
    pub src: String,
    /// Key of the other party.
    pub dst: String,
    /// When it happened (stored at one-second resolution).
    pub at: DateTime<Utc>,
    /// Channel name, built in or registered.
    pub channel: String,
    /// Length in seconds, when known (stored in whole seconds, rounded to
    /// the nearest, like times: exact, and the same in every implementation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    /// Weight multiplier m, finite and >= 0 (default 1).
    #[serde(default = "one")]
    pub weight: f64,
}

/// One stored interaction, borrowed from its graph: an [`Interaction`]'s
/// fields, with the keys and the channel's name as the graph holds them
/// rather than copies. [`Tie::interaction_refs`](crate::Tie::interaction_refs)
/// gives them; reading a large graph through them allocates nothing per
/// interaction.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::{Interaction, RelationshipGraph};
/// let mut g = RelationshipGraph::new();
/// let at = Utc.with_ymd_and_hms(2026, 3, 2, 10, 0, 0).unwrap();
/// let call = Interaction::new("lee", "ana", at, "phone_call").with_duration(600.0);
/// g.add_interaction(call.clone())?;
/// let tie = g.tie("ana", "lee")?;
/// let first = tie.interaction_refs().next().unwrap();
/// assert_eq!((first.src, first.dst, first.channel), ("lee", "ana", "phone_call"));
/// assert_eq!(Interaction::from(first), call);
/// # Ok::<(), tiegraph::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InteractionRef<'g> {
    /// Key of the person who initiated it.
    pub src: &'g str,
    /// Key of the other party.
    pub dst: &'g str,
    /// When it happened (stored at one-second resolution).
    pub at: DateTime<Utc>,
    /// Channel name.
    pub channel: &'g str,
    /// Length in seconds, when known.
    pub duration: Option<f64>,
    /// Weight multiplier m.
    pub weight: f64,
}

impl From<InteractionRef<'_>> for Interaction {
    fn from(r: InteractionRef<'_>) -> Interaction {
        Interaction {
            src: r.src.to_string(),
            dst: r.dst.to_string(),
            at: r.at,
            channel: r.channel.to_string(),
            duration: r.duration,
            weight: r.weight,
        }
    }
}

fn one() -> f64 {
    1.0
}

impl Interaction {
    /// An interaction without duration, with weight multiplier 1.
    pub fn new(
        src: impl Into<String>,
        dst: impl Into<String>,
        at: DateTime<Utc>,
        channel: impl Into<String>,
    ) -> Interaction {
        Interaction {
            src: src.into(),
            dst: dst.into(),
            at,
            channel: channel.into(),
            duration: None,
            weight: 1.0,
        }
    }

    /// Sets the duration, in seconds.
    pub fn with_duration(mut self, seconds: f64) -> Interaction {
        self.duration = Some(seconds);
        self
    }

    /// Sets the weight multiplier.
    pub fn with_weight(mut self, weight: f64) -> Interaction {
        self.weight = weight;
        self
    }
}

/// The kind of a declared platform link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConnectionKind {
    /// Both agreed (Facebook friends, LinkedIn connection).
    Mutual,
    /// `a` follows `b`.
    Follows,
}

impl ConnectionKind {
    /// The lowercase name, as in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionKind::Mutual => "mutual",
            ConnectionKind::Follows => "follows",
        }
    }
}

/// A declared link on a platform, as opposed to an interaction.
///
/// ```
/// use tiegraph::{Connection, ConnectionKind};
/// let c = Connection::follows("ana", "lee", "x");
/// assert_eq!(c.kind, ConnectionKind::Follows);
/// let f = Connection::mutual("ana", "lee", "linkedin");
/// assert_eq!(f.since, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// One person (the follower for [`ConnectionKind::Follows`]).
    pub a: String,
    /// The other (the followed).
    pub b: String,
    /// Platform name (`"facebook"`, `"x"`); never empty.
    pub platform: String,
    /// Mutual or one-way.
    pub kind: ConnectionKind,
    /// Since when, if known; a link without `since` counts at any date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<DateTime<Utc>>,
}

impl Connection {
    /// A mutual link with no `since`.
    pub fn mutual(a: impl Into<String>, b: impl Into<String>, platform: impl Into<String>) -> Connection {
        Connection {
            a: a.into(),
            b: b.into(),
            platform: platform.into(),
            kind: ConnectionKind::Mutual,
            since: None,
        }
    }

    /// `a` follows `b`, with no `since`.
    pub fn follows(a: impl Into<String>, b: impl Into<String>, platform: impl Into<String>) -> Connection {
        Connection {
            kind: ConnectionKind::Follows,
            ..Connection::mutual(a, b, platform)
        }
    }

    /// Sets since when the link exists.
    pub fn since(mut self, since: DateTime<Utc>) -> Connection {
        self.since = Some(since);
        self
    }
}

/// Many people at one time and place: a dinner, a conference, a send-off.
///
/// Added to a graph, it becomes one interaction per pair of participants on
/// its channel, each with multiplier `weight / √(n − 1)`; the pair's first
/// listed participant is the initiator.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use tiegraph::GroupEvent;
/// let at = Utc.with_ymd_and_hms(2026, 6, 12, 19, 0, 0).unwrap();
/// let party = GroupEvent::new(["lee", "ana", "sam"], at).with_name("Lee's send-off");
/// assert_eq!(party.channel, "event");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupEvent {
    /// Keys of the people there; at least two, no repeats.
    pub participants: Vec<String>,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Channel of the pairwise interactions (default `"event"`).
    pub channel: String,
    /// Length in seconds, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    /// Weight multiplier before group dilution (default 1).
    #[serde(default = "one")]
    pub weight: f64,
    /// A name to show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl GroupEvent {
    /// An event on channel `event`, without duration or name.
    pub fn new<I, S>(participants: I, at: DateTime<Utc>) -> GroupEvent
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        GroupEvent {
            participants: participants.into_iter().map(Into::into).collect(),
            at,
            channel: "event".to_string(),
            duration: None,
            weight: 1.0,
            name: None,
        }
    }

    /// Sets the channel.
    pub fn with_channel(mut self, channel: impl Into<String>) -> GroupEvent {
        self.channel = channel.into();
        self
    }

    /// Sets the duration, in seconds.
    pub fn with_duration(mut self, seconds: f64) -> GroupEvent {
        self.duration = Some(seconds);
        self
    }

    /// Sets the weight multiplier before dilution.
    pub fn with_weight(mut self, weight: f64) -> GroupEvent {
        self.weight = weight;
        self
    }

    /// Sets the name.
    pub fn with_name(mut self, name: impl Into<String>) -> GroupEvent {
        self.name = Some(name.into());
        self
    }
}
