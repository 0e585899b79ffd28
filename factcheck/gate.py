"""The gate: which findings fail a run, and the exit code (DESIGN.md §2)."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.errors import UsageError
from factcheck.model import Finding

FAIL_LEVELS = ("error", "warning", "info", "never")
_RANK = {"error": 0, "warning": 1, "info": 2, "none": 3}


def failing(findings: Iterable[Finding], fail_on: str) -> list[Finding]:
    """Findings at or above ``fail_on`` (none for ``never``)."""
    if fail_on not in FAIL_LEVELS:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
    if fail_on == "never":
        return []
    limit = _RANK[fail_on]
    return [f for f in findings if _RANK.get(f.level, 3) <= limit]


def exit_code(findings: Iterable[Finding], fail_on: str = "error") -> int:
    """0 when nothing is at or above the fail level, else 1."""
    return 1 if failing(findings, fail_on) else 0
