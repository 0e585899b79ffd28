"""One reader for publication dates (front matter, HTML meta, the seed header, ``--published``).

A date is ``YYYY-MM-DD`` (month and day may have one digit), optionally followed by a time
(``2025-11-13T10:00:00+03:00``, ``2025-11-13 10:00``); it must exist in the calendar. Anything
else is refused with a message saying what was expected, never stored as text.
"""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[^\d].*)?", re.S)


class DateError(ValueError):
    """A value that is not a publication date; ``str()`` is one line."""


def parse_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for ``value`` (text, date or datetime); ``None`` for nothing; else DateError."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise DateError(f"the date is {_kind(value)}, not YYYY-MM-DD")
    text = value.strip()
    if not text:
        return None
    m = _DATE.fullmatch(text)
    if m is None:
        raise DateError(f"{_show(text)} is not a date (expected YYYY-MM-DD)")
    year, month, day = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise DateError(f"{_show(text)} is not a date in the calendar") from None


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"


def _show(text: str) -> str:
    """``text`` quoted on one line, cut short, control characters escaped."""
    short = text if len(text) <= 40 else text[:40] + "…"
    return repr(short)
