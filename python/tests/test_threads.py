"""Several Python threads on one graph: readers run while one thread writes."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time

import pyarrow as pa
import pytest

import tiegraph as tg
from conftest import at

MS = 1_772_445_600_000
AS_OF = dt.datetime(2026, 3, 10, tzinfo=dt.timezone.utc)


def batch(i: int, n: int) -> pa.RecordBatch:
    """n interactions among 50 people, none of them new after the first batch."""
    src = [f"p{(i * n + k) % 50:02d}" for k in range(n)]
    dst = [f"p{(i * n + k + 1 + k % 7) % 50:02d}" for k in range(n)]
    return pa.RecordBatch.from_pydict(
        {
            "src": src,
            "dst": dst,
            "time": pa.array([MS + 1000 * (i * n + k) for k in range(n)], pa.timestamp("ms")),
            "channel": pa.array(["email", "direct_message", "reaction"] * (n // 3) + ["email"] * (n % 3)),
        }
    )


def seeded() -> tg.Graph:
    g = tg.Graph()
    for k in range(50):
        g.add_person(f"p{k:02d}")
    return g


def test_readers_see_a_load_all_or_nothing() -> None:
    g = seeded()
    g.add_interaction("p00", "p01", at=at(1), channel="email")
    batches = [batch(i, 3000) for i in range(10)]
    done = threading.Event()
    errors: list[BaseException] = []
    seen: set[int] = set()

    def reader() -> None:
        try:
            while not done.is_set():
                seen.add(g.interaction_count)
                assert g.person_count == 50
                assert len(g.people()) == 50
                g.interactions("p00", "p01")
                g.channels()
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    report = g.load_interactions(pa.RecordBatchReader.from_batches(batches[0].schema, iter(batches)))
    done.set()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert report.added == 30_000
    assert g.interaction_count == 30_001
    # every reader saw the graph before or after the load, never half of it
    assert seen <= {1, 30_001}


def test_other_threads_run_while_rust_works() -> None:
    g = seeded()
    batches = [batch(i, 20_000) for i in range(8)]
    started = threading.Event()
    done = threading.Event()
    ticks = 0

    def counter() -> None:
        nonlocal ticks
        started.wait(timeout=60)
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    t = threading.Thread(target=counter)
    t.start()
    g.load_interactions(
        pa.RecordBatchReader.from_batches(batches[0].schema, iter(batches)),
        progress=lambda rows: started.set(),
    )
    done.set()
    t.join(timeout=60)
    assert g.interaction_count == 160_000
    assert ticks > 0


def test_a_stream_that_waits_for_another_thread_does_not_deadlock() -> None:
    """The graph is not locked while the stream's Python code runs."""
    g = seeded()
    b = batch(0, 30)
    may_go = threading.Event()
    out: list[int] = []

    def batches():  # type: ignore[no-untyped-def]
        yield b
        # only another thread reading (and writing) the graph can let us go on
        assert may_go.wait(timeout=30), "the other thread was blocked"
        yield b

    def other() -> None:
        out.append(g.person_count)
        g.add_interaction("p01", "p02", at=at(5), channel="email")
        may_go.set()

    t = threading.Thread(target=other)
    t.start()
    report = g.load_interactions(pa.RecordBatchReader.from_batches(b.schema, batches()))
    t.join(timeout=30)
    assert out == [50] and report.added == 60
    assert g.interaction_count == 61


@pytest.mark.parametrize("n_threads", [4])
def test_concurrent_writers_and_readers(n_threads: int) -> None:
    g = seeded()

    def writer(w: int) -> None:
        for k in range(200):
            g.add_interaction(f"p{w:02d}", f"p{(w + 1 + k % 10) % 50:02d}", at=at(1 + k % 28), channel="email")

    def reader() -> None:
        for _ in range(200):
            g.interaction_count
            "p00" in g

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(n_threads)]
    threads += [threading.Thread(target=reader) for _ in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert g.interaction_count == 200 * n_threads


def test_other_threads_run_while_ties_are_scored() -> None:
    """`Graph.ties` scores with the interpreter released: another thread
    makes progress during the call, not only before and after it."""
    g = seeded()
    batches = [batch(i, 20_000) for i in range(8)]
    g.load_interactions(pa.RecordBatchReader.from_batches(batches[0].schema, iter(batches)))
    running = threading.Event()
    done = threading.Event()
    stamps: list[float] = []

    def counter() -> None:
        running.set()
        while not done.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0)

    t = threading.Thread(target=counter)
    t.start()
    assert running.wait(timeout=60)
    # a release build scores this graph in a few milliseconds: call it until
    # the calls add up to a measurable time, and look for a stamp inside one
    calls: list[tuple[float, float]] = []
    while sum(end - start for start, end in calls) < 0.2 and len(calls) < 500:
        start = time.perf_counter()
        table = g.ties(as_of=at(28), with_peak=True)
        calls.append((start, time.perf_counter()))
    done.set()
    t.join(timeout=60)
    assert len(table) == g.tie_count
    margin = 0.0002
    inside = [s for s in stamps if any(a + margin < s < b - margin for a, b in calls)]
    assert inside, f"no progress in another thread during {len(calls)} calls"


