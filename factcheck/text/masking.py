"""Same-length views of a document: markup hidden, offsets untouched.

Markup is never removed, it is *masked*: replaced by spaces (or a newline where it breaks a
block), and an HTML entity by its character followed by zero-width spaces. The view has the
length of the document as read, so every offset found in the view is an offset in the document,
and the normaliser drops the zero-width padding so ``30&nbsp;000`` still reads 30,000.

Every pass runs in time linear in the document, whatever the markup: markup that never closes
(``<a`` repeated, ``<script `` with no ``>``, ``![`` with no ``]``) is read once, never rescanned
from each of its starts. The passes read exactly what the regular expressions kept in
``tests/test_linear_masking.py`` (the oracle) read, only without their rescans: a tag is ``<name``
up to the first ``>`` outside quoted attribute values; a comment runs to ``-->`` or the end; a
hidden element (script, style…) to its end tag or the end.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left

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
#: a comment runs to ``-->`` or to the end of the document (one scan: it always matches)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
#: the start of an element whose content is never shown; its end is found by :func:`_hidden_pass`
_HIDDEN_START = re.compile(r"<(script|style|noscript|template|svg|iframe|object|head)\b", re.I)
_HIDDEN_END = {
    name: re.compile(rf"</{name}\s*+>", re.I)
    for name in ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
}
#: the name part of a tag; the rest (attributes up to ``>``) is read by :class:`_TagEnds`
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]*)\b")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_URL = re.compile(r"(?:https?|ftp)://[^\s<>\"')\]]++|www\.[^\s<>\"')\]]++", re.I)
_MD_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*+\))*+(?:\s++\"[^\"]*+\")?\)")
_TAG_SYNTAX = re.compile(r"[>\"']")


def blank(text: str) -> str:
    """Spaces for ``text``, keeping its newlines (so line numbers survive)."""
    if "\n" not in text:
        return " " * len(text)
    return "\n".join(" " * len(part) for part in text.split("\n"))


class _NextChar:
    """The first ``char`` at or after a position, for positions asked in increasing order.

    One search per occurrence found: a position asked again before that occurrence costs nothing,
    so asking at each of n starts of markup that never closes costs O(n), not O(n²).
    """

    __slots__ = ("char", "found", "text")

    def __init__(self, text: str, char: str) -> None:
        self.text = text
        self.char = char
        self.found = -2  # not searched yet

    def at(self, pos: int) -> int:
        if self.found == -1 or (self.found >= pos):
            return self.found
        self.found = self.text.find(self.char, pos)
        return self.found


class _TagEnds:
    """Where a tag's attributes end: the first ``>`` outside quoted values, or -1 if none.

    Computed for every ``>``, ``"`` and ``'`` of the text at once, right to left, so each start
    costs a binary search however often markup fails to close (a quote opens a value that runs to
    the next same quote; a quote never closed ends every tag that reaches it).
    """

    def __init__(self, text: str) -> None:
        marks = [m.start() for m in _TAG_SYNTAX.finditer(text)]
        ends = [-1] * len(marks)
        next_same = {'"': -1, "'": -1}  # index in marks of the next quote of each kind
        for k in range(len(marks) - 1, -1, -1):
            ch = text[marks[k]]
            if ch == ">":
                ends[k] = marks[k] + 1
                continue
            close = next_same[ch]
            next_same[ch] = k
            if close != -1 and close + 1 < len(marks):
                ends[k] = ends[close + 1]
        self.marks = marks
        self.ends = ends

    def end(self, pos: int) -> int:
        """End (after ``>``) of the attributes starting at ``pos``, -1 if they never close."""
        k = bisect_left(self.marks, pos)
        return self.ends[k] if k < len(self.marks) else -1


def _join(view: str, spans: list[tuple[int, int, str]]) -> str:
    if not spans:
        return view
    parts: list[str] = []
    pos = 0
    for start, end, repl in spans:
        parts.append(view[pos:start])
        parts.append(repl)
        pos = end
    parts.append(view[pos:])
    out = "".join(parts)
    assert len(out) == len(view)
    return out


def _sub_same_length(pattern: re.Pattern[str], view: str, repl) -> str:
    spans = []
    for m in pattern.finditer(view):
        r = repl(m)
        assert len(r) == m.end() - m.start()
        spans.append((m.start(), m.end(), r))
    return _join(view, spans)


def _block_mask(name: str, text: str) -> str:
    masked = blank(text)
    if name.lower() in _BLOCK_TAGS and "\n" not in masked:
        return "\n" + masked[1:]
    return masked


def _hidden_pass(view: str) -> str:
    """Script, style and the other elements never shown: start tag to end tag (or the end)."""
    spans = []
    gt = _NextChar(view, ">")
    pos = 0
    while True:
        m = _HIDDEN_START.search(view, pos)
        if m is None:
            break
        close = gt.at(m.end())
        if close == -1:
            break  # no '>' after this start, nor after any later one
        end_tag = _HIDDEN_END[m.group(1).lower()].search(view, close + 1)
        end = end_tag.end() if end_tag else len(view)
        spans.append((m.start(), end, "\n" + blank(view[m.start() : end])[1:]))
        pos = end
    return _join(view, spans)


def _tag_pass(view: str) -> str:
    """Tags (``<name …>``, ``<!…>``, ``<?…>``) masked, block tags leaving a line break."""
    if "<" not in view:
        return view
    spans = []
    ends: _TagEnds | None = None
    gt = _NextChar(view, ">")
    pos = view.find("<")
    while pos != -1:
        end = -1
        m = _TAG_NAME.match(view, pos)
        if m is not None:
            ends = ends or _TagEnds(view)
            end = ends.end(m.end())
            name = m.group(1)
        elif view.startswith(("<!", "<?"), pos):
            close = gt.at(pos + 2)
            end = close + 1 if close != -1 else -1
            name = ""
        if end != -1:
            spans.append((pos, end, _block_mask(name, view[pos:end])))
            pos = view.find("<", end)
        else:
            pos = view.find("<", pos + 1)
    return _join(view, spans)


def _entity_mask(m: re.Match[str]) -> str:
    decoded = html.unescape(m.group())
    if len(decoded) != 1 or decoded == m.group():
        return m.group() if decoded == m.group() else blank(m.group())
    return decoded + ZW * (len(m.group()) - 1)


def _image_pass(view: str) -> str:
    """Markdown images ``![alt](target)``: the alt runs to the first ``]``, the target to ``)``."""
    spans = []
    bracket = _NextChar(view, "]")
    paren = _NextChar(view, ")")
    pos = view.find("![")
    while pos != -1:
        close = bracket.at(pos + 2)
        if close == -1:
            break
        if view.startswith("(", close + 1):
            end = paren.at(close + 2)
            if end == -1:
                break
            spans.append((pos, end + 1, blank(view[pos : end + 1])))
            pos = view.find("![", end + 1)
        else:
            pos = view.find("![", pos + 1)
    return _join(view, spans)


def mask_urls(view: str) -> str:
    """Hide URLs (their digits are not figures)."""
    return _sub_same_length(_URL, view, lambda m: blank(m.group()))


def html_view(raw: str) -> str:
    """The visible text of an HTML document, same length as ``raw``."""
    view = _sub_same_length(_COMMENT, raw, lambda m: blank(m.group()))
    view = _hidden_pass(view)
    view = _tag_pass(view)
    view = _sub_same_length(_ENTITY, view, _entity_mask)
    return mask_urls(view)


def markdown_view(raw: str, body_start: int) -> str:
    """Markdown with front matter, comments, link targets, images and URLs hidden, entities decoded."""
    view = blank(raw[:body_start]) + raw[body_start:]
    view = _sub_same_length(_COMMENT, view, lambda m: blank(m.group()))
    view = _image_pass(view)
    view = _sub_same_length(_MD_LINK_TARGET, view, lambda m: "]" + blank(m.group()[1:]))
    view = _tag_pass(view)
    view = _sub_same_length(_ENTITY, view, _entity_mask)  # Markdown shows entities as characters
    return mask_urls(view)


def _one_char(m: re.Match[str]) -> str:
    decoded = html.unescape(m.group())
    return decoded if len(decoded) == 1 else m.group()


def shown_surface(raw: str, start: int, end: int, invisible: frozenset[str] | set[str]) -> str:
    """``raw[start:end]`` as a reader is shown it, entities decoded (``&#x202E;`` is U+202E),
    widened over the ``invisible`` characters (raw or as entities) touching it on either side."""
    while start > 0:
        if raw[start - 1] in invisible:
            start -= 1
            continue
        amp = raw.rfind("&", max(0, start - 40), start) if raw[start - 1] == ";" else -1
        m = _ENTITY.fullmatch(raw, amp, start) if amp != -1 else None
        if m is None or _one_char(m) not in invisible:
            break
        start = amp
    while end < len(raw):
        if raw[end] in invisible:
            end += 1
            continue
        m = _ENTITY.match(raw, end) if raw[end] == "&" else None
        if m is None or _one_char(m) not in invisible:
            break
        end = m.end()
    surface = raw[start:end]
    return _ENTITY.sub(_one_char, surface) if "&" in surface else surface
