"""Loads the sample data of a fictional PR agency (examples/data/) into a
relationship graph and prints what the graph holds.

    python examples/python/load_sample.py
"""

from __future__ import annotations

import csv
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import tiegraph as tg

DATA = Path(__file__).resolve().parent.parent / "data"


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="") as f:
        return list(csv.DictReader(f))


def split(cell: str) -> list[str]:
    return [part for part in cell.split(";") if part]


def main() -> None:
    g = tg.Graph()

    # People first, with their details: a row of interactions.csv that named
    # someone new would create them with nothing but a key.
    people = read_csv("people.csv")
    for p in people:
        g.add_person(
            p["key"],
            name=p["name"] or None,
            organisation=p["organisation"] or None,
            role=p["role"] or None,
            tags=split(p["tags"]),
        )

    # One row per interaction; empty duration cells mean "unknown", the
    # weight column is a multiplier (0.5 marks a pitch the reporter was cc'd on).
    report = g.load_interactions(DATA / "interactions.csv", duration="duration", weight="weight")
    print(f"interactions.csv: {report.rows} rows, {report.added} added")

    # Declared links: LinkedIn connections (mutual) and X follows (one way).
    report = g.load_connections(DATA / "connections.csv", kind="kind", since="since")
    print(f"connections.csv: {report.rows} rows, {report.added} added")

    # Launches, conferences and dinners: each becomes one interaction per
    # pair of participants, diluted by the size of the group.
    events = read_csv("events.csv")
    for e in events:
        at = datetime.strptime(e["time"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        g.add_event(
            split(e["participants"]),
            at=at,
            channel=e["channel"] or "event",
            duration=float(e["duration"]) if e["duration"] else None,
            name=e["name"] or None,
        )

    # What the graph should hold, counted from the files themselves.
    per_channel = Counter(row["channel"] for row in read_csv("interactions.csv"))
    for e in events:
        n = len(split(e["participants"]))
        per_channel[e["channel"] or "event"] += n * (n - 1) // 2
    expected = sum(per_channel.values())
    assert g.person_count == len(people), (g.person_count, len(people))
    assert g.interaction_count == expected, (g.interaction_count, expected)

    print(f"events.csv: {len(events)} group events\n")
    print(f"people        {g.person_count:>6}")
    print(f"ties          {g.tie_count:>6}")
    print(f"interactions  {g.interaction_count:>6}")
    print("\ninteractions per channel:")
    for channel, n in per_channel.most_common():
        print(f"  {channel:<15} {n:>6}")


if __name__ == "__main__":
    main()
