"""The SQLite claim ledger: opening (with migrations), ingesting documents, importing and querying claims.

The file opens in any SQLite tool.  Writers use ``BEGIN IMMEDIATE`` with a busy timeout and retry, so
several ingests can run at once; a batch of documents is one transaction, so after a crash every
document is either fully stored or absent.  WAL mode with ``synchronous=NORMAL`` survives a killed
process without losing committed batches.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import sqlite3
import time as _time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from factcheck.config import find_config as _find_config  # noqa: F401  (older callers)
from factcheck.errors import LedgerError, UsageError
from factcheck.ledger.migrations import FRAME_COLUMNS, MIGRATIONS, SCHEMA_VERSION, time_bounds
from factcheck.ledger.paths import DEFAULT_LEDGER, default_ledger_path, is_url, project_folder  # noqa: F401
from factcheck.model import Claim, claim_builder, make_claim

#: how long a writer waits for another writer's lock before giving up (seconds)
BUSY_TIMEOUT = 60.0
#: rows turned into claims at a time when loading (see :meth:`Ledger.claims`)
_LOAD_BATCH = 4096
_INT64 = 2**63

_CLAIM_COLUMNS = (
    "id", "doc", "seq", "text", "value_text", "start", "end", "value", "low", "high", "bound", "approx",
    "precision", "unit", "unit_text", "subject", "subject_key", "source", "source_text", "cue", "time",
    "lang", "time_start", "time_end", *FRAME_COLUMNS,
)  # fmt: skip
_INSERT_CLAIM = "INSERT INTO claims ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in _CLAIM_COLUMNS), ", ".join("?" * len(_CLAIM_COLUMNS))
)
#: the claim fields as read back, in ``Claim`` order; entities come as a JSON array
_SELECT_CLAIM = """SELECT c.id, c.doc, c.text, c.start, c."end", c.value, c.low, c.high, c.bound, c.approx,
    c.precision, c.unit, c.unit_text, c.subject, c.subject_key, c.source, c.source_text, c.cue, c.time,
    c.lang, (SELECT json_group_array(entity) FROM (
        SELECT e.entity FROM claim_entities AS e WHERE e.claim_id = c.id ORDER BY e.pos)) AS entities,
    c.measure, c.event, c.owner, c."group", c.scope, c.modality, c.aggregation, c.time_basis,
    c.change, c.goods"""


# ---------------------------------------------------------------- records


def content_hash(raw: str) -> str:
    """The document's content hash: sha256 of its text as read, UTF-8."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document row; two records with equal fields mean the document is unchanged."""

    id: str
    path: str | None = None
    publisher: str | None = None
    published: str | None = None
    lang: str | None = None
    content_hash: str | None = None
    title: str | None = None
    url: str | None = None


_DOC_FIELDS = ("id", "path", "publisher", "published", "lang", "content_hash", "title", "url")


