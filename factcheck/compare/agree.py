"""Do two figures about the same quantity agree? Verdicts of DESIGN.md §5, each explained.

Each claim becomes an interval: what its wording states (a value, a bound, a range), widened by its
rounding step (31,000 stands for 30,500–31,500) and by its hedge ("about" allows the rule's width).
``consistent``: equal once rounded to the coarser precision, or stated intervals overlap.
``drift``: not equal, but the widened intervals still meet (within the hedges plus a small rule
allowance). ``conflict``: they cannot both hold. ``trend``: their times are clearly apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from factcheck.compare import timescope
from factcheck.compare.rules import Rules
from factcheck.model import Claim

INF = Decimal("Infinity")
_HEDGE_WORDS = {"approx": "about", "range": "a range"}
_STEP_NAMES = {
    Decimal(1000): "thousands",
    Decimal(1_000_000): "millions",
    Decimal(100_000): "hundreds of thousands",
    Decimal(10_000): "tens of thousands",
    Decimal(100): "hundreds",
    Decimal(10): "tens",
    Decimal(1_000_000_000): "billions",
}


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on two claims and the numbers behind it."""

    verdict: str
    difference: Decimal | None
    relative: Decimal | None
    tolerance: Decimal | None
    explanation: str


def _d(x: float | int | None) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def stated(c: Claim, factor: Decimal = Decimal(1)) -> tuple[Decimal, Decimal]:
    """The interval the wording states, in the target unit (open ends are ±infinity)."""
    low, high = _d(c.low), _d(c.high)
    lo = low * factor if low is not None else -INF
    hi = high * factor if high is not None else INF
    if factor < 0:
        lo, hi = hi, lo
    return lo, hi


def point(c: Claim, factor: Decimal = Decimal(1)) -> Decimal | None:
    """The single value a claim states (None for ranges and open bounds)."""
    if c.value is None or c.bound not in ("exact", "approx"):
        return None
    return Decimal(str(c.value)) * factor


def step(c: Claim, factor: Decimal = Decimal(1)) -> Decimal:
    """The rounding step in the target unit (0 for an exact count such as "5 killed")."""
    p = _d(c.precision)
    if p is None or p <= 0:
        return Decimal(0)
    if (
        p == 1
        and c.value is not None
        and float(c.value).is_integer()
        and c.unit not in (None,)
        and factor == 1
    ):
        return Decimal(0)
    return p * abs(factor)


def _round_to(value: Decimal, p: Decimal) -> Decimal:
    if p <= 0:
        return value
    return (value / p).quantize(Decimal(1), rounding="ROUND_HALF_EVEN") * p


def _hedge_width(c: Claim, value: Decimal | None, rules: Rules) -> Decimal:
    if value is None:
        return Decimal(0)
    return abs(value) * rules.approx if c.bound == "approx" else Decimal(0)


def _widened(c: Claim, factor: Decimal, rules: Rules) -> tuple[Decimal, Decimal]:
    lo, hi = stated(c, factor)
    half = step(c, factor) * rules.half_step
    lo_w = lo - half - _hedge_width(c, lo if lo.is_finite() else None, rules)
    hi_w = hi + half + _hedge_width(c, hi if hi.is_finite() else None, rules)
    return lo_w, hi_w


def fmt(value: Decimal | None) -> str:
    """A figure for people: 31,000; 2.5; 1,500,000."""
    if value is None:
        return "?"
    if not value.is_finite():
        return "∞"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{float(value):,.4g}" if abs(value) < 1000 else f"{float(value):,.1f}"


def describe(c: Claim) -> str:
    """ "about 30,000", "more than 22", "2,500–3,000"."""
    words = {
        "approx": "about ",
        "more_than": "more than ",
        "at_least": "at least ",
        "less_than": "less than ",
        "at_most": "up to ",
    }
    if c.bound == "range":
        return f"{'about ' if c.approx else ''}{fmt(_d(c.low))}–{fmt(_d(c.high))}"
    value = _d(c.value) if c.value is not None else _d(c.low if c.low is not None else c.high)
    return words.get(c.bound, "") + fmt(value)


