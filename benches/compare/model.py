"""The default tie-strength model's numbers, shared by every peer of W1.

Written from ``design/scoring-model.md`` (the contract page), restricted to
what W1 needs: strength only, no connections (K = 0), no structural overlap.
Each peer implements the formulas in its own idiom; only the table of
channels and the constants live here, so that a peer cannot drift on a
number.

Time is kept in whole seconds: Δ = T − t in integer seconds, every half-life
or time constant is days × 86400, the week index is ``Δ // WEEK`` and the
windows ``Δ < L`` compare integers (the reading of the reference model in
``python/tests/reference_model.py``).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import NamedTuple

DAY = 86_400
WEEK = 7 * DAY

AS_OF = dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
AS_OF_S = int(AS_OF.timestamp())  # T in Unix seconds

H_R = 90 * DAY  # recency half-life
H_I = 180 * DAY  # intensity half-life
KAPPA = 3.0
TAU_D = 365 * DAY  # duration time constant
A_WEEKS = 52  # regularity horizon in weeks
L = 365 * DAY  # reciprocity and multiplexity window
MEANINGFUL = 0.10
CAP = 0.75

W_R, W_I, W_D, W_F, W_B, W_M, W_K = 0.25, 0.25, 0.15, 0.10, 0.10, 0.10, 0.05
W_SUM = W_R + W_I + W_D + W_F + W_B + W_M + W_K

# Classes counted by multiplexity, and the ones that lift the online-only cap.
MULTIPLEX = ("offline", "synchronous", "private_written", "public_directed")
NOT_ONLINE_ONLY = ("offline", "synchronous")


class Channel(NamedTuple):
    name: str
    cls: str
    weight: float
    mutual: bool
    typical_s: float | None  # typical duration in seconds


CHANNELS: dict[str, Channel] = {
    c.name: c
    for c in (
        Channel("in_person", "offline", 1.00, True, 3600.0),
        Channel("event", "offline", 0.40, True, None),
        Channel("video_call", "synchronous", 0.80, True, 1800.0),
        Channel("phone_call", "synchronous", 0.60, True, 900.0),
        Channel("email", "private_written", 0.30, False, None),
        Channel("direct_message", "private_written", 0.30, False, None),
        Channel("public_reply", "public_directed", 0.15, False, None),
        Channel("broadcast", "broadcast", 0.05, False, None),
        Channel("reaction", "one_click", 0.03, False, None),
    )
}


def check_channels(names) -> None:
    """Raise on a channel the model does not know, as the contract asks."""
    unknown = sorted(set(names) - CHANNELS.keys())
    if unknown:
        raise ValueError(f"unknown channels {unknown}; known: {sorted(CHANNELS)}")


def strength(
    last: tuple[int | None, int | None],
    first: tuple[int | None, int | None],
    S: tuple[float, float],
    weeks: tuple[int, int],
    X: tuple[float, float],
    n_classes: int,
    offline_or_sync: bool,
    T: int,
) -> float:
    """Strength of one pair from its two sides' aggregates, in plain Python.

    Each pair of arguments holds side a then side b: the latest and earliest
    meaningful times, the decayed intensity, the count of distinct recent
    weeks and the window sum. ``n_classes`` is the number of multiplexity
    classes seen meaningfully within the window, either side.
    """
    if last[0] is None or last[1] is None:
        return 0.0  # not two-way: ω_K K / Σω, and K = 0 in W1 (no connections)
    f_r = 2.0 ** (-(T - min(last)) / H_R)
    f_i = 1.0 - math.exp(-math.sqrt(S[0] * S[1]) / KAPPA)
    f_d = 1.0 - math.exp(-(T - max(first)) / TAU_D)
    f_f = math.log(1 + min(weeks)) / math.log(1 + A_WEEKS)
    f_b = (2 * min(X) + 1) / (X[0] + X[1] + 2)
    f_m = n_classes / 4.0
    s = (W_R * f_r + W_I * f_i + W_D * f_d + W_F * f_f + W_B * f_b + W_M * f_m) / W_SUM
    return s if offline_or_sync else min(s, CAP)
