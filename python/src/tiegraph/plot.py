"""Figures of a tiegraph graph, drawn with matplotlib.

matplotlib is optional (``pip install matplotlib``) and imported only when
a figure is drawn. Each function draws into ``ax`` when given (and returns
its figure), or into a new pyplot figure; with ``path=`` it also saves the
figure there as a PNG at 100 dpi. Without a display, and when no
matplotlib backend has been chosen, the non-interactive Agg backend is
selected; a backend the user chose (``MPLBACKEND``, ``matplotlibrc``,
``matplotlib.use``, a notebook's inline backend) is left alone.

Offline contact is drawn in orange and online contact in blue throughout.

>>> import datetime as dt
>>> import tiegraph as tg
>>> import tiegraph.plot
>>> g = tg.Graph()
>>> for friend in ("bo", "cy"):
...     g.add_interaction("ana", friend, at=dt.datetime(2026, 3, 2), channel="in_person")
>>> fig = tiegraph.plot.ego(g, "ana", as_of=dt.date(2026, 3, 10))
>>> fig.get_size_inches().tolist()
[8.0, 8.0]
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import statistics
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._errors import InvalidArgumentError, MissingColumnError
from ._tiegraph import Graph
from .networkx import _utc

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.colors import Colormap
    from matplotlib.figure import Figure

__all__ = ["ego", "timeline", "lift", "OFFLINE_COLOUR", "ONLINE_COLOUR"]

_Path = str | os.PathLike[str]

#: The colour of offline contact (meeting, events) in every figure.
OFFLINE_COLOUR = "#d95f02"
#: The colour of online contact in every figure.
ONLINE_COLOUR = "#1f78b4"
_INK = "#262626"
_FAINT = "#9a9a9a"
_NO_SHARE = "#b0b0b0"
_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "*", "<", ">", "h", "p")


def ego(
    g: Graph,
    person: str,
    *,
    as_of: dt.datetime | dt.date,
    sizes: Sequence[int] = (5, 15, 50, 150),
    ax: Axes | None = None,
    seed: int = 0,
    path: _Path | None = None,
) -> Figure:
    """A person's network: their ties on concentric circles, by Dunbar layer.

    The person is at the centre. Their ties with strength > 0 are ranked
    (strongest first, equal strengths in key order: the rule of the core's
    ego layers) and cut at the cumulative ``sizes``: the top 5 on the inner
    circle, the next 10 on the second, and so on; ties ranked past the last
    size are only counted, in the subtitle. Line width and dot size grow
    with strength; colour is the tie's online share, its online strength
    over the sum of its online and offline strengths (each as with
    ``view="online"`` / ``"offline"``): orange when all its strength is
    offline, blue when all is online, in between for a mix, grey when both
    are 0. Around each circle the dots go from offline to online. The
    inner layer is labelled with names (keys for people without one).

    Parameters
    ----------
    g : tiegraph.Graph
        The graph.
    person : str
        The key of the person at the centre.
    as_of : datetime.datetime or datetime.date
        The date of the strengths (naive = UTC).
    sizes : sequence of int, default (5, 15, 50, 150)
        Cumulative layer sizes, strictly increasing from at least 1.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new 8 x 8 inch figure by default.
    seed : int, default 0
        Seeds the rotation of each circle, so dots of successive layers do
        not line up; the same seed gives the same figure.
    path : str or os.PathLike, optional
        Also save the figure there as a PNG (100 dpi: 800 x 800 pixels for
        a new figure).

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Its layer circles have the gids ``"layer-1"``,
        ``"layer-2"``...; the lines of each layer's ties, ``"ties-1"``,
        ``"ties-2"``...

    Raises
    ------
    PersonNotFoundError
        ``person`` is unknown.
    InvalidArgumentError
        ``sizes`` empty, starting below 1 or not strictly increasing.
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> import datetime as dt
    >>> import tiegraph as tg
    >>> g = tg.Graph()
    >>> g.add_interaction("ana", "bo", at=dt.datetime(2026, 3, 2), channel="in_person")
    >>> g.add_interaction("ana", "cy", at=dt.datetime(2026, 3, 2), channel="email")
    >>> g.add_interaction("cy", "ana", at=dt.datetime(2026, 3, 3), channel="email")
    >>> fig = ego(g, "ana", as_of=dt.date(2026, 3, 10), sizes=(1, 5))
    >>> [p.get_gid() for p in fig.axes[0].patches]
    ['layer-1', 'layer-2']
    """
    _check_sizes(sizes)
    strength = _by_other(g.ties(as_of=as_of, person=person).to_arrow())
    online = _by_other(g.ties(as_of=as_of, person=person, view="online").to_arrow())
    offline = _by_other(g.ties(as_of=as_of, person=person, view="offline").to_arrow())
    ranked = sorted(((s, k) for k, s in strength.items() if s > 0.0), key=lambda t: (-t[0], t[1]))
    layers: list[list[tuple[float, str]]] = []
    start = 0
    for size in sizes:
        members = ranked[start:size]
        if not members:
            break
        layers.append(members)
        start = size
    outside = max(0, len(ranked) - sizes[-1])

    from matplotlib.collections import LineCollection
    from matplotlib.colors import Normalize
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle

    fig, ax = _figure(ax, (8.0, 8.0))
    cmap = _share_colormap()
    rng = random.Random(seed)
    halo = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
    for number, members in enumerate(layers, start=1):
        radius = float(number)
        # Inner layers are drawn over outer ones, and outer ones fade, so
        # the strongest ties stay in front of the crowd behind them.
        depth = 0.1 * (len(layers) - number)
        alpha = max(0.3, 0.9 - 0.2 * (number - 1))
        ax.add_patch(
            Circle(
                (0.0, 0.0),
                radius,
                fill=False,
                linestyle=(0, (4, 4)),
                linewidth=0.8,
                edgecolor=_FAINT,
                gid=f"layer-{number}",
                zorder=0,
            )
        )
        first = sizes[number - 2] + 1 if number > 1 else 1
        ax.annotate(
            f"layer {number}: ranks {first}-{sizes[number - 1]}",
            (0.0, radius),
            ha="center",
            va="center",
            fontsize=8,
            color="#6f6f6f",
            zorder=5,
            bbox=halo,
        )
        # Around each circle the dots go from offline to online, so the mix
        # of a layer reads at a glance; the seed only turns the circle.
        shares = {k: _share(online.get(k, 0.0), offline.get(k, 0.0)) for _, k in members}
        order = sorted(members, key=lambda m: (_sort_share(shares[m[1]]), -m[0], m[1]))
        turn = rng.uniform(0.0, 2.0 * math.pi / len(order))
        segments: list[list[tuple[float, float]]] = []
        colours: list[Any] = []
        for j, (_, key) in enumerate(order):
            angle = math.pi / 2 + turn + 2.0 * math.pi * (j + 0.5) / len(order)
            x, y = radius * math.cos(angle), radius * math.sin(angle)
            share = shares[key]
            segments.append([(0.0, 0.0), (x, y)])
            colours.append(_NO_SHARE if share is None else cmap(share))
            if number == 1:
                cos, sin = math.cos(angle), math.sin(angle)
                ax.annotate(
                    _short(_label(g, key)),
                    (x, y),
                    xytext=(10.0 * cos, 10.0 * sin),
                    textcoords="offset points",
                    ha="left" if cos > 0.3 else "right" if cos < -0.3 else "center",
                    va="bottom" if sin > 0.3 else "top" if sin < -0.3 else "center",
                    fontsize=9,
                    color=_INK,
                    zorder=6,
                    bbox=halo,
                )
        strengths = [m[0] for m in order]
        ax.add_collection(
            LineCollection(
                segments,
                linewidths=[0.4 + 5.0 * s for s in strengths],
                colors=colours,
                alpha=alpha,
                zorder=1.0 + depth,
                gid=f"ties-{number}",
            )
        )
        ax.scatter(
            [seg[1][0] for seg in segments],
            [seg[1][1] for seg in segments],
            s=[18.0 + 220.0 * s for s in strengths],
            c=colours,
            edgecolors="white",
            linewidths=0.8,
            zorder=2.0 + depth,
        )
    ax.scatter([0.0], [0.0], s=420.0, c=_INK, edgecolors="white", linewidths=1.5, zorder=4)
    ax.annotate(
        _short(_label(g, person)),
        (0.0, 0.0),
        xytext=(0, -16),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=10,
        fontweight="bold",
        color=_INK,
        zorder=4,
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
    )
    if not ranked:
        ax.annotate(
            "no ties with strength > 0",
            (0.0, 0.0),
            xytext=(0, 30),
            textcoords="offset points",
            ha="center",
            color=_FAINT,
        )

    extent = max(len(layers), 1) + 0.45
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.axis("off")
    day = _utc(as_of).date().isoformat()
    beyond = f"; {outside} more beyond rank {sizes[-1]}" if outside else ""
    ax.set_title(
        f"{_label(g, person)}'s ties as of {day}\n{len(ranked)} with strength > 0{beyond}",
        fontsize=12,
        color=_INK,
    )
    ax.legend(
        handles=[
            Line2D([], [], color=_FAINT, linewidth=0.4 + 5.0 * s, label=f"{s:.2f}")
            for s in (0.25, 0.5, 0.75)
        ],
        title="strength",
        loc="lower right",
        frameon=False,
        fontsize=8,
        title_fontsize=8,
    )
    bar = fig.colorbar(
        _mappable(cmap, Normalize(0.0, 1.0)),
        ax=ax,
        shrink=0.5,
        aspect=25,
        pad=0.02,
        ticks=[0.0, 0.5, 1.0],
    )
    bar.ax.set_yticklabels(["offline", "mixed", "online"])
    bar.set_label("online share of the tie (online / (online + offline) strength)", fontsize=8)
    bar.outline.set_visible(False)
    return _done(fig, path)


def timeline(
    g: Graph,
    a: str,
    b: str,
    *,
    start: dt.datetime | dt.date,
    end: dt.datetime | dt.date,
    step: dt.timedelta = dt.timedelta(days=7),
    ax: Axes | None = None,
    path: _Path | None = None,
) -> Figure:
    """The strength of a pair over time, with their interactions.

    The line is :meth:`tiegraph.Graph.timeline` (the strength at ``start``,
    ``start + step``, ... up to ``end``). Below it, each interaction
    between ``start`` and ``end`` is a marker, one shape per channel,
    orange for offline channels and blue for online ones, on the row of
    the person who initiated it. Where the pair is online-only (two-way
    but never met or called) the cap of the graph's model (0.75 by
    default) is drawn as a dashed blue line: their strength cannot pass
    it until they meet.

    Parameters
    ----------
    g : tiegraph.Graph
        The graph.
    a, b : str
        Person keys.
    start, end : datetime.datetime or datetime.date
        The first and last dates (naive = UTC).
    step : datetime.timedelta, default 7 days
        Between two points of the line (at least a second).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new 10 x 4.5 inch figure by default.
    path : str or os.PathLike, optional
        Also save the figure there as a PNG (100 dpi: 1000 x 450 pixels for
        a new figure).

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. Its strength line has the gid ``"strength"``,
        the cap the gid ``"online-only-cap"``, and the markers of each
        channel the gid ``"channel-NAME"``.

    Raises
    ------
    PersonNotFoundError
        Either key is unknown.
    InvalidArgumentError
        ``step`` under a second, ``end`` before ``start``, or more than ten
        million points.
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> import datetime as dt
    >>> import tiegraph as tg
    >>> g = tg.Graph()
    >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
    >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 3), channel="email")
    >>> fig = timeline(g, "ana", "lee", start=dt.date(2026, 3, 1), end=dt.date(2026, 6, 1))
    >>> fig.axes[0].get_legend_handles_labels()[1]
    ['strength', 'online-only cap (0.75)', 'email (online): 2']
    """
    line = g.timeline(a, b, start=start, end=end, step=step).to_arrow()
    # matplotlib takes datetimes through its unit registry; its stubs
    # declare numbers only, hence the Any.
    times: Any = line.column("at").to_pylist()
    values: list[float] = line.column("strength").to_pylist()
    lo, hi = _utc(start), _utc(end)
    contacts = [i for i in g.interactions(a, b) if lo <= i.at <= hi]
    modes = {c.name: c.mode for c in g.channels()}
    cap = g.model.online_only_cap
    # Online-only can start (two-way) and end (a meeting) inside the range,
    # so it is asked at every point; past a thousand points, at the end only.
    if len(times) <= 1000:
        online_only = [g.strength(a, b, as_of=t).online_only for t in times]
    else:
        online_only = [g.strength(a, b, as_of=hi).online_only] * len(times)

    import matplotlib.dates as mdates

    fig, ax = _figure(ax, (10.0, 4.5))
    ax.fill_between(times, values, 0.0, color=_INK, alpha=0.06, linewidth=0)
    ax.plot(times, values, color=_INK, linewidth=2.0, label="strength", gid="strength")
    if any(online_only):
        ax.plot(
            times,
            [cap if o else math.nan for o in online_only],
            color=ONLINE_COLOUR,
            linestyle="--",
            linewidth=1.3,
            label=f"online-only cap ({cap:.2f})",
            gid="online-only-cap",
        )

    rows = {a: -0.09, b: -0.19}
    ax.axhline(-0.035, color=_FAINT, linewidth=0.6)
    channels = [c for c in modes if any(i.channel == c for i in contacts)]
    for n, name in enumerate(channels):
        mine = [i for i in contacts if i.channel == name]
        offline = modes[name] == "offline"
        ax.scatter(
            _dates([i.at for i in mine]),
            [rows[i.src] for i in mine],
            marker=_MARKERS[n % len(_MARKERS)],
            s=36.0,
            color=OFFLINE_COLOUR if offline else ONLINE_COLOUR,
            edgecolors="white",
            linewidths=0.5,
            alpha=0.9,
            zorder=3,
            clip_on=False,
            label=f"{name} ({modes[name]}): {len(mine)}",
            gid=f"channel-{name}",
        )

    ax.set_xlim(_dates(lo), _dates(hi))
    ax.set_ylim(-0.25, 1.02)
    ax.set_yticks(
        [rows[a], rows[b], 0.0, 0.25, 0.5, 0.75, 1.0],
        [
            f"from {_short(_label(g, a), 16)}",
            f"from {_short(_label(g, b), 16)}",
            "0",
            "0.25",
            "0.5",
            "0.75",
            "1",
        ],
    )
    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call, unused-ignore]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(
        mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call, unused-ignore]
    )
    ax.grid(axis="y", color="#ececec", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for tick in ax.yaxis.get_major_ticks()[:2]:
        tick.gridline.set_visible(False)  # the rows of markers
    ax.set_title(f"{_label(g, a)} and {_label(g, b)}: strength over time", color=_INK, loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    return _done(fig, path)


def lift(report: Any, ax: Axes | None = None, *, path: _Path | None = None) -> Figure:
    """Offline lift: online contact before and after a first meeting.

    One line per tie from its online contact rate before the split to its
    rate after, for the treated ties (orange: they met, split at the first
    meeting) and the control ties (blue: they never met, split at a
    matched point); the thick line joins the medians. Rates are on a
    symmetric log scale, linear near 0, so ties with no contact show. The
    legend gives the count of ties of each group and the median change
    (after / before; +inf for a rise from nothing, 1 for none to none).

    Parameters
    ----------
    report : object with ``treated`` and ``control``
        What ``Graph.offline_lift`` returns, or any object whose
        ``treated`` and ``control`` attributes are tables that
        ``pyarrow.table()`` reads (pyarrow, polars, pandas, a tiegraph
        Table) with float columns ``before_rate`` and ``after_rate``
        (online interactions per 30 days). Null and NaN rates are left out.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new 8 x 5 inch figure by default.
    path : str or os.PathLike, optional
        Also save the figure there as a PNG (100 dpi: 800 x 500 pixels for
        a new figure).

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on. The tie lines of each group have the gid
        ``"treated"`` or ``"control"``, the median lines
        ``"treated-median"`` and ``"control-median"``.

    Raises
    ------
    MissingColumnError
        A table without ``before_rate`` or ``after_rate``.
    AttributeError
        ``report`` has no ``treated`` or ``control``.
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> import pyarrow as pa
    >>> from types import SimpleNamespace
    >>> report = SimpleNamespace(
    ...     treated=pa.table({"before_rate": [1.0, 0.0, 2.0], "after_rate": [2.0, 1.0, 2.0]}),
    ...     control=pa.table({"before_rate": [1.0, 0.5], "after_rate": [0.5, 0.5]}),
    ... )
    >>> fig = lift(report)
    >>> fig.axes[0].get_legend_handles_labels()[1]
    ['treated: met in person\\nn = 3, median x2.00', 'control: never met\\nn = 2, median x0.75']
    """
    groups = [
        (
            "treated",
            "treated: met in person",
            OFFLINE_COLOUR,
            0.0,
            _rates(report.treated, "treated"),
        ),
        ("control", "control: never met", ONLINE_COLOUR, 2.5, _rates(report.control, "control")),
    ]

    from matplotlib import patheffects
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FixedLocator, FormatStrFormatter, NullLocator

    fig, ax = _figure(ax, (8.0, 5.0))
    positive = [r for *_, rates in groups for pair in rates for r in pair if r > 0.0]
    linthresh = min(positive) if positive else 1.0
    rng = random.Random(0)
    handles: list[Line2D] = []
    for gid, name, colour, x0, rates in groups:
        n = len(rates)
        # Rates are counts over a window, so many ties share a value: a
        # little horizontal jitter keeps them apart.
        jitter = [rng.uniform(-0.12, 0.12) for _ in rates]
        segments = [[(x0 + d, b), (x0 + 1.0 + d, a)] for d, (b, a) in zip(jitter, rates)]
        alpha = min(0.6, max(0.05, 6.0 / math.sqrt(n))) if n else 0.0
        ax.add_collection(
            LineCollection(segments, colors=colour, linewidths=0.8, alpha=alpha, gid=gid, zorder=1)
        )
        ax.scatter(
            [p[0] for s in segments for p in s],
            [p[1] for s in segments for p in s],
            s=10.0,
            color=colour,
            alpha=min(1.0, alpha + 0.15),
            linewidths=0,
            zorder=2,
            clip_on=False,
        )
        ratio = _median_ratio(rates)
        label = f"{name}\nn = {n}" + (f", median x{ratio:.2f}" if ratio is not None else "")
        if n:
            mb = statistics.median(b for b, _ in rates)
            ma = statistics.median(a for _, a in rates)
            (handle,) = ax.plot(
                [x0, x0 + 1.0],
                [mb, ma],
                color=colour,
                linewidth=3.0,
                marker="o",
                markersize=9,
                markeredgecolor="white",
                markeredgewidth=1.2,
                zorder=3,
                label=label,
                gid=f"{gid}-median",
                path_effects=[
                    patheffects.Stroke(linewidth=5.0, foreground="white"),
                    patheffects.Normal(),
                ],
            )
            handles.append(handle)
        else:
            handles.append(Line2D([], [], color=colour, linewidth=3.0, label=label))
        for x, words in ((x0, "before"), (x0 + 1.0, "after")):
            ax.annotate(
                words,
                (x, 0.0),
                xycoords=("data", "axes fraction"),
                xytext=(0, -8),
                textcoords="offset points",
                ha="center",
                va="top",
                color=_INK,
            )
        ax.annotate(
            gid,
            (x0 + 0.5, 0.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, -24),
            textcoords="offset points",
            ha="center",
            va="top",
            color=colour,
            fontweight="bold",
        )

    ax.set_yscale("symlog", linthresh=linthresh, linscale=0.6)
    top = max(positive) if positive else 1.0
    ax.set_ylim(-0.15 * linthresh, top * 1.6)
    # Round numbers rather than powers of ten: rates are small and few.
    ticks = [0.0] + [
        m * 10.0**e
        for e in range(-3, 7)
        for m in (1.0, 2.0, 5.0)
        if linthresh <= m * 10.0**e <= top * 1.6
    ]
    ax.yaxis.set_major_locator(FixedLocator(ticks))
    ax.yaxis.set_major_formatter(FormatStrFormatter("%g"))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.set_xlim(-0.5, 4.0)
    ax.set_xticks([])
    ax.grid(axis="y", color="#ececec", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_ylabel("online contacts per 30 days", color=_INK)
    ax.set_title(
        "Offline lift: online contact before and after the first meeting",
        color=_INK,
        loc="left",
    )
    # Between the two groups, where no tie is drawn.
    ax.legend(handles=handles, loc="upper center", frameon=False, fontsize=9)
    return _done(fig, path)


# --- helpers ----------------------------------------------------------------


def _use_agg_when_headless() -> None:
    """Selects Agg when there is no display and no backend has been chosen."""
    try:
        import matplotlib
    except ImportError as exc:
        raise ImportError(
            "tiegraph.plot needs matplotlib, which is not installed: pip install matplotlib"
        ) from exc
    if os.environ.get("MPLBACKEND"):
        return
    try:
        chosen = matplotlib.get_backend(auto_select=False)  # matplotlib >= 3.10
    except TypeError:
        chosen = matplotlib.rcParams._get_backend_or_none()  # type: ignore[attr-defined, unused-ignore]
    if chosen is None and _headless():
        matplotlib.use("Agg")


def _headless() -> bool:
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _figure(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    """``ax`` and its (root) figure, or a new pyplot figure of this size."""
    _use_agg_when_headless()
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    if ax is None:
        fig, new = plt.subplots(figsize=size, layout="constrained")
        return fig, new
    parent = ax.figure
    return (parent if isinstance(parent, Figure) else parent.figure), ax


def _dates(value: object) -> Any:
    """Datetimes for matplotlib, which converts them itself (its stubs say numbers only)."""
    return value


def _done(fig: Figure, path: _Path | None) -> Figure:
    if path is not None:
        fig.savefig(path, dpi=100, format="png")
    return fig


def _check_sizes(sizes: Sequence[int]) -> None:
    """The core's rule for ego layer sizes."""
    if not sizes:
        raise InvalidArgumentError("invalid argument sizes: give at least one layer size")
    if any(isinstance(s, bool) or not isinstance(s, int) for s in sizes):
        raise InvalidArgumentError(f"invalid argument sizes: must be integers, got {list(sizes)}")
    if sizes[0] < 1:
        raise InvalidArgumentError(
            f"invalid argument sizes: layer sizes must be at least 1, got {sizes[0]}"
        )
    for before, after in zip(sizes, sizes[1:]):
        if after <= before:
            raise InvalidArgumentError(
                "invalid argument sizes: cumulative sizes must be strictly increasing, "
                f"got {after} after {before}"
            )


