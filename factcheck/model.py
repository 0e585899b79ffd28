"""Frozen value objects shared by every layer, and their JSON contract (DESIGN.md §4)."""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from itertools import repeat
from operator import attrgetter, call
from typing import Any

#: what a figure states: an actual count or measure, or a target, forecast, requirement or pledge
MODALITIES = ("actual", "target", "forecast", "required", "pledged")
#: how a figure aggregates over time: a reading at a point, a running total, or a rate per period
AGGREGATIONS = ("point", "cumulative", "per_day", "per_week", "per_month", "per_year")
#: the ``[frame.aggregation]`` cue class of words saying a figure is a total as of now, not from when
#: ("so far", "حتى الآن"): a running total, unless the figure names a period of its own closed before
TO_DATE = "to_date"
#: where a claim's time comes from: a phrase of its own, the statement's date, or the publication date
TIME_BASES = ("stated", "statement", "published")
#: where a claim in hand came from: a document being read, the ledger, or a desk's reference file
#: (set by what produced it; run-time provenance, not part of the stored or exchanged claim)
ORIGINS = ("article", "ledger", "reference")
#: how the text presents a running total against an earlier one: an update, or a revision
CHANGES = ("update", "revised", "previous")
#: a figure stated as a part of the one before it ("including 8.8 million ..."), or as another set of
#: the same kind ("400 other families", "30 شاحنة أخرى"), never the same quantity as the others; a
#: variant that leaves something out ("excluding grants", "قبل المنح") meets only the same variant
SCOPES = ("part", "other", "whole", "variant")
FRAME_FIELDS = (
    "measure", "event", "owner", "group", "scope", "modality", "aggregation", "time_basis", "change",
    "goods",
)  # fmt: skip

BOUNDS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")

#: kinds of number expression; only ``quantity`` is a claim, the rest feed ``--all`` and time.
KINDS = (
    "quantity",
    "year",
    "date",
    "period",
    "fiscal_year",
    "time_of_day",
    "ordinal",
    "in_name",
    "phone",
)


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim, exactly the JSON object of DESIGN.md section 4."""

    id: str
    doc: str
    text: str
    start: int
    end: int
    value: float | int | None
    low: float | int | None
    high: float | int | None
    bound: str
    approx: bool
    precision: float | int | None
    unit: str | None
    unit_text: str | None
    subject: str | None = None
    subject_key: str | None = None
    source: str | None = None
    source_text: str | None = None
    cue: str | None = None
    time: str | None = None
    lang: str = "en"
    kind: str = "quantity"
    entities: tuple[str, ...] = field(default_factory=tuple)
    # the frame (DESIGN.md §4): what is measured, what happened, whose, which part of a population
    # (women, youth), whether it is a part of the figure before it ("including ...": scope "part"),
    # in which modality, aggregated how, on what basis ``time`` holds, and whether the
    # text presents it as an update or a revision of an earlier figure
    measure: str | None = None
    event: str | None = None
    owner: str | None = None
    group: str | None = None
    scope: str | None = None
    modality: str | None = None
    aggregation: str | None = None
    time_basis: str | None = None
    change: str | None = None
    # the goods a price, subsidy or quantity is of ("92-octane gasoline", "السولار", "bread")
    goods: str | None = None
    # where this claim came from (``ORIGINS``): like ``kind``, not in the JSON contract, and no part of
    # a claim's identity (a stored claim equals the claim extracted from its document)
    origin: str = field(default="article", compare=False)

    def to_dict(self, *, with_kind: bool = False) -> dict[str, Any]:
        """The contract's JSON object (``kind`` only when asked, for ``--all``)."""
        data = asdict(self)
        data["entities"] = list(self.entities)
        data.pop("origin")
        if not with_kind:
            data.pop("kind")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        """Build a claim from its JSON object; unknown keys are ignored."""
        names = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs["entities"] = tuple(kwargs.get("entities") or ())
        return cls(**kwargs)

    def with_(self, **changes: Any) -> Claim:
        """A copy with some fields changed: what :func:`dataclasses.replace` gives, built faster by
        setting the slots directly (``Claim`` has no ``__post_init__`` and every field is in
        ``__init__``)."""
        if not changes.keys() <= _CLAIM_INDEX.keys():
            return replace(self, **changes)  # an unknown name: the same error as ``replace``
        values = list(_claim_values(self))
        for name, value in changes.items():
            values[_CLAIM_INDEX[name]] = value
        new = object.__new__(type(self))
        deque(map(call, _CLAIM_SETTERS, repeat(new), values), 0)  # every slot, set at C speed
        return new


