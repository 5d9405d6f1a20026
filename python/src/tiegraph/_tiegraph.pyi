# Hand-written stubs of the extension module; checked against it with
# `python -m mypy.stubtest tiegraph._tiegraph`.

import datetime as dt
import os
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
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
    "Path",
    "Brokerage",
    "Communities",
    "EgoLayers",
    "LiftReport",
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
_SuggestMethod = Literal["adamic_adar", "resource_allocation"]

@final
class Person:
    """A person: a key and optional details.

    Returned by :meth:`Graph.person`, :meth:`Graph.people` and
    :meth:`Graph.remove_person`: a copy, so holding one never holds the
    graph. People compare by value.

    Examples
    --------
    >>> g = Graph()
    >>> g.add_person("lee@daily.example", name="Lee Park", tags=["press"])
    >>> g.person("lee@daily.example")
    Person(key='lee@daily.example', name='Lee Park', organisation=None, role=None, tags=['press'])
    """

    @property
    def key(self) -> str:
        """The person's key (an email address, a handle): unique and non-empty."""
    @property
    def name(self) -> str | None:
        """Their name, or None."""
    @property
    def organisation(self) -> str | None:
        """The organisation they belong to, or None."""
    @property
    def role(self) -> str | None:
        """Their role (``"reporter"``, ``"account director"``), or None."""
    @property
    def tags(self) -> list[str]:
        """Their tags, in the order given (empty when none)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Channel:
    """A channel of contact and its place in the scoring model.

    Returned by :meth:`Graph.channel`, :meth:`Graph.channels` and
    :meth:`Graph.register_channel`; channels compare by value.

    Examples
    --------
    >>> Graph().channel("email")
    Channel(name='email', mode='online', class_='private_written', weight=0.3, mutual=False, typical_duration=None)
    """

    @property
    def name(self) -> str:
        """The channel's name, as interactions give it (``"email"``)."""
    @property
    def mode(self) -> _Mode:
        """The mode: ``"online"`` or ``"offline"``."""
    @property
    def class_(self) -> _Class:
        """The class, for multiplexity and the online-only cap.

        ``"offline"``, ``"synchronous"``, ``"private_written"``,
        ``"public_directed"``, ``"broadcast"`` or ``"one_click"``.
        """
    @property
    def weight(self) -> float:
        """The weight w_c of one interaction of typical length."""
    @property
    def mutual(self) -> bool:
        """Whether an interaction counts for both sides, whoever logged it."""
    @property
    def typical_duration(self) -> float | None:
        """The typical duration in seconds, or None.

        When set, an interaction with a duration d weighs √(d / typical) times
        more, clamped to the model's ``duration_gain_min`` and
        ``duration_gain_max``.
        """
    def __eq__(self, other: object, /) -> bool: ...

@final
class Interaction:
    """One stored interaction, as :meth:`Graph.interactions` returns it.

    A copy; interactions compare by value.

    Examples
    --------
    >>> import datetime as dt
    >>> g = Graph()
    >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2, 10), channel="phone_call", duration=600)
    >>> g.interactions("ana", "lee")[0]
    Interaction(src='ana', dst='lee', at=datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.timezone.utc), channel='phone_call', duration=600.0, weight=1.0)
    """

    @property
    def src(self) -> str:
        """The key of the person who initiated it."""
    @property
    def dst(self) -> str:
        """The key of the other person."""
    @property
    def at(self) -> dt.datetime:
        """When it happened (aware, in UTC), to the second."""
    @property
    def channel(self) -> str:
        """The channel's name."""
    @property
    def duration(self) -> float | None:
        """How long it lasted, in seconds, or None."""
    @property
    def weight(self) -> float:
        """The weight multiplier m (1 unless given)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Connection:
    """A declared link on a platform: friends, contacts, a follow.

    Returned by :meth:`Graph.connections`; connections compare by value.
    A connection is not contact: it only feeds the model's ``connection``
    feature.

    Examples
    --------
    >>> g = Graph()
    >>> g.add_connection("ana", "lee", platform="x", kind="follows")
    >>> g.connections("ana", "lee")
    [Connection(a='ana', b='lee', platform='x', kind='follows', since=None)]
    """

    @property
    def a(self) -> str:
        """One person's key; the follower when ``kind`` is ``"follows"``."""
    @property
    def b(self) -> str:
        """The other person's key; the one followed when ``kind`` is ``"follows"``."""
    @property
    def platform(self) -> str:
        """The platform (``"linkedin"``, ``"x"``)."""
    @property
    def kind(self) -> Literal["mutual", "follows"]:
        """The kind: ``"mutual"``, or ``"follows"`` when ``a`` follows ``b``."""
    @property
    def since(self) -> dt.datetime | None:
        """Since when the link exists (aware, UTC), or None when unknown."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class LoadReport:
    """What a bulk load did.

    Returned by :meth:`Graph.load_interactions` and
    :meth:`Graph.load_connections`.

    Examples
    --------
    >>> import datetime as dt
    >>> import pyarrow as pa
    >>> t = pa.table({
    ...     "src": ["ana", "ana"],
    ...     "dst": ["lee", "ana"],
    ...     "time": [dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 3)],
    ...     "channel": ["email", "email"],
    ... })
    >>> report = Graph().load_interactions(t, on_error="skip")
    >>> (report.rows, report.added, report.new_people, report.ties_touched)
    (2, 1, 2, 1)
    >>> report.skipped
    [(1, 'self-interaction: "ana" cannot interact with themself')]
    """

    @property
    def rows(self) -> int:
        """The number of rows read."""
    @property
    def added(self) -> int:
        """The number of rows added."""
    @property
    def skipped(self) -> list[tuple[int, str]]:
        """The rows left out with ``on_error="skip"``, as ``(row, message)``.

        ``row`` is 0-based across all batches; the message of a CSV row
        starts with its line (``"line 3: ..."``).
        """
    @property
    def new_people(self) -> int:
        """The number of people created because a row named them."""
    @property
    def ties_touched(self) -> int:
        """The number of ties that received at least one row."""

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
    def recency(self) -> float:
        """The weight ω_R of recency (default 0.25)."""
    @property
    def intensity(self) -> float:
        """The weight ω_I of intensity (default 0.25)."""
    @property
    def duration(self) -> float:
        """The weight ω_D of duration (default 0.15)."""
    @property
    def regularity(self) -> float:
        """The weight ω_F of regularity (default 0.10)."""
    @property
    def reciprocity(self) -> float:
        """The weight ω_B of reciprocity (default 0.10)."""
    @property
    def multiplexity(self) -> float:
        """The weight ω_M of multiplexity (default 0.10)."""
    @property
    def connection(self) -> float:
        """The weight ω_K of a declared connection (default 0.05)."""
    @property
    def structural(self) -> float:
        """The weight ω_S of the structural overlap (default 0.05; counts only with ``structural=True``)."""
    def to_dict(self) -> dict[str, float]:
        """The weights by feature name, in model order.

        Returns
        -------
        dict of str to float
            ``recency``, ``intensity``, ``duration``, ``regularity``,
            ``reciprocity``, ``multiplexity``, ``connection``, ``structural``.

        Examples
        --------
        >>> Weights(connection=0.2).to_dict()["connection"]
        0.2
        """
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

        Parameters
        ----------
        d : dict
            Parameters by name, as the constructor takes them; those not in
            ``d`` keep their defaults.

        Returns
        -------
        ScoringModel
            The model, validated.

        Raises
        ------
        InvalidParameterError
            As the constructor.

        Examples
        --------
        >>> ScoringModel.from_dict({"window_days": 180, "weights": {"recency": 0.5}})
        ScoringModel(window_days=180.0, weights={'recency': 0.5})
        """
    def to_dict(self) -> dict[str, Any]:
        """Every parameter by name, in declaration order; ``weights`` as a dict.

        Returns
        -------
        dict
            Plain data (numbers, bools, a nested dict), ready for JSON;
            :meth:`from_dict` reads it back.

        Examples
        --------
        >>> d = ScoringModel().to_dict()
        >>> (d["recency_half_life_days"], d["weights"]["recency"])
        (90.0, 0.25)
        """
    @property
    def recency_half_life_days(self) -> float:
        """The half-life h_R of the recency of two-way contact, in days."""
    @property
    def intensity_half_life_days(self) -> float:
        """The half-life h_I of an interaction's contribution to intensity, in days."""
    @property
    def intensity_scale(self) -> float:
        """The intensity scale κ."""
    @property
    def duration_scale_days(self) -> float:
        """The time scale τ_D of the relationship's duration, in days."""
    @property
    def regularity_weeks(self) -> int:
        """The number A of recent weeks regularity looks at."""
    @property
    def window_days(self) -> float:
        """The window L of reciprocity and multiplexity, in days."""
    @property
    def meaningful_threshold(self) -> float:
        """The effective weight from which an interaction is meaningful."""
    @property
    def duration_gain_min(self) -> float:
        """The lower clamp of the duration gain √(d / d_typ)."""
    @property
    def duration_gain_max(self) -> float:
        """The upper clamp of the duration gain √(d / d_typ)."""
    @property
    def online_only_cap(self) -> float:
        """The strength cap of two-way pairs that never met or called."""
    @property
    def weights(self) -> Weights:
        """The feature weights ω."""
    @property
    def structural(self) -> bool:
        """Whether the structural overlap S is part of the model."""
    @property
    def dormant_recency(self) -> float:
        """The recency below which a tie can be ``"dormant"``."""
    @property
    def dormant_drop(self) -> float:
        """How far below its peak the strength of a ``"dormant"`` tie must be."""
    @property
    def cooling_lookback_days(self) -> float:
        """How many days back ``"cooling"`` compares the strength with."""
    @property
    def cooling_drop(self) -> float:
        """The drop since ``cooling_lookback_days`` earlier beyond which a tie is ``"cooling"``."""
    def weight_sum(self) -> float:
        """Σω over the enabled features (S only when ``structural``).

        Returns
        -------
        float
            The sum the contributions are divided by.

        Examples
        --------
        >>> round(ScoringModel().weight_sum(), 6)
        1.0
        """
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
        """A view of the online channels only.

        Returns
        -------
        View
            ``View(mode="online")``, what ``view="online"`` stands for.

        Examples
        --------
        >>> View.online() == View(mode="online")
        True
        """
    @classmethod
    def offline(cls) -> View:
        """A view of the offline channels only.

        Returns
        -------
        View
            ``View(mode="offline")``, what ``view="offline"`` stands for.
        """
    @property
    def mode(self) -> _Mode | None:
        """The mode kept, ``"online"`` or ``"offline"``, or None for both."""
    @property
    def channels(self) -> list[str] | None:
        """The names of the channels kept, or None for all."""
    @property
    def start(self) -> dt.datetime | None:
        """The start of the window (aware, UTC), or None: interactions at or after it count."""
    @property
    def end(self) -> dt.datetime | None:
        """The end of the window (aware, UTC), or None: interactions strictly before it count."""
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
    def value(self) -> float:
        """The strength, in [0, 1]."""
    @property
    def components(self) -> dict[str, float]:
        """The features by name, each in [0, 1].

        ``recency``, ``intensity``, ``duration``, ``regularity``,
        ``reciprocity``, ``multiplexity``, ``connection`` (and ``structural``
        when the model has it on).
        """
    @property
    def contributions(self) -> dict[str, float]:
        """What each feature adds to the strength, ω·f / Σω, by name.

        They sum to the value before the online-only cap (only ``connection``
        contributes when the pair is not two-way).
        """
    @property
    def state(self) -> _State:
        """The state of the tie.

        ``"dormant"``, ``"cooling"``, ``"active"``, ``"one_sided"``,
        ``"passive"``, ``"connected"`` or ``"none"``.
        """
    @property
    def one_sided_from(self) -> str | None:
        """The key of the side that reached out when the state is ``"one_sided"``, else None."""
    @property
    def peak(self) -> float | None:
        """The pair's peak strength, or None when it was not computed.

        The highest strength at the times of the pair's meaningful
        interactions and at the date: set by ``Graph.explain``, by
        ``Graph.ties(with_peak=True)`` and whenever the dormant rule needed
        it; ``Graph.peak`` gives it with its time.
        """
    @property
    def effort(self) -> tuple[float, float]:
        """What each side put in (decayed intensity sums), in the order asked."""
    @property
    def two_way(self) -> bool:
        """Whether both sides have a meaningful interaction at or before the date."""
    @property
    def online_only(self) -> bool:
        """Whether the pair is two-way but never met or called (meaningfully)."""
    @property
    def capped(self) -> bool:
        """Whether the online-only cap lowered the value."""
    def __float__(self) -> float:
        """The value."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Contact:
    """One interaction named in an :class:`Explanation`."""

    @property
    def at(self) -> dt.datetime:
        """When it happened (aware, UTC)."""
    @property
    def channel(self) -> str:
        """The channel's name."""
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
    def strength(self) -> Strength:
        """The score, with its ``peak`` set."""
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

    Examples
    --------
    >>> import datetime as dt
    >>> g = Graph()
    >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    >>> t = g.ties(as_of=dt.datetime(2026, 3, 10))
    >>> (t.num_rows, t.column_names[:3])
    (1, ['a', 'b', 'strength'])
    >>> t.to_arrow().column("b").to_pylist()
    ['lee']
    """

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow C stream of the table (a PyCapsule)."""
    def __arrow_c_schema__(self) -> object:
        """The Arrow C schema of the table (a PyCapsule)."""
    def __len__(self) -> int: ...
    @property
    def num_rows(self) -> int:
        """The number of rows."""
    @property
    def column_names(self) -> list[str]:
        """The column names, in order."""
    def column(self, name: str) -> Any:
        """One column as a ``pyarrow.ChunkedArray``.

        Parameters
        ----------
        name : str
            The column's name.

        Returns
        -------
        pyarrow.ChunkedArray
            The column, without a copy.

        Raises
        ------
        MissingColumnError
            No column has this name; the message lists those there are.
        """
    def to_arrow(self) -> Any:
        """The table as a ``pyarrow.Table`` (no copy).

        Returns
        -------
        pyarrow.Table
            The same columns and rows.
        """
    def to_pandas(self) -> Any:
        """The table as a ``pandas.DataFrame`` (through pyarrow; needs pandas).

        Returns
        -------
        pandas.DataFrame
            One column per table column, in order.
        """
    def to_polars(self) -> Any:
        """The table as a ``polars.DataFrame`` (needs polars).

        Returns
        -------
        polars.DataFrame
            One column per table column, in order.
        """

