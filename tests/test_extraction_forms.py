"""Forms added to the extraction engine: ordinals, compound denominators, dozens, date intervals,
unit powers, suspended hyphens and the other forms listed in bench/SUITE_NOTES.md."""

from __future__ import annotations

import pytest

from factcheck.extraction import extract, extract_all


def _all(text: str, lang: str | None = None) -> list[tuple[str, str, object]]:
    return [(c.text, c.kind, c.value) for c in extract_all(text, lang)]


def _one_claim(text: str, lang: str | None = None):
    claims = extract(text, lang)
    assert len(claims) == 1, claims
    return claims[0]


@pytest.mark.parametrize(
    ("text", "ordinal", "value"),
    [
        ("احتجز الأطفال دون سن الثامنة عشرة في المخيم.", "الثامنة عشرة", 18),
        ("وقع الانفجار في الخامس عشر من الشهر الماضي.", "الخامس عشر", 15),
        ("شهد القرن الحادي والعشرون حروباً كثيرة.", "الحادي والعشرون", 21),
        ("انعقد مؤتمر بروكسل التاسع في العاصمة البلجيكية.", "التاسع", 9),
        ("وصلت الشاحنات خلال الأسبوع الأول من الهدنة.", "الأول", 1),
        ("The twenty-first round of talks ended without agreement.", "twenty-first", 21),
        ("Unemployment rose in the third quarter.", "third", 3),
        ("The fifth convoy reached the city on Monday.", "fifth", 5),
        ("The war is now in its 13th year.", "13th", 13),
    ],
)
def test_ordinal_words_are_ordinals_not_numbers(text, ordinal, value):
    found = _all(text)
    assert (ordinal, "ordinal", value) in found
    assert not [c for c in extract(text) if c.text in ordinal or ordinal in c.text]


def test_month_names_are_not_ordinals():
    found = _all("وصل 48 ألف نازح في تشرين الأول الماضي.")
    assert [k for _, k, _ in found] == ["quantity"]


def test_ordinal_next_to_a_claim_keeps_the_claim():
    found = _all("تراجع عدد الهجمات من 120 هجوماً في الربع الأول إلى 45 في الربع الثاني.")
    assert [(t, k) for t, k, _ in found if k == "ordinal"] == [("الأول", "ordinal"), ("الثاني", "ordinal")]
    assert [
        c.value for c in extract("تراجع عدد الهجمات من 120 هجوماً في الربع الأول إلى 45 في الربع الثاني.")
    ] == [
        120,
        45,
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one twenty-fifth", 0.04),
        ("three twenty-firsts", 3 / 21),
        ("twenty twenty fifths", 0.8),
        ("a fifth of the budget", 0.2),
        ("three fifths", 0.6),
        ("a third", 1 / 3),
    ],
)
def test_fractions_with_ordinal_denominators(text, value):
    claim = _one_claim(text, "en")
    assert claim.value == pytest.approx(value)


def test_a_twenty_first_century_city_is_an_ordinal():
    assert _all("It is a twenty-first century city.") == [("twenty-first", "ordinal", 21)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They ordered three hundred and two dozens of eggs.", 324),
        ("طلبوا ثلاث مائة ودزينتين من البيض", 324),
        ("They bought two dozen eggs.", 24),
        ("A dozen people were injured.", 12),
        ("They counted 3 hundred and one ballots.", 301),
        ("السعر مائتان وثلاثة جزء من مائة", 200.03),
    ],
)
def test_dozens_and_hundreds(text, value):
    assert _one_claim(text).value == pytest.approx(value)


def test_dozens_and_score_alone_are_not_numbers():
    assert extract("Dozens of people gathered and the score was level.") == []


def test_two_hundreds_joined_by_and_are_two_numbers():
    claims = extract("3 hundred and 2 hundred are two valid numbers.")
    assert [c.value for c in claims][:2] == [300, 200]


@pytest.mark.parametrize(
    "text",
    [
        "سجلت 300 حالة كوليرا في الرقة بين 1 و15 تشرين الأول.",
        "WHO recorded 300 cholera cases in Raqqa between 1 and 15 October.",
        "WHO recorded 300 cholera cases in Raqqa from 1 to 15 October.",
        "WHO recorded 300 cholera cases in Raqqa from October 1 to 15.",
    ],
)
def test_days_of_a_date_interval_are_dates(text):
    found = _all(text)
    assert [v for _, k, v in found if k == "quantity"] == [300]
    assert sorted(v for _, k, v in found if k == "date") == [1, 15]


