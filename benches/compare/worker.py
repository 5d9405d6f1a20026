"""Runs one peer of W1 in its own process and prints one JSON line.

usage: python worker.py PEER DATA.parquet RUNS [--warmup N]

A process per peer keeps peak resident memory (VmHWM) per peer, and keeps
one peer's caches and allocator state away from the next. run.py starts it.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import json
import math
import statistics
import time
import traceback
from importlib import metadata

import pyarrow as pa
import pyarrow.dataset  # noqa: F401  read_table imports it lazily: not a read cost
import pyarrow.parquet as pq

import model


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0  # kB
    return float("nan")


def _to_arrow(peer, result) -> pa.Table:
    if hasattr(peer, "to_arrow"):
        return peer.to_arrow(result)
    if isinstance(result, list):
        person, rank, other, strength = zip(*result, strict=True) if result else ((), (), (), ())
        return pa.table({"person": person, "rank": rank, "other": other, "strength": strength})
    if hasattr(result, "to_arrow"):  # polars
        return result.to_arrow()
    return pa.Table.from_pandas(result, preserve_index=False)  # pandas


def _summary(top: pa.Table) -> dict:
    """Checksum (sum of strengths) and a digest of who is ranked where."""
    person = top["person"].to_pylist()
    other = top["other"].to_pylist()
    strength = top["strength"].to_pylist()
    if "rank" in top.column_names:
        rank = top["rank"].to_pylist()
    else:  # the peer's row order within each person
        seen: dict[str, int] = {}
        rank = []
        for p in person:
            seen[p] = seen.get(p, 0) + 1
            rank.append(seen[p])
    h = hashlib.sha256()
    for p, r, o in sorted(zip(person, rank, other, strict=True)):
        h.update(f"{p}\t{r}\t{o}\n".encode())
    return {
        "rows": len(person),
        "checksum": math.fsum(strength),
        "digest": h.hexdigest()[:12],
        "max_rank": max(rank, default=0),
    }


def _versions(peer) -> dict:
    out = {}
    for name in ("pyarrow", *peer.PACKAGES):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("peer")
    ap.add_argument("data")
    ap.add_argument("runs", type=int)
    ap.add_argument("--warmup", type=int, default=1)
    args = ap.parse_args()

    out: dict = {"peer": args.peer}
    try:
        peer = importlib.import_module(f"peer_{args.peer}")
        if hasattr(peer, "check"):  # fail fast, before a read that takes seconds at 10M
            peer.check()
        t0 = time.perf_counter()
        table = pq.read_table(args.data)
        out["read_s"] = time.perf_counter() - t0
        out["rss_before_mb"] = _status_mb("VmRSS")  # interpreter, imports and the table
        out["versions"] = _versions(peer)
        times, cpu = [], []
        result = None
        for i in range(args.warmup + args.runs):
            result = None
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            result = peer.run(table, model.AS_OF_S)
            elapsed, used = time.perf_counter() - t0, time.process_time() - c0
            if i == 0:  # what a process that runs W1 once needs
                out["first_run_peak_rss_mb"] = _status_mb("VmHWM")
            if i >= args.warmup:
                times.append(elapsed)
                cpu.append(used)
        out.update(
            median_s=statistics.median(times),
            min_s=min(times),
            max_s=max(times),
            times=times,
            cpu_s=statistics.median(cpu),  # all threads: tells a busy machine from a slow peer
            peak_rss_mb=_status_mb("VmHWM"),
        )
        out.update(_summary(_to_arrow(peer, result)))
    except Exception as err:  # reported by run.py, never a crash there
        out["pending"] = type(err).__name__ == "Pending"
        out["error"] = str(err) if out["pending"] else f"{type(err).__name__}: {err}"
        if not out["pending"]:
            out["traceback"] = traceback.format_exc()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
