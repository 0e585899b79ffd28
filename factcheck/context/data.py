"""Language data for claims in context: the ``[context]`` tables of each language's lexicon
(``factcheck/lexicon/ar.toml`` / ``en.toml``) and the gazetteer, loaded once.

Every phrase is folded like document text (:func:`factcheck.lexicon.fold`) and split into tokens
(:func:`factcheck.lexicon.phrase_tokens`), so a phrase written with hamza or tashkeel matches
every spelling. Malformed files raise :class:`~factcheck.errors.ConfigError` naming ``file:key``
(TOML) or ``file:line`` (CSV).
"""

from __future__ import annotations

import csv
import io
import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from factcheck.context.kinds import ENTITY_TYPES, NEED
from factcheck.datafile import DataReader
from factcheck.errors import ConfigError
from factcheck.lexicon import LANGS, articles, fold, phrase_tokens
from factcheck.model import TO_DATE

Phrase = tuple[str, ...]
GENDERS = ("m", "f", "p", "n")
RELATIVE = (
    "now",
    "today",
    "yesterday",
    "this_week",
    "last_week",
    "this_month",
    "last_month",
    "this_year",
    "last_year",
    "ytd",
    "same",  # "over the same period", "خلال الفترة نفسها": the time of the figure before
    "year_before",  # "a year earlier", "قبل عام": the figure before's time, a year back
    "this_summer",  # June to August of the publication year
    "last_summer",  # the last summer over before the publication date
    "this_winter",  # December to February around the publication date (or the coming one)
    "last_winter",  # the winter before that
    "coming_days",  # the week after the publication date ("in the coming days", "خلال الأيام المقبلة")
    "coming_weeks",  # the month after it ("in the coming weeks", "خلال الأسابيع المقبلة")
    "next_month",  # the calendar month after the publication's ("next month", "الشهر المقبل")
    "next_year",  # the year after the publication's ("next year", "العام المقبل")
)
GAZETTEER_COLUMNS = ("canonical", "type", "ar", "en")
USER_ENTITIES = os.path.join("claims", "entities.csv")


class PhraseIndex:
    """Multi-token phrases indexed by their first token, longest first."""

    __slots__ = ("by_first", "memo", "pair_memo")

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[Phrase, Any]]] = {}
        self.memo: dict[str, tuple[tuple[Phrase, Any], ...]] = {}  # token -> candidate entries
        #: (token, next token or None) -> the candidates whose second word fits
        self.pair_memo: dict[tuple[str, str | None], tuple[tuple[Phrase, Any], ...]] = {}

    def add(self, phrase: str | Phrase, value: Any) -> None:
        toks = phrase if isinstance(phrase, tuple) else phrase_tokens(phrase)
        if not toks:
            return
        entries = self.by_first.setdefault(toks[0], [])
        if all(t != toks for t, _ in entries):
            entries.append((toks, value))
            entries.sort(key=lambda e: -len(e[0]))

    def __bool__(self) -> bool:
        return bool(self.by_first)


