"""A long document is read section by section (``factcheck.pipeline``): memory follows the section.

Extraction is sentence by sentence, and a section ends at a line break (a sentence boundary), so the
extraction of a document read in sections is exactly that of the whole document: same ids, offsets,
values, units (the whole-document extraction is the oracle). The context pass reads each section as
a document of its own: every claim is what that section alone gives, moved to the whole document's
offsets. Documents up to ``SECTION_CHARS`` (every case, the seed) are one section. The articles are
the project's own (``tests/cases/articles``, the seed); nothing is taken from the dev set.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import pipeline
from factcheck.context import contextualise
from factcheck.extraction import extract_document
from factcheck.pipeline import document_claims, sections
from factcheck.text.documents import parse_document

HERE = Path(__file__).parent
SEED = (HERE.parent / "seeds" / "000_1d7393a2437e1f4a.txt").read_text(encoding="utf-8")
#: what extraction decides and the context pass keeps (it may resolve a unit: "pounds" in Egypt)
_EXTRACTED = ("id", "doc", "text", "start", "end", "value", "low", "high", "bound", "approx", "kind")


def _articles() -> list[str]:
    texts = []
    for path in sorted((HERE / "cases" / "articles").glob("*.json")):
        texts += [d["text"] for d in json.loads(path.read_text(encoding="utf-8"))["docs"]]
    return texts


ARTICLES = _articles()
#: Arabic and English articles one after another: an archive of about 60,000 characters
ARCHIVE = "\n\n".join(ARTICLES + [SEED.split("\n", 1)[1]])


def _doc(text: str, name: str = "archive.txt"):
    return parse_document(text, name, published="2025-11-13")


def _fields(claims, names=_EXTRACTED) -> list[tuple]:
    return [tuple(getattr(c, n) for n in names) for c in claims]


@pytest.mark.parametrize("size", [2_000, 9_000])
def test_sections_extract_exactly_what_the_whole_document_does(monkeypatch, size):
    monkeypatch.setattr(pipeline, "SECTION_CHARS", size)
    doc = _doc(ARCHIVE)
    parts = list(sections(doc))
    assert len(parts) >= len(ARCHIVE) // size // 2  # it is really read in many sections
    for everything in (False, True):
        read = list(document_claims(doc, include_all=everything))
        whole = extract_document(doc, include_all=everything)
        assert _fields(read) == _fields(whole)
        assert all(ARCHIVE[c.start : c.end] == c.text for c in read)
        assert len({c.id for c in read}) == len(read)


def test_each_section_is_put_in_context_as_a_document_of_its_own(monkeypatch):
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 4_000)
    doc = _doc(ARCHIVE)
    read = list(document_claims(doc))
    expected = []
    for offset, part in sections(doc):
        alone = contextualise(part, extract_document(part))
        expected += [
            (c.start + offset, c.end + offset, c.subject, c.source, c.time, c.measure) for c in alone
        ]
    assert [(c.start, c.end, c.subject, c.source, c.time, c.measure) for c in read] == expected
    assert sum(c.subject is not None for c in read) > len(read) // 2  # context really ran


def test_a_document_up_to_a_section_is_read_whole():
    doc = _doc(ARCHIVE)
    assert len(ARCHIVE) < pipeline.SECTION_CHARS
    assert list(sections(doc)) == [(0, doc)]
    assert list(document_claims(doc)) == contextualise(doc, extract_document(doc))


def test_counts_every_number_expression_read(monkeypatch):
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 3_000)
    doc, counts = _doc(ARCHIVE), {}
    list(document_claims(doc, counts=counts))
    assert counts == {"archive.txt": len(extract_document(doc, include_all=True))}


_LINES = st.lists(
    st.text(alphabet=st.sampled_from("ab 7.\n"), max_size=40).map(lambda s: s.replace("\n", "")),
    min_size=1,
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(_LINES, st.sampled_from(["\n", "\n\n"]), st.integers(min_value=8, max_value=200))
def test_sections_cover_the_text_and_end_at_line_breaks(lines, joiner, size):
    text = joiner.join(lines)
    doc = _doc(text, "lines.txt")
    parts = list(sections(doc, size))
    assert "".join(p.raw for _, p in parts) == text  # in order, nothing lost or repeated
    assert [o for o, _ in parts] == [sum(len(p.raw) for _, p in parts[:i]) for i in range(len(parts))]
    for _, p in parts[:-1]:
        assert p.raw.endswith("\n")
        # longer than a section only when its last line is (no break in the section's second half)
        assert len(p.raw) <= size or "\n" not in p.raw[size // 2 : -1]


def _peak(text: str) -> int:
    doc = _doc(text)
    tracemalloc.start()
    try:
        for _ in document_claims(doc):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_follows_the_section_not_the_document(monkeypatch):
    """Streaming the claims of 8n characters peaks at well under 8 times what n does (the
    document's own text grows 8 times; the context pass's structures stay a section's)."""
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 6_000)
    one = ARCHIVE[:24_000]
    _peak(one)  # data loaded once, outside the measure
    small, large = _peak(one), _peak("\n\n".join([one] * 8))
    assert large < 2.5 * small, (small, large)
