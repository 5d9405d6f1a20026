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

Every score is taken ``as_of`` a date (tiegraph never reads a clock), with
its components, state and reasons:

>>> s = g.strength("ana@agency.example", "lee@daily.example", as_of=dt.date(2026, 5, 1))
>>> (round(s.value, 3), s.state, s.two_way)
(0.378, 'active', True)
>>> g.ties(as_of=dt.date(2026, 5, 1)).to_arrow().column("state").to_pylist()
['active', 'active', 'active']

The questions people ask of their relationships are methods of
:class:`Graph`, each ``as_of`` a date: strongest ties, who to meet in
person, who to reconnect with, who is due for contact, Dunbar's layers,
the offline lift, introduction paths, brokerage, communities, suggestions.

>>> top = g.strongest_ties("ana@agency.example", as_of=dt.date(2026, 5, 1))
>>> top.column("other").to_pylist()
['lee@daily.example', 'sam@agency.example']
>>> g.introduction_path("lee@daily.example", "sam@agency.example", as_of=dt.date(2026, 5, 1)).people
['lee@daily.example', 'sam@agency.example']

Results of bulk queries are :class:`Table` objects that pyarrow, polars and
pandas read through the Arrow PyCapsule interface (``t.to_pandas()``,
``t.to_polars()``); :class:`View` restricts what counts (online, offline,
channels, a window), :class:`ScoringModel` holds the model's parameters and
fits its weights to labelled pairs.

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
    Brokerage,
    Channel,
    Communities,
    Connection,
    Contact,
    EgoLayers,
    Explanation,
    Fit,
    Graph,
    Interaction,
    LiftReport,
    LoadReport,
    Path,
    Person,
    ScoringModel,
    Strength,
    Table,
    View,
    Weights,
    __version__,
    roc_auc,
)
from . import networkx, plot  # networkx and matplotlib are imported only when used

__all__ = [
    "SNAPSHOT_VERSION",
    "Brokerage",
    "Channel",
    "ColumnTypeError",
    "Communities",
    "Connection",
    "Contact",
    "CorruptSnapshotError",
    "CsvError",
    "EgoLayers",
    "EmptyKeyError",
    "Explanation",
    "Fit",
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
    "LiftReport",
    "LoadReport",
    "MissingColumnError",
    "Path",
    "Person",
    "PersonExistsError",
    "PersonNotFoundError",
    "ScoringModel",
    "SelfInteractionError",
    "SnapshotVersionError",
    "Strength",
    "Table",
    "TieNotFoundError",
    "TiegraphError",
    "TiegraphIOError",
    "TimestampError",
    "UnknownChannelError",
    "View",
    "Weights",
    "networkx",
    "plot",
    "roc_auc",
    "__version__",
]
