"""Tokens of normalised text: digit runs (with their separators), words and single symbols."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.scripts import get as _scripts
from factcheck.text.scripts import one_of

#: commas that group thousands between digits in some scripts ("١،٢٣٤"; ``scripts.toml``)
GROUP_COMMAS = _scripts().group_commas
GROUP_COMMA = one_of(GROUP_COMMAS)

# digit runs are capped at 40 digits: a wall of digits becomes several tokens, never one huge integer
_TOKEN = re.compile(
    # a web address is one opaque symbol: the digits in it are never numbers
    r"(?P<url>(?:https?://|www\.)[^\s]+)"
    # the Arabic comma groups thousands only before exactly three digits: "١،٢٣٤،٥٦٧"
    rf"|(?P<num>(?:\d{{1,40}}(?:[.,]\d{{1,40}}|{GROUP_COMMA}\d{{3}}(?!\d))*+|[.,]\d{{1,40}})"
    r"(?:e[+-]?\d{1,3}(?!\w))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>[^\w\s])",
    re.UNICODE,
)

NUM, WORD, SYM = "n", "w", "s"

# digit runs with two or more separators that still read as one number: 1,234,567.8 / 1.234.567,8 /
# 12,34,567.89 (lakh grouping) / ١،٢٣٤،٥٦٧; anything else ("192.168.1.2", "22,24,26") is several numbers
_ONE_NUMBER = re.compile(
    r"\d{1,3}(?:,\d{3})++(?:\.\d+)?|\d{1,3}(?:\.\d{3})++(?:,\d+)?|\d{1,2}(?:,\d{2}(?=,))++,\d{3}(?:\.\d+)?"
    rf"|\d{{1,3}}(?:{GROUP_COMMA}\d{{3}})++(?:[.,]\d+)?"
)
_PARTS = re.compile(r"\d++|\D")


@dataclass(slots=True)
class Tokens:
    """Parallel arrays over one stretch of normalised text (offsets are normalised offsets)."""

    text: str
    kinds: list[str]
    texts: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.texts)

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i``."""
        return self.text[self.ends[i - 1] : self.starts[i]] if i > 0 else ""

    def tight(self, i: int) -> bool:
        """True when token ``i`` touches the token before it (no space between)."""
        return i > 0 and self.ends[i - 1] == self.starts[i]


_KIND = {"url": SYM, "num": NUM, "word": WORD, "sym": SYM}


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokenise ``text[start:end]``; offsets stay relative to ``text``."""
    matches = list(_TOKEN.finditer(text, start, len(text) if end is None else end))
    texts = [m.group() for m in matches]
    kinds = [_KIND[m.lastgroup] for m in matches]  # type: ignore[index]
    if any(k == NUM and _several(t) for k, t in zip(kinds, texts, strict=True)):
        return _tokenize_splitting(text, matches)
    return Tokens(text, kinds, texts, [m.start() for m in matches], [m.end() for m in matches])


def _tokenize_splitting(text: str, matches: list[re.Match[str]]) -> Tokens:
    """The slow path: digit runs that are several numbers ("192.168.1.2") become several tokens."""
    kinds: list[str] = []
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in matches:
        kind = m.lastgroup
        if kind == "num" and _several(m.group()):
            for p in _PARTS.finditer(m.group()):
                kinds.append(NUM if p.group()[0].isdigit() else SYM)
                texts.append(p.group())
                starts.append(m.start() + p.start())
                ends.append(m.start() + p.end())
            continue
        kinds.append(_KIND[kind])  # type: ignore[index]
        texts.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    return Tokens(text, kinds, texts, starts, ends)


def _several(text: str) -> bool:
    """A digit run with two or more separators that is not one grouped number."""
    if sum(text.count(c) for c in ".," + GROUP_COMMAS) < 2 or "e" in text:
        return False
    return _ONE_NUMBER.fullmatch(text) is None
