"""``check`` on one long, number-dense document.

The in-article checks read, around each figure, only the figures of the sentences it may reach (an
index by sentence, by paragraph, by unit and noun): they must give exactly the relations and findings
of the plain scans over every figure of the document (``Article(plain=True)``,
``period_words(plain=True)``), on the case passages and on documents made of them in any order. The
figures the relations read grow linearly with the document (counted), and ``check_documents`` on such
a document takes time linear in its size (2n against n, timed as ``test_linear_growth`` times).
``bench/dense_check.py`` measures the same at megabytes, against the time of ``extract``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_linear_growth import LIMIT, growth

from factcheck.checking import check_documents, claims_of
from factcheck.compare import solver
from factcheck.compare.checks import period_words
from factcheck.compare.relations import Article, Fig, collect
from factcheck.compare.rules import default
from factcheck.text.documents import parse_document

HERE = Path(__file__).parent
PUBLISHED = "2025-11-13"


def _passages(lang: str) -> list[str]:
    with open(HERE / "cases" / f"arithmetic_{lang}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


_SEED = (HERE.parent / "seeds" / "000_1d7393a2437e1f4a.txt").read_text(encoding="utf-8")
_PERIODS = [
    "Coalition forces carried out 22 operations over the past week. Between Oct. 1 and Nov. 6, the "
    "operations killed five members and detained 19 others, the command said.",
    "Coalition forces carried out 22 operations over the past month. Between Oct. 1 and Nov. 6, the "
    "operations killed five members and detained 19 others, the command said.",
    *[p for p in _SEED.replace("خلال الشهر الماضي", "خلال الأسبوع الماضي").split("\n\n") if p.strip()],
]
PASSAGES = {lang: _passages(lang) for lang in ("en", "ar")}
EVERY = [*PASSAGES["en"], *PASSAGES["ar"], *_PERIODS]


def _fig(f: Fig) -> tuple:
    return (f.start, f.end, f.unit, f.noun, f.lo, f.hi, f.before, f.to, tuple(sorted(f.used)))


@lru_cache(maxsize=4)
def _claims(text: str) -> list:
    """The quantity claims of one document, in text order (as ``in_article`` passes them)."""
    doc = parse_document(text, "dense.txt", published=PUBLISHED)
    return sorted((c for c in claims_of(doc) if c.kind == "quantity"), key=lambda c: c.start)


def _readings(text: str, plain: bool) -> tuple:
    """Everything the in-article arithmetic and period checks read from one document."""
    claims = _claims(text)
    if not claims:
        return ()
    art = Article(text, claims, claims[0].lang, plain=plain)
    relations = [
        (r.kind, _fig(r.derived), tuple(_fig(f) for f in r.inputs), r.complete, r.per, r.inverse)
        + (r.direction, r.cue)
        for r in collect(art)
    ]
    rules = default()
    findings = [f.to_dict() for f in solver.check(text, claims, rules, plain=plain)]
    periods = [f.to_dict() for f in period_words(text, claims, rules, plain=plain)]
    return relations, [_fig(f) for f in art.figs], findings, periods


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_indexed_reading_is_the_plain_one_on_all_cases_in_one_document(lang):
    text = "\n\n".join(PASSAGES[lang] + _PERIODS)
    fast = _readings(text, plain=False)
    assert fast and fast[0] and fast[2] and fast[3]  # relations, findings and periods were read
    assert fast == _readings(text, plain=True)


_SEPARATORS = st.sampled_from(["\n\n", "\n", " ", "\n\n\n", ". "])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(EVERY), _SEPARATORS), min_size=1, max_size=12))
def test_indexed_reading_is_the_plain_one(parts):
    """Passages in any order, glued into one paragraph or split into many, repeated: restatements,
    shares and totals may then reach across passages, and the index must reach the same ones."""
    text = "".join(p + sep for p, sep in parts)
    assert _readings(text, plain=False) == _readings(text, plain=True)


class _Counted(list):
    """A list that counts the items read from it (iterated, indexed or sliced)."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item

    def __getitem__(self, key):
        got = super().__getitem__(key)
        self.reads += len(got) if isinstance(key, slice) else 1
        return got


