"""Where a report goes: ``-o FILE`` writes one file; ``-o DIR/`` writes one report per input document.

A folder is meant when the argument ends with a path separator or names an existing folder. Each
document's report holds its own claims and the findings that involve them; figures of the other
documents that those findings name are listed as consulted. Files are named after the input
(``article.md`` -> ``article.html``), with ``-2``, ``-3``... when two inputs share a name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

EXTENSIONS = {
    "text": ".txt",
    "md": ".md",
    "html": ".html",
    "json": ".json",
    "sarif": ".sarif",
    "junit": ".xml",
    "github": ".txt",
    "line": ".txt",
}


def is_folder_target(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def per_document(result: Any) -> list[tuple[Any, Any]]:
    """``(document, result for that document alone)`` for every document of ``result``."""
    by_id = {c.id: c for c in [*result.claims, *result.consulted]}
    out = []
    for doc in result.documents:
        own = [c for c in result.claims if c.doc == doc.id]
        ids = {c.id for c in own}

        def mine(f: Any, ids: set[str] = ids) -> bool:
            return bool(ids.intersection(f.claims))

        findings = [f for f in result.findings if mine(f)]
        consulted = {c.id: c for c in result.consulted}
        for f in findings:
            for cid in f.claims:
                if cid not in ids and cid in by_id:
                    consulted.setdefault(cid, by_id[cid])
        out.append(
            (
                doc,
                replace(
                    result,
                    documents=[doc],
                    claims=own,
                    findings=findings,
                    consulted=list(consulted.values()),
                    accepted=[f for f in result.accepted if mine(f)],
                    suppressed=[(f, why) for f, why in result.suppressed if mine(f)],
                ),
            )
        )
    return out


def report_names(docs: list[Any], fmt: str) -> list[str]:
    """A distinct file name per document, from its path."""
    ext = EXTENSIONS.get(fmt, "." + fmt)
    seen: set[str] = set()
    names = []
    for doc in docs:
        stem = "stdin" if doc.path in ("-", "") else Path(doc.path).stem or "document"
        name, n = stem + ext, 1
        while name in seen:
            n += 1
            name = f"{stem}-{n}{ext}"
        seen.add(name)
        names.append(name)
    return names


def write_reports(
    result: Any,
    fmt: str,
    output: str,
    *,
    text: str | None = None,
    options: dict | None = None,
    inputs: Iterable[Any] = (),
) -> list[str]:
    """Write the report(s) for ``-o output``; returns the paths written.

    No report is ever written over one of ``inputs`` (the documents, the ledger, the accepted-findings
    file...) nor over a document of ``result``: ``check a/x.md --format md -o a/`` would name the report
    ``a/x.md``; that stops the run with exit 2 before anything is written."""
    from factcheck.io import refuse_overwrite, write_atomic
    from factcheck.report import render

    inputs = [*inputs, *(d.path for d in result.documents)]
    if not is_folder_target(output):
        refuse_overwrite(output, inputs)
        write_atomic(output, text if text is not None else render(result, fmt, options=options))
        return [output]
    parts = per_document(result)
    paths = [os.path.join(output, name) for name in report_names([d for d, _ in parts], fmt)]
    for path in paths:  # all checked before the first is written
        refuse_overwrite(path, inputs)
    written = []
    for (_doc, part), path in zip(parts, paths, strict=True):
        write_atomic(path, render(part, fmt, options=options))
        written.append(path)
    return written
