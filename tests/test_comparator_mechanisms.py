"""The mechanisms behind the comparator's cross-source verdicts, each on its own (Arabic and English).

Each test names one cause of a missed disagreement or a false alarm and holds its fix: bounds read as
neighbourhoods, a period's total reported on a later day, a rate's "annual", a place inside another,
another set ("other", "أخرى"), quarters as times, core vs headline inflation.
"""

from __future__ import annotations

import pytest

from factcheck.compare import compare_claims
from factcheck.context import contextualise
from factcheck.extraction import extract, extract_document
from factcheck.text.documents import parse_document


def claims_of(*docs: tuple[str, str, str]) -> list:
    """(text, source, published) per document → their claims in context."""
    out = []
    for k, (text, source, published) in enumerate(docs):
        doc = parse_document(text, f"d{k}", fmt="text", source=source, published=published)
        out.extend(contextualise(doc, extract_document(doc)))
    return out


def finding(claims: list, a: str, b: str):
    """The finding linking the claims written ``a`` and ``b`` (None: never paired)."""
    ids = {c.id for c in claims if c.text in (a, b)}
    for f in compare_claims(claims, include_consistent=True):
        if len(ids & set(f.claims)) == 2:
            return f
    return None


def verdict(claims: list, a: str, b: str) -> str | None:
    """The verdict of the finding linking the claims written ``a`` and ``b`` (None: never paired)."""
    found = finding(claims, a, b)
    return found.verdict if found else None


def one(claims: list, text: str):
    (found,) = [c for c in claims if c.text == text]
    return found


# ------------------------------------------------------------------ bounds


def test_two_upper_bounds_far_apart_conflict():
    claims = claims_of(
        (
            "Up to 180 mm of rain fell on the hills on Tuesday, forecasters said.",
            "Coast Courier",
            "2025-11-12",
        ),
        (
            "Up to 260 mm of rain fell on the hills on Tuesday, the meteorology office said.",
            "Levant Daily",
            "2025-11-12",
        ),
    )
    assert verdict(claims, "Up to 180 mm", "Up to 260 mm") == "conflict"


def test_a_figure_that_satisfies_a_bound_agrees_with_it():
    claims = claims_of(
        ("قال الدفاع المدني إن أكثر من 120 منزلاً تضررت في ريف إدلب.", "شبكة الشمال", "2025-12-01"),
        ("أفاد الدفاع المدني بأن 126 منزلاً تضررت في ريف إدلب.", "صحيفة الوادي", "2025-12-01"),
    )
    assert verdict(claims, "أكثر من 120 منزلاً", "126 منزلاً") == "consistent"


def test_a_bound_reaches_one_step_of_its_last_significant_place():
    from factcheck.compare.agree import neighbourhood

    (more,) = extract("More than 230 schools have reopened.")
    assert neighbourhood(more) == (230, 240)
    (upto,) = extract("Up to 320 mm of rain fell.")
    assert neighbourhood(upto) == (310, 320)


# ------------------------------------------------------------------ time


def test_a_years_total_said_in_january_is_that_years_report():
    claims = claims_of(
        (
            "Tourism income reached 7.2 billion dinars, the ministry said on Sunday.",
            "Amman Post",
            "2025-01-12",
        ),
        (
            "Tourism revenue reached 7.6 billion dinars in 2024, the ministry said on Sunday.",
            "Desert Wire",
            "2025-01-12",
        ),
    )
    assert verdict(claims, "7.2 billion dinars", "7.6 billion dinars") == "conflict"


def test_a_days_peak_reported_a_day_later_is_one_reading():
    claims = claims_of(
        (
            "Peak electricity demand reached about 14,200 MW on Tuesday, the grid operator said.",
            "A",
            "2025-07-16",
        ),
        ("Demand hit some 14,900 MW on Wednesday, a record, the ministry said.", "B", "2025-07-17"),
        ("Demand averaged 9,800 MW in March, the ministry said on Monday.", "C", "2025-04-07"),
    )
    assert verdict(claims, "about 14,200 MW", "some 14,900 MW") == "drift"
    assert verdict(claims, "some 14,900 MW", "9,800 MW") == "trend"


@pytest.mark.parametrize(
    ("text", "published", "figure", "time"),
    [
        (
            "Unemployment rose to 22% in the second quarter of this year.",
            "2025-09-08",
            "22%",
            "2025-04/2025-06",
        ),
        (
            "Exports reached $4.1 billion in the fourth quarter of 2024.",
            "2025-02-10",
            "$4.1 billion",
            "2024-10/2024-12",
        ),
        (
            "وارتفع معدل البطالة إلى ٢١٫٩ في المئة خلال الربع الثاني من العام الحالي.",
            "2025-09-08",
            "٢١٫٩ في المئة",
            "2025-04/2025-06",
        ),
        (
            "وبلغت الصادرات 4.1 مليار دولار في الربع الأخير من عام 2024.",
            "2025-02-10",
            "4.1 مليار دولار",
            "2024-10/2024-12",
        ),
        ("Output fell to 21% in the first half of last year.", "2025-09-08", "21%", "2024-01/2024-06"),
    ],
)
def test_quarters_and_halves_are_times(text, published, figure, time):
    assert one(claims_of((text, "Office", published)), figure).time == time


def test_the_first_half_is_no_figure():
    assert [c.text for c in extract("Output rose 5% in the first half and 3% in the third quarter.")] == [
        "5%",
        "3%",
    ]


def test_annual_inflation_is_a_rate_not_a_yearly_total():
    claims = claims_of(
        ("أظهرت بيانات رسمية أن معدل التضخم السنوي استقر عند ٤٫٩ في المئة في نوفمبر.", "وكالة", "2025-12-04"),
        ("سجل التضخم 5.1 في المئة في أكتوبر الماضي، وفق المعهد الوطني للإحصاء.", "موقع", "2025-11-05"),
    )
    assert verdict(claims, "٤٫٩ في المئة", "5.1 في المئة") == "trend"


# ------------------------------------------------------------------ what is measured, and where


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Core inflation, which excludes food and energy, stood at 2.6%.", "2.6%"),
        ("Inflation eased to 2.1 percent, while core inflation rose to 2.6 percent.", "2.6 percent"),
        ("فيما بلغ التضخم الأساسي 5.4 في المئة.", "5.4 في المئة"),
    ],
)
def test_core_inflation_is_its_own_measure(text, figure):
    assert one(claims_of((text, "Office", "2025-11-21")), figure).measure == "core_inflation"


def test_core_inflation_never_meets_headline_inflation():
    claims = claims_of(
        (
            "Inflation eased to 2.1 percent in October, while core inflation rose to 2.6 percent.",
            "A",
            "2025-11-21",
        ),
        ("Morocco's annual inflation slowed to 2.1% in October, the commission said.", "B", "2025-11-21"),
    )
    assert verdict(claims, "2.6 percent", "2.1%") is None


def test_a_provinces_count_never_meets_the_countrys():
    claims = claims_of(
        ("The health ministry said 35 children were killed in the Beqaa on Monday.", "A", "2024-09-23"),
        ("قالت وزارة الصحة إن ٥٠ طفلاً قتلوا في لبنان يوم الاثنين.", "B", "2024-09-23"),
    )
    assert verdict(claims, "35 children", "٥٠ طفلاً") is None


def test_a_currencys_country_is_not_a_place():
    claims = claims_of(
        ("وبلغ سعر صرف الدولار في السوق السوداء بدمشق 11,500 ليرة سورية في أكتوبر 2025.", "A", "2025-10-15"),
        ("The dollar traded at 1,250 Syrian pounds in Damascus in January 2020.", "B", "2020-01-20"),
    )
    assert verdict(claims, "11,500 ليرة سورية", "1,250 Syrian pounds") == "trend"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "Some 1,200 families left. About 400 other families registered to return.",
            "About 400 other families",
        ),
        ("Another 30 trucks arrived on Tuesday.", "30 trucks"),
        ("غادرت 1200 أسرة المخيم، وسجلت نحو 400 أسرة أخرى أسماءها.", "نحو 400 أسرة"),
        ("دخلت 64 شاحنة، وما زالت 20 شاحنة إضافية تنتظر عند المعبر.", "20 شاحنة"),
    ],
)
def test_another_set_is_marked(text, figure):
    assert one(claims_of((text, "Office", "2025-04-19")), figure).scope == "other"


def test_another_set_is_never_a_restatement():
    claims = claims_of(
        (
            "قال المدير إن 1200 أسرة غادرت المخيمين، وإن نحو 1200 أسرة أخرى سجلت أسماءها للعودة.",
            "A",
            "2025-04-19",
        ),
    )
    assert verdict(claims, "1200 أسرة", "نحو 1200 أسرة") is None


