//! Files: the versioned JSON snapshot, CSV import and export, Arrow batches.

#[cfg(feature = "arrow")]
mod arrow;
mod csv;
mod snapshot;

#[cfg(feature = "arrow")]
pub use arrow::{ArrowColumns, ConnectionLoader, InteractionLoader};
pub use csv::{ConnectionColumns, CsvOptions, InteractionColumns, TimeFormat, TimeUnit};
pub use snapshot::SNAPSHOT_VERSION;
pub(crate) use snapshot::Snapshot;
