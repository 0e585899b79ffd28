"""The CI gate: fail levels, --max-warnings, configuration, exit codes 0/1/2, inline suppression,
--diff in a real git repository, and the end-to-end run in every format."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.diffscope import parse_hunks
from factcheck.errors import ConfigError, UsageError
from factcheck.gate import Policy, exit_code, judge
from factcheck.model import Finding

REFERENCE = (
    "subject,value,low,high,bound,unit,source,time,url,note\n"
    'people in the al-Hol and Roj camps,"30,000",,,approx,person,UN,2025-11,,desk example\n'
)
SUM_ERROR = "Some 45 people were killed, including 30 children and 20 women."


def article(figure: str, extra: str = SUM_ERROR) -> str:
    return (
        "---\ntitle: Camps\npublished: 2025-11-20\n---\n\n# Camps\n\n"
        f"The UN said about {figure} people live in the al-Hol and Roj camps now.\n\n"
        "Aid groups warned that winter is coming.\n\n"
        f"{extra}\n"
    )


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return proc.stdout


def make_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "desk@example.org")
    git(path, "config", "user.name", "Desk Editor")
    git(path, "config", "commit.gpgsign", "false")
    (path / "claims").mkdir()
    (path / "claims" / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    return path


def clean_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GITHUB_STEP_SUMMARY", None)
    env.pop("NO_COLOR", None)
    return env


def finding(level: str, check: str = "reference", fid: str = "abc123") -> Finding:
    return Finding(fid, check, level, ("a#0",), "m", "e")


# ---------------------------------------------------------------- policy


def test_fail_levels_and_max_warnings():
    findings = [finding("warning", fid="1"), finding("warning", fid="2"), finding("info", fid="3")]
    assert exit_code(findings) == 0
    assert exit_code(findings, "warning") == 1
    assert exit_code(findings, "info") == 1
    assert exit_code([finding("error")], "never") == 0
    assert exit_code(findings, "error", max_warnings=2) == 0
    assert exit_code(findings, "error", max_warnings=1) == 1
    verdict = judge(findings, Policy("error", 1))
    assert verdict.too_many_warnings and not verdict.failing and verdict.warnings == 2
    with pytest.raises(UsageError):
        Policy("sometimes")


def test_policy_flags_override_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nfail_on = "warning"\nmax_warnings = 3\nbaseline = "x/acc.toml"\n', encoding="utf-8"
    )
    config = load_config(tmp_path)
    assert config.fail_on == "warning" and config.max_warnings == 3
    assert config.baseline_path == tmp_path.resolve() / "x" / "acc.toml"
    assert Policy.resolve(None, None, config) == Policy("warning", 3)
    assert Policy.resolve("never", 0, config) == Policy("never", 0)
    assert Policy.resolve(None, None, load_config(tmp_path / "nowhere")) == Policy("warning", 3)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('[tool.factcheck]\nfail_on = "sometimes"\n', 2),
        ("[tool.factcheck]\nledger = 'a.db'\nmax_warnings = -1\n", 3),
        ("[tool.factcheck]\nfail_on = \n", 2),
    ],
)
def test_malformed_config_names_file_and_line(tmp_path, text, line):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path)
    assert str(err.value).startswith(f"{tmp_path.resolve() / 'pyproject.toml'}:{line}: ")


# ---------------------------------------------------------------- exit codes through the CLI


def test_exit_codes_0_1_2(cli, tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text(article("30,000", extra="Aid arrived."), encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text(article("45,000", extra="Aid arrived."), encoding="utf-8")
    assert cli("check", "good.md", cwd=tmp_path).returncode == 0
    proc = cli("check", "bad.md", "--format", "line", cwd=tmp_path)
    assert proc.returncode == 1 and b"error reference: conflict" in proc.stdout
    assert cli("check", "bad.md", "--fail-on", "never", cwd=tmp_path).returncode == 0
    proc = cli("check", "missing.md", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1 and b"missing.md" in proc.stderr
    assert cli("check", "bad.md", "--max-warnings", "-1", cwd=tmp_path).returncode == 2
    # the configuration decides the fail level, and a flag overrides it
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "never"\n', encoding="utf-8")
    assert cli("check", "bad.md", cwd=tmp_path).returncode == 0
    assert cli("check", "bad.md", "--fail-on", "error", cwd=tmp_path).returncode == 1


def test_malformed_config_exits_2_naming_the_file(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "sometimes"\n', encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("Nothing to see.\n", encoding="utf-8")
    proc = cli("check", "a.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and "pyproject.toml:2:" in err and "fail_on" in err and "sometimes" in err


def test_max_warnings_fails_even_at_fail_level_error(cli, tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(
        "<!-- factcheck: ignore drift -->\nFirst.\n\n<!-- factcheck: ignore conflict -->\nSecond.\n",
        encoding="utf-8",
    )
    proc = cli("check", "a.md", "--format", "line", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.decode().count("warning suppression") == 2
    assert cli("check", "a.md", "--max-warnings", "2", cwd=tmp_path).returncode == 0
    proc = cli("check", "a.md", "--max-warnings", "1", cwd=tmp_path)
    assert proc.returncode == 1 and b"more than --max-warnings 1" in proc.stderr
    (tmp_path / "factcheck.toml").write_text("max_warnings = 0\n", encoding="utf-8")
    assert cli("check", "a.md", cwd=tmp_path).returncode == 1
    assert cli("check", "a.md", "--max-warnings", "5", cwd=tmp_path).returncode == 0


# ---------------------------------------------------------------- inline suppression


def _json(proc) -> dict:
    return json.loads(proc.stdout)


def test_inline_suppression_markdown_html_and_text(cli, tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    sentence = "The UN said about 45,000 people live in the al-Hol and Roj camps now."
    docs = {
        "a.md": f'# Camps\n\n<!-- factcheck: ignore conflict reason="confirmed with UNHCR" -->\n{sentence}\n',
        "b.html": (
            "<html><body><article>\n"
            f"<!-- factcheck: ignore reference reason='confirmed with UNHCR' -->\n<p>{sentence}</p>\n"
            "</article></body></html>\n"
        ),
        "c.txt": f'[factcheck: ignore all reason="confirmed with UNHCR, 45,000"]\n{sentence}\n',
    }
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        proc = cli("check", name, "--format", "json", cwd=tmp_path)
        assert proc.returncode == 0, (name, proc.stdout, proc.stderr)
        data = _json(proc)
        assert data["findings"] == [], name
        assert len(data["claims"]) == 1, name  # the 45,000 in the reason is not a claim
        sarif = json.loads(cli("check", name, "--format", "sarif", cwd=tmp_path).stdout)
        (result,) = sarif["runs"][0]["results"]
        (suppression,) = result["suppressions"]
        assert suppression["kind"] == "inSource"
        assert suppression["justification"].startswith("confirmed with UNHCR")


def test_suppression_scope_is_the_next_paragraph_and_check_must_match(tmp_path):
    from factcheck.checking import check_documents
    from factcheck.suppress import apply_inline
    from factcheck.text.documents import parse_document

    refs = tmp_path / "claims"
    refs.mkdir()
    (refs / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    sentence = "The UN said about 45,000 people live in the al-Hol and Roj camps now."

    def run(text: str):
        result = check_documents([parse_document(text, "x.md")], references=refs)
        assert [f.verdict for f in result.findings] == ["conflict"]
        apply_inline(result)
        return [f.verdict for f in result.findings], [why for _, why in result.suppressed]

    # another check: not silenced
    assert run(f'<!-- factcheck: ignore drift reason="wrong check" -->\n{sentence}\n') == (["conflict"], [])
    # the paragraph after the next one: not silenced
    text = f'<!-- factcheck: ignore conflict reason="ok" -->\n\nOther paragraph.\n\n{sentence}\n'
    assert run(text) == (["conflict"], [])
    # the right check (or verdict), right before the paragraph, blank line or not
    assert run(f'<!-- factcheck: ignore conflict reason="ok" -->\n{sentence}\n') == ([], ["ok"])
    assert run(f'<!-- factcheck: ignore reference reason="ok" -->\n\n{sentence}\n') == ([], ["ok"])


def test_directive_without_reason_or_with_unknown_check_is_a_finding(cli, tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(
        "Intro.\n\n<!-- factcheck: ignore drift -->\nText.\n\n"
        '<!-- factcheck: ignore drfit reason="typo" -->\nMore.\n',
        encoding="utf-8",
    )
    proc = cli("check", "a.md", "--format", "line", cwd=tmp_path)
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 0
    assert lines[0].startswith("a.md:3:1: warning suppression: ") and "without a reason" in lines[0]
    assert lines[1].startswith("a.md:6:1: warning suppression: ") and "'drfit'" in lines[1]
    assert cli("check", "a.md", "--fail-on", "warning", cwd=tmp_path).returncode == 1


# ---------------------------------------------------------------- --diff


def test_parse_hunks(tmp_path):
    diff = (
        "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n@@ -3 +3 @@\n-x\n+y\n"
        "@@ -10,0 +11,2 @@\n+p\n+q\n@@ -20,3 +22,0 @@\n-gone\n"
        "diff --git a/new.md b/new.md\n--- /dev/null\n+++ b/new.md\n@@ -0,0 +1,2 @@\n+a\n+b\n"
        "diff --git a/old.md b/old.md\n--- a/old.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n"
    )
    hunks = parse_hunks(diff, tmp_path)
    assert hunks == {(tmp_path / "a.md").resolve(): {3, 11, 12}, (tmp_path / "new.md").resolve(): {1, 2}}


def test_diff_outside_git_or_bad_revision_exits_2(cli, tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.md").write_text("Nothing.\n", encoding="utf-8")
    proc = cli("check", "a.md", "--diff", "HEAD~1", cwd=plain)
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1
    assert b"not inside" in proc.stderr and b"git" in proc.stderr
    repo = make_repo(tmp_path / "repo")
    (repo / "a.md").write_text("Nothing.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    proc = cli("check", "a.md", "--diff", "no-such-branch", cwd=repo)
    assert proc.returncode == 2 and b"'no-such-branch' is not a revision" in proc.stderr
    assert proc.stderr.decode().count("\n") == 1


def test_diff_counts_untracked_files_and_uncommitted_changes(cli, tmp_path):
    repo = make_repo(tmp_path / "repo")
    (repo / "a.md").write_text(article("30,000"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    # nothing changed: the old parts_total error is not in the diff
    proc = cli("check", "a.md", "--diff", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 0 and _json(proc)["findings"] == []
    # an uncommitted change is
    (repo / "a.md").write_text(article("45,000"), encoding="utf-8")
    proc = cli("check", "a.md", "--diff", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 1 and [f["check"] for f in _json(proc)["findings"]] == ["reference"]
    # an untracked file is new everywhere
    (repo / "b.md").write_text(SUM_ERROR + "\n", encoding="utf-8")
    proc = cli("check", "b.md", "--diff", "HEAD", "--format", "json", cwd=repo)
    assert proc.returncode == 1 and [f["check"] for f in _json(proc)["findings"]] == ["parts_total"]


# ---------------------------------------------------------------- end to end


FORMATS = ("text", "json", "sarif", "junit", "github", "line")


def _reported(fmt: str, out: str) -> list[str]:
    """What each format reports, one string per finding (ids where the format carries them)."""
    if fmt == "json":
        return [f["id"] for f in json.loads(out)["findings"]]
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        return [r["partialFingerprints"]["factcheckFinding/v1"] for r in results if not r.get("suppressions")]
    if fmt == "junit":
        from junitparser import Failure, JUnitXml

        xml = JUnitXml.fromstring(out)
        return [
            case.name.split("[")[1].split("]")[0]
            for suite in xml
            for case in suite
            if any(isinstance(r, Failure) for r in case.result)
        ]
    if fmt == "github":
        return [ln for ln in out.splitlines() if ln.startswith("::")]
    if fmt == "line":
        return out.splitlines()
    return [ln for ln in out.splitlines() if ln.startswith(("ERROR", "WARNING", "INFO"))]


def test_end_to_end_in_a_git_repository(cli, tmp_path):
    repo = make_repo(tmp_path / "newsroom")
    env = clean_env()
    (repo / "article.md").write_text(article("30,000"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "article")
    # the old article already has an error (parts that do not add up): not part of the change
    proc = cli("check", "article.md", "--format", "json", cwd=repo, env=env)
    assert proc.returncode == 1 and [f["check"] for f in _json(proc)["findings"]] == ["parts_total"]

    (repo / "article.md").write_text(article("45,000"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "new figure")
    proc = cli("check", "article.md", "--diff", "HEAD~1", "--format", "json", cwd=repo, env=env)
    assert proc.returncode == 1, proc.stderr
    (new,) = _json(proc)["findings"]
    assert new["check"] == "reference" and new["verdict"] == "conflict" and "45,000" in new["message"]
    for fmt in FORMATS:
        proc = cli("check", "article.md", "--diff", "HEAD~1", "--format", fmt, cwd=repo, env=env)
        out = proc.stdout.decode()
        assert proc.returncode == 1, (fmt, proc.stderr)
        reported = _reported(fmt, out)
        assert len(reported) == 1, (fmt, out)
        if fmt in ("json", "sarif", "junit"):
            assert reported == [new["id"]], fmt
        elif fmt == "github":
            assert reported[0].startswith("::error file=article.md,line=8,col=13,"), out
        elif fmt == "line":
            assert reported[0].startswith("article.md:8:13: error reference: conflict: about 45,000"), out
        else:
            assert "conflict" in reported[0] and "45,000" in out

    # accept the findings of the article
    proc = cli("baseline", "--reason", "checked", "article.md", cwd=repo, env=env)
    assert proc.returncode == 0, proc.stderr
    accepted = (repo / "claims" / "accepted.toml").read_text(encoding="utf-8")
    assert accepted.count("[[accepted]]") == 2 and f'fingerprint = "{new["id"]}"' in accepted
    assert 'who = "Desk Editor"' in accepted and 'reason = "checked"' in accepted
    proc = cli("check", "article.md", "--diff", "HEAD~1", cwd=repo, env=env)
    both = proc.stdout.decode() + proc.stderr.decode()
    assert proc.returncode == 0, both
    assert "1 accepted finding not shown" in both and "1 accepted findings" not in both
    proc = cli("check", "article.md", "--format", "sarif", cwd=repo, env=env)
    assert proc.returncode == 0 and b"2 accepted findings not shown" in proc.stderr
    assert all(
        r["suppressions"][0]["kind"] == "external" for r in json.loads(proc.stdout)["runs"][0]["results"]
    )

    # change the figure again (not committed): the finding returns, and the old entry is stale
    (repo / "article.md").write_text(article("46,000"), encoding="utf-8")
    proc = cli("check", "article.md", "--diff", "HEAD~1", "--format", "line", cwd=repo, env=env)
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("article.md:8:13: error reference: conflict: about 46,000")
    err = proc.stderr.decode()
    assert "claims/accepted.toml:" in err and f"{new['id']} (reference) matches no finding any more" in err
    assert "0 accepted findings not shown" in err  # the accepted parts_total finding is outside the diff


def test_levels_and_verdicts_come_from_one_registry():
    """Levels and verdicts are the enums of ``factcheck.model``: the rules, the check registry and the
    findings of a real check hold their members, and the gate ranks by their order."""
    from pathlib import Path

    from factcheck.checking import check_documents
    from factcheck.compare.checks import registry
    from factcheck.compare.rules import default
    from factcheck.gate import at_or_above
    from factcheck.model import FAIL_LEVELS, Level, Verdict
    from factcheck.text.documents import parse_document

    assert all(isinstance(v, Level) for v in default().levels.values())
    assert all(isinstance(entry["level"], Level) for entry in registry().values())
    seed = Path(__file__).parent.parent / "seeds" / "000_1d7393a2437e1f4a.txt"
    doc = parse_document(seed.read_text(encoding="utf-8"), "seed", published="2025-11-13")
    findings = check_documents([doc]).findings
    assert findings and all(isinstance(f.level, Level) for f in findings)
    assert {f.verdict for f in findings if f.check == "cross_source"} <= set(Verdict)
    order = [level.value for level in Level]
    assert (*order[:3], "never") == FAIL_LEVELS
    for k, level in enumerate(order[:3]):
        assert [at_or_above(x, level) for x in order] == [j <= k for j in range(len(order))]
