"""Reading Parquet files ahead of the ingest (``tiegraph._inputs.prefetched``)."""

from __future__ import annotations

import datetime as dt
import pathlib
import threading
import time
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import tiegraph as tg
from tiegraph._inputs import prefetched


def reader_threads() -> int:
    return sum(t.name == "tiegraph-read-ahead" for t in threading.enumerate())


def wait_for_no_reader(timeout: float = 5.0) -> int:
    deadline = time.monotonic() + timeout
    while reader_threads() and time.monotonic() < deadline:
        time.sleep(0.01)
    return reader_threads()


def test_items_come_in_order_whatever_the_depth() -> None:
    for depth in (1, 2, 7):
        assert list(prefetched(iter(range(1000)), depth=depth)) == list(range(1000))
    assert list(prefetched(iter([]))) == []
    assert wait_for_no_reader() == 0


def test_an_error_of_the_reader_is_raised_at_its_place() -> None:
    def failing() -> Iterator[int]:
        yield from range(3)
        raise OSError("disk gone")

    got = []
    with pytest.raises(OSError, match="disk gone"):
        for item in prefetched(failing(), depth=2):
            got.append(item)
    assert got == [0, 1, 2]
    assert wait_for_no_reader() == 0


def test_a_caller_that_stops_early_lets_the_reader_thread_end() -> None:
    def endless() -> Iterator[int]:
        n = 0
        while True:
            yield n
            n += 1

    items = prefetched(endless(), depth=2)
    assert [next(items) for _ in range(5)] == [0, 1, 2, 3, 4]
    items.close()
    assert wait_for_no_reader() == 0


def test_a_parquet_file_of_many_row_groups_loads_whole_and_in_order(tmp_path: pathlib.Path) -> None:
    n = 50_000
    people = [f"p{i:04d}" for i in range(300)]
    t = pa.table(
        {
            "src": [people[i % 300] for i in range(n)],
            "dst": [people[(i * 7 + 1) % 300] if (i * 7 + 1) % 300 != i % 300 else "x" for i in range(n)],
            "time": pa.array([1_772_445_600 + 60 * i for i in range(n)], pa.timestamp("s")),
            "channel": ["email" if i % 3 else "in_person" for i in range(n)],
        }
    )
    path = tmp_path / "log.parquet"
    pq.write_table(t, path, row_group_size=3_000)
    from_file, from_table = tg.Graph(), tg.Graph()
    seen: list[int] = []
    report = from_file.load_interactions(path, progress=seen.append)
    from_table.load_interactions(t)
    assert (report.rows, report.added) == (n, n)
    assert seen[-1] == n and seen == sorted(seen) and len(seen) > 1
    assert from_file.interaction_count == from_table.interaction_count == n
    # the same people and the same ties, scored the same
    assert [p.key for p in from_file.people()] == [p.key for p in from_table.people()]
    as_of = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)
    a = pa.table(from_file.strongest_ties_all(5, as_of=as_of))
    b = pa.table(from_table.strongest_ties_all(5, as_of=as_of))
    assert a.num_rows == 200 and a.to_pylist() == b.to_pylist()
    assert wait_for_no_reader() == 0


def test_a_bad_row_deep_in_a_file_names_its_row_and_adds_nothing(tmp_path: pathlib.Path) -> None:
    n = 20_000
    t = pa.table(
        {
            "src": ["ana"] * n,
            "dst": ["lee"] * 15_000 + [""] + ["lee"] * (n - 15_001),
            "time": pa.array([1_772_445_600 + i for i in range(n)], pa.timestamp("s")),
            "channel": ["email"] * n,
        }
    )
    path = tmp_path / "bad.parquet"
    pq.write_table(t, path, row_group_size=1_000)
    g = tg.Graph()
    with pytest.raises(tg.EmptyKeyError) as err:
        g.load_interactions(path)
    assert err.value.row == 15_000
    assert (g.person_count, g.interaction_count) == (0, 0)
    assert wait_for_no_reader() == 0
