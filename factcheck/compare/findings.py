"""Findings: stable fingerprints (independent of offsets and line numbers) and their wording."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
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
    return sorted(findings, key=lambda f: (LEVEL_ORDER.get(f.level, 9), f.check, f.id))
