//! `tg.ScoringModel`, `tg.Weights`, `tg.Fit` and `tg.roc_auc`: the core's
//! model parameters, read and written through their serde definitions
//! (`params.rs`), and its calibration.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};
use tiegraph::{Error, FitOptions, GraphView, ScoringModel, Weights};

use crate::conv::{self, repr};
use crate::errors::{err, invalid_argument};
use crate::graph::{Cost, Graph};
use crate::params;
use crate::score::Scope;

/// The weights ω of the model's features; only their ratios matter.
///
/// Parameters
/// ----------
/// recency, intensity, duration, regularity, reciprocity, multiplexity, connection, structural : float, optional
///     Each finite and >= 0. Those not given keep their defaults: R 0.25,
///     I 0.25, D 0.15, F 0.10, B 0.10, M 0.10, K 0.05 and S 0.05 (S counts
///     only when the model has ``structural=True``).
///
/// Raises
/// ------
/// InvalidParameterError
///     An unknown name, a value of the wrong kind, or a weight out of its
///     domain (the enabled weights must not all be 0).
///
/// Examples
/// --------
/// >>> w = Weights(recency=0.5)
/// >>> (w.recency, w.intensity)
/// (0.5, 0.25)
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "Weights")]
#[derive(Clone, PartialEq)]
pub struct PyWeights(pub Weights);

#[pymethods]
impl PyWeights {
    // Documented on the class (pyo3 shows the class's doc). The text
    // signature names the keywords `**weights` takes, for `help()`.
    #[new]
    #[pyo3(
        signature = (**weights),
        text_signature = "(*, recency=0.25, intensity=0.25, duration=0.15, regularity=0.1, \
                          reciprocity=0.1, multiplexity=0.1, connection=0.05, structural=0.05)"
    )]
    fn new(weights: Option<&Bound<'_, PyDict>>) -> PyResult<PyWeights> {
        let w: Weights = params::from_dict(weights)?;
        // the same checks as the model's, through a default model
        ScoringModel {
            weights: w,
            ..ScoringModel::default()
        }
        .validate()
        .map_err(err)?;
        Ok(PyWeights(w))
    }

    /// The weight ω_R of recency (default 0.25).
    #[getter]
    fn recency(&self) -> f64 {
        self.0.recency
    }
    /// The weight ω_I of intensity (default 0.25).
    #[getter]
    fn intensity(&self) -> f64 {
        self.0.intensity
    }
    /// The weight ω_D of duration (default 0.15).
    #[getter]
    fn duration(&self) -> f64 {
        self.0.duration
    }
    /// The weight ω_F of regularity (default 0.10).
    #[getter]
    fn regularity(&self) -> f64 {
        self.0.regularity
    }
    /// The weight ω_B of reciprocity (default 0.10).
    #[getter]
    fn reciprocity(&self) -> f64 {
        self.0.reciprocity
    }
    /// The weight ω_M of multiplexity (default 0.10).
    #[getter]
    fn multiplexity(&self) -> f64 {
        self.0.multiplexity
    }
    /// The weight ω_K of a declared connection (default 0.05).
    #[getter]
    fn connection(&self) -> f64 {
        self.0.connection
    }
    /// The weight ω_S of the structural overlap (default 0.05; counts only with ``structural=True``).
    #[getter]
    fn structural(&self) -> f64 {
        self.0.structural
    }

    /// The weights by feature name, in model order.
    ///
    /// Returns
    /// -------
    /// dict of str to float
    ///     ``recency``, ``intensity``, ``duration``, ``regularity``,
    ///     ``reciprocity``, ``multiplexity``, ``connection``, ``structural``.
    ///
    /// Examples
    /// --------
    /// >>> Weights(connection=0.2).to_dict()["connection"]
    /// 0.2
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        params::to_dict(py, &self.0)
    }

    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.to_dict(py)?))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("Weights({})", kwargs(py, &self.to_dict(py)?, None)?))
    }
}

