"""Where a shared ledger lives: a ``postgresql://user@host[:port]/database`` URL.

The password never comes from the configuration file (it would end up in the repository): libpq reads
it from ``PGPASSWORD`` or ``~/.pgpass`` (``PGPASSFILE``).  A URL given with ``--ledger`` may carry one
(it is then never printed); one in ``[tool.factcheck]`` is a configuration error.

A :class:`LedgerURL` is a ``str`` (the URL with any password masked, which is what messages show) that
also answers the two questions callers ask of a ledger file: ``is_file()`` (is there a ledger there?)
and ``exists()``.  Nothing here imports psycopg.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit, urlunsplit

from factcheck.errors import ConfigError, UsageError

SCHEMES = ("postgresql", "postgres")


def _password(url: str) -> bool:
    parts = urlsplit(url)
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    if ":" in userinfo:
        return True
    return any(key == "password" for key, _ in parse_qsl(parts.query))


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***``."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        if ":" in userinfo:
            netloc = f"{userinfo.split(':', 1)[0]}:***@{host}"
    query = "&".join(
        f"{k}={'***' if k == 'password' else v}" for k, v in parse_qsl(parts.query, keep_blank_values=True)
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def server_module():
    """:mod:`factcheck.ledger.postgres` (psycopg is imported here, and only for a server ledger)."""
    try:
        from factcheck.ledger import postgres
    except ImportError as exc:
        if "psycopg" not in str(exc):
            raise
        raise UsageError(
            "a postgresql:// ledger needs psycopg: pip install 'factcheck[postgresql]'"
        ) from None
    return postgres


class LedgerURL(str):
    """A server ledger's URL: ``str(url)`` masks the password, ``url.conninfo`` is what libpq gets."""

    conninfo: str

    def __new__(cls, conninfo: str) -> LedgerURL:
        self = super().__new__(cls, redact(conninfo))
        self.conninfo = conninfo
        return self

    @classmethod
    def parse(
        cls, text: str, *, origin: str = "--ledger", where: tuple[str, int | None] | None = None
    ) -> LedgerURL:
        """Check ``text`` and make it a :class:`LedgerURL`; ``origin`` is ``--ledger`` or ``config``
        (then ``where`` is the config file and line, and a password is refused)."""

        def bad(message: str) -> Exception:
            if origin == "config" and where is not None:
                return ConfigError(f"'ledger' {message}", path=where[0], line=where[1])
            return UsageError(f"--ledger: {message}")

        parts = urlsplit(text)
        if parts.scheme not in SCHEMES:
            raise bad(f"'{redact(text)}' is not a postgresql:// URL")
        if not parts.path.strip("/") and not parts.hostname:
            raise bad(f"'{redact(text)}' names neither a server nor a database")
        if origin == "config" and _password(text):
            raise bad(
                "must not hold a password (the configuration is shared): set PGPASSWORD or use ~/.pgpass"
            )
        return cls(text)

    # -- what callers ask of a ledger location

    def is_file(self) -> bool:
        """Whether a ledger exists on the server (its schema is there); a server that cannot be reached
        is an error, never "no ledger" (a gate must not pass because the ledger was down)."""
        return server_module().has_ledger(self)

    def exists(self) -> bool:
        return self.is_file()

    @property
    def name(self) -> str:
        return urlsplit(self).path.strip("/") or "postgres"
