"""``factcheck extract FILE...``: list the numeric claims of each document."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model import Claim

HELP = "list the numeric claims of each document"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="documents to read ('-' for standard input)")
    parser.add_argument(
        "--format",
        choices=("table", "json", "jsonl", "csv"),
        default=None,
        help="output format (default: table on a terminal, json otherwise)",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="also list number expressions that are not claims (dates, years, ordinals...)",
    )
    parser.add_argument("-o", "--output", default=None, help="write to this file instead of standard output")


def run(args: argparse.Namespace) -> int:
    from factcheck.io import atomic_file, read_documents, refuse_overwrite
    from factcheck.pipeline import document_claims
    from factcheck.report.claims import WRITERS

    if args.output:
        refuse_overwrite(args.output, args.files)
    docs = read_documents(args.files, lang=args.lang, source=args.source, published=args.published)

    def claims() -> Iterator[Claim]:
        """Claims document by document, a long one section by section (one section in memory)."""
        while docs:
            yield from document_claims(docs.pop(0), include_all=args.all)

    fmt = args.format or ("table" if sys.stdout.isatty() and not args.output else "json")
    write = WRITERS[fmt]
    if args.output and args.output != "-":
        with atomic_file(args.output) as fh:
            write(claims(), fh, with_kind=args.all)
    else:
        write(claims(), sys.stdout, with_kind=args.all)
    return 0
