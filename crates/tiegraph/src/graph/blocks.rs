//! Tie logs that share one block of memory per bulk load, and the blocks of
//! dropped graphs kept for the next load (see [`crate::memory`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::store::Record;

/// A tie's records, time-sorted: its own vector, or a range of a block that
/// a bulk load wrote every new tie's records into. A log moves out of its
/// block (one copy) the first time it changes.
///
/// A bulk load used to allocate each new tie's log apart: 654,484
/// allocations at W1's 10M rows, 43% of them for one record, and as many
/// frees when the graph was dropped. A block per shard makes the load's
/// records one allocation each, exactly sized, and lets a dropped graph's
/// blocks serve the next load's staging (see [`take_spare`]).
#[derive(Clone)]
pub(crate) enum Log {
    Own(Vec<Record>),
    In(Arc<Block>, u32, u32),
}

impl Default for Log {
    fn default() -> Log {
        Log::Own(Vec::new())
    }
}

impl std::ops::Deref for Log {
    type Target = [Record];
    #[inline]
    fn deref(&self) -> &[Record] {
        match self {
            Log::Own(v) => v,
            Log::In(block, start, len) => &block.recs[*start as usize..(*start + *len) as usize],
        }
    }
}

impl PartialEq for Log {
    fn eq(&self, other: &Log) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Log {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl From<Vec<Record>> for Log {
    fn from(v: Vec<Record>) -> Log {
        Log::Own(v)
    }
}

impl Log {
    /// The records, to change: a log in a block is copied out of it first.
    pub(crate) fn to_mut(&mut self) -> &mut Vec<Record> {
        if let Log::In(..) = self {
            *self = Log::Own(self.to_vec());
        }
        match self {
            Log::Own(v) => v,
            Log::In(..) => unreachable!("copied out above"),
        }
    }

    /// The heap bytes the log holds apart from any block.
    pub(crate) fn own_bytes(&self) -> usize {
        match self {
            Log::Own(v) => v.capacity() * size_of::<Record>(),
            Log::In(..) => 0,
        }
    }

    /// The block the log lies in, if any.
    pub(crate) fn block(&self) -> Option<&Arc<Block>> {
        match self {
            Log::Own(_) => None,
            Log::In(block, ..) => Some(block),
        }
    }

    /// The logs of `block`'s records, one for each range: `starts` holds
    /// each range's first record and, last, the block's length. Ranges past
    /// what a log can address stay in vectors of their own.
    pub(crate) fn split(block: Block, starts: &[usize]) -> Vec<Log> {
        let block = Arc::new(block);
        starts
            .windows(2)
            .map(|w| match u32::try_from(w[1]) {
                // the end fits, and so do the start and the length
                Ok(end) => Log::In(Arc::clone(&block), w[0] as u32, end - w[0] as u32),
                Err(_) => Log::Own(block.recs[w[0]..w[1]].to_vec()),
            })
            .collect()
    }
}

/// One bulk load's records for the ties of one shard, grouped by tie.
pub(crate) struct Block {
    recs: Vec<Record>,
    /// The staging shard that wrote it, to which it goes back when dropped.
    shard: usize,
}

impl Block {
    pub(crate) fn new(recs: Vec<Record>, shard: usize) -> Block {
        Block { recs, shard }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        bytes(&self.recs)
    }
}

impl Drop for Block {
    fn drop(&mut self) {
        give_spare(self.shard, std::mem::take(&mut self.recs));
    }
}

/// Whether dropped blocks are kept (see [`crate::memory::keep_spare`]).
static KEEP: AtomicBool = AtomicBool::new(false);

/// Dropped blocks, at most one for each shard.
static SPARE: Mutex<Vec<Spare>> = Mutex::new(Vec::new());

struct Spare {
    shard: usize,
    recs: Vec<Record>,
    since: Instant,
}

/// Blocks smaller than this are freed, not kept: small graphs come and go
/// often, and their pages are few.
const KEEP_FROM: usize = 1 << 20;

/// The heap bytes of a block's records.
fn bytes(recs: &Vec<Record>) -> usize {
    recs.capacity() * size_of::<Record>()
}

fn give_spare(shard: usize, mut recs: Vec<Record>) {
    if !KEEP.load(Ordering::Relaxed) || bytes(&recs) < KEEP_FROM {
        return;
    }
    recs.clear();
    // a lock held elsewhere (or poisoned) frees the block here instead:
    // dropping a graph never waits
    let Ok(mut spare) = SPARE.try_lock() else {
        return;
    };
    let replaced = match spare.iter_mut().find(|s| s.shard == shard) {
        // the larger of the two stays
        Some(s) if s.recs.capacity() < recs.capacity() => {
            s.since = Instant::now();
            Some(std::mem::replace(&mut s.recs, recs))
        }
        Some(_) => Some(recs),
        None => {
            spare.push(Spare {
                shard,
                recs,
                since: Instant::now(),
            });
            None
        }
    };
    drop(spare);
    // freed outside the lock
    drop(replaced);
}

/// A kept block for staging shard `shard`, empty, if there is one.
pub(crate) fn take_spare(shard: usize) -> Option<Vec<Record>> {
    let mut spare = SPARE.try_lock().ok()?;
    let at = spare.iter().position(|s| s.shard == shard)?;
    Some(spare.swap_remove(at).recs)
}

pub(crate) fn set_keep(on: bool) {
    KEEP.store(on, Ordering::Relaxed);
    if !on {
        // not waiting for the lock: a child made by `fork` while another
        // thread held it would wait forever (what is kept then stays)
        let kept = SPARE.try_lock().map(|mut spare| std::mem::take(&mut *spare));
        drop(kept);
    }
}

pub(crate) fn release(older_than: Duration) -> usize {
    let freed: Vec<Spare> = {
        let Ok(mut spare) = SPARE.lock() else {
            return 0;
        };
        let now = Instant::now();
        let (old, young) = std::mem::take(&mut *spare)
            .into_iter()
            .partition(|s| now.saturating_duration_since(s.since) >= older_than);
        *spare = young;
        old
    };
    freed.iter().map(|s| bytes(&s.recs)).sum()
}

pub(crate) fn held() -> (usize, Option<Instant>) {
    let Ok(spare) = SPARE.lock() else {
        return (0, None);
    };
    (
        spare.iter().map(|s| bytes(&s.recs)).sum(),
        spare.iter().map(|s| s.since).min(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recs(n: u32) -> Vec<Record> {
        (0..n).map(|i| Record::new(i64::from(i), 0, 0, 1.0, i)).collect()
    }

    #[test]
    fn a_block_splits_into_logs_that_copy_out_when_changed() {
        let block = Block::new(recs(5), 3);
        let mut logs = Log::split(block, &[0, 2, 2, 5]);
        assert_eq!(logs.len(), 3);
        let durs = |log: &Log| log.iter().map(|r| r.dur).collect::<Vec<_>>();
        assert_eq!(
            logs.iter().map(durs).collect::<Vec<_>>(),
            [vec![0, 1], vec![], vec![2, 3, 4]]
        );
        assert!(logs.iter().all(|l| l.block().is_some() && l.own_bytes() == 0));
        logs[2].to_mut().push(Record::new(9, 0, 0, 1.0, 9));
        assert!(logs[2].block().is_none());
        assert_eq!(durs(&logs[2]), [2, 3, 4, 9]);
        assert_eq!(logs[2].own_bytes(), logs[2].to_mut().capacity() * 20);
        // the others still read the block, unchanged
        assert_eq!(durs(&logs[0]), [0, 1]);
        assert_eq!(logs[0].block().map(|b| b.heap_bytes()), Some(5 * 20));
        assert_eq!(logs[0], Log::from(recs(2)));
        assert_ne!(logs[0], Log::from(recs(3)));
    }
}
