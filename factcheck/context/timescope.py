"""Time expressions in a sentence and the ISO 8601 value each stands for.

Years, dates (Levantine, Egyptian/Gulf, Maghrebi and English month names, from
:func:`factcheck.lexicon.get` ``.months``), qualified years ("منتصف صيف 2025", "mid-2025"),
intervals ("من 1 تشرين الأول حتى 6 تشرين الثاني"), "since"/"as of" and relative words anchored
on the publication date. Missing years come from the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import compress, repeat

from factcheck import lexicon
from factcheck.context.data import ContextLexicon
from factcheck.context.tokens import Doc, match_phrase, readings

_YEAR = re.compile(r"(19|20)\d\d")
_DAY = re.compile(r"\d{1,2}")
_DASHES = frozenset({"-", "–"})


@dataclass(slots=True)
class TimeExpr:
    """A time expression over tokens ``first..last`` (inclusive) and its ISO value."""

    first: int
    last: int
    value: str
    kind: str = "point"  # point, interval, since (a running total from then), relative
    # (year, month, day) of a point whose year was guessed: intervals may fix it
    parts: tuple[int | None, int | None, int | None] | None = None


def parse_published(text: str | None) -> date | None:
    """The publication date, if ``text`` starts with ``YYYY-MM-DD``."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _month_back(pub: date, n: int) -> tuple[int, int]:
    y, m = pub.year, pub.month - n
    while m <= 0:
        m += 12
        y -= 1
    return y, m


def relative_value(what: str, pub: date | None) -> str | None:
    """ISO value of a relative time word anchored on ``pub``."""
    if pub is None:
        return None
    if what in ("now", "today"):
        return pub.isoformat()
    if what == "yesterday":
        return (pub - timedelta(days=1)).isoformat()
    if what in ("this_week", "last_week"):
        monday = pub - timedelta(days=pub.weekday())
        if what == "last_week":
            monday -= timedelta(days=7)
            return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"
        return f"{monday.isoformat()}/{pub.isoformat()}"
    if what == "this_month":
        return f"{pub.year:04d}-{pub.month:02d}"
    if what == "last_month":
        y, m = _month_back(pub, 1)
        return f"{y:04d}-{m:02d}"
    if what == "this_year":
        return f"{pub.year:04d}"
    if what == "last_year":
        return f"{pub.year - 1:04d}"
    if what == "ytd":
        return f"{pub.year:04d}-01-01/{pub.isoformat()}"
    if what == "same":
        return SAME_TIME  # resolved against the figure before (factcheck.context)
    if what == "year_before":
        return YEAR_BEFORE  # resolved against the figure before (factcheck.context)
    if what in ("this_summer", "last_summer"):
        year = pub.year - (what == "last_summer" and pub.month <= 8)  # said in July: the summer before
        return f"{year:04d}-06/{year:04d}-08"
    if what in ("this_winter", "last_winter"):
        start = pub.year - (pub.month <= 2) - (what == "last_winter")  # the December it starts in
        return f"{start:04d}-12/{start + 1:04d}-02"
    if what in ("coming_days", "coming_weeks"):
        ahead = 7 if what == "coming_days" else 30
        return f"{(pub + timedelta(days=1)).isoformat()}/{(pub + timedelta(days=ahead)).isoformat()}"
    if what == "next_month":
        y, m = (pub.year + 1, 1) if pub.month == 12 else (pub.year, pub.month + 1)
        return f"{y:04d}-{m:02d}"
    if what == "next_year":
        return f"{pub.year + 1:04d}"
    return None


#: the value of "the same period": the time of the figure before, filled in by the context pass
SAME_TIME = "="
#: the value of "a year earlier" / "قبل عام": the figure before's time a year back (or, with no figure
#: before, the publication date's), filled in by the context pass
YEAR_BEFORE = "=-1y"


