"""One error family: every user-facing failure is one line and an exit code."""

from __future__ import annotations

#: exit codes (README "Exit codes"): 0 clean, 1 findings at the fail level, 2 an error the user can fix
EXIT_ERROR = 2
#: an unexpected failure inside factcheck (a bug): never 1, so CI never reads a crash as a finding
EXIT_INTERNAL = 3
#: interrupted with Ctrl-C (SIGINT), as shells report it
EXIT_INTERRUPTED = 130


class FactcheckError(Exception):
    """A failure the user can act on; ``str()`` is the one line printed on stderr."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path or ""
        if path and line is not None:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class InputError(FactcheckError):
    """A document cannot be read (missing, binary, wrong encoding, too large, a folder)."""


class ConfigError(FactcheckError):
    """Configuration, lexicon, rules or accepted-findings file is malformed."""


class LedgerError(FactcheckError):
    """The ledger cannot be opened, is too new, or a stored file is malformed."""


class UsageError(FactcheckError):
    """The command line asks for something impossible."""