def test_one_measure_of_people_named_by_other_nouns_meets():
    claims = claims_of(
        ("About 5.1 million Jordanians were registered to vote, the commission said.", "A", "2024-09-10"),
        ("قالت الهيئة إن نحو 5.3 مليون ناخب مسجلون للتصويت في الانتخابات.", "B", "2024-09-10"),
    )
    from factcheck.compare import match
    from factcheck.compare.rules import default

    a, b = one(claims, "About 5.1 million Jordanians"), one(claims, "نحو 5.3 مليون ناخب")
    assert a.measure == b.measure == "registered_voters"
    assert match.identity_why(a, b, default())[0] is not None


def test_a_years_total_said_early_in_the_next_year_is_not_that_years():
    claims = claims_of(
        ("Tourism revenue reached 104 billion dirhams, the ministry said on Monday.", "A", "2024-01-08"),
        ("Tourism revenue reached 121 billion dirhams in 2024, the ministry said.", "B", "2025-01-06"),
    )
    assert verdict(claims, "104 billion dirhams", "121 billion dirhams") in (None, "trend")


@pytest.mark.parametrize(
    ("text", "figure", "time"),
    [
        (  # the year belongs to a relative clause about the camps, not to the figure
            "The ministry said on Thursday that about 14,000 people were still living in the two camps "
            "near Duhok that shelter Yazidis displaced from Sinjar in 2014.",
            "about 14,000 people",
            "2025-04-17",
        ),
        ("About 30,000 people who lived in the camp in 2019 have left.", "About 30,000 people", "2019"),
        (
            "قالت الوزارة إن نحو 14 ألف شخص ما زالوا يقيمون في المخيمين "
            "اللذين يؤويان نازحين فروا من سنجار عام 2014.",
            "نحو 14 ألف شخص",
            "2025-04-17",
        ),
    ],
)
def test_a_later_relative_clause_keeps_its_time(text, figure, time):
    assert one(claims_of((text, "Office", "2025-04-17")), figure).time == time


def test_a_running_totals_start_carries_on_as_the_running_total():
    """ "Since Saturday" opens a running total; the next sentence's figure, with no time of its own,
    is counted over the same stretch, not on Saturday alone."""
    text = (
        "أعلنت السلطة المحلية، الثلاثاء، ارتفاع حصيلة ضحايا السيول منذ السبت إلى 17 وفاة. "
        "وأوضحت في بيان أن السيول ألحقت أضراراً بنحو 1200 منزل."
    )
    claims = claims_of((text, "Office", "2025-08-12"))
    assert one(claims, "17 وفاة").time == one(claims, "بنحو 1200 منزل").time == "2025-08-09/2025-08-12"


def test_a_units_own_name_is_not_the_goods():
    """ "3.37 million barrels per day (bpd)" and "3.47 million bpd of crude" are one export figure:
    "bpd" names the unit, not what is measured."""
    claims = claims_of(
        (
            "Iraq's crude exports averaged 3.37 million barrels per day (bpd) in January, "
            "the oil ministry said.",
            "A",
            "2025-02-03",
        ),
        (
            "Iraq exported an average of 3.47 million bpd of crude in January, the oil ministry said.",
            "B",
            "2025-02-03",
        ),
    )
    assert verdict(claims, "3.37 million barrels per day", "3.47 million bpd") == "conflict"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("It carried out 287 operations in September, arresting 131 suspects.", "131 suspects"),
        ("اعتقلت القوات 131 مشتبهاً به في 287 عملية.", "131 مشتبهاً"),
    ],
)
def test_suspects_are_counted_not_operations(text, figure):
    """A count of suspects arrested is its own counted noun, never the operations it came from."""
    assert one(claims_of((text, "Command", "2025-10-05")), figure).unit == "suspect"


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Some 1,120 aid trucks entered Gaza in the past week, the army said on Thursday. "
            "The UN said its teams collected the cargo of 650 trucks over the same period.",
            "Some 1,120 aid trucks",
            "650 trucks",
        ),
        (
            "قالت الأمم المتحدة إن فرقها استلمت حمولة 560 شاحنة خلال الأسبوع الماضي. "
            "في المقابل، قالت السلطات إن نحو 1160 شاحنة دخلت القطاع خلال الفترة نفسها.",
            "560 شاحنة",
            "نحو 1160 شاحنة",
        ),
    ],
)
def test_the_same_period_is_the_period_of_the_figure_before(text, first, second):
    claims = claims_of((text, "Desk", "2025-08-14"))
    assert one(claims, first).time == one(claims, second).time == "2025-08-04/2025-08-10"


def test_a_days_count_never_meets_a_weeks():
    claims = claims_of(
        ("Only 188 trucks entered Gaza on Wednesday, the crossings authority said.", "A", "2025-06-19"),
        ("Some 312 aid trucks entered Gaza last week, the UN said.", "B", "2025-06-19"),
    )
    assert verdict(claims, "Only 188 trucks", "Some 312 aid trucks") is None


def test_trucks_entering_never_meet_trucks_collected():
    claims = claims_of(
        (
            "COGAT said 312 aid trucks entered Gaza last week, but the UN said its teams were able to "
            "collect only 188 trucks from the crossing in the same period.",
            "A",
            "2025-06-18",
        ),
        (
            "أعلنت كوغات أن 213 شاحنة مساعدات دخلت قطاع غزة الأسبوع الماضي، بينما قالت الأمم المتحدة "
            "إن فرقها لم تتمكن من استلام سوى 180 شاحنة خلال الفترة ذاتها.",
            "B",
            "2025-06-18",
        ),
    )
    assert one(claims, "312 aid trucks").event == one(claims, "213 شاحنة").event == "entered"
    assert one(claims, "only 188 trucks").event == one(claims, "180 شاحنة").event == "collected"
    assert verdict(claims, "312 aid trucks", "only 188 trucks") is None
    assert verdict(claims, "312 aid trucks", "213 شاحنة") == "conflict"


def test_a_standing_count_of_displaced_people_meets_over_a_month():
    """People displaced are a standing total, not a count of what happened in its span: "1.9 million
    now" and "2.05 million this month" are one quantity."""
    text = (
        "قال الفريق إن نحو 1.9 مليون نازح يعيشون في محافظة إدلب حالياً. "
        "وأضاف الفريق أن عدد النازحين في إدلب يبلغ هذا الشهر 2.05 مليون نازح."
    )
    claims = claims_of((text, "Syria TV", "2025-06-10"))
    assert verdict(claims, "نحو 1.9 مليون نازح", "2.05 مليون نازح") == "drift"


def test_a_rate_per_year_said_on_two_days_is_one_reading():
    """ "126 billion pounds a year", said on 25 May and on 30 May: the days are when it was said, not
    two periods."""
    claims = claims_of(
        (
            "Bread subsidies cost Egypt 126 billion pounds a year on Saturday's figures, "
            "the prime minister said.",
            "A",
            "2024-05-25",
        ),
        (
            "Bread subsidies cost Egypt about 120 billion pounds a year on Thursday's figures, "
            "the ministry said.",
            "B",
            "2024-05-30",
        ),
    )
    assert verdict(claims, "126 billion pounds", "about 120 billion pounds") == "drift"


def test_a_tally_the_text_updates_is_a_trend_not_a_conflict():
    claims = claims_of(
        (
            "The emergency centre in Benghazi said 96 people were killed in the floods on Friday.",
            "A",
            "2025-09-12",
        ),
        ("ارتفعت حصيلة قتلى الفيضانات في بنغازي إلى 121 قتيلاً، بحسب مركز الطوارئ، الأحد.", "B", "2025-09-14"),
    )
    assert verdict(claims, "96 people", "121 قتيلاً") == "trend"


def test_a_months_rate_that_rose_is_no_running_total():
    claims = claims_of(
        ("Monthly inflation rose to 1.4% in February, the statistics agency said.", "A", "2025-03-10"),
        ("Monthly inflation stood at 1.5% in January, the agency said.", "B", "2025-02-10"),
    )
    assert verdict(claims, "1.4%", "1.5%") in (None, "trend")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The IOM said 21,762 migrants were intercepted at sea off Libya in 2024.",
            "قالت المنظمة إن نحو 21 ألفاً و800 مهاجر اعترضوا في البحر قبالة ليبيا عام 2024.",
            "consistent",
        ),
        (
            "Some 66,300 migrants reached Italy by sea in 2024, interior ministry data showed.",
            "وصل 66 ألفاً و317 مهاجراً إلى إيطاليا بحراً خلال عام 2024، وفق بيانات وزارة الداخلية.",
            "consistent",
        ),
    ],
)
def test_a_hedged_figure_is_rounded_to_its_last_spoken_place(a, b, expected):
    claims = claims_of((a, "A", "2025-01-03"), (b, "B", "2025-01-03"))
    first = next(c for c in claims if c.doc == "d0")
    second = next(c for c in claims if c.doc == "d1")
    assert verdict(claims, first.text, second.text) == expected


