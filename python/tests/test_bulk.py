"""Bulk loads from pyarrow, pandas, polars, CSV and Parquet."""

from __future__ import annotations

import datetime as dt
import pathlib

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import tiegraph as tg
from conftest import UTC, utc

MS = 1_772_445_600_000  # 2026-03-02T10:00:00Z in milliseconds


def table(**overrides: object) -> pa.Table:
    cols: dict[str, object] = {
        "src": ["ana", "lee", "ana", "bo"],
        "dst": ["lee", "ana", "bo", "lee"],
        "time": pa.array([MS, MS + 86_400_000, MS + 999, MS - 1], pa.timestamp("ms")),
        "channel": ["email", "email", "in_person", "phone_call"],
    }
    cols.update(overrides)
    return pa.table(cols)


def summary(g: tg.Graph) -> list[tuple[str, str, dt.datetime, str, float | None, float]]:
    out = []
    for a, b in [("ana", "lee"), ("ana", "bo"), ("bo", "lee")]:
        if a in g and b in g:
            try:
                its = g.interactions(a, b)
            except tg.TieNotFoundError:
                continue
            out += [(i.src, i.dst, i.at, i.channel, i.duration, i.weight) for i in its]
    return out


EXPECTED = [
    ("ana", "lee", utc(2), "email", None, 1.0),
    ("lee", "ana", utc(3), "email", None, 1.0),
    ("ana", "bo", utc(2), "in_person", None, 1.0),  # 999 ms past the second: floored
    ("bo", "lee", dt.datetime(2026, 3, 2, 9, 59, 59, tzinfo=UTC), "phone_call", None, 1.0),
]


def test_pyarrow_table() -> None:
    g = tg.Graph()
    report = g.load_interactions(table())
    assert (report.rows, report.added, report.skipped, report.new_people, report.ties_touched) == (
        4,
        4,
        [],
        3,
        3,
    )
    assert repr(report) == "LoadReport(rows=4, added=4, skipped=0, new_people=3, ties_touched=3)"
    assert summary(g) == EXPECTED


def test_record_batch_and_reader_of_several_batches() -> None:
    t = table()
    g = tg.Graph()
    g.load_interactions(t.to_batches()[0])
    assert summary(g) == EXPECTED
    batches = t.to_batches(max_chunksize=1)
    assert len(batches) == 4
    h = tg.Graph()
    h.load_interactions(pa.RecordBatchReader.from_batches(t.schema, iter(batches)))
    assert h == g


def test_renamed_columns_duration_weight_and_dictionaries() -> None:
    t = pa.table(
        {
            "from": pa.array(["ana", "lee"]).dictionary_encode(),
            "to": pa.array(["lee", "ana"], pa.large_string()),
            "when": pa.array([dt.date(2026, 3, 2), dt.date(2026, 3, 3)], pa.date32()),
            "how": pa.array(["in_person", "phone_call"]).dictionary_encode(),
            "secs": pa.array([5_400_000, None], pa.duration("ms")),
            "w": pa.array([2, None], pa.int8()),
        }
    )
    g = tg.Graph()
    g.load_interactions(t, src="from", dst="to", time="when", channel="how", duration="secs", weight="w")
    got = [(i.src, i.at, i.channel, i.duration, i.weight) for i in g.interactions("ana", "lee")]
    assert got == [
        ("ana", dt.datetime(2026, 3, 2, tzinfo=UTC), "in_person", 5400.0, 2.0),
        ("lee", dt.datetime(2026, 3, 3, tzinfo=UTC), "phone_call", None, 1.0),
    ]


def test_time_zones_in_arrow() -> None:
    naive = table(time=pa.array([dt.datetime(2026, 3, 2, 10)] * 4, pa.timestamp("us")))
    zoned = table(
        time=pa.array([dt.datetime(2026, 3, 2, 10, tzinfo=UTC)] * 4, pa.timestamp("us", tz="Asia/Tokyo"))
    )
    g, h = tg.Graph(), tg.Graph()
    g.load_interactions(naive)
    h.load_interactions(zoned)
    assert g == h
    assert g.interactions("ana", "lee")[0].at == utc(2)


def test_pandas_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "src": ["ana", "lee", "ana", "bo"],
            "dst": ["lee", "ana", "bo", "lee"],
            "time": pd.to_datetime([MS, MS + 86_400_000, MS + 999, MS - 1], unit="ms"),
            "channel": pd.Categorical(["email", "email", "in_person", "phone_call"]),
        },
        index=[10, 11, 12, 13],
    )
    g = tg.Graph()
    assert g.load_interactions(df).added == 4
    assert summary(g) == EXPECTED
    aware = df.assign(time=df["time"].dt.tz_localize("UTC").dt.tz_convert("America/New_York"))
    h = tg.Graph()
    h.load_interactions(aware)
    assert h == g


