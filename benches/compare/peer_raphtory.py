"""W1 in Raphtory: ``load_edges`` with one layer per channel, then the model
from each edge's history, layer by layer.

Raphtory edges are directed, so the updates of the edge src→dst in a layer
are the interactions src initiated on that channel; they count for src, and
for dst too when the channel is mutual. The as-of date is a ``before`` view
of the graph, so interactions after T are not seen.
"""

from __future__ import annotations

import numpy as np
import raphtory as rp

import model as m

NAME = "raphtory"
PACKAGES = ("raphtory",)


class _Side:
    __slots__ = ("last", "first", "S", "weeks", "X")

    def __init__(self) -> None:
        self.last = None
        self.first = None
        self.S = 0.0
        self.weeks: set[int] = set()
        self.X = 0.0


class _Pair:
    __slots__ = ("sides", "classes", "offline_or_sync")

    def __init__(self) -> None:
        self.sides: dict[str, _Side] = {}
        self.classes: set[str] = set()
        self.offline_or_sync = False


def _durations(layer_edge, n: int):
    """The duration of each update of a layer edge, NaN where it has none."""
    prop = layer_edge.properties.temporal.get("duration_s")
    if prop is None:
        return None
    items = prop.items()
    if not items:
        return None
    if len(items) == n:
        return np.asarray([v if v is not None else np.nan for _, v in items], dtype=float)
    by_event = dict(items)  # some updates carry no duration: align by event
    return np.asarray(
        [by_event.get(ev, np.nan) for ev in layer_edge.history.collect()], dtype=float
    )


def run(table, as_of_s: int) -> list[tuple[str, int, str, float]]:
    T = as_of_s
    m.check_channels(table["channel"].unique().to_pylist())
    g = rp.Graph()
    g.load_edges(
        table,
        time="ts",
        src="src",
        dst="dst",
        layer_col="channel",
        properties=["weight", "duration_s"],
    )
    view = g.before(T * 1000 + 1)  # Raphtory keeps milliseconds; end is exclusive

    pairs: dict[tuple[str, str], _Pair] = {}
    for edge in view.edges:
        src, dst = edge.src.name, edge.dst.name
        key = (src, dst) if src < dst else (dst, src)
        pair = pairs.get(key)
        if pair is None:
            pair = pairs[key] = _Pair()
        for layer_edge in edge.explode_layers():
            ch = m.CHANNELS[layer_edge.layer_name]
            t = layer_edge.history.t.collect() // 1000
            n = len(t)
            weight = layer_edge.properties.temporal.get("weight").values()
            W = np.full(n, ch.weight) * weight
            if ch.typical_s is not None:
                d = _durations(layer_edge, n)
                if d is not None:
                    g_ = np.clip(np.sqrt(d / ch.typical_s), 0.5, 2.0)
                    W = W * np.where(np.isnan(d), 1.0, g_)
            delta = T - t
            meaningful = W >= m.MEANINGFUL
            S = float((W * np.exp2(-delta / m.H_I)).sum())
            X = float(W[delta < m.L].sum())
            tm = t[meaningful]
            weeks = delta[meaningful] // m.WEEK
            weeks = set(weeks[weeks < m.A_WEEKS].tolist())
            last = int(tm.max()) if tm.size else None
            first = int(tm.min()) if tm.size else None

            for person in (src, dst) if ch.mutual else (src,):
                side = pair.sides.get(person)
                if side is None:
                    side = pair.sides[person] = _Side()
                side.S += S
                side.X += X
                side.weeks |= weeks
                if last is not None:
                    side.last = last if side.last is None else max(side.last, last)
                    side.first = first if side.first is None else min(side.first, first)
            if tm.size:
                if ch.cls in m.MULTIPLEX and (delta[meaningful] < m.L).any():
                    pair.classes.add(ch.cls)
                if ch.cls in m.NOT_ONLINE_ONLY:
                    pair.offline_or_sync = True

    strength = {}
    empty = _Side()
    for (a, b), pair in pairs.items():
        sa, sb = pair.sides.get(a, empty), pair.sides.get(b, empty)
        strength[a, b] = m.strength(
            (sa.last, sb.last),
            (sa.first, sb.first),
            (sa.S, sb.S),
            (len(sa.weeks), len(sb.weeks)),
            (sa.X, sb.X),
            len(pair.classes),
            pair.offline_or_sync,
            T,
        )

    rows = []
    for node in sorted(view.nodes, key=lambda n: n.name):
        person = node.name
        ties = []
        for other in node.neighbours.name:
            key = (person, other) if person < other else (other, person)
            if strength[key] > 0:  # a tie of strength 0 is no one's strong tie
                ties.append((-strength[key], other))
        ties.sort()
        for rank, (neg, other) in enumerate(ties[:10], start=1):
            rows.append((person, rank, other, -neg))
    return rows
