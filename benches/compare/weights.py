"""W1 with continuous weights, for `run.py --data` and `ab.py --data`.

usage: python weights.py IN.parquet OUT.parquet

W1's weights are all 1. Weights computed from the data (a message's
length, a model's score) are continuous instead: nearly every row's is
its own. This rewrites the weight column of a W1 file with values drawn
uniformly from [0.5, 1.5) (seeded, so the same every time) and keeps every
other column. A change to how tiegraph stores weights is to be measured
on this shape as well as on W1's: one that held W1's weights in 32 bits
and tabled the others made W1 3% faster and this shape 7.5 times slower.
The peers' checksums are compared with each other.
"""

from __future__ import annotations

import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    table = pq.read_table(sys.argv[1])
    weights = np.random.default_rng(11).uniform(0.5, 1.5, table.num_rows)
    at = table.schema.get_field_index("weight")
    table = table.set_column(at, "weight", pa.array(weights))
    pq.write_table(table, sys.argv[2])
    print(
        f"{sys.argv[2]}: {table.num_rows:,} rows, {len(np.unique(weights)):,} distinct weights",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
