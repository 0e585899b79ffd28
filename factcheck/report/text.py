"""The terminal view of a check: claims per document (source, time), then findings by level."""

from __future__ import annotations

import os

from factcheck.report.claims import format_value

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "none": "\033[2m"}
_RESET = "\033[0m"


def render(result, *, color: bool = False, options: dict | None = None) -> str:
    color = color and not os.environ.get("NO_COLOR")
    lines: list[str] = []
    by_doc: dict[str, list] = {}
    for c in result.claims:
        by_doc.setdefault(c.doc, []).append(c)
    for doc in result.documents:
        meta = ", ".join(x for x in (doc.meta.publisher, doc.meta.published, doc.lang) if x)
        lines.append(f"{doc.id}" + (f" ({meta})" if meta else ""))
        for c in by_doc.get(doc.id, []):
            ctx = " · ".join(x for x in (c.source, c.time) if x)
            lines.append(
                f"  {format_value(c):>16} {c.unit or '':<12} \u2068{c.text}\u2069"
                + (f"  [{ctx}]" if ctx else "")
            )
        lines.append("")
    counts = {level: sum(f.level == level for f in result.findings) for level in ("error", "warning", "info")}
    for level in ("error", "warning", "info"):
        for f in (f for f in result.findings if f.level == level):
            tag = f"{level.upper()}"
            if color:
                tag = _COLORS[level] + tag + _RESET
            lines.append(f"{tag} {f.check}: {f.message}")
            lines.append(f"    {f.explanation}")
    lines.append(
        f"{len(result.claims)} claims in {len(result.documents)} document(s); "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )
    return "\n".join(lines) + "\n"
