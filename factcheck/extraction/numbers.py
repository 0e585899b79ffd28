"""Reading one number: digits in any separator style, number words, scales, fractions.

:func:`read_number` starts at a token that can open a number and reads as far as the grammar
allows, returning the value (exact, as a :class:`~decimal.Decimal`), the rounding step its surface
implies and the tokens it covers. The grammar is language-neutral; the lexicon says which words
are units, tens, hundreds, scales, duals, fractions and denominators, and whether units come
before tens ("خمسة وعشرون") or after ("twenty-five").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from factcheck.extraction.tokens import GROUP_COMMA, GROUP_COMMAS, NUM, SYM, WORD, Tokens
from factcheck.lexicon import Lexicon, NumberWord
from factcheck.text.normalize import GROUP_SPACE

ZERO = Decimal(0)
ONE = Decimal(1)
_GROUPED_COMMA = re.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d+)?")
_GROUPED_DOT = re.compile(r"\d{1,3}(?:\.\d{3}){2,}+")
_GROUPED_DOT_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})++,\d+")
_GROUPED_LAKH = re.compile(r"\d{1,2}(?:,\d{2}(?=,))++,\d{3}(?:\.\d+)?")
#: thousands grouped by a script's comma ("١،٢٣٤"); a comma left over is then decimal
_GROUPED_ARABIC = re.compile(rf"\d{{1,3}}(?:{GROUP_COMMA}\d{{3}})++(?:[.,]\d+)?")
_SMALL_WORD_KINDS = ("unit", "teen", "ten")


@dataclass(slots=True)
class Digits:
    """A digit token read as a number."""

    value: Decimal
    precision: Decimal
    grouped: bool
    integer_digits: int


@dataclass(slots=True)
class NumberRead:
    """One number as read: value, implied rounding step and the tokens it spans."""

    first: int
    last: int
    value: Decimal
    precision: Decimal | None
    words: bool
    digits: bool
    scale: Decimal | None
    bare_digits: str | None
    head: Decimal = ZERO  # the part before a last "and" after a hundred or scale ("مائتان و" ثلاثة)
    fraction: bool = False  # a bare fraction or ratio ("نصف", "three quarters"): no counted noun
    fractional: bool = False  # a fraction or denominator word was read ("and three fifths")
    ordinal: bool = False  # a compound ordinal: "one hundred fifth" (105th), "two millionth"


def rem(value: Decimal, m: int) -> Decimal:
    """``value % m``; 0 for a value so large that decimal cannot divide it (it is whole)."""
    try:
        return value % m
    except InvalidOperation:
        return ZERO


#: a digit token longer than this is not read as a number (a float holds up to 309 digits)
MAX_DIGITS = 300


def _precision_of_integer(value: Decimal) -> Decimal:
    """Rounding step of a whole number: its trailing zeros, counted in whole thousands groups.

    A figure is read the way it is spoken: 31,000 and 30,000 are "thirty-one / thirty thousand"
    (step 1000), 250 and 20 are counts (step 1); only whole groups of three zeros widen the step.
    """
    if not value:
        return ONE
    _, digits, exp = value.as_tuple()  # counted on the digits: no division per zero, no int()
    last = len(digits)
    while digits[last - 1] == 0:
        last -= 1
    zeros = len(digits) - last + exp
    return Decimal(10) ** (3 * (zeros // 3))


def read_digits(text: str) -> Digits | None:
    """Value of one digit token: ``30,000``, ``1.200.000``, ``٤,٨`` (decimal comma), ``.77``, ``1e10``."""
    exp = 0
    mantissa = text
    if "e" in text:
        mantissa, _, e = text.partition("e")
        try:
            exp = int(e)
        except ValueError:
            return None
        if abs(exp) > 30:
            return None
    grouped = False
    if any(c in mantissa for c in GROUP_COMMAS):  # Arabic comma groups; a comma left over is then decimal
        if not _GROUPED_ARABIC.fullmatch(mantissa):
            return None
        grouped = True
        body = mantissa
        for c in GROUP_COMMAS:
            body = body.replace(c, "")
        body = body.replace(",", ".")
    elif _GROUPED_COMMA.fullmatch(mantissa) or _GROUPED_LAKH.fullmatch(mantissa):
        grouped = True
        body = mantissa.replace(",", "")
    elif _GROUPED_DOT.fullmatch(mantissa):
        grouped = True
        body = mantissa.replace(".", "")
    elif _GROUPED_DOT_DECIMAL.fullmatch(mantissa):  # 1.111,11
        grouped = True
        body = mantissa.replace(".", "").replace(",", ".")
    elif mantissa.count(",") == 1 and "." not in mantissa:
        body = mantissa.replace(",", ".")  # a lone comma not followed by three digits is decimal
    elif mantissa.count(".") <= 1 and "," not in mantissa:
        body = mantissa
    else:
        return None
    if len(body) > MAX_DIGITS:
        return None  # no quantity has that many digits (and a float could not hold it)
    try:
        value = Decimal(body)
    except InvalidOperation:
        return None
    if "." in body:
        decimals = len(body) - body.index(".") - 1
        precision = Decimal(1).scaleb(-decimals) if decimals else ONE
        integer_digits = body.index(".")
    else:
        precision = _precision_of_integer(value)
        integer_digits = len(body.lstrip("0")) or 1
    if exp:
        value = value.scaleb(exp)
        precision = precision.scaleb(exp)
    return Digits(value, precision, grouped, integer_digits)


def _compatible(current: Decimal, n: Decimal, units_before_tens: bool) -> bool:
    """May the small number ``n`` be added to ``current`` ("twenty" + "five", "خمسة" + "عشرون")?"""
    c, m = int(current), int(n)
    if current != c or n != m or m < 0:
        return False
    if m == 0:
        return c == 0
    places = len(str(m))
    if not units_before_tens:
        return c % (10**places) == 0
    # Arabic: every decimal place n uses must be empty in current
    while m:
        if m % 10 and c % 10:
            return False
        m //= 10
        c //= 10
    return True


class _State:
    """Accumulator of the classic total/current algorithm, with what it has seen."""

    __slots__ = (
        "conn_base",
        "current",
        "digit_precision",
        "digits",
        "dozen_unit",
        "dual_guess",
        "frac_only",
        "last",
        "last_kind",
        "last_scale",
        "max_scale",
        "total",
        "words",
    )

    def __init__(self) -> None:
        self.total = ZERO
        self.current = ZERO
        self.conn_base = ZERO  # the value of ``current`` before the last connector ("300 and" two dozen)
        self.dual_guess: Decimal | None = None  # a lone "مليونا" read as two: one if a part follows
        self.last = -1
        self.last_kind = ""
        self.last_scale: Decimal | None = None
        self.max_scale: Decimal | None = None
        self.words = False
        self.digits = False
        self.digit_precision: Decimal | None = None
        self.frac_only = False
        self.dozen_unit = ZERO  # the last dozen-like word's value ("three score" 20)

    @property
    def value(self) -> Decimal:
        return self.total + self.current

    def one_not_two(self) -> None:
        """A lone accusative scale word read as the dual ("مليونا") that a part joins ("مليوناً و673
        ألفاً"): the tamyiz of one, not two; a dual construct takes a noun, never "و" and a number."""
        if self.dual_guess is not None:
            self.total -= self.dual_guess
            self.dual_guess = None

    def read_fraction(self, value: Decimal, last: int) -> None:
        """The number read so far becomes the fraction ``value`` ("three fifths", "a hundredth")."""
        self.total, self.current = ZERO, value
        self.last_scale = self.max_scale = None
        self.words = True
        self.last_kind = "denominator"
        self.last = last


def _apply_scale(st: _State, scale: Decimal) -> bool:
    if st.current == 0 and (st.total == 0 or (st.max_scale is not None and scale < st.max_scale)):
        st.current = ONE  # "ألف" alone; "مليون وألف" (a million and a thousand)
    elif st.current == 0 and not (st.total and st.max_scale is not None and scale > st.max_scale):
        return False
    if st.max_scale is not None and scale >= st.max_scale:
        if st.total and scale > st.max_scale:
            st.total = (st.total + st.current) * scale  # "a thousand million"
        else:
            return False
    else:
        st.total += st.current * scale
    st.current = st.conn_base = ZERO
    st.last_scale = scale
    st.max_scale = scale if st.max_scale is None else max(st.max_scale, scale)
    return True


def _apply_word(st: _State, word: NumberWord, lex: Lexicon, connector: bool, started: bool) -> bool:
    """Fold one number word into the state; False when it cannot continue this number."""
    kind, v = word.kind, word.value
    arabic_needs_connector = lex.units_before_tens and started and not connector
    if kind in _SMALL_WORD_KINDS:
        if st.digits and (not connector or (st.current != 0 and st.last_kind != "hundred")):
            return False  # "3 hundred and one" continues; "5 and one" does not
        if v == 0 and started:
            return False
        if started and st.last_kind == "unit" and st.current == 0 and st.total == 0:
            return False  # nothing continues a zero: "nought-four" is two digits read out
        if started and st.last_kind == "fraction":
            return False
        if kind == "ten" and v == 10 and st.last_kind == "unit" and not connector:
            st.current += v  # teen: "خمسة عشر", "اثنا عشر"
            return True
        if arabic_needs_connector and st.last_kind not in ("hundred", "scale"):
            return False
        if connector and st.last_kind == "dozen" and v < st.dozen_unit:
            st.current += v  # "three score and ten" (70), "two dozen and five" (29)
            return True
        if not _compatible(st.current, v, lex.units_before_tens):
            return False
        if not lex.units_before_tens and st.last_kind in ("unit", "teen") and kind != "unit":
            return False
        if connector and st.last_kind in ("hundred", "scale", "dual", "dozen"):
            st.conn_base = st.current  # "three hundred and | two dozens" (not "ثلاثة و | عشرون")
        st.current += v
        return True
    if kind == "hundred":
        if v != 100:  # a fixed hundred: "ثلاثمئة", "مئتين"
            if st.current != 0 or (arabic_needs_connector and st.last_kind != "scale"):
                return False
            if st.total and st.last_scale is not None and st.last_scale <= v:
                return False
            st.current = v
            return True
        if st.current == 0:
            if arabic_needs_connector and st.last_kind != "scale":
                return False
            st.current = v
        elif st.current < 1000 and st.last_kind in ("unit", "teen", "ten", "digits", "fraction"):
            st.current *= v
        else:
            return False
        return True
    if kind in ("scale", "scale_abbrev"):
        if word.tag == "accusative" and st.current == 0 and st.total == 0:
            st.current = Decimal(2)  # alone, "ألفا شخص" is the dual construct: two thousand
            st.dual_guess = v
        return _apply_scale(st, v)
    if kind == "scale_plural":
        if st.current == 0 and (
            connector or not st.total or st.last_kind != "scale" or st.max_scale is None or v <= st.max_scale
        ):
            return False  # "مئة ألف تريليونات" (a larger plural scale straight after a scale) multiplies
        return _apply_scale(st, v)
    if kind == "dual":
        if st.current != 0:
            return False
        if st.max_scale is not None and st.max_scale <= v:
            return False
        st.total += v
        st.last_scale = v / 2
        st.max_scale = v / 2 if st.max_scale is None else st.max_scale
        return True
    if kind == "dozen":
        # a dozen counts what was said since the last connector: "three hundred and two dozens" is 324,
        # "ثلاث مائة ودزينتين" 300 + 24; "two dozens", "five dozs", "three score" need a count before them
        if connector:
            st.conn_base, count = st.current, ZERO
        else:
            count = st.current - st.conn_base
        if word.tag in ("counted", "abbreviation") and count == 0:
            return False
        st.current = st.conn_base + (count or ONE) * v
        st.dozen_unit = v
        return True
    if kind == "fraction":
        if not started:
            st.current = v
            st.frac_only = True
            return True
        if not connector:
            if st.last_kind == "unit" and st.current == 1 and st.total == 0:
                st.current = v  # "one half"
                return True
            return False
        if st.last_kind in ("scale", "dual") and st.last_scale is not None:
            st.total += v * st.last_scale
        else:
            st.current += v
        return True
    if kind == "denominator":
        if not started:
            return False
        whole = st.total + st.current
        if whole == 0:
            return False
        # "three fifths", "a hundred thousand trillionths": the count read so far over the denominator
        st.total = ZERO
        st.current = whole / v
        st.last_scale = st.max_scale = None
        return True
    return False


def read_number(tok: Tokens, i: int, lex: Lexicon) -> NumberRead | None:
    """Read the number that starts at token ``i`` (a digit token or a number word)."""
    n = len(tok)
    st = _State()
    j = i
    started = False
    fractional = False
    ordinal = False
    bare: str | None = None
    digits_scale: Decimal | None = None
    while j < n:
        kind, text = tok.kinds[j], tok.texts[j]
        connector = False
        k = j
        # a connector between two parts: a word ("and", "و"), or a hyphen between words
        if (
            started
            and k + 1 < n
            and (
                (kind in (WORD, SYM) and text in lex.connectors)
                or (kind == SYM and text in "-–" and st.words and tok.kinds[k + 1] == WORD)
                # "one thousand, one hundred": a comma joins parts after a scale word
                or (text in lex.scale_connectors and st.last_kind == "scale" and tok.kinds[k + 1] == WORD)
            )
        ):
            connector = True
            k += 1
            if rem(st.current, 1000) >= 100 and k + 1 < n and _is_hundred(tok.texts[k + 1], lex):
                break  # "3 hundred and 2 hundred": two numbers
        # "and a half", "one and a quarter"
        if connector and tok.texts[k] in lex.indefinite and k + 1 < n:
            nxt = lex.number_word(tok.texts[k + 1])
            if nxt and nxt[0].kind in ("fraction", "denominator"):
                k += 1
        word_link = (connector and tok.texts[j] in lex.connectors) or (
            started and not connector and kind == WORD and _attached_connector(tok.texts[k], lex)
        )
        if word_link and started and _fraction_ahead(tok, k, lex):
            part = read_number(tok, k, lex)
            if part is not None and part.fractional and _add_fraction_part(st, part):
                st.words = True
                st.last_kind = "fraction"
                st.last = part.last
                j = part.last + 1
                fractional = True
                continue
        if tok.kinds[k] == NUM:
            digits = read_digits(tok.texts[k])
            if digits is None:
                break
            last_k = k
            if started:
                if st.last_kind not in ("scale", "hundred", "dual", "scale_plural"):
                    break
                if not connector and st.last_kind == "hundred":
                    break
                if st.current and not _compatible(st.current, digits.value, lex.units_before_tens):
                    break
                if st.last_scale is not None and digits.value >= st.last_scale:
                    break
            else:
                last_k, digits = _merge_space_groups(tok, k, digits)
                if last_k == k:
                    bare = tok.texts[k]
                st.digit_precision = digits.precision
            if connector and st.last_kind in ("hundred", "scale", "dual"):
                st.conn_base = st.current
            if connector:
                st.one_not_two()
            st.current += digits.value
            st.digits = True
            st.last_kind = "digits"
            st.last = last_k
            started = True
            j = last_k + 1
            continue
        if tok.kinds[k] != WORD:
            break
        if st.last_kind in ("fraction", "denominator") and not connector:
            k = _skip_fraction_links(tok, k, lex)  # "half a million", "a quarter of a million"
        if (
            started
            and not connector
            and tok.texts[k] in lex.count_denominators
            and _count_denominator(st, tok, k, lex)
        ):
            st.read_fraction(st.value / lex.count_denominators[tok.texts[k]], k)
            fractional = True
            j = k + 1
            continue
        found = lex.number_word(tok.texts[k])
        if found is None:
            break
        word, prefix = found
        if connector and word.kind == "fraction" and tok.texts[j] in "-–":
            connector = False  # "one-half" is a half, "one and a half" 1.5
        if word.kind == "ten" and not lex.units_before_tens:
            comp = compound_ordinal(tok, k, lex)
            if comp is not None:
                value, last, hyphen, plural = comp
                indefinite = not started and k > 0 and tok.texts[k - 1] in lex.indefinite
                # "one hundred and thirty fifths" is 130/5; without "and" the ten and the ordinal form
                # one denominator ("one hundred thirty fifths" 100/35, "twenty twenty fifths" 20/25)
                joinable = (not started and not indefinite and plural) or (
                    started
                    and connector
                    and not hyphen
                    and st.last_kind not in ("unit", "teen", "digits")
                    and _compatible(st.current, word.value, False)
                )
                if not joinable and started and not plural and st.last_kind in ("hundred", "scale"):
                    whole = st.total + st.current  # "one hundred twenty-fifth": the 125th
                    if whole > 1 and _compatible(whole, Decimal(value), False):
                        st.total, st.current = ZERO, whole + value
                        st.last = last
                        ordinal = True
                        break
                if not joinable:
                    # "one twenty-fifth", "three twenty-firsts", "a twenty-first": a compound denominator;
                    # otherwise "twenty-first" is an ordinal and the number ends before it
                    whole = st.total + st.current if started else (ONE if indefinite else ZERO)
                    if whole == 0 or not (plural or (whole == 1 and fraction_context(tok, last, lex))):
                        break
                    st.read_fraction(whole / value, last)
                    started = fractional = True
                    j = last + 1
                    continue
        if not started and word.kind == "denominator":
            # "a fifth", "a hundredth": the indefinite article counts one
            if not (k > 0 and tok.texts[k - 1] in lex.indefinite):
                break
            st.read_fraction(ONE / word.value, k)
            started = fractional = True
            j = k + 1
            continue
        if word.kind == "denominator" and started and not prefix:
            place = _ordinal_place(st, tok.texts[k], connector, lex)
            if place is not None:
                st.total, st.current = ZERO, place  # "two hundredth", "one hundred (and) fifth"
                st.last = k
                ordinal = True
                break
        if (
            started
            and not connector
            and st.total == 0
            and st.current == 1
            and st.last_kind == "unit"
            and word.kind == "unit"
        ):
            part = read_number(tok, k, lex)  # "one one hundred fifth": one 105th
            if part is not None and part.ordinal:
                st.read_fraction(ONE / part.value, part.last)
                fractional = True
                break
        attached = prefix > 0 and any(tok.texts[k].startswith(c) for c in lex.connectors)
        if started and prefix > 0 and not attached:
            break  # "40 بالمئة": a preposition+article word never continues a number
        if not started and word.kind == "fraction" and prefix and _has_article(tok.texts[k], lex):
            break  # "الربع الثالث", "النصف الأول": a quarter / half of the year, not a figure
        if not started and word.kind == "fraction" and k > 0 and lex.ordinal_word(tok.texts[k - 1]):
            break  # "the first half", "the third quarter": a part of the year, not a figure
        if word.kind == "scale_abbrev":
            # only straight after digits: "5k", "3.5bn", "2.33 k"; "m" and "b" only after a currency ("$10m")
            if not (st.last_kind == "digits" and k == j and tok.gap(k) in ("", " ", "  ")):
                break
            if tok.texts[k] in lex.currency_scales and not _money_or_count(tok, i, k, lex):
                # a letter that names no unit, glued to a decimal ("1.2b"), can only be a scale: a label
                # ("Article 2b") has no decimals
                decimal = st.digit_precision is not None and st.digit_precision < 1
                letter_unit = any(len(ph) == 1 for ph, _ in lex.units_after.by_first.get(tok.texts[k], ()))
                if not (decimal and tok.tight(k) and not letter_unit):
                    break
        elif st.last_kind == "digits" and word.kind not in (
            "scale",
            "scale_plural",
            "hundred",
            "dual",
            "dozen",
        ):
            if not connector or word.kind not in (*_SMALL_WORD_KINDS, "fraction"):
                break
        if (
            word.kind == "unit"
            and (connector or attached)
            and st.last_kind in ("unit", "ten", "teen")
            and k + 1 < n
            and tok.texts[k + 1] in lex.teen_suffix
        ):
            break  # "عشرة وخمسة عشر": a teen after a count opens the next number
        digits_before = st.last_kind == "digits" and st.total == 0
        if not _apply_word(st, word, lex, connector or attached, started):
            break
        if connector or attached:
            st.one_not_two()
        if digits_before and word.kind in ("scale", "scale_plural", "scale_abbrev", "hundred"):
            digits_scale = word.value
        st.words = True
        st.last_kind = word.kind
        st.last = k
        started = True
        fractional = fractional or word.kind in ("fraction", "denominator")
        j = k + 1
        if word.kind == "fraction" and (connector or attached) and j < n and st.last_scale is not None:
            again = lex.number_word(tok.texts[j])
            if again and again[0].kind == "scale" and again[0].value == st.last_scale:
                st.last = j  # "مليون ونصف المليون": half of the same million
                j += 1
        # decimal word: "واحد فاصلة واحد", "two hundred point zero three"
        if j + 1 < n and tok.texts[j] in lex.decimal_words and st.max_scale is None:
            got = _read_decimal_words(tok, j + 1, lex)
            if got:
                digits_str, end = got
                over = _decimal_over(tok, end + 1, lex, len(digits_str))
                if over is not None:  # "مائتين فاصلة ثلاثة من مائة": 200 and 3 hundredths
                    st.current += Decimal(digits_str) / over[0]
                    end = over[1]
                else:
                    st.current += Decimal("0." + digits_str)
                st.last = end
                j = end + 1
    if not started:
        return None
    value = st.value
    if not st.words and st.digit_precision is not None:
        precision = st.digit_precision
    elif st.digit_precision is not None and digits_scale is not None and st.total == value:
        precision = st.digit_precision * digits_scale  # "2.5 million" → 100,000; "30 ألفاً" → 1,000
    elif value == value.to_integral_value():
        precision = _precision_of_integer(value)
    else:
        precision = Decimal("0.01")
    fraction = st.max_scale is None and st.last_kind in ("fraction", "denominator") and value < 1
    return NumberRead(
        head=st.total + st.conn_base if st.conn_base else ZERO,
        fraction=fraction,
        fractional=fractional,
        first=i,
        last=st.last,
        value=value,
        precision=precision,
        words=st.words,
        digits=st.digits,
        scale=st.last_scale,
        bare_digits=bare if not st.words and st.last == i else None,
        ordinal=ordinal,
    )


def compound_ordinal(tok: Tokens, k: int, lex: Lexicon) -> tuple[int, int, bool, bool] | None:
    """ "twenty-first", "twenty fifths" from the ten at ``k``: (value, last token, hyphenated, plural)."""
    found = lex.number_word(tok.texts[k])
    if found is None or found[0].kind != "ten" or found[1]:
        return None
    j = k + 1
    hyphen = j < len(tok) and tok.texts[j] in "-–" and tok.tight(j)
    if hyphen:
        j += 1
        if j < len(tok) and not tok.tight(j):
            return None
    if j >= len(tok) or tok.kinds[j] != WORD:
        return None
    text = tok.texts[j]
    plural = False
    unit = lex.ordinal_word(text)
    if unit is None and text.endswith("s") and text[:-1] not in lex.units_after:
        unit = lex.ordinal_word(text[:-1])  # "twenty-firsts" (not "twenty seconds")
        plural = True
    if unit is None or not 1 <= unit <= 9:
        return None
    return int(found[0].value) + unit, j, hyphen, plural


def fraction_context(tok: Tokens, last: int, lex: Lexicon) -> bool:
    """A singular fraction ends here: nothing, a sign or "of" follows ("one twenty-fifth of")."""
    nxt = last + 1
    return nxt >= len(tok) or tok.kinds[nxt] != WORD or tok.texts[nxt] in lex.fraction_links


def _ordinal_place(st: _State, token: str, connector: bool, lex: Lexicon) -> Decimal | None:
    """A singular ordinal after a count is a compound ordinal, not a fraction: "two hundredth" (200th),
    "two millionth", "one hundred fifth" (105th), "one hundred and twenty fifth"; "three fifth(s)" and
    "one hundredth" stay fractions."""
    place = lex.ordinal_word(token)
    whole = st.total + st.current
    if place is None or whole <= 1 or whole != whole.to_integral_value():
        return None
    if place >= 100 and not connector and st.total == 0 and st.last_kind in _SMALL_WORD_KINDS:
        return whole * place
    if place < 100 and (
        st.last_kind in ("hundred", "scale") or (st.last_kind == "ten" and place < 10 and whole >= 100)
    ):
        if _compatible(whole, Decimal(place), False):
            return whole + place
    return None


def _count_denominator(st: _State, tok: Tokens, k: int, lex: Lexicon) -> bool:
    """A singular fraction noun after a spelled-out count of eleven or more ("ثلاثة وعشرون خمس")."""
    if st.digits or not st.words or st.last_kind not in _SMALL_WORD_KINDS + ("hundred",):
        return False
    if st.total + st.current < lex.count_denominator_min:
        return False
    # "مائة خمس وعشرون" (a count going on without "و") is not a fraction
    return not (k + 1 < len(tok) and lex.number_word(tok.texts[k + 1]) is not None)


def _is_hundred(token: str, lex: Lexicon) -> bool:
    found = lex.number_word(token)
    return bool(found and found[0].kind == "hundred" and found[0].value == 100)


def _attached_connector(token: str, lex: Lexicon) -> bool:
    found = lex.number_word(token)
    return bool(found and found[1] > 0 and any(token.startswith(c) for c in lex.connectors))


def _fraction_ahead(tok: Tokens, k: int, lex: Lexicon) -> bool:
    """Does a denominator follow within a few words ("and three fifths", "and fifty-four hundredths")?"""
    for j in range(k, min(k + 4, len(tok))):
        if tok.kinds[j] == WORD:
            found = lex.number_word(tok.texts[j])
            if found is None:
                return False
            if found[0].kind == "denominator" or (j > k and found[0].kind == "fraction"):
                return True
            if j == k and found[0].kind == "fraction" and j + 1 < len(tok):
                # "and a half million": a fraction of a smaller scale
                nxt = lex.number_word(tok.texts[j + 1])
                return bool(nxt and nxt[0].kind == "scale" and nxt[1] == 0)
        elif tok.kinds[j] != SYM and j > k:
            return False
    return False


def _add_fraction_part(st: _State, part: NumberRead) -> bool:
    """Add "and three fifths" (of the scale just read, if any) or "and three quarters million"."""
    if part.value >= 1:
        # "one billion and three quarters million": a smaller scaled part
        if part.scale is None or st.current != 0 or st.max_scale is None or part.scale >= st.max_scale:
            return False
        st.total += part.value
        return True
    if st.last_kind in ("scale", "dual") and st.last_scale is not None:
        st.total += part.value * st.last_scale
    else:
        st.current += part.value
    return True


def _money_or_count(tok: Tokens, i: int, k: int, lex: Lexicon) -> bool:
    """ "$10m" and "2.3m people" are millions; "10m" alone is ten metres."""
    if i > 0 and tok.texts[i - 1] in lex.units_before:
        return True
    nxt = tok.texts[k + 1] if k + 1 < len(tok) else ""
    return nxt in lex.units_after.by_first and nxt not in lex.tight_only


def _has_article(token: str, lex: Lexicon) -> bool:
    return bool(lex.article) and any(
        r.startswith(lex.article)
        for r in [token, *(token[len(c) :] for c in lex.clitics if token.startswith(c))]
    )


def _skip_fraction_links(tok: Tokens, k: int, lex: Lexicon) -> int:
    """After a fraction, step over "of" and "a" before a scale word ("a quarter of a million")."""
    j = k
    while (
        j < len(tok) and j - k < 2 and (tok.texts[j] in lex.fraction_links or tok.texts[j] in lex.indefinite)
    ):
        j += 1
    if j != k and j < len(tok):
        found = lex.number_word(tok.texts[j])
        if found and found[0].kind in ("scale", "dozen"):
            return j
    return k


def _merge_space_groups(tok: Tokens, k: int, digits: Digits) -> tuple[int, Digits]:
    """``1 234 567`` and ``30 000`` (plain, thin or no-break spaces): one number."""
    text = tok.texts[k]
    if not (1 <= len(text) <= 3 and text.isdigit()):
        return k, digits
    parts = [text]
    j = k + 1
    while j < len(tok) and tok.kinds[j] == NUM and tok.gap(j) in (" ", GROUP_SPACE):
        nxt = tok.texts[j]
        head = nxt.split(".")[0]
        if not (len(head) == 3 and head.isdigit()) or "," in nxt:
            break
        parts.append(nxt)
        j += 1
        if "." in nxt:
            break
    if len(parts) == 1:
        return k, digits
    merged = read_digits("".join(parts))
    if merged is None:
        return k, digits
    merged.grouped = True
    return j - 1, merged


def _decimal_over(tok: Tokens, j: int, lex: Lexicon, places: int) -> tuple[Decimal, int] | None:
    """ "من مائة" after the digits of a decimal word: a power of ten they are counted in (hundredths)."""
    if j + 1 >= len(tok) or tok.kinds[j + 1] != WORD:
        return None
    t = tok.texts[j]
    if not any(
        len(phrase) == 1
        for table in (lex.fraction_over, lex.fraction_over_one)
        for phrase, _ in table.by_first.get(t, ())
    ):
        return None
    found = lex.number_word(tok.texts[j + 1])
    if found is None or found[1] or found[0].kind not in ("hundred", "scale", "ten"):
        return None
    den = found[0].value
    if den < Decimal(10) ** places or den.log10() != den.log10().to_integral_value():
        return None
    return den, j + 1


def _read_decimal_words(tok: Tokens, j: int, lex: Lexicon) -> tuple[str, int] | None:
    """Digits after a decimal word: "zero three" → "03", "seventy-one" → "71", "1" → "1"."""
    out = ""
    end = -1
    while j < len(tok):
        if tok.kinds[j] == NUM and tok.texts[j].isdigit() and not out:
            return tok.texts[j], j
        found = lex.number_word(tok.texts[j]) if tok.kinds[j] == WORD else None
        if not found or found[0].kind not in _SMALL_WORD_KINDS:
            break
        value = int(found[0].value)
        if found[0].kind == "ten" and j + 2 < len(tok) and tok.texts[j + 1] == "-":
            unit = lex.number_word(tok.texts[j + 2])
            if unit and unit[0].kind == "unit":
                value += int(unit[0].value)
                j += 2
        out += str(value)
        end = j
        j += 1
        if value >= 10:
            break
    return (out, end) if out else None
