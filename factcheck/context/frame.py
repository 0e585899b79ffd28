"""A claim's frame: what it measures, what happened, in which modality, and aggregated how.

Each field is read from cue phrases of the language's context data (``[context.frame.*]`` and
``[context.events]`` of ``factcheck/lexicon/ar.toml`` / ``en.toml``) found near the figure in its
sentence, nearest first; the values are language-independent names, so an Arabic and an English
figure of one quantity get the same frame.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import compress

from factcheck.context.attribution import COMMAS
from factcheck.context.data import ContextLexicon, PhraseIndex
from factcheck.context.kinds import NEED
from factcheck.context.tokens import match_all, match_phrase, readings
from factcheck.lexicon import words_of
from factcheck.model import TO_DATE

#: how far from the figure (tokens) each cue is looked for: (before, after)
_MEASURE_REACH = (10, 6)
#: how far before a figure its measure's reach may stretch over time phrases (:func:`read`'s ``timed``)
MEASURE_BEFORE = 16
#: how near the figure "another" / "other" / "أخرى" must stand (before it, or after its counted noun)
_OTHER_REACH = 2
#: a phrase ending within reach before the figure may begin this many tokens earlier ("core inflation")
_PHRASE_OVERHANG = 3
_MODALITY_REACH = (8, 5)
_GOODS_REACH = (60, 2)  # named earlier in the sentence ("diesel rose to 13.50 from 11.50"), or just after
_CUMULATIVE_REACH = (8, 8)
_RATE_REACH = (3, 4)
_EVENT_REACH = (4, 4)
#: how far after a needed figure "complete" may stand ("410 shops need complete rebuilding")
_TOTAL_REACH = 6
_GROUP_REACH = (4, 4)
#: measures that are running totals whatever the wording, with what they count
_RUNNING = {"toll": "killed"}
_RUNNING_CUES = frozenset({"cumulative", TO_DATE})
#: measures that yield to what the money goes to, named after the figure ("spends 157 billion pounds a
#: year on fuel subsidies" measures the subsidy; "spent 2.1 trillion on roads" is spending)
_YIELDING = frozenset({"spending"})


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
    goods: str | None  # what is priced or weighed ("92-octane gasoline", "السولار"), ``[frame.goods]``
    variant: bool  # a variant that leaves something out ("excluding grants", "قبل المنح")


#: a phrase inside a body's name (:func:`in_name`): read as no phrase at all
_NAMED = object()
#: how many words may stand between a name's words and the head after them ("Reconstruction and
#: Development Coalition")
_NAME_GAP = 2


def _is_head(lex: ContextLexicon, token: str) -> bool:
    return any(form in lex.name_heads for form in readings(lex, token))


def in_name(lex: ContextLexicon, texts, j: int, n: int) -> bool:
    """The phrase over tokens ``j..j+n-1`` is a word of an organisation's name (``[frame.names]``):
    the head stands after it ("Joint Operations Command"), or before it, across link words ("Ministry
    of Investment", "الهيئة العامة للاستثمار") or, where a name's words follow the head directly,
    right before it ("قيادة العمليات")."""
    if not lex.name_heads:
        return False
    k = j - 1
    while k >= 0 and texts[k] in lex.name_links:
        k -= 1
    if k >= 0 and (k < j - 1 or lex.name_follows) and _is_head(lex, texts[k]):
        return True
    if lex.name_follows:
        return False
    end = min(len(texts), j + n + _NAME_GAP + 1)
    for k in range(j + n, end):
        token = texts[k]
        if _is_head(lex, token):
            return True
        if not token.isalpha() or (token in lex.stop_words and token not in lex.name_links):
            return False
    return False


def _named(lex: ContextLexicon, index: PhraseIndex) -> bool:
    """Whether ``index``'s phrases are read outside bodies' names (measures and groups)."""
    return index is lex.frame_measures or index is lex.frame_groups


def _matches(
    lex: ContextLexicon, index: PhraseIndex, texts, lo: int, hi: int
) -> list[tuple[int, int, object]]:
    """Every phrase of ``index`` starting in ``lo..hi-1`` and ending before ``hi``: (start, length, value).
    A measure or group phrase inside a body's name is no phrase (:func:`in_name`)."""
    if not index:
        return []
    named = _named(lex, index)
    out = []
    j = lo
    while j < hi:
        n, value = match_phrase(lex, index, texts, j, hi)
        if n and not (named and in_name(lex, texts, j, n)):
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
    matches=None,
) -> object | None:
    """The value of the phrase of ``index`` nearest the figure (tokens ``first..last``) within ``reach``
    tokens before and after it, inside the sentence; before wins a tie. ``matches`` finds the phrases
    (:func:`_matches`, or a sentence's :meth:`SentencePhrases.matches`)."""
    a, b = sentence
    first, last = figure
    if matches is None:
        matches = _matches
    best: tuple[int, int, object] | None = None
    for j, n, value in matches(lex, index, texts, max(a, first - reach[0] - _PHRASE_OVERHANG), first):
        gap = first - (j + n - 1)
        if gap > reach[0]:
            continue  # begins before the reach and ends there too early
        if best is None or gap < best[0] or (gap == best[0] and n >= best[1]):
            best = (gap, n, value)  # nearest end; of two ending there, the longer ("core inflation")
    for j, _n, value in matches(lex, index, texts, last + 1, min(b, last + 1 + reach[1])):
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
    memo = lex.class_memo.get(id(table))
    if memo is None:
        memo = lex.class_memo[id(table)] = {}
    best: tuple[int, str] | None = None
    for i in range(max(a, first - reach[0]), min(b, last + 1 + reach[1])):
        if first <= i <= last:
            continue
        tok = texts[i]
        found = memo.get(tok, "")
        if found == "":
            found = memo[tok] = _word_class(lex, table, tok)
        if found:
            gap = first - i if i < first else i - last
            if best is None or gap < best[0]:
                best = (gap, found)
    return best[1] if best else None


