//! Support code for the examples.
