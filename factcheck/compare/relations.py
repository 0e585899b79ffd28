"""Arithmetic relations stated between the figures of one article, whatever their word order.

The claims of one document are read as *figures* (a claim with the interval its wording and precision
allow, the unit it takes from its own words or from the total it belongs to) and linked into relations:

- ``parts_total``: a total and its parts ("45 killed, including 12 children"; "منها"; "توزعت على"; a list
  followed by "giving the three parties 87"); ``complete`` when the parts are the whole breakdown;
- ``percent_of``: a share ("X% of Y, or N"; "N, or X% of Y"; "N out of Y ... X%"; "a third of them");
  a share without its own base takes the latest total of the right kind;
- ``percent_change``: a change stated with its before and after values, in percent or points;
- ``rate``: a figure per unit ("per 1,000 people", "لكل أسرة", "for each of the N residents", "each",
  "one soldier for every 50 metres") with the total and the count it divides;
- ``conversion``: a figure restated in another unit beside it ("50 km (31 miles)", "12,000 t, or 12m kg").

Cue words are language data (the ``[arithmetic]`` section of ``factcheck/lexicon/{ar,en}.toml``); this
module only reads positions, units and cue tokens. :mod:`factcheck.compare.solver` checks the relations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise

from factcheck.context.kinds import TIMES
from factcheck.lexicon import LANGS as _LANGS
from factcheck.lexicon import articles, fold, phrase_tokens, words
from factcheck.model import Claim
from factcheck.text import scripts

PERCENT = "percent"
POINTS = "percentage_point"
#: units of ratios, which meet no count: shares, percentage points, multiples ("25 times the price")
_RATIOS = frozenset({PERCENT, POINTS, TIMES})
_SCRIPTS = scripts.get()
#: punctuation of every script, as regex class bodies: commas (",", "،") and semicolons
_COMMA = scripts.char_class(_SCRIPTS.commas)
_SEMI = scripts.char_class(_SCRIPTS.semicolons)
#: a word token as :func:`factcheck.lexicon.phrase_tokens` reads one (digits, or letters)
_WORD = re.compile(r"\d+|[^\W\d_]+")
_SENTENCE_END = re.compile(
    rf"[{scripts.char_class(_SCRIPTS.spaced_ends)}](?=\s|$)|[{scripts.char_class(_SCRIPTS.bare_ends)}]|\n"
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_DIGIT = re.compile(rf"[0-9{scripts.char_class(_SCRIPTS.digits)}]")
_ATTRIBUTIVE = re.compile(rf"{_DIGIT.pattern}-[^\W\d_]")  # "407-seat": the size of a whole, never a part
_UNIT_WORDS_THEN = re.compile(rf"\s*(?:[^\s\d(){_COMMA}]+\s*){{0,2}}(\(|[{_COMMA}]|$)")
_LIST_MARK = re.compile(f"[{_COMMA}{_SEMI}]")
_LIST_MARK_AFTER = re.compile(rf"\s*[{_COMMA}{_SEMI}]")
_COMMA_RE = re.compile(f"[{_COMMA}]")
_OPENS_ASIDE = re.compile(f"[{_COMMA}(:]")
_ASIDE_BEFORE = re.compile(rf"[{_COMMA}:;(]\s*$")


# ---------------------------------------------------------------- cue data


@dataclass(frozen=True, slots=True)
class Cues:
    """The ``[arithmetic]`` cue phrases of one language, folded and tokenised, longest first."""

    roles: dict[str, tuple[tuple[str, ...], ...]]
    units: dict[tuple[str, ...], str]
    fractions: dict[str, float]
    suffixes: tuple[str, ...]
    #: glued before a fraction word ("وثلثهم"), and before the noun of a per cue ("للأسرة")
    fraction_prefixes: tuple[str, ...] = ()
    per_noun_prefixes: tuple[str, ...] = ()
    #: the language's glued article ("ال")
    article: str = ""

    def of(self, role: str) -> tuple[tuple[str, ...], ...]:
        return self.roles.get(role, ())


ROLES = (
    "parts", "breakdown", "total_before", "sum_after", "joiners", "of", "out_of", "equals",
    "change_before", "change_after", "up", "down", "from", "to", "per", "per_end", "per_one", "people",
    "population", "inverse", "conversion", "stop", "unstated", "back_ref", "parts_lead", "base_intro",
    "saved", "dead", "missing", "parts_opening", "sum_whole", "from_after_change", "from_bare",
)  # fmt: skip
#: lists of ``[arithmetic]`` that are no cue phrases: glued prefixes and suffixes, unit names
_LISTS = ("fraction_suffixes", "fraction_prefixes", "per_noun_prefixes", "unit_names")


def _validate(data: dict, path: str) -> dict:
    from factcheck.errors import ConfigError

    section = data.get("arithmetic")
    if not isinstance(section, dict):
        raise ConfigError(
            "arithmetic: missing section (cue words of the in-article arithmetic checks)", path=path
        )
    for key, value in section.items():
        if key in ("units", "fractions"):
            if not isinstance(value, dict):
                raise ConfigError(f"arithmetic.{key}: expected a table", path=path)
            continue
        if key in _LISTS or key in ROLES:
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"arithmetic.{key}: expected a list of non-empty strings", path=path)
            continue
        raise ConfigError(
            f"arithmetic.{key}: unknown key (one of {', '.join(ROLES)}, units, fractions)", path=path
        )
    for word, value in section.get("fractions", {}).items():
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value < 1:
            raise ConfigError(f"arithmetic.fractions.{word}: expected a number between 0 and 1", path=path)
    names = set(section.get("unit_names", []))
    for phrase, unit in section.get("units", {}).items():
        if not isinstance(unit, str) or unit not in names:
            raise ConfigError(f"arithmetic.units.{phrase}: expected one of arithmetic.unit_names", path=path)
    return section


@cache
def cues(lang: str) -> Cues:
    """The arithmetic cues of ``lang`` (``ar`` or ``en``; anything else reads as English), built once
    per installed package and kept in the on-disk cache."""
    from factcheck import cache as disk_cache

    lang = lang if lang in _LANGS else "en"
    return disk_cache.built(f"cues-{lang}", lambda: _cues(lang))


def _cues(lang: str) -> Cues:
    from factcheck import cache as disk_cache

    data = disk_cache.toml(resources.files("factcheck.lexicon").joinpath(f"{lang}.toml").read_bytes())
    section = _validate(data, f"factcheck/lexicon/{lang}.toml")
    roles = {}
    for role in ROLES:
        toks = {phrase_tokens(p) for p in section.get(role, [])}
        roles[role] = tuple(sorted((t for t in toks if t), key=len, reverse=True))
    # the unit words of [units.after] for the units arithmetic reads, and its own words for them
    names = set(section.get("unit_names", []))
    after = data.get("units", {}).get("after", {})
    words = {**{k: v for k, v in after.items() if v in names}, **section.get("units", {})}
    found = {phrase_tokens(k): v for k, v in words.items()}
    units = {t: found[t] for t in sorted(found, key=len, reverse=True) if t}  # longest first
    fractions = {fold(k): float(v) for k, v in section.get("fractions", {}).items()}
    suffixes = tuple(sorted((fold(s) for s in section.get("fraction_suffixes", [])), key=len, reverse=True))
    article = data.get("meta", {}).get("article", "")
    return Cues(
        roles,
        units,
        fractions,
        suffixes,
        fraction_prefixes=tuple(fold(p) for p in section.get("fraction_prefixes", [])),
        per_noun_prefixes=tuple(fold(p) for p in section.get("per_noun_prefixes", [])),
        article=fold(article) if isinstance(article, str) else "",
    )


#: phrase lists by identity -> (the list, its phrases by first token, its phrases by last token); the
#: lists are the cached lexicon cues, so they live as long as this cache
_PHRASE_INDEX: dict[int, tuple[object, dict, dict]] = {}


def _indexed(phrases) -> tuple[dict, dict]:
    """The phrases of ``phrases`` by first and by last token, each in the list's own order."""
    got = _PHRASE_INDEX.get(id(phrases))
    if got is None or got[0] is not phrases:
        first: dict[str, list] = {}
        last: dict[str, list] = {}
        for p in phrases:
            if p:
                first.setdefault(p[0], []).append(p)
                last.setdefault(p[-1], []).append(p)
        if len(_PHRASE_INDEX) > 256:  # only passed lists that are not the cues' own
            _PHRASE_INDEX.clear()
        got = _PHRASE_INDEX[id(phrases)] = (phrases, first, last)
    return got[1], got[2]


