//! The parameters of the tie-strength model.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The weights ω of the seven features (and the optional structural one).
///
/// Only their ratios matter: strength divides by their sum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// ω_R, recency of two-way contact.
    pub recency: f64,
    /// ω_I, intensity.
    pub intensity: f64,
    /// ω_D, duration of the relationship.
    pub duration: f64,
    /// ω_F, regularity.
    pub regularity: f64,
    /// ω_B, reciprocity.
    pub reciprocity: f64,
    /// ω_M, multiplexity.
    pub multiplexity: f64,
    /// ω_K, declared connection.
    pub connection: f64,
    /// ω_S, structural overlap; counts only when
    /// [`ScoringModel::structural`] is on.
    pub structural: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            recency: 0.25,
            intensity: 0.25,
            duration: 0.15,
            regularity: 0.10,
            reciprocity: 0.10,
            multiplexity: 0.10,
            connection: 0.05,
            structural: 0.05,
        }
    }
}

impl Weights {
    /// The weights in component order R, I, D, F, B, M, K, S.
    pub fn to_array(&self) -> [f64; 8] {
        [
            self.recency,
            self.intensity,
            self.duration,
            self.regularity,
            self.reciprocity,
            self.multiplexity,
            self.connection,
            self.structural,
        ]
    }

    /// Weights from an array in component order R, I, D, F, B, M, K, S.
    pub fn from_array(w: [f64; 8]) -> Weights {
        Weights {
            recency: w[0],
            intensity: w[1],
            duration: w[2],
            regularity: w[3],
            reciprocity: w[4],
            multiplexity: w[5],
            connection: w[6],
            structural: w[7],
        }
    }
}

/// The tie-strength model: every number of the default model, which
/// [`ScoringModel::default`] sets to the evidence-based values.
///
/// Channel weights and typical durations belong to the graph's channel
/// catalogue ([`Channel`](crate::Channel)), not to the model.
///
/// ```
/// use tiegraph::ScoringModel;
/// let m = ScoringModel::default();
/// assert_eq!((m.recency_half_life_days, m.weights.recency), (90.0, 0.25));
/// let json = serde_json::to_string(&m).unwrap();
/// let back: ScoringModel = serde_json::from_str(&json).unwrap();
/// assert_eq!(back, m);
/// // Parameters not given keep their defaults.
/// let faster: ScoringModel = serde_json::from_str(r#"{"recency_half_life_days": 30}"#).unwrap();
/// assert_eq!((faster.recency_half_life_days, faster.intensity_scale), (30.0, 3.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringModel {
    /// h_R: half-life of recency, in days (90).
    pub recency_half_life_days: f64,
    /// h_I: half-life of an interaction's contribution to intensity, in days (180).
    pub intensity_half_life_days: f64,
    /// κ: intensity scale (3).
    pub intensity_scale: f64,
    /// τ_D: time scale of the relationship's duration, in days (365).
    pub duration_scale_days: f64,
    /// A: number of recent weeks regularity looks at (52).
    pub regularity_weeks: u32,
    /// L: window of reciprocity and multiplexity, in days (365).
    pub window_days: f64,
    /// An interaction is meaningful when its effective weight is at least this (0.10).
    pub meaningful_threshold: f64,
    /// Lower clamp of the duration gain √(d / d_typ) (0.5).
    pub duration_gain_min: f64,
    /// Upper clamp of the duration gain (2).
    pub duration_gain_max: f64,
    /// Strength cap of two-way pairs that never met or called (0.75).
    pub online_only_cap: f64,
    /// Feature weights ω.
    pub weights: Weights,
    /// Whether the structural overlap S is part of the model (off).
    pub structural: bool,
    /// `Dormant` needs recency below this (0.1)...
    pub dormant_recency: f64,
    /// ...and strength this far below its peak (0.3).
    pub dormant_drop: f64,
    /// `Cooling` compares with the strength this many days earlier (90)...
    pub cooling_lookback_days: f64,
    /// ...and needs a drop of more than this (0.1).
    pub cooling_drop: f64,
}

