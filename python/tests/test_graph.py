"""The methods of tg.Graph, one by one."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

import tiegraph as tg
from conftest import UTC, at, utc


def test_version_and_exports() -> None:
    assert tg.__version__ == "0.1.0"
    assert tg.SNAPSHOT_VERSION == 1
    for name in tg.__all__:
        assert hasattr(tg, name), name


def test_empty_graph() -> None:
    g = tg.Graph()
    assert (g.person_count, g.tie_count, g.interaction_count, len(g)) == (0, 0, 0, 0)
    assert g.people() == []
    assert repr(g) == "Graph(people=0, ties=0, interactions=0)"


def test_people(g: tg.Graph) -> None:
    ana = g.person("ana")
    assert (ana.key, ana.name, ana.organisation, ana.role, ana.tags) == (
        "ana",
        "Ana Ruiz",
        "Agency",
        "press officer",
        ["pr"],
    )
    assert repr(ana) == (
        "Person(key='ana', name='Ana Ruiz', organisation='Agency', role='press officer', tags=['pr'])"
    )
    # people created by interactions and connections have no details
    lee = g.person("lee")
    assert (lee.name, lee.organisation, lee.role, lee.tags) == (None, None, None, [])
    assert [p.key for p in g.people()] == ["ana", "bo", "lee"]
    assert "ana" in g and "zed" not in g
    assert len(g) == g.person_count == 3


def test_add_person_with_tags_from_any_sequence() -> None:
    g = tg.Graph()
    g.add_person("kim", tags=("press", "ai"))
    assert g.person("kim").tags == ["press", "ai"]
    assert g.person("kim") == g.person("kim")
    assert g.person_count == 1 and g.tie_count == 0


def test_update_person_changes_only_what_is_given(g: tg.Graph) -> None:
    g.update_person("ana", role="head of press")
    ana = g.person("ana")
    assert (ana.name, ana.role, ana.tags) == ("Ana Ruiz", "head of press", ["pr"])
    g.update_person("ana", tags=[])
    assert g.person("ana").tags == []


def test_remove_person_drops_their_ties(g: tg.Graph) -> None:
    removed = g.remove_person("ana")
    assert removed.name == "Ana Ruiz"
    assert (g.person_count, g.tie_count, g.interaction_count) == (2, 0, 0)
    assert "ana" not in g


def test_interactions_round_trip_with_utc_times(g: tg.Graph) -> None:
    its = g.interactions("lee", "ana")
    assert [(i.src, i.dst, i.at, i.channel, i.duration, i.weight) for i in its] == [
        ("ana", "lee", utc(2), "email", None, 1.0),
        ("lee", "ana", utc(3), "email", None, 1.0),
        ("ana", "lee", utc(9), "in_person", 5400.0, 1.0),
    ]
    assert its[0].at.tzinfo is not None and its[0].at.utcoffset() == dt.timedelta(0)
    assert repr(its[0]) == (
        "Interaction(src='ana', dst='lee', at=datetime.datetime(2026, 3, 2, 10, 0, "
        "tzinfo=datetime.timezone.utc), channel='email', duration=None, weight=1.0)"
    )
    assert (g.tie_count, g.interaction_count) == (2, 3)


def test_naive_and_aware_datetimes_and_dates() -> None:
    g = tg.Graph()
    paris_summer = dt.timezone(dt.timedelta(hours=2))
    g.add_interaction("a", "b", at=dt.datetime(2026, 6, 1, 12, 0), channel="email")  # naive = UTC
    g.add_interaction("a", "b", at=dt.datetime(2026, 6, 1, 14, 0, tzinfo=paris_summer), channel="phone_call")
    g.add_interaction("a", "b", at=dt.date(2026, 6, 2), channel="video_call")
    # sub-second parts are floored to the second
    g.add_interaction("a", "b", at=dt.datetime(2026, 6, 3, 8, 0, 59, 999_999), channel="reaction")
    times = [(i.channel, i.at) for i in g.interactions("a", "b")]
    # equal times are ordered by channel id (phone_call is a built-in before email)
    assert times == [
        ("phone_call", dt.datetime(2026, 6, 1, 12, tzinfo=UTC)),
        ("email", dt.datetime(2026, 6, 1, 12, tzinfo=UTC)),
        ("video_call", dt.datetime(2026, 6, 2, tzinfo=UTC)),
        ("reaction", dt.datetime(2026, 6, 3, 8, 0, 59, tzinfo=UTC)),
    ]


def test_zoneinfo_datetimes() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        paris = zoneinfo.ZoneInfo("Europe/Paris")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database")
    g = tg.Graph()
    g.add_interaction("a", "b", at=dt.datetime(2026, 1, 15, 9, 30, tzinfo=paris), channel="email")
    assert g.interactions("a", "b")[0].at == dt.datetime(2026, 1, 15, 8, 30, tzinfo=UTC)


def test_times_floor_to_the_second_in_any_zone_and_era() -> None:
    g = tg.Graph()
    plus2, minus5 = dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-5, minutes=-30))
    given = [
        dt.datetime(1960, 1, 1, 0, 0, 0, 999_999, tzinfo=plus2),  # before the epoch: still floored
        dt.datetime(1969, 12, 31, 23, 59, 59, 500_000),  # naive, one half second before the epoch
        dt.datetime(2026, 6, 1, 23, 59, 59, 999_999, tzinfo=minus5),
        dt.datetime(9999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
        dt.datetime(1, 1, 1, 0, 0, 0, 1, tzinfo=UTC),
    ]
    for k, at in enumerate(given):
        g.add_interaction("a", f"b{k}", at=at, channel="email")
    got = [g.interactions("a", f"b{k}")[0].at for k in range(len(given))]
    assert got == [
        dt.datetime(1959, 12, 31, 22, 0, 0, tzinfo=UTC),
        dt.datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC),
        dt.datetime(2026, 6, 2, 5, 29, 59, tzinfo=UTC),
        dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
        dt.datetime(1, 1, 1, tzinfo=UTC),
    ]
    # the same instant in two zones is one time
    same = dt.datetime(2026, 3, 1, 12, 0, 0, 250_000, tzinfo=UTC)
    g.add_interaction("c", "d", at=same, channel="email")
    g.add_interaction("c", "d", at=same.astimezone(minus5), channel="reaction")
    assert {i.at for i in g.interactions("c", "d")} == {dt.datetime(2026, 3, 1, 12, tzinfo=UTC)}


def test_numbers_are_not_times() -> None:
    g = tg.Graph()
    with pytest.raises(TypeError, match="never guessed"):
        g.add_interaction("a", "b", at=1_772_445_600, channel="email")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        g.add_interaction("a", "b", at="2026-03-02", channel="email")  # type: ignore[arg-type]
    assert g.person_count == 0


def test_wrong_python_types_are_type_errors() -> None:
    g = tg.Graph()
    with pytest.raises(TypeError):
        g.add_person(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        g.add_event("abc", at=at(1))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        g.add_interaction("a", "b", at=at(1), channel="email", weight="heavy")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        g.merge("not a graph")  # type: ignore[arg-type]


def test_remove_interaction(g: tg.Graph) -> None:
    g.remove_interaction("ana", "lee", at=at(9), channel="in_person", duration=5400.0)
    assert g.interaction_count == 2
    with pytest.raises(tg.InteractionNotFoundError):
        g.remove_interaction("ana", "lee", at=at(9), channel="in_person", duration=5400.0)
    g.remove_interaction("ana", "lee", at=at(2), channel="email")
    g.remove_interaction("lee", "ana", at=at(3), channel="email")
    # the tie is gone with its last interaction; the people stay
    assert (g.tie_count, g.person_count) == (1, 3)
    with pytest.raises(tg.TieNotFoundError):
        g.interactions("ana", "lee")


def test_add_event_dilutes_by_group_size() -> None:
    g = tg.Graph()
    g.add_event(["lee", "ana", "sam", "bo", "kim"], at=at(12), name="send-off", duration=7200.0)
    assert (g.person_count, g.tie_count, g.interaction_count) == (5, 10, 10)
    [it] = g.interactions("ana", "lee")
    assert (it.channel, it.weight, it.duration) == ("event", 0.5, 7200.0)
    assert (it.src, it.dst) == ("lee", "ana")  # the first listed participant initiates
    g.add_event(["ana", "lee"], at=at(13), channel="in_person", weight=2.0)
    assert g.interactions("ana", "lee")[1].weight == 2.0


def test_connections(g: tg.Graph) -> None:
    [c] = g.connections("ana", "bo")
    assert (c.a, c.b, c.platform, c.kind, c.since) == ("bo", "ana", "x", "follows", None)
    g.add_connection("ana", "lee", platform="linkedin", since=dt.date(2020, 5, 1))
    g.add_connection("lee", "ana", platform="linkedin", since=dt.date(2020, 5, 1))  # same, kept once
    [m] = g.connections("lee", "ana")
    assert (m.kind, m.since) == ("mutual", dt.datetime(2020, 5, 1, tzinfo=UTC))
    assert repr(m).startswith("Connection(a='ana', b='lee', platform='linkedin', kind='mutual'")
    assert g.interactions("ana", "bo") == []


def test_channels() -> None:
    g = tg.Graph()
    names = [c.name for c in g.channels()]
    assert names == [
        "in_person",
        "event",
        "video_call",
        "phone_call",
        "email",
        "direct_message",
        "public_reply",
        "broadcast",
        "reaction",
    ]
    email = g.channel("email")
    assert (email.mode, email.class_, email.weight, email.mutual, email.typical_duration) == (
        "online",
        "private_written",
        0.3,
        False,
        None,
    )
    podcast = g.register_channel(
        "podcast", mode="online", class_="synchronous", weight=0.7, mutual=True, typical_duration=2700.0
    )
    assert podcast == g.channel("podcast") == g.channels()[-1]
    assert repr(podcast) == (
        "Channel(name='podcast', mode='online', class_='synchronous', weight=0.7, mutual=True, "
        "typical_duration=2700.0)"
    )
    # the same definition again is a no-op; a different one is an error
    g.register_channel("podcast", mode="online", class_="synchronous", weight=0.7, mutual=True, typical_duration=2700.0)
    assert len(g.channels()) == 10
    g.add_interaction("a", "b", at=at(1), channel="podcast", duration=2700.0)
    assert g.interactions("a", "b")[0].channel == "podcast"


def test_merge_equals_loading_both() -> None:
    x, y, both = tg.Graph(), tg.Graph(), tg.Graph()
    x.add_interaction("ana", "lee", at=at(2), channel="email")
    y.add_interaction("lee", "ana", at=at(3), channel="email")
    y.add_person("sam", name="Sam")
    for g in (both,):
        g.add_interaction("ana", "lee", at=at(2), channel="email")
        g.add_interaction("lee", "ana", at=at(3), channel="email")
        g.add_person("sam", name="Sam")
    x.merge(y)
    assert x == both
    assert x != y and x != "graph"
    # merging a graph into itself doubles its interactions without deadlock
    y.merge(y)
    assert y.interaction_count == 2


def test_save_and_load(g: tg.Graph, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "g.json"
    g.save(path)
    h = tg.Graph.load(str(path))
    assert h == g
    assert h.person("ana").tags == ["pr"]
    assert '"format":"tiegraph"' in path.read_text()


def test_pickle_and_copy(g: tg.Graph) -> None:
    h = pickle.loads(pickle.dumps(g))
    assert isinstance(h, tg.Graph) and h == g and h is not g
    assert copy.deepcopy(g) == g
    h.add_person("new")
    assert "new" not in g
    assert isinstance(g.__getstate__(), bytes)


def test_value_objects_are_read_only(g: tg.Graph) -> None:
    with pytest.raises(AttributeError):
        g.person("ana").name = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        tg.Person()  # type: ignore[call-arg]


def test_package_docstring_example_runs() -> None:
    import doctest

    result = doctest.testmod(tg, raise_on_error=False)
    assert result.attempted > 0 and result.failed == 0
