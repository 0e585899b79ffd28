"""Sentence boundaries in normalised text: Arabic ``. ؟ ! ؛``, English ``. ? !``, and newlines."""

from __future__ import annotations

import re
from functools import cache


@cache
def _end() -> re.Pattern[str]:
    """Sentence-final marks of every script (``scripts.toml``) before a quote, bracket, space or the end."""
    from factcheck.text.scripts import char_class, get

    s = get()
    return re.compile(rf"[{char_class(s.spaced_ends + s.bare_ends)}]+(?=[\"')\]\s]|$)|\n")


_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\.?$")


#: long texts are split once per pass chain (extraction, then context): the last few are kept
_MEMO_MIN = 2048
_MEMO_SIZE = 4
_memo: dict[tuple[str, frozenset[str]], tuple[tuple[int, int], ...]] = {}


def split_sentences(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of ``text`` (whitespace-only spans are skipped)."""
    if len(text) < _MEMO_MIN:
        return _split(text, abbreviations)
    key = (text, abbreviations)
    found = _memo.get(key)
    if found is None:
        found = tuple(_split(text, abbreviations))
        if len(_memo) >= _MEMO_SIZE:
            del _memo[next(iter(_memo))]
        _memo[key] = found
    return list(found)


def _split(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _end().finditer(text):
        end = m.end()
        if m.group() == ".":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start() + 1)
            if before:
                word = before.group(1).lower().rstrip(".")
                if word in abbreviations or (len(word) == 1 and word.isalpha() and word.isascii()):
                    continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
