"""Ledger benchmark: ingest throughput and subject-key lookup time, SQLite and PostgreSQL side by side.

    python bench/ledger_bench.py                      # 10,000 articles, 1,000,000 claims
    python bench/ledger_bench.py --docs 2000 --claims 200000 --json
    python bench/ledger_bench.py --pg postgresql://user@host/db   # also on that server (else
                                                      # $FACTCHECK_TEST_PG; a database is created
                                                      # there for the run and dropped after it)

1. **Ingest**: writes ``--docs`` generated articles (``tests/articles.py``) to a temporary folder, then
   times ``factcheck ingest`` on them (reading, extraction and storage, in process) and reports
   documents/s and claims/s; then times storing the same, already extracted, claims into a fresh ledger
   (the ledger's own share of the cost), and a re-ingest (every document unchanged).
2. **Lookup**: fills a ledger with ``--claims`` synthetic claims inserted in bulk (``--keys`` distinct
   subject keys, ~10 claims a document, entities for half of them), then times fetching every claim of
   one subject key as :class:`~factcheck.model.Claim` objects (median and p95 over ``--lookups`` keys).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import articles  # noqa: E402  (tests/articles.py, the shared generator)

from factcheck.cli import main as cli  # noqa: E402
from factcheck.extraction import extract_document  # noqa: E402
from factcheck.ledger import ClaimFilter, DocumentRecord, content_hash, open_ledger  # noqa: E402
from factcheck.ledger.store import _INSERT_CLAIM  # noqa: E402
from factcheck.model import Claim  # noqa: E402
from factcheck.text.documents import read_document  # noqa: E402


def bench_ingest(work: Path, docs: int, new=None) -> dict[str, float]:
    """``new(name)`` gives a fresh ledger location (default: a SQLite file in ``work``)."""
    new = new or (lambda name: work / f"{name}.db")
    folder = work / "docs"
    if not folder.exists():
        articles.write_corpus(folder, docs)
    db = new("ingest")
    out = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        assert cli(["ingest", str(folder), "--ledger", str(db), "--quiet"]) == 0
    elapsed = time.perf_counter() - start
    with open_ledger(db) as ledger:
        n_docs, n_claims = ledger.counts()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out):
        assert cli(["ingest", str(folder), "--ledger", str(db)]) == 0
    again = time.perf_counter() - start
    assert out.getvalue().splitlines()[-1].startswith(f"0 documents added, 0 replaced, {docs} unchanged")

    # the store alone: the same claims, extracted beforehand, into a fresh ledger in batches of 100
    prepared = []
    for path in sorted(folder.iterdir()):
        doc = read_document(str(path))
        rec = DocumentRecord(
            doc.id, doc.path, doc.meta.publisher, doc.meta.published, doc.lang, content_hash(doc.raw)
        )
        prepared.append((rec, [c for c in extract_document(doc) if c.kind == "quantity"]))
    start = time.perf_counter()
    with open_ledger(new("store")) as ledger:
        for i in range(0, len(prepared), 100):
            ledger.ingest([(rec, lambda claims=claims: claims) for rec, claims in prepared[i : i + 100]])
    store = time.perf_counter() - start
    return {
        "documents": n_docs,
        "claims": n_claims,
        "ingest_seconds": elapsed,
        "documents_per_second": n_docs / elapsed,
        "claims_per_second": n_claims / elapsed,
        "store_only_documents_per_second": n_docs / store,
        "store_only_claims_per_second": n_claims / store,
        "reingest_unchanged_seconds": again,
    }


UNITS = ("person", "fighter", "detainee", "km", "USD", "percent", "operation", "t")


def fill(db: Path | str, total: int, keys: int, seed: int = 7) -> list[str]:
    """Insert ``total`` synthetic claims in bulk (PostgreSQL: COPY); the subject keys used."""
    rng = random.Random(seed)
    subject_keys = [
        f"subject {k:06d} {rng.choice(('camp', 'road', 'budget', 'detainees'))}" for k in range(keys)
    ]
    per_doc = 10
    with open_ledger(db) as ledger, ledger.transaction() as conn:
        flush = _flush if isinstance(db, Path) else _copy
        docs, claim_rows, entity_rows = [], [], []
        for n in range(total):
            d, i = divmod(n, per_doc)
            doc = f"doc{d:07d}.txt"
            if i == 0:
                docs.append(
                    (doc, doc, "Publisher", f"2025-{1 + d % 12:02d}-01", "en", f"{d:064x}", "2025-12-01")
                )
            key = subject_keys[rng.randrange(keys)]
            value = rng.randrange(1, 10**6)
            claim = Claim(
                f"{doc}#{i}", doc, f"about {value:,} people", i * 40, i * 40 + 20, value, value, value,
                "approx", True, 1000, rng.choice(UNITS), "people", key, key, "UN", "the UN", "said",
                f"{2015 + value % 11}", "en",
            )  # fmt: skip
            claim_rows.append(ledger._row(claim, i, doc))
            if n % 2 == 0:
                entity_rows.append((claim.id, 0, f"Place {value % 500}"))
            if len(claim_rows) >= 50_000:
                flush(conn, docs, claim_rows, entity_rows)
        flush(conn, docs, claim_rows, entity_rows)
    return subject_keys


def _flush(conn: sqlite3.Connection, docs: list, claim_rows: list, entity_rows: list) -> None:
    conn.executemany(
        "INSERT INTO documents (id, path, publisher, published, lang, content_hash, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        docs,
    )
    conn.executemany(_INSERT_CLAIM, claim_rows)
    conn.executemany("INSERT INTO claim_entities (claim_id, pos, entity) VALUES (?, ?, ?)", entity_rows)
    docs.clear()
    claim_rows.clear()
    entity_rows.clear()


def _copy(conn, docs: list, claim_rows: list, entity_rows: list) -> None:
    """:func:`_flush` on PostgreSQL, with COPY."""
    from factcheck.ledger.store import _CLAIM_COLUMNS

    cur = conn.raw.cursor()
    tables = (
        ("documents (id, path, publisher, published, lang, content_hash, ingested_at)", docs),
        (f"claims ({', '.join(f'{c!r}'.replace(chr(39), chr(34)) for c in _CLAIM_COLUMNS)})", claim_rows),
        ("claim_entities (claim_id, pos, entity)", entity_rows),
    )
    for table, rows in tables:
        with cur.copy(f"COPY {table} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        rows.clear()


def bench_lookup(work: Path, total: int, keys: int, lookups: int, new=None) -> dict[str, float]:
    db = new("big") if new else work / "big.db"
    start = time.perf_counter()
    subject_keys = fill(db, total, keys)
    filled = time.perf_counter() - start
    rng = random.Random(11)
    timings, sizes = [], []
    with open_ledger(db) as ledger:
        assert ledger.counts()[1] == total
        list(ledger.claims(ClaimFilter(subject_keys=(subject_keys[0],))))  # warm the page cache
        for key in rng.sample(subject_keys, min(lookups, len(subject_keys))):
            start = time.perf_counter()
            found = list(ledger.claims(ClaimFilter(subject_keys=(key,))))
            timings.append(time.perf_counter() - start)
            sizes.append(len(found))
    timings.sort()
    return {
        "ledger_claims": total,
        "subject_keys": keys,
        "bulk_fill_seconds": filled,
        "claims_per_key_mean": statistics.mean(sizes),
        "lookup_ms_median": 1000 * statistics.median(timings),
        "lookup_ms_p95": 1000 * timings[int(0.95 * (len(timings) - 1))],
        "ledger_mb": _size_mb(db),
    }


def _size_mb(db: Path | str) -> float:
    if isinstance(db, Path):
        return db.stat().st_size / 1e6
    with open_ledger(db) as ledger:
        return ledger.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 1e6


class Server:
    """Fresh databases on a PostgreSQL server for one run, dropped at the end."""

    def __init__(self, url: str) -> None:
        import psycopg

        self.url = url
        self.admin = psycopg.connect(url, autocommit=True)
        self.made: list[str] = []

    def new(self, name: str) -> str:
        from urllib.parse import urlsplit, urlunsplit

        db = f"fc_bench_{name}_{len(self.made)}"
        self.admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        self.admin.execute(f'CREATE DATABASE "{db}"')
        self.made.append(db)
        parts = urlsplit(self.url)
        return urlunsplit((parts.scheme, parts.netloc, "/" + db, parts.query, parts.fragment))

    def close(self) -> None:
        for db in self.made:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        self.admin.close()


def main(argv: list[str] | None = None) -> int:
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="generated articles to ingest")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the lookup ledger")
    parser.add_argument("--keys", type=int, default=20_000, help="distinct subject keys in the lookup ledger")
    parser.add_argument("--lookups", type=int, default=200, help="subject keys looked up")
    parser.add_argument(
        "--pg",
        default=os.environ.get("FACTCHECK_TEST_PG"),
        help="a PostgreSQL server URL (databases are created there and dropped); default $FACTCHECK_TEST_PG",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
        work = Path(tmp)
        results["sqlite"] = {
            "ingest": bench_ingest(work, args.docs),
            "lookup": bench_lookup(work, args.claims, args.keys, args.lookups),
        }
        if args.pg:
            server = Server(args.pg)
            try:
                results["postgresql"] = {
                    "ingest": bench_ingest(work, args.docs, server.new),
                    "lookup": bench_lookup(work, args.claims, args.keys, args.lookups, server.new),
                }
            finally:
                server.close()
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    names = list(results)
    rows = [
        ("ingest: documents/s (read, extract, store)", "ingest", "documents_per_second", "{:,.0f}"),
        ("ingest: claims/s", "ingest", "claims_per_second", "{:,.0f}"),
        ("store alone: documents/s", "ingest", "store_only_documents_per_second", "{:,.0f}"),
        ("store alone: claims/s", "ingest", "store_only_claims_per_second", "{:,.0f}"),
        ("re-ingest, all unchanged: s", "ingest", "reingest_unchanged_seconds", "{:.2f}"),
        ("bulk fill of the lookup ledger: s", "lookup", "bulk_fill_seconds", "{:.1f}"),
        ("lookup, all claims of a subject key: ms median", "lookup", "lookup_ms_median", "{:.2f}"),
        ("lookup: ms p95", "lookup", "lookup_ms_p95", "{:.2f}"),
        ("ledger size: MB", "lookup", "ledger_mb", "{:,.0f}"),
    ]
    first = results[names[0]]
    print(
        f"{first['ingest']['documents']:,} articles ({first['ingest']['claims']:,} claims) ingested; "
        f"lookups in a ledger of {first['lookup']['ledger_claims']:,} claims, "
        f"{first['lookup']['subject_keys']:,} subject keys "
        f"(~{first['lookup']['claims_per_key_mean']:.0f} each)"
    )
    print(f"{'':48}" + "".join(f"{n:>14}" for n in names))
    for label, part, key, fmt in rows:
        print(f"{label:48}" + "".join(f"{fmt.format(results[n][part][key]):>14}" for n in names))
    if not args.pg:
        print("(PostgreSQL not measured: give --pg URL or set FACTCHECK_TEST_PG)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
