"""Scoring from Python: values, tables, views, models, calibration, errors.

The hand scenarios repeat those of ``crates/tiegraph/tests/it/scoring.rs``
with the same numbers derived from the model page; the cross-implementation
test checks every tie of a random log against ``reference_model.py``.
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import pickle
import random
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import tiegraph as tg
from make_golden import COMPONENT_NAMES, random_scenario, threshold_margins
from reference_model import DAY, Connection, Interaction, Model, ReferenceModel

UTC = dt.timezone.utc
T0 = dt.datetime(2026, 1, 5, 9, tzinfo=UTC)
TOL = 1e-12
NAMES = ["recency", "intensity", "duration", "regularity", "reciprocity", "multiplexity", "connection"]
WEIGHTS = [0.25, 0.25, 0.15, 0.10, 0.10, 0.10, 0.05]


def days(d: float) -> dt.datetime:
    """T0 plus `d` days, in whole seconds (as the Rust tests count)."""
    return T0 + dt.timedelta(seconds=int(d * 86_400))


def close(what: str, got: float, want: float, tol: float = TOL) -> None:
    assert abs(got - want) <= tol, f"{what}: got {got!r}, want {want!r} (diff {abs(got - want)})"


def combine(f: list[float]) -> float:
    """The default model's weighted sum for a two-way pair."""
    return sum(w * x for w, x in zip(WEIGHTS, f)) / sum(WEIGHTS)


def check_components(s: tg.Strength, want: list[float]) -> None:
    assert list(s.components) == NAMES
    for name, w in zip(NAMES, want):
        close(name, s.components[name], w)


# --------------------------------------------------------------------------
# Hand scenarios (the numbers of crates/tiegraph/tests/it/scoring.rs)
# --------------------------------------------------------------------------


def test_an_unanswered_pitch_is_one_sided_and_scores_zero() -> None:
    g = tg.Graph()
    for d in (0, 7, 14):
        g.add_interaction("ana", "lee", at=days(d), channel="email")
    s = g.strength("lee", "ana", as_of=days(20))
    close("value", s.value, 0.0)
    assert not s.two_way and not s.online_only and not s.capped
    assert (s.state, s.one_sided_from) == ("one_sided", "ana")
    # effort in the order asked: lee first, who put in nothing
    sa = sum(0.3 * 2.0 ** (-age / 180) for age in (20.0, 13.0, 6.0))
    close("effort of lee", s.effort[0], 0.0)
    close("effort of ana", s.effort[1], sa)
    check_components(s, [0.0, 0.0, 0.0, 0.0, 1.0 / 2.9, 0.25, 0.0])
    assert s.contributions == dict.fromkeys(NAMES, 0.0)
    # asked the other way round, the side follows
    t = g.strength("ana", "lee", as_of=days(20))
    assert t.one_sided_from == "ana" and t.effort == (s.effort[1], s.effort[0])


def test_likes_only_are_passive_and_a_follow_gives_at_most_the_connection_share() -> None:
    g = tg.Graph()
    for d in range(10):
        g.add_interaction("bo", "lee", at=days(d), channel="reaction")
        g.add_interaction("lee", "bo", at=days(d + 0.5), channel="reaction")
    s = g.strength("bo", "lee", as_of=days(30))
    assert (s.state, s.one_sided_from) == ("passive", None)
    close("value", s.value, 0.0)
    close("B", s.components["reciprocity"], (2 * 0.3 + 1) / (0.6 + 2))
    g.add_connection("bo", "lee", platform="x", kind="follows")
    s = g.strength("bo", "lee", as_of=days(30))
    close("K", s.components["connection"], 0.5)
    close("value", s.value, 0.05 * 0.5)
    close("contribution of K", s.contributions["connection"], 0.05 * 0.5)
    g.add_connection("lee", "bo", platform="instagram", kind="follows")
    close("value", g.strength("bo", "lee", as_of=days(30)).value, 0.05)


def test_a_first_coffee() -> None:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=days(0), channel="in_person", duration=1800.0)
    s = g.strength("ana", "lee", as_of=days(1))
    w = math.sqrt(0.5)  # 1.0 × √(1800 / 3600)
    sx = w * 2.0 ** (-1 / 180)
    f = [
        2.0 ** (-1 / 90),
        1 - math.exp(-sx / 3),
        1 - math.exp(-1 / 365),
        math.log(2) / math.log(53),
        (2 * w + 1) / (2 * w + 2),
        0.25,
        0.0,
    ]
    check_components(s, f)
    close("value", s.value, combine(f))
    assert (s.state, s.two_way, s.online_only, s.capped) == ("active", True, False, False)
    assert s.peak is None  # strength() leaves the peak to explain() and peak()
    peak = g.explain("ana", "lee", as_of=days(1)).strength.peak
    assert peak is not None
    close("peak", peak, max(s.value, g.strength("ana", "lee", as_of=days(0)).value))
    got = g.peak("ana", "lee", as_of=days(1))
    assert got is not None
    close("peak()", got[0], peak)
    at_peak = g.strength("ana", "lee", as_of=got[1]).value
    assert got[1] in (days(0), days(1)) and at_peak == got[0]
    close("contributions", sum(s.contributions.values()), s.value)
    close("float()", float(s), s.value, 0.0)
    # a mutual channel counts for both sides, whoever logged it
    close("effort", s.effort[0], s.effort[1], 0.0)


