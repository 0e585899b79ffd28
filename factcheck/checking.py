"""``check``: documents → claims in context → findings (in-article, across documents, ledger, references).

This is the orchestration behind ``factcheck check``; the CLI only reads files and prints. The ledger
and reference folder are optional inputs: a missing ledger is simply not consulted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factcheck.compare import compare_claims
from factcheck.compare.checks import in_article, same_sentence
from factcheck.compare.findings import sort_findings
from factcheck.compare.match import block_key
from factcheck.compare.rules import Rules, default
from factcheck.model import Claim, Finding
from factcheck.text.documents import Document


@dataclass(slots=True)
class CheckResult:
    """Everything one check run saw and found."""

    documents: list[Document]
    claims: list[Claim]
    findings: list[Finding]
    consulted: list[Claim] = field(default_factory=list)  #: ledger and reference claims compared with
    sources: dict[str, str] = field(default_factory=dict)  #: what was consulted: name -> description
    #: findings matched by the accepted-findings file (not shown, only counted)
    accepted: list[Finding] = field(default_factory=list)
    #: findings silenced inline in the article, with the reason given (shown greyed in reports)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    #: accepted-findings entries that matched nothing or have expired: (fingerprint, why)
    stale: list[tuple[str, str]] = field(default_factory=list)
    #: number expressions read per document (claims and the years, dates ... that are not claims)
    numbers_found: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "documents": [
                {"id": d.id, "path": d.path, "format": d.format, "lang": d.lang, **d.meta.to_dict()}
                for d in self.documents
            ],
            "claims": [c.to_dict() for c in self.claims],
            "findings": [f.to_dict() for f in self.findings],
            "consulted": [c.to_dict() for c in self.consulted],
        }


def claims_of(doc: Document, counts: dict[str, int] | None = None) -> list[Claim]:
    """Extract and contextualise one document (``counts`` receives how many numbers were read)."""
    from factcheck.pipeline import document_claims

    return list(document_claims(doc, counts=counts))


def ledger_claims(path: Path, claims: list[Claim], exclude_docs: set[str]) -> list[Claim]:
    """Claims of the ledger in the same blocks as ``claims`` (indexed lookups, not a full scan)."""
    if not path.is_file():
        return []
    from factcheck.ledger.store import ClaimFilter, Ledger

    found: dict[str, Claim] = {}
    with Ledger.open(path, create=False) as ledger:
        asked: set[tuple] = set()
        for c in claims:
            if block_key(c) is None:
                continue
            if c.entities:
                query = ClaimFilter(entity=sorted(c.entities)[0], unit=c.unit)
            else:
                query = ClaimFilter(subject_keys=(c.subject_key,), unit=c.unit)
            key = (query.entity, query.subject_keys, query.unit)
            if key in asked:
                continue
            asked.add(key)
            for stored in ledger.claims(query):
                if stored.doc not in exclude_docs:
                    found[stored.id] = stored
    return list(found.values())


def _restates(stored: Claim, claims: list[Claim]) -> bool:
    """Is a ledger or reference figure a copy of one of the article's own (the same value, bound and
    quantity, at an overlapping time)? The desk's copy of a figure is not a second source for it."""
    from factcheck.compare.match import concept, scope
    from factcheck.compare.timescope import interval

    span = interval(stored.time)
    for c in claims:
        if (c.value, c.low, c.high, c.bound) != (stored.value, stored.low, stored.high, stored.bound):
            continue
        if concept(c) != concept(stored):
            continue
        other = interval(c.time)
        if span and other and (span[1] < other[0] or other[1] < span[0]):
            continue
        sa, sb = scope(c), scope(stored)
        if sa and sb and not set(sa) & set(sb):
            from factcheck.compare.match import compatible_entities

            if not compatible_entities(sa, sb):
                continue
        return True
    return False


def check_documents(
    docs: list[Document],
    *,
    ledger: Path | None = None,
    references: Path | None = None,
    rules: Rules | None = None,
) -> CheckResult:
    """Run every check on ``docs`` (pure apart from reading the ledger and reference files)."""
    rules = rules or default()
    claims: list[Claim] = []
    findings: list[Finding] = []
    counts: dict[str, int] = {}
    for doc in docs:
        own = claims_of(doc, counts)
        claims.extend(own)
        findings.extend(in_article(doc.raw, own, rules))
    consulted: list[Claim] = []
    sources: dict[str, str] = {}
    if references is not None and references.is_dir():
        from factcheck.ledger.reference import load_references, reference_files

        refs = load_references(references)
        consulted.extend(refs)
        for path in reference_files(references):
            sources[str(path)] = "reference figures"
    if ledger is not None:
        stored = ledger_claims(ledger, claims, {d.id for d in docs})
        consulted.extend(stored)
        if ledger.is_file():
            sources[str(ledger)] = f"ledger ({len(stored)} related claims)"
    consulted = [c for c in consulted if not _restates(c, claims)]
    ids = {c.id for c in claims}
    texts = {d.id: d.raw for d in docs}

    def one_sentence(a: Claim, b: Claim) -> bool:
        """Two figures of one sentence from one source, as of one time, are a list ("5 killed and 19
        arrested"), never one quantity; with different times they are a change ("from 70,000 in 2019
        to 30,000 now"), unless both are parts of one whole ("of which 640 collapsed and 1,320 were
        damaged"); given to two sources ("X said ..., while Y put it at ...") they may disagree."""
        return (
            a.doc == b.doc
            and (a.time == b.time or a.scope == b.scope == "part")
            and (a.source or "") == (b.source or "")
            and a.doc in texts
            and same_sentence(texts[a.doc], a, b)
        )

    focus = (lambda c: c.id in ids) if consulted else None  # without others, every pair is the article's
    findings.extend(compare_claims([*claims, *consulted], rules, focus=focus, skip=one_sentence))
    return CheckResult(docs, claims, sort_findings(findings), consulted, sources, numbers_found=counts)