def _by_other(table: Any) -> dict[str, float]:
    """Strength by the other person, from ``ties(person=...)``."""
    return dict(zip(table.column("b").to_pylist(), table.column("strength").to_pylist()))


def _share(online: float, offline: float) -> float | None:
    total = online + offline
    return online / total if total > 0.0 else None


def _sort_share(share: float | None) -> float:
    return 2.0 if share is None else share


def _share_colormap() -> Colormap:
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list(
        "tiegraph_online_share", [OFFLINE_COLOUR, ONLINE_COLOUR]
    )


def _mappable(cmap: Colormap, norm: Any) -> Any:
    from matplotlib.cm import ScalarMappable

    return ScalarMappable(norm=norm, cmap=cmap)


def _label(g: Graph, key: str) -> str:
    name = g.person(key).name
    return name if name else key


def _short(text: str, width: int = 22) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _rates(table: Any, which: str) -> list[tuple[float, float]]:
    """(before_rate, after_rate) of each row with both, from anything pyarrow reads."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

    t = pa.table(table)
    for column in ("before_rate", "after_rate"):
        if column not in t.column_names:
            raise MissingColumnError(
                f'missing column "{column}" in report.{which}; '
                f"available columns: {', '.join(t.column_names)}"
            )
    before = t.column("before_rate").to_pylist()
    after = t.column("after_rate").to_pylist()
    return [
        (float(b), float(a))
        for b, a in zip(before, after)
        if b is not None and a is not None and not (math.isnan(b) or math.isnan(a))
    ]


def _median_ratio(rates: list[tuple[float, float]]) -> float | None:
    """The median of after / before, as the core defines the ratio."""
    if not rates:
        return None
    return statistics.median(a / b if b > 0.0 else (math.inf if a > 0.0 else 1.0) for b, a in rates)
