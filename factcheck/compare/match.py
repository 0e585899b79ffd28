"""Which claims are about the same quantity? Blocking, then subject similarity; never all pairs.

Claims are grouped into blocks by unit dimension and by what they count (the set of entities in the
subject, else the subject key's head word); inside a block each claim is compared with its nearest
neighbours in time order only, so the work grows as n log n. Look-alikes stay apart: different
counted nouns (detainee vs person, killed vs arrested) never share a block, and two claims about
different places or parties never share an entity set.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import NamedTuple

from factcheck.compare import timescope, units
from factcheck.compare.rules import Rules
from factcheck.context.kinds import HELD_UNITS, PLACE_TYPES
from factcheck.model import Claim

#: kinds named on one side only pair just when both name the same place (whose people a figure counts is
#: the frame's ``owner``, compared in :func:`identity_why`)
_PARTY_KINDS = frozenset({"armed_group"})
#: days apart two times may be for one organisation's figures in two languages to meet
_SAME_MONTH = 31


@cache
def _source_places(source_text: str) -> tuple[str, ...]:
    from factcheck.context import source_places

    return source_places(source_text)


def scope(c: Claim) -> tuple[str, ...]:
    """What a figure is about: the entities of its subject or sentence, else the place its source
    speaks for ("Lebanon's government said the country hosts 1.5 million")."""
    if c.entities:
        return c.entities
    return _source_places(c.source_text) if c.source_text else ()


_CONCEPTS = "factcheck/compare/concepts.toml"


@cache
def _concept_data() -> dict:
    import tomllib
    from importlib import resources

    with resources.files(__package__).joinpath("concepts.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def occurrences() -> frozenset[str]:
    """Counted nouns of things that happen (``concepts.toml`` ``[occurrences]``)."""
    return frozenset(str(x) for x in _concept_data().get("occurrences", {}).get("units", []))


@cache
def happenings() -> frozenset[str]:
    """Events that happen on a day (``concepts.toml`` ``[happenings]``)."""
    return frozenset(str(x) for x in _concept_data().get("happenings", {}).get("events", []))


@cache
def happening_measures() -> frozenset[str]:
    """Measures of what passes or is done on a day (``concepts.toml`` ``[happenings] measures``)."""
    return frozenset(str(x) for x in _concept_data().get("happenings", {}).get("measures", []))


def happens_on_a_day(c: Claim) -> bool:
    """Does the figure count what happens on a day (trucks, raids, the killed, a convoy's tonnes)?"""
    return concept(c) in occurrences() or event_of(c) in happenings() or c.measure in happening_measures()


@cache
def close_days(measure: str | None) -> int | None:
    """How many days apart two readings of ``measure`` may be compared (``[close_days]``), or None."""
    value = _concept_data().get("close_days", {}).get(measure or "")
    return int(value) if isinstance(value, int) else None


@cache
def _concepts() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str]]:
    """``concepts.toml``: event units, people nouns, generic units, periodic measures."""
    from factcheck.errors import ConfigError

    path = _CONCEPTS
    data = _concept_data()
    try:
        events = {str(k): str(v) for k, v in data["event_units"].items()}
        people = frozenset(str(x) for x in data["people"]["nouns"])
        generic = frozenset(str(x) for x in data["generic"]["units"])
        periodic = frozenset(str(x) for x in data["periodic"]["measures"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"missing or malformed table: {exc}", path=path) from None
    return events, people, generic, periodic


def _head(c: Claim) -> str | None:
    """The counted noun a figure inherits in its subject key when it has no unit of its own ("146
    militants" → fighter): the key's first word, when it is a canonical (ASCII) unit name."""
    if c.unit:
        return c.unit
    key = c.subject_key
    if not key:
        return None
    head = key.split(maxsplit=1)[0]
    return head if head in _unit_names() else None


@cache
def _unit_names() -> frozenset[str]:
    """What a subject key's first word must be to name a unit: a unit the lexicons read, a convertible
    unit, or a unit the concept tables name (a key's first word may also be any word of the text:
    "rials", "remained")."""
    from factcheck.lexicon import unit_names

    event_units, people, generic_units, _periodic = _concepts()
    return frozenset(
        {*unit_names(), *units.known(), *event_units, *people, *generic_units, *currency_words()}
    )


@cache
def people_measures() -> dict[str, frozenset[str]]:
    """Measures whose figures count people whatever the noun, with the nouns that count them besides
    people in general (``[people_measures]``)."""
    table = _concept_data().get("people_measures", {})
    return {str(m): frozenset(str(x) for x in nouns) for m, nouns in table.items()}


@cache
def currency_words() -> frozenset[str]:
    """Units that name a family of currencies (``[currency_words]``)."""
    return frozenset(str(x) for x in _concept_data().get("currency_words", {}).get("units", []))


@cache
def _currency(unit: str, countries: tuple[str, ...]) -> str:
    from factcheck.context.places import currency_for

    return currency_for(unit, countries) or unit


def _countries(c: Claim) -> tuple[str, ...]:
    nationals = nationals_of(c)
    return (*scope(c), *((nationals,) if nationals else ()))


def nationals_of(c: Claim) -> str | None:
    """The country whose nationals (or currency) a figure counts: its owner, when that is a country
    ("Syrian refugees", "ليرة سورية"; an armed group owns its fighters)."""
    return c.owner if c.owner and entity_type(c.owner) == "country" else None


def concept(c: Claim) -> str | None:
    """What a figure counts or measures, language-independent: its unit, with nouns that name an
    event ("wounded") or people in general ("residents") counted as people, and a currency word
    ("pounds", "جنيه") as the ISO code of the currency its places use (EGP)."""
    unit = _head(c)
    if unit is None:
        return None
    if unit in currency_words():
        if unit == "lb":
            from factcheck.context.places import is_money

            if not is_money(unit, c.measure, c.value):
                return unit  # pounds of weight
        return _currency("pound" if unit == "lb" else unit, _countries(c))
    event_units, people, _generic, _periodic = _concepts()
    if unit in event_units or unit in people:
        return "person"
    if unit == "case" and event_of(c) in ("killed", "injured"):
        return "person"  # "120 حالة وفاة": deaths
    return same_count().get(unit, unit)


@cache
def same_count() -> dict[str, str]:
    """Counted nouns that count one thing under two names, each to its group's first
    (``concepts.toml`` ``[same_count]``: households are families, vessels ships)."""
    from factcheck.errors import ConfigError

    out: dict[str, str] = {}
    for group in _concept_data().get("same_count", {}).get("groups", []):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(n, str) for n in group):
            what = f"same_count.groups: {group!r}: expected a list of two or more nouns"
            raise ConfigError(what, path=_CONCEPTS)
        for noun in group:
            out[noun] = group[0]
    return out


