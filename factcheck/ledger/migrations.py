"""The ledger's schema history: migrations applied in order, each in its own transaction.

A shipped migration is never edited; a schema change is a new entry at the end of :data:`MIGRATIONS`.
``PRAGMA user_version`` holds the schema version and ``schema_migrations`` records when each step ran.

* v1: documents, claims (entities as a JSON array column), indexes on doc, unit and subject key.
* v2: entities move to ``claim_entities`` (indexed by entity); claims get ``time_start``/``time_end``
  (the ISO dates ``time`` covers, indexed) and documents ``title``/``url``.
* v3, v4: the claim frame, one column per field (v4: the goods).
* v5: the ``event:``/``party:``/``nationality:`` tags older versions appended to subject keys move into
  the frame's ``event`` and ``owner`` (see :func:`untagged`); keys keep only words.

Each migration is written twice, once per dialect, with the same tables, columns, keys and indexes: the
SQLite steps, and the PostgreSQL ones (``Migration.postgres``, run by
:class:`factcheck.ledger.postgres.PostgresLedger`).  On PostgreSQL every text column sorts and compares
by code point (``COLLATE "C"``, as SQLite does), and the untyped number columns are ``numeric``
(30000 stays an integer and 30000.0 a float, see :mod:`factcheck.ledger.postgres`); the schema version
is the highest version in ``schema_migrations``.
"""

from __future__ import annotations

import calendar
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