def _word_class(lex: ContextLexicon, table: dict[str, str], token: str) -> str | None:
    """The class in ``table`` of the first reading of ``token`` that has one."""
    for form in readings(lex, token):
        found = table.get(form)
        if found:
            return found
    return None


def _event(lex: ContextLexicon, texts, sentence, figure, unit: str | None) -> str | None:
    """What happened to what is counted: the event word nearest the figure, else the unit when it
    names one ("1,835 wounded" → injured)."""
    if unit and unit in lex.event_names:
        return unit
    return _nearest_word(lex, lex.events, texts, sentence, figure, _EVENT_REACH)


def _peer_start(lex: ContextLexicon, texts, start: int, stop: int) -> int:
    """Where a conjunction opens the next item after a figure ("spending of 24 billion and revenue of 18
    billion", "وإيرادات"): a measure from there on is that item's, not what the money goes to."""
    glued = words_of(lex.lang).glued_conjunctions
    for j in range(start, stop):
        if match_phrase(lex, lex.conjunctions, texts, j, stop)[0]:
            return j
        if texts[j][:1] in glued and _matches(lex, lex.frame_measures, texts, j, j + 1):
            return j
    return stop


def _group_of_measure(lex: ContextLexicon, texts, span: tuple[int, int], measure: str) -> str | None:
    """A group named right beside the figure's measure before it (or after it across a link word of
    ``[frame.group_links]``), however far that stands ("the youth jobless rate reached 38.2%", "بطالة
    الشباب", "البطالة بين الشباب"): the measure is the group's."""
    groups = _matches(lex, lex.frame_groups, texts, *span)
    if not groups:
        return None
    ends = {k + m: k for k, m, value in _matches(lex, lex.frame_measures, texts, *span) if value == measure}
    starts = set(ends.values())
    for j, n, value in reversed(groups):
        if j + n in starts or j in ends:
            return value
        for k, m, _ in _matches(lex, lex.group_links, texts, max(span[0], j - 3), j):
            if k + m == j and k in ends:
                return value  # "البطالة بين الشباب", "unemployment among young people"
    return None


