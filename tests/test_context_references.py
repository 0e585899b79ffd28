"""Words that point back: a definite short name for an organisation named earlier ("المديرية" after
"مديرية تربية نينوى"), a definite noun for a kind of place ("المدينة", "the city" after Mosul), and
a figure in a later sentence of a running total "since X" (as of the statement, not since X)."""

from __future__ import annotations

import pytest

from factcheck.context import contextualise
from factcheck.extraction import extract_document
from factcheck.text.documents import parse_document


def claims_of(text: str, published: str = "2025-05-20") -> list:
    doc = parse_document(text, "d0", fmt="text", source="Desk", published=published)
    return contextualise(doc, extract_document(doc))


def one(claims: list, text: str):
    (found,) = [c for c in claims if c.text == text]
    return found


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        (
            "أعلنت مديرية صحة البصرة الثلاثاء افتتاح 12 مركزاً صحياً. وأوضحت المديرية أن 300 طبيب "
            "انضموا إلى الكوادر.",
            "300 طبيب",
            "مديرية صحة البصرة",
        ),
        (
            "قالت هيئة الموانئ العراقية الأحد إن 40 سفينة رست في الميناء. وأضافت الهيئة أن 12 ألف "
            "طن من القمح أفرغت خلال الأسبوع.",
            "12 ألف طن",
            "هيئة الموانئ العراقية",
        ),
    ],
)
def test_an_arabic_short_name_with_the_article_refers_back_to_its_body(text, figure, source):
    assert one(claims_of(text), figure).source == source


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        (
            "Floods hit Mosul on Monday. About 40,000 pupils attend schools in the city, officials said.",
            "About 40,000 pupils",
            "Mosul",
        ),
        (
            "ضربت السيول الموصل الاثنين. وقال مسؤولون إن نحو 40 ألف تلميذ يداومون في مدارس المدينة.",
            "نحو 40 ألف تلميذ",
            "Mosul",
        ),
        (
            "Aid reached al-Hol on Sunday. Some 3,000 families in the camp received food, the UN said.",
            "Some 3,000 families",
            "al-Hol",
        ),
    ],
)
def test_a_definite_noun_of_a_kind_of_place_is_the_latest_such_place(text, figure, place):
    assert place in one(claims_of(text), figure).entities


def test_a_kind_of_place_never_takes_a_place_of_another_kind():
    """ "the city" after a country only: no city to refer to."""
    claims = claims_of(
        "Floods hit Iraq on Monday. About 40,000 pupils attend schools in the city, officials said."
    )
    assert "Iraq" not in one(claims, "About 40,000 pupils").entities


@pytest.mark.parametrize(
    ("text", "first", "later"),
    [
        (
            "The directorate said 232 schools have been rebuilt since 2017. It said more than 400,000 "
            "pupils attend schools.",
            "232 schools",
            "more than 400,000 pupils",
        ),
        (
            "أعلنت المديرية إعادة تأهيل 232 مدرسة منذ عام 2017. وأوضحت أن أكثر من 400 ألف تلميذ "
            "يداومون في المدارس.",
            "232 مدرسة",
            "أكثر من 400 ألف تلميذ",
        ),
    ],
)
def test_a_later_figure_after_a_running_total_holds_as_of_its_end(text, first, later):
    claims = claims_of(text)
    assert one(claims, first).time == "2017/2025-05-20"
    assert one(claims, later).time == "2025-05-20"


@pytest.mark.parametrize(
    ("text", "figure", "inherits"),
    [
        # a noun of its own in the accusative, though no unit the lexicon lists (its lemma is the unit):
        # no subject inherited
        (
            "وقالت الوزارة إن 62 في المئة من المصابين أطفال، وإن الفحوص أثبتت تلوث 23 مصدراً للمياه.",
            "23 مصدراً",
            False,
        ),
        # a word before "of" is a counted noun of its own: the slabs are no Captagon pills
        (
            "The army seized 3.1 million Captagon pills and 1,400 slabs of hashish, it said.",
            "1,400 slabs",
            False,
        ),
        # a noun in construct with another, both indefinite: its own ("و4100 كف حشيش")
        ("وضبطت القوات 3.1 مليون حبة كبتاغون و4100 كف حشيش على الحدود.", "و4100", False),
        # a preposition before a definite noun is no counted noun: the figure continues the one before
        ("وعاد نحو 400 ألف لاجئ، منهم قرابة 197 ألفاً عبر الحدود اللبنانية.", "قرابة 197 ألفاً", True),
        # no noun after it: the figure continues the one before ("بينهم نحو 190 ألفاً من لبنان")
        ("وعاد أكثر من 400 ألف لاجئ إلى بلادهم، بينهم نحو 190 ألفاً من لبنان.", "نحو 190 ألفاً", True),
    ],
)
def test_a_figure_with_a_counted_noun_of_its_own_inherits_no_subject(text, figure, inherits):
    claims = claims_of(text)
    before = claims[0]
    assert (one(claims, figure).subject == before.subject) is inherits


