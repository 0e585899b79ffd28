"""Language knowledge as data: ``ar.toml`` and ``en.toml`` loaded once, validated, indexed.

One engine reads every language: the files hold number words (tagged by grammatical form),
hedges, range and change words, units and counted nouns, months and cues for what is not a claim.
Every entry is normalised exactly like document text (:func:`factcheck.text.normalize.normalize`),
so a lexicon entry written with hamza or ta marbuta matches every spelling variant.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from factcheck.datafile import DataReader
from factcheck.errors import ConfigError
from factcheck.text.normalize import normalize

if TYPE_CHECKING:
    from factcheck.text.scripts import Script

LANGS = ("ar", "en")
BOUNDS_BEFORE = ("approx", "more_than", "at_least", "less_than", "at_most", "exact")
NUMBER_KINDS = (
    "unit",
    "teen",
    "ten",
    "hundred",
    "scale",
    "scale_plural",
    "scale_abbrev",
    "dual",
    "dozen",
    "fraction",
    "denominator",
)
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]", re.UNICODE)


def fold(text: str) -> str:
    """Normalise a lexicon entry the way document text is normalised."""
    return normalize(text.strip()).text


def phrase_tokens(text: str) -> tuple[str, ...]:
    """Tokens of a normalised phrase, as the extractor tokenises text."""
    return tuple(_TOKEN.findall(fold(text)))


@dataclass(frozen=True, slots=True)
class NumberWord:
    """A number word: its kind (unit, ten, scale, ...), value and grammatical tag."""

    kind: str
    value: Decimal
    tag: str


@dataclass(slots=True)
class PhraseTable:
    """Multi-token phrases indexed by first and by last token, longest first."""

    by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)
    by_last: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)

    def add(self, phrase: str, value: Any) -> None:
        toks = phrase_tokens(phrase)
        if not toks:
            return
        for index, key in ((self.by_first, toks[0]), (self.by_last, toks[-1])):
            entries = index.setdefault(key, [])
            if all(t != toks for t, _ in entries):
                entries.append((toks, value))
                entries.sort(key=lambda e: -len(e[0]))

    def __contains__(self, token: str) -> bool:
        return token in self.by_first


class Words(NamedTuple):
    """Words the passes after extraction test one by one, by role (``[grammar]``, ``[keys]``,
    ``[speech_rules]``, ``[subject_rules]``, ``[time_rules]``), folded like text."""

    #: the conjunction "and"; those of them written glued to the next word (a clitic: "و")
    and_words: frozenset[str] = frozenset()
    glued_and: tuple[str, ...] = ()
    #: conjunctions glued to the next word ("و", "ف")
    glued_conjunctions: frozenset[str] = frozenset()
    #: the article after a glued preposition ("لل"), and the article with what is glued before it
    contracted_articles: tuple[str, ...] = ()
    definite_prefixes: tuple[str, ...] = ()
    #: articles written as words ("the", "a", "an"), the definite ones, and determiners before a noun
    articles: frozenset[str] = frozenset()
    definite_articles: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    #: the preposition linking a head to what completes it ("of")
    genitive: frozenset[str] = frozenset()
    #: words a ledger subject key leaves out
    key_stop_words: frozenset[str] = frozenset()
    #: attribution: words between a speaker and its verb; words after which a verb form is none;
    #: words after a verb that are no speaker; prepositions that end a speaker before a determiner;
    #: particles before a verb ("قد"); endings that make a relay cue ("نقلا")
    skip_before_verb: frozenset[str] = frozenset()
    not_verb_after: frozenset[str] = frozenset()
    inverted_block: frozenset[str] = frozenset()
    ends_before_determiner: frozenset[str] = frozenset()
    before_verb: frozenset[str] = frozenset()
    relay_endings: tuple[str, ...] = ()
    #: subjects: verbs that stop a subject only before a figure; (word, start of the next word) pairs
    #: that keep it going ("ما زال"); conjunctions that do not end it
    soft_stops: frozenset[str] = frozenset()
    continuing: tuple[tuple[str, str], ...] = ()
    conjunctions_within: frozenset[str] = frozenset()
    #: month names that are a month only when capitalised ("May")
    capitalised_months: frozenset[str] = frozenset()
    #: how the language builds what the passes read (``[grammar]``, ``[speech_rules]``, ``[time_rules]``):
    #: a source named after a cue is a noun in a construct chain, read head first ("بحسب وزارة الصحة
    #: السورية") rather than a name with its modifiers; speech verbs are listed by gender and agree with
    #: their speaker, and may be participles; a month may be followed by its day ("June 5") and abbreviated
    #: with a full stop ("Sept.")
    construct_noun_phrases: bool = False
    agreeing_speech_verbs: bool = False
    day_after_month: bool = False
    month_abbreviation_dot: bool = False

    def merge(self, other: Words) -> Words:
        """The words of both (what language-independent code tests)."""
        return Words(
            *(
                a | b if isinstance(a, (frozenset, bool)) else tuple(dict.fromkeys((*a, *b)))
                for a, b in zip(self, other, strict=True)
            )
        )


def _words(r: DataReader, clitics: frozenset[str]) -> Words:
    def folded(key: str) -> frozenset[str]:
        return frozenset(fold(s) for s in r.strings(key, []))

    def ordered(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(fold(s) for s in r.strings(key, [])))

    continuing = []
    for i, pair in enumerate(r.get("subject_rules.continuing", list, [])):
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(w, str) and w.strip() for w in pair)
        ):
            raise r.fail(f"subject_rules.continuing[{i}]", "expected [word, start of the next word]")
        continuing.append((fold(pair[0]), fold(pair[1])))
    and_words = ordered("grammar.and")
    return Words(
        and_words=frozenset(and_words),
        glued_and=tuple(w for w in and_words if w in clitics),
        glued_conjunctions=folded("grammar.glued_conjunctions"),
        contracted_articles=ordered("grammar.contracted_articles"),
        definite_prefixes=ordered("grammar.definite_prefixes"),
        articles=folded("grammar.articles"),
        definite_articles=folded("grammar.definite_articles"),
        determiners=folded("grammar.determiners"),
        genitive=folded("grammar.genitive"),
        key_stop_words=folded("keys.stop_words"),
        skip_before_verb=folded("speech_rules.skip_before_verb"),
        not_verb_after=folded("speech_rules.not_verb_after"),
        inverted_block=folded("speech_rules.inverted_block"),
        ends_before_determiner=folded("speech_rules.ends_before_determiner"),
        before_verb=folded("speech_rules.before_verb"),
        relay_endings=ordered("speech_rules.relay_endings"),
        soft_stops=folded("subject_rules.soft_stops"),
        continuing=tuple(continuing),
        conjunctions_within=folded("subject_rules.conjunctions_within"),
        capitalised_months=folded("time_rules.capitalised_months"),
        construct_noun_phrases=r.get("grammar.construct_noun_phrases", bool, False),
        agreeing_speech_verbs=r.get("speech_rules.agreeing_verbs", bool, False),
        day_after_month=r.get("time_rules.day_after_month", bool, False),
        month_abbreviation_dot=r.get("time_rules.month_abbreviation_dot", bool, False),
    )


@dataclass(slots=True)
class Lexicon:
    """Everything the extractor knows about one language, indexed for matching."""

    lang: str
    path: str
    units_before_tens: bool
    connectors: frozenset[str]
    scale_connectors: frozenset[str]
    clitics: tuple[str, ...]
    article: str
    indefinite: frozenset[str]
    fraction_links: frozenset[str]
    decimal_words: frozenset[str]
    negative_words: frozenset[str]
    fraction_over: PhraseTable
    fraction_over_one: PhraseTable
    inherit_markers: frozenset[str]
    teen_suffix: frozenset[str]
    numbers: dict[str, NumberWord]
    blocked_after: frozenset[str]
    blocked_words: frozenset[str]
    blocked_forms: frozenset[str]
    blocked_before: frozenset[str]
    hedges_before: PhraseTable
    hedges_after: PhraseTable
    hedge_after_blockers: frozenset[str]
    or_equal: PhraseTable
    duration_units: frozenset[str]
    #: words before / after a count of time units that make it a stretch of time ("the past 12 months")
    window_before: frozenset[str]
    window_after: frozenset[str]
    duration_exempt_hedges: frozenset[str]
    between: list[tuple[tuple[str, ...], tuple[str, ...]]]
    joiners: frozenset[str]
    change_verbs: frozenset[str]
    change_from: frozenset[str]
    change_to: frozenset[str]
    units_after: PhraseTable
    units_before: PhraseTable
    currency_scales: frozenset[str]
    tight_only: frozenset[str]
    plural_suffixes: tuple[tuple[str, str], ...]
    skip_max: int
    skip_stop: frozenset[str]
    #: a noun no table lists still counts something ("1,450 athletes", "23 مصدراً"): ``[units.open]``
    open_endings: tuple[tuple[str, str], ...]  # (how the counted noun ends, what the lemma ends with)
    open_after_scale: bool  # a noun right after a hundred or a scale word is counted ("40 ألف سرير")
    open_not: frozenset[str]  # words with such an ending that count nothing ("others", "حالياً")
    open_not_endings: tuple[str, ...]  # endings of words that count nothing ("ss", verbs' "وا")
    year_cues: frozenset[str]
    name_cues: frozenset[str]
    phone_cues: frozenset[str]
    clock_cues: PhraseTable
    ordinal_suffixes: frozenset[str]
    months: PhraseTable
    abbreviations: frozenset[str]
    ordinals: dict[str, int] = field(default_factory=dict)
    vague_counts: frozenset[str] = frozenset()
    decade_suffixes: frozenset[str] = frozenset()
    article_units: PhraseTable = field(default_factory=PhraseTable)
    #: singular fraction nouns that are a denominator after a count of ``count_denominator_min`` or more
    count_denominators: dict[str, Decimal] = field(default_factory=dict)
    count_denominator_min: int = 0
    #: number words that are a fraction before a definite noun: "خمس السكان" (a fifth of the population)
    definite_fractions: dict[str, Decimal] = field(default_factory=dict)
    #: measures a bare fraction may take ("one-half miles"); counted nouns never ("half the people")
    fraction_units: frozenset[str] = frozenset()
    #: "or" between a lower and an upper bound that still make one range ("at least 100, or at most 300")
    bound_or: frozenset[str] = frozenset()
    #: a symbol hedge glued after one of these is no hedge: "<>30" is "not equal to 30"
    hedge_not_after: frozenset[str] = frozenset()
    #: dual nouns and units, made by rule from ``[units.after]``: "شخصين" -> person (a count of two)
    dual_units: PhraseTable = field(default_factory=PhraseTable)
    #: number words that follow the noun they count: "طفل واحد", "مدنيين اثنين"
    after_noun_counts: frozenset[str] = frozenset()
    #: the dual ending shared with the sound plural ("ين"); a dual without it is nominative ("رقمان")
    dual_oblique: str = ""
    #: fraction nouns after a whole number and "و" that cannot join it: "ثلاثة وخمس" (3 1/5), their duals
    #: "مئة وثلاثون وخمسين" (130 2/5); the value is the fraction
    mixed_fractions: dict[str, Decimal] = field(default_factory=dict)
    #: "one part of" before a spelled-out number: "جزء من مئة" is 1/100
    part_of: PhraseTable = field(default_factory=PhraseTable)
    #: words after "جزء من N" that are no counted noun of N: the part repeated ("جزءا"), particles
    part_of_followers: frozenset[str] = frozenset()
    #: measures that make a number after a name cue a quantity: "طريق 29 كم" (not "Route 66")
    name_cue_measures: frozenset[str] = frozenset()
    name_after: frozenset[str] = frozenset()  # "92-octane": a number hyphened to these is a grade
    #: words between a number and the noun it counts a part of: "14 of its fighters"
    partitives: PhraseTable = field(default_factory=PhraseTable)
    #: the writing system (a table of ``factcheck/text/scripts.toml``)
    script: str = ""
    #: words read one by one after extraction (:class:`Words`)
    words: Words = field(default_factory=Words)

    _memo: dict = field(default_factory=dict, repr=False)

    def strip_clitics(self, token: str) -> list[str]:
        """``token`` and its readings with an attached prefix (and article) removed (memoised)."""
        key = ("c", token)
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        out = self._strip_clitics(token)
        if len(self._memo) > 500_000:
            self._memo.clear()
        self._memo[key] = out
        return out

    def _strip_clitics(self, token: str) -> list[str]:
        out = [token]
        for clitic in self.clitics:
            if token.startswith(clitic) and len(token) - len(clitic) >= 2:
                out.append(token[len(clitic) :])
        if self.article:
            for t in list(out):
                if t.startswith(self.article) and len(t) - len(self.article) >= 2:
                    out.append(t[len(self.article) :])
        return out

    def number_word(self, token: str) -> tuple[NumberWord, int] | None:
        """The number word ``token`` reads as, and how many prefix characters it carries."""
        key = ("n", token)
        if key in self._memo:
            return self._memo[key]
        found = self._number_word(token)
        self._memo[key] = found
        return found

    def _number_word(self, token: str) -> tuple[NumberWord, int] | None:
        if token in self.blocked_forms:
            return None
        for reading in self.strip_clitics(token):
            word = self.numbers.get(reading)
            if word is not None:
                return word, len(token) - len(reading)
        return None

    def ordinal_word(self, token: str) -> int | None:
        """The ordinal ``token`` names ("fifth", "الخامس", "والثانية"), or None (memoised)."""
        key = ("o", token)
        if key in self._memo:
            return self._memo[key]
        found = None
        if self.ordinals and token not in self.blocked_forms:
            for reading in self.strip_clitics(token):
                found = self.ordinals.get(reading)
                if found is not None:
                    break
        self._memo[key] = found
        return found

    def word_pattern(self) -> str:
        """A regex alternation (prefix-factored) of every number and ordinal word, for fast anchoring."""
        return _trie_regex(
            [
                *self.numbers.keys(),
                *self.ordinals.keys(),
                *self.article_units.by_first,
                *self.dual_units.by_first,
            ]
        )


def _trie_regex(words: Any) -> str:
    """A compact regex alternation of ``words``: a character trie, so matching stays linear."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alts = []
        optional = False
        for ch, child in sorted(node.items()):
            if ch == "":
                optional = True
                continue
            alts.append(re.escape(ch) + render(child))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return render(trie)


