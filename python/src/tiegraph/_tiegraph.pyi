# Hand-written stubs of the extension module; checked against it with
# `python -m mypy.stubtest tiegraph._tiegraph`.

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    "ScoringModel",
    "Weights",
    "Fit",
    "View",
    "Strength",
    "Contact",
    "Explanation",
    "Table",
    "roc_auc",
]

__version__: str
SNAPSHOT_VERSION: int

_Time = dt.datetime | dt.date
_Path = str | os.PathLike[str]
_OnError = Literal["raise", "skip"]
_TimeUnit = Literal["s", "ms", "us", "ns"]
_Mode = Literal["online", "offline"]
_Class = Literal["offline", "synchronous", "private_written", "public_directed", "broadcast", "one_click"]
_State = Literal["dormant", "cooling", "active", "one_sided", "passive", "connected", "none"]
_ViewArg = View | Literal["online", "offline"] | None

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
class Weights:
    """The weights ω of the model's features; only their ratios matter.

    Parameters
    ----------
    recency, intensity, duration, regularity, reciprocity, multiplexity, connection, structural : float, optional
        Each finite and >= 0. Those not given keep their defaults: R 0.25,
        I 0.25, D 0.15, F 0.10, B 0.10, M 0.10, K 0.05 and S 0.05 (S counts
        only when the model has ``structural=True``).

    Raises
    ------
    InvalidParameterError
        An unknown name, a value of the wrong kind, or a weight out of its
        domain (the enabled weights must not all be 0).

    Examples
    --------
    >>> w = Weights(recency=0.5)
    >>> (w.recency, w.intensity)
    (0.5, 0.25)
    """

    def __new__(
        cls,
        *,
        recency: float = ...,
        intensity: float = ...,
        duration: float = ...,
        regularity: float = ...,
        reciprocity: float = ...,
        multiplexity: float = ...,
        connection: float = ...,
        structural: float = ...,
    ) -> Weights: ...
    @property
    def recency(self) -> float: ...
    @property
    def intensity(self) -> float: ...
    @property
    def duration(self) -> float: ...
    @property
    def regularity(self) -> float: ...
    @property
    def reciprocity(self) -> float: ...
    @property
    def multiplexity(self) -> float: ...
    @property
    def connection(self) -> float: ...
    @property
    def structural(self) -> float: ...
    def to_dict(self) -> dict[str, float]:
        """The weights by feature name, in model order."""
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, float]]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ScoringModel:
    """The tie-strength model: every parameter of the default model, by name.

    ``ScoringModel()`` is the evidence-based default of the model page; give
    any parameter to change it. The model is validated on construction and
    immutable; it compares by value, pickles, and round-trips through
    :meth:`to_dict` / :meth:`from_dict`.

    Parameters
    ----------
    recency_half_life_days : float, default 90
        h_R, half-life of the recency of two-way contact.
    intensity_half_life_days : float, default 180
        h_I, half-life of an interaction's contribution to intensity.
    intensity_scale : float, default 3
        κ, the intensity scale.
    duration_scale_days : float, default 365
        τ_D, the time scale of the relationship's duration.
    regularity_weeks : int, default 52
        A, the number of recent weeks regularity looks at.
    window_days : float, default 365
        L, the window of reciprocity and multiplexity.
    meaningful_threshold : float, default 0.10
        An interaction is meaningful when its effective weight is at least this.
    duration_gain_min, duration_gain_max : float, default 0.5 and 2
        The clamp of the duration gain √(d / d_typ).
    online_only_cap : float, default 0.75
        The strength cap of two-way pairs that never met or called.
    weights : Weights or dict, optional
        The feature weights ω; in a dict, weights not given keep their defaults.
    structural : bool, default False
        Whether the structural overlap S is part of the model.
    dormant_recency, dormant_drop : float, default 0.1 and 0.3
        ``"dormant"`` needs recency below the first and a strength this far
        below its peak.
    cooling_lookback_days, cooling_drop : float, default 90 and 0.1
        ``"cooling"`` needs a drop of more than ``cooling_drop`` since this
        many days earlier.

    Raises
    ------
    InvalidParameterError
        An unknown parameter, a value of the wrong kind (``regularity_weeks``
        must be an integer), or a value out of its domain.
    TypeError
        A value that is not a number, a bool or (for ``weights``) a mapping.

    Examples
    --------
    >>> m = ScoringModel(recency_half_life_days=30, weights={"connection": 0.2})
    >>> m
    ScoringModel(recency_half_life_days=30.0, weights={'connection': 0.2})
    >>> ScoringModel.from_dict(m.to_dict()) == m
    True
    """

    def __new__(
        cls,
        *,
        recency_half_life_days: float = ...,
        intensity_half_life_days: float = ...,
        intensity_scale: float = ...,
        duration_scale_days: float = ...,
        regularity_weeks: int = ...,
        window_days: float = ...,
        meaningful_threshold: float = ...,
        duration_gain_min: float = ...,
        duration_gain_max: float = ...,
        online_only_cap: float = ...,
        weights: Weights | Mapping[str, float] = ...,
        structural: bool = ...,
        dormant_recency: float = ...,
        dormant_drop: float = ...,
        cooling_lookback_days: float = ...,
        cooling_drop: float = ...,
    ) -> ScoringModel: ...
    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ScoringModel:
        """A model from a dict of parameters, as :meth:`to_dict` writes it.

        Parameters not in ``d`` keep their defaults.

        Raises
        ------
        InvalidParameterError
            As the constructor.
        """
    def to_dict(self) -> dict[str, Any]:
        """Every parameter by name, in declaration order; ``weights`` as a dict.

        The dict is plain data (numbers, bools, a nested dict), ready for
        JSON.
        """
    @property
    def recency_half_life_days(self) -> float: ...
    @property
    def intensity_half_life_days(self) -> float: ...
    @property
    def intensity_scale(self) -> float: ...
    @property
    def duration_scale_days(self) -> float: ...
    @property
    def regularity_weeks(self) -> int: ...
    @property
    def window_days(self) -> float: ...
    @property
    def meaningful_threshold(self) -> float: ...
    @property
    def duration_gain_min(self) -> float: ...
    @property
    def duration_gain_max(self) -> float: ...
    @property
    def online_only_cap(self) -> float: ...
    @property
    def weights(self) -> Weights: ...
    @property
    def structural(self) -> bool: ...
    @property
    def dormant_recency(self) -> float: ...
    @property
    def dormant_drop(self) -> float: ...
    @property
    def cooling_lookback_days(self) -> float: ...
    @property
    def cooling_drop(self) -> float: ...
    def weight_sum(self) -> float:
        """Σω over the enabled features (S only when ``structural``)."""
    def fit(
        self,
        graph: Graph,
        labels: Sequence[tuple[str, str, float]] | Any,
        *,
        as_of: _Time,
        folds: int = 5,
        l2: float = 1e-3,
        seed: int = 7,
        view: _ViewArg = None,
    ) -> Fit:
        """Fits the feature weights to labelled pairs.

        L2-regularised logistic regression of the labels on the model's
        features at ``as_of``, with non-negative weights, measured by k-fold
        cross-validation grouped by person (a held-out pair involves no one
        the fold's model was fitted on).

        Parameters
        ----------
        graph : Graph
            The graph whose ties are labelled.
        labels : sequence of (a, b, strength), or a table
            Pairs of person keys and how strong the tie is known to be, in
            [0, 1] (1 strong, 0 weak); a table (pyarrow, polars, pandas...)
            needs columns ``a``, ``b`` and ``strength``.
        as_of : datetime.datetime or datetime.date
            When the features are taken (naive = UTC; a date is its midnight UTC).
        folds : int, default 5
            Cross-validation folds (at least 2).
        l2 : float, default 1e-3
            L2 penalty on the feature weights.
        seed : int, default 7
            Seed of the split of people into folds.
        view : None, "online", "offline" or View
            Which interactions count.

        Returns
        -------
        Fit
            The fitted model (this model's parameters, weights refitted and
            summing to 1), the intercept, and the cross-validated and
            starting ROC AUCs (labels >= 0.5 count as strong).

        Raises
        ------
        FitError
            Fewer than 2 folds, a label outside [0, 1], or labels that are all
            strong or all weak.
        PersonNotFoundError
            A labelled person the graph does not know (``exc.row`` is the label's index).
        MissingColumnError, ColumnTypeError
            A table without the columns, or with columns of the wrong type.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> labels = []
        >>> for i in range(20):
        ...     g.add_interaction(f"p{i}", f"q{i}", at=dt.datetime(2026, 1, 1 + i),
        ...                       channel="in_person" if i % 2 == 0 else "email")
        ...     labels.append((f"p{i}", f"q{i}", float(i % 2 == 0)))
        >>> ScoringModel().fit(g, labels, as_of=dt.datetime(2026, 2, 1)).cv_auc
        1.0
        """
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Fit:
    """What :meth:`ScoringModel.fit` found."""

    @property
    def model(self) -> ScoringModel:
        """The starting model with the fitted weights (summing to 1)."""
    @property
    def intercept(self) -> float:
        """The logistic intercept of the fit on all pairs."""
    @property
    def cv_auc(self) -> float | None:
        """ROC AUC of the fitted strength on held-out pairs, pooled over the folds.

        None when a fold lacked strong or weak pairs.
        """
    @property
    def base_auc(self) -> float | None:
        """ROC AUC of the starting model's strength on the same pairs."""

