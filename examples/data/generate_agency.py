#!/usr/bin/env python3
"""Writes the sample data of a fictional PR agency: people, interactions,
connections and group events over two years (2024-11-25 to 2026-11-24).

    python3 examples/data/generate_agency.py

rewrites people.csv, interactions.csv, connections.csv and events.csv beside
this script. Standard library only, fixed seed: the same Python gives the same
bytes. Everyone and everything in it is made up; domains end in `.example`.

The story: Brightside PR (ten staff) works with ~300 reporters, editors,
analysts and founders at 32 organisations. Each staff member has a portfolio
of contacts, and each staff-contact pair follows one pattern (see `PATTERNS`):
strong and mixed-mode, online-only, one-sided pitching, dormant, cooling,
warming, casual, or passive. Reporters also talk among themselves a little.
Maya Chen, TechWire's senior AI reporter, leaves her outlet in November 2026;
her ties are written by hand (see `MAYA`) so that the send-off example has
strong ties, online-only ties worth taking offline and many weak ones to sort.
Her send-off party (2026-11-20) is deliberately not in the data.
"""

from __future__ import annotations

import csv
import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEED = 20261120
START = datetime(2024, 11, 25, tzinfo=timezone.utc)  # a Monday
END = datetime(2026, 11, 25, tzinfo=timezone.utc)  # exclusive: the last day is 2026-11-24
WEEKS = (END - START).days // 7 + 1
HERE = Path(__file__).resolve().parent

# One interaction: src, dst, time, channel, duration in seconds, weight.
Row = tuple[str, str, datetime, str, "int | None", float]

AGENCY = ("Brightside PR", "brightside-pr.example")
MAYA_KEY = "maya.chen@techwire.example"

# (key, name, role, practice beats)
STAFF = [
    ("ana.reyes", "Ana Reyes", "account director", ["ai", "startups", "enterprise"]),
    ("jonah.pike", "Jonah Pike", "media relations lead", ["ai", "consumer-tech", "cybersecurity"]),
    ("priya.nair", "Priya Nair", "senior account manager", ["ai", "health", "science"]),
    ("tom.becker", "Tom Becker", "account manager", ["fintech", "markets", "crypto"]),
    ("sofia.marin", "Sofia Marin", "account executive", ["startups", "consumer-tech", "retail"]),
    ("lucas.wright", "Lucas Wright", "account executive", ["enterprise", "cybersecurity", "ai"]),
    ("daniel.osei", "Daniel Osei", "senior account manager", ["climate", "mobility", "policy"]),
    ("grace.lindqvist", "Grace Lindqvist", "founder and CEO", ["markets", "policy", "fintech"]),
    ("hugo.tanaka", "Hugo Tanaka", "account manager", ["health", "science", "climate"]),
    ("nadia.haddad", "Nadia Haddad", "account executive", ["fintech", "retail", "startups"]),
]