def event_of(c: Claim) -> str | None:
    """What happened to what is counted: the frame's event, else the unit when it names one."""
    if c.event:
        return c.event
    unit = _head(c)
    found = _concepts()[0].get(unit or "")
    if found:
        return found
    return None


def generic(c: Claim) -> bool:
    """A figure whose unit alone says little: a share, a currency, a bare number, or people with no
    event: it pairs only on what its frame says it measures."""
    unit = concept(c)
    if unit is None or unit in _concepts()[2] or unit in currency_words():
        return True
    if unit.isupper() and len(unit) == 3:  # an ISO currency code
        return True
    return unit == "person" and event_of(c) is None


def periodic(c: Claim) -> bool:
    """A total over a period (a month's inflation, a year's revenue, a daily rate)."""
    return (c.measure in _concepts()[3]) or bool(c.aggregation and c.aggregation.startswith("per_"))


def _dimension(c: Claim, unit: str | None) -> str | None:
    """The blocking dimension of a figure with concept ``unit``: the concept's (pint) dimension,
    ``number`` for a bare number whose frame says what it measures, None for a figure nothing
    identifies."""
    if unit is not None:
        return _money_family(unit) or units.dimension(unit)
    return "number" if c.measure else None


@cache
def _money_family(unit: str) -> str | None:
    """The family of a currency code or word ("EGP", "LBP", "pound" → "pound"): resolved and unresolved
    sums in one family share a block, as :func:`_same_units` lets them meet."""
    from factcheck.context.places import currency_family

    return currency_family(unit)


def block_keys(c: Claim, articles: bool = True, f: Facts | None = None) -> list[tuple[str, str]]:
    """The blocks a claim belongs to. With ``articles`` (checking a few documents): one block per
    dimension, so figures in other words or the other language meet (:func:`identity` decides). For
    the ledger: what the frame says it measures, what happened, each entity it names, else its
    subject key's head word. ``f``: the claim's facts, when the caller has them."""
    f = f or facts(c)
    dim = f.dimension
    if dim is None:
        return []
    nouns = people_measures().get(c.measure or "")
    counted = nouns is not None and (dim == "number" or f.concept in nouns or f.concept == "person")
    if articles:
        # a count or a bare number meets the other counts its frame measures alike ("5.1 million
        # Jordanians" and "5.2 million voters" registered; "more than 21,000" cases)
        keys = [(dim, "*"), ("count", "m:" + c.measure)] if counted else [(dim, "*")]
        if f.open and c.measure:
            keys.append(("number", "*"))  # the other language's bare numbers of its measure
        return keys
    keys = []
    if counted:
        keys.append(("count", "m:" + c.measure))
    if c.measure:
        keys.append((dim, "m:" + c.measure))
    if f.event:
        keys.append((dim, "v:" + f.event))
    keys += [(dim, "e:" + e) for e in f.scope]
    if not keys and c.subject_key:
        keys.append((dim, "s:" + c.subject_key.split()[0]))
    return keys


