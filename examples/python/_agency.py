"""The sample data of examples/data/ as one graph: the loader the Python
examples share (the Rust ones share examples/agency.rs).

Imported by the examples beside it (``import _agency``); running it does
nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import tiegraph as tg

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = ("people.csv", "interactions.csv", "connections.csv", "events.csv")


def load() -> tg.Graph | None:
    """The whole sample graph, or None (and a message) when a file is missing."""
    missing = [f for f in FILES if not (DATA / f).is_file()]
    if missing:
        print(
            f"sample data not found: {', '.join(missing)} missing from {DATA}{os.sep} "
            "(the repository's examples/data/); nothing to show"
        )
        return None
    g = tg.Graph()
    # people first, with their details: a row of interactions.csv naming
    # someone new would create them with nothing but a key
    with open(DATA / "people.csv", newline="") as f:
        for p in csv.DictReader(f):
            g.add_person(
                p["key"].strip(),
                name=p["name"].strip() or None,
                organisation=p["organisation"].strip() or None,
                role=p["role"].strip() or None,
                tags=split(p["tags"]),
            )
    g.load_interactions(DATA / "interactions.csv", duration="duration", weight="weight")
    g.load_connections(DATA / "connections.csv", kind="kind", since="since")
    # launches, conferences and dinners: one interaction per pair of participants
    with open(DATA / "events.csv", newline="") as f:
        for e in csv.DictReader(f):
            g.add_event(
                split(e["participants"]),
                at=dt.datetime.fromisoformat(e["time"].strip().replace("Z", "+00:00")),
                channel=e["channel"].strip() or "event",
                duration=float(e["duration"]) if e["duration"].strip() else None,
                name=e["name"].strip() or None,
            )
    return g


def split(cell: str) -> list[str]:
    """A `;`-separated cell, without empty parts."""
    return [part.strip() for part in cell.split(";") if part.strip()]