def _total(lex: ContextLexicon, texts, near, figure, event: str | None, modality: str | None) -> str | None:
    """The event of a figure said to be total (``[frame.total]``): "completely damaged" counts what was
    destroyed, and so does a need for "complete rebuilding" after the figure; the word must stand beside
    the event's own word ("damaged 594 barns and completely destroyed 120": 594 stays damaged)."""
    key = event or (NEED if modality == "required" else None)
    raised = lex.total_raises.get(key) if key else None
    if raised is None:
        return event
    lo, hi = near
    first, last = figure

    def total(i: int) -> bool:
        return any(form in lex.total_words for form in readings(lex, texts[i]))

    if event is None:  # a need: the word follows the figure ("410 shops need complete rebuilding")
        return raised if any(map(total, range(last + 1, min(hi, last + 1 + _TOTAL_REACH)))) else event
    for i in range(max(lo, first - _EVENT_REACH[0] - 1), min(hi, last + 2 + _EVENT_REACH[1])):
        if not first <= i <= last and total(i):
            beside = [j for j in (i - 1, i + 1) if lo <= j < hi and not first <= j <= last]
            if any(_word_class(lex, lex.events, texts[j]) == event for j in beside):
                return raised
    return event


def _length_measure(lex: ContextLexicon, texts, sentence, figure) -> str | None:
    """What a length measures (``[measure_events]``: long vs away), the word nearest the figure."""
    return _nearest_word(lex, lex.measure_events, texts, sentence, figure, _MEASURE_REACH)


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What a whole sentence says once, for all its figures: present tense, an update, a revision."""

    present: bool
    change: str | None


def sentence_cues(
    lex: ContextLexicon, texts, sentence: tuple[int, int], phrases: SentencePhrases | None = None
) -> SentenceCues:
    """The sentence-wide cues (read once per sentence: a sentence of k figures costs one scan, not k).
    ``phrases``: the sentence's :class:`SentencePhrases`, when the caller has them."""
    a, b = sentence
    if phrases is not None and texts is phrases.texts and a == phrases.a and b == phrases.b:
        found = phrases.found  # a hit is a phrase ending in the sentence: _matches finds it
        present, revised = id(lex.frame_present) in found, id(lex.frame_revision) in found
        update = id(lex.frame_update) in found
        return SentenceCues(present=present, change="revised" if revised else "update" if update else None)
    matches = phrases.matches if phrases is not None else _matches
    return SentenceCues(
        present=bool(matches(lex, lex.frame_present, texts, a, b)),
        change="revised"
        if matches(lex, lex.frame_revision, texts, a, b)
        else "update"
        if matches(lex, lex.frame_update, texts, a, b)
        else None,
    )


#: the phrase indexes of the frame, each a slot of ``ContextLexicon.frame_memo``
FRAME_INDEXES = (
    "frame_measures",
    "frame_modality",
    "frame_aggregation",
    "frame_present",
    "frame_revision",
    "frame_update",
    "frame_groups",
    "frame_part",
    "frame_other_before",
    "frame_other_after",
    "frame_other_clause",
    "frame_goods",
)