def _phrases(reader: DataReader, key: str, table: PhraseTable | None = None) -> PhraseTable:
    table = table or PhraseTable()
    for phrase, value in reader.mapping(key, (str, int)).items():
        table.add(phrase, value)
    return table


def _phrase_list(reader: DataReader, key: str) -> PhraseTable:
    table = PhraseTable()
    for phrase in reader.strings(key, []):
        table.add(phrase, True)
    return table


def _dual_units(
    r: DataReader, plural_suffixes: list[tuple[str, str]], numbers: dict[str, NumberWord]
) -> PhraseTable:
    """The duals of the units and counted nouns of ``[units.after]``, by the rules of ``[units.dual]``.

    Every token of an entry takes a dual ending ("كيلومتر مربع" -> "كيلومترين مربعين"), after the
    feminine rule on the entry as written ("سيارة" -> "سيارت" + "ين"); an entry in a case form
    ("عاما") is dualised from its base ("عام"). The shared ending of the dual and the sound plural
    ("مقاتلين": two fighters or fighters) is a dual only for nouns with no sound plural: the form is
    not listed itself, no sound-plural form of the noun is listed, and the noun is not in ``oblique_plural``.
    """
    table = PhraseTable()
    if r.get("units.dual", dict, None) is None:
        return table
    endings = [fold(e) for e in r.strings("units.dual.endings")]
    oblique = fold(r.get("units.dual.oblique", str, ""))
    sound_plural = [fold(e) for e in r.strings("units.dual.sound_plural_endings", [])]
    case_endings = [fold(e) for e in r.strings("units.dual.case_endings", [])]
    feminine = []
    for item in r.strings("units.dual.feminine", []):
        if ":" not in item:
            raise r.fail("units.dual.feminine", f"{item!r}: expected 'ending:replacement'")
        a, b = item.split(":", 1)
        feminine.append((a, b))
    excluded = {fold(w) for w in r.strings("units.dual.none", [])}
    oblique_plural = {fold(w) for w in r.strings("units.dual.oblique_plural", [])}
    min_stem = int(r.get("units.dual.min_letters", int, 2))
    units = r.mapping("units.after", str)
    listed = {fold(k) for k in units}

    def bases(word: str) -> list[str]:
        """The folded stems a word written ``word`` takes dual endings on."""
        out = []
        for end, repl in feminine:
            if word.endswith(end):
                out.append(fold(word[: len(word) - len(end)] + repl))
                break
        else:
            folded = fold(word)
            out.append(folded)
            for end in case_endings:
                if folded.endswith(end) and len(folded) - len(end) >= min_stem:
                    out.append(folded[: len(folded) - len(end)])
        return out

    def derived(word: str) -> bool:
        """An inflected form of another entry ("مقاتلين" of "مقاتل", "سيارات" of "سيارة")."""
        for suffix, repl in plural_suffixes:
            if word.endswith(suffix):
                if word[: len(word) - len(suffix)] + repl in listed:
                    return True
        return False

    homographs = {fold(w) for w in r.strings("units.dual.homographs", [])}
    for phrase, unit in units.items():
        words = phrase.split()
        if not words or fold(phrase) in excluded:
            continue
        if any(
            len(fold(w)) < min_stem
            or phrase_tokens(w) != (fold(w),)
            or not fold(w).isalpha()
            or fold(w) in numbers
            for w in words
        ):
            continue  # symbols ("°م", "كم/س") and number words ("ألف برميل يوميا") have no dual
        if any(derived(fold(w)) for w in words):
            continue
        per_word = [bases(w) for w in words]
        for ending in endings:
            forms = []
            for stems in per_word:
                options = []
                for stem in stems:
                    if ending == oblique and (
                        stem in oblique_plural or any(stem + e in listed for e in sound_plural)
                    ):
                        continue  # "مقاتلين" is also "fighters": only "مقاتلان" counts two
                    if stem + ending not in listed:
                        options.append(stem + ending)
                if not options:
                    break
                forms.append(options)
            else:
                for combo in _combinations(forms):
                    if combo[0] not in homographs:
                        table.add(" ".join(combo), unit)
    return table


