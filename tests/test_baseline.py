"""The accepted-findings file: reading (file:line errors), writing, merging, expiry, stale entries."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factcheck import baseline as bl
from factcheck.errors import ConfigError
from factcheck.model import Finding

REFERENCE = (
    "subject,value,low,high,bound,unit,source,time,url,note\n"
    'people in the al-Hol and Roj camps,"30,000",,,approx,person,UN,2025-11,,desk example\n'
)
SENTENCE = "The UN said about {} people live in the al-Hol and Roj camps now.\n"

GOOD = """# comment
[[accepted]]
fingerprint = "fd65b665f235953b"
check = "reference"
claims = ["about 45,000 people"]
documents = ["article.md"]
reason = "confirmed with UNHCR"
who = "Desk"
when = 2025-11-20

[[accepted]]
fingerprint = "0123456789abcdef"
check = "parts_total"
reason = "old"
expires = "2025-01-31"
"""


def finding(fid: str, check: str = "reference") -> Finding:
    return Finding(fid, check, "error", ("article.md#0",), "m", "e")


def test_parse_round_trip():
    entries = bl.parse(GOOD, "acc.toml")
    assert [e.fingerprint for e in entries] == ["fd65b665f235953b", "0123456789abcdef"]
    assert entries[0].when == dt.date(2025, 11, 20) and entries[0].line == 2
    assert entries[1].expires == dt.date(2025, 1, 31) and entries[1].line == 11
    again = bl.parse(bl.dumps(entries), "x")
    assert [(e.fingerprint, e.reason, e.claims, e.when, e.expires) for e in again] == [
        (e.fingerprint, e.reason, e.claims, e.when, e.expires) for e in entries
    ]
    tricky = bl.Entry("abcdef12", "reference", 'a "quoted"\nreason \\ with ☃ and عربي', claims=('"x"',))
    (back,) = bl.parse(bl.dumps([tricky]))
    assert back.reason == tricky.reason and back.claims == tricky.claims


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("[[accepted]]\nfingerprint = \ncheck = 'x'\n", 2, "invalid TOML"),
        ("[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'reference'\n", 1, "no 'reason'"),
        ("[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'reference'\nreason = ''\n", 4, "'reason'"),
        ("[[accepted]]\nfingerprint = 'not hex!'\ncheck = 'r'\nreason = 'x'\n", 2, "not a finding id"),
        ("\n[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'r'\nreason = 'x'\nwhen = 'soon'\n", 6, "date"),
        (
            "[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'r'\nreason = 'x'\nwhom = 'me'\n",
            5,
            "unknown key",
        ),
        ("[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'r'\nreason = 'x'\nclaims = 'a'\n", 5, "list"),
        (
            "[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'r'\nreason = 'x'\n\n"
            "[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'r'\nreason = 'y'\n",
            7,
            "accepted twice (first at line 1)",
        ),
        ("[accepted]\nfingerprint = 'abcdef12'\n", 1, "list of [[accepted]] tables"),
        ("[[accept]]\nfingerprint = 'abcdef12'\n", 1, "unknown key 'accept'"),
    ],
)
def test_malformed_file_is_file_line_error(text, line, what):
    with pytest.raises(ConfigError) as err:
        bl.parse(text, "claims/accepted.toml")
    message = str(err.value)
    assert message.startswith(f"claims/accepted.toml:{line}: "), message
    assert what in message


def test_apply_suppresses_by_fingerprint_reports_stale_and_expired():
    entries = bl.parse(GOOD, "acc.toml")
    today = dt.date(2025, 12, 1)
    applied = bl.apply(
        [finding("fd65b665f235953b"), finding("0123456789abcdef", "parts_total"), finding("ffff0000")],
        entries,
        documents=["article.md"],
        today=today,
        where="acc.toml",
    )
    assert [f.id for f in applied.accepted] == ["fd65b665f235953b"]
    assert [f.id for f in applied.shown] == ["0123456789abcdef", "ffff0000"]  # expired: shown again
    assert applied.stale == [("0123456789abcdef", "expired on 2025-01-31")]
    assert applied.notes[0].startswith("acc.toml:11: accepted finding 0123456789abcdef")
    # nothing matches: the entry about article.md is stale only when article.md was checked
    applied = bl.apply([], entries[:1], documents=["article.md"], today=today)
    assert applied.stale == [("fd65b665f235953b", "matches no finding any more")]
    assert bl.apply([], entries[:1], documents=["other.md"], today=today).stale == []


def test_merge_keeps_existing_entries():
    old = bl.parse(GOOD)
    new = [bl.Entry("fd65b665f235953b", "reference", "new reason"), bl.Entry("aaaa1111", "restated", "r")]
    merged, added, already = bl.merge(old, new)
    assert (added, already) == (1, 1)
    assert [e.fingerprint for e in merged] == ["fd65b665f235953b", "0123456789abcdef", "aaaa1111"]
    assert merged[0].reason == "confirmed with UNHCR"


def test_not_shown_line():
    assert bl.not_shown_line(1) == "1 accepted finding not shown"
    assert bl.not_shown_line(0) == "0 accepted findings not shown"
    assert bl.not_shown_line(3) == "3 accepted findings not shown"


def _project(tmp_path, figure="45,000"):
    (tmp_path / "claims").mkdir(exist_ok=True)
    (tmp_path / "claims" / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    (tmp_path / "a.md").write_text(SENTENCE.format(figure), encoding="utf-8")


def test_baseline_command_writes_merges_and_check_reads(cli, tmp_path):
    _project(tmp_path)
    env_user = {"USER": "night-desk", "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1"}
    import os

    env = {**os.environ, **env_user}
    env.pop("GIT_CONFIG_GLOBAL", None)
    proc = cli("baseline", "--reason", "checked", "--expires", "2999-01-01", "a.md", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    path = tmp_path / "claims" / "accepted.toml"
    (entry,) = bl.load(path)
    assert entry.reason == "checked" and entry.check == "reference" and entry.who == "night-desk"
    assert entry.expires == dt.date(2999, 1, 1) and entry.when == dt.date.today()
    assert "about 45,000 people" in entry.claims and entry.documents == ("a.md",)
    # running again adds nothing and keeps the file as it is
    before = path.read_text(encoding="utf-8")
    proc = cli("baseline", "--reason", "again", "a.md", cwd=tmp_path, env=env)
    assert proc.returncode == 0 and b"0 findings accepted, 1 already accepted" in proc.stderr
    assert path.read_text(encoding="utf-8") == before
    proc = cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["findings"] == []
    assert b"1 accepted finding not shown" in proc.stderr
    # --no-baseline shows it again; --baseline FILE reads another file
    assert cli("check", "a.md", "--no-baseline", cwd=tmp_path).returncode == 1
    assert cli("check", "a.md", "--baseline", "claims/accepted.toml", cwd=tmp_path).returncode == 0
    assert cli("check", "a.md", "--baseline", "nope.toml", cwd=tmp_path).returncode == 2
    # the configuration may name the file
    path.rename(tmp_path / "ok.toml")
    assert cli("check", "a.md", cwd=tmp_path).returncode == 1
    (tmp_path / "factcheck.toml").write_text("baseline = 'ok.toml'\n", encoding="utf-8")
    assert cli("check", "a.md", cwd=tmp_path).returncode == 0


def test_expired_entry_no_longer_suppresses(cli, tmp_path):
    _project(tmp_path)
    assert cli("baseline", "--reason", "r", "--expires", "2001-01-01", "a.md", cwd=tmp_path).returncode == 0
    proc = cli("check", "a.md", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "0 accepted findings not shown" in err
    assert "claims/accepted.toml:4: accepted finding" in err and "expired on 2001-01-01" in err


def test_malformed_accepted_file_exits_2_with_file_line(cli, tmp_path):
    _project(tmp_path)
    path = tmp_path / "claims" / "accepted.toml"
    path.write_text("[[accepted]]\nfingerprint = 'abcdef12'\ncheck = 'reference'\n", encoding="utf-8")
    for args in (("check", "a.md"), ("baseline", "--reason", "x", "a.md")):
        proc = cli(*args, cwd=tmp_path)
        err = proc.stderr.decode()
        assert proc.returncode == 2, err
        assert err.count("\n") == 1 and "accepted.toml:1: [[accepted]] entry has no 'reason'" in err
    assert path.read_text(encoding="utf-8").count("[[accepted]]") == 1  # not rewritten
    path.write_text('[[accepted]]\nfingerprint = "abc\n', encoding="utf-8")
    proc = cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and b"accepted.toml:2: invalid TOML" in proc.stderr


def test_baseline_needs_a_reason(cli, tmp_path):
    _project(tmp_path)
    assert cli("baseline", "a.md", cwd=tmp_path).returncode == 2
    proc = cli("baseline", "--reason", "  ", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and b"--reason" in proc.stderr
    assert not (tmp_path / "claims" / "accepted.toml").exists()
