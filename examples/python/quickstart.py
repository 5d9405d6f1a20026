"""The README's Python quickstart quotes this file, from ``import`` to the
end of ``main``: change one, change the other. It is the scenario of
``examples/rust/quickstart.rs`` and prints the same lines.

A PR person (Ana) and a reporter (Lee): a pitch, an answer, a reply to
Lee's post, a coffee, a launch party with two others and a follow on X.
Prints how strong the tie is on May 1 with its components, why, and
Ana's strongest ties.

    python examples/python/quickstart.py
"""

from __future__ import annotations

import datetime as dt

import tiegraph as tg


def day(month: int, d: int) -> dt.datetime:
    return dt.datetime(2026, month, d, 10, tzinfo=dt.timezone.utc)


def main() -> None:
    g = tg.Graph()
    ana, lee = "ana@agency.example", "lee@daily.example"
    g.add_person(ana, name="Ana Reyes", role="account director")
    g.add_person(lee, name="Lee Park", tags=["press", "ai"])

    # A pitch by email, Lee's answer, Ana's reply to Lee's post, then a coffee (90 minutes).
    g.add_interaction(ana, lee, at=day(3, 2), channel="email")
    g.add_interaction(lee, ana, at=day(3, 3), channel="email")
    g.add_interaction(ana, lee, at=day(3, 20), channel="public_reply")
    g.add_interaction(ana, lee, at=day(4, 2), channel="in_person", duration=5400)
    # A launch party with four people: one interaction per pair, diluted by the group size.
    party = [ana, lee, "sam@agency.example", "kim@wire.example"]
    g.add_event(party, at=day(4, 14), name="product launch")
    # A declared link: Ana follows Lee on X.
    g.add_connection(ana, lee, platform="x", kind="follows")

    as_of = day(5, 1)
    s = g.strength(ana, lee, as_of=as_of)
    print(f"Ana and Lee on {as_of.date()}: strength {s.value:.2f}, {s.state}")
    for name, value in s.components.items():
        print(f"  {name:<13} {value:.2f}  (adds {s.contributions[name]:.3f})")
    print("Why:")
    for reason in g.explain(ana, lee, as_of=as_of).reasons:
        print(f"  - {reason}")
    print("Ana's strongest ties:")
    for tie in g.strongest_ties(ana, 5, as_of=as_of).to_arrow().to_pylist():
        print(f"  {tie['rank']}. {tie['other']:<20} {tie['reason']}")


if __name__ == "__main__":
    main()
