//! Files: the versioned JSON snapshot, CSV import and export, Arrow
//! batches, and the scored exports (GraphML, GEXF, the tie table).

#[cfg(feature = "arrow")]
mod arrow;
mod csv;
mod export;
mod gexf;
mod graphml;
mod snapshot;
mod ties;

#[cfg(feature = "arrow")]
pub use arrow::{ArrowColumns, ConnectionLoader, InteractionLoader};
pub use csv::{ConnectionColumns, CsvOptions, InteractionColumns, TimeFormat, TimeUnit};
pub use export::{ExportOptions, Sampling};
pub use snapshot::SNAPSHOT_VERSION;
pub(crate) use snapshot::Snapshot;
