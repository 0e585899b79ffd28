"""Organisations across languages: one canonical name per body, whichever language names it.

International agencies, NGOs, parties and armed groups are rows of ``organisations.csv`` (loaded into
the gazetteer with the reference places, :mod:`factcheck.context.places`). National bodies are matched
by pattern (``bodies.toml``): a ministry's head word (وزارة / ministry, or its office-holder وزير /
minister), its portfolio and the country — by nationality adjective ("العراقية", "Iraqi"), a country's
name or possessive ("Iraq's") or a place named in the phrase — give one canonical name,
``"Iraq: Ministry of Health"``, in both languages. The office-holder speaks for the body: the claim's
``source`` is the body, its ``source_text`` keeps the words as written.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factcheck.errors import ConfigError

WHERE = "factcheck/context/bodies.toml"


@dataclass(frozen=True, slots=True)
class Bodies:
    """The folded patterns of ``bodies.toml`` for one language."""

    body: frozenset[str]  # head words naming the body (وزاره, ministry)
    holder: frozenset[str]  # head words naming its office-holder (وزير, minister)
    portfolios: tuple[tuple[tuple[str, ...], str], ...]  # (article-free tokens, portfolio), longest first


def _bare(token: str) -> str:
    from factcheck.context.data import strip_article

    return strip_article(token)


@cache
def bodies(lang: str) -> Bodies:
    """The patterns for ``lang`` (``ar`` or ``en``), loaded and validated once."""
    from factcheck import cache as disk_cache
    from factcheck.datafile import DataReader
    from factcheck.lexicon import fold, phrase_tokens

    try:
        data = disk_cache.toml(resources.files(__package__).joinpath("bodies.toml").read_bytes())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=WHERE) from None
    r = DataReader(data, WHERE)
    portfolios = []
    for name, table in r.mapping("portfolios", dict).items():
        if not isinstance(table, dict):
            raise r.fail(f"portfolios.{name}", "expected a table with ar and en lists")
        for phrase in DataReader(table, WHERE).strings(lang):
            toks = tuple(_bare(t) for t in phrase_tokens(phrase))
            if toks:
                portfolios.append((toks, str(name)))
    if not portfolios:
        raise r.fail("portfolios", f"no portfolio names for {lang!r}")
    portfolios.sort(key=lambda p: -len(p[0]))
    return Bodies(
        body=frozenset(_bare(fold(w)) for w in r.strings(f"heads.{lang}_body")),
        holder=frozenset(_bare(fold(w)) for w in r.strings(f"heads.{lang}_holder")),
        portfolios=tuple(portfolios),
    )


def _glues_article(lang: str) -> bool:
    """Does the language glue its article and prefixes to a word (Arabic "الصحة", "بالوزارة")?"""
    from factcheck.lexicon import get

    return bool(get(lang).article)


def _modifiers_before(lang: str) -> bool:
    """Do modifiers stand before the noun they qualify (English "the health ministry"; the lexicon's
    ``units.skippable.max_words``: words it may skip between a number and its noun)?"""
    from factcheck.lexicon import get

    return get(lang).skip_max > 0


def _forms(token: str, lang: str) -> tuple[str, ...]:
    """A word and its readings without an attached prefix and the article (Arabic)."""
    if not _glues_article(lang):
        return (token,)
    from factcheck.context import data
    from factcheck.context.tokens import readings

    return tuple(dict.fromkeys(_bare(r) for r in readings(data.get("ar"), token)))


def _portfolio_at(b: Bodies, words: Sequence[str], i: int, lang: str) -> tuple[str, int] | None:
    """The portfolio whose words start at ``words[i]`` (and the index after it)."""
    for toks, name in b.portfolios:
        n = len(toks)
        if i + n <= len(words) and all(toks[k] in _forms(words[i + k], lang) for k in range(n)):
            return name, i + n
    return None


def _portfolio_before(b: Bodies, words: Sequence[str], i: int) -> str | None:
    """An English portfolio ending just before ``words[i]`` ("health ministry")."""
    for toks, name in b.portfolios:
        n = len(toks)
        if i - n >= 0 and tuple(words[i - n : i]) == toks:
            return name
    return None


def body(lang: str, words: Sequence[str], places: Sequence[str] = ()) -> tuple[str, bool] | None:
    """The national body a phrase names, and whether it names its office-holder.

    ``words``: the phrase's folded words (no punctuation); ``places``: canonical names of the places
    named in it. ``(["وزاره", "الصحه", "العراقيه"], [])`` gives ``("Iraq: Ministry of Health", False)``;
    ``(["iraq", "s", "health", "ministry"], ["Iraq"])`` the same. None without a head word, a
    portfolio or a country.
    """
    from factcheck.lexicon import LANGS

    if lang not in LANGS or not words:
        return None
    from factcheck.lexicon import words_of

    b = bodies(lang)
    for i, word in enumerate(words):
        forms = _forms(word, lang)
        holder = any(f in b.holder for f in forms)
        if not holder and not any(f in b.body for f in forms):
            continue
        portfolio = None
        j = i + 1
        known = words_of(lang)
        if not known.genitive:  # the portfolio in construct after the head: "وزارة الصحة"
            found = _portfolio_at(b, words, j, lang)
            portfolio = found[0] if found else None
        elif j < len(words) and words[j] in known.genitive:  # "Ministry of (the) Health"
            j += 1 + (j + 1 < len(words) and words[j + 1] in known.definite_articles)
            found = _portfolio_at(b, words, j, lang)
            portfolio = found[0] if found else None
        if portfolio is None and _modifiers_before(lang):
            portfolio = _portfolio_before(b, words, i)  # "the health ministry"
        if portfolio is None:
            continue
        country = _country(lang, words, places)
        if country is None:
            return None
        return f"{country}: Ministry of {portfolio}", holder
    return None


def _country(lang: str, words: Sequence[str], places: Sequence[str]) -> str | None:
    from factcheck.context.places import country_of, nationality

    for word in words:
        for form in _forms(word, lang):
            found = nationality(form, lang)
            if found:
                return found
    for place in places:
        found = country_of(place)
        if found:
            return found
    return None


def body_of(text: str, lang: str | None = None) -> str | None:
    """The canonical national body a phrase names written on its own ("وزير الصحة العراقي",
    "the Iraqi Ministry of Health" → "Iraq: Ministry of Health"), else None."""
    from factcheck.context import _abbreviations, _sentence_lang, data, entities, tokens

    lang = lang or _sentence_lang(text)
    d = tokens.read(text, text, _abbreviations())
    if len(d) == 0:
        return None
    lex = data.get(lang)
    found = entities.scan(d, lambda _i: lex, data.gazetteer(), 0, len(d))
    words = [t for t in d.texts if t[0].isalpha()]
    hit = body(lang, words, [m.canonical for m in found])
    return hit[0] if hit else None