def test_threads_scoring_at_once_agree() -> None:
    g = seeded()
    g.load_interactions(batch(0, 3000))
    as_of = at(28)
    want = (g.ties(as_of=as_of).to_arrow(), g.strength("p00", "p01", as_of=as_of))
    got: list[object] = []
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(20):
                got.append((g.ties(as_of=as_of).to_arrow(), g.strength("p00", "p01", as_of=as_of)))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert len(got) == 80 and all(x == want for x in got)


def _one_tie(rows: int) -> tg.Graph:
    """A graph of `rows` interactions, all between the same two people (one tie), each way in turn."""
    g = tg.Graph()
    g.load_interactions(
        pa.table(
            {
                "src": pa.array([("ana", "lee")[k % 2] for k in range(rows)]),
                "dst": pa.array([("lee", "ana")[k % 2] for k in range(rows)]),
                "time": pa.array([MS + 1000 * k for k in range(rows)], pa.timestamp("ms")),
                "channel": pa.array(["email"] * rows),
            }
        )
    )
    assert (g.interaction_count, g.tie_count) == (rows, 1)
    return g


def test_a_large_graph_is_freed_on_a_thread_of_its_own() -> None:
    """From 65,536 interactions and ties, `del` hands the graph to the freeing thread."""
    ext = tg._tiegraph
    assert ext._wait_for_frees()
    before = ext._background_frees()
    g = _one_tie(65_535)  # and one tie: 65,536
    kept = g
    del g
    assert ext._wait_for_frees()
    assert ext._background_frees() == before  # still referenced
    assert kept.interaction_count == 65_535
    del kept
    assert ext._wait_for_frees()
    assert ext._background_frees() == before + 1


def test_graphs_dropped_while_two_wait_are_freed_where_they_are_dropped() -> None:
    """The freeing thread's queue holds two graphs at most: the rest are freed at once."""
    ext = tg._tiegraph
    assert ext._wait_for_frees()
    before = ext._background_frees()
    graphs = [_one_tie(65_535) for _ in range(4)]
    ext._pause_frees(True)
    try:
        for k in range(4):
            graphs.pop()
            # the first two wait for the thread, held; the last two cannot
            assert ext._background_frees() == before + min(k + 1, 2)
        assert not ext._wait_for_frees(0.2)  # the thread holds its two
    finally:
        ext._pause_frees(False)
    assert ext._wait_for_frees()
    assert ext._background_frees() == before + 2
    # room again: the next large graph goes to the thread
    _one_tie(65_535)
    assert ext._wait_for_frees()
    assert ext._background_frees() == before + 3
    assert _spare_drained()


def test_a_dropped_graphs_records_serve_the_next_load_then_go_back() -> None:
    """Kept for the next bulk load to stage its rows in; freed after five seconds unused."""
    ext = tg._tiegraph
    assert _spare_drained()  # what earlier tests' graphs left
    _one_tie(65_535)  # dropped at once: the freeing thread runs from here on
    assert ext._wait_for_frees()
    g = _one_tie(65_535)
    want = g.strength("ana", "lee", as_of=AS_OF)
    assert want.value > 0
    del g
    assert ext._wait_for_frees()
    # one block: 65,535 records of 20 bytes
    assert ext._spare_bytes() == 65_535 * 20
    again = _one_tie(65_535)
    assert ext._spare_bytes() == 0  # the load staged its rows in it
    assert again.strength("ana", "lee", as_of=AS_OF).value == want.value
    del again
    assert ext._wait_for_frees()
    assert ext._spare_bytes() == 65_535 * 20
    assert _spare_drained()


def _spare_drained() -> bool:
    """Waits for the freeing thread to free what it keeps (five seconds after it was kept)."""
    deadline = time.monotonic() + 15
    while tg._tiegraph._spare_bytes() and time.monotonic() < deadline:
        time.sleep(0.2)
    return tg._tiegraph._spare_bytes() == 0


def test_a_smaller_graph_is_freed_where_it_is_dropped() -> None:
    ext = tg._tiegraph
    assert ext._wait_for_frees()
    before = ext._background_frees()
    g = _one_tie(65_534)  # and one tie: 65,535
    del g
    assert ext._wait_for_frees()
    assert ext._background_frees() == before


def test_waiting_for_frees_takes_a_timeout_of_zero_or_more() -> None:
    assert tg._tiegraph._wait_for_frees(0.0)
    with pytest.raises(ValueError, match=r"timeout must be .* \(got -1\)"):
        tg._tiegraph._wait_for_frees(-1.0)
    with pytest.raises(ValueError, match=r"\(got NaN\)"):
        tg._tiegraph._wait_for_frees(float("nan"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork with threads running
def test_a_forked_child_frees_its_graphs_itself() -> None:
    """The child of a fork has the freeing thread's memory but not the thread."""
    ext = tg._tiegraph
    first = _one_tie(65_535)
    del first  # the parent's freeing thread is running now
    assert ext._wait_for_frees()
    before = ext._background_frees()
    pid = os.fork()
    if pid == 0:  # the child: one interaction at a time (no thread pool after a fork)
        ok = False
        try:
            g, start = tg.Graph(), at(2)
            for k in range(65_535):
                g.add_interaction("ana", "lee", at=start + dt.timedelta(seconds=k), channel="email")
            del g
            ok = ext._wait_for_frees(5.0) and ext._background_frees() == before
        finally:
            os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
