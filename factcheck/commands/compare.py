"""``factcheck compare``: cross-source drift over the whole ledger, in one process or on a Dask cluster."""

from __future__ import annotations

import argparse
import sys

HELP = "cross-source drift and conflicts over the whole ledger"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ledger",
        default=None,
        help="SQLite file or postgresql:// URL (default: config 'ledger', else claims/ledger.db)",
    )
    parser.add_argument(
        "--parquet",
        metavar="FILE",
        default=None,
        help="compare the claims of a Parquet export ('claims export --format parquet') instead",
    )
    parser.add_argument("--since", default=None, help="only documents published since this date")
    parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    parser.add_argument("-o", "--output", default=None, help="write to this file")
    parser.add_argument("--all", action="store_true", help="also report trends (changes over time)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        default=None,
        help="compare on a local Dask cluster of N processes, by blocking key (needs factcheck[scale])",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="compare on the existing Dask cluster at ADDRESS, e.g. tcp://10.0.0.5:8786",
    )


def _single(args: argparse.Namespace, stream):
    """Every claim in this process (the reference path)."""
    from factcheck.compare import ledger_findings
    from factcheck.progress import Progress

    if args.parquet:
        from factcheck.scale.parquet import read_parquet, row_groups

        row_groups(args.parquet)  # a missing or unreadable file is an input error before any output
        claims = list(read_parquet(args.parquet))
    else:
        from factcheck.ledger.store import Ledger

        with Ledger.open(args.ledger_path, create=False) as ledger:
            progress = Progress(ledger.counts()[1], stream, "loading", "claims")
            claims = list(progress.wrap(ledger.claims(args.where)))
        progress.close()
    progress = Progress(len(claims), stream, "comparing", "claims")
    findings = ledger_findings(claims, include_trends=args.all, progress=progress)
    progress.close(f"{len(claims):,} claims compared, {len(findings):,} findings")
    return findings, len(claims)


def _distributed(args: argparse.Namespace, stream):
    """Partitioned by blocking key on a Dask cluster (see :mod:`factcheck.scale`)."""
    from factcheck.errors import UsageError
    from factcheck.scale import PARTS_PER_WORKER, compare_distributed, ledger_slices, parquet_slices

    if args.workers is not None and args.scheduler:
        raise UsageError("give --workers (a local cluster) or --scheduler (an existing one), not both")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.parquet:
        slices = parquet_slices(args.parquet)
    else:
        slices = ledger_slices(args.ledger_path, args.where, (args.workers or 2) * PARTS_PER_WORKER)
    run = compare_distributed(slices, workers=args.workers, scheduler=args.scheduler, include_trends=args.all)
    if stream is not None:
        print(
            f"{run.claims:,} claims compared on {run.workers} Dask workers in {run.parts} parts, "
            f"{len(run.findings):,} findings",
            file=stream,
        )
    return run.findings, run.claims


def run(args: argparse.Namespace) -> int:
    from factcheck.errors import LedgerError, UsageError
    from factcheck.io import emit, json_text, refuse_overwrite
    from factcheck.ledger.store import ClaimFilter, check_date, default_ledger_path, is_url

    stream = None if args.quiet or not sys.stderr.isatty() else sys.stderr
    if args.since:
        check_date(args.since, "--since")
    if args.parquet:
        if args.since or args.source or args.ledger:
            raise UsageError("--parquet compares the whole file: no --ledger, --since or --source")
        source = args.parquet
    else:
        args.ledger_path = default_ledger_path(args.ledger)
        source = None if is_url(args.ledger_path) else args.ledger_path
        if not args.ledger_path.is_file():
            raise LedgerError("no ledger here; run 'factcheck ingest' first", path=str(args.ledger_path))
        args.where = ClaimFilter(since=args.since, source=args.source)
    if args.output:
        refuse_overwrite(args.output, [source])
    if args.workers is not None or args.scheduler:
        findings, count = _distributed(args, stream)
    else:
        findings, count = _single(args, stream)
    if args.format == "json":
        text = json_text([f.to_dict() for f in findings], indent=2) + "\n"
    elif args.format == "jsonl":
        text = "".join(json_text(f.to_dict()) + "\n" for f in findings)
    else:
        lines = [f"{f.level.upper()} {f.check}: {f.message}\n    {f.explanation}" for f in findings]
        lines.append(f"{count:,} claims compared; {len(findings):,} findings")
        text = "\n".join(lines) + "\n"
    emit(text, args.output, inputs=[source])
    return 0