def test_range_between_to_with_units():
    claim = _one_claim("They were given between 44 mg to 50 mg ethanol.")
    assert (claim.bound, claim.low, claim.high, claim.unit) == ("range", 44, 50, "mg")


def test_suspended_hyphen_range():
    claim = _one_claim("NASA studied an 8- to 16-meter optical space telescope.")
    assert (claim.bound, claim.low, claim.high, claim.unit) == ("range", 8, 16, "m")


def test_unit_power_and_tolerance():
    claims = extract("The volume is 4km^3 and the error 9.83e-3 +/- 1e-5 km.")
    assert [(c.text, c.value, c.unit) for c in claims] == [
        ("4km^3", 4, "km**3"),
        ("9.83e-3 +/- 1e-5 km", 0.00983, "km"),
    ]


def test_scientific_notation_without_caret():
    assert _one_claim("by a factor of 2.48×10−5 overall").value == pytest.approx(2.48e-5)


def test_money_trillions_and_ampersand():
    assert _one_claim("Italy's GDP is $2.174T.").value == 2_174_000_000_000
    assert _one_claim("three million, two hundred & forty, you say?").value == 3_000_240


def test_article_counts_one_measure_but_not_per_unit():
    assert [(c.text, c.value, c.unit) for c in extract("He lives a mile from the border.")] == [
        ("a mile", 1, "mile")
    ]
    assert [(c.text, c.value) for c in extract("Brent crude sold at $80 a barrel.")] == [("$80", 80)]


def test_vague_hundreds_decades_and_clock_times_are_not_claims():
    assert extract("It will last for at least several hundred years.") == []
    assert _all("Unemployment rose by 35% by the end of the 1960s.") == [
        ("35%", "quantity", 35),
        ("1960s", "year", 1960),
    ]
    assert _all("The convoy arrived at 2.13 am.") == [("2.13", "time_of_day", 2.13)]


def test_one_half_with_hyphen_is_a_half():
    assert _one_claim("approximately one-half miles east").value == 0.5


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("قرأت ثلاث وعشرون خمس من الكتاب", 4.6),
        ("مائة و ثلاثون خمس", 26),
        ("واحد و عشرون خمس", 4.2),
    ],
)
def test_arabic_singular_fraction_after_a_count_of_eleven_or_more(text, value):
    assert _one_claim(text, "ar").value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["قتل خمس أشخاص في القصف.", "ارتفع ثمن النفط إلى 80 دولاراً.", "دفع عشرون ألفاً ثمن الأرض.", "ثلاثة خمس"],
)
def test_arabic_five_and_price_stay_words(text):
    assert all(c.value >= 1 for c in extract(text, "ar") if c.value is not None)


@pytest.mark.parametrize(
    ("text", "ordinal", "value"),
    [
        ("the two hundredth anniversary", "two hundredth", 200),
        ("the one hundred and twenty fifth birthday", "one hundred and twenty fifth", 125),
        ("two millionth", "two millionth", 2_000_000),
    ],
)
def test_compound_ordinals_after_a_count(text, ordinal, value):
    assert _all(text, "en") == [(ordinal, "ordinal", value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one one hundred fifth", 1 / 105),
        ("one hundred thirty fifths", 100 / 35),
        ("one hundred and thirty fifths", 26),
        ("one hundredth", 0.01),
        ("three score and ten", 70),
        ("- 10  k", -10_000),
        ("1.2b", 1_200_000_000),
        ("three thousand millions", 3_000_000_000),
    ],
)
def test_english_number_forms(text, value):
    assert _one_claim(text, "en").value == pytest.approx(value)


def test_digits_read_out_one_by_one_are_not_a_range():
    assert [(c.value, c.bound) for c in extract("they were playing three-nought-four", "en")] == [
        (3, "exact"),
        (0, "exact"),
        (4, "exact"),
    ]
    assert _one_claim("2-3 million people", "en").bound == "range"


def test_a_dash_opening_a_line_is_a_bullet_not_a_sign():
    assert _one_claim("- 10 people were killed", "en").value == 10


