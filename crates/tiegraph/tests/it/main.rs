//! Integration tests of the public API.

mod golden;
mod model_props;
mod scoring;
