"""The exceptions of tiegraph.

Every failure of the core library raises one subclass of
:class:`TiegraphError`, chosen by the innermost core error (a bad row of a
bulk load is reported by the kind of its problem, not as a generic "row
error"). The message is the core's, and names the row (and the CSV line)
for bulk input; ``exc.row`` and ``exc.line`` hold them too (``None``
otherwise). Arguments of the wrong Python type raise plain ``TypeError``.

Several classes also derive from the built-in exception a Python user would
reach for, so ``except KeyError`` or ``except ValueError`` work as expected.

=============================================  ============================  ===============
core ``tiegraph::Error`` (innermost)           Python exception              also a
=============================================  ============================  ===============
``SelfInteraction``                            ``SelfInteractionError``      ``ValueError``
``EmptyKey``                                   ``EmptyKeyError``             ``ValueError``
``UnknownChannel``                             ``UnknownChannelError``       ``ValueError``
``InvalidWeight``                              ``InvalidWeightError``        ``ValueError``
``InvalidDuration``                            ``InvalidDurationError``      ``ValueError``
``InvalidTimestamp``, ``TimestampOutOfRange``  ``TimestampError``            ``ValueError``
``InvalidValue``                               ``InvalidValueError``         ``ValueError``
``MissingColumn``                              ``MissingColumnError``        ``ValueError``
``WrongColumnType``                            ``ColumnTypeError``           ``TypeError``
``Csv``                                        ``CsvError``                  ``ValueError``
``SnapshotVersion``                            ``SnapshotVersionError``      ``ValueError``
``CorruptSnapshot``                            ``CorruptSnapshotError``      ``ValueError``
``Io``                                         ``TiegraphIOError``           ``OSError``
``PersonNotFound``                             ``PersonNotFoundError``       ``KeyError``
``PersonExists``                               ``PersonExistsError``         ``ValueError``
``TieNotFound``                                ``TieNotFoundError``          ``KeyError``
``InteractionNotFound``                        ``InteractionNotFoundError``  ``LookupError``
``InvalidChannel``                             ``InvalidChannelError``       ``ValueError``
``InvalidEvent``                               ``InvalidEventError``         ``ValueError``
``InvalidParameter``                           ``InvalidParameterError``     ``ValueError``
``InvalidArgument``                            ``InvalidArgumentError``      ``ValueError``
``Fit``                                        ``FitError``                  ``ValueError``
any kind added to the core later               ``TiegraphError``
=============================================  ============================  ===============

Bad option strings (``on_error="ignore"``, ``kind="friends"``, an unknown
``mode`` or ``class_``, ``view="email"``) raise ``InvalidValueError``; an
option that does not apply (``time_unit`` for an Arrow input) raises
``InvalidArgumentError``. A model parameter of an unknown name or of the
wrong kind (a float for ``regularity_weeks``) raises
``InvalidParameterError``, like one out of its domain; a column a result
:class:`~tiegraph.Table` does not have raises ``MissingColumnError``.
"""

from __future__ import annotations

__all__ = [
    "TiegraphError",
    "SelfInteractionError",
    "EmptyKeyError",
    "UnknownChannelError",
    "InvalidWeightError",
    "InvalidDurationError",
    "TimestampError",
    "InvalidValueError",
    "MissingColumnError",
    "ColumnTypeError",
    "CsvError",
    "SnapshotVersionError",
    "CorruptSnapshotError",
    "TiegraphIOError",
    "PersonNotFoundError",
    "PersonExistsError",
    "TieNotFoundError",
    "InteractionNotFoundError",
    "InvalidChannelError",
    "InvalidEventError",
    "InvalidParameterError",
    "InvalidArgumentError",
    "FitError",
]


class TiegraphError(Exception):
    """Base class of every error raised by tiegraph.

    The message is the core's: lowercase, naming the value at fault and,
    for bulk input, the row (``"row 5: self-interaction: ..."``).

    Attributes
    ----------
    row : int or None
        0-based position of the bad row of a bulk load, across all
        batches; None for other errors.
    line : int or None
        1-based line of the bad row in a CSV file (header included); None
        for other inputs.

    Examples
    --------
    >>> import datetime as dt
    >>> import tiegraph as tg
    >>> try:
    ...     tg.Graph().add_interaction("ana", "ana", at=dt.datetime(2026, 3, 2), channel="email")
    ... except tg.TiegraphError as exc:
    ...     print(type(exc).__name__, exc, exc.row)
    SelfInteractionError self-interaction: "ana" cannot interact with themself None
    """

    #: 0-based position of the bad row of a bulk load, across all batches.
    row: int | None = None
    #: 1-based line of the bad row in a CSV file (header included).
    line: int | None = None

    def __str__(self) -> str:
        # KeyError's __str__ would quote the message; keep the core's text.
        return Exception.__str__(self)


class SelfInteractionError(TiegraphError, ValueError):
    """An interaction or connection whose two people are the same."""


class EmptyKeyError(TiegraphError, ValueError):
    """A person key that is empty (or null in a bulk input)."""


class UnknownChannelError(TiegraphError, ValueError):
    """A channel that is neither built in nor registered; the message lists the known ones."""


class InvalidWeightError(TiegraphError, ValueError):
    """A weight multiplier that is negative, NaN or infinite."""


class InvalidDurationError(TiegraphError, ValueError):
    """A duration that is negative, NaN, infinite or longer than ten years."""


class TimestampError(TiegraphError, ValueError):
    """A timestamp that cannot be parsed, is missing, or is out of range."""


class InvalidValueError(TiegraphError, ValueError):
    """A value that is not one of the allowed ones (a connection kind, an option)."""


class MissingColumnError(TiegraphError, ValueError):
    """A column named in a bulk load is not in the input; the message lists those that are."""


class ColumnTypeError(TiegraphError, TypeError):
    """A column of a bulk input whose type cannot hold what it should."""


class CsvError(TiegraphError, ValueError):
    """A CSV line that cannot be read."""


class SnapshotVersionError(TiegraphError, ValueError):
    """A snapshot written by a format version this build cannot read."""


class CorruptSnapshotError(TiegraphError, ValueError):
    """A snapshot that is not valid JSON of the expected shape."""


class TiegraphIOError(TiegraphError, OSError):
    """Reading or writing a file (or an Arrow stream) failed."""


class PersonNotFoundError(TiegraphError, KeyError):
    """No person has this key."""


class PersonExistsError(TiegraphError, ValueError):
    """A person with this key already exists (use ``update_person``)."""


class TieNotFoundError(TiegraphError, KeyError):
    """The two people have no tie."""


class InteractionNotFoundError(TiegraphError, LookupError):
    """No stored interaction matches the one to remove."""


class InvalidChannelError(TiegraphError, ValueError):
    """A channel definition that cannot be registered."""


class InvalidEventError(TiegraphError, ValueError):
    """A group event with fewer than two distinct people, or a repeated one."""


class InvalidParameterError(TiegraphError, ValueError):
    """A parameter of the scoring model out of its domain."""


class InvalidArgumentError(TiegraphError, ValueError):
    """An argument out of its domain."""


class FitError(TiegraphError, ValueError):
    """The scoring model cannot be fitted to these labels."""