def _mixed_fractions(r: DataReader) -> dict[str, Decimal]:
    """``[fractions.after_and]``: each fraction noun as 1/N, and its duals (the endings of ``[units.dual]``)
    as 2/N: "خمس" 1/5, "خمسين" 2/5."""
    out: dict[str, Decimal] = {}
    endings = [fold(e) for e in r.strings("units.dual.endings", [])]
    for word, den in r.mapping("fractions.after_and", int).items():
        if den < 2:
            raise r.fail(f"fractions.after_and.{word}", "expected a denominator of 2 or more")
        stem = fold(word)
        out[stem] = 1 / Decimal(den)
        for ending in endings:
            out.setdefault(stem + ending, 2 / Decimal(den))
    return out


def _combinations(options: list[list[str]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [()]
    for opts in options:
        out = [(*o, x) for o in out for x in opts]
    return out


def build(data: dict[str, Any], path: str) -> Lexicon:
    """Validate a parsed lexicon file and index it."""
    r = DataReader(data, path)
    lang = r.get("meta.lang", str)
    if lang not in LANGS:
        raise r.fail("meta.lang", f"unknown language {lang!r}")
    numbers: dict[str, NumberWord] = {}
    for kind, by_tag in r.get("numbers", dict).items():
        if kind == "blocked":
            continue
        if kind not in NUMBER_KINDS:
            raise r.fail(f"numbers.{kind}", f"unknown kind (expected one of {', '.join(NUMBER_KINDS)})")
        if not isinstance(by_tag, dict):
            raise r.fail(f"numbers.{kind}", "expected a table of forms")
        for tag in by_tag:
            for form, value in r.mapping(f"numbers.{kind}.{tag}", (int, float)).items():
                key = fold(form)
                if not key:
                    raise r.fail(f"numbers.{kind}.{tag}.{form}", "empty form")
                word = NumberWord(kind, Decimal(str(value)), tag)
                # a form listed under two kinds keeps the first (units before fractions etc.)
                numbers.setdefault(key, word)
    hedges_before = PhraseTable()
    for bound in r.get("hedges.before", dict):
        if bound not in BOUNDS_BEFORE:
            raise r.fail(f"hedges.before.{bound}", "unknown bound")
        if not isinstance(r.get(f"hedges.before.{bound}", (list, str)), list):
            continue
        for phrase in r.strings(f"hedges.before.{bound}"):
            hedges_before.add(phrase, bound)
    hedges_after = PhraseTable()
    for bound in r.get("hedges.after", dict):
        if bound not in BOUNDS_BEFORE:
            raise r.fail(f"hedges.after.{bound}", "unknown bound")
        for phrase in r.strings(f"hedges.after.{bound}"):
            hedges_after.add(phrase, bound)
    between = []
    for i, pair in enumerate(r.get("ranges.between", list, [])):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise r.fail(f"ranges.between[{i}]", "expected [opening word, joining word]")
        between.append((phrase_tokens(pair[0]), phrase_tokens(pair[1])))
    between.sort(key=lambda pair: -len(pair[0]))  # "ما بين" before "بين"
    over = PhraseTable()
    for phrase in r.strings("meta.fraction_over", []):
        over.add(phrase, True)
    over_one = PhraseTable()
    for phrase in r.strings("meta.fraction_over_one", []):
        over_one.add(phrase, True)
    endings = r.mapping("units.open.endings", str).items()
    open_endings = tuple(sorted(((fold(k), fold(v)) for k, v in endings), key=lambda e: -len(e[0])))
    plural_suffixes = []
    for item in r.strings("units.plural_suffixes.forms", []):
        if ":" not in item:
            raise r.fail("units.plural_suffixes.forms", f"{item!r}: expected 'suffix:replacement'")
        a, b = item.split(":", 1)
        plural_suffixes.append((fold(a), fold(b) if b else ""))

    def folded(key: str) -> frozenset[str]:
        return frozenset(fold(s) for s in r.strings(key, []))

    from factcheck.text import scripts

    script = r.get("meta.script", str)
    if script not in scripts.get().by_name:
        raise r.fail("meta.script", f"unknown script {script!r} (not in {scripts.PATH})")
    clitics = tuple(sorted({fold(c) for c in r.strings("meta.clitics", [])}, key=len, reverse=True))
    return Lexicon(
        lang=lang,
        path=path,
        units_before_tens=bool(r.get("meta.units_before_tens", bool)),
        connectors=folded("meta.connectors"),
        scale_connectors=folded("meta.scale_connectors"),
        clitics=clitics,
        article=fold(r.get("meta.article", str, "")),
        indefinite=folded("meta.indefinite"),
        fraction_links=folded("meta.fraction_links"),
        decimal_words=folded("meta.decimal_words"),
        negative_words=folded("meta.negative_words"),
        fraction_over=over,
        fraction_over_one=over_one,
        inherit_markers=folded("meta.inherit_markers"),
        teen_suffix=folded("meta.teen_suffix"),
        numbers=numbers,
        blocked_after=folded("numbers.blocked.after"),
        blocked_words=folded("numbers.blocked.words"),
        blocked_forms=folded("numbers.blocked.forms"),
        blocked_before=folded("numbers.blocked.before"),
        hedges_before=hedges_before,
        hedges_after=hedges_after,
        hedge_after_blockers=folded("hedge_rules.after_blockers"),
        or_equal=_phrase_list(r, "hedge_rules.or_equal"),
        duration_units=frozenset(r.strings("hedge_rules.duration_units", [])),
        duration_exempt_hedges=folded("hedge_rules.duration_exempt"),
        between=between,
        joiners=folded("ranges.joiners"),
        change_verbs=folded("ranges.change_verbs"),
        change_from=folded("ranges.change_from"),
        change_to=folded("ranges.change_to"),
        units_after=_phrases(r, "units.after"),
        units_before=_phrases(r, "units.before"),
        currency_scales=folded("units.currency_scales.forms"),
        tight_only=folded("units.tight_only.forms"),
        plural_suffixes=tuple(plural_suffixes),
        skip_max=int(r.get("units.skippable.max_words", int, 0)),
        skip_stop=folded("units.skippable.stop"),
        open_endings=open_endings,
        open_after_scale=bool(r.get("units.open.after_hundreds", bool, False)),
        open_not=folded("units.open.not"),
        open_not_endings=tuple(fold(x) for x in r.strings("units.open.not_endings", [])),
        year_cues=folded("not_claims.year_cues"),
        name_cues=folded("not_claims.name_cues"),
        phone_cues=folded("not_claims.phone_cues"),
        clock_cues=_phrase_list(r, "not_claims.clock_cues"),
        ordinal_suffixes=folded("not_claims.ordinal_suffixes"),
        months=_phrases(r, "months"),
        abbreviations=folded("sentences.abbreviations"),
        ordinals={fold(k): int(v) for k, v in r.mapping("ordinals.words", int).items()},
        vague_counts=folded("numbers.blocked.vague_counts"),
        decade_suffixes=folded("not_claims.decade_suffixes"),
        window_before=folded("not_claims.window_before"),
        window_after=folded("not_claims.window_after"),
        article_units=_phrases(r, "units.article_one"),
        count_denominators={
            fold(k): Decimal(str(v)) for k, v in r.mapping("fractions.after_count", (int, float)).items()
        },
        count_denominator_min=int(r.get("fractions.after_count_min", int, 0)),
        definite_fractions={
            fold(k): Decimal(str(v)) for k, v in r.mapping("fractions.before_definite", (int, float)).items()
        },
        fraction_units=frozenset(r.strings("units.fraction_units.units", [])),
        bound_or=folded("ranges.bound_or"),
        hedge_not_after=folded("hedge_rules.not_after"),
        dual_units=_dual_units(r, plural_suffixes, numbers),
        after_noun_counts=folded("units.dual.after_noun"),
        dual_oblique=fold(r.get("units.dual.oblique", str, "")) if r.get("units.dual", dict, None) else "",
        mixed_fractions=_mixed_fractions(r),
        part_of=_phrase_list(r, "fractions.part_of.phrases"),
        part_of_followers=folded("fractions.part_of.part_nouns") | folded("fractions.part_of.particles"),
        name_cue_measures=frozenset(r.strings("not_claims.name_cue_measures", [])),
        name_after=folded("not_claims.name_after"),
        partitives=_phrase_list(r, "units.partitives.phrases"),
        script=script,
        words=_words(r, frozenset(clitics)),
    )


def load_file(path: str | Path) -> Lexicon:
    """Load and validate a lexicon file (used for user-supplied lexicons and tests)."""
    path = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon: {exc.strerror}", path=path) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=path) from None
    return build(data, path)


@cache
def shipped_data(lang: str) -> dict[str, Any]:
    """The parsed shipped lexicon file of ``lang``: extraction's tables and, under ``[context]``, those
    of the passes after it."""
    if lang not in LANGS:
        raise ConfigError(f"no lexicon for language {lang!r}")
    from factcheck import cache as disk_cache

    return disk_cache.toml(resources.files(__package__).joinpath(f"{lang}.toml").read_bytes())


@cache
def get(lang: str) -> Lexicon:
    """The shipped lexicon for ``lang`` (loaded once per process; built once per installed package and
    kept in the on-disk cache)."""
    if lang not in LANGS:
        raise ConfigError(f"no lexicon for language {lang!r}")
    from factcheck import cache as disk_cache

    path = f"factcheck/lexicon/{lang}.toml"
    return disk_cache.built(f"lexicon-{lang}", lambda: build(shipped_data(lang), path))


@cache
def unit_names() -> frozenset[str]:
    """Every canonical unit the lexicons' unit words read as, in any language ("km", "person", "USD")."""
    out: set[str] = set()
    for lang in LANGS:
        units = shipped_data(lang).get("units", {})
        named = (*units.get("after", {}).values(), *units.get("before", {}).values())
        out.update(v for v in named if isinstance(v, str))
    return frozenset(out)


@cache
def words_of(lang: str) -> Words:
    """The :class:`Words` of ``lang`` alone, read without building the whole lexicon (for the ledger)."""
    r = DataReader(shipped_data(lang), f"factcheck/lexicon/{lang}.toml")
    return _words(r, frozenset(fold(c) for c in r.strings("meta.clitics", [])))


@cache
def words() -> Words:
    """The :class:`Words` of every language at once, for code that reads text of any language."""
    out = Words()
    for lang in LANGS:
        out = out.merge(words_of(lang))
    return out


@cache
def script_of(lang: str) -> Script:
    """The writing system ``lang`` is written in (``[meta] script``), read without building the lexicon."""
    from factcheck.text import scripts

    name = DataReader(shipped_data(lang), f"factcheck/lexicon/{lang}.toml").get("meta.script", str)
    if name not in scripts.get().by_name:
        raise ConfigError(f"meta.script: unknown script {name!r}", path=f"factcheck/lexicon/{lang}.toml")
    return scripts.get().by_name[name]


@cache
def script_pattern(lang: str, part: str = "core", runs: bool = False) -> re.Pattern[str]:
    """A character (or a run of them) of one part of ``lang``'s script: ``core``, ``blocks``, ``letters``."""
    from factcheck.text.scripts import char_class

    body = f"[{char_class(getattr(script_of(lang), part))}]"
    return re.compile(body + "+" if runs else body)


@cache
def articles() -> tuple[str, ...]:
    """The glued definite articles of every language ("ال")."""
    found = (fold(DataReader(shipped_data(lang), lang).get("meta.article", str, "")) for lang in LANGS)
    return tuple(dict.fromkeys(a for a in found if a))
