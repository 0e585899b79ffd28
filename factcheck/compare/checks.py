"""In-article checks: the arithmetic between figures (totals and parts, shares, changes, rates and
conversions: :mod:`factcheck.compare.relations` and :mod:`factcheck.compare.solver`), swapped ranges,
periods their dates do not fit, invisible characters.

``checks.toml`` is the check registry: every check's name, default level and description (read by the
gate, the SARIF rules and inline ``ignore``), and the relative periods. The arithmetic cue words are
language data in the ``[arithmetic]`` section of ``factcheck/lexicon/{ar,en}.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources

from factcheck.compare import findings as fnd
from factcheck.compare.agree import _d, describe, fmt
from factcheck.compare.rules import Rules
from factcheck.lexicon import phrase_tokens
from factcheck.model import Claim, Finding, Level
from factcheck.text.masking import shown_surface


@cache
def _data() -> dict:
    with resources.files(__package__).joinpath("checks.toml").open("rb") as fh:
        return tomllib.load(fh)


def registry_data() -> dict:
    """The parsed ``checks.toml`` (registry, periods, arithmetic units)."""
    return _data()


@cache
def registry() -> dict[str, dict[str, str]]:
    """Every named check: ``{name: {"level": ..., "description": ...}}``, validated on load."""
    from factcheck.errors import ConfigError
    from factcheck.model import LEVELS, Level

    out = {}
    for name, entry in _data().get("checks", {}).items():
        level, description = entry.get("level"), entry.get("description")
        if level not in LEVELS or not isinstance(description, str) or not description.strip():
            raise ConfigError(
                f"checks.{name}: expected a level ({', '.join(LEVELS)}) and a description",
                path="factcheck/compare/checks.toml",
            )
        out[name] = {"level": Level(level), "description": " ".join(description.split())}
    return out


def descriptions() -> dict[str, str]:
    """Check name -> the description every output format shows (SARIF rules, reports)."""
    return {name: entry["description"] for name, entry in registry().items()}


def level_of(check: str, rules: Rules) -> str:
    """A check's level: the rules file's ``[levels]`` first, else the registry's default."""
    return rules.levels.get(check) or registry().get(check, {}).get("level", Level.ERROR)


@cache
def periods() -> dict[tuple[str, ...], tuple[int, int]]:
    """Relative period phrases ("the past week", "الشهر الماضي") → allowed span in days."""
    out: dict[tuple[str, ...], tuple[int, int]] = {}
    from factcheck.lexicon import LANGS

    for lang in LANGS:
        for phrase, span in _data().get(lang, {}).get("periods", {}).items():
            out[phrase_tokens(phrase)] = (int(span[0]), int(span[1]))
    return out


@cache
def _sentence_marks() -> tuple[str, ...]:
    """What ends a sentence between two claims: ". ", "! ", and the marks that need no space after
    them (``scripts.toml``: "؟", "؛")."""
    from factcheck.text.scripts import get

    return (". ", "! ", *get().bare_ends)


def same_sentence(text: str, a: Claim, b: Claim) -> bool:
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    if hi.start - lo.end >= 300:
        return False  # too far apart (and the text between two far figures is never copied)
    gap = text[lo.end : hi.start]
    return "\n" not in gap and not any(mark in gap for mark in _sentence_marks()) and len(gap) < 300


def range_order(claims: Iterable[Claim], rules: Rules) -> list[Finding]:
    out = []
    for c in claims:
        if c.bound == "range" and c.low is not None and c.high is not None and c.low > c.high:
            out.append(
                fnd.make(
                    "range_order",
                    rules.levels.get("range_order", Level.ERROR),
                    [c],
                    f"range {c.text!r} has its bounds swapped ({fmt(_d(c.low))} > {fmt(_d(c.high))})",
                    "a range is read low to high; the first bound is larger than the second",
                )
            )
    return out


#: how many sentences after a period phrase ("the past week") its figures may be dated
_PERIOD_REACH = 2


