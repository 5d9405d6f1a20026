//! Large graphs freed on a thread of their own, so that `del g` returns at
//! once.
//!
//! Freeing a graph of 10 million interactions takes 30–110 ms (its 654,484
//! logs freed one by one, its large tables unmapped), and Python frees an
//! object in its deallocator, with the GIL held: every Python thread waited
//! that long. A graph of [`BACKGROUND_FROM`] interactions and ties or more
//! is now handed to one thread that frees graphs in the order they come;
//! a smaller one is freed where it is dropped, which is quicker than the
//! hand-over. Its memory is back some milliseconds later, not before `del`
//! returns; [`wait`] waits for it (the tests do). A process forked from
//! one that started the thread frees its graphs where they are dropped.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Condvar, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use pyo3::prelude::*;
use tiegraph::RelationshipGraph;

/// Interactions plus ties from which a graph is freed in the background.
/// Below this, a graph frees in well under a millisecond.
pub const BACKGROUND_FROM: usize = 1 << 16;

struct Reaper {
    /// The process that started the thread: a child made by `fork` has
    /// the reaper's memory but not its thread, and frees its graphs itself.
    pid: u32,
    to_free: Sender<RelationshipGraph>,
    /// Graphs handed over and not yet freed.
    pending: Mutex<u64>,
    none_pending: Condvar,
}

/// Graphs handed to the reaper's thread since the module was loaded.
static HANDED_OVER: AtomicU64 = AtomicU64::new(0);

static REAPER: OnceLock<Option<Reaper>> = OnceLock::new();

/// The reaper, its thread started on first use; `None` when no thread
/// could be started (graphs are then freed where they are dropped).
fn reaper() -> Option<&'static Reaper> {
    REAPER
        .get_or_init(|| {
            let (to_free, freeing) = mpsc::channel::<RelationshipGraph>();
            let started = std::thread::Builder::new()
                .name("tiegraph-free".into())
                .spawn(move || {
                    for graph in freeing {
                        drop(graph);
                        if let Some(reaper) = REAPER.get().and_then(Option::as_ref) {
                            reaper.done_one();
                        }
                    }
                });
            started.ok().map(|_| Reaper {
                pid: std::process::id(),
                to_free,
                pending: Mutex::new(0),
                none_pending: Condvar::new(),
            })
        })
        .as_ref()
}

impl Reaper {
    fn pending(&self) -> std::sync::MutexGuard<'_, u64> {
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn done_one(&self) {
        let mut pending = self.pending();
        *pending = pending.saturating_sub(1);
        if *pending == 0 {
            self.none_pending.notify_all();
        }
    }
}

/// Hands a large graph's contents to the reaper's thread, leaving an empty
/// graph in its place; leaves a small one to be freed where it is dropped.
pub fn hand_over(graph: &mut RelationshipGraph) {
    if graph.interaction_count() + graph.tie_count() < BACKGROUND_FROM {
        return; // dropped by the caller
    }
    let Some(reaper) = reaper().filter(|r| r.pid == std::process::id()) else {
        return;
    };
    *reaper.pending() += 1;
    match reaper.to_free.send(std::mem::take(graph)) {
        Ok(()) => {
            HANDED_OVER.fetch_add(1, Ordering::Relaxed);
        }
        Err(returned) => {
            // the thread is gone (it can only have panicked): free it here
            reaper.done_one();
            drop(returned.0);
        }
    }
}

/// Graphs handed to the reaper's thread so far.
pub fn handed_over() -> u64 {
    HANDED_OVER.load(Ordering::Relaxed)
}

/// Waits until every graph handed over is freed, or `timeout` passes;
/// whether none is left.
pub fn wait(timeout: Duration) -> bool {
    let Some(reaper) = REAPER
        .get()
        .and_then(Option::as_ref)
        .filter(|r| r.pid == std::process::id())
    else {
        return true; // nothing was handed over by this process
    };
    let pending = reaper.pending();
    let (pending, _) = reaper
        .none_pending
        .wait_timeout_while(pending, timeout, |n| *n > 0)
        .unwrap_or_else(PoisonError::into_inner);
    *pending == 0
}

/// How many graphs have been handed to tiegraph's freeing thread so far.
///
/// A graph of 65,536 interactions and ties or more is freed on a thread of
/// its own when its last reference goes, so that ``del g`` returns at once;
/// a smaller one is freed at once. For tests and diagnostics.
///
/// Returns
/// -------
/// int
///     Graphs freed in the background since the module was loaded, or
///     being freed (:func:`_wait_for_frees` waits for them).
#[pyfunction]
pub fn _background_frees() -> u64 {
    handed_over()
}

/// Waits until every graph handed to the freeing thread is freed.
///
/// Parameters
/// ----------
/// timeout : float, default 10.0
///     Seconds to wait at most.
///
/// Returns
/// -------
/// bool
///     Whether none is left to free.
#[pyfunction]
#[pyo3(signature = (timeout = 10.0))]
pub fn _wait_for_frees(py: Python<'_>, timeout: f64) -> PyResult<bool> {
    let timeout = Duration::try_from_secs_f64(timeout).map_err(|_| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "timeout must be a number of seconds, 0 or more (got {timeout})"
        ))
    })?;
    Ok(py.detach(|| wait(timeout)))
}
