"""The file exports of tg.Graph: GraphML, GEXF, the tie and interaction
CSVs, and the interactions as a table."""

from __future__ import annotations

import csv
import datetime as dt
import pathlib
import xml.etree.ElementTree as ET

import pytest

import tiegraph as tg
from conftest import at

AS_OF = at(20)
GEXF = "{http://gexf.net/1.3}"


@pytest.fixture
def g() -> tg.Graph:
    """Ana and Lee emailed both ways, met and called; Lee pitched Bo, who
    never answered; Bo follows Ana; Cy and Ana are only connected."""
    g = tg.Graph()
    g.add_person("ana", name="Ana <Ruiz>", organisation="Agency", tags=["pr", "press"])
    g.add_interaction("ana", "lee", at=at(2), channel="email")
    g.add_interaction("lee", "ana", at=at(3), channel="email", weight=2.0)
    g.add_interaction("ana", "lee", at=at(9), channel="in_person", duration=5400.0)
    g.add_interaction("lee", "ana", at=at(15, month=1), channel="phone_call", duration=600.0)
    g.add_interaction("lee", "bo", at=at(4), channel="email")
    g.add_connection("bo", "ana", platform="x", kind="follows")
    g.add_connection("ana", "cy", platform="linkedin")
    return g


def test_graphml_loads_with_networkx(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    nx = pytest.importorskip("networkx")
    path = tmp_path / "ties.graphml"
    assert g.write_graphml(path, as_of=AS_OF) is None
    G = nx.read_graphml(path)
    strong = {frozenset(e) for e in G.edges}
    expected = {
        frozenset((r["a"], r["b"]))
        for r in g.ties(as_of=AS_OF).to_arrow().to_pylist()
        if r["strength"] > 0
    }
    assert strong == expected and frozenset(("ana", "lee")) in strong
    edge = G.edges["ana", "lee"]
    assert edge["strength"] == g.strength("ana", "lee", as_of=AS_OF).value
    assert edge["state"] == g.strength("ana", "lee", as_of=AS_OF).state
    assert edge["interactions"] == 4
    assert G.nodes["ana"]["name"] == "Ana <Ruiz>"

    # every tie, and one person's; str paths work too
    every = tmp_path / "all.graphml"
    g.write_graphml(str(every), as_of=AS_OF, all_ties=True)
    assert nx.read_graphml(every).number_of_edges() == g.tie_count
    lee = tmp_path / "lee.graphml"
    g.write_graphml(lee, as_of=AS_OF, all_ties=True, person="lee")
    assert sorted(nx.read_graphml(lee).nodes) == ["ana", "bo", "lee"]


def test_graphml_view_and_model(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    nx = pytest.importorskip("networkx")
    path = tmp_path / "online.graphml"
    model = tg.ScoringModel(structural=True)
    g.write_graphml(path, as_of=AS_OF, view="online", model=model)
    edge = nx.read_graphml(path).edges["ana", "lee"]
    want = g.strength("ana", "lee", as_of=AS_OF, view="online", model=model)
    assert edge["strength"] == want.value
    assert "structural" in edge


def gexf_edges(path: pathlib.Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf"
    return root.findall(f"./{GEXF}graph/{GEXF}edges/{GEXF}edge")


def test_gexf_parses_with_spells(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ties.gexf"
    g.write_gexf(path, as_of=AS_OF)
    edges = gexf_edges(path)
    positive = [r for r in g.ties(as_of=AS_OF).to_arrow().to_pylist() if r["strength"] > 0]
    assert len(edges) == len(positive)
    (ana_lee,) = [e for e in edges if {e.get("source"), e.get("target")} == {"ana", "lee"}]
    spells = [(s.get("start"), s.get("end")) for s in ana_lee.iter(f"{GEXF}spell")]
    # the January call, then the March emails and meeting, each active 90
    # days at most up to the date: the periods overlap into one
    assert spells == [("2026-01-15T10:00:00Z", "2026-03-20T10:00:00Z")]
    samples = [v for v in ana_lee.iter(f"{GEXF}attvalue") if v.get("for") == "strength"]
    assert samples[0].get("start") == "2026-01-01T00:00:00Z"
    assert float(samples[-1].get("value") or "nan") == g.strength("ana", "lee", as_of=AS_OF).value

    # every tie; shorter active periods split the spells; weekly sampling
    every = tmp_path / "every.gexf"
    g.write_gexf(every, as_of=AS_OF, all_ties=True, active_days=7, sampling=dt.timedelta(days=7))
    edges = gexf_edges(every)
    assert len(edges) == g.tie_count
    (ana_lee,) = [e for e in edges if {e.get("source"), e.get("target")} == {"ana", "lee"}]
    assert [(s.get("start"), s.get("end")) for s in ana_lee.iter(f"{GEXF}spell")] == [
        ("2026-01-15T10:00:00Z", "2026-01-22T10:00:00Z"),
        ("2026-03-02T10:00:00Z", "2026-03-16T10:00:00Z"),
    ]


def test_gexf_options_are_checked(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "bad.gexf"
    with pytest.raises(tg.InvalidArgumentError):
        g.write_gexf(path, as_of=AS_OF, active_days=0)
    with pytest.raises(tg.InvalidArgumentError):
        g.write_gexf(path, as_of=AS_OF, sampling=0)
    with pytest.raises(tg.InvalidArgumentError):
        g.write_gexf(path, as_of=AS_OF, sampling=-1)
    with pytest.raises(tg.InvalidArgumentError):
        g.write_gexf(path, as_of=AS_OF, start=at(21))
    with pytest.raises(TypeError):
        g.write_gexf(path, as_of=AS_OF, sampling="monthly")  # type: ignore[arg-type]
    with pytest.raises(tg.PersonNotFoundError):
        g.write_gexf(path, as_of=AS_OF, person="zed")
    # a failed export leaves no incomplete file behind
    assert not path.exists()
    g.write_gexf(path, as_of=AS_OF, start=at(1, month=1), sampling=2)
    assert gexf_edges(path)


def test_ties_csv_matches_ties(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "ties.csv"
    g.write_ties_csv(path, as_of=AS_OF, with_peak=True)
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    assert header == [
        "a", "b", "strength", "recency", "intensity", "duration", "regularity",
        "reciprocity", "multiplexity", "connection", "state", "online_only", "capped", "peak",
    ]  # fmt: skip
    table = g.ties(as_of=AS_OF, with_peak=True).to_arrow().to_pylist()
    assert len(body) == len(table) == g.tie_count
    for row, want in zip(body, table):
        got = dict(zip(header, row))
        for name in header:
            if isinstance(want[name], bool):
                assert got[name] == ("true" if want[name] else "false"), name
            elif isinstance(want[name], float):
                assert float(got[name]) == want[name], name
            else:
                assert got[name] == want[name], name

    # filtered: one person, first in column a; and a minimum strength
    lee = tmp_path / "lee.csv"
    g.write_ties_csv(lee, as_of=AS_OF, person="lee", min_strength=0.01, view="offline")
    with open(lee, newline="") as f:
        got = [(r["a"], r["b"], float(r["strength"])) for r in csv.DictReader(f)]
    want = [
        (r["a"], r["b"], r["strength"])
        for r in g.ties(as_of=AS_OF, person="lee", min_strength=0.01, view="offline").to_arrow().to_pylist()
    ]
    assert got == want and got[0][:2] == ("lee", "ana")
    with pytest.raises(tg.InvalidArgumentError):
        g.write_ties_csv(lee, as_of=AS_OF, min_strength=float("nan"))


def test_interactions_csv_round_trips(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    path = tmp_path / "interactions.csv"
    g.write_interactions_csv(path)
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == g.interaction_count
    assert list(rows[0]) == ["src", "dst", "time", "channel", "duration", "weight"]
    conns = tmp_path / "connections.csv"
    g.write_connections_csv(conns)
    with open(conns, newline="") as f:
        assert list(csv.reader(f))[0] == ["a", "b", "platform", "kind", "since"]

    g2 = tg.Graph()
    g2.add_person("ana", name="Ana <Ruiz>", organisation="Agency", tags=["pr", "press"])
    g2.load_interactions(path, duration="duration", weight="weight")
    g2.load_connections(conns, kind="kind", since="since")
    assert g == g2


def test_interactions_table(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    t = g.interactions_table()
    assert isinstance(t, tg.Table) and len(t) == g.interaction_count
    assert t.column_names == ["src", "dst", "time", "channel", "duration", "weight"]
    arrow = t.to_arrow()
    assert arrow.schema.field("time").type == pa.timestamp("us", tz="UTC")
    assert arrow.schema.field("duration").type == pa.float64()
    assert arrow.schema.field("weight").type == pa.float64()
    rows = arrow.to_pylist()
    ana_lee = [
        (r["src"], r["dst"], r["time"], r["channel"], r["duration"], r["weight"])
        for r in rows
        if {r["src"], r["dst"]} == {"ana", "lee"}
    ]
    assert ana_lee == [
        (i.src, i.dst, i.at, i.channel, i.duration, i.weight) for i in g.interactions("ana", "lee")
    ]
    # by time: the January call first, then the emails and the meeting
    assert [r[4] for r in ana_lee] == [600.0, None, None, 5400.0]
    assert [r[5] for r in ana_lee] == [1.0, 1.0, 2.0, 1.0]
    assert ana_lee[0][2] == dt.datetime(2026, 1, 15, 10, tzinfo=dt.timezone.utc)

    def copy() -> tg.Graph:
        g2 = tg.Graph()
        g2.add_person("ana", name="Ana <Ruiz>", organisation="Agency", tags=["pr", "press"])
        g2.add_connection("bo", "ana", platform="x", kind="follows")
        g2.add_connection("ana", "cy", platform="linkedin")
        return g2

    g2 = copy()
    g2.load_interactions(t, duration="duration", weight="weight")
    assert g == g2

    path = tmp_path / "interactions.parquet"
    pq.write_table(t.to_arrow(), path)
    g3 = copy()
    g3.load_interactions(path, duration="duration", weight="weight")
    assert g == g3
    assert len(tg.Graph().interactions_table()) == 0


def test_bad_path_raises_io_error(g: tg.Graph, tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "out"
    calls = [
        lambda p: g.write_graphml(p, as_of=AS_OF),
        lambda p: g.write_gexf(p, as_of=AS_OF),
        lambda p: g.write_ties_csv(p, as_of=AS_OF),
        lambda p: g.write_interactions_csv(p),
        lambda p: g.write_connections_csv(p),
    ]
    for call in calls:
        with pytest.raises(tg.TiegraphIOError) as info:
            call(missing)
        assert isinstance(info.value, OSError)
        assert "out" in str(info.value)
    with pytest.raises(TypeError):
        g.write_interactions_csv(42)  # type: ignore[arg-type]
