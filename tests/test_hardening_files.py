"""Hardening, files and identity: report modes follow the umask, a failed write leaves nothing behind,
a full or read-only disk is a one-line error (and a read-only ledger can still be consulted), one
article is one document however its path is spelled, a renamed article under --diff keeps its old
findings old, and every output format stays valid with a publisher's control characters."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import cli
from factcheck.io import atomic_file, write_atomic

EN = (
    "The UN said about 31,000 people live in the camps.\n\n"
    "The UN said about 45,000 people live in the camps.\n"
)
AR = (
    "قالت الأمم المتحدة إن نحو 31 ألف شخص يعيشون في المخيمات.\n\n"
    "قالت الأمم المتحدة إن نحو 45 ألف شخص يعيشون في المخيمات.\n"
)


def factcheck(*args: str, cwd: Path, umask: int | None = None, timeout: float = 120):
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        preexec_fn=set_umask,
        env={**os.environ, "FACTCHECK_CACHE": str(cwd / ".cache")},
    )


def one_line(err: bytes) -> str:
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0], lines
    return lines[0]


def _can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    r = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"], capture_output=True)
    return r.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="needs unshare and mount (a private namespace)")


def in_namespace(script: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a shell script in a private mount namespace (mounts vanish with it)."""
    env = {**os.environ, "FACTCHECK_CACHE": str(cwd / ".cache"), "PY": sys.executable}
    return subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, cwd=cwd, env=env)


# ---------------------------------------------------------------- modes and leftovers


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_new_report_gets_the_umask_mode(tmp_path, umask):
    (tmp_path / "a.md").write_text(AR, encoding="utf-8")
    for args, name in (
        (["check", "a.md", "--no-ledger", "--format", "json", "-o", "r.json"], "r.json"),
        (["check", "a.md", "--no-ledger", "--format", "html", "-o", "out/"], "out/a.html"),
        (["extract", "a.md", "-o", "claims.json"], "claims.json"),
    ):
        r = factcheck(*args, cwd=tmp_path, umask=umask)
        assert r.returncode in (0, 1), r.stderr
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask, name
    r = factcheck("ingest", "a.md", "--ledger", "l.db", "-q", cwd=tmp_path, umask=umask)
    r = factcheck("claims", "export", "--ledger", "l.db", "-o", "x.csv", cwd=tmp_path, umask=umask)
    assert r.returncode == 0 and stat.S_IMODE((tmp_path / "x.csv").stat().st_mode) == 0o666 & ~umask


def test_replaced_report_keeps_its_mode(tmp_path):
    (tmp_path / "a.md").write_text(EN, encoding="utf-8")
    for mode in (0o644, 0o640, 0o664):
        report = tmp_path / "report.sarif"
        report.write_text("old", encoding="utf-8")
        report.chmod(mode)
        r = factcheck("check", "a.md", "--no-ledger", "--format", "sarif", "-o", "report.sarif", cwd=tmp_path)
        assert r.returncode == 1, r.stderr
        assert stat.S_IMODE(report.stat().st_mode) == mode
        json.loads(report.read_text(encoding="utf-8"))