def make_claim(values: tuple | list) -> Claim:
    """A claim from all its field values in declaration order, without the frozen ``__init__``'s
    per-field ``object.__setattr__`` (loading a million ledger rows)."""
    if not _REQUIRED <= len(values) <= len(_CLAIM_SETTERS):
        raise ValueError(f"a claim has {len(_CLAIM_SETTERS)} fields, got {len(values)} values")
    return claim_builder()(*values)


def claim_builder() -> Any:
    """``build(*values) -> Claim``: every field value positionally, in declaration order (see
    :func:`fast_builder`)."""
    return fast_builder(Claim)


_BUILDERS: dict[type, Any] = {}


def fast_builder(cls: type) -> Any:
    """``build(*values)``: an instance of the frozen, slotted dataclass ``cls`` from every field value
    positionally, in declaration order, several times faster than ``cls(*values)`` (whose frozen
    ``__init__`` sets each field through ``object.__setattr__``). The slots are filled on a mutable
    twin of ``cls`` (the same slot names, so the same memory layout; its generated ``__init__`` stores
    each slot directly) whose class is then switched to ``cls``: the result is an ordinary, frozen
    instance of ``cls``, equal to ``cls(*values)``. Only for classes without ``__post_init__``."""
    build = _BUILDERS.get(cls)
    if build is None:
        from dataclasses import MISSING, make_dataclass

        spec = [
            (f.name, Any, field(default=f.default))
            if f.default is not MISSING
            else (f.name, Any, field(default_factory=f.default_factory))
            if f.default_factory is not MISSING
            else (f.name, Any)
            for f in fields(cls)
        ]
        twin = make_dataclass(f"_{cls.__name__}Slots", spec, slots=True)

        def build(*values: Any) -> Any:
            new = twin(*values)
            new.__class__ = cls
            return new

        _BUILDERS[cls] = build
    return build


_REQUIRED = len(fields(Claim)) - len(FRAME_FIELDS) - 1  # rows written before frames omit them (and origin)
_CLAIM_INDEX = {f.name: k for k, f in enumerate(fields(Claim))}
_CLAIM_SETTERS = tuple(Claim.__dict__[f.name].__set__ for f in fields(Claim))
_claim_values = attrgetter(*(f.name for f in fields(Claim)))
CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim) if f.name not in ("kind", "origin"))


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a document says about itself (front matter, HTML meta, the seed header)."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    lang: str | None = None
    dateline: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Level(StrEnum):
    """How loudly a finding speaks, loudest first (the one registry of levels: rules, checks, gate,
    reports and configuration read it). A member is its string, so JSON, TOML and SARIF see the word."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NONE = "none"  #: recorded, never shown as an alert

    @property
    def rank(self) -> int:
        """0 for the loudest (error)."""
        return _LEVEL_RANK[self]


class Verdict(StrEnum):
    """What a comparison of two figures of one quantity says (DESIGN.md §5)."""

    CONSISTENT = "consistent"
    DRIFT = "drift"
    CONFLICT = "conflict"
    TREND = "trend"


_LEVEL_RANK = {level: k for k, level in enumerate(Level)}
LEVELS = tuple(Level)
#: the levels a report shows as alerts or notes (all but ``none``)
SHOWN_LEVELS = (Level.ERROR, Level.WARNING, Level.INFO)
#: what ``--fail-on`` accepts: a level a finding must reach to fail the run, or never
FAIL_LEVELS = (*(level.value for level in SHOWN_LEVELS), "never")
VERDICTS = tuple(Verdict)


def level_rank(level: str) -> int:
    """The rank of a level given as a word (an unknown word ranks below every level)."""
    return _LEVEL_RANK.get(level, len(_LEVEL_RANK))  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class Finding:
    """Two or more claims linked by a check, with its verdict, level and the tolerance it used."""

    id: str
    check: str
    level: str
    claims: tuple[str, ...]
    message: str
    explanation: str
    verdict: str | None = None
    details: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "check": self.check,
            "verdict": self.verdict,
            "level": self.level,
            "claims": list(self.claims),
            "message": self.message,
            "explanation": self.explanation,
            "details": dict(self.details),
        }
