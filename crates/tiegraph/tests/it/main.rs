//! Integration tests of the public API: one binary, one module per area.

mod common;
mod csv;
mod csv_errors;
mod errors;
mod ingest;
mod merge;
mod props;
mod removal;
mod snapshot;