def _tolerance_sources(a: Claim, b: Claim, p: Decimal, rules: Rules) -> list[str]:
    hedged = [c for c in (a, b) if c.bound == "approx"]
    parts = []
    if len(hedged) == 2:
        parts.append(f"both hedged (about: ±{rules.approx * 100:.0f}%)")
    elif hedged:
        parts.append(f"one hedged (about: ±{rules.approx * 100:.0f}%)")
    if any(c.bound == "range" for c in (a, b)):
        parts.append("a range")
    if p > 1:
        parts.append(f"rounded to {_STEP_NAMES.get(p, fmt(p))}")
    parts.append(f"rule allowance {rules.drift_base * 100:.0f}%")
    return parts


def compare(a: Claim, b: Claim, rules: Rules, factor: Decimal = Decimal(1)) -> Comparison:
    """Verdict on ``a`` and ``b`` (``factor`` converts ``b``'s unit into ``a``'s)."""
    one = Decimal(1)
    pa, pb = point(a), point(b, factor)
    ref_a = pa if pa is not None else _mid(stated(a))
    ref_b = pb if pb is not None else _mid(stated(b, factor))
    diff = abs(ref_a - ref_b) if ref_a is not None and ref_b is not None else None
    base = min(abs(ref_a), abs(ref_b)) if diff is not None else None
    rel = diff / base if diff is not None and base else None
    gap = timescope.gap_days(a.time, b.time)
    head = f"{describe(b)} vs {describe(a)}"
    if diff is not None:
        head += f": {fmt(diff)} apart" + (f" ({float(rel) * 100:.1f}%)" if rel is not None else "")
    if gap is not None and gap > rules.trend_gap_days:
        change = ""
        if ref_a is not None and ref_b is not None and ref_a:
            older, newer = (a, b) if timescope.interval(a.time) < timescope.interval(b.time) else (b, a)
            o = ref_a if older is a else ref_b
            n = ref_b if older is a else ref_a
            if o:
                change = (
                    f", a change of {float((n - o) / abs(o)) * 100:+.1f}% from {older.time} to {newer.time}"
                )
        return Comparison(
            "trend",
            diff,
            rel,
            None,
            f"{head}; times {a.time} and {b.time} are {gap} days apart "
            f"(over {rules.trend_gap_days}){change}: "
            "a change over time, not a disagreement",
        )
    # consistent: equal at the coarser precision, or stated intervals overlap
    p = max(step(a), step(b, factor))
    if pa is not None and pb is not None:
        if _round_to(pa, p) == _round_to(pb, p):
            return Comparison(
                "consistent",
                diff,
                rel,
                None,
                f"{head}; equal once rounded to {_STEP_NAMES.get(p, fmt(p or one))}",
            )
    else:
        lo_a, hi_a = stated(a)
        lo_b, hi_b = stated(b, factor)
        half = p * rules.half_step
        if lo_a - half <= hi_b and lo_b - half <= hi_a:
            return Comparison("consistent", diff, rel, None, f"{head}; the stated intervals overlap")
    lo_a, hi_a = _widened(a, one, rules)
    lo_b, hi_b = _widened(b, factor, rules)
    allowance = (base or one) * rules.drift_base
    sources = "; ".join(_tolerance_sources(a, b, p, rules))
    overlaps = lo_a - allowance <= hi_b and lo_b - allowance <= hi_a
    tolerance = None
    if ref_a is not None and ref_b is not None and base:
        widths = _hedge_width(a, ref_a, rules) + _hedge_width(b, ref_b, rules) + p * rules.half_step * 2
        tolerance = (widths + allowance) / base
    if overlaps and (rel is None or rel <= rules.drift_max):
        tol = f" within a tolerance of {float(tolerance) * 100:.1f}%" if tolerance is not None else ""
        return Comparison("drift", diff, rel, tolerance, f"{head};{tol} ({sources}): a drift, not a conflict")
    tol = f" beyond a tolerance of {float(tolerance) * 100:.1f}%" if tolerance is not None else ""
    return Comparison(
        "conflict", diff, rel, tolerance, f"{head};{tol} ({sources}): both cannot hold at the same time"
    )


def _mid(interval: tuple[Decimal, Decimal]) -> Decimal | None:
    lo, hi = interval
    if lo.is_finite() and hi.is_finite():
        return (lo + hi) / 2
    if lo.is_finite():
        return lo
    if hi.is_finite():
        return hi
    return None
