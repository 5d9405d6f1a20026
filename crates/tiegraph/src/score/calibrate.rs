//! Calibration: feature weights fitted to labelled pairs, and ROC AUC.

use chrono::{DateTime, Utc};
use rayon::prelude::*;

use crate::error::{Error, Result};

use super::eval::K;
use super::model::{ScoringModel, Weights};
use super::view::GraphView;

/// ROC AUC of scores against binary labels: the probability that a random
/// positive scores above a random negative, ties counting one half.
/// `None` when there are no positives or no negatives.
///
/// ```
/// use tiegraph::roc_auc;
/// assert_eq!(roc_auc(&[(0.9, true), (0.1, false), (0.5, true), (0.5, false)]), Some(0.875));
/// assert_eq!(roc_auc(&[(0.9, true)]), None);
/// ```
pub fn roc_auc(scored: &[(f64, bool)]) -> Option<f64> {
    let mut v: Vec<(f64, bool)> = scored.to_vec();
    v.sort_by(|x, y| x.0.total_cmp(&y.0));
    let (mut rank_sum, mut pos) = (0.0, 0usize);
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j < v.len() && v[j].0 == v[i].0 {
            j += 1;
        }
        // average rank (1-based) of the tied block
        let rank = (i + 1 + j) as f64 / 2.0;
        for x in &v[i..j] {
            if x.1 {
                rank_sum += rank;
                pos += 1;
            }
        }
        i = j;
    }
    let neg = v.len() - pos;
    if pos == 0 || neg == 0 {
        return None;
    }
    let (p, n) = (pos as f64, neg as f64);
    Some((rank_sum - p * (p + 1.0) / 2.0) / (p * n))
}

/// A labelled pair for [`ScoringModel::fit`]: two keys and how strong the
/// tie is known to be (1 strong, 0 weak, or anything between).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// One person.
    pub a: String,
    /// The other.
    pub b: String,
    /// In [0, 1].
    pub strength: f64,
}

impl Label {
    /// A labelled pair.
    pub fn new(a: impl Into<String>, b: impl Into<String>, strength: f64) -> Label {
        Label {
            a: a.into(),
            b: b.into(),
            strength,
        }
    }
}

/// How [`ScoringModel::fit`] fits.
#[derive(Debug, Clone, PartialEq)]
pub struct FitOptions {
    /// Number of cross-validation folds (people are split into this many groups).
    pub folds: usize,
    /// L2 penalty on the feature weights (per labelled pair).
    pub l2: f64,
    /// Seed of the split of people into folds.
    pub seed: u64,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            folds: 5,
            l2: 1e-3,
            seed: 7,
        }
    }
}

/// The outcome of [`ScoringModel::fit`].
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The model with the fitted weights (normalised to sum to 1), every
    /// other parameter as in the starting model.
    pub model: ScoringModel,
    /// The logistic intercept of the fit on all pairs.
    pub intercept: f64,
    /// ROC AUC of the fitted strength on held-out pairs, pooled over the
    /// folds (labels at or above 0.5 count as strong); `None` when a fold
    /// lacked strong or weak pairs.
    pub cv_auc: Option<f64>,
    /// ROC AUC of the starting model's strength on the same pairs.
    pub base_auc: Option<f64>,
}

