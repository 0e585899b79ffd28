"""Comparison case files end to end: passages → claims in context → the verdict of each pair."""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest

from factcheck.compare import compare_claims
from factcheck.compare.checks import same_sentence
from factcheck.context import contextualise
from factcheck.extraction import extract_document
from factcheck.text.documents import parse_document

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases" / "compare_pairs.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def verdicts(case: dict) -> list[tuple[str, str]]:
    """(expected, got) for every pair of a case."""
    claims, texts = [], {}
    for d in case["docs"]:
        doc = parse_document(
            d["text"], d["id"], fmt="text", source=d.get("source"), published=d.get("published")
        )
        texts[doc.id] = doc.raw
        claims.extend(contextualise(doc, extract_document(doc)))

    def skip(a, b):
        return a.doc == b.doc and a.time == b.time and same_sentence(texts[a.doc], a, b)

    findings = compare_claims(claims, include_consistent=True, skip=skip)
    # a trend series links every two of its readings that no finding of their own links
    by_pair = {frozenset(f.claims): f.verdict for f in findings if len(f.claims) == 2}
    for f in findings:
        for pair in combinations(f.claims, 2):
            by_pair.setdefault(frozenset(pair), f.verdict)
    out = []
    for pair in case["pairs"]:
        ids = []
        for side in (pair["a"], pair["b"]):
            found = [c.id for c in claims if c.doc == side["doc"] and c.text == side["text"]]
            ids.append(found[0] if found else None)
        got = by_pair.get(frozenset(ids), "no_pair") if None not in ids else "missing"
        out.append((pair["expect"], got))
    return out


def test_case_counts():
    pairs = [p for c in CASES for p in c["pairs"]]
    assert len(CASES) >= 120
    assert sum(p["expect"] == "no_pair" for p in pairs) >= 40
    assert {c["lang"] for c in CASES} == {"ar", "en", "mixed"}


def test_every_case_passes():
    tally: Counter = Counter()
    misses = []
    for case in CASES:
        for (expected, got), pair in zip(verdicts(case), case["pairs"], strict=True):
            tally[expected] += 1
            if expected != got:
                misses.append(f"{case['id']}: {pair['a']['text']} / {pair['b']['text']}: {expected} -> {got}")
    print(dict(tally))
    # measured 2026-11-29: 202 cases, 212 pairs, all pass (cmp-169..202 were written blind after tuning)
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("وبحسب التقارير فإن نحو 9,000 معتقل محتجزون، ويعيش نحو 31,000 شخص في مخيمي الهول والروج.", None),
        (
            "أعلنت قسد مقتل 5 عناصر من داعش في ريف دير الزور.",
            "وأعلنت قسد اعتقال 5 عناصر من داعش في ريف دير الزور.",
        ),
        (
            "Some 20,000 people were displaced in Idlib in March 2025.",
            "Some 20,000 people were displaced in Aleppo in March 2025.",
        ),
    ],
)
def test_canonical_look_alikes(first, second):
    """The design's own examples of things that merely look alike are never paired."""
    claims = []
    for i, text in enumerate(t for t in (first, second) if t):
        doc = parse_document(text, f"doc{i}", fmt="text", published="2025-11-13")
        claims.extend(contextualise(doc, extract_document(doc)))
    assert len(claims) == 2, [c.text for c in claims]
    assert compare_claims(claims, include_consistent=True) == []
