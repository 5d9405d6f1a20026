"""W1 in tiegraph: bulk load from the Arrow table, then every person's ten
strongest ties in one call (``Graph.strongest_ties_all``), whose Arrow table
of person, other, rank and strength the worker checks against the peers.
"""

from __future__ import annotations

import pyarrow as pa

import model as m

NAME = "tiegraph"
PACKAGES = ("tiegraph",)

# W1's columns, as `Graph.load_interactions` names them
COLUMNS = dict(
    src="src",
    dst="dst",
    time="ts",
    channel="channel",
    duration="duration_s",
    weight="weight",
)


class Pending(Exception):
    """tiegraph is not installed in this venv."""


def _import():
    try:
        import tiegraph as tg
    except ImportError as err:
        raise Pending(
            f"tiegraph is not installed in this venv ({err}); "
            "run benches/compare/setup.sh in a checkout that has python/pyproject.toml"
        ) from None
    return tg


def check() -> None:
    _import()


def run(table, as_of_s: int):
    """The whole job: load, then the top ten of everyone."""
    tg = _import()
    g = tg.Graph()
    g.load_interactions(table, **COLUMNS)
    return g.strongest_ties_all(10, as_of=m.AS_OF)


def to_arrow(result) -> pa.Table:
    """The result (an Arrow stream) as a pyarrow table, outside the timing."""
    return pa.RecordBatchReader.from_stream(result).read_all().select(["person", "other", "strength", "rank"])
