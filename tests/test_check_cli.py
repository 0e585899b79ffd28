"""``factcheck check``: exit codes, JSON shape, fail levels."""

from __future__ import annotations

import json


def test_seed_default_exit_0_and_json(cli, seed_path, tmp_path):
    proc = cli(
        "check", str(seed_path), "--format", "json", "--ledger", str(tmp_path / "none.db"), cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"documents", "claims", "findings"}
    assert len(data["claims"]) == 8
    for f in data["findings"]:
        assert {"id", "check", "verdict", "level", "claims", "message", "explanation"} <= set(f)


def test_error_finding_exits_1_and_never_exits_0(cli, tmp_path):
    article = tmp_path / "draft.md"
    article.write_text("Some 45 people were killed, including 30 children and 20 women.\n", encoding="utf-8")
    assert cli("check", str(article), cwd=tmp_path).returncode == 1
    assert cli("check", str(article), "--fail-on", "never", cwd=tmp_path).returncode == 0
    text = cli("check", str(article), cwd=tmp_path).stdout.decode()
    assert "parts_total" in text and "1 errors" in text


def test_bad_input_exits_2(cli, tmp_path):
    proc = cli("check", str(tmp_path / "missing.md"), cwd=tmp_path)
    assert proc.returncode == 2 and b"missing.md" in proc.stderr
    assert cli("check", "x.md", "--fail-on", "sometimes", cwd=tmp_path).returncode == 2


def test_bidi_trick_in_a_figure_fails_the_check(cli, tmp_path):
    article = tmp_path / "draft.md"
    article.write_text("Officials said \u202e13\u202c people were killed.\n", encoding="utf-8")
    proc = cli("check", str(article), "--no-ledger", cwd=tmp_path)
    assert proc.returncode == 1
    assert "hidden_characters" in proc.stdout.decode() and "U+202E" in proc.stdout.decode()


def test_seed_reads_one_drift_and_one_trend(cli, seed_path, tmp_path):
    """The origin article, checked where the desk keeps its reference figures (claims/): one drift (about
    30,000 now vs about 31,000 in mid-2025), one trend holding the series 70,000 → 31,000 → 30,000 (the
    reference copies of the article's own figures are not second findings), nothing linking the
    detainees, fighters, killed or arrested with the camps; exit 0, and 1 with --fail-on warning."""
    root = seed_path.parent.parent
    args = ("check", str(seed_path), "--format", "json", "--ledger", str(tmp_path / "none.db"))
    proc = cli(*args, cwd=root)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    claims = {c["id"]: c for c in data["claims"] + data["consulted"]}
    by_verdict = {}
    for f in data["findings"]:
        by_verdict.setdefault(f["verdict"], []).append(f)
    assert sorted(by_verdict) == ["drift", "trend"]
    (drift,) = by_verdict["drift"]
    assert sorted(claims[c]["value"] for c in drift["claims"]) == [30000, 31000]
    (trend,) = by_verdict["trend"]
    assert [claims[c]["value"] for c in trend["claims"]] == [70000, 31000, 30000]
    linked = {claims[c]["unit"] for f in data["findings"] for c in f["claims"]}
    assert linked == {"person"}
    assert cli(*args, "--fail-on", "warning", cwd=root).returncode == 1