def test_a_failed_write_leaves_no_temp_file_and_the_old_file_intact(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("the previous report\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "x" * 100_000 + "\ud800")  # fails halfway through the write
    with pytest.raises(RuntimeError), atomic_file(target) as fh:
        fh.write("نحو 30 ألف شخص\n" * 10_000)
        raise RuntimeError("interrupted while writing")
    assert target.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


def test_writing_through_a_link_replaces_the_target_not_the_link(tmp_path):
    (tmp_path / "real.txt").write_text("old", encoding="utf-8")
    os.symlink("real.txt", tmp_path / "link.txt")
    write_atomic(tmp_path / "link.txt", "new")
    assert (tmp_path / "link.txt").is_symlink() and (tmp_path / "real.txt").read_text() == "new"


def test_standard_output_named_as_a_file_is_written_to(tmp_path):
    (tmp_path / "a.md").write_text(EN, encoding="utf-8")
    r = factcheck("check", "a.md", "--no-ledger", "--format", "line", "-o", "/dev/stdout", cwd=tmp_path)
    assert r.returncode == 1 and b"conflict" in r.stdout, r.stderr
    r = factcheck("check", "a.md", "--no-ledger", "-o", "/dev/null", cwd=tmp_path)
    assert r.returncode == 1 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_ascii_only_output_gets_escapes_not_a_crash(tmp_path):
    (tmp_path / "a.md").write_text(AR, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", "a.md", "--format", "table"],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert b"\\u0646" in r.stdout or b"\\u2068" in r.stdout  # escaped, not lost


def test_full_device_is_one_line(tmp_path):
    (tmp_path / "a.md").write_text(EN, encoding="utf-8")
    for args in (
        ["check", "a.md", "--no-ledger", "-o", "/dev/full"],
        ["extract", "a.md", "-o", "/dev/full"],
    ):
        r = factcheck(*args, cwd=tmp_path)
        assert r.returncode == 2, r.stderr
        assert "No space left" in one_line(r.stderr)


@needs_mount
def test_full_disk_is_one_line_and_leaves_nothing(tmp_path):
    (tmp_path / "a.md").write_text(EN * 50 + AR * 50, encoding="utf-8")
    (tmp_path / "small").mkdir()
    script = (
        "mount -t tmpfs -o size=16k tmpfs small && "
        "head -c 12000 /dev/zero > small/filler && "
        '"$PY" -m factcheck check a.md --no-ledger --format html -o small/report.html; echo "rc=$?"; '
        '"$PY" -m factcheck ingest a.md --ledger small/l.db -q; echo "rc=$?"; ls -a small'
    )
    r = in_namespace(script, tmp_path)
    out = r.stdout.decode()
    assert out.count("rc=2") == 2, (out, r.stderr)
    assert "Traceback" not in r.stderr.decode()
    left = set(out.split("rc=2")[-1].split())
    assert left <= {".", "..", "filler", "l.db", "l.db-journal", "l.db-wal", "l.db-shm"}, left


@needs_mount
def test_read_only_ledger_is_consulted_and_writes_are_refused(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "ro").mkdir()
    (tmp_path / "src" / "old.md").write_text(
        "The UN said about 31,000 people live in the camps.\n\n"
        "قالت الأمم المتحدة إن نحو 31 ألف شخص يعيشون في المخيمات.\n",
        encoding="utf-8",
    )
    assert (
        cli.main(["ingest", str(tmp_path / "src" / "old.md"), "--ledger", str(tmp_path / "src" / "l.db")])
        == 0
    )
    (tmp_path / "new.md").write_text("The UN said about 45,000 people live in the camps.\n", encoding="utf-8")
    script = (
        "mount --bind -o ro src ro 2>/dev/null || mount --bind src ro && mount -o remount,bind,ro ro && "
        '"$PY" -m factcheck check new.md --ledger ro/l.db --format line; echo "rc=$?"; '
        '"$PY" -m factcheck claims list --ledger ro/l.db --format jsonl | wc -l; '
        '"$PY" -m factcheck ingest new.md --ledger ro/l.db; echo "rc=$?"; '
        '"$PY" -m factcheck check new.md --ledger ro/l.db -o ro/report.txt; echo "rc=$?"'
    )
    r = in_namespace(script, tmp_path)
    out, err = r.stdout.decode(), r.stderr.decode()
    assert "Traceback" not in err
    lines = out.splitlines()
    assert "conflict" in out and "rc=1" in lines, (out, err)  # the stored figure was compared with
    assert "2" in [ln.strip() for ln in lines]  # both stored claims listed
    assert lines[-2:] == ["rc=2", "rc=2"], (out, err)
    assert len(err.strip().splitlines()) == 2


# ---------------------------------------------------------------- one document, however it is named


def test_one_article_under_many_spellings_is_one_document(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "a.md").write_text(AR + "\n" + EN, encoding="utf-8")
    os.symlink("a.md", tmp_path / "link.md")
    spellings = ["./a.md", "a.md", "d/../a.md", "link.md", str(tmp_path / "a.md")]
    for path in spellings:
        assert cli.main(["ingest", path, "--ledger", "l.db", "-q"]) == 0
    conn = sqlite3.connect("l.db")
    assert conn.execute("SELECT id, path FROM documents").fetchall() == [("a.md", "a.md")]
    n_claims = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    conn.close()
    assert cli.main(["ingest", *spellings, "--ledger", "l2.db", "-q"]) == 0
    conn = sqlite3.connect("l2.db")
    assert conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == n_claims
    conn.close()


def test_checking_an_ingested_article_under_another_spelling_does_not_meet_itself(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(
        "The UN said about 31,000 people live in the camps.\n\n"
        "قالت الأمم المتحدة إن نحو 31 ألف شخص يعيشون في المخيمات.\n",
        encoding="utf-8",
    )
    assert cli.main(["ingest", "a.md", "--ledger", "l.db", "-q"]) == 0
    capsys.readouterr()
    # the article now says 45,000: compared with the stored copy of itself it would conflict
    (tmp_path / "a.md").write_text(
        "The UN said about 45,000 people live in the camps.\n\n"
        "قالت الأمم المتحدة إن نحو 45 ألف شخص يعيشون في المخيمات.\n",
        encoding="utf-8",
    )
    for path in ("./a.md", "a.md", str(tmp_path / "a.md")):
        code = cli.main(["check", path, "--ledger", "l.db", "--format", "json"])
        out, _ = capsys.readouterr()
        assert code == 0, out
        assert json.loads(out)["findings"] == []


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_renamed_article_under_diff_reports_only_what_changed(tmp_path):
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "desk@example.org")
    _git(tmp_path, "config", "user.name", "Desk")
    (tmp_path / "old.md").write_text(EN + "\n" + AR, encoding="utf-8")
    _git(tmp_path, "add", "old.md")
    _git(tmp_path, "commit", "-qm", "draft")
    _git(tmp_path, "checkout", "-qb", "edit")
    _git(tmp_path, "mv", "old.md", "new.md")
    args = ("check", "new.md", "--no-ledger", "--diff", "main", "--format", "line")
    r = factcheck(*args, cwd=tmp_path)
    assert (r.returncode, r.stdout) == (0, b""), r.stderr  # moved, not changed: nothing new
    with (tmp_path / "new.md").open("a", encoding="utf-8") as fh:
        fh.write("\nقالت الأمم المتحدة إن نحو 90 ألف شخص يعيشون في المخيمات.\n")
    _git(tmp_path, "commit", "-qam", "moved and extended")
    r = factcheck(*args, cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stdout.decode().splitlines()
    assert lines and all("90,000" in ln or "٩٠" in ln or "90" in ln for ln in lines), lines
    r = factcheck("check", "new.md", "--no-ledger", "--format", "line", cwd=tmp_path)
    assert len(r.stdout.decode().splitlines()) > len(lines)  # the old findings are still there in full


# ---------------------------------------------------------------- every format valid


def _hostile(tmp_path: Path) -> list[str]:
    name = "b\n::error::pwned\x1b[31m\x01.md"
    (tmp_path / name).write_text(
        '---\ntitle: "line one\\n::error file=x::injected"\nsource: "Wire\\u2028Service"\n---\n'
        + EN
        + "\n"
        + AR,
        encoding="utf-8",
    )
    return [name]


@pytest.mark.parametrize("fmt", ["text", "line", "github", "junit", "sarif", "json", "md", "html"])
def test_formats_stay_valid_with_control_characters(tmp_path, fmt):
    files = _hostile(tmp_path)
    r = factcheck("check", *files, "--no-ledger", "--format", fmt, cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    out = r.stdout.decode()
    if fmt in ("text", "line", "github"):  # what CI prints in its log
        for line in out.splitlines():
            assert not line.startswith("::error::pwned") and not line.startswith("::error file=x")
        assert "\x1b" not in out and "\x01" not in out
    if fmt in ("text", "line"):
        assert "\u2028" not in out
    if fmt == "junit":
        ET.fromstring(r.stdout)
    if fmt in ("json", "sarif"):
        json.loads(out)


# ---------------------------------------------------------------- the ledger round trip


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=12
)  # any Unicode text but lone surrogates (refused at import), controls and NUL included
_number = st.one_of(
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
)


@st.composite
def claims(draw):
    start = draw(st.integers(0, 2**40))
    return {
        "id": f"c{draw(st.integers(0, 10**6))}",
        "doc": draw(st.sampled_from(["a.md", "ملف.md", "x y.txt"])),
        "text": draw(_text.filter(bool)),
        "start": start,
        "end": start + draw(st.integers(0, 1000)),
        "value": draw(_number),
        "low": draw(_number),
        "high": draw(_number),
        "bound": draw(st.sampled_from(["exact", "approx", "more_than", "range", "at_most"])),
        "approx": draw(st.booleans()),
        "precision": draw(_number),
        "unit": draw(st.one_of(st.none(), _text)),
        "subject": draw(st.one_of(st.none(), _text)),
        "source": draw(st.one_of(st.none(), _text)),
        "time": draw(st.one_of(st.none(), st.sampled_from(["2025-11", "2024", "2025-01-02"]))),
        "lang": draw(st.sampled_from(["ar", "en"])),
        "entities": draw(st.lists(_text.filter(bool), max_size=3)),
    }


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(claims(), min_size=1, max_size=6, unique_by=lambda c: c["id"]))
def test_export_is_accepted_by_import_and_round_trips(tmp_path_factory, rows):
    """Whatever a ledger holds, its export imports again and exports the same bytes (CSV and JSONL)."""
    folder = tmp_path_factory.mktemp("rt")
    src = folder / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert cli.main(["claims", "import", "--ledger", str(folder / "a.db"), str(src)]) == 0
    for fmt in ("csv", "jsonl"):
        first = folder / f"first.{fmt}"
        again = folder / f"again.{fmt}"
        assert cli.main(["claims", "export", "--ledger", str(folder / "a.db"), "-o", str(first)]) == 0
        db = folder / f"b-{fmt}.db"
        assert cli.main(["claims", "import", "--ledger", str(db), str(first)]) == 0
        assert cli.main(["claims", "export", "--ledger", str(db), "-o", str(again)]) == 0
        assert first.read_bytes() == again.read_bytes()
