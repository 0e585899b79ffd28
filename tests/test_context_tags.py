"""What a figure counts beyond its noun: whose people (an armed group's, a country's nationals), what a
length measures, and the subject a cost follows: frame fields (``owner``, ``event``) the comparator
reads to keep look-alikes apart, never tags in the subject key, which keeps only words."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.context import source_places


def _claim(text: str, published: str = "2025-08-21"):
    claims = factcheck.extract(text, published=published)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def _words_only(claim) -> bool:
    return not any(":" in w for w in (claim.subject_key or "").split())


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("قالت قسد إنها قتلت 14 مقاتلاً من تنظيم داعش في ريف دير الزور.", "ISIS"),
        ("أعلنت قوات سوريا الديمقراطية (قسد) مقتل 14 مقاتلاً من صفوفها في هجوم لداعش.", "SDF"),
        ("Nine SDF fighters were killed in an attack near Busayrah, the SDF said.", "SDF"),
        ("Some 9,000 ISIS fighters are held in prisons in northeast Syria, officials said.", "ISIS"),
        ("The SDF said 14 of its fighters were killed in the ISIS attack on Thursday.", "SDF"),
    ],
)
def test_party_of_the_people_counted(text, party):
    claim = _claim(text)
    assert claim.owner == party and _words_only(claim)


def test_party_only_when_attached_to_the_noun():
    claim = _claim("قال مسؤول إن 300 شخص نزحوا من قرى قرب مناطق سيطرة تنظيم داعش.")
    assert claim.owner is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وصلت 650 عائلة عراقية إلى مخيم الجدعة يوم الخميس.", "Iraq"),
        ("An official said 1,200 Iraqi families were repatriated in August.", "Iraq"),
        ("Lebanon hosts 1.5 million Syrian refugees, the government said.", "Syria"),
        ("UNHCR said 1.2 million Syrians have returned since December.", "Syria"),
        ("قالت المفوضية إن 1.2 مليون سوري عادوا إلى بلادهم.", "Syria"),
    ],
)
def test_nationality_of_the_people_counted(text, country):
    claim = _claim(text)
    assert claim.owner == country and _words_only(claim)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("عثرت القوات على نفق يبلغ طوله 12 كيلومتراً في ريف حلب.", "length"),
        ("تقع البلدة على بعد 12 كيلومتراً من خطوط التماس.", "distance"),
        ("Troops found a tunnel network stretching 12 km in the Aleppo countryside.", "length"),
        ("The town lies 12 km east of the front line.", "distance"),
    ],
)
def test_what_a_length_measures(text, event):
    claim = _claim(text)
    assert claim.event == event and _words_only(claim)


def test_distance_words_only_read_for_lengths():
    # "بعد" is "after" here: a count of people is never tagged as a distance
    claim = _claim("عاد 40 شخصاً إلى القرية بعد انتهاء الاشتباكات.")
    assert claim.event not in ("distance", "length")


def test_subject_before_a_cost():
    claim = _claim("A Syrian official said repairing the country's power grid would cost $1.2bn.")
    assert claim.subject is not None and "power grid" in claim.subject
    assert claim.subject_key.split()[:2] == ["USD", "repairing"]


@pytest.mark.parametrize(
    ("source", "places"),
    [
        ("a Syrian official", ("Syria",)),
        ("وزارة الهجرة العراقية", ("Iraq",)),
        ("مسؤول لبناني", ("Lebanon",)),
        ("Lebanon's government", ("Lebanon",)),
        ("aid groups", ()),
    ],
)
def test_source_places_by_name_or_adjective(source, places):
    assert source_places(source) == places


def test_actor_of_the_clause_joins_the_scope_but_not_across_a_speech_verb():
    held = _claim("تحتجز قوات سوريا الديمقراطية في سجونها قرابة 12 ألف معتقل من عناصر داعش.")
    assert set(held.entities) == {"SDF", "ISIS"}
    said = _claim("قال مصدر في قسد إن التحالف نفذ 15 عملية ضد خلايا داعش في سوريا.")
    assert "SDF" not in said.entities


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("قالت الوزارة إن العراق باع نفطه بمتوسط 68 دولاراً للبرميل، فيما سجل خام برنت نحو 72 دولاراً.",
         "نحو 72 دولاراً"),
        ("The ministry said Iraq sold its oil at an average of $68 a barrel, while Brent crude recorded "
         "about $72.", "about $72"),
    ],
)  # fmt: skip
def test_goods_that_record_a_price_are_no_speaker(text, price):
    """ "سجل خام برنت 72 دولاراً", "Brent crude recorded $72": goods reach a price, they say nothing: the
    figure stays with the sentence's speaker, and names its goods."""
    claims = factcheck.extract(text, published="2025-04-08")
    (claim,) = [c for c in claims if c.text == price]
    assert claim.source_text is not None
    assert "برنت" not in claim.source_text and "Brent" not in claim.source_text
    assert claim.goods == "crude.brent"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("أعلنت الدائرة أن معدل البطالة بلغ 21 في المئة، فيما سجلت البطالة بين الشباب 44 في المئة.",
         "44 في المئة"),
        ("The office said unemployment fell to 21%, while inflation recorded 3.5% in May.", "3.5%"),
    ],
)  # fmt: skip
def test_a_measure_that_records_a_value_is_no_speaker(text, figure):
    """ "سجلت البطالة 44 في المئة", "inflation recorded 3.5%": a measure reaches a value, it says nothing."""
    (claim,) = [c for c in factcheck.extract(text, published="2025-06-09") if c.text == figure]
    assert claim.source_text is None or not any(w in claim.source_text for w in ("البطالة", "inflation"))


@pytest.mark.parametrize(
    ("text", "own", "ranked"),
    [
        ("Hodeidah, with 4,120 cases, remains the hardest-hit province, followed by Taiz and Hajjah, the "
         "ministry said.", "Hodeidah", {"Taiz", "Hajjah"}),
        ("ولا تزال محافظة الحديدة الأكثر تضرراً بـ4,120 حالة، تليها تعز ثم حجة، بحسب الوزارة.",
         "Hodeidah Governorate", {"Taiz", "Hajjah"}),
    ],
)  # fmt: skip
def test_places_ranked_after_a_figure_are_not_its_own(text, own, ranked):
    """ "followed by Taiz and Hajjah", "تليها تعز ثم حجة": the places ranked after the figure's own come
    after it, they are not where it was counted (a Taiz count must not meet it)."""
    (claim,) = factcheck.extract(text, published="2025-09-09")
    assert own in claim.entities and not ranked & set(claim.entities)