@pytest.mark.parametrize(
    ("text", "published", "figure", "time"),
    [
        (
            "Demand hit 17,400 MW on Tuesday. Peak demand last summer was 16,700 MW.",
            "2025-07-08",
            "16,700 MW",
            "2024-06/2024-08",
        ),
        (
            "Demand hit 17,400 MW on Tuesday. Peak demand last summer was 16,700 MW.",
            "2025-10-08",
            "16,700 MW",
            "2025-06/2025-08",
        ),
        (
            "وبلغ الطلب 17400 ميغاواط الثلاثاء. وكانت ذروة الطلب الصيف الماضي 16700 ميغاواط.",
            "2025-07-08",
            "16700 ميغاواط",
            "2024-06/2024-08",
        ),
        (
            "Gas use this winter reached 40 million cubic metres a day.",
            "2025-01-20",
            "40 million cubic metres",
            "2024-12/2025-02",
        ),
        (
            "وبلغ استهلاك الغاز هذا الشتاء 40 مليون متر مكعب يومياً.",
            "2025-12-20",
            "40 مليون متر مكعب",
            "2025-12/2026-02",
        ),
        (
            "Gas use last winter reached 40 million cubic metres a day.",
            "2025-11-20",
            "40 million cubic metres",
            "2024-12/2025-02",
        ),
    ],
)
def test_last_summer_and_this_winter_are_seasons_around_the_publication_date(text, published, figure, time):
    """A season said relative to the publication date: "last summer" in July is the year before's
    (this one is not over), in October this year's; a winter runs from December to February."""
    assert one(claims_of(text, published), figure).time == time


@pytest.mark.parametrize(
    ("text", "figure", "group"),
    [
        ("Unemployment among university graduates stood at 23%, the institute said.", "23%", "graduates"),
        ("وبلغت نسبة البطالة بين حملة الشهادات العليا 23 في المئة.", "23 في المئة", "graduates"),
    ],
)
def test_graduates_are_a_group_of_their_own(text, figure, group):
    assert one(claims_of(text), figure).group == group


@pytest.mark.parametrize(
    ("text", "figure", "time"),
    [
        (
            "Exports rose to 3.6 billion dinars in 2024, up from 3.4 billion in 2023, the ministry said. "
            "Phosphates made up 1.2 billion dinars.",
            "1.2 billion dinars",
            "2024",
        ),
        (
            "وارتفعت الصادرات إلى 3.6 مليار دينار في 2024 مقارنة بـ3.4 مليار في 2023. وشكلت الفوسفات "
            "1.2 مليار دينار.",
            "1.2 مليار دينار",
            "2024",
        ),
    ],
)
def test_a_figure_without_a_time_takes_the_main_figures_time_not_the_comparisons(text, figure, time):
    """The sentence before says 2024 of its main figure and 2023 of what it is compared with: a later
    figure with no time of its own belongs to the main one's time."""
    assert one(claims_of(text, "2025-02-10"), figure).time == time


def test_a_target_date_is_not_carried_to_the_next_sentence():
    """ "142 million tonnes by 2030": 2030 is that figure's deadline; a figure in the next sentence with
    no time of its own holds as of the statement, not in 2030."""
    claims = claims_of(
        "Capacity will reach 142 million tonnes a year by 2030, the minister said on Sunday. The first "
        "phase added 32 million tonnes a year.",
        "2024-02-25",
    )
    assert one(claims, "142 million tonnes").time == "2030"
    assert one(claims, "32 million tonnes").time == "2024-02-25"


@pytest.mark.parametrize(
    ("text", "figure", "aggregation"),
    [
        (
            "A total of 1.67 million pilgrims are performing the Hajj this year.",
            "1.67 million pilgrims",
            "point",
        ),
        ("وبلغ إجمالي عدد الحجاج هذا العام 1.67 مليون حاج.", "1.67 مليون حاج", "point"),
        ("Some 1.2 million pilgrims have arrived since May 1.", "Some 1.2 million pilgrims", "cumulative"),
    ],
)
def test_a_total_is_a_sum_not_a_running_total(text, figure, aggregation):
    """ "A total of", "إجمالي" add parts up at one time; only "since", "so far" open a running total."""
    assert one(claims_of(text, "2025-06-05"), figure).aggregation == aggregation
