"""``factcheck check FILE...``: extract, run the in-article checks, compare with everything known."""

from __future__ import annotations

import argparse
import sys

HELP = "check the figures of each document against each other, the ledger and the reference figures"


def _formats() -> list[str]:
    from factcheck.report import RENDERERS

    return list(RENDERERS)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="documents to check ('-' for standard input)"
    )
    parser.add_argument("--format", choices=_formats(), default="text", help="output format (default text)")
    parser.add_argument("-o", "--output", default=None, help="write the report to this file")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default=None,
        help="exit 1 when a finding is at or above this level (default error)",
    )
    parser.add_argument(
        "--ledger", default=None, help="SQLite ledger to compare with (default claims/ledger.db)"
    )
    parser.add_argument("--claims-dir", default=None, help="folder of reference figures (default claims/)")
    parser.add_argument("--no-ledger", action="store_true", help="do not consult the ledger")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.checking import check_documents
    from factcheck.gate import exit_code
    from factcheck.ledger.store import default_ledger_path, project_folder
    from factcheck.report import render
    from factcheck.text.documents import read_document

    docs = [
        read_document(p, lang=args.lang, source=args.source, published=args.published) for p in args.files
    ]
    ledger = None if args.no_ledger else default_ledger_path(args.ledger)
    refs = Path(args.claims_dir) if args.claims_dir else project_folder() / "claims"
    result = check_documents(docs, ledger=ledger, references=refs)
    text = render(result, args.format, color=sys.stdout.isatty() and not args.output)
    if args.output:
        from factcheck.io import write_atomic

        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return exit_code(result.findings, args.fail_on or "error")
