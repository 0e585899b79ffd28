"""The digit patterns are possessive (linear on megabyte-long digit runs); they accept exactly what
the plain backtracking patterns accept."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import numbers, tokens

# the plain forms, written the obvious way: the oracle for the possessive ones
PLAIN = {
    "comma": (numbers._GROUPED_COMMA, r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"),
    "dot": (numbers._GROUPED_DOT, r"\d{1,3}(?:\.\d{3}){2,}"),
    "dot decimal": (numbers._GROUPED_DOT_DECIMAL, r"\d{1,3}(?:\.\d{3})+,\d+"),
    "lakh": (numbers._GROUPED_LAKH, r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"),
    "arabic comma": (numbers._GROUPED_ARABIC, r"\d{1,3}(?:،\d{3})+(?:[.,]\d+)?"),
    "one number": (
        tokens._ONE_NUMBER,
        r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
        r"|\d{1,3}(?:،\d{3})+(?:[.,]\d+)?",
    ),
}
PLAIN_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s]+)"
    r"|(?P<num>(?:\d{1,40}(?:[.,]\d{1,40}|،\d{3}(?!\d))*|[.,]\d{1,40})(?:e[+-]?\d{1,3}(?!\w))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>[^\w\s])"
)

digit_runs = st.text(alphabet="0123456789,.،e+- ", max_size=40)


@settings(max_examples=600, deadline=None)
@given(digit_runs)
def test_possessive_patterns_accept_what_the_plain_ones_accept(text):
    for name, (fast, plain) in PLAIN.items():
        assert (fast.fullmatch(text) is None) == (re.fullmatch(plain, text) is None), name


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="0123456789,.،e+- ab", max_size=60))
def test_tokens_are_those_of_the_plain_pattern(text):
    fast = [(m.lastgroup, m.span()) for m in tokens._TOKEN.finditer(text)]
    plain = [(m.lastgroup, m.span()) for m in PLAIN_TOKEN.finditer(text)]
    assert fast == plain


def test_lakh_grouping_still_reads_after_the_lookahead():
    assert numbers.read_digits("12,34,567.89").value == numbers.Decimal("1234567.89")
    assert numbers.read_digits("12,34,56") is None
