"""Geometry of the small value-over-time chart drawn for each group of related claims.

Pure arithmetic: the template draws the SVG from what :func:`chart` returns (axes, ticks, one mark per
claim: a dot for a value, a vertical bar for an interval, a horizontal bar for a time span, an arrow
for an open bound), so a drift (two close dots) or a trend (a slope over years) is seen at a glance.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from typing import Any

WIDTH, HEIGHT = 440, 180
LEFT, RIGHT, TOP, BOTTOM = 58, 70, 14, 26
PALETTE_SIZE = 6


def _num(x: Any) -> float | None:
    if x is None:
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _span(time: str) -> tuple[date, date] | None:
    from factcheck.compare.timescope import interval

    try:
        return interval(time)
    except Exception:
        return None


def compact(v: float) -> str:
    """An axis label: 30k, 1.5M, 0.25."""
    a = abs(v)
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= div:
            text = f"{v / div:.2f}".rstrip("0").rstrip(".")
            return text + suffix
    if float(v).is_integer():
        return f"{int(v)}"
    return f"{v:.3g}"


def nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round tick values covering ``lo``..``hi``."""
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    v = first
    while v <= hi + step * 1e-9:
        ticks.append(round(v, 10))
        v += step
    return ticks


def _x_ticks(d0: float, d1: float) -> list[tuple[float, str]]:
    a, b = date.fromordinal(int(d0)), date.fromordinal(math.ceil(d1))
    if b.year - a.year >= 2:
        years = list(range(a.year + (a > date(a.year, 1, 1)), b.year + 1))
        stride = max(1, math.ceil(len(years) / 5))
        return [(date(y, 1, 1).toordinal(), str(y)) for y in years[::stride]]
    months = []
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        d = date(y, m, 1)
        if d >= a:
            months.append((d.toordinal(), f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    stride = max(1, math.ceil(len(months) / 4))
    return months[::stride]


def chart(claims: list[dict]) -> dict[str, Any] | None:
    """Chart geometry for ``claims`` (claim views), or None when fewer than two can be placed."""
    units = Counter(c["unit"] for c in claims)
    unit = units.most_common(1)[0][0] if units else ""
    items = []
    for c in claims:
        if c["unit"] != unit or not c["time"]:
            continue
        span = _span(c["time"])
        if span is None:
            continue
        point = _num(c["point"]) if c["bound"] in ("exact", "approx") else None
        low, high = _num(c["low"]), _num(c["high"])
        if point is None and low is None and high is None:
            continue
        items.append((c, span, point, low, high))
    if len(items) < 2:
        return None
    values = [v for _, _, p, lo, hi in items for v in (p, lo, hi) if v is not None]
    vmin, vmax = min(values), max(values)
    pad = (vmax - vmin) * 0.15 or abs(vmax) * 0.1 or 1.0
    vmin, vmax = vmin - pad, vmax + pad
    if min(values) >= 0 > vmin:
        vmin = 0.0
    dmin = min(s[0].toordinal() for _, s, *_ in items)
    dmax = max(s[1].toordinal() + 1 for _, s, *_ in items)
    dpad = max((dmax - dmin) * 0.08, 20)
    dmin, dmax = dmin - dpad, dmax + dpad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: float) -> float:
        return round(LEFT + (day - dmin) / (dmax - dmin) * plot_w, 1)

    def y(v: float) -> float:
        return round(TOP + (vmax - v) / (vmax - vmin) * plot_h, 1)

    sources: dict[str, int] = {}
    marks = []
    for c, span, point, low, high in sorted(items, key=lambda it: (it[1][0], it[0]["number"])):
        color = sources.setdefault(c["source"] or "?", len(sources) % PALETTE_SIZE)
        x1, x2 = x(span[0].toordinal()), x(span[1].toordinal() + 1)
        xm = round((x1 + x2) / 2, 1)
        mark = {
            "claim": c,
            "color": color,
            "x1": x1,
            "x2": x2,
            "xm": xm,
            "wide": x2 - x1 >= 4,
            "kind": "point",
            "y": None,
            "y1": None,
            "y2": None,
            "label": c["value"],
            "label_y": 0.0,
            "hollow": c["approx"],
        }
        if point is not None:
            mark["y"] = y(point)
        elif low is not None and high is not None:
            mark.update(kind="interval", y1=y(high), y2=y(low), y=y((low + high) / 2))
        elif low is not None:  # more than / at least: open upwards
            mark.update(kind="up", y1=float(TOP), y2=y(low), y=y(low))
        else:  # less than / at most: open downwards
            mark.update(kind="down", y1=y(high), y2=float(TOP + plot_h), y=y(high))
        marks.append(mark)
    # value labels: beside the mark, nudged apart when two would overlap
    placed: list[tuple[float, float]] = []
    for m in marks:
        ly = m["y"] - 7
        for px, py in placed:
            if abs(px - m["xm"]) < 60 and abs(py - ly) < 12:
                ly = py + 13 if ly >= py else py - 13
        ly = min(max(ly, TOP + 8), TOP + plot_h - 2)
        m["label_y"] = round(ly, 1)
        placed.append((m["xm"], ly))
    y_ticks = [{"y": y(v), "label": compact(v)} for v in nice_ticks(vmin, vmax) if vmin <= v <= vmax]
    x_ticks = [{"x": x(d), "label": label} for d, label in _x_ticks(dmin, dmax) if dmin <= d <= dmax]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": TOP + plot_h,
        "unit": unit,
        "marks": marks,
        "y_ticks": y_ticks,
        "x_ticks": x_ticks,
        "legend": [{"source": s, "color": i} for s, i in sources.items()],
        "left_out": len(claims) - len(items),
    }