def starts_with(tokens: tuple[str, ...], phrases) -> tuple[str, ...] | None:
    """The first of ``phrases`` that ``tokens`` begin with (the phrases are never empty)."""
    if not tokens:
        return None
    for p in _indexed(phrases)[0].get(tokens[0], ()):
        if tokens[: len(p)] == p:
            return p
    return None


def ends_with(tokens: tuple[str, ...], phrases) -> tuple[str, ...] | None:
    """The first of ``phrases`` that ``tokens`` end with."""
    if not tokens:
        return None
    for p in _indexed(phrases)[1].get(tokens[-1], ()):
        if len(tokens) >= len(p) and tokens[len(tokens) - len(p) :] == p:
            return p
    return None


def find(tokens: tuple[str, ...], phrases) -> int:
    """Index just after the first occurrence of any phrase in ``tokens`` (-1 when none): the
    earliest end over every phrase's first occurrence."""
    first = _indexed(phrases)[0]
    best = -1
    for i, t in enumerate(tokens):
        if best >= 0 and i >= best:
            break  # a phrase starting here ends after ``best``
        for p in first.get(t, ()):
            n = len(p)
            if tokens[i : i + n] == p and (best < 0 or i + n < best):
                best = i + n
    return best


def plain_starts_with(tokens: tuple[str, ...], phrases) -> tuple[str, ...] | None:
    """:func:`starts_with` by trying every phrase (its oracle)."""
    for p in phrases:
        if tokens[: len(p)] == p:
            return p
    return None


def plain_ends_with(tokens: tuple[str, ...], phrases) -> tuple[str, ...] | None:
    for p in phrases:
        if len(tokens) >= len(p) and tokens[len(tokens) - len(p) :] == p:
            return p
    return None


def plain_find(tokens: tuple[str, ...], phrases) -> int:
    best = -1
    for p in phrases:
        n = len(p)
        for i in range(len(tokens) - n + 1):
            if tokens[i : i + n] == p:
                if best < 0 or i + n < best:
                    best = i + n
                break
    return best


# ---------------------------------------------------------------- figures


@dataclass(slots=True, eq=False)
class Fig:
    """A claim as the arithmetic reads it."""

    claim: Claim | None  #: None for a fraction word the extractor does not read ("نصفهم")
    start: int
    end: int
    value: float
    lo: float
    hi: float
    unit: str | None
    noun: str | None  #: the counted noun or unit word as folded text (for figures without a unit)
    sent: int
    para: int
    text: str
    before: bool = False  #: the "from" side of a change: a past value
    to: bool = False  #: the "to" side of a change
    attributive: bool = False  #: "407-seat"
    fraction: bool = False  #: a share written as a fraction word ("half", "a third", "نصفهم")
    used: set = field(default_factory=set)  #: relation kinds it already takes part in

    @property
    def is_percent(self) -> bool:
        return self.unit == PERCENT

    @property
    def is_share(self) -> bool:
        return self.unit == PERCENT or self.fraction


def _counted(unit: str | None) -> bool:
    from factcheck.compare.units import is_count

    return unit is None or (unit not in (PERCENT, POINTS) and is_count(unit))


def steps(value: float, precision: float | None) -> tuple[float, float]:
    """(fine, coarse) rounding steps of a stated value: 41,200 -> (100, 100); 1,850 -> (10, 10); 100 ->
    (10, 100); 7,000 -> (100, 1,000); 2.1 -> (0.1, 0.1). A figure with one significant digit is read
    as exact to a tenth of its place unless hedged (then the whole place, as a reader takes "about 100")."""
    v = abs(value)
    if v and float(v).is_integer() and v >= 1:
        m, tz = int(v), 0
        while m % 10 == 0:
            m //= 10
            tz += 1
        coarse = float(10**tz)
        fine = coarse if m >= 10 else float(10 ** max(tz - 1, 0))
        if precision and precision < 1:
            fine = coarse = float(precision)
        return fine, coarse
    p = float(precision) if precision else 1.0
    if v and p >= v:
        p = 10 ** (len(f"{v:.10g}".split(".")[-1]) * -1) if "." in f"{v:.10g}" else 1.0
    return p, p


def interval(value: float, low, high, bound: str, precision) -> tuple[float, float]:
    """The values a stated figure allows at its precision and hedge (as a reader takes them)."""
    if bound == "range" and low is not None and high is not None:
        f1, _ = steps(float(low), precision)
        f2, _ = steps(float(high), precision)
        return float(low) - f1 / 2, float(high) + f2 / 2
    fine, coarse = steps(value, precision)
    if bound == "approx":
        return value - coarse / 2, value + coarse / 2
    if bound in ("more_than", "at_least"):
        return value - fine / 2, value + coarse
    if bound in ("less_than", "at_most"):
        return min(0.0, value), value + fine / 2  # "up to 17%": that or less
    return value - fine / 2, value + fine / 2


def segments(text: str) -> tuple[list[int], list[int]]:
    """Start offsets of sentences and of paragraphs."""
    sents = [0]
    for m in _SENTENCE_END.finditer(text):
        sents.append(m.end())
    paras = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    return sents, paras


def _index(starts: list[int], pos: int) -> int:
    """The index of the last start at or before ``pos`` (0 when none is)."""
    return max(bisect_right(starts, pos) - 1, 0)


def span_words(text: str, start: int, end: int) -> tuple[str, ...]:
    """Folded word tokens of ``text[start:end]``, read on their own (the oracle of :class:`_WordIndex`)."""
    return tuple(t for t in phrase_tokens(text[max(0, start) : end]) if t.isalnum())


class _WordIndex:
    """The folded word tokens of a whole text, read once, with their spans in the text as read.

    Folding works character by character (a character is kept, replaced by one, or dropped), so the
    tokens of a span are the tokens lying inside it, plus the cut pieces of a token the span's ends
    fall within; those few are read on their own, as :func:`span_words` reads every span.
    """

    __slots__ = ("ends", "starts", "text", "words")

    def __init__(self, text: str) -> None:
        from factcheck.text.normalize import normalize

        norm = normalize(text)
        self.text = text
        spans = [m.span() for m in _WORD.finditer(norm.text)]
        self.words = [norm.text[a:b] for a, b in spans]
        self.starts, self.ends = norm.orig_spans(spans)

    def within(self, start: int, end: int) -> tuple[str, ...]:
        if end <= start:
            return ()
        i = bisect_right(self.ends, start)  # the first word ending after ``start``
        j = bisect_left(self.starts, end)  # past the last word starting before ``end``
        if i >= j:
            return ()
        if j - i == 1 and (self.starts[i] < start or self.ends[i] > end):
            return tuple(_piece(self.text[start:end]))
        got = self.words[i:j]
        if self.starts[i] < start:
            got[:1] = _piece(self.text[start : self.ends[i]])
        if self.ends[j - 1] > end:
            got[-1:] = _piece(self.text[self.starts[j - 1] : end])
        return tuple(got)


