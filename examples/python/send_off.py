"""The story tiegraph comes from. Maya Chen, TechWire's senior AI
reporter, is leaving her outlet; the PR agency that has followed,
replied to, emailed and sometimes met her for two years throws her a
send-off on Friday 2026-11-20. Whom to invite? Which ties are real,
which online-only ones are worth taking offline, and did the party
take them offline?

    python examples/python/send_off.py

Uses the sample data in examples/data/ (see its README); says so and exits
without it. The same steps, dates and choices as
``cargo run -p tiegraph-examples --example send_off``, with the same output.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import sys

from pathlib import Path

import tiegraph as tg
from _agency import load


# Maya Chen, TechWire's senior AI reporter, who is leaving her outlet.
MAYA = "maya.chen@techwire.example"
# How many to invite.
INVITES = 16


def at(month: int, d: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, month, d, hour, tzinfo=dt.timezone.utc)


def main() -> int:
    g = load()
    if g is None:
        return 0
    # Everyone's details at once, for names and organisations.
    people = {p.key: p for p in g.people()}
    maya = g.person(MAYA)
    print(
        f"{name(maya)} ({maya.role or '-'}, {org(maya)}) is leaving. {g.person_count} people, "
        f"{g.tie_count} ties, {g.interaction_count} interactions in the log."
    )

    plan = at(11, 20, 9)
    heading(f"Maya's strongest ties as of {plan.date()}")
    for t in g.strongest_ties(MAYA, 10, as_of=plan).to_arrow().to_pylist():
        p = people[t["other"]]
        print(f"{t['rank']:>3}. {name(p):<22} {org(p):<16} {t['reason']}")

    heading("Who is only ever online with her (two-way, never met or called)")
    mine = g.ties(as_of=plan, person=MAYA).to_arrow().to_pylist()
    online_only: list[tuple[str, float]] = sorted(
        ((t["b"], t["strength"]) for t in mine if t["online_only"]),
        key=lambda kv: (-kv[1], kv[0]),
    )
    cap = g.model.online_only_cap
    for key, value in online_only:
        p = people[key]
        capped = "  (at the online-only cap)" if value >= cap else ""
        print(f"  {name(p):<22} {org(p):<16} strength {value:.2f}{capped}")
    print(f"  {len(online_only)} of Maya's {len(mine)} ties are online only.")

    heading(f"Invite list: the {INVITES} people to ask")
    invitees = g.invite_list(MAYA, INVITES, as_of=plan).to_arrow().to_pylist()
    for i in invitees:
        p = people[i["other"]]
        print(f"{i['rank']:>3}. {name(p):<22} {org(p):<16} {i['category']:<16} {i['reason']}")
    # Who comes: deterministic stand-ins for the RSVPs. Everyone says yes
    # except every fourth on the list, who is travelling.
    accepted = [i["other"] for i in invitees if i["rank"] % 4 != 0]
    declined = [name(people[i["other"]]) for i in invitees if i["rank"] % 4 == 0]
    print(f"\n  {len(accepted)} accept; {len(declined)} can't come ({', '.join(declined)}).")
    worth = [i["other"] for i in invitees if i["category"] == "worth_converting"]
    worth_coming = sum(key in accepted for key in worth)

    # The party, then a coffee the week after with each online-only guest
    # who came: Monday and Tuesday mornings, an hour each.
    party_at = at(11, 20, 19)
    guests = [MAYA, *accepted]
    n = len(guests)
    g.add_event(guests, at=party_at, name="Maya's send-off", duration=3 * 3600.0)
    converts = [key for key, _ in online_only if key in accepted]
    coffees = []
    for i, key in enumerate(converts[:4]):
        when = at(11, 23, 9) + dt.timedelta(hours=2 * i)
        g.add_interaction(key, MAYA, at=when, channel="in_person", duration=3600.0)
        coffees.append(name(people[key]))
    heading("The send-off, Friday 2026-11-20, 19:00")
    print(
        f"  {n} people at the party (each pair weighs 0.40/sqrt({n - 1}) = "
        f"{0.4 / math.sqrt(n - 1):.3f}: meaningful from 0.10 on)."
    )
    print(f"  Coffees the Monday after: {', '.join(coffees)}.")
    if worth:
        print(f"  Of the {len(worth)} worth converting on the list, {worth_coming} came.")

    before, after = at(11, 19, 12), at(11, 24, 12)
    heading("Online-only ties, before (Nov 19) and after (Nov 24)")
    print(f"  {'':<22} {'before':>6} {'after':>6} {'change':>6}  online only after, why")
    # Maya's ties on both dates in two bulk calls, by the other person's key.
    then = {t["b"]: t for t in g.ties(as_of=before, person=MAYA).to_arrow().to_pylist()}
    now = {t["b"]: t for t in g.ties(as_of=after, person=MAYA).to_arrow().to_pylist()}
    for key, _ in online_only:
        b, a = then[key], now[key]
        flip = ("yes -> no" if not a["online_only"] else "yes") if b["online_only"] else "no"
        why = g.explain(MAYA, key, as_of=after).reasons
        print(
            f"  {name(people[key]):<22} {b['strength']:>6.2f} {a['strength']:>6.2f} "
            f"{a['strength'] - b['strength']:>+6.2f}  {flip:<11} {why[1] if len(why) > 1 else ''}"
        )
    converted = sum(not now[key]["online_only"] for key, _ in online_only)
    print(
        f"  {converted} of {len(online_only)} online-only ties taken offline: "
        f"the cap of {cap} no longer holds them."
    )

    heading("Does meeting change how much people talk online? (offline_lift)")
    lift = g.offline_lift(as_of=after)
    print(f"  ties that met after >= 90 days online:  {lift.summary['treated']['reason']}")
    print(f"  matched ties that never met:             {lift.summary['control']['reason']}")
    hers = g.offline_lift(as_of=after, person=MAYA)
    for row in hers.treated.to_arrow().slice(0, 5).to_pylist():
        other = people[row["b"] if row["a"] == MAYA else row["a"]]
        print(f"  Maya & {name(other):<22} {row['reason']}")
    print(
        "  The send-off itself can be measured once 90 days have passed: "
        f"from {(party_at + dt.timedelta(days=90)).date()}."
    )
    figures(g, online_only[0][0] if online_only else None, lift, after)
    return 0


def figures(g: tg.Graph, converted: str | None, lift: tg.LiftReport, as_of: dt.datetime) -> None:
    """Pictures of the story, when matplotlib is installed: Maya's circles,
    a converted tie over the two years, and the offline lift (PNGs in
    examples/out/, which git ignores)."""
    if importlib.util.find_spec("matplotlib") is None:
        print("\n(matplotlib is not installed: no figures)")
        return
    out = Path(__file__).resolve().parent.parent / "out"
    out.mkdir(exist_ok=True)
    written = [out / "send_off_ego.png", out / "send_off_lift.png"]
    tg.plot.ego(g, MAYA, as_of=as_of, path=written[0])
    tg.plot.lift(lift, path=written[1])
    if converted is not None:
        written.append(out / "send_off_timeline.png")
        # weekly points that end on the date itself, so the party and the coffees show
        start = as_of - dt.timedelta(weeks=96)
        tg.plot.timeline(g, MAYA, converted, start=start, end=as_of, path=written[2])
    print("\nfigures: " + ", ".join(str(p.relative_to(out.parent.parent)) for p in written))


def heading(title: str) -> None:
    print(f"\n== {title}")


def name(p: tg.Person) -> str:
    """The display name of a person, else their key."""
    return p.name if p.name is not None else p.key


def org(p: tg.Person) -> str:
    return p.organisation if p.organisation is not None else "-"


if __name__ == "__main__":
    sys.exit(main())