@pytest.mark.parametrize(
    ("later", "figure", "expected"),
    [
        ("قالت الوزارة إن 12,000 شخص قتلوا في الحرب حتى الآن.", "12,000 شخص", "conflict"),
        ("قالت الوزارة إن 16,500 شخص قتلوا في الحرب حتى الآن.", "16,500 شخص", "trend"),
        ("The ministry said 12,000 people have been killed in the war to date.", "12,000 people", "conflict"),
    ],
)
def test_a_running_total_lower_many_months_later_stays_a_disagreement(later, figure, expected):
    """Times further apart than the trend window make a change, but not for a running total: its later,
    lower figure with no revision said cannot be an update."""
    claims = claims_of(
        ("The ministry said 15,000 people had been killed in the war so far.", "A", "2024-01-10"),
        (later, "B", "2025-09-14"),
    )
    assert verdict(claims, "15,000 people", figure) == expected


def test_a_subject_keys_first_word_is_a_unit_only_when_it_names_one():
    """A figure with no unit of its own counts what its subject key's first word names when that word
    is a unit ("fighter" inherited from "146 militants"), never an ordinary word of the text
    ("rials", "remained"), which would pair it only with figures that share that word."""
    from dataclasses import replace

    from factcheck.compare.match import concept

    (c,) = [c for c in claims_of(("The dollar sold for 1,043,000 rials on Sunday.", "A", "2025-03-30"))]
    assert concept(replace(c, unit=None, subject_key="fighter militants")) == "fighter"
    assert concept(replace(c, unit=None, subject_key="km road")) == "km"
    for key in ("rials open market", "remained open", "houthis sanaa"):
        assert concept(replace(c, unit=None, subject_key=key)) is None


@pytest.mark.parametrize(
    ("later_day", "expected"),
    [("2025-03-20", "trend"), ("2025-01-21", "conflict")],
)
def test_a_reservoirs_stock_two_months_apart_is_a_change(later_day, expected):
    """What a reservoir holds (and a grid produces) moves from month to month: two readings more than a
    month apart are a change over time, the same readings a day apart a disagreement."""
    claims = claims_of(
        ("The dams of the Souss basin held 4.3 billion cubic metres in storage on Monday, the ministry said.",
         "A", "2025-01-20"),
        ("قالت وزارة الماء إن مخزون سدود حوض سوس بلغ 3.1 مليار متر مكعب الإثنين.", "B", later_day),
    )  # fmt: skip
    assert verdict(claims, "4.3 billion cubic metres", "3.1 مليار متر مكعب") == expected


def _levels(claims: list, a: str, b: str) -> set[str]:
    ids = {c.id for c in claims if c.text in (a, b)}
    return {f.level for f in compare_claims(claims) if len(ids & set(f.claims)) == 2}


@pytest.mark.parametrize(
    ("later", "part"),
    [
        ("ارتفعت حصيلة قصف مستودع الوقود في سبها إلى 37 قتيلاً الأحد بعد وفاة خمسة من الجرحى في المستشفى، "
         "وفق مكتب الصحة.", "خمسة"),
        ("Health officials said on Sunday that five of the injured had died in hospital since the bombing "
         "of the fuel depot in Sabha.", "five"),
    ],
)  # fmt: skip
def test_a_bare_number_far_from_a_count_is_no_error(later, part):
    """A number with no counted noun of its own, more than three times off the other figure ("after five
    of the injured died" next to "at least 32 killed"), is likelier a part or another quantity than a
    misreport: at most a possible conflict (info), never a warning or an error."""
    claims = claims_of(
        ("قتل 32 شخصاً على الأقل في قصف مستودع الوقود في سبها الجمعة، بحسب مسؤولين.", "A", "2025-03-07"),
        (later, "B", "2025-03-09"),
    )
    assert _levels(claims, "32 شخصاً على الأقل", part) <= {"info"}


@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        ("ارتفعت حصيلة انهيار سوق الخضار في الموصل إلى 41 قتيلاً الاثنين بعد وفاة ستة من المصابين في "
         "المستشفى، بحسب الدفاع المدني.", "41 قتيلاً", "ستة"),
        ("The civil defence said 41 people were killed in the collapse of the Mosul vegetable market after "
         "six of the wounded died in hospital.", "41 people", "six"),
    ],
)  # fmt: skip
def test_words_a_bare_number_borrows_make_it_alike_to_nothing(text, whole, part):
    """A figure with no counted noun of its own ("after six of the wounded died") borrows the subject of
    the figure before it; that borrowed subject resembles the whole's says nothing of the part: the two
    in one sentence are at most a possible conflict, never an error."""
    claims = claims_of((text, "B", "2025-04-07"))
    assert {c.text for c in claims} >= {whole, part}
    assert _levels(claims, whole, part) <= {"info"}


@pytest.mark.parametrize(
    "province",
    [
        "سجلت السلطات الصحية 21 وفاة بالحصبة في محافظة إب وسط اليمن منذ مطلع الشهر.",
        "Health authorities have recorded 21 measles deaths in Ibb province, in central Yemen, since the "
        "start of the month.",
    ],
)
def test_a_place_named_with_its_country_is_still_a_part_of_the_country(province):
    """ "Ibb province, in central Yemen" names where Ibb is: the figure is Ibb's, a part of Yemen's,
    so it never meets the country's own figure."""
    claims = claims_of(
        (province, "A", "2025-04-10"),
        ("The WHO said 97 measles deaths had been reported across Yemen since the start of the month.",
         "B", "2025-04-10"),
    )  # fmt: skip
    part = next(c.text for c in claims if c.text.startswith(("21", "٢١")) or "21 " in c.text)
    assert verdict(claims, part, "97 measles deaths") in (None, "trend")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "Most returns came from Lebanon, with about 96,000, followed by Turkey with 71,000, Jordan "
            "with 38,000 and Iraq with about 12,000, the agency said on Monday.",
            {"71,000": "Turkey", "38,000": "Jordan", "about 12,000": "Iraq"},
        ),
        (
            "وقالت المنظمة الاثنين إن معظم العائدين جاؤوا من لبنان، تلته تركيا بـ71 ألفاً، ثم الأردن "
            "بـ38 ألفاً، والعراق بنحو 12 ألفاً.",
            {"بـ71 ألفاً": "Turkey", "بـ38 ألفاً": "Jordan", "بنحو 12 ألفاً": "Iraq"},
        ),
    ],
)
def test_each_figure_of_a_list_of_places_is_its_places(text, figures):
    """In a list of places each followed by its figure ("Turkey with 71,000", "تركيا بـ71 ألفاً"), the
    figure is that place's, not the sentence's: two countries' counts never meet."""
    claims = claims_of((text, "A", "2025-08-25"))
    for figure, place in figures.items():
        assert one(claims, figure).entities == (place,), figure
    texts = list(figures)
    assert verdict(claims, texts[0], texts[1]) is None


@pytest.mark.parametrize("word", ["مرتبات", "المرتبات", "رواتب"])
def test_salaries_in_either_arabic_word_are_the_wage_bill(word):
    """ "مرتبات" and "رواتب" both name salaries: a wage bill in either word meets the English one."""
    claims = claims_of(
        (f"وقالت وزارة المالية إن {word} القطاع العام بلغت 58 مليار دينار العام الماضي.", "A", "2024-03-02"),
        ("The finance ministry said public-sector salaries came to about 57 billion dinars last year.",
         "B", "2024-03-02"),
    )  # fmt: skip
    assert one(claims, "58 مليار دينار").measure == "wage"
    assert verdict(claims, "58 مليار دينار", "about 57 billion dinars") == "drift"


