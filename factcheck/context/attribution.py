"""Attribution: who a figure is attributed to, found with rules over speech cues.

Arabic speech verbs in verb-subject order with gender agreement (قال/قالت), "according to" cues
(بحسب، وفقاً لـ، نقلاً عن, according to, citing), English "X said", "said X", "X told Reuters",
"a spokesman for X said", pronoun and participle continuations ("وأضافت", "he added",
"مؤكداً") that carry the previous speaker of the right gender, quotations owned by their
speaker, relays ("نقلت وكالة X عن Y", "citing Y": Y is the source) and short references
("القيادة" → the full earlier mention → the gazetteer's canonical name).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress, groupby, repeat

from factcheck.context import entities
from factcheck.context.data import ContextLexicon, Gazetteer, strip_article
from factcheck.context.tokens import Doc, has_article, key_token, match_phrase, readings
from factcheck.lexicon import words, words_of
from factcheck.text import scripts
from factcheck.text.normalize import strip_invisible

_SCRIPTS = scripts.get()
#: commas of every script (``scripts.toml``), and the punctuation that ends a clause
COMMAS = frozenset(_SCRIPTS.commas)
_PUNCT = COMMAS | frozenset(_SCRIPTS.semicolons + _SCRIPTS.question_marks + ":.!")
_FULL_STOPS = frozenset("." + _SCRIPTS.question_marks)
_OPEN = frozenset({'"', "(", "["})
#: what a speaker phrase as written is trimmed of: quotes, brackets, commas, ":", ".", dashes, spaces
_TRIM = "\"'()[]«»“”:.- " + _SCRIPTS.commas
_MAX_NP = 8
_WINDOW = 30  # earlier events a continuation may refer to


@dataclass(slots=True)
class Event:
    """One attribution cue with its speaker, in token positions of the document."""

    pos: int  # the cue token
    first: int  # start of the attribution (cue or speaker, whichever comes first)
    last: int  # end of the attribution
    content: int  # first token of what is attributed (after إن/that/quote), for statement times
    sentence: int
    cue: str | None  # None until read through Finder.cue_of (see cue_span)
    source: str | None = None
    source_text: str | None = None
    gender: str = ""  # m, f, p (plural), n (organisation), h (a person of unknown gender)
    back: bool = False  # a trailing attribution (", the ministry said.") covers what precedes it
    keys: frozenset[str] = field(default_factory=frozenset)  # speaker words, for short references
    relay: bool = False  # citing / نقلاً عن: the original source of an enclosing report
    continuation: str | None = None  # pronoun/participle gender awaiting resolution
    #: the cue's tokens (first, last) and whether an attached و/ف is dropped: written when first read
    cue_span: tuple[int, int, bool] | None = None


class Finder:
    """Finds the speech events of a document, sentence by sentence, in reading order."""

    def __init__(
        self,
        doc: Doc,
        lex_of: Callable[[int], tuple[str, ContextLexicon]],
        gaz: Gazetteer,
        mentions: list[entities.Mention],
        numeric: frozenset[int] = frozenset(),
    ) -> None:
        self.doc = doc
        self.numeric = numeric
        self.t = doc.texts
        self.lex_of = lex_of
        self.gaz = gaz
        self.mentions = mentions
        self.mention_at = {m.first: m for m in mentions}
        self.mention_firsts = [m.first for m in mentions]
        self._mention_last: dict[int, entities.Mention] | None = None  # built when English needs it
        self.events: list[Event] = []
        self.by_sentence: dict[int, list[Event]] = {}
        #: sentences whose events' ``content`` and ``back`` are read (None: all)
        self.needed: frozenset[int] | set[int] | None = None
        self.skip = False  # the current sentence's events leave ``content`` 0 and ``back`` False

    # ------------------------------------------------------------ helpers
    @property
    def mention_last(self) -> dict[int, entities.Mention]:
        """Mentions by their last token."""
        if self._mention_last is None:
            self._mention_last = {m.last: m for m in self.mentions}
        return self._mention_last

    def cue_of(self, ev: Event) -> str | None:
        """The cue of ``ev`` as written (found when first asked: most events are never read)."""
        if ev.cue is None and ev.cue_span is not None:
            first, last, drop = ev.cue_span
            cue = self.written(first, last)
            if drop and cue[:1] in words().glued_conjunctions:
                cue = cue[1:]
            ev.cue = cue
        return ev.cue

    def written(self, first: int, last: int) -> str:
        return _written(self.raw(first, last))

    def raw(self, first: int, last: int) -> str:
        """The text as read of tokens ``first..last`` (``Doc.raw_span``)."""
        return self.doc.raw_span(first, last)

    def words(self, first: int, last: int) -> list[int]:
        return [i for i in range(first, last + 1) if self.t[i][0].isalpha()]

    def is_filler(self, lex: ContextLexicon, tok: str) -> bool:
        return any(r in lex.roles or r in lex.fillers for r in readings(lex, tok)) or tok in ("'", "s", "-")

    def canonical(self, lex: ContextLexicon, first: int, last: int) -> str | None:
        """The gazetteer name a speaker phrase stands for, if it names (a role of) one entity."""
        found = entities.in_span(self.doc, lex, self.gaz, first, last + 1, self.mentions, self.mention_firsts)
        if not found:
            return None
        covered = {i for m in found for i in range(m.first, m.last + 1)}
        for i in self.words(first, last):
            if i not in covered and not self.is_filler(lex, self.t[i]):
                return None
        return found[0].canonical

    def body(self, lex: ContextLexicon, first: int, last: int) -> str | None:
        """The national body a speaker phrase names ("وزير الصحة العراقي", "Iraq's health ministry"
        → "Iraq: Ministry of Health"; :mod:`factcheck.context.organisations`), else None."""
        words = self.words(first, last)
        if not words:
            return None
        from factcheck.context import organisations

        found = entities.in_span(self.doc, lex, self.gaz, first, last + 1, self.mentions, self.mention_firsts)
        hit = organisations.body(lex.lang, [self.t[i] for i in words], [m.canonical for m in found])
        return hit[0] if hit else None

    def key_set(self, lex: ContextLexicon, first: int, last: int) -> frozenset[str]:
        return frozenset(  # "المديرية" refers back to "مديرية تربية نينوى"
            strip_article(key_token(lex, self.t[i]))
            for i in self.words(first, last)
            if self.t[i] not in words().articles
        )

    def resolve_short(self, lex: ContextLexicon, keys: frozenset[str], first: int, last: int) -> str | None:
        """An earlier speaker (or entity) the short phrase refers back to."""
        if not keys:
            return None
        for ev in reversed(self.events[-_WINDOW:]):
            if ev.source and ev.keys and keys <= ev.keys:
                return ev.source
        if first == last:
            upto = bisect_left(self.mention_firsts, first)
            earlier = [
                (self._mention_keys(m), m.canonical)
                for m in self.mentions[max(0, upto - _WINDOW) : upto]
                if m.last < first
            ]
            return entities.short_reference(self.doc, lex, first, earlier[-_WINDOW:])
        return None

    def _mention_keys(self, m: entities.Mention) -> tuple[str, ...]:
        lex = self.lex_of(m.first)[1]
        return tuple(strip_article(key_token(lex, self.t[i])) for i in self.words(m.first, m.last))

    def speaker(
        self, ev: Event, lex: ContextLexicon, head: tuple[int, int], appo: tuple[int, int] | None
    ) -> None:
        """Fill the source of ``ev`` from its speaker phrase (head, then apposition).

        Everything but the short reference (which looks back at earlier speakers) depends only on
        the phrase's tokens, the exact mentions inside it and its text as read: memoised on those.
        """
        first, last = head
        whole_last = appo[1] if appo else last
        raw_whole = self.raw(first, whole_last)
        key = (
            lex.lang,
            tuple(self.t[first : whole_last + 1]),
            last - first,
            appo[0] - first if appo else -1,
            entities.mentions_within(self.mentions, self.mention_firsts, first, whole_last),
            raw_whole,
            self.raw(first, last) if appo else raw_whole,
        )
        memo = self.gaz.speaker_memo
        found = memo.get(key)
        if found is None:
            if len(memo) >= _SPEAKER_MEMO_MAX:
                memo.clear()
            found = memo[key] = self._speaker_parts(lex, first, last, whole_last, appo, key[-1])
        source_text, keys, own, head_keys, appo_name, fallback, fm, rest = found
        ev.source_text = source_text
        ev.keys = keys
        source = own
        if source is None:
            source = self.resolve_short(lex, head_keys, first, last)
        if source is None:
            source = appo_name
        if source is None:
            source = fallback
        ev.source = source
        if not ev.gender:
            ev.gender = fm or ("n" if source in self.gaz.types else rest)

    def _speaker_parts(
        self, lex: ContextLexicon, first: int, last: int, whole_last: int, appo, raw_head: str
    ) -> tuple:
        """(source_text, keys, own canonical, head keys, apposition canonical, written fallback,
        gender from gendered words, gender when the source is no gazetteer entity)."""
        own = self.body(lex, first, whole_last) or self.canonical(lex, first, last)
        appo_name = self.canonical(lex, appo[0], appo[1]) if appo is not None else None
        text = _written(raw_head).strip(_TRIM)
        if text.lower().startswith(tuple(a + " " for a in words_of(lex.lang).articles)):
            text = text.split(" ", 1)[1]
        toks = [self.t[i] for i in self.words(first, whole_last)]
        fm = "f" if any(t in lex.female for t in toks) else ("m" if any(t in lex.male for t in toks) else "")
        hd = toks[-1] if toks else ""
        if hd in lex.plurals or any(t in lex.plurals for t in toks[:2]):
            rest = "p"
        elif any(t in lex.organisations for t in toks):
            rest = "n"
        else:
            rest = "h"
        return (
            _written(self.raw(first, whole_last)),
            self.key_set(lex, first, whole_last),
            own,
            self.key_set(lex, first, last),
            appo_name,
            text or None,
            fm,
            rest,
        )

    def en_gender(self, lex: ContextLexicon, first: int, last: int, source: str | None) -> str:
        toks = [self.t[i] for i in self.words(first, last)]
        if any(t in lex.female for t in toks):
            return "f"
        if any(t in lex.male for t in toks):
            return "m"
        if source in self.gaz.types:
            return "n"
        head = toks[-1] if toks else ""
        if head in lex.plurals or any(t in lex.plurals for t in toks[:2]):
            return "p"
        if any(t in lex.organisations for t in toks):
            return "n"
        return "h"

    # ------------------------------------------------------------ phrases
    def ar_np(self, lex: ContextLexicon, j: int, end: int, relay_verb: bool) -> tuple[int, int] | None:
        """The speaker phrase after an Arabic verb or cue: tokens ``(first, last)``, or None."""
        t = self.t
        flags = lex.np_memo
        k = j
        taken: list[int] = []
        head_def: bool | None = None
        seen_def = False
        while k < end and len(taken) < _MAX_NP:
            tok = t[k]
            if tok in _OPEN and not taken:
                close = ")" if tok == "(" else ("]" if tok == "[" else '"')
                stop = next((x for x in range(k + 1, min(end, k + 6)) if t[x] == close), None)
                if stop is None or stop == k + 1:
                    break
                taken.extend(range(k, stop + 1))
                head_def = True
                k = stop + 1
                continue
            if tok == "(" and taken:
                stop = next((x for x in range(k + 1, min(end, k + 7)) if t[x] == ")"), None)
                if stop is None:
                    break
                taken.extend(range(k, stop + 1))
                k = stop + 1
                continue
            if not tok[0].isalpha():
                break
            f = flags.get(tok)
            if f is None:
                f = _np_flags(lex, tok)
            if f & _NP_END:
                break
            if f & _NP_PREP:
                if tok in lex.relay and relay_verb:
                    break
                if k + 1 >= end or not taken:
                    break
                nxt = t[k + 1]
                nf = flags.get(nxt)
                if nf is None:
                    nf = _np_flags(lex, nxt)
                if nf & _NP_STATEMENT:
                    break
                if not (nf & _NP_DEFINITE or (k + 1) in self.mention_at):
                    break
                taken.append(k)
                k += 1
                continue
            if f & _NP_STATEMENT and taken:
                break
            mention = self.mention_at.get(k)
            definite = mention is not None or bool(f & _NP_DEFINITE)
            if not taken:
                head_def = definite
            elif definite:
                seen_def = True
            elif head_def or seen_def:
                break
            if mention is not None:
                taken.extend(range(k, mention.last + 1))
                k = mention.last + 1
                continue
            taken.append(k)
            k += 1
        if not taken:
            return None
        return taken[0], taken[-1]

    def apposition(self, lex: ContextLexicon, after: int, end: int) -> tuple[int, int] | None:
        """ ", الأدميرال براد كوبر،": a short name between commas right after a speaker phrase."""
        t = self.t
        if after >= end or t[after] not in COMMAS:
            return None
        k = after + 1
        while k < end and k - after <= 6 and t[k][0].isalpha():
            tok = t[k]
            if (
                tok in lex.complementisers
                or tok in lex.speaker_stop
                or (tok in lex.speaker_preps and k == after + 1)
            ):
                return None
            if any(r in lex.statement_nouns for r in readings(lex, tok)):
                return None
            k += 1
        if k == after + 1 or k >= end or (t[k] not in COMMAS and t[k] not in lex.complementisers):
            return None
        return after + 1, k - 1

    def en_np_before(self, lex: ContextLexicon, verb: int, start: int) -> tuple[int, int] | None:
        t = self.t
        k = verb - 1
        skip = words_of(lex.lang).skip_before_verb
        while k >= start and t[k] in skip:
            k -= 1
        last = k
        while k >= start and len(range(k, last + 1)) < _MAX_NP + 2:
            tok = t[k]
            ends_mention = self.mention_last.get(k)
            if ends_mention is not None and ends_mention.first >= start:
                k = ends_mention.first - 1
                continue
            if tok[0].isalpha():
                if lex.verbs.get(tok) is not None and k < last:
                    return None  # "the ministry said troops found ...": reported content, not a speaker
                if (tok in lex.speaker_stop and tok not in lex.speaker_preps) or tok in lex.complementisers:
                    break
            elif tok in ("'", "-") or (tok == "." and k > start and len(t[k - 1]) == 1):
                pass
            else:
                break
            k -= 1
        first = k + 1
        while first <= last and not t[first][0].isalpha():
            first += 1
        if first > last:
            return None
        return first, last

    def parenthetical(
        self, lex: ContextLexicon, verb: int, start: int
    ) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """ "Jane Smith, a spokeswoman for the WHO, said": the head before a comma-enclosed apposition."""
        t = self.t
        close = verb - 1
        k = close - 1
        while k > start and t[k] != "," and close - k <= 10:
            if t[k] in _PUNCT or t[k] == '"' or t[k] in lex.complementisers:
                return None
            k -= 1
        if k <= start or t[k] != "," or k + 1 > close - 1:
            return None
        head = self.en_np_before(lex, k, start)
        if head is None or (head[0] != start and t[head[0] - 1] not in (",", '"')):
            return None
        if any(lex.verbs.get(t[x]) is not None for x in range(head[0], close)):
            return None
        inner = (k + 1, close - 1)
        if t[inner[0]] in lex.relay:  # "Reuters, citing a source, said": the relay event decides
            return head, inner
        return head, inner

    def en_np_after(self, lex: ContextLexicon, j: int, end: int) -> tuple[int, int] | None:
        t = self.t
        known = words_of(lex.lang)
        k = j
        while k < end and k - j < 10:
            tok = t[k]
            mention = self.mention_at.get(k)
            if mention is not None:
                k = mention.last + 1
                continue
            if tok[0].isalpha():
                if (tok in lex.speaker_stop and tok not in lex.speaker_preps) or tok in lex.relatives:
                    break
                if tok in known.ends_before_determiner and k + 1 < end and t[k + 1] in known.determiners:
                    break
            elif tok in ("'", "-") or (
                tok == "." and len(t[k - 1]) == 1 and k + 1 < end and len(t[k + 1]) == 1
            ):
                pass
            else:
                break
            k += 1
        if k == j:
            return None
        return j, k - 1

    # ------------------------------------------------------------ detection
    def content_marker(self, lex: ContextLexicon, k: int, end: int) -> int | None:
        """The token after a complementiser, colon or opening quote within a few tokens of ``k``."""
        for x in range(k, min(end, k + 12)):
            tok = self.t[x]
            if (
                tok in lex.complementisers
                or tok == ":"
                or (tok == '"' and self.doc.quote_of[min(x + 1, end - 1)] >= 0)
            ):
                return x + 1
            if tok in _FULL_STOPS or (x > k + 2 and self.t[x][0].isdigit()):
                return None
        return None

    def content_after(self, lex: ContextLexicon, k: int, end: int) -> int:
        """First token of the attributed content after an attribution ending before ``k``."""
        if self.skip:
            return 0
        found = self.content_marker(lex, k, end)
        if found is not None:
            return found
        x = k
        while x < end and self.t[x] in COMMAS:
            x += 1
            # skip one comma-delimited adjunct ("، يوم الخميس،")
            y = x
            while y < end and y - x < 6 and self.t[y] not in COMMAS:
                y += 1
            if y < end and y - x < 6 and self.t[y] in COMMAS:
                x = y
        return x

    def trailing(
        self, lex: ContextLexicon, first: int, last: int, content: int, start: int, end: int
    ) -> bool:
        if self.skip:
            return False
        before = self.t[first - 1] if first > start else None
        if before is None:
            return False
        n, _v = (0, None)
        if first - 1 >= start:
            for back in (1, 2):
                if first - back >= start:
                    n, _v = match_phrase(lex, lex.conjunctions, self.t, first - back, first)
                    if n == back:
                        break
                    n = 0
        led = before in COMMAS or before in ('"', ")") or n > 0
        if not led:
            return False
        nxt = last + 1
        if nxt >= end or self.t[nxt] in _PUNCT or content >= end:
            return True
        if self.content_marker(lex, nxt, end) is not None:
            return False
        x = nxt
        while x < end and self.t[x] not in _PUNCT:
            if x in self.numeric:
                return False
            x += 1
        return True

    def sentence(self, s: int, cands: Iterable[int] | None = None) -> None:
        """The events of sentence ``s``; ``cands``: its tokens that may open one, when known (every
        token that may is among them)."""
        a, b = self.doc.sentences[s]
        self.skip = self.needed is not None and s not in self.needed
        lang, lex = self.lex_of(a)
        found: list[Event] = []
        quote_of = self.doc.quote_of
        texts = self.t
        if cands is None:  # tokens that may open an attribution (most tokens are a memo hit saying no)
            cands = compress(range(a, b), map(lex.may_start.get, texts[a:b], repeat(True)))
        i = a
        may_start = lex.may_start
        opens = lex.opens_memo
        according_pairs = lex.according.pair_memo
        for k in cands:
            if k < i:
                continue
            tok = texts[k]
            if not tok[0].isalpha():
                may_start[tok] = False  # only words are tried: never a candidate again
                continue
            kind = opens.get(tok)
            if kind is None:
                kind = _opens(lex, tok)
            if not kind or quote_of[k] >= 0:
                continue
            i = k
            ev = None
            # an "according to" phrase only where the pair memo does not already say that none starts
            # here with the next token (what match_phrase, the first thing according() asks, reads)
            if (
                kind & _OPENS_ACCORDING
                and according_pairs.get((tok, texts[i + 1] if i + 1 < b else None)) != ()
            ):
                ev = self.according(lex, lang, i, a, b)
            if ev is None and kind & _OPENS_VERB:
                ev = self.verb(lex, lang, i, a, b)
            if ev is None:
                continue
            ev.sentence = s
            if ev.cue is None and ev.cue_span is None:  # the cue is the event's token
                ev.cue_span = (ev.pos, ev.pos, False)
            if ev.continuation is not None:
                self.continue_from(ev, found)
            found.append(ev)
            self.events.append(ev)
            i = max(i + 1, ev.last + 1 if ev.pos >= ev.first else i + 1)
        for ev in found:  # an attribution quoting an original source reports that source
            for other in found:
                if other.relay and other is not ev and not ev.relay and ev.first <= other.pos <= ev.last + 4:
                    ev.source, ev.source_text = other.source, other.source_text
                    ev.cue, ev.cue_span = other.cue, other.cue_span
        if found:  # read with .get(s, []): sentences without events keep no entry
            self.by_sentence[s] = found

    def according(self, lex: ContextLexicon, lang: str, i: int, a: int, b: int) -> Event | None:
        n, _v = match_phrase(lex, lex.according, self.t, i, b)
        if not n:
            return None
        j = i + n
        if j < b and (lex.verbs.get(self.t[j]) is not None):
            return None  # "بحسب ما نقلت ...": the verb makes the event
        if j < b and (self.t[j] in lex.rate_nouns or self.t[j][:1].isdigit()):
            return None  # "barrels per day", "per 1,000 people": a rate, not a source
        grammar = words_of(lang)
        np = self.ar_np(lex, j, b, False) if grammar.construct_noun_phrases else self.en_np_after(lex, j, b)
        if np is None:
            return None
        ev = Event(i, i, np[1], np[1] + 1, 0, None)
        # the cue matched through a reading without a glued prefix ("وبحسب")
        ev.cue_span = (i, i + n - 1, bool(lex.clitics) and self.t[i] not in lex.according.by_first)
        ev.relay = (
            self.t[i] in lex.relay
            or any(r in lex.relay for r in readings(lex, self.t[i]))
            or self.t[i].endswith(grammar.relay_endings)
        )
        self.speaker(ev, lex, np, None)
        if ev.gender in ("", "h"):
            ev.gender = "n"
        ev.content = self.content_after(lex, np[1] + 1, b)
        ev.back = self.trailing(lex, i, np[1], ev.content, a, b)
        return ev

    def verb(self, lex: ContextLexicon, lang: str, i: int, a: int, b: int) -> Event | None:
        tok = self.t[i]
        if words_of(lang).agreeing_speech_verbs:
            gender = lex.verbs.get(tok)
            if gender is None and tok[0] in words_of(lang).glued_conjunctions:
                gender = lex.verbs.get(tok[1:])
            part = None
            if gender is None:
                part = lex.participles.get(tok)
                if part is None:
                    return None
            cue = None
            span = (i, i, gender is not None and lex.verbs.get(tok) is None)
            if part is not None:
                ev = Event(i, i, i, self.content_after(lex, i + 1, b), 0, cue, gender=part, continuation=part)
                ev.cue_span = span
                return ev
            relay_verb = tok in lex.relay_verbs or tok[1:] in lex.relay_verbs
            np = self.ar_np(lex, i + 1, b, relay_verb)
            if np is not None and self.names_a_quantity(lex, np):
                return None  # "سجل خام برنت 74 دولاراً": a price recorded, nobody speaking
            if np is not None and (tok in lex.relay_only or tok[1:] in lex.relay_only):
                if np[1] + 1 >= b or self.t[np[1] + 1] not in lex.relay:
                    return None  # "نقلت الحافلات العائدين": carrying, not reporting
            # "وكانت الوزارة قد أعلنت"
            if np is None and i - 1 > a and self.t[i - 1] in words_of(lang).before_verb:
                np = self.ar_np(lex, a + 1, i - 1, False)
            if np is None:
                content = self.content_marker(lex, i + 1, b)
                if content is None:  # "يُقدَّر بنحو": passive or impersonal, no speaker
                    return None
                ev = Event(i, i, i, content, 0, cue, gender=gender, continuation=gender)
                ev.cue_span = span
                return ev
            ev = Event(i, min(i, np[0]), max(i, np[1]), 0, 0, cue, gender=gender)
            ev.cue_span = span
            nxt = np[1] + 1
            appo = self.apposition(lex, nxt, b)
            if relay_verb and nxt < b and self.t[nxt] in lex.relay:
                inner = self.ar_np(lex, nxt + 1, b, False)
                if inner is not None:
                    self.speaker(ev, lex, inner, None)
                    ev.last = inner[1]
                    ev.content = self.content_after(lex, inner[1] + 1, b)
                    ev.back = self.trailing(lex, ev.first, ev.last, ev.content, a, b)
                    return ev
            self.speaker(ev, lex, np, appo)
            ev.last = appo[1] if appo else ev.last
            ev.content = self.content_after(lex, ev.last + 1, b)
            ev.back = self.trailing(lex, ev.first, ev.last, ev.content, a, b)
            return ev
        # English
        if tok in lex.participles and i > a and self.t[i - 1] in COMMAS:
            return Event(i, i, i, self.content_after(lex, i + 1, b), 0, None, continuation="")
        if tok not in lex.verbs or (i > a and self.t[i - 1] in words_of(lang).not_verb_after):
            return None
        if i + 1 < b and self.t[i + 1] in lex.verbs and self.t[i + 1] not in lex.needs_object:
            return None  # "Western estimates suggest": the noun before the verb
        objects = lex.needs_object.get(tok)
        if objects is not None and (i + 1 >= b or self.t[i + 1] not in objects):
            return None
        cue = None  # the verb as written: Finder.cue_of
        before = self.en_np_before(lex, i, a)
        if before is not None and self.names_a_quantity(lex, before):
            return None  # "Brent crude recorded $74": a price recorded, nobody speaking
        if before is not None and before[0] == before[1] and self.t[before[0]] in lex.pronouns:
            g = lex.pronouns[self.t[before[0]]]
            return Event(i, before[0], i, self.content_after(lex, i + 1, b), 0, cue, gender=g, continuation=g)
        prev = self.t[i - 1] if i > a else None
        paren = self.parenthetical(lex, i, a) if prev == "," else None
        if paren is not None:
            head, appo = paren
            ev = Event(i, head[0], i, 0, 0, cue)
            self.speaker(ev, lex, head, appo)
            ev.content = self.content_after(lex, i + 1, b)
            ev.back = self.trailing(lex, head[0], i, ev.content, a, b)
            return ev
        if (
            prev in (",", '"')
            and i + 1 < b
            and self.t[i + 1][0].isalpha()
            and self.t[i + 1] not in words_of(lang).inverted_block
        ):
            if self.t[i + 1] in lex.pronouns:
                g = lex.pronouns[self.t[i + 1]]
                ev = Event(i, i, i + 1, self.content_after(lex, i + 2, b), 0, cue, gender=g, continuation=g)
                ev.back = True
                return ev
            after = self.en_np_after(lex, i + 1, b)
            if after is not None:
                appo = None
                if after[1] + 2 < b and self.t[after[1] + 1] == ",":
                    appo = self.en_np_after(lex, after[1] + 2, b)
                ev = Event(i, i, (appo or after)[1], 0, 0, cue)
                self.speaker(ev, lex, after, appo)
                ev.content = self.content_after(lex, ev.last + 1, b)
                ev.back = True
                return ev
        if before is None:
            return None
        ev = Event(i, before[0], i, 0, 0, cue)
        if objects is not None:
            ev.last = min(b - 1, i + 3)
        self.speaker(ev, lex, before, None)
        ev.content = self.content_after(lex, i + 1, b)
        ev.back = self.trailing(lex, before[0], i, ev.content, a, b)
        return ev

    def names_a_quantity(self, lex: ContextLexicon, np: tuple[int, int]) -> bool:
        """Does a speaker phrase open with goods or a measure (``[frame.goods]``, ``[frame.measures]``:
        "خام برنت", "Brent crude", "البطالة بين الشباب")? Those record or reach a value; they say
        nothing. (A body named after a measure opens with its own head: "هيئة الاستثمار".)"""
        j = np[0] + 1 if np[0] < np[1] and self.is_filler(lex, self.t[np[0]]) else np[0]
        return any(
            match_phrase(lex, index, self.t, j, np[1] + 1)[0]
            for index in (lex.frame_goods, lex.frame_measures)
        )

    def continue_from(self, ev: Event, same_sentence: list[Event]) -> None:
        """A pronoun or participle speaker: the latest earlier speaker of a compatible gender."""
        want = ev.continuation or ""
        candidates = list(reversed(same_sentence)) if want == "" and self.cue_of(ev) else []
        candidates += list(reversed(self.events[-_WINDOW:]))
        chosen = next((p for p in candidates if p.source and want and p.gender == want), None)
        if chosen is None:
            chosen = next((p for p in candidates if p.source and _compatible(want, p.gender)), None)
        if chosen is None:
            chosen = next((p for p in candidates if p.source), None)
        if chosen is not None:
            ev.source, ev.source_text, ev.keys = chosen.source, chosen.source_text, chosen.keys
            if not ev.gender:
                ev.gender = chosen.gender


_SPEAKER_MEMO_MAX = 100_000
_NP_END = 1  # ends an Arabic speaker phrase: complementiser, relative, stop word or speech verb
_NP_PREP = 2  # a preposition that may continue it ("المتحدث باسم الوزارة")
_NP_STATEMENT = 4  # a statement noun ("في بيان")
_NP_DEFINITE = 8  # carries the article


def _np_flags(lex: ContextLexicon, tok: str) -> int:
    """What :meth:`Finder.ar_np` asks of one token, as bits (memoised per language)."""
    rs = readings(lex, tok)
    f = 0
    if (
        tok in lex.complementisers
        or tok in lex.relatives
        or any(r in lex.speaker_stop for r in rs)
        or lex.verbs.get(tok) is not None
        or (lex.verbs.get(tok[1:]) is not None and tok[0] in words().glued_conjunctions)
    ):
        f |= _NP_END
    if tok in lex.speaker_preps:
        f |= _NP_PREP
    if any(r in lex.statement_nouns for r in rs):
        f |= _NP_STATEMENT
    if has_article(lex, tok):
        f |= _NP_DEFINITE
    if len(lex.np_memo) >= 200_000:
        lex.np_memo.clear()
    lex.np_memo[tok] = f
    return f


_WRITTEN: dict[str, str] = {}  # text as read -> as written (invisibles dropped, spaces collapsed)


def _written(raw: str) -> str:
    found = _WRITTEN.get(raw)
    if found is None:
        if len(_WRITTEN) >= 100_000:
            _WRITTEN.clear()
        found = _WRITTEN[raw] = " ".join(strip_invisible(raw).split())
    return found


def _compatible(want: str, have: str) -> bool:
    if not want:
        return True
    if want == "m":
        return have in ("m", "h")
    if want == "f":
        return have in ("f", "h")
    if want == "n":
        return have in ("n",)
    if want == "p":
        return have in ("p", "n")
    return True


_OPENS_ACCORDING = 1  # a reading starts an "according to" phrase (else ``according`` finds none)
_OPENS_VERB = 2  # a speech verb or participle, maybe with و/ف (else ``verb`` finds none)


def _opens(lex: ContextLexicon, tok: str) -> int:
    """Which detectors can open an event at ``tok`` (a speech verb or participle, an "according to"
    phrase), as bits (memoised; ``may_start`` records whether any can)."""
    kind = 0
    if any(r in lex.according.by_first for r in readings(lex, tok)):
        kind |= _OPENS_ACCORDING
    if tok in lex.verbs or tok[1:] in lex.verbs or tok in lex.participles:
        kind |= _OPENS_VERB
    lex.may_start[tok] = bool(kind)
    if len(lex.opens_memo) >= 200_000:
        lex.opens_memo.clear()
    lex.opens_memo[tok] = kind
    return kind


def find_events(
    doc: Doc,
    lex_of,
    gaz: Gazetteer,
    mentions: list[entities.Mention],
    numeric: frozenset[int] = frozenset(),
    needed: frozenset[int] | set[int] | None = None,
) -> Finder:
    """Every attribution event of ``doc``, in reading order (``numeric``: tokens of figures).

    ``needed``: the sentences whose events' ``content`` and ``back`` will be read (those with
    figures); elsewhere they are left unset (0, False). Everything else about an event — whether it
    exists, its extent, speaker, gender and keys, which later continuations and short references
    look back at — is found in every sentence.
    """
    finder = Finder(doc, lex_of, gaz, mentions, numeric)
    finder.needed = needed
    sentences = doc.sentences
    lexes = {id(lex_of(a)[1]) for a, _b in sentences}
    if len(lexes) == 1 and sum(b - a for a, b in sentences) == len(doc):
        # one language and every token in a sentence: the tokens that may open an event, found in
        # one pass and taken sentence by sentence (a sentence without any has no event)
        lex = lex_of(sentences[0][0])[1]
        cands = compress(range(len(doc)), map(lex.may_start.get, doc.texts, repeat(True)))
        for s, group in groupby(cands, key=doc.sentence_of.__getitem__):
            finder.sentence(s, group)
        return finder
    for s in range(len(sentences)):
        finder.sentence(s)
    return finder


def quote_owner(finder: Finder, q: int) -> Event | None:
    """The speaker of quotation ``q``: the attribution just before it, or just after it."""
    doc = finder.doc
    first, end = doc.quotes[q]
    open_tok = first - 1
    s = doc.sentence_of[open_tok] if open_tok >= 0 else 0
    before = [e for e in finder.by_sentence.get(s, []) if e.pos < open_tok and e.source]
    if before:
        return before[-1]
    close = end
    s2 = doc.sentence_of[min(close, len(doc) - 1)]
    for sent in (s2, s2 + 1):
        for e in finder.by_sentence.get(sent, []):
            if close < e.first <= close + 4 and e.source:
                return e
    return None


def assign(finder: Finder, s: int, claim_first: int, claim_last: int) -> Event | None:
    """The attribution that covers a figure at tokens ``claim_first..claim_last`` of sentence ``s``."""
    doc = finder.doc
    q = doc.quote_of[claim_first]
    if q >= 0:
        owner = quote_owner(finder, q)
        if owner is not None:
            return owner
    events = [e for e in finder.by_sentence.get(s, []) if e.source]
    if not events:
        return None
    after = [e for e in events if e.first > claim_last]
    before = [e for e in events if e.pos < claim_first and e.first < claim_first]
    for e in after:
        if e.back and not any(f.pos < e.pos and not f.back for f in after):
            return e
        if not e.back:
            break
    if before:
        return before[-1]
    return after[0] if after else None
