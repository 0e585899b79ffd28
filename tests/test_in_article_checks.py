"""In-article checks on real sentences, each with a clean control that must stay quiet."""

from __future__ import annotations

import pytest

from factcheck.checking import check_documents
from factcheck.text.documents import parse_document

CASES = [
    # (text, expected checks)
    ("Bread prices rose 50% from 1,000 to 1,200 pounds in a month.", {"percent_change"}),
    ("Bread prices rose 20% from 1,000 to 1,200 pounds in a month.", set()),
    ("ارتفعت أسعار الخبز بنسبة 50% من 1000 إلى 1200 ليرة خلال شهر.", {"percent_change"}),
    ("ارتفعت أسعار الخبز بنسبة 20% من 1000 إلى 1200 ليرة خلال شهر.", set()),
    ("About 30% of the 1,000 people surveyed, or 400 people, said they had left.", {"percent_of"}),
    ("About 30% of the 1,000 people surveyed, or 300 people, said they had left.", set()),
    ("قال 40% من 2,000 شخص شملهم المسح، أي 500 شخص، إنهم غادروا.", {"percent_of"}),
    ("قال 40% من 2,000 شخص شملهم المسح، أي 800 شخص، إنهم غادروا.", set()),
    ("قتل 45 شخصاً بينهم 30 طفلاً و20 امرأة في الغارة.", {"parts_total"}),
    ("قتل 45 شخصاً بينهم 20 طفلاً و10 نساء في الغارة.", set()),
    ("Some 45 people were killed, including 30 children and 20 women.", {"parts_total"}),
    ("Some 45 people were killed, including 20 children and 10 women.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_in_article(text, expected):
    result = check_documents([parse_document(text, "article.txt")])
    assert {f.check for f in result.findings} == expected
    for f in result.findings:
        assert f.level == "error" and f.explanation and set(f.claims) <= {c.id for c in result.claims}


def test_period_that_does_not_fit_its_dates(seed_text):
    fine = check_documents([parse_document(seed_text, "seed.txt")])
    assert "period" not in {f.check for f in fine.findings}  # "the past month" vs 1 Oct – 6 Nov is fine
    week = seed_text.replace("خلال الشهر الماضي", "خلال الأسبوع الماضي")
    found = [f for f in check_documents([parse_document(week, "seed.txt")]).findings if f.check == "period"]
    assert len(found) == 1 and "الأسبوع الماضي" in found[0].message and "37 days" in found[0].message
    en = (
        "Coalition forces carried out 22 operations over the past week. Between Oct. 1 and Nov. 6, the "
        "operations killed five members and detained 19 others, the command said."
    )
    assert [
        f.check for f in check_documents([parse_document(en, "en.txt", published="2025-11-13")]).findings
    ] == ["period"]
    month = en.replace("the past week", "the past month")
    assert check_documents([parse_document(month, "en.txt", published="2025-11-13")]).findings == []


@pytest.mark.parametrize(
    ("text", "level", "codes"),
    [
        ("Officials said \u202e13\u202c people were killed.", "error", ["U+202C", "U+202E"]),
        ("قال المسؤولون إن \u202e31\u202c شخصاً قتلوا.", "error", ["U+202C", "U+202E"]),
        ("Officials said 3\u200b0,000 people live in the camp.", "warning", ["U+200B"]),
    ],
)
def test_invisible_characters_in_a_figure(text, level, codes):
    result = check_documents([parse_document(text, "t.txt")])
    (finding,) = [f for f in result.findings if f.check == "hidden_characters"]
    assert finding.level == level and all(code in finding.message for code in codes)
    clean = check_documents(
        [parse_document(text.replace("\u202e", "").replace("\u202c", "").replace("\u200b", ""), "t.txt")]
    )
    assert clean.findings == []


def test_period_words_leave_running_totals_alone():
    """A running total "since January" spans to its statement day; "last year" in the same article
    speaks of other figures, not of that span."""
    en = (
        "The health ministry said on Tuesday that 1,240 hepatitis cases had been recorded since January. "
        "Last year the ministry recorded about 900 cases in all."
    )
    found = check_documents([parse_document(en, "en.txt", published="2025-09-25")]).findings
    assert "period" not in {f.check for f in found}
    ar = "سجلت الوزارة 1240 إصابة منذ مطلع العام الجاري، مقابل نحو 900 إصابة في العام الماضي."
    found = check_documents([parse_document(ar, "ar.txt", published="2025-09-25")]).findings
    assert "period" not in {f.check for f in found}


def test_period_words_speak_of_the_figures_just_after_them():
    """ "Last week" in one paragraph says nothing of figures dated three sentences earlier."""
    en = (
        "Between Oct. 1 and Nov. 6, coalition operations killed five members and detained 19 others. "
        "The command gave no further detail. It declined to name the units involved. "
        "Officials said the talks would resume. Last week a delegation visited the camps."
    )
    found = check_documents([parse_document(en, "en.txt", published="2025-11-13")]).findings
    assert "period" not in {f.check for f in found}


@pytest.mark.parametrize(
    "text",
    [
        "The ministry recorded 1,240 hepatitis A cases since the start of the year, against 560 cases in "
        "the same period last year.",
        "سجلت الوزارة 1240 إصابة بالتهاب الكبد منذ بداية العام، مقارنة بـ560 إصابة في الفترة نفسها من "
        "العام الماضي.",
        "Exports reached 3.4 million barrels a day in the first quarter of last year, the ministry said.",
    ],
)
def test_a_shorter_stretch_inside_the_period_a_phrase_names_fits_it(text):
    """ "Last year" may speak of part of last year ("the same period last year", "the first quarter of
    last year"): only dates spanning longer than a period phrase allows are a misfit."""
    found = check_documents([parse_document(text, "t.txt", published="2025-09-25")]).findings
    assert "period" not in {f.check for f in found}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("أعلنت السلطات في الولاية، الثلاثاء، تضرر 2400 منزل جراء السيول التي ضربت المنطقة منذ الجمعة، منها "
         "900 منزل انهارت كلياً و1500 منزل تضررت جزئياً.", ("900 منزل", "و1500 منزل")),
        ("The authorities said on Tuesday that floods since Friday had damaged 2,400 homes, of which "
         "900 homes collapsed and 1,500 homes were partly damaged.", ("900 homes", "1,500 homes")),
    ],
)  # fmt: skip
def test_the_parts_of_one_list_are_parts_and_never_one_quantity(text, parts):
    """The cue ("of which", "منها") stands before the first part only: a part listed just after it with the
    same unit is a part too, and two parts of one list are never compared as one quantity (whatever time
    each was given); parts that sum to the whole raise nothing."""
    result = check_documents([parse_document(text, "article.txt", published="2025-08-19")])
    scopes = {c.text: c.scope for c in result.claims}
    assert scopes[parts[0]] == scopes[parts[1]] == "part"
    assert [f.message for f in result.findings if f.level in ("warning", "error")] == []


