"""Second, independent implementation of the default tie-strength model.

This module is written from the contract page ``design/scoring-model.md`` only
(standard library, ``math``), so that the Rust scorer in
``crates/tiegraph/src/score/`` can be checked against it: the contract says
"Two independent implementations written from this page must agree to 1e-9 on
every tie". ``make_golden.py`` runs it over small scenarios and writes the
expected values that ``crates/tiegraph/tests/it/golden.rs`` checks.

It favours reading like the page over speed: every evaluation of a pair at a
time T starts again from the pair's raw interactions.

Inputs
------
* interactions: ``Interaction(src, dst, t, channel, duration=None, weight=1.0)``
  with ``t`` in integer Unix seconds and ``duration`` in seconds or ``None``;
* connections: ``Connection(a, b, platform, kind, since=None)`` with ``kind``
  ``"mutual"`` or ``"follows"`` (a follows b) and ``since`` in seconds;
* group events: ``GroupEvent(participants, t, channel="event", duration=None,
  weight=1.0)``;
* ``as_of`` T in integer seconds and the model options (only ``structural``).

Output, per unordered pair: the components R I D F B M K (and S when
enabled), the strength, ``two_way``, ``online_only``, ``capped``, ``peak`` and
the state (``dormant``, ``cooling``, ``active``, ``one_sided`` with ``from``,
``passive``, ``connected``, ``none``).

Where the page is ambiguous, and the reading taken here
--------------------------------------------------------
1.  Time. The page speaks of days; this implementation keeps whole seconds:
    Δ(t) = T − t in integer seconds, every half-life or time constant is
    ``days × 86400``, the week index is the integer ``Δ // 604800``, and the
    windows ``Δ < L`` compare integers. So "Δ < 365 d" excludes an
    interaction exactly 365 × 86400 s before T.
2.  R and D of a pair where a side has no meaningful interaction (``last_x``
    or ``first_x`` undefined): the page defines them only through min/max of
    the two sides. Reading: f_R = 0 and f_D = 0 (the missing side counts as
    "never", i.e. infinitely long ago for R and zero elapsed time for D).
    F is then 0 by its own formula (min(weeks) = 0).
3.  I, B and M of a pair that is not two-way: the page defines them for any
    pair, so they are computed and reported as the formulas give (I and B sum
    every interaction of E_x, meaningful or not; B of two empty sides is
    (0 + 1) / (0 + 2) = 0.5). They do not enter the strength (which is
    ω_K K / Σω for such a pair).
4.  S (structural overlap, when enabled) is defined on the graph of two-way
    ties at T, i.e. for pairs that are an edge of that graph. A pair that is
    not two-way at T reports S = 0. For a two-way pair, k_a and k_b are the
    degrees in that graph (each including the edge a–b), n_ab the number of
    common neighbours. Each evaluation time (T, T − 90 d, the peak times)
    uses the two-way graph at its own time.
5.  ``online_only`` is reported for two-way pairs only: two-way and no
    meaningful interaction of class offline or synchronous at or before T
    (exactly the pairs the cap applies to). A pair that is not two-way has
    ``online_only = false``.
6.  ``capped`` means the cap changed the value: online-only and the uncapped
    strength was above 0.75. (An online-only pair below the cap is not
    "capped".)
7.  Peak: the page says "at the times of the pair's meaningful interactions
    (each as its own T) and at T". Reading: the meaningful interactions with
    t ≤ T (the state is computed "counting only what happened at or before
    T"), from either side, each evaluated with the whole model (cap
    included, connections by ``since``, S on the graph at that time). It is
    reported for every pair, two-way or not.
8.  Cooling: strength(T − 90 d) is a full evaluation at T' = T − 90 × 86400,
    counting interactions with t ≤ T' and connections with since ≤ T' (or
    no since); a pair not two-way at T' scores ω_K K(T') / Σω there.
9.  K: "a mutual connection (or follows both ways)" — any mutual connection,
    or a follow a→b and a follow b→a, on any platforms (they need not be the
    same), each counting (since ≤ T or no since). A single counting follow in
    one direction only gives 0.5.
10. Group events: each pair of participants (in listed order, the earlier
    listed one as ``src``) gets one interaction on the event's channel (default
    ``event``), with the event's duration, and multiplier ``m / √(n − 1)``.
    The page writes "m × 1/√(n−1)"; the two differ by at most one ulp.
11. ``Passive``: the pair has interactions at or before T, none of them
    meaningful. ``Connected``: a connection that counts at T (since ≤ T or no
    since) and no interaction at or before T. ``OneSided.from``: the one side
    whose E_x holds a meaningful interaction (a meaningful mutual-channel
    interaction would count for both sides and make the pair two-way, so
    this is also the initiator of every meaningful interaction).
12. Floating point. The page does not fix the order of the operations, so
    results exactly at a threshold (W = 0.10, the cap 0.75, the state
    thresholds) may fall either side in two implementations. Products are
    taken in the page's order (w_c × m × g); ``make_golden.py`` checks that
    no scenario sits within 1e-9 of a threshold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

DAY = 86_400
WEEK = 7 * DAY

# Channel classes of the page, and the four that multiplexity counts.
OFFLINE = "offline"
SYNCHRONOUS = "synchronous"
PRIVATE_WRITTEN = "private_written"
PUBLIC_DIRECTED = "public_directed"
BROADCAST = "broadcast"
ONE_CLICK = "one_click"
MULTIPLEX_CLASSES = (OFFLINE, SYNCHRONOUS, PRIVATE_WRITTEN, PUBLIC_DIRECTED)


@dataclass(frozen=True)
class Channel:
    """One row of the page's built-in channel table."""

    name: str
    mode: str  # "offline" or "online"
    cls: str
    weight: float
    mutual: bool
    typical_duration: int | None  # seconds


