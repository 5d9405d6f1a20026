"""Recommendations from Python: strongest ties, meet in person, invite list,
reconnect, due for contact, ego layers, offline lift; the columns and types
of every analytics table; errors; determinism; and a generated graph of
100,000 people for the invariants of ``strongest_ties_all``.

The hand scenarios repeat those of
``crates/tiegraph/tests/it/analytics_recommend.rs`` with the same numbers
derived from the model page. The graph analytics (paths, brokerage,
communities, suggestions) are in ``test_analytics_graph.py``.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
import time
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import tiegraph as tg

UTC = dt.timezone.utc
T0 = dt.datetime(2026, 1, 5, 9, tzinfo=UTC)
TOL = 1e-12
WEIGHTS = [0.25, 0.25, 0.15, 0.10, 0.10, 0.10, 0.05]


def days(d: float) -> dt.datetime:
    """T0 plus `d` days, in whole seconds truncated as the Rust tests do."""
    return T0 + dt.timedelta(seconds=int(d * 86_400))


def close(what: str, got: float, want: float) -> None:
    assert abs(got - want) <= TOL, f"{what}: got {got!r}, want {want!r}"


def combine(f: list[float]) -> float:
    """The default model's weighted sum, for two-way pairs."""
    return sum(w * x for w, x in zip(WEIGHTS, f)) / sum(WEIGHTS)


def email(g: tg.Graph, a: str, b: str, d: float) -> None:
    g.add_interaction(a, b, at=days(d), channel="email")


def meet(g: tg.Graph, a: str, b: str, d: float) -> None:
    g.add_interaction(a, b, at=days(d), channel="in_person")


def rows(t: tg.Table) -> list[dict[str, Any]]:
    return list(t.to_arrow().to_pylist())


def col(t: tg.Table, name: str) -> list[Any]:
    return list(t.column(name).to_pylist())


def schema(t: tg.Table) -> list[tuple[str, str]]:
    return [(f.name, str(f.type)) for f in t.to_arrow().schema]


def email_pair_at_ten_days() -> float:
    """An email from one side on day d answered on day d + 1, seen on day d + 10."""
    s_a, s_b = 0.3 * 2 ** (-10 / 180), 0.3 * 2 ** (-9 / 180)
    return combine(
        [
            2 ** (-10 / 90),
            1 - math.exp(-math.sqrt(s_a * s_b) / 3),
            1 - math.exp(-9 / 365),
            math.log(2) / math.log(53),
            1.6 / 2.6,
            0.25,
            0.0,
        ]
    )


def coffee_at_ten_days() -> float:
    w = math.sqrt(0.5)  # sqrt(1800 / 3600)
    s = w * 2 ** (-10 / 180)
    return combine(
        [
            2 ** (-10 / 90),
            1 - math.exp(-s / 3),
            1 - math.exp(-10 / 365),
            math.log(2) / math.log(53),
            (2 * w + 1) / (2 * w + 2),
            0.25,
            0.0,
        ]
    )


# --------------------------------------------------------------------------
# Strongest ties
# --------------------------------------------------------------------------


def strongest_graph() -> tg.Graph:
    """ana: lee (a half-hour coffee), bo and cy (the same email exchange, cy
    added first), dan (an unanswered pitch), eve (a LinkedIn connection)."""
    g = tg.Graph()
    for x in ("cy", "bo"):
        email(g, "ana", x, 0)
        email(g, x, "ana", 1)
    g.add_interaction("ana", "lee", at=days(0), channel="in_person", duration=1800.0)
    email(g, "ana", "dan", 0)
    g.add_connection("ana", "eve", platform="linkedin")
    return g


def test_strongest_ties_rank_by_strength_then_key() -> None:
    g = strongest_graph()
    t = g.strongest_ties("ana", 10, as_of=days(10))
    assert schema(t) == [
        ("other", "string"),
        ("rank", "uint32"),
        ("strength", "double"),
        ("state", "string"),
        ("reason", "string"),
    ]
    assert col(t, "other") == ["lee", "bo", "cy", "eve"]
    assert col(t, "rank") == [1, 2, 3, 4]
    s = col(t, "strength")
    close("lee", s[0], coffee_at_ten_days())
    close("bo", s[1], email_pair_at_ten_days())
    assert s[1] == s[2]
    close("eve", s[3], 0.05)
    assert col(t, "state") == ["active", "active", "active", "connected"]
    reasons = col(t, "reason")
    assert reasons[0] == (
        "active; strength 0.40, mostly recency (0.23) and reciprocity (0.07); last met 10 days ago"
    )
    assert reasons[1] == "active; strength 0.36, mostly recency (0.23) and reciprocity (0.06); never met"
    assert reasons[3] == "connected; strength 0.05, mostly connection (0.05); never met"
    # the strengths are those of Graph.strength
    for other, v in zip(col(t, "other"), s):
        assert v == g.strength("ana", other, as_of=days(10)).value

    assert col(g.strongest_ties("ana", 2, as_of=days(10)), "other") == ["lee", "bo"]
    assert col(g.strongest_ties("lee", 5, as_of=days(10)), "other") == ["ana"]
    assert len(g.strongest_ties("dan", 5, as_of=days(10))) == 0  # one-sided: strength 0
    # k defaults to 10
    assert g.strongest_ties("ana", as_of=days(10)).to_arrow() == t.to_arrow()


def test_strongest_ties_follow_the_view() -> None:
    g = strongest_graph()
    # online: the coffee is gone, so is lee
    assert col(g.strongest_ties("ana", as_of=days(10), view="online"), "other") == ["bo", "cy", "eve"]
    assert col(g.strongest_ties("ana", as_of=days(10), view=tg.View.online()), "other") == ["bo", "cy", "eve"]
    # a window from day 0.5: ana's emails and the coffee are out, the answers
    # alone are one-sided; the connection always counts
    window = tg.View(start=days(0.5), end=days(20))
    assert col(g.strongest_ties("ana", as_of=days(10), view=window), "other") == ["eve"]
    # as of day 0.5 only the coffee and the connection are there
    assert col(g.strongest_ties("ana", as_of=days(0.5)), "other") == ["lee", "eve"]


