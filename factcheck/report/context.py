"""One template context for every report format (text, Markdown, HTML).

:func:`build_context` turns a :class:`~factcheck.checking.CheckResult` into plain dicts and lists:
documents with their claims (and the article cut into plain and highlighted segments), findings grouped
by level and by group of related claims (findings that share claims), each with its claims side by
side, a chart per group, coverage numbers, what was consulted, and the accepted, suppressed and stale
findings. Templates only format; every decision is made here, so all formats agree.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from functools import partial
from pathlib import Path
from typing import Any

from factcheck.model import SHOWN_LEVELS, Level
from factcheck.report.claims import format_value, frame_summary

LEVELS = SHOWN_LEVELS
LEVEL_LABELS = {Level.ERROR: "Errors", Level.WARNING: "Warnings", Level.INFO: "Info"}
_RANK = {level: level.rank for level in SHOWN_LEVELS}
_BOUND_WORDS = {
    "exact": "exact",
    "approx": "about",
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "at_most": "at most",
    "range": "range",
}
_RTL_LANGS = {"ar", "fa", "he", "ur"}


def direction(lang: str | None) -> str:
    """``rtl`` for right-to-left languages, else ``ltr``."""
    return "rtl" if (lang or "")[:2].lower() in _RTL_LANGS else "ltr"


def display_path(path: str) -> str:
    """A path as shown in a report: relative to the working folder when under it (no absolute paths
    in reports that are committed or compared)."""
    if not path or not os.path.isabs(path):
        return path
    try:
        rel = Path(path).resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return path
    return rel.as_posix()


def hedge_words(c: Any) -> str:
    """How the wording bounds the figure: exact, about, more than, a range (about)..."""
    word = _BOUND_WORDS.get(c.bound, c.bound)
    if c.bound == "range" and c.approx:
        return "range, about"
    return word


def _sentence_spans(raw: str) -> list[tuple[int, int]]:
    from factcheck.text.sentences import split_sentences

    return split_sentences(raw)


class _Sentences:
    """The sentence around an offset of one document (spans computed once)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.spans = _sentence_spans(raw)
        self.starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> str:
        i = bisect_right(self.starts, start) - 1
        if i < 0 or not self.spans:
            return self.raw[start:end]
        s, e = self.spans[i]
        e = max(e, end)
        return " ".join(self.raw[s:e].split())


def _numbers_found(doc: Any, claims: int) -> int:
    """Every number expression of the document (claims, years, dates, ordinals...)."""
    try:
        from factcheck.extraction import extract_document

        return len(extract_document(doc, include_all=True))
    except Exception:  # a report never fails on a count
        return claims


class _Lazy(dict):
    """A dict whose costly entries are computed on first use (``lazy``: key -> function)."""

    def __init__(self, data: dict) -> None:
        super().__init__(data)
        self.lazy: dict[str, Any] = {}

    def __missing__(self, key: str) -> Any:
        if key not in self.lazy:
            raise KeyError(key)
        value = self[key] = self.lazy.pop(key)()
        return value


def _origin(c: Any, doc_ids: set[str]) -> tuple[str, str]:
    """Where a claim came from, and the name to show for it (a reference file by its path)."""
    if c.origin == "reference":
        return "reference", display_path(c.doc.removeprefix("ref:"))
    if c.origin == "article" and c.doc in doc_ids:
        return "article", c.doc
    return "ledger", c.doc


def _claim_view(c: Any, index: int, origin: tuple[str, str], sentence: str) -> dict[str, Any]:
    return {
        "id": c.id,
        "anchor": f"claim-{index + 1}",
        "number": index + 1,
        "doc": display_path(c.doc) if origin[0] == "article" else c.doc,
        "origin": origin[0],
        "origin_name": origin[1],
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "value": format_value(c),
        "bound": c.bound,
        "hedge": hedge_words(c),
        "approx": c.approx,
        "low": c.low,
        "high": c.high,
        "point": c.value,
        "unit": c.unit or "",
        "unit_text": c.unit_text or "",
        "subject": c.subject or "",
        "source": c.source or "",
        "source_text": c.source_text or "",
        "cue": c.cue or "",
        "time": c.time or "",
        "frame": frame_summary(c),
        "lang": c.lang,
        "dir": direction(c.lang),
        "sentence": sentence,
        "level": "none",
        "findings": [],
    }