@dataclass(slots=True)
class ContextLexicon:
    """What the context passes know about one language."""

    lang: str
    clitics: tuple[str, ...]
    article: str
    complementisers: frozenset[str]
    conjunctions: PhraseIndex
    relatives: frozenset[str]
    verbs: dict[str, str]  # folded form -> gender (m, f, p, or "" when unmarked)
    needs_object: dict[str, frozenset[str]]
    pronouns: dict[str, str]
    participles: dict[str, str]
    according: PhraseIndex
    relay: frozenset[str]
    relay_verbs: frozenset[str]
    relay_only: frozenset[str]
    rate_nouns: frozenset[str]  # "per day", "per capita": a cue before these is a rate, no source
    speaker_stop: frozenset[str]
    speaker_preps: frozenset[str]
    statement_nouns: frozenset[str]
    roles: frozenset[str]
    fillers: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]
    organisations: frozenset[str]
    plurals: frozenset[str]
    markers: frozenset[str]
    marker_glue: tuple[str, ...]
    marker_modifiers: frozenset[str]
    not_after_marker: frozenset[str]
    infection_words: frozenset[str]  # a counted noun that counts infections when a disease is named
    infection_diseases: PhraseIndex  # the diseases that make it so
    counted_endings: tuple[str, ...]  # how a counted noun after a figure ends as written ("مصدراً")
    counted_links: frozenset[str]  # "of" in "1,400 slabs of hashish": the word before it is counted
    counted_not: frozenset[str]  # words with that ending that are no counted noun (adverbs: "تقريباً")
    place_nouns: dict[str, str]  # folded definite noun ("المدينة", "city") -> the place type it refers to
    gentilics: dict[str, str]  # folded adjective ("syrian", "سوري") -> the country's canonical name
    party_links: frozenset[str]  # words between a counted noun and its party ("من", "of", "تنظيم")
    party_own: frozenset[str]  # "من صفوفها": the party is the source's own
    owner_links: frozenset[str]  # "23 seats for the PUK": words between seats or votes and their holder
    markers_before: frozenset[str]  # "X would cost $1bn": the subject precedes the marker
    auxiliaries: frozenset[str]  # "would", "will" between such a subject and its marker
    subject_stop: frozenset[str]
    stop_words: frozenset[str]
    year_cues: frozenset[str]
    forward_before: frozenset[str]  # "starting in April": a year-less month ahead, not the last one
    forward_after: frozenset[str]  # "نيسان المقبل"
    as_of: PhraseIndex
    since: PhraseIndex
    interval_from: PhraseIndex
    interval_to: PhraseIndex
    qualifiers: PhraseIndex
    relative: PhraseIndex
    weekdays: dict[str, int]
    #: "2025/26", "2024-25": a fiscal year is a year, a joiner and the next year (in full or its last two
    #: digits); read as the twelve months from ``fiscal_year_start``
    fiscal_joiners: frozenset[str] = frozenset()
    #: "the year" after a part of a year ending in "of": the current year (``[time.this_year]``)
    this_year: PhraseIndex = field(default_factory=PhraseIndex)
    #: the words ending a part of a year that a year must follow ("the first half of", "النصف الأول
    #: من"): with no year, this year or a relative year after it, the part is of something else
    part_of: frozenset[str] = frozenset()
    fiscal_year_start: int = 7
    events: dict[str, str] = field(default_factory=dict)  # folded word -> event class (killed, arrested…)
    measure_events: dict[str, str] = field(default_factory=dict)  # folded word -> what a length measures
    measure_units: frozenset[str] = frozenset()  # units whose figures those words are read for
    #: the frame's cue phrases: phrase -> concept (measures), modality, aggregation; present tense, revision
    frame_measures: PhraseIndex = field(default_factory=PhraseIndex)
    frame_modality: PhraseIndex = field(default_factory=PhraseIndex)
    frame_aggregation: PhraseIndex = field(default_factory=PhraseIndex)
    frame_present: PhraseIndex = field(default_factory=PhraseIndex)
    frame_revision: PhraseIndex = field(default_factory=PhraseIndex)
    frame_update: PhraseIndex = field(default_factory=PhraseIndex)
    frame_groups: PhraseIndex = field(default_factory=PhraseIndex)
    frame_goods: PhraseIndex = field(default_factory=PhraseIndex)
    frame_part: PhraseIndex = field(default_factory=PhraseIndex)
    frame_other_before: PhraseIndex = field(default_factory=PhraseIndex)  # "another 30 trucks"
    frame_other_after: PhraseIndex = field(default_factory=PhraseIndex)  # "30 other trucks", "30 شاحنة أخرى"
    frame_other_clause: PhraseIndex = field(default_factory=PhraseIndex)  # "Excluding X, debt stood at 89%"
    frame_previous: PhraseIndex = field(default_factory=PhraseIndex)  # "rose to 13.50 from 11.50"
    upheaval_cues: PhraseIndex = field(default_factory=PhraseIndex)  # "before" (the war)
    upheavals: frozenset[str] = frozenset()  # "war", "الحرب": what a time before is said of
    ranking: PhraseIndex = field(default_factory=PhraseIndex)  # "followed by Taiz": places ranked after
    multipliers: PhraseIndex = field(default_factory=PhraseIndex)  # "25 times the price", "25 ضعف"
    name_heads: frozenset[str] = frozenset()  # head words of bodies' names ("command", "قيادة")
    name_links: frozenset[str] = frozenset()  # words between a name's head and its words ("of", "العامة")
    group_links: PhraseIndex = field(default_factory=PhraseIndex)  # "unemployment among youth"
    total_words: frozenset[str] = frozenset()  # "completely", "بالكامل": the worst degree of a damage
    total_raises: dict[str, str] = field(default_factory=dict)  # event (or "need") -> event when total
    name_follows: bool = False  # a name's words may follow its head directly (Arabic's construct state)
    event_names: frozenset[str] = frozenset()  # the event classes (a unit that names one is that event)
    memo: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    may_start: dict[str, bool] = field(default_factory=dict, repr=False)  # token -> can open an attribution
    key_memo: dict[str, str] = field(default_factory=dict, repr=False)  # token -> its matching key
    event_memo: dict[str, str | None] = field(default_factory=dict, repr=False)  # token -> event class
    marker_memo: dict[str, bool] = field(default_factory=dict, repr=False)  # token -> is a subject marker
    free_memo: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # readings sans article
    free_key_memo: dict[str, str] = field(default_factory=dict, repr=False)  # key_token sans article
    np_memo: dict[str, int] = field(default_factory=dict, repr=False)  # token -> speaker-phrase bits
    opens_memo: dict[str, int] = field(default_factory=dict, repr=False)  # token -> event-opening bits
    stop_memo: dict[str, int] = field(default_factory=dict, repr=False)  # token -> subject-stop bits
    #: token -> the frame phrase indexes (slots of ``frame.FRAME_INDEXES``) with a phrase it may start
    frame_memo: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    #: a word table's memo (``frame``: by the id of ``events`` / ``measure_events``; "gentilics") ->
    #: token -> the word's class in that table
    class_memo: dict[int | str, dict[str, str | None]] = field(default_factory=dict, repr=False)


