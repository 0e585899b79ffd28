"""Entity mentions: gazetteer names found exactly, then fuzzily (rapidfuzz) over normalised keys.

Matching works on folded tokens with attached prefixes and the article stripped by our own
processor (:func:`factcheck.context.tokens.readings`); rapidfuzz only ever sees pre-normalised
strings (``processor=None``): its default processor would break voweled Arabic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, repeat

from factcheck.context.data import Gazetteer, block_key
from factcheck.context.tokens import Doc, has_article, key_token, readings

FUZZY_CUTOFF = 88.0
FUZZY_MIN_CHARS = 5


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named by tokens ``first..last`` (inclusive)."""

    first: int
    last: int
    canonical: str


def _upper_ok(doc: Doc, first: int, last: int) -> bool:
    s, e = doc.norm.orig_span(doc.starts[first], doc.ends[last])
    written = doc.raw[s:e]
    return any(ch.isalpha() for ch in written) and all(not ch.isalpha() or ch.isupper() for ch in written)


def exact_at(doc: Doc, lex, gaz: Gazetteer, i: int, end: int) -> Mention | None:
    """The longest gazetteer name starting at token ``i`` (before ``end``)."""
    texts = doc.texts
    cands = gaz.memo.get(texts[i])
    if cands is None:
        found = {_article_free(r) for r in readings(lex, texts[i])}
        cands = tuple(a for key in found for a in gaz.by_first.get(key, ()))
        cands = tuple(sorted(cands, key=lambda a: -len(a.tokens)))
        gaz.memo[texts[i]] = cands
    for alias in cands:
        n = len(alias.tokens)
        if i + n > end:
            continue
        ok = True
        for k in range(1, n):
            want = alias.tokens[k]
            tok = texts[i + k]
            if want != tok and want not in _free_readings(lex, tok):
                ok = False
                break
        if ok and (not alias.upper or _upper_ok(doc, i, i + n - 1)):
            return Mention(i, i + n - 1, alias.canonical)
    return None


def _free_readings(lex, token: str) -> frozenset[str]:
    """The readings of ``token`` without the article (memoised per language)."""
    found = lex.free_memo.get(token)
    if found is None:
        found = lex.free_memo[token] = frozenset(_article_free(r) for r in readings(lex, token))
    return found


def _article_free(token: str) -> str:
    if token.startswith("ال") and len(token) >= 4:
        return token[2:]
    return token


def scan(doc: Doc, lex_of, gaz: Gazetteer, first: int, end: int) -> list[Mention]:
    """Exact gazetteer mentions in tokens ``[first, end)``; ``lex_of(i)`` gives a token's lexicon."""
    found: list[Mention] = []
    texts = doc.texts
    memo = gaz.memo
    # words that may start a name (a memo entry () says a word starts none)
    cands = compress(range(first, end), map(memo.get, texts[first:end], repeat(True)))
    i = first
    for k in cands:
        if k < i or not texts[k][0].isalpha():
            continue
        m = exact_at(doc, lex_of(k), gaz, k, end)
        if m is not None:
            found.append(m)
            i = m.last + 1
    return found


_SPAN_MEMO_MAX = 100_000


def fuzzy(doc: Doc, lex, gaz: Gazetteer, first: int, end: int, taken: set[int]) -> list[Mention]:
    """Near-miss spellings of gazetteer names in ``[first, end)`` (tokens in ``taken`` are skipped).

    A name that extends another ("Syrian", "سوري") is an adjective, not a misspelling: never matched.
    The result depends only on the span's tokens and which of them are taken: memoised on those.
    """
    key = (lex.lang, tuple(doc.texts[first:end]), tuple(sorted(i - first for i in taken if first <= i < end)))
    memo = gaz.span_memo
    found = memo.get(key)
    if found is None:
        found = tuple(
            (m.first - first, m.last - first, m.canonical) for m in _fuzzy(doc, lex, gaz, first, end, taken)
        )
        if len(memo) >= _SPAN_MEMO_MAX:
            memo.clear()
        memo[key] = found
    return [Mention(first + a, first + b, name) for a, b, name in found]


