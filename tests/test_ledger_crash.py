"""Crash safety: a SIGKILLed ingest leaves whole documents or none; two ingests at once both land."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import articles
import pytest

from factcheck.checking import claims_of
from factcheck.ledger import open_ledger
from factcheck.ledger.migrations import MIGRATIONS
from factcheck.text.documents import read_document

ROOT = Path(__file__).resolve().parent.parent


def start_ingest(folder: Path, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "ingest", str(folder), "--ledger", str(db), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def stored_documents(db: Path) -> int:
    """Documents committed so far, read while the writer runs (0 until the ledger exists)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def check_whole_documents(db: Path) -> dict[str, int]:
    """The ledger is intact and every stored document has exactly the claims extraction gives."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute("SELECT COUNT(*) FROM claims WHERE doc NOT IN (SELECT id FROM documents)")
        assert orphans.fetchone()[0] == 0
        per_doc = "SELECT d.id, COUNT(c.id) FROM documents AS d LEFT JOIN claims AS c ON c.doc = d.id"
        counts = dict(conn.execute(per_doc + " GROUP BY d.id").fetchall())
    finally:
        conn.close()
    with open_ledger(db) as ledger:
        by_doc: dict[str, list[str]] = {}
        for claim in ledger.claims():
            by_doc.setdefault(claim.doc, []).append(claim.id)
    for doc, n in counts.items():
        want = [c.id for c in claims_of(read_document(doc))]
        assert n == len(want) and by_doc.get(doc, []) == want, doc
    return counts


@pytest.mark.slow
def test_sigkill_midway_leaves_whole_documents_or_none(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    articles.write_corpus(folder, 10_000, paragraphs=(1, 2))
    db = tmp_path / "ledger.db"
    proc = start_ingest(folder, db, "--quiet", "--batch-size", "25")
    deadline = time.monotonic() + 120
    try:
        while stored_documents(db) < 150:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the ingest never stored a batch"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    counts = check_whole_documents(db)
    landed = len(counts)
    assert 150 <= landed < 10_000 and landed % 25 == 0  # whole batches only

    # the interrupted ingest resumes: what landed is unchanged, the rest is added
    files = sorted(folder.iterdir())[: landed + 40]
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "ingest", *map(str, files), "--ledger", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith(f"40 documents added, 0 replaced, {landed} unchanged;")


def test_two_ingests_at_once_both_land(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    articles.write_corpus(first, 300, start=0, paragraphs=(1, 3))
    articles.write_corpus(second, 300, start=50_000, paragraphs=(1, 3))
    db = tmp_path / "ledger.db"  # created by whichever starts first: the migration runs once
    procs = [start_ingest(folder, db, "--batch-size", "5") for folder in (first, second)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
        assert out.decode().startswith("300 documents added, 0 replaced, 0 unchanged;")
    stored = sum(int(out.decode().rsplit("; ", 1)[1].split()[0]) for out, _ in outputs)
    counts = check_whole_documents(db)
    assert len(counts) == 600 and sum(counts.values()) == stored
    with open_ledger(db) as ledger:
        applied = ledger.conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
    assert applied == len(MIGRATIONS)  # each migration ran exactly once