# (organisation, domain, kind, headcount, beats)
ORGS = [
    ("The Daily Ledger", "dailyledger.example", "newspaper", 20, ["markets", "policy", "fintech", "climate"]),
    ("TechWire", "techwire.example", "news site", 16, ["ai", "startups", "consumer-tech", "cybersecurity"]),
    ("The Morning Signal", "morningsignal.example", "newspaper", 15, ["policy", "health", "climate", "ai"]),
    ("Harbor Business Review", "harborbusiness.example", "magazine", 12, ["enterprise", "markets", "retail"]),
    ("Circuit & Code", "circuitcode.example", "newsletter", 5, ["ai", "enterprise", "cybersecurity"]),
    ("Greenline", "greenline.example", "news site", 11, ["climate", "mobility", "policy"]),
    ("Fintech Brief", "fintechbrief.example", "newsletter", 6, ["fintech", "crypto", "markets"]),
    ("The Northern Courier", "northerncourier.example", "newspaper", 13, ["policy", "retail", "health"]),
    ("Metro Radio News", "metroradio.example", "broadcaster", 9, ["policy", "consumer-tech", "health"]),
    ("C9 Business", "c9business.example", "broadcaster", 9, ["markets", "enterprise", "fintech"]),
    ("Byte Review", "bytereview.example", "magazine", 12, ["consumer-tech", "ai", "cybersecurity"]),
    ("The Startup Post", "startuppost.example", "news site", 12, ["startups", "fintech", "ai"]),
    ("Policy Desk", "policydesk.example", "news site", 7, ["policy", "ai", "climate"]),
    ("Health Pulse", "healthpulse.example", "magazine", 8, ["health", "science"]),
    ("Market Tape", "markettape.example", "wire", 14, ["markets", "fintech", "crypto"]),
    ("Allied Press Wire", "alliedpress.example", "wire", 18, ["policy", "markets", "science", "climate"]),
    ("The Evening Dispatch", "eveningdispatch.example", "newspaper", 13, ["retail", "consumer-tech", "policy"]),
    ("Data Dive", "datadive.example", "newsletter", 4, ["ai", "science"]),
    ("Carbon Weekly", "carbonweekly.example", "newsletter", 6, ["climate", "mobility"]),
    ("Retail Radar", "retailradar.example", "trade press", 7, ["retail", "consumer-tech"]),
    ("The Founder Files", "founderfiles.example", "podcast", 4, ["startups", "ai"]),
    ("Consumer Tech Daily", "ctdaily.example", "news site", 11, ["consumer-tech", "mobility"]),
    ("Enterprise Now", "enterprisenow.example", "trade press", 8, ["enterprise", "cybersecurity", "ai"]),
    ("Science Current", "sciencecurrent.example", "magazine", 8, ["science", "health", "climate"]),
    ("Chain Report", "chainreport.example", "newsletter", 5, ["crypto", "fintech"]),
    ("Northbeam Research", "northbeam.example", "analyst firm", 8, ["ai", "enterprise", "cybersecurity"]),
    ("Quadrant Insights", "quadrant.example", "analyst firm", 7, ["fintech", "markets", "retail"]),
    ("Meridian Analytics", "meridian-analytics.example", "analyst firm", 6, ["climate", "mobility", "health"]),
    ("Lumen AI", "lumen-ai.example", "startup", 5, ["ai", "enterprise"]),
    ("Pennywise Pay", "pennywise.example", "startup", 5, ["fintech", "startups"]),
    ("Verdant Grid", "verdantgrid.example", "startup", 5, ["climate", "mobility"]),
    ("Atlas Health", "atlashealth.example", "startup", 5, ["health", "ai"]),
]

MEDIA_ROLES = [("reporter", 10), ("senior reporter", 4), ("editor", 2), ("news editor", 1), ("columnist", 1)]
KIND_ROLES = {
    "newsletter": [("newsletter writer", 3), ("editor", 1)],
    "broadcaster": [("producer", 3), ("correspondent", 3), ("presenter", 1)],
    "podcast": [("host", 1), ("producer", 2)],
    "analyst firm": [("analyst", 4), ("principal analyst", 1)],
    "startup": [("founder", 1), ("co-founder", 1), ("head of communications", 1)],
}

FIRST = """Aisha Alex Amara Andre Ava Ben Bianca Carlos Chloe Chris Dana David Diego Elena Eli Emma Eric
Fatima Felix Gabriel Hana Hannah Ian Ines Isaac Jade James Jana Javier Jin Joel Julia Kai Karin Kenji
Kofi Laura Leila Leo Liam Lina Lucy Malik Marco Maria Mateo Mei Mia Nate Nina Noah Olga Omar Owen
Paula Pedro Quinn Rafael Rachel Ravi Rosa Ruth Sam Sara Sean Simone Sven Tariq Tessa Theo Una Vera
Victor Wen Yara Yusuf Zoe Zara""".split()
LAST = """Abbott Adeyemi Alvarez Andersen Baptiste Barros Bauer Bell Brennan Castillo Chowdhury Costa
Cruz Dahl Das Duarte Ellis Evans Fischer Flores Foster Fraser Garcia Grant Gupta Hale Hansen Herrera
Hughes Ito Iyer Jensen Kaur Khan Kim Kowalski Kruger Larsen Lee Lopez Mendes Meyer Moreau Morris Murphy
Nakamura Nguyen Novak Obi Okafor Olsen Ortiz Park Patel Perez Quinn Ramos Reid Rossi Saito Santos Schmidt
Shah Silva Singh Sousa Stone Suzuki Tan Torres Varga Vogel Walsh Weber Wong Yilmaz Young Zhang""".split()


