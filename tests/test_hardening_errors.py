"""Hardening, errors: bad input of every kind is one line on standard error and exit 2, never a
traceback; an unexpected failure is exit 3 (never 1, the code for findings) with the details saved to a
file; Ctrl-C is 130 and SIGTERM 143."""

from __future__ import annotations

import json
import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.errors import EXIT_INTERNAL, EXIT_INTERRUPTED

EN = (
    "The UN said about 31,000 people live in the camps.\n\n"
    "The UN said about 45,000 people live in the camps.\n"
)
AR = (
    "قالت الأمم المتحدة إن نحو 31 ألف شخص يعيشون في المخيمات.\n\n"
    "قالت الأمم المتحدة إن نحو 45 ألف شخص يعيشون في المخيمات.\n"
)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and 'File "' not in err
    return lines[0]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with an English and an Arabic article and an ingested ledger."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / ".cache"))
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    (tmp_path / "ar.md").write_text(AR, encoding="utf-8")
    assert cli.main(["ingest", "en.md", "ar.md", "--ledger", "good.db", "-q"]) == 0
    return tmp_path


def claim_line(**changes) -> str:
    base = {
        "id": "x#0", "doc": "x", "text": "about 30 people", "start": 0, "end": 15, "value": 30, "low": 30,
        "high": 30, "bound": "approx", "approx": True, "precision": 10, "unit": "person",
        "unit_text": "people", "subject": None, "subject_key": None, "source": None, "source_text": None,
        "cue": None, "time": None, "lang": "en", "entities": [],
    }  # fmt: skip
    base.update(changes)
    return json.dumps(base)


