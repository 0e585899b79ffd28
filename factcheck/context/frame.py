"""A claim's frame: what it measures, what happened, in which modality, and aggregated how.

Each field is read from cue phrases of the language's context data (``[frame.*]`` and ``[events]`` in
``ar.toml`` / ``en.toml``) found near the figure in its sentence, nearest first; the values are
language-independent names, so an Arabic and an English figure of one quantity get the same frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.context.data import ContextLexicon, PhraseIndex
from factcheck.context.tokens import match_phrase, readings

#: how far from the figure (tokens) each cue is looked for: (before, after)
_MEASURE_REACH = (10, 6)
#: how near the figure "another" / "other" / "أخرى" must stand (before it, or after its counted noun)
_OTHER_REACH = 2
#: a phrase ending within reach before the figure may begin this many tokens earlier ("core inflation")
_PHRASE_OVERHANG = 3
_MODALITY_REACH = (8, 5)
_CUMULATIVE_REACH = (8, 8)
_RATE_REACH = (3, 4)
_EVENT_REACH = (4, 4)
_GROUP_REACH = (4, 4)
#: measures that are running totals whatever the wording, with what they count
_RUNNING = {"toll": "killed"}


@dataclass(frozen=True, slots=True)
class Cues:
    """The frame cues found around one figure (None where the text says nothing)."""

    measure: str | None
    event: str | None
    modality: str | None
    aggregation: str | None
    group: str | None
    part: bool  # introduced as a part of the figure before it ("including", "منهم")
    other: bool  # another set of the same kind ("another 30", "400 other families", "400 أسرة أخرى")
    present: bool
    change: str | None  # "update" ("rose to"), "revised" ("corrected to"), or None


def _matches(
    lex: ContextLexicon, index: PhraseIndex, texts, lo: int, hi: int
) -> list[tuple[int, int, object]]:
    """Every phrase of ``index`` starting in ``lo..hi-1`` and ending before ``hi``: (start, length, value)."""
    if not index:
        return []
    out = []
    j = lo
    while j < hi:
        n, value = match_phrase(lex, index, texts, j, hi)
        if n:
            out.append((j, n, value))
            j += n
        else:
            j += 1
    return out


def nearest(
    lex: ContextLexicon,
    index: PhraseIndex,
    texts,
    sentence: tuple[int, int],
    figure: tuple[int, int],
    reach: tuple[int, int],
) -> object | None:
    """The value of the phrase of ``index`` nearest the figure (tokens ``first..last``) within ``reach``
    tokens before and after it, inside the sentence; before wins a tie."""
    a, b = sentence
    first, last = figure
    best: tuple[int, int, object] | None = None
    for j, n, value in _matches(lex, index, texts, max(a, first - reach[0] - _PHRASE_OVERHANG), first):
        gap = first - (j + n - 1)
        if gap > reach[0]:
            continue  # begins before the reach and ends there too early
        if best is None or gap < best[0] or (gap == best[0] and n >= best[1]):
            best = (gap, n, value)  # nearest end; of two ending there, the longer ("core inflation")
    for j, _n, value in _matches(lex, index, texts, last + 1, min(b, last + 1 + reach[1])):
        gap = j - last
        if best is None or gap < best[0]:
            best = (gap, 0, value)
        break
    return best[2] if best else None


def _nearest_word(
    lex: ContextLexicon, table: dict[str, str], texts, sentence, figure, reach: tuple[int, int]
) -> str | None:
    """The class in ``table`` (folded word -> class) of the word nearest the figure, within ``reach``
    tokens before and after it (with an attached prefix or the article), or None."""
    a, b = sentence
    first, last = figure
    best: tuple[int, str] | None = None
    for i in range(max(a, first - reach[0]), min(b, last + 1 + reach[1])):
        if first <= i <= last:
            continue
        for form in readings(lex, texts[i]):
            found = table.get(form)
            if found:
                gap = first - i if i < first else i - last
                if best is None or gap < best[0]:
                    best = (gap, found)
                break
    return best[1] if best else None


def _event(lex: ContextLexicon, texts, sentence, figure, unit: str | None) -> str | None:
    """What happened to what is counted: the event word nearest the figure, else the unit when it
    names one ("1,835 wounded" → injured)."""
    if unit and unit in lex.event_names:
        return unit
    return _nearest_word(lex, lex.events, texts, sentence, figure, _EVENT_REACH)


def _length_measure(lex: ContextLexicon, texts, sentence, figure) -> str | None:
    """What a length measures (``[measure_events]``: long vs away), the word nearest the figure."""
    return _nearest_word(lex, lex.measure_events, texts, sentence, figure, _MEASURE_REACH)


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What a whole sentence says once, for all its figures: present tense, an update, a revision."""

    present: bool
    change: str | None


