//! Group events: expanded into pairwise interactions with the group dilution.

use super::ingest::ChannelRef;
use super::{EventRecord, Fields, NO_DURATION, RelationshipGraph, Row, check_key, secs, time};
use crate::error::{Error, Result};
use crate::model::{ChannelId, GroupEvent, PersonId};

impl RelationshipGraph {
    /// Adds a group event: one interaction per pair of participants, each
    /// with multiplier `weight / √(n − 1)`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{GroupEvent, RelationshipGraph};
    /// let mut g = RelationshipGraph::new();
    /// let at = Utc.with_ymd_and_hms(2026, 6, 12, 19, 0, 0).unwrap();
    /// g.add_event(GroupEvent::new(["lee", "ana", "sam", "bo", "kim"], at))?;
    /// assert_eq!((g.tie_count(), g.interaction_count()), (10, 10));
    /// let w = g.tie("ana", "lee")?.interactions().next().unwrap().weight;
    /// assert_eq!(w, 0.5); // 1 / √(5 − 1)
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn add_event(&mut self, event: GroupEvent) -> Result<()> {
        let invalid = |reason: String| Error::InvalidEvent {
            name: event.name.clone(),
            reason,
        };
        let n = event.participants.len();
        if n < 2 {
            return Err(invalid(format!("it needs at least two participants, got {n}")));
        }
        for (i, p) in event.participants.iter().enumerate() {
            check_key(p, "participants")?;
            if event.participants[..i].contains(p) {
                return Err(invalid(format!("{p:?} is listed twice")));
            }
        }
        let mult = event.weight / ((n - 1) as f64).sqrt();
        let template = Row {
            src: &event.participants[0],
            dst: &event.participants[1],
            t: secs(event.at),
            channel: ChannelRef::Name(&event.channel),
            duration: event.duration,
            weight: event.weight,
        };
        let (_, _, rec) = template.validate(self, &Fields::event())?;
        let ids: Vec<PersonId> = event.participants.iter().map(|p| self.intern(p)).collect();
        for (i, &x) in ids.iter().enumerate() {
            for &y in &ids[i + 1..] {
                let (a, b, side) = self.orient(x, y);
                self.tie_mut_or_new(a, b)
                    .insert(rec.with_side(side).with_mult(mult));
            }
        }
        self.interaction_count += n * (n - 1) / 2;
        self.events.push(EventRecord {
            name: event.name,
            t: rec.t(),
            ch: rec.ch(),
            dur: rec.dur,
            weight: event.weight,
            participants: ids,
        });
        Ok(())
    }

    /// The group events added so far, in time order, then by name.
    pub fn events(&self) -> Vec<GroupEvent> {
        let mut out: Vec<GroupEvent> = self.events.iter().map(|e| self.event_out(e)).collect();
        out.sort_by(|x, y| {
            (x.at, &x.name, &x.channel, &x.participants)
                .cmp(&(y.at, &y.name, &y.channel, &y.participants))
                .then(x.weight.total_cmp(&y.weight))
                .then_with(|| match (x.duration, y.duration) {
                    (Some(dx), Some(dy)) => dx.total_cmp(&dy),
                    (dx, dy) => dx.is_some().cmp(&dy.is_some()),
                })
        });
        out
    }

    pub(crate) fn event_out(&self, e: &EventRecord) -> GroupEvent {
        GroupEvent {
            participants: e.participants.iter().map(|&p| self.key(p).to_string()).collect(),
            at: time(e.t),
            channel: self.channels.get(ChannelId(e.ch)).name.clone(),
            duration: (e.dur != NO_DURATION).then_some(f64::from(e.dur)),
            weight: e.weight,
            name: e.name.clone(),
        }
    }
}
