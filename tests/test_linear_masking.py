"""Masking is linear and reads what the regular expressions read.

The regular expressions below are the masking as it was (the oracle): correct, but each rescans
to the end of the document from every start of markup that never closes, so ``'<a'`` repeated in
80 KB took minutes. The passes in :mod:`factcheck.text.masking` must give the same view on any
markup (hypothesis) and take time linear in the document (2n against n, side by side).
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_linear_growth import LIMIT, growth

from factcheck.text import masking
from factcheck.text.documents import parse_document

# ---------------------------------------------------------------- the oracle (quadratic, small inputs only)

_HIDDEN = re.compile(
    r"<(script|style|noscript|template|svg|iframe|object|head)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|<![^>]*>|<\?[^>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+", re.I)
_MD_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def _blank(text: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in text)


def _sub(pattern, view, repl):
    return pattern.sub(lambda m: repl(m), view)


def _tag_mask(m):
    name = (m.group(1) or "").lower()
    masked = _blank(m.group())
    return "\n" + masked[1:] if name in masking._BLOCK_TAGS and "\n" not in masked else masked


def _entity_mask(m):
    decoded = html.unescape(m.group())
    if len(decoded) != 1 or decoded == m.group():
        return m.group() if decoded == m.group() else _blank(m.group())
    return decoded + masking.ZW * (len(m.group()) - 1)


def oracle_html(raw: str) -> str:
    view = _sub(_COMMENT, raw, lambda m: _blank(m.group()))
    view = _sub(_HIDDEN, view, lambda m: "\n" + _blank(m.group())[1:])
    view = _sub(_TAG, view, _tag_mask)
    view = _sub(_ENTITY, view, _entity_mask)
    return _sub(_URL, view, lambda m: _blank(m.group()))


def oracle_markdown(raw: str) -> str:
    view = _sub(_COMMENT, raw, lambda m: _blank(m.group()))
    view = _sub(_MD_IMAGE, view, lambda m: _blank(m.group()))
    view = _sub(_MD_LINK_TARGET, view, lambda m: "]" + _blank(m.group()[1:]))
    view = _sub(_TAG, view, _tag_mask)
    view = _sub(_ENTITY, view, _entity_mask)
    return _sub(_URL, view, lambda m: _blank(m.group()))


# ---------------------------------------------------------------- same views as the oracle

PIECES = [
    "<", ">", '"', "'", "!", "[", "]", "(", ")", "-", "/", "?", "&", ";", "#", " ", "\n", "=",
    "a", "p", "b", "x", "5", "30", "é", "ق", "<p>", "</p>", "<br/>", "<a href=", "<script>", "</script>",
    "<SCRIPT >", "</Script >", "<style", "</style>", "<!--", "-->", "<!doctype html>", "<?xml ?>",
    "![", "](", "http://", "www.", "&amp;", "&nbsp;", "&#x202E;", "&#8238;", "&rlm;", "title=",
    "<head>", "<svg", "</svg>", "[a](b)", "![i](p.png)", '"t"', "\u202e", "\u200b", "٣٠",
]  # fmt: skip

markup = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(markup)
def test_html_view_is_the_oracle(raw):
    assert masking.html_view(raw) == oracle_html(raw)


@settings(max_examples=600, derandomize=True, deadline=None)
@given(markup)
def test_markdown_view_is_the_oracle(raw):
    assert masking.markdown_view(raw, 0) == oracle_markdown(raw)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.text(max_size=60))
def test_views_keep_length_and_lines_on_any_text(raw):
    for view in (masking.html_view(raw), masking.markdown_view(raw, 0)):
        assert len(view) == len(raw)
        assert view.count("\n") >= raw.count("\n")


# ---------------------------------------------------------------- linear time, 2n against n


def _repeat(unit: str, tail: str = ""):
    return lambda n: unit * (n // len(unit)) + tail


HOSTILE = {
    "open tag": _repeat("<a"),
    "script without >": _repeat("<script "),
    "image without ]": _repeat("!["),
    "comment openers": _repeat("<!--"),
    "unclosed quote": _repeat("<p a='"),
    "quotes and tags": _repeat('<a x="<b>'),
    "link target": _repeat('](x "'),
    "nested link targets": _repeat("](a](b)"),
    "meta without >": _repeat("<meta content="),
    "title without end": _repeat("<title>"),
    "entities": _repeat("&#x202E"),
    "header line": lambda n: "date 2025-01-01 x" + " " * n,
}


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_masking_hostile_markup_in_linear_time(name, fmt):
    make = HOSTILE[name]
    ratio = growth(lambda text: parse_document(text, f"hostile.{fmt}"), make, 40_000)
    assert ratio < LIMIT, f"{name} ({fmt}): 2n took {ratio:.2f}x n"


def test_ordinary_html_in_linear_time():
    page = (
        '<div class="para"><p>Some <b>30,000</b> people &amp; <a href="http://x.org/5">1,200</a> '
        "families left.<!-- 44 --></p><script>var n = 5;</script></div>\n"
    )
    ratio = growth(lambda text: masking.html_view(text), lambda n: page * (n // len(page)), 200_000)
    assert ratio < LIMIT
