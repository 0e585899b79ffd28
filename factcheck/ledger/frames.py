"""The ledger as a pandas DataFrame (pandas is imported here, and only when :func:`frame` runs)."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from factcheck.ledger.store import ClaimFilter, open_ledger
from factcheck.model import CLAIM_FIELDS

if TYPE_CHECKING:
    import pandas as pd

#: columns after the claim fields: the stored surface and time bounds, and the document's metadata
EXTRA_COLUMNS = ("value_text", "time_start", "time_end", "published", "publisher")
_NUMBERS = ("value", "low", "high", "precision")
_CATEGORIES = ("unit", "bound", "lang")


def frame(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    unit: str | None = None,
    since: str | None = None,
    subject: str | None = None,
    where: ClaimFilter | None = None,
) -> pd.DataFrame:
    """The stored claims as a DataFrame: one row per claim, the claim fields then :data:`EXTRA_COLUMNS`.

    Numbers are nullable ``Float64``, ``start``/``end`` ``Int64``, ``approx`` ``boolean``, ``published``
    a datetime (UTC, naive), ``unit``/``bound``/``lang`` categories, ``entities`` tuples.  The filters
    are those of ``factcheck claims list`` (``subject`` is fuzzy); ``where`` takes a full
    :class:`ClaimFilter` instead.
    """
    import pandas as pd

    with open_ledger(path, create=False) as ledger:
        if where is None:
            keys = ledger.match_subject(subject) if subject else None
            where = ClaimFilter(source=source, unit=unit, since=since, subject_keys=keys)
        columns = ", ".join(f"c.{c}" for c in EXTRA_COLUMNS[:3]) + ", d.published, d.publisher"
        rows = ledger.claim_rows(where, columns=columns).fetchall()
    stored = len(rows[0]) - len(EXTRA_COLUMNS) if rows else len(CLAIM_FIELDS)
    df = pd.DataFrame.from_records(rows, columns=[*CLAIM_FIELDS[:stored], *EXTRA_COLUMNS])
    for name in CLAIM_FIELDS[stored:]:  # contract fields the ledger does not store (yet): empty
        df[name] = None
    df = df[[*CLAIM_FIELDS, *EXTRA_COLUMNS]]
    for name in _NUMBERS:
        df[name] = pd.array([None if v is None else float(v) for v in df[name]], dtype="Float64")
    for name in ("start", "end"):
        df[name] = df[name].astype("Int64")
    df["approx"] = df["approx"].astype("boolean")
    for name in _CATEGORIES:
        df[name] = df[name].astype("category")
    df["entities"] = [tuple(json.loads(e)) if e and e != "[]" else () for e in df["entities"]]
    published = pd.to_datetime(df["published"], errors="coerce", utc=True, format="ISO8601")
    df["published"] = published.dt.tz_convert(None)
    return df
