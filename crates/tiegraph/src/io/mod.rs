//! Files: the versioned JSON snapshot, CSV import and export, Arrow batches.

mod csv;
mod snapshot;

pub use csv::{ConnectionColumns, CsvOptions, InteractionColumns, TimeFormat, TimeUnit};
pub use snapshot::SNAPSHOT_VERSION;
pub(crate) use snapshot::Snapshot;
