"""Which claims are about the same quantity? Blocking, then subject similarity; never all pairs.

Claims are grouped into blocks by unit dimension and by what they count (the set of entities in the
subject, else the subject key's head word); inside a block each claim is compared with its nearest
neighbours in time order only, so the work grows as n log n. Look-alikes stay apart: different
counted nouns (detainee vs person, killed vs arrested) never share a block, and two claims about
different places or parties never share an entity set.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from factcheck.compare import timescope, units
from factcheck.compare.rules import Rules
from factcheck.context.kinds import PLACE_TYPES
from factcheck.model import Claim

#: kinds named on one side only pair just when both name the same place (whose people a figure counts is
#: the ``party:`` tag, compared in :func:`similar_subjects`)
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


def block_keys(c: Claim, articles: bool = True) -> list[tuple[str, str]]:
    """The blocks a claim belongs to: one per entity it names, else its subject key's head word; with
    ``articles``, also its document's (figures of one article always meet) and its subject head."""
    dim = units.dimension(c.unit)
    if dim is None:
        return []
    keys = [(dim, "d:" + c.doc)] if articles else []
    entities = scope(c)
    if entities:
        keys += [(dim, "e:" + e) for e in entities]
        if c.subject_key and articles:  # an article names its place once: later figures may not repeat it
            keys.append((dim, "s:" + c.subject_key.split()[0]))
        return keys
    if c.subject_key:
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


def _related(x: str, y: str) -> bool:
    return x == y or x in _ancestors(y) or y in _ancestors(x)