CHANNELS = {
    c.name: c
    for c in (
        Channel("in_person", "offline", OFFLINE, 1.00, True, 60 * 60),
        Channel("event", "offline", OFFLINE, 0.40, True, None),
        Channel("video_call", "online", SYNCHRONOUS, 0.80, True, 30 * 60),
        Channel("phone_call", "online", SYNCHRONOUS, 0.60, True, 15 * 60),
        Channel("email", "online", PRIVATE_WRITTEN, 0.30, False, None),
        Channel("direct_message", "online", PRIVATE_WRITTEN, 0.30, False, None),
        Channel("public_reply", "online", PUBLIC_DIRECTED, 0.15, False, None),
        Channel("broadcast", "online", BROADCAST, 0.05, False, None),
        Channel("reaction", "online", ONE_CLICK, 0.03, False, None),
    )
}


@dataclass(frozen=True)
class Interaction:
    src: str
    dst: str
    t: int
    channel: str
    duration: int | None = None
    weight: float = 1.0


@dataclass(frozen=True)
class Connection:
    a: str
    b: str
    platform: str
    kind: str  # "mutual" or "follows" (a follows b)
    since: int | None = None


@dataclass(frozen=True)
class GroupEvent:
    participants: tuple[str, ...]
    t: int
    channel: str = "event"
    duration: int | None = None
    weight: float = 1.0


@dataclass(frozen=True)
class Model:
    """The page's defaults. Only ``structural`` is varied by the scenarios."""

    structural: bool = False
    w_r: float = 0.25
    w_i: float = 0.25
    w_d: float = 0.15
    w_f: float = 0.10
    w_b: float = 0.10
    w_m: float = 0.10
    w_k: float = 0.05
    w_s: float = 0.05
    h_r_days: float = 90.0
    h_i_days: float = 180.0
    kappa: float = 3.0
    tau_d_days: float = 365.0
    a_weeks: int = 52
    l_days: int = 365
    meaningful: float = 0.10
    cap: float = 0.75
    cooling_lookback_days: int = 90
    cooling_drop: float = 0.1
    dormant_recency: float = 0.1
    dormant_drop: float = 0.3

    def weight_sum(self) -> float:
        total = self.w_r + self.w_i + self.w_d + self.w_f + self.w_b + self.w_m + self.w_k
        if self.structural:
            total += self.w_s
        return total


def expand_event(event: GroupEvent) -> list[Interaction]:
    """One interaction per pair of participants, multiplier m / √(n − 1)."""
    people = list(event.participants)
    n = len(people)
    if n < 2:
        raise ValueError("a group event needs at least two participants")
    m = event.weight / math.sqrt(n - 1)
    out = []
    for i in range(n):
        for j in range(i + 1, n):
            out.append(Interaction(people[i], people[j], event.t, event.channel, event.duration, m))
    return out


