"""The plain terminal report (no Jinja) is character for character what ``report.txt.j2`` renders."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from factcheck.checking import check_documents
from factcheck.report import templating, text
from factcheck.text.documents import parse_document

CASES = sorted((Path(__file__).parent / "cases" / "articles").glob("*.json"))


def _result(case: Path):
    data = json.loads(case.read_text(encoding="utf-8"))
    docs = [
        parse_document(
            d["text"],
            f"{data['id']}-{d['id']}.txt",
            fmt="text",
            lang=d.get("lang"),
            source=d.get("source"),
            published=d.get("published"),
        )
        for d in data["docs"]
    ]
    return check_documents(docs, ledger=None, references=None)


@pytest.mark.parametrize("case", CASES[:6], ids=lambda p: p.stem)
def test_plain_text_report_is_the_template(case, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = _result(case)
    assert result.claims
    variants = [result]
    if result.findings:  # accepted (one and several), suppressed with control characters, stale entries
        for accepted in (1, 2):
            variants.append(
                dataclasses.replace(
                    result,
                    accepted=result.findings[:accepted],
                    suppressed=[(result.findings[0], "checked\x1b[2J by the desk \u202e")],
                    stale=[("fp-1", "matched nothing"), ("fp-2", "expired 2025-01-01")],
                )
            )
    for variant in variants:
        for color in (False, True):
            assert text.render(variant, color=color) == templating.render_text(variant, color=color)


def test_user_text_template_still_renders_through_jinja(tmp_path):
    (tmp_path / "report.txt.j2").write_text("{{ coverage.claims }} claims\n", encoding="utf-8")
    result = _result(CASES[0])
    out = text.render(result, options={"templates": str(tmp_path)})
    assert out == f"{len(result.claims)} claims\n"