Step = str | Callable[[sqlite3.Connection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    steps: tuple[Step, ...]
    postgres: tuple[Step, ...] = ()


_V1 = (
    """CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
    )""",
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT,
        publisher TEXT,
        published TEXT,
        lang TEXT,
        content_hash TEXT,
        ingested_at TEXT NOT NULL
    )""",
    # value/low/high/precision carry no declared type: SQLite then keeps 30000 an integer and 2.5 a real,
    # so a claim reads back exactly as it was written.
    """CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        value_text TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value,
        low,
        high,
        bound TEXT NOT NULL,
        approx INTEGER NOT NULL,
        precision,
        unit TEXT,
        unit_text TEXT,
        subject TEXT,
        subject_key TEXT,
        source TEXT,
        source_text TEXT,
        cue TEXT,
        time TEXT,
        lang TEXT NOT NULL,
        entities TEXT NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX claims_doc ON claims(doc, seq)",
    "CREATE INDEX claims_unit ON claims(unit)",
    "CREATE INDEX claims_subject_key ON claims(subject_key)",
)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _point(text: str, *, end: bool) -> str | None:
    m = _DATE.match(text.strip())
    if not m:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    if day:
        return f"{year:04d}-{month}-{day}"
    if month:
        mm = int(month)
        if not 1 <= mm <= 12:
            return None
        last = calendar.monthrange(year, mm)[1] if end else 1
        return f"{year:04d}-{mm:02d}-{last:02d}"
    return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"


def time_bounds(time: str | None) -> tuple[str | None, str | None]:
    """First and last ISO date a claim's ``time`` covers (``2025-07`` -> 2025-07-01, 2025-07-31)."""
    if not time:
        return None, None
    first, _, last = time.partition("/")
    if not last:
        last = first
    return _point(first, end=False), _point(last, end=True)


def _fill_time_bounds(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, time FROM claims WHERE time IS NOT NULL").fetchall()
    conn.executemany(
        "UPDATE claims SET time_start = ?, time_end = ? WHERE id = ?",
        [(*time_bounds(time), cid) for cid, time in rows],
    )


_V2 = (
    """CREATE TABLE claim_entities (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        entity TEXT NOT NULL,
        PRIMARY KEY (claim_id, pos)
    ) WITHOUT ROWID""",
    """INSERT INTO claim_entities (claim_id, pos, entity)
       SELECT c.id, CAST(j.key AS INTEGER), j.value FROM claims AS c, json_each(c.entities) AS j""",
    "ALTER TABLE claims DROP COLUMN entities",
    "CREATE INDEX claim_entities_entity ON claim_entities(entity)",
    "ALTER TABLE claims ADD COLUMN time_start TEXT",
    "ALTER TABLE claims ADD COLUMN time_end TEXT",
    _fill_time_bounds,
    "CREATE INDEX claims_time ON claims(time_start, time_end)",
    "ALTER TABLE documents ADD COLUMN title TEXT",
    "ALTER TABLE documents ADD COLUMN url TEXT",
    "CREATE INDEX documents_published ON documents(published)",
)

_TEXT = 'TEXT COLLATE "C"'
_PG_V1 = (
    f"""CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name {_TEXT} NOT NULL,
        applied_at {_TEXT} NOT NULL
    )""",
    f"""CREATE TABLE documents (
        id {_TEXT} PRIMARY KEY,
        path {_TEXT},
        publisher {_TEXT},
        published {_TEXT},
        lang {_TEXT},
        content_hash {_TEXT},
        ingested_at {_TEXT} NOT NULL
    )""",
    f"""CREATE TABLE claims (
        id {_TEXT} PRIMARY KEY,
        doc {_TEXT} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text {_TEXT} NOT NULL,
        value_text {_TEXT},
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value NUMERIC,
        low NUMERIC,
        high NUMERIC,
        bound {_TEXT} NOT NULL,
        approx INTEGER NOT NULL,
        precision NUMERIC,
        unit {_TEXT},
        unit_text {_TEXT},
        subject {_TEXT},
        subject_key {_TEXT},
        source {_TEXT},
        source_text {_TEXT},
        cue {_TEXT},
        time {_TEXT},
        lang {_TEXT} NOT NULL,
        entities {_TEXT} NOT NULL DEFAULT '[]'
    )""",
    "CREATE INDEX claims_doc ON claims(doc, seq)",
    "CREATE INDEX claims_unit ON claims(unit)",
    "CREATE INDEX claims_subject_key ON claims(subject_key)",
)
_PG_V2 = (
    f"""CREATE TABLE claim_entities (
        claim_id {_TEXT} NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        entity {_TEXT} NOT NULL,
        PRIMARY KEY (claim_id, pos)
    )""",
    """INSERT INTO claim_entities (claim_id, pos, entity)
       SELECT c.id, (j.n - 1)::integer, j.value
       FROM claims AS c, jsonb_array_elements_text(c.entities::jsonb) WITH ORDINALITY AS j(value, n)""",
    "ALTER TABLE claims DROP COLUMN entities",
    "CREATE INDEX claim_entities_entity ON claim_entities(entity)",
    f"ALTER TABLE claims ADD COLUMN time_start {_TEXT}",
    f"ALTER TABLE claims ADD COLUMN time_end {_TEXT}",
    _fill_time_bounds,
    "CREATE INDEX claims_time ON claims(time_start, time_end)",
    f"ALTER TABLE documents ADD COLUMN title {_TEXT}",
    f"ALTER TABLE documents ADD COLUMN url {_TEXT}",
    "CREATE INDEX documents_published ON documents(published)",
)

#: the claim frame as version 3 wrote it (DESIGN.md §4), one column per field, in ``Claim`` order
_FRAME_V3 = (
    "measure",
    "event",
    "owner",
    "group",
    "scope",
    "modality",
    "aggregation",
    "time_basis",
    "change",
)
_V3 = tuple(f'ALTER TABLE claims ADD COLUMN "{name}" TEXT' for name in _FRAME_V3)
_PG_V3 = tuple(f'ALTER TABLE claims ADD COLUMN "{name}" {_TEXT}' for name in _FRAME_V3)
#: the claim frame, one column per field, in ``Claim`` order (version 4 added the goods)
FRAME_COLUMNS = (*_FRAME_V3, "goods")

#: the tags versions before 5 appended to a subject key (their values now live in ``event`` and ``owner``)
_TAGS = ("event:", "party:", "nationality:")


def untagged(
    key: str | None, event: str | None, owner: str | None
) -> tuple[str | None, str | None, str | None]:
    """A subject key as versions before 5 wrote it, with ``event:``, ``party:`` and ``nationality:`` tags
    after its words, as (words only, event, owner): a single event tag fills an empty ``event`` (several
    name no one event), an armed group's tag, else a nationality's, an empty ``owner``."""
    if not key or ":" not in key:
        return key, event, owner
    words: list[str] = []
    found: dict[str, list[str]] = {prefix: [] for prefix in _TAGS}
    for word in key.split():
        prefix = next((p for p in _TAGS if word.startswith(p)), None)
        if prefix is None:
            words.append(word)
        else:
            found[prefix].append(word[len(prefix) :])
    if len(words) == len(key.split()):
        return key, event, owner
    events = set(found["event:"])
    if event is None and len(events) == 1:
        event = events.pop()
    if owner is None:
        owner = next(iter(found["party:"] + found["nationality:"]), None)
    return " ".join(words) or None, event, owner


def _untag_keys(conn: sqlite3.Connection) -> None:
    rows = conn.execute(
        "SELECT id, subject_key, event, owner FROM claims WHERE subject_key LIKE '%:%'"
    ).fetchall()
    changed = [(*untagged(key, event, owner), cid) for cid, key, event, owner in rows]
    conn.executemany("UPDATE claims SET subject_key = ?, event = ?, owner = ? WHERE id = ?", changed)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents and claims", _V1, _PG_V1),
    Migration(2, "entity table, time bounds, document title and url", _V2, _PG_V2),
    Migration(3, "claim frames", _V3, _PG_V3),
    Migration(
        4,
        "the goods of a claim",
        ('ALTER TABLE claims ADD COLUMN "goods" TEXT',),
        (f'ALTER TABLE claims ADD COLUMN "goods" {_TEXT}',),
    ),
    Migration(5, "frame tags out of subject keys", (_untag_keys,), (_untag_keys,)),
)

#: the schema version this code writes; a ledger above it is refused.
SCHEMA_VERSION = MIGRATIONS[-1].version