def _piece(text: str) -> list[str]:
    """The words of a piece of one word, folded as :func:`span_words` folds them."""
    from factcheck.text.normalize import folded

    return _WORD.findall(folded(text))


class Article:
    """One document's text, its figures and the cue lookups around them.

    The figures are in text order, so the figures of one sentence (and of a run of sentences) are one
    slice of ``figs``: every look around a figure reads only the slice of the sentences it may reach
    (:meth:`span`), which keeps a long document linear. ``plain`` reads the whole list every time
    instead, the same relations the simple way (the oracle the tests hold the indexed reading to).
    """

    def __init__(self, text: str, claims: list[Claim], lang: str, *, plain: bool = False) -> None:
        self.text = text
        self.lang = lang
        self.plain = plain
        self.cues = cues(lang)
        self.sents, self.paras = segments(text)
        self._tokens: dict[tuple[int, int], tuple[str, ...]] = {}  #: spans read more than once
        self._words = None if plain else _WordIndex(text)
        figs = [f for f in (self._figure(c) for c in claims) if f is not None]
        figs += self._fraction_words(figs)
        figs.sort(key=lambda f: f.start)
        self.figs = figs
        self._sent_of = [f.sent for f in figs]  #: nondecreasing: figures and sentences in text order
        self._mark_changes()
        self._inherit_units()

    # -- text around figures

    def tokens(self, start: int, end: int) -> tuple[str, ...]:
        """Folded word tokens of a span (punctuation left out; ``raw_gap`` keeps it)."""
        if end <= start:
            return ()
        got = self._tokens.get((start, end))
        if got is None:
            if self._words is None:
                got = span_words(self.text, start, end)
            else:
                got = self._words.within(max(0, start), end)
            self._tokens[start, end] = got
        return got

    def inner_start(self, f: Fig) -> int:
        """Where a figure's number starts (after its own prefix words: "لتصل إلى 3.6", "و41")."""
        m = _DIGIT.search(self.text, f.start, f.end)
        return m.start() if m and f.claim is not None else f.start

    def lead(self, f: Fig, width: int = 60) -> tuple[str, ...]:
        """Tokens just before a figure's number (its own prefix words included)."""
        lo = max(self.sents[f.sent], f.start - width)
        return self.tokens(lo, self.inner_start(f))

    def tail(self, f: Fig, width: int = 60) -> tuple[str, ...]:
        stop = self.sents[f.sent + 1] if f.sent + 1 < len(self.sents) else len(self.text)
        return self.tokens(f.end, min(stop, f.end + width))

    def gap(self, a: Fig, b: Fig) -> tuple[str, ...]:
        return self.tokens(a.end, b.start) if a.end <= b.start else ()

    def raw_gap(self, a: Fig, b: Fig) -> str:
        return self.text[a.end : b.start] if a.end <= b.start else ""

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Index bounds in ``figs`` of the figures of sentences ``first`` to ``last`` (the whole list
        when ``plain``; callers still test the sentence of every figure they read)."""
        if self.plain:
            return 0, len(self.figs)
        return bisect_left(self._sent_of, first), bisect_right(self._sent_of, last)

    def in_sentence(self, f: Fig) -> list[Fig]:
        a, b = self.span(f.sent, f.sent)
        return [g for g in self.figs[a:b] if g.sent == f.sent]

    # -- building figures

    def _figure(self, c: Claim) -> Fig | None:
        value = c.value if c.value is not None else (c.low if c.low is not None else c.high)
        if value is None:
            return None
        value = float(value)
        lo, hi = interval(value, c.low, c.high, c.bound, c.precision)
        sent, para = _index(self.sents, c.start), _index(self.paras, c.start)
        unit, noun = self._unit(c)
        fraction = c.unit is None and 0 < value < 1 and not _DIGIT.search(c.text)
        if fraction:
            lo, hi = self._fraction_interval(value, c.bound)
        elif c.bound == "exact" and float(value).is_integer() and value % 10 and _counted(unit):
            lo = hi = value  # "28 rescued": a count of whole people is exact, not 27.5-28.5
        return Fig(
            c, c.start, c.end, value, lo, hi, unit, noun, sent, para, c.text,
            attributive=bool(_ATTRIBUTIVE.search(self.text[c.start : c.end + 1])),
            fraction=fraction,
        )  # fmt: skip

    @staticmethod
    def _fraction_interval(value: float, bound: str | None) -> tuple[float, float]:
        """A fraction word as a share in percent: "a third" is read as roughly 33% (±2.5 points)."""
        pct = value * 100
        if bound == "approx":
            return pct - 5, pct + 5
        if bound in ("more_than", "at_least"):
            return pct, pct + 10
        if bound in ("less_than", "at_most"):
            return pct - 10, pct
        return pct - 2.5, pct + 2.5

    def _unit(self, c: Claim) -> tuple[str | None, str | None]:
        """The unit, corrected by the arithmetic unit phrases right after the number ("square km",
        "ميلا بحريا", "فدان", "GWh"), and the counted noun word."""
        from factcheck.lexicon import get

        digits = list(_DIGIT.finditer(self.text, c.start, c.end))
        pos = digits[-1].end() if digits else c.start
        after = self.tokens(pos, c.end + 40)
        numbers = get(self.lang if self.lang in _LANGS else "en").numbers
        while after and (after[0].isdigit() or after[0] in numbers):
            after = after[1:]
        unit = c.unit
        for skip in (0, 1):
            found = starts_with(after[skip:], self.cues.units)
            if found:
                unit = self.cues.units[found]
                break
        noun = fold(c.unit_text) if c.unit_text else None
        if noun is None and after:
            word = after[0]
            noun = word if word.isalpha() and len(word) > 2 else None
        return unit, noun

    def _fraction_words(self, figs: list[Fig]) -> list[Fig]:
        """Fraction words with a pronoun that the extractor leaves out ("نصفهم", "ثلثاهم")."""
        if not self.cues.fractions or not self.cues.suffixes:
            return []
        taken = sorted((f.start, f.end) for f in figs)
        starts = [a for a, _b in taken]
        reach = []  #: the furthest end of the figures starting at or before each one
        for _a, b in taken:
            reach.append(max(b, reach[-1]) if reach else b)

        def inside(pos: int) -> bool:
            """``pos`` lies within a figure (``a <= pos < b``)."""
            if self.plain:
                return any(a <= pos < b for a, b in taken)
            k = bisect_right(starts, pos)
            return k > 0 and reach[k - 1] > pos

        out = []
        for m in re.finditer(r"[^\W\d_]+", self.text):
            word = fold(m.group())
            for prefix in ("", *self.cues.fraction_prefixes):
                if not word.startswith(prefix):
                    continue
                stem = word[len(prefix) :]
                nxt = self.text[m.end() : m.end() + 4].lstrip()
                art = self.cues.article  # "ثلثي السكان"
                bare = stem in self.cues.fractions and bool(art) and fold(nxt[: len(art)]) == art
                for suffix in ("",) * bare + self.cues.suffixes:
                    if stem.endswith(suffix) and stem[: len(stem) - len(suffix)] in self.cues.fractions:
                        if inside(m.start()):
                            break
                        value = self.cues.fractions[stem[: len(stem) - len(suffix)]]
                        bound = self._hedge_before(m.start())
                        lo, hi = self._fraction_interval(value, bound)
                        sent, para = _index(self.sents, m.start()), _index(self.paras, m.start())
                        out.append(
                            Fig(
                                None,
                                m.start(),
                                m.end(),
                                value,
                                lo,
                                hi,
                                None,
                                None,
                                sent,
                                para,
                                m.group(),
                                fraction=True,
                            )
                        )
                        break
                else:
                    continue
                break
        return out

    def _hedged(self, f: Fig) -> bool:
        """The words before the figure's number end with a hedge of the lexicon ("up to 17%")."""
        from factcheck.lexicon import get

        lex = get(self.lang if self.lang in _LANGS else "en")
        toks = self.tokens(max(0, f.start - 30), self.inner_start(f))
        if not toks:
            return False
        return any(
            toks[len(toks) - len(phrase) :] == phrase and bound in ("at_most", "less_than")
            for phrase, bound in lex.hedges_before.by_last.get(toks[-1], [])
        )

    def _hedge_before(self, pos: int) -> str:
        from factcheck.lexicon import get

        lex = get(self.lang if self.lang in _LANGS else "en")
        toks = self.tokens(max(0, pos - 30), pos)
        for n in (3, 2, 1):
            if len(toks) >= n:
                for phrase, bound in lex.hedges_before.by_last.get(toks[-1], []):
                    if toks[len(toks) - len(phrase) :] == phrase:
                        return bound
        return "exact"

    def _mark_changes(self) -> None:
        """The from side ("from 200", "up from", "مقارنة بـ") and the to side of a change. A bare
        "من" is a from side only with its "إلى" figure after it ("من 60 ألفاً إلى 90 ألفاً")."""
        c = self.cues
        bare = {}
        for f in self.figs:
            lead = self.lead(f, 40)
            hit = ends_with(lead, c.of("from"))
            if hit:
                f.before = True
                bare[id(f)] = hit in c.of("from_bare")
            if ends_with(lead, c.of("to")):
                f.to = True
                if f.claim is not None and f.claim.bound in ("at_most", "less_than") and not self._hedged(f):
                    # "لتصل إلى 3.6 مليار": the to side of a change, read as a bound by the extractor
                    f.lo, f.hi = interval(f.value, None, None, "exact", f.claim.precision)
        for k, a in enumerate(self.figs):
            # "بانخفاض 25 في المئة عن 7.2 مليار", "25% lower than 7.2bn": the figure right after a change
            prev = self.figs[k - 1] if k else None
            if (
                prev is not None
                and prev.sent == a.sent
                and prev.unit in (PERCENT, POINTS)
                and a.unit != prev.unit
            ):
                gap = self.tokens(prev.end, self.inner_start(a))
                if gap and starts_with(gap, c.of("from_after_change")) == gap:
                    a.before = True
                    bare[id(a)] = False
            if bare.get(id(a)):  # "من X إلى Y" or "إلى Y ... من X": a neighbour is the to side
                near = [b for b in self.figs[max(0, k - 1) : k + 2] if b is not a and b.sent == a.sent]
                if not any(b.to for b in near):
                    a.before = False

    def _inherit_units(self) -> None:
        """A figure with no unit of its own takes the unit of the other side of its change."""
        for f in self.figs:
            if f.unit is not None or f.fraction or f.claim is None or not (f.before or f.to):
                continue
            same = [g for g in self.in_sentence(f) if g is not f and g.unit not in (None, PERCENT, POINTS)]
            partner = [g for g in same if (g.to if f.before else g.before)]
            if partner:
                g = min(partner, key=lambda g: abs(g.start - f.start))
                f.unit, f.noun = g.unit, f.noun or g.noun


