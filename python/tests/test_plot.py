"""tiegraph.plot: the ego, timeline and lift figures, rendered to PNG."""

from __future__ import annotations

import datetime as dt
import math
import os
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import tiegraph as tg

pytest.importorskip(
    "matplotlib",
    reason="matplotlib is not installed (pip install matplotlib): tiegraph.plot is optional",
)
pa = pytest.importorskip("pyarrow")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_rgb  # noqa: E402

import tiegraph.plot as tp  # noqa: E402

AS_OF = dt.datetime(2026, 4, 1)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk (checked to be one)."""
    data = path.read_bytes()
    assert len(data) > 1000, f"{path} is only {len(data)} bytes"
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def by_gid(ax: Any, gid: str) -> Any:
    [artist] = [a for a in ax.get_children() if a.get_gid() == gid]
    return artist


def rgb(colour: Any) -> tuple[float, ...]:
    return tuple(round(c, 3) for c in to_rgb(colour))


# --- ego --------------------------------------------------------------------


@pytest.fixture
def star() -> tg.Graph:
    """Ana and nine others: f1 strongest ... f8 weakest, and one-sided z (strength 0)."""
    g = tg.Graph()
    g.add_person("ana", name="Ana Ruiz")
    g.add_person("f1", name="Lee Park")
    for i in range(1, 9):
        friend = f"f{i}"
        # fewer and older contacts for higher numbers
        for n in range(10 - i):
            at = dt.datetime(2026, 3, 20) - dt.timedelta(days=7 * n + 3 * i)
            if i % 3 == 0:
                g.add_interaction("ana", friend, at=at, channel="in_person")
            elif i % 3 == 1:
                g.add_interaction(
                    *(("ana", friend) if n % 2 else (friend, "ana")), at=at, channel="email"
                )
            else:
                g.add_interaction("ana", friend, at=at, channel="in_person")
                g.add_interaction(
                    friend, "ana", at=at + dt.timedelta(days=1), channel="direct_message"
                )
                g.add_interaction(
                    "ana", friend, at=at + dt.timedelta(days=2), channel="direct_message"
                )
    g.add_interaction("ana", "z", at=dt.datetime(2026, 3, 1), channel="email")
    return g


def ranked(g: tg.Graph, person: str) -> list[str]:
    """The others by strength, strongest first, ties by key: the core's ego-layer rule."""
    others = g.ties(as_of=AS_OF, person=person).column("b").to_pylist()
    scored = [(g.strength(person, o, as_of=AS_OF).value, o) for o in others]
    return [o for s, o in sorted(scored, key=lambda t: (-t[0], t[1])) if s > 0]


def test_ego_renders_a_png(star: tg.Graph, tmp_path: Path) -> None:
    fig = tp.ego(star, "ana", as_of=AS_OF, path=tmp_path / "ego.png")
    assert png_size(tmp_path / "ego.png") == (800, 800)
    assert fig.get_dpi() > 0 and len(fig.axes) == 2  # the network and its colour bar


def test_ego_layers_follow_the_ranking(star: tg.Graph) -> None:
    fig = tp.ego(star, "ana", as_of=AS_OF, sizes=(2, 5, 7))
    ax = fig.axes[0]
    assert [p.get_gid() for p in ax.patches] == ["layer-1", "layer-2", "layer-3"]
    assert [p.get_radius() for p in ax.patches] == [1.0, 2.0, 3.0]
    order = ranked(star, "ana")
    assert len(order) == 8 and "z" not in order
    for number, (lo, hi) in enumerate([(0, 2), (2, 5), (5, 7)], start=1):
        lines = by_gid(ax, f"ties-{number}")
        ends = [seg[1] for seg in lines.get_segments()]
        assert len(ends) == hi - lo
        assert all(math.isclose(math.hypot(x, y), number) for x, y in ends)
        # the widest line of the layer is its strongest tie
        widths = list(lines.get_linewidths())
        strengths = sorted(
            (star.strength("ana", o, as_of=AS_OF).value for o in order[lo:hi]), reverse=True
        )
        assert max(widths) == pytest.approx(0.4 + 5.0 * strengths[0])
    texts = [t.get_text() for t in ax.texts]
    inner = [star.person(k).name or k for k in order[:2]]
    assert all(name in texts for name in inner)
    assert not any(k in texts for k in order[2:])  # only the inner layer is labelled
    assert "Ana Ruiz" in texts
    assert "1 more beyond rank 7" in ax.get_title()  # f8, ranked 8th


def test_ego_colours_show_the_online_share(star: tg.Graph) -> None:
    fig = tp.ego(star, "ana", as_of=AS_OF, sizes=(8,))
    lines = by_gid(fig.axes[0], "ties-1")
    colours = {rgb(c[:3]) for c in lines.get_colors()}
    assert rgb(tp.OFFLINE_COLOUR) in colours  # f3, f6: met only
    assert rgb(tp.ONLINE_COLOUR) in colours  # f1, f4, f7: email only
    assert len(colours) > 2  # f2, f5, f8 also write both ways: mixed
    assert fig.axes[1].get_yticklabels()[0].get_text() == "offline"


