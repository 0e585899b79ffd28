"""The HTML report in a real browser: headless Debian Chromium driven by Playwright (no download of
Playwright's own browsers). Skipped off CI when Chromium or Playwright is missing; required on CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None

if not os.environ.get("CI") and (sync_playwright is None or not Path(CHROMIUM).exists()):
    pytest.skip("needs Playwright and Debian's chromium (installed by .ci/run)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def _open(browser, path: Path):
    """A page on ``path`` that records console messages, dialogs, page errors and every request."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, java_script_enabled=True)
    page = context.new_page()
    seen = {"console": [], "errors": [], "dialogs": [], "requests": []}
    page.on("console", lambda m: seen["console"].append((m.type, m.text)))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def on_dialog(d):
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", on_dialog)
    url = path.resolve().as_uri()

    def on_route(route):
        seen["requests"].append(route.request.url)
        if route.request.url == url:
            route.continue_()
        else:
            route.abort()

    context.route("**/*", on_route)
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page, seen


def test_seed_report_in_browser(browser, tmp_path):
    report = ROOT / "reports" / "seed.html"
    context, page, seen = _open(browser, report)
    try:
        article = page.locator("article.article-text")
        assert article.count() == 1
        assert article.get_attribute("dir") == "rtl" and article.get_attribute("lang") == "ar"
        assert page.locator("html").get_attribute("dir") == "ltr"
        marks = article.locator("mark")
        assert marks.count() == 8
        # highlights link to findings, and findings link back to the highlighted claims
        first = page.locator("#finding-1")
        assert first.count() == 1
        drift = first.inner_text()
        assert "drift" in drift
        assert "30,000" in drift and "31,000" in drift
        assert "CENTCOM" in drift and "التقارير السنوية" in drift
        for href in first.locator("th a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
            assert page.locator(href).count() == 1
        assert page.locator('mark a[href="#finding-1"]').count() >= 1
        # figures stay left-to-right inside the right-to-left page
        assert page.locator("bdi.num").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
        assert page.locator("figure.chart svg").count() >= 1
        page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)
        assert (tmp_path / "seed.png").stat().st_size > 10_000
    finally:
        context.close()
    assert seen["requests"] == [report.resolve().as_uri()], seen["requests"]
    assert not [m for m in seen["console"] if m[0] in ("error", "warning")], seen["console"]
    assert not seen["errors"] and not seen["dialogs"]


def test_hostile_report_runs_nothing(browser, tmp_path):
    from test_report import HOSTILE

    from factcheck.checking import check_documents
    from factcheck.report import render
    from factcheck.text.documents import parse_document

    doc = parse_document(HOSTILE, "hostile.txt", source="<img src=x onerror=alert(6)>")
    path = tmp_path / "hostile.html"
    path.write_text(render(check_documents([doc]), "html"), encoding="utf-8")
    context, page, seen = _open(browser, path)
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("script").count() == 0 and page.locator("img").count() == 0
        assert page.locator('a[href^="javascript:"]').count() == 0
        text = page.locator("article.article-text").inner_text()
        assert "<script>window.__pwned = 2; alert(1)</script>" in text
        assert '<img src=x onerror="window.__pwned=3">' in text
        assert "{{ 7*7 }}" in text and "{% if 1 %}yes{% endif %}" in text
        assert "⟦U+202E⟧" in text and "\u202e" not in text
        page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    finally:
        context.close()
    assert not seen["dialogs"] and not seen["errors"]
    assert not [m for m in seen["console"] if m[0] == "error"], seen["console"]
    assert seen["requests"] == [path.resolve().as_uri()], seen["requests"]