def block_key(c: Claim) -> tuple[str, str] | None:
    """The block a ledger lookup asks for: the first entity, else the subject's head word."""
    keys = [k for k in block_keys(c) if not k[1].startswith("d:")]
    return keys[0] if keys else None


def _time_order(c: Claim) -> tuple[str, str]:
    return (_first_day(c.time), c.id)


@cache
def _first_day(time: str | None) -> str:
    """The first day a time scope covers, ISO (sorts as dates do); "9999" when unknown."""
    span = timescope.interval(time)
    return span[0].isoformat() if span else "9999"


@cache
def entity_type(name: str) -> str:
    """The gazetteer type of an entity, looked up once per name and run."""
    from factcheck.context import entity_type as lookup

    return lookup(name)


@cache
def _ancestors(name: str) -> frozenset[str]:
    """The places that contain ``name`` (al-Hol → Hasakah → Syria), from the gazetteer's ``within``."""
    from factcheck.context import data

    within = data.gazetteer().within
    chain: list[str] = []
    while name in within and within[name] not in chain and len(chain) < 10:
        name = within[name]
        chain.append(name)
    return frozenset(chain)


def _named(c: Claim, f: Facts) -> tuple[str, ...]:
    """The places a figure names, but the country its nationals' adjective gives ("ليرة سورية",
    "Syrian refugees"): that says whose, not where."""
    nationals = f.nationals
    return tuple(e for e in c.entities if e != nationals) if nationals else c.entities


def _one_place_within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One side names a single place, strictly inside a place the other names, and the other names
    neither it nor anything inside it: a province's or a city's own figure against the country's. (A
    list of places, "in Tizi Ouzou, Bejaia and Jijel", says where an event was, not a part of it.)"""
    pa, pb = _parts(a), _parts(b)
    for one, other in ((pa.innermost, pb.places), (pb.innermost, pa.places)):
        if len(one) == 1 and other and one[0] not in other:
            inside = _ancestors(one[0])
            if any(y in inside and _namesakes(one[0], y) for y in other):
                continue  # "Marib" against "Marib Governorate, Yemen": the province of that name
            if any(y in inside for y in other) and not any(one[0] in _ancestors(y) for y in other):
                return True
    return False


@lru_cache(maxsize=1 << 12)
def _namesakes(inner: str, outer: str) -> bool:
    """A place and the province named after it ("Hodeidah" and "Hodeidah Governorate", "Ma'rib" and
    "Marib Governorate"): the outer name's letters begin with all of the inner's. Writers use the bare
    name for either ("displaced families in Marib"), so it is no part of the other."""
    if entity_type(outer) == "country":
        return False
    letters_in = "".join(ch for ch in inner.casefold() if ch.isalnum())
    letters_out = "".join(ch for ch in outer.casefold() if ch.isalnum())
    return len(letters_in) >= 3 and letters_out.startswith(letters_in) and letters_out != letters_in


def _innermost(places: list[str]) -> list[str]:
    """The places of a list that hold none of the others: "Taiz, in south-western Yemen" is Taiz."""
    return [x for x in places if not any(y != x and x in _ancestors(y) for y in places)]


def _related(x: str, y: str) -> bool:
    return x == y or x in _ancestors(y) or y in _ancestors(x)


def compatible_entities(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Do two scopes name the same thing? Places must nest (Damascus within Syria, al-Hol within al-Hol
    and Roj), other kinds must overlap: Lebanon vs Jordan, Idlib vs Aleppo, al-Hol vs Roj and SDF vs
    ISIS never pair; "ISIS detainees held by the SDF" and "SDF-held detainees" do.

    Each scope is read once (:func:`_parts`: its places and its other names by kind); a ledger meets
    far more pairs of scopes than it holds scopes."""
    if a == b:
        return True
    pa, pb = _parts(a), _parts(b)
    others_a, others_b = pa.others, pb.others
    for kind in others_a.keys() & others_b.keys():
        if not others_a[kind] & others_b[kind]:
            return False
    if pa.parties ^ pb.parties:  # a party kind named on one side only
        # "ISIS fighters in Syria" vs "fighters the SDF deployed to Deir ez-Zor": only the same place named
        return bool(pa.names & pb.names & (pa.place_set | pb.place_set))
    places_a, places_b = pa.places, pb.places
    if places_a and places_b:
        return all(any(_related(x, y) for y in places_b) for x in places_a) or all(
            any(_related(x, y) for x in places_a) for y in places_b
        )
    return bool(pa.names & pb.names)


class _Scope(NamedTuple):
    """What the place tests read of one scope, worked out once (:func:`_parts`)."""

    names: frozenset[str]
    places: tuple[str, ...]  # the names that are places, in order
    place_set: frozenset[str]
    innermost: tuple[str, ...]  # the places that hold none of the others
    others: dict[str, frozenset[str]]  # the other names, by gazetteer type
    parties: frozenset[str]  # the party kinds (armed groups) it names any of