def test_ego_is_deterministic(star: tg.Graph, tmp_path: Path) -> None:
    for name, seed in (("a.png", 0), ("b.png", 0), ("c.png", 1)):
        tp.ego(star, "ana", as_of=AS_OF, seed=seed, path=tmp_path / name)
        plt.close("all")
    a, b, c = ((tmp_path / n).read_bytes() for n in ("a.png", "b.png", "c.png"))
    assert a == b and a != c


def test_ego_into_given_axes_and_without_ties(star: tg.Graph, tmp_path: Path) -> None:
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 6))
    assert tp.ego(star, "ana", as_of=AS_OF, ax=right, path=tmp_path / "two.png") is fig
    assert png_size(tmp_path / "two.png") == (1200, 600)
    assert [p.get_gid() for p in right.patches] == ["layer-1", "layer-2"] and not left.patches

    star.add_person("cy")
    fig = tp.ego(star, "cy", as_of=AS_OF)
    ax = fig.axes[0]
    assert not ax.patches and "no ties with strength > 0" in [t.get_text() for t in ax.texts]


@pytest.mark.parametrize(
    ("sizes", "words"),
    [
        ((), "at least one layer size"),
        ((0, 5), "at least 1"),
        ((5, 5), "strictly increasing"),
        ((2.5,), "integers"),
    ],
)
def test_ego_checks_sizes(star: tg.Graph, sizes: Any, words: str) -> None:
    with pytest.raises(tg.InvalidArgumentError, match=words):
        tp.ego(star, "ana", as_of=AS_OF, sizes=sizes)


def test_ego_unknown_person(star: tg.Graph) -> None:
    with pytest.raises(tg.PersonNotFoundError):
        tp.ego(star, "nobody", as_of=AS_OF)


# --- timeline ---------------------------------------------------------------


@pytest.fixture
def pair() -> tg.Graph:
    """Ana and Lee write for two months (online-only), meet, then call by video."""
    g = tg.Graph()
    g.add_person("ana", name="Ana Ruiz")
    for w in range(8):
        src, dst = ("ana", "lee") if w % 2 == 0 else ("lee", "ana")
        g.add_interaction(
            src, dst, at=dt.datetime(2025, 11, 3) + dt.timedelta(days=7 * w), channel="email"
        )
    g.add_interaction("ana", "lee", at=dt.datetime(2026, 1, 12), channel="in_person", duration=3600)
    for w in range(3):
        g.add_interaction(
            "lee",
            "ana",
            at=dt.datetime(2026, 2, 2) + dt.timedelta(days=7 * w),
            channel="video_call",
        )
    g.add_interaction("lee", "ana", at=dt.datetime(2027, 1, 1), channel="email")  # after the range
    return g


def test_timeline_renders_a_png(pair: tg.Graph, tmp_path: Path) -> None:
    tp.timeline(
        pair,
        "ana",
        "lee",
        start=dt.date(2025, 10, 1),
        end=dt.date(2026, 4, 1),
        path=tmp_path / "t.png",
    )
    assert png_size(tmp_path / "t.png") == (1000, 450)


def test_timeline_draws_strength_contacts_and_cap(pair: tg.Graph) -> None:
    start, end = dt.date(2025, 10, 1), dt.date(2026, 4, 1)
    fig = tp.timeline(pair, "ana", "lee", start=start, end=end, step=dt.timedelta(days=1))
    ax = fig.axes[0]
    expected = pair.timeline("ana", "lee", start=start, end=end, step=dt.timedelta(days=1))
    line = by_gid(ax, "strength")
    assert list(line.get_ydata()) == expected.column("strength").to_pylist()

    email, met, video = (by_gid(ax, f"channel-{c}") for c in ("email", "in_person", "video_call"))
    assert [len(c.get_offsets()) for c in (email, met, video)] == [
        8,
        1,
        3,
    ]  # the 2027 email is out of range
    assert rgb(met.get_facecolor()[0][:3]) == rgb(tp.OFFLINE_COLOUR)
    assert rgb(email.get_facecolor()[0][:3]) == rgb(tp.ONLINE_COLOUR)
    # rows by who initiated: the video calls all come from Lee
    assert {y for _, y in video.get_offsets()} == {-0.19}
    assert {y for _, y in email.get_offsets()} == {-0.09, -0.19}

    # the cap shows while they wrote without meeting: from the reply to the meeting
    cap = by_gid(ax, "online-only-cap")
    days = [start + dt.timedelta(days=i) for i in range(len(cap.get_ydata()))]
    capped = [d for d, y in zip(days, cap.get_ydata()) if not math.isnan(y)]
    assert set(y for y in cap.get_ydata() if not math.isnan(y)) == {0.75}
    assert capped[0] == dt.date(2025, 11, 10) and capped[-1] == dt.date(2026, 1, 11)

    labels = ax.get_legend_handles_labels()[1]
    assert labels == [
        "strength",
        "online-only cap (0.75)",
        "in_person (offline): 1",
        "video_call (online): 3",
        "email (online): 8",
    ]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[:2] == ["from Ana Ruiz", "from lee"]


