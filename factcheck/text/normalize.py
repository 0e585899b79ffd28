"""Normalisation for matching, with an offset map back to the text as read.

Everything the extractor matches against goes through :func:`normalize`; every span it reports
goes back through :meth:`Normalized.orig` so offsets always refer to the original text.

* 1:1 folds (same length): Eastern Arabic and Persian digits, ``٫`` decimal and ``٬`` group
  separators, alef / alef maqsura / ta marbuta forms, ASCII case, dashes, quotes, NBSP and
  thin spaces (folded to one group-space character, :data:`GROUP_SPACE`).
* deletions: tatweel, Arabic diacritics, zero-width and bidi control characters, soft hyphen.
  They can never split or hide a number: ``3\\u200b0,000`` reads 30,000.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

#: the character NBSP, narrow NBSP and thin spaces fold to; digit groups may use it.
GROUP_SPACE = "\u2009"

#: script-independent folds; each script's digits, separators and letter forms come from
#: :mod:`factcheck.text.scripts` (see :func:`_tables`)
_FOLD = {
    ord("\u00a0"): GROUP_SPACE,
    ord("\u202f"): GROUP_SPACE,
    ord("\u2009"): GROUP_SPACE,
    ord("\u2007"): GROUP_SPACE,
    ord("\u2008"): GROUP_SPACE,
    ord("\u2002"): " ",
    ord("\u2003"): " ",
    ord("\u3000"): " ",
    ord("\t"): " ",
    ord("\r"): "\n",
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
    ord("\u2010"): "-",
    ord("\u2011"): "-",
    ord("\u2012"): "–",
    ord("\u2013"): "–",
    ord("\u2014"): "–",
    ord("\u2212"): "-",
    ord("\u2030"): "‰",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u201e"): '"',
    ord("«"): '"',
    ord("»"): '"',
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\uff05"): "%",
    **{c: c + 32 for c in range(ord("A"), ord("Z") + 1)},
}

#: script-independent characters removed for matching (each script's marks, tatweel and format
#: characters are added from :mod:`factcheck.text.scripts`)
_DROP_CLASS = (
    "\u00ad"  # soft hyphen
    "\u200b-\u200f"  # zero-width space/joiners, LRM, RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u2069"  # bidi isolates
    "\ufeff"  # BOM / zero-width no-break space
)


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str], re.Pattern[str]]:
    """The fold table, the pattern of characters dropped, and the pattern of marks after a word."""
    from factcheck.text.scripts import char_class, get

    table = dict(_FOLD)
    drop, marks = _DROP_CLASS, ""
    for script in get().by_name.values():
        for digits in script.digits:
            table.update({ord(c): str(i) for i, c in enumerate(digits)})
        for char, to in (
            (script.decimal_separator, "."),
            (script.group_separator, ","),
            (script.percent_sign, "%"),
        ):
            if char:
                table[ord(char)] = to
        table.update({ord(a): b for a, b in script.folds.items()})
        own = char_class(script.tatweel) + char_class(script.vowels) + char_class(script.marks)
        marks += own
        drop += own + char_class(script.invisible)
    return str.maketrans(table), re.compile(f"[{drop}]+"), re.compile(f"[{marks}]*")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus the map from its offsets to the original's."""

    text: str
    _norm_starts: tuple[int, ...] = (0,)
    _orig_starts: tuple[int, ...] = (0,)

    def orig(self, i: int) -> int:
        """Offset in the original text of normalised offset ``i`` (``i`` may equal ``len``)."""
        k = bisect_right(self._norm_starts, i) - 1
        return self._orig_starts[k] + (i - self._norm_starts[k])

    def orig_spans(self, spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """:meth:`orig_span` of non-empty spans in rising order, walked once: their starts and ends."""
        starts = [a for a, _b in spans]
        ends = [b for _a, b in spans]
        runs, origs, last = self._norm_starts, self._orig_starts, len(self._norm_starts) - 1
        if last == 0 and origs[0] == 0:  # nothing dropped: the offsets are the text's own
            return starts, ends
        k = 0
        for n, (a, b) in enumerate(spans):
            while k < last and runs[k + 1] <= a:
                k += 1
            j = k
            while j < last and runs[j + 1] < b:  # the span's last character decides its end
                j += 1
            starts[n] = origs[k] + a - runs[k]
            ends[n] = origs[j] + b - runs[j]
        return starts, ends

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalised span ``[start, end)``; never includes dropped tails."""
        if end <= start:
            o = self.orig(start)
            return o, o
        return self.orig(start), self.orig(end - 1) + 1


#: long texts are normalised once per pass chain (extraction, then context): the last few are kept
_MEMO_MIN = 2048
_MEMO_SIZE = 4
_memo: dict[str, Normalized] = {}


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching, keeping an offset map (see module docstring)."""
    if len(text) < _MEMO_MIN:
        return _normalize(text)
    found = _memo.get(text)
    if found is None:
        found = _normalize(text)
        if len(_memo) >= _MEMO_SIZE:
            del _memo[next(iter(_memo))]
        _memo[text] = found
    return found


def _normalize(text: str) -> Normalized:
    table, drop, _marks = _tables()
    folded = text.translate(table)
    if len(folded) != len(text):  # a fold produced more than one char: fall back to safe mapping
        folded = "".join(ch.translate(table)[:1] or " " for ch in text)
    if not drop.search(folded):
        return Normalized(folded)
    parts: list[str] = []
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    pos = 0
    out_len = 0
    for m in drop.finditer(folded):
        if m.start() > pos:
            norm_starts.append(out_len)
            orig_starts.append(pos)
            parts.append(folded[pos : m.start()])
            out_len += m.start() - pos
        pos = m.end()
    norm_starts.append(out_len)
    orig_starts.append(pos)
    parts.append(folded[pos:])
    return Normalized("".join(parts), tuple(norm_starts), tuple(orig_starts))


def folded(text: str) -> str:
    """``normalize(text).text`` without the offset map (for short pieces read many times)."""
    table, drop, _marks = _tables()
    return drop.sub("", text.translate(table))


def extend_marks(raw: str, end: int) -> int:
    """Move ``end`` past combining marks (harakat, tatweel) that belong to the word before it."""
    m = _tables()[2].match(raw, end)
    return m.end() if m else end


def strip_invisible(text: str) -> str:
    """``text`` without the characters :func:`normalize` drops (for display keys)."""
    return _tables()[1].sub("", text)
