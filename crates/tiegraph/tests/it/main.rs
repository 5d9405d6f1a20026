//! Integration tests of the public API.
mod model_props;
mod scoring;