class _Reader(DataReader):
    """The shared data reader, plus folded word sets and phrase indexes."""

    def folded(self, key: str) -> frozenset[str]:
        return frozenset(fold(s) for s in self.strings(key))

    def phrases(self, key: str, value: Any = True) -> PhraseIndex:
        index = PhraseIndex()
        for s in self.strings(key):
            index.add(s, value)
        return index


def _fiscal_start(r: _Reader) -> int:
    start = r.get("time.fiscal_year.start", int, 7)
    if isinstance(start, bool) or not 1 <= start <= 12:
        raise r.fail("time.fiscal_year.start", "expected a month, 1 to 12")
    return start


def _month_spec(reader: _Reader, key: str, value: str, *, slot: bool = False) -> str:
    """A qualifier's months, 'MM' or 'MM/MM'; with ``slot`` (its phrase holds ``#``), 'MM/#', one
    month being the phrase's number."""
    parts = value.split("/")
    months_ok = all((p.isdigit() and 1 <= int(p) <= 12) or (slot and p == SLOT) for p in parts)
    if not 1 <= len(parts) <= 2 or not months_ok or (slot and parts.count(SLOT) != 1):
        expected = "'MM/#' (one month the phrase's number)" if slot else "'MM' or 'MM/MM'"
        raise reader.fail(key, f"{value!r}: expected a month {expected}")
    return value


#: in a qualifier phrase, any number of months from 2 to 11 as the language writes it
SLOT = "#"


