"""The document as the context passes see it: normalised tokens, sentences, paragraphs, quotes."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add

from factcheck.context.data import ContextLexicon, PhraseIndex
from factcheck.lexicon import words_of
from factcheck.text import scripts
from factcheck.text.normalize import Normalized, normalize
from factcheck.text.sentences import split_sentences

_TOKEN = re.compile(r"\d++(?:[.,]\d++)*+|[^\W\d_]+|[^\w\s]", re.UNICODE)
#: the same tokens, captured, for ``split``. The alternatives start with disjoint characters, so
#: trying words first and matching possessively finds the same tokens; a word starting with an
#: ASCII or a basic Arabic letter (cheap range tests; the letters of ``scripts.toml``) takes its first
#: run of those before the general letter class (Unicode tables) — the same maximal run, found faster.
_PLAIN_LETTERS = "a-z" + "".join(scripts.char_class(s.letters) for s in scripts.get().by_name.values())
_SPLIT = re.compile(rf"([{_PLAIN_LETTERS}]++[^\W\d_]*+|[^\W\d_]++|\d++(?:[.,]\d++)*+|[^\w\s])", re.UNICODE)
_QUOTES = frozenset('"')


@dataclass(slots=True)
class Doc:
    """Normalised tokens of one document with sentence, paragraph and quote indices."""

    raw: str
    norm: Normalized
    texts: tuple[str, ...]
    starts: Sequence[int]  # a token ends at ``end(i)``: its start plus its length
    sentence_of: Sequence[int]
    sentences: list[tuple[int, int]]  # token ranges [first, last + 1)
    paragraph_of_sentence: list[int]
    quote_of: Sequence[int]  # index of the enclosing quote region, -1 outside quotes
    quotes: list[tuple[int, int]]  # token ranges of the quoted text (marks excluded)
    _orig_starts: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)

    def norm_pos(self, orig: int) -> int:
        """The normalised offset of original offset ``orig`` (first one at or after it).

        The inverse of ``norm.orig`` over its segments: ``len(norm.text) + 1`` when past the end.
        """
        norm = self.norm
        size = len(norm.text)
        ns, os_ = norm._norm_starts, norm._orig_starts
        k = bisect_right(os_, orig) - 1
        if k < 0:
            return 0
        i = ns[k] + (orig - os_[k])
        if k + 1 < len(ns):
            return i if i < ns[k + 1] else ns[k + 1]
        return i if i <= size else size + 1

    def token_range(self, orig_start: int, orig_end: int) -> tuple[int, int]:
        """Tokens ``[first, last + 1)`` inside the original span."""
        s, e = self.norm_pos(orig_start), self.norm_pos(orig_end)
        starts = self.starts
        j = bisect_left(starts, s)
        k = bisect_left(starts, e)  # tokens starting before e: all but the last end by then
        if k > 0 and starts[k - 1] + len(self.texts[k - 1]) > e:
            k -= 1
        return j, k

    def end(self, i: int) -> int:
        """The normalised offset just after token ``i``."""
        return self.starts[i] + len(self.texts[i])

    def raw_span(self, first: int, last: int) -> str:
        """The text as written of tokens ``first..last`` (inclusive).

        ``raw[norm.orig_span(starts[first], end(last))]`` with the offset map read inline (a token
        is never empty, so the span is never empty).
        """
        norm = self.norm
        ns = norm._norm_starts
        start, end = self.starts[first], self.starts[last] + len(self.texts[last]) - 1
        if len(ns) == 1:  # nothing was dropped: offsets are the same
            return self.raw[start : end + 1]
        os_ = norm._orig_starts
        k = bisect_right(ns, start) - 1
        j = bisect_right(ns, end) - 1
        return self.raw[os_[k] + (start - ns[k]) : os_[j] + (end - ns[j]) + 1]

    def is_word(self, i: int) -> bool:
        return self.texts[i][0].isalpha()


def read(raw: str, view: str, abbreviations: frozenset[str]) -> Doc:
    """Tokenise ``view`` (same length as ``raw``) into a :class:`Doc`."""
    norm = normalize(view)
    text = norm.text
    # split with the token pattern captured: [gap, token, gap, token, ..., gap]; a token starts where
    # the one before started, plus its length and the gap after it (running sums of those pairs)
    parts = _SPLIT.split(text)
    # the big per-token indices: the cyclic garbage collector never traverses int arrays, and stops
    # tracking a tuple of strings or ints the first time it sees it (lists would be traversed at
    # every collection, visiting every element)
    texts = tuple(parts[1::2])
    # a list while searched here (bisect is fastest on lists); the last sum is the end of the text
    starts = list(accumulate(map(add, map(len, texts), map(len, parts[2::2])), initial=len(parts[0])))
    starts.pop()
    del parts
    # sentences and quotes are gathered as plain ints and paired at the end, once ``starts`` is a
    # tuple: no container is made while the big list is alive (a collection would traverse it)
    sent_first: list[int] = []
    sent_end: list[int] = []
    sentence_of = array("q", bytes(8 * len(texts)))  # zeros
    paragraph_of_sentence: list[int] = []
    newlines = [m.start() for m in re.finditer("\n", text)]
    for s, e in split_sentences(text, abbreviations):
        a, b = bisect_left(starts, s), bisect_left(starts, e)
        paragraph = bisect_right(newlines, s)
        if a >= b:
            continue
        sentence_of[a:b] = array("q", (len(sent_first),)) * (b - a)
        sent_first.append(a)
        sent_end.append(b)
        paragraph_of_sentence.append(paragraph)
    quote_of = array("q", (-1,)) * len(texts)
    quote_first: list[int] = []
    quote_end: list[int] = []
    open_at = -1
    open_par = -1
    for pos in (m.start() for m in re.finditer('"', text)):
        i = bisect_left(starts, pos)
        par = paragraph_of_sentence[sentence_of[i]] if sent_first else 0
        if open_at >= 0 and par == open_par:
            quote_first.append(open_at + 1)
            quote_end.append(i)
            quote_of[open_at + 1 : i] = array("q", (len(quote_first) - 1,)) * (i - open_at - 1)
            open_at = -1
        else:
            open_at, open_par = i, par
    starts = tuple(starts)
    return Doc(
        raw,
        norm,
        texts,
        starts,
        sentence_of,
        list(zip(sent_first, sent_end, strict=True)),
        paragraph_of_sentence,
        quote_of,
        list(zip(quote_first, quote_end, strict=True)),
    )


def readings(lex: ContextLexicon, token: str) -> tuple[str, ...]:
    """``token`` and its readings without an attached prefix and/or article (memoised)."""
    found = lex.memo.get(token)
    if found is not None:
        return found
    out = [token]
    if lex.clitics:
        for clitic in lex.clitics:
            if token.startswith(clitic) and len(token) - len(clitic) >= 2:
                out.append(token[len(clitic) :])
        art = lex.article
        contracted = words_of(lex.lang).contracted_articles
        for t in list(out):
            if art and t.startswith(art) and len(t) - len(art) >= 2:
                out.append(t[len(art) :])
            for c in contracted:  # ل + ال contracts to لل
                if t.startswith(c) and len(t) - len(c) >= 2:
                    out.append(t[len(c) :])
                    out.append(art + t[len(c) :])
    result = tuple(dict.fromkeys(out))
    lex.memo[token] = result
    return result


def has_article(lex: ContextLexicon, token: str) -> bool:
    """True when ``token`` carries the definite article (after any attached prefix)."""
    if not lex.article:
        return False
    return any(r.startswith(lex.article) for r in readings(lex, token)) or any(
        c in token[: len(c) + 1] for c in words_of(lex.lang).contracted_articles
    )


def match_phrase(
    lex: ContextLexicon, index: PhraseIndex, texts: list[str], i: int, end: int
) -> tuple[int, object]:
    """Longest phrase of ``index`` starting at token ``i`` (before ``end``): (length, value) or (0, None)."""
    pair = _candidates(lex, index, texts, i, end)
    for toks, value in pair:
        n = len(toks)
        if i + n > end:
            continue
        for k in range(2, n):
            want, got = toks[k], texts[i + k]
            if want != got and want not in readings(lex, got):
                break
        else:
            return n, value
    return 0, None


def _candidates(lex: ContextLexicon, index: PhraseIndex, texts: Sequence[str], i: int, end: int) -> tuple:
    """The phrases of ``index`` that token ``i`` may start and whose second word token ``i + 1`` can be
    (memoised on the token, and on the two tokens)."""
    tok = texts[i]
    cands = index.memo.get(tok)
    if cands is None:
        if not index.by_first:
            return ()
        cands = tuple(e for reading in readings(lex, tok) for e in index.by_first.get(reading, ()))
        index.memo[tok] = cands
    if not cands:
        return ()
    nxt = texts[i + 1] if i + 1 < end else None
    pair = index.pair_memo.get((tok, nxt))
    if pair is None:
        pair = tuple(
            e
            for e in cands
            if len(e[0]) == 1 or (nxt is not None and (e[0][1] == nxt or e[0][1] in readings(lex, nxt)))
        )
        if len(index.pair_memo) >= 200_000:
            index.pair_memo.clear()
        index.pair_memo[tok, nxt] = pair
    return pair


def match_all(
    lex: ContextLexicon, index: PhraseIndex, texts: Sequence[str], i: int, end: int
) -> tuple[tuple[int, object], ...]:
    """Every phrase of ``index`` starting at token ``i`` and ending before ``end``: (length, value) in
    the order :func:`match_phrase` tries them, so for any ``stop <= end`` ``match_phrase(..., i, stop)``
    is the first of these with ``i + length <= stop`` (or ``(0, None)``). A phrase of two or more
    tokens that fits ``stop`` has its second token before ``stop``, so the candidates read for it are
    the same; each is then checked on the same tokens."""
    pair = _candidates(lex, index, texts, i, end)
    out = []
    for toks, value in pair:
        n = len(toks)
        if i + n > end:
            continue
        for k in range(2, n):
            want, got = toks[k], texts[i + k]
            if want != got and want not in readings(lex, got):
                break
        else:
            out.append((n, value))
    return tuple(out)


def key_token(lex: ContextLexicon, token: str) -> str:
    """A deterministic matching key of one word: prefixes and article dropped when certain (memoised)."""
    if not lex.article:
        return token
    found = lex.key_memo.get(token)
    if found is None:
        found = lex.key_memo[token] = _key_token(lex, token)
    return found


def _key_token(lex: ContextLexicon, token: str) -> str:
    for r in readings(lex, token)[1:]:
        if r.startswith(lex.article):
            return r[len(lex.article) :]
    known = words_of(lex.lang)
    for conj in known.glued_conjunctions:
        for c in known.contracted_articles:
            if token.startswith(conj) and token[len(conj) :].startswith(c):
                return token[len(conj) + len(c) :]
    for c in known.contracted_articles:
        if token.startswith(c) and len(token) - len(c) >= 2:
            return token[len(c) :]
    for conj in known.glued_conjunctions:
        if token.startswith(conj) and len(token) - len(conj) >= 3:
            return token[len(conj) :]
    return token
