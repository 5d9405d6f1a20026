"""Write the golden scenarios that pin the Rust scorer to the model page.

Each scenario is run through ``reference_model.py`` (an implementation written
from ``design/scoring-model.md`` alone) and written, inputs and expected
per-pair outputs together, to ``crates/tiegraph/tests/it/golden/NAME.json``.
``crates/tiegraph/tests/it/golden.rs`` replays them against
``tiegraph::RelationshipGraph`` and demands agreement to 1e-9.

Usage (from anywhere; the output path is found from this file's location)::

    python3 python/tests/make_golden.py

The output is deterministic: fixed seeds, sorted pairs, floats written with
``repr`` (shortest round-trip form, i.e. full precision).
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from reference_model import (
    CHANNELS,
    DAY,
    Connection,
    GroupEvent,
    Interaction,
    Model,
    ReferenceModel,
    effective_weight,
    expand_event,
)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates" / "tiegraph" / "tests" / "it" / "golden"

# 2024-06-01T00:00:00Z: the as-of date of every hand-shaped scenario.
T = 1_717_200_000
HOUR = 3600
MINUTE = 60

# A scenario whose values sit this close to one of the model's thresholds
# would test the order of floating-point operations, which the page leaves open.
THRESHOLD_MARGIN = 1e-9

COMPONENT_NAMES = {
    "R": "recency",
    "I": "intensity",
    "D": "duration",
    "F": "regularity",
    "B": "reciprocity",
    "M": "multiplexity",
    "K": "connection",
    "S": "structural",
}


def ago(days: float, hour: int = 12) -> int:
    """Seconds of the time `days` days before T, at `hour` o'clock that day."""
    return T - round(days * DAY) + hour * HOUR - 12 * HOUR


def dm(src, dst, t, weight=1.0):
    return Interaction(src, dst, t, "direct_message", None, weight)


def meet(x, y, t, minutes=None, weight=1.0):
    return Interaction(x, y, t, "in_person", None if minutes is None else minutes * MINUTE, weight)


# --------------------------------------------------------------------------
# Hand-shaped scenarios
# --------------------------------------------------------------------------


def unanswered_pitch():
    """A salesperson pitches; nobody answers."""
    its = []
    # sam e-mails ana six times in two months; ana never writes back, once likes a post.
    for k in range(6):
        its.append(Interaction("sam", "ana", ago(70 - 11 * k, 9), "email"))
    # A double send: two identical records both count (nothing on the page merges them).
    its.append(Interaction("sam", "ana", ago(15, 9), "email"))
    its.append(Interaction("ana", "sam", ago(30, 20), "reaction"))
    # sam's newsletter reaches ben every fortnight: broadcasts are never meaningful.
    for k in range(10):
        its.append(Interaction("sam", "ben", ago(140 - 14 * k, 7), "broadcast"))
    # sam also DMs cat, who only ever reacts.
    its.append(dm("sam", "cat", ago(20)))
    its.append(dm("sam", "cat", ago(5)))
    its.append(Interaction("cat", "sam", ago(4), "reaction"))
    conns = [Connection("sam", "ana", "x", "follows", ago(100))]
    return dict(
        description="One-sided outreach: e-mails never answered, one sent twice in the same "
        "second (one_sided, scored by K only), a newsletter (passive), DMs answered by a like "
        "(one_sided).",
        interactions=its,
        connections=conns,
        events=[],
        as_of=T,
    )


def likes_only():
    """Reactions both ways are not contact."""
    rng = random.Random(11)
    its = []
    for _ in range(40):
        x, y = rng.choice([("ana", "ben"), ("ben", "ana")])
        its.append(Interaction(x, y, ago(rng.uniform(0, 360), rng.randrange(8, 23)), "reaction"))
    for _ in range(12):
        x, y = rng.choice([("ana", "cat"), ("cat", "ana")])
        its.append(Interaction(x, y, ago(rng.uniform(0, 200), rng.randrange(8, 23)), "reaction"))
    # A meeting logged with weight multiplier 0: an interaction, not a meaningful one.
    its.append(meet("dan", "eve", ago(3), 60, weight=0.0))
    conns = [
        Connection("ana", "cat", "instagram", "mutual", ago(400)),
        Connection("ben", "cat", "facebook", "mutual", None),
        Connection("ben", "cat", "facebook", "mutual", None),  # the same link twice
    ]
    return dict(
        description="Likes both ways (passive, strength 0), likes plus a mutual connection "
        "(still passive), a bare connection given twice (connected), a meeting with weight "
        "multiplier 0 (passive).",
        interactions=its,
        connections=conns,
        events=[],
        as_of=T,
    )