/// `k=v, ...` of a dict, leaving out the entries equal to those of `skip`.
fn kwargs(py: Python<'_>, d: &Bound<'_, PyDict>, skip: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let mut parts = Vec::new();
    for (k, v) in d.iter() {
        if let Some(skip) = skip {
            if let Some(default) = skip.get_item(&k)? {
                if default.eq(&v)? {
                    continue;
                }
            }
        }
        parts.push(format!("{}={}", k.extract::<String>()?, repr(py, v)?));
    }
    Ok(parts.join(", "))
}

/// The tie-strength model: every parameter of the default model, by name.
///
/// ``ScoringModel()`` is the evidence-based default of the model page; give
/// any parameter to change it. The model is validated on construction and
/// immutable; it compares by value, pickles, and round-trips through
/// :meth:`to_dict` / :meth:`from_dict`.
///
/// Parameters
/// ----------
/// recency_half_life_days : float, default 90
///     h_R, half-life of the recency of two-way contact.
/// intensity_half_life_days : float, default 180
///     h_I, half-life of an interaction's contribution to intensity.
/// intensity_scale : float, default 3
///     κ, the intensity scale.
/// duration_scale_days : float, default 365
///     τ_D, the time scale of the relationship's duration.
/// regularity_weeks : int, default 52
///     A, the number of recent weeks regularity looks at.
/// window_days : float, default 365
///     L, the window of reciprocity and multiplexity.
/// meaningful_threshold : float, default 0.10
///     An interaction is meaningful when its effective weight is at least this.
/// duration_gain_min, duration_gain_max : float, default 0.5 and 2
///     The clamp of the duration gain √(d / d_typ).
/// online_only_cap : float, default 0.75
///     The strength cap of two-way pairs that never met or called.
/// weights : Weights or dict, optional
///     The feature weights ω; in a dict, weights not given keep their defaults.
/// structural : bool, default False
///     Whether the structural overlap S is part of the model.
/// dormant_recency, dormant_drop : float, default 0.1 and 0.3
///     ``"dormant"`` needs recency below the first and a strength this far
///     below its peak.
/// cooling_lookback_days, cooling_drop : float, default 90 and 0.1
///     ``"cooling"`` needs a drop of more than ``cooling_drop`` since this
///     many days earlier.
///
/// Raises
/// ------
/// InvalidParameterError
///     An unknown parameter, a value of the wrong kind (``regularity_weeks``
///     must be an integer), or a value out of its domain.
/// TypeError
///     A value that is not a number, a bool or (for ``weights``) a mapping.
///
/// Examples
/// --------
/// >>> m = ScoringModel(recency_half_life_days=30, weights={"connection": 0.2})
/// >>> m
/// ScoringModel(recency_half_life_days=30.0, weights={'connection': 0.2})
/// >>> ScoringModel.from_dict(m.to_dict()) == m
/// True
#[pyclass(frozen, eq, module = "tiegraph._tiegraph", name = "ScoringModel")]
#[derive(Clone, PartialEq)]
pub struct PyScoringModel(pub ScoringModel);

impl PyScoringModel {
    fn from_params(d: Option<&Bound<'_, PyDict>>) -> PyResult<PyScoringModel> {
        let m: ScoringModel = params::from_dict(d)?;
        m.validate().map_err(err)?;
        Ok(PyScoringModel(m))
    }
}

