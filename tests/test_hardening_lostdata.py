"""Hardening, lost data: one locked read-merge-write of the accepted-findings file (several real
processes at once keep every entry), the desk's comments kept, and no report ever written over one of
the run's inputs."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import run_cli

from factcheck import baseline as bl

# one conflict per article: two figures for one count by one source that cannot both hold
ARTICLES = {
    "en1.md": "The UN said about 31,000 people live in the camps.\n\n"
    "The UN said about 45,000 people live in the camps.\n",
    "en2.md": "The Red Cross said about 12,000 families fled the city.\n\n"
    "The Red Cross said about 20,000 families fled the city.\n",
    "ar1.md": "قالت الأمم المتحدة إن نحو 31 ألف شخص يعيشون في المخيمات.\n\n"
    "قالت الأمم المتحدة إن نحو 45 ألف شخص يعيشون في المخيمات.\n",
    "ar2.md": "أعلنت وزارة الصحة أن 120 شخصاً قتلوا في القصف.\n\n"
    "أعلنت وزارة الصحة أن 300 شخص قتلوا في القصف.\n",
}
DESK_COMMENT = "# Desk: entries below were reviewed on Monday; ask Samira before removing any.\n"


def _project(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    return tmp_path


def _findings(tmp_path: Path, name: str) -> int:
    r = run_cli("check", name, "--no-ledger", "--no-baseline", "--format", "json", cwd=tmp_path)
    return len(json.loads(r.stdout)["findings"])


def test_concurrent_baseline_runs_keep_every_entry(tmp_path):
    """Four real `factcheck baseline` processes on four articles at once: all four entries stay, and
    the comment the desk wrote in the file survives every rewrite."""
    project = _project(tmp_path)
    accepted = project / "claims" / "accepted.toml"
    accepted.write_text(DESK_COMMENT, encoding="utf-8")
    expected = {name: _findings(project, name) for name in ARTICLES}
    assert all(n >= 1 for n in expected.values()), expected  # each article has something to accept
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "factcheck",
                "baseline",
                "--no-ledger",
                "--reason",
                f"checked {name}",
                name,
            ],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name in ARTICLES
    ]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err.decode()
        assert b"Traceback" not in err
    text = accepted.read_text(encoding="utf-8")
    assert text.startswith(DESK_COMMENT)
    entries = bl.parse(text)
    assert len(entries) == sum(expected.values())
    assert {e.reason for e in entries} == {f"checked {name}" for name in ARTICLES}
    # and `check` now hides all of them (one article at a time: together they also meet each other)
    for name in ARTICLES:
        r = run_cli("check", name, "--no-ledger", "--format", "line", cwd=project)
        assert r.returncode == 0, r.stdout.decode() + r.stderr.decode()


def _add_entries(path: str, worker: int, count: int) -> None:
    for i in range(count):
        entry = bl.Entry(
            fingerprint=f"{worker:04x}{i:04x}aa",
            check="cross_source",
            reason=f"worker {worker} entry {i} — مراجعة",
            claims=("about 31,000 people", "نحو 31 ألف شخص"),
            when=dt.date(2026, 1, 2),
        )
        bl.update(path, [entry])


def test_locked_update_many_processes(tmp_path):
    """Eight processes each adding entries one at a time, as fast as they can: none is lost."""
    path = tmp_path / "accepted.toml"
    path.write_text(
        DESK_COMMENT + "\n[[accepted]]  # kept by hand\n"
        'fingerprint = "abcdef01"\ncheck = "drift"\nreason = "desk"\n',
        encoding="utf-8",
    )
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_add_entries, args=(str(path), w, 6)) for w in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    text = path.read_text(encoding="utf-8")
    entries = bl.parse(text)
    assert len(entries) == 1 + 8 * 6
    assert len({e.fingerprint for e in entries}) == len(entries)
    assert text.startswith(DESK_COMMENT) and "# kept by hand" in text
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temp file left


def test_baseline_keeps_comments_and_layout(tmp_path):
    project = _project(tmp_path)
    accepted = project / "claims" / "accepted.toml"
    r = run_cli("baseline", "--no-ledger", "--reason", "confirmed with UNHCR", "en1.md", cwd=project)
    assert r.returncode == 0, r.stderr
    # the desk annotates the file by hand
    original = accepted.read_text(encoding="utf-8")
    edited = (
        DESK_COMMENT
        + original.replace(
            'reason = "confirmed with UNHCR"', 'reason = "confirmed with UNHCR"  # Samira, by phone'
        )
        + "\n# end of reviewed block\n"
    )
    accepted.write_text(edited, encoding="utf-8")
    r = run_cli("baseline", "--no-ledger", "--reason", "أكدته المفوضية", "ar1.md", cwd=project)
    assert r.returncode == 0, r.stderr
    after = accepted.read_text(encoding="utf-8")
    assert after.startswith(edited)  # every byte the desk wrote is still there, new tables appended
    entries = bl.parse(after)
    assert {e.reason for e in entries} == {"confirmed with UNHCR", "أكدته المفوضية"}
    # nothing new: the file is not rewritten at all
    stamp = accepted.stat().st_mtime_ns
    r = run_cli("baseline", "--no-ledger", "--reason", "again", "ar1.md", cwd=project)
    assert r.returncode == 0 and accepted.stat().st_mtime_ns == stamp


@pytest.mark.parametrize("reason", ["ok\x7f", "bell\x07 and escape\x1b[31m", "two\nlines", 'quote " and \\'])
def test_reason_with_control_characters_reads_back(tmp_path, reason):
    project = _project(tmp_path)
    r = run_cli("baseline", "--no-ledger", "--reason", reason, "en2.md", cwd=project)
    assert r.returncode == 0, r.stderr
    text = (project / "claims" / "accepted.toml").read_text(encoding="utf-8")
    tomllib.loads(text)  # valid TOML: DEL and other controls are escaped
    assert [e.reason for e in bl.parse(text)] == [reason.strip()]
    r = run_cli("check", "en2.md", "--no-ledger", cwd=project)
    assert r.returncode == 0, r.stderr  # later checks read it and the finding is accepted


def test_baseline_inline_array_file_gains_tables(tmp_path):
    text = "# desk\naccepted = []\n"
    out = bl.append_to(text, [bl.Entry("abcdef12", "drift", "ok")])
    assert out.startswith("# desk\n") and [e.fingerprint for e in bl.parse(out)] == ["abcdef12"]


# ---------------------------------------------------------------- outputs never over inputs


def _only_line(err: bytes) -> str:
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("args", "victim"),
    [
        (["check", "a/x.md", "--format", "md", "-o", "a/"], "a/x.md"),
        (["check", "page.html", "--format", "html", "-o", "./"], "page.html"),
        (["check", "a/x.md", "-o", "a/../a/x.md"], "a/x.md"),
        (["check", "a/x.md", "--format", "json", "-o", "link.md"], "a/x.md"),
        (["check", "a/x.md", "-o", "hard.md"], "a/x.md"),
        (["extract", "a/x.md", "-o", "./a/x.md"], "a/x.md"),
        (["check", "a/x.md", "-o", "claims/accepted.toml"], "claims/accepted.toml"),
        (["check", "a/x.md", "--ledger", "l.db", "-o", "l.db"], "l.db"),
        (["claims", "export", "--ledger", "l.db", "-o", "l.db"], "l.db"),
        (["compare", "--ledger", "l.db", "-o", "l.db"], "l.db"),
        (["baseline", "--reason", "r", "--baseline", "a/x.md", "a/x.md"], "a/x.md"),
    ],
)
def test_output_never_overwrites_an_input(tmp_path, args, victim):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text(ARTICLES["ar1.md"] + "\n" + ARTICLES["en1.md"], encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><body><p>The UN said about 31,000 people live in the camps.</p></body></html>",
        encoding="utf-8",
    )
    os.symlink("a/x.md", tmp_path / "link.md")
    os.link(tmp_path / "a" / "x.md", tmp_path / "hard.md")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "accepted.toml").write_text(DESK_COMMENT, encoding="utf-8")
    r = run_cli("ingest", "a/x.md", "--ledger", "l.db", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}
    r = run_cli(*args, cwd=tmp_path)
    assert r.returncode == 2, (r.stdout, r.stderr)
    line = _only_line(r.stderr)
    assert "overwrite the input" in line and victim.split("/")[-1] in line
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}
    assert after == before  # nothing written, nothing touched


def test_folder_output_beside_the_input_is_fine_when_names_differ(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.md").write_text(ARTICLES["en1.md"], encoding="utf-8")
    r = run_cli("check", "a/x.md", "--no-ledger", "--format", "html", "-o", "a/", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert (tmp_path / "a" / "x.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (tmp_path / "a" / "x.md").read_text(encoding="utf-8") == ARTICLES["en1.md"]


def test_refusal_compares_paths_not_server_ledgers(tmp_path):
    from factcheck.errors import UsageError
    from factcheck.io import refuse_overwrite
    from factcheck.ledger.url import LedgerURL

    server = LedgerURL.parse("postgresql://desk@db.example.org/claims", origin="--ledger")
    (tmp_path / "a.md").write_text(ARTICLES["ar2.md"], encoding="utf-8")
    refuse_overwrite(tmp_path / "report.txt", [tmp_path / "a.md", server, None, "-"])
    with pytest.raises(UsageError, match="would overwrite the input"):
        refuse_overwrite(tmp_path / "sub" / ".." / "a.md", [server, str(tmp_path / "a.md")])
