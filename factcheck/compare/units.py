"""Unit dimensions (static data) and conversions (pint, loaded only when two units differ)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from factcheck.errors import ConfigError


@cache
def _table() -> dict[str, tuple[str, str]]:
    """canonical unit -> (dimension, pint expression)."""
    with resources.files(__package__).joinpath("units.toml").open("rb") as fh:
        data = tomllib.load(fh)
    out: dict[str, tuple[str, str]] = {}
    for dimension, units in data.items():
        if not isinstance(units, dict):
            raise ConfigError(f"{dimension}: expected a table of units", path="factcheck/compare/units.toml")
        for unit, expr in units.items():
            out[unit] = (dimension, str(expr))
    return out


@cache
def dimension(unit: str | None) -> str | None:
    """The blocking key of a unit: its dimension when pint converts it, else the unit itself."""
    if unit is None:
        return None
    known = _table().get(unit)
    return known[0] if known else unit


@cache
def listed() -> frozenset[str]:
    """Every unit a lexicon or ``units.toml`` names (canonical names: person, km, USD, riyal)."""
    from factcheck.lexicon import LANGS, get

    out = set(_table()) | _MEASURES
    for lang in LANGS:
        lex = get(lang)
        for table in (lex.units_after, lex.units_before, lex.article_units):
            out.update(str(v) for entries in table.by_first.values() for _phrase, v in entries)
    return frozenset(out)


def is_open(unit: str | None) -> bool:
    """A counted noun no lexicon lists, kept as its lemma in its own language ("athlete", "سرير"):
    it names one thing in one language only."""
    if unit is None or unit.isupper():
        return False
    return unit.partition("**")[0] not in listed()


def known() -> frozenset[str]:
    """The units pint converts (units.toml)."""
    return frozenset(_table())


@cache
def _registry():
    import pint  # heavy: only when two different units must be converted

    return pint.UnitRegistry()


@cache
def factor(source: str, target: str) -> float | None:
    """Multiply a value in ``source`` by this to express it in ``target`` (None if not convertible)."""
    if source == target:
        return 1.0
    table = _table()
    if source not in table or target not in table or table[source][0] != table[target][0]:
        return None
    if table[source][0] == "temperature":
        return None  # offsets, not factors: compared only in the same unit
    ureg = _registry()
    # each expression is a quantity ("1000 * meter**2" for a dunam): its magnitude counts, so both are
    # taken to base units and divided (converting to the target's units alone would drop the 1000)
    one = ureg.parse_expression(table[source][1]).to_base_units()
    other = ureg.parse_expression(table[target][1]).to_base_units()
    return float(one.magnitude / other.magnitude)


_MEASURES = frozenset({"percent", "percentage_point", "permille", "basis_point", "point", "degree"})


def is_count(unit: str | None) -> bool:
    """A counted noun (person, fighter): whole things, not a measure, a share or a currency."""
    if unit is None:
        return True
    return unit not in _table() and unit not in _MEASURES and unit != unit.upper()
