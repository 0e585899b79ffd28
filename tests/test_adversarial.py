"""Adversarial text finishes in time linear in its length: 2n against n, measured side by side with the
shared ``growth`` helper (interleaved runs, garbage collection paused, a noisy ratio measured again)."""

from __future__ import annotations

import pytest
from test_linear_growth import LIMIT, growth

from factcheck.extraction import extract_all

PATTERNS = {
    "digits with separators": "1,234,567.890,12 ",
    "a wall of digits": "1234567890",
    "hedges in a row": "about more than at least نحو أكثر من ",
    "repeated number words": "خمسة وعشرون ألف و ",
    "english number words": "twenty-five thousand and ",
    "ranges and joiners": "20–30–40-50~60 بين 5 و",
    "scale words": "million ملايين آلاف thousand ",
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_time_is_linear(name):
    unit = PATTERNS[name]
    ratio = growth(extract_all, lambda n: unit * max(1, n // len(unit)), 20_000)
    assert ratio < LIMIT, f"{name}: 2n of the text took {ratio:.2f}x the time of n"


def test_hundred_thousand_digits_finish():
    """100,000 grouped digits are read in linear time; a run of more than 300 digits is no number (it
    could not be held as a finite figure), and the text around it is still read, offsets exact."""
    import math

    text = ",".join(["123"] * 33_334) + " and 45 people were displaced."
    claims = extract_all(text)
    assert [c.value for c in claims if c.kind == "quantity"] == [45]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.value is None or math.isfinite(c.value)