def test_old_pandas_fallback_goes_through_pyarrow() -> None:
    pd = pytest.importorskip("pandas")

    class OldFrame(pd.DataFrame):  # type: ignore[misc, name-defined]
        """Stands for a pandas < 2.2 DataFrame: no __arrow_c_stream__."""

        @property
        def __arrow_c_stream__(self):  # type: ignore[no-untyped-def]
            raise AttributeError("__arrow_c_stream__")

    df = OldFrame(
        {
            "src": ["ana", "lee", "ana", "bo"],
            "dst": ["lee", "ana", "bo", "lee"],
            "time": pd.to_datetime([MS, MS + 86_400_000, MS + 999, MS - 1], unit="ms"),
            "channel": ["email", "email", "in_person", "phone_call"],
        },
        index=[7, 8, 9, 10],
    )
    assert not hasattr(df, "__arrow_c_stream__")
    g = tg.Graph()
    assert g.load_interactions(df).added == 4
    assert summary(g) == EXPECTED


def test_polars_dataframe() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame(
        {
            "src": ["ana", "lee", "ana", "bo"],
            "dst": ["lee", "ana", "bo", "lee"],
            "time": pl.Series([MS, MS + 86_400_000, MS + 999, MS - 1]).cast(pl.Datetime("ms")),
            "channel": pl.Series(["email", "email", "in_person", "phone_call"], dtype=pl.Categorical),
        }
    )
    g = tg.Graph()
    assert g.load_interactions(df).added == 4
    assert summary(g) == EXPECTED
    h = tg.Graph()
    h.load_interactions(df.lazy().collect().with_columns(pl.col("time").dt.replace_time_zone("UTC")))
    assert h == g


def test_csv_paths(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "src,dst,time,channel,secs\n"
        "ana,lee,2026-03-02T10:00:00Z,email,\n"
        "lee,ana,2026-03-03T11:00:00+01:00,email,\n"
        "ana,bo,2026-03-02 10:00:00.999,in_person,\n"
        "bo,lee,2026-03-02T09:59:59,phone_call,\n"
    )
    g = tg.Graph()
    report = g.load_interactions(path, duration="secs")
    assert (report.rows, report.added) == (4, 4)
    assert summary(g) == EXPECTED
    h = tg.Graph()
    h.load_interactions(str(path))
    assert h == g