class SentencePhrases:
    """The frame's cue phrases of one sentence, found once for all its figures.

    One pass over the sentence's tokens looks each up once (``frame_memo``: which of the frame's
    indexes have a phrase its readings may start); at those tokens every phrase ending in the sentence
    is kept (:func:`~factcheck.context.tokens.match_all`). :meth:`matches` then answers
    :func:`_matches` for any stretch of the sentence from those hits alone (the plain scan is its
    oracle), instead of matching every token of every figure's windows again.
    """

    __slots__ = ("a", "b", "found", "texts")

    def __init__(self, lex: ContextLexicon, texts, sentence: tuple[int, int]) -> None:
        a, b = sentence
        self.a, self.b, self.texts = a, b, texts
        memo = lex.frame_memo
        indexes = _indexes(lex)
        window = texts[a:b]
        slots_of = list(map(memo.get, window))  # most tokens are a memo hit starting no phrase: ()
        if None in slots_of:
            for k, tok in enumerate(window):
                if slots_of[k] is None:
                    slots_of[k] = memo[tok] = _slots(lex, indexes, tok)
        #: id of an index -> (positions of its hits in order, the phrases matching at each)
        found: dict[int, tuple[list[int], list[tuple[tuple[int, object], ...]]]] = {}
        self.found = found
        for j in compress(range(a, b), slots_of):
            tok = texts[j]
            pair = (tok, texts[j + 1] if j + 1 < b else None)
            for slot in slots_of[j - a]:
                index = indexes[slot]
                if index.pair_memo.get(pair) == ():
                    continue  # no phrase's second word fits the next token: match_all finds none
                hit = match_all(lex, index, texts, j, b)
                if hit and _named(lex, index):
                    hit = tuple((n, _NAMED if in_name(lex, texts, j, n) else v) for n, v in hit)
                if hit:
                    entry = found.get(id(index))
                    if entry is None:
                        found[id(index)] = ([j], [hit])
                    else:
                        entry[0].append(j)
                        entry[1].append(hit)

    def matches(
        self, lex: ContextLexicon, index: PhraseIndex, texts, lo: int, hi: int
    ) -> list[tuple[int, int, object]]:
        """``_matches(lex, index, texts, lo, hi)`` (the same greedy left-to-right reading)."""
        if lo < self.a or hi > self.b or texts is not self.texts:
            return _matches(lex, index, texts, lo, hi)
        found = self.found.get(id(index))
        if found is None or lo >= hi:
            return []
        positions, options = found
        out = []
        j = lo  # the first token not yet read (a match reads on past its phrase)
        for k in range(bisect_left(positions, lo), len(positions)):
            p = positions[k]
            if p >= hi:
                break
            if p < j:
                continue
            for n, value in options[k]:
                if p + n <= hi:
                    if value is not _NAMED:
                        out.append((p, n, value))
                        j = p + n
                    break
        return out

    def nearest(
        self,
        lex: ContextLexicon,
        index: PhraseIndex,
        texts,
        sentence: tuple[int, int],
        figure: tuple[int, int],
        reach: tuple[int, int],
    ) -> object | None:
        """``nearest(lex, index, texts, sentence, figure, reach)``, read from this sentence's hits: the
        same greedy reading of the stretch before the figure, and the first phrase after it."""
        a, b = sentence
        first, last = figure
        if texts is not self.texts or a < self.a or b > self.b or first < self.a or last >= self.b:
            return nearest(lex, index, texts, sentence, figure, reach, self.matches)
        found = self.found.get(id(index))
        return None if found is None else _near(found, sentence, figure, reach)

    def holds(self, texts, sentence: tuple[int, int], near: tuple[int, int], figure: tuple[int, int]) -> bool:
        """Every stretch :func:`read` asks about for this figure lies in this sentence's tokens."""
        return (
            texts is self.texts
            and self.a <= min(sentence[0], near[0])
            and near[1] <= self.b
            and self.a <= figure[0]
            and figure[1] < self.b
        )


