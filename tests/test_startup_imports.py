"""Start-up: ``factcheck extract`` and ``factcheck check`` import only what their path uses.

Each command runs in a fresh interpreter (in an empty folder: no configuration, ledger or reference
figures); the modules it imported are listed after it ran. A heavy import that creeps back onto a
start-up path (Jinja for the plain report, the SQLite store without a ledger, every command module to
build the parser) fails here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_1d7393a2437e1f4a.txt"

_PROBE = """
import contextlib, io, json, sys
from factcheck.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(json.loads(sys.argv[1]))
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

#: never imported by a plain extract or check
NEVER = (
    "jinja2",
    "markupsafe",
    "pandas",
    "pint",
    "numpy",
    "factcheck.commands.ingest",
    "factcheck.commands.compare",
    "factcheck.commands.claims",
    "factcheck.commands.baseline",
)
#: what ``extract`` does not need: the gate, the ledger, the comparator's checks and solver
NOT_FOR_EXTRACT = (
    "factcheck.commands.check",
    "factcheck.gate",
    "factcheck.checking",
    "factcheck.ledger.store",
    "factcheck.compare.solver",
    "factcheck.compare.relations",
    "factcheck.compare.checks",
    "sqlite3",
)
#: what ``check --no-ledger`` does not need
NOT_FOR_CHECK = ("factcheck.ledger.store", "sqlite3", "factcheck.baseline")


def _imported(args: list[str], cwd: Path) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["code"] in (0, 1), found
    return found["modules"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("startup")
    shutil.copy(SEED, where / "seed.txt")
    _imported(["extract", "seed.txt"], where)  # warms the on-disk cache: the second run is measured
    return where


@pytest.mark.parametrize(
    ("args", "banned"),
    [
        (["extract", "seed.txt"], NEVER + NOT_FOR_EXTRACT),
        (["extract", "seed.txt", "--format", "jsonl"], NEVER + NOT_FOR_EXTRACT),
        (["check", "seed.txt", "--no-ledger"], NEVER + NOT_FOR_CHECK),
        (["check", "seed.txt", "--no-ledger", "--format", "json"], NEVER + NOT_FOR_CHECK),
    ],
    ids=["extract", "extract-jsonl", "check", "check-json"],
)
def test_start_up_path_imports_only_what_it_uses(folder, args, banned):
    modules = set(_imported(args, folder))
    assert "factcheck.extraction" in modules  # the probe really ran the command
    assert sorted(m for m in banned if m in modules) == []


def test_markdown_report_still_loads_jinja(folder):
    assert "jinja2" in _imported(["check", "seed.txt", "--no-ledger", "--format", "md"], folder)