def test_strongest_ties_all_agrees_with_each_person() -> None:
    g = strongest_graph()
    email(g, "bo", "cy", 2)
    email(g, "cy", "bo", 3)
    t = g.strongest_ties_all(2, as_of=days(10))
    assert schema(t) == [
        ("person", "string"),
        ("other", "string"),
        ("rank", "uint32"),
        ("strength", "double"),
    ]
    assert list(zip(col(t, "person"), col(t, "other"), col(t, "rank"))) == [
        ("ana", "lee", 1),
        ("ana", "bo", 2),
        ("bo", "cy", 1),  # a later, fresher exchange
        ("bo", "ana", 2),
        ("cy", "bo", 1),
        ("cy", "ana", 2),
        ("eve", "ana", 1),
        ("lee", "ana", 1),
    ]
    everyone = rows(t)
    for person in ("ana", "bo", "cy", "dan", "eve", "lee"):
        one = rows(g.strongest_ties(person, 2, as_of=days(10)))
        mine = [r for r in everyone if r["person"] == person]
        assert [(r["other"], r["rank"], r["strength"]) for r in one] == [
            (r["other"], r["rank"], r["strength"]) for r in mine
        ]


# --------------------------------------------------------------------------
# Meet in person, invite list
# --------------------------------------------------------------------------


def meet_graph() -> tg.Graph:
    """ana exchanged emails with bo, eve, lee and cy (day 0 and 1); she met lee
    on day -300 and cy on day 5, and only ever met dan. bob and kim exchanged
    the same emails."""
    g = tg.Graph()
    for x in ("lee", "eve", "cy", "bo"):
        email(g, "ana", x, 0)
        email(g, x, "ana", 1)
    email(g, "kim", "bob", 0)
    email(g, "bob", "kim", 1)
    meet(g, "ana", "lee", -300)
    meet(g, "cy", "ana", 5)
    meet(g, "ana", "dan", 2)
    return g


MEET_SCHEMA = [
    ("person", "string"),
    ("other", "string"),
    ("rank", "uint32"),
    ("priority", "double"),
    ("online_strength", "double"),
    ("offline_recency", "double"),
    ("last_met", "timestamp[us, tz=UTC]"),
    ("channels", "list<item: string not null>"),
    ("reason", "string"),
]


def test_meet_in_person_ranks_online_strength_by_how_long_ago_they_met() -> None:
    g = meet_graph()
    online = email_pair_at_ten_days()
    t = g.meet_in_person("ana", 10, as_of=days(10))
    assert schema(t) == MEET_SCHEMA
    r = rows(t)
    assert [x["other"] for x in r] == ["bo", "eve", "lee", "cy"]
    assert [x["rank"] for x in r] == [1, 2, 3, 4]
    recency = [0.0, 0.0, 2 ** (-310 / 90), 2 ** (-5 / 90)]
    for x, rec in zip(r, recency):
        close("online", x["online_strength"], online)
        close("recency", x["offline_recency"], rec)
        close("priority", x["priority"], online * (1 - rec))
        assert x["person"] == "ana"
        assert x["channels"] == ["email"]
    assert r[0]["last_met"] is None
    assert r[2]["last_met"] == days(-300)
    assert r[0]["reason"] == "moderate by email (online 0.36), never met"
    assert r[2]["reason"] == "moderate by email (online 0.36), last met 10 months ago"
    assert r[3]["reason"] == "moderate by email (online 0.36), last met 5 days ago"
    # dan: met, never online
    assert len(g.meet_in_person("dan", 10, as_of=days(10))) == 0
    assert col(g.meet_in_person("ana", 1, as_of=days(10)), "other") == ["bo"]


def test_meet_in_person_follows_the_view_and_names_channels() -> None:
    g = meet_graph()
    # a window that leaves out the meeting of day -300: lee never met
    v = tg.View(start=days(-100), end=days(20))
    r = rows(g.meet_in_person("ana", as_of=days(10), view=v))
    assert [x["other"] for x in r] == ["bo", "eve", "lee", "cy"]
    assert r[2]["priority"] == r[0]["priority"]
    assert r[2]["reason"] == "moderate by email (online 0.36), never met"
    # replies from eve: email first (0.3 > 0.15 a piece), then replies
    g.add_interaction("eve", "ana", at=days(2), channel="public_reply")
    eve = next(x for x in rows(g.meet_in_person("ana", as_of=days(10))) if x["other"] == "eve")
    assert eve["channels"] == ["email", "public_reply"]
    assert eve["reason"].startswith("moderate by email and replies (online 0.")


def test_meet_in_person_all_ranks_pairs_by_priority_then_keys() -> None:
    g = meet_graph()
    t = g.meet_in_person_all(10, as_of=days(10))
    assert schema(t) == MEET_SCHEMA
    assert list(zip(col(t, "person"), col(t, "other"))) == [
        ("ana", "bo"),
        ("ana", "eve"),
        ("bob", "kim"),
        ("ana", "lee"),
        ("ana", "cy"),
    ]
    close("bob-kim", col(t, "priority")[2], email_pair_at_ten_days())
    three = g.meet_in_person_all(3, as_of=days(10))
    assert len(three) == 3 and col(three, "other")[2] == "kim"