def _near(found, sentence: tuple[int, int], figure: tuple[int, int], reach: tuple[int, int]) -> object | None:
    """:func:`nearest` over one index's hits in a sentence (``SentencePhrases.found``): the same
    greedy reading of the stretch before the figure, and the first phrase that fits after it."""
    a, b = sentence
    first, last = figure
    positions, options = found
    best: tuple[int, int, object] | None = None
    lo = max(a, first - reach[0] - _PHRASE_OVERHANG)
    j = lo  # the first token not yet read (a match reads on past its phrase)
    k = bisect_left(positions, lo)
    count = len(positions)
    while k < count:
        p = positions[k]
        if p >= first:
            break
        if p >= j:
            for n, value in options[k]:
                if p + n <= first:
                    if value is _NAMED:
                        break
                    j = p + n
                    gap = first - (j - 1)
                    if gap <= reach[0] and (
                        best is None or gap < best[0] or (gap == best[0] and n >= best[1])
                    ):
                        best = (gap, n, value)
                    break
        k += 1
    hi = min(b, last + 1 + reach[1])
    k = bisect_left(positions, last + 1)
    while k < count:
        p = positions[k]
        if p >= hi:
            break
        for n, value in options[k]:
            if p + n <= hi:
                if value is _NAMED:
                    break
                gap = p - last
                if best is None or gap < best[0]:
                    best = (gap, 0, value)
                return best[2]
        k += 1
    return best[2] if best else None


def _any(found, lo: int, hi: int) -> bool:
    """``bool(_matches(..., lo, hi))`` over one index's hits: some phrase starts in ``lo..hi-1`` and
    ends before ``hi`` (the greedy reading reaches the first such start, as nothing before it fits)."""
    positions, options = found
    k = bisect_left(positions, lo)
    while k < len(positions) and positions[k] < hi:
        p = positions[k]
        if any(p + n <= hi for n, _v in options[k]):
            return True
        k += 1
    return False


_INDEXES: dict[int, tuple[ContextLexicon, list[PhraseIndex]]] = {}  # id(lex) -> (lex, its frame indexes)


def _indexes(lex: ContextLexicon) -> list[PhraseIndex]:
    """The frame's phrase indexes of ``lex``, in ``FRAME_INDEXES`` order (kept per lexicon)."""
    found = _INDEXES.get(id(lex))
    if found is None or found[0] is not lex:
        found = _INDEXES[id(lex)] = (lex, [getattr(lex, name) for name in FRAME_INDEXES])
    return found[1]


def _slots(lex: ContextLexicon, indexes: list[PhraseIndex], tok: str) -> tuple[int, ...]:
    """The indexes (by slot) with a phrase whose first word is one of ``tok``'s readings."""
    forms = readings(lex, tok)
    return tuple(slot for slot, index in enumerate(indexes) if any(form in index.by_first for form in forms))


def read(
    lex: ContextLexicon,
    texts,
    sentence: tuple[int, int],
    figure: tuple[int, int],
    unit: str | None,
    own: tuple[int, int] | None = None,
    whole: SentenceCues | None = None,
    phrases: SentencePhrases | None = None,
    kin: int | None = None,
    timed: int = 0,
) -> Cues:
    """The frame cues of the figure over tokens ``figure`` in ``sentence`` (token ranges). ``own`` is
    the stretch of the sentence between the figures before and after it: what happened, modality,
    aggregation and group are read there only ("11.3 million, including 8.8 million displaced since
    April 2023": the first is no running total); a measure may stand before earlier figures ("inflation
    rose to 35% from 30%"). ``whole`` is :func:`sentence_cues` of the sentence, when the caller has it;
    ``phrases`` the sentence's :class:`SentencePhrases` (the same answers as the plain scans); ``kin``
    the token after the sentence's last figure before this one with the same unit (a group named at a
    measure before that figure is that figure's: "28% among women, against 21.4% overall"); ``timed``
    how many words of time phrases stand in the measure's reach before the figure (they do not count
    towards it: "صادرات العراق بلغت في آب/أغسطس معدل 3.41")."""
    lo, hi = own or sentence
    near = (lo, hi)
    if whole is None:
        whole = sentence_cues(lex, texts, sentence, phrases)
    if phrases is not None and phrases.holds(texts, sentence, near, figure):
        found = phrases.found  # an index without a phrase in the sentence is not asked at all

        def near_to(index: PhraseIndex, span: tuple[int, int], reach: tuple[int, int]) -> object | None:
            hits = found.get(id(index))
            return None if hits is None else _near(hits, span, figure, reach)

        def any_in(index: PhraseIndex, start: int, stop: int) -> bool:
            hits = found.get(id(index))
            return hits is not None and _any(hits, start, stop)

    else:
        scan, find = (_matches, nearest) if phrases is None else (phrases.matches, phrases.nearest)

        def near_to(index: PhraseIndex, span: tuple[int, int], reach: tuple[int, int]) -> object | None:
            return find(lex, index, texts, span, figure, reach)

        def any_in(index: PhraseIndex, start: int, stop: int) -> bool:
            return bool(scan(lex, index, texts, start, stop))

    kin = sentence[0] if kin is None else kin
    return _cues_from(lex, texts, sentence, figure, unit, near, whole, near_to, any_in, kin, timed)


