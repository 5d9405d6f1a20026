"""W1 with email addresses for person keys, for `run.py --data`.

usage: python email_keys.py IN.parquet OUT.parquet

W1's keys are eight-byte ids (`p0035270`). A PR team's are email
addresses: longer than the 15 bytes tiegraph keeps inline in its person
index, and of every length. This rewrites each distinct key of a W1 file as
a made-up address (`qrxpuvfbh.wxamv@example.org`: two runs of letters, one
of five domains; 18 to 42 bytes, 30 on average), the same key everywhere
it appears, and keeps every other column. The job and its checksum are
otherwise W1's; the peers' checksums are compared with each other.
"""

from __future__ import annotations

import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

DOMAINS = [
    "example.org",
    "newsroom.example.com",
    "mail.example.net",
    "press.example.co.uk",
    "example.io",
]


def addresses(n: int, seed: int = 7) -> list[str]:
    """`n` distinct made-up addresses, the same for the same seed."""
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    seen: set[str] = set()
    out = []
    while len(out) < n:
        first = "".join(rng.choice(letters, rng.integers(3, 10)))
        last = "".join(rng.choice(letters, rng.integers(3, 12)))
        address = f"{first}.{last}@{DOMAINS[rng.integers(0, len(DOMAINS))]}"
        if address not in seen:
            seen.add(address)
            out.append(address)
    return out


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    table = pq.read_table(sys.argv[1])
    keys = pc.unique(pa.concat_arrays([table["src"].combine_chunks(), table["dst"].combine_chunks()]))
    emails = pa.array(addresses(len(keys)))
    for name in ["src", "dst"]:
        at = table.schema.get_field_index(name)
        table = table.set_column(at, name, pc.take(emails, pc.index_in(table[name], value_set=keys)))
    pq.write_table(table, sys.argv[2])
    lengths = pc.utf8_length(emails)
    print(
        f"{sys.argv[2]}: {table.num_rows:,} rows, {len(keys):,} keys of "
        f"{pc.min(lengths).as_py()} to {pc.max(lengths).as_py()} bytes",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
