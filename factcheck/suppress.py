"""Inline suppression: a directive in the article silences findings in the paragraph that follows it.

Markdown and HTML::

    <!-- factcheck: ignore drift reason="confirmed with UNHCR" -->

Plain text (any format; a line of its own)::

    [factcheck: ignore drift reason="confirmed with UNHCR"]

After ``ignore`` come the checks (``reference``, ``parts_total``, ...) or verdicts (``drift``,
``conflict``, ...) to silence, separated by spaces or commas; none (or ``all``) means every finding. A
finding is silenced when it matches and one of its claims lies in the next paragraph (up to the next blank
line, or in HTML also up to the end of the next block element). The reason is required: a directive
without one silences nothing and is itself a finding (check ``suppression``, level warning), as is a
directive naming an unknown check. Silenced findings go to ``CheckResult.suppressed`` with the reason.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from factcheck.compare.checks import registry as in_article_checks
from factcheck.model import VERDICTS, Finding

#: the comparison checks, and every in-article check of the registry (``compare/checks.toml``)
CHECKS = frozenset({"restated", "change", "cross_source", "reference"}) | frozenset(in_article_checks())
TARGETS = CHECKS | frozenset(VERDICTS)
LEVEL = "warning"

_BODY = r"(?P<body>(?:\"[^\"\n]*\"|'[^'\n]*'|[^\]\n\"'])*)"
_COMMENT = re.compile(r"<!--\s*factcheck\s*:\s*ignore\b(?P<body>.*?)-->", re.S | re.I)
_PLAIN = re.compile(rf"^[ \t]*\[\s*factcheck\s*:\s*ignore\b{_BODY}\][ \t]*$", re.M | re.I)
_REASON = re.compile(r"""\breason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>\S+))""", re.I)
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|td|th|dd|dt|figcaption|pre|caption)\s*>", re.I)


@dataclass(frozen=True, slots=True)
class Directive:
    """One ``factcheck: ignore`` directive and the span of text it covers."""

    doc: str
    start: int  #: the directive itself, in ``doc.raw``
    end: int
    targets: frozenset[str]  #: empty: every check
    reason: str | None
    scope: tuple[int, int]  #: the paragraph it covers
    problem: str | None = None  #: why it silences nothing

    def covers(self, finding: Finding, spans: dict[str, tuple[str, int, int]]) -> bool:
        if self.problem or finding.check == "suppression":
            return False
        if self.targets and finding.check not in self.targets and finding.verdict not in self.targets:
            return False
        lo, hi = self.scope
        for cid in finding.claims:
            where = spans.get(cid)
            if where and where[0] == self.doc and lo <= where[1] and where[2] <= hi:
                return True
        return False


def _scope(raw: str, end: int, fmt: str) -> tuple[int, int]:
    pos = end
    while pos < len(raw) and raw[pos] in " \t\r\n":
        pos += 1
    stop = len(raw)
    m = _BLANK_LINE.search(raw, pos)
    if m:
        stop = m.start()
    if fmt == "html":
        b = _BLOCK_END.search(raw, pos)
        if b:
            stop = min(stop, b.end())
    return pos, stop


def _parse(doc_id: str, raw: str, fmt: str, m: re.Match[str]) -> Directive:
    body = m.group("body")
    reason = None
    r = _REASON.search(body)
    if r:
        reason = (r.group("dq") or r.group("sq") or r.group("bare") or "").strip() or None
        body = body[: r.start()] + " " + body[r.end() :]
    words = {w.lower() for w in re.split(r"[\s,]+", body.strip()) if w}
    words.discard("all")
    unknown = sorted(words - TARGETS)
    problem = None
    if unknown:
        problem = (
            f"unknown check or verdict '{unknown[0]}' in a factcheck: ignore directive "
            f"(known: {', '.join(sorted(TARGETS))})"
        )
    elif reason is None:
        problem = 'factcheck: ignore directive without a reason (add reason="...")'
    return Directive(doc_id, m.start(), m.end(), frozenset(words), reason, _scope(raw, m.end(), fmt), problem)


def directives(doc) -> list[Directive]:
    """The directives of a document (read from ``doc.raw``: the Markdown reader masks comments)."""
    raw = doc.raw
    if "factcheck" not in raw:
        return []
    found = [_parse(doc.id, raw, doc.format, m) for m in _COMMENT.finditer(raw)]
    found += [_parse(doc.id, raw, doc.format, m) for m in _PLAIN.finditer(raw)]
    return sorted(found, key=lambda d: d.start)


def directive_finding(d: Directive, raw: str) -> Finding:
    """The finding a directive that silences nothing becomes."""
    text = " ".join(raw[d.start : d.end].split())
    digest = hashlib.sha1("\x1e".join(["suppression", d.doc, text]).encode("utf-8")).hexdigest()[:16]
    return Finding(
        id=digest,
        check="suppression",
        level=LEVEL,
        claims=(),
        message=d.problem or "invalid factcheck: ignore directive",
        explanation=f"{text} silences nothing until it names known checks and gives a reason",
        verdict=None,
        details=(("doc", d.doc), ("end", d.end), ("start", d.start)),
    )


def apply_inline(result) -> list[Directive]:
    """Move the findings silenced by directives to ``result.suppressed`` (with the reason) and add a
    finding for each directive that silences nothing. Claims inside a directive (numbers in its reason)
    are not claims of the article: they and their findings are dropped. Returns the directives."""
    from factcheck.compare.findings import sort_findings

    found: list[Directive] = []
    raws: dict[str, str] = {}
    for doc in result.documents:
        raws[doc.id] = doc.raw
        found.extend(directives(doc))
    if not found:
        return found
    inside: set[str] = set()
    spans: dict[str, tuple[str, int, int]] = {}
    for c in result.claims:
        spans[c.id] = (c.doc, c.start, c.end)
        if any(d.doc == c.doc and d.start <= c.start < d.end for d in found):
            inside.add(c.id)
    if inside:
        result.claims = [c for c in result.claims if c.id not in inside]
    kept: list[Finding] = []
    for f in result.findings:
        if inside.intersection(f.claims):
            continue
        d = next((d for d in found if d.covers(f, spans)), None)
        if d is not None:
            result.suppressed.append((f, d.reason or ""))
        else:
            kept.append(f)
    kept.extend(directive_finding(d, raws[d.doc]) for d in found if d.problem)
    result.findings = sort_findings(kept)
    return found
