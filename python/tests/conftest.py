from __future__ import annotations

import datetime as dt

import pytest

import tiegraph as tg

UTC = dt.timezone.utc


def at(day: int, hour: int = 10, month: int = 3) -> dt.datetime:
    """A naive time in March 2026 (naive = UTC for tiegraph)."""
    return dt.datetime(2026, month, day, hour)


def utc(day: int, hour: int = 10, month: int = 3) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, tzinfo=UTC)


@pytest.fixture
def g() -> tg.Graph:
    """Ana and Lee emailed both ways and met once; Bo follows Ana."""
    g = tg.Graph()
    g.add_person("ana", name="Ana Ruiz", organisation="Agency", role="press officer", tags=["pr"])
    g.add_interaction("ana", "lee", at=at(2), channel="email")
    g.add_interaction("lee", "ana", at=at(3), channel="email")
    g.add_interaction("ana", "lee", at=at(9), channel="in_person", duration=5400.0)
    g.add_connection("bo", "ana", platform="x", kind="follows")
    return g