def _cues_from(lex, texts, sentence, figure, unit, near, whole, near_to, any_in, kin, timed=0) -> Cues:
    """The frame cues of one figure, whichever way its phrases are looked up (the sentence's hits, or
    the plain scans): ``near_to(index, span, reach)`` is the value of the phrase nearest the figure,
    ``any_in(index, lo, hi)`` whether a phrase lies in ``lo..hi``."""
    a = sentence[0]
    lo, hi = near
    first = figure[0]
    aggregation = near_to(lex.frame_aggregation, near, _RATE_REACH)
    if aggregation in _RUNNING_CUES:
        aggregation = None  # a rate's cue must be next to the figure; a running total's may be further
    if aggregation is None:
        found = near_to(lex.frame_aggregation, near, _CUMULATIVE_REACH)
        aggregation = found if found in _RUNNING_CUES else None
    peer = _peer_start(lex, texts, figure[1] + 1, min(hi, figure[1] + 1 + _MEASURE_REACH[1]))
    measure = near_to(lex.frame_measures, (a, peer), (_MEASURE_REACH[0] + timed, _MEASURE_REACH[1]))
    if measure in _YIELDING:  # what the money goes to stands in the figure's own clause: no comma between
        stop = next((j for j in range(figure[1] + 1, peer) if texts[j] in COMMAS), peer)
        after = near_to(lex.frame_measures, (figure[1] + 1, stop), (0, _MEASURE_REACH[1]))
        if after is not None and after not in _YIELDING:
            measure = after
    if unit in lex.measure_units:  # a length: a tunnel's length or a distance away
        measure = _length_measure(lex, texts, (a, hi), figure) or measure
    if aggregation is None and measure in _RUNNING:
        aggregation = "cumulative"  # a toll is a running total
    event = _event(lex, texts, near, figure, unit)
    if event is None and measure in _RUNNING:
        event = _RUNNING[measure]  # a toll counts the dead
    modality = near_to(lex.frame_modality, near, _MODALITY_REACH)
    if lex.total_raises:
        event = _total(lex, texts, near, figure, event, modality)
    group = near_to(lex.frame_groups, near, _GROUP_REACH)
    if group is None and measure is not None:
        group = _group_of_measure(lex, texts, (max(kin, first - _MEASURE_REACH[0]), first), measure)
    part = lo > a and any_in(lex.frame_part, max(lo, first - 3), first)
    other = any_in(lex.frame_other_before, max(lo, first - _OTHER_REACH), first) or any_in(
        lex.frame_other_after, first + 1, min(hi, figure[1] + 1 + _OTHER_REACH)
    )
    variant = any_in(lex.frame_other_clause, lo, first)  # "Excluding the fund's holdings, debt stood at 89%"
    # the slots filled positionally (model.fast_builder: no frozen __setattr__ per field)
    goods = near_to(lex.frame_goods, (a, hi), _GOODS_REACH)
    return _cues()(
        measure, event, modality, aggregation, group, part, other, whole.present, whole.change, goods, variant
    )


@cache
def _cues():
    from factcheck.model import fast_builder

    return fast_builder(Cues)
