"""The terminal view of a check: claims per document, findings by level, coverage.

It is written here in Python, character for character what the package template ``report.txt.j2``
renders, so a plain ``factcheck check`` never loads Jinja. A user template (``--template``, or a
``report.txt.j2`` in the configured templates folder) is rendered through Jinja as before.
"""

from __future__ import annotations

import os
from typing import Any


def render(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    from factcheck.report import templating

    options = dict(options or {})
    folder = templating.user_templates(options)
    if options.get("template") or (folder is not None and (folder / templating.TEMPLATES["text"]).is_file()):
        return templating.render_text(result, color=color, options=options)
    from factcheck.report.context import build_context

    context = build_context(result, options)
    return plain(context, color=bool(color) and not os.environ.get("NO_COLOR"))


def _out(value: Any) -> str:
    """A value as the text template prints it (its ``finalize``): control characters escaped."""
    from factcheck.report.templating import TextSafe, terminal_text

    if value is None:
        return ""
    if isinstance(value, TextSafe) or not isinstance(value, str):
        return str(value)
    return terminal_text(value)


def plain(context: dict[str, Any], *, color: bool = False) -> str:
    """The text report of a template context (:func:`factcheck.report.context.build_context`)."""
    from factcheck.report.templating import _ANSI, _RESET, _pad, _text_isolate, terminal_text

    def paint(value: Any, style: str) -> str:
        text = terminal_text(value)
        return _ANSI[style] + text + _RESET if color and style in _ANSI else text

    out: list[str] = []
    write = out.append
    for doc in context["documents"]:
        write(paint(doc["id"], "bold"))
        meta = ", ".join(str(v) for v in (doc["publisher"], doc["published"], doc["lang"]) if v)
        if meta:
            write(f" ({_out(meta)})")
        write("\n")
        for c in doc["claims"]:
            ctx = " · ".join(str(v) for v in (c["source"], c["time"]) if v)
            write(
                f"  {_out(_pad(c['value'], 16, True))} {_out(_pad(c['unit'], 12))} {_text_isolate(c['text'])}"
            )
            if ctx:
                write(f"  [{_text_isolate(ctx)}]")
            write("\n")
        write("\n")
    for level in context["levels"]:
        for f in level["findings"]:
            name = level["name"]
            write(f"{paint(str(name).upper(), name)} {_out(f['check'])}: {_out(f['message'])}\n")
            write(f"    {_out(f['explanation'])}\n")
    for f in context["suppressed"]:
        write(
            f"{paint('suppressed', 'none')} {_out(f['check'])}: {_out(f['message'])} ({_out(f['reason'])})\n"
        )
    accepted = context["accepted"]
    if accepted:
        write(f"{_out(accepted)} accepted finding{'s' if accepted != 1 else ''} not shown\n")
    for s in context["stale"]:
        write(f"stale accepted finding {_out(s['fingerprint'])}: {_out(s['why'])}\n")
    cov = context["coverage"]
    found = cov["findings"]
    write(f"{_out(cov['claims'])} claims in {_out(cov['documents'])} document(s); ")
    write(f"{_out(found['error'])} errors, {_out(found['warning'])} warnings, {_out(found['info'])} info\n")
    write(f"{_out(cov['attributed'])} attributed, {_out(cov['with_time'])} with a time, ")
    write(f"{_out(cov['compared'])} compared")
    if cov["consulted"]:
        write(f", {_out(cov['consulted'])} ledger/reference figures consulted")
    write("\n")
    return "".join(out)
