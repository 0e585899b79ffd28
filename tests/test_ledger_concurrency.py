"""Crash and concurrency on both backends: ``kill -9`` during an ingest of 2,000 documents, then a re-run,
gives the counts of a clean run; three ingests at once on overlapping folders give them too."""

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
from ledger_backends import backend_fixture, ledgers_fixture  # noqa: F401  (fixtures)

from factcheck.cli import main
from factcheck.ledger import open_ledger
from factcheck.ledger.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
PARTS = 4
PER_PART = 500  # 2,000 documents in four folders


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus2k")
    for i in range(PARTS):
        articles.write_corpus(folder / f"part{i}", PER_PART, start=i * PER_PART, paragraphs=(1, 2))
    return folder


def per_document(location: str | Path) -> dict[str, list[str]]:
    """Each stored document's claim ids, in order (every document listed, with or without claims)."""
    with open_ledger(location, create=False) as ledger:
        out: dict[str, list[str]] = {d.id: [] for d in ledger.documents()}
        for claim in ledger.claims():
            out[claim.doc].append(claim.id)
    return out


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """What one uninterrupted ingest of the whole corpus stores."""
    db = tmp_path_factory.mktemp("clean") / "ledger.db"
    assert main(["ingest", str(corpus), "--ledger", str(db), "--quiet"]) == 0
    stored = per_document(db)
    assert len(stored) == PARTS * PER_PART and sum(map(len, stored.values())) > 3000
    return stored


def ingest(location: str | Path, *paths: Path | str, extra: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "ingest", *map(str, paths), "--ledger", str(location), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def stored_documents(location: str | Path) -> int:
    """Documents committed so far, read while the writer runs (0 until the schema exists)."""
    try:
        if isinstance(location, Path):
            if not location.exists():
                return 0
            conn = sqlite3.connect(f"file:{location}?mode=ro", uri=True, timeout=1)
            try:
                return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            finally:
                conn.close()
        import psycopg

        with psycopg.connect(str(location), autocommit=True) as conn:
            if conn.execute("SELECT to_regclass('documents')").fetchone()[0] is None:
                return 0
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except (sqlite3.Error, ImportError, OSError) as exc:
        if isinstance(exc, ImportError):
            raise
        return 0


def assert_same_as_clean(location: str | Path, clean: dict[str, list[str]]) -> None:
    stored = per_document(location)
    assert len(stored) == len(clean)
    assert sum(map(len, stored.values())) == sum(map(len, clean.values()))
    assert stored == clean  # every document whole: its claims, none lost, none twice


@pytest.mark.slow
def test_kill_9_midway_then_rerun_gives_the_clean_counts(
    ledgers, corpus: Path, clean: dict[str, list[str]]
) -> None:
    where = ledgers.new()
    proc = ingest(where, corpus, extra=("--quiet", "--batch-size", "25"))
    deadline = time.monotonic() + 120
    try:
        while stored_documents(where) < 100:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline, "the ingest never stored a batch"
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    partial = per_document(where)
    landed = len(partial)
    assert 100 <= landed < len(clean) and landed % 25 == 0  # whole batches only
    assert all(partial[doc] == clean[doc] for doc in partial)  # whole documents only

    rerun = ingest(where, corpus)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    added = len(clean) - landed
    assert out.decode().startswith(f"{added} documents added, 0 replaced, {landed} unchanged;")
    assert_same_as_clean(where, clean)


@pytest.mark.slow
def test_three_ingests_at_once_on_overlapping_folders(
    ledgers, corpus: Path, clean: dict[str, list[str]]
) -> None:
    where = ledgers.new()  # created by whichever runner starts first: the migrations run once
    parts = [corpus / f"part{i}" for i in range(PARTS)]
    runs = [(parts[0], parts[1]), (parts[1], parts[2]), (parts[2], parts[3], parts[0])]
    procs = [ingest(where, *folders, extra=("--batch-size", "20")) for folders in runs]
    outputs = [p.communicate(timeout=600) for p in procs]
    added = 0
    for proc, (out, err), folders in zip(procs, outputs, runs, strict=True):
        assert proc.returncode == 0, err.decode()
        summary = out.decode()
        counts = [int(w) for w in summary.replace(",", " ").replace(";", " ").split() if w.isdigit()]
        new, replaced, unchanged = counts[:3]
        assert new + unchanged == PER_PART * len(folders) and replaced == 0, summary
        added += new
    assert added == len(clean)  # each document added by exactly one runner
    assert_same_as_clean(where, clean)
    with open_ledger(where) as ledger:
        applied = ledger.conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]
    assert applied == len(MIGRATIONS)  # each migration ran exactly once
