"""``factcheck check FILE...``: extract, run the in-article checks, compare with everything known."""

from __future__ import annotations

import argparse
import sys

from factcheck.gate import FAIL_LEVELS

HELP = "check the figures of each document against each other, the ledger and the reference figures"


def _formats() -> list[str]:
    from factcheck.report import RENDERERS

    return list(RENDERERS)


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 0, not {text!r}")
    return n


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="documents to check ('-' for standard input)"
    )
    parser.add_argument("--format", choices=_formats(), default="text", help="output format (default text)")
    parser.add_argument("-o", "--output", default=None, help="write the report to this file")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default=None,
        help="exit 1 when a finding is at or above this level (default error)",
    )
    parser.add_argument(
        "--ledger", default=None, help="SQLite ledger to compare with (default claims/ledger.db)"
    )
    parser.add_argument("--claims-dir", default=None, help="folder of reference figures (default claims/)")
    parser.add_argument("--no-ledger", action="store_true", help="do not consult the ledger")
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        default=None,
        help="accepted-findings file (default: config 'baseline', else claims/accepted.toml)",
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="report accepted findings too (ignore the file)"
    )
    parser.add_argument(
        "--max-warnings",
        metavar="N",
        type=_count,
        default=None,
        help="exit 1 when there are more than N warnings, whatever the fail level",
    )
    parser.add_argument(
        "--diff",
        metavar="BASE",
        default=None,
        help="report only findings on lines changed since the git revision BASE (BASE...HEAD + uncommitted)",
    )


def _check_ledger(ledger: object) -> None:
    """A ledger path that exists but is no regular file (a pipe, a device) is an error, not silently
    "no ledger": the run would otherwise compare with nothing and pass."""
    import os

    if isinstance(ledger, os.PathLike) and os.path.exists(ledger) and not os.path.isfile(ledger):
        from factcheck.errors import LedgerError

        raise LedgerError("is not a regular file, not a ledger", path=os.fspath(ledger))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.checking import check_documents
    from factcheck.config import load_config
    from factcheck.gate import Policy, apply_policy, judge
    from factcheck.io import read_documents, refuse_overwrite
    from factcheck.ledger.paths import default_ledger_path, project_folder
    from factcheck.report import render

    config = load_config()
    policy = Policy.resolve(args.fail_on, args.max_warnings, config)
    baseline = None if args.no_baseline else (Path(args.baseline) if args.baseline else config.baseline_path)
    if args.baseline and not baseline.is_file():
        from factcheck.errors import InputError

        raise InputError("no accepted-findings file here", path=args.baseline)
    ledger = None if args.no_ledger else default_ledger_path(args.ledger)
    _check_ledger(ledger)
    refs = Path(args.claims_dir) if args.claims_dir else project_folder() / "claims"
    inputs = [*args.files, ledger, baseline, config.path]
    if args.output:
        from factcheck.report.output import is_folder_target

        if not is_folder_target(args.output):  # a folder: each report's name is checked when written
            refuse_overwrite(args.output, inputs)
    docs = read_documents(args.files, lang=args.lang, source=args.source, published=args.published)
    result = check_documents(docs, ledger=ledger, references=refs)
    gated = apply_policy(result, baseline=baseline, diff=args.diff)
    options = gated.render_options(policy)
    text = render(result, args.format, color=sys.stdout.isatty() and not args.output, options=options)
    if args.output:
        from factcheck.report.output import write_reports

        write_reports(result, args.format, args.output, text=text, options=options, inputs=inputs)
    else:
        sys.stdout.write(text)
    for note in gated.notes:
        if args.output or note not in text:  # once: the report may say it already
            print(note, file=sys.stderr)
    verdict = judge(result.findings, policy)
    if verdict.too_many_warnings:
        print(f"factcheck: {'; '.join(verdict.reasons(policy))}", file=sys.stderr)
    return verdict.exit_code
