"""Single queries from Python, set up as the Rust bench `single` sets them up.

usage: python queries.py [--data W1.parquet] [--size 1m] [--repeat 7]

Loads a W1 file (1,000,000 interactions by default), adds the same tie of
100 interactions and the same person with 1,000 ties as `benches/w1.rs`,
then times from Python: `strength` on that tie, `strongest_ties` of that
person, `peak` on the tie, and adding one interaction to the graph. Each
figure is the best of `--repeat` timeit rounds, in microseconds per call.
Compare with `cargo bench -p tiegraph-benches --bench w1 -- single` run
just before or after: the difference is what crossing into Python adds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import timeit
from pathlib import Path

import pyarrow.parquet as pq

import tiegraph as tg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402  the W1 data files, generated on first use
from peer_tiegraph import COLUMNS  # noqa: E402  W1's column names

CHANNELS = ["email", "direct_message", "in_person", "public_reply", "reaction", "video_call"]


def day(d: int) -> dt.datetime:
    return dt.datetime(2025, 1, 1, 9, tzinfo=dt.timezone.utc) + dt.timedelta(days=d)


def build(path: Path) -> tg.Graph:
    g = tg.Graph()
    g.load_interactions(pq.read_table(path), **COLUMNS)
    for k in range(100):  # a tie of exactly 100 interactions, of every kind
        s, d = ("bench-a", "bench-b") if k % 3 == 0 else ("bench-b", "bench-a")
        g.add_interaction(s, d, at=day(k * 5), channel=CHANNELS[k % len(CHANNELS)], duration=1200.0)
    for k in range(1000):  # a person with 1,000 ties
        other = f"bench-contact-{k:04}"
        g.add_interaction("bench-hub", other, at=day(k % 600), channel="email")
        g.add_interaction(other, "bench-hub", at=day(k % 600 + 1), channel="email")
    return g


def per_call_us(stmt, number: int, repeat: int) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    run.data_arguments(ap, "1m")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    path = run.data_file(args.size, args.data)
    g = build(path)
    a520, a700 = day(520), day(700)
    assert abs(g.strength("bench-a", "bench-b", as_of=a520).value - g.strength("bench-b", "bench-a", as_of=a520).value) < 1e-12
    assert len(g.strongest_ties("bench-hub", 10, as_of=a700)) == 10

    adds = iter(range(10**9))

    def add() -> None:
        k = next(adds)
        g.add_interaction(f"bench-new-{k % 5000}", f"bench-contact-{k % 1000:04}", at=day(k % 700), channel="email")

    rows = [
        ("strength(a, b), a tie of 100 interactions", per_call_us(lambda: g.strength("bench-a", "bench-b", as_of=a520), 2000, args.repeat)),
        ("strongest_ties(person, 10), 1,000 ties", per_call_us(lambda: g.strongest_ties("bench-hub", 10, as_of=a700), 200, args.repeat)),
        ("peak(a, b), the same tie", per_call_us(lambda: g.peak("bench-a", "bench-b", as_of=a520), 200, args.repeat)),
        (f"add_interaction to a graph of {g.interaction_count:,} interactions", per_call_us(add, 20000, args.repeat)),
    ]
    print(f"tiegraph {tg.__version__}, {path.name}: best of {args.repeat} rounds, µs per call from Python")
    print()
    print("| query | µs per call |")
    print("|---|---:|")
    for name, us in rows:
        print(f"| `{name}` | {us:.2f} |")


if __name__ == "__main__":
    main()
