"""The readings of one quantity over time as one trend finding (a series), not one finding per pair."""

from __future__ import annotations

import math

from factcheck.compare import findings as fnd
from factcheck.compare.agree import describe
from factcheck.compare.timescope import interval
from factcheck.model import Claim, Finding


def merge_series(found: list[Finding], claims: dict[str, Claim]) -> list[Finding]:
    """``found`` with the trend findings that share claims (70,000 in 2019 → 31,000 in mid-2025 →
    30,000 now) merged into one finding per series; other findings unchanged. ``claims`` holds at least
    the claims of the trend findings, by id."""
    trends = [f for f in found if f.verdict == "trend" and all(c in claims for c in f.claims)]
    if len(trends) < 2:
        return found
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in trends:
        first = root(f.claims[0])
        for other in f.claims[1:]:
            parent[root(other)] = first
    groups: dict[str, list[Finding]] = {}
    for f in trends:
        groups.setdefault(root(f.claims[0]), []).append(f)
    merged = {id(f): None for group in groups.values() if len(group) > 1 for f in group}
    out = [f for f in found if id(f) not in merged]
    for group in groups.values():
        if len(group) > 1:
            out.append(_series(group, claims))
    return fnd.sort_findings(out)


def _first_day(c: Claim) -> str:
    span = interval(c.time)
    return span[0].isoformat() if span else "9999"


def _series(group: list[Finding], claims: dict[str, Claim]) -> Finding:
    ids = {c for f in group for c in f.claims}
    members = sorted((claims[i] for i in ids), key=lambda c: (_first_day(c), c.id))
    checks = {f.check for f in group}
    check = checks.pop() if len(checks) == 1 else "cross_source"
    steps = " → ".join(fnd.label(c) for c in members)
    first, last = members[0], members[-1]
    change = ""
    if first.value and last.value is not None:
        try:
            ratio = (float(last.value) - float(first.value)) / abs(float(first.value))
        except (OverflowError, ZeroDivisionError):
            ratio = math.nan
        if math.isfinite(ratio):
            change = f", a change of {ratio * 100:+.1f}% from {first.time} to {last.time}"
    explanation = (
        f"one quantity read at {len(members)} times: "
        + "; ".join(f"{describe(c)} ({c.time or 'no time'})" for c in members)
        + f"{change}: a change over time, not a disagreement"
    )
    return fnd.make(
        check,
        group[0].level,
        members,
        f"trend: {steps}",
        explanation,
        verdict="trend",
        readings=len(members),
    )
