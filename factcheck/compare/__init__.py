"""The comparator: same quantity? agree? (pure: claims in, findings out).

``compare_claims`` runs cross-source comparison over any set of claims (documents, ledger, reference
figures); ``checks.in_article`` the checks inside one document. Only pairs with at least one claim
from ``focus`` (the documents being checked) are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.compare import findings as fnd
from factcheck.compare.agree import explain, judge
from factcheck.compare.match import candidate_pairs
from factcheck.compare.rules import Rules, default
from factcheck.model import Claim, Finding


def relation(a: Claim, b: Claim) -> str:
    """The check a pair belongs to: restated in one article, across sources, or against a reference."""
    if a.doc.startswith("ref:") or b.doc.startswith("ref:"):
        return "reference"
    if a.doc == b.doc and (a.source or "") == (b.source or ""):
        return "restated"
    return "cross_source"


def compare_claims(
    claims: Iterable[Claim],
    rules: Rules | None = None,
    *,
    focus: Callable[[Claim], bool] | None = None,
    include_consistent: bool = False,
    window: int | None = None,
    cross_source_only: bool = False,
    verdicts: frozenset[str] | None = None,
    progress=None,
    skip: Callable[[Claim, Claim], bool] | None = None,
) -> list[Finding]:
    """Findings for pairs of claims about the same quantity (never all pairs: see ``match``).

    ``window`` overrides how many time-ordered neighbours each claim meets; ``cross_source_only``
    skips pairs from one source; ``verdicts`` keeps only those verdicts (ledger-wide runs); ``skip``
    drops pairs known to be distinct (two figures of one sentence: "5 killed and 19 arrested").
    """
    rules = rules or default()
    out: list[Finding] = []
    seen: set[str] = set()
    for a, b, factor in candidate_pairs(
        claims, rules, window=window, progress=progress, articles=not cross_source_only
    ):
        if focus is not None and not (focus(a) or focus(b)):
            continue
        if cross_source_only and (a.source or a.doc) == (b.source or b.doc):
            continue
        if skip is not None and skip(a, b):
            continue
        result = judge(a, b, rules, factor)
        if result.verdict == "consistent" and not include_consistent:
            continue
        if verdicts is not None and result.verdict not in verdicts:
            continue
        check = relation(a, b)
        if check == "restated" and result.verdict == "trend":
            check = "change"  # "from 70,000 in 2019 to 30,000 now": one source, two times
        level = rules.levels.get(result.verdict, "info")
        finding = fnd.make(
            check,
            level,
            [a, b],
            f"{result.verdict}: {fnd.label(b)} vs {fnd.label(a)}",
            explain(a, b, result, rules),
            verdict=result.verdict,
            difference=None if result.difference is None else float(result.difference),
            relative=None if result.relative is None else round(float(result.relative), 4),
            tolerance=None if result.tolerance is None else round(float(result.tolerance), 4),
        )
        if finding.id not in seen:
            seen.add(finding.id)
            out.append(finding)
    return fnd.sort_findings(out)


def ledger_findings(claims: Iterable[Claim], *, include_trends: bool = False, progress=None) -> list[Finding]:
    """Ledger-wide comparison (``factcheck compare``): each claim against its nearest neighbours in
    time from other sources; drifts and conflicts (and trends when asked)."""
    verdicts = frozenset({"drift", "conflict", "trend"} if include_trends else {"drift", "conflict"})
    return compare_claims(claims, window=2, cross_source_only=True, verdicts=verdicts, progress=progress)


__all__ = ["compare_claims", "ledger_findings", "relation"]
