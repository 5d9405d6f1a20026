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

    #[getter]
    fn recency(&self) -> f64 {
        self.0.recency
    }
    #[getter]
    fn intensity(&self) -> f64 {
        self.0.intensity
    }
    #[getter]
    fn duration(&self) -> f64 {
        self.0.duration
    }
    #[getter]
    fn regularity(&self) -> f64 {
        self.0.regularity
    }
    #[getter]
    fn reciprocity(&self) -> f64 {
        self.0.reciprocity
    }
    #[getter]
    fn multiplexity(&self) -> f64 {
        self.0.multiplexity
    }
    #[getter]
    fn connection(&self) -> f64 {
        self.0.connection
    }
    #[getter]
    fn structural(&self) -> f64 {
        self.0.structural
    }

    /// The weights by name, in model order.
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

    /// A model from a dict of parameters, as `to_dict` writes it.
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, d: &Bound<'_, PyDict>) -> PyResult<PyScoringModel> {
        PyScoringModel::from_params(Some(d))
    }

    /// Every parameter by name (`weights` as a dict), in declaration order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = params::to_dict(py, &self.0)?;
        // nested structs come out of serde_json sorted by key
        d.set_item("weights", params::to_dict(py, &self.0.weights)?)?;
        Ok(d)
    }

    #[getter]
    fn recency_half_life_days(&self) -> f64 {
        self.0.recency_half_life_days
    }
    #[getter]
    fn intensity_half_life_days(&self) -> f64 {
        self.0.intensity_half_life_days
    }
    #[getter]
    fn intensity_scale(&self) -> f64 {
        self.0.intensity_scale
    }
    #[getter]
    fn duration_scale_days(&self) -> f64 {
        self.0.duration_scale_days
    }
    #[getter]
    fn regularity_weeks(&self) -> u32 {
        self.0.regularity_weeks
    }
    #[getter]
    fn window_days(&self) -> f64 {
        self.0.window_days
    }
    #[getter]
    fn meaningful_threshold(&self) -> f64 {
        self.0.meaningful_threshold
    }
    #[getter]
    fn duration_gain_min(&self) -> f64 {
        self.0.duration_gain_min
    }
    #[getter]
    fn duration_gain_max(&self) -> f64 {
        self.0.duration_gain_max
    }
    #[getter]
    fn online_only_cap(&self) -> f64 {
        self.0.online_only_cap
    }
    #[getter]
    fn weights(&self) -> PyWeights {
        PyWeights(self.0.weights)
    }
    #[getter]
    fn structural(&self) -> bool {
        self.0.structural
    }
    #[getter]
    fn dormant_recency(&self) -> f64 {
        self.0.dormant_recency
    }
    #[getter]
    fn dormant_drop(&self) -> f64 {
        self.0.dormant_drop
    }
    #[getter]
    fn cooling_lookback_days(&self) -> f64 {
        self.0.cooling_lookback_days
    }
    #[getter]
    fn cooling_drop(&self) -> f64 {
        self.0.cooling_drop
    }

    /// Σω over the enabled features.
    fn weight_sum(&self) -> f64 {
        self.0.weight_sum()
    }

    /// Fits the feature weights to labelled pairs; see the stubs for the
    /// full description.
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

/// What `ScoringModel.fit` found.
#[pyclass(frozen, module = "tiegraph._tiegraph", name = "Fit")]
pub struct PyFit {
    /// The starting model with the fitted weights (summing to 1).
    #[pyo3(get)]
    model: PyScoringModel,
    /// The logistic intercept of the fit on all pairs.
    #[pyo3(get)]
    intercept: f64,
    /// ROC AUC of the fitted strength on held-out pairs (None when a fold
    /// lacked strong or weak pairs).
    #[pyo3(get)]
    cv_auc: Option<f64>,
    /// ROC AUC of the starting model on the same pairs.
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

/// ROC AUC of scores against binary labels (ties count one half); None
/// when there are no positives or no negatives.
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
