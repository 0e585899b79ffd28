"""Machine formats: SARIF 2.1.0 against the official schema, JUnit through a strict parser, GitHub workflow
commands (order, cap, step summary) and the one-line format."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck.report.machine import position

SCHEMA = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
REFERENCE = (
    "subject,value,low,high,bound,unit,source,time,url,note\n"
    'people in the al-Hol and Roj camps,"30,000",,,approx,person,UN,2025-11,,desk example\n'
)


def env() -> dict[str, str]:
    out = dict(os.environ)
    out.pop("GITHUB_STEP_SUMMARY", None)
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An article with a reference conflict (error), a sum that does not add up (error), a directive
    without a reason (warning) and an inline-suppressed finding."""
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "reference.csv").write_text(REFERENCE, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a b.md").write_text(
        "# Camps\n\n"
        "The UN said about 45,000 people live in the al-Hol and Roj camps now.\n\n"
        "Some 45 people were killed, including 30 children and 20 women.\n\n"
        "<!-- factcheck: ignore drift -->\nNothing.\n\n"
        '<!-- factcheck: ignore parts_total reason="desk: two convoys counted twice" -->\n'
        "A convoy of 12 trucks arrived, including 9 trucks of food and 5 trucks of water.\n",
        encoding="utf-8",
    )
    return tmp_path


def run(cli, project: Path, fmt: str, *extra: str, environ: dict | None = None):
    return cli("check", "news/a b.md", "--format", fmt, *extra, cwd=project, env=environ or env())


def test_position_is_one_based_in_code_points():
    raw = "ab\nمخيم 30 ألفاً\n"
    assert position(raw, 0) == (1, 1)
    assert position(raw, 3) == (2, 1)
    assert position(raw, raw.index("30")) == (2, 6)


def test_sarif_validates_against_the_official_schema(cli, project):
    if not SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SCHEMA} (shared folder absent)")
    import jsonschema

    proc = run(cli, project, "sarif")
    assert proc.returncode == 1, proc.stderr
    sarif = json.loads(proc.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema, cls=jsonschema.Draft7Validator)
    (run_,) = sarif["runs"]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(set(ids)) and {"reference", "parts_total", "suppression"} <= set(ids)
    results = run_["results"]
    shown = [r for r in results if "suppressions" not in r]
    assert {r["ruleId"]: r["level"] for r in shown} == {
        "reference": "error",
        "parts_total": "error",
        "suppression": "warning",
    }
    (silenced,) = [r for r in results if "suppressions" in r]
    assert silenced["suppressions"] == [
        {"kind": "inSource", "justification": "desk: two convoys counted twice"}
    ]
    for r in results:
        assert ids[r["ruleIndex"]] == r["ruleId"]
        assert len(r["partialFingerprints"]["factcheckFinding/v1"]) == 16
    conflict = next(r for r in shown if r["ruleId"] == "reference")
    loc = conflict["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "news/a%20b.md", "uriBaseId": "SRCROOT"}
    region = loc["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 13, 32)
    assert region["snippet"]["text"] == "about 45,000 people"
    # the reference figure is named as a related location
    assert any("claims/reference.csv" in rel["message"]["text"] for rel in conflict["relatedLocations"])
    # fingerprints survive moving the text down
    path = project / "news" / "a b.md"
    path.write_text("\n\nIntro.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    moved = json.loads(run(cli, project, "sarif").stdout)["runs"][0]["results"]
    assert sorted(r["partialFingerprints"]["factcheckFinding/v1"] for r in moved) == sorted(
        r["partialFingerprints"]["factcheckFinding/v1"] for r in results
    )
    assert (
        next(r for r in moved if r["ruleId"] == "reference")["locations"][0]["physicalLocation"]["region"][
            "startLine"
        ]
        == 7
    )


def test_junit_parses_strictly_and_counts_failures(cli, project, tmp_path):
    from junitparser import Failure, JUnitXml, Skipped

    def parse(*extra: str):
        proc = run(cli, project, "junit", *extra)
        out = tmp_path / "junit.xml"
        out.write_bytes(proc.stdout)
        return proc, JUnitXml.fromfile(str(out))

    proc, xml = parse()
    assert proc.returncode == 1
    cases = [case for suite in xml for case in suite]
    for case in cases:
        assert case.name and case.classname
    failures = [c for c in cases if any(isinstance(r, Failure) for r in c.result)]
    skipped = [c for c in cases if any(isinstance(r, Skipped) for r in c.result)]
    assert len(cases) == 5  # the document, 2 errors, 1 warning, 1 suppressed
    assert sorted(c.name.split(" ")[0] for c in failures) == ["parts_total", "reference"]
    assert len(skipped) == 1 and "desk: two convoys counted twice" in skipped[0].result[0].message
    assert xml.failures == 2 and xml.tests == 5
    assert cases[0].name == "document" and cases[0].classname == "news/a b.md"
    # at --fail-on warning the warning fails too; at never nothing does
    _, xml = parse("--fail-on", "warning")
    assert xml.failures == 3
    proc, xml = parse("--fail-on", "never")
    assert proc.returncode == 0 and xml.failures == 0
    # --max-warnings adds a gate case that fails
    proc, xml = parse("--fail-on", "never", "--max-warnings", "0")
    assert proc.returncode == 1 and xml.failures == 1 and xml.tests == 6


def test_line_format(cli, project):
    lines = run(cli, project, "line").stdout.decode().splitlines()
    assert (
        lines[0]
        == "news/a b.md:3:13: error reference: conflict: about 45,000 (UN) vs about 30,000 (UN, 2025-11)"
    )
    assert lines[1].startswith("news/a b.md:5:1: error parts_total: ")
    assert lines[2].startswith("news/a b.md:7:1: warning suppression: ")
    assert len(lines) == 3


def test_github_commands_order_escaping_and_step_summary(cli, project, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    proc = run(cli, project, "github", environ={**env(), "GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    assert [ln.split(" ")[0] for ln in lines] == ["::error", "::error", "::warning"]
    assert lines[0].startswith(
        "::error file=news/a b.md,line=3,col=13,endColumn=32,title=factcheck reference::"
    )
    assert "%0A" in lines[0] and "%25" in lines[0] and "\r" not in lines[0]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n") and "45,000" in text and len(text) > 100


def test_github_annotations_are_capped(cli, tmp_path):
    paragraphs = [
        f"In town {i}, some {40 + i} people were killed, including 30 children and {20 + i} women."
        for i in range(12)
    ]
    (tmp_path / "many.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    proc = cli("check", "many.md", "--format", "github", cwd=tmp_path, env=env())
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1
    findings = json.loads(cli("check", "many.md", "--format", "json", cwd=tmp_path).stdout)["findings"]
    errors = sum(f["level"] == "error" for f in findings)
    warnings = sum(f["level"] == "warning" for f in findings)
    assert errors > 10 and warnings > 10
    assert sum(ln.startswith("::error ") for ln in lines) == 10
    assert sum(ln.startswith("::warning ") for ln in lines) == 10
    assert lines[:10] == [ln for ln in lines if ln.startswith("::error ")]  # errors first
    assert f"{errors - 10} more errors not shown (GitHub shows 10 per step)" in lines
    assert f"{warnings - 10} more warnings not shown (GitHub shows 10 per step)" in lines
    rows = [int(ln.split("line=")[1].split(",")[0]) for ln in lines if ln.startswith("::error ")]
    assert rows == sorted(rows)  # then by position