def test_invite_list_mixes_strong_ties_and_ties_worth_converting() -> None:
    g = tg.Graph()
    # lee, a reporter leaving her paper. ana: ten weekly coffees.
    for w in range(10):
        meet(g, "lee", "ana", 7 * w)
    # bo: emails both ways every week, never met
    for w in range(10):
        email(g, "bo", "lee", 7 * w)
        email(g, "lee", "bo", 7 * w + 1)
    # cy: 26 weekly meetings that ended 400 days ago: dormant
    for w in range(26):
        meet(g, "cy", "lee", 7 * w - 510)
    # dan: one big event 40 days ago, meaningful (0.4 a piece)
    g.add_interaction("dan", "lee", at=days(25), channel="event")
    # eve: an unanswered pitch
    email(g, "eve", "lee", 60)
    t = days(65)
    table = g.invite_list("lee", 10, as_of=t)
    assert schema(table) == [
        ("other", "string"),
        ("rank", "uint32"),
        ("score", "double"),
        ("category", "string"),
        ("strength", "double"),
        ("priority", "double"),
        ("state", "string"),
        ("last_met", "timestamp[us, tz=UTC]"),
        ("reason", "string"),
    ]
    r = rows(table)
    assert [x["other"] for x in r] == ["ana", "bo", "cy", "dan"]
    assert [x["category"] for x in r] == ["strong", "worth_converting", "fading", "weak"]
    meet_rows = rows(g.meet_in_person("lee", 10, as_of=t))
    for x in r:
        s = g.strength("lee", x["other"], as_of=t)
        assert x["strength"] == s.value and x["state"] == s.state
        priority = next((m["priority"] for m in meet_rows if m["other"] == x["other"]), 0.0)
        assert x["priority"] == priority
        assert x["score"] == max(x["strength"], x["priority"])
    # bo never met and has no offline contact: priority = strength
    assert r[1]["priority"] == r[1]["strength"]
    assert r[2]["state"] == "dormant"
    assert r[0]["reason"] == f"strong tie ({r[0]['strength']:.2f}, active); last met 2 days ago"
    assert r[1]["reason"] == f"strong by email (online {r[1]['priority']:.2f}), never met"
    assert r[2]["reason"] == f"dormant tie ({r[2]['strength']:.2f}); last met 13 months ago"
    assert r[3]["reason"] == f"weaker tie ({r[3]['strength']:.2f}, active); last met 40 days ago"
    assert r[1]["last_met"] is None and r[3]["last_met"] == days(25)
    assert col(g.invite_list("lee", 2, as_of=t), "other") == ["ana", "bo"]


# --------------------------------------------------------------------------
# Reconnect, due for contact
# --------------------------------------------------------------------------

RECONNECT_SCHEMA = [
    ("person", "string"),
    ("other", "string"),
    ("rank", "uint32"),
    ("state", "string"),
    ("strength", "double"),
    ("peak", "double"),
    ("peaked_at", "timestamp[us, tz=UTC]"),
    ("lost", "double"),
    ("last_contact", "timestamp[us, tz=UTC]"),
    ("last_channel", "string"),
    ("reason", "string"),
]


def test_reconnect_ranks_faded_ties_by_what_was_lost() -> None:
    g = tg.Graph()
    # bo and cy: the same 26 weekly meetings, ended 400 days before the date
    for friend in ("cy", "bo"):
        for w in range(26):
            meet(g, "ana", friend, 7 * w)
    # lee: ten weekly meetings ended 100 days before the date: cooling
    for w in range(10):
        meet(g, "ana", "lee", 7 * w + 412)
    # kim: an email last week
    email(g, "ana", "kim", 568)
    email(g, "kim", "ana", 569)
    t = days(575)
    table = g.reconnect("ana", 10, as_of=t)
    assert schema(table) == RECONNECT_SCHEMA
    r = rows(table)
    assert [x["other"] for x in r] == ["bo", "cy", "lee"]
    assert [x["state"] for x in r] == ["dormant", "dormant", "cooling"]
    for x in r:
        assert x["person"] == "ana"
        assert x["strength"] == g.strength("ana", x["other"], as_of=t).value
        peak = g.peak("ana", x["other"], as_of=t)
        assert peak is not None
        assert (x["peak"], x["peaked_at"]) == peak
        assert x["lost"] == x["peak"] - x["strength"]
        # the peak is the strength at the time it was reached
        close("peak", g.strength("ana", x["other"], as_of=x["peaked_at"]).value, x["peak"])
    # the last of the weekly meetings is the peak
    assert r[0]["peaked_at"] == days(175)
    assert r[2]["peaked_at"] == days(475)
    # lee by hand: ten weekly meetings (weight 1, both sides), seen on the
    # day of the last one and 100 days later
    s = sum(2 ** (-7 * w / 180) for w in range(10))
    regular = math.log(11) / math.log(53)
    high = combine([1, 1 - math.exp(-s / 3), 1 - math.exp(-63 / 365), regular, 21 / 22, 0.25, 0])
    s_now = s * 2 ** (-100 / 180)
    now = combine(
        [2 ** (-100 / 90), 1 - math.exp(-s_now / 3), 1 - math.exp(-163 / 365), regular, 21 / 22, 0.25, 0]
    )
    close("lee peak", r[2]["peak"], high)
    close("lee now", r[2]["strength"], now)
    close("lee lost", r[2]["lost"], high - now)
    assert (r[2]["last_contact"], r[2]["last_channel"]) == (days(475), "in_person")
    assert r[0]["lost"] > r[2]["lost"]
    assert r[0]["reason"] == (
        f"dormant: peaked 13 months ago at {r[0]['peak']:.2f}, now {r[0]['strength']:.2f} "
        f"(lost {r[0]['lost']:.2f}); last contact 13 months ago (in_person)"
    )
    assert r[2]["reason"].startswith("cooling: peaked 3 months ago at")

    everyone = g.reconnect_all(2, as_of=t)
    assert schema(everyone) == RECONNECT_SCHEMA
    assert list(zip(col(everyone, "person"), col(everyone, "other"), col(everyone, "rank"))) == [
        ("ana", "bo", 1),
        ("ana", "cy", 2),
    ]
    # from lee's side the same tie
    lee = rows(g.reconnect("lee", 1, as_of=t))
    assert (lee[0]["other"], lee[0]["lost"]) == ("ana", r[2]["lost"])
    # a window around lee's meetings only: bo and cy are out of view
    v = tg.View(start=days(400), end=days(500))
    assert col(g.reconnect("ana", as_of=t, view=v), "other") == ["lee"]