def _slot_forms(lang: str | None) -> dict[int, list[str]]:
    """``n`` → how the language writes it as one token: its digits and its one-word number words
    (the extraction lexicon's), for the months of a qualifier's ``#`` ("the first # months of")."""
    from factcheck import lexicon

    forms: dict[int, list[str]] = {n: [str(n)] for n in range(2, 12)}
    if lang in LANGS:
        for word, number in lexicon.get(lang).numbers.items():
            n = int(number.value) if number.value == int(number.value) else 0
            if n in forms and " " not in word:
                forms[n].append(word)
    return forms


def _qualifiers(r: _Reader, lang: str | None) -> PhraseIndex:
    """``time.qualifiers``: phrase → month spec; a phrase with ``#`` stands for each number of months
    from 2 to 11 in digits or words, its spec's ``#`` for that month ("the first # months of" =
    "01/#": "the first 9 months of", "the first nine months of" → January to September)."""
    qualifiers = PhraseIndex()
    forms: dict[int, list[str]] | None = None
    for phrase, spec in r.mapping("time.qualifiers", str).items():
        toks = phrase_tokens(phrase)
        if SLOT not in toks:
            qualifiers.add(toks, _month_spec(r, f"time.qualifiers.{phrase}", spec))
            continue
        if toks.count(SLOT) != 1:
            raise r.fail(f"time.qualifiers.{phrase}", "a phrase holds at most one '#'")
        _month_spec(r, f"time.qualifiers.{phrase}", spec, slot=True)
        forms = forms if forms is not None else _slot_forms(lang)
        at = toks.index(SLOT)
        for n, written in forms.items():
            for form in written:
                qualifiers.add((*toks[:at], form, *toks[at + 1 :]), spec.replace(SLOT, f"{n:02d}"))
    return qualifiers


def _word_classes(r: _Reader, table: str, classes: dict[str, Any]) -> dict[str, str]:
    """``{class: [words]}`` of ``table`` as folded word -> class."""
    out: dict[str, str] = {}
    for name, words in classes.items():
        for word in words:
            if not isinstance(word, str) or not word.strip():
                raise r.fail(f"{table}.{name}", "expected a list of words")
            out[fold(word)] = name
    return out


def _classed_phrases(r: _Reader, table: str, allowed: tuple[str, ...] | None = None) -> PhraseIndex:
    """``{class: [phrases]}`` of ``table`` as a phrase index whose values are the classes."""
    index = PhraseIndex()
    for name, phrases in r.mapping(table, list).items():
        if allowed is not None and name not in allowed:
            raise r.fail(f"{table}.{name}", f"unknown class; expected one of {', '.join(allowed)}")
        for phrase in phrases:
            if not isinstance(phrase, str) or not phrase.strip():
                raise r.fail(f"{table}.{name}", "expected a list of phrases")
            index.add(phrase, name)
    return index


