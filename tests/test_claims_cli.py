"""``factcheck claims list|export|import``: filters, formats, and errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.ledger import DocumentRecord, normalise_key, open_ledger
from factcheck.model import Claim


def _claim(doc: str, i: int, subject: str, **changes: object) -> Claim:
    base = Claim(
        f"{doc}#{i}", doc, "about 30,000 people", 0, 19, 30000, 30000, 30000, "approx", True, 10000, "person",
        "people", subject=subject, subject_key=normalise_key(subject), source="CENTCOM",
        source_text="US Central Command", time="2025-11",
    )  # fmt: skip
    return base.with_(**changes)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    seed = [
        _claim("seed.txt", 0, "النازحين في مخيمي الهول والروج", text="نحو 30 ألفاً", lang="ar"),
        _claim(
            "seed.txt", 1, "المقاتلين النشطين", value=None, low=2500, high=3000, bound="range", unit="fighter"
        ).with_(source=None, source_text=None),
    ]
    old = [
        _claim("old.md", 0, "people in al-Hol camp", value=70000, bound="exact", approx=False, time="2019"),
        _claim("old.md", 1, "length of the new road", value=12.5, unit="km").with_(
            source="Ministry", source_text="the ministry"
        ),
    ]
    with open_ledger(db) as ledger:
        ledger.ingest(
            [
                (
                    DocumentRecord("seed.txt", "seed.txt", "Shafaq News", "2025-11-13", "ar", "h1"),
                    lambda: seed,
                ),
                (DocumentRecord("old.md", "old.md", "Reuters", "2023-05-01", "en", "h2"), lambda: old),
            ]
        )
    return db


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def ids(out: str) -> list[str]:
    return [json.loads(line)["id"] for line in out.splitlines()]


@pytest.mark.parametrize(
    ("filters", "want"),
    [
        ((), ["old.md#0", "old.md#1", "seed.txt#0", "seed.txt#1"]),
        (("--unit", "km"), ["old.md#1"]),
        (("--source", "centcom"), ["old.md#0", "seed.txt#0"]),
        (("--source", "Central Command"), ["old.md#0", "seed.txt#0"]),
        (("--source", "shafaq"), ["seed.txt#0", "seed.txt#1"]),
        (("--since", "2025-01-01"), ["seed.txt#0", "seed.txt#1"]),
        (("--since", "2023"), ["old.md#0", "old.md#1", "seed.txt#0", "seed.txt#1"]),
        (("--subject", "al-Hol camp people"), ["old.md#0"]),
        (("--subject", "النازحين في مخيم الهول"), ["seed.txt#0"]),
        (("--subject", "new road"), ["old.md#1"]),
        (("--subject", "zebras in the zoo"), []),
        (("--unit", "person", "--since", "2024"), ["seed.txt#0"]),
        (("--limit", "1"), ["old.md#0"]),
    ],
)
def test_list_filters(
    ledger: Path, capsys: pytest.CaptureFixture[str], filters: tuple[str, ...], want: list[str]
) -> None:
    code, out, err = run(capsys, "claims", "list", "--ledger", str(ledger), *filters)
    assert code == 0 and err == ""
    assert ids(out) == want


def test_list_formats(
    ledger: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "claims", "list", "--ledger", str(ledger), "--format", "json")
    assert code == 0 and [c["id"] for c in json.loads(out)] == [
        "old.md#0",
        "old.md#1",
        "seed.txt#0",
        "seed.txt#1",
    ]
    code, out, _ = run(capsys, "claims", "list", "--ledger", str(ledger), "--format", "csv", "--unit", "km")
    assert out.splitlines()[0].startswith("id,doc,text,start,end,value") and len(out.splitlines()) == 2
    code, out, _ = run(capsys, "claims", "list", "--ledger", str(ledger), "--format", "table")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["doc", "amount", "unit"] and len(lines) == 5
    assert "~30,000" in lines[3] and "2,500–3,000" in lines[4] and "12.5" in lines[2]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["claims", "list", "--ledger", str(ledger)]) == 0
    assert terminal.getvalue().startswith("doc ")  # a table on a terminal


def test_options_before_the_action(ledger: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "claims", "--source", "ministry", "list", "--ledger", str(ledger))
    assert code == 0 and ids(out) == ["old.md#1"]


def test_export_then_import_updates(ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    assert run(capsys, "claims", "export", "--ledger", str(ledger), "-o", str(target), "--unit", "km")[0] == 0
    edited = target.read_text(encoding="utf-8").replace('"value": 12.5', '"value": 13.0')
    target.write_text(edited + json.dumps(_claim("new.txt", 0, "camp").to_dict()) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "claims", "import", str(target), "--ledger", str(ledger))
    assert code == 0 and out == "2 claims imported: 1 new, 1 updated\n"
    code, out, _ = run(capsys, "claims", "list", "--ledger", str(ledger), "--unit", "km")
    assert json.loads(out)["value"] == 13.0
    with open_ledger(ledger) as db:
        assert db.counts() == (3, 5)


def test_import_rejects_an_id_given_in_two_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = json.dumps(_claim("a", 0, "camp").to_dict()) + "\n"
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    first.write_text(line, encoding="utf-8")
    second.write_text(line, encoding="utf-8")
    code, _, err = run(
        capsys, "claims", "import", str(first), str(second), "--ledger", str(tmp_path / "l.db")
    )
    assert code == 2 and f"{second}: claim id 'a#0' is also in {first}" in err
    assert not (tmp_path / "l.db").exists()


def test_errors(ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing.db"
    code, out, err = run(capsys, "claims", "list", "--ledger", str(missing))
    assert (
        code == 2
        and out == ""
        and err == f"factcheck: error: {missing}: no ledger here (run `factcheck ingest` first)\n"
    )
    assert not missing.exists()
    code, _, err = run(capsys, "claims", "list", "--ledger", str(ledger), "--since", "yesterday")
    assert code == 2 and "--since: 'yesterday' is not a date" in err
    code, _, err = run(capsys, "claims", "export", "--ledger", str(ledger), "--format", "table")
    assert code == 2  # argparse: export writes csv or jsonl
    code, _, err = run(capsys, "claims", "frobnicate")
    assert code == 2
    code, _, _ = run(
        capsys, "claims", "export", "--ledger", str(ledger), "-o", str(tmp_path / "no" / "dir.csv")
    )
    assert code == 2


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json"])
def test_what_extract_writes_claims_import_reads(
    fmt: str, seed_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One claim serialiser: the seed's claims extracted as CSV (entities and all) import unchanged."""
    out = tmp_path / f"claims.{fmt}"
    assert run(capsys, "extract", str(seed_path), "--format", fmt, "-o", str(out))[0] == 0
    if fmt == "json":  # an array: import reads JSON Lines, one claim a line
        lines = tmp_path / "claims.jsonl"
        lines.write_text("".join(json.dumps(c) + "\n" for c in json.loads(out.read_text("utf-8"))), "utf-8")
        out = lines
    db = tmp_path / "ledger.db"
    code, said, _ = run(capsys, "claims", "import", str(out), "--ledger", str(db))
    assert code == 0 and said == "8 claims imported: 8 new, 0 updated\n"
    code, listed, _ = run(capsys, "claims", "list", "--ledger", str(db), "--format", "jsonl")
    code, extracted, _ = run(capsys, "extract", str(seed_path), "--format", "jsonl")
    by_id = {c["id"]: c for c in map(json.loads, listed.splitlines())}
    want = [json.loads(line) for line in extracted.splitlines()]
    assert len(by_id) == len(want) == 8
    for claim in want:
        assert {k: by_id[claim["id"]][k] for k in claim} == claim
