"""Findings: stable fingerprints (independent of offsets and line numbers) and their wording."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from operator import attrgetter
from typing import Any

from factcheck.model import Claim, Finding

LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2, "none": 3}


def claim_fingerprint(c: Claim) -> str:
    """What identifies a claim across edits: its document, words and value, not where it stands."""
    words = " ".join(c.text.split())
    return f"{c.doc}\x1f{words}\x1f{c.value}\x1f{c.low}\x1f{c.high}\x1f{c.unit}"


def fingerprint(check: str, claims: Iterable[Claim]) -> str:
    """Stable id of a finding: the check and its claims' fingerprints, order-independent."""
    parts = sorted(claim_fingerprint(c) for c in claims)
    return hashlib.sha1("\x1e".join([check, *parts]).encode("utf-8")).hexdigest()[:16]


def pair_fingerprint(check: str, first: str, second: str) -> str:
    """:func:`fingerprint` of two claims from their :func:`claim_fingerprint` values."""
    if second < first:
        first, second = second, first
    return hashlib.sha1(f"{check}\x1e{first}\x1e{second}".encode()).hexdigest()[:16]


def label(c: Claim) -> str:
    """ "31,000 (research reports, 2025-07)": a claim as a finding names it."""
    from factcheck.compare.agree import describe

    bits = [b for b in (c.source, c.time) if b]
    return describe(c) + (f" ({', '.join(bits)})" if bits else "")


def make(
    check: str,
    level: str,
    claims: list[Claim],
    message: str,
    explanation: str,
    verdict: str | None = None,
    **details: Any,
) -> Finding:
    return Finding(
        id=fingerprint(check, claims),
        check=check,
        level=level,
        claims=tuple(c.id for c in claims),
        message=message,
        explanation=explanation,
        verdict=verdict,
        details=tuple(sorted((k, v) for k, v in details.items() if v is not None)),
    )


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """By level (errors first), check, then id; stable. Findings are grouped by (level, check), few
    groups, and each group sorted by id alone: the order of one sort on the whole key, faster."""
    groups: dict[tuple[int, str], list[Finding]] = {}
    for f in findings:
        key = (LEVEL_ORDER.get(f.level, 9), f.check)
        group = groups.get(key)
        if group is None:
            groups[key] = [f]
        else:
            group.append(f)
    out: list[Finding] = []
    for key in sorted(groups):
        group = groups[key]
        group.sort(key=_by_id)
        out += group
    return out


_by_id = attrgetter("id")