@pytest.mark.parametrize(
    ("text", "figure", "time"),
    [
        ("Tunisia's jobless rate fell to 15.7% in the second quarter of 2025 from 16.9% a year earlier, "
         "the statistics institute said.", "16.9%", "2024-04/2024-06"),
        ("Wheat imports reached 1.2 million tonnes in March, against 0.9 million tonnes a year ago, "
         "customs data showed.", "0.9 million tonnes", "2024-03"),
        ("تراجع معدل البطالة في تونس إلى 15.7 في المئة في الربع الثاني من 2025 مقارنة بـ16.9 في المئة "
         "قبل عام.", "بـ16.9 في المئة", "2024-04/2024-06"),
    ],
)  # fmt: skip
def test_a_year_earlier_is_the_figure_befores_time_a_year_back(text, figure, time):
    """ "from 16.9% a year earlier", "قبل عام": the figure is the one before's period a year back, and
    "a year" there is no rate per year."""
    claims = claims_of((text, "A", "2025-08-15"))
    found = one(claims, figure)
    assert found.time == time
    assert found.aggregation != "per_year"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("ارتفعت صادرات الفوسفات إلى 5 مليارات دولار في العام الماضي، بحسب الوزارة.", "5 مليارات دولار"),
        ("Phosphate exports rose to $5 billion last year, the ministry said.", "$5 billion"),
    ],
)
def test_last_year_is_a_time_not_a_rate_per_year(text, figure):
    claims = claims_of((text, "A", "2025-03-01"))
    found = one(claims, figure)
    assert found.time == "2024" and found.aggregation != "per_year"


def test_years_back_keeps_the_shape_of_a_time():
    from factcheck.context.timescope import years_back

    assert years_back("2025-01/2025-03") == "2024-01/2024-03"
    assert years_back("2024-02-29") == "2023-02-28"
    assert years_back("2025") == "2024" and years_back(None) is None and years_back("soon") is None


# ------------------------------------------------------------------ spending, running totals from one start


@pytest.mark.parametrize(
    ("text", "lang", "figure", "measure"),
    [
        (
            "The state spent 940 billion dinars on roads and bridges since 2010, the minister said.",
            "en",
            "940 billion dinars",
            "spending",
        ),
        (
            "The treasury spends about 48 billion dinars a year on electricity subsidies, officials said.",
            "en",
            "about 48 billion dinars",
            "subsidy",
        ),
        (
            "وقال الوزير إن الحكومة أنفقت 940 مليار دينار على الطرق والجسور منذ عام 2010.",
            "ar",
            "940 مليار دينار",
            "spending",
        ),
        (
            "وقالت الوزارة إن الخزينة تنفق نحو 48 مليار دينار سنوياً على دعم الكهرباء.",
            "ar",
            "نحو 48 مليار دينار",
            "subsidy",
        ),
    ],
)
def test_spending_is_a_measure_unless_what_it_goes_to_names_one(text, lang, figure, measure):
    """Money spent measures spending; spent on subsidies or salaries, it measures those."""
    claims = claims_of((text, "Desk", "2025-03-04"))
    assert one(claims, figure).measure == measure


@pytest.mark.parametrize(
    ("start_b", "expected"),
    [("since 2010", "conflict/error"), ("since 2016", None)],
)
def test_running_totals_from_one_start_are_one_series(start_b, expected):
    """Two outlets' totals of money paid "since 2010": the shared start is evidence of one quantity,
    enough to raise the disagreement to an error; totals from different starts never meet."""
    claims = claims_of(
        (
            "The farm fund has paid 940 million dinars to growers since 2010, its director said on Monday.",
            "Amman Ledger",
            "2025-03-04",
        ),
        (
            f"The farm fund has paid growers 620 million dinars {start_b}, its director told reporters "
            "on Monday.",
            "Petra Wire",
            "2025-03-04",
        ),
    )
    found = finding(claims, "940 million dinars", "620 million dinars")
    assert (found and f"{found.verdict}/{found.level}") == expected


@pytest.mark.parametrize(
    ("arabic", "expected"),
    [("أكثر من 300 ألف تلميذ", "conflict"), ("أكثر من 320 ألف تلميذ", None)],
)
def test_a_figure_that_slipped_a_place_is_a_misreport_not_another_size(arabic, expected):
    """30,000 vs 300,000 pupils in one city's schools on one day: the same digits a place apart are a
    figure mistyped, not two sizes of things too far apart to compare (32 vs 300 thousand stays apart)."""
    claims = claims_of(
        (
            "About 30,000 pupils attend schools in Mosul, the education directorate said on Tuesday.",
            "Tigris Wire",
            "2025-05-20",
        ),
        (
            f"قالت مديرية التربية الثلاثاء إن {arabic} يداومون في مدارس الموصل.",
            "Nineveh Daily",
            "2025-05-20",
        ),
    )
    assert verdict(claims, "About 30,000 pupils", arabic) == expected


@pytest.mark.parametrize(
    ("x", "y", "slipped"),
    [
        (400_000, 40_000, True),  # one digit, but thousands: a place slipped
        (2_100, 21_000, True),
        (1.5, 1500, True),
        (4, 400, False),  # one small digit: as likely two counts
        (5, 5_000_000, False),  # further than three places
        (1_835, 1_853, False),  # transposed, not shifted
        (3_100, 310, True),
        (0, 0, False),
    ],
)
def test_shifted_figures_are_the_same_digits_a_few_places_apart(x, y, slipped):
    from factcheck.compare.match import shifted

    assert shifted(x, y) is slipped


def test_counts_of_one_body_of_people_meet_whatever_noun_counts_them():
    """Registered voters counted as "Tunisians" in one outlet and as "ناخب" in the other: the measure
    names the quantity, so the two are candidates for each other (and drift apart)."""
    claims = claims_of(
        (
            "About 9.1 million Tunisians were registered to vote, the electoral commission said on Monday.",
            "Carthage Post",
            "2025-09-08",
        ),
        (
            "وقالت هيئة الانتخابات الاثنين إن عدد الناخبين المسجلين بلغ نحو 9.4 مليون ناخب.",
            "Tunis Wire",
            "2025-09-08",
        ),
    )
    assert verdict(claims, "About 9.1 million", "نحو 9.4 مليون ناخب") == "drift"


# ------------------------------------------------------------------ goods, and the currency of a document


@pytest.mark.parametrize(
    ("text", "lang", "goods"),
    [
        (
            "Jordan raised the price of 90-octane gasoline to 1.02 dinars a litre from 0.96 dinars, and "
            "diesel rose to 0.71 dinars.",
            "en",
            {"1.02 dinars": "gasoline.90", "0.96 dinars": "gasoline.90", "0.71 dinars": "diesel"},
        ),
        (
            "ورفعت الحكومة سعر لتر بنزين 90 إلى 1.02 دينار بدلاً من 0.96 دينار، وسعر لتر السولار إلى "
            "0.71 دينار.",
            "ar",
            {"1.02 دينار": "gasoline.90", "0.96 دينار": "gasoline.90", "0.71 دينار": "diesel"},
        ),
    ],
)
def test_a_price_is_of_the_goods_named_before_it(text, lang, goods):
    """What a price is of: the goods named earlier in its sentence (the "from" side of a change too),
    the grade when one is named."""
    claims = claims_of((text, "Desk", "2025-03-04"))
    assert {c.text: c.goods for c in claims} == goods


@pytest.mark.parametrize(
    ("grade_b", "expected"),
    [("95-octane gasoline", None), ("92-octane gasoline", "conflict"), ("gasoline", "conflict")],
)
def test_prices_of_two_grades_never_meet_but_a_grade_meets_its_kind(grade_b, expected):
    claims = claims_of(
        (
            "Egypt raised the price of 92-octane gasoline to 17.25 pounds a litre on Friday, the petroleum "
            "ministry said.",
            "Nile Wire",
            "2024-10-18",
        ),
        (
            f"Egypt on Friday raised the price of {grade_b} to 19.25 pounds a litre, the petroleum ministry "
            "said.",
            "Cairo Post",
            "2024-10-18",
        ),
    )
    assert verdict(claims, "17.25 pounds", "19.25 pounds") == expected


@pytest.mark.parametrize(
    ("text", "lang", "figure", "unit"),
    [
        (
            "قررت الحكومة المصرية رفع الأسعار. وتبلغ فاتورة الدعم نحو 120 مليار جنيه سنوياً.",
            "ar",
            "نحو 120 مليار جنيه",
            "EGP",
        ),
        (
            "Jordan's parliament passed the budget. Salaries take about 4.1 billion dinars.",
            "en",
            "about 4.1 billion dinars",
            "JOD",
        ),
        ("وتبلغ فاتورة الدعم نحو 120 مليار جنيه سنوياً.", "ar", "نحو 120 مليار جنيه", "pound"),
    ],
)
def test_a_currency_word_takes_the_currency_of_the_country_its_article_is_about(text, lang, figure, unit):
    """ "جنيه" in an article about Egypt is the Egyptian pound; with no country named it stays the word."""
    assert one(claims_of((text, "Desk", "2025-03-04")), figure).unit == unit