@lru_cache(maxsize=1 << 16)
def _parts(names: tuple[str, ...]) -> _Scope:
    places = tuple(x for x in names if entity_type(x) in PLACE_TYPES)
    others: dict[str, set[str]] = {}
    for name in names:
        kind = entity_type(name)
        if kind not in PLACE_TYPES:
            others.setdefault(kind, set()).add(name)
    return _Scope(
        frozenset(names),
        places,
        frozenset(places),
        tuple(_innermost(list(places))),
        {kind: frozenset(found) for kind, found in others.items()},
        frozenset(others.keys() & _PARTY_KINDS),
    )


_MATERIAL_DIMENSIONS = frozenset({"mass", "volume", "flow"})


def _material(c: Claim) -> str | None:
    """The first word after the unit in the subject key: what a quantity of goods is of ("flour")."""
    return _material_of(c.subject_key, c.unit, c.unit_text, c.lang)


@cache
def _material_of(
    subject_key: str | None, unit: str | None, unit_text: str | None, lang: str | None
) -> str | None:
    words = (subject_key or "").split()
    from factcheck import lexicon

    unit_words = {unit or "", *lexicon.fold(unit_text or "").split()}
    units_after = lexicon.get(lang if lang in lexicon.LANGS else "en").units_after.by_first
    rest = [
        w
        for w in words
        if w not in unit_words
        and not any(len(p) == 1 for p, _ in units_after.get(w, ()))  # "bpd", "barrels": a unit's name
    ]
    return rest[0] if rest else None


def same_goods(a: str | None, b: str | None) -> bool:
    """Can two figures' goods be one ("gasoline.92" and "gasoline", or one side naming none), or are
    they two goods (diesel and gasoline; 92- and 95-octane gasoline)?"""
    if not a or not b or a == b:
        return True
    return a.startswith(b + ".") or b.startswith(a + ".")


def different_goods(a: Claim, b: Claim) -> bool:
    """120 tonnes of flour vs 120 tonnes of medicine (same language, both naming what they weigh)."""
    if a.lang != b.lang or units.dimension(a.unit) not in _MATERIAL_DIMENSIONS:
        return False
    ma, mb = _material(a), _material(b)
    if not ma or not mb or ma == mb:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(ma, mb, processor=None) < 70


def _words(c: Claim) -> frozenset[str]:
    """The subject key's words beyond its unit (what is counted, in the claim's language)."""
    return _key_words(c.subject_key, c.unit)


@cache
def _key_words(key: str | None, unit: str | None) -> frozenset[str]:
    if not key:
        return frozenset()
    return frozenset(w for w in key.split() if w != unit and len(w) > 2)


def _measured_alike(a: Claim, b: Claim, ca: str | None, cb: str | None) -> bool:
    """One measure said of counts in other words ("5.1 million Jordanians" and "5.2 million voters"
    registered; an exchange rate given as a bare number and in rials): the frame's measure names the
    quantity, whatever noun (or none) is counted."""
    if not a.measure or a.measure != b.measure:
        return False
    return ca is None or cb is None or (_plain_count(ca) and _plain_count(cb))


def _plain_count(unit: str) -> bool:
    """A counted noun, not a currency (word or code) or a measure."""
    return units.is_count(unit) and unit not in currency_words()


def _open_word_of(word: str, code: str, words: frozenset[str]) -> bool:
    """Is ``word`` a currency word no place settles that may stand for ``code`` ("dinars" said of
    nowhere and the Libyan dinars of another outlet)?"""
    return word in words and _money_family(code) == _money_family(word)


def _same_units(a: Claim, b: Claim) -> bool:
    """Same concept, or units of one pint dimension (km and miles); a currency word read with the
    places of both figures ("dinars" said of Libya by one outlet, of nowhere by the other)."""
    ca, cb = concept(a), concept(b)
    if ca == cb or _measured_alike(a, b, ca, cb):
        return True
    if ca is None or cb is None:
        return False
    words = currency_words()
    ua, ub = _head(a), _head(b)
    if ua in words or ub in words:
        both = _countries(a) + _countries(b)
        ra = _currency("pound" if ua == "lb" else ua, both) if ua in words else ca
        rb = _currency("pound" if ub == "lb" else ub, both) if ub in words else cb
        return ra == rb or _open_word_of(ra, rb, words) or _open_word_of(rb, ra, words)
    dim = units.dimension(ca)
    return dim != ca and dim == units.dimension(cb)


