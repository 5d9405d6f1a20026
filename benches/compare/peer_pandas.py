"""W1 in pandas: vectorised columns and one groupby over the unordered pair.

Each interaction is tagged with the sides it counts for (its initiator's;
both when the channel is mutual); masked columns (NaN or 0 where a row does
not count) turn every feature into a plain max/min/sum/nunique.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

import model as m

NAME = "pandas"
PACKAGES = ("pandas", "numpy")


def _channels() -> pd.DataFrame:
    return pd.DataFrame(
        [(c.name, c.cls, c.weight, c.mutual, c.typical_s) for c in m.CHANNELS.values()],
        columns=["channel", "cls", "w_c", "mutual", "typical_s"],
    ).astype({"typical_s": "float64"})


def run(table, as_of_s: int) -> pd.DataFrame:
    T = as_of_s
    df = table.to_pandas()
    m.check_channels(df["channel"].unique())

    df["t"] = (df["ts"] - pd.Timestamp(0, tz="UTC")) // pd.Timedelta(seconds=1)
    df = df[df["t"] <= T].merge(_channels(), on="channel", how="left")
    delta = T - df["t"]
    g = np.sqrt(df["duration_s"] / df["typical_s"]).clip(0.5, 2.0).fillna(1.0)
    W = df["w_c"] * df["weight"] * g
    meaningful = W >= m.MEANINGFUL
    week = delta // m.WEEK
    decayed = W * np.exp2(-delta / m.H_I)
    recent = delta < m.L

    src_is_a = df["src"] < df["dst"]
    cols = {
        "a": df["src"].where(src_is_a, df["dst"]),
        "b": df["dst"].where(src_is_a, df["src"]),
    }
    for side, counts in (("a", src_is_a | df["mutual"]), ("b", ~src_is_a | df["mutual"])):
        cols[f"tm_{side}"] = df["t"].where(counts & meaningful)
        cols[f"wk_{side}"] = week.where(counts & meaningful & (week < m.A_WEEKS))
        cols[f"s_{side}"] = decayed.where(counts, 0.0)
        cols[f"x_{side}"] = W.where(counts & recent, 0.0)
    cols["multiplex"] = df["cls"].where(meaningful & recent & df["cls"].isin(m.MULTIPLEX))
    cols["offline_or_sync"] = meaningful & df["cls"].isin(m.NOT_ONLINE_ONLY)
    ev = pd.DataFrame(cols)

    pairs = ev.groupby(["a", "b"], sort=False).agg(
        last_a=("tm_a", "max"),
        first_a=("tm_a", "min"),
        S_a=("s_a", "sum"),
        weeks_a=("wk_a", "nunique"),
        X_a=("x_a", "sum"),
        last_b=("tm_b", "max"),
        first_b=("tm_b", "min"),
        S_b=("s_b", "sum"),
        weeks_b=("wk_b", "nunique"),
        X_b=("x_b", "sum"),
        M=("multiplex", "nunique"),
        offline_or_sync=("offline_or_sync", "any"),
    )

    p = pairs
    f_r = np.exp2(-(T - np.minimum(p["last_a"], p["last_b"])) / m.H_R)
    f_i = 1.0 - np.exp(-np.sqrt(p["S_a"] * p["S_b"]) / m.KAPPA)
    f_d = 1.0 - np.exp(-(T - np.maximum(p["first_a"], p["first_b"])) / m.TAU_D)
    f_f = np.log1p(np.minimum(p["weeks_a"], p["weeks_b"])) / math.log(1 + m.A_WEEKS)
    f_b = (2 * np.minimum(p["X_a"], p["X_b"]) + 1) / (p["X_a"] + p["X_b"] + 2)
    f_m = p["M"] / 4.0
    score = (
        m.W_R * f_r + m.W_I * f_i + m.W_D * f_d + m.W_F * f_f + m.W_B * f_b + m.W_M * f_m
    ) / m.W_SUM
    two_way = p["last_a"].notna() & p["last_b"].notna()
    score = score.where(p["offline_or_sync"], np.minimum(score, m.CAP))
    # Not two-way: ω_K K / Σω with K = 0, since W1 has no connections.
    strength = score.where(two_way, 0.0)

    # a tie of strength 0 is no one's strong tie (tiegraph lists ties above 0)
    keep = (strength > 0).to_numpy()
    a = p.index.get_level_values("a")[keep]
    b = p.index.get_level_values("b")[keep]
    s = strength.to_numpy()[keep]
    both_ways = pd.DataFrame(
        {
            "person": np.concatenate([a, b]),
            "other": np.concatenate([b, a]),
            "strength": np.concatenate([s, s]),
        }
    )
    top = both_ways.sort_values(
        ["person", "strength", "other"], ascending=[True, False, True], kind="stable"
    )
    top["rank"] = top.groupby("person", sort=False).cumcount() + 1
    return top[top["rank"] <= 10][["person", "rank", "other", "strength"]].reset_index(drop=True)
