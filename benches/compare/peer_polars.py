"""W1 in polars: the lazy expression API, as an analyst would write it.

One group-by over the unordered pair: every interaction is tagged with the
sides it counts for (its initiator's; both when the channel is mutual) and
masked columns carry each side's contributions, so that the aggregation is
plain max/min/sum/n_unique. (Filtering inside ``agg`` reads the same but ran
twice as slow on polars 2.1.)
"""

from __future__ import annotations

import math

import polars as pl

import model as m

NAME = "polars"
PACKAGES = ("polars",)


def _channels() -> pl.LazyFrame:
    chans = list(m.CHANNELS.values())
    return pl.LazyFrame(
        {
            "channel": [c.name for c in chans],
            "cls": [c.cls for c in chans],
            "w_c": [c.weight for c in chans],
            "mutual": [c.mutual for c in chans],
            "typical_s": [c.typical_s for c in chans],
        },
        schema_overrides={"typical_s": pl.Float64},
    )


def _side(name: str, counts: pl.Expr) -> list[pl.Expr]:
    """Masked per-interaction contributions of one side of the pair."""
    t, delta, W = pl.col("t"), pl.col("delta"), pl.col("W")
    week = delta // m.WEEK
    meaningful = counts & pl.col("meaningful")
    return [
        pl.when(meaningful).then(t).alias(f"tm_{name}"),
        pl.when(meaningful & (week < m.A_WEEKS)).then(week).alias(f"wk_{name}"),
        pl.when(counts).then(W * 2.0 ** (-delta / m.H_I)).otherwise(0.0).alias(f"s_{name}"),
        pl.when(counts & (delta < m.L)).then(W).otherwise(0.0).alias(f"x_{name}"),
    ]


def _side_aggs(name: str) -> list[pl.Expr]:
    return [
        pl.col(f"tm_{name}").max().alias(f"last_{name}"),
        pl.col(f"tm_{name}").min().alias(f"first_{name}"),
        pl.col(f"s_{name}").sum().alias(f"S_{name}"),
        pl.col(f"wk_{name}").drop_nulls().n_unique().alias(f"weeks_{name}"),
        pl.col(f"x_{name}").sum().alias(f"X_{name}"),
    ]


def run(table, as_of_s: int) -> pl.DataFrame:
    T = as_of_s
    df = pl.from_arrow(table)
    m.check_channels(df["channel"].unique().to_list())

    t, delta = pl.col("t"), pl.col("delta")
    src_is_a = pl.col("src") < pl.col("dst")
    events = (
        df.lazy()
        .with_columns(t=pl.col("ts").dt.epoch("s"))
        .filter(t <= T)
        .join(_channels(), on="channel", how="left")
        .with_columns(
            delta=T - t,
            g=pl.when(pl.col("duration_s").is_not_null() & pl.col("typical_s").is_not_null())
            .then((pl.col("duration_s") / pl.col("typical_s")).sqrt().clip(0.5, 2.0))
            .otherwise(1.0),
            a=pl.when(src_is_a).then("src").otherwise("dst"),
            b=pl.when(src_is_a).then("dst").otherwise("src"),
            for_a=src_is_a | pl.col("mutual"),
            for_b=~src_is_a | pl.col("mutual"),
        )
        .with_columns(W=pl.col("w_c") * pl.col("weight") * pl.col("g"))
        .with_columns(meaningful=pl.col("W") >= m.MEANINGFUL)
        .with_columns(
            *_side("a", pl.col("for_a")),
            *_side("b", pl.col("for_b")),
            multiplex=pl.when(
                pl.col("meaningful") & (delta < m.L) & pl.col("cls").is_in(m.MULTIPLEX)
            ).then("cls"),
            offline_or_sync=pl.col("meaningful") & pl.col("cls").is_in(m.NOT_ONLINE_ONLY),
        )
    )
    pairs = events.group_by("a", "b").agg(
        *_side_aggs("a"),
        *_side_aggs("b"),
        M=pl.col("multiplex").drop_nulls().n_unique() / 4.0,
        offline_or_sync=pl.col("offline_or_sync").any(),
    )

    f_r = 2.0 ** (-(T - pl.min_horizontal("last_a", "last_b")) / m.H_R)
    f_i = 1.0 - (-(pl.col("S_a") * pl.col("S_b")).sqrt() / m.KAPPA).exp()
    f_d = 1.0 - (-(T - pl.max_horizontal("first_a", "first_b")) / m.TAU_D).exp()
    f_f = (1.0 + pl.min_horizontal("weeks_a", "weeks_b")).log() / math.log(1 + m.A_WEEKS)
    f_b = (2 * pl.min_horizontal("X_a", "X_b") + 1) / (pl.col("X_a") + pl.col("X_b") + 2)
    score = (
        m.W_R * f_r + m.W_I * f_i + m.W_D * f_d + m.W_F * f_f + m.W_B * f_b + m.W_M * pl.col("M")
    ) / m.W_SUM
    two_way = pl.col("last_a").is_not_null() & pl.col("last_b").is_not_null()
    strength = (
        pl.when(~two_way)
        .then(0.0)  # ω_K K / Σω with K = 0: W1 has no connections
        .when(pl.col("offline_or_sync"))
        .then(score)
        .otherwise(pl.min_horizontal(score, pl.lit(m.CAP)))
    )
    # a tie of strength 0 is no one's strong tie (tiegraph lists ties above 0)
    ties = pairs.select("a", "b", strength=strength).filter(pl.col("strength") > 0)

    both_ways = pl.concat(
        [
            ties.select(person="a", other="b", strength="strength"),
            ties.select(person="b", other="a", strength="strength"),
        ]
    )
    return (
        both_ways.sort(["person", "strength", "other"], descending=[False, True, False])
        .with_columns(rank=pl.int_range(1, pl.len() + 1).over("person"))
        .filter(pl.col("rank") <= 10)
        .select("person", "rank", "other", "strength")
        .collect()
    )
