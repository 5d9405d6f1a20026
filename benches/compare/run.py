"""W1 side by side: tiegraph against its peers, on the same machine, same run.

usage: python run.py [--size 10k|1m|10m] [--peers polars,pandas,...] [--runs N]
                     [--check-only] [--all] [--data FILE.parquet]

Job (shared/bench/W1.md): from an Arrow table already in memory, ingest
all rows, score every pair with the default model as of
2026-11-25T00:00:00Z, and list every person's ten strongest ties (ties
broken by the other person's id; a tie of strength 0 is listed by no
one, as tiegraph's `strongest_ties_all` documents). Each peer runs in
its own process (worker.py): the Parquet read is timed apart, then a
warm-up and N timed runs; peak RSS is that process's VmHWM after its
first run (the most a process that runs W1 once needs) and after all of
them (allocators keep some of what earlier runs freed). The checksum is
the sum of the strengths in the top-10 table; every peer must agree to
1e-6, and list the same ties at the same ranks (a digest of the table's
person, rank and other columns).

Run it with the venv that setup.sh makes: .venv/bin/python run.py
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GENERATOR = REPO.parent / "shared" / "bench" / "gen_interactions.py"

# size: (interactions, people), as in W1.md (10k is the CI-sized variant)
SIZES = {"10k": (10_000, 2_000), "1m": (1_000_000, 20_000), "10m": (10_000_000, 100_000)}
# Checksums of the full default model given by W1.md, rounded to 1e-6.
EXPECTED = {"1m": 24957.330164, "10m": 152084.947736}
TOLERANCE = 1e-6

PEERS = ["tiegraph", "polars", "pandas", "networkx", "raphtory"]
# Pure-Python loops: minutes at 10M, so only with --all above 1M.
SLOW = {"networkx", "raphtory"}
PACKAGES = ["tiegraph", "polars", "pandas", "numpy", "pyarrow", "networkx", "raphtory"]
FLOOR_NOTE = (
    "not run here: floor in the criterion bench benches/w1.rs; "
    "W1.md, 2-core machine: 0.14 s at 1M, 1.8 s at 10M"
)


def data_arguments(ap: argparse.ArgumentParser, default_size: str) -> None:
    """``--size`` and ``--data``, as every script here takes them (see ``data_file``)."""
    ap.add_argument("--size", choices=SIZES, default=default_size)
    ap.add_argument("--data", help="an existing W1 Parquet file instead of data/w1_SIZE.parquet")


def data_file(size: str, given: str | None) -> Path:
    if given:
        # absolute: each peer runs in a worker whose working directory is this one
        path = Path(given).resolve()
        if not path.exists():
            sys.exit(f"no such file: {given}")
        return path
    path = HERE / "data" / f"w1_{size}.parquet"
    if path.exists():
        return path
    if not GENERATOR.exists():
        sys.exit(f"no {path.name} and no generator at {GENERATOR}: pass --data FILE.parquet")
    spec = importlib.util.spec_from_file_location("gen_interactions", GENERATOR)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    import pyarrow.parquet as pq

    n, people = SIZES[size]
    print(f"generating {path.name}: {n:,} interactions among {people:,} people", file=sys.stderr)
    path.parent.mkdir(exist_ok=True)
    tmp = path.with_suffix(".tmp")
    pq.write_table(gen.generate(n, people), tmp)
    tmp.rename(path)
    return path


def run_peer(peer: str, data: Path, runs: int, warmup: int) -> dict:
    cmd = [
        sys.executable,
        str(HERE / "worker.py"),
        peer,
        str(data),
        str(runs),
        f"--warmup={warmup}",
    ]
    proc = subprocess.run(cmd, check=False, cwd=HERE, capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    try:
        out = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        out = {"peer": peer, "error": f"worker exited {proc.returncode}", "pending": False}
        out["traceback"] = proc.stderr[-3000:]
    return out


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def fmt(x, spec: str) -> str:
    return "–" if x is None else format(x, spec)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    data_arguments(ap, "1m")
    ap.add_argument(
        "--peers", default=",".join(PEERS), help="comma-separated, of " + ",".join(PEERS)
    )
    ap.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up")
    ap.add_argument(
        "--check-only", action="store_true", help="one run each, only compare checksums"
    )
    ap.add_argument("--all", action="store_true", help="run networkx and Raphtory above 1M too")
    ap.add_argument(
        "--strict", action="store_true", help="a pending peer (not installed yet) fails the run too (CI)"
    )
    args = ap.parse_args()

    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = sorted(set(peers) - set(PEERS))
    if unknown:
        ap.error(f"unknown peers {unknown}; known: {', '.join(PEERS)}")
    runs, warmup = (1, 0) if args.check_only else (args.runs, 1)
    data = data_file(args.size, args.data)

    load = os.getloadavg()  # a busy machine explains odd timings: print it
    results = []
    for peer in peers:
        if peer in SLOW and args.size == "10m" and not args.all:
            results.append({"peer": peer, "skipped": "skipped above 1M (minutes); --all runs it"})
            continue
        print(f"running {peer}: {warmup} warm-up + {runs} timed", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        r = run_peer(peer, data, runs, warmup)
        print(f"  done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        results.append(r)

    ok = [r for r in results if "checksum" in r]
    expected = EXPECTED.get(args.size) if not args.data else None
    reference = expected if expected is not None else (ok[0]["checksum"] if ok else None)
    # W1.md rounds its checksums to 1e-6: allow that half-unit on top.
    slack = TOLERANCE + (5e-7 if expected is not None else 0.0)
    base = next((r for r in ok if r["peer"] == "tiegraph"), None)
    # the table every peer's must equal: tiegraph's, or the first one's
    table = base or (ok[0] if ok else None)
    tables_differ = False
    failed = False

    head = [
        "peer",
        "median s",
        "min s",
        "max s",
        "vs tiegraph",
        "CPU s",
        "peak RSS, 1 run MB",
        "peak RSS, all runs MB",
        "RSS before MB",
        "read s",
        "checksum",
        "note",
    ]

    def blank(peer: str, note: str) -> list[str]:
        return [peer] + [""] * (len(head) - 2) + [note]

    rows = []
    for r in results:
        peer = r["peer"]
        if "skipped" in r:
            rows.append(blank(peer, r["skipped"]))
            continue
        if "error" in r:
            note = ("pending: " if r.get("pending") else "FAILED: ") + r["error"]
            failed |= args.strict or not r.get("pending")
            rows.append(blank(peer, note))
            continue
        agrees = abs(r["checksum"] - reference) <= slack
        same = (r["rows"], r["digest"]) == (table["rows"], table["digest"])
        tables_differ |= not same
        failed |= not agrees or not same
        note = "checksum ok" if agrees else f"CHECKSUM DIFFERS from {reference:.6f}"
        if not same:
            note += f"; TOP TEN DIFFERS from {table['peer']}'s ({r['rows']:,} rows, {table['rows']:,} there)"
        ratio = r["median_s"] / base["median_s"] if base else None
        rows.append(
            [
                peer,
                fmt(r["median_s"], ".3f"),
                fmt(r["min_s"], ".3f"),
                fmt(r["max_s"], ".3f"),
                fmt(ratio, ".1f") + ("×" if ratio else ""),
                fmt(r["cpu_s"], ".3f"),
                fmt(r.get("first_run_peak_rss_mb"), ".0f"),
                fmt(r["peak_rss_mb"], ".0f"),
                fmt(r["rss_before_mb"], ".0f"),
                fmt(r["read_s"], ".3f"),
                f"{r['checksum']:.6f}",
                note,
            ]
        )
    rows.append(blank("rust loop (floor)", FLOOR_NOTE))

    n, people = SIZES[args.size]
    print()
    what = data.name if args.data else f"{data.name}, {n:,} interactions among {people:,} people"
    how = (
        "check only (1 run, no warm-up)"
        if args.check_only
        else f"median of {runs} runs after 1 warm-up"
    )
    print(f"W1 {args.size}: {what}, as of 2026-11-25T00:00:00Z, {how}")
    print(
        f"CPU: {cpu_model()} ({os.cpu_count()} logical cores); Python {platform.python_version()}; "
        f"load average at start {load[0]:.1f}, at end {os.getloadavg()[0]:.1f}"
    )
    print("versions: " + ", ".join(f"{k} {v}" for k, v in versions().items()))
    print()
    print("| " + " | ".join(head) + " |")
    print(
        "|" + "|".join("---" if i in (0, len(head) - 1) else "---:" for i in range(len(head))) + "|"
    )
    for row in rows:
        print("| " + " | ".join(row) + " |")

    if table is not None and not tables_differ:
        print(f"\nevery top-ten table: {table['rows']:,} rows, the same ties at the same ranks")
    if expected is not None:
        print(f"\nexpected checksum (W1.md): {expected:.6f}")
    for r in results:
        if r.get("traceback"):
            print(f"\n{r['peer']} failed:\n{r['traceback']}", file=sys.stderr)

    out = HERE / "data" / f"results-{data.stem if args.data else args.size}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {"size": args.size, "cpu": cpu_model(), "versions": versions(), "results": results},
            indent=1,
        )
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
