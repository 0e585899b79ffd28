"""``factcheck ingest`` on real files and real SQLite ledgers, with the real extractor."""

from __future__ import annotations

import io
import shutil
import sqlite3
import sys
from pathlib import Path

import articles
import pytest

from factcheck.checking import claims_of
from factcheck.cli import main
from factcheck.ledger import SCHEMA_VERSION, ClaimFilter, open_ledger
from factcheck.text.documents import read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def expected_claims(path: Path | str) -> list:
    return claims_of(read_document(str(path)))


def dump(db: Path) -> tuple[list, list, list]:
    """Everything stored, for before/after comparisons."""
    conn = sqlite3.connect(db)
    try:
        docs = conn.execute("SELECT * FROM documents ORDER BY id").fetchall()
        claims = conn.execute("SELECT * FROM claims ORDER BY id").fetchall()
        entities = conn.execute("SELECT * FROM claim_entities ORDER BY claim_id, pos").fetchall()
    finally:
        conn.close()
    return docs, claims, entities


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    articles.write_corpus(folder / "news", 1000)
    shutil.copytree(SEEDS, folder / "seeds")
    return folder


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger holding the seed and 1,000 generated articles."""
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    code = main(["ingest", str(corpus / "seeds"), str(corpus / "news"), "--ledger", str(db), "--quiet"])
    assert code == 0
    return db


@pytest.fixture
def ledger_copy(ingested: Path, tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    shutil.copy(ingested, db)
    return db


def test_ingest_seed_and_corpus(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ledger.db"
    files = sorted((corpus / "news").iterdir())
    code, out, err = cli(capsys, "ingest", str(corpus / "seeds"), str(corpus / "news"), "--ledger", str(db))
    assert code == 0 and err == ""  # no progress bar when stderr is not a terminal
    want = {str(p): expected_claims(p) for p in [*sorted((corpus / "seeds").iterdir()), *files]}
    total = sum(len(v) for v in want.values())
    assert out == f"1001 documents added, 0 replaced, 0 unchanged; {total} claims stored\n"
    assert total > 5000
    with open_ledger(db) as ledger:
        assert ledger.counts() == (1001, total)
        seed = str(corpus / "seeds" / "000_1d7393a2437e1f4a.txt")
        docs = {d.id: d for d in ledger.documents()}
        assert docs[seed].publisher == "شفق نيوز" and docs[seed].published == "2025-11-13"
        assert docs[seed].lang == "ar"
        stored = {}
        for claim in ledger.claims():
            stored.setdefault(claim.doc, []).append(claim)
        value_text = ledger.conn.execute("SELECT value_text FROM claims WHERE id = ?", (want[seed][4].id,))
        assert value_text.fetchone()[0] == want[seed][4].text
    for doc, claims in want.items():
        assert stored.get(doc, []) == claims, doc


def test_reingest_changes_nothing(
    corpus: Path, ledger_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = ledger_copy.read_bytes()
    code, out, _ = cli(
        capsys, "ingest", str(corpus / "seeds"), str(corpus / "news"), "--ledger", str(ledger_copy)
    )
    assert code == 0
    assert out == "0 documents added, 0 replaced, 1001 unchanged; 0 claims stored\n"
    assert ledger_copy.read_bytes() == before


def test_changed_document_replaces_its_claims(
    corpus: Path, ledger_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = sorted((corpus / "news").iterdir())[7]  # edited in place, restored below
    saved = original.read_text(encoding="utf-8")
    before = dump(ledger_copy)
    try:
        text = saved.split("\n\n")
        original.write_text(
            "\n\n".join([*text[:2], "According to the UN, 1,234 people left on Monday.", *text[3:]])
        )
        code, out, _ = cli(capsys, "ingest", str(corpus / "news"), "--ledger", str(ledger_copy))
        assert code == 0
        assert out.startswith("0 documents added, 1 replaced, 999 unchanged; ")
        want = expected_claims(original)
    finally:
        original.write_text(saved, encoding="utf-8")
    after = dump(ledger_copy)
    with open_ledger(ledger_copy) as ledger:
        assert list(ledger.claims(ClaimFilter(doc=str(original)))) == want
    assert any(c.value == 1234 for c in want)
    changed_docs = {row[0] for row in set(before[0]) ^ set(after[0])}
    assert changed_docs == {str(original)}
    changed_claims = {row[1] for row in set(before[1]) ^ set(after[1])}
    assert changed_claims == {str(original)}
    assert out.endswith(f"; {len(want)} claims stored\n")


def test_new_metadata_replaces(corpus: Path, ledger_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(corpus / "seeds")
    code, out, _ = cli(capsys, "ingest", seed, "--ledger", str(ledger_copy), "--source", "Shafaq News")
    assert code == 0 and out.startswith("0 documents added, 1 replaced, 0 unchanged")
    code, out, _ = cli(capsys, "ingest", seed, "--ledger", str(ledger_copy), "--source", "Shafaq News")
    assert out.startswith("0 documents added, 0 replaced, 1 unchanged")


@pytest.mark.parametrize("problem", ["missing", "binary", "latin1"])
def test_unreadable_document_stores_nothing(
    corpus: Path, ledger_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], problem: str
) -> None:
    bad = tmp_path / "bad.txt"
    if problem == "binary":
        bad.write_bytes(b"\x00\x01\x02 not text")
    elif problem == "latin1":
        bad.write_bytes("Caf\u00e9 au lait: 12 people".encode("latin-1"))
    new = tmp_path / "new.txt"
    new.write_text("date 2025-11-13 Reuters- Damascus\n\nThe UN said 4,200 people fled.\n", encoding="utf-8")
    before = ledger_copy.read_bytes()
    code, out, err = cli(capsys, "ingest", str(new), str(bad), "--ledger", str(ledger_copy))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{bad}" in err
    assert ledger_copy.read_bytes() == before  # the readable document was not stored either
    fresh = tmp_path / "fresh.db"
    code, _, _ = cli(capsys, "ingest", str(new), str(bad), "--ledger", str(fresh))
    assert code == 2 and not fresh.exists()


@pytest.mark.parametrize("kind", ["folder", "garbage", "newer"])
def test_unusable_ledger_path(
    corpus: Path, ledger_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    if kind == "folder":
        target = tmp_path / "folder.db"
        target.mkdir()
    elif kind == "garbage":
        target = tmp_path / "garbage.db"
        target.write_bytes(b"SQLite format 2\x00" + bytes(range(256)) * 8)
    else:
        target = ledger_copy
        conn = sqlite3.connect(target)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        conn.close()
    before = None if kind == "folder" else target.read_bytes()
    code, out, err = cli(capsys, "ingest", str(corpus / "seeds"), "--ledger", str(target))
    assert code == 2 and out == ""
    assert err.startswith(f"factcheck: error: {target}: ") and err.count("\n") == 1
    if before is not None:
        assert target.read_bytes() == before


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    files = [str(p) for p in sorted((corpus / "news").iterdir())[:30]]
    assert main(["ingest", *files, "--ledger", str(tmp_path / "a.db"), "--batch-size", "10"]) == 0
    assert "\r" in terminal.getvalue() and "30/30 documents" in terminal.getvalue()
    assert capsys.readouterr().out.startswith("30 documents added")
    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["ingest", *files, "--ledger", str(tmp_path / "b.db"), "--quiet"]) == 0
    assert quiet.getvalue() == "" and capsys.readouterr().out == ""


def test_default_ledger_comes_from_config(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "desk"
    (project / "drafts").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.factcheck]\nledger = "data/desk.db"\n', encoding="utf-8")
    monkeypatch.chdir(project / "drafts")
    code, out, _ = cli(capsys, "ingest", str(corpus / "seeds"))
    assert code == 0 and out.startswith("1 documents added")
    assert (project / "data" / "desk.db").is_file()
    (project / "pyproject.toml").unlink()
    code, out, _ = cli(capsys, "ingest", str(corpus / "seeds"))
    assert code == 0 and (project / "drafts" / "claims" / "ledger.db").is_file()


def test_folders_are_expanded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / ".hidden").mkdir()
    for rel in ("a.txt", "sub/b.md", "c.html", ".hidden/x.txt", "notes.pdf", "sub/.d.txt"):
        (docs / rel).write_text("<p>The ministry said 120 schools reopened.</p>\n", encoding="utf-8")
    code, out, _ = cli(capsys, "ingest", str(docs), str(docs / "a.txt"), "--ledger", str(tmp_path / "l.db"))
    assert code == 0 and out.startswith("3 documents added")
    with open_ledger(tmp_path / "l.db") as ledger:
        assert sorted(d.id for d in ledger.documents()) == sorted(
            str(docs / rel) for rel in ("a.txt", "sub/b.md", "c.html")
        )