#[pymethods]
impl PyScoringModel {
    // Documented on the class. The text signature names the keywords
    // `**params` takes, for `help()`; `weights=...` as it has no literal.
    #[new]
    #[pyo3(
        signature = (**params),
        text_signature = "(*, recency_half_life_days=90.0, intensity_half_life_days=180.0, \
                          intensity_scale=3.0, duration_scale_days=365.0, regularity_weeks=52, \
                          window_days=365.0, meaningful_threshold=0.1, duration_gain_min=0.5, \
                          duration_gain_max=2.0, online_only_cap=0.75, weights=..., structural=False, \
                          dormant_recency=0.1, dormant_drop=0.3, cooling_lookback_days=90.0, \
                          cooling_drop=0.1)"
    )]
    fn new(params: Option<&Bound<'_, PyDict>>) -> PyResult<PyScoringModel> {
        PyScoringModel::from_params(params)
    }

    /// A model from a dict of parameters, as :meth:`to_dict` writes it.
    ///
    /// Parameters
    /// ----------
    /// d : dict
    ///     Parameters by name, as the constructor takes them; those not in
    ///     ``d`` keep their defaults.
    ///
    /// Returns
    /// -------
    /// ScoringModel
    ///     The model, validated.
    ///
    /// Raises
    /// ------
    /// InvalidParameterError
    ///     As the constructor.
    ///
    /// Examples
    /// --------
    /// >>> ScoringModel.from_dict({"window_days": 180, "weights": {"recency": 0.5}})
    /// ScoringModel(window_days=180.0, weights={'recency': 0.5})
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, d: &Bound<'_, PyDict>) -> PyResult<PyScoringModel> {
        PyScoringModel::from_params(Some(d))
    }

    /// Every parameter by name, in declaration order; ``weights`` as a dict.
    ///
    /// Returns
    /// -------
    /// dict
    ///     Plain data (numbers, bools, a nested dict), ready for JSON;
    ///     :meth:`from_dict` reads it back.
    ///
    /// Examples
    /// --------
    /// >>> d = ScoringModel().to_dict()
    /// >>> (d["recency_half_life_days"], d["weights"]["recency"])
    /// (90.0, 0.25)
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = params::to_dict(py, &self.0)?;
        // nested structs come out of serde_json sorted by key
        d.set_item("weights", params::to_dict(py, &self.0.weights)?)?;
        Ok(d)
    }

    /// The half-life h_R of the recency of two-way contact, in days.
    #[getter]
    fn recency_half_life_days(&self) -> f64 {
        self.0.recency_half_life_days
    }
    /// The half-life h_I of an interaction's contribution to intensity, in days.
    #[getter]
    fn intensity_half_life_days(&self) -> f64 {
        self.0.intensity_half_life_days
    }
    /// The intensity scale κ.
    #[getter]
    fn intensity_scale(&self) -> f64 {
        self.0.intensity_scale
    }
    /// The time scale τ_D of the relationship's duration, in days.
    #[getter]
    fn duration_scale_days(&self) -> f64 {
        self.0.duration_scale_days
    }
    /// The number A of recent weeks regularity looks at.
    #[getter]
    fn regularity_weeks(&self) -> u32 {
        self.0.regularity_weeks
    }
    /// The window L of reciprocity and multiplexity, in days.
    #[getter]
    fn window_days(&self) -> f64 {
        self.0.window_days
    }
    /// The effective weight from which an interaction is meaningful.
    #[getter]
    fn meaningful_threshold(&self) -> f64 {
        self.0.meaningful_threshold
    }
    /// The lower clamp of the duration gain √(d / d_typ).
    #[getter]
    fn duration_gain_min(&self) -> f64 {
        self.0.duration_gain_min
    }
    /// The upper clamp of the duration gain √(d / d_typ).
    #[getter]
    fn duration_gain_max(&self) -> f64 {
        self.0.duration_gain_max
    }
    /// The strength cap of two-way pairs that never met or called.
    #[getter]
    fn online_only_cap(&self) -> f64 {
        self.0.online_only_cap
    }
    /// The feature weights ω.
    #[getter]
    fn weights(&self) -> PyWeights {
        PyWeights(self.0.weights)
    }
    /// Whether the structural overlap S is part of the model.
    #[getter]
    fn structural(&self) -> bool {
        self.0.structural
    }
    /// The recency below which a tie can be ``"dormant"``.
    #[getter]
    fn dormant_recency(&self) -> f64 {
        self.0.dormant_recency
    }
    /// How far below its peak the strength of a ``"dormant"`` tie must be.
    #[getter]
    fn dormant_drop(&self) -> f64 {
        self.0.dormant_drop
    }
    /// How many days back ``"cooling"`` compares the strength with.
    #[getter]
    fn cooling_lookback_days(&self) -> f64 {
        self.0.cooling_lookback_days
    }
    /// The drop since ``cooling_lookback_days`` earlier beyond which a tie is ``"cooling"``.
    #[getter]
    fn cooling_drop(&self) -> f64 {
        self.0.cooling_drop
    }

    /// Σω over the enabled features (S only when ``structural``).
    ///
    /// Returns
    /// -------
    /// float
    ///     The sum the contributions are divided by.
    ///
    /// Examples
    /// --------
    /// >>> round(ScoringModel().weight_sum(), 6)
    /// 1.0
    fn weight_sum(&self) -> f64 {
        self.0.weight_sum()
    }

    /// Fits the feature weights to labelled pairs.
    ///
    /// L2-regularised logistic regression of the labels on the model's
    /// features at ``as_of``, with non-negative weights, measured by k-fold
    /// cross-validation grouped by person (a held-out pair involves no one
    /// the fold's model was fitted on).
    ///
    /// Parameters
    /// ----------
    /// graph : Graph
    ///     The graph whose ties are labelled.
    /// labels : sequence of (a, b, strength), or a table
    ///     Pairs of person keys and how strong the tie is known to be, in
    ///     [0, 1] (1 strong, 0 weak); a table (pyarrow, polars, pandas...)
    ///     needs columns ``a``, ``b`` and ``strength``.
    /// as_of : datetime.datetime or datetime.date
    ///     When the features are taken (naive = UTC; a date is its midnight UTC).
    /// folds : int, default 5
    ///     Cross-validation folds (at least 2).
    /// l2 : float, default 1e-3
    ///     L2 penalty on the feature weights.
    /// seed : int, default 7
    ///     Seed of the split of people into folds.
    /// view : None, "online", "offline" or View
    ///     Which interactions count.
    ///
    /// Returns
    /// -------
    /// Fit
    ///     The fitted model (this model's parameters, weights refitted and
    ///     summing to 1), the intercept, and the cross-validated and
    ///     starting ROC AUCs (labels >= 0.5 count as strong).
    ///
    /// Raises
    /// ------
    /// FitError
    ///     Fewer than 2 folds, a label outside [0, 1], or labels that are all
    ///     strong or all weak.
    /// PersonNotFoundError
    ///     A labelled person the graph does not know (``exc.row`` is the label's index).
    /// MissingColumnError, ColumnTypeError
    ///     A table without the columns, or with columns of the wrong type.
    ///
    /// Examples
    /// --------
    /// >>> import datetime as dt
    /// >>> g = Graph()
    /// >>> labels = []
    /// >>> for i in range(20):
    /// ...     g.add_interaction(f"p{i}", f"q{i}", at=dt.datetime(2026, 1, 1 + i),
    /// ...                       channel="in_person" if i % 2 == 0 else "email")
    /// ...     labels.append((f"p{i}", f"q{i}", float(i % 2 == 0)))
    /// >>> ScoringModel().fit(g, labels, as_of=dt.datetime(2026, 2, 1)).cv_auc
    /// 1.0
    #[pyo3(signature = (graph, labels, *, as_of, folds=5, l2=1e-3, seed=7, view=None))]
    #[allow(clippy::too_many_arguments)]
    fn fit(
        &self,
        py: Python<'_>,
        graph: &Graph,
        labels: &Bound<'_, PyAny>,
        as_of: &Bound<'_, PyAny>,
        folds: i64,
        l2: f64,
        seed: i128,
        view: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyFit> {
        let as_of = conv::time(as_of, "as_of")?;
        let labels = crate::labels::read(labels)?;
        let folds = usize::try_from(folds).map_err(|_| {
            err(Error::Fit {
                reason: format!("at least 2 folds are needed, got {folds}"),
            })
        })?;
        let seed = u64::try_from(seed)
            .map_err(|_| invalid_argument("seed", format!("must be in [0, 2**64), got {seed}")))?;
        let options = FitOptions { folds, l2, seed };
        let scope = Scope::new(view, None)?;
        let model = &self.0;
        let fit = graph
            .read(py, Cost::Heavy, |s| {
                let v: GraphView<'_> = scope.graph_view(&s.graph)?;
                model.fit(&v, &labels, as_of, &options)
            })
            .map_err(err)?;
        Ok(PyFit {
            model: PyScoringModel(fit.model),
            intercept: fit.intercept,
            cv_auc: fit.cv_auc,
            base_auc: fit.base_auc,
        })
    }

    fn __getnewargs_ex__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyTuple>, Bound<'py, PyDict>)> {
        Ok((PyTuple::empty(py), self.to_dict(py)?))
    }

    /// Only the parameters that differ from the default, so that the
    /// default model reads `ScoringModel()` and `eval(repr(m)) == m`.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.to_dict(py)?;
        let default = PyScoringModel(ScoringModel::default()).to_dict(py)?;
        if let (Some(w), Some(dw)) = (d.get_item("weights")?, default.get_item("weights")?) {
            // weights not given keep their defaults: only the changed ones
            let w = w.cast_into::<PyDict>()?;
            let dw = dw.cast_into::<PyDict>()?;
            let changed = PyDict::new(py);
            for (k, v) in w.iter() {
                if !dw.get_item(&k)?.is_some_and(|x| x.eq(&v).unwrap_or(false)) {
                    changed.set_item(k, v)?;
                }
            }
            d.set_item("weights", changed)?;
            default.set_item("weights", PyDict::new(py))?;
        }
        Ok(format!("ScoringModel({})", kwargs(py, &d, Some(&default))?))
    }
}