@final
class Path:
    """A way for one person to reach another through people they know.

    Returned by :meth:`Graph.introduction_path` and
    :meth:`Graph.introduction_paths`. Paths compare by value.

    Attributes
    ----------
    people : list of str
        The keys of the people on the path, from the person asking to the
        person to reach.
    strengths : list of float
        ``strengths[i]`` is the strength of the tie between ``people[i]``
        and ``people[i + 1]``.
    bottleneck : float
        The weakest strength on the path: an introduction is only as good as
        its weakest link.
    product : float
        The product of the strengths, multiplied from the first tie on.
    weakest : int
        Index in ``strengths`` of the weakest tie (the first of equals).
    reason : str
        The path in words, e.g. ``"ana → sam (0.71) → lee (0.43): weakest
        link sam–lee"`` or ``"ana → lee (0.50): a direct tie"``.
    hops : int
        Number of ties on the path.
    """

    @property
    def people(self) -> list[str]:
        """The keys of the people on the path, from the person asking to the person to reach."""
    @property
    def strengths(self) -> list[float]:
        """The strength of each tie on the path, in order.

        ``strengths[i]`` is the strength of the tie between ``people[i]`` and
        ``people[i + 1]``.
        """
    @property
    def bottleneck(self) -> float:
        """The weakest strength on the path: an introduction is only as good as its weakest link."""
    @property
    def product(self) -> float:
        """The product of the strengths, multiplied from the first tie on."""
    @property
    def weakest(self) -> int:
        """The index in ``strengths`` of the weakest tie (the first of equals)."""
    @property
    def reason(self) -> str:
        """The path in words.

        For example ``"ana → sam (0.71) → lee (0.43): weakest link sam–lee"``
        or ``"ana → lee (0.50): a direct tie"``.
        """
    @property
    def hops(self) -> int:
        """The number of ties on the path."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Brokerage:
    """One person's position between others, from :meth:`Graph.brokerage`.

    Burt's constraint and effective size on the graph of tie strengths, as
    networkx computes ``constraint(G, weight=...)`` and
    ``effective_size(G, weight=...)`` on an undirected weighted graph. Low
    constraint and high effective size mark a broker: someone whose
    contacts do not know each other.

    Attributes
    ----------
    person : str
        The person's key.
    degree : int
        Number of ties with strength > 0.
    strength : float
        Sum of the strengths of those ties.
    constraint : float
        C_i = Σ_j (p_ij + Σ_q p_iq p_qj)² with p_ij = w_ij / Σ_k w_ik; NaN
        without ties.
    effective_size : float
        Burt's Σ_j (1 − Σ_q p_iq m_jq) with m_jq = w_jq / max_k w_jk; NaN
        without ties.
    unweighted_effective_size : float
        Borgatti's n − 2t/n, t the ties among the n contacts; NaN without ties.
    constrained_by : list of (str, float)
        The (at most three) contacts with the largest local constraint
        (p_ij + Σ_q p_iq p_qj)², largest first, then by key.
    reason : str
        The position in words, e.g. ``"ties to 2 people, 2.00 of them
        non-redundant; constraint 0.50, most from ana (0.25)"``.
    """

    @property
    def person(self) -> str:
        """The person's key."""
    @property
    def degree(self) -> int:
        """The number of their ties with strength > 0."""
    @property
    def strength(self) -> float:
        """The sum of the strengths of those ties."""
    @property
    def constraint(self) -> float:
        """Burt's constraint, NaN without ties.

        C_i = Σ_j (p_ij + Σ_q p_iq p_qj)² with p_ij = w_ij / Σ_k w_ik.
        """
    @property
    def effective_size(self) -> float:
        """Burt's weighted effective size, NaN without ties.

        Σ_j (1 − Σ_q p_iq m_jq) with m_jq = w_jq / max_k w_jk.
        """
    @property
    def unweighted_effective_size(self) -> float:
        """Borgatti's effective size n − 2t/n, NaN without ties.

        t is the number of ties among the n contacts.
        """
    @property
    def constrained_by(self) -> list[tuple[str, float]]:
        """The contacts that constrain most, as ``(key, local constraint)``.

        At most three, largest local constraint (p_ij + Σ_q p_iq p_qj)²
        first, then by key.
        """
    @property
    def reason(self) -> str:
        """The position in words.

        For example ``"ties to 2 people, 2.00 of them non-redundant;
        constraint 0.50, most from ana (0.25)"``.
        """
    def __eq__(self, other: object, /) -> bool: ...

