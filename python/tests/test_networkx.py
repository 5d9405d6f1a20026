"""tiegraph.networkx: ties out to networkx, interaction multigraphs in."""

from __future__ import annotations

import datetime as dt
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import tiegraph as tg
from tiegraph.networkx import from_networkx, to_networkx

nx = pytest.importorskip("networkx", reason="networkx is not installed (pip install networkx)")

UTC = dt.timezone.utc
AS_OF = dt.datetime(2026, 4, 1)
COMPONENTS = (
    "recency",
    "intensity",
    "duration",
    "regularity",
    "reciprocity",
    "multiplexity",
    "connection",
)


def calls() -> Any:
    """Ana and Lee email both ways, meet and call; Bo writes to Ana once; Cy is alone."""
    m = nx.MultiDiGraph()
    m.add_node(
        "ana", name="Ana Ruiz", organisation="Agency", role="press officer", tags=["pr", "eu"]
    )
    m.add_node("lee", name="Lee Park")
    m.add_node("cy", tags={"b", "a"})
    m.add_edge("ana", "lee", at=dt.datetime(2026, 3, 2, 9), channel="email")
    m.add_edge("lee", "ana", at=dt.datetime(2026, 3, 3, 9), channel="email", weight=2.0)
    m.add_edge("ana", "lee", at=dt.date(2026, 3, 9), channel="in_person", duration=5400.0)
    m.add_edge(
        "lee",
        "ana",
        at=dt.datetime(2026, 3, 20, 18, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        channel="phone_call",
        duration=dt.timedelta(minutes=15),
    )
    m.add_edge("bo", "ana", at="2026-03-05T08:00:00Z", channel="direct_message")
    return m


# --- from_networkx ----------------------------------------------------------


def test_from_multidigraph_keeps_every_interaction() -> None:
    g = from_networkx(calls())
    assert (g.person_count, g.interaction_count) == (4, 5)
    got = [
        (i.src, i.dst, i.at, i.channel, i.duration, i.weight) for i in g.interactions("ana", "lee")
    ]
    assert got == [
        ("ana", "lee", dt.datetime(2026, 3, 2, 9, tzinfo=UTC), "email", None, 1.0),
        ("lee", "ana", dt.datetime(2026, 3, 3, 9, tzinfo=UTC), "email", None, 2.0),
        ("ana", "lee", dt.datetime(2026, 3, 9, tzinfo=UTC), "in_person", 5400.0, 1.0),
        ("lee", "ana", dt.datetime(2026, 3, 20, 16, tzinfo=UTC), "phone_call", 900.0, 1.0),
    ]
    [dm] = g.interactions("ana", "bo")
    assert (dm.src, dm.at, dm.channel) == (
        "bo",
        dt.datetime(2026, 3, 5, 8, tzinfo=UTC),
        "direct_message",
    )


def test_node_attributes_become_person_details() -> None:
    g = from_networkx(calls())
    ana = g.person("ana")
    assert (ana.name, ana.organisation, ana.role, ana.tags) == (
        "Ana Ruiz",
        "Agency",
        "press officer",
        ["pr", "eu"],
    )
    assert g.person("lee").name == "Lee Park"
    assert g.person("cy").tags == ["a", "b"]  # a set, in sorted order
    assert "cy" in g and g.person("bo").name is None  # isolated and attribute-less nodes too


def test_round_trip_through_networkx() -> None:
    g = from_networkx(calls())
    out = to_networkx(g, as_of=AS_OF)
    assert sorted(out.nodes) == ["ana", "bo", "cy", "lee"]
    assert out.nodes["ana"] == {
        "name": "Ana Ruiz",
        "organisation": "Agency",
        "role": "press officer",
        "tags": ["pr", "eu"],
    }
    assert out.nodes["bo"] == {} and out.nodes["cy"] == {"tags": ["a", "b"]}
    assert {frozenset(e) for e in out.edges} == {
        frozenset({"ana", "lee"}),
        frozenset({"ana", "bo"}),
    }
    assert out.graph["as_of"] == dt.datetime(2026, 4, 1, tzinfo=UTC)
    # ...and the tiegraph graph rebuilt from an equal multigraph is equal
    assert from_networkx(calls()) == g


def test_directed_and_undirected_simple_graphs() -> None:
    d = nx.DiGraph()
    d.add_edge("ana", "lee", at=dt.date(2026, 3, 2), channel="email")
    d.add_edge("lee", "ana", at=dt.date(2026, 3, 3), channel="email")
    g = from_networkx(d)
    assert [(i.src, i.dst) for i in g.interactions("ana", "lee")] == [
        ("ana", "lee"),
        ("lee", "ana"),
    ]

    u = nx.Graph()
    u.add_edge("ana", "lee", at=dt.date(2026, 3, 2), channel="in_person")
    g = from_networkx(u)
    assert g.interaction_count == 1 and g.strength("ana", "lee", as_of=AS_OF).value > 0


def test_custom_attribute_names_and_default_channel() -> None:
    m = nx.MultiGraph()
    m.add_edge("ana", "lee", when=dt.date(2026, 3, 2), secs=60, w=0.5)
    m.add_edge("ana", "lee", when=dt.date(2026, 3, 3), how="in_person")
    g = from_networkx(
        m, at="when", channel="how", duration="secs", weight="w", default_channel="email"
    )
    got = [(i.channel, i.duration, i.weight) for i in g.interactions("ana", "lee")]
    assert got == [("email", 60.0, 0.5), ("in_person", None, 1.0)]


def test_missing_values_as_pandas_leaves_them() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "src": ["ana", "lee"],
            "dst": ["lee", "ana"],
            "at": pd.to_datetime(["2026-03-02 09:00", "2026-03-03 09:00"]),
            "channel": ["email", None],
            "duration": [float("nan"), 120.0],
            "weight": [2.0, float("nan")],
        }
    )
    m = nx.from_pandas_edgelist(df, "src", "dst", edge_attr=True, create_using=nx.MultiDiGraph)
    g = from_networkx(m, default_channel="direct_message")
    got = [(i.src, i.at.day, i.channel, i.duration, i.weight) for i in g.interactions("ana", "lee")]
    assert got == [("ana", 2, "email", None, 2.0), ("lee", 3, "direct_message", 120.0, 1.0)]


