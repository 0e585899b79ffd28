"""Organisations across languages: international bodies, parties and armed groups, and national
ministries by pattern meeting under one canonical name."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.context import organisations, places

HEALTH = "Iraq: Ministry of Health"


def _claim(text: str):
    claims = factcheck.extract(text, published="2025-11-13")
    assert claims, text
    return claims[0]


@pytest.mark.parametrize(
    "text,written",
    [
        ("قالت وزارة الصحة العراقية إن 45 شخصاً توفوا.", "وزارة الصحة العراقية"),
        ("قال وزير الصحة العراقي إن 45 شخصاً توفوا.", "وزير الصحة العراقي"),
        ("أعلنت وزارة الصحة في العراق أن 45 شخصاً توفوا.", "وزارة الصحة في العراق"),
        ("Iraq's health ministry said 45 people died.", "Iraq's health ministry"),
        ("The Iraqi Ministry of Health said 45 people died.", "The Iraqi Ministry of Health"),
        (
            "Iraqi Health Minister Saleh al-Hasnawi said 45 people died.",
            "Iraqi Health Minister Saleh al-Hasnawi",
        ),
        ("45 people died, the Iraqi health ministry said.", "the Iraqi health ministry"),
    ],
)
def test_ministry_by_pattern_meets_under_one_name(text, written):
    claim = _claim(text)
    assert claim.source == HEALTH
    assert claim.source_text == written  # as written, office-holder and all


@pytest.mark.parametrize(
    "ar,en,canonical",
    [
        (
            "قالت وزارة الداخلية السورية إن 300 شخص اعتقلوا.",
            "Syria's interior ministry said 300 people were arrested.",
            "Syria: Ministry of Interior",
        ),
        (
            "قال وزير المالية المصري إن العجز بلغ 6%.",
            "Egyptian Finance Minister said the deficit reached 6%.",
            "Egypt: Ministry of Finance",
        ),
        (
            "قالت وزارة الخارجية القطرية إن 40 شخصاً أجلوا.",
            "Qatar's foreign ministry said 40 people were evacuated.",
            "Qatar: Ministry of Foreign Affairs",
        ),
        (
            "قالت وزارة الهجرة والمهجرين العراقية إن 620 عائلة عادت.",
            "Iraq's migration ministry said 620 families returned.",
            "Iraq: Ministry of Migration",
        ),
    ],
)
def test_ministries_in_both_languages(ar, en, canonical):
    assert _claim(ar).source == canonical
    assert _claim(en).source == canonical


def test_ministry_without_a_country_stays_generic():
    assert _claim("قالت وزارة الصحة إن 45 شخصاً أصيبوا في القصف.").source == "Ministry of Health"
    assert organisations.body_of("وزارة الصحة") is None
    assert organisations.body_of("وزير الصحة العراقي") == HEALTH
    assert organisations.body_of("the Lebanese health minister") == "Lebanon: Ministry of Health"


def test_ministry_country_from_a_place_in_the_phrase():
    assert _claim("قالت وزارة الصحة في غزة إن 30 شخصاً قتلوا.").source == "Palestine: Ministry of Health"
    assert (
        _claim("The health ministry in Gaza said 30 people were killed.").source
        == "Palestine: Ministry of Health"
    )


@pytest.mark.parametrize(
    "ar,en,canonical",
    [
        ("قالت الأونروا إن 1.9 مليون شخص نزحوا.", "UNRWA said 1.9 million people were displaced.", "UNRWA"),
        (
            "قالت منظمة أطباء بلا حدود إن 200 مريض عولجوا.",
            "Doctors Without Borders said 200 patients were treated.",
            "MSF",
        ),
        (
            "قالت قوات الدعم السريع إن 40 مقاتلاً قتلوا.",
            "The Rapid Support Forces said 40 fighters were killed.",
            "RSF",
        ),
        ("قال حزب الله إن 12 عنصراً قتلوا.", "Hezbollah said 12 members were killed.", "Hezbollah"),
        ("قال الحوثيون إن 20 شخصاً قتلوا.", "The Houthis said 20 people were killed.", "Houthis"),
        (
            "قال المجلس النرويجي للاجئين إن 5 آلاف عائلة عادت.",
            "The Norwegian Refugee Council said 5,000 families returned.",
            "Norwegian Refugee Council",
        ),
    ],
)
def test_organisations_in_both_languages(ar, en, canonical):
    assert _claim(ar).source == canonical
    assert _claim(en).source == canonical


def test_organisations_belong_to_countries():
    assert places.country_of("Hezbollah") == "Lebanon"
    assert places.country_of("RSF") == "Sudan"
    assert places.country_of("UNRWA") is None
    assert places.currency_for("pound", ["Hezbollah"]) == "LBP"


def test_body_patterns_are_data():
    b = organisations.bodies("ar")
    assert "وزاره" in b.body and "وزير" in b.holder
    assert any(name == "Health" for _toks, name in b.portfolios)


def test_parallel_passages_agree_across_languages():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "context_accuracy.py"
    spec = importlib.util.spec_from_file_location("context_accuracy", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    n, same, right, failures = bench.parallel()
    assert n >= 40
    assert same / n >= 0.95, failures
    assert right / n >= 0.95, failures
