//! Core errors as Python exceptions.
//!
//! The exception classes are written in Python (`tiegraph/_errors.py`) so
//! that they can have several bases (`PersonNotFoundError` is also a
//! `KeyError`) and docstrings; this module only picks the class by the
//! innermost core error ([`Error::root`]) and raises it with the full core
//! message, which names the row for bulk input. The table of the mapping
//! lives in the docstring of `tiegraph._errors`.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;
use tiegraph::Error;

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// The name of the Python exception class for a core error.
fn class_name(e: &Error) -> &'static str {
    match e.root() {
        Error::SelfInteraction { .. } => "SelfInteractionError",
        Error::EmptyKey { .. } => "EmptyKeyError",
        Error::UnknownChannel { .. } => "UnknownChannelError",
        Error::InvalidWeight { .. } => "InvalidWeightError",
        Error::InvalidDuration { .. } => "InvalidDurationError",
        Error::TimestampOutOfRange { .. } | Error::InvalidTimestamp { .. } => "TimestampError",
        Error::InvalidValue { .. } => "InvalidValueError",
        Error::MissingColumn { .. } => "MissingColumnError",
        Error::WrongColumnType { .. } => "ColumnTypeError",
        Error::Csv { .. } => "CsvError",
        Error::SnapshotVersion { .. } => "SnapshotVersionError",
        Error::CorruptSnapshot { .. } => "CorruptSnapshotError",
        Error::Io { .. } => "TiegraphIOError",
        Error::PersonNotFound { .. } => "PersonNotFoundError",
        Error::PersonExists { .. } => "PersonExistsError",
        Error::TieNotFound { .. } => "TieNotFoundError",
        Error::InteractionNotFound { .. } => "InteractionNotFoundError",
        Error::InvalidChannel { .. } => "InvalidChannelError",
        Error::InvalidEvent { .. } => "InvalidEventError",
        Error::InvalidParameter { .. } => "InvalidParameterError",
        Error::InvalidArgument { .. } => "InvalidArgumentError",
        Error::Fit { .. } => "FitError",
        // `Error` is non-exhaustive: a kind added to the core later is
        // still a `TiegraphError` until it gets its own class.
        _ => "TiegraphError",
    }
}

fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let module =
        ERRORS.get_or_try_init(py, || PyModule::import(py, "tiegraph._errors").map(Bound::unbind))?;
    let class = module.bind(py).getattr(class_name(e))?;
    let exc = class.call1((e.to_string(),))?;
    let (row, line) = match e {
        Error::Row { row, line, .. } => (Some(*row), *line),
        _ => (None, None),
    };
    exc.setattr("row", row)?;
    exc.setattr("line", line)?;
    Ok(PyErr::from_value(exc))
}

/// The Python exception for a core error.
pub fn to_py(py: Python<'_>, e: &Error) -> PyErr {
    build(py, e).unwrap_or_else(|import| {
        let err = PyRuntimeError::new_err(format!("{e} (and tiegraph._errors could not be used)"));
        err.set_cause(py, Some(import));
        err
    })
}

/// `map_err` helper: the Python exception for a core error.
pub fn err(e: Error) -> PyErr {
    Python::attach(|py| to_py(py, &e))
}

/// An exception of `tiegraph._errors` by class name, for failures found
/// here rather than in the core (a model parameter of the wrong kind).
pub fn named(class: &str, message: impl Into<String>) -> PyErr {
    let message = message.into();
    Python::attach(|py| {
        let class = ERRORS
            .get_or_try_init(py, || PyModule::import(py, "tiegraph._errors").map(Bound::unbind))
            .and_then(|m| m.bind(py).getattr(class));
        match class.and_then(|c| c.call1((message.clone(),))) {
            Ok(exc) => PyErr::from_value(exc),
            Err(import) => {
                let err =
                    PyRuntimeError::new_err(format!("{message} (and tiegraph._errors could not be used)"));
                err.set_cause(py, Some(import));
                err
            }
        }
    })
}

/// A core `InvalidArgument` error as a Python exception.
pub fn invalid_argument(argument: &str, reason: impl Into<String>) -> PyErr {
    err(Error::InvalidArgument {
        argument: argument.to_string(),
        reason: reason.into(),
    })
}
