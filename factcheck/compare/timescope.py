"""ISO 8601 time scopes of claims as date intervals: "2019", "2025-07", "2025-10-01/2025-11-06"."""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _bounds(text: str) -> tuple[date, date] | None:
    m = _PART.match(text.strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        d = date(year, month, day)
    except ValueError:
        return None
    return d, d


@cache
def interval(time: str | None) -> tuple[date, date] | None:
    """First and last day a time scope covers (None when unknown or unreadable)."""
    if not time:
        return None
    if "/" in time:
        a, _, b = time.partition("/")
        first, last = _bounds(a), _bounds(b)
        if first is None or last is None:
            return None
        return first[0], last[1]
    return _bounds(time)


@cache
def days(time: str | None) -> tuple[int, int] | None:
    """:func:`interval` as proleptic Gregorian ordinals (day numbers): the gap between two scopes is
    then a subtraction of ints (what :func:`gap_days` counts)."""
    span = interval(time)
    return None if span is None else (span[0].toordinal(), span[1].toordinal())


def gap_days(a: str | None, b: str | None) -> int | None:
    """Days between two time scopes (0 when they overlap; None when either is unknown)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    if ia[1] < ib[0]:
        return (ib[0] - ia[1]).days
    if ib[1] < ia[0]:
        return (ia[0] - ib[1]).days
    return 0
