"""What a figure counts beyond its noun: whose people (party), of which country, what a length
measures, and the subject a cost follows; the tags the comparator reads to keep look-alikes apart."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.context import source_places


def _claim(text: str, published: str = "2025-08-21"):
    claims = factcheck.extract(text, published=published)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def _tags(claim, prefix: str) -> set[str]:
    return {t for t in (claim.subject_key or "").split() if t.startswith(prefix)}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("قالت قسد إنها قتلت 14 مقاتلاً من تنظيم داعش في ريف دير الزور.", "party:ISIS"),
        ("أعلنت قوات سوريا الديمقراطية (قسد) مقتل 14 مقاتلاً من صفوفها في هجوم لداعش.", "party:SDF"),
        ("Nine SDF fighters were killed in an attack near Busayrah, the SDF said.", "party:SDF"),
        ("Some 9,000 ISIS fighters are held in prisons in northeast Syria, officials said.", "party:ISIS"),
        ("The SDF said 14 of its fighters were killed in the ISIS attack on Thursday.", "party:SDF"),
    ],
)
def test_party_of_the_people_counted(text, party):
    assert _tags(_claim(text), "party:") == {party}


def test_party_only_when_attached_to_the_noun():
    claim = _claim("قال مسؤول إن 300 شخص نزحوا من قرى قرب مناطق سيطرة تنظيم داعش.")
    assert _tags(claim, "party:") == set()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وصلت 650 عائلة عراقية إلى مخيم الجدعة يوم الخميس.", "nationality:Iraq"),
        ("An official said 1,200 Iraqi families were repatriated in August.", "nationality:Iraq"),
        ("Lebanon hosts 1.5 million Syrian refugees, the government said.", "nationality:Syria"),
        ("UNHCR said 1.2 million Syrians have returned since December.", "nationality:Syria"),
        ("قالت المفوضية إن 1.2 مليون سوري عادوا إلى بلادهم.", "nationality:Syria"),
    ],
)
def test_nationality_of_the_people_counted(text, country):
    assert _tags(_claim(text), "nationality:") == {country}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("عثرت القوات على نفق يبلغ طوله 12 كيلومتراً في ريف حلب.", "event:length"),
        ("تقع البلدة على بعد 12 كيلومتراً من خطوط التماس.", "event:distance"),
        ("Troops found a tunnel network stretching 12 km in the Aleppo countryside.", "event:length"),
        ("The town lies 12 km east of the front line.", "event:distance"),
    ],
)
def test_what_a_length_measures(text, event):
    assert event in _tags(_claim(text), "event:")


def test_distance_words_only_read_for_lengths():
    # "بعد" is "after" here: a count of people is never tagged as a distance
    claim = _claim("عاد 40 شخصاً إلى القرية بعد انتهاء الاشتباكات.")
    assert not _tags(claim, "event:distance") and not _tags(claim, "event:length")


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