def build(data: dict[str, Any], path: str, *, lang: str | None = None, prefix: str = "") -> ContextLexicon:
    """Validate parsed context data (a language lexicon's ``[context]`` tables) and index it. ``lang``:
    the lexicon's language (else ``meta.lang`` of ``data``); ``prefix``: where ``data`` sits in the
    file, for error messages."""
    r = _Reader(data, path, prefix)
    lang = lang or r.get("meta.lang", str, None)
    if lang not in LANGS:
        raise r.fail("meta.lang", f"missing or unknown language {lang!r}")
    verbs: dict[str, str] = {}
    for gender, key in (("m", "masculine"), ("f", "feminine"), ("p", "plural"), ("", "any")):
        for form in r.strings(f"speech.verbs.{key}"):
            verbs.setdefault(fold(form), gender)
    if not verbs:
        raise r.fail("speech.verbs", "no speech verbs")
    participles: dict[str, str] = {}
    for gender, key in (("m", "masculine"), ("f", "feminine"), ("", "any")):
        for form in r.strings(f"speech.participles.{key}"):
            participles[fold(form)] = gender
    pronouns = {}
    for word, gender in r.mapping("speech.verbs.pronouns", str).items():
        if gender not in GENDERS:
            raise r.fail(f"speech.verbs.pronouns.{word}", f"unknown gender {gender!r}")
        pronouns[fold(word)] = gender
    needs_object = {}
    for verb, objects in r.mapping("speech.verbs.needs_object", list).items():
        needs_object[fold(verb)] = frozenset(fold(o) for o in objects if isinstance(o, str))
    qualifiers = _qualifiers(r, lang)
    relative = PhraseIndex()
    for phrase, what in r.mapping("time.relative", str).items():
        if what not in RELATIVE:
            raise r.fail(f"time.relative.{phrase}", f"unknown relative time {what!r}")
        relative.add(phrase, what)
    weekdays = {}
    for day, num in r.mapping("time.weekdays", int).items():
        if not 0 <= num <= 6:
            raise r.fail(f"time.weekdays.{day}", "expected 0 (Monday) to 6 (Sunday)")
        weekdays[fold(day)] = num
    events = _word_classes(r, "events", r.mapping("events", list))
    total_raises = r.mapping("frame.total.raises", str)
    for was, becomes in total_raises.items():
        if was not in (*events.values(), NEED) or becomes not in events.values():
            raise r.fail(f"frame.total.raises.{was}", f"expected an event (or {NEED!r}) raised to an event")
    measures = dict(r.mapping("measure_events", list))
    measure_units = frozenset(r.strings("measure_events.units"))
    measures.pop("units", None)
    measure_events = _word_classes(r, "measure_events", measures)
    from factcheck import lexicon
    from factcheck.model import AGGREGATIONS, MODALITIES

    main = lexicon.get(lang)

    return ContextLexicon(
        frame_measures=_classed_phrases(r, "frame.measures"),
        frame_modality=_classed_phrases(r, "frame.modality", MODALITIES),
        frame_aggregation=_classed_phrases(r, "frame.aggregation", (*AGGREGATIONS, TO_DATE)),
        frame_present=r.phrases("frame.present.words"),
        frame_revision=r.phrases("frame.revision.words"),
        frame_update=r.phrases("frame.update.words"),
        frame_groups=_classed_phrases(r, "frame.groups"),
        frame_goods=_classed_phrases(r, "frame.goods"),
        frame_part=r.phrases("frame.part.words"),
        frame_other_before=r.phrases("frame.other.before"),
        frame_other_after=r.phrases("frame.other.after"),
        frame_other_clause=r.phrases("frame.other.clause"),
        frame_previous=r.phrases("frame.previous.before"),
        upheaval_cues=r.phrases("frame.previous.upheaval_cues"),
        upheavals=r.folded("frame.previous.upheavals"),
        ranking=r.phrases("scope.ranking"),
        multipliers=r.phrases("units.multipliers"),
        name_heads=r.folded("frame.names.heads"),
        name_links=r.folded("frame.names.links"),
        name_follows=r.get("frame.names.follows", bool),
        group_links=r.phrases("frame.group_links.words"),
        total_words=r.folded("frame.total.words"),
        total_raises=dict(total_raises),
        event_names=frozenset(events.values()),
        events=events,
        measure_events=measure_events,
        measure_units=measure_units,
        lang=lang,
        clitics=main.clitics,  # attached prefixes and the article are the lexicon's
        article=main.article,
        complementisers=r.folded("meta.complementisers"),
        conjunctions=r.phrases("meta.conjunctions"),
        relatives=r.folded("meta.relatives"),
        verbs=verbs,
        needs_object=needs_object,
        pronouns=pronouns,
        participles=participles,
        according=r.phrases("speech.according.cues"),
        relay=r.folded("speech.according.relay"),
        relay_verbs=r.folded("speech.according.relay_verbs"),
        relay_only=r.folded("speech.according.relay_only"),
        rate_nouns=r.folded("speech.according.rate_nouns"),
        speaker_stop=r.folded("speech.speaker.stop"),
        speaker_preps=r.folded("speech.speaker.prepositions"),
        statement_nouns=r.folded("speech.speaker.statement_nouns"),
        roles=r.folded("speech.speaker.roles"),
        fillers=r.folded("speech.speaker.fillers"),
        female=r.folded("speech.speaker.female"),
        male=r.folded("speech.speaker.male"),
        organisations=r.folded("speech.speaker.organisations"),
        plurals=r.folded("speech.speaker.plurals"),
        markers=r.folded("subject.markers"),
        marker_glue=tuple(sorted(r.folded("subject.marker_glue"), key=len, reverse=True)),
        marker_modifiers=r.folded("subject.marker_modifiers"),
        not_after_marker=r.folded("subject.not_after_marker"),
        gentilics=_word_classes(r, "gentilics", r.mapping("gentilics", list)),
        counted_endings=tuple(r.strings("subject.counted_endings")),
        infection_words=r.folded("frame.infection.words"),
        infection_diseases=r.phrases("frame.infection.diseases"),
        counted_not=main.open_not,  # one list: the words after a figure that count nothing
        counted_links=r.folded("subject.counted_links"),
        place_nouns=_word_classes(r, "place_nouns", r.mapping("place_nouns", list)),
        party_links=r.folded("parties.links"),
        party_own=r.folded("parties.own"),
        owner_links=r.folded("owners.links"),
        markers_before=r.folded("subject.markers_before"),
        auxiliaries=r.folded("subject.auxiliaries"),
        subject_stop=r.folded("subject.stop"),
        stop_words=r.folded("subject.stop_words"),
        year_cues=r.folded("time.year_cues"),
        forward_before=r.folded("time.forward_before"),
        forward_after=r.folded("time.forward_after"),
        as_of=r.phrases("time.as_of"),
        since=r.phrases("time.since"),
        interval_from=r.phrases("time.interval_from"),
        interval_to=r.phrases("time.interval_to"),
        qualifiers=qualifiers,
        relative=relative,
        weekdays=weekdays,
        fiscal_joiners=frozenset(r.strings("time.fiscal_year.joiners")),
        this_year=r.phrases("time.this_year.phrases"),
        part_of=r.folded("time.this_year.part_of"),
        fiscal_year_start=_fiscal_start(r),
    )