# ---------------------------------------------------------------- unit compatibility


@cache
def _generic() -> frozenset[str]:
    from factcheck.compare.checks import registry_data

    return frozenset(registry_data().get("arithmetic", {}).get("generic_units", []))


def convertible(a: str | None, b: str | None) -> bool:
    from factcheck.compare import solver

    return a is not None and b is not None and solver.pint_factor(a, b) is not None


def compatible(a: Fig, b: Fig, *, counts: bool = False) -> bool:
    """Two figures in one unit: the same unit, convertible units, a figure without a unit or counted
    by a noun no lexicon lists ("57 راكباً" may be the people the parts count), generic counted nouns
    ("people" meets "civilians"), or (``counts``) any two counted nouns."""
    from factcheck.compare.units import is_count, is_open

    ua, ub = a.unit, b.unit
    if ua in _RATIOS or ub in _RATIOS:
        return ua == ub  # a share, points or a multiple ("25 times") meet only their own kind
    if ua is None or ub is None or ua == ub or is_open(ua) or is_open(ub):
        return True
    if convertible(ua, ub):
        return True
    if ua.split("/")[0] == ub.split("/")[0]:  # bbl and bbl/d: parts of a daily figure
        return True
    if a.noun and b.noun and (a.noun.endswith(b.noun) or b.noun.endswith(a.noun)):
        return True  # "Lebanese pounds" and "pounds"
    if is_count(ua) and is_count(ub):
        return counts or ua in _generic() or ub in _generic()
    return False


# ---------------------------------------------------------------- relations


@dataclass(slots=True)
class Relation:
    kind: str  #: the check: parts_total, percent_of, percent_change, rate, conversion
    derived: Fig  #: the stated figure that should follow from the others
    inputs: list[Fig]
    complete: bool = False  #: parts_total: the parts are the whole breakdown
    per: float = 1.0  #: rate: "per 1,000" -> 1000
    inverse: bool = False  #: rate: "one soldier for every 50 metres" (derived is length per item)
    direction: int = 0  #: change: +1 rise, -1 fall, 0 unstated
    cue: str = ""  #: the cue words that state the relation, as written


def collect(article: Article) -> list[Relation]:
    """Every relation stated in the article (each figure takes part in at most one of each kind)."""
    out: list[Relation] = []
    out += conversions(article)
    out += changes(article)
    out += parts(article)
    for rel in out:
        if rel.kind == "parts_total":
            rel.derived.used.add("total")
            for f in rel.inputs:
                f.used.add("part")
    out += rates(article)
    out += shares(article)
    out += restatements(article)
    return out


def _cue_text(article: Article, a: Fig, b: Fig) -> str:
    return " ".join(article.raw_gap(a, b).split())[:60]


def conversions(art: Article) -> list[Relation]:
    """ "330 km (205 miles)", "12,000 tonnes, or 12 million kg": the same figure in another unit."""
    out = []
    for a, b in zip(art.figs, art.figs[1:], strict=False):
        if a.unit is None or b.unit is None or a.unit == b.unit or a.sent != b.sent:
            continue
        raw = art.text[a.end : art.inner_start(b)]
        # the first figure's own unit words may stand outside its claim: "10 آلاف فدان (نحو 42 ألف هكتار)"
        m = _UNIT_WORDS_THEN.match(raw)
        if m is None or len(raw) > 30 or not convertible(a.unit, b.unit):
            continue
        rest = art.tokens(a.end + m.end(), art.inner_start(b))
        if m.group(1) != "(" and not (rest and starts_with(rest, art.cues.of("conversion")) == rest):
            continue
        raw = raw.strip()
        out.append(Relation("conversion", b, [a], cue=raw or ","))
        a.used.add("conversion")
        b.used.add("conversion")
    return out


def _change_percent(art: Article, figs: list[Fig], before: Fig, after: Fig) -> Fig | None:
    """The stated change of a before/after pair: a percentage (or points) with a change cue."""
    c = art.cues
    best = None
    for p in figs:
        if p in (before, after) or not (p.unit in (PERCENT, POINTS) or p.fraction) or "change" in p.used:
            continue
        lead, tail = art.lead(p, 40)[-4:], art.tail(p, 25)
        nxt = [f for f in figs if f.start > p.end]
        if starts_with(tail, c.of("of")) and p.unit != POINTS and not (nxt and nxt[0] is before):
            continue  # "116% of GDP": a share (but "بنسبة 25 في المئة من 60 ألفاً إلى 90 ألفاً" is a change)
        cued = find(lead, c.of("change_before")) >= 0 or starts_with(tail, c.of("change_after"))
        if not cued and p.unit != POINTS:
            continue
        if best is None or abs(p.start - after.start) < abs(best.start - after.start):
            best = p
    return best