@dataclass
class Person:
    key: str
    name: str
    organisation: str
    role: str
    tags: list[str]


@dataclass
class Rates:
    """Expected events per week at full activity, by (channel, who starts).

    `a` is the staff member (or the first person), `b` the contact. Email
    from `a` is answered by `b` with probability `reply`.
    """

    email_a: float = 0.0
    email_b: float = 0.0
    reply: float = 0.0
    dm_a: float = 0.0
    dm_b: float = 0.0
    phone: float = 0.0
    video: float = 0.0
    meet: float = 0.0
    public_a: float = 0.0
    public_b: float = 0.0
    like_a: float = 0.0
    like_b: float = 0.0


MIXED = Rates(email_a=0.24, email_b=0.08, reply=0.65, dm_a=0.14, dm_b=0.14, phone=0.07, video=0.04,
              meet=0.1, public_a=0.03, public_b=0.03, like_a=0.07, like_b=0.07)
ONLINE = Rates(email_a=0.08, email_b=0.03, reply=0.55, dm_a=0.5, dm_b=0.45, public_a=0.06, public_b=0.06,
               like_a=0.08, like_b=0.08)
CASUAL = Rates(email_a=0.09, email_b=0.02, reply=0.35, phone=0.01, like_a=0.03, like_b=0.03)
ONE_SIDED = Rates(email_a=0.1, like_a=0.05)
PASSIVE = Rates(like_b=0.04)


@dataclass
class Pattern:
    """How a pair's activity moves over the two years."""

    rates: Rates
    shape: str  # steady | dormant | cooling | warming
    share: float  # share of staff-contact pairs drawn with it


PATTERNS = {
    "mixed": Pattern(MIXED, "steady", 0.05),
    "online_only": Pattern(ONLINE, "steady", 0.045),
    "casual": Pattern(CASUAL, "steady", 0.35),
    "one_sided": Pattern(ONE_SIDED, "steady", 0.25),
    "passive": Pattern(PASSIVE, "steady", 0.12),
    "dormant": Pattern(MIXED, "dormant", 0.05),
    "cooling": Pattern(MIXED, "cooling", 0.06),
    "warming": Pattern(MIXED, "warming", 0.06),
}

# Maya's ties, by hand: (other person, pattern, activity multiplier)
MAYA = [
    ("ana.reyes@brightside-pr.example", "mixed", 2.2),
    ("jonah.pike@brightside-pr.example", "mixed", 1.6),
    ("priya.nair@brightside-pr.example", "mixed", 1.1),
    ("lucas.wright@brightside-pr.example", "online_only", 1.5),
    ("sofia.marin@brightside-pr.example", "online_only", 1.1),
    ("hugo.tanaka@brightside-pr.example", "online_only", 0.8),
    ("daniel.osei@brightside-pr.example", "dormant", 1.2),
    ("tom.becker@brightside-pr.example", "one_sided", 1.0),
    ("nadia.haddad@brightside-pr.example", "one_sided", 0.8),
    ("grace.lindqvist@brightside-pr.example", "casual", 0.7),
]


