//! The tie-strength model: [`ScoringModel`], [`Strength`], views, explanations.
//!
//! Every query takes the date it is asked `as_of`; nothing here reads a clock.

mod calibrate;
mod eval;
mod explain;
mod model;
mod strength;
mod view;

use chrono::{DateTime, TimeDelta, Utc};

pub use calibrate::{Fit, FitOptions, Label, roc_auc};
pub(crate) use explain::ago;
pub use explain::{Contact, Explanation};
pub use model::{ScoringModel, Weights};
pub use strength::{Components, Effort, Side, State, Strength};
pub(crate) use view::SCORE_PIECE;
pub use view::{GraphView, TieFilter, TieScore, View};

use crate::error::Result;
use crate::graph::RelationshipGraph;

/// The scoring queries on the whole graph with the graph's model; each is
/// [`GraphView`]'s method of the same name on [`RelationshipGraph::full_view`].
impl RelationshipGraph {
    /// The strength of the relationship between `a` and `b` as of a date.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{Interaction, RelationshipGraph, State};
    /// let mut g = RelationshipGraph::new();
    /// let day = |m, d| Utc.with_ymd_and_hms(2026, m, d, 10, 0, 0).unwrap();
    /// g.add_interaction(Interaction::new("ana", "lee", day(3, 2), "email"))?;
    /// let s = g.strength("ana", "lee", day(3, 10))?;
    /// assert_eq!(s.value, 0.0); // an unanswered pitch
    /// assert!(matches!(s.state, State::OneSided { .. }));
    /// g.add_interaction(Interaction::new("lee", "ana", day(3, 4), "in_person").with_duration(3600.0))?;
    /// let s = g.strength("ana", "lee", day(3, 10))?;
    /// assert_eq!(s.state, State::Active);
    /// assert!(s.value > 0.3 && !s.online_only);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn strength(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Strength> {
        self.full_view().strength(a, b, as_of)
    }

    /// The pair's peak strength and when it was reached.
    pub fn peak(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Option<(f64, DateTime<Utc>)>> {
        self.full_view().peak(a, b, as_of)
    }

    /// The strength counting online interactions only.
    pub fn online_strength(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Strength> {
        self.view(&View::online())?.strength(a, b, as_of)
    }

    /// The strength counting offline interactions only.
    pub fn offline_strength(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Strength> {
        self.view(&View::offline())?.strength(a, b, as_of)
    }

    /// The strength with the interactions behind it, in plain words.
    pub fn explain(&self, a: &str, b: &str, as_of: DateTime<Utc>) -> Result<Explanation> {
        self.full_view().explain(a, b, as_of)
    }

    /// Every tie with its strength, in key order.
    pub fn ties(&self, as_of: DateTime<Utc>) -> Result<Vec<TieScore<'_>>> {
        self.full_view().ties(as_of)
    }

    /// [`ties`](Self::ties) with a filter.
    pub fn ties_with(&self, as_of: DateTime<Utc>, filter: &TieFilter) -> Result<Vec<TieScore<'_>>> {
        self.full_view().ties_with(as_of, filter)
    }

    /// The strength series between two people.
    pub fn timeline(
        &self,
        a: &str,
        b: &str,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        step: TimeDelta,
    ) -> Result<Vec<(DateTime<Utc>, f64)>> {
        self.full_view().timeline(a, b, start, end, step)
    }
}
