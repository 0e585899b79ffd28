"""The synthetic article generator the ledger tests and benchmarks rely on (``tests/articles.py``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import articles

from factcheck.ledger.reference import resolve_unit
from factcheck.text.documents import read_document


def test_deterministic_by_seed() -> None:
    assert articles.article(42) == articles.article(42)
    assert articles.article(42).text != articles.article(43).text
    names = [a.name for a in articles.corpus(40)]
    assert names[0].startswith("ar-000000.") and names[1].startswith("en-000001.")
    assert {n.rsplit(".", 1)[1] for n in names} == {"txt", "md"}


def test_planted_claims_are_exact_substrings_with_known_units() -> None:
    seen = Counter()
    for article in articles.corpus(400):
        assert article.claims
        for planted in article.claims:
            assert article.text[planted.start : planted.end] == planted.text
            assert resolve_unit(planted.unit_text) == planted.unit, planted.unit_text
            if planted.bound == "range":
                assert planted.value is None and planted.low < planted.high
            else:
                assert planted.value is not None
            seen[planted.bound] += 1
            seen[planted.variation] += 1
            seen[article.lang] += 1
    for key in (
        "exact",
        "approx",
        "more_than",
        "at_least",
        "at_most",
        "range",
        "drift",
        "conflict",
        "ar",
        "en",
    ):
        assert seen[key] > 0, key


def test_files_read_as_documents_with_metadata(tmp_path: Path) -> None:
    paths = articles.write_corpus(tmp_path, 6, start=100)
    for path, article in zip(paths, articles.corpus(6, start=100), strict=True):
        doc = read_document(str(path))
        assert doc.raw == article.text
        assert doc.lang == article.lang
        assert doc.meta.published == article.published
        assert doc.meta.publisher == article.publisher


def test_same_fact_same_truth() -> None:
    truths: dict[str, set[float]] = {}
    for article in articles.corpus(600):
        for planted in article.claims:
            truths.setdefault(planted.topic, set()).add(planted.truth)
    assert all(len(values) == 1 for values in truths.values())
    assert sum(1 for key in truths if key.startswith("camp_population:")) > 3