@dataclass(frozen=True, slots=True)
class Facts:
    """What :func:`identity_why` reads of a claim beyond its value and time, worked out once per
    claim (each claim meets dozens of neighbours) and shared by claims alike in all of it. The plain
    functions (:func:`concept`, :func:`event_of`, ...) are the oracle."""

    head: str | None
    concept: str | None
    event: str | None
    generic: bool
    countable: bool  # a count of a specific thing: its measure does not decide identity
    modal: str
    countries: tuple[str, ...]
    scope: tuple[str, ...]
    words: frozenset[str]
    nationals: str | None  # the country whose nationals are counted (see nationals_of)
    dimension: str | None  # the block dimension (see _dimension)
    open: bool  # counted by a noun no lexicon lists (units.is_open): it meets the other language bare
    sig: int  # one number per distinct set of facts (and frame fields): the key pair verdicts are kept by


#: the facts of each signature, numbered once (numbers are never reused, so a number held after the
#: table is emptied only misses in ``_known``); bounded
_by_signature: dict[tuple, Facts] = {}
_sig_numbers = itertools.count()
_SIGS_KEPT = 1 << 20


def facts(c: Claim) -> Facts:
    """A claim's :class:`Facts`, from the plain functions; claims alike in everything they read (and
    in the frame fields :func:`identity_why` compares) share one."""
    key = (
        c.unit,
        c.unit_text,
        c.subject_key,
        c.measure,
        c.event,
        c.entities,
        None if c.entities else c.source_text,
        c.unit == "lb" and (c.value or 0) < 1_000_000,  # pounds of weight or money (see concept)
        c.modality,
        c.aggregation,
        c.owner,
        c.group,
        c.scope,
        c.lang,
        c.goods,
    )
    got = _by_signature.get(key)
    if got is None:
        if len(_by_signature) >= _SIGS_KEPT:
            _by_signature.clear()
        got = _by_signature[key] = _facts_read(c, next(_sig_numbers))
    return got


def _facts_read(c: Claim, sig: int) -> Facts:
    unit = concept(c)
    is_generic = generic(c)
    return Facts(
        _head(c),
        unit,
        event_of(c),
        is_generic,
        units.is_count(unit) and not is_generic,
        _modal_class(c),
        _countries(c),
        scope(c),
        _words(c),
        nationals_of(c),
        _dimension(c, unit),
        units.is_open(unit),
        sig,
    )


def _happens(f: Facts) -> bool:
    """Counts things that happen (convoys' trucks, raids): a count over one day and one over a week are
    two counts. (People displaced or killed may be a standing total; their spans decide nothing.)"""
    return f.concept in occurrences()


def _aggregation(c: Claim, f: Facts) -> str:
    """How a figure is aggregated, for identity: a rate's period ("annual inflation", "معدل سنوي") is
    the basis of the rate, not a total per year."""
    found = c.aggregation or "point"
    return "point" if found.startswith("per_") and f.concept in rates() else found


@cache
def rates() -> frozenset[str]:
    """Units of rates and shares (``concepts.toml`` ``[rates]``)."""
    return frozenset(str(x) for x in _concept_data().get("rates", {}).get("units", []))


def _same_units_of(a: Claim, b: Claim, fa: Facts, fb: Facts) -> bool:
    """:func:`_same_units` on worked-out facts."""
    ca, cb = fa.concept, fb.concept
    if ca == cb or _measured_alike(a, b, ca, cb):
        return True
    if ca is None or cb is None:
        return False
    words = currency_words()
    ua, ub = fa.head, fb.head
    if ua in words or ub in words:
        both = fa.countries + fb.countries
        ra = _currency("pound" if ua == "lb" else ua, both) if ua in words else ca
        rb = _currency("pound" if ub == "lb" else ub, both) if ub in words else cb
        return ra == rb or _open_word_of(ra, rb, words) or _open_word_of(rb, ra, words)
    dim = units.dimension(ca)
    return dim != ca and dim == units.dimension(cb)


def identity_why(
    a: Claim, b: Claim, rules: Rules, fa: Facts | None = None, fb: Facts | None = None
) -> tuple[int | None, str]:
    """How strongly the frames say two figures are one quantity, or None when they are not.

    They must count or measure the same thing (concept and unit dimension, event, measure), in the same
    modality (a target never meets an actual figure) and aggregation (a daily rate never meets a
    total), for the same owner, nationals and goods, about compatible places. The strength counts the
    positive evidence: the same measure (2), the same event, places named on both sides, the same
    source, a specific counted noun (trucks, seats), alike subject words. Figures with a generic unit
    (a share, a currency, a bare number, people with no event) need the same measure, or (in one
    language) alike subject words. Also says which test decided (for explanations and tuning).

    Claims alike in all but value and time meet thousands of times in a ledger: their verdict is
    remembered by signature (times join the key only when an aggregation makes them count); the
    plain :func:`_identity` decides the rest and is the oracle for the remembered ones. ``fa`` and
    ``fb`` are the claims' facts when the caller has them."""
    strength, why = _remembered(a, b, rules, fa or facts(a), fb or facts(b))
    if strength is None:
        return None, why
    if transposed(a.value, b.value):
        strength += 1  # 1,835 vs 1,853: one figure mistyped as the other
    return (strength or None), why


