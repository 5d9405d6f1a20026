"""Real-data validation: the default model on the SocioPatterns high-school
data (Thiers13) against the students' own friendship survey.

    python examples/python/highschool.py

Reads ../shared/data/thiers13 beside the repository (CC BY-NC-SA: never
copied into it). Contacts at 20-second resolution are merged into episodes
(consecutive slots of a pair become one in_person interaction with the summed
duration), Facebook friendships become mutual connections, and everything is
scored as of the last contact. Prints ROC AUCs next to the face-to-face
seconds baseline, and the cross-validated AUC of a model fitted to the survey.
The same job in Rust: cargo run -p tiegraph-examples --example highschool.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

import tiegraph as tg

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "thiers13"


def read(name: str, columns: list[str]) -> pa.Table:
    return pacsv.read_csv(
        DATA / name,
        read_options=pacsv.ReadOptions(column_names=columns),
        parse_options=pacsv.ParseOptions(delimiter=" " if name != "metadata_2013.txt" else "\t"),
    )


def episodes(contacts: pa.Table) -> tuple[pa.Table, dict[tuple[str, str], float]]:
    """Consecutive 20 s slots of a pair as one interaction, vectorised."""
    t = contacts.column("t").to_numpy()
    i = contacts.column("i").to_numpy()
    j = contacts.column("j").to_numpy()
    lo, hi = np.minimum(i, j), np.maximum(i, j)
    order = np.lexsort((t, hi, lo))
    lo, hi, t = lo[order], hi[order], t[order]
    new = np.ones(len(t), dtype=bool)
    new[1:] = (lo[1:] != lo[:-1]) | (hi[1:] != hi[:-1]) | (t[1:] - t[:-1] != 20)
    starts = np.flatnonzero(new)
    slots = np.diff(np.append(starts, len(t)))
    table = pa.table(
        {
            "src": pa.array(lo[starts].astype(str)),
            "dst": pa.array(hi[starts].astype(str)),
            "time": pa.array((t[starts] - 20).astype("datetime64[s]"), type=pa.timestamp("s", tz="UTC")),
            "channel": pa.array(["in_person"] * len(starts)),
            "duration": pa.array(20.0 * slots),
        }
    )
    seconds: dict[tuple[str, str], float] = {}
    for a, b, s in zip(lo[starts].astype(str), hi[starts].astype(str), 20.0 * slots):
        key = (a, b) if a <= b else (b, a)
        seconds[key] = seconds.get(key, 0.0) + float(s)
    return table, seconds


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: the Thiers13 data is not at {DATA} (it ships beside the repository, not in it)")
        return 0
    contacts = read("High-School_data_2013.csv.gz", ["t", "i", "j", "ci", "cj"])
    facebook = read("Facebook-known-pairs_data_2013.csv", ["i", "j", "w"])
    survey = read("Friendship-network_data_2013.csv.gz", ["i", "j"])
    classes = {str(r["i"]): r["ci"] for r in contacts.select(["i", "ci"]).to_pylist()}
    classes.update({str(r["j"]): r["cj"] for r in contacts.select(["j", "cj"]).to_pylist()})

    g = tg.Graph()
    interactions, seconds = episodes(contacts)
    g.load_interactions(interactions, duration="duration")
    friends = facebook.filter(pa.compute.equal(facebook.column("w"), 1))
    g.load_connections(
        pa.table(
            {
                "a": friends.column("i").cast(pa.string()),
                "b": friends.column("j").cast(pa.string()),
                "platform": pa.array(["facebook"] * friends.num_rows),
            }
        )
    )
    last = datetime.fromtimestamp(int(pa.compute.max(contacts.column("t")).as_py()), tz=timezone.utc)

    named = {(str(a), str(b)) for a, b in zip(survey.column("i").to_pylist(), survey.column("j").to_pylist())}
    respondents = sorted({a for a, _ in named if a in g})
    pairs = [(a, b) for k, a in enumerate(respondents) for b in respondents[k + 1 :]]
    either = [(a, b) in named or (b, a) in named for a, b in pairs]
    mutual = [(a, b) in named and (b, a) in named for a, b in pairs]
    same = [classes.get(a) == classes.get(b) for a, b in pairs]

    scores = {(r["a"], r["b"]): r["strength"] for r in g.ties(as_of=last).to_arrow().to_pylist()}
    model = [scores.get((a, b), scores.get((b, a), 0.0)) for a, b in pairs]
    base = [seconds.get((a, b) if a <= b else (b, a), 0.0) for a, b in pairs]

    def aucs(score: list[float]) -> tuple[float, float, float]:
        within = [(s, e) for s, e, c in zip(score, either, same) if c]
        return (
            tg.roc_auc(score, either),
            tg.roc_auc(score, mutual),
            tg.roc_auc([s for s, _ in within], [e for _, e in within]),
        )

    print(
        f"Thiers13: {g.person_count} students, {interactions.num_rows} contact episodes, "
        f"{g.tie_count} ties, {len(respondents)} survey respondents, as of {last:%Y-%m-%d %H:%M} UTC\n"
    )
    print("ROC AUC against the friendship survey (respondent pairs)")
    print(f"{'score':<34} {'either':>8} {'mutual':>8} {'within class':>13}")
    for name, score in [("tiegraph, default model", model), ("face-to-face seconds (baseline)", base)]:
        e, m, w = aucs(score)
        print(f"{name:<34} {e:>8.4f} {m:>8.4f} {w:>13.4f}")

    fit = tg.ScoringModel().fit(g, [(a, b, float(x)) for (a, b), x in zip(pairs, either)], as_of=last)
    print(
        f"\ncalibrated on the survey (5-fold, grouped by person): cross-validated AUC {fit.cv_auc:.4f} "
        f"(default model on the same pairs: {fit.base_auc:.4f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