def _direction(art: Article, p: Fig, pair: tuple[Fig, Fig]) -> int:
    """+1 for a stated rise, -1 for a fall, 0 when unstated: the last direction word before the
    percentage in its sentence, else the first just after it ("a 25% drop")."""
    lead = art.lead(p, 120)
    up, down = art.cues.of("up"), art.cues.of("down")
    for i in range(len(lead), 0, -1):
        if ends_with(lead[:i], up):
            return 1
        if ends_with(lead[:i], down):
            return -1
    tail = art.tail(p, 25)[:3]
    u, d = find(tail, up), find(tail, down)
    if u < 0 and d < 0:
        return 0
    return 1 if d < 0 or 0 <= u < d else -1


def changes(art: Article) -> list[Relation]:
    """ "rose 50% from 200 to 300", "to 3.6bn, compared with 3.4bn ... up 12%", "a decline of 27 points"."""
    out = []
    for b in art.figs:
        if not b.before or b.claim is None:
            continue
        same = art.in_sentence(b)
        cands = [
            a for a in same
            if a is not b and not a.before and a.claim is not None and not a.fraction and a.unit != POINTS
            and a.is_percent == b.is_percent and compatible(a, b)
        ]  # fmt: skip
        if b.unit is None:
            cands = [a for a in cands if a.to or a.unit is None]
        else:  # a figure without a unit is the other side only when a "to" marks it
            cands = [a for a in cands if a.unit is not None or a.to]
        if not cands:
            continue
        marked = [a for a in cands if a.to]
        pool = marked or [a for a in cands if a.start < b.start]
        if not pool:
            continue
        after = min(pool, key=lambda a: abs(a.start - b.start))
        p = _change_percent(art, same, b, after)
        if p is None:
            continue
        p.used.add("change")
        out.append(Relation("percent_change", p, [b, after], direction=_direction(art, p, (b, after))))
    return out


def _joined(art: Article, a: Fig, b: Fig) -> bool:
    """``b`` continues a list after ``a`` ("and", ",", "و", "فيما"; "و" may be glued to the figure)."""
    inner = art.inner_start(b)
    toks = art.tokens(a.end, inner)
    if len(toks) > 8 or find(toks, art.cues.of("stop")) >= 0 or ends_with(toks, art.cues.of("from")):
        return False
    raw = art.text[a.end : inner]
    return bool(find(toks, art.cues.of("joiners")) >= 0 or _LIST_MARK.search(raw) or not toks)


FATES = ("saved", "dead", "missing")


def _fate(art: Article, f: Fig) -> str | None:
    """What happened to the people a figure counts, from the words around it: saved, dead, missing."""
    near = art.lead(f, 30)[-3:] + art.tokens(f.start, f.end) + art.tail(f, 40)[:3]
    for fate in FATES:
        if find(near, art.cues.of(fate)) >= 0:
            return fate
    return None


def _other_fates(art: Article, total: Fig, parts: list[Fig]) -> list[Fig]:
    """A group split by what happened to it ("42 on board: 28 rescued, 6 missing") also counts the
    fates stated in the sentences around it for the same people ("9 bodies of migrants")."""
    fates = {_fate(art, p) for p in parts} - {None}
    if not fates or total.noun is None:
        return []
    out = []
    a, b = art.span(total.sent - 1, total.sent + 1)
    for f in art.figs[a:b]:
        if f in parts or f is total or f.claim is None or f.is_share or f.before or f.para != total.para:
            continue
        if abs(f.sent - total.sent) > 1 or not compatible(total, f, counts=True):
            continue
        fate = _fate(art, f)
        if fate is None or fate in fates:
            continue
        own = art.tokens(f.start, f.end)
        words = own + art.tail(f, 40)[:3]
        named = any(_same_noun(_noun_of_cue(w), total.noun) for w in words)
        if f.unit != total.unit and not named and find(own, art.cues.of(fate)) < 0:
            continue  # "9 bodies of migrants", "recovered 12 bodies": the same people as the total
        fates.add(fate)
        out.append(f)
    return out


def _pronoun_parts(art: Article, done: set[int]) -> list[Relation]:
    """ "57 passengers ... 38 of them were rescued and 9 are missing": parts named with a pronoun
    ("of them", "of whom") glued after them belong to the latest total of their kind before them."""
    c = art.cues
    out = []
    for k, first in enumerate(art.figs):
        if first.claim is None or first.is_share or first.before:
            continue
        tail = art.tail(first, 30)
        cue = starts_with(tail, c.of("parts"))
        lo, hi = art.span(first.sent - 1, first.sent)  # its sentence and the one before
        nxt = [f for f in art.figs[k + 1 : hi] if f.sent == first.sent]
        direct = bool(nxt) and len(art.tokens(first.end, art.inner_start(nxt[0]))) == len(cue or ())
        # "38 of them were rescued" (not "45 شخصاً بينهم 30": there the cue leads straight to the parts)
        glued = bool(cue) and not direct and not _OPENS_ASIDE.search(art.text[first.end : first.end + 3])
        # "Of these, 1,900 were destroyed and ...", "ومن بينهم 25 طفلاً": the sentence opens with the cue
        opening = art.tokens(art.sents[first.sent], art.inner_start(first))
        opens = bool(opening) and (
            starts_with(opening, c.of("parts")) == opening
            or starts_with(opening, c.of("parts_opening")) == opening
        )
        if not glued and not (opens and first is art.in_sentence(first)[0]):
            continue
        items = [first]
        for f in art.figs[k + 1 : hi]:
            if (
                f.sent != first.sent
                or f.is_share
                or f.before
                or f.claim is None
                or not _joined(art, items[-1], f)
            ):
                break
            items.append(f)
        totals = [
            g
            for g in art.figs[lo:k]
            if g.claim is not None
            and not g.is_share
            and not g.before
            and g.para == first.para
            and 0 <= first.sent - g.sent <= 1
            and compatible(g, first, counts=True)
            and g.hi >= max(p.lo for p in items)
        ]
        if not totals or id(totals[-1]) in done:
            continue
        total = totals[-1]
        done.add(id(total))
        items += _other_fates(art, total, items)
        cue = starts_with(tail, c.of("parts")) if glued else opening
        out.append(Relation("parts_total", total, items, cue=" ".join(cue or ())))
    return out


def _part_ok(total: Fig, part: Fig, explicit: bool) -> bool:
    if part.is_share or part.before or part.attributive or part.claim is None:
        return False
    return compatible(total, part, counts=explicit)