@cache
def get(lang: str) -> ContextLexicon:
    """The shipped context data for ``lang`` (loaded once per process; built once per installed
    package and kept in the on-disk cache)."""
    if lang not in LANGS:
        raise ConfigError(f"no context data for language {lang!r}")
    from factcheck import cache as disk_cache

    return disk_cache.built(f"context-{lang}", lambda: _load(lang))


def _load(lang: str) -> ContextLexicon:
    """The ``[context]`` tables of the language's one lexicon file (``factcheck/lexicon/<lang>.toml``),
    which owns every word list of the language."""
    from factcheck import lexicon

    path = f"factcheck/lexicon/{lang}.toml"
    try:
        data = lexicon.shipped_data(lang)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=path) from None
    tables = data.get("context")
    if not isinstance(tables, dict):
        raise ConfigError("context: missing (the tables the passes after extraction read)", path=path)
    lex = build(tables, path, lang=lang, prefix="context.")
    from factcheck.context import places  # nationality adjectives of nationalities.csv (Syrian, سوريين …)

    lex.gentilics = {**places.reference().gentilics.get(lang, {}), **lex.gentilics}
    return lex


# ---------------------------------------------------------------- gazetteer


@dataclass(frozen=True, slots=True)
class Alias:
    """One written name of an entity, as matching tokens."""

    tokens: Phrase
    canonical: str
    upper: bool  # an acronym (``US``, ``WHO``): only matches written in capitals
    title: bool = False  # a reference name ("Salt", "Sale"): only matches written with a capital
    reference: bool = False  # from reference data (places.py): a desk's own name replaces it


