"""Do two figures about the same quantity agree? Verdicts of DESIGN.md §5, each explained.

Each claim becomes an interval: what its wording states (a value, a bound, a range), widened by its
rounding step (31,000 stands for 30,500–31,500) and by its hedge ("about" allows the rule's width).
``consistent``: equal once rounded to the coarser precision, or stated intervals overlap.
``drift``: not equal, but the widened intervals still meet (within the hedges plus a small rule
allowance). ``conflict``: they cannot both hold. ``trend``: their times are clearly apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from factcheck.compare import timescope, units
from factcheck.compare.rules import Rules
from factcheck.model import Claim

INF = math.inf
_HEDGE_WORDS = {"approx": "about", "range": "a range"}
_STEP_NAMES = {
    1000.0: "thousands",
    1_000_000.0: "millions",
    100_000.0: "hundreds of thousands",
    10_000.0: "tens of thousands",
    100.0: "hundreds",
    10.0: "tens",
    1_000_000_000.0: "billions",
}


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on two claims and the numbers behind it."""

    verdict: str
    difference: float | None
    relative: float | None
    tolerance: float | None
    explanation: str


def _d(x: float | int | None) -> float | None:
    return None if x is None else _f(x)


def _f(x: float | int) -> float:
    """``float(x)``, an integer too large for a float becoming ±infinity instead of OverflowError."""
    try:
        return float(x)
    except OverflowError:
        return INF if x > 0 else -INF


def stated(c: Claim, factor: float = 1.0) -> tuple[float, float]:
    """The interval the wording states, in the target unit (open ends are ±infinity)."""
    low, high = _d(c.low), _d(c.high)
    lo = low * factor if low is not None else -INF
    hi = high * factor if high is not None else INF
    if factor < 0:
        lo, hi = hi, lo
    return lo, hi


def neighbourhood(c: Claim, factor: float = 1.0) -> tuple[float, float]:
    """The interval a reader takes the wording for: a bound is the neighbourhood of its number, "more
    than 230" and "at least 230" reaching one step of its last significant place above 230 (to 240),
    "up to 320" one step below (from 310). Other wordings, and bounds without a precision, are
    :func:`stated`."""
    low, high = _d(c.low), _d(c.high)
    if c.bound != "range" and (low is None) != (high is None):
        width = _last_place(low if high is None else high, _d(c.precision))
        if width and high is None:
            high = low + width
        elif width:
            low = high - width
    lo = low * factor if low is not None else -INF
    hi = high * factor if high is not None else INF
    if factor < 0:
        lo, hi = hi, lo
    return lo, hi


def _last_place(value: float, precision: float | None) -> float | None:
    """The step of a bound's last significant place: 230 → 10, 1,200 → 100, 22 → 1, 2.5 (million,
    stated to 0.1) → its precision; None without a stated precision."""
    if precision is None or precision <= 0 or not math.isfinite(value):
        return None
    place = precision
    while value and math.isfinite(value / (place * 10)) and (value / (place * 10)).is_integer():
        place *= 10
    return place


def point(c: Claim, factor: float = 1.0) -> float | None:
    """The single value a claim states (None for ranges and open bounds)."""
    if c.value is None or c.bound not in ("exact", "approx"):
        return None
    return _f(c.value) * factor


def step(c: Claim, factor: float = 1.0) -> float:
    """The rounding step in the target unit (0 for an exact count such as "5 killed"). A hedged figure
    is rounded to its last spoken place within its thousands: "about 21,800" ("twenty-one thousand eight
    hundred") to hundreds, "some 66,300" to hundreds; "about 30,000" stays at thousands."""
    p = _d(c.precision)
    if p is None or p <= 0:
        return 0.0
    if c.bound == "approx" and c.value is not None:
        p = max(p, _spoken_place(_f(c.value), p))
    if p == 1 and c.value is not None and _f(c.value).is_integer() and units.is_count(c.unit) and factor == 1:
        return 0.0
    return p * abs(factor)


