"""In-article checks: swapped ranges, parts that exceed their total, percentages that do not match.

Each check reads one document's claims (and the words between them, for cues such as "including"
or "of"), and returns findings. Cue words are language data in ``checks.toml``.
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
from factcheck.model import Claim, Finding

_PERCENT = "percent"


@cache
def _data() -> dict:
    with resources.files(__package__).joinpath("checks.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cue phrases by role (parts, total, of, equals), all languages, folded and tokenised."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for _lang, roles in _data().items():
        for role, phrases in roles.items():
            if isinstance(phrases, list):
                out.setdefault(role, []).extend(phrase_tokens(p) for p in phrases)
    return {role: tuple(sorted(set(v), key=len, reverse=True)) for role, v in out.items()}


@cache
def periods() -> dict[tuple[str, ...], tuple[int, int]]:
    """Relative period phrases ("the past week", "الشهر الماضي") → allowed span in days."""
    out: dict[tuple[str, ...], tuple[int, int]] = {}
    for _lang, roles in _data().items():
        for phrase, span in roles.get("periods", {}).items():
            out[phrase_tokens(phrase)] = (int(span[0]), int(span[1]))
    return out


def _between(text: str, a: Claim, b: Claim) -> tuple[str, ...]:
    return phrase_tokens(text[a.end : b.start]) if a.end <= b.start else ()


def _has(tokens: tuple[str, ...], role: str) -> bool:
    for phrase in cues().get(role, ()):
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tokens[i : i + n] == phrase or (n == 1 and _strip(tokens[i]) == phrase[0]):
                return True
    return False


def _strip(token: str) -> str:
    for prefix in ("و", "ف", "ب", "ل"):
        if token.startswith(prefix) and len(token) > 3:
            return token[1:]
    return token


def same_sentence(text: str, a: Claim, b: Claim) -> bool:
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    gap = text[lo.end : hi.start]
    return "\n" not in gap and not any(mark in gap for mark in (". ", "؟", "! ", "؛")) and len(gap) < 300


def range_order(claims: Iterable[Claim], rules: Rules) -> list[Finding]:
    out = []
    for c in claims:
        if c.bound == "range" and c.low is not None and c.high is not None and c.low > c.high:
            out.append(
                fnd.make(
                    "range_order",
                    rules.levels.get("range_order", "error"),
                    [c],
                    f"range {c.text!r} has its bounds swapped ({fmt(_d(c.low))} > {fmt(_d(c.high))})",
                    "a range is read low to high; the first bound is larger than the second",
                )
            )
    return out


def parts_total(text: str, claims: list[Claim], rules: Rules) -> list[Finding]:
    """ "45 killed, including 12 children and 40 women": parts larger than their total."""
    out = []
    for i, total in enumerate(claims):
        if total.unit in (None, _PERCENT) or total.value is None:
            continue
        parts: list[Claim] = []
        for j in range(i + 1, len(claims)):
            part = claims[j]
            if not same_sentence(text, total, part) or part.unit in (None, _PERCENT) or part.value is None:
                break
            if not parts and not _has(_between(text, total, part), "parts"):
                break
            parts.append(part)
        if not parts:
            continue
        upper = _d(total.high) if total.high is not None else None
        if upper is None:
            continue
        if total.bound == "approx":
            upper *= 1 + rules.approx
        summed = sum((_d(p.low) or 0.0) for p in parts)
        if summed > upper:
            out.append(
                fnd.make(
                    "parts_total",
                    rules.levels.get("parts_total", "error"),
                    [total, *parts],
                    f"the parts ({' + '.join(describe(p) for p in parts)} = {fmt(summed)}) exceed the total "
                    f"{describe(total)}",
                    f'parts named after "including" must not add up to more than their total '
                    f"({fmt(summed)} > {fmt(upper)}"
                    f"{', allowing for the hedge' if total.bound == 'approx' else ''})",
                )
            )
    return out


def percent_of(text: str, claims: list[Claim], rules: Rules) -> list[Finding]:
    """ "30% of 1,000 people, or 400": the count does not match the percentage of the base."""
    out = []
    for i in range(len(claims) - 2):
        pct, base, count = claims[i], claims[i + 1], claims[i + 2]
        if pct.unit != _PERCENT or pct.value is None or base.value is None or count.value is None:
            continue
        if base.unit == _PERCENT or count.unit == _PERCENT:
            continue
        if not (same_sentence(text, pct, count) and _has(_between(text, pct, base), "of")):
            continue
        if not _has(_between(text, base, count), "equals"):
            continue
        expected = _d(pct.value) / 100 * _d(base.value)
        stated = _d(count.value)
        slack = max(
            abs(expected) * 0.02,
            _d(count.precision or 1) / 2,
            _d(pct.precision or 1) / 200 * _d(base.value),
        )
        if count.approx or pct.approx:
            slack += abs(expected) * rules.approx
        if abs(expected - stated) > slack:
            out.append(
                fnd.make(
                    "percent_of",
                    rules.levels.get("percent_of", "error"),
                    [pct, base, count],
                    f"{describe(pct)}% of {describe(base)} is {fmt(expected)}, not {describe(count)}",
                    f"{fmt(_d(pct.value))}% × {fmt(_d(base.value))} = {fmt(expected)}; "
                    f"the stated {fmt(stated)} is "
                    f"{fmt(abs(expected - stated))} off (allowed {fmt(slack)} for rounding and hedges)",
                )
            )
    return out


def percent_change(text: str, claims: list[Claim], rules: Rules) -> list[Finding]:
    """ "rose 50% from 100 to 120": a stated change that its before and after do not give."""
    out = []
    for i, pct in enumerate(claims):
        if pct.unit != _PERCENT or pct.value is None:
            continue
        window = [c for c in claims[i + 1 : i + 3] if same_sentence(text, pct, c)]
        if len(window) < 2:
            continue
        before, after = window
        if (
            before.unit != after.unit
            or before.unit == _PERCENT
            or before.value is None
            or after.value is None
        ):
            continue
        if not _has(_between(text, pct, before), "from") or not _has(_between(text, before, after), "to"):
            continue
        b, a = _d(before.value), _d(after.value)
        if not b:
            continue
        computed = (a - b) / abs(b) * 100
        stated = _d(pct.value)
        if _has(phrase_tokens(text[max(0, pct.start - 40) : pct.start]), "down") and stated > 0:
            stated = -stated
        slack = max(1.0, abs(computed) * 0.05, _d(pct.precision or 1) / 2)
        if pct.approx:
            slack += abs(computed) * rules.approx
        if abs(abs(computed) - abs(stated)) > slack:
            out.append(
                fnd.make(
                    "percent_change",
                    rules.levels.get("percent_change", "error"),
                    [pct, before, after],
                    f"a change from {describe(before)} to {describe(after)} is {float(computed):+.1f}%, "
                    f"not {describe(pct)}%",
                    f"({fmt(a)} − {fmt(b)}) / {fmt(b)} = {float(computed):+.1f}%; "
                    f"the stated {fmt(stated)}% is off by "
                    f"more than {float(slack):.1f} points (rounding and hedges)",
                )
            )
    return out


def period_words(text: str, claims: list[Claim], rules: Rules) -> list[Finding]:
    """ "the past week" beside operations dated 1 October – 6 November: a period its dates do not fit."""
    from factcheck.compare import timescope
    from factcheck.text.normalize import normalize

    dated = [c for c in claims if c.time and "/" in c.time and timescope.interval(c.time)]
    if not dated:
        return []
    norm = normalize(text)
    folded = norm.text
    out = []
    for phrase, (lo, hi) in periods().items():
        words = " ".join(phrase)
        at = folded.find(words)
        while at >= 0:
            misfits = []
            for c in dated:
                first, last = timescope.interval(c.time)
                days = (last - first).days + 1
                if abs(c.start - norm.orig(at)) < 1500 and not lo <= days <= hi:
                    misfits.append((c, days))
            by_time: dict[str, list] = {}
            for c, days in misfits:
                by_time.setdefault(c.time, []).append((c, days))
            start, end = norm.orig_span(at, at + len(words))
            written = " ".join(text[start:end].split())
            for time, group in by_time.items():
                days = group[0][1]
                out.append(
                    fnd.make(
                        "period",
                        rules.levels.get("period", "warning"),
                        [c for c, _ in group],
                        f'"{written}" does not fit the dates {time} ({days} days)',
                        f"the words allow {lo}–{hi} days; "
                        f"the dates given for the same events span {days} days",
                    )
                )
            at = folded.find(words, at + len(words))
    return out


_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_HIDDEN = {chr(c) for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F, 0x061C)}


def hidden_characters(text: str, claims: list[Claim], rules: Rules) -> list[Finding]:
    """Invisible characters inside a figure: bidi overrides can show "13" as "31" (an error);
    zero-width marks do not change the value read but can break search and copy (a warning)."""
    out = []
    invisible = _BIDI | _HIDDEN
    for c in claims:
        start, end = c.start, c.end
        while start > 0 and text[start - 1] in invisible:
            start -= 1
        while end < len(text) and text[end] in invisible:
            end += 1
        surface = text[start:end]
        bidi = sorted({f"U+{ord(ch):04X}" for ch in surface if ch in _BIDI})
        hidden = sorted({f"U+{ord(ch):04X}" for ch in surface if ch in _HIDDEN})
        if not bidi and not hidden:
            continue
        level = "error" if bidi else rules.levels.get("hidden_characters", "warning")
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
    ordered = sorted((c for c in claims if c.kind == "quantity"), key=lambda c: c.start)
    return [
        *range_order(ordered, rules),
        *parts_total(text, ordered, rules),
        *percent_of(text, ordered, rules),
        *percent_change(text, ordered, rules),
        *period_words(text, ordered, rules),
        *hidden_characters(text, ordered, rules),
    ]


__all__ = ["in_article"]
