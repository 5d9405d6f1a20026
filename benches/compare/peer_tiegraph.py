"""W1 in tiegraph: bulk load from the Arrow table, then every person's ten
strongest ties in one call.

The Python API used here (``strongest_ties_all``) is being written in
parallel with this bench; everything that depends on its exact shape is in
``_top10`` and ``_rows`` so that it is one place to fix.
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
    """tiegraph, or the part of its API that W1 needs, is not there yet."""


def _import():
    try:
        import tiegraph as tg
    except ImportError as err:
        raise Pending(
            f"tiegraph is not installed in this venv ({err}); "
            "run benches/compare/setup.sh in a checkout that has python/pyproject.toml"
        ) from None
    if not hasattr(tg.Graph, "strongest_ties_all"):
        raise Pending("this tiegraph build has no Graph.strongest_ties_all yet")
    return tg


def _top10(tg, table, as_of):
    """The whole job, against the API as planned."""
    g = tg.Graph()
    g.load_interactions(table, **COLUMNS)
    return g.strongest_ties_all(10, as_of=as_of)


def _rows(result) -> pa.Table:
    """Whatever ``strongest_ties_all`` returns, as person, rank, other, strength."""
    if hasattr(result, "__arrow_c_stream__"):  # pyarrow, polars, pandas, our own
        t = pa.RecordBatchReader.from_stream(result).read_all()
    elif isinstance(result, dict):  # {person: [tie, ...]}
        t = pa.Table.from_pylist(
            [
                {"person": p, "other": _get(tie, "other"), "strength": _get(tie, "strength")}
                for p, ties in result.items()
                for tie in ties
            ]
        )
    else:  # rows or tie objects
        t = pa.Table.from_pylist(
            [{k: _get(r, k) for k in ("person", "other", "strength")} for r in result]
        )
    names = {n.lower(): n for n in t.column_names}

    def pick(*candidates: str) -> str:
        return next(names[c] for c in candidates if c in names)

    person, other = pick("person", "a", "src"), pick("other", "b", "dst", "tie")
    cols, keep = [person, other, names["strength"]], ["person", "other", "strength"]
    if "rank" in names:  # otherwise the worker ranks by row order within each person
        cols, keep = cols + [names["rank"]], keep + ["rank"]
    return t.select(cols).rename_columns(keep)


def _get(obj, key):
    return obj[key] if isinstance(obj, dict) else getattr(obj, key)


def check() -> None:
    _import()


def run(table, as_of_s: int):
    tg = _import()
    return _top10(tg, table, m.AS_OF)


def to_arrow(result) -> pa.Table:
    return _rows(result)
