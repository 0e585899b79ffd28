"""Reading documents: Markdown front matter, HTML bodies, hostile markup; offsets into the file as read."""

from __future__ import annotations

import pytest

from factcheck.extraction import extract_document
from factcheck.text.documents import parse_document, read_document
from factcheck.text.normalize import normalize

MD = """---
title: Camps report
source: Example Wire
published: 2025-07-15
lang: en
---
# Camps

About 31,000 people live in [al-Hol](https://example.org/2019/31000) and Roj, officials said.
<!-- factcheck: ignore drift reason="checked" -->
More than 22 operations took place ![chart](img/2025.png).
"""

HTML = """<!doctype html><html lang="ar"><head>
<meta property="og:site_name" content="شفق نيوز">
<meta property="article:published_time" content="2025-11-13T10:00:00Z">
<title>تقرير</title><style>.x{width:3000px}</style><script>var n = 5000;</script></head>
<body><article><p>قالت القيادة إن <b>نحو&nbsp;30</b> ألف شخص ما زالوا في المخيم.</p>
<p>وبلغ العدد 31&#x2C;000 شخص &amp; أكثر.</p></article></body></html>"""


def test_markdown_front_matter_and_masking(tmp_path):
    path = tmp_path / "camps.md"
    path.write_text(MD, encoding="utf-8")
    doc = read_document(str(path))
    assert doc.meta.title == "Camps report"
    assert doc.meta.publisher == "Example Wire"
    assert doc.meta.published == "2025-07-15"
    assert doc.lang == "en"
    claims = extract_document(doc)
    assert [(c.text, c.value, c.unit) for c in claims] == [
        ("About 31,000 people", 31000, "person"),
        ("More than 22 operations", 22, "operation"),
    ]
    for c in claims:
        assert MD[c.start : c.end] == c.text  # offsets into the file as read, front matter included


def test_html_body_meta_entities():
    doc = parse_document(HTML, "camps.html")
    assert doc.format == "html"
    assert doc.meta.publisher == "شفق نيوز"
    assert doc.meta.published == "2025-11-13"
    assert doc.meta.lang == "ar"
    assert len(doc.view) == len(doc.raw)
    claims = extract_document(doc)
    values = [c.value for c in claims]
    assert 5000 not in values and 3000 not in values  # script and style are not text
    assert 31000 in values
    about = next(c for c in claims if c.bound == "approx")
    assert about.value == 30000 and about.unit == "person"
    for c in claims:
        assert HTML[c.start : c.end] == c.text


def test_hostile_html_never_crashes():
    hostile = "<p>1" + "<b>" * 5000 + "2,000 <script>alert(1)</script>" + "&#99999999;" + "<!--" + "3" * 1000
    doc = parse_document(hostile, "x.html")
    assert len(doc.view) == len(hostile)
    for c in extract_document(doc, include_all=True):
        assert hostile[c.start : c.end] == c.text


def test_seed_header_line(seed_path):
    doc = read_document(str(seed_path))
    assert doc.view.startswith(" " * 10)  # the header is metadata, masked from extraction
    assert doc.raw.startswith(" date 2025-11-13")


def test_normalisation_offset_map():
    raw = "يُقدَّر بـ\u200f٣٠\u200b٬٠٠٠ شخصٍ"
    norm = normalize(raw)
    assert "30,000" in norm.text
    i = norm.text.index("30,000")
    start, end = norm.orig_span(i, i + len("30,000"))
    assert raw[start:end] == "٣٠\u200b٬٠٠٠"
    assert normalize("ـــألفـــاً").text == "الفا"


def test_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffAbout 30,000 people.\r\nMore than 22 operations.\r\n".encode())
    doc = read_document(str(path))
    claims = extract_document(doc)
    assert [c.value for c in claims] == [30000, 22]
    for c in claims:
        assert doc.raw[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "place", "figure"),
    [
        ("ADEN, Sept 9 (Harbour Wire) - Health officials recorded 21 cholera deaths in Taiz since August.",
         "ADEN", "21 cholera deaths"),
        ("HASAKAH, Syria, Oct 6 - Officials said 4,100 families had left the camps in Raqqa since June.",
         "HASAKAH", "4,100 families"),
        ("عدن - صحيفة المرفأ: سجلت السلطات الصحية 21 وفاة بالكوليرا في تعز منذ مطلع آب.", "عدن", "21 وفاة"),
    ],
)  # fmt: skip
def test_a_wire_dateline_is_where_the_story_was_filed_not_where_its_figures_are(text, place, figure):
    from factcheck.checking import claims_of

    doc = parse_document(text, "wire", fmt="text", published="2025-09-09")
    assert doc.meta.dateline == place
    (claim,) = [c for c in claims_of(doc) if c.text == figure]
    assert "Aden" not in claim.entities and "Hasakah" not in claim.entities
    assert claim.entities  # the figure keeps the place it names


@pytest.mark.parametrize(
    "text",
    ["UN - the agency said 5 people died on Monday.", "Some 30 people died - officials said on Monday."],
)
def test_an_opening_that_is_no_dateline_is_left_alone(text):
    doc = parse_document(text, "plain", fmt="text", published="2025-09-09")
    assert doc.meta.dateline is None and doc.view == text