def due_graph() -> tg.Graph:
    g = tg.Graph()
    # lee: emails on days 140 and 150, met on day 20
    email(g, "ana", "lee", 140)
    email(g, "lee", "ana", 150)
    meet(g, "ana", "lee", 20)
    # bo: emails on days 100 and 190, never met
    email(g, "ana", "bo", 100)
    email(g, "bo", "ana", 190)
    # cy: an email on day 100, met on day 195
    email(g, "ana", "cy", 100)
    meet(g, "ana", "cy", 195)
    # fay and dan: emails both ways on day 150, likes yesterday
    for x in ("fay", "dan"):
        email(g, "ana", x, 150)
        email(g, x, "ana", 150)
        g.add_interaction(x, "ana", at=days(199), channel="reaction")
    # eve: an unanswered pitch; gus: all recent
    email(g, "ana", "eve", 10)
    email(g, "ana", "gus", 195)
    email(g, "gus", "ana", 196)
    meet(g, "ana", "gus", 190)
    return g


def test_due_for_contact_ranks_by_how_overdue() -> None:
    g = due_graph()
    table = g.due_for_contact("ana", as_of=days(200), online_days=30, offline_days=90, meaningful_only=True)
    modes = [
        (f"{mode}_{name}", kind)
        for mode in ("online", "offline")
        for name, kind in [
            ("last", "timestamp[us, tz=UTC]"),
            ("last_channel", "string"),
            ("since", "timestamp[us, tz=UTC]"),
            ("due", "timestamp[us, tz=UTC]"),
            ("days_overdue", "double"),
            ("ratio", "double"),
        ]
    ]
    assert schema(table) == [
        ("other", "string"),
        ("rank", "uint32"),
        *modes,
        ("ratio", "double"),
        ("days_overdue", "double"),
        ("reason", "string"),
    ]
    r = rows(table)
    assert [x["other"] for x in r] == ["cy", "lee", "dan", "fay", "bo"]
    assert [x["rank"] for x in r] == [1, 2, 3, 4, 5]
    expect = [(100 / 30, 70.0), (180 / 90, 90.0), (50 / 30, 20.0), (50 / 30, 20.0), (100 / 90, 10.0)]
    for x, (ratio, overdue) in zip(r, expect):
        assert (x["ratio"], x["days_overdue"]) == (ratio, overdue), x["other"]
    lee = r[1]
    assert (
        lee["online_last"],
        lee["online_last_channel"],
        lee["online_since"],
        lee["online_due"],
        lee["online_ratio"],
        lee["online_days_overdue"],
    ) == (days(150), "email", days(150), days(180), 50 / 30, 20.0)
    assert (lee["offline_last"], lee["offline_due"], lee["offline_ratio"]) == (days(20), days(110), 2.0)
    assert lee["reason"] == (
        "online: last contact 50 days ago (email), due every 30 days, 20 days overdue; "
        "offline: last met 180 days ago (in_person), due every 90 days, 90 days overdue"
    )
    # bo never met: the offline clock runs from the first email; online is not overdue
    bo = r[4]
    assert all(bo[f"online_{name}"] is None for name in ("last", "last_channel", "since", "due", "ratio"))
    assert (bo["offline_last"], bo["offline_since"], bo["offline_due"]) == (None, days(100), days(190))
    assert bo["reason"] == (
        "offline: never met since first contact 100 days ago, due every 90 days, 10 days overdue"
    )
    # with meaningful_only, likes do not reset dan's online clock
    assert r[2]["online_last"] == days(150)
    assert r[0]["reason"] == "online: last contact 100 days ago (email), due every 30 days, 70 days overdue"
    # by default any interaction on an online channel resets it: yesterday's
    # likes keep dan and fay in touch
    loose = g.due_for_contact("ana", as_of=days(200), online_days=30, offline_days=90)
    assert col(loose, "other") == ["cy", "lee", "bo"]


def test_due_for_contact_on_one_mode_and_through_a_view() -> None:
    g = due_graph()
    t = g.due_for_contact("ana", as_of=days(200), online_days=30, meaningful_only=True)
    # lee, dan and fay are all 20 days past a 30-day cadence: key order
    assert col(t, "other") == ["cy", "dan", "fay", "lee"]
    assert all(x is None for x in col(t, "offline_ratio"))
    assert col(g.due_for_contact("ana", as_of=days(200), offline_days=90), "other") == ["lee", "bo"]
    # from day 120 on, lee's meeting and ana's email to bo are out of view
    v = tg.View(start=days(120), end=days(300))
    t = g.due_for_contact(
        "ana", as_of=days(200), online_days=30, offline_days=90, meaningful_only=True, view=v
    )
    assert col(t, "other") == ["dan", "fay", "lee"]
    assert col(t, "offline_ratio")[2] is None


# --------------------------------------------------------------------------
# Ego layers
# --------------------------------------------------------------------------


def layers_graph() -> tg.Graph:
    g = tg.Graph()
    meet(g, "ana", "bo", 0)
    email(g, "ana", "bo", 5)
    email(g, "bo", "ana", 6)
    g.add_interaction("ana", "cy", at=days(0), channel="in_person", duration=1800.0)
    email(g, "ana", "di", 0)
    email(g, "di", "ana", 1)
    g.add_interaction("ana", "ed", at=days(0), channel="public_reply")
    g.add_interaction("ed", "ana", at=days(1), channel="public_reply")
    g.add_connection("ana", "fi", platform="linkedin")
    email(g, "ana", "gu", 0)
    return g


