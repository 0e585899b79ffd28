"""``factcheck claims list|export|import``: the ledger's claims to and from CSV / JSONL.

``list`` and ``export`` take the same filters (``--source``, ``--unit``, ``--since``, ``--subject``);
``import FILE...`` checks every file completely before it touches the ledger, then adds or updates
claims by id in one transaction.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.ledger.store import ClaimFilter, Ledger
    from factcheck.model import Claim

HELP = "list, export or import the ledger's claims (CSV / JSONL)"
ACTIONS = ("list", "export", "import")
LIST_FORMATS = ("table", "csv", "jsonl", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=ACTIONS, help="list or export claims, or import claim files")
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="for import: CSV or JSONL files (- is stdin)"
    )
    parser.add_argument(
        "--ledger", metavar="PATH", help="ledger file (default: config 'ledger', else claims/ledger.db)"
    )
    parser.add_argument("--unit", help="only claims in this canonical unit (person, km, USD, percent...)")
    parser.add_argument("--since", metavar="DATE", help="only claims of documents published on or after DATE")
    parser.add_argument("--subject", help="only claims whose subject matches this (fuzzy)")
    parser.add_argument("--format", choices=LIST_FORMATS, help="output or input format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--limit", type=int, metavar="N", help="list at most N claims")


@contextmanager
def _output(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written completely or not at all."""
    if not path or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    from factcheck.errors import InputError

    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=path) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _width(text: str) -> int:
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    if _width(text) > width:
        while text and _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.6g}"


def _amount(claim: Claim) -> str:
    """``~30,000``, ``>22``, ``2,500–3,000``: the claim's value and bound at a glance."""
    marks = {"approx": "~", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}
    if claim.value is not None:
        return marks.get(claim.bound, "") + _num(claim.value)
    return f"{_num(claim.low)}–{_num(claim.high)}"


def write_table(claims: Iterable[Claim], out: IO[str]) -> int:
    """A plain aligned table: document, amount, unit, subject, source, time, claim text."""
    columns = (("doc", 24), ("amount", 14), ("unit", 12), ("subject", 28), ("source", 18), ("time", 12))
    out.write("  ".join(_cut(name, w) for name, w in columns) + "  text\n")
    n = 0
    for claim in claims:
        cells = (claim.doc, _amount(claim), claim.unit, claim.subject, claim.source, claim.time)
        out.write("  ".join(_cut(c, w) for c, (_, w) in zip(cells, columns, strict=True)))
        out.write("  " + " ".join(claim.text.split()) + "\n")
        n += 1
    return n


def _filter(args: argparse.Namespace, ledger: Ledger) -> ClaimFilter:
    from factcheck.ledger.store import ClaimFilter

    keys = ledger.match_subject(args.subject) if args.subject else None
    return ClaimFilter(source=args.source, unit=args.unit, since=args.since, subject_keys=keys)


def _list_or_export(args: argparse.Namespace) -> int:
    from factcheck.errors import UsageError
    from factcheck.ledger.io import format_of, json_line, write_claims
    from factcheck.ledger.store import check_date, default_ledger_path, open_ledger

    if args.files:
        raise UsageError(f"'claims {args.action}' takes no files (did you mean 'claims import'?)")
    if args.since:
        check_date(args.since, "--since")
    to_terminal = not args.output and sys.stdout.isatty()
    if args.format:
        fmt = args.format
    elif args.action == "list":
        fmt = "table" if to_terminal else format_of(args.output, None, default="jsonl")
    else:
        fmt = format_of(args.output, None)
    if args.action == "export" and fmt not in ("csv", "jsonl"):
        raise UsageError("export writes csv or jsonl")
    with open_ledger(default_ledger_path(args.ledger), create=False) as ledger:
        claims = ledger.claims(_filter(args, ledger), limit=args.limit)
        with _output(args.output) as out:
            if fmt == "table":
                write_table(claims, out)
            elif fmt == "json":
                out.write("[\n" + ",\n".join("  " + json_line(c) for c in claims) + "\n]\n")
            else:
                write_claims(claims, out, fmt)
    return 0


def _import(args: argparse.Namespace) -> int:
    from factcheck.errors import InputError, UsageError
    from factcheck.ledger.io import read_claims
    from factcheck.ledger.store import default_ledger_path, open_ledger

    if not args.files:
        raise UsageError("'claims import' needs at least one CSV or JSONL file")
    if args.format not in (None, "csv", "jsonl"):
        raise UsageError("import reads csv or jsonl")
    claims: list[Claim] = []
    origin: dict[str, str] = {}
    for path in args.files:
        for claim in read_claims(path, args.format):
            if claim.id in origin:
                raise InputError(f"claim id '{claim.id}' is also in {origin[claim.id]}", path=path)
            origin[claim.id] = path
            claims.append(claim)
    with open_ledger(default_ledger_path(args.ledger)) as ledger:
        new, updated = ledger.import_claims(claims)
    print(f"{len(claims)} claims imported: {new} new, {updated} updated")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    return _list_or_export(args)
