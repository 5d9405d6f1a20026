//! Support code for the examples: readers of the project's sample data
//! ([`agency`]) and of the SocioPatterns high-school data ([`thiers13`]).

pub mod agency;
pub mod thiers13;

/// The error of an example: the library's, a reader's, or a bad cell.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;
