//! Integration tests of the public API.
mod analytics_recommend;
mod model_props;
mod scoring;