def parts(art: Article) -> list[Relation]:
    """Totals and their parts, in both orders."""
    c = art.cues
    out = []
    done: set[int] = set()
    for k, total in enumerate(art.figs):
        if total.is_share or total.claim is None or total.before:
            continue
        # the cue after the total (within its sentence, before the first part)
        lo, hi = art.span(total.sent, total.sent)
        rest = [f for f in art.figs[k + 1 : hi] if f.sent == total.sent]
        if not rest:
            continue
        first = next((f for f in rest if _part_ok(total, f, True)), None)
        if first is None:
            continue
        between = art.gap(total, first)
        partial = find(between, c.of("parts"))
        glued = starts_with(between, c.of("parts"))
        if (
            glued
            and not _OPENS_ASIDE.search(art.text[total.end : total.end + 3])
            and len(between) > len(glued)
        ):
            continue  # "38 of them were rescued": a part of an earlier total (see _pronoun_parts)
        opening = art.tokens(art.sents[total.sent], art.inner_start(total))
        if partial < 0 and opening and starts_with(opening, c.of("parts_lead")) == opening:
            partial = (
                0  # "Of the 1,200 families displaced, 700 ... and 650 ...": the total opens the sentence
            )
        complete = find(between, c.of("breakdown"))
        # "killed 212 people in three provinces: 120 in Herat, 64 ...": a colon after the total's words
        colon = ":" in art.raw_gap(total, first) and (
            ends_with(art.lead(total, 40), c.of("total_before")) or len(between) <= 6
        )
        if partial < 0 and complete < 0 and not colon:
            continue
        # the nearest fitting total before the cue: "2.2 million displaced in 197 sites ..., of whom"
        items = [first]
        for f in rest[rest.index(first) + 1 :]:
            if not _part_ok(total, f, True) or not _joined(art, items[-1], f):
                break
            items.append(f)
        if not items or id(total) in done:
            continue
        cands = [
            g for g in art.figs[lo : k + 1] if g.sent == total.sent and not g.is_share and g.claim is not None
        ]
        fitting = [g for g in cands if g.hi >= max(p.lo for p in items) and not g.before]
        if not fitting:
            continue
        real = fitting[-1]
        done.add(id(real))
        whole = (
            complete >= 0 or bool(colon) or ends_with(art.lead(real, 40), c.of("total_before")) is not None
        )
        items += _other_fates(art, real, items)
        rel = Relation(
            "parts_total", real, items, complete=whole and len(items) >= 2, cue=_cue_text(art, real, first)
        )
        out.append(rel)
    out += _pronoun_parts(art, done)
    # a list, then its total: "39, 23 and 15 seats, giving the three parties 87 of the 100 seats"
    for k, f in enumerate(art.figs):
        if f.claim is None:
            continue
        lo, hi = art.span(f.sent, f.sent)
        before = [g for g in art.figs[lo:k] if g.sent == f.sent]
        after = [g for g in art.figs[k + 1 : hi] if g.sent == f.sent]
        if not after:
            continue
        lead = art.tokens(f.end, art.inner_start(after[0]))
        hit = find(lead, c.of("sum_after"))
        if hit < 0 or len(lead) - hit > 6:
            continue
        items = [g for g in [*before, f] if not (g.attributive or g.is_share or g.before or g.claim is None)]
        items = [g for g in items if id(g) not in done]
        # "the three camps hold 12,000, 9,500 and 7,200 people": the number of parts is no part
        items = [g for g in items if _DIGIT.search(g.text) or g.value != len(items) - 1]
        named = {g.unit for g in items if g.unit is not None}
        if len(named) == 1:  # "12,000, 9,500 and 7,200 people": the noun after the last part counts all
            joiners = art.cues.of("joiners")
            for g, h in pairwise([*items, after[0]]):
                between = art.tokens(g.end, art.inner_start(h))
                bare = _LIST_MARK_AFTER.match(art.text, g.end) or (between and (between[0],) in joiners)
                if g.unit is None and (bare or all((t,) in joiners for t in between)):
                    g.unit = next(iter(named))  # "killed 23 people and wounded 41, bringing ..."
        total = None
        for g in after:
            if g.value == len([i for i in items if compatible(i, g)]) and not _DIGIT.search(g.text):
                continue  # "the three parties": the number of parts, not their total
            total = g
            break
        if total is None or total.is_share or id(total) in done or total.attributive:
            continue
        items = [g for g in items if compatible(total, g) and g.unit is not None]
        units = {g.unit for g in items}
        if len(items) < 2 or len(units) > 1:
            continue
        if total.unit is None:
            total.unit = items[0].unit
        done.add(id(total))
        # complete when the words say so ("in all", "combined", "ما مجموعه") or count the parts ("the
        # three parties"); "bringing the number to" may add a new count to a running total: partial
        counted = any(g.value == len(items) and not _DIGIT.search(g.text) for g in after if g is not total)
        whole = counted or find(lead, c.of("sum_whole")) >= 0
        out.append(
            Relation("parts_total", total, items, complete=whole, cue=" ".join(lead[max(0, hit - 3) : hit]))
        )
    return out


def _people(art: Article, f: Fig) -> bool:
    g = _generic()
    return f.unit in g or (f.noun is not None and (f.noun,) in art.cues.of("people"))


def _per_cue(art: Article, r: Fig) -> tuple[tuple[str, ...], tuple[str, ...], bool] | None:
    """The per cue after a figure (up to two words of its own noun between): (cue, words after it,
    whether the cue closes the rate: "each", "للفرد", "لكل أسرة")."""
    tail = art.tail(r, 60)
    for skip in range(0, 3):
        for role in ("per_end", "per"):
            hit = starts_with(tail[skip:], art.cues.of(role))
            if hit:
                return hit, tail[skip + len(hit) :], role == "per_end"
    return None


def _bare(word: str) -> str:
    """A noun without its article or glued preposition: "المهاجرون" -> "مهاجرون", "للأسرة" -> "اسره"."""
    for prefix in words().definite_prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


@cache
def _per_noun_prefixes() -> tuple[str, ...]:
    """What every language glues before the noun of a per cue (``[arithmetic] per_noun_prefixes``)."""
    from factcheck.lexicon import LANGS

    return tuple(dict.fromkeys(p for lang in LANGS for p in cues(lang).per_noun_prefixes))


def _noun_of_cue(word: str) -> str:
    """ "للأسرة" -> "اسره": the noun glued to a per cue."""
    for prefix in _per_noun_prefixes():
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _rate_parts(art: Article, r: Fig) -> tuple[Fig | None, float, str | None, bool, str] | None:
    """How a figure is a rate: (the count it is per, when stated; the per number; the denominator's
    noun; whether the count follows "for each of"; the cue as written)."""
    c = art.cues
    same = [f for f in art.in_sentence(r) if f is not r and f.claim is not None and not f.is_share]
    found = _per_cue(art, r)
    if found and found[2]:  # "each", "للفرد", "لكل أسرة": the denominator is in the cue, or implied
        hit = found[0]
        last = hit[-1]
        if (last,) in c.of("people") or (_noun_of_cue(last),) in c.of("people"):
            return None, 1.0, "person", False, " ".join(hit)
        noun = _noun_of_cue(last) if len(hit) > 1 or _noun_of_cue(last) != last else None
        return None, 1.0, noun, False, " ".join(hit)
    if found:
        hit, rest, _ = found
        nxt = [f for f in same if f.start > r.end]
        if nxt and len(art.tokens(r.end, art.inner_start(nxt[0]))) <= len(hit) + 4:
            k = nxt[0]
            if (hit[-1],) in c.of("of") or starts_with(art.tokens(r.end, k.start)[len(hit) :], c.of("of")):
                return k, 1.0, None, True, " ".join(hit)  # "for each of the 11.5 million residents"
            return k, k.value, None, False, " ".join(hit)  # "per 10,000 people", "لكل ألف نسمة"
        noun = rest[0] if rest and rest[0].isalpha() else None
        if noun is not None and (noun,) in c.of("people"):
            noun = "person"
        return None, 1.0, noun, False, " ".join(hit + rest[:1])
    lead = art.lead(r, 80)
    if find(lead[-10:], c.of("per_one")) >= 0:
        return None, 1.0, "person", False, " ".join(lead[-10:][find(lead[-10:], c.of("per_one")) - 2 :][:3])
    return None


def _is_people(art: Article, noun: str | None) -> bool:
    return noun == "person" or (noun is not None and (noun,) in art.cues.of("people"))


