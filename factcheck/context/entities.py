"""Entity mentions: gazetteer names found exactly, then fuzzily (rapidfuzz) over normalised keys.

Matching works on folded tokens with attached prefixes and the article stripped by our own
processor (:func:`factcheck.context.tokens.readings`); rapidfuzz only ever sees pre-normalised
strings (``processor=None``): its default processor would break voweled Arabic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import compress, repeat
from typing import NamedTuple

from factcheck.context.data import Alias, Gazetteer, block_key, strip_article
from factcheck.context.tokens import Doc, has_article, key_token, readings
from factcheck.lexicon import words_of

FUZZY_CUTOFF = 88.0
FUZZY_MIN_CHARS = 5


class Mention(NamedTuple):
    """An entity named by tokens ``first..last`` (inclusive).

    A named tuple: cheap to build, and the garbage collector stops tracking it (it holds only
    ints and a string) — a document has thousands.
    """

    first: int
    last: int
    canonical: str


def _upper_ok(doc: Doc, first: int, last: int) -> bool:
    s, e = doc.norm.orig_span(doc.starts[first], doc.end(last))
    written = doc.raw[s:e]
    return any(ch.isalpha() for ch in written) and all(not ch.isalpha() or ch.isupper() for ch in written)


def _title_ok(doc: Doc, i: int) -> bool:
    """Token ``i`` is written with a capital (a reference place name: "Salt" the town, not salt)."""
    s, _e = doc.norm.orig_span(doc.starts[i], doc.end(i))
    return doc.raw[s : s + 1].isupper()


def exact_at(doc: Doc, lex, gaz: Gazetteer, i: int, end: int) -> Mention | None:
    """The longest gazetteer name starting at token ``i`` (before ``end``)."""
    texts = doc.texts
    cands = gaz.memo.get(texts[i])
    if cands is None:
        found = {strip_article(r) for r in readings(lex, texts[i])}
        cands = tuple(a for key in found for a in gaz.candidates(key))
        cands = tuple(sorted(cands, key=lambda a: -len(a.tokens)))
        gaz.memo[texts[i]] = cands
    if not cands:
        return None
    # the candidates whose second word the next token can be (memoised on the two tokens)
    nxt = texts[i + 1] if i + 1 < end else None
    pair_key = (lex.lang, texts[i], nxt)
    pair = gaz.pair_memo.get(pair_key)
    if pair is None:
        free = _free_readings(lex, nxt) if nxt is not None else frozenset()
        pair = tuple(
            a
            for a in cands
            if len(a.tokens) == 1 or (nxt is not None and (a.tokens[1] == nxt or a.tokens[1] in free))
        )
        if len(gaz.pair_memo) >= 200_000:
            gaz.pair_memo.clear()
        gaz.pair_memo[pair_key] = pair
    return _first_fit(doc, lex, pair, i, end, gaz)


#: a ``pair_memo`` entry longer than this ("al -" opens hundreds of names) is narrowed by the third word
_MANY = 8


def _first_fit(
    doc: Doc, lex, pair: tuple[Alias, ...], i: int, end: int, gaz: Gazetteer | None = None
) -> Mention | None:
    """The first of ``pair`` (longest first) written at token ``i``. With ``gaz`` (whose ``pair_memo``
    gave ``pair``), a long ``pair`` is first narrowed to the names of at most two words and those whose
    third word the token ``i + 2`` can be (``third_memo``): the others fail that word's test below, so
    the first that fits is the same (:func:`_first_fit_plain` reads them all)."""
    if gaz is not None and len(pair) > _MANY and i + 2 < end:
        texts = doc.texts
        key = (lex.lang, texts[i], texts[i + 1], texts[i + 2])
        narrow = gaz.third_memo.get(key)
        if narrow is None:
            tok = texts[i + 2]
            free = _free_readings(lex, tok)
            narrow = tuple(a for a in pair if len(a.tokens) <= 2 or a.tokens[2] == tok or a.tokens[2] in free)
            if len(gaz.third_memo) >= 200_000:
                gaz.third_memo.clear()
            gaz.third_memo[key] = narrow
        pair = narrow
    return _first_fit_plain(doc, lex, pair, i, end)


def _first_fit_plain(doc: Doc, lex, pair: tuple[Alias, ...], i: int, end: int) -> Mention | None:
    """The first of ``pair`` (longest first) written at token ``i``, each tried in turn."""
    texts = doc.texts
    for alias in pair:
        n = len(alias.tokens)
        if i + n > end:
            continue
        ok = True
        for k in range(2, n):
            want = alias.tokens[k]
            tok = texts[i + k]
            if want != tok and want not in _free_readings(lex, tok):
                ok = False
                break
        if not ok or (alias.title and not _title_ok(doc, i)):
            continue
        if not alias.upper or _upper_ok(doc, i, i + n - 1):
            return Mention(i, i + n - 1, alias.canonical)
    return None


def _free_readings(lex, token: str) -> frozenset[str]:
    """The readings of ``token`` without the article (memoised per language)."""
    found = lex.free_memo.get(token)
    if found is None:
        found = lex.free_memo[token] = frozenset(strip_article(r) for r in readings(lex, token))
    return found


def scan(doc: Doc, lex_of, gaz: Gazetteer, first: int, end: int, lex=None) -> list[Mention]:
    """Exact gazetteer mentions in tokens ``[first, end)``; ``lex_of(i)`` gives a token's lexicon
    (``lex``: the one lexicon of every token, when there is one)."""
    one = lex
    found: list[Mention] = []
    texts = doc.texts
    memo = gaz.memo
    pair_memo = gaz.pair_memo
    one_word = gaz.word_memo
    # words that may start a name (a memo entry () says a word starts none)
    cands = compress(range(first, end), map(memo.get, texts[first:end], repeat(True)))
    i = first
    for k in cands:
        if k < i:
            continue
        tok = texts[k]
        if not tok[0].isalpha():
            memo[tok] = ()  # never looked up by exact_at (words only): marks it as starting none
            continue
        name = one_word.get(tok)
        if name is not None:
            found.append(Mention(k, k, name))
            i = k + 1
            continue
        lex = one if one is not None else lex_of(k)
        pair = pair_memo.get((lex.lang, tok, texts[k + 1] if k + 1 < end else None))
        if pair is None:
            m = exact_at(doc, lex, gaz, k, end)
            names = memo.get(tok)
            if names and all(len(a.tokens) == 1 and not a.upper and not a.title for a in names):
                one_word[tok] = names[0].canonical  # whatever follows, the first of them fits
        elif not pair:
            continue
        else:
            alias = pair[0]
            if len(alias.tokens) == 1 and not alias.upper and not alias.title:  # one plain word: it fits
                m = Mention(k, k, alias.canonical)
            else:
                m = _first_fit(doc, lex, pair, k, end, gaz)
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
        found = lex.free_key_memo[token] = strip_article(key_token(lex, token))
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
    """Earlier mentions for :func:`short_reference`: ``get(key)`` gives the canonical name of the
    most recent one whose first word, as written, has that key (None when there is none)."""

    __slots__ = ("get",)

    def __init__(self, get: Callable[[str], str | None]) -> None:
        self.get = get


def short_reference(doc: Doc, lex, i: int, earlier: list[tuple[tuple[str, ...], str]] | Recent) -> str | None:
    """The entity a definite short name (``القيادة``, ``the command``) at ``i`` refers back to.

    ``earlier`` holds (key tokens as written, canonical) of earlier mentions, most recent last, or
    the same indexed as :class:`Recent`.
    """
    key = short_key(doc, lex, i)
    return None if key is None else refer(earlier, key)


def short_key(doc: Doc, lex, i: int) -> str | None:
    """The key a definite short name at ``i`` is looked up by (None: not a short reference).

    Depends only on the token at ``i`` and, in English, the one before it.
    """
    tok = doc.texts[i]
    definite = (
        has_article(lex, tok)
        if lex.article
        else (i > 0 and doc.texts[i - 1] in words_of(lex.lang).definite_articles)
    )
    if not definite:
        return None
    key = strip_article(key_token(lex, tok))
    if len(key) < 3:
        return None
    return key


def refer(earlier: list[tuple[tuple[str, ...], str]] | Recent, key: str) -> str | None:
    """The canonical name of the latest earlier mention whose first word has ``key``."""
    if isinstance(earlier, Recent):
        return earlier.get(key)
    for written, canonical in reversed(earlier):
        if written and written[0] == key:
            return canonical
    return None


def mentions_within(mentions, firsts, first: int, last: int) -> tuple:
    """Mentions lying in tokens ``first..last``, positions relative to ``first`` (a memo key part)."""
    lo, hi = bisect_left(firsts, first), bisect_left(firsts, last + 1)
    if lo >= hi:
        return ()
    return tuple([(m.first - first, m.last - first, m.canonical) for m in mentions[lo:hi] if m.last <= last])