/// What :meth:`ScoringModel.fit` found.
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "Fit")]
pub struct PyFit {
    /// The starting model with the fitted weights (summing to 1).
    #[pyo3(get)]
    model: PyScoringModel,
    /// The logistic intercept of the fit on all pairs.
    #[pyo3(get)]
    intercept: f64,
    /// ROC AUC of the fitted strength on held-out pairs, pooled over the folds.
    ///
    /// None when a fold lacked strong or weak pairs.
    #[pyo3(get)]
    cv_auc: Option<f64>,
    /// ROC AUC of the starting model's strength on the same pairs.
    #[pyo3(get)]
    base_auc: Option<f64>,
}

#[pymethods]
impl PyFit {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Fit(cv_auc={}, base_auc={}, intercept={}, model={})",
            repr(py, self.cv_auc)?,
            repr(py, self.base_auc)?,
            repr(py, self.intercept)?,
            self.model.__repr__(py)?,
        ))
    }
}

/// ROC AUC of scores against binary labels.
///
/// The probability that a random positive scores above a random negative,
/// ties counting one half.
///
/// Parameters
/// ----------
/// scores : iterable of float
///     One score per item (NumPy arrays work).
/// labels : iterable of bool, or of 0 / 1
///     Whether each item is a positive.
///
/// Returns
/// -------
/// float or None
///     None when there are no positives or no negatives.
///
/// Raises
/// ------
/// InvalidArgumentError
///     Lengths that differ, a NaN score, or a label that is not a bool or 0 / 1.
///
/// Examples
/// --------
/// >>> roc_auc([0.9, 0.1, 0.5, 0.5], [True, False, True, False])
/// 0.875
#[pyfunction]
pub fn roc_auc(scores: &Bound<'_, PyAny>, labels: &Bound<'_, PyAny>) -> PyResult<Option<f64>> {
    let scores: Vec<f64> = scores
        .try_iter()?
        .map(|s| s?.extract::<f64>())
        .collect::<PyResult<_>>()?;
    let labels: Vec<Bound<'_, PyAny>> = labels.try_iter()?.collect::<PyResult<_>>()?;
    if labels.len() != scores.len() {
        return Err(invalid_argument(
            "labels",
            format!("{} labels for {} scores", labels.len(), scores.len()),
        ));
    }
    let mut scored = Vec::with_capacity(scores.len());
    for (i, (s, l)) in scores.into_iter().zip(&labels).enumerate() {
        if s.is_nan() {
            return Err(invalid_argument("scores", format!("score {i} is NaN")));
        }
        scored.push((s, label(l, i)?));
    }
    Ok(tiegraph::roc_auc(&scored))
}

/// A binary label: a bool (numpy's too) or the integer 0 or 1.
fn label(ob: &Bound<'_, PyAny>, i: usize) -> PyResult<bool> {
    if let Ok(b) = ob.extract::<bool>() {
        return Ok(b);
    }
    match ob.extract::<i64>() {
        Ok(0) => Ok(false),
        Ok(1) => Ok(true),
        _ => Err(invalid_argument(
            "labels",
            format!(
                "label {i} is {}, not a bool or 0 / 1",
                ob.repr().map_or_else(|_| "?".to_string(), |r| r.to_string())
            ),
        )),
    }
}
