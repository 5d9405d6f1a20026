"""Conversions between tiegraph graphs and networkx graphs.

networkx is optional: it is imported only by :func:`to_networkx`, and
:func:`from_networkx` only duck-types the graph it is given (anything with
networkx's ``is_multigraph()``, ``nodes(data=True)`` and ``edges(...)``).

>>> import datetime as dt
>>> import networkx as nx
>>> import tiegraph as tg
>>> from tiegraph.networkx import from_networkx, to_networkx
>>> calls = nx.MultiDiGraph()
>>> calls.add_node("ana", name="Ana Ruiz")
>>> calls.add_edge("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
0
>>> calls.add_edge("lee", "ana", at=dt.datetime(2026, 3, 3), channel="in_person", duration=3600)
0
>>> g = from_networkx(calls)
>>> (g.person("ana").name, g.interaction_count)
('Ana Ruiz', 2)
>>> ties = to_networkx(g, as_of=dt.date(2026, 4, 1))
>>> edge = ties.edges["ana", "lee"]
>>> (round(edge["strength"], 3), edge["state"], edge["offline_strength"] > 0)
(0.421, 'active', True)
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, SupportsFloat

from ._errors import (
    InvalidArgumentError,
    InvalidDurationError,
    InvalidValueError,
    InvalidWeightError,
    TiegraphError,
    TimestampError,
)
from ._tiegraph import Graph, ScoringModel, View

if TYPE_CHECKING:
    import networkx  # type: ignore[import-untyped, unused-ignore]

__all__ = ["to_networkx", "from_networkx"]

#: What ``view=`` takes wherever tiegraph scores: ``None`` (everything),
#: ``"online"``, ``"offline"`` or a :class:`~tiegraph.View`.
ViewArg = View | Literal["online", "offline"] | None

_UTC = dt.timezone.utc
_DETAILS = ("name", "organisation", "role")


def to_networkx(
    g: Graph,
    *,
    as_of: dt.datetime | dt.date,
    min_strength: float = 0.0,
    view: ViewArg = None,
    model: ScoringModel | None = None,
) -> networkx.Graph:
    """The ties of ``g`` as of a date, as an undirected ``networkx.Graph``.

    Every person is a node, keyed by person key; every tie at least
    ``min_strength`` strong is an edge carrying its score. The scores are
    those of :meth:`tiegraph.Graph.ties` (one call for the strength, one
    each for its online and offline parts), so they equal
    :meth:`tiegraph.Graph.strength` pair by pair.

    Parameters
    ----------
    g : tiegraph.Graph
        The graph to convert.
    as_of : datetime.datetime or datetime.date
        The date of the scores (naive = UTC; a date is its midnight UTC).
    min_strength : float, default 0
        Only ties at least this strong become edges (people without one
        are still nodes).
    view : None, "online", "offline" or tiegraph.View
        Which interactions count for ``strength`` and the components. The
        online and offline strengths are taken within the same view (with
        its channels and window), so they are 0 when the view keeps only
        the other mode.
    model : tiegraph.ScoringModel, optional
        A model to use instead of the graph's.

    Returns
    -------
    networkx.Graph
        Node attributes ``name``, ``organisation``, ``role`` and ``tags``
        (each set only when the person has it, so writers such as
        ``nx.write_graphml`` never meet a ``None``). Edge attributes
        ``strength``; the components ``recency``, ``intensity``,
        ``duration``, ``regularity``, ``reciprocity``, ``multiplexity``,
        ``connection`` (and ``structural`` when the model has it on);
        ``state``; ``one_sided_from`` (only when one-sided);
        ``online_only``, ``capped``; ``online_strength`` and
        ``offline_strength``. The graph attribute ``as_of`` holds the date
        (an aware datetime in UTC).

    Raises
    ------
    ImportError
        networkx is not installed.
    InvalidArgumentError
        ``min_strength`` is NaN.
    InvalidValueError, UnknownChannelError
        A bad ``view``.

    Examples
    --------
    >>> import datetime as dt
    >>> import tiegraph as tg
    >>> g = tg.Graph()
    >>> g.add_person("ana", name="Ana Ruiz", tags=["pr"])
    >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    >>> nxg = to_networkx(g, as_of=dt.date(2026, 3, 10))
    >>> nxg.nodes["ana"]
    {'name': 'Ana Ruiz', 'tags': ['pr']}
    >>> e = nxg.edges["ana", "lee"]
    >>> (round(e["strength"], 3), e["state"], e["online_strength"])
    (0.425, 'active', 0.0)
    >>> e["offline_strength"] == e["strength"]  # they only met
    True
    """
    try:
        import networkx as nx
    except ImportError as exc:
        raise ImportError(
            "tiegraph.networkx.to_networkx needs networkx, which is not installed: "
            "pip install networkx"
        ) from exc

    ties = _columns(
        g.ties(as_of=as_of, min_strength=min_strength, view=view, model=model).to_arrow()
    )
    by_mode: dict[str, dict[tuple[str, str], float]] = {}
    for mode in ("online", "offline"):
        restricted = _restrict(view, mode)
        if restricted is None:
            by_mode[mode] = {}
            continue
        t = _columns(g.ties(as_of=as_of, view=restricted, model=model).to_arrow())
        by_mode[mode] = dict(zip(zip(t["a"], t["b"]), t["strength"]))

    out = nx.Graph()
    out.graph["as_of"] = _utc(as_of)
    for p in g.people():
        details: dict[str, object] = {k: v for k in _DETAILS if (v := getattr(p, k)) is not None}
        if p.tags:
            details["tags"] = list(p.tags)
        out.add_node(p.key, **details)
    attrs = [c for c in ties if c not in ("a", "b")]
    for i, pair in enumerate(zip(ties["a"], ties["b"])):
        edge = {c: ties[c][i] for c in attrs if ties[c][i] is not None}
        edge["online_strength"] = by_mode["online"].get(pair, 0.0)
        edge["offline_strength"] = by_mode["offline"].get(pair, 0.0)
        out.add_edge(*pair, **edge)
    return out


def from_networkx(
    nxg: networkx.Graph,
    *,
    at: str = "at",
    channel: str = "channel",
    duration: str = "duration",
    weight: str = "weight",
    default_channel: str | None = None,
) -> Graph:
    """A tiegraph graph from a networkx graph whose edges are interactions.

    Each edge is one interaction from its first node (who initiated it) to
    its second; a ``MultiDiGraph`` holds any number between two people, in
    either direction. Edge attributes give its time, channel, duration and
    weight; node attributes ``name``, ``organisation``, ``role`` and
    ``tags`` become the person's details. The interactions are loaded in
    one bulk call (:meth:`tiegraph.Graph.load_interactions`), and the load
    is all or nothing.

    networkx itself is not needed: any object with networkx's
    ``is_multigraph()``, ``nodes(data=True)`` and ``edges(data=True)``
    (``edges(keys=True, data=True)`` for a multigraph) works.

    An attribute that is absent, ``None``, NaN or NaT (as
    ``networkx.from_pandas_edgelist`` leaves missing values) is missing.

    Parameters
    ----------
    nxg : networkx.MultiDiGraph, MultiGraph, DiGraph or Graph
        Nodes are person keys (strings). In an undirected graph the
        initiator is ambiguous: the node networkx reports first for the
        edge is taken (use a directed graph to say who reached out).
    at : str, default "at"
        Edge attribute of the time: a ``datetime.datetime`` (naive = UTC,
        aware ones converted; pandas Timestamps work), a ``datetime.date``
        (its midnight UTC) or an ISO 8601 string (as GraphML and GEXF
        files store it). Required on every edge.
    channel : str, default "channel"
        Edge attribute of the channel name (``"email"``, ``"in_person"``,
        a registered one...). Required unless ``default_channel`` is given.
    duration : str, default "duration"
        Edge attribute of the duration, in seconds or as a
        ``datetime.timedelta``; optional.
    weight : str, default "weight"
        Edge attribute of the weight multiplier; optional (1 when absent).
    default_channel : str, optional
        The channel of edges without one.

    Returns
    -------
    tiegraph.Graph
        Every node is a person (isolated ones too).

    Raises
    ------
    TiegraphError
        A bad edge, as the subclass of its problem: ``TimestampError`` (a
        missing or unreadable time), ``InvalidValueError`` (no channel),
        ``UnknownChannelError``, ``InvalidDurationError``,
        ``InvalidWeightError``, ``EmptyKeyError``,
        ``SelfInteractionError``. ``exc.row`` is the edge's position in
        ``nxg.edges(...)`` order, and on Python >= 3.11 a note names the
        edge itself.
    InvalidArgumentError
        Two of ``at``, ``channel``, ``duration`` and ``weight`` are the same.
    TypeError
        A node that is not a string, or a person detail of the wrong type.

    Examples
    --------
    >>> import datetime as dt
    >>> import networkx as nx
    >>> calls = nx.MultiDiGraph()
    >>> calls.add_node("ana", organisation="Agency", tags=["pr"])
    >>> for day in (2, 3):
    ...     _ = calls.add_edge("ana", "lee", at=dt.date(2026, 3, day))
    >>> _ = calls.add_edge("lee", "ana", at="2026-03-04T09:30:00Z", channel="phone_call",
    ...                    duration=dt.timedelta(minutes=20))
    >>> g = from_networkx(calls, default_channel="email")
    >>> [(i.src, i.channel, i.duration) for i in g.interactions("ana", "lee")]
    [('ana', 'email', None), ('ana', 'email', None), ('lee', 'phone_call', 1200.0)]
    >>> g.person("ana").organisation
    'Agency'
    """
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    # The columns are named after the attributes, so the loader's messages
    # name what the caller wrote.
    fields = [at, channel, duration, weight]
    if len(set(fields)) < len(fields):
        raise InvalidArgumentError(
            "invalid argument at, channel, duration, weight: "
            f"must name four different attributes, got {fields}"
        )
    src_col, dst_col = (_free_name(base, fields) for base in ("src", "dst"))

    g = Graph()
    for node, data in nxg.nodes(data=True):
        key = _key(node)
        g.add_person(key, **_details(key, data))

    edges = list(_edges(nxg))
    if not edges:
        return g
    columns: dict[str, list[Any]] = {name: [] for name in (src_col, dst_col, *fields)}
    try:
        for row, (u, v, _, data) in enumerate(edges):
            c = _value(data, channel)
            columns[src_col].append(_key(u))
            columns[dst_col].append(_key(v))
            columns[at].append(_time(_value(data, at), row, at))
            columns[channel].append(_channel(default_channel if c is None else c, row, channel))
            columns[duration].append(_duration(_value(data, duration), row, duration))
            columns[weight].append(_weight(_value(data, weight), row, weight))
        types = {at: pa.timestamp("us", tz="UTC"), duration: pa.float64(), weight: pa.float64()}
        table = pa.table(
            {
                name: pa.array(values, types.get(name, pa.string()))
                for name, values in columns.items()
            }
        )
        g.load_interactions(
            table,
            src=src_col,
            dst=dst_col,
            time=at,
            channel=channel,
            duration=duration,
            weight=weight,
        )
    except TiegraphError as exc:
        if exc.row is not None and hasattr(exc, "add_note"):
            u, v, k, _ = edges[exc.row]
            exc.add_note(f"row {exc.row} is the networkx edge {_edge_name(u, v, k)}")
        raise
    return g


def _free_name(base: str, taken: list[str]) -> str:
    """``base``, prefixed with underscores until no attribute has the name."""
    while base in taken:
        base = "_" + base
    return base


def _columns(table: Any) -> dict[str, list[Any]]:
    """A pyarrow table as lists by column name."""
    return {name: table.column(name).to_pylist() for name in table.column_names}


def _restrict(view: ViewArg, mode: Literal["online", "offline"]) -> View | None:
    """``view`` narrowed to one mode; None when it keeps only the other mode."""
    if view is None:
        return View(mode=mode)
    if isinstance(view, str):
        return View(mode=mode) if view == mode else None
    if view.mode is not None and view.mode != mode:
        return None
    return View(mode=mode, channels=view.channels, start=view.start, end=view.end)


def _utc(t: dt.datetime | dt.date) -> dt.datetime:
    """The instant tiegraph takes for a time: naive = UTC, a date at midnight UTC."""
    if isinstance(t, dt.datetime):
        return t.replace(tzinfo=_UTC) if t.tzinfo is None else t.astimezone(_UTC)
    return dt.datetime(t.year, t.month, t.day, tzinfo=_UTC)


def _edges(nxg: Any) -> Iterator[tuple[Any, Any, Any, Mapping[str, Any]]]:
    """(u, v, key, data) of every edge; key is None outside multigraphs."""
    if nxg.is_multigraph():
        yield from nxg.edges(keys=True, data=True)
    else:
        for u, v, data in nxg.edges(data=True):
            yield u, v, None, data


def _edge_name(u: object, v: object, k: object) -> str:
    return f"({u!r}, {v!r})" if k is None else f"({u!r}, {v!r}, key={k!r})"


def _value(data: Mapping[str, Any], name: str) -> Any:
    """An attribute's value; None when absent or missing as pandas writes it (NaN, NaT)."""
    value = data.get(name)
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ == "NaTType":
        return None
    return value