def test_online_only_weekly_dms_hit_the_cap() -> None:
    g = tg.Graph()
    for k in range(26):
        g.add_interaction("ana", "lee", at=days(7 * k), channel="direct_message")
        g.add_interaction("lee", "ana", at=days(7 * k + 1), channel="direct_message")
    t = 7 * 25 + 2
    ages_a = [t - 7 * k for k in range(26)]
    s_a = sum(0.3 * 2.0 ** (-a / 180) for a in ages_a)
    s_b = sum(0.3 * 2.0 ** (-(a - 1) / 180) for a in ages_a)
    x = 26 * 0.3
    f = [
        2.0 ** (-2 / 90),
        1 - math.exp(-math.sqrt(s_a * s_b) / 3),
        1 - math.exp(-(t - 1) / 365),
        math.log(27) / math.log(53),
        (2 * x + 1) / (2 * x + 2),
        0.25,
        0.0,
    ]
    s = g.strength("ana", "lee", as_of=days(t))
    check_components(s, f)
    close("value", s.value, combine(f))
    assert s.online_only and not s.capped

    g.add_connection("ana", "lee", platform="linkedin")
    f[6] = 1.0
    assert combine(f) > 0.75
    s = g.strength("ana", "lee", as_of=days(t))
    close("capped value", s.value, 0.75)
    assert s.capped and s.online_only
    close("uncapped sum", sum(s.contributions.values()), combine(f))

    g.add_interaction("lee", "ana", at=days(t - 0.5), channel="phone_call")
    s = g.strength("ana", "lee", as_of=days(t))
    assert not s.online_only and s.value > 0.75


def test_a_dormant_former_strong_tie() -> None:
    g = tg.Graph()
    for k in range(52):
        g.add_interaction("ana", "lee", at=days(7 * k), channel="in_person")
    last = 7 * 51
    t = last + 400
    s = g.strength("ana", "lee", as_of=days(t))
    sx = sum(2.0 ** (-(t - 7 * k) / 180) for k in range(52))
    f = [2.0 ** (-400 / 90), 1 - math.exp(-sx / 3), 1 - math.exp(-t / 365), 0.0, 0.5, 0.0, 0.0]
    check_components(s, f)
    close("value", s.value, combine(f))
    sp = sum(2.0 ** (-(last - 7 * k) / 180) for k in range(52))
    fp = [1.0, 1 - math.exp(-sp / 3), 1 - math.exp(-last / 365), 1.0, 105 / 106, 0.25, 0.0]
    assert s.peak is not None
    close("peak", s.peak, combine(fp))
    assert s.state == "dormant"


def test_explanations_read_well() -> None:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=days(0), channel="email")
    g.add_interaction("lee", "ana", at=days(1), channel="public_reply")
    g.add_interaction("ana", "lee", at=days(30), channel="email")
    g.add_connection("ana", "lee", platform="x", kind="follows")
    e = g.explain("ana", "lee", as_of=days(42))
    reasons = [
        "last two-way contact 41 days ago (public_reply)",
        "never met in person or by call",
        "each side reached out in at least 1 of the last 52 weeks",
        "first meaningful contact 42 days ago",
        "ana follows lee on x",
    ]
    assert e.reasons == reasons
    assert str(e) == "\n".join(reasons)
    s = g.strength("ana", "lee", as_of=days(42))
    assert e.strength.value == s.value and e.strength.components == s.components
    assert e.strength.peak == g.peak("ana", "lee", as_of=days(42))[0]  # type: ignore[index]
    assert e.last_two_way is not None
    assert (e.last_two_way.from_, e.last_two_way.initiator, e.last_two_way.channel) == (
        "lee",
        "lee",
        "public_reply",
    )
    assert e.last_two_way.at == days(1) and e.last_two_way.at.tzinfo is not None
    assert e.last_met is None
    assert [(c.channel, c.at) for c in e.top] == [
        ("email", days(30)),
        ("email", days(0)),  # 0.3 decayed over 42 days still outweighs a reply's 0.15
        ("public_reply", days(1)),
    ]
    close("W", e.top[0].weight, 0.3)
    close("shares", sum(c.share for c in e.top), 1.0)
    assert "Explanation(strength=" in repr(e) and "Contact(at=" in repr(e.top[0])


def test_durations_are_clamped() -> None:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=days(0), channel="in_person", duration=300.0)
    g.add_interaction("ana", "bo", at=days(0), channel="in_person", duration=36_000.0)
    close("short W", g.explain("ana", "lee", as_of=days(0)).top[0].weight, 0.5)
    close("long W", g.explain("ana", "bo", as_of=days(0)).top[0].weight, 2.0)


def test_no_tie_and_connection_only() -> None:
    g = tg.Graph()
    g.add_person("kim")
    g.add_connection("ana", "lee", platform="linkedin", since=days(10))
    before = g.strength("ana", "lee", as_of=days(9))
    assert (before.state, before.value) == ("none", 0.0)
    after = g.strength("ana", "lee", as_of=days(10))
    assert after.state == "connected"
    close("value", after.value, 0.05)
    nothing = g.strength("ana", "kim", as_of=days(10))
    assert (nothing.state, nothing.value, nothing.peak) == ("none", 0.0, None)
    assert g.peak("ana", "kim", as_of=days(10)) is None
    e = g.explain("ana", "kim", as_of=days(10))
    assert e.reasons == ['"ana" and "kim" have no interaction or connection']
    assert e.top == [] and e.last_two_way is None


