"""Regenerate the seed's committed reports: ``python -m factcheck.report.regenerate [--check]``.

Writes ``reports/seed.html`` and ``reports/seed.md`` from ``seeds/000_1d7393a2437e1f4a.txt`` with the
reference figures under ``claims/`` and no ledger, from the repository root, so the output holds only
relative paths and no timestamps: the same tree always gives the same bytes. ``--check`` writes nothing
and exits 1 when a committed report is stale.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/000_1d7393a2437e1f4a.txt"
OUTPUTS = {"html": "reports/seed.html", "md": "reports/seed.md"}


@contextmanager
def _in(folder: Path):
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def seed_reports(root: Path = ROOT) -> dict[str, str]:
    """The seed's reports as they should be committed: relative path -> text."""
    from factcheck.checking import check_documents
    from factcheck.report import render
    from factcheck.text.documents import read_document

    with _in(root):
        result = check_documents([read_document(SEED)], ledger=None, references=Path("claims"))
        options = {"templates": str(root / "factcheck" / "report" / "templates")}
        return {path: render(result, fmt, options=options) for fmt, path in OUTPUTS.items()}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    stale = []
    for path, text in seed_reports().items():
        target = ROOT / path
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if "--check" not in argv:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="")
    for path in stale:
        print(("stale: " if "--check" in argv else "wrote ") + path)
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main())