def _remembered(a: Claim, b: Claim, rules: Rules, fa: Facts, fb: Facts) -> tuple[int | None, str]:
    """:func:`_identity`, remembered by the pair's signatures."""
    timed = (a.time, a.time_basis, b.time, b.time_basis) if a.aggregation or b.aggregation else None
    key = (fa.sig, fb.sig, a.doc == b.doc, a.source == b.source, not a.source, timed, rules.subject_min)
    got = _known.get(key)
    if got is None:
        if len(_known) >= _KNOWN_KEPT:
            _known.clear()
        got = _known[key] = _identity(a, b, fa, fb, rules)
    return got


def _one_quantity(a: Claim, b: Claim, rules: Rules, fa: Facts, fb: Facts) -> bool:
    """``identity_why(...)[0] is not None``, reading the digits only when they decide."""
    strength = _remembered(a, b, rules, fa, fb)[0]
    return strength is not None and (strength > 0 or transposed(a.value, b.value))


#: pair verdicts remembered by signature (bounded)
_known: dict[tuple, tuple[int | None, str]] = {}
_KNOWN_KEPT = 1 << 20


def _bare(f: Facts) -> Facts:
    """The facts of a figure counted by a noun no lexicon lists, read as those of a bare number (for a
    figure in the other language: "25,000 mosquito nets" and "٢٥ ألف ناموسية" meet on their frames)."""
    if not f.open:
        return f
    return replace(f, head=None, concept=None, generic=True, countable=False, open=False)


def _identity(a: Claim, b: Claim, fa: Facts, fb: Facts, rules: Rules) -> tuple[int | None, str]:
    """:func:`identity_why` worked out in full, but for the transposed-digits bonus: the strength
    (0 included) or None, and the test that decided."""
    if a.lang != b.lang and (fa.open or fb.open):
        fa, fb = _bare(fa), _bare(fb)  # a noun no lexicon lists names nothing in the other language
    if not _same_units_of(a, b, fa, fb):
        return None, "units"
    ea, eb = fa.event, fb.event
    if ea and eb and ea != eb:
        return None, "event"
    ma, mb = a.measure, b.measure
    if ma and mb and ma != mb and not fa.countable:
        return None, "measure"  # a share, a sum, a measure (bpd, tonnes) is what its measure says
    if fa.modal != fb.modal:
        return None, "modality"
    ga, gb = _aggregation(a, fa), _aggregation(b, fb)
    if ga != gb and (ga.startswith("per_") or gb.startswith("per_") or _spans_differ(a, b)):
        return None, "aggregation"  # a daily rate vs a total; a day's count vs a running total
    done = gb if a.modality == "required" else ga  # the aggregation of the figure that is no need
    if (a.modality == "required") != (b.modality == "required") and done == "cumulative":
        return None, "modality"  # what is still needed now vs what was done over a stretch
    if {ga, gb} == {"cumulative", "point"} and _period_inside_running(a, b, ga == "cumulative"):
        return None, "aggregation"  # 4,400 new cases in a week vs 16,780 since August
    if ga == gb == "cumulative" and _starts_differ(a, b):
        return None, "aggregation"  # killed since October 2023 vs killed since 27 May
    if ga == gb == "point" and (_happens(fa) or _happens(fb)) and _spans_differ(a, b):
        return None, "aggregation"  # a day's trucks vs a week's
    if a.owner and b.owner and a.owner != b.owner:
        return None, "owner"
    if bool(a.owner) != bool(b.owner) and (_held(a) or _held(b)):
        return None, "owner"  # one party's seats against seats whose party goes unnamed (or unknown)
    if a.group != b.group:
        return None, "group"  # unemployment among women vs overall
    if {a.scope, b.scope} == {"part", "whole"} and (a if a.scope == "part" else b).unit is None:
        return None, "scope"  # "11.5 million displaced, of whom 8.8 million since the war": a slice of a
        # whole is no count of it (a part with a noun of its own, "among them 10 aid workers", counts that)
    if (a.scope == "variant") != (b.scope == "variant"):
        return None, "scope"  # the deficit before grants vs the deficit (after them), in any document
    if _scope(a) != _scope(b) and a.doc == b.doc:
        return None, "scope"  # a part, or another set of its kind, against the article's other figures
    if different_goods(a, b) or not same_goods(a.goods, b.goods):
        return None, "goods"
    sa, sb = fa.scope, fb.scope
    if sa and sb and not compatible_entities(sa, sb):
        return None, "places"
    if a.entities and b.entities and _one_place_within(_named(a, fa), _named(b, fb)):
        return None, "places"  # the Beqaa's count vs Lebanon's: a part and its whole
    strength = 0
    if ma and ma == mb:
        strength += 2
    if ea and ea == eb:
        strength += 1
    if sa and sb:
        strength += 1 + _below_country(sa, sb)
    if a.source and a.source == b.source:
        strength += 1
    if a.owner and a.owner == b.owner and not fa.nationals:
        strength += 1  # one party's seats or people (a country's nationals: a trait of a whole story)
    if ga == gb == "cumulative" and _same_start(a, b):
        strength += 1  # two running totals counted from one stated start ("since 2014")
    specific = not (fa.generic or fb.generic)
    if specific:
        strength += 1
    alike = False
    if a.lang == b.lang:
        wa, wb = fa.words, fb.words
        if wa and wb and wa & wb:
            from rapidfuzz import fuzz  # lazily: only for keys with words in common

            alike = fuzz.token_set_ratio(a.subject_key, b.subject_key, processor=None) >= rules.subject_min
            strength += alike and a.unit is not None and b.unit is not None
    if not specific and not (ma and ma == mb) and not (alike and (ea == eb or not (ea or eb))):
        # a share, a sum or people with nothing else in common: only about one named place
        if not (sa and sb):
            return None, "generic"
    return strength, "strength"