def test_empty_graph() -> None:
    g = from_networkx(nx.MultiDiGraph())
    assert (g.person_count, g.interaction_count) == (0, 0)


def bad(edge_attrs: dict[str, Any]) -> Any:
    """Two good edges, then one with these attributes (row 2)."""
    m = nx.MultiDiGraph()
    m.add_edge("ana", "lee", at=dt.date(2026, 3, 2), channel="email")
    m.add_edge("lee", "ana", at=dt.date(2026, 3, 3), channel="email")
    m.add_edge("lee", "bo", **edge_attrs)
    return m


@pytest.mark.parametrize(
    ("attrs", "error", "words"),
    [
        ({"channel": "email"}, tg.TimestampError, 'field "at": the time is missing'),
        ({"at": dt.date(2026, 3, 4)}, tg.InvalidValueError, 'in field "channel"'),
        (
            {"at": dt.date(2026, 3, 4), "channel": "fax"},
            tg.UnknownChannelError,
            'unknown channel "fax"',
        ),
        ({"at": 1772445600, "channel": "email"}, tg.TimestampError, "never taken as epoch times"),
        ({"at": "2 March", "channel": "email"}, tg.TimestampError, "not an ISO 8601"),
        (
            {"at": dt.date(2026, 3, 4), "channel": "email", "weight": -1},
            tg.InvalidWeightError,
            "invalid weight -1",
        ),
        (
            {"at": dt.date(2026, 3, 4), "channel": "email", "weight": "x"},
            tg.InvalidWeightError,
            "expected a number",
        ),
        (
            {"at": dt.date(2026, 3, 4), "channel": "email", "duration": -5},
            tg.InvalidDurationError,
            "invalid duration",
        ),
        (
            {"at": dt.date(2026, 3, 4), "channel": "email", "duration": "1h"},
            tg.InvalidDurationError,
            "timedelta",
        ),
    ],
)
def test_bad_edges_raise_tiegraph_errors_with_the_row(
    attrs: dict[str, Any], error: type[tg.TiegraphError], words: str
) -> None:
    with pytest.raises(error) as info:
        from_networkx(bad(attrs))
    assert info.value.row == 2
    assert str(info.value).startswith("row 2: ") and words in str(info.value)
    if sys.version_info >= (3, 11):
        assert info.value.__notes__ == ["row 2 is the networkx edge ('lee', 'bo', key=0)"]


def test_errors_name_the_callers_attribute() -> None:
    m = nx.MultiDiGraph()
    m.add_edge("ana", "lee", kind="email")
    with pytest.raises(tg.TimestampError, match=r'field "when": the time is missing') as info:
        from_networkx(m, at="when", channel="kind")
    assert info.value.row == 0