def _spoken_place(value: float, precision: float) -> float:
    """The place of a figure's last non-zero digit, when finer than whole thousands (which ``precision``
    already counts): 21,800 → 100, 12,840 → 10, 250 → 10; 30,000 and 2.5 million → 1 (nothing finer)."""
    if precision >= 1000 or not value or not math.isfinite(value) or not float(value).is_integer():
        return 1.0
    place, n = 1.0, abs(value)
    while place < 100 and n % (place * 10) == 0:
        place *= 10
    return place


def _round_to(value: float, p: float) -> float:
    if p <= 0 or not math.isfinite(value / p):
        return value
    return round(value / p) * p


def _hedge_width(c: Claim, value: float | None, rules: Rules) -> float:
    if value is None:
        return 0.0
    return abs(value) * rules.approx if c.bound == "approx" else 0.0


def _widened(c: Claim, factor: float, rules: Rules) -> tuple[float, float]:
    lo, hi = neighbourhood(c, factor)
    half = step(c, factor) * rules.half_step
    lo_w = lo - half - _hedge_width(c, lo if math.isfinite(lo) else None, rules)
    hi_w = hi + half + _hedge_width(c, hi if math.isfinite(hi) else None, rules)
    return lo_w, hi_w


def fmt(value: float | None) -> str:
    """A figure for people: 31,000; 2.5; 1,500,000."""
    if value is None:
        return "?"
    if not math.isfinite(value):
        return "∞"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,.4g}" if abs(value) < 1000 else f"{float(value):,.1f}"


def describe(c: Claim) -> str:
    """ "about 30,000", "more than 22", "2,500–3,000"."""
    if c.bound == "range":
        return f"{'about ' if c.approx else ''}{fmt(_d(c.low))}–{fmt(_d(c.high))}"
    value = _d(c.value) if c.value is not None else _d(c.low if c.low is not None else c.high)
    return _BOUND_WORDS.get(c.bound, "") + fmt(value)


_BOUND_WORDS = {
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "up to ",
}


def _tolerance_sources(a: Claim, b: Claim, p: float, rules: Rules) -> list[str]:
    return list(_sources(a.bound, b.bound, p, rules.approx, rules.drift_base))


@lru_cache(maxsize=4096)
def _sources(bound_a: str, bound_b: str, p: float, approx: float, drift_base: float) -> tuple[str, ...]:
    """Where a tolerance comes from, worked out once per distinct input (few: bounds, steps, rules)."""
    hedged = (bound_a == "approx") + (bound_b == "approx")
    parts = []
    if hedged == 2:
        parts.append(f"both hedged (about: ±{approx * 100:.0f}%)")
    elif hedged:
        parts.append(f"one hedged (about: ±{approx * 100:.0f}%)")
    if bound_a == "range" or bound_b == "range":
        parts.append("a range")
    if p > 1:
        parts.append(f"rounded to {_STEP_NAMES.get(p, fmt(p))}")
    parts.append(f"rule allowance {drift_base * 100:.0f}%")
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class Judgement:
    """The verdict and the numbers behind it, before any wording (cheap: used on every pair)."""

    verdict: str
    difference: float | None
    relative: float | None
    tolerance: float | None
    step: float
    gap: int | None
    ref_a: float | None
    ref_b: float | None


def judge(a: Claim, b: Claim, rules: Rules, factor: float = 1.0) -> Judgement:
    """Verdict on ``a`` and ``b`` (``factor`` converts ``b``'s unit into ``a``'s)."""
    return Judgement(*judged(profile(a, rules), profile(b, rules, factor), rules))


#: what :func:`judge` reads of one claim (see :func:`profile`)
Profile = tuple[
    float | None, float, float, float | None, float, float, float, float, int | None, int | None, float, float
]