def test_one_half_miles_keeps_its_unit_but_half_the_people_has_none():
    assert _one_claim("approximately one-half miles east", "en").unit == "mile"
    assert _one_claim("half the people left", "en").unit is None


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        (
            "This number is higher or equal than one hundred, lower or equal than three hundred",
            "en",
            100,
            300,
        ),
        ("أعلى من او يساوي مائة،  او أخفض او يساوي ثلاث مائة.", "ar", 100, 300),
    ],
)
def test_or_equal_bounds_joined_over_a_comma_and_or(text, lang, low, high):
    claim = _one_claim(text, lang)
    assert (claim.bound, claim.low, claim.high) == ("range", low, high)


def test_not_equal_is_no_bound():
    assert _one_claim("النتيجة هو <>٣٠", "ar").bound == "exact"


@pytest.mark.parametrize(
    ("text", "span", "unit", "bound"),
    [
        ("أعلن الدفاع المدني مقتل شخصين في قصف على ريف إدلب الجنوبي.", "شخصين", "person", "exact"),
        ("وأسفر القصف عن إصابة طفلين بجروح متوسطة.", "طفلين", "child", "exact"),
        ("وتمكنت دورية من اعتقال عنصرين من خلية التنظيم.", "عنصرين", "member", "exact"),
        ("وبلغ سعر كيلو الطماطم دولارين في أسواق دمشق.", "دولارين", "USD", "exact"),
        ("وتقدمت القوات مسافة كيلومترين باتجاه البلدة.", "كيلومترين", "km", "exact"),
        ("ووزع البرنامج أكثر من طنّين من المساعدات الغذائية.", "أكثر من طنّين", "t", "more_than"),
        ("وتضررت سيارتان جراء سقوط القذيفة.", "سيارتان", "vehicle", "exact"),
        ("واستهدفت المسيرة سيارتين على طريق حلب.", "سيارتين", "vehicle", "exact"),
        ("ونفذ التحالف عمليتين ضد خلايا التنظيم.", "عمليتين", "operation", "exact"),
        ("وقتل مقاتلان من الفصائل في الاشتباكات.", "مقاتلان", "fighter", "exact"),
        ("وأفرجت السلطات عن رهينتين.", "رهينتين", "hostage", "exact"),
        ("وأغلق المعبر منذ يومين.", "يومين", "day", "exact"),
        ("وأصيب مدنيين اثنين بجروح.", "مدنيين اثنين", "civilian", "exact"),
        ("وقتل شخصان على الأقل في الانفجار.", "شخصان على الأقل", "person", "at_least"),
        ("وارتفع سعر الليتر إلى ليرتين سوريتين.", "ليرتين سوريتين", "SYP", "exact"),
    ],
)
def test_arabic_dual_nouns_count_two(text, span, unit, bound):
    claim = _one_claim(text, "ar")
    assert (claim.text, claim.unit, claim.bound) == (span, unit, bound)
    assert (claim.low if bound != "at_most" else claim.high) == 2
    assert text[claim.start : claim.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "وقتل مقاتلين من الفصائل في الاشتباكات.",  # also the plural "fighters": precision first
        "وقتل مدنيين في القصف الجوي.",  # listed plural
        "واعتقلت الشرطة الطفلين بعد ساعات.",  # the article: "the two children", already counted
        "ودعت القمة إلى حل الدولتين.",  # the two-state solution
        "وسيطرت حركة طالبان على كابل.",  # Taliban
        "ونصبت القوات كمينا محكما.",  # كمين is an ambush, not a dual of كم
        "وفاز نادي ميلان بالمباراة.",  # Milan, not two miles
    ],
)
def test_arabic_words_that_look_like_duals_are_not_counts(text):
    assert extract(text, "ar") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وبلغ عدد الحجاج مليوناً و673 ألفاً و230 حاجاً هذا العام.", 1_673_230),
        ("وارتفع عدد المسجلين إلى ألفاً ومئتي طالب.", 1_200),
        ("وبلغ عدد الزوار مليوناً و400 ألف زائر.", 1_400_000),
        ("وخصصت الحكومة مليونا دولار لإصلاح الشبكة.", 2_000_000),  # the dual construct: two
        ("ووصل ألفا شخص إلى المخيم.", 2_000),
    ],
)
def test_a_lone_accusative_scale_joined_by_a_part_is_one_not_two(text, value):
    """ "مليوناً و673 ألفاً": a part joined by "و" makes the scale word the tamyiz of one; alone
    before its noun ("مليونا دولار") it is the dual construct, two."""
    claim = _one_claim(text, "ar")
    assert claim.value == value