def identity(a: Claim, b: Claim, rules: Rules) -> int | None:
    """How strongly the frames say two figures are one quantity, or None when they are not (see
    :func:`identity_why`)."""
    return identity_why(a, b, rules)[0]


def _period_inside_running(a: Claim, b: Claim, a_runs: bool) -> bool:
    """The point figure counts over a stated period of more than a day (a week's new cases) that is
    over a week shorter than the running total's stretch: what happened in that period, not the total."""
    running, period = (a, b) if a_runs else (b, a)
    dr, dp = timescope.days(running.time), timescope.days(period.time)
    if dr is None or dp is None or period.time_basis != "stated":
        return False
    length = dp[1] - dp[0]
    return length > 0 and (dr[1] - dr[0]) - length > 7


def _held(c: Claim) -> bool:
    """What a party holds: seats or votes, by unit or by measure (``HELD_UNITS``)."""
    return c.unit in HELD_UNITS or c.measure in HELD_UNITS.values()


def _scope(c: Claim) -> str | None:
    """The scope that keeps one article's figures apart: a whole is any figure to all but its parts."""
    return None if c.scope == "whole" else c.scope


def _starts_differ(a: Claim, b: Claim) -> bool:
    """Two running totals counted from different starts (more than a week apart)."""
    da, db = timescope.days(a.time), timescope.days(b.time)
    if da is None or db is None or da[0] == da[1] or db[0] == db[1]:
        return False
    return abs(da[0] - db[0]) > 7 and max(da[0], db[0]) > min(da[0], db[0])


def _same_start(a: Claim, b: Claim) -> bool:
    """Two running totals counted from one start (within a week), both stretching over time."""
    da, db = timescope.days(a.time), timescope.days(b.time)
    if da is None or db is None or da[0] == da[1] or db[0] == db[1]:
        return False
    return abs(da[0] - db[0]) <= 7


def _spans_differ(a: Claim, b: Claim) -> bool:
    """One figure is stated for a day ("on Monday"), the other covers more than five days (a week's count,
    a running total since X). A figure that holds as of its statement or publication day is a reading,
    not a day's count."""
    da, db = timescope.days(a.time), timescope.days(b.time)
    if da is None or db is None:
        return False
    shorter = a if da[1] - da[0] <= db[1] - db[0] else b
    short, long = sorted((da[1] - da[0], db[1] - db[0]))
    if short != 0 or shorter.time_basis != "stated":
        return False  # a reading as of a statement or publication day is no day's count
    return long > 5  # a day's count vs a week's, a month's or a running total


def transposed(x: float | int | None, y: float | int | None) -> bool:
    """Do two figures read as one another with two digits swapped (1,835 and 1,853; 48 and 84)?"""
    if x is None or y is None or x == y:
        return False
    dx, dy = _digits(x), _digits(y)
    if dx is None or dy is None or len(dx) != len(dy) or len(dx) < 2:
        return False
    diff = [k for k in range(len(dx)) if dx[k] != dy[k]]
    return len(diff) == 2 and dx[diff[0]] == dy[diff[1]] and dx[diff[1]] == dy[diff[0]]


def shifted(x: float | int | None, y: float | int | None) -> bool:
    """Do two figures differ by a power of ten only, with the same digits (400,000 and 40,000; 2,100
    and 21,000): one slipped a place, as figures are mistyped, rather than two sizes of things?"""
    if not x or not y or x == y:
        return False
    big, small = max(abs(x), abs(y)), min(abs(x), abs(y))
    if big / small > 1000:
        return False  # a place or three slipped (thousands for millions), no further
    dx = _digits(x)
    if dx is None or dx != _digits(y):
        return False
    return len(dx) > 1 or small >= 1000  # 4 vs 400 is as likely two counts as one misprinted