def profile(c: Claim, rules: Rules, factor: float = 1.0) -> Profile:
    """What :func:`judge` reads of one claim in the target unit, computed once: its point value, the
    interval its wording states, its reference value (the point, else the middle of the interval a
    reader takes it for), rounding step, widened interval, hedge width at the reference value, the
    first and last day (ordinals) its time covers, and the interval a reader takes it for. Depends on
    the claim, ``factor`` and ``rules`` only."""
    # point, stated, neighbourhood, step and the hedge widths, fused (a ledger-wide run profiles
    # every claim; ``tests/test_compare_core.py`` holds the result to the plain helpers)
    bound, low, high = c.bound, c.low, c.high
    if low is not None:
        low = _f(low)
    if high is not None:
        high = _f(high)
    lo = -INF if low is None else low * factor
    hi = INF if high is None else high * factor
    near_lo, near_hi = lo, hi
    if bound != "range" and (low is None) != (high is None):
        width = _last_place(low if high is None else high, _d(c.precision))
        if width and high is None:
            near_hi = (low + width) * factor
        elif width:
            near_lo = (high - width) * factor
    if factor < 0:
        lo, hi, near_lo, near_hi = hi, lo, near_hi, near_lo
    value = c.value
    pt = _f(value) * factor if value is not None and (bound == "exact" or bound == "approx") else None
    ref = pt if pt is not None else _mid((near_lo, near_hi))
    p = step(c, factor)
    half = p * rules.half_step
    if bound == "approx":
        share = rules.approx
        wide_lo = near_lo - half - (abs(near_lo) * share if math.isfinite(near_lo) else 0.0)
        wide_hi = near_hi + half + (abs(near_hi) * share if math.isfinite(near_hi) else 0.0)
        hedge = abs(ref) * share if ref is not None else 0.0
    else:
        wide_lo, wide_hi, hedge = near_lo - half, near_hi + half, 0.0
    span = timescope.days(c.time)
    first, last = span if span is not None else (None, None)
    return pt, lo, hi, ref, p, wide_lo, wide_hi, hedge, first, last, near_lo, near_hi


def judged(
    pa: Profile, pb: Profile, rules: Rules, by_gap: bool = True
) -> tuple[str, float | None, float | None, float | None, float, int | None, float | None, float | None]:
    """The fields of :class:`Judgement` from the profiles of ``a`` and of ``b`` (in ``a``'s unit).
    ``by_gap``: times further apart than ``trend_gap_days`` make a trend (not for running totals,
    whose later, lower figure stays a disagreement: ``compare.over_time`` reads them)."""
    pt_a, lo_a, hi_a, ref_a, step_a, wide_lo_a, wide_hi_a, hedge_a, first_a, last_a, near_lo_a, near_hi_a = pa
    pt_b, lo_b, hi_b, ref_b, step_b, wide_lo_b, wide_hi_b, hedge_b, first_b, last_b, near_lo_b, near_hi_b = pb
    if ref_a is not None and ref_b is not None and math.isfinite(ref_a - ref_b):
        diff = abs(ref_a - ref_b)
        base = min(abs(ref_a), abs(ref_b))
        rel = diff / base if base else None
    else:  # no value, or beyond what a float holds: no difference to report (never inf or NaN)
        diff = base = rel = None
    if first_a is None or first_b is None:
        gap = None
    elif last_a < first_b:
        gap = first_b - last_a
    elif last_b < first_a:
        gap = first_a - last_b
    else:
        gap = 0
    p = max(step_a, step_b)
    if by_gap and gap is not None and gap > rules.trend_gap_days:
        return "trend", diff, rel, None, p, gap, ref_a, ref_b
    # consistent: equal at the coarser precision, or the intervals overlap: a figure meets a bound it
    # satisfies ("more than 22" and 25); two bounds meet as the neighbourhoods of their numbers ("up to
    # 230" and "up to 320" do not)
    if pt_a is not None and pt_b is not None:
        if _round_to(pt_a, p) == _round_to(pt_b, p):
            return "consistent", diff, rel, None, p, gap, ref_a, ref_b
    else:
        half = p * rules.half_step
        if _one_sided(lo_a, hi_a) and _one_sided(lo_b, hi_b):
            lo_a, hi_a, lo_b, hi_b = near_lo_a, near_hi_a, near_lo_b, near_hi_b
        if lo_a - half <= hi_b and lo_b - half <= hi_a:
            return "consistent", diff, rel, None, p, gap, ref_a, ref_b
    allowance = (base or 1.0) * rules.drift_base
    overlaps = wide_lo_a - allowance <= wide_hi_b and wide_lo_b - allowance <= wide_hi_a
    tolerance = None
    if diff is not None and base:
        widths = hedge_a + hedge_b + p * rules.half_step * 2
        tolerance = (widths + allowance) / base
    if overlaps and (rel is None or rel <= rules.drift_max):
        return "drift", diff, rel, tolerance, p, gap, ref_a, ref_b
    return "conflict", diff, rel, tolerance, p, gap, ref_a, ref_b


