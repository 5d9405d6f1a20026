use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Whether a channel is used online or face to face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Email, messages, replies, likes, calls.
    Online,
    /// Meetings and events.
    Offline,
}

impl Mode {
    /// The lowercase name, as in files (`"online"`, `"offline"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Online => "online",
            Mode::Offline => "offline",
        }
    }
}

/// The kind of contact a channel carries, from richest to poorest.
///
/// Multiplexity counts the first four classes; the online-only cap is lifted
/// by a meaningful interaction of class `Offline` or `Synchronous`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelClass {
    /// Face to face.
    Offline,
    /// Live voice or video.
    Synchronous,
    /// Composed private text: email, direct messages.
    PrivateWritten,
    /// Public text aimed at the person: replies, comments, mentions.
    PublicDirected,
    /// One to many: newsletters, mass pitches.
    Broadcast,
    /// One click: likes, reposts.
    OneClick,
}

impl ChannelClass {
    /// All classes, in order.
    pub const ALL: [ChannelClass; 6] = [
        ChannelClass::Offline,
        ChannelClass::Synchronous,
        ChannelClass::PrivateWritten,
        ChannelClass::PublicDirected,
        ChannelClass::Broadcast,
        ChannelClass::OneClick,
    ];

    /// The snake_case name, as in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelClass::Offline => "offline",
            ChannelClass::Synchronous => "synchronous",
            ChannelClass::PrivateWritten => "private_written",
            ChannelClass::PublicDirected => "public_directed",
            ChannelClass::Broadcast => "broadcast",
            ChannelClass::OneClick => "one_click",
        }
    }

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Index of a channel in a graph's catalogue. The nine built-in channels
/// have the same ids in every graph, in the order of [`Channel::builtin`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChannelId(pub(crate) u16);

impl ChannelId {
    /// The id as an index into [`RelationshipGraph::channels`](crate::RelationshipGraph::channels).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A channel of contact with its place in the scoring model.
///
/// ```
/// use tiegraph::{Channel, ChannelClass, Mode};
/// let podcast = Channel::new("podcast_guest", Mode::Online, ChannelClass::Synchronous, 0.7)
///     .mutual(true)
///     .typical_duration(45.0 * 60.0);
/// assert_eq!(podcast.typical_duration, Some(2700.0));
/// let email = &Channel::builtin()[4];
/// assert_eq!((email.name.as_str(), email.weight, email.mutual), ("email", 0.30, false));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// Unique name, as used in interactions (`"email"`).
    pub name: String,
    /// Online or offline.
    pub mode: Mode,
    /// Class, for multiplexity and the online-only cap.
    pub class: ChannelClass,
    /// Weight w_c of one interaction of typical length.
    pub weight: f64,
    /// A mutual channel counts for both sides whoever logged it.
    pub mutual: bool,
    /// Typical duration in seconds; interactions with a duration are scaled
    /// by clamp(√(d / typical), 0.5, 2) when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical_duration: Option<f64>,
}

impl Channel {
    /// A non-mutual channel without typical duration.
    pub fn new(name: impl Into<String>, mode: Mode, class: ChannelClass, weight: f64) -> Channel {
        Channel {
            name: name.into(),
            mode,
            class,
            weight,
            mutual: false,
            typical_duration: None,
        }
    }

    /// Sets whether the channel counts for both sides.
    pub fn mutual(mut self, mutual: bool) -> Channel {
        self.mutual = mutual;
        self
    }

    /// Sets the typical duration, in seconds.
    pub fn typical_duration(mut self, seconds: f64) -> Channel {
        self.typical_duration = Some(seconds);
        self
    }

    /// The nine built-in channels of the default model, in id order:
    /// `in_person`, `event`, `video_call`, `phone_call`, `email`,
    /// `direct_message`, `public_reply`, `broadcast`, `reaction`.
    pub fn builtin() -> Vec<Channel> {
        use ChannelClass as C;
        use Mode::{Offline, Online};
        vec![
            Channel::new("in_person", Offline, C::Offline, 1.00)
                .mutual(true)
                .typical_duration(3600.0),
            Channel::new("event", Offline, C::Offline, 0.40).mutual(true),
            Channel::new("video_call", Online, C::Synchronous, 0.80)
                .mutual(true)
                .typical_duration(1800.0),
            Channel::new("phone_call", Online, C::Synchronous, 0.60)
                .mutual(true)
                .typical_duration(900.0),
            Channel::new("email", Online, C::PrivateWritten, 0.30),
            Channel::new("direct_message", Online, C::PrivateWritten, 0.30),
            Channel::new("public_reply", Online, C::PublicDirected, 0.15),
            Channel::new("broadcast", Online, C::Broadcast, 0.05),
            Channel::new("reaction", Online, C::OneClick, 0.03),
        ]
    }