@dataclass(slots=True)
class IngestResult:
    """Counts of one ingest (or one batch of it)."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0

    def __iadd__(self, other: IngestResult) -> IngestResult:
        self.added += other.added
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.claims += other.claims
        return self

    @property
    def documents(self) -> int:
        return self.added + self.replaced + self.unchanged

    def summary(self) -> str:
        return (
            f"{self.added} documents added, {self.replaced} replaced, {self.unchanged} unchanged; "
            f"{self.claims} claims stored"
        )


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which claims a query returns; every set field must hold."""

    source: str | None = None  #: substring of the attribution (as canonical or written) or the publisher
    unit: str | None = None
    since: str | None = None  #: ISO date: documents published since (claim time when no date)
    subject_keys: tuple[str, ...] | None = None  #: exact subject keys (see :meth:`Ledger.match_subject`)
    doc: str | None = None
    entity: str | None = None
    time_from: str | None = None  #: claims whose time overlaps [time_from, time_to]
    time_to: str | None = None
    doc_from: str | None = None  #: documents from this id on (a slice of the ledger, by document order)
    doc_to: str | None = None  #: documents before this id

    def where(self, like_op: str = "LIKE") -> tuple[str, list[Any]]:
        """SQL condition on ``claims AS c JOIN documents AS d`` and its parameters (``like_op``: the
        operator that matches ASCII letters in any case, ``ILIKE`` on PostgreSQL)."""
        conds: list[str] = []
        params: list[Any] = []
        if self.source:
            like = "%" + self.source.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            cols = ("c.source", "c.source_text", "d.publisher")
            conds.append("(" + " OR ".join(f"{col} {like_op} ? ESCAPE '\\'" for col in cols) + ")")
            params += [like] * len(cols)
        if self.unit:
            conds.append("c.unit = ?")
            params.append(self.unit)
        if self.since:
            conds.append("COALESCE(d.published, c.time_end) >= ?")
            params.append(check_date(self.since, "--since"))
        if self.subject_keys is not None:
            keys = list(self.subject_keys)
            if not keys:
                conds.append("1 = 0")
            else:
                conds.append(f"c.subject_key IN ({', '.join('?' * len(keys))})")
                params += keys
        if self.doc:
            conds.append("c.doc = ?")
            params.append(self.doc)
        if self.entity:
            conds.append("c.id IN (SELECT claim_id FROM claim_entities WHERE entity = ?)")
            params.append(self.entity)
        if self.time_from:
            conds.append("c.time_end >= ?")
            params.append(self.time_from)
        if self.time_to:
            conds.append("c.time_start <= ?")
            params.append(self.time_to)
        if self.doc_from is not None:
            conds.append("c.doc >= ?")
            params.append(self.doc_from)
        if self.doc_to is not None:
            conds.append("c.doc < ?")
            params.append(self.doc_to)
        return (" AND ".join(conds) or "1 = 1"), params


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(text: str, what: str = "date") -> str:
    """``text`` if it is an ISO date, month or year; a usage error otherwise."""
    if not _ISO_DATE.match(text):
        raise UsageError(f"{what}: '{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return text


# ---------------------------------------------------------------- subject keys

_KEY_DROP = re.compile(r"[^\w]+")


def normalise_key(text: str) -> str:
    """A matching key for a subject: folded (Arabic letter forms, digits, case), no punctuation,
    no stop words (``[keys]`` of every lexicon), a glued article dropped (``[grammar]
    definite_prefixes``); word order kept."""
    from factcheck import lexicon
    from factcheck.text.normalize import normalize

    known = lexicon.words()
    stop, prefixes = known.key_stop_words, known.definite_prefixes
    folded = normalize(text).text.casefold()
    words = []
    for word in _KEY_DROP.sub(" ", folded).replace("_", " ").split():
        if word in stop:
            continue
        for prefix in prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                word = word[len(prefix) :]
                break
        words.append(word)
    return " ".join(words)


def match_subject_keys(
    query: str, subjects: Mapping[str, str], *, score_cutoff: float = 80.0
) -> tuple[str, ...]:
    """The keys of ``subjects`` (key -> subject as written) fuzzily matching ``query``, best first.

    rapidfuzz ``WRatio`` over normalised keys, trying both the key and the subject as written.
    """
    from rapidfuzz import fuzz, process

    wanted = normalise_key(query)
    if not wanted:
        return ()
    owners: list[str] = []
    choices: list[str] = []
    for key, subject in subjects.items():
        for choice in dict.fromkeys((normalise_key(key), normalise_key(subject or ""))):
            if choice:
                owners.append(key)
                choices.append(choice)
    found = process.extract(wanted, choices, scorer=fuzz.WRatio, score_cutoff=score_cutoff, limit=None)
    return tuple(dict.fromkeys(owners[i] for _, _, i in found))


# ---------------------------------------------------------------- row conversion


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and not -_INT64 <= value < _INT64:
        return float(value)
    return value


def claim_row(claim: Claim, seq: int, doc: str | None = None) -> tuple[Any, ...]:
    """The ``claims`` row of ``claim`` (``value_text`` is the claim's surface)."""
    start, end = time_bounds(claim.time)
    return (
        claim.id, doc or claim.doc, seq, claim.text, claim.text, claim.start, claim.end, _number(claim.value),
        _number(claim.low), _number(claim.high), claim.bound, int(bool(claim.approx)),
        _number(claim.precision), claim.unit, claim.unit_text, claim.subject, claim.subject_key,
        claim.source, claim.source_text, claim.cue, claim.time, claim.lang, start, end,
        *(getattr(claim, name) for name in FRAME_COLUMNS),
    )  # fmt: skip


def row_claim(row: Sequence[Any]) -> Claim:
    """A claim from a row of :data:`_SELECT_CLAIM` (its origin the ledger)."""
    entities = row[20]
    return make_claim(
        (
            *row[:9],
            bool(row[9]),
            *row[10:20],
            "quantity",
            tuple(json.loads(entities)) if entities and entities != "[]" else (),
            *row[21:31],
            "ledger",
        )
    )


# ---------------------------------------------------------------- the ledger


def _locked(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _retry(action: Callable[[], Any], *, timeout: float = BUSY_TIMEOUT) -> Any:
    """Run ``action``, retrying while the database is locked by another writer."""
    deadline = _time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            return action()
        except sqlite3.OperationalError as exc:
            if not _locked(exc) or _time.monotonic() > deadline:
                raise
            _time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Ledger:
    """An open ledger; use :func:`open_ledger` (or ``Ledger.open``) and close it, or use ``with``.

    This class is the SQLite ledger; :class:`factcheck.ledger.postgres.PostgresLedger` overrides the few
    hooks below (connection, schema version, write lock, dialect) and shares everything else."""

    #: the claim fields as read back (see :data:`_SELECT_CLAIM`), the case-insensitive LIKE, and the
    #: error a duplicate claim id raises
    select_claim = _SELECT_CLAIM
    like_op = "LIKE"
    integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # -- opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Ledger:
        """Open (and create or upgrade) the ledger at ``path``; :class:`LedgerError` when it cannot be.

        A ``postgresql://`` URL opens the shared ledger on that server (psycopg is imported only then)."""
        if is_url(path) and cls is Ledger:
            from factcheck.ledger.url import server_module

            return server_module().PostgresLedger.open(path, create=create)
        p = Path(path)
        where = str(p)
        if p.is_dir():
            raise LedgerError("is a folder, not a ledger file", path=where)
        if not p.exists():
            if not create:
                raise LedgerError("no ledger here (run `factcheck ingest` first)", path=where)
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                why = exc.strerror or exc
                raise LedgerError(f"cannot create the ledger's folder: {why}", path=where) from exc
        elif not os.access(p, os.R_OK):
            raise LedgerError("cannot read the ledger (permission denied)", path=where)
        elif not create and not (os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)):
            return cls._open_readonly(p)  # a read-only mount or file can still be consulted
        try:
            conn = sqlite3.connect(p, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise LedgerError(f"cannot open ledger: {exc}", path=where) from exc
        ledger = cls(conn, p)
        try:
            ledger._prepare()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if not create and "readonly" in str(exc):
                return cls._open_readonly(p)
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise LedgerError(f"not a SQLite ledger ({exc})", path=where) from exc
            raise LedgerError(f"cannot open ledger: {exc}", path=where) from exc
        except BaseException:
            conn.close()
            raise
        return ledger

    @classmethod
    def _open_readonly(cls, p: Path) -> Ledger:
        """Open a ledger that cannot be written, to read only: no WAL switch, no migration (it must
        already be at this version); ``immutable`` when even SQLite's shared-memory file cannot be made."""
        from urllib.parse import quote

        last: Exception | None = None
        for flags in ("mode=ro", "immutable=1"):
            conn = None
            try:
                uri = f"file:{quote(str(p.resolve()))}?{flags}"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                last = exc
                if conn is not None:
                    conn.close()
                continue
            if version != SCHEMA_VERSION:
                conn.close()
                raise LedgerError(
                    f"the ledger is read-only and at schema version {version}, not {SCHEMA_VERSION}; "
                    "it cannot be upgraded where it is",
                    path=str(p),
                )
            conn.execute("PRAGMA query_only = ON")
            return cls(conn, p)
        raise LedgerError(f"cannot open the read-only ledger: {last}", path=str(p))

    def _prepare(self) -> None:
        conn = self.conn
        conn.execute("BEGIN")  # one snapshot: another process may be creating the schema right now
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        finally:
            conn.execute("COMMIT")
        if version > SCHEMA_VERSION:
            raise LedgerError(
                f"ledger schema version {version} is newer than this factcheck understands "
                f"(version {SCHEMA_VERSION}); upgrade factcheck",
                path=str(self.path),
            )
        if version == 0 and tables:
            raise LedgerError(
                "not a factcheck ledger (a SQLite file with other tables and no ledger schema)",
                path=str(self.path),
            )
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            _retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    def migrate(self, target: int = SCHEMA_VERSION) -> int:
        """Apply the pending migrations up to ``target``, each in its own transaction; the new version."""
        version = self.version
        for migration in MIGRATIONS:
            if migration.version <= version or migration.version > target:
                continue
            with self.transaction() as conn:
                current = self._stored_version(conn)
                if current >= migration.version:  # another process got there first
                    version = current
                    continue
                for step in self._steps(migration):
                    if callable(step):
                        step(conn)
                    else:
                        conn.execute(step)
                conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )
                self._mark_version(conn, migration.version)
                version = migration.version
        return version

    # -- dialect hooks (overridden by the PostgreSQL ledger)

    def _stored_version(self, conn: Any) -> int:
        return conn.execute("PRAGMA user_version").fetchone()[0]

    def _mark_version(self, conn: Any, version: int) -> None:
        conn.execute(f"PRAGMA user_version = {int(version)}")

    def _steps(self, migration: Any) -> tuple[Any, ...]:
        return migration.steps

    def _row(self, claim: Claim, seq: int, doc: str) -> tuple[Any, ...]:
        return claim_row(claim, seq, doc)

    def _rows(self, sql: str, params: Sequence[Any], *, large: bool = True) -> Any:
        """A cursor over a read (``large``: maybe the whole ledger): fetchmany, fetchall, iteration."""
        return self.conn.execute(sql, params)

    @property
    def location(self) -> str:
        """Where the ledger is, as error messages name it (a server URL without its password)."""
        return str(self.path)

    @property
    def version(self) -> int:
        return self._stored_version(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``, retried while another writer holds the lock)."""
        conn = self.conn
        _retry(lambda: conn.execute("BEGIN IMMEDIATE"))
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        _retry(lambda: conn.execute("COMMIT"))

    # -- writing

    def document_records(self, ids: Iterable[str]) -> dict[str, DocumentRecord]:
        """The stored records of the given document ids (those that exist)."""
        out: dict[str, DocumentRecord] = {}
        ids = list(dict.fromkeys(ids))
        cols = ", ".join(_DOC_FIELDS)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            sql = f"SELECT {cols} FROM documents WHERE id IN ({', '.join('?' * len(chunk))})"
            for row in self.conn.execute(sql, chunk):
                out[row[0]] = DocumentRecord(*row)
        return out

    def _store_document(self, conn: sqlite3.Connection, record: DocumentRecord) -> None:
        values = [getattr(record, f) for f in _DOC_FIELDS]
        updates = ", ".join(f"{f} = excluded.{f}" for f in (*_DOC_FIELDS[1:], "ingested_at"))
        conn.execute(
            f"INSERT INTO documents ({', '.join(_DOC_FIELDS)}, ingested_at) "
            f"VALUES ({', '.join('?' * (len(_DOC_FIELDS) + 1))}) ON CONFLICT(id) DO UPDATE SET {updates}",
            [*values, _now()],
        )

    def _insert_claims(self, conn: Any, claims: Sequence[Claim], doc: str, seq: int = 0) -> None:
        try:
            conn.executemany(_INSERT_CLAIM, [self._row(c, seq + i, doc) for i, c in enumerate(claims)])
        except self.integrity_errors as exc:
            raise LedgerError(f"cannot store the claims of document {doc!r}: {exc}") from exc
        conn.executemany(
            "INSERT INTO claim_entities (claim_id, pos, entity) VALUES (?, ?, ?)",
            [(c.id, pos, entity) for c in claims for pos, entity in enumerate(c.entities)],
        )

    def ingest(self, batch: Sequence[tuple[DocumentRecord, Callable[[], Sequence[Claim]]]]) -> IngestResult:
        """Store a batch of documents in one transaction.

        Each item is a document record and a function giving its claims, called only for a document
        that is new or changed (content hash or metadata); a changed document's claims are replaced.
        """
        before = self.document_records(r.id for r, _ in batch)
        ready: dict[int, Sequence[Claim]] = {}
        for i, (record, claims_of) in enumerate(batch):  # extract outside the write lock
            if before.get(record.id) != record:
                ready[i] = claims_of()
        result = IngestResult()
        with self.transaction() as conn:
            state = self.document_records(r.id for r, _ in batch)
            for i, (record, claims_of) in enumerate(batch):
                old = state.get(record.id)
                if old == record:
                    result.unchanged += 1
                    continue
                claims = ready[i] if i in ready else claims_of()
                if old is None:
                    result.added += 1
                else:
                    result.replaced += 1
                    conn.execute("DELETE FROM claims WHERE doc = ?", (record.id,))
                self._store_document(conn, record)
                self._insert_claims(conn, claims, record.id)
                result.claims += len(claims)
                state[record.id] = record
        return result

    def import_claims(self, claims: Sequence[Claim]) -> tuple[int, int]:
        """Add or update claims by id in one transaction (nothing is deleted); (new, updated)."""
        new = updated = 0
        with self.transaction() as conn:
            docs = self.document_records(c.doc for c in claims)
            next_seq: dict[str, int] = {}
            for claim in claims:
                if claim.doc not in docs:
                    record = DocumentRecord(claim.doc, lang=claim.lang)
                    self._store_document(conn, record)
                    docs[claim.doc] = record
                old = conn.execute("SELECT seq, doc FROM claims WHERE id = ?", (claim.id,)).fetchone()
                if old is not None and old[1] == claim.doc:
                    seq = old[0]
                else:
                    if claim.doc not in next_seq:
                        top = conn.execute("SELECT MAX(seq) FROM claims WHERE doc = ?", (claim.doc,))
                        highest = top.fetchone()[0]
                        next_seq[claim.doc] = -1 if highest is None else highest
                    next_seq[claim.doc] += 1
                    seq = next_seq[claim.doc]
                if old is not None:
                    conn.execute("DELETE FROM claims WHERE id = ?", (claim.id,))
                    updated += 1
                else:
                    new += 1
                self._insert_claims(conn, [claim], claim.doc, seq)
        return new, updated

    # -- reading

    def claims(self, where: ClaimFilter | None = None, *, limit: int | None = None) -> Iterator[Claim]:
        """Stored claims matching ``where``, by document then extraction order.

        What :func:`row_claim` gives for each row, built faster: a batch of rows at a time with the
        cyclic garbage collector paused (claims hold no cycles; a million of them otherwise trigger
        many full collections), each distinct entity array parsed once and its tuple shared, and the
        few distinct bounds, units, sources, times and languages one string object each (less memory
        to walk through when comparing a million claims)."""
        build = claim_builder()
        entity_tuples: dict[str | None, tuple[str, ...]] = {None: (), "": (), "[]": ()}
        share = {}.setdefault  # one object per distinct string (a ledger repeats units, sources, times)
        rows = self.claim_rows(where, limit=limit)
        while True:
            collecting = gc.isenabled()
            gc.disable()
            try:
                batch = rows.fetchmany(_LOAD_BATCH)
                out = []
                for (
                    cid, doc, text, start, end, value, low, high, bound, approx, precision, unit, unit_text,
                    subject, subject_key, source, source_text, cue, time, lang, entities,
                    measure, event, owner, group, scope, modality, aggregation, time_basis, change, goods,
                ) in batch:  # fmt: skip
                    found = entity_tuples.get(entities)
                    if found is None:
                        found = entity_tuples[entities] = tuple(json.loads(entities))
                    out.append(build(
                        cid, doc, text, start, end, value, low, high, share(bound, bound), bool(approx),
                        precision, share(unit, unit), share(unit_text, unit_text), subject, subject_key,
                        share(source, source), source_text, cue, share(time, time), share(lang, lang),
                        "quantity", found, share(measure, measure), share(event, event),
                        share(owner, owner), share(group, group), share(scope, scope),
                        share(modality, modality), share(aggregation, aggregation),
                        share(time_basis, time_basis), share(change, change), share(goods, goods), "ledger",
                    ))  # fmt: skip
            finally:
                if collecting:
                    gc.enable()
            if not out:
                return
            del batch
            yield from out

    def claim_rows(
        self, where: ClaimFilter | None = None, *, columns: str = "", limit: int | None = None
    ) -> sqlite3.Cursor:
        """Raw rows: the claim fields (entities as JSON), then any extra ``columns`` of ``c``/``d``."""
        cond, params = (where or ClaimFilter()).where(self.like_op)
        sql = (
            f"{self.select_claim}{', ' + columns if columns else ''} FROM claims AS c "
            f"JOIN documents AS d ON d.id = c.doc WHERE {cond} ORDER BY c.doc, c.seq, c.id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        w = where or ClaimFilter()
        narrow = w.subject_keys is not None or w.entity is not None or w.doc is not None
        return self._rows(sql, params, large=not narrow and (limit is None or limit > 10_000))

    def subject_keys(self) -> dict[str, str]:
        """Each distinct subject key with one subject written for it."""
        rows = self.conn.execute(
            "SELECT subject_key, MIN(subject) FROM claims WHERE subject_key IS NOT NULL GROUP BY subject_key"
        )
        return {key: subject or key for key, subject in rows}

    def match_subject(self, query: str, *, score_cutoff: float = 80.0) -> tuple[str, ...]:
        """Stored subject keys fuzzily matching ``query`` (see :func:`match_subject_keys`)."""
        return match_subject_keys(query, self.subject_keys(), score_cutoff=score_cutoff)

    def counts(self) -> tuple[int, int]:
        """(documents, claims) stored."""
        docs = self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        claims = self.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        return docs, claims

    def documents(self) -> list[DocumentRecord]:
        """Every stored document, by id."""
        rows = self.conn.execute(f"SELECT {', '.join(_DOC_FIELDS)} FROM documents ORDER BY id")
        return [DocumentRecord(*row) for row in rows]


def open_ledger(path: str | os.PathLike[str], *, create: bool = True) -> Ledger:
    """Open the ledger at ``path``, a SQLite file or a ``postgresql://`` URL (see :meth:`Ledger.open`)."""
    return Ledger.open(path, create=create)
