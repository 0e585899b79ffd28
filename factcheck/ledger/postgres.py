"""The claim ledger on a PostgreSQL server, shared by many desks and CI runners (psycopg 3).

Same schema, migrations and semantics as the SQLite ledger: this class overrides only the hooks of
:class:`factcheck.ledger.store.Ledger` (connecting, schema version, write lock, SQL dialect) and shares
ingest, import and every query.  The design choices:

* **Writers take one lock.**  A write transaction starts with ``pg_advisory_xact_lock`` on one key, as
  SQLite's ``BEGIN IMMEDIATE`` does: the batch re-reads the documents' state under the lock, so two
  runners ingesting the same new article never both add it, and a changed article's claims are
  replaced atomically.  Readers never wait.  The lock is released by commit, rollback, or the server
  when a client dies (``kill -9`` mid-batch leaves nothing half-written).  ``lock_timeout`` bounds the
  wait as ``BUSY_TIMEOUT`` does for SQLite.
* **Values read back exactly.**  value/low/high/precision are ``numeric``: an integer is written as one,
  a float always with a decimal point (``30000.0``, ``100000000000000000000.0``), and read back as
  ``int`` when the text has no point, else ``float`` — so 30000 and 30000.0 survive as they do in
  SQLite's untyped columns, and exports are byte-identical on both backends.
* **Text sorts by code point** (``COLLATE "C"`` on every column), as in SQLite, so listings, exports
  and the order ``compare`` sees claims in are the same on both backends; ``ILIKE`` in the C collation
  folds ASCII letters only, as SQLite's ``LIKE``.
* **Large reads stream** through a server-side cursor (``claims()`` on a million claims).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache
from typing import Any

import psycopg
from psycopg.adapt import Loader

from factcheck.errors import LedgerError
from factcheck.ledger.migrations import SCHEMA_VERSION
from factcheck.ledger.store import BUSY_TIMEOUT, Ledger, claim_row
from factcheck.ledger.url import LedgerURL
from factcheck.model import Claim

#: the advisory lock every writer takes ("fact" in ASCII)
WRITE_LOCK = 0x66616374
#: rows fetched from the server at a time when streaming
_FETCH = 8192
#: the tables a factcheck ledger owns (another schema holding one of them is not ours to migrate)
_OWN_TABLES = ("schema_migrations", "documents", "claims", "claim_entities")
_NUMBER_COLUMNS = (7, 8, 9, 12)  # value, low, high, precision in claim_row()
_cursor_names = itertools.count()

_SELECT_CLAIM = """SELECT c.id, c.doc, c.text, c.start, c."end", c.value, c.low, c.high, c.bound, c.approx,
    c.precision, c.unit, c.unit_text, c.subject, c.subject_key, c.source, c.source_text, c.cue, c.time,
    c.lang, COALESCE((SELECT json_agg(e.entity ORDER BY e.pos) FROM claim_entities AS e
        WHERE e.claim_id = c.id)::text, '[]') AS entities,
    c.measure, c.event, c.owner, c."group", c.scope, c.modality, c.aggregation, c.time_basis,
    c.change, c.goods"""


class _Number(Loader):
    """``numeric`` as ``int`` when written without a decimal point, else ``float``."""

    def load(self, data: Any) -> int | float:
        text = bytes(data)
        try:
            return int(text)
        except ValueError:
            return float(text)


def stored_number(value: Any) -> Any:
    """A claim number as the ``numeric`` column keeps it (a float always with a decimal point)."""
    if isinstance(value, float):
        text = repr(value)
        if "e" in text or "E" in text:
            text = format(Decimal(text), "f")
        if "." not in text and text not in ("inf", "-inf", "nan"):
            text += ".0"
        return Decimal(text)
    return value


@lru_cache(maxsize=256)
def _pyformat(sql: str) -> str:
    """The shared SQL (``?`` placeholders) in psycopg's ``%s`` style."""
    return sql.replace("%", "%%").replace("?", "%s")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.splitlines()[0].split())


class PgConnection:
    """What the shared ledger code calls on a connection (``execute``, ``executemany`` with ``?``)."""

    def __init__(self, raw: psycopg.Connection) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> psycopg.Cursor:
        if params is None or len(params) == 0:
            return self.raw.execute(sql)  # type: ignore[arg-type]
        return self.raw.execute(_pyformat(sql), params)  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Any) -> None:
        rows = list(rows)
        if rows:
            with self.raw.cursor() as cur:
                cur.executemany(_pyformat(sql), rows)  # type: ignore[arg-type]

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        self.raw.close()


class _Stream:
    """Rows of a server-side cursor, closed once read to the end."""

    def __init__(self, cursor: psycopg.ServerCursor) -> None:
        self.cursor = cursor

    def fetchmany(self, size: int = _FETCH) -> list[tuple[Any, ...]]:
        rows = self.cursor.fetchmany(size)
        if not rows:
            self.close()
        return rows

    def fetchall(self) -> list[tuple[Any, ...]]:
        try:
            return self.cursor.fetchall()
        finally:
            self.close()

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while rows := self.fetchmany():
            yield from rows

    def close(self) -> None:
        if not self.cursor.closed:
            self.cursor.close()