def test_csv_with_integer_times_needs_a_unit(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ms.CSV"
    path.write_text(f"src,dst,time,channel\nana,lee,{MS},email\n")
    with pytest.raises(tg.TimestampError):
        tg.Graph().load_interactions(path)
    g = tg.Graph()
    g.load_interactions(path, time_unit="ms")
    assert g.interactions("ana", "lee")[0].at == utc(2)
    with pytest.raises(tg.InvalidArgumentError, match="CSV files only"):
        g.load_interactions(table(), time_unit="ms")


def test_parquet_path(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "log.parquet"
    pq.write_table(table(), path, row_group_size=2)
    g = tg.Graph()
    assert g.load_interactions(path).added == 4
    assert summary(g) == EXPECTED


def test_skip_mode_reports_rows_across_batches() -> None:
    t = pa.table(
        {
            "src": ["ana", None, "lee", "ana", "ana"],
            "dst": ["lee", "lee", "lee", "lee", "lee"],
            "time": pa.array([MS, MS, MS, None, MS], pa.timestamp("ms")),
            "channel": ["email", "email", "email", "email", "fax"],
        }
    )
    reader = pa.RecordBatchReader.from_batches(t.schema, t.to_batches(max_chunksize=2))
    g = tg.Graph()
    report = g.load_interactions(reader, on_error="skip")
    assert (report.rows, report.added) == (5, 1)
    assert [row for row, _ in report.skipped] == [1, 2, 3, 4]
    assert report.skipped[0][1] == 'empty person key in field "src"'
    assert report.skipped[1][1] == 'self-interaction: "lee" cannot interact with themself'
    assert report.skipped[2][1] == 'invalid timestamp "null" in field "time": the time is missing'
    assert report.skipped[3][1].startswith('unknown channel "fax"')
    assert g.interaction_count == 1


def test_skip_mode_in_csv_names_lines(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("src,dst,time,channel\nana,lee,2026-03-02T10:00:00Z,email\nana,ana,2026-03-02T10:00:00Z,email\n")
    report = tg.Graph().load_interactions(path, on_error="skip")
    assert report.skipped == [(1, 'line 3: self-interaction: "ana" cannot interact with themself')]


def test_a_bad_row_in_a_later_batch_changes_nothing() -> None:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=utc(1), channel="email")
    good = table().to_batches()[0]
    bad = table(src=["kim", "sam", "sam", "bo"], dst=["sam", "sam", "bo", "kim"]).to_batches()[0]
    reader = pa.RecordBatchReader.from_batches(good.schema, iter([good, bad]))
    with pytest.raises(tg.SelfInteractionError) as info:
        g.load_interactions(reader)
    assert info.value.row == 5
    assert str(info.value) == 'row 5: self-interaction: "sam" cannot interact with themself'
    assert (g.person_count, g.interaction_count) == (2, 1)


def test_an_exception_inside_the_stream_propagates() -> None:
    t = table()

    def batches():  # type: ignore[no-untyped-def]
        yield t.to_batches()[0]
        raise RuntimeError("upstream broke")

    g = tg.Graph()
    with pytest.raises(Exception, match="upstream broke"):
        g.load_interactions(pa.RecordBatchReader.from_batches(t.schema, batches()))
    assert g.person_count == 0


def test_the_stream_can_read_the_graph_while_loading() -> None:
    """Pulling a batch runs Python code; the graph is not locked meanwhile."""
    g = tg.Graph()
    g.add_person("ana")
    g.add_person("lee")
    seen = []
    t = table()

    def batches():  # type: ignore[no-untyped-def]
        for b in t.to_batches(max_chunksize=2):
            seen.append((g.person_count, g.interaction_count, "ana" in g))
            g.add_interaction("ana", "lee", at=utc(20), channel="reaction")  # a write between batches is fine
            yield b

    g.load_interactions(pa.RecordBatchReader.from_batches(t.schema, batches()))
    assert seen == [(2, 0, True), (2, 1, True)]
    assert g.interaction_count == 6


def test_people_added_during_a_load_abort_it() -> None:
    g = tg.Graph()
    t = table()

    def batches():  # type: ignore[no-untyped-def]
        for i, b in enumerate(t.to_batches(max_chunksize=2)):
            if i == 1:
                g.add_person("newcomer")
            yield b

    with pytest.raises(tg.InvalidArgumentError, match="added to or removed from the graph while loading"):
        g.load_interactions(pa.RecordBatchReader.from_batches(t.schema, batches()))
    assert (g.person_count, g.interaction_count) == (1, 0)


def test_progress_callable_and_true(capsys: pytest.CaptureFixture[str]) -> None:
    t = table()
    calls: list[int] = []

    class Bar:
        closed = False

        def __call__(self, rows: int) -> None:
            calls.append(rows)

        def close(self) -> None:
            Bar.closed = True

    tg.Graph().load_interactions(pa.RecordBatchReader.from_batches(t.schema, t.to_batches(max_chunksize=3)), progress=Bar())
    assert calls == [3, 4, 4] and Bar.closed
    tg.Graph().load_interactions(t, progress=True)
    assert "tiegraph: 4 rows read" in capsys.readouterr().err
    tg.Graph().load_interactions(t, progress=False)
    assert capsys.readouterr().err == ""


def test_empty_inputs() -> None:
    g = tg.Graph()
    empty = table().slice(0, 0)
    report = g.load_interactions(empty)
    assert (report.rows, report.added) == (0, 0)
    # a wrong schema is reported even when no batch comes
    with pytest.raises(tg.ColumnTypeError):
        g.load_interactions(empty.set_column(2, "time", pa.array([], pa.int64())))


def test_load_connections_from_arrow_and_csv(tmp_path: pathlib.Path) -> None:
    t = pa.table(
        {
            "a": ["ana", "lee", "bo"],
            "b": ["lee", "ana", "bo"],
            "platform": ["x", "x", "x"],
            "kind": ["follows", "follows", "mutual"],
            "since": pa.array([dt.datetime(2020, 1, 1), None, None], pa.timestamp("s")),
        }
    )
    g = tg.Graph()
    report = g.load_connections(t, kind="kind", since="since", on_error="skip")
    assert (report.rows, report.added, report.new_people) == (3, 2, 2)
    assert report.skipped == [(2, 'self-interaction: "bo" cannot interact with themself')]
    conns = {(c.a, c.b, c.kind, c.since) for c in g.connections("ana", "lee")}
    assert conns == {
        ("ana", "lee", "follows", dt.datetime(2020, 1, 1, tzinfo=UTC)),
        ("lee", "ana", "follows", None),
    }
    with pytest.raises(tg.SelfInteractionError):
        tg.Graph().load_connections(t)

    path = tmp_path / "conns.csv"
    path.write_text("who,whom,where\nana,lee,linkedin\n")
    h = tg.Graph()
    assert h.load_connections(path, a="who", b="whom", platform="where").added == 1
    assert h.connections("lee", "ana")[0].kind == "mutual"
    pl = pytest.importorskip("polars")
    k = tg.Graph()
    k.load_connections(pl.DataFrame({"a": ["ana"], "b": ["lee"], "platform": ["linkedin"]}))
    assert k == h


def test_load_connections_parquet_and_errors(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "conns.parquet"
    pq.write_table(pa.table({"a": ["ana"], "b": ["lee"], "platform": ["x"]}), path)
    g = tg.Graph()
    assert g.load_connections(path).added == 1
    with pytest.raises(tg.MissingColumnError):
        g.load_connections(path, kind="kind")
    with pytest.raises(tg.ColumnTypeError):
        g.load_connections(pa.table({"a": [1], "b": ["lee"], "platform": ["x"]}))
