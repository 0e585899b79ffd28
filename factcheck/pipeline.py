"""One path from a document to its claims in context: extraction, then the context pass.

A long document (an archive dump, a transcript) is read in sections that end at a line break, so
memory follows the section, not the document: each section is extracted and put in context on
its own, and its claims are given back with offsets and ids in the whole document before the
next section is read. Documents up to :data:`SECTION_CHARS` (every news article) are one section.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from factcheck.model import Claim
from factcheck.text.documents import Document

#: characters per section of a long document (a section ends at the last line break before this)
SECTION_CHARS = 1 << 18


def sections(doc: Document, size: int | None = None) -> Iterator[tuple[int, Document]]:
    """``(offset, section)`` of ``doc``: runs of about ``size`` (:data:`SECTION_CHARS`) characters
    ending after a blank line (else a line break) of the masked view, where a sentence ends anyway;
    a line longer than ``size`` stays whole."""
    size = size or SECTION_CHARS
    view, n = doc.view, len(doc.view)
    if n <= size:
        yield 0, doc
        return
    start = 0
    while start < n:
        end = start + size
        if end >= n:
            end = n
        else:
            cut = view.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = view.rfind("\n", start + size // 2, end)
            if cut < 0:  # no line break in the second half: the line runs on to its end
                cut = view.find("\n", end)
                end = n if cut < 0 else cut + 1
            else:
                end = cut + 1
        yield start, replace(doc, raw=doc.raw[start:end], view=view[start:end])
        start = end


def document_claims(
    doc: Document, *, include_all: bool = False, counts: dict[str, int] | None = None
) -> Iterator[Claim]:
    """The claims of ``doc`` in context, section by section (every number expression with
    ``include_all``); ``counts[doc.id]`` receives how many number expressions were read, once the
    last claim has been taken."""
    from factcheck.context import contextualise
    from factcheck.extraction import extract_document

    numbered = [0, 0]  # claims, other expressions so far (ids count on across sections)
    for offset, part in sections(doc):
        found = extract_document(part, include_all=True, numbered=(numbered[0], numbered[1]))
        quantities = sum(c.kind == "quantity" for c in found)
        numbered[0] += quantities
        numbered[1] += len(found) - quantities
        if not include_all:
            found = [c for c in found if c.kind == "quantity"]
        found = contextualise(part, found)
        if offset:
            found = [c.with_(start=c.start + offset, end=c.end + offset) for c in found]
        yield from found
    if counts is not None:
        counts[doc.id] = numbered[0] + numbered[1]