def _total_for(art: Article, r: Fig, exclude: list) -> Fig | None:
    """The total a rate divides: a figure of the rate's kind and larger, in its sentence or the one
    before (not a from side, not itself a rate)."""

    def fits(f: Fig) -> bool:
        if f in exclude or f is r or f.before or f.claim is None or f.is_share or not _same_kind(f, r):
            return False
        return _to(f, r.unit)[1] > r.hi and not _rate_like(art, f)

    same = [f for f in art.in_sentence(r) if fits(f)]
    if same:
        return min(same, key=lambda f: (f.start > r.start, abs(f.start - r.start)))
    a, b = art.span(r.sent - 1, r.sent - 1)
    prev = [f for f in art.figs[a:b] if f.sent == r.sent - 1 and f.para == r.para and fits(f)]
    return prev[0] if prev else None


def _to(f: Fig, unit: str | None) -> tuple[float, float]:
    from factcheck.compare.solver import convert

    return convert(f.lo, f.hi, f.unit, unit)


def rates(art: Article) -> list[Relation]:
    """A figure per unit with the total and the count it divides in its sentence (or the one before)."""
    c = art.cues
    out = []
    for r in art.figs:
        if r.is_share or r.claim is None or r.before:
            continue
        same = [f for f in art.in_sentence(r) if f is not r and f.claim is not None and not f.is_share]
        # "one soldier for every 50 metres": 50 metres per soldier
        lead = art.lead(r, 40)
        prev = [f for f in same if f.end <= r.start]
        if ends_with(lead, c.of("inverse")) and prev and prev[-1].value == 1 and r.unit is not None:
            one = prev[-1]
            counts = [
                f for f in same if f is not one and f.value > 1 and f.unit is not None and f.unit == one.unit
            ]
            total = _total_for(art, r, [one, *counts])
            if counts and total is not None:
                cue = " ".join(art.tokens(one.start, r.start))
                out.append(Relation("rate", r, [total, counts[0]], inverse=True, cue=cue))
            continue
        how = _rate_parts(art, r)
        if how is None:
            continue
        k, per, noun, direct, cue = how
        if direct:
            n = k
        else:
            pool = [
                f
                for f in same
                if f is not k and not f.before and not _rate_like(art, f) and not _same_kind(f, r)
            ]
            if k is not None:
                kind = [f for f in pool if f.unit is not None and f.unit == k.unit and f.value > per]
                if not kind and (_is_people(art, k.unit) or _is_people(art, k.noun)):
                    people = [
                        f
                        for f in pool
                        if f.unit is None or _is_people(art, f.unit) or _is_people(art, f.noun)
                    ]
                    kind = [f for f in people if f.value > per]
            elif noun is not None and _is_people(art, noun):
                kind = [
                    f for f in pool if (f.unit in _generic() or _is_people(art, f.noun) or f.unit is None)
                ]
                kind = [f for f in kind if f.value > 1]
            elif noun is not None:
                kind = [f for f in pool if f.noun and _same_noun(f.noun, noun)]
            else:  # "4,500 kWh each": the nearest count before it
                kind = [
                    f
                    for f in pool
                    if f.end <= r.start and f.unit is not None and not convertible(f.unit, r.unit)
                ]
                kind = kind[-1:]
            if not kind:
                continue
            n = min(kind, key=lambda f: abs(f.start - r.start))
        total = _total_for(art, r, [k, n])
        if total is None or n is None:
            continue
        out.append(Relation("rate", r, [total, n], per=per, cue=cue))
    return out


def _same_noun(a: str, b: str) -> bool:
    a, b = _bare(fold(a)), _bare(fold(b))
    stem = min(len(a), len(b), 4)
    return a == b or (stem >= 3 and a[:stem] == b[:stem])


def _same_kind(a: Fig, b: Fig) -> bool:
    if a.unit is not None and b.unit is not None:
        return a.unit == b.unit or convertible(a.unit, b.unit)
    if a.noun and b.noun:
        return _same_noun(a.noun, b.noun)
    return False


def _rate_like(art: Article, f: Fig) -> bool:
    tail = art.tail(f, 30)
    for skip in range(0, 3):
        if starts_with(tail[skip:], art.cues.of("per")) or starts_with(tail[skip:], art.cues.of("per_end")):
            return True
    return ends_with(art.lead(f, 30), art.cues.of("per_one")) is not None


def _base_from_context(art: Article, p: Fig, n: Fig) -> Fig | None:
    """The latest total of the right kind before a share that names no base of its own."""
    cands = []
    a, b = art.span(p.sent - 2, p.sent)
    for f in art.figs[a:b]:
        if f.start >= p.start or f is n or f.is_share or f.claim is None or f.before:
            continue
        if f.para != p.para or p.sent - f.sent > 2 or ("conversion" in f.used and f.unit != n.unit):
            continue
        if not compatible(f, n, counts=f.sent == p.sent) or _rate_like(art, f) or "part" in f.used:
            continue
        cands.append(f)
    # the total named before ("of them" after a breakdown or an earlier share), else the only figure of
    # the kind: with two candidates ("$500m from one donor and $300m from another ... 40% of the money")
    # which whole is meant is not stated
    bases = [f for f in cands if "base" in f.used or "total" in f.used]
    found = bases[-1] if bases else (cands[0] if len(cands) == 1 else None)
    return found if found is not None and found.hi >= n.lo else None


def _equals_after(art: Article, a: Fig, b: Fig) -> bool:
    """``b`` restates ``a`` in other terms: ", or 35%", "took part, or 35%", "، أي 35 في المئة"."""
    g = art.gap(a, b)
    if starts_with(g, art.cues.of("equals")):
        return True
    raw = art.text[a.end : art.inner_start(b)]
    comma = max(raw.rfind(c) for c in _SCRIPTS.commas)
    if comma < 0 or len(g) > 8:
        return False
    return starts_with(art.tokens(a.end + comma + 1, art.inner_start(b)), art.cues.of("equals")) is not None


def _parenthesis_or_equals(art: Article, a: Fig, b: Fig) -> bool:
    """``b`` restates ``a`` in other terms right after it: "7,600 (40%)", "40%, or 7,600"."""
    raw = art.text[a.end : b.start].strip()
    if raw in ("(", "—", "–", "-"):
        return True  # "7,600 (40%)", "40% — some 1,200 —"
    toks = art.gap(a, b)
    return len(toks) <= 3 and starts_with(toks, art.cues.of("equals")) == toks and bool(toks)


