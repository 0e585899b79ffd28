"""The origin article gives exactly its eight claims, and no date or year among them."""

from __future__ import annotations

import json

from factcheck.extraction import extract_document
from factcheck.text.documents import read_document

EXPECTED = [
    # text, value, low, high, bound, unit
    ("أكثر من 22 عملية", 22, 22, None, "more_than", "operation"),
    ("خمسة عناصر", 5, 5, 5, "exact", "member"),
    ("19 آخرين", 19, 19, 19, "exact", "member"),
    ("70 ألف شخص", 70000, 70000, 70000, "exact", "person"),
    ("نحو 30 ألفاً فقط", 30000, 30000, 30000, "approx", "person"),
    ("حوالي 2,500–3,000 مقاتل", None, 2500, 3000, "range", "fighter"),
    ("بنحو 9,000 معتقل", 9000, 9000, 9000, "approx", "detainee"),
    ("بحوالي 31,000 شخص", 31000, 31000, 31000, "approx", "person"),
]


def test_seed_gives_exactly_the_eight_claims(seed_path, seed_text):
    doc = read_document(str(seed_path))
    claims = extract_document(doc)
    got = [(c.text, c.value, c.low, c.high, c.bound, c.unit) for c in claims]
    assert got == EXPECTED
    for c in claims:
        assert seed_text[c.start : c.end] == c.text
        assert c.lang == "ar"


def test_seed_inherited_unit_and_precision(seed_path):
    claims = extract_document(read_document(str(seed_path)))
    by_text = {c.text: c for c in claims}
    about_30k = by_text["نحو 30 ألفاً فقط"]
    assert about_30k.unit == "person" and about_30k.unit_text == "شخص"
    assert about_30k.approx is True
    assert by_text["بحوالي 31,000 شخص"].precision == 1000
    assert by_text["70 ألف شخص"].precision == 1000
    assert about_30k.precision == 1000  # "thirty thousand": rounded to thousands
    assert by_text["حوالي 2,500–3,000 مقاتل"].approx is True


def test_seed_dates_years_periods_are_not_claims(seed_path):
    every = extract_document(read_document(str(seed_path)), include_all=True)
    kinds = {(c.text, c.kind) for c in every if c.kind != "quantity"}
    assert ("2019", "year") in kinds
    assert ("2014–2017", "period") in kinds
    assert ("2024–2025", "period") in kinds
    assert ("1", "date") in kinds and ("6", "date") in kinds and ("8", "date") in kinds
    claims = [c for c in every if c.kind == "quantity"]
    assert not any(c.value in (2019, 2025, 2014, 2017) for c in claims)


def test_seed_header_is_metadata(seed_path):
    doc = read_document(str(seed_path))
    assert doc.meta.published == "2025-11-13"
    assert doc.meta.publisher == "شفق نيوز"
    assert doc.meta.dateline == "دمشق"
    assert doc.lang == "ar"


def test_cli_json_has_every_contract_field(cli, seed_path):
    proc = cli("extract", str(seed_path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert len(rows) == 8
    fields = {
        "id",
        "doc",
        "text",
        "start",
        "end",
        "value",
        "low",
        "high",
        "bound",
        "approx",
        "precision",
        "unit",
        "unit_text",
        "subject",
        "subject_key",
        "source",
        "source_text",
        "cue",
        "time",
        "lang",
        # the frame (DESIGN.md §4)
        "measure",
        "event",
        "owner",
        "group",
        "scope",
        "modality",
        "aggregation",
        "time_basis",
        "change",
    }
    for row in rows:
        assert fields <= set(row)
        # a document read from a path is named by that path from the project folder (pyproject.toml's)
        assert row["doc"] == seed_path.resolve().relative_to(seed_path.resolve().parents[1]).as_posix()
    assert len({r["id"] for r in rows}) == 8