impl ScoringModel {
    /// Fits non-negative feature weights to labelled pairs by L2-regularised
    /// logistic regression on the model's features at `as_of`, and measures
    /// the fitted model by k-fold cross-validation grouped by person: the
    /// people are split into folds, a pair is held out with the fold of its
    /// first-placed person, and the model of that fold is fitted on pairs
    /// that involve no one of the fold.
    ///
    /// Features of pairs without two-way contact are zero except K, as in
    /// the model, so the fitted weights plug straight into it.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use tiegraph::{FitOptions, Interaction, Label, RelationshipGraph, ScoringModel};
    /// let mut g = RelationshipGraph::new();
    /// let day = |d| Utc.with_ymd_and_hms(2026, 1, d, 10, 0, 0).unwrap();
    /// let mut labels = Vec::new();
    /// for i in 0..40u32 {
    ///     let (a, b) = (format!("p{i}"), format!("q{i}"));
    ///     // strong pairs met; weak pairs only emailed one way
    ///     let channel = if i % 2 == 0 { "in_person" } else { "email" };
    ///     g.add_interaction(Interaction::new(&a, &b, day(1 + i % 20), channel))?;
    ///     labels.push(Label::new(a, b, f64::from(i % 2 == 0)));
    /// }
    /// let fit = ScoringModel::default().fit(&g.full_view(), &labels, day(28), &FitOptions::default())?;
    /// assert_eq!(fit.cv_auc, Some(1.0));
    /// assert!((fit.model.weight_sum() - 1.0).abs() < 1e-12);
    /// # Ok::<(), tiegraph::Error>(())
    /// ```
    pub fn fit(
        &self,
        view: &GraphView<'_>,
        labels: &[Label],
        as_of: DateTime<Utc>,
        options: &FitOptions,
    ) -> Result<Fit> {
        self.validate()?;
        let view = view.clone().with_model(self.clone())?;
        if options.folds < 2 {
            return Err(Error::Fit {
                reason: format!("at least 2 folds are needed, got {}", options.folds),
            });
        }
        if !(options.l2.is_finite() && options.l2 >= 0.0) {
            return Err(Error::Fit {
                reason: format!("l2 must be finite and >= 0, got {}", options.l2),
            });
        }
        let mut rows = Vec::with_capacity(labels.len());
        for (i, l) in labels.iter().enumerate() {
            if !(0.0..=1.0).contains(&l.strength) {
                return Err(Error::Fit {
                    reason: format!(
                        "label {i} ({:?}, {:?}) is {}, not in [0, 1]",
                        l.a, l.b, l.strength
                    ),
                });
            }
            let s = view
                .strength(&l.a, &l.b, as_of)
                .map_err(|e| e.at_row(i as u64, None))?;
            let mut x = [0.0; 8];
            for (k, (_, v)) in s.components.named().into_iter().enumerate() {
                x[k] = v;
            }
            if !s.two_way {
                x = [0.0; 8];
                x[K] = s.components.connection;
            }
            rows.push(Sample {
                x,
                y: l.strength,
                online_only: s.online_only,
                base: s.value,
            });
        }
        let n_feat = if self.structural { 8 } else { 7 };
        let positives = rows.iter().filter(|r| r.y >= 0.5).count();
        if positives == 0 || positives == rows.len() {
            return Err(Error::Fit {
                reason: "the labels need both strong (>= 0.5) and weak pairs".into(),
            });
        }
        // people into folds: key order, then a seeded shuffle
        let mut people: Vec<&str> = labels.iter().flat_map(|l| [l.a.as_str(), l.b.as_str()]).collect();
        people.sort_unstable();
        people.dedup();
        let mut rng = options.seed ^ 0x9E37_79B9_7F4A_7C15;
        for i in (1..people.len()).rev() {
            rng = splitmix(rng);
            people.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let fold_of = |key: &str| people.iter().position(|p| *p == key).unwrap_or(0) % options.folds;
        let pair_folds: Vec<(usize, usize)> = labels.iter().map(|l| (fold_of(&l.a), fold_of(&l.b))).collect();

        let cv: Vec<(f64, bool)> = (0..options.folds)
            .into_par_iter()
            .flat_map_iter(|k| {
                let train: Vec<&Sample> = rows
                    .iter()
                    .zip(&pair_folds)
                    .filter(|(_, f)| f.0 != k && f.1 != k)
                    .map(|(r, _)| r)
                    .collect();
                let beta = logistic(&train, n_feat, options.l2);
                let m = self.with_weights(&beta, n_feat);
                rows.iter()
                    .zip(&pair_folds)
                    .filter(|(_, f)| f.0.min(f.1) == k)
                    .map(|(r, _)| (m.strength_of(r), r.y >= 0.5))
                    .collect::<Vec<_>>()
            })
            .collect();
        let all: Vec<&Sample> = rows.iter().collect();
        let beta = logistic(&all, n_feat, options.l2);
        let model = self.with_weights(&beta, n_feat);
        let base: Vec<(f64, bool)> = rows.iter().map(|r| (r.base, r.y >= 0.5)).collect();
        Ok(Fit {
            model,
            intercept: beta[8],
            cv_auc: roc_auc(&cv),
            base_auc: roc_auc(&base),
        })
    }

    /// This model with feature weights from a fit (normalised to sum 1; all
    /// zero falls back to the connection alone).
    fn with_weights(&self, beta: &[f64; 9], n_feat: usize) -> ScoringModel {
        let mut w = [0.0; 8];
        w[..n_feat].copy_from_slice(&beta[..n_feat]);
        let sum: f64 = w.iter().sum();
        if sum > 0.0 {
            w.iter_mut().for_each(|x| *x /= sum);
        } else {
            w[K] = 1.0;
        }
        if n_feat < 8 {
            w[7] = self.weights.structural;
        }
        ScoringModel {
            weights: Weights::from_array(w),
            ..self.clone()
        }
    }

    fn strength_of(&self, s: &Sample) -> f64 {
        let w = self.weights.to_array();
        let n = if self.structural { 8 } else { 7 };
        let raw = (0..n).map(|k| w[k] * s.x[k]).sum::<f64>() / self.weight_sum();
        if s.online_only {
            raw.min(self.online_only_cap)
        } else {
            raw
        }
    }
}

struct Sample {
    x: [f64; 8],
    y: f64,
    online_only: bool,
    base: f64,
}

fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Minimises the mean log-loss plus `l2`·|β|² over β ≥ 0 (the intercept,
/// `beta[8]`, is free and not penalised) by projected gradient descent
/// with a backtracking step.
fn logistic(rows: &[&Sample], n_feat: usize, l2: f64) -> [f64; 9] {
    let n = rows.len().max(1) as f64;
    let loss = |b: &[f64; 9]| -> f64 {
        let mut l = 0.0;
        for r in rows {
            let z = b[8] + (0..n_feat).map(|k| b[k] * r.x[k]).sum::<f64>();
            // log(1 + e^z) − y z, computed stably
            l += z.max(0.0) + (-z.abs()).exp().ln_1p() - r.y * z;
        }
        l / n + l2 * b[..n_feat].iter().map(|x| x * x).sum::<f64>()
    };
    let grad = |b: &[f64; 9]| -> [f64; 9] {
        let mut g = [0.0; 9];
        for r in rows {
            let z = b[8] + (0..n_feat).map(|k| b[k] * r.x[k]).sum::<f64>();
            let e = 1.0 / (1.0 + (-z).exp()) - r.y;
            for (gk, xk) in g.iter_mut().zip(&r.x).take(n_feat) {
                *gk += e * xk;
            }
            g[8] += e;
        }
        for gk in &mut g {
            *gk /= n;
        }
        for k in 0..n_feat {
            g[k] += 2.0 * l2 * b[k];
        }
        g
    };
    let mut b = [0.0; 9];
    b[..n_feat].fill(1.0);
    let mut f = loss(&b);
    let mut step = 1.0;
    for _ in 0..3000 {
        let g = grad(&b);
        let mut improved = false;
        while step > 1e-12 {
            let mut c = b;
            for k in 0..9 {
                c[k] -= step * g[k];
                if k < n_feat {
                    c[k] = c[k].max(0.0);
                }
            }
            let fc = loss(&c);
            if fc <= f - 1e-4 * (0..9).map(|k| g[k] * (b[k] - c[k])).sum::<f64>() {
                let gain = f - fc;
                b = c;
                f = fc;
                step *= 2.0;
                improved = gain > 1e-13;
                break;
            }
            step /= 2.0;
        }
        if !improved {
            break;
        }
    }
    b
}