def test_self_loop_and_empty_key() -> None:
    m = nx.MultiDiGraph()
    m.add_edge("ana", "ana", at=dt.date(2026, 3, 2), channel="email")
    with pytest.raises(tg.SelfInteractionError) as info:
        from_networkx(m)
    assert info.value.row == 0
    e = nx.Graph()
    e.add_node("")
    with pytest.raises(tg.EmptyKeyError):
        from_networkx(e)


def test_nodes_must_be_strings() -> None:
    m = nx.MultiDiGraph()
    m.add_edge(1, 2, at=dt.date(2026, 3, 2), channel="email")
    with pytest.raises(TypeError, match=r"node 1 is a int.*relabel_nodes"):
        from_networkx(m)
    assert from_networkx(nx.relabel_nodes(m, str)).interaction_count == 1


@pytest.mark.parametrize(
    ("attrs", "words"),
    [
        ({"name": 3}, 'attribute "name" must be a string'),
        ({"tags": "pr"}, 'attribute "tags" must be a list'),
    ],
)
def test_bad_person_details(attrs: dict[str, Any], words: str) -> None:
    m = nx.Graph()
    m.add_node("ana", **attrs)
    with pytest.raises(TypeError, match=words):
        from_networkx(m)


def test_attribute_names_must_differ() -> None:
    m = nx.MultiDiGraph()
    m.add_edge("ana", "lee", at=dt.date(2026, 3, 2), channel="email")
    with pytest.raises(tg.InvalidArgumentError, match="four different attributes"):
        from_networkx(m, weight="duration")


def test_attribute_names_may_be_src_and_dst() -> None:
    m = nx.MultiDiGraph()
    m.add_edge("ana", "lee", src=dt.date(2026, 3, 2), dst="email")
    g = from_networkx(m, at="src", channel="dst")
    assert [(i.src, i.channel) for i in g.interactions("ana", "lee")] == [("ana", "email")]


class DuckGraph:
    """Just what from_networkx uses of a networkx graph."""

    def is_multigraph(self) -> bool:
        return False

    def nodes(self, data: bool = False) -> list[tuple[str, dict[str, Any]]]:
        return [("ana", {"name": "Ana"}), ("lee", {})]

    def edges(self, data: bool = False) -> list[tuple[str, str, dict[str, Any]]]:
        return [("ana", "lee", {"at": dt.date(2026, 3, 2), "channel": "in_person"})]


def test_from_networkx_duck_types_and_needs_no_networkx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    g = from_networkx(DuckGraph())
    assert (g.person("ana").name, g.interaction_count) == ("Ana", 1)


# --- to_networkx ------------------------------------------------------------


@pytest.fixture
def scored() -> tg.Graph:
    g = from_networkx(calls())
    g.add_connection("bo", "cy", platform="x", kind="follows")
    for day in (1, 8, 15):
        g.add_interaction("cy", "lee", at=dt.datetime(2026, 2, day), channel="email")
        g.add_interaction("lee", "cy", at=dt.datetime(2026, 2, day + 1), channel="direct_message")
    return g


def test_edges_carry_the_scores_of_strength(scored: tg.Graph) -> None:
    out = to_networkx(scored, as_of=AS_OF)
    assert out.number_of_edges() == scored.ties(as_of=AS_OF).num_rows == 4
    for a, b, e in out.edges(data=True):
        s = scored.strength(a, b, as_of=AS_OF)
        assert e["strength"] == pytest.approx(s.value, abs=1e-12)
        for c in COMPONENTS:
            assert e[c] == pytest.approx(s.components[c], abs=1e-12)
        assert (e["state"], e["online_only"], e["capped"]) == (s.state, s.online_only, s.capped)
        assert e.get("one_sided_from") == s.one_sided_from
        assert e["online_strength"] == pytest.approx(
            scored.online_strength(a, b, as_of=AS_OF).value, abs=1e-12
        )
        assert e["offline_strength"] == pytest.approx(
            scored.offline_strength(a, b, as_of=AS_OF).value, abs=1e-12
        )
        assert "structural" not in e
    cy_lee = out.edges["cy", "lee"]
    assert cy_lee["online_only"] and cy_lee["offline_strength"] == 0.0
    ana_lee = out.edges["ana", "lee"]
    assert ana_lee["online_strength"] > 0 and ana_lee["offline_strength"] > 0
    assert out.edges["ana", "bo"]["one_sided_from"] == "bo"