def test_a_currency_word_no_place_settles_meets_the_codes_of_its_family():
    """One outlet's "dinars" in an article naming no country, another's Libyan dinars: one sum."""
    claims = claims_of(
        (
            "Libya's parliament approved a 2024 budget on Wednesday, with salaries taking about 65 billion "
            "dinars, the finance committee said.",
            "Tripoli Post",
            "2024-07-10",
        ),
        (
            "صادق مجلس النواب الأربعاء على ميزانية 2024، وتتضمن 67 مليار دينار للمرتبات بحسب لجنة المالية.",
            "Barqa Daily",
            "2024-07-10",
        ),
    )
    assert one(claims, "about 65 billion dinars").unit == "LYD"
    assert one(claims, "67 مليار دينار").unit == "dinar"
    assert verdict(claims, "about 65 billion dinars", "67 مليار دينار") == "drift"


def test_million_tonnes_per_annum_is_a_yearly_mass_that_meets_tonnes_a_year():
    """ "77 mtpa" is 77 million tonnes a year: the unit converts to tonnes and says its own rate."""
    claims = claims_of(
        (
            "Qatar's liquefied gas capacity stands at 77 mtpa, the energy minister said on Sunday.",
            "Gulf Wire",
            "2024-02-25",
        ),
        (
            "وقال وزير الطاقة الأحد إن الطاقة الإنتاجية لقطر من الغاز المسال تبلغ 79 مليون طن سنوياً.",
            "Doha Daily",
            "2024-02-25",
        ),
    )
    figure = one(claims, "77 mtpa")
    assert (figure.unit, figure.aggregation) == ("Mt", "per_year")
    assert verdict(claims, "77 mtpa", "79 مليون طن") == "drift"


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("dunam", "ha", 0.1),
        ("feddan", "ha", 0.42),
        ("kbbl/d", "bbl/d", 1000),
        ("quintal", "t", 0.1),
        ("Mt", "t", 1_000_000),
        ("bcm", "m**3", 1e9),
        ("km", "mile", 0.621371),
    ],
)
def test_a_unit_defined_as_a_multiple_converts_by_its_multiple(source, target, factor):
    """A dunam is 1,000 m², a quintal 100 kg: the multiple in a unit's definition counts (converting to
    the target's units alone dropped it)."""
    from factcheck.compare import units

    assert units.factor(source, target) == pytest.approx(factor, rel=1e-5)
    assert units.factor(source, target) * units.factor(target, source) == pytest.approx(1.0)


def test_last_season_is_last_year():
    claims = claims_of(
        (
            "وتوقع الوزير محصولاً يناهز 4.4 ملايين طن، بعد أن تراجع المحصول في الموسم الماضي "
            "إلى 3.1 ملايين طن.",
            "Rabat Wire",
            "2025-04-22",
        ),
    )
    assert one(claims, "3.1 ملايين طن").time == "2024"


@pytest.mark.parametrize(
    ("arabic", "unit"),
    [
        ("وسجلت الوزارة 12 ألفاً و900 إصابة بالكوليرا منذ مطلع العام.", "case"),
        ("وأسفر القصف عن 12 ألفاً و900 إصابة في صفوف المدنيين منذ مطلع العام.", "injured"),
    ],
)
def test_an_arabic_infection_count_is_cases_of_the_disease_it_names(arabic, unit):
    """ "إصابة" counts the injured, or cases when a disease is named near it: then it meets the English
    outlet's cholera cases (and an injury count never does)."""
    claims = claims_of(
        (
            "The ministry has recorded 12,400 cholera cases since the start of the year.",
            "Aden Wire",
            "2025-05-08",
        ),
        (arabic, "Sanaa Daily", "2025-05-08"),
    )
    figure = one(claims, "12 ألفاً و900 إصابة")
    assert figure.unit == unit
    assert (verdict(claims, "12,400 cholera cases", figure.text) is not None) is (unit == "case")


def test_a_funding_gap_is_the_shortfall_in_other_words():
    """ "a funding gap of $214 million" and "a shortfall of roughly $207 million": one deficit (a gap is
    not the appeal itself)."""
    claims = claims_of(
        (
            "The agency opened its schools on Tuesday despite a funding gap of $88 million in its education "
            "programme.",
            "Amman Ledger",
            "2025-08-26",
        ),
        (
            "The agency faces a shortfall of roughly $84 million for its education programme this year, it "
            "said on Tuesday.",
            "Levant Daily",
            "2025-08-27",
        ),
    )
    assert one(claims, "$88 million").measure == one(claims, "roughly $84 million").measure == "deficit"
    assert verdict(claims, "$88 million", "roughly $84 million") == "drift"


# ------------------------------------------------------------------ names of bodies are no cues


@pytest.mark.parametrize(
    ("text", "figure", "not_measure"),
    [
        ("The Joint Operations Command said 140 suspects were detained last month.", "140 suspects",
         "operations"),
        ("The Reconstruction and Development Coalition won 46 seats, the commission said.", "46 seats",
         "reconstruction"),
        ("The Ministry of Investment said 320 companies registered this year.", "320 companies",
         "investment"),
        ("وقالت قيادة العمليات المشتركة إن 140 مشتبهاً اعتقلوا الشهر الماضي.", "140 مشتبهاً",
         "operations"),
        ("وحصل ائتلاف الإعمار والتنمية على 46 مقعداً بحسب المفوضية.", "46 مقعداً", "reconstruction"),
    ],
)  # fmt: skip
def test_a_measure_word_inside_a_bodys_name_is_no_cue(text, figure, not_measure):
    """ "Operations" in "Joint Operations Command", "الإعمار" in a coalition's name: the figure counts
    suspects or seats, not operations or reconstruction."""
    assert one(claims_of((text, "Wire", "2025-11-15")), figure).measure != not_measure


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("Military operations rose to 22 last month, the command said.", "22", "operations"),
        ("حرر البنك المركزي سعر الصرف عند 50.6 جنيه للدولار.", "50.6 جنيه", "exchange_rate"),
        ("Reconstruction will cost $2bn, the ministry said.", "$2bn", "reconstruction"),
        ("وقالت الوزارة إن إعادة الإعمار ستكلف ملياري دولار.", "ملياري دولار", "reconstruction"),
    ],
)
def test_the_same_words_outside_a_name_still_say_what_is_measured(text, figure, measure):
    """A head word's adjective ends the name ("البنك المركزي سعر الصرف"); a measure word a body's
    name does not hold keeps its meaning."""
    assert one(claims_of((text, "Wire", "2025-11-15")), figure).measure == measure


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("وقالت وزارة الشباب إن 1200 رياضياً شاركوا في الدورة العربية.", "1200 رياضياً"),
        ("The Ministry of Youth said 1,200 athletes took part in the Arab Games.", "1,200 athletes"),
    ],
)
def test_a_ministry_named_for_youth_does_not_make_its_figure_one_of_young_people(text, figure):
    """ "وزارة الشباب", "Ministry of Youth" gave the athletes the group "youth", and a group never meets
    a figure of everyone."""
    assert one(claims_of((text, "Wire", "2025-07-12")), figure).group is None


# ------------------------------------------------------------------ counted nouns no lexicon lists


@pytest.mark.parametrize(
    ("lang", "text", "figure", "unit"),
    [
        ("en", "About 1,450 athletes took part in the games.", "About 1,450 athletes", "athlete"),
        ("en", "Some 26,434 vessels crossed the canal last year.", "Some 26,434 vessels", "vessel"),
        ("en", "It said 5,000 health facilities were damaged.", "5,000 health facilities", "facility"),
        ("en", "Rebels killed 11 HTS fighters.", "11 HTS fighters", "fighter"),
        ("en", "About 2,000 firefighters were deployed.", "About 2,000 firefighters", "firefighter"),
        ("ar", "وقال إن 23 مصدراً للمياه تبين أنها ملوثة.", "23 مصدراً", "مصدر"),
        ("ar", "وتحتاج المستشفيات إلى 40 ألف سرير إضافي.", "40 ألف سرير", "سرير"),
        ("ar", "وهدمت السلطات 836 منشأة في الضفة الغربية.", "836 منشأة", "منشاه"),
    ],
)  # fmt: skip
def test_a_counted_noun_no_lexicon_lists_is_the_unit(lang, text, figure, unit):
    """A noun after the number that no lexicon lists still counts something: its lemma is the unit
    (a listed noun further on still wins: "11 HTS fighters" counts fighters)."""
    (claim,) = [c for c in extract(text, lang=lang) if c.text == figure]
    assert claim.unit == unit


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("en", "Prices rose 3 times in 2019.", "3"),
        ("en", "Officials said 120 others were rescued.", "120 others"),
        ("en", "About 1,600 Moroccans joined armed groups.", "About 1,600"),
        ("ar", "وارتفع العدد إلى 32 ألفاً عام 2020.", "32 ألفاً"),
        ("ar", "وقال إن 8.8 مليون نزحوا منذ اندلاع الحرب.", "8.8 مليون"),
        ("ar", "وأضاف أن 12 منها تضررت.", "12"),
    ],
)
def test_no_unit_from_a_time_a_verb_a_name_or_a_pronoun(lang, text, figure):
    """A year word, a verb, a capitalised name and a pronoun after the number count nothing."""
    found = [c for c in extract(text, lang=lang) if c.text == figure]
    assert found and found[0].unit is None