def roc_auc(scores: Iterable[float], labels: Iterable[bool | int]) -> float | None:
    """ROC AUC of scores against binary labels.

    The probability that a random positive scores above a random negative,
    ties counting one half.

    Parameters
    ----------
    scores : iterable of float
        One score per item (NumPy arrays work).
    labels : iterable of bool, or of 0 / 1
        Whether each item is a positive.

    Returns
    -------
    float or None
        None when there are no positives or no negatives.

    Raises
    ------
    InvalidArgumentError
        Lengths that differ, a NaN score, or a label that is not a bool or 0 / 1.

    Examples
    --------
    >>> roc_auc([0.9, 0.1, 0.5, 0.5], [True, False, True, False])
    0.875
    """

@final
class View:
    """Which interactions count: a mode, a set of channels, a time window.

    Every part is optional and they combine with "and"; declared
    connections always count. The model applies unchanged to what a view
    keeps, online-only cap included. Wherever a query takes ``view=``, the
    strings ``"online"`` and ``"offline"`` stand for ``View(mode=...)``.

    Parameters
    ----------
    mode : {"online", "offline"}, optional
        Keep only this mode's channels.
    channels : sequence of str, optional
        Keep only these channels (an unknown name fails at query time with
        :class:`UnknownChannelError`).
    start, end : datetime.datetime or datetime.date, optional
        Keep interactions in ``[start, end)`` (naive = UTC).

    Raises
    ------
    InvalidValueError
        A ``mode`` other than ``"online"`` or ``"offline"``.

    Examples
    --------
    >>> import datetime as dt
    >>> View(channels=["email"], start=dt.datetime(2026, 1, 1))
    View(channels=['email'], start=datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))
    """

    def __new__(
        cls,
        *,
        mode: _Mode | None = None,
        channels: Sequence[str] | None = None,
        start: _Time | None = None,
        end: _Time | None = None,
    ) -> View: ...
    @classmethod
    def online(cls) -> View:
        """Online channels only."""
    @classmethod
    def offline(cls) -> View:
        """Offline channels only."""
    @property
    def mode(self) -> _Mode | None: ...
    @property
    def channels(self) -> list[str] | None: ...
    @property
    def start(self) -> dt.datetime | None:
        """Aware, in UTC."""
    @property
    def end(self) -> dt.datetime | None:
        """Aware, in UTC."""
    def __getnewargs_ex__(self) -> tuple[tuple[()], dict[str, Any]]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Strength:
    """The strength of one relationship at one date, and why.

    Attributes
    ----------
    value : float
        The strength, in [0, 1].
    components : dict of str to float
        The features ``recency``, ``intensity``, ``duration``, ``regularity``,
        ``reciprocity``, ``multiplexity``, ``connection`` (and
        ``structural`` when the model has it on), each in [0, 1].
    contributions : dict of str to float
        ω·f / Σω per feature; they sum to the value before the online-only
        cap (only ``connection`` contributes when the pair is not two-way).
    state : str
        ``"dormant"``, ``"cooling"``, ``"active"``, ``"one_sided"``,
        ``"passive"``, ``"connected"`` or ``"none"``.
    one_sided_from : str or None
        The key of the side that reached out when the state is ``"one_sided"``.
    peak : float or None
        The highest strength at the times of the pair's meaningful
        interactions and at the date: set by ``Graph.explain``, by
        ``Graph.ties(with_peak=True)`` and whenever the dormant rule needed
        it; ``Graph.peak`` gives it with its time.
    effort : tuple of (float, float)
        What each side put in (decayed intensity sums), in the order asked.
    two_way : bool
        Both sides have a meaningful interaction at or before the date.
    online_only : bool
        Two-way but never met or called (meaningfully).
    capped : bool
        The online-only cap lowered the value.
    """

    @property
    def value(self) -> float: ...
    @property
    def components(self) -> dict[str, float]: ...
    @property
    def contributions(self) -> dict[str, float]: ...
    @property
    def state(self) -> _State: ...
    @property
    def one_sided_from(self) -> str | None: ...
    @property
    def peak(self) -> float | None: ...
    @property
    def effort(self) -> tuple[float, float]: ...
    @property
    def two_way(self) -> bool: ...
    @property
    def online_only(self) -> bool: ...
    @property
    def capped(self) -> bool: ...
    def __float__(self) -> float:
        """The value."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Contact:
    """One interaction named in an :class:`Explanation`."""

    @property
    def at(self) -> dt.datetime:
        """When (aware, UTC)."""
    @property
    def channel(self) -> str: ...
    @property
    def from_(self) -> str:
        """The key of the person who initiated it."""
    @property
    def initiator(self) -> str:
        """The same as :attr:`from_`."""
    @property
    def weight(self) -> float:
        """The effective weight W = w_c × m × g."""
    @property
    def share(self) -> float:
        """Its share of the pair's decayed intensity, in [0, 1]."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Explanation:
    """A strength and why: the contacts that weigh most, and plain sentences.

    ``str(explanation)`` is the reasons, one a line.
    """

    @property
    def strength(self) -> Strength: ...
    @property
    def last_two_way(self) -> Contact | None:
        """The latest contact that made the pair two-way (the earlier side's last)."""
    @property
    def last_met(self) -> Contact | None:
        """The latest meaningful offline contact."""
    @property
    def top(self) -> list[Contact]:
        """The contacts that contribute most to intensity, largest first (at most 5)."""
    @property
    def reasons(self) -> list[str]:
        """Plain sentences, most important first."""

