"""The seed article in context, claim by claim (issue 3 acceptance)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.context import contextualise
from factcheck.extraction import extract_document
from factcheck.text.documents import read_document

CENTCOM_OR_OIR = {"CENTCOM", "CJTF-OIR"}


@pytest.fixture(scope="module")
def claims(seed_path):
    doc = read_document(str(seed_path))
    assert doc.meta.published == "2025-11-13"
    found = contextualise(doc, extract_document(doc))
    by_value = {}
    for c in found:
        by_value[c.value if c.value is not None else (c.low, c.high)] = c
    return by_value


def test_22_operations(claims):
    c = claims[22]
    assert c.source == "CENTCOM"
    assert c.source_text == "القيادة المركزية الأمريكية (سنتكوم)"
    assert c.cue == "أعلنت"
    assert c.time in ("2025-10", "2025-10-01/2025-11-06")
    assert "ISIS" in c.entities and "Syria" in c.entities


@pytest.mark.parametrize("value", [5, 19])
def test_killed_and_arrested(claims, value):
    c = claims[value]
    assert c.source in CENTCOM_OR_OIR
    assert c.time == "2025-10-01/2025-11-06"
    assert c.cue == "أوضحت"


def test_70000_in_2019(claims):
    c = claims[70000]
    assert c.source == "CENTCOM"
    assert c.time == "2019"
    assert c.cue == "ذكرت"


def test_30000_now(claims):
    c = claims[30000]
    assert c.source == "CENTCOM"
    assert c.time == "2025-11-13"
    assert c.subject == claims[70000].subject  # inherited across the change
    assert c.subject_key == claims[70000].subject_key


def test_fighters_research_reports(claims):
    c = claims[(2500, 3000)]
    assert c.source == "التقارير البحثية"
    assert c.time == "2025"
    assert set(c.entities) == {"Syria", "Iraq"}


@pytest.mark.parametrize("value", [9000, 31000])
def test_detainees_and_persons_latest_data(claims, value):
    c = claims[value]
    assert c.source in ("آخر البيانات المتاحة", "التقارير السنوية")
    assert c.time == "2025-07"


def test_camp_entities_shared(claims):
    for value in (70000, 30000, 31000):
        assert {"al-Hol", "Roj"} <= set(claims[value].entities), value
    assert not {"al-Hol", "Roj"} & set(claims[9000].entities)
    assert claims[9000].subject_key != claims[31000].subject_key


def test_every_claim_has_context(claims):
    for c in claims.values():
        assert c.subject and c.subject_key and c.source and c.source_text and c.cue and c.time


def test_cli_shows_context_without_heavy_imports(seed_path):
    """Context is shown on the fast path; its speed is measured by ``bench/speed.py`` (part c), not here."""
    cmd = [sys.executable, "-m", "factcheck", "extract", str(seed_path), "--format", "json"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    assert '"source": "CENTCOM"' in out and '"time": "2019"' in out
    script = (
        "import contextlib, io, sys\n"
        "from factcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['extract', {str(seed_path)!r}, '--format', 'json'])\n"
        "print(sorted(m for m in ('pandas', 'pint') if m in sys.modules))\n"
    )
    probe = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert probe.strip() == "[]"
