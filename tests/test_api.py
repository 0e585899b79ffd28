"""The Python API: ``factcheck.extract`` gives claims in context; ``extract_all`` every expression."""

from __future__ import annotations

import factcheck


def test_extract_gives_claims_in_context():
    text = "قالت الأمم المتحدة إن نحو 30 ألف شخص ما زالوا حالياً في مخيم الهول"
    (claim,) = factcheck.extract(text, published="2025-11-13")
    assert (claim.text, claim.value, claim.bound, claim.unit) == ("نحو 30 ألف شخص", 30000, "approx", "person")
    assert claim.source == "UN" and claim.time == "2025-11-13" and claim.entities == ("al-Hol",)
    assert text[claim.start : claim.end] == claim.text


def test_extract_all_keeps_non_claims_with_their_kind():
    kinds = {(c.text, c.kind) for c in factcheck.extract_all("In 2019, 70,000 people lived there.", "en")}
    assert ("2019", "year") in kinds and ("70,000 people", "quantity") in kinds
