"""One solver for the arithmetic relations of an article (:mod:`factcheck.compare.relations`).

Every figure is an interval: the values its wording allows at its stated precision and hedge ("98" is
97.5–98.5, "about 1.5 million" 1.45–1.55 million, "more than 45%" 45–46%). The solver computes, with
interval arithmetic, every value the inputs of a relation can give, and calls a stated derived figure
wrong only when no value it allows is among them. Each finding shows the computation: the inputs, the
derived range, the stated figure and its tolerance.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from factcheck.compare import findings as fnd
from factcheck.compare.agree import fmt
from factcheck.compare.relations import PERCENT, POINTS, Article, Fig, Relation, collect
from factcheck.compare.rules import Rules
from factcheck.model import Claim, Finding

#: relative slack for conversion factors rounded in print (1 mile = 1.609 km) and float noise
EPS = 0.003


@cache
def _pint_units() -> dict[str, str]:
    """Canonical unit -> pint expression (``units.toml``), plus the arithmetic-only units."""
    with resources.files("factcheck.compare").joinpath("units.toml").open("rb") as fh:
        data = tomllib.load(fh)
    out = {
        unit: str(expr) for table in data.values() if isinstance(table, dict) for unit, expr in table.items()
    }
    from factcheck.compare.checks import registry_data

    out.update(registry_data().get("arithmetic", {}).get("units", {}))
    return out


@cache
def _ureg():
    import pint  # heavy: only when an article states a figure in two units

    return pint.UnitRegistry()


@cache
def pint_factor(source: str, target: str) -> tuple[float, float] | None:
    """(scale, offset) with target = source × scale + offset, or None when not convertible."""
    if source == target:
        return 1.0, 0.0
    table = _pint_units()
    if source not in table or target not in table:
        return None
    ureg = _ureg()
    try:
        a = ureg.Quantity(ureg.parse_expression(table[source]))
        b = ureg.parse_expression(table[target])
        if a.dimensionality != ureg.Quantity(b).dimensionality:
            return None
        if "deg" in table[source] or "deg" in table[target]:
            zero = ureg.Quantity(0, table[source]).to(table[target]).magnitude
            one = ureg.Quantity(1, table[source]).to(table[target]).magnitude
            return float(one - zero), float(zero)
        return float(a.to(b).magnitude) / float(ureg.Quantity(b).magnitude), 0.0
    except Exception:
        return None


def convert(lo: float, hi: float, source: str | None, target: str | None) -> tuple[float, float]:
    if source is None or target is None or source == target:
        return lo, hi
    f = pint_factor(source, target)
    if f is None:
        return lo, hi
    a, b = lo * f[0] + f[1], hi * f[0] + f[1]
    return min(a, b), max(a, b)


def _r(x: float) -> str:
    """A computed value, to three significant digits at most."""
    if x == 0 or abs(x) >= 1000:
        return fmt(round(x))
    return f"{x:.3g}"


def _span(lo: float, hi: float, unit: str = "") -> str:
    u = unit if unit in ("%", " points") else (f" {unit}" if unit else "")
    if abs(hi - lo) <= 1e-9 * max(1.0, abs(hi)):
        return f"{_r(lo)}{u}"
    return f"{_r(lo)}–{_r(hi)}{u}"


def _disjoint(stated: tuple[float, float], computed: tuple[float, float], eps: float = 1e-9) -> bool:
    """No value the stated figure allows is among the computed ones (``eps``: relative slack, wider for
    conversion factors that are printed rounded)."""
    s_lo, s_hi = stated
    c_lo, c_hi = computed
    slack = eps * max(abs(c_lo), abs(c_hi), abs(s_lo), abs(s_hi))
    return s_hi < c_lo - slack or s_lo > c_hi + slack


def _unit_label(f: Fig) -> str:
    if f.unit == PERCENT:
        return "%"
    if f.unit == POINTS:
        return " points"
    return f.unit or ""


# ---------------------------------------------------------------- one check per relation kind


def _parts(rel: Relation) -> tuple[bool, str, str] | None:
    total, items = rel.derived, rel.inputs
    lo = hi = 0.0
    for p in items:
        a, b = convert(p.lo, p.hi, p.unit, total.unit)
        lo, hi = lo + a, hi + b
    terms = " + ".join(p.text.strip() for p in items)
    point = sum(convert(p.value, p.value, p.unit, total.unit)[0] for p in items)
    if rel.complete:
        wrong = _disjoint((total.lo, total.hi), (lo, hi))
        rule = "a complete breakdown must add up to its total"
    else:
        wrong = lo > total.hi * (1 + 1e-9)
        rule = f'parts named after "{rel.cue}" must not add up to more than their total'
    if not wrong:
        return None
    verb = "exceed" if lo > total.hi else "fall short of"
    message = f"the parts ({terms} = {_r(point)}) {verb} the total {total.text.strip()!r}"
    expl = (
        f"{rule}: computed {_span(lo, hi)} from the parts at their stated precision; "
        f"the stated total {total.text.strip()!r} allows {_span(total.lo, total.hi)}"
    )
    return True, message, expl


def _share(rel: Relation) -> tuple[bool, str, str] | None:
    p, (n, base) = rel.derived, rel.inputs
    n_lo, n_hi = convert(n.lo, n.hi, n.unit, base.unit)
    if base.lo <= 0:
        return None
    computed = (max(n_lo, 0) / base.hi * 100, n_hi / base.lo * 100)
    if not _disjoint((p.lo, p.hi), computed):
        return None
    share = p.text.strip() if p.is_percent else f"{p.text.strip()} (about {_r(p.value * 100)}%)"
    expected = (p.lo / 100 * base.lo, p.hi / 100 * base.hi)
    message = f"{share} of {base.text.strip()!r} is {_span(*expected)}, not {n.text.strip()!r}"
    expl = (
        f"{n.text.strip()} / {base.text.strip()} = {_span(*computed, '%')} at their stated precision; "
        f"the stated share {p.text.strip()!r} allows {_span(p.lo, p.hi, '%')}"
    )
    return True, message, expl


def _change(rel: Relation) -> tuple[bool, str, str] | None:
    p, (before, after) = rel.derived, rel.inputs
    a_lo, a_hi = convert(after.lo, after.hi, after.unit, before.unit)
    b_lo, b_hi = before.lo, before.hi
    stated = (p.lo, p.hi)
    if rel.direction < 0:
        stated = (-p.hi, -p.lo)
    points = (a_lo - b_hi, a_hi - b_lo)
    if p.unit == POINTS:
        if not (before.is_percent and after.is_percent):
            return None
        computed, what = points, "points"
        ok = not _disjoint(stated, computed) or (
            rel.direction == 0 and not _disjoint((-p.hi, -p.lo), computed)
        )
    else:
        if b_lo <= 0 or a_lo <= 0:
            return None
        computed = ((a_lo - b_hi) / b_hi * 100, (a_hi - b_lo) / b_lo * 100)
        inverse = ((b_lo / a_hi - 1) * 100, (b_hi / a_lo - 1) * 100)  # the value of the unit quoted
        what = "%"
        options = [computed]
        if rel.direction == 0:
            options.append((-computed[1], -computed[0]))
        elif (rel.direction > 0) != (computed[0] + computed[1] > 0):
            options.append(inverse)  # "the pound fell 40%" while its price in pounds per dollar rose
        ok = any(not _disjoint(stated, o) for o in options)
    if ok:
        return None
    sign = "+" if computed[0] >= 0 else ""
    stated_txt = p.text.strip()
    message = (
        f"a change from {before.text.strip()!r} to {after.text.strip()!r} is "
        f"{sign}{_span(*computed, '%' if what == '%' else ' points')}, not {stated_txt!r}"
    )
    extra = ""
    if (
        what == "%"
        and before.is_percent
        and after.is_percent
        and not _disjoint((abs(stated[0]), abs(stated[1])), (abs(points[0]), abs(points[1])))
    ):
        extra = " (the stated figure is the difference in percentage points, given as percent)"
    over = f"/ {before.text.strip()} " if what == "%" else ""
    expl = (
        f"({after.text.strip()} − {before.text.strip()}) {over}"
        f"= {_span(*computed, '%' if what == '%' else ' points')} at their stated precision; "
        f"the stated {stated_txt!r} allows {_span(p.lo, p.hi, _unit_label(p))}{extra}"
    )
    return True, message, expl


def _rate(rel: Relation) -> tuple[bool, str, str] | None:
    r, (total, count) = rel.derived, rel.inputs
    if count.lo <= 0:
        return None
    t_lo, t_hi = convert(total.lo, total.hi, total.unit, r.unit)
    if rel.inverse:
        computed = (t_lo / count.hi, t_hi / count.lo)
        formula = f"{total.text.strip()} / {count.text.strip()}"
    else:
        computed = (t_lo / count.hi * rel.per, t_hi / count.lo * rel.per)
        per = f" × {fmt(rel.per)}" if rel.per != 1 else ""
        formula = f"{total.text.strip()} / {count.text.strip()}{per}"
    if not _disjoint((r.lo, r.hi), computed):
        return None
    unit = r.unit or (r.noun or "")
    message = f"{formula} is {_span(*computed, unit)}, not {r.text.strip()!r} ({rel.cue})"
    expl = (
        f"{formula} = {_span(*computed, unit)} at their stated precision; "
        f"the stated rate {r.text.strip()!r} allows {_span(r.lo, r.hi, unit)}"
    )
    return True, message, expl


def _conversion(rel: Relation) -> tuple[bool, str, str] | None:
    b, (a,) = rel.derived, rel.inputs
    computed = convert(a.lo, a.hi, a.unit, b.unit)
    if not _disjoint((b.lo, b.hi), computed, EPS):
        return None
    message = f"{a.text.strip()!r} is {_span(*computed, b.unit or '')}, not {b.text.strip()!r}"
    f = pint_factor(a.unit, b.unit) if a.unit and b.unit else None
    factor = f"× {f[0]:.6g}" + (f" + {f[1]:.6g}" if f and f[1] else "") if f else ""
    expl = (
        f"{a.text.strip()} {factor} = {_span(*computed, b.unit or '')} at its stated precision; "
        f"the stated {b.text.strip()!r} allows {_span(b.lo, b.hi, b.unit or '')}"
    )
    return True, message, expl


def _restatement(rel: Relation) -> tuple[bool, str, str] | None:
    again, (first,) = rel.derived, rel.inputs
    computed = convert(first.lo, first.hi, first.unit, again.unit)
    if not _disjoint((again.lo, again.hi), computed):
        return None
    message = f"{again.text.strip()!r} is stated earlier as {first.text.strip()!r} ({_span(*computed)})"
    expl = (
        f"a definite back-reference ({rel.cue} …) to the only earlier figure of its kind: "
        f"{first.text.strip()} allows {_span(*computed)}, the restated {again.text.strip()!r} allows "
        f"{_span(again.lo, again.hi)}"
    )
    return True, message, expl


SOLVERS = {
    "parts_total": _parts,
    "percent_of": _share,
    "percent_change": _change,
    "rate": _rate,
    "conversion": _conversion,
    "restatement": _restatement,
}


def _claims(rel: Relation) -> list[Claim]:
    out = []
    for f in (rel.derived, *rel.inputs):
        if f.claim is not None and f.claim not in out:
            out.append(f.claim)
    return out


def solve(rel: Relation) -> tuple[bool, str, str] | None:
    """(wrong, message, explanation) when the relation does not hold, else None."""
    return SOLVERS[rel.kind](rel)


def check(
    text: str, claims: list[Claim], rules: Rules, lang: str | None = None, *, plain: bool = False
) -> list[Finding]:
    """Arithmetic findings of one document (claims in text order; ``plain``: relations read the
    simple way, see :class:`~factcheck.compare.relations.Article`)."""
    if not claims:
        return []
    from factcheck.compare.checks import level_of

    lang = lang or claims[0].lang
    article = Article(text, claims, lang, plain=plain)
    out = []
    seen: set[str] = set()
    for rel in collect(article):
        result = solve(rel)
        if result is None:
            continue
        _, message, explanation = result
        involved = _claims(rel)
        if len(involved) < 2:
            continue
        finding = fnd.make(rel.kind, level_of(rel.kind, rules), involved, message, explanation)
        if finding.id not in seen:
            seen.add(finding.id)
            out.append(finding)
    return out


__all__ = ["check", "convert", "pint_factor", "solve"]
