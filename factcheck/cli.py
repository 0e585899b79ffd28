"""The ``factcheck`` command line: sub-commands live in light modules under ``factcheck.commands``.

Each command module exposes ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``;
modules import heavy libraries (pandas, pint, jinja2) only inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from factcheck.errors import FactcheckError

#: sub-command name -> module; a module that is not there yet is simply not offered.
COMMANDS: dict[str, str] = {
    "extract": "factcheck.commands.extract",
    "check": "factcheck.commands.check",
    "ingest": "factcheck.commands.ingest",
    "compare": "factcheck.commands.compare",
    "claims": "factcheck.commands.claims",
    "baseline": "factcheck.commands.baseline",
}


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command takes (DESIGN.md §2)."""
    parser.add_argument("--lang", choices=("auto", "ar", "en"), default=None, help="document language")
    parser.add_argument("--source", default=None, help="publisher / source name for the documents")
    parser.add_argument("--published", default=None, help="publication date (YYYY-MM-DD)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description="Numeric-claim fact-checking.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        add_common_arguments(command)
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2 already
        return int(exc.code or 0)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args._run(args) or 0)
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