def test_a_number_before_a_dual_noun_is_the_count():
    claim = _one_claim("وتقدمت القوات 3 كيلومترين.", "ar")
    assert (claim.text, claim.value, claim.unit) == ("3 كيلومترين", 3, "km")


def test_one_after_its_noun_takes_the_noun_as_unit():
    claims = extract("وأسفرت الغارة عن مقتل طفل واحد وإصابة أربعة آخرين.", "ar")
    assert [(c.text, c.value, c.unit) for c in claims] == [
        ("طفل واحد", 1, "child"),
        ("أربعة آخرين", 4, "child"),
    ]


def test_dual_inherits_to_others_and_opens_ranges():
    claims = extract("وقتل شرطيين وإصابة 3 آخرين.", "ar")
    assert [(c.text, c.value, c.unit) for c in claims] == [
        ("شرطيين", 2, "officer"),
        ("3 آخرين", 3, "officer"),
    ]
    claim = _one_claim("وتراوح عدد الضحايا بين شخصين وخمسة أشخاص.", "ar")
    assert (claim.low, claim.high, claim.unit, claim.bound) == (2, 5, "person", "range")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("ويعيش خمس السكان تحت خط الفقر المدقع.", "خمس", 0.2),
        ("وخصصت الحكومة عشر الميزانية لإعادة الإعمار.", "عشر", 0.1),
        ("خمس العشرون", "خمس العشرون", 4),
        ("خمس خمس العشرون", "خمس خمس العشرون", 0.8),
    ],
)
def test_arabic_fraction_word_before_a_definite_noun_is_a_part_of_it(text, span, value):
    claim = _one_claim(text, "ar")
    assert (claim.text, claim.unit) == (span, None)
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("وقضى خمس سنوات في السجن.", "خمس سنوات", 5, "year"),  # indefinite: a count
        ("ودمرت خمس آليات عسكرية.", "خمس آليات", 5, "vehicle"),  # آليات only looks definite
    ],
)
def test_arabic_fraction_word_before_an_indefinite_noun_stays_a_count(text, span, value, unit):
    claim = _one_claim(text, "ar")
    assert (claim.text, claim.value, claim.unit) == (span, value, unit)


def test_arabic_price_before_a_definite_noun_is_no_fraction():
    assert extract("وارتفع ثمن البرميل في الأسواق.", "ar") == []


def test_arabic_decimal_word_counted_in_hundredths():
    claim = _one_claim("مائتين فاصلة ثلاثة من مائة", "ar")
    assert (claim.text, claim.value) == ("مائتين فاصلة ثلاثة من مائة", 200.03)
    assert _one_claim("واحد فاصلة خمسة", "ar").value == 1.5


def _values(text: str, lang: str = "ar") -> list:
    return [
        c.value if c.bound != "range" else (c.low, c.high)
        for c in extract_all(text, lang)
        if c.kind == "quantity"
    ]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("ثلاثة و خمس", "ثلاثة و خمس", 3.2),
        ("وسجل المؤشر ثلاث وخمس في ختام الجلسة.", "ثلاث وخمس", 3.2),
        ("مئة وثلاثون وخُمسَين", "مئة وثلاثون وخُمسَين", 130.4),
        ("خمسة عشر وثمن", "خمسة عشر وثمن", 15.125),
        ("ثلاثة وسدس", "ثلاثة وسدس", 3 + 1 / 6),
    ],
)
def test_arabic_whole_and_fraction_noun_that_cannot_be_a_compound(text, span, value):
    claim = _one_claim(text, "ar")
    assert claim.text == span
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("وتراوحت الأحكام بين ثلاث وخمس سنوات.", [(3, 5)]),  # a range
        ("وأصيب ثلاثة رجال وخمس نساء.", [3, 5]),  # a noun between
        ("خمسة وعشرون", [25]),  # unit + و + ten: a compound
        ("خمس وعشرين", [25]),
        ("ثلاثة وخمسين", [53]),
        ("وقضت المحكمة بسجنهما ثلاث وخمس سنوات.", [3, 5]),  # two counts of one noun
        ("وحصلت القائمتان على ثلاثين وخمسين مقعدا.", [30, 50]),  # agreeing tens: two counts
        ("ودفع ثلاثة وثمن السيارة.", [3]),  # ثمن before a definite noun is "the price of"
        ("ثلاث وخمس وعشرين", [3, 25]),  # a count goes on after خمس
        ("3 وخمس", [3, 5]),  # digits: not a spelled-out whole
    ],
)
def test_arabic_whole_and_count_stay_counts(text, values):
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("جزء من مئة وخمسة", "جزء من مئة وخمسة", 1 / 105),
        ("جزء من واحد وعشرون", "جزء من واحد وعشرون", 1 / 21),
        ("وقدر التركيز بجزء من مليون.", "بجزء من مليون", 1e-6),
        ("جزء من مئة ألف تريليونات", "جزء من مئة ألف تريليونات", 1e-17),
        ("جزء من عشرين جزءا", "جزء من عشرين", 0.05),
    ],
)
def test_arabic_one_part_of_a_spelled_out_number(text, span, value):
    claim = _one_claim(text, "ar")
    assert claim.text == span
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("وذهب جزء من 300 مقاتل إلى الجبهة.", [300]),
        ("وخصصت الحكومة جزء من الأموال للإعمار.", []),
        ("وذهب جزء من ثلاثة ملايين دولار إلى الإعمار.", [3_000_000]),
        ("ووصل جزء من ثلاثة ملايين لقاح.", [3_000_000]),  # the counted noun of the number
        ("في جزء من الثانية", []),
    ],
)
def test_arabic_part_of_is_no_fraction_before_digits_nouns_or_counted_numbers(text, values):
    assert _values(text) == values