def test_ego_layers_cut_ranked_ties_into_circles() -> None:
    g = layers_graph()
    t = days(10)
    e = g.ego_layers("ana", as_of=t, sizes=[1, 3])
    assert isinstance(e, tg.EgoLayers)
    assert (e.person, e.sizes, e.outside) == ("ana", [1, 3], 2)  # ed and fi; gu's pitch is 0
    assert repr(e) == "EgoLayers(person='ana', sizes=[1, 3], layers=2, members=3, outside=2)"
    assert schema(e.members) == [
        ("layer", "uint32"),
        ("other", "string"),
        ("rank", "uint32"),
        ("strength", "double"),
        ("online_strength", "double"),
        ("offline_strength", "double"),
        ("met", "bool"),
        ("reason", "string"),
    ]
    assert schema(e.layers) == [
        ("layer", "uint32"),
        ("size", "int64"),
        ("ties", "int64"),
        ("met_share", "double"),
        ("mean_strength", "double"),
        ("mean_online", "double"),
        ("mean_offline", "double"),
        ("reason", "string"),
    ]
    m = rows(e.members)
    assert [(x["layer"], x["other"], x["rank"]) for x in m] == [(1, "bo", 1), (2, "cy", 2), (2, "di", 3)]
    close("cy", m[1]["strength"], coffee_at_ten_days())
    close("di", m[2]["strength"], email_pair_at_ten_days())
    for x in m:
        assert x["strength"] == g.strength("ana", x["other"], as_of=t).value
        assert x["online_strength"] == g.online_strength("ana", x["other"], as_of=t).value
        assert x["offline_strength"] == g.offline_strength("ana", x["other"], as_of=t).value
    assert (m[1]["met"], m[2]["met"]) == (True, False)
    assert m[2]["reason"] == (
        f"strength {m[2]['strength']:.2f} (online {m[2]['strength']:.2f}, offline 0.00); never met"
    )
    layers = rows(e.layers)
    assert [(x["layer"], x["size"], x["ties"]) for x in layers] == [(1, 1, 1), (2, 3, 2)]
    l2 = layers[1]
    assert l2["met_share"] == 0.5
    close("mean", l2["mean_strength"], (m[1]["strength"] + m[2]["strength"]) / 2)
    close("online", l2["mean_online"], m[2]["strength"] / 2)  # cy never wrote
    close("offline", l2["mean_offline"], m[1]["strength"] / 2)
    assert l2["reason"] == (
        f"layer 2 (ranks 2-3): 2 ties, 1 met in person (50%); mean strength {l2['mean_strength']:.2f}, "
        f"online {l2['mean_online']:.2f}, offline {l2['mean_offline']:.2f}"
    )

    # Dunbar's default sizes: everyone in the inner five
    dunbar = g.ego_layers("ana", as_of=t)
    assert dunbar.sizes == [5, 15, 50, 150]
    assert len(dunbar.layers) == 1 and dunbar.outside == 0
    assert col(dunbar.members, "other") == ["bo", "cy", "di", "ed", "fi"]
    # offline only: bo and cy (and fi's connection, which always counts)
    assert col(g.ego_layers("ana", as_of=t, view="offline").members, "other") == ["bo", "cy", "fi"]


# --------------------------------------------------------------------------
# Offline lift
# --------------------------------------------------------------------------


def emails_every(g: tg.Graph, a: str, b: str, start: float, end: float, step: float) -> None:
    d = start
    while d <= end:
        email(g, a, b, d)
        d += step


def lift_graph() -> tg.Graph:
    g = tg.Graph()
    # treated: online from day 0, met on day 120; 3 emails in [30, 120), 6 in [120, 210)
    emails_every(g, "ana", "lee", 0, 90, 30)
    emails_every(g, "lee", "ana", 130, 180, 10)
    meet(g, "ana", "lee", 120)
    # treated: online from day 50, silent until they met on day 200, then 2 emails
    email(g, "bo", "cy", 50)
    meet(g, "bo", "cy", 200)
    email(g, "cy", "bo", 210)
    email(g, "bo", "cy", 220)
    # treated: online from day 0, met on day 100; 2 emails in [10, 100), 1 in [100, 190)
    emails_every(g, "pat", "quin", 0, 60, 30)
    email(g, "quin", "pat", 150)
    meet(g, "pat", "quin", 100)
    # not treated: met after 60 days online; met too late to follow up
    emails_every(g, "dan", "eve", 0, 300, 30)
    meet(g, "dan", "eve", 60)
    emails_every(g, "fay", "gus", 0, 300, 30)
    meet(g, "fay", "gus", 350)
    # control candidates: online from days 10, 45 and 300
    emails_every(g, "hal", "ivy", 10, 390, 10)
    emails_every(g, "jo", "kim", 45, 195, 30)
    emails_every(g, "lou", "max", 300, 390, 10)
    # neither: a big-group co-attendance is offline contact, if not meaningful
    emails_every(g, "ned", "oz", 5, 300, 10)
    g.add_interaction("ned", "oz", at=days(100), channel="event", weight=0.2)
    return g


LIFT_SCHEMA = [
    ("a", "string"),
    ("b", "string"),
    ("first_online", "timestamp[us, tz=UTC]"),
    ("split", "timestamp[us, tz=UTC]"),
    ("online_days", "double"),
    ("before", "int64"),
    ("after", "int64"),
    ("before_rate", "double"),
    ("after_rate", "double"),
    ("ratio", "double"),
    ("matched_a", "string"),
    ("matched_b", "string"),
    ("reason", "string"),
]