def test_figures_of_one_unlisted_noun_meet_and_of_two_never():
    claims = claims_of(
        ("About 1,450 athletes took part in the Arab Games in Algiers, the organisers said.", "A",
         "2025-07-12"),
        ("Some 1,700 athletes took part in the Arab Games in Algiers, officials said, and 900 volunteers "
         "helped.", "B", "2025-07-12"),
    )  # fmt: skip
    assert verdict(claims, "About 1,450 athletes", "Some 1,700 athletes") in ("drift", "conflict")
    assert verdict(claims, "About 1,450 athletes", "900 volunteers") is None


def test_an_unlisted_noun_meets_the_other_language_on_its_frame():
    """A noun no lexicon lists names nothing in the other language: across languages the figure is
    read as a bare number, which meets on what its frame measures (a seizure) and where."""
    claims = claims_of(
        ("Jordan's army said it seized 1,400 slabs of hashish on the border with Syria on Monday.", "A",
         "2025-02-17"),
        ("وقال مصدر أمني إن الجيش ضبط 4100 لوح حشيش على الحدود مع سوريا يوم الاثنين.", "B", "2025-02-17"),
    )  # fmt: skip
    assert one(claims, "1,400 slabs").unit == "slab" and one(claims, "4100 لوح").unit == "لوح"
    assert verdict(claims, "1,400 slabs", "4100 لوح") == "conflict"


DONORS = (
    ("Germany pledged 300 million euros at the Brussels conference on Monday, its ministry said.", "A",
     "2025-03-17"),
    ("تعهدت فرنسا بتقديم 310 ملايين يورو خلال مؤتمر بروكسل الاثنين.", "B", "2025-03-17"),
    ("France pledged 280 million euros in Brussels on Monday, its foreign minister said.", "C", "2025-03-18"),
)  # fmt: skip


def test_two_donors_pledges_are_two_quantities_and_one_donors_meet():
    """Whose pledge it is (the holder named before it in its clause) is the frame's owner: Germany's and
    France's pledges at one conference are never one figure misreported, while France's in two outlets and
    two languages still meet."""
    claims = claims_of(*DONORS)
    owners = {c.text: c.owner for c in claims}
    assert owners["300 million euros"] == "Germany"
    assert owners["310 ملايين يورو"] == owners["280 million euros"] == "France"
    assert finding(claims, "300 million euros", "310 ملايين يورو") is None
    assert finding(claims, "300 million euros", "280 million euros") is None
    assert finding(claims, "310 ملايين يورو", "280 million euros") is not None


@pytest.mark.parametrize(
    ("text", "holders"),
    [
        ("The Kurdistan Democratic Party won 39 seats and the Patriotic Union of Kurdistan 23, the electoral "
         "commission said.", {"39 seats": "KDP", "23": "PUK"}),
        ("حصل الحزب الديمقراطي الكردستاني على 39 مقعداً مقابل 23 مقعداً للاتحاد الوطني الكردستاني.",
         {"39 مقعداً": "KDP", "23 مقعداً": "PUK"}),
        ("قالت مفوضية الانتخابات إن حركة النهضة فازت بـ52 مقعداً في البرلمان.", {"بـ52 مقعداً": "Ennahda"}),
    ],
)  # fmt: skip
def test_seats_belong_to_the_party_named_beside_them(text, holders):
    """A party named before its seats in the same clause, or just after them ("for", the attached ل),
    owns them; the body announcing the result never does."""
    claims = claims_of((text, "A", "2024-10-22"))
    assert {c.text: c.owner for c in claims if c.text in holders} == holders


def test_one_partys_seats_meet_across_outlets_and_two_parties_never():
    """The same party's seats in two outlets and two languages meet (one holder is evidence they are one
    figure); another party's, as close in number, never do."""
    claims = claims_of(
        ("The Kurdistan Democratic Party won 39 seats in the regional parliament, officials said.", "A",
         "2024-10-22"),
        ("قال مسؤولون إن الاتحاد الوطني الكردستاني حصل على 38 مقعداً في برلمان الإقليم.", "B", "2024-10-22"),
        ("قال مسؤولون إن الحزب الديمقراطي الكردستاني حصل على 36 مقعداً في برلمان الإقليم.", "C", "2024-10-22"),
    )  # fmt: skip
    assert finding(claims, "39 seats", "38 مقعداً") is None
    same = finding(claims, "39 seats", "36 مقعداً")
    assert same is not None and same.verdict in ("conflict", "drift")


@pytest.mark.parametrize(
    ("first", "old"),
    [
        ("Egypt raised the price of diesel on Friday to 13.50 pounds a litre from 11.50 pounds, the "
         "petroleum ministry said.", "11.50 pounds"),
        ("رفعت مصر الجمعة سعر لتر السولار إلى 13.50 جنيه بدلاً من 11.50 جنيه، بحسب وزارة البترول.",
         "11.50 جنيه"),
    ],
)  # fmt: skip
def test_the_value_before_a_change_is_no_misreport_of_the_new_one(first, old):
    """ "rose to 13.50 from 11.50": the from-figure, with no time of its own, is the value before the
    change (``change: previous``); against another outlet's new price it is a change over time, never a
    conflict, while the two outlets' new prices still disagree."""
    claims = claims_of(
        (first, "A", "2024-10-18"),
        ("Diesel now costs 13.75 pounds a litre after Friday's increase, officials said.", "B", "2024-10-18"),
    )
    assert {c.text: c.change for c in claims}[old] == "previous"
    before = finding(claims, old, "13.75 pounds")
    assert before is None or before.verdict == "trend"
    new = next(c.text for c in claims if c.text.startswith("13.50"))
    after = finding(claims, new, "13.75 pounds")
    assert after is not None and after.verdict in ("conflict", "drift")


def test_a_periods_count_is_not_the_running_total_it_falls_in():
    """4,100 new cases in one week and 18,200 since August: what happened in a stated period (more
    than a day, a week shorter than the running total's stretch) is not the running total."""
    claims = claims_of(
        ("أعلنت وزارة الصحة الاتحادية الجمعة تسجيل 18200 إصابة بحمى الضنك في ولاية الخرطوم منذ مطلع آب.",
         "A", "2025-10-10"),
        ("سجلت ولاية الخرطوم نحو 4100 إصابة جديدة بحمى الضنك خلال الأسبوع الممتد من 29 أيلول إلى 5 تشرين "
         "الأول، بحسب وزارة الصحة الاتحادية.", "B", "2025-10-08"),
        ("قالت وزارة الصحة الاتحادية إن ولاية الخرطوم سجلت 17900 إصابة بحمى الضنك منذ مطلع آب.", "C",
         "2025-10-11"),
    )  # fmt: skip
    assert {c.text for c in claims} >= {"18200 إصابة", "نحو 4100 إصابة"}
    assert _levels(claims, "18200 إصابة", "نحو 4100 إصابة") <= {"info"}
    assert finding(claims, "18200 إصابة", "17900 إصابة") is not None  # two running totals still meet


def test_a_bare_slice_of_a_whole_meets_no_whole():
    """ "11.2 million displaced, of whom 8.6 million since the war began": the whole is marked ``whole``
    and the slice without a noun of its own ``part``; another outlet's whole is no misreport of the
    slice, while the two slices (and a part with a noun of its own) still meet their kind."""
    claims = claims_of(
        ("More than 11.2 million people are internally displaced in Sudan, the IOM said on Thursday, "
         "including about 8.6 million uprooted since the war began.", "A", "2025-01-16"),
        ("قالت المنظمة الدولية للهجرة الخميس إن عدد النازحين داخل السودان بلغ نحو 11 مليون شخص، "
         "بينهم 8.2 مليون نزحوا منذ اندلاع الحرب.", "B", "2025-01-16"),
    )  # fmt: skip
    scopes = {c.text: c.scope for c in claims}
    assert scopes["More than 11.2 million people"] == "whole" and scopes["about 8.6 million"] == "part"
    assert finding(claims, "More than 11.2 million people", "8.2 مليون") is None
    assert finding(claims, "about 8.6 million", "نحو 11 مليون شخص") is None
    slices = finding(claims, "about 8.6 million", "8.2 مليون")
    assert slices is not None and slices.verdict in ("conflict", "drift")