def test_strength_repr() -> None:
    g = tg.Graph()
    g.add_interaction("sam", "ana", at=days(0), channel="email")
    s = g.strength("ana", "sam", as_of=days(1))
    r = repr(s)
    assert r.startswith("Strength(value=0.0000, state='one_sided', one_sided_from='sam', two_way=False")
    assert "two_way=False" in r and "components=(recency=0.0000" in r


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def test_naive_aware_and_date_as_of_agree() -> None:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2, 10), channel="email")
    g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 4, 22), channel="video_call")
    naive = g.strength("ana", "lee", as_of=dt.datetime(2026, 3, 10, 0, 0))
    aware = g.strength("ana", "lee", as_of=dt.datetime(2026, 3, 10, tzinfo=UTC))
    paris = dt.timezone(dt.timedelta(hours=2))
    shifted = g.strength("ana", "lee", as_of=dt.datetime(2026, 3, 10, 2, tzinfo=paris))
    day = g.strength("ana", "lee", as_of=dt.date(2026, 3, 10))
    assert naive == aware == shifted == day
    # not the same instant: a naive time is UTC, not local time
    assert g.strength("ana", "lee", as_of=dt.datetime(2026, 3, 10, tzinfo=paris)) != naive
    # a date is its midnight UTC, the instant `at=` takes for it: an interaction on that date counts
    g.add_interaction("ana", "kim", at=dt.date(2026, 3, 10), channel="email")
    assert g.strength("ana", "kim", as_of=dt.date(2026, 3, 10)).state == "one_sided"
    assert g.strength("ana", "kim", as_of=dt.date(2026, 3, 9)).state == "none"


def test_each_as_of_gives_its_own_time_whether_the_object_is_new_or_reused() -> None:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2, 10), channel="email")
    g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 4, 22), channel="video_call")
    kept = dt.datetime(2026, 3, 10, tzinfo=UTC)
    at_kept = g.strength("ana", "lee", as_of=kept).value
    values = []
    for day in range(10, 20):
        # a fresh object each time, freed after the call
        fresh = g.strength("ana", "lee", as_of=dt.datetime(2026, 3, day, tzinfo=UTC)).value
        assert fresh == g.strength("ana", "lee", as_of=dt.date(2026, 3, day)).value
        values.append(fresh)
        assert g.strength("ana", "lee", as_of=kept).value == at_kept
    assert values[0] == at_kept
    assert len(set(values)) == len(values)  # recency decays day by day


def test_an_as_of_whose_time_zone_changes_is_read_again() -> None:
    class Shifting(dt.tzinfo):
        """A time zone whose offset can be changed: the same datetime object
        then names another instant."""

        def __init__(self) -> None:
            self.hours = 0

        def utcoffset(self, d: dt.datetime | None) -> dt.timedelta:
            return dt.timedelta(hours=self.hours)

        def dst(self, d: dt.datetime | None) -> dt.timedelta:
            return dt.timedelta(0)

    g = tg.Graph()
    g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2, 10), channel="email")
    g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 4, 22), channel="video_call")
    tz = Shifting()
    at = dt.datetime(2026, 3, 10, 12, tzinfo=tz)
    noon = g.strength("ana", "lee", as_of=dt.datetime(2026, 3, 10, 12)).value
    assert g.strength("ana", "lee", as_of=at).value == noon
    tz.hours = 12  # noon at UTC+12 is midnight UTC
    assert g.strength("ana", "lee", as_of=at).value == g.strength("ana", "lee", as_of=dt.date(2026, 3, 10)).value != noon


def test_as_of_is_required_and_never_a_number() -> None:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=days(0), channel="email")
    with pytest.raises(TypeError):
        g.strength("ana", "lee")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="never guessed"):
        g.strength("ana", "lee", as_of=1_767_600_000)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        g.ties()  # type: ignore[call-arg]


# --------------------------------------------------------------------------
# Views and models
# --------------------------------------------------------------------------


def mixed_graph() -> tg.Graph:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=days(0), channel="email")
    g.add_interaction("lee", "ana", at=days(1), channel="email")
    g.add_interaction("lee", "ana", at=days(2), channel="in_person")
    return g


def test_views_apply_the_model_to_what_they_keep() -> None:
    g = mixed_graph()
    at = days(3)
    off = g.offline_strength("ana", "lee", as_of=at)
    only_meeting = tg.Graph()
    only_meeting.add_interaction("lee", "ana", at=days(2), channel="in_person")
    assert off == only_meeting.strength("ana", "lee", as_of=at)
    assert off == g.strength("ana", "lee", as_of=at, view="offline")
    assert off == g.strength("ana", "lee", as_of=at, view=tg.View.offline())
    on = g.online_strength("ana", "lee", as_of=at)
    assert on.online_only and on == g.strength("ana", "lee", as_of=at, view=tg.View(mode="online"))
    window = g.strength("ana", "lee", as_of=at, view=tg.View(start=days(1), end=days(2)))
    assert (window.state, window.one_sided_from) == ("one_sided", "lee")
    emails = g.strength("ana", "lee", as_of=at, view=tg.View(channels=["email"]))
    assert emails == on
    assert g.strength("ana", "lee", as_of=at, view=None) == g.strength("ana", "lee", as_of=at)
    # the same views in bulk
    t = g.ties(as_of=at, view="online").to_arrow()
    assert t.column("strength").to_pylist() == [on.value]
    assert t.column("online_only").to_pylist() == [True]
    # explanations see through the view too
    assert g.explain("ana", "lee", as_of=at, view="online").last_met is None
    assert g.explain("ana", "lee", as_of=at).last_met is not None