def _unknown_claim(claim_id: str, index: int) -> dict[str, Any]:
    """A finding names a claim the result does not carry: show its id, never fail."""
    return {
        "id": claim_id,
        "anchor": f"claim-{index + 1}",
        "number": index + 1,
        "doc": claim_id.partition("#")[0],
        "origin": "unknown",
        "origin_name": claim_id.partition("#")[0],
        "text": claim_id,
        "start": 0,
        "end": 0,
        "value": "?",
        "bound": "",
        "hedge": "",
        "approx": False,
        "low": None,
        "high": None,
        "point": None,
        "unit": "",
        "unit_text": "",
        "subject": "",
        "source": "",
        "source_text": "",
        "cue": "",
        "time": "",
        "frame": "",
        "lang": "en",
        "dir": "ltr",
        "sentence": "",
        "level": "none",
        "findings": [],
    }


def _finding_view(f: Any, number: int, claims: list[dict], prefix: str = "finding") -> dict[str, Any]:
    return {
        "id": f.id,
        "anchor": f"{prefix}-{number}",
        "number": number,
        "label": f"F{number}" if prefix == "finding" else f"S{number}",
        "check": f.check,
        "verdict": f.verdict or f.check,
        "level": f.level,
        "message": f.message,
        "explanation": f.explanation,
        "details": dict(f.details),
        "claims": claims,
        "group": 0,
    }


def _segments(raw: str, claims: list[dict]) -> list[dict[str, Any]]:
    """The article cut into plain text and claims (overlapping claims: the first one wins)."""
    out: list[dict[str, Any]] = []
    pos = 0
    for c in sorted(claims, key=lambda c: (c["start"], c["end"])):
        if c["start"] < pos or c["end"] > len(raw) or c["start"] >= c["end"]:
            continue
        if c["start"] > pos:
            out.append({"text": raw[pos : c["start"]], "claim": None})
        out.append({"text": raw[c["start"] : c["end"]], "claim": c})
        pos = c["end"]
    if pos < len(raw):
        out.append({"text": raw[pos:], "claim": None})
    return out


