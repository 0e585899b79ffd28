"""Case files (tests/cases/extract_*.jsonl): every claim exactly, and every trap left out."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from factcheck.extraction import extract_all

CASES = Path(__file__).parent / "cases"


def load(lang: str) -> list[dict]:
    path = CASES / f"extract_{lang}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def same_number(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def describe(c) -> dict:
    return {
        k: getattr(c, k) for k in ("text", "start", "end", "value", "low", "high", "bound", "approx", "unit")
    }


def check_case(case: dict, lang: str) -> list[str]:
    text = case["text"]
    found = extract_all(text, lang)
    claims = [c for c in found if c.kind == "quantity"]
    problems = []
    if len(claims) != len(case["claims"]):
        problems.append(f"expected {len(case['claims'])} claims, got {[describe(c) for c in claims]}")
    for want, got in zip(case["claims"], claims, strict=False):
        g = describe(got)
        for key in ("text", "start", "end", "bound", "approx", "unit"):
            if g[key] != want[key]:
                problems.append(f"{want['text']!r}: {key} {g[key]!r} != {want[key]!r}")
        for key in ("value", "low", "high"):
            if not same_number(g[key], want[key]):
                problems.append(f"{want['text']!r}: {key} {g[key]!r} != {want[key]!r}")
    for trap in case.get("not_claims", []):
        start = text.find(trap["text"])
        end = start + len(trap["text"])
        for c in claims:
            if c.start < end and start < c.end:
                problems.append(f"trap {trap['text']!r} ({trap['kind']}) read as claim {c.text!r}")
    return problems


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_case_file_sizes(lang):
    cases = load(lang)
    assert len(cases) >= {"ar": 150, "en": 100}[lang]
    assert sum(bool(c.get("not_claims")) for c in cases) >= 30


@pytest.mark.parametrize("case", load("ar"), ids=lambda c: c["id"])
def test_arabic_case(case):
    assert check_case(case, "ar") == []


@pytest.mark.parametrize("case", load("en"), ids=lambda c: c["id"])
def test_english_case(case):
    assert check_case(case, "en") == []
