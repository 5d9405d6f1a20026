//! What a score says: [`Strength`], its [`Components`] and the tie's [`State`].

use serde::{Deserialize, Serialize};

use super::eval::{B, D, Eval, F, I, K, M, R, S};

/// The seven features of the model (and S when enabled), each in [0, 1],
/// or their weighted contributions ω_k·f_k / Σω.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Components {
    /// R: recency of two-way contact.
    pub recency: f64,
    /// I: intensity.
    pub intensity: f64,
    /// D: duration of the relationship.
    pub duration: f64,
    /// F: regularity.
    pub regularity: f64,
    /// B: reciprocity.
    pub reciprocity: f64,
    /// M: multiplexity.
    pub multiplexity: f64,
    /// K: declared connection.
    pub connection: f64,
    /// S: structural overlap, `None` when the model has it off.
    pub structural: Option<f64>,
}

impl Components {
    pub(crate) fn from_array(f: [f64; 8], structural: bool) -> Components {
        Components {
            recency: f[R],
            intensity: f[I],
            duration: f[D],
            regularity: f[F],
            reciprocity: f[B],
            multiplexity: f[M],
            connection: f[K],
            structural: structural.then_some(f[S]),
        }
    }

    /// The values with their names, in model order (S last, when present).
    ///
    /// ```
    /// let c = tiegraph::Components { recency: 0.5, ..Default::default() };
    /// assert_eq!(c.named()[0], ("recency", 0.5));
    /// assert_eq!(c.named().len(), 7);
    /// ```
    pub fn named(&self) -> Vec<(&'static str, f64)> {
        let mut v = vec![
            ("recency", self.recency),
            ("intensity", self.intensity),
            ("duration", self.duration),
            ("regularity", self.regularity),
            ("reciprocity", self.reciprocity),
            ("multiplexity", self.multiplexity),
            ("connection", self.connection),
        ];
        if let Some(s) = self.structural {
            v.push(("structural", s));
        }
        v
    }
}

/// Where a relationship stands, for recommendations: the first rule of the
/// model's ordered list that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Two-way, not in contact for a long time, far below its peak.
    Dormant,
    /// Two-way, and clearly weaker than it was a few months ago.
    Cooling,
    /// Two-way.
    Active,
    /// Meaningful interactions from one side only.
    OneSided {
        /// The side that reached out, in the order the pair was asked for.
        from: Side,
    },
    /// Interactions, none of them meaningful (likes, broadcasts, big groups).
    Passive,
    /// A declared connection and nothing else.
    Connected,
    /// Nothing at or before the date.
    None,
}

impl State {
    /// The snake_case name (`"one_sided"` for [`State::OneSided`]).
    pub fn name(&self) -> &'static str {
        match self {
            State::Dormant => "dormant",
            State::Cooling => "cooling",
            State::Active => "active",
            State::OneSided { .. } => "one_sided",
            State::Passive => "passive",
            State::Connected => "connected",
            State::None => "none",
        }
    }
}

/// One side of a pair, in the order the pair was asked for (or `a`/`b` of a
/// [`TieScore`](crate::TieScore)): never a graph-internal id, so that results
/// compare equal across graphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first person.
    A,
    /// The second person.
    B,
}

/// How much each side put in: the decayed intensity sums S_a and S_b, in the
/// order the pair was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Effort {
    /// S of the first person asked for.
    pub a: f64,
    /// S of the second.
    pub b: f64,
}

/// The strength of one relationship at one date, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Strength {
    /// In [0, 1].
    pub value: f64,
    /// The features.
    pub components: Components,
    /// ω_k·f_k / Σω per feature: they sum to the value before the cap
    /// (only K contributes when the pair has no two-way contact).
    pub contributions: Components,
    /// Where the relationship stands.
    pub state: State,
    /// The highest strength at the times of the pair's meaningful
    /// interactions and at the date. Set by [`explain`](crate::GraphView::explain),
    /// by bulk queries asked `with_peak`, and whenever the `Dormant` rule
    /// needed it; [`peak`](crate::GraphView::peak) gives it with its time.
    /// (It costs one more sweep over the tie, so plain queries skip it.)
    pub peak: Option<f64>,
    /// What each side put in.
    pub effort: Effort,
    /// Both sides have a meaningful interaction at or before the date.
    pub two_way: bool,
    /// Two-way but never met or called (meaningfully).
    pub online_only: bool,
    /// The online-only cap lowered the value.
    pub capped: bool,
}

impl Strength {
    pub(crate) fn from_eval(ev: &Eval, structural: bool, w: &[f64; 8], w_sum: f64, swap: bool) -> Strength {
        let mut contrib = [0.0; 8];
        if ev.acc.two_way() {
            for k in 0..8 {
                contrib[k] = w[k] * ev.f[k] / w_sum;
            }
        } else {
            contrib[K] = w[K] * ev.f[K] / w_sum;
        }
        let (a, b) = if swap {
            (ev.acc.s[1], ev.acc.s[0])
        } else {
            (ev.acc.s[0], ev.acc.s[1])
        };
        Strength {
            value: ev.value,
            components: Components::from_array(ev.f, structural),
            contributions: Components::from_array(contrib, structural),
            state: State::None,
            peak: None,
            effort: Effort { a, b },
            two_way: ev.acc.two_way(),
            online_only: ev.online_only,
            capped: ev.capped,
        }
    }
}
