"""``pre-commit try-repo``: the hook of this repository runs on a staged article and fails on a
conflicting figure. pre-commit builds the hook's virtualenv from the repository (needs PyPI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = (
    "subject,value,low,high,bound,unit,source,time,url,note\n"
    'people in the al-Hol and Roj camps,"30,000",,,approx,person,UN,2025-11,,desk example\n'
)

pytestmark = pytest.mark.slow


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, capture_output=True, check=True)


def test_hook_file_declares_factcheck():
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck" and hook["entry"] == "factcheck check"
    assert hook["types"] == ["text"] and hook["language"] == "python"
    import re

    assert all(re.search(hook["files"], name) for name in ("a.md", "b.html", "c.txt", "d.htm"))
    assert not re.search(hook["files"], "e.py")


def _pre_commit() -> list[str]:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pre-commit"], check=True)
    return [sys.executable, "-m", "pre_commit"]


def _hook_repo(tmp_path: Path) -> Path:
    """The repository to try: this one when the hook file and the whole package are in HEAD (pre-commit
    adds uncommitted changes to tracked files itself, but not untracked files); otherwise a snapshot of
    the working tree (package, pyproject, README, hook file) committed in a temporary repository."""
    if not (ROOT / ".git").exists():
        pytest.skip("the repository under test is not a git checkout")
    in_head = (
        subprocess.run(["git", "cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"], cwd=ROOT).returncode == 0
    )
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all", "--", "factcheck", "pyproject.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if in_head and not any(line.startswith("??") for line in status.splitlines()):
        return ROOT
    snap = tmp_path / "snapshot"
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "factcheck"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = [n for n in listed.split("\0") if n] + ["pyproject.toml", "README.md", ".pre-commit-hooks.yaml"]
    for name in names:
        if (ROOT / name).is_file():
            (snap / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, snap / name)
    git(snap, "init", "-q", "-b", "main")
    git(snap, "add", "-A")
    git(snap, "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "commit.gpgsign=false",
        "commit", "-q", "-m", "snapshot")  # fmt: skip
    return snap


def test_pre_commit_try_repo_fails_on_conflicting_figure(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hooks = _hook_repo(tmp_path)
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "desk@example.org")
    git(repo, "config", "user.name", "Desk Editor")
    (repo / "claims").mkdir()
    (repo / "claims" / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    article = repo / "article.md"
    article.write_text("The UN said about 30,000 people live in the al-Hol and Roj camps now.\n", "utf-8")
    git(repo, "add", ".")
    git(repo, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "article")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env.pop("GITHUB_STEP_SUMMARY", None)
    cmd = [*_pre_commit(), "try-repo", str(hooks), "factcheck", "--files", "article.md"]

    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout

    article.write_text("The UN said about 45,000 people live in the al-Hol and Roj camps now.\n", "utf-8")
    git(repo, "add", "article.md")
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Failed" in out and "conflict: about 45,000" in out