def connect(url: LedgerURL) -> psycopg.Connection:
    """A connection in autocommit mode (transactions are explicit), numbers loaded exactly."""
    try:
        raw = psycopg.connect(
            url.conninfo,
            autocommit=True,
            connect_timeout=int(os.environ.get("PGCONNECT_TIMEOUT", "10")),
            application_name="factcheck",
        )
    except psycopg.Error as exc:
        raise LedgerError(f"cannot connect to the ledger server: {_first_line(exc)}", path=str(url)) from None
    raw.adapters.register_loader("numeric", _Number)
    # no JIT: it compiles for ~20 ms before many short ledger queries (lookups for `check`)
    raw.execute(f"SET lock_timeout = '{int(BUSY_TIMEOUT * 1000)}ms'; SET jit = off")
    return raw


def _version(conn: PgConnection | psycopg.Connection) -> int:
    # a plain query on the catalog, not to_regclass(): name lookups may use a cache that has not yet
    # seen another session's CREATE TABLE (until this session next locks a table)
    found = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'schema_migrations')"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def has_ledger(url: LedgerURL) -> bool:
    """Whether the server holds a factcheck ledger at ``url`` (its schema exists)."""
    raw = connect(url)
    try:
        return _version(raw) > 0
    except psycopg.Error as exc:
        raise LedgerError(f"ledger server error: {_first_line(exc)}", path=str(url)) from None
    finally:
        raw.close()


class PostgresLedger(Ledger):
    """The ledger in a PostgreSQL database (see the module's notes)."""

    select_claim = _SELECT_CLAIM
    like_op = "ILIKE"
    integrity_errors = (psycopg.IntegrityError,)

    def __init__(self, raw: psycopg.Connection, url: LedgerURL) -> None:
        super().__init__(PgConnection(raw), url)  # type: ignore[arg-type]
        self.raw = raw
        self.url = url

    @classmethod
    def open(cls, path: Any, *, create: bool = True) -> PostgresLedger:
        url = path if isinstance(path, LedgerURL) else LedgerURL.parse(str(path))
        raw = connect(url)
        ledger = cls(raw, url)
        try:
            ledger._prepare_server(create)
        except psycopg.Error as exc:
            raw.close()
            raise LedgerError(f"ledger server error: {_first_line(exc)}", path=str(url)) from None
        except BaseException:
            raw.close()
            raise
        return ledger

    def _prepare_server(self, create: bool) -> None:
        version = _version(self.raw)
        where = str(self.url)
        if version > SCHEMA_VERSION:
            raise LedgerError(
                f"ledger schema version {version} is newer than this factcheck understands "
                f"(version {SCHEMA_VERSION}); upgrade factcheck",
                path=where,
            )
        if version == 0:  # look again under the write lock: another process may be migrating right now
            with self.transaction():
                version = _version(self.raw)
                rows = self.raw.execute(
                    "SELECT table_name FROM information_schema.tables "
                    "WHERE table_schema = current_schema() AND table_name = ANY(%s)",
                    (list(_OWN_TABLES[1:]),),
                ).fetchall()
        if version == 0:
            if rows:
                names = ", ".join(sorted(r[0] for r in rows))
                raise LedgerError(
                    f"not a factcheck ledger (the schema has table(s) {names} and no ledger schema)",
                    path=where,
                )
            if not create:
                raise LedgerError("no ledger here (run `factcheck ingest` first)", path=where)
        if version < SCHEMA_VERSION:
            self.migrate()

    # -- dialect hooks

    def _stored_version(self, conn: Any) -> int:
        return _version(conn)

    def _mark_version(self, conn: Any, version: int) -> None:
        """Nothing more to do: the version is the highest one in ``schema_migrations``."""

    def _steps(self, migration: Any) -> tuple[Any, ...]:
        return migration.postgres

    def _row(self, claim: Claim, seq: int, doc: str) -> tuple[Any, ...]:
        row = list(claim_row(claim, seq, doc))
        for i in _NUMBER_COLUMNS:
            row[i] = stored_number(row[i])
        return tuple(row)

    def _rows(self, sql: str, params: Sequence[Any], *, large: bool = True) -> Any:
        """A large read streams through a server-side cursor; a narrow one (a lookup) is one round trip."""
        if not large:
            try:
                return self.conn.execute(sql, params)
            except psycopg.Error as exc:
                raise LedgerError(f"ledger server error: {_first_line(exc)}", path=str(self.url)) from None
        cursor = self.raw.cursor(name=f"factcheck_{os.getpid()}_{next(_cursor_names)}", withhold=True)
        try:
            cursor.execute(_pyformat(sql) if params else sql, params or None)  # type: ignore[arg-type]
        except psycopg.Error as exc:
            cursor.close()
            raise LedgerError(f"ledger server error: {_first_line(exc)}", path=str(self.url)) from None
        return _Stream(cursor)

    @property
    def location(self) -> str:
        return str(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """A write transaction holding the ledger's write lock (see the module's notes)."""
        try:
            with self.raw.transaction():
                self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield self.conn
        except psycopg.errors.LockNotAvailable:
            raise LedgerError(
                f"another writer held the ledger for more than {BUSY_TIMEOUT:.0f} s", path=str(self.url)
            ) from None
        except psycopg.Error as exc:
            if isinstance(exc, self.integrity_errors):
                raise
            raise LedgerError(f"ledger server error: {_first_line(exc)}", path=str(self.url)) from None

    def close(self) -> None:
        self.raw.close()