def test_view_class() -> None:
    v = tg.View(mode="online", channels=["email", "direct_message"], start=dt.datetime(2026, 1, 1))
    assert v.mode == "online" and v.channels == ["email", "direct_message"]
    assert v.start == dt.datetime(2026, 1, 1, tzinfo=UTC) and v.end is None
    assert v == tg.View(mode="online", channels=["email", "direct_message"], start=dt.date(2026, 1, 1))
    assert v != tg.View.online()
    assert pickle.loads(pickle.dumps(v)) == v
    assert tg.View.online() == tg.View(mode="online")
    assert repr(tg.View()) == "View()"
    assert repr(tg.View.offline()) == "View(mode='offline')"
    with pytest.raises(tg.InvalidValueError):
        tg.View(mode="email")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tg.View(channels="email")


def test_view_errors() -> None:
    g = mixed_graph()
    with pytest.raises(tg.UnknownChannelError):
        g.strength("ana", "lee", as_of=days(3), view=tg.View(channels=["fax"]))
    with pytest.raises(tg.InvalidArgumentError, match="window is empty"):
        g.ties(as_of=days(3), view=tg.View(start=days(2), end=days(1)))
    with pytest.raises(tg.InvalidValueError):
        g.strength("ana", "lee", as_of=days(3), view="email")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        g.strength("ana", "lee", as_of=days(3), view=3)  # type: ignore[arg-type]


def test_model_override_and_set_model() -> None:
    g = mixed_graph()
    at = days(3)
    fast = tg.ScoringModel(recency_half_life_days=1.0)
    default = g.strength("ana", "lee", as_of=at)
    overridden = g.strength("ana", "lee", as_of=at, model=fast)
    close("R with h_R = 1 day", overridden.components["recency"], 0.5)  # the meeting a day ago
    assert overridden.value < default.value
    assert g.model == tg.ScoringModel()  # an override leaves the graph's model alone
    assert g.strength("ana", "lee", as_of=at) == default
    ties = g.ties(as_of=at, model=fast).to_arrow()
    assert ties.column("strength").to_pylist() == [overridden.value]

    g.set_model(fast)
    assert g.model == fast
    assert g.strength("ana", "lee", as_of=at) == overridden
    assert g.strength("ana", "lee", as_of=at, model=tg.ScoringModel()) == default
    # the model travels with the graph
    h = pickle.loads(pickle.dumps(g))
    assert h.model == fast and h.strength("ana", "lee", as_of=at) == overridden
    # structural overlap adds a component and a column
    s = g.strength("ana", "lee", as_of=at, model=tg.ScoringModel(structural=True))
    assert list(s.components) == [*NAMES, "structural"]
    assert list(s.contributions) == [*NAMES, "structural"]