def compatible_entities(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Do two scopes name the same thing? Places must nest (Damascus within Syria, al-Hol within al-Hol
    and Roj), other kinds must overlap: Lebanon vs Jordan, Idlib vs Aleppo, al-Hol vs Roj and SDF vs
    ISIS never pair; "ISIS detainees held by the SDF" and "SDF-held detainees" do."""
    if a == b:
        return True
    places_a = [x for x in a if entity_type(x) in PLACE_TYPES]
    places_b = [y for y in b if entity_type(y) in PLACE_TYPES]
    kinds: dict[str, tuple[set[str], set[str]]] = {}
    for side, names in enumerate((a, b)):
        for name in names:
            if entity_type(name) not in PLACE_TYPES:
                kinds.setdefault(entity_type(name), (set(), set()))[side].add(name)
    others_ok = all(not left or not right or bool(left & right) for left, right in kinds.values())
    if not others_ok:
        return False
    one_sided_party = any(
        bool(left) != bool(right) for kind, (left, right) in kinds.items() if kind in _PARTY_KINDS
    )
    if one_sided_party:
        # "ISIS fighters in Syria" vs "fighters the SDF deployed to Deir ez-Zor": only the same place named
        return bool(set(a) & set(b) & set(places_a + places_b))
    if places_a and places_b:
        return all(any(_related(x, y) for y in places_b) for x in places_a) or all(
            any(_related(x, y) for x in places_a) for y in places_b
        )
    return bool(set(a) & set(b))


@cache
def _events(key: str | None) -> frozenset[str]:
    return frozenset(t for t in key.split() if t.startswith("event:")) if key else frozenset()


@cache
def _tag(key: str | None, prefix: str) -> str | None:
    """A tag the context pass puts in the subject key: whose people (``party:``), of which country
    (``nationality:``)."""
    return next((t for t in key.split() if t.startswith(prefix)), None) if key else None


_MATERIAL_DIMENSIONS = frozenset({"mass", "volume", "flow"})


def _material(c: Claim) -> str | None:
    """The first word after the unit in the subject key: what a quantity of goods is of ("flour")."""
    return _material_of(c.subject_key, c.unit, c.unit_text)


@cache
def _material_of(subject_key: str | None, unit: str | None, unit_text: str | None) -> str | None:
    words = (subject_key or "").split()
    from factcheck.lexicon import fold

    unit_words = {unit or "", *fold(unit_text or "").split()}
    rest = [w for w in words if w not in unit_words and not w.startswith("event:")]
    return rest[0] if rest else None


def different_goods(a: Claim, b: Claim) -> bool:
    """120 tonnes of flour vs 120 tonnes of medicine (same language, both naming what they weigh)."""
    if a.lang != b.lang or units.dimension(a.unit) not in _MATERIAL_DIMENSIONS:
        return False
    ma, mb = _material(a), _material(b)
    if not ma or not mb or ma == mb:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(ma, mb, processor=None) < 70


def similar_subjects(a: Claim, b: Claim, rules: Rules) -> bool:
    """Compatible entities, or (naming none) subject keys alike enough (rapidfuzz token-set ratio).
    Figures of different events ("5 killed" and "5 arrested") or of different parties' people ("14 of
    its fighters" said by the SDF vs "14 ISIS fighters") are never the same quantity."""
    ea, eb = _events(a.subject_key), _events(b.subject_key)
    if (ea and eb and not ea & eb) or different_goods(a, b):
        return False
    # "14 SDF fighters" vs "14 ISIS fighters"; Iraqi vs Syrian families
    for tag in ("party:", "nationality:"):
        ta, tb = _tag(a.subject_key, tag), _tag(b.subject_key, tag)
        if ta and tb and ta != tb:
            return False
    if a.entities and b.entities:
        return compatible_entities(a.entities, b.entities)
    if a.entities or b.entities:
        if a.doc == b.doc:
            # an article names the camp once, then says "the camp": the same place, if the same event
            return ea == eb
        named, other = (a, b) if a.entities else (b, a)
        places = scope(other)  # the place the other's source speaks for, if any
        return bool(places) and compatible_entities(named.entities, places)
    sa, sb = scope(a), scope(b)
    if sa and sb and not compatible_entities(sa, sb):
        return False  # "Lebanon's government said ..." vs "Jordan's government said ..."
    if not (a.subject_key and b.subject_key):
        return False
    if a.subject_key == b.subject_key:
        return True
    if a.lang != b.lang:
        return by_source_only(a, b)
    from rapidfuzz import fuzz  # lazily: only when two keys differ

    return fuzz.token_set_ratio(a.subject_key, b.subject_key, processor=None) >= rules.subject_min


def by_source_only(a: Claim, b: Claim) -> bool:
    """Paired on their source alone: keys in two languages share no words, so one organisation's figure
    reported in Arabic and in English (same month, no entity named) meets; too weak a match to call the
    two a conflict (``compare_claims`` drops that verdict for such pairs)."""
    if a.lang == b.lang or a.entities or b.entities or a.subject_key == b.subject_key:
        return False
    gap = timescope.gap_days(a.time, b.time)
    return bool(a.source) and a.source == b.source and gap is not None and gap <= _SAME_MONTH


def conversion(a: Claim, b: Claim) -> float | None:
    """Factor that expresses ``b`` in ``a``'s unit, or None when the units do not compare."""
    if a.unit == b.unit:
        return 1.0
    return units.factor(b.unit, a.unit) if a.unit and b.unit else None


def candidate_pairs(
    claims: Iterable[Claim],
    rules: Rules,
    *,
    window: int | None = None,
    progress=None,
    articles: bool = True,
    keep: Callable[[Claim, Claim], bool] | None = None,
) -> Iterator[tuple[Claim, Claim, float]]:
    """Pairs of claims about the same quantity, each with the factor from the second's unit to the first's.

    Each pair of claim ids is considered once (its first meeting decides). ``keep`` drops pairs before
    their subjects are compared (what the caller would drop anyway: other sources only, ...)."""
    window = window or rules.window
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    # A pair of ids can meet twice only if one of them takes several places in the blocks (several
    # keys, or several claims with that id): only such pairs need remembering.
    placed: set[str] = set()
    repeated: set[str] = set()
    for c in claims:
        if c.kind == "quantity":
            keys = block_keys(c, articles)
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
        for i, a in enumerate(members):
            a_id = a.id
            a_repeated = a_id in repeated if repeated else False
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
                if not similar_subjects(a, b, rules):
                    continue
                factor = conversion(a, b)
                if factor is not None:
                    yield a, b, factor