def _setup_bad_files(root: Path) -> None:
    (root / "big.jsonl").write_text(claim_line(value=10**400) + "\n", encoding="utf-8")
    (root / "huge.jsonl").write_text(
        claim_line(value=0).replace('"value": 0', '"value": ' + "9" * 5000) + "\n", encoding="utf-8"
    )
    (root / "surrogate.jsonl").write_text(claim_line(text="\ud800 people") + "\n", encoding="utf-8")
    (root / "offset.jsonl").write_text(claim_line(start=2**64, end=2**65) + "\n", encoding="utf-8")
    (root / "deep.jsonl").write_text("[" * 100_000 + "\n", encoding="utf-8")
    (root / "big.csv").write_text(
        f"id,doc,text,start,end,value,approx,bound,lang\na,b,c,0,1,{'9' * 400},true,exact,en\n",
        encoding="utf-8",
    )
    (root / "nan.csv").write_text(
        "id,doc,text,start,end,value,approx,bound,lang\na,b,c,0,1,nan,true,exact,en\n", encoding="utf-8"
    )
    (root / "wrongtype.md").write_text("---\ntitle: [1, 2]\n---\n" + EN, encoding="utf-8")
    (root / "notdate.md").write_text("---\npublished: 2024-13-45\n---\n" + AR, encoding="utf-8")
    (root / "notes.txt").write_bytes(b"\xff\xfe binary \x00 stuff")
    (root / "corrupt.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    (root / "text.db").write_text("not a database at all\n", encoding="utf-8")
    (root / "folder").mkdir()
    (root / "empty.md").write_text("", encoding="utf-8")
    (root / "deep.toml").write_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    shutil.copy(root / "good.db", root / "damaged.db")
    conn = sqlite3.connect(root / "damaged.db")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray((root / "damaged.db").read_bytes())
    for offset in range(4096 * 2, len(data), 4096):  # every page after the schema page overwritten
        data[offset : offset + 200] = b"\xa5" * 200
    (root / "damaged.db").write_bytes(bytes(data))


BAD_COMMANDS = [
    (["check", "en.md", "--published", "garbage"], "not a date"),
    (["check", "ar.md", "--published", "2024-02-30"], "not a date"),
    (["extract", "en.md", "--published", "yesterday"], "not a date"),
    (["claims", "list", "--ledger", "good.db", "--limit", str(2**64)], "whole number"),
    (["claims", "list", "--ledger", "good.db", "--limit", "-1"], "whole number"),
    (["claims", "export", "--ledger", "good.db", "-o", "folder"], "folder"),
    (["claims", "export", "--ledger", "good.db", "-o", "folder/"], "folder"),
    (["claims", "import", "--ledger", "new.db", "big.jsonl"], "big.jsonl:1"),
    (["claims", "import", "--ledger", "new.db", "huge.jsonl"], "huge.jsonl:1"),
    (["claims", "import", "--ledger", "new.db", "surrogate.jsonl"], "surrogate"),
    (["claims", "import", "--ledger", "new.db", "offset.jsonl"], "offset.jsonl:1"),
    (["claims", "import", "--ledger", "new.db", "deep.jsonl"], "deep.jsonl:1"),
    (["claims", "import", "--ledger", "new.db", "big.csv"], "big.csv:2"),
    (["claims", "import", "--ledger", "new.db", "nan.csv"], "nan.csv:2"),
    (["claims", "import", "--ledger", "new.db", "folder"], "folder"),
    (["check", "en.md", "--ledger", "corrupt.db"], "corrupt.db"),
    (["check", "en.md", "--ledger", "text.db"], "text.db"),
    (["check", "en.md", "--ledger", "damaged.db"], "damaged"),
    (["check", "ar.md", "--ledger", "damaged.db", "--format", "json"], "damaged"),
    (["claims", "list", "--ledger", "damaged.db"], "damaged"),
    (["compare", "--ledger", "damaged.db"], "damaged"),
    (["ingest", "en.md", "--ledger", "damaged.db"], "damaged"),
    (["ingest", "en.md", "--ledger", "folder"], "folder"),
    (["check", "wrongtype.md"], "wrongtype.md:2"),
    (["check", "notdate.md"], "notdate.md"),
    (["check", "notes.txt"], "notes.txt"),
    (["check", "missing.md"], "missing.md"),
    (["check", "folder"], "folder"),
    (["check", "en.md", "--baseline", "missing.toml"], "missing.toml"),
    (["baseline", "--reason", " ", "en.md"], "--reason"),
    (["baseline", "--reason", "ok", "--expires", "2026-02-30", "en.md"], "--expires"),
    (["claims", "list", "--ledger", "good.db", "--since", "last week"], "--since"),
    (["check", "en.md", "--format", "yaml"], "--format"),
    (["frobnicate"], "frobnicate"),
    (["check", "en.md", "--ledger", "/dev/zero"], "/dev/zero"),
    (["ingest", "empty.md", "--ledger", "empty.md"], "would overwrite the input"),
    (["claims", "import", "--ledger", "big.jsonl", "big.jsonl"], "big.jsonl"),
    (["check", "en.md", "--no-ledger", "--baseline", "deep.toml"], "deep.toml"),
]


@pytest.mark.parametrize(("args", "named"), BAD_COMMANDS, ids=[" ".join(a)[:60] for a, _ in BAD_COMMANDS])
def test_bad_input_is_one_line_and_exit_2(project, capsys, args, named):
    _setup_bad_files(project)
    code, _, err = run(capsys, *args)
    assert code == 2, err
    line = one_line(err)
    assert named in line, line
    assert "internal error" not in line


@pytest.mark.parametrize(
    ("config", "named"),
    [
        ("tool = 5\n", "pyproject.toml:1"),
        ("[tool]\nfactcheck = 3\n", "pyproject.toml:2"),
        ('[tool.factcheck]\nfail_onn = "warning"\n', "pyproject.toml:2: 'fail_onn'"),
        ('[tool.factcheck]\nfail_on = "warning"\nmax_warnigns = 3\n', "pyproject.toml:3: 'max_warnigns'"),
        ('[tool.factcheck]\nfail_on = "sometimes"\n', "pyproject.toml:2"),
        ("[tool.factcheck\n", "pyproject.toml:1"),
    ],
)
def test_bad_configuration_is_file_line(project, capsys, config, named):
    (project / "pyproject.toml").write_text(config, encoding="utf-8")
    for args in (["check", "en.md"], ["claims", "list"], ["baseline", "--reason", "r", "ar.md"]):
        code, _, err = run(capsys, *args)
        assert code == 2, err
        assert named in one_line(err)


def test_unknown_key_names_the_near_miss(project, capsys):
    (project / "factcheck.toml").write_text('fail_onn = "warning"\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "en.md")
    assert code == 2 and "did you mean 'fail_on'" in one_line(err)


def test_a_ledger_holding_huge_or_infinite_numbers_does_not_break_check(project, capsys):
    """Numbers beyond a float stored by another tool: check still compares, exits 0 or 1, and its JSON
    holds no bare Infinity or NaN."""
    conn = sqlite3.connect(project / "good.db")
    conn.execute("UPDATE claims SET value = 9e999, low = 9e999, high = 9e999 WHERE text LIKE '%31%'")
    conn.execute("UPDATE claims SET value = -9e999, low = -9e999, high = 1e308 WHERE text LIKE '%45%'")
    conn.commit()
    conn.close()
    (project / "new.md").write_text(EN.replace("45,000", "40,000"), encoding="utf-8")
    for fmt in ("json", "sarif", "text", "junit", "html"):
        code, out, err = run(capsys, "check", "new.md", "--ledger", "good.db", "--format", fmt)
        assert code in (0, 1), err
        assert "Traceback" not in err
        if fmt in ("json", "sarif"):
            json.loads(out, parse_constant=lambda name: pytest.fail(f"bare {name} in JSON"))
    code, out, err = run(capsys, "claims", "export", "--ledger", "good.db", "--format", "jsonl")
    assert code == 0 and "Infinity" not in out
    for line in out.splitlines():
        json.loads(line, parse_constant=lambda name: pytest.fail(f"bare {name} in JSON"))
    (project / "out.jsonl").write_text(out, encoding="utf-8")
    code, _, err = run(capsys, "claims", "import", "--ledger", "again.db", "out.jsonl")
    assert code == 0, err  # what the ledger exports, its import takes back


def test_numbers_too_large_for_a_float_meet_without_overflow():
    """The comparator never raises on a 400-digit integer, 1e308 or infinity, in either language."""
    import factcheck
    from factcheck.compare.agree import compare, judge
    from factcheck.compare.rules import default

    rules = default()
    for text in (EN, AR):
        a, b = factcheck.extract(text)[:2]
        for va, vb in [(10**400, 31_000), (1e308, 1e308), (-(10**400), 10**400), (math.inf, 5)]:
            ca = replace(a, value=va, low=va, high=va)
            cb = replace(b, value=vb, low=vb, high=vb)
            for factor in (1.0, 1000.0):
                j = judge(ca, cb, rules, factor)
                assert j.verdict in ("consistent", "drift", "conflict", "trend")
                for number in (j.difference, j.relative, j.tolerance):
                    assert number is None or math.isfinite(number)
                assert "nan" not in compare(ca, cb, rules, factor).explanation


def test_reference_figure_beyond_a_float_is_refused(project, capsys):
    (project / "claims").mkdir()
    (project / "claims" / "reference.csv").write_text(
        "subject,value,low,high,bound,unit,source,time,url,note\n"
        f'people in the camps,"{"9" * 400}",,,approx,person,UN,2025-11,,desk\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "check", "en.md", "--no-ledger")
    assert code == 2 and "reference.csv:2" in one_line(err)


def test_file_name_that_is_not_utf8_is_refused(project, capsys):
    name = os.fsdecode(b"bad\xff.md")
    Path(name).write_text(EN, encoding="utf-8")
    for args in (["check", name, "--format", "json"], ["ingest", ".", "--ledger", "x.db"], ["extract", name]):
        code, _, err = run(capsys, *args)
        assert code == 2, err
        assert "bad\\xff.md: the file name is not valid UTF-8" in one_line(err)


def test_deeply_nested_configuration_is_a_config_error(project, capsys):
    (project / "factcheck.toml").write_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "ar.md")
    assert code == 2 and "factcheck.toml: cannot read configuration" in one_line(err)


def test_invalid_utf8_in_an_option_is_a_usage_error(project, capsys):
    reason = b"checked \xff".decode("utf-8", "surrogateescape")  # what Python makes of such argv bytes
    code, _, err = run(capsys, "baseline", "--reason", reason, "en.md", "--no-ledger")
    assert code == 2 and "--reason is not valid UTF-8" in one_line(err)
    assert not (project / "claims" / "accepted.toml").exists()


# ---------------------------------------------------------------- internal errors


def test_internal_error_is_exit_3_one_line_and_details_saved(project, capsys, monkeypatch):
    """A bug (here a fault injected into the comparison) is exit 3 — never 1, which CI reads as a
    finding — with one line saying where the traceback went; FACTCHECK_DEBUG=1 prints it."""
    import factcheck.checking

    def broken(*args, **kwargs):
        raise RuntimeError("injected fault\nsecond line")

    monkeypatch.setattr(factcheck.checking, "check_documents", broken)
    code, _, err = run(capsys, "check", "en.md", "--no-ledger")
    assert code == EXIT_INTERNAL == 3
    line = one_line(err)
    assert line.startswith("factcheck: internal error (RuntimeError: injected fault\\nsecond line)")
    saved = Path(line.split("details in ")[1].split(";")[0])
    assert saved.is_file() and saved.parent.parent == project / ".cache"
    assert "Traceback" in saved.read_text(encoding="utf-8") and "broken" in saved.read_text(encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    code, _, err = run(capsys, "check", "en.md", "--no-ledger")
    assert code == 3 and "Traceback" in err and "RuntimeError: injected fault" in err


def test_internal_error_details_fall_back_to_the_temp_folder(project, capsys, monkeypatch):
    import factcheck.checking

    (project / "blocked").write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE", str(project / "blocked"))
    monkeypatch.setattr(factcheck.checking, "check_documents", lambda *a, **k: 1 / 0)
    code, _, err = run(capsys, "check", "ar.md", "--no-ledger")
    assert code == 3
    saved = Path(one_line(err).split("details in ")[1].split(";")[0])
    assert saved.is_file() and "ZeroDivisionError" in saved.read_text(encoding="utf-8")
    saved.unlink()


def _wait_for(proc: subprocess.Popen, seconds: float = 30) -> None:
    """Wait until the process has started Python and imported factcheck (it blocks on stdin then)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = Path(f"/proc/{proc.pid}/wchan")
        if status.exists() and proc.poll() is None:
            stack = status.read_text()
            if "pipe" in stack or "wait" in stack:
                time.sleep(1.0)
                return
        time.sleep(0.1)


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, EXIT_INTERRUPTED), (signal.SIGTERM, 143)])
def test_interrupt_exits_130_and_sigterm_143(tmp_path, sig, code):
    """`check -` waiting on standard input, interrupted: the documented code, one line, no traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "check", "-", "--no-ledger"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "FACTCHECK_CACHE": str(tmp_path / ".cache")},
        # as from a terminal: a test run started in the background inherits SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    proc.stdin.write("قالت الأمم المتحدة إن نحو 31 ألف شخص".encode())
    proc.stdin.flush()
    _wait_for(proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert b"Traceback" not in err
    if sig == signal.SIGINT:
        assert err.decode().strip() == "factcheck: interrupted"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "pipe.md"],
        ["extract", "pipe.md"],
        ["ingest", "pipe.md", "--ledger", "l.db"],
        ["claims", "import", "pipe.md", "--ledger", "l.db"],
        ["baseline", "--reason", "r", "pipe.md"],
        ["check", "en.md", "--no-ledger", "--baseline", "pipe.toml"],
        ["check", "/dev/zero"],
    ],
)
def test_named_pipe_or_device_is_refused_not_waited_on(tmp_path, args):
    os.mkfifo(tmp_path / "pipe.md")
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,  # a hang would fail here
    )
    assert r.returncode == 2, r.stderr
    line = one_line(r.stderr.decode())
    assert "pipe" in line or "device" in line or "regular file" in line
