"""The English wire version of the seed story gives the same eight figures, and no date or year."""

from __future__ import annotations

from pathlib import Path

from factcheck.extraction import extract_all

ARTICLE = Path(__file__).resolve().parent.parent / "bench" / "corpus" / "en_article.txt"


def test_english_article_claims():
    text = ARTICLE.read_text(encoding="utf-8")
    found = extract_all(text, "en")
    claims = [(c.text, c.value, c.low, c.high, c.bound, c.unit) for c in found if c.kind == "quantity"]
    assert claims == [
        ("more than 22 security operations", 22, 22, None, "more_than", "operation"),
        ("five members", 5, 5, 5, "exact", "member"),
        ("19 others", 19, 19, 19, "exact", "member"),
        ("70,000", 70000, 70000, 70000, "exact", None),
        ("about 30,000", 30000, 30000, 30000, "approx", None),
        ("between 2,500 and 3,000 active fighters", None, 2500, 3000, "range", "fighter"),
        ("roughly 9,000 detainees", 9000, 9000, 9000, "approx", "detainee"),
        ("about 31,000 people", 31000, 31000, 31000, "approx", "person"),
    ]
    others = {(c.text, c.kind) for c in found if c.kind != "quantity"}
    assert {("1", "date"), ("6", "date"), ("11", "date"), ("13", "date"), ("2019", "year")} <= others
    assert ("2024", "year") in others and ("2025", "year") in others