def dormant_former_strong():
    """Close friends who lost touch, against an acquaintance who did too."""
    its = []
    # Weekly dinners for two years, ending 500 days ago, with calls in between.
    for k in range(104):
        its.append(meet("ola", "pia", ago(500 + 7 * k, 19), minutes=120))
        if k % 3 == 0:
            its.append(Interaction("pia", "ola", ago(503 + 7 * k, 21), "phone_call", 25 * MINUTE))
        its.append(dm("ola" if k % 2 else "pia", "pia" if k % 2 else "ola", ago(502 + 7 * k)))
    # One coffee 400 days ago: low recency, but it never was strong.
    its.append(meet("ola", "quin", ago(400, 10), minutes=40))
    conns = [Connection("ola", "pia", "facebook", "mutual", ago(1300))]
    return dict(
        description="A former strong tie with no contact for 500 days (dormant) and a single "
        "coffee 400 days ago (active: low recency but no fall from a peak).",
        interactions=its,
        connections=conns,
        events=[],
        as_of=T,
    )


def cooling_tie():
    """Regular contact that stopped 100 days ago, and a steady tie beside it."""
    its = []
    for k in range(80):
        d = 100 + 7 * k
        its.append(dm("rex", "sue", ago(d, 10)))
        its.append(dm("sue", "rex", ago(d, 18)))
        if k % 4 == 0:
            its.append(meet("rex", "sue", ago(d + 2, 13), minutes=50))
    for k in range(80):
        d = 2 + 7 * k
        its.append(dm("rex" if k % 3 else "tom", "tom" if k % 3 else "rex", ago(d, 11)))
        if k % 5 == 0:
            its.append(Interaction("tom", "rex", ago(d + 1, 20), "video_call", 40 * MINUTE))
    conns = [
        Connection("rex", "sue", "linkedin", "mutual", ago(600)),
        Connection("rex", "tom", "linkedin", "mutual", ago(600)),
    ]
    return dict(
        description="Weekly DMs and monthly meetings that stopped 100 days ago (cooling: "
        "strength fell by more than 0.1 since T - 90 d, recency still above 0.1), "
        "and a steady weekly tie (active).",
        interactions=its,
        connections=conns,
        events=[],
        as_of=T,
    )


def first_coffee():
    its = [
        meet("uma", "vic", ago(3, 9), minutes=45),
        Interaction("vic", "wes", ago(1, 17), "video_call", 20 * MINUTE),
        Interaction("wes", "uma", ago(0.25, 12), "in_person"),
    ]
    return dict(
        description="A single 45-minute coffee three days ago (one mutual meeting makes a "
        "two-way pair), a first 20-minute video call, a first meeting without a duration.",
        interactions=its,
        connections=[],
        events=[],
        as_of=T,
    )


def weekly_dms(x, y, weeks, start_days=1):
    its = []
    for k in range(weeks):
        d = start_days + 7 * k
        its.append(dm(x, y, ago(d, 9)))
        its.append(dm(y, x, ago(d, 21)))
        if k % 2 == 0:
            its.append(Interaction(y, x, ago(d + 3, 13), "public_reply"))
    return its


def online_only_cap(weeks=None):
    """Weekly DMs both ways; the connection lifts the uncapped score over 0.75."""
    weeks = weeks or ONLINE_ONLY_WEEKS
    its = []
    its += weekly_dms("amy", "bob", weeks)  # no connection: under the cap
    its += weekly_dms("cal", "dee", weeks)  # mutual connection: over it, capped
    its += weekly_dms("eli", "fay", weeks)  # same, plus one meeting: no cap
    its.append(meet("eli", "fay", ago(weeks * 7, 19), minutes=90))
    conns = [
        Connection("cal", "dee", "linkedin", "mutual", ago(800)),
        Connection("eli", "fay", "linkedin", "mutual", ago(800)),
    ]
    return dict(
        description=f"Online-only weekly DMs for {weeks} weeks: without a connection the pair "
        "stays under 0.75; with a mutual connection the uncapped strength passes 0.75 and is "
        "capped; the same plus one in-person meeting is not capped.",
        interactions=its,
        connections=conns,
        events=[],
        as_of=T,
    )


