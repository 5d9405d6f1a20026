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


def test_dictionary_columns_are_those_stored_as_indices(tmp_path: pathlib.Path) -> None:
    n = 6_000
    t = pa.table(
        {
            "src": [f"p{i % 40:03d}" for i in range(n)],
            # all distinct: the writer's dictionary outgrows its page and the
            # column falls back to plain strings
            "dst": [f"someone.with.a.long.name{i:06d}@example.org" for i in range(n)],
            "time": pa.array(range(n), pa.int64()),
            "channel": ["email"] * n,
            # binary, not strings, though stored as a dictionary
            "raw": pa.array([b"k%d" % (i % 5) for i in range(n)], pa.binary()),
        }
    )
    path = tmp_path / "mixed.parquet"
    pq.write_table(t, path, row_group_size=2_000, dictionary_pagesize_limit=4_096)
    f = pq.ParquetFile(path)
    names = ["src", "dst", "time", "nope", "src", "channel", "raw"]
    chosen = tg._inputs.dictionary_columns(f.metadata, f.schema_arrow, names)
    assert chosen == ["src", "channel"]
    assert tg._inputs.dictionary_columns(f.metadata, f.schema_arrow, []) == []
    # a file written without dictionaries has none to give
    plain = tmp_path / "plain.parquet"
    pq.write_table(t, plain, use_dictionary=False)
    f = pq.ParquetFile(plain)
    assert tg._inputs.dictionary_columns(f.metadata, f.schema_arrow, ["src", "channel"]) == []


def test_a_path_load_reads_its_key_and_channel_columns_as_dictionaries(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 30_000
    people = [f"p{i:04d}" for i in range(500)]
    t = pa.table(
        {
            "from": [people[i % 500] for i in range(n)],
            "to": [people[(i * 13 + 7) % 500] for i in range(n)],  # never the same as "from"
            "at": pa.array([1_772_445_600 + 60 * i for i in range(n)], pa.timestamp("s")),
            "how": ["email" if i % 4 else "in_person" for i in range(n)],
        }
    )
    path = tmp_path / "named.parquet"
    pq.write_table(t, path, row_group_size=7_000)
    asked: list[list[str]] = []
    types: list[pa.Schema] = []
    read_path = tg._inputs.read_path

    def spy(p: str, dictionary: list[str]) -> object:
        asked.append(list(dictionary))
        reader = read_path(p, dictionary)
        types.append(reader.schema)
        return reader

    monkeypatch.setattr(tg._inputs, "read_path", spy)
    cols = {"src": "from", "dst": "to", "time": "at", "channel": "how"}
    from_file, from_table = tg.Graph(), tg.Graph()
    report = from_file.load_interactions(path, **cols)
    from_table.load_interactions(t, **cols)
    assert asked == [["from", "to", "how"]]
    assert [pa.types.is_dictionary(types[0].field(c).type) for c in ("from", "to", "at", "how")] == [
        True,
        True,
        False,
        True,
    ]
    assert (report.rows, report.added, report.new_people) == (n, n, 500)
    assert [p.key for p in from_file.people()] == [p.key for p in from_table.people()]
    as_of = dt.datetime(2027, 1, 1, tzinfo=dt.timezone.utc)
    a = pa.table(from_file.strongest_ties_all(5, as_of=as_of))
    b = pa.table(from_table.strongest_ties_all(5, as_of=as_of))
    assert a.num_rows > 0 and a.to_pylist() == b.to_pylist()
    assert wait_for_no_reader() == 0