impl Default for ScoringModel {
    fn default() -> Self {
        ScoringModel {
            recency_half_life_days: 90.0,
            intensity_half_life_days: 180.0,
            intensity_scale: 3.0,
            duration_scale_days: 365.0,
            regularity_weeks: 52,
            window_days: 365.0,
            meaningful_threshold: 0.10,
            duration_gain_min: 0.5,
            duration_gain_max: 2.0,
            online_only_cap: 0.75,
            weights: Weights::default(),
            structural: false,
            dormant_recency: 0.1,
            dormant_drop: 0.3,
            cooling_lookback_days: 90.0,
            cooling_drop: 0.1,
        }
    }
}

impl ScoringModel {
    /// Checks every parameter; every query validates its model first.
    ///
    /// ```
    /// use tiegraph::{Error, ScoringModel};
    /// let m = ScoringModel { intensity_scale: 0.0, ..ScoringModel::default() };
    /// let err = m.validate().unwrap_err();
    /// assert_eq!(err.to_string(), "invalid model parameter intensity_scale: 0 (must be finite and > 0)");
    /// ```
    pub fn validate(&self) -> Result<()> {
        let positive = [
            ("recency_half_life_days", self.recency_half_life_days),
            ("intensity_half_life_days", self.intensity_half_life_days),
            ("intensity_scale", self.intensity_scale),
            ("duration_scale_days", self.duration_scale_days),
            ("window_days", self.window_days),
            ("duration_gain_min", self.duration_gain_min),
            ("duration_gain_max", self.duration_gain_max),
            ("cooling_lookback_days", self.cooling_lookback_days),
        ];
        for (name, v) in positive {
            if !(v.is_finite() && v > 0.0) {
                return Err(invalid(name, v, "must be finite and > 0"));
            }
        }
        let unit = [
            ("meaningful_threshold", self.meaningful_threshold),
            ("online_only_cap", self.online_only_cap),
            ("dormant_recency", self.dormant_recency),
            ("dormant_drop", self.dormant_drop),
            ("cooling_drop", self.cooling_drop),
        ];
        for (name, v) in unit {
            if !(0.0..=1.0).contains(&v) {
                return Err(invalid(name, v, "must be in [0, 1]"));
            }
        }
        if self.regularity_weeks == 0 {
            return Err(invalid("regularity_weeks", 0.0, "must be >= 1"));
        }
        if self.duration_gain_min > self.duration_gain_max {
            return Err(invalid(
                "duration_gain_min",
                self.duration_gain_min,
                "must be <= duration_gain_max",
            ));
        }
        let names = [
            "recency",
            "intensity",
            "duration",
            "regularity",
            "reciprocity",
            "multiplexity",
            "connection",
            "structural",
        ];
        for (name, w) in names.iter().zip(self.weights.to_array()) {
            if !(w.is_finite() && w >= 0.0) {
                return Err(invalid(&format!("weights.{name}"), w, "must be finite and >= 0"));
            }
        }
        if self.weight_sum() <= 0.0 {
            return Err(invalid(
                "weights",
                self.weight_sum(),
                "the enabled weights must not all be 0",
            ));
        }
        Ok(())
    }

    /// Σω over the enabled features.
    pub fn weight_sum(&self) -> f64 {
        let w = self.weights.to_array();
        let n = if self.structural { 8 } else { 7 };
        w[..n].iter().sum()
    }

    /// The largest strength a pair without two-way contact can have: ω_K / Σω.
    ///
    /// ```
    /// let m = tiegraph::ScoringModel::default();
    /// assert!((m.one_sided_bound() - 0.05).abs() < 1e-15);
    /// ```
    pub fn one_sided_bound(&self) -> f64 {
        self.weights.connection / self.weight_sum()
    }
}

fn invalid(name: &str, value: f64, reason: &str) -> Error {
    Error::InvalidParameter {
        parameter: name.to_string(),
        value,
        reason: reason.to_string(),
    }
}