@pytest.mark.parametrize(
    ("text", "whole", "variant"),
    [
        ("Public debt reached 41 billion dinars, or 110% of GDP, the ministry said on Sunday. Excluding the "
         "pension fund's holdings, debt stood at 86% of GDP.", "110%", "86%"),
        ("قالت الوزارة الأحد إن الدين العام بلغ 41 مليار دينار، أي ما يعادل 110 في المئة من الناتج المحلي. "
         "وباستثناء ما يحوزه صندوق التقاعد، يبلغ الدين 86 في المئة من الناتج.", "110 في المئة",
         "86 في المئة"),
    ],
)  # fmt: skip
def test_a_figure_that_leaves_something_out_is_another_variant(text, whole, variant):
    """ "Excluding X, debt stood at 86%" (باستثناء): the figure is another variant of the quantity, never a
    misreport of the whole one."""
    result = check_documents([parse_document(text, "article.txt", published="2025-08-31")])
    by_text = {c.text: c for c in result.claims}
    assert by_text[variant].scope == "variant"
    ids = {by_text[whole].id, by_text[variant].id}
    assert not [f for f in result.findings if ids <= set(f.claims) and f.level in ("warning", "error")]


@pytest.mark.parametrize(
    "text",
    [
        "The city of about 600,000 people has only 35% of homes on a working network, and trucked water "
        "costs about 25 times the pre-war price, the water board said.",
        "وتقول مؤسسة المياه في المدينة التي يقطنها نحو 600 ألف نسمة إن 35 في المئة فقط من المنازل موصولة "
        "بشبكة عاملة، وإن سعر المياه المنقولة بالصهاريج يعادل نحو 25 ضعف سعرها قبل الحرب.",
    ],
)
def test_a_multiple_is_a_ratio_and_never_a_count(text):
    """ "25 times the pre-war price", "25 ضعف": a multiple (unit ``times``) is no count, so it is never
    read as 35% of a population."""
    result = check_documents([parse_document(text, "article.txt", published="2025-09-09")])
    assert "times" in {c.unit for c in result.claims}
    assert not [f for f in result.findings if f.check == "percent_of"]


@pytest.mark.parametrize(
    "text",
    [
        "The fund completed its review last month, releasing about $130 million. Unemployment stood at 21.3% "
        "in the third quarter of this year, the statistics office said.",
        "وأنهت البعثة مراجعتها الشهر الماضي، ما يتيح صرف نحو 130 مليون دولار. "
        "وبلغت نسبة البطالة 21.3 في المئة في الربع الثالث من العام الحالي.",
    ],
)
def test_a_later_figure_for_a_calendar_period_of_its_own_is_no_misfit(text):
    """ "Last month" speaks of its own sentence's events; a figure in the next sentence for a quarter of its
    own is about that quarter (dates given day by day, "between Oct. 1 and Nov. 6", still are checked)."""
    found = check_documents([parse_document(text, "article.txt", published="2025-12-28")]).findings
    assert "period" not in {f.check for f in found}
