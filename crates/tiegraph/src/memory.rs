//! Memory kept between bulk loads.
//!
//! A bulk load writes its records into fresh memory, which the kernel
//! hands over a page at a time, zeroed: at W1's 10M rows, about 200 MB of
//! staged records a load. With [`keep_spare`] on, a dropped graph's bulk
//! loaded records are kept, and the next bulk load stages its rows in them
//! instead. Off by default: a library does not hold memory its caller has
//! let go of unless asked. The Python package turns it on, and frees what
//! has been kept for a few seconds unused.
//!
//! ```
//! use std::time::Duration;
//! tiegraph::memory::keep_spare(true);
//! // ... load a graph, drop it, load another ...
//! let freed = tiegraph::memory::release_spare(Duration::ZERO);
//! assert_eq!(tiegraph::memory::spare_bytes(), 0);
//! # let _ = freed;
//! tiegraph::memory::keep_spare(false);
//! ```

use std::time::{Duration, Instant};

use crate::graph::blocks;

/// Whether the records of dropped graphs are kept for the next bulk load
/// (at most one block for each of the load's shards, about one large
/// graph's records in all). Turning it off frees what is kept.
pub fn keep_spare(on: bool) {
    blocks::set_keep(on);
}

/// Frees what has been kept for at least `older_than`; returns the bytes
/// freed.
pub fn release_spare(older_than: Duration) -> usize {
    blocks::release(older_than)
}

/// The bytes kept now.
pub fn spare_bytes() -> usize {
    blocks::held().0
}

/// When the longest-kept block still kept was kept, if any.
pub fn spare_since() -> Option<Instant> {
    blocks::held().1
}