class Sim:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.rows: list[Row] = []

    # ----- random helpers ------------------------------------------------

    def poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        limit, k, p = math.exp(-lam), 0, 1.0
        while True:
            p *= self.rng.random()
            if p <= limit:
                return k
            k += 1

    def moment(self, week: int, hours: tuple[int, int] = (8, 19), weekend: float = 0.04) -> datetime:
        """A working-hours moment in the given week."""
        day = self.rng.randrange(5, 7) if self.rng.random() < weekend else self.rng.randrange(5)
        hour = self.rng.randrange(*hours)
        return START + timedelta(weeks=week, days=day, hours=hour, minutes=self.rng.randrange(0, 60, 5))

    def activity(self) -> float:
        """Heavy-tailed activity multiplier of one pair."""
        return min(3.0, max(0.15, self.rng.lognormvariate(-0.45, 0.7)))

    # ----- output --------------------------------------------------------

    def add(self, src: str, dst: str, at: datetime, channel: str, duration: int | None = None,
            weight: float = 1.0) -> None:
        if START <= at < END:
            self.rows.append((src, dst, at, channel, duration, weight))

    # ----- one pair over time --------------------------------------------

    def level(self, shape: str, week: int, turn: int) -> float:
        """Activity of a pair in a week, before noise; `turn` is the pair's turning week."""
        if shape == "dormant":
            return 1.0 if week <= turn else 0.0
        if shape == "cooling":
            return 1.0 if week <= turn else max(0.04, 0.5 ** ((week - turn) / 7))
        if shape == "warming":
            return 0.0 if week < turn else min(1.1, 0.25 + (week - turn) / 18)
        return 1.0

    def turn_week(self, shape: str) -> int:
        def week_of(y: int, m: int, d: int) -> int:
            return (datetime(y, m, d, tzinfo=timezone.utc) - START).days // 7

        if shape == "dormant":  # strong through 2025, silent for the last ten to twelve months
            return self.rng.randint(week_of(2025, 11, 24), week_of(2026, 1, 5))
        if shape == "cooling":
            return self.rng.randint(week_of(2026, 3, 15), week_of(2026, 6, 30))
        if shape == "warming":
            return self.rng.randint(week_of(2025, 4, 1), week_of(2026, 2, 28))
        return 0

    def pair(self, a: str, b: str, pattern: Pattern, act: float) -> None:
        r, rng = pattern.rates, self.rng
        turn = self.turn_week(pattern.shape)
        for w in range(WEEKS):
            lvl = self.level(pattern.shape, w, turn)
            if lvl == 0:
                continue
            monday = START + timedelta(weeks=w)
            season = 0.45 if monday.month == 8 or monday.strftime("%m-%d") >= "12-20" else 1.0  # holidays
            k = act * lvl * season * rng.lognormvariate(-0.08, 0.4)  # bursty weeks
            for _ in range(self.poisson(k * r.email_a)):
                at = self.moment(w)
                self.add(a, b, at, "email", weight=0.5 if rng.random() < 0.04 else 1.0)
                if rng.random() < r.reply:
                    self.add(b, a, at + timedelta(minutes=int(rng.lognormvariate(5.3, 1.1))), "email")
            for _ in range(self.poisson(k * r.email_b)):
                at = self.moment(w)
                self.add(b, a, at, "email")
                if rng.random() < 0.8:
                    self.add(a, b, at + timedelta(minutes=int(rng.lognormvariate(4.0, 1.0))), "email")
            for n, src, dst in ((r.dm_a, a, b), (r.dm_b, b, a)):
                for _ in range(self.poisson(k * n)):
                    self.add(src, dst, self.moment(w, (7, 22), 0.15), "direct_message")
            for _ in range(self.poisson(k * r.phone)):
                src, dst = (a, b) if rng.random() < 0.6 else (b, a)
                self.add(src, dst, self.moment(w), "phone_call", 60 * rng.randint(3, 35))
            for _ in range(self.poisson(k * r.video)):
                src, dst = (a, b) if rng.random() < 0.7 else (b, a)
                self.add(src, dst, self.moment(w, (9, 18)), "video_call", 60 * rng.choice([15, 20, 25, 30, 45, 60]))
            for _ in range(self.poisson(min(1.0, k) * r.meet)):
                src, dst = (a, b) if rng.random() < 0.7 else (b, a)
                slot = rng.choice([(8, 10), (12, 14), (17, 20)])
                self.add(src, dst, self.moment(w, slot, 0.0), "in_person", 60 * rng.choice([30, 45, 60, 75, 90, 120]))
            for n, src, dst in ((r.public_a, a, b), (r.public_b, b, a)):
                for _ in range(self.poisson(k * n)):
                    self.add(src, dst, self.moment(w, (7, 23), 0.25), "public_reply")
            for n, src, dst in ((r.like_a, a, b), (r.like_b, b, a)):
                for _ in range(self.poisson(k * n)):
                    self.add(src, dst, self.moment(w, (7, 23), 0.3), "reaction")


