"""The per-sentence indexes of ``contextualise`` against the plain scans they replace.

Frame cue phrases are found once per sentence (``frame.SentencePhrases``: one look-up per token,
every phrase at the tokens that may start one, ``tokens.match_all``); the plain scans
(``frame._matches`` / ``frame.nearest`` over ``tokens.match_phrase``, and
``contextualise(..., plain=True)``) are their oracle, on real Arabic and English text: the case
files, the case articles, the seed and the English bench article, and documents made of their
passages in any order.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.context import _abbreviations, contextualise, data, frame, tokens
from factcheck.extraction import extract_document
from factcheck.text.documents import parse_document

HERE = Path(__file__).parent
ROOT = HERE.parent
PUBLISHED = "2025-11-13"


@cache
def _texts(lang: str) -> tuple[str, ...]:
    """Passages of one language: case files, case articles, the seed (ar) or the bench article (en)."""
    out: list[str] = []
    for name in (f"context_{lang}", f"extract_{lang}", f"arithmetic_{lang}"):
        with open(HERE / "cases" / f"{name}.jsonl", encoding="utf-8") as fh:
            out += [json.loads(line)["text"] for line in fh if line.strip()]
    with open(HERE / "cases" / "parallel_context.jsonl", encoding="utf-8") as fh:
        out += [json.loads(line)[lang] for line in fh if line.strip()]
    for path in sorted((HERE / "cases" / "articles").glob("*.json")):
        docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
        out += [d["text"] for d in docs if d.get("lang") == lang]
    extra = ROOT / ("seeds/000_1d7393a2437e1f4a.txt" if lang == "ar" else "bench/corpus/en_article.txt")
    out += [p for p in extra.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return tuple(out)


@cache
def _doc(lang: str) -> tokens.Doc:
    """Every passage of ``lang`` as one tokenised document."""
    text = "\n\n".join(_texts(lang))
    return tokens.read(text, text, _abbreviations())


def _indexes(lex):
    return [getattr(lex, name) for name in frame.FRAME_INDEXES] + [lex.conjunctions, lex.according]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_match_all_gives_match_phrase_for_every_end(lang):
    """``match_phrase(i, stop)`` is the first of ``match_all(i, end)`` that fits ``stop <= end``."""
    lex, d = data.get(lang), _doc(lang)
    texts, hits = d.texts, 0
    for index in _indexes(lex):
        for i in range(len(texts)):
            end = min(len(texts), i + 12)
            found = tokens.match_all(lex, index, texts, i, end)
            hits += bool(found)
            for stop in range(i + 1, end + 1):
                want = tokens.match_phrase(lex, index, texts, i, stop)
                got = next(((n, v) for n, v in found if i + n <= stop), (0, None))
                assert got == want, (lang, texts[i : i + 6], stop - i)
    assert hits > 100  # the text does hold the phrases


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_sentence_phrases_equal_the_plain_scan(lang):
    """Every stretch of up to 16 tokens of every sentence, and each whole sentence, every index."""
    lex, d = data.get(lang), _doc(lang)
    texts = d.texts
    indexes = [getattr(lex, name) for name in frame.FRAME_INDEXES]
    found = 0
    for a, b in d.sentences:
        phrases = frame.SentencePhrases(lex, texts, (a, b))
        for index in indexes:
            want = frame._matches(lex, index, texts, a, b)
            assert phrases.matches(lex, index, texts, a, b) == want
            found += len(want)
            if not want:
                continue
            for lo in range(a, b + 1):
                for hi in range(lo, min(b, lo + 16) + 1):
                    assert phrases.matches(lex, index, texts, lo, hi) == frame._matches(
                        lex, index, texts, lo, hi
                    ), (lang, lo - a, hi - a, texts[a:b])
        # stretches reaching outside the sentence fall back to the plain scan
        lo, hi = max(0, a - 3), min(len(texts), b + 3)
        for index in indexes:
            assert phrases.matches(lex, index, texts, lo, hi) == frame._matches(lex, index, texts, lo, hi)
    assert found > 50


def _read_both(lex, texts, sentence, figure, own, unit):
    whole = frame.sentence_cues(lex, texts, sentence)
    phrases = frame.SentencePhrases(lex, texts, sentence)
    fast_whole = frame.sentence_cues(lex, texts, sentence, phrases)
    assert fast_whole == whole
    for index in [getattr(lex, name) for name in frame.FRAME_INDEXES]:
        for reach in ((3, 4), (8, 5), (10, 6)):
            for near in (sentence, own):
                assert phrases.nearest(lex, index, texts, near, figure, reach) == frame.nearest(
                    lex, index, texts, near, figure, reach
                )
    fast = frame.read(lex, texts, sentence, figure, unit, own, fast_whole, phrases)
    assert fast == frame.read(lex, texts, sentence, figure, unit, own, whole)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_frame_read_equals_plain_at_every_token(lang):
    """``frame.read`` with the sentence's phrases, for a figure at every token of every sentence
    (one and two tokens long; the whole sentence and the stretch of the figures beside it)."""
    lex, d = data.get(lang), _doc(lang)
    texts = d.texts
    units = (None, "person", *sorted(lex.measure_units)[:1])
    for a, b in d.sentences[:150]:
        for first in range(a, b):
            for last in (first, min(b - 1, first + 1)):
                own = (max(a, first - 4), min(b, last + 6))
                _read_both(lex, texts, (a, b), (first, last), own, units[first % len(units)])


@cache
def _claims(text: str):
    doc = parse_document(text, "fast.txt", published=PUBLISHED)
    return doc, [c for c in extract_document(doc, include_all=True)]


def _same(text: str) -> None:
    doc, claims = _claims(text)
    fast, plain = contextualise(doc, claims), contextualise(doc, claims, plain=True)
    assert [c.to_dict() for c in fast] == [c.to_dict() for c in plain]
    assert fast == plain  # the claims themselves (built positionally) are equal too


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_contextualise_equals_plain_on_the_case_texts(lang):
    _same("\n\n".join(_texts(lang)))
    for text in _texts(lang)[:200]:
        _same(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*_texts("ar"), *_texts("en")]), min_size=1, max_size=12))
def test_contextualise_equals_plain_on_mixed_documents(passages):
    """Documents made of passages of both languages in any order (language per sentence)."""
    _same("\n\n".join(passages))


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["ar", "en"]), st.data())
def test_marked_equals_plain(lang, draw):
    """``SubjectFinder.marked`` (the nearest figure token bisected, the markers after it found in one
    memo map) against reading every token back, for figures anywhere in a real sentence."""
    from factcheck.context import entities, subject

    lex, d = data.get(lang), _doc(lang)
    a, b = d.sentences[draw.draw(st.integers(0, len(d.sentences) - 1))]
    numeric = {i for i in range(a, b) if d.texts[i][0].isdigit()}
    numeric |= set(draw.draw(st.lists(st.integers(a, b - 1), max_size=3)))
    gaz = data.gazetteer()
    mentions = entities.scan(d, lambda _i: lex, gaz, a, b, lex)
    finder = subject.SubjectFinder(d, gaz, mentions, numeric)
    for first in draw.draw(st.lists(st.integers(a, b - 1), max_size=6)):
        start = draw.draw(st.integers(a, first))
        assert finder.marked(lex, start, first, set(), set()) == finder.marked_plain(
            lex, start, first, set(), set()
        )