def years_back(time: str | None, n: int = 1) -> str | None:
    """A time value ``n`` years earlier ("2025-01/2025-03" -> "2024-01/2024-03"; 29 February -> 28)."""
    if not time:
        return None
    parts = []
    for part in time.split("/"):
        if len(part) < 4 or not part[:4].isdigit():
            return None
        year, rest = int(part[:4]) - n, part[4:]
        if rest == "-02-29":
            rest = "-02-28"
        parts.append(f"{year:04d}{rest}")
    return "/".join(parts)


def _fmt(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None:
        return None
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _next_year(m: int, pub: date | None) -> int | None:
    """The year of the next month ``m`` from the publication (this month counts)."""
    if pub is None:
        return None
    return pub.year + 1 if m < pub.month else pub.year


def _guess_year(m: int, d: int | None, pub: date | None) -> int | None:
    if pub is None:
        return None
    return pub.year - 1 if (m, d or 1) > (pub.month, pub.day) else pub.year


class _Parser:
    def __init__(self, doc: Doc, lex: ContextLexicon, lang: str, pub: date | None, blocked: set[int]) -> None:
        self.doc = doc
        self.t = doc.texts
        self.lex = lex
        self.lang = lang
        self.pub = pub
        self.months = lexicon.get(lang).months
        #: month names that are also words: a month only when capitalised ("May")
        self.capitalised = lexicon.get(lang).words.capitalised_months
        self.grammar = lexicon.words_of(lang)
        self.blocked = blocked
        flags = _FLAGS.get((lex.lang, lang))
        if flags is None:
            flags = _FLAGS[lex.lang, lang] = {}
        self.flags = flags

    def kind(self, tok: str) -> int:
        """What a token can be in a time expression, as bits (memoised per language)."""
        found = self.flags.get(tok)
        if found is None:
            found = _token_flags(self.lex, self.months, tok)
            if len(self.flags) >= 200_000:
                self.flags.clear()
            self.flags[tok] = found
        return found

    def year(self, i: int, end: int) -> int | None:
        if i < end and i not in self.blocked and self.kind(self.t[i]) & _T_YEAR:
            return int(self.t[i])
        return None

    def forward(self, i: int, k: int, end: int) -> bool:
        """Does the year-less month at ``i..k-1`` look ahead ("starting in April", "نيسان المقبل")?"""
        t, lex = self.t, self.lex
        before = any(t[j] in lex.forward_before for j in range(max(0, i - 2), i))
        return before or (k < end and t[k] in lex.forward_after)

    def month(self, i: int, end: int) -> tuple[int, int] | None:
        """(month, tokens used) of a month name at ``i`` ("تشرين الأول/ أكتوبر" counts as one)."""
        if i >= end or not self.kind(self.t[i]) & _T_MONTH:
            return None
        for reading in readings(self.lex, self.t[i]):
            for toks, value in self.months.by_first.get(reading, ()):
                n = len(toks)
                if i + n <= end and all(toks[k] == self.t[i + k] for k in range(1, n)):
                    if n == 1 and self.t[i] in self.capitalised and not self._capital(i):  # "may"
                        continue
                    used = n
                    j = i + n
                    if j + 1 < end and self.t[j] == "/":
                        other = self.month(j + 1, end)
                        if other is not None and other[0] == value:
                            used = j + 1 + other[1] - i
                    if j < end and self.t[j] == "." and self.grammar.month_abbreviation_dot:
                        used += 1
                    return int(value), used
        return None

    def _capital(self, i: int) -> bool:
        s = self.doc.norm.orig(self.doc.starts[i])
        return self.doc.raw[s : s + 1].isupper()

    def day(self, i: int, end: int) -> int | None:
        if i < end and i not in self.blocked and self.kind(self.t[i]) & _T_DAY:
            return int(self.t[i])
        return None

    def skip_year_cue(self, i: int, end: int) -> int:
        if i < end and any(r in self.lex.year_cues for r in readings(self.lex, self.t[i])):
            return i + 1
        return i

    def simple(self, i: int, end: int) -> TimeExpr | None:
        """A single date, month or year starting at ``i``."""
        t = self.t
        f = self.kind(t[i])
        # relative words and weekdays
        n, what = match_phrase(self.lex, self.lex.relative, t, i, end) if f & _T_RELATIVE else (0, None)
        if n:
            value = relative_value(str(what), self.pub)
            return TimeExpr(i, i + n - 1, value, "relative") if value else None
        if f & _T_WEEKDAY:
            for reading in readings(self.lex, t[i]):
                wd = self.lex.weekdays.get(reading)
                if wd is not None and self.pub is not None:
                    back = (self.pub.weekday() - wd) % 7
                    return TimeExpr(i, i, (self.pub - timedelta(days=back)).isoformat(), "relative")
        # qualified year: "منتصف صيف 2025", "mid-2025", "the end of 2024"
        n, spec = match_phrase(self.lex, self.lex.qualifiers, t, i, end) if f & _T_QUALIFIER else (0, None)
        if n:
            j = self.skip_year_cue(i + n, end)
            y = self.year(j, end)
            months = str(spec).split("/")
            if y is None and self.pub is not None and i + n < end:
                # "الربع الثاني من العام الحالي", "the first half of last year": a year said relatively
                m, what = match_phrase(self.lex, self.lex.relative, t, i + n, end)
                if m and what in _YEARS_BACK:
                    y, j = self.pub.year - _YEARS_BACK[str(what)], i + n + m - 1
                elif len(months) == 2 and (m := match_phrase(self.lex, self.lex.this_year, t, i + n, end)[0]):
                    # "the first nine months of the year": the latest such part begun by publication
                    y = self.pub.year if int(months[0]) <= self.pub.month else self.pub.year - 1
                    j = i + n + m - 1
            if y is not None:
                value = f"{y}-{months[0]}" if len(months) == 1 else f"{y}-{months[0]}/{y}-{months[1]}"
                return TimeExpr(i, j, value)
            ends_in_cue = any(
                r in self.lex.year_cues or r in self.lex.part_of for r in readings(self.lex, t[i + n - 1])
            )
            if self.pub is not None and n > 1 and len(months) == 2 and not ends_in_cue:
                # "in the first quarter", "خلال الربع الأول": a named part of a year with no year is the
                # latest one begun by publication (a one-word season, "fall", is too often another word;
                # "the first half of" with no year after it is of something else: "of the match")
                y = self.pub.year if int(months[0]) <= self.pub.month else self.pub.year - 1
                return TimeExpr(i, i + n - 1, f"{y}-{months[0]}/{y}-{months[1]}", "relative")
        if not f & (_T_DAY | _T_MONTH | _T_YEAR):
            return None  # neither a day, a month nor a year starts here (what day, month and year say)
        # day month [year]
        d = self.day(i, end)
        if d is not None:
            j = i + 1
            if j < end and self.t[j] in lexicon.words().genitive:  # "5 of March"
                j += 1
            mo = self.month(j, end)
            if mo is not None:
                k = j + mo[1]
                k2 = k + 1 if k < end and t[k] == "," else k
                y = self.year(self.skip_year_cue(k2, end), end)
                if y is not None:
                    last = self.skip_year_cue(k2, end)
                    return TimeExpr(i, last, _fmt(y, mo[0], d) or "", parts=(y, mo[0], d))
                return TimeExpr(
                    i, k - 1, _fmt(_guess_year(mo[0], d, self.pub), mo[0], d) or "", parts=(None, mo[0], d)
                )
        # month [day] [, year]
        mo = self.month(i, end)
        if mo is not None:
            k = i + mo[1]
            d = self.day(k, end) if self.grammar.day_after_month else None
            if d is not None:
                k2 = k + 1
                if k2 + 1 < end and t[k2] == "," and self.year(k2 + 1, end) is not None:
                    y = int(t[k2 + 1])
                    return TimeExpr(i, k2 + 1, _fmt(y, mo[0], d) or "", parts=(y, mo[0], d))
                return TimeExpr(
                    i, k, _fmt(_guess_year(mo[0], d, self.pub), mo[0], d) or "", parts=(None, mo[0], d)
                )
            k2 = k + 1 if k < end and t[k] == "," else k
            j = self.skip_year_cue(k2, end)
            y = self.year(j, end)
            if y is not None:
                return TimeExpr(i, j, f"{y:04d}-{mo[0]:02d}", parts=(y, mo[0], None))
            year = (
                _next_year(mo[0], self.pub) if self.forward(i, k, end) else _guess_year(mo[0], None, self.pub)
            )
            return TimeExpr(i, k - 1, _fmt(year, mo[0], None) or "", parts=(None, mo[0], None))
        y = self.year(i, end)
        if y is not None:
            fiscal = self.fiscal_year(y, i, end)
            if fiscal is not None:
                return fiscal
            return TimeExpr(i, i, f"{y:04d}", parts=(y, None, None))
        return None

    def fiscal_year(self, y: int, i: int, end: int) -> TimeExpr | None:
        """ "2025/26", "2025/2026", "2024-25" at ``i``: one fiscal year (the year ``y``, a joiner, the next
        year in full or by its last two digits), the twelve months from the lexicon's start month."""
        t = self.t
        if i + 2 >= end or t[i + 1] not in self.lex.fiscal_joiners or not t[i + 2].isdigit():
            return None
        after = t[i + 2]
        if not (after == str(y + 1) or (len(after) == 2 and int(after) == (y + 1) % 100)):
            return None
        start = self.lex.fiscal_year_start
        if start == 1:
            return TimeExpr(i, i + 2, f"{y:04d}", parts=(y, None, None))
        first, last = f"{y:04d}-{start:02d}", f"{y + 1:04d}-{start - 1:02d}"
        return TimeExpr(i, i + 2, f"{first}/{last}")


#: relative phrases that name a whole year, by how many years before the publication's
_YEARS_BACK = {"this_year": 0, "last_year": 1, "next_year": -1}

_T_YEAR = 1
_T_DAY = 2
_T_MONTH = 4  # a reading starts a month name
_T_RELATIVE = 8  # a reading starts a relative time phrase
_T_WEEKDAY = 16
_T_QUALIFIER = 32
#: what a token can be that simple() reads without a phrase index: a year, a day, a month, a weekday
_T_OWN = _T_YEAR | _T_DAY | _T_MONTH | _T_WEEKDAY
_FLAGS: dict[tuple[str, str], dict[str, int]] = {}  # (lexicon language, language) -> token -> bits


def _token_flags(lex: ContextLexicon, months, tok: str) -> int:
    f = 0
    if _YEAR.fullmatch(tok):
        f |= _T_YEAR
    if _DAY.fullmatch(tok) and 1 <= int(tok) <= 31:
        f |= _T_DAY
    rs = readings(lex, tok)
    if any(r in months.by_first for r in rs):
        f |= _T_MONTH
    if any(r in lex.relative.by_first for r in rs):
        f |= _T_RELATIVE
    if any(r in lex.weekdays for r in rs):
        f |= _T_WEEKDAY
    if any(r in lex.qualifiers.by_first for r in rs):
        f |= _T_QUALIFIER
    return f


_STARTERS: dict[str, frozenset[str]] = {}
_MAY_START: dict[str, dict[str, bool]] = {}  # lang -> token -> may start a time expression


def _starters(lex: ContextLexicon, lang: str) -> frozenset[str]:
    """First tokens of every time word and month name of ``lang``."""
    found = _STARTERS.get(lang)
    if found is None:
        found = (
            frozenset(lex.relative.by_first) | frozenset(lex.qualifiers.by_first) | frozenset(lex.weekdays)
        )
        found |= frozenset(lexicon.get(lang).months.by_first)
        _STARTERS[lang] = found
    return found


def _may_start(lex: ContextLexicon, starts: frozenset[str], token: str) -> bool:
    memo = _MAY_START.setdefault(lex.lang, {})
    found = memo.get(token)
    if found is None:
        found = any(r in starts for r in readings(lex, token))
        if len(memo) > 200_000:
            memo.clear()
        memo[token] = found
    return found


def _is_year_noun(lex: ContextLexicon, token: str) -> bool:
    return token in lex.year_cues and not (
        token in lex.since.by_first or token in lex.interval_from.by_first or token in lex.as_of.by_first
    )


def _phrase_before(lex: ContextLexicon, index, t: list[str], at: int, first: int) -> int | None:
    """Start of a phrase of ``index`` that ends right before token ``at``."""
    memo = index.memo
    for back in range(1, 5):
        j = at - back
        if j < first:
            return None
        if memo.get(t[j]) == ():  # known to start no phrase of the index: match_phrase gives 0
            continue
        n, _v = match_phrase(lex, index, t, j, at)
        if n == back:
            return j
    return None


def _join(a: TimeExpr, b: TimeExpr) -> str:
    """The interval ``a/b``, giving ``a`` the year (and month) of ``b`` when it lacks them."""
    if a.parts and b.parts and a.parts[0] is None and b.parts[0] is not None:
        y = b.parts[0]
        if a.parts[1] is not None and b.parts[1] is not None and a.parts[1] > b.parts[1]:
            y -= 1
        a.value = _fmt(y, a.parts[1], a.parts[2]) or a.value
    return f"{a.value}/{b.value}"


class TimeIndex:
    """The token positions of one sentence's times, for binary search (time binding is linear).

    ``ordered`` says the times come in token order (starts and ends both non-decreasing), which
    the fast lookups need; otherwise callers read the times one by one.
    """

    __slots__ = ("firsts", "lasts", "ordered")

    def __init__(self, times: list[TimeExpr]) -> None:
        self.firsts = [t.first for t in times]
        self.lasts = [t.last for t in times]
        # non-decreasing exactly when equal to its sorted copy (compared at C speed)
        self.ordered = self.firsts == sorted(self.firsts) and self.lasts == sorted(self.lasts)

    def inside(self, events) -> set[int]:
        """Times inside a statement: from an event's first token to where its content ends."""
        if not events:
            return set()  # no statement: no time is inside one
        spans = sorted((e.first, max(e.content, e.last + 1)) for e in events)
        out: set[int] = set()
        j, reach = 0, -1
        for k, first in enumerate(self.firsts):
            while j < len(spans) and spans[j][0] <= first:
                reach = max(reach, spans[j][1])
                j += 1
            if self.lasts[k] < reach:
                out.add(k)
        return out


_LAST_INDEX: list = [None, None]  # (times, index): the figures of one sentence share its index


def index_of(times: list[TimeExpr]) -> TimeIndex:
    """The :class:`TimeIndex` of ``times`` (kept for the list last asked about)."""
    if _LAST_INDEX[0] is not times:
        _LAST_INDEX[:] = [times, TimeIndex(times)]
    return _LAST_INDEX[1]


def find(
    doc: Doc, lex: ContextLexicon, lang: str, first: int, end: int, pub: date | None, blocked: set[int]
) -> list[TimeExpr]:
    """Time expressions in tokens ``[first, end)``; tokens in ``blocked`` (claims) are never times."""
    p = _Parser(doc, lex, lang, pub, blocked)
    t = doc.texts
    simple: list[TimeExpr] = []
    i = first
    starts = _starters(lex, lang)
    memo = _MAY_START.setdefault(lex.lang, {})
    # tokens that may start a time expression (most tokens are a memo hit saying no; never digits)
    cands = compress(range(first, end), map(memo.get, t[first:end], repeat(True)))
    relative, qualifiers = lex.relative.pair_memo, lex.qualifiers.pair_memo
    for k in cands:
        if k < i:
            continue
        i = k
        tok = t[i]
        if i in blocked or not (tok[0].isdigit() or memo.get(tok) or _may_start(lex, starts, tok)):
            continue
        f = p.kind(tok)
        if not f & _T_OWN:
            # only a relative or qualifier phrase could start here ("في", "in", "the"): when the pair
            # memos already hold that none starts with the next token, simple() would find nothing
            pair = (tok, t[i + 1] if i + 1 < end else None)
            if (not f & _T_RELATIVE or relative.get(pair) == ()) and (
                not f & _T_QUALIFIER or qualifiers.get(pair) == ()
            ):
                continue
        e = p.simple(i, end)
        if e is not None and e.value:
            simple.append(e)
            i = e.last + 1
    for e in simple:  # "عام 2019", "in 2019": the year noun belongs to the expression
        j = e.first - 1
        if e.kind != "relative" and j >= first and j not in blocked and _is_year_noun(lex, t[j]):
            e.first = j
    out: list[TimeExpr] = []
    glued_and = lexicon.words().glued_and  # "و" glued to the second bound of an interval
    k = 0
    while k < len(simple):
        e = simple[k]
        nxt = simple[k + 1] if k + 1 < len(simple) else None
        fstart = _phrase_before(lex, lex.interval_from, t, e.first, first)
        if (
            nxt is not None
            and e.kind != "relative"
            and nxt.kind != "relative"
            and nxt.first > e.last
            and (nxt.first > e.last + 1 or t[nxt.first].startswith(glued_and))
        ):
            g0 = e.last + 1
            n, _v = match_phrase(lex, lex.interval_to, t, g0, nxt.first) if g0 < nxt.first else (0, None)
            dash = nxt.first == g0 + 1 and t[g0] in _DASHES
            # "بين فيفري وأفريل"
            glued = nxt.first == g0 and t[g0].startswith(glued_and) and fstart is not None
            if dash or glued or (fstart is not None and n and g0 + n == nxt.first):
                out.append(
                    TimeExpr(e.first if fstart is None else fstart, nxt.last, _join(e, nxt), "interval")
                )
                k += 2
                continue
        sstart = _phrase_before(lex, lex.since, t, e.first, first)
        if sstart is not None and pub is not None and e.kind != "relative":
            out.append(TimeExpr(sstart, e.last, f"{e.value.split('/')[0]}/{pub.isoformat()}", "since"))
        else:
            out.append(e)
        k += 1
    # a day alone before a date in a "from ... to" interval: "من 1 إلى 6 تشرين الثاني"
    return _bare_days(p, out, first, end)


def _bare_days(p: _Parser, found: list[TimeExpr], first: int, end: int) -> list[TimeExpr]:
    t = p.t
    out: list[TimeExpr] = []
    for e in found:
        if e.parts and e.parts[2] is not None and e.first - 2 >= first:
            j = e.first - 1
            n, _v = match_phrase(p.lex, p.lex.interval_to, t, j, e.first)
            dash = t[j] in _DASHES
            if (n or dash) and p.day(j - 1, end) is not None and j - 1 not in p.blocked:
                d0 = int(t[j - 1])
                y, m, _d = e.parts
                y = y if y is not None else _guess_year(m or 1, _d, p.pub)
                start = _fmt(y, m, d0)
                if start:
                    s = j - 1
                    for back in (1, 2):
                        nf, _v = (
                            match_phrase(p.lex, p.lex.interval_from, t, s - back, s)
                            if s - back >= first
                            else (0, 0)
                        )
                        if nf and s - back + nf == s:
                            s -= back
                            break
                    out.append(TimeExpr(s, e.last, f"{start}/{e.value}", "interval"))
                    continue
        out.append(e)
    return out
