"""The terminal view of a check (template ``report.txt.j2``): claims per document, findings by level."""

from __future__ import annotations

from typing import Any


def render(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    from factcheck.report.templating import render_text

    return render_text(result, color=color, options=options)