def test_a_nominative_dual_is_never_the_counted_noun_of_a_number():
    claims = extract_all("وأعلنت اللجنة أن 17 و23 رقمان فائزان.", "ar")
    assert [(c.text, c.value, c.unit) for c in claims] == [
        ("17", 17, None),
        ("و23", 23, None),
        ("رقمان", 2, "number"),
    ]
    # with 2 the dual repeats the count: one claim
    assert [(c.value, c.unit) for c in extract_all("2 رقمان", "ar")] == [(2, "number")]


@pytest.mark.parametrize(
    ("text", "lang", "span", "unit"),
    [
        ("وافتتحت الوزارة طريق 29 كم يربط القرى.", "ar", "29 كم", "km"),
        ("The ministry opened a road 29 km long.", "en", "29 km", "km"),
    ],
)
def test_a_measure_after_a_name_cue_makes_a_quantity(text, lang, span, unit):
    claim = _one_claim(text, lang)
    assert (claim.text, claim.unit) == (span, unit)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("وأغلقت السلطات الطريق 4 أمام الشاحنات.", "ar"),
        ("Traffic on Route 66 was halted.", "en"),
        ("The charity chartered a Boeing 777F.", "en"),  # a glued letter: a model code
    ],
)
def test_a_number_after_a_name_cue_without_a_measure_stays_a_name(text, lang):
    assert extract(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        "رفعت الحكومة سعر لتر بنزين 92 إلى 17.25 جنيه اعتباراً من الجمعة.",
        "وارتفع سعر بنزين 95 إلى ١٩٫٢٥ جنيه للتر.",
    ],
)
def test_a_larger_number_then_to_a_smaller_one_is_no_range(text):
    """ "بنزين 92 إلى 17.25 جنيه": a grade's number, then a price; a range never runs down to less than
    half of its start unless the text opens it ("between 50 and 40" stays a range with swapped bounds)."""
    claims = extract(text)
    assert not [c for c in claims if c.bound == "range"]
    assert any(float(c.value) in (17.25, 19.25) for c in claims)


def test_a_range_opened_by_between_keeps_swapped_bounds():
    (claim,) = [c for c in extract("Between 50 and 40 people were hurt.") if c.bound == "range"]
    assert (claim.low, claim.high) == (50, 40)


@pytest.mark.parametrize(
    ("text", "lang", "name", "claim"),
    [
        ("The price of 92-octane gasoline rose to 17.25 pounds a litre.", "en", "92-octane", "17.25 pounds"),
        ("Octane 95 now costs 19 pounds a litre.", "en", "Octane 95", "19 pounds"),
        ("ورفعت اللجنة سعر لتر بنزين 92 إلى 17.25 جنيه.", "ar", "بنزين 92", "17.25 جنيه"),
    ],
)
def test_a_fuel_grade_is_a_name_not_a_quantity(text, lang, name, claim):
    found = _all(text, lang)
    assert (name, "in_name", None) in found
    assert [c.text for c in extract(text, lang)] == [claim]
