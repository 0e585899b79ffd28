"""``factcheck compare``: cross-source drift over the whole ledger."""

from __future__ import annotations

import argparse
import sys

HELP = "cross-source drift and conflicts over the whole ledger"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ledger", default=None, help="SQLite ledger (default claims/ledger.db)")
    parser.add_argument("--since", default=None, help="only documents published since this date")
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    parser.add_argument("-o", "--output", default=None, help="write to this file")
    parser.add_argument("--all", action="store_true", help="also report trends (changes over time)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    import json

    from factcheck.compare import ledger_findings
    from factcheck.errors import LedgerError
    from factcheck.ledger.store import ClaimFilter, Ledger, default_ledger_path
    from factcheck.progress import Progress

    path = default_ledger_path(args.ledger)
    if not path.is_file():
        raise LedgerError("no ledger here; run 'factcheck ingest' first", path=str(path))
    stream = None if args.quiet or not sys.stderr.isatty() else sys.stderr
    with Ledger.open(path, create=False) as ledger:
        where = ClaimFilter(since=args.since, source=args.source)
        progress = Progress(ledger.counts()[1], stream, "loading", "claims")
        claims = list(progress.wrap(ledger.claims(where)))
    progress.close()
    progress = Progress(len(claims), stream, "comparing", "claims")
    findings = ledger_findings(claims, include_trends=args.all, progress=progress)
    progress.close(f"{len(claims):,} claims compared, {len(findings):,} findings")
    if args.format == "json":
        text = json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"
    elif args.format == "jsonl":
        text = "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in findings)
    else:
        lines = [f"{f.level.upper()} {f.check}: {f.message}\n    {f.explanation}" for f in findings]
        lines.append(f"{len(claims):,} claims compared; {len(findings):,} findings")
        text = "\n".join(lines) + "\n"
    from factcheck.io import emit

    emit(text, args.output)
    return 0
