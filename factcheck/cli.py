"""The ``factcheck`` command line: sub-commands live in light modules under ``factcheck.commands``.

Each command module exposes ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``;
modules import heavy libraries (pandas, pint, jinja2) only inside ``run``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from factcheck.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, FactcheckError

#: sub-command name -> module; a module that is not there yet is simply not offered.
COMMANDS: dict[str, str] = {
    "extract": "factcheck.commands.extract",
    "check": "factcheck.commands.check",
    "ingest": "factcheck.commands.ingest",
    "compare": "factcheck.commands.compare",
    "claims": "factcheck.commands.claims",
    "baseline": "factcheck.commands.baseline",
}


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error on one line (``factcheck check: error: ...``) and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command takes (DESIGN.md §2)."""
    parser.add_argument("--lang", choices=("auto", "ar", "en"), default=None, help="document language")
    parser.add_argument("--source", default=None, help="publisher / source name for the documents")
    parser.add_argument("--published", default=None, type=_published, help="publication date (YYYY-MM-DD)")


def _published(text: str) -> str:
    """``--published``: a real calendar date (``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY``)."""
    import datetime as dt
    import re

    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    try:
        if not m:
            raise ValueError
        dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None
    return text.strip()


#: text options that are stored or written as text: they must be valid Unicode (no lone surrogates)
_TEXT_OPTIONS = ("reason", "source", "published", "subject", "unit", "since", "expires")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; when ``argv`` names a command first, only that command's module is imported (the
    others are only needed for ``factcheck --help`` and for a mistyped command)."""
    parser = _Parser(prog="factcheck", description="Numeric-claim fact-checking.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = argv[0] if argv and argv[0] in COMMANDS else None
    for name, module_name in COMMANDS.items():
        if chosen is not None and name != chosen:
            continue
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
    """Run one command; never a traceback: exit 0/1 from the command, 2 for errors the user can fix,
    3 for an internal error (details saved to a file), 130 on Ctrl-C (SIGINT), 143 on SIGTERM."""
    import signal

    def _terminated(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)  # unwinds: temporary files removed, transactions rolled back

    with contextlib.suppress(ValueError, OSError):  # not the main thread
        signal.signal(signal.SIGTERM, _terminated)
    for stream in (sys.stdout, sys.stderr):  # an ASCII-only terminal gets escapes, not a crash
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")
    from factcheck import cache

    cache.preload_regexes()  # before any module compiles its patterns
    try:
        code = _main(argv)
        with contextlib.suppress(Exception):
            cache.save_regexes()
        return code
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2 already
        return exc.code if isinstance(exc.code, int) else 2
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        _check_text_options(args)
        return int(args._run(args) or 0)
    except FactcheckError as exc:
        print(f"factcheck: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except (KeyboardInterrupt, BrokenPipeError, SystemExit):
        raise
    except MemoryError:
        print("factcheck: error: out of memory (the input is too large for this machine)", file=sys.stderr)
        return 2
    except Exception as exc:
        known = _environment_error(exc, args)
        if known is not None:
            print(f"factcheck: error: {_one_line(known)}", file=sys.stderr)
            return 2
        return _internal_error(exc)


def _one_line(text: str) -> str:
    """A message on one line: control characters (a publisher's newline too) shown escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in text)


def _check_text_options(args: argparse.Namespace) -> None:
    from factcheck.errors import UsageError

    for name in _TEXT_OPTIONS:
        value = getattr(args, name, None)
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                flag = "--" + name.replace("_", "-")
                raise UsageError(f"{flag} is not valid UTF-8 text") from None


def _environment_error(exc: BaseException, args: argparse.Namespace | None = None) -> str | None:
    """The one-line message for a failure of the machine rather than of factcheck (full or read-only
    disk, permissions, a damaged ledger file), or ``None``."""
    if isinstance(exc, OSError):
        where = exc.filename if isinstance(exc.filename, str) else None
        package = os.path.dirname(os.path.abspath(__file__))
        if where and os.path.abspath(where).startswith(package + os.sep):
            return None  # factcheck's own data files: a broken installation, an internal error
        why = exc.strerror or str(exc) or type(exc).__name__
        return f"{where}: {why}" if where else why
    if type(exc).__module__ == "sqlite3":
        text = str(exc)
        lower = text.lower()
        where = getattr(args, "ledger", None) or "the ledger"
        if "malformed" in lower or "not a database" in lower or "corrupt" in lower:
            return f"{where}: the ledger file is damaged ({text}); restore it from a copy or re-ingest"
        words = ("readonly", "read-only", "disk", "full", "unable to open", "locked", "i/o")
        if any(w in lower for w in words):
            return f"{where}: the ledger cannot be used: {text}"
    return None


def _crash_folder() -> str:
    from factcheck import cache

    return os.fspath(cache.folder())


def _internal_error(exc: BaseException) -> int:
    """Save the traceback to a file, print one line saying so (the traceback itself with
    ``FACTCHECK_DEBUG=1``) and return :data:`EXIT_INTERNAL`."""
    import datetime as dt
    import tempfile
    import traceback

    details = "".join(traceback.format_exception(exc))
    if os.environ.get("FACTCHECK_DEBUG", "") not in ("", "0"):
        sys.stderr.write(details)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    report = None
    header = f"factcheck {' '.join(sys.argv[1:])!r}\n"
    for folder in (_crash_folder, tempfile.gettempdir):
        try:
            where = os.path.join(folder(), "crashes")
            os.makedirs(where, exist_ok=True)
            path = os.path.join(where, f"crash-{stamp}-{os.getpid()}.txt")
            with open(path, "w", encoding="utf-8", errors="backslashreplace") as fh:
                fh.write(header + details)
            report = path
            break
        except Exception:
            continue
    what = _one_line(f"{type(exc).__name__}: {exc}")[:200]
    saved = f"details in {report}" if report else "the details could not be saved"
    print(
        f"factcheck: internal error ({what}); {saved}; FACTCHECK_DEBUG=1 prints them. "
        "This is a bug in factcheck, not a finding in your documents.",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _quiet_stdout() -> None:
    """After a closed pipe, point standard output at /dev/null so the exit flush stays silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
