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
//! - `conv.rs`: times and option strings;
//! - `errors.rs`: core errors as `tiegraph.TiegraphError` subclasses.
//!
//! Adding a method (the scoring API, say): pyo3 allows one `#[pymethods]`
//! block per class, so declare the method in `graph.rs` and keep its body in
//! a module of its own that takes `&Graph`, as `load.rs` does; take times
//! with `conv::time` (naive = UTC), run the core inside `Graph::read`, and
//! add the method to `python/src/tiegraph/_tiegraph.pyi`.

use pyo3::prelude::*;

mod conv;
mod errors;
mod graph;
mod load;
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
    Ok(())
}