def _reads(text: str, plain: bool) -> int:
    """How many figures the relations collector reads on one document."""
    claims = _claims(text)
    art = Article(text, claims, claims[0].lang, plain=plain)
    art.figs = counted = _Counted(art.figs)
    collect(art)
    return counted.reads


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_relations_read_a_number_of_figures_linear_in_the_document(lang):
    """Counted, not timed: the figures the relations read at 2n over those at n. The plain scans (each
    figure reads every other) show the measure sees quadratic work: they read about 4 times as many."""
    make = _dense(lang)
    small, large = make(20_000), make(40_000)
    assert _reads(large, plain=False) / _reads(small, plain=False) < LIMIT
    assert _reads(large, plain=True) / _reads(small, plain=True) > 3.5


def _dense(lang: str):
    """A number-dense document of about ``n`` characters: the arithmetic passages of ``lang``, repeated."""
    body = "\n\n".join(PASSAGES[lang]) + "\n\n"

    def make(n: int) -> str:
        return body * (n // len(body)) + body[: n % len(body)].rsplit("\n\n", 1)[0]

    return make


#: the comparison meets each figure's nearest neighbours of its kind, at most ``check_window`` (64) of
#: them: a constant, reached only when a kind holds that many figures (a 400 kB document of these
#: passages); two let a test of a few seconds measure the growth past it
_RULES = replace(default(), check_window=2)


def _check(text: str) -> None:
    check_documents([parse_document(text, "dense.txt", published=PUBLISHED)], rules=_RULES)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_check_on_one_dense_document_in_linear_time(lang):
    ratio = growth(_check, _dense(lang), 6_000)
    assert ratio < LIMIT, f"check on a dense {lang} document: 2n took {ratio:.2f}x n"


_MARKED = [
    "قُتِلَ ٥ أشخاصٍ واعتُقل 19 آخرون\u200b في ريف دير الزور",
    "Some 3\u200b0,000 displaced\u00ad people — about 31,000 by Friday's count.",
    "ارتفعت الحصيلة إلـــى 121 قتيلاً، بينهم 40 طفلاً و\u200f22 امرأة.",
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([*EVERY, *_MARKED]), st.integers(0, 400), st.integers(0, 120))
def test_words_of_a_span_from_the_document_index_are_the_span_read_alone(text, start, width):
    """The article reads the words of a span from one index of the whole text: the same words as
    reading the span on its own, wherever the span cuts a word, a diacritic or a dropped mark."""
    from factcheck.compare.relations import _WordIndex, span_words

    start = min(start, len(text))
    end = min(len(text), start + width)
    assert _WordIndex(text).within(start, end) == span_words(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["en", "ar"]), st.data())
def test_phrase_lookups_by_first_and_last_word_are_the_plain_ones(lang, data):
    """``starts_with``, ``ends_with`` and ``find`` look phrases up by their first or last word; they
    must find what trying every phrase finds, on the words of real passages and on the cue words."""
    from factcheck.compare import relations as rel

    c = rel.cues(lang)
    words = sorted({w for p in c.roles.values() for phrase in p for w in phrase} | {"12", "of", "من"})
    tokens = tuple(data.draw(st.lists(st.sampled_from(words), max_size=12)))
    text = data.draw(st.sampled_from(PASSAGES[lang]))
    real = rel.span_words(text, 0, len(text))
    cut = data.draw(st.integers(0, len(real)))
    for toks in (tokens, real[cut : cut + 15]):
        for role, phrases in [*c.roles.items(), ("units", c.units)]:
            assert rel.starts_with(toks, phrases) == rel.plain_starts_with(toks, phrases), role
            assert rel.ends_with(toks, phrases) == rel.plain_ends_with(toks, phrases), role
            assert rel.find(toks, phrases) == rel.plain_find(toks, phrases), role


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([*EVERY, *_MARKED]), st.data())
def test_spans_mapped_in_one_walk_are_the_spans_mapped_one_by_one(text, data):
    """``Normalized.orig_spans`` (one walk over rising spans) gives what ``orig_span`` gives each."""
    import re

    from factcheck.text.normalize import normalize

    norm = normalize(text)
    spans = [m.span() for m in re.finditer(r"\w+", norm.text)]
    spans = sorted(data.draw(st.sets(st.sampled_from(spans))) if spans else [])
    starts, ends = norm.orig_spans(spans)
    assert list(zip(starts, ends, strict=True)) == [norm.orig_span(a, b) for a, b in spans]
