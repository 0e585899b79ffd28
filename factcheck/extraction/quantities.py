"""From numbers to quantities: hedges, units, ranges, changes, and what is not a claim.

:func:`scan_sentence` reads one sentence's tokens and returns every number expression in it,
each with its kind (a claim is ``quantity``; years, dates, periods, clock times, ordinals,
numbers in names and phone numbers are kept with their kind, never as claims).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from factcheck.extraction.numbers import (
    ONE,
    NumberRead,
    compound_ordinal,
    fraction_context,
    read_digits,
    read_number,
    rem,
)
from factcheck.extraction.tokens import NUM, SYM, WORD, Tokens
from factcheck.lexicon import Lexicon, PhraseTable, fold
from factcheck.text.scripts import get as _scripts

_APPROX_BOUNDS = ("approx",)
_YEAR_MIN, _YEAR_MAX = 1800, 2100
_TIMES = ("x", "×", "*")  # "1.3x10^6": scientific notation (mathematical symbols, not language)
_MAX_EXPONENT = 100
#: the comma of every script (``scripts.toml``: "،", ",")
_COMMAS = frozenset(_scripts().commas)
_POWER_MARKS = ("^", *_TIMES)
_STRICT = {"more_than": "at_least", "less_than": "at_most"}
_ROLE_NUMBER, _ROLE_ORDINAL, _ROLE_DUAL = 1, 2, 4


@dataclass(slots=True)
class Expr:
    """One number expression in a sentence (token indices are inclusive)."""

    kind: str
    first: int
    last: int
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    bound: str = "exact"
    approx: bool = False
    precision: Decimal | None = None
    unit: str | None = None
    unit_span: tuple[int, int] | None = None  # token indices of the unit as written
    inherit: bool = False
    scale: Decimal | None = None
    num_first: int = 0
    num_last: int = 0
    joined: list[int] = field(default_factory=list)
    open_unit: bool = False  # the unit is a noun no table lists (``[units.open]``), kept as its lemma


def _year_like(read: NumberRead) -> bool:
    b = read.bare_digits
    return b is not None and len(b) == 4 and b.isdigit() and _YEAR_MIN <= int(b) <= _YEAR_MAX


def _variants(lex: Lexicon, token: str) -> list[str]:
    """``token`` with clitics and plural or case endings removed (memoised on the lexicon)."""
    key = ("v", token)
    cached = lex._memo.get(key)
    if cached is None:
        cached = lex._memo[key] = _compute_variants(lex, token)
    return cached


def _compute_variants(lex: Lexicon, token: str) -> list[str]:
    out = list(lex.strip_clitics(token))
    for suffix, repl in lex.plural_suffixes:
        for t in list(out):
            if t.endswith(suffix) and len(t) - len(suffix) >= 2:
                out.append(t[: len(t) - len(suffix)] + repl)
    return out


def match_forward(tok: Tokens, i: int, table: PhraseTable, lex: Lexicon, *, variants: bool = True):
    """Longest phrase of ``table`` starting at token ``i``: (value, last token index) or None."""
    if i >= len(tok):
        return None
    firsts = _variants(lex, tok.texts[i]) if variants else [tok.texts[i]]
    for first in firsts:
        for phrase, value in table.by_first.get(first, ()):
            end = i + len(phrase) - 1
            if end >= len(tok):
                continue
            if all(
                tok.texts[i + k] == phrase[k] or _loose(lex, tok.texts[i + k], phrase[k])
                for k in range(1, len(phrase))
            ):
                return value, end
    return None


def _loose(lex: Lexicon, text: str, want: str) -> bool:
    return want in _variants(lex, text)


def match_backward(tok: Tokens, end: int, table: PhraseTable, lex: Lexicon):
    """Longest phrase of ``table`` ending at token ``end``: (value, first token index) or None."""
    if end < 0:
        return None
    for last in _variants(lex, tok.texts[end]) if len(_variants(lex, tok.texts[end])) else ():
        for phrase, value in table.by_last.get(last, ()):
            start = end - len(phrase) + 1
            if start < 0:
                continue
            ok = True
            for k in range(len(phrase) - 1):
                t = tok.texts[start + k]
                if t != phrase[k] and not (k == 0 and phrase[k] in lex.strip_clitics(t)):
                    ok = False
                    break
            if ok and (len(phrase) == 1 or last == phrase[-1]):
                return value, start
    return None


class SentenceScanner:
    """Finds the number expressions of one sentence."""

    def __init__(self, tok: Tokens, lex: Lexicon) -> None:
        self.tok = tok
        self.lex = lex
        self.n = len(tok)

    # ------------------------------------------------------------------ helpers
    def text(self, i: int) -> str:
        return self.tok.texts[i] if 0 <= i < self.n else ""

    def is_month(self, i: int) -> tuple[int, int] | None:
        """Month phrase starting at ``i``: (month, last token) or None."""
        if not (0 <= i < self.n) or self.tok.kinds[i] != WORD:
            return None
        return match_forward(self.tok, i, self.lex.months, self.lex)

    def month_before(self, i: int) -> bool:
        """A month name ends at token ``i`` (an abbreviation's full stop allowed: "Oct. 1")."""
        if self.text(i) == "." and i > 0:
            i -= 1
        return bool(match_backward(self.tok, i, self.lex.months, self.lex))

    def starts_number(self, i: int) -> bool:
        kind = self.tok.kinds[i]
        if kind == NUM:
            return True
        if kind != WORD:
            return False
        found = self.lex.number_word(self.tok.texts[i])
        if found is None:
            return False
        word = found[0]
        if word.kind == "denominator":
            return self.text(i - 1) in self.lex.indefinite  # "a fifth", "a hundredth"
        if word.kind == "scale_abbrev":
            return False
        if word.kind in ("hundred", "scale") and self.text(i - 1) in self.lex.vague_counts:
            return False  # "several hundred years", "a few thousand": not a figure
        if word.kind == "scale_plural" or word.tag in ("counted", "abbreviation"):
            return False  # "dozens", "مئات", "dozs": only after a count
        if word.tag == "compound_only":
            return self.text(i + 1) in self.lex.teen_suffix
        if word.tag == "needs_count" and self.text(i - 1) not in self.lex.indefinite:
            # "quarter million" counts; "the third quarter" does not
            nxt = self.lex.number_word(self.text(i + 1)) if i + 1 < self.n else None
            if not (nxt and nxt[0].kind == "scale" and i + 1 < self.n and self.tok.kinds[i + 1] == WORD):
                return False
        stripped = self.lex.strip_clitics(self.tok.texts[i])
        if any(s in self.lex.blocked_words for s in stripped):
            if self.text(i - 1) in self.lex.blocked_after or self.text(i + 1) in self.lex.blocked_before:
                nxt = self.lex.number_word(self.text(i + 1)) if i + 1 < self.n else None
                if not (nxt and nxt[0].kind in ("hundred", "scale")):
                    return False  # "the one" is a pronoun; "the one hundred fifth" is not
        return True

    # ------------------------------------------------------------------ main loop
    def scan(self) -> list[Expr]:
        out: list[Expr] = []
        i = 0
        # what each word may open (memoised per token: most words open nothing and are skipped fast)
        roles: dict[str, int] = self.lex._memo.setdefault("word_roles", {})
        kinds, texts = self.tok.kinds, self.tok.texts
        while i < self.n:
            if kinds[i] == WORD:
                t = texts[i]
                role = roles.get(t)
                if role is None:
                    if len(roles) > 200_000:
                        roles.clear()
                    role = roles[t] = self.word_role(t)
                if not role:
                    i += 1
                    continue
                if role & _ROLE_ORDINAL:
                    ordinal = self.ordinal_at(i)
                    if ordinal is not None:
                        out.append(ordinal)
                        i = ordinal.last + 1
                        continue
            if not self.starts_number(i):
                if kinds[i] == WORD and roles[texts[i]] & _ROLE_DUAL:
                    dual = self.dual_at(i)
                    if dual is not None:
                        out.append(dual)
                        i = dual.last + 1
                        continue
                one = self.article_one(i, out)
                if one is not None:
                    out.append(one)
                    i = one.last + 1
                    continue
                i += 1
                continue
            expr = self.read_at(i)
            if expr is None:
                i += 1
                continue
            while out and expr.first <= out[-1].first:
                out.pop()  # "2 1/4": the mixed number takes in the integer read before
            out.append(expr)
            i = max(expr.last, expr.num_last) + 1
        self.join_ranges(out)
        self.inherit_units(out)
        return out

    def article_one(self, i: int, out: list[Expr]) -> Expr | None:
        """ "a gallon", "a penny": one of a measure (not "$3 a gallon", which is "per gallon")."""
        tok, lex = self.tok, self.lex
        if tok.texts[i] not in lex.indefinite or not lex.article_units.by_first:
            return None
        found = match_forward(tok, i + 1, lex.article_units, lex, variants=False)
        if found is None:
            return None
        prev = i - 1
        if prev >= 0 and (
            tok.kinds[prev] == NUM
            or lex.number_word(tok.texts[prev]) is not None
            or (out and out[-1].last >= prev - 1)
        ):
            return None
        unit, end = found
        expr = Expr("quantity", i, end, Decimal(1), precision=Decimal(1), unit=unit, unit_span=(i + 1, end))
        expr.num_first = expr.num_last = i
        self.set_interval(expr)
        return expr

    def dual_entries(self, t: str) -> list | None:
        """The dual phrases the word ``t`` may open (attached prefixes allowed, never the article)."""
        table = self.lex.dual_units.by_first
        found = table.get(t)
        if found is None:
            for clitic in self.lex.clitics:
                if t.startswith(clitic) and len(t) - len(clitic) >= 2:
                    found = table.get(t[len(clitic) :])
                    if found is not None:
                        break
        return found

    def dual_at(self, i: int) -> Expr | None:
        """A dual noun, a count of two: "مقتل شخصين", "سيارتان", "بدولارين" (not "الدولتين", "5 ...")."""
        tok, lex = self.tok, self.lex
        entries = self.dual_entries(tok.texts[i])
        if not entries:
            return None
        unit = None
        end = i
        for phrase, value in entries:  # longest first
            e = i + len(phrase) - 1
            if e < self.n and all(tok.texts[i + k] == phrase[k] for k in range(1, len(phrase))):
                unit, end = value, e
                break
        if unit is None:
            return None
        prev = i - 1
        if (
            prev >= 0
            and not self.nominative_dual(i)
            and (
                tok.kinds[prev] == NUM
                or (tok.kinds[prev] == WORD and lex.number_word(tok.texts[prev]) is not None)
            )
        ):
            return None  # the number before is the count ("3 كيلومترين"; "321 رقمان" are two counts)
        last = end
        nxt = end + 1
        if nxt < self.n and tok.kinds[nxt] == WORD and self.after_noun_count(nxt) == 2:
            last = nxt  # "شخصين اثنين": the number repeats the dual
        elif nxt < self.n and (
            tok.kinds[nxt] == NUM
            or (self.starts_number(nxt) and not _attached(tok.texts[nxt], lex.connectors))
        ):
            return None  # "سيارتين 3": the number after is the count
        expr = Expr("quantity", i, last, Decimal(2), precision=Decimal(1), unit=unit, unit_span=(i, end))
        expr.num_first, expr.num_last = i, last
        self.hedge_before(expr)
        self.hedge_after(expr)
        self.set_interval(expr)
        return expr

    def nominative_dual(self, i: int) -> bool:
        """Token ``i`` is a dual noun without the ending it shares with the sound plural ("رقمان",
        "سيارتان"): never the counted noun of a number (numbers take a plural or a singular)."""
        t = self.tok.texts[i]
        return (
            bool(self.lex.dual_oblique)
            and not t.endswith(self.lex.dual_oblique)
            and bool(self.dual_entries(t))
        )

    def after_noun_count(self, i: int) -> Decimal | None:
        """The value of a number word that follows the noun it counts ("واحد", "اثنين"), or None."""
        t = self.tok.texts[i]
        if t in self.lex.after_noun_counts:
            found = self.lex.number_word(t)
            return found[0].value if found is not None else None
        return None

    def noun_before(self, expr: Expr, read: NumberRead) -> bool:
        """ "طفل واحد", "مدنيين اثنين": one and two follow the noun they count, which is their unit."""
        tok, lex = self.tok, self.lex
        if read.first != read.last or self.after_noun_count(read.first) is None:
            return False
        found = match_backward(tok, read.first - 1, lex.units_after, lex)
        if found is None:
            return False
        unit, start = found
        prev = start - 1
        if prev >= 0 and (tok.kinds[prev] == NUM or lex.number_word(tok.texts[prev]) is not None):
            return False  # "5 أشخاص واحد": not a count of its own
        article = lex.article
        if article and any(
            r.startswith(article) for r in (tok.texts[start], *self.clitic_free(tok.texts[start]))
        ):
            return False  # "الطفل الواحد"
        expr.unit, expr.unit_span = unit, (start, read.first - 1)
        expr.first = start
        return True

    def clitic_free(self, t: str) -> list[str]:
        return [t[len(c) :] for c in self.lex.clitics if t.startswith(c) and len(t) - len(c) >= 2]

    def hedge_before(self, expr: Expr) -> None:
        """The hedge before the expression ("نحو", "more than"): sets the bound and moves the start."""
        tok, lex = self.tok, self.lex
        hedge = match_backward(tok, expr.first - 1, lex.hedges_before, lex)
        if hedge is not None and tok.kinds[hedge[1]] == SYM and tok.tight(hedge[1]):
            if tok.texts[hedge[1] - 1] in lex.hedge_not_after:
                hedge = None  # "<>30"
        if hedge is not None:
            bound, hstart = hedge
            exempt = " ".join(tok.texts[hstart : expr.first]) in lex.duration_exempt_hedges
            if not (exempt and expr.unit in lex.duration_units):
                expr.bound = bound
                expr.first = hstart

    def word_role(self, t: str) -> int:
        """What the word ``t`` may open: a number, an ordinal, "a gallon" (0: nothing)."""
        lex = self.lex
        role = 0
        found = lex.number_word(t)
        if found is not None:
            role |= _ROLE_NUMBER
            if found[0].kind == "ten" and not lex.units_before_tens:
                role |= _ROLE_ORDINAL  # "twenty-first"
        if lex.ordinal_word(t) is not None:
            role |= _ROLE_ORDINAL
        if t in lex.indefinite:
            role |= _ROLE_NUMBER  # "a fifth", "a gallon"
        if lex.dual_units.by_first and self.dual_entries(t):
            role |= _ROLE_DUAL  # "شخصين"
        return role

    def ordinal_at(self, i: int) -> Expr | None:
        """An ordinal word at ``i``: "fifth", "twenty-first", "الخامس عشر", "الحادي والعشرون"."""
        tok, lex = self.tok, self.lex
        t = tok.texts[i]
        value = lex.ordinal_word(t)
        if value is None:
            comp = compound_ordinal(tok, i, lex)
            if comp is None:
                return None
            value, last, _, plural = comp
            if plural or (self.text(i - 1) in lex.indefinite and fraction_context(tok, last, lex)):
                return None  # "twenty-firsts", "a twenty-first": fractions
            return Expr("ordinal", i, last, Decimal(value), num_first=i, num_last=last)
        if self.text(i - 1) in lex.indefinite or self.month_before(i):
            return None  # "a fifth" (a fraction), "a second"; "تشرين الأول" (a month)
        last = i
        if value < 10:
            nxt = self.text(i + 1)
            if nxt in lex.teen_suffix:
                value, last = value + 10, i + 1  # "الخامس عشر"
            else:
                k = i + 2 if nxt in lex.connectors else i + 1
                ten = lex.number_word(self.text(k)) if k < self.n and tok.kinds[k] == WORD else None
                if (
                    ten is not None
                    and ten[0].kind == "ten"
                    and ten[0].value >= 20
                    and (
                        any(r.startswith(lex.article) for r in lex.strip_clitics(self.text(k)))
                        or match_forward(tok, k + 1, lex.units_after, lex) is None
                    )
                ):  # "الخامسة و عشرون"; not "اليوم الأول وعشرون قتيلا" (a count of its own)
                    if k == i + 2 or _attached(self.text(k), lex.connectors):
                        value, last = value + int(ten[0].value), k  # "الحادي والعشرون"
        return Expr("ordinal", i, last, Decimal(value), num_first=i, num_last=last)

    def read_at(self, i: int) -> Expr | None:
        tok, lex = self.tok, self.lex
        if (
            i > 1
            and tok.texts[i - 1] == "^"
            and tok.tight(i)
            and tok.tight(i - 1)
            and tok.kinds[i - 2] == WORD
        ):
            return None  # "m^2": the power of a unit symbol
        read = None
        if tok.kinds[i] == NUM and self.text(i + 1) in _POWER_MARKS and tok.tight(i + 1):
            read = read_number(tok, i, lex)
            if read is not None:
                last = read.last
                self.read_power(read)
                if read.last == last:
                    read = None
        if read is None:
            special = self.special_forms(i)
            if special is not None:
                return special
            read = read_number(tok, i, lex)
        if read is None:
            return None
        self.read_ratio(read)
        part_first = self.part_of(read) if lex.part_of.by_first else None
        if lex.mixed_fractions and part_first is None:
            self.mixed_number(read)
        if lex.definite_fractions and read.words and read.first == read.last:
            self.definite_fraction(read)
        expr = Expr(
            "quantity",
            read.first,
            read.last,
            read.value,
            precision=read.precision,
            scale=read.scale,
            num_first=read.first,
            num_last=read.last,
        )
        kind = "ordinal" if read.ordinal else self.classify(read)
        if kind:
            expr.kind = kind
            return expr
        # "a hundred", "half a million": the indefinite article is part of the number
        first = read.first
        if self.clitic_before(first):
            first -= 1
        if self.text(first - 1) in lex.indefinite and read.words:
            first -= 1
        if part_first is not None:
            first = part_first  # "جزء من مئة"
        # negative sign or word
        value = read.value
        if (
            (
                first > 0
                and tok.kinds[first - 1] == SYM
                and tok.texts[first - 1] in "-−"
                and tok.tight(first)
                and (first - 1 == 0 or not tok.tight(first - 1) or tok.kinds[first - 2] == SYM)
            )
            or self.text(first - 1) in lex.negative_words
            or self.lone_spaced_minus(first, read.last)
        ):
            first -= 1
            value = -value
        expr.value = value
        expr.first = first
        # a fraction "a/b" or a mixed number "2 1/4"
        self.read_slash_fraction(expr, read)
        # unit before the number ("$", "US$"), then after it ("people", "في المئة")
        before = match_backward(tok, expr.first - 1, lex.units_before, lex)
        if before is not None and not read.fraction:
            expr.unit, ustart = before
            expr.unit_span = (ustart, expr.first - 1)
        noun_first = (
            lex.after_noun_counts and before is None and read.words and expr.value == read.value
        ) and self.noun_before(expr, read)
        if noun_first:
            pass  # the noun before counts: "طفل واحد"
        elif not read.fraction:
            self.unit_after(expr)
        elif lex.fraction_units:
            self.fraction_unit(expr)
        if before is not None and expr.unit == before[0] and expr.unit_span == (before[1], expr.first - 1):
            expr.first = before[1]
        self.hedge_before(expr)
        self.hedge_after(expr)
        self.tolerance(expr)
        if (
            self.text(expr.last + 1) == "-"
            and tok.tight(expr.last + 1)
            and self.text(expr.last + 2) in lex.joiners
            and not tok.tight(expr.last + 2)
        ):
            expr.last += 1  # "8- to 16-meter": the hyphen waits for the unit of the second number
        if self.text(expr.last + 1) in lex.inherit_markers and expr.unit is None:
            expr.inherit = True
            expr.last += 1
        self.set_interval(expr)
        if self.time_window(expr):
            expr.kind = "period"
        return expr

    def time_window(self, expr: Expr) -> bool:
        """A count of time units that names a stretch of time, not a figure: a window word before it
        or after it ("the past 12 months", "the first nine months of 2024", "آخر 12 شهراً", "الأشهر
        التسعة الأولى", the time noun before the number there)."""
        lex = self.lex
        if not (lex.window_before or lex.window_after) or expr.bound not in ("exact", "approx"):
            return False
        unit = expr.unit
        if unit is None and lex.after_noun_counts:  # "الأشهر التسعة": the time noun before the number
            before = match_forward(self.tok, expr.first - 1, lex.units_after, lex)
            if before is not None and before[1] == expr.first - 1:
                unit = before[0]
        if unit not in lex.duration_units:
            return False
        return any(w in lex.window_before for w in lex.strip_clitics(self.text(expr.first - 1))) or any(
            w in lex.window_after for w in lex.strip_clitics(self.text(expr.last + 1))
        )

    def part_of(self, read: NumberRead) -> int | None:
        """ "جزء من مئة وخمسة": one part of a spelled-out number (1/105); the first token of the phrase.

        Not after digits or with the article ("جزء من 300", "جزء من المئة"), nor when a counted noun or
        unit follows the number ("جزء من ثلاثة ملايين دولار" is "part of")."""
        tok, lex = self.tok, self.lex
        if not read.words or read.digits or read.fraction or read.value <= 1 or rem(read.value, 1):
            return None
        found = lex.number_word(tok.texts[read.first])
        if found is None or found[1]:
            return None
        phrase = match_backward(tok, read.first - 1, lex.part_of, lex)
        if phrase is None or match_forward(tok, read.last + 1, lex.units_after, lex) is not None:
            return None
        nxt = read.last + 1
        if nxt < self.n and tok.kinds[nxt] == WORD:
            readings = lex.strip_clitics(tok.texts[nxt])
            if not (
                any(r in lex.part_of_followers for r in readings)
                or (lex.article and any(r.startswith(lex.article) for r in readings))
            ):
                return None  # "جزء من ثلاثة ملايين لقاح": the counted noun of the number
        read.value = ONE / read.value
        read.precision = None
        read.bare_digits = None
        read.fraction = True
        return phrase[1]

    def mixed_number(self, read: NumberRead) -> None:
        """ "ثلاثة وخمس" (3 1/5), "مئة وثلاثون وخمسين" (130 2/5): a whole number, "و" and a fraction noun
        that cannot be one count with it (the number reader stopped before it: a unit after a unit, a ten
        after a ten). Not in "بين ثلاث وخمس", nor in "ثلاث وخمس سنوات" (two counts of one noun), nor before
        a number word or a definite noun ("وثمن السيارة")."""
        tok, lex = self.tok, self.lex
        if not read.words or read.digits or read.fraction or read.scale is not None or rem(read.value, 1):
            return
        j = read.last + 1
        if j >= self.n or tok.kinds[j] != WORD:
            return
        if tok.texts[j] in lex.connectors:
            k, word = j + 1, self.text(j + 1)
            if k >= self.n or tok.kinds[k] != WORD:
                return
        else:
            k, word = j, ""
            for c in lex.connectors:
                if tok.texts[j].startswith(c) and tok.texts[j][len(c) :] in lex.mixed_fractions:
                    word = tok.texts[j][len(c) :]
                    break
        frac = lex.mixed_fractions.get(word)
        if frac is None:
            return
        nxt = k + 1
        if nxt < self.n and tok.kinds[nxt] == WORD:
            t = tok.texts[nxt]
            if (
                lex.number_word(t) is not None
                or (t in lex.connectors and nxt + 1 < self.n and lex.number_word(self.text(nxt + 1)))
                or any(r.startswith(lex.article) for r in lex.strip_clitics(t) if lex.article)
            ):
                return  # "ثلاث وخمس وعشرين", "وخمس آلاف", "وثمن السيارة"
        count = lex.number_word(word)
        if count is not None and count[0].kind == "unit":
            if match_forward(tok, nxt, lex.units_after, lex) is not None:
                return  # "ثلاث وخمس سنوات": two counts of years
        elif count is not None and count[0].kind == "ten":
            before = lex.number_word(tok.texts[read.last])
            if before is not None and before[0].kind == "ten" and before[0].tag == count[0].tag:
                return  # "ثلاثين وخمسين" agree in case: two counts ("ثلاثون وخمسين" do not: 30 2/5)
        opener = self.range_opener(Expr("quantity", read.first, read.last, read.value))
        if opener is not None and opener[1] & lex.connectors:
            return  # "بين ثلاث وخمس سنوات": 3 to 5
        read.value += frac
        read.last = k
        read.precision = None
        read.bare_digits = None
        read.fractional = True

    def definite_fraction(self, read: NumberRead) -> None:
        """ "خمس السكان": a fraction word before a definite noun is that part of it (of a definite
        number word: "خمس العشرين" is 4); before an indefinite noun it stays a count ("خمس سنوات")."""
        tok, lex = self.tok, self.lex
        t = tok.texts[read.first]
        if lex.number_word(t) is None:
            return
        den = ONE
        j = read.first
        while j < self.n and tok.kinds[j] == WORD and tok.texts[j] in lex.definite_fractions:
            den *= lex.definite_fractions[tok.texts[j]]  # "خمس خمس العشرين": a fifth of a fifth
            j += 1
        if j == read.first or j >= self.n or tok.kinds[j] != WORD or not tok.texts[j].startswith(lex.article):
            return
        nxt = tok.texts[j]
        if len(nxt) - len(lex.article) < 2:
            return
        found = lex.number_word(nxt)
        if found is not None and found[1] == 0:
            return  # "آلاف" (written الاف) is no article
        if match_forward(tok, j, lex.units_after, lex, variants=False) is not None:
            return  # "خمس آليات": a listed noun that only looks definite
        read.value = ONE / den
        read.last = j - 1
        if (
            found is not None
            and found[0].kind in ("ten", "unit", "hundred", "teen")
            and found[1] == len(lex.article)
        ):
            read.value = found[0].value / den  # "خمس العشرون": a fifth of twenty
            read.last = j
        read.precision = None
        read.bare_digits = None
        read.fraction = True

    def fraction_unit(self, expr: Expr) -> None:
        """A measure straight after a bare fraction: "one-half miles" (not "half the people")."""
        found = match_forward(self.tok, expr.num_last + 1, self.lex.units_after, self.lex)
        if found is not None and found[0] in self.lex.fraction_units:
            expr.unit, expr.unit_span = found[0], (expr.num_last + 1, found[1])
            expr.last = found[1]

    def lone_spaced_minus(self, first: int, last: int) -> bool:
        """ "- 10  k": a minus set apart by a space is a sign only when the number is all there is
        (a dash opening a line before text is a list bullet: "- 10 people were killed")."""
        tok = self.tok
        return (
            first == 1
            and tok.texts[0] in "-−"
            and tok.gap(1) == " "
            and all(tok.kinds[j] == SYM for j in range(last + 1, self.n))
        )

    def tolerance(self, expr: Expr) -> None:
        """ "9.83e-3 +/- 1e-5 km/s2", "5 ± 0.2 kg": the tolerance belongs to the value."""
        tok = self.tok
        j = expr.last + 1
        if self.text(j) == "±":
            k = j + 1
        elif self.text(j) == "+" and self.text(j + 1) == "/" and self.text(j + 2) == "-":
            k = j + 3
        else:
            return
        if k >= self.n or tok.kinds[k] != NUM:
            return
        err = read_number(tok, k, self.lex)
        if err is None:
            return
        tail = Expr("quantity", k, err.last, err.value, num_first=k, num_last=err.last)
        if expr.unit is None:
            self.unit_after(tail)
            expr.unit, expr.unit_span = tail.unit, tail.unit_span
        expr.last = tail.last

    def clitic_before(self, i: int) -> bool:
        """Token ``i`` is digits with a one-letter prefix glued on: "بـ250", "و25", "لـ300"."""
        tok = self.tok
        return (
            i > 0
            and tok.kinds[i] == NUM
            and tok.tight(i)
            and tok.kinds[i - 1] == WORD
            and tok.texts[i - 1] in self.lex.clitics
            and not (i > 1 and tok.tight(i - 1) and tok.kinds[i - 2] == WORD)
        )

    # ------------------------------------------------------------------ non-claims
    def special_forms(self, i: int) -> Expr | None:
        """Clock times, ISO and slash dates, fiscal years, periods, ordinals, names, phones."""
        tok = self.tok
        if tok.kinds[i] != NUM:
            return None
        t = tok.texts[i]
        nxt = self.text(i + 1)
        tight1 = i + 1 < self.n and tok.tight(i + 1)
        tight2 = i + 2 < self.n and tok.tight(i + 2)
        # phone: "+963 11 123 4567", or after a phone cue with long digit groups
        if self.phone_at(i):
            j = i
            while (
                j + 1 < self.n
                and (tok.kinds[j + 1] == NUM or tok.texts[j + 1] in "-")
                and (tok.gap(j + 1) in ("", " "))
            ):
                j += 1
            first = i - 1 if self.text(i - 1) == "+" else i
            return Expr("phone", first, j, None, num_first=i, num_last=j)
        # clock time 10:30
        if nxt == ":" and tight1 and tight2 and i + 2 < self.n and tok.kinds[i + 2] == NUM and t.isdigit():
            if int(t) <= 24 and len(tok.texts[i + 2]) == 2:
                return Expr("time_of_day", i, i + 2, None, num_first=i, num_last=i + 2)
        # ISO date 2025-11-13
        if (
            len(t) == 4
            and t.isdigit()
            and nxt == "-"
            and tight1
            and tight2
            and tok.kinds[i + 2] == NUM
            and self.text(i + 3) == "-"
            and i + 4 < self.n
            and tok.kinds[i + 4] == NUM
            and tok.tight(i + 4)
        ):
            return Expr("date", i, i + 4, None, num_first=i, num_last=i + 4)
        if nxt == "/" and tight1 and tight2 and tok.kinds[i + 2] == NUM and t.isdigit():
            second = tok.texts[i + 2]
            # slash date 13/11/2025: three parts
            if self.text(i + 3) == "/" and i + 4 < self.n and tok.kinds[i + 4] == NUM and tok.tight(i + 3):
                return Expr("date", i, i + 4, None, num_first=i, num_last=i + 4)
            # fiscal year 2023/24
            if (
                len(t) == 4
                and _YEAR_MIN <= int(t) <= _YEAR_MAX
                and second.isdigit()
                and len(second) in (2, 4)
            ):
                return Expr("fiscal_year", i, i + 2, None, num_first=i, num_last=i + 2)
        # periods 2014–2017 and fiscal years 2012–13
        if len(t) == 4 and t.isdigit() and _YEAR_MIN <= int(t) <= _YEAR_MAX and nxt in ("-", "–", "/"):
            if (
                i + 2 < self.n
                and tok.kinds[i + 2] == NUM
                and tok.gap(i + 1).strip() == ""
                and len(tok.gap(i + 2)) <= 1
            ):
                second = tok.texts[i + 2]
                if (
                    second.isdigit()
                    and len(second) == 4
                    and int(t) < int(second) <= min(_YEAR_MAX, int(t) + 50)
                ):
                    return Expr("period", i, i + 2, None, num_first=i, num_last=i + 2)
                if second.isdigit() and len(second) == 2 and (int(t) + 1) % 100 == int(second):
                    return Expr("fiscal_year", i, i + 2, None, num_first=i, num_last=i + 2)
        # ordinals 21st; "ال١٩٢"
        if tight1 and nxt in self.lex.ordinal_suffixes:
            value = Decimal(t) if t.isdigit() else None
            return Expr("ordinal", i, i + 1, value, num_first=i, num_last=i + 1)
        if (
            i > 0
            and tok.tight(i)
            and tok.kinds[i - 1] == WORD
            and self.lex.article
            and tok.texts[i - 1]
            in (
                self.lex.article,
                *(c + self.lex.article for c in self.lex.clitics),
            )
        ):
            value = Decimal(t) if t.isdigit() else None
            return Expr("ordinal", i - 1, i, value, num_first=i, num_last=i)
        # numbers inside names: F-16, COVID-19, G20, MH17, 3D
        if i > 0 and tok.tight(i) and tok.kinds[i - 1] == WORD and not self.clitic_before(i):
            return Expr("in_name", i - 1, i, None, num_first=i, num_last=i)
        if (
            i > 2
            and tok.texts[i - 1] == "+"
            and tok.tight(i)
            and tok.tight(i - 1)
            and tok.kinds[i - 2] == NUM
            and tok.tight(i - 2)
            and tok.kinds[i - 3] == WORD
        ):
            return Expr("in_name", i - 1, i, None, num_first=i, num_last=i)  # "J1149.5+6663"
        if (
            i > 1
            and tok.tight(i)
            and tok.texts[i - 1] == "-"
            and tok.tight(i - 1)
            and tok.kinds[i - 2] == WORD
        ) and tok.texts[i - 2] not in self.lex.numbers:
            return Expr("in_name", i - 2, i, None, num_first=i, num_last=i)
        if (
            tight1
            and nxt in self.lex.decade_suffixes
            and t.isdigit()
            and (len(t) == 2 or _YEAR_MIN <= int(t) <= _YEAR_MAX)
        ):
            if int(t) % 10 == 0 and not (i + 2 < self.n and tok.tight(i + 2) and tok.kinds[i + 2] != SYM):
                return Expr("year", i, i + 1, Decimal(t), num_first=i, num_last=i + 1)  # "the 1960s"
        if tight1 and tok.kinds[i + 1] == WORD and not self.unit_or_scale_word(i + 1):
            return Expr("in_name", i, i + 1, None, num_first=i, num_last=i + 1)
        if (
            i + 2 < self.n
            and nxt in ("-", "–")
            and tight1
            and tok.tight(i + 2)
            and self.text(i + 2) in self.lex.name_after
        ):
            return Expr("in_name", i, i + 2, None, num_first=i, num_last=i)  # a grade: "92-octane"
        if (
            tight1
            and tight2
            and tok.kinds[i + 1] == WORD
            and tok.kinds[i + 2] == NUM
            and (found := match_forward(tok, i + 1, self.lex.units_after, self.lex)) is not None
            and found[1] == i + 1
        ):
            return Expr("in_name", i, i + 2, None, num_first=i, num_last=i + 2)  # a code: "06F6"
        if (
            self.text(i - 1) in self.lex.name_cues
            and t.isdigit()
            and not match_backward(tok, i - 1, self.lex.hedges_before, self.lex)  # "ما مجموعه 3"
            and not self.measure_after(i)  # "طريق 29 كم": a 29 km road
        ):
            return Expr("in_name", i - 1, i, None, num_first=i, num_last=i)
        return None

    def measure_after(self, j: int) -> bool:
        """A measure unit follows token ``j`` after a space ("29 كم", "29 km"): a number after a name cue
        is then a quantity of it, not a name ("Route 66"; glued, "Boeing 777F" is a model)."""
        lex = self.lex
        if not lex.name_cue_measures or j + 1 >= self.n or self.tok.tight(j + 1):
            return False
        found = match_forward(self.tok, j + 1, lex.units_after, lex)
        if found is None or self.text(j + 1) in lex.tight_only:
            return False
        return found[0] in lex.name_cue_measures

    def hedge_after(self, expr: Expr) -> None:
        """ "or more", "على الأقل", "تقريباً", "فقط" after the number (and its unit)."""
        tok, lex = self.tok, self.lex
        if expr.bound in _STRICT:
            equal = match_forward(tok, expr.last + 1, lex.or_equal, lex)
            if equal is not None and not (equal[1] + 1 < self.n and self.starts_number(equal[1] + 1)):
                expr.bound = _STRICT[expr.bound]  # "less than 5000 or equal"
                expr.last = equal[1]
                return
        after = match_forward(tok, expr.last + 1, lex.hedges_after, lex)
        if after is None:
            return
        bound, aend = after
        if bound not in ("exact", "approx") and (
            self.text(aend + 1) in lex.hedge_after_blockers
            or (aend + 1 < self.n and self.starts_number(aend + 1))
        ):
            return  # "وأكثر من 20 طفلاً", "على الأكثر 100 وعلى الأقل 20": it opens the next figure
        if bound == "approx":
            if expr.bound == "exact":
                expr.bound = "approx"
        elif bound != "exact":  # "فقط" / "only" keeps the bound it had
            expr.bound = bound
        expr.last = aend
        if expr.unit is None and expr.unit_span is None:
            self.unit_after(expr, aend + 1)  # "500 or more students"

    def unit_or_scale_word(self, i: int) -> bool:
        t = self.tok.texts[i]
        found = self.lex.number_word(t)
        if found is not None and found[0].kind in (
            "scale",
            "scale_abbrev",
            "scale_plural",
            "hundred",
            "dual",
        ):
            return True
        if t in self.lex.ordinal_suffixes:
            return True
        return match_forward(self.tok, i, self.lex.units_after, self.lex) is not None

    def phone_at(self, i: int) -> bool:
        tok = self.tok
        if self.text(i - 1) == "+" and (i - 1 == 0 or tok.kinds[i - 2] != NUM):
            digits = 0
            j = i
            while j < self.n and (tok.kinds[j] == NUM or tok.texts[j] == "-"):
                digits += sum(ch.isdigit() for ch in tok.texts[j])
                j += 1
            return digits >= 7
        prev = self.text(i - 1)
        if prev in self.lex.phone_cues or (prev == ":" and self.text(i - 2) in self.lex.phone_cues):
            nxt_is_num = i + 1 < self.n and tok.kinds[i + 1] in (NUM,) and tok.gap(i + 1) in (" ", "-")
            return len(tok.texts[i]) >= 6 or nxt_is_num
        return False

    def has_unit_after(self, j: int) -> bool:
        k = j + 1
        if k >= self.n:
            return False
        if self.lex.number_word(self.tok.texts[k]) is not None:
            return True
        if self.tok.texts[k] in self.lex.tight_only and not self.tok.tight(k):
            return False
        return match_forward(self.tok, k, self.lex.units_after, self.lex) is not None

    def classify(self, read: NumberRead) -> str | None:
        """Kind of a plain number that is not a quantity (year, date) or None."""
        i = read.first
        if (
            read.words
            and self.text(i - 1) in self.lex.name_cues
            and not match_backward(self.tok, i - 1, self.lex.hedges_before, self.lex)
            and not self.measure_after(read.last)
        ):
            return "in_name"  # "مجموعة العشرين" (the G20)
        if read.words or read.bare_digits is None:
            return None
        t = read.bare_digits
        if not t.isdigit():
            hours, dot, minutes = t.partition(".")
            if (
                dot
                and hours.isdigit()
                and int(hours) <= 24
                and len(minutes) == 2
                and minutes.isdigit()
                and int(minutes) < 60
                and match_forward(self.tok, i + 1, self.lex.clock_cues, self.lex)
            ):
                return "time_of_day"  # "2.13 am"
            return None
        value = int(t)
        # a day next to a month: "1 تشرين الأول", "October 1", "4 مايو"; both days of an interval of
        # dates: "بين 1 و15 تشرين الأول", "from 1 to 15 October", "October 1 to 15"
        if (
            1 <= value <= 31
            and len(t) <= 2
            and (self.is_month(i + 1) or self.month_before(i - 1) or self.day_interval(i))
        ):
            return "date"
        if _year_like(read):
            if self.month_before(i - 1):
                return "year"
            if self.has_unit_after(i):
                return None
            if match_backward(self.tok, i - 1, self.lex.hedges_before, self.lex):
                return None
            return "year"
        # clock: "الساعة 10", "at 10 pm"
        if value <= 24 and (
            match_backward(self.tok, i - 1, self.lex.clock_cues, self.lex)
            or match_forward(self.tok, i + 1, self.lex.clock_cues, self.lex)
        ):
            return "time_of_day"
        return None

    def is_day(self, i: int) -> bool:
        t = self.text(i)
        return (
            0 <= i < self.n and self.tok.kinds[i] == NUM and t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31
        )

    def day_interval(self, i: int) -> bool:
        """Day ``i`` and another day joined to it, the pair next to a month: "1 و15 تشرين الأول"."""
        links = self.lex._memo.get("day_links")
        if links is None:
            lex = self.lex
            links = lex._memo["day_links"] = (
                lex.connectors | lex.joiners | lex.change_to | {w for _, join in lex.between for w in join}
            )
        if self.text(i + 1) in links and self.is_day(i + 2) and self.is_month(i + 3):
            return True
        return self.text(i - 1) in links and self.is_day(i - 2) and self.month_before(i - 3)

    def read_ratio(self, read: NumberRead) -> None:
        """ "one over three", "واحد على ٣", "one in five": a ratio of two numbers (never a year below)."""
        tok, lex = self.tok, self.lex
        j = read.last + 1
        if j >= self.n or tok.kinds[j] != WORD or read.fraction:
            return
        found = match_forward(tok, j, lex.fraction_over, lex, variants=False)
        if found is None:
            found = match_forward(tok, j, lex.fraction_over_one, lex, variants=False)
            if found is None or read.value != 1:
                return
        k = found[1] + 1
        if k >= self.n or not self.starts_number(k):
            return
        if match_backward(tok, read.first - 1, lex.units_before, lex):
            return  # "$2000 over 3 years"
        den = read_number(tok, k, lex)
        if den is None or den.value == 0 or _year_like(den) or den.fraction:
            return
        after = match_forward(tok, den.last + 1, lex.units_after, lex)
        if after is not None and after[0] in lex.duration_units:
            return  # "1 in 3 years" is a time
        # "مائتان وثلاثة جزء من مائة": 200 and 3/100, as "two hundred and three hundredths"
        read.value = read.head + (read.value - read.head) / den.value
        read.last = den.last
        read.precision = None
        read.bare_digits = None
        read.fraction = True

    def read_power(self, read: NumberRead) -> None:
        """ "1.1^23", "2.5^-1", "1.3x10^6", "8x2^10": a power, or digits times a power (notation)."""
        tok = self.tok
        j = read.last
        if read.words or not read.digits or j + 2 >= self.n:
            return
        value = read.value
        factor = None
        if self.text(j + 1) in _TIMES and tok.tight(j + 1) and tok.kinds[j + 2] == NUM and tok.tight(j + 2):
            factor = value
            got = read_digits(tok.texts[j + 2])
            if got is None:
                return
            value = got.value
            j += 2
        if factor is not None and value == 10 and self.text(j + 1) in ("-", "−") and tok.tight(j + 1):
            k = j + 1  # "2.48×10−5": the caret left out
        elif self.text(j + 1) != "^" or not tok.tight(j + 1):
            return
        else:
            k = j + 2
        negative = False
        while k < self.n and self.text(k) in ("-", "+") and tok.tight(k):
            negative ^= self.text(k) == "-"
            k += 1
        if k >= self.n or tok.kinds[k] != NUM or not tok.tight(k) or not tok.texts[k].isdigit():
            return
        exponent = int(tok.texts[k][:4])
        if exponent > _MAX_EXPONENT or (value == 0 and negative):
            return
        try:
            result = value ** (-exponent if negative else exponent)
        except ArithmeticError:
            return
        read.value = result * factor if factor is not None else result
        read.precision = None
        read.last = k
        read.bare_digits = None

    def read_slash_fraction(self, expr: Expr, read: NumberRead) -> None:
        """``3/4`` → 0.75 and ``2 1/4`` → 2.25 (not dates or fiscal years: those were read before)."""
        tok = self.tok
        j = read.last
        if read.bare_digits is None or self.text(j + 1) != "/" or not tok.tight(j + 1):
            return
        if j + 2 >= self.n or tok.kinds[j + 2] != NUM or not tok.tight(j + 2):
            return
        den = read_digits(tok.texts[j + 2])
        if den is None or den.value == 0:
            return
        sign = -1 if expr.value is not None and expr.value < 0 else 1
        frac = abs(read.value) / den.value
        expr.value = sign * frac
        expr.precision = None
        expr.last = expr.num_last = j + 2
        # mixed number: an integer just before, separated by one space
        k = read.first - 1
        gap = tok.gap(read.first)
        if k >= 0 and tok.kinds[k] == NUM and tok.texts[k].isdigit() and gap in (" ", "  "):
            whole = Decimal(tok.texts[k])
            expr.first = expr.num_first = k
            neg = k > 0 and tok.texts[k - 1] in "-−" and (k - 1 == 0 or not tok.tight(k - 1))
            expr.value = (whole + frac) * (-1 if neg else 1)
            if neg:
                expr.first = k - 1

    def unit_after(self, expr: Expr, start: int | None = None) -> None:
        """The unit or counted noun after the number (English may skip adjectives)."""
        tok, lex = self.tok, self.lex
        start = expr.num_last + 1 if start is None else start
        if (
            self.text(start) == "-"
            and tok.tight(start)
            and start + 1 < self.n
            and tok.tight(start + 1)
            and tok.kinds[start + 1] == WORD
            and match_forward(tok, start + 1, lex.units_after, lex) is not None
        ):
            start += 1  # "a 16-meter telescope"
        if lex.partitives.by_first and expr.unit is None:
            part = match_forward(tok, start, lex.partitives, lex)
            if part is not None and match_forward(tok, part[1] + 1, lex.units_after, lex) is not None:
                start = part[1] + 1  # "14 of its fighters"
        skip = 0
        noun = None  # the first noun no table lists, taken when no listed one follows in reach
        while start < self.n and skip <= lex.skip_max:
            found = match_forward(tok, start, lex.units_after, lex)
            if found is not None:
                unit, end = found
                tight_only = tok.texts[start] in lex.tight_only and len(range(start, end + 1)) == 1
                if tight_only and not tok.tight(start):
                    break
                if expr.value != 2 and lex.dual_oblique and self.nominative_dual(start):
                    break  # "٣٢١ رقمان": the dual counts two of its own
                if expr.unit is None or expr.unit == unit:
                    power = self.unit_power(end)
                    if power:
                        unit, end = f"{unit}**{power}", end + 2  # "4km^3"
                    expr.unit = unit
                    expr.unit_span = (start, end)
                    expr.last = end
                elif expr.unit_span is None:
                    expr.unit_span = (start, end)
                return
            if expr.unit is not None:
                return
            if noun is None:
                noun = self.open_noun(expr, start, skip == 0)
            t = tok.texts[start]
            if tok.kinds[start] != WORD or t in lex.skip_stop or lex.number_word(t) is not None:
                break
            skip += 1
            start += 1
        if noun is not None:
            expr.unit, expr.unit_span = noun
            expr.last = expr.unit_span[1]
            expr.open_unit = True

    def open_noun(self, expr: Expr, i: int, first: bool) -> tuple[str, tuple[int, int]] | None:
        """A counted noun no table lists (``[units.open]``): its lemma and tokens, or None. English:
        a plural noun ("1,450 athletes" → athlete); Arabic: a noun in the accusative ("23 مصدراً" →
        مصدر), or right after a scale word ("40 ألف سرير")."""
        lex, tok = self.lex, self.tok
        if not lex.open_endings or tok.kinds[i] != WORD or self.year_like(expr):
            return None
        if tok.kinds[expr.num_first] != NUM:
            return None  # "the three parties": a number word before a noun is seldom a claim's count
        t = fold(tok.texts[i])
        if t in lex.open_not or t in lex.skip_stop or any(t.endswith(e) for e in lex.open_not_endings):
            return None
        if t in lex.year_cues or self.is_month(i) is not None:
            return None  # "32 ألفاً عام 2020", "5,000 in March": a time, not what is counted
        if lex.number_word(t) is not None or not t.isalpha() or len(t) < 3:
            return None
        if lex.article and t.startswith(lex.article):
            return None  # a definite noun is no counted one ("2019 الماضي")
        for ending, lemma in lex.open_endings:
            if t.endswith(ending) and len(t) - len(ending) >= 2:
                return t[: len(t) - len(ending)] + lemma, (i, i)
        if first and lex.open_after_scale and (self.ends_in_scale(expr) or (expr.value or 0) >= 100):
            return t, (i, i)  # the genitive after a hundred or a scale word is written as its lemma
        return None

    def year_like(self, expr: Expr) -> bool:
        """The number is four bare digits in the years' range (as :func:`_year_like`: "2019", not
        "1,800"): likelier a year than a count."""
        t = self.text(expr.num_first)
        if expr.num_first != expr.num_last or len(t) != 4 or not t.isdigit():
            return False
        return _YEAR_MIN <= int(t) <= _YEAR_MAX

    def ends_in_scale(self, expr: Expr) -> bool:
        """The number ends in a scale word ("40 ألف", "2 million")."""
        found = self.lex.number_word(self.text(expr.num_last))
        return found is not None and found[0].kind.startswith("scale")

    def unit_power(self, end: int) -> str | None:
        """ "^3" glued after a unit symbol: its power."""
        tok = self.tok
        if (
            end + 2 < self.n
            and tok.texts[end + 1] == "^"
            and tok.tight(end + 1)
            and tok.tight(end + 2)
            and tok.texts[end + 2].isdigit()
            and len(tok.texts[end + 2]) == 1
        ):
            return tok.texts[end + 2]
        return None

    def set_interval(self, expr: Expr) -> None:
        v = expr.value
        b = expr.bound
        expr.approx = b in _APPROX_BOUNDS
        if b in ("exact", "approx"):
            expr.low = expr.high = v
        elif b in ("more_than", "at_least"):
            expr.low, expr.high = v, None
        elif b in ("less_than", "at_most"):
            expr.low, expr.high = None, v

    # ------------------------------------------------------------------ pairs
    def join_ranges(self, exprs: list[Expr]) -> None:
        """Merge "2,500–3,000", "بين 20 و25 ألفاً", "more than 10 and less than 20" into ranges."""
        k = 0
        while k + 1 < len(exprs):
            a, b = exprs[k], exprs[k + 1]
            if a.kind == b.kind == "quantity" and a.value is not None and b.value is not None:
                if self.join_bounds(a, b) or self.join_range(a, b):
                    del exprs[k + 1]
            k += 1

    def _joined_by(self, a: Expr, b: Expr, words: frozenset[str]) -> bool:
        """Is ``b`` joined to ``a`` by one of ``words`` (a token, or "و" glued to ``b``)?"""
        between = self.tok.texts[a.last + 1 : b.first]
        if len(between) == 1:
            return between[0] in words
        return not between and self.text(b.first) in words and b.first < b.num_first

    def join_bounds(self, a: Expr, b: Expr) -> bool:
        """ "أكبر من 10 وأصغر من 20", "more than 10 and less than 20": one range."""
        lower = ("more_than", "at_least")
        upper = ("less_than", "at_most")
        if not ((a.bound in lower and b.bound in upper) or (a.bound in upper and b.bound in lower)):
            return False
        if (
            not self._joined_by(a, b, self.lex.connectors | _COMMAS)
            and not self.attached_connector(b)
            and not self.joined_by_comma_or(a, b)
        ):
            return False
        lo, hi = (a, b) if a.bound in lower else (b, a)
        if lo.value is not None and hi.value is not None:
            if lo.value > hi.value or (
                lo.value == hi.value and (lo.bound == "more_than" or hi.bound == "less_than")
            ):
                return False  # "more than 40 and less than 10" is two bounds, not an empty range
        self._merge(a, b, lo.value, hi.value, a.first)
        return True

    def join_range(self, a: Expr, b: Expr) -> bool:
        """ "2,500–3,000", "between 20 and 25 thousand", "from 20 to 30 people" (not a change)."""
        if a.bound not in ("exact", "approx") or b.bound not in ("exact", "approx"):
            return False
        if a.unit and b.unit and a.unit != b.unit:
            return False
        opener = self.range_opener(a)
        if opener is not None:
            if not (
                self._joined_by(a, b, opener[1])
                or (
                    not self.tok.texts[a.last + 1 : b.first]
                    and self.attached_connector(b)
                    and opener[1] & self.lex.connectors
                )
            ):
                return False
            start = opener[0]
        else:
            if not self._joined_by(a, b, self.lex.joiners) or self.change_between(a):
                return False
            if self.hyphen_chain(a, b):
                return False
            if a.unit and not b.unit:
                return False  # "5 killed - 19 arrested" is a list, not a range
            if a.value is not None and b.value is not None and b.value >= 0 and a.value > 2 * b.value:
                return False  # "بنزين 92 إلى 17.25 جنيه": a grade's number, then a price; not a range
            start = a.first
        low = a.value
        # a scale written once covers both ends: "بين 20 و25 ألفاً", "2-3 million"
        if b.scale and not a.scale and a.unit is None and abs(a.value) < abs(b.value) / b.scale * 10:
            low = a.value * b.scale
        self._merge(a, b, low, b.value, start)
        return True

    def joined_by_comma_or(self, a: Expr, b: Expr) -> bool:
        """ "..., or ...": a comma then "or" between two bounds."""
        between = self.tok.texts[a.last + 1 : b.first]
        return (
            len(between) == 2
            and between[0] in _COMMAS
            and between[1] in self.lex.bound_or
            and self.tok.kinds[b.first] == WORD
        )

    def hyphen_chain(self, a: Expr, b: Expr) -> bool:
        """ "three-nought-four", "1-0-4": numbers read out in a row are not a range."""
        tok = self.tok

        def linked(sym: int, num: int) -> bool:
            return (
                0 <= sym < self.n
                and 0 <= num < self.n
                and tok.kinds[sym] == SYM
                and tok.texts[sym] in "-–"
                and tok.tight(max(sym, num))
                and tok.tight(min(sym, num) + 1)
                and (tok.kinds[num] == NUM or self.lex.number_word(tok.texts[num]) is not None)
            )

        if not (a.last + 1 < self.n and tok.texts[a.last + 1] in "-–" and tok.tight(a.last + 1)):
            return False
        return linked(b.last + 1, b.last + 2) or linked(a.first - 1, a.first - 2)

    def _merge(self, a: Expr, b: Expr, low: Decimal | None, high: Decimal | None, start: int) -> None:
        a.joined.append(a.last)
        a.low, a.high, a.value = low, high, None
        a.bound = "range"
        a.approx = True
        precisions = [p for p in (a.precision, b.precision) if p is not None]
        a.precision = min(precisions) if precisions else None
        a.unit = a.unit or b.unit
        a.unit_span = a.unit_span or b.unit_span
        a.first = min(a.first, start)
        a.last = b.last
        a.num_last = b.num_last

    def range_opener(self, a: Expr) -> tuple[int, frozenset[str]] | None:
        """ "between" / "بين" / "ما بين" / "from" before ``a``: (first token, its joining words)."""
        match: tuple[tuple[str, ...], int] | None = None
        joins: set[str] = set()
        for opening, joining in self.lex.between:  # longest first
            if match is not None:
                if opening == match[0]:
                    joins.update(joining)  # "between ... and", "between ... to"
                continue
            start = a.first - len(opening)
            if start < 0:
                continue
            words = self.tok.texts[start : a.first]
            ok = all(
                w == o or (idx == 0 and o in self.lex.strip_clitics(w))
                for idx, (w, o) in enumerate(zip(words, opening, strict=True))
            )
            if ok:
                if opening[-1] in self.lex.change_from and self.change_verb_before(start):
                    return None
                match = (opening, start)
                joins.update(joining)
        return (match[1], frozenset(joins)) if match is not None else None

    def attached_connector(self, b: Expr) -> bool:
        t = self.tok.texts[b.first]
        return (
            any(t.startswith(c) and len(t) > len(c) for c in self.lex.connectors)
            and self.tok.kinds[b.first] == WORD
        ) or (t in self.lex.connectors)

    def change_verb_before(self, i: int) -> bool:
        return any(
            t in self.lex.change_verbs or any(v in self.lex.change_verbs for v in self.lex.strip_clitics(t))
            for t in self.tok.texts[max(0, i - 12) : i]
        )

    def change_between(self, a: Expr) -> bool:
        """True when ``a`` opens a change ("from 70,000 to 30,000" after a change verb)."""
        prev = self.text(a.first - 1)
        return prev in self.lex.change_from and self.change_verb_before(a.first - 1)

    def inherit_units(self, exprs: list[Expr]) -> None:
        """Elided counted nouns: "19 others", and the bare side of a change takes the other's unit."""
        claims = [e for e in exprs if e.kind == "quantity"]
        for idx, e in enumerate(claims):
            if e.unit is not None:
                continue
            if e.inherit and idx > 0:
                donor = claims[idx - 1]
                e.unit, e.unit_span = donor.unit, donor.unit_span
                continue
            partner = self.change_partner(claims, idx)
            if partner is not None and partner.unit is not None:
                e.unit, e.unit_span = partner.unit, partner.unit_span
                e.inherit = True

    def change_partner(self, claims: list[Expr], idx: int) -> Expr | None:
        e = claims[idx]
        lex = self.lex
        if self.text(e.first - 1) in lex.change_to or any(
            s in lex.change_to for s in lex.strip_clitics(self.text(e.first - 1))
        ):
            for j in range(idx - 1, -1, -1):
                cand = claims[j]
                if self.text(cand.first - 1) in lex.change_from:
                    return cand
        if self.text(e.first - 1) in lex.change_from:
            for cand in claims[idx + 1 :]:
                if self.text(cand.first - 1) in lex.change_to:
                    return cand
        return None


def _attached(token: str, prefixes: frozenset[str]) -> bool:
    return any(token.startswith(p) and len(token) > len(p) for p in prefixes)


def scan_sentence(tok: Tokens, lex: Lexicon) -> list[Expr]:
    """Every number expression in one sentence's tokens."""
    return SentenceScanner(tok, lex).scan()