def _key(node: object) -> str:
    if not isinstance(node, str):
        raise TypeError(
            f"node {node!r} is a {type(node).__name__}: tiegraph keys people by string; "
            "relabel first, e.g. networkx.relabel_nodes(nxg, str)"
        )
    return node


def _details(key: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The person details among a node's attributes, checked."""
    out: dict[str, Any] = {}
    for name in _DETAILS:
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise TypeError(
                f'node "{key}": attribute "{name}" must be a string, got {type(value).__name__}'
            )
        out[name] = value
    tags = data.get("tags")
    if tags is not None:
        if isinstance(tags, str) or not isinstance(tags, Iterable):
            raise TypeError(
                f'node "{key}": attribute "tags" must be a list of strings, '
                f"got {type(tags).__name__}"
            )
        tag_list = list(tags)
        if isinstance(tags, (set, frozenset)):
            tag_list.sort()
        if not all(isinstance(t, str) for t in tag_list):
            raise TypeError(f'node "{key}": attribute "tags" must be a list of strings')
        out["tags"] = tag_list
    return out


def _row_error(cls: type[TiegraphError], row: int, message: str) -> TiegraphError:
    """A tiegraph error about one edge, worded as the bulk loader words its own."""
    exc = cls(f"row {row}: {message}")
    exc.row = row
    return exc


def _time(value: object, row: int, field: str) -> dt.datetime | None:
    """An edge's time as an aware UTC datetime; None (missing) is left to the loader."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            # Python 3.10's fromisoformat does not take a "Z" suffix.
            parsed = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
        except ValueError:
            raise _row_error(
                TimestampError,
                row,
                f'invalid timestamp "{value}" in field "{field}": not an ISO 8601 date or time',
            ) from None
        return _utc(parsed)
    if isinstance(value, (dt.datetime, dt.date)):
        return _utc(value)
    raise _row_error(
        TimestampError,
        row,
        f'invalid timestamp "{value}" in field "{field}": expected a datetime, a date or an '
        f"ISO 8601 string, got {type(value).__name__} (numbers are never taken as epoch times)",
    )


def _channel(value: object, row: int, field: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise _row_error(
        InvalidValueError,
        row,
        f'invalid value "{value}" in field "{field}"; expected one of: a channel name',
    )


def _number(value: object) -> float | None:
    """A number as a float (NumPy scalars too); None for anything else."""
    if isinstance(value, (bool, str, bytes)) or not isinstance(value, SupportsFloat):
        return None
    return float(value)


def _duration(value: object, row: int, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    seconds = _number(value)
    if seconds is None:
        raise _row_error(
            InvalidDurationError,
            row,
            f'invalid duration {value!r} in field "{field}": expected seconds or a timedelta, '
            f"got {type(value).__name__}",
        )
    return seconds


def _weight(value: object, row: int, field: str) -> float | None:
    if value is None:
        return None
    w = _number(value)
    if w is None:
        raise _row_error(
            InvalidWeightError,
            row,
            f'invalid weight {value!r} in field "{field}": expected a number, '
            f"got {type(value).__name__}",
        )
    return w