@dataclass(slots=True)
class Gazetteer:
    """Entities by canonical name, and their aliases indexed for matching."""

    types: dict[str, str] = field(default_factory=dict)
    within: dict[str, str] = field(default_factory=dict)  # place -> the place that contains it
    aliases: dict[Phrase, Alias] = field(default_factory=dict)
    by_first: dict[str, list[Alias]] = field(default_factory=dict)
    by_length: dict[int, list[str]] = field(default_factory=dict)  # joined keys, for fuzzy matching
    joined: dict[str, Alias] = field(default_factory=dict)
    buckets: dict[tuple[int, str], list[str]] = field(default_factory=dict)  # (words, block_key)
    prefixes: dict[int, frozenset[str]] = field(default_factory=dict)  # words (0: any) -> keys' first 3 chars
    memo: dict[str, tuple[Alias, ...]] = field(default_factory=dict)  # token -> aliases it may start
    fuzzy_memo: dict[str, str | None] = field(default_factory=dict)  # key -> canonical (None: no match)
    #: (language, tokens of a span, tokens taken, relative) -> fuzzy matches (relative first, last, canonical)
    span_memo: dict[tuple, tuple[tuple[int, int, str], ...]] = field(default_factory=dict)
    #: (language, speaker phrase tokens, layout, exact mentions, text as written) -> what is pure of a speaker
    speaker_memo: dict[tuple, tuple] = field(default_factory=dict)
    #: (language, token, next token or None) -> aliases starting at the token whose second word fits
    pair_memo: dict[tuple, tuple[Alias, ...]] = field(default_factory=dict)
    #: (language, token, next token, the token after) -> the aliases of a long ``pair_memo`` entry whose
    #: third word (if any) the token after can be (``entities._first_fit`` reads only those)
    third_memo: dict[tuple, tuple[Alias, ...]] = field(default_factory=dict)
    #: token -> the canonical name it always names, when every name it may start is one plain word
    word_memo: dict[str, str] = field(default_factory=dict)
    #: (language, subject tokens, token before, exact mentions, figure tokens, text as read, unit) -> parts
    subject_memo: dict[tuple, tuple] = field(default_factory=dict)
    #: reference names not yet made aliases: first token -> ((tokens, canonical, title), ...)
    reference_first: dict[str, tuple] = field(default_factory=dict, repr=False)

    def add(self, canonical: str, etype: str, name: str, where: str) -> None:
        toks = alias_tokens(name)
        if not toks:
            return
        self.candidates(toks[0])  # reference names with this first word become aliases first
        upper = sum(ch.isalpha() for ch in name) >= 2 and name.replace(".", "").isupper() and name.isascii()
        old = self.aliases.get(toks)
        if old is not None and old.canonical != canonical and not old.reference:
            raise ConfigError(f"alias {name!r} already names {old.canonical!r}", path=where)
        alias = Alias(toks, canonical, upper)
        self.aliases[toks] = alias
        self.types[canonical] = etype
        entries = self.by_first.setdefault(toks[0], [])
        entries[:] = [a for a in entries if a.tokens != toks] + [alias]
        entries.sort(key=lambda a: -len(a.tokens))
        words = tuple(t for t in toks if t.isalnum())
        if not upper and words and sum(map(len, words)) >= 5:
            key = " ".join(words)
            if key not in self.joined:
                self.joined[key] = alias
                self.by_length.setdefault(len(words), []).append(key)

    def candidates(self, first: str) -> list[Alias] | tuple[()]:
        """The aliases whose first token is ``first``, longest first (reference names are turned
        into aliases here, the first time their first token is asked for)."""
        more = self.reference_first.pop(first, None) if self.reference_first else None
        if more is not None:
            entries = self.by_first.setdefault(first, [])
            for toks, canonical, title in more:
                if toks not in self.aliases:
                    alias = self.aliases[toks] = Alias(tuple(toks), canonical, False, title, True)
                    entries.append(alias)
            entries.sort(key=lambda a: -len(a.tokens))
            return entries
        return self.by_first.get(first, ())

    def add_tokens(self, canonical: str, etype: str, toks: Phrase, title: bool, reference: bool) -> None:
        """A name from reference data (:mod:`factcheck.context.places`): matched exactly only, never
        fuzzily; ``by_first`` is put in order by the caller."""
        alias = Alias(toks, canonical, False, title, reference)
        self.aliases[toks] = alias
        self.types.setdefault(canonical, etype)
        self.by_first.setdefault(toks[0], []).append(alias)

    def finish(self) -> None:
        self.buckets = {}
        for n, keys in self.by_length.items():
            for k in keys:
                self.buckets.setdefault((n, block_key(k)), []).append(k)
        self.prefixes = {n: frozenset(k[:3] for k in keys) for n, keys in self.by_length.items()}
        self.prefixes[0] = frozenset().union(*self.prefixes.values())  # any number of words