def explain(
    a: Claim, b: Claim, j: Judgement, rules: Rules, *, described: tuple[str, str] | None = None
) -> str:
    """Why: both values, the difference, the tolerance and where it came from. ``described`` is
    ``(describe(a), describe(b))`` when the caller has them already."""
    head = f"{describe(b)} vs {describe(a)}" if described is None else f"{described[1]} vs {described[0]}"
    if j.difference is not None:
        head += f": {fmt(j.difference)} apart" + (
            f" ({j.relative * 100:.1f}%)" if j.relative is not None else ""
        )
    if j.verdict == "trend":
        change = ""
        ia, ib = timescope.interval(a.time), timescope.interval(b.time)
        if j.ref_a is not None and j.ref_b is not None and ia is not None and ib is not None:
            older, newer = (a, b) if ia < ib else (b, a)
            o = j.ref_a if older is a else j.ref_b
            n = j.ref_b if older is a else j.ref_a
            if o and math.isfinite((n - o) / o):
                change = f", a change of {(n - o) / abs(o) * 100:+.1f}% from {older.time} to {newer.time}"
        return (
            f"{head}; times {a.time} and {b.time} are {j.gap} days apart (over {rules.trend_gap_days})"
            f"{change}: a change over time, not a disagreement"
        )
    if j.verdict == "consistent":
        if point(a) is not None and point(b) is not None:
            return f"{head}; equal once rounded to {_STEP_NAMES.get(j.step, fmt(j.step or 1.0))}"
        return f"{head}; the stated intervals overlap"
    sources = "; ".join(_sources(a.bound, b.bound, j.step, rules.approx, rules.drift_base))
    if j.verdict == "drift":
        tol = f" within a tolerance of {j.tolerance * 100:.1f}%" if j.tolerance is not None else ""
        return f"{head};{tol} ({sources}): a drift, not a conflict"
    tol = f" beyond a tolerance of {j.tolerance * 100:.1f}%" if j.tolerance is not None else ""
    return f"{head};{tol} ({sources}): both cannot hold at the same time"


def compare(a: Claim, b: Claim, rules: Rules, factor: float = 1.0) -> Comparison:
    """Verdict on ``a`` and ``b`` with its explanation."""
    j = judge(a, b, rules, factor)
    return Comparison(j.verdict, j.difference, j.relative, j.tolerance, explain(a, b, j, rules))


def _one_sided(lo: float, hi: float) -> bool:
    """A bound: one end of the stated interval open."""
    return math.isfinite(lo) != math.isfinite(hi)


def _mid(interval: tuple[float, float]) -> float | None:
    lo, hi = interval
    if math.isfinite(lo) and math.isfinite(hi):
        return (lo + hi) / 2
    if math.isfinite(lo):
        return lo
    if math.isfinite(hi):
        return hi
    return None
