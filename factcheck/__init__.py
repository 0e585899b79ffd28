"""factcheck: numeric-claim fact-checking for Arabic and English newsrooms.

``factcheck.extract(text, lang=None, published=None)`` returns the claims of a text;
``factcheck.extract_all(text)`` every number expression with its kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Claim", "extract", "extract_all"]

if TYPE_CHECKING:
    from factcheck.model import Claim


def extract(text: str, lang: str | None = None, published: str | None = None) -> list[Claim]:
    """The numeric claims of ``text`` (see :func:`factcheck.extraction.extract`)."""
    from factcheck.extraction import extract as _extract

    return _extract(text, lang, published)


def extract_all(text: str, lang: str | None = None) -> list[Claim]:
    """Every number expression of ``text`` with its ``kind`` (claims are ``quantity``)."""
    from factcheck.extraction import extract_all as _extract_all

    return _extract_all(text, lang)


def __getattr__(name: str) -> Any:
    if name == "Claim":
        from factcheck.model import Claim

        return Claim
    raise AttributeError(name)
