# Hand-written stubs of the extension module; checked against it with
# `python -m mypy.stubtest tiegraph._tiegraph`.

import datetime as dt
import os
from collections.abc import Callable, Sequence
from typing import Any, Literal, final

__all__ = [
    "__version__",
    "SNAPSHOT_VERSION",
    "Graph",
    "Person",
    "Channel",
    "Interaction",
    "Connection",
    "LoadReport",
]

__version__: str
SNAPSHOT_VERSION: int

_Time = dt.datetime | dt.date
_Path = str | os.PathLike[str]
_OnError = Literal["raise", "skip"]
_TimeUnit = Literal["s", "ms", "us", "ns"]
_Mode = Literal["online", "offline"]
_Class = Literal["offline", "synchronous", "private_written", "public_directed", "broadcast", "one_click"]

@final
class Person:
    """A person: a key and optional details."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def organisation(self) -> str | None: ...
    @property
    def role(self) -> str | None: ...
    @property
    def tags(self) -> list[str]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Channel:
    """A channel of contact and its place in the scoring model."""

    @property
    def name(self) -> str: ...
    @property
    def mode(self) -> _Mode: ...
    @property
    def class_(self) -> _Class: ...
    @property
    def weight(self) -> float: ...
    @property
    def mutual(self) -> bool: ...
    @property
    def typical_duration(self) -> float | None: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Interaction:
    """One stored interaction; `at` is an aware datetime in UTC."""

    @property
    def src(self) -> str: ...
    @property
    def dst(self) -> str: ...
    @property
    def at(self) -> dt.datetime: ...
    @property
    def channel(self) -> str: ...
    @property
    def duration(self) -> float | None: ...
    @property
    def weight(self) -> float: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Connection:
    """A declared platform link; `kind="follows"` means a follows b."""

    @property
    def a(self) -> str: ...
    @property
    def b(self) -> str: ...
    @property
    def platform(self) -> str: ...
    @property
    def kind(self) -> Literal["mutual", "follows"]: ...
    @property
    def since(self) -> dt.datetime | None: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class LoadReport:
    """What a bulk load did."""

    @property
    def rows(self) -> int: ...
    @property
    def added(self) -> int: ...
    @property
    def skipped(self) -> list[tuple[int, str]]: ...
    @property
    def new_people(self) -> int: ...
    @property
    def ties_touched(self) -> int: ...

@final
class Graph:
    """A relationship graph: people addressed by key, and their ties."""

    def __new__(cls) -> Graph: ...
    def add_person(
        self,
        key: str,
        *,
        name: str | None = None,
        organisation: str | None = None,
        role: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> None: ...
    def update_person(
        self,
        key: str,
        *,
        name: str | None = None,
        organisation: str | None = None,
        role: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> None: ...
    def person(self, key: str) -> Person: ...
    def people(self) -> list[Person]: ...
    def remove_person(self, key: str) -> Person: ...
    def __contains__(self, key: object, /) -> bool: ...
    def __len__(self) -> int: ...
    @property
    def person_count(self) -> int: ...
    @property
    def tie_count(self) -> int: ...
    @property
    def interaction_count(self) -> int: ...
    def add_interaction(
        self,
        src: str,
        dst: str,
        *,
        at: _Time,
        channel: str,
        duration: float | None = None,
        weight: float = 1.0,
    ) -> None: ...
    def remove_interaction(
        self,
        src: str,
        dst: str,
        *,
        at: _Time,
        channel: str,
        duration: float | None = None,
        weight: float = 1.0,
    ) -> None: ...
    def add_event(
        self,
        participants: Sequence[str],
        *,
        at: _Time,
        channel: str = "event",
        duration: float | None = None,
        weight: float = 1.0,
        name: str | None = None,
    ) -> None: ...
    def add_connection(
        self,
        a: str,
        b: str,
        *,
        platform: str,
        kind: Literal["mutual", "follows"] = "mutual",
        since: _Time | None = None,
    ) -> None: ...
    def interactions(self, a: str, b: str) -> list[Interaction]: ...
    def connections(self, a: str, b: str) -> list[Connection]: ...
    def register_channel(
        self,
        name: str,
        *,
        mode: _Mode,
        class_: _Class,
        weight: float,
        mutual: bool = False,
        typical_duration: float | None = None,
    ) -> Channel: ...
    def channel(self, name: str) -> Channel: ...
    def channels(self) -> list[Channel]: ...
    def load_interactions(
        self,
        data: Any,
        *,
        src: str = "src",
        dst: str = "dst",
        time: str = "time",
        channel: str = "channel",
        duration: str | None = None,
        weight: str | None = None,
        on_error: _OnError = "raise",
        progress: bool | Callable[[int], object] | None = None,
        time_unit: _TimeUnit | None = None,
    ) -> LoadReport: ...
    def load_connections(
        self,
        data: Any,
        *,
        a: str = "a",
        b: str = "b",
        platform: str = "platform",
        kind: str | None = None,
        since: str | None = None,
        on_error: _OnError = "raise",
        time_unit: _TimeUnit | None = None,
    ) -> LoadReport: ...
    def merge(self, other: Graph) -> None: ...
    def save(self, path: _Path) -> None: ...
    @classmethod
    def load(cls, path: _Path) -> Graph: ...
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: bytes) -> None: ...
    def __eq__(self, other: object, /) -> bool: ...
