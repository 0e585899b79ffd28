"""``factcheck baseline --reason "..." FILE...``: accept the current findings of FILE... in the
accepted-findings file (default ``claims/accepted.toml``), merged with the entries already there."""

from __future__ import annotations

import argparse
import sys

HELP = "accept the current findings of the documents (writes the accepted-findings file, with a reason)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="documents whose findings to accept")
    parser.add_argument("--reason", required=True, help="why these findings are accepted (required)")
    parser.add_argument("--expires", default=None, metavar="DATE", help="stop accepting them after DATE")
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        default=None,
        help="accepted-findings file to write (default: config 'baseline', else claims/accepted.toml)",
    )
    parser.add_argument(
        "--ledger", default=None, help="SQLite ledger to compare with (default claims/ledger.db)"
    )
    parser.add_argument("--claims-dir", default=None, help="folder of reference figures (default claims/)")
    parser.add_argument("--no-ledger", action="store_true", help="do not consult the ledger")


def run(args: argparse.Namespace) -> int:
    import datetime as dt
    from pathlib import Path

    from factcheck import baseline as bl
    from factcheck.checking import check_documents
    from factcheck.config import load_config
    from factcheck.errors import UsageError
    from factcheck.io import read_documents, refuse_overwrite
    from factcheck.ledger.paths import default_ledger_path, project_folder
    from factcheck.suppress import apply_inline

    if not args.reason.strip():
        raise UsageError("--reason must say why the findings are accepted")
    expires = None
    if args.expires:
        try:
            expires = dt.date.fromisoformat(args.expires)
        except ValueError:
            raise UsageError(f"--expires: '{args.expires}' is not a date (YYYY-MM-DD)") from None
    config = load_config()
    target = Path(args.baseline) if args.baseline else config.baseline_path
    ledger = None if args.no_ledger else default_ledger_path(args.ledger)
    from factcheck.commands.check import _check_ledger

    _check_ledger(ledger)
    refuse_overwrite(target, [*args.files, ledger])
    bl.load(target)  # a malformed file stops here, before any work
    docs = read_documents(args.files, lang=args.lang, source=args.source, published=args.published)
    refs = Path(args.claims_dir) if args.claims_dir else project_folder() / "claims"
    result = check_documents(docs, ledger=ledger, references=refs)
    apply_inline(result)
    claims = [*result.claims, *result.consulted]
    new = bl.entries_for(
        result.findings,
        {c.id: c.text for c in claims},
        {c.id: c.doc for c in claims if c.origin != "reference"},
        reason=args.reason,
        who=bl.who_am_i(),
        when=dt.date.today(),
        expires=expires,
    )
    merged, added, already = bl.update(target, new)  # locked: concurrent runs keep every entry
    plural = "" if added == 1 else "s"
    print(
        f"{target}: {added} finding{plural} accepted, {already} already accepted; {len(merged)} in the file",
        file=sys.stderr,
    )
    return 0