def _tune_online_only_weeks() -> int:
    """Pick the number of weeks that puts amy–bob under the cap and cal–dee over it."""
    for weeks in range(4, 80):
        s = online_only_cap(weeks)
        ref = ReferenceModel(s["interactions"], s["connections"], s["events"])
        plain = ref.evaluate(("amy", "bob"), T)
        linked = ref.evaluate(("cal", "dee"), T)
        if plain.uncapped < 0.745 and linked.uncapped > 0.755:
            return weeks
    raise RuntimeError("no number of weeks brackets the cap")


def group_event_of_five():
    ppl5 = ("gia", "hal", "ida", "jay", "kim")
    party = tuple(f"guest{i:02d}" for i in range(18)) + ("gia", "hal")
    events = [
        # A conference table of five: each pair gets 0.40 × 1/√4 = 0.2, meaningful.
        GroupEvent(ppl5, ago(10, 15)),
        # A dinner of five on in_person, 2 h: 1.0 × 1/2 × clamp(√2) each.
        GroupEvent(ppl5[:3] + ("lou", "max"), ago(40, 20), "in_person", 2 * HOUR, 1.0),
        # A send-off party of 20 at co-attendance: 0.40 / √19 < 0.10, not meaningful.
        GroupEvent(party, ago(5, 22), "event", 3 * HOUR, 1.0),
        # An "event" of two keeps its full weight: 1 / √1.
        GroupEvent(("nia", "oto"), ago(8, 12), "in_person", 45 * MINUTE, 1.0),
    ]
    its = [dm("gia", "hal", ago(2))]
    return dict(
        description="A conference table of five (event channel), a dinner of five (in_person, "
        "2 h), a party of twenty whose pairs are only passive, and a group event of two.",
        interactions=its,
        connections=[],
        events=events,
        as_of=T,
    )


def follows_and_since():
    its = []
    # ana and ben talk; ana follows ben: K = 0.5.
    its += [dm("ana", "ben", ago(30)), dm("ben", "ana", ago(29)), dm("ana", "ben", ago(3))]
    # cat and dan talk; they follow each other on different platforms: K = 1.
    its += [dm("cat", "dan", ago(60)), dm("dan", "cat", ago(58)), meet("cat", "dan", ago(14), 30)]
    conns = [
        Connection("ana", "ben", "x", "follows", ago(200)),
        Connection("cat", "dan", "x", "follows", ago(300)),
        Connection("dan", "cat", "instagram", "follows", ago(10)),
        # A mutual connection dated after T counts for nothing: state none.
        Connection("eve", "fay", "facebook", "mutual", T + 30 * DAY),
        # since == T counts.
        Connection("gus", "hal", "facebook", "mutual", T),
        # ivy follows jon (counts), jon follows ivy only from next month: K = 0.5.
        Connection("ivy", "jon", "x", "follows", ago(50)),
        Connection("jon", "ivy", "x", "follows", T + 31 * DAY),
        # A follow without a date counts.
        Connection("kai", "lea", "x", "follows", None),
        # A one-way follow and a mutual link on another platform: K = 1.
        Connection("mia", "ned", "x", "follows", ago(5)),
        Connection("mia", "ned", "linkedin", "mutual", ago(400)),
    ]
    # ben follows ana back only from one second after T: K stays 0.5.
    conns.append(Connection("ben", "ana", "instagram", "follows", T + 1))
    return dict(
        description="Follows one way (0.5) and both ways across platforms (1), a mutual "
        "connection dated after T (state none), one dated exactly T (connected), an "
        "undated follow, a follow-back dated one second after T (not counted).",
        interactions=its,
        connections=conns,
        events=[],
        as_of=T,
    )


