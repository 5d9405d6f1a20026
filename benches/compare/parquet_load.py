"""Loading a W1 Parquet file: tiegraph reading the path against pyarrow's read then the load.

usage: python parquet_load.py [--size 10m] [--data W1.parquet] [--runs 5]

Times, in turn and in one process, (a) ``Graph().load_interactions(path,
progress=True)``, which reads the file a few batches ahead on a thread of its
own while the core ingests, and (b) ``pyarrow.parquet.read_table(path)``
followed by ``Graph().load_interactions(table)``. Prints each one's median and
range over ``--runs`` rounds after a warm-up of each, and the ratio a/b of
the medians. The progress output goes to standard error.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq

import tiegraph as tg

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402  the W1 data files, generated on first use
from peer_tiegraph import COLUMNS  # noqa: E402  W1's column names


def from_path(path: Path) -> int:
    g = tg.Graph()
    return g.load_interactions(str(path), progress=True, **COLUMNS).added


def read_then_load(path: Path) -> int:
    table = pq.read_table(path)
    g = tg.Graph()
    return g.load_interactions(table, **COLUMNS).added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    run.data_arguments(ap, "10m")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    path = run.data_file(args.size, args.data)
    jobs = {"load_interactions(path, progress=True)": from_path, "read_table + load_interactions(table)": read_then_load}
    times: dict[str, list[float]] = {name: [] for name in jobs}
    added = set()
    for round_no in range(args.runs + 1):  # round 0 warms up
        for name, job in jobs.items():
            gc.collect()
            t0 = time.perf_counter()
            added.add(job(path))
            if round_no:
                times[name].append(time.perf_counter() - t0)
    if len(added) != 1:
        sys.exit(f"the two ways loaded different numbers of rows: {sorted(added)}")
    print(f"tiegraph {tg.__version__}, {path.name}: {added.pop():,} rows, median of {args.runs} runs, alternating")
    print()
    print("| way | median s | min s | max s |")
    print("|---|---:|---:|---:|")
    for name, ts in times.items():
        print(f"| `{name}` | {statistics.median(ts):.3f} | {min(ts):.3f} | {max(ts):.3f} |")
    a, b = (statistics.median(ts) for ts in times.values())
    print()
    print(f"path / read + load: {a / b:.2f}")


if __name__ == "__main__":
    main()
