//! Integration tests of the public API: one binary, one module per area.

mod analytics_graph;
mod analytics_recommend;
mod common;
mod csv;
mod csv_errors;
mod errors;
mod exports;
mod golden;
mod ingest;
mod merge;
mod model_props;
mod props;
mod removal;
mod scoring;
mod snapshot;