def make_people(rng: random.Random) -> tuple[list[Person], dict[str, list[Person]]]:
    """Staff first, then every organisation's people; `by_org` maps a domain to its people."""
    org_name, domain = AGENCY
    people = [Person(f"{k}@{domain}", n, org_name, role, ["agency", *beats]) for k, n, role, beats in STAFF]
    taken = {p.name for p in people} | {"Maya Chen"}
    by_org: dict[str, list[Person]] = {}
    for name, dom, kind, size, beats in ORGS:
        roles = KIND_ROLES.get(kind, MEDIA_ROLES)
        members: list[Person] = []
        if dom == "techwire.example":
            members.append(Person(MAYA_KEY, "Maya Chen", name, "senior reporter",
                                  ["press", "ai", "startups", "leaving"]))
        while len(members) < size:
            full = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if full in taken:
                continue
            taken.add(full)
            role = rng.choices([r for r, _ in roles], [w for _, w in roles])[0]
            if kind == "startup" and not any(m.role == "founder" for m in members):
                role = "founder"
            own = rng.sample(beats, k=min(len(beats), rng.choice([1, 1, 2])))
            group = {"analyst firm": "analyst", "startup": "client"}.get(kind, "press")
            key = full.lower().replace(" ", ".") + "@" + dom
            members.append(Person(key, full, name, role, [group, *own]))
        by_org[dom] = members
        people.extend(members)
    return people, by_org