def test_structural_overlap_on_a_triangle_and_a_tail() -> None:
    g = tg.Graph()
    for x, y in [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")]:
        g.add_interaction(x, y, at=days(0), channel="in_person")
    g.add_interaction("a", "d", at=days(0), channel="email")
    g.set_model(tg.ScoringModel(structural=True))
    at = days(1)
    want = {("a", "b"): 1.0, ("a", "c"): 0.5, ("c", "d"): 0.0, ("a", "d"): 0.0}
    for (x, y), v in want.items():
        close(f"S({x},{y})", g.strength(x, y, as_of=at).components["structural"], v)
    t = g.ties(as_of=at).to_arrow()
    assert "structural" in t.column_names
    assert t.column_names.index("structural") == t.column_names.index("connection") + 1
    for row in t.to_pylist():
        single = g.strength(row["a"], row["b"], as_of=at)
        assert row["structural"] == single.components["structural"]


# --------------------------------------------------------------------------
# The tie table
# --------------------------------------------------------------------------


def tie_graph() -> tg.Graph:
    g = tg.Graph()
    g.add_interaction("ana", "lee", at=days(0), channel="in_person")
    g.add_interaction("ana", "bo", at=days(1), channel="email")
    g.add_interaction("bo", "ana", at=days(2), channel="email")
    g.add_interaction("kim", "ana", at=days(2), channel="reaction")
    g.add_interaction("sam", "lee", at=days(2), channel="email")
    g.add_connection("bo", "lee", platform="x", kind="follows")
    return g


TIE_SCHEMA = pa.schema(
    [
        pa.field("a", pa.string(), nullable=False),
        pa.field("b", pa.string(), nullable=False),
        *[pa.field(n, pa.float64(), nullable=False) for n in ["strength", *NAMES]],
        pa.field("state", pa.string(), nullable=False),
        pa.field("one_sided_from", pa.string()),
        pa.field("online_only", pa.bool_(), nullable=False),
        pa.field("capped", pa.bool_(), nullable=False),
    ]
)


def test_tie_table_columns_and_dtypes() -> None:
    g = tie_graph()
    t = g.ties(as_of=days(3))
    assert isinstance(t, tg.Table)
    assert pa.table(t).schema == TIE_SCHEMA
    assert t.column_names == TIE_SCHEMA.names
    assert len(t) == t.num_rows == 5
    peak = g.ties(as_of=days(3), with_peak=True)
    assert pa.table(peak).schema == TIE_SCHEMA.append(pa.field("peak", pa.float64(), nullable=False))
    structural = g.ties(as_of=days(3), model=tg.ScoringModel(structural=True))
    names = pa.table(structural).schema.names
    assert names == [*TIE_SCHEMA.names[:10], "structural", *TIE_SCHEMA.names[10:]]
    r = repr(t)
    assert r.startswith("Table(rows=5, columns=[a: Utf8, b: Utf8, strength: Float64, ")


def test_tie_table_agrees_with_single_queries() -> None:
    g = tie_graph()
    at = days(3)
    rows = g.ties(as_of=at, with_peak=True).to_arrow().to_pylist()
    pairs = [(r["a"], r["b"]) for r in rows]
    assert pairs == [("ana", "bo"), ("ana", "kim"), ("ana", "lee"), ("bo", "lee"), ("lee", "sam")]
    for r in rows:
        s = g.strength(r["a"], r["b"], as_of=at)
        assert r["strength"] == s.value
        assert {n: r[n] for n in NAMES} == s.components
        assert (r["state"], r["one_sided_from"], r["online_only"], r["capped"], r["peak"]) == (
            s.state,
            s.one_sided_from,
            s.online_only,
            s.capped,
            g.explain(r["a"], r["b"], as_of=at).strength.peak,
        )
    states = {(r["a"], r["b"]): (r["state"], r["one_sided_from"]) for r in rows}
    assert states == {
        ("ana", "bo"): ("active", None),
        ("ana", "kim"): ("passive", None),
        ("ana", "lee"): ("active", None),
        ("bo", "lee"): ("connected", None),
        ("lee", "sam"): ("one_sided", "sam"),
    }


def test_tie_table_filters() -> None:
    g = tie_graph()
    at = days(3)
    ana = g.ties(as_of=at, person="ana", min_strength=0.3).to_arrow()
    assert ana.column("a").to_pylist() == ["ana", "ana"]
    assert ana.column("b").to_pylist() == ["bo", "lee"]
    lee = g.ties(as_of=at, person="lee").to_arrow()
    # the person asked for is in `a`, and the one-sided side is named by key
    assert lee.column("b").to_pylist() == ["ana", "bo", "sam"]
    assert lee.column("one_sided_from").to_pylist() == [None, None, "sam"]
    empty = g.ties(as_of=at, min_strength=2.0)
    assert len(empty) == 0 and pa.table(empty).schema == TIE_SCHEMA
    with pytest.raises(tg.PersonNotFoundError):
        g.ties(as_of=at, person="nobody")
    with pytest.raises(tg.InvalidArgumentError):
        g.ties(as_of=at, min_strength=float("nan"))


def test_table_converters_agree() -> None:
    g = tie_graph()
    t = g.ties(as_of=days(3), with_peak=True)
    arrow = t.to_arrow()
    assert isinstance(arrow, pa.Table)
    records = arrow.to_pylist()
    polars = t.to_polars()
    assert isinstance(polars, pl.DataFrame)
    assert polars.columns == t.column_names
    assert polars.to_dicts() == records
    pandas = t.to_pandas()
    assert isinstance(pandas, pd.DataFrame)
    assert list(pandas.columns) == t.column_names
    as_records = pandas.astype(object).where(pandas.notna(), None).to_dict("records")
    assert as_records == records
    assert pandas["strength"].dtype == np.float64 and pandas["capped"].dtype == np.bool_
    assert t.column("strength").to_pylist() == [r["strength"] for r in records]
    assert isinstance(t.column("state"), pa.ChunkedArray)
    with pytest.raises(tg.MissingColumnError, match="available columns: a, b, strength"):
        t.column("weight")


def test_arrow_c_stream_is_consumed_by_pyarrow_and_polars() -> None:
    t = tie_graph().ties(as_of=days(3))
    expected = t.to_arrow()
    # the PyCapsule protocol directly, more than once (the batches are shared)
    assert pa.RecordBatchReader.from_stream(t).read_all() == expected
    assert pa.table(t) == expected
    assert pl.DataFrame(t).to_arrow().to_pylist() == expected.to_pylist()
    assert pl.from_arrow(pa.table(t)).shape == (5, len(TIE_SCHEMA))
    schema = pa.schema(t)  # __arrow_c_schema__
    assert schema == TIE_SCHEMA
    # a table of results can be loaded back as input: interactions from the ties
    h = tg.Graph()
    h.load_interactions(
        pa.table(
            {
                "src": t.column("a"),
                "dst": t.column("b"),
                "time": pa.array([days(0)] * len(t), pa.timestamp("s", tz="UTC")),
                "channel": ["email"] * len(t),
            }
        )
    )
    assert h.tie_count == len(t)


# --------------------------------------------------------------------------
# Timeline
# --------------------------------------------------------------------------


def test_timeline() -> None:
    g = mixed_graph()
    t = g.timeline("ana", "lee", start=days(0), end=days(10), step=dt.timedelta(days=2))
    arrow = t.to_arrow()
    assert arrow.schema == pa.schema(
        [
            pa.field("at", pa.timestamp("us", tz="UTC"), nullable=False),
            pa.field("strength", pa.float64(), nullable=False),
        ]
    )
    at = arrow.column("at").to_pylist()
    assert at == [days(d) for d in range(0, 11, 2)]
    for when, value in zip(at, arrow.column("strength").to_pylist()):
        assert value == g.strength("ana", "lee", as_of=when).value
    online = g.timeline("ana", "lee", start=days(3), end=days(3), step=dt.timedelta(hours=1), view="online")
    assert online.to_arrow().column("strength").to_pylist() == [g.online_strength("ana", "lee", as_of=days(3)).value]
    pandas = t.to_pandas()
    assert str(pandas["at"].dtype) == "datetime64[us, UTC]"
    with pytest.raises(tg.InvalidArgumentError, match="at least one second"):
        g.timeline("ana", "lee", start=days(0), end=days(1), step=dt.timedelta(0))
    with pytest.raises(tg.InvalidArgumentError):
        g.timeline("ana", "lee", start=days(1), end=days(0), step=dt.timedelta(days=1))
    with pytest.raises(tg.PersonNotFoundError):
        g.timeline("ana", "nobody", start=days(0), end=days(1), step=dt.timedelta(days=1))


# --------------------------------------------------------------------------
# ScoringModel and Weights
# --------------------------------------------------------------------------

PARAMETERS = [
    "recency_half_life_days",
    "intensity_half_life_days",
    "intensity_scale",
    "duration_scale_days",
    "regularity_weeks",
    "window_days",
    "meaningful_threshold",
    "duration_gain_min",
    "duration_gain_max",
    "online_only_cap",
    "weights",
    "structural",
    "dormant_recency",
    "dormant_drop",
    "cooling_lookback_days",
    "cooling_drop",
]


def test_default_model() -> None:
    m = tg.ScoringModel()
    d = m.to_dict()
    assert list(d) == PARAMETERS
    assert d["regularity_weeks"] == 52 and isinstance(d["regularity_weeks"], int)
    assert d["weights"] == {
        "recency": 0.25,
        "intensity": 0.25,
        "duration": 0.15,
        "regularity": 0.1,
        "reciprocity": 0.1,
        "multiplexity": 0.1,
        "connection": 0.05,
        "structural": 0.05,
    }
    assert list(d["weights"]) == [*NAMES, "structural"]
    for name in PARAMETERS:
        got = getattr(m, name)
        assert (got.to_dict() if name == "weights" else got) == d[name]
    assert m.weights == tg.Weights()
    close("weight sum", m.weight_sum(), 1.0)
    assert repr(m) == "ScoringModel()"


def test_model_round_trips() -> None:
    m = tg.ScoringModel(
        recency_half_life_days=30,
        regularity_weeks=26,
        structural=True,
        weights={"connection": 0.2, "structural": 0.1},
    )
    assert m.recency_half_life_days == 30.0 and m.regularity_weeks == 26 and m.structural
    assert m.weights.connection == 0.2 and m.weights.recency == 0.25  # others keep their defaults
    assert tg.ScoringModel.from_dict(m.to_dict()) == m
    assert tg.ScoringModel(**m.to_dict()) == m
    assert tg.ScoringModel(weights=m.weights, regularity_weeks=26, recency_half_life_days=30, structural=True) == m
    assert repr(m) == (
        "ScoringModel(recency_half_life_days=30.0, regularity_weeks=26, "
        "weights={'connection': 0.2, 'structural': 0.1}, structural=True)"
    )
    assert eval(repr(m), {"ScoringModel": tg.ScoringModel}) == m
    assert m != tg.ScoringModel() and m != m.to_dict()
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(m, protocol=protocol)) == m
    assert copy.deepcopy(m) == m and copy.copy(m) == m
    w = tg.Weights(recency=0.5)
    assert pickle.loads(pickle.dumps(w)) == w and w.to_dict()["recency"] == 0.5
    assert repr(w).startswith("Weights(recency=0.5, intensity=0.25, ")
    # numpy numbers are numbers
    numpy_model = tg.ScoringModel(window_days=np.float64(200.0), regularity_weeks=np.int64(10))  # type: ignore[arg-type]
    assert (numpy_model.window_days, numpy_model.regularity_weeks) == (200.0, 10)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"recency_half_life": 30}, "unknown field `recency_half_life`"),
        ({"intensity_scale": 0.0}, "invalid model parameter intensity_scale: 0 (must be finite and > 0)"),
        ({"window_days": float("nan")}, "window_days: NaN"),
        ({"online_only_cap": 1.5}, "online_only_cap: 1.5 (must be in [0, 1])"),
        ({"regularity_weeks": 0}, "regularity_weeks"),
        ({"regularity_weeks": 52.5}, "regularity_weeks: invalid type: floating point"),
        ({"regularity_weeks": -1}, "regularity_weeks: invalid value: integer `-1`"),
        ({"structural": 1.0}, "structural: invalid type: floating point"),
        ({"weights": {"recenc": 1.0}}, "weights: unknown field `recenc`"),
        ({"weights": {"recency": -1.0}}, "weights.recency: -1"),
        ({"weights": dict.fromkeys(NAMES, 0.0)}, "the enabled weights must not all be 0"),
        ({"duration_gain_min": 3.0}, "must be <= duration_gain_max"),
    ],
)
def test_invalid_models(params: dict[str, Any], message: str) -> None:
    with pytest.raises(tg.InvalidParameterError) as info:
        tg.ScoringModel(**params)
    assert message in str(info.value)
    with pytest.raises(tg.InvalidParameterError):
        tg.ScoringModel.from_dict(params)