@final
class Table:
    """A table of results: Arrow record batches built in Rust.

    It speaks the Arrow PyCapsule interface, so ``pyarrow.table(t)``,
    ``polars.DataFrame(t)``, DuckDB and pandas (>= 2.2, through pyarrow)
    read it without a copy; :meth:`to_arrow`, :meth:`to_pandas` and
    :meth:`to_polars` do that for you.
    """

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow C stream of the table (a PyCapsule)."""
    def __arrow_c_schema__(self) -> object:
        """The Arrow C schema of the table (a PyCapsule)."""
    def __len__(self) -> int: ...
    @property
    def num_rows(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...
    def column(self, name: str) -> Any:
        """One column as a ``pyarrow.ChunkedArray``.

        Raises
        ------
        MissingColumnError
            No column has this name; the message lists those there are.
        """
    def to_arrow(self) -> Any:
        """The table as a ``pyarrow.Table`` (no copy)."""
    def to_pandas(self) -> Any:
        """The table as a ``pandas.DataFrame`` (through pyarrow; needs pandas)."""
    def to_polars(self) -> Any:
        """The table as a ``polars.DataFrame`` (needs polars)."""

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
    @property
    def model(self) -> ScoringModel:
        """The scoring model queries use when given none (a copy; the default unless set)."""
    def set_model(self, model: ScoringModel) -> None:
        """Sets the scoring model queries use; it is saved and pickled with the graph."""
    def strength(
        self,
        a: str,
        b: str,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Strength:
        """The strength of the relationship between ``a`` and ``b`` as of a date.

        Parameters
        ----------
        a, b : str
            Person keys; the effort and ``one_sided_from`` follow this order.
        as_of : datetime.datetime or datetime.date
            The date of the score: only what happened at or before it counts.
            A naive datetime is UTC, an aware one is converted; a date is its
            midnight UTC (the same instant ``at=`` takes for a date, so
            interactions added with that date count). Required: tiegraph
            never reads a clock.
        view : None, "online", "offline" or View
            Which interactions count (all by default).
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Returns
        -------
        Strength
            With components, contributions, state and each side's effort
            (``peak`` only when the state needed it: see :meth:`peak`). People
            without a tie get a zero strength in state ``"none"``.

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        SelfInteractionError
            ``a == b``.
        UnknownChannelError, InvalidArgumentError
            A view naming an unknown channel, or with ``end <= start``.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> s = g.strength("ana", "lee", as_of=dt.datetime(2026, 3, 10))
        >>> (s.value, s.state, s.one_sided_from)
        (0.0, 'one_sided', 'ana')
        """
    def peak(
        self,
        a: str,
        b: str,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> tuple[float, dt.datetime] | None:
        """The pair's highest strength and when it was first reached.

        The peak is the best strength at the times of the pair's meaningful
        interactions (each as its own date) and at ``as_of``. ``strength``
        leaves ``peak`` unset unless its state needed it, because this costs
        one more sweep over the pair's history.

        Parameters
        ----------
        a, b : str
            Person keys.
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC).
        view : None, "online", "offline" or View
            Which interactions count.
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Returns
        -------
        tuple of (float, datetime.datetime) or None
            The peak and its time (UTC); None when the pair has no tie.

        Raises
        ------
        PersonNotFoundError
            When a key is unknown.
        """
    def online_strength(
        self, a: str, b: str, *, as_of: _Time, model: ScoringModel | None = None
    ) -> Strength:
        """The strength counting online interactions only (``view="online"``).

        See :meth:`strength` for the parameters.
        """
    def offline_strength(
        self, a: str, b: str, *, as_of: _Time, model: ScoringModel | None = None
    ) -> Strength:
        """The strength counting offline interactions only (``view="offline"``).

        See :meth:`strength` for the parameters.
        """
    def explain(
        self,
        a: str,
        b: str,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Explanation:
        """The strength of the pair with the contacts behind it, in plain words.

        Parameters are those of :meth:`strength`.

        Returns
        -------
        Explanation
            ``str()`` of it reads, one reason a line, e.g.::

                last two-way contact 41 days ago (public_reply)
                never met in person or by call
                ana follows lee on x

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        """
    def ties(
        self,
        *,
        as_of: _Time,
        person: str | None = None,
        min_strength: float = 0.0,
        with_peak: bool = False,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """Every tie (or one person's) with its strength, as a table.

        The scoring runs in parallel in Rust with the GIL released, and the
        table is built from Arrow arrays: no Python object per row.

        Parameters
        ----------
        as_of : datetime.datetime or datetime.date
            The date of the scores (see :meth:`strength`).
        person : str, optional
            Only this person's ties, with the person in column ``a`` and the
            others in key order; by default every tie, ``a`` before ``b`` by key.
        min_strength : float, default 0
            Only ties at least this strong.
        with_peak : bool, default False
            Add a ``peak`` column (one more pass per meaningful interaction).
        view : None, "online", "offline" or View
            Which interactions count.
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Returns
        -------
        Table
            Columns ``a``, ``b`` (string), ``strength``, ``recency``,
            ``intensity``, ``duration``, ``regularity``, ``reciprocity``,
            ``multiplexity``, ``connection`` (float64), ``structural``
            (float64, when the model has it on), ``state`` (string),
            ``one_sided_from`` (string, null unless one-sided),
            ``online_only``, ``capped`` (bool), ``peak`` (float64, with
            ``with_peak``).

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``min_strength`` is NaN.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> t = g.ties(as_of=dt.datetime(2026, 3, 10))
        >>> (len(t), t.column("state").to_pylist())
        (1, ['active'])
        """
    def timeline(
        self,
        a: str,
        b: str,
        *,
        start: _Time,
        end: _Time,
        step: dt.timedelta,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """The strength between ``a`` and ``b`` at ``start``, ``start + step``, ... up to ``end`` included.

        Parameters
        ----------
        a, b : str
            Person keys.
        start, end : datetime.datetime or datetime.date
            The first and last dates (naive = UTC).
        step : datetime.timedelta
            At least one second; whole seconds count.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``at`` (timestamp[us, tz=UTC]) and ``strength`` (float64).

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        InvalidArgumentError
            ``step`` under a second, ``end`` before ``start``, or more than ten
            million points.
        """
    def merge(self, other: Graph) -> None: ...
    def save(self, path: _Path) -> None: ...
    @classmethod
    def load(cls, path: _Path) -> Graph: ...
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: bytes) -> None: ...
    def __eq__(self, other: object, /) -> bool: ...
