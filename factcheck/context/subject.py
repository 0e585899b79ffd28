"""Subjects: the phrase saying what a figure counts, its entities and a matching key.

Three constructions: the counted noun with its complements ("شخص في مخيمي الهول والروج"),
a preceding "عدد X" / "the number of X" whose figure comes later in the sentence, and
inheritance across a change or "others" ("من 70 ألف شخص ... إلى نحو 30 ألفاً").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from factcheck import lexicon
from factcheck.context import entities
from factcheck.context.data import ContextLexicon, Gazetteer
from factcheck.context.tokens import Doc, key_token, match_phrase, readings
from factcheck.lexicon import words_of
from factcheck.text import scripts
from factcheck.text.normalize import strip_invisible

_SCRIPTS = scripts.get()
#: every script's commas, semicolons and question marks (``scripts.toml``), ":", ".", "!" and quotes
_BOUNDARY = frozenset(_SCRIPTS.commas + _SCRIPTS.semicolons + _SCRIPTS.question_marks + ':.!"')
_MAX_AFTER = 9
_MAX_MARKED = 10


@dataclass(slots=True)
class Subject:
    """A subject phrase over tokens ``first..last`` and the entities named in it."""

    first: int
    last: int
    text: str
    entities: tuple[str, ...]
    key: str


@cache
def _continuing_firsts(lang: str) -> frozenset[str]:
    """The first words of the language's ``continuing`` pairs ("ما" of "ما زال"): only these are
    tried against the next word."""
    return frozenset(a for a, _b in words_of(lang).continuing)


def is_marker(lex: ContextLexicon, tok: str) -> bool:
    """``عدد``, ``أعداد``, "number" ... with attached prefixes or glue ("فإنأعداد") (memoised)."""
    found = lex.marker_memo.get(tok)
    if found is None:
        found = lex.marker_memo[tok] = _is_marker(lex, tok)
    return found


def _is_marker(lex: ContextLexicon, tok: str) -> bool:
    if any(r in lex.markers for r in readings(lex, tok)):
        return True
    for glue in lex.marker_glue:
        rest = tok[len(glue) :] if tok.startswith(glue) else ""
        if rest and any(r in lex.markers for r in readings(lex, rest)):
            return True
    return False


_ST_END = 1  # a boundary or a digit
_ST_CLAUSE = 2  # a relative or complementiser
_ST_STOP = 4  # a stop word as written
_ST_READING = 8  # a stop word once a prefix is dropped
_ST_CONJ = 16  # may start a conjunction phrase


def _stop_flags(lex: ContextLexicon, tok: str) -> int:
    """What :meth:`SubjectFinder._stops` asks of one token, as bits (memoised per language)."""
    f = 0
    if tok in _BOUNDARY or tok[0].isdigit():
        f |= _ST_END
    if tok in lex.relatives or tok in lex.complementisers:
        f |= _ST_CLAUSE
    if tok in lex.subject_stop:
        f |= _ST_STOP
    rs = readings(lex, tok)
    if any(r in lex.subject_stop for r in rs[1:]):
        f |= _ST_READING
    if any(reading in lex.conjunctions.by_first for reading in rs):
        f |= _ST_CONJ
    if len(lex.stop_memo) >= 200_000:
        lex.stop_memo.clear()
    lex.stop_memo[tok] = f
    return f


class SubjectFinder:
    """Subjects of the figures of one document."""

    def __init__(
        self,
        doc: Doc,
        gaz: Gazetteer,
        mentions: list[entities.Mention],
        numeric: set[int],
        index: tuple[dict[int, entities.Mention], list[int]] | None = None,
    ) -> None:
        """``index``: ``mentions`` by first token and their first tokens, when already built."""
        self.doc = doc
        self.t = doc.texts
        self.gaz = gaz
        self.mentions = mentions
        if index is None:
            index = {m.first: m for m in mentions}, [m.first for m in mentions]
        self.mention_at, self.mention_firsts = index
        self.numeric = numeric  # tokens inside figures
        #: :meth:`marked` reads every token back (:meth:`marked_plain`, its oracle) when True
        self.plain = False
        self._numbers: list[int] | None = None  # ``numeric`` in order, made when first asked

    def _stops(self, lex: ContextLexicon, k: int, times: set[int], speech: set[int]) -> bool:
        tok = self.t[k]
        if k in times or k in speech or k in self.numeric:
            return True
        f = lex.stop_memo.get(tok)
        if f is None:
            f = _stop_flags(lex, tok)
        if f & _ST_END:
            return True
        known = words_of(lex.lang)
        # "ما زال" (still) keeps the phrase going
        if (
            tok in _continuing_firsts(lex.lang)
            and k + 1 < len(self.t)
            and any(tok == a and self.t[k + 1].startswith(b) for a, b in known.continuing)
        ):
            return False
        if f & _ST_CLAUSE:
            return True
        if f & _ST_STOP:
            # "reached 35" ends the phrase; "30 trucks reached Daraa" does not
            return not (tok in known.soft_stops and not any(self._figure(x) for x in range(k + 1, k + 4)))
        if f & _ST_READING and k not in self.mention_at:
            return True
        if not f & _ST_CONJ:
            return False
        n, _v = match_phrase(lex, lex.conjunctions, self.t, k, min(len(self.t), k + 3))
        return bool(n) and tok not in known.conjunctions_within

    def _figure(self, k: int) -> bool:
        return k < len(self.t) and (k in self.numeric or self.t[k][0].isdigit())

    def _joined_entity(self, lex: ContextLexicon, k: int) -> bool:
        """ "والروج", "and Roj": a conjunction that continues a list of names."""
        tok = self.t[k]
        known = words_of(lex.lang)
        if not known.glued_and:  # "and" is a word of its own
            return tok in known.and_words and (k + 1 in self.mention_at or k + 2 in self.mention_at)
        return tok.startswith(known.glued_and) and (
            k in self.mention_at or self._mention_after_open(k, known.and_words)
        )

    def _mention_after_open(self, k: int, and_words: frozenset[str]) -> bool:
        t = self.t
        return t[k] in and_words and k + 2 < len(t) and t[k + 1] == "(" and k + 2 in self.mention_at

    def extend(
        self, lex: ContextLexicon, k: int, end: int, limit: int, times: set[int], speech: set[int]
    ) -> int:
        """Last token of a phrase continuing from ``k`` (returns ``k - 1`` when nothing continues)."""
        start = k
        last = k - 1
        count = 0
        known = words_of(lex.lang)
        while k < end and count < limit:
            tok = self.t[k]
            if tok == "(":
                close = next((x for x in range(k + 1, min(end, k + 8)) if self.t[x] == ")"), None)
                if close is None:
                    break
                last = k = close
                k += 1
                continue
            if tok in ("/", "+", "-", "–", "'") and k + 1 < end and self.t[k + 1][0].isalpha():
                k += 1
                continue
            if not tok[0].isalpha():
                if tok == "(" or tok == ")":
                    k += 1
                    continue
                break
            if self._stops(lex, k, times, speech):
                break
            # "و" glued to a word starts a new phrase unless it joins names ("والروج")
            if (
                count > 0
                and tok.startswith(known.glued_and)
                and len(tok) > 3
                and not self._joined_entity(lex, k)
            ):
                break
            # a separate "and" does too ("and Roj" joins names)
            if not known.glued_and and tok in known.and_words and not self._joined_entity(lex, k):
                break
            m = self.mention_at.get(k)
            if m is not None:
                last = k = m.last
                k += 1
                count += 1
                continue
            last = k
            k += 1
            count += 1
        while last >= start and self.t[last][0].isalpha() and self.t[last] in lex.stop_words:
            last -= 1  # "... إلى", "... to": a phrase never ends on a preposition
        return last

    def marked(
        self, lex: ContextLexicon, start: int, claim_first: int, times: set[int], speech: set[int]
    ) -> tuple[int, int] | None:
        """The phrase after the nearest "عدد" / "the number of" before the figure, in its clause.

        The nearest figure token before it (bisected in the sorted figure tokens) ends the search;
        the tokens after that are looked up in one memo map and the markers among them tried
        nearest first (:meth:`marked_plain` reads the tokens back one by one)."""
        if self.plain:
            return self.marked_plain(lex, start, claim_first, times, speech)
        numbers = self._numbers
        if numbers is None:
            numbers = self._numbers = sorted(self.numeric)
        x = bisect_left(numbers, claim_first) - 1
        stop = numbers[x] if x >= 0 and numbers[x] >= start else start - 1  # the scan ends there
        if stop + 1 >= claim_first:
            return None
        t = self.t
        window = t[stop + 1 : claim_first]
        marks = list(map(lex.marker_memo.get, window))  # True: a marker (None: not yet known)
        if None in marks:
            for y, tok in enumerate(window):
                if marks[y] is None and tok[0].isalpha():
                    marks[y] = is_marker(lex, tok)
        if True not in marks:
            return None
        marks.reverse()  # nearest first
        y = 0
        while True:
            try:
                y = marks.index(True, y)
            except ValueError:
                return None
            k = claim_first - 1 - y
            y += 1
            tok = t[k]
            if not tok[0].isalpha():
                continue  # the scan only asks words
            j = k + 1
            if j < claim_first and t[j] in lex.not_after_marker:
                continue
            while j < claim_first and (
                t[j] in lex.marker_modifiers or any(r in lex.marker_modifiers for r in readings(lex, t[j]))
            ):
                j += 1
            if j >= claim_first:
                return self.before(lex, start, k, times, speech) if tok in lex.markers_before else None
            last = self.extend(lex, j, claim_first, _MAX_MARKED, times, speech)
            return (j, last) if last >= j else None

    def marked_plain(
        self, lex: ContextLexicon, start: int, claim_first: int, times: set[int], speech: set[int]
    ) -> tuple[int, int] | None:
        """:meth:`marked` by reading every token back from the figure to ``start``."""
        k = claim_first - 1
        numeric, t, memo = self.numeric, self.t, lex.marker_memo
        while k >= start:
            if k in numeric:
                return None
            tok = t[k]
            if not tok[0].isalpha():
                k -= 1
                continue
            mark = memo.get(tok)
            if mark is None:
                mark = is_marker(lex, tok)
            if mark:
                j = k + 1
                if j < claim_first and self.t[j] in lex.not_after_marker:
                    k -= 1
                    continue
                while j < claim_first and (
                    self.t[j] in lex.marker_modifiers
                    or any(r in lex.marker_modifiers for r in readings(lex, self.t[j]))
                ):
                    j += 1
                if j >= claim_first:
                    return self.before(lex, start, k, times, speech) if tok in lex.markers_before else None
                last = self.extend(lex, j, claim_first, _MAX_MARKED, times, speech)
                return (j, last) if last >= j else None
            k -= 1
        return None

    def before(
        self, lex: ContextLexicon, start: int, k: int, times: set[int], speech: set[int]
    ) -> tuple[int, int] | None:
        """The phrase before a marker that follows its subject ("repairing the grid would cost $1bn")."""
        last = k - 1
        while last >= start and self.t[last] in lex.auxiliaries:
            last -= 1
        first = last + 1
        while first > start and last - first < _MAX_MARKED and self._joins(lex, first - 1, times, speech):
            first -= 1
        return (first, last) if first <= last else None

    def _joins(self, lex: ContextLexicon, k: int, times: set[int], speech: set[int]) -> bool:
        tok = self.t[k]
        return (tok[0].isalpha() or tok == "'") and not self._stops(lex, k, times, speech)

    def counted(
        self,
        lex: ContextLexicon,
        claim_first: int,
        claim_last: int,
        unit_text: str | None,
        end: int,
        times: set[int],
        speech: set[int],
    ) -> tuple[int, int] | None:
        """The counted noun inside the figure's span and its complements after it."""
        words = _words(unit_text or "", lex)
        first = None
        if words:  # the unit's first word, by its key, within the figure's tokens (last first)
            key = key_token(lex, words[0])
            for k in range(claim_last, claim_first - 1, -1):
                if self.t[k][0].isalpha() and key_token(lex, self.t[k]) == key:
                    first = k
                    break
        if first is None:  # no noun of its own ("40 حافلة" unknown, "25 ألفاً آخرين"): what follows
            last = self.extend(lex, claim_last + 1, end, _MAX_AFTER, times, speech)
            return (claim_last + 1, last) if last > claim_last else None
        if _skips_adjectives(lex.lang):  # "30,000 Syrian refugees", "9 ISIS members": words in between
            numbers = _number_words(lex.lang)
            while (
                first - 1 >= claim_first
                and self.t[first - 1][0].isalpha()
                and numbers(self.t[first - 1]) is None
            ):
                first -= 1
        last = self.extend(lex, claim_last + 1, end, _MAX_AFTER, times, speech)
        return first, max(last, claim_last)

    def build(
        self,
        lex: ContextLexicon,
        first: int,
        last: int,
        unit: str | None,
        earlier: list[tuple[tuple[str, ...], str]] | entities.Recent,
    ) -> Subject:
        """The subject over tokens ``first..last``: its text, entities and key.

        All but the short references (looked up in ``earlier``) depends only on the phrase's tokens
        (and the one before it), its text as read, the exact mentions and figure tokens inside it and
        ``unit``: memoised on those.
        """
        doc = self.doc
        t = self.t
        firsts = self.mention_firsts
        numeric = self.numeric
        key = (
            lex.lang,
            tuple(t[first : last + 1]),
            t[first - 1] if first > 0 else None,
            entities.mentions_within(self.mentions, firsts, first, last),
            tuple([i - first for i in range(first, last + 1) if i in numeric]) if numeric else (),
            doc.raw_span(first, last),
            unit,
        )
        memo = self.gaz.subject_memo
        found = memo.get(key)
        if found is None:
            if len(memo) >= 100_000:
                memo.clear()
            found = memo[key] = self._parts(lex, first, last, unit, key[-2])
        text, names, steps, plain = found
        if plain is not None:  # no short reference to look up
            return Subject(first, last, text, names, plain)
        names = list(names)
        parts: list[str] = []
        for literal, ref_key in steps:
            if ref_key is not None:
                ref = entities.refer(earlier, ref_key)
                if ref is not None:
                    names.append(ref)
                    parts.append(ref.lower())
                    continue
            if literal is not None:
                parts.append(literal)
        return Subject(first, last, text, tuple(dict.fromkeys(names)), _joined_key(parts))

    def _parts(self, lex: ContextLexicon, first: int, last: int, unit: str | None, raw: str) -> tuple:
        """(text, names, steps, key or None): ``steps`` are (literal part, short-reference key) in order;
        the key is given when no step needs a look-up."""
        doc = self.doc
        text = " ".join(strip_invisible(raw).split())
        found = entities.in_span(doc, lex, self.gaz, first, last + 1, self.mentions, self.mention_firsts)
        names = [m.canonical for m in found]
        covered = {i for m in found for i in range(m.first, m.last + 1)}
        steps: list[tuple[str | None, str | None]] = [(unit, None)] if unit else []
        for i in range(first, last + 1):
            tok = self.t[i]
            if i in covered:
                m = next(m for m in found if m.first <= i <= m.last)
                if i == m.first:
                    steps.append((m.canonical.lower(), None))
                continue
            if not tok[0].isalpha():
                continue
            ref_key = entities.short_key(doc, lex, i) if i not in self.numeric else None
            key = key_token(lex, tok)
            literal = None if key in lex.stop_words or tok in lex.stop_words or key == (unit or "") else key
            if ref_key is not None or literal is not None:
                steps.append((literal, ref_key))
        if any(ref_key is not None for _literal, ref_key in steps):
            return text, tuple(names), tuple(steps), None
        uniq = tuple(dict.fromkeys(names))
        return text, uniq, (), _joined_key([literal for literal, _k in steps])


_KEYS: dict[tuple[str, ...], str] = {}  # key parts -> the joined key (pure)


def _joined_key(parts: list[str]) -> str:
    words = tuple(parts)
    found = _KEYS.get(words)
    if found is None:
        if len(_KEYS) >= 100_000:
            _KEYS.clear()
        found = _KEYS[words] = strip_invisible(" ".join(dict.fromkeys(words)))
    return found


def _skips_adjectives(lang: str) -> bool:
    """Does the language put words between a number and its noun (English "30,000 Syrian refugees";
    the lexicon's ``units.skippable.max_words``)?"""
    return lexicon.get(lang).skip_max > 0


def _number_words(lang: str):
    return lexicon.get(lang).number_word  # (lexicon is imported with words_of: no import per call)


_WORDS: dict[str, tuple[str, ...]] = {}  # unit text as written -> its words (phrase_tokens is pure)


def _words(text: str, lex: ContextLexicon) -> tuple[str, ...]:
    found = _WORDS.get(text)
    if found is None:
        from factcheck.lexicon import phrase_tokens

        if len(_WORDS) >= 100_000:
            _WORDS.clear()
        found = _WORDS[text] = tuple(w for w in phrase_tokens(text) if w[0].isalpha())
    return found
