"""tiegraph: relationship graphs from online and offline interactions.

>>> import datetime as dt
>>> import tiegraph as tg
>>> g = tg.Graph()
>>> g.add_interaction("ana@agency.example", "lee@daily.example",
...                   at=dt.datetime(2026, 3, 2, 10), channel="email")
>>> g.add_event(["ana@agency.example", "lee@daily.example", "sam@agency.example"],
...             at=dt.datetime(2026, 4, 14, 19), name="product launch")
>>> (g.person_count, g.tie_count, g.interaction_count)
(3, 3, 4)

Bulk loads take anything that speaks the Arrow PyCapsule interface
(pyarrow, polars, pandas >= 2.2, DuckDB) or a ``.csv`` / ``.parquet`` path:
``g.load_interactions(df)``. Naive datetimes are taken as UTC; integers are
never guessed to be seconds or milliseconds. Errors are
:class:`TiegraphError` subclasses (see :mod:`tiegraph._errors`).
"""

from __future__ import annotations

from ._errors import (
    ColumnTypeError,
    CorruptSnapshotError,
    CsvError,
    EmptyKeyError,
    FitError,
    InteractionNotFoundError,
    InvalidArgumentError,
    InvalidChannelError,
    InvalidDurationError,
    InvalidEventError,
    InvalidParameterError,
    InvalidValueError,
    InvalidWeightError,
    MissingColumnError,
    PersonExistsError,
    PersonNotFoundError,
    SelfInteractionError,
    SnapshotVersionError,
    TieNotFoundError,
    TiegraphError,
    TiegraphIOError,
    TimestampError,
    UnknownChannelError,
)
from ._tiegraph import (
    SNAPSHOT_VERSION,
    Channel,
    Connection,
    Graph,
    Interaction,
    LoadReport,
    Person,
    __version__,
)

__all__ = [
    "SNAPSHOT_VERSION",
    "Channel",
    "ColumnTypeError",
    "Connection",
    "CorruptSnapshotError",
    "CsvError",
    "EmptyKeyError",
    "FitError",
    "Graph",
    "Interaction",
    "InteractionNotFoundError",
    "InvalidArgumentError",
    "InvalidChannelError",
    "InvalidDurationError",
    "InvalidEventError",
    "InvalidParameterError",
    "InvalidValueError",
    "InvalidWeightError",
    "LoadReport",
    "MissingColumnError",
    "Person",
    "PersonExistsError",
    "PersonNotFoundError",
    "SelfInteractionError",
    "SnapshotVersionError",
    "TieNotFoundError",
    "TiegraphError",
    "TiegraphIOError",
    "TimestampError",
    "UnknownChannelError",
    "__version__",
]
