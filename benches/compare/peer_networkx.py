"""W1 in networkx: a Python loop over the rows updating a dict of attributes
on each edge of an ``nx.Graph``, then the features of every edge.

This is the pure-Python baseline of the comparison: the per-interaction loop
is the point. The as-of time is known up front, so each interaction is
folded into running per-side aggregates instead of being stored.
"""

from __future__ import annotations

import heapq
import math

import networkx as nx
import pyarrow.compute as pc

import model as m

NAME = "networkx"
PACKAGES = ("networkx",)

# Running aggregates of one side of a tie, in a list for speed.
LAST, FIRST, S, WEEKS, X = range(5)


def _new_side() -> list:
    return [None, None, 0.0, set(), 0.0]


def _fold(side: list, t: int, delta: int, W: float, meaningful: bool) -> None:
    side[S] += W * 2.0 ** (-delta / m.H_I)
    if delta < m.L:
        side[X] += W
    if meaningful:
        if side[LAST] is None or t > side[LAST]:
            side[LAST] = t
        if side[FIRST] is None or t < side[FIRST]:
            side[FIRST] = t
        week = delta // m.WEEK
        if week < m.A_WEEKS:
            side[WEEKS].add(week)


def _strength(e: dict, a: str, b: str, T: int) -> float:
    none = [None, None, 0.0, (), 0.0]
    sa, sb = e["sides"].get(a, none), e["sides"].get(b, none)
    return m.strength(
        (sa[LAST], sb[LAST]),
        (sa[FIRST], sb[FIRST]),
        (sa[S], sb[S]),
        (len(sa[WEEKS]), len(sb[WEEKS])),
        (sa[X], sb[X]),
        len(e["classes"]),
        e["offline_or_sync"],
        T,
    )


def run(table, as_of_s: int) -> list[tuple[str, int, str, float]]:
    T = as_of_s
    cols = (
        table["src"].to_pylist(),
        table["dst"].to_pylist(),
        table["channel"].to_pylist(),
        pc.divide(table["ts"].cast("int64"), _per_second(table)).to_pylist(),
        table["weight"].to_pylist(),
        table["duration_s"].to_pylist(),
    )
    G = nx.Graph()
    for src, dst, channel, t, weight, duration in zip(*cols, strict=True):
        if t > T:
            continue
        ch = m.CHANNELS.get(channel)
        if ch is None:
            m.check_channels([channel])
        g = 1.0
        if duration is not None and ch.typical_s is not None:
            g = min(max(math.sqrt(duration / ch.typical_s), 0.5), 2.0)
        W = ch.weight * weight * g
        meaningful = W >= m.MEANINGFUL
        delta = T - t

        if not G.has_edge(src, dst):
            G.add_edge(src, dst, sides={}, classes=set(), offline_or_sync=False)
        e = G[src][dst]
        sides = e["sides"]
        _fold(sides.setdefault(src, _new_side()), t, delta, W, meaningful)
        if ch.mutual:
            _fold(sides.setdefault(dst, _new_side()), t, delta, W, meaningful)
        if meaningful:
            if delta < m.L and ch.cls in m.MULTIPLEX:
                e["classes"].add(ch.cls)
            if ch.cls in m.NOT_ONLINE_ONLY:
                e["offline_or_sync"] = True

    for a, b, e in G.edges(data=True):
        e["strength"] = _strength(e, a, b, T)

    rows = []
    for person in sorted(G.nodes):
        # a tie of strength 0 is no one's strong tie (tiegraph lists ties above 0)
        best = heapq.nsmallest(
            10,
            ((o, e) for o, e in G[person].items() if e["strength"] > 0),
            key=lambda item: (-item[1]["strength"], item[0]),
        )
        for rank, (other, e) in enumerate(best, start=1):
            rows.append((person, rank, other, e["strength"]))
    return rows


def _per_second(table) -> int:
    unit = table.schema.field("ts").type.unit
    return {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[unit]
