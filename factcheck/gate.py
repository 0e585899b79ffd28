"""The gate: which findings fail a run, and the exit code (DESIGN.md §2).

Exit codes: 0 nothing at or above the fail level (and no more warnings than ``max_warnings``); 1 findings
at or above it, or too many warnings; 2 usage, input or configuration errors (raised as
:class:`~factcheck.errors.FactcheckError`, never returned from here).

Findings accepted in the accepted-findings file or silenced inline are not in ``result.findings`` any
more by the time the gate looks (see :func:`apply_policy`), so they never fail a run.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import UsageError
from factcheck.model import FAIL_LEVELS, Finding, level_rank

DEFAULT_FAIL_ON = "error"


def check_fail_on(fail_on: str) -> str:
    if fail_on not in FAIL_LEVELS:
        raise UsageError(f"--fail-on must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
    return fail_on


def at_or_above(level: str, fail_on: str) -> bool:
    """Whether a finding of ``level`` fails a run gated at ``fail_on``."""
    if check_fail_on(fail_on) == "never":
        return False
    return level_rank(level) <= level_rank(fail_on)


def failing(findings: Iterable[Finding], fail_on: str) -> list[Finding]:
    """Findings at or above ``fail_on`` (none for ``never``)."""
    check_fail_on(fail_on)
    return [f for f in findings if at_or_above(f.level, fail_on)]


@dataclass(frozen=True, slots=True)
class Policy:
    """When a run fails: the fail level and the most warnings tolerated (``None``: any number)."""

    fail_on: str = DEFAULT_FAIL_ON
    max_warnings: int | None = None

    def __post_init__(self) -> None:
        check_fail_on(self.fail_on)
        if self.max_warnings is not None and self.max_warnings < 0:
            raise UsageError(f"--max-warnings must be 0 or more, not {self.max_warnings}")

    @classmethod
    def resolve(cls, fail_on: str | None, max_warnings: int | None, config: object | None = None) -> Policy:
        """Flags first, then the configuration (``fail_on``, ``max_warnings``), then the defaults."""
        return cls(
            fail_on=fail_on or getattr(config, "fail_on", None) or DEFAULT_FAIL_ON,
            max_warnings=max_warnings if max_warnings is not None else getattr(config, "max_warnings", None),
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the gate decided, and why (for the summary line)."""

    exit_code: int
    failing: tuple[Finding, ...]
    warnings: int
    too_many_warnings: bool

    def reasons(self, policy: Policy) -> list[str]:
        out = []
        if self.failing:
            n = len(self.failing)
            out.append(f"{n} finding{'s' if n != 1 else ''} at or above '{policy.fail_on}'")
        if self.too_many_warnings:
            out.append(f"{self.warnings} warnings, more than --max-warnings {policy.max_warnings}")
        return out


def judge(findings: Iterable[Finding], policy: Policy) -> Verdict:
    """Apply ``policy`` to the findings still shown."""
    shown = list(findings)
    bad = tuple(failing(shown, policy.fail_on))
    warnings = sum(f.level == "warning" for f in shown)
    too_many = policy.max_warnings is not None and warnings > policy.max_warnings
    return Verdict(1 if bad or too_many else 0, bad, warnings, too_many)


def exit_code(
    findings: Iterable[Finding], fail_on: str = DEFAULT_FAIL_ON, max_warnings: int | None = None
) -> int:
    """0 when nothing is at or above the fail level and warnings are within ``max_warnings``, else 1."""
    return judge(findings, Policy(fail_on, max_warnings)).exit_code


# ---------------------------------------------------------------- the gate's pipeline


@dataclass(slots=True)
class Gated:
    """What :func:`apply_policy` did to a result: lines for standard error, and reasons for reports."""

    notes: list[str]
    accepted_reasons: dict[str, str]
    baseline: str | None  #: the accepted-findings file in use, if it exists
    outside_diff: int = 0

    def render_options(self, policy: Policy) -> dict:
        return {
            "fail_on": policy.fail_on,
            "max_warnings": policy.max_warnings,
            "accepted_reasons": self.accepted_reasons,
        }


def apply_policy(
    result,
    *,
    baseline: str | os.PathLike[str] | None = None,
    diff: str | None = None,
    today: dt.date | None = None,
) -> Gated:
    """Silence inline-suppressed findings, accept those of the accepted-findings file ``baseline``
    (filling ``result.suppressed``, ``.accepted`` and ``.stale``), then keep only findings on lines
    changed since ``diff`` (a git revision). Raises ``FactcheckError`` (exit 2) on a malformed
    accepted-findings file, outside a git repository or for an unknown revision."""
    from factcheck.suppress import apply_inline

    apply_inline(result)
    notes: list[str] = []
    reasons: dict[str, str] = {}
    used = None
    if baseline is not None and Path(baseline).exists():
        from factcheck import baseline as bl  # the accepted-findings file (and git) only when there is one

        used = str(baseline)
        entries = bl.load(baseline)
        reasons = {e.fingerprint: e.reason for e in entries}
        applied = bl.apply(
            result.findings,
            entries,
            documents=[d.id for d in result.documents],
            also_matched=[f.id for f, _ in result.suppressed],
            today=today,
            where=used,
        )
        result.findings = applied.shown
        result.accepted = applied.accepted
        result.stale = applied.stale
        notes += applied.notes
    gated = Gated(notes, reasons, used)
    if diff is not None:
        from factcheck.diffscope import restrict

        gated.outside_diff = restrict(result, diff)
    if used is not None:
        notes.insert(0, bl.not_shown_line(len(result.accepted)))
    return gated