@final
class Communities:
    """A partition of everyone into communities, from :meth:`Graph.communities`.

    Communities are numbered from 0 in the key order of their smallest
    member; a person without ties is a community of their own.

    Attributes
    ----------
    table : Table
        Every person of the graph, in key order: columns ``person``
        (string) and ``community`` (uint32).
    count : int
        Number of communities.
    modularity : float
        Newman's modularity of the partition on the strength-weighted graph,
        at ``resolution``.
    resolution : float
        The resolution γ it was found with.

    Examples
    --------
    >>> import datetime as dt
    >>> g = Graph()
    >>> for a, b in [("ana", "bo"), ("bo", "cy"), ("cy", "ana"), ("lee", "max"), ("max", "sam"), ("sam", "lee")]:
    ...     g.add_interaction(a, b, at=dt.datetime(2026, 3, 2), channel="in_person")
    >>> c = g.communities(as_of=dt.datetime(2026, 3, 2), seed=7)
    >>> c.count, round(c.modularity, 6), c.of("max")
    (2, 0.5, 1)
    >>> c.groups()
    [['ana', 'bo', 'cy'], ['lee', 'max', 'sam']]
    >>> c.table.column("community").to_pylist()
    [0, 0, 0, 1, 1, 1]
    """

    @property
    def table(self) -> Table:
        """Every person's community, as a table.

        Every person of the graph, in key order: columns ``person`` (string)
        and ``community`` (uint32).
        """
    @property
    def count(self) -> int:
        """The number of communities."""
    @property
    def modularity(self) -> float:
        """Newman's modularity of the partition at ``resolution``, on the strength-weighted graph."""
    @property
    def resolution(self) -> float:
        """The resolution γ the partition was found with."""
    def of(self, key: str) -> int | None:
        """The community of a person; None for a key the partition does not hold.

        Parameters
        ----------
        key : str
            The person's key.

        Returns
        -------
        int or None
            The community's number.
        """
    def members(self, c: int) -> list[str]:
        """The keys of community ``c``'s members, in key order (none when out of range).

        Parameters
        ----------
        c : int
            The community's number, from 0.

        Returns
        -------
        list of str
            The members' keys; empty when there is no community ``c``.
        """
    def groups(self) -> list[list[str]]:
        """Every community's member keys, in community order.

        Returns
        -------
        list of list of str
            One list of keys per community, in key order: the shape
            :meth:`Graph.modularity` takes back.
        """

@final
class EgoLayers:
    """A person's ties cut into circles of growing size, from :meth:`Graph.ego_layers`.

    Ties with strength > 0 are ranked (strongest first, equal strengths in
    key order) and cut at cumulative sizes (Dunbar's 5, 15, 50, 150 by
    default): layer 1 holds ranks 1 to ``sizes[0]``, layer 2 the ranks after
    it up to ``sizes[1]``, and so on. Ties ranked past the last size are
    only counted, in ``outside``.

    Attributes
    ----------
    person : str
        The person at the centre.
    sizes : list of int
        The cumulative sizes used.
    outside : int
        Ties with strength > 0 ranked past the last size.
    members : Table
        One row per tie in a layer, innermost layer and strongest tie
        first. Columns ``layer`` (uint32, 1 for the innermost), ``other``
        (string), ``rank`` (uint32, among all the person's ties),
        ``strength``, ``online_strength``, ``offline_strength`` (float64:
        the strength on the view's online or offline channels only),
        ``met`` (bool: ever a meaningful offline interaction) and
        ``reason`` (string, e.g. ``"strength 0.61 (online 0.40, offline
        0.55); last met 12 days ago"``).
    layers : Table
        One row per non-empty layer, innermost first. Columns ``layer``
        (uint32), ``size`` (int64, its cumulative size), ``ties`` (int64,
        its number of members), ``met_share``, ``mean_strength``,
        ``mean_online``, ``mean_offline`` (float64) and ``reason`` (string,
        e.g. ``"layer 1 (ranks 1-5): 5 ties, 4 met in person (80%); mean
        strength 0.71, online 0.48, offline 0.52"``).
    """

    @property
    def person(self) -> str:
        """The key of the person at the centre."""
    @property
    def sizes(self) -> list[int]:
        """The cumulative layer sizes used."""
    @property
    def outside(self) -> int:
        """The number of ties with strength > 0 ranked past the last size."""
    @property
    def members(self) -> Table:
        """The ties in a layer, one row each, innermost layer and strongest tie first.

        See :class:`EgoLayers` for the columns.
        """
    @property
    def layers(self) -> Table:
        """The non-empty layers, one row each, innermost first.

        See :class:`EgoLayers` for the columns.
        """

@final
class LiftReport:
    """Whether meeting in person changes how much two people talk online.

    From :meth:`Graph.offline_lift`: the meaningful online interactions of
    each tie (both directions) in a window before and a window after its
    split, for ties that met (treated) and matched ties that never met
    (control).

    **Treated** ties met for the first time (first meaningful offline
    interaction, time m) after at least ``history_days`` of online history
    and at least ``window_days`` before ``as_of``; their split is m.
    **Control** ties had no offline interaction at all by ``as_of``. Each
    treated tie, in key order of its pair, takes the unused control tie
    whose first meaningful online interaction is nearest its own (the
    earlier on equal distance, then the first in key order) among those
    that still have a full window after a split at the same online age;
    that tie is split there. Treated ties left without a match stay.

    Attributes
    ----------
    treated, control : Table
        One row per tie, in key order of the pair. Columns ``a``, ``b``
        (string, ``a`` first by key), ``first_online``, ``split``
        (timestamp[us, UTC]), ``online_days`` (float64, from
        ``first_online`` to ``split``), ``before``, ``after`` (int64:
        meaningful online interactions in ``[split - window, split)`` and
        ``[split, split + window)``), ``before_rate``, ``after_rate``
        (float64, per ``rate_days``), ``ratio`` (float64: after / before;
        inf for a rise from nothing, 1 when both are 0), ``matched_a``,
        ``matched_b`` (string, null without a match: the tie of the other
        group it was matched with) and ``reason`` (string).
    summary : dict
        ``{"treated": {...}, "control": {...}}``, each with ``ties`` (int),
        ``median_ratio``, ``share_rose`` (the share whose rate rose),
        ``mean_before_rate``, ``mean_after_rate`` (float, None without
        ties) and ``reason`` (str, e.g. ``"12 ties: median ratio 1.50, 67%
        rose; mean 2.10 -> 3.00 online contacts per 30 days"``).
    options : dict
        The options used: ``person``, ``history_days``, ``window_days``,
        ``rate_days``.
    """

    @property
    def treated(self) -> Table:
        """The ties that met, one row each, in key order of the pair.

        See :class:`LiftReport` for the columns.
        """
    @property
    def control(self) -> Table:
        """The matched ties that never met, one row each, in key order of the pair.

        The columns are those of :attr:`treated`.
        """
    @property
    def summary(self) -> dict[str, dict[str, Any]]:
        """Each group's summary: ``{"treated": {...}, "control": {...}}``.

        See :class:`LiftReport` for the keys.
        """
    @property
    def options(self) -> dict[str, Any]:
        """The options used: ``person``, ``history_days``, ``window_days``, ``rate_days``."""

