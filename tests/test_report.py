"""Reports from templates: one context, text/Markdown goldens, Markdown round trip, HTML structure,
inert hostile input, user template overrides, ``-o DIR/`` and the committed seed reports."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from factcheck.checking import check_documents
from factcheck.report import RENDERERS, render
from factcheck.report.context import build_context
from factcheck.text.documents import parse_document, read_document

GOLDEN = Path(__file__).parent / "golden"
SEED_REL = "seeds/000_1d7393a2437e1f4a.txt"
UPDATE = bool(os.environ.get("FACTCHECK_UPDATE_GOLDEN"))
HOSTILE = (
    " date 2025-11-13 <script>window.__pwned=1</script>- X\n\n"
    "Officials said <script>window.__pwned = 2; alert(1)</script> about 30,000 people left.\n"
    '<img src=x onerror="window.__pwned=3"> and <a href="javascript:window.__pwned=4">a link</a> '
    "[click](javascript:alert(5)) {{ 7*7 }} {% if 1 %}yes{% endif %} ${7*7}\n"
    "Reports put it at \u202e31,000\u202c people \u2067in\u2069 July 2025, the ministry said.\n"
)


@pytest.fixture(scope="module")
def seed_result():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        yield check_documents([read_document(SEED_REL)], ledger=None, references=Path("claims"))
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def hostile_result():
    doc = parse_document(HOSTILE, "hostile.txt", source="<img src=x onerror=alert(6)>")
    return check_documents([doc], ledger=None, references=None)


def _rendered(result, fmt, **kw):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return render(result, fmt, **kw)
    finally:
        os.chdir(cwd)


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed (FACTCHECK_UPDATE_GOLDEN=1 to accept)"


def test_formats_registered():
    assert {"text", "md", "html", "json"} <= set(RENDERERS)


def test_context_shape(seed_result):
    ctx = build_context(seed_result)
    assert len(ctx["documents"]) == 1
    doc = ctx["documents"][0]
    assert doc["dir"] == "rtl" and doc["lang"] == "ar" and doc["id"] == SEED_REL
    assert len(doc["claims"]) == 8
    assert sum(1 for s in doc["segments"] if s["claim"]) == 8
    assert "".join(s["text"] for s in doc["segments"]) == seed_result.documents[0].raw
    cov = ctx["coverage"]
    assert cov["claims"] == 8 and cov["attributed"] == 8 and cov["numbers_found"] >= 8
    assert cov["findings"]["warning"] == 1
    warnings = next(lv for lv in ctx["levels"] if lv["name"] == "warning")
    values = {c["value"] for f in warnings["findings"] for c in f["claims"]}
    assert {"~30,000", "~31,000"} <= values
    chart = warnings["groups"][0]["chart"]
    assert chart is not None and len(chart["marks"]) >= 2
    # every claim of the drift is linked back to its finding, and coloured by its worst level
    drifted = next(c for c in doc["claims"] if c["value"] == "~30,000")
    assert drifted["level"] == "warning" and drifted["findings"][0]["label"] == "F1"


def test_text_golden(seed_result):
    text = _rendered(seed_result, "text", color=False)
    assert "\033[" not in text
    _golden("seed.txt", text)


def test_text_colour_and_no_color(seed_result, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\033[33mWARNING" in _rendered(seed_result, "text", color=True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in _rendered(seed_result, "text", color=True)


def test_md_golden(seed_result):
    _golden("seed.md", _rendered(seed_result, "md"))


def _tables(md: str):
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    tables, rows, row = [], None, None
    for t in tokens:
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            row.append("")
        elif t.type == "inline" and row is not None and rows is not None:
            row[-1] = t.content
        elif t.type == "tr_close":
            rows.append(row)
            row = None
        elif t.type == "table_close":
            tables.append(rows)
            rows = None
    return tokens, tables


def test_md_round_trip_tables(seed_result):
    md = _rendered(seed_result, "md")
    tokens, tables = _tables(md)
    assert not any(t.type in ("html_block", "html_inline") for t in tokens)
    # coverage, one per finding (the drift, the series), claims (the desk's reference copies of the
    # article's own figures are not consulted)
    assert len(tables) >= 1 + 2 + 1
    for rows in tables:
        assert len({len(r) for r in rows}) == 1, rows  # every row has the header's cell count
    coverage = tables[0]
    assert ["claims", "8"] in coverage
    drift = tables[1]
    assert drift[0][0] == "" and len(drift[0]) == 3
    flat = " ".join(" ".join(r) for r in drift)
    assert "\\~30,000" in flat and "\\~31,000" in flat and "CENTCOM" in flat
    claims = next(rows for rows in tables if rows[0][:2] == ["claim", "text"])
    assert len(claims) == 1 + 8


def test_md_hostile_is_literal(hostile_result):
    md = render(hostile_result, "md")
    tokens, tables = _tables(md)
    assert not any(t.type in ("html_block", "html_inline") for t in tokens)
    assert not any(t.type == "link_open" for t in tokens)
    assert "\u202e" not in md and "⟦U+202E⟧" in md
    for rows in tables:
        assert len({len(r) for r in rows}) == 1


def test_html_self_contained(seed_result):
    html = _rendered(seed_result, "html")
    assert "<script" not in html.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", html)
    assert "@import" not in html and "url(" not in html
    assert html.count("<mark ") == 8
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert "<svg" in html and "@media print" in html
    assert len(html.encode()) < 200_000


def test_html_hostile_is_inert(hostile_result):
    html = render(hostile_result, "html")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert 'href="javascript' not in html.lower()
    assert "&lt;script&gt;window.__pwned = 2" in html
    import html as html_lib

    shown = html_lib.unescape(re.sub(r"<[^>]+>", "", html))
    assert "{{ 7*7 }}" in shown and "{% if 1 %}yes{% endif %}" in shown and "${7*7}" in shown
    assert "<script>window.__pwned = 2; alert(1)</script>" in shown
    assert "\u202e" not in html and "\u2067" not in html and "⟦U+202E⟧" in html


def test_text_hostile(hostile_result):
    text = render(hostile_result, "text")
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", text.replace("\u2068", "").replace("\u2069", ""))
    assert "⟦U+202C⟧" in text  # the claim "31,000<PDF> people" shows its control as a marker


def test_user_templates_override(seed_result, tmp_path):
    (tmp_path / "report.md.j2").write_text("custom {{ coverage.claims }} {{ documents[0].id }}\n")
    out = render(seed_result, "md", options={"templates": str(tmp_path)})
    assert out.startswith("custom 8 ")
    # the other templates still come from the package
    assert "<!DOCTYPE html>" in render(seed_result, "html", options={"templates": str(tmp_path)})


def test_user_templates_from_config(tmp_path, monkeypatch, seed_result):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "report.txt.j2").write_text("{{ coverage.claims }} claims\n")
    (tmp_path / "factcheck.toml").write_text('templates = "tpl"\n')
    monkeypatch.chdir(tmp_path)
    assert render(seed_result, "text") == "8 claims\n"


def test_strict_undefined(seed_result, tmp_path):
    import jinja2

    (tmp_path / "report.md.j2").write_text("{{ no_such_name }}\n")
    with pytest.raises(jinja2.UndefinedError):
        render(seed_result, "md", options={"templates": str(tmp_path)})


def test_cli_formats_and_output_dir(tmp_path):
    seed = str(ROOT / SEED_REL)
    r = run_cli("check", "--no-ledger", "--format", "html", "-o", str(tmp_path / "one.html"), seed)
    assert r.returncode in (0, 1), r.stderr
    assert (tmp_path / "one.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out = tmp_path / "many"
    twins = []
    for folder in ("a", "b"):  # two articles with one name (the same path twice is one document)
        (tmp_path / folder).mkdir()
        twins.append(tmp_path / folder / Path(seed).name)
        twins[-1].write_bytes(Path(seed).read_bytes())
    r = run_cli("check", "--no-ledger", "--format", "md", "-o", str(out) + "/", *map(str, twins))
    assert r.returncode in (0, 1), r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["000_1d7393a2437e1f4a-2.md", "000_1d7393a2437e1f4a.md"]
    r = run_cli("check", "--no-ledger", "--format", "md", seed)
    assert r.stdout.decode().startswith("# factcheck report")


def test_piped_text_has_no_colour():
    r = run_cli("check", "--no-ledger", str(ROOT / SEED_REL))
    assert b"\033[" not in r.stdout and b"WARNING" in r.stdout


def test_per_document_reports(seed_result):
    from dataclasses import replace

    from factcheck.report.output import per_document, report_names

    both = replace(seed_result, documents=[*seed_result.documents, parse_document("5 people.", "b.txt")])
    parts = per_document(both)
    assert [len(p.claims) for _, p in parts] == [8, 0]
    assert report_names([d for d, _ in parts], "html") == ["000_1d7393a2437e1f4a.html", "b.html"]


def test_committed_seed_reports_are_fresh():
    from factcheck.report.regenerate import seed_reports

    for path, text in seed_reports().items():
        committed = ROOT / path
        assert committed.is_file(), f"{path} missing: python -m factcheck.report.regenerate"
        assert committed.read_text(encoding="utf-8") == text, (
            f"{path} is stale: run python -m factcheck.report.regenerate"
        )
        assert str(ROOT) not in text


def test_seed_reports_deterministic():
    from factcheck.report.regenerate import seed_reports

    assert seed_reports() == seed_reports()