def test_invalid_model_types() -> None:
    with pytest.raises(TypeError, match="recency_half_life_days must be a number"):
        tg.ScoringModel(recency_half_life_days="30")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="weights.recency must be a number"):
        tg.ScoringModel(weights={"recency": None})  # type: ignore[dict-item]
    with pytest.raises(tg.InvalidParameterError):
        tg.Weights(recency=float("inf"))
    with pytest.raises(tg.InvalidParameterError, match="unknown field `speed`"):
        tg.Weights(speed=1.0)  # type: ignore[call-arg]


# --------------------------------------------------------------------------
# Calibration
# --------------------------------------------------------------------------


def toy_fit_graph() -> tuple[tg.Graph, list[tuple[str, str, float]]]:
    """Strong pairs met; weak pairs only e-mailed one way (the Rust doc example)."""
    g = tg.Graph()
    labels = []
    for i in range(40):
        a, b = f"p{i}", f"q{i}"
        channel = "in_person" if i % 2 == 0 else "email"
        g.add_interaction(a, b, at=dt.datetime(2026, 1, 1 + i % 20, 10), channel=channel)
        labels.append((a, b, float(i % 2 == 0)))
    return g, labels


def test_fit_on_a_toy_set() -> None:
    g, labels = toy_fit_graph()
    as_of = dt.datetime(2026, 1, 28, 10)
    fit = tg.ScoringModel().fit(g, labels, as_of=as_of)
    assert isinstance(fit, tg.Fit)
    assert fit.cv_auc == 1.0 and fit.base_auc == 1.0
    close("fitted weights sum", fit.model.weight_sum(), 1.0)
    assert math.isfinite(fit.intercept)
    assert "Fit(cv_auc=1.0, base_auc=1.0" in repr(fit)
    # every other parameter is the starting model's
    start = tg.ScoringModel(recency_half_life_days=60)
    refit = start.fit(g, labels, as_of=as_of, folds=4, l2=0.01, seed=3)
    assert refit.model.recency_half_life_days == 60
    # the same labels as tables
    table = pa.table({"a": [x[0] for x in labels], "b": [x[1] for x in labels], "strength": [x[2] for x in labels]})
    for data in (table, pl.from_arrow(table), table.to_pandas()):
        assert tg.ScoringModel().fit(g, data, as_of=as_of).model == fit.model
    ints = table.set_column(2, "strength", pa.array([int(x[2]) for x in labels], pa.int8()))
    assert tg.ScoringModel().fit(g, ints, as_of=as_of).model == fit.model
    online = tg.ScoringModel().fit(g, labels, as_of=as_of, view="online")
    assert online.base_auc == 0.5  # nobody is two-way online: every pair scores 0