def test_a_part_with_a_noun_of_its_own_still_counts_it():
    claims = claims_of(
        ("More than 200 people were killed in the attack on the camp, the UN said on Monday, among them "
         "10 aid workers.", "A", "2025-04-14"),
        ("At least 13 aid workers were among those killed in the attack on the camp, including seven "
         "staff of a medical charity, relief groups said on Monday.", "B", "2025-04-14"),
    )  # fmt: skip
    same = finding(claims, "10 aid workers", "At least 13 aid workers")
    assert same is not None and same.verdict == "conflict"


def test_seats_of_a_named_party_never_meet_seats_whose_party_goes_unnamed():
    """An election result lists several parties: 'the KDP won 27' against '29 seats' won by a bloc the
    gazetteer does not know are two parties' seats as likely as one, so they are not compared."""
    claims = claims_of(
        ("The Kurdistan Democratic Party won 27 seats in the federal parliament, the commission said.", "A",
         "2025-11-14"),
        ("The National Rise coalition of a former prime minister won 29 seats in the federal parliament, "
         "officials said.", "B", "2025-11-14"),
    )  # fmt: skip
    owners = {c.text: c.owner for c in claims}
    assert owners["27 seats"] == "KDP" and owners["29 seats"] is None
    assert finding(claims, "27 seats", "29 seats") is None


def test_the_value_before_a_change_in_undated_documents_is_compared_without_times():
    """Without publication dates the figures have no times: the value before a change is then compared as
    any figure (its explanation needs no times), never a crash."""
    claims = claims_of(
        ("Diesel rose to 13.50 pounds a litre from 11.50 pounds, the ministry said.", "A", None),
        ("Diesel costs 13.75 pounds a litre, officials said.", "B", None),
    )
    assert {c.text: c.change for c in claims}["11.50 pounds"] == "previous"
    for f in compare_claims(claims, include_consistent=True):
        assert f.explanation


# ------------------------------------------------------------------ one figure per thing in each report


def _two_sites(second_has_both: bool) -> list:
    first = (
        "The provincial council said on Sunday that about 9,000 people still live in the two shelters near "
        "the river port. A third shelter on the hill, Tal Zahra, is home to some 6,500 people, it added.",
        "Delta Courier",
        "2025-10-05",
    )
    second = (
        "قال مجلس المحافظة الأحد إن نحو تسعة آلاف شخص ما زالوا يقيمون في مأويي الميناء النهري. وأضاف أن "
        "مأوى تل الزهرة يضم قرابة 6500 شخص."
        if second_has_both
        else "قال مجلس المحافظة الأحد إن نحو 6500 شخص ما زالوا يقيمون في مأويي الميناء النهري.",
        "وكالة النهر",
        "2025-10-05",
    )
    return claims_of(first, second)


def test_figures_that_each_agree_with_one_in_the_other_report_are_no_conflict():
    """Two reports that both give 9,000 and 6,500 count two things: the first report's 9,000 against the
    second's 6,500 is a look-alike, whichever words they use."""
    claims = _two_sites(second_has_both=True)
    assert verdict(claims, "about 9,000 people", "نحو تسعة آلاف شخص") == "consistent"
    assert verdict(claims, "some 6,500 people", "قرابة 6500 شخص") == "consistent"
    assert verdict(claims, "about 9,000 people", "قرابة 6500 شخص") not in ("conflict", "drift")


def test_a_figure_with_no_partner_in_the_other_report_still_conflicts():
    """The second report gives only the two shelters' count, as 6,500: nothing there agrees with the
    first report's 9,000, so 9,000 against 6,500 stays a disagreement."""
    claims = _two_sites(second_has_both=False)
    assert verdict(claims, "about 9,000 people", "نحو 6500 شخص") == "conflict"


# ------------------------------------------------------------------ degree of damage; a need vs work done


@pytest.mark.parametrize(
    "total",
    [
        ("Relief teams said 410 shops need complete rebuilding after the blast.", "410 shops"),
        ("Relief teams said 410 shops were completely damaged by the blast.", "410 shops"),
        ("وقالت فرق الإغاثة إن 410 محلات تحتاج إلى إعادة بناء كامل بعد الانفجار.", "410 محلات"),
        ("وقالت فرق الإغاثة إن 410 محلات تضررت بالكامل جراء الانفجار.", "410 محلات"),
    ],
)
def test_a_total_loss_is_no_count_of_everything_damaged(total):
    text, figure = total
    claims = claims_of(
        ("The blast damaged 432 shops in the old market, the chamber of commerce said.", "A", "2025-08-14"),
        (text, "B", "2025-08-14"),
    )
    assert one(claims, figure).event == "destroyed"
    assert verdict(claims, "432 shops", figure) is None


def test_damage_and_a_need_to_rebuild_without_total_still_meet():
    """ "still too damaged to use" and "need rebuilding" count the same stock: no total word, one quantity."""
    claims = claims_of(
        ("About 212 clinics remain too damaged to use, the health directorate said.", "A", "2025-03-09"),
        ("قالت مديرية الصحة إن نحو 220 عيادة لا تزال بحاجة إلى إعادة بناء.", "B", "2025-03-09"),
    )
    assert verdict(claims, "About 212 clinics", "نحو 220 عيادة") in ("drift", "consistent")


def test_damaged_beside_another_figure_destroyed_keeps_its_own_event():
    (damaged, destroyed) = [
        c
        for c in claims_of(
            ("The storm damaged 594 barns and completely destroyed 120 more.", "A", "2025-02-02")
        )
        if c.value in (594, 120)
    ]
    assert (damaged.event, destroyed.event) == ("damaged", "destroyed")


def test_what_is_still_needed_never_meets_a_running_tally_of_work_done():
    claims = claims_of(
        (
            "Some 310 homes have been rebuilt in the city since 2019, the housing ministry said.",
            "A",
            "2025-05-11",
        ),
        ("قالت وزارة الإسكان إن نحو 300 منزل في المدينة لا تزال بحاجة إلى إعادة بناء.", "B", "2025-05-11"),
    )
    assert one(claims, "نحو 300 منزل").modality == "required"
    assert one(claims, "Some 310 homes").aggregation == "cumulative"
    assert verdict(claims, "Some 310 homes", "نحو 300 منزل") is None


def test_what_crosses_on_two_days_weeks_apart_is_two_events():
    """A convoy's cargo crossing on one day and another's three weeks later are two happenings (a change
    over time, not a drift), whichever of the two names the crossing and in whichever order they come."""
    from factcheck.compare import over_time
    from factcheck.compare.rules import default

    claims = claims_of(
        (
            "A convoy of 50 trucks carrying 1,460 tonnes of flour has set off for the province, the agency "
            "said.",
            "Sahel Desk",
            "2025-04-08",
        ),
        (
            "أعلنت الوكالة الأربعاء عبور قافلة محملة بنحو 1400 طن من الطحين إلى الولاية يوم الأربعاء.",
            "وكالة الحدود",
            "2025-04-30",
        ),
    )
    left, right = one(claims, "1,460 tonnes"), one(claims, "بنحو 1400 طن")
    assert (left.measure, right.measure) == (None, "transits")
    for a, b in ((left, right), (right, left)):
        assert over_time(a, b, "drift", a.value, b.value, default()) == "trend"


def test_a_variant_that_leaves_something_out_meets_only_the_same_variant():
    """The deficit before grants is another quantity than the deficit (after them), in any document; the
    same variant in two reports is one quantity."""
    claims = claims_of(
        (
            "The finance minister said the deficit after grants would be 1.6 billion dinars. Before grants "
            "the shortfall would be about 2.4 billion dinars.",
            "Amman Ledger",
            "2025-12-01",
        ),
        (
            "قال وزير المالية إن العجز قبل المنح يقدر بنحو 2.3 مليار دينار، "
            "وإن العجز بعد المنح يبلغ 1.6 مليار دينار.",
            "صحيفة الرأي العام",
            "2025-12-01",
        ),
    )
    assert one(claims, "about 2.4 billion dinars").scope == "variant"
    assert one(claims, "بنحو 2.3 مليار دينار").scope == "variant"
    assert verdict(claims, "about 2.4 billion dinars", "1.6 مليار دينار") is None
    assert verdict(claims, "1.6 billion dinars", "بنحو 2.3 مليار دينار") is None
    assert verdict(claims, "about 2.4 billion dinars", "بنحو 2.3 مليار دينار") in ("drift", "consistent")


