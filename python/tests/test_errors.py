"""Every kind of core failure raises its own TiegraphError subclass."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pytest

import tiegraph as tg
from conftest import at


def test_hierarchy() -> None:
    builtin = {
        tg.SelfInteractionError: ValueError,
        tg.EmptyKeyError: ValueError,
        tg.UnknownChannelError: ValueError,
        tg.InvalidWeightError: ValueError,
        tg.InvalidDurationError: ValueError,
        tg.TimestampError: ValueError,
        tg.InvalidValueError: ValueError,
        tg.MissingColumnError: ValueError,
        tg.ColumnTypeError: TypeError,
        tg.CsvError: ValueError,
        tg.SnapshotVersionError: ValueError,
        tg.CorruptSnapshotError: ValueError,
        tg.TiegraphIOError: OSError,
        tg.PersonNotFoundError: KeyError,
        tg.PersonExistsError: ValueError,
        tg.TieNotFoundError: KeyError,
        tg.InteractionNotFoundError: LookupError,
        tg.InvalidChannelError: ValueError,
        tg.InvalidEventError: ValueError,
        tg.InvalidParameterError: ValueError,
        tg.InvalidArgumentError: ValueError,
        tg.FitError: ValueError,
    }
    assert issubclass(tg.TiegraphError, Exception)
    for cls, base in builtin.items():
        assert issubclass(cls, tg.TiegraphError) and issubclass(cls, base), cls
        assert cls.__module__ == "tiegraph._errors"
    # every exception class of the package is in the table above
    exported = {getattr(tg, n) for n in tg.__all__ if n.endswith("Error")}
    assert exported == set(builtin) | {tg.TiegraphError}


def raised(fn, cls):  # type: ignore[no-untyped-def]
    with pytest.raises(cls) as info:
        fn()
    return info.value


def test_self_interaction() -> None:
    g = tg.Graph()
    e = raised(lambda: g.add_interaction("ana", "ana", at=at(1), channel="email"), tg.SelfInteractionError)
    assert str(e) == 'self-interaction: "ana" cannot interact with themself'
    assert (e.row, e.line) == (None, None)
    raised(lambda: g.add_connection("ana", "ana", platform="x"), tg.SelfInteractionError)
    assert g.person_count == 0


def test_empty_key() -> None:
    g = tg.Graph()
    e = raised(lambda: g.add_person(""), tg.EmptyKeyError)
    assert str(e) == 'empty person key in field "key"'
    raised(lambda: g.add_interaction("", "lee", at=at(1), channel="email"), tg.EmptyKeyError)


def test_unknown_channel_lists_the_known_ones() -> None:
    e = raised(lambda: tg.Graph().add_interaction("a", "b", at=at(1), channel="fax"), tg.UnknownChannelError)
    assert str(e).startswith('unknown channel "fax"; known channels: in_person, event, video_call')
    raised(lambda: tg.Graph().channel("fax"), tg.UnknownChannelError)


def test_invalid_weight_and_duration() -> None:
    g = tg.Graph()
    e = raised(lambda: g.add_interaction("a", "b", at=at(1), channel="email", weight=-1.0), tg.InvalidWeightError)
    assert str(e) == 'invalid weight -1 in field "weight": must be finite and >= 0'
    raised(lambda: g.add_interaction("a", "b", at=at(1), channel="email", weight=float("nan")), tg.InvalidWeightError)
    e = raised(lambda: g.add_interaction("a", "b", at=at(1), channel="email", duration=-5.0), tg.InvalidDurationError)
    assert "invalid duration -5 s" in str(e)
    assert g.interaction_count == 0


def test_timestamp_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    g = tg.Graph()
    path = tmp_path / "bad.csv"
    path.write_text("src,dst,time,channel\nana,lee,2026-03-02T10:00:00Z,email\nana,lee,yesterday,email\n")
    e = raised(lambda: g.load_interactions(path), tg.TimestampError)
    assert str(e) == (
        'row 1 (line 3): invalid timestamp "yesterday" in field "time": '
        "expected RFC 3339, e.g. 2026-03-02T10:00:00Z"
    )
    assert (e.row, e.line) == (1, 3)
    far = pa.table(
        {
            "src": ["a"],
            "dst": ["b"],
            "time": pa.array([2**62], pa.timestamp("s")),
            "channel": ["email"],
        }
    )
    e = raised(lambda: g.load_interactions(far), tg.TimestampError)
    assert str(e) == 'row 0: timestamp 4611686018427387904 s in field "time" is out of range'
    assert g.interaction_count == 0


def test_invalid_values_of_options() -> None:
    g = tg.Graph()
    e = raised(lambda: g.add_connection("a", "b", platform="x", kind="friends"), tg.InvalidValueError)  # type: ignore[arg-type]
    assert str(e) == 'invalid value "friends" in field "kind"; expected one of: mutual, follows'
    table = pa.table({"src": ["a"], "dst": ["b"], "time": pa.array([0], pa.timestamp("s")), "channel": ["email"]})
    raised(lambda: g.load_interactions(table, on_error="ignore"), tg.InvalidValueError)  # type: ignore[arg-type]
    raised(lambda: g.register_channel("c", mode="remote", class_="synchronous", weight=1.0), tg.InvalidValueError)  # type: ignore[arg-type]
    e = raised(lambda: g.register_channel("c", mode="online", class_="telepathy", weight=1.0), tg.InvalidValueError)  # type: ignore[arg-type]
    assert "expected one of: offline, synchronous, private_written" in str(e)
    raised(lambda: g.load_interactions(table, time_unit="h"), tg.InvalidArgumentError)  # type: ignore[arg-type]


def test_missing_column_and_column_type() -> None:
    g = tg.Graph()
    table = pa.table({"src": ["a"], "dst": ["b"], "when": [1_772_445_600], "channel": ["email"]})
    e = raised(lambda: g.load_interactions(table), tg.MissingColumnError)
    assert str(e) == 'missing column "time"; available columns: src, dst, when, channel'
    e = raised(lambda: g.load_interactions(table, time="when"), tg.ColumnTypeError)
    assert str(e).startswith('column "when" has type Int64, expected Timestamp')
    assert "explicit unit" in str(e)


def test_csv_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ragged.csv"
    path.write_text("src,dst,time,channel\nana,lee,2026-03-02T10:00:00Z\n")
    e = raised(lambda: tg.Graph().load_interactions(str(path)), tg.CsvError)
    assert "malformed CSV at line 2" in str(e) and "found record with 3 fields" in str(e)
    assert e.row == 0


def test_snapshot_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    future = tmp_path / "future.json"
    future.write_text(json.dumps({"format": "tiegraph", "version": 99}))
    e = raised(lambda: tg.Graph.load(future), tg.SnapshotVersionError)
    assert str(e) == "snapshot format version 99 is not supported (this build reads version 1)"
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    raised(lambda: tg.Graph.load(garbage), tg.CorruptSnapshotError)
    g = tg.Graph()
    g.add_person("ana")
    raised(lambda: g.__setstate__(b"\xff\xfe"), tg.CorruptSnapshotError)
    assert g.person_count == 1  # unchanged


def test_io_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.json"
    e = raised(lambda: tg.Graph.load(missing), tg.TiegraphIOError)
    assert str(e).startswith(f"i/o error on {missing}:")
    assert isinstance(e, OSError)
    raised(lambda: tg.Graph().save(tmp_path / "no" / "such" / "dir.json"), tg.TiegraphIOError)
    raised(lambda: tg.Graph().load_interactions(tmp_path / "missing.csv"), tg.TiegraphIOError)


def test_not_found_errors_are_key_errors(g: tg.Graph) -> None:
    e = raised(lambda: g.person("zed"), tg.PersonNotFoundError)
    assert isinstance(e, KeyError)
    assert str(e) == 'person "zed" not found'  # not quoted like a bare KeyError
    raised(lambda: g.remove_person("zed"), KeyError)
    raised(lambda: g.update_person("zed", name="Zed"), tg.PersonNotFoundError)
    raised(lambda: g.interactions("ana", "zed"), tg.PersonNotFoundError)
    g.add_person("kim")
    e = raised(lambda: g.interactions("ana", "kim"), tg.TieNotFoundError)
    assert str(e) == 'no tie between "ana" and "kim"'
    e = raised(lambda: g.remove_interaction("ana", "lee", at=at(20), channel="email"), tg.InteractionNotFoundError)
    assert str(e) == 'no interaction "ana" -> "lee" on "email" at 2026-03-20T10:00:00+00:00 to remove'


def test_person_exists(g: tg.Graph) -> None:
    e = raised(lambda: g.add_person("ana"), tg.PersonExistsError)
    assert str(e) == 'person "ana" already exists'


def test_invalid_channel() -> None:
    g = tg.Graph()
    e = raised(lambda: g.register_channel("zoom", mode="online", class_="offline", weight=0.5), tg.InvalidChannelError)
    assert str(e) == 'invalid channel "zoom": class offline goes with mode offline, and only with it'
    raised(lambda: g.register_channel("zoom", mode="online", class_="synchronous", weight=-1.0), tg.InvalidChannelError)
    g.register_channel("zoom", mode="online", class_="synchronous", weight=0.5)
    raised(lambda: g.register_channel("zoom", mode="online", class_="synchronous", weight=0.6), tg.InvalidChannelError)


def test_invalid_event() -> None:
    g = tg.Graph()
    e = raised(lambda: g.add_event(["ana"], at=at(1), name="lunch"), tg.InvalidEventError)
    assert str(e) == 'invalid group event "lunch": it needs at least two participants, got 1'
    raised(lambda: g.add_event(["ana", "lee", "ana"], at=at(1)), tg.InvalidEventError)
    assert g.person_count == 0


def test_invalid_argument_for_unsupported_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"")
    e = raised(lambda: tg.Graph().load_interactions(path), tg.InvalidArgumentError)
    assert "expected a .csv or .parquet file" in str(e)


def test_unsupported_inputs_are_type_errors() -> None:
    with pytest.raises(TypeError, match="Arrow PyCapsule interface"):
        tg.Graph().load_interactions([{"src": "a"}])
    with pytest.raises(TypeError, match="progress must be a bool or a callable"):
        tg.Graph().load_interactions(pa.table({"x": [1]}), progress="yes")  # type: ignore[arg-type]


def test_scoring_errors_exist_for_the_scoring_api() -> None:
    # No method raises these yet (scoring lands separately); they must be
    # constructible and carry the row attributes like the others.
    for cls in (tg.InvalidParameterError, tg.FitError):
        e = cls("x")
        assert (str(e), e.row, e.line) == ("x", None, None)


def test_nothing_panics_across_the_boundary() -> None:
    g = tg.Graph()
    for bad in (float("inf"), float("nan"), 1e300):
        with pytest.raises(tg.InvalidDurationError):
            g.add_interaction("a", "b", at=at(1), channel="phone_call", duration=bad)
    with pytest.raises((OverflowError, TypeError)):
        g.add_interaction("a", "b", at=dt.datetime.max.replace(year=10000 - 1), channel="email", weight=10**400)  # type: ignore[arg-type]