def test_fit_errors() -> None:
    g, labels = toy_fit_graph()
    as_of = dt.datetime(2026, 1, 28)
    m = tg.ScoringModel()
    with pytest.raises(tg.FitError, match="both strong"):
        m.fit(g, [x for x in labels if x[2] == 1.0], as_of=as_of)
    with pytest.raises(tg.FitError, match="at least 2 folds"):
        m.fit(g, labels, as_of=as_of, folds=1)
    with pytest.raises(tg.FitError, match="at least 2 folds are needed, got -3"):
        m.fit(g, labels, as_of=as_of, folds=-3)
    with pytest.raises(tg.FitError, match="not in"):
        m.fit(g, [*labels, ("p0", "q0", 2.0)], as_of=as_of)
    with pytest.raises(tg.PersonNotFoundError) as info:
        m.fit(g, [*labels[:3], ("p0", "nobody", 1.0)], as_of=as_of)
    assert info.value.row == 3
    with pytest.raises(tg.InvalidArgumentError, match="seed"):
        m.fit(g, labels, as_of=as_of, seed=-1)
    with pytest.raises(tg.MissingColumnError, match="strength"):
        m.fit(g, pa.table({"a": ["p0"], "b": ["q0"], "label": [1.0]}), as_of=as_of)
    with pytest.raises(tg.ColumnTypeError):
        m.fit(g, pa.table({"a": ["p0"], "b": ["q0"], "strength": ["high"]}), as_of=as_of)
    with pytest.raises(tg.EmptyKeyError):
        m.fit(g, pa.table({"a": ["p0", None], "b": ["q0", "q1"], "strength": [1.0, 0.0]}), as_of=as_of)
    with pytest.raises(tg.InvalidArgumentError, match="label 1 has 2 items"):
        m.fit(g, [labels[0], ("p0", "q0")], as_of=as_of)  # type: ignore[list-item]
    with pytest.raises(TypeError, match="label 0 must be a tuple"):
        m.fit(g, [3], as_of=as_of)  # type: ignore[list-item]
    with pytest.raises(TypeError):
        m.fit(g, "p0,q0,1", as_of=as_of)  # type: ignore[arg-type]


def test_roc_auc() -> None:
    assert tg.roc_auc([0.9, 0.1, 0.5, 0.5], [True, False, True, False]) == 0.875
    assert tg.roc_auc(np.array([0.9, 0.1, 0.5, 0.5]), np.array([1, 0, 1, 0])) == 0.875
    assert tg.roc_auc(np.array([0.3, 0.2]), np.array([True, False])) == 1.0
    assert tg.roc_auc([0.9], [True]) is None
    assert tg.roc_auc([], []) is None
    with pytest.raises(tg.InvalidArgumentError, match="2 labels for 3 scores"):
        tg.roc_auc([0.1, 0.2, 0.3], [True, False])
    with pytest.raises(tg.InvalidArgumentError, match="NaN"):
        tg.roc_auc([float("nan"), 0.2], [True, False])
    with pytest.raises(tg.InvalidArgumentError, match="label 1 is 2"):
        tg.roc_auc([0.1, 0.2], [1, 2])
    assert tg.roc_auc((x / 10 for x in range(4)), iter([False, False, True, True])) == 1.0


# --------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------