def after_as_of():
    its = []
    # pam–rob: history before T, and a lot after T that must change nothing.
    its += [meet("pam", "rob", ago(200), 60), dm("rob", "pam", ago(150)), dm("pam", "rob", ago(120))]
    its += [meet("pam", "rob", T + k * DAY, 120) for k in range(1, 20)]
    its += [dm("rob", "pam", T + 1)]
    # sol–tia: only after T (none); tia–uli: after T plus a connection (connected).
    its += [meet("sol", "tia", T + 2 * DAY, 60), dm("tia", "uli", T + 1)]
    # Exact boundaries, counted in whole seconds:
    its += [
        meet("vic", "wyn", T),  # Δ = 0: counts
        dm("vic", "wyn", T - 365 * DAY),  # Δ = L: outside the B and M windows
        Interaction("wyn", "vic", T - 364 * DAY, "public_reply"),  # inside
        dm("wyn", "vic", T - 52 * 7 * DAY),  # week index 52 = A: not counted by F
        dm("wyn", "vic", T - 52 * 7 * DAY + 1),  # week index 51: counted
        dm("vic", "wyn", T - 90 * DAY),  # exactly T − 90 d: counts in the cooling evaluation
        Interaction("wyn", "vic", T - 90 * DAY + 1, "phone_call", 600),  # just after: does not
    ]
    conns = [Connection("tia", "uli", "facebook", "mutual", ago(10))]
    return dict(
        description="Interactions after T change nothing; pairs that only meet after T are "
        "none or connected; interactions exactly at T, at T - 365 d (outside L), at week "
        "index 52 and 51, and at T - 90 d.",
        interactions=its,
        connections=conns,
        events=[],
        as_of=T,
    )


def duration_clamp():
    its = []
    cases = [
        ("in_person", 0),  # g = 0.5 (clamped)
        ("in_person", 5 * MINUTE),  # √(1/12) → 0.5 (clamped)
        ("in_person", 15 * MINUTE),  # exactly 0.5
        ("in_person", 30 * MINUTE),  # √0.5
        ("in_person", 60 * MINUTE),  # 1
        ("in_person", 4 * HOUR),  # exactly 2
        ("in_person", 10 * HOUR),  # √10 → 2 (clamped)
        ("video_call", 10),  # clamped low
        ("video_call", 75 * MINUTE),  # √2.5
        ("phone_call", 2 * HOUR),  # √8 → 2
        ("phone_call", 7 * MINUTE),  # √(7/15) → 0.6831
        ("email", 3 * HOUR),  # no typical duration: g = 1
        ("event", 3 * HOUR),  # no typical duration: g = 1
        ("direct_message", 40 * MINUTE),  # no typical duration: g = 1
    ]
    for i, (channel, seconds) in enumerate(cases):
        x, y = f"p{i:02d}", f"q{i:02d}"
        its.append(Interaction(x, y, ago(6 + i, 10), channel, seconds))
        # a reply so that the non-mutual channels are two-way too
        its.append(dm(y, x, ago(5 + i, 18)))
    return dict(
        description="One interaction per pair with durations below, at and above the clamp "
        "[0.5, 2] of √(d / d_typ), and durations on channels without a typical duration.",
        interactions=its,
        connections=[],
        events=[],
        as_of=T,
    )


# --------------------------------------------------------------------------
# Random scenarios
# --------------------------------------------------------------------------

CHANNEL_NAMES = sorted(CHANNELS)
WEIGHTS = [0.5, 0.8, 1.5, 2.5, 3.5]