def period_words(text: str, claims: list[Claim], rules: Rules, *, plain: bool = False) -> list[Finding]:
    """ "the past week" beside operations dated 1 October – 6 November: a period its dates do not fit.

    Each phrase reads the dated figures of the sentences it reaches only (``plain``: every dated
    figure, the same findings the simple way, kept for the tests)."""
    from factcheck.compare import timescope
    from factcheck.text.normalize import normalize

    dated = [  # events dated between two days; a running total's "since X" spans to its statement day
        c
        for c in claims
        if c.time and "/" in c.time and c.aggregation != "cumulative" and timescope.interval(c.time)
    ]
    if not dated:
        return []
    norm = normalize(text)
    folded = norm.text
    from bisect import bisect_left, bisect_right

    from factcheck import lexicon
    from factcheck.text.sentences import split_sentences

    abbreviations = frozenset().union(*(lexicon.get(lang).abbreviations for lang in lexicon.LANGS))
    starts = [a for a, _b in split_sentences(text, abbreviations)]  # "Oct. 1" ends no sentence

    def sentence(offset: int) -> int:
        return bisect_right(starts, offset)

    # the dated figures by sentence: a phrase reads those of its sentence and the next two only
    spans = [(c, timescope.interval(c.time)) for c in dated]
    keyed = sorted((sentence(c.start), k) for k, c in enumerate(dated))
    keys = [s for s, _k in keyed]

    def near(first: int) -> list[tuple[Claim, tuple]]:
        """The dated figures (in their given order) of sentences ``first`` to ``first + _PERIOD_REACH``."""
        if plain:
            return spans
        a, b = bisect_left(keys, first), bisect_right(keys, first + _PERIOD_REACH)
        return [spans[k] for k in sorted(k for _s, k in keyed[a:b])]

    out = []
    for phrase, (lo, hi) in periods().items():
        words = " ".join(phrase)
        at = folded.find(words)
        while at >= 0:
            misfits = []
            start, end = norm.orig_span(at, at + len(words))
            for c, (first, last) in near(sentence(start)):
                days = (last - first).days + 1
                # the figures the phrase speaks of: its sentence and the next two ("22 operations over
                # the past week. ... Between Oct. 1 and Nov. 6, the operations killed ..."); dates
                # spanning longer than the phrase allows: a shorter stretch may lie inside its period
                # ("560 cases in the same period last year", "in the first quarter of last year")
                # a later sentence's figure for a calendar period of its own ("21.3% in the third
                # quarter") is about that period: only dates given day by day speak of the same events
                after = sentence(c.start) - sentence(start)
                if 0 <= after <= _PERIOD_REACH and days > hi and (after == 0 or _by_day(c.time)):
                    misfits.append((c, days))
            by_time: dict[str, list] = {}
            for c, days in misfits:
                by_time.setdefault(c.time, []).append((c, days))
            written = " ".join(text[start:end].split())
            for time, group in by_time.items():
                days = group[0][1]
                out.append(
                    fnd.make(
                        "period",
                        rules.levels.get("period", Level.WARNING),
                        [c for c, _ in group],
                        f'"{written}" does not fit the dates {time} ({days} days)',
                        f"the words allow {lo}–{hi} days; "
                        f"the dates given for the same events span {days} days",
                    )
                )
            at = folded.find(words, at + len(words))
    return out


def _by_day(time: str) -> bool:
    """Is an interval given day by day ("2025-10-01/2025-11-06"), not as months, quarters or years?"""
    return all(part.count("-") == 2 for part in time.split("/"))


_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_HIDDEN = {chr(c) for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F, 0x061C)}


def hidden_characters(text: str, claims: list[Claim], rules: Rules) -> list[Finding]:
    """Invisible characters inside a figure: bidi overrides can show "13" as "31" (an error);
    zero-width marks do not change the value read but can break search and copy (a warning)."""
    out = []
    invisible = _BIDI | _HIDDEN
    for c in claims:
        surface = shown_surface(text, c.start, c.end, invisible)  # entities as the reader sees them
        bidi = sorted({f"U+{ord(ch):04X}" for ch in surface if ch in _BIDI})
        hidden = sorted({f"U+{ord(ch):04X}" for ch in surface if ch in _HIDDEN})
        if not bidi and not hidden:
            continue
        level = Level.ERROR if bidi else rules.levels.get("hidden_characters", Level.WARNING)
        what = ", ".join(bidi + hidden)
        out.append(
            fnd.make(
                "hidden_characters",
                level,
                [c],
                f"the figure {describe(c)} contains invisible characters ({what})",
                "bidi controls can reorder how digits are displayed, so readers may see another number than "
                "the one published; zero-width characters hide inside the figure"
                if bidi
                else f"read as {describe(c)}; zero-width characters inside a figure break search and copy",
            )
        )
    return out


def in_article(text: str, claims: list[Claim], rules: Rules) -> list[Finding]:
    """All in-article checks on one document's claims (in text order)."""
    from factcheck.compare import solver

    ordered = sorted((c for c in claims if c.kind == "quantity"), key=lambda c: c.start)
    return [
        *range_order(ordered, rules),
        *solver.check(text, ordered, rules),
        *period_words(text, ordered, rules),
        *hidden_characters(text, ordered, rules),
    ]


__all__ = ["in_article"]