def weighted_sample(rng: random.Random, items: list[Person], weights: list[float], k: int) -> list[Person]:
    """k distinct items, drawn with probability proportional to weight (Efraimidis-Spirakis)."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights) if w > 0), reverse=True)
    return [items[i] for _, i in keyed[:k]]


def main() -> None:
    rng_people = random.Random(SEED)
    people, by_org = make_people(rng_people)
    sim = Sim(SEED + 1)
    rng = sim.rng
    staff = people[: len(STAFF)]
    outside = people[len(STAFF):]
    maya = next(p for p in people if p.key == MAYA_KEY)
    pattern_of: dict[tuple[str, str], str] = {}

    # 1. Each staff member's portfolio: contacts on their beats, heavy-tailed size.
    names, shares = list(PATTERNS), [p.share for p in PATTERNS.values()]
    portfolios: dict[str, list[Person]] = {}
    for s in staff:
        size = min(90, int(18 + rng.paretovariate(1.5) * 12))
        weights = [0.15 + len(set(p.tags) & set(s.tags)) for p in outside]
        portfolio = [p for p in weighted_sample(rng, outside, weights, size) if p.key != MAYA_KEY]
        portfolios[s.key] = portfolio
        for p in portfolio:
            name = rng.choices(names, shares)[0]
            if "client" in p.tags:  # clients' founders talk to their account team a lot
                name = rng.choice(["mixed", "mixed", "online_only", "casual"])
            pattern_of[(s.key, p.key)] = name
            sim.pair(s.key, p.key, PATTERNS[name], sim.activity())
    for other, name, act in MAYA:
        pattern_of[(other, MAYA_KEY)] = name
        sim.pair(other, MAYA_KEY, PATTERNS[name], act)
        portfolios[other].append(maya)

    # 2. Staff among themselves: chat and the odd coffee.
    team = Rates(dm_a=0.3, dm_b=0.3, meet=0.05, like_a=0.03, like_b=0.03)
    for i, s in enumerate(staff):
        for t in staff[i + 1:]:
            if rng.random() < 0.45:
                sim.pair(s.key, t.key, Pattern(team, "steady", 0), sim.activity())

    # 3. Mass pitches and the agency newsletter (broadcast).
    for s in staff:
        for w in range(WEEKS):
            if rng.random() < 0.15:
                at = sim.moment(w, (8, 11), 0.0)
                for p in portfolios[s.key]:
                    if rng.random() < 0.35 and pattern_of[(s.key, p.key)] != "dormant":
                        sim.add(s.key, p.key, at, "broadcast")

    # 4. Reporters among themselves: colleagues, and peers on the same beat.
    colleague = Rates(email_a=0.05, email_b=0.05, reply=0.6, dm_a=0.12, dm_b=0.12, meet=0.025,
                      like_a=0.04, like_b=0.04)
    peer = Rates(public_a=0.04, public_b=0.04, like_a=0.06, like_b=0.06, dm_a=0.01, dm_b=0.01)
    press = [p for p in outside if "press" in p.tags]
    for members in by_org.values():
        for i, p in enumerate(members):
            for q in members[i + 1:]:
                if "press" in p.tags and rng.random() < (0.6 if MAYA_KEY in (p.key, q.key) else 0.07):
                    sim.pair(p.key, q.key, Pattern(colleague, "steady", 0), sim.activity())
    for i, p in enumerate(press):
        for q in press[i + 1:]:
            if p.organisation != q.organisation and set(p.tags[1:]) & set(q.tags[1:]) and rng.random() < 0.012:
                sim.pair(p.key, q.key, Pattern(peer, "steady", 0), sim.activity())

    # 5. Founders and analysts pitch reporters themselves; most go unanswered.
    pitch = Rates(email_a=0.06, reply=0.12, like_a=0.02)
    for p in outside:
        if p.role in ("founder", "co-founder", "head of communications", "principal analyst"):
            beat = set(p.tags[1:])
            targets = [q for q in press if beat & set(q.tags[1:])]
            for q in rng.sample(targets, k=min(len(targets), rng.randint(6, 14))):
                sim.pair(p.key, q.key, Pattern(pitch, "steady", 0), sim.activity())
            if "ai" in beat or "startups" in beat:
                sim.pair(p.key, MAYA_KEY, Pattern(pitch, "steady", 0), sim.activity() * 0.8)

    # 6. Maya announces that she is leaving (2026-11-02): congratulations pour in.
    announced = datetime(2026, 11, 2, 9, 30, tzinfo=timezone.utc)
    for p in rng.sample(outside, k=70) + staff:
        if p.key == MAYA_KEY:
            continue
        at = announced + timedelta(minutes=int(rng.expovariate(1 / 900)))
        sim.add(p.key, MAYA_KEY, at, "reaction")
        if rng.random() < 0.4:
            sim.add(p.key, MAYA_KEY, at + timedelta(minutes=rng.randint(1, 30)), "public_reply")

    write_people(people)
    write_interactions(sim.rows)
    write_connections(rng, staff, outside, press, pattern_of)
    write_events(rng, staff, outside, maya, pattern_of)


def rfc3339(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_people(people: list[Person]) -> None:
    with open(HERE / "people.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "name", "organisation", "role", "tags"])
        for p in people:
            w.writerow([p.key, p.name, p.organisation, p.role, ";".join(p.tags)])


def write_interactions(rows: list[Row]) -> None:
    rows.sort(key=lambda r: (r[2], r[0], r[1], r[3]))
    with open(HERE / "interactions.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["src", "dst", "time", "channel", "duration", "weight"])
        for src, dst, at, channel, duration, weight in rows:
            w.writerow([src, dst, rfc3339(at), channel, "" if duration is None else duration, f"{weight:g}"])


def random_since(rng: random.Random, latest: datetime) -> str:
    """Empty for about a third of links; otherwise a date between 2016 and `latest`."""
    if rng.random() < 0.35:
        return ""
    earliest = datetime(2016, 1, 1, tzinfo=timezone.utc)
    span = max(1, (latest - earliest).days)
    return rfc3339(earliest + timedelta(days=int(span * rng.random() ** 0.6), hours=rng.randint(8, 20)))


def write_connections(rng: random.Random, staff: list[Person], outside: list[Person], press: list[Person],
                      pattern_of: dict[tuple[str, str], str]) -> None:
    # chance of (LinkedIn connection, staff follows contact on X, contact follows staff on X)
    odds = {
        "mixed": (0.9, 0.9, 0.7), "online_only": (0.6, 0.95, 0.85), "casual": (0.4, 0.7, 0.2),
        "one_sided": (0.12, 0.8, 0.02), "passive": (0.2, 0.5, 0.05), "dormant": (0.85, 0.8, 0.5),
        "cooling": (0.8, 0.85, 0.5), "warming": (0.5, 0.8, 0.4),
    }
    rows: list[tuple[str, str, str, str, str]] = []
    end = END - timedelta(days=1)
    for (mine, theirs), name in pattern_of.items():
        linkedin, i_follow, they_follow = odds[name]
        if rng.random() < linkedin:
            rows.append((mine, theirs, "linkedin", "mutual", random_since(rng, end)))
        if rng.random() < i_follow:
            rows.append((mine, theirs, "x", "follows", random_since(rng, end)))
        if rng.random() < they_follow:
            rows.append((theirs, mine, "x", "follows", random_since(rng, end)))
    # bare links: staff connected to people they never talk to
    for s in staff:
        for p in rng.sample(outside, k=rng.randint(8, 20)):
            if (s.key, p.key) not in pattern_of:
                rows.append((s.key, p.key, "linkedin", "mutual", random_since(rng, end)))
    # reporters follow each other on X, a lot within an outlet and a beat
    for p in press:
        for q in press:
            if p is q:
                continue
            same_org = p.organisation == q.organisation
            same_beat = bool(set(p.tags[1:]) & set(q.tags[1:]))
            chance = 0.5 if same_org else 0.06 if same_beat else 0.004
            if q.key == MAYA_KEY:
                chance *= 3  # a well-known reporter
            if rng.random() < chance:
                rows.append((p.key, q.key, "x", "follows", random_since(rng, end)))
    rows.sort()
    with open(HERE / "connections.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b", "platform", "kind", "since"])
        w.writerows(rows)


# (name, time, channel, duration in minutes, beats, size, staff count, Maya there)
EVENTS = [
    ("Lumen AI product launch", "2025-01-22T18:00:00Z", "event", 150, ["ai", "enterprise"], 34, 4, True),
    ("Fintech press breakfast", "2025-03-12T08:00:00Z", "event", 90, ["fintech", "markets"], 12, 3, False),
    ("TechWire Summit 2025", "2025-05-20T09:00:00Z", "event", 480, ["ai", "startups", "consumer-tech"], 60, 5, True),
    ("Climate reporters' dinner", "2025-06-18T19:00:00Z", "in_person", 180, ["climate", "mobility"], 9, 2, False),
    ("Pennywise Pay series B briefing", "2025-09-10T15:00:00Z", "video_call", 45, ["fintech"], 8, 2, False),
    ("Brightside autumn press drinks", "2025-10-15T18:30:00Z", "event", 180, [], 45, 8, True),
    ("Year-end editors' lunch", "2025-12-04T12:30:00Z", "in_person", 120, ["policy", "markets"], 9, 3, False),
    ("Verdant Grid launch", "2026-02-25T17:00:00Z", "event", 120, ["climate", "mobility"], 25, 3, False),
    ("TechWire Summit 2026", "2026-05-19T09:00:00Z", "event", 480, ["ai", "startups", "cybersecurity"], 58, 5, True),
    ("AI policy roundtable", "2026-07-08T14:00:00Z", "event", 120, ["ai", "policy"], 14, 2, True),
    ("Atlas Health press day", "2026-09-23T10:00:00Z", "event", 240, ["health", "science"], 20, 3, False),
    ("Brightside 10th anniversary party", "2026-10-21T19:00:00Z", "event", 240, [], 55, 9, True),
]


def write_events(rng: random.Random, staff: list[Person], outside: list[Person], maya: Person,
                 pattern_of: dict[tuple[str, str], str]) -> None:
    # people with a live tie to the agency are likelier to come
    close = {p for (_, p), n in pattern_of.items() if n in ("mixed", "online_only", "warming", "cooling")}
    maya_pattern = {other: name for other, name, _ in MAYA}
    with open(HERE / "events.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "time", "channel", "duration", "participants"])
        for name, at, channel, minutes, beats, size, n_staff, with_maya in EVENTS:
            hosts = [s for s in staff if not beats or set(beats) & set(s.tags)]
            if with_maya and size <= 17:
                # co-attending a small event is a real meeting (group weight 1/sqrt(n-1) keeps it
                # meaningful): keep it to the staff who do meet her, so her online-only ties stay so
                hosts = [s for s in hosts if maya_pattern.get(s.key) == "mixed"]
            hosts = rng.sample(hosts, k=min(n_staff, len(hosts)))
            guests = [p for p in outside if p.key != MAYA_KEY]
            weights = [(3.0 if p.key in close else 0.5) * ((0.2 + len(set(beats) & set(p.tags))) if beats else 1.0)
                       for p in guests]
            chosen = [maya] if with_maya else []
            chosen += weighted_sample(rng, guests, weights, size - len(hosts) - len(chosen))
            keys = [p.key for p in hosts + chosen]
            w.writerow([name, at, channel, minutes * 60, ";".join(keys)])


if __name__ == "__main__":
    main()
