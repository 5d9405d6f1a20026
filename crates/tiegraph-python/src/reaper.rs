//! Large graphs freed on a thread of their own, so that `del g` returns at
//! once.
//!
//! Freeing a graph of 10 million interactions took 30–110 ms when each of
//! its 654,484 ties' logs was an allocation of its own, and still takes
//! milliseconds (its large tables unmapped); Python frees an object in its
//! deallocator, with the GIL held, and every Python thread waited that
//! long. A graph of [`BACKGROUND_FROM`] interactions and ties or more
//! is now handed to one thread that frees graphs in the order they come;
//! a smaller one is freed where it is dropped, which is quicker than the
//! hand-over. Its memory is back some milliseconds later, not before `del`
//! returns; [`wait`] waits for it (the tests do). A process forked from
//! one that started the thread frees its graphs where they are dropped.
//!
//! At most [`MAX_PENDING`] graphs wait for the thread: a graph dropped
//! while that many wait is freed where it is dropped, so that a script
//! dropping large graphs faster than they are freed holds at most that
//! many beside its own.
//!
//! Once the thread runs, a dropped graph's bulk-loaded records are kept
//! for the next bulk load to stage its rows in ([`tiegraph::memory`]), and
//! the thread frees them when [`KEEP_SPARE_FOR`] has passed unused.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Duration;

use pyo3::prelude::*;
use tiegraph::RelationshipGraph;

/// Interactions plus ties from which a graph is freed in the background.
/// Below this, a graph frees in well under a millisecond.
pub const BACKGROUND_FROM: usize = 1 << 16;

/// How long a dropped graph's records are kept for the next bulk load.
/// A script that loads again loads within this; memory let go of for
/// longer goes back, as an allocator's decay would return it.
pub const KEEP_SPARE_FOR: Duration = Duration::from_secs(5);

/// Graphs handed to the thread and not freed yet, beyond which a dropped
/// graph is freed where it is dropped: one being freed and one waiting
/// keep the thread busy, and each more would be memory held for nothing
/// (the queue had no bound before: a loop dropping large graphs faster
/// than the thread freed them could hold them all).
pub const MAX_PENDING: u64 = 2;

/// What the thread is sent.
enum Message {
    /// A graph to free.
    Free(Box<RelationshipGraph>),
    /// Look again at the records kept: a graph freed elsewhere may have
    /// left some, to be freed once [`KEEP_SPARE_FOR`] has passed.
    Kept,
}

struct Reaper {
    /// The process that started the thread: a child made by `fork` has
    /// the reaper's memory but not its thread, and frees its graphs itself.
    pid: u32,
    to_free: Sender<Message>,
    counts: Mutex<Counts>,
    none_pending: Condvar,
    /// For tests: while true, the thread waits before freeing a graph.
    paused: Mutex<bool>,
    resumed: Condvar,
}

/// Graphs handed to the thread and freed by it; the difference is pending.
#[derive(Default)]
struct Counts {
    handed_over: u64,
    freed: u64,
}

impl Counts {
    fn pending(&self) -> u64 {
        self.handed_over - self.freed
    }
}

static REAPER: OnceLock<Option<Reaper>> = OnceLock::new();

/// The reaper, once started, when this process started it (not a parent
/// before a `fork`).
fn ours() -> Option<&'static Reaper> {
    REAPER
        .get()
        .and_then(Option::as_ref)
        .filter(|r| r.pid == std::process::id())
}

/// [`ours`], its thread started on first use; `None` when no thread could
/// be started (graphs are then freed where they are dropped).
fn start() -> Option<&'static Reaper> {
    REAPER.get_or_init(|| {
        let (to_free, freeing) = mpsc::channel::<Message>();
        let started = std::thread::Builder::new()
            .name("tiegraph-free".into())
            .spawn(move || {
                while let Some(message) = next(&freeing) {
                    let Message::Free(graph) = message else {
                        continue; // `next` looks at the kept records
                    };
                    // set before anything is sent
                    let reaper = REAPER.get().and_then(Option::as_ref);
                    if let Some(reaper) = reaper {
                        reaper.wait_resumed();
                    }
                    drop(graph);
                    if let Some(reaper) = reaper {
                        reaper.freed_one();
                    }
                }
            });
        if started.is_ok() {
            tiegraph::memory::keep_spare(true);
        }
        started.ok().map(|_| Reaper {
            pid: std::process::id(),
            to_free,
            counts: Mutex::new(Counts::default()),
            none_pending: Condvar::new(),
            paused: Mutex::new(false),
            resumed: Condvar::new(),
        })
    });
    ours()
}

