//! `tiegraph._tiegraph`: the Python extension module of tiegraph.
//!
//! A thin layer over the core crate: it extracts Python arguments, calls
//! the core (detached from the interpreter when the call is heavy or the
//! graph is busy) and converts results and errors back. Everything the
//! graph computes lives in the core; nothing here scores or analyses.
//!
//! - `graph.rs`: the `Graph` class and its locking rules;
//! - `load.rs`: bulk loads from Arrow streams, CSV and Parquet;
//! - `types.rs`: read-only value classes (`Person`, `Interaction`...);
//! - `score.rs`: the scoring methods of `Graph`, `View`, the tie table;
//! - `strength.rs`: `Strength`, `Contact`, `Explanation`;
//! - `model.rs`: `ScoringModel`, `Weights`, `Fit`, `roc_auc`;
//! - `params.rs`: model parameters to and from dicts through serde;
//! - `labels.rs`: labelled pairs for `ScoringModel.fit`;
//! - `recommend.rs`: the recommendation methods of `Graph` (strongest
//!   ties, meet in person, reconnect, layers, lift...), `EgoLayers`,
//!   `LiftReport`;
//! - `network.rs`: the graph-analytics methods of `Graph` (introductions,
//!   brokerage, communities, suggestions), `Path`, `Brokerage`,
//!   `Communities`;
//! - `export.rs`: the file exports of `Graph` (GraphML, GEXF, CSV) and
//!   `interactions_table`;
//! - `table.rs`: `Table`, Arrow record batches for every bulk result;
//! - `columns.rs`: record batches from slices of core rows, one column per field;
//! - `conv.rs`: times and option strings;
//! - `errors.rs`: core errors as `tiegraph.TiegraphError` subclasses;
//! - `reaper.rs`: large graphs freed on a thread of their own.
//!
//! Adding a method (the scoring API, say): pyo3 allows one `#[pymethods]`
//! block per class, so declare the method in `graph.rs` and keep its body in
//! a module of its own that takes `&Graph`, as `load.rs` does; take times
//! with `conv::time` (naive = UTC), run the core inside `Graph::read`, and
//! add the method to `python/src/tiegraph/_tiegraph.pyi`. A bulk result
//! (a ranking, a list of pairs) is a `table::Table`: build its arrow-rs
//! arrays inside the `Graph::read` closure, as `score::ties` does, so that
//! no Python object is made per row and the interpreter stays free.
//!
//! Docstrings: the `///` comment of a Python-facing item (class, method,
//! getter, field with `#[pyo3(get)]`, function) is its `__doc__`, what
//! `help()` shows, so it is written in NumPy style (a one-line summary,
//! then `Parameters`, `Returns`, `Raises`, `Examples`) for Python readers.
//! The stub carries the same docstring, word for word, for editors;
//! `python/tests/test_docstrings.py` checks both, and the stub's examples
//! run as doctests. Signatures come from `#[pyo3(signature = ...)]`; a
//! `**kwargs` signature gets a `text_signature` naming its keywords.

// Those docstrings' examples index Python values (`rows[0]`, `d["key"]`),
// which rustdoc would take for intra-doc links when documenting private
// items; they are Python, not links.
#![allow(rustdoc::broken_intra_doc_links)]

use pyo3::prelude::*;

mod columns;
mod conv;
mod errors;
mod export;
mod graph;
mod labels;
mod load;
mod model;
mod network;
mod params;
mod reaper;
mod recommend;
mod score;
mod strength;
mod table;
mod types;

#[pymodule]
fn _tiegraph(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SNAPSHOT_VERSION", tiegraph::SNAPSHOT_VERSION)?;
    m.add_class::<graph::Graph>()?;
    m.add_class::<types::PyPerson>()?;
    m.add_class::<types::PyChannel>()?;
    m.add_class::<types::PyInteraction>()?;
    m.add_class::<types::PyConnection>()?;
    m.add_class::<types::PyLoadReport>()?;
    m.add_class::<model::PyScoringModel>()?;
    m.add_class::<model::PyWeights>()?;
    m.add_class::<model::PyFit>()?;
    m.add_class::<score::PyView>()?;
    m.add_class::<strength::PyStrength>()?;
    m.add_class::<strength::PyContact>()?;
    m.add_class::<strength::PyExplanation>()?;
    m.add_class::<table::Table>()?;
    m.add_class::<recommend::PyEgoLayers>()?;
    m.add_class::<recommend::PyLiftReport>()?;
    m.add_class::<network::PyPath>()?;
    m.add_class::<network::PyBrokerage>()?;
    m.add_class::<network::PyCommunities>()?;
    m.add_function(wrap_pyfunction!(model::roc_auc, m)?)?;
    // private, for tests: set as attributes, which `add_function` would put in `__all__`
    m.setattr(
        "_background_frees",
        wrap_pyfunction!(reaper::_background_frees, m)?,
    )?;
    m.setattr("_wait_for_frees", wrap_pyfunction!(reaper::_wait_for_frees, m)?)?;
    m.setattr("_spare_bytes", wrap_pyfunction!(reaper::_spare_bytes, m)?)?;
    m.setattr("_pause_frees", wrap_pyfunction!(reaper::_pause_frees, m)?)?;
    Ok(())
}