def test_offline_lift_compares_met_ties_with_matched_ones_that_never_met() -> None:
    g = lift_graph()
    report = g.offline_lift(as_of=days(400))
    assert isinstance(report, tg.LiftReport)
    assert schema(report.treated) == LIFT_SCHEMA and schema(report.control) == LIFT_SCHEMA
    treated, control = rows(report.treated), rows(report.control)
    assert [(r["a"], r["b"]) for r in treated] == [("ana", "lee"), ("bo", "cy"), ("pat", "quin")]
    assert [(r["a"], r["b"]) for r in control] == [("hal", "ivy"), ("jo", "kim")]
    assert [(r["before"], r["after"]) for r in treated] == [(3, 6), (0, 2), (2, 1)]
    assert [r["ratio"] for r in treated] == [2.0, math.inf, 0.5]
    t = treated[0]
    assert (t["first_online"], t["split"], t["online_days"]) == (days(0), days(120), 120.0)
    assert (t["before_rate"], t["after_rate"]) == (1.0, 2.0)
    assert (t["matched_a"], t["matched_b"]) == ("hal", "ivy")
    assert t["reason"] == (
        "first met 2026-05-05, 120 days after the first online contact; "
        "1.00 -> 2.00 online contacts per 30 days (x2.00)"
    )
    assert treated[1]["reason"].endswith("(up from none)")
    assert (treated[2]["matched_a"], treated[2]["matched_b"]) == (None, None)  # no control left
    # hal-ivy started on day 10: split 120 days later, on day 130
    c = control[0]
    assert (c["first_online"], c["split"]) == (days(10), days(130))
    assert (c["before"], c["after"], c["ratio"]) == (9, 9, 1.0)
    assert (c["matched_a"], c["matched_b"]) == ("ana", "lee")
    assert c["reason"] == (
        "never met; split like ana-lee, 120 days after the first online contact; "
        "3.00 -> 3.00 online contacts per 30 days (x1.00)"
    )
    # jo-kim (day 45) is the nearest to bo-cy (day 50), split 150 days later
    c = control[1]
    assert (c["split"], c["before"], c["after"]) == (days(195), 3, 1)
    close("ratio", c["ratio"], 1 / 3)

    s = report.summary["treated"]
    assert (s["ties"], s["median_ratio"]) == (3, 2.0)
    close("rose", s["share_rose"], 2 / 3)
    close("before", s["mean_before_rate"], (1 + 0 + 2 / 3) / 3)
    close("after", s["mean_after_rate"], (2 + 2 / 3 + 1 / 3) / 3)
    assert s["reason"] == "3 ties: median ratio 2.00, 67% rose; mean 0.56 -> 1.00 online contacts per 30 days"
    s = report.summary["control"]
    assert (s["ties"], s["share_rose"]) == (2, 0.0)
    close("median", s["median_ratio"], (1 + 1 / 3) / 2)
    close("before", s["mean_before_rate"], (3 + 1) / 2)
    assert report.options == {"person": None, "history_days": 90.0, "window_days": 90.0, "rate_days": 30.0}


def test_offline_lift_options_and_one_person() -> None:
    g = lift_graph()
    report = g.offline_lift(as_of=days(400), person="ana")
    assert len(report.treated) == 1 and len(report.control) == 0
    assert report.summary["control"] == {
        "ties": 0,
        "median_ratio": None,
        "share_rose": None,
        "mean_before_rate": None,
        "mean_after_rate": None,
        "reason": "no ties",
    }
    assert col(report.treated, "matched_a") == [None]
    assert report.options["person"] == "ana"
    # a 60-day history admits dan-eve; 60-day windows, rates per week
    report = g.offline_lift(as_of=days(400), history_days=60, window_days=60, rate_days=7)
    treated = rows(report.treated)
    assert any(r["a"] == "dan" for r in treated)
    assert (treated[0]["a"], treated[0]["before"], treated[0]["after"]) == ("ana", 2, 5)
    close("rate", treated[0]["before_rate"], 2 / (60 / 7))
    # a date before any follow-up: nothing treated
    assert len(g.offline_lift(as_of=days(180)).treated) == 0


def test_group_events_count_for_meetings() -> None:
    # a send-off dinner of four: 1/sqrt(3) each, meaningful
    g = tg.Graph()
    email(g, "ana", "lee", 0)
    email(g, "lee", "ana", 1)
    g.add_event(["ana", "lee", "bo", "cy"], at=days(5))
    r = rows(g.meet_in_person("ana", 5, as_of=days(10)))
    assert len(r) == 1
    assert r[0]["last_met"] == days(5)
    close("recency", r[0]["offline_recency"], 2 ** (-5 / 90))


# --------------------------------------------------------------------------
# Tables in pandas and polars, models, errors, determinism
# --------------------------------------------------------------------------


def test_tables_convert_to_pandas_and_polars_with_their_types() -> None:
    g = meet_graph()
    t = g.meet_in_person("ana", as_of=days(10))
    df = t.to_pandas()
    assert list(df.columns) == [name for name, _ in MEET_SCHEMA]
    assert str(df["rank"].dtype) == "uint32"
    assert str(df["priority"].dtype) == "float64"
    assert isinstance(df["last_met"].dtype, pd.DatetimeTZDtype) and str(df["last_met"].dt.tz) == "UTC"
    assert df["other"].tolist() == ["bo", "eve", "lee", "cy"]
    assert list(df["channels"][0]) == ["email"]
    assert pd.isna(df["last_met"][0]) and df["last_met"][2] == pd.Timestamp(days(-300))
    pf = t.to_polars()
    assert pf.schema["rank"] == pl.UInt32
    assert pf.schema["last_met"] == pl.Datetime("us", "UTC")
    assert pf.schema["channels"] == pl.List(pl.String)
    assert pf["other"].to_list() == ["bo", "eve", "lee", "cy"]
    # pyarrow and polars read the table straight through the Arrow PyCapsule interface
    assert pa.table(t) == t.to_arrow()
    assert pl.DataFrame(t).equals(pf)
    # an empty result keeps its schema
    empty = g.meet_in_person("dan", as_of=days(10))
    assert len(empty) == 0 and schema(empty) == MEET_SCHEMA
    assert list(empty.to_pandas().columns) == [name for name, _ in MEET_SCHEMA]


