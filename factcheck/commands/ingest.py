"""``factcheck ingest FILE|DIR...``: store the claims of published documents in the ledger.

Every document is read first, so an unreadable one stops the run before anything is stored; then the
documents are extracted and written in batches, one transaction each.  An unchanged document (same
content hash and metadata) is skipped without extraction; a changed one has its claims replaced.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.ledger.store import DocumentRecord
    from factcheck.text.documents import Document

HELP = "store the claims of published documents in the ledger (unchanged documents are skipped)"
#: file suffixes taken from a folder
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
BATCH_SIZE = 100


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR", help="documents, folders of documents, or -")
    parser.add_argument(
        "--ledger", metavar="PATH", help="ledger file (default: config 'ledger', else claims/ledger.db)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    parser.add_argument(
        "--batch-size", type=int, default=BATCH_SIZE, metavar="N", help="documents per transaction"
    )


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given, folders replaced by their documents (recursively, sorted, hidden ones skipped)."""
    out: list[str] = []
    for given in paths:
        p = Path(given)
        if given != "-" and p.is_dir():
            found = (
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in DOCUMENT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            out.extend(str(f) for f in sorted(found))
        else:
            out.append(given)
    return list(dict.fromkeys(out))


def _record(doc: Document, project: Path | None = None) -> DocumentRecord:
    from factcheck.io import document_id
    from factcheck.ledger.store import DocumentRecord, content_hash

    meta = doc.meta
    return DocumentRecord(
        id=doc.id,
        path=document_id(doc.path, project),  # canonical: ./a.md and a.md are one unchanged document
        publisher=meta.publisher,
        published=meta.published,
        lang=doc.lang,
        content_hash=content_hash(doc.raw),
        title=meta.title,
        url=meta.url,
    )


def _batches(items: list[Document], size: int) -> Iterator[list[Document]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def run(args: argparse.Namespace) -> int:
    from factcheck.checking import claims_of
    from factcheck.errors import UsageError
    from factcheck.io import read_documents
    from factcheck.ledger.store import IngestResult, default_ledger_path, open_ledger, project_folder

    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    lang = None if args.lang in (None, "auto") else args.lang
    files = expand_paths(args.paths)
    documents = read_documents(files, lang=lang, source=args.source, published=args.published)
    ledger_path = default_ledger_path(args.ledger)
    project = project_folder()
    if isinstance(ledger_path, os.PathLike):  # never a ledger made of one of the documents
        from factcheck.io import refuse_overwrite

        refuse_overwrite(ledger_path, files, what="--ledger")

    from factcheck.progress import Progress

    stream = None if args.quiet or not sys.stderr.isatty() else sys.stderr
    progress = Progress(len(documents), stream, "ingest", "documents")
    total = IngestResult()
    try:
        with open_ledger(ledger_path) as ledger:
            for batch in _batches(documents, args.batch_size):
                total += ledger.ingest([(_record(d, project), lambda d=d: claims_of(d)) for d in batch])
                progress.update(len(batch))
    finally:
        progress.close()
    if not args.quiet:
        print(total.summary())
    return 0