@lru_cache(maxsize=1 << 16)
def _digits(x: float | int) -> str | None:
    """The significant digits of a figure ("1835" for 1,835 and 1.835 million), None past a float."""
    try:
        text = f"{float(x):.15g}"
    except OverflowError:
        return None
    if "e" in text or "inf" in text or "nan" in text:
        return None
    return text.replace("-", "").replace(".", "").strip("0") or None


#: modalities that never meet each other: a target or forecast, a pledge, and what was done or needed
_MODAL_CLASSES = {"target": "plan", "forecast": "plan", "pledged": "pledge"}


def _modal_class(c: Claim) -> str:
    return _MODAL_CLASSES.get(c.modality or "actual", "actual")


@lru_cache(maxsize=1 << 16)
def _below_country(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """1 when the two scopes share a place below a country (a camp, a city, a province)."""
    shared = set(a) & set(b)
    return int(any(entity_type(x) in PLACE_TYPES and entity_type(x) != "country" for x in shared))


def similar_subjects(a: Claim, b: Claim, rules: Rules) -> bool:
    """Are two figures one quantity (see :func:`identity`)?"""
    return identity(a, b, rules) is not None


def by_source_only(a: Claim, b: Claim) -> bool:
    """Paired on their source alone: keys in two languages share no words, so one organisation's figure
    reported in Arabic and in English (same month, no entity named) meets; too weak a match to call the
    two a conflict (``compare_claims`` drops that verdict for such pairs)."""
    if a.lang == b.lang or a.entities or b.entities or a.subject_key == b.subject_key:
        return False
    gap = timescope.gap_days(a.time, b.time)
    return bool(a.source) and a.source == b.source and gap is not None and gap <= _SAME_MONTH


def conversion(a: Claim, b: Claim) -> float | None:
    """Factor that expresses ``b`` in ``a``'s unit, or None when the units do not compare. Figures
    counting one concept ("wounded" and "people" injured; a noun the subject names when the figure has
    no unit; a currency word and the code it resolves to) need none."""
    if a.unit == b.unit:
        return 1.0
    ca, cb = concept(a), concept(b)
    ua, ub = a.unit, b.unit
    if a.lang != b.lang:  # a noun no lexicon lists is a bare number to the other language (_bare)
        if units.is_open(ca):
            ca = ua = None
        if units.is_open(cb):
            cb = ub = None
        if ua == ub:
            return 1.0
    if ca is not None and ca == cb:
        return 1.0
    ua, ub = ua or ca, ub or cb
    if not ua or not ub:
        # a bare number its frame measures as the other's count ("9.1 million" registered to vote)
        return 1.0 if _measured_alike(a, b, ca, cb) and _plain_count(ua or ub or "") else None
    factor = units.factor(ub, ua)
    if factor is None and _same_units(a, b):
        return 1.0  # one currency, named by its word on one side and by its code on the other
    return factor


def candidate_pairs(
    claims: Iterable[Claim],
    rules: Rules,
    *,
    window: int | None = None,
    progress=None,
    articles: bool = True,
    keep: Callable[[Claim, Claim], bool] | None = None,
    known: dict[int, Facts] | None = None,
) -> Iterator[tuple[Claim, Claim, float]]:
    """Pairs of claims about the same quantity, each with the factor from the second's unit to the first's.

    Each pair of claim ids is considered once (its first meeting decides). ``keep`` drops pairs before
    their subjects are compared (what the caller would drop anyway: other sources only, ...). ``known``
    receives each claim's :class:`Facts` by ``id`` (for the caller's own identity questions)."""
    window = window or rules.window
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    # A pair of ids can meet twice only if one of them takes several places in the blocks (several
    # keys, or several claims with that id): only such pairs need remembering.
    placed: set[str] = set()
    repeated: set[str] = set()
    known = {} if known is None else known  # each claim's facts, worked out once (the blocks hold the claims)
    for c in claims:
        if c.kind == "quantity":
            f = known[id(c)] = facts(c)
            keys = block_keys(c, articles, f)
            if not keys:
                continue
            for key in keys:
                blocks[key].append(c)
            if len(keys) > 1 or c.id in placed:
                repeated.add(c.id)
            else:
                placed.add(c.id)
    del placed
    seen: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=_time_order)
        if progress is not None:
            progress.update(len(members))
        count = len(members)
        sigs = [known[id(m)] for m in members]
        for i, a in enumerate(members):
            a_id = a.id
            a_repeated = a_id in repeated if repeated else False
            fa = sigs[i]
            for j in range(i + 1, min(i + 1 + window, count)):
                b = members[j]
                b_id = b.id
                if a_id == b_id:
                    continue
                if a_repeated or (repeated and b_id in repeated):
                    pair = (a_id, b_id) if a_id < b_id else (b_id, a_id)
                    if pair in seen:
                        continue
                    seen.add(pair)
                if keep is not None and not keep(a, b):
                    continue
                if not _one_quantity(a, b, rules, fa, sigs[j]):
                    continue
                factor = conversion(a, b)
                if factor is not None:
                    yield a, b, factor