def _groups(findings: list[dict]) -> list[list[int]]:
    """Findings that share a claim, transitively: indexes into ``findings``, in order."""
    parent = list(range(len(findings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, f in enumerate(findings):
        for c in f["claims"]:
            j = owner.setdefault(c["id"], i)
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    out: dict[int, list[int]] = {}
    for i in range(len(findings)):
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def _compared(claims: list[Any], consulted: list[Any]) -> int:
    """Claims that shared a comparison block (same kind of quantity and subject) with another figure."""
    try:
        from factcheck.compare.match import block_keys
    except Exception:
        return 0
    count: dict[tuple[str, str], int] = {}
    keys = {}
    for c in [*claims, *consulted]:
        ks = set(block_keys(c))
        keys[c.id] = ks
        for k in ks:
            count[k] = count.get(k, 0) + 1
    return sum(1 for c in claims if any(count[k] > 1 for k in keys[c.id]))


def build_context(result: Any, options: dict | None = None) -> dict[str, Any]:
    """The context every report template receives (see the module docstring)."""
    from factcheck.report.charts import chart

    options = options or {}
    doc_ids = {d.id for d in result.documents}
    sentences = {d.id: _Sentences(d.raw) for d in result.documents}
    views: dict[str, dict] = {}
    order: list[dict] = []
    for c in [*result.claims, *result.consulted]:
        if c.id in views:
            continue
        origin = _origin(c, doc_ids)
        if origin[0] == "article" and c.doc in sentences:
            sentence = sentences[c.doc].around(c.start, c.end)
        elif origin[0] == "reference":
            sentence = ""
        else:
            sentence = c.text
        view = _claim_view(c, len(order), origin, sentence)
        if origin[0] == "reference":  # its text is the row of the reference file: show the subject
            view["text"] = c.subject or c.text
        views[c.id] = view
        order.append(view)

    def claim_views(ids: tuple[str, ...]) -> list[dict]:
        out = []
        for cid in ids:
            if cid not in views:
                view = _unknown_claim(cid, len(order))
                views[cid] = view
                order.append(view)
            out.append(views[cid])
        return out

    shown = [f for f in result.findings if f.level in _RANK]
    shown.sort(key=lambda f: _RANK[f.level])  # stable: keeps the comparator's order within a level
    findings = [_finding_view(f, i + 1, claim_views(f.claims)) for i, f in enumerate(shown)]
    for f in findings:
        for c in f["claims"]:
            c["findings"].append(f)
            if c["level"] == "none" or _RANK[f["level"]] < _RANK[c["level"]]:
                c["level"] = f["level"]
    hidden = [f for f in result.findings if f.level not in _RANK]

    groups = []
    for number, members in enumerate(_groups(findings), start=1):
        group_claims: dict[str, dict] = {}
        for i in members:
            findings[i]["group"] = number
            for c in findings[i]["claims"]:
                group_claims.setdefault(c["id"], c)
        groups.append(
            {
                "number": number,
                "claims": list(group_claims.values()),
                "findings": [findings[i] for i in members],
            }
        )
    levels = []
    for level in LEVELS:
        in_level = [f for f in findings if f["level"] == level]
        by_group = []
        for g in groups:
            fs = [f for f in g["findings"] if f["level"] == level]
            if fs:
                own: dict[str, dict] = {}
                for f in fs:
                    for c in f["claims"]:
                        own.setdefault(c["id"], c)
                by_group.append(
                    {"group": g, "findings": fs, "focus": set(own), "chart": chart(list(own.values()))}
                )
        levels.append({"name": level, "label": LEVEL_LABELS[level], "findings": in_level, "groups": by_group})

    known = options.get("numbers_found") or getattr(result, "numbers_found", None) or {}
    count_numbers = options.get("count_numbers", True)
    documents = []
    for d in result.documents:
        own = [views[c.id] for c in result.claims if c.doc == d.id and c.id in views]
        meta = d.meta
        view = _Lazy(
            {
                "id": display_path(d.id),
                "anchor": f"doc-{len(documents) + 1}",
                "path": display_path(d.path),
                "format": d.format,
                "lang": d.lang,
                "dir": direction(d.lang),
                "title": meta.title or "",
                "publisher": meta.publisher or "",
                "published": meta.published or "",
                "dateline": meta.dateline or "",
                "url": meta.url or "",
                "claims": own,
                "segments": _segments(d.raw, own),
                "findings": sum(1 for c in own for _ in c["findings"]),
            }
        )
        if d.id in known:
            view["numbers_found"] = int(known[d.id])
        elif not count_numbers:
            view["numbers_found"] = len(own)
        else:  # counted only when a template shows it: it re-runs the extractor
            view.lazy["numbers_found"] = partial(_numbers_found, d, len(own))
        documents.append(view)

    suppressed = []
    for i, (f, reason) in enumerate(result.suppressed, start=1):
        view = _finding_view(f, i, claim_views(f.claims), prefix="suppressed")
        view["reason"] = reason
        suppressed.append(view)

    claims = [views[c.id] for c in result.claims]
    consulted = [views[c.id] for c in result.consulted]
    counts = {level: sum(1 for f in findings if f["level"] == level) for level in LEVELS}
    coverage = _Lazy(
        {
            "documents": len(documents),
            "claims": len(claims),
            "attributed": sum(1 for c in result.claims if c.source),
            "with_time": sum(1 for c in result.claims if c.time),
            "compared": _compared(result.claims, result.consulted),
            "consulted": len(consulted),
            "findings": counts,
            "total_findings": len(findings),
            "hidden": len(hidden),
            "accepted": len(result.accepted),
            "suppressed": len(suppressed),
            "stale": len(result.stale),
        }
    )
    coverage.lazy["numbers_found"] = lambda: sum(doc["numbers_found"] for doc in documents)
    worst = next((level for level in LEVELS if counts[level]), "none")
    title = options.get("title") or (
        f"factcheck report: {documents[0]['id']}"
        if len(documents) == 1
        else f"factcheck report: {len(documents)} documents"
    )
    return {
        "title": title,
        "documents": documents,
        "claims": claims,
        "findings": findings,
        "levels": levels,
        "groups": groups,
        "coverage": coverage,
        "worst": worst,
        "consulted": consulted,
        "sources": [
            {"name": display_path(name), "description": desc} for name, desc in result.sources.items()
        ],
        "accepted": len(result.accepted),
        "suppressed": suppressed,
        "stale": [{"fingerprint": fp, "why": why} for fp, why in result.stale],
    }