def test_a_lone_namesake_abroad_is_no_place_of_a_document_about_one_country():
    """ "حقل الرميلة" in a report on Iraq's oil is Iraq's field, not the Emirati town GeoNames knows by that
    name; the same name in a report about the Emirates is the town."""
    iraq = claims_of(
        (
            "قالت وزارة النفط العراقية في بغداد إن حقل الرميلة ينتج نحو 1.3 مليون برميل يومياً، فيما ينتج "
            "حقل غرب القرنة في البصرة 480 ألف برميل يومياً، وتصدر موانئ البصرة معظم نفط العراق.",
            "A",
            "2025-09-05",
        )
    )
    assert "Ar Rumaylah" not in one(iraq, "نحو 1.3 مليون برميل يومياً").entities
    emirates = claims_of(("قالت بلدية الرميلة في الإمارات إن 1200 أسرة تسكن المدينة.", "B", "2025-09-05"))
    assert "Ar Rumaylah" in one(emirates, "1200 أسرة").entities


def test_a_months_average_price_and_a_later_days_price_are_two_times():
    """$68 a barrel on average in August and about $66 on a Friday in September are readings of two times
    (a trend at most), not a drift; a day inside the month still compares with it."""
    from factcheck.compare import over_time
    from factcheck.compare.rules import default

    claims = claims_of(
        (
            "Exports earned $5.1 billion in August at an average price of $68 a barrel, the ministry said.",
            "A",
            "2025-09-05",
        ),
        ("Brent crude was trading at about $66 a barrel on Friday, traders said.", "B", "2025-09-05"),
        ("Brent crude traded at about $69 a barrel on Wednesday, traders said.", "C", "2025-08-22"),
    )
    month, friday, inside = one(claims, "$68"), one(claims, "about $66"), one(claims, "about $69")
    assert month.measure == "price"
    assert over_time(month, friday, "drift", 68, 66, default()) == "trend"
    assert over_time(month, inside, "drift", 68, 69, default()) == "drift"  # a day inside the month


def test_two_needs_meet_though_one_is_read_as_a_running_tally():
    """The rule that keeps a need from a tally of work done leaves two needs alone: a "since" earlier in
    the sentence makes the need no less a need."""
    claims = claims_of(
        (
            "أعلنت مديرية الإسكان إعادة بناء 200 منزل في المدينة منذ عام 2019، فيما لا يزال نحو 300 منزل "
            "بحاجة إلى إعادة بناء.",
            "A",
            "2025-05-11",
        ),
        (
            "Some 310 homes in the city still need rebuilding, the housing directorate said.",
            "B",
            "2025-05-11",
        ),
    )
    need_a, need_b = one(claims, "نحو 300 منزل"), one(claims, "Some 310 homes")
    assert (need_a.modality, need_b.modality) == ("required", "required")
    assert need_a.aggregation == "cumulative"
    assert verdict(claims, "نحو 300 منزل", "Some 310 homes") in ("consistent", "drift")


# ------------------------------------------------------------------ fiscal years and own times


def test_two_fiscal_years_figures_are_a_change_not_a_conflict():
    """A fiscal year is one time: 2025/26 and 2024/25 never overlap, so their deficits are a change (read
    as the years they start or end in, two outlets' years could fall together: a conflict)."""
    claims = claims_of(
        ("The budget deficit for the 2025/26 fiscal year reached $5.1 billion, the finance ministry said.",
         "Gulf Ledger", "2026-02-10"),
        ("وقالت وزارة المالية إن العجز في السنة المالية 2024/2025 بلغ 4.2 مليار دولار.",
         "Nile Post", "2026-02-10"),
    )  # fmt: skip
    assert [c.time for c in claims] == ["2025-07/2026-06", "2024-07/2025-06"]
    assert verdict(claims, "$5.1 billion", "4.2 مليار دولار") == "trend"


def test_a_figures_own_year_before_it_is_not_the_next_figures():
    """ "Exports in 2025 reached $8.6bn against $7.9bn in 2024": the first figure keeps its own year (both
    took 2024 before); against another outlet's 2024 figure, 2025's is a change and 2024's agrees."""
    claims = claims_of(
        ("Officials said exports in 2025 reached $8.6 billion against $7.9 billion in 2024.", "Gulf Ledger",
         "2026-02-10"),
        ("قال البنك المركزي إن الصادرات في عام 2024 بلغت 7.9 مليار دولار.", "Nile Post", "2026-02-10"),
    )  # fmt: skip
    assert [c.time for c in claims] == ["2025", "2024", "2024"]
    assert verdict(claims, "$8.6 billion", "7.9 مليار دولار") == "trend"
    linked = {
        f.verdict
        for f in compare_claims(claims, include_consistent=True)
        if {one(claims, "$7.9 billion").id, one(claims, "7.9 مليار دولار").id} <= set(f.claims)
    }
    assert "consistent" in linked and not linked & {"conflict", "drift"}


def test_a_budget_deficit_named_by_a_construct_chain_meets_the_english_budget_deficit():
    """ "عجز الموازنة" is the budget's deficit: a construct chain names what is measured first, so the
    Arabic figure measures the deficit, as "the budget deficit" does, and the two outlets' figures meet
    (the nearer noun, the budget, made them two measures before)."""
    claims = claims_of(
        ("The budget deficit widened to $4.4 billion in the first half, the finance ministry said.",
         "Harbour Times", "2025-08-03"),
        ("وقالت وزارة المالية إن عجز الموازنة اتسع إلى 4.1 مليار دولار في النصف الأول.",
         "الرأي الاقتصادي", "2025-08-03"),
    )  # fmt: skip
    assert {c.measure for c in claims} == {"deficit"}
    assert verdict(claims, "$4.4 billion", "4.1 مليار دولار") in ("drift", "conflict")


# ------------------------------------------------------------------ held-out causes (session 26)


def test_the_place_of_a_statement_after_the_figure_is_not_its_place():
    """ "..., he told a news conference in Amman": where it was said, not what was counted; a place in
    the figure's own clause stays."""
    claims = claims_of(
        (
            "Some 640 trucks crossed the border last week, he told a news conference in Amman.",
            "A",
            "2025-05-10",
        ),
        ("Some 640 trucks crossed into Gaza last week, the agency said in Amman.", "B", "2025-05-10"),
    )
    first, second = (c for c in claims if c.text == "Some 640 trucks")
    assert "Amman" not in first.entities and "Gaza" in second.entities and "Amman" not in second.entities


@pytest.mark.parametrize(
    ("town", "province"),
    [("مأرب", "Marib governorate"), ("الحديدة", "Hodeidah governorate")],
)
def test_a_city_and_the_province_named_after_it_meet(town, province):
    """Writers use the bare name for the province too: "في مأرب" meets "in Marib governorate" (a city
    inside a province of another name stays a part of it)."""
    claims = claims_of(
        (f"قالت السلطات المحلية إن نحو 9 آلاف أسرة نازحة تعيش في مخيمات {town}.", "A", "2025-06-02"),
        (f"About 9,700 families live in displacement camps in {province}, the IOM said.", "B", "2025-06-03"),
    )
    assert verdict(claims, "نحو 9 آلاف أسرة", "About 9,700 families") in ("drift", "conflict")


def test_a_city_inside_a_province_of_another_name_is_a_part_of_it():
    claims = claims_of(
        ("About 9,000 displaced families live in camps in Mukalla, local officials said.", "A", "2025-06-02"),
        (
            "About 9,700 displaced families live in camps in Hadramawt governorate, the IOM said.",
            "B",
            "2025-06-03",
        ),
    )
    assert verdict(claims, "About 9,000 displaced families", "About 9,700 displaced families") is None


@pytest.mark.parametrize(
    ("first", "second", "a", "b"),
    [
        (
            "The ministry said 2,140 households along the pipeline had been compensated so far.",
            "About 1,240 families on the pipeline route have been compensated so far, the ministry said.",
            "2,140 households",
            "About 1,240 families",
        ),
        (
            "Some 910 vessels transited the canal in March, the canal authority said.",
            "وقالت هيئة القناة إن نحو 190 سفينة عبرت القناة في مارس.",
            "Some 910 vessels",
            "نحو 190 سفينة",
        ),
    ],
)
def test_one_thing_counted_under_two_names_meets(first, second, a, b):
    """Households are families, vessels ships (``concepts.toml`` ``[same_count]``)."""
    claims = claims_of((first, "A", "2025-04-02"), (second, "B", "2025-04-03"))
    assert verdict(claims, a, b) == "conflict"


def test_for_a_month_is_a_stretch_of_time_not_a_rate():
    """ "will feed 48,000 people for a month" is a point figure; "a month" alone is a rate."""
    claims = extract(
        "The shipment will feed 48,000 people for a month, the agency said.", published="2025-03-01"
    )
    assert one(claims, "48,000 people").aggregation == "point"
    (rate,) = extract("The plant pumps 48,000 cubic metres a month.", published="2025-03-01")
    assert rate.aggregation == "per_month"