def test_a_model_argument_replaces_the_graph_model() -> None:
    g = strongest_graph()
    recency_only = tg.ScoringModel(
        weights=dict.fromkeys(
            ["intensity", "duration", "regularity", "reciprocity", "multiplexity", "connection"], 0.0
        )
        | {"recency": 1.0}
    )
    t = g.strongest_ties("ana", as_of=days(10), model=recency_only)
    for other, v in zip(col(t, "other"), col(t, "strength")):
        assert v == g.strength("ana", other, as_of=days(10), model=recency_only).value
    # recency only: every two-way tie's last contact from the earlier side is
    # ten days old, but bo and cy only ever emailed: capped as online only;
    # eve's connection weighs nothing
    assert col(t, "other") == ["lee", "bo", "cy"]
    close("lee", col(t, "strength")[0], 2 ** (-10 / 90))
    assert col(t, "strength")[1:] == [0.75, 0.75]
    everyone = g.strongest_ties_all(as_of=days(10), model=recency_only)
    assert rows(everyone)[0]["strength"] == col(t, "strength")[0]
    # the graph's own model is untouched
    assert g.strongest_ties("ana", as_of=days(10)).to_arrow() == strongest_graph().strongest_ties(
        "ana", as_of=days(10)
    ).to_arrow()


def test_errors_map_to_the_tiegraph_hierarchy() -> None:
    g = strongest_graph()
    t = days(10)
    person_calls = [
        lambda p: g.strongest_ties(p, as_of=t),
        lambda p: g.meet_in_person(p, as_of=t),
        lambda p: g.invite_list(p, as_of=t),
        lambda p: g.reconnect(p, as_of=t),
        lambda p: g.due_for_contact(p, as_of=t, online_days=30),
        lambda p: g.ego_layers(p, as_of=t),
        lambda p: g.offline_lift(as_of=t, person=p),
    ]
    for call in person_calls:
        with pytest.raises(tg.PersonNotFoundError, match='"zed"') as e:
            call("zed")
        assert isinstance(e.value, KeyError) and isinstance(e.value, tg.TiegraphError)

    k_calls = [
        lambda k: g.strongest_ties("ana", k, as_of=t),
        lambda k: g.strongest_ties_all(k, as_of=t),
        lambda k: g.meet_in_person("ana", k, as_of=t),
        lambda k: g.meet_in_person_all(k, as_of=t),
        lambda k: g.invite_list("ana", k, as_of=t),
        lambda k: g.reconnect("ana", k, as_of=t),
        lambda k: g.reconnect_all(k, as_of=t),
    ]
    for call in k_calls:
        with pytest.raises(tg.InvalidArgumentError, match="^invalid argument k: must be at least 1, got 0$"):
            call(0)
        with pytest.raises(tg.InvalidArgumentError, match="^invalid argument k: must be at least 1, got -3$"):
            call(-3)

    with pytest.raises(tg.InvalidArgumentError, match="invalid argument cadence: "):
        g.due_for_contact("ana", as_of=t)
    with pytest.raises(tg.InvalidArgumentError, match="cadence.online_days"):
        g.due_for_contact("ana", as_of=t, online_days=0)
    with pytest.raises(tg.InvalidArgumentError, match="cadence.offline_days"):
        g.due_for_contact("ana", as_of=t, online_days=30, offline_days=-1)
    with pytest.raises(tg.InvalidArgumentError, match="cadence.offline_days"):
        g.due_for_contact("ana", as_of=t, offline_days=math.nan)

    for sizes in ([], [0, 5], [5, 5], [5, 15, 10], [-1, 5]):
        with pytest.raises(tg.InvalidArgumentError, match="invalid argument sizes: "):
            g.ego_layers("ana", as_of=t, sizes=sizes)
    with pytest.raises(
        tg.InvalidArgumentError,
        match="^invalid argument sizes: cumulative sizes must be strictly increasing, got 10 after 15$",
    ):
        g.ego_layers("ana", as_of=t, sizes=[5, 15, 10])

    for kw in ({"history_days": 0.0}, {"window_days": math.inf}, {"rate_days": -30.0}):
        with pytest.raises(tg.InvalidArgumentError, match=f"invalid argument {next(iter(kw))}: "):
            g.offline_lift(as_of=t, **kw)  # type: ignore[arg-type]

    # as_of is keyword-only and required, and never a number
    with pytest.raises(TypeError):
        g.strongest_ties("ana", 10, days(10))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        g.strongest_ties_all()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="as_of must be a datetime"):
        g.reconnect_all(as_of=1_767_600_000)  # type: ignore[arg-type]
    with pytest.raises(tg.InvalidValueError, match="view"):
        g.strongest_ties("ana", as_of=t, view="email")  # type: ignore[arg-type]
    with pytest.raises(tg.UnknownChannelError):
        g.strongest_ties_all(as_of=t, view=tg.View(channels=["carrier_pigeon"]))


def test_results_are_deterministic_whatever_the_insertion_order() -> None:
    g = due_graph()
    calls = [
        lambda g: g.strongest_ties_all(3, as_of=days(200)),
        lambda g: g.strongest_ties("ana", as_of=days(200)),
        lambda g: g.meet_in_person_all(as_of=days(200)),
        lambda g: g.invite_list("ana", as_of=days(200)),
        lambda g: g.reconnect_all(as_of=days(400)),
        lambda g: g.due_for_contact("ana", as_of=days(200), online_days=30, offline_days=90),
        lambda g: g.ego_layers("ana", as_of=days(200), sizes=[2, 4]).members,
    ]
    # the same interactions, added in reverse
    keys = [p.key for p in g.people()]
    log = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            try:
                log += g.interactions(a, b)
            except tg.TieNotFoundError:
                continue
    rev = tg.Graph()
    for it in reversed(log):
        rev.add_interaction(it.src, it.dst, at=it.at, channel=it.channel, duration=it.duration)
    assert rev.interaction_count == g.interaction_count
    for call in calls:
        first = call(g).to_arrow()
        assert call(g).to_arrow() == first
        assert call(rev).to_arrow() == first


# --------------------------------------------------------------------------
# A generated graph: 100,000 people, 300,000 interactions
# --------------------------------------------------------------------------