def effective_weight(it: Interaction) -> float:
    """W = w_c × m × g, g = clamp(√(d / d_typ), 0.5, 2) when both are known."""
    channel = CHANNELS[it.channel]
    g = 1.0
    if it.duration is not None and channel.typical_duration is not None:
        g = min(max(math.sqrt(it.duration / channel.typical_duration), 0.5), 2.0)
    return channel.weight * it.weight * g


@dataclass(frozen=True)
class Scored:
    """An interaction of a pair, with what the model needs to know about it."""

    t: int
    src: str
    cls: str
    mutual: bool
    w: float
    meaningful: bool

    def counts_for(self, x: str) -> bool:
        return self.mutual or self.src == x


def pair_key(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x <= y else (y, x)


@dataclass
class Evaluation:
    """The model at one time T for one pair (before the state rules)."""

    components: dict[str, float]
    strength: float
    two_way: bool
    online_only: bool
    capped: bool
    sides_meaningful: tuple[bool, bool] = (False, False)
    uncapped: float = 0.0


@dataclass
class Result:
    a: str
    b: str
    evaluation: Evaluation
    peak: float
    strength_lookback: float
    state: str
    state_from: str | None = None
    extra: dict = field(default_factory=dict)


class ReferenceModel:
    def __init__(
        self,
        interactions: list[Interaction],
        connections: list[Connection],
        events: list[GroupEvent] | None = None,
        model: Model | None = None,
    ) -> None:
        self.model = model or Model()
        everything = list(interactions)
        for event in events or []:
            everything.extend(expand_event(event))

        self.pairs: dict[tuple[str, str], list[Scored]] = {}
        for it in everything:
            if it.src == it.dst:
                raise ValueError(f"self-interaction of {it.src!r}")
            if it.channel not in CHANNELS:
                raise ValueError(f"unknown channel {it.channel!r}; known: {sorted(CHANNELS)}")
            channel = CHANNELS[it.channel]
            w = effective_weight(it)
            scored = Scored(it.t, it.src, channel.cls, channel.mutual, w, w >= self.model.meaningful)
            self.pairs.setdefault(pair_key(it.src, it.dst), []).append(scored)

        self.connections: dict[tuple[str, str], list[Connection]] = {}
        for c in connections:
            self.connections.setdefault(pair_key(c.a, c.b), []).append(c)

        # When each pair becomes two-way: both sides have a meaningful interaction,
        # i.e. T ≥ max(first meaningful t of side a, of side b). Used for S.
        self.two_way_since: dict[tuple[str, str], int] = {}
        for (a, b), items in self.pairs.items():
            firsts = []
            for x in (a, b):
                ts = [s.t for s in items if s.meaningful and s.counts_for(x)]
                if ts:
                    firsts.append(min(ts))
            if len(firsts) == 2:
                self.two_way_since[(a, b)] = max(firsts)

    # -- the pieces -------------------------------------------------------

    def all_pairs(self) -> list[tuple[str, str]]:
        return sorted(set(self.pairs) | set(self.connections))

    def connection_feature(self, pair: tuple[str, str], T: int) -> float:
        a, b = pair
        mutual = False
        a_follows_b = False
        b_follows_a = False
        for c in self.connections.get(pair, []):
            if c.since is not None and c.since > T:
                continue
            if c.kind == "mutual":
                mutual = True
            elif c.kind == "follows":
                if c.a == a:
                    a_follows_b = True
                else:
                    b_follows_a = True
            else:
                raise ValueError(f"unknown connection kind {c.kind!r}")
        if mutual or (a_follows_b and b_follows_a):
            return 1.0
        if a_follows_b or b_follows_a:
            return 0.5
        return 0.0

    def has_connection_at(self, pair: tuple[str, str], T: int) -> bool:
        return any(c.since is None or c.since <= T for c in self.connections.get(pair, []))

    def structural_overlap(self, pair: tuple[str, str], T: int) -> float:
        """Onnela's overlap on the graph of two-way pairs at T."""
        if self.two_way_since.get(pair, T + 1) > T:
            return 0.0
        neighbours: dict[str, set[str]] = {}
        for (x, y), since in self.two_way_since.items():
            if since <= T:
                neighbours.setdefault(x, set()).add(y)
                neighbours.setdefault(y, set()).add(x)
        a, b = pair
        k_a = len(neighbours[a])
        k_b = len(neighbours[b])
        n_ab = len(neighbours[a] & neighbours[b])
        denominator = (k_a - 1) + (k_b - 1) - n_ab
        if denominator == 0:
            return 0.0
        return n_ab / denominator

    def evaluate(self, pair: tuple[str, str], T: int) -> Evaluation:
        m = self.model
        a, b = pair
        items = [s for s in self.pairs.get(pair, []) if s.t <= T]
        h_r = m.h_r_days * DAY
        h_i = m.h_i_days * DAY
        tau_d = m.tau_d_days * DAY
        window = m.l_days * DAY

        last: dict[str, int] = {}
        first: dict[str, int] = {}
        intensity: dict[str, float] = {}
        weeks: dict[str, int] = {}
        recent: dict[str, float] = {}
        for x in (a, b):
            e_x = [s for s in items if s.counts_for(x)]
            meaningful = [s for s in e_x if s.meaningful]
            if meaningful:
                last[x] = max(s.t for s in meaningful)
                first[x] = min(s.t for s in meaningful)
            intensity[x] = sum(s.w * 2.0 ** (-(T - s.t) / h_i) for s in e_x)
            weeks[x] = len({(T - s.t) // WEEK for s in meaningful if (T - s.t) // WEEK < m.a_weeks})
            recent[x] = sum(s.w for s in e_x if T - s.t < window)

        two_way = a in last and b in last

        f_r = 2.0 ** (-(T - min(last[a], last[b])) / h_r) if two_way else 0.0
        f_i = 1.0 - math.exp(-math.sqrt(intensity[a] * intensity[b]) / m.kappa)
        f_d = 1.0 - math.exp(-(T - max(first[a], first[b])) / tau_d) if two_way else 0.0
        f_f = math.log(1 + min(weeks[a], weeks[b])) / math.log(1 + m.a_weeks)
        f_b = (2 * min(recent[a], recent[b]) + 1) / (recent[a] + recent[b] + 2)
        classes = {s.cls for s in items if s.meaningful and T - s.t < window}
        f_m = sum(1 for c in MULTIPLEX_CLASSES if c in classes) / len(MULTIPLEX_CLASSES)
        f_k = self.connection_feature(pair, T)

        components = {"R": f_r, "I": f_i, "D": f_d, "F": f_f, "B": f_b, "M": f_m, "K": f_k}
        if m.structural:
            components["S"] = self.structural_overlap(pair, T)

        total = m.weight_sum()
        if two_way:
            weighted = (
                m.w_r * f_r + m.w_i * f_i + m.w_d * f_d + m.w_f * f_f + m.w_b * f_b + m.w_m * f_m + m.w_k * f_k
            )
            if m.structural:
                weighted += m.w_s * components["S"]
            strength = weighted / total
        else:
            strength = m.w_k * f_k / total

        offline_or_sync = any(s.meaningful and s.cls in (OFFLINE, SYNCHRONOUS) for s in items)
        online_only = two_way and not offline_or_sync
        uncapped = strength
        capped = online_only and strength > m.cap
        if online_only:
            strength = min(strength, m.cap)

        return Evaluation(components, strength, two_way, online_only, capped, (a in last, b in last), uncapped)

    # -- the state --------------------------------------------------------

    def score(self, pair: tuple[str, str], T: int) -> Result:
        m = self.model
        a, b = pair
        now = self.evaluate(pair, T)

        peak_times = {s.t for s in self.pairs.get(pair, []) if s.meaningful and s.t <= T}
        peak = now.strength
        for t in sorted(peak_times):
            peak = max(peak, self.evaluate(pair, t).strength)

        lookback = self.evaluate(pair, T - m.cooling_lookback_days * DAY).strength

        items = [s for s in self.pairs.get(pair, []) if s.t <= T]
        state_from = None
        if now.two_way and now.components["R"] < m.dormant_recency and peak - now.strength > m.dormant_drop:
            state = "dormant"
        elif now.two_way and now.strength < lookback - m.cooling_drop:
            state = "cooling"
        elif now.two_way:
            state = "active"
        elif any(now.sides_meaningful):
            state = "one_sided"
            state_from = a if now.sides_meaningful[0] else b
        elif items:
            state = "passive"
        elif self.has_connection_at(pair, T):
            state = "connected"
        else:
            state = "none"

        return Result(a, b, now, peak, lookback, state, state_from)

    def score_all(self, T: int) -> list[Result]:
        return [self.score(pair, T) for pair in self.all_pairs()]
