"""Two tiegraph builds on W1, in alternating processes, phase by phase.

usage: python ab.py --a DIR --b DIR [--size 10m | --data FILE.parquet]
                    [--pairs 6] [--runs 3] [--env-a K=V ...] [--env-b K=V ...]

DIR holds one build's ``tiegraph`` package, as its wheel unpacks
(``python -m zipfile -e tiegraph-*.whl DIR``), or is ``installed`` for the
one this venv has. Each process reads the table, runs W1 once to warm up,
then RUNS times, timing the load, the top ten and the drop apart, with the
process's user and system CPU time and its page faults for each run, and
its peak resident memory (``VmHWM``) after the warm-up and after the last
run. ``--env-a`` and ``--env-b`` set variables in one build's processes
only (``GLIBC_TUNABLES=...``, say): the same build may then be both A and B.

The processes alternate, A B A B ..., PAIRS times: on a shared machine a
busy spell slows both builds alike, where two runs minutes apart can
differ by a third. A difference of a few percent needs several pairs to
show; the last line says in how many pairs B's median W1 was the lower.
Both builds must give W1's checksum: the script exits non-zero when they
differ from each other by more than 1e-6.

Run it with the venv that setup.sh makes: .venv/bin/python ab.py ...
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PHASES = ("load", "top", "drop", "w1", "user", "sys", "faults")
TOLERANCE = 1e-6


def hwm() -> float:
    """The process's peak resident memory so far (``VmHWM``), in MiB."""
    with open("/proc/self/status") as f:
        kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    return kib / 1024


def child(data: str, runs: int) -> None:
    """One process: a read, a warm-up, ``runs`` timed W1; a JSON line each."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    import tiegraph as tg

    import model
    from peer_tiegraph import COLUMNS

    table = pq.read_table(data)

    def w1() -> float:
        g = tg.Graph()
        g.load_interactions(table, **COLUMNS)
        return checksum(g.strongest_ties_all(10, as_of=model.AS_OF))

    def checksum(top) -> float:
        # the sum of the strengths in the top-ten table, as run.py's
        return pc.sum(pa.table(top).column("strength")).as_py()

    first = w1()
    print(json.dumps({"build": tg.__file__, "warmup_checksum": first, "hwm": hwm()}), flush=True)
    for _ in range(runs):
        gc.collect()
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        g = tg.Graph()
        g.load_interactions(table, **COLUMNS)
        t1 = time.perf_counter()
        top = g.strongest_ties_all(10, as_of=model.AS_OF)
        t2 = time.perf_counter()
        del g
        t3 = time.perf_counter()
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        print(
            json.dumps(
                {
                    "load": t1 - t0,
                    "top": t2 - t1,
                    "drop": t3 - t2,
                    "w1": t3 - t0,
                    "user": r1.ru_utime - r0.ru_utime,
                    "sys": r1.ru_stime - r0.ru_stime,
                    "faults": r1.ru_minflt - r0.ru_minflt,
                    "checksum": checksum(top),
                    "hwm": hwm(),
                }
            ),
            flush=True,
        )


def process(build: str, data: Path, runs: int, extra: dict[str, str]) -> tuple[dict, list[dict]]:
    """Runs one child with ``build`` first on the path and ``extra`` in its
    environment; its warm-up's line (module file, peak) and its runs."""
    env = dict(os.environ) | extra
    if build != "installed":
        path = Path(build).resolve()
        if not (path / "tiegraph").is_dir():
            sys.exit(f"{build}: no tiegraph package in it (unpack a wheel there)")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path), env.get("PYTHONPATH")]))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(data), str(runs)]
    proc = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"the {build} process failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return lines[0], lines[1:]


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        return 0
    sys.path.insert(0, str(HERE))
    import run  # the W1 data files, generated on first use

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--a", required=True, help="build A: a directory holding tiegraph, or 'installed'")
    ap.add_argument("--b", required=True, help="build B, the same way")
    run.data_arguments(ap, "10m")
    ap.add_argument("--pairs", type=int, default=6, help="A and B processes, alternating")
    ap.add_argument("--runs", type=int, default=3, help="timed W1 runs a process, after a warm-up")
    for name in ("a", "b"):
        ap.add_argument(
            f"--env-{name}",
            action="append",
            default=[],
            metavar="K=V",
            help=f"a variable for build {name.upper()}'s processes only; repeatable",
        )
    args = ap.parse_args()
    if args.pairs < 1 or args.runs < 1:
        ap.error("--pairs and --runs are at least 1")
    envs = {}
    for name, given in (("A", args.env_a), ("B", args.env_b)):
        bad = [kv for kv in given if "=" not in kv or kv.startswith("=")]
        if bad:
            ap.error(f"--env-{name.lower()} takes K=V, not {bad[0]!r}")
        envs[name] = dict(kv.split("=", 1) for kv in given)
    data = run.data_file(args.size, args.data)

    runs: dict[str, list[dict]] = {"A": [], "B": []}
    per_pair: list[tuple[float, float]] = []
    files: dict[str, str] = {}
    peaks: dict[str, list[tuple[float, float]]] = {"A": [], "B": []}
    for pair in range(args.pairs):
        medians = {}
        for name, build in (("A", args.a), ("B", args.b)):
            warm, got = process(build, data, args.runs, envs[name])
            files[name] = warm["build"]
            peaks[name].append((warm["hwm"], got[-1]["hwm"]))
            runs[name] += got
            medians[name] = median(got, "w1")
        per_pair.append((medians["A"], medians["B"]))
        print(f"pair {pair + 1}: W1 medians A {medians['A']:.3f} s, B {medians['B']:.3f} s", flush=True)

    print(f"\n{data.name}, {args.pairs} pairs of processes, {args.runs} runs each after a warm-up")
    for name in ("A", "B"):
        extra = " ".join(f"{k}={v}" for k, v in envs[name].items())
        print(f"{name}: {files[name]}" + (f" with {extra}" if extra else ""))
    head = ["build", "runs", "load s", "top s", "drop s", "W1 s", "user s", "sys s", "faults"]
    head += ["peak, 1 run MiB", "peak, all runs MiB"]
    print("\n| " + " | ".join(head) + " |")
    print("|---|" + "---:|" * (len(head) - 1))
    for name in ("A", "B"):
        cells = [f"{median(runs[name], k):.3f}" for k in PHASES[:-1]]
        cells.append(f"{median(runs[name], 'faults'):,.0f}")
        for j in (0, 1):
            cells.append(f"{statistics.median(p[j] for p in peaks[name]):.0f}")
        print(f"| {name} | {len(runs[name])} | " + " | ".join(cells) + " |")
    ratios = [
        f"{median(runs['B'], k) / median(runs['A'], k):.3f}" if median(runs["A"], k) else "-"
        for k in PHASES
    ]
    for j in (0, 1):
        a, b = (statistics.median(p[j] for p in peaks[n]) for n in ("A", "B"))
        ratios.append(f"{b / a:.3f}")
    print("| B/A | | " + " | ".join(ratios) + " |")
    lower = sum(b < a for a, b in per_pair)
    print(f"\nB's median W1 lower in {lower} of {len(per_pair)} pairs")

    checksums = [r["checksum"] for name in ("A", "B") for r in runs[name]]
    if max(checksums) - min(checksums) > TOLERANCE:
        print(f"checksums differ: {min(checksums):.6f} to {max(checksums):.6f}", file=sys.stderr)
        return 1
    print(f"checksum {checksums[0]:.6f} in every run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
