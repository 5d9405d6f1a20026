"""A PR person's Monday report: whom to meet this month, which ties are
cooling or dormant, who is overdue for contact (online every 30 days,
in person every 90), and who can introduce them to reporters they do
not know yet -- each with its reason.

    python examples/python/pr_desk.py

Uses the sample data in examples/data/ (see its README) and reports for
Ana Reyes, account director at Brightside PR (or, if the data has no Ana,
for the agency's person with the most ties); says so and exits without the
data. The same report as
``cargo run -p tiegraph-examples --example pr_desk``, with the same output.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

import tiegraph as tg
from _agency import load


# Ana Reyes, account director at Brightside PR.
ANA = "ana.reyes@brightside-pr.example"
# Rows per section.
ROWS = 8
# The smallest positive float: "strength > 0" as a minimum strength.
POSITIVE = sys.float_info.min


def main() -> int:
    g = load()
    if g is None:
        return 0
    # Everyone's details at once, in key order, for names and organisations.
    people = {p.key: p for p in g.people()}
    monday = dt.datetime(2026, 11, 23, 8, tzinfo=dt.timezone.utc)
    me = desk_owner(g, people, monday)
    person = people[me]
    # my ties with strength > 0: the people I already know
    known = set(g.ties(as_of=monday, person=me, min_strength=POSITIVE).column("b").to_pylist())
    print(
        f"Monday report for {name(person)} ({person.role or '-'}, {org(person)}), "
        f"{monday.date()}: {len(known)} ties with strength > 0."
    )

    heading("Meet in person this month: strong online, not met lately")
    for m in g.meet_in_person(me, ROWS, as_of=monday).to_arrow().to_pylist():
        p = people[m["other"]]
        print(f"{m['rank']:>3}. {name(p):<20} {org(p):<22} priority {m['priority']:.2f}  {m['reason']}")

    heading("Cooling or dormant: worth a message")
    fading = g.reconnect(me, ROWS, as_of=monday).to_arrow().to_pylist()
    if not fading:
        print("  none")
    for r in fading:
        p = people[r["other"]]
        print(f"{r['rank']:>3}. {name(p):<20} {org(p):<22} {r['reason']}")

    heading("Overdue: online every 30 days, in person every 90")
    due = g.due_for_contact(me, as_of=monday, online_days=30.0, offline_days=90.0).to_arrow()
    for d in due.slice(0, ROWS).to_pylist():
        p = people[d["other"]]
        print(f"{d['rank']:>3}. {name(p):<20} {org(p):<22} {d['reason']}")
    # a mode's columns are null where that mode is not overdue
    online = len(due) - due.column("online_ratio").null_count
    offline = len(due) - due.column("offline_ratio").null_count
    print(
        f"  {len(due)} ties overdue in all ({online} online, {offline} in person); "
        f"the {min(ROWS, len(due))} most overdue above."
    )

    heading("Reporters to meet through someone: who can introduce them")
    paths: list[tg.Path] = []
    for reporter in people.values():
        if "press" not in reporter.tags or reporter.key in known or reporter.key == me:
            continue  # not a reporter, or already known
        # two hops: one person who knows both
        path = g.introduction_path(me, reporter.key, as_of=monday, max_hops=2)
        if path is not None:
            paths.append(path)
    # the strongest weakest link first, then the product (a stable sort:
    # equal paths stay in the reporters' key order)
    paths.sort(key=lambda p: (-p.bottleneck, -p.product))
    print(
        f"  {len(paths)} reporters with no tie to {name(person)} yet share a contact with them. "
        "The best introductions:"
    )
    for path in paths[:ROWS]:
        if len(path.people) != 3:
            continue
        via, target = people[path.people[1]], people[path.people[2]]
        v, t = first_name(via), first_name(target)
        weakest = f"you–{v}" if path.weakest == 0 else f"{v}–{t}"
        print(
            f"  {name(target):<20} {org(target):<22} ask {name(via):<16} "
            f"you–{v} {path.strengths[0]:.2f}, {v}–{t} {path.strengths[1]:.2f}; "
            f"weakest link {weakest}"
        )
    return 0


def desk_owner(g: tg.Graph, people: dict[str, tg.Person], at: dt.datetime) -> str:
    """Ana, or the agency person with the most ties with strength > 0."""
    if ANA in g:
        return ANA
    # every person's ties with strength > 0, in one call
    ranked = g.strongest_ties_all(g.person_count, as_of=at)
    ties = Counter(ranked.column("person").to_pylist())
    best: tuple[int, str] | None = None
    for p in people.values():
        if "agency" in p.tags and (best is None or ties[p.key] > best[0]):
            best = (ties[p.key], p.key)
    if best is None:
        raise LookupError("no agency staff in the sample data")
    return best[1]


def heading(title: str) -> None:
    print(f"\n== {title}")


def name(p: tg.Person) -> str:
    """The display name of a person, else their key."""
    return p.name if p.name is not None else p.key


def first_name(p: tg.Person) -> str:
    parts = name(p).split()
    return parts[0] if parts else p.key


def org(p: tg.Person) -> str:
    return p.organisation if p.organisation is not None else "-"


if __name__ == "__main__":
    sys.exit(main())