/// The next message, freeing meanwhile the records kept longer than
/// [`KEEP_SPARE_FOR`]; `None` once none can come.
fn next(freeing: &Receiver<Message>) -> Option<Message> {
    loop {
        let Some(since) = tiegraph::memory::spare_since() else {
            return freeing.recv().ok();
        };
        let left = KEEP_SPARE_FOR.saturating_sub(since.elapsed());
        match freeing.recv_timeout(left) {
            Ok(message) => return Some(message),
            Err(RecvTimeoutError::Timeout) => {
                tiegraph::memory::release_spare(KEEP_SPARE_FOR);
            }
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

impl Reaper {
    fn counts(&self) -> MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait_resumed(&self) {
        let paused = self.paused.lock().unwrap_or_else(PoisonError::into_inner);
        let _resumed = self
            .resumed
            .wait_while(paused, |paused| *paused)
            .unwrap_or_else(PoisonError::into_inner);
    }

    fn freed_one(&self) {
        let mut counts = self.counts();
        counts.freed += 1;
        if counts.pending() == 0 {
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
    let Some(reaper) = start() else {
        // no thread here to free kept records later (a child made by
        // `fork`, or a thread that could not start): keep none
        tiegraph::memory::keep_spare(false);
        return;
    };
    {
        let mut counts = reaper.counts();
        if counts.pending() >= MAX_PENDING {
            drop(counts);
            drop(std::mem::take(graph));
            // its records may be kept: the thread, busy, frees them in time
            let _ = reaper.to_free.send(Message::Kept);
            return;
        }
        // counted before it is sent, so that the thread never frees more
        // than were handed over
        counts.handed_over += 1;
    }
    if let Err(returned) = reaper
        .to_free
        .send(Message::Free(Box::new(std::mem::take(graph))))
    {
        // the thread is gone (it can only have panicked): free it here
        reaper.counts().handed_over -= 1;
        drop(returned.0);
    }
}

/// Graphs handed to the reaper's thread so far (in a child made by `fork`,
/// by its parent before the fork: the child hands none over).
pub fn handed_over() -> u64 {
    REAPER
        .get()
        .and_then(Option::as_ref)
        .map_or(0, |r| r.counts().handed_over)
}

/// Waits until every graph handed over is freed, or `timeout` passes;
/// whether none is left.
pub fn wait(timeout: Duration) -> bool {
    let Some(reaper) = ours() else {
        return true; // nothing was handed over by this process
    };
    let (counts, _) = reaper
        .none_pending
        .wait_timeout_while(reaper.counts(), timeout, |c| c.pending() > 0)
        .unwrap_or_else(PoisonError::into_inner);
    counts.pending() == 0
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

/// Holds the freeing thread before each graph it frees, or lets it go on.
///
/// For tests: with the thread held, graphs dropped beyond the two it
/// holds are freed where they are dropped.
///
/// Parameters
/// ----------
/// paused : bool
///     Whether the thread waits.
#[pyfunction]
pub fn _pause_frees(paused: bool) {
    let Some(reaper) = start() else {
        return;
    };
    *reaper.paused.lock().unwrap_or_else(PoisonError::into_inner) = paused;
    reaper.resumed.notify_all();
}

/// Bytes of dropped graphs' records kept for the next bulk load.
///
/// Once the freeing thread runs, a dropped graph's bulk-loaded records (in
/// blocks of 1 MiB or more) are kept for the next load to stage its rows
/// in, and freed after five seconds unused. For tests and diagnostics.
///
/// Returns
/// -------
/// int
///     Bytes kept now.
#[pyfunction]
pub fn _spare_bytes() -> usize {
    tiegraph::memory::spare_bytes()
}