@final
class Graph:
    """A relationship graph: people addressed by key, and their ties.

    Interactions (contacts on a channel), group events and declared
    connections tie people; every score is taken ``as_of`` a date, since
    tiegraph never reads a clock. A graph can be shared between threads:
    reads run side by side, writes wait for them, and heavy calls release
    the GIL. Graphs compare by value, pickle (through a versioned JSON
    snapshot) and save with :meth:`save`. A graph of 65,536 interactions
    and ties or more is freed on a thread of its own when its last
    reference goes, so that ``del g`` returns at once; its memory is back
    some milliseconds later, except its bulk-loaded interactions (20 bytes
    each), which the next bulk load stages its rows in when it comes
    within five seconds, and which are freed after that.

    Examples
    --------
    >>> import datetime as dt
    >>> g = Graph()
    >>> g.add_person("ana", name="Ana Reyes")
    >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
    >>> g
    Graph(people=2, ties=1, interactions=1)
    >>> g.strength("ana", "lee", as_of=dt.date(2026, 3, 10)).state
    'active'
    """

    def __new__(cls) -> Graph: ...
    def add_person(
        self,
        key: str,
        *,
        name: str | None = None,
        organisation: str | None = None,
        role: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> None:
        """Adds a person; the key must be new and non-empty.

        People an interaction, event or connection names are created as they
        come; add them first to give their details.

        Parameters
        ----------
        key : str
            The person's key (an email address, a handle).
        name, organisation, role : str, optional
            Their details.
        tags : sequence of str, optional
            Their tags.

        Raises
        ------
        PersonExistsError
            A person with this key already exists (see :meth:`update_person`).
        EmptyKeyError
            ``key`` is empty.

        Examples
        --------
        >>> g = Graph()
        >>> g.add_person("lee@daily.example", name="Lee Park", tags=["press", "ai"])
        >>> g.person("lee@daily.example").tags
        ['press', 'ai']
        """
    def update_person(
        self,
        key: str,
        *,
        name: str | None = None,
        organisation: str | None = None,
        role: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> None:
        """Changes the details given of a person; those left as None are kept.

        Parameters
        ----------
        key : str
            The key of the person to change.
        name, organisation, role : str, optional
            The new details; None keeps the current one (a detail cannot be
            cleared this way).
        tags : sequence of str, optional
            The new tags, replacing the current ones; None keeps them.

        Raises
        ------
        PersonNotFoundError
            No person has this key.

        Examples
        --------
        >>> g = Graph()
        >>> g.add_person("lee", name="Lee Park")
        >>> g.update_person("lee", organisation="The Daily Example")
        >>> (g.person("lee").name, g.person("lee").organisation)
        ('Lee Park', 'The Daily Example')
        """
    def person(self, key: str) -> Person:
        """The person with this key.

        Parameters
        ----------
        key : str
            The person's key.

        Returns
        -------
        Person
            A copy of the person's details.

        Raises
        ------
        PersonNotFoundError
            No person has this key.
        """
    def people(self) -> list[Person]:
        """Every person, in key order.

        Returns
        -------
        list of Person
            Copies of everyone's details.
        """
    def remove_person(self, key: str) -> Person:
        """Removes a person and their ties; returns the person removed.

        They are also taken out of every group event, whose remaining pairs are
        re-diluted as if they had never been there.

        Parameters
        ----------
        key : str
            The person's key.

        Returns
        -------
        Person
            The person removed.

        Raises
        ------
        PersonNotFoundError
            No person has this key.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> g.remove_person("lee").key
        'lee'
        >>> (g.person_count, g.tie_count, g.interaction_count)
        (1, 0, 0)
        """
    def __contains__(self, key: object, /) -> bool: ...
    def __len__(self) -> int: ...
    @property
    def person_count(self) -> int:
        """The number of people."""
    @property
    def tie_count(self) -> int:
        """The number of ties (pairs with an interaction or a connection)."""
    @property
    def interaction_count(self) -> int:
        """The number of stored interactions (a group event counts once per pair)."""
    def add_interaction(
        self,
        src: str,
        dst: str,
        *,
        at: _Time,
        channel: str,
        duration: float | None = None,
        weight: float = 1.0,
    ) -> None:
        """Adds one interaction; people it names are created if new.

        Parameters
        ----------
        src : str
            The key of the person who initiated it (who wrote, called, invited).
        dst : str
            The key of the other person.
        at : datetime.datetime or datetime.date
            When it happened: a naive datetime is UTC, an aware one is
            converted; a date is its midnight UTC. Numbers are refused: their
            unit would be a guess.
        channel : str
            A built-in channel (``"in_person"``, ``"event"``, ``"video_call"``,
            ``"phone_call"``, ``"email"``, ``"direct_message"``,
            ``"public_reply"``, ``"broadcast"``, ``"reaction"``) or one
            registered with :meth:`register_channel`.
        duration : float, optional
            How long it lasted, in seconds (kept in whole seconds: rounded to
            the nearest). On a channel with a typical duration
            it scales the weight by √(duration / typical), clamped.
        weight : float, default 1
            A multiplier of the channel's weight.

        Raises
        ------
        UnknownChannelError
            ``channel`` is neither built in nor registered (the message lists
            the known ones).
        SelfInteractionError
            ``src == dst``.
        EmptyKeyError
            An empty key.
        InvalidDurationError, InvalidWeightError
            A duration or weight that is negative, NaN or infinite (or a
            duration longer than ten years).
        TypeError
            ``at`` is not a datetime or a date.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 4, 2, 10), channel="in_person", duration=5400)
        >>> (g.person_count, g.tie_count, g.interaction_count)
        (2, 1, 1)
        """
    def remove_interaction(
        self,
        src: str,
        dst: str,
        *,
        at: _Time,
        channel: str,
        duration: float | None = None,
        weight: float = 1.0,
    ) -> None:
        """Removes one stored interaction equal to this one.

        Equal means the same people in the same order, time to the second,
        channel, duration and weight. A tie left with nothing is removed too;
        the people stay.

        Parameters
        ----------
        src, dst, at, channel, duration, weight
            The interaction, as :meth:`add_interaction` took it.

        Raises
        ------
        InteractionNotFoundError
            No stored interaction is equal to this one (unknown people
            included).

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> g.remove_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> (g.person_count, g.tie_count)
        (2, 0)
        """
    def add_event(
        self,
        participants: Sequence[str],
        *,
        at: _Time,
        channel: str = "event",
        duration: float | None = None,
        weight: float = 1.0,
        name: str | None = None,
    ) -> None:
        """Adds a group event: one interaction per pair of participants.

        A dinner, a conference, a send-off: each pair of the n participants gets
        one interaction on ``channel``, with weight ``weight / sqrt(n - 1)``, so
        that a crowd counts less per pair than a small table.

        Parameters
        ----------
        participants : sequence of str
            The keys of the people there: at least two, each once. People new
            to the graph are created.
        at : datetime.datetime or datetime.date
            When it took place (naive = UTC; a date is its midnight UTC).
        channel : str, default "event"
            The channel of the pairwise interactions.
        duration : float, optional
            How long it lasted, in seconds.
        weight : float, default 1
            The weight multiplier before the dilution.
        name : str, optional
            The event's name (``"product launch"``).

        Raises
        ------
        InvalidEventError
            Fewer than two distinct people, or one listed twice.
        UnknownChannelError, EmptyKeyError, InvalidDurationError, InvalidWeightError
            As in :meth:`add_interaction`.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_event(["lee", "ana", "sam", "bo", "kim"], at=dt.datetime(2026, 6, 12, 19), name="send-off")
        >>> (g.tie_count, g.interaction_count)
        (10, 10)
        >>> g.interactions("ana", "lee")[0].weight
        0.5
        """
    def add_connection(
        self,
        a: str,
        b: str,
        *,
        platform: str,
        kind: Literal["mutual", "follows"] = "mutual",
        since: _Time | None = None,
    ) -> None:
        """Adds a declared connection on a platform; the same one twice is kept once.

        A connection is a link, not contact: it only feeds the model's
        ``connection`` feature (1 for a mutual link or follows both ways, 0.5 for
        a one-way follow).

        Parameters
        ----------
        a, b : str
            The two people's keys (created if new); with ``kind="follows"``,
            ``a`` follows ``b``.
        platform : str
            The platform (``"linkedin"``, ``"x"``).
        kind : {"mutual", "follows"}, default "mutual"
            A mutual link (friends, contacts) or a one-way follow.
        since : datetime.datetime or datetime.date, optional
            Since when the link exists (naive = UTC).

        Raises
        ------
        InvalidValueError
            A ``kind`` other than ``"mutual"`` or ``"follows"``.
        SelfInteractionError
            ``a == b``.
        EmptyKeyError
            An empty key.

        Examples
        --------
        >>> g = Graph()
        >>> g.add_connection("ana", "lee", platform="linkedin")
        >>> g.add_connection("lee", "ana", platform="linkedin")
        >>> len(g.connections("ana", "lee"))
        1
        """
    def interactions(self, a: str, b: str) -> list[Interaction]:
        """The interactions of a tie, in time order.

        Parameters
        ----------
        a, b : str
            The two people's keys, in either order.

        Returns
        -------
        list of Interaction
            Both directions, each with its own ``src`` and ``dst``; a group
            event's pairwise interaction included.

        Raises
        ------
        PersonNotFoundError
            A key the graph does not know.
        TieNotFoundError
            The two have no tie.
        """
    def connections(self, a: str, b: str) -> list[Connection]:
        """The declared connections of a tie, by platform.

        Parameters
        ----------
        a, b : str
            The two people's keys, in either order.

        Returns
        -------
        list of Connection
            One per platform (and direction, for follows).

        Raises
        ------
        PersonNotFoundError
            A key the graph does not know.
        TieNotFoundError
            The two have no tie.
        """
    def register_channel(
        self,
        name: str,
        *,
        mode: _Mode,
        class_: _Class,
        weight: float,
        mutual: bool = False,
        typical_duration: float | None = None,
    ) -> Channel:
        """Registers a channel so that interactions can use it.

        Registering an identical definition again is a no-op; a different one
        with the name of a known channel (a built-in one included) is an error.

        Parameters
        ----------
        name : str
            The channel's name, as interactions will give it.
        mode : {"online", "offline"}
            Its mode.
        class_ : {"offline", "synchronous", "private_written", "public_directed", "broadcast", "one_click"}
            Its class, for multiplexity and the online-only cap; ``"offline"``
            goes with mode ``"offline"``, and only with it.
        weight : float
            The weight w_c of one interaction of typical length, finite and >= 0
            (the built-in channels go from 1 for ``in_person`` to 0.03 for
            ``reaction``).
        mutual : bool, default False
            Whether an interaction counts for both sides, whoever logged it (as
            a call does).
        typical_duration : float, optional
            The typical duration in seconds; interactions with a duration then
            weigh √(duration / typical) times more, clamped.

        Returns
        -------
        Channel
            The channel registered.

        Raises
        ------
        InvalidChannelError
            An empty name, a weight or typical duration out of range, a class
            that does not go with the mode, or a different channel of this name.
        InvalidValueError
            An unknown ``mode`` or ``class_``.

        Examples
        --------
        >>> g = Graph()
        >>> g.register_channel("podcast_guest", mode="online", class_="synchronous", weight=0.7, typical_duration=2700)
        Channel(name='podcast_guest', mode='online', class_='synchronous', weight=0.7, mutual=False, typical_duration=2700.0)
        """
    def channel(self, name: str) -> Channel:
        """A channel by name.

        Parameters
        ----------
        name : str
            The channel's name.

        Returns
        -------
        Channel
            Its definition.

        Raises
        ------
        UnknownChannelError
            No channel has this name; the message lists the known ones.

        Examples
        --------
        >>> Graph().channel("in_person").typical_duration
        3600.0
        """
    def channels(self) -> list[Channel]:
        """Every channel the graph knows, built-in first.

        Returns
        -------
        list of Channel
            The nine built-in channels, then the registered ones in the order
            they were registered.

        Examples
        --------
        >>> [c.name for c in Graph().channels()][:4]
        ['in_person', 'event', 'video_call', 'phone_call']
        """
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
    ) -> LoadReport:
        """Loads interactions in bulk from a table or a file, all or nothing.

        The rows are read batch by batch, without a Python object per row, and
        added together at the end: a bad row anywhere leaves the graph as it was
        (unless ``on_error="skip"``). People the rows name are created.

        Parameters
        ----------
        data : table, stream or path
            Anything that speaks the Arrow PyCapsule interface (a pyarrow
            ``Table``, ``RecordBatch`` or ``RecordBatchReader``, a polars or
            pandas DataFrame, a DuckDB relation), an older pandas DataFrame
            (through pyarrow), or the path of a ``.csv`` or ``.parquet`` file.
        src, dst : str, default "src" and "dst"
            The columns of the initiator's and the other person's keys.
        time : str, default "time"
            The column of the times. In Arrow, a timestamp of any unit (naive =
            UTC) or a date, never integers; in a CSV file, RFC 3339 text (taken
            as UTC without an offset) or, with ``time_unit``, integers. Times
            are floored to the second.
        channel : str, default "channel"
            The column of the channel names.
        duration : str, optional
            The column of the durations: seconds (any number) or an Arrow
            duration; null is none.
        weight : str, optional
            The column of the weight multipliers; null is 1.
        on_error : {"raise", "skip"}, default "raise"
            What a bad row does: ``"raise"`` adds nothing and raises its error
            (``exc.row`` is its 0-based position across batches, ``exc.line``
            its line in a CSV file); ``"skip"`` adds the good rows and reports
            the bad ones in :attr:`LoadReport.skipped`.
        progress : bool or callable, optional
            ``True`` reports the rows read on standard error (with tqdm when
            installed); a callable is called with the number of rows read after
            each batch, and its ``close()``, if it has one, at the end.
        time_unit : {"s", "ms", "us", "ns"}, optional
            The unit of integer times since the Unix epoch in a CSV file;
            integers are never guessed to be seconds or milliseconds.

        Returns
        -------
        LoadReport
            The rows read, added and skipped, the people created and the ties
            touched.

        Raises
        ------
        MissingColumnError, ColumnTypeError
            A column that is absent, or whose type cannot hold what it should.
        TiegraphError
            The first bad row, as the subclass of its problem
            (``TimestampError``, ``UnknownChannelError``,
            ``SelfInteractionError``, ``EmptyKeyError``...), with ``exc.row``
            set.
        InvalidArgumentError
            ``time_unit`` for an Arrow input, a path that is neither ``.csv``
            nor ``.parquet``, or a graph changed under the load (its people, or
            unpickled into).
        InvalidValueError
            An unknown ``on_error`` or ``time_unit``.
        OSError
            The input cannot be read: ``TiegraphIOError`` for a CSV file or
            a failing Arrow stream, pyarrow's own error for a Parquet file.
        TypeError
            ``data`` is neither a path nor a table.

        Examples
        --------
        >>> import datetime as dt
        >>> import pyarrow as pa
        >>> t = pa.table({
        ...     "from": ["ana", "lee"],
        ...     "to": ["lee", "ana"],
        ...     "ts": [dt.datetime(2026, 3, 2, 10), dt.datetime(2026, 3, 3, 11)],
        ...     "kind": ["email", "email"],
        ... })
        >>> Graph().load_interactions(t, src="from", dst="to", time="ts", channel="kind")
        LoadReport(rows=2, added=2, skipped=0, new_people=2, ties_touched=1)
        """
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
    ) -> LoadReport:
        """Loads declared connections in bulk from a table or a file, all or nothing.

        As :meth:`load_interactions`, for connections: the same inputs, the same
        handling of bad rows. Connections already there are kept once.

        Parameters
        ----------
        data : table, stream or path
            As in :meth:`load_interactions`.
        a, b : str, default "a" and "b"
            The columns of the two people's keys (``a`` follows ``b`` in a
            ``"follows"`` row).
        platform : str, default "platform"
            The column of the platform names.
        kind : str, optional
            The column of the kinds, ``"mutual"`` or ``"follows"``; without it
            every row is mutual.
        since : str, optional
            The column of the times since when each link exists (read as
            ``time`` is in :meth:`load_interactions`); null is unknown.
        on_error : {"raise", "skip"}, default "raise"
            What a bad row does, as in :meth:`load_interactions`.
        time_unit : {"s", "ms", "us", "ns"}, optional
            The unit of integer times in a CSV file.

        Returns
        -------
        LoadReport
            The rows read, added and skipped, the people created and the ties
            touched.

        Raises
        ------
        MissingColumnError, ColumnTypeError, TiegraphError, InvalidArgumentError, InvalidValueError, OSError, TypeError
            As in :meth:`load_interactions`.

        Examples
        --------
        >>> import pyarrow as pa
        >>> t = pa.table({"a": ["ana", "bo"], "b": ["lee", "ana"], "platform": ["linkedin", "x"], "kind": ["mutual", "follows"]})
        >>> g = Graph()
        >>> g.load_connections(t, kind="kind").added
        2
        >>> g.connections("ana", "bo")
        [Connection(a='bo', b='ana', platform='x', kind='follows', since=None)]
        """
    @property
    def model(self) -> ScoringModel:
        """The scoring model queries use when given none (a copy; the default unless set)."""
    def set_model(self, model: ScoringModel) -> None:
        """Sets the scoring model queries use; it is saved and pickled with the graph.

        Parameters
        ----------
        model : ScoringModel
            The model, used by every query given no ``model=``.

        Examples
        --------
        >>> g = Graph()
        >>> g.set_model(ScoringModel(structural=True))
        >>> g.model.structural
        True
        """
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

        Parameters
        ----------
        a, b : str
            Person keys; the effort and ``one_sided_from`` follow this order.
        as_of : datetime.datetime or datetime.date
            The date of the score (naive = UTC; see :meth:`strength`).
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Returns
        -------
        Strength
            As :meth:`strength` gives it with ``view="online"``.

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        SelfInteractionError
            ``a == b``.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.online_strength("ana", "lee", as_of=dt.datetime(2026, 3, 10)).value
        0.0
        """
    def offline_strength(
        self, a: str, b: str, *, as_of: _Time, model: ScoringModel | None = None
    ) -> Strength:
        """The strength counting offline interactions only (``view="offline"``).

        Parameters
        ----------
        a, b : str
            Person keys; the effort and ``one_sided_from`` follow this order.
        as_of : datetime.datetime or datetime.date
            The date of the score (naive = UTC; see :meth:`strength`).
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Returns
        -------
        Strength
            As :meth:`strength` gives it with ``view="offline"``.

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        SelfInteractionError
            ``a == b``.
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

        Parameters
        ----------
        a, b : str
            Person keys; the effort and ``one_sided_from`` follow this order.
        as_of : datetime.datetime or datetime.date
            The date of the score (naive = UTC; see :meth:`strength`).
        view : None, "online", "offline" or View
            Which interactions count (all by default).
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Returns
        -------
        Explanation
            The strength (with its peak), the contacts that weigh most, and the
            reasons; ``str()`` of it reads, one reason a line, e.g.::

                last two-way contact 41 days ago (public_reply)
                never met in person or by call
                ana follows lee on x

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        SelfInteractionError
            ``a == b``.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 3), channel="email")
        >>> print(g.explain("ana", "lee", as_of=dt.datetime(2026, 3, 10)))
        last two-way contact 8 days ago (email)
        never met in person or by call
        each side reached out in at least 1 of the last 52 weeks
        first meaningful contact 8 days ago
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
    # ----- analytics ---------------------------------------------------------
    # Tables have one column per field of the core's row, in its order:
    # keys, states, categories and reasons as strings, ranks and layer and
    # community numbers as uint32, counts as int64, other numbers as
    # float64, times as timestamp[us, UTC]; null where the core has none.
    def strongest_ties(
        self,
        person: str,
        k: int = 10,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """A person's ``k`` strongest ties as of a date, strongest first.

        Only ties with a strength above 0; equal strengths in the other
        person's key order.

        Parameters
        ----------
        person : str
            The person's key.
        k : int, default 10
            At most this many rows (at least 1).
        as_of : datetime.datetime or datetime.date
            The date of the scores (naive = UTC; see :meth:`strength`). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``other`` (string), ``rank`` (uint32, 1 for the
            strongest), ``strength`` (float64), ``state`` (string) and
            ``reason`` (string: the state, the two largest contributions and
            the last meeting, e.g. ``"active; strength 0.62, mostly recency
            (0.21) and intensity (0.15); last met 12 days ago"``).

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``k`` below 1.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.add_interaction("ana", "bo", at=dt.datetime(2026, 3, 2), channel="email")
        >>> g.add_interaction("bo", "ana", at=dt.datetime(2026, 3, 3), channel="email")
        >>> t = g.strongest_ties("ana", as_of=dt.datetime(2026, 3, 10)).to_pandas()
        >>> t[["other", "rank", "state"]].values.tolist()
        [['lee', 1, 'active'], ['bo', 2, 'active']]
        >>> t.loc[1, "reason"]
        'active; strength 0.37, mostly recency (0.24) and reciprocity (0.06); never met'
        """
    def strongest_ties_all(
        self,
        k: int = 10,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """Every person's ``k`` strongest ties at once, as one table.

        One row per (person, tie) for the ties with strength > 0: people in
        key order, each person's strongest first, equal strengths in the
        other person's key order. The same rows as :meth:`strongest_ties`
        for each person, without reasons. Every tie is scored once, in
        parallel and with the GIL released, and the table is built from
        Arrow arrays: no Python object per row.

        Parameters
        ----------
        k : int, default 10
            At most this many ties per person (at least 1).
        as_of : datetime.datetime or datetime.date
            The date of the scores (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``person``, ``other`` (string), ``rank`` (uint32, 1 for
            the person's strongest) and ``strength`` (float64).

        Raises
        ------
        InvalidArgumentError
            ``k`` below 1.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.strongest_ties_all(as_of=dt.datetime(2026, 3, 10)).to_pandas()[["person", "other", "rank"]].values.tolist()
        [['ana', 'lee', 1], ['lee', 'ana', 1]]
        """
    def meet_in_person(
        self,
        person: str,
        k: int = 10,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """The ``k`` people a person should most meet in person.

        Strong online ties who never met, or not recently: priority =
        online strength × (1 − offline recency), where the online strength is
        the model on the view's online channels only and offline recency =
        2^(−days since the last meaningful offline interaction / h_R), 0 if
        they never met. Only pairs with two-way online contact and a
        priority > 0; highest priority first, then the other person's key.

        Parameters
        ----------
        person : str
            The person's key.
        k : int, default 10
            At most this many rows (at least 1).
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``person``, ``other`` (string), ``rank`` (uint32),
            ``priority``, ``online_strength``, ``offline_recency``
            (float64), ``last_met`` (timestamp[us, UTC], null if they never
            met), ``channels`` (list of string: the at most two online
            channels that weigh most, largest first) and ``reason``
            (string, e.g. ``"strong by email and replies (online 0.62), never
            met"``).

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``k`` below 1.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> for m in range(1, 7):
        ...     g.add_interaction("ana", "lee", at=dt.datetime(2026, m, 2, 10), channel="email")
        ...     g.add_interaction("lee", "ana", at=dt.datetime(2026, m, 3, 10), channel="public_reply")
        >>> row = g.meet_in_person("ana", as_of=dt.datetime(2026, 6, 10, 10)).to_arrow().to_pylist()[0]
        >>> row["other"], row["offline_recency"], row["channels"], row["last_met"]
        ('lee', 0.0, ['email', 'public_reply'], None)
        >>> row["reason"]
        'strong by email and replies (online 0.51), never met'
        """
    def meet_in_person_all(
        self,
        k: int = 10,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """The ``k`` pairs of the whole graph that should most meet in person.

        As :meth:`meet_in_person`, over every tie: ``person`` is the one of
        the pair whose key sorts first; highest priority first, then the
        pair's keys.

        Parameters
        ----------
        k : int, default 10
            At most this many rows (at least 1).
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            The columns of :meth:`meet_in_person`.

        Raises
        ------
        InvalidArgumentError
            ``k`` below 1.
        """
    def invite_list(
        self,
        person: str,
        k: int = 10,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """Who to invite to a group event around a person (a send-off, a launch).

        At most ``k`` people with a tie to ``person``, ranked by score =
        max(strength, meet-in-person priority), so that online ties worth
        taking offline come in with the strong ones; highest first, then by
        key. Ties with score 0 (one-sided, likes only) are left out.

        Parameters
        ----------
        person : str
            The person at the centre of the event.
        k : int, default 10
            At most this many rows (at least 1).
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``other`` (string), ``rank`` (uint32), ``score``
            (float64), ``category`` (string, the first that applies:
            ``"worth_converting"`` when the priority is > 0 and at least the
            strength, ``"strong"`` from strength 0.5, ``"fading"`` when
            dormant or cooling, else ``"weak"``), ``strength``, ``priority``
            (float64), ``state`` (string), ``last_met`` (timestamp[us, UTC],
            null if they never met) and ``reason`` (string).

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``k`` below 1.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> for m in range(1, 7):
        ...     g.add_interaction("lee", "ana", at=dt.datetime(2026, m, 2, 10), channel="in_person")
        ...     g.add_interaction("lee", "bo", at=dt.datetime(2026, m, 2, 10), channel="email")
        ...     g.add_interaction("bo", "lee", at=dt.datetime(2026, m, 3, 10), channel="email")
        >>> t = g.invite_list("lee", as_of=dt.datetime(2026, 6, 10, 10))
        >>> list(zip(t.column("other").to_pylist(), t.column("category").to_pylist()))
        [('ana', 'strong'), ('bo', 'worth_converting')]
        """
    def reconnect(
        self,
        person: str,
        k: int = 10,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """A person's ``k`` faded ties most worth reviving.

        ``"dormant"`` or ``"cooling"`` ties, largest loss (peak − now)
        first, then the other person's key.

        Parameters
        ----------
        person : str
            The person's key.
        k : int, default 10
            At most this many rows (at least 1).
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``person``, ``other`` (string), ``rank`` (uint32),
            ``state`` (string), ``strength``, ``peak`` (float64),
            ``peaked_at`` (timestamp[us, UTC], when the peak was first
            reached), ``lost`` (float64, peak − strength), ``last_contact``
            (timestamp[us, UTC]), ``last_channel`` (string; both null
            without a meaningful interaction) and ``reason`` (string, e.g.
            ``"dormant: peaked 14 months ago at 0.71, now 0.12 (lost 0.59);
            last contact 9 months ago (email)"``).

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``k`` below 1.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> t0 = dt.datetime(2025, 1, 6, 10)
        >>> for w in range(26):
        ...     g.add_interaction("ana", "lee", at=t0 + dt.timedelta(weeks=w), channel="in_person")
        >>> t = g.reconnect("ana", as_of=t0 + dt.timedelta(weeks=25, days=400))
        >>> t.column("reason").to_pylist()
        ['dormant: peaked 13 months ago at 0.76, now 0.37 (lost 0.40); last contact 13 months ago (in_person)']
        """
    def reconnect_all(
        self,
        k: int = 10,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """The ``k`` faded ties of the whole graph with the largest loss.

        As :meth:`reconnect`, over every tie: ``person`` is the one of the
        pair whose key sorts first, equal losses in key order of the pair.

        Parameters
        ----------
        k : int, default 10
            At most this many rows (at least 1).
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            The columns of :meth:`reconnect`.

        Raises
        ------
        InvalidArgumentError
            ``k`` below 1.
        """
    def due_for_contact(
        self,
        person: str,
        *,
        as_of: _Time,
        online_days: float | None = None,
        offline_days: float | None = None,
        meaningful_only: bool = False,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """The two-way ties of a person that are overdue for contact on a cadence.

        Each mode has a clock, reset by any interaction (either side) on a
        channel of that mode, or with ``meaningful_only=True`` by a
        meaningful one only, so that a like or a newsletter does not count.
        A mode never used starts its clock at the tie's first meaningful
        interaction. A mode is overdue when more than its period has passed.
        Ranked by the largest ratio (elapsed / period, so that 30- and
        90-day cadences compare), then the most days past due, then the
        other person's key.

        Parameters
        ----------
        person : str
            The person's key.
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        online_days, offline_days : float, optional
            The cadence of each mode, in days (finite and > 0); give one or
            both.
        meaningful_only : bool, default False
            Only meaningful interactions reset a clock.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``other`` (string), ``rank`` (uint32); for each mode,
            prefixed ``online_`` then ``offline_`` and null where that mode
            is not overdue: ``last`` (timestamp[us, UTC], the interaction
            that last reset the clock, null also when there was none),
            ``last_channel`` (string), ``since`` (when the clock started),
            ``due`` (``since`` + the period; both timestamp[us, UTC]),
            ``days_overdue`` and ``ratio`` (float64); then ``ratio``,
            ``days_overdue`` (float64, of the most overdue mode) and
            ``reason`` (string, one clause per overdue mode, e.g.
            ``"online: last contact 45 days ago (email), due every 30 days,
            15 days overdue"``).

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            Neither period given, or one that is not finite and > 0.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 1, 1, 10), channel="in_person")
        >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 1, 10), channel="email")
        >>> t = g.due_for_contact("ana", as_of=dt.datetime(2026, 3, 11, 10), online_days=30, offline_days=30)
        >>> t.column("reason").to_pylist()
        ['offline: last met 69 days ago (in_person), due every 30 days, 39 days overdue']
        >>> t.column("online_ratio").to_pylist()
        [None]
        """
    def ego_layers(
        self,
        person: str,
        *,
        as_of: _Time,
        sizes: Sequence[int] | None = None,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> EgoLayers:
        """A person's ties cut into circles of growing size (Dunbar's layers).

        Parameters
        ----------
        person : str
            The person at the centre.
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        sizes : sequence of int, optional
            Cumulative layer sizes, strictly increasing from at least 1;
            Dunbar's ``[5, 15, 50, 150]`` by default.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        EgoLayers
            The members with their layer (``.members``), one row per layer
            with its online/offline mix (``.layers``), and the ties left
            outside.

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``sizes`` empty, starting below 1 or not strictly increasing.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> for d, friend in enumerate(["bo", "cy", "di"], start=1):
        ...     g.add_interaction("ana", friend, at=dt.datetime(2026, 3, d, 10), channel="in_person")
        >>> g.add_interaction("ana", "ed", at=dt.datetime(2026, 3, 1, 10), channel="email")
        >>> g.add_interaction("ed", "ana", at=dt.datetime(2026, 3, 2, 10), channel="email")
        >>> e = g.ego_layers("ana", as_of=dt.datetime(2026, 3, 10, 10), sizes=[2, 3])
        >>> e.members.to_pandas()[["layer", "other", "rank"]].values.tolist()
        [[1, 'di', 1], [1, 'cy', 2], [2, 'bo', 3]]
        >>> e.outside
        1
        >>> e.layers.column("met_share").to_pylist()
        [1.0, 1.0]
        """
    def offline_lift(
        self,
        *,
        as_of: _Time,
        person: str | None = None,
        history_days: float = 90.0,
        window_days: float = 90.0,
        rate_days: float = 30.0,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> LiftReport:
        """Online contact before and after a first meeting, against ties that never met.

        See :class:`LiftReport` for the groups and the matching.

        Parameters
        ----------
        as_of : datetime.datetime or datetime.date
            The date (naive = UTC). Required.
        person : str, optional
            Only this person's ties (both groups); all ties by default.
        history_days : float, default 90
            A treated tie needs its first meaningful online interaction at
            least this many days before the first meeting.
        window_days : float, default 90
            Length of the windows before and after the split, and so the
            follow-up a tie needs before ``as_of``.
        rate_days : float, default 30
            Rates are per this many days.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        LiftReport
            ``.treated`` and ``.control`` tables, and ``.summary``.

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            A number of days that is not finite and > 0.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> t0 = dt.datetime(2025, 1, 6, 10)
        >>> for d in range(0, 300, 15):
        ...     g.add_interaction("ana", "lee", at=t0 + dt.timedelta(days=d), channel="email")
        ...     g.add_interaction("bo", "kim", at=t0 + dt.timedelta(days=d), channel="email")
        ...     g.add_interaction("kim", "bo", at=t0 + dt.timedelta(days=d + 1), channel="email")
        ...     if d >= 120:
        ...         for extra in (5, 10):
        ...             g.add_interaction("lee", "ana", at=t0 + dt.timedelta(days=d + extra), channel="email")
        >>> g.add_interaction("ana", "lee", at=t0 + dt.timedelta(days=120), channel="in_person")
        >>> lift = g.offline_lift(as_of=t0 + dt.timedelta(days=300))
        >>> lift.treated.to_pandas()[["a", "b", "before", "after", "ratio", "matched_a"]].values.tolist()
        [['ana', 'lee', 6, 18, 3.0, 'bo']]
        >>> lift.summary["control"]["median_ratio"]
        1.0
        """
    def introduction_path(
        self,
        from_: str,
        to: str,
        *,
        as_of: _Time,
        max_hops: int = 3,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Path | None:
        """The best way for ``from_`` to reach ``to`` through people they know.

        The path of at most ``max_hops`` ties (with strength > 0 as of the
        date) whose weakest tie is strongest, then with the highest product
        of strengths, then with the fewest hops, then whose people come
        first in key order, compared position by position. A direct tie is a
        path of one hop. The search is exact for this order, hop limit
        included.

        Parameters
        ----------
        from_, to : str
            The person asking and the person to reach (different keys).
        as_of : datetime.datetime or datetime.date
            The date of the strengths (naive = UTC). Required.
        max_hops : int, default 3
            At most this many ties (at least 1).
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Path or None
            None when no path within ``max_hops`` exists.

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        InvalidArgumentError
            ``max_hops`` below 1, or ``to == from_``.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "sam", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 3), channel="email")
        >>> g.add_interaction("lee", "sam", at=dt.datetime(2026, 3, 4), channel="email")
        >>> p = g.introduction_path("ana", "lee", as_of=dt.datetime(2026, 3, 10))
        >>> p.people, p.hops, p.weakest
        (['ana', 'sam', 'lee'], 2, 1)
        >>> p.reason
        'ana → sam (0.42) → lee (0.37): weakest link sam–lee'
        >>> g.introduction_path("ana", "lee", as_of=dt.datetime(2026, 3, 10), view="offline") is None
        True
        """
    def introduction_paths(
        self,
        from_: str,
        to: str,
        k: int = 3,
        *,
        as_of: _Time,
        max_hops: int = 3,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> list[Path]:
        """The ``k`` best loopless paths from ``from_`` to ``to``, best first.

        In the order of :meth:`introduction_path` (whose path comes first),
        enumerated with Yen's algorithm: the second path is the best one that
        differs from the first in at least one person or tie, and so on.
        Fewer when there are fewer such paths, none when there is no path.

        Parameters
        ----------
        from_, to : str
            The person asking and the person to reach (different keys).
        k : int, default 3
            At most this many paths (at least 1).
        as_of : datetime.datetime or datetime.date
            The date of the strengths (naive = UTC). Required.
        max_hops : int, default 3
            At most this many ties on a path (at least 1).
        view, model
            As in :meth:`strength`.

        Returns
        -------
        list of Path
            Best first; empty when there is no path.

        Raises
        ------
        PersonNotFoundError
            Either key is unknown.
        InvalidArgumentError
            ``k`` or ``max_hops`` below 1, or ``to == from_``.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 2), channel="email")
        >>> g.add_interaction("ana", "sam", at=dt.datetime(2026, 3, 3), channel="in_person")
        >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 4), channel="in_person")
        >>> [p.people for p in g.introduction_paths("ana", "lee", as_of=dt.datetime(2026, 3, 10))]
        [['ana', 'sam', 'lee'], ['ana', 'lee']]
        """
    def brokerage(
        self,
        person: str,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Brokerage:
        """Burt's constraint and effective size of one person's ties, as of a date.

        On the graph of tie strengths, exactly as networkx defines
        ``constraint(G, weight=...)`` and ``effective_size(G, weight=...)``
        for an undirected weighted graph; see :class:`Brokerage`.

        Parameters
        ----------
        person : str
            The person's key.
        as_of : datetime.datetime or datetime.date
            The date of the strengths (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Brokerage
            The person's degree, strength, constraint, effective sizes, the
            contacts that constrain most, and the position in words.

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("sam", "ana", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> b = g.brokerage("sam", as_of=dt.datetime(2026, 3, 2))
        >>> b.degree, b.effective_size, b.constraint, b.constrained_by
        (2, 2.0, 0.5, [('ana', 0.25), ('lee', 0.25)])
        """
    def brokerage_all(
        self,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """:meth:`brokerage` of every person, in key order, as a table.

        Parameters
        ----------
        as_of : datetime.datetime or datetime.date
            The date of the strengths (naive = UTC). Required.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``person`` (string), ``degree`` (int64), ``strength``,
            ``constraint``, ``effective_size``,
            ``unweighted_effective_size`` (float64, NaN without ties),
            ``constrained_by`` (list of struct ``person`` (string), ``value``
            (float64)) and ``reason`` (string).
        """
    def communities(
        self,
        *,
        as_of: _Time,
        resolution: float = 1.0,
        seed: int = 0,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Communities:
        """Communities of people as of a date: Louvain on the graph of tie strengths.

        Louvain (Blondel et al. 2008) visits people in an order shuffled by
        the seed, moves each to the neighbouring community that raises the
        modularity most until nobody moves, merges communities into single
        nodes and repeats. The same seed gives the same partition, bit for
        bit, on every run and machine.

        Parameters
        ----------
        as_of : datetime.datetime or datetime.date
            The date of the strengths (naive = UTC). Required.
        resolution : float, default 1
            γ, finite and > 0; above 1 favours smaller communities.
        seed : int, default 0
            Seed of the visiting order (0 to 2**64 - 1).
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Communities
            Every person's community, numbered by smallest member key, and
            the partition's modularity.

        Raises
        ------
        InvalidArgumentError
            ``resolution`` not finite and > 0.
        """
    def modularity(
        self,
        partition: Communities | Mapping[str, Hashable] | Iterable[Iterable[str]],
        *,
        as_of: _Time,
        resolution: float = 1.0,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> float:
        """The modularity of a partition of people, as of a date.

        Newman's modularity on the strength-weighted graph,
        Q = Σ_c [L_c / m − γ (K_c / 2m)²], with m the sum of all strengths,
        L_c the strengths of the ties inside community c and K_c the summed
        strengths of its members: networkx's ``modularity(G, communities,
        weight="weight", resolution=γ)``. A view without ties has Q = 0.

        Parameters
        ----------
        partition : list of lists of keys, dict key -> label, or Communities
            The communities; people not listed are each a community of
            their own.
        as_of : datetime.datetime or datetime.date
            The date of the strengths (naive = UTC). Required.
        resolution : float, default 1
            γ, finite and > 0.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        float
            Q; 0 for a view without ties.

        Raises
        ------
        PersonNotFoundError
            A key the graph does not know.
        InvalidArgumentError
            A key in two communities, or ``resolution`` not finite and > 0.
        TypeError
            A partition that is a str, or a community that is one.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.modularity([["ana"], ["lee"]], as_of=dt.datetime(2026, 3, 2))
        -0.5
        >>> g.modularity({"ana": 1, "lee": 1}, as_of=dt.datetime(2026, 3, 2))
        0.0
        """
    def suggest(
        self,
        person: str,
        k: int = 10,
        *,
        as_of: _Time,
        method: _SuggestMethod = "adamic_adar",
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Table:
        """People ``person`` has no tie with yet, ranked by the contacts they share.

        With s the strengths and S_z the sum of z's ties, the score of y
        sums over the shared contacts z: ``"adamic_adar"``
        Σ_z ((s_xz + s_zy) / 2) / ln(1 + S_z) (Murata & Moriyasu 2007, after
        Adamic & Adar 2003); ``"resource_allocation"`` Σ_z s_xz s_zy / S_z
        (after Zhou, Lü & Zhang 2009). Scores are > 0; best first, then by
        key.

        Parameters
        ----------
        person : str
            The person's key.
        k : int, default 10
            At most this many rows (at least 1).
        as_of : datetime.datetime or datetime.date
            The date of the strengths (naive = UTC). Required.
        method : {"adamic_adar", "resource_allocation"}
            The score.
        view, model
            As in :meth:`strength`.

        Returns
        -------
        Table
            Columns ``person`` (string, the person suggested), ``score``
            (float64), ``shared`` (int64, shared contacts), ``via`` (list of
            struct ``person`` (string), ``value`` (float64): the at most
            three shared contacts that add most, with what each adds) and
            ``reason`` (string, e.g. ``"2 shared contacts: sam (0.31), kim
            (0.12)"``).

        Raises
        ------
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``k`` below 1.
        InvalidValueError
            An unknown ``method``.

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("ana", "sam", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.add_interaction("sam", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> g.suggest("ana", as_of=dt.datetime(2026, 3, 2), method="resource_allocation").to_arrow().to_pylist()[0]["person"]
        'lee'
        """
    def merge(self, other: Graph) -> None:
        """Adds everything ``other`` holds: its people, ties, events and channels.

        The result is the graph of both logs ingested together. People in both
        keep the details set here and take the missing ones (and extra tags)
        from ``other``.

        Parameters
        ----------
        other : Graph
            The graph to add; it is left unchanged.

        Raises
        ------
        InvalidChannelError
            The two graphs define a channel differently; nothing changes.

        Examples
        --------
        >>> import datetime as dt
        >>> x, y = Graph(), Graph()
        >>> x.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> y.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 3), channel="email")
        >>> x.merge(y)
        >>> x.interaction_count
        2
        """
    def save(self, path: _Path) -> None:
        """Writes a versioned JSON snapshot of the graph, keyed by person key.

        Everything is saved: people, channels, interactions, connections,
        events and the model. :meth:`load` reads it back.

        Parameters
        ----------
        path : str or os.PathLike
            The file to write (replaced if it exists).

        Raises
        ------
        TiegraphIOError
            The file cannot be written.

        Examples
        --------
        >>> import datetime as dt, os, tempfile
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="email")
        >>> path = os.path.join(tempfile.mkdtemp(), "graph.json")
        >>> g.save(path)
        >>> Graph.load(path) == g
        True
        """
    @classmethod
    def load(cls, path: _Path) -> Graph:
        """Reads a graph from a snapshot written by :meth:`save`.

        Parameters
        ----------
        path : str or os.PathLike
            The snapshot file.

        Returns
        -------
        Graph
            A new graph, equal to the one saved.

        Raises
        ------
        TiegraphIOError
            The file cannot be read.
        SnapshotVersionError
            The snapshot was written by a format version this build cannot read.
        CorruptSnapshotError
            The file is not a snapshot.
        """
    def write_graphml(
        self,
        path: _Path,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
        all_ties: bool = False,
        person: str | None = None,
    ) -> None:
        """Writes the ties scored as of a date as GraphML.

        Nodes are people (``name``, ``organisation``, ``role``, ``tags``);
        edges are ties with ``strength``, the components (``recency`` ...
        ``connection``, and ``structural`` when the model has it on),
        ``state``, ``online_only``, ``capped``, ``interactions`` and
        ``first_contact`` / ``last_contact``. ``networkx.read_graphml``
        and Gephi read it. Written in Rust with the GIL released.

        Parameters
        ----------
        path : str or os.PathLike
            The file to write (replaced if it exists).
        as_of : datetime.datetime or datetime.date
            The date of the scores (see :meth:`strength`).
        view : None, "online", "offline" or View
            Which interactions count.
        model : ScoringModel, optional
            A model to use instead of the graph's.
        all_ties : bool, default False
            Also write the ties whose strength is 0 at the date (unanswered
            pitches, likes only, bare connections).
        person : str, optional
            Only this person's ties, and as nodes only them and the people
            at the other ends of those ties.

        Raises
        ------
        TiegraphIOError
            The file cannot be written.
        PersonNotFoundError
            ``person`` is unknown.
        InvalidValueError
            A key or detail holds a character XML 1.0 cannot represent.

        Examples
        --------
        >>> import datetime as dt, os, tempfile
        >>> g = Graph()
        >>> g.add_interaction("ana", "lee", at=dt.datetime(2026, 3, 2), channel="in_person")
        >>> path = os.path.join(tempfile.mkdtemp(), "ties.graphml")
        >>> g.write_graphml(path, as_of=dt.datetime(2026, 3, 10))
        """
    def write_gexf(
        self,
        path: _Path,
        *,
        as_of: _Time,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
        all_ties: bool = False,
        person: str | None = None,
        active_days: float = 90.0,
        sampling: int | dt.timedelta | None = None,
        start: _Time | None = None,
    ) -> None:
        """Writes the ties scored as of a date as dynamic GEXF 1.3, for Gephi.

        Nodes and edge attributes are those of :meth:`write_graphml`. Each
        edge also holds its strength sampled over time (an ``attvalue`` per
        sample, from ``start`` to ``as_of``) and, as ``spells``, the periods
        it was active: each meaningful interaction makes the tie active for
        ``active_days`` (at most up to ``as_of``), overlapping periods
        merged. A tie with no meaningful interaction has no spells.

        Parameters
        ----------
        path : str or os.PathLike
            The file to write (replaced if it exists).
        as_of : datetime.datetime or datetime.date
            The date of the scores.
        view : None, "online", "offline" or View
            Which interactions count.
        model : ScoringModel, optional
            A model to use instead of the graph's.
        all_ties : bool, default False
            Also write the ties whose strength is 0 at the date.
        person : str, optional
            Only this person's ties (and the people at their other ends).
        active_days : float, default 90
            How long a meaningful interaction keeps a tie active, in days;
            finite and > 0.
        sampling : int or datetime.timedelta, optional
            Sample the strength every this many calendar months (from the
            first day of a month), or at this fixed step (from midnight).
            By default monthly (``1``).
        start : datetime.datetime or datetime.date, optional
            The first sample. By default the start of the month (or, with
            a timedelta step, of the day) of the earliest interaction of the
            ties in scope, written or not.

        Raises
        ------
        TiegraphIOError
            The file cannot be written.
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``active_days`` not finite and > 0, a sampling of 0 months or
            a step under a second, ``start`` after ``as_of``, or more than
            100,000 samples per tie.

        Notes
        -----
        networkx cannot parse GEXF's ``timeformat="dateTime"`` by default;
        ``GEXFReader(version="1.3")`` with
        ``reader.python_type["dateTime"] = str`` reads it.
        """
    def write_ties_csv(
        self,
        path: _Path,
        *,
        as_of: _Time,
        person: str | None = None,
        min_strength: float = 0.0,
        with_peak: bool = False,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> None:
        """Writes the tie table of :meth:`ties` as CSV, without ``one_sided_from``.

        Columns, in order: ``a``, ``b``, ``strength``, ``recency``,
        ``intensity``, ``duration``, ``regularity``, ``reciprocity``,
        ``multiplexity``, ``connection``, ``structural`` (only when the
        model has it on), ``state``, ``online_only``, ``capped`` (``true``
        or ``false``), ``peak`` (only with ``with_peak``). Rows and their
        order are those of :meth:`ties`; numbers are written in the
        shortest form that reads back to the same float.

        Parameters
        ----------
        path : str or os.PathLike
            The file to write (replaced if it exists).
        as_of : datetime.datetime or datetime.date
            The date of the scores.
        person : str, optional
            Only this person's ties, with the person in column ``a``.
        min_strength : float, default 0
            Only ties at least this strong.
        with_peak : bool, default False
            Add a ``peak`` column.
        view : None, "online", "offline" or View
            Which interactions count.
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Raises
        ------
        TiegraphIOError
            The file cannot be written.
        PersonNotFoundError
            ``person`` is unknown.
        InvalidArgumentError
            ``min_strength`` is NaN.
        """
    def write_interactions_csv(self, path: _Path) -> None:
        """Writes every interaction as CSV, by tie then time.

        Columns ``src``, ``dst``, ``time`` (RFC 3339, UTC), ``channel``,
        ``duration`` (seconds, empty when none), ``weight``.
        ``load_interactions(path, duration="duration", weight="weight")``
        reads it back to the same interactions.

        Parameters
        ----------
        path : str or os.PathLike
            The file to write (replaced if it exists).

        Raises
        ------
        TiegraphIOError
            The file cannot be written.
        """
    def write_connections_csv(self, path: _Path) -> None:
        """Writes every declared connection as CSV.

        Columns ``a``, ``b``, ``platform``, ``kind`` (``mutual`` or
        ``follows``, ``a`` following ``b``), ``since`` (RFC 3339, empty
        when unknown). ``load_connections(path, kind="kind", since="since")``
        reads it back.

        Parameters
        ----------
        path : str or os.PathLike
            The file to write (replaced if it exists).

        Raises
        ------
        TiegraphIOError
            The file cannot be written.
        """
    def interactions_table(self) -> Table:
        """Every interaction as a table, by tie then time.

        Built in Rust from Arrow arrays with the GIL released: no Python
        object per row. Write it as Parquet with
        ``pyarrow.parquet.write_table(g.interactions_table().to_arrow(), path)``;
        ``load_interactions(table, duration="duration", weight="weight")``
        (or the Parquet path) reads it back to the same interactions.

        Returns
        -------
        Table
            Columns ``src``, ``dst`` (string), ``time`` (timestamp[us, UTC]),
            ``channel`` (string), ``duration`` (float64 seconds, null when
            none), ``weight`` (float64).

        Examples
        --------
        >>> import datetime as dt
        >>> g = Graph()
        >>> g.add_interaction("lee", "ana", at=dt.datetime(2026, 3, 2), channel="phone_call", duration=600)
        >>> g.interactions_table().to_arrow().to_pylist()[0]["duration"]
        600.0
        """
    def to_networkx(
        self,
        *,
        as_of: _Time,
        min_strength: float = 0.0,
        view: _ViewArg = None,
        model: ScoringModel | None = None,
    ) -> Any:
        """The graph as a ``networkx.Graph`` scored as of a date.

        Nodes are people (keyed by person key, with their details); edges are
        ties at or above ``min_strength`` with the strength, the seven
        components, the state and the online and offline strength. networkx
        is imported only here: this is :func:`tiegraph.networkx.to_networkx`,
        whose documentation lists the attributes.

        Parameters
        ----------
        as_of : datetime.datetime or datetime.date
            The date of the scores (naive = UTC; a date is its midnight UTC).
        min_strength : float, default 0
            Only ties at least this strong become edges (people without one
            are still nodes).
        view : None, "online", "offline" or View
            Which interactions count.
        model : ScoringModel, optional
            A model to use instead of the graph's.

        Returns
        -------
        networkx.Graph
            Undirected, one node per person and one edge per tie kept.

        Raises
        ------
        ImportError
            networkx is not installed.
        InvalidArgumentError
            ``min_strength`` is NaN.
        """
    @classmethod
    def from_networkx(
        cls,
        nxg: Any,
        *,
        at: str = "at",
        channel: str = "channel",
        duration: str = "duration",
        weight: str = "weight",
        default_channel: str | None = None,
    ) -> Graph:
        """A graph from a networkx graph whose edges are interactions.

        Each edge is one interaction from its first node to its second; node
        attributes ``name``, ``organisation``, ``role`` and ``tags`` become
        the person's details. This is :func:`tiegraph.networkx.from_networkx`,
        whose documentation has the details; networkx itself is not needed.

        Parameters
        ----------
        nxg : networkx.MultiDiGraph, MultiGraph, DiGraph or Graph
            Nodes are person keys (strings).
        at : str, default "at"
            Edge attribute of the time (a datetime, a date or an ISO 8601
            string). Required on every edge.
        channel : str, default "channel"
            Edge attribute of the channel name; required unless
            ``default_channel`` is given.
        duration : str, default "duration"
            Edge attribute of the duration, in seconds or as a timedelta;
            optional.
        weight : str, default "weight"
            Edge attribute of the weight multiplier; optional.
        default_channel : str, optional
            The channel of edges without one.

        Returns
        -------
        Graph
            Every node is a person (isolated ones too).

        Raises
        ------
        TiegraphError
            A bad edge, as the subclass of its problem, with ``exc.row`` its
            position in ``nxg.edges(...)`` order.
        TypeError
            A node that is not a string, or a person detail of the wrong type.
        """
    def __getstate__(self) -> bytes: ...
    def __setstate__(self, state: bytes) -> None: ...
    def __eq__(self, other: object, /) -> bool: ...