def shares(art: Article) -> list[Relation]:
    """ "X% of Y, or N"; "N, or X% of Y"; "X% of them, or N"; "N out of Y ... X%"."""
    c = art.cues
    out = []
    by_para: dict[int, list[Relation]] = {}  #: the relations of ``out`` by the paragraph of their base
    figs = art.figs
    for p in figs:
        if not p.is_share or "change" in p.used:
            continue
        same = art.in_sentence(p)
        after = [f for f in same if f.start >= p.end]
        before = [f for f in same if f.end <= p.start]
        tail = art.tail(p, 40)
        base = None
        if after and not after[0].is_share:
            gap, raw = art.gap(p, after[0]), art.raw_gap(p, after[0])
            named = starts_with(gap, c.of("of")) or (ends_with(gap, c.of("base_intro")) and len(gap) <= 6)
            if named and len(raw) < 70 and not _COMMA_RE.search(raw):
                base = after[0]  # "40% of the 19,000 schools", "ثلثي السكان البالغ عددهم 900 ألف"
        n = None
        # N after: "P of B, or N" / "P of them, or N"
        start_from = base if base is not None else p
        rest = [f for f in after if f.start >= start_from.end and f is not base]
        if rest and not rest[0].is_share:
            g = art.gap(start_from, rest[0])
            if base is not None:
                # "of the 1,000 people surveyed, or 400": a few words of the base's noun may come first
                raw = art.text[base.end : art.inner_start(rest[0])]
                after_comma = art.tokens(
                    base.end + max(raw.rfind(c) for c in _SCRIPTS.commas) + 1, art.inner_start(rest[0])
                )
                if starts_with(g, c.of("equals")) or (
                    len(g) <= 6 and _COMMA_RE.search(raw) and starts_with(after_comma, c.of("equals"))
                ):
                    n = rest[0]
            elif starts_with(tail, c.of("of")) or p.claim is None or p.fraction:
                cut = find(g, c.of("equals"))
                if cut >= 0 and len(art.raw_gap(p, rest[0])) < 90 and ends_with(g[:cut], c.of("equals")):
                    n = rest[0]
        # "P, or N, of B" / "P (N) of B": the count between the share and its base; "P — some N —"
        if n is None and base is None and after and not after[0].is_share:
            cand = after[0]
            whole = after[1] if len(after) > 1 else None
            if _parenthesis_or_equals(art, p, cand):
                if whole is not None and starts_with(art.gap(cand, whole), c.of("of")):
                    n, base = cand, whole
                elif art.text[p.end : cand.start].strip() in ("(", "—", "–"):
                    n = cand
        # N before: "N, or P [of B]", "N (P) of B"
        if n is None and before and not before[-1].is_share:
            g = art.gap(before[-1], p)
            if (starts_with(g, c.of("equals")) and len(g) <= 3) or _parenthesis_or_equals(art, before[-1], p):
                n = before[-1]
        if n is None:
            continue
        if base is None and p.claim is not None and not starts_with(tail, c.of("of")) and not p.fraction:
            # "84 seats, or 26%": the base of an earlier share of the same kind
            pool = out if art.plain else by_para.get(p.para, [])
            prior = [r for r in pool if r.inputs[-1].para == p.para and compatible(r.inputs[-1], n)]
            base = prior[-1].inputs[-1] if prior else None
        if base is None and starts_with(tail, c.of("of")) and find(tail[:6], c.of("unstated")) >= 0:
            continue  # "2.3% of GDP": a whole the article does not state
        if base is None:
            base = _base_from_context(art, p, n)
        if base is None or base is n or not compatible(base, n, counts=True) or base.hi < n.lo:
            continue
        base.used.add("base")
        out.append(
            Relation(
                "percent_of",
                p,
                [n, base],
                cue=_cue_text(art, min(p, n, key=lambda f: f.start), max(p, n, key=lambda f: f.start)),
            )
        )
        by_para.setdefault(base.para, []).append(out[-1])
        p.used.add("share")
        n.used.add("share")
    # "N out of B" with a percentage in the sentence: "6.6 million of 16.1 million voters ... 41%"
    for k, n in enumerate(figs):
        if n.is_share or n.claim is None or "share" in n.used or n.before:
            continue
        lo, hi = art.span(n.sent, n.sent)
        nxt = [f for f in figs[k + 1 : hi] if f.sent == n.sent]
        if not nxt or nxt[0].is_share:
            continue
        b = nxt[0]
        g = art.gap(n, b)
        if not (ends_with(g, c.of("out_of")) and len(g) <= 6) or not compatible(n, b) or b.hi < n.lo:
            continue
        after = [
            f
            for f in figs[lo:hi]
            if f.sent == n.sent and f.start > b.end and f.is_percent and "share" not in f.used
        ]
        p = None
        if after and _equals_after(art, b, after[0]):
            p = after[0]
        if p is None:
            prior = [f for f in figs[lo:hi] if f.sent == n.sent and f.end <= n.start and f.is_percent]
            prior = [f for f in prior if not f.before and "change" not in f.used and "share" not in f.used]
            p = prior[-1] if prior else None
        if p is None:
            continue
        p.used.add("share")
        out.append(Relation("percent_of", p, [n, b], cue=_cue_text(art, n, b)))
    return out


def _back_noun(art: Article, f: Fig) -> str | None:
    """The noun a definite back-reference figure counts: "the 28 survivors", "المهاجرون الثمانية
    والعشرون", "هؤلاء الـ28 مهاجراً" (None when the figure is not a back-reference)."""
    from factcheck.compare.units import is_count

    if f.claim is None or f.attributive or f.is_share or f.before or not is_count(f.unit):
        return None
    if "part" in f.used:
        return None
    lead = art.lead(f, 30)
    first = art.tokens(f.start, f.end)[:1]
    definite_word = bool(first) and first[0].startswith(articles()) and not _DIGIT.search(f.text)
    # "the 28 survivors" (the cue right before the number: not "Of these, 1,200 families")
    glued = not _ASIDE_BEFORE.search(art.text[max(0, f.start - 4) : art.inner_start(f)])
    if not ((ends_with(lead, art.cues.of("back_ref")) and glued) or definite_word):
        return None
    if f.unit is not None:
        return f.unit
    if definite_word and lead:
        return lead[-1]
    return f.noun


def _antecedent(g: Fig) -> bool:
    """A figure a back-reference may restate."""
    return not (g.claim is None or g.is_share or g.before or g.attributive)


class _Antecedents:
    """The figures a back-reference may restate, by unit and by the keys :func:`_same_noun` compares
    (the bare noun, its first three and its first four letters), each list in text order: finding
    the earlier figures of a kind reads a few of them, not every figure before."""

    def __init__(self, figs: list[Fig]) -> None:
        self.buckets: dict[tuple[str, str], tuple[list[int], list[Fig]]] = {}
        for g in figs:
            if not _antecedent(g):
                continue
            if g.unit is not None:
                self._add(("unit", g.unit), g)
            if g.noun:
                a = _bare(fold(g.noun))
                self._add(("word", a), g)
                if len(a) >= 3:
                    self._add(("stem3", a[:3]), g)
                if len(a) >= 4:
                    self._add(("stem4", a[:4]), g)

    def _add(self, key: tuple[str, str], g: Fig) -> None:
        sents, figs = self.buckets.setdefault(key, ([], []))
        sents.append(g.sent)
        figs.append(g)

    def before(self, f: Fig, noun: str) -> list[Fig]:
        """The antecedents of ``f`` in sentences before its own, as many as tell one from several:
        the same as the plain scan when there are at most one, two or more of them otherwise."""
        b = _bare(fold(_noun_of_cue(noun)))
        keys = [("unit", noun)]
        if len(b) < 3:  # _same_noun: equal words only
            keys.append(("word", b))
        elif len(b) == 3:  # a word of three letters or more that starts with these three
            keys.append(("stem3", b))
        else:  # the same first four letters, or a word of three that is the first three
            keys += [("stem4", b[:4]), ("word", b[:3])]
        found: list[Fig] = []
        for key in keys:
            sents, figs = self.buckets.get(key, ((), ()))
            stop = bisect_left(sents, f.sent)  # the figures of earlier sentences
            for g in figs[max(0, stop - 2) : stop]:
                if all(g is not h for h in found):
                    found.append(g)
        found.sort(key=lambda g: g.start)
        return found


def restatements(art: Article) -> list[Relation]:
    """A definite back-reference ("the 28 survivors", "الناجين الثمانية والعشرين") to the one earlier
    figure of its kind: the same figure, stated again."""
    out = []
    index = None if art.plain else _Antecedents(art.figs)
    for k, f in enumerate(art.figs):
        noun = _back_noun(art, f)
        if noun is None:
            continue
        if index is not None:
            earlier = index.before(f, noun)
        else:
            earlier = []
            for g in art.figs[:k]:
                if g.sent == f.sent or not _antecedent(g):
                    continue
                if (g.unit is not None and g.unit == noun) or (
                    g.noun and _same_noun(g.noun, _noun_of_cue(noun))
                ):
                    earlier.append(g)
        if len(earlier) != 1:
            continue  # no antecedent, or several: which one is meant is not clear
        out.append(Relation("restatement", f, earlier, cue=" ".join(art.lead(f, 20)[-2:])))
    return out


__all__ = ["Article", "Fig", "Relation", "collect", "cues", "interval", "steps"]
