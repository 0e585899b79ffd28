"""Extraction: text → number expressions → claims (pure; no I/O).

``extract(text)`` gives the claims of a text; ``extract_all(text)`` every number expression
with its ``kind``; ``extract_document(doc)`` the claims of a :class:`~factcheck.text.documents.Document`
with their ids. Offsets always refer to the text as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from factcheck import lexicon
from factcheck.extraction.quantities import Expr, scan_sentence
from factcheck.extraction.tokens import Tokens, tokenize
from factcheck.model import Claim
from factcheck.text.documents import Document
from factcheck.text.normalize import Normalized, extend_marks, normalize
from factcheck.text.sentences import split_sentences

_LATIN = re.compile(r"[a-z]")


_INT_LIMIT = Decimal(10) ** 18  #: whole numbers below this are written as integers


def _number(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    if d == d.to_integral_value() and abs(d) < _INT_LIMIT:
        return int(d)
    return float(d)


def _anchor_pattern(lang: str) -> str:
    """A digit, or a number or ordinal word of ``lang`` (with a clitic and article) as a whole word."""
    lex = lexicon.get(lang)
    prefixes = "|".join(re.escape(c) for c in lex.clitics)
    article = re.escape(lex.article) if lex.article else ""
    pre = f"(?:{prefixes})?" if prefixes else ""
    art = f"(?:{article})?" if article else ""
    return rf"\d|(?<![^\W\d_]){pre}{art}(?:{lex.word_pattern()})(?![^\W\d_])"


@cache
def _anchor(lang: str) -> re.Pattern[str]:
    """The sentences worth reading: pattern and compiled program kept in the on-disk cache."""
    from factcheck import cache as disk_cache

    return disk_cache.regex(disk_cache.built(f"anchor-{lang}", lambda: _anchor_pattern(lang)))


@cache
def _abbreviations() -> frozenset[str]:
    from factcheck import cache as disk_cache

    return disk_cache.built(
        "abbreviations",
        lambda: frozenset().union(*(lexicon.get(lang).abbreviations for lang in lexicon.LANGS)),
    )


def sentence_lang(text: str) -> str:
    """``ar`` or ``en`` from the script of one sentence."""
    arabic = lexicon.script_pattern("ar")  # the Arabic block (scripts.toml)
    return "ar" if len(arabic.findall(text)) >= len(_LATIN.findall(text)) and arabic.search(text) else "en"


def scan(text: str, lang: str | None = None) -> list[tuple[Expr, Tokens, Normalized, str]]:
    """Every number expression in ``text`` with the tokens it was read from."""
    return list(_scan(text, lang))


def _scan(text: str, lang: str | None = None) -> Iterator[tuple[Expr, Tokens, Normalized, str]]:
    """:func:`scan`, sentence by sentence (a sentence's tokens are dropped once it is read)."""
    norm = normalize(text)
    for start, end in split_sentences(norm.text, _abbreviations()):
        piece = norm.text[start:end]
        s_lang = lang if lang in lexicon.LANGS else sentence_lang(piece)
        if not _anchor(s_lang).search(piece):
            continue
        tok = tokenize(norm.text, start, end)
        lex = lexicon.get(s_lang)
        for expr in scan_sentence(tok, lex):
            yield expr, tok, norm, s_lang


def _claim(expr: Expr, tok: Tokens, norm: Normalized, lang: str, raw: str, doc: str, index: int) -> Claim:
    if expr.open_unit and expr.unit_span is not None:
        us = norm.orig_span(tok.starts[expr.unit_span[0]], tok.ends[expr.unit_span[0]])[0]
        if raw[us : us + 1].isupper():  # a name or an acronym ("11 HTS fighters"), not what is counted
            if expr.last == expr.unit_span[1]:
                expr.last = expr.unit_span[0] - 1
            expr.unit, expr.unit_span, expr.open_unit = None, None, False
    start, end = norm.orig_span(tok.starts[expr.first], tok.ends[expr.last])
    end = extend_marks(raw, end)
    unit_text = None
    if expr.unit_span is not None:
        us, ue = norm.orig_span(tok.starts[expr.unit_span[0]], tok.ends[expr.unit_span[1]])
        unit_text = raw[us : extend_marks(raw, ue)]
    prefix = "" if expr.kind == "quantity" else "x"
    return Claim(
        id=f"{doc}#{prefix}{index}",
        doc=doc,
        text=raw[start:end],
        start=start,
        end=end,
        value=_number(expr.value),
        low=_number(expr.low),
        high=_number(expr.high),
        bound=expr.bound,
        approx=expr.approx,
        precision=_number(expr.precision),
        unit=expr.unit,
        unit_text=unit_text,
        lang=lang,
        kind=expr.kind,
    )


def extract_all(
    text: str,
    lang: str | None = None,
    *,
    doc: str = "text",
    view: str | None = None,
    numbered: tuple[int, int] = (0, 0),
) -> list[Claim]:
    """Every number expression of ``text``: claims (kind ``quantity``) and the rest, in order.

    ``view`` is a same-length masked copy of ``text`` to read instead (markup hidden); ``numbered``
    how many claims and other expressions come before the text (their ids count on from there).
    """
    found = _scan(view if view is not None else text, lang)
    claims: list[Claim] = []
    counters = {True: numbered[0], False: numbered[1]}
    for expr, tok, norm, s_lang in found:
        is_claim = expr.kind == "quantity"
        claims.append(_claim(expr, tok, norm, s_lang, text, doc, counters[is_claim]))
        counters[is_claim] += 1
    return claims


def extract(
    text: str, lang: str | None = None, published: str | None = None, *, doc: str = "text"
) -> list[Claim]:
    """The numeric claims of ``text`` (DESIGN.md §4) in context: subject, entities, source and time
    ("now" is ``published``); years, dates, ordinals and names are left out."""
    from factcheck.pipeline import document_claims
    from factcheck.text.documents import parse_document

    return list(document_claims(parse_document(text, doc, fmt="text", lang=lang, published=published)))


def extract_document(
    doc: Document, *, include_all: bool = False, numbered: tuple[int, int] = (0, 0)
) -> list[Claim]:
    """The claims of a document (every number expression with ``include_all``; ``numbered`` as
    for :func:`extract_all`)."""
    lang = doc.meta.lang if doc.meta.lang in lexicon.LANGS else None
    claims = extract_all(doc.raw, lang, doc=doc.id, view=doc.view, numbered=numbered)
    if include_all:
        return claims
    return [c for c in claims if c.kind == "quantity"]
