"""Tokens of normalised text: digit runs (with their separators), words and single symbols."""

from __future__ import annotations

import re
from dataclasses import dataclass

# digit runs are capped at 40 digits: a wall of digits becomes several tokens, never one huge integer
_TOKEN = re.compile(
    r"(?P<num>(?:\d{1,40}(?:[.,]\d{1,40})*|[.,]\d{1,40})(?:e[+-]?\d{1,3}(?!\w))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>[^\w\s])",
    re.UNICODE,
)

NUM, WORD, SYM = "n", "w", "s"


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


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokenise ``text[start:end]``; offsets stay relative to ``text``."""
    kinds: list[str] = []
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup
        kinds.append(NUM if kind == "num" else WORD if kind == "word" else SYM)
        texts.append(m.group())
        starts.append(m.start())
        ends.append(m.end())
    return Tokens(text, kinds, texts, starts, ends)
