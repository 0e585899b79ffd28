"""Same-length views of a document: markup hidden, offsets untouched.

Markup is never removed, it is *masked*: replaced by spaces (or a newline where it breaks a
block), and an HTML entity by its character followed by zero-width spaces. The view has the
length of the document as read, so every offset found in the view is an offset in the document,
and the normaliser drops the zero-width padding so ``30&nbsp;000`` still reads 30,000.
"""

from __future__ import annotations

import html
import re

ZW = "\u200b"
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "title",
    ]
)
_HIDDEN = re.compile(
    r"<(script|style|noscript|template|svg|iframe|object|head)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|<![^>]*>|<\?[^>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+", re.I)
_MD_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def blank(text: str) -> str:
    """Spaces for ``text``, keeping its newlines (so line numbers survive)."""
    return "".join("\n" if ch == "\n" else " " for ch in text)


def _sub_same_length(pattern: re.Pattern[str], view: str, repl) -> str:
    parts: list[str] = []
    pos = 0
    for m in pattern.finditer(view):
        parts.append(view[pos : m.start()])
        r = repl(m)
        assert len(r) == m.end() - m.start()
        parts.append(r)
        pos = m.end()
    parts.append(view[pos:])
    return "".join(parts)


def _tag_mask(m: re.Match[str]) -> str:
    name = (m.group(1) or "").lower()
    masked = blank(m.group())
    if name in _BLOCK_TAGS and "\n" not in masked:
        return "\n" + masked[1:]
    return masked


def _entity_mask(m: re.Match[str]) -> str:
    decoded = html.unescape(m.group())
    if len(decoded) != 1 or decoded == m.group():
        return m.group() if decoded == m.group() else blank(m.group())
    return decoded + ZW * (len(m.group()) - 1)


def mask_urls(view: str) -> str:
    """Hide URLs (their digits are not figures)."""
    return _sub_same_length(_URL, view, lambda m: blank(m.group()))


def html_view(raw: str) -> str:
    """The visible text of an HTML document, same length as ``raw``."""
    view = _sub_same_length(_COMMENT, raw, lambda m: blank(m.group()))
    view = _sub_same_length(_HIDDEN, view, lambda m: "\n" + blank(m.group())[1:])
    view = _sub_same_length(_TAG, view, _tag_mask)
    view = _sub_same_length(_ENTITY, view, _entity_mask)
    return mask_urls(view)


def markdown_view(raw: str, body_start: int) -> str:
    """Markdown with front matter, comments, link targets, images and URLs hidden."""
    view = blank(raw[:body_start]) + raw[body_start:]
    view = _sub_same_length(_COMMENT, view, lambda m: blank(m.group()))
    view = _sub_same_length(_MD_IMAGE, view, lambda m: blank(m.group()))
    view = _sub_same_length(_MD_LINK_TARGET, view, lambda m: "]" + blank(m.group()[1:]))
    view = _sub_same_length(_TAG, view, _tag_mask)
    return mask_urls(view)
