"""Desk reference figures: CSV and YAML files under ``claims/``, checked with ``file:line`` errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import ConfigError
from factcheck.ledger import load_references, open_ledger, read_reference_file, reference_figures
from factcheck.ledger.reference import reference_files, resolve_unit

ROOT = Path(__file__).resolve().parent.parent
HEADER = "subject,value,low,high,bound,unit,source,time,url,note\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n") if name.endswith((".yaml", ".yml")) else text, "utf-8")
    return path


def test_shipped_example_for_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    refs = reference_figures("claims")
    by_value = {r.claim.value: r for r in refs}
    assert sorted(by_value) == [30000, 31000, 70000]
    camp = by_value[30000].claim
    assert (camp.bound, camp.approx, camp.unit, camp.source, camp.time) == (
        "approx",
        True,
        "person",
        "CENTCOM",
        "2025-11",
    )
    assert (by_value[31000].claim.time, by_value[31000].claim.precision) == ("2025-07", 1000)
    assert (by_value[70000].claim.time, by_value[70000].claim.bound) == ("2019", "exact")
    assert all("desk-authored example" in (r.note or "").lower() for r in refs)
    assert all(r.claim.doc == "ref:claims/reference.csv" for r in refs)
    assert [r.claim.id for r in refs] == [f"ref:claims/reference.csv#{n}" for n in (1, 2, 3)]
    assert len({r.claim.subject_key for r in refs}) == 1
    assert load_references("claims") == [r.claim for r in refs]


def test_csv_defaults_and_forms(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "figures.csv",
        HEADER
        + 'people in al-Hol camp,"31,000",,,,people,UN,2025-07,https://example.org/a,\n'
        + "\n"
        + "fighters,,2500,3000,,fighter,research reports,2025,,\n"
        + "detainees,,9000,,,معتقلين,SDF,,,\n"
        + 'aid trucks,٤٥٠,,,more_than,trucks,WFP,2025-10-01/2025-11-06,,"note, with a comma"\n'
        + "budget,2.50,,,approx,USD,World Bank,,,\n",
    )
    refs = read_reference_file(path)
    a, b, c, d, e = (r.claim for r in refs)
    assert [r.line for r in refs] == [2, 4, 5, 6, 7]
    assert (a.value, a.low, a.high, a.bound, a.approx, a.unit, a.unit_text) == (
        31000, 31000, 31000, "exact", False, "person", "people"
    )  # fmt: skip
    assert a.precision == 1000 and isinstance(a.value, int) and refs[0].url == "https://example.org/a"
    assert (b.value, b.low, b.high, b.bound, b.approx, b.precision) == (None, 2500, 3000, "range", True, 100)
    assert (c.value, c.low, c.high, c.bound, c.unit, c.lang) == (
        9000,
        9000,
        None,
        "at_least",
        "detainee",
        "en",
    )
    assert (d.value, d.low, d.high, d.bound, d.unit, d.time) == (450, 450, None, "more_than", "truck", d.time)
    assert refs[3].note == "note, with a comma"
    assert (e.value, e.precision, e.bound) == (2.5, 0.01, "approx")
    text = path.read_text(encoding="utf-8")
    for ref in refs:
        assert text[ref.claim.start : ref.claim.end] == ref.claim.text
        assert ref.claim.doc == f"ref:{path.as_posix()}" and ref.claim.source == ref.claim.source_text
    assert a.text.startswith("people in al-Hol camp,") and not a.text.endswith("\n")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("camp,30000,,,,zorkmids,UN,,,", "unknown unit 'zorkmids'"),
        ("camp,30000,,,,persons,UN,,,", None),
        ("camp,30000,,,,peple,UN,,,", "unknown unit 'peple' (did you mean 'person'?)"),
        ("camp,30000,,,roughly,person,UN,,,", "unknown bound 'roughly'"),
        ("camp,30000,,,range,person,UN,,,", "a range has low and high, not a value"),
        ("camp,,5,,range,person,UN,,,", "a range needs both low and high"),
        ("camp,,500,300,,person,UN,,,", "low 500 is above high 300"),
        ("camp,lots,,,,person,UN,,,", "value 'lots' is not a number"),
        ('camp,"30,00",,,,person,UN,,,', "value '30,00' is not a number"),
        (",30000,,,,person,UN,,,", "'subject' is missing"),
        ("camp,30000,,,,,UN,,,", "'unit' is missing"),
        ("camp,30000,,,,person,,,,", "'source' is missing"),
        ("camp,,,,,person,UN,,,", "give a value, or low and/or high"),
        ("camp,30000,,,,person,UN,last year,,", "time 'last year' is not an ISO date"),
        ("camp,30000,,,,person,UN,2025-13,,", "time '2025-13'"),
        ("camp,30000,,,,person,UN,,www.un.org,", "url 'www.un.org' is not an http(s) address"),
        ("camp,30000,,40000,at_most,person,UN,,,", None),
        ("camp,30000,20000,,at_most,person,UN,,,", "bound 'at_most' takes no low"),
        ("camp,30000,31000,32000,approx,person,UN,,,", "value 30000 is not between low 31000 and high 32000"),
        ("camp,30000,,,,person,UN,,", "row has 9 fields, the header 10"),
        ('camp,"30000"x,,,,person,UN,,,', "malformed CSV"),
    ],
)
def test_csv_errors_name_file_and_line(tmp_path: Path, row: str, message: str | None) -> None:
    good = "fine,1200,,,,person,UN,2025,,\n"
    path = write(tmp_path, "ref.csv", HEADER + good + good + row + "\n" + good)
    if message is None:
        assert len(read_reference_file(path)) == 4
        return
    with pytest.raises(ConfigError) as err:
        read_reference_file(path)
    assert str(err.value).startswith(f"{path.as_posix()}:4: ")
    assert message in str(err.value) and "\n" not in str(err.value)


def test_csv_header_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"x.csv:1: unknown column 'amount'"):
        read_reference_file(write(tmp_path, "x.csv", "subject,amount,unit,source\n"))
    with pytest.raises(ConfigError, match=r"y.csv:1: empty reference file"):
        read_reference_file(write(tmp_path, "y.csv", ""))


def test_yaml_figures(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "camps.yaml",
        """
        # desk figures for the camps
        figures:
          - subject: عدد الأشخاص في مخيمي الهول والروج
            value: 30,000
            bound: approx
            unit: شخص
            source: CENTCOM
            time: 2025-11
            note: example
          - subject: fighters in Syria and Iraq
            low: 2500
            high: 3000
            unit: fighters
            source: research reports
            time: 2025
            precision: 500
        """,
    )
    first, second = read_reference_file(path)
    assert (first.claim.value, first.claim.unit, first.claim.lang, first.line) == (30000, "person", "ar", 3)
    assert first.claim.time == "2025-11" and first.note == "example"
    assert (second.claim.bound, second.claim.low, second.claim.high, second.claim.precision) == (
        "range",
        2500,
        3000,
        500,
    )
    text = path.read_text(encoding="utf-8")
    assert text[first.claim.start : first.claim.end].startswith("subject: عدد")
    assert text[first.claim.start : first.claim.end].endswith("note: example")


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            "- subject: camp\n  value: 3000\n  bound: roughly\n  unit: person\n  source: UN\n",
            3,
            "unknown bound",
        ),
        ("- subject: camp\n  value: 3000\n  unit: zorkmid\n  source: UN\n", 3, "unknown unit 'zorkmid'"),
        (
            "- subject: camp\n  value: [1, 2]\n  unit: person\n  source: UN\n",
            2,
            "'value' must be a single value",
        ),
        ("- subject: camp\n  valeu: 3000\n  unit: person\n  source: UN\n", 2, "unknown column 'valeu'"),
        ("- subject: camp\n  value: 3000\n  unit: person\n", 1, "'source' is missing"),
        ("- subject: camp\n  value: 3000\n unit: person\n", 3, "broken YAML"),
        ("figures:\n  - just a string\n", 2, "a figure must be a mapping"),
    ],
)
def test_yaml_errors_name_file_and_line(tmp_path: Path, body: str, line: int, message: str) -> None:
    path = tmp_path / "ref.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_reference_file(path)
    assert str(err.value).startswith(f"{path.as_posix()}:{line}: ") and message in str(err.value)


def test_which_files_are_references(tmp_path: Path) -> None:
    write(tmp_path, "a.csv", HEADER + "camp,3000,,,,person,UN,,,\n")
    write(tmp_path, "b.yml", "- subject: camp\n  value: 5\n  unit: person\n  source: UN\n")
    write(tmp_path, "accepted.yaml", "findings:\n  - fingerprint: abc\n    reason: known\n")
    write(tmp_path, "list.yaml", "- fingerprint: abc\n  reason: known\n")
    write(tmp_path, "notes.txt", "not a reference file")
    (tmp_path / "ledger.db").write_bytes(b"")
    assert [p.name for p in reference_files(tmp_path)] == ["a.csv", "b.yml"]
    assert len(load_references(tmp_path)) == 2
    assert load_references(tmp_path / "missing") == []


def test_units_resolve_through_the_lexicon() -> None:
    assert resolve_unit("person") == "person"
    assert resolve_unit("people") == "person"
    assert resolve_unit("أشخاص") == "person"
    assert resolve_unit("كيلومتراً") == "km"
    assert resolve_unit("$") == "USD"
    assert resolve_unit("families") == "family"
    assert resolve_unit("Percent") == "percent"
    assert resolve_unit("zorkmid") is None


def test_cli_lists_references_and_reports_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ledger.db"
    with open_ledger(db):
        pass
    refs = tmp_path / "claims"
    refs.mkdir()
    write(refs, "reference.csv", HEADER + "camp,3000,,,,person,UN,2025,,\nroad,12,,,,km,Ministry,2019,,\n")
    assert main(["claims", "list", "--references", str(refs), "--format", "jsonl", "--unit", "km"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and '"unit": "km"' in out
    bad = write(
        refs, "reference.csv", HEADER + "camp,3000,,,,person,UN,2025,,\nroad,12,,,,furlongs,Ministry,,,\n"
    )
    before = db.read_bytes()
    assert main(["claims", "list", "--references", str(refs), "--ledger", str(db)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"factcheck: error: {bad.as_posix()}:3: unknown unit 'furlongs'")
        and err.count("\n") == 1
    )
    bad.write_text(HEADER + "camp,3000,,,about,person,UN,2025,,\n", encoding="utf-8")
    assert (
        main(
            [
                "claims",
                "export",
                "--references",
                str(refs),
                "--ledger",
                str(db),
                "-o",
                str(tmp_path / "x.csv"),
            ]
        )
        == 2
    )
    assert f"{bad.as_posix()}:2: unknown bound 'about'" in capsys.readouterr().err
    assert db.read_bytes() == before and not (tmp_path / "x.csv").exists()


def test_where_a_claim_came_from_is_its_origin_not_its_document_name(tmp_path: Path) -> None:
    """Reference figures carry ``origin = "reference"``, claims read back from the ledger ``"ledger"``,
    extracted ones ``"article"``; the check a pair belongs to reads the origin, so an article whose own
    id happens to start with "ref:" is still an article (its disagreement with another outlet is a
    cross-source finding, not one against the desk's reference), and the origin stays out of the
    exchanged claim (JSON, CSV) and of a claim's identity."""
    from factcheck.checking import check_documents
    from factcheck.ledger.io import csv_row
    from factcheck.model import CLAIM_FIELDS
    from factcheck.text.documents import parse_document

    refs = tmp_path / "claims"
    refs.mkdir()
    write(refs, "desk.csv", HEADER + "camp residents,4200,,,,person,UNHCR,2025-03,,\n")
    assert {c.origin for c in load_references(refs)} == {"reference"}

    briefing = parse_document(
        "---\nid: ref:briefing-12\nsource: Valley Post\npublished: 2025-03-20\n---\n"
        "The UN refugee agency said 3,350 people live in the Nahr camp.\n",
        "briefing.md",
    )
    other = parse_document(
        "---\nsource: Hill Times\npublished: 2025-03-20\n---\n"
        "The UN refugee agency said 3,900 people live in the Nahr camp.\n",
        "hill.md",
    )
    assert briefing.id == "ref:briefing-12"
    result = check_documents([briefing, other])
    assert {c.origin for c in result.claims} == {"article"}
    checks = {f.check for f in result.findings if set(f.claims) & {c.id for c in result.claims}}
    assert "cross_source" in checks and "reference" not in checks

    db = tmp_path / "ledger.db"
    with open_ledger(db) as ledger:
        ledger.import_claims(result.claims)
    with open_ledger(db, create=False) as ledger:
        stored = list(ledger.claims())
    assert {c.origin for c in stored} == {"ledger"}
    assert sorted(stored, key=lambda c: c.id) == sorted(result.claims, key=lambda c: c.id)
    assert "origin" not in stored[0].to_dict() and "origin" not in CLAIM_FIELDS
    assert len(csv_row(stored[0])) == len(CLAIM_FIELDS)
