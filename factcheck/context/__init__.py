"""Claims in context: subject, entities, attribution (source, source_text, cue) and time scope.

``contextualise(doc, claims)`` is pure: it reads the document's masked view and its metadata
(the publication date anchors relative times) and returns the claims with the context fields
filled. Language knowledge lives in ``ar.toml`` / ``en.toml`` and ``gazetteer.csv`` beside this
module (extendable with ``claims/entities.csv``). Work per figure is bounded by its sentence.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import cache, partial
from itertools import repeat

from factcheck.context.kinds import HELD_UNITS, PLACE_TYPES, TIMES
from factcheck.lexicon import LANGS as _LANGS
from factcheck.model import FRAME_FIELDS, TO_DATE, Claim
from factcheck.text.documents import Document

_LATIN = re.compile(r"[a-z]")
_LATIN_RUNS = re.compile(r"[a-z]+")


@cache
def _arabic(runs: bool = False) -> re.Pattern[str]:
    """A character (or a run) of the Arabic block (``scripts.toml``)."""
    from factcheck import lexicon

    return lexicon.script_pattern("ar", runs=runs)


@cache
def _boundary() -> frozenset[str]:
    """Punctuation a figure's time is never bound across: every script's commas and semicolons, ":"."""
    from factcheck.text.scripts import get

    return frozenset(get().commas + get().semicolons + ":")


@cache
def _abbreviations() -> frozenset[str]:
    from factcheck import lexicon

    return frozenset().union(*(lexicon.get(lang).abbreviations for lang in lexicon.LANGS))


def _sentence_lang(text: str) -> str:
    arabic = _arabic()
    if not arabic.search(text):
        return "en"
    if not _LATIN.search(text):
        return "ar"
    return "ar" if len(arabic.findall(text)) >= len(_LATIN.findall(text)) else "en"


def _span_lang(text: str, start: int, end: int) -> str:
    """``_sentence_lang(text[start:end])`` without the copy (the patterns have no anchors)."""
    if not _arabic().search(text, start, end):
        return "en"
    if not _LATIN.search(text, start, end):
        return "ar"
    arabic = sum(map(len, _arabic(True).findall(text, start, end)))  # characters, counted by runs
    return "ar" if arabic >= sum(map(len, _LATIN_RUNS.findall(text, start, end))) else "en"


def _sentence_langs(d) -> list[str]:
    """``_span_lang`` of every sentence (a text without Arabic letters is English throughout)."""
    text, starts = d.norm.text, d.starts
    if not _arabic().search(text):
        return ["en"] * len(d.sentences)
    return [_span_lang(text, starts[a], d.end(b - 1)) for a, b in d.sentences]


def contextualise(doc: Document, claims: list[Claim], *, plain: bool = False) -> list[Claim]:
    """Claims of ``doc`` with subject, entities, source and time filled where the text says them.

    ``plain``: read each figure's frame with the plain scans (cue phrases matched token by token
    for every figure) instead of the sentence's phrase hits found once for all its figures, read
    subject markers back token by token, and build each claim with ``Claim.with_``; the same claims
    either way (the plain scans are the oracle of the fast ones, ``tests/test_context_fast_*.py``)."""
    targets = [i for i, c in enumerate(claims) if c.kind == "quantity"]
    if not targets:
        return claims
    from factcheck.context import attribution, data, entities, frame, subject, timescope, tokens

    d = tokens.read(doc.raw, doc.view, _abbreviations())
    if not d.sentences:
        return claims
    langs = [doc.meta.lang] * len(d.sentences) if doc.meta.lang in _LANGS else _sentence_langs(d)
    pair_of = {lang: (lang, data.get(lang)) for lang in set(langs)}
    pairs = [pair_of[lang] for lang in langs]  # per sentence (one shared pair per language)
    sentence_of = d.sentence_of

    def lex_of(i: int) -> tuple[str, data.ContextLexicon]:
        return pairs[sentence_of[i]]

    gaz = data.gazetteer()
    only = next(iter(pair_of.values()))[1] if len(pair_of) == 1 else None
    scanned = entities.scan(d, lambda i: pairs[sentence_of[i]][1], gaz, 0, len(d), only)
    countries = _countries(scanned, gaz)
    mentions = _without_homonyms(scanned, gaz, countries)
    spans: dict[int, tuple[int, int]] = {}
    numeric: set[int] = set()
    for idx in targets:
        c = claims[idx]
        first, end = d.token_range(c.start, c.end)
        if end > first:
            spans[idx] = (first, end - 1)
            numeric.update(range(first, end))
    # only the events of sentences with figures are asked where their content starts ("content",
    # "back": read by _bind_times, _statement_time and attribution.assign for the figure's sentence)
    with_figures = {d.sentence_of[first] for first, _last in spans.values()}
    finder = attribution.find_events(d, lex_of, gaz, mentions, frozenset(numeric), with_figures)
    pub = timescope.parse_published(doc.meta.published)
    subjects = subject.SubjectFinder(d, gaz, mentions, numeric, (finder.mention_at, finder.mention_firsts))
    subjects.plain = plain
    firsts = finder.mention_firsts  # the mentions' first tokens, in order (for binary search)
    speech_tokens = {e.pos for e in finder.events}
    times_cache: dict[int, list[timescope.TimeExpr]] = {}

    def times_of(s: int) -> list[timescope.TimeExpr]:
        if s not in times_cache:
            a, b = d.sentences[s]
            lang, lex = lex_of(a)
            times_cache[s] = timescope.find(d, lex, lang, a, b, pub, numeric)
        return times_cache[s]

    by_sentence: dict[int, list[int]] = {}
    for idx, (first, _last) in spans.items():
        by_sentence.setdefault(d.sentence_of[first], []).append(idx)

    out = list(claims)
    done: dict[int, subject.Subject | None] = {}
    running: dict[str, str] = {}  # a "since X" start -> the running total it opened (X/statement day)
    time_before: str | None = None  # the time of the figure before ("over the same period")
    period_of: dict[int, str | None] = {}  # sentence -> the period its first figure states, if any
    lead_time: dict[int, str | None] = {}  # sentence -> the time of its main figure (None: as of its
    # statement or publication)
    earlier = _Earlier(d, lex_of, mentions, gaz.types)
    from factcheck.context import places

    # read when a currency needs it
    document_country = cache(partial(_document_country, d, lex_of, mentions, countries))
    latest_by_seen: dict[int, entities.Recent] = {}  # sentences after the same mentions share one
    seen = 0
    for s, members in sorted(by_sentence.items()):
        members.sort(key=lambda k: spans[k][0])
        a, b = d.sentences[s]
        lex = lex_of(a)[1]
        times = times_of(s)
        time_tokens = {i for e in times for i in range(e.first, e.last + 1)}
        bound = _bind_times(d, lex, times, [spans[k] for k in members], finder.by_sentence.get(s, []))
        whole = phrases = None  # the sentence-wide frame cues and cue phrases, read once for all its figures
        stops: list[int] | None = None  # where the sentence's ranking words start, found once
        after_kin: dict[str | None, int] = {}  # unit -> the token after the sentence's latest figure of it
        for pos, idx in enumerate(members):
            c = claims[idx]
            first, last = spans[idx]
            # "إدارة مخيم الهول: غادرت 650 عائلة المخيم": earlier in the sentence counts too
            while seen < len(mentions) and mentions[seen].last < first:
                seen += 1
            recent = latest_by_seen.get(seen)
            if recent is None:
                recent = latest_by_seen[seen] = entities.Recent(partial(earlier.lookup, seen))
            # subject
            subj = None
            inherit = _inherits(c, members[max(0, pos - 1) : pos], claims)  # only the last is read
            if inherit is not None and _own_noun(d, lex, last, b, time_tokens):
                inherit = None  # "23 مصدراً للمياه": a noun of its own, though no unit the lexicon knows
            if inherit is not None and done.get(inherit) is not None:
                subj = done[inherit]
            if subj is None:
                span = subjects.marked(lex, a, first, time_tokens, speech_tokens)
                counted = subjects.counted(lex, first, last, c.unit_text, b, time_tokens, speech_tokens)
                if span is None:
                    span = counted
                if span is not None:
                    subj = subjects.build(lex, span[0], span[1], c.unit, recent)
                    extra = counted  # pure: the same call as above
                    if extra is not None and extra != span:
                        more = subjects.build(lex, extra[0], extra[1], c.unit, recent)
                        subj.entities = tuple(dict.fromkeys(subj.entities + more.entities))
            done[idx] = subj
            # attribution
            ev = attribution.assign(finder, s, first, last)
            # "تلته تركيا بـ273 ألفاً", "Turkey with 273,000": a listed place's own figure
            scope = _leading_place(d, lex, mentions, gaz, firsts, a, first, ev)
            scope = scope or (subj.entities if subj else ())
            said = _attribution_span(finder, s, ev, last, b)
            if not scope:  # "نحو 30 ألف شخص يعيشون في مخيم الهول": the place of the statement
                scope = _sentence_scope(mentions, gaz, a, b, said, _SCOPE_TYPES, firsts)
            else:  # "تحتجز قسد في سجونها 12 ألف معتقل": the party acting on what is counted
                actors = _sentence_scope(
                    mentions, gaz, _clause_start(d, lex, a, first), first, said, _ACTOR_TYPES, firsts
                )
                if actors:
                    scope = tuple(dict.fromkeys(scope + actors))
            if scope and lex.ranking:
                if stops is None:
                    stops = _ranking_stops(d, lex, a, b)
                if stops:
                    scope = _before_ranking(mentions, firsts, scope, last, b, stops)
            own = (
                spans[members[pos - 1]][1] + 1 if pos else a,
                spans[members[pos + 1]][0] if pos + 1 < len(members) else b,
            )
            if whole is None:
                phrases = None if plain else frame.SentencePhrases(lex, d.texts, (a, b))
                whole = frame.sentence_cues(lex, d.texts, (a, b), phrases)
            timed = sum(1 for i in range(max(a, first - frame.MEASURE_BEFORE), first) if i in time_tokens)
            cues = frame.read(
                lex,
                d.texts,
                (a, b),
                (first, last),
                c.unit,
                own,
                whole,
                phrases,
                after_kin.get(c.unit, a),
                timed,
            )
            after_kin[c.unit] = last + 1
            # time: a phrase of its own, else the statement's date, else (a past figure) one stated
            # earlier in the paragraph, else the publication date
            when, basis = bound.get(pos), "stated"
            when = _relative_to_before(when, time_before, pub)
            if when is None and period_of.get(s) and not cues.present and cues.aggregation is None:
                when = period_of[s]  # "312 operations in October, killing 27 and arresting 146": the
                # period of the sentence's main figure holds for the figures listed after it
            if when is None:
                when, basis = _statement_time(times, ev, s), "statement"
            if when is None and not cues.present and cues.aggregation not in ("cumulative", TO_DATE):
                when, basis = _context_time(d, s, times_of, lead_time), "stated"
                if when in running:  # "since Saturday" said before: what happened over the same stretch,
                    # else (a stock: pupils, schools) as of its end
                    when = running[when] if cues.event else running[when].split("/")[-1]
                if when == timescope.YEAR_BEFORE:
                    when = None  # "a year earlier" said of another figure: not carried on
                when = _relative_to_before(when, time_before, pub)
            if when is None and pub is not None:
                when, basis = pub.isoformat(), "published"
            aggregation = cues.aggregation
            if aggregation == TO_DATE:  # "so far": a running total, but of a figure naming a period closed
                # before the statement ("2.7 bn requested last year" beside "9% so far"): that period's total
                closed = basis == "stated" and when and _closed_before(when, _as_of(times, ev, s, pub))
                aggregation = None if closed else "cumulative"
            if aggregation == "cumulative" and basis == "stated" and when:
                # "since the outbreak began in September": a running total as of the statement
                start = when
                when = _running_total(when, _as_of(times, ev, s, pub))
                running[start] = when
            time_before = when
            if s not in period_of:  # the main figure's own period (not a running total's stretch)
                ok = basis == "stated" and when and aggregation != "cumulative" and not _after(when, pub)
                period_of[s] = when if ok else None
            if s not in lead_time:
                if basis == "stated" and when and not _after(when, pub):
                    lead_time[s] = when  # the sentence's first figure with a past time of its own (a
                    # target date, "by 2030", is that figure's deadline, not the time of what follows)
                elif basis in ("statement", "published"):
                    lead_time[s] = None  # its main figure holds as of the statement: what follows does
                    # too, not as of a comparison's time after it ("compared with 18 bn a year earlier")
            modality = cues.modality
            if modality is None:
                modality = "target" if _after(when, pub) else "actual"
            events = _events(d, lex, a, b, first, last, subj, c.unit)
            infection = _infection(d, lex, c.unit_text, a, b, first, last)
            if infection:  # "16 ألفاً و780 إصابة بحمى الضنك": cases of a disease, not people injured
                events = tuple(e for e in events if e != c.unit)
            event = None if infection and cues.event == c.unit else cues.event
            if event is None and len(events) == 1:
                event = events[0]  # "مقتل", "arrested" beside the figure; a length vs a distance away
            party = _party(d, lex, gaz, mentions, first, last, ev.source if ev else None, firsts)
            nationality = _nationality(d, lex, first, last)
            holder = None
            held = cues.measure or HELD_UNITS.get(c.unit or "")
            if party is None and (held in _HELD or modality == "pledged"):
                start = max(own[0], _clause_start(d, lex, a, first))
                holder = _holder(d, lex, gaz, mentions, firsts, start, first, last, held, ev)
            key = subj.key if subj else None
            if infection and key and c.unit and key.split(maxsplit=1)[0] == c.unit:
                key = _CASE + key[len(c.unit) :]  # the key names what is counted first: cases
            context = (  # the values of _CONTEXT_FIELDS, in that order; a text with nothing left in
                # it (marks and masked markup only) is none: null, as every exchange format writes it
                (subj.text or None) if subj else None,
                key or None,
                (ev.source or None) if ev else None,
                (ev.source_text or None) if ev else None,
                (finder.cue_of(ev) or None) if ev else None,
                when,
                scope,
                cues.measure or ("cases" if infection else None),
                event,
                party or holder or nationality,  # whose: an armed group's people, a party's seats, a
                # donor's pledge, else a country's nationals
                None if cues.group == _unit_group.get(c.unit) else cues.group,
                "part"
                if cues.part or _listed_part(out, claims, members, spans, pos)
                else "variant"
                if cues.variant
                else "other"
                if cues.other
                else None,
                modality,
                aggregation or (_rate_in_words(c.unit) and _unit_rate(d, lex, first, last)) or "point",
                basis if when else None,
                "previous" if _before_change(d, lex, a, first, pos, when, out, members) else cues.change,
                cues.goods,
            )
            out[idx] = (
                c.with_(**dict(zip(_CONTEXT_FIELDS, context, strict=True)))
                if plain
                else _in_context(c, context)
            )
            if out[idx].scope == "part" and pos:
                _mark_whole(out, members, pos)
            if infection:
                out[idx] = out[idx].with_(unit=_CASE)
            elif nationality and _open(c.unit) and _gentilic(lex, d.texts[last]):
                out[idx] = out[idx].with_(unit=_PERSON)  # "١٥٫٩ مليون يمني": nationals are people
            elif c.unit is None and _multiple(d, lex, last, b):
                out[idx] = out[idx].with_(unit=TIMES)  # "25 times the price", "25 ضعف": a ratio, no count
            if c.unit is not None and places.is_money(c.unit, cues.measure, c.value):
                code = _currency(c.unit, scope, ev, nationality, document_country)
                if code is not None:
                    out[idx] = out[idx].with_(unit=code)
    return out


def _open(unit: str | None) -> bool:
    """A counted noun no lexicon lists (:func:`factcheck.compare.units.is_open`)."""
    from factcheck.compare.units import is_open

    return is_open(unit)


def _currency(unit: str, scope, ev, nationality, document_country) -> str | None:
    """The ISO code a currency word stands for ("جنيه", "dinars"): by the figure's own places, source
    and nationals, else by the one country its document is about (``document_country()``); None when
    nothing settles it (the word then meets the codes of its family)."""
    from factcheck.context import places

    own = (*(scope or (source_places(ev.source_text) if ev and ev.source_text else ())), nationality or "")
    code = places.currency_for(unit, own)
    if code is None:
        country = document_country()
        code = places.currency_for(unit, (country,)) if country else None
    return code


def _countries(mentions: list, gaz) -> dict[str, str | None]:
    """The country of each place a document names (:func:`places.country_of`), read once per name."""
    from factcheck.context import places

    return {canonical: places.country_of(canonical, gaz) for canonical in {m.canonical for m in mentions}}


def _without_homonyms(mentions: list, gaz, countries: dict[str, str | None]) -> list:
    """The mentions but a city of a country the document otherwise never names, in a document whose
    places lie in another country named at least ``_HOMONYM_LEAD`` times: a namesake of a local
    place ("حقل الرميلة", Iraq's Rumaila field, is no town in the Emirates). ``countries``: each
    mention's country (:func:`_countries`)."""
    from collections import Counter

    country = [countries[m.canonical] for m in mentions]
    counts = Counter(c for c in country if c)
    if not counts or counts.most_common(1)[0][1] < _HOMONYM_LEAD:
        return mentions
    return [
        m
        for m, c in zip(mentions, country, strict=True)
        if not (c and counts[c] == 1 and gaz.types.get(m.canonical) == "city")
    ]


#: how often a document must name places of its own country before a lone namesake abroad is dropped
_HOMONYM_LEAD = 3


def _document_country(d, lex_of, mentions, countries: dict[str, str | None]) -> str | None:
    """The one country a document is about: the country most of its places and nationality
    adjectives belong to, when one leads all others (None: no country, or a tie). ``countries``:
    each mention's country (:func:`_countries`)."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for m in mentions:
        country = countries[m.canonical]
        if country:
            counts[country] += 1
    for i, tok in enumerate(d.texts):
        country = _gentilic(lex_of(i)[1], tok) if tok[0].isalpha() else None
        if country:
            counts[country] += 1
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


#: the fields of a claim that ``contextualise`` fills
_CONTEXT_FIELDS = (  # in the claim's field order
    "subject", "subject_key", "source", "source_text", "cue", "time", "entities", *FRAME_FIELDS,
)  # fmt: skip


@cache
def _claim_layout():
    """(every field value of a claim, build, runs): ``runs`` are the (start, stop) of the stretches
    of consecutive positions of ``_CONTEXT_FIELDS`` among the claim's fields, in order."""
    from dataclasses import fields
    from operator import attrgetter

    from factcheck.model import claim_builder

    names = [f.name for f in fields(Claim)]
    runs: list[list[int]] = []
    for k in (names.index(n) for n in _CONTEXT_FIELDS):
        if runs and runs[-1][1] == k:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    return attrgetter(*names), claim_builder(), tuple((start, stop) for start, stop in runs)


def _in_context(c: Claim, context: tuple) -> Claim:
    """``c.with_(**dict(zip(_CONTEXT_FIELDS, context)))``, built from every field value at once
    (``model.claim_builder``: the same claim, without setting each slot through a call); the
    context values replace each stretch of consecutive fields by one slice assignment."""
    values, build, runs = _claim_layout()
    row = list(values(c))
    taken = 0
    for start, stop in runs:
        row[start:stop] = context[taken : taken + stop - start]
        taken += stop - start
    return build(*row)


def _events(d, lex, a: int, b: int, first: int, last: int, subj, unit: str | None) -> tuple[str, ...]:
    """What happened to what is counted ("مقتل", "arrested", "displaced"): words just before the
    figure, just after it, or in its subject, looked up in the language's ``[events]`` table; for a
    length, also what it measures (a tunnel's length vs a distance away, ``[measure_events]``)."""
    measures = lex.measure_events if unit in lex.measure_units else None
    if not lex.events and not measures:
        return ()
    lo, hi = max(a, first - 3), min(b, last + 4)
    texts = d.texts
    words = texts[lo:first] + texts[last + 1 : hi]
    if subj is not None and hasattr(subj, "first"):
        words += texts[subj.first : subj.last + 1]
    memo = lex.event_memo
    classes = list(map(memo.get, words, repeat("")))  # "": not yet known
    if "" in classes:
        for k, token in enumerate(words):
            if classes[k] == "":
                classes[k] = memo[token] = _word_class(lex, token, lex.events)
    found = set(filter(None, classes))
    if measures:
        found.update(filter(None, (_word_class(lex, token, measures) for token in words)))
    return tuple(sorted(found))


def _word_class(lex, token: str, table: dict[str, str]) -> str | None:
    """The class of one word in ``table`` (with an attached prefix and/or the article), or None."""
    for form in (
        token,
        *(token[len(c) :] for c in lex.clitics if token.startswith(c) and len(token) > len(c) + 2),
    ):
        bare = form[len(lex.article) :] if lex.article and form.startswith(lex.article) else form
        event = table.get(form) or table.get(bare)
        if event:
            return event
    return None


#: a counted noun that is itself a group ("50 children") is not a part of that group
_unit_group = {"child": "children", "woman": "women", "man": "men"}

#: entity types that say where or whose a figure is (not who said it)
_SCOPE_TYPES = PLACE_TYPES | {"armed_group"}


_ACTOR_TYPES = frozenset({"armed_group"})


def _party(
    d, lex, gaz, mentions, first: int, last: int, source: str | None, firsts: list[int] | None = None
) -> str | None:
    """The armed group the people counted belong to: "14 ISIS fighters", "14 مقاتلاً من تنظيم داعش",
    "عناصر داعش", or the source's own ("مقتل 14 مقاتلاً من صفوفها", ``[parties]`` of the data).
    ``firsts``: the mentions' first tokens, when the caller has them (a faster search)."""
    k = bisect_left(firsts, first) if firsts is not None else bisect_left(mentions, first, key=_first_of)
    while k < len(mentions) and mentions[k].first <= last + 4:
        m = mentions[k]
        if gaz.types.get(m.canonical) == "armed_group" and (
            m.last <= last or _linked(d, lex, last + 1, m.first)
        ):
            return m.canonical
        k += 1
    texts = d.texts
    own = source if source and gaz.types.get(source) == "armed_group" else None
    if any(texts[j] in lex.party_own for j in range(first, last + 1)):
        return own  # "14 of its fighters"
    for j in range(last + 1, min(len(texts), last + 4)):
        if texts[j] in lex.party_own:
            return own
        if texts[j] not in lex.party_links:
            break
    return None


def _before_change(d, lex, a: int, first: int, pos: int, when, out, members) -> bool:
    """Is the figure the value before a change, after the new one ("rose to 13.50 pounds from 11.50",
    "إلى 17.25 جنيه بدلاً من 15.25")? The ``[frame.previous]`` words end right before it, and it has no
    time apart from the new value's ("from $10.25 billion in 2023" says when it held). Or is it said of
    the time before an upheaval, earlier in its clause ("Before the war, the ministry ran 480 clinics")?"""
    from factcheck.context.tokens import match_phrase, readings

    if lex.upheavals:  # "Before the 2023 war, the ministry ran 480 clinics"
        for j in range(max(a, first - _UPHEAVAL_REACH), first):
            n, _value = match_phrase(lex, lex.upheaval_cues, d.texts, j, first)
            after = range(j + n, min(first, j + n + 3)) if n else ()
            if any(r in lex.upheavals for k in after for r in readings(lex, d.texts[k])):
                return True
    if pos == 0 or out[members[pos - 1]].time != when:
        return False
    for j in range(max(a, first - 3), first):
        n, _value = match_phrase(lex, lex.frame_previous, d.texts, j, first)
        if n and j + n == first:
            return True
    return False


#: how far before a figure "before the war" may stand in its clause
_UPHEAVAL_REACH = 12


def _multiple(d, lex, last: int, b: int) -> bool:
    """Does a multiplier phrase follow the figure ("25 times the price", "three times as many", "نحو
    25 ضعف"; not "rose 3 times in 2019", three rises)?"""
    from factcheck.context.tokens import match_phrase

    return last + 1 < b and bool(match_phrase(lex, lex.multipliers, d.texts, last + 1, b)[0])


#: tokens at most between two figures of one list of parts ("منها 640 منزلاً انهارت كلياً و1320 منزلاً")
_LIST_GAP = 6


def _mark_whole(out, members, pos: int) -> None:
    """The figure a part is of ("1.9 million displaced, of whom 800,000 in camps"): the nearest one before
    it in its sentence that is no part itself becomes the ``whole``, which meets no part of any document."""
    for k in range(pos - 1, -1, -1):
        before = out[members[k]]
        if before.scope is None:
            out[members[k]] = before.with_(scope="whole")
            return
        if before.scope != "part":
            return


def _listed_part(out, claims, members, spans, pos: int) -> bool:
    """A figure listed just after a part of the same unit is a part too: "of which 640 homes collapsed and
    1,320 were damaged" (the cue, "of which", stands before the first only)."""
    if pos == 0:
        return False
    before = members[pos - 1]
    return (
        out[before].scope == "part"
        and claims[before].unit == claims[members[pos]].unit
        and spans[members[pos]][0] - spans[before][1] <= _LIST_GAP
    )


#: measures whose figure belongs to a holder named beside it: seats or votes won, a donor's pledge (not
#: funding: "9% of the funding" for Yemen names whom it is for)
_HELD = frozenset({*HELD_UNITS.values(), "pledge"})
#: seats and votes only: "for X" after a pledge names whom it is for, not who gave it
_HELD_AFTER = frozenset(HELD_UNITS.values())
#: who may hold such a figure: a party holds seats and votes (a place is where, not whose: "in
#: Sulaymaniyah, the PUK won 12 seats"); a country, a government, an agency or a bloc pledges
_HOLDER_TYPES = dict.fromkeys(HELD_UNITS.values(), frozenset({"organisation", "armed_group"}))
_DONOR_TYPES = frozenset({"organisation", "coalition", "government", "agency", "country"})


def _holder(d, lex, gaz, mentions, firsts, start: int, first: int, last: int, measure, ev) -> str | None:
    """Whose seats, votes or pledge a figure is: the holder named just after it by link words ("23
    seats for the PUK", "23 مقعداً للاتحاد الوطني"; seats and votes only), else the one named nearest
    before it in its own clause, from ``start`` ("the KDP won 39 seats", "تعهدت ألمانيا بتقديم 300
    مليون يورو"); never the source speaking."""
    source = ev.source if ev else None
    texts = d.texts
    types = _HOLDER_TYPES.get(measure, _DONOR_TYPES)
    k = bisect_left(firsts, last + 1)
    if measure in _HELD_AFTER and k < len(mentions):
        m = mentions[k]
        if (
            m.first <= last + 3
            and all(texts[j] in lex.owner_links for j in range(last + 1, m.first))
            and gaz.types.get(m.canonical) in types
            and m.canonical != source
        ):
            return m.canonical
    k = bisect_left(firsts, first) - 1
    while k >= 0 and mentions[k].first >= start:
        m = mentions[k]
        if m.last < first and gaz.types.get(m.canonical) in types and m.canonical != source:
            return m.canonical
        k -= 1
    return None


def _nationality(d, lex, first: int, last: int) -> str | None:
    """The country of the people counted, by its adjective: "1,200 Iraqi families", "650 عائلة عراقية"."""
    texts = d.texts
    for j in range(first, min(len(texts), last + 2)):
        country = _gentilic(lex, texts[j])
        if country:
            return country
    return None


def _gentilic(lex, token: str) -> str | None:
    """The country a nationality adjective names ("عراقية", "Syrian"; ``[gentilics]``), remembered per
    token in the lexicon's ``class_memo``."""
    memo = lex.class_memo.get(_GENTILICS)
    if memo is None:
        memo = lex.class_memo[_GENTILICS] = {}
    country = memo.get(token, "")
    if country == "":
        country = memo[token] = _word_class(lex, token, lex.gentilics)
    return country


_GENTILICS = "gentilics"  # the ``class_memo`` of ``_word_class`` over ``lex.gentilics``


def _linked(d, lex, start: int, end: int) -> bool:
    """Only link words ("من", "of", "تنظيم") between the counted noun and a party."""
    return all(d.texts[j] in lex.party_links for j in range(start, end))


def _clause_start(d, lex, a: int, first: int) -> int:
    """First token of the clause holding token ``first``: after the last speech verb or "that"/"إن"."""
    texts = d.texts
    for k in range(first - 1, a - 1, -1):
        tok = texts[k]
        if tok in lex.complementisers or tok in lex.verbs:
            return k + 1
    return a


def _ranking_stops(d, lex, a: int, b: int) -> list[int]:
    """Where ranking words ("followed by", "تليها") start in sentence tokens ``a..b``."""
    from factcheck.context.tokens import match_phrase

    return [j for j in range(a, b) if match_phrase(lex, lex.ranking, d.texts, j, b)[0]]


def _before_ranking(
    mentions, firsts, scope: tuple[str, ...], last: int, b: int, stops: list[int]
) -> tuple[str, ...]:
    """Places named after a ranking word ("Hodeidah, with 3,870 cases, followed by Taiz and Hajjah",
    "تليها تعز ثم حجة") come after the figure's own in a ranking: not where it was counted."""
    k = bisect_right(stops, last)
    if k == len(stops):
        return scope
    stop = stops[k]
    later = {m.canonical for m in mentions[bisect_left(firsts, stop) :] if m.first < b}
    earlier = {m.canonical for m in mentions[: bisect_left(firsts, stop)]}
    kept = tuple(e for e in scope if e not in later or e in earlier)
    return kept or scope


def _attribution_span(finder, s: int, ev, last: int, b: int) -> range:
    """The tokens of the attribution of a figure ending at ``last`` in sentence ``s`` (ending before
    ``b``), whose places are where it was said, not what the figure is of: the attribution itself,
    and when it follows the figure the rest of the sentence ("..., he told a news conference in
    Ismailia"); a statement whose speaker is not known ("he told") counts too."""
    if ev is None:
        ev = next((e for e in finder.by_sentence.get(s, ()) if e.first > last), None)
    if ev is None:
        return range(0)
    return range(ev.first, b) if ev.first > last else range(ev.first, ev.last + 1)


def _sentence_scope(
    mentions,
    gaz,
    a: int,
    b: int,
    skip: range,
    types: frozenset[str] = _SCOPE_TYPES,
    firsts: list[int] | None = None,
) -> tuple[str, ...]:
    """Places and parties (``types``) named in sentence tokens ``a..b``, outside ``skip`` (the
    attribution; ``firsts``: the mentions' first tokens, when the caller has them)."""
    found = []
    start = bisect_left(firsts, a) if firsts is not None else bisect_left(mentions, a, key=_first_of)
    for k in range(start, len(mentions)):
        m = mentions[k]
        if m.first >= b:
            break
        if m.last < b and m.first not in skip and gaz.types.get(m.canonical) in types:
            found.append(m.canonical)
    return tuple(dict.fromkeys(found))


def _relative_to_before(when: str | None, before: str | None, pub) -> str | None:
    """A time said relative to the figure before: "over the same period" is its time, "a year
    earlier" / "قبل عام" its time a year back (the publication date's with no figure before)."""
    from factcheck.context import timescope

    if when == timescope.SAME_TIME:
        return before
    if when == timescope.YEAR_BEFORE:
        return timescope.years_back(before or (pub and pub.isoformat()))
    return when


def _first_of(m) -> int:
    return m.first


#: how many link words may stand between a listed place and its figure ("Turkey with 273,000")
_LEADING_GAP = 2


def _leading_place(d, lex, mentions, gaz, firsts: list[int], a: int, first: int, ev) -> tuple[str, ...]:
    """The place a figure follows at once in its sentence, across link words only (the lexicon's
    subject stop words: "with", "ب"): in a list of places and figures each figure is its place's.
    Never the place of the statement's speaker ("مدير الصحة في إدلب أن 15 طفلاً")."""
    k = bisect_left(firsts, first) - 1
    if k < 0:
        return ()
    m = mentions[k]
    if m.first < a or m.last >= first or first - m.last - 1 > _LEADING_GAP:
        return ()
    if gaz.types.get(m.canonical) not in PLACE_TYPES or (ev is not None and ev.first <= m.first <= ev.last):
        return ()
    if any(d.texts[i] not in lex.stop_words for i in range(m.last + 1, first)):
        return ()
    return (m.canonical,)


_RECENT = 40  # mentions a short reference may look back over


class _Earlier:
    """The latest of the ``_RECENT`` mentions before mention ``seen`` whose first word has a key, or,
    for a definite noun of a kind of place (``[place_nouns]``: "المدينة", "the city"), the latest
    place of that kind.

    Kept incrementally: the index of the last mention so far with each key, read against the window
    (the last mention with a key lies in the window exactly when some mention there has the key).
    """

    __slots__ = ("d", "keys", "last", "lex_of", "mentions", "types", "upto")

    def __init__(self, d, lex_of, mentions, types: dict[str, str] | None = None) -> None:
        self.d, self.lex_of, self.mentions = d, lex_of, mentions
        self.types = types or {}  # canonical name -> gazetteer type
        self.keys: list[str | None] = []  # mention index -> key of its first word as written
        self.last: dict[str, int] = {}  # key -> index of the last mention before ``upto`` with it
        self.upto = 0

    def lookup(self, seen: int, key: str) -> str | None:
        found = self._by_first_word(seen, key)
        if found is None:
            kind = _place_noun_keys().get(key)
            if kind is not None:
                mentions, types = self.mentions, self.types
                for j in range(seen - 1, max(0, seen - _RECENT) - 1, -1):
                    if types.get(mentions[j].canonical) == kind:
                        return mentions[j].canonical
        return found

    def _by_first_word(self, seen: int, key: str) -> str | None:
        mentions, keys = self.mentions, self.keys
        if len(keys) < seen:
            d, lex_of, texts = self.d, self.lex_of, self.d.texts
            for m in mentions[len(keys) : seen]:
                tok = texts[m.first]
                found = lex_of(m.first)[1].free_key_memo.get(tok) if tok[0].isalpha() else None
                keys.append(found if found is not None else _first_key(d, lex_of, m))
        if seen < self.upto:  # an earlier position than the index has reached: read the window
            for j in range(seen - 1, max(0, seen - _RECENT) - 1, -1):
                if keys[j] == key:
                    return mentions[j].canonical
            return None
        last = self.last
        for j in range(self.upto, seen):
            k = keys[j]
            if k is not None:
                last[k] = j
        self.upto = seen
        j = last.get(key)
        return mentions[j].canonical if j is not None and j >= seen - _RECENT else None


@cache
def _place_noun_keys() -> dict[str, str]:
    """The short-reference keys of every language's place nouns -> the place type they refer to."""
    from factcheck.context.data import get, strip_article
    from factcheck.context.tokens import key_token

    out: dict[str, str] = {}
    for lang in _LANGS:
        lex = get(lang)
        for word, kind in lex.place_nouns.items():
            out[strip_article(key_token(lex, word))] = kind
    return out


def _first_key(d, lex_of, m) -> str | None:
    """The matching key of the first word of a mention as written (what a short reference repeats)."""
    texts = d.texts
    for i in range(m.first, m.last + 1):
        if texts[i][0].isalpha():
            lex = lex_of(m.first)[1]
            found = lex.free_key_memo.get(texts[i])
            return found if found is not None else _free_key(lex, texts[i])
    return None


def _free_key(lex, token: str) -> str:
    from factcheck.context.entities import _free_key

    return _free_key(lex, token)


def _rate_in_words(unit: str | None) -> bool:
    """A unit whose words may say a rate it is not itself ("mtpa" is tonnes, a year; "bpd" is a rate
    unit already: bbl/d)."""
    return bool(unit) and "/" not in unit


_CASE = "case"  # the unit of a count of cases (the extractor's canonical name)
_PERSON = "person"  # the unit of a count of people (the extractor's canonical name)
_DISEASE_REACH = 12  # tokens around the figure a disease must be named in


def _infection(d, lex, unit_text: str | None, a: int, b: int, first: int, last: int) -> bool:
    """Does the figure count cases of a disease with a word that also counts the injured ("إصابة
    بالكوليرا": ``[frame.infection] words``), a disease being named near it (``[frame.infection]
    diseases``)?"""
    if not unit_text or not lex.infection_words:
        return False
    from factcheck.lexicon import fold, phrase_tokens

    if not any(w in lex.infection_words for w in phrase_tokens(fold(unit_text))):
        return False
    texts = d.texts
    index = lex.infection_diseases
    from factcheck.context.tokens import match_phrase

    for j in range(max(a, first - _DISEASE_REACH), min(b, last + 1 + _DISEASE_REACH)):
        if texts[j][0].isalpha() and match_phrase(lex, index, texts, j, b)[0]:
            return True
    return False


def _unit_rate(d, lex, first: int, last: int) -> str | None:
    """A rate the figure's own unit says ("77 mtpa": million tonnes per annum), from the
    ``[frame.aggregation]`` phrases read inside the figure's span (the frame reads only around it)."""
    from factcheck.context.tokens import match_phrase

    texts = d.texts
    starts = lex.frame_aggregation.by_first
    for j in range(first, last + 1):
        if texts[j] in starts:  # the unit's own words, as written ("mtpa"), start the phrase
            n, value = match_phrase(lex, lex.frame_aggregation, texts, j, last + 1)
            if n and isinstance(value, str) and value.startswith("per_"):
                return value
    return None


def _link_word(lex, token: str, key: str) -> bool:
    """A word that links or ends a subject ("من", "في", "خلال", "of"), as written or by its key."""
    return any(w in lex.stop_words or w in lex.subject_stop for w in (token, key))


def _own_noun(d, lex, last: int, end: int, time_tokens: set[int]) -> bool:
    """Is the word after the figure a counted noun of its own, by the ending the language marks it
    with (``[subject] counted_endings``: the accusative of "23 مصدراً") or the link word after it
    (``counted_links``: "1,400 slabs of hashish"), and no time, adverb or link word ("حالياً",
    "سنوياً", "تقريباً")?"""
    from factcheck.context.tokens import has_article, key_token, readings

    k = last + 1
    if k >= end or k in time_tokens or not d.texts[k][0].isalpha():
        return False
    tok = d.texts[k]
    key = key_token(lex, tok)
    if _link_word(lex, tok, key) or tok in lex.counted_not or key in lex.counted_not:
        return False
    if k + 1 < end and d.texts[k + 1] in lex.counted_links:
        return True  # "1,400 slabs of hashish"
    if not lex.counted_endings:
        return False
    if (
        lex.article
        and k + 1 < end
        and d.texts[k + 1][0].isalpha()
        and not has_article(lex, tok)
        and not has_article(lex, d.texts[k + 1])
        and not _link_word(lex, d.texts[k + 1], key_token(lex, d.texts[k + 1]))
        and not any(r in lex.verbs for r in readings(lex, tok))
    ):
        return True  # "و٤١٠٠ كف حشيش": a noun in construct with another, both indefinite
    start, end = d.norm.orig_span(d.starts[k], d.end(k))
    raw = d.raw
    while end < len(raw) and unicodedata.combining(raw[end]):
        end += 1  # the marks the normalised token dropped after its last letter ("مصدرا" + "ً")
    return raw[start:end].endswith(lex.counted_endings)


def _inherits(c: Claim, before: list[int], claims: list[Claim]) -> int | None:
    """The earlier figure of the sentence whose subject this one continues (change, "others", no noun)."""
    if not before or (c.unit_text and _has_text(c.text, c.unit_text)):
        return None
    prev = claims[before[-1]]
    if c.unit and prev.unit and c.unit != prev.unit:
        return None
    return before[-1]


_FOLDED: dict[str, str] = {}  # claim text or unit text -> folded (fold is pure)


def _has_text(text: str, part: str) -> bool:
    return _folded(part) in _folded(text)


def _folded(text: str) -> str:
    found = _FOLDED.get(text)
    if found is None:
        from factcheck.lexicon import fold

        if len(_FOLDED) >= 100_000:
            _FOLDED.clear()
        found = _FOLDED[text] = fold(text)
    return found


def _bind_times(d, lex, times, spans: list[tuple[int, int]], events) -> dict[int, str]:
    """The time expression governing each figure of a sentence (by position in ``spans``).

    Linear in figures plus times: each figure looks only at the times within its reach (found by
    binary search in the sentence's :class:`~factcheck.context.timescope.TimeIndex`); the same
    answers as :func:`_bind_times_plain` (its oracle), which reads times in any order.
    """
    if not times:
        return {}
    from factcheck.context.timescope import index_of

    index = index_of(times)
    if not index.ordered:
        return _bind_times_plain(d, lex, times, spans, events)
    from factcheck.context.tokens import match_phrase

    firsts = index.firsts
    statement = index.inside(events)
    bound: dict[int, int] = {}
    taken: set[int] = set()
    boundary = _boundary()
    plain_and = _and_words()
    for pos, (_first, last) in enumerate(spans):
        limit = spans[pos + 1][0] if pos + 1 < len(spans) else len(d.texts)
        k = bisect_right(firsts, last)  # the first time after the figure
        while k < len(times) and firsts[k] < limit and firsts[k] - last <= 15:
            t = times[k]
            k += 1
            if k - 1 in statement:
                continue
            between = d.texts[last + 1 : t.first]
            if any(x in boundary for x in between) or _later_clause(lex, between):
                continue
            if any(
                match_phrase(lex, lex.conjunctions, d.texts, j, t.first)[0]
                for j in range(last + 1, t.first)
                if d.texts[j] not in plain_and
            ):
                continue
            bound[pos] = k - 1
            taken.add(k - 1)
            break
    open_ = [k for k in range(len(times)) if k not in statement]
    open_lasts = [index.lasts[k] for k in open_]
    # "five were killed and five others arrested in a raid on Thursday": one time for both, unless the
    # first has its own before it ("the deficit in 2025 will reach 5.1bn against 4.2bn in 2024")
    for pos in range(len(spans) - 2, -1, -1):
        if pos not in bound and pos + 1 in bound:
            between = d.texts[spans[pos][1] + 1 : spans[pos + 1][0]]
            if not any(x in boundary for x in between):
                before = bisect_left(open_lasts, spans[pos][0])
                own = open_[before - 1] if before else None
                if not _own_time(d, times, own, taken, spans, pos, boundary):
                    bound[pos] = bound[pos + 1]
    result: dict[int, str] = {}
    for pos, (first, _last) in enumerate(spans):
        if pos in bound:
            result[pos] = times[bound[pos]].value
            continue
        before = bisect_left(open_lasts, first)  # times ending before the figure, the latest last
        if before and open_[before - 1] not in taken:
            result[pos] = times[open_[before - 1]].value
        # (the latest already tells an earlier figure's time: "287 operations in September, arresting
        # 131 suspects" leaves the 131 to its sentence, not to an older time before both)
    return result


def _own_time(d, times, k: int | None, taken: set[int], spans, pos: int, boundary) -> bool:
    """Is time ``k`` (the latest before figure ``pos``, no statement's) the figure's own: not bound to
    a figure after it, after the figure before it, and in the figure's clause (no comma between)?"""
    if k is None or k in taken:
        return False
    t = times[k]
    if pos and t.first <= spans[pos - 1][1]:
        return False
    return not any(x in boundary for x in d.texts[t.last + 1 : spans[pos][0]])


def _later_clause(lex, between: list[str]) -> bool:
    """A relative clause opened after the figure's own words ("14,000 people were living in the camps
    that shelter those displaced in 2014"): its time is the clause's. One right after the figure
    ("30,000 people who lived there in 2019") still tells the figure's."""
    return any(x in lex.relatives for x in between[1:])


@cache
def _and_words() -> frozenset[str]:
    """The plain "and" of every language: time binding reads on past it."""
    from factcheck import lexicon

    return lexicon.words().and_words


def _bind_times_plain(d, lex, times, spans: list[tuple[int, int]], events) -> dict[int, str]:
    """:func:`_bind_times` by trying every time for every figure (times in any order)."""
    if not times:
        return {}
    statement = set()
    for e in events:
        for k, t in enumerate(times):
            if e.first <= t.first and t.last < max(e.content, e.last + 1):
                statement.add(k)
    from factcheck.context.tokens import match_phrase

    bound: dict[int, int] = {}
    taken: set[int] = set()
    boundary = _boundary()
    plain_and = _and_words()
    for pos, (_first, last) in enumerate(spans):
        limit = spans[pos + 1][0] if pos + 1 < len(spans) else len(d.texts)
        for k, t in enumerate(times):
            if k in statement or t.first <= last or t.first >= limit or t.first - last > 15:
                continue
            between = d.texts[last + 1 : t.first]
            if any(x in boundary for x in between) or _later_clause(lex, between):
                continue
            if any(
                match_phrase(lex, lex.conjunctions, d.texts, j, t.first)[0]
                for j in range(last + 1, t.first)
                if d.texts[j] not in plain_and
            ):
                continue
            bound[pos] = k
            taken.add(k)
            break
    # "five were killed and five others arrested in a raid on Thursday": one time for both, unless the
    # first has its own before it
    for pos in range(len(spans) - 2, -1, -1):
        if pos not in bound and pos + 1 in bound:
            between = d.texts[spans[pos][1] + 1 : spans[pos + 1][0]]
            if not any(x in boundary for x in between):
                prev = [k for k, t in enumerate(times) if t.last < spans[pos][0] and k not in statement]
                if not _own_time(d, times, prev[-1] if prev else None, taken, spans, pos, boundary):
                    bound[pos] = bound[pos + 1]
    result: dict[int, str] = {}
    for pos, (first, _last) in enumerate(spans):
        if pos in bound:
            result[pos] = times[bound[pos]].value
            continue
        prev = [k for k, t in enumerate(times) if t.last < first and k not in statement]
        if prev and prev[-1] not in taken:
            result[pos] = times[prev[-1]].value
    return result


def _running_total(when: str, as_of: str | None) -> str:
    """A running total's time: from when it started to when it was stated (``2022-09/2022-11-01``)."""
    from factcheck.compare.timescope import interval

    span, end = interval(when), interval(as_of)
    if not span or not end or span[1] >= end[1]:
        return when
    return f"{when.split('/')[0]}/{as_of.split('/')[-1]}"


def _as_of(times, ev, s: int, pub) -> str | None:
    """When a running total is stated: its statement's date, else the publication's."""
    return _statement_time(times, ev, s) or (pub and pub.isoformat())


#: days a stated period must end before the statement to be closed (a month: "last month" is no running
#: total said this month)
_CLOSED_DAYS = 31


def _closed_before(when: str, as_of: str | None) -> bool:
    """Does the period ``when`` end more than a month before ``as_of`` starts ("2024" said in July 2025)?
    A "since" phrase runs to the publication, so it never is."""
    from factcheck.compare.timescope import days

    span, said = days(when), days(as_of)
    return span is not None and said is not None and span[1] < said[0] - _CLOSED_DAYS


def _after(when: str | None, pub) -> bool:
    """Does the time ``when`` start after the publication date (a figure for the future)?"""
    if not when or pub is None:
        return False
    found = _AFTER.get((when, pub))
    if found is None:
        from factcheck.compare.timescope import interval

        span = interval(when)
        if len(_AFTER) >= 100_000:
            _AFTER.clear()
        found = _AFTER[when, pub] = bool(span) and span[0] > pub
    return found


_AFTER: dict[tuple, bool] = {}  # (time, publication date) -> _after (pure)


def _statement_time(times, ev, s: int) -> str | None:
    """The time of the statement itself ("said on Monday"), for a figure with no time of its own."""
    if ev is None or ev.sentence != s or not times:
        return None
    from factcheck.context.timescope import index_of

    index = index_of(times)
    if not index.ordered:
        return _statement_time_plain(times, ev, s)
    k = bisect_left(index.firsts, ev.first)  # times from the statement on, in order
    if k < len(times) and index.lasts[k] < max(ev.content, ev.last + 1):
        return times[k].value  # ends inside the statement (later ones end later)
    if ev.back:
        k = max(k, bisect_right(index.firsts, ev.last))
        if k < len(times) and times[k].first - ev.last <= _STATEMENT_TIME_GAP:
            return times[k].value
    return None


#: how soon after a statement's words ("UNHCR said in a statement on Friday") its own time stands; one
#: further on belongs to what follows ("مقارنة بـ44.1 في المئة في انتخابات عام 2021")
_STATEMENT_TIME_GAP = 6


def _statement_time_plain(times, ev, s: int) -> str | None:
    """:func:`_statement_time` by trying every time in turn (times in any order)."""
    if ev is None or ev.sentence != s:
        return None
    for t in times:
        if ev.first <= t.first and (
            t.last < max(ev.content, ev.last + 1)
            or (ev.back and ev.last < t.first <= ev.last + _STATEMENT_TIME_GAP)
        ):
            return t.value
    return None


def _context_time(d, s: int, times_of, lead_time: dict[int, str | None]) -> str | None:
    """A time stated earlier in the same paragraph governs a figure whose sentence has none: the time
    of the main figure of the latest sentence that has one (not that of a comparison after it: "up
    from 29.9% in 2020"; none when that figure holds as of its statement), else the latest time phrase
    of a sentence without figures."""
    par = d.paragraph_of_sentence[s]
    k = s - 1
    while k >= 0 and d.paragraph_of_sentence[k] == par:
        if k in lead_time:
            return lead_time[k]
        ts = times_of(k)
        if ts:
            return ts[-1].value
        k -= 1
    return None


def describe_subject(text: str, unit: str | None = None) -> tuple[tuple[str, ...], str]:
    """Entities and matching key of a subject phrase written on its own (desk reference figures),
    built exactly as for a claim in an article so both share one key space."""
    from factcheck.context import data, entities, subject, tokens

    d = tokens.read(text, text, _abbreviations())
    if len(d) == 0:
        return (), ""
    lex = data.get(_sentence_lang(text))
    mentions = entities.scan(d, lambda i: lex, data.gazetteer(), 0, len(d))
    found = subject.SubjectFinder(d, data.gazetteer(), mentions, frozenset()).build(
        lex, 0, len(d) - 1, unit, []
    )
    return tuple(found.entities), found.key


def source_places(text: str) -> tuple[str, ...]:
    """The places a source speaks for: named in it ("Lebanon's government") or by the country's
    adjective ("a Syrian official", "وزارة الهجرة العراقية"; ``[gentilics]`` of the context data)."""
    from factcheck.context import data, tokens

    entities, _key = describe_subject(text)
    found = [e for e in entities if entity_type(e) in PLACE_TYPES]
    d = tokens.read(text, text, _abbreviations())
    lex = data.get(_sentence_lang(text))
    for tok in d.texts:
        place = _gentilic(lex, tok)
        if place:
            found.append(place)
    return tuple(dict.fromkeys(found))


def entity_type(name: str) -> str:
    """The gazetteer type of a canonical entity name (camp, city, country, armed_group ...)."""
    from factcheck.context import data

    return data.gazetteer().types.get(name, "other")