def test_timeline_without_online_only_period_has_no_cap(pair: tg.Graph) -> None:
    fig = tp.timeline(pair, "ana", "lee", start=dt.date(2026, 2, 1), end=dt.date(2026, 4, 1))
    ax = fig.axes[0]
    assert not [a for a in ax.get_children() if a.get_gid() == "online-only-cap"]
    assert ax.get_legend_handles_labels()[1] == ["strength", "video_call (online): 3"]


def test_timeline_errors(pair: tg.Graph) -> None:
    with pytest.raises(tg.PersonNotFoundError):
        tp.timeline(pair, "ana", "nobody", start=dt.date(2026, 1, 1), end=dt.date(2026, 2, 1))
    with pytest.raises(tg.InvalidArgumentError):
        tp.timeline(pair, "ana", "lee", start=dt.date(2026, 2, 1), end=dt.date(2026, 1, 1))


# --- lift -------------------------------------------------------------------


def legend(ax: Any) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def report(**groups: Any) -> SimpleNamespace:
    return SimpleNamespace(**groups)


def test_lift_renders_a_png(tmp_path: Path) -> None:
    r = report(
        treated=pa.table(
            {"before_rate": [1.0, 0.0, 2.0, 0.33], "after_rate": [2.0, 1.0, 2.0, 0.0]}
        ),
        control=pa.table({"before_rate": [1.0, 0.5, 0.0], "after_rate": [0.5, 0.5, 0.0]}),
    )
    fig = tp.lift(r, path=tmp_path / "lift.png")
    assert png_size(tmp_path / "lift.png") == (800, 500)
    ax = fig.axes[0]
    assert ax.get_yscale() == "symlog"  # zeros have a place
    assert ax.get_ylim()[0] < 0.0
    assert [len(by_gid(ax, g).get_segments()) for g in ("treated", "control")] == [4, 3]
    assert list(by_gid(ax, "treated-median").get_ydata()) == [0.665, 1.5]
    assert legend(ax) == [
        "treated: met in person\nn = 4, median x1.50",
        "control: never met\nn = 3, median x1.00",  # 0 -> 0 counts as no change
    ]


def test_lift_reads_any_arrow_table_and_drops_missing_rates() -> None:
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    r = report(
        treated=pl.DataFrame(
            {
                "before_rate": [1.0, None, 1.0],
                "after_rate": [3.0, 1.0, float("nan")],
                "a": ["x", "y", "z"],
            }
        ),
        control=pd.DataFrame({"before_rate": [], "after_rate": []}, dtype="float64"),
    )
    fig = tp.lift(r)
    ax = fig.axes[0]
    assert len(by_gid(ax, "treated").get_segments()) == 1
    assert legend(ax) == [
        "treated: met in person\nn = 1, median x3.00",
        "control: never met\nn = 0",
    ]


def test_lift_missing_column() -> None:
    r = report(
        treated=pa.table({"before_rate": [1.0]}),
        control=pa.table({"before_rate": [1.0], "after_rate": [1.0]}),
    )
    with pytest.raises(
        tg.MissingColumnError,
        match=r'missing column "after_rate" in report.treated; available columns: before_rate',
    ):
        tp.lift(r)


def test_lift_into_given_axes() -> None:
    fig, ax = plt.subplots()
    r = report(
        treated=pa.table({"before_rate": [0.0], "after_rate": [0.0]}),
        control=pa.table({"before_rate": [0.0], "after_rate": [0.0]}),
    )
    assert tp.lift(r, ax) is fig


# --- the module itself ------------------------------------------------------


def test_missing_matplotlib_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, star: tg.Graph
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"pip install matplotlib"):
        tp.ego(star, "ana", as_of=AS_OF)


BACKEND_SCRIPT = """
import datetime as dt, sys
import tiegraph as tg
if sys.argv[1] != "-":
    import matplotlib
    matplotlib.use(sys.argv[1])
import tiegraph.plot
g = tg.Graph()
g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
tiegraph.plot.ego(g, "ana", as_of=dt.date(2026, 3, 10))
import matplotlib
print(matplotlib.get_backend())
"""


@pytest.mark.parametrize(("chosen", "expected"), [("-", "agg"), ("pdf", "pdf"), ("svg", "svg")])
def test_agg_only_when_no_backend_was_chosen(chosen: str, expected: str) -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MPLBACKEND")
    }
    out = subprocess.run(
        [sys.executable, "-c", BACKEND_SCRIPT, chosen],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().lower() == expected


def test_mplbackend_is_left_alone() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["MPLBACKEND"] = "svg"
    out = subprocess.run(
        [sys.executable, "-c", BACKEND_SCRIPT, "-"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().lower() == "svg"


def test_docstring_examples_run() -> None:
    import doctest

    result = doctest.testmod(tp)
    assert result.attempted > 0 and result.failed == 0


def test_mypy_strict() -> None:
    pytest.importorskip("mypy")
    # the source in the checkout, not the installed copy (see test_networkx.py)
    source = Path(__file__).resolve().parents[1] / "src" / "tiegraph" / "plot.py"
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
