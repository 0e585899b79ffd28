"""``factcheck claims list|export|import``: the ledger's claims to and from CSV / JSONL.

``list`` and ``export`` take the same filters (``--source``, ``--unit``, ``--since``, ``--subject``);
with ``--references [DIR]`` they show the desk reference figures (checked, ``file:line`` errors) instead
of the ledger.  ``import FILE...`` checks every file completely before it touches the ledger, then adds
or updates claims by id in one transaction.
"""

from __future__ import annotations

import argparse
import os
import sys
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


def _options(parser: argparse.ArgumentParser, action: str) -> None:
    """The options of one action; defaults are set on the parent so ``claims --unit x list`` works too."""
    keep = argparse.SUPPRESS
    parser.add_argument(
        "--ledger",
        metavar="PATH",
        default=keep,
        help="ledger file (default: config 'ledger', else claims/ledger.db)",
    )
    if action == "import":
        parser.add_argument("files", nargs="+", metavar="FILE", help="CSV or JSONL claim files (- is stdin)")
        parser.add_argument(
            "--format", choices=("csv", "jsonl"), default=keep, help="input format (default: by suffix)"
        )
        return
    parser.add_argument("--source", default=keep, help="only claims attributed to, or published by, SOURCE")
    parser.add_argument(
        "--unit", default=keep, help="only claims in this canonical unit (person, km, USD...)"
    )
    parser.add_argument(
        "--since", metavar="DATE", default=keep, help="only claims published on or after DATE"
    )
    parser.add_argument("--subject", default=keep, help="only claims whose subject matches this (fuzzy)")
    formats = LIST_FORMATS if action == "list" else ("csv", "jsonl", "parquet")
    parser.add_argument("--format", choices=formats, default=keep, help="output format")
    parser.add_argument(
        "-o", "--output", metavar="FILE", default=keep, help="write to FILE, not standard output"
    )
    parser.add_argument(
        "--references",
        nargs="?",
        const="",
        default=keep,
        metavar="DIR",
        help="the desk reference figures (checked) instead of the ledger: claims/ of the project, or DIR",
    )
    if action == "list":
        parser.add_argument("--limit", type=_limit, metavar="N", default=keep, help="at most N claims")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.set_defaults(
        ledger=None,
        files=[],
        unit=None,
        since=None,
        subject=None,
        format=None,
        output=None,
        limit=None,
        references=None,
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    helps = {
        "list": "list stored claims (a table on a terminal, JSONL otherwise)",
        "export": "export claims to CSV or JSONL (-o FILE; format from its suffix)",
        "import": "import claims from CSV or JSONL files (added or updated by id)",
    }
    for action in ACTIONS:
        _options(sub.add_parser(action, help=helps[action], description=helps[action]), action)


def _limit(text: str) -> int:
    """``--limit N``: a whole number from 0 to 2**63 - 1 (what SQLite can count to)."""
    try:
        n = int(text)
    except ValueError:
        n = -1
    if not 0 <= n < 2**63:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to {2**63 - 1}, not {text!r}")
    return n


@contextmanager
def _output(path: str | None, inputs: Iterable[str | os.PathLike[str] | None] = ()) -> Iterator[IO[str]]:
    """Standard output, or a file written completely or not at all (never over an input)."""
    if not path or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    from factcheck.io import atomic_file, refuse_overwrite

    refuse_overwrite(path, inputs)
    if os.path.isdir(path):
        from factcheck.errors import InputError

        raise InputError("is a folder; name a file to write the claims to", path=path)
    if not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        from factcheck.errors import InputError

        raise InputError("cannot write: its folder does not exist", path=path)
    with atomic_file(path) as handle:
        yield handle


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
    from factcheck.ledger.io import format_of, json_line, write_claims
    from factcheck.ledger.store import check_date, default_ledger_path, open_ledger

    if args.since:
        check_date(args.since, "--since")
    to_terminal = not args.output and sys.stdout.isatty()
    if args.format:
        fmt = args.format
    elif args.action == "list":
        fmt = "table" if to_terminal else format_of(args.output, None, default="jsonl")
    elif args.output and args.output.lower().endswith(".parquet"):
        fmt = "parquet"
    else:
        fmt = format_of(args.output, None)

    ledger_path = default_ledger_path(args.ledger)

    def write(claims: Iterable[Claim]) -> None:
        if fmt == "parquet":  # binary, for `compare --parquet` and dataframes (needs factcheck[scale])
            from factcheck.scale.parquet import write_parquet

            write_parquet(claims, args.output, inputs=[ledger_path])
            return
        with _output(args.output, [ledger_path]) as out:
            if fmt == "table":
                write_table(claims, out)
            elif fmt == "json":
                out.write("[\n" + ",\n".join("  " + json_line(c) for c in claims) + "\n]\n")
            else:
                write_claims(claims, out, fmt)

    if fmt == "parquet" and (not args.output or args.output == "-"):
        from factcheck.errors import UsageError

        raise UsageError("--format parquet writes a file: give -o FILE.parquet")
    if args.references is not None:
        write(_references(args))
        return 0
    with open_ledger(ledger_path, create=False) as ledger:
        write(ledger.claims(_filter(args, ledger), limit=args.limit))
    return 0


def _references(args: argparse.Namespace) -> list[Claim]:
    """The reference figures, checked, with the list filters applied."""
    from itertools import islice

    from factcheck.ledger.migrations import time_bounds
    from factcheck.ledger.reference import load_references
    from factcheck.ledger.store import match_subject_keys, project_folder

    folder = Path(args.references) if args.references else project_folder() / "claims"
    claims = load_references(folder)
    keys = None
    if args.subject:
        keys = set(match_subject_keys(args.subject, {c.subject_key or "": c.subject or "" for c in claims}))
    source = (args.source or "").casefold()

    def keep(c: Claim) -> bool:
        return (
            (not args.unit or c.unit == args.unit)
            and (not source or source in (c.source or "").casefold())
            and (not args.since or (time_bounds(c.time)[1] or "") >= args.since)
            and (keys is None or c.subject_key in keys)
        )

    return list(islice(filter(keep, claims), args.limit))


def _import(args: argparse.Namespace) -> int:
    from factcheck.errors import InputError, UsageError
    from factcheck.ledger.io import read_claims
    from factcheck.ledger.store import default_ledger_path, open_ledger

    if not args.files:
        raise UsageError("'claims import' needs at least one CSV or JSONL file")
    claims: list[Claim] = []
    origin: dict[str, str] = {}
    for path in args.files:
        for claim in read_claims(path, args.format):
            if claim.id in origin:
                raise InputError(f"claim id '{claim.id}' is also in {origin[claim.id]}", path=path)
            origin[claim.id] = path
            claims.append(claim)
    ledger_path = default_ledger_path(args.ledger)
    if isinstance(ledger_path, os.PathLike):
        from factcheck.io import refuse_overwrite

        refuse_overwrite(ledger_path, args.files, what="--ledger")
    with open_ledger(ledger_path) as ledger:
        new, updated = ledger.import_claims(claims)
    print(f"{len(claims)} claims imported: {new} new, {updated} updated")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    return _list_or_export(args)