def random_scenario(seed: int, n_people: int, n_interactions: int, n_events: int, structural=False):
    rng = random.Random(seed)
    as_of = T - rng.randrange(0, 200) * DAY + rng.randrange(0, DAY)
    start = as_of - 730 * DAY
    people = [f"r{i:02d}" for i in range(n_people)]
    all_pairs = [(x, y) for i, x in enumerate(people) for y in people[i + 1 :]]

    # Each related pair gets a profile: when it was active, how busy, how balanced.
    related = rng.sample(all_pairs, k=min(len(all_pairs), max(8, int(n_people * rng.uniform(1.5, 3.5)))))
    profiles = []
    for pair in related:
        a0 = rng.randrange(start, as_of)
        kind = rng.random()
        if kind < 0.15:  # stopped a while ago
            a1 = rng.randrange(a0, as_of)
        elif kind < 0.25:  # continues after T
            a1 = as_of + rng.randrange(1, 30 * DAY)
        else:
            a1 = as_of
        if a1 <= a0:
            a1 = a0 + DAY
        channel_mix = [rng.random() ** 2 for _ in CHANNEL_NAMES]
        profiles.append((pair, a0, a1, rng.random() ** 1.5 * 5 + 0.1, rng.random(), channel_mix))

    rates = [p[3] for p in profiles]
    its = []
    for _ in range(n_interactions):
        pair, a0, a1, _, balance, mix = rng.choices(profiles, weights=rates)[0]
        src, dst = pair if rng.random() < balance else (pair[1], pair[0])
        channel = rng.choices(CHANNEL_NAMES, weights=mix)[0]
        t = rng.randrange(a0, a1 + 1)
        duration = None
        if rng.random() < (0.5 if CHANNELS[channel].typical_duration else 0.08):
            duration = int(math.exp(rng.uniform(math.log(10), math.log(8 * HOUR))))
        weight = 1.0 if rng.random() < 0.85 else rng.choice(WEIGHTS)
        its.append(Interaction(src, dst, t, channel, duration, weight))
    # Make sure every channel appears.
    for channel in CHANNEL_NAMES:
        if not any(it.channel == channel for it in its):
            x, y = rng.choice(related)
            its.append(Interaction(x, y, rng.randrange(start, as_of), channel))

    conns = []
    for x, y in rng.sample(all_pairs, k=len(all_pairs) // 4):
        since = None if rng.random() < 0.2 else rng.randrange(start - 365 * DAY, as_of + 60 * DAY)
        r = rng.random()
        if r < 0.5:
            conns.append(Connection(x, y, rng.choice(["facebook", "linkedin"]), "mutual", since))
        elif r < 0.8:
            conns.append(Connection(x, y, "x", "follows", since))
        else:
            conns.append(Connection(y, x, "x", "follows", since))
            if rng.random() < 0.6:
                conns.append(Connection(x, y, "instagram", "follows", rng.randrange(start, as_of + 30 * DAY)))

    events = []
    for _ in range(n_events):
        size = min(rng.choice([3, 4, 5, 6, 8, 12]), n_people)
        channel = rng.choice(["event", "in_person", "event"])
        duration = rng.choice([None, 90 * MINUTE, 3 * HOUR])
        weight = rng.choice([1.0, 1.0, 1.5])
        events.append(GroupEvent(tuple(rng.sample(people, size)), rng.randrange(start, as_of), channel, duration, weight))

    rng.shuffle(its)
    return dict(
        description=f"Random (seed {seed}): {n_people} people, {len(its)} interactions over two "
        f"years, {len(conns)} connections, {n_events} group events"
        + (", structural overlap S enabled." if structural else "."),
        interactions=its,
        connections=conns,
        events=events,
        as_of=as_of,
        structural=structural,
    )


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def threshold_margins(ref: ReferenceModel, results) -> list[str]:
    """Every place where the scenario sits within THRESHOLD_MARGIN of a threshold."""
    m = ref.model
    problems = []
    for pair, items in ref.pairs.items():
        for s in items:
            if abs(s.w - m.meaningful) < THRESHOLD_MARGIN:
                problems.append(f"{pair}: W = {s.w!r} at t = {s.t}")
    for r in results:
        e = r.evaluation
        pair = (r.a, r.b)
        if e.online_only and abs(e.uncapped - m.cap) < THRESHOLD_MARGIN:
            problems.append(f"{pair}: uncapped strength {e.uncapped!r} at the cap")
        if e.two_way:
            checks = [
                ("f_R", e.components["R"] - m.dormant_recency),
                ("peak drop", r.peak - e.strength - m.dormant_drop),
                ("cooling drop", e.strength - (r.strength_lookback - m.cooling_drop)),
            ]
            for name, margin in checks:
                if abs(margin) < THRESHOLD_MARGIN:
                    problems.append(f"{pair}: {name} at its threshold ({margin!r})")
    return problems


def expected_rows(results) -> list[dict]:
    rows = []
    for r in results:
        e = r.evaluation
        rows.append(
            {
                "a": r.a,
                "b": r.b,
                "strength": e.strength,
                "components": {COMPONENT_NAMES[k]: v for k, v in e.components.items()},
                "two_way": e.two_way,
                "online_only": e.online_only,
                "capped": e.capped,
                "peak": r.peak,
                "state": r.state,
                "from": r.state_from,
                # informative only: the evaluation the cooling rule compares with
                "strength_90d_ago": r.strength_lookback,
            }
        )
    return rows


def interaction_json(it: Interaction) -> dict:
    return {
        "src": it.src,
        "dst": it.dst,
        "t": it.t,
        "channel": it.channel,
        "duration": it.duration,
        "weight": it.weight,
    }


def connection_json(c: Connection) -> dict:
    return {"a": c.a, "b": c.b, "platform": c.platform, "kind": c.kind, "since": c.since}


def event_json(e: GroupEvent) -> dict:
    return {
        "participants": list(e.participants),
        "t": e.t,
        "channel": e.channel,
        "duration": e.duration,
        "weight": e.weight,
    }


def dumps(doc: dict) -> str:
    """JSON with one line per list element: readable diffs, modest size."""
    lines = ["{"]
    keys = list(doc)
    for i, key in enumerate(keys):
        value = doc[key]
        comma = "," if i + 1 < len(keys) else ""
        if isinstance(value, list) and value:
            lines.append(f"  {json.dumps(key)}: [")
            for j, item in enumerate(value):
                item_comma = "," if j + 1 < len(value) else ""
                lines.append("    " + json.dumps(item, allow_nan=False) + item_comma)
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, allow_nan=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_scenario(name: str, scenario: dict) -> dict:
    structural = scenario.get("structural", False)
    ref = ReferenceModel(
        scenario["interactions"], scenario["connections"], scenario["events"], Model(structural=structural)
    )
    results = ref.score_all(scenario["as_of"])
    problems = threshold_margins(ref, results)
    if problems:
        raise RuntimeError(f"{name}: too close to a threshold:\n  " + "\n  ".join(problems))
    for it in scenario["interactions"]:
        assert isinstance(it.t, int) and (it.duration is None or isinstance(it.duration, int))
        assert math.isfinite(effective_weight(it))
    doc = {
        "name": name,
        "description": scenario["description"],
        "generator": "python/tests/make_golden.py (reference: python/tests/reference_model.py)",
        "as_of": scenario["as_of"],
        "model": {"structural": structural},
        "connections": [connection_json(c) for c in scenario["connections"]],
        "events": [event_json(e) for e in scenario["events"]],
        "expected": expected_rows(results),
        "interactions": [interaction_json(it) for it in scenario["interactions"]],
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(dumps(doc))
    return {"name": name, "results": results, "scenario": scenario}


def summary(written: dict) -> str:
    states: dict[str, int] = {}
    for r in written["results"]:
        states[r.state] = states.get(r.state, 0) + 1
    s = written["scenario"]
    n_events = sum(len(expand_event(e)) for e in s["events"])
    capped = sum(r.evaluation.capped for r in written["results"])
    return (
        f"{written['name']:<24} {len(s['interactions']):>5} interactions (+{n_events} from events) "
        f"{len(written['results']):>4} pairs, capped {capped}, states {dict(sorted(states.items()))}"
    )


ONLINE_ONLY_WEEKS = 0


def main() -> None:
    global ONLINE_ONLY_WEEKS
    ONLINE_ONLY_WEEKS = _tune_online_only_weeks()
    scenarios = {
        "unanswered_pitch": unanswered_pitch(),
        "likes_only": likes_only(),
        "dormant_former_strong": dormant_former_strong(),
        "cooling_tie": cooling_tie(),
        "first_coffee": first_coffee(),
        "online_only_cap": online_only_cap(),
        "group_event_of_five": group_event_of_five(),
        "follows_and_since": follows_and_since(),
        "after_as_of": after_as_of(),
        "duration_clamp": duration_clamp(),
        "random_small": random_scenario(101, 10, 200, 1),
        "random_medium": random_scenario(202, 18, 700, 2),
        "random_dense": random_scenario(303, 12, 1200, 1),
        "random_large": random_scenario(404, 30, 2000, 2),
        "random_structural": random_scenario(505, 20, 900, 2, structural=True),
    }
    for old in OUT.glob("*.json"):
        if old.stem not in scenarios:
            old.unlink()
    for name, scenario in scenarios.items():
        print(summary(write_scenario(name, scenario)))


if __name__ == "__main__":
    main()
