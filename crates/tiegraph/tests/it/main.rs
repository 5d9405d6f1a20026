//! Integration tests of the public API.