def sentence_cues(lex: ContextLexicon, texts, sentence: tuple[int, int]) -> SentenceCues:
    """The sentence-wide cues (read once per sentence: a sentence of k figures costs one scan, not k)."""
    a, b = sentence
    return SentenceCues(
        present=bool(_matches(lex, lex.frame_present, texts, a, b)),
        change="revised"
        if _matches(lex, lex.frame_revision, texts, a, b)
        else "update"
        if _matches(lex, lex.frame_update, texts, a, b)
        else None,
    )


def read(
    lex: ContextLexicon,
    texts,
    sentence: tuple[int, int],
    figure: tuple[int, int],
    unit: str | None,
    own: tuple[int, int] | None = None,
    whole: SentenceCues | None = None,
) -> Cues:
    """The frame cues of the figure over tokens ``figure`` in ``sentence`` (token ranges). ``own`` is
    the stretch of the sentence between the figures before and after it: what happened, modality,
    aggregation and group are read there only ("11.3 million, including 8.8 million displaced since
    April 2023": the first is no running total); a measure may stand before earlier figures ("inflation
    rose to 35% from 30%"). ``whole`` is :func:`sentence_cues` of the sentence, when the caller has it."""
    a = sentence[0]
    lo, hi = own or sentence
    near = (lo, hi)
    if whole is None:
        whole = sentence_cues(lex, texts, sentence)
    aggregation = nearest(lex, lex.frame_aggregation, texts, near, figure, _RATE_REACH)
    if aggregation == "cumulative":
        aggregation = None  # a rate's cue must be next to the figure; a running total's may be further
    if aggregation is None:
        found = nearest(lex, lex.frame_aggregation, texts, near, figure, _CUMULATIVE_REACH)
        aggregation = found if found == "cumulative" else None
    measure = nearest(lex, lex.frame_measures, texts, (a, hi), figure, _MEASURE_REACH)
    if unit in lex.measure_units:  # a length: a tunnel's length or a distance away
        measure = _length_measure(lex, texts, (a, hi), figure) or measure
    if aggregation is None and measure in _RUNNING:
        aggregation = "cumulative"  # a toll is a running total
    event = _event(lex, texts, near, figure, unit)
    if event is None and measure in _RUNNING:
        event = _RUNNING[measure]  # a toll counts the dead
    return Cues(
        measure=measure,
        event=event,
        modality=nearest(lex, lex.frame_modality, texts, near, figure, _MODALITY_REACH),
        aggregation=aggregation,
        group=nearest(lex, lex.frame_groups, texts, near, figure, _GROUP_REACH),
        part=lo > a and bool(_matches(lex, lex.frame_part, texts, max(lo, figure[0] - 3), figure[0])),
        other=bool(
            _matches(lex, lex.frame_other_before, texts, max(lo, figure[0] - _OTHER_REACH), figure[0])
            or _matches(
                lex, lex.frame_other_after, texts, figure[0] + 1, min(hi, figure[1] + 1 + _OTHER_REACH)
            )
        ),
        present=whole.present,
        change=whole.change,
    )
