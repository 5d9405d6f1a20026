"""Graph analytics from Python: introduction paths, brokerage, communities,
modularity, suggestions.

The scenarios repeat those of ``crates/tiegraph/tests/it/analytics_graph.rs``
with the same numbers. The hand-built graphs score ties with a model that
weighs multiplexity only, so that a tie's strength is exactly the number of
channel classes it used over 4: 0.25, 0.5, 0.75 or 1 (see ``tie``), and
every expected number is plain arithmetic on those.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import struct
from typing import Any

import pyarrow as pa
import pytest

import tiegraph as tg

UTC = dt.timezone.utc
AT = dt.datetime(2026, 6, 1, 12, tzinfo=UTC)
TOL = 1e-12
MULTIPLEXITY_ONLY = tg.ScoringModel(
    weights={
        "recency": 0.0,
        "intensity": 0.0,
        "duration": 0.0,
        "regularity": 0.0,
        "reciprocity": 0.0,
        "multiplexity": 1.0,
        "connection": 0.0,
        "structural": 0.0,
    }
)
CLASSES = ["in_person", "phone_call", "email", "public_reply"]


def day(d: int) -> dt.datetime:
    return AT + dt.timedelta(days=d)


def close(what: str, got: float, want: float) -> None:
    assert abs(got - want) <= TOL, f"{what}: got {got!r}, want {want!r}"


def col(t: tg.Table, name: str) -> list[Any]:
    return list(t.column(name).to_pylist())


def quarters(ties: list[tuple[str, str, int]]) -> tg.Graph:
    """A graph of ties given as (a, b, strength in quarters) under the
    multiplexity-only model: a meeting, then a call, an email and a public
    reply, each one more class. Loaded as one Arrow table."""
    rows = [(a, b, ch) for a, b, q in ties for ch in CLASSES[:q]]
    g = tg.Graph()
    g.set_model(MULTIPLEXITY_ONLY)
    g.load_interactions(
        pa.table(
            {
                "src": [r[0] for r in rows],
                "dst": [r[1] for r in rows],
                "time": pa.array([day(-1)] * len(rows), pa.timestamp("us", tz="UTC")),
                "channel": [r[2] for r in rows],
            }
        )
    )
    return g


# --------------------------------------------------------------------------
# Introductions
# --------------------------------------------------------------------------


def test_the_tie_strengths_are_the_quarters() -> None:
    g = quarters([("ana", "bo", 1), ("ana", "cy", 2), ("ana", "dee", 3), ("ana", "eve", 4)])
    for other, want in [("bo", 0.25), ("cy", 0.5), ("dee", 0.75), ("eve", 1.0)]:
        assert g.strength("ana", other, as_of=AT).value == want
    # the same strengths with the model given per query on a graph that has the default one
    plain = tg.Graph()
    for other, q in [("bo", 1), ("eve", 4)]:
        for ch in CLASSES[:q]:
            plain.add_interaction("ana", other, at=day(-1), channel=ch)
    top = plain.strongest_ties("ana", as_of=AT, model=MULTIPLEXITY_ONLY)
    assert list(zip(col(top, "other"), col(top, "strength"))) == [("eve", 1.0), ("bo", 0.25)]


def test_the_weakest_link_decides() -> None:
    # ana-bo-lee: 1.0 then 0.25; ana-cy-lee: 0.75 then 0.5
    g = quarters([("ana", "bo", 4), ("bo", "lee", 1), ("ana", "cy", 3), ("cy", "lee", 2)])
    p = g.introduction_path("ana", "lee", as_of=AT, max_hops=3)
    assert isinstance(p, tg.Path)
    assert p.people == ["ana", "cy", "lee"]
    assert p.strengths == [0.75, 0.5]
    close("bottleneck", p.bottleneck, 0.5)
    close("product", p.product, 0.75 * 0.5)
    assert (p.weakest, p.hops) == (1, 2)
    assert p.reason == "ana → cy (0.75) → lee (0.50): weakest link cy–lee"
    assert repr(p) == "Path(people=['ana', 'cy', 'lee'], bottleneck=0.5000, product=0.3750)"
    # the other way round, the same ties
    q = g.introduction_path("lee", "ana", as_of=AT, max_hops=3)
    assert q is not None
    assert q.people == ["lee", "cy", "ana"]
    assert (q.weakest, q.bottleneck) == (0, 0.5)
    assert q.reason == "lee → cy (0.50) → ana (0.75): weakest link lee–cy"
    # both, in order; the first is introduction_path's and compares equal to it
    paths = g.introduction_paths("ana", "lee", 5, as_of=AT, max_hops=3)
    assert [x.people for x in paths] == [["ana", "cy", "lee"], ["ana", "bo", "lee"]]
    assert paths[0] == p and paths[1] != p
    close("second bottleneck", paths[1].bottleneck, 0.25)
    close("second product", paths[1].product, 0.25)


def test_a_higher_bottleneck_early_does_not_hide_a_better_product() -> None:
    g = quarters([("ana", "bo", 3), ("bo", "cy", 3), ("cy", "dee", 3), ("ana", "dee", 2), ("dee", "lee", 2)])
    p = g.introduction_path("ana", "lee", as_of=AT, max_hops=4)
    assert p is not None and p.people == ["ana", "dee", "lee"]
    close("bottleneck", p.bottleneck, 0.5)
    close("product", p.product, 0.25)
    paths = g.introduction_paths("ana", "lee", 5, as_of=AT, max_hops=4)
    assert len(paths) == 2
    assert paths[1].people == ["ana", "bo", "cy", "dee", "lee"]
    close("second bottleneck", paths[1].bottleneck, 0.5)
    close("second product", paths[1].product, 0.75 * 0.75 * 0.75 * 0.5)
    assert paths[1].weakest == 3


def test_the_hop_limit_is_exact() -> None:
    g = quarters([("ana", "bo", 4), ("bo", "cy", 4), ("cy", "dee", 4), ("ana", "dee", 1), ("dee", "lee", 4)])
    p = g.introduction_path("ana", "lee", as_of=AT, max_hops=3)
    assert p is not None and p.people == ["ana", "dee", "lee"]
    close("bottleneck", p.bottleneck, 0.25)
    p = g.introduction_path("ana", "lee", as_of=AT, max_hops=4)
    assert p is not None and p.people == ["ana", "bo", "cy", "dee", "lee"]
    close("bottleneck", p.bottleneck, 1.0)
    assert g.introduction_path("ana", "lee", as_of=AT, max_hops=1) is None
    # max_hops defaults to 3
    default = g.introduction_path("ana", "lee", as_of=AT)
    assert default is not None and default.people == ["ana", "dee", "lee"]
    # products too: every path has bottleneck 0.5
    g = quarters([("ana", "bo", 4), ("bo", "cy", 4), ("cy", "dee", 4), ("ana", "dee", 2), ("dee", "lee", 2)])
    p = g.introduction_path("ana", "lee", as_of=AT, max_hops=4)
    assert p is not None and p.people == ["ana", "bo", "cy", "dee", "lee"]
    close("product", p.product, 0.5)
    p = g.introduction_path("ana", "lee", as_of=AT, max_hops=3)
    assert p is not None and p.people == ["ana", "dee", "lee"]
    close("product", p.product, 0.25)


def test_fewer_hops_then_key_order_break_the_remaining_ties() -> None:
    g = quarters([("ana", "lee", 2), ("ana", "cy", 4), ("cy", "lee", 2), ("ana", "bo", 4), ("bo", "lee", 2)])
    paths = g.introduction_paths("ana", "lee", 10, as_of=AT, max_hops=2)
    assert [p.people for p in paths] == [["ana", "lee"], ["ana", "bo", "lee"], ["ana", "cy", "lee"]]
    for p in paths:
        close("bottleneck", p.bottleneck, 0.5)
        close("product", p.product, 0.5)
    assert paths[0].reason == "ana → lee (0.50): a direct tie"
    # key order compares position by position: ana-bo-zed-lee before ana-cy-al-lee
    g = quarters(
        [("ana", "bo", 4), ("bo", "zed", 4), ("zed", "lee", 4), ("ana", "cy", 4), ("cy", "al", 4), ("al", "lee", 4)]
    )
    paths = g.introduction_paths("ana", "lee", 10, as_of=AT)
    assert [p.people for p in paths] == [["ana", "bo", "zed", "lee"], ["ana", "cy", "al", "lee"]]


def test_no_path_unknown_people_and_bad_arguments() -> None:
    g = quarters([("ana", "bo", 4), ("lee", "max", 4)])
    g.add_interaction("bo", "lee", at=day(-1), channel="email")  # one-sided: strength 0
    assert g.introduction_path("ana", "lee", as_of=AT, max_hops=5) is None
    assert g.introduction_paths("ana", "lee", 3, as_of=AT, max_hops=5) == []
    for a, b in [("ana", "nobody"), ("nobody", "ana")]:
        with pytest.raises(tg.PersonNotFoundError, match='"nobody"'):
            g.introduction_path(a, b, as_of=AT)
        with pytest.raises(tg.PersonNotFoundError, match='"nobody"'):
            g.introduction_paths(a, b, as_of=AT)
    with pytest.raises(tg.InvalidArgumentError, match="^invalid argument max_hops: must be at least 1$"):
        g.introduction_path("ana", "bo", as_of=AT, max_hops=0)
    with pytest.raises(tg.InvalidArgumentError, match="^invalid argument max_hops: must be at least 1, got -1$"):
        g.introduction_path("ana", "bo", as_of=AT, max_hops=-1)
    with pytest.raises(tg.InvalidArgumentError, match="^invalid argument k: must be at least 1$"):
        g.introduction_paths("ana", "bo", 0, as_of=AT, max_hops=2)
    with pytest.raises(tg.InvalidArgumentError, match="invalid argument to: "):
        g.introduction_path("ana", "ana", as_of=AT)
    # keyword names: from_ (from is a Python keyword) and to
    p = g.introduction_path(from_="ana", to="bo", as_of=AT)
    assert p is not None and p.hops == 1
    # before anyone met: no ties at all
    assert g.introduction_path("ana", "bo", as_of=day(-2)) is None


def test_a_window_view_changes_the_path() -> None:
    g = tg.Graph()
    jan = dt.datetime(2026, 1, 15, 10, tzinfo=UTC)
    jun = dt.datetime(2026, 6, 15, 10, tzinfo=UTC)
    as_of = dt.datetime(2026, 7, 1, tzinfo=UTC)
    for a, b, when in [("ana", "bo", jan), ("bo", "lee", jan), ("ana", "cy", jun), ("cy", "lee", jun)]:
        g.add_interaction(a, b, at=when, channel="in_person")
    p = g.introduction_path("ana", "lee", as_of=as_of)
    assert p is not None and p.people == ["ana", "cy", "lee"]  # the recent meetings are stronger
    january = tg.View(start=jan - dt.timedelta(days=1), end=jan + dt.timedelta(days=30))
    p = g.introduction_path("ana", "lee", as_of=as_of, view=january)
    assert p is not None and p.people == ["ana", "bo", "lee"]
    close("bottleneck", p.bottleneck, g.strength("bo", "lee", as_of=as_of, view=january).value)
    # online only: nobody met online
    assert g.introduction_path("ana", "lee", as_of=as_of, view="online") is None


class SplitMix64:
    """splitmix64, the generator of the Rust tests, for the same graphs."""

    MASK = (1 << 64) - 1

    def __init__(self, seed: int) -> None:
        self.state = seed

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, n: int) -> int:
        return self.next() % n


def all_paths(
    adj: dict[str, dict[str, float]], s: str, t: str, max_hops: int
) -> list[tuple[float, float, list[str]]]:
    """Every loopless path of at most max_hops from s to t, by brute force,
    in the order of introduction_paths."""
    out: list[tuple[float, float, list[str]]] = []

    def walk(path: list[str]) -> None:
        v = path[-1]
        if v == t:
            b, p = math.inf, 1.0
            for x, y in itertools.pairwise(path):
                b, p = min(b, adj[x][y]), p * adj[x][y]
            out.append((b, p, list(path)))
            return
        if len(path) > max_hops:
            return
        for u in sorted(adj[v]):
            if u not in path:
                walk([*path, u])

    walk([s])
    out.sort(key=lambda x: (-x[0], -x[1], len(x[2]), x[2]))
    return out


def test_introduction_paths_list_every_loopless_path_in_order_like_brute_force() -> None:
    rng = SplitMix64(11)
    for rnd in range(12):
        n = 9 + rnd % 4
        ties = [
            (f"p{a:02d}", f"p{b:02d}", 1 + rng.below(4))
            for a in range(n)
            for b in range(a + 1, n)
            if rng.below(100) < 35
        ]
        g = quarters(ties)
        adj: dict[str, dict[str, float]] = {}
        tie_table = g.ties(as_of=AT)
        for a, b, v in zip(col(tie_table, "a"), col(tie_table, "b"), col(tie_table, "strength")):
            if v > 0:
                adj.setdefault(a, {})[b] = v
                adj.setdefault(b, {})[a] = v
        for s, t in [(0, n - 1), (1, 2), (3, n - 2)]:
            ks, kt = f"p{s:02d}", f"p{t:02d}"
            if ks not in g or kt not in g:
                continue
            for max_hops in (1, 2, 3, 4):
                want = all_paths(adj, ks, kt, max_hops) if ks in adj else []
                got = g.introduction_paths(ks, kt, len(want) + 3, as_of=AT, max_hops=max_hops)
                where = f"round {rnd}, {ks} -> {kt} in {max_hops}"
                assert [p.people for p in got] == [w[2] for w in want], where
                assert [(p.bottleneck, p.product) for p in got] == [(w[0], w[1]) for w in want], where
                best = g.introduction_path(ks, kt, as_of=AT, max_hops=max_hops)
                assert (best.people if best else None) == (want[0][2] if want else None), where


# --------------------------------------------------------------------------
# Brokerage
# --------------------------------------------------------------------------


def brokerage_graph() -> tg.Graph:
    """ana-bo 1, ana-cy 0.5, ana-dee 0.25, bo-cy 0.75, cy-eve 1; zed alone."""
    g = quarters([("ana", "bo", 4), ("ana", "cy", 2), ("ana", "dee", 1), ("bo", "cy", 3), ("cy", "eve", 4)])
    g.add_person("zed")
    return g


def test_constraint_and_effective_size_by_hand() -> None:
    g = brokerage_graph()
    b = g.brokerage("ana", as_of=AT)
    assert isinstance(b, tg.Brokerage)
    assert (b.person, b.degree) == ("ana", 3)
    close("strength", b.strength, 1.75)
    close("constraint", b.constraint, 4 / 9 + 725 / 2401)
    close("effective size", b.effective_size, 33 / 14)
    close("unweighted", b.unweighted_effective_size, 7 / 3)
    assert [k for k, _ in b.constrained_by] == ["bo", "cy", "dee"]
    for (_, v), want in zip(b.constrained_by, [4 / 9, 676 / 2401, 1 / 49]):
        close("local", v, want)
    assert b.reason == "ties to 3 people, 2.36 of them non-redundant; constraint 0.75, most from bo (0.44)"
    assert repr(b) == "Brokerage(person='ana', degree=3, constraint=0.7464, effective_size=2.3571)"
    b = g.brokerage("bo", as_of=AT)
    close("constraint", b.constraint, 4 / 9 + 841 / 2401)
    close("effective size", b.effective_size, 1.5)
    close("unweighted", b.unweighted_effective_size, 1.0)
    b = g.brokerage("cy", as_of=AT)
    close("constraint", b.constraint, (26 * 26 + 29 * 29 + 28 * 28) / (63 * 63))
    close("effective size", b.effective_size, 22 / 9)
    close("unweighted", b.unweighted_effective_size, 7 / 3)
    for key in ("dee", "eve"):
        b = g.brokerage(key, as_of=AT)
        assert (b.degree, b.constraint, b.effective_size, b.unweighted_effective_size) == (1, 1.0, 1.0, 1.0)
    z = g.brokerage("zed", as_of=AT)
    assert z.degree == 0 and z.constrained_by == []
    assert math.isnan(z.constraint) and math.isnan(z.effective_size) and math.isnan(z.unweighted_effective_size)
    assert z.reason == "no ties in this view: brokerage is undefined"
    with pytest.raises(tg.PersonNotFoundError):
        g.brokerage("nobody", as_of=AT)


def test_brokerage_of_everyone_matches_one_by_one() -> None:
    g = brokerage_graph()
    t = g.brokerage_all(as_of=AT)
    assert [(f.name, str(f.type)) for f in t.to_arrow().schema] == [
        ("person", "string"),
        ("degree", "int64"),
        ("strength", "double"),
        ("constraint", "double"),
        ("effective_size", "double"),
        ("unweighted_effective_size", "double"),
        ("constrained_by", "list<item: struct<person: string not null, value: double not null> not null>"),
        ("reason", "string"),
    ]
    everyone = t.to_arrow().to_pylist()
    assert [r["person"] for r in everyone] == ["ana", "bo", "cy", "dee", "eve", "zed"]
    for r in everyone[:5]:
        b = g.brokerage(r["person"], as_of=AT)
        assert (r["degree"], r["strength"], r["constraint"], r["effective_size"], r["reason"]) == (
            b.degree,
            b.strength,
            b.constraint,
            b.effective_size,
            b.reason,
        )
        assert [(c["person"], c["value"]) for c in r["constrained_by"]] == b.constrained_by
    assert math.isnan(everyone[5]["constraint"]) and everyone[5]["constrained_by"] == []
    # polars reads the nested column
    pf = t.to_polars()
    assert pf["constrained_by"][0].to_list()[0] == {"person": "bo", "value": everyone[0]["constrained_by"][0]["value"]}
    # offline only keeps the meetings, which every tie has: all at 0.25, so
    # the weighted and unweighted effective sizes agree
    for r in g.brokerage_all(as_of=AT, view="offline").to_arrow().to_pylist():
        if r["degree"] > 0:
            close("weighted vs unweighted", r["effective_size"], r["unweighted_effective_size"])


def test_brokerage_and_modularity_agree_with_networkx() -> None:
    nx = pytest.importorskip("networkx")
    g = brokerage_graph()
    ties = g.ties(as_of=AT).to_arrow().to_pylist()
    graph = nx.Graph()
    graph.add_nodes_from(p.key for p in g.people())
    graph.add_weighted_edges_from((t["a"], t["b"], t["strength"]) for t in ties if t["strength"] > 0)
    constraint = nx.constraint(graph, weight="weight")
    size = nx.effective_size(graph, weight="weight")
    unweighted = nx.effective_size(graph)
    for r in g.brokerage_all(as_of=AT).to_arrow().to_pylist():
        if r["degree"] == 0:
            assert math.isnan(constraint[r["person"]]) and math.isnan(r["constraint"])
            continue
        assert math.isclose(r["constraint"], constraint[r["person"]], rel_tol=1e-12)
        assert math.isclose(r["effective_size"], size[r["person"]], rel_tol=1e-12)
        assert math.isclose(r["unweighted_effective_size"], unweighted[r["person"]], rel_tol=1e-12)
    parts = [["ana", "bo", "dee"], ["cy", "eve"], ["zed"]]
    for gamma in (0.5, 1.0, 2.0):
        want = nx.community.modularity(graph, parts, weight="weight", resolution=gamma)
        close("modularity", g.modularity(parts, as_of=AT, resolution=gamma), want)


# --------------------------------------------------------------------------
# Communities
# --------------------------------------------------------------------------


def two_cliques() -> tg.Graph:
    """Two cliques of four at 1.0 (a*, b*), joined by a2-b1 at 0.25."""
    ties = [(f"{s}{i}", f"{s}{j}", 4) for s in "ab" for i in range(1, 5) for j in range(i + 1, 5)]
    return quarters([*ties, ("a2", "b1", 1)])


def test_louvain_splits_two_cliques_joined_by_a_weak_tie() -> None:
    g = two_cliques()
    want = 2 * (6 / 12.25 - (12.25 / 24.5) ** 2)
    for seed in (0, 1, 2, 42, 2**64 - 1):
        c = g.communities(as_of=AT, seed=seed)
        assert isinstance(c, tg.Communities)
        assert col(c.table, "community") == [0, 0, 0, 0, 1, 1, 1, 1], f"seed {seed}"
        assert col(c.table, "person") == ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4"]
        assert [(f.name, str(f.type)) for f in c.table.to_arrow().schema] == [
            ("person", "string"),
            ("community", "uint32"),
        ]
        assert (c.count, c.resolution) == (2, 1.0)
        close("modularity", c.modularity, want)
        assert c.groups() == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]
        assert (c.of("b3"), c.of("nobody")) == (1, None)
        assert (c.members(1), c.members(2), c.members(-1)) == (["b1", "b2", "b3", "b4"], [], [])
    assert repr(g.communities(as_of=AT)) == "Communities(count=2, modularity=0.4796, resolution=1.0)"
    close("12/12.25 - 1/2", want, 12 / 12.25 - 0.5)


def test_resolution_moves_the_scale() -> None:
    g = two_cliques()
    c = g.communities(as_of=AT, resolution=0.01, seed=3)
    assert c.count == 1
    close("modularity", c.modularity, 1 - 0.01)
    c = g.communities(as_of=AT, resolution=3.0, seed=3)
    assert c.count == 8 and col(c.table, "community") == list(range(8))
    k2 = 6 * 3.0 * 3.0 + 2 * 3.25 * 3.25
    close("modularity", c.modularity, -3 * k2 / (24.5 * 24.5))
    for bad in (0.0, -1.0, math.nan, math.inf):
        with pytest.raises(tg.InvalidArgumentError, match="resolution"):
            g.communities(as_of=AT, resolution=bad)
    with pytest.raises(OverflowError):
        g.communities(as_of=AT, seed=-1)


def test_modularity_of_any_partition() -> None:
    g = two_cliques()
    everyone = [p.key for p in g.people()]
    close("one community", g.modularity([everyone], as_of=AT), 0.0)
    close("singletons", g.modularity([], as_of=AT), -(6 * 9 + 2 * 3.25 * 3.25) / (24.5 * 24.5))
    bad = [["a1", "a2", "b1"], ["a3", "a4", "b2", "b3", "b4"]]
    q1 = 1.25 / 12.25 - (9.5 / 24.5) ** 2
    q2 = 4 / 12.25 - (15 / 24.5) ** 2
    close("bad split", g.modularity(bad, as_of=AT), q1 + q2)
    # the same partition as tuples, as a dict of labels, and through a generator
    close("tuples", g.modularity((tuple(x) for x in bad), as_of=AT), q1 + q2)
    labels = {key: n for n, members in enumerate(bad) for key in members}
    close("dict", g.modularity(labels, as_of=AT), q1 + q2)
    close("str labels", g.modularity({k: f"c{v}" for k, v in labels.items()}, as_of=AT), q1 + q2)
    # a Communities and its groups give its own modularity back
    c = g.communities(as_of=AT)
    assert g.modularity(c, as_of=AT) == c.modularity
    assert g.modularity(c.groups(), as_of=AT) == c.modularity
    with pytest.raises(
        tg.InvalidArgumentError,
        match='^invalid argument communities: "a2" is in more than one community$',
    ):
        g.modularity([["a1", "a2"], ["a2"]], as_of=AT)
    with pytest.raises(tg.PersonNotFoundError):
        g.modularity([["zz"]], as_of=AT)
    with pytest.raises(tg.InvalidArgumentError):
        g.modularity([["a1"]], as_of=AT, resolution=-1.0)
    with pytest.raises(TypeError, match="not a str"):
        g.modularity("a1", as_of=AT)
    with pytest.raises(TypeError, match="not the str 'a1'"):
        g.modularity(["a1", "a2"], as_of=AT)
    # nobody tied yet: modularity 0, everyone alone
    close("no ties", g.modularity([["a1", "a2"]], as_of=day(-2)), 0.0)
    c = g.communities(as_of=day(-2))
    assert (c.count, c.modularity) == (8, 0.0)


def test_a_ring_of_cliques_is_found_whatever_the_seed() -> None:
    ties = []
    for n in range(6):
        ties += [(f"c{n}m{i}", f"c{n}m{j}", 4) for i in range(5) for j in range(i + 1, 5)]
        ties.append((f"c{n}m4", f"c{(n + 1) % 6}m0", 1))
    g = quarters(ties)
    want = 6 * (10 / 61.5 - (20.5 / 123) ** 2)
    first = g.communities(as_of=AT, seed=0)
    for seed in range(20):
        c = g.communities(as_of=AT, seed=seed)
        assert c.count == 6, f"seed {seed}"
        assert col(c.table, "community") == [i // 5 for i in range(30)], f"seed {seed}"
        close("modularity", c.modularity, want)
        assert c.modularity == first.modularity


def fingerprint(labels: list[int]) -> int:
    """FNV-1a of the community labels, as the Rust test computes it."""
    h = 0xCBF29CE484222325
    for label in labels:
        h = ((h ^ label) * 0x100000001B3) & ((1 << 64) - 1)
    return h


def test_louvain_gives_the_partition_the_rust_tests_pin() -> None:
    """The same graph, seed and partition, bit for bit, as
    ``louvain_is_reproducible_across_runs`` in the Rust tests."""
    rng = SplitMix64(5)
    ties = []
    for i in range(2000):
        for _ in range(3):
            j = rng.below(2000) if rng.below(5) == 0 else (i // 25) * 25 + rng.below(25)
            if j != i:
                ties.append((f"p{i:04d}", f"p{j:04d}", 1 + rng.below(4)))
    g = quarters(ties)
    c = g.communities(as_of=AT, seed=12_345)
    bits = struct.unpack("<Q", struct.pack("<d", c.modularity))[0]
    labels = col(c.table, "community")
    assert (c.count, fingerprint(labels), bits) == (38, 17_664_853_515_150_553_537, 4_605_086_501_020_998_475)
    again = quarters(list(reversed(ties))).communities(as_of=AT, seed=12_345)
    assert col(again.table, "community") == labels and again.modularity == c.modularity
    assert g.modularity(c, as_of=AT) == c.modularity


# --------------------------------------------------------------------------
# Suggestions
# --------------------------------------------------------------------------


def test_suggestions_by_hand() -> None:
    g = quarters([("ana", "bo", 4), ("ana", "cy", 2), ("bo", "lee", 3), ("cy", "lee", 1), ("cy", "max", 4)])
    # an unanswered email from ana to max: a tie of strength 0, still a suggestion
    g.add_interaction("ana", "max", at=day(-1), channel="email")
    ln = math.log(2.75)
    aa = g.suggest("ana", 5, as_of=AT)  # adamic_adar by default
    assert [(f.name, str(f.type)) for f in aa.to_arrow().schema] == [
        ("person", "string"),
        ("score", "double"),
        ("shared", "int64"),
        ("via", "list<item: struct<person: string not null, value: double not null> not null>"),
        ("reason", "string"),
    ]
    r = aa.to_arrow().to_pylist()
    assert [x["person"] for x in r] == ["lee", "max"]
    close("aa lee", r[0]["score"], 0.875 / ln + 0.375 / ln)
    assert [v["person"] for v in r[0]["via"]] == ["bo", "cy"]
    close("aa lee via bo", r[0]["via"][0]["value"], 0.875 / ln)
    close("aa lee via cy", r[0]["via"][1]["value"], 0.375 / ln)
    close("aa max", r[1]["score"], 0.75 / ln)
    assert (r[0]["shared"], r[1]["shared"]) == (2, 1)
    assert g.suggest("ana", 5, as_of=AT, method="adamic_adar").to_arrow() == aa.to_arrow()
    ra = g.suggest("ana", 5, as_of=AT, method="resource_allocation").to_arrow().to_pylist()
    close("ra lee", ra[0]["score"], 0.5)
    close("ra max", ra[1]["score"], 2 / 7)
    assert ra[0]["reason"] == "2 shared contacts: bo (0.43), cy (0.07)"
    assert ra[1]["reason"] == "1 shared contact: cy (0.29)"
    from_lee = g.suggest("lee", 1, as_of=AT, method="resource_allocation").to_arrow().to_pylist()
    assert [x["person"] for x in from_lee] == ["ana"]
    close("ra ana", from_lee[0]["score"], (0.75 * 1.0 + 0.25 * 0.5) / 1.75)
    # people already tied are never suggested
    assert "ana" not in col(g.suggest("bo", 5, as_of=AT), "person")
    with pytest.raises(tg.PersonNotFoundError):
        g.suggest("nobody", as_of=AT)
    with pytest.raises(tg.InvalidArgumentError, match="k"):
        g.suggest("ana", 0, as_of=AT)
    with pytest.raises(tg.InvalidValueError, match="resource_allocation"):
        g.suggest("ana", as_of=AT, method="jaccard")  # type: ignore[arg-type]


def test_equal_suggestions_come_in_key_order_and_name_at_most_three_contacts() -> None:
    ties = []
    for z in "wxyz":
        ties += [("ana", z, 2), (z, "lee", 2), (z, "kim", 2)]
    ties.append(("w", "max", 2))
    g = quarters(ties)
    r = g.suggest("ana", 2, as_of=AT, method="resource_allocation").to_arrow().to_pylist()
    assert [x["person"] for x in r] == ["kim", "lee"]
    assert r[0]["score"] == r[1]["score"]
    assert len(r[0]["via"]) == 3 and r[0]["shared"] == 4
    assert r[0]["reason"] == "4 shared contacts: x (0.17), y (0.17), z (0.17) and 1 more"
    close("via x", r[0]["via"][0]["value"], 0.5 * 0.5 / 1.5)


def test_graph_analytics_are_deterministic() -> None:
    g = brokerage_graph()
    # zed's NaNs compare unequal, their reprs do not
    first = g.brokerage_all(as_of=AT).to_arrow().to_pylist()
    assert repr(g.brokerage_all(as_of=AT).to_arrow().to_pylist()) == repr(first)
    a = g.communities(as_of=AT, seed=9)
    b = g.communities(as_of=AT, seed=9)
    assert a.table.to_arrow() == b.table.to_arrow() and a.modularity == b.modularity
    assert g.introduction_paths("dee", "eve", 5, as_of=AT) == g.introduction_paths("dee", "eve", 5, as_of=AT)
    assert g.suggest("dee", as_of=AT).to_arrow() == g.suggest("dee", as_of=AT).to_arrow()
