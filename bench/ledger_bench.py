"""Ledger benchmark: ingest throughput and subject-key lookup time.

    python bench/ledger_bench.py                      # 10,000 articles, 1,000,000 claims
    python bench/ledger_bench.py --docs 2000 --claims 200000 --json

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
from factcheck.ledger.store import _INSERT_CLAIM, claim_row  # noqa: E402
from factcheck.model import Claim  # noqa: E402
from factcheck.text.documents import read_document  # noqa: E402


def bench_ingest(work: Path, docs: int) -> dict[str, float]:
    folder = work / "docs"
    articles.write_corpus(folder, docs)
    db = work / "ingest.db"
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
    with open_ledger(work / "store.db") as ledger:
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


def fill(db: Path, total: int, keys: int, seed: int = 7) -> list[str]:
    """Insert ``total`` synthetic claims in bulk; the subject keys used."""
    rng = random.Random(seed)
    subject_keys = [
        f"subject {k:06d} {rng.choice(('camp', 'road', 'budget', 'detainees'))}" for k in range(keys)
    ]
    per_doc = 10
    with open_ledger(db) as ledger, ledger.transaction() as conn:
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
            claim_rows.append(claim_row(claim, i, doc))
            if n % 2 == 0:
                entity_rows.append((claim.id, 0, f"Place {value % 500}"))
            if len(claim_rows) >= 50_000:
                _flush(conn, docs, claim_rows, entity_rows)
        _flush(conn, docs, claim_rows, entity_rows)
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


def bench_lookup(work: Path, total: int, keys: int, lookups: int) -> dict[str, float]:
    db = work / "big.db"
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
        "ledger_mb": db.stat().st_size / 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="generated articles to ingest")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims in the lookup ledger")
    parser.add_argument("--keys", type=int, default=20_000, help="distinct subject keys in the lookup ledger")
    parser.add_argument("--lookups", type=int, default=200, help="subject keys looked up")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
        work = Path(tmp)
        results = {
            "ingest": bench_ingest(work, args.docs),
            "lookup": bench_lookup(work, args.claims, args.keys, args.lookups),
        }
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    i, k = results["ingest"], results["lookup"]
    print(
        f"ingest  {i['documents']:,} documents, {i['claims']:,} claims in {i['ingest_seconds']:.1f} s: "
        f"{i['documents_per_second']:,.0f} documents/s, {i['claims_per_second']:,.0f} claims/s"
    )
    print(
        f"        store alone: {i['store_only_documents_per_second']:,.0f} documents/s, "
        f"{i['store_only_claims_per_second']:,.0f} claims/s; re-ingest unchanged: "
        f"{i['reingest_unchanged_seconds']:.1f} s"
    )
    print(
        f"lookup  {k['ledger_claims']:,} claims, {k['subject_keys']:,} subject keys "
        f"(~{k['claims_per_key_mean']:.0f} claims each), {k['ledger_mb']:.0f} MB, filled in "
        f"{k['bulk_fill_seconds']:.1f} s: all claims of one subject key in "
        f"{k['lookup_ms_median']:.2f} ms median, {k['lookup_ms_p95']:.2f} ms p95"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