def test_scoring_errors() -> None:
    g = mixed_graph()
    at = days(3)
    with pytest.raises(tg.PersonNotFoundError, match='person "nobody" not found') as info:
        g.strength("ana", "nobody", as_of=at)
    assert isinstance(info.value, KeyError)
    for call in (
        lambda: g.online_strength("nobody", "ana", as_of=at),
        lambda: g.offline_strength("nobody", "ana", as_of=at),
        lambda: g.explain("nobody", "ana", as_of=at),
    ):
        with pytest.raises(tg.PersonNotFoundError):
            call()
    with pytest.raises(tg.SelfInteractionError):
        g.strength("ana", "ana", as_of=at)
    with pytest.raises(TypeError):
        g.strength("ana", "lee", as_of=at, model={"structural": True})  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# Against the independent reference implementation
# --------------------------------------------------------------------------


def load_scenario(scenario: dict[str, Any]) -> tg.Graph:
    """A graph with the scenario's log, through the bulk loaders."""
    its = scenario["interactions"]
    g = tg.Graph()
    g.load_interactions(
        pa.table(
            {
                "src": [i.src for i in its],
                "dst": [i.dst for i in its],
                "time": pa.array([i.t for i in its], pa.timestamp("s", tz="UTC")),
                "channel": [i.channel for i in its],
                "duration": pa.array([i.duration for i in its], pa.float64()),
                "weight": [i.weight for i in its],
            }
        ),
        duration="duration",
        weight="weight",
    )
    conns = scenario["connections"]
    g.load_connections(
        pa.table(
            {
                "a": [c.a for c in conns],
                "b": [c.b for c in conns],
                "platform": [c.platform for c in conns],
                "kind": [c.kind for c in conns],
                "since": pa.array([c.since for c in conns], pa.timestamp("s", tz="UTC")),
            }
        ),
        kind="kind",
        since="since",
    )
    for e in scenario["events"]:
        g.add_event(
            list(e.participants),
            at=dt.datetime.fromtimestamp(e.t, UTC),
            channel=e.channel,
            duration=None if e.duration is None else float(e.duration),
            weight=e.weight,
        )
    return g


def enrich(scenario: dict[str, Any], seed: int) -> None:
    """Adds pairs of the kinds a random log rarely holds: likes only (passive),
    unanswered e-mails (one-sided), weekly DMs with a declared link (online
    only, capped or not), all at random times."""
    rng = random.Random(seed)
    T = scenario["as_of"]
    its, conns = scenario["interactions"], scenario["connections"]

    def t(days_back: float) -> int:
        return T - int(days_back * DAY) + rng.randrange(-3600, 3600)

    for i in range(3):
        x, y = f"like{i}a", f"like{i}b"
        for _ in range(rng.randrange(2, 12)):
            src, dst = (x, y) if rng.random() < 0.5 else (y, x)
            its.append(Interaction(src, dst, t(rng.uniform(1, 300)), rng.choice(["reaction", "broadcast"])))
        if i == 0:
            conns.append(Connection(x, y, "x", "follows", None))
    for i in range(3):
        x, y = f"pitch{i}a", f"pitch{i}b"
        for _ in range(rng.randrange(1, 8)):
            its.append(Interaction(x, y, t(rng.uniform(1, 200)), "email"))
        its.append(Interaction(y, x, t(rng.uniform(1, 200)), "reaction"))
    for i in range(4):
        x, y = f"dm{i}a", f"dm{i}b"
        for k in range(rng.randrange(10, 40)):
            its.append(Interaction(x, y, t(7 * k + rng.uniform(1, 3)), "direct_message"))
            its.append(Interaction(y, x, t(7 * k + rng.uniform(0, 1)), "direct_message"))
        if i % 2 == 0:
            conns.append(Connection(x, y, "linkedin", "mutual", t(900)))


@pytest.mark.parametrize(
    ("seed", "people", "interactions", "events", "structural"),
    [(626, 20, 700, 2, False), (727, 12, 300, 2, True)],
)
def test_every_tie_agrees_with_the_reference_model(
    seed: int, people: int, interactions: int, events: int, structural: bool
) -> None:
    scenario = random_scenario(seed, people, interactions, events, structural=structural)
    enrich(scenario, seed)
    ref = ReferenceModel(scenario["interactions"], scenario["connections"], scenario["events"], Model(structural=structural))
    results = ref.score_all(scenario["as_of"])
    # values within 1e-9 of a threshold would test the order of floating-point operations
    assert threshold_margins(ref, results) == []
    states = {r.state for r in results}
    assert states >= {"active", "cooling", "one_sided", "passive", "connected"}, states
    assert any(r.evaluation.capped for r in results)
    assert any(r.evaluation.online_only and not r.evaluation.capped for r in results)

    g = load_scenario(scenario)
    as_of = dt.datetime.fromtimestamp(scenario["as_of"], UTC)
    model = tg.ScoringModel(structural=structural)
    rows = g.ties(as_of=as_of, with_peak=True, model=model).to_arrow().to_pylist()
    assert [(r["a"], r["b"]) for r in rows] == [(r.a, r.b) for r in results]
    tol = 1e-9
    for row, want in zip(rows, results):
        pair = f"{want.a}-{want.b}"
        e = want.evaluation
        close(f"{pair} strength", row["strength"], e.strength, tol)
        for key, name in COMPONENT_NAMES.items():
            if key in e.components:
                close(f"{pair} {name}", row[name], e.components[key], tol)
            else:
                assert name not in row
        close(f"{pair} peak", row["peak"], want.peak, tol)
        assert (row["state"], row["one_sided_from"]) == (want.state, want.state_from), pair
        assert (row["online_only"], row["capped"]) == (e.online_only, e.capped), pair
