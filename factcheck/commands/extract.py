"""``factcheck extract FILE...``: list the numeric claims of each document."""

from __future__ import annotations

import argparse
import sys

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
    from factcheck.context import contextualise
    from factcheck.extraction import extract_document
    from factcheck.io import emit, read_documents, refuse_overwrite
    from factcheck.report.claims import FORMATS

    if args.output:
        refuse_overwrite(args.output, args.files)
    docs = read_documents(args.files, lang=args.lang, source=args.source, published=args.published)
    claims = []
    for doc in docs:
        claims.extend(contextualise(doc, extract_document(doc, include_all=args.all)))
    fmt = args.format or ("table" if sys.stdout.isatty() and not args.output else "json")
    text = FORMATS[fmt](claims, with_kind=args.all)
    emit(text, args.output, inputs=args.files)
    return 0