PEOPLE = 100_000
ROWS = 300_000
START = dt.datetime(2024, 11, 25, tzinfo=UTC)
AS_OF = dt.datetime(2026, 11, 25, tzinfo=UTC)
CHANNELS = [
    ("email", 0.26),
    ("direct_message", 0.17),
    ("public_reply", 0.13),
    ("reaction", 0.17),
    ("broadcast", 0.04),
    ("video_call", 0.03),
    ("phone_call", 0.05),
    ("in_person", 0.105),
    ("event", 0.045),
]


def generated_log(seed: int) -> pa.Table:
    """ROWS interactions among PEOPLE people over two years, on about two
    ties per person, a few ties carrying most of them: built with numpy and
    pyarrow kernels, no Python object per row."""
    rng = np.random.default_rng(seed)
    n_ties = 2 * PEOPLE
    a = rng.integers(0, PEOPLE, n_ties)
    # half the ties near in key space, half to a few hubs
    near = (a + 1 + rng.integers(0, 50, n_ties)) % PEOPLE
    hub = (rng.random(n_ties) ** 3 * PEOPLE).astype(np.int64)
    b = np.where(rng.random(n_ties) < 0.5, near, hub)
    b = np.where(b == a, (a + 1) % PEOPLE, b)
    tie = (rng.random(ROWS) ** 2 * n_ties).astype(np.int64)
    flip = rng.random(ROWS) < 0.45
    src = np.where(flip, b[tie], a[tie])
    dst = np.where(flip, a[tie], b[tie])
    names = [c for c, _ in CHANNELS]
    p = np.array([w for _, w in CHANNELS])
    channel = rng.choice(len(names), ROWS, p=p / p.sum())
    span_us = int((AS_OF - START).total_seconds()) * 1_000_000
    at = START.timestamp() * 1_000_000 + rng.integers(0, span_us, ROWS)
    keys = pa.array([f"p{i:06d}" for i in range(PEOPLE)])
    return pa.table(
        {
            "src": keys.take(pa.array(src)),
            "dst": keys.take(pa.array(dst)),
            "time": pa.array(at.astype(np.int64)).cast(pa.timestamp("us", tz="UTC")),
            "channel": pa.array(names).take(pa.array(channel)),
        }
    )


@pytest.fixture(scope="module")
def big() -> tuple[tg.Graph, pa.Table]:
    log = generated_log(20_260_301)
    g = tg.Graph()
    report = g.load_interactions(log)
    assert report.added == ROWS
    return g, log


def test_strongest_ties_all_on_100k_people(big: tuple[tg.Graph, pa.Table]) -> None:
    g, _ = big
    k = 10
    t = g.strongest_ties_all(k, as_of=AS_OF)
    assert schema(t) == [
        ("person", "string"),
        ("other", "string"),
        ("rank", "uint32"),
        ("strength", "double"),
    ]
    df = t.to_polars()
    assert df.height > 4 * PEOPLE // 10 and df["person"].n_unique() <= PEOPLE
    # people in key order, at most k rows each, ranked 1, 2, ... in order
    assert df["person"].is_sorted()
    assert df.group_by("person").len()["len"].max() <= k
    expected_rank = pl.int_range(1, pl.len() + 1, dtype=pl.UInt32).over("person")
    assert df.select((pl.col("rank") == expected_rank).all()).item()
    assert df["strength"].min() > 0
    # strongest first, equal strengths in the other person's key order
    prev = df.select(
        same=pl.col("person") == pl.col("person").shift(1),
        ordered=(pl.col("strength").shift(1) > pl.col("strength"))
        | ((pl.col("strength").shift(1) == pl.col("strength")) & (pl.col("other").shift(1) < pl.col("other"))),
    )
    assert prev.filter(pl.col("same"))["ordered"].all()

    # the same rows as an independent top-k over the tie table
    ties = g.ties(as_of=AS_OF).to_polars().select("a", "b", "strength").filter(pl.col("strength") > 0)
    both = pl.concat(
        [
            ties.select(person="a", other="b", strength="strength"),
            ties.select(person="b", other="a", strength="strength"),
        ]
    )
    want = (
        both.sort(["person", "strength", "other"], descending=[False, True, False])
        .with_columns(rank=pl.int_range(1, pl.len() + 1, dtype=pl.UInt32).over("person"))
        .filter(pl.col("rank") <= k)
        .select("person", "other", "rank", "strength")
    )
    assert df.equals(want)

    # and the same as one person at a time
    for key in ("p000000", "p000001", "p000042", df["person"][df.height // 2]):
        one = g.strongest_ties(key, k, as_of=AS_OF).to_polars().select("other", "rank", "strength")
        assert one.equals(df.filter(pl.col("person") == key).select("other", "rank", "strength"))


def test_strongest_ties_all_is_deterministic_across_loads(big: tuple[tg.Graph, pa.Table]) -> None:
    g, log = big
    first = g.strongest_ties_all(5, as_of=AS_OF).to_arrow()
    assert g.strongest_ties_all(5, as_of=AS_OF).to_arrow() == first
    reversed_log = log.take(pa.array(np.arange(log.num_rows - 1, -1, -1)))
    rev = tg.Graph()
    rev.load_interactions(reversed_log)
    assert rev.strongest_ties_all(5, as_of=AS_OF).to_arrow() == first


def test_other_threads_run_while_strongest_ties_all_works(big: tuple[tg.Graph, pa.Table]) -> None:
    """The scoring and the table building run with the GIL released: another
    thread makes progress during the call, not only before and after it."""
    g, _ = big
    running = threading.Event()
    done = threading.Event()
    stamps: list[float] = []

    def counter() -> None:
        running.set()
        while not done.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0)

    thread = threading.Thread(target=counter)
    thread.start()
    assert running.wait(timeout=60)
    start = time.perf_counter()
    t = g.strongest_ties_all(as_of=AS_OF)
    end = time.perf_counter()
    done.set()
    thread.join(timeout=60)
    assert len(t) > 0
    if end - start < 0.02:
        pytest.skip(f"strongest_ties_all took {end - start:.4f} s: too quick to tell")
    margin = 0.002
    assert any(start + margin < s < end - margin for s in stamps)
