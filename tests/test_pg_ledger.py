"""The shared ledger on a real PostgreSQL server: configuration (no password in the file), the schema
and its migrations, refusals, and the commands giving byte-identical output on both backends."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import articles
import pytest
from ledger_backends import Ledgers, server_url

from factcheck.errors import LedgerError
from factcheck.ledger import SCHEMA_VERSION, open_ledger
from factcheck.ledger.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1d7393a2437e1f4a.txt"


@pytest.fixture
def pg(tmp_path: Path):
    server_url()  # skip (locally) or fail (in CI) without a server
    made = Ledgers("postgresql", tmp_path)
    yield made
    made.cleanup()


def factcheck(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def raw(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


# ---------------------------------------------------------------- configuration


def test_config_url_is_used_and_check_reads_the_server_ledger(pg: Ledgers, tmp_path: Path) -> None:
    url = pg.new()
    assert ":" not in url.split("//", 1)[1].split("@", 1)[0]  # no password: it comes from PGPASSWORD
    project = tmp_path / "desk"
    (project / "articles").mkdir(parents=True)
    shutil.copy(SEED, project / "articles" / SEED.name)
    articles.write_corpus(project / "archive", 40, paragraphs=(1, 2))
    (project / "pyproject.toml").write_text(f'[tool.factcheck]\nledger = "{url}"\n', encoding="utf-8")
    ingested = factcheck("ingest", "archive", "articles", cwd=project)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stdout.startswith("41 documents added, 0 replaced, 0 unchanged;")
    again = factcheck("ingest", "archive", "articles", cwd=project)
    assert again.stdout.startswith("0 documents added, 0 replaced, 41 unchanged;")
    assert not (project / "claims" / "ledger.db").exists()  # nothing fell back to a file

    # the same documents in a SQLite ledger: check and claims list say the same on both
    sqlite = tmp_path / "ledger.db"
    assert factcheck("ingest", "archive", "articles", "--ledger", str(sqlite), cwd=project).returncode == 0
    draft = project / "draft.md"
    draft.write_text(
        "---\nsource: Desk\npublished: 2025-11-20\n---\n"
        + (project / "articles" / SEED.name).read_text(encoding="utf-8").split("\n", 1)[1],
        encoding="utf-8",
    )
    on_server = factcheck("check", "draft.md", "--format", "json", "--fail-on", "never", cwd=project)
    on_file = factcheck(
        "check", "draft.md", "--format", "json", "--fail-on", "never", "--ledger", str(sqlite), cwd=project
    )
    assert on_server.returncode == 0, on_server.stderr
    assert on_server.stdout == on_file.stdout
    alone = factcheck(
        "check", "draft.md", "--format", "json", "--fail-on", "never", "--no-ledger", cwd=project
    )
    assert alone.stdout != on_server.stdout  # the server's ledger was consulted
    listed = factcheck("claims", "list", "--format", "csv", cwd=project)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == factcheck("claims", "list", "--format", "csv", "--ledger", str(sqlite)).stdout
    assert listed.stdout.count("\n") > 50


def test_a_password_in_the_config_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nfail_on = "error"\nledger = "postgresql://desk:s3cret@db.example/news"\n',
        encoding="utf-8",
    )
    for args in (("ingest", str(SEED)), ("claims", "list"), ("compare",), ("check", str(SEED))):
        done = factcheck(*args, cwd=tmp_path)
        assert done.returncode == 2, args
        assert done.stderr.count("\n") == 1 and "s3cret" not in done.stderr
        assert "pyproject.toml:3: 'ledger' must not hold a password" in done.stderr
        assert "PGPASSWORD" in done.stderr


def test_unreachable_server_is_one_line_and_never_shows_a_password(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    url = "postgresql://desk:s3cret@127.0.0.1:1/news"
    for args in (("ingest", str(SEED)), ("check", str(SEED)), ("compare",), ("claims", "list")):
        done = factcheck(*args, "--ledger", url, cwd=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert "s3cret" not in done.stderr and "postgresql://desk:***@127.0.0.1:1/news" in done.stderr
        assert "cannot connect to the ledger server" in done.stderr


def test_sqlite_commands_never_import_psycopg_or_dask(tmp_path: Path) -> None:
    code = (
        "import sys; from factcheck.cli import main; "
        f"main(['check', {str(SEED)!r}, '--format', 'json', '-o', {str(tmp_path / 'r.json')!r}]); "
        f"main(['ingest', {str(SEED)!r}, '--ledger', {str(tmp_path / 'l.db')!r}, '--quiet']); "
        f"main(['compare', '--ledger', {str(tmp_path / 'l.db')!r}, '-o', {str(tmp_path / 'c.txt')!r}]); "
        "heavy = [m for m in ('psycopg', 'dask', 'distributed', 'pyarrow') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# ---------------------------------------------------------------- schema and migrations


def test_schema_matches_the_sqlite_one(pg: Ledgers, tmp_path: Path) -> None:
    url = pg.new()
    with open_ledger(url) as ledger:
        assert ledger.version == SCHEMA_VERSION
    file = tmp_path / "l.db"
    with open_ledger(file) as ledger:
        sqlite_columns = {
            table: [r[1] for r in ledger.conn.execute(f"PRAGMA table_info({table})")]
            for table in ("documents", "claims", "claim_entities", "schema_migrations")
        }
        sqlite_indexes = {
            r[0]
            for r in ledger.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
        }
    with raw(url) as conn:
        for table, columns in sqlite_columns.items():
            got = [
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position",
                    (table,),
                )
            ]
            assert got == columns, table
        indexes = {r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}
        assert sqlite_indexes <= indexes
        applied = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        assert applied == [(m.version, m.name) for m in MIGRATIONS]
        collations = {
            r[0]
            for r in conn.execute(
                "SELECT collation_name FROM information_schema.columns "
                "WHERE table_name IN ('claims', 'documents', 'claim_entities') AND data_type = 'text'"
            )
        }
        assert collations == {"C"}  # text sorts by code point, as in SQLite


def test_upgrade_from_schema_v1_on_the_server(pg: Ledgers) -> None:
    url = pg.new()
    with raw(url) as conn:
        for step in MIGRATIONS[0].postgres:
            conn.execute(step)
        conn.execute("INSERT INTO schema_migrations VALUES (1, 'documents and claims', '2025-01-01T00:00')")
        conn.execute(
            "INSERT INTO documents (id, path, publisher, published, lang, content_hash, ingested_at) "
            "VALUES ('old.txt', 'old.txt', 'Shafaq News', '2025-11-13', 'ar', 'abc', '2025-11-13T00:00')"
        )
        conn.execute(
            "INSERT INTO claims VALUES ('old.txt#0', 'old.txt', 0, 'نحو 30 ألفاً', 'نحو 30 ألفاً', 5, 17, "
            "30000, 30000, 30000, 'approx', 1, 10000, 'person', 'شخص', 'النازحين', "
            "'نازحين event:displaced party:ISIS', 'CENTCOM', "
            "'القيادة', 'ذكرت', '2025-07', 'ar', '[\"الهول\", \"الروج\"]')"
        )
        conn.execute(
            "INSERT INTO claims VALUES ('old.txt#1', 'old.txt', 1, '2.5 km', '2.5 km', 30, 36, 2.5, 2.5, "
            "2.5, 'exact', 0, 0.1, 'km', 'km', NULL, NULL, NULL, NULL, NULL, '2019/2021', 'en', '[]')"
        )
    with open_ledger(url) as ledger:
        assert ledger.version == SCHEMA_VERSION
        first, second = ledger.claims()
        bounds = ledger.conn.execute("SELECT time_start, time_end FROM claims ORDER BY seq").fetchall()
    assert first.entities == ("الهول", "الروج") and first.value == 30000 and isinstance(first.value, int)
    assert (first.subject_key, first.event, first.owner) == ("نازحين", "displaced", "ISIS")  # v5: no tags
    assert second.entities == () and second.value == 2.5 and isinstance(second.value, float)
    assert [tuple(b) for b in bounds] == [("2025-07-01", "2025-07-31"), ("2019-01-01", "2021-12-31")]


def test_refusals(pg: Ledgers) -> None:
    newer = pg.new()
    open_ledger(newer).close()
    with raw(newer) as conn:
        conn.execute(f"INSERT INTO schema_migrations VALUES ({SCHEMA_VERSION + 1}, 'future', 'later')")
    with pytest.raises(LedgerError, match="newer than this factcheck") as err:
        open_ledger(newer)
    assert str(err.value).startswith(f"{newer}: ")

    other = pg.new()
    with raw(other) as conn:
        conn.execute("CREATE TABLE claims (note text)")
    with pytest.raises(LedgerError, match="not a factcheck ledger"):
        open_ledger(other)
    with raw(other) as conn:
        assert conn.execute("SELECT to_regclass('documents')").fetchone()[0] is None  # nothing created


# ---------------------------------------------------------------- the same bytes on both backends


def test_export_is_byte_identical_on_both_backends(pg: Ledgers, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    articles.write_corpus(folder, 120, paragraphs=(1, 3))
    url = pg.new()
    sqlite = tmp_path / "ledger.db"
    for where in (url, str(sqlite)):
        done = factcheck("ingest", str(folder), str(SEED), "--ledger", where, "--quiet")
        assert done.returncode == 0, done.stderr
    for fmt in ("csv", "jsonl"):
        a = factcheck("claims", "export", "--ledger", url, "--format", fmt)
        b = factcheck("claims", "export", "--ledger", str(sqlite), "--format", fmt)
        assert a.returncode == 0 and a.stdout == b.stdout and a.stdout.count("\n") > 200
    exported = tmp_path / "all.jsonl"
    exported.write_text(a.stdout, encoding="utf-8")
    copy = pg.new()
    imported = factcheck("claims", "import", str(exported), "--ledger", copy)
    assert imported.returncode == 0, imported.stderr
    assert factcheck("claims", "export", "--ledger", copy, "--format", "jsonl").stdout == a.stdout
    for args in (("--source", "reuters", "--since", "2025-06"), ("--subject", "camp")):
        a = factcheck("claims", "list", "--ledger", url, "--format", "csv", *args)
        b = factcheck("claims", "list", "--ledger", str(sqlite), "--format", "csv", *args)
        assert a.stdout == b.stdout, args
    a = factcheck("compare", "--ledger", url, "--format", "jsonl", "--all")
    b = factcheck("compare", "--ledger", str(sqlite), "--format", "jsonl", "--all")
    assert a.returncode == 0 and a.stdout == b.stdout