def _fuzzy(doc: Doc, lex, gaz: Gazetteer, first: int, end: int, taken: set[int]) -> list[Mention]:
    texts = doc.texts
    words = [i for i in range(first, end) if texts[i][0].isalpha() and i not in taken]
    if not words:
        return []
    known = lex.free_key_memo
    keys = [known.get(texts[i]) or _free_key(lex, texts[i]) for i in words]  # each word's key, once
    starts = gaz.prefixes.get(0, frozenset())
    if not any(len(kk) < 3 or kk[:3] in starts for kk in keys):
        return []  # no name of any length starts with one of these words
    found: list[Mention] = []
    used: set[int] = set()
    process = fuzz = None
    memo = gaz.fuzzy_memo
    for n in sorted(gaz.by_length, reverse=True):
        prefixes = gaz.prefixes.get(n, frozenset())
        for k in range(len(words) - n + 1):
            if len(keys[k]) >= 3 and keys[k][:3] not in prefixes:
                continue  # no name of n words starts so: no bucket (blocking) can hold the key
            idx = words[k : k + n]
            if used and any(i in used for i in idx):
                continue
            if n > 1 and idx[-1] - idx[0] != n - 1 and not _joined(doc, idx):
                continue
            key = keys[k] if n == 1 else " ".join(keys[k : k + n])
            if len(key) < FUZZY_MIN_CHARS:
                continue
            hit = memo.get(key, ())
            if hit != ():
                if hit is not None:
                    found.append(Mention(idx[0], idx[-1], hit))
                    used.update(idx)
                continue
            gaz.fuzzy_memo[key] = None
            # cheap blocking: same first three characters, similar length
            choices = [
                c
                for c in gaz.buckets.get((n, block_key(key)), ())
                if abs(len(c) - len(key)) <= 2 and not (c.startswith(key) or key.startswith(c))
            ]
            if not choices:
                continue
            if process is None:
                from rapidfuzz import fuzz, process  # lazily: only when a candidate needs it
            best = process.extractOne(
                key, choices, scorer=fuzz.ratio, processor=None, score_cutoff=FUZZY_CUTOFF
            )
            if best is None:
                continue
            alias = gaz.joined[best[0]]
            gaz.fuzzy_memo[key] = alias.canonical
            found.append(Mention(idx[0], idx[-1], alias.canonical))
            used.update(idx)
    return found


def _free_key(lex, token: str) -> str:
    """``key_token`` without the article (memoised per language)."""
    found = lex.free_key_memo.get(token)
    if found is None:
        found = lex.free_key_memo[token] = _article_free(key_token(lex, token))
    return found


def _first_of(m: Mention) -> int:
    return m.first


def _joined(doc: Doc, idx: list[int]) -> bool:
    """Words next to each other, or joined only by a hyphen, apostrophe or dot ("al-Hol")."""
    return all(doc.texts[j] in ("-", "'", ".") for j in range(idx[0], idx[-1] + 1) if j not in idx)


def in_span(
    doc: Doc,
    lex,
    gaz: Gazetteer,
    first: int,
    end: int,
    known: list[Mention] | None = None,
    firsts: list[int] | None = None,
) -> list[Mention]:
    """Mentions in ``[first, end)``: the known exact ones there, plus fuzzy matches elsewhere.

    ``firsts`` (optional) are the first tokens of ``known``, for a faster search.
    """
    if known is None:
        exact = scan(doc, lambda _i: lex, gaz, first, end)
    elif firsts is not None:
        lo = bisect_left(firsts, first)
        hi = bisect_left(firsts, end)
        exact = [m for m in known[lo:hi] if m.last < end]
    else:
        lo = bisect_left(known, first, key=_first_of)
        hi = bisect_left(known, end, key=_first_of)
        exact = [m for m in known[lo:hi] if m.last < end]
    taken = {i for m in exact for i in range(m.first, m.last + 1)}
    out = exact + fuzzy(doc, lex, gaz, first, end, taken)
    out.sort(key=lambda m: m.first)
    return out


class Recent:
    """Earlier mentions indexed for :func:`short_reference`: key of the first word as written →
    canonical name of the most recent mention starting with it (built when first needed)."""

    __slots__ = ("_build", "_latest")

    def __init__(self, build: Callable[[], dict[str, str]]) -> None:
        self._build = build
        self._latest: dict[str, str] | None = None

    @property
    def latest(self) -> dict[str, str]:
        if self._latest is None:
            self._latest = self._build()
        return self._latest


def short_reference(doc: Doc, lex, i: int, earlier: list[tuple[tuple[str, ...], str]] | Recent) -> str | None:
    """The entity a definite short name (``القيادة``, ``the command``) at ``i`` refers back to.

    ``earlier`` holds (key tokens as written, canonical) of earlier mentions, most recent last, or
    the same indexed as :class:`Recent`.
    """
    tok = doc.texts[i]
    definite = has_article(lex, tok) if lex.article else (i > 0 and doc.texts[i - 1] == "the")
    if not definite:
        return None
    key = _article_free(key_token(lex, tok))
    if len(key) < 3:
        return None
    if isinstance(earlier, Recent):
        return earlier.latest.get(key)
    for written, canonical in reversed(earlier):
        if written and written[0] == key:
            return canonical
    return None