def block_key(key: str) -> str:
    """Blocking key for fuzzy matching: the first three characters and every word's initial."""
    return key[:3] + "|" + "".join(w[:1] for w in key.split(" "))


def alias_tokens(name: str) -> Phrase:
    """Matching tokens of an entity name: folded, the article dropped from each word."""
    return tuple(strip_article(t) for t in phrase_tokens(name))


def strip_article(token: str) -> str:
    """``token`` without a leading glued article of any language (``الهول`` → ``هول``)."""
    for art in articles():
        if token.startswith(art) and len(token) - len(art) >= 2:
            return token[len(art) :]
    return token


def _read_csv(text: str, where: str, gaz: Gazetteer) -> None:
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None:
        return
    header = [h.strip().lower() for h in header]
    if tuple(header[:4]) != GAZETTEER_COLUMNS:
        raise ConfigError(f"expected the columns {','.join(GAZETTEER_COLUMNS)}", path=where, line=1)
    for line, row in enumerate(rows, start=2):
        if not row or not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 4:
            raise ConfigError(
                f"expected {len(GAZETTEER_COLUMNS)} columns, got {len(row)}", path=where, line=line
            )
        canonical, etype, ar, en = (cell.strip() for cell in row[:4])
        if not canonical:
            raise ConfigError("empty canonical name", path=where, line=line)
        if etype not in ENTITY_TYPES:
            raise ConfigError(
                f"unknown type {etype!r} (one of {', '.join(sorted(ENTITY_TYPES))})", path=where, line=line
            )
        names = [n.strip() for n in (ar.split("|") + en.split("|")) if n.strip()]
        if not names:
            raise ConfigError(f"{canonical!r} has no names", path=where, line=line)
        for name in [canonical, *names]:
            gaz.add(canonical, etype, name, f"{where}:{line}")
        parent = row[4].strip() if len(row) > 4 else ""
        if parent:
            gaz.within[canonical] = parent


def load_gazetteer(text: str, where: str, base: Gazetteer | None = None) -> Gazetteer:
    """Parse gazetteer CSV ``text`` (errors name ``where:line``), extending ``base`` if given."""
    gaz = base if base is not None else Gazetteer()
    _read_csv(text, where, gaz)
    gaz.finish()
    return gaz


@cache
def _shipped_text() -> str:
    return resources.files(__package__).joinpath("gazetteer.csv").read_text(encoding="utf-8")


_USER_CACHE: dict[tuple[str, float], Gazetteer] = {}


def gazetteer() -> Gazetteer:
    """The shipped gazetteer (``gazetteer.csv``, ``organisations.csv`` and the reference places of
    :mod:`factcheck.context.places`), extended by ``claims/entities.csv`` in the working folder."""
    user = os.path.abspath(USER_ENTITIES)
    try:
        stamp = os.stat(user).st_mtime
    except OSError:
        stamp = -1.0
    key = (user, stamp)
    gaz = _USER_CACHE.get(key)
    if gaz is None:
        from factcheck.context import places

        # gazetteer.csv + organisations + reference data, built once; a fresh copy to extend
        gaz = places.load().gazetteer if stamp >= 0 else places.reference().gazetteer
        if stamp >= 0:
            try:
                with open(user, encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read entities: {exc}", path=USER_ENTITIES) from None
            load_gazetteer(text, USER_ENTITIES, gaz)
        _USER_CACHE.clear()
        _USER_CACHE[key] = gaz
    return gaz