    pub(crate) fn validate(&self) -> Result<()> {
        let bad = |reason: &str| {
            Err(Error::InvalidChannel {
                name: self.name.clone(),
                reason: reason.to_string(),
            })
        };
        if self.name.is_empty() {
            return bad("the name is empty");
        }
        if !(self.weight.is_finite() && self.weight >= 0.0) {
            return bad("the weight must be finite and >= 0");
        }
        if let Some(d) = self.typical_duration {
            if !(d.is_finite() && d > 0.0) {
                return bad("the typical duration must be finite and > 0 seconds");
            }
        }
        if (self.class == ChannelClass::Offline) != (self.mode == Mode::Offline) {
            return bad("class offline goes with mode offline, and only with it");
        }
        Ok(())
    }
}

/// The channels a graph knows: the built-in ones, then the registered ones.
#[derive(Debug, Clone)]
pub(crate) struct Channels {
    list: Vec<Channel>,
    /// Name → id, for bulk loads that resolve a name per row: the first
    /// names (the built-in ones and a few more) by position, then all.
    few: crate::keys::FewNames,
    by_name: crate::keys::KeyIndex<u16>,
}

/// Number of built-in channels; registered channels get ids from here on.
pub(crate) const BUILTIN_CHANNELS: usize = 9;

impl Default for Channels {
    fn default() -> Self {
        let list = Channel::builtin();
        let mut few = crate::keys::FewNames::default();
        let mut by_name = crate::keys::KeyIndex::default();
        for (i, c) in list.iter().enumerate() {
            few.push(&c.name);
            by_name.insert(&c.name, i as u16);
        }
        Channels { list, few, by_name }
    }
}

impl Channels {
    pub(crate) fn all(&self) -> &[Channel] {
        &self.list
    }

    pub(crate) fn registered(&self) -> &[Channel] {
        &self.list[BUILTIN_CHANNELS..]
    }

    pub(crate) fn get(&self, id: ChannelId) -> &Channel {
        &self.list[id.index()]
    }

    #[inline]
    pub(crate) fn id(&self, name: &str) -> Result<ChannelId> {
        match self.few.position(name) {
            Some(i) => Ok(ChannelId(i as u16)),
            None => self.id_by_hash(name),
        }
    }

    /// [`id`](Self::id) of a name whose pack the caller made.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn id_packed(&self, packed: crate::keys::Packed, name: &str) -> Result<ChannelId> {
        match self.few.position_packed(packed) {
            Some(i) => Ok(ChannelId(i as u16)),
            None => self.id_by_hash(name),
        }
    }

    /// The id of a name whose pack the caller made, when it is one of the
    /// first few names; `None` says nothing of the rest.
    #[cfg(feature = "arrow")]
    #[inline]
    pub(crate) fn few_id(&self, packed: crate::keys::Packed) -> Option<ChannelId> {
        self.few.position_packed(packed).map(|i| ChannelId(i as u16))
    }

    /// [`id`](Self::id) of a name past the first few, long, or unknown.
    #[inline(never)]
    fn id_by_hash(&self, name: &str) -> Result<ChannelId> {
        match self.by_name.get(name) {
            Some(i) => Ok(ChannelId(i)),
            None => Err(Error::UnknownChannel {
                name: name.to_string(),
                known: self.list.iter().map(|c| c.name.clone()).collect(),
            }),
        }
    }

    /// Registers a channel; registering the same definition again is a no-op.
    pub(crate) fn register(&mut self, channel: Channel) -> Result<ChannelId> {
        channel.validate()?;
        if let Some(i) = self.list.iter().position(|c| c.name == channel.name) {
            if self.list[i] == channel {
                return Ok(ChannelId(i as u16));
            }
            return Err(Error::InvalidChannel {
                name: channel.name,
                reason: "a different channel with this name is already registered".into(),
            });
        }
        if self.list.len() > u16::MAX as usize {
            return Err(Error::InvalidChannel {
                name: channel.name,
                reason: "too many channels (at most 65,536)".into(),
            });
        }
        let id = self.list.len() as u16;
        self.few.push(&channel.name);
        self.by_name.insert(&channel.name, id);
        self.list.push(channel);
        Ok(ChannelId(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names are found by position among the first sixteen and by hash
    /// after them; long names (not packed) and unknown names too.
    #[test]
    fn every_registered_name_resolves_to_its_id_past_the_first_sixteen() {
        let mut channels = Channels::default();
        let names: Vec<String> = (0..12)
            .map(|i| match i % 3 {
                0 => format!("c{i}"),
                1 => format!("a channel name too long to pack {i}"),
                _ => format!("fifteen-bytes{i:02}"),
            })
            .collect();
        for name in &names {
            channels
                .register(Channel::new(
                    name.clone(),
                    Mode::Online,
                    ChannelClass::PrivateWritten,
                    1.0,
                ))
                .expect("valid");
        }
        assert!(channels.all().len() > crate::keys::FewNames::MAX);
        for (i, c) in channels.all().iter().enumerate() {
            assert_eq!(channels.id(&c.name).expect("known").0 as usize, i, "{}", c.name);
        }
        for unknown in [
            "",
            "c",
            "c00",
            "fifteen-bytes0",
            "a channel name too long to pack",
        ] {
            assert!(
                matches!(channels.id(unknown), Err(Error::UnknownChannel { .. })),
                "{unknown:?}"
            );
        }
    }
}
