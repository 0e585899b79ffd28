"""The comparator: same quantity? agree? (pure: claims in, findings out).

``compare_claims`` runs cross-source comparison over any set of claims (documents, ledger, reference
figures); ``checks.in_article`` the checks inside one document. Only pairs with at least one claim
from ``focus`` (the documents being checked) are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.compare import findings as fnd
from factcheck.compare.agree import compare
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
) -> list[Finding]:
    """Findings for every pair of claims about the same quantity (never all pairs: see ``match``)."""
    rules = rules or default()
    out: list[Finding] = []
    seen: set[str] = set()
    for a, b, factor in candidate_pairs(claims, rules):
        if focus is not None and not (focus(a) or focus(b)):
            continue
        result = compare(a, b, rules, factor)
        if result.verdict == "consistent" and not include_consistent:
            continue
        check = relation(a, b)
        level = rules.levels.get(result.verdict, "info")
        finding = fnd.make(
            check,
            level,
            [a, b],
            f"{result.verdict}: {fnd.label(b)} vs {fnd.label(a)}",
            result.explanation,
            verdict=result.verdict,
            difference=None if result.difference is None else float(result.difference),
            relative=None if result.relative is None else round(float(result.relative), 4),
            tolerance=None if result.tolerance is None else round(float(result.tolerance), 4),
        )
        if finding.id not in seen:
            seen.add(finding.id)
            out.append(finding)
    return fnd.sort_findings(out)


__all__ = ["compare_claims", "relation"]
