"""Both ledger backends for one test suite: a SQLite file, and a database on a real PostgreSQL server.

Import the fixtures into a test module (``from ledger_backends import backend_fixture,
ledgers_fixture``) and ask for ``ledgers``: ``ledgers.new()`` is a fresh, empty ledger location (a
path, or a ``postgresql://`` URL of a database created for the test and dropped after it),
``ledgers.copy(location)`` a copy of one.

The server is ``$FACTCHECK_TEST_PG`` (``.ci/run`` starts one: ``eval "$(.ci/postgres start)"``).
Without it the PostgreSQL cases skip, except in CI (``CI=true``), where they fail: CI must never pass
without having run them.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

BACKENDS = ("sqlite", "postgresql")
PG_ENV = "FACTCHECK_TEST_PG"


def server_url() -> str:
    """The test server's URL; skips (locally) or fails (in CI) when there is none."""
    url = os.environ.get(PG_ENV)
    if url:
        return url
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"${PG_ENV} is not set: in CI the PostgreSQL ledger tests must run (.ci/run starts one)")
    pytest.skip(f'no PostgreSQL server: set ${PG_ENV} (eval "$(.ci/postgres start)")')


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _admin(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


class Ledgers:
    """Fresh ledger locations of one backend; PostgreSQL databases are dropped by :meth:`cleanup`."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.folder = folder
        self.server = server_url() if backend == "postgresql" else None
        self.created: list[str] = []

    @property
    def is_pg(self) -> bool:
        return self.backend == "postgresql"

    def new(self, name: str = "ledger.db") -> str | Path:
        if not self.is_pg:
            return self.folder / name
        return self._database("")

    def copy(self, location: str | Path, name: str = "copy.db") -> str | Path:
        """A copy of the ledger at ``location`` (no connection may be open on it)."""
        if not self.is_pg:
            target = self.folder / name
            shutil.copy(location, target)
            return target
        source = urlsplit(str(location)).path.strip("/")
        return self._database(f' TEMPLATE "{source}"')

    def _database(self, template: str) -> str:
        assert self.server is not None
        name = f"fc_{uuid.uuid4().hex[:16]}"
        with _admin(self.server) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{template}')
        self.created.append(name)
        return with_database(self.server, name)

    def cleanup(self) -> None:
        if not self.created or self.server is None:
            return
        with _admin(self.server) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.clear()


@pytest.fixture(name="backend", params=BACKENDS)
def backend_fixture(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(name="ledgers")
def ledgers_fixture(backend: str, tmp_path: Path):
    made = Ledgers(backend, tmp_path)
    yield made
    made.cleanup()


@pytest.fixture(name="module_ledgers", scope="module", params=BACKENDS)
def module_ledgers_fixture(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """:class:`Ledgers` shared by a module's tests (for ledgers built once and copied per test)."""
    made = Ledgers(request.param, tmp_path_factory.mktemp(request.param))
    yield made
    made.cleanup()
