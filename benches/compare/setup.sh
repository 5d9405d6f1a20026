#!/usr/bin/env bash
# Makes benches/compare/.venv: the pinned peers of W1 (requirements.txt) and
# tiegraph built from this checkout, so that run.py compares them in one
# environment. Safe to run again: it reuses the venv and rebuilds tiegraph.
#   PYTHON=python3.11 benches/compare/setup.sh
#   TIEGRAPH_WHEELS=DIR benches/compare/setup.sh   (install the wheel in DIR instead of building one)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$here/.venv"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"

if [ -n "${TIEGRAPH_WHEELS:-}" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        --force-reinstall --no-deps "$TIEGRAPH_WHEELS"/tiegraph-*.whl
elif [ -f "$repo/python/pyproject.toml" ]; then
    rm -rf "$venv/wheels"
    # maturin -m wants a Cargo.toml; from python/ it reads pyproject.toml, which names the crate
    (cd "$repo/python" && "$venv/bin/maturin" build --release \
        --interpreter "$venv/bin/python" --out "$venv/wheels")
    # --no-deps: its one dependency, pyarrow, is pinned above
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        --force-reinstall --no-deps "$venv"/wheels/tiegraph-*.whl
else
    echo "setup.sh: this checkout has no python/pyproject.toml yet;" \
        "run.py will show the tiegraph peer as pending" >&2
fi
"$venv/bin/python" -c 'import polars, pandas, networkx, raphtory; print("peers ok")'
echo "now: $venv/bin/python $here/run.py --size 10k --check-only"
