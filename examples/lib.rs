//! Support code for the examples.

pub mod thiers13;
