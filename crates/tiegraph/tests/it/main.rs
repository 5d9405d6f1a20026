//! Integration tests of the public API.
mod analytics_graph;
mod model_props;
mod scoring;
