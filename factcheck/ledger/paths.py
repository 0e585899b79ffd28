"""Where the ledger and the project live, without importing the store (SQLite, JSON, the claim model):
``factcheck check --no-ledger`` and ``factcheck extract`` need the project folder, not the database."""

from __future__ import annotations

import os
from pathlib import Path

#: default ledger location, relative to the project folder (where the config file is) or the working folder
DEFAULT_LEDGER = Path("claims") / "ledger.db"


def project_folder(cwd: Path | None = None) -> Path:
    """The folder of the nearest configuration file, else the working folder."""
    from factcheck.config import find_config

    here = Path.cwd() if cwd is None else cwd
    found = find_config(here.resolve())
    return found[0].parent if found else here


def default_ledger_path(flag: str | os.PathLike[str] | None = None, *, cwd: Path | None = None) -> Path:
    """The ledger path: ``--ledger``, else config ``ledger`` (relative to the config file), else
    ``claims/ledger.db`` next to the config file or in the working folder.

    A ``postgresql://`` URL (flag or config) gives a :class:`LedgerURL` instead: a shared ledger on a
    PostgreSQL server (see :mod:`factcheck.ledger.url`); the config file may not hold its password."""
    if flag:
        if is_url(flag):
            from factcheck.ledger.url import LedgerURL

            return LedgerURL.parse(str(flag), origin="--ledger")  # type: ignore[return-value]
        return Path(flag)
    from factcheck.config import load_config

    config = load_config(cwd)
    raw = config.get("ledger")
    if isinstance(raw, str) and is_url(raw):
        from factcheck.config import _key_line
        from factcheck.ledger.url import LedgerURL

        where = (str(config.path), _key_line(config.path, "ledger")) if config.path else None
        return LedgerURL.parse(raw, origin="config", where=where)  # type: ignore[return-value]
    return config.ledger_path


def is_url(location: object) -> bool:
    """Whether a ledger location is a server URL (``postgresql://`` or ``postgres://``), not a file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))