def test_min_strength_keeps_every_person(scored: tg.Graph) -> None:
    strongest = max(scored.ties(as_of=AS_OF).column("strength").to_pylist())
    out = to_networkx(scored, as_of=AS_OF, min_strength=strongest)
    assert out.number_of_nodes() == 4 and out.number_of_edges() == 1


def test_views_and_models(scored: tg.Graph) -> None:
    offline = to_networkx(scored, as_of=AS_OF, view="offline")
    for a, b, e in offline.edges(data=True):
        assert e["strength"] == pytest.approx(
            scored.offline_strength(a, b, as_of=AS_OF).value, abs=1e-12
        )
        assert e["online_strength"] == 0.0
        assert e["offline_strength"] == pytest.approx(e["strength"], abs=1e-12)

    email = tg.View(channels=["email"], end=dt.datetime(2026, 3, 10))
    out = to_networkx(scored, as_of=AS_OF, view=email)
    e = out.edges["ana", "lee"]
    assert e["strength"] == pytest.approx(
        scored.strength("ana", "lee", as_of=AS_OF, view=email).value
    )
    assert e["online_strength"] == pytest.approx(e["strength"]) and e["offline_strength"] == 0.0

    model = tg.ScoringModel(recency_half_life_days=7, structural=True)
    out = to_networkx(scored, as_of=AS_OF, model=model)
    e = out.edges["ana", "lee"]
    assert e["strength"] == pytest.approx(
        scored.strength("ana", "lee", as_of=AS_OF, model=model).value
    )
    assert "structural" in e


def test_bad_arguments_surface_tiegraph_errors(scored: tg.Graph) -> None:
    with pytest.raises(tg.InvalidArgumentError):
        to_networkx(scored, as_of=AS_OF, min_strength=math.nan)
    with pytest.raises(tg.UnknownChannelError):
        to_networkx(scored, as_of=AS_OF, view=tg.View(channels=["fax"]))


def test_graphml_round_trip_of_the_ties(scored: tg.Graph, tmp_path: Path) -> None:
    out = to_networkx(scored, as_of=AS_OF)
    out.graph.clear()  # GraphML has no datetime type
    for _, data in out.nodes(data=True):
        data.pop("tags", None)  # nor lists
    nx.write_graphml(out, tmp_path / "ties.graphml")
    back = nx.read_graphml(tmp_path / "ties.graphml")
    assert back.edges["ana", "lee"]["strength"] == pytest.approx(
        out.edges["ana", "lee"]["strength"]
    )


def test_missing_networkx_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, scored: tg.Graph
) -> None:
    monkeypatch.setitem(sys.modules, "networkx", None)
    with pytest.raises(ImportError, match=r"pip install networkx"):
        to_networkx(scored, as_of=AS_OF)


# --- the module itself ------------------------------------------------------


def test_docstring_examples_run() -> None:
    import doctest

    import tiegraph.networkx

    result = doctest.testmod(tiegraph.networkx)
    assert result.attempted > 0 and result.failed == 0


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    # the source in the checkout, not the installed copy: mypy refuses files
    # inside site-packages (they "shadow" the libraries beside them)
    source = Path(__file__).resolve().parents[1] / "src" / "tiegraph" / "networkx.py"

    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_graph_methods_delegate_to_the_module() -> None:
    """`Graph.to_networkx` and `Graph.from_networkx` are the module's functions."""
    pytest.importorskip("networkx")
    import datetime as dt

    import tiegraph.networkx as tnx

    g = tg.Graph()
    g.add_interaction("ana", "lee", at=dt.datetime(2026, 1, 5, 9), channel="in_person", duration=3600)
    g.add_interaction("lee", "bo", at=dt.datetime(2026, 1, 6, 9), channel="email")
    as_of = dt.datetime(2026, 1, 10)
    via_method = g.to_networkx(as_of=as_of, min_strength=0.1)
    via_module = tnx.to_networkx(g, as_of=as_of, min_strength=0.1)
    assert sorted(via_method.edges(data=True)) == sorted(via_module.edges(data=True))
    assert [tuple(sorted(e)) for e in via_method.edges()] == [("ana", "lee")]
    import networkx as nx

    m = nx.MultiDiGraph()
    m.add_edge("ana", "lee", at=dt.datetime(2026, 1, 5, 9), channel="email")
    m.add_edge("lee", "ana", at=dt.datetime(2026, 1, 6, 9), channel="email")
    h = tg.Graph.from_networkx(m)
    assert isinstance(h, tg.Graph) and h.interaction_count == 2
    assert h.strength("ana", "lee", as_of=as_of).state == "active"
