"""Reports of a check run, one renderer per format, all fed the same :class:`CheckResult`.

``RENDERERS`` maps a ``--format`` name to ``module:function``; modules are imported only when that
format is asked for (Jinja is never loaded for ``json``). A renderer is
``render(result, *, color: bool, options: dict) -> str``.
"""

from __future__ import annotations

import importlib
from typing import Any

RENDERERS: dict[str, str] = {
    "text": "factcheck.report.text:render",
    "md": "factcheck.report.templating:render_md",
    "html": "factcheck.report.templating:render_html",
    "json": "factcheck.report.jsonout:render",
    "sarif": "factcheck.report.machine:render_sarif",
    "junit": "factcheck.report.machine:render_junit",
    "github": "factcheck.report.machine:render_github",
    "line": "factcheck.report.machine:render_line",
}


def render(result: Any, fmt: str, *, color: bool = False, options: dict | None = None) -> str:
    """Render ``result`` in ``fmt`` (one of :data:`RENDERERS`)."""
    module_name, _, func = RENDERERS[fmt].partition(":")
    return getattr(importlib.import_module(module_name), func)(result, color=color, options=options or {})
